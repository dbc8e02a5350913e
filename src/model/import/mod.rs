//! Importing plain graphs (node-link JSON, CSV edge lists) as datasets without an article.
//!
//! Imported relations usually carry no passages: they are drawn as "no evidence" so the map
//! never pretends a link is supported when it is not.

mod csv;
mod gexf;
mod graph_xml;
mod graphml;
mod nodelink;
mod nodelink_de;
mod sheet;
mod sniff;
mod xml;

pub(super) use self::csv::parse_csv;
pub(super) use graph_xml::parse_xml;
pub(super) use nodelink::parse_nodelink;
pub(super) use nodelink_de::{from_value as nodelink_from_value, read as read_nodelink};
pub(super) use sheet::parse_sheet;
pub(super) use sniff::{Sniffed, TextFormat, describe_text, sniff_bytes, text_format};

use std::collections::HashMap;

use super::error::{Problem, ProblemKind};
use super::validate::{parse_tone, parse_weight};
use super::{
    Actor, ActorId, ActorKind, Article, Dataset, Dimension, Origin, Passage, Relation, SourceMeta,
};

/// Collects actors and relations from an import, checking ids as it goes.
pub(super) struct Builder {
    title: String,
    actors: Vec<Actor>,
    // Hash maps: only looked up, never walked in order. With B-trees each of the two lookups
    // and one insert per link compared strings at every level: a fifth of reading a
    // 400,000-link file.
    ids: HashMap<String, usize>,
    /// Other keys rows may name an actor by (a Kumu element's label when it has an ID too).
    lookup: HashMap<String, usize>,
    relations: Vec<Relation>,
    relation_ids: HashMap<String, usize>,
    problems: Vec<Problem>,
    self_loops: usize,
}

/// One imported edge before it becomes a [`Relation`].
pub(super) struct Edge {
    pub id: Option<String>,
    pub source: usize,
    pub target: usize,
    pub label: Option<String>,
    pub dimension: Option<String>,
    pub tone: Option<String>,
    pub weight: Option<f64>,
    /// Evidence to keep as passages (unanchored: an imported graph has no article).
    pub quotes: Vec<String>,
    pub directed: bool,
}

impl Builder {
    pub(super) fn new(title: String) -> Self {
        Self {
            title,
            actors: Vec::new(),
            ids: HashMap::new(),
            lookup: HashMap::new(),
            relations: Vec::new(),
            relation_ids: HashMap::new(),
            problems: Vec::new(),
            self_loops: 0,
        }
    }

    pub(super) fn problem(&mut self, location: String, kind: ProblemKind) {
        self.problems.push(Problem { location, kind });
    }

