//! The one gate: nothing replaces or closes a map with unsaved edits without asking, whatever
//! asked for it (a dropped file, Ctrl+N, a load that finished), and an answer is carried
//! through to the end (Save asks where, then goes on; Discard keeps the edits if what follows
//! fails).

#![expect(
    clippy::expect_used,
    reason = "tests: a missing fixture or widget must fail loudly"
)]

mod common;
mod graphs;

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relmap::app::{Modal, RelmapApp};
use relmap::model;

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

fn build(app: RelmapApp) -> Harness<'static, RelmapApp> {
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_context_setup(relmap::fonts::install)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut RelmapApp| app.frame_ui(ui), app);
    h.run();
    h
}

/// The built-in map with its state file (and so its autosave) in `dir`.
fn with_state_in(dir: &std::path::Path) -> Harness<'static, RelmapApp> {
    let dataset = model::builtin().expect("built-in dataset");
    build(RelmapApp::with_state_file(
        dataset,
        Some(dir.join("relmap-state.json")),
    ))
}

/// Adds the actor "Mongolia" through the side panel's form: one unsaved edit.
fn add_mongolia(h: &mut Harness<'static, RelmapApp>) {
    h.get_by_label("Add actor…").click();
    h.run();
    h.get_by_label("Name").click();
    h.run();
    h.get_by_label("Name").type_text("Mongolia");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().state().is_dirty());
}

fn has_mongolia(h: &Harness<'static, RelmapApp>) -> bool {
    h.state()
        .state()
        .doc
        .dataset
        .actors
        .iter()
        .any(|a| a.name == "Mongolia")
}

fn drop_file(h: &mut Harness<'static, RelmapApp>, path: std::path::PathBuf) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    h.step();
    h.run();
}

/// Selects Kazakhstan and Russia (a click and a Ctrl+click) and focuses the map on them.
fn focus_on_kazakhstan_and_russia(h: &mut Harness<'static, RelmapApp>) {
    h.get_by_label_contains("Kazakhstan (state)").click();
    h.run();
    h.get_by_label_contains("Russia (state)")
        .click_modifiers(Modifiers::COMMAND);
    h.run();
    h.get_by_label("Focus on this pair").click();
    h.run();
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}"))
}

#[test]
fn a_file_dropped_on_unsaved_edits_asks_first_and_the_autosave_survives_until_the_answer() {
    let dir = tempfile::tempdir().expect("data dir");
    let autosave = dir.path().join("autosave.relmap.json");
    let mut h = with_state_in(dir.path());
    add_mongolia(&mut h);
    h.state_mut().autosave_now();
    assert!(autosave.is_file());

    drop_file(&mut h, fixture("trade_routes.csv"));
    assert!(
        h.query_by_label("Save changes?").is_some(),
        "a dropped file asks before replacing unsaved edits"
    );
    h.state_mut().wait_for_load();
    h.run();
    assert!(
        has_mongolia(&h),
        "nothing is replaced while the question is open"
    );
    assert!(
        autosave.is_file(),
        "the autosave copy stays until the user answers"
    );

    // Cancel: the edits stay, still unsaved, still autosaved.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert!(has_mongolia(&h) && h.state().state().is_dirty());
    assert!(autosave.is_file());

    // Drop again and discard: the file opens, and only now is the copy gone.
    drop_file(&mut h, fixture("trade_routes.csv"));
    h.get_by_label("Discard").click();
    h.run();
    h.state_mut().wait_for_load();
    h.run();
    assert_eq!(h.state().state().doc.dataset.title, "trade_routes");
    assert!(!h.state().state().is_dirty());
    assert!(
        !autosave.exists(),
        "the discarded edits' copy goes with them"
    );
}

#[test]
fn discarding_for_a_file_that_cannot_be_read_keeps_the_edits_unsaved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.relmap.json");
    std::fs::write(&broken, "{\"format\": \"relmap/1\", \"actors\": [").expect("write");
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    add_mongolia(&mut h);
    drop_file(&mut h, broken);
    h.get_by_label("Discard").click();
    h.run();
    h.state_mut().wait_for_load();
    h.run();
    assert!(h.state().error().is_some(), "the file's problem is shown");
    assert!(has_mongolia(&h), "the map stays as it was");
    assert!(
        h.state().state().is_dirty() && h.state().window_title().contains('•'),
        "edits that were neither saved nor replaced are still unsaved (quitting asks again)"
    );
    h.get_by_label("OK").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
}

