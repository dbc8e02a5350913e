//! GraphML, GEXF and spreadsheets as other tools write them (fixtures from networkx 3.6 by
//! tests/fixtures/formats/make_fixtures.py, plus a hand-written yEd and Gephi 1.3 file), files
//! relmap must refuse, and the GraphML export read back.

use std::path::Path;

use relmap::model::{self, ActorKind, Dataset, Dimension};

fn load(name: &str) -> Dataset {
    model::load_path(&Path::new("tests/fixtures/formats").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `(source name, target name, label, directed, weight)` of every relation, in file order.
fn edges(d: &Dataset) -> Vec<(String, String, String, bool, f32)> {
    d.relations
        .iter()
        .map(|r| {
            (
                d.actors[r.from].name.clone(),
                d.actors[r.to].name.clone(),
                r.label.clone(),
                r.directed,
                r.weight,
            )
        })
        .collect()
}

fn edge(
    s: &str,
    t: &str,
    label: &str,
    directed: bool,
    w: f32,
) -> (String, String, String, bool, f32) {
    (s.into(), t.into(), label.into(), directed, w)
}

#[test]
fn networkx_graphml_digraph() {
    let d = load("nx-digraph.graphml");
    assert_eq!(d.title, "Caspian energy links");
    let names: Vec<&str> = d.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "China",
            "Kazakhstan",
            "Russia",
            "Shanghai Cooperation Organisation",
            "CNPC"
        ]
    );
    assert_eq!(d.actors[relmap::model::ActorId(0)].kind, ActorKind::State);
    assert_eq!(
        d.actors[relmap::model::ActorId(3)].kind,
        ActorKind::Organization
    );
    assert_eq!(
        d.actors[relmap::model::ActorId(4)].kind,
        ActorKind::Other("company".into())
    );
    assert_eq!(d.relations.len(), 6);
    assert!(d.relations.iter().all(|r| r.directed));
    let e = edges(&d);
    assert!(e.contains(&edge(
        "China",
        "Kazakhstan",
        "pipeline investment",
        true,
        3.0
    )));
    assert!(e.contains(&edge("Kazakhstan", "China", "oil exports", true, 2.5)));
    assert!(e.contains(&edge("CNPC", "Kazakhstan", "field stakes", true, 2.0)));
}

#[test]
fn networkx_graphml_multigraph_keeps_parallel_edges() {
    let d = load("nx-multigraph.graphml");
    assert_eq!(d.actors.len(), 3);
    assert_eq!(
        edges(&d),
        [
            edge("China", "Russia", "arms sales", false, 4.0),
            edge("China", "Russia", "border agreement", false, 1.0),
            edge("China", "Kazakhstan", "trade", false, 3.0),
            edge("Russia", "Kazakhstan", "customs union", false, 2.0),
        ]
    );
    // networkx writes keys as ids ("0" three times): ids stay unique all the same.
    let mut ids: Vec<&str> = d.relations.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 4);
}

#[test]
fn yed_graphml_labels_groups_arrows_and_geometry() {
    let d = load("yed.graphml");
    let names: Vec<&str> = d.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["China", "Kazakhstan", "Eurasian Economic Union", "Russia"]
    );
    let e = edges(&d);
    assert_eq!(e[0], edge("China", "Kazakhstan", "loans", true, 1.0));
    assert_eq!(
        e[1],
        edge("Russia", "Kazakhstan", "customs union", false, 1.0),
        "no arrowheads"
    );
    assert_eq!(
        (e[2].0.as_str(), e[2].1.as_str(), e[2].3),
        ("China", "Russia", true)
    );
    // Geometry gives every node a position: China left of Kazakhstan, Russia below both.
    let pos: Vec<[f32; 2]> = d
        .actors
        .iter()
        .map(|a| a.position.expect("yEd geometry"))
        .collect();
    assert!(pos[0][0] < pos[1][0] && pos[3][1] > pos[0][1], "{pos:?}");
}

