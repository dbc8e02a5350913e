//! A dataset's layout as saved between runs: positions and pins by actor id, and the view.
//! Captured from a [`MapState`]; put back with [`super::EditCommand::RestoreLayout`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{MapState, View};

/// Format version of [`SavedLayout`]; other versions are ignored.
pub const LAYOUT_VERSION: u32 = 1;

/// One actor's saved place.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedActor {
    /// Position in world units.
    pub pos: [f32; 2],
    /// Pinned by the user.
    pub pinned: bool,
}

/// A dataset's saved layout, keyed by actor id so it survives reordering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedLayout {
    /// Format version; other versions are ignored.
    pub version: u32,
    /// Actor id → place.
    pub actors: BTreeMap<String, SavedActor>,
    /// Pan and zoom.
    pub view: View,
    /// Lines per relation, pair or direction (older files: per relation).
    #[serde(default)]
    pub links: crate::scene::LinkMode,
}

impl SavedLayout {
    /// Captures the layout of `state`.
    pub fn capture(state: &MapState) -> Self {
        let actors = state
            .doc
            .dataset
            .actors
            .iter()
            .zip(&state.place.positions)
            .zip(&state.place.pinned)
            .filter(|((_, p), _)| p.x.is_finite() && p.y.is_finite())
            .map(|((a, p), pinned)| {
                (
                    a.id.clone(),
                    SavedActor {
                        pos: [p.x, p.y],
                        pinned: *pinned,
                    },
                )
            })
            .collect();
        Self {
            version: LAYOUT_VERSION,
            actors,
            view: state.camera.view,
            links: state.lens.links,
        }
    }

    /// How many saved places match actors of `state`'s dataset and are usable (finite, of
    /// this version): what [`super::EditCommand::RestoreLayout`] would apply.
    pub fn matches(&self, state: &MapState) -> usize {
        state
            .doc
            .dataset
            .actors
            .iter()
            .filter(|a| self.place_of(&a.id).is_some())
            .count()
    }

    /// The usable saved place of actor `id`: none from another format version, and none whose
    /// numbers are not finite. Restoring and counting both go through here.
    pub fn place_of(&self, id: &str) -> Option<&SavedActor> {
        if self.version != LAYOUT_VERSION {
            return None;
        }
        self.actors
            .get(id)
            .filter(|s| s.pos.iter().all(|v| v.is_finite()))
    }
}
