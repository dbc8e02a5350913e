//! Undo and redo of node moves, as batches.

use egui::Pos2;

use super::{MapState, Move, UNDO_DEPTH};
use crate::model::ActorId;

impl MapState {
    pub(super) fn move_of(&self, actor: ActorId, to: Pos2, pinned_after: bool) -> Move {
        Move {
            actor,
            from: self.positions[actor],
            to,
            pinned_before: self.pinned[actor],
            pinned_after,
        }
    }

    /// Applies `moves` and records them as one undoable edit.
    pub(super) fn commit(&mut self, moves: Vec<Move>) {
        for m in &moves {
            self.positions[m.actor] = m.to;
            self.pinned[m.actor] = m.pinned_after;
        }
        self.record(moves);
    }

    pub(super) fn record(&mut self, moves: Vec<Move>) {
        if moves.is_empty() {
            return;
        }
        self.undo.push(moves);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }
}
