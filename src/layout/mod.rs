//! Placing actors in world coordinates: dataset positions where given, else a seeded force
//! layout. Pure functions of (dataset, seed): the same input always gives the same map.

mod force;
mod length;
mod quadtree;
mod readable;

pub use force::{ForceParams, Simulation};
pub use length::{length, normalized};
pub use quadtree::QuadTree;
pub use readable::{
    MAX_ACTORS_FOR_CANDIDATES, Readability, angular_resolution, candidates, choose, choose_by,
    crowding, readability, segments_cross, stress_layout,
};

use egui::{Pos2, Rect, Vec2};

use crate::model::Dataset;

/// The world rectangle that dataset positions (given in the unit square) are stretched over.
pub const WORLD: Rect = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(1000.0, 680.0));

/// Ticks run before the first frame; the layout is fully settled well before this.
pub const MAX_TICKS: usize = 600;

/// Nodes plus links up to which the first layout cools over d3's 300 ticks (10,000 actors
/// with 40,000 relations: about 4 s on two cores).
const FULL_SCHEDULE_ITEMS: usize = 50_000;
/// The fewest ticks a first layout of a very large map cools over.
const MIN_TICKS: usize = 40;

/// How many ticks the first layout of a map with `items` nodes plus links cools over: d3's
/// 300 up to [`FULL_SCHEDULE_ITEMS`], then fewer in proportion (a tick costs about
/// proportionally more): 150 ticks for 20,000 actors with 80,000 relations, 40 for 100,000
/// with 400,000, which then open in about 7 s here. Deterministic: it depends on the map's size only, never on the clock.
pub fn first_layout_ticks(items: usize) -> usize {
    if items <= FULL_SCHEDULE_ITEMS {
        300
    } else {
        (300 * FULL_SCHEDULE_ITEMS / items).max(MIN_TICKS)
    }
}

/// Node radius in world units for an actor with `degree` relations: area grows with degree.
pub fn node_radius(degree: usize) -> f32 {
    16.0 + 5.0 * (degree as f32).sqrt()
}

/// The default layout of `dataset`: positions in world units, indexed like `dataset.actors`.
///
/// Actors with a dataset `position` are placed there and held; the others are laid out by the
/// force simulation around them, starting from a spiral rotated by `seed`.
pub fn default_positions(dataset: &Dataset, seed: u64) -> Vec<Pos2> {
    default_positions_with_progress(dataset, seed, &mut |_| {})
}

/// [`default_positions`], reporting progress in `0..=1` as the simulation cools (for large
/// imports laid out off the UI thread).
pub fn default_positions_with_progress(
    dataset: &Dataset,
    seed: u64,
    progress: &mut dyn FnMut(f32),
) -> Vec<Pos2> {
    let n = dataset.actors.len();
    // Small maps with no given position: the most readable of several candidates.
    if n <= MAX_ACTORS_FOR_CANDIDATES
        && n > 2
        && dataset.actors.iter().all(|a| a.position.is_none())
    {
        progress(1.0);
        return choose(dataset, seed).0;
    }
    force_layout(dataset, seed, progress)
}

/// A force layout of `dataset` from `seed`, dataset positions held where given.
pub(crate) fn force_layout(
    dataset: &Dataset,
    seed: u64,
    progress: &mut dyn FnMut(f32),
) -> Vec<Pos2> {
    let identity: Vec<usize> = (0..dataset.actors.len()).collect();
    force_layout_from(dataset, seed, &identity, progress)
}

/// [`force_layout`] with actor `i` starting in the spiral's slot `slots[i]` (a permutation of
/// `0..n`), so a different arrangement settles into a different topology.
pub(crate) fn force_layout_from(
    dataset: &Dataset,
    seed: u64,
    slots: &[usize],
    progress: &mut dyn FnMut(f32),
) -> Vec<Pos2> {
    let given = given_positions(dataset);
    if given.iter().all(Option::is_some) {
        return given.into_iter().flatten().collect();
    }
    let mut sim = first_simulation(dataset, seed, slots, &given);
    let alpha_min = ForceParams::readable(Pos2::ZERO).alpha_min.ln();
    for _ in 0..MAX_TICKS {
        if sim.settled() {
            break;
        }
        sim.tick();
        // Alpha decays geometrically: its logarithm moves linearly from 0 to ln(alpha_min).
        progress((sim.alpha().ln() / alpha_min).clamp(0.0, 1.0));
    }
    progress(1.0);
    sim.positions().to_vec()
}

