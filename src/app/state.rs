//! The open map as the shell holds it.

use crate::map::{Command, MapState, Outcome};

/// The open map: the shell reads it freely but changes it only through
/// [`MapState::apply`]. There is no `DerefMut` and no `&mut MapState` to be had, so "apply is
/// the only writer" is checked by the compiler, not by review.
pub(super) struct AppliedOnly(MapState);

impl AppliedOnly {
    pub(super) fn new(state: MapState) -> Self {
        Self(state)
    }

    /// Applies one command (see [`MapState::apply`]).
    pub(super) fn apply(&mut self, command: impl Into<Command>) -> Outcome {
        self.0.apply(command)
    }
}

impl std::ops::Deref for AppliedOnly {
    type Target = MapState;

    fn deref(&self) -> &MapState {
        &self.0
    }
}
