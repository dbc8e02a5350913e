//! The map as plain shapes in world coordinates, built from (model, positions, view state,
//! style). The screen painter, the SVG/PNG exporters and hit-testing all read this one Scene.

mod build;
mod edges;
mod focus;
mod geometry;
mod hit;
mod index;
mod input;
mod line_labels;
mod line_shape;
mod links;
mod readability;
mod refresh;
mod style;

pub use build::build;
pub use focus::Spotlight;
pub use geometry::{Curve, NodeForm, distance_to_polyline};
pub use hit::{CLICK_TOLERANCE_PX, HIT_SLOP_PX, Hit};
pub use input::SceneInput;
pub use line_labels::LineLabels;
pub(crate) use line_labels::cut;
pub use line_shape::UNREPORTED_OPACITY;

pub use readability::{drawn_readability, readable_positions};
pub use style::{MIN_TEXT_CONTRAST, Metrics, Style, Theme, contrast_ratio, lerp};

use egui::{Color32, Pos2, Rect};

use crate::model::{ActorId, Dataset, Dimension, RelationId, Tone};

/// How screen readers (and UI tests) name a relation:
/// "China — Kazakhstan: Energy investment and pipelines, 5 passages".
pub fn relation_label(d: &Dataset, relation: RelationId) -> String {
    let rel = &d.relations[relation];
    let n = rel.passages.len();
    let plural = if n == 1 { "" } else { "s" };
    if rel.is_unlabelled() {
        return match n {
            0 => format!("{}, no evidence", d.relation_endpoints(rel)),
            _ => format!("{}: {n} passage{plural}", d.relation_endpoints(rel)),
        };
    }
    format!(
        "{}: {}, {n} passage{plural}",
        d.relation_endpoints(rel),
        rel.label,
    )
}

/// How screen readers (and UI tests) name a line: a relation's label, or for a combined line
/// "China — Kazakhstan: 6 relations, 23 passages".
pub fn line_label(d: &Dataset, edge: &EdgeShape) -> String {
    if edge.members.len() <= 1 {
        return relation_label(d, edge.relation);
    }
    let rel = &d.relations[edge.relation];
    let passages: usize = edge
        .members
        .iter()
        .map(|&r| d.relations[r].passages.len())
        .sum();
    let same_direction = edge.members.iter().all(|&r| {
        let m = &d.relations[r];
        (m.from, m.to) == (rel.from, rel.to)
    });
    let ends = if same_direction && rel.directed {
        d.relation_endpoints(rel)
    } else {
        format!("{} — {}", d.actors[rel.from].name, d.actors[rel.to].name)
    };
    format!(
        "{ends}: {} relations, {passages} passage{}",
        edge.members.len(),
        if passages == 1 { "" } else { "s" }
    )
}

/// How screen readers (and UI tests) name an actor: "China (state), 12 relations".
pub fn actor_label(d: &Dataset, actor: ActorId, degree: usize) -> String {
    let a = &d.actors[actor];
    format!(
        "{} ({}), {degree} relation{}",
        a.name,
        a.kind.as_str(),
        if degree == 1 { "" } else { "s" }
    )
}

/// Width of the white ring around a pin mark, in world units.
pub const PIN_RING_WIDTH: f32 = 1.5;

/// Corner radius of the plate behind a label, in world units (screen and SVG alike).
pub const LABEL_PLATE_CORNER: f32 = 3.0;

/// What the user has selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// An actor.
    Actor(ActorId),
    /// A relation.
    Relation(RelationId),
    /// Two actors (Ctrl+click the second): the relations between them.
    Pair(ActorId, ActorId),
}

impl Selection {
    /// Whether actor `a` is (one of) the selected actor(s).
    pub fn has_actor(self, a: ActorId) -> bool {
        match self {
            Selection::Actor(s) => s == a,
            Selection::Pair(x, y) => x == a || y == a,
            _ => false,
        }
    }

    /// The selection after Ctrl+click on actor `a`: a selected actor and `a` become a pair;
    /// Ctrl+click on one of a pair leaves the other selected; anything else selects `a`.
    pub fn with_actor_toggled(self, a: ActorId) -> Self {
        match self {
            Selection::Actor(s) if s == a => Selection::None,
            Selection::Actor(s) => Selection::Pair(s, a),
            Selection::Pair(x, y) if x == a => Selection::Actor(y),
            Selection::Pair(x, y) if y == a => Selection::Actor(x),
            Selection::Pair(_, y) => Selection::Pair(y, a),
            _ => Selection::Actor(a),
        }
    }
}

/// How strongly a shape is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Emphasis {
    /// Outside the selection: faded.
    Dimmed,
    /// Ordinary.
    Normal,
    /// Selected, hovered, or touching the selected actor.
    Highlighted,
}

