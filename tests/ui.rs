//! UI tests on the real app state with the built-in dataset, driven like a user would.

mod common;
mod graphs;

use common::harness_for;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relmap::app::RelmapApp;
use relmap::map::MapState;
use relmap::model;
use relmap::scene::{Hit, Selection};

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn harness() -> Harness<'static, RelmapApp> {
    harness_for(MapState::new(model::builtin().expect("built-in dataset")))
}

/// Ctrl+F, then types `text` into the search field, as a user would.
#[expect(
    clippy::expect_used,
    reason = "test helper: a missing search field must fail the test loudly"
)]
fn search_for(h: &mut Harness<'static, RelmapApp>, text: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.is_focused())
        .expect("Ctrl+F focuses the search field")
        .type_text(text);
    h.run();
}

/// Clicks the text field named `label` and types `text` into it.
fn type_into(h: &mut Harness<'static, RelmapApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Clicks the China–Kazakhstan energy line (through its accessible target on the canvas).
fn select_energy(h: &mut Harness<'static, RelmapApp>) {
    h.get_by_label("China — Kazakhstan: Energy investment and pipelines, 6 passages")
        .click();
    h.run();
}

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn actor(h: &Harness<'_, RelmapApp>, id: &str) -> relmap::model::ActorId {
    h.state()
        .state()
        .doc
        .dataset
        .actor_index(id)
        .expect("actor")
}

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn relation(h: &Harness<'_, RelmapApp>, id: &str) -> relmap::model::RelationId {
    h.state()
        .state()
        .doc
        .dataset
        .relation_index(id)
        .expect("relation")
}

#[test]
fn clicking_a_relation_shows_its_passages() {
    let mut h = harness();
    select_energy(&mut h);
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Relation(relation(&h, "cn-kz-energy"))
    );
    h.get_by_label_contains("Major oil and gas pipelines link the two countries.");
    h.get_by_label_contains("Chinese energy firms have invested billions of dollars");
    assert_eq!(h.get_all_by_label("Show in article").count(), 6);
}

#[test]
fn parallel_arcs_are_each_clickable() {
    let mut h = harness();
    for (label, id) in [
        (
            "China — Kazakhstan: Counter-terrorism, defence and law-enforcement cooperation, 11 passages",
            "cn-kz-security",
        ),
        (
            "China — Kazakhstan: Impediments to a trade expansion both sides seek, 6 passages",
            "cn-kz-trade-barriers",
        ),
        (
            "Russia → Kazakhstan: Presses Kazakhstan to tighten its border with China, 1 passage",
            "ru-kz-border-pressure",
        ),
    ] {
        h.get_by_label(label).click();
        h.run();
        assert_eq!(
            h.state().state().pointing.selection,
            Selection::Relation(relation(&h, id)),
            "{label}"
        );
    }
}

#[test]
fn clicking_a_node_lists_its_relations_and_one_can_be_opened() {
    let mut h = harness();
    h.get_by_label_contains("SCO (organization)").click();
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Actor(actor(&h, "sco"))
    );
    h.get_by_label("Relations (2)");
    h.get_by_label("Also called: Shanghai Cooperation Organization");
    h.get_by_label("Kazakhstan · Founding member; hosted Peace Mission 2010 (2)")
        .click();
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Relation(relation(&h, "kz-sco"))
    );
    h.get_by_label_contains("“Peace Mission 2010,” occurred in September 2010");
}

#[test]
fn esc_and_empty_canvas_clear_the_selection() {
    let mut h = harness();
    h.get_by_label_contains("China — SCO").click();
    h.run();
    assert_ne!(h.state().state().pointing.selection, Selection::None);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().state().pointing.selection, Selection::None);
    h.get_by_label_contains("China — SCO").click();
    h.run();
    // A point far from every shape: the canvas's top-left corner.
    let empty = h.get_by_label(relmap::ui::CANVAS_LABEL).rect().left_top() + Vec2::new(12.0, 12.0);
    h.hover_at(empty);
    h.run();
    h.drag_at(empty);
    h.drop_at(empty);
    h.run();
    assert_eq!(h.state().state().pointing.selection, Selection::None);
}

#[test]
fn dragging_a_node_moves_and_pins_it_and_undo_restores_it() {
    let mut h = harness();
    let ru = actor(&h, "russia");
    let before = h.state().state().place.positions[ru];
    let zoom = h.state().state().camera.view.zoom;
    let start = h.get_by_label_contains("Russia (state)").rect().center();
    let delta = Vec2::new(90.0, -60.0);
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    for k in 1..=5 {
        h.hover_at(start + delta * (k as f32 / 5.0));
        h.run();
    }
    h.drop_at(start + delta);
    h.run();
    let state = h.state().state();
    let moved = state.place.positions[ru] - before;
    assert!(
        (moved - delta / zoom).length() < 2.0 / zoom,
        "moved {moved:?}, wanted {:?}",
        delta / zoom
    );
    assert!(state.place.pinned[ru], "a dropped node stays pinned");
    assert_eq!(
        state.pointing.selection,
        Selection::None,
        "a drag is not a click"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state().place.positions[ru], before);
    assert!(!h.state().state().place.pinned[ru]);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(h.state().state().place.pinned[ru]);
    assert_ne!(h.state().state().place.positions[ru], before);
}

#[test]
fn dragging_the_background_pans_and_f_fits_again() {
    let mut h = harness();
    let fitted = h.state().state().camera.view;
    let canvas = h.get_by_label(relmap::ui::CANVAS_LABEL).rect();
    // The top-left corner of the fitted map is empty background.
    let canvas_point = canvas.left_top() + Vec2::new(12.0, 12.0);
    let world = fitted.screen_from_world(canvas).inverse() * canvas_point;
    let scene = h.state().state().scene(&relmap::scene::Style::for_theme(
        relmap::scene::Theme::Light,
    ));
    assert_eq!(
        scene.hit(world, 5.0 / fitted.zoom),
        None,
        "test point must be background"
    );
    h.hover_at(canvas_point);
    h.run();
    h.drag_at(canvas_point);
    h.run();
    h.hover_at(canvas_point + Vec2::new(0.0, 100.0));
    h.run();
    h.drop_at(canvas_point + Vec2::new(0.0, 100.0));
    h.run();
    let panned = h.state().state().camera.view;
    let shift = (fitted.center_in_world - panned.center_in_world) * fitted.zoom;
    assert!(
        (shift - Vec2::new(0.0, 100.0)).length() < 1.0,
        "panned by {shift:?}"
    );
    h.key_press(Key::F);
    h.run();
    assert_eq!(h.state().state().camera.view, fitted);
}

