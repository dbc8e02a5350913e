//! What the panels show about the whole map (how much is shown, the most connected actors, the
//! legend's rows), worked out once per change of what decides it, not every frame: on a
//! 100,000-actor map each walk over the 400,000 relations cost milliseconds a frame.

use std::hash::{Hash as _, Hasher as _};

use super::MapState;
use crate::model::{ActorId, PerActor};
use crate::scene::{Legend, Style};

/// What `cell` remembers for `key`, or else `compute()`, remembered there for `key`. Every
/// cache here is one of these: a key (the revision, or a hash of what decides the value) and
/// the value worked out for it.
fn remembered<K: PartialEq, V: Clone>(
    cell: &std::cell::RefCell<Option<(K, V)>>,
    key: K,
    compute: impl FnOnce() -> V,
) -> V {
    if let Some((k, value)) = &*cell.borrow()
        && *k == key
    {
        return value.clone();
    }
    let value = compute();
    *cell.borrow_mut() = Some((key, value.clone()));
    value
}

/// The most connected actors remembered for (revision, how many).
pub(super) type MostConnected = ((u64, usize), Vec<ActorId>);

/// Actors and relations shown, and relations the filters hide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShownCounts {
    /// Actors drawn.
    pub actors: usize,
    /// Relations drawn.
    pub relations: usize,
    /// Relations the filters (not the secondary-actor switch) hide.
    pub hidden_by_filters: usize,
}

/// What the review bar and the chronology ask of every passage each frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PassageFacts {
    drafts: usize,
    year_span: Option<(i32, i32)>,
}

impl MapState {
    /// How many passages are drafts awaiting review (the review bar's count), remembered
    /// until the document changes.
    pub fn draft_count(&self) -> usize {
        self.passage_facts().drafts
    }

