//! The open map: the document (dataset, positions, pins), what the user looks at (selection,
//! view, filters, panels), and the one place it changes: [`MapState::apply`].
//!
//! This module sits below `ui` and knows nothing of the eframe shell: `ui` reads a
//! [`MapState`] and returns [`Command`]s, the shell (`app`) owns the state and applies them.
//! A running relaxation lives outside the state in a [`LayoutRun`], so `apply` stays a pure
//! function of state and command.

mod apply;
mod command;
mod counts;
mod doc;
mod doc_edits;
mod drafts;
mod filters;
mod history;
mod keynav;
mod layout_run;
mod live;
mod prefs;
mod saved;
mod scene_cache;
mod sources;
mod view;

pub use command::{
    ArticleCommand, Command, EditCommand, FileCommand, FilterCommand, MapToAdopt, SelectCommand,
    ViewCommand,
};
pub use counts::ShownCounts;
pub use doc::{
    ActorFields, DocCommand, EvidenceTarget, MapToMerge, PassageFields, RelationFields, slug,
};
pub use filters::{Filters, FocusMode};
pub use keynav::{KeyFocus, KeyStep};
pub use layout_run::{LayoutRequest, LayoutRun};
pub use live::LiveLayout;
pub use prefs::Prefs;
pub use saved::{SavedActor, SavedLayout};
pub use view::{View, ZOOM_RANGE};

use egui::{Pos2, Rect};

use crate::layout;
use crate::model::{ActorId, Dataset, PassageId, RelationId};
use crate::scene::{Hit, Scene, Selection, Theme};

/// Width kept free for the legend when fitting the map to the canvas, in points.
const LEGEND_ROOM: f32 = 170.0;

/// How many edits Ctrl+Z can undo.
const UNDO_DEPTH: usize = 200;

/// About how many bytes the undo and redo history may hold together. The latest step is
/// always kept, so one edit of a map larger than this can still be undone.
const UNDO_BYTES: usize = 256 * 1024 * 1024;

/// One node's move, reversible.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Move {
    actor: ActorId,
    from: Pos2,
    to: Pos2,
    pinned_before: bool,
    pinned_after: bool,
}

/// The passage the article view should show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArticleFocus {
    /// The passage.
    pub passage: PassageId,
    /// Set when the view should scroll to the passage on its next frame.
    pub scroll_pending: bool,
}

/// One undoable step: node moves (recorded as moves), an edit of fields in place (recorded as
/// the command putting the old fields back) or an edit reshaping ids (recorded as the
/// document before it).
#[derive(Clone, Debug)]
enum Edit {
    Moves(Vec<Move>),
    InPlace {
        /// The edit that reverses it.
        undo: doc::DocCommand,
        /// The document's revision on the other side of it.
        revision: u64,
    },
    Document(Box<doc::DocSnapshot>),
}