#[test]
fn show_in_article_opens_the_text_at_the_passage() {
    let mut h = harness();
    select_energy(&mut h);
    // Passages are shown in their whole sentences: scroll to the fifth, as a user would.
    h.get_all_by_label("Show in article")
        .nth(4)
        .expect("fifth passage")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Show in article")
        .nth(4)
        .expect("fifth passage")
        .click();
    h.run();
    let state = h.state().state();
    assert!(state.reader.open);
    let focus = state.reader.focus.expect("focus");
    assert_eq!(focus.passage.index, 4);
    assert!(!focus.scroll_pending, "the article scrolled to the passage");
    h.get_by_label_contains("Highlighted: China — Kazakhstan — Energy investment and pipelines");
}

#[test]
fn secondary_actors_are_hidden_until_asked_for() {
    let mut h = harness();
    assert!(h.query_by_label_contains("India (state)").is_none());
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Show secondary actors").click();
    h.run();
    h.get_by_label_contains("India (state)");
    h.get_by_label_contains("Uighur nationalists (group)");
}

#[test]
fn typing_a_search_and_choosing_a_result_selects_the_relation() {
    let mut h = harness();
    search_for(&mut h, "Peace Mission");
    assert_eq!(h.state().state().lens.search, "Peace Mission");
    // The passage result of a relation quoting the exercise (the security pair, or kz-sco).
    h.get_all_by_label_contains("“Peace Mission 2010,” occurred in September 2010")
        .next()
        .expect("a result")
        .click();
    h.run();
    let sel = h.state().state().pointing.selection;
    let Selection::Relation(r) = sel else {
        panic!("{sel:?}")
    };
    assert!(
        ["cn-kz-security", "kz-sco"]
            .contains(&h.state().state().doc.dataset.relations[r].id.as_str())
    );
    assert!(
        h.state().state().reader.open,
        "the article opens at the passage"
    );
}

#[test]
fn a_dimension_filter_hides_its_relations_on_screen_and_in_exports() {
    let mut h = harness();
    let energy = relation(&h, "cn-kz-energy");
    h.get_by_label("energy").click();
    h.run();
    let state = h.state().state();
    assert!(!state.visible_relations()[energy]);
    assert!(
        h.query_by_label_contains("Energy investment and pipelines")
            .is_none()
    );
    h.get_by_label_contains("hidden by filters");
    let svg = relmap::export::figure_svg(&state.figure(&relmap::export::ExportOptions::default()));
    assert!(
        !svg.contains("Energy investment and pipelines"),
        "the export follows the filters"
    );
    assert!(svg.contains("Trade, investment and transport links"));
    h.get_all_by_label("Clear filters")
        .next()
        .expect("clear")
        .click();
    h.run();
    assert!(h.state().state().visible_relations()[energy]);
}

#[test]
fn clicking_an_article_highlight_selects_its_relation() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Article").click();
    h.run();
    // The menu closed with the click (Esc would now close the article: see the Esc-order test).
    assert!(!egui::Popup::is_any_open(&h.ctx));
    assert!(h.state().state().reader.open);
    // The highlight may wrap over two lines, so click it the way a screen reader does.
    h.get_by_label("Chinese energy firms have invested billions of dollars in oil projects in Kazakhstan and aim to increase that total.").click_accesskit();
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Relation(relation(&h, "cn-kz-energy"))
    );
}

#[test]
fn focusing_an_actor_hides_the_rest() {
    let mut h = harness();
    h.get_by_label_contains("SCO (organization)").click();
    h.run();
    h.get_by_label("Focus: its relations").click();
    h.run();
    let state = h.state().state();
    assert_eq!(state.visible_relations().iter().filter(|v| **v).count(), 2);
    assert!(h.query_by_label_contains("Russia (state)").is_none());
}

/// A file dropped on the window, as the windowing integration hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_csv_on_the_window_opens_it() {
    let mut h = harness();
    let csv =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trade_routes.csv");
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(csv)));
    h.step();
    h.state_mut().wait_for_load();
    h.run();
    assert_eq!(h.state().state().doc.dataset.title, "trade_routes");
    h.get_by_label_contains("Kazakhstan (actor)");
    assert!(h.state().error().is_none());
}

#[test]
fn a_cut_quote_is_read_in_its_whole_sentence() {
    let mut h = harness();
    select_energy(&mut h);
    // The quote is "granting Chinese firms access to Kazakhstan’s energy resources"; the panel
    // shows the sentence it was cut from, so the goal does not read as a fact.
    h.get_by_label_contains(
        "Chinese goals regarding Kazakhstan have included securing Astana’s support in suppressing anti-Beijing Uighur nationalists",
    );
    h.get_by_label_contains("granting Chinese firms access to Kazakhstan’s energy resources as well as opportunities to trade with and invest in Kazakhstan.");
    h.get_by_label_contains("Note: A Chinese goal as the article states it");
}

#[test]
fn the_side_panel_marks_evidence_warnings_and_passage_tone_and_status() {
    let d = model::load_path(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/lint_warnings.relmap.json"),
    )
    .expect("fixture");
    let mut h = harness_for(MapState::new(d));
    h.get_by_label("China — Kazakhstan: Pipeline deal, 2 passages")
        .click();
    h.run();
    h.get_by_label("⚠ 1 evidence warning");
    h.get_by_label_contains("⚠ quote has only 4 word(s)");
    h.get_by_label("This passage: tension");
    h.get_by_label("Status: disputed");
}

#[test]
fn a_click_a_few_pixels_off_a_line_picks_it() {
    let mut h = harness();
    let mid = h.get_by_label_contains("China — SCO").rect().center();
    let cn = h.get_by_label_contains("China (state)").rect().center();
    let sco = h
        .get_by_label_contains("SCO (organization)")
        .rect()
        .center();
    let normal = (sco - cn).normalized().rot90();
    // 8 points off the line: outside the hover slop, inside the click tolerance.
    let near = mid + normal * 8.0;
    h.hover_at(near);
    h.run();
    h.drag_at(near);
    h.drop_at(near);
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Relation(relation(&h, "cn-sco")),
        "a near miss selects the nearest line instead of clearing"
    );
}

