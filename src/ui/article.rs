//! The article window: the full source with every cited passage highlighted in its relation's
//! colour. Hover a highlight to see its relations, click it to select one; selecting a relation
//! scrolls here to its passage.

use std::ops::Range;

use egui::{Align, RichText, Sense};

use super::Action;
use super::article_text::{Segment, cited, mentions, segments};
use crate::map::{ArticleCommand, MapState, SelectCommand};
use crate::model::{PassageId, RelationId};
use crate::scene::{Hit, Selection, Style};

/// Shows the article window if open.
pub fn article_window(ctx: &egui::Context, state: &MapState, style: &Style) -> Vec<Action> {
    let mut actions = Vec::new();
    if !state.reader.open {
        return actions;
    }
    let d = &state.doc.dataset;
    let mut open = true;
    let selected = match state.pointing.selection {
        Selection::Relation(r) => Some(r),
        _ => None,
    };
    let src = state.reader.source;
    let doc = d.source(src);
    let cites = cited(d, src);
    let cited_paras = d.cited_paragraphs(src);
    egui::Window::new(format!("Article — {}", doc.meta.title))
        .id(egui::Id::unique("relmap-article"))
        .open(&mut open)
        .default_size([580.0, 620.0])
        .vscroll(false)
        .show(ctx, |ui| {
            source_tabs(ui, state, &mut actions);
            if doc.article.paragraphs.is_empty() {
                ui.label("This dataset has no article text (it was imported as a plain graph).");
                return;
            }
            if let Some(author) = &doc.meta.author {
                let date = doc.meta.date.map(|x| x.long()).unwrap_or_default();
                ui.label(RichText::new(format!("{author} · {date}")).weak());
            }
            view_options(ui, state, cited_paras.len(), &mut actions);
            if let Some(rel) = selected.and_then(|r| d.relation(r)) {
                ui.label(format!(
                    "Highlighted: {} — {}",
                    d.relation_endpoints(rel),
                    rel.label
                ));
            }
            authoring_bar(ui, state, &mut actions);
            ui.separator();
            if state.reader.authoring {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| author_text(ui, state, style, &cites, &mut actions));
                return;
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (k, para) in doc.article.paragraphs.iter().enumerate() {
                        let number = k + 1;
                        if state.reader.uncited_only && cited_paras.contains(&number) {
                            continue;
                        }
                        // A page starting with (or inside) this paragraph is said above it.
                        if let Some(page) = page_starting_in(&doc.article, k) {
                            ui.label(RichText::new(format!("— p. {page} —")).weak().size(11.0));
                        }
                        ui.horizontal_top(|ui| {
                            ui.add_sized(
                                [30.0, 18.0],
                                egui::Label::new(
                                    RichText::new(format!("¶{number}")).weak().size(11.0),
                                ),
                            );
                            ui.vertical(|ui| {
                                ui.set_max_width(ui.available_width());
                                ui.horizontal_wrapped(|ui| {
                                    ui.spacing_mut().item_spacing.x = 0.0;
                                    for seg in segments(state, para, &cites) {
                                        paint_segment(
                                            ui,
                                            state,
                                            style,
                                            &seg,
                                            selected,
                                            &mut actions,
                                        );
                                    }
                                });
                            });
                        });
                        ui.add_space(8.0);
                    }
                });
        });
    if !open {
        actions.push(ArticleCommand::SetOpen(false).into());
    }
    actions
}

