//! Keyboard traversal of the map itself: Tab / Shift+Tab through the actors shown, ←/→ through
//! the focused actor's relations, Enter opens the focused relation's evidence, Esc goes back to
//! the actor. The focused relation is lit on the map as a hovered one is.

use super::MapState;
use crate::model::{ActorId, RelationId};
use crate::scene::{Hit, Selection};

/// Where the keyboard is on the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyFocus {
    /// The actor reached with Tab.
    pub actor: Option<ActorId>,
    /// One of its relations, reached with ←/→.
    pub relation: Option<RelationId>,
}

/// A keyboard step on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyStep {
    /// Tab (`back`: Shift+Tab): the next (previous) actor shown.
    Actor {
        /// Backwards.
        back: bool,
    },
    /// →/← (`back`): the focused actor's next (previous) relation shown.
    Relation {
        /// Backwards.
        back: bool,
    },
    /// Enter: open the focused relation's evidence.
    Open,
    /// Esc from a relation reached by keyboard: back to its actor.
    Back,
}

impl MapState {
    pub(super) fn apply_key(&mut self, step: KeyStep) {
        match step {
            KeyStep::Actor { back } => {
                let shown: Vec<ActorId> = self
                    .visible_actors()
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| **v)
                    .map(|(i, _)| ActorId(i))
                    .collect();
                // Continue from an actor selected with the mouse, too.
                let current = match self.pointing.selection {
                    Selection::Actor(a) => Some(a),
                    _ => self.pointing.key_focus.actor,
                };
                let next = cycle(&shown, current, back);
                self.pointing.key_focus = KeyFocus {
                    actor: next,
                    relation: None,
                };
                if let Some(a) = next {
                    self.pointing.selection = Selection::Actor(a);
                }
            }
            KeyStep::Relation { back } => {
                if let Selection::Actor(a) = self.pointing.selection
                    && self.pointing.key_focus.actor != Some(a)
                {
                    self.pointing.key_focus = KeyFocus {
                        actor: Some(a),
                        relation: None,
                    };
                }
                let Some(a) = self.pointing.key_focus.actor else {
                    return;
                };
                let shown = self.visible_relations();
                let rels: Vec<RelationId> = self
                    .doc
                    .dataset
                    .relations_with_ids()
                    .filter(|(r, rel)| shown[*r] && (rel.from == a || rel.to == a))
                    .map(|(r, _)| r)
                    .collect();
                self.pointing.key_focus.relation =
                    cycle(&rels, self.pointing.key_focus.relation, back);
            }
            KeyStep::Open => {
                if let Some(r) = self.pointing.key_focus.relation {
                    self.pointing.selection = self.valid_selection(Selection::Relation(r));
                }
            }
            KeyStep::Back => {
                if let Some(a) = self.pointing.key_focus.actor {
                    self.pointing.selection = self.valid_selection(Selection::Actor(a));
                }
            }
        }
    }

    /// The relation the keyboard is on while its actor is selected: lit like a hovered line.
    pub fn key_lit(&self) -> Option<Hit> {
        match (self.pointing.selection, self.pointing.key_focus) {
            (
                Selection::Actor(a),
                KeyFocus {
                    actor: Some(f),
                    relation: Some(r),
                },
            ) if a == f => Some(Hit::Edge(r)),
            _ => None,
        }
    }

    /// Whether Esc should step back from a relation to the actor it was reached from.
    pub fn key_back_pending(&self) -> bool {
        matches!(
            (self.pointing.selection, self.pointing.key_focus),
            (
                Selection::Relation(r),
                KeyFocus {
                    actor: Some(_),
                    relation: Some(f),
                }
            ) if r == f
        )
    }
}

/// The item after (before, if `back`) `current` in `items`, wrapping; the first (last) if
/// `current` is none or gone.
fn cycle<T: Copy + PartialEq>(items: &[T], current: Option<T>, back: bool) -> Option<T> {
    if items.is_empty() {
        return None;
    }
    let n = items.len();
    let at = current.and_then(|c| items.iter().position(|x| *x == c));
    let i = match (at, back) {
        (Some(i), false) => (i + 1) % n,
        (Some(i), true) => (i + n - 1) % n,
        (None, false) => 0,
        (None, true) => n - 1,
    };
    Some(items[i])
}

#[cfg(test)]
mod tests {
    use super::cycle;

    #[test]
    fn cycling_wraps_both_ways() {
        let items = [1, 2, 3];
        assert_eq!(cycle(&items, None, false), Some(1));
        assert_eq!(cycle(&items, None, true), Some(3));
        assert_eq!(cycle(&items, Some(3), false), Some(1));
        assert_eq!(cycle(&items, Some(1), true), Some(3));
        assert_eq!(cycle::<i32>(&[], None, false), None);
    }
}
