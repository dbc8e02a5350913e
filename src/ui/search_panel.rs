//! The search box (Ctrl+F) and its results, at the top of the side panel.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText};

use super::{Action, shortcut_text};
use crate::map::{ArticleCommand, Command, FilterCommand, MapState, SelectCommand, ViewCommand};
use crate::scene::{Hit as MapHit, Selection};
use crate::search::{Hit, MAX_RESULTS, Target, search};

/// Id of the search field, so Ctrl+F can focus it.
pub const SEARCH_ID: &str = "relmap-search";

/// Arrow and Enter presses in the search field this frame.
#[derive(Default)]
struct Keys {
    down: bool,
    up: bool,
    enter: bool,
}

/// Paints the search field and, when there is a query, its results. ↑/↓ move through the
/// results and Enter picks one, without leaving the keyboard.
pub fn search_panel(ui: &mut egui::Ui, state: &MapState, focus: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut text = state.lens.search.clone();
    let keys = ui
        .horizontal(|ui| search_field(ui, &mut text, focus, &mut actions))
        .inner;
    if text.trim().is_empty() {
        return actions;
    }
    let hits = search(&state.doc.dataset, &text);
    ui.label(
        RichText::new(match hits.len() {
            0 => "No matches".to_owned(),
            1 => "1 match".to_owned(),
            n => format!("{n} matches · ↑/↓ and Enter to pick"),
        })
        .weak(),
    );
    let shown = hits.len().min(MAX_RESULTS);
    let pick = keyboard_pick(state.lens.search_pick, shown, &keys, &mut actions);
    if keys.enter
        && let Some(hit) = hits.get(pick.unwrap_or(0))
    {
        actions.extend(choose(state, &hit.target));
    }
    egui::ScrollArea::vertical()
        .id_salt("search-results")
        .max_height(ui.available_height() * 0.45)
        .show(ui, |ui| {
            for (i, hit) in hits.iter().take(MAX_RESULTS).enumerate() {
                let picked = pick == Some(i);
                let on_map = match hit.target {
                    Target::Actor(a) => MapHit::Node(a),
                    Target::Relation(r) => MapHit::Edge(r),
                    Target::Passage(id) => MapHit::Edge(id.relation),
                };
                // Lit when picked with the keys or when its line or actor is hovered on the map.
                let lit = picked || state.pointing.hovered == Some(on_map);
                let row = result_row(ui, state, hit, lit);
                if picked && (keys.up || keys.down) {
                    row.scroll_to_me(None);
                }
                if row.hovered() || picked {
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

/// The search field with its clear button; returns the navigation keys pressed in it.
fn search_field(
    ui: &mut egui::Ui,
    text: &mut String,
    focus: bool,
    actions: &mut Vec<Action>,
) -> Keys {
    let id = egui::Id::unique(SEARCH_ID);
    let edit = ui.add(
        egui::TextEdit::singleline(text)
            .id(id)
            .hint_text(format!(
                "Search passages, relations, actors ({})",
                shortcut_text(ui.ctx(), &Action::FocusSearch)
            ))
            .desired_width(ui.available_width() - 40.0),
    );
    if focus {
        edit.request_focus();
        // Ctrl+F with a query already there selects it, so typing replaces it.
        let mut edit_state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        edit_state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        edit_state.store(ui.ctx(), id);
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
    let mut keys = Keys::default();
    if edit.has_focus() {
        ui.input(|i| {
            keys.down = i.key_pressed(egui::Key::ArrowDown);
            keys.up = i.key_pressed(egui::Key::ArrowUp);
        });
    }
    // A single-line field gives up focus on Enter.
    keys.enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    keys
}

/// The result picked after this frame's arrow presses (kept within `0..shown`).
fn keyboard_pick(
    current: Option<usize>,
    shown: usize,
    keys: &Keys,
    actions: &mut Vec<Action>,
) -> Option<usize> {
    if shown == 0 {
        return None;
    }
    let next = match (keys.down, keys.up, current) {
        (true, _, None) => Some(0),
        (true, _, Some(i)) => Some((i + 1).min(shown - 1)),
        (false, true, Some(i)) => Some(i.saturating_sub(1)),
        _ => current.map(|i| i.min(shown - 1)),
    };
    if next != current {
        actions.push(FilterCommand::SetSearchPick(next).into());
    }
    next
}

fn choose(state: &MapState, target: &Target) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    match *target {
        Target::Actor(a) => out.push(SelectCommand::Select(Selection::Actor(a)).into()),
        Target::Relation(r) => out.push(SelectCommand::Select(Selection::Relation(r)).into()),
        Target::Passage(id) => {
            out.push(SelectCommand::Select(Selection::Relation(id.relation)).into());
            if state
                .doc
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
        // Never silently: say what was switched on, and how to switch it off again.
        let mut changed = Vec::new();
        let mut undo: Vec<Command> = Vec::new();
        if state.lens.filters.any() {
            out.insert(0, FilterCommand::ClearFilters.into());
            undo.push(FilterCommand::SetFilters(state.lens.filters.clone()).into());
            changed.push("cleared the filters");
        }
        if !state.lens.show_secondary {
            out.insert(0, ViewCommand::SetShowSecondary(true).into());
            undo.push(ViewCommand::SetShowSecondary(false).into());
            changed.push("showed secondary actors (View → Show secondary actors hides them)");
        }
        if !changed.is_empty() {
            out.push(Action::Notice {
                text: format!("To show this result, relmap {}.", changed.join(" and ")),
                undo,
            });
        }
    }
    out
}

fn result_row(ui: &mut egui::Ui, state: &MapState, hit: &Hit, picked: bool) -> egui::Response {
    let d = &state.doc.dataset;
    let kind = match hit.target {
        Target::Actor(_) => "actor".to_owned(),
        Target::Relation(_) => "relation".to_owned(),
        Target::Passage(id) => {
            let ends = d.relation_endpoints(&d.relations[id.relation]);
            // With several sources, say which article the passage is quoted from.
            match d.passage(id) {
                Some(p) if d.sources.len() > 1 => format!("{ends} · source {}", p.source.0 + 1),
                _ => ends,
            }
        }
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
            .and_then(|p| p.anchor.as_ref().map(|a| d.article_of(p).in_context(a))),
        _ => None,
    };
    let muted = TextFormat {
        color: ui.visuals().weak_text_color(),
        ..plain.clone()
    };
    if let Some(c) = &context {
        job.append(&super::passage::one_line(c.before), 0.0, muted.clone());
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
        job.append(&super::passage::one_line(c.after), 0.0, muted);
    }
    ui.add(egui::Button::selectable(picked, job).wrap())
}
