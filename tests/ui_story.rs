//! UI tests of storyboards, driven through accessible labels by mouse and keyboard as a user
//! would: View → Storyboard, "Add this view", a step's title and caption typed in, steps
//! reordered by Alt+↑/↓ and by button, removed, every edit undone; presenting the shipped
//! map's storyboard with F5 and stepping through it by keyboard, a line clicked while
//! presenting, and Esc returning to the view before.

#![expect(
    clippy::expect_used,
    reason = "tests: a broken fixture must fail loudly"
)]

mod common;

use common::harness_for;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relmap::app::RelmapApp;
use relmap::map::{FocusMode, MapState};
use relmap::model;
use relmap::scene::Selection;

/// The built-in map without its storyboard: a map an analyst starts a briefing on.
fn without_storyboard() -> Harness<'static, RelmapApp> {
    let mut d = model::builtin().expect("built-in");
    d.storyboard.clear();
    harness_for(MapState::new(d))
}

fn steps(h: &Harness<'static, RelmapApp>) -> Vec<model::Step> {
    h.state().state().doc.dataset.storyboard.clone()
}

/// View → Storyboard.
fn open_storyboard(h: &mut Harness<'static, RelmapApp>) {
    h.get_by_label("View").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, relmap::ui::STORYBOARD_HEADING)
        .click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().prefs().show_storyboard);
}

/// Types `text` into the field labelled `label` (replacing what it holds), then moves the
/// keyboard on with Tab so the field hands it over.
fn type_into(h: &mut Harness<'static, RelmapApp>, label: &str, text: &str) {
    let role = if label == relmap::ui::STEP_CAPTION_LABEL {
        Role::MultilineTextInput
    } else {
        Role::TextInput
    };
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
    h.key_press(Key::Tab);
    h.run();
}

#[test]
fn adding_captioning_reordering_and_removing_steps_are_each_undone() {
    let mut h = without_storyboard();
    open_storyboard(&mut h);
    assert!(h.query_by_label_contains("No steps yet").is_some());
    // Step 1: the whole map.
    h.get_by_label(relmap::ui::ADD_STEP_LABEL).click();
    h.run();
    assert_eq!(steps(&h).len(), 1);
    assert_eq!(steps(&h)[0].title, "The whole map");
    assert!(steps(&h)[0].focus.is_empty() && steps(&h)[0].select.is_none());
    // Step 2: China's neighbourhood, with a relation opened from the keyboard (Tab to an
    // actor, → to one of its relations, Enter), captured with that focus and selection.
    h.get_by_label_contains("China (state").click();
    h.run();
    h.get_by_label("Focus: neighbourhood").click();
    h.run();
    let china = h.state().state().doc.dataset.actor_index("china");
    assert_eq!(
        h.state().state().lens.filters.focus,
        china.map(|c| (c, FocusMode::Neighbourhood))
    );
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label(relmap::ui::CANVAS_LABEL).click();
    h.run();
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let selected = h
        .state()
        .state()
        .selected_relation()
        .expect("Enter opened a relation");
    let selected_id = h.state().state().doc.dataset.relations[selected].id.clone();
    h.get_by_label(relmap::ui::ADD_STEP_LABEL).click();
    h.run();
    let s = steps(&h);
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].focus, vec!["china".to_owned()]);
    assert_eq!(s[1].select.as_deref(), Some(selected_id.as_str()));
    assert_eq!(
        h.state().state().story.current,
        Some(1),
        "the new step is picked"
    );
    // Title and caption, typed into the picked step's fields.
    type_into(&mut h, relmap::ui::STEP_TITLE_LABEL, "China's reach");
    type_into(
        &mut h,
        relmap::ui::STEP_CAPTION_LABEL,
        "China's partners in Central Asia.",
    );
    let s = steps(&h);
    assert_eq!(s[1].title, "China's reach");
    assert_eq!(s[1].caption, "China's partners in Central Asia.");
    assert!(h.state().state().is_dirty(), "steps are saved with the map");
    // Alt+↑ moves the picked step first (the keyboard is on no text field now).
    h.get_by_label(relmap::ui::CANVAS_LABEL).click();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert_eq!(steps(&h)[0].title, "China's reach", "Alt+↑ moved it up");
    // "↓ Later" moves it back.
    h.get_by_label("↓ Later").click();
    h.run();
    assert_eq!(steps(&h)[1].title, "China's reach");
    // Remove it, then undo each edit in turn.
    h.get_by_label("Remove step").click();
    h.run();
    assert_eq!(steps(&h).len(), 1);
    let undo = |h: &mut Harness<'static, RelmapApp>| {
        h.get_by_label(relmap::ui::CANVAS_LABEL).click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    };
    undo(&mut h);
    assert_eq!(steps(&h).len(), 2, "undo puts the removed step back");
    assert_eq!(steps(&h)[1].title, "China's reach");
    undo(&mut h); // the move down
    undo(&mut h); // the move up
    assert_eq!(steps(&h)[1].title, "China's reach");
    undo(&mut h);
    assert_eq!(steps(&h)[1].caption, "", "undo takes the caption back");
    undo(&mut h);
    assert_eq!(
        steps(&h)[1].title,
        h.state().state().doc.dataset.storyboard[1].title
    );
    assert_ne!(steps(&h)[1].title, "China's reach", "and the title");
    undo(&mut h);
    undo(&mut h);
    assert!(steps(&h).is_empty(), "and both added steps");
}

