//! Building the [`Scene`] from the dataset, positions and view state.

use egui::{Pos2, Rect, Vec2};

use super::focus::{Focus, Spotlight};
use super::geometry::{Curve, NodeForm};
use super::{Dash, EdgeShape, Emphasis, Hit, Label, Legend, NodeShape, Scene, Selection, Style};
use crate::layout::node_radius;
use crate::model::{ActorId, ActorKind, Dataset, RelationId};

/// Everything a scene is built from. Positions are world coordinates indexed like actors.
pub struct SceneInput<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Actor positions in world units.
    pub positions: &'a [Pos2],
    /// Which actors are shown (filters, secondary actors).
    pub visible_actors: &'a [bool],
    /// Which relations are shown; a relation is drawn only if both its actors are too.
    pub visible_relations: &'a [bool],
    /// Which actors the user pinned.
    pub pinned: &'a [bool],
    /// Current selection.
    pub selection: Selection,
    /// What the pointer is over.
    pub hovered: Option<Hit>,
    /// What a search matches, lit while the rest is dimmed (with no selection).
    pub spotlight: Option<&'a Spotlight>,
    /// Colours and sizes.
    pub style: &'a Style,
    /// One line per relation, per pair or per direction.
    pub links: super::LinkMode,
    /// Which lines carry their label.
    pub line_labels: super::LineLabels,
}

impl SceneInput<'_> {
    fn actor_shown(&self, a: ActorId) -> bool {
        self.visible_actors.get(a.0).copied().unwrap_or(false) && self.positions.get(a.0).is_some()
    }

    pub(super) fn relation_shown(&self, r: RelationId) -> bool {
        let rel = &self.dataset.relations[r];
        self.visible_relations.get(r.0).copied().unwrap_or(false)
            && self.actor_shown(rel.source)
            && self.actor_shown(rel.target)
    }

    pub(super) fn form(&self, a: ActorId) -> NodeForm {
        match self.dataset.actors[a].kind {
            ActorKind::State | ActorKind::Unspecified => NodeForm::Circle,
            ActorKind::Organization => NodeForm::RoundedSquare,
            ActorKind::Other(_) => NodeForm::Diamond,
        }
    }
}

/// Builds the scene. Deterministic: the same input gives the same shapes in the same order.
pub fn build(input: &SceneInput<'_>) -> Scene {
    use rayon::prelude::*;
    let d = input.dataset;
    let degrees = d.degrees();
    let radius: Vec<f32> = degrees.iter().map(|&n| node_radius(n)).collect();
    let focus = match (input.selection, input.spotlight) {
        (Selection::None, Some(spot)) => Focus::spotlight(d, spot),
        _ => Focus::of(d, input.selection),
    };
    let (mut edges, mut fans) = edges(input, &focus, &radius);
    // Faded first, highlighted last and the hovered line on top of all; stable within groups.
    // With nothing selected or hovered they are in order already, and a large map's lines
    // need not be moved twice.
    if !edges.is_sorted_by_key(|e| (e.emphasis, e.halo)) {
        let mut paired: Vec<(EdgeShape, FanSlot)> = edges.into_iter().zip(fans).collect();
        paired.sort_by_key(|(e, _)| (e.emphasis, e.halo));
        (edges, fans) = paired.into_iter().unzip();
    }
    // An actor whose every line is filtered away fades: it is still there, but not in play.
    let mut has_line = vec![false; d.actors.len()];
    for e in &edges {
        let rel = &d.relations[e.relation];
        has_line[rel.source] = true;
        has_line[rel.target] = true;
    }
    let shown: Vec<ActorId> = d
        .actors_with_ids()
        .filter(|(a, _)| input.actor_shown(*a))
        .map(|(a, _)| a)
        .collect();
    let nodes: Vec<NodeShape> = shown
        .par_iter()
        .map(|&a| {
            let lineless = degrees[a] > 0 && !has_line[a];
            let focus = if lineless && focus.nodes[a] == Emphasis::Normal {
                Emphasis::Dimmed
            } else {
                focus.nodes[a]
            };
            node_shape(input, a, radius[a], focus)
        })
        .collect();
    let legend = Legend::of(
        d,
        edges.iter().flat_map(|e| e.members.iter().copied()),
        input.style,
    );
    let bounds = bounds(&nodes, &edges);
    let edge_labels = super::line_labels::place(d, &edges, &nodes, input.style, input.line_labels);
    Scene {
        edge_labels,
        edges,
        nodes,
        legend,
        bounds,
        background: input.style.background,
        index: std::sync::OnceLock::new(),
        fans,
    }
}

