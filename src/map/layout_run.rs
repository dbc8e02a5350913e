//! Letting a force-laid-out map relax around a node the user dropped, without `apply` ever
//! running a simulation or reading the clock.
//!
//! The flow follows request → running → settled: an edit sets [`MapState::layout_request`]
//! (a new generation, wanted or not); the shell owns a [`LayoutRun`] that notices the new
//! generation, builds a simulation from the state, advances it for a time budget each frame,
//! and hands the positions back as an [`EditCommand::LayoutStep`]. Steps for an older
//! generation (the user grabbed a node meanwhile) are ignored by `apply`. Large maps (see
//! [`layout::runs_live`]) tick on a worker thread instead, in a thread pool of their own, and
//! each frame publishes the newest positions it finds.

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
    /// A large map's layout (its first, or a relaxation), ticking on a worker thread as fast
    /// as it can while the frames show its latest positions.
    Live {
        /// The request it answers.
        generation: u64,
        /// What the worker publishes; dropping it stops the worker.
        live: LiveLayout,
    },
}

/// The worker's side of a live layout.
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

/// A running live layout; stops its worker when dropped.
pub struct LiveLayout {
    shared: Arc<Shared>,
    /// Ticks the cooling schedule plans (for progress).
    planned: usize,
    /// When the worker started, until the first positions are published (then logged).
    started: Option<Instant>,
    /// Held by a layout started before its map is shown; the first tick waits for it.
    go: Option<std::sync::mpsc::Sender<()>>,
}

impl Drop for LiveLayout {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

impl LiveLayout {
    /// A first layout's worker for `parts`, built by the loader (off the UI thread); its ticks
    /// start once the map is shown ([`LayoutRun::adopt`]). Measured at 100,000 nodes: ticks
    /// started at once slowed the first scene (the map appeared 0.3 s later), and building
    /// the simulation beside the scene gained nothing and raised peak memory by 60–90 MB.
    pub fn start_first(parts: layout::FirstSimulation) -> Self {
        let (go, wait) = std::sync::mpsc::channel();
        let planned = parts.planned_ticks();
        let mut live = Self::spawn(parts.build(), planned, Some(wait));
        live.go = Some(go);
        live
    }

    /// Lets a layout built ahead start ticking.
    fn release(&mut self) {
        if let Some(go) = self.go.take() {
            let _ = go.send(());
            self.started = Some(Instant::now());
        }
    }

    /// Starts the worker on the map's first layout (`first`) or on a relaxation from the
    /// current positions.
    fn start(state: &MapState, first: bool) -> Self {
        if first {
            let mut given = layout::given_positions(&state.dataset);
            // Actors the user pinned meanwhile stay where they are.
            for (i, pinned) in state.pinned.iter().enumerate() {
                if *pinned && let Some(g) = given.get_mut(i) {
                    *g = state.positions.get(i).copied();
                }
            }
            let ids: Vec<usize> = (0..state.dataset.actors.len()).collect();
            let parts = layout::FirstSimulation::of(&state.dataset, 0, &ids, &given);
            let planned = parts.planned_ticks();
            return Self::spawn(parts.build(), planned, None);
        }
        let sim = simulation_for(state);
        let planned = sim.ticks_to_settle();
        Self::spawn(sim, planned, None)
    }

    /// Runs `sim` on a worker thread until it settles or is stopped, publishing each tick;
    /// with `wait`, only once it is signalled (never, if its sender is dropped unsent).
    fn spawn(
        mut sim: layout::Simulation,
        planned: usize,
        wait: Option<std::sync::mpsc::Receiver<()>>,
    ) -> Self {
        let shared = Arc::new(Shared::default());
        let worker = shared.clone();
        let pool = layout_pool();
        std::thread::spawn(move || {
            if let Some(wait) = wait
                && wait.recv().is_err()
            {
                return; // Dropped before its map was shown: nobody wants it.
            }
            let started = Instant::now();
            for _ in 0..layout::MAX_TICKS {
                if sim.settled() || worker.stop.load(Ordering::Relaxed) {
                    break;
                }
                match &pool {
                    Some(pool) => pool.install(|| sim.tick()),
                    None => sim.tick(),
                }
                worker.ticks.fetch_add(1, Ordering::Relaxed);
                if let Ok(mut latest) = worker.latest.lock() {
                    *latest = Some(sim.positions().to_vec());
                }
            }
            log::info!(
                "live layout: {} ticks in {} ms",
                worker.ticks.load(Ordering::Relaxed),
                started.elapsed().as_millis()
            );
            worker.settled.store(true, Ordering::Release);
        });
        Self {
            shared,
            planned,
            started: Some(Instant::now()),
            go: None,
        }
    }