/// Whether a map's first layout runs live (the map shown at once, animating as it settles,
/// see `map::LayoutRun`) rather than before the map appears: maps past
/// [`FULL_SCHEDULE_ITEMS`] nodes plus links whose positions are not all given.
pub fn first_layout_live(dataset: &Dataset) -> bool {
    runs_live(dataset) && dataset.actors.iter().any(|a| a.position.is_none())
}

/// Whether `dataset` is large enough that its layout ticks on a worker thread while frames
/// show its latest positions (first layouts and relaxations alike): past
/// [`FULL_SCHEDULE_ITEMS`] nodes plus links a tick takes most of a frame.
pub fn runs_live(dataset: &Dataset) -> bool {
    dataset.actors.len() + dataset.relations.len() > FULL_SCHEDULE_ITEMS
}

/// Given positions, in world units, of a dataset's actors (`None` where it gives none).
pub fn given_positions(dataset: &Dataset) -> Vec<Option<Pos2>> {
    let to_world = |[x, y]: [f32; 2]| WORLD.min + Vec2::new(x * WORLD.width(), y * WORLD.height());
    dataset
        .actors
        .iter()
        .map(|a| a.position.map(to_world))
        .collect()
}

/// The simulation a first layout runs: a spiral start (actors in `slots` order) with given
/// positions held, readable forces, cooling over [`first_layout_ticks`]. Running it until
/// settled (or [`MAX_TICKS`]) gives the default positions, wherever it runs.
pub fn first_simulation(
    dataset: &Dataset,
    seed: u64,
    slots: &[usize],
    given: &[Option<Pos2>],
) -> Simulation {
    FirstSimulation::of(dataset, seed, slots, given).build()
}

/// What [`first_simulation`] builds its simulation from, read off the dataset (linear and
/// quick); building it sorts every link, so a loader can do that beside other work once the
/// dataset is handed on.
pub struct FirstSimulation {
    initial: Vec<Pos2>,
    links: Vec<(usize, usize)>,
    radius: Vec<f32>,
    params: ForceParams,
    given: Vec<Option<Pos2>>,
    ticks: usize,
}

impl FirstSimulation {
    /// See [`first_simulation`].
    pub fn of(dataset: &Dataset, seed: u64, slots: &[usize], given: &[Option<Pos2>]) -> Self {
        let n = dataset.actors.len();
        let items = n + dataset.relations.len();
        let ticks = first_layout_ticks(items);
        let params = ForceParams::readable(WORLD.center()).cooling_in(ticks);
        let start = Simulation::spiral_start(n, seed, &params);
        let initial: Vec<Pos2> = given
            .iter()
            .enumerate()
            .map(|(i, g)| g.unwrap_or(start[slots.get(i).copied().unwrap_or(i) % n.max(1)]))
            .collect();
        let links: Vec<(usize, usize)> = dataset
            .relations
            .iter()
            .map(|r| (r.from.0, r.to.0))
            .collect();
        let radius = dataset.degrees().iter().map(|&d| node_radius(d)).collect();
        Self {
            initial,
            links,
            radius,
            params,
            given: given.to_vec(),
            ticks,
        }
    }

    /// The map's default first layout (seed 0, actors in dataset order, given positions
    /// held), with the actors in `held` (by index; shorter is fine) also kept where it says:
    /// the loader's and a restarted live layout's, so both start alike.
    pub fn default_for(dataset: &Dataset, held: &[Option<Pos2>]) -> Self {
        let mut given = given_positions(dataset);
        for (g, h) in given.iter_mut().zip(held) {
            if h.is_some() {
                *g = *h;
            }
        }
        let ids: Vec<usize> = (0..dataset.actors.len()).collect();
        Self::of(dataset, 0, &ids, &given)
    }

    /// The ticks its cooling schedule plans ([`first_layout_ticks`]).
    pub fn planned_ticks(&self) -> usize {
        self.ticks
    }

    /// Where the simulation starts: the positions of [`FirstSimulation::build`]'s result
    /// before its first tick.
    pub fn start(&self) -> &[Pos2] {
        &self.initial
    }

