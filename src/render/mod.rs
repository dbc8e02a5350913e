//! Painting a [`Scene`] with egui, through a world→screen transform.

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2,
};

mod lod;

use lod::{Dots, edges_mesh, sample_dense};

use crate::scene::{
    ChangeMark, Dash, EdgeShape, LABEL_PLATE_CORNER, NodeForm, NodeShape, PIN_RING_WIDTH, Scene,
};

/// Labels smaller than this on screen (points) are skipped: unreadable and costly.
const MIN_LABEL_PX: f32 = 5.0;
/// Most labels drawn in one frame.
const MAX_LABELS: usize = 250;
/// Above this many visible edges they are drawn as one plain mesh.
const MESH_ABOVE_EDGES: usize = 1_500;
/// When even the widest edge is thinner than this on screen, edges are drawn as one mesh.
const MESH_BELOW_PX: f32 = 1.2;
/// Straight edges shorter than this on screen are skipped.
const MIN_EDGE_PX: f32 = 1.5;
/// Dash patterns whose period is shorter than this on screen are drawn solid.
const MIN_DASH_PERIOD_PX: f32 = 6.0;
/// Lines thinner than a pixel are drawn one pixel wide and faded, down to this opacity.
const MIN_HAIRLINE_OPACITY: f32 = 0.15;
/// Gap above label text inside its plate, as a share of the font size (egui's glyph metrics).
const LABEL_TOP_PAD: f32 = 0.12;
/// Extra width of the halo under a hovered line, in screen points.
const HALO_PX: f32 = 8.0;
/// Opacity of that halo.
const HALO_OPACITY: f32 = 0.3;
/// Extra width of the band under a line a comparison marks as new, in screen points.
const NEW_BAND_PX: f32 = 8.0;
/// Nodes smaller than this radius on screen are drawn as a dot without outline.
const MIN_OUTLINE_PX: f32 = 2.0;

/// Paints `scene` with `painter`; `screen_from_world` maps world units to screen points.
pub fn paint_scene(painter: &Painter, scene: &Scene, screen_from_world: TSTransform) {
    let clip = painter.clip_rect();
    let world_clip = screen_from_world.inverse() * clip;
    let mut shapes = Vec::with_capacity(scene.edges.len() + scene.nodes.len() * 3);
    // One pass over the lines (on a large map each pass is tens of thousands of cache
    // misses): which are in view, the widest, their length and which carry a badge. When the
    // whole scene is in view, as while a layout runs fitted, no line needs testing.
    let all_in_view = world_clip.contains_rect(scene.bounds);
    let mut visible: Vec<&EdgeShape> = Vec::with_capacity(scene.edges.len());
    let mut badged: Vec<&EdgeShape> = Vec::new();
    let mut widest = 0.0_f32;
    // The visible lines' length on screen: how densely a far view samples them.
    let mut length_px = 0.0_f32;
    for e in &scene.edges {
        widest = widest.max(e.width);
        if all_in_view || edge_visible(e, world_clip) {
            visible.push(e);
            length_px += (e.curve.to - e.curve.from).length_sq().sqrt() * screen_from_world.scaling;
            if e.badge.is_some() {
                badged.push(e);
            }
        }
    }
    // Level of detail: many edges, or hairlines, go into one mesh of plain quads. egui would
    // tessellate each line with anti-aliasing fringes, which costs far more and shows nothing
    // at that density.
    let thin = widest * screen_from_world.scaling < MESH_BELOW_PX;
    if visible.len() > MESH_ABOVE_EDGES || thin {
        let (sampled, opacity) = sample_dense(&visible, length_px);
        shapes.push(Shape::mesh(edges_mesh(
            &sampled,
            screen_from_world,
            opacity,
        )));
    } else {
        for edge in visible {
            edge_shapes(edge, screen_from_world, &mut shapes);
        }
    }
    // Level of detail: nodes a few pixels wide become plain squares in one mesh, and only the
    // first dot per screen pixel is drawn (at far zoom on a large map most overlap).
    let mut dots = Dots::new(clip);
    for node in &scene.nodes {
        if world_clip.expand(node.radius).contains(node.center)
            || world_clip.intersects(node.label.rect)
        {
            let r = node.radius * screen_from_world.scaling;
            if r < MIN_OUTLINE_PX && node.pin.is_none() {
                dots.add(screen_from_world * node.center, r, node.stroke);
            } else {
                node_shapes(node, screen_from_world, &mut shapes);
            }
        }
    }
    if !dots.mesh.is_empty() {
        shapes.push(Shape::mesh(dots.mesh));
    }
    painter.extend(shapes);
    for edge in badged {
        paint_badge(painter, edge, screen_from_world);
    }
    for label in &scene.edge_labels {
        if world_clip.intersects(label.bounds()) {
            paint_edge_label(painter, label, screen_from_world);
        }
    }
    // Labels last, above every node and line. Level of detail: only labels big enough to
    // read, and at most MAX_LABELS of them, the largest (most connected) actors first.
    let mut labelled: Vec<&NodeShape> = scene
        .nodes
        .iter()
        .filter(|n| n.label.size * screen_from_world.scaling >= MIN_LABEL_PX)
        .filter(|n| world_clip.intersects(n.label.rect))
        .collect();
    if labelled.len() > MAX_LABELS {
        labelled.sort_by(|a, b| b.radius.total_cmp(&a.radius).then(a.actor.cmp(&b.actor)));
        labelled.truncate(MAX_LABELS);
    }
    for node in labelled {
        paint_label(painter, node, screen_from_world);
    }
}

