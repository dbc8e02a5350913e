//! Opening datasets and exporting pictures: dialogs, background work, and their outcomes.

use std::path::{Path, PathBuf};

pub(super) use super::dialogs::Asked;
use super::dialogs::{Modal, save_dialog};
use super::{JobOutcome, LoadResult, Loading, RelmapApp, ToastKind, persist};
use crate::export::{self, ExportOptions, PictureFormat};
use crate::map::{EditCommand, LayoutRun};
use crate::ui::{self, Action};

impl RelmapApp {
    /// Exports the map to `path` (format from the extension) in the background, as the File
    /// menu does once the save dialog returns. Returns at once; a toast reports the outcome.
    pub fn export_to(&mut self, path: PathBuf, scale: u8) {
        self.export_figure(
            path,
            &ui::FigureChoice {
                scale,
                ..Default::default()
            },
        );
    }

    /// Exports the map to `path` drawn as `choice` says (frame, title, subtitle, scale), or
    /// its storyboard as a deck when `choice` says so.
    pub fn export_figure(&mut self, path: PathBuf, choice: &ui::FigureChoice) {
        if choice.storyboard {
            self.export_storyboard(&path, choice.preset);
            return;
        }
        if export::is_graphml(&path) {
            self.export_graphml(path);
            return;
        }
        let handout = export::is_handout(&path);
        if !handout && PictureFormat::from_path(&path).is_none() {
            self.jobs.toast(
                ToastKind::Error,
                format!(
                    "{}: name the file *.png or *.svg for a figure, *.html for the interactive \
                     handout, *.graphml for the network",
                    path.display()
                ),
            );
            return;
        }
        let mut opts = ExportOptions {
            scale: choice.scale,
            title: choice.title.clone(),
            subtitle: choice.subtitle.clone(),
            ..Default::default()
        };
        if let Some(preset) = choice.preset {
            preset.apply(&mut opts);
        }
        let scale = opts.scale;
        let figure = self.state.figure(&opts);
        if handout {
            let dataset = self.state.doc.dataset.clone();
            let min_grade = self.state.lens.filters.min_grade;
            self.jobs.spawn(move || {
                match export::write_handout(&path, &dataset, &figure, min_grade) {
                    Ok(()) => JobOutcome::Saved(path),
                    Err(e) => JobOutcome::Failed(format!("{e:#}")),
                }
            });
            return;
        }
        self.jobs.spawn(
            move || match export::export_to_file(&figure, &path, scale) {
                Ok(()) => JobOutcome::Saved(path),
                Err(e) => JobOutcome::Failed(format!("{e:#}")),
            },
        );
    }

    /// File → Export storyboard…: asks where (a PDF proposed), then writes the deck.
    pub(super) fn ask_and_export_storyboard(&mut self) {
        if self.state.doc.dataset.storyboard.is_empty() {
            self.jobs.toast(
                ToastKind::Error,
                "This map has no storyboard to export: View → Storyboard, then \"Add this \
                 view\" for each step"
                    .to_owned(),
            );
            return;
        }
        let name = export::default_file_name(
            &format!("{} storyboard", self.state.doc.dataset.title),
            "pdf",
        );
        match self.ask_system(|| save_dialog(&name, "pdf")) {
            Asked::Picked(path) => self.export_storyboard(&path, None),
            Asked::NoDialog => {
                self.modal = Some(Modal::Export(ui::ExportForm::storyboard(&name)));
            }
            Asked::Cancelled => self.jobs.toast(
                ToastKind::Info,
                "Export cancelled; nothing was saved".to_owned(),
            ),
        }
    }

    /// Writes the storyboard to `path` (a PDF, numbered PNGs or a folder) on `preset`'s
    /// pages (16:9 slides if none), on the layout shown, in the background.
    pub fn export_storyboard(&mut self, path: &Path, preset: Option<export::Preset>) {
        let target = match export::DeckTarget::from_path(path) {
            Ok(target) => target,
            Err(why) => {
                self.jobs.toast(ToastKind::Error, why);
                return;
            }
        };
        let mut opts = ExportOptions::default();
        preset.unwrap_or(export::Preset::Slide16x9).apply(&mut opts);
        let figures = self.state.storyboard_figures(&opts);
        let title = self.state.doc.dataset.title.clone();
        let first = path.to_path_buf();
        self.jobs.spawn(
            move || match export::write_deck(&target, &figures, &title, opts.scale) {
                Ok(written) => JobOutcome::Saved(written.into_iter().next().unwrap_or(first)),
                Err(e) => JobOutcome::Failed(format!("{e:#}")),
            },
        );
    }

    /// Writes the whole network (every actor and relation, with passages and the positions on
    /// screen) as GraphML, in the background.
    fn export_graphml(&mut self, path: PathBuf) {
        let dataset = self.state.doc.dataset.clone();
        let positions: Vec<[f32; 2]> = self
            .state
            .place
            .positions
            .iter()
            .map(|p| [p.x, p.y])
            .collect();
        self.jobs.spawn(
            move || match export::write_graphml(&path, &dataset, Some(&positions)) {
                Ok(()) => JobOutcome::Saved(path),
                Err(e) => JobOutcome::Failed(format!("{e:#}")),
            },
        );
    }

