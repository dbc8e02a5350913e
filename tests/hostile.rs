//! Files made to hurt a reader (issue #29's table, generated here so the repository stays
//! small): each is refused with a located message within seconds, never a crash, and the map
//! on screen stays.

#![expect(clippy::unwrap_used, reason = "tests: a failed setup must fail loudly")]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use relmap::app::RelmapApp;
use relmap::map::MapState;

fn nested(open: &str, close: &str, depth: usize, head: &str, tail: &str) -> String {
    format!("{head}{}{}{tail}", open.repeat(depth), close.repeat(depth))
}

/// A workbook whose one sheet says it inflates to 700 MiB (a crafted file says so too).
fn workbook_bomb() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("[Content_Types].xml", stored).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("xl/workbook.xml", stored).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", stored).unwrap();
    zip.write_all(b"<worksheet/>").unwrap();
    zip.finish().unwrap();
    let mut bytes = out.into_inner();
    let at = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    bytes[at + 24..at + 28].copy_from_slice(&(700u32 * 1024 * 1024).to_le_bytes());
    bytes
}

/// Each hostile file, with what its message must name.
fn hostile_files(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let graphml = nested(
        "<graph edgedefault=\"undirected\"><node id=\"n\"/>",
        "</graph>",
        50_000,
        "<?xml version=\"1.0\"?><graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">",
        "</graphml>",
    );
    let gexf = nested(
        "<nodes><node id=\"n\">",
        "</node></nodes>",
        25_000,
        "<?xml version=\"1.0\"?><gexf version=\"1.3\"><graph>",
        "</graph></gexf>",
    );
    let json = nested("[", "]", 50_000, "{\"nodes\": ", ", \"links\": []}");
    let files = [
        ("deep.graphml", graphml.into_bytes(), "nested more than"),
        ("deep.gexf", gexf.into_bytes(), "nested more than"),
        ("deep.json", json.into_bytes(), "deep.json:1:"),
        ("bomb.xlsx", workbook_bomb(), "xl/worksheets/sheet1.xml"),
    ];
    files
        .into_iter()
        .map(|(name, bytes, says)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            (path, says)
        })
        .collect()
}

#[test]
fn hostile_files_are_refused_with_a_located_message_and_the_open_map_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = RelmapApp::from_state(MapState::new(relmap::model::builtin().unwrap()));
    let title = app.state().doc.dataset.title.clone();
    for (path, says) in hostile_files(dir.path()) {
        let started = Instant::now();
        app.open_path(path.clone(), None);
        app.wait_for_load();
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{}: {:?}",
            path.display(),
            started.elapsed()
        );
        let (heading, lines) = app.error().unwrap();
        assert!(heading.contains(path.file_name().unwrap().to_str().unwrap()));
        assert!(
            lines.iter().any(|l| l.contains(says)),
            "{}: {lines:?}",
            path.display()
        );
        assert_eq!(
            app.state().doc.dataset.title,
            title,
            "the map on screen stays"
        );
    }
}

#[test]
fn relmap_check_exits_1_with_the_location_on_each_hostile_file() {
    let dir = tempfile::tempdir().unwrap();
    for (path, says) in hostile_files(dir.path()) {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_relmap"))
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        assert!(stderr.contains(says), "{}: {stderr}", path.display());
    }
}

#[test]
fn an_article_page_nested_200000_deep_becomes_a_draft_map() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("deep.html");
    std::fs::write(
        &page,
        nested(
            "<div>",
            "</div>",
            200_000,
            "<html><body><p>China and Kazakhstan signed a pipeline deal in 2009.</p>",
            "</body></html>",
        ),
    )
    .unwrap();
    let actors = dir.path().join("actors.json");
    std::fs::write(
        &actors,
        r#"{"actors":[{"id":"cn","name":"China","kind":"state"},{"id":"kz","name":"Kazakhstan","kind":"state"}]}"#,
    )
    .unwrap();
    let out_map = dir.path().join("draft.relmap.json");
    let started = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(["draft", "--actors"])
        .arg(&actors)
        .arg("--out")
        .arg(&out_map)
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(started.elapsed() < Duration::from_secs(30));
    let map = relmap::model::load_path(&out_map).unwrap();
    assert_eq!(
        map.relations.len(),
        1,
        "the sentence naming both is a draft"
    );
}

/// GraphML and GEXF of a 50,000-node, 100,000-edge network, written as networkx writes them.
fn large_xml(dir: &Path) -> [PathBuf; 2] {
    let n = 50_000;
    let edges = || (0..n).flat_map(|i| [(i, (i + 1) % n), (i, (i * 7 + 3) % n)]);
    let mut graphml = String::from(
        "<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <graph edgedefault=\"undirected\">\n",
    );
    let mut gexf = String::from(
        "<?xml version='1.0' encoding='utf-8'?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n  <graph defaultedgetype=\"undirected\" mode=\"static\" name=\"\">\n    <nodes>\n",
    );
    for i in 0..n {
        graphml.push_str(&format!("    <node id=\"n{i}\" />\n"));
        gexf.push_str(&format!("      <node id=\"n{i}\" label=\"n{i}\" />\n"));
    }
    gexf.push_str("    </nodes>\n    <edges>\n");
    for (k, (a, b)) in edges().enumerate() {
        graphml.push_str(&format!("    <edge source=\"n{a}\" target=\"n{b}\" />\n"));
        gexf.push_str(&format!(
            "      <edge source=\"n{a}\" target=\"n{b}\" id=\"{k}\" />\n"
        ));
    }
    graphml.push_str("  </graph>\n</graphml>\n");
    gexf.push_str("    </edges>\n  </graph>\n</gexf>\n");
    let (g, x) = (dir.join("large.graphml"), dir.join("large.gexf"));
    std::fs::write(&g, graphml).unwrap();
    std::fs::write(&x, gexf).unwrap();
    [g, x]
}

#[test]
fn a_50000_node_graphml_and_gexf_read_in_seconds_not_minutes() {
    // Reading each took over 80 s in a release build while every element's line was found
    // by scanning from the file's start; a debug build now takes a few seconds.
    let dir = tempfile::tempdir().unwrap();
    for path in large_xml(dir.path()) {
        let started = Instant::now();
        let d = relmap::model::load_path(&path).unwrap();
        assert_eq!(d.actors.len(), 50_000, "{}", path.display());
        assert!(d.relations.len() > 90_000, "{}", path.display());
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{}: {:?}",
            path.display(),
            started.elapsed()
        );
    }
}
