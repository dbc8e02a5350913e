//! What can stand in front of the map, one at a time: the error dialog, the open and export
//! forms used when the system has no file dialog, the shortcuts and About windows; and the
//! hint shown while a file is dragged over the window.

use std::path::{Path, PathBuf};

use super::RelmapApp;
use crate::export::PictureFormat;
use crate::ui::{self, Action};

/// The dialog or window in front of the map.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// A file could not be opened: a title and every located problem.
    Error {
        /// "Could not open FILE".
        title: String,
        /// One line per problem.
        lines: Vec<String>,
    },
    /// The in-app "open" form with the path typed so far.
    Open(String),
    /// The in-app "save as" form.
    Export(ui::ExportForm),
    /// Help → Keyboard shortcuts.
    Shortcuts,
    /// Help → About relmap.
    About,
    /// File → New map from article….
    NewMap(ui::NewMapForm),
    /// Add or edit an actor.
    Actor(ui::ActorForm),
    /// Quote the article selection as evidence.
    Evidence(ui::EvidenceForm),
    /// Unsaved edits: save, discard or cancel before doing this.
    Unsaved(super::authoring::Pending),
    /// The in-app "save map as" form, with the path typed so far.
    SaveAs(String),
    /// relmap did not close normally and an autosaved map is waiting.
    Recover,
    /// The in-app "export evidence report" form, with the path typed so far.
    ReportAs(String),
    /// The in-app "merge map" form, with the path typed so far.
    MergeFrom(String),
    /// Edit a source's bibliographic data.
    Source(ui::SourceForm),
}

impl RelmapApp {
    pub(super) fn show_modal(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if let Some(keep) = self.show_authoring_modal(ctx, actions) {
            if !keep {
                self.modal = None;
            }
            return;
        }
        let Some(modal) = &mut self.modal else {
            return;
        };
        let keep = match modal {
            Modal::Error { title, lines } => error_dialog(ctx, title, lines),
            Modal::Open(path) => open_form(ctx, path, actions),
            Modal::MergeFrom(path) => merge_form(ctx, path, actions),
            Modal::Export(form) => match ui::export_form(ctx, form) {
                ui::FormResult::Open => true,
                ui::FormResult::Cancel => false,
                ui::FormResult::Browse => {
                    let name = std::path::Path::new(&form.path)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let ext = if form.path.to_ascii_lowercase().ends_with(".svg") {
                        "svg"
                    } else {
                        "png"
                    };
                    if let Some(path) = save_dialog(&name, ext) {
                        form.path = path.display().to_string();
                    }
                    true
                }
                ui::FormResult::Save(path, choice) => {
                    self.modal = None;
                    self.export_figure(path, &choice);
                    return;
                }
                ui::FormResult::Screenshot(path) => {
                    self.modal = None;
                    self.screenshot_to(ctx, path);
                    return;
                }
            },
            Modal::Shortcuts => shortcuts_window(ctx),
            Modal::About => about_window(ctx, &self.state.dataset.origin.display_name()),
            // Shown by `show_authoring_modal`.
            _ => true,
        };
        if !keep {
            self.modal = None;
        }
    }
}

/// Returns whether the dialog stays open.
fn error_dialog(ctx: &egui::Context, title: &str, lines: &[String]) -> bool {
    let response = egui::Modal::new(egui::Id::unique("relmap-error")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(title);
        ui.add_space(4.0);
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            for line in lines {
                ui.add(egui::Label::new(egui::RichText::new(line).monospace()).wrap());
            }
        });
        ui.add_space(6.0);
        ui.label("The map you had is unchanged. Fix the file (relmap check FILE lists every problem) and open it again.");
        ui.button("OK").clicked()
    });
    !(response.inner || response.should_close())
}

fn open_form(ctx: &egui::Context, path: &mut String, actions: &mut Vec<Action>) -> bool {
    let mut close = false;
    let mut open = true;
    egui::Window::new("Open a dataset")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("No system file dialog is available here. Path of the file to open:");
            let edit = ui.add(
                egui::TextEdit::singleline(path)
                    .desired_width(420.0)
                    .hint_text("/path/to/map.relmap.json, graph.json or edges.csv"),
            );
            ui.label(egui::RichText::new("Tip: you can also drop a file onto the window.").weak());
            ui.horizontal(|ui| {
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button("Open").clicked() || enter) && !path.trim().is_empty() {
                    actions.push(Action::OpenPath(PathBuf::from(path.trim())));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    open && !close
}

/// The path form of File → Merge map… where no system file dialog is available.
fn merge_form(ctx: &egui::Context, path: &mut String, actions: &mut Vec<Action>) -> bool {
    let mut close = false;
    let mut open = true;
    egui::Window::new("Merge a map into this one")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(
                "Actors are matched by id, then by name or alias; relations with the same \
                 actors, policy field and label pool their passages. Undo (Ctrl+Z) takes it back.",
            );
            ui.label("Path of the map to merge:");
            let edit = ui.add(
                egui::TextEdit::singleline(path)
                    .desired_width(420.0)
                    .hint_text("/path/to/other.relmap.json"),
            );
            ui.horizontal(|ui| {
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button("Merge").clicked() || enter) && !path.trim().is_empty() {
                    actions.push(Action::MergePath(PathBuf::from(path.trim())));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    open && !close
}

fn shortcuts_window(ctx: &egui::Context) -> bool {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for s in ui::keyboard_shortcuts() {
                    ui.strong(ctx.format_shortcut(&s.keys));
                    ui.label(s.what);
                    ui.end_row();
                }
                for (gesture, what) in ui::GESTURES {
                    ui.strong(*gesture);
                    ui.label(*what);
                    ui.end_row();
                }
            });
        });
    open
}

fn about_window(ctx: &egui::Context, dataset: &str) -> bool {
    let mut open = true;
    egui::Window::new("About relmap")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(format!("relmap {}", env!("CARGO_PKG_VERSION")));
            ui.label(
                "Relationship maps where every link is backed by verbatim passages from the source.",
            );
            ui.label(format!("Dataset: {dataset}"));
        });
    open
}

pub(super) fn save_dialog(default_name: &str, extension: &str) -> Option<PathBuf> {
    let filter = extension.to_ascii_uppercase();
    rfd::FileDialog::new()
        .set_title(format!("Export {filter}"))
        .set_file_name(default_name)
        .add_filter(filter, &[extension])
        .save_file()
        .map(|p| ensure_extension(&p, extension))
}

/// Adds `extension` when the user typed a name without it.
fn ensure_extension(path: &Path, extension: &str) -> PathBuf {
    if PictureFormat::from_path(path).is_some() {
        path.to_path_buf()
    } else {
        path.with_extension(extension)
    }
}

/// A full-window hint while files are dragged over relmap.
pub(super) fn drop_hint(ctx: &egui::Context) {
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("relmap-drop"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(150));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a relmap map, node-link JSON, GraphML, GEXF, CSV or spreadsheet to open it",
        egui::FontId::proportional(20.0),
        egui::Color32::WHITE,
    );
}