#[test]
fn gexf_1_3_from_gephi() {
    let d = load("gephi-1.3.gexf");
    assert_eq!(d.title, "Sanctions network");
    assert_eq!(
        d.actors[relmap::model::ActorId(0)].kind,
        ActorKind::State,
        "declared default"
    );
    assert_eq!(
        d.actors[relmap::model::ActorId(1)].kind,
        ActorKind::Organization
    );
    assert_eq!(
        edges(&d),
        [
            edge("United States", "Iran", "sanctions", true, 5.0),
            edge("European Union", "Iran", "sanctions", true, 3.0),
            edge(
                "United States",
                "European Union",
                "coordination",
                false,
                2.0
            ),
        ]
    );
    assert_eq!(
        d.relations[relmap::model::RelationId(0)].dimension,
        Dimension::Economy
    );
    // Gephi's y points up: Iran (y = -60) is drawn below the United States (y = 80).
    let y = |i: usize| {
        d.actors[relmap::model::ActorId(i)]
            .position
            .expect("viz:position")[1]
    };
    assert!(y(2) > y(0), "Iran below the United States");
}

#[test]
fn gexf_1_2_from_networkx() {
    let d = load("nx-digraph.gexf");
    assert_eq!(d.title, "Caspian energy links");
    assert_eq!(d.actors.len(), 5);
    assert_eq!(
        d.actors[relmap::model::ActorId(4)].kind,
        ActorKind::Other("company".into())
    );
    assert_eq!(d.relations.len(), 6);
    assert!(d.relations.iter().all(|r| r.directed));
    assert!(edges(&d).contains(&edge(
        "China",
        "Kazakhstan",
        "pipeline investment",
        true,
        3.0
    )));
    assert!(
        d.actors.iter().all(|a| a.position.is_some()),
        "viz positions used"
    );
}

#[test]
fn node_link_tuple_ids_match_by_value() {
    let d = load("nx-grid-tuples.json");
    assert_eq!(d.actors.len(), 6);
    assert_eq!(
        d.relations.len(),
        7,
        "every link found its tuple-named nodes"
    );
    assert_eq!(d.actors[relmap::model::ActorId(0)].name, "(0, 0)");
    let e = edges(&d);
    assert_eq!((e[0].0.as_str(), e[0].1.as_str()), ("(0, 0)", "(1, 0)"));
}

#[test]
fn kumu_workbook_elements_and_connections() {
    let d = load("kumu.xlsx");
    let names: Vec<&str> = d.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["China", "Kazakhstan", "Russia", "SCO", "Khorgos Gateway"]
    );
    assert_eq!(
        d.actors[relmap::model::ActorId(0)].kind,
        ActorKind::State,
        "Kumu's Country"
    );
    assert_eq!(
        d.actors[relmap::model::ActorId(3)].kind,
        ActorKind::Organization
    );
    let e = edges(&d);
    assert_eq!(
        e[0],
        edge("China", "Kazakhstan", "pipeline investment", true, 3.0)
    );
    assert_eq!(
        e[1],
        edge("Russia", "Kazakhstan", "customs union", false, 2.0)
    );
    assert!(!e[2].3, "mutual is drawn without an arrow");
    assert!(e[3].3, "Kumu's default direction is directed");
    assert_eq!((e[4].1.as_str(), e[4].4), ("Khorgos Gateway", 1.0));
}

#[test]
fn ods_edge_list_on_the_first_sheet() {
    let d = load("edges.ods");
    assert_eq!(
        edges(&d),
        [
            edge("Kazakhstan", "China", "oil", false, 12.5),
            edge("Russia", "China", "gas", false, 8.0),
            edge("Kazakhstan", "Russia", "grain", false, 3.0),
        ]
    );
}

