//! UI tests of maps with several sources, driven through accessible labels like a user would:
//! source tabs in the article window, source labels in the side panel, the source filter,
//! adding a source and merging a map (undoable).

#![expect(
    clippy::expect_used,
    reason = "tests: a broken fixture must fail loudly"
)]

mod common;

use common::harness_for;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relmap::app::RelmapApp;
use relmap::map::MapState;
use relmap::model::{self, SourceId};

const TWO_SOURCES: &str = "tests/fixtures/sources/two-sources.relmap.json";

fn two_sources() -> Harness<'static, RelmapApp> {
    harness_for(MapState::new(
        model::load_path(std::path::Path::new(TWO_SOURCES)).expect("fixture loads"),
    ))
}

fn select(h: &mut Harness<'static, RelmapApp>, label: &str) {
    h.get_by_label_contains(label).click();
    h.run();
}

#[test]
fn the_side_panel_groups_passages_under_their_source() {
    let mut h = two_sources();
    select(&mut h, "Kazakhstan — Russia: Oil exports transit Russia");
    assert!(h.query_by_label("2 passages from 1 source").is_some());
    assert!(
        h.query_by_label("1) Caspian notes, 10 February 2023")
            .is_some(),
        "the passages' source, short title and date"
    );
    // The side panel's overview lists both sources with their coverage.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Sources").is_some());
    assert!(
        h.query_by_label("2) “Grain and rails across the steppe”")
            .is_some()
    );
}

#[test]
fn show_in_article_brings_the_passage_s_source_tab_and_tabs_switch_by_click() {
    let mut h = two_sources();
    select(&mut h, "Kazakhstan — China: Grain by rail through Khorgos");
    h.get_all_by_label("Show in article")
        .next()
        .expect("a passage")
        .click();
    h.run();
    let state = h.state().state();
    assert!(state.reader.open);
    assert_eq!(
        state.reader.source,
        SourceId(1),
        "the steppe article is shown"
    );
    assert!(
        h.query_by_label_contains("Article — Grain and rails across the steppe")
            .is_some()
    );
    // Its paragraphs are there, not the other article's.
    assert!(
        h.query_by_label_contains("Russian grain traders complain")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Caspian Pipeline Consortium")
            .is_none()
    );
    // A click on the first tab shows the other article.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "1) Caspian notes")
        .click();
    h.run();
    assert_eq!(h.state().state().reader.source, SourceId(0));
    assert!(
        h.query_by_label_contains("Caspian Pipeline Consortium")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Russian grain traders complain")
            .is_none()
    );
}

#[test]
fn switching_a_source_off_in_the_legend_hides_what_only_it_supports() {
    let mut h = two_sources();
    let shown = |h: &Harness<'static, RelmapApp>| {
        h.state()
            .state()
            .visible_relations()
            .iter()
            .filter(|v| **v)
            .count()
    };
    assert_eq!(shown(&h), 4);
    h.get_by_label_contains("2) Grain and rails").click();
    h.run();
    assert_eq!(
        shown(&h),
        2,
        "the two grain relations quote only the steppe article"
    );
    assert!(
        h.query_by_label_contains("Kazakhstan — China: Grain by rail")
            .is_none()
    );
    // The legend's button (the status line offers one too).
    h.get_all_by_label("Clear filters")
        .next()
        .expect("a Clear filters button")
        .click();
    h.run();
    assert_eq!(shown(&h), 4);
}

#[test]
fn add_source_attaches_an_article_whose_passages_cite_it_and_undo_takes_it_back() {
    let mut h = two_sources();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Add source…").click();
    h.run();
    let text = "Kazakhstan and China opened a second rail crossing in 2024.";
    h.get_by_label("Article text").click();
    h.run();
    h.get_by_label("Article text").type_text(text);
    h.run();
    h.get_by_label("Title").click();
    h.run();
    h.get_by_label("Title").type_text("Border crossings");
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Add source")
        .click();
    h.run();
    let state = h.state().state();
    assert_eq!(state.doc.dataset.sources.len(), 3);
    assert_eq!(
        state.doc.dataset.sources[relmap::model::SourceId(2)].id,
        "border-crossings"
    );
    assert_eq!(
        state.reader.source,
        SourceId(2),
        "its tab is shown, ready to quote"
    );
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Button, "3) Border crossings")
            .is_some()
    );
    // Quote the whole sentence: click the text, Ctrl+↑ to its start, Shift+End, E. The form
    // preselects the two actors it names; two relations join them, so it guesses neither
    // and Enter asks for a choice.
    h.get_by_label(relmap::ui::ARTICLE_TEXT_LABEL).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowUp);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::End);
    h.run();
    h.key_press(Key::E);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("Give the new relation a label")
            .is_some(),
        "no relation is guessed, and no unlabelled one is made"
    );
    h.get_all_by_label_contains("Add to:")
        .next()
        .expect("the pair's relations are offered")
        .click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let state = h.state().state();
    let p = state
        .doc
        .dataset
        .relations
        .iter()
        .flat_map(|r| &r.passages)
        .find(|p| p.quote == text)
        .expect("the new passage");
    assert_eq!(p.source, SourceId(2), "the passage cites the new source");
    assert_eq!(
        p.date.map(|d| d.to_string()).as_deref(),
        Some("2024"),
        "the date the sentence states"
    );
    // Undo twice: the passage, then the source.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state().doc.dataset.sources.len(), 2);
    assert_eq!(h.state().state().reader.source, SourceId(0));
}

