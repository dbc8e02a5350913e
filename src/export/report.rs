//! The evidence report: every passage behind the relations shown, in its sentence, grouped by
//! actor pair, as one self-contained HTML file (figure inline), Markdown (figure as a sibling
//! SVG) or CSV (one row per passage). What leaves relmap can be read without relmap.

use std::fmt::Write as _;
use std::path::Path;

use super::svg_text::escape_xml;
use crate::model::{ActorId, Dataset, Passage, PassageStatus, RelationId};

/// Report file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// One self-contained HTML page, print-friendly.
    Html,
    /// Markdown, with the figure as a sibling SVG file.
    Markdown,
    /// One row per passage.
    Csv,
}

impl ReportFormat {
    /// The format named by a path's extension (`.html`/`.htm`, `.md`, `.csv`).
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

/// What goes into a report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportInput {
    /// Relations to report, in dataset order (the map's filters already applied).
    pub relations: Vec<RelationId>,
    /// Leave out draft and disputed passages.
    pub confirmed_only: bool,
    /// Leave out passages graded below this (an ungraded half leaves that half free).
    pub min_grade: Option<crate::model::Grade>,
}

impl ReportInput {
    /// How many passages the report prints.
    pub fn passage_count(&self, d: &Dataset) -> usize {
        self.relations.iter().map(|&r| rows(d, r, self).len()).sum()
    }
}

/// One passage as the report prints it.
struct Row<'a> {
    passage: &'a Passage,
    /// The whole sentence(s) holding the quote, exactly as in the article.
    sentence: String,
    /// Sentence text before and after the quote.
    before: String,
    after: String,
    paragraph: Option<usize>,
    date: String,
}

fn rows<'a>(d: &'a Dataset, r: RelationId, input: &ReportInput) -> Vec<Row<'a>> {
    d.relations[r]
        .passages
        .iter()
        .filter(|p| !input.confirmed_only || p.status == PassageStatus::Confirmed)
        .filter(|p| input.min_grade.is_none_or(|min| d.grade(p).meets(min)))
        .map(|p| {
            let (sentence, before, after, paragraph) = match &p.anchor {
                Some(anchor) => {
                    let c = d.article_of(p).in_context(anchor);
                    (
                        format!("{}{}{}", c.before, c.quote, c.after),
                        c.before.to_owned(),
                        c.after.to_owned(),
                        Some(anchor.paragraph()),
                    )
                }
                None => (p.quote.clone(), String::new(), String::new(), None),
            };
            Row {
                passage: p,
                sentence: sentence.trim().to_owned(),
                before: before.trim_start().to_owned(),
                after: after.trim_end().to_owned(),
                paragraph,
                date: p.date_in_words(),
            }
        })
        .collect()
}

/// Relations grouped by actor pair (pairs in order of first appearance).
fn by_pair(d: &Dataset, relations: &[RelationId]) -> Vec<(String, Vec<RelationId>)> {
    let mut groups: Vec<((ActorId, ActorId), String, Vec<RelationId>)> = Vec::new();
    for &r in relations {
        let rel = &d.relations[r];
        let key = (rel.from.min(rel.to), rel.from.max(rel.to));
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, list)) => list.push(r),
            None => {
                let name = format!("{} — {}", d.actors[key.0].name, d.actors[key.1].name);
                groups.push((key, name, vec![r]));
            }
        }
    }
    groups.into_iter().map(|(_, n, l)| (n, l)).collect()
}

fn meta(row: &Row<'_>, d: &Dataset) -> String {
    let mut parts = Vec::new();
    if let Some(grade) = d.grade_beside(row.passage) {
        parts.push(grade);
    }
    parts.push(
        d.place_of(row.passage)
            .unwrap_or_else(|| "not found in the article".to_owned()),
    );
    parts.push(row.date.clone());
    parts.push(d.source(row.passage.source).meta.citation());
    if row.passage.status != PassageStatus::Confirmed {
        parts.push(row.passage.status.as_str().to_owned());
    }
    if row.passage.modality() != crate::model::Modality::Fact {
        parts.push(row.passage.modality().as_str().to_owned());
    }
    if let Some(t) = row.passage.tone {
        parts.push(format!("tone: {}", t.legend_label()));
    }
    parts.join(" · ")
}

const CSS: &str = "body{font-family:system-ui,'Ubuntu','Helvetica Neue',Arial,sans-serif;\
max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.45}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;\
border-bottom:1px solid #ccd;padding-bottom:.2rem;break-after:avoid}\
h3{font-size:1.05rem;margin:1.2rem 0 .3rem;break-after:avoid}\
.badge{font-size:.8rem;color:#444;background:#eef;border-radius:.6rem;padding:.05rem .5rem;\
margin-right:.3rem}.source{color:#555}figure{margin:1rem 0}figure svg{max-width:100%;\
height:auto}blockquote{margin:.5rem 0 .8rem;padding-left:.8rem;border-left:3px solid #99a;\
break-inside:avoid}blockquote .ctx{color:#666}blockquote strong{font-weight:600}\
.meta{font-size:.85rem;color:#555}.note{font-size:.85rem;font-style:italic}\
@media print{body{margin:0;max-width:none}a{color:inherit}}";

