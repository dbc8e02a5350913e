//! The interactive handout: one self-contained HTML file a reader without relmap opens in any
//! current browser, offline. The map is the figure's SVG (the same `Scene` as the PNG/SVG
//! export); clicking a line shows its passages in their sentences.
//!
//! Safe by construction: every name, label, quote, note and title travels as data, JSON inside
//! `<script type="application/json">` with `<`, `>` and `&` escaped, and the page's script
//! builds the DOM with `textContent` only. A Content-Security-Policy forbids loading anything
//! from anywhere. DOM contract (tests and readers rely on it): every relation's line carries
//! `data-relation="ID"` (the relation's dataset id), every actor `data-actor="ID"`; the
//! passages show in `#evidence`; the search box is `#search`; legend toggles are in `#legend`;
//! a map with a storyboard lists its steps as buttons in `#story` (`data-step="N"`, from 1),
//! the step shown described in `#story-step`, the actors and lines outside it `.faded`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::Figure;
use super::svg_text::escape_xml;
use crate::model::{Dataset, RelationId, SourceId};

/// The page's behaviour: hand-written, no framework, no remote resource, no `fetch`.
const SCRIPT: &str = include_str!("handout.js");
/// The page's look, with the phone layout and the print stylesheet.
const STYLE: &str = include_str!("handout.css");

/// What the page's script reads.
#[derive(Serialize)]
struct Data<'a> {
    title: &'a str,
    sources: Vec<SourceData>,
    actors: BTreeMap<&'a str, &'a str>,
    /// Shown relations by dataset id.
    relations: BTreeMap<&'a str, RelationData<'a>>,
    /// Per line (its `data-relation`), the relations it stands for (several when lines are
    /// combined per pair or direction).
    lines: BTreeMap<&'a str, Vec<&'a str>>,
    /// The map's storyboard, as a Story the reader steps through.
    story: Vec<StepData<'a>>,
}

/// One storyboard step for the page: its words, the actors it narrows to (ids), and its
/// relation, carried whole so its passages show even where the figure does not draw it.
#[derive(Serialize)]
struct StepData<'a> {
    title: String,
    caption: &'a str,
    focus: Vec<&'a str>,
    select: Option<&'a str>,
    relation: Option<RelationData<'a>>,
}

#[derive(Serialize)]
struct SourceData {
    citation: String,
    /// "Weitz 2012": how a passage names its source.
    short: String,
    /// Paragraphs as runs of text; a run quoted as evidence names every relation it backs.
    paragraphs: Vec<Vec<(String, Vec<String>)>>,
}

#[derive(Serialize)]
struct RelationData<'a> {
    from: &'a str,
    to: &'a str,
    label: &'a str,
    dimension: &'a str,
    tone: &'static str,
    directed: bool,
    sources: usize,
    passages: Vec<PassageData<'a>>,
}

#[derive(Serialize)]
struct PassageData<'a> {
    before: &'a str,
    quote: &'a str,
    after: &'a str,
    paragraph: Option<usize>,
    /// The page its quote starts on, in a paged source.
    page: Option<u32>,
    date: String,
    source: usize,
    grade: Option<String>,
    kind: Option<&'static str>,
    status: Option<&'static str>,
    note: Option<&'a str>,
}

