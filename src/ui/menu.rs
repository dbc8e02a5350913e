//! The top bar: File, View and Help menus, undo/redo, the panel and theme toggles.

use egui::{Button, RichText};

use super::{Action, PrefCommand, Prefs, shortcut_text};
use crate::map::{ArticleCommand, EditCommand, FilterCommand, MapState, ViewCommand};
use crate::scene::Theme;

/// Paints the menu bar and returns what was chosen.
pub fn top_bar(
    ui: &mut egui::Ui,
    state: &MapState,
    (prefs, theme): (&Prefs, Theme),
    recent: &[std::path::PathBuf],
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, recent, &mut actions));
        ui.menu_button("View", |ui| view_menu(ui, state, prefs, &mut actions));
        ui.menu_button("Help", |ui| {
            item(
                ui,
                "Keyboard shortcuts",
                "",
                Action::ToggleShortcuts,
                &mut actions,
            );
            item(ui, "About relmap", "", Action::ToggleAbout, &mut actions);
        });
        undo_redo(ui, state, &mut actions);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            right_toggles(ui, (prefs, theme), &mut actions);
        });
    });
    actions
}

/// A menu entry showing its keyboard shortcut (from the one shortcut table) and a tooltip.
fn item(ui: &mut egui::Ui, label: &str, tip: &str, action: Action, actions: &mut Vec<Action>) {
    let keys = shortcut_text(ui.ctx(), &action);
    let response = ui.add(Button::new(label).shortcut_text(keys));
    let response = if tip.is_empty() {
        response
    } else {
        response.on_hover_text(tip)
    };
    if response.clicked() {
        actions.push(action);
    }
}

/// One menu entry: label, tooltip, action.
type Entry = (&'static str, &'static str, Action);

fn file_menu(ui: &mut egui::Ui, recent: &[std::path::PathBuf], actions: &mut Vec<Action>) {
    let open: [Entry; 2] = [
        (
            "New map from article…",
            "Start a map from an article's text (pasted, or a .txt, .md or .html file)",
            Action::NewMap,
        ),
        (
            "Open…",
            "Open a relmap map, node-link JSON, GraphML, GEXF, CSV edge list or spreadsheet (or drop it on the window)",
            Action::Open,
        ),
    ];
    for (label, tip, action) in open {
        item(ui, label, tip, action, actions);
    }
    recent_menu(ui, recent, actions);
    ui.separator();
    let sources: [Entry; 3] = [
        (
            "Add source…",
            "Attach another article to this map: it gets its own tab, and passages quoted \
             from it cite it",
            Action::AddSource,
        ),
        (
            "Merge map…",
            "Merge another map into this one: actors matched by id, name or alias, relations \
             pooled, every passage keeping its source (undoable)",
            Action::Merge,
        ),
        (
            "Compare with…",
            "Compare this map with another (a later article on the same actors): relations \
             added, removed and changed, drawn on this map's layout, with both maps' passages \
             side by side. This map is not changed.",
            Action::Compare,
        ),
    ];
    for (label, tip, action) in sources {
        item(ui, label, tip, action, actions);
    }
    ui.separator();
    let save: [Entry; 2] = [
        (
            "Save",
            "Save the map as a relmap file (asks where the first time)",
            Action::Save,
        ),
        (
            "Save as…",
            "Save the map to a new relmap file",
            Action::SaveAs,
        ),
    ];
    for (label, tip, action) in save {
        item(ui, label, tip, action, actions);
    }
    ui.separator();
    for (label, tip, action) in export_entries() {
        item(ui, label, tip, action, actions);
    }
    ui.separator();
    item(
        ui,
        "Quit",
        "Close relmap (your layout is saved)",
        Action::Quit,
        actions,
    );
}

fn recent_menu(ui: &mut egui::Ui, recent: &[std::path::PathBuf], actions: &mut Vec<Action>) {
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .button(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    actions.push(Action::OpenPath(path.clone()));
                }
            }
        });
    });
}

