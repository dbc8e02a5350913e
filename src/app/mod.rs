//! The eframe shell: owns the [`MapState`], the running layout, modals, background jobs and
//! persistence; lays out the panels; carries out the effects the UI asks for.

mod authoring;
mod autosave;
mod compare;
mod dialogs;
mod files;
mod fonts;
mod gate;
mod jobs;
mod loading;
mod persist;
mod review;
mod save_dialogs;
mod state;
mod theme;

pub use dialogs::Modal;
pub use jobs::{JobOutcome, Toast, ToastKind};
pub use loading::{LoadResult, Loading};
pub use persist::StateFile;

use std::path::PathBuf;
use std::time::Duration;

use crate::export::{self, ExportOptions};
use crate::map::{
    ArticleCommand, Command, EditCommand, LayoutRun, MapState, SavedLayout, SelectCommand,
};
use crate::model::Dataset;
use crate::scene::{Selection, Style, Theme};
use crate::ui::{self, Action, Prefs};

/// A save dialog that answers faster than this was never shown to the user.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(300);

/// Longest time a frame spends relaxing the layout.
const LAYOUT_SLICE: Duration = Duration::from_millis(8);

/// Height of the chronology strip: fixed, so the plot cannot make its panel creep.
const CHRONOLOGY_HEIGHT: f32 = 150.0;

/// The relmap application.
pub struct RelmapApp {
    /// The open map: read freely, changed only through `apply` (see [`state::AppliedOnly`]).
    state: state::AppliedOnly,
    /// The relaxation answering `state.layout_request`, stepped once per frame.
    layout_run: LayoutRun,
    jobs: jobs::Jobs,
    /// The dialog or window in front of the map, if any.
    modal: Option<Modal>,
    title_sent: Option<String>,
    /// Whether the window was last asked to fill the screen (while presenting).
    full_screen_sent: bool,
    loading: Option<Loading>,
    /// Recently opened files, newest first (persisted).
    recent: Vec<PathBuf>,
    /// Layouts of datasets opened earlier, by origin key (saved on exit).
    layouts: std::collections::BTreeMap<String, SavedLayout>,
    /// relmap's own state file (prefs, recent files, layouts), written atomically; `None` in tests.
    state_file: Option<PathBuf>,
    /// Put the cursor in the search field on the next frame.
    focus_search: bool,
    /// The user chose to quit (and answered the unsaved-changes question, if any).
    quitting: bool,
    /// The periodic copy of unsaved edits (`None` in tests without a state file).
    autosave: Option<autosave::Autosave>,
    /// Which document the fonts were last fitted to (origin, revision, sources, actors).
    fonts_for: Option<(String, u64, usize, usize)>,
    /// Scripts of the map no font has (named in the status line).
    missing_scripts: Vec<crate::fonts::MissingScript>,
    /// Whether the system's file dialogs are asked (the real app); without them every chooser
    /// is relmap's own path form (tests, and desktops without a file-dialog portal).
    system_dialogs: bool,
    /// A finished load waiting for the answer to "Save changes?" (see [`Action::ShowLoaded`]).
    loaded: Option<(PathBuf, LoadResult)>,
    /// The revision of the open map the user chose to discard (Discard in "Save changes?"),
    /// while what they asked for goes on (a file chooser, the new-map form). Any edit gives
    /// the map a new revision, so the question comes again.
    discarded: Option<u64>,
    /// App-wide preferences (theme, panels, how the next map opens), persisted; never the
    /// map's.
    prefs: Prefs,
    /// The operating system's theme, used while `prefs.theme` is `None`.
    system_theme: Theme,
    /// Pages to scroll the evidence panel by on the next frame (PageUp/PageDown).
    evidence_scroll: i8,
    /// A comparison shown in place of the map, and the map waiting behind it.
    comparing: Option<compare::Comparing>,
}

impl RelmapApp {
    /// Creates the app for `dataset`, restoring preferences and the dataset's saved layout.
    pub fn new(cc: &eframe::CreationContext<'_>, dataset: Dataset) -> Self {
        crate::fonts::install(&cc.egui_ctx);
        let mut app = Self::with_state_file(dataset, persist::state_path());
        app.system_dialogs = true;
        app
    }