#[test]
fn save_in_the_question_asks_where_saves_and_then_does_what_was_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    add_mongolia(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    // The built-in map has no file yet: relmap's own "save as" form (no system dialog here).
    assert!(matches!(h.state().modal(), Some(Modal::SaveAs { .. })));
    let target = dir.path().join("with-mongolia");
    let field = "Path of the file to write";
    h.get_by_label(field).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(field)
        .type_text(&target.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let written = dir.path().join("with-mongolia.relmap.json");
    let saved = model::load_path(&written).expect("the map was saved");
    assert!(saved.actors.iter().any(|a| a.name == "Mongolia"));
    assert!(
        matches!(h.state().modal(), Some(Modal::NewMap(_))),
        "after saving, the new-map form that was asked for opens"
    );
    assert!(!h.state().state().is_dirty());
}

#[test]
fn quitting_with_unsaved_edits_asks_and_cancel_keeps_the_window() {
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    add_mongolia(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none() && has_mongolia(&h));
}

#[test]
fn letters_typed_with_a_dialog_in_front_never_act_on_the_map_and_a_rejected_draft_can_be_undone() {
    let mut state = relmap::map::MapState::new(model::builtin().expect("built-in dataset"));
    state.apply(relmap::map::DocCommand::SuggestDrafts(model::SourceId(0)));
    let mut h = common::harness_for(state);
    h.key_press(Key::D);
    h.run();
    let selection = h.state().state().pointing.selection;
    let drafts = h.state().state().drafts().len();
    assert!(drafts > 0 && selection != relmap::scene::Selection::None);
    let toasts = h.state().toasts().len();

    // Ctrl+E: the export dialog (relmap's own: no system dialog here), then stray letters.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::Export(_))));
    for key in [Key::A, Key::R, Key::D, Key::F] {
        h.key_press(key);
        h.run();
    }
    assert!(matches!(h.state().modal(), Some(Modal::Export(_))));
    assert_eq!(
        h.state().state().drafts().len(),
        drafts,
        "no draft accepted or rejected"
    );
    assert_eq!(h.state().state().pointing.selection, selection);
    assert_eq!(
        h.state().toasts().len(),
        toasts,
        "no \"No draft selected\" notices"
    );

    // Esc closes the dialog; now R rejects the draft, and the notice offers Undo.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().modal().is_none());
    h.key_press(Key::R);
    h.run();
    assert_eq!(h.state().state().drafts().len(), drafts - 1);
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(
        h.state().state().drafts().len(),
        drafts,
        "Undo brings the draft back"
    );
}

#[test]
fn a_long_open_is_cancelled_by_esc_or_its_button_and_the_map_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.json");
    // Large enough that reading and laying it out takes far longer than a frame here.
    let n = 60_000;
    std::fs::write(
        &big,
        graphs::node_link_json("a", n, (0..n).map(|i| (i, (i * 7 + 1) % n))),
    )
    .expect("write");
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    let title = h.state().state().doc.dataset.title.clone();
    for how in ["Cancel", "Esc"] {
        h.state_mut().open_path(big.clone(), None);
        // Two frames: the status panel grows to hold the progress line.
        h.step();
        h.step();
        assert!(h.state().is_opening());
        if how == "Esc" {
            h.key_press(Key::Escape);
        } else {
            h.get_by_label("Cancel").click();
            h.step();
        }
        h.step();
        assert!(!h.state().is_opening(), "{how} stops opening");
        h.state_mut().wait_for_load();
        h.run();
        assert_eq!(
            h.state().state().doc.dataset.title,
            title,
            "{how}: the map stays"
        );
        assert!(h.state().error().is_none());
    }
}

#[test]
fn f1_shows_every_shortcut_by_scope_including_the_article_s_e_and_closes_again() {
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    h.key_press(Key::F1);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::Shortcuts)));
    for heading in [
        "Anywhere",
        "On the map (not while typing)",
        "In the article (selecting text to quote)",
        "Mouse",
    ] {
        h.get_by_label(heading);
    }
    h.get_by_label("Quote the selected text as evidence");
    h.get_by_label("Next relation of the selected actor");
    h.key_press(Key::F1);
    h.run();
    assert!(h.state().modal().is_none());
}

