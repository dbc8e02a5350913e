//! What changed between two maps: actors matched as `relmap merge` matches them (id, then any
//! shared name after normalisation; a shared name across kinds is a clash, kept apart),
//! relations matched by actor pair (direction too when both are directed) and policy field,
//! then by label when a pair has several in one field. Each relation is added, removed,
//! changed (tone, direction or passage count differ) or the same.

use std::collections::BTreeSet;

use super::merge::{ActorMatch, name_key};
use super::{ActorId, Dataset, Relation, RelationId};

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

    /// Whether the maps share no actor at all.
    pub fn share_no_actor(&self) -> bool {
        self.actor_match.iter().all(Option::is_none)
    }
}

/// Compares `before` with `after`.
pub fn diff(before: &Dataset, after: &Dataset) -> MapDiff {
    let mut clashes = Vec::new();
    let actor_match: Vec<Option<ActorId>> = after
        .actors
        .iter()
        .map(|a| match_actor(before, a, &mut clashes))
        .collect();
    // The first map's actor each relation of the second map joins, where matched.
    let end = |a: ActorId| actor_match.get(a.0).copied().flatten();
    let mut used: BTreeSet<RelationId> = BTreeSet::new();
    // (first map's relation, second map's, whether the second runs the other way round).
    let mut pairs: Vec<(RelationId, RelationId, bool)> = Vec::new();
    let mut unmatched_after = Vec::new();
    for (r, rel) in after.relations_with_ids() {
        let (Some(from), Some(to)) = (end(rel.from), end(rel.to)) else {
            unmatched_after.push(r);
            continue;
        };
        let candidates: Vec<RelationId> = before
            .relations_with_ids()
            .filter(|(b, old)| !used.contains(b) && same_place(old, rel, (from, to)))
            .map(|(b, _)| b)
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
                pairs.push((b, r, (old.from, old.to) != (from, to)));
            }
            None => unmatched_after.push(r),
        }
    }
    let mut relations = Vec::new();
    for (b, old) in before.relations_with_ids() {
        match pairs.iter().find(|(x, ..)| *x == b) {
            Some(&(_, a, reversed)) => {
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

/// Whether `old` (first map) and `new` (second map, its ends matched to `from`, `to`) join
/// the same two actors in the same policy field (a turned direction is a change, not another
/// relation).
fn same_place(old: &Relation, new: &Relation, (from, to): (ActorId, ActorId)) -> bool {
    let joins = (old.from, old.to) == (from, to) || (old.from, old.to) == (to, from);
    joins && old.dimension == new.dimension
}

/// The first map's actor that `a` is, as a merge decides it; a shared name across kinds is a
/// clash (reported, not matched).
fn match_actor(before: &Dataset, a: &super::Actor, clashes: &mut Vec<String>) -> Option<ActorId> {
    match super::merge::match_actor(before, a) {
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
