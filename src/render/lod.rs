//! Level of detail for large maps: lines as one plain mesh, sampled when a far view would fill
//! more pixels than a frame can afford, and small nodes as one dot per screen pixel.

use egui::emath::TSTransform;
use egui::{Color32, Mesh, Pos2, Rect, Vec2};

use super::MIN_HAIRLINE_OPACITY;
use crate::scene::{EdgeShape, Emphasis};

/// Small nodes as squares in one mesh, one per screen pixel.
pub(super) struct Dots {
    /// The dots so far.
    pub(super) mesh: Mesh,
    clip: Rect,
    width: usize,
    taken: Vec<u64>,
}

impl Dots {
    pub(super) fn new(clip: Rect) -> Self {
        let width = clip.width().max(1.0).ceil() as usize + 1;
        let height = clip.height().max(1.0).ceil() as usize + 1;
        Self {
            mesh: Mesh::default(),
            clip,
            width,
            taken: vec![0; (width * height).div_ceil(64)],
        }
    }

    /// A dot of radius `r` (at least one pixel across) at `c`, unless this pixel has one.
    pub(super) fn add(&mut self, c: Pos2, r: f32, color: Color32) {
        let (x, y) = (c.x - self.clip.min.x, c.y - self.clip.min.y);
        if x >= 0.0 && y >= 0.0 {
            let cell = (y as usize) * self.width + x as usize;
            if let Some(word) = self.taken.get_mut(cell / 64) {
                let bit = 1u64 << (cell % 64);
                if *word & bit != 0 {
                    return;
                }
                *word |= bit;
            }
        }
        let half = r.max(0.75);
        let i = self.mesh.vertices.len() as u32;
        for p in [
            c + Vec2::new(-half, -half),
            c + Vec2::new(half, -half),
            c + Vec2::new(half, half),
            c + Vec2::new(-half, half),
        ] {
            self.mesh.colored_vertex(p, color);
        }
        self.mesh.add_triangle(i, i + 1, i + 2);
        self.mesh.add_triangle(i, i + 2, i + 3);
    }
}

/// Most line length, in screen pixels, one frame fills with edges at far zoom. Beyond it the
/// lines are sampled: filling 80 million pixels of overlapping hairlines (400,000 edges) took
/// the software renderer seconds a frame and showed a grey disc either way. Under Mesa's
/// software renderer (Xvfb, this project's machine) a 20,000-node frame spent 370 ms filling
/// 6 million pixels and 130–180 ms filling 1.5–2 million, and the fitted map looks the same
/// but for a finer grain (compared side by side); 0.4 million looked sparse.
const EDGE_PIXEL_BUDGET: f32 = 2_000_000.0;

/// At far zoom on a huge map, every k-th line (by drawing order, so the same lines every
/// frame) drawn k times as opaque, so the picture keeps its density at a k-th of the cost.
/// Highlighted lines are always kept. `edges` are in drawing order (highlighted last) and
/// `length` is the screen length of all of them together, summed by the caller as it picked
/// them (each pass over a large map's lines costs a fraction of a millisecond). Returns the
/// lines and the opacity factor.
pub(super) fn sample_dense<'a, 'b>(
    edges: &'b [&'a EdgeShape],
    length: f32,
) -> (std::borrow::Cow<'b, [&'a EdgeShape]>, f32) {
    if length <= EDGE_PIXEL_BUDGET {
        return (std::borrow::Cow::Borrowed(edges), 1.0);
    }
    let stride = (length / EDGE_PIXEL_BUDGET).ceil() as usize;
    // The highlighted lines are the tail: every k-th line before it, then all of it.
    let first = edges.partition_point(|e| e.emphasis < Emphasis::Highlighted);
    let kept = (edges[..first].iter().step_by(stride))
        .chain(&edges[first..])
        .copied()
        .collect();
    (std::borrow::Cow::Owned(kept), stride as f32)
}

/// Edges per parallel work item when building the edge mesh.
const MESH_CHUNK: usize = 8_192;

