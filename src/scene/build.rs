//! Building the [`Scene`] from the dataset, positions and view state.

use egui::{Pos2, Rect, Vec2};

use super::geometry::{Curve, NodeForm};
use super::{Dash, EdgeShape, Emphasis, Hit, Label, Legend, NodeShape, Scene, Selection, Style};
use crate::layout::node_radius;
use crate::model::{ActorKind, Dataset, Dimension, Tone};

/// Distance between neighbouring parallel arcs at their apex, in world units.
const ARC_SPACING: f32 = 26.0;
/// Segments used to flatten curved edges.
const CURVE_SEGMENTS: usize = 24;
/// Gap between a node and its label.
const LABEL_GAP: f32 = 5.0;

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
    /// Colours and sizes.
    pub style: &'a Style,
}

impl SceneInput<'_> {
    fn actor_shown(&self, i: usize) -> bool {
        self.visible_actors.get(i).copied().unwrap_or(false) && self.positions.get(i).is_some()
    }

    fn relation_shown(&self, r: usize) -> bool {
        let rel = &self.dataset.relations[r];
        self.visible_relations.get(r).copied().unwrap_or(false)
            && self.actor_shown(rel.source)
            && self.actor_shown(rel.target)
    }
}

/// Emphasis of a shape given its index.
type EmphasisFn<'a> = Box<dyn Fn(usize) -> Emphasis + 'a>;

/// Builds the scene. Deterministic: the same input gives the same shapes in the same order.
pub fn build(input: &SceneInput<'_>) -> Scene {
    let d = input.dataset;
    let style = input.style;
    let degrees = d.degrees();
    let radius = |a: usize| node_radius(degrees[a]);
    let form = |a: usize| match d.actors[a].kind {
        ActorKind::State | ActorKind::Unspecified => NodeForm::Circle,
        ActorKind::Organization => NodeForm::RoundedSquare,
        ActorKind::Other(_) => NodeForm::Diamond,
    };

    // Emphasis from the selection (hover is applied on top).
    let (edge_focus, node_focus): (EmphasisFn<'_>, EmphasisFn<'_>) = match input.selection {
        Selection::None => (
            Box::new(|_| Emphasis::Normal),
            Box::new(|_| Emphasis::Normal),
        ),
        Selection::Relation(sel) => (
            Box::new(move |r| {
                if r == sel {
                    Emphasis::Highlighted
                } else {
                    Emphasis::Dimmed
                }
            }),
            Box::new(move |a| {
                let rel = d.relations.get(sel);
                if rel.is_some_and(|rel| rel.source == a || rel.target == a) {
                    Emphasis::Normal
                } else {
                    Emphasis::Dimmed
                }
            }),
        ),
        Selection::Actor(sel) => {
            // Neighbours once, not per node: selection on a 20,000-actor map stays cheap.
            let mut neighbour = vec![false; d.actors.len()];
            for r in &d.relations {
                if r.source == sel {
                    neighbour[r.target] = true;
                }
                if r.target == sel {
                    neighbour[r.source] = true;
                }
            }
            (
                Box::new(move |r| {
                    let rel = &d.relations[r];
                    if rel.source == sel || rel.target == sel {
                        Emphasis::Highlighted
                    } else {
                        Emphasis::Dimmed
                    }
                }),
                Box::new(move |a| {
                    if a == sel {
                        Emphasis::Highlighted
                    } else if neighbour.get(a).copied().unwrap_or(false) {
                        Emphasis::Normal
                    } else {
                        Emphasis::Dimmed
                    }
                }),
            )
        }
    };

    // Group shown relations by unordered actor pair so parallel ones fan out as arcs. A sorted
    // list (pair, relation) is much cheaper than a map on large graphs and just as stable.
    let mut order: Vec<((usize, usize), usize)> = d
        .relations
        .iter()
        .enumerate()
        .filter(|(r, _)| input.relation_shown(*r))
        .map(|(r, rel)| ((rel.source.min(rel.target), rel.source.max(rel.target)), r))
        .collect();
    order.sort_unstable();
    let pairs = order.chunk_by(|a, b| a.0 == b.0).map(|chunk| {
        let rels: Vec<usize> = chunk.iter().map(|(_, r)| *r).collect();
        (chunk[0].0, rels)
    });

    let mut edges = Vec::new();
    for ((lo, hi), rels) in pairs {
        let (p_lo, p_hi) = (input.positions[lo], input.positions[hi]);
        let along = p_hi - p_lo;
        let normal = if along.length_sq() > 1e-6 {
            along.normalized().rot90()
        } else {
            Vec2::Y
        };
        let k = rels.len() as f32;
        for (i, &r) in rels.iter().enumerate() {
            let rel = &d.relations[r];
            let bend = (i as f32 - (k - 1.0) / 2.0) * ARC_SPACING;
            let (src, tgt) = (input.positions[rel.source], input.positions[rel.target]);
            // The apex of a quadratic Bézier sits half-way to its control point.
            let ctrl = src.lerp(tgt, 0.5) + normal * (2.0 * bend);
            let mut emphasis = edge_focus(r);
            if input.hovered == Some(Hit::Edge(r)) {
                emphasis = Emphasis::Highlighted;
            }
            edges.push(edge_shape(
                input, r, src, tgt, ctrl, form, radius, emphasis, style,
            ));
        }
    }
    // Faded first, highlighted last, so the focus paints on top; stable within each group.
    edges.sort_by_key(|e| e.emphasis);

    let mut nodes = Vec::new();
    for (a, actor) in d.actors.iter().enumerate() {
        if !input.actor_shown(a) {
            continue;
        }
        let center = input.positions[a];
        let r = radius(a);
        let mut emphasis = node_focus(a);
        if input.hovered == Some(Hit::Node(a)) && emphasis != Emphasis::Highlighted {
            emphasis = Emphasis::Highlighted;
        }
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
        let selected = input.selection == Selection::Actor(a);
        let text = display_name(&actor.name);
        let size = style.label_size;
        let width = crate::fonts::text_width(&text, size) + 8.0;
        let label_top = center + Vec2::new(0.0, r + LABEL_GAP);
        let label = Label {
            rect: Rect::from_min_size(
                label_top - Vec2::new(width / 2.0, 0.0),
                Vec2::new(width, size * 1.3),
            ),
            text,
            size,
            color: faded(style.text),
            plate: style.background.gamma_multiply(0.94),
        };
        nodes.push(NodeShape {
            actor: a,
            center,
            radius: r,
            form: form(a),
            fill: faded(fill),
            stroke: if selected {
                style.highlight
            } else {
                faded(style.node_stroke)
            },
            stroke_width: if selected || emphasis == Emphasis::Highlighted {
                3.0
            } else {
                1.6
            },
            pin: input
                .pinned
                .get(a)
                .copied()
                .unwrap_or(false)
                .then_some(style.pin),
            emphasis,
            label,
        });
    }

    let legend = legend(input, &edges);
    let bounds = bounds(&nodes, &edges);
    Scene {
        edges,
        nodes,
        legend,
        bounds,
        background: style.background,
        index: std::sync::OnceLock::new(),
    }
}