/// A relation's label along its line: a rotated plate and the text on it.
fn paint_edge_label(painter: &egui::Painter, label: &crate::scene::EdgeLabel, t: TSTransform) {
    let size = label.size * t.scaling;
    if size < MIN_LABEL_PX {
        return;
    }
    let corners: Vec<Pos2> = label.corners().iter().map(|p| t * *p).collect();
    painter.add(Shape::convex_polygon(corners, label.plate, Stroke::NONE));
    // Right-to-left words in display order (egui has no bidi reordering of its own).
    let text = crate::fonts::visual_order(&label.text).into_owned();
    let galley = painter.layout_no_wrap(text, FontId::proportional(size), label.color);
    // TextShape rotates about its top-left corner: start half the text back from the centre.
    let (sin, cos) = label.angle.sin_cos();
    let half = galley.size() / 2.0;
    let offset = Vec2::new(cos * half.x - sin * half.y, sin * half.x + cos * half.y);
    let pos = t * label.center - offset;
    painter.add(egui::epaint::TextShape::new(pos, galley, label.color).with_angle(label.angle));
}

/// Radius of the count badge on a combined line, in screen points.
const BADGE_RADIUS_PX: f32 = 8.0;

/// The number of relations a combined line stands for, in a small disc at its middle.
fn paint_badge(painter: &egui::Painter, edge: &EdgeShape, t: TSTransform) {
    let Some(badge) = edge.badge else {
        return;
    };
    let at = t * edge.curve.point(0.5);
    let background = painter.ctx().global_style().visuals.window_fill;
    let stroke = Stroke::new(1.5, edge.color);
    match badge {
        crate::scene::Badge::Count(_) => {
            painter.circle(at, BADGE_RADIUS_PX, background, stroke);
        }
        crate::scene::Badge::Row(_) => {
            let square = Rect::from_center_size(at, egui::Vec2::splat(2.0 * BADGE_RADIUS_PX));
            painter.rect(square, 2.0, background, stroke, egui::StrokeKind::Middle);
        }
    }
    painter.text(
        at,
        egui::Align2::CENTER_CENTER,
        badge.text(),
        egui::FontId::proportional(10.5),
        painter.ctx().global_style().visuals.text_color(),
    );
}

fn edge_visible(edge: &EdgeShape, world_clip: Rect) -> bool {
    let c = &edge.curve;
    let hull = Rect::from_points(&[c.from, c.ctrl, c.to]).expand(edge.width);
    hull.intersects(world_clip)
}

fn edge_shapes(edge: &EdgeShape, t: TSTransform, out: &mut Vec<Shape>) {
    let whole: Vec<Pos2> = edge.polyline.iter().map(|p| t * *p).collect();
    let span = whole
        .first()
        .zip(whole.last())
        .map_or(0.0, |(a, b)| (*a - *b).length());
    if span < MIN_EDGE_PX && edge.curve.is_straight() {
        return; // Shorter than a pixel or two: invisible, but it would cost a shape.
    }
    let mut width = edge.width * t.scaling;
    let mut color = edge.color;
    if width < 1.0 {
        // Level of detail: hairlines fade instead of thinning, so dense maps read as texture.
        color = color.gamma_multiply(width.max(MIN_HAIRLINE_OPACITY));
        width = 1.0;
    }
    if let Some(ChangeMark::Added { band }) = edge.change {
        // New in a comparison: a highlighter band under the whole line.
        out.push(Shape::line(
            whole.clone(),
            Stroke::new(width + NEW_BAND_PX, band),
        ));
    }
    if let Some((was, was_width, was_dash, was_color)) = edge.was_line() {
        // Changed in a comparison: its first half as it was.
        let points = was.iter().map(|p| t * *p).collect();
        let pattern: Vec<f32> = was_dash
            .pattern(was_width)
            .iter()
            .map(|l| l * t.scaling)
            .collect();
        let stroke = Stroke::new((was_width * t.scaling).max(1.0), was_color);
        push_patterned_line(points, stroke, &pattern, out);
    }
    let points: Vec<Pos2> = match edge.change {
        Some(ChangeMark::Changed { .. }) => edge.main_line().iter().map(|p| t * *p).collect(),
        _ => whole,
    };
    if edge.halo {
        // The hovered relation: a soft band under the line so it stands out of a bundle.
        out.push(Shape::line(
            points.clone(),
            Stroke::new(width + HALO_PX, color.gamma_multiply(HALO_OPACITY)),
        ));
    }
    let pattern: Vec<f32> = edge
        .dash
        .pattern(edge.width)
        .iter()
        .map(|l| l * t.scaling)
        .collect();
    // Dashes shorter than a few pixels cost thousands of shapes and read as a solid line.
    let period: f32 = pattern.iter().sum();
    let mut stroke_line = |points: Vec<Pos2>, stroke: Stroke| {
        if edge.dash == Dash::Solid || period < MIN_DASH_PERIOD_PX {
            out.push(Shape::line(points, stroke));
        } else {
            push_patterned_line(points, stroke, &pattern, out);
        }
    };
    match edge.strands() {
        // A double or hollow line: two strands, each at least a pixel wide.
        Some(strands) => {
            for (strand, strand_width) in strands {
                let points = strand.iter().map(|p| t * *p).collect();
                stroke_line(
                    points,
                    Stroke::new((strand_width * t.scaling).max(1.0), color),
                );
            }
        }
        None => stroke_line(points, Stroke::new(width, color)),
    }
    if let Some(tri) = edge.arrow {
        out.push(Shape::convex_polygon(
            tri.iter().map(|p| t * *p).collect(),
            color,
            Stroke::NONE,
        ));
    }
}

