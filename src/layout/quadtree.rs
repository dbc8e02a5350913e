//! A Barnes-Hut quadtree: far-away groups of nodes act as one body, making repulsion O(n log n).

use egui::{Pos2, Vec2};

/// Deeper than this, coincident points share a leaf instead of splitting forever.
const MAX_DEPTH: u32 = 24;
/// Leaves hold up to this many points; small buckets are faster than single-point leaves.
const LEAF_SIZE: usize = 8;
/// Room for the cells still to visit: at most three siblings wait per level, plus four.
const STACK: usize = 4 * (MAX_DEPTH as usize + 2);

#[derive(Clone, Copy, Debug)]
struct Cell {
    /// Centre of mass of the points below.
    mass_center: Pos2,
    /// Number of points below (all points weigh the same).
    mass: f32,
    /// Side length of the square this cell covers.
    size: f32,
    /// Index of the first of four children in `cells`, or `u32::MAX` for a leaf.
    first_child: u32,
    /// Bit q set when child q holds points: empty quadrants are never visited.
    occupied: u8,
    /// For leaves: the range of `order` holding their points.
    start: u32,
    end: u32,
}

/// A quadtree over a snapshot of positions.
pub struct QuadTree {
    cells: Vec<Cell>,
    /// Point indices, grouped so each leaf owns a contiguous run.
    order: Vec<u32>,
    /// `points[order[k]]` for every k: a leaf reads its points from one run of memory
    /// instead of jumping through the caller's array.
    sorted: Vec<Pos2>,
}

impl QuadTree {
    /// Builds the tree over `points` (all must be finite).
    pub fn build(points: &[Pos2]) -> Self {
        let mut tree = Self {
            cells: Vec::with_capacity(points.len() / 2 + 1),
            order: (0..points.len() as u32).collect(),
            sorted: Vec::new(),
        };
        if points.is_empty() {
            return tree;
        }
        let (mut min, mut max) = (points[0], points[0]);
        for p in points {
            min = min.min(*p);
            max = max.max(*p);
        }
        let size = (max - min).max_elem().max(1.0) * 1.0001;
        tree.cells.push(Cell {
            mass_center: Pos2::ZERO,
            mass: 0.0,
            size,
            first_child: u32::MAX,
            occupied: 0,
            start: 0,
            end: points.len() as u32,
        });
        let mut scratch = Vec::with_capacity(points.len());
        tree.split(0, points, min, 0, &mut scratch);
        tree.sorted = tree.order.iter().map(|&i| points[i as usize]).collect();
        tree
    }

    /// Point indices in tree order: neighbours in space are neighbours here, so visiting
    /// points in this order keeps the cells each one reads warm in the cache.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// `scratch` is reused by every cell's counting sort, so building allocates once.
    fn split(
        &mut self,
        cell: usize,
        points: &[Pos2],
        origin: Pos2,
        depth: u32,
        scratch: &mut Vec<u32>,
    ) {
        let Cell {
            size, start, end, ..
        } = self.cells[cell];
        let (start, end) = (start as usize, end as usize);
        if end - start <= LEAF_SIZE || depth >= MAX_DEPTH {
            let mut sum = Vec2::ZERO;
            for &i in &self.order[start..end] {
                sum += points[i as usize].to_vec2();
            }
            let n = (end - start) as f32;
            self.cells[cell].mass = n;
            self.cells[cell].mass_center = (sum / n.max(1.0)).to_pos2();
            return;
        }
        let half = size / 2.0;
        let mid = origin + Vec2::splat(half);
        let quadrant = |p: Pos2| usize::from(p.x >= mid.x) | (usize::from(p.y >= mid.y) << 1);
        // Counting sort of this cell's points into the four quadrants.
        let mut counts = [0usize; 4];
        for &i in &self.order[start..end] {
            counts[quadrant(points[i as usize])] += 1;
        }
        let mut offsets = [start; 4];
        for q in 1..4 {
            offsets[q] = offsets[q - 1] + counts[q - 1];
        }
        let bounds = offsets;
        scratch.clear();
        scratch.extend_from_slice(&self.order[start..end]);
        for &i in scratch.iter() {
            let q = quadrant(points[i as usize]);
            self.order[offsets[q]] = i;
            offsets[q] += 1;
        }
        let first = self.cells.len();
        self.cells[cell].first_child = first as u32;
        self.cells[cell].occupied = counts
            .iter()
            .enumerate()
            .fold(0, |bits, (q, &count)| bits | (u8::from(count > 0) << q));
        for (start, count) in bounds.iter().zip(counts) {
            self.cells.push(Cell {
                mass_center: Pos2::ZERO,
                mass: 0.0,
                size: half,
                first_child: u32::MAX,
                occupied: 0,
                start: *start as u32,
                end: (start + count) as u32,
            });
        }
        let mut mass = 0.0;
        let mut weighted = Vec2::ZERO;
        for (q, count) in counts.iter().enumerate() {
            let child = first + q;
            if *count > 0 {
                let child_origin =
                    origin + Vec2::new((q & 1) as f32 * half, (q >> 1) as f32 * half);
                self.split(child, points, child_origin, depth + 1, scratch);
                let c = self.cells[child];
                mass += c.mass;
                weighted += c.mass_center.to_vec2() * c.mass;
            }
        }
        self.cells[cell].mass = mass;
        self.cells[cell].mass_center = (weighted / mass.max(1.0)).to_pos2();
    }