    /// Creates the app reading and later writing relmap's state file at `path` (prefs,
    /// recent files, every dataset's layout). A missing or unreadable file gives defaults.
    pub fn with_state_file(dataset: Dataset, path: Option<PathBuf>) -> Self {
        let file = path.as_deref().map(StateFile::read).unwrap_or_default();
        let positions = crate::scene::readable_positions(&dataset, 0, &mut |_| {});
        let state = MapState::with_layout(dataset, positions, file.prefs.showing());
        let mut app = Self::from_state(state);
        app.prefs = file.prefs;
        if let Some(saved) = file.layouts.get(&app.state.doc.dataset.origin.key()) {
            log::info!(
                "restoring {} saved actor positions",
                saved.matches(&app.state)
            );
            app.state.apply(EditCommand::RestoreLayout(saved.clone()));
        }
        app.recent = file.recent;
        app.layouts = file.layouts;
        app.autosave = path.as_deref().and_then(autosave::Autosave::beside);
        app.state_file = path;
        app.offer_recovery();
        app
    }

    /// Creates the app around an existing state (tests, embedding); nothing is read from disk.
    pub fn from_state(state: MapState) -> Self {
        Self {
            state: state::AppliedOnly::new(state),
            layout_run: LayoutRun::default(),
            jobs: jobs::Jobs::default(),
            modal: None,
            title_sent: None,
            full_screen_sent: false,
            loading: None,
            recent: Vec::new(),
            layouts: std::collections::BTreeMap::new(),
            state_file: None,
            focus_search: false,
            quitting: false,
            autosave: None,
            fonts_for: None,
            missing_scripts: Vec::new(),
            system_dialogs: false,
            loaded: None,
            prefs: Prefs::default(),
            system_theme: Theme::Light,
            evidence_scroll: 0,
            comparing: None,
            discarded: None,
        }
    }

    /// The window title: the map's title, marked "•" while it has unsaved edits, as desktop
    /// editors do.
    pub fn window_title(&self) -> String {
        let own = self.own_map();
        let dirty = if own.is_dirty() { "• " } else { "" };
        let comparing = if self.is_comparing() {
            " (comparing)"
        } else {
            ""
        };
        format!("relmap — {dirty}{}{comparing}", own.doc.dataset.title)
    }

    /// The map state.
    pub fn state(&self) -> &MapState {
        &self.state
    }

    /// The app-wide preferences (theme, panels, how the next map opens).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The theme in effect: the user's choice, or the system's when following it.
    pub fn theme(&self) -> Theme {
        self.prefs.theme_or(self.system_theme)
    }

    /// The dialog or window in front of the map, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Messages currently shown at the bottom right (newest last).
    pub fn toasts(&self) -> &[Toast] {
        self.jobs.toasts()
    }

    /// Writes prefs, recent files and layouts to the state file (atomically), if there is one.
    pub fn save_state(&mut self) {
        let Some(path) = &self.state_file else {
            return;
        };
        self.layouts.insert(
            self.state.doc.dataset.origin.key(),
            SavedLayout::capture(&self.state),
        );
        self.prefs.remember(self.state.showing());
        let file = StateFile::new(
            self.prefs.clone(),
            self.recent.clone(),
            self.layouts.clone(),
        );
        if let Err(e) = file.write(path) {
            log::warn!("could not save relmap's state to {}: {e}", path.display());
        }
    }

    /// Esc closes the topmost thing first: a dialog or window, a file being opened, the
    /// article, keyboard evidence (back to the actor), search results, and only then clears
    /// the selection (which also clears the article's highlight).
    /// F6: the keyboard goes from the map to the evidence panel (its search field, from which
    /// Tab reaches the evidence) or from anywhere else back to the map.
    fn switch_pane(&mut self, ctx: &egui::Context) {
        if ui::map_has_focus(ctx) {
            self.prefs.apply(ui::PrefCommand::SetSidePanel(true));
            self.focus_search = true;
        } else {
            let canvas = egui::Id::unique(ui::CANVAS_ID);
            ctx.memory_mut(|m| m.request_focus(canvas));
        }
        ctx.request_repaint();
    }

    fn escape(&mut self) {
        if self.modal.take().is_some() {
            self.discarded = None;
            return;
        }
        if self.state.presenting() {
            // The presentation ends first, whatever it opened (the article stays as it is).
            self.state.apply(crate::map::StoryCommand::StopPresenting);
            return;
        }
        if self.loading.is_some() {
            self.cancel_open();
            return;
        }
        if self.state.reader.open {
            self.state.apply(ArticleCommand::SetOpen(false));
        } else if self.state.key_back_pending() {
            // Evidence opened from the keyboard: Esc goes back to the actor's relations.
            self.state
                .apply(SelectCommand::Key(crate::map::KeyStep::Back));
        } else if !self.state.lens.search.is_empty() {
            // Search results close before the selection goes.
            self.state
                .apply(crate::map::FilterCommand::SetSearch(String::new()));
        } else if self.state.pointing.selection == Selection::None && self.is_comparing() {
            // Nothing left to close in the comparison: Esc leaves it.
            self.leave_comparison();
        } else {
            self.state.apply(SelectCommand::Select(Selection::None));
        }
    }

