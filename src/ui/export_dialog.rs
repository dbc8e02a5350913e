//! An in-app "save as" form, used when the system has no file dialog to offer (remote desktops,
//! minimal Linux sessions without a desktop portal): exporting must still work there.

use std::path::PathBuf;

/// Pending export in the fallback form.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportForm {
    /// Where to save; editable.
    pub path: String,
    /// PNG scale (ignored for SVG).
    pub scale: u8,
    /// A window screenshot rather than a map export.
    pub screenshot: bool,
}

impl ExportForm {
    /// A form proposing `file_name` in the user's Pictures folder (or home, or current folder).
    pub fn new(file_name: &str, scale: u8) -> Self {
        let home = std::env::home_dir();
        let folder = home
            .as_ref()
            .map(|h| h.join("Pictures"))
            .filter(|p| p.is_dir())
            .or(home)
            .unwrap_or_else(|| PathBuf::from("."));
        Self {
            path: folder.join(file_name).display().to_string(),
            scale,
            screenshot: false,
        }
    }

    /// A form for saving a window screenshot (PNG, no scale choice).
    pub fn screenshot(file_name: &str) -> Self {
        Self {
            screenshot: true,
            ..Self::new(file_name, 1)
        }
    }
}

/// What the user did with the form.
#[derive(Clone, Debug, PartialEq)]
pub enum FormResult {
    /// Still open.
    Open,
    /// Save to this path at this scale.
    Save(PathBuf, u8),
    /// Save a window screenshot to this path.
    Screenshot(PathBuf),
    /// Closed without saving.
    Cancel,
}

/// Shows the form; returns the user's decision.
pub fn export_form(ctx: &egui::Context, form: &mut ExportForm) -> FormResult {
    let mut result = FormResult::Open;
    let mut open = true;
    let title = if form.screenshot {
        "Save window screenshot"
    } else {
        "Export map"
    };
    egui::Window::new(title)
        .id(egui::Id::unique("relmap-export-form"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("No system file dialog is available here. Choose where to save:");
            let edit = ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(420.0));
            let is_png = form.path.to_ascii_lowercase().ends_with(".png");
            ui.add_enabled_ui(is_png && !form.screenshot, |ui| {
                ui.horizontal(|ui| {
                    ui.label("Scale:");
                    for s in 1..=3u8 {
                        ui.radio_value(&mut form.scale, s, format!("{s}×"));
                    }
                });
            });
            ui.label(egui::RichText::new("The format follows the extension: .png or .svg").weak());
            ui.horizontal(|ui| {
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Save").clicked() || enter {
                    let path = PathBuf::from(form.path.trim());
                    result = if form.screenshot {
                        FormResult::Screenshot(path)
                    } else {
                        FormResult::Save(path, form.scale)
                    };
                }
                if ui.button("Cancel").clicked() {
                    result = FormResult::Cancel;
                }
            });
        });
    if !open {
        result = FormResult::Cancel;
    }
    result
}