/// Line pattern of a relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dash {
    /// Cooperation.
    Solid,
    /// Tension.
    Dashed,
    /// Mixed.
    DashDot,
    /// No evidence (imported relations without passages).
    Dotted,
    /// Neutral or unstated tone on a map that states tones elsewhere: short, even dashes.
    ShortDash,
}

impl Dash {
    /// Alternating dash and gap lengths for a line of width `w`; empty for solid lines.
    pub fn pattern(self, w: f32) -> Vec<f32> {
        let u = w.max(1.0);
        match self {
            Self::Solid => vec![],
            Self::Dashed => vec![4.0 * u + 4.0, 2.5 * u + 3.0],
            Self::DashDot => vec![4.0 * u + 4.0, 1.5 * u + 3.0, u + 1.0, 1.5 * u + 3.0],
            Self::Dotted => vec![u + 1.0, 2.0 * u + 2.0],
            Self::ShortDash => vec![1.5 * u + 2.5, 1.5 * u + 2.5],
        }
    }

    /// The pattern used for a tone. `map_states_tones` says whether the map gives any
    /// relation a tone: if it does, a neutral or unstated tone gets its own pattern so it is
    /// never read as cooperation; plain graphs without tones keep plain lines.
    pub fn for_tone(tone: Tone, map_states_tones: bool) -> Self {
        match tone {
            Tone::Cooperation => Self::Solid,
            Tone::Unspecified if map_states_tones => Self::ShortDash,
            Tone::Unspecified => Self::Solid,
            Tone::Tension => Self::Dashed,
            Tone::Mixed => Self::DashDot,
        }
    }
}

/// A text label with the opaque-ish plate behind it that keeps it readable over lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The text.
    pub text: String,
    /// Baseline-independent box: text is centred in it horizontally, top-aligned.
    pub rect: Rect,
    /// Font size in world units.
    pub size: f32,
    /// Text colour.
    pub color: Color32,
    /// Plate colour (translucent background).
    pub plate: Color32,
}

/// A relation's label laid along its line.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeLabel {
    /// The line's relation (the first, for a combined line).
    pub relation: RelationId,
    /// The text.
    pub text: String,
    /// Centre of the text box, on the line, in world units.
    pub center: Pos2,
    /// Rotation in radians (clockwise, y down), kept between −90° and 90° so it reads upright.
    pub angle: f32,
    /// Font size in world units.
    pub size: f32,
    /// Box width and height in world units.
    pub width: f32,
    /// Box height.
    pub height: f32,
    /// Text colour.
    pub color: Color32,
    /// Plate behind the text.
    pub plate: Color32,
}

/// One actor.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeShape {
    /// The actor drawn.
    pub actor: ActorId,
    /// Centre in world units.
    pub center: Pos2,
    /// Radius (half side for squares) in world units.
    pub radius: f32,
    /// Outline.
    pub form: NodeForm,
    /// Fill colour.
    pub fill: Color32,
    /// Outline colour.
    pub stroke: Color32,
    /// Outline width in world units.
    pub stroke_width: f32,
    /// Colour of the pin mark if the user has pinned the node by dragging it.
    pub pin: Option<Color32>,
    /// Radius of the pin mark in world units.
    pub pin_radius: f32,
    /// How strongly to draw it.
    pub emphasis: Emphasis,
    /// Name label under the node.
    pub label: Label,
}

impl NodeShape {
    /// Where the pin mark sits (world units) and its radius: top-right of the node. The egui
    /// painter and the SVG writer both draw it from here.
    pub fn pin_mark(&self) -> (Pos2, f32) {
        let offset = self.radius * std::f32::consts::FRAC_1_SQRT_2;
        (
            self.center + egui::Vec2::new(offset, -offset),
            self.pin_radius,
        )
    }

    /// The four corners of a diamond node (top, right, bottom, left), in world units.
    pub fn diamond(&self) -> [Pos2; 4] {
        geometry::diamond(self.center, self.radius)
    }
}

/// One relation.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeShape {
    /// The relation drawn (the first of [`EdgeShape::members`] when lines are combined).
    pub relation: RelationId,
    /// Every relation this line stands for: just [`EdgeShape::relation`] with one line per
    /// relation; all of a pair's (or a direction's) relations when combined.
    pub members: Vec<RelationId>,
    /// The number printed on the line: how many relations a combined line stands for, or a
    /// parallel line's row in the pair's list.
    pub badge: Option<Badge>,
    /// The drawn curve, ending at node borders.
    pub curve: Curve,
    /// [`EdgeShape::curve`] flattened, for egui and hit-testing.
    pub polyline: Vec<Pos2>,
    /// Line width in world units.
    pub width: f32,
    /// Line colour (the dimension's).
    pub color: Color32,
    /// Line pattern (the tone's).
    pub dash: Dash,
    /// Arrow head triangle (tip first) for directed relations.
    pub arrow: Option<[Pos2; 3]>,
    /// How strongly to draw it.
    pub emphasis: Emphasis,
    /// Drawn with a halo under it: the relation hovered here or in a list.
    pub halo: bool,
    /// How its evidence stands: one line, a double line (corroborated) or a thin hollow one
    /// (weak evidence only).
    pub backing: Backing,
    /// How it is marked when the map draws a comparison; `None` otherwise (and for a line
    /// combining several relations).
    pub change: Option<ChangeMark>,
}

