//! What a comparison shows besides its map: the bar above it (what is compared, the summary,
//! the through-time dates and the way back), the side panel's list of changes grouped by kind,
//! and a changed relation with the passages of both maps side by side.

use egui::RichText;

use super::Action;
use super::passage::passage_in_sentence;
use crate::map::{MapState, SelectCommand};
use crate::model::{Change, Comparison, Dataset, PassageDate, RelationId};
use crate::scene::{Selection, Style};

/// What the comparison bar shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareBar {
    /// The first map's title.
    pub before: String,
    /// The second map's title.
    pub after: String,
    /// "3 changed, 1 removed, 1 added, 7 same".
    pub summary: String,
    /// In the through-time view: the sources' dates, the index shown, the index changes are
    /// marked against as the analyst picked it (it marks only while it is the earlier one).
    pub dates: Option<(Vec<PassageDate>, usize, Option<usize>)>,
}

/// The accessible name of the "as of" slider.
pub const AS_OF_LABEL: &str = "As of";

/// The accessible name of the "mark changes since" choice.
pub const SINCE_LABEL: &str = "Mark changes since";

/// The bar above a comparison; returns what the user asked for.
pub fn compare_bar(ui: &mut egui::Ui, bar: &CompareBar) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        match &bar.dates {
            None => {
                ui.label(RichText::new("Comparing").strong());
                ui.label(format!("“{}” → “{}”", bar.before, bar.after));
            }
            Some((dates, until, since)) => {
                ui.label(RichText::new("Through time").strong());
                time_controls(ui, dates, *until, *since, &mut actions);
            }
        }
        ui.separator();
        ui.label(&bar.summary);
        ui.separator();
        if ui
            .button("Leave comparison")
            .on_hover_text("Back to the map as you left it (Esc)")
            .clicked()
        {
            actions.push(Action::LeaveComparison);
        }
    });
    actions
}

