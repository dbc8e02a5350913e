//! The shape of one line: its curve bent toward a control point, ending at the node borders,
//! its width, dash and arrow head; and the spacing of a pair's fan of arcs.

use egui::Pos2;

use super::geometry::{Curve, NodeForm};
use super::input::SceneInput;
use super::{Backing, ChangeMark, Dash, EdgeShape, Emphasis, Hit, REMOVED_OPACITY};
use crate::layout::normalized;
use crate::model::{ActorId, Change, Mark, RelationId, TiSlice};

/// The gap between neighbouring arcs of a pair with `k` lines of `length`: the style's
/// spacing, narrowed so the whole fan spans at most half the line's length (23 arcs at full
/// spacing would sweep over the middle of the map), but never so close that lines merge.
pub(super) fn fan_spacing(spacing: f32, length: f32, k: f32) -> f32 {
    if k <= 1.0 {
        return spacing;
    }
    spacing.min((FAN_SPAN * length / (k - 1.0)).max(MIN_ARC_SPACING))
}

/// The widest a fan of parallel arcs gets, as a fraction of its line's length.
const FAN_SPAN: f32 = 0.5;
/// The closest neighbouring arcs get at their apex, in world units.
const MIN_ARC_SPACING: f32 = 9.0;

/// How much of its strength a new line's band keeps while the line is dimmed.
const DIMMED_BAND: f32 = 0.35;

/// How opaque a line resting only on forecasts and aims is drawn.
pub const UNREPORTED_OPACITY: f32 = 0.45;

pub(super) fn edge_shape(
    input: &SceneInput<'_>,
    r: RelationId,
    ctrl: Pos2,
    radius: &TiSlice<ActorId, f32>,
    emphasis: Emphasis,
    states_tones: bool,
) -> EdgeShape {
    let style = input.style;
    let rel = &input.dataset.relations[r];
    let evidence = rel.passages.len();
    let backing = Backing::of(input.dataset, rel);
    let width = width_backed(input, r, emphasis, backing);
    let draft = crate::model::is_draft_relation(rel);
    let base_color = if evidence == 0 || draft {
        style.no_evidence
    } else {
        style.dimension_color(&rel.dimension)
    };
    let color = if emphasis == Emphasis::Dimmed {
        style.dim(base_color)
    } else {
        base_color
    };
    // Evidence that is all forecast or aim (what may happen or is wanted) is drawn faint so
    // it is never read as what the article reports (the legend says so); weak evidence is
    // hollow instead (its strands), which stays visible when dashed.
    let color = if rel.is_unreported() {
        color.gamma_multiply(UNREPORTED_OPACITY)
    } else {
        color
    };
    let dash = if evidence == 0 {
        Dash::Dotted
    } else if draft {
        Dash::ShortDash
    } else {
        Dash::for_tone(rel.tone, states_tones)
    };
    let (curve, arrow) = edge_geometry(input, r, ctrl, radius, rel.directed.then_some(width));
    let mark = input.changes.and_then(|c| c.get(r));
    let change = mark.and_then(|m| change_mark(input, m, emphasis, states_tones));
    // A relation the second map no longer has is a ghost of itself.
    let color = match change {
        Some(ChangeMark::Removed) => color.gamma_multiply(REMOVED_OPACITY),
        _ => color,
    };
    EdgeShape {
        halo: input.hovered == Some(Hit::Edge(r)),
        relation: r,
        members: vec![r],
        badge: None,
        polyline: curve.flatten(style.metrics.curve_segments),
        curve,
        width,
        color,
        dash,
        arrow,
        emphasis,
        backing,
        change,
    }
}

/// How a comparison marks a line: a band under a new one, a ghost of a removed one, and a
/// changed one's first half in its old pattern and width.
fn change_mark(
    input: &SceneInput<'_>,
    mark: &Mark,
    emphasis: Emphasis,
    states_tones: bool,
) -> Option<ChangeMark> {
    match mark.change {
        Change::Same => None,
        // The band fades with its line when the selection is elsewhere.
        Change::Added => Some(ChangeMark::Added {
            band: if emphasis == Emphasis::Dimmed {
                input.style.new_band.gamma_multiply(DIMMED_BAND)
            } else {
                input.style.new_band
            },
        }),
        Change::Removed => Some(ChangeMark::Removed),
        Change::Changed => {
            let was = mark.was?;
            Some(ChangeMark::Changed {
                was,
                dash: Dash::for_tone(was.tone, states_tones),
                width: evidence_width(input, was.passages, emphasis),
            })
        }
    }
}

/// A relation's line width in world units: from its passages (or weight, without evidence),
/// thicker when highlighted; drafts are thin.
pub(super) fn edge_width(input: &SceneInput<'_>, r: RelationId, emphasis: Emphasis) -> f32 {
    let backing = Backing::of(input.dataset, &input.dataset.relations[r]);
    width_backed(input, r, emphasis, backing)
}

