//! What a figure draws besides the map: text and legend samples placed in figure pixels,
//! and the sizes the figure and its blocks (evidence card, legend) share.

use egui::{Color32, Pos2};

use crate::scene::Dash;

pub(super) const LEGEND_SIZE: f32 = 13.0;
pub(super) const CARD_SIZE: f32 = 12.5;
/// Length of a legend line sample: long enough to show a whole dash-dot period.
pub(super) const LEGEND_SAMPLE: f32 = 44.0;

/// Horizontal text anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `pos` is the left end of the baseline.
    Start,
    /// `pos` is the middle of the baseline.
    Middle,
}

/// A shape drawn around the map, in figure pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoration {
    /// A line of text; `pos` is on the baseline.
    Text {
        /// The text.
        text: String,
        /// Baseline position.
        pos: Pos2,
        /// Font size.
        size: f32,
        /// Colour.
        color: Color32,
        /// Horizontal anchor.
        anchor: Anchor,
    },
    /// A legend sample line.
    Line {
        /// Start.
        a: Pos2,
        /// End.
        b: Pos2,
        /// Colour.
        color: Color32,
        /// Width.
        width: f32,
        /// Pattern.
        dash: Dash,
    },
}