/// The "as of" slider with earlier/later steps, and the date changes are marked against.
fn time_controls(
    ui: &mut egui::Ui,
    dates: &[PassageDate],
    until: usize,
    since: Option<usize>,
    actions: &mut Vec<Action>,
) {
    let last = dates.len().saturating_sub(1);
    if ui
        .add_enabled(until > 0, egui::Button::new("◀ Earlier"))
        .on_hover_text("The map as of the previous source's date")
        .clicked()
    {
        actions.push(Action::AsOf {
            until: until - 1,
            since,
        });
    }
    let mut shown = until;
    let label = ui.label(AS_OF_LABEL);
    let slider = ui
        .add(
            egui::Slider::new(&mut shown, 0..=last)
                .custom_formatter(|v, _| {
                    dates
                        .get(v.round().max(0.0) as usize)
                        .map_or_else(String::new, |d| d.long())
                })
                .custom_parser(|_| None),
        )
        .labelled_by(label.id)
        .on_hover_text("Sources published after this date are left out");
    if slider.changed() && shown != until {
        actions.push(Action::AsOf {
            until: shown,
            since,
        });
    }
    if ui
        .add_enabled(until < last, egui::Button::new("Later ▶"))
        .on_hover_text("The map as of the next source's date")
        .clicked()
    {
        actions.push(Action::AsOf {
            until: until + 1,
            since,
        });
    }
    let words = |i: Option<usize>| {
        i.and_then(|i| dates.get(i))
            .map_or_else(|| "nothing marked".to_owned(), |d| d.long())
    };
    let label = ui.label(SINCE_LABEL);
    egui::ComboBox::from_id_salt("relmap-compare-since")
        .selected_text(words(since.filter(|&s| s < until)))
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(since.is_none(), "nothing marked")
                .clicked()
            {
                actions.push(Action::AsOf { until, since: None });
            }
            for i in 0..until {
                if ui
                    .selectable_label(since == Some(i), words(Some(i)))
                    .clicked()
                {
                    actions.push(Action::AsOf {
                        until,
                        since: Some(i),
                    });
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The side panel with nothing selected in a comparison: its changes grouped by kind, each a
/// button that selects the relation.
pub(super) fn changes_list(
    ui: &mut egui::Ui,
    state: &MapState,
    c: &Comparison,
    actions: &mut Vec<Action>,
) {
    ui.heading("What changed");
    let compared = if c.through_time {
        c.union.title.clone()
    } else {
        format!("“{}” → “{}”", c.before.title, c.after.title)
    };
    ui.label(RichText::new(compared).weak());
    ui.label(c.diff.summary());
    for clash in &c.diff.clashes {
        ui.label(RichText::new(format!("⚠ {clash}")).color(ui.visuals().warn_fg_color));
    }
    if c.diff.share_no_actor_of(&c.before) {
        ui.label(
            RichText::new("The two maps share no actor: everything is added or removed.")
                .color(ui.visuals().warn_fg_color),
        );
    }
    for line in c.diff.actors(&c.before, &c.after).lines() {
        ui.label(RichText::new(capitalised(&line)).size(12.0));
    }
    if c.through_time {
        ui.label(
            RichText::new(
                "One map at two dates only gains evidence: a relation is never removed by a \
                 later source, and its tone turns mixed when later passages differ.",
            )
            .size(12.0)
            .weak(),
        );
    }
    for change in [
        Change::Changed,
        Change::Removed,
        Change::Added,
        Change::Same,
    ] {
        let rows: Vec<RelationId> = c.with_change(change).collect();
        if rows.is_empty() {
            continue;
        }
        ui.add_space(6.0);
        let heading = format!("{} ({})", kind_heading(change), rows.len());
        egui::CollapsingHeader::new(RichText::new(heading).strong())
            .id_salt(("relmap-changes", change.as_str()))
            .default_open(change != Change::Same)
            .show(ui, |ui| {
                for r in rows {
                    let text = crate::scene::relation_label(&state.doc.dataset, r);
                    let selected = state.pointing.selection == Selection::Relation(r);
                    if ui.selectable_label(selected, text).clicked() {
                        actions.push(SelectCommand::Select(Selection::Relation(r)).into());
                    }
                }
            });
    }
}

/// `s` with its first letter in capitals.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn kind_heading(change: Change) -> &'static str {
    match change {
        Change::Changed => "Changed",
        Change::Removed => "Removed",
        Change::Added => "New",
        Change::Same => "The same",
    }
}

/// A relation of a comparison: what changed, in words, then the passages of both maps side
/// by side, each in its sentence.
pub(super) fn relation_view(
    ui: &mut egui::Ui,
    state: &MapState,
    c: &Comparison,
    r: RelationId,
    style: &Style,
) {
    let d = &state.doc.dataset;
    let (Some(rel), Some(&(before, after))) = (d.relation(r), c.sides.get(r)) else {
        return;
    };
    ui.heading(crate::fonts::visual_order(&d.relation_endpoints(rel)));
    ui.label(RichText::new(&rel.label).size(15.0));
    ui.label(RichText::new(change_in_words(c, r)).strong());
    ui.add_space(6.0);
    let color = style.dimension_color(&rel.dimension);
    ui.columns(2, |cols| {
        // Columns are justified; passages read better ragged-right, as elsewhere.
        let ragged = egui::Layout::top_down(egui::Align::Min);
        cols[0].with_layout(ragged, |ui| side(ui, "Before", &c.before, before, color));
        cols[1].with_layout(ragged, |ui| side(ui, "After", &c.after, after, color));
    });
}

/// "Changed: tone cooperation → tension, passages 1 → 2": how a relation of a comparison
/// differs between the two maps.
pub fn change_in_words(c: &Comparison, r: RelationId) -> String {
    let (Some(mark), Some(&(before, after))) = (c.marks.get(r), c.sides.get(r)) else {
        return String::new();
    };
    let relation = crate::model::RelationDiff {
        change: mark.change,
        before,
        after,
    };
    match mark.change {
        Change::Changed => format!(
            "Changed: {}",
            c.diff.in_words((&c.before, &c.after), &relation)
        ),
        Change::Added => format!("New: only in “{}”", c.after.title),
        Change::Removed => format!("Removed: only in “{}”", c.before.title),
        Change::Same => "The same in both maps".to_owned(),
    }
}

/// One side of a compared relation: its map's title and its passages in their sentences.
fn side(
    ui: &mut egui::Ui,
    heading: &str,
    d: &Dataset,
    relation: Option<RelationId>,
    color: egui::Color32,
) {
    ui.label(RichText::new(heading).strong().size(15.0));
    ui.label(RichText::new(&d.title).weak().size(12.0));
    let Some(rel) = relation.and_then(|r| d.relation(r)) else {
        ui.label(RichText::new("Not in this map").italics());
        return;
    };
    ui.label(
        RichText::new(format!(
            "{} · {} passage{}",
            rel.tone.as_str(),
            rel.passages.len(),
            if rel.passages.len() == 1 { "" } else { "s" }
        ))
        .size(12.0),
    );
    for p in &rel.passages {
        ui.add_space(4.0);
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
            .corner_radius(4)
            .inner_margin(6)
            .show(ui, |ui| {
                ui.add(egui::Label::new(passage_in_sentence(ui, d, p)).wrap());
                let mut meta = Vec::new();
                if let Some(place) = d.place_of(p) {
                    meta.push(place);
                }
                meta.push(p.date_in_words());
                meta.push(d.source(p.source).label());
                ui.label(RichText::new(meta.join(" · ")).weak().size(12.0));
            });
    }
}
