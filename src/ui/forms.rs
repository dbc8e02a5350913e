//! The authoring forms: a new map from an article, an actor, and a piece of evidence from the
//! text selected in the article. Each form is plain data the shell keeps in its modal; the
//! functions here show it and say what the user decided.

use egui::{Key, RichText};

use crate::map::{ActorFields, DocCommand, MapState};
use crate::model::{ActorId, ActorKind, Dimension, PassageDate, SourceFields, Tone};

/// What the user did with a form.
#[derive(Clone, Debug, PartialEq)]
pub enum FormOutcome<T> {
    /// Still open.
    Open,
    /// Closed without doing anything.
    Cancel,
    /// Done: carry this out.
    Done(T),
}

/// File → New map from article…: the text (pasted or read from a file) and its source.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewMapForm {
    /// The article text.
    pub text: String,
    /// Title, author, publisher, URL.
    pub title: String,
    /// Author.
    pub author: String,
    /// Publication date as typed.
    pub date: String,
    /// Publisher or outlet.
    pub publisher: String,
    /// URL.
    pub url: String,
    /// What was wrong with the last attempt.
    pub error: Option<String>,
    /// The same form attaching another article to the open map ("Add source…").
    pub add_source: bool,
    /// The path typed in the form's own file field, shown when the system has no file
    /// dialog (`None`: hidden).
    pub file: Option<String>,
    /// The file being read into the form (a long PDF takes a moment), if any.
    pub reading: Option<String>,
}

impl NewMapForm {
    /// The form as "Add source…": another article for the open map.
    pub fn add_source() -> Self {
        Self {
            add_source: true,
            ..Self::default()
        }
    }
}

/// What the new-map form asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum NewMapRequest {
    /// Read the article from a file (asks which).
    ChooseFile,
    /// Read the article from this file (typed in the form).
    ReadFile(std::path::PathBuf),
    /// Make the map from the text and fields in the form.
    Create(String, Box<SourceFields>),
}

/// A date typed in a form: blank is none, else an EDTF level 0 or 1 date ("2012-03",
/// "2009/..", "2012~"); the error says what is wrong and which forms work.
pub(super) fn typed_date(text: &str) -> Result<Option<PassageDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    PassageDate::read(t).map(Some)
}

pub(super) fn field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    hint: &str,
) -> egui::Response {
    let name = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(name.id);
    ui.end_row();
    r
}

/// The new-map form's own file field (where the system has no file dialog); `Some` when the
/// user asks to read the typed path.
fn article_path_field(ui: &mut egui::Ui, path: &mut String) -> Option<NewMapRequest> {
    ui.horizontal(|ui| {
        let name = ui.label("File");
        let edit = ui
            .add(
                egui::TextEdit::singleline(path)
                    .desired_width(420.0)
                    .hint_text("/path/to/article.pdf, .docx, .odt, .txt, .md or .html"),
            )
            .labelled_by(name.id);
        super::focus_when_opened(ui, &edit);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ((ui.button("Read").clicked() || enter) && !path.trim().is_empty())
            .then(|| NewMapRequest::ReadFile(super::typed_path(path)))
    })
    .inner
}

/// Shows the new-map form.
/// Whether a form's dialog closes this frame: on Esc (a deliberate key) or its own close, and
/// on a click outside it only when nothing typed would be lost (a click that misses a
/// dropdown, or lands on the map, must not throw an article away).
pub(super) fn form_closes<T>(modal: &egui::ModalResponse<T>, holds_work: bool) -> bool {
    let escape = modal.is_top_modal
        && !modal.any_popup_open
        && modal
            .response
            .ctx
            .input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    escape || modal.response.should_close() || (!holds_work && modal.backdrop_response.clicked())
}