/// Every shown relation, grouped by unordered actor pair so parallel ones fan out as arcs.
fn edges(input: &SceneInput<'_>, focus: &Focus, radius: &[f32]) -> (Vec<EdgeShape>, Vec<FanSlot>) {
    use rayon::prelude::*;
    let d = input.dataset;
    // A sorted list (pair, relation) is much cheaper than a map on large graphs and as stable.
    let mut order: Vec<Pair> = d
        .relations_with_ids()
        .filter(|(r, _)| input.relation_shown(*r))
        .map(|(r, rel)| ((rel.source.min(rel.target), rel.source.max(rel.target)), r))
        .collect();
    order.sort_unstable();
    let states_tones = d.states_tones();
    // Large maps build their lines in parallel runs of whole pairs, joined in order: the
    // same shapes in the same order as one pass (a map's first frame waited on this).
    let runs = pair_runs(&order, EDGES_PER_RUN);
    let parts: Vec<(Vec<EdgeShape>, Vec<FanSlot>)> = runs
        .par_iter()
        .map(|run| edges_of(input, focus, radius, states_tones, run))
        .collect();
    let mut edges = Vec::with_capacity(order.len());
    let mut fans = Vec::with_capacity(order.len());
    for (e, f) in parts {
        edges.extend(e);
        fans.extend(f);
    }
    (edges, fans)
}

/// A relation with its actor pair (lower id first), the key lines are grouped by.
type Pair = ((ActorId, ActorId), RelationId);

/// Lines per parallel run when building a scene.
const EDGES_PER_RUN: usize = 16_384;

/// `order` cut into runs of about `size`, never splitting a pair.
fn pair_runs(order: &[Pair], size: usize) -> Vec<&[Pair]> {
    let mut runs = Vec::with_capacity(order.len() / size.max(1) + 1);
    let mut rest = order;
    while rest.len() > size {
        let mut cut = size;
        while cut < rest.len() && rest[cut].0 == rest[cut - 1].0 {
            cut += 1;
        }
        let (run, tail) = rest.split_at(cut);
        runs.push(run);
        rest = tail;
    }
    if !rest.is_empty() {
        runs.push(rest);
    }
    runs
}

/// The lines of `run` (whole pairs, sorted), with their fan slots.
fn edges_of(
    input: &SceneInput<'_>,
    focus: &Focus,
    radius: &[f32],
    states_tones: bool,
    run: &[Pair],
) -> (Vec<EdgeShape>, Vec<FanSlot>) {
    let d = input.dataset;
    let spacing = input.style.metrics.arc_spacing;
    let mut edges = Vec::with_capacity(run.len());
    let mut fans = Vec::with_capacity(run.len());
    for chunk in run.chunk_by(|a, b| a.0 == b.0) {
        let (lo, hi) = chunk[0].0;
        let along = input.positions[hi] - input.positions[lo];
        let normal = if along.length_sq() > 1e-6 {
            along.normalized().rot90()
        } else {
            Vec2::Y
        };
        let groups = super::links::groups(d, input.links, chunk.iter().map(|&(_, r)| r));
        let k = groups.len() as f32;
        let spacing = fan_spacing(spacing, along.length(), k);
        for (i, group) in groups.iter().enumerate() {
            let rel = &d.relations[group[0]];
            let bend = (i as f32 - (k - 1.0) / 2.0) * spacing;
            let (src, tgt) = (input.positions[rel.source], input.positions[rel.target]);
            // The apex of a quadratic Bézier sits half-way to its control point.
            let ctrl = src.lerp(tgt, 0.5) + normal * (2.0 * bend);
            let emphasis = group
                .iter()
                .map(|&r| {
                    if input.hovered == Some(Hit::Edge(r)) {
                        Emphasis::Highlighted
                    } else {
                        focus.edges[r]
                    }
                })
                .max()
                .unwrap_or(Emphasis::Normal);
            let shape = if group.len() == 1 {
                edge_shape(input, group[0], ctrl, radius, emphasis, states_tones)
            } else {
                super::links::combined(input, group, ctrl, radius, emphasis, states_tones)
            };
            fans.push(FanSlot {
                lo,
                hi,
                offset: i as f32 - (k - 1.0) / 2.0,
                count: k,
                arrow_width: shape.arrow.map(|_| edge_width(input, group[0], emphasis)),
                ends: Ends::of(input, group[0], radius),
            });
            edges.push(shape);
        }
    }
    (edges, fans)
}

