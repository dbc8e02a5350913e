//! The eframe shell: panels around the canvas, shortcuts, persistence, exports and toasts.

mod jobs;
mod loading;
mod persist;
mod state;
mod view;

pub use jobs::{JobOutcome, Toast, ToastKind};
pub use loading::{LoadResult, Loading};
pub use persist::{SavedLayout, Settings};
pub use state::{AppState, ArticleFocus, Command};
pub use view::{View, ZOOM_RANGE};

use std::path::{Path, PathBuf};

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::export::{self, ExportOptions, PictureFormat};
use crate::model::Dataset;
use crate::scene::{Selection, Style};
use crate::ui::{self, Action};

/// A save dialog that answers faster than this was never shown to the user.
const NO_DIALOG_THRESHOLD: std::time::Duration = std::time::Duration::from_millis(300);

/// The relmap application.
pub struct RelmapApp {
    state: AppState,
    settings: Settings,
    jobs: jobs::Jobs,
    show_shortcuts: bool,
    show_about: bool,
    title_sent: Option<String>,
    export_form: Option<ui::ExportForm>,
    open_form: Option<String>,
    loading: Option<Loading>,
    error: Option<(String, Vec<String>)>,
    /// Layouts of datasets opened earlier in this session, by origin key (saved on exit).
    layouts: std::collections::BTreeMap<String, SavedLayout>,
    /// The new dataset's saved layout must be read from storage on the next frame.
    restore_pending: bool,
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
            export_form: None,
            open_form: None,
            loading: None,
            error: None,
            layouts: std::collections::BTreeMap::new(),
            restore_pending: false,
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

    /// Starts opening `path` in the background; the current map stays until it is ready, and
    /// stays for good if the file is refused (the error is shown instead).
    pub fn open_path(&mut self, path: PathBuf, ctx: Option<&egui::Context>) {
        self.loading = Some(Loading::start(path, ctx.cloned()));
    }

    /// Blocks until a pending open finishes and applies it (tests).
    pub fn wait_for_load(&mut self) {
        if let Some(loading) = self.loading.take() {
            let result = loading.wait();
            self.finish_load(&loading.path, result);
        }
    }

    /// The error dialog's title and lines, if one is showing.
    pub fn error(&self) -> Option<(&str, &[String])> {
        self.error.as_ref().map(|(t, l)| (t.as_str(), l.as_slice()))
    }

    /// Shows a message in the corner (and logs it).
    pub fn notify(&mut self, kind: ToastKind, text: String) {
        self.jobs.toast(kind, text);
    }