/// All `edges` as one triangle mesh of plain quads (one per polyline segment, arrow heads as
/// triangles), built in parallel chunks and joined in order (deterministic).
pub(super) fn edges_mesh(edges: &[&EdgeShape], t: TSTransform, opacity: f32) -> Mesh {
    use rayon::prelude::*;
    let parts: Vec<Mesh> = edges
        .par_chunks(MESH_CHUNK)
        .map(|chunk| edges_mesh_part(chunk, t, opacity))
        .collect();
    let mut mesh = Mesh::default();
    for part in parts {
        mesh.append(part);
    }
    mesh
}

/// `opacity` (≥ 1) strengthens hairlines that stand for several sampled lines.
fn edges_mesh_part(edges: &[&EdgeShape], t: TSTransform, opacity: f32) -> Mesh {
    let mut mesh = Mesh::default();
    // A straight line with an arrow head: 4 + 3 vertices, 6 + 3 indices.
    mesh.vertices.reserve(edges.len() * 7);
    mesh.indices.reserve(edges.len() * 9);
    for edge in edges {
        let mut width = edge.width * t.scaling;
        let mut color = edge.color;
        if width < 1.0 {
            color = color.gamma_multiply((width.max(MIN_HAIRLINE_OPACITY) * opacity).min(1.0));
            width = 1.0;
        }
        let half = width / 2.0;
        for w in edge.polyline.windows(2) {
            let (a, b) = (t * w[0], t * w[1]);
            let d = b - a;
            let length_sq = d.length_sq();
            if length_sq < 0.01 {
                continue;
            }
            // sqrt, not Vec2::normalized's hypot: a third of this loop's time went to hypot.
            let n = d.rot90() * (half / length_sq.sqrt());
            let i = mesh.vertices.len() as u32;
            for p in [a + n, a - n, b - n, b + n] {
                mesh.colored_vertex(p, color);
            }
            mesh.add_triangle(i, i + 1, i + 2);
            mesh.add_triangle(i, i + 2, i + 3);
        }
        if let Some(tri) = edge.arrow {
            let i = mesh.vertices.len() as u32;
            for p in tri {
                mesh.colored_vertex(t * p, color);
            }
            mesh.add_triangle(i, i + 1, i + 2);
        }
    }
    mesh
}

#[cfg(test)]
mod tests {
    use egui::{Color32, Pos2};

    use super::{EDGE_PIXEL_BUDGET, sample_dense};
    use crate::model::RelationId;
    use crate::scene::{Curve, Dash, EdgeShape, Emphasis};

    fn line(i: usize, emphasis: Emphasis) -> EdgeShape {
        let (from, to) = (Pos2::new(0.0, i as f32), Pos2::new(100.0, i as f32));
        EdgeShape {
            relation: RelationId(i),
            members: vec![RelationId(i)],
            badge: None,
            curve: Curve {
                from,
                ctrl: from.lerp(to, 0.5),
                to,
            },
            polyline: vec![from, to],
            width: 1.0,
            color: Color32::GRAY,
            dash: Dash::Solid,
            arrow: None,
            emphasis,
            halo: false,
            backing: crate::scene::Backing::Single,
            change: None,
        }
    }

    #[test]
    fn far_views_keep_every_kth_line_and_all_highlighted_ones() {
        // 100 ordinary lines, then the 5 highlighted ones (drawing order puts them last).
        let lines: Vec<EdgeShape> = (0..105)
            .map(|i| {
                line(
                    i,
                    [Emphasis::Normal, Emphasis::Highlighted][usize::from(i >= 100)],
                )
            })
            .collect();
        let refs: Vec<&EdgeShape> = lines.iter().collect();
        let (kept, opacity) = sample_dense(&refs, EDGE_PIXEL_BUDGET);
        assert_eq!(
            (kept.len(), opacity),
            (105, 1.0),
            "within budget: all, as they are"
        );
        let (kept, opacity) = sample_dense(&refs, 3.5 * EDGE_PIXEL_BUDGET);
        assert_eq!(opacity, 4.0);
        let ids: Vec<usize> = kept.iter().map(|e| e.relation.0).collect();
        let mut expected: Vec<usize> = (0..100).step_by(4).collect();
        expected.extend(100..105);
        assert_eq!(ids, expected);
    }
}
