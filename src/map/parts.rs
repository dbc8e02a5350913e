//! The named parts [`super::MapState`] is made of, each with one job. `apply` (in
//! `apply.rs`) is still the only writer of every one of them.

use egui::{Pos2, Rect};

use super::filters::Filters;
use super::keynav::KeyFocus;
use super::layout_run::LayoutRequest;
use super::view::View;
use super::{ArticleFocus, Drag, Edit};
use crate::model::{Dataset, PerActor, SourceId, TextRange};
use crate::scene::{Hit, LineLabels, LinkMode, Selection};

/// The document: what Save writes, and whether it has been.
pub struct Document {
    /// The dataset shown (its evidence warnings in `dataset.warnings`).
    pub dataset: Dataset,
    /// Identifies the document's content: every edit gets a new number, undo puts the old
    /// one back, so "unsaved" is simply `revision != saved_revision`.
    pub revision: u64,
    /// The revision last written to (or read from) the file.
    pub saved_revision: u64,
    /// The number the next edit gets.
    pub(super) next_revision: u64,
}

/// Where the actors are: positions, the layout Reset returns to, pins, a drag under way and
/// the relaxation wanted.
pub struct Placement {
    /// Actor positions in world units, indexed by [`crate::model::ActorId`].
    pub positions: PerActor<Pos2>,
    /// The layout "Reset layout" returns to.
    pub default_positions: PerActor<Pos2>,
    /// Which actors the user pinned by dragging.
    pub pinned: PerActor<bool>,
    /// The relaxation the map wants (see [`super::LayoutRun`]).
    pub layout_request: LayoutRequest,
    /// The node being dragged, where from.
    pub(super) drag: Option<Drag>,
}

/// Undo and redo.
#[derive(Default)]
pub(super) struct History {
    /// Steps Ctrl+Z takes back, oldest first.
    pub(super) undo: Vec<Edit>,
    /// Steps undone, which Ctrl+Shift+Z does again.
    pub(super) redo: Vec<Edit>,
    /// What the undo steps hold, about, in bytes: kept as a running total, since summing
    /// document snapshots walks each one's dataset.
    pub(super) undo_bytes: usize,
}

/// The camera: pan and zoom, and how the view follows the map.
pub struct Camera {
    /// Pan and zoom.
    pub view: View,
    /// The view follows the map: it is fitted again whenever the canvas changes size, until
    /// the user pans or zooms. (The canvas size is known only while painting.)
    pub auto_fit: bool,
    /// The canvas rectangle the view was last fitted to.
    pub fitted_for: Option<Rect>,
    /// The canvas rectangle last drawn, in screen points.
    pub canvas: Option<Rect>,
    /// Where the camera comes from when a re-fit is animated (see
    /// [`super::MapState::view_shown`]).
    pub fit_from: Option<View>,
    /// Counts animated re-fits; the canvas times each one from the moment this changes.
    pub fit_generation: u64,
    /// The next fit is a re-fit the user caused (filters, focus, F), so it is animated.
    pub(super) animate_next_fit: bool,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            view: View::default(),
            auto_fit: true,
            fitted_for: None,
            canvas: None,
            fit_from: None,
            fit_generation: 0,
            animate_next_fit: false,
        }
    }
}

/// What the user points at: the selection, hover (on the map and linked from elsewhere) and
/// where the keyboard is.
#[derive(Default)]
pub struct Pointing {
    /// Current selection.
    pub selection: Selection,
    /// What the pointer is over on the canvas.
    pub hovered: Option<Hit>,
    /// What the pointer is over elsewhere (a panel row, a search result, a chronology dot, an
    /// article highlight), highlighted on the map too.
    pub linked_hover: Option<Hit>,
    /// Where the keyboard is on the map (Tab, ←/→).
    pub key_focus: KeyFocus,
}

/// How a map is drawn when it opens: the user's last choices, which the app remembers and
/// hands to every map it opens ([`super::MapState::with_layout`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Showing {
    /// Whether secondary actors are drawn.
    pub show_secondary: bool,
    /// Which lines carry their label.
    pub line_labels: LineLabels,
}

/// What the map is narrowed to and how lines are drawn: filters, search, link mode,
/// secondary actors and line labels.
#[derive(Default)]
pub struct Lens {
    /// Active filters.
    pub filters: Filters,
    /// Search text (Ctrl+F).
    pub search: String,
    /// The search result picked with ↑/↓ (index into the results), if any.
    pub search_pick: Option<usize>,
    /// One line per relation, per pair or per direction (saved with the dataset's layout).
    pub links: LinkMode,
    /// Whether secondary actors (mentioned in passing) are drawn. A new map starts with the
    /// user's last choice, which the app remembers.
    pub show_secondary: bool,
    /// Which lines carry their label (a new map starts with the user's last choice).
    pub line_labels: LineLabels,
}

/// The article window: which source it shows, what it highlights, how it reads.
#[derive(Default)]
pub struct ArticleReader {
    /// Whether the article window is open.
    pub open: bool,
    /// Which source the article window shows (its tab).
    pub source: SourceId,
    /// The passage highlighted in the article window.
    pub focus: Option<ArticleFocus>,
    /// Underline actor mentions.
    pub underline_actors: bool,
    /// Show only uncited paragraphs.
    pub uncited_only: bool,
    /// Selecting text to quote, rather than reading.
    pub authoring: bool,
    /// The selected text (byte range), if any.
    pub selection: Option<TextRange>,
}