#[test]
fn esc_closes_the_topmost_thing_first_then_clears_the_selection() {
    let mut h = harness();
    select_energy(&mut h);
    h.get_all_by_label("Show in article")
        .next()
        .expect("a passage")
        .click();
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("Keyboard shortcuts").click();
    h.run();
    assert!(h.state().modal().is_some(), "the shortcuts window is open");
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.state().modal().is_none(),
        "first Esc: the shortcuts window"
    );
    assert!(h.state().state().reader.open);
    h.key_press(Key::Escape);
    h.run();
    let state = h.state().state();
    assert!(!state.reader.open, "second Esc: the article");
    assert_ne!(state.pointing.selection, Selection::None);
    h.key_press(Key::Escape);
    h.run();
    let state = h.state().state();
    assert_eq!(
        state.pointing.selection,
        Selection::None,
        "third Esc: the selection"
    );
    assert!(state.reader.focus.is_none(), "and its article highlight");
}

#[test]
fn hovering_a_row_lights_its_line_and_hovering_a_line_lights_its_row() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness();
    let energy = relation(&h, "cn-kz-energy");
    h.get_by_label_contains("China (state)").click();
    h.run();
    h.get_by_label_contains("Kazakhstan · Energy investment and pipelines")
        .hover();
    h.run();
    let state = h.state().state();
    assert_eq!(state.pointing.linked_hover, Some(Hit::Edge(energy)));
    let style = relmap::scene::Style::for_theme(h.state().theme());
    let scene = state.scene_cached(&style);
    let line = scene.edge(energy).expect("drawn");
    assert!(line.halo, "the hovered row's line gets a halo");
    assert_eq!(
        scene.edges.last().map(|e| e.relation),
        Some(energy),
        "and is painted on top"
    );
    // Leaving the row clears the highlight on the map.
    let empty = h.get_by_label(relmap::ui::CANVAS_LABEL).rect().left_top() + Vec2::new(12.0, 12.0);
    h.hover_at(empty);
    h.run();
    assert_eq!(h.state().state().pointing.linked_hover, None);

    // The other way: the line hovered on the map marks its row.
    let mid = h
        .get_by_label("China — Kazakhstan: Energy investment and pipelines, 6 passages")
        .rect()
        .center();
    h.hover_at(mid);
    h.run();
    assert_eq!(h.state().state().pointing.hovered, Some(Hit::Edge(energy)));
    let row = h.get_by_label_contains("Kazakhstan · Energy investment and pipelines");
    assert_eq!(
        row.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    // ... and its dots in the chronology.
    let state = h.state().state();
    assert!(
        relmap::ui::dot_radius(state, energy)
            > relmap::ui::dot_radius(state, relation(&h, "us-cn-economy"))
    );
}

#[test]
fn a_node_dragged_onto_the_side_panel_stays_on_the_canvas() {
    let mut h = harness();
    let kz = actor(&h, "kazakhstan");
    let canvas = h.get_by_label(relmap::ui::CANVAS_LABEL).rect();
    let start = h
        .get_by_label_contains("Kazakhstan (state)")
        .rect()
        .center();
    // Far to the right: over the evidence panel and off the window.
    let target = egui::pos2(canvas.right() + 500.0, start.y - 400.0);
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    for k in 1..=6 {
        h.hover_at(start + (target - start) * (k as f32 / 6.0));
        h.run();
    }
    h.drop_at(target);
    h.run();
    let state = h.state().state();
    let on_screen = state.camera.view.screen_from_world(canvas) * state.place.positions[kz];
    assert!(
        canvas.shrink(20.0).contains(on_screen),
        "{on_screen:?} should stay inside {canvas:?}"
    );
}

#[test]
fn the_view_refits_when_what_is_shown_changes_unless_the_user_moved_it() {
    let mut h = harness();
    let before = h.state().state().camera.view;
    h.get_by_label_contains("SCO (organization)").click();
    h.run();
    h.get_by_label("Focus: its relations").click();
    h.run();
    let focused = h.state().state().camera.view;
    // China and Kazakhstan span the map's width, so the re-fit recentres on the three rather
    // than zooming in.
    assert!(
        focused.zoom >= before.zoom && focused != before,
        "the view re-fits to the three actors: {focused:?} vs {before:?}"
    );
    // After the user pans, a change of what is shown leaves the view alone.
    let empty = h.get_by_label(relmap::ui::CANVAS_LABEL).rect().left_top() + Vec2::new(12.0, 12.0);
    h.drag_at(empty);
    h.run();
    h.hover_at(empty + Vec2::new(40.0, 30.0));
    h.run();
    h.drop_at(empty + Vec2::new(40.0, 30.0));
    h.run();
    let panned = h.state().state().camera.view;
    assert_ne!(panned, focused);
    h.get_by_label("Show all actors").click();
    h.run();
    assert_eq!(h.state().state().camera.view, panned);
}

#[test]
fn shortcuts_work_with_a_button_focused() {
    let mut h = harness();
    let ru = actor(&h, "russia");
    let before = h.state().state().place.positions[ru];
    let start = h.get_by_label_contains("Russia (state)").rect().center();
    h.drag_at(start);
    h.run();
    h.hover_at(start + Vec2::new(60.0, -40.0));
    h.run();
    h.drop_at(start + Vec2::new(60.0, -40.0));
    h.run();
    assert_ne!(h.state().state().place.positions[ru], before);
    // A button with the keyboard focus (as after Tab).
    h.get_by_label_contains("Hide evidence").focus();
    h.run();
    assert!(
        h.ctx.memory(|m| m.focused().is_some()),
        "a button has the keyboard focus"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().state().place.positions[ru],
        before,
        "Ctrl+Z still undoes"
    );
}

#[test]
fn search_results_are_picked_with_the_arrow_keys_and_enter() {
    let mut h = harness();
    search_for(&mut h, "pipelines");
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().state().lens.search_pick, Some(1));
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(h.state().state().lens.search_pick, Some(0));
    h.key_press(Key::Enter);
    h.run();
    // The first result for "pipelines" is the relation "Energy investment and pipelines".
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Relation(relation(&h, "cn-kz-energy"))
    );
    // Ctrl+F again selects the old query, so typing replaces it.
    search_for(&mut h, "Taiwan");
    assert_eq!(h.state().state().lens.search, "Taiwan");
}

