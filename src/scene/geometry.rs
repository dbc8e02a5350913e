//! Curves and outlines shared by painting, export and hit-testing.

use egui::{Pos2, Rect, Vec2};

/// A quadratic Bézier from `from` to `to` bending toward `ctrl`; straight when `ctrl` is the
/// midpoint. SVG draws it exactly (`Q`); egui and hit-testing use [`Curve::flatten`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Curve {
    /// Start, on the source node's border.
    pub from: Pos2,
    /// Control point.
    pub ctrl: Pos2,
    /// End, on the target node's border (or the arrow's base).
    pub to: Pos2,
}

impl Curve {
    /// The point at parameter `t` in `0..=1`.
    pub fn point(&self, t: f32) -> Pos2 {
        let u = 1.0 - t;
        (self.from.to_vec2() * (u * u)
            + self.ctrl.to_vec2() * (2.0 * u * t)
            + self.to.to_vec2() * (t * t))
            .to_pos2()
    }

    /// Whether the curve is a straight segment.
    pub fn is_straight(&self) -> bool {
        let mid = self.from.lerp(self.to, 0.5);
        (self.ctrl - mid).length_sq() < 1e-6
    }

    /// Points along the curve: 2 for a straight line, `segments + 1` otherwise.
    pub fn flatten(&self, segments: usize) -> Vec<Pos2> {
        let mut points = Vec::new();
        self.flatten_into(segments, &mut points);
        points
    }

    /// [`Curve::flatten`] into `points` (cleared first), reusing its allocation.
    pub fn flatten_into(&self, segments: usize, points: &mut Vec<Pos2>) {
        points.clear();
        if self.is_straight() {
            points.extend([self.from, self.to]);
            return;
        }
        let n = segments.max(1);
        points.extend((0..=n).map(|i| self.point(i as f32 / n as f32)));
    }
}

/// Outline of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeForm {
    /// States.
    Circle,
    /// Organisations.
    RoundedSquare,
    /// Any other kind.
    Diamond,
}

impl NodeForm {
    /// Corner radius of the rounded square, as a share of the half side.
    pub const CORNER: f32 = 0.3;

    /// Where a ray from `center` toward `toward` leaves the outline of half-size `r`.
    pub fn border_point(self, center: Pos2, r: f32, toward: Pos2) -> Pos2 {
        let d = toward - center;
        let len = crate::layout::length(d);
        if len < 1e-6 {
            return center;
        }
        let u = d / len;
        let t = match self {
            Self::Circle => r,
            Self::RoundedSquare => r / u.x.abs().max(u.y.abs()),
            Self::Diamond => r / (u.x.abs() + u.y.abs()),
        };
        center + u * t.min(len)
    }

    /// Whether `p` lies inside the outline (grown by `slack`).
    pub fn contains(self, center: Pos2, r: f32, p: Pos2, slack: f32) -> bool {
        let d = p - center;
        let r = r + slack;
        match self {
            Self::Circle => d.length_sq() <= r * r,
            Self::RoundedSquare => d.x.abs() <= r && d.y.abs() <= r,
            Self::Diamond => d.x.abs() + d.y.abs() <= r,
        }
    }

    /// The bounding square.
    pub fn bounds(center: Pos2, r: f32) -> Rect {
        Rect::from_center_size(center, Vec2::splat(2.0 * r))
    }
}

/// Shortest distance from `p` to a polyline.
pub fn distance_to_polyline(p: Pos2, points: &[Pos2]) -> f32 {
    match points {
        [] => f32::INFINITY,
        [only] => (p - *only).length(),
        _ => points
            .windows(2)
            .map(|w| distance_to_segment(p, w[0], w[1]))
            .fold(f32::INFINITY, f32::min),
    }
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    let t = if len2 > 0.0 {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p - (a + ab * t)).length()
}

/// The four corners of a diamond of "radius" `r` around `c`: top, right, bottom, left.
pub fn diamond(c: Pos2, r: f32) -> [Pos2; 4] {
    [
        c + Vec2::new(0.0, -r),
        c + Vec2::new(r, 0.0),
        c + Vec2::new(0.0, r),
        c + Vec2::new(-r, 0.0),
    ]
}

/// `points` moved sideways by `by` (world units; positive to the left of the direction of
/// travel), each point along the average normal of its segments: a parallel strand of a
/// double line.
pub fn offset_polyline(points: &[Pos2], by: f32) -> Vec<Pos2> {
    let normal = |a: Pos2, b: Pos2| {
        let d = b - a;
        let len = d.length();
        if len > f32::EPSILON {
            Vec2::new(-d.y, d.x) / len
        } else {
            Vec2::ZERO
        }
    };
    (0..points.len())
        .map(|i| {
            let before = i.checked_sub(1).map(|j| normal(points[j], points[i]));
            let after = points.get(i + 1).map(|&b| normal(points[i], b));
            let n = match (before, after) {
                (Some(a), Some(b)) => (a + b).normalized(),
                (Some(n), None) | (None, Some(n)) => n,
                (None, None) => Vec2::ZERO,
            };
            points[i] + n * by
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn border_points_lie_on_the_outline() {
        let c = Pos2::new(10.0, 10.0);
        let p = NodeForm::Circle.border_point(c, 5.0, Pos2::new(100.0, 10.0));
        assert!((p - Pos2::new(15.0, 10.0)).length() < 1e-4);
        let p = NodeForm::RoundedSquare.border_point(c, 5.0, Pos2::new(100.0, 100.0));
        assert!((p - Pos2::new(15.0, 15.0)).length() < 1e-4);
        let p = NodeForm::Diamond.border_point(c, 5.0, Pos2::new(10.0, -50.0));
        assert!((p - Pos2::new(10.0, 5.0)).length() < 1e-4);
    }

    #[test]
    fn distance_to_straight_and_curved_lines() {
        let line = Curve {
            from: Pos2::ZERO,
            ctrl: Pos2::new(50.0, 0.0),
            to: Pos2::new(100.0, 0.0),
        };
        assert!(line.is_straight());
        assert!((distance_to_polyline(Pos2::new(30.0, 4.0), &line.flatten(16)) - 4.0).abs() < 1e-4);
        let arc = Curve {
            ctrl: Pos2::new(50.0, 40.0),
            ..line
        };
        // The arc's apex is half-way to the control point.
        let pts = arc.flatten(32);
        assert!(distance_to_polyline(Pos2::new(50.0, 20.0), &pts) < 0.5);
        assert!(distance_to_polyline(Pos2::new(50.0, 0.0), &pts) > 19.0);
    }

    #[test]
    fn a_strand_runs_parallel_at_the_offset() {
        let line = [
            Pos2::new(0.0, 0.0),
            Pos2::new(10.0, 0.0),
            Pos2::new(20.0, 0.0),
        ];
        let left = super::offset_polyline(&line, 2.0);
        assert!(left.iter().all(|p| (p.y - 2.0).abs() < 1e-5), "{left:?}");
        let bent = [
            Pos2::new(0.0, 0.0),
            Pos2::new(10.0, 0.0),
            Pos2::new(10.0, 10.0),
        ];
        let out = super::offset_polyline(&bent, 1.0);
        assert_eq!(out.len(), 3);
        assert!((out[0] - Pos2::new(0.0, 1.0)).length() < 1e-5);
        assert!((out[2] - Pos2::new(9.0, 10.0)).length() < 1e-5);
    }
}