    /// The first and last year the passages are dated in
    /// ([`crate::chronology::year_span`]), remembered until the document changes.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        self.passage_facts().year_span
    }

    fn passage_facts(&self) -> PassageFacts {
        remembered(&self.caches.passage_facts, self.doc.revision, || {
            PassageFacts {
                drafts: self.drafts().len(),
                year_span: crate::chronology::year_span(&self.doc.dataset),
            }
        })
    }

    /// [`ShownCounts`] for the current document and filters, remembered until either changes.
    pub fn shown_counts(&self) -> ShownCounts {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            &self.lens.filters,
            self.lens.show_secondary,
            self.doc.revision,
        )
            .hash(&mut h);
        remembered(&self.caches.counts, h.finish(), || {
            let actors = self.visible_actors();
            let relations = self.visible_relations_among(&actors);
            ShownCounts {
                actors: actors.iter().filter(|v| **v).count(),
                relations: relations.iter().filter(|v| **v).count(),
                hidden_by_filters: self.hidden_by_filters(),
            }
        })
    }

    /// Whether any relation states a tone ([`crate::model::Dataset::states_tones`]),
    /// remembered until the document changes: every relation row's swatch asks.
    pub fn states_tones(&self) -> bool {
        remembered(&self.caches.states_tones, self.doc.revision, || {
            self.doc.dataset.states_tones()
        })
    }

    /// Relations per actor ([`crate::model::Dataset::degrees`]), remembered until the document
    /// changes: the canvas names each actor's count for screen readers every frame.
    pub fn degrees(&self) -> std::sync::Arc<PerActor<usize>> {
        remembered(&self.caches.degrees, self.doc.revision, || {
            self.doc.dataset.degrees().into()
        })
    }

    /// The `n` actors with the most relations, most first (ties by id), remembered until the
    /// document changes. When the links carry weights (imported networks), by the sum of
    /// their weights first (weighted degree), then by number.
    pub fn most_connected(&self, n: usize) -> Vec<ActorId> {
        remembered(&self.caches.most_connected, (self.doc.revision, n), || {
            let degrees = self.degrees();
            let strength = self.strengths();
            let mut by_degree: Vec<ActorId> =
                self.doc.dataset.actors_with_ids().map(|(a, _)| a).collect();
            let most_first = |x: &ActorId, y: &ActorId| {
                let weighted = match &strength {
                    Some(s) => s[*y].total_cmp(&s[*x]),
                    None => std::cmp::Ordering::Equal,
                };
                weighted.then(degrees[*y].cmp(&degrees[*x])).then(x.cmp(y))
            };
            // Only the first few need ordering: partition them out (linear), then sort those.
            if n < by_degree.len() {
                by_degree.select_nth_unstable_by(n, most_first);
                by_degree.truncate(n);
            }
            by_degree.sort_by(most_first);
            by_degree
        })
    }

    /// Each actor's weighted degree (the sum of its relations' weights), when any relation
    /// carries a weight other than 1; `None` for maps without weights.
    /// Remembered until the document changes (the side panel asks every frame).
    pub fn strengths(&self) -> Option<std::sync::Arc<PerActor<f32>>> {
        remembered(&self.caches.strengths, self.doc.revision, || {
            let d = &self.doc.dataset;
            if d.relations.iter().all(|r| r.weight == 1.0) {
                return None;
            }
            let mut s: PerActor<f32> = vec![0.0; d.actors.len()].into();
            for r in &d.relations {
                s[r.from] += r.weight;
                s[r.to] += r.weight;
            }
            Some(std::sync::Arc::new(s))
        })
    }

    /// The legend's rows: what every relation among shown actors could draw, filters aside (so
    /// a hidden row stays there to switch back on), remembered until the document, the
    /// filters or the theme change.
    pub fn legend_rows(&self, style: &Style) -> Legend {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            &self.lens.filters,
            self.lens.show_secondary,
            self.doc.revision,
            style.theme,
        )
            .hash(&mut h);
        remembered(&self.caches.legend, h.finish(), || {
            let d = &self.doc.dataset;
            let actors = self.visible_actors();
            let candidates = d
                .relations_with_ids()
                .filter(|(_, rel)| actors[rel.from] && actors[rel.to])
                .map(|(r, _)| r);
            let changes = self.compare.as_deref().map(|c| c.marks.as_slice());
            Legend::of(d, candidates, changes, style)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::map::{FilterCommand, MapState};

    #[test]
    fn counts_follow_the_filters() {
        let d = crate::model::builtin().expect("built-in map");
        let (actors, relations) = (d.actors.len(), d.relations.len());
        let mut state = MapState::new(d);
        let all = state.shown_counts();
        assert_eq!(all.hidden_by_filters, 0);
        assert!(all.actors <= actors && all.relations <= relations && all.relations > 0);
        let dimension = state.doc.dataset.relations[crate::model::RelationId(0)]
            .dimension
            .clone();
        state.apply(FilterCommand::ToggleDimension(dimension));
        let filtered = state.shown_counts();
        assert!(
            filtered.relations < all.relations,
            "{filtered:?} vs {all:?}"
        );
        assert_eq!(
            filtered.hidden_by_filters,
            all.relations - filtered.relations
        );
        assert_eq!(
            filtered.relations,
            state.visible_relations().iter().filter(|v| **v).count()
        );
        state.apply(FilterCommand::ClearFilters);
        assert_eq!(state.shown_counts(), all);
    }

    #[test]
    fn the_most_connected_come_first_and_follow_edits() {
        let d = crate::model::builtin().expect("built-in map");
        let mut state = MapState::new(d);
        let degrees = state.doc.dataset.degrees();
        let top = state.most_connected(3);
        assert_eq!(top.len(), 3);
        assert!(top.windows(2).all(|w| degrees[w[0]] >= degrees[w[1]]));
        let max = degrees.iter().max().copied().unwrap_or(0);
        assert_eq!(degrees[top[0]], max);
        assert_eq!(&*state.degrees(), degrees.as_slice());
        let all = state.most_connected(1_000);
        assert_eq!(all.len(), state.doc.dataset.actors.len());
        assert_eq!(&all[..3], top.as_slice());
        // A new actor with no relations joins the end of the list.
        state.apply(crate::map::DocCommand::AddActor(crate::map::ActorFields {
            name: "New actor".into(),
            ..Default::default()
        }));
        let after = state.most_connected(1_000);
        assert_eq!(after.len(), all.len() + 1);
        assert_eq!(
            state.degrees().len(),
            all.len() + 1,
            "counted again after the edit"
        );
    }
}