    pub(super) fn actor_index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).or_else(|| self.lookup.get(id)).copied()
    }

    /// Fills in actor `i`'s other names ("; "- or "|"-separated lists) and secondary flag.
    pub(super) fn set_extras(
        &mut self,
        i: usize,
        aliases: Option<&String>,
        native_names: Option<&String>,
        secondary: Option<&String>,
    ) {
        if let Some(actor) = self.actors.get_mut(i) {
            actor.aliases = aliases.map(|s| split_list(s)).unwrap_or_default();
            actor.native_names = native_names.map(|s| split_list(s)).unwrap_or_default();
            actor.secondary = secondary.is_some_and(|s| truthy(s));
        }
    }

    /// A node's id and how problems name it ("node \"n3\" (line 12)"); a node without an id
    /// is a problem, and `None`.
    pub(super) fn node_id<'a>(
        &mut self,
        id: Option<&'a str>,
        line: usize,
    ) -> Option<(&'a str, String)> {
        let Some(id) = id.filter(|id| !id.trim().is_empty()) else {
            self.problem(
                format!("node on line {line}"),
                ProblemKind::EmptyField { field: "id" },
            );
            return None;
        };
        Some((id, format!("node {id:?} (line {line})")))
    }

    /// The actor an edge's `field` ("source" or "target") names by `id`; an unknown or missing
    /// id is a problem at `location.field`.
    pub(super) fn endpoint(
        &mut self,
        location: &str,
        field: &'static str,
        id: Option<&str>,
    ) -> Option<usize> {
        let id = id.unwrap_or("");
        let found = self.actor_index(id);
        if found.is_none() {
            self.problem(
                format!("{location}.{field}"),
                ProblemKind::UnknownActor {
                    field,
                    id: if id.is_empty() {
                        "(missing)".to_owned()
                    } else {
                        id.to_owned()
                    },
                },
            );
        }
        found
    }

    /// A weight as written; text that is not a number is a problem at `location`.
    pub(super) fn weight(&mut self, location: String, text: &str) -> Option<f64> {
        let parsed = text.trim().parse::<f64>().ok();
        if parsed.is_none() {
            self.problem(
                location,
                ProblemKind::BadWeight {
                    value: text.to_owned(),
                },
            );
        }
        parsed
    }

    /// Lets rows name actor `i` by `key` as well as by its id.
    pub(super) fn add_lookup(&mut self, key: &str, i: usize) {
        self.lookup.entry(key.to_owned()).or_insert(i);
    }

    pub(super) fn actor_count(&self) -> usize {
        self.actors.len()
    }

    /// Adds an actor; a repeated id is a problem at `location`.
    pub(super) fn add_actor(
        &mut self,
        location: &str,
        id: String,
        name: Option<String>,
        kind: Option<&str>,
    ) {
        if let Some(&first) = self.ids.get(&id) {
            self.problem(
                location.to_owned(),
                ProblemKind::DuplicateActorId {
                    id,
                    first: format!("node {first}"),
                },
            );
            return;
        }
        let name = name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| id.clone());
        self.ids.insert(id.clone(), self.actors.len());
        self.actors.push(Actor {
            id,
            name,
            kind: kind.map_or(ActorKind::Unspecified, ActorKind::parse),
            aliases: Vec::new(),
            native_names: Vec::new(),
            secondary: false,
            position: None,
        });
    }

    /// Returns the actor with `id`, adding it (named after its id) if new.
    pub(super) fn actor_named(&mut self, id: &str) -> usize {
        if let Some(i) = self.actor_index(id) {
            return i;
        }
        self.add_actor("", id.to_owned(), None, None);
        self.actors.len() - 1
    }

    /// The actor just added or found, to fill in what a format carries beyond id, name, kind.
    pub(super) fn actor_mut(&mut self, i: usize) -> Option<&mut Actor> {
        self.actors.get_mut(i)
    }

    /// The id of actor `i` ("" if there is none).
    pub(super) fn actor_id(&self, i: usize) -> &str {
        self.actors.get(i).map_or("", |a| a.id.as_str())
    }

    /// A relation id not used yet: `preferred` when free, else one made from the two ends.
    pub(super) fn fresh_relation_id(
        &self,
        preferred: Option<&str>,
        source: usize,
        target: usize,
    ) -> String {
        if let Some(p) = preferred.filter(|p| !p.is_empty() && !self.relation_ids.contains_key(*p))
        {
            return p.to_owned();
        }
        let base = format!("{}-{}", self.actor_id(source), self.actor_id(target));
        crate::model::unique_id(&base, |c| self.relation_ids.contains_key(c))
    }

    pub(super) fn set_positions(&mut self, positions: Vec<[f32; 2]>) {
        for (actor, p) in self.actors.iter_mut().zip(positions) {
            actor.position = Some(p);
        }
    }

    pub(super) fn add_edge(&mut self, location: &str, edge: Edge) {
        if edge.source == edge.target {
            // Self-loops carry no relationship between two actors; count them for the summary.
            self.self_loops += 1;
            return;
        }
        let id = edge.id.unwrap_or_else(|| location.to_owned());
        if let Some(&first) = self.relation_ids.get(&id) {
            self.problem(
                location.to_owned(),
                ProblemKind::DuplicateRelationId {
                    id,
                    first: format!("edge {first}"),
                },
            );
            return;
        }
        let mut problems = Vec::new();
        let mut report =
            |location: String, kind: ProblemKind| problems.push(Problem { location, kind });
        let weight = parse_weight(edge.weight, location, &mut report);
        let tone = parse_tone(edge.tone.as_deref(), location, &mut report);
        self.problems.extend(problems);
        let passages = edge
            .quotes
            .into_iter()
            .filter(|q| !q.trim().is_empty())
            .map(|quote| Passage {
                quote,
                date: None,
                note: None,
                tone: None,
                status: super::PassageStatus::Confirmed,
                stated_modality: None,
                anchor: None,
                source: super::SourceId(0),
                credibility: None,
            })
            .collect();
        self.relation_ids.insert(id.clone(), self.relations.len());
        self.relations.push(Relation {
            id,
            from: ActorId(edge.source),
            to: ActorId(edge.target),
            label: Relation::label_or_default(edge.label),
            dimension: Dimension::parse_or_unspecified(edge.dimension.as_deref()),
            tone,
            declared_tone: Some(tone),
            directed: edge.directed,
            weight,
            passages,
        });
    }

    pub(super) fn finish(self, origin: Origin) -> Result<Dataset, Vec<Problem>> {
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        let mut notes = Vec::new();
        if self.self_loops > 0 {
            notes.push(format!(
                "{} self-loop(s) skipped: a relation needs two actors",
                self.self_loops
            ));
        }
        Ok(Dataset {
            title: self.title.clone(),
            sources: vec![super::Source {
                id: super::sources::SINGLE_SOURCE_ID.to_owned(),
                meta: SourceMeta {
                    title: self.title,
                    ..Default::default()
                },
                article: Article::default(),
            }]
            .into(),
            actors: self.actors.into(),
            relations: self.relations.into(),
            storyboard: Vec::new(),
            origin,
            notes,
            warnings: Vec::new(),
        })
    }
}