/// [`edge_width`] for a relation whose [`Backing`] is already known (it counts sources).
fn width_backed(
    input: &SceneInput<'_>,
    r: RelationId,
    emphasis: Emphasis,
    backing: Backing,
) -> f32 {
    let m = &input.style.metrics;
    let rel = &input.dataset.relations[r];
    let evidence = rel.passages.len();
    // Suggested evidence nobody has reviewed is grey and short-dashed: never mistaken for a
    // finding.
    if crate::model::is_draft_relation(rel) {
        return m.edge_base_width_unevidenced;
    }
    let width = if evidence == 0 {
        // An imported link's weight sets its width: 1 is the thinnest, 100 and more the
        // widest (about 6 points more), on the square root so counts read as areas do.
        m.edge_base_width_unevidenced + rel.weight.clamp(0.0, 100.0).sqrt() * 0.6
    } else {
        m.edge_base_width + m.edge_width_per_sqrt_passage * (evidence as f32).sqrt()
    };
    // A double line needs room for two strands and the gap between them.
    let width = match backing {
        Backing::Corroborated => width * 1.6 + 1.5,
        Backing::Single | Backing::Weak => width,
    };
    highlighted(input, width, emphasis)
}

/// The width a line of `passages` passages has (the "before" half of a changed line).
fn evidence_width(input: &SceneInput<'_>, passages: usize, emphasis: Emphasis) -> f32 {
    let m = &input.style.metrics;
    let width = if passages == 0 {
        m.edge_base_width_unevidenced
    } else {
        m.edge_base_width + m.edge_width_per_sqrt_passage * (passages as f32).sqrt()
    };
    highlighted(input, width, emphasis)
}

/// `width`, thicker when the line is highlighted.
fn highlighted(input: &SceneInput<'_>, width: f32, emphasis: Emphasis) -> f32 {
    if emphasis == Emphasis::Highlighted {
        width + input.style.metrics.edge_highlight_extra
    } else {
        width
    }
}

/// The curve of relation `r` bent toward `ctrl`, ending at the node borders, and its arrow
/// head (sized by `arrow_width`) when it has one.
pub(super) fn edge_geometry(
    input: &SceneInput<'_>,
    r: RelationId,
    ctrl: Pos2,
    radius: &TiSlice<ActorId, f32>,
    arrow_width: Option<f32>,
) -> (Curve, Option<[Pos2; 3]>) {
    let ends = Ends::of(input, r, radius);
    edge_geometry_between(&ends, input, ctrl, arrow_width)
}

/// A relation's two actors with their outline and size: all the line's geometry needs
/// besides positions, kept per line so a refresh reads no dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Ends {
    source: ActorId,
    target: ActorId,
    source_form: NodeForm,
    target_form: NodeForm,
    source_radius: f32,
    target_radius: f32,
}

impl Ends {
    pub(super) fn of(
        input: &SceneInput<'_>,
        r: RelationId,
        radius: &TiSlice<ActorId, f32>,
    ) -> Self {
        let rel = &input.dataset.relations[r];
        Self {
            source: rel.from,
            target: rel.to,
            source_form: input.form(rel.from),
            target_form: input.form(rel.to),
            source_radius: radius[rel.from],
            target_radius: radius[rel.to],
        }
    }

    /// The two actors' positions now.
    pub(super) fn positions(&self, input: &SceneInput<'_>) -> (Pos2, Pos2) {
        (input.positions[self.source], input.positions[self.target])
    }
}

/// [`edge_geometry`] for known ends.
pub(super) fn edge_geometry_between(
    ends: &Ends,
    input: &SceneInput<'_>,
    ctrl: Pos2,
    arrow_width: Option<f32>,
) -> (Curve, Option<[Pos2; 3]>) {
    let m = &input.style.metrics;
    let (src, tgt) = ends.positions(input);
    let from = ends.source_form.border_point(src, ends.source_radius, ctrl);
    let mut to = ends.target_form.border_point(tgt, ends.target_radius, ctrl);
    let mut arrow = None;
    if let Some(width) = arrow_width {
        let back = ctrl - to;
        if back.length_sq() > 1e-6 {
            let dir = -normalized(back);
            let len = m.arrow_base_length + 2.0 * width;
            let base = to - dir * len;
            let half = dir.rot90() * (len * 0.45);
            arrow = Some([to, base + half, base - half]);
            // Stop the line inside the arrow head so its end does not poke out of the tip.
            to -= dir * (len * 0.6);
        }
    }
    // A single relation is a straight line between the (trimmed) ends; only parallel ones bend.
    let ctrl = if (ctrl - src.lerp(tgt, 0.5)).length_sq() < 1e-6 {
        from.lerp(to, 0.5)
    } else {
        ctrl
    };
    (Curve { from, ctrl, to }, arrow)
}
