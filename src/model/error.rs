//! Errors for datasets the user hands us: each names the file, where in it, and what to do.

use std::fmt::Write as _;

/// Every format relmap opens, for messages that refuse a file.
pub const OPENS: &str = "relmap maps (.relmap.json), node-link JSON (networkx, d3), GraphML (.graphml: networkx, yEd, Cytoscape, Gephi), GEXF 1.2/1.3 (.gexf: Gephi), CSV or TSV edge lists with a header row, and spreadsheets (.xlsx, .xls, .ods: a Kumu-style workbook with Elements and Connections sheets, or an edge list on the first sheet)";

/// File extensions the open dialogs offer (the content decides the format in the end).
pub const OPEN_EXTENSIONS: &[&str] = &[
    "json", "graphml", "gexf", "xml", "csv", "tsv", "txt", "xlsx", "xlsb", "xls", "ods",
];

/// Why a dataset could not be loaded. Shown to users as is (with `{err}`).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{file}: cannot read the file: {source}. Check the path and that you may read it.")]
    Io {
        /// File as the user named it.
        file: String,
        /// Underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Refused before reading it whole, to keep memory bounded.
    #[error(
        "{file}: the file is {size} bytes, over relmap's limit of {limit} bytes. Split the dataset or trim the article text."
    )]
    TooLarge {
        /// File as the user named it.
        file: String,
        /// Its size in bytes.
        size: u64,
        /// The cap in bytes.
        limit: u64,
    },
    /// Nothing in the file.
    #[error(
        "{file}: the file is empty. A relmap dataset is a JSON object that starts with {{\"format\": \"relmap/1\", …}}."
    )]
    Empty {
        /// File as the user named it.
        file: String,
    },
    /// Not text.
    #[error(
        "{file}: this is not UTF-8 text (bad byte at offset {offset}). Save the file as UTF-8."
    )]
    NotUtf8 {
        /// File as the user named it.
        file: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Malformed JSON or CSV.
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        /// File as the user named it.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// Well-formed JSON with a missing field or a value of the wrong type.
    #[error("{file}: {path}: {message}")]
    Schema {
        /// File as the user named it.
        file: String,
        /// JSON path of the bad value, e.g. `relations[3].source`.
        path: String,
        /// What was wrong.
        message: String,
    },
    /// The content is none of the formats relmap reads (a PDF, an image, a web page, …).
    #[error(
        "{file}: relmap cannot open this file: it looks like {looks_like}. relmap opens {OPENS}."
    )]
    NotAMap {
        /// File as the user named it.
        file: String,
        /// What the content looks like, e.g. "a PDF document".
        looks_like: String,
    },
    /// A `format` this version does not read.
    #[error(
        "{file}: format {found:?} is not supported; this version of relmap reads \"relmap/1\" maps and opens {OPENS}."
    )]
    UnsupportedFormat {
        /// File as the user named it.
        file: String,
        /// The value of `format`.
        found: String,
    },
    /// The data parsed but breaks the rules; every problem found is listed.
    #[error("{}", render_problems(file, problems))]
    Invalid {
        /// File as the user named it.
        file: String,
        /// All problems, in file order.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// The individual problems, one line each, for lists in the UI and `relmap check`.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Invalid { file, problems } => {
                problems.iter().map(|p| format!("{file}: {p}")).collect()
            }
            other => vec![other.to_string()],
        }
    }
}

fn render_problems(file: &str, problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = write!(out, "{file}: {p}");
    }
    out
}

/// One validation problem at one place in the dataset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {kind}")]
pub struct Problem {
    /// JSON path plus the id where known, e.g. `relations[4] ("cn-kz-trade")`.
    pub location: String,
    /// What is wrong there.
    pub kind: ProblemKind,
}

