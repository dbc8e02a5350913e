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
    /// Actors named in the selection's own sentence (first, in map order), then those only
    /// the sentence before names: offered first in the actor lists.
    pub named: Vec<ActorId>,
    /// How many of `named` the selection's own sentence names.
    pub named_here: usize,
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
    /// Fact, forecast, aim…: what the sentence's wording suggests, which the analyst confirms.
    pub modality: crate::model::Modality,
    /// The word that suggested a modality other than fact, if any.
    pub modality_marker: Option<&'static str>,
    /// Date as typed: the one the sentence states, if any; blank means "as of the article".
    pub date: String,
    /// The source's date, shown as what a blank date means.
    pub article_date: Option<String>,
    /// The source the text was selected in: the passage quotes it whatever tab shows later.
    pub quoted: SourceId,
    /// What was wrong with the last attempt.
    pub error: Option<String>,
}

impl EvidenceForm {
    /// A form for the text at `range`. The actors its own sentence names come first, in the
    /// order it names them, then those the sentence before names; the first two are
    /// preselected. The pair's existing relations are offered but none is preselected: the
    /// evidence is never filed under a guess, and Enter alone asks for a label or a choice.
    /// The date is the one the sentence states, else blank ("as of the article").
    pub fn new(state: &MapState, quoted: SourceId, range: TextRange) -> Self {
        let d = &state.doc.dataset;
        let doc = d.source(quoted);
        let article = &doc.article;
        let anchor = article.anchor(range.clone());
        let sentence = article.sentence_range(&anchor);
        let own = sentence.start.min(range.start)..sentence.end.max(range.end);
        let own_text = article.text.get(own.clone()).unwrap_or_default();
        let before_text = article
            .sentence_before(&anchor)
            .and_then(|b| article.text.get(b.start..own.start))
            .unwrap_or_default();
        // In the order the sentence names them: its subject usually comes first ("Korea
        // later protested Japan's…" is Korea → Japan).
        let mut mentioned: Vec<(usize, ActorId)> = d
            .actors_with_ids()
            .filter_map(|(i, a)| crate::model::first_mention(a, own_text).map(|at| (at, i)))
            .collect();
        mentioned.sort();
        let here: Vec<ActorId> = mentioned.into_iter().map(|(_, i)| i).collect();
        let named_here = here.len();
        let selected = article.text.get(range.clone()).unwrap_or_default();
        let suggested = crate::model::Modality::suggested_by(selected);
        let mut named = here;
        named.extend(
            d.actors_with_ids()
                .filter(|(i, a)| !named.contains(i) && names(a, before_text))
                .map(|(i, _)| i)
                .collect::<Vec<_>>(),
        );
        let form = Self {
            range,
            from: named.first().copied(),
            to: named.get(1).copied(),
            named,
            named_here,
            existing: None,
            label: String::new(),
            dimension: Dimension::Diplomacy,
            tone: None,
            directed: false,
            modality: suggested.map_or_else(crate::model::Modality::default, |(m, _)| m),
            modality_marker: suggested.map(|(_, marker)| marker),
            date: crate::model::PassageDate::find_in(own_text)
                .map(|x| x.to_string())
                .unwrap_or_default(),
            article_date: doc.meta.date.map(|x| x.to_string()),
            quoted,
            error: None,
        };
        // Never preselected: a relation of the same pair is offered, but one Enter must not
        // file a new claim (a protest) under an old one (an accord).
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
            (None, Some(a), Some(b)) if a != b && self.label.trim().is_empty() => {
                return Err(
                    "Give the new relation a label, or choose a relation to add to.".to_owned(),
                );
            }
            (None, Some(a), Some(b)) if a != b => EvidenceTarget::New {
                from: a,
                to: b,
                fields: RelationFields {
                    label: self.label.trim().to_owned(),
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
            modality: self.modality,
        })
    }
}

