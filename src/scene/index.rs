//! A uniform grid over the scene's shapes, so hit-testing looks at the few shapes near the
//! pointer instead of every edge of a 80,000-relation map.

use egui::{Pos2, Rect};

/// Items whose box covers more cells than this are kept in a short "always check" list.
const MAX_CELLS_PER_ITEM: usize = 64;
/// Grid side limit, in cells.
const MAX_SIDE: usize = 512;

/// Item indices bucketed by grid cell.
#[derive(Clone, Debug, PartialEq)]
pub struct GridIndex {
    origin: Pos2,
    cell: f32,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    large: Vec<u32>,
}

impl GridIndex {
    /// Indexes `boxes` (item `i` has box `boxes[i]`) over `bounds`.
    pub fn build(bounds: Rect, boxes: &[Rect]) -> Self {
        let n = boxes.len().max(1) as f32;
        let area = (bounds.width() * bounds.height()).max(1.0);
        let cell = (area / n).sqrt().max(1.0);
        let cols = ((bounds.width() / cell).ceil() as usize).clamp(1, MAX_SIDE);
        let rows = ((bounds.height() / cell).ceil() as usize).clamp(1, MAX_SIDE);
        let cell = (bounds.width() / cols as f32)
            .max(bounds.height() / rows as f32)
            .max(1.0);
        let mut index = Self {
            origin: bounds.min,
            cell,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            large: Vec::new(),
        };
        for (i, b) in boxes.iter().enumerate() {
            let (c0, r0) = index.cell_of(b.min);
            let (c1, r1) = index.cell_of(b.max);
            if (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_ITEM {
                index.large.push(i as u32);
                continue;
            }
            for r in r0..=r1 {
                for c in c0..=c1 {
                    index.cells[r * cols + c].push(i as u32);
                }
            }
        }
        index
    }

    fn cell_of(&self, p: Pos2) -> (usize, usize) {
        let c = ((p.x - self.origin.x) / self.cell).floor();
        let r = ((p.y - self.origin.y) / self.cell).floor();
        let clamp = |v: f32, max: usize| {
            if v.is_finite() {
                (v.max(0.0) as usize).min(max - 1)
            } else {
                0
            }
        };
        (clamp(c, self.cols), clamp(r, self.rows))
    }

    /// Items whose box may contain points within `radius` of `p`, ascending and unique.
    pub fn near(&self, p: Pos2, radius: f32) -> Vec<u32> {
        let (c0, r0) = self.cell_of(p - egui::Vec2::splat(radius));
        let (c1, r1) = self.cell_of(p + egui::Vec2::splat(radius));
        let mut out = self.large.clone();
        for r in r0..=r1 {
            for c in c0..=c1 {
                out.extend_from_slice(&self.cells[r * self.cols + c]);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_near_a_point_and_nothing_far() {
        let boxes: Vec<Rect> = (0..100)
            .map(|i| {
                Rect::from_min_size(
                    Pos2::new((i % 10) as f32 * 10.0, (i / 10) as f32 * 10.0),
                    egui::vec2(5.0, 5.0),
                )
            })
            .collect();
        let g = GridIndex::build(
            Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 100.0)),
            &boxes,
        );
        let near = g.near(Pos2::new(12.0, 12.0), 1.0);
        assert!(near.contains(&11));
        assert!(!near.contains(&99));
        let wide = GridIndex::build(
            Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 100.0)),
            &[Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 100.0))],
        );
        assert_eq!(
            wide.near(Pos2::new(99.0, 1.0), 0.5),
            vec![0],
            "large items are always candidates"
        );
    }
}
