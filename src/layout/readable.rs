//! Choosing a readable default placement for small maps: several candidate layouts (force
//! layouts from different seeds, a stress layout) are scored by how many lines pass through an
//! actor they do not join, then by line crossings, then by the narrowest angle between two
//! lines at one actor, and the best is kept. Deterministic: the
//! candidates and the tie-break (candidate order) are fixed.

use egui::{Pos2, Vec2};

use super::{WORLD, force_layout_from, node_radius};
use crate::model::Dataset;

/// Maps up to this many actors get the candidate search; larger ones one force layout.
pub const MAX_ACTORS_FOR_CANDIDATES: usize = 60;
/// Force layouts tried: `ORDERS` orders of the starting spiral's slots (the first as listed,
/// the others shuffled from the seed), each with up to `SHIFTS` different actors starting at
/// its centre. The seed alone only rotates a layout, which changes no crossing.
const ORDERS: u64 = 4;
const SHIFTS: usize = 12;

/// How readable a placement is: lower is better, compared in this order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Readability {
    /// Straight lines passing through an actor they do not join.
    pub through_nodes: usize,
    /// Pairs of straight lines that cross (not counting lines sharing an actor).
    pub crossings: usize,
    /// 180° minus the narrowest angle between two lines at one actor, in whole degrees: lines
    /// (and their parallel arcs and labels) squeezed together read badly.
    pub squeeze: u32,
    /// 100 minus the closest two shown actors' distance as a percentage of the widest: a
    /// placement with no crossing but two actors nearly touching still reads badly.
    pub crowding: u32,
}

/// [`Readability::crowding`] of the actors `shown` at `pos`.
pub fn crowding(pos: &[Pos2], shown: &[bool]) -> u32 {
    let at: Vec<Pos2> = pos
        .iter()
        .zip(shown)
        .filter(|(_, s)| **s)
        .map(|(p, _)| *p)
        .collect();
    let (mut closest, mut widest) = (f32::INFINITY, 0.0_f32);
    for (i, a) in at.iter().enumerate() {
        for b in &at[i + 1..] {
            let d = a.distance(*b);
            closest = closest.min(d);
            widest = widest.max(d);
        }
    }
    if widest <= 0.0 || !closest.is_finite() {
        return 0;
    }
    (100.0 - 100.0 * closest / widest).round().clamp(0.0, 100.0) as u32
}

