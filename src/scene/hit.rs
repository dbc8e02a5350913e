//! Hit-testing against the same shapes the painters draw.

use egui::Pos2;

use egui::Rect;

use super::geometry::{NodeForm, distance_to_polyline};
use super::index::GridIndex;
use super::{Scene, SceneIndex};
use crate::model::{ActorId, RelationId};

/// How far from a line or node, in screen points, a click still counts as on it.
pub const HIT_SLOP_PX: f32 = 5.0;

/// How far, in screen points, a click may miss a line and still pick the nearest one: about
/// half the gap between parallel arcs, so a near miss never clears the selection.
pub const CLICK_TOLERANCE_PX: f32 = 11.0;

/// Something under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hit {
    /// An actor.
    Node(ActorId),
    /// A relation.
    Edge(RelationId),
}

/// Below this many shapes a plain scan is as fast as building an index.
const INDEX_FROM: usize = 400;

impl Scene {
    /// What is at `pos_in_world`: nodes (and their labels) win over edges; among edges the
    /// nearest wins, and on a tie the one painted last (on top). `slop` is in world units.
    pub fn hit(&self, pos_in_world: Pos2, slop: f32) -> Option<Hit> {
        let p = pos_in_world;
        let (node_ids, edge_ids): (Vec<usize>, Vec<usize>) =
            if self.nodes.len() + self.edges.len() < INDEX_FROM {
                (
                    (0..self.nodes.len()).collect(),
                    (0..self.edges.len()).collect(),
                )
            } else {
                let index = self.index.get_or_init(|| self.build_index());
                let widen = |v: Vec<u32>| v.into_iter().map(|i| i as usize).collect();
                (
                    widen(index.nodes.near(p, slop)),
                    widen(index.edges.near(p, slop + index.edge_reach)),
                )
            };
        // Nodes paint over edges, so test them first, topmost (last painted) first.
        for &i in node_ids.iter().rev() {
            let n = &self.nodes[i];
            if n.form.contains(n.center, n.radius, p, slop) || n.label.rect.contains(p) {
                return Some(Hit::Node(n.actor));
            }
        }
        let mut best: Option<(f32, RelationId)> = None;
        for &i in &edge_ids {
            let e = &self.edges[i];
            if far_from_bounds(&e.polyline, p, e.width / 2.0 + slop + e.width * 4.0) {
                continue;
            }
            let d = distance_to_polyline(p, &e.polyline) - e.width / 2.0;
            let near_arrow = e
                .arrow
                .is_some_and(|[tip, a, b]| triangle_contains([tip, a, b], p));
            let d = if near_arrow { 0.0 } else { d };
            if d <= slop && best.is_none_or(|(bd, _)| d <= bd) {
                best = Some((d, e.relation));
            }
        }
        best.map(|(_, r)| Hit::Edge(r))
    }