/// Where the new-map form's text comes from: the hint, "Read from file…", the in-app path
/// field and, while a file is read, a spinner.
fn article_file_row(ui: &mut egui::Ui, form: &mut NewMapForm) -> Option<NewMapRequest> {
    let mut request = None;
    ui.label(
        RichText::new(
            "Paste the article's text below, or read it from a PDF, Word (.docx), OpenDocument \
             (.odt), .txt, .md or .html file; [[page 2]] marks where a page begins. \
             Paragraphs are separated by blank lines.",
        )
        .weak(),
    );
    if ui
        .button("Read from file…")
        .on_hover_text("Choose a PDF (its text layer), .docx, .odt, .txt, .md or .html file")
        .clicked()
    {
        request = Some(NewMapRequest::ChooseFile);
    }
    if let Some(path) = &mut form.file
        && let Some(read) = article_path_field(ui, path)
    {
        request = Some(read);
    }
    if let Some(file) = &form.reading {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Reading {file}…"));
        });
    }
    request
}

pub fn new_map_form(ctx: &egui::Context, form: &mut NewMapForm) -> FormOutcome<NewMapRequest> {
    let mut outcome = FormOutcome::Open;
    let modal = egui::Modal::new(egui::Id::unique("relmap-new-map")).show(ctx, |ui| {
        ui.set_width(620.0);
        ui.heading(if form.add_source {
            "Add source"
        } else {
            "New map from article"
        });
        if form.add_source {
            ui.label(
                "Another article for this map: its passages will cite it, and it gets its own \
                 tab in the article window.",
            );
        }
        if let Some(read) = article_file_row(ui, form) {
            outcome = FormOutcome::Done(read);
        }
        let name = ui.label("Article text");
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut form.text)
                        .hint_text("Paste the article here")
                        .desired_rows(10)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(name.id);
            });
        egui::Grid::new("relmap-new-map-fields")
            .num_columns(2)
            .show(ui, |ui| {
                field(ui, "Title", &mut form.title, "Article title");
                field(ui, "Author", &mut form.author, "");
                field(ui, "Date", &mut form.date, "2012-03-01");
                field(ui, "Publisher", &mut form.publisher, "");
                field(ui, "URL", &mut form.url, "https://…");
            });
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            let create = if form.add_source {
                "Add source"
            } else {
                "Create map"
            };
            if ui.button(create).clicked() {
                match (form.text.trim().is_empty(), typed_date(&form.date)) {
                    (true, _) => {
                        form.error = Some("Paste the article's text first.".to_owned());
                    }
                    (false, Err(e)) => form.error = Some(e),
                    (false, Ok(date)) => {
                        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
                        outcome = FormOutcome::Done(NewMapRequest::Create(
                            form.text.clone(),
                            Box::new(SourceFields {
                                title: form.title.clone(),
                                author: opt(&form.author),
                                date,
                                publisher: opt(&form.publisher),
                                url: opt(&form.url),
                                // Graded later (Edit source), never guessed.
                                reliability: None,
                            }),
                        ));
                    }
                }
            }
            if ui.button("Cancel").clicked() {
                outcome = FormOutcome::Cancel;
            }
        });
    });
    let typed = !form.text.trim().is_empty() || !form.title.trim().is_empty();
    if form_closes(&modal, typed) && outcome == FormOutcome::Open {
        outcome = FormOutcome::Cancel;
    }
    outcome
}

/// Add or edit an actor.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorForm {
    /// The actor edited, or `None` to add one.
    pub actor: Option<ActorId>,
    /// Name.
    pub name: String,
    /// Kind as typed ("state", "organization", or another word).
    pub kind: String,
    /// Aliases, comma-separated.
    pub aliases: String,
    /// Secondary actor.
    pub secondary: bool,
}

impl ActorForm {
    /// An empty form for a new actor.
    pub fn add() -> Self {
        Self {
            actor: None,
            name: String::new(),
            kind: "state".to_owned(),
            aliases: String::new(),
            secondary: false,
        }
    }

    /// A form filled with actor `a`'s fields.
    pub fn edit(state: &MapState, a: ActorId) -> Option<Self> {
        let actor = state.doc.dataset.actor(a)?;
        Some(Self {
            actor: Some(a),
            name: actor.name.clone(),
            kind: actor.kind.as_str().to_owned(),
            aliases: actor.aliases.join(", "),
            secondary: actor.secondary,
        })
    }

