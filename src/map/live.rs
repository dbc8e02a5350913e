//! A large map's layout ticking on a worker thread, in a thread pool of its own, while the
//! frames show its newest positions (see [`super::LayoutRun::Live`]).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use egui::{Pos2, Vec2};

use super::MapState;
use crate::layout;

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
    pub(super) fn release(&mut self) {
        if let Some(go) = self.go.take() {
            let _ = go.send(());
            self.started = Some(Instant::now());
        }
    }

    /// Starts the worker on the map's first layout (`first`) or on a relaxation from the
    /// current positions.
    pub(super) fn start(state: &MapState, first: bool) -> Self {
        if first {
            // Actors the user pinned meanwhile stay where they are.
            let held: Vec<Option<Pos2>> = (state.place.pinned.iter().zip(&state.place.positions))
                .map(|(&pinned, &at)| pinned.then_some(at))
                .collect();
            let parts = layout::FirstSimulation::default_for(&state.doc.dataset, &held);
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

    /// Waits up to `timeout` for the first tick's positions (or the end of the layout), so
    /// the frame that first shows the map can show it moving. Measured at 100,000 nodes under
    /// software rendering: a first frame of the still spiral cost a third of a second before
    /// the next one could show the first tick; the tick itself takes about 90 ms.
    pub(super) fn wait_first(&self, timeout: std::time::Duration) {
        let began = Instant::now();
        while began.elapsed() < timeout {
            let published = self.shared.latest.lock().map_or(true, |l| l.is_some());
            if published || self.shared.settled.load(Ordering::Acquire) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }

    /// Ticks run so far.
    pub(super) fn ticks(&self) -> usize {
        self.shared.ticks.load(Ordering::Relaxed)
    }

    /// The newest positions, if a tick has finished since the last call, and whether the
    /// layout has come to rest (then these, or the last taken, are its final positions).
    pub(super) fn take_latest(&mut self) -> (Option<Vec<Pos2>>, bool) {
        // Read `settled` first: the worker sets it only after publishing its last positions.
        let settled = self.shared.settled.load(Ordering::Acquire);
        let latest = self.shared.latest.lock().ok().and_then(|mut l| l.take());
        if latest.is_some()
            && let Some(started) = self.started.take()
        {
            log::info!(
                "live layout: first positions after {} ms",
                started.elapsed().as_millis()
            );
        }
        (latest, settled)
    }

    /// Share of the planned ticks run, in `0..=1`.
    pub(super) fn progress(&self) -> f32 {
        (self.shared.ticks.load(Ordering::Relaxed) as f32 / self.planned.max(1) as f32).min(1.0)
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

/// Temperature a relaxation starts at: enough to make room, not to scramble the map.
const RELAX_ALPHA: f32 = 0.25;

/// A simulation starting from the current positions, pinned nodes held, warm but not hot.
pub(super) fn simulation_for(state: &MapState) -> layout::Simulation {
    let links: Vec<(usize, usize)> = state
        .doc
        .dataset
        .relations
        .iter()
        .map(|r| (r.from.0, r.to.0))
        .collect();
    let radius = state
        .doc
        .dataset
        .degrees()
        .into_iter()
        .map(layout::node_radius)
        .collect();
    let n = state.place.positions.len().max(1) as f32;
    let center = (state
        .place
        .positions
        .iter()
        .fold(Vec2::ZERO, |s, p| s + p.to_vec2())
        / n)
        .to_pos2();
    let mut sim = layout::Simulation::new(
        state.place.positions.raw.clone(),
        &links,
        radius,
        layout::ForceParams::readable(center),
    );
    for (i, pinned) in state.place.pinned.iter_enumerated() {
        if *pinned {
            sim.fix(i.0, Some(state.place.positions[i]));
        }
    }
    sim.set_alpha(RELAX_ALPHA);
    sim
}