    /// Starts opening `path` in the background; the current map stays until it is ready, and
    /// stays for good if the file is refused (the error is shown instead).
    pub fn open_path(&mut self, path: PathBuf, ctx: Option<&egui::Context>) {
        self.loading = Some(Loading::start(
            path,
            ctx.cloned(),
            self.state.showing(),
            self.theme(),
        ));
    }

    /// Stops opening the file being read: its worker's result is dropped when it comes, the
    /// map on screen stays, and what the user agreed to discard for it is protected again.
    pub fn cancel_open(&mut self) {
        if let Some(loading) = self.loading.take() {
            self.discarded = None;
            self.jobs.toast(
                ToastKind::Info,
                format!(
                    "Stopped opening {}; the map is as it was",
                    loading.path.display()
                ),
            );
        }
    }

    /// Whether a file is being opened.
    pub fn is_opening(&self) -> bool {
        self.loading.is_some()
    }

    /// Blocks until a pending open finishes and shows it, through the gate as every finished
    /// load: with unsaved edits it asks first (tests, and callers without a window).
    pub fn wait_for_load(&mut self) {
        if let Some(loading) = self.loading.take() {
            let result = loading.wait();
            if let Some(show) = self.load_finished(loading.path, result) {
                // No frame is running: a detached context takes what a window would be told.
                self.act(&egui::Context::default(), show);
            }
        }
    }

    /// Advances the running layout by a frame's slice, or takes a live layout's newest
    /// positions, as each frame does; true if the map moved (or the layout ended).
    pub fn step_layout(&mut self) -> bool {
        match self.layout_run.step(&self.state, super::LAYOUT_SLICE) {
            Some(step) => {
                self.state.apply(step);
                true
            }
            None => false,
        }
    }

    /// The error dialog's title and lines, if one is showing.
    pub fn error(&self) -> Option<(&str, &[String])> {
        if let Some(Modal::Error { title, lines }) = &self.modal {
            Some((title.as_str(), lines.as_slice()))
        } else {
            None
        }
    }

    /// Shows a message in the corner (and logs it).
    pub fn notify(&mut self, kind: ToastKind, text: String) {
        self.jobs.toast(kind, text);
    }

    /// How far a large map's live layout has come (`None` when none runs).
    pub fn live_layout_progress(&self) -> Option<f32> {
        self.layout_run.live_progress()
    }

    /// Recently opened files, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// A load finished: a refused file is shown as an error at once (the map stays); a read
    /// map waits in `loaded` for [`Action::ShowLoaded`], which passes the gate like any other
    /// replacement of the map, so edits made while the file was read are not lost.
    pub(super) fn load_finished(&mut self, path: PathBuf, result: LoadResult) -> Option<Action> {
        match result {
            Ok(loaded) => {
                self.loaded = Some((path, Ok(loaded)));
                Some(Action::ShowLoaded)
            }
            Err(err) => {
                self.show_load_error(&path, &err);
                None
            }
        }
    }

    fn show_load_error(&mut self, path: &Path, err: &crate::model::LoadError) {
        let title = format!("Could not open {}", path.display());
        log::warn!("{title}: {err}");
        self.modal = Some(Modal::Error {
            title,
            lines: err.lines(),
        });
        // The map is unchanged, so the agreement to discard its edits for this file lapses:
        // they are protected again, and the next replacement asks anew.
        self.discarded = None;
    }

    /// Shows a finished load's map (the gate has been passed).
    pub(super) fn finish_load(&mut self, path: &Path, result: LoadResult) {
        match result {
            Ok((next, live)) => {
                let key = next.doc.dataset.origin.key();
                let notes = next.doc.dataset.notes.clone();
                log::info!("showing {}", path.display());
                self.adopt(next, false);
                if let Some(saved) = self.layouts.get(&key) {
                    // Laid out before: back where the user left it (a live layout stops).
                    self.state.apply(EditCommand::RestoreLayout(saved.clone()));
                } else if let Some(live) = live {
                    self.state.apply(EditCommand::StartFirstLayout);
                    self.layout_run = LayoutRun::adopt(&self.state, live);
                }
                self.remember_recent(path);
                let name = self.state.doc.dataset.origin.display_name();
                self.jobs
                    .toast(ToastKind::Success, format!("Opened {name}"));
                for note in notes {
                    self.jobs.toast(ToastKind::Info, note);
                }
            }
            Err(err) => self.show_load_error(path, &err),
        }
    }

