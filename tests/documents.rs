//! Articles as analysts receive them (#32): the same article as plain text, a paged PDF, a Word
//! file and an OpenDocument text (`tests/fixtures/documents/make_fixtures.py` writes them), and
//! the PDFs nobody can quote: a scan, an encrypted one, a truncated one.

#[path = "support/table.rs"]
mod table;

#[path = "support/run.rs"]
mod run;

use relmap::model::{self, Article, ArticleError};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

const ACTORS: &str = r#"{"actors": [
 {"id": "cn", "name": "China", "kind": "state", "aliases": ["Beijing"]},
 {"id": "kz", "name": "Kazakhstan", "kind": "state", "aliases": ["Astana"]},
 {"id": "ru", "name": "Russia", "kind": "state", "aliases": ["Moscow"]},
 {"id": "us", "name": "United States", "kind": "state", "aliases": ["Washington"]}]}"#;

/// `relmap draft` on `article` in a fresh folder; the draft map it wrote, loaded.
#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail loudly"
)]
fn draft(article: &str, dir: &std::path::Path) -> model::Dataset {
    std::fs::write(dir.join("actors.json"), ACTORS).expect("actors");
    let out = format!("{article}.relmap.json");
    let done = run::relmap(
        &[
            "draft",
            fixture(article).to_str().expect("utf-8"),
            "--actors",
            "actors.json",
            "--out",
            &out,
        ],
        dir,
    );
    assert!(
        done.status.success(),
        "{article}: {}",
        String::from_utf8_lossy(&done.stderr)
    );
    let check = run::relmap(&["check", "--strict", &out], dir);
    assert!(
        check.status.code() != Some(1),
        "{article}: relmap check refuses it: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    model::load_path(&dir.join(&out)).expect("the draft loads")
}

/// The actor pairs a draft found, each with its passage count, in a stable order.
fn pairs(d: &model::Dataset) -> Vec<(String, String, usize)> {
    let mut out: Vec<(String, String, usize)> = d
        .relations
        .iter()
        .map(|r| {
            (
                d.actors[r.from].id.clone(),
                d.actors[r.to].id.clone(),
                r.passages.len(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn pdf_word_and_opendocument_drafts_find_the_plain_text_s_pairs() {
    let dir = tempfile::tempdir().expect("dir");
    let plain = draft("article.txt", dir.path());
    assert_eq!(pairs(&plain).len(), 4, "{:?}", pairs(&plain));
    for file in ["article.pdf", "article.docx", "article.odt"] {
        let d = draft(file, dir.path());
        assert_eq!(pairs(&d), pairs(&plain), "{file}");
        // Word's hard page break and OpenDocument's recorded one both fall before the fifth
        // paragraph ("Beijing's lending…"); the PDF's falls inside it.
        let text = &d.sources[model::SourceId(0)].article;
        let at = |words: &str| text.text.find(words).and_then(|i| text.page_at(i));
        assert_eq!(at("Kazakhstan has courted"), Some(1), "{file}");
        assert_eq!(at("For Washington"), Some(2), "{file}");
        let source = &d.sources[model::SourceId(0)];
        assert_eq!(
            source.meta.title, "Pipelines and Partners on the Steppe",
            "{file}"
        );
        assert_eq!(
            source.meta.author.as_deref(),
            Some("Dana Iskakova"),
            "{file}"
        );
        assert_eq!(
            source.meta.date.map(|x| x.to_string()).as_deref(),
            Some("2016-05-12"),
            "{file}: the date from the file's metadata"
        );
    }
}

#[test]
fn a_pdf_s_layout_is_undone_and_every_passage_cites_its_page() {
    let dir = tempfile::tempdir().expect("dir");
    let d = draft("article.pdf", dir.path());
    let article = &d.sources[model::SourceId(0)].article;
    let text = &article.text;
    // Hyphenated line ends are whole words again; compounds keep their hyphen.
    assert!(text.contains("quiet suspicion.") && text.contains("strategic partnership dialogue"));
    assert!(text.contains("non-proliferation") && text.contains("multi-vector"));
    assert!(!text.contains("suspic-") && !text.contains("partners-"));
    // Running header, footer and page numbers are gone; the header names two actors and
    // must not have become evidence.
    assert!(!text.contains("a briefing note") && !text.contains("Page 1"));
    for rel in &d.relations {
        for p in &rel.passages {
            assert!(!p.quote.contains("briefing note"), "{}", p.quote);
        }
    }
    // The sentence split by the page break is one sentence, quoted from page 1.
    let split = "China financed the Western Europe to Western China highway corridor";
    assert!(text.contains(split), "{text}");
    let page_two = text
        .find("Europe to Western China")
        .expect("page 2's first words");
    assert_eq!(
        article.page_at(page_two),
        Some(2),
        "page 2 starts mid-sentence"
    );
    // Every passage cites the page its quote starts on.
    let mut pages = Vec::new();
    for rel in &d.relations {
        for p in &rel.passages {
            let start = p.anchor.as_ref().expect("anchored").range.start;
            let expected = if start < page_two { 1 } else { 2 };
            assert_eq!(d.page_of(p), Some(expected), "{}", p.quote);
            pages.push(expected);
        }
    }
    assert!(pages.contains(&1) && pages.contains(&2), "{pages:?}");
    // The footnote is kept apart, after the body, on the page it is printed on.
    let note = text
        .find("1 Figures from the Kazakh customs service")
        .expect("the footnote");
    assert!(text[note..].find("\n\n").is_none(), "the last paragraph");
    assert_eq!(article.page_at(note), Some(1));
    // A quote running over the page break says both pages.
    let over = d
        .relations
        .iter()
        .flat_map(|r| &r.passages)
        .find(|p| p.quote.starts_with("China financed the Western"))
        .expect("the sentence over the break is a passage");
    assert!(
        d.place_of(over)
            .is_some_and(|s| s.starts_with("pp. 1–2, ¶")),
        "{:?}",
        d.place_of(over)
    );
    // Citations say the page.
    let cited = d
        .relations
        .iter()
        .flat_map(|r| &r.passages)
        .find(|p| {
            p.quote
                .starts_with("The United States and Kazakhstan signed")
        })
        .expect("a page-2 passage");
    assert_eq!(d.place_of(cited).as_deref(), Some("p. 2, ¶9"));
}

#[test]
fn pages_survive_save_and_load_and_show_in_the_report() {
    let dir = tempfile::tempdir().expect("dir");
    let d = draft("article.pdf", dir.path());
    let json = model::to_relmap_json(&d);
    let again = model::load_str(&json, "again").expect("reloads");
    assert_eq!(
        again.sources[model::SourceId(0)].article.pages,
        d.sources[model::SourceId(0)].article.pages
    );
    assert_eq!(
        model::to_relmap_json(&again),
        json,
        "byte-identical re-save"
    );
    assert!(
        json.contains("\"page\": 2"),
        "passages carry their page for other tools"
    );
    // The CSV report's page column.
    let out = run::relmap(
        &["report", "article.pdf.relmap.json", "--out", "r.csv"],
        dir.path(),
    );
    assert!(out.status.success());
    let t = table::read_file(&dir.path().join("r.csv"));
    let pages: Vec<&str> = t.rows.iter().map(|r| &r[t.col("page")]).collect();
    assert!(pages.iter().all(|p| *p == "1" || *p == "2"), "{pages:?}");
    // Page runs that go backwards or past the text are refused with where.
    let bad = json.replacen("\"start\": 0", "\"start\": 99999", 1);
    let err = model::load_str(&bad, "bad").expect_err("refused");
    assert!(err.to_string().contains("source.pages"), "{err}");
}

#[test]
fn two_columns_are_read_in_turn() {
    let read = model::read_article_file(&fixture("two-columns.pdf")).expect("reads");
    let article = Article::from_marked(&read.text);
    let left_end = article
        .text
        .find("after 2010")
        .expect("the left column's end");
    let right_start = article
        .text
        .find("Officials in Astana")
        .expect("the right's start");
    assert!(left_end < right_start, "{}", article.text);
    assert!(read.notes.iter().any(|n| n.contains("two columns")));
}

#[test]
fn pdfs_nobody_can_quote_are_refused_with_what_to_do() {
    let err = |name: &str| model::read_article_file(&fixture(name)).expect_err(name);
    let scan = err("scan.pdf");
    assert!(matches!(scan, ArticleError::NoTextLayer { .. }));
    assert!(
        scan.to_string()
            .ends_with("no text to quote: this PDF has no text layer; run OCR first"),
        "{scan}"
    );
    let locked = err("encrypted.pdf");
    assert!(matches!(locked, ArticleError::Encrypted { .. }), "{locked}");
    assert!(locked.to_string().contains("password"));
    let cut = err("truncated.pdf");
    assert!(matches!(cut, ArticleError::Damaged { .. }), "{cut}");
    // Bytes that are no document at all, and an old binary Word file.
    let junk = model::read_article_bytes(&[0xFF, 0xFE, 0x00, 0x41], "junk.txt").expect_err("junk");
    assert!(junk.to_string().contains("not UTF-8"), "{junk}");
    let doc =
        model::read_article_bytes(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0], "old.doc").expect_err("doc");
    assert!(doc.to_string().contains(".docx"), "{doc}");
    // A ZIP bomb's part is refused by its inflated size, not read whole.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("entry");
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..=(model::MAX_PART_BYTES >> 20) {
        std::io::Write::write_all(&mut zip, &chunk).expect("write");
    }
    let bomb = zip.finish().expect("zip").into_inner();
    let refused = model::read_article_bytes(&bomb, "bomb.docx").expect_err("refused");
    assert!(
        matches!(refused, ArticleError::TooLarge { .. }),
        "{refused}"
    );
}

#[test]
fn a_merged_map_keeps_each_source_s_pages() {
    let dir = tempfile::tempdir().expect("dir");
    let plain = draft("article.txt", dir.path());
    let paged = draft("article.pdf", dir.path());
    let (merged, _) = model::merge(plain, &paged);
    assert_eq!(merged.sources.len(), 2);
    let from_pdf = merged
        .relations
        .iter()
        .flat_map(|r| &r.passages)
        .filter(|p| p.source == model::SourceId(1))
        .collect::<Vec<_>>();
    assert!(!from_pdf.is_empty());
    assert!(
        from_pdf.iter().all(|p| merged.page_of(p).is_some()),
        "the PDF's passages"
    );
    assert!(
        merged
            .relations
            .iter()
            .flat_map(|r| &r.passages)
            .filter(|p| p.source == model::SourceId(0))
            .all(|p| merged.page_of(p).is_none()),
        "the plain text has no pages"
    );
}