/// The lines the default view draws: one per related pair of actors `shown` (parallel
/// relations are one straight line here).
fn pairs(d: &Dataset, shown: &[bool]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = d
        .relations
        .iter()
        .map(|r| (r.from.0.min(r.to.0), r.from.0.max(r.to.0)))
        .filter(|&(a, b)| a != b && shown[a] && shown[b])
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The smallest angle, in degrees, between two lines leaving the same actor (180 when no
/// actor has two lines): small angles make parallel arcs and labels pile up.
pub fn angular_resolution(d: &Dataset, pos: &[Pos2], shown: &[bool]) -> f32 {
    let lines = pairs(d, shown);
    let mut worst = 180.0_f32;
    for (n, &on) in shown.iter().enumerate() {
        if !on {
            continue;
        }
        let mut angles: Vec<f32> = lines
            .iter()
            .filter_map(|&(a, b)| match (a == n, b == n) {
                (true, _) => Some(pos[b] - pos[n]),
                (_, true) => Some(pos[a] - pos[n]),
                _ => None,
            })
            .map(|v| v.y.atan2(v.x).to_degrees())
            .collect();
        if angles.len() < 2 {
            continue;
        }
        angles.sort_by(f32::total_cmp);
        let wrap = angles[0] + 360.0 - angles[angles.len() - 1];
        let gap = angles.windows(2).map(|w| w[1] - w[0]).fold(wrap, f32::min);
        worst = worst.min(gap);
    }
    worst
}

/// Scores `pos` for the actors `shown` (by default: the core, non-secondary actors).
pub fn readability(d: &Dataset, pos: &[Pos2], shown: &[bool]) -> Readability {
    let lines = pairs(d, shown);
    let degrees = d.degrees();
    let mut score = Readability {
        squeeze: (180.0 - angular_resolution(d, pos, shown))
            .round()
            .clamp(0.0, 180.0) as u32,
        crowding: crowding(pos, shown),
        ..Readability::default()
    };
    for (i, &(a, b)) in lines.iter().enumerate() {
        for &(c, e) in &lines[i + 1..] {
            if a != c
                && a != e
                && b != c
                && b != e
                && segments_cross(pos[a], pos[b], pos[c], pos[e])
            {
                score.crossings += 1;
            }
        }
        for (n, &on) in shown.iter().enumerate() {
            if on && n != a && n != b {
                let clearance = node_radius(degrees.raw[n]) + 2.0;
                if distance_to_segment(pos[n], pos[a], pos[b]) < clearance {
                    score.through_nodes += 1;
                }
            }
        }
    }
    score
}

fn orient(a: Pos2, b: Pos2, c: Pos2) -> f32 {
    (b - a).x * (c - a).y - (b - a).y * (c - a).x
}

/// Whether segments ab and cd cross at a point inside both.
pub fn segments_cross(a: Pos2, b: Pos2, c: Pos2, d: Pos2) -> bool {
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 1e-9 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a + ab * t - p).length()
}

/// The candidate placements, in tie-break order: force layouts (the plain one of `seed`
/// first), then the stress layout.
pub fn candidates(d: &Dataset, seed: u64) -> Vec<Vec<Pos2>> {
    let n = d.actors.len();
    let mut candidates: Vec<Vec<Pos2>> = (0..ORDERS)
        .flat_map(|k| (0..n.min(SHIFTS)).map(move |shift| (k, shift)))
        .map(|(k, shift)| {
            let slots: Vec<usize> = slot_order(n, seed.wrapping_add(k), k > 0)
                .iter()
                .map(|s| (s + shift) % n)
                .collect();
            force_layout_from(d, seed, &slots, &mut |_| {})
        })
        .collect();
    candidates.push(stress_layout(d));
    candidates
}

/// Slots `0..n`, in order or shuffled (Fisher–Yates driven by SplitMix64 from `seed`, so
/// the same seed gives the same order on every machine).
fn slot_order(n: usize, seed: u64, shuffle: bool) -> Vec<usize> {
    let mut slots: Vec<usize> = (0..n).collect();
    if !shuffle {
        return slots;
    }
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        slots.swap(i, j);
    }
    slots
}

/// The most readable of the [`candidates`] for a small map without given positions, scored
/// on straight lines. Returns the placement and the score of the first candidate (the plain
/// force layout of `seed`) and of the chosen one, for reports.
pub fn choose(d: &Dataset, seed: u64) -> (Vec<Pos2>, Readability, Readability) {
    let shown: Vec<bool> = d.actors.iter().map(|a| !a.secondary).collect();
    choose_by(d, seed, &|p| readability(d, p, &shown))
}

/// [`choose`] with the caller's score (lower is better; ties go to the earlier candidate):
/// the scene scores the lines as drawn, arcs included, which `layout` cannot see.
pub fn choose_by(
    d: &Dataset,
    seed: u64,
    score: &dyn Fn(&[Pos2]) -> Readability,
) -> (Vec<Pos2>, Readability, Readability) {
    let mut candidates = candidates(d, seed);
    let scored: Vec<Readability> = candidates.iter().map(|p| score(p)).collect();
    let first = scored.first().copied().unwrap_or_default();
    let best = scored
        .iter()
        .enumerate()
        .min_by_key(|(i, s)| (**s, *i))
        .map_or(0, |(i, _)| i);
    let chosen = scored.get(best).copied().unwrap_or_default();
    (candidates.swap_remove(best), first, chosen)
}

/// A stress layout (SMACOF majorisation on shortest-path distances), fitted into the world:
/// places actors so straight-line distances follow graph distances, which untangles many
/// small maps a force layout leaves crossed.
pub fn stress_layout(d: &Dataset) -> Vec<Pos2> {
    let n = d.actors.len();
    if n == 0 {
        return Vec::new();
    }
    let dist = graph_distances(d);
    // Start on a circle (deterministic), unit edge length.
    let mut x: Vec<Vec2> = (0..n)
        .map(|i| {
            let a = std::f32::consts::TAU * i as f32 / n as f32;
            Vec2::new(a.cos(), a.sin()) * (n as f32 / 2.0).max(1.0)
        })
        .collect();
    for _ in 0..300 {
        let mut next = vec![Vec2::ZERO; n];
        for i in 0..n {
            let mut sum = Vec2::ZERO;
            let mut weight = 0.0;
            for j in 0..n {
                if i == j {
                    continue;
                }
                let dij = dist[i][j];
                let w = 1.0 / (dij * dij);
                let diff = x[i] - x[j];
                let len = diff.length().max(1e-4);
                sum += w * (x[j] + diff * (dij / len));
                weight += w;
            }
            next[i] = if weight > 0.0 { sum / weight } else { x[i] };
        }
        x = next;
    }
    fit_to_world(&x)
}

