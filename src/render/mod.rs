//! Painting a [`Scene`] with egui, through a world→screen transform.

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2,
};

use crate::scene::{Dash, EdgeShape, NodeForm, NodeShape, Scene};

/// Labels smaller than this on screen (points) are skipped: unreadable and costly.
const MIN_LABEL_PX: f32 = 4.0;

/// Paints `scene` with `painter`; `screen_from_world` maps world units to screen points.
pub fn paint_scene(painter: &Painter, scene: &Scene, screen_from_world: TSTransform) {
    let clip = painter.clip_rect();
    let world_clip = screen_from_world.inverse() * clip;
    let mut shapes = Vec::with_capacity(scene.edges.len() + scene.nodes.len() * 3);
    for edge in &scene.edges {
        if edge_visible(edge, world_clip) {
            edge_shapes(edge, screen_from_world, &mut shapes);
        }
    }
    for node in &scene.nodes {
        if world_clip.expand(node.radius).contains(node.center)
            || world_clip.intersects(node.label.rect)
        {
            node_shapes(node, screen_from_world, &mut shapes);
        }
    }
    painter.extend(shapes);
    // Labels last, above every node and line.
    for node in &scene.nodes {
        if world_clip.intersects(node.label.rect) {
            paint_label(painter, node, screen_from_world);
        }
    }
}

fn edge_visible(edge: &EdgeShape, world_clip: Rect) -> bool {
    let c = &edge.curve;
    let hull = Rect::from_points(&[c.from, c.ctrl, c.to]).expand(edge.width);
    hull.intersects(world_clip)
}

fn edge_shapes(edge: &EdgeShape, t: TSTransform, out: &mut Vec<Shape>) {
    let points: Vec<Pos2> = edge.polyline.iter().map(|p| t * *p).collect();
    let width = edge.width * t.scaling;
    let stroke = Stroke::new(width, edge.color);
    let pattern: Vec<f32> = edge
        .dash
        .pattern(edge.width)
        .iter()
        .map(|l| l * t.scaling)
        .collect();
    if edge.dash == Dash::Solid || pattern.is_empty() {
        out.push(Shape::line(points, stroke));
    } else {
        let dashes: Vec<f32> = pattern.iter().step_by(2).copied().collect();
        let gaps: Vec<f32> = pattern.iter().skip(1).step_by(2).copied().collect();
        Shape::dashed_line_many_with_offset(&points, stroke, &dashes, &gaps, 0.0, out);
    }
    if let Some(tri) = edge.arrow {
        out.push(Shape::convex_polygon(
            tri.iter().map(|p| t * *p).collect(),
            edge.color,
            Stroke::NONE,
        ));
    }
}

fn node_shapes(node: &NodeShape, t: TSTransform, out: &mut Vec<Shape>) {
    let c = t * node.center;
    let r = node.radius * t.scaling;
    let stroke = Stroke::new(node.stroke_width * t.scaling, node.stroke);
    match node.form {
        NodeForm::Circle => out.push(Shape::circle_filled(c, r, node.fill)),
        NodeForm::RoundedSquare => out.push(Shape::rect_filled(
            Rect::from_center_size(c, Vec2::splat(2.0 * r)),
            CornerRadius::same(corner(r)),
            node.fill,
        )),
        NodeForm::Diamond => out.push(Shape::convex_polygon(
            diamond(c, r),
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
        NodeForm::Diamond => out.push(Shape::closed_line(diamond(c, r), stroke)),
    }
    if let Some(pin) = node.pin {
        let (at, pin_r) = pin_mark(node);
        out.push(Shape::circle_filled(t * at, pin_r * t.scaling, pin));
        out.push(Shape::circle_stroke(
            t * at,
            pin_r * t.scaling,
            Stroke::new(1.5 * t.scaling, Color32::WHITE),
        ));
    }
}

/// Where the pin mark sits (world units) and its radius: top-right of the node.
pub fn pin_mark(node: &NodeShape) -> (Pos2, f32) {
    let offset = node.radius * std::f32::consts::FRAC_1_SQRT_2;
    (node.center + Vec2::new(offset, -offset), 5.0)
}

/// Corner radius of an organisation square of half side `r`.
fn corner(r: f32) -> u8 {
    (r * NodeForm::CORNER).round().clamp(0.0, 255.0) as u8
}

fn diamond(c: Pos2, r: f32) -> Vec<Pos2> {
    vec![
        c + Vec2::new(0.0, -r),
        c + Vec2::new(r, 0.0),
        c + Vec2::new(0.0, r),
        c + Vec2::new(-r, 0.0),
    ]
}

fn paint_label(painter: &Painter, node: &NodeShape, t: TSTransform) {
    let size = node.label.size * t.scaling;
    if size < MIN_LABEL_PX {
        return;
    }
    let rect = t * node.label.rect;
    painter.rect_filled(
        rect,
        CornerRadius::same(corner(3.0 * t.scaling)),
        node.label.plate,
    );
    painter.text(
        rect.center_top() + Vec2::new(0.0, 0.12 * size),
        Align2::CENTER_TOP,
        &node.label.text,
        FontId::proportional(size),
        node.label.color,
    );
}
