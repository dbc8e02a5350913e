//! The evidence dataset: actors, relations and the verbatim passages that support them.
//!
//! Nothing here knows about egui: the model is plain data that the loader validates once,
//! so every later stage (layout, scene, export) can trust it.

mod anchor;
mod builtin;
mod compare;
pub mod contain;
mod date;
mod diff;
mod document;
mod draft;
mod error;
mod files;
mod grading;
mod ids;
mod import;
mod kinds;
mod lint;
mod load;
mod markup;
mod merge;
mod new_map;
mod progress;
mod raw;
mod save;
mod sentences;
mod sources;
pub mod story;
mod validate;

use std::ops::Range;
use std::path::PathBuf;

pub use anchor::{
    Anchor, Article, InContext, PAGE_MARK, PAGE_MARK_END, PageRun, normalize_for_match, page_mark,
};
pub use builtin::{BUILTIN_NAME, builtin};
pub use compare::{Comparison, Mark, Was, as_of, before_every_source, source_dates};
pub use date::{End, PassageDate};
pub use diff::{ActorChanges, Change, MapDiff, RelationDiff, diff};
pub use document::{
    ARTICLE_EXTENSIONS, ArticleFile, MAX_CHARACTERS, MAX_PAGES, MAX_PART_BYTES, TIME_LIMIT,
    read_article_bytes, read_article_file,
};
pub use draft::{DRAFT_LABEL_PREFIX, DraftReport, add_drafts, is_draft_relation, parse_actors};
pub use error::{LoadError, OPEN_EXTENSIONS, OPENS, Problem, ProblemKind};
pub use files::MAX_FILE_BYTES;
pub use grading::{Credibility, Grade, Reliability};
pub use ids::{
    ActorId, PassageId, PerActor, PerRelation, PerSource, RelationId, SourceId, unique_id,
};
pub use kinds::{ActorKind, Dimension, Modality, PassageStatus, Tone};
pub use lint::{
    MAX_RELATIONS_PER_QUOTE, MIN_QUOTE_WORDS, Warning, WarningKind, first_mention, lint, names,
};
pub use load::{
    load_bytes, load_path, load_path_keeping_unanchored, load_path_showing_progress, load_str,
    read_text_file,
};
pub use merge::{MergeReport, merge, name_key, name_sources};
pub use new_map::{ArticleError, SourceFields, article_text, new_map_from_text, source_from_text};
pub use progress::{LoadProgress, LoadSnapshot, LoadStep};
pub use save::{CONTEXT_CHARS, to_relmap_json};
pub use sources::SINGLE_SOURCE_ID;
pub use story::{Step, StepLabels, StepLinks, prune_storyboard};
pub use typed_index_collections::{TiSlice, TiVec};

/// A validated dataset, ready to lay out and draw.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Human title, shown in the window title and on exports.
    pub title: String,
    /// The documents the evidence is quoted from, in file order; never empty (a map imported
    /// without any text has one empty source).
    pub sources: PerSource<Source>,
    /// Actors in file order; relations refer to them by index.
    pub actors: PerActor<Actor>,
    /// Relations in file order.
    pub relations: PerRelation<Relation>,
    /// Where the dataset came from, for titles, error messages and persistence keys.
    pub origin: Origin,
    /// Things the loader adjusted and the user should know (e.g. skipped self-loops).
    pub notes: Vec<String>,
    /// What the evidence lint found (see [`lint`]); computed once at load.
    pub warnings: Vec<Warning>,
    /// The briefing's steps, in order (see [`story`]); empty for most maps.
    pub storyboard: Vec<Step>,
}

/// Where a dataset was loaded from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The map compiled into the binary.
    Builtin,
    /// A file on disk.
    File(PathBuf),
    /// Text handed to the loader directly (tests, paste).
    Memory(String),
}

