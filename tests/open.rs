//! Opening other datasets from the app: bad files never replace the map you had.

mod graphs;

use std::io::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use relmap::app::RelmapApp;
use relmap::map::MapState;

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn app() -> RelmapApp {
    RelmapApp::from_state(MapState::new(relmap::model::builtin().expect("built-in")))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn a_broken_file_keeps_the_current_map_and_shows_the_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let broken = dir.path().join("broken.relmap.json");
    std::fs::write(
        &broken,
        "{\n  \"format\": \"relmap/1\",\n  \"actors\": [,]\n}",
    )
    .expect("write");
    let mut app = app();
    let title = app.state().doc.dataset.title.clone();
    app.open_path(broken, None);
    app.wait_for_load();
    assert_eq!(
        app.state().doc.dataset.title,
        title,
        "the map you had stays"
    );
    let (heading, lines) = app.error().expect("an error is shown");
    assert!(heading.contains("broken.relmap.json"));
    assert!(
        lines.iter().any(|l| l.contains("broken.relmap.json:3:14")),
        "{lines:?}"
    );
    assert!(
        app.recent().is_empty(),
        "a refused file is not a recent file"
    );
}

#[test]
fn opening_a_csv_replaces_the_map_and_is_remembered() {
    let mut app = app();
    app.open_path(fixture("trade_routes.csv"), None);
    app.wait_for_load();
    assert!(app.error().is_none());
    assert_eq!(app.state().doc.dataset.title, "trade_routes");
    assert_eq!(app.state().doc.dataset.relations.len(), 5);
    assert!(app.recent()[0].ends_with("trade_routes.csv"));
    app.open_path(fixture("networkx.json"), None);
    app.wait_for_load();
    assert_eq!(app.recent().len(), 2);
    assert!(app.recent()[0].ends_with("networkx.json"));
}

#[test]
fn a_5000_relation_csv_loads_off_the_ui_thread() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("big.csv");
    let mut f = std::fs::File::create(&path).expect("create");
    writeln!(f, "source,target,weight").expect("write");
    for i in 0..5_000u64 {
        // A sparse random-ish graph over 2,000 actors.
        let a = (i * 7_919) % 2_000;
        let b = (i * 104_729 + 13) % 2_000;
        if a != b {
            writeln!(f, "n{a},n{b},{}", 1 + i % 5).expect("write");
        }
    }
    drop(f);
    let mut app = app();
    let t = Instant::now();
    app.open_path(path, None);
    assert!(
        t.elapsed().as_millis() < 200,
        "open_path returns at once; the work is on a worker thread"
    );
    assert_eq!(
        app.state().doc.dataset.title,
        "China–Kazakhstan partnership (2012)",
        "old map shown meanwhile"
    );
    app.wait_for_load();
    assert_eq!(app.state().doc.dataset.actors.len(), 2_000);
    assert!(
        app.state()
            .place
            .positions
            .iter()
            .all(|p| p.x.is_finite() && p.y.is_finite())
    );
}

#[test]
fn a_drag_moves_only_the_dropped_actor_and_unpinning_it_lets_the_rest_make_room() {
    use relmap::map::{EditCommand, LayoutRun};
    use relmap::model::ActorId;
    let d = relmap::model::load_path(&fixture("networkx.json")).expect("fixture");
    let mut state = MapState::new(d);
    assert!(state.force_laid_out());
    let before = state.place.positions.clone();
    let target = state.place.positions[ActorId(0)] + egui::vec2(300.0, 120.0);
    state.apply(EditCommand::StartDrag(ActorId(0)));
    state.apply(EditCommand::DragTo(target));
    state.apply(EditCommand::EndDrag);
    // The others keep the places the user sees, so Ctrl+Z gives back the whole picture.
    assert!(!state.layout_running());
    assert_eq!(state.place.positions[ActorId(0)], target);
    assert!(state.place.pinned[ActorId(0)]);
    for (a, p) in before.iter_enumerated().skip(1) {
        assert_eq!(state.place.positions[a], *p, "{a} stayed");
    }
    state.apply(EditCommand::Undo);
    assert_eq!(state.place.positions, before, "undo restores every actor");
    state.apply(EditCommand::Redo);

    // Unpinning asks for room: the rest relaxes around the actor, now free.
    state.apply(EditCommand::Unpin(ActorId(0)));
    assert!(state.layout_running());
    let mut frames = 0;
    let mut run = LayoutRun::default();
    while state.layout_running() {
        if let Some(step) = run.step(&state, std::time::Duration::from_millis(8)) {
            state.apply(step);
        }
        frames += 1;
        assert!(frames < 2_000, "the relaxation settles");
    }
    let moved = (1..before.len())
        .filter(|&i| (state.place.positions[ActorId(i)] - before[ActorId(i)]).length() > 1.0)
        .count();
    assert!(moved > 0, "its neighbours made room");
    assert!(
        state
            .place
            .positions
            .iter()
            .all(|p| p.x.is_finite() && p.y.is_finite())
    );
}

