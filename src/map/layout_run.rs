//! Letting a force-laid-out map relax around a node the user dropped, without `apply` ever
//! running a simulation or reading the clock.
//!
//! The flow follows request → running → settled: an edit sets [`MapState::layout_request`]
//! (a new generation, wanted or not); the shell owns a [`LayoutRun`] that notices the new
//! generation, builds a simulation from the state, advances it for a time budget each frame,
//! and hands the positions back as an [`EditCommand::LayoutStep`]. Steps for an older
//! generation (the user grabbed a node meanwhile) are ignored by `apply`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{Pos2, Vec2};

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
    /// Whether it is a large map's first layout (from the start, on a worker thread).
    pub first: bool,
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
    /// A large map's first layout, ticking on a worker thread as fast as it can while the
    /// frames show its latest positions.
    Live {
        /// The request it answers.
        generation: u64,
        /// What the worker publishes; dropping it stops the worker.
        live: LiveLayout,
    },
}

/// The worker's side of a live first layout.
#[derive(Default)]
struct Shared {
    /// Positions after the latest tick, until a frame takes them.
    latest: Mutex<Option<Vec<Pos2>>>,
    /// Set (after the last positions) once the layout has come to rest.
    settled: AtomicBool,
    /// Set by the shell when the layout is no longer wanted.
    stop: AtomicBool,
    /// Ticks run so far.
    ticks: AtomicUsize,
}

/// A running live first layout; stops its worker when dropped.
pub struct LiveLayout {
    shared: Arc<Shared>,
    /// Ticks the cooling schedule plans (for progress).
    planned: usize,
}

impl Drop for LiveLayout {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

impl LiveLayout {
    fn start(state: &MapState) -> Self {
        let d = &state.dataset;
        let identity: Vec<usize> = (0..d.actors.len()).collect();
        let mut given = layout::given_positions(d);
        // Actors the user pinned meanwhile stay where they are.
        for (i, pinned) in state.pinned.iter().enumerate() {
            if *pinned && let Some(g) = given.get_mut(i) {
                *g = state.positions.get(i).copied();
            }
        }
        let mut sim = layout::first_simulation(d, 0, &identity, &given);
        let shared = Arc::new(Shared::default());
        let worker = shared.clone();
        std::thread::spawn(move || {
            for _ in 0..layout::MAX_TICKS {
                if sim.settled() || worker.stop.load(Ordering::Relaxed) {
                    break;
                }
                sim.tick();
                worker.ticks.fetch_add(1, Ordering::Relaxed);
                if let Ok(mut latest) = worker.latest.lock() {
                    *latest = Some(sim.positions().to_vec());
                }
            }
            worker.settled.store(true, Ordering::Release);
        });
        Self {
            shared,
            planned: layout::first_layout_ticks(d.actors.len() + d.relations.len()),
        }
    }

    /// Share of the planned ticks run, in `0..=1`.
    fn progress(&self) -> f32 {
        (self.shared.ticks.load(Ordering::Relaxed) as f32 / self.planned.max(1) as f32).min(1.0)
    }
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
        if request.first {
            return self.step_live(state);
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

impl LayoutRun {
    /// The live first layout's progress, while one runs.
    pub fn live_progress(&self) -> Option<f32> {
        match self {
            Self::Live { live, .. } => Some(live.progress()),
            _ => None,
        }
    }

    /// Publishes the live layout's newest positions, if a tick has finished since the last
    /// frame; starts the worker on a new request.
    fn step_live(&mut self, state: &MapState) -> Option<Command> {
        let request = state.layout_request;
        let current =
            matches!(self, Self::Live { generation, .. } if *generation == request.generation);
        if !current {
            *self = Self::Live {
                generation: request.generation,
                live: LiveLayout::start(state),
            };
        }
        let Self::Live { generation, live } = self else {
            return None;
        };
        // Read `settled` first: the worker sets it only after publishing its last positions.
        let settled = live.shared.settled.load(Ordering::Acquire);
        let latest = live.shared.latest.lock().ok().and_then(|mut l| l.take());
        let command = match (latest, settled) {
            (Some(positions), _) => EditCommand::LayoutStep {
                generation: *generation,
                positions,
                settled,
            },
            (None, true) => EditCommand::LayoutStep {
                generation: *generation,
                positions: state.positions.clone(),
                settled: true,
            },
            (None, false) => return None,
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

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::LayoutRun;
    use crate::map::{EditCommand, MapState};

    /// A ring of 40 actors with chords, no positions given: force-laid-out.
    fn ring() -> crate::model::Dataset {
        let nodes: Vec<String> = (0..40).map(|i| format!("{{\"id\":\"a{i}\"}}")).collect();
        let links: Vec<String> = (0..40)
            .flat_map(|i| [(i, (i + 1) % 40), (i, (i + 7) % 40)])
            .map(|(a, b)| format!("{{\"source\":\"a{a}\",\"target\":\"a{b}\"}}"))
            .collect();
        let json = format!(
            "{{\"nodes\":[{}],\"links\":[{}]}}",
            nodes.join(","),
            links.join(",")
        );
        crate::model::load_str(&json, "ring.json").expect("ring loads")
    }

    fn run_until_idle(run: &mut LayoutRun, state: &mut MapState) {
        let start = Instant::now();
        while state.layout_request.wanted {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the layout settles"
            );
            if let Some(step) = run.step(state, Duration::ZERO) {
                state.apply(step);
            }
        }
    }

    #[test]
    fn a_live_first_layout_ends_where_the_loader_would_have_and_becomes_the_default() {
        let d = ring();
        let expected = crate::layout::force_layout(&d, 0, &mut |_| {});
        let given = crate::layout::given_positions(&d);
        let ids: Vec<usize> = (0..d.actors.len()).collect();
        let start = crate::layout::first_simulation(&d, 0, &ids, &given)
            .positions()
            .to_vec();
        let mut state = MapState::with_layout(d, start.clone(), Default::default());
        state.apply(EditCommand::StartFirstLayout);
        assert!(state.layout_request.wanted && state.layout_request.first);
        let mut run = LayoutRun::default();
        let _ = run.step(&state, Duration::ZERO);
        assert!(run.live_progress().is_some(), "runs on the worker");
        run_until_idle(&mut run, &mut state);
        assert!(run.live_progress().is_none());
        assert_eq!(
            state.positions, expected,
            "same positions as laying out before showing"
        );
        assert_eq!(
            state.default_positions, expected,
            "Reset layout returns here"
        );
        assert_ne!(state.positions, start);
    }

    #[test]
    fn grabbing_an_actor_stops_the_live_layout() {
        let d = ring();
        let given = crate::layout::given_positions(&d);
        let ids: Vec<usize> = (0..d.actors.len()).collect();
        let start = crate::layout::first_simulation(&d, 0, &ids, &given)
            .positions()
            .to_vec();
        let mut state = MapState::with_layout(d, start, Default::default());
        state.apply(EditCommand::StartFirstLayout);
        let mut run = LayoutRun::default();
        let _ = run.step(&state, Duration::ZERO);
        state.apply(EditCommand::StartDrag(crate::model::ActorId(3)));
        assert!(!state.layout_request.wanted, "the user's hand wins");
        assert!(run.step(&state, Duration::ZERO).is_none());
        assert!(run.live_progress().is_none(), "the worker was told to stop");
    }
}
