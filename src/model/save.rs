//! Writes a [`Dataset`] as a relmap/1 file: the inverse of the loader, so an edited map can be
//! saved and opened again with the same data.
//!
//! Every article text is embedded (`text`), so a saved map is one self-contained file
//! wherever it is moved. A map with one source is written with the single `source` object
//! (exactly the original relmap/1 form); with several, a `sources` list whose ids each passage
//! names in its `source` field. Each passage also stores `prefix` and `suffix`, a little of the text
//! around its quote (as the W3C Web Annotation `TextQuoteSelector` does), so that a quote
//! occurring twice in the article anchors at the occurrence the analyst chose.

use serde::Serialize;

use super::{ActorKind, Dataset, Passage, PassageStatus, Relation, Source};

/// Characters of context stored on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Serialize)]
struct OutDataset<'a> {
    format: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<OutSource<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<Vec<OutSource<'a>>>,
    actors: Vec<OutActor<'a>>,
    relations: Vec<OutRelation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    storyboard: Vec<OutStep<'a>>,
}

#[derive(Serialize)]
struct OutStep<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    caption: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    select: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    focus: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    links: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secondary: Option<bool>,
}

#[derive(Serialize)]
struct OutSource<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reliability: Option<&'static str>,
    text: &'a str,
    /// Its runs of text on each page, starts in characters (a paged source only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pages: Vec<OutPageRun>,
}

#[derive(Serialize)]
struct OutPageRun {
    start: usize,
    page: u32,
}

#[derive(Serialize)]
struct OutActor<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    native_names: &'a [String],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    secondary: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<[f64; 2]>,
}

#[derive(Serialize)]
struct OutRelation<'a> {
    id: &'a str,
    source: &'a str,
    target: &'a str,
    label: &'a str,
    dimension: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tone: Option<&'static str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    directed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
    passages: Vec<OutPassage<'a>>,
}

#[derive(Serialize)]
struct OutPassage<'a> {
    quote: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prefix: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tone: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modality: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credibility: Option<u8>,
    /// The page its quote starts on, in a paged source (derived from the anchor, written for
    /// other tools; a reader recomputes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
}

/// The dataset as relmap/1 JSON (pretty-printed, ending in a newline).
pub fn to_relmap_json<'a>(d: &'a Dataset) -> String {
    let several = d.sources.len() > 1;
    let out_source = |s: &'a Source| OutSource {
        id: several.then_some(s.id.as_str()),
        title: &s.meta.title,
        author: s.meta.author.as_deref(),
        date: s.meta.date.map(|x| x.to_string()),
        section: s.meta.publisher.as_deref(),
        url: s.meta.url.as_deref(),
        reliability: s.meta.reliability.map(super::Reliability::letter),
        text: &s.article.text,
        pages: page_chars(&s.article),
    };
    let out = OutDataset {
        format: "relmap/1",
        title: &d.title,
        source: (!several).then(|| out_source(d.primary())),
        sources: several.then(|| d.sources.iter().map(out_source).collect()),
        actors: d
            .actors
            .iter()
            .map(|a| OutActor {
                id: &a.id,
                name: &a.name,
                // "" reads back as unspecified; "actor" would read back as a kind named so.
                kind: match a.kind {
                    ActorKind::Unspecified => "",
                    ref k => k.as_str(),
                },
                aliases: &a.aliases,
                native_names: &a.native_names,
                secondary: a.secondary,
                position: a.position.map(|[x, y]| [f64::from(x), f64::from(y)]),
            })
            .collect(),
        relations: d.relations.iter().map(|r| relation(d, r)).collect(),
        storyboard: d
            .storyboard
            .iter()
            .map(|s| OutStep {
                title: &s.title,
                caption: &s.caption,
                select: s.select.as_deref(),
                focus: &s.focus,
                links: s.links.map(super::StepLinks::name),
                labels: s.labels.map(super::StepLabels::name),
                secondary: s.secondary,
            })
            .collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail; an empty string would
    // only ever mean a bug here, and the loader would refuse it loudly.
    let mut json = serde_json::to_string_pretty(&out).unwrap_or_default();
    json.push('\n');
    json
}

fn relation<'a>(d: &'a Dataset, r: &'a Relation) -> OutRelation<'a> {
    OutRelation {
        id: &r.id,
        source: &d.actors[r.from].id,
        target: &d.actors[r.to].id,
        label: &r.label,
        dimension: r.dimension.as_str(),
        tone: r.declared_tone.map(super::Tone::as_str),
        directed: r.directed,
        weight: (r.weight != 1.0).then_some(f64::from(r.weight)),
        passages: r.passages.iter().map(|p| passage(d, p)).collect(),
    }
}

fn passage<'a>(d: &'a Dataset, p: &'a Passage) -> OutPassage<'a> {
    let (prefix, suffix) = match &p.anchor {
        Some(anchor) => {
            let text = &d.article_of(p).text;
            let before = &text[..anchor.range.start];
            let after = &text[anchor.range.end..];
            let prefix_start = before
                .char_indices()
                .rev()
                .nth(CONTEXT_CHARS - 1)
                .map_or(0, |(i, _)| i);
            let suffix_end = after
                .char_indices()
                .nth(CONTEXT_CHARS)
                .map_or(after.len(), |(i, _)| i);
            (
                Some(&before[prefix_start..]).filter(|s| !s.is_empty()),
                Some(&after[..suffix_end]).filter(|s| !s.is_empty()),
            )
        }
        None => (None, None),
    };
    OutPassage {
        quote: &p.quote,
        source: (d.sources.len() > 1).then(|| d.source(p.source).id.as_str()),
        prefix,
        suffix,
        date: p.date.map(|x| x.to_string()),
        note: p.note.as_deref(),
        tone: p.tone.map(super::Tone::as_str),
        status: (p.status != PassageStatus::Confirmed).then_some(p.status.as_str()),
        modality: p.stated_modality.map(super::Modality::as_str),
        credibility: p.credibility.map(super::Credibility::number),
        page: d.page_of(p),
    }
}

/// The runs of `article`'s text on each page, starts in characters (as files store them).
fn page_chars(article: &super::Article) -> Vec<OutPageRun> {
    let mut out = Vec::with_capacity(article.pages.len());
    let mut chars = 0;
    let mut from = 0;
    for run in &article.pages {
        let start = run.start.min(article.text.len());
        chars += article
            .text
            .get(from..start)
            .map_or(0, |s| s.chars().count());
        from = start;
        out.push(OutPageRun {
            start: chars,
            page: run.page,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_map_saves_and_loads_back_the_same() {
        let d = super::super::builtin().expect("built-in");
        let json = to_relmap_json(&d);
        let back = super::super::load_str(&json, "saved.relmap.json").expect("reloads");
        assert_eq!(
            to_relmap_json(&back),
            json,
            "a second save is byte-identical"
        );
        assert_eq!(back.actors.len(), d.actors.len());
        assert_eq!(back.relations.len(), d.relations.len());
        for (a, b) in d.relations.iter().zip(&back.relations) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.tone, b.tone);
            assert_eq!(a.declared_tone, b.declared_tone);
            for (p, q) in a.passages.iter().zip(&b.passages) {
                assert_eq!(p.anchor, q.anchor, "{}", p.quote);
                assert_eq!(
                    (p.date, p.tone, p.status, p.stated_modality),
                    (q.date, q.tone, q.status, q.stated_modality)
                );
                assert_eq!(p.note, q.note);
            }
        }
        assert_eq!(back.primary().article.text, d.primary().article.text);
        assert_eq!(back.warnings.len(), d.warnings.len());
    }
}