fn export_entries() -> [Entry; 11] {
    [
        (
            "Export figure…",
            "A figure for a slide or a page: 16:9 or 4:3 slide, A4 landscape or portrait, with \
             your title and subtitle",
            Action::ExportFigure,
        ),
        (
            "Export evidence report…",
            "Every passage behind the relations shown, in its sentence: HTML (figure inline), \
             Markdown (figure beside it) or CSV",
            Action::ExportReport,
        ),
        (
            "Export PNG 1×…",
            "Save the map as a PNG at screen resolution",
            Action::ExportPng(1),
        ),
        (
            "Export PNG 2×…",
            "Save the map as a sharp PNG for slides",
            Action::ExportPng(2),
        ),
        (
            "Export PNG 3×…",
            "Save the map as a PNG for print",
            Action::ExportPng(3),
        ),
        (
            "Export SVG…",
            "Save the map as a scalable vector figure",
            Action::ExportSvg,
        ),
        (
            "Export interactive handout…",
            "One HTML page any browser opens offline: the map as on screen, and clicking a line \
             shows its passages",
            Action::ExportHandout,
        ),
        (
            "Export storyboard…",
            "The storyboard as a deck: a PDF with a page per step (title, caption, the map at \
             that step, its passages), or name the file deck-%02d.png for one PNG per step",
            Action::ExportStoryboard,
        ),
        (
            "Export GraphML…",
            "The network with every passage, for Gephi, yEd, Cytoscape or networkx: actors, \
             relations, directions, positions and evidence",
            Action::ExportGraphml,
        ),
        (
            "Copy image",
            "Put the map (2×) on the clipboard",
            Action::CopyImage,
        ),
        (
            "Save window screenshot…",
            "Exactly what you see, panels included",
            Action::Screenshot,
        ),
    ]
}

fn view_menu(ui: &mut egui::Ui, state: &MapState, prefs: &Prefs, actions: &mut Vec<Action>) {
    item(
        ui,
        "Fit to window",
        "Show the whole map",
        ViewCommand::Fit.into(),
        actions,
    );
    item(
        ui,
        "Reset layout",
        "Return every actor to its default place and unpin all (undo restores it)",
        EditCommand::ResetLayout.into(),
        actions,
    );
    let any_pinned = state.place.pinned.iter().any(|p| *p);
    if ui
        .add_enabled(any_pinned, Button::new("Unpin all"))
        .on_hover_text("Release every actor you dragged")
        .clicked()
    {
        actions.push(EditCommand::UnpinAll.into());
    }
    ui.separator();
    time_items(ui, state, actions);
    ui.separator();
    let steps = state.doc.dataset.storyboard.len();
    let present_tip = if steps == 0 {
        "No storyboard yet: open View → Storyboard and Add this view".to_owned()
    } else {
        format!("The map's {steps}-step storyboard, full screen: → or Space next, ← back, Esc ends")
    };
    let keys = shortcut_text(ui.ctx(), &Action::Present);
    if ui
        .add_enabled(
            steps > 0 || state.compare.is_some(),
            Button::new("Present storyboard").shortcut_text(keys),
        )
        .on_hover_text(&present_tip)
        .on_disabled_hover_text(&present_tip)
        .clicked()
    {
        actions.push(Action::Present);
    }
    ui.separator();
    ui.label(egui::RichText::new("Lines").weak().small());
    for mode in crate::scene::LinkMode::ALL {
        let (text, tip) = match mode {
            crate::scene::LinkMode::Relation => (
                "One per relation",
                "Every relation its own line; parallel ones fan out",
            ),
            crate::scene::LinkMode::Pair => (
                "One per pair",
                "One line per pair of actors: width from all its passages, a count badge; \
                 click it to list its relations",
            ),
            crate::scene::LinkMode::Direction => (
                "One per direction",
                "One line per direction between two actors",
            ),
        };
        if ui
            .radio(state.lens.links == mode, text)
            .on_hover_text(tip)
            .clicked()
        {
            actions.push(ViewCommand::SetLinks(mode).into());
        }
    }
    ui.label(egui::RichText::new("Words on lines").weak().small());
    for mode in crate::scene::LineLabels::ALL {
        let (text, tip) = match mode {
            crate::scene::LineLabels::Off => ("No line labels", "Lines carry no words"),
            crate::scene::LineLabels::Selected => (
                "Label selected lines",
                "The selected relation (or an actor's relations) shows its label along the line",
            ),
            crate::scene::LineLabels::All => (
                "Label all lines",
                "Every line shows its label where it fits clear of nodes and other labels",
            ),
        };
        if ui
            .radio(state.lens.line_labels == mode, text)
            .on_hover_text(tip)
            .clicked()
        {
            actions.push(ViewCommand::SetLineLabels(mode).into());
        }
    }
    ui.separator();
    panel_switches(ui, state, prefs, actions);
    ui.separator();
    evidence_filter(ui, state, actions);
    ui.separator();
    theme_choice(ui, prefs, actions);
}