#[test]
fn an_actor_added_by_hand_appears_in_view_in_free_space_and_nothing_else_moves() {
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    let before = h.state().state().place.positions.clone();
    add_mongolia(&mut h);
    let state = h.state().state();
    let new = *state
        .place
        .positions
        .last()
        .expect("a position for the new actor");
    assert_eq!(
        &state.place.positions.raw[..before.len()],
        &before.raw[..],
        "the other actors keep their places"
    );
    assert!(!state.layout_running(), "no relaxation shoves the map");
    let canvas = state.camera.canvas.expect("the canvas was drawn");
    let on_screen = state.camera.view.screen_from_world(canvas) * new;
    assert!(
        canvas.contains(on_screen),
        "{on_screen:?} outside {canvas:?}"
    );
    assert!(
        before.iter().all(|p| p.distance(new) >= 70.0),
        "placed in free space"
    );
    assert_eq!(
        state.pointing.selection,
        relmap::scene::Selection::Actor(relmap::model::ActorId(before.len())),
        "and selected"
    );
}

#[test]
fn double_clicking_a_legend_row_shows_only_that_entry_as_chart_legends_do() {
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    let at = h.get_by_label("security").rect().center();
    // Two clicks a frame apart: egui reads them as a double-click.
    for _ in 0..2 {
        let events = &mut h.input_mut().events;
        events.push(egui::Event::PointerMoved(at));
        for pressed in [true, false] {
            events.push(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.step();
    }
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
fn esc_closes_search_results_before_it_clears_the_selection() {
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    h.get_by_label("China — Kazakhstan: Energy investment and pipelines, 6 passages")
        .click();
    h.run();
    let selected = h.state().state().pointing.selection;
    assert_ne!(selected, relmap::scene::Selection::None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.is_focused())
        .expect("Ctrl+F focuses the search field")
        .type_text("pipeline");
    h.run();
    // Esc first leaves the search field if it still has the keyboard (egui's own), then
    // closes the results.
    for _ in 0..2 {
        if h.state().state().lens.search.is_empty() {
            break;
        }
        h.key_press(Key::Escape);
        h.run();
    }
    assert!(h.state().state().lens.search.is_empty(), "results closed");
    assert_eq!(
        h.state().state().pointing.selection,
        selected,
        "selection kept"
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().state().pointing.selection,
        relmap::scene::Selection::None
    );
}

#[test]
fn the_open_form_takes_the_keyboard_at_once_so_a_typed_path_is_not_lost() {
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    // No system file dialog in tests: Ctrl+O shows relmap's own path form.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::Open(_))));
    let focused = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.is_focused())
        .expect("the path field has the keyboard without a click");
    focused.type_text("/no/such/file.csv");
    h.run();
    assert!(
        matches!(h.state().modal(), Some(Modal::Open(p)) if p == "/no/such/file.csv"),
        "{:?}",
        h.state().modal()
    );
}

#[test]
fn the_status_line_never_draws_its_hint_over_what_it_counts() {
    for width in [900.0, 1000.0, 1100.0, 1280.0] {
        let state = relmap::map::MapState::new(model::builtin().expect("built-in dataset"));
        let mut h = Harness::builder()
            .with_size(Vec2::new(width, 800.0))
            .with_context_setup(relmap::fonts::install)
            .with_max_steps(12)
            .build_ui_state(
                |ui, app: &mut RelmapApp| app.frame_ui(ui),
                RelmapApp::from_state(state),
            );
        h.run();
        // A filter adds "N hidden by filters" and "Clear filters" to the line.
        h.get_by_label("security").click();
        h.run();
        let Some(hint) = h.query_by_label(relmap::ui::STATUS_HINT) else {
            continue;
        };
        for other in ["hidden by filters", "with secondary actors", "relations ·"] {
            if let Some(node) = h.query_by_label_contains(other) {
                assert!(
                    !hint.rect().intersects(node.rect()),
                    "at {width} px the hint covers {other:?}"
                );
            }
        }
    }
}

#[test]
fn preferences_belong_to_the_app_and_a_new_map_opens_as_the_last_one_was_shown() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut h = with_state_in(dir.path());
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme: dark").click();
    h.run();
    assert_eq!(h.state().prefs().theme, Some(relmap::scene::Theme::Dark));
    assert_eq!(h.state().theme(), relmap::scene::Theme::Dark);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Show secondary actors").click();
    h.run();
    assert!(h.state().state().lens.show_secondary, "the map shows them");
    h.state_mut().open_path(fixture("trade_routes.csv"), None);
    h.state_mut().wait_for_load();
    h.run();
    assert!(
        h.state().state().doc.dataset.title.contains("trade")
            || h.state().state().doc.dataset.origin.display_name() == "trade_routes.csv",
        "the other map is open"
    );
    assert_eq!(
        h.state().theme(),
        relmap::scene::Theme::Dark,
        "the theme is the app's: opening a map keeps it"
    );
    assert!(
        h.state().state().lens.show_secondary,
        "the new map opens showing secondary actors, as the last one did"
    );
    // Written with the app's state and read back by the next session.
    h.state_mut().save_state();
    let again = RelmapApp::with_state_file(
        model::builtin().expect("built-in"),
        Some(dir.path().join("relmap-state.json")),
    );
    assert_eq!(again.prefs().theme, Some(relmap::scene::Theme::Dark));
    assert!(again.state().lens.show_secondary);
}

#[test]
fn two_relations_evidence_is_read_by_keyboard_with_page_keys_and_f6() {
    use relmap::scene::Selection;
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 560.0))
        .with_context_setup(relmap::fonts::install)
        .with_max_steps(12)
        .build_ui_state(
            |ui, app: &mut RelmapApp| app.frame_ui(ui),
            RelmapApp::from_state(relmap::map::MapState::new(
                model::builtin().expect("built-in dataset"),
            )),
        );
    h.run();
    let first_quote = |h: &Harness<'static, RelmapApp>| -> String {
        let state = h.state().state();
        let Selection::Relation(r) = state.pointing.selection else {
            panic!("a relation is shown: {:?}", state.pointing.selection);
        };
        state.doc.dataset.relations[r].passages[0]
            .quote
            .chars()
            .take(30)
            .collect()
    };
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.query_by_label_contains(relmap::ui::STATUS_HINT_ACTOR)
            .is_some(),
        "the status line says what ←/→ and Enter do"
    );
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let quote = first_quote(&h);
    let top = |h: &Harness<'static, RelmapApp>, q: &str| h.get_by_label_contains(q).rect().top();
    let before = top(&h, &quote);
    h.key_press(Key::PageDown);
    h.run();
    let scrolled = top(&h, &quote);
    assert!(
        scrolled < before - 100.0,
        "PageDown scrolls the evidence ({before} → {scrolled})"
    );
    h.key_press(Key::PageUp);
    h.run();
    assert!(
        (top(&h, &quote) - before).abs() < 1.0,
        "PageUp scrolls back"
    );
    // F6 takes the keyboard to the panel (its search field), and F6 again back to the map.
    h.key_press(Key::F6);
    h.run();
    let search = egui::Id::unique(relmap::ui::SEARCH_ID);
    assert!(h.ctx.memory(|m| m.has_focus(search)), "F6: the panel");
    h.key_press(Key::F6);
    h.run();
    let canvas = egui::Id::unique(relmap::ui::CANVAS_ID);
    assert!(h.ctx.memory(|m| m.has_focus(canvas)), "F6 again: the map");
    // Esc back to the actor, → to the next relation, Enter: the second relation's evidence.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let second = first_quote(&h);
    assert_ne!(second, quote, "another relation");
    assert!(h.query_by_label_contains(&second).is_some());
}

