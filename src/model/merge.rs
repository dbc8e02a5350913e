//! Merging maps: one map whose lines gather evidence from several sources, built from maps made
//! separately. Actors are reconciled by id, then by any name they share (name, aliases, native
//! names; compared case-insensitively after Unicode NFKC normalisation, so "Россия" and
//! "РОССИЯ" meet); relations with the same ends, policy field and label become one and pool
//! their passages; every passage keeps its own source. Positions of the first map win.
//! A name shared by actors of different kinds is a clash: reported, never guessed.

use std::collections::{BTreeSet, HashMap};

use unicode_normalization::UnicodeNormalization;

use super::{ActorId, ActorKind, Dataset, Passage, Relation, RelationId, SourceId};

/// What a merge did, for the command's summary and the app's notice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Actors of the added map found in the first: (their id there, the id they took here).
    pub actors_matched: Vec<(String, String)>,
    /// Ids of actors added.
    pub actors_added: Vec<String>,
    /// Ids of relations that pooled passages with an existing one.
    pub relations_merged: Vec<String>,
    /// Ids of relations added.
    pub relations_added: Vec<String>,
    /// Passages per source id, after the merge.
    pub passages_per_source: Vec<(String, usize)>,
    /// Names shared by actors of different kinds; such actors were kept apart.
    pub clashes: Vec<String>,
}