/// The kinds of validation problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// A storyboard step names what is not there, or says something unreadable.
    #[error("{what}")]
    Story {
        /// What is wrong and what to do.
        what: String,
    },
    /// Two actors share an id.
    #[error("duplicate actor id {id:?} (first used by {first}); give each actor its own id")]
    DuplicateActorId {
        /// The repeated id.
        id: String,
        /// Path of the first actor with it.
        first: String,
    },
    /// Two relations share an id.
    #[error("duplicate relation id {id:?} (first used by {first}); give each relation its own id")]
    DuplicateRelationId {
        /// The repeated id.
        id: String,
        /// Path of the first relation with it.
        first: String,
    },
    /// A relation endpoint names no actor.
    #[error(
        "{field} {id:?} names no actor; use one of the actor ids (listed under \"actors\", or \"nodes\" in node-link files)"
    )]
    UnknownActor {
        /// `source` or `target`.
        field: &'static str,
        /// The dangling id.
        id: String,
    },
    /// A relation from an actor to itself.
    #[error("relation joins {id:?} to itself; a relation needs two different actors")]
    SelfRelation {
        /// The actor id.
        id: String,
    },
    /// A required text field is blank.
    #[error("{field} is empty")]
    EmptyField {
        /// Field name.
        field: &'static str,
    },
    /// A relmap/1 relation without evidence.
    #[error("relation has no passages; quote at least one sentence of the article that states it")]
    NoPassages,
    /// The quote is not in the article.
    #[error(
        "quote not found in {source_name}: \"{start}\"; copy the words exactly (only spacing and quote-mark style may differ)"
    )]
    QuoteNotFound {
        /// The quote's first words.
        start: String,
        /// Which source was searched: "the article", or "source \"id\" (“Title”)".
        source_name: String,
    },
    /// A passage names a source the file does not list.
    #[error("source {id:?} is not in the file's \"sources\" list{known}")]
    UnknownSource {
        /// The dangling id.
        id: String,
        /// ": the ids are a, b" (for the message).
        known: String,
    },
    /// Several sources and a passage that does not say which it quotes.
    #[error(
        "this map has several sources: add \"source\": one of {known} to say which the quote comes from"
    )]
    PassageSourceMissing {
        /// The ids to choose from, quoted and comma-separated.
        known: String,
    },
    /// A source id used twice, or a source in a list without an id.
    #[error("{what}")]
    BadSourceId {
        /// What is wrong and what to do.
        what: String,
    },
    /// Both `source` and `sources`, or neither.
    #[error("{what}")]
    SourceForm {
        /// What is wrong and what to do.
        what: String,
    },
    /// `text_file` escapes the dataset's folder.
    #[error(
        "text_file {path:?} is refused: it must be a relative path inside the dataset's own folder"
    )]
    TextFileOutside {
        /// The path as written.
        path: String,
    },
    /// `text_file` cannot be read.
    #[error("text_file {path:?} cannot be read: {reason}")]
    TextFileUnreadable {
        /// The path as written.
        path: String,
        /// Why.
        reason: String,
    },
    /// Neither `text` nor `text_file`.
    #[error(
        "the article is missing: give \"text\" (inline) or \"text_file\" (a file beside the dataset)"
    )]
    NoArticle,
    /// Both `text` and `text_file`.
    #[error("give either \"text\" or \"text_file\", not both")]
    BothArticles,
    /// A position that is not a finite number.
    #[error("position must be two finite numbers")]
    NonFinitePosition,
    /// A weight that is not a positive finite number.
    #[error("weight {value} must be a positive finite number")]
    BadWeight {
        /// The value as read.
        value: String,
    },
    /// A date that is not EDTF level 0 or 1 (`2012`, `2010-09`, `2012~`, `2009/..`).
    #[error("{reason}")]
    BadDate {
        /// What is wrong with the value, naming it, and the forms that work.
        reason: String,
    },
    /// A tone that is not one of the known words.
    #[error("tone {value:?} must be cooperation, tension, mixed or neutral")]
    BadTone {
        /// The value as written.
        value: String,
    },
    /// A passage status that is not one of the known words.
    #[error("status {value:?} must be draft, confirmed or disputed (absent means confirmed)")]
    BadStatus {
        /// The value as written.
        value: String,
    },
    /// A passage modality that is not one of the known words.
    #[error(
        "modality {value:?} must be fact, forecast, aim, perception or assessment (absent means fact)"
    )]
    BadModality {
        /// The value as written.
        value: String,
    },
    /// A source reliability that is not A–F.
    #[error(
        "reliability {value:?} must be a letter A–F (A completely reliable, B usually, C fairly, \
         D not usually, E unreliable, F cannot be judged); leave it out when not graded"
    )]
    BadReliability {
        /// The value as written.
        value: String,
    },
    /// A passage credibility that is not 1–6.
    #[error(
        "credibility {value} must be a number 1–6 (1 confirmed by other sources, 2 probably true, \
         3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged); leave it out when not graded"
    )]
    BadCredibility {
        /// The value as written (JSON).
        value: String,
    },
}