#[test]
fn a_pair_s_parallel_lines_are_numbered_like_its_list_with_their_patterns() {
    use relmap::scene::Badge;
    let mut h = build(RelmapApp::from_state(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    )));
    focus_on_kazakhstan_and_russia(&mut h);
    let app = h.state();
    let state = app.state();
    let d = &state.doc.dataset;
    let (kz, ru) = (
        d.actor_index("kazakhstan").expect("kz"),
        d.actor_index("russia").expect("ru"),
    );
    let rows: Vec<_> = d
        .relations_with_ids()
        .filter(|(_, r)| r.joins(kz, ru))
        .collect();
    assert!(rows.len() >= 2, "a pair with parallel lines");
    let scene = state.scene_cached(&relmap::scene::Style::for_theme(app.theme()));
    for (n, (r, rel)) in rows.iter().enumerate() {
        let line = scene
            .edges
            .iter()
            .find(|e| e.relation == *r)
            .expect("each relation has its line");
        assert_eq!(line.badge, Some(Badge::Row(n + 1)), "{}", rel.label);
        let row = format!("{} · {} ({})", n + 1, rel.label, rel.passages.len());
        assert!(
            h.query_by_label_contains(&row).is_some(),
            "the list's row {row:?} carries the same number"
        );
        if rel.passages.len() <= 4 {
            let start: String = rel.passages[0].quote.chars().take(30).collect();
            assert!(
                h.query_by_label_contains(&start).is_some(),
                "a short relation's passages are open at once: {start}"
            );
        }
    }
}