#[test]
fn focus_on_a_pair_shows_only_those_two_fitted_and_exports_follow() {
    let mut h = harness();
    let before = h.state().state().camera.view;
    select_energy(&mut h);
    h.get_by_label("Focus on this pair").click();
    h.run();
    let state = h.state().state();
    let actors: Vec<&str> = state
        .visible_actors()
        .iter()
        .zip(&state.doc.dataset.actors)
        .filter(|(v, _)| **v)
        .map(|(_, a)| a.id.as_str())
        .collect();
    assert_eq!(actors, ["china", "kazakhstan"]);
    let shown = state.visible_relations().iter().filter(|v| **v).count();
    assert_eq!(shown, 6, "the six China–Kazakhstan strands");
    // The pair spans the map's width: the re-fit centres on their line, never zooms out.
    assert!(
        state.camera.view.zoom >= before.zoom && state.camera.view != before,
        "fitted to the pair: {:?} vs {before:?}",
        state.camera.view
    );
    assert!(h.query_by_label_contains("Russia (state)").is_none());
    let svg = relmap::export::figure_svg(&state.figure(&relmap::export::ExportOptions::default()));
    assert!(!svg.contains(">Russia<"), "the export follows the focus");
    assert!(svg.contains(">Kazakhstan<"));
    h.get_by_label("Show all actors").click();
    h.run();
    assert!(h.query_by_label_contains("Russia (state)").is_some());
}

#[test]
fn a_search_lights_its_matches_on_the_map_and_a_hidden_result_is_announced() {
    let mut h = harness();
    search_for(&mut h, "Taiwan");
    let state = h.state().state();
    let style = relmap::scene::Style::for_theme(h.state().theme());
    let scene = state.scene_cached(&style);
    let lit = scene
        .edge(relation(&h, "cn-kz-diplomacy"))
        .expect("drawn")
        .emphasis;
    assert_eq!(lit, relmap::scene::Emphasis::Highlighted);
    let other = scene
        .edge(relation(&h, "us-cn-economy"))
        .expect("drawn")
        .emphasis;
    assert_eq!(other, relmap::scene::Emphasis::Dimmed);
    let russia = scene.node(actor(&h, "russia")).expect("drawn").emphasis;
    assert_eq!(russia, relmap::scene::Emphasis::Dimmed);
    // China → Taiwan needs the secondary actors: picking it says so.
    h.get_all_by_label_contains("China → Taiwan")
        .next()
        .expect("a result")
        .click();
    h.run();
    assert!(h.state().state().lens.show_secondary);
    assert!(
        h.state()
            .toasts()
            .iter()
            .any(|t| t.text.contains("showed secondary actors")),
        "{:?}",
        h.state().toasts()
    );
}

#[test]
fn legend_rows_stay_put_when_a_filter_is_on_and_offer_show_only() {
    let mut h = harness();
    let before = h.get_by_label("economy").rect();
    h.get_by_label("energy").click();
    h.run();
    assert!(!h.state().state().lens.filters.hidden_dimensions.is_empty());
    assert_eq!(
        h.get_by_label("economy").rect(),
        before,
        "switching a filter on does not move the other rows"
    );
    h.get_all_by_label("Clear filters")
        .next()
        .expect("clear")
        .click();
    h.run();
    assert!(!h.state().state().lens.filters.any());
    h.get_by_label("security").click_secondary();
    h.run();
    h.get_by_label("Show only security").click();
    h.run();
    let state = h.state().state();
    let shown: Vec<&str> = state
        .doc
        .dataset
        .relations
        .iter()
        .zip(state.visible_relations())
        .filter(|(_, v)| *v)
        .map(|(r, _)| r.dimension.as_str())
        .collect();
    assert!(
        !shown.is_empty() && shown.iter().all(|d| *d == "security"),
        "{shown:?}"
    );
}

#[test]
fn an_actor_left_without_a_visible_line_fades() {
    let mut h = harness();
    let sco = actor(&h, "sco");
    // SCO's relations are all security: hide security.
    h.get_by_label("security").click();
    h.run();
    let state = h.state().state();
    let style = relmap::scene::Style::for_theme(h.state().theme());
    let scene = state.scene_cached(&style);
    assert_eq!(
        scene.node(sco).expect("still drawn").emphasis,
        relmap::scene::Emphasis::Dimmed
    );
    assert_eq!(
        scene.node(actor(&h, "china")).expect("drawn").emphasis,
        relmap::scene::Emphasis::Normal
    );
}

#[test]
fn the_chronology_tells_statements_from_dated_events_and_says_when_a_range_hides_nothing() {
    let mut h = harness();
    h.get_by_label_contains("hollow: as of the article");
    h.get_by_label("Only relations evidenced").click();
    h.run();
    h.get_by_label("(this range hides nothing)");
    h.get_by_label("from").set_value_accesskit(2010.0);
    h.run();
    h.get_by_label("to").set_value_accesskit(2010.0);
    h.run();
    let state = h.state().state();
    assert_eq!(state.lens.filters.years, Some((2010, 2010)));
    assert!(state.hidden_by_years() > 0);
    assert!(h.query_by_label("(this range hides nothing)").is_none());
    // Dated events stay: Peace Mission 2010; so does a state that holds over the range
    // ("since 2009", drawn as a bar), while statements as of the article (2012) go.
    let shown = h.state().state().visible_relations();
    assert!(shown[relation(&h, "kz-sco")]);
    assert!(
        shown[relation(&h, "cn-kz-economy")],
        "since 2009 overlaps 2010"
    );
    assert!(!shown[relation(&h, "us-cn-economy")]);
}

#[test]
fn hovering_a_line_lights_its_search_result() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness();
    search_for(&mut h, "pipelines");
    let mid = h
        .get_by_label("China — Kazakhstan: Energy investment and pipelines, 6 passages")
        .rect()
        .center();
    h.hover_at(mid);
    h.run();
    let row = h
        .get_all_by_label_contains("Energy investment and pipelines")
        .find(|n| n.accesskit_node().toggled().is_some())
        .expect("the result row");
    assert_eq!(
        row.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
}

