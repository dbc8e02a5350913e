//! Graded evidence (Admiralty code) as an analyst meets it: lines that say how far they can be
//! trusted, the minimum-grade and corroboration filters in the app and the CLI, and the
//! report's grade columns.

mod common;
#[path = "support/table.rs"]
mod table;

#[path = "support/run.rs"]
mod run;

use std::path::Path;

use egui_kittest::kittest::Queryable as _;
use relmap::export::{self, ExportOptions};
use relmap::map::{FilterCommand, MapState};
use relmap::model::{self, Grade};
use relmap::scene::{Backing, Style, Theme};

/// Two sources, a ministry (B) and a trader's blog (E), and three relations: China–Kazakhstan
/// quoted from both (B2 and E5: corroborated), China–Russia only from the blog (E5: weak),
/// Kazakhstan–Russia only from the ministry (B3).
const MAP: &str = r#"{"format": "relmap/1", "title": "Graded",
  "sources": [
    {"id": "ministry", "title": "Ministry note", "reliability": "B",
     "text": "China and Kazakhstan signed a long pipeline deal in March. Kazakhstan and Russia agreed new customs rules for the border."},
    {"id": "blog", "title": "Trader's blog", "reliability": "E",
     "text": "China and Kazakhstan signed a long pipeline deal, a trader says. China and Russia quarrelled over the same pipeline route, he claims."}],
  "actors": [{"id": "cn", "name": "China", "kind": "state"},
             {"id": "kz", "name": "Kazakhstan", "kind": "state"},
             {"id": "ru", "name": "Russia", "kind": "state"}],
  "relations": [
    {"id": "cn-kz", "source": "cn", "target": "kz", "label": "Pipeline deal", "tone": "cooperation",
     "passages": [
       {"quote": "China and Kazakhstan signed a long pipeline deal in March", "source": "ministry", "credibility": 2},
       {"quote": "China and Kazakhstan signed a long pipeline deal, a trader says", "source": "blog", "credibility": 5}]},
    {"id": "cn-ru", "source": "cn", "target": "ru", "label": "Route quarrel", "tone": "tension",
     "passages": [{"quote": "China and Russia quarrelled over the same pipeline route", "source": "blog", "credibility": 5}]},
    {"id": "kz-ru", "source": "kz", "target": "ru", "label": "Customs rules", "tone": "cooperation",
     "passages": [{"quote": "Kazakhstan and Russia agreed new customs rules for the border", "source": "ministry", "credibility": 3}]}]}"#;

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn state() -> MapState {
    MapState::new(model::load_str(MAP, "graded.relmap.json").expect("fixture loads"))
}

fn shown_ids(state: &MapState) -> Vec<String> {
    let d = &state.doc.dataset;
    d.relations
        .iter()
        .zip(state.visible_relations())
        .filter(|(_, v)| *v)
        .map(|(r, _)| r.id.clone())
        .collect()
}

#[test]
fn lines_say_how_far_they_can_be_trusted_on_screen_and_in_the_figure() {
    let s = state();
    let d = &s.doc.dataset;
    let style = Style::for_theme(Theme::Light);
    let scene = s.scene_cached(&style);
    let backing = |id: &str| {
        let r = d.relation_index(id).expect("relation");
        scene
            .edges
            .iter()
            .find(|e| e.relation == r)
            .expect("drawn")
            .backing
    };
    assert_eq!(backing("cn-kz"), Backing::Corroborated, "two sources");
    assert_eq!(backing("cn-ru"), Backing::Weak, "only E5 evidence");
    assert_eq!(backing("kz-ru"), Backing::Single);
    assert!(scene.legend.corroborated && scene.legend.weak);

    let svg = export::figure_svg(&s.figure(&ExportOptions::default()));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    let double = doc
        .descendants()
        .find(|n| n.has_tag_name("g") && n.attribute("class") == Some("relation"))
        .expect("a double line is a group of strands");
    assert_eq!(
        double.children().filter(|c| c.has_tag_name("path")).count(),
        2
    );
    assert!(svg.contains(">2+ sources<") && svg.contains(">weak evidence<"));
    assert!(svg.contains(">Evidence<"), "the legend's group heading");
}

#[test]
fn a_minimum_grade_keeps_passages_graded_at_least_that_and_their_relations() {
    let mut s = state();
    s.apply(FilterCommand::SetMinGrade(Grade::parse_full("B2").ok()));
    assert_eq!(
        shown_ids(&s),
        ["cn-kz"],
        "B2 keeps A–B sources and 1–2 information"
    );
    // The report follows: only the B2 passage, with its grade and the relation's sources.
    let input = s.report_input(None, false);
    let csv = export::report_csv(&s.doc.dataset, &input);
    let t = table::read(csv.as_bytes());
    let (col, rows) = (|name: &str| t.col(name), &t.rows);
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][col("grade")], "B2");
    assert_eq!(&rows[0][col("reliability")], "B");
    assert_eq!(&rows[0][col("credibility")], "2");
    assert_eq!(&rows[0][col("corroboration")], "2");

    // Only the source's half: B or better, any credibility.
    s.apply(FilterCommand::SetMinGrade(Some(Grade {
        reliability: Grade::parse_full("B6").ok().and_then(|g| g.reliability),
        credibility: None,
    })));
    assert_eq!(shown_ids(&s), ["cn-kz", "kz-ru"]);
    s.apply(FilterCommand::SetMinGrade(None));
    s.apply(FilterCommand::SetOnlyCorroborated(true));
    assert_eq!(shown_ids(&s), ["cn-kz"], "only relations two sources back");
    s.apply(FilterCommand::ClearFilters);
    assert_eq!(shown_ids(&s).len(), 3);

    let html = export::report_html(
        &s.doc.dataset,
        &s.report_input(None, false),
        &export::figure_svg(&s.figure(&ExportOptions::default())),
    );
    assert!(html.contains("· 2 sources"), "corroboration in the heading");
    assert!(html.contains("E5 · "), "the grade beside the passage");
}