    /// Share of the planned ticks run, in `0..=1`.
    fn progress(&self) -> f32 {
        (self.shared.ticks.load(Ordering::Relaxed) as f32 / self.planned.max(1) as f32).min(1.0)
    }
}

impl LayoutRun {
    /// A live first layout started before its map was shown (by the loader), answering the
    /// request `state` has just made with [`EditCommand::StartFirstLayout`]; `Idle` (and the
    /// worker stopped) when `state` wants no first layout.
    pub fn adopt(state: &MapState, mut live: LiveLayout) -> Self {
        let request = state.layout_request;
        if request.wanted && request.first {
            live.release();
            Self::Live {
                generation: request.generation,
                live,
            }
        } else {
            Self::Idle
        }
    }

    /// Advances the relaxation `state` asks for by up to `budget` of wall time and returns
    /// the command that publishes its positions; `None` when nothing is wanted.
    pub fn step(&mut self, state: &MapState, budget: Duration) -> Option<Command> {
        let request = state.layout_request;
        if !request.wanted {
            *self = Self::Idle;
            return None;
        }
        if request.first || layout::runs_live(&state.dataset) {
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
    /// Ticks the live layout's worker has run, while one runs.
    pub fn live_ticks(&self) -> Option<usize> {
        match self {
            Self::Live { live, .. } => Some(live.shared.ticks.load(Ordering::Relaxed)),
            _ => None,
        }
    }

    /// The live layout's progress, while one runs.
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
                live: LiveLayout::start(state, request.first),
            };
        }
        let Self::Live { generation, live } = self else {
            return None;
        };
        // Read `settled` first: the worker sets it only after publishing its last positions.
        let settled = live.shared.settled.load(Ordering::Acquire);
        let latest = live.shared.latest.lock().ok().and_then(|mut l| l.take());
        if latest.is_some()
            && let Some(started) = live.started.take()
        {
            log::info!(
                "live layout: first positions after {} ms",
                started.elapsed().as_millis()
            );
        }
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

/// The threads a live layout ticks on: all cores but one, in a pool of its own.
///
/// In the shared pool the frame's parallel work (refreshing the scene, building the line
/// mesh) queued behind the tick's and every frame waited for a tick: on two cores a 20,000-node
/// frame took as long live as with the tick run in it. With a core left to the frames, they
/// run beside the ticks. `None` (tick in the shared pool) if the pool cannot be made.
fn layout_pool() -> Option<rayon::ThreadPool> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    rayon::ThreadPoolBuilder::new()
        .num_threads(cores.saturating_sub(1).max(1))
        .thread_name(|i| format!("relmap-layout-{i}"))
        .build()
        .map_err(|e| log::warn!("laying out in the shared thread pool: {e}"))
        .ok()
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
        ring_of(40, &[1, 7])
    }

    /// `n` actors in a ring, each linked to the ones `steps` further on.
    fn ring_of(n: usize, steps: &[usize]) -> crate::model::Dataset {
        let nodes: Vec<String> = (0..n).map(|i| format!("{{\"id\":\"a{i}\"}}")).collect();
        let links: Vec<String> = (0..n)
            .flat_map(|i| steps.iter().map(move |s| (i, (i + s) % n)))
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

    #[test]
    fn a_large_map_relaxes_on_the_worker_and_the_users_hand_stops_it() {
        // 1,000 actors and 50,000 relations: past the size where a tick takes most of a frame.
        let steps: Vec<usize> = (1..=50).collect();
        let d = ring_of(1_000, &steps);
        assert!(crate::layout::runs_live(&d));
        let positions = crate::layout::given_positions(&d);
        let ids: Vec<usize> = (0..d.actors.len()).collect();
        let start = crate::layout::first_simulation(&d, 0, &ids, &positions)
            .positions()
            .to_vec();
        let mut state = MapState::with_layout(d, start.clone(), Default::default());
        let actor = crate::model::ActorId(5);
        state.apply(EditCommand::StartDrag(actor));
        state.apply(EditCommand::DragTo(start[5] + egui::vec2(400.0, 0.0)));
        state.apply(EditCommand::EndDrag);
        assert!(state.layout_request.wanted && !state.layout_request.first);
        let mut run = LayoutRun::default();
        let began = Instant::now();
        let mut moved = false;
        while !moved {
            assert!(
                began.elapsed() < Duration::from_secs(60),
                "the worker publishes"
            );
            if let Some(step) = run.step(&state, Duration::ZERO) {
                let before = state.positions.clone();
                state.apply(step);
                moved = state.positions != before;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(
            run.live_ticks().is_some_and(|t| t > 0),
            "ticks off the UI thread"
        );
        assert_eq!(
            state.positions[5],
            start[5] + egui::vec2(400.0, 0.0),
            "the dropped actor stays where it was put"
        );
        state.apply(EditCommand::StartDrag(crate::model::ActorId(9)));
        assert!(run.step(&state, Duration::ZERO).is_none());
        assert!(run.live_ticks().is_none(), "the worker was told to stop");
    }
}
