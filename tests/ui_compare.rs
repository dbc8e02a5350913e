//! UI tests of comparisons, driven through accessible labels as a user would: File → Compare
//! with… (the path form, since tests have no system file dialog), the changes listed by kind,
//! a changed relation with both maps' passages, leaving the comparison with the map as it was,
//! and View → Through time's "as of" slider on a map with two dated sources.

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
use relmap::app::{Modal, RelmapApp};
use relmap::map::{DocCommand, MapState};
use relmap::model;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compare")
        .join(name)
}

/// Whether the comparison's summary line reads `summary` (the bar and the side panel both
/// show it).
fn says(h: &Harness<'static, RelmapApp>, summary: &str) -> bool {
    h.query_all_by_label(summary).next().is_some()
}

fn open(name: &str) -> Harness<'static, RelmapApp> {
    harness_for(MapState::new(
        model::load_path(&fixture(name)).expect("fixture loads"),
    ))
}

/// File → Compare with…, the later map's path typed into the form, Compare clicked.
fn compare_with(h: &mut Harness<'static, RelmapApp>, name: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Compare with…").click();
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::CompareWith(_))));
    let path = fixture(name);
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .expect("the path field has the keyboard")
        .type_text(path.to_str().expect("utf-8 path"));
    h.run();
    h.get_by_label("Compare").click();
    h.run();
}

#[test]
fn compare_with_lists_changes_and_shows_both_maps_passages() {
    let mut h = open("steppe-2012.relmap.json");
    let before = h.state().state().doc.dataset.relations.len();
    compare_with(&mut h, "steppe-2023.relmap.json");
    assert!(h.state().is_comparing());
    // The bar says what is compared, and the summary.
    assert!(h.query_by_label("Comparing").is_some());
    assert!(says(&h, "2 changed, 1 removed, 1 added, 1 same"));
    // The side panel lists the changes by kind; the new actor is on the map.
    assert!(h.query_by_label("What changed").is_some());
    assert!(h.query_by_label_contains("Changed (2)").is_some());
    assert!(h.query_by_label_contains("Removed (1)").is_some());
    assert!(h.query_by_label_contains("New (1)").is_some());
    assert!(h.query_by_label_contains("Turkey (state)").is_some());
    assert!(
        h.query_by_label("Russia is matched as “Russian Federation”")
            .is_some(),
        "a rename is said"
    );
    // Select the relation whose tone turned: both sides' passages, in their sentences.
    // The row in the side panel (the line on the map has the same name).
    h.get_all_by_role_and_label(
        Role::Button,
        "Kazakhstan — Russia: Customs union, 1 passage",
    )
    .next()
    .expect("the changed relation's row")
    .click();
    h.run();
    assert!(
        h.query_by_label("Changed: tone cooperation → tension")
            .is_some()
    );
    assert!(h.query_by_label("Before").is_some() && h.query_by_label("After").is_some());
    assert!(
        h.query_by_label_contains("cooperate closely in a customs union")
            .is_some(),
        "the first map's passage"
    );
    assert!(
        h.query_by_label_contains("quarrel over transit since the war")
            .is_some(),
        "the second map's passage"
    );
    // Exporting from the comparison exports what it shows: its marks and its legend.
    let figure = h
        .state()
        .state()
        .figure(&relmap::export::ExportOptions::default());
    let svg = relmap::export::figure_svg(&figure);
    assert!(svg.contains(r#"class="new-mark""#) && svg.contains(r#"class="was""#));
    assert!(svg.contains("Compared"));
    // Esc clears the selection, then leaves: the map is back, unchanged.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().is_comparing());
    let state = h.state().state();
    assert_eq!(state.doc.dataset.relations.len(), before);
    assert_eq!(state.doc.dataset.title, "Steppe 2012");
    assert!(state.compare.is_none());
    assert!(h.query_by_label("Comparing").is_none());
}

#[test]
fn a_comparison_is_read_only_and_the_map_s_unsaved_edits_are_still_protected() {
    let mut state = MapState::new(
        model::load_path(&fixture("steppe-2012.relmap.json")).expect("fixture loads"),
    );
    // An unsaved edit made before comparing.
    state.apply(DocCommand::RemoveRelation(model::RelationId(3)));
    let mut h = harness_for(state);
    compare_with(&mut h, "steppe-2023.relmap.json");
    assert!(
        h.state()
            .window_title()
            .contains("• Steppe 2012 (comparing)")
    );
    // Editing the comparison is refused with a reason, and undo has nothing of the map's.
    h.get_by_label_contains("Russia (state)").click();
    h.run();
    assert!(
        h.query_by_label("Edit actor…").is_none() && h.query_by_label("Remove actor").is_none(),
        "no edit controls that would only be refused"
    );
    // A key that would edit (accept a draft) is refused with the reason.
    h.key_press(Key::A);
    h.run();
    assert!(h.state().modal().is_none());
    assert!(h.query_by_label_contains("cannot be edited").is_some());
    let relations = h.state().state().doc.dataset.relations.len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state().doc.dataset.relations.len(), relations);
    // Quitting from the comparison asks about the map's unsaved edit, not the comparison's.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(
        matches!(h.state().modal(), Some(Modal::Unsaved(_))),
        "{:?}",
        h.state().modal()
    );
    assert!(!h.state().is_comparing(), "left before asking");
    assert_eq!(
        h.state().state().doc.dataset.relations.len(),
        3,
        "the edit is kept"
    );
}