fn panel_switches(ui: &mut egui::Ui, state: &MapState, prefs: &Prefs, actions: &mut Vec<Action>) {
    let mut toggle =
        |ui: &mut egui::Ui, on: bool, label: &str, tip: &str, make: fn(bool) -> Action| {
            let mut value = on;
            let response = ui.checkbox(&mut value, label);
            let response = if tip.is_empty() {
                response
            } else {
                response.on_hover_text(tip)
            };
            if response.changed() {
                actions.push(make(value));
            }
        };
    toggle(
        ui,
        state.lens.show_secondary,
        "Show secondary actors",
        "Actors the article mentions in passing (India, Belarus, WTO, …)",
        |v| ViewCommand::SetShowSecondary(v).into(),
    );
    toggle(
        ui,
        prefs.show_chronology,
        "Chronology",
        "Dated passages on a time line, with a year filter",
        |v| Action::Pref(PrefCommand::SetChronology(v)),
    );
    toggle(ui, prefs.show_legend, "Show legend", "", |v| {
        Action::Pref(PrefCommand::SetShowLegend(v))
    });
    toggle(ui, prefs.side_panel_open, "Evidence panel", "", |v| {
        Action::Pref(PrefCommand::SetSidePanel(v))
    });
    toggle(
        ui,
        prefs.show_storyboard,
        super::STORYBOARD_HEADING,
        "The briefing's steps: add the view as a step, caption, reorder, present (F5)",
        |v| Action::Pref(PrefCommand::SetStoryboard(v)),
    );
    toggle(ui, state.reader.open, "Article", "", |v| {
        ArticleCommand::SetOpen(v).into()
    });
}

fn evidence_filter(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    let max_evidence = state
        .doc
        .dataset
        .relations
        .iter()
        .map(|r| r.passages.len())
        .max()
        .unwrap_or(0);
    let mut min = state.lens.filters.min_passages;
    ui.horizontal(|ui| {
        ui.label("Minimum evidence:");
        if ui
            .add(egui::Slider::new(&mut min, 0..=max_evidence.max(1)).suffix(" passages"))
            .on_hover_text("Hide relations backed by fewer passages")
            .changed()
        {
            actions.push(FilterCommand::SetMinPassages(min).into());
        }
    });
    grade_filter(ui, state, actions);
    if ui
        .add_enabled(state.lens.filters.any(), Button::new("Clear all filters"))
        .clicked()
    {
        actions.push(FilterCommand::ClearFilters.into());
    }
}