#[test]
fn ctrl_click_on_a_second_actor_selects_the_pair_and_offers_its_focus() {
    let mut h = harness();
    let (cn, kz) = (actor(&h, "china"), actor(&h, "kazakhstan"));
    h.get_by_label_contains("China (state)").click();
    h.run();
    h.get_by_label_contains("Kazakhstan (state)")
        .click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Pair(cn, kz)
    );
    assert!(h.query_by_label("China and Kazakhstan").is_some());
    assert!(
        h.query_by_label_contains("Relations between them (6)")
            .is_some()
    );
    let before = h.state().state().camera.view;
    h.get_by_label("Focus on this pair").click();
    h.run();
    let state = h.state().state();
    let shown = state.visible_actors();
    assert_eq!(shown.iter().filter(|v| **v).count(), 2);
    assert!(shown[cn] && shown[kz]);
    // The pair spans the map's width: the re-fit centres on their line, never zooms out.
    assert!(
        state.camera.view.zoom >= before.zoom && state.camera.view != before,
        "fitted to the pair: {:?} vs {before:?}",
        state.camera.view
    );
}

#[test]
fn a_newly_opened_map_is_drawn_fitted_from_its_first_frame() {
    // The fit a newly opened map needs is a jump; the frame that asks for it already shows
    // it (it used to show one frame at the old view: on a large map under software
    // rendering, a third of a second of giant nodes).
    let mut h = harness_for(MapState::new(model::builtin().expect("built-in dataset")));
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/networkx.json");
    h.state_mut().open_path(path, None);
    h.state_mut().wait_for_load();
    h.step();
    let canvas = h.get_by_label(relmap::ui::CANVAS_LABEL).rect();
    let app = h.state().state();
    assert_eq!(
        app.camera.view,
        app.fitted_view(canvas, true),
        "the fit was applied"
    );
    let t = app.camera.view.screen_from_world(canvas);
    let (a, name) = (
        0,
        app.doc.dataset.actors[relmap::model::ActorId(0)]
            .name
            .clone(),
    );
    let fitted = t * app.place.positions[relmap::model::ActorId(a)];
    let drawn = h
        .get_by_label_contains(&format!("{name} ("))
        .rect()
        .center();
    assert!(
        (drawn - fitted).length() < 1.0,
        "the first frame drew {name} at {drawn:?}; the fitted view puts it at {fitted:?}"
    );
}

#[test]
fn a_refit_glides_from_the_old_view_to_the_new_one() {
    // Frames 1/60 s apart, as on a real screen, so there are frames mid-glide.
    let state = MapState::new(model::builtin().expect("built-in dataset"));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_context_setup(relmap::fonts::install)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(60)
        .build_ui_state(
            |ui, app: &mut RelmapApp| app.frame_ui(ui),
            RelmapApp::from_state(state),
        );
    h.run();
    h.get_by_label_contains("SCO (organization)").click();
    h.run();
    let canvas = h.get_by_label(relmap::ui::CANVAS_LABEL).rect();
    let sco = actor(&h, "sco");
    let screen_of = |h: &Harness<'static, RelmapApp>| {
        h.get_by_label_contains("SCO (organization)")
            .rect()
            .center()
    };
    let start = screen_of(&h);
    h.get_by_label("Focus: its relations").click();
    // A frame after the re-fit starts, the camera is on its way: neither where it was nor
    // where it ends.
    let generation = h.state().state().camera.fit_generation;
    for _ in 0..4 {
        if h.state().state().camera.fit_generation != generation {
            break;
        }
        h.step();
    }
    assert_eq!(h.state().state().camera.fit_generation, generation + 1);
    for _ in 0..8 {
        h.step();
    }
    let midway = screen_of(&h);
    h.run();
    let end = screen_of(&h);
    let fitted = h.state().state().camera.view.screen_from_world(canvas)
        * h.state().state().place.positions[sco];
    assert!((end - fitted).length() < 1.0, "ends at the fitted view");
    assert!(
        (midway - start).length() > 1.0,
        "moved from the start: {start:?} {midway:?}"
    );
    assert!(
        (midway - end).length() > 1.0,
        "not there yet: {midway:?} {end:?}"
    );
}

#[test]
fn a_notice_about_showing_secondary_actors_can_be_undone() {
    let mut h = harness();
    search_for(&mut h, "Taiwan");
    h.get_all_by_label_contains("China → Taiwan")
        .next()
        .expect("a result")
        .click();
    h.run();
    assert!(h.state().state().lens.show_secondary);
    h.get_by_label("Undo").click();
    h.run();
    assert!(
        !h.state().state().lens.show_secondary,
        "the notice's Undo hid them again"
    );
    assert!(
        h.query_by_label("Undo").is_none(),
        "and the notice went away"
    );
}

/// Ctrl+N, paste a two-paragraph article, create the map, add Japan and Korea.
fn new_map_with_two_actors(h: &mut Harness<'static, RelmapApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    type_into(
        h,
        "Article text",
        "Japan and Korea signed a fisheries accord.\n\nKorea later accused Japan of breaking it.",
    );
    type_into(h, "Title", "Fish talks");
    type_into(h, "Date", "2011-05");
    h.run();
    h.get_by_label("Create map").click();
    h.run();
    assert!(h.state().modal().is_none(), "{:?}", h.state().modal());
    assert_eq!(h.state().state().doc.dataset.title, "Fish talks");
    assert!(
        h.state().state().reader.authoring,
        "the article opens ready to select"
    );

    for name in ["Japan", "Korea"] {
        h.get_by_label("Add actor…").click();
        h.run();
        type_into(h, "Name", name);
        h.run();
        h.key_press(Key::Enter);
        h.run();
    }
    let names: Vec<&str> = h
        .state()
        .state()
        .doc
        .dataset
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Japan", "Korea"]);
}

/// In Edit passage (open), a date the field cannot read stays in it with the reason (never
/// silently dropped); an EDTF span commits and reads in words.
fn a_date_is_committed_only_once_it_reads(h: &mut Harness<'static, RelmapApp>) {
    let date = |h: &Harness<'static, RelmapApp>| {
        h.state().state().doc.dataset.relations[relmap::model::RelationId(0)].passages[0]
            .date
            .map(|d| d.to_string())
    };
    let before = date(h);
    let retype = |h: &mut Harness<'static, RelmapApp>, text: &str| {
        h.get_by_label("Date").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Date").type_text(text);
        h.key_press(Key::Enter);
        h.run();
    };
    retype(h, "2012-13");
    h.get_by_label_contains("“2012-13” is not a date");
    assert_eq!(date(h), before, "nothing committed");
    retype(h, "2009/..");
    assert_eq!(date(h).as_deref(), Some("2009/.."));
    assert!(
        h.get_all_by_label_contains("since 2009").next().is_some(),
        "the panel reads it in words"
    );
}

