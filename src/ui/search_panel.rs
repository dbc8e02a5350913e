//! The search box (Ctrl+F) and its results, at the top of the side panel.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText};

use super::{Action, shortcut_text};
use crate::map::{ArticleCommand, FilterCommand, MapState, SelectCommand, ViewCommand};
use crate::scene::{Hit as MapHit, Selection};
use crate::search::{Hit, MAX_RESULTS, Target, search};

/// Id of the search field, so Ctrl+F can focus it.
pub const SEARCH_ID: &str = "relmap-search";

/// Paints the search field and, when there is a query, its results.
pub fn search_panel(ui: &mut egui::Ui, state: &MapState, focus: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut text = state.search.clone();
    let id = egui::Id::unique(SEARCH_ID);
    ui.horizontal(|ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .hint_text(format!(
                    "Search passages, relations, actors ({})",
                    shortcut_text(ui.ctx(), &Action::FocusSearch)
                ))
                .desired_width(ui.available_width() - 40.0),
        );
        if focus {
            edit.request_focus();
        }
        if edit.changed() {
            actions.push(FilterCommand::SetSearch(text.clone()).into());
        }
        if ui
            .add_enabled(!text.is_empty(), egui::Button::new("✕").small())
            .on_hover_text("Clear the search")
            .clicked()
        {
            actions.push(FilterCommand::SetSearch(String::new()).into());
        }
    });
    if text.trim().is_empty() {
        return actions;
    }
    let hits = search(&state.dataset, &text);
    ui.label(
        RichText::new(match hits.len() {
            0 => "No matches".to_owned(),
            1 => "1 match".to_owned(),
            n => format!("{n} matches"),
        })
        .weak(),
    );
    egui::ScrollArea::vertical()
        .id_salt("search-results")
        .max_height(ui.available_height() * 0.45)
        .show(ui, |ui| {
            for hit in hits.iter().take(MAX_RESULTS) {
                let row = result_row(ui, state, hit);
                if row.hovered() {
                    let on_map = match hit.target {
                        Target::Actor(a) => MapHit::Node(a),
                        Target::Relation(r) => MapHit::Edge(r),
                        Target::Passage(id) => MapHit::Edge(id.relation),
                    };
                    actions.push(SelectCommand::HoverLinked(Some(on_map)).into());
                }
                if row.clicked() {
                    actions.extend(choose(state, &hit.target));
                }
            }
            if hits.len() > MAX_RESULTS {
                ui.label(
                    RichText::new(format!(
                        "… and {} more; add words to narrow",
                        hits.len() - MAX_RESULTS
                    ))
                    .weak(),
                );
            }
        });
    ui.separator();
    actions
}

fn choose(state: &MapState, target: &Target) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    match *target {
        Target::Actor(a) => out.push(SelectCommand::Select(Selection::Actor(a)).into()),
        Target::Relation(r) => out.push(SelectCommand::Select(Selection::Relation(r)).into()),
        Target::Passage(id) => {
            out.push(SelectCommand::Select(Selection::Relation(id.relation)).into());
            if state
                .dataset
                .passage(id)
                .is_some_and(|p| p.anchor.is_some())
            {
                out.push(ArticleCommand::ShowPassage(id).into());
            }
        }
    }
    // Hidden by a filter or the secondary switch? Make it visible rather than fail silently.
    let visible = match *target {
        Target::Actor(a) => state.visible_actors()[a],
        Target::Relation(r) => state.visible_relations()[r],
        Target::Passage(id) => state.visible_relations()[id.relation],
    };
    if !visible {
        out.insert(0, FilterCommand::ClearFilters.into());
        out.insert(1, ViewCommand::SetShowSecondary(true).into());
    }
    out
}

fn result_row(ui: &mut egui::Ui, state: &MapState, hit: &Hit) -> egui::Response {
    let d = &state.dataset;
    let kind = match hit.target {
        Target::Actor(_) => "actor".to_owned(),
        Target::Relation(_) => "relation".to_owned(),
        Target::Passage(id) => d.relation_endpoints(&d.relations[id.relation]),
    };
    let text_color = ui.visuals().text_color();
    let mark = ui.visuals().selection.bg_fill;
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width() - 8.0;
    job.append(
        &format!("{kind}  "),
        0.0,
        TextFormat {
            font_id: FontId::proportional(11.0),
            color: ui.visuals().weak_text_color(),
            ..Default::default()
        },
    );
    let plain = TextFormat {
        font_id: FontId::proportional(13.5),
        color: text_color,
        ..Default::default()
    };
    // A passage is shown inside its sentence: the words around the quote muted.
    let context = match hit.target {
        Target::Passage(id) => d
            .passage(id)
            .and_then(|p| p.anchor.as_ref())
            .map(|a| d.article.in_context(a)),
        _ => None,
    };
    let muted = TextFormat {
        color: ui.visuals().weak_text_color(),
        ..plain.clone()
    };
    if let Some(c) = &context {
        job.append(&super::side_panel::one_line(c.before), 0.0, muted.clone());
    }
    let mut at = 0;
    for m in &hit.matches {
        if m.start < at {
            continue;
        }
        job.append(&hit.text[at..m.start], 0.0, plain.clone());
        job.append(
            &hit.text[m.clone()],
            0.0,
            TextFormat {
                background: mark,
                ..plain.clone()
            },
        );
        at = m.end;
    }
    job.append(&hit.text[at..], 0.0, plain);
    if let Some(c) = &context {
        job.append(&super::side_panel::one_line(c.after), 0.0, muted);
    }
    ui.add(egui::Button::selectable(false, job).wrap())
}
