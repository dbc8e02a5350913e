//! The open map: the document (dataset, positions, pins), what the user looks at (selection,
//! view, filters, panels), and the one place it changes: [`MapState::apply`].
//!
//! This module sits below `ui` and knows nothing of the eframe shell: `ui` reads a
//! [`MapState`] and returns [`Command`]s, the shell (`app`) owns the state and applies them.
//! A running relaxation lives outside the state in a [`LayoutRun`], so `apply` stays a pure
//! function of state and command.

mod apply;
mod command;
mod compare;
mod counts;
mod doc;
mod doc_edits;
mod drafts;
mod filters;
mod history;
mod keynav;
mod layout_run;
mod live;
mod parts;
mod saved;
mod scene_cache;
mod sources;
mod story;
mod view;

pub use command::{
    ArticleCommand, Command, EditCommand, FileCommand, FilterCommand, MapToAdopt, SelectCommand,
    ViewCommand,
};
pub use counts::ShownCounts;
pub use doc::{
    ActorFields, DocCommand, EvidenceTarget, MapToMerge, PassageFields, RelationFields, slug,
};
pub use filters::{FilterPass, Filters, FocusMode};
pub use keynav::{KeyFocus, KeyStep};
pub use layout_run::{LayoutRequest, LayoutRun};
pub use live::LiveLayout;
pub use parts::{ArticleReader, Camera, Document, Lens, Placement, Pointing, Showing};
pub use saved::{SavedActor, SavedLayout};
pub use story::{StepText, StoryCommand, StoryView};
pub use view::{View, ZOOM_RANGE};

use egui::{Pos2, Rect};

use crate::layout;
use crate::model::{ActorId, Dataset, PassageId, PerActor, PerRelation, RelationId, TiSlice};
use crate::scene::{Hit, Scene, Selection};

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
        /// The edit that reverses it (boxed: a command is large beside a list of moves).
        undo: Box<doc::DocCommand>,
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

/// The state of one open map, made of named parts, each with one job. [`MapState::apply`]
/// is the only writer of all of them.
pub struct MapState {
    /// The document: dataset, revision, what was saved.
    pub doc: Document,
    /// Where the actors are: positions, defaults, pins, a drag, the relaxation wanted.
    pub place: Placement,
    /// What the user points at: selection, hover, keyboard focus.
    pub pointing: Pointing,
    /// Pan, zoom and fitting.
    pub camera: Camera,
    /// Filters, search and link mode.
    pub lens: Lens,
    /// The article window.
    pub reader: ArticleReader,
    /// What this map compares, when it draws a comparison (read-only: its document is the
    /// union of two maps, see [`crate::model::Comparison`]); `None` for an ordinary map.
    pub compare: Option<std::sync::Arc<crate::model::Comparison>>,
    /// The storyboard's current step and a presentation under way.
    pub story: StoryView,
    /// Undo and redo.
    history: parts::History,
    /// What is remembered between frames until what it depends on changes.
    caches: Caches,
    /// What the command being applied has to tell its caller ([`MapState::apply`] hands it
    /// over and resets it).
    outcome: Outcome,
}

/// What is remembered between frames, each with the key it was computed for (see
/// `counts.rs` and `scene_cache.rs`).
#[derive(Default)]
struct Caches {
    /// The last scene built for the canvas and the inputs it was built from. Pan and zoom do
    /// not change the scene (it is in world coordinates), so they reuse it.
    scene: std::cell::RefCell<Option<CachedScene>>,
    /// The status line's counts and the key they were counted for.
    counts: std::cell::RefCell<Option<(u64, ShownCounts)>>,
    /// The side panel's most connected actors, for (revision, how many).
    most_connected: std::cell::RefCell<Option<counts::MostConnected>>,
    /// Weighted degrees (none without weights), for the revision they were summed at.
    strengths: std::cell::RefCell<Option<(u64, Option<Strengths>)>>,
    /// Whether any relation states a tone, for the revision it was checked at.
    states_tones: std::cell::RefCell<Option<(u64, bool)>>,
    /// Relations per actor, for the revision they were counted at.
    degrees: std::cell::RefCell<Option<(u64, std::sync::Arc<PerActor<usize>>)>>,
    /// Drafts to review and the chronology's years, for the revision they were counted at.
    passage_facts: std::cell::RefCell<Option<(u64, counts::PassageFacts)>>,
    /// The legend's rows and the key they were worked out for.
    legend: std::cell::RefCell<Option<(u64, crate::scene::Legend)>>,
}