/// The report as one self-contained HTML page with `figure_svg` inline.
pub fn report_html(d: &Dataset, input: &ReportInput, figure_svg: &str) -> String {
    let mut out = String::new();
    let title = escape_xml(&d.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{title} — evidence report</title><style>{CSS}</style></head><body>\n\
         <h1>{title}</h1>\n<p class=\"source\">Evidence report · {}</p>\n",
        escape_xml(&d.source_line())
    );
    // The SVG's own XML declaration is not allowed inside HTML.
    let inline = figure_svg
        .trim_start()
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .unwrap_or(figure_svg)
        .trim_start();
    let _ = writeln!(out, "<figure>{inline}</figure>");
    for (pair, relations) in by_pair(d, &input.relations) {
        let _ = writeln!(out, "<h2>{}</h2>", escape_xml(&pair));
        for r in relations {
            html_relation(&mut out, d, r, input);
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// "1 source", "2 sources": how many distinct sources back a relation (confirmed passages).
fn corroboration(d: &Dataset, r: RelationId) -> String {
    match d.corroboration(&d.relations[r]) {
        1 => "1 source".to_owned(),
        n => format!("{n} sources"),
    }
}

fn html_relation(out: &mut String, d: &Dataset, r: RelationId, input: &ReportInput) {
    let rel = &d.relations[r];
    let rows = rows(d, r, input);
    let arrow = if rel.directed { " →" } else { "" };
    let _ = write!(
        out,
        "<h3>{}{arrow} <small class=\"meta\">· {}</small></h3>\n<p><span class=\"badge\">{}</span>\
         <span class=\"badge\">{}</span><span class=\"badge\">{} passage{}</span></p>\n",
        escape_xml(&rel.label),
        corroboration(d, r),
        escape_xml(rel.dimension.as_str()),
        rel.tone.legend_label(),
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    );
    for row in &rows {
        let _ = write!(
            out,
            "<blockquote><span class=\"ctx\">{}</span><strong>{}</strong><span class=\"ctx\">{}</span>\
             <div class=\"meta\">{}</div>",
            escape_xml(&row.before),
            escape_xml(row.passage.quote.trim()),
            escape_xml(&row.after),
            escape_xml(&meta(row, d))
        );
        if let Some(note) = &row.passage.note {
            let _ = write!(out, "<div class=\"note\">Note: {}</div>", escape_xml(note));
        }
        out.push_str("</blockquote>\n");
    }
}

/// The report as Markdown; the figure is referenced as `figure_file` (written beside it).
pub fn report_markdown(d: &Dataset, input: &ReportInput, figure_file: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "# {}\n\nEvidence report · {}\n\n![Map: {}]({figure_file})\n",
        d.title,
        d.source_line(),
        d.title
    );
    for (pair, relations) in by_pair(d, &input.relations) {
        let _ = write!(out, "\n## {pair}\n");
        for r in relations {
            let rel = &d.relations[r];
            let rows = rows(d, r, input);
            let _ = write!(
                out,
                "\n### {}{} · {}\n\n{} · {} · {} passage{}\n",
                rel.label,
                if rel.directed { " →" } else { "" },
                corroboration(d, r),
                rel.dimension.as_str(),
                rel.tone.legend_label(),
                rows.len(),
                if rows.len() == 1 { "" } else { "s" }
            );
            for row in &rows {
                let emphasised = format!(
                    "{}**{}**{}",
                    md_escape(&row.before),
                    md_escape(row.passage.quote.trim()),
                    md_escape(&row.after)
                );
                let _ = write!(out, "\n> {emphasised}\n>\n> — {}\n", meta(row, d));
                if let Some(note) = &row.passage.note {
                    let _ = write!(out, ">\n> *Note: {}*\n", md_escape(note));
                }
            }
        }
    }
    out
}

/// Escapes the characters Markdown would read as formatting inside a quote.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// The CSV header of [`report_csv`]. `date` is the passage's own date in EDTF as saved
/// ("2009/..", empty when it is dated only by the article); `date_in_words` is how the report
/// prints it ("since 2009", "as of the article"). `reliability` (A–F, the source's),
/// `credibility` (1–6) and `grade` ("B2", "B–" half graded) are empty when not graded;
/// `corroboration` is how many distinct sources back the relation (confirmed passages).
pub const CSV_COLUMNS: [&str; 19] = [
    "relation",
    "source_actor",
    "target_actor",
    "label",
    "dimension",
    "tone",
    "quote",
    "sentence",
    "paragraph",
    "date",
    "document",
    "status",
    "modality",
    "date_in_words",
    "reliability",
    "credibility",
    "grade",
    "corroboration",
    "page",
];

/// The report as CSV: one row per passage, [`CSV_COLUMNS`].
pub fn report_csv(d: &Dataset, input: &ReportInput) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CSV_COLUMNS);
    for &r in &input.relations {
        let rel = &d.relations[r];
        for row in rows(d, r, input) {
            let grade = d.grade(row.passage);
            let _ = w.write_record([
                rel.id.as_str(),
                d.actors[rel.from].name.as_str(),
                d.actors[rel.to].name.as_str(),
                rel.label.as_str(),
                rel.dimension.as_str(),
                rel.tone.legend_label(),
                row.passage.quote.as_str(),
                row.sentence.as_str(),
                &row.paragraph.map(|p| p.to_string()).unwrap_or_default(),
                &row.passage.date.map(|x| x.to_string()).unwrap_or_default(),
                &d.source(row.passage.source).meta.citation(),
                row.passage.status.as_str(),
                row.passage.modality().as_str(),
                row.date.as_str(),
                grade
                    .reliability
                    .map_or("", crate::model::Reliability::letter),
                &grade
                    .credibility
                    .map(|c| c.number().to_string())
                    .unwrap_or_default(),
                &if grade.is_graded() {
                    grade.to_string()
                } else {
                    String::new()
                },
                &d.corroboration(rel).to_string(),
                &d.page_of(row.passage)
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
            ]);
        }
    }
    // Writing to memory cannot fail; an empty report would show a bug plainly.
    w.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}
