//! Authoring in the shell: the new-map, actor and evidence forms, saving, and the
//! "unsaved changes" question before anything would drop edits.

use std::path::{Path, PathBuf};

use super::dialogs::{Modal, save_dialog};
use super::save_dialogs::{
    UnsavedChoice, is_relmap_name, save_as_form, unsaved_dialog, with_relmap_suffix,
};
use super::{NO_DIALOG_THRESHOLD, RelmapApp, ToastKind};
use crate::map::{ArticleCommand, DocCommand, MapState};
use crate::model::{self, Origin};
use crate::ui::{self, Action, FormOutcome, NewMapRequest};

/// What the user asked for when the map had unsaved edits; done after Save or Discard.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Open another file (asks which).
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Start a new map.
    NewMap,
    /// Close relmap.
    Quit,
}

impl RelmapApp {
    /// Whether `action` would replace or close the map; with unsaved edits it asks first.
    pub(super) fn guard_unsaved(&mut self, action: &Action) -> bool {
        if !self.state.is_dirty() {
            return false;
        }
        let pending = match action {
            Action::Open => Pending::Open,
            Action::OpenPath(p) => Pending::OpenPath(p.clone()),
            Action::NewMap => Pending::NewMap,
            Action::Quit => Pending::Quit,
            _ => return false,
        };
        self.modal = Some(Modal::Unsaved(pending));
        true
    }

    /// Carries out what was pending once the user chose Save or Discard.
    pub(super) fn resume(&mut self, ctx: &egui::Context, pending: Pending) {
        // The edits were saved or discarded on purpose: nothing to ask again.
        self.state.saved_revision = self.state.revision;
        let action = match pending {
            Pending::Open => Action::Open,
            Pending::OpenPath(p) => Action::OpenPath(p),
            Pending::NewMap => Action::NewMap,
            Pending::Quit => Action::Quit,
        };
        self.apply(ctx, action);
    }

    /// The file Save writes to: the relmap file the map was opened from or last saved to.
    pub fn save_path(&self) -> Option<PathBuf> {
        match &self.state.dataset.origin {
            Origin::File(p) if is_relmap_name(p) => Some(p.clone()),
            _ => None,
        }
    }

    /// Writes the map as relmap/1 to `path` (atomically); from then on Save writes there.
    pub fn save_to(&mut self, path: &Path) -> Result<(), String> {
        let json = model::to_relmap_json(&self.state.dataset);
        crate::atomic::write_atomic(path, json.as_bytes()).map_err(|e| {
            format!(
                "Could not save {}: {e}. Choose another folder with File → Save as.",
                path.display()
            )
        })?;
        let old_key = self.state.dataset.origin.key();
        self.state.dataset.origin = Origin::File(path.to_path_buf());
        if let Some(layout) = self.layouts.remove(&old_key) {
            self.layouts.insert(self.state.dataset.origin.key(), layout);
        }
        self.state.saved_revision = self.state.revision;
        self.remember_recent(path);
        self.jobs
            .toast(ToastKind::Success, format!("Saved {}", path.display()));
        Ok(())
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.save_path() {
            Some(path) => {
                if let Err(e) = self.save_to(&path) {
                    self.jobs.toast(ToastKind::Error, e);
                }
            }
            None => self.ask_and_save_as(ctx),
        }
    }

    /// Writes the evidence report of what the map shows to `path` in the background.
    pub fn report_to(&mut self, path: PathBuf) {
        if crate::export::ReportFormat::from_path(&path).is_none() {
            self.jobs.toast(
                ToastKind::Error,
                format!("{}: name the report *.html, *.md or *.csv", path.display()),
            );
            return;
        }
        let input = self.state.report_input(None, false);
        let figure = self.state.figure(&crate::export::ExportOptions::default());
        let dataset = self.state.dataset.clone();
        self.jobs.spawn(move || {
            match crate::export::write_report(&path, &dataset, &input, &figure) {
                Ok(_) => super::JobOutcome::Saved(path),
                Err(e) => super::JobOutcome::Failed(format!("{e:#}")),
            }
        });
    }

