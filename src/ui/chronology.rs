//! The chronology strip (egui_plot): dated passages per relation, a year filter.

use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotUi, Points, Span};

use super::Action;
use crate::chronology::chronology;
use crate::map::{ArticleCommand, FilterCommand, MapState, SelectCommand};
use crate::model::{RelationId, SourceId};
use crate::scene::{Hit, Selection, Style};

/// The chronology marker of a source: circle for the first, then square, diamond,
/// triangles; each dot's card names its source.
pub fn source_marker(source: SourceId) -> MarkerShape {
    const SHAPES: [MarkerShape; 6] = [
        MarkerShape::Circle,
        MarkerShape::Square,
        MarkerShape::Diamond,
        MarkerShape::Up,
        MarkerShape::Down,
        MarkerShape::Left,
    ];
    SHAPES[source.0 % SHAPES.len()]
}

/// How close (in points) the pointer must be to a dot to hover or click it.
const PICK_PX: f32 = 8.0;

/// Paints the strip; returns what was chosen.
pub fn chronology_strip(ui: &mut egui::Ui, state: &MapState, style: &Style) -> Vec<Action> {
    let mut actions = Vec::new();
    let d = &state.doc.dataset;
    let Some((first, last)) = state.year_span() else {
        ui.label(egui::RichText::new("No dated passages in this dataset.").weak());
        return actions;
    };
    year_filter(ui, state, (first, last), &mut actions);

    let shown = state.visible_relations();
    let (lanes, points) = chronology(d, &shown);
    let dots = crate::chronology::markers(&points);
    let lane_names: Vec<String> = lanes
        .iter()
        .map(|&r| {
            let rel = &d.relations[r];
            format!("{} · {}", d.relation_endpoints(rel), rel.dimension.as_str())
        })
        .collect();
    let selected = match state.pointing.selection {
        Selection::Relation(r) => Some(r),
        _ => None,
    };
    let n_lanes = lanes.len().max(1) as f64;
    let response = Plot::new("relmap-chronology")
        .height((ui.available_height() - 2.0 * ui.spacing().item_spacing.y).max(40.0))
        .allow_zoom([true, false])
        .allow_scroll([true, false])
        .allow_drag([true, false])
        .allow_boxed_zoom(false)
        .show_y(false)
        .show_x(false)
        .include_x(f64::from(first) - 0.5)
        .include_x(f64::from(last) + 1.5)
        .include_y(-0.8)
        .include_y(n_lanes - 0.2)
        .y_axis_formatter(|_, _| String::new())
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .show(ui, |plot_ui| {
            if let Some((from, to)) = state.lens.filters.years {
                plot_ui.span(
                    Span::new("year filter", f64::from(from)..=f64::from(to) + 1.0)
                        .fill(style.muted_text.gamma_multiply(0.15)),
                );
            }
            as_of_bands(plot_ui, d, &points, style);
            // y grows upward in plots: lane 0 at the top.
            let y = |lane: usize| n_lanes - 1.0 - lane as f64;
            for m in &dots {
                let p = &m.point;
                let rel = &d.relations[p.passage.relation];
                let mut color = style.dimension_color(&rel.dimension);
                if selected.is_some_and(|s| s != p.passage.relation) {
                    color = style.dim(color);
                }
                let radius = dot_radius(state, p.passage.relation);
                time_marks(plot_ui, p, y(p.lane), color, radius);
                plot_ui.points(
                    Points::new(rel.label.clone(), vec![[p.year, y(p.lane)]])
                        .color(color)
                        .radius(radius)
                        // Each source its own marker, so dots say where they come from; a
                        // forecast or an aim is a cross: not an event.
                        .shape(if p.reported {
                            source_marker(
                                rel.passages
                                    .get(p.passage.index)
                                    .map_or(SourceId(0), |x| x.source),
                            )
                        } else {
                            MarkerShape::Cross
                        })
                        // Hollow: a statement as of the article, not a dated event.
                        .filled(!p.as_of_source),
                );
            }
            // Nearest dot to the pointer, in screen distance.
            plot_ui.pointer_coordinate().and_then(|pointer| {
                let at = plot_ui.screen_from_plot(pointer);
                dots.iter()
                    .map(|m| {
                        let p = &m.point;
                        (
                            m,
                            plot_ui
                                .screen_from_plot(PlotPoint::new(p.year, y(p.lane)))
                                .distance(at),
                        )
                    })
                    .filter(|(_, dist)| *dist <= PICK_PX)
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(m, _)| m.clone())
            })
        });
    if let Some(m) = response.inner {
        actions.push(SelectCommand::HoverLinked(Some(Hit::Edge(m.point.passage.relation))).into());
        dot_card(&response.response, d, &m, &lane_names, &mut actions);
    }
    actions
}

/// Statements dated only by the article sit in a band at the source's date.
fn as_of_bands(
    plot_ui: &mut PlotUi<'_>,
    d: &crate::model::Dataset,
    points: &[crate::chronology::ChronoPoint],
    style: &Style,
) {
    if !points.iter().any(|p| p.as_of_source) {
        return;
    }
    for doc in &d.sources {
        if let Some(at) = doc.meta.date.map(|x| x.as_year_f64()) {
            plot_ui.span(
                Span::new("as of the article", at - 0.08..=at + 0.08)
                    .fill(style.muted_text.gamma_multiply(0.1)),
            );
        }
    }
}

