//! What a scene is built from: the dataset, positions, what is shown and emphasised.

use egui::Pos2;

use super::focus::Spotlight;
use super::geometry::NodeForm;
use super::{Hit, Selection, Style};
use crate::model::{ActorId, ActorKind, Dataset, Mark, RelationId, TiSlice};

/// Everything a scene is built from. Positions are world coordinates indexed like actors.
pub struct SceneInput<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Actor positions in world units.
    pub positions: &'a TiSlice<ActorId, Pos2>,
    /// Which actors are shown (filters, secondary actors).
    pub visible_actors: &'a TiSlice<ActorId, bool>,
    /// Which relations are shown; a relation is drawn only if both its actors are too.
    pub visible_relations: &'a TiSlice<RelationId, bool>,
    /// Which actors the user pinned.
    pub pinned: &'a TiSlice<ActorId, bool>,
    /// Current selection.
    pub selection: Selection,
    /// What the pointer is over.
    pub hovered: Option<Hit>,
    /// What a search matches, lit while the rest is dimmed (with no selection).
    pub spotlight: Option<&'a Spotlight>,
    /// Colours and sizes.
    pub style: &'a Style,
    /// One line per relation, per pair or per direction.
    pub links: super::LinkMode,
    /// Which lines carry their label.
    pub line_labels: super::LineLabels,
    /// The pair the view is about (a focus on it), besides a selected pair: the parallel
    /// lines between them are numbered like the side panel's list.
    pub pair_focus: Option<(ActorId, ActorId)>,
    /// Each relation's mark when the map draws a comparison (see
    /// [`crate::model::Comparison`]); `None` for an ordinary map.
    pub changes: Option<&'a TiSlice<RelationId, Mark>>,
}

impl SceneInput<'_> {
    pub(super) fn actor_shown(&self, a: ActorId) -> bool {
        self.visible_actors.get(a).copied().unwrap_or(false) && self.positions.get(a).is_some()
    }

    pub(super) fn relation_shown(&self, r: RelationId) -> bool {
        let rel = &self.dataset.relations[r];
        self.visible_relations.get(r).copied().unwrap_or(false)
            && self.actor_shown(rel.from)
            && self.actor_shown(rel.to)
    }

    pub(super) fn form(&self, a: ActorId) -> NodeForm {
        match self.dataset.actors[a].kind {
            ActorKind::State | ActorKind::Unspecified => NodeForm::Circle,
            ActorKind::Organization => NodeForm::RoundedSquare,
            ActorKind::Other(_) => NodeForm::Diamond,
        }
    }
}