#[test]
fn dragging_a_step_onto_another_moves_it_there() {
    let mut h = harness_for(MapState::new(model::builtin().expect("built-in")));
    open_storyboard(&mut h);
    let titles = |h: &Harness<'static, RelmapApp>| -> Vec<String> {
        steps(h).into_iter().map(|s| s.title).collect()
    };
    let before = titles(&h);
    let from = h
        .get_by_label_contains(&format!("1. {}", before[0]))
        .rect()
        .center();
    let onto = h
        .get_by_label_contains(&format!("3. {}", before[2]))
        .rect()
        .center();
    h.drag_at(from);
    h.run();
    h.hover_at(from + egui::vec2(0.0, 8.0));
    h.run();
    h.hover_at(onto);
    h.run();
    h.drop_at(onto);
    h.run();
    let after = titles(&h);
    assert_eq!(after[2], before[0], "the first step now third: {after:?}");
    assert_eq!(after[0], before[1]);
}

#[test]
fn presenting_steps_by_keyboard_and_returns_to_the_view_before() {
    let mut h = harness_for(MapState::new(model::builtin().expect("built-in")));
    let d = h.state().state().doc.dataset.clone();
    assert!(
        d.storyboard.len() >= 3,
        "the shipped map carries a storyboard"
    );
    // The view before: Russia's relations only, Russia selected.
    let russia = d.actor_index("russia").expect("russia");
    h.get_by_label_contains("Russia (state").click();
    h.run();
    h.get_by_label("Focus: its relations").click();
    h.run();
    assert!(h.state().state().lens.filters.focus.is_some());
    let filters_before = h.state().state().lens.filters.clone();
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().state().presenting());
    let title = |n: usize| d.storyboard[n].title.clone();
    assert!(
        h.query_by_label(&title(0)).is_some(),
        "step 1's title is shown"
    );
    assert!(
        h.query_by_label(&d.storyboard[0].caption).is_some(),
        "and its caption"
    );
    assert!(
        h.query_by_label(&format!("1 / {}", d.storyboard.len()))
            .is_some()
    );
    // The step's relation is selected and its passages are shown in their sentences.
    let r = d.storyboard[0]
        .selected_in(&d)
        .expect("step 1 selects a relation");
    assert_eq!(h.state().state().selected_relation(), Some(r));
    let first_quote = d.relations[r].passages[0].quote.clone();
    let start: String = first_quote.chars().take(30).collect();
    assert!(
        h.query_by_label_contains(&start).is_some(),
        "its first passage"
    );
    // → Space PageDown step on; ← PageUp back.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().state().story.current, Some(1));
    assert!(h.query_by_label(&title(1)).is_some());
    let focus = h.state().state().lens.filters.clone();
    assert!(
        focus.focus.is_some() || !focus.group.is_empty(),
        "step 2 narrows the map"
    );
    h.key_press(Key::Space);
    h.run();
    assert_eq!(h.state().state().story.current, Some(2));
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().state().story.current, Some(1));
    h.key_press(Key::PageDown);
    h.run();
    h.key_press(Key::PageDown);
    h.run();
    h.key_press(Key::PageDown);
    h.run();
    let last = d.storyboard.len() - 1;
    assert_eq!(
        h.state().state().story.current,
        Some(last),
        "nothing past the last"
    );
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(h.state().state().story.current, Some(last - 1));
    // The map's own letter keys are off while presenting (D would go to the next draft).
    let selection = h.state().state().pointing.selection;
    h.key_press(Key::D);
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(h.state().state().pointing.selection, selection);
    // Esc ends it: the view before comes back.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().state().presenting());
    assert_eq!(h.state().state().lens.filters, filters_before);
    assert_eq!(
        h.state().state().pointing.selection,
        Selection::Actor(russia)
    );
    assert!(h.query_by_label("File").is_some(), "the menus are back");
}

