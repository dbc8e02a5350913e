//! The lines of a scene: relations grouped by actor pair (parallel ones fan out as arcs),
//! each with its colour, width, dash, curve and arrow head, built in parallel runs of whole
//! pairs. [`FanSlot`] and [`Ends`] keep what a position-only refresh needs per line.

use egui::{Pos2, Vec2};

use super::focus::Focus;
use super::input::SceneInput;
use super::line_shape::{Ends, edge_shape, edge_width, fan_spacing};
use super::{EdgeShape, Emphasis, Hit};
use crate::layout::{length, normalized};
use crate::model::{ActorId, RelationId, TiSlice};

/// Every shown relation, grouped by unordered actor pair so parallel ones fan out as arcs.
pub(super) fn edges(
    input: &SceneInput<'_>,
    focus: &Focus,
    radius: &TiSlice<ActorId, f32>,
) -> (Vec<EdgeShape>, Vec<FanSlot>) {
    use rayon::prelude::*;
    let d = input.dataset;
    // A sorted list (pair, relation) is much cheaper than a map on large graphs and as stable.
    let mut order: Vec<Pair> = d
        .relations_with_ids()
        .filter(|(r, _)| input.relation_shown(*r))
        .map(|(r, rel)| ((rel.from.min(rel.to), rel.from.max(rel.to)), r))
        .collect();
    order.sort_unstable();
    let states_tones = d.states_tones();
    // Large maps build their lines in parallel runs of whole pairs, joined in order: the
    // same shapes in the same order as one pass (a map's first frame waited on this).
    let runs = pair_runs(&order, EDGES_PER_RUN);
    let parts: Vec<(Vec<EdgeShape>, Vec<FanSlot>)> = runs
        .par_iter()
        .map(|run| edges_of(input, focus, radius, states_tones, run))
        .collect();
    let mut edges = Vec::with_capacity(order.len());
    let mut fans = Vec::with_capacity(order.len());
    for (e, f) in parts {
        edges.extend(e);
        fans.extend(f);
    }
    (edges, fans)
}

/// A relation with its actor pair (lower id first), the key lines are grouped by.
type Pair = ((ActorId, ActorId), RelationId);

/// Lines per parallel run when building a scene.
const EDGES_PER_RUN: usize = 16_384;

/// `order` cut into runs of about `size`, never splitting a pair.
fn pair_runs(order: &[Pair], size: usize) -> Vec<&[Pair]> {
    let mut runs = Vec::with_capacity(order.len() / size.max(1) + 1);
    let mut rest = order;
    while rest.len() > size {
        let mut cut = size;
        while cut < rest.len() && rest[cut].0 == rest[cut - 1].0 {
            cut += 1;
        }
        let (run, tail) = rest.split_at(cut);
        runs.push(run);
        rest = tail;
    }
    if !rest.is_empty() {
        runs.push(rest);
    }
    runs
}