    fn command(&self) -> DocCommand {
        let fields = ActorFields {
            name: self.name.clone(),
            kind: ActorKind::parse(&self.kind),
            aliases: self.aliases.split(',').map(str::to_owned).collect(),
            secondary: self.secondary,
        };
        match self.actor {
            Some(a) => DocCommand::EditActor(a, fields),
            None => DocCommand::AddActor(fields),
        }
    }
}

/// Shows the actor form; `Done` carries the edit.
pub fn actor_form(ctx: &egui::Context, form: &mut ActorForm) -> FormOutcome<DocCommand> {
    let mut outcome = FormOutcome::Open;
    let modal = egui::Modal::new(egui::Id::unique("relmap-actor-form")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(if form.actor.is_some() {
            "Edit actor"
        } else {
            "Add actor"
        });
        egui::Grid::new("relmap-actor-fields")
            .num_columns(2)
            .show(ui, |ui| {
                let name = field(ui, "Name", &mut form.name, "Kazakhstan");
                if form.name.is_empty() && !name.has_focus() {
                    name.request_focus();
                }
                ui.label("Kind");
                let combo = egui::ComboBox::from_id_salt("relmap-actor-kind")
                    .selected_text(form.kind.clone())
                    .show_ui(ui, |ui| {
                        for k in ["state", "organization", "person", "company", "group"] {
                            ui.selectable_value(&mut form.kind, k.to_owned(), k);
                        }
                    });
                name_combo(&combo.response, "Kind");
                ui.end_row();
                field(
                    ui,
                    "Aliases",
                    &mut form.aliases,
                    "Kazakh, Astana, Қазақстан (comma-separated)",
                )
                .on_hover_text(
                    "Other names the article uses: demonyms, capitals, short and native forms",
                );
                ui.label("");
                ui.checkbox(
                    &mut form.secondary,
                    "Secondary (hidden until View → Show secondary)",
                );
                ui.end_row();
            });
        let ok = !form.name.trim().is_empty();
        ui.horizontal(|ui| {
            let label = if form.actor.is_some() { "Save" } else { "Add" };
            let enter = ui.input(|i| i.key_pressed(Key::Enter));
            if ui.add_enabled(ok, egui::Button::new(label)).clicked() || (ok && enter) {
                outcome = FormOutcome::Done(form.command());
            }
            if ui.button("Cancel").clicked() {
                outcome = FormOutcome::Cancel;
            }
        });
    });
    if form_closes(&modal, !form.name.trim().is_empty()) && outcome == FormOutcome::Open {
        outcome = FormOutcome::Cancel;
    }
    outcome
}

/// A policy-field picker; returns whether it changed.
pub fn dimension_choice(ui: &mut egui::Ui, salt: &str, value: &mut Dimension) -> bool {
    let before = value.clone();
    let combo = egui::ComboBox::from_id_salt(salt)
        .selected_text(value.as_str().to_owned())
        .show_ui(ui, |ui| {
            for dim in Dimension::KNOWN {
                let text = dim.as_str().to_owned();
                ui.selectable_value(value, dim, text);
            }
        });
    name_combo(&combo.response, "Policy field");
    before != *value
}

/// A tone picker where `None` means "from the passages"; returns whether it changed.
pub fn tone_choice(ui: &mut egui::Ui, salt: &str, value: &mut Option<Tone>) -> bool {
    let before = *value;
    let name = |t: Option<Tone>| t.map_or("from the passages", Tone::legend_label);
    let combo = egui::ComboBox::from_id_salt(salt)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, name(None));
            for t in Tone::ALL {
                ui.selectable_value(value, Some(t), name(Some(t)));
            }
        });
    name_combo(&combo.response, "Tone");
    before != *value
}

/// Gives a combo box an accessible name (screen readers, UI tests): egui names it by its
/// selected text otherwise, which changes as the user picks.
pub(super) fn name_combo(response: &egui::Response, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
}

/// The accessible name of an actor picker, from its id salt.
pub(super) fn salt_name(salt: &str) -> &'static str {
    if salt.ends_with("source") {
        "First actor"
    } else {
        "Second actor"
    }
}
