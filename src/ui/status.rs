//! The status line: dataset, counts, hints.

use crate::app::AppState;

/// Paints the status line.
pub fn status_bar(ui: &mut egui::Ui, state: &AppState) {
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
        let hidden = d.relations.len() - shown_rels;
        if hidden > 0 {
            ui.label(
                egui::RichText::new(format!("({hidden} hidden: View → Show secondary actors)"))
                    .weak(),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                egui::RichText::new("Drag nodes · Scroll to zoom · F to fit · Esc clears").weak(),
            );
        });
    });
}