/// The handout for `figure` (already filtered, styled and laid out like a figure export):
/// one self-contained HTML page; passages graded below `min_grade` (the grade filter on
/// screen) are left out as they are from the report. Deterministic: the same inputs give the
/// same bytes.
pub fn handout_html(
    d: &Dataset,
    figure: &Figure,
    figure_svg: &str,
    min_grade: Option<crate::model::Grade>,
) -> String {
    let data = data(d, figure, min_grade);
    // Serialising plain strings and numbers cannot fail.
    let json = serde_json::to_string(&data).unwrap_or_default();
    let title = escape_xml(&d.title);
    let source_line = escape_xml(&d.source_line());
    let svg = figure_svg
        .trim_start()
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .unwrap_or(figure_svg)
        .trim_start();
    // The page takes the figure's theme: a dark figure on a light page is a hole in it.
    let bg = figure.scene.background;
    let dark = bg.a() > 0 && u32::from(bg.r()) + u32::from(bg.g()) + u32::from(bg.b()) < 3 * 128;
    let body_class = if dark { " class=\"dark\"" } else { "" };
    let mut out = String::with_capacity(svg.len() + json.len() + 16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} — relationship map</title>\n<style>{STYLE}</style></head>\n<body{body_class}>\n\
         <header><h1>{title}</h1><p class=\"source\">{source_line}</p></header>\n\
         <main class=\"layout\">\n<section class=\"map\" aria-label=\"Relationship map: \
         Tab to a line or an actor and press Enter to read its evidence\">\n{svg}</section>\n\
         <aside class=\"side\" tabindex=\"0\" aria-label=\"Evidence (arrow keys and Page Down \
         scroll it)\">\n\
         <nav id=\"story\" aria-label=\"Story: the briefing step by step\" hidden></nav>\n\
         <input id=\"search\" type=\"search\" \
         placeholder=\"Search passages, relations, actors\" aria-label=\"Search passages\">\n\
         <div id=\"legend\" role=\"group\" aria-label=\"Show or hide lines\"></div>\n\
         <div id=\"evidence\" aria-live=\"polite\"><p class=\"hint\">Click a line (or Tab to it \
         and press Enter) to read the passages behind it; click an actor to list its \
         relations.</p></div>\n<p><button id=\"read-article\" type=\"button\" \
         aria-expanded=\"false\">Read the article, cited passages marked</button></p>\n\
         <div id=\"article\" hidden></div>\n</aside>\n</main>\n\
         <section id=\"all-evidence\" aria-label=\"Every passage\"></section>\n\
         <footer><p class=\"source\">{source_line} · made with relmap</p></footer>\n\
         <script type=\"application/json\" id=\"relmap-data\">{}</script>\n\
         <script>{SCRIPT}</script>\n</body></html>\n",
        script_safe(&json)
    );
    out
}

/// `json` safe inside a `<script>` element: `<`, `>` and `&` as JSON escapes, so no text in
/// the data can close the element or open a comment.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

fn data<'a>(
    d: &'a Dataset,
    figure: &'a Figure,
    min_grade: Option<crate::model::Grade>,
) -> Data<'a> {
    let mut relations = BTreeMap::new();
    let mut lines: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (edge, line_id) in figure.scene.edges.iter().zip(&figure.edge_ids) {
        let members = lines.entry(line_id.as_str()).or_default();
        for &r in &edge.members {
            let Some(rel) = d.relation(r) else { continue };
            members.push(rel.id.as_str());
            relations.insert(rel.id.as_str(), relation_data(d, r, min_grade));
        }
    }
    Data {
        title: &d.title,
        sources: d
            .sources_with_ids()
            .map(|(id, s)| SourceData {
                citation: s.meta.citation(),
                short: short_citation(s),
                paragraphs: paragraphs(d, id),
            })
            .collect(),
        actors: d
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect(),
        relations,
        lines,
        story: d
            .storyboard
            .iter()
            .enumerate()
            .map(|(n, step)| {
                let r = step.selected_in(d);
                StepData {
                    title: step.title_or_number(n),
                    caption: &step.caption,
                    focus: step.focus.iter().map(String::as_str).collect(),
                    select: r.and_then(|r| d.relation(r)).map(|rel| rel.id.as_str()),
                    relation: r.map(|r| relation_data(d, r, min_grade)),
                }
            })
            .collect(),
    }
}

