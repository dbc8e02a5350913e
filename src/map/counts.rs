//! How much of the map is shown, for the status line: counted once per change of what decides
//! it, not every frame (on a 100,000-actor map counting took 20 ms a frame).

use std::hash::{Hash as _, Hasher as _};

use super::MapState;

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

impl MapState {
    /// [`ShownCounts`] for the current document and filters, remembered until either changes.
    pub fn shown_counts(&self) -> ShownCounts {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.filters, self.prefs.show_secondary, self.revision).hash(&mut h);
        let key = h.finish();
        if let Some((k, counts)) = *self.counts_cache.borrow()
            && k == key
        {
            return counts;
        }
        let actors = self.visible_actors();
        let relations = self.visible_relations_among(&actors);
        let counts = ShownCounts {
            actors: actors.iter().filter(|v| **v).count(),
            relations: relations.iter().filter(|v| **v).count(),
            hidden_by_filters: self.hidden_by_filters(),
        };
        *self.counts_cache.borrow_mut() = Some((key, counts));
        counts
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
        let dimension = state.dataset.relations[0].dimension.clone();
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
}
