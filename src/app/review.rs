//! Reviewing drafts (suggested passages) from the shell: suggest them, then step through the
//! queue accepting or rejecting each, with a toast when there is nothing (left) to review.

use super::{RelmapApp, ToastKind};
use crate::map::{ArticleCommand, DocCommand, PassageFields, SelectCommand};
use crate::model;
use crate::scene::Selection;
use crate::ui;

impl RelmapApp {
    /// One step of the draft review: accept or reject the current draft, then show the next
    /// (the one that took its place in the queue); or just show the next.
    pub(super) fn review(&mut self, step: ui::Review) {
        let current = self.state.current_draft();
        let queue = self.state.drafts();
        let place = current.and_then(|c| queue.iter().position(|&q| q == c));
        let target = match (step, current) {
            (ui::Review::Next, _) => self.state.next_draft(current),
            (_, None) => {
                self.jobs.toast(
                    ToastKind::Info,
                    "No draft selected: press D to go to the next draft".to_owned(),
                );
                return;
            }
            (ui::Review::Accept | ui::Review::Reject, Some(id)) => {
                let command = if step == ui::Review::Accept {
                    let Some(p) = self.state.doc.dataset.passage(id) else {
                        return;
                    };
                    DocCommand::EditPassage(
                        id,
                        PassageFields {
                            status: model::PassageStatus::Confirmed,
                            ..PassageFields::of(p)
                        },
                    )
                } else {
                    DocCommand::RemovePassage(id)
                };
                self.state.apply(command);
                // A or R pressed by mistake must not cost evidence silently.
                let done = if step == ui::Review::Accept {
                    "Draft accepted (confirmed)"
                } else {
                    "Draft rejected (removed)"
                };
                self.jobs
                    .toast_with_undo(done.to_owned(), vec![crate::map::EditCommand::Undo.into()]);
                let queue = self.state.drafts();
                place.and_then(|i| queue.get(i).or(queue.first())).copied()
            }
        };
        match target {
            Some(next) => self.show_draft(next),
            None => self
                .jobs
                .toast(ToastKind::Success, "No drafts left to review".to_owned()),
        }
    }

    fn show_draft(&mut self, id: model::PassageId) {
        if !self.state.visible_relations()[id.relation] && !self.state.lens.show_secondary {
            self.state
                .apply(crate::map::ViewCommand::SetShowSecondary(true));
        }
        self.state
            .apply(SelectCommand::Select(Selection::Relation(id.relation)));
        self.state.apply(ArticleCommand::ShowPassage(id));
    }

    /// Suggests drafts for every sentence naming two actors and says how many.
    pub(super) fn suggest_drafts(&mut self, source: model::SourceId) {
        let before = self.state.drafts().len();
        self.state.apply(DocCommand::SuggestDrafts(source));
        let added = self.state.drafts().len().saturating_sub(before);
        let text = if added == 0 {
            "No new suggestions: no other sentence names two of the map's actors (add actors or \
             aliases, e.g. demonyms, and try again)"
                .to_owned()
        } else {
            format!(
                "{added} draft passages suggested (grey, short dashes). Review them: D next, \
                 A accept, R reject; Ctrl+Z undoes the suggestion"
            )
        };
        self.jobs.toast(ToastKind::Info, text);
    }
}