    fn toggle_modal(&mut self, modal: Modal) {
        self.modal = if self.modal.as_ref() == Some(&modal) {
            None
        } else {
            Some(modal)
        };
    }

    fn copy_image(&mut self) {
        let figure = self.state.figure(&ExportOptions::default());
        self.jobs.spawn(move || {
            let svg = export::figure_svg(&figure);
            match export::svg_to_rgba(&svg, 2) {
                Ok(image) => JobOutcome::Copied(image),
                Err(e) => JobOutcome::Failed(format!("{e:#}")),
            }
        });
    }

    /// What a frame does before drawing: follow the system theme, fit fonts to the map, send
    /// the window title, take finished jobs and the running layout's positions. What arrived
    /// from outside (a finished load, dropped files, the window's close button) comes back as
    /// actions, to go through the gate after drawing like everything else.
    fn before_paint(&mut self, ctx: &egui::Context) -> Vec<Action> {
        self.sync_theme(ctx);
        self.fit_fonts(ctx);
        let mut actions = Vec::new();
        // The window's close button with unsaved edits: ask first, as File → Quit does.
        if ctx.input(|i| i.viewport().close_requested()) && !self.quitting && self.unsaved_at_risk()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            actions.push(Action::Quit);
        }
        let title = self.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        // A presentation fills the screen, however it started or ended (keys, buttons, undo).
        let presenting = self.state.presenting();
        if presenting != self.full_screen_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(presenting));
            self.full_screen_sent = presenting;
        }
        for outcome in self.jobs.poll() {
            let Some(outcome) = self.take_read_article(outcome) else {
                ctx.request_repaint();
                continue;
            };
            if let JobOutcome::Copied(image) = outcome {
                ctx.copy_image(image);
                self.jobs.toast(
                    ToastKind::Success,
                    "Map image copied to the clipboard".to_owned(),
                );
            }
        }
        if self.jobs.busy() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if let Some(result) = self.loading.as_ref().and_then(Loading::try_finish)
            && let Some(loading) = self.loading.take()
        {
            let next = self.load_finished(loading.path, result);
            actions.extend(next);
        }
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            actions.push(Action::OpenPath(path));
        }
        // Bounded slices: the window stays responsive while the map relaxes.
        if self.step_layout() {
            ctx.request_repaint();
        }
        if self.layout_run.live_progress().is_some() {
            // The worker ticks on its own; look again soon for its positions.
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        actions
    }

    /// Draws one frame into `ui` (the whole window). Public so tests can drive it directly.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut actions = self.before_paint(&ctx);
        let theme = self.theme();
        let style = Style::for_theme(theme);
        let keys = ui::KeyContext {
            dialog_open: self.modal.as_ref().is_some_and(Modal::takes_keyboard),
            actor_selected: matches!(self.state.pointing.selection, Selection::Actor(_)),
            relation_lit: self.state.key_lit().is_some(),
            article_selection: self.state.reader.open && self.state.reader.selection.is_some(),
            presenting: self.state.presenting(),
            step_picked: self.prefs.show_storyboard && self.state.story.current.is_some(),
        };
        actions.extend(ui::consume_shortcuts(&ctx, keys));
        if self.state.presenting() {
            self.presentation_ui(ui, &style, &mut actions);
        } else {
            self.workbench_ui(ui, &style, theme, &mut actions);
        }
        actions.extend(ui::article_window(&ctx, &self.state, &style));
        if let Some(modal) = &mut self.modal
            && let Some(action) = modal.show(&ctx, &self.state)
        {
            if !action.keeps_dialog() {
                self.modal = None;
            }
            actions.push(action);
        }
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            dialogs::drop_hint(&ctx);
        }
        actions.extend(self.jobs.show_toasts(&ctx).into_iter().map(Action::Map));
        self.settle_linked_hover(&mut actions);
        // Drawing is done: effects run now, each through the one gate, in the order asked.
        for action in actions {
            self.act(&ctx, action);
        }
        self.autosave_tick(&ctx);
    }

    /// The presentation: the step's title and caption above the map, the selected
    /// relation's passages beside it, nothing else.
    fn presentation_ui(&mut self, ui: &mut egui::Ui, style: &Style, actions: &mut Vec<Action>) {
        egui::Panel::top("relmap-present-head").show(ui, |ui| {
            actions.extend(ui::presentation_head(ui, &self.state));
        });
        egui::Panel::right("relmap-present-evidence")
            .resizable(true)
            .default_size(420.0)
            .size_range(280.0..=760.0)
            .show(ui, |ui| {
                actions.extend(ui::presentation_evidence(ui, &self.state));
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            actions.extend(ui::canvas(ui, &self.state, style, self.prefs.show_legend));
        });
    }

    /// The workbench: menus, the comparison bar, the status line, the storyboard, evidence
    /// and chronology panels around the map.
    fn workbench_ui(
        &mut self,
        ui: &mut egui::Ui,
        style: &Style,
        theme: crate::scene::Theme,
        actions: &mut Vec<Action>,
    ) {
        egui::Panel::top("relmap-top").show(ui, |ui| {
            actions.extend(ui::top_bar(
                ui,
                &self.state,
                (&self.prefs, theme),
                &self.recent,
            ));
        });
        if let Some(bar) = self.compare_bar() {
            egui::Panel::top("relmap-compare").show(ui, |ui| {
                actions.extend(ui::compare_bar(ui, &bar));
            });
        }
        egui::Panel::bottom("relmap-status").show(ui, |ui| {
            actions.extend(ui::status_bar(ui, &self.state, &self.missing_scripts));
            actions.extend(self.progress_lines(ui));
        });
        if self.prefs.side_panel_open {
            egui::Panel::right("relmap-evidence")
                .resizable(true)
                .default_size(360.0)
                .size_range(240.0..=720.0)
                .show(ui, |ui| {
                    actions.extend(ui::search_panel(ui, &self.state, self.focus_search));
                    let scroll = std::mem::take(&mut self.evidence_scroll);
                    actions.extend(ui::side_panel(ui, &self.state, style, scroll));
                });
            self.focus_search = false;
        }
        if self.prefs.show_chronology && self.state.year_span().is_some() {
            egui::Panel::bottom("relmap-chronology")
                .resizable(false)
                .exact_size(CHRONOLOGY_HEIGHT)
                .show(ui, |ui| {
                    actions.extend(ui::chronology_strip(ui, &self.state, style));
                });
        }
        if self.prefs.show_storyboard {
            egui::Panel::left("relmap-storyboard")
                .resizable(true)
                .default_size(280.0)
                .size_range(220.0..=520.0)
                .show(ui, |ui| {
                    actions.extend(ui::storyboard_panel(ui, &self.state));
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            actions.extend(ui::canvas(ui, &self.state, style, self.prefs.show_legend));
        });
    }

    /// Panels report what row, dot or highlight the pointer is over only while it is there;
    /// keep the last such report of this frame, and clear the map's highlight when none came.
    fn settle_linked_hover(&self, actions: &mut Vec<Action>) {
        let is_linked = |a: &Action| {
            matches!(
                a,
                Action::Map(Command::Select(SelectCommand::HoverLinked(_)))
            )
        };
        let reported = actions.iter().rev().find_map(|a| {
            if let Action::Map(Command::Select(SelectCommand::HoverLinked(hit))) = a {
                Some(*hit)
            } else {
                None
            }
        });
        actions.retain(|a| !is_linked(a));
        let linked = reported.flatten();
        if linked != self.state.pointing.linked_hover {
            actions.push(SelectCommand::HoverLinked(linked).into());
        }
    }

    /// Spinners under the status line while a file opens or an export runs.
    fn progress_lines(&self, ui: &mut egui::Ui) -> Option<Action> {
        let mut cancel = None;
        if let Some(loading) = &self.loading {
            ui.horizontal(|ui| {
                ui::slow_spinner(ui);
                let progress = loading.progress();
                ui.label(format!(
                    "Opening {}: {}…",
                    loading.path.display(),
                    progress.describe()
                ));
                ui.add(
                    egui::ProgressBar::new(progress.overall())
                        .show_percentage()
                        .desired_width(240.0),
                );
                if ui
                    .button("Cancel")
                    .on_hover_text("Stop opening the file (Esc); the map on screen stays")
                    .clicked()
                {
                    cancel = Some(Action::CancelOpen);
                }
            });
        }
        if let Some(progress) = self.layout_run.live_progress() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Laying out the map…")
                    .on_hover_text("Drag an actor to stop the layout where it is");
                ui.add(
                    egui::ProgressBar::new(progress)
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
        cancel
    }
}

impl eframe::App for RelmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // With RUST_LOG=relmap=info, the log then times opening a file from the start.
        static FIRST_FRAME: std::sync::Once = std::sync::Once::new();
        FIRST_FRAME.call_once(|| log::info!("first frame"));
        self.frame_ui(ui);
    }

    /// eframe keeps window geometry and egui memory in its own storage; relmap's prefs and
    /// layouts go to relmap's state file, written atomically.
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_state();
    }
}