#[test]
fn the_figure_dialog_names_the_focus_in_its_file_name_and_subtitle() {
    let mut h = build(RelmapApp::from_state(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    )));
    focus_on_kazakhstan_and_russia(&mut h);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export figure").click();
    h.run();
    let Some(Modal::Export(form)) = h.state().modal() else {
        panic!("the figure dialog is open");
    };
    assert!(
        form.path.contains("kazakhstan-and-russia"),
        "the file name names the focus: {}",
        form.path
    );
    assert_eq!(form.subtitle, "Kazakhstan and Russia");
    assert_eq!(
        form.preset,
        Some(relmap::export::Preset::Slide16x9),
        "a slide unless another frame is chosen: focus, File, Export figure…, Enter"
    );
}

#[test]
fn a_drag_in_a_focus_never_drops_an_actor_on_one_the_focus_hides_and_others_stay_put() {
    let mut h = build(RelmapApp::from_state(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    )));
    focus_on_kazakhstan_and_russia(&mut h);
    for _ in 0..30 {
        h.run(); // the re-fit glides
    }
    let d = &h.state().state().doc.dataset;
    let (ru, sco) = (
        d.actor_index("russia").expect("ru"),
        d.actor_index("sco").expect("sco"),
    );
    assert!(
        !h.state().state().visible_actors()[sco],
        "the focus hides SCO"
    );
    let before = h.state().state().place.positions.clone();
    // Where SCO is, on screen, under the focus.
    let canvas = h.get_by_label(relmap::ui::CANVAS_LABEL).rect();
    let view = h.state().state().camera.view;
    let sco_on_screen = view.screen_from_world(canvas) * before[sco];
    let start = h.get_by_label_contains("Russia (state)").rect().center();
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    for k in 1..=6 {
        h.hover_at(start + (sco_on_screen - start) * (k as f32 / 6.0));
        h.run();
    }
    h.drop_at(sco_on_screen);
    h.run();
    let state = h.state().state();
    let after = &state.place.positions;
    let degrees = state.degrees();
    let room = relmap::layout::node_radius(degrees[ru]) + relmap::layout::node_radius(degrees[sco]);
    assert!(
        after[ru].distance(before[sco]) >= room,
        "Russia landed clear of the hidden SCO ({} apart, {room} needed)",
        after[ru].distance(before[sco])
    );
    assert!(
        after[ru].distance(before[sco]) < 6.0 * room,
        "but near where it was dropped"
    );
    for (a, p) in before.iter_enumerated() {
        if a != ru {
            assert_eq!(after[a], *p, "no other actor moved");
        }
    }
    // The message says so and its Undo puts Russia back.
    assert!(h.query_by_label_contains("Moved Russia").is_some());
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(h.state().state().place.positions[ru], before[ru]);
}

#[test]
fn clicking_a_chronology_dot_opens_that_passage_marked_in_the_panel_and_the_article() {
    let mut h = build(RelmapApp::from_state(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    )));
    // The strip is the band under the map: find a dot by moving the pointer over it until a
    // dated passage's card shows (as a user scanning the strip would).
    let canvas = h.get_by_label(relmap::ui::CANVAS_LABEL).rect();
    let strip = egui::Rect::from_min_max(
        egui::pos2(canvas.left(), canvas.bottom() + 40.0),
        egui::pos2(canvas.right(), canvas.bottom() + 140.0),
    );
    let mut found = None;
    'scan: for row in 0..25 {
        for col in 0..((strip.width() / 6.0) as usize) {
            let at = strip.min + Vec2::new(col as f32 * 6.0, row as f32 * 4.0);
            h.hover_at(at);
            h.step();
            if let Some(p) = h.state().state().pointing.linked_hover {
                found = Some((at, p));
                break 'scan;
            }
        }
    }
    let (at, _) = found.expect("a dot under the pointer somewhere in the strip");
    h.drag_at(at);
    h.drop_at(at);
    h.run();
    let state = h.state().state();
    let focus = state
        .reader
        .focus
        .as_ref()
        .expect("a passage is marked")
        .passage;
    assert_eq!(
        state.pointing.selection,
        relmap::scene::Selection::Relation(focus.relation),
        "its relation is selected"
    );
    assert!(state.reader.open, "the article shows it");
    let quote: String = state
        .doc
        .dataset
        .passage(focus)
        .expect("passage")
        .quote
        .chars()
        .take(30)
        .collect();
    assert!(
        h.query_all_by_label_contains(&quote).count() >= 2,
        "shown in the evidence panel and in the article: {quote}"
    );
}

