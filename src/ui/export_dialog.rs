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
    /// A frame for slides or print, or the figure's natural size.
    pub preset: Option<crate::export::Preset>,
    /// Title printed on the figure (blank: the map's title).
    pub title: String,
    /// A line under the title (blank: none).
    pub subtitle: String,
    /// Opened from File → Export figure… (a system dialog exists); else the fallback form.
    pub chosen: bool,
    /// The storyboard as a deck (a page per step, each titled by its step), not one figure.
    pub storyboard: bool,
}

/// How to draw an exported figure, as chosen in the form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FigureChoice {
    /// PNG scale (a preset sets its own).
    pub scale: u8,
    /// A frame for slides or print.
    pub preset: Option<crate::export::Preset>,
    /// Title override.
    pub title: Option<String>,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// The storyboard as a deck: a PDF, or one PNG per step.
    pub storyboard: bool,
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
            preset: None,
            title: String::new(),
            subtitle: String::new(),
            chosen: false,
            storyboard: false,
        }
    }

    /// The full export dialog (File → Export figure…): frame, title, subtitle and where. It
    /// opens on the 16:9 slide, what a briefing figure is for most often (the plain PNG and
    /// SVG exports keep the map's own size).
    pub fn figure(file_name: &str) -> Self {
        Self {
            chosen: true,
            preset: Some(crate::export::Preset::Slide16x9),
            ..Self::new(file_name, 2)
        }
    }

    fn choice(&self) -> FigureChoice {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        FigureChoice {
            scale: self.scale,
            preset: self.preset,
            title: text(&self.title),
            subtitle: text(&self.subtitle),
            storyboard: self.storyboard,
        }
    }

    /// A form for File → Export storyboard… where no system dialog is available: a PDF on
    /// 16:9 slides proposed; the steps give each page its title and caption.
    pub fn storyboard(file_name: &str) -> Self {
        Self {
            storyboard: true,
            preset: Some(crate::export::Preset::Slide16x9),
            ..Self::new(file_name, 2)
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
    /// Save to this path, drawn as chosen.
    Save(PathBuf, FigureChoice),
    /// Ask the system's file dialog for a path (the form stays open).
    Browse,
    /// Save a window screenshot to this path.
    Screenshot(PathBuf),
    /// Closed without saving.
    Cancel,
}

/// Shows the form; returns the user's decision.
pub fn export_form(ctx: &egui::Context, form: &mut ExportForm) -> FormResult {
    let mut result = FormResult::Open;
    let mut open = true;
    let lower_path = form.path.to_ascii_lowercase();
    let title = if form.screenshot {
        "Save window screenshot"
    } else if form.storyboard {
        "Export storyboard"
    } else if lower_path.ends_with(".html") || lower_path.ends_with(".htm") {
        "Export interactive handout"
    } else if lower_path.ends_with(".graphml") {
        "Export GraphML"
    } else {
        "Export figure"
    };
    egui::Window::new(title)
        .id(egui::Id::unique("relmap-export-form"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            if !form.chosen {
                ui.label("No system file dialog is available here. Choose where to save:");
            }
            let edit = ui
                .horizontal(|ui| {
                    let name = ui.label("Save to");
                    let edit = ui
                        .add(egui::TextEdit::singleline(&mut form.path).desired_width(460.0))
                        .labelled_by(name.id);
                    if form.chosen && ui.button("Browse…").clicked() {
                        result = FormResult::Browse;
                    }
                    edit
                })
                .inner;
            let lower = form.path.to_ascii_lowercase();
            let is_png = lower.ends_with(".png");
            // GraphML is the network itself: frame, title and scale do not apply; a
            // storyboard's steps title their own pages.
            if form.storyboard {
                frame_field(ui, form);
            } else if !form.screenshot && !lower.ends_with(".graphml") {
                figure_fields(ui, form, is_png);
            }
            ui.label(
                egui::RichText::new(if form.storyboard {
                    "A page per step: name the file .pdf (one deck), deck-%02d.png (a PNG per \
                     step) or give a folder"
                } else {
                    "The format follows the extension: .png or .svg (a figure), .html (the \
                     interactive handout), .graphml (the network with its evidence)"
                })
                .weak(),
            );
            ui.horizontal(|ui| {
                // Enter is Save, the dialog's default, wherever the keyboard is (a field or
                // nowhere), unless a dropdown is open and takes it.
                let enter = (edit.lost_focus() || !ui.ctx().text_edit_focused())
                    && !egui::Popup::is_any_open(ui.ctx())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Save").clicked() || enter {
                    let path = super::typed_path(&form.path);
                    result = if form.screenshot {
                        FormResult::Screenshot(path)
                    } else {
                        FormResult::Save(path, form.choice())
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

/// Frame, scale, title and subtitle of an exported figure.
fn figure_fields(ui: &mut egui::Ui, form: &mut ExportForm, is_png: bool) {
    frame_field(ui, form);
    ui.add_enabled_ui(is_png && form.preset.is_none(), |ui| {
        ui.horizontal(|ui| {
            ui.label("Scale:");
            for s in 1..=3u8 {
                ui.radio_value(&mut form.scale, s, format!("{s}×"));
            }
        });
    });
    title_fields(ui, form);
}

/// The frame (slide or print preset, or the natural size).
fn frame_field(ui: &mut egui::Ui, form: &mut ExportForm) {
    use crate::export::Preset;
    ui.horizontal(|ui| {
        ui.label("Frame:");
        let name = |p: Option<Preset>| match p {
            None => "natural size".to_owned(),
            Some(p) => {
                let (w, h) = p.pixels();
                format!("{} ({w}×{h})", p.name())
            }
        };
        let combo = egui::ComboBox::from_id_salt("relmap-export-preset")
            .selected_text(name(form.preset))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut form.preset, None, name(None));
                for p in Preset::ALL {
                    ui.selectable_value(&mut form.preset, Some(p), name(Some(p)));
                }
            });
        super::forms::name_combo(&combo.response, "Frame");
    });
}

/// The figure's title and subtitle.
fn title_fields(ui: &mut egui::Ui, form: &mut ExportForm) {
    egui::Grid::new("relmap-export-titles")
        .num_columns(2)
        .show(ui, |ui| {
            let name = ui.label("Title");
            ui.add(
                egui::TextEdit::singleline(&mut form.title)
                    .hint_text("the map's title")
                    .desired_width(320.0),
            )
            .labelled_by(name.id);
            ui.end_row();
            let name = ui.label("Subtitle");
            ui.add(
                egui::TextEdit::singleline(&mut form.subtitle)
                    .hint_text("none")
                    .desired_width(320.0),
            )
            .labelled_by(name.id);
            ui.end_row();
        });
}
