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
        let d = &state.dataset;
        let actors = state.visible_actors();
        let shown_actors = actors.iter().filter(|v| **v).count();
        let rels = state.visible_relations();
        let shown_rels = rels.iter().filter(|v| **v).count();
        ui.label(egui::RichText::new(&d.title).strong());
        ui.separator();
        ui.label(format!(
            "{shown_actors} of {} actors · {shown_rels} of {} relations · {} passages",
            d.actors.len(),
            d.relations.len(),
            d.passage_count()
        ));
        for m in missing {
            ui.label(
                egui::RichText::new(format!("⚠ no font for {}", m.script))
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(m.to_string());
        }
        let filtered = state.hidden_by_filters();
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
        if secondary > 0 && !state.prefs.show_secondary {
            ui.label(
                egui::RichText::new(format!(
                    "({secondary} with secondary actors: View → Show secondary actors)"
                ))
                .weak(),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                egui::RichText::new("Drag nodes · Scroll to zoom · F to fit · Esc clears").weak(),
            );
        });
    });
    actions
}
