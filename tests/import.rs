//! Other people's graphs: node-link JSON (by id and by index) and CSV edge lists.

use std::path::Path;

use relmap::model::{self, ActorKind, Dimension, Tone};

fn load(name: &str) -> model::Dataset {
    model::load_path(&Path::new("tests/fixtures").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn networkx_node_link_by_id() {
    let d = load("networkx.json");
    assert_eq!(d.title, "Caspian energy links");
    assert_eq!(d.actors.len(), 5);
    assert_eq!(d.relations.len(), 5, "the self-loop is skipped");
    assert_eq!(d.notes.len(), 1, "and the user is told");
    assert_eq!(d.actors[relmap::model::ActorId(0)].name, "Kazakhstan");
    assert_eq!(d.actors[relmap::model::ActorId(3)].name, "Turkmenistan");
    assert_eq!(
        d.actors[relmap::model::ActorId(4)].kind,
        ActorKind::Organization
    );
    assert_eq!(
        d.actors[relmap::model::ActorId(2)].kind,
        ActorKind::Unspecified
    );
    assert_eq!(d.relations[relmap::model::RelationId(0)].weight, 3.0);
    assert_eq!(
        d.relations[relmap::model::RelationId(2)].weight,
        2.0,
        "value is read as strength"
    );
    assert_eq!(
        d.relations[relmap::model::RelationId(0)].dimension,
        Dimension::Energy
    );
    assert_eq!(
        d.relations[relmap::model::RelationId(3)].tone,
        Tone::Cooperation
    );
    assert!(
        d.relations.iter().all(|r| r.passages.is_empty()),
        "no evidence"
    );
}

#[test]
fn d3_node_link_by_index() {
    let d = load("d3_index.json");
    assert_eq!(d.actors.len(), 4);
    assert_eq!(d.relations.len(), 3);
    let r = &d.relations[relmap::model::RelationId(2)];
    assert_eq!(
        (d.actors[r.from].name.as_str(), d.actors[r.to].name.as_str()),
        ("Beijing", "Washington")
    );
}

#[test]
fn csv_with_origin_destination_headers() {
    let d = load("trade_routes.csv");
    assert_eq!(d.title, "trade_routes");
    assert_eq!(d.actors.len(), 4);
    assert_eq!(d.relations.len(), 5);
    let r = &d.relations[relmap::model::RelationId(3)];
    assert_eq!(d.actors[r.from].name, "Russia");
    assert_eq!(r.tone, Tone::Tension);
    assert_eq!(r.dimension, Dimension::Security);
    assert_eq!(
        d.relations[relmap::model::RelationId(0)].passages.len(),
        1,
        "a quote column gives a passage"
    );
    assert!(
        d.relations[relmap::model::RelationId(0)].passages[0]
            .anchor
            .is_none(),
        "with no article to anchor it in"
    );
    assert!(
        d.relations[relmap::model::RelationId(1)]
            .passages
            .is_empty()
    );
}

#[test]
fn csv_falls_back_to_the_first_two_columns_and_sniffs_semicolons() {
    let d = load("plain_columns.csv");
    let names: Vec<&str> = d.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["India", "China", "Pakistan"]);
    assert_eq!(d.relations.len(), 2);
}

#[test]
fn import_errors_are_located() {
    let e = model::load_str(
        r#"{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "zz"}]}"#,
        "g.json",
    )
    .expect_err("dangling");
    assert!(
        e.to_string()
            .contains("g.json: links[0].target: target \"zz\" names no actor"),
        "{e}"
    );
    let e = model::load_str("source,target\nA,\n", "e.csv").expect_err("empty end");
    assert!(
        e.to_string().contains("e.csv: line 2: target is empty"),
        "{e}"
    );
    let e = model::load_str("a,b,weight\nA,B,heavy\n", "w.csv").expect_err("bad weight");
    assert!(e.to_string().contains("line 2.weight: weight heavy"), "{e}");
    let e = model::load_str("source,target\n\"A,B\n", "q.csv").expect_err("unterminated quote");
    assert!(e.to_string().starts_with("q.csv:"), "{e}");
}

#[test]
fn check_and_export_accept_imports() {
    let bin = env!("CARGO_BIN_EXE_relmap");
    let dir = tempfile::tempdir().expect("tmp");
    for fixture in ["networkx.json", "trade_routes.csv"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture);
        let o = std::process::Command::new(bin)
            .args(["check"])
            .arg(&path)
            .output()
            .expect("run");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(String::from_utf8_lossy(&o.stdout).contains("no evidence"));
        let out = dir.path().join(format!("{fixture}.svg"));
        let o = std::process::Command::new(bin)
            .arg("export")
            .arg(&path)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("run");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let svg = std::fs::read_to_string(&out).expect("svg");
        assert!(
            svg.contains("no evidence"),
            "legend names the no-evidence style"
        );
    }
}