#[test]
fn a_quote_no_longer_in_the_article_is_kept_and_flagged_not_moved() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("edited.relmap.json");
    std::fs::write(
        &path,
        r#"{"format": "relmap/1",
            "source": {"title": "T", "text": "China and Kazakhstan signed a long pipeline deal in March.\n\nThe deal worries many observers in the region."},
            "actors": [{"id": "cn", "name": "China", "kind": "state"},
                       {"id": "kz", "name": "Kazakhstan", "kind": "state"}],
            "relations": [{"id": "r", "source": "cn", "target": "kz",
                           "passages": [{"quote": "China and Kazakhstan signed a long pipeline deal in March."},
                                        {"quote": "China and Kazakhstan once quarrelled about water rights."}]}]}"#,
    )
    .expect("write");
    // `relmap check` (strict) still refuses it, naming the passage.
    let err = relmap::model::load_path(&path).expect_err("strict load refuses");
    assert!(err.to_string().contains("passages[1]"), "{err}");
    // The app opens it: the passage stays, unanchored, flagged.
    let d = relmap::model::load_path_keeping_unanchored(&path).expect("opens");
    let rel = &d.relations[relmap::model::RelationId(0)];
    assert_eq!(rel.passages.len(), 2);
    assert!(rel.passages[1].anchor.is_none());
    assert_eq!(
        rel.passages[1].quote,
        "China and Kazakhstan once quarrelled about water rights."
    );
    let flagged: Vec<String> = d.warnings.iter().map(|w| w.kind.to_string()).collect();
    assert!(
        flagged
            .iter()
            .any(|w| w.starts_with("not found in the article: re-check")),
        "{flagged:?}"
    );
    // Saving keeps the quote as it was.
    let saved = relmap::model::to_relmap_json(&d);
    assert!(saved.contains("once quarrelled about water rights"));
}

#[test]
fn graphml_gexf_and_spreadsheets_open_and_a_pdf_is_refused_keeping_the_map() {
    let mut app = app();
    for (name, actors) in [
        ("formats/nx-digraph.graphml", 5),
        ("formats/gephi-1.3.gexf", 3),
        ("formats/kumu.xlsx", 5),
        ("formats/edges.ods", 3),
    ] {
        app.open_path(fixture(name), None);
        app.wait_for_load();
        assert!(app.error().is_none(), "{name}: {:?}", app.error());
        assert_eq!(app.state().doc.dataset.actors.len(), actors, "{name}");
    }
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = dir.path().join("briefing.graphml");
    std::fs::write(&pdf, b"%PDF-1.7\n1 0 obj\n").expect("write");
    app.open_path(pdf, None);
    app.wait_for_load();
    assert_eq!(
        app.state().doc.dataset.title,
        "edges",
        "the map you had stays"
    );
    let (_, lines) = app.error().expect("an error is shown");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("it looks like a PDF document")),
        "{lines:?}"
    );
}

#[test]
fn a_large_map_is_shown_at_once_with_its_layout_already_running() {
    // 1,000 actors and 50,000 relations: past the size laid out live.
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("large.json");
    let n = 1_000;
    let ring = (0..n).flat_map(|i| (1..=50).map(move |s| (i, (i + s) % n)));
    let json = graphs::node_link_json("a", n, ring);
    std::fs::write(&path, json).expect("write");
    let mut app = app();
    app.open_path(path, None);
    app.wait_for_load();
    assert!(app.error().is_none(), "{:?}", app.error());
    let state = app.state();
    assert_eq!(state.doc.dataset.actors.len(), n);
    assert!(state.place.layout_request.wanted && state.place.layout_request.first);
    assert!(
        app.live_layout_progress().is_some(),
        "the loader's layout runs on"
    );
    // It ends where laying the map out before showing it would have.
    let expected = relmap::layout::default_positions(&state.doc.dataset, 0);
    let started = Instant::now();
    while app.state().place.layout_request.wanted {
        assert!(started.elapsed().as_secs() < 120, "the layout settles");
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.step_layout();
    }
    assert_eq!(app.state().place.positions.raw, expected);
}

#[test]
fn opening_a_file_reports_how_much_has_been_read_and_which_step_runs() {
    use relmap::model::{LoadProgress, LoadStep};
    use std::sync::Arc;
    let dir = tempfile::tempdir().expect("tmp");
    let n = 40_000;
    let path = dir.path().join("ring.json");
    std::fs::write(
        &path,
        graphs::node_link_json("actor", n, (0..n).map(|i| (i, (i + 1) % n))),
    )
    .expect("write");
    let size = std::fs::metadata(&path).expect("size").len();
    assert!(size > 2_000_000, "large enough to read in several pieces");
    let progress = Arc::new(LoadProgress::default());
    let (p, file) = (progress.clone(), path.clone());
    let reader = std::thread::spawn(move || relmap::model::load_path_showing_progress(&file, &p));
    // What a window polling the bar would see: it never goes back.
    let mut seen = Vec::new();
    while !reader.is_finished() {
        seen.push(progress.snapshot());
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let dataset = reader.join().expect("no panic").expect("loads");
    assert_eq!(dataset.actors.len(), n);
    let last = progress.snapshot();
    seen.push(last);
    for pair in seen.windows(2) {
        assert!(
            pair[1].overall() >= pair[0].overall() && pair[1].bytes_done >= pair[0].bytes_done,
            "the bar went back: {pair:?}"
        );
    }
    assert_eq!(last.step, LoadStep::Checking, "reading ends with the lint");
    assert_eq!((last.bytes_done, last.bytes_total), (size, size));
    assert!(
        last.describe().starts_with("checking"),
        "{}",
        last.describe()
    );
}
