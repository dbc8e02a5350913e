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
        self.push_undo(Edit::InPlace {
            undo: Box::new(undo),
            revision,
        });
    }

    fn push_undo(&mut self, edit: Edit) {
        self.history.redo.clear();
        self.push_onto_undo(edit);
        // Oldest steps go first, past the depth or the byte cap; the newest always stays.
        let h = &mut self.history;
        let mut drop = 0;
        while h.undo.len() - drop > 1
            && (h.undo.len() - drop > UNDO_DEPTH || h.undo_bytes > UNDO_BYTES)
        {
            h.undo_bytes = h.undo_bytes.saturating_sub(h.undo[drop].approx_bytes());
            drop += 1;
        }
        h.undo.drain(..drop);
    }

    fn push_onto_undo(&mut self, edit: Edit) {
        self.history.undo_bytes += edit.approx_bytes();
        self.history.undo.push(edit);
    }

    pub(super) fn undo_one(&mut self) {
        if let Some(edit) = self.history.undo.pop() {
            let h = &mut self.history;
            h.undo_bytes = h.undo_bytes.saturating_sub(edit.approx_bytes());
            let back = self.reverse(edit, true);
            self.history.redo.push(back);
        }
    }

    pub(super) fn redo_one(&mut self) {
        if let Some(edit) = self.history.redo.pop() {
            let back = self.reverse(edit, false);
            self.push_onto_undo(back);
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
                let redo = Box::new(self.reverse_in_place(*undo));
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

#[cfg(test)]
mod tests {
    use super::super::{ActorFields, DocCommand, EditCommand, MapState};
    use crate::model::ActorId;

    fn counted(state: &MapState) -> (usize, usize) {
        let summed = state
            .history
            .undo
            .iter()
            .map(super::Edit::approx_bytes)
            .sum();
        (state.history.undo_bytes, summed)
    }

    #[test]
    fn the_running_byte_total_matches_the_steps_through_edits_undo_and_redo() {
        let mut state = MapState::new(crate::model::builtin().expect("built-in"));
        let add = |name: &str| {
            DocCommand::AddActor(ActorFields {
                name: name.to_owned(),
                ..ActorFields::default()
            })
        };
        state.apply(add("Mongolia"));
        state.apply(add("Turkey"));
        let (a, b) = counted(&state);
        assert_eq!(a, b);
        assert!(a > 0, "two document steps hold something");
        state.apply(EditCommand::Undo);
        state.apply(EditCommand::Undo);
        assert_eq!(counted(&state), (0, 0), "nothing left to undo");
        state.apply(EditCommand::Redo);
        let (a, b) = counted(&state);
        assert_eq!(a, b);
        state.apply(DocCommand::EditActor(
            ActorId(0),
            ActorFields {
                name: "PRC".to_owned(),
                ..ActorFields::default()
            },
        ));
        let (a, b) = counted(&state);
        assert_eq!(a, b, "after a new edit cleared the redo steps");
    }
}