/// "Weitz 2012": the author's last name (else the short title) and the year, if dated.
fn short_citation(s: &crate::model::Source) -> String {
    let who = s
        .meta
        .author
        .as_deref()
        .and_then(|a| a.split_whitespace().last())
        .map_or_else(|| s.short_title(30), str::to_owned);
    match s.meta.date.and_then(|d| d.first_year()) {
        Some(year) => format!("{who} {year}"),
        None => who,
    }
}

fn relation_data(
    d: &Dataset,
    r: RelationId,
    min_grade: Option<crate::model::Grade>,
) -> RelationData<'_> {
    let rel = &d.relations[r];
    RelationData {
        from: &d.actors[rel.from].id,
        to: &d.actors[rel.to].id,
        label: &rel.label,
        dimension: rel.dimension.as_str(),
        tone: rel.tone.legend_label(),
        directed: rel.directed,
        sources: d.corroboration(rel),
        passages: rel
            .passages
            .iter()
            .filter(|p| p.status != crate::model::PassageStatus::Draft)
            .filter(|p| min_grade.is_none_or(|min| d.grade(p).meets(min)))
            .map(|p| {
                let (before, quote, after) = match &p.anchor {
                    Some(a) => {
                        let c = d.article_of(p).in_context(a);
                        (c.before, c.quote, c.after)
                    }
                    None => ("", p.quote.as_str(), ""),
                };
                PassageData {
                    before,
                    quote,
                    after,
                    paragraph: p.anchor.as_ref().map(crate::model::Anchor::paragraph),
                    page: d.page_of(p),
                    date: p.date_in_words(),
                    source: p.source.0,
                    grade: d.grade_beside(p),
                    kind: (p.modality() != crate::model::Modality::Fact)
                        .then(|| p.modality().as_str()),
                    status: (p.status != crate::model::PassageStatus::Confirmed)
                        .then(|| p.status.as_str()),
                    note: p.note.as_deref(),
                }
            })
            .collect(),
    }
}

/// Source `id`'s paragraphs as runs of text, each with the ids of the relations quoting all
/// of it (none for uncited text): cut wherever a quote starts or ends, so overlapping quotes
/// each keep their relations.
fn paragraphs(d: &Dataset, id: SourceId) -> Vec<Vec<(String, Vec<String>)>> {
    let article = &d.source(id).article;
    let cited: Vec<(usize, usize, &str)> = d
        .relations
        .iter()
        .flat_map(|rel| rel.passages.iter().map(move |p| (rel, p)))
        .filter(|(_, p)| p.source == id && p.status != crate::model::PassageStatus::Draft)
        .filter_map(|(rel, p)| {
            p.anchor
                .as_ref()
                .map(|a| (a.range.start, a.range.end, rel.id.as_str()))
        })
        .collect();
    article
        .paragraphs
        .iter()
        .map(|para| {
            let inside: Vec<&(usize, usize, &str)> = cited
                .iter()
                .filter(|(start, end, _)| *start < para.end && *end > para.start)
                .collect();
            let mut cuts: Vec<usize> = inside
                .iter()
                .flat_map(|(start, end, _)| [*start, *end])
                .map(|at| at.clamp(para.start, para.end))
                .chain([para.start, para.end])
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            cuts.windows(2)
                .map(|w| {
                    let mut rels: Vec<String> = inside
                        .iter()
                        .filter(|(start, end, _)| *start <= w[0] && *end >= w[1])
                        .map(|(_, _, rel)| (*rel).to_owned())
                        .collect();
                    rels.dedup();
                    (article.text[w[0]..w[1]].to_owned(), rels)
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::script_safe;

    #[test]
    fn nothing_in_the_data_can_close_its_script_element() {
        let json = serde_json::to_string("</script><script>alert(1)</script><!-- & -->")
            .unwrap_or_default();
        let safe = script_safe(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: String = serde_json::from_str(&safe).unwrap_or_default();
        assert_eq!(back, "</script><script>alert(1)</script><!-- & -->");
    }
}
