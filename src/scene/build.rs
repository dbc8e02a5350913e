//! Building the [`Scene`] from the dataset, positions and view state.

use egui::{Pos2, Rect, Vec2};

use super::edges::{FanSlot, edges};
use super::focus::Focus;
use super::geometry::NodeForm;
use super::input::SceneInput;
use super::{EdgeShape, Emphasis, Hit, Label, Legend, NodeShape, Scene, Selection};
use crate::layout::node_radius;
use crate::model::{ActorId, ActorKind, PerActor};

/// In a pair's view (the pair selected, or the map focused on it), gives each of the pair's
/// own lines its number in the side panel's list of the pair's relations (file order), so
/// two lines of one colour can be told apart and found in the list.
fn number_pair_lines(input: &SceneInput<'_>, edges: &mut [EdgeShape]) {
    let pair = match input.selection {
        Selection::Pair(a, b) => Some((a, b)),
        _ => input.pair_focus,
    };
    let Some((a, b)) = pair else {
        return;
    };
    let rows: Vec<crate::model::RelationId> = input
        .dataset
        .relations_with_ids()
        .filter(|(_, r)| r.joins(a, b))
        .map(|(r, _)| r)
        .collect();
    if rows.len() < 2 {
        return;
    }
    for e in edges.iter_mut().filter(|e| e.members.len() == 1) {
        if let Some(row) = rows.iter().position(|&r| r == e.relation) {
            e.badge = Some(super::Badge::Row(row + 1));
        }
    }
}

/// Builds the scene. Deterministic: the same input gives the same shapes in the same order.
pub fn build(input: &SceneInput<'_>) -> Scene {
    use rayon::prelude::*;
    let d = input.dataset;
    let degrees = d.degrees();
    let radius: PerActor<f32> = degrees.iter().map(|&n| node_radius(n)).collect();
    let focus = match (input.selection, input.spotlight) {
        (Selection::None, Some(spot)) => Focus::spotlight(d, spot),
        _ => Focus::of(d, input.selection),
    };
    let (mut edges, mut fans) = edges(input, &focus, &radius);
    number_pair_lines(input, &mut edges);
    // Faded first, highlighted last and the hovered line on top of all; stable within groups.
    // With nothing selected or hovered they are in order already, and a large map's lines
    // need not be moved twice.
    if !edges.is_sorted_by_key(|e| (e.emphasis, e.halo)) {
        let mut paired: Vec<(EdgeShape, FanSlot)> = edges.into_iter().zip(fans).collect();
        paired.sort_by_key(|(e, _)| (e.emphasis, e.halo));
        (edges, fans) = paired.into_iter().unzip();
    }
    // An actor whose every line is filtered away fades: it is still there, but not in play.
    let mut has_line: PerActor<bool> = vec![false; d.actors.len()].into();
    for e in &edges {
        let rel = &d.relations[e.relation];
        has_line[rel.from] = true;
        has_line[rel.to] = true;
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
        input.changes,
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
            .get(a)
            .copied()
            .unwrap_or(false)
            .then_some(style.pin),
        pin_radius: m.pin_radius,
        emphasis,
        label,
    }
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