#[test]
fn merging_a_map_matches_actors_and_undo_restores_the_map() {
    let mut h = harness_for(MapState::new(model::builtin().expect("shipped map")));
    let before = h.state().state().doc.dataset.actors.len();
    h.state_mut().merge_path(std::path::Path::new(
        "tests/fixtures/sources/rail-corridor.relmap.json",
    ));
    h.run();
    let state = h.state().state();
    assert_eq!(state.doc.dataset.actors.len(), before + 1);
    assert_eq!(state.doc.dataset.sources.len(), 2);
    assert!(
        h.query_by_label_contains("actors: 3 matched, 1 added")
            .is_some()
    );
    // The merged relation's passages are labelled with their source in the side panel.
    select(&mut h, "Kazakhstan — China: Grain by rail through Khorgos");
    assert!(
        h.query_by_label("2) Grain and rails across the steppe, January 2024")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let state = h.state().state();
    assert_eq!(
        state.doc.dataset.actors.len(),
        before,
        "undo takes the merge back"
    );
    assert_eq!(state.doc.dataset.sources.len(), 1);
}

#[test]
fn a_source_s_details_are_edited_from_the_side_panel_and_undone() {
    let mut h = two_sources();
    // The overview lists both sources, each with "Edit…".
    h.get_all_by_label("Edit…")
        .nth(1)
        .expect("the second source's Edit button")
        .click();
    h.run();
    h.get_by_label("Date").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Date").type_text("2024-02-15");
    h.run();
    h.get_by_label("Save changes").click();
    h.run();
    let date = |h: &Harness<'static, RelmapApp>| {
        h.state().state().doc.dataset.sources[relmap::model::SourceId(1)]
            .meta
            .date
            .map(|d| d.to_string())
    };
    assert_eq!(date(&h).as_deref(), Some("2024-02-15"));
    assert!(
        h.state()
            .state()
            .doc
            .dataset
            .source_line()
            .contains("15 February 2024"),
        "the figure's source line follows"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(date(&h).as_deref(), Some("2024-01"));
}

#[test]
fn a_pdf_read_into_the_new_map_form_brings_its_pages_and_metadata() {
    let mut h = two_sources();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run();
    // No system file dialog in tests: the form shows its own path field.
    h.get_by_label("Read from file…").click();
    h.run();
    let pdf = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents/article.pdf");
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.is_focused())
        .expect("the file field has the keyboard")
        .type_text(pdf.to_str().expect("utf-8 path"));
    h.run();
    h.get_by_label("Read").click();
    h.run();
    // The file is read on a worker; the form says so meanwhile.
    h.state_mut().wait_for_jobs();
    h.run();
    let Some(relmap::app::Modal::NewMap(form)) = h.state().modal() else {
        panic!("the form stays open: {:?}", h.state().modal());
    };
    assert_eq!(
        form.title, "Pipelines and Partners on the Steppe",
        "from the metadata"
    );
    assert_eq!(form.author, "Dana Iskakova");
    assert_eq!(form.date, "2016-05-12");
    assert!(form.text.contains("[[page 2]]"), "the page break is shown");
    assert!(
        h.query_by_label_contains("left out the running header")
            .is_some(),
        "what was left out is said"
    );
    h.get_by_label("Create map").click();
    h.run();
    let article = &h.state().state().doc.dataset.sources[SourceId(0)].article;
    assert_eq!(article.pages.len(), 3, "two pages and the footnote's run");
    assert!(
        !article.text.contains("[[page"),
        "marks become pages, not text"
    );
}