/// What applying a command has to tell its caller besides the new state.
#[derive(Debug, Default, PartialEq)]
pub enum Outcome {
    /// Done (or nothing to do).
    #[default]
    Done,
    /// A map was merged in: what was matched and added.
    Merged(crate::model::MergeReport),
    /// An actor was dragged while a focus or filter hid others. Where the drop would have
    /// covered a hidden actor, it was moved clear (`moved_clear`), so the full map stays
    /// readable; the caller says so and offers the undo.
    MovedWhileNarrowed {
        /// The actor dragged.
        actor: ActorId,
        /// Whether it was put beside where it was dropped, off a hidden actor.
        moved_clear: bool,
    },
    /// An edit of the document was asked of a comparison, which cannot be edited: nothing
    /// changed.
    ReadOnly,
    /// An edit removed what this many storyboard steps named; each step says what it lost.
    StepsTouched(usize),
}

/// Actors plus relations above which pointer hover is not drawn into the scene and re-fits
/// jump instead of gliding.
const HOVER_EMPHASIS_MAX_ITEMS: usize = 50_000;

/// Weighted degrees, shared between the cache and its readers.
type Strengths = std::sync::Arc<PerActor<f32>>;

/// The last scene drawn, with what it was built from: `key` for everything but positions.
#[derive(Debug)]
struct CachedScene {
    key: u64,
    /// The positions it shows (a copy: see `scene_cache::same_bits`).
    positions: PerActor<egui::Pos2>,
    scene: std::sync::Arc<Scene>,
    /// What the scene was built from besides positions, kept so a refresh need not
    /// recompute them (on a large map each is a pass over every actor or relation).
    visible_actors: PerActor<bool>,
    visible_relations: PerRelation<bool>,
    spotlight: Option<crate::scene::Spotlight>,
}

impl MapState {
    /// A fresh state for `dataset` with its default layout and default preferences.
    pub fn new(dataset: Dataset) -> Self {
        let positions = crate::scene::readable_positions(&dataset, 0, &mut |_| {});
        Self::with_layout(dataset, positions, Showing::default())
    }

    /// A fresh state for `dataset` whose default layout was computed elsewhere (off the UI
    /// thread for large files). `default_positions` must be indexed like the actors.
    pub fn with_layout(dataset: Dataset, default_positions: Vec<Pos2>, showing: Showing) -> Self {
        let n = dataset.actors.len();
        let mut default_positions = PerActor::from(default_positions);
        default_positions.resize(n, layout::WORLD.center());
        Self {
            doc: Document {
                dataset,
                revision: 0,
                saved_revision: 0,
                next_revision: 0,
            },
            place: Placement {
                positions: default_positions.clone(),
                default_positions,
                pinned: vec![false; n].into(),
                layout_request: LayoutRequest::default(),
                drag: None,
            },
            pointing: Pointing::default(),
            camera: Camera::default(),
            lens: Lens {
                show_secondary: showing.show_secondary,
                line_labels: showing.line_labels,
                ..Lens::default()
            },
            reader: ArticleReader::default(),
            compare: None,
            story: StoryView::default(),
            history: parts::History::default(),
            caches: Caches::default(),
            outcome: Outcome::Done,
        }
    }

    /// How the map is drawn now (secondary actors, line labels): what the app remembers so
    /// the next map opens the same way.
    pub fn showing(&self) -> Showing {
        Showing {
            show_secondary: self.lens.show_secondary,
            line_labels: self.lens.line_labels,
        }
    }

    /// Which actors are drawn (secondary actors and the actor focus), indexed by [`ActorId`].
    pub fn visible_actors(&self) -> PerActor<bool> {
        let pass = self.lens.filters.over(&self.doc.dataset);
        self.doc
            .dataset
            .actors_with_ids()
            .map(|(i, a)| (self.lens.show_secondary || !a.secondary) && pass.keeps_actor(i))
            .collect()
    }

    /// Which relations are drawn: both ends visible and every filter passed.
    pub fn visible_relations(&self) -> PerRelation<bool> {
        self.visible_relations_among(&self.visible_actors())
    }

    /// [`Self::visible_relations`] given [`Self::visible_actors`] already computed.
    pub fn visible_relations_among(&self, actors: &TiSlice<ActorId, bool>) -> PerRelation<bool> {
        let pass = self.lens.filters.over(&self.doc.dataset);
        self.doc
            .dataset
            .relations
            .iter()
            .map(|r| actors[r.from] && actors[r.to] && pass.keeps(r))
            .collect()
    }

