//! Undo and redo: node moves as batches, document edits as snapshots.

use egui::Pos2;

use super::doc::DocSnapshot;
use super::{Edit, MapState, Move, UNDO_BYTES, UNDO_DEPTH};
use crate::model::ActorId;

impl MapState {
    pub(super) fn move_of(&self, actor: ActorId, to: Pos2, pinned_after: bool) -> Move {
        Move {
            actor,
            from: self.place.positions[actor],
            to,
            pinned_before: self.place.pinned[actor],
            pinned_after,
        }
    }

    /// Applies `moves` and records them as one undoable edit.
    pub(super) fn commit(&mut self, moves: Vec<Move>) {
        for m in &moves {
            self.place.positions[m.actor] = m.to;
            self.place.pinned[m.actor] = m.pinned_after;
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

    /// Records an edit of fields in place by the command that reverses it and the revision
    /// before it.
    pub(super) fn record_in_place(&mut self, undo: super::doc::DocCommand, revision: u64) {
        self.push_undo(Edit::InPlace { undo, revision });
    }

    fn push_undo(&mut self, edit: Edit) {
        self.history.undo.push(edit);
        self.history.redo.clear();
        // Oldest steps go first, past the depth or the byte cap; the newest always stays.
        let mut bytes: usize = self.history.undo.iter().map(Edit::approx_bytes).sum();
        let mut drop = 0;
        while self.history.undo.len() - drop > 1
            && (self.history.undo.len() - drop > UNDO_DEPTH || bytes > UNDO_BYTES)
        {
            bytes -= self.history.undo[drop].approx_bytes();
            drop += 1;
        }
        self.history.undo.drain(..drop);
    }

    pub(super) fn undo_one(&mut self) {
        if let Some(edit) = self.history.undo.pop() {
            let back = self.reverse(edit, true);
            self.history.redo.push(back);
        }
    }

    pub(super) fn redo_one(&mut self) {
        if let Some(edit) = self.history.redo.pop() {
            let back = self.reverse(edit, false);
            self.history.undo.push(back);
        }
    }

    /// Undoes (`backward`) or redoes `edit`; returns the edit for the opposite stack.
    fn reverse(&mut self, edit: Edit, backward: bool) -> Edit {
        match edit {
            Edit::Moves(moves) => {
                // Moves put nodes where the user had them: a relaxation would move them on.
                self.request_relaxation(false);
                if backward {
                    for m in moves.iter().rev() {
                        self.place.positions[m.actor] = m.from;
                        self.place.pinned[m.actor] = m.pinned_before;
                    }
                } else {
                    for m in &moves {
                        self.place.positions[m.actor] = m.to;
                        self.place.pinned[m.actor] = m.pinned_after;
                    }
                }
                Edit::Moves(moves)
            }
            Edit::InPlace { undo, revision } => {
                let current = self.doc.revision;
                let redo = self.reverse_in_place(undo);
                self.doc.revision = revision;
                Edit::InPlace {
                    undo: redo,
                    revision: current,
                }
            }
            Edit::Document(snapshot) => {
                let other = self.swap_snapshot(*snapshot);
                Edit::Document(Box::new(other))
            }
        }
    }
}
