//! Random damage to the shipped dataset must never panic the loader.

use proptest::prelude::*;

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn shipped() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/china-kazakhstan.relmap.json"
    ))
    .expect("read")
    .replace(
        r#""text_file": "china-kazakhstan.txt""#,
        &format!(
            r#""text": {}"#,
            serde_json::to_string(include_str!("../assets/china-kazakhstan.txt")).expect("json")
        ),
    )
}

#[derive(Debug, Clone)]
enum Damage {
    Truncate(usize),
    DeleteChar(usize),
    InsertChar(usize, char),
    ReplaceByte(usize, u8),
    SwapRanges(usize, usize, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::Truncate),
        any::<usize>().prop_map(Damage::DeleteChar),
        (
            any::<usize>(),
            prop_oneof![
                Just('{'),
                Just('}'),
                Just('"'),
                Just(','),
                Just('['),
                Just(':'),
                Just('1'),
                Just('\\'),
                any::<char>()
            ]
        )
            .prop_map(|(i, c)| Damage::InsertChar(i, c)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Damage::ReplaceByte(i, b)),
        (any::<usize>(), any::<usize>(), 1usize..200)
            .prop_map(|(a, b, n)| Damage::SwapRanges(a, b, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, d: &Damage) -> Vec<u8> {
    let n = bytes.len().max(1);
    match *d {
        Damage::Truncate(i) => bytes.truncate(i % n),
        Damage::DeleteChar(i) => {
            if !bytes.is_empty() {
                bytes.remove(i % n);
            }
        }
        Damage::InsertChar(i, c) => {
            let mut buf = [0; 4];
            let at = i % n;
            bytes.splice(at..at, c.encode_utf8(&mut buf).bytes());
        }
        Damage::ReplaceByte(i, b) => {
            if !bytes.is_empty() {
                bytes[i % n] = b;
            }
        }
        Damage::SwapRanges(a, b, len) => {
            let (a, b) = (a % n, b % n);
            if a + len <= bytes.len() && b + len <= bytes.len() && (a + len <= b || b + len <= a) {
                for k in 0..len {
                    bytes.swap(a + k, b + k);
                }
            }
        }
    }
    bytes
}

/// Damages `base` and loads it as `name`; the loader may refuse, but never panic, and a
/// dataset it accepts is internally consistent.
fn load_damaged(base: &[u8], name: &str, damages: &[Damage]) -> Result<(), TestCaseError> {
    let mut bytes = base.to_vec();
    for d in damages {
        bytes = apply(bytes, d);
    }
    // Bytes, not text: spreadsheets are binary, and any file may arrive damaged.
    match relmap::model::load_bytes(bytes, name) {
        Ok(d) => {
            for r in &d.relations {
                prop_assert!(r.from.0 < d.actors.len() && r.to.0 < d.actors.len());
                prop_assert!(r.from != r.to);
                prop_assert!(r.weight.is_finite() && r.weight > 0.0);
            }
            for a in &d.actors {
                prop_assert!(
                    a.position
                        .is_none_or(|[x, y]| x.is_finite() && y.is_finite())
                );
            }
        }
        Err(e) => prop_assert!(e.to_string().contains(name), "errors name the file: {e}"),
    }
    Ok(())
}

const NODE_LINK: &str = include_str!("fixtures/networkx.json");
const CSV: &str = include_str!("fixtures/trade_routes.csv");
const GRAPHML: &str = include_str!("fixtures/formats/nx-digraph.graphml");
const YED: &str = include_str!("fixtures/formats/yed.graphml");
const GEXF: &str = include_str!("fixtures/formats/gephi-1.3.gexf");
const XLSX: &[u8] = include_bytes!("fixtures/formats/kumu.xlsx");
const ODS: &[u8] = include_bytes!("fixtures/formats/edges.ods");

/// Damage that knows what files are made of: deep nesting, long attribute values, many
/// siblings, inserted where markup or JSON can take them.
#[derive(Debug, Clone)]
struct Structure {
    /// Where (a byte offset, moved to the next `>`, `[`, `{`, `,` or `:`).
    at: usize,
    /// What is opened and closed (nesting) or repeated (siblings).
    piece: (&'static str, &'static str),
    /// How deep, or how many.
    count: usize,
    /// Nest (open × count, then close × count) or repeat (open + close, count times).
    nest: bool,
}

const PIECES: [(&str, &str); 8] = [
    ("<graph>", "</graph>"),
    ("<node id=\"deep\">", "</node>"),
    ("<data key=\"d0\">", "</data>"),
    ("<div>", "</div>"),
    ("[", "]"),
    ("{\"a\":", "}"),
    ("<node id=\"long\" label=\"", "\"/>"),
    ("<edge source=\"n0\" target=\"n1\"/>", ""),
];

fn structure() -> impl Strategy<Value = Structure> {
    (
        any::<usize>(),
        0..PIECES.len(),
        1usize..5_000,
        any::<bool>(),
    )
        .prop_map(|(at, piece, count, nest)| Structure {
            at,
            piece: PIECES[piece],
            count,
            nest,
        })
}

fn insert_structure(text: &str, s: &Structure) -> Vec<u8> {
    let n = text.len().max(1);
    let at = text[s.at % n..]
        .find(['>', '[', '{', ',', ':'])
        .map_or(text.len(), |i| s.at % n + i + 1);
    let (open, close) = s.piece;
    let inserted = if s.nest {
        format!("{}{}", open.repeat(s.count), close.repeat(s.count))
    } else if close == "\"/>" {
        // A long attribute value.
        format!("{open}{}{close}", "x".repeat(s.count * 10))
    } else {
        format!("{open}{close}").repeat(s.count)
    };
    let mut out = text[..at].to_owned();
    out.push_str(&inserted);
    out.push_str(&text[at..]);
    out.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn deep_long_and_wide_structure_never_panics_and_ends_quickly(s in structure()) {
        for (base, name) in [
            (NODE_LINK, "fuzz.json"),
            (GRAPHML, "fuzz.graphml"),
            (YED, "fuzz-yed.graphml"),
            (GEXF, "fuzz.gexf"),
            (CSV, "fuzz.csv"),
        ] {
            let started = std::time::Instant::now();
            load_damaged(&insert_structure(base, &s), name, &[])?;
            prop_assert!(started.elapsed().as_secs() < 20, "{name}: {:?}", started.elapsed());
        }
        let html = insert_structure("<html><body><p>Japan and Korea met.</p></body></html>", &s);
        let html = String::from_utf8_lossy(&html);
        // Any page reads (or is refused as empty) without panicking.
        let _ = relmap::model::article_text(&html, "fuzz.html");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, .. ProptestConfig::default() })]