impl Origin {
    /// A short name for messages: the file name, or "built-in map".
    pub fn display_name(&self) -> String {
        match self {
            Self::Builtin => BUILTIN_NAME.to_owned(),
            Self::File(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            Self::Memory(name) => name.clone(),
        }
    }

    /// A stable key identifying the dataset, used to persist its layout separately.
    pub fn key(&self) -> String {
        match self {
            Self::Builtin => "builtin".to_owned(),
            Self::File(path) => {
                let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                format!("file:{}", abs.display())
            }
            Self::Memory(name) => format!("memory:{name}"),
        }
    }
}

/// Bibliographic data for the source article.
#[derive(Clone, Debug, Default)]
pub struct SourceMeta {
    /// Article title.
    pub title: String,
    /// Author, if known.
    pub author: Option<String>,
    /// Publication date, if known.
    pub date: Option<PassageDate>,
    /// Publisher, outlet or section, if known (the file's `section`, or `publisher`).
    pub publisher: Option<String>,
    /// Where the article was published, if known (shown, never fetched).
    pub url: Option<String>,
    /// How reliable the source is (Admiralty code A–F), if the analyst graded it.
    pub reliability: Option<Reliability>,
}

impl SourceMeta {
    /// "Richard Weitz, “Title”, 1 March 2012": the line printed under figures and citations.
    pub fn citation(&self) -> String {
        let mut parts = Vec::new();
        if let Some(author) = &self.author {
            parts.push(author.clone());
        }
        parts.push(format!("“{}”", self.title));
        if let Some(date) = &self.date {
            parts.push(date.long());
        }
        parts.join(", ")
    }
}

/// One source document: its id (what passages name), bibliographic data and text.
#[derive(Clone, Debug)]
pub struct Source {
    /// Stable id passages refer to (`"source"` for a file with a single `source` object).
    pub id: String,
    /// Title, author, date, publisher, URL.
    pub meta: SourceMeta,
    /// The text, split into paragraphs and sentences, that passages are anchored in.
    pub article: Article,
}

impl Source {
    /// A short name for tabs and passage labels: the title cut to `max` characters.
    pub fn short_title(&self, max: usize) -> String {
        let title = self.meta.title.trim();
        if title.chars().count() <= max {
            return title.to_owned();
        }
        let cut: String = title.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }

    /// "Short title, 1 March 2012": how a passage names its source in the side panel.
    pub fn label(&self) -> String {
        match &self.meta.date {
            Some(date) => format!("{}, {}", self.short_title(40), date.long()),
            None => self.short_title(40),
        }
    }
}

/// One actor (node) of the map.
#[derive(Clone, Debug)]
pub struct Actor {
    /// Stable id used by relations and persisted layouts.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Shape class.
    pub kind: ActorKind,
    /// Other names the article uses for the actor.
    pub aliases: Vec<String>,
    /// Names in the actor's own languages.
    pub native_names: Vec<String>,
    /// Secondary actors are hidden until the user asks for them.
    pub secondary: bool,
    /// Suggested position in the unit square (x right, y down), if the dataset gives one.
    pub position: Option<[f32; 2]>,
}

/// One relationship (edge) between two actors, with its evidence.
#[derive(Clone, Debug)]
pub struct Relation {
    /// Stable id, used by `--select` and persisted selections.
    pub id: String,
    /// The actor the relation starts from (the file's `source`).
    pub from: ActorId,
    /// The other actor (the file's `target`); never equal to `from`.
    pub to: ActorId,
    /// Short description shown on hover and in the side panel.
    pub label: String,
    /// Policy field.
    pub dimension: Dimension,
    /// Character in effect: the declared tone, or derived from the passages' tones.
    pub tone: Tone,
    /// The tone the dataset states for the relation, if it states one.
    pub declared_tone: Option<Tone>,
    /// Whether the relation points from `source` to `target`.
    pub directed: bool,
    /// Relative strength from imported data (`weight`/`value`), 1 when not given.
    pub weight: f32,
    /// Verbatim evidence; may be empty only for imported edge lists ("no evidence").
    pub passages: Vec<Passage>,
}

impl Relation {
    /// The label to show for an optional, possibly blank, label field.
    pub fn label_or_default(label: Option<String>) -> String {
        label
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| UNLABELLED.to_owned())
    }

