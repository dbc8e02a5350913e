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

#[cfg(test)]
mod tests {
    use egui::{Color32, Pos2, Rect, Vec2};

    use super::*;
    use crate::scene::{
        Curve, Dash, EdgeShape, Emphasis, Label, Legend, NodeForm, NodeShape, Scene,
    };

    fn edge(relation: usize, from: Pos2, ctrl: Pos2, to: Pos2) -> EdgeShape {
        let curve = Curve { from, ctrl, to };
        EdgeShape {
            relation,
            polyline: curve.flatten(24),
            curve,
            width: 2.0,
            color: Color32::RED,
            dash: Dash::Solid,
            arrow: None,
            emphasis: Emphasis::Normal,
            accessible: String::new(),
        }
    }

    fn node(actor: usize, center: Pos2) -> NodeShape {
        NodeShape {
            actor,
            center,
            radius: 10.0,
            form: NodeForm::Circle,
            fill: Color32::WHITE,
            stroke: Color32::BLACK,
            stroke_width: 1.0,
            pin: None,
            emphasis: Emphasis::Normal,
            label: Label {
                text: "N".into(),
                rect: Rect::from_min_size(center + Vec2::new(-10.0, 12.0), Vec2::new(20.0, 14.0)),
                size: 12.0,
                color: Color32::BLACK,
                plate: Color32::WHITE,
            },
            accessible: String::new(),
        }
    }

    fn scene(edges: Vec<EdgeShape>, nodes: Vec<NodeShape>) -> Scene {
        Scene {
            edges,
            nodes,
            legend: Legend {
                dimensions: vec![],
                tones: vec![],
                no_evidence: false,
            },
            bounds: Rect::EVERYTHING,
            background: Color32::WHITE,
        }
    }

    const A: Pos2 = Pos2::new(0.0, 0.0);
    const B: Pos2 = Pos2::new(200.0, 0.0);

    #[test]
    fn straight_edge_is_hit_near_the_line_only() {
        let s = scene(vec![edge(0, A, Pos2::new(100.0, 0.0), B)], vec![]);
        assert_eq!(s.hit(Pos2::new(100.0, 4.0), 3.0), Some(Hit::Edge(0)));
        assert_eq!(s.hit(Pos2::new(100.0, 9.0), 3.0), None);
        assert_eq!(s.hit(Pos2::new(260.0, 0.0), 3.0), None, "beyond the end");
    }

    #[test]
    fn arc_is_hit_at_its_apex_not_at_the_chord() {
        let s = scene(vec![edge(0, A, Pos2::new(100.0, 80.0), B)], vec![]);
        assert_eq!(s.hit(Pos2::new(100.0, 40.0), 3.0), Some(Hit::Edge(0)));
        assert_eq!(s.hit(Pos2::new(100.0, 0.0), 3.0), None);
    }

    #[test]
    fn parallel_arcs_each_win_near_themselves_and_ties_go_to_the_top_one() {
        let s = scene(
            vec![
                edge(0, A, Pos2::new(100.0, -30.0), B),
                edge(1, A, Pos2::new(100.0, 0.0), B),
                edge(2, A, Pos2::new(100.0, 30.0), B),
            ],
            vec![],
        );
        assert_eq!(s.hit(Pos2::new(100.0, -15.0), 6.0), Some(Hit::Edge(0)));
        assert_eq!(s.hit(Pos2::new(100.0, 1.0), 6.0), Some(Hit::Edge(1)));
        assert_eq!(s.hit(Pos2::new(100.0, 14.0), 6.0), Some(Hit::Edge(2)));
        // Exactly between two arcs (and within slop of both): the later-painted one wins.
        let twins = scene(
            vec![
                edge(5, A, Pos2::new(100.0, 0.0), B),
                edge(6, A, Pos2::new(100.0, 0.0), B),
            ],
            vec![],
        );
        assert_eq!(twins.hit(Pos2::new(100.0, 2.0), 6.0), Some(Hit::Edge(6)));
    }

    #[test]
    fn nodes_and_labels_win_over_edges() {
        let s = scene(vec![edge(0, A, Pos2::new(100.0, 0.0), B)], vec![node(3, A)]);
        assert_eq!(s.hit(Pos2::new(5.0, 0.0), 3.0), Some(Hit::Node(3)));
        assert_eq!(
            s.hit(Pos2::new(0.0, 18.0), 0.0),
            Some(Hit::Node(3)),
            "label"
        );
        assert_eq!(s.hit(Pos2::new(50.0, 0.0), 3.0), Some(Hit::Edge(0)));
    }
}