    fn build_index(&self) -> SceneIndex {
        let node_boxes: Vec<Rect> = self
            .nodes
            .iter()
            .map(|n| NodeForm::bounds(n.center, n.radius).union(n.label.rect))
            .collect();
        let mut reach = 0.0_f32;
        let edge_boxes: Vec<Rect> = self
            .edges
            .iter()
            .map(|e| {
                reach = reach.max(e.width / 2.0 + e.width * 4.0);
                let mut b = Rect::from_points(&e.polyline);
                for q in e.arrow.iter().flatten() {
                    b.extend_with(*q);
                }
                b
            })
            .collect();
        SceneIndex {
            nodes: GridIndex::build(self.bounds, &node_boxes),
            edges: GridIndex::build(self.bounds, &edge_boxes),
            edge_reach: reach,
        }
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
            relation: RelationId(relation),
            members: vec![RelationId(relation)],
            badge: None,
            polyline: curve.flatten(24),
            curve,
            width: 2.0,
            color: Color32::RED,
            dash: Dash::Solid,
            arrow: None,
            emphasis: Emphasis::Normal,
            halo: false,
            backing: crate::scene::Backing::Single,
            change: None,
        }
    }

    fn node(actor: usize, center: Pos2) -> NodeShape {
        NodeShape {
            actor: ActorId(actor),
            center,
            radius: 10.0,
            form: NodeForm::Circle,
            fill: Color32::WHITE,
            stroke: Color32::BLACK,
            stroke_width: 1.0,
            pin: None,
            pin_radius: 5.0,
            emphasis: Emphasis::Normal,
            label: Label {
                text: "N".into(),
                rect: Rect::from_min_size(center + Vec2::new(-10.0, 12.0), Vec2::new(20.0, 14.0)),
                size: 12.0,
                color: Color32::BLACK,
                plate: Color32::WHITE,
            },
        }
    }

    fn scene(edges: Vec<EdgeShape>, nodes: Vec<NodeShape>) -> Scene {
        Scene {
            fans: Vec::new(),
            edge_labels: Vec::new(),
            edges,
            nodes,
            legend: Legend {
                dimensions: vec![],
                tones: vec![],
                no_evidence: false,
                drafts: false,
                unreported: false,
                corroborated: false,
                weak: false,
                changes: [false; 3],
            },
            bounds: Rect::from_min_max(Pos2::new(-100.0, -100.0), Pos2::new(300.0, 300.0)),
            background: Color32::WHITE,
            index: std::sync::OnceLock::new(),
        }
    }

    const A: Pos2 = Pos2::new(0.0, 0.0);
    const B: Pos2 = Pos2::new(200.0, 0.0);

    #[test]
    fn straight_edge_is_hit_near_the_line_only() {
        let s = scene(vec![edge(0, A, Pos2::new(100.0, 0.0), B)], vec![]);
        assert_eq!(
            s.hit(Pos2::new(100.0, 4.0), 3.0),
            Some(Hit::Edge(RelationId(0)))
        );
        assert_eq!(s.hit(Pos2::new(100.0, 9.0), 3.0), None);
        assert_eq!(s.hit(Pos2::new(260.0, 0.0), 3.0), None, "beyond the end");
    }

    #[test]
    fn arc_is_hit_at_its_apex_not_at_the_chord() {
        let s = scene(vec![edge(0, A, Pos2::new(100.0, 80.0), B)], vec![]);
        assert_eq!(
            s.hit(Pos2::new(100.0, 40.0), 3.0),
            Some(Hit::Edge(RelationId(0)))
        );
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
        assert_eq!(
            s.hit(Pos2::new(100.0, -15.0), 6.0),
            Some(Hit::Edge(RelationId(0)))
        );
        assert_eq!(
            s.hit(Pos2::new(100.0, 1.0), 6.0),
            Some(Hit::Edge(RelationId(1)))
        );
        assert_eq!(
            s.hit(Pos2::new(100.0, 14.0), 6.0),
            Some(Hit::Edge(RelationId(2)))
        );
        // Exactly between two arcs (and within slop of both): the later-painted one wins.
        let twins = scene(
            vec![
                edge(5, A, Pos2::new(100.0, 0.0), B),
                edge(6, A, Pos2::new(100.0, 0.0), B),
            ],
            vec![],
        );
        assert_eq!(
            twins.hit(Pos2::new(100.0, 2.0), 6.0),
            Some(Hit::Edge(RelationId(6)))
        );
    }

    #[test]
    fn indexed_hits_match_the_shapes_on_a_large_scene() {
        // 30 x 30 short horizontal edges: enough shapes for the grid index to be used.
        let edges: Vec<EdgeShape> = (0..900)
            .map(|i| {
                let o = Pos2::new((i % 30) as f32 * 40.0, (i / 30) as f32 * 40.0);
                edge(i, o, o + Vec2::new(10.0, 0.0), o + Vec2::new(20.0, 0.0))
            })
            .collect();
        let mut s = scene(edges, vec![]);
        s.bounds = Rect::from_min_max(Pos2::ZERO, Pos2::new(1200.0, 1200.0));
        assert!(s.nodes.len() + s.edges.len() >= super::INDEX_FROM);
        for i in [0usize, 31, 450, 899] {
            let o = Pos2::new((i % 30) as f32 * 40.0, (i / 30) as f32 * 40.0);
            assert_eq!(
                s.hit(o + Vec2::new(10.0, 2.0), 2.0),
                Some(Hit::Edge(RelationId(i)))
            );
            assert_eq!(s.hit(o + Vec2::new(10.0, 20.0), 2.0), None);
        }
        assert!(s.index.get().is_some(), "the index was built and used");
    }

    #[test]
    fn nodes_and_labels_win_over_edges() {
        let s = scene(vec![edge(0, A, Pos2::new(100.0, 0.0), B)], vec![node(3, A)]);
        assert_eq!(s.hit(Pos2::new(5.0, 0.0), 3.0), Some(Hit::Node(ActorId(3))));
        assert_eq!(
            s.hit(Pos2::new(0.0, 18.0), 0.0),
            Some(Hit::Node(ActorId(3))),
            "label"
        );
        assert_eq!(
            s.hit(Pos2::new(50.0, 0.0), 3.0),
            Some(Hit::Edge(RelationId(0)))
        );
    }
}
