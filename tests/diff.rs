//! `relmap diff` on two maps of the same countries written years apart: ids that differ, an
//! actor renamed but matched by alias, a new actor, a tone that turns, a relation gone, one with
//! more evidence, one unchanged.

#[path = "support/table.rs"]
mod table;

#[path = "support/run.rs"]
mod run;

use relmap::model::{self, Change};

/// The fixtures: two maps of the same countries written years apart, and one map carrying
/// both articles as dated sources.
fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compare")
        .join(name)
}

const BEFORE: &str = "steppe-2012.relmap.json";
const AFTER: &str = "steppe-2023.relmap.json";
const THROUGH_TIME: &str = "steppe-through-time.relmap.json";

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail loudly"
)]
fn load(name: &str) -> model::Dataset {
    model::load_path(&fixture(name)).expect("the fixture loads")
}

/// The CSV rows `relmap` wrote to `path`, after checking the header is the documented one.
fn diff_rows(path: &std::path::Path) -> Vec<csv::StringRecord> {
    let t = table::read_file(path);
    assert_eq!(t.header, relmap::cli::DIFF_COLUMNS);
    t.rows
}

#[test]
fn relations_are_matched_across_ids_and_names_and_classified() {
    let before = load(BEFORE);
    let after = load(AFTER);
    let d = model::diff(&before, &after);
    let change_of = |id: &str| {
        let r = before.relation_index(id);
        d.relations
            .iter()
            .find(|x| x.before == r && r.is_some())
            .map(|x| x.change)
    };
    assert_eq!(change_of("cn-kz"), Some(Change::Changed), "more evidence");
    assert_eq!(
        change_of("kz-ru"),
        Some(Change::Changed),
        "tone turned; Russia matched by alias"
    );
    assert_eq!(change_of("cn-ru"), Some(Change::Removed));
    assert_eq!(
        change_of("us-kz"),
        Some(Change::Same),
        "USA matched by alias, ids differ"
    );
    let added: Vec<&str> = d
        .relations
        .iter()
        .filter(|x| x.change == Change::Added)
        .filter_map(|x| {
            x.after
                .and_then(|a| after.relation(a))
                .map(|r| r.id.as_str())
        })
        .collect();
    assert_eq!(added, ["kz-tr"], "Turkey is new");
    assert_eq!(d.summary(), "2 changed, 1 removed, 1 added, 1 same");
}