/// Runs relmap; whether it succeeded, and what it printed.
fn relmap(args: &[&str], cwd: &Path) -> (bool, String) {
    let out = run::relmap(args, cwd);
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn the_cli_takes_a_minimum_grade_for_reports_and_figures() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("graded.relmap.json"), MAP).expect("write");
    let (ok, said) = relmap(
        &[
            "report",
            "graded.relmap.json",
            "--min-grade",
            "B2",
            "--out",
            "r.csv",
        ],
        dir.path(),
    );
    assert!(ok, "{said}");
    let csv = std::fs::read_to_string(dir.path().join("r.csv")).expect("csv");
    assert_eq!(
        csv.lines().count(),
        2,
        "the header and the one B2 passage: {csv}"
    );
    let (ok, said) = relmap(
        &[
            "export",
            "graded.relmap.json",
            "--min-grade",
            "E5",
            "--out",
            "m.svg",
        ],
        dir.path(),
    );
    assert!(ok, "{said}");
    let svg = std::fs::read_to_string(dir.path().join("m.svg")).expect("svg");
    assert_eq!(
        svg.matches("data-relation=").count(),
        3,
        "E5 keeps every graded line"
    );
    let (ok, said) = relmap(
        &[
            "report",
            "graded.relmap.json",
            "--min-grade",
            "G9",
            "--out",
            "r.csv",
        ],
        dir.path(),
    );
    assert!(!ok);
    assert!(
        said.contains("“G9” is not a grade") && said.contains("B2"),
        "{said}"
    );
}

#[test]
fn the_view_menu_sets_a_minimum_grade_and_corroboration() {
    let mut h = common::harness_for(state());
    // The legend says what double and hollow lines mean.
    h.get_by_label("2+ sources");
    h.get_by_label("weak evidence");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Only corroborated (2+ sources)").click();
    h.run();
    assert!(h.state().state().lens.filters.only_corroborated);
    assert_eq!(shown_ids(h.state().state()), ["cn-kz"]);
    // The click closed the menu, as menu items do.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Only corroborated (2+ sources)").click();
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Minimum grade: any").click();
    h.run();
    h.get_by_label("B or better · usually reliable").click();
    h.run();
    assert_eq!(
        h.state()
            .state()
            .lens
            .filters
            .min_grade
            .map(|g| g.to_string()),
        Some("B".to_owned())
    );
    assert_eq!(shown_ids(h.state().state()), ["cn-kz", "kz-ru"]);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Minimum grade: B").click();
    h.run();
    h.get_by_label("2 or better · probably true").click();
    h.run();
    assert_eq!(shown_ids(h.state().state()), ["cn-kz"], "B2");
}

#[test]
fn merging_keeps_grades_and_counts_both_maps_sources() {
    let one = |id: &str, reliability: &str, text: &str, credibility: u8| {
        format!(
            r#"{{"format": "relmap/1", "title": "{id}",
              "source": {{"title": "{id}", "reliability": "{reliability}", "text": "{text}"}},
              "actors": [{{"id": "cn", "name": "China", "kind": "state"}},
                         {{"id": "kz", "name": "Kazakhstan", "kind": "state"}}],
              "relations": [{{"id": "cn-kz", "source": "cn", "target": "kz", "label": "Pipeline deal",
                "passages": [{{"quote": "China and Kazakhstan signed a long pipeline deal", "credibility": {credibility}}}]}}]}}"#
        )
    };
    let ministry = model::load_str(
        &one(
            "Ministry note",
            "B",
            "China and Kazakhstan signed a long pipeline deal in March.",
            2,
        ),
        "a",
    )
    .expect("a");
    let blog = model::load_str(
        &one(
            "Trader's blog",
            "E",
            "China and Kazakhstan signed a long pipeline deal, he says.",
            5,
        ),
        "b",
    )
    .expect("b");
    let d = &ministry;
    assert_eq!(d.corroboration(&d.relations[model::RelationId(0)]), 1);
    let (merged, _) = model::merge(ministry.clone(), &blog);
    assert_eq!(merged.relations.len(), 1, "the same relation in both maps");
    let rel = &merged.relations[model::RelationId(0)];
    let grades: Vec<String> = rel
        .passages
        .iter()
        .map(|p| merged.grade(p).to_string())
        .collect();
    assert_eq!(
        grades,
        ["B2", "E5"],
        "each passage keeps its grade and its source's"
    );
    assert_eq!(merged.corroboration(rel), 2, "both maps' sources count");
}

#[test]
fn the_handout_follows_the_grade_filter() {
    let mut s = state();
    s.apply(FilterCommand::SetMinGrade(Grade::parse_full("B2").ok()));
    let figure = s.figure(&ExportOptions::default());
    let html = export::handout_html(
        &s.doc.dataset,
        &figure,
        &export::figure_svg(&figure),
        s.lens.filters.min_grade,
    );
    assert_eq!(
        html.matches(r#""quote":"#).count(),
        1,
        "only the B2 passage"
    );
    assert!(html.contains(r#""grade":"B2""#));
}
