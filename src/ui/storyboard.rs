//! The storyboard panel (the briefing's steps: add the view as a step, rename, caption,
//! reorder, remove) and the presentation (a step's title and caption over the map, the
//! selected relation's passages beside it).

use egui::RichText;

use super::Action;
use crate::map::{DocCommand, MapState, StepText, StoryCommand};
use crate::model::{Dataset, Step};

/// The panel's heading (and the View menu's item).
pub const STORYBOARD_HEADING: &str = "Storyboard";
/// The button capturing the view as a new step.
pub const ADD_STEP_LABEL: &str = "Add this view";
/// The button starting the presentation.
pub const PRESENT_LABEL: &str = "▶ Present";
/// The accessible label of a step's title field.
pub const STEP_TITLE_LABEL: &str = "Step title";
/// The accessible label of a step's caption field.
pub const STEP_CAPTION_LABEL: &str = "Step caption";
/// The button ending the presentation.
pub const END_PRESENTATION_LABEL: &str = "End presentation";

/// The storyboard panel: the steps in order, the current one open for editing.
pub fn storyboard_panel(ui: &mut egui::Ui, state: &MapState) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(STORYBOARD_HEADING);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("✕")
                .on_hover_text("Hide the storyboard (View → Storyboard shows it again)")
                .clicked()
            {
                actions.push(Action::Pref(super::PrefCommand::SetStoryboard(false)));
            }
        });
    });
    if state.compare.is_some() {
        ui.label(
            RichText::new("A comparison has no storyboard: leave it (Esc) to see the map's.")
                .weak(),
        );
        return actions;
    }
    let d = &state.doc.dataset;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(ADD_STEP_LABEL)
            .on_hover_text(
                "Make what the map shows now a step: the focus, the selected relation and how \
                 lines and labels are drawn (the layout is the map's, shared by every step)",
            )
            .clicked()
        {
            let at = state.story.current.map_or(d.storyboard.len(), |c| c + 1);
            let title = state
                .figure_subject()
                .unwrap_or_else(|| "The whole map".to_owned());
            actions.push(DocCommand::InsertStep(at, state.step_from_view(title)).into());
        }
        let present = ui
            .add_enabled(!d.storyboard.is_empty(), egui::Button::new(PRESENT_LABEL))
            .on_hover_text("Full screen, a step at a time: → or Space next, ← back, Esc ends")
            .on_disabled_hover_text("Add a step first");
        if present.clicked() {
            actions.push(Action::Present);
        }
    });
    if state.filters_a_step_leaves_out() {
        ui.label(
            RichText::new(
                "Filters other than the focus (fields, tones, sources, dates, grades) are not \
                 part of a step: it shows them all.",
            )
            .weak()
            .small(),
        );
    }
    if d.storyboard.is_empty() {
        ui.add_space(6.0);
        ui.label(
            "No steps yet. Focus on an actor or a pair, select the relation that makes the \
             point, then Add this view; give each step a title and a caption.",
        );
        return actions;
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (n, step) in d.storyboard.iter().enumerate() {
                step_row(ui, state, (n, step), &mut actions);
            }
        });
    actions
}

/// One step: its number and title (click shows it; drag it onto another step to move it),
/// what it shows, and, for the current step, its fields and buttons.
fn step_row(
    ui: &mut egui::Ui,
    state: &MapState,
    (n, step): (usize, &Step),
    actions: &mut Vec<Action>,
) {
    let d = &state.doc.dataset;
    let count = d.storyboard.len();
    let current = state.story.current == Some(n);
    let row = egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = format!("{}. {}", n + 1, step.title_or_number(n));
        // One widget both clicked (show the step) and dragged (move it onto another).
        let head = ui.add(
            egui::Button::selectable(current, RichText::new(title).strong())
                .sense(egui::Sense::click_and_drag()),
        );
        head.dnd_set_drag_payload(n);
        if head.clicked() {
            actions.push(StoryCommand::Show(n).into());
        }
        head.on_hover_text("Show this step (drag it onto another step to move it there)");
        ui.label(RichText::new(shows(d, step)).weak().small());
        for lost in &step.dropped {
            ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {lost}"));
        }
        if !current {
            if !step.caption.is_empty() {
                ui.label(RichText::new(&step.caption).italics());
            }
            return;
        }
        let field =
            |ui: &mut egui::Ui, what: &str, label_hint: (&str, &str), current: &str, rows| {
                super::edit_panel::committed_field(
                    ui,
                    ("relmap-step", what, n, state.doc.revision),
                    label_hint,
                    current,
                    (ui.available_width(), rows),
                    super::edit_panel::any_text,
                )
                .map(|typed| typed.trim().to_owned())
                .filter(|typed| typed != current)
            };
        let title_hint = (STEP_TITLE_LABEL, "Title");
        let caption_hint = (
            STEP_CAPTION_LABEL,
            "The point this step makes, as the source states it",
        );
        if let Some(title) = field(ui, "title", title_hint, &step.title, 1) {
            actions.push(
                DocCommand::EditStep(
                    n,
                    StepText {
                        title,
                        caption: step.caption.clone(),
                    },
                )
                .into(),
            );
        }
        if let Some(caption) = field(ui, "caption", caption_hint, &step.caption, 3) {
            actions.push(
                DocCommand::EditStep(
                    n,
                    StepText {
                        title: step.title.clone(),
                        caption,
                    },
                )
                .into(),
            );
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(n > 0, egui::Button::new("↑ Earlier"))
                .on_hover_text("Move this step up (Alt+↑)")
                .clicked()
            {
                actions.push(DocCommand::MoveStep { from: n, to: n - 1 }.into());
            }
            if ui
                .add_enabled(n + 1 < count, egui::Button::new("↓ Later"))
                .on_hover_text("Move this step down (Alt+↓)")
                .clicked()
            {
                actions.push(DocCommand::MoveStep { from: n, to: n + 1 }.into());
            }
            if ui
                .button("Remove step")
                .on_hover_text("Remove this step (Ctrl+Z puts it back)")
                .clicked()
            {
                actions.push(DocCommand::RemoveStep(n).into());
            }
        });
    });
    if let Some(from) = row.response.dnd_release_payload::<usize>()
        && *from != n
    {
        actions.push(DocCommand::MoveStep { from: *from, to: n }.into());
    }
}

