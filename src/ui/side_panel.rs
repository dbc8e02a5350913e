//! The evidence panel: what the selection is, and the verbatim passages behind it.

use egui::{Color32, CornerRadius, Frame, Margin, RichText};

use super::Action;
use super::overview::{actors_list, guide};
use super::passage::{passage_block, relation_warnings};
use crate::map::{EditCommand, FilterCommand, FocusMode, MapState, SelectCommand};
use crate::model::{ActorId, PassageId, RelationId, Tone};
use crate::scene::{Hit, Selection, Style};

/// Fills the side panel for the current selection, scrolled by `pages` (PageUp/PageDown).
pub fn side_panel(ui: &mut egui::Ui, state: &MapState, style: &Style, pages: i8) -> Vec<Action> {
    let mut actions = Vec::new();
    super::edit_panel::review_bar(ui, state, &mut actions);
    // One scroll position per selection: what is newly selected is read from its heading.
    egui::ScrollArea::vertical()
        .id_salt((EVIDENCE_SCROLL_ID, state.pointing.selection))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if pages != 0 {
                // A page is most of what shows, so a line of context stays in view.
                let page = ui.clip_rect().height() * 0.9;
                ui.scroll_with_delta(egui::vec2(0.0, -f32::from(pages) * page));
            }
            let compared = state.compare.as_deref();
            match state.pointing.selection {
                Selection::Relation(r) if let Some(c) = compared => {
                    super::compare::relation_view(ui, state, c, r, style);
                }
                Selection::None if let Some(c) = compared => {
                    super::compare::changes_list(ui, state, c, &mut actions);
                }
                Selection::Relation(r) => relation_view(ui, state, r, style, &mut actions),
                Selection::Actor(a) => actor_view(ui, state, a, style, &mut actions),
                Selection::Pair(a, b) => pair_view(ui, state, (a, b), style, &mut actions),
                Selection::None => {
                    guide(ui, &state.doc.dataset, &mut actions);
                    actors_list(ui, state, &mut actions);
                }
            }
        });
    actions
}

/// The evidence panel's scroll area (one scroll position per selection).
pub const EVIDENCE_SCROLL_ID: &str = "relmap-evidence-scroll";

fn badge(ui: &mut egui::Ui, text: &str, fill: Color32, text_color: Color32) -> egui::Response {
    Frame::new()
        .fill(fill)
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(7, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(text_color).size(12.0))
        })
        .inner
}

fn relation_view(
    ui: &mut egui::Ui,
    state: &MapState,
    r: RelationId,
    style: &Style,
    actions: &mut Vec<Action>,
) {
    let d = &state.doc.dataset;
    let Some(rel) = d.relation(r) else {
        return;
    };
    ui.heading(crate::fonts::visual_order(&d.relation_endpoints(rel)));
    ui.label(RichText::new(&rel.label).size(15.0));
    ui.add_space(4.0);
    let color = style.dimension_color(&rel.dimension);
    relation_badges(ui, rel, color);
    relation_warnings(ui, d, r);
    pair_focus(ui, state, (rel.from, rel.to), actions);
    super::edit_panel::relation_edit(ui, state, r, actions);
    ui.add_space(6.0);
    if rel.passages.is_empty() {
        ui.label(
            RichText::new(
                "No evidence: this relation was imported without passages. \
                 Nothing in the source supports it yet.",
            )
            .italics(),
        );
        return;
    }
    let n = rel.passages.len();
    let plural = if n == 1 { "" } else { "s" };
    if d.sources.len() < 2 {
        ui.label(RichText::new(format!("{n} passage{plural} from the article")).weak());
        ui.add_space(4.0);
        for i in 0..rel.passages.len() {
            editable_passage(ui, state, PassageId::new(r, i), color, actions);
        }
        return;
    }
    // Several sources: the passages grouped under each source they quote, in source order.
    let from: Vec<_> = d
        .sources_with_ids()
        .filter(|(id, _)| rel.passages.iter().any(|p| p.source == *id))
        .collect();
    ui.label(
        RichText::new(format!(
            "{n} passage{plural} from {} source{}",
            from.len(),
            if from.len() == 1 { "" } else { "s" }
        ))
        .weak(),
    );
    for (id, doc) in from {
        ui.add_space(4.0);
        ui.label(RichText::new(format!("{}) {}", id.0 + 1, doc.label())).strong())
            .on_hover_text(doc.meta.citation());
        for (i, _) in rel
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.source == id)
        {
            editable_passage(ui, state, PassageId::new(r, i), color, actions);
        }
    }
}