fn paint_segment(
    ui: &mut egui::Ui,
    state: &MapState,
    style: &Style,
    seg: &Segment,
    selected: Option<RelationId>,
    actions: &mut Vec<Action>,
) {
    let d = &state.doc.dataset;
    let article = &d.source(state.reader.source).article;
    let mut text = RichText::new(&article.text[seg.range.clone()]).size(15.0);
    if seg.actor.is_some() {
        text = text.underline();
    }
    // The colour of the selected relation wins where passages overlap.
    let main = seg
        .relations
        .iter()
        .copied()
        .find(|r| Some(*r) == selected)
        .or_else(|| seg.relations.first().copied());
    if let Some(r) = main {
        let color = style.dimension_color(&d.relations[r].dimension);
        let strength = if seg.focus {
            0.55
        } else if Some(r) == selected {
            0.35
        } else {
            0.14
        };
        text = text.background_color(color.gamma_multiply(strength));
    }
    if seg.relations.is_empty() {
        let response = ui.label(text);
        if let Some(a) = seg.actor {
            response.on_hover_text(format!(
                "{} ({})",
                d.actors[a].name,
                d.actors[a].kind.as_str()
            ));
        }
        return;
    }
    let response = ui.add(egui::Label::new(text).sense(Sense::click()));
    if seg.focus && state.reader.focus.is_some_and(|f| f.scroll_pending) {
        response.scroll_to_me(Some(Align::Center));
        actions.push(ArticleCommand::Scrolled.into());
    }
    if response.hovered()
        && let Some(r) = main
    {
        actions.push(SelectCommand::HoverLinked(Some(Hit::Edge(r))).into());
    }
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        ui.label(RichText::new("Cited by").weak());
        for id in &seg.passages {
            let rel = &d.relations[id.relation];
            ui.strong(format!("{}: {}", d.relation_endpoints(rel), rel.label));
            if let Some(p) = d.passage(*id) {
                ui.add(egui::Label::new(super::passage::passage_in_sentence(ui, d, p)).wrap());
            }
        }
        ui.label(RichText::new("Click to select on the map").italics().weak());
    });
    if response.clicked()
        && let Some(r) = main
    {
        // Clicking cycles through overlapping relations when the selected one is clicked again.
        let next = if Some(r) == selected && seg.relations.len() > 1 {
            let i = seg.relations.iter().position(|x| *x == r).unwrap_or(0);
            seg.relations[(i + 1) % seg.relations.len()]
        } else {
            r
        };
        actions.push(SelectCommand::Select(Selection::Relation(next)).into());
    }
}

/// One tab per source (with its share of cited paragraphs) when the map has several, and
/// "Add source…" to attach another article.
fn source_tabs(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    let d = &state.doc.dataset;
    ui.horizontal_wrapped(|ui| {
        if d.sources.len() > 1 {
            for (id, doc) in d.sources_with_ids() {
                let cover = (d.coverage(id) * 100.0).round();
                let tab = ui
                    .selectable_label(
                        id == state.reader.source,
                        format!("{}) {}", id.0 + 1, doc.short_title(28)),
                    )
                    .on_hover_text(format!(
                        "{}\n{cover:.0} % of its paragraphs cited",
                        doc.meta.citation()
                    ));
                if tab.clicked() {
                    actions.push(ArticleCommand::ShowSource(id).into());
                }
            }
        }
        if ui
            .small_button("Add source…")
            .on_hover_text("Attach another article to this map: its passages cite it")
            .clicked()
        {
            actions.push(Action::AddSource);
        }
    });
}

/// Coverage meter and the "Only uncited" / "Underline actors" switches.
fn view_options(ui: &mut egui::Ui, state: &MapState, cited: usize, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let doc = state.doc.dataset.source(state.reader.source);
        let (n, m) = (cited, doc.article.paragraphs.len());
        ui.label(format!("Cited paragraphs {n}/{m}"));
        ui.add(egui::ProgressBar::new(n as f32 / m.max(1) as f32).desired_width(80.0));
        let mut uncited = state.reader.uncited_only;
        if ui
            .checkbox(&mut uncited, "Only uncited")
            .on_hover_text("Show what the map leaves out")
            .changed()
        {
            actions.push(
                ArticleCommand::SetView {
                    underline_actors: state.reader.underline_actors,
                    uncited_only: uncited,
                }
                .into(),
            );
        }
        let mut underline = state.reader.underline_actors;
        if ui
            .checkbox(&mut underline, "Underline actors")
            .on_hover_text("Mark every mention of an actor's name or alias")
            .changed()
        {
            actions.push(
                ArticleCommand::SetView {
                    underline_actors: underline,
                    uncited_only: state.reader.uncited_only,
                }
                .into(),
            );
        }
    });
}

/// Id of the selectable article text.
pub(super) const ARTICLE_TEXT_ID: &str = "relmap-article-text";

/// Accessible name of the article text while selecting evidence.
pub const ARTICLE_TEXT_LABEL: &str = "Article text";

/// "Select text for evidence" and, with a selection, "Add as evidence (E)".
fn authoring_bar(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let mut on = state.reader.authoring;
        if ui
            .toggle_value(&mut on, "✏ Select text for evidence")
            .on_hover_text(
                "Select words of the article, then press E to quote them as evidence \
                 for a relation",
            )
            .changed()
        {
            actions.push(ArticleCommand::SetAuthoring(on).into());
        }
        if state.doc.dataset.actors.len() >= 2
            && ui
                .button("Suggest evidence")
                .on_hover_text(
                    "Make every sentence that names two actors a draft passage, to accept or \
                     reject one by one",
                )
                .clicked()
        {
            actions.push(Action::SuggestDrafts(state.reader.source));
        }
        if let Some(range) = state.reader.selection.clone() {
            // E is in the shortcut table (scope: article), which the shell consumes.
            let keys = super::shortcut_text(ui.ctx(), &Action::QuoteSelection);
            if ui
                .button(format!("Add as evidence ({keys})"))
                .on_hover_text("Quote the selected text as evidence for a relation")
                .clicked()
            {
                actions.push(Action::AddEvidence {
                    source: state.reader.source,
                    range,
                });
            }
        } else if state.reader.authoring {
            ui.label(RichText::new("Select the words to quote").weak());
        }
    });
}