/// What a step shows, in words: "Focus: China, Kazakhstan · selects: Energy investment".
fn shows(d: &Dataset, step: &Step) -> String {
    let mut parts = Vec::new();
    let names: Vec<String> = step
        .focus_in(d)
        .into_iter()
        .filter_map(|a| d.actor(a).map(|x| x.name.clone()))
        .collect();
    parts.push(if names.is_empty() {
        "The whole map".to_owned()
    } else {
        format!("Focus: {}", names.join(", "))
    });
    if let Some(rel) = step.selected_in(d).and_then(|r| d.relation(r)) {
        parts.push(format!("selects: {}", rel.label));
    }
    parts.join(" · ")
}

/// The presentation's head: the step's title and caption, and where the presentation is.
pub fn presentation_head(ui: &mut egui::Ui, state: &MapState) -> Vec<Action> {
    let mut actions = Vec::new();
    let d = &state.doc.dataset;
    let n = state.story.current.unwrap_or(0);
    let Some(step) = d.storyboard.get(n) else {
        return actions;
    };
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(step.title_or_number(n)).size(28.0).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(END_PRESENTATION_LABEL)
                .on_hover_text("Esc")
                .clicked()
            {
                actions.push(StoryCommand::StopPresenting.into());
            }
            let later = ui.add_enabled(n + 1 < d.storyboard.len(), egui::Button::new("▶"));
            if later
                .on_hover_text("Next step (→, Space, PageDown)")
                .clicked()
            {
                actions.push(StoryCommand::Next.into());
            }
            ui.label(format!("{} / {}", n + 1, d.storyboard.len()));
            let earlier = ui.add_enabled(n > 0, egui::Button::new("◀"));
            if earlier.on_hover_text("Previous step (←, PageUp)").clicked() {
                actions.push(StoryCommand::Previous.into());
            }
        });
    });
    if !step.caption.is_empty() {
        ui.add(egui::Label::new(RichText::new(&step.caption).size(19.0)).wrap());
    }
    ui.add_space(6.0);
    actions
}

/// The presentation's evidence: the selected relation (the step's, or a line clicked while
/// presenting) and its passages in their sentences.
pub fn presentation_evidence(ui: &mut egui::Ui, state: &MapState) -> Vec<Action> {
    let mut actions = Vec::new();
    let d = &state.doc.dataset;
    let Some(r) = state.selected_relation() else {
        ui.label(RichText::new("Click a line to read the passages that support it.").weak());
        return actions;
    };
    let Some(rel) = d.relation(r) else {
        return actions;
    };
    ui.label(RichText::new(d.relation_endpoints(rel)).size(16.0).strong());
    ui.label(RichText::new(&rel.label).size(16.0));
    ui.label(
        RichText::new(format!(
            "{} · {} · {} passage{}",
            rel.dimension.as_str(),
            rel.tone.as_str(),
            rel.passages.len(),
            if rel.passages.len() == 1 { "" } else { "s" }
        ))
        .weak(),
    );
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, p) in rel.passages.iter().enumerate() {
                ui.add(egui::Label::new(super::passage::passage_in_sentence(ui, d, p)).wrap());
                let mut meta = vec![d.source(p.source).label()];
                if let Some(place) = d.place_of(p) {
                    meta.push(place);
                }
                ui.horizontal(|ui| {
                    ui.label(RichText::new(meta.join(" · ")).weak().small());
                    if ui.small_button("Show in article").clicked() {
                        actions.push(
                            crate::map::ArticleCommand::ShowPassage(crate::model::PassageId {
                                relation: r,
                                index,
                            })
                            .into(),
                        );
                    }
                });
                ui.add_space(8.0);
            }
        });
    actions
}
