//! The side panel with nothing selected: how to read the evidence, the sources, and the
//! actors to start from (most connected first).

use egui::RichText;

use super::Action;
use crate::map::{MapState, SelectCommand};
use crate::model::Dataset;
use crate::scene::Selection;

pub(super) fn guide(ui: &mut egui::Ui, d: &Dataset, actions: &mut Vec<Action>) {
    ui.heading("Evidence");
    ui.label(
        "Click a line on the map to read the passages of the article that support it. \
         Click an actor to list its relations.",
    );
    ui.add_space(6.0);
    for (key, what) in [
        ("Colour", "policy field (see legend)"),
        ("Solid / dashed / dash-dot", "cooperation / tension / mixed"),
        ("Short dashes", "neutral, or no tone stated"),
        ("⚠", "an evidence warning: hover it for the reason"),
        ("Width", "number of passages"),
        ("Drag", "move an actor (it stays pinned)"),
    ] {
        ui.horizontal_wrapped(|ui| {
            ui.strong(key);
            ui.label(what);
        });
    }
    ui.add_space(10.0);
    ui.separator();
    ui.strong(if d.sources.len() > 1 {
        "Sources"
    } else {
        "Source"
    });
    for (id, doc) in d.sources_with_ids() {
        source_summary(ui, d, (id, doc), actions);
    }
    ui.label(
        RichText::new(format!(
            "{} relations, {} passages",
            d.relations.len(),
            d.passage_count(),
        ))
        .weak(),
    );
}

/// One source's title, author, date, publisher and how much of it passages cite.
fn source_summary(
    ui: &mut egui::Ui,
    d: &crate::model::Dataset,
    (id, doc): (crate::model::SourceId, &crate::model::Source),
    actions: &mut Vec<Action>,
) {
    let number = if d.sources.len() > 1 {
        format!("{}) ", id.0 + 1)
    } else {
        String::new()
    };
    ui.label(format!("{number}“{}”", doc.meta.title));
    if let Some(author) = &doc.meta.author {
        ui.label(author);
    }
    let mut meta = Vec::new();
    if let Some(date) = &doc.meta.date {
        meta.push(date.long());
    }
    if let Some(section) = &doc.meta.publisher {
        meta.push(section.clone());
    }
    let cited = d.cited_paragraphs(id).len();
    meta.push(if doc.article.paragraphs.is_empty() {
        "no article text (imported graph)".to_owned()
    } else {
        format!(
            "{cited} of {} paragraphs cited",
            doc.article.paragraphs.len()
        )
    });
    // The source's grade with its meaning, so a reader never has to know the code.
    let reliability = doc.meta.reliability.map_or_else(
        || "Reliability not graded".to_owned(),
        |r| format!("Reliability {} · {}", r.letter(), r.meaning()),
    );
    ui.label(RichText::new(reliability).weak()).on_hover_text(
        "NATO Admiralty code, graded by the analyst (Edit…): A completely reliable … E \
         unreliable, F cannot be judged",
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(meta.join(" · ")).weak());
        if ui
            .small_button("Edit…")
            .on_hover_text("Edit this source's title, author, date, publisher, URL and reliability")
            .clicked()
        {
            actions.push(Action::EditSource(id));
        }
    });
}

/// Most actor chips the side panel lists.
const MAX_ACTOR_CHIPS: usize = 150;

/// Every actor of the map (the most connected, on a large one), and "Add actor…": where a
/// new map's authoring starts.
pub(super) fn actors_list(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    ui.add_space(10.0);
    ui.separator();
    ui.horizontal(|ui| {
        ui.strong(format!("Actors ({})", state.doc.dataset.actors.len()));
        if ui
            .button("Add actor…")
            .on_hover_text("Add an actor (name, kind, aliases) to the map")
            .clicked()
        {
            actions.push(Action::ActorForm(None));
        }
    });
    let d = &state.doc.dataset;
    // Most connected first, with their counts: who matters in an imported network is the
    // first question. A chip per actor is a directory for small maps; on a large one
    // thousands of buttons would cost every frame and help nobody: search finds the rest.
    let shown = state.most_connected(MAX_ACTOR_CHIPS);
    let degrees = state.degrees();
    let strengths = state.strengths();
    let ranked = match &strengths {
        Some(_) => "by weighted number of relations (the sum of their weights)",
        None => "by number of relations",
    };
    let note = if shown.len() < d.actors.len() {
        format!(
            "The {} most connected, {ranked}; search (Ctrl+F) finds any of the {}.",
            shown.len(),
            d.actors.len()
        )
    } else {
        format!("Most connected first, {ranked}.")
    };
    ui.label(RichText::new(note).weak());
    ui.horizontal_wrapped(|ui| {
        for a in shown {
            let actor = &d.actors[a];
            let count = match &strengths {
                Some(s) => format!("{} ({})", degrees[a], s[a]),
                None => degrees[a].to_string(),
            };
            let chip = format!("{} · {count}", crate::fonts::visual_order(&actor.name));
            if ui
                .small_button(chip)
                .on_hover_text(format!(
                    "{} · {} relations · click to select",
                    actor.kind.as_str(),
                    degrees[a]
                ))
                .clicked()
            {
                actions.push(SelectCommand::Select(Selection::Actor(a)).into());
            }
        }
    });
    if state.doc.dataset.relations.is_empty()
        && !state.doc.dataset.primary().article.text.is_empty()
    {
        ui.label(
            RichText::new(
                "No relations yet: open the article (View → Article), switch on \
                 “Select text for evidence”, select a sentence and press E.",
            )
            .weak(),
        );
    }
}
