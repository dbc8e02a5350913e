//! The eframe shell: panels around the canvas, shortcuts, persistence, exports and toasts.

mod command;
mod dialogs;
mod files;
mod filters;
mod input;
mod jobs;
mod loading;
mod persist;
mod state;
mod view;

use dialogs::{drop_hint, save_dialog};

pub use command::Command;
pub use filters::{Filters, FocusMode};
pub use jobs::{JobOutcome, Toast, ToastKind};
pub use loading::{LoadResult, Loading};
pub use persist::{SavedLayout, Settings};
pub use state::{AppState, ArticleFocus};
pub use view::{View, ZOOM_RANGE};

use std::path::PathBuf;

use crate::export::{self, ExportOptions};
use crate::model::Dataset;
use crate::scene::Style;
use crate::ui::{self, Action};

/// A save dialog that answers faster than this was never shown to the user.
const NO_DIALOG_THRESHOLD: std::time::Duration = std::time::Duration::from_millis(300);

/// Longest time a frame spends relaxing the layout, in milliseconds.
const LAYOUT_SLICE_MS: u32 = 8;

/// Height of the chronology strip: fixed, so the plot cannot make its panel creep.
const CHRONOLOGY_HEIGHT: f32 = 150.0;

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
    /// relmap's own state file (settings and layouts), written atomically; `None` in tests.
    state_file: Option<PathBuf>,
    /// Put the cursor in the search field on the next frame.
    focus_search: bool,
}

impl RelmapApp {
    /// Creates the app for `dataset`, restoring settings and the dataset's saved layout.
    pub fn new(cc: &eframe::CreationContext<'_>, dataset: Dataset) -> Self {
        crate::fonts::install(&cc.egui_ctx);
        Self::with_state_file(AppState::new(dataset), persist::state_path())
    }

    /// Creates the app reading and later writing relmap's state file at `path` (settings,
    /// recent files, every dataset's layout). A missing or unreadable file gives defaults.
    pub fn with_state_file(mut state: AppState, path: Option<PathBuf>) -> Self {
        let file = path
            .as_deref()
            .map(persist::StateFile::read)
            .unwrap_or_default();
        if let Some(saved) = file.layouts.get(&state.dataset.origin.key()) {
            let n = saved.restore(&mut state);
            log::info!("restored {n} saved actor positions");
        }
        let mut app = Self::with_settings(state, file.settings);
        app.layouts = file.layouts;
        app.state_file = path;
        app
    }

    /// Saves a screenshot of the whole window (exactly what is on screen) to `path`.
    pub fn screenshot_to(&mut self, ctx: &egui::Context, path: PathBuf) {
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
    }

    /// Writes settings and layouts to the state file (atomically), if there is one.
    pub fn save_state(&mut self) {
        let Some(path) = &self.state_file else {
            return;
        };
        self.layouts.insert(
            self.state.dataset.origin.key(),
            SavedLayout::capture(&self.state),
        );
        let file = persist::StateFile::new(self.settings.clone(), self.layouts.clone());
        if let Err(e) = file.write(path) {
            log::warn!("could not save relmap's state to {}: {e}", path.display());
        }
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
            state_file: None,
            focus_search: false,
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
                let asked = std::time::Instant::now();
                match save_dialog(&name, "png") {
                    Some(path) => self.screenshot_to(ctx, path),
                    None if asked.elapsed() < NO_DIALOG_THRESHOLD => {
                        self.export_form = Some(ui::ExportForm::screenshot(&name));
                    }
                    None => self.jobs.toast(
                        ToastKind::Info,
                        "Screenshot cancelled; nothing was saved".to_owned(),
                    ),
                }
            }
            Action::Open => self.ask_and_open(ctx),
            Action::FocusSearch => {
                self.focus_search = true;
                self.state.apply(Command::SetSidePanel(true));
                ctx.request_repaint();
            }
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

    fn sync_settings(&mut self) {
        self.settings.show_secondary = self.state.show_secondary;
        self.settings.show_legend = self.state.show_legend;
        self.settings.side_panel_open = self.state.side_panel_open;
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

        if self.state.layout_running() {
            // Bounded slices: the window stays responsive while the map relaxes.
            self.state.apply(Command::StepLayout(LAYOUT_SLICE_MS));
            ctx.request_repaint();
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
            actions.extend(ui::status_bar(ui, &self.state));
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
                    actions.extend(ui::search_panel(ui, &self.state, self.focus_search));
                    actions.extend(ui::side_panel(ui, &self.state, &style));
                });
            self.focus_search = false;
        }
        if self.state.show_chronology && crate::chronology::year_span(&self.state.dataset).is_some()
        {
            egui::Panel::bottom("relmap-chronology")
                .resizable(false)
                .exact_size(CHRONOLOGY_HEIGHT)
                .show(ui, |ui| {
                    actions.extend(ui::chronology_strip(ui, &self.state, &style));
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
                ui::FormResult::Screenshot(path) => {
                    self.export_form = None;
                    self.screenshot_to(&ctx, path);
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
}

impl eframe::App for RelmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    /// eframe keeps window geometry and egui memory in its own storage; relmap's settings and
    /// layouts go to relmap's state file, written atomically.
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_state();
    }
}
