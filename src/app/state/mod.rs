//! Everything the app shows, and the one place it changes: [`AppState::apply`].

mod apply;
mod history;
mod relax;
mod scene_cache;

use egui::{Pos2, Rect};

use super::filters::Filters;
use super::view::View;
use crate::layout;
use crate::model::Dataset;
use crate::scene::{Hit, Scene, Selection, Theme};

/// Width kept free for the legend when fitting the map to the canvas, in points.
const LEGEND_ROOM: f32 = 170.0;

/// Temperature a relaxation starts at: enough to make room, not to scramble the map.
const RELAX_ALPHA: f32 = 0.25;

/// How many edits Ctrl+Z can undo.
const UNDO_DEPTH: usize = 200;

/// One node's move, reversible.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Move {
    actor: usize,
    from: Pos2,
    to: Pos2,
    pinned_before: bool,
    pinned_after: bool,
}

/// The passage the article view should show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArticleFocus {
    /// Relation index.
    pub relation: usize,
    /// Passage index within the relation.
    pub passage: usize,
    /// Set when the view should scroll to the passage on its next frame.
    pub scroll_pending: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    actor: usize,
    from: Pos2,
    pinned_before: bool,
}

/// The state of one open map.
pub struct AppState {
    /// The dataset shown.
    pub dataset: Dataset,
    /// Actor positions in world units, indexed like `dataset.actors`.
    pub positions: Vec<Pos2>,
    /// The layout "Reset layout" returns to.
    pub default_positions: Vec<Pos2>,
    /// Which actors the user pinned by dragging.
    pub pinned: Vec<bool>,
    /// Current selection.
    pub selection: Selection,
    /// What the pointer is over.
    pub hovered: Option<Hit>,
    /// Pan and zoom.
    pub view: View,
    /// The view follows the map: it is fitted again whenever the canvas changes size, until
    /// the user pans or zooms. (The canvas size is known only while painting.)
    pub auto_fit: bool,
    /// The canvas rectangle the view was last fitted to.
    pub fitted_for: Option<Rect>,
    /// Colour theme.
    pub theme: Theme,
    /// Whether secondary actors are shown.
    pub show_secondary: bool,
    /// Whether the legend is drawn on the canvas.
    pub show_legend: bool,
    /// Whether the evidence side panel is open.
    pub side_panel_open: bool,
    /// Whether the article window is open.
    pub article_open: bool,
    /// The passage highlighted in the article window.
    pub article_focus: Option<ArticleFocus>,
    /// Active filters.
    pub filters: Filters,
    /// Search text (Ctrl+F).
    pub search: String,
    /// Whether the chronology strip is shown.
    pub show_chronology: bool,
    /// Article view: underline actor mentions.
    pub article_underline_actors: bool,
    /// Article view: show only uncited paragraphs.
    pub article_uncited_only: bool,
    drag: Option<Drag>,
    /// A relaxation running after a drag on a force-laid-out map (pinned nodes held).
    live: Option<layout::Simulation>,
    /// The last scene built for the canvas and the inputs it was built from. Pan and zoom do
    /// not change the scene (it is in world coordinates), so they reuse it.
    scene_cache: std::cell::RefCell<Option<(u64, std::sync::Arc<Scene>)>>,
    undo: Vec<Vec<Move>>,
    redo: Vec<Vec<Move>>,
}

impl AppState {
    /// A fresh state for `dataset` with its default layout, fitted to the window.
    pub fn new(dataset: Dataset) -> Self {
        let positions = layout::default_positions(&dataset, 0);
        Self::with_layout(dataset, positions)
    }

    /// A fresh state for `dataset` whose default layout was computed elsewhere (off the UI
    /// thread for large files). `default_positions` must be indexed like the actors.
    pub fn with_layout(dataset: Dataset, mut default_positions: Vec<Pos2>) -> Self {
        let n = dataset.actors.len();
        default_positions.resize(n, layout::WORLD.center());
        Self {
            positions: default_positions.clone(),
            default_positions,
            pinned: vec![false; n],
            dataset,
            selection: Selection::None,
            hovered: None,
            view: View::default(),
            auto_fit: true,
            fitted_for: None,
            theme: Theme::Light,
            show_secondary: false,
            show_legend: true,
            side_panel_open: true,
            article_open: false,
            article_focus: None,
            filters: Filters::default(),
            search: String::new(),
            show_chronology: true,
            article_underline_actors: false,
            article_uncited_only: false,
            drag: None,
            live: None,
            scene_cache: std::cell::RefCell::new(None),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Which actors are drawn (secondary actors and the actor focus).
    pub fn visible_actors(&self) -> Vec<bool> {
        self.dataset
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                (self.show_secondary || !a.secondary) && self.filters.keeps_actor(&self.dataset, i)
            })
            .collect()
    }

    /// Which relations are drawn: both ends visible and every filter passed.
    pub fn visible_relations(&self) -> Vec<bool> {
        let actors = self.visible_actors();
        self.dataset
            .relations
            .iter()
            .map(|r| actors[r.source] && actors[r.target] && self.filters.keeps(&self.dataset, r))
            .collect()
    }

    /// How many relations the filters (not the secondary-actor switch) hide.
    pub fn hidden_by_filters(&self) -> usize {
        let actors: Vec<bool> = self
            .dataset
            .actors
            .iter()
            .map(|a| self.show_secondary || !a.secondary)
            .collect();
        let shown_without_filters = self
            .dataset
            .relations
            .iter()
            .filter(|r| actors[r.source] && actors[r.target])
            .count();
        shown_without_filters - self.visible_relations().iter().filter(|v| **v).count()
    }

    /// Where the dragged node was when the drag began.
    pub fn drag_from(&self) -> Option<Pos2> {
        self.drag.map(|d| d.from)
    }

    /// The node being dragged, if any.
    pub fn dragged(&self) -> Option<usize> {
        self.drag.map(|d| d.actor)
    }

    /// Whether there is a move to undo / redo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone move to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Fits the view on the next frame and keeps following the canvas size.
    fn refit(&mut self) {
        self.auto_fit = true;
        self.fitted_for = None;
    }

    /// Whether the canvas at `canvas` needs a (re)fit now.
    pub fn needs_fit(&self, canvas: Rect) -> bool {
        self.auto_fit && self.fitted_for != Some(canvas)
    }

    fn after_filter_change(&mut self) {
        self.selection = self.valid_selection(self.selection);
        self.hovered = None;
    }

    /// `sel` if it names something currently shown, else no selection.
    fn valid_selection(&self, sel: Selection) -> Selection {
        let ok = match sel {
            Selection::None => true,
            Selection::Actor(a) => self.visible_actors().get(a).copied().unwrap_or(false),
            Selection::Relation(r) => self.visible_relations().get(r).copied().unwrap_or(false),
        };
        if ok { sel } else { Selection::None }
    }
}
