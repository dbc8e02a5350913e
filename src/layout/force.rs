//! A velocity-Verlet force simulation in the manner of d3-force: Barnes-Hut repulsion, link
//! springs, centring and light collision, cooled by `alpha` until it settles.

use egui::{Pos2, Vec2};
use rayon::prelude::*;

use super::quadtree::{QuadTree, jiggle};

/// Above this many nodes the repulsion pass is spread over all cores.
const PARALLEL_FROM: usize = 2_000;
/// Collision is applied up to this many nodes.
const COLLIDE_UP_TO: usize = 3_000;
/// Velocities are clamped so a bad configuration cannot fling nodes to infinity.
const MAX_SPEED: f32 = 1e4;

/// Force strengths and cooling schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct ForceParams {
    /// Many-body strength; negative repels (d3 default -30).
    pub charge: f32,
    /// Barnes-Hut accuracy: cells with size/distance below this act as one body (d3: 0.9).
    pub theta: f32,
    /// Rest length of link springs (d3 default 30).
    pub link_distance: f32,
    /// Extra spacing added to node radii for collision; `None` disables collision.
    pub collide_padding: Option<f32>,
    /// Where the centring force keeps the centre of mass.
    pub center: Pos2,
    /// Fraction of velocity lost per tick (d3: 0.4).
    pub velocity_decay: f32,
    /// The simulation stops when alpha falls below this (d3: 0.001).
    pub alpha_min: f32,
    /// Alpha moves this fraction toward zero each tick (d3: about 0.0228, 300 ticks).
    pub alpha_decay: f32,
}

impl ForceParams {
    /// d3-force's defaults, used by the benchmark so the comparison is like for like.
    pub fn d3_defaults() -> Self {
        Self {
            charge: -30.0,
            theta: 0.9,
            link_distance: 30.0,
            collide_padding: None,
            center: Pos2::ZERO,
            velocity_decay: 0.4,
            alpha_min: 0.001,
            alpha_decay: 1.0 - 0.001_f32.powf(1.0 / 300.0),
        }
    }

    /// Spacing for a readable map with labelled nodes tens of units wide.
    pub fn readable(center: Pos2) -> Self {
        Self {
            charge: -1_500.0,
            link_distance: 220.0,
            collide_padding: Some(60.0),
            center,
            ..Self::d3_defaults()
        }
    }

    /// These parameters cooling from alpha 1 to `alpha_min` in `ticks` ticks (d3's schedule
    /// is 300).
    pub fn cooling_in(mut self, ticks: usize) -> Self {
        self.alpha_decay = 1.0 - self.alpha_min.powf(1.0 / ticks.max(1) as f32);
        self
    }
}

/// The running simulation. Positions are in world units.
pub struct Simulation {
    params: ForceParams,
    pos: Vec<Pos2>,
    vel: Vec<Vec2>,
    fixed: Vec<Option<Pos2>>,
    radius: Vec<f32>,
    links: Vec<(u32, u32)>,
    link_strength: Vec<f32>,
    link_bias: Vec<f32>,
    alpha: f32,
    ticks: usize,
}

