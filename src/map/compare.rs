//! A map state that draws a comparison: the union of two maps (see
//! [`crate::model::Comparison`]) on the layout of the map it was opened from, read-only.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Pos2, Vec2};

use super::{MapState, Showing};
use crate::model::{ActorId, Comparison, PerActor};

/// The least distance from its placed neighbours an actor only the second map is put at, in
/// world units (otherwise the map's typical line length): clear of their nodes and labels.
const NEW_ACTOR_OFFSET: f32 = 120.0;

impl MapState {
    /// A read-only state drawing `comparison` on `from`'s layout: every actor `from` has (by
    /// id) keeps its place; an actor only the second map has goes beside the actors it is
    /// related to (or on a ring round the map when it has none placed). How the map is drawn
    /// (links, labels, secondary actors), the camera and the selection carry over where they
    /// still mean something.
    pub fn comparing(comparison: Comparison, from: &MapState) -> MapState {
        let positions = carried_positions(&comparison, from);
        let showing = Showing {
            show_secondary: from.lens.show_secondary,
            line_labels: from.lens.line_labels,
        };
        let mut state =
            MapState::with_layout(comparison.union.clone(), positions.raw.clone(), showing);
        state.lens.links = from.lens.links;
        state.camera.view = from.camera.view;
        state.camera.auto_fit = from.camera.auto_fit;
        state.compare = Some(Arc::new(comparison));
        state
    }

    /// The same comparison's state with `comparison` in its place (an "as of" date moved),
    /// laid out from `layout_from` (the map compared, so an actor keeps its place from one
    /// date to the next); the view and the selected relation (by id) are kept.
    pub fn compared_again(&self, comparison: Comparison, layout_from: &MapState) -> MapState {
        let selected = self
            .selected_relation()
            .and_then(|r| self.doc.dataset.relation(r))
            .map(|rel| rel.id.clone());
        let mut next = MapState::comparing(comparison, layout_from);
        next.camera.view = self.camera.view;
        next.camera.auto_fit = self.camera.auto_fit;
        if let Some(r) = selected.and_then(|id| next.doc.dataset.relation_index(&id)) {
            next.pointing.selection = crate::scene::Selection::Relation(r);
        }
        next
    }
}

/// Where each actor of the comparison's union goes: where `from` has it (matched by id),
/// else beside its placed neighbours.
fn carried_positions(c: &Comparison, from: &MapState) -> PerActor<Pos2> {
    let d = &from.doc.dataset;
    let by_id: HashMap<&str, ActorId> = d
        .actors_with_ids()
        .map(|(a, actor)| (actor.id.as_str(), a))
        .collect();
    let mut placed: PerActor<Option<Pos2>> = c
        .union
        .actors
        .iter()
        .map(|a| {
            by_id
                .get(a.id.as_str())
                .and_then(|&i| from.place.positions.get(i).copied())
        })
        .collect();
    let known: Vec<Pos2> = placed.iter().flatten().copied().collect();
    let centre = if known.is_empty() {
        crate::layout::WORLD.center()
    } else {
        let sum = known.iter().fold(Vec2::ZERO, |s, p| s + p.to_vec2());
        (sum / known.len() as f32).to_pos2()
    };
    let radius = known
        .iter()
        .map(|p| (*p - centre).length())
        .fold(0.0_f32, f32::max);
    // A newcomer sits a typical line's length from its neighbours: the median length of the
    // lines already placed.
    let mut lengths: Vec<f32> = c
        .union
        .relations
        .iter()
        .filter_map(|r| Some((placed[r.from]? - placed[r.to]?).length()))
        .collect();
    lengths.sort_by(f32::total_cmp);
    let step = lengths
        .get(lengths.len() / 2)
        .copied()
        .unwrap_or(NEW_ACTOR_OFFSET)
        .max(NEW_ACTOR_OFFSET);
    let missing: Vec<ActorId> = placed
        .iter_enumerated()
        .filter(|(_, p)| p.is_none())
        .map(|(a, _)| a)
        .collect();
    // Each newcomer's placed neighbours, summed in one pass over the relations (a search of
    // every relation per newcomer would be quadratic on two large maps).
    let mut around: PerActor<(Vec2, usize)> = vec![(Vec2::ZERO, 0); placed.len()].into();
    for r in &c.union.relations {
        for (end, other) in [(r.from, r.to), (r.to, r.from)] {
            if placed[end].is_none()
                && let Some(p) = placed[other]
            {
                around[end].0 += p.to_vec2();
                around[end].1 += 1;
            }
        }
    }
    for (k, a) in missing.iter().enumerate() {
        // A fixed angle per newcomer, so two of them beside one actor do not land together.
        let angle = k as f32 * 2.399_963; // the golden angle
        let dir = Vec2::angled(angle);
        let (sum, n) = around[*a];
        placed[*a] = Some(if n == 0 {
            centre + dir * (radius + step)
        } else {
            let mean = (sum / n as f32).to_pos2();
            // Out from the map's centre, past its neighbours, so it does not sit on them.
            let out = (mean - centre).normalized();
            let out = if out.is_finite() && out != Vec2::ZERO {
                out
            } else {
                dir
            };
            mean + (out + dir * 0.35).normalized() * step
        });
    }
    placed.into_iter().map(|p| p.unwrap_or(centre)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::DocCommand;
    use crate::model::Change;

    #[test]
    fn a_comparison_keeps_the_layout_and_cannot_be_edited() {
        let d = crate::model::builtin().expect("the built-in map loads");
        let from = MapState::new(d.clone());
        let mut after = d.clone();
        after.relations.remove(crate::model::RelationId(0));
        let mut state = MapState::comparing(Comparison::new(d.clone(), after), &from);
        for (a, actor) in d.actors_with_ids() {
            let i = state.doc.dataset.actor_index(&actor.id).expect("kept");
            assert_eq!(state.place.positions[i], from.place.positions[a]);
        }
        let c = state.compare.clone().expect("a comparison");
        assert_eq!(c.with_change(Change::Removed).count(), 1);
        let before = state.doc.revision;
        let outcome = state.apply(DocCommand::RemoveRelation(crate::model::RelationId(0)));
        assert_eq!(outcome, super::super::Outcome::ReadOnly);
        assert_eq!(state.doc.revision, before, "nothing changed");
        assert_eq!(state.doc.dataset.relations.len(), d.relations.len());
    }
}
