//! The commands the UI emits; [`super::MapState::apply`] is the one place they take effect.
//!
//! Commands come in five families so each has its own small `apply_*` function and the list
//! stays readable as authoring adds more: selection, edits of the layout (undoable), the view,
//! filters, and the article reader.

use egui::{Pos2, Rect, Vec2};

use super::DocCommand;
use super::filters::FocusMode;
use super::saved::SavedLayout;
use crate::model::{ActorId, Dimension, PassageId, Tone};
use crate::scene::{Hit, Selection};

/// A state change requested by the UI. UI code reads [`super::MapState`] and emits these.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// What is selected or hovered.
    Select(SelectCommand),
    /// Moves and pins of actors (undoable), and positions from a running layout.
    Edit(EditCommand),
    /// Pan, zoom, theme and which panels show.
    View(ViewCommand),
    /// What the map is narrowed to.
    Filter(FilterCommand),
    /// The article reader.
    Article(ArticleCommand),
    /// Authoring: actors, relations and passages (undoable).
    Doc(DocCommand),
    /// The document as a whole: put another map in its place, or record that it was saved.
    File(FileCommand),
    /// Stepping through the storyboard and presenting it.
    Story(super::StoryCommand),
}

/// The document as a whole. The shell's one gate has already asked about
/// unsaved edits before it sends [`FileCommand::Adopt`].
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Show this map (opened, recovered or new) instead of the open one. Preferences and the
    /// system theme stay: they belong to the app, not to a map.
    Adopt(MapToAdopt),
    /// The document was written to (or read from) `origin`: it is saved, and Save writes
    /// there from now on.
    Saved(crate::model::Origin),
}

/// A map state waiting to be shown, with whether its edits are still unsaved (a recovered
/// map). Commands compare equal by identity, as [`super::MapToMerge`] does; the state is taken
/// out when the command is applied, so applying a clone a second time does nothing.
#[derive(Clone)]
pub struct MapToAdopt {
    state: std::sync::Arc<std::sync::Mutex<Option<super::MapState>>>,
    unsaved: bool,
}

impl MapToAdopt {
    /// `state` to be shown; `unsaved` marks its document as not yet saved anywhere.
    pub fn new(state: super::MapState, unsaved: bool) -> Self {
        Self {
            state: std::sync::Arc::new(std::sync::Mutex::new(Some(state))),
            unsaved,
        }
    }

    /// The state (once) and whether it is unsaved.
    pub(super) fn take(&self) -> Option<(super::MapState, bool)> {
        let mut slot = match self.state.lock() {
            Ok(slot) => slot,
            Err(poisoned) => poisoned.into_inner(),
        };
        slot.take().map(|s| (s, self.unsaved))
    }
}

impl std::fmt::Debug for MapToAdopt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapToAdopt")
            .field("unsaved", &self.unsaved)
            .finish_non_exhaustive()
    }
}

impl PartialEq for MapToAdopt {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.state, &other.state)
    }
}

/// Selection and hover.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectCommand {
    /// Select an actor or relation, or clear with [`Selection::None`].
    Select(Selection),
    /// The pointer is now over this on the canvas (or nothing).
    Hover(Option<Hit>),
    /// The canvas was clicked on this (or on empty canvas), with Ctrl/⌘ or Shift held (`add`):
    /// [`super::MapState::apply`] turns it into a selection (an actor, a pair, a relation, or
    /// none), so drawing only reports.
    Click {
        /// What the click hit.
        hit: Option<Hit>,
        /// Whether Ctrl/⌘ or Shift was held (adds an actor, making a pair).
        add: bool,
    },
    /// A keyboard step through the map (Tab, ←/→, Enter, Esc).
    Key(super::KeyStep),
    /// The pointer is over a row, dot or highlight elsewhere (panel, search, chronology,
    /// article) that stands for this; the map highlights it.
    HoverLinked(Option<Hit>),
}