    pub(super) fn ask_and_report(&mut self) {
        let name = crate::export::default_file_name(
            &format!("{} evidence", self.state.dataset.title),
            "html",
        );
        let asked = std::time::Instant::now();
        let picked = rfd::FileDialog::new()
            .set_title("Export evidence report")
            .set_file_name(&name)
            .add_filter("Web page (HTML)", &["html"])
            .add_filter("Markdown", &["md"])
            .add_filter("Spreadsheet (CSV)", &["csv"])
            .save_file();
        match picked {
            Some(path) => self.report_to(path),
            None if asked.elapsed() < NO_DIALOG_THRESHOLD => {
                let folder = std::env::home_dir().unwrap_or_else(|| PathBuf::from("."));
                self.modal = Some(Modal::ReportAs(folder.join(name).display().to_string()));
            }
            None => self.jobs.toast(
                ToastKind::Info,
                "Report cancelled; nothing was saved".to_owned(),
            ),
        }
    }

    pub(super) fn ask_and_save_as(&mut self, _ctx: &egui::Context) {
        let name = crate::export::default_file_name(&self.state.dataset.title, "relmap.json");
        let asked = std::time::Instant::now();
        match save_dialog(&name, "json").map(|p| with_relmap_suffix(&p)) {
            Some(path) => {
                if let Err(e) = self.save_to(&path) {
                    self.jobs.toast(ToastKind::Error, e);
                }
            }
            None if asked.elapsed() < NO_DIALOG_THRESHOLD => {
                let folder = std::env::home_dir().unwrap_or_else(|| PathBuf::from("."));
                self.modal = Some(Modal::SaveAs(folder.join(name).display().to_string()));
            }
            None => self.jobs.toast(ToastKind::Info, "Not saved".to_owned()),
        }
    }

    /// Replaces the map with a new one made from an article, and opens the article ready for
    /// selecting evidence.
    pub fn start_new_map(&mut self, dataset: model::Dataset) {
        self.replace_map(dataset);
        self.state.apply(ArticleCommand::SetOpen(true));
        self.state.apply(ArticleCommand::SetAuthoring(true));
        self.jobs.toast(
            ToastKind::Info,
            "New map: add actors (side panel), then select text in the article and press E"
                .to_owned(),
        );
    }

    /// Puts `dataset` on screen with its default layout, keeping the outgoing map's layout.
    pub(super) fn replace_map(&mut self, dataset: model::Dataset) {
        let old_key = self.state.dataset.origin.key();
        self.layouts
            .insert(old_key, crate::map::SavedLayout::capture(&self.state));
        let mut next = MapState::new(dataset);
        next.prefs = self.state.prefs.clone();
        next.system_theme = self.state.system_theme;
        self.state = next;
        self.layout_run = crate::map::LayoutRun::default();
    }

    /// Reads an article file into the new-map form (`.txt`, `.md`, `.html`).
    pub fn read_article_into_form(&mut self, path: &Path) {
        let file = path.display().to_string();
        let result = model::read_text_file(path)
            .map_err(|e| e.to_string())
            .and_then(|text| model::article_text(&text, &file).map_err(|e| e.to_string()));
        if let Some(Modal::NewMap(form)) = &mut self.modal {
            match result {
                Ok(text) => {
                    form.text = text;
                    form.error = None;
                    if form.title.trim().is_empty() {
                        form.title = path
                            .file_stem()
                            .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
                            .unwrap_or_default();
                    }
                }
                Err(e) => form.error = Some(e),
            }
        }
    }