impl Edit {
    /// About how many bytes the step holds, for the history's cap.
    fn approx_bytes(&self) -> usize {
        match self {
            Self::Moves(moves) => moves.len() * std::mem::size_of::<Move>(),
            Self::InPlace { .. } => 256,
            Self::Document(snapshot) => snapshot.approx_bytes(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    actor: ActorId,
    from: Pos2,
    pinned_before: bool,
}

/// The state of one open map.
pub struct MapState {
    /// The dataset shown.
    pub dataset: Dataset,
    /// Actor positions in world units, indexed by [`ActorId`].
    pub positions: Vec<Pos2>,
    /// The layout "Reset layout" returns to.
    pub default_positions: Vec<Pos2>,
    /// Which actors the user pinned by dragging.
    pub pinned: Vec<bool>,
    /// Current selection.
    pub selection: Selection,
    /// What the pointer is over on the canvas.
    pub hovered: Option<Hit>,
    /// What the pointer is over elsewhere (a panel row, a search result, a chronology dot, an
    /// article highlight), highlighted on the map too.
    pub linked_hover: Option<Hit>,
    /// Where the keyboard is on the map (Tab, ←/→).
    pub key_focus: KeyFocus,
    /// Pan and zoom.
    pub view: View,
    /// One line per relation, per pair or per direction (saved with the dataset's layout).
    pub links: crate::scene::LinkMode,
    /// The view follows the map: it is fitted again whenever the canvas changes size, until
    /// the user pans or zooms. (The canvas size is known only while painting.)
    pub auto_fit: bool,
    /// The canvas rectangle the view was last fitted to.
    pub fitted_for: Option<Rect>,
    /// Where the camera comes from when a re-fit is animated (see [`MapState::view_shown`]).
    pub fit_from: Option<View>,
    /// Counts animated re-fits; the canvas times each one from the moment this changes.
    pub fit_generation: u64,
    /// The next fit is a re-fit the user caused (filters, focus, F), so it is animated.
    animate_next_fit: bool,
    /// Preferences that outlive the map (theme, panels); persisted by the shell.
    pub prefs: Prefs,
    /// The operating system's theme, used while `prefs.theme` is `None`.
    pub system_theme: Theme,
    /// Whether the article window is open.
    pub article_open: bool,
    /// What the merge being applied did; [`MapState::apply`] hands it back as its
    /// [`Outcome`] and leaves `None`.
    last_merge: Option<crate::model::MergeReport>,
    /// Which source the article window shows (its tab).
    pub article_source: crate::model::SourceId,
    /// The passage highlighted in the article window.
    pub article_focus: Option<ArticleFocus>,
    /// Active filters.
    pub filters: Filters,
    /// Search text (Ctrl+F).
    pub search: String,
    /// The search result picked with ↑/↓ (index into the results), if any.
    pub search_pick: Option<usize>,
    /// Article view: underline actor mentions.
    pub article_underline_actors: bool,
    /// Article view: show only uncited paragraphs.
    pub article_uncited_only: bool,
    /// Article view: selecting text to quote, rather than reading.
    pub article_authoring: bool,
    /// Article view: the selected text (byte range), if any.
    pub article_selection: Option<crate::model::TextRange>,
    /// The relaxation the map wants (see [`LayoutRun`]).
    pub layout_request: LayoutRequest,
    drag: Option<Drag>,
    /// The last scene built for the canvas and the inputs it was built from. Pan and zoom do
    /// not change the scene (it is in world coordinates), so they reuse it.
    scene_cache: std::cell::RefCell<Option<CachedScene>>,
    /// The status line's counts and the key they were counted for (see `counts.rs`).
    counts_cache: std::cell::RefCell<Option<(u64, ShownCounts)>>,
    /// The side panel's most connected actors, for (revision, how many).
    most_connected_cache: std::cell::RefCell<Option<counts::MostConnected>>,
    /// Relations per actor, for the revision they were counted at.
    degrees_cache: std::cell::RefCell<Option<(u64, std::sync::Arc<[usize]>)>>,
    /// Drafts to review and the chronology's years, for the revision they were counted at.
    passage_facts_cache: std::cell::RefCell<Option<(u64, counts::PassageFacts)>>,
    /// The legend's rows and the key they were worked out for.
    legend_cache: std::cell::RefCell<Option<(u64, crate::scene::Legend)>>,
    /// Identifies the document's content: every edit gets a new number, undo puts the old
    /// one back, so "unsaved" is simply `revision != saved_revision`.
    pub revision: u64,
    /// The revision last written to (or read from) the file.
    pub saved_revision: u64,
    next_revision: u64,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

/// What applying a command has to tell its caller besides the new state.
#[derive(Debug, Default, PartialEq)]
pub enum Outcome {
    /// Done (or nothing to do).
    #[default]
    Done,
    /// A map was merged in: what was matched and added.
    Merged(crate::model::MergeReport),
}

/// Actors plus relations above which pointer hover is not drawn into the scene and re-fits
/// jump instead of gliding.
const HOVER_EMPHASIS_MAX_ITEMS: usize = 50_000;

/// The last scene drawn, with what it was built from: `key` for everything but positions.
#[derive(Debug)]
struct CachedScene {
    key: u64,
    /// The positions it shows (a copy: see `scene_cache::same_bits`).
    positions: Vec<egui::Pos2>,
    scene: std::sync::Arc<Scene>,
    /// What the scene was built from besides positions, kept so a refresh need not
    /// recompute them (on a large map each is a pass over every actor or relation).
    visible_actors: Vec<bool>,
    visible_relations: Vec<bool>,
    spotlight: Option<crate::scene::Spotlight>,
}

impl MapState {
    /// A fresh state for `dataset` with its default layout and default preferences.
    pub fn new(dataset: Dataset) -> Self {
        let positions = crate::scene::readable_positions(&dataset, 0, &mut |_| {});
        Self::with_layout(dataset, positions, Prefs::default())
    }

    /// A fresh state for `dataset` whose default layout was computed elsewhere (off the UI
    /// thread for large files). `default_positions` must be indexed like the actors.
    pub fn with_layout(dataset: Dataset, mut default_positions: Vec<Pos2>, prefs: Prefs) -> Self {
        let n = dataset.actors.len();
        default_positions.resize(n, layout::WORLD.center());
        Self {
            positions: default_positions.clone(),
            default_positions,
            pinned: vec![false; n],
            dataset,
            selection: Selection::None,
            hovered: None,
            linked_hover: None,
            view: View::default(),
            key_focus: KeyFocus::default(),
            links: crate::scene::LinkMode::Relation,
            auto_fit: true,
            fitted_for: None,
            fit_from: None,
            fit_generation: 0,
            animate_next_fit: false,
            prefs,
            system_theme: Theme::Light,
            article_open: false,
            last_merge: None,
            article_source: crate::model::SourceId(0),
            article_focus: None,
            filters: Filters::default(),
            search: String::new(),
            search_pick: None,
            article_underline_actors: false,
            article_uncited_only: false,
            article_authoring: false,
            article_selection: None,
            layout_request: LayoutRequest::default(),
            drag: None,
            scene_cache: std::cell::RefCell::new(None),
            counts_cache: std::cell::RefCell::new(None),
            most_connected_cache: std::cell::RefCell::new(None),
            legend_cache: std::cell::RefCell::new(None),
            degrees_cache: std::cell::RefCell::new(None),
            passage_facts_cache: std::cell::RefCell::new(None),
            revision: 0,
            saved_revision: 0,
            next_revision: 0,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// The theme in effect: the user's choice, or the system's when following it.
    pub fn theme(&self) -> Theme {
        self.prefs.theme.unwrap_or(self.system_theme)
    }

    /// Which actors are drawn (secondary actors and the actor focus), indexed by [`ActorId`].
    pub fn visible_actors(&self) -> Vec<bool> {
        self.dataset
            .actors_with_ids()
            .map(|(i, a)| {
                (self.prefs.show_secondary || !a.secondary)
                    && self.filters.keeps_actor(&self.dataset, i)
            })
            .collect()
    }

    /// Which relations are drawn: both ends visible and every filter passed.
    pub fn visible_relations(&self) -> Vec<bool> {
        self.visible_relations_among(&self.visible_actors())
    }

    /// [`Self::visible_relations`] given [`Self::visible_actors`] already computed.
    pub fn visible_relations_among(&self, actors: &[bool]) -> Vec<bool> {
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
            .map(|a| self.prefs.show_secondary || !a.secondary)
            .collect();
        let shown_without_filters = self
            .dataset
            .relations
            .iter()
            .filter(|r| actors[r.source] && actors[r.target])
            .count();
        shown_without_filters - self.visible_relations().iter().filter(|v| **v).count()
    }

    /// How many shown relations the year range alone hides.
    pub fn hidden_by_years(&self) -> usize {
        let Some(years) = self.filters.years else {
            return 0;
        };
        let without = Filters {
            years: None,
            ..self.filters.clone()
        };
        let in_range = Filters {
            years: Some(years),
            ..Filters::default()
        };
        self.dataset
            .relations
            .iter()
            .filter(|r| without.keeps(&self.dataset, r) && !in_range.keeps(&self.dataset, r))
            .count()
    }

    /// Where the dragged node was when the drag began.
    pub fn drag_from(&self) -> Option<Pos2> {
        self.drag.map(|d| d.from)
    }

    /// The node being dragged, if any.
    pub fn dragged(&self) -> Option<ActorId> {
        self.drag.map(|d| d.actor)
    }

    /// Whether the document has edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Whether there is a move to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone move to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What the map highlights as hovered: the canvas's own hover, else a linked one.
    pub fn hover_shown(&self) -> Option<Hit> {
        // On a very large map the pointer crossing nodes would rebuild the whole scene at every
        // step (hundreds of ms at 100,000 actors); the tooltip still names what is under it,
        // and keyboard focus is still lit.
        let pointer = if self.is_very_large() {
            None
        } else {
            self.hovered.or(self.linked_hover)
        };
        pointer.or_else(|| self.key_lit())
    }

    /// Whether the map is so large (over 50,000 actors plus relations) that frames take long
    /// enough for hover emphasis and animated re-fits to cost more than they show.
    pub fn is_very_large(&self) -> bool {
        self.dataset.actors.len() + self.dataset.relations.len() > HOVER_EMPHASIS_MAX_ITEMS
    }

    /// Whether actor `a` is pinned.
    pub fn is_pinned(&self, a: ActorId) -> bool {
        self.pinned.get(a.0).copied().unwrap_or(false)
    }

    /// The view to draw (and hit-test) with `progress` (0…1) of the current re-fit animation
    /// done: the fitted view itself once the animation ends or when there is none.
    pub fn view_shown(&self, progress: f32) -> View {
        match self.fit_from {
            Some(from) if progress < 1.0 => {
                // Ease in and out so the camera neither jerks off nor stops abruptly.
                let t = progress * progress * (3.0 - 2.0 * progress);
                from.toward(&self.view, t)
            }
            _ => self.view,
        }
    }

    /// Whether the canvas at `canvas` needs a (re)fit now. Never during a drag: the camera
    /// stays put while the user moves a node.
    pub fn needs_fit(&self, canvas: Rect) -> bool {
        self.auto_fit && self.fitted_for != Some(canvas) && self.drag.is_none()
    }

    /// Whether a relaxation is wanted and not yet settled (the shell repaints until it is).
    pub fn layout_running(&self) -> bool {
        self.layout_request.wanted
    }

    /// Whether the map was laid out by the force simulation (some actor has no given position),
    /// so moving one actor lets the others relax around it.
    pub fn force_laid_out(&self) -> bool {
        self.dataset.actors.iter().any(|a| a.position.is_none())
    }

    /// The relation to print as an evidence card in exports: the selected one, if any.
    pub fn selected_relation(&self) -> Option<RelationId> {
        match self.selection {
            Selection::Relation(r) => Some(r),
            _ => None,
        }
    }

    /// `sel` if it names something currently shown, else no selection.
    pub(super) fn valid_selection(&self, sel: Selection) -> Selection {
        let ok = match sel {
            Selection::None => true,
            Selection::Actor(a) => self.visible_actors().get(a.0).copied().unwrap_or(false),
            Selection::Relation(r) => self.visible_relations().get(r.0).copied().unwrap_or(false),
            Selection::Pair(a, b) => {
                let shown = self.visible_actors();
                a != b
                    && shown.get(a.0).copied().unwrap_or(false)
                    && shown.get(b.0).copied().unwrap_or(false)
            }
        };
        if ok { sel } else { Selection::None }
    }
}
