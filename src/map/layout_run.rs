//! Letting a force-laid-out map relax around a node the user dropped, without `apply` ever
//! running a simulation or reading the clock.
//!
//! The flow follows request → running → settled: an edit sets [`MapState::layout_request`]
//! (a new generation, wanted or not); the shell owns a [`LayoutRun`] that notices the new
//! generation, builds a simulation from the state, advances it for a time budget each frame,
//! and hands the positions back as an [`EditCommand::LayoutStep`]. Steps for an older
//! generation (the user grabbed a node meanwhile) are ignored by `apply`.

use std::time::{Duration, Instant};

use egui::Vec2;

use super::{Command, EditCommand, MapState};
use crate::layout;

/// Temperature a relaxation starts at: enough to make room, not to scramble the map.
const RELAX_ALPHA: f32 = 0.25;

/// What relaxation the map wants. Changed only by `apply`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LayoutRequest {
    /// Bumped by every edit that starts or stops a relaxation.
    pub generation: u64,
    /// Whether a relaxation should run (false once settled or interrupted).
    pub wanted: bool,
}

/// The running relaxation, owned by the shell (or a test) beside the state.
#[derive(Default)]
pub enum LayoutRun {
    /// Nothing is running.
    #[default]
    Idle,
    /// A simulation answering one request.
    Running {
        /// The request it answers.
        generation: u64,
        /// The simulation, with pinned nodes held.
        sim: Box<layout::Simulation>,
    },
}

impl LayoutRun {
    /// Advances the relaxation `state` asks for by up to `budget` of wall time and returns
    /// the command that publishes its positions; `None` when nothing is wanted.
    pub fn step(&mut self, state: &MapState, budget: Duration) -> Option<Command> {
        let request = state.layout_request;
        if !request.wanted {
            *self = Self::Idle;
            return None;
        }
        let current =
            matches!(self, Self::Running { generation, .. } if *generation == request.generation);
        if !current {
            *self = Self::Running {
                generation: request.generation,
                sim: Box::new(simulation_for(state)),
            };
        }
        let Self::Running { generation, sim } = self else {
            return None;
        };
        let start = Instant::now();
        // At least one tick per call, so a zero budget (tests) still makes progress.
        loop {
            sim.tick();
            if sim.settled() || start.elapsed() >= budget {
                break;
            }
        }
        let settled = sim.settled();
        let command = EditCommand::LayoutStep {
            generation: *generation,
            positions: sim.positions().to_vec(),
            settled,
        };
        if settled {
            *self = Self::Idle;
        }
        Some(command.into())
    }
}

/// A simulation starting from the current positions, pinned nodes held, warm but not hot.
fn simulation_for(state: &MapState) -> layout::Simulation {
    let links: Vec<(usize, usize)> = state
        .dataset
        .relations
        .iter()
        .map(|r| (r.source.0, r.target.0))
        .collect();
    let radius = state
        .dataset
        .degrees()
        .into_iter()
        .map(layout::node_radius)
        .collect();
    let n = state.positions.len().max(1) as f32;
    let center = (state
        .positions
        .iter()
        .fold(Vec2::ZERO, |s, p| s + p.to_vec2())
        / n)
        .to_pos2();
    let mut sim = layout::Simulation::new(
        state.positions.clone(),
        &links,
        radius,
        layout::ForceParams::readable(center),
    );
    for (i, pinned) in state.pinned.iter().enumerate() {
        if *pinned {
            sim.fix(i, Some(state.positions[i]));
        }
    }
    sim.set_alpha(RELAX_ALPHA);
    sim
}
