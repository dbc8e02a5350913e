//! The commands the UI emits; [`super::AppState::apply`] is the one place they take effect.

use egui::{Pos2, Rect, Vec2};

use super::filters::FocusMode;
use crate::model::{Dimension, Tone};
use crate::scene::{Hit, Selection, Theme};

/// A state change requested by the UI. UI code reads [`super::AppState`] and emits these.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select an actor or relation, or clear with [`Selection::None`].
    Select(Selection),
    /// The pointer is now over this (or nothing).
    Hover(Option<Hit>),
    /// A node drag begins.
    StartDrag(usize),
    /// The dragged node moves to a world position.
    DragTo(Pos2),
    /// The drag ends; the node stays pinned where dropped.
    EndDrag,
    /// Release a pinned node (its position stays).
    Unpin(usize),
    /// Release every pinned node.
    UnpinAll,
    /// Undo the last move.
    Undo,
    /// Redo the last undone move.
    Redo,
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
    /// Fit now, knowing the canvas rectangle.
    FitTo(Rect),
    /// Return every actor to its default position and unpin all (undoable).
    ResetLayout,
    /// Switch theme.
    SetTheme(Theme),
    /// Show or hide secondary actors.
    SetShowSecondary(bool),
    /// Show or hide the legend on the canvas.
    SetShowLegend(bool),
    /// Show or hide the evidence side panel.
    SetSidePanel(bool),
    /// Open the article scrolled to a relation's passage, highlighted.
    ShowInArticle {
        /// Relation index.
        relation: usize,
        /// Passage index within the relation.
        passage: usize,
    },
    /// Open or close the article window.
    SetArticleOpen(bool),
    /// The article view has scrolled to its focused passage.
    ArticleScrolled,
    /// Show or hide a dimension.
    ToggleDimension(Dimension),
    /// Show or hide a tone.
    ToggleTone(Tone),
    /// Show only what surrounds an actor, or everything again.
    SetFocus(Option<(usize, FocusMode)>),
    /// Hide relations with fewer passages.
    SetMinPassages(usize),
    /// Show only relations evidenced within these years, or all.
    SetYears(Option<(i32, i32)>),
    /// Switch every filter off.
    ClearFilters,
    /// Set the search text.
    SetSearch(String),
    /// Show or hide the chronology strip.
    SetChronology(bool),
    /// Advance a running relaxation for up to this many milliseconds.
    StepLayout(u32),
    /// Article view options.
    SetArticleView {
        /// Underline every mention of an actor.
        underline_actors: bool,
        /// Show only paragraphs no passage cites.
        uncited_only: bool,
    },
}
