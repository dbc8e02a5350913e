//! What can stand in front of the map, one at a time: the error dialog, the open and export
//! forms used when the system has no file dialog, the shortcuts and About windows; and the
//! hint shown while a file is dragged over the window.

use std::path::{Path, PathBuf};

use super::save_dialogs::{save_as_form, unsaved_dialog};
use crate::export::PictureFormat;
use crate::map::MapState;
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
    Unsaved(Box<Action>),
    /// The in-app "save map as" form.
    SaveAs {
        /// The path typed so far.
        path: String,
        /// What to go on with once saved (asked before "Save changes?").
        then: Option<Box<Action>>,
    },
    /// relmap did not close normally and an autosaved map is waiting.
    Recover,
    /// The in-app "export evidence report" form, with the path typed so far.
    ReportAs(String),
    /// The in-app "merge map" form, with the path typed so far.
    MergeFrom(String),
    /// The in-app "compare with" form, with the path typed so far.
    CompareWith(String),
    /// Edit a source's bibliographic data.
    Source(ui::SourceForm),
}

impl Modal {
    /// Shows the dialog; returns what the user asked for, if anything. A returned action
    /// closes the dialog before it is carried out unless it [keeps it](Action::keeps_dialog).
    /// Nothing here touches the map, the disk or the window: the shell's gate does that after
    /// drawing.
    pub fn show(&mut self, ctx: &egui::Context, state: &MapState) -> Option<Action> {
        match self {
            Self::Error { title, lines } => error_dialog(ctx, title, lines),
            Self::Open(path) => open_form(ctx, path),
            Self::MergeFrom(path) => path_form(ctx, path, &MERGE_FORM),
            Self::CompareWith(path) => path_form(ctx, path, &COMPARE_FORM),
            Self::Export(form) => match ui::export_form(ctx, form) {
                ui::FormResult::Open => None,
                ui::FormResult::Cancel => Some(Action::Dismiss),
                ui::FormResult::Browse => Some(Action::BrowseExportPath),
                ui::FormResult::Save(path, choice) => Some(Action::ExportTo(path, choice)),
                ui::FormResult::Screenshot(path) => Some(Action::ScreenshotTo(path)),
            },
            Self::Shortcuts => shortcuts_window(ctx),
            Self::About => about_window(ctx, &state.doc.dataset.origin.display_name()),
            Self::NewMap(form) => {
                let add_source = form.add_source;
                match ui::new_map_form(ctx, form) {
                    ui::FormOutcome::Open => None,
                    ui::FormOutcome::Cancel => Some(Action::Dismiss),
                    ui::FormOutcome::Done(ui::NewMapRequest::ChooseFile) => {
                        Some(Action::ChooseArticle)
                    }
                    ui::FormOutcome::Done(ui::NewMapRequest::ReadFile(path)) => {
                        Some(Action::ReadArticle(path))
                    }
                    ui::FormOutcome::Done(ui::NewMapRequest::Create(text, fields)) => {
                        let fields = *fields;
                        Some(if add_source {
                            Action::AttachSource { text, fields }
                        } else {
                            Action::CreateMap { text, fields }
                        })
                    }
                }
            }
            Self::Actor(form) => form_action(ui::actor_form(ctx, form)),
            Self::Source(form) => form_action(ui::source_form(ctx, form)),
            Self::Evidence(form) => form_action(ui::evidence_form(ctx, state, form)),
            Self::Unsaved(then) => {
                let choice = unsaved_dialog(ctx, &state.doc.dataset.title)?;
                Some(Action::Unsaved {
                    choice,
                    then: then.clone(),
                })
            }
            Self::SaveAs { path, then } => match save_as_form(ctx, path, "Save map as")? {
                true => Some(Action::SaveTo(ui::typed_path(path), then.clone())),
                false => Some(Action::Dismiss),
            },
            Self::ReportAs(path) => match save_as_form(ctx, path, "Export evidence report")? {
                true => Some(Action::ReportTo(ui::typed_path(path))),
                false => Some(Action::Dismiss),
            },
            Self::Recover => match super::save_dialogs::recovery_dialog(ctx)? {
                true => Some(Action::Recover),
                false => Some(Action::DiscardRecovery),
            },
        }
    }

    /// Whether the dialog takes the keyboard: while it is in front, map and app shortcuts
    /// other than Esc do not act (the shortcuts and About windows only show information).
    pub fn takes_keyboard(&self) -> bool {
        match self {
            Self::Shortcuts | Self::About => false,
            Self::Error { .. }
            | Self::Open(_)
            | Self::Export(_)
            | Self::NewMap(_)
            | Self::Actor(_)
            | Self::Evidence(_)
            | Self::Unsaved(_)
            | Self::SaveAs { .. }
            | Self::Recover
            | Self::ReportAs(_)
            | Self::MergeFrom(_)
            | Self::CompareWith(_)
            | Self::Source(_) => true,
        }
    }

    /// Whether the dialog holds work the user typed (a form), which something arriving from
    /// outside (a dropped file) must not throw away.
    pub fn holds_work(&self) -> bool {
        match self {
            Self::NewMap(_)
            | Self::Actor(_)
            | Self::Evidence(_)
            | Self::Source(_)
            | Self::Unsaved(_)
            | Self::SaveAs { .. }
            | Self::Export(_)
            | Self::ReportAs(_)
            | Self::MergeFrom(_)
            | Self::CompareWith(_)
            | Self::Recover => true,
            Self::Error { .. } | Self::Open(_) | Self::Shortcuts | Self::About => false,
        }
    }
}

