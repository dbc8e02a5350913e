//! Authoring in the shell: saving (Save, Save as, and saving before what "Save changes?"
//! interrupted), the evidence report, and starting a new map from an article.

use std::path::{Path, PathBuf};

use super::dialogs::{Asked, Modal, save_dialog};
use super::save_dialogs::is_relmap_name;
use super::{RelmapApp, ToastKind};
use crate::map::{ArticleCommand, FileCommand, MapState};
use crate::model::{self, Origin};
use crate::ui::Action;

impl RelmapApp {
    /// The file Save writes to: the relmap file the map was opened from or last saved to.
    pub fn save_path(&self) -> Option<PathBuf> {
        match &self.state.doc.dataset.origin {
            Origin::File(p) if is_relmap_name(p) => Some(p.clone()),
            _ => None,
        }
    }

    /// Writes the map as relmap/1 to `path` (atomically); from then on Save writes there.
    pub fn save_to(&mut self, path: &Path) -> Result<(), String> {
        let json = model::to_relmap_json(&self.state.doc.dataset);
        crate::atomic::write_atomic(path, json.as_bytes()).map_err(|e| {
            format!(
                "Could not save {}: {e}. Choose another folder with File → Save as.",
                path.display()
            )
        })?;
        let old_key = self.state.doc.dataset.origin.key();
        self.state
            .apply(FileCommand::Saved(Origin::File(path.to_path_buf())));
        if let Some(layout) = self.layouts.remove(&old_key) {
            self.layouts
                .insert(self.state.doc.dataset.origin.key(), layout);
        }
        self.remember_recent(path);
        self.jobs
            .toast(ToastKind::Success, format!("Saved {}", path.display()));
        Ok(())
    }

    /// Save: to the map's file, or asks where; then goes on with `then`, if given.
    pub(super) fn save(&mut self, then: Option<Box<Action>>, ctx: &egui::Context) {
        match self.save_path() {
            Some(path) => self.save_then(&path, then, ctx),
            None => self.ask_and_save_as(then, ctx),
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
        let dataset = self.state.doc.dataset.clone();
        self.jobs.spawn(move || {
            match crate::export::write_report(&path, &dataset, &input, &figure) {
                Ok(_) => super::JobOutcome::Saved(path),
                Err(e) => super::JobOutcome::Failed(format!("{e:#}")),
            }
        });
    }

    pub(super) fn ask_and_report(&mut self) {
        let name = crate::export::default_file_name(
            &format!("{} evidence", self.state.doc.dataset.title),
            "html",
        );
        let asked = self.ask_system(|| {
            rfd::FileDialog::new()
                .set_title("Export evidence report")
                .set_file_name(&name)
                .add_filter("Web page (HTML)", &["html"])
                .add_filter("Markdown", &["md"])
                .add_filter("Spreadsheet (CSV)", &["csv"])
                .save_file()
        });
        match asked {
            Asked::Picked(path) => self.report_to(path),
            Asked::NoDialog => {
                self.modal = Some(Modal::ReportAs(default_folder(&name)));
            }
            Asked::Cancelled => self.jobs.toast(
                ToastKind::Info,
                "Report cancelled; nothing was saved".to_owned(),
            ),
        }
    }

    /// Save as: asks where, saves, then goes on with `then`, if given.
    pub(super) fn ask_and_save_as(&mut self, then: Option<Box<Action>>, ctx: &egui::Context) {
        let name = crate::export::default_file_name(&self.state.doc.dataset.title, "relmap.json");
        match self.ask_system(|| save_dialog(&name, "json")) {
            Asked::Picked(path) => self.save_then(&path, then, ctx),
            Asked::NoDialog => {
                self.modal = Some(Modal::SaveAs {
                    path: default_folder(&name),
                    then,
                });
            }
            Asked::Cancelled => {
                self.discarded = None;
                self.jobs.toast(ToastKind::Info, "Not saved".to_owned());
            }
        }
    }

    /// Replaces the map with a new one made from an article, and opens the article ready for
    /// selecting evidence.
    pub fn start_new_map(&mut self, dataset: model::Dataset) {
        self.adopt(MapState::new(dataset), false);
        self.state.apply(ArticleCommand::SetOpen(true));
        self.state.apply(ArticleCommand::SetAuthoring(true));
        self.jobs.toast(
            ToastKind::Info,
            "New map: add actors (side panel), then select text in the article and press E"
                .to_owned(),
        );
    }

    /// "Read from file…" in the new-map form: the system's dialog, or the form's own path
    /// field where there is none.
    pub(super) fn choose_article(&mut self) {
        let asked = self.ask_system(|| {
            rfd::FileDialog::new()
                .set_title("Read an article")
                .add_filter(
                    "Articles (text, Markdown, HTML, PDF, Word, OpenDocument)",
                    model::ARTICLE_EXTENSIONS,
                )
                .pick_file()
        });
        match asked {
            Asked::Picked(path) => self.read_article_into_form(&path),
            Asked::NoDialog => {
                if let Some(Modal::NewMap(form)) = &mut self.modal {
                    form.file.get_or_insert_with(String::new);
                }
            }
            Asked::Cancelled => {}
        }
    }

    /// Reads an article file into the new-map form (text, Markdown, HTML, PDF, Word,
    /// OpenDocument) on a worker, so a long PDF never stops the window; the form says it is
    /// reading meanwhile (see [`RelmapApp::take_read_article`]).
    pub fn read_article_into_form(&mut self, path: &Path) {
        if let Some(Modal::NewMap(form)) = &mut self.modal {
            form.reading = Some(path.display().to_string());
            form.error = None;
        }
        let path = path.to_path_buf();
        self.jobs.spawn(move || super::JobOutcome::ArticleRead {
            result: model::read_article_file(&path)
                .map(Box::new)
                .map_err(|e| e.to_string()),
            path,
        });
    }

    /// Fills the new-map form with an article read on a worker: its text, and the title,
    /// author and date its metadata gives where the form has none yet; what reading left out
    /// (running headers, page numbers) is said. Other outcomes are handed back.
    pub(super) fn take_read_article(
        &mut self,
        outcome: super::JobOutcome,
    ) -> Option<super::JobOutcome> {
        let super::JobOutcome::ArticleRead { path, result } = outcome else {
            return Some(outcome);
        };
        let Some(Modal::NewMap(form)) = &mut self.modal else {
            // The form was closed meanwhile: nothing waits for the text.
            return None;
        };
        form.reading = None;
        match result {
            Ok(article) => {
                let article = *article;
                form.text = article.text;
                form.error = None;
                if form.title.trim().is_empty() {
                    form.title = article.title.unwrap_or_else(|| {
                        path.file_stem()
                            .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
                            .unwrap_or_default()
                    });
                }
                if form.author.trim().is_empty() {
                    form.author = article.author.unwrap_or_default();
                }
                if form.date.trim().is_empty() {
                    form.date = article.date.map(|d| d.to_string()).unwrap_or_default();
                }
                let mut said = Vec::new();
                if article.pages > 0 {
                    said.push(format!(
                        "Read {} page{}",
                        article.pages,
                        if article.pages == 1 { "" } else { "s" }
                    ));
                }
                said.extend(article.notes);
                if !said.is_empty() {
                    self.jobs.toast(ToastKind::Info, said.join("; "));
                }
            }
            Err(e) => form.error = Some(e),
        }
        None
    }
}

/// `name` in the user's home folder, as the in-app save forms first suggest.
pub(super) fn default_folder(name: &str) -> String {
    let folder = std::env::home_dir().unwrap_or_else(|| PathBuf::from("."));
    folder.join(name).display().to_string()
}