/// View → Minimum grade (source reliability and information credibility, each "any" or a
/// lowest grade kept) and "Only corroborated (2+ sources)".
fn grade_filter(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    use crate::model::{Credibility, Grade, Reliability};
    let current = state.lens.filters.min_grade.unwrap_or_default();
    let mut wanted = current;
    let title = if current.is_graded() {
        format!("Minimum grade: {current}")
    } else {
        "Minimum grade: any".to_owned()
    };
    ui.menu_button(title, |ui| {
        ui.label(egui::RichText::new("Source reliability at least").weak());
        ui.selectable_value(&mut wanted.reliability, None, "Any source");
        for r in &Reliability::ALL[..5] {
            ui.selectable_value(
                &mut wanted.reliability,
                Some(*r),
                format!("{} or better · {}", r.letter(), r.meaning()),
            );
        }
        ui.separator();
        ui.label(egui::RichText::new("Information credibility at least").weak());
        ui.selectable_value(&mut wanted.credibility, None, "Any information");
        for c in &Credibility::ALL[..5] {
            ui.selectable_value(
                &mut wanted.credibility,
                Some(*c),
                format!("{} or better · {}", c.number(), c.meaning()),
            );
        }
    })
    .response
    .on_hover_text(
        "Keep only passages graded at least this (NATO Admiralty code: source A–F, \
         information 1–6), and the relations that still have one; ungraded passages go",
    );
    if wanted != current {
        let min: Option<Grade> = Some(wanted).filter(Grade::is_graded);
        actions.push(FilterCommand::SetMinGrade(min).into());
    }
    let mut corroborated = state.lens.filters.only_corroborated;
    if ui
        .checkbox(&mut corroborated, "Only corroborated (2+ sources)")
        .on_hover_text("Keep only relations backed by passages from two or more sources")
        .changed()
    {
        actions.push(FilterCommand::SetOnlyCorroborated(corroborated).into());
    }
}

fn theme_choice(ui: &mut egui::Ui, prefs: &Prefs, actions: &mut Vec<Action>) {
    let chosen = prefs.theme;
    let options = [
        (None, "Theme: follow system"),
        (Some(Theme::Light), "Theme: light"),
        (Some(Theme::Dark), "Theme: dark"),
    ];
    for (theme, label) in options {
        if ui.radio(chosen == theme, label).clicked() {
            actions.push(Action::Pref(PrefCommand::SetTheme(theme)));
        }
    }
}

fn undo_redo(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    let undo: Action = EditCommand::Undo.into();
    let redo: Action = EditCommand::Redo.into();
    let undo_tip = format!("Undo ({})", shortcut_text(ui.ctx(), &undo));
    let redo_tip = format!("Redo ({})", shortcut_text(ui.ctx(), &redo));
    ui.add_enabled_ui(state.can_undo(), |ui| {
        if ui.button("↶").on_hover_text(undo_tip).clicked() {
            actions.push(undo);
        }
    });
    ui.add_enabled_ui(state.can_redo(), |ui| {
        if ui.button("↷").on_hover_text(redo_tip).clicked() {
            actions.push(redo);
        }
    });
}

fn right_toggles(ui: &mut egui::Ui, (prefs, theme): (&Prefs, Theme), actions: &mut Vec<Action>) {
    let (icon, next, tip) = match theme {
        Theme::Light => ("☾", Theme::Dark, "Switch to the dark theme"),
        Theme::Dark => ("☀", Theme::Light, "Switch to the light theme"),
    };
    if ui.button(RichText::new(icon)).on_hover_text(tip).clicked() {
        actions.push(Action::Pref(PrefCommand::SetTheme(Some(next))));
    }
    let open = prefs.side_panel_open;
    let panel_label = if open {
        "Hide evidence ▸"
    } else {
        "◂ Evidence"
    };
    if ui
        .button(panel_label)
        .on_hover_text("Show or hide the evidence panel")
        .clicked()
    {
        actions.push(Action::Pref(PrefCommand::SetSidePanel(!open)));
    }
}

/// View → Through time (on a map with two or more dated sources) and Leave comparison.
fn time_items(ui: &mut egui::Ui, state: &MapState, actions: &mut Vec<Action>) {
    let dated = crate::model::source_dates(&state.doc.dataset).len();
    let tip = if dated >= 2 || state.compare.is_some() {
        "The map as its sources stood on each of their dates, with what changed since an \
         earlier one marked"
    } else {
        "Needs two or more sources with dates (File → Add source…, then give each its date)"
    };
    if ui
        .add_enabled(
            dated >= 2 || state.compare.is_some(),
            Button::new("Through time"),
        )
        .on_hover_text(tip)
        .on_disabled_hover_text(tip)
        .clicked()
    {
        actions.push(Action::ThroughTime);
    }
    if ui
        .add_enabled(state.compare.is_some(), Button::new("Leave comparison"))
        .on_hover_text("Back to the map as you left it (Esc)")
        .clicked()
    {
        actions.push(Action::LeaveComparison);
    }
}