/// Scales arbitrary coordinates into the unit square, keeping the aspect ratio.
pub(super) fn normalise(points: &[[f64; 2]]) -> Vec<[f32; 2]> {
    let (mut min, mut max) = ([f64::MAX; 2], [f64::MIN; 2]);
    for p in points {
        for k in 0..2 {
            min[k] = min[k].min(p[k]);
            max[k] = max[k].max(p[k]);
        }
    }
    let span = (max[0] - min[0]).max(max[1] - min[1]).max(1e-9);
    points
        .iter()
        .map(|p| {
            [
                ((p[0] - min[0]) / span) as f32,
                ((p[1] - min[1]) / span) as f32,
            ]
        })
        .collect()
}

/// A yes/no cell or attribute as spreadsheets and XML write it.
pub(super) fn truthy(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_lowercase().as_str(),
        "true" | "yes" | "1" | "y" | "x"
    )
}

/// A list written in one field: "; " or "|" separated, as relmap's GraphML export and
/// spreadsheets write aliases.
pub(super) fn split_list(s: &str) -> Vec<String> {
    s.split([';', '|'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The quotes in a `passages` field as relmap's GraphML export writes it: one passage per
/// line, `[¶4, May 2012] “quote”`; a line without curly quotes is taken whole.
pub(super) fn passage_quotes(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            line.split_once('“')
                .and_then(|(_, rest)| rest.rsplit_once('”'))
                .map_or(line, |(quote, _)| quote)
                .to_owned()
        })
        .collect()
}

/// The file stem as a title ("trade-network" for `trade-network.csv`).
pub(super) fn title_from(file: &str) -> String {
    let name = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    let stem = name.split('.').next().unwrap_or(&name);
    if stem.is_empty() {
        name
    } else {
        stem.to_owned()
    }
}