    /// Shows the authoring forms; returns `None` when the modal is not one of them.
    /// The new-map form (also "Add source…"): `Some(keep)` as for
    /// [`Self::show_authoring_modal`].
    fn show_new_map_form(&mut self, ctx: &egui::Context) -> Option<bool> {
        let Some(Modal::NewMap(form)) = self.modal.as_mut() else {
            return None;
        };
        let keep = match ui::new_map_form(ctx, form) {
            FormOutcome::Open => true,
            FormOutcome::Cancel => false,
            FormOutcome::Done(NewMapRequest::ChooseFile) => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title("Read an article")
                    .add_filter("Articles", &["txt", "md", "html", "htm"])
                    .pick_file()
                {
                    self.read_article_into_form(&path);
                }
                true
            }
            FormOutcome::Done(NewMapRequest::Create(text, fields)) if form.add_source => {
                self.modal = None;
                self.state.apply(DocCommand::AddSource { fields, text });
                return Some(true);
            }
            FormOutcome::Done(NewMapRequest::Create(text, fields)) => {
                let dataset = model::new_map_from_text(&text, fields);
                self.modal = None;
                self.start_new_map(dataset);
                // The modal was cleared above; keep whatever the step opened next.
                return Some(true);
            }
        };
        Some(keep)
    }

    pub(super) fn show_authoring_modal(
        &mut self,
        ctx: &egui::Context,
        actions: &mut Vec<Action>,
    ) -> Option<bool> {
        let modal = self.modal.as_mut()?;
        let keep = match modal {
            Modal::NewMap(_) => return self.show_new_map_form(ctx),
            Modal::Actor(form) => match ui::actor_form(ctx, form) {
                FormOutcome::Open => true,
                FormOutcome::Cancel => false,
                FormOutcome::Done(command) => {
                    actions.push(command.into());
                    false
                }
            },
            Modal::Source(form) => match ui::source_form(ctx, form) {
                FormOutcome::Open => true,
                FormOutcome::Cancel => false,
                FormOutcome::Done(command) => {
                    actions.push(command.into());
                    false
                }
            },
            Modal::Evidence(form) => match ui::evidence_form(ctx, &self.state, form) {
                FormOutcome::Open => true,
                FormOutcome::Cancel => false,
                FormOutcome::Done(command) => {
                    actions.push(command.into());
                    false
                }
            },
            Modal::Unsaved(pending) => {
                let pending = pending.clone();
                match unsaved_dialog(ctx, &self.state.dataset.title) {
                    UnsavedChoice::Wait => true,
                    UnsavedChoice::Cancel => false,
                    UnsavedChoice::Discard => {
                        self.modal = None;
                        self.resume(ctx, pending);
                        // The modal was cleared above; keep whatever the step opened next.
                        return Some(true);
                    }
                    UnsavedChoice::Save => {
                        self.modal = None;
                        match self.save_path() {
                            Some(path) => match self.save_to(&path) {
                                Ok(()) => self.resume(ctx, pending),
                                Err(e) => self.jobs.toast(ToastKind::Error, e),
                            },
                            // No file yet: Save as first; the user repeats what they asked.
                            None => self.ask_and_save_as(ctx),
                        }
                        // The modal was cleared above; keep whatever the step opened next.
                        return Some(true);
                    }
                }
            }
            Modal::ReportAs(path) => match save_as_form(ctx, path, "Export evidence report") {
                Some(true) => {
                    let target = PathBuf::from(path.trim());
                    self.modal = None;
                    self.report_to(target);
                    // The modal was cleared above; keep whatever the step opened next.
                    return Some(true);
                }
                Some(false) => false,
                None => true,
            },
            Modal::SaveAs(path) => match save_as_form(ctx, path, "Save map as") {
                Some(true) => {
                    let target = with_relmap_suffix(&PathBuf::from(path.trim()));
                    self.modal = None;
                    if let Err(e) = self.save_to(&target) {
                        self.jobs.toast(ToastKind::Error, e);
                    }
                    // The modal was cleared above; keep whatever the step opened next.
                    return Some(true);
                }
                Some(false) => false,
                None => true,
            },
            Modal::Recover => match super::autosave::recovery_dialog(ctx) {
                Some(true) => {
                    self.modal = None;
                    self.recover();
                    // The modal was cleared above; keep whatever the step opened next.
                    return Some(true);
                }
                Some(false) => {
                    self.discard_recovery();
                    false
                }
                None => true,
            },
            _ => return None,
        };
        Some(keep)
    }
}