    #[test]
    fn damaged_relmap_datasets_never_panic(damages in proptest::collection::vec(damage(), 1..6)) {
        load_damaged(shipped().as_bytes(), "fuzz.relmap.json", &damages)?;
    }

    #[test]
    fn damaged_node_link_files_never_panic(damages in proptest::collection::vec(damage(), 1..6)) {
        load_damaged(NODE_LINK.as_bytes(), "fuzz.json", &damages)?;
    }

    #[test]
    fn damaged_csv_files_never_panic(damages in proptest::collection::vec(damage(), 1..6)) {
        load_damaged(CSV.as_bytes(), "fuzz.csv", &damages)?;
    }

    #[test]
    fn damaged_graphml_files_never_panic(damages in proptest::collection::vec(damage(), 1..6)) {
        load_damaged(GRAPHML.as_bytes(), "fuzz.graphml", &damages)?;
        load_damaged(YED.as_bytes(), "fuzz-yed.graphml", &damages)?;
    }

    #[test]
    fn damaged_gexf_files_never_panic(damages in proptest::collection::vec(damage(), 1..6)) {
        load_damaged(GEXF.as_bytes(), "fuzz.gexf", &damages)?;
    }

    #[test]
    fn damaged_workbooks_never_panic(damages in proptest::collection::vec(damage(), 1..4)) {
        load_damaged(XLSX, "fuzz.xlsx", &damages)?;
        load_damaged(ODS, "fuzz.ods", &damages)?;
    }
}

/// The article fixtures as analysts receive them (see `tests/fixtures/documents`).
fn document(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name);
    std::fs::read(path).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// A damaged PDF, Word or OpenDocument article is read or refused with a message naming
    /// the file, within the reader's time limit; it never panics.
    #[test]
    fn damaged_article_documents_never_panic(damages in proptest::collection::vec(damage(), 1..4)) {
        for name in ["article.pdf", "article.docx", "article.odt"] {
            let bytes = damages.iter().fold(document(name), apply);
            let started = std::time::Instant::now();
            match relmap::model::read_article_bytes(&bytes, name) {
                Ok(read) => prop_assert!(!read.text.is_empty() || read.pages == 0),
                Err(e) => prop_assert!(e.to_string().contains(name), "{name}: {e}"),
            }
            prop_assert!(
                started.elapsed() < relmap::model::TIME_LIMIT,
                "{name}: {:?}",
                started.elapsed()
            );
        }
    }
}