impl Simulation {
    /// Starts from `initial` positions (non-finite ones are replaced by a spiral placement).
    /// `links` are node index pairs; duplicates and self-loops are ignored.
    pub fn new(
        initial: Vec<Pos2>,
        links: &[(usize, usize)],
        radius: Vec<f32>,
        params: ForceParams,
    ) -> Self {
        let n = initial.len();
        let mut pos = initial;
        for (i, p) in pos.iter_mut().enumerate() {
            if !(p.x.is_finite() && p.y.is_finite()) {
                *p = spiral(i, params.center, params.link_distance.max(10.0));
            }
        }
        let mut pairs: Vec<(u32, u32)> = links
            .iter()
            .filter(|(a, b)| a != b && *a < n && *b < n)
            .map(|&(a, b)| (a.min(b) as u32, a.max(b) as u32))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut degree = vec![0u32; n];
        for &(a, b) in &pairs {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        let link_strength = pairs
            .iter()
            .map(|&(a, b)| 1.0 / degree[a as usize].min(degree[b as usize]).max(1) as f32)
            .collect();
        let link_bias = pairs
            .iter()
            .map(|&(a, b)| {
                let (da, db) = (degree[a as usize] as f32, degree[b as usize] as f32);
                da / (da + db)
            })
            .collect();
        let mut radius = radius;
        radius.resize(n, 0.0);
        Self {
            params,
            vel: vec![Vec2::ZERO; n],
            fixed: vec![None; n],
            pos,
            radius,
            links: pairs,
            link_strength,
            link_bias,
            alpha: 1.0,
            ticks: 0,
        }
    }

    /// Places `n` nodes on a sunflower spiral around `params.center`, as d3 does, with a seeded
    /// rotation so different seeds give different (but reproducible) layouts.
    pub fn spiral_start(n: usize, seed: u64, params: &ForceParams) -> Vec<Pos2> {
        let rotation = (seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as f32
            / (1u64 << 24) as f32
            * std::f32::consts::TAU;
        (0..n)
            .map(|i| {
                let p = spiral(i, Pos2::ZERO, params.link_distance.max(10.0));
                params.center + rotate(p.to_vec2(), rotation)
            })
            .collect()
    }

    /// Current positions.
    pub fn positions(&self) -> &[Pos2] {
        &self.pos
    }

    /// Current temperature; forces scale with it.
    pub fn alpha(&self) -> f32 {
        self.alpha
    }

    /// Ticks run so far.
    pub fn ticks(&self) -> usize {
        self.ticks
    }

    /// Ticks left until [`Simulation::settled`] (alpha decays geometrically), for progress.
    pub fn ticks_to_settle(&self) -> usize {
        let (alpha, min, decay) = (self.alpha, self.params.alpha_min, self.params.alpha_decay);
        if alpha < min || !(0.0..1.0).contains(&decay) || decay == 0.0 {
            return 0;
        }
        ((min / alpha).ln() / (1.0 - decay).ln()).ceil().max(0.0) as usize + 1
    }

    /// True once cooled below `alpha_min`: further ticks would barely move anything.
    pub fn settled(&self) -> bool {
        self.alpha < self.params.alpha_min
    }

    /// Sets the temperature (0 = still, 1 = fresh start).
    pub fn set_alpha(&mut self, alpha: f32) {
        self.alpha = alpha.clamp(0.0, 1.0);
    }

    /// Pins node `i` at `at`, or releases it with `None`.
    pub fn fix(&mut self, i: usize, at: Option<Pos2>) {
        if let Some(slot) = self.fixed.get_mut(i) {
            *slot = at.filter(|p| p.x.is_finite() && p.y.is_finite());
            if let Some(p) = *slot {
                self.pos[i] = p;
                self.vel[i] = Vec2::ZERO;
            }
        }
    }

    /// Runs ticks until settled or `max_ticks` have run.
    pub fn run(&mut self, max_ticks: usize) {
        for _ in 0..max_ticks {
            if self.settled() {
                break;
            }
            self.tick();
        }
    }

    /// Advances the simulation one step.
    pub fn tick(&mut self) {
        self.alpha += (0.0 - self.alpha) * self.params.alpha_decay;
        let alpha = self.alpha;
        // Springs change only velocities and repulsion reads only positions, so the two run
        // side by side; the repulsion is added after the springs, as if they had run in turn
        // (the same sums in the same order: the same layout to the bit).
        let Self {
            params, pos, vel, ..
        } = self;
        let springs = Springs {
            links: &self.links,
            strength: &self.link_strength,
            bias: &self.link_bias,
            distance: params.link_distance,
        };
        let strength = params.charge * alpha;
        let charge = if pos.len() >= PARALLEL_FROM {
            let (pulls, ()) = rayon::join(
                || charge_forces(pos, strength, params.theta),
                || springs.apply(pos, vel, alpha),
            );
            pulls
        } else {
            springs.apply(pos, vel, alpha);
            charge_forces(pos, strength, params.theta)
        };
        for (i, f) in charge {
            self.vel[i as usize] += f;
        }
        // Collision keeps small maps readable; on large graphs it costs more than it shows.
        if let Some(padding) = self.params.collide_padding
            && self.pos.len() <= COLLIDE_UP_TO
        {
            self.apply_collision(padding);
        }
        let keep = 1.0 - self.params.velocity_decay;
        for i in 0..self.pos.len() {
            if let Some(p) = self.fixed[i] {
                self.pos[i] = p;
                self.vel[i] = Vec2::ZERO;
                continue;
            }
            let mut v = self.vel[i] * keep;
            if !(v.x.is_finite() && v.y.is_finite()) {
                v = Vec2::ZERO;
            }
            v = v.clamp(Vec2::splat(-MAX_SPEED), Vec2::splat(MAX_SPEED));
            self.vel[i] = v;
            self.pos[i] += v;
        }
        self.apply_centering();
        self.ticks += 1;
    }

    /// Pushes overlapping nodes apart using a uniform grid, so the cost stays linear.
    fn apply_collision(&mut self, padding: f32) {
        let n = self.pos.len();
        let max_r = self.radius.iter().copied().fold(0.0_f32, f32::max) + padding;
        if n < 2 || max_r <= 0.0 {
            return;
        }
        let cell = 2.0 * max_r;
        let key = |p: Pos2| ((p.x / cell).floor() as i64, (p.y / cell).floor() as i64);
        let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> =
            std::collections::HashMap::new();
        for (i, p) in self.pos.iter().enumerate() {
            grid.entry(key(*p)).or_default().push(i);
        }
        for i in 0..n {
            let (cx, cy) = key(self.pos[i]);
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    let Some(bucket) = grid.get(&(gx, gy)) else {
                        continue;
                    };
                    for &j in bucket {
                        if j <= i {
                            continue;
                        }
                        let min = self.radius[i] + self.radius[j] + padding;
                        let mut d = (self.pos[j] + self.vel[j]) - (self.pos[i] + self.vel[i]);
                        let l2 = d.length_sq();
                        if l2 >= min * min {
                            continue;
                        }
                        if l2 < 1e-6 {
                            d = jiggle(i, j);
                        }
                        let l = super::length(d);
                        let push = d * ((min - l) / l * 0.5 * 0.7);
                        self.vel[i] -= push;
                        self.vel[j] += push;
                    }
                }
            }
        }
    }

