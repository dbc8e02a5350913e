//! Writing a [`Figure`] as SVG: the scene's own shapes, in figure coordinates.

use std::fmt::Write as _;

use egui::{Color32, Pos2};

use super::decoration::{Anchor, Decoration};
use super::figure::Figure;
use super::svg_text::{Runs, escape_xml, font_family};
use crate::fonts::ascent;
use crate::scene::{
    ChangeMark, Dash, EdgeShape, LABEL_PLATE_CORNER, NodeForm, NodeShape, PIN_RING_WIDTH,
};

/// `#rrggbb` and an opacity in `0..=1` for a colour.
fn paint(c: Color32) -> (String, f32) {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    (format!("#{r:02x}{g:02x}{b:02x}"), f32::from(a) / 255.0)
}

fn fill_attr(c: Color32) -> String {
    let (hex, a) = paint(c);
    if a >= 1.0 {
        format!(r#"fill="{hex}""#)
    } else {
        format!(r#"fill="{hex}" fill-opacity="{a:.3}""#)
    }
}

fn stroke_attr(c: Color32, width: f32) -> String {
    let (hex, a) = paint(c);
    let mut s = format!(r#"stroke="{hex}" stroke-width="{width:.2}""#);
    if a < 1.0 {
        let _ = write!(s, r#" stroke-opacity="{a:.3}""#);
    }
    s
}

fn dash_attr(dash: Dash, width: f32) -> String {
    let pattern = dash.pattern(width);
    if pattern.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = pattern.iter().map(|l| format!("{l:.2}")).collect();
        format!(r#" stroke-dasharray="{}""#, list.join(" "))
    }
}

fn pt(p: Pos2) -> String {
    format!("{:.2} {:.2}", p.x, p.y)
}

/// The figure as a standalone SVG document. Same figure, same bytes.
pub fn figure_svg(fig: &Figure) -> String {
    let mut s = String::with_capacity(16 * 1024);
    let (w, h) = (fig.width, fig.height);
    let (runs, extra_families) = Runs::of(fig);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}">"#,
        escape_xml(&font_family(&extra_families))
    );
    if fig.scene.background.a() > 0 {
        let _ = writeln!(
            s,
            r#"<rect class="background" x="0" y="0" width="{w}" height="{h}" {}/>"#,
            fill_attr(fig.scene.background)
        );
    }
    let t = fig.figure_from_world;
    let _ = writeln!(
        s,
        r#"<g class="map" transform="translate({:.3} {:.3}) scale({:.5})">"#,
        t.translation.x, t.translation.y, t.scaling
    );
    for (i, e) in fig.scene.edges.iter().enumerate() {
        let title = fig.edge_titles.get(i).map_or("", String::as_str);
        let id = fig.edge_ids.get(i).map_or("", String::as_str);
        edge(&mut s, e, (id, title));
    }
    let text = fig
        .decorations
        .iter()
        .find_map(|d| match d {
            super::Decoration::Text { color, .. } => Some(*color),
            _ => None,
        })
        .unwrap_or(egui::Color32::BLACK);
    let plate = if fig.scene.background.a() > 0 {
        fig.scene.background
    } else {
        egui::Color32::WHITE
    };
    for e in &fig.scene.edges {
        badge(&mut s, e, plate, text);
    }
    for l in &fig.scene.edge_labels {
        edge_label(&mut s, l, &runs);
    }
    for (i, n) in fig.scene.nodes.iter().enumerate() {
        node(&mut s, n, fig.node_ids.get(i).map_or("", String::as_str));
    }
    for n in &fig.scene.nodes {
        label(&mut s, n, &runs);
    }
    s.push_str("</g>\n");
    for d in &fig.decorations {
        decoration(&mut s, d, &runs);
    }
    s.push_str("</svg>\n");
    s
}

/// One relation's line, carrying its dataset id (`data-relation`) and name (`<title>`).
fn edge(s: &mut String, e: &EdgeShape, (id, title): (&str, &str)) {
    let c = &e.curve;
    let curve = if c.is_straight() {
        format!("M {} L {}", pt(c.from), pt(c.to))
    } else {
        format!("M {} Q {} {}", pt(c.from), pt(c.ctrl), pt(c.to))
    };
    // A comparison's marks: a highlighter band under a new line; a changed line's first half
    // as it was, its own style drawn on the second half only.
    if let Some(ChangeMark::Added { band }) = e.change {
        let _ = writeln!(
            s,
            r#"<path class="new-mark" d="{curve}" fill="none" {}/>"#,
            stroke_attr(band, e.width + NEW_BAND)
        );
    }
    let d = match e.was_line() {
        Some((was, width, dash, color)) => {
            let _ = writeln!(
                s,
                r#"<path class="was" data-was-of="{}" d="{}" fill="none" {}{}/>"#,
                escape_xml(id),
                path_of(&was),
                stroke_attr(color, width),
                dash_attr(dash, width),
            );
            path_of(&e.main_line())
        }
        None => curve,
    };
    match e.strands() {
        // A double or hollow line: its two strands as paths in one group that carries the
        // relation.
        Some(strands) => {
            let _ = writeln!(
                s,
                r#"<g class="relation" data-relation="{}"><title>{}</title>"#,
                escape_xml(id),
                escape_xml(title)
            );
            for (strand, width) in strands {
                let _ = writeln!(
                    s,
                    r#"<path d="{}" fill="none" {}{}/>"#,
                    path_of(&strand),
                    stroke_attr(e.color, width),
                    dash_attr(e.dash, e.width),
                );
            }
            s.push_str("</g>\n");
        }
        None => {
            let _ = writeln!(
                s,
                r#"<path class="relation" data-relation="{}" d="{d}" fill="none" {}{}><title>{}</title></path>"#,
                escape_xml(id),
                stroke_attr(e.color, e.width),
                dash_attr(e.dash, e.width),
                escape_xml(title)
            );
        }
    }
    if let Some([a, b, c]) = e.arrow {
        let _ = writeln!(
            s,
            r#"<path class="arrow" data-arrow-of="{}" d="M {} L {} L {} Z" {}/>"#,
            escape_xml(id),
            pt(a),
            pt(b),
            pt(c),
            fill_attr(e.color)
        );
    }
}

/// Extra width of the band under a line a comparison marks as new, in world units.
const NEW_BAND: f32 = 8.0;

/// The SVG path of a polyline.
fn path_of(points: &[Pos2]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(d, "{}{}", if i == 0 { "M " } else { " L " }, pt(*p));
    }
    d
}

/// A relation's label along its line: a rotated plate and the text, centred on the line.
fn edge_label(s: &mut String, l: &crate::scene::EdgeLabel, runs: &Runs) {
    let degrees = l.angle.to_degrees();
    let _ = writeln!(
        s,
        r#"<g class="line-label" transform="translate({:.2} {:.2}) rotate({degrees:.2})"><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="2" {}/>"#,
        l.center.x,
        l.center.y,
        -l.width / 2.0,
        -l.height / 2.0,
        l.width,
        l.height,
        fill_attr(l.plate),
    );
    // A long label is on two lines (see `scene::line_labels`), centred on the line.
    let lines: Vec<&str> = l.text.lines().collect();
    let step = 1.3 * l.size;
    let first = 0.35 * l.size - step * (lines.len().saturating_sub(1)) as f32 / 2.0;
    for (k, line) in lines.iter().enumerate() {
        runs.line(
            s,
            line,
            Pos2::new(0.0, first + step * k as f32),
            l.size,
            "middle",
            &fill_attr(l.color),
        );
    }
    s.push_str("</g>\n");
}

/// The count badge of a combined line (drawn above all lines, under the nodes).
fn badge(s: &mut String, e: &EdgeShape, background: egui::Color32, text: egui::Color32) {
    let Some(badge) = e.badge else {
        return;
    };
    let at = e.curve.point(0.5);
    match badge {
        crate::scene::Badge::Count(_) => {
            let _ = writeln!(
                s,
                r#"<circle class="badge" cx="{:.2}" cy="{:.2}" r="8" {} {}/>"#,
                at.x,
                at.y,
                fill_attr(background),
                stroke_attr(e.color, 1.5)
            );
        }
        crate::scene::Badge::Row(_) => {
            let _ = writeln!(
                s,
                r#"<rect class="badge" x="{:.2}" y="{:.2}" width="16" height="16" rx="2" {} {}/>"#,
                at.x - 8.0,
                at.y - 8.0,
                fill_attr(background),
                stroke_attr(e.color, 1.5)
            );
        }
    }
    let n = badge.text();
    let _ = writeln!(
        s,
        r#"<text class="badge" x="{:.2}" y="{:.2}" font-size="10.5" text-anchor="middle" {}>{n}</text>"#,
        at.x,
        at.y + 3.8,
        fill_attr(text)
    );
}

/// One actor's shape, carrying its dataset id (`data-actor`).
fn node(s: &mut String, n: &NodeShape, id: &str) {
    let style = format!(
        r#"data-actor="{}" {} {}"#,
        escape_xml(id),
        fill_attr(n.fill),
        stroke_attr(n.stroke, n.stroke_width)
    );
    let (c, r) = (n.center, n.radius);
    match n.form {
        NodeForm::Circle => {
            let _ = writeln!(
                s,
                r#"<circle class="actor" cx="{:.2}" cy="{:.2}" r="{r:.2}" {style}/>"#,
                c.x, c.y
            );
        }
        NodeForm::RoundedSquare => {
            let rx = (r * NodeForm::CORNER).round();
            let _ = writeln!(
                s,
                r#"<rect class="actor" x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{rx:.2}" {style}/>"#,
                c.x - r,
                c.y - r,
                2.0 * r,
                2.0 * r
            );
        }
        NodeForm::Diamond => {
            let [top, right, bottom, left] = n.diamond();
            let _ = writeln!(
                s,
                r#"<path class="actor" d="M {:.2} {:.2} L {:.2} {:.2} L {:.2} {:.2} L {:.2} {:.2} Z" {style}/>"#,
                top.x, top.y, right.x, right.y, bottom.x, bottom.y, left.x, left.y
            );
        }
    }
    if let Some(pin) = n.pin {
        let (at, pr) = n.pin_mark();
        let _ = writeln!(
            s,
            r##"<circle class="pin" cx="{:.2}" cy="{:.2}" r="{pr:.2}" {} stroke="#ffffff" stroke-width="{PIN_RING_WIDTH}"/>"##,
            at.x,
            at.y,
            fill_attr(pin)
        );
    }
}

fn label(s: &mut String, n: &NodeShape, runs: &Runs) {
    let l = &n.label;
    let _ = writeln!(
        s,
        r#"<rect class="label-plate" x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{LABEL_PLATE_CORNER}" {}/>"#,
        l.rect.min.x,
        l.rect.min.y,
        l.rect.width(),
        l.rect.height(),
        fill_attr(l.plate)
    );
    let baseline = l.rect.top() + 0.12 * l.size + ascent(l.size);
    runs.line(
        s,
        &l.text,
        Pos2::new(l.rect.center().x, baseline),
        l.size,
        "middle",
        &format!(r#"class="label" {}"#, fill_attr(l.color)),
    );
}

fn decoration(s: &mut String, d: &Decoration, runs: &Runs) {
    match d {
        Decoration::Text {
            text,
            pos,
            size,
            color,
            anchor,
        } => {
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
            };
            runs.line(s, text, *pos, *size, anchor, &fill_attr(*color));
        }
        Decoration::Line {
            a,
            b,
            color,
            width,
            dash,
        } => {
            let _ = writeln!(
                s,
                r#"<path class="legend-sample" d="M {} L {}" fill="none" {}{}/>"#,
                pt(*a),
                pt(*b),
                stroke_attr(*color, *width),
                dash_attr(*dash, *width)
            );
        }
    }
}