/// Where one drawn line sits in its pair's fan, so a position change can redraw it without
/// grouping the relations again (see [`super::refresh`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FanSlot {
    /// The pair's actors, lower id first: the fan's normal is taken from `lo` to `hi`.
    pub(crate) lo: ActorId,
    pub(crate) hi: ActorId,
    /// Place in the fan, centred on 0 (−1, 0, 1 for three lines).
    pub(crate) offset: f32,
    /// Lines in the fan.
    pub(crate) count: f32,
    /// The width the arrow head is sized by, when the line has one.
    pub(crate) arrow_width: Option<f32>,
    /// The drawn relation's actors (the first member's, for a combined line).
    pub(crate) ends: Ends,
}

/// The control point of a fan's line for the current positions.
pub(super) fn fan_ctrl(input: &SceneInput<'_>, slot: &FanSlot, src: Pos2, tgt: Pos2) -> Pos2 {
    if slot.offset == 0.0 {
        // The middle line of a fan (every single relation): no bend, so no normal to find.
        // Adding a zero offset would give the same point; this skips two square roots.
        return src.lerp(tgt, 0.5);
    }
    let along = input.positions[slot.hi] - input.positions[slot.lo];
    let normal = if along.length_sq() > 1e-6 {
        along.normalized().rot90()
    } else {
        Vec2::Y
    };
    let spacing = fan_spacing(input.style.metrics.arc_spacing, along.length(), slot.count);
    src.lerp(tgt, 0.5) + normal * (2.0 * slot.offset * spacing)
}

/// The gap between neighbouring arcs of a pair with `k` lines of `length`: the style's
/// spacing, narrowed so the whole fan spans at most half the line's length (23 arcs at full
/// spacing would sweep over the middle of the map), but never so close that lines merge.
fn fan_spacing(spacing: f32, length: f32, k: f32) -> f32 {
    if k <= 1.0 {
        return spacing;
    }
    spacing.min((FAN_SPAN * length / (k - 1.0)).max(MIN_ARC_SPACING))
}

/// The widest a fan of parallel arcs gets, as a fraction of its line's length.
const FAN_SPAN: f32 = 0.5;
/// The closest neighbouring arcs get at their apex, in world units.
const MIN_ARC_SPACING: f32 = 9.0;

fn node_shape(input: &SceneInput<'_>, a: ActorId, r: f32, focus: Emphasis) -> NodeShape {
    let style = input.style;
    let m = &style.metrics;
    let actor = &input.dataset.actors[a];
    let center = input.positions[a];
    let emphasis = if input.hovered == Some(Hit::Node(a)) {
        Emphasis::Highlighted
    } else {
        focus
    };
    let fill = match actor.kind {
        ActorKind::State | ActorKind::Unspecified => style.state_fill,
        ActorKind::Organization => style.organization_fill,
        ActorKind::Other(_) => style.other_fill,
    };
    let faded = |c| {
        if emphasis == Emphasis::Dimmed {
            style.dim(c)
        } else {
            c
        }
    };
    let selected = input.selection.has_actor(a);
    let text = display_name(&actor.name);
    let size = style.label_size;
    let width = crate::fonts::text_width(&text, size) + m.label_padding;
    let label_top = center + Vec2::new(0.0, r + m.label_gap);
    let label = Label {
        rect: Rect::from_min_size(
            label_top - Vec2::new(width / 2.0, 0.0),
            Vec2::new(width, size * m.label_line_height),
        ),
        text,
        size,
        color: if emphasis == Emphasis::Dimmed {
            style.dim_text(style.text)
        } else {
            style.text
        },
        plate: style.background.gamma_multiply(m.label_plate_opacity),
    };
    NodeShape {
        actor: a,
        center,
        radius: r,
        form: input.form(a),
        fill: faded(fill),
        stroke: if selected {
            style.highlight
        } else {
            faded(style.node_stroke)
        },
        stroke_width: if selected || emphasis == Emphasis::Highlighted {
            m.node_stroke_highlighted
        } else {
            m.node_stroke
        },
        pin: input
            .pinned
            .get(a.0)
            .copied()
            .unwrap_or(false)
            .then_some(style.pin),
        pin_radius: m.pin_radius,
        emphasis,
        label,
    }
}