/// Changes to actor positions and pins. Moves by the user are recorded for undo.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// A node drag begins.
    StartDrag(ActorId),
    /// The dragged node moves to a world position.
    DragTo(Pos2),
    /// The drag ends; the node stays pinned where dropped.
    EndDrag,
    /// Release a pinned node (its position stays).
    Unpin(ActorId),
    /// Release every pinned node.
    UnpinAll,
    /// Return every actor to its default position and unpin all (undoable).
    ResetLayout,
    /// Undo the last move.
    Undo,
    /// Redo the last undone move.
    Redo,
    /// Put back a layout saved in an earlier run (matched by actor id; not undoable).
    RestoreLayout(SavedLayout),
    /// Lay a large map out from its start while it is shown (see
    /// [`crate::layout::first_layout_live`]); its settled positions become the defaults.
    StartFirstLayout,
    /// Positions computed by a running relaxation (see [`super::LayoutRun`]).
    LayoutStep {
        /// The layout request these positions answer; stale ones are ignored.
        generation: u64,
        /// New positions, indexed like the actors.
        positions: Vec<Pos2>,
        /// Whether the relaxation has come to rest.
        settled: bool,
    },
}

/// Pan, zoom, theme and panel visibility.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    /// Pan by a screen-space delta.
    Pan(Vec2),
    /// Zoom by a factor around a screen point of the canvas.
    Zoom {
        /// Multiplier (>1 zooms in).
        factor: f32,
        /// Screen point that stays fixed.
        anchor: Pos2,
        /// The canvas rectangle.
        canvas: Rect,
    },
    /// Fit the whole map into the canvas on the next frame.
    Fit,
    /// Fit now, knowing the canvas rectangle and whether the legend takes its corner.
    FitTo {
        /// The canvas rectangle (screen points).
        canvas: Rect,
        /// Whether the legend is drawn: the map is then kept clear of it.
        legend: bool,
    },
    /// The canvas is now this rectangle (screen points): what the view shows is known
    /// outside painting too (where a new actor goes).
    Canvas(Rect),
    /// Show or hide secondary actors.
    SetShowSecondary(bool),
    /// One line per relation, per pair or per direction.
    SetLinks(crate::scene::LinkMode),
    /// Which lines carry their label.
    SetLineLabels(crate::scene::LineLabels),
}

/// Filters and search.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterCommand {
    /// Show or hide a dimension.
    ToggleDimension(Dimension),
    /// Show or hide a tone.
    ToggleTone(Tone),
    /// Show or hide the relations quoted only from this source.
    ToggleSource(crate::model::SourceId),
    /// Show only this policy field (dimension) among those given; hide the others.
    OnlyDimension(Dimension, Vec<Dimension>),
    /// Show only this tone among those given; hide the others.
    OnlyTone(Tone, Vec<Tone>),
    /// Show only what surrounds an actor, or everything again.
    SetFocus(Option<(ActorId, FocusMode)>),
    /// Hide relations with fewer passages.
    SetMinPassages(usize),
    /// Show only relations evidenced within these years, or all.
    SetYears(Option<(i32, i32)>),
    /// Keep only passages graded at least this, and relations that still have one; or all.
    SetMinGrade(Option<crate::model::Grade>),
    /// Keep only relations two or more sources back, or all.
    SetOnlyCorroborated(bool),
    /// Switch every filter off.
    ClearFilters,
    /// Put back filters saved earlier (a notice's Undo).
    SetFilters(super::Filters),
    /// Set the search text (and forget the result picked with the arrow keys).
    SetSearch(String),
    /// The search result picked with ↑/↓, by its place in the result list.
    SetSearchPick(Option<usize>),
}

/// The article reader.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleCommand {
    /// Open the article scrolled to a passage, highlighted.
    ShowPassage(PassageId),
    /// Open or close the article window.
    SetOpen(bool),
    /// The article view has scrolled to its focused passage.
    Scrolled,
    /// Switch the article between reading (click a highlight to select its relation) and
    /// selecting text to quote as evidence.
    SetAuthoring(bool),
    /// The text selected in the article (byte range), or none.
    SetSelection(Option<crate::model::TextRange>),
    /// Show this source's tab in the article window.
    ShowSource(crate::model::SourceId),
    /// Article view options.
    SetView {
        /// Underline every mention of an actor.
        underline_actors: bool,
        /// Show only paragraphs no passage cites.
        uncited_only: bool,
    },
}

macro_rules! into_command {
    ($($family:ident => $variant:ident),* $(,)?) => {
        $(impl From<$family> for Command {
            fn from(c: $family) -> Self {
                Self::$variant(c)
            }
        })*
    };
}

into_command!(
    SelectCommand => Select,
    EditCommand => Edit,
    ViewCommand => View,
    FilterCommand => Filter,
    ArticleCommand => Article,
    DocCommand => Doc,
    FileCommand => File,
);

impl From<super::StoryCommand> for Command {
    fn from(c: super::StoryCommand) -> Self {
        Self::Story(c)
    }
}
