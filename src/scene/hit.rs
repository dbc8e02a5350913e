//! Hit-testing against the same shapes the painters draw.

use egui::Pos2;

use super::Scene;
use super::geometry::distance_to_polyline;

/// How far from a line or node, in screen points, a click still counts as on it.
pub const HIT_SLOP_PX: f32 = 5.0;

/// Something under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hit {
    /// An actor, by index.
    Node(usize),
    /// A relation, by index.
    Edge(usize),
}

impl Scene {
    /// What is at `pos_in_world`: nodes (and their labels) win over edges; among edges the
    /// nearest wins, and on a tie the one painted last (on top). `slop` is in world units.
    pub fn hit(&self, pos_in_world: Pos2, slop: f32) -> Option<Hit> {
        // Nodes paint over edges, so test them first, topmost (last painted) first.
        for n in self.nodes.iter().rev() {
            if n.form.contains(n.center, n.radius, pos_in_world, slop)
                || n.label.rect.contains(pos_in_world)
            {
                return Some(Hit::Node(n.actor));
            }
        }
        let mut best: Option<(f32, usize)> = None;
        for e in &self.edges {
            if far_from_bounds(
                &e.polyline,
                pos_in_world,
                e.width / 2.0 + slop + e.width * 4.0,
            ) {
                continue;
            }
            let d = distance_to_polyline(pos_in_world, &e.polyline) - e.width / 2.0;
            let near_arrow = e
                .arrow
                .is_some_and(|[tip, a, b]| triangle_contains([tip, a, b], pos_in_world));
            let d = if near_arrow { 0.0 } else { d };
            if d <= slop && best.is_none_or(|(bd, _)| d <= bd) {
                best = Some((d, e.relation));
            }
        }
        best.map(|(_, r)| Hit::Edge(r))
    }
}

/// Cheap rejection: whether `p` is farther than `margin` from the polyline's bounding box.
/// The margin also covers the arrow head, which sticks out past the line's end.
fn far_from_bounds(points: &[Pos2], p: Pos2, margin: f32) -> bool {
    let Some(first) = points.first() else {
        return true;
    };
    let (mut min, mut max) = (*first, *first);
    for q in points {
        min = min.min(*q);
        max = max.max(*q);
    }
    p.x < min.x - margin || p.x > max.x + margin || p.y < min.y - margin || p.y > max.y + margin
}

fn triangle_contains([a, b, c]: [Pos2; 3], p: Pos2) -> bool {
    let cross = |o: Pos2, u: Pos2, v: Pos2| (u - o).x * (v - o).y - (u - o).y * (v - o).x;
    let (d1, d2, d3) = (cross(a, b, p), cross(b, c, p), cross(c, a, p));
    let neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(neg && pos)
}