    /// Recently opened files, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.settings.recent
    }

    fn finish_load(&mut self, path: &Path, result: LoadResult) {
        match result {
            Ok((dataset, positions)) => {
                // Keep the outgoing map's layout so reopening it later restores it.
                let old_key = self.state.dataset.origin.key();
                self.layouts
                    .insert(old_key, SavedLayout::capture(&self.state));
                let mut next = AppState::with_layout(dataset, positions);
                next.theme = self.state.theme;
                next.show_secondary = self.state.show_secondary;
                next.show_legend = self.state.show_legend;
                next.side_panel_open = self.state.side_panel_open;
                let key = next.dataset.origin.key();
                match self.layouts.get(&key) {
                    Some(saved) => {
                        saved.restore(&mut next);
                    }
                    None => self.restore_pending = true,
                }
                let notes = next.dataset.notes.clone();
                self.state = next;
                self.remember_recent(path);
                let name = self.state.dataset.origin.display_name();
                self.jobs
                    .toast(ToastKind::Success, format!("Opened {name}"));
                for note in notes {
                    self.jobs.toast(ToastKind::Info, note);
                }
            }
            Err(err) => {
                let title = format!("Could not open {}", path.display());
                log::warn!("{title}: {err}");
                self.error = Some((title, err.lines()));
            }
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(persist::RECENT_MAX);
    }

    fn ask_and_open(&mut self, ctx: &egui::Context) {
        let asked = std::time::Instant::now();
        let picked = rfd::FileDialog::new()
            .set_title("Open a dataset")
            .add_filter(
                "Datasets (relmap, node-link JSON, CSV)",
                &["json", "csv", "tsv"],
            )
            .add_filter("All files", &["*"])
            .pick_file();
        match picked {
            Some(path) => self.open_path(path, Some(ctx)),
            None if asked.elapsed() < NO_DIALOG_THRESHOLD => {
                self.open_form = Some(String::new());
            }
            None => {}
        }
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
            Action::Open => self.ask_and_open(ctx),
            Action::OpenPath(path) => self.open_path(path, Some(ctx)),
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
        let asked = std::time::Instant::now();
        match save_dialog(&name, extension) {
            Some(path) => self.export_to(path, scale),
            // A dialog that returns at once never showed: there is no desktop portal.
            None if asked.elapsed() < NO_DIALOG_THRESHOLD => self.open_export_form(&name, scale),
            None => self.jobs.toast(
                ToastKind::Info,
                "Export cancelled; nothing was saved".to_owned(),
            ),
        }
    }

    /// Opens the in-app export form (what File → Export shows without a system dialog).
    pub fn open_export_form(&mut self, file_name: &str, scale: u8) {
        self.export_form = Some(ui::ExportForm::new(file_name, scale));
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
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                actions.push(Action::Open);
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
        if let Some(result) = self.loading.as_ref().and_then(Loading::try_finish)
            && let Some(loading) = self.loading.take()
        {
            self.finish_load(&loading.path, result);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.open_path(path, Some(&ctx));
        }

        let style = Style::for_theme(self.state.theme);
        let mut actions = self.shortcuts(&ctx);
        egui::Panel::top("relmap-top").show(ui, |ui| {
            actions.extend(ui::top_bar(
                ui,
                &self.state,
                self.settings.theme.is_none(),
                &self.settings.recent,
            ));
        });
        egui::Panel::bottom("relmap-status").show(ui, |ui| {
            ui::status_bar(ui, &self.state);
            if let Some(loading) = &self.loading {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Opening {}…", loading.path.display()));
                    ui.add(
                        egui::ProgressBar::new(loading.progress())
                            .show_percentage()
                            .desired_width(240.0),
                    );
                });
            }
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
        if let Some(form) = &mut self.export_form {
            match ui::export_form(&ctx, form) {
                ui::FormResult::Open => {}
                ui::FormResult::Cancel => self.export_form = None,
                ui::FormResult::Save(path, scale) => {
                    self.export_form = None;
                    self.export_to(path, scale);
                }
            }
        }
        self.dialogs(&ctx, &mut actions);
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            drop_hint(&ctx);
        }
        self.jobs.show_toasts(&ctx);
        for action in actions {
            self.apply(&ctx, action);
        }
    }

    fn dialogs(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if let Some((title, lines)) = &self.error {
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
            if response.inner || response.should_close() {
                self.error = None;
            }
        }
        if let Some(path) = &mut self.open_form {
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
                    ui.label(
                        egui::RichText::new("Tip: you can also drop a file onto the window.")
                            .weak(),
                    );
                    ui.horizontal(|ui| {
                        let enter =
                            edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if (ui.button("Open").clicked() || enter) && !path.trim().is_empty() {
                            actions.push(Action::OpenPath(PathBuf::from(path.trim())));
                            close = true;
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                });
            if close || !open {
                self.open_form = None;
            }
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

/// A full-window hint while files are dragged over relmap.
fn drop_hint(ctx: &egui::Context) {
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("relmap-drop"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(150));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a relmap dataset, node-link JSON or CSV edge list to open it",
        egui::FontId::proportional(20.0),
        egui::Color32::WHITE,
    );
}

impl eframe::App for RelmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if self.restore_pending {
            self.restore_pending = false;
            if let Some(saved) =
                persist::load_layout(frame.storage(), &self.state.dataset.origin.key())
            {
                saved.restore(&mut self.state);
            }
        }
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        for (key, layout) in &self.layouts {
            persist::save_layout(storage, key, layout);
        }
        persist::save(storage, &self.settings, &self.state);
    }
}
