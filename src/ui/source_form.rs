//! "Edit source…": the map's title and one source's bibliographic data, as cited under
//! figures and in reports.

use egui::RichText;

use super::forms::{FormOutcome, field, typed_date};
use crate::map::{DocCommand, MapState};
use crate::model::{Reliability, SourceFields, SourceId};

/// The source form's fields as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceForm {
    /// The source edited.
    pub source: SourceId,
    /// The map's title.
    pub map_title: String,
    /// Article title.
    pub title: String,
    /// Author.
    pub author: String,
    /// Publication date as typed.
    pub date: String,
    /// Publisher or outlet.
    pub publisher: String,
    /// URL.
    pub url: String,
    /// Admiralty reliability, if graded.
    pub reliability: Option<Reliability>,
    /// What was wrong with the last attempt.
    pub error: Option<String>,
}

impl SourceForm {
    /// The form filled from `source` of the open map (`None` if there is no such source).
    pub fn edit(state: &MapState, source: SourceId) -> Option<Self> {
        let d = &state.doc.dataset;
        let meta = &d.sources.get(source)?.meta;
        Some(Self {
            source,
            map_title: d.title.clone(),
            title: meta.title.clone(),
            author: meta.author.clone().unwrap_or_default(),
            date: meta.date.map(|x| x.to_string()).unwrap_or_default(),
            publisher: meta.publisher.clone().unwrap_or_default(),
            url: meta.url.clone().unwrap_or_default(),
            reliability: meta.reliability,
            error: None,
        })
    }
}

/// Shows the form; done with the edit to apply (one undo step).
pub fn source_form(ctx: &egui::Context, form: &mut SourceForm) -> FormOutcome<DocCommand> {
    let mut outcome = FormOutcome::Open;
    let modal = egui::Modal::new(egui::Id::unique("relmap-source-form")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading("Edit source");
        ui.label(RichText::new("Cited under figures, on evidence cards and in reports.").weak());
        egui::Grid::new("relmap-source-fields")
            .num_columns(2)
            .show(ui, |ui| {
                field(
                    ui,
                    "Map title",
                    &mut form.map_title,
                    "Blank: the first article's title",
                );
                field(ui, "Title", &mut form.title, "Article title");
                field(ui, "Author", &mut form.author, "");
                field(ui, "Date", &mut form.date, "2012-03-01");
                field(ui, "Publisher", &mut form.publisher, "");
                field(ui, "URL", &mut form.url, "https://…");
                reliability_field(ui, &mut form.reliability);
            });
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Save changes").on_hover_text("Enter").clicked() || enter {
                match typed_date(&form.date) {
                    Err(e) => form.error = Some(e),
                    Ok(date) => {
                        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
                        outcome = FormOutcome::Done(DocCommand::EditSource {
                            which: form.source,
                            title: form.map_title.clone(),
                            source: SourceFields {
                                title: form.title.clone(),
                                author: opt(&form.author),
                                date,
                                publisher: opt(&form.publisher),
                                url: opt(&form.url),
                                reliability: form.reliability,
                            },
                        });
                    }
                }
            }
            if ui.button("Cancel").clicked() {
                outcome = FormOutcome::Cancel;
            }
        });
    });
    // Its fields always hold work (a quote chosen, a source's details): only Esc or Cancel
    // close it.
    if super::forms::form_closes(&modal, true) && outcome == FormOutcome::Open {
        outcome = FormOutcome::Cancel;
    }
    outcome
}

/// The source's reliability (Admiralty code): "not graded" or A–F, each with its meaning.
fn reliability_field(ui: &mut egui::Ui, value: &mut Option<Reliability>) {
    let label = ui.label("Reliability");
    let shown = |r: Option<Reliability>| {
        r.map_or_else(
            || "not graded".to_owned(),
            |r| format!("{} · {}", r.letter(), r.meaning()),
        )
    };
    let combo = egui::ComboBox::from_id_salt("relmap-source-reliability")
        .selected_text(shown(*value))
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, shown(None));
            for r in Reliability::ALL {
                ui.selectable_value(value, Some(r), shown(Some(r)));
            }
        });
    super::forms::name_combo(&combo.response, "Reliability");
    combo.response.labelled_by(label.id).on_hover_text(
        "How far this source can be trusted (NATO Admiralty code), graded by you; a passage's \
         grade pairs it with the passage's credibility (1–6), e.g. B2",
    );
    ui.end_row();
}
