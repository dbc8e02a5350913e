//! The app-owned view transform: which part of the world the canvas shows, at what zoom.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2};
use serde::{Deserialize, Serialize};

/// Zoom limits, in screen points per world unit.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.02..=20.0;

/// The least extent a fit frames, in world units: about a small map's width, so one actor
/// fitted alone is drawn at an ordinary size.
pub const MIN_FIT_EXTENT: Vec2 = Vec2::new(600.0, 400.0);

/// Pan and zoom of the canvas. Persisted, so a restart shows the same view.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// World point shown at the centre of the canvas.
    pub center_in_world: Pos2,
    /// Screen points per world unit.
    pub zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        Self {
            center_in_world: crate::layout::WORLD.center(),
            zoom: 1.0,
        }
    }
}

impl View {
    /// The transform from world units to screen points for a canvas occupying `canvas`.
    pub fn screen_from_world(&self, canvas: Rect) -> TSTransform {
        TSTransform::new(
            canvas.center().to_vec2() - self.center_in_world.to_vec2() * self.zoom,
            self.zoom,
        )
    }

    /// A view showing all of `bounds` inside `canvas` with a margin. A map smaller than
    /// [`MIN_FIT_EXTENT`] (a new map's first actor or two) is shown at the zoom that extent
    /// would get, not blown up to fill the window.
    pub fn fit(bounds: Rect, canvas: Rect) -> Self {
        let margin = 24.0;
        let avail = (canvas.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(1.0));
        let size = bounds.size().max(MIN_FIT_EXTENT);
        let zoom = (avail.x / size.x).min(avail.y / size.y);
        Self {
            center_in_world: bounds.center(),
            zoom: zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end()),
        }
    }

    /// Moves the view by a screen-space drag `delta`.
    pub fn pan(&mut self, delta_screen: Vec2) {
        self.center_in_world -= delta_screen / self.zoom;
    }

    /// Zooms by `factor`, keeping the world point under `anchor_screen` where it is.
    pub fn zoom_at(&mut self, factor: f32, anchor_screen: Pos2, canvas: Rect) {
        let before = self.screen_from_world(canvas).inverse() * anchor_screen;
        self.zoom = (self.zoom * factor).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        let after = self.screen_from_world(canvas).inverse() * anchor_screen;
        self.center_in_world += before - after;
    }

    /// The view a fraction `t` (0 → `self`, 1 → `to`) of the way to `to`: the centre moves
    /// in a straight line and the zoom geometrically, so the motion reads as one camera move.
    pub fn toward(&self, to: &View, t: f32) -> View {
        let t = t.clamp(0.0, 1.0);
        View {
            center_in_world: self.center_in_world.lerp(to.center_in_world, t),
            zoom: self.zoom * (to.zoom / self.zoom).powf(t),
        }
    }

    /// Whether every number is finite and the zoom in range (persisted views are checked).
    pub fn is_sane(&self) -> bool {
        self.center_in_world.x.is_finite()
            && self.center_in_world.y.is_finite()
            && ZOOM_RANGE.contains(&self.zoom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_anchor_fixed() {
        let canvas = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let mut v = View::default();
        let anchor = Pos2::new(100.0, 500.0);
        let world_before = v.screen_from_world(canvas).inverse() * anchor;
        v.zoom_at(2.0, anchor, canvas);
        let world_after = v.screen_from_world(canvas).inverse() * anchor;
        assert!((world_before - world_after).length() < 1e-3);
        assert_eq!(v.zoom, 2.0);
    }

    #[test]
    fn toward_starts_and_ends_at_the_two_views() {
        let a = View::default();
        let b = View {
            center_in_world: Pos2::new(10.0, -40.0),
            zoom: 4.0,
        };
        assert_eq!(a.toward(&b, 0.0), a);
        assert_eq!(a.toward(&b, 1.0), b);
        let mid = a.toward(&b, 0.5);
        assert!((mid.zoom - 2.0).abs() < 1e-5, "zoom halfway in log scale");
        assert!(mid.center_in_world.x > a.center_in_world.x.min(b.center_in_world.x));
    }

    #[test]
    fn a_lone_actor_is_fitted_at_an_ordinary_size() {
        let canvas = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let one = Rect::from_center_size(Pos2::new(100.0, 50.0), Vec2::splat(60.0));
        let v = View::fit(one, canvas);
        assert!(v.zoom < 1.5, "not blown up: {}", v.zoom);
        assert_eq!(v.center_in_world, one.center());
    }

    #[test]
    fn fit_shows_the_whole_bounds() {
        let canvas = Rect::from_min_size(Pos2::new(0.0, 30.0), Vec2::new(800.0, 600.0));
        let bounds = Rect::from_min_max(Pos2::new(-500.0, 0.0), Pos2::new(1500.0, 100.0));
        let v = View::fit(bounds, canvas);
        let t = v.screen_from_world(canvas);
        assert!(canvas.contains_rect(t * bounds));
    }
}
