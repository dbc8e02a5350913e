//! One passage as the evidence panel shows it: inside its whole sentence, with its paragraph,
//! date, own tone and status, note, lint warnings, and the Show / Copy buttons.

use egui::{Color32, Frame, Margin, RichText, Stroke};

use super::{Action, citation_text};
use crate::map::ArticleCommand;
use crate::model::{Dataset, Passage, PassageId, PassageStatus, Relation, RelationId};

/// One passage; `marked` when it is the one the user went to (a chronology dot, a search
/// result): framed, and scrolled into view the first frame it is marked.
pub(super) fn passage_block(
    ui: &mut egui::Ui,
    (d, rel): (&Dataset, &Relation),
    id: PassageId,
    (color, marked): (Color32, bool),
    actions: &mut Vec<Action>,
) {
    let p = &rel.passages[id.index];
    let stroke = if marked {
        Stroke::new(2.0, ui.visuals().selection.stroke.color)
    } else {
        Stroke::NONE
    };
    let shown = Frame::new()
        .stroke(stroke)
        .corner_radius(4)
        .inner_margin(Margin {
            left: 10,
            right: 4,
            top: 4,
            bottom: 4,
        })
        .show(ui, |ui| {
            let top = ui.cursor().top();
            ui.add(egui::Label::new(passage_in_sentence(ui, d, p)).wrap());
            let meta = meta_line(d, p);
            let grade = d.grade(p);
            if !meta.is_empty() {
                let line = ui.label(RichText::new(meta.join(" · ")).weak().size(12.0));
                if d.grade_beside(p).is_some() {
                    line.on_hover_text(grade.meaning());
                }
            }
            if let Some(tone) = p.tone.filter(|t| *t != rel.tone) {
                ui.label(RichText::new(format!("This passage: {}", tone.as_str())).size(12.0))
                    .on_hover_text("The passage's own tone differs from the relation's");
            }
            if p.modality() != crate::model::Modality::Fact {
                ui.label(
                    RichText::new(format!(
                        "{}, not a reported fact",
                        p.modality().with_article()
                    ))
                    .size(12.0)
                    .italics(),
                )
                .on_hover_text(
                    "What the article forecasts, an actor aims at, someone perceives or the \
                     author assesses: not an event",
                );
            }
            if p.status != PassageStatus::Confirmed {
                ui.label(
                    RichText::new(format!("Status: {}", p.status.as_str()))
                        .size(12.0)
                        .color(ui.visuals().warn_fg_color),
                );
            }
            if let Some(note) = &p.note {
                ui.label(RichText::new(format!("Note: {note}")).size(12.0));
            }
            for w in d
                .warnings_for(id.relation)
                .filter(|w| w.passage == Some(id.index))
            {
                ui.label(
                    RichText::new(format!("⚠ {}", w.kind))
                        .size(12.0)
                        .color(ui.visuals().warn_fg_color),
                );
            }
            ui.horizontal(|ui| {
                let can_show = p.anchor.is_some();
                if ui
                    .add_enabled(can_show, egui::Button::new("Show in article").small())
                    .on_hover_text("Open the article scrolled to this passage, highlighted")
                    .clicked()
                {
                    actions.push(ArticleCommand::ShowPassage(id).into());
                }
                if ui
                    .add(egui::Button::new("Copy").small())
                    .on_hover_text(
                        "Copy the quote with its citation (author, title, date, paragraph)",
                    )
                    .clicked()
                    && let Some(text) = citation_text(d, id)
                {
                    actions.push(Action::CopyText(text));
                }
            });
            // The coloured rule on the left marks a block quote in the relation's colour.
            let bottom = ui.min_rect().bottom();
            let x = ui.min_rect().left() - 7.0;
            ui.painter().line_segment(
                [egui::pos2(x, top), egui::pos2(x, bottom)],
                Stroke::new(3.0, color),
            );
        });
    // Scrolled to once, when it becomes the marked one; then the reader scrolls freely.
    let memo = egui::Id::unique("relmap-marked-passage");
    if marked && ui.data(|m| m.get_temp::<PassageId>(memo)) != Some(id) {
        shown.response.scroll_to_me(Some(egui::Align::Center));
        ui.data_mut(|m| m.insert_temp(memo, id));
    }
}

/// "B2 · source 2 · p. 3, ¶4 · since 2009": a passage's grade, source, page and paragraph,
/// and date.
fn meta_line(d: &Dataset, p: &crate::model::Passage) -> Vec<String> {
    let mut meta = Vec::new();
    if let Some(grade) = d.grade_beside(p) {
        meta.push(grade);
    }
    // With several sources, each passage says which (numbered as in the article window's
    // tabs and the figure's source line; the group above gives its title).
    if d.sources.len() > 1 {
        meta.push(format!("source {}", p.source.0 + 1));
    }
    if let Some(place) = d.place_of(p) {
        meta.push(place);
    }
    match (&p.date, &d.source(p.source).meta.date) {
        (Some(date), _) => meta.push(date.long()),
        (None, Some(_)) => meta.push("as of the article".to_owned()),
        (None, None) => {}
    }
    meta
}

/// A warning mark on the relation with the lint's reasons (passage warnings sit by their passage).
pub(super) fn relation_warnings(ui: &mut egui::Ui, d: &Dataset, r: RelationId) {
    let all: Vec<_> = d.warnings_for(r).collect();
    if all.is_empty() {
        return;
    }
    let reasons: Vec<String> = all
        .iter()
        .map(|w| match w.passage {
            Some(p) => format!("Passage {}: {}", p + 1, w.kind),
            None => w.kind.to_string(),
        })
        .collect();
    ui.label(
        RichText::new(format!(
            "⚠ {} evidence warning{}",
            all.len(),
            if all.len() == 1 { "" } else { "s" }
        ))
        .color(ui.visuals().warn_fg_color),
    )
    .on_hover_text(reasons.join("\n"));
    for w in all.iter().filter(|w| w.passage.is_none()) {
        ui.label(
            RichText::new(w.kind.to_string())
                .size(12.0)
                .color(ui.visuals().warn_fg_color),
        );
    }
}

/// The passage inside its full sentence: the quoted words in the text colour, italic; the
/// rest of the sentence muted, so a fragment is never mistaken for a whole statement.
pub(super) fn passage_in_sentence(
    ui: &egui::Ui,
    d: &Dataset,
    p: &Passage,
) -> egui::text::LayoutJob {
    use egui::text::{LayoutJob, TextFormat};
    let size = 14.0;
    let strong = TextFormat {
        font_id: egui::FontId::proportional(size),
        color: ui.visuals().strong_text_color(),
        italics: true,
        ..Default::default()
    };
    let muted = TextFormat {
        font_id: egui::FontId::proportional(size),
        color: ui.visuals().weak_text_color(),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    match &p.anchor {
        Some(anchor) => {
            let c = d.article_of(p).in_context(anchor);
            job.append(&one_line(c.before), 0.0, muted.clone());
            job.append(&one_line(c.quote), 0.0, strong);
            job.append(&one_line(c.after), 0.0, muted);
        }
        None => job.append(&format!("“{}”", p.quote.trim()), 0.0, strong),
    }
    job
}

/// Article text with its line breaks and runs of spaces folded, as one flowing line.
pub(super) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}
