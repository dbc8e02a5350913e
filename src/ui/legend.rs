//! The legend over the canvas corner. Its rows are filter chips: click a policy field or tone
//! to hide or show it, right-click to show only it.

use egui::{Align2, Area, Order, Pos2, Rect, Sense, Stroke, Vec2};

use super::Action;
use crate::map::{FilterCommand, MapState};
use crate::model::{Dimension, Tone};
use crate::render::push_patterned_line;
use crate::scene::{Backing, Dash, Legend, Style};

const ROW_H: f32 = 18.0;

/// Shows the legend in the canvas's bottom-left corner; returns toggles.
pub fn legend(ctx: &egui::Context, canvas: Rect, state: &MapState, style: &Style) -> Vec<Action> {
    let mut actions = Vec::new();
    // Everything that could be shown (filters aside), so hidden rows stay clickable.
    let Legend {
        dimensions,
        tones,
        no_evidence,
        drafts,
        unreported,
        corroborated,
        weak,
        changes,
    } = state.legend_rows(style);
    let dims: Vec<Dimension> = dimensions.into_iter().map(|(dim, _)| dim).collect();
    let tones: Vec<Tone> = tones.into_iter().map(|(t, _)| t).collect();
    if dims.is_empty() && !no_evidence && !drafts {
        return actions;
    }
    Area::new(egui::Id::unique("relmap-legend"))
        .order(Order::Middle)
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(canvas.left_bottom() + Vec2::new(10.0, -10.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .fill(style.background.gamma_multiply(0.94))
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.y = 0.0;
                    field_rows(ui, state, style, &dims, &mut actions);
                    tone_rows(ui, state, style, &tones, &mut actions);
                    if no_evidence {
                        row(
                            ui,
                            "no evidence",
                            style.no_evidence,
                            Dash::Dotted,
                            false,
                            style,
                        )
                        .on_hover_text("Imported relations without passages");
                    }
                    if unreported {
                        row(
                            ui,
                            "forecast / aim",
                            style
                                .muted_text
                                .gamma_multiply(crate::scene::UNREPORTED_OPACITY),
                            Dash::Solid,
                            false,
                            style,
                        )
                        .on_hover_text(
                            "Every passage of a faint line is a forecast or an aim: what may \
                             happen or is wanted, not what the article reports as happened",
                        );
                    }
                    if corroborated || weak {
                        ui.add_space(3.0);
                        ui.label(egui::RichText::new("Evidence").small().weak());
                    }
                    if corroborated {
                        backing_row(ui, "2+ sources", Backing::Corroborated, style).on_hover_text(
                            "A double line: passages from two or more sources back it \
                                 (View → Only corroborated keeps just these)",
                        );
                    }
                    if weak {
                        backing_row(ui, "weak evidence", Backing::Weak, style).on_hover_text(
                            "A thin hollow line: every passage is graded weak (source E \
                             or F, or information 5 or 6)",
                        );
                    }
                    source_rows(ui, state, &mut actions);
                    change_rows(ui, changes, style);
                    if drafts {
                        row(
                            ui,
                            "draft (to review)",
                            style.no_evidence,
                            Dash::ShortDash,
                            false,
                            style,
                        )
                        .on_hover_text(
                            "Suggested evidence: select the line, then A accepts, R rejects, \
                             D goes to the next draft. Left out of exports.",
                        );
                    }
                    // Always there (greyed when nothing is filtered), so the rows above never
                    // move when a filter is switched on.
                    ui.add_space(4.0);
                    if ui
                        .add_enabled(
                            state.lens.filters.any(),
                            egui::Button::new("Clear filters").small(),
                        )
                        .on_hover_text("Show every relation again")
                        .clicked()
                    {
                        actions.push(FilterCommand::ClearFilters.into());
                    }
                });
        });
    actions
}

/// How a legend row tells what clicking does.
const ROW_TIP: &str = "Click to hide or show · double-click (or right-click): show only this";

