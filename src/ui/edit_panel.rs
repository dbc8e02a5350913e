//! Editing in the side panel: an actor's, a relation's and a passage's fields, and removal
//! with a confirmation where evidence would be dropped. Every change is a [`DocCommand`], so
//! Ctrl+Z undoes it.

use egui::RichText;

use super::Action;
use super::forms::{dimension_choice, name_combo, tone_choice};
use crate::map::{DocCommand, MapState, PassageFields, RelationFields};
use crate::model::{ActorId, Credibility, PassageId, PassageStatus, RelationId, Tone};

/// A button that asks once more before acting: the first click turns it into
/// "Click again to …", which stays armed until the user clicks elsewhere.
fn confirm_button(
    ui: &mut egui::Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    confirm: &str,
    needs_confirm: bool,
) -> bool {
    // Keyed by what it removes: several such buttons may share one scope.
    let id = egui::Id::unique("relmap-confirm").with(key);
    let armed = ui.data(|d| d.get_temp::<bool>(id).unwrap_or(false));
    let text = if armed { confirm } else { label };
    let response = ui.button(text);
    if response.clicked() {
        if armed || !needs_confirm {
            ui.data_mut(|d| d.remove::<bool>(id));
            return true;
        }
        ui.data_mut(|d| d.insert_temp(id, true));
    } else if armed && ui.input(|i| i.pointer.any_pressed()) && !response.hovered() {
        // A click anywhere else disarms it.
        ui.data_mut(|d| d.remove::<bool>(id));
    }
    false
}

/// A labelled text field whose value is committed when the field is left (Enter, Tab or a
/// click elsewhere), so typing is one undo step rather than one per letter; `rows` above one
/// makes it a multi-line field (where Enter is a new line). Returns the new text when it was
/// committed changed.
pub(super) fn committed_field(
    ui: &mut egui::Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    (label, hint): (&str, &str),
    current: &str,
    (width, rows): (f32, usize),
    check: fn(&str) -> Result<(), String>,
) -> Option<String> {
    let id = ui.scope_id().with(key);
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.to_owned());
    let name = ui.label(label);
    let problem = check(&text).err();
    let field = if rows > 1 {
        egui::TextEdit::multiline(&mut text).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let edit = ui
        .add(field.desired_width(width).hint_text(hint))
        .labelled_by(name.id);
    if edit.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    }
    if let Some(problem) = &problem {
        // What was typed stays in the field with the reason beside it until it is fixed:
        // a typo is never silently thrown away.
        ui.colored_label(ui.visuals().error_fg_color, problem);
        return None;
    }
    if edit.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
        if text != current {
            return Some(text);
        }
    }
    None
}

/// Anything goes (a label or note).
pub(super) fn any_text(_: &str) -> Result<(), String> {
    Ok(())
}

/// A date field: blank (as of the article) or an EDTF date.
fn readable_date(text: &str) -> Result<(), String> {
    super::forms::typed_date(text).map(|_| ())
}

/// "Edit actor…" and "Remove actor" for the selected actor.
pub fn actor_edit(ui: &mut egui::Ui, state: &MapState, a: ActorId, actions: &mut Vec<Action>) {
    // A comparison is read-only: no edit controls that would only be refused.
    if state.compare.is_some() {
        return;
    }
    let d = &state.doc.dataset;
    let passages: usize = d
        .relations
        .iter()
        .filter(|r| r.from == a || r.to == a)
        .map(|r| r.passages.len())
        .sum();
    ui.horizontal(|ui| {
        if ui
            .button("Edit actor…")
            .on_hover_text("Name, kind, aliases, secondary")
            .clicked()
        {
            actions.push(Action::ActorForm(Some(a)));
        }
        let confirm = format!("Click again: remove it and {passages} passages");
        if confirm_button(ui, ("actor", a), "Remove actor", &confirm, passages > 0) {
            actions.push(DocCommand::RemoveActor(a).into());
        }
        if ui
            .button("Add actor…")
            .on_hover_text("Add another actor to the map")
            .clicked()
        {
            actions.push(Action::ActorForm(None));
        }
    });
}