/// What a dot's date says beyond its place: a range's bar (ending in ▶ when it still held
/// at the article's date, starting with ◀ when it names no start); a date marked approximate or uncertain is dashed (its bar, or
/// a short whisker round a single date), so lanes a few pixels apart stay legible.
fn time_marks(
    plot_ui: &mut PlotUi<'_>,
    p: &crate::chronology::ChronoPoint,
    y: f64,
    color: egui::Color32,
    radius: f32,
) {
    let fuzzy = p.approximate || p.uncertain;
    let extent = p
        .bar
        .or_else(|| fuzzy.then_some((p.year - WHISKER, p.year + WHISKER)));
    if let Some((from, to)) = extent {
        let line = Line::new("span", vec![[from, y], [to, y]])
            .color(color.gamma_multiply(0.7))
            .width(radius * 0.75)
            .allow_hover(false);
        plot_ui.line(if fuzzy {
            line.style(LineStyle::dashed_dense())
        } else {
            line
        });
    }
    if let (Some((from, _)), true) = (p.bar, p.open_start) {
        plot_ui.points(
            Points::new("since before", vec![[from, y]])
                .shape(MarkerShape::Left)
                .color(color)
                .radius(radius)
                .allow_hover(false),
        );
    }
    if p.bar.is_some() && p.open_end {
        plot_ui.points(
            Points::new("still holding", vec![[extent.map_or(p.year, |e| e.1), y]])
                .shape(MarkerShape::Right)
                .color(color)
                .radius(radius)
                .allow_hover(false),
        );
    }
}

/// Half the width of the whisker round an approximate or uncertain single date, in years.
const WHISKER: f64 = 0.4;

/// Radius of a relation's dots, in points: larger for the selected relation and for the one
/// whose line is hovered on the map, so a line hovered there lights its dots here.
pub fn dot_radius(state: &MapState, relation: RelationId) -> f32 {
    let selected = state.pointing.selection == Selection::Relation(relation);
    let hovered = state.pointing.hovered == Some(Hit::Edge(relation));
    if selected || hovered { 6.0 } else { 4.0 }
}

/// The strip's heading with the year-range filter.
fn year_filter(
    ui: &mut egui::Ui,
    state: &MapState,
    (first, last): (i32, i32),
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.strong("Chronology");
        let mut limit = state.lens.filters.years.is_some();
        let (mut from, mut to) = state.lens.filters.years.unwrap_or((first, last));
        let toggled = ui
            .checkbox(&mut limit, "Only relations evidenced")
            .on_hover_text("Narrow the map to relations with a passage dated in this range")
            .changed();
        let from_label = ui.label("from");
        let a = ui
            // Typed years apply when the field is left (Enter, Tab, a click elsewhere): applied
            // per keystroke, "2" of "2011" was clamped and reordered against the other end.
            .add_enabled(
                limit,
                egui::DragValue::new(&mut from)
                    .range(first..=last)
                    .update_while_editing(false),
            )
            .labelled_by(from_label.id);
        let to_label = ui.label("to");
        let b = ui
            .add_enabled(
                limit,
                egui::DragValue::new(&mut to)
                    .range(first..=last)
                    .update_while_editing(false),
            )
            .labelled_by(to_label.id);
        if toggled || a.changed() || b.changed() {
            actions.push(FilterCommand::SetYears(limit.then_some((from, to))).into());
        }
        if limit && state.hidden_by_years() == 0 {
            ui.label(egui::RichText::new("(this range hides nothing)").weak());
        }
        // Cut to the strip's width (the whole key on hover): a long key must not widen the
        // strip past the canvas.
        ui.add(
            egui::Label::new(
                egui::RichText::new(
                    "· filled: dated event, hollow: as of the article, ×: forecast or aim, \
                     bar: a span (▶ still so at the article's date), dashed: about or uncertain · \
                     click a dot to read it",
                )
                .weak(),
            )
            .truncate(),
        );
    });
}

/// The hovered dot's passage under the pointer; a click selects its relation.
fn dot_card(
    response: &egui::Response,
    d: &crate::model::Dataset,
    m: &crate::chronology::Marker,
    lane_names: &[String],
    actions: &mut Vec<Action>,
) {
    let p = &m.point;
    let rel = &d.relations[p.passage.relation];
    let passage = &rel.passages[p.passage.index];
    let lane = lane_names.get(p.lane).cloned().unwrap_or_default();
    let date = match (passage.date, d.source(passage.source).meta.date) {
        (Some(own), _) => own.long(),
        (None, Some(source)) if m.passages > 1 => format!(
            "{} passages with no date of their own: as of the article ({}). Click to read them.",
            m.passages,
            source.long()
        ),
        (None, Some(source)) => {
            format!("No date of its own: as of the article ({})", source.long())
        }
        (None, None) => String::new(),
    };
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(380.0);
        ui.strong(lane);
        ui.label(&rel.label);
        ui.add(egui::Label::new(super::passage::passage_in_sentence(ui, d, passage)).wrap());
        ui.label(egui::RichText::new(date).weak());
        if !p.reported {
            ui.label(
                egui::RichText::new(format!(
                    "{}: not an event",
                    passage.modality().with_article()
                ))
                .italics(),
            );
        }
        if d.sources.len() > 1 {
            ui.label(
                egui::RichText::new(format!(
                    "Source {}) {}",
                    passage.source.0 + 1,
                    d.source(passage.source).label()
                ))
                .weak(),
            );
        }
    });
    if response.clicked() {
        // The relation's evidence, with this passage marked in the panel and shown in the
        // article.
        actions.push(SelectCommand::Select(Selection::Relation(p.passage.relation)).into());
        actions.push(ArticleCommand::ShowPassage(p.passage).into());
    }
}