#[allow(clippy::too_many_arguments)]
fn edge_shape(
    input: &SceneInput<'_>,
    r: usize,
    src: Pos2,
    tgt: Pos2,
    ctrl: Pos2,
    form: impl Fn(usize) -> NodeForm,
    radius: impl Fn(usize) -> f32,
    emphasis: Emphasis,
    style: &Style,
) -> EdgeShape {
    let d = input.dataset;
    let rel = &d.relations[r];
    let evidence = rel.passages.len();
    let mut width = if evidence == 0 {
        1.0 + rel.weight.clamp(0.0, 16.0).sqrt() * 0.5
    } else {
        1.4 + 1.1 * (evidence as f32).sqrt()
    };
    if emphasis == Emphasis::Highlighted {
        width += 1.5;
    }
    let base_color = if evidence == 0 {
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
    } else {
        Dash::for_tone(rel.tone)
    };
    let from = form(rel.source).border_point(src, radius(rel.source), ctrl);
    let mut to = form(rel.target).border_point(tgt, radius(rel.target), ctrl);
    let mut arrow = None;
    if rel.directed {
        let back = ctrl - to;
        if back.length_sq() > 1e-6 {
            let dir = -back.normalized();
            let len = 9.0 + 2.0 * width;
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
    let curve = Curve { from, ctrl, to };
    EdgeShape {
        relation: r,
        polyline: curve.flatten(CURVE_SEGMENTS),
        curve,
        width,
        color,
        dash,
        arrow,
        emphasis,
    }
}

fn legend(input: &SceneInput<'_>, edges: &[EdgeShape]) -> Legend {
    Legend::of(input.dataset, edges.iter().map(|e| e.relation), input.style)
}

impl Legend {
    /// What a legend lists for these relations: their dimensions and tones in legend order,
    /// and whether any has no evidence.
    pub fn of(d: &Dataset, relations: impl Iterator<Item = usize>, style: &Style) -> Self {
        let mut dims: Vec<Dimension> = Vec::new();
        let mut tones: Vec<Tone> = Vec::new();
        let mut no_evidence = false;
        for r in relations {
            let rel = &d.relations[r];
            if rel.passages.is_empty() {
                no_evidence = true;
                continue;
            }
            if !dims.contains(&rel.dimension) {
                dims.push(rel.dimension.clone());
            }
            if !tones.contains(&rel.tone) {
                tones.push(rel.tone);
            }
        }
        dims.sort();
        tones.sort();
        Self {
            dimensions: dims
                .into_iter()
                .map(|dim| {
                    let c = style.dimension_color(&dim);
                    (dim, c)
                })
                .collect(),
            tones: tones.into_iter().map(|t| (t, Dash::for_tone(t))).collect(),
            no_evidence,
        }
    }
}

fn bounds(nodes: &[NodeShape], edges: &[EdgeShape]) -> Rect {
    let mut b = Rect::NOTHING;
    for n in nodes {
        b = b
            .union(NodeForm::bounds(n.center, n.radius))
            .union(n.label.rect);
    }
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