#[test]
fn an_analyst_authors_a_map_from_pasted_text_by_keyboard_and_mouse() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness();
    new_map_with_two_actors(&mut h);

    // Select the first sentence: click the text, Ctrl+↑ to its start, Shift+End.
    let text = h.get_by_label(relmap::ui::ARTICLE_TEXT_LABEL).rect();
    h.get_by_label(relmap::ui::ARTICLE_TEXT_LABEL).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowUp);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::End);
    h.run();
    assert!(text.width() > 0.0);
    let selected = h
        .state()
        .state()
        .reader
        .selection
        .clone()
        .expect("a selection");
    assert_eq!(
        &h.state().state().doc.dataset.primary().article.text[selected],
        "Japan and Korea signed a fisheries accord."
    );
    // E, a label, Enter: the relation appears with its passage.
    h.key_press(Key::E);
    h.run();
    type_into(&mut h, "Label", "Fisheries accord");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let state = h.state().state();
    assert_eq!(state.doc.dataset.relations.len(), 1);
    let rel = &state.doc.dataset.relations[relmap::model::RelationId(0)];
    assert_eq!(rel.label, "Fisheries accord");
    assert_eq!(
        rel.passages[0].quote,
        "Japan and Korea signed a fisheries accord."
    );
    assert_eq!(
        rel.passages[0].date, None,
        "the sentence states no date: the passage holds as of the article (2011-05)"
    );
    assert_eq!(
        state.pointing.selection,
        Selection::Relation(relmap::model::RelationId(0))
    );
    assert!(
        h.query_by_label("Japan — Korea: Fisheries accord, 1 passage")
            .is_some(),
        "the line is on the map"
    );

    // Edit its tone, then undo.
    h.get_by_label("Edit relation").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Tone")
        .click();
    h.run();
    h.get_by_label("tension").click();
    h.run();
    assert_eq!(
        h.state().state().doc.dataset.relations[relmap::model::RelationId(0)].tone,
        relmap::model::Tone::Tension
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().state().doc.dataset.relations[relmap::model::RelationId(0)].declared_tone,
        None
    );

    // A note on the passage, committed when the field is left.
    h.get_by_label("Edit passage").click();
    h.run();
    type_into(&mut h, "Note", "Check the 2011 date");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().state().doc.dataset.relations[relmap::model::RelationId(0)].passages[0]
            .note
            .as_deref(),
        Some("Check the 2011 date")
    );

    a_date_is_committed_only_once_it_reads(&mut h);

    // Save (the first save names the file; then Ctrl+S), reopen: identical.
    assert_eq!(h.state().window_title(), "relmap — • Fish talks");
    let path = dir.path().join("fish.relmap.json");
    h.state_mut().save_to(&path).expect("saved");
    h.run();
    assert!(!h.state().state().is_dirty());
    assert_eq!(h.state().window_title(), "relmap — Fish talks");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = relmap::model::to_relmap_json(&h.state().state().doc.dataset);
    h.state_mut().open_path(path.clone(), None);
    h.state_mut().wait_for_load();
    h.run();
    let reopened = relmap::model::to_relmap_json(&h.state().state().doc.dataset);
    assert_eq!(reopened, saved);
    assert_eq!(std::fs::read_to_string(&path).expect("file"), saved);
}

#[test]
fn drafts_are_reviewed_with_d_a_and_r() {
    let text = "Japan and Korea signed a fisheries accord in May.\n\n\
                Korea later accused Japan of breaking the accord.\n\n\
                China watched Japan closely.";
    let mut d = model::new_map_from_text(text, model::SourceFields::default());
    for (id, name) in [("jp", "Japan"), ("kr", "Korea"), ("cn", "China")] {
        d.actors.push(model::Actor {
            id: id.to_owned(),
            name: name.to_owned(),
            kind: model::ActorKind::State,
            aliases: Vec::new(),
            native_names: Vec::new(),
            secondary: false,
            position: None,
        });
    }
    let mut h = harness_for(MapState::new(d));
    assert!(
        h.query_by_label("Suggest evidence").is_none(),
        "in the article window"
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Article").click();
    h.run();
    h.get_by_label("Suggest evidence").click();
    h.run();
    assert_eq!(h.state().state().drafts().len(), 3);
    assert!(h.query_by_label("✏ 3 drafts to review").is_some());
    // Drafts are grey and short-dashed, and left out of exports.
    let state = h.state().state();
    let style = relmap::scene::Style::for_theme(h.state().theme());
    let jp_kr = relation(&h, "draft-jp-kr");
    let line = state
        .scene_cached(&style)
        .edge(jp_kr)
        .expect("drawn")
        .clone();
    assert_eq!(line.dash, relmap::scene::Dash::ShortDash);
    assert_eq!(line.color, style.no_evidence);
    let figure = state.figure(&relmap::export::ExportOptions::default());
    assert!(figure.scene.edges.is_empty(), "no draft in the figure");

    // D shows the first draft, A accepts it and moves on, R rejects the next.
    h.key_press(Key::D);
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Relation(jp_kr)
    );
    assert_eq!(
        h.state().state().current_draft(),
        Some(relmap::model::PassageId::new(jp_kr, 0))
    );
    h.key_press(Key::A);
    h.run();
    let state = h.state().state();
    assert_eq!(
        state.doc.dataset.relations[jp_kr].passages[0].status,
        relmap::model::PassageStatus::Confirmed
    );
    assert_eq!(
        state.current_draft(),
        Some(relmap::model::PassageId::new(jp_kr, 1))
    );
    h.key_press(Key::R);
    h.run();
    let state = h.state().state();
    assert_eq!(
        state.doc.dataset.relations[jp_kr].passages.len(),
        1,
        "rejected"
    );
    assert_eq!(state.drafts().len(), 1, "China–Japan left");
    // Ctrl+Z brings the rejected draft back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state().drafts().len(), 2);
}