    pub(super) fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(persist::RECENT_MAX);
    }

    pub(super) fn ask_and_open(&mut self, ctx: &egui::Context) {
        let asked = self.ask_system(|| {
            rfd::FileDialog::new()
                .set_title("Open a dataset")
                .add_filter(
                    "Networks (relmap, node-link JSON, GraphML, GEXF, CSV, spreadsheets)",
                    crate::model::OPEN_EXTENSIONS,
                )
                .add_filter("All files", &["*"])
                .pick_file()
        });
        match asked {
            Asked::Picked(path) => self.open_path(path, Some(ctx)),
            Asked::NoDialog => self.modal = Some(Modal::Open(String::new())),
            Asked::Cancelled => self.discarded = None,
        }
    }

    /// Waits for background exports and reads to finish (tests and shutdown).
    pub fn wait_for_jobs(&mut self) {
        for outcome in self.jobs.wait() {
            self.take_read_article(outcome);
        }
    }

    pub(super) fn ask_and_export(&mut self, extension: &str, scale: u8) {
        let name = self.figure_file_name(extension);
        match self.ask_system(|| save_dialog(&name, extension)) {
            Asked::Picked(path) => self.export_to(path, scale),
            Asked::NoDialog => self.open_export_form(&name, scale),
            Asked::Cancelled => self.jobs.toast(
                ToastKind::Info,
                "Export cancelled; nothing was saved".to_owned(),
            ),
        }
    }

    /// "Browse…" in the export form: the system's dialog fills the form's path.
    pub(super) fn browse_export_path(&mut self) {
        let Some(Modal::Export(form)) = &self.modal else {
            return;
        };
        let name = Path::new(&form.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = if form.path.to_ascii_lowercase().ends_with(".svg") {
            "svg"
        } else {
            "png"
        };
        match self.ask_system(|| save_dialog(&name, ext)) {
            Asked::Picked(path) => {
                if let Some(Modal::Export(form)) = &mut self.modal {
                    form.path = path.display().to_string();
                }
            }
            Asked::NoDialog => self.jobs.toast(
                ToastKind::Info,
                "No system file dialog is available here: type the path in the form's field"
                    .to_owned(),
            ),
            Asked::Cancelled => {}
        }
    }

    /// File → Export figure…: relmap's own dialog (frame, title, subtitle, where), its
    /// subtitle and file name naming the focus or selection.
    pub(super) fn open_figure_form(&mut self) {
        let name = self.figure_file_name("png");
        let mut form = ui::ExportForm::figure(&name);
        form.subtitle = self.state.figure_subject().unwrap_or_default();
        self.modal = Some(Modal::Export(form));
    }

    /// The proposed name of an exported figure: the map's title, then what the view is
    /// about (a focus or selection), then today's date.
    fn figure_file_name(&self, extension: &str) -> String {
        let title = &self.state.doc.dataset.title;
        let about = match self.state.figure_subject() {
            Some(subject) => format!("{title} {subject}"),
            None => title.clone(),
        };
        export::default_file_name(&about, extension)
    }

    /// Opens the in-app export form (what File → Export shows without a system dialog).
    fn open_export_form(&mut self, file_name: &str, scale: u8) {
        self.modal = Some(Modal::Export(ui::ExportForm::new(file_name, scale)));
    }
}

impl RelmapApp {
    /// Saves a screenshot of the whole window (exactly what is on screen) to `path`.
    pub(super) fn screenshot_to(&mut self, ctx: &egui::Context, path: PathBuf) {
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

    pub(super) fn ask_and_screenshot(&mut self, ctx: &egui::Context) {
        let name =
            export::default_file_name(&format!("{} window", self.state.doc.dataset.title), "png");
        match self.ask_system(|| save_dialog(&name, "png")) {
            Asked::Picked(path) => self.screenshot_to(ctx, path),
            Asked::NoDialog => {
                self.modal = Some(Modal::Export(ui::ExportForm::screenshot(&name)));
            }
            Asked::Cancelled => self.jobs.toast(
                ToastKind::Info,
                "Screenshot cancelled; nothing was saved".to_owned(),
            ),
        }
    }
}

impl RelmapApp {
    /// File → Merge map…: asks which map (or, with no file dialog, shows the path form).
    pub(super) fn ask_and_merge(&mut self) {
        let asked = self.ask_system(|| {
            rfd::FileDialog::new()
                .set_title("Merge a map into this one")
                .add_filter(
                    "Networks (relmap, node-link JSON, GraphML, GEXF, CSV, spreadsheets)",
                    crate::model::OPEN_EXTENSIONS,
                )
                .pick_file()
        });
        match asked {
            Asked::Picked(path) => self.merge_path(&path),
            Asked::NoDialog => self.modal = Some(Modal::MergeFrom(String::new())),
            Asked::Cancelled => {}
        }
    }

    /// Loads the map at `path` and merges it into the open one (one undo step); reports what
    /// was matched and added, or why the file was refused (the open map is left as it was).
    pub fn merge_path(&mut self, path: &Path) {
        match crate::model::load_path(path) {
            Ok(other) => self.merge_dataset(other, &path.display().to_string()),
            Err(e) => {
                self.modal = Some(Modal::Error {
                    title: "Could not merge this map".to_owned(),
                    lines: e.to_string().lines().map(str::to_owned).collect(),
                });
            }
        }
    }
}