#[test]
fn clicking_a_line_while_presenting_shows_its_evidence_without_leaving() {
    let mut h = harness_for(MapState::new(model::builtin().expect("built-in")));
    let d = h.state().state().doc.dataset.clone();
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().state().presenting());
    let step_relation = h.state().state().selected_relation();
    // Another line on the map (its accessible name is the relation's).
    let canvas = h.get_by_label(relmap::ui::CANVAS_LABEL).rect();
    let other = d
        .relations_with_ids()
        .find(|(r, rel)| {
            Some(*r) != step_relation
                && !d.actors[rel.from].secondary
                && !d.actors[rel.to].secondary
                && rel.passages.len() == 1
        })
        .map(|(r, _)| r)
        .expect("another relation");
    let label = relmap::scene::line_label(
        &d,
        h.state()
            .state()
            .current_scene()
            .edge(other)
            .expect("the line is drawn"),
    );
    let line = h
        .get_all_by_role_and_label(Role::Button, &label)
        .find(|n| canvas.contains(n.rect().center()))
        .expect("the line on the canvas");
    line.click();
    h.run();
    assert!(h.state().state().presenting(), "still presenting");
    assert_eq!(h.state().state().selected_relation(), Some(other));
    let quote: String = d.relations[other].passages[0]
        .quote
        .chars()
        .take(30)
        .collect();
    assert!(
        h.query_by_label_contains(&quote).is_some(),
        "its passage is shown"
    );
    h.get_by_label(relmap::ui::END_PRESENTATION_LABEL).click();
    h.run();
    assert!(!h.state().state().presenting());
}

#[test]
fn removing_what_a_step_names_flags_the_step_and_undo_restores_it() {
    let mut h = harness_for(MapState::new(model::builtin().expect("built-in")));
    open_storyboard(&mut h);
    let d = h.state().state().doc.dataset.clone();
    let (n, step) = d
        .storyboard
        .iter()
        .enumerate()
        .find(|(_, s)| s.select.is_some())
        .expect("a step selecting a relation");
    let r = step.selected_in(&d).expect("its relation");
    // Show the step (it selects the relation), then remove the relation in the side panel.
    h.get_by_label_contains(&format!("{}. {}", n + 1, step.title))
        .click();
    h.run();
    assert_eq!(
        h.state().state().story.current,
        Some(n),
        "the click showed the step"
    );
    assert_eq!(h.state().state().selected_relation(), Some(r));
    h.get_by_label("Edit relation").click();
    h.run();
    h.get_by_label("Remove relation").click();
    h.run();
    h.get_by_label_contains("Click again: remove it").click();
    h.run();
    let now = &h.state().state().doc.dataset.storyboard[n];
    assert_eq!(now.select, None, "the step no longer names it");
    assert!(
        now.dropped
            .iter()
            .any(|l| l.contains(&d.relations[r].label)),
        "and says what it lost: {:?}",
        now.dropped
    );
    assert!(
        h.query_by_label_contains("it selected was removed")
            .is_some()
    );
    // The saved map loads again: no step names what is gone.
    let json = model::to_relmap_json(&h.state().state().doc.dataset);
    model::load_str(&json, "saved.relmap.json").expect("the saved map loads");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().state().doc.dataset.storyboard[n].select,
        step.select,
        "undo puts the relation and the step's selection back"
    );
}