#[test]
fn unsaved_edits_survive_a_crash_through_the_autosave() {
    let dir = tempfile::tempdir().expect("data dir");
    let state_file = dir.path().join("relmap-state.json");
    let build = |app: RelmapApp| {
        let mut h = Harness::builder()
            .with_size(Vec2::new(1280.0, 800.0))
            .with_context_setup(relmap::fonts::install)
            .with_max_steps(12)
            .build_ui_state(|ui, app: &mut RelmapApp| app.frame_ui(ui), app);
        h.run();
        h
    };
    let dataset = || model::builtin().expect("built-in dataset");
    let mut h = build(RelmapApp::with_state_file(
        dataset(),
        Some(state_file.clone()),
    ));
    assert!(
        h.state().modal().is_none(),
        "nothing to recover on a first start"
    );
    h.get_by_label("Add actor…").click();
    h.run();
    type_into(&mut h, "Name", "Mongolia");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().state().is_dirty());
    h.state_mut().autosave_now();
    assert!(dir.path().join("autosave.relmap.json").is_file());
    // The process dies here: nothing is saved, the state file is not even written.
    drop(h);

    let mut h = build(RelmapApp::with_state_file(dataset(), Some(state_file)));
    assert!(h.query_by_label("Recover unsaved map?").is_some());
    h.get_by_label("Recover").click();
    h.run();
    let state = h.state().state();
    assert!(
        state
            .doc
            .dataset
            .actors
            .iter()
            .any(|a| a.name == "Mongolia")
    );
    assert!(state.is_dirty(), "recovered edits are still unsaved");
}

#[test]
fn removing_a_passage_asks_twice_and_undo_brings_it_back() {
    let mut h = harness();
    select_energy(&mut h);
    let energy = relation(&h, "cn-kz-energy");
    let count = |h: &Harness<'static, RelmapApp>| {
        h.state().state().doc.dataset.relations[energy]
            .passages
            .len()
    };
    assert_eq!(count(&h), 6);
    h.get_all_by_label("Edit passage")
        .next()
        .expect("a passage")
        .click();
    h.run();
    h.get_all_by_label("Remove")
        .next()
        .expect("a Remove button")
        .click();
    h.run();
    assert_eq!(count(&h), 6, "one click only arms the button");
    h.get_by_label("Click again to remove this passage").click();
    h.run();
    assert_eq!(count(&h), 5);
    assert!(h.state().state().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h), 6);
    assert!(
        !h.state().state().is_dirty(),
        "undo back to the saved state is clean"
    );
}

#[test]
fn the_evidence_report_follows_the_filters_on_screen() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = harness();
    h.get_by_label("energy").click();
    h.run();
    let path = dir.path().join("brief.html");
    h.state_mut().report_to(path.clone());
    h.state_mut().wait_for_jobs();
    let html = std::fs::read_to_string(&path).expect("report written");
    assert!(
        !html.contains("Energy investment and pipelines"),
        "hidden by the filter"
    );
    assert!(html.contains("Political partnership and diplomatic support"));
}

/// The app with File → Export figure… open and `path` typed into "Save to".
fn export_form_at(path: &std::path::Path) -> Harness<'static, RelmapApp> {
    export_form_from("Export figure", path)
}

/// The in-app export form opened by the File menu's `item`, its path replaced by `path`.
#[expect(
    clippy::expect_used,
    reason = "test helper: temporary paths are UTF-8 here"
)]
fn export_form_from(item: &str, path: &std::path::Path) -> Harness<'static, RelmapApp> {
    let mut h = harness();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Save to")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Save to")
        .type_text(path.to_str().expect("utf-8 path"));
    h.run();
    h
}

#[test]
fn the_export_dialog_offers_slide_frames_and_a_title() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("slide.png");
    let mut h = export_form_at(&path);
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Frame")
        .click();
    h.run();
    h.get_by_label("slide-16x9 (1920×1080)").click();
    h.run();
    type_into(&mut h, "Title", "Astana's balancing act");
    h.get_by_label("Save").click();
    // The export runs in the background (a spinner turns meanwhile).
    h.step();
    h.state_mut().wait_for_jobs();
    let bytes = std::fs::read(&path).expect("exported");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    assert_eq!((be(16), be(20)), (1920, 1080));
}

#[test]
fn the_export_dialog_writes_graphml_that_reads_back() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("network.graphml");
    let mut h = export_form_at(&path);
    assert!(
        h.query_by_label("Title").is_none(),
        "figure fields are hidden for GraphML"
    );
    h.get_by_label("Save").click();
    h.step();
    h.state_mut().wait_for_jobs();
    let back = relmap::model::load_path(&path).expect("the GraphML reads back");
    let shown = h.state().state();
    assert_eq!(back.actors.len(), shown.doc.dataset.actors.len());
    assert_eq!(back.relations.len(), shown.doc.dataset.relations.len());
    assert_eq!(back.passage_count(), shown.doc.dataset.passage_count());
}

#[test]
fn one_line_per_pair_combines_relations_and_a_click_lists_them() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("One per pair").click();
    h.run();
    let state = h.state().state();
    assert_eq!(state.lens.links, relmap::scene::LinkMode::Pair);
    let style = relmap::scene::Style::for_theme(h.state().theme());
    let scene = state.scene_cached(&style);
    let shown = state.visible_relations().iter().filter(|v| **v).count();
    let members: usize = scene.edges.iter().map(|e| e.members.len()).sum();
    assert_eq!(
        members, shown,
        "every shown relation is on exactly one line"
    );
    assert_eq!(
        scene.edges.len(),
        7,
        "one line per related pair of the five core actors"
    );
    let (cn, kz) = (actor(&h, "china"), actor(&h, "kazakhstan"));
    let line = scene
        .edges
        .iter()
        .find(|e| e.members.len() == 6)
        .expect("China–Kazakhstan line");
    assert_eq!(line.badge, Some(relmap::scene::Badge::Count(6)));
    // Hit-testing: the middle of the combined line hits it; a click lists the pair.
    let mid = line.curve.point(0.5);
    assert_eq!(
        scene.hit(mid, 1.0),
        Some(Hit::Edge(line.relation)),
        "the combined line is hit at its middle"
    );
    h.get_by_label_contains("China — Kazakhstan: 6 relations")
        .click();
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Pair(cn, kz)
    );
    assert!(
        h.query_by_label_contains("Relations between them (6)")
            .is_some()
    );
    // Each relation opens in place to its passages.
    let energy = relation(&h, "cn-kz-energy");
    let quote: String = h.state().state().doc.dataset.relations[energy].passages[4]
        .quote
        .chars()
        .take(25)
        .collect();
    assert!(h.query_by_label_contains(&quote).is_none());
    // The headers read "5 passages"; open them one by one, as a user clicks.
    let is_header = |label: &str| {
        label.ends_with(" passages") && label.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    for i in 0..6 {
        let headers: Vec<_> = h
            .get_all_by_label_contains(" passages")
            .filter(|n| is_header(&n.accesskit_node().label().unwrap_or_default()))
            .collect();
        if let Some(header) = headers.get(i) {
            header.click_accesskit();
        }
        h.run();
    }
    assert!(h.query_by_label_contains(&quote).is_some(), "{quote}");
    // Back to one line per relation.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("One per relation").click();
    h.run();
    let state = h.state().state();
    let scene = state.scene_cached(&relmap::scene::Style::for_theme(h.state().theme()));
    assert_eq!(scene.edges.len(), shown);
}