#[test]
fn an_imported_weighted_network_ranks_actors_by_weight_and_names_edges_by_their_actors() {
    use egui_kittest::kittest::NodeT as _;
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("weighted.graphml");
    // As networkx writes a weighted, unlabelled network: Myriel has the most links,
    // Valjean the heaviest.
    std::fs::write(
        &path,
        r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="Myriel"/><node id="Valjean"/><node id="Napoleon"/><node id="Cosette"/>
    <node id="Javert"/>
    <edge source="Myriel" target="Napoleon"><data key="d0">1.0</data></edge>
    <edge source="Myriel" target="Cosette"><data key="d0">1.0</data></edge>
    <edge source="Myriel" target="Javert"><data key="d0">1.0</data></edge>
    <edge source="Valjean" target="Cosette"><data key="d0">31.0</data></edge>
    <edge source="Valjean" target="Javert"><data key="d0">17.0</data></edge>
  </graph>
</graphml>"#,
    )
    .expect("write");
    let mut h = build(RelmapApp::from_state(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    )));
    h.state_mut().open_path(path, None);
    h.state_mut().wait_for_load();
    h.run();
    assert!(
        h.query_by_label_contains("by weighted number of relations")
            .is_some()
    );
    let chips: Vec<String> = h
        .get_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains(" · ") && l.ends_with(')'))
        .collect();
    assert!(
        chips
            .first()
            .is_some_and(|c| c.starts_with("Valjean · 2 (48)")),
        "the heaviest first: {chips:?}"
    );
    h.get_by_label("Valjean · 2 (48)").click();
    h.run();
    assert!(h.query_by_label_contains("(unlabelled)").is_none());
    assert!(
        h.query_by_label("Cosette · weight 31").is_some(),
        "an edge is named by its other actor and its weight"
    );
    let scene = h
        .state()
        .state()
        .scene_cached(&relmap::scene::Style::for_theme(h.state().theme()));
    assert!(
        scene
            .edge_labels
            .iter()
            .all(|l| !l.text.contains("unlabelled"))
    );
    let width = |other: &str| {
        let d = &h.state().state().doc.dataset;
        let o = d.actor_index(other).expect("actor");
        scene
            .edges
            .iter()
            .find(|e| d.relations[e.relation].joins(d.actor_index("Valjean").expect("v"), o))
            .map(|e| e.width)
            .expect("line")
    };
    assert!(width("Cosette") > width("Javert"), "weight sets line width");
}

#[test]
fn either_actor_of_a_focused_pair_offers_to_leave_the_focus() {
    let mut h = build(RelmapApp::from_state(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    )));
    focus_on_kazakhstan_and_russia(&mut h);
    for name in ["Russia (state)", "Kazakhstan (state)"] {
        h.get_by_label_contains(name).click();
        h.run();
        assert!(
            h.query_by_label("Show all actors").is_some(),
            "{name}: the pair's focus can be left from either actor"
        );
        assert!(h.query_by_label("Focus: its relations").is_none(), "{name}");
    }
}

#[test]
fn a_click_outside_a_form_with_typed_work_keeps_it_and_esc_still_closes() {
    let mut h = common::harness_for(relmap::map::MapState::new(
        model::builtin().expect("built-in dataset"),
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Article text").click();
    h.run();
    h.get_by_label("Article text")
        .type_text("Japan and Korea signed a fisheries accord.");
    h.run();
    // A stray click on the map behind the dialog (or on a dropdown's sliver) lands outside it.
    let outside = egui::pos2(20.0, 400.0);
    click_at(&mut h, outside);
    h.run();
    assert!(
        matches!(h.state().modal(), Some(Modal::NewMap(f)) if f.text.contains("fisheries")),
        "the typed article is still there: {:?}",
        h.state().modal()
    );
    // Esc is deliberate: it closes the form.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().modal().is_none());
    // An empty form still closes on a click outside.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    click_at(&mut h, outside);
    h.run();
    assert!(h.state().modal().is_none());
}

/// A primary click at `pos` on the window, wherever it lands (a dialog's backdrop included).
fn click_at(h: &mut Harness<'static, RelmapApp>, pos: egui::Pos2) {
    for pressed in [true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
}
