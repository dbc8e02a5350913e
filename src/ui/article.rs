//! The article window: the full source text, the chosen passage highlighted and scrolled to.

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, RichText};

use super::Action;
use crate::app::{AppState, Command};
use crate::model::TextRange;
use crate::scene::{Selection, Style};

/// Shows the article window if open.
pub fn article_window(ctx: &egui::Context, state: &AppState, style: &Style) -> Vec<Action> {
    let mut actions = Vec::new();
    if !state.article_open {
        return actions;
    }
    let d = &state.dataset;
    let mut open = true;
    let focus = state.article_focus;
    // Passages to mark: the focused one strongly, the rest of its relation lightly.
    let relation = focus.map(|f| f.relation).or(match state.selection {
        Selection::Relation(r) => Some(r),
        _ => None,
    });
    let mut marks: Vec<(TextRange, Color32, bool)> = Vec::new();
    if let Some(rel) = relation.and_then(|r| d.relations.get(r)) {
        let color = style.dimension_color(&rel.dimension);
        for (i, p) in rel.passages.iter().enumerate() {
            if let Some(anchor) = &p.anchor {
                let strong = focus.is_some_and(|f| {
                    f.relation == relation.unwrap_or(usize::MAX) && f.passage == i
                });
                marks.push((anchor.range.clone(), color, strong));
            }
        }
    }
    let title = format!("Article — {}", d.source.title);
    egui::Window::new(title)
        .id(egui::Id::unique("relmap-article"))
        .open(&mut open)
        .default_size([560.0, 600.0])
        .vscroll(false)
        .show(ctx, |ui| {
            if let Some(author) = &d.source.author {
                let date = d.source.date.map(|x| x.long()).unwrap_or_default();
                ui.label(RichText::new(format!("{author} · {date}")).weak());
            }
            if let Some(rel) = relation.and_then(|r| d.relations.get(r)) {
                ui.label(format!(
                    "Highlighted: {} — {}",
                    d.relation_endpoints(rel),
                    rel.label
                ));
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let text = &d.article.text;
                    let font = FontId::proportional(15.0);
                    for (k, para) in d.article.paragraphs.iter().enumerate() {
                        let mut job = LayoutJob::default();
                        job.wrap.max_width = ui.available_width() - 36.0;
                        let mut cursor = para.start;
                        let mut in_para: Vec<&(TextRange, Color32, bool)> = marks
                            .iter()
                            .filter(|(r, _, _)| r.start < para.end && r.end > para.start)
                            .collect();
                        in_para.sort_by_key(|(r, _, _)| r.start);
                        let plain = TextFormat {
                            font_id: font.clone(),
                            color: ui.visuals().text_color(),
                            ..Default::default()
                        };
                        let mut is_focus = false;
                        for (range, color, strong) in in_para {
                            let start = range.start.max(cursor);
                            let end = range.end.min(para.end);
                            if start >= end {
                                continue;
                            }
                            job.append(&text[cursor..start], 0.0, plain.clone());
                            let bg = if *strong {
                                color.gamma_multiply(0.45)
                            } else {
                                color.gamma_multiply(0.18)
                            };
                            job.append(
                                &text[start..end],
                                0.0,
                                TextFormat {
                                    background: bg,
                                    underline: if *strong {
                                        egui::Stroke::new(2.0, *color)
                                    } else {
                                        egui::Stroke::NONE
                                    },
                                    ..plain.clone()
                                },
                            );
                            is_focus |= *strong;
                            cursor = end;
                        }
                        job.append(&text[cursor..para.end], 0.0, plain.clone());
                        ui.horizontal_top(|ui| {
                            ui.add_sized(
                                [28.0, 18.0],
                                egui::Label::new(
                                    RichText::new(format!("¶{}", k + 1)).weak().size(11.0),
                                ),
                            );
                            let response = ui.add(egui::Label::new(job).wrap());
                            if is_focus && focus.is_some_and(|f| f.scroll_pending) {
                                response.scroll_to_me(Some(Align::Center));
                                actions.push(Command::ArticleScrolled.into());
                            }
                        });
                        ui.add_space(6.0);
                    }
                });
        });
    if !open {
        actions.push(Command::SetArticleOpen(false).into());
    }
    actions
}