fn actor_view(
    ui: &mut egui::Ui,
    state: &MapState,
    a: ActorId,
    style: &Style,
    actions: &mut Vec<Action>,
) {
    let d = &state.doc.dataset;
    let Some(actor) = d.actor(a) else {
        return;
    };
    ui.heading(crate::fonts::visual_order(&actor.name));
    ui.label(RichText::new(actor.kind.as_str()).weak());
    ui.horizontal_wrapped(|ui| {
        // Focused on this actor, or on a pair it is one of.
        let focused = match state.lens.filters.focus {
            Some((f, FocusMode::Pair(g))) => f == a || g == a,
            Some((f, FocusMode::Relations | FocusMode::Neighbourhood)) => f == a,
            None => false,
        };
        if focused {
            if ui
                .button("Show all actors")
                .on_hover_text("Leave the focus")
                .clicked()
            {
                actions.push(FilterCommand::SetFocus(None).into());
            }
        } else {
            if ui
                .button("Focus: its relations")
                .on_hover_text("Show only this actor's relations")
                .clicked()
            {
                actions.push(FilterCommand::SetFocus(Some((a, FocusMode::Relations))).into());
            }
            if ui
                .button("Focus: neighbourhood")
                .on_hover_text("Show this actor, its partners and every relation among them")
                .clicked()
            {
                actions.push(FilterCommand::SetFocus(Some((a, FocusMode::Neighbourhood))).into());
            }
        }
    });
    if !actor.aliases.is_empty() {
        ui.label(format!("Also called: {}", actor.aliases.join(", ")));
    }
    super::edit_panel::actor_edit(ui, state, a, actions);
    if !actor.native_names.is_empty() {
        ui.label(format!("Native names: {}", actor.native_names.join(" · ")));
    }
    if state.is_pinned(a)
        && ui
            .button("Unpin")
            .on_hover_text(
                "Let this actor return to the automatic layout (double-click it on the map)",
            )
            .clicked()
    {
        actions.push(EditCommand::Unpin(a).into());
    }
    ui.add_space(8.0);
    let rels: Vec<RelationId> = d
        .relations_with_ids()
        .filter(|(_, rel)| rel.from == a || rel.to == a)
        .map(|(r, _)| r)
        .collect();
    ui.strong(format!("Relations ({})", rels.len()));
    for r in rels {
        let rel = &d.relations[r];
        let other = if rel.from == a { rel.to } else { rel.from };
        let text = rel.row_text(&d.actors[other].name);
        relation_row(ui, state, r, text, style, actions);
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new("Ctrl+click a second actor on the map to see the two together.")
            .weak()
            .italics(),
    );
}

/// Two actors selected together: the relations between them, and a focus on the pair.
fn pair_view(
    ui: &mut egui::Ui,
    state: &MapState,
    (a, b): (ActorId, ActorId),
    style: &Style,
    actions: &mut Vec<Action>,
) {
    let d = &state.doc.dataset;
    let (Some(x), Some(y)) = (d.actor(a), d.actor(b)) else {
        return;
    };
    ui.heading(format!("{} and {}", x.name, y.name));
    pair_focus(ui, state, (a, b), actions);
    ui.add_space(8.0);
    let rels: Vec<RelationId> = d
        .relations_with_ids()
        .filter(|(_, rel)| rel.joins(a, b))
        .map(|(r, _)| r)
        .collect();
    if rels.is_empty() {
        ui.label(RichText::new("The map has no relation between these two actors.").italics());
        return;
    }
    ui.strong(format!("Relations between them ({})", rels.len()));
    let numbered = rels.len() > 1;
    for (row, r) in rels.into_iter().enumerate() {
        let rel = &d.relations[r];
        // Numbered like the squares on the pair's lines (see `scene::Badge::Row`).
        let text = if numbered {
            format!("{} · {} ({})", row + 1, rel.label, rel.passages.len())
        } else {
            format!("{} ({})", rel.label, rel.passages.len())
        };
        relation_row(ui, state, r, text, style, actions);
        // Each relation opens in place to its passages, so a combined line reads in one go;
        // a short one starts open.
        let n = rel.passages.len();
        if n > 0 {
            let color = style.dimension_color(&rel.dimension);
            egui::CollapsingHeader::new(format!("{n} passage{}", if n == 1 { "" } else { "s" }))
                .id_salt(("relmap-pair-passages", r))
                .default_open(n <= PASSAGES_OPEN_UP_TO)
                .show(ui, |ui| {
                    for i in 0..n {
                        passage_block(
                            ui,
                            (d, rel),
                            PassageId::new(r, i),
                            (color, marked(state, PassageId::new(r, i))),
                            actions,
                        );
                        ui.add_space(6.0);
                    }
                });
        }
    }
}

/// A passage of the selected relation, with its edit controls under it.
fn editable_passage(
    ui: &mut egui::Ui,
    state: &MapState,
    id: PassageId,
    color: Color32,
    actions: &mut Vec<Action>,
) {
    let d = &state.doc.dataset;
    let Some(rel) = d.relation(id.relation) else {
        return;
    };
    passage_block(ui, (d, rel), id, (color, marked(state, id)), actions);
    super::edit_panel::passage_edit(ui, state, id, actions);
    ui.add_space(8.0);
}

