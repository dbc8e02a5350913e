//! Preferences that outlive one map: the theme and which panels are shown.

use serde::{Deserialize, Serialize};

use crate::scene::Theme;

/// App-wide preferences, kept in [`super::MapState`] (the one copy) and persisted by the shell.
/// Every field has a default so files written by older versions keep loading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Explicit theme, or `None` to follow the system.
    pub theme: Option<Theme>,
    /// Secondary actors shown.
    pub show_secondary: bool,
    /// Legend shown on the canvas.
    pub show_legend: bool,
    /// Evidence panel open.
    pub side_panel_open: bool,
    /// Chronology strip shown (when the map has dates).
    pub show_chronology: bool,
    /// Which lines carry their label.
    pub line_labels: crate::scene::LineLabels,
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
        }
    }
}