/// The relation's label, policy field, tone and direction, edited in place.
pub fn relation_edit(
    ui: &mut egui::Ui,
    state: &MapState,
    r: RelationId,
    actions: &mut Vec<Action>,
) {
    // A comparison is read-only: no edit controls that would only be refused.
    if state.compare.is_some() {
        return;
    }
    let Some(rel) = state.doc.dataset.relation(r) else {
        return;
    };
    let current = RelationFields {
        label: rel.label.clone(),
        dimension: rel.dimension.clone(),
        tone: rel.declared_tone,
        directed: rel.directed,
    };
    egui::CollapsingHeader::new("Edit relation")
        .id_salt(("relmap-edit-relation", r))
        .show(ui, |ui| {
            let mut fields = current.clone();
            egui::Grid::new(("relmap-relation-fields", r))
                .num_columns(2)
                .show(ui, |ui| {
                    let key = ("label", r, state.doc.revision);
                    if let Some(label) = committed_field(
                        ui,
                        key,
                        ("Label", ""),
                        &current.label,
                        (200.0, 1),
                        any_text,
                    ) {
                        fields.label = label;
                    }
                    ui.end_row();
                    ui.label("Policy field");
                    dimension_choice(ui, &format!("relmap-dim-{}", r.0), &mut fields.dimension);
                    ui.end_row();
                    ui.label("Tone");
                    tone_choice(ui, &format!("relmap-tone-{}", r.0), &mut fields.tone);
                    ui.end_row();
                    ui.label("");
                    ui.checkbox(&mut fields.directed, "Directed");
                    ui.end_row();
                });
            if fields != current {
                actions.push(DocCommand::EditRelation(r, fields).into());
            }
            let n = rel.passages.len();
            let confirm = format!("Click again: remove it and its {n} passages");
            if confirm_button(ui, ("relation", r), "Remove relation", &confirm, n > 0) {
                actions.push(DocCommand::RemoveRelation(r).into());
            }
        });
}

/// A passage's tone and status pickers, "Move to…" and "Remove".
pub fn passage_edit(ui: &mut egui::Ui, state: &MapState, id: PassageId, actions: &mut Vec<Action>) {
    // A comparison is read-only: no edit controls that would only be refused.
    if state.compare.is_some() {
        return;
    }
    let d = &state.doc.dataset;
    let Some(p) = d.passage(id) else {
        return;
    };
    let current = PassageFields::of(p);
    let mut fields = current.clone();
    if p.status == PassageStatus::Draft {
        draft_buttons(ui, id, &current, actions);
    }
    // Closed by default: the panel is for reading first; corrections are one click away.
    egui::CollapsingHeader::new("Edit passage")
        .id_salt(("relmap-edit-passage", id.relation, id.index))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let salt = format!("relmap-passage-{}-{}", id.relation.0, id.index);
                ui.label(RichText::new("Tone").weak());
                let mut tone = fields.tone;
                passage_tone(ui, &format!("{salt}-tone"), &mut tone);
                fields.tone = tone;
                standing_fields(ui, &salt, &mut fields);
                let combo = egui::ComboBox::from_id_salt(format!("{salt}-move"))
                    .selected_text("Move to…")
                    .show_ui(ui, |ui| {
                        for (r, rel) in d.relations_with_ids() {
                            if r != id.relation
                                && ui
                                    .selectable_label(
                                        false,
                                        format!("{}: {}", d.relation_endpoints(rel), rel.label),
                                    )
                                    .clicked()
                            {
                                actions.push(DocCommand::MovePassage(id, r).into());
                            }
                        }
                    });
                name_combo(&combo.response, "Move to another relation");
                // Dropping evidence asks once more; rejecting a draft (above) does not.
                let evidence = p.status != PassageStatus::Draft;
                if confirm_button(
                    ui,
                    ("passage", id.relation, id.index),
                    "Remove",
                    "Click again to remove this passage",
                    evidence,
                ) {
                    actions.push(DocCommand::RemovePassage(id).into());
                }
            });
            date_and_note(ui, state, id, &current, &mut fields);
        });
    if fields != current {
        actions.push(DocCommand::EditPassage(id, fields).into());
    }
}