pub(super) fn edge_shape(
    input: &SceneInput<'_>,
    r: RelationId,
    ctrl: Pos2,
    radius: &[f32],
    emphasis: Emphasis,
    states_tones: bool,
) -> EdgeShape {
    let style = input.style;
    let rel = &input.dataset.relations[r];
    let evidence = rel.passages.len();
    let width = edge_width(input, r, emphasis);
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
    let dash = if evidence == 0 {
        Dash::Dotted
    } else if draft {
        Dash::ShortDash
    } else {
        Dash::for_tone(rel.tone, states_tones)
    };
    let (curve, arrow) = edge_geometry(input, r, ctrl, radius, rel.directed.then_some(width));
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
    }
}

/// A relation's line width in world units: from its passages (or weight, without evidence),
/// thicker when highlighted; drafts are thin.
fn edge_width(input: &SceneInput<'_>, r: RelationId, emphasis: Emphasis) -> f32 {
    let m = &input.style.metrics;
    let rel = &input.dataset.relations[r];
    let evidence = rel.passages.len();
    // Suggested evidence nobody has reviewed is grey and short-dashed: never mistaken for a
    // finding.
    if crate::model::is_draft_relation(rel) {
        return m.edge_base_width_unevidenced;
    }
    let width = if evidence == 0 {
        m.edge_base_width_unevidenced + rel.weight.clamp(0.0, 16.0).sqrt() * 0.5
    } else {
        m.edge_base_width + m.edge_width_per_sqrt_passage * (evidence as f32).sqrt()
    };
    if emphasis == Emphasis::Highlighted {
        width + m.edge_highlight_extra
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
    radius: &[f32],
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
    fn of(input: &SceneInput<'_>, r: RelationId, radius: &[f32]) -> Self {
        let rel = &input.dataset.relations[r];
        Self {
            source: rel.source,
            target: rel.target,
            source_form: input.form(rel.source),
            target_form: input.form(rel.target),
            source_radius: radius[rel.source],
            target_radius: radius[rel.target],
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
            let dir = -back.normalized();
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

/// What the nodes and their labels cover (`Rect::NOTHING` for none).
pub(super) fn node_bounds(nodes: &[NodeShape]) -> Rect {
    nodes.iter().fold(Rect::NOTHING, |b, n| {
        b.union(NodeForm::bounds(n.center, n.radius))
            .union(n.label.rect)
    })
}

fn bounds(nodes: &[NodeShape], edges: &[EdgeShape]) -> Rect {
    let mut b = node_bounds(nodes);
    for e in edges {
        for p in &e.polyline {
            b.extend_with(*p);
        }
        for p in e.arrow.iter().flatten() {
            b.extend_with(*p);
        }
    }
    if b.is_negative() {
        Rect::from_min_size(Pos2::ZERO, Vec2::splat(1.0))
    } else {
        b
    }
}

/// Long names are cut with an ellipsis so one absurd label cannot blow up the drawing.
pub(crate) fn display_name(name: &str) -> String {
    const MAX_CHARS: usize = 40;
    if name.chars().count() <= MAX_CHARS {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(MAX_CHARS - 1).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::{Pair, pair_runs};
    use crate::model::{ActorId, RelationId};

    #[test]
    fn runs_cover_the_order_and_never_split_a_pair() {
        // Pairs with 1 to 5 parallel relations each, sorted as `edges` sorts them.
        let mut order: Vec<Pair> = Vec::new();
        for p in 0..200 {
            for _ in 0..(p % 5 + 1) {
                let r = RelationId(order.len());
                order.push(((ActorId(p), ActorId(p + 1)), r));
            }
        }
        for size in [1, 3, 7, 64, 10_000] {
            let runs = pair_runs(&order, size);
            let joined: Vec<Pair> = runs.iter().flat_map(|r| r.iter().copied()).collect();
            assert_eq!(joined, order, "size {size}");
            for w in runs.windows(2) {
                let (last, first) = (w[0][w[0].len() - 1], w[1][0]);
                assert_ne!(last.0, first.0, "size {size}: a pair split across runs");
            }
            assert!(runs.iter().all(|r| !r.is_empty()));
            if size >= order.len() {
                assert_eq!(runs.len(), 1);
            }
        }
        assert!(pair_runs(&[], 8).is_empty());
    }
}