/// The lines of `run` (whole pairs, sorted), with their fan slots.
fn edges_of(
    input: &SceneInput<'_>,
    focus: &Focus,
    radius: &TiSlice<ActorId, f32>,
    states_tones: bool,
    run: &[Pair],
) -> (Vec<EdgeShape>, Vec<FanSlot>) {
    let d = input.dataset;
    let spacing = input.style.metrics.arc_spacing;
    let mut edges = Vec::with_capacity(run.len());
    let mut fans = Vec::with_capacity(run.len());
    for chunk in run.chunk_by(|a, b| a.0 == b.0) {
        let (lo, hi) = chunk[0].0;
        let along = input.positions[hi] - input.positions[lo];
        let normal = if along.length_sq() > 1e-6 {
            normalized(along).rot90()
        } else {
            Vec2::Y
        };
        let groups = super::links::groups(d, input.links, chunk.iter().map(|&(_, r)| r));
        let k = groups.len() as f32;
        let spacing = fan_spacing(spacing, length(along), k);
        for (i, group) in groups.iter().enumerate() {
            let rel = &d.relations[group[0]];
            let bend = (i as f32 - (k - 1.0) / 2.0) * spacing;
            let (src, tgt) = (input.positions[rel.from], input.positions[rel.to]);
            // The apex of a quadratic Bézier sits half-way to its control point.
            let ctrl = src.lerp(tgt, 0.5) + normal * (2.0 * bend);
            let emphasis = group
                .iter()
                .map(|&r| {
                    if input.hovered == Some(Hit::Edge(r)) {
                        Emphasis::Highlighted
                    } else {
                        focus.edges[r]
                    }
                })
                .max()
                .unwrap_or(Emphasis::Normal);
            let shape = if group.len() == 1 {
                edge_shape(input, group[0], ctrl, radius, emphasis, states_tones)
            } else {
                super::links::combined(input, group, ctrl, radius, emphasis, states_tones)
            };
            fans.push(FanSlot {
                lo,
                hi,
                offset: i as f32 - (k - 1.0) / 2.0,
                count: k,
                arrow_width: shape.arrow.map(|_| edge_width(input, group[0], emphasis)),
                ends: Ends::of(input, group[0], radius),
            });
            edges.push(shape);
        }
    }
    (edges, fans)
}

/// Where one drawn line sits in its pair's fan, so a position change can redraw it without
/// grouping the relations again (see [`super::refresh`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FanSlot {
    /// The pair's actors, lower id first: the fan's normal is taken from `lo` to `hi`.
    pub(crate) lo: ActorId,
    pub(crate) hi: ActorId,
    /// Place in the fan, centred on 0 (−1, 0, 1 for three lines).
    pub(crate) offset: f32,
    /// Lines in the fan.
    pub(crate) count: f32,
    /// The width the arrow head is sized by, when the line has one.
    pub(crate) arrow_width: Option<f32>,
    /// The drawn relation's actors (the first member's, for a combined line).
    pub(crate) ends: Ends,
}

/// The control point of a fan's line for the current positions.
pub(super) fn fan_ctrl(input: &SceneInput<'_>, slot: &FanSlot, src: Pos2, tgt: Pos2) -> Pos2 {
    if slot.offset == 0.0 {
        // The middle line of a fan (every single relation): no bend, so no normal to find.
        // Adding a zero offset would give the same point; this skips two square roots.
        return src.lerp(tgt, 0.5);
    }
    let along = input.positions[slot.hi] - input.positions[slot.lo];
    let normal = if along.length_sq() > 1e-6 {
        normalized(along).rot90()
    } else {
        Vec2::Y
    };
    let spacing = fan_spacing(input.style.metrics.arc_spacing, length(along), slot.count);
    src.lerp(tgt, 0.5) + normal * (2.0 * slot.offset * spacing)
}

#[cfg(test)]
mod tests {
    use super::{Pair, pair_runs};
    use crate::model::{ActorId, RelationId};

    #[test]
    fn runs_cover_the_order_and_never_split_a_pair() {
        // Pairs with 1 to 5 parallel relations each, sorted as `edges` sorts them.
        let mut order: Vec<Pair> = Vec::new();
        for p in 0..200 {
            for _ in 0..(p % 5 + 1) {
                let r = RelationId(order.len());
                order.push(((ActorId(p), ActorId(p + 1)), r));
            }
        }
        for size in [1, 3, 7, 64, 10_000] {
            let runs = pair_runs(&order, size);
            let joined: Vec<Pair> = runs.iter().flat_map(|r| r.iter().copied()).collect();
            assert_eq!(joined, order, "size {size}");
            for w in runs.windows(2) {
                let (last, first) = (w[0][w[0].len() - 1], w[1][0]);
                assert_ne!(last.0, first.0, "size {size}: a pair split across runs");
            }
            assert!(runs.iter().all(|r| !r.is_empty()));
            if size >= order.len() {
                assert_eq!(runs.len(), 1);
            }
        }
        assert!(pair_runs(&[], 8).is_empty());
    }
}