#[test]
fn a_bad_file_leaves_the_map_as_it_was() {
    let mut h = open("steppe-2012.relmap.json");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Compare with…").click();
    h.run();
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .expect("the path field")
        .type_text("/no/such/map.relmap.json");
    h.run();
    h.get_by_label("Compare").click();
    h.run();
    assert!(!h.state().is_comparing());
    assert!(
        h.query_by_label("Could not compare with this map")
            .is_some()
    );
}

#[test]
fn through_time_steps_the_as_of_date_by_mouse_and_keyboard() {
    let mut h = open("steppe-through-time.relmap.json");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Through time").click();
    h.run();
    assert!(h.state().is_comparing());
    assert!(h.query_by_label("Through time").is_some());
    // The latest date, changes since the earliest marked.
    assert!(says(&h, "2 changed, 0 removed, 1 added, 2 same"));
    let pact = |h: &Harness<'static, RelmapApp>| {
        h.state()
            .state()
            .doc
            .dataset
            .relation_index("kz-tr-pact")
            .is_some()
    };
    assert!(pact(&h), "the 2023 pact is on the map");
    // One step earlier: as of 1 March 2012 the later article does not count.
    h.get_by_label("◀ Earlier").click();
    h.run();
    assert!(!pact(&h));
    assert!(says(&h, "0 changed, 0 removed, 0 added, 4 same"));
    // The slider from the keyboard: focus it, arrow right, back to June 2023.
    let slider = h.get_by_role_and_label(Role::Slider, relmap::ui::AS_OF_LABEL);
    slider.focus();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert!(pact(&h), "the slider moved to the later date");
    // Alt+← and Alt+→ step too, and the earlier date picked stays picked.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run();
    assert!(!pact(&h));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    assert!(pact(&h));
    assert!(says(&h, "2 changed, 0 removed, 1 added, 2 same"));
    // Without an earlier date marked, nothing is marked.
    h.get_by_role_and_label(Role::ComboBox, relmap::ui::SINCE_LABEL)
        .click();
    h.run();
    h.get_by_label("nothing marked").click();
    h.run();
    assert!(says(&h, "0 changed, 0 removed, 0 added, 5 same"));
    h.get_by_label("Leave comparison").click();
    h.run();
    assert!(!h.state().is_comparing());
    assert_eq!(h.state().state().doc.dataset.relations.len(), 5);
}