impl MergeReport {
    /// The summary printed by `relmap merge` and shown in the app.
    pub fn summary(&self) -> String {
        let mut out = format!(
            "actors: {} matched, {} added; relations: {} merged, {} added; passages per source: {}",
            self.actors_matched.len(),
            self.actors_added.len(),
            self.relations_merged.len(),
            self.relations_added.len(),
            self.passages_per_source
                .iter()
                .map(|(id, n)| format!("{id} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for clash in &self.clashes {
            out.push_str("\nclash: ");
            out.push_str(clash);
        }
        out
    }
}

/// How names are compared: NFKC, lower case, inner whitespace collapsed.
pub fn name_key(name: &str) -> String {
    name.nfkc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every name an actor goes by (name, aliases, native names), as [`name_key`] compares them.
fn keys_of(a: &super::Actor) -> BTreeSet<String> {
    std::iter::once(&a.name)
        .chain(&a.aliases)
        .chain(&a.native_names)
        .map(|n| name_key(n))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Merges `other` into `base`. The result keeps `base`'s title, actors' positions and order,
/// and appends what `other` adds.
pub fn merge(mut base: Dataset, other: &Dataset) -> (Dataset, MergeReport) {
    let mut report = MergeReport::default();
    let source_map = merge_sources(&mut base, other);
    name_sources(&mut base);
    let mut names = ActorNames::of(&base);
    let actor_map: Vec<ActorId> = other
        .actors_with_ids()
        .map(|(_, a)| merge_actor(&mut base, &mut names, a, &mut report))
        .collect();
    for rel in &other.relations {
        merge_relation(&mut base, rel, &actor_map, &source_map, &mut report);
    }
    report.passages_per_source = base
        .sources_with_ids()
        .map(|(id, s)| {
            let n = base
                .relations
                .iter()
                .flat_map(|r| &r.passages)
                .filter(|p| p.source == id)
                .count();
            (s.id.clone(), n)
        })
        .collect();
    for r in &mut base.relations {
        r.tone = r
            .declared_tone
            .unwrap_or_else(|| super::Tone::derived(&r.passages));
    }
    base.warnings = super::lint(&base);
    (base, report)
}

/// Once a map has several sources, the first one's placeholder id (`"source"`, from a file
/// with a single `source` object) is replaced by one made from its title, so ids say which
/// article they are ("the-underappreciated").
pub fn name_sources(d: &mut Dataset) {
    if d.sources.len() < 2 {
        return;
    }
    for i in SourceId::all(d.sources.len()) {
        if d.sources[i].id == super::sources::SINGLE_SOURCE_ID {
            let wanted = slug(&d.sources[i].meta.title);
            let id = super::unique_id(&wanted, |c| d.sources.iter().any(|b| b.id == c));
            d.sources[i].id = id;
        }
    }
}

/// Adds `other`'s sources (a source whose text is already there is the same source) and
/// returns where each of them went.
pub(super) fn merge_sources(base: &mut Dataset, other: &Dataset) -> Vec<SourceId> {
    other
        .sources
        .iter()
        .map(|s| {
            if let Some(i) = base
                .sources
                .iter()
                .position(|b| b.article.text == s.article.text && b.meta.title == s.meta.title)
            {
                return SourceId(i);
            }
            let mut doc = s.clone();
            let wanted = if s.id == super::sources::SINGLE_SOURCE_ID {
                slug(&s.meta.title)
            } else {
                s.id.clone()
            };
            doc.id = super::unique_id(&wanted, |c| base.sources.iter().any(|b| b.id == c));
            base.sources.push(doc);
            SourceId(base.sources.len() - 1)
        })
        .collect()
}

/// Which actor of `base` an actor of another map is, as merging and comparing maps decide it.
pub(super) enum ActorMatch {
    /// The same actor: same id, or a shared name, alias or native name.
    Same(ActorId),
    /// An actor sharing a name but of another kind: a clash, kept apart.
    Clash(ActorId),
    /// No actor of `base`.
    New,
}

/// Every actor of a map by id and by each name it goes by (after [`name_key`]), so matching
/// another map's actors is a lookup per actor rather than a search of the whole map (two maps
/// of 50k actors would otherwise compare 2.5 billion name sets).
#[derive(Default)]
pub(super) struct ActorNames {
    ids: HashMap<String, ActorId>,
    names: HashMap<String, ActorId>,
}

impl ActorNames {
    /// The index of `d`'s actors.
    pub(super) fn of(d: &Dataset) -> Self {
        let mut index = Self::default();
        for (i, a) in d.actors_with_ids() {
            index.add(i, a);
        }
        index
    }

    /// Adds actor `i` (or names it has gained); an id or name already taken stays with the
    /// earlier actor, as a search in file order would find it.
    pub(super) fn add(&mut self, i: ActorId, a: &super::Actor) {
        self.ids.entry(a.id.clone()).or_insert(i);
        for key in keys_of(a) {
            self.names.entry(key).or_insert(i);
        }
    }

    /// Whether some actor has id `id`.
    pub(super) fn has_id(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// The actor with `a`'s id, else the first in file order sharing any of its names.
    fn find(&self, a: &super::Actor) -> Option<ActorId> {
        self.ids.get(&a.id).copied().or_else(|| {
            keys_of(a)
                .iter()
                .filter_map(|k| self.names.get(k))
                .min()
                .copied()
        })
    }
}

/// The actor of `base` that `a` is: the same id, else the first sharing any name (after
/// [`name_key`]); a different kind (both stated) makes it a clash. `names` indexes `base`.
pub(super) fn match_actor(base: &Dataset, names: &ActorNames, a: &super::Actor) -> ActorMatch {
    let found = names.find(a);
    let Some(i) = found else {
        return ActorMatch::New;
    };
    let b = &base.actors[i];
    let kinds_differ =
        a.kind != b.kind && a.kind != ActorKind::Unspecified && b.kind != ActorKind::Unspecified;
    if kinds_differ {
        ActorMatch::Clash(i)
    } else {
        ActorMatch::Same(i)
    }
}

fn merge_actor(
    base: &mut Dataset,
    names: &mut ActorNames,
    a: &super::Actor,
    report: &mut MergeReport,
) -> ActorId {
    let found = match match_actor(base, names, a) {
        ActorMatch::Same(i) => Some((i, false)),
        ActorMatch::Clash(i) => Some((i, true)),
        ActorMatch::New => None,
    };
    if let Some((i, kinds_differ)) = found {
        let b = &base.actors[i];
        if kinds_differ {
            report.clashes.push(format!(
                "{:?} ({}) and {:?} ({}) share a name but not a kind; kept apart: rename one or \
                 make the kinds agree, then merge again",
                b.name,
                b.kind.as_str(),
                a.name,
                a.kind.as_str()
            ));
        } else {
            let b = &mut base.actors[i];
            let mut aliases: Vec<String> = b.aliases.clone();
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                let key = name_key(n);
                if key != name_key(&b.name) && !aliases.iter().any(|x| name_key(x) == key) {
                    aliases.push(n.clone());
                }
            }
            b.aliases = aliases;
            for n in &a.native_names {
                if !b.native_names.iter().any(|x| name_key(x) == name_key(n)) {
                    b.native_names.push(n.clone());
                }
            }
            if b.kind == ActorKind::Unspecified {
                b.kind = a.kind.clone();
            }
            b.secondary &= a.secondary;
            report.actors_matched.push((a.id.clone(), b.id.clone()));
            names.add(i, b);
            return i;
        }
    }
    let mut added = a.clone();
    added.id = super::unique_id(&a.id, |c| names.has_id(c));
    report.actors_added.push(added.id.clone());
    let i = ActorId(base.actors.len());
    names.add(i, &added);
    base.actors.push(added);
    i
}

fn merge_relation(
    base: &mut Dataset,
    rel: &Relation,
    actor_map: &[ActorId],
    source_map: &[SourceId],
    report: &mut MergeReport,
) {
    let (s, t) = (actor_map[rel.from.0], actor_map[rel.to.0]);
    if s == t {
        report.clashes.push(format!(
            "relation {:?} was left out: both its actors are {:?} in the first map",
            rel.id, base.actors[s].name
        ));
        return;
    }
    let passages: Vec<Passage> = rel
        .passages
        .iter()
        .map(|p| Passage {
            source: source_map.get(p.source.0).copied().unwrap_or_default(),
            ..p.clone()
        })
        .collect();
    let same = |b: &Relation| {
        let ends = if rel.directed || b.directed {
            rel.directed == b.directed && (b.from, b.to) == (s, t)
        } else {
            b.joins(s, t)
        };
        ends && b.dimension == rel.dimension && name_key(&b.label) == name_key(&rel.label)
    };
    if let Some(i) = base.relations.iter().position(same) {
        let b = &mut base.relations[RelationId(i)];
        for p in passages {
            let duplicate = b.passages.iter().any(|q| {
                q.source == p.source
                    && match (&q.anchor, &p.anchor) {
                        (Some(x), Some(y)) => x.range == y.range,
                        _ => q.quote == p.quote,
                    }
            });
            if !duplicate {
                b.passages.push(p);
            }
        }
        if b.declared_tone.is_none() {
            b.declared_tone = rel.declared_tone;
        }
        report.relations_merged.push(b.id.clone());
        return;
    }
    let mut added = rel.clone();
    added.from = s;
    added.to = t;
    added.passages = passages;
    added.id = super::unique_id(&rel.id, |c| base.relation_index(c).is_some());
    report.relations_added.push(added.id.clone());
    base.relations.push(added);
}

/// A lower-case, hyphenated id from a title's first words ("Grain and rails across the
/// steppe" → "grain-and-rails-across").
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && out.len() + w.len() > 24 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    if out.is_empty() {
        "source".to_owned()
    } else {
        out
    }
}