#[test]
fn the_cli_writes_csv_markdown_and_html_and_prints_the_summary() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::copy(fixture(BEFORE), dir.path().join("a.relmap.json")).expect("a");
    std::fs::copy(fixture(AFTER), dir.path().join("b.relmap.json")).expect("b");
    let out = run::relmap(
        &["diff", "a.relmap.json", "b.relmap.json", "--out", "d.csv"],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{said}");
    assert!(
        said.starts_with("2 changed, 1 removed, 1 added, 1 same"),
        "{said}"
    );
    let rows = diff_rows(&dir.path().join("d.csv"));
    let tone_turn = rows
        .iter()
        .find(|r| &r[1] == "Kazakhstan" && &r[2] == "Russia")
        .expect("the Kazakhstan–Russia row, named as in the first map");
    assert_eq!(
        (&tone_turn[0], &tone_turn[6], &tone_turn[7]),
        ("changed", "cooperation", "tension")
    );
    let new = rows
        .iter()
        .find(|r| &r[0] == "added")
        .expect("the added row");
    assert_eq!((&new[2], &new[4], &new[5]), ("Turkey", "", "Defence pact"));

    for name in ["d.md", "d.html"] {
        let out = run::relmap(
            &["diff", "a.relmap.json", "b.relmap.json", "--out", name],
            dir.path(),
        );
        assert!(out.status.success());
        let text = std::fs::read_to_string(dir.path().join(name)).expect("written");
        assert!(text.contains("tone cooperation → tension"), "{name}");
        assert!(
            text.contains("quarrel over transit"),
            "{name}: the after side's passage"
        );
        assert!(
            text.contains("cooperate closely"),
            "{name}: the before side's passage"
        );
    }
    // The figure of the compared map: inline in the HTML, beside the Markdown as an SVG.
    let html = std::fs::read_to_string(dir.path().join("d.html")).expect("html");
    assert!(html.contains("<svg") && html.contains(r#"class="new-mark""#));
    assert!(html.contains("Defence pact (new)") && html.contains("(removed)"));
    assert!(!html.contains("<?xml"), "the SVG is an element of the page");
    let md = std::fs::read_to_string(dir.path().join("d.md")).expect("md");
    assert!(md.contains("](d.svg)"), "the figure is linked: {md}");
    assert!(
        md.contains("Russia is matched as “Russian Federation”")
            && md.contains("new actors: Turkey"),
        "renamed and new actors are said: {md}"
    );
    assert!(
        md.contains("> — “Steppe 2023”, 2023 · ¶1"),
        "each passage says where it comes from: {md}"
    );
    assert!(
        html.contains(r#"<span class="new">new</span>"#),
        "a passage the first map lacked"
    );
    let svg = std::fs::read_to_string(dir.path().join("d.svg")).expect("the figure beside it");
    assert!(svg.contains(r#"class="was""#), "a changed line's old half");
    assert!(svg.contains("Compared"), "the legend explains the marks");
    // The same inputs give the same bytes.
    let again = run::relmap(
        &["diff", "a.relmap.json", "b.relmap.json", "--out", "e.html"],
        dir.path(),
    );
    assert!(again.status.success());
    assert_eq!(
        std::fs::read(dir.path().join("e.html")).expect("html"),
        html.as_bytes(),
        "deterministic"
    );
    // The figure alone, as a PNG.
    let out = run::relmap(
        &[
            "diff",
            "a.relmap.json",
            "b.relmap.json",
            "--figure",
            "d.png",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    let png = std::fs::read(dir.path().join("d.png")).expect("png");
    assert!(png.starts_with(b"\x89PNG"));
    let out = run::relmap(
        &["diff", "a.relmap.json", "b.relmap.json", "--out", "d.pdf"],
        dir.path(),
    );
    assert!(!out.status.success());
}

#[test]
fn one_map_is_compared_with_itself_between_two_dates() {
    let dir = tempfile::tempdir().expect("dir");
    let map = fixture(THROUGH_TIME);
    let map = map.to_str().expect("utf-8 path");
    let out = run::relmap(
        &[
            "diff", map, "--from", "2012", "--to", "2023", "--out", "t.csv",
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{said}");
    assert!(
        said.starts_with("2 changed, 0 removed, 1 added, 2 same"),
        "{said}"
    );
    let rows = diff_rows(&dir.path().join("t.csv"));
    let trade = rows
        .iter()
        .find(|r| &r[1] == "Kazakhstan" && &r[2] == "Russia")
        .expect("the Kazakhstan–Russia row");
    assert_eq!(
        (&trade[0], &trade[6], &trade[7], &trade[8], &trade[9]),
        ("changed", "cooperation", "mixed", "1", "2"),
        "the 2023 quarrel joins the 2012 cooperation"
    );
    assert!(rows.iter().any(|r| &r[0] == "added" && &r[2] == "Turkey"));
    // Before 2023 nothing of the later article counts: the two dates agree.
    let out = run::relmap(&["diff", map, "--from", "2012", "--to", "2015"], dir.path());
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        said.starts_with("0 changed, 0 removed, 0 added, 4 same"),
        "{said}"
    );
    assert!(
        said.contains("only gains evidence"),
        "what a map through time cannot show"
    );
    // Mistakes are told apart, each with what to do.
    for (args, expected) in [
        (vec!["diff", map, "--from", "1990"], "before every source"),
        (vec!["diff", map], "--from DATE"),
        (
            vec!["diff", map, "--from", "2023", "--to", "2012"],
            "earlier date first",
        ),
        (vec!["diff", map, map, "--from", "2012"], "leave them out"),
        (vec!["diff", map, "--from", "2012-13"], "is not a date"),
    ] {
        let out = run::relmap(&args, dir.path());
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "{args:?}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

#[test]
fn export_as_of_a_date_leaves_out_later_sources() {
    let dir = tempfile::tempdir().expect("dir");
    let map = fixture(THROUGH_TIME);
    let map = map.to_str().expect("utf-8 path");
    let out = run::relmap(
        &["export", map, "--as-of", "2015", "--out", "then.svg"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let then = std::fs::read_to_string(dir.path().join("then.svg")).expect("svg");
    assert!(then.contains(r#"data-relation="cn-ru-goals""#));
    assert!(
        !then.contains(r#"data-relation="kz-tr-pact""#),
        "the pact is from 2023"
    );
    assert!(!then.contains(">Turkey<"), "Turkey appears only in 2023");
    assert!(then.contains("as of 2015"), "the title says which date");
    assert!(
        !then.contains("Steppe 2023"),
        "the later source is not on the source line"
    );
    let out = run::relmap(
        &["export", map, "--as-of", "1999", "--out", "empty.svg"],
        dir.path(),
    );
    assert!(!out.status.success(), "an empty map is refused, not drawn");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 March 2012, June 2023"));
    let out = run::relmap(&["export", map, "--out", "now.svg"], dir.path());
    assert!(out.status.success());
    let now = std::fs::read_to_string(dir.path().join("now.svg")).expect("svg");
    assert!(now.contains(r#"data-relation="kz-tr-pact""#) && now.contains(">Turkey<"));
}

#[test]
fn maps_sharing_no_actor_are_all_added_and_removed() {
    let dir = tempfile::tempdir().expect("dir");
    let other = r#"{"format": "relmap/1", "title": "Andes",
      "source": {"title": "Andes", "text": "Peru and Chile trade copper."},
      "actors": [{"id": "pe", "name": "Peru", "kind": "state"}, {"id": "cl", "name": "Chile", "kind": "state"}],
      "relations": [{"id": "pe-cl", "source": "pe", "target": "cl", "label": "Copper", "dimension": "economy",
        "passages": [{"quote": "Peru and Chile trade copper"}]}]}"#;
    std::fs::write(dir.path().join("andes.relmap.json"), other).expect("write");
    let before = fixture(BEFORE);
    let out = run::relmap(
        &[
            "diff",
            before.to_str().expect("utf-8"),
            "andes.relmap.json",
            "--out",
            "d.csv",
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{said}");
    assert!(said.contains("share no actor"), "{said}");
    assert!(
        said.starts_with("0 changed, 4 removed, 1 added, 0 same"),
        "{said}"
    );
    assert_eq!(diff_rows(&dir.path().join("d.csv")).len(), 5);
}