    /// How many relations the filters (not the secondary-actor switch) hide.
    pub fn hidden_by_filters(&self) -> usize {
        let actors: PerActor<bool> = self
            .doc
            .dataset
            .actors
            .iter()
            .map(|a| self.lens.show_secondary || !a.secondary)
            .collect();
        let shown_without_filters = self
            .doc
            .dataset
            .relations
            .iter()
            .filter(|r| actors[r.from] && actors[r.to])
            .count();
        shown_without_filters - self.visible_relations().iter().filter(|v| **v).count()
    }

    /// How many shown relations the year range alone hides.
    pub fn hidden_by_years(&self) -> usize {
        let Some(years) = self.lens.filters.years else {
            return 0;
        };
        let without = Filters {
            years: None,
            ..self.lens.filters.clone()
        };
        let in_range = Filters {
            years: Some(years),
            ..Filters::default()
        };
        let (without, in_range) = (
            without.over(&self.doc.dataset),
            in_range.over(&self.doc.dataset),
        );
        self.doc
            .dataset
            .relations
            .iter()
            .filter(|r| without.keeps(r) && !in_range.keeps(r))
            .count()
    }

    /// Where the dragged node was when the drag began.
    pub fn drag_from(&self) -> Option<Pos2> {
        self.place.drag.map(|d| d.from)
    }

    /// The node being dragged, if any.
    pub fn dragged(&self) -> Option<ActorId> {
        self.place.drag.map(|d| d.actor)
    }

    /// Whether the document has edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.doc.revision != self.doc.saved_revision
    }

    /// Whether there is a move to undo.
    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    /// Whether there is an undone move to redo.
    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }

    /// What the map highlights as hovered: the canvas's own hover, else a linked one.
    pub fn hover_shown(&self) -> Option<Hit> {
        // On a very large map the pointer crossing nodes would rebuild the whole scene at every
        // step (hundreds of ms at 100,000 actors); the tooltip still names what is under it,
        // and keyboard focus is still lit.
        let pointer = if self.is_very_large() {
            None
        } else {
            self.pointing.hovered.or(self.pointing.linked_hover)
        };
        pointer.or_else(|| self.key_lit())
    }

    /// Whether the map is so large (over 50,000 actors plus relations) that frames take long
    /// enough for hover emphasis and animated re-fits to cost more than they show.
    pub fn is_very_large(&self) -> bool {
        self.doc.dataset.actors.len() + self.doc.dataset.relations.len() > HOVER_EMPHASIS_MAX_ITEMS
    }

    /// Whether actor `a` is pinned.
    pub fn is_pinned(&self, a: ActorId) -> bool {
        self.place.pinned.get(a).copied().unwrap_or(false)
    }

    /// The view to draw (and hit-test) with `progress` (0…1) of the current re-fit animation
    /// done: the fitted view itself once the animation ends or when there is none.
    pub fn view_shown(&self, progress: f32) -> View {
        match self.camera.fit_from {
            Some(from) if progress < 1.0 => {
                // Ease in and out so the camera neither jerks off nor stops abruptly.
                let t = progress * progress * (3.0 - 2.0 * progress);
                from.toward(&self.camera.view, t)
            }
            _ => self.camera.view,
        }
    }

    /// Whether the canvas at `canvas` needs a (re)fit now. Never during a drag: the camera
    /// stays put while the user moves a node.
    pub fn needs_fit(&self, canvas: Rect) -> bool {
        self.camera.auto_fit && self.camera.fitted_for != Some(canvas) && self.place.drag.is_none()
    }

    /// Whether a relaxation is wanted and not yet settled (the shell repaints until it is).
    pub fn layout_running(&self) -> bool {
        self.place.layout_request.wanted
    }

    /// Whether the map was laid out by the force simulation (some actor has no given position),
    /// so moving one actor lets the others relax around it.
    pub fn force_laid_out(&self) -> bool {
        self.doc.dataset.actors.iter().any(|a| a.position.is_none())
    }

    /// The relation to print as an evidence card in exports: the selected one, if any.
    pub fn selected_relation(&self) -> Option<RelationId> {
        match self.pointing.selection {
            Selection::Relation(r) => Some(r),
            _ => None,
        }
    }

    /// `sel` if it names something currently shown, else no selection.
    pub(super) fn valid_selection(&self, sel: Selection) -> Selection {
        let ok = match sel {
            Selection::None => true,
            Selection::Actor(a) => self.visible_actors().get(a).copied().unwrap_or(false),
            Selection::Relation(r) => self.visible_relations().get(r).copied().unwrap_or(false),
            Selection::Pair(a, b) => {
                let shown = self.visible_actors();
                a != b
                    && shown.get(a).copied().unwrap_or(false)
                    && shown.get(b).copied().unwrap_or(false)
            }
        };
        if ok { sel } else { Selection::None }
    }
}
