//! The questions saving asks: keep unsaved edits or not, and where to save when the system
//! has no file dialog; and the `.relmap.json` name a saved map gets.

use std::path::{Path, PathBuf};

use crate::ui::UnsavedChoice;

/// `path`, ending in `.relmap.json` (added when the user typed another name), so Save may
/// write there again.
pub(super) fn with_relmap_suffix(path: &Path) -> PathBuf {
    if is_relmap_name(path) {
        return path.to_path_buf();
    }
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".json").to_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.relmap.json"))
}

/// Whether `path` names a relmap file (`*.relmap.json`), which Save may overwrite; other files
/// (node-link JSON, GraphML, GEXF, CSV, spreadsheets) were imported and are never overwritten in relmap's format.
pub(super) fn is_relmap_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".relmap.json"))
}

/// "Save changes?": the user's answer, or `None` while the question is still open.
pub(super) fn unsaved_dialog(ctx: &egui::Context, title: &str) -> Option<UnsavedChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("relmap-unsaved")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading("Save changes?");
        ui.label(format!(
            "“{title}” has edits that are not saved. They are lost if you go on without saving."
        ));
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(UnsavedChoice::Cancel);
    }
    choice
}

/// `Some(true)`: save to the typed path; `Some(false)`: cancelled; `None`: still open.
pub(super) fn save_as_form(ctx: &egui::Context, path: &mut String, title: &str) -> Option<bool> {
    let mut result = None;
    let modal = egui::Modal::new(egui::Id::unique("relmap-save-as")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(title);
        ui.label("No system file dialog is available here.");
        let name = ui.label("Path of the file to write");
        let edit = ui
            .add(egui::TextEdit::singleline(path).desired_width(480.0))
            .labelled_by(name.id);
        crate::ui::focus_when_opened(ui, &edit);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if (ui.button("Save").clicked() || enter) && !path.trim().is_empty() {
                result = Some(true);
            }
            if ui.button("Cancel").clicked() {
                result = Some(false);
            }
        });
    });
    if modal.should_close() && result.is_none() {
        result = Some(false);
    }
    result
}

/// "Recover unsaved map?" Returns `Some(true)` to recover, `Some(false)` to discard.
pub(super) fn recovery_dialog(ctx: &egui::Context) -> Option<bool> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("relmap-recover")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("Recover unsaved map?");
        ui.label(
            "relmap did not close normally last time, and a map had edits that were not \
             saved. Recover them?",
        );
        ui.horizontal(|ui| {
            if ui.button("Recover").clicked() {
                choice = Some(true);
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the autosaved copy")
                .clicked()
            {
                choice = Some(false);
            }
        });
    });
    choice
}