/// The whole article as one read-only text the user can select in, highlights kept.
fn author_text(
    ui: &mut egui::Ui,
    state: &MapState,
    style: &Style,
    cites: &[(Range<usize>, PassageId)],
    actions: &mut Vec<Action>,
) {
    let d = &state.doc.dataset;
    let mut text: &str = &d.source(state.reader.source).article.text;
    let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
        let mut job = highlighted_job(ui, state, style, buf.as_str(), cites);
        job.wrap.max_width = wrap_width;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let output = egui::TextEdit::multiline(&mut text)
        .id(egui::Id::unique(ARTICLE_TEXT_ID))
        .layouter(&mut layouter)
        .desired_width(f32::INFINITY)
        .show(ui);
    output
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, ARTICLE_TEXT_LABEL));
    let selection = output.cursor_range.and_then(|c| {
        let chars = c.as_sorted_char_range();
        let byte = |ci: usize| text.char_indices().nth(ci).map_or(text.len(), |(i, _)| i);
        let range = byte(chars.start.0)..byte(chars.end.0);
        (!range.is_empty()).then_some(range)
    });
    if selection != state.reader.selection && output.response.has_focus() {
        actions.push(ArticleCommand::SetSelection(selection).into());
    }
}

/// The article laid out with each cited passage on its relation's colour.
fn highlighted_job(
    ui: &egui::Ui,
    state: &MapState,
    style: &Style,
    text: &str,
    cites: &[(Range<usize>, PassageId)],
) -> egui::text::LayoutJob {
    let d = &state.doc.dataset;
    let format = egui::TextFormat {
        font_id: egui::FontId::proportional(15.0),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let mut cuts = vec![0, text.len()];
    for (r, _) in cites {
        cuts.extend([r.start.min(text.len()), r.end.min(text.len())]);
    }
    let whole = 0..text.len();
    let names = if state.reader.underline_actors {
        mentions(d, text, &whole)
    } else {
        Vec::new()
    };
    for (r, _) in &names {
        cuts.extend([r.start, r.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = egui::text::LayoutJob::default();
    for w in cuts.windows(2) {
        let range = w[0]..w[1];
        let mut f = format.clone();
        if let Some((_, id)) = cites
            .iter()
            .find(|(r, _)| r.start <= range.start && r.end >= range.end)
        {
            let color = style.dimension_color(&d.relations[id.relation].dimension);
            f.background = color.gamma_multiply(0.25);
        }
        if names
            .iter()
            .any(|(r, _)| r.start <= range.start && r.end >= range.end)
        {
            f.underline = egui::Stroke::new(1.0, ui.visuals().text_color());
        }
        job.append(&text[range], 0.0, f);
    }
    job
}

/// The page that begins with or within paragraph `k` (from the end of the paragraph before it
/// to its own end), for a paged source: the text before it is on the page before. A binary
/// search, since it runs for every paragraph on every frame.
fn page_starting_in(article: &crate::model::Article, k: usize) -> Option<u32> {
    let para = article.paragraphs.get(k)?;
    let from = k
        .checked_sub(1)
        .and_then(|p| article.paragraphs.get(p))
        .map_or(0, |p| p.end);
    let first = article.pages.partition_point(|run| run.start < from);
    article.pages[first..]
        .iter()
        .take_while(|run| run.start < para.end)
        .map(|run| run.page)
        .next()
}

#[cfg(test)]
mod page_tests {
    use super::page_starting_in;
    use crate::model::Article;

    #[test]
    fn each_page_is_said_above_the_paragraph_it_begins_in() {
        let a = Article::from_marked(
            "[[page 1]]One.\n\nTwo [[page 2]]runs on.\n\nThree.\n\n[[page 4]]Four.",
        );
        let pages: Vec<Option<u32>> = (0..4).map(|k| page_starting_in(&a, k)).collect();
        assert_eq!(pages, [Some(1), Some(2), None, Some(4)]);
        assert_eq!(
            page_starting_in(&Article::new("Plain.".to_owned()), 0),
            None
        );
    }
}
