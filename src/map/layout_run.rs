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

use std::time::{Duration, Instant};

use super::live::{LiveLayout, simulation_for};
use super::{Command, EditCommand, MapState};
use crate::layout;

/// How long showing a map waits for its live layout's first tick (see
/// [`LiveLayout::wait_first`]): a first tick of 100,000 nodes takes about 90 ms on two cores.
const FIRST_TICK_WAIT: Duration = Duration::from_millis(200);

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

impl LayoutRun {
    /// A live first layout started before its map was shown (by the loader), answering the
    /// request `state` has just made with [`EditCommand::StartFirstLayout`]; `Idle` (and the
    /// worker stopped) when `state` wants no first layout. Waits briefly for the first tick,
    /// so the first frame of the map already shows it moving.
    pub fn adopt(state: &MapState, mut live: LiveLayout) -> Self {
        let request = state.place.layout_request;
        if request.wanted && request.first {
            live.release();
            live.wait_first(FIRST_TICK_WAIT);
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
        let request = state.place.layout_request;
        if !request.wanted {
            *self = Self::Idle;
            return None;
        }
        if request.first || layout::runs_live(&state.doc.dataset) {
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
            Self::Live { live, .. } => Some(live.ticks()),
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
        let request = state.place.layout_request;
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
        let (latest, settled) = live.take_latest();
        let command = match (latest, settled) {
            (Some(positions), _) => EditCommand::LayoutStep {
                generation: *generation,
                positions,
                settled,
            },
            (None, true) => EditCommand::LayoutStep {
                generation: *generation,
                positions: state.place.positions.raw.clone(),
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

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::LayoutRun;
    use crate::map::{Command, EditCommand, LiveLayout, MapState};

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
        while state.place.layout_request.wanted {
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
        assert!(state.place.layout_request.wanted && state.place.layout_request.first);
        let mut run = LayoutRun::default();
        let _ = run.step(&state, Duration::ZERO);
        assert!(run.live_progress().is_some(), "runs on the worker");
        run_until_idle(&mut run, &mut state);
        assert!(run.live_progress().is_none());
        assert_eq!(
            state.place.positions.raw, expected,
            "same positions as laying out before showing"
        );
        assert_eq!(
            state.place.default_positions.raw, expected,
            "Reset layout returns here"
        );
        assert_ne!(state.place.positions.raw, start);
    }

    #[test]
    fn a_map_adopting_its_first_layout_is_shown_with_the_first_tick() {
        let d = ring_of(300, &[1, 7]);
        let parts = crate::layout::FirstSimulation::default_for(&d, &[]);
        let start = parts.start().to_vec();
        let live = LiveLayout::start_first(parts);
        let mut state = MapState::with_layout(d, start.clone(), Default::default());
        state.apply(EditCommand::StartFirstLayout);
        let mut run = LayoutRun::adopt(&state, live);
        // No waiting here: adopting waited for the worker's first positions.
        let Some(Command::Edit(EditCommand::LayoutStep { positions, .. })) =
            run.step(&state, Duration::ZERO)
        else {
            panic!("the first frame after adopting finds the first tick's positions");
        };
        assert_ne!(positions, start, "they have moved");
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
        assert!(!state.place.layout_request.wanted, "the user's hand wins");
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
        let (other, actor) = (crate::model::ActorId(9), crate::model::ActorId(5));
        state.apply(EditCommand::StartDrag(other));
        state.apply(EditCommand::DragTo(start[9] + egui::vec2(40.0, 0.0)));
        state.apply(EditCommand::EndDrag);
        state.apply(EditCommand::StartDrag(actor));
        state.apply(EditCommand::DragTo(start[5] + egui::vec2(400.0, 0.0)));
        state.apply(EditCommand::EndDrag);
        assert!(
            !state.place.layout_request.wanted,
            "a drop moves only the dropped actor"
        );
        // Unpinning one asks the map to relax around it; the other stays pinned.
        state.apply(EditCommand::Unpin(other));
        assert!(state.place.layout_request.wanted && !state.place.layout_request.first);
        let mut run = LayoutRun::default();
        let began = Instant::now();
        let mut moved = false;
        while !moved {
            assert!(
                began.elapsed() < Duration::from_secs(60),
                "the worker publishes"
            );
            if let Some(step) = run.step(&state, Duration::ZERO) {
                let before = state.place.positions.clone();
                state.apply(step);
                moved = state.place.positions != before;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(
            run.live_ticks().is_some_and(|t| t > 0),
            "ticks off the UI thread"
        );
        assert_eq!(
            state.place.positions[crate::model::ActorId(5)],
            start[5] + egui::vec2(400.0, 0.0),
            "the dropped actor stays where it was put"
        );
        state.apply(EditCommand::StartDrag(crate::model::ActorId(9)));
        assert!(run.step(&state, Duration::ZERO).is_none());
        assert!(run.live_ticks().is_none(), "the worker was told to stop");
    }
}
