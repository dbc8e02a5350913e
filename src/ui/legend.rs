//! The legend drawn over the canvas corner: dimensions and tones actually shown.

use egui::{Align2, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2};

use crate::scene::{Dash, Scene, Style};

/// Paints the legend in the canvas's bottom-left corner.
pub fn paint_legend(painter: &Painter, canvas: Rect, scene: &Scene, style: &Style) {
    let legend = &scene.legend;
    let rows = legend.dimensions.len() + legend.tones.len() + usize::from(legend.no_evidence);
    if rows == 0 {
        return;
    }
    let row_h = 18.0;
    let size = Vec2::new(170.0, rows as f32 * row_h + 16.0);
    let rect = Rect::from_min_size(canvas.left_bottom() + Vec2::new(10.0, -size.y - 10.0), size);
    painter.rect_filled(rect, 6.0, style.background.gamma_multiply(0.92));
    painter.rect_stroke(
        rect,
        6.0,
        Stroke::new(1.0, style.muted_text.gamma_multiply(0.4)),
        egui::StrokeKind::Inside,
    );
    let font = FontId::proportional(13.0);
    let mut y = rect.top() + 8.0 + row_h / 2.0;
    let mut row = |label: &str, color, dash: Dash| {
        let a = Pos2::new(rect.left() + 10.0, y);
        let b = a + Vec2::new(34.0, 0.0);
        let stroke = Stroke::new(2.5, color);
        let pattern = dash.pattern(2.5);
        if pattern.is_empty() {
            painter.line_segment([a, b], stroke);
        } else {
            let dashes: Vec<f32> = pattern.iter().step_by(2).copied().collect();
            let gaps: Vec<f32> = pattern.iter().skip(1).step_by(2).copied().collect();
            painter.extend(Shape::dashed_line_with_offset(
                &[a, b],
                stroke,
                &dashes,
                &gaps,
                0.0,
            ));
        }
        painter.text(
            b + Vec2::new(10.0, 0.0),
            Align2::LEFT_CENTER,
            label,
            font.clone(),
            style.text,
        );
        y += row_h;
    };
    for (dim, color) in &legend.dimensions {
        row(dim.as_str(), *color, Dash::Solid);
    }
    for (tone, dash) in &legend.tones {
        row(tone.as_str(), style.muted_text, *dash);
    }
    if legend.no_evidence {
        row("no evidence", style.no_evidence, Dash::Dotted);
    }
}
