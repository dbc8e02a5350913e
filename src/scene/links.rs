//! Combined lines: one per actor pair or per direction instead of one per relation, with the
//! width of all their evidence, the tone they share (else "mixed"), the colour of the policy
//! field with the most passages, and a badge counting the relations.

use egui::Pos2;

use super::input::SceneInput;
use super::line_shape::edge_shape;
use super::{Dash, EdgeShape, Emphasis, Hit, LinkMode};
use crate::model::{ActorId, Dataset, Dimension, RelationId, TiSlice, Tone};

/// One pair's relations split into the lines `mode` draws, in a stable order.
pub(super) fn groups(
    d: &Dataset,
    mode: LinkMode,
    relations: impl Iterator<Item = RelationId>,
) -> Vec<Vec<RelationId>> {
    let relations: Vec<RelationId> = relations.collect();
    match mode {
        LinkMode::Relation => relations.into_iter().map(|r| vec![r]).collect(),
        LinkMode::Pair => vec![relations],
        LinkMode::Direction => {
            let mut out: Vec<Vec<RelationId>> = Vec::new();
            for r in relations {
                let key = (d.relations[r].from, d.relations[r].to);
                match out.iter_mut().find(|g| {
                    let first = &d.relations[g[0]];
                    (first.from, first.to) == key
                }) {
                    Some(g) => g.push(r),
                    None => out.push(vec![r]),
                }
            }
            out
        }
    }
}

/// The line for several relations of one pair (or one direction).
pub(super) fn combined(
    input: &SceneInput<'_>,
    group: &[RelationId],
    ctrl: Pos2,
    radius: &TiSlice<ActorId, f32>,
    emphasis: Emphasis,
    states_tones: bool,
) -> EdgeShape {
    let d = input.dataset;
    let style = input.style;
    let m = &style.metrics;
    // Start from the first relation's geometry (ends, arrow), then restyle.
    let mut shape = edge_shape(input, group[0], ctrl, radius, emphasis, states_tones);
    let first = &d.relations[group[0]];
    let same_direction = group.iter().all(|&r| {
        let rel = &d.relations[r];
        rel.directed && (rel.from, rel.to) == (first.from, first.to)
    });
    if !same_direction && shape.arrow.is_some() {
        // No arrow: the line runs to the node's border again (and a single line stays
        // straight: its middle is taken between the untrimmed ends).
        let (curve, _) = super::line_shape::edge_geometry(input, group[0], ctrl, radius, None);
        shape.arrow = None;
        shape.curve = curve;
        shape.polyline = curve.flatten(m.curve_segments);
    }
    let passages: usize = group.iter().map(|&r| d.relations[r].passages.len()).sum();
    shape.width = m.edge_base_width + m.edge_width_per_sqrt_passage * (passages as f32).sqrt();
    if emphasis == Emphasis::Highlighted {
        shape.width += m.edge_highlight_extra;
    }
    let base = style.dimension_color(&dominant_dimension(d, group));
    shape.color = if emphasis == Emphasis::Dimmed {
        style.dim(base)
    } else {
        base
    };
    let first_tone = first.tone;
    let tone = if group.iter().all(|&r| d.relations[r].tone == first_tone) {
        first_tone
    } else {
        Tone::Mixed
    };
    shape.dash = Dash::for_tone(tone, states_tones);
    shape.halo = group.iter().any(|&r| input.hovered == Some(Hit::Edge(r)));
    shape.members = group.to_vec();
    shape.badge = Some(super::Badge::Count(group.len()));
    // One line for several relations says nothing of each one's backing, nor of how each
    // changed in a comparison (the side panel lists them).
    shape.backing = super::Backing::Single;
    shape.change = None;
    shape
}

/// The policy field with the most passages among `group` (the first such in legend order).
fn dominant_dimension(d: &Dataset, group: &[RelationId]) -> Dimension {
    let mut totals: Vec<(Dimension, usize)> = Vec::new();
    for &r in group {
        let rel = &d.relations[r];
        match totals.iter_mut().find(|(dim, _)| *dim == rel.dimension) {
            Some((_, n)) => *n += rel.passages.len(),
            None => totals.push((rel.dimension.clone(), rel.passages.len())),
        }
    }
    totals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    totals
        .into_iter()
        .next()
        .map_or(Dimension::Other("unspecified".to_owned()), |(dim, _)| dim)
}
