//! One map to draw a comparison on: the union of two maps (or of one map at two dates), each
//! relation marked added, removed, changed (with what it was) or the same, and each tied back
//! to its place in either map so their passages can be read side by side.

use super::diff::{Change, MapDiff, diff};
use super::{ActorId, Dataset, Origin, PassageDate, PerRelation, RelationId, SourceId, Tone};

/// How a relation of a comparison is marked, and what it was before when it changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Added, removed, changed or the same.
    pub change: Change,
    /// The first map's tone and passage count, for a changed relation (its line shows them
    /// beside the second map's).
    pub was: Option<Was>,
}

/// What a changed relation was in the first map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Was {
    /// Its tone then.
    pub tone: Tone,
    /// How many passages it had.
    pub passages: usize,
    /// Whether it was directed.
    pub directed: bool,
}

/// Two maps compared and the one map that draws the comparison.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The first map ("before").
    pub before: Dataset,
    /// The second map ("after").
    pub after: Dataset,
    /// Relation by relation, as `relmap diff` reports it.
    pub diff: MapDiff,
    /// Every actor of either map once (the first map's in its order, then the second's new
    /// ones) and every relation of either: the second map's version where it has one, the
    /// first map's where it was removed. Its relations are in `diff.relations` order.
    pub union: Dataset,
    /// Each union relation's mark.
    pub marks: PerRelation<Mark>,
    /// Each union relation's place in the first and the second map.
    pub sides: PerRelation<(Option<RelationId>, Option<RelationId>)>,
    /// Whether it compares one map at two dates (which only ever adds evidence: a relation is
    /// never removed by a later source).
    pub through_time: bool,
}

impl Comparison {
    /// Compares `before` with `after`.
    pub fn new(before: Dataset, after: Dataset) -> Self {
        let diff = diff(&before, &after);
        let mut union = before.clone();
        union.title = format!("{} → {}", before.title, after.title);
        union.origin = Origin::Memory(format!(
            "comparison of {} with {}",
            before.origin.display_name(),
            after.origin.display_name()
        ));
        union.warnings = Vec::new();
        union.notes = Vec::new();
        // The first map's briefing is about that map, not about what changed.
        union.storyboard = Vec::new();
        let sources = super::merge::merge_sources(&mut union, &after);
        let mut actor_of: Vec<ActorId> = Vec::with_capacity(after.actors.len());
        let mut ids: std::collections::HashSet<String> =
            union.actors.iter().map(|a| a.id.clone()).collect();
        for (a, actor) in after.actors_with_ids() {
            match diff.actor_match.get(a.0).copied().flatten() {
                Some(b) => actor_of.push(b),
                None => {
                    let mut added = actor.clone();
                    added.id = super::unique_id(&actor.id, |c| ids.contains(c));
                    ids.insert(added.id.clone());
                    actor_of.push(ActorId(union.actors.len()));
                    union.actors.push(added);
                }
            }
        }
        let mut relations = PerRelation::default();
        let mut marks = PerRelation::default();
        let mut sides = PerRelation::default();
        let mut relation_ids: std::collections::HashSet<String> =
            before.relations.iter().map(|r| r.id.clone()).collect();
        for d in &diff.relations {
            let was = match (d.change, d.before) {
                (Change::Changed, Some(b)) => {
                    let old = &before.relations[b];
                    Some(Was {
                        tone: old.tone,
                        passages: old.passages.len(),
                        directed: old.directed,
                    })
                }
                _ => None,
            };
            let relation = match (d.before, d.after) {
                (_, Some(a)) => {
                    let mut rel = after.relations[a].clone();
                    rel.from = actor_of[rel.from.0];
                    rel.to = actor_of[rel.to.0];
                    for p in &mut rel.passages {
                        p.source = sources[p.source.0];
                    }
                    rel.id = match d.before {
                        Some(b) => before.relations[b].id.clone(),
                        None => {
                            let id = super::unique_id(&rel.id, |c| relation_ids.contains(c));
                            relation_ids.insert(id.clone());
                            id
                        }
                    };
                    rel
                }
                (Some(b), None) => before.relations[b].clone(),
                // A diff entry always has a side.
                (None, None) => continue,
            };
            relations.push(relation);
            marks.push(Mark {
                change: d.change,
                was,
            });
            sides.push((d.before, d.after));
        }
        union.relations = relations;
        Self {
            before,
            after,
            diff,
            union,
            marks,
            sides,
            through_time: false,
        }
    }

    /// One map as it stood on `since` against itself on `until`: its sources dated after
    /// each date left out (see [`as_of`]).
    pub fn through_time(d: &Dataset, since: &PassageDate, until: &PassageDate) -> Self {
        Self::between_dates(d, since, Some(until))
    }

