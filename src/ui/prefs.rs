//! Preferences that outlive one map: the theme and which panels are shown.

use serde::{Deserialize, Serialize};

use crate::map::Showing;
use crate::scene::Theme;

/// App-wide preferences: held by the app (never by a map), persisted in relmap's state file,
/// shown and changed by the View menu. Every field has a default so files written by older
/// versions keep loading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Explicit theme, or `None` to follow the system.
    pub theme: Option<Theme>,
    /// Secondary actors shown: the user's last choice, which every map opens with.
    pub show_secondary: bool,
    /// Legend shown on the canvas.
    pub show_legend: bool,
    /// Evidence panel open.
    pub side_panel_open: bool,
    /// Chronology strip shown (when the map has dates).
    pub show_chronology: bool,
    /// Which lines carry their label: the last choice, which every map opens with.
    pub line_labels: crate::scene::LineLabels,
    /// Storyboard panel open.
    pub show_storyboard: bool,
}

/// A change to the app-wide preferences (the map's own settings are `ViewCommand`s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrefCommand {
    /// Choose a theme, or `None` to follow the operating system.
    SetTheme(Option<Theme>),
    /// Show or hide the legend on the canvas.
    SetShowLegend(bool),
    /// Show or hide the evidence side panel.
    SetSidePanel(bool),
    /// Show or hide the chronology strip.
    SetChronology(bool),
    /// Show or hide the storyboard panel.
    SetStoryboard(bool),
}

impl Prefs {
    /// The theme in effect: the user's choice, or `system`'s when following it.
    pub fn theme_or(&self, system: Theme) -> Theme {
        self.theme.unwrap_or(system)
    }

    /// How the next map opens: with the secondary actors and line labels last chosen.
    pub fn showing(&self) -> Showing {
        Showing {
            show_secondary: self.show_secondary,
            line_labels: self.line_labels,
        }
    }

    /// Remembers what the open map now shows, so the next map opens the same way.
    pub fn remember(&mut self, showing: Showing) {
        self.show_secondary = showing.show_secondary;
        self.line_labels = showing.line_labels;
    }

    /// Applies `command`.
    pub fn apply(&mut self, command: PrefCommand) {
        match command {
            PrefCommand::SetTheme(theme) => self.theme = theme,
            PrefCommand::SetShowLegend(show) => self.show_legend = show,
            PrefCommand::SetSidePanel(open) => self.side_panel_open = open,
            PrefCommand::SetStoryboard(open) => self.show_storyboard = open,
            PrefCommand::SetChronology(show) => self.show_chronology = show,
        }
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: None,
            show_secondary: false,
            show_legend: true,
            side_panel_open: true,
            show_chronology: true,
            line_labels: crate::scene::LineLabels::Selected,
            show_storyboard: false,
        }
    }
}