/// Pushes `points` as a line in `pattern` (alternating dash and gap lengths, in screen points,
/// as [`Dash::pattern`] gives them); an empty pattern is a solid line.
pub fn push_patterned_line(
    points: Vec<Pos2>,
    stroke: Stroke,
    pattern: &[f32],
    out: &mut Vec<Shape>,
) {
    if pattern.is_empty() {
        out.push(Shape::line(points, stroke));
        return;
    }
    let dashes: Vec<f32> = pattern.iter().step_by(2).copied().collect();
    let gaps: Vec<f32> = pattern.iter().skip(1).step_by(2).copied().collect();
    Shape::dashed_line_many_with_offset(&points, stroke, &dashes, &gaps, 0.0, out);
}

fn node_shapes(node: &NodeShape, t: TSTransform, out: &mut Vec<Shape>) {
    let c = t * node.center;
    let r = node.radius * t.scaling;
    if r < MIN_OUTLINE_PX {
        out.push(Shape::circle_filled(c, r.max(1.0), node.stroke));
        return;
    }
    let stroke = Stroke::new(node.stroke_width * t.scaling, node.stroke);
    match node.form {
        NodeForm::Circle => out.push(Shape::circle_filled(c, r, node.fill)),
        NodeForm::RoundedSquare => out.push(Shape::rect_filled(
            Rect::from_center_size(c, Vec2::splat(2.0 * r)),
            CornerRadius::same(corner(r)),
            node.fill,
        )),
        NodeForm::Diamond => out.push(Shape::convex_polygon(
            node.diamond().map(|p| t * p).to_vec(),
            node.fill,
            Stroke::NONE,
        )),
    }
    match node.form {
        NodeForm::Circle => out.push(Shape::circle_stroke(c, r, stroke)),
        NodeForm::RoundedSquare => out.push(Shape::rect_stroke(
            Rect::from_center_size(c, Vec2::splat(2.0 * r)),
            CornerRadius::same(corner(r)),
            stroke,
            StrokeKind::Middle,
        )),
        NodeForm::Diamond => out.push(Shape::closed_line(
            node.diamond().map(|p| t * p).to_vec(),
            stroke,
        )),
    }
    if let Some(pin) = node.pin {
        let (at, pin_r) = node.pin_mark();
        out.push(Shape::circle_filled(t * at, pin_r * t.scaling, pin));
        out.push(Shape::circle_stroke(
            t * at,
            pin_r * t.scaling,
            Stroke::new(PIN_RING_WIDTH * t.scaling, Color32::WHITE),
        ));
    }
}

/// Corner radius of an organisation square of half side `r`.
fn corner(r: f32) -> u8 {
    (r * NodeForm::CORNER).round().clamp(0.0, 255.0) as u8
}

fn paint_label(painter: &Painter, node: &NodeShape, t: TSTransform) {
    let size = node.label.size * t.scaling;
    if size < MIN_LABEL_PX {
        return;
    }
    let rect = t * node.label.rect;
    painter.rect_filled(
        rect,
        CornerRadius::same(corner(LABEL_PLATE_CORNER * t.scaling)),
        node.label.plate,
    );
    painter.text(
        rect.center_top() + Vec2::new(0.0, LABEL_TOP_PAD * size),
        Align2::CENTER_TOP,
        crate::fonts::visual_order(&node.label.text),
        FontId::proportional(size),
        node.label.color,
    );
}