    /// One map as it stood on `since` against itself on `until`, or as it is now (every
    /// source) without `until`.
    pub fn between_dates(d: &Dataset, since: &PassageDate, until: Option<&PassageDate>) -> Self {
        let later = until.map_or_else(|| d.clone(), |u| as_of(d, u));
        let mut c = Self::new(as_of(d, since), later);
        c.through_time = true;
        let until_words = until.map_or_else(|| "now".to_owned(), PassageDate::long);
        c.union.title = if Some(since) == until {
            format!("{} (as of {until_words})", d.title)
        } else {
            format!("{} ({} → {until_words})", d.title, since.long())
        };
        c
    }

    /// The union relations marked `change`, in order.
    pub fn with_change(&self, change: Change) -> impl Iterator<Item = RelationId> + '_ {
        self.marks
            .iter_enumerated()
            .filter(move |(_, m)| m.change == change)
            .map(|(r, _)| r)
    }
}

/// The map as its sources stood on `date`: passages from sources published after it are left
/// out, a relation whose every passage went is left out, and so is an actor whose every
/// relation went. A source without a date is kept (nothing says it came later); relations
/// that never had passages stay, as do actors that never had relations.
pub fn as_of(d: &Dataset, date: &PassageDate) -> Dataset {
    let later: Vec<bool> = d
        .sources
        .iter()
        .map(|s| s.meta.date.is_some_and(|x| x.starts_after(date)))
        .collect();
    let mut out = d.clone();
    let mut has_relation = vec![false; d.actors.len()];
    let mut kept_relation = vec![false; d.actors.len()];
    out.relations = d
        .relations
        .iter()
        .filter_map(|rel| {
            has_relation[rel.from.0] = true;
            has_relation[rel.to.0] = true;
            let mut rel = rel.clone();
            let had = rel.passages.len();
            rel.passages.retain(|p| !later[p.source.0]);
            if had > 0 && rel.passages.is_empty() {
                return None;
            }
            if had != rel.passages.len() && rel.declared_tone.is_none() {
                rel.tone = Tone::derived(&rel.passages);
            }
            kept_relation[rel.from.0] = true;
            kept_relation[rel.to.0] = true;
            Some(rel)
        })
        .collect();
    // Actors that lost every relation go, and the relations' ends are renumbered.
    let keep: Vec<bool> = (0..d.actors.len())
        .map(|a| kept_relation[a] || !has_relation[a])
        .collect();
    let (actors, actor_index) = kept(&d.actors.raw, &keep);
    out.actors = actors.into();
    for rel in &mut out.relations {
        rel.from = ActorId(actor_index[rel.from.0]);
        rel.to = ActorId(actor_index[rel.to.0]);
    }
    // Sources published later go too (a figure's source line would list them), keeping one
    // so a map always has a source; passages are renumbered to theirs.
    let keep_source: Vec<bool> = if later.iter().all(|l| *l) {
        (0..later.len()).map(|i| i == 0).collect()
    } else {
        later.iter().map(|l| !l).collect()
    };
    let (sources, source_index) = kept(&d.sources.raw, &keep_source);
    out.sources = sources.into();
    for rel in &mut out.relations {
        for p in &mut rel.passages {
            p.source = SourceId(source_index[p.source.0]);
        }
    }
    out.title = format!("{} (as of {})", d.title, date.long());
    super::story::prune_storyboard(&mut out, d);
    out.warnings = super::lint(&out);
    out
}

/// The `items` whose `keep` is true, and where each item went (a dropped one's place is 0,
/// never read: nothing refers to it any more).
fn kept<T: Clone>(items: &[T], keep: &[bool]) -> (Vec<T>, Vec<usize>) {
    let mut index = vec![0; items.len()];
    let mut out = Vec::with_capacity(items.len());
    for (i, (item, k)) in items.iter().zip(keep).enumerate() {
        if *k {
            index[i] = out.len();
            out.push(item.clone());
        }
    }
    (out, index)
}