fn field_rows(
    ui: &mut egui::Ui,
    state: &MapState,
    style: &Style,
    dims: &[Dimension],
    actions: &mut Vec<Action>,
) {
    if dims.is_empty() {
        return;
    }
    ui.label(egui::RichText::new("Policy field (colour)").small().weak());
    for dim in dims {
        let hidden = state.lens.filters.hidden_dimensions.contains(dim);
        let response = row(
            ui,
            dim.as_str(),
            style.dimension_color(dim),
            Dash::Solid,
            hidden,
            style,
        )
        .on_hover_text(ROW_TIP);
        // As chart legends do: a click toggles, a double-click shows only this entry.
        if response.double_clicked() {
            actions.push(FilterCommand::OnlyDimension(dim.clone(), dims.to_vec()).into());
        } else if response.clicked() {
            actions.push(FilterCommand::ToggleDimension(dim.clone()).into());
        }
        response.context_menu(|ui| {
            if ui.button(format!("Show only {}", dim.as_str())).clicked() {
                actions.push(FilterCommand::OnlyDimension(dim.clone(), dims.to_vec()).into());
                ui.close();
            }
        });
    }
}

fn tone_rows(
    ui: &mut egui::Ui,
    state: &MapState,
    style: &Style,
    tones: &[Tone],
    actions: &mut Vec<Action>,
) {
    if tones.is_empty() {
        return;
    }
    ui.add_space(3.0);
    ui.label(egui::RichText::new("Tone (line pattern)").small().weak());
    let stated = state.doc.dataset.states_tones();
    for tone in tones {
        let hidden = state.lens.filters.hidden_tones.contains(tone);
        let dash = Dash::for_tone(*tone, stated);
        let response = row(
            ui,
            tone.legend_label(),
            style.muted_text,
            dash,
            hidden,
            style,
        )
        .on_hover_text(ROW_TIP);
        if response.double_clicked() {
            actions.push(FilterCommand::OnlyTone(*tone, tones.to_vec()).into());
        } else if response.clicked() {
            actions.push(FilterCommand::ToggleTone(*tone).into());
        }
        response.context_menu(|ui| {
            if ui
                .button(format!("Show only {}", tone.legend_label()))
                .clicked()
            {
                actions.push(FilterCommand::OnlyTone(*tone, tones.to_vec()).into());
                ui.close();
            }
        });
    }
}

/// With several sources, one switch per source: off hides the relations quoted only from it.
fn source_rows(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    let d = &state.doc.dataset;
    if d.sources.len() < 2 {
        return;
    }
    ui.add_space(3.0);
    ui.label(egui::RichText::new("Source").small().weak());
    for (id, doc) in d.sources_with_ids() {
        let mut shown = !state.lens.filters.hidden_sources.contains(&id);
        let label = format!("{}) {}", id.0 + 1, doc.short_title(16));
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        if ui
            .checkbox(&mut shown, label)
            .on_hover_text(format!(
                "{}\nOff: hide the relations quoted only from this source",
                doc.meta.citation()
            ))
            .changed()
        {
            actions.push(FilterCommand::ToggleSource(id).into());
        }
    }
}

fn row(
    ui: &mut egui::Ui,
    label: &str,
    color: egui::Color32,
    dash: Dash,
    hidden: bool,
    style: &Style,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::new(150.0, ROW_H), Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, !hidden, label));
    let painter = ui.painter_at(rect);
    if response.hovered() {
        painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let color = if hidden { style.dim(color) } else { color };
    let a = Pos2::new(rect.left() + 4.0, rect.center().y);
    let b = a + Vec2::new(30.0, 0.0);
    let stroke = Stroke::new(2.5, color);
    let mut shapes = Vec::new();
    push_patterned_line(vec![a, b], stroke, &dash.pattern(2.5), &mut shapes);
    painter.extend(shapes);
    let text_color = if hidden { style.muted_text } else { style.text };
    let galley = painter.text(
        b + Vec2::new(8.0, 0.0),
        Align2::LEFT_CENTER,
        label,
        egui::FontId::proportional(13.0),
        text_color,
    );
    if hidden {
        painter.line_segment(
            [galley.left_center(), galley.right_center()],
            Stroke::new(1.0, text_color),
        );
    }
    response
}