/// Whether passage `id` is the one the user went to (see [`passage_block`]).
fn marked(state: &MapState, id: PassageId) -> bool {
    state.reader.focus.as_ref().is_some_and(|f| f.passage == id)
}

/// A pair's relation with this many passages or fewer shows them at once.
const PASSAGES_OPEN_UP_TO: usize = 4;

/// The relation's policy field, tone, direction and, when none of its evidence is reported
/// as happening, "forecast / aim".
fn relation_badges(ui: &mut egui::Ui, rel: &crate::model::Relation, color: Color32) {
    ui.horizontal_wrapped(|ui| {
        badge(ui, rel.dimension.as_str(), color, Color32::WHITE);
        let tone = match (rel.declared_tone, rel.tone) {
            (Some(t), _) => t.legend_label().to_owned(),
            (None, Tone::Unspecified) => "no tone stated".to_owned(),
            (None, t) => format!("{} (from passages)", t.as_str()),
        };
        badge(
            ui,
            &tone,
            ui.visuals().widgets.inactive.bg_fill,
            ui.visuals().text_color(),
        );
        if rel.directed {
            badge(
                ui,
                "directed",
                ui.visuals().widgets.inactive.bg_fill,
                ui.visuals().text_color(),
            );
        }
        if rel.is_unreported() {
            badge(
                ui,
                "forecast / aim",
                ui.visuals().warn_fg_color,
                Color32::BLACK,
            )
            .on_hover_text(
                "Every passage is a forecast or an aim: what may happen or is wanted, not \
             what the article reports as happened",
            );
        }
    });
}

/// One relation in a list: a swatch of its line (policy-field colour, tone pattern) and a
/// button that selects it. Hovering the row lights the line on the map, and a line hovered
/// on the map lights its row.
fn relation_row(
    ui: &mut egui::Ui,
    state: &MapState,
    r: RelationId,
    text: String,
    style: &Style,
    actions: &mut Vec<Action>,
) {
    let d = &state.doc.dataset;
    let rel = &d.relations[r];
    let shown = state.visible_relations()[r];
    let n = rel.passages.len();
    let text = if rel.is_unreported() {
        format!("{text} · forecast / aim")
    } else {
        text
    };
    let color = style.dimension_color(&rel.dimension);
    ui.horizontal(|ui| {
        // Long enough to show a dash-dot pattern whole.
        let (swatch, _) = ui.allocate_exact_size(egui::vec2(40.0, 10.0), egui::Sense::hover());
        let dash = crate::scene::Dash::for_tone(rel.tone, state.states_tones());
        let mut shapes = Vec::new();
        crate::render::push_patterned_line(
            vec![swatch.left_center(), swatch.right_center()],
            egui::Stroke::new(2.5, color),
            &dash.pattern(2.0),
            &mut shapes,
        );
        ui.painter().extend(shapes);
        // Lit when its line is hovered, or reached with the keyboard (←/→ on the map).
        let lit =
            state.pointing.hovered == Some(Hit::Edge(r)) || state.key_lit() == Some(Hit::Edge(r));
        let response = ui.add_enabled(shown, egui::Button::selectable(lit, text).wrap());
        if response.hovered() && shown {
            actions.push(SelectCommand::HoverLinked(Some(Hit::Edge(r))).into());
        }
        let response = if shown {
            response.on_hover_text(format!(
                "{} · {} · {n} passages",
                rel.dimension.as_str(),
                rel.tone.as_str()
            ))
        } else {
            response.on_disabled_hover_text("Hidden by a filter or View → Show secondary actors")
        };
        if response.clicked() {
            actions.push(SelectCommand::Select(Selection::Relation(r)).into());
        }
    });
}

/// "Focus on this pair": only the relation's two actors and the relations between them,
/// fitted; exports follow. A second click (or Esc-free "Show all") leaves the focus.
fn pair_focus(
    ui: &mut egui::Ui,
    state: &MapState,
    (a, b): (ActorId, ActorId),
    actions: &mut Vec<Action>,
) {
    let focused = matches!(
        state.lens.filters.focus,
        Some((f, FocusMode::Pair(g))) if (f, g) == (a, b) || (f, g) == (b, a)
    );
    ui.horizontal(|ui| {
        if focused {
            if ui
                .button("Show all actors")
                .on_hover_text("Leave the focus on this pair")
                .clicked()
            {
                actions.push(FilterCommand::SetFocus(None).into());
            }
        } else if ui
            .button("Focus on this pair")
            .on_hover_text("Show only these two actors and the relations between them")
            .clicked()
        {
            actions.push(FilterCommand::SetFocus(Some((a, FocusMode::Pair(b)))).into());
        }
    });
}