/// How a line is marked in a comparison of two maps (or of one map at two dates).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ChangeMark {
    /// Only in the second map: a coloured band runs under it.
    Added {
        /// The band's colour.
        band: Color32,
    },
    /// Only in the first map: drawn as a ghost (see [`REMOVED_OPACITY`]).
    Removed,
    /// In both, but its tone, direction or evidence differ: its first half is drawn as it
    /// was (pattern and width), its second half as it is, so "before → after" reads along it.
    Changed {
        /// What it was.
        was: crate::model::Was,
        /// The first half's pattern (the old tone's).
        dash: Dash,
        /// The first half's width (from the old passage count).
        width: f32,
    },
}

/// How opaque a relation the second map no longer has is drawn.
pub const REMOVED_OPACITY: f32 = 0.3;

/// How opaque the "before" half of a changed line is drawn beside its "after" half.
pub const WAS_OPACITY: f32 = 0.6;

/// How a relation's evidence stands, drawn in its line's strands so confidence reads at a
/// glance: the grade and corroboration of its passages ([`crate::model::Grade`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Backing {
    /// One line: the ordinary case (one source, or nothing graded weak).
    #[default]
    Single,
    /// A double line: two or more distinct sources back it.
    Corroborated,
    /// A thin hollow line: every passage is graded weak (E/F or 5/6).
    Weak,
}

impl Backing {
    /// How `rel`'s evidence stands: corroborated by two or more sources, resting only on
    /// passages graded weak, or neither. Drafts and lines without evidence are plain.
    pub fn of(d: &crate::model::Dataset, rel: &crate::model::Relation) -> Self {
        if rel.passages.is_empty() || crate::model::is_draft_relation(rel) {
            Self::Single
        } else if rel.passages.iter().all(|p| d.grade(p).is_weak()) {
            Self::Weak
        } else if d.corroboration(rel) >= 2 {
            Self::Corroborated
        } else {
            Self::Single
        }
    }

    /// Offset of each strand from the centre line and its width, as fractions of the line's
    /// width; `None` for a single line.
    pub fn strands(self) -> Option<(f32, f32)> {
        match self {
            Self::Single => None,
            Self::Corroborated => Some((0.34, 0.32)),
            Self::Weak => Some((0.42, 0.2)),
        }
    }
}

impl EdgeShape {
    /// The line's strands in world units, when it is drawn as two (see [`Backing`]): each
    /// strand's points and stroke width.
    pub fn strands(&self) -> Option<[(Vec<Pos2>, f32); 2]> {
        let (offset, width) = self.backing.strands()?;
        let by = self.width * offset;
        let main = self.main_line();
        Some([-by, by].map(|d| (geometry::offset_polyline(&main, d), self.width * width)))
    }

    /// The points drawn in the line's own style: all of it, or a changed line's second half.
    pub fn main_line(&self) -> std::borrow::Cow<'_, [Pos2]> {
        match self.change {
            Some(ChangeMark::Changed { .. }) => std::borrow::Cow::Owned(self.halves().1),
            _ => std::borrow::Cow::Borrowed(&self.polyline),
        }
    }

    /// A changed line's first half as it was: its points, width, pattern and colour.
    pub fn was_line(&self) -> Option<(Vec<Pos2>, f32, Dash, Color32)> {
        match self.change {
            Some(ChangeMark::Changed { dash, width, .. }) => Some((
                self.halves().0,
                width,
                dash,
                self.color.gamma_multiply(WAS_OPACITY),
            )),
            _ => None,
        }
    }

    /// The line cut at its middle, both halves sharing the middle point.
    fn halves(&self) -> (Vec<Pos2>, Vec<Pos2>) {
        if self.polyline.len() < 3 {
            let middle = self.curve.point(0.5);
            let (first, last) = (self.curve.from, self.curve.to);
            let first = self.polyline.first().copied().unwrap_or(first);
            let last = self.polyline.last().copied().unwrap_or(last);
            return (vec![first, middle], vec![middle, last]);
        }
        let mid = self.polyline.len() / 2;
        (
            self.polyline[..=mid].to_vec(),
            self.polyline[mid..].to_vec(),
        )
    }
}