/// Loads `bytes` as `name` and returns the refusal.
fn refusal(bytes: &[u8], name: &str) -> String {
    match model::load_bytes(bytes.to_vec(), name) {
        Ok(_) => panic!("{name} should be refused"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn files_that_are_no_network_are_refused_saying_what_they_look_like() {
    let pdf = refusal(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "brief.csv");
    assert!(
        pdf.starts_with("brief.csv: relmap cannot open this file: it looks like a PDF document"),
        "{pdf}"
    );
    assert!(
        pdf.contains("GraphML") && pdf.contains(".xlsx"),
        "names what relmap opens: {pdf}"
    );
    let html = refusal(
        b"<!DOCTYPE html><html><body>x</body></html>",
        "page.graphml",
    );
    assert!(
        html.contains("web page") || html.contains("invalid XML"),
        "{html}"
    );
    let html = refusal(b"<html><body><p>x</p></body></html>", "page.graphml");
    assert!(html.contains("a web page (HTML)"), "{html}");
    let svg = refusal(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "fig.xml");
    assert!(svg.contains("an SVG picture"), "{svg}");
    let other = refusal(b"<rss><channel/></rss>", "feed.xml");
    assert!(other.contains("root element is <rss>"), "{other}");
    let prose = refusal(
        b"Dear colleagues\nplease find attached the notes from our meeting",
        "notes",
    );
    assert!(prose.contains("plain text"), "{prose}");
    let zip = refusal(b"PK\x03\x04\x14\x00\x00\x00photos/cat.jpg", "archive.xlsx");
    assert!(zip.contains("a ZIP archive"), "{zip}");
}

#[test]
fn broken_graph_files_say_where() {
    let e = refusal(
        b"<graphml>\n  <graph>\n    <node id='a'>\n</graphml>",
        "cut.graphml",
    );
    assert!(e.starts_with("cut.graphml:4:"), "line and column: {e}");
    let dangling = br#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected">
    <node id="a"/><node id="b"/>
    <edge id="e1" source="a" target="zz"/>
  </graph>
</graphml>"#;
    let e = refusal(dangling, "d.graphml");
    assert!(
        e.contains(r#"edge "e1" (line 4).target"#) && e.contains("zz"),
        "{e}"
    );
    let gexf = br#"<gexf xmlns="http://gexf.net/1.3"><graph><nodes><node id="1"/></nodes>
<edges><edge source="1" target="1"/><edge source="1" target="9" weight="heavy"/></edges></graph></gexf>"#;
    let e = refusal(gexf, "w.gexf");
    assert!(e.contains("line 2") && e.contains("\"9\""), "{e}");
    let e = refusal(b"PK\x03\x04 xl/workbook.xml but not really", "fake.xlsx");
    assert!(e.contains("cannot read this workbook"), "{e}");
}

#[test]
fn graphml_export_reads_back_with_every_actor_relation_and_passage() {
    let shipped =
        model::load_path(Path::new("assets/china-kazakhstan.relmap.json")).expect("ships");
    let xml = relmap::export::graphml(&shipped, None);
    assert_eq!(
        xml,
        relmap::export::graphml(&shipped, None),
        "deterministic"
    );
    let back = model::load_bytes(xml.into_bytes(), "shipped.graphml").expect("reads back");
    assert_eq!(back.title, shipped.title);
    assert_eq!(back.actors.len(), shipped.actors.len());
    for (a, b) in shipped.actors.iter().zip(&back.actors) {
        assert_eq!((&a.id, &a.name, &a.kind), (&b.id, &b.name, &b.kind));
        assert_eq!(
            (&a.aliases, &a.native_names, a.secondary),
            (&b.aliases, &b.native_names, b.secondary)
        );
    }
    assert_eq!(back.relations.len(), shipped.relations.len());
    for (r, s) in shipped.relations.iter().zip(&back.relations) {
        assert_eq!(
            (&r.id, r.from, r.to, r.directed),
            (&s.id, s.from, s.to, s.directed)
        );
        assert_eq!(
            (&r.label, &r.dimension, r.tone),
            (&s.label, &s.dimension, s.tone)
        );
        let quotes = |x: &model::Relation| {
            x.passages
                .iter()
                .map(|p| p.quote.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(quotes(r), quotes(s), "{}", r.id);
    }
}

#[test]
fn a_workbook_with_a_damaged_cell_reference_is_an_error_not_a_crash() {
    // kumu.xlsx with its first cell renamed "AAAAAAAAAAAA1": the column overflows 32 bits.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/damaged-cell-ref.xlsx");
    let err = model::load_path(&path).expect_err("a damaged workbook is refused");
    let text = err.to_string();
    assert!(text.contains("damaged-cell-ref.xlsx"), "{text}");
    assert!(text.contains("damaged"), "{text}");
}