/// How far the analyst stands behind a passage: its status, kind of statement and
/// credibility (Admiralty 1–6, "not graded" unless set).
fn standing_fields(ui: &mut egui::Ui, salt: &str, fields: &mut PassageFields) {
    ui.label(RichText::new("Status").weak());
    let combo = egui::ComboBox::from_id_salt(format!("{salt}-status"))
        .selected_text(fields.status.as_str())
        .show_ui(ui, |ui| {
            for s in [
                PassageStatus::Confirmed,
                PassageStatus::Draft,
                PassageStatus::Disputed,
            ] {
                ui.selectable_value(&mut fields.status, s, s.as_str());
            }
        });
    name_combo(&combo.response, "Status");
    ui.label(RichText::new("Kind").weak());
    let combo = egui::ComboBox::from_id_salt(format!("{salt}-modality"))
        .selected_text(fields.modality.unwrap_or_default().as_str())
        .show_ui(ui, |ui| {
            for m in crate::model::Modality::ALL {
                ui.selectable_value(&mut fields.modality, Some(m), m.as_str());
            }
        });
    name_combo(&combo.response, "Kind of statement");
    ui.label(RichText::new("Credibility").weak());
    let shown = |c: Option<Credibility>| {
        c.map_or_else(
            || "not graded".to_owned(),
            |c| format!("{} · {}", c.number(), c.meaning()),
        )
    };
    let combo = egui::ComboBox::from_id_salt(format!("{salt}-credibility"))
        .selected_text(shown(fields.credibility))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut fields.credibility, None, shown(None));
            for c in Credibility::ALL {
                ui.selectable_value(&mut fields.credibility, Some(c), shown(Some(c)));
            }
        });
    name_combo(&combo.response, "Credibility");
    combo.response.on_hover_text(
        "How credible this information is (NATO Admiralty code 1–6), graded by you; with the \
         source's reliability (Edit source) it makes the passage's grade, e.g. B2",
    );
}

/// The passage's date and note fields; a date is committed only once it reads.
fn date_and_note(
    ui: &mut egui::Ui,
    state: &MapState,
    id: PassageId,
    current: &PassageFields,
    fields: &mut PassageFields,
) {
    ui.horizontal_wrapped(|ui| {
        let date_text = current.date.map(|x| x.to_string()).unwrap_or_default();
        let key = ("date", id.relation, id.index, state.doc.revision);
        if let Some(typed) = committed_field(
            ui,
            key,
            ("Date", "as of article"),
            &date_text,
            (80.0, 1),
            readable_date,
        ) {
            // The field only commits a date it can read (or a blank).
            if let Ok(date) = super::forms::typed_date(&typed) {
                fields.date = date;
            }
        }
        let note = current.note.clone().unwrap_or_default();
        let key = ("note", id.relation, id.index, state.doc.revision);
        if let Some(typed) =
            committed_field(ui, key, ("Note", "your note"), &note, (160.0, 1), any_text)
        {
            fields.note = Some(typed);
        }
    })
    .response
    .on_hover_text(
        "Date (EDTF): 2012, 2012-03, 2012-03-01, 2009/.. (since 2009), 2005/2010, 2012~ (about), \
         2010? (uncertain); blank for a statement as of the article",
    );
}

/// "Accept" and "Reject" for a draft passage.
fn draft_buttons(
    ui: &mut egui::Ui,
    id: PassageId,
    current: &PassageFields,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Suggested:").weak());
        if ui
            .button("✔ Accept")
            .on_hover_text("Keep it as confirmed evidence (A: the current draft)")
            .clicked()
        {
            let accepted = PassageFields {
                status: PassageStatus::Confirmed,
                ..current.clone()
            };
            actions.push(DocCommand::EditPassage(id, accepted).into());
        }
        if ui
            .button("✖ Reject")
            .on_hover_text("Remove this suggestion (R: the current draft)")
            .clicked()
        {
            actions.push(DocCommand::RemovePassage(id).into());
        }
    });
}

/// A passage's own tone: none (the relation's) or one of the tones.
fn passage_tone(ui: &mut egui::Ui, salt: &str, value: &mut Option<Tone>) {
    let name = |t: Option<Tone>| t.map_or("—", Tone::legend_label);
    let combo = egui::ComboBox::from_id_salt(salt)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "— (not stated)");
            for t in Tone::ALL {
                ui.selectable_value(value, Some(t), name(Some(t)));
            }
        });
    name_combo(&combo.response, "Passage tone");
}

/// "N drafts to review" with "Next draft (D)", when the map has drafts.
pub fn review_bar(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    let n = state.draft_count();
    if n == 0 {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("✏ {n} drafts to review")).strong());
        if ui
            .button("Next draft (D)")
            .on_hover_text("Show the next suggested passage; A accepts it, R rejects it")
            .clicked()
        {
            actions.push(Action::Review(super::Review::Next));
        }
    });
}
