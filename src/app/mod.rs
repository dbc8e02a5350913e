//! The eframe shell: panels around the canvas, shortcuts, persistence, exports and toasts.

mod jobs;
mod persist;
mod state;
mod view;

pub use jobs::{JobOutcome, Toast, ToastKind};
pub use persist::{SavedLayout, Settings};
pub use state::{AppState, ArticleFocus, Command};
pub use view::{View, ZOOM_RANGE};

use std::path::{Path, PathBuf};

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::export::{self, ExportOptions, PictureFormat};
use crate::model::Dataset;
use crate::scene::{Selection, Style};
use crate::ui::{self, Action};

/// The relmap application.
pub struct RelmapApp {
    state: AppState,
    settings: Settings,
    jobs: jobs::Jobs,
    show_shortcuts: bool,
    show_about: bool,
    title_sent: Option<String>,
}

impl RelmapApp {
    /// Creates the app for `dataset`, restoring settings and the dataset's saved layout.
    pub fn new(cc: &eframe::CreationContext<'_>, dataset: Dataset) -> Self {
        crate::fonts::install(&cc.egui_ctx);
        let settings = persist::load_settings(cc.storage);
        let mut state = AppState::new(dataset);
        if let Some(saved) = persist::load_layout(cc.storage, &state.dataset.origin.key()) {
            let n = saved.restore(&mut state);
            log::info!("restored {n} saved actor positions");
        }
        Self::with_settings(state, settings)
    }

    /// Creates the app around an existing state (tests, embedding); nothing is read from disk.
    pub fn from_state(state: AppState) -> Self {
        Self::with_settings(state, Settings::default())
    }

    fn with_settings(mut state: AppState, settings: Settings) -> Self {
        state.show_secondary = settings.show_secondary;
        state.show_legend = settings.show_legend;
        state.side_panel_open = settings.side_panel_open;
        if let Some(theme) = settings.theme {
            state.theme = theme;
        }
        Self {
            state,
            settings,
            jobs: jobs::Jobs::default(),
            show_shortcuts: false,
            show_about: false,
            title_sent: None,
        }
    }

    /// The map state.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Messages currently shown at the bottom right (newest last).
    pub fn toasts(&self) -> &[Toast] {
        self.jobs.toasts()
    }

    /// Exports the map to `path` (format from the extension) in the background, as the File
    /// menu does once the save dialog returns. Returns at once; a toast reports the outcome.
    pub fn export_to(&mut self, path: PathBuf, scale: u8) {
        if PictureFormat::from_path(&path).is_none() {
            self.jobs.toast(
                ToastKind::Error,
                format!("{}: name the file *.png or *.svg", path.display()),
            );
            return;
        }
        let figure = export::figure_for(
            &self.state,
            &ExportOptions {
                scale,
                ..Default::default()
            },
        );
        self.jobs.spawn(
            move || match export::export_to_file(&figure, &path, scale) {
                Ok(()) => JobOutcome::Saved(path),
                Err(e) => JobOutcome::Failed(format!("{e:#}")),
            },
        );
    }

    /// Waits for background exports to finish (tests and shutdown).
    pub fn wait_for_jobs(&mut self) {
        self.jobs.wait();
    }

    fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Map(command) => {
                if let Command::SetTheme(theme) = command {
                    self.settings.theme = Some(theme);
                }
                self.state.apply(command);
                self.sync_settings();
                ctx.request_repaint();
            }
            Action::CopyText(text) => {
                ctx.copy_text(text);
                self.jobs
                    .toast(ToastKind::Info, "Passage and citation copied".to_owned());
            }
            Action::ExportSvg => self.ask_and_export("svg", 1),
            Action::ExportPng(scale) => self.ask_and_export("png", scale),
            Action::CopyImage => {
                let figure = export::figure_for(&self.state, &ExportOptions::default());
                self.jobs.spawn(move || {
                    let svg = export::figure_svg(&figure);
                    match export::svg_to_rgba(&svg, 2) {
                        Ok(image) => JobOutcome::Copied(image),
                        Err(e) => JobOutcome::Failed(format!("{e:#}")),
                    }
                });
            }
            Action::Screenshot => {
                let name = export::default_file_name(
                    &format!("{} window", self.state.dataset.title),
                    "png",
                );
                if let Some(path) = save_dialog(&name, "png") {
                    let sender = self.jobs.sender();
                    let repaint = ctx.clone();
                    ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(
                        egui::ScreenshotCallback::new(move |image| {
                            let outcome = match export::save_color_image(&image, &path) {
                                Ok(()) => JobOutcome::Saved(path),
                                Err(e) => JobOutcome::Failed(format!("{e:#}")),
                            };
                            let _ = sender.send(outcome);
                            repaint.request_repaint();
                        }),
                    ));
                    self.jobs.expect_one();
                } else {
                    self.jobs.toast(
                        ToastKind::Info,
                        "Screenshot cancelled; nothing was saved".to_owned(),
                    );
                }
            }
            Action::FollowSystemTheme => {
                self.settings.theme = None;
                ctx.request_repaint();
            }
            Action::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Action::ToggleAbout => self.show_about = !self.show_about,
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn ask_and_export(&mut self, extension: &str, scale: u8) {
        let name = export::default_file_name(&self.state.dataset.title, extension);
        match save_dialog(&name, extension) {
            Some(path) => self.export_to(path, scale),
            None => self.jobs.toast(
                ToastKind::Info,
                "Export cancelled; nothing was saved".to_owned(),
            ),
        }
    }

    fn sync_settings(&mut self) {
        self.settings.show_secondary = self.state.show_secondary;
        self.settings.show_legend = self.state.show_legend;
        self.settings.side_panel_open = self.state.side_panel_open;
    }

    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        if ctx.egui_wants_keyboard_input() {
            return actions;
        }
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        ctx.input_mut(|i| {
            // Shift variants first: plain Ctrl+Z would also match Ctrl+Shift+Z.
            if i.consume_shortcut(&KeyboardShortcut::new(cmd_shift, Key::Z))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
            {
                actions.push(Command::Redo.into());
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                actions.push(Command::Undo.into());
            }
            if i.consume_shortcut(&KeyboardShortcut::new(cmd_shift, Key::C)) {
                actions.push(Action::CopyImage);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::E)) {
                actions.push(Action::ExportPng(2));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)) {
                actions.push(Action::Quit);
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                actions.push(Command::Select(Selection::None).into());
            }
            if i.consume_key(Modifiers::NONE, Key::F) {
                actions.push(Command::Fit.into());
            }
        });
        actions
    }

    fn sync_theme(&mut self, ctx: &egui::Context) {
        let theme = match self.settings.theme {
            Some(theme) => theme,
            None => match ctx.system_theme() {
                Some(egui::Theme::Dark) => crate::scene::Theme::Dark,
                _ => crate::scene::Theme::Light,
            },
        };
        self.state.theme = theme;
        let wanted = match theme {
            crate::scene::Theme::Light => egui::Theme::Light,
            crate::scene::Theme::Dark => egui::Theme::Dark,
        };
        if ctx.theme() != wanted {
            ctx.set_theme(wanted);
        }
    }

    /// Draws one frame into `ui` (the whole window). Public so tests can drive it directly.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.sync_theme(&ctx);
        let title = format!("relmap — {}", self.state.dataset.title);
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        for outcome in self.jobs.poll() {
            if let JobOutcome::Copied(image) = outcome {
                ctx.copy_image(image);
                self.jobs.toast(
                    ToastKind::Success,
                    "Map image copied to the clipboard".to_owned(),
                );
            }
        }
        if self.jobs.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }

        let style = Style::for_theme(self.state.theme);
        let mut actions = self.shortcuts(&ctx);
        egui::Panel::top("relmap-top").show(ui, |ui| {
            actions.extend(ui::top_bar(ui, &self.state, self.settings.theme.is_none()));
        });
        egui::Panel::bottom("relmap-status").show(ui, |ui| {
            ui::status_bar(ui, &self.state);
            if self.jobs.busy() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Exporting…");
                });
            }
        });
        if self.state.side_panel_open {
            egui::Panel::right("relmap-evidence")
                .resizable(true)
                .default_size(360.0)
                .size_range(240.0..=720.0)
                .show(ui, |ui| {
                    actions.extend(ui::side_panel(ui, &self.state, &style));
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            actions.extend(ui::canvas(ui, &self.state, &style));
        });
        actions.extend(ui::article_window(&ctx, &self.state, &style));
        self.windows(&ctx);
        self.jobs.show_toasts(&ctx);
        for action in actions {
            self.apply(&ctx, action);
        }
    }

    fn windows(&mut self, ctx: &egui::Context) {
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.show_shortcuts)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, what) in ui::SHORTCUTS {
                        ui.strong(*keys);
                        ui.label(*what);
                        ui.end_row();
                    }
                });
            });
        egui::Window::new("About relmap")
            .open(&mut self.show_about)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(format!("relmap {}", env!("CARGO_PKG_VERSION")));
                ui.label("Relationship maps where every link is backed by verbatim passages from the source.");
                ui.label(format!("Dataset: {}", self.state.dataset.origin.display_name()));
            });
    }
}

fn save_dialog(default_name: &str, extension: &str) -> Option<PathBuf> {
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

impl eframe::App for RelmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        persist::save(storage, &self.settings, &self.state);
    }
}
