//! `relmap diff` on two maps of the same countries written years apart: ids that differ, an
//! actor renamed but matched by alias, a new actor, a tone that turns, a relation gone, one with
//! more evidence, one unchanged.

#[path = "support/run.rs"]
mod run;

use relmap::model::{self, Change};

const BEFORE: &str = r#"{"format": "relmap/1", "title": "Steppe 2012",
  "source": {"title": "Steppe 2012", "date": "2012",
    "text": "China and Kazakhstan built a pipeline together. Kazakhstan and Russia cooperate closely in a customs union. China and Russia share goals in Central Asia. The United States and Kazakhstan train officers together."},
  "actors": [{"id": "cn", "name": "China", "kind": "state"},
             {"id": "kz", "name": "Kazakhstan", "kind": "state"},
             {"id": "ru", "name": "Russia", "kind": "state"},
             {"id": "us", "name": "United States", "kind": "state"}],
  "relations": [
    {"id": "cn-kz", "source": "cn", "target": "kz", "label": "Pipeline", "dimension": "energy", "tone": "cooperation",
     "passages": [{"quote": "China and Kazakhstan built a pipeline together"}]},
    {"id": "kz-ru", "source": "kz", "target": "ru", "label": "Customs union", "dimension": "economy", "tone": "cooperation",
     "passages": [{"quote": "Kazakhstan and Russia cooperate closely in a customs union"}]},
    {"id": "cn-ru", "source": "cn", "target": "ru", "label": "Shared goals", "dimension": "diplomacy", "tone": "cooperation",
     "passages": [{"quote": "China and Russia share goals in Central Asia"}]},
    {"id": "us-kz", "source": "us", "target": "kz", "label": "Officer training", "dimension": "security", "tone": "cooperation",
     "passages": [{"quote": "The United States and Kazakhstan train officers together"}]}]}"#;

const AFTER: &str = r#"{"format": "relmap/1", "title": "Steppe 2023",
  "source": {"title": "Steppe 2023", "date": "2023",
    "text": "China and Kazakhstan built a pipeline together. A second pipeline from Kazakhstan to China opened. Kazakhstan and the Russian Federation quarrel over transit since the war. Kazakhstan and Turkey signed a defence pact. The United States and Kazakhstan train officers together."},
  "actors": [{"id": "china", "name": "China", "kind": "state"},
             {"id": "kazakhstan", "name": "Kazakhstan", "kind": "state"},
             {"id": "rf", "name": "Russian Federation", "kind": "state", "aliases": ["Russia"]},
             {"id": "tr", "name": "Turkey", "kind": "state"},
             {"id": "usa", "name": "USA", "kind": "state", "aliases": ["United States"]}],
  "relations": [
    {"id": "pipelines", "source": "china", "target": "kazakhstan", "label": "Pipelines", "dimension": "energy", "tone": "cooperation",
     "passages": [{"quote": "China and Kazakhstan built a pipeline together"},
                  {"quote": "A second pipeline from Kazakhstan to China opened"}]},
    {"id": "transit", "source": "kazakhstan", "target": "rf", "label": "Customs union", "dimension": "economy", "tone": "tension",
     "passages": [{"quote": "Kazakhstan and the Russian Federation quarrel over transit since the war"}]},
    {"id": "kz-tr", "source": "kazakhstan", "target": "tr", "label": "Defence pact", "dimension": "security", "tone": "cooperation",
     "passages": [{"quote": "Kazakhstan and Turkey signed a defence pact"}]},
    {"id": "training", "source": "usa", "target": "kazakhstan", "label": "Officer training", "dimension": "security", "tone": "cooperation",
     "passages": [{"quote": "The United States and Kazakhstan train officers together"}]}]}"#;

#[test]
fn relations_are_matched_across_ids_and_names_and_classified() {
    let before = model::load_str(BEFORE, "before").expect("before loads");
    let after = model::load_str(AFTER, "after").expect("after loads");
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
    std::fs::write(dir.path().join("a.relmap.json"), BEFORE).expect("a");
    std::fs::write(dir.path().join("b.relmap.json"), AFTER).expect("b");
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
    let mut reader = csv::Reader::from_path(dir.path().join("d.csv")).expect("csv");
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, relmap::cli::DIFF_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
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
    let out = run::relmap(
        &["diff", "a.relmap.json", "b.relmap.json", "--out", "d.pdf"],
        dir.path(),
    );
    assert!(!out.status.success());
}
