//! What changed between two maps: actors matched as `relmap merge` matches them (id, then any
//! shared name after normalisation; a shared name across kinds is a clash, kept apart),
//! relations matched by actor pair (direction too when both are directed) and policy field,
//! then by label when a pair has several in one field. Each relation is added, removed,
//! changed (tone, direction or passage count differ) or the same.

use std::collections::{BTreeMap, BTreeSet};

use super::merge::{ActorMatch, ActorNames, name_key};
use super::{ActorId, Dataset, Dimension, RelationId};

/// How one relation compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Tone, direction or number of passages differ.
    Changed,
    /// Only in the first map.
    Removed,
    /// Only in the second map.
    Added,
    /// In both, alike.
    Same,
}

impl Change {
    /// The word printed in reports and the CSV's `change` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Changed => "changed",
            Self::Removed => "removed",
            Self::Added => "added",
            Self::Same => "same",
        }
    }
}

/// One compared relation: its place in either map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationDiff {
    /// Added, removed, changed or same.
    pub change: Change,
    /// The relation in the first map, if there.
    pub before: Option<RelationId>,
    /// The relation in the second map, if there.
    pub after: Option<RelationId>,
}

/// How the actors of two maps compare (see [`MapDiff::actors`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorChanges {
    /// Matched under another name: (the first map's name, the second's).
    pub renamed: Vec<(String, String)>,
    /// Only in the second map.
    pub added: Vec<String>,
    /// Only in the first map.
    pub removed: Vec<String>,
}

impl ActorChanges {
    /// "Russia is “Russian Federation” now; new: Turkey; gone: —" lines for reports; empty
    /// when every actor is matched under its own name.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (old, new) in &self.renamed {
            out.push(format!("{old} is matched as “{new}”"));
        }
        if !self.added.is_empty() {
            out.push(format!("new actors: {}", self.added.join(", ")));
        }
        if !self.removed.is_empty() {
            out.push(format!(
                "actors only in the first map: {}",
                self.removed.join(", ")
            ));
        }
        out
    }
}

/// The comparison of two maps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapDiff {
    /// Every relation of either map, the first map's in its order, then the second's new ones.
    pub relations: Vec<RelationDiff>,
    /// For each actor of the second map, the first map's actor it is (if any).
    pub actor_match: Vec<Option<ActorId>>,
    /// Names shared by actors of different kinds, kept apart.
    pub clashes: Vec<String>,
}

impl MapDiff {
    /// How many relations have changed this way.
    pub fn count(&self, change: Change) -> usize {
        self.relations.iter().filter(|r| r.change == change).count()
    }