    /// Whether the relation came without a label (an imported edge): lists and lines then
    /// name it by its actors rather than print "(unlabelled)" on every one.
    pub fn is_unlabelled(&self) -> bool {
        self.label == UNLABELLED
    }

    /// How a list names the relation from one actor's side: "Cosette · Letters (3)", or for
    /// an imported edge without label or evidence "Cosette · weight 3" / "Cosette".
    pub fn row_text(&self, other: &str) -> String {
        let mut text = other.to_owned();
        if !self.is_unlabelled() {
            text.push_str(" · ");
            text.push_str(&self.label);
        }
        if self.weight != 1.0 {
            text.push_str(&format!(" · weight {}", self.weight));
        }
        if !self.passages.is_empty() || !self.is_unlabelled() {
            text.push_str(&format!(" ({})", self.passages.len()));
        }
        text
    }

    /// Whether every passage is a forecast or an aim (and there is at least one): the
    /// relation is not reported as happening, which lists and legends say.
    pub fn is_unreported(&self) -> bool {
        !self.passages.is_empty() && self.passages.iter().all(|p| !p.modality().is_reported())
    }

    /// What an unreported relation rests on, in a word for its line label: "aim", "forecast",
    /// or "forecast / aim" when both; `None` when some passage is reported.
    pub fn unreported_kind(&self) -> Option<&'static str> {
        if !self.is_unreported() {
            return None;
        }
        let all = |m: Modality| self.passages.iter().all(|p| p.modality() == m);
        Some(if all(Modality::Aim) {
            "aim"
        } else if all(Modality::Forecast) {
            "forecast"
        } else {
            "forecast / aim"
        })
    }

    /// Whether this relation joins actors `a` and `b`, in either direction.
    pub fn joins(&self, a: ActorId, b: ActorId) -> bool {
        (self.from, self.to) == (a, b) || (self.from, self.to) == (b, a)
    }
}

/// The label of a relation that came without one.
pub const UNLABELLED: &str = "(unlabelled)";

/// A verbatim quote supporting a relation, anchored in the article.
#[derive(Clone, Debug)]
pub struct Passage {
    /// The quote as written in the dataset.
    pub quote: String,
    /// When the quoted fact holds, if the dataset says.
    pub date: Option<PassageDate>,
    /// Optional analyst note.
    pub note: Option<String>,
    /// The tone of this passage, if the dataset states one (`neutral` is [`Tone::Unspecified`]).
    pub tone: Option<Tone>,
    /// How far the analyst stands behind this passage.
    pub status: PassageStatus,
    /// Whether it reports a fact or a forecast, an aim, a perception or an assessment, as the
    /// dataset or the analyst states it; `None` when nobody said (read as a fact, and the
    /// lint asks when the sentence's wording suggests otherwise).
    pub stated_modality: Option<Modality>,
    /// Where the quote sits in its source's article; `None` only for imports that carry no
    /// article (or a quote not found, when the caller keeps such passages).
    pub anchor: Option<Anchor>,
    /// The source document the quote comes from.
    pub source: SourceId,
    /// How credible the information is (Admiralty code 1–6), if the analyst graded it.
    pub credibility: Option<Credibility>,
}

impl Passage {
    /// Its date in words ("since 2009"), or "as of the article" when it has none of its own:
    /// how exports and reports print it.
    pub fn date_in_words(&self) -> String {
        self.date
            .map_or_else(|| "as of the article".to_owned(), |x| x.long())
    }

    /// The passage's modality: the stated one, else a fact.
    pub fn modality(&self) -> Modality {
        self.stated_modality.unwrap_or_default()
    }
}