/// A legend row whose sample is drawn in strands: the double line of a corroborated relation
/// or the thin hollow one of weak evidence.
fn backing_row(ui: &mut egui::Ui, label: &str, backing: Backing, style: &Style) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::new(150.0, ROW_H), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    let painter = ui.painter_at(rect);
    let a = Pos2::new(rect.left() + 4.0, rect.center().y);
    let b = a + Vec2::new(30.0, 0.0);
    let width = if backing == Backing::Weak { 4.0 } else { 5.0 };
    let color = style.muted_text;
    match backing.strands() {
        Some((offset, strand)) => {
            for side in [-1.0, 1.0] {
                let shift = Vec2::new(0.0, side * width * offset);
                painter.line_segment([a + shift, b + shift], Stroke::new(width * strand, color));
            }
        }
        None => {
            painter.line_segment([a, b], Stroke::new(2.5, color));
        }
    }
    sample_label(&painter, b, label, style);
    response
}

/// The comparison's rows, for the marks drawn: a new line on its highlighter band, a removed
/// one as a ghost, a changed one as it was (faint, its first half) and as it is.
fn change_rows(ui: &mut egui::Ui, [added, removed, changed]: [bool; 3], style: &Style) {
    let rows = [
        (
            added,
            ChangeSample::Added,
            "new",
            "Only in the later map (or date): a highlighter band runs under the line",
        ),
        (
            removed,
            ChangeSample::Removed,
            "removed",
            "Only in the earlier map (or date): drawn as a ghost",
        ),
        (
            changed,
            ChangeSample::Changed,
            "changed: was → now",
            "Its tone, direction or evidence changed: the first half of the line is drawn as \
             it was (faint, its old pattern and width), the second half as it is",
        ),
    ];
    if [added, removed, changed].iter().any(|x| *x) {
        ui.add_space(3.0);
        ui.label(egui::RichText::new("Compared").small().weak());
    }
    for (shown, sample, label, tip) in rows {
        if shown {
            change_row(ui, label, sample, style).on_hover_text(tip);
        }
    }
}

/// Which comparison mark a legend row shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ChangeSample {
    Added,
    Removed,
    Changed,
}

fn change_row(
    ui: &mut egui::Ui,
    label: &str,
    sample: ChangeSample,
    style: &Style,
) -> egui::Response {
    // As wide as its words need: "changed: was → now" is longer than the other rows.
    let words = ui
        .painter()
        .layout_no_wrap(
            label.to_owned(),
            egui::FontId::proportional(13.0),
            style.text,
        )
        .size()
        .x;
    let width = (4.0 + 30.0 + 8.0 + words + 4.0).max(150.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, ROW_H), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    let painter = ui.painter_at(rect);
    let a = Pos2::new(rect.left() + 4.0, rect.center().y);
    let b = a + Vec2::new(30.0, 0.0);
    let color = style.muted_text;
    match sample {
        ChangeSample::Added => {
            painter.line_segment([a, b], Stroke::new(9.0, style.new_band));
            painter.line_segment([a, b], Stroke::new(2.5, color));
        }
        ChangeSample::Removed => {
            let ghost = color.gamma_multiply(crate::scene::REMOVED_OPACITY);
            painter.line_segment([a, b], Stroke::new(2.5, ghost));
        }
        ChangeSample::Changed => {
            let middle = a + Vec2::new(15.0, 0.0);
            let was = color.gamma_multiply(crate::scene::WAS_OPACITY);
            let mut shapes = Vec::new();
            push_patterned_line(
                vec![a, middle],
                Stroke::new(1.5, was),
                &Dash::Dashed.pattern(1.5),
                &mut shapes,
            );
            painter.extend(shapes);
            painter.line_segment([middle, b], Stroke::new(3.5, color));
        }
    }
    sample_label(&painter, b, label, style);
    response
}

/// A legend row's words, after its sample line ending at `b`.
fn sample_label(painter: &egui::Painter, b: Pos2, label: &str, style: &Style) {
    painter.text(
        b + Vec2::new(8.0, 0.0),
        Align2::LEFT_CENTER,
        label,
        egui::FontId::proportional(13.0),
        style.text,
    );
}