fn actor_choice(
    ui: &mut egui::Ui,
    state: &MapState,
    (salt, named): (&str, &[ActorId]),
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
            // The actors the text names first, then every other actor.
            for &i in named {
                if let Some(a) = d.actor(i) {
                    ui.selectable_value(value, Some(i), &a.name);
                }
            }
            if !named.is_empty() {
                ui.separator();
            }
            for (i, a) in d.actors_with_ids().filter(|(i, _)| !named.contains(i)) {
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
            let named = form.named.clone();
            changed |= actor_choice(
                ui,
                state,
                ("relmap-evidence-source", &named),
                &mut form.from,
            );
            ui.label("and");
            changed |= actor_choice(ui, state, ("relmap-evidence-target", &named), &mut form.to);
        });
        if changed {
            // Another pair: a relation chosen for the old one no longer applies.
            form.existing = None;
        }
        let note = match (form.named_here, form.named.len()) {
            (_, 0 | 1) => Some("The text names fewer than two actors of the map: choose them."),
            (0 | 1, _) => Some("Its sentence names fewer than two actors: one comes from the sentence before. Check the pair."),
            (2, _) => None,
            _ => Some("Its sentence names more than two actors: check the pair."),
        };
        if let Some(note) = note {
            ui.label(RichText::new(note).weak());
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
            ui.label("Kind");
            let combo = egui::ComboBox::from_id_salt("relmap-evidence-modality")
                .selected_text(form.modality.as_str())
                .show_ui(ui, |ui| {
                    for m in crate::model::Modality::ALL {
                        ui.selectable_value(&mut form.modality, m, m.as_str());
                    }
                });
            name_combo(&combo.response, "Kind of statement");
            if let Some(marker) = form.modality_marker {
                ui.label(RichText::new(format!("(the sentence says “{marker}”)")).weak());
            }
        });
        ui.horizontal(|ui| {
            ui.label("Date");
            let blank = form
                .article_date
                .as_ref()
                .map_or("as of the article".to_owned(), |d| format!("as of the article ({d})"));
            ui.add(
                egui::TextEdit::singleline(&mut form.date)
                    .hint_text(blank)
                    .desired_width(200.0),
            )
            .on_hover_text(
                "When the quoted fact holds: 2012, 2012-03 or 2012-03-01. Filled in when the \
                 sentence states a date; blank counts it at the article's date.",
            );
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
    // Its fields always hold work (a quote chosen, a source's details): only Esc or Cancel
    // close it.
    if super::forms::form_closes(&modal, true) && outcome == FormOutcome::Open {
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Russia and Kazakhstan share many interests. Kazakhstan joined the CSTO \
        exercises in January 2022. Kazakhstani-Russian trade grew again.";

    fn state() -> MapState {
        let json = format!(
            r#"{{"format": "relmap/1",
              "source": {{"title": "T", "date": "2023-05", "text": {TEXT:?}}},
              "actors": [{{"id": "kz", "name": "Kazakhstan", "kind": "state", "aliases": ["Kazakhstani"]}},
                         {{"id": "ru", "name": "Russia", "kind": "state", "aliases": ["Russian"]}},
                         {{"id": "cn", "name": "China", "kind": "state"}}],
              "relations": [{{"id": "kz-ru", "source": "kz", "target": "ru",
                              "label": "Shared interests",
                              "passages": [{{"quote": "Russia and Kazakhstan share many interests."}}]}}]}}"#
        );
        MapState::new(crate::model::load_str(&json, "t.relmap.json").expect("loads"))
    }

    fn form_for(state: &MapState, quote: &str) -> EvidenceForm {
        let start = TEXT.find(quote).expect("quote in text");
        EvidenceForm::new(state, SourceId(0), start..start + quote.len())
    }

    #[test]
    fn a_sentence_naming_one_actor_is_not_filed_under_a_relation_of_the_sentence_before() {
        let state = state();
        let form = form_for(
            &state,
            "Kazakhstan joined the CSTO exercises in January 2022.",
        );
        assert_eq!(form.named_here, 1);
        assert_eq!(
            form.named,
            vec![ActorId(0), ActorId(1)],
            "Russia is still offered"
        );
        assert_eq!(form.existing, None, "a new relation, not Shared interests");
        assert_eq!(form.date, "2022-01", "the sentence's own date");
        assert!(
            form.command().is_err(),
            "Enter alone files nothing: the new relation needs a label"
        );
    }

    #[test]
    fn a_hyphenated_adjective_names_its_actor_and_the_pair_s_one_relation_is_offered() {
        let state = state();
        let form = form_for(&state, "Kazakhstani-Russian trade grew again.");
        assert_eq!(form.named_here, 2);
        assert_eq!(
            form.relations_between(&state),
            vec![RelationId(0)],
            "the pair's relation is offered"
        );
        assert_eq!(
            form.existing, None,
            "but not preselected: Enter files nothing alone"
        );
        assert!(form.command().is_err());
        assert_eq!(form.date, "", "no date stated: as of the article");
        assert_eq!(form.article_date.as_deref(), Some("2023-05"));
    }
}
