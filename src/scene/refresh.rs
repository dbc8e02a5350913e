//! Redrawing a scene for new positions only: what a running layout changes on every tick.
//!
//! Everything else (which lines exist, their order, colours, widths, dashes, emphasis, the
//! legend) depends on the document and view, not on positions, so it is kept; node centres,
//! label boxes, curves, arrow heads, line labels and bounds are recomputed in place, the
//! polylines into their own buffers, edges in parallel chunks. The result equals a full
//! [`super::build`] for the same input (tested), at a fraction of its cost on large maps.

use rayon::prelude::*;

use egui::Rect;

use super::Scene;
use super::build::node_bounds;
use super::edges::fan_ctrl;
use super::input::SceneInput;
use super::line_shape::edge_geometry_between;

/// Edges per parallel work item: large enough that splitting costs little.
const EDGE_CHUNK: usize = 4096;

impl Scene {
    /// Moves everything to `input.positions`. `input` must be what this scene was built from
    /// in every other respect (the caller's cache key says so); returns `false`, changing
    /// nothing, when the scene cannot be refreshed (it was not made by [`super::build`]).
    pub fn refresh(&mut self, input: &SceneInput<'_>) -> bool {
        let d = input.dataset;
        if self.fans.len() != self.edges.len()
            || self
                .nodes
                .iter()
                .any(|n| input.positions.get(n.actor).is_none())
        {
            return false;
        }
        for n in &mut self.nodes {
            let center = input.positions[n.actor];
            n.label.rect = n.label.rect.translate(center - n.center);
            n.center = center;
        }
        let segments = input.style.metrics.curve_segments;
        // Each chunk also measures what it drew, so bounds need no second pass over the lines.
        let edge_bounds = self
            .edges
            .par_chunks_mut(EDGE_CHUNK)
            .zip(self.fans.par_chunks(EDGE_CHUNK))
            .map(|(edges, fans)| {
                let mut b = Rect::NOTHING;
                for (e, slot) in edges.iter_mut().zip(fans) {
                    let (src, tgt) = slot.ends.positions(input);
                    let ctrl = fan_ctrl(input, slot, src, tgt);
                    let (curve, arrow) =
                        edge_geometry_between(&slot.ends, input, ctrl, slot.arrow_width);
                    curve.flatten_into(segments, &mut e.polyline);
                    e.curve = curve;
                    e.arrow = arrow;
                    for p in e.polyline.iter().chain(arrow.iter().flatten()) {
                        b.extend_with(*p);
                    }
                }
                b
            })
            .reduce(|| Rect::NOTHING, Rect::union);
        self.edge_labels =
            super::line_labels::place(d, &self.edges, &self.nodes, input.style, input.line_labels);
        self.bounds = node_bounds(&self.nodes).union(edge_bounds);
        if self.bounds.is_negative() {
            self.bounds = Rect::from_min_size(egui::Pos2::ZERO, egui::Vec2::splat(1.0));
        }
        self.index = std::sync::OnceLock::new();
        true
    }
}
