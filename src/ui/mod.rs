//! Panels and the canvas. UI code reads [`crate::app::AppState`] and returns [`Action`]s; it never
//! changes state itself.

mod article;
mod canvas;
mod chronology;
mod export_dialog;
mod legend;
mod menu;
mod search_panel;
mod side_panel;
mod status;

pub use article::article_window;
pub use canvas::{CANVAS_ID, CANVAS_LABEL, canvas};
pub use chronology::chronology_strip;
pub use export_dialog::{ExportForm, FormResult, export_form};
pub use menu::top_bar;
pub use search_panel::{SEARCH_ID, search_panel};
pub use side_panel::side_panel;
pub use status::status_bar;

use crate::app::Command;
use crate::model::Dataset;

/// Something the user asked for: a state change or an effect the shell carries out.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Change the map state.
    Map(Command),
    /// Put text on the clipboard.
    CopyText(String),
    /// Save the map as SVG (asks where).
    ExportSvg,
    /// Save the map as PNG at this scale (asks where).
    ExportPng(u8),
    /// Put the map image on the clipboard.
    CopyImage,
    /// Save a screenshot of the whole window (asks where).
    Screenshot,
    /// Open a dataset (asks which).
    Open,
    /// Open this dataset file.
    OpenPath(std::path::PathBuf),
    /// Put the cursor in the search field.
    FocusSearch,
    /// Follow the operating system's light/dark setting again.
    FollowSystemTheme,
    /// Show or hide the keyboard shortcuts window.
    ToggleShortcuts,
    /// Show or hide the About window.
    ToggleAbout,
    /// Close the app.
    Quit,
}

impl From<Command> for Action {
    fn from(c: Command) -> Self {
        Self::Map(c)
    }
}

/// A passage with its citation line, as put on the clipboard.
pub fn citation_text(dataset: &Dataset, relation: usize, passage: usize) -> Option<String> {
    let rel = dataset.relations.get(relation)?;
    let p = rel.passages.get(passage)?;
    let mut cite = dataset.source.citation();
    if let Some(anchor) = &p.anchor {
        cite.push_str(&format!(", ¶ {}", anchor.paragraph()));
    }
    Some(format!(
        "“{}”\n— {cite}.\n[{}: {}]",
        p.quote.trim(),
        dataset.relation_endpoints(rel),
        rel.label
    ))
}

/// Shortcut list shown in Help → Keyboard shortcuts (and kept in one place for the README).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Click", "Select a relation or actor"),
    ("Esc", "Clear the selection"),
    ("Drag node", "Move and pin it"),
    ("Double-click node", "Unpin it"),
    ("Drag background", "Pan"),
    ("Scroll / pinch", "Zoom toward the pointer"),
    ("F / double-click background", "Fit the map to the window"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo moves"),
    ("Ctrl+Shift+C", "Copy the map image"),
    ("Ctrl+F", "Search passages, relations and actors"),
    ("Ctrl+E", "Export PNG (2×)"),
    ("Ctrl+O", "Open a dataset (or drop a file on the window)"),
    ("Ctrl+Q", "Quit"),
];