/// Byte range of a passage within [`Article::text`].
pub type TextRange = Range<usize>;

impl Dataset {
    /// The actor with this id.
    pub fn actor_index(&self, id: &str) -> Option<ActorId> {
        self.actors.iter().position(|a| a.id == id).map(ActorId)
    }

    /// The relation with this id.
    pub fn relation_index(&self, id: &str) -> Option<RelationId> {
        self.relations
            .iter()
            .position(|r| r.id == id)
            .map(RelationId)
    }

    /// The actor `id` names, if it is in range.
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id)
    }

    /// The relation `id` names, if it is in range.
    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        self.relations.get(id)
    }

    /// The passage `id` names, if it is in range.
    pub fn passage(&self, id: PassageId) -> Option<&Passage> {
        self.relation(id.relation)?.passages.get(id.index)
    }

    /// Every relation with its id, in file order.
    pub fn relations_with_ids(&self) -> impl Iterator<Item = (RelationId, &Relation)> {
        self.relations
            .iter()
            .enumerate()
            .map(|(i, r)| (RelationId(i), r))
    }

    /// Every actor with its id, in file order.
    pub fn actors_with_ids(&self) -> impl Iterator<Item = (ActorId, &Actor)> {
        self.actors.iter().enumerate().map(|(i, a)| (ActorId(i), a))
    }

    /// The lint's warnings about relation `r` (its own and its passages').
    pub fn warnings_for(&self, r: RelationId) -> impl Iterator<Item = &Warning> {
        self.warnings.iter().filter(move |w| w.relation == r)
    }

    /// Whether any relation has a tone (stated or derived): then neutral ones are drawn apart.
    pub fn states_tones(&self) -> bool {
        self.relations.iter().any(|r| r.tone != Tone::Unspecified)
    }

    /// Number of passages over all relations.
    pub fn passage_count(&self) -> usize {
        self.relations.iter().map(|r| r.passages.len()).sum()
    }

    /// Number of relations touching each actor, indexed like [`Dataset::actors`].
    pub fn degrees(&self) -> PerActor<usize> {
        let mut degree: PerActor<usize> = vec![0; self.actors.len()].into();
        for r in &self.relations {
            degree[r.from] += 1;
            degree[r.to] += 1;
        }
        degree
    }

    /// "China — Kazakhstan" (or "Russia → China" when directed).
    pub fn relation_endpoints(&self, relation: &Relation) -> String {
        let arrow = if relation.directed { "→" } else { "—" };
        format!(
            "{} {arrow} {}",
            self.actors[relation.from].name, self.actors[relation.to].name
        )
    }

    /// The first source: the map's main document (the one new maps start from).
    pub fn primary(&self) -> &Source {
        // Every constructor gives a dataset at least one source; an empty one stands in
        // rather than panicking should that ever be broken.
        static EMPTY: std::sync::OnceLock<Source> = std::sync::OnceLock::new();
        self.sources.first().unwrap_or_else(|| {
            EMPTY.get_or_init(|| Source {
                id: "source".to_owned(),
                meta: SourceMeta::default(),
                article: Article::new(String::new()),
            })
        })
    }

    /// The source document `id` names (the primary one if out of range).
    pub fn source(&self, id: SourceId) -> &Source {
        self.sources.get(id).unwrap_or_else(|| self.primary())
    }

    /// The page a passage's quote starts on, when its source is paged (a PDF) and the quote
    /// was found.
    pub fn page_of(&self, p: &Passage) -> Option<u32> {
        let anchor = p.anchor.as_ref()?;
        self.article_of(p).page_at(anchor.range.start)
    }

    /// Where a passage sits in its source, as citations print it: "p. 2, ¶4" ("pp. 1–2, ¶7"
    /// for a quote running over a page break), or "¶4" for an unpaged source; `None` when the
    /// quote was not found.
    pub fn place_of(&self, p: &Passage) -> Option<String> {
        let anchor = p.anchor.as_ref()?;
        let paragraph = anchor.paragraph();
        let article = self.article_of(p);
        let last = article.page_at(anchor.range.end.saturating_sub(1));
        Some(match (self.page_of(p), last) {
            (Some(first), Some(last)) if last > first => {
                format!("pp. {first}–{last}, ¶{paragraph}")
            }
            (Some(page), _) => format!("p. {page}, ¶{paragraph}"),
            (None, _) => format!("¶{paragraph}"),
        })
    }

    /// The article passage `p` is anchored in.
    pub fn article_of(&self, p: &Passage) -> &Article {
        &self.source(p.source).article
    }

    /// Passage `p`'s grade: its source's reliability and its own credibility.
    pub fn grade(&self, p: &Passage) -> Grade {
        Grade {
            reliability: self.source(p.source).meta.reliability,
            credibility: p.credibility,
        }
    }

    /// A passage's grade as printed beside it ("B2"), or `None` when it would say nothing
    /// the map does not say once: ungraded, or only the source's reliability in a map of one
    /// source (shown with the source instead of on every passage).
    pub fn grade_beside(&self, p: &Passage) -> Option<String> {
        let grade = self.grade(p);
        let telling = p.credibility.is_some() || (self.sources.len() > 1 && grade.is_graded());
        telling.then(|| grade.to_string())
    }

    /// How many distinct sources back `rel`: those of its passages that are neither drafts
    /// nor disputed (derived, never stored).
    pub fn corroboration(&self, rel: &Relation) -> usize {
        let mut sources: Vec<SourceId> = rel
            .passages
            .iter()
            .filter(|p| p.status == PassageStatus::Confirmed)
            .map(|p| p.source)
            .collect();
        sources.sort_unstable();
        sources.dedup();
        sources.len()
    }

    /// The source with this id.
    pub fn source_index(&self, id: &str) -> Option<SourceId> {
        self.sources.iter().position(|s| s.id == id).map(SourceId)
    }

    /// Every source with its id, in file order.
    pub fn sources_with_ids(&self) -> impl Iterator<Item = (SourceId, &Source)> {
        self.sources
            .iter()
            .enumerate()
            .map(|(i, s)| (SourceId(i), s))
    }

    /// "Richard Weitz, “Title”, 1 March 2012" for one source, or
    /// "1) Weitz, “A”, 2012; 2) …" for several: the source line of figures.
    pub fn citation(&self) -> String {
        if self.sources.len() <= 1 {
            return self.primary().meta.citation();
        }
        self.sources
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}) {}", i + 1, s.meta.citation()))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// "Source: …" or "Sources: 1) …; 2) …": the line under figures and report titles.
    pub fn source_line(&self) -> String {
        if self.sources.len() > 1 {
            format!("Sources: {}", self.citation())
        } else {
            format!("Source: {}", self.citation())
        }
    }

    /// Paragraph numbers (1-based) of `source` cited by at least one passage, sorted and unique.
    pub fn cited_paragraphs(&self, source: SourceId) -> Vec<usize> {
        let mut cited: Vec<usize> = self
            .relations
            .iter()
            .flat_map(|r| &r.passages)
            .filter(|p| p.source == source)
            .filter_map(|p| p.anchor.as_ref())
            .flat_map(|a| a.paragraphs.clone())
            .collect();
        cited.sort_unstable();
        cited.dedup();
        cited
    }

    /// Share of `source`'s paragraphs cited by at least one passage, in `0..=1`.
    pub fn coverage(&self, source: SourceId) -> f32 {
        let total = self.source(source).article.paragraphs.len();
        if total == 0 {
            return 0.0;
        }
        self.cited_paragraphs(source).len() as f32 / total as f32
    }
}

#[cfg(test)]
mod tests;
