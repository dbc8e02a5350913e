//! The status line: dataset, counts, hints.

use super::Action;
use crate::map::{FilterCommand, MapState};

/// Paints the status line (with the scripts no font can draw, if any); returns "clear
/// filters" if clicked.
pub fn status_bar(
    ui: &mut egui::Ui,
    state: &MapState,
    missing: &[crate::fonts::MissingScript],
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        let d = &state.doc.dataset;
        let counts = state.shown_counts();
        let (shown_actors, shown_rels) = (counts.actors, counts.relations);
        ui.label(egui::RichText::new(&d.title).strong());
        ui.separator();
        let passages = d.passage_count();
        ui.label(format!(
            "{shown_actors} of {} actors · {shown_rels} of {} relations · {passages} {}",
            d.actors.len(),
            d.relations.len(),
            if passages == 1 { "passage" } else { "passages" }
        ));
        for m in missing {
            ui.label(
                egui::RichText::new(format!("⚠ no font for {}", m.script))
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(m.to_string());
        }
        let filtered = counts.hidden_by_filters;
        if filtered > 0 {
            ui.label(egui::RichText::new(format!("{filtered} hidden by filters")).strong());
            if ui
                .small_button("Clear filters")
                .on_hover_text("Show every relation again")
                .clicked()
            {
                actions.push(FilterCommand::ClearFilters.into());
            }
        }
        let secondary = d.relations.len() - shown_rels - filtered;
        if secondary > 0 && !state.lens.show_secondary {
            ui.label(
                egui::RichText::new(format!(
                    "({secondary} with secondary actors: View → Show secondary actors)"
                ))
                .weak(),
            );
        }
        // The hint goes at the right end only where it fits: in a narrow window, or with
        // filters and secondary actors noted, it had been drawn over them.
        let hint = egui::WidgetText::from(egui::RichText::new(status_hint(state)).weak());
        let galley = hint.clone().into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        );
        if galley.size().x + 2.0 * ui.spacing().item_spacing.x <= ui.available_width() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(hint);
            });
        }
    });
    actions
}

/// The hint for what is selected: the keys that go on from there.
pub fn status_hint(state: &MapState) -> &'static str {
    match (state.pointing.selection, state.key_lit()) {
        (_, Some(_)) => STATUS_HINT_LIT,
        (crate::scene::Selection::Actor(_), None) => STATUS_HINT_ACTOR,
        (crate::scene::Selection::Relation(_) | crate::scene::Selection::Pair(..), None) => {
            STATUS_HINT_RELATION
        }
        (crate::scene::Selection::None, None) => STATUS_HINT,
    }
}

/// The hint with an actor selected.
pub const STATUS_HINT_ACTOR: &str =
    "←/→ its relations · Enter reads one · Tab next actor · F1 all keys";
/// The hint with a relation lit by ←/→.
pub const STATUS_HINT_LIT: &str =
    "Enter reads the evidence · ←/→ next relation · Esc back to the actor";
/// The hint with a relation or pair selected.
pub const STATUS_HINT_RELATION: &str =
    "PgUp/PgDn scroll the evidence · F6 to the panel · Esc clears";

/// What the status line's right end reminds a newcomer of.
pub const STATUS_HINT: &str = "Drag nodes · Scroll to zoom · F to fit · Esc clears";

/// How often [`slow_spinner`] moves.
const SLOW_SPINNER_STEP: std::time::Duration = std::time::Duration::from_millis(125);

/// A busy indicator that redraws eight times a second, not every frame as egui's spinner does.
/// While a large file is read the window has nothing else to show, and under a software
/// renderer every full-window frame took CPU from the reading (1.0 s became 1.5 s).
pub fn slow_spinner(ui: &mut egui::Ui) {
    let size = ui.spacing().interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, "Working"));
    let step = SLOW_SPINNER_STEP.as_secs_f64();
    let turn = (ui.input(|i| i.time) / step).floor() * step;
    let radius = rect.height() / 2.0 - 2.0;
    let start = turn * std::f64::consts::TAU / 1.5;
    let points: Vec<egui::Pos2> = (0..=12)
        .map(|i| {
            let angle = (start + f64::from(i) / 12.0 * std::f64::consts::PI * 1.5) as f32;
            rect.center() + radius * egui::vec2(angle.cos(), angle.sin())
        })
        .collect();
    ui.painter().add(egui::Shape::line(
        points,
        egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
    ));
    ui.ctx().request_repaint_after(SLOW_SPINNER_STEP);
}