    fn apply_centering(&mut self) {
        let free: Vec<usize> = (0..self.pos.len())
            .filter(|&i| self.fixed[i].is_none())
            .collect();
        // With pinned nodes the user has chosen where things are: do not drag the map around.
        if free.is_empty() || free.len() != self.pos.len() {
            return;
        }
        let mut sum = Vec2::ZERO;
        for &i in &free {
            sum += self.pos[i].to_vec2();
        }
        let shift = self.params.center - (sum / free.len() as f32).to_pos2();
        if shift.x.is_finite() && shift.y.is_finite() {
            for &i in &free {
                self.pos[i] += shift;
            }
        }
    }
}

/// Link springs: each pulls its two ends toward `distance` apart.
struct Springs<'a> {
    links: &'a [(u32, u32)],
    strength: &'a [f32],
    bias: &'a [f32],
    distance: f32,
}

impl Springs<'_> {
    /// Adds the springs' pulls to `vel`, one link after another (each sees the velocities
    /// the links before it left, as d3-force does).
    fn apply(&self, pos: &[Pos2], vel: &mut [Vec2], alpha: f32) {
        for (k, &(a, b)) in self.links.iter().enumerate() {
            let (a, b) = (a as usize, b as usize);
            let mut d = (pos[b] + vel[b]) - (pos[a] + vel[a]);
            if d.length_sq() < 1e-6 {
                d = jiggle(a, b);
            }
            let l = super::length(d);
            let f = d * ((l - self.distance) / l * alpha * self.strength[k]);
            let bias = self.bias[k];
            vel[b] -= f * bias;
            vel[a] += f * (1.0 - bias);
        }
    }
}

/// Barnes-Hut repulsion of `strength` on every point, as (point, force) in the tree's order.
/// Points are visited in tree order so consecutive ones walk the same cells; each force
/// depends only on its point, so the order does not change the result.
fn charge_forces(pos: &[Pos2], strength: f32, theta: f32) -> Vec<(u32, Vec2)> {
    let tree = QuadTree::build(pos);
    let force = |&i: &u32| {
        (
            i,
            tree.force_on(pos[i as usize], i as usize, strength, theta),
        )
    };
    if pos.len() >= PARALLEL_FROM {
        tree.order().par_iter().map(force).collect()
    } else {
        tree.order().iter().map(force).collect()
    }
}

fn rotate(v: Vec2, angle: f32) -> Vec2 {
    let (s, c) = angle.sin_cos();
    Vec2::new(v.x * c - v.y * s, v.x * s + v.y * c)
}

/// The i-th point of a sunflower (phyllotaxis) spiral, spacing about `step` apart.
fn spiral(i: usize, center: Pos2, step: f32) -> Pos2 {
    let golden = std::f32::consts::PI * (3.0 - 5.0_f32.sqrt());
    let r = step * 0.5 * (0.5 + i as f32).sqrt();
    center + Vec2::angled(i as f32 * golden) * r
}