/// A form's outcome as an action: a finished form's edit, or closing it.
fn form_action<C: Into<Action>>(outcome: ui::FormOutcome<C>) -> Option<Action> {
    match outcome {
        ui::FormOutcome::Open => None,
        ui::FormOutcome::Cancel => Some(Action::Dismiss),
        ui::FormOutcome::Done(command) => Some(command.into()),
    }
}

fn error_dialog(ctx: &egui::Context, title: &str, lines: &[String]) -> Option<Action> {
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
    (response.inner || response.should_close()).then_some(Action::Dismiss)
}

fn open_form(ctx: &egui::Context, path: &mut String) -> Option<Action> {
    let mut action = None;
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
            ui::focus_when_opened(ui, &edit);
            ui.label(egui::RichText::new("Tip: you can also drop a file onto the window.").weak());
            ui.horizontal(|ui| {
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button("Open").clicked() || enter) && !path.trim().is_empty() {
                    action = Some(Action::OpenPath(ui::typed_path(path)));
                }
                if ui.button("Cancel").clicked() {
                    action = Some(Action::Dismiss);
                }
            });
        });
    if open { action } else { Some(Action::Dismiss) }
}

/// What a form asking for another map's path says and does.
struct PathForm {
    title: &'static str,
    explanation: &'static str,
    button: &'static str,
    action: fn(PathBuf) -> Action,
}

/// File → Merge map… without a system file dialog.
const MERGE_FORM: PathForm = PathForm {
    title: "Merge a map into this one",
    explanation: "Actors are matched by id, then by name or alias; relations with the same \
                  actors, policy field and label pool their passages. Undo (Ctrl+Z) takes it back.",
    button: "Merge",
    action: Action::MergePath,
};

/// File → Compare with… without a system file dialog.
const COMPARE_FORM: PathForm = PathForm {
    title: "Compare the open map with another",
    explanation: "The open map is the earlier one. Actors are matched by id, then by name or \
                  alias; each relation is shown as added, removed, changed or the same. Your \
                  map is not changed, and comes back when you leave the comparison.",
    button: "Compare",
    action: Action::ComparePath,
};

/// The path form of a command that reads another map, where no system file dialog is
/// available.
fn path_form(ctx: &egui::Context, path: &mut String, form: &PathForm) -> Option<Action> {
    let mut action = None;
    let mut open = true;
    egui::Window::new(form.title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(form.explanation);
            ui.label("Path of the other map:");
            let edit = ui.add(
                egui::TextEdit::singleline(path)
                    .desired_width(420.0)
                    .hint_text("/path/to/other.relmap.json"),
            );
            ui::focus_when_opened(ui, &edit);
            ui.horizontal(|ui| {
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button(form.button).clicked() || enter) && !path.trim().is_empty() {
                    action = Some((form.action)(ui::typed_path(path)));
                }
                if ui.button("Cancel").clicked() {
                    action = Some(Action::Dismiss);
                }
            });
        });
    if open { action } else { Some(Action::Dismiss) }
}

fn shortcuts_window(ctx: &egui::Context) -> Option<Action> {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            let all = ui::keyboard_shortcuts();
            let mut headings: Vec<&str> = all.iter().map(|s| s.scope.heading()).collect();
            headings.dedup();
            headings.sort_by_key(|h| all.iter().position(|s| s.scope.heading() == *h));
            headings.dedup();
            // Taller than a small window: it scrolls rather than running off the screen.
            let height = ctx.content_rect().height() * 0.7;
            egui::ScrollArea::vertical()
                .max_height(height)
                .min_scrolled_height(height)
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                .show(ui, |ui| {
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for heading in headings {
                            ui.heading(heading);
                            ui.end_row();
                            for s in all.iter().filter(|s| s.scope.heading() == heading) {
                                ui.strong(ui::key_text(ctx, &s.keys));
                                ui.label(s.what);
                                ui.end_row();
                            }
                        }
                        ui.heading("Mouse");
                        ui.end_row();
                        for (gesture, what) in ui::GESTURES {
                            ui.strong(*gesture);
                            ui.label(*what);
                            ui.end_row();
                        }
                    });
                });
        });
    (!open).then_some(Action::Dismiss)
}

fn about_window(ctx: &egui::Context, dataset: &str) -> Option<Action> {
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
    (!open).then_some(Action::Dismiss)
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

/// What asking the system's file dialog gave.
pub(super) enum Asked {
    /// The user chose this file.
    Picked(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog was shown (none may be asked, or none is available: it answered at once);
    /// relmap's own path form is shown instead.
    NoDialog,
}

impl super::RelmapApp {
    /// Asks the system's file dialog through `dialog`, if relmap may.
    pub(super) fn ask_system(&self, dialog: impl FnOnce() -> Option<PathBuf>) -> Asked {
        if !self.system_dialogs {
            return Asked::NoDialog;
        }
        let asked = std::time::Instant::now();
        match dialog() {
            Some(path) => Asked::Picked(path),
            // A dialog that returns at once never showed: there is no desktop portal.
            None if asked.elapsed() < super::NO_DIALOG_THRESHOLD => Asked::NoDialog,
            None => Asked::Cancelled,
        }
    }
}
