//! Letting a force-laid-out map relax around a node the user dropped.

use egui::Vec2;

use super::{AppState, RELAX_ALPHA};
use crate::layout;

impl AppState {
    /// Whether a relaxation is running (the app repaints until it settles).
    pub fn layout_running(&self) -> bool {
        self.live.is_some()
    }

    /// Whether the map was laid out by the force simulation (some actor has no given position),
    /// so moving one actor lets the others relax around it.
    pub fn force_laid_out(&self) -> bool {
        self.dataset.actors.iter().any(|a| a.position.is_none())
    }

    /// Starts (or warms) the relaxation from the current positions, pinned nodes held.
    pub(super) fn relax(&mut self) {
        if !self.force_laid_out() {
            return;
        }
        let links: Vec<(usize, usize)> = self
            .dataset
            .relations
            .iter()
            .map(|r| (r.source, r.target))
            .collect();
        let radius = self
            .dataset
            .degrees()
            .into_iter()
            .map(layout::node_radius)
            .collect();
        let n = self.positions.len().max(1) as f32;
        let center = (self
            .positions
            .iter()
            .fold(Vec2::ZERO, |s, p| s + p.to_vec2())
            / n)
            .to_pos2();
        let mut sim = layout::Simulation::new(
            self.positions.clone(),
            &links,
            radius,
            layout::ForceParams::readable(center),
        );
        for (i, pinned) in self.pinned.iter().enumerate() {
            if *pinned {
                sim.fix(i, Some(self.positions[i]));
            }
        }
        sim.set_alpha(RELAX_ALPHA);
        self.live = Some(sim);
    }
}
