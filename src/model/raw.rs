//! The relmap/1 file format exactly as written on disk, before validation.

use serde::Deserialize;

/// Top level of a relmap/1 file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDataset {
    #[expect(
        dead_code,
        reason = "checked on the untyped value before this struct is read"
    )]
    pub format: String,
    #[serde(default)]
    pub title: Option<String>,
    /// The single source of a one-article map (the original relmap/1 form).
    #[serde(default)]
    pub source: Option<RawSource>,
    /// Several sources; each passage names its own by `source`.
    #[serde(default)]
    pub sources: Option<Vec<RawSource>>,
    pub actors: Vec<RawActor>,
    pub relations: Vec<RawRelation>,
    /// The briefing's steps (absent in older files).
    #[serde(default)]
    pub storyboard: Vec<RawStep>,
}

/// One storyboard step as written: what is shown and selected, never positions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStep {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub caption: Option<String>,
    /// A relation id.
    #[serde(default)]
    pub select: Option<String>,
    /// Actor ids.
    #[serde(default)]
    pub focus: Vec<String>,
    /// "relation", "pair" or "direction".
    #[serde(default)]
    pub links: Option<String>,
    /// "off", "selected" or "all".
    #[serde(default)]
    pub labels: Option<String>,
    #[serde(default)]
    pub secondary: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    /// What passages name; required in a `sources` list.
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// Where it was published ("publisher" is read as the same field).
    #[serde(default, alias = "publisher")]
    pub section: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub text_file: Option<String>,
    /// Admiralty reliability, "A"…"F".
    #[serde(default)]
    pub reliability: Option<String>,
    /// The pages of a paged source: where each run of text on one page begins.
    #[serde(default)]
    pub pages: Option<Vec<RawPageRun>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActor {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub native_names: Vec<String>,
    #[serde(default)]
    pub secondary: bool,
    #[serde(default)]
    pub position: Option<[f64; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRelation {
    pub id: String,
    pub source: String,
    pub target: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub dimension: Option<String>,
    #[serde(default)]
    pub tone: Option<String>,
    #[serde(default)]
    pub directed: bool,
    #[serde(default)]
    pub weight: Option<f64>,
    pub passages: Vec<RawPassage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPassage {
    pub quote: String,
    /// The id of the source the quote comes from; required when there are several.
    #[serde(default)]
    pub source: Option<String>,
    /// Text just before the quote, written on save to tell repeated quotes apart.
    #[serde(default)]
    pub prefix: Option<String>,
    /// Text just after the quote.
    #[serde(default)]
    pub suffix: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub tone: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub modality: Option<String>,
    /// Admiralty credibility, 1…6 (a number; a digit in a string is read too).
    #[serde(default)]
    pub credibility: Option<serde_json::Value>,
    /// The page the quote starts on, as written by relmap for other tools; read but not
    /// trusted (the page is worked out again from where the quote is found).
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "accepted for files relmap writes; the page is recomputed"
    )]
    pub page: Option<u32>,
}

/// A run of a source's text on one page: `{"start": 812, "page": 2}`, `start` counted in
/// characters from the start of the text.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPageRun {
    pub start: u64,
    pub page: u32,
}