    /// "3 changed, 1 removed, 1 added, 7 same": the line the terminal prints.
    pub fn summary(&self) -> String {
        [
            Change::Changed,
            Change::Removed,
            Change::Added,
            Change::Same,
        ]
        .iter()
        .map(|c| format!("{} {}", self.count(*c), c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
    }

    /// How `r` differs between `before` and `after` (the maps compared), in words: "tone
    /// cooperation → tension, “Ties” → “Transit”, passages 2 → 3, direction turned"; empty for
    /// a relation on one side only or alike on both.
    pub fn in_words(&self, (before, after): (&Dataset, &Dataset), r: &RelationDiff) -> String {
        let (Some(old), Some(new)) = (
            r.before.and_then(|x| before.relation(x)),
            r.after.and_then(|x| after.relation(x)),
        ) else {
            return String::new();
        };
        let mut parts = Vec::new();
        if old.tone != new.tone {
            parts.push(format!(
                "tone {} → {}",
                old.tone.legend_label(),
                new.tone.legend_label()
            ));
        }
        if old.label != new.label {
            parts.push(format!("“{}” → “{}”", old.label, new.label));
        }
        if old.passages.len() != new.passages.len() {
            parts.push(format!(
                "passages {} → {}",
                old.passages.len(),
                new.passages.len()
            ));
        }
        let from_matched = self.actor_match.get(new.from.0).copied().flatten();
        match (old.directed, new.directed) {
            (false, true) => parts.push("now directed".to_owned()),
            (true, false) => parts.push("no longer directed".to_owned()),
            (true, true) if from_matched != Some(old.from) => {
                parts.push("direction turned".to_owned());
            }
            _ => {}
        }
        parts.join(", ")
    }

    /// How the actors compare: those matched under another name ("Russia" = "Russian
    /// Federation"), those only the second map has, and those only the first map has, each
    /// in file order.
    pub fn actors(&self, before: &Dataset, after: &Dataset) -> ActorChanges {
        let mut changes = ActorChanges::default();
        let mut matched = vec![false; before.actors.len()];
        for (a, actor) in after.actors_with_ids() {
            match self.actor_match.get(a.0).copied().flatten() {
                Some(b) => {
                    if let Some(m) = matched.get_mut(b.0) {
                        *m = true;
                    }
                    let old = &before.actors[b].name;
                    if old != &actor.name {
                        changes.renamed.push((old.clone(), actor.name.clone()));
                    }
                }
                None => changes.added.push(actor.name.clone()),
            }
        }
        changes.removed = before
            .actors
            .iter()
            .zip(&matched)
            .filter(|(_, m)| !**m)
            .map(|(a, _)| a.name.clone())
            .collect();
        changes
    }

    /// Whether the maps share no actor at all (two maps that both have actors).
    pub fn share_no_actor_of(&self, before: &Dataset) -> bool {
        !before.actors.is_empty() && !self.actor_match.is_empty() && self.share_no_actor()
    }

    /// Whether the maps share no actor at all.
    pub fn share_no_actor(&self) -> bool {
        self.actor_match.iter().all(Option::is_none)
    }
}

/// Compares `before` with `after`.
pub fn diff(before: &Dataset, after: &Dataset) -> MapDiff {
    let mut clashes = Vec::new();
    let names = ActorNames::of(before);
    let actor_match: Vec<Option<ActorId>> = after
        .actors
        .iter()
        .map(|a| match_actor(before, &names, a, &mut clashes))
        .collect();
    // The first map's actor each relation of the second map joins, where matched.
    let end = |a: ActorId| actor_match.get(a.0).copied().flatten();
    // The first map's relations by unordered pair and policy field, in file order, so each
    // relation of the second map looks only at its own place (never every relation: two
    // maps of 100k relations would take hours).
    let mut places: BTreeMap<(ActorId, ActorId, &Dimension), Vec<RelationId>> = BTreeMap::new();
    for (b, old) in before.relations_with_ids() {
        places
            .entry(place_key(old.from, old.to, &old.dimension))
            .or_default()
            .push(b);
    }
    let mut used: BTreeSet<RelationId> = BTreeSet::new();
    // The second map's relation matched to each of the first map's, and whether it runs the
    // other way round.
    let mut partner: BTreeMap<RelationId, (RelationId, bool)> = BTreeMap::new();
    let mut unmatched_after = Vec::new();
    for (r, rel) in after.relations_with_ids() {
        let (Some(from), Some(to)) = (end(rel.from), end(rel.to)) else {
            unmatched_after.push(r);
            continue;
        };
        let candidates: Vec<RelationId> = places
            .get(&place_key(from, to, &rel.dimension))
            .into_iter()
            .flatten()
            .copied()
            .filter(|b| !used.contains(b))
            .collect();
        let chosen = match candidates.as_slice() {
            [] => None,
            [one] => Some(*one),
            several => several
                .iter()
                .copied()
                .find(|b| name_key(&before.relations[*b].label) == name_key(&rel.label))
                .or_else(|| several.first().copied()),
        };
        match chosen {
            Some(b) => {
                used.insert(b);
                let old = &before.relations[b];
                partner.insert(b, (r, (old.from, old.to) != (from, to)));
            }
            None => unmatched_after.push(r),
        }
    }
    let mut relations = Vec::new();
    for (b, old) in before.relations_with_ids() {
        match partner.get(&b) {
            Some(&(a, reversed)) => {
                let new = &after.relations[a];
                let turned = old.directed != new.directed || (old.directed && reversed);
                let change =
                    if old.tone != new.tone || turned || old.passages.len() != new.passages.len() {
                        Change::Changed
                    } else {
                        Change::Same
                    };
                relations.push(RelationDiff {
                    change,
                    before: Some(b),
                    after: Some(a),
                });
            }
            None => relations.push(RelationDiff {
                change: Change::Removed,
                before: Some(b),
                after: None,
            }),
        }
    }
    relations.extend(unmatched_after.into_iter().map(|a| RelationDiff {
        change: Change::Added,
        before: None,
        after: Some(a),
    }));
    MapDiff {
        relations,
        actor_match,
        clashes,
    }
}

/// Where a relation sits for matching: its two actors in either order (a turned direction
/// is a change, not another relation) and its policy field.
fn place_key(a: ActorId, b: ActorId, dimension: &Dimension) -> (ActorId, ActorId, &Dimension) {
    (a.min(b), a.max(b), dimension)
}

/// The first map's actor that `a` is, as a merge decides it; a shared name across kinds is a
/// clash (reported, not matched).
fn match_actor(
    before: &Dataset,
    names: &ActorNames,
    a: &super::Actor,
    clashes: &mut Vec<String>,
) -> Option<ActorId> {
    match super::merge::match_actor(before, names, a) {
        ActorMatch::Same(i) => Some(i),
        ActorMatch::New => None,
        ActorMatch::Clash(i) => {
            let b = &before.actors[i];
            clashes.push(format!(
                "{:?} ({}) and {:?} ({}) share a name but not a kind; compared as different actors",
                b.name,
                b.kind.as_str(),
                a.name,
                a.kind.as_str()
            ));
            None
        }
    }
}