    /// The simulation, given positions held.
    pub fn build(self) -> Simulation {
        let mut sim = Simulation::new(self.initial, &self.links, self.radius, self.params);
        for (i, g) in self.given.iter().enumerate() {
            if g.is_some() {
                sim.fix(i, *g);
            }
        }
        sim
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_simulation_starts_where_its_parts_say() {
        let d = crate::model::builtin().expect("built-in map");
        let mut given = given_positions(&d);
        given[1] = None; // one actor laid out, the rest held
        let slots: Vec<usize> = (0..d.actors.len()).rev().collect();
        let parts = FirstSimulation::of(&d, 7, &slots, &given);
        let start = parts.start().to_vec();
        assert_eq!(parts.build().positions(), start.as_slice());
        assert_eq!(Some(start[0]), given[0]);
    }

    fn finite(p: &[Pos2]) -> bool {
        p.iter().all(|p| p.x.is_finite() && p.y.is_finite())
    }

    fn star(n: usize) -> Vec<(usize, usize)> {
        (1..n).map(|i| (0, i)).collect()
    }

    #[test]
    fn degenerate_graphs_stay_finite() {
        let params = ForceParams::readable(Pos2::ZERO);
        type Case = (Vec<Pos2>, Vec<(usize, usize)>);
        let cases: Vec<Case> = vec![
            (vec![], vec![]),
            (vec![Pos2::ZERO], vec![(0, 0)]),
            (vec![Pos2::new(3.0, 3.0); 50], vec![(0, 1), (1, 1), (2, 3)]),
            (vec![Pos2::new(f32::NAN, f32::INFINITY); 5], star(5)),
            (vec![Pos2::ZERO; 10_000], star(10_000)),
        ];
        for (initial, links) in cases {
            let n = initial.len();
            let mut sim = Simulation::new(initial, &links, vec![20.0; n], params.clone());
            sim.run(if n > 1000 { 20 } else { 300 });
            assert!(finite(sim.positions()), "n = {n}");
        }
    }

    #[test]
    fn coincident_nodes_are_pushed_apart() {
        let mut sim = Simulation::new(
            vec![Pos2::new(1.0, 1.0); 4],
            &[(0, 1), (2, 3)],
            vec![20.0; 4],
            ForceParams::readable(Pos2::ZERO),
        );
        sim.run(300);
        let p = sim.positions();
        for i in 0..4 {
            for j in i + 1..4 {
                assert!((p[i] - p[j]).length() > 40.0, "{i},{j} overlap: {p:?}");
            }
        }
    }

    #[test]
    fn same_seed_same_layout_and_it_settles() {
        let run = |seed| {
            let params = ForceParams::readable(Pos2::ZERO);
            let start = Simulation::spiral_start(30, seed, &params);
            let links: Vec<(usize, usize)> = (0..29).map(|i| (i, (i * 7 + 3) % 30)).collect();
            let mut sim = Simulation::new(start, &links, vec![20.0; 30], params);
            sim.run(1_000);
            assert!(sim.settled());
            sim.positions().to_vec()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }

    #[test]
    fn a_large_tick_is_the_same_on_one_thread_or_several() {
        // Past PARALLEL_FROM the springs run beside the repulsion and the repulsion is split
        // over threads; neither may change a bit.
        let n = 3_000;
        let links: Vec<(usize, usize)> = (1..n)
            .map(|i| (i, ((i * 2_654_435_761) >> 7) % i))
            .collect();
        let run = |threads| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            pool.install(|| {
                let params = ForceParams::readable(Pos2::ZERO);
                let start = Simulation::spiral_start(n, 5, &params);
                let mut sim = Simulation::new(start, &links, vec![20.0; n], params);
                sim.run(8);
                sim.positions().to_vec()
            })
        };
        let bits = |p: Vec<Pos2>| -> Vec<(u32, u32)> {
            p.iter().map(|q| (q.x.to_bits(), q.y.to_bits())).collect()
        };
        let one = bits(run(1));
        assert_eq!(one, bits(run(2)));
        assert_eq!(one, bits(run(3)));
    }

    #[test]
    fn pinned_nodes_do_not_move() {
        let params = ForceParams::readable(Pos2::ZERO);
        let start = Simulation::spiral_start(10, 1, &params);
        let mut sim = Simulation::new(start, &star(10), vec![20.0; 10], params);
        sim.fix(3, Some(Pos2::new(500.0, -200.0)));
        sim.run(300);
        assert_eq!(sim.positions()[3], Pos2::new(500.0, -200.0));
    }
}