#[test]
fn a_relation_s_evidence_is_read_by_keyboard_alone() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness();
    let china = actor(&h, "china");
    // Tab reaches the first actor; the screen reader is told which.
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Actor(china)
    );
    let focused = h
        .get_all_by_role(egui::accesskit::Role::Button)
        .find(|n| n.is_focused())
        .expect("a focused item");
    assert!(
        focused
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .starts_with("China"),
        "{:?}",
        focused.accesskit_node().label()
    );
    // → walks China's relations; the line is lit on the map and announced.
    h.key_press(Key::ArrowRight);
    h.run();
    let state = h.state().state();
    let Some(Hit::Edge(first)) = state.hover_shown() else {
        panic!("a lit relation");
    };
    let name = relmap::scene::relation_label(&state.doc.dataset, first);
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().state().hover_shown(), Some(Hit::Edge(first)));
    let focused = h
        .get_all_by_role(egui::accesskit::Role::Button)
        .find(|n| n.is_focused())
        .expect("a focused item");
    assert_eq!(
        focused.accesskit_node().label().as_deref(),
        Some(name.as_str())
    );
    // Enter opens its evidence: the passages are in the side panel.
    h.key_press(Key::Enter);
    h.run();
    let state = h.state().state();
    assert_eq!(state.pointing.selection, Selection::Relation(first));
    let quote = state.doc.dataset.relations[first].passages[0].quote.clone();
    let start: String = quote.chars().take(30).collect();
    assert!(h.query_by_label_contains(&start).is_some(), "{start}");
    // Esc goes back to the actor, a second Esc clears.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Actor(china)
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().state().pointing.selection, Selection::None);
    // Shift+Tab goes backwards from the first actor to the last one shown.
    h.key_press(Key::Tab);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    let state = h.state().state();
    let last = state
        .visible_actors()
        .iter()
        .rposition(|v| *v)
        .expect("actors shown");
    assert_eq!(
        state.pointing.selection,
        Selection::Actor(relmap::model::ActorId(last))
    );
}

#[test]
fn unsaved_edits_ask_save_discard_or_cancel_before_a_new_map() {
    let mut h = harness();
    h.get_by_label("Add actor…").click();
    h.run();
    type_into(&mut h, "Name", "Mongolia");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().state().is_dirty());
    // Ctrl+N with unsaved edits asks first; Cancel keeps everything.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert!(
        h.state()
            .state()
            .doc
            .dataset
            .actors
            .iter()
            .any(|a| a.name == "Mongolia")
    );
    // Discard goes on to the new-map form.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(matches!(
        h.state().modal(),
        Some(relmap::app::Modal::NewMap(_))
    ));
}

#[test]
fn a_large_map_lists_its_most_connected_actors_first() {
    // 300 actors: actor k links to the k actors after it (mod 300) for k < 40, so actor 39
    // has the most relations, then 38, … Every other actor has only the links it receives.
    let n = 300;
    let hubs = (0..40).flat_map(|k| (1..=k).map(move |s| (k, (k + s * 7) % n)));
    let json = graphs::node_link_json("hub", n, hubs);
    let d = model::load_str(&json, "hubs.json").expect("graph loads");
    let degrees = d.degrees();
    let mut h = harness_for(MapState::new(d));
    h.run();
    h.get_by_label_contains("The 150 most connected, by number of relations; search (Ctrl+F)");
    let chips: Vec<String> = h
        .get_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|b| egui_kittest::kittest::NodeT::accesskit_node(&b).label())
        // Chips are named "hub39 · 39": the actor and its count; the canvas's own targets
        // say more.
        .filter_map(|l| {
            let (name, count) = l.split_once(" · ")?;
            (name.starts_with("hub") && count.parse::<usize>().is_ok()).then(|| name.to_owned())
        })
        .collect();
    assert_eq!(chips.len(), 150);
    assert_eq!(&chips[..3], ["hub39", "hub38", "hub37"]);
    let degree = |name: &str| {
        degrees
            [relmap::model::ActorId(name.trim_start_matches("hub").parse::<usize>().expect("id"))]
    };
    assert!(
        chips.windows(2).all(|w| degree(&w[0]) >= degree(&w[1])),
        "most connected first"
    );
}

#[test]
fn enter_saves_the_figure_dialog_wherever_the_keyboard_is() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("enter.png");
    let mut h = export_form_at(&path);
    // The keyboard leaves the path field: Enter is still Save, the dialog's default.
    h.get_by_label_contains("The format follows the extension")
        .click();
    h.run();
    h.key_press(Key::Enter);
    h.step();
    h.state_mut().wait_for_jobs();
    let bytes = std::fs::read(&path).expect("Enter saved the figure");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    assert_eq!(
        (be(16), be(20)),
        (1920, 1080),
        "the dialog opened on the 16:9 slide"
    );
}

#[test]
fn the_file_menu_exports_an_interactive_handout() {
    use egui_kittest::kittest::NodeT as _;
    // Without a system dialog the in-app form asks, proposing an .html name.
    let mut h = harness();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export interactive handout")
        .click();
    h.run();
    let proposed = h
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Save to")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert!(proposed.ends_with(".html"), "{proposed}");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("briefing.html");
    let mut h = export_form_from("Export interactive handout", &path);
    h.key_press(Key::Enter);
    h.step();
    h.state_mut().wait_for_jobs();
    let html = std::fs::read_to_string(&path).expect("the handout was written");
    assert!(html.contains(r#"data-relation="cn-kz-energy""#) && html.contains(r#"id="evidence""#));
}