/// The error to give when `date` comes before every source of `d` (a map as of then would be
/// empty), naming the sources' dates; `None` when some source counts on that date.
pub fn before_every_source(d: &Dataset, date: &PassageDate) -> Option<String> {
    let dates: Vec<PassageDate> = d.sources.iter().filter_map(|s| s.meta.date).collect();
    let all_later = dates.len() == d.sources.len() && dates.iter().all(|x| x.starts_after(date));
    all_later.then(|| {
        format!(
            "{} is before every source of this map, so the map as of then is empty; its \
             sources are dated {}",
            date.long(),
            source_dates(d)
                .iter()
                .map(PassageDate::long)
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

/// The distinct dates of `d`'s sources, earliest first: the stops of an "as of" slider.
pub fn source_dates(d: &Dataset) -> Vec<PassageDate> {
    let mut dates: Vec<PassageDate> = d.sources.iter().filter_map(|s| s.meta.date).collect();
    dates.sort_by(|a, b| a.as_year_f64().total_cmp(&b.as_year_f64()));
    dates.dedup();
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_SOURCES: &str = r#"{"format": "relmap/1", "title": "Steppe",
      "sources": [
        {"id": "old", "title": "Old", "date": "2012", "text": "China and Kazakhstan built a pipeline. Russia and Kazakhstan cooperate."},
        {"id": "new", "title": "New", "date": "2023-05", "text": "Kazakhstan and Russia quarrel over transit. Kazakhstan and Turkey signed a pact. China and Kazakhstan opened a second pipeline."}],
      "actors": [{"id": "cn", "name": "China", "kind": "state"}, {"id": "kz", "name": "Kazakhstan", "kind": "state"},
                 {"id": "ru", "name": "Russia", "kind": "state"}, {"id": "tr", "name": "Turkey", "kind": "state"}],
      "relations": [
        {"id": "pipe", "source": "cn", "target": "kz", "label": "Pipelines", "dimension": "energy",
         "passages": [{"quote": "China and Kazakhstan built a pipeline", "source": "old"},
                      {"quote": "China and Kazakhstan opened a second pipeline", "source": "new"}]},
        {"id": "ru-kz", "source": "ru", "target": "kz", "label": "Ties", "dimension": "economy",
         "passages": [{"quote": "Russia and Kazakhstan cooperate", "source": "old", "tone": "cooperation"},
                      {"quote": "Kazakhstan and Russia quarrel over transit", "source": "new", "tone": "tension"}]},
        {"id": "kz-tr", "source": "kz", "target": "tr", "label": "Pact", "dimension": "security",
         "passages": [{"quote": "Kazakhstan and Turkey signed a pact", "source": "new"}]}]}"#;

    fn date(s: &str) -> PassageDate {
        PassageDate::read(s).expect("a valid date")
    }

    #[test]
    fn as_of_leaves_out_later_sources_their_relations_and_lone_actors() {
        let d = crate::model::load_str(TWO_SOURCES, "two").expect("loads");
        let then = as_of(&d, &date("2015"));
        assert_eq!(then.relations.len(), 2, "the pact is from 2023");
        assert!(
            then.actor_index("tr").is_none(),
            "Turkey appears only in 2023"
        );
        assert!(then.relations.iter().all(|r| r.passages.len() == 1));
        let ru_kz = &then.relations[then.relation_index("ru-kz").expect("kept")];
        assert_eq!(ru_kz.tone, Tone::Cooperation, "derived from 2012 alone");
        assert_eq!(then.actors[ru_kz.from].id, "ru", "ends renumbered");
        // A date within the later source's year keeps it: it may be from before.
        assert_eq!(as_of(&d, &date("2023")).relations.len(), 3);
        assert_eq!(
            source_dates(&d)
                .iter()
                .map(|x| x.year())
                .collect::<Vec<_>>(),
            vec![2012, 2023]
        );
    }

    #[test]
    fn a_map_through_time_marks_what_was_added_and_what_turned() {
        let d = crate::model::load_str(TWO_SOURCES, "two").expect("loads");
        let c = Comparison::through_time(&d, &date("2012"), &date("2024"));
        let mark = |id: &str| c.marks[c.union.relation_index(id).expect("in the union")];
        assert_eq!(mark("kz-tr").change, Change::Added);
        let turned = mark("ru-kz");
        assert_eq!(turned.change, Change::Changed);
        assert_eq!(
            turned.was,
            Some(Was {
                tone: Tone::Cooperation,
                passages: 1,
                directed: false
            })
        );
        assert_eq!(mark("pipe").change, Change::Changed, "more evidence");
        assert_eq!(c.union.actors.len(), 4, "Turkey added once");
    }

    #[test]
    fn two_maps_become_one_union_with_both_sides_kept() {
        let before = crate::model::load_str(TWO_SOURCES, "a").expect("loads");
        let mut after = before.clone();
        // The second map renames ids and drops the economy relation.
        for a in after.actors.iter_mut() {
            a.id = format!("{}-2", a.id);
        }
        after.relations.remove(RelationId(1));
        let c = Comparison::new(before.clone(), after);
        assert_eq!(c.union.actors.len(), 4, "matched by name, not added again");
        let removed: Vec<RelationId> = c.with_change(Change::Removed).collect();
        assert_eq!(removed.len(), 1);
        assert_eq!(c.union.relations[removed[0]].id, "ru-kz");
        assert_eq!(c.sides[removed[0]], (Some(RelationId(1)), None));
        assert_eq!(c.with_change(Change::Same).count(), 2);
        assert_eq!(
            c.union.sources.len(),
            before.sources.len(),
            "same sources once"
        );
    }
}
