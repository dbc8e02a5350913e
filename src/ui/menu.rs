//! The top bar: File, View and Help menus, and the theme toggle.

use egui::{Button, RichText};

use super::Action;
use crate::app::{AppState, Command};
use crate::scene::Theme;

/// Paints the menu bar and returns what was chosen.
pub fn top_bar(
    ui: &mut egui::Ui,
    state: &AppState,
    follows_system: bool,
    recent: &[std::path::PathBuf],
) -> Vec<Action> {
    let mut actions = Vec::new();
    let item = |ui: &mut egui::Ui,
                label: &str,
                shortcut: &str,
                tip: &str,
                action: Action,
                actions: &mut Vec<Action>| {
        let button = Button::new(label).shortcut_text(shortcut);
        let response = ui.add(button);
        let response = if tip.is_empty() {
            response
        } else {
            response.on_hover_text(tip)
        };
        if response.clicked() {
            actions.push(action);
        }
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(
                ui,
                "Open…",
                "Ctrl+O",
                "Open a relmap dataset, node-link JSON or CSV edge list (or drop it on the window)",
                Action::Open,
                &mut actions,
            );
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
            ui.separator();
            item(
                ui,
                "Export PNG 1×…",
                "",
                "Save the map as a PNG at screen resolution",
                Action::ExportPng(1),
                &mut actions,
            );
            item(
                ui,
                "Export PNG 2×…",
                "Ctrl+E",
                "Save the map as a sharp PNG for slides",
                Action::ExportPng(2),
                &mut actions,
            );
            item(
                ui,
                "Export PNG 3×…",
                "",
                "Save the map as a PNG for print",
                Action::ExportPng(3),
                &mut actions,
            );
            item(
                ui,
                "Export SVG…",
                "",
                "Save the map as a scalable vector figure",
                Action::ExportSvg,
                &mut actions,
            );
            item(
                ui,
                "Copy image",
                "Ctrl+Shift+C",
                "Put the map (2×) on the clipboard",
                Action::CopyImage,
                &mut actions,
            );
            item(
                ui,
                "Save window screenshot…",
                "",
                "Exactly what you see, panels included",
                Action::Screenshot,
                &mut actions,
            );
            ui.separator();
            item(
                ui,
                "Quit",
                "Ctrl+Q",
                "Close relmap (your layout is saved)",
                Action::Quit,
                &mut actions,
            );
        });
        ui.menu_button("View", |ui| {
            item(
                ui,
                "Fit to window",
                "F",
                "Show the whole map",
                Command::Fit.into(),
                &mut actions,
            );
            item(
                ui,
                "Reset layout",
                "",
                "Return every actor to its default place and unpin all (Ctrl+Z undoes)",
                Command::ResetLayout.into(),
                &mut actions,
            );
            let any_pinned = state.pinned.iter().any(|p| *p);
            if ui
                .add_enabled(any_pinned, Button::new("Unpin all"))
                .on_hover_text("Release every actor you dragged")
                .clicked()
            {
                actions.push(Command::UnpinAll.into());
            }
            ui.separator();
            let mut secondary = state.show_secondary;
            if ui
                .checkbox(&mut secondary, "Show secondary actors")
                .on_hover_text("Actors the article mentions in passing (India, Belarus, WTO, …)")
                .changed()
            {
                actions.push(Command::SetShowSecondary(secondary).into());
            }
            let mut chronology = state.show_chronology;
            if ui
                .checkbox(&mut chronology, "Chronology")
                .on_hover_text("Dated passages on a time line, with a year filter")
                .changed()
            {
                actions.push(Command::SetChronology(chronology).into());
            }
            let mut legend = state.show_legend;
            if ui.checkbox(&mut legend, "Show legend").changed() {
                actions.push(Command::SetShowLegend(legend).into());
            }
            let mut panel = state.side_panel_open;
            if ui.checkbox(&mut panel, "Evidence panel").changed() {
                actions.push(Command::SetSidePanel(panel).into());
            }
            let mut article = state.article_open;
            if ui.checkbox(&mut article, "Article").changed() {
                actions.push(Command::SetArticleOpen(article).into());
            }
            ui.separator();
            let max_evidence = state
                .dataset
                .relations
                .iter()
                .map(|r| r.passages.len())
                .max()
                .unwrap_or(0);
            let mut min = state.filters.min_passages;
            ui.horizontal(|ui| {
                ui.label("Minimum evidence:");
                if ui
                    .add(egui::Slider::new(&mut min, 0..=max_evidence.max(1)).suffix(" passages"))
                    .on_hover_text("Hide relations backed by fewer passages")
                    .changed()
                {
                    actions.push(Command::SetMinPassages(min).into());
                }
            });
            if ui
                .add_enabled(state.filters.any(), Button::new("Clear all filters"))
                .clicked()
            {
                actions.push(Command::ClearFilters.into());
            }
            ui.separator();
            if ui.radio(follows_system, "Theme: follow system").clicked() {
                actions.push(Action::FollowSystemTheme);
            }
            if ui
                .radio(
                    !follows_system && state.theme == Theme::Light,
                    "Theme: light",
                )
                .clicked()
            {
                actions.push(Command::SetTheme(Theme::Light).into());
            }
            if ui
                .radio(!follows_system && state.theme == Theme::Dark, "Theme: dark")
                .clicked()
            {
                actions.push(Command::SetTheme(Theme::Dark).into());
            }
        });
        ui.menu_button("Help", |ui| {
            item(
                ui,
                "Keyboard shortcuts",
                "",
                "",
                Action::ToggleShortcuts,
                &mut actions,
            );
            item(
                ui,
                "About relmap",
                "",
                "",
                Action::ToggleAbout,
                &mut actions,
            );
        });
        ui.add_enabled_ui(state.can_undo(), |ui| {
            if ui.button("↶").on_hover_text("Undo move (Ctrl+Z)").clicked() {
                actions.push(Command::Undo.into());
            }
        });
        ui.add_enabled_ui(state.can_redo(), |ui| {
            if ui
                .button("↷")
                .on_hover_text("Redo move (Ctrl+Shift+Z)")
                .clicked()
            {
                actions.push(Command::Redo.into());
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (icon, next, tip) = match state.theme {
                Theme::Light => ("☾", Theme::Dark, "Switch to the dark theme"),
                Theme::Dark => ("☀", Theme::Light, "Switch to the light theme"),
            };
            if ui.button(RichText::new(icon)).on_hover_text(tip).clicked() {
                actions.push(Command::SetTheme(next).into());
            }
            let panel_label = if state.side_panel_open {
                "Hide evidence ▸"
            } else {
                "◂ Evidence"
            };
            if ui
                .button(panel_label)
                .on_hover_text("Show or hide the evidence panel")
                .clicked()
            {
                actions.push(Command::SetSidePanel(!state.side_panel_open).into());
            }
        });
    });
    actions
}