/// Shortest-path lengths (unreachable pairs: one more than the longest path).
fn graph_distances(d: &Dataset) -> Vec<Vec<f32>> {
    let n = d.actors.len();
    let mut adj = vec![Vec::new(); n];
    for r in &d.relations {
        adj[r.from.0].push(r.to.0);
        adj[r.to.0].push(r.from.0);
    }
    let mut dist = vec![vec![f32::INFINITY; n]; n];
    for (s, row) in dist.iter_mut().enumerate() {
        row[s] = 0.0;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            for &v in &adj[u] {
                if row[v].is_infinite() {
                    row[v] = row[u] + 1.0;
                    queue.push_back(v);
                }
            }
        }
    }
    let longest = dist
        .iter()
        .flatten()
        .filter(|v| v.is_finite())
        .fold(1.0_f32, |a, &b| a.max(b));
    for row in &mut dist {
        for v in row.iter_mut() {
            if v.is_infinite() {
                *v = longest + 1.0;
            }
        }
    }
    dist
}

/// `points` scaled and centred into the world rectangle (with a margin).
fn fit_to_world(points: &[Vec2]) -> Vec<Pos2> {
    let (mut lo, mut hi) = (Vec2::splat(f32::INFINITY), Vec2::splat(f32::NEG_INFINITY));
    for p in points {
        lo = lo.min(*p);
        hi = hi.max(*p);
    }
    let span = (hi - lo).max(Vec2::splat(1e-3));
    let room = WORLD.shrink(80.0);
    let scale = (room.width() / span.x).min(room.height() / span.y);
    let mid = (lo + hi) / 2.0;
    points
        .iter()
        .map(|p| room.center() + (*p - mid) * scale)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_narrowest_angle_at_an_actor_is_measured() {
        let json = r#"{"format": "relmap/1", "source": {"title": "T", "text": "A and B. A and C."},
            "actors": [{"id": "a", "name": "A", "kind": "state"},
                       {"id": "b", "name": "B", "kind": "state"},
                       {"id": "c", "name": "C", "kind": "state"}],
            "relations": [{"id": "ab", "source": "a", "target": "b",
                           "passages": [{"quote": "A and B."}]},
                          {"id": "ac", "source": "a", "target": "c",
                           "passages": [{"quote": "A and C."}]}]}"#;
        let d = crate::model::load_str(json, "t.relmap.json").expect("fixture");
        let shown = [true; 3];
        let p = |x: f32, y: f32| Pos2::new(x, y);
        let right_angle = [p(0.0, 0.0), p(100.0, 0.0), p(0.0, 100.0)];
        assert!((angular_resolution(&d, &right_angle, &shown) - 90.0).abs() < 0.1);
        let narrow = [p(0.0, 0.0), p(100.0, 0.0), p(100.0, 10.0)];
        let tight = angular_resolution(&d, &narrow, &shown);
        assert!(tight < 10.0, "{tight}");
        assert!(readability(&d, &narrow, &shown) > readability(&d, &right_angle, &shown));
    }

    #[test]
    fn crossing_segments_are_counted_and_touching_ones_are_not() {
        let p = |x: f32, y: f32| Pos2::new(x, y);
        assert!(segments_cross(
            p(0.0, 0.0),
            p(10.0, 10.0),
            p(0.0, 10.0),
            p(10.0, 0.0)
        ));
        assert!(!segments_cross(
            p(0.0, 0.0),
            p(10.0, 0.0),
            p(0.0, 5.0),
            p(10.0, 5.0)
        ));
        assert!(!segments_cross(
            p(0.0, 0.0),
            p(10.0, 10.0),
            p(10.0, 10.0),
            p(20.0, 0.0)
        ));
        assert!((distance_to_segment(p(5.0, 3.0), p(0.0, 0.0), p(10.0, 0.0)) - 3.0).abs() < 1e-4);
    }
}
