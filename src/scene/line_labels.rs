//! Words on the lines: each relation's label laid along its line, kept clear of nodes and of
//! the other labels. A label that cannot be placed cleanly is left out (with all labels on)
//! rather than drawn over something; the selected relation's label is always tried first.

use egui::{Pos2, Rect, Vec2};

use super::{EdgeLabel, EdgeShape, Emphasis, NodeShape, Style};
use crate::model::Dataset;

/// Which lines carry their label.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum LineLabels {
    /// None.
    Off,
    /// The selected (highlighted) lines only.
    #[default]
    Selected,
    /// Every line, as far as they fit.
    All,
}

impl LineLabels {
    /// Every choice, in menu order.
    pub const ALL: [LineLabels; 3] = [Self::Off, Self::Selected, Self::All];

    /// The name used in menus and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Selected => "selected",
            Self::All => "all",
        }
    }
}

/// Where along the line a label may sit, best first.
const PLACES: [f32; 7] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75];
/// Room kept clear around a line's badge, in world units (the badge is 16 points wide at
/// zoom 1).
const BADGE_ROOM: f32 = 20.0;
/// Longest line of a label on two lines, in characters.
const MAX_LINE_CHARS: usize = 48;
/// Longest label text on one line, in characters.
const MAX_CHARS: usize = 64;

/// The labels to draw for `edges` under `mode`, placed clear of `nodes` and of each other.
pub(super) fn place(
    d: &Dataset,
    edges: &[EdgeShape],
    nodes: &[NodeShape],
    style: &Style,
    mode: LineLabels,
) -> Vec<EdgeLabel> {
    if mode == LineLabels::Off {
        return Vec::new();
    }
    // Highlighted lines first. `edges` is in painting order, sorted by emphasis, so the
    // highlighted ones are its tail: with only those labelled, a large map's other lines are
    // not walked on every refresh.
    let mut order: Vec<&EdgeShape> = match mode {
        LineLabels::All => edges.iter().collect(),
        _ => {
            debug_assert!(edges.is_sorted_by_key(|e| e.emphasis));
            let first = edges.partition_point(|e| e.emphasis < Emphasis::Highlighted);
            edges[first..].iter().collect()
        }
    };
    // An imported edge without a label has nothing to say along its line.
    order.retain(|e| e.members.len() > 1 || !d.relations[e.relation].is_unlabelled());
    if order.is_empty() {
        // Nothing selected: no obstacles to gather (a pass over every node on large maps).
        return Vec::new();
    }
    order.sort_by_key(|e| std::cmp::Reverse(e.emphasis));
    let size = style.label_size * 0.85;
    let mut obstacles: Vec<Rect> = nodes
        .iter()
        .flat_map(|n| {
            [
                Rect::from_center_size(n.center, Vec2::splat(2.0 * n.radius + 4.0)),
                n.label.rect,
            ]
        })
        .collect();
    // A line's number (or count) at its middle stays readable: no label covers it.
    obstacles.extend(
        edges
            .iter()
            .filter(|e| e.badge.is_some())
            .map(|e| Rect::from_center_size(e.curve.point(0.5), Vec2::splat(BADGE_ROOM))),
    );
    let mut placed: Vec<EdgeLabel> = Vec::new();
    for e in order {
        let full = text_of(d, e);
        // One line where it fits; else the same words on two lines (narrower, so it fits
        // along shorter lines and between nodes); cut only past two lines' worth.
        let mut forms = Vec::with_capacity(2);
        if full.chars().count() <= MAX_CHARS {
            forms.push(full.clone());
        }
        forms.push(two_lines(&full));
        let spot = forms.iter().find_map(|text| {
            let lines: Vec<&str> = text.lines().collect();
            let width = lines
                .iter()
                .map(|l| crate::fonts::text_width(l, size))
                .fold(0.0, f32::max)
                + 6.0;
            let height = size * 1.3 * lines.len() as f32;
            PLACES.iter().find_map(|&t| {
                let center = e.curve.point(t);
                let ahead = e.curve.point((t + 0.02).min(1.0)) - e.curve.point((t - 0.02).max(0.0));
                let mut angle = ahead.y.atan2(ahead.x);
                // Keep the text upright.
                if angle > std::f32::consts::FRAC_PI_2 {
                    angle -= std::f32::consts::PI;
                } else if angle < -std::f32::consts::FRAC_PI_2 {
                    angle += std::f32::consts::PI;
                }
                let label = EdgeLabel {
                    relation: e.relation,
                    text: text.clone(),
                    center,
                    angle,
                    size,
                    width,
                    height,
                    color: if e.emphasis == Emphasis::Dimmed {
                        style.dim_text(style.text)
                    } else {
                        style.text
                    },
                    plate: style.background.gamma_multiply(0.85),
                };
                let b = label.bounds();
                let clear = obstacles.iter().all(|o| !o.intersects(b))
                    && placed.iter().all(|p| !p.bounds().intersects(b));
                clear.then_some(label)
            })
        });
        if let Some(label) = spot {
            placed.push(label);
        }
    }
    placed
}

fn text_of(d: &Dataset, e: &EdgeShape) -> String {
    if e.members.len() > 1 {
        format!("{} relations", e.members.len())
    } else {
        let rel = &d.relations[e.relation];
        let label = match rel.unreported_kind() {
            Some(kind) => format!("{} ({kind})", rel.label),
            None => rel.label.clone(),
        };
        match e.change {
            None => label,
            Some(super::ChangeMark::Added { .. }) => format!("{label} (new)"),
            Some(super::ChangeMark::Removed) => format!("{label} (removed)"),
            Some(super::ChangeMark::Changed { was, .. }) => {
                let then = if was.tone != rel.tone {
                    format!("was {}", was.tone.as_str())
                } else if was.passages != rel.passages.len() {
                    format!(
                        "was {} passage{}",
                        was.passages,
                        if was.passages == 1 { "" } else { "s" }
                    )
                } else {
                    "direction turned".to_owned()
                };
                format!("{label} ({then})")
            }
        }
    }
}

/// `text` broken into two lines at the space nearest its middle, each cut to
/// [`MAX_LINE_CHARS`] (one line when it has no space).
fn two_lines(text: &str) -> String {
    let middle = text.len() / 2;
    let split = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(middle));
    match split {
        Some(i) => format!(
            "{}\n{}",
            cut(&text[..i], MAX_LINE_CHARS),
            cut(&text[i + 1..], MAX_LINE_CHARS)
        ),
        None => cut(text, MAX_CHARS),
    }
}

/// `text` cut to `max` characters, "…" marking the cut (also the figure legend's).
pub(crate) fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

impl EdgeLabel {
    /// The corners of the rotated label box.
    pub fn corners(&self) -> [Pos2; 4] {
        let (sin, cos) = self.angle.sin_cos();
        let along = Vec2::new(cos, sin) * (self.width / 2.0);
        let across = Vec2::new(-sin, cos) * (self.height / 2.0);
        [
            self.center - along - across,
            self.center + along - across,
            self.center + along + across,
            self.center - along + across,
        ]
    }

    /// An axis-aligned box containing the rotated label (what placement keeps clear).
    pub fn bounds(&self) -> Rect {
        Rect::from_points(&self.corners())
    }
}
