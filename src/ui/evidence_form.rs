//! The evidence form: the text selected in the article as a passage of an existing relation,
//! or of a new one between two actors (see [`super::forms`] for the other authoring forms).

use egui::{Key, RichText};

use super::forms::{
    FormOutcome, dimension_choice, field, name_combo, salt_name, tone_choice, typed_date,
};
use crate::map::{DocCommand, EvidenceTarget, MapState, RelationFields};
use crate::model::{ActorId, Dimension, RelationId, SourceId, TextRange, Tone, names};

/// Evidence from the article selection: which relation it supports.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceForm {
    /// The selected text's byte range.
    pub range: TextRange,
    /// Actors named in the selection's sentence and the one before, in map order.
    pub named: Vec<ActorId>,
    /// One end of the relation.
    pub from: Option<ActorId>,
    /// The other end.
    pub to: Option<ActorId>,
    /// An existing relation to add to, or `None` for a new one.
    pub existing: Option<RelationId>,
    /// New relation: label.
    pub label: String,
    /// New relation: policy field.
    pub dimension: Dimension,
    /// New relation: tone (`None`: from the passages).
    pub tone: Option<Tone>,
    /// New relation: directed from `from` to `to`.
    pub directed: bool,
    /// Date as typed (defaults to the source's date).
    pub date: String,
    /// The source the text was selected in: the passage quotes it whatever tab shows later.
    pub quoted: SourceId,
    /// What was wrong with the last attempt.
    pub error: Option<String>,
}

impl EvidenceForm {
    /// A form for the text at `range`, with the actors its sentence (and the one before) names
    /// preselected and, if they already share a relation, that relation.
    pub fn new(state: &MapState, quoted: SourceId, range: TextRange) -> Self {
        let d = &state.doc.dataset;
        let doc = d.source(quoted);
        let article = &doc.article;
        let anchor = article.anchor(range.clone());
        let mut context = article.sentence_range(&anchor);
        if let Some(before) = article.sentence_before(&anchor) {
            context.start = before.start;
        }
        let context_text = &article.text[context];
        let named: Vec<ActorId> = d
            .actors_with_ids()
            .filter(|(_, a)| names(a, context_text))
            .map(|(i, _)| i)
            .collect();
        let from = named.first().copied();
        let to = named.get(1).copied();
        let mut form = Self {
            range,
            named,
            from,
            to,
            existing: None,
            label: String::new(),
            dimension: Dimension::Diplomacy,
            tone: None,
            directed: false,
            date: doc.meta.date.map(|x| x.to_string()).unwrap_or_default(),
            quoted,
            error: None,
        };
        form.existing = form.relations_between(state).first().copied();
        form
    }

    /// Relations between the chosen actors.
    pub fn relations_between(&self, state: &MapState) -> Vec<RelationId> {
        match (self.from, self.to) {
            (Some(a), Some(b)) => state
                .doc
                .dataset
                .relations_with_ids()
                .filter(|(_, r)| r.joins(a, b))
                .map(|(r, _)| r)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The edit this form describes, or what is missing.
    pub fn command(&self) -> Result<DocCommand, String> {
        let date = typed_date(&self.date)?;
        let target = match (self.existing, self.from, self.to) {
            (Some(r), _, _) => EvidenceTarget::Existing(r),
            (None, Some(a), Some(b)) if a != b => EvidenceTarget::New {
                from: a,
                to: b,
                fields: RelationFields {
                    label: self.label.clone(),
                    dimension: self.dimension.clone(),
                    tone: self.tone,
                    directed: self.directed,
                },
            },
            _ => return Err("Choose two different actors.".to_owned()),
        };
        Ok(DocCommand::AddEvidence {
            source: self.quoted,
            range: self.range.clone(),
            target,
            date,
        })
    }
}

fn actor_choice(
    ui: &mut egui::Ui,
    state: &MapState,
    salt: &str,
    value: &mut Option<ActorId>,
) -> bool {
    let d = &state.doc.dataset;
    let shown = value
        .and_then(|a| d.actor(a))
        .map_or("(choose)".to_owned(), |a| a.name.clone());
    let before = *value;
    let combo = egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (i, a) in d.actors_with_ids() {
                ui.selectable_value(value, Some(i), &a.name);
            }
        });
    name_combo(&combo.response, salt_name(salt));
    before != *value
}

/// Shows the evidence form; `Done` carries the edit.
pub fn evidence_form(
    ctx: &egui::Context,
    state: &MapState,
    form: &mut EvidenceForm,
) -> FormOutcome<DocCommand> {
    let mut outcome = FormOutcome::Open;
    let d = &state.doc.dataset;
    let modal = egui::Modal::new(egui::Id::unique("relmap-evidence-form")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading("Add as evidence");
        let article = &d.source(form.quoted).article;
        let quote = article.text.get(form.range.clone()).unwrap_or_default();
        ui.add(egui::Label::new(RichText::new(format!("“{}”", quote.trim())).italics()).wrap());
        ui.add_space(4.0);
        let mut changed = false;
        ui.horizontal(|ui| {
            ui.label("Between");
            changed |= actor_choice(ui, state, "relmap-evidence-source", &mut form.from);
            ui.label("and");
            changed |= actor_choice(ui, state, "relmap-evidence-target", &mut form.to);
        });
        if changed {
            form.existing = form.relations_between(state).first().copied();
        }
        if form.named.len() < 2 {
            ui.label(
                RichText::new("The sentence names fewer than two actors of the map: choose them.")
                    .weak(),
            );
        }
        for r in form.relations_between(state) {
            let rel = &d.relations[r];
            let text = format!("Add to: {} ({})", rel.label, rel.passages.len());
            ui.radio_value(&mut form.existing, Some(r), text);
        }
        ui.radio_value(&mut form.existing, None, "A new relation");
        if form.existing.is_none() {
            new_relation_fields(ui, form);
        }
        ui.horizontal(|ui| {
            ui.label("Date");
            ui.add(egui::TextEdit::singleline(&mut form.date).desired_width(110.0))
                .on_hover_text("When the quoted fact holds; blank for undated");
        });
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            let enter = ui.input(|i| i.key_pressed(Key::Enter));
            if ui.button("Add evidence").on_hover_text("Enter").clicked() || enter {
                match form.command() {
                    Ok(c) => outcome = FormOutcome::Done(c),
                    Err(e) => form.error = Some(e),
                }
            }
            if ui.button("Cancel").on_hover_text("Esc").clicked() {
                outcome = FormOutcome::Cancel;
            }
        });
    });
    if modal.should_close() && outcome == FormOutcome::Open {
        outcome = FormOutcome::Cancel;
    }
    outcome
}

fn new_relation_fields(ui: &mut egui::Ui, form: &mut EvidenceForm) {
    egui::Grid::new("relmap-evidence-new")
        .num_columns(2)
        .show(ui, |ui| {
            let label = field(
                ui,
                "Label",
                &mut form.label,
                "What the relation is, in a few words",
            );
            if form.label.is_empty() && !label.has_focus() && !ui.ctx().text_edit_focused() {
                label.request_focus();
            }
            ui.label("Policy field");
            dimension_choice(ui, "relmap-evidence-dimension", &mut form.dimension);
            ui.end_row();
            ui.label("Tone");
            tone_choice(ui, "relmap-evidence-tone", &mut form.tone);
            ui.end_row();
            ui.label("");
            ui.checkbox(
                &mut form.directed,
                "Directed (from the first actor to the second)",
            );
            ui.end_row();
        });
}