    /// Sum of `strength * (q - p) / |q - p|²` over all points q (except point `skip`),
    /// approximating cells whose `size / distance < theta` by their centre of mass. Negative
    /// strength repels. Reads the positions the tree was built from.
    pub fn force_on(&self, p: Pos2, skip: usize, strength: f32, theta: f32) -> Vec2 {
        let mut force = Vec2::ZERO;
        if self.cells.is_empty() {
            return force;
        }
        let theta2 = theta * theta;
        // A fixed stack: this runs once per point per tick, too often to allocate.
        let mut stack = [0u32; STACK];
        let mut depth = 1;
        while depth > 0 {
            depth -= 1;
            let c = &self.cells[stack[depth] as usize];
            if c.mass == 0.0 {
                continue;
            }
            let d = c.mass_center - p;
            let dist2 = d.length_sq();
            if c.first_child != u32::MAX && c.size * c.size < theta2 * dist2 {
                force += d * (strength * c.mass / dist2.max(1.0));
                continue;
            }
            if c.first_child == u32::MAX {
                let (start, end) = (c.start as usize, c.end as usize);
                for (&j, &q) in self.order[start..end].iter().zip(&self.sorted[start..end]) {
                    let j = j as usize;
                    if j == skip {
                        continue;
                    }
                    let mut d = q - p;
                    if d.length_sq() < 1e-6 {
                        d = jiggle(skip, j);
                    }
                    force += d * (strength / d.length_sq().max(1.0));
                }
            } else {
                // Same visiting order as pushing all four and skipping empty ones on pop,
                // so the sum (and the layout) is unchanged to the bit.
                for k in 0..4 {
                    if c.occupied & (1 << k) != 0 {
                        // Cannot overflow: at most three siblings wait per level of a tree no
                        // deeper than MAX_DEPTH (and indexing would panic, not drop a cell).
                        debug_assert!(depth < STACK, "quadtree walk deeper than MAX_DEPTH");
                        stack[depth] = c.first_child + k;
                        depth += 1;
                    }
                }
            }
        }
        force
    }
}

/// A tiny deterministic offset separating two coincident points (never zero, antisymmetric).
pub(crate) fn jiggle(a: usize, b: usize) -> Vec2 {
    let (lo, hi, sign) = if a < b { (a, b, 1.0) } else { (b, a, -1.0) };
    let h = (lo as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (hi as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    let angle = (h % 6283) as f32 / 1000.0;
    Vec2::angled(angle) * (1e-3 * sign)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(p: Pos2, skip: usize, points: &[Pos2], strength: f32) -> Vec2 {
        let mut f = Vec2::ZERO;
        for (j, q) in points.iter().enumerate() {
            if j != skip {
                let d = *q - p;
                f += d * (strength / d.length_sq().max(1.0));
            }
        }
        f
    }

    #[test]
    fn barnes_hut_approximates_the_exact_sum() {
        let points: Vec<Pos2> = (0..500)
            .map(|i| {
                let t = i as f32 * 0.37;
                Pos2::new(
                    t.cos() * (i as f32).sqrt() * 10.0,
                    t.sin() * (i as f32).sqrt() * 10.0,
                )
            })
            .collect();
        let tree = QuadTree::build(&points);
        for i in [0, 17, 250, 499] {
            let a = tree.force_on(points[i], i, -30.0, 0.9);
            let e = exact(points[i], i, &points, -30.0);
            assert!(
                (a - e).length() <= 0.15 * e.length() + 1e-3,
                "{i}: {a:?} vs {e:?}"
            );
            // theta = 0 is exact.
            let z = tree.force_on(points[i], i, -30.0, 0.0);
            assert!(
                (z - e).length() <= 1e-3 * e.length().max(1.0),
                "{z:?} vs {e:?}"
            );
        }
    }

    #[test]
    fn coincident_points_give_finite_forces() {
        let points = vec![Pos2::new(5.0, 5.0); 100];
        let tree = QuadTree::build(&points);
        let f = tree.force_on(points[3], 3, -30.0, 0.9);
        assert!(f.x.is_finite() && f.y.is_finite());
        assert!(f.length() > 0.0, "coincident points must still push apart");
    }
}
