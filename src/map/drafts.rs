//! The review queue: draft passages (suggested, not yet accepted) in map order.

use super::MapState;
use crate::model::{PassageId, PassageStatus};
use crate::scene::Selection;

impl MapState {
    /// Every draft passage, in map order: the review queue.
    pub fn drafts(&self) -> Vec<PassageId> {
        self.doc
            .dataset
            .relations_with_ids()
            .flat_map(|(r, rel)| {
                rel.passages
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.status == PassageStatus::Draft)
                    .map(move |(i, _)| PassageId::new(r, i))
            })
            .collect()
    }

    /// The draft under review: the one shown in the article, else the selected relation's
    /// first draft.
    pub fn current_draft(&self) -> Option<PassageId> {
        let is_draft = |id: PassageId| {
            self.doc
                .dataset
                .passage(id)
                .is_some_and(|p| p.status == PassageStatus::Draft)
        };
        let focused = self
            .reader
            .focus
            .map(|f| f.passage)
            .filter(|&id| is_draft(id));
        let selected = match self.pointing.selection {
            Selection::Relation(r) => focused.filter(|id| id.relation == r).or_else(|| {
                let n = self.doc.dataset.relation(r)?.passages.len();
                (0..n)
                    .map(|i| PassageId::new(r, i))
                    .find(|&id| is_draft(id))
            }),
            _ => None,
        };
        selected.or(focused)
    }

    /// The draft after `after` in the queue (wrapping round), or the first.
    pub fn next_draft(&self, after: Option<PassageId>) -> Option<PassageId> {
        let queue = self.drafts();
        let at = after.and_then(|a| queue.iter().position(|&q| q == a));
        match at {
            Some(i) => queue.get(i + 1).or(queue.first()).copied(),
            None => queue
                .iter()
                .find(|q| after.is_none_or(|a| (q.relation, q.index) > (a.relation, a.index)))
                .or(queue.first())
                .copied(),
        }
    }
}
