//! Undo and redo: node moves as batches, document edits as snapshots.

use egui::Pos2;

use super::doc::DocSnapshot;
use super::{Edit, MapState, Move, UNDO_DEPTH};
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
        self.push_undo(Edit::Moves(moves));
    }

    /// Records a document edit by the document as it was before.
    pub(super) fn record_document(&mut self, before: DocSnapshot) {
        self.push_undo(Edit::Document(Box::new(before)));
    }

    fn push_undo(&mut self, edit: Edit) {
        self.undo.push(edit);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub(super) fn undo_one(&mut self) {
        if let Some(edit) = self.undo.pop() {
            self.request_relaxation(false);
            let back = self.reverse(edit, true);
            self.redo.push(back);
        }
    }

    pub(super) fn redo_one(&mut self) {
        if let Some(edit) = self.redo.pop() {
            self.request_relaxation(false);
            let back = self.reverse(edit, false);
            self.undo.push(back);
        }
    }

    /// Undoes (`backward`) or redoes `edit`; returns the edit for the opposite stack.
    fn reverse(&mut self, edit: Edit, backward: bool) -> Edit {
        match edit {
            Edit::Moves(moves) => {
                if backward {
                    for m in moves.iter().rev() {
                        self.positions[m.actor] = m.from;
                        self.pinned[m.actor] = m.pinned_before;
                    }
                } else {
                    for m in &moves {
                        self.positions[m.actor] = m.to;
                        self.pinned[m.actor] = m.pinned_after;
                    }
                }
                Edit::Moves(moves)
            }
            Edit::Document(snapshot) => {
                let other = self.swap_snapshot(*snapshot);
                Edit::Document(Box::new(other))
            }
        }
    }
}