/// A number printed on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Badge {
    /// A combined line: how many relations it stands for (drawn in a circle).
    Count(usize),
    /// In a pair's view, one of several parallel lines: its number in the side panel's list
    /// of the pair's relations (drawn in a square, so it is not read as a count).
    Row(usize),
}

impl Badge {
    /// The number as printed.
    pub fn text(self) -> String {
        match self {
            Self::Count(n) | Self::Row(n) => n.to_string(),
        }
    }
}

/// How many lines a pair of actors gets, as i2 Analyst's Notebook offers.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum LinkMode {
    /// One line per relation, parallel ones fanned out as arcs.
    #[default]
    Relation,
    /// One line per actor pair: width from all its passages, a count badge.
    Pair,
    /// One line per direction (source → target) of a pair.
    Direction,
}

impl LinkMode {
    /// Every mode, in menu order.
    pub const ALL: [LinkMode; 3] = [Self::Relation, Self::Pair, Self::Direction];

    /// The name used in menus and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Relation => "relation",
            Self::Pair => "pair",
            Self::Direction => "direction",
        }
    }
}

/// One legend entry, listing only what is actually drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    /// Dimensions shown, in legend order, with their colours.
    pub dimensions: Vec<(Dimension, Color32)>,
    /// Tones shown, in legend order, with their patterns.
    pub tones: Vec<(Tone, Dash)>,
    /// Whether any relation without evidence is shown.
    pub no_evidence: bool,
    /// Whether any draft relation (suggested evidence not yet reviewed) is shown.
    pub drafts: bool,
    /// Whether any relation resting only on forecasts and aims is shown (drawn faint).
    pub unreported: bool,
    /// Whether any corroborated relation (2+ sources) is shown (a double line).
    pub corroborated: bool,
    /// Whether any relation resting only on weak evidence is shown (a thin hollow line).
    pub weak: bool,
    /// Which comparison marks are drawn: added, removed, changed (all false outside a
    /// comparison).
    pub changes: [bool; 3],
}

/// The whole map as shapes, in paint order (edges, then nodes, then labels).
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Relations, faded ones first so highlighted ones paint on top.
    pub edges: Vec<EdgeShape>,
    /// Labels along lines (see [`LineLabels`]), painted above lines, under nodes.
    pub edge_labels: Vec<EdgeLabel>,
    /// Actors.
    pub nodes: Vec<NodeShape>,
    /// What the legend should list.
    pub legend: Legend,
    /// Union of everything drawn, in world units.
    pub bounds: Rect,
    /// Background colour.
    pub background: Color32,
    /// Spatial index for hit-testing, built on first use.
    pub(crate) index: std::sync::OnceLock<SceneIndex>,
    /// Each edge's place in its pair's fan (same order as `edges`), so [`Scene::refresh`] can
    /// redraw lines for new positions without regrouping. Empty for hand-made scenes.
    pub(crate) fans: Vec<edges::FanSlot>,
}

/// Grids over node and edge boxes (see [`index::GridIndex`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SceneIndex {
    pub(crate) nodes: index::GridIndex,
    pub(crate) edges: index::GridIndex,
    /// Widest reach of any edge beyond its centre line (half width plus arrow head).
    pub(crate) edge_reach: f32,
}

impl Scene {
    /// The node shape of actor `actor`, if drawn.
    pub fn node(&self, actor: ActorId) -> Option<&NodeShape> {
        self.nodes.iter().find(|n| n.actor == actor)
    }

    /// The edge shape of relation `relation`, if drawn.
    pub fn edge(&self, relation: RelationId) -> Option<&EdgeShape> {
        self.edges.iter().find(|e| e.relation == relation)
    }

    /// The line that draws `relation`, combined or not.
    pub fn edge_drawing(&self, relation: RelationId) -> Option<&EdgeShape> {
        self.edges.iter().find(|e| e.members.contains(&relation))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_click_builds_a_pair_and_takes_it_apart() {
        let (a, b, c) = (ActorId(0), ActorId(1), ActorId(2));
        assert_eq!(Selection::None.with_actor_toggled(a), Selection::Actor(a));
        assert_eq!(
            Selection::Actor(a).with_actor_toggled(b),
            Selection::Pair(a, b)
        );
        assert_eq!(
            Selection::Pair(a, b).with_actor_toggled(a),
            Selection::Actor(b)
        );
        assert_eq!(
            Selection::Pair(a, b).with_actor_toggled(c),
            Selection::Pair(b, c)
        );
        assert_eq!(Selection::Actor(a).with_actor_toggled(a), Selection::None);
        assert!(Selection::Pair(a, b).has_actor(b) && !Selection::Pair(a, b).has_actor(c));
    }
}
