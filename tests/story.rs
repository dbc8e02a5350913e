//! Storyboards in files and decks: the `storyboard` list read and written (old files
//! unchanged), its errors located, and `relmap export --storyboard` as a PDF (page count and
//! size, each page's text read back with a PDF text reader) and as one PNG per step.

#![expect(
    clippy::expect_used,
    reason = "tests: a broken fixture must fail loudly"
)]

#[path = "support/run.rs"]
mod run;

use std::path::Path;

use relmap::model::{self, LoadError};

fn asset(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

fn shipped_json() -> String {
    std::fs::read_to_string(asset("china-kazakhstan.relmap.json")).expect("asset")
}

/// The text without its whitespace: a PDF reader may break lines where the page wraps them
/// and space out letters it finds placed one by one, but the characters come in order.
fn folded(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Loads `json` as a file beside the shipped article (which the map names by `text_file`).
fn load_beside_article(json: &str) -> Result<model::Dataset, LoadError> {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::copy(
        asset("china-kazakhstan.txt"),
        dir.path().join("china-kazakhstan.txt"),
    )
    .expect("article");
    let path = dir.path().join("story.relmap.json");
    std::fs::write(&path, json).expect("write");
    model::load_path(&path)
}

/// The shipped map with its storyboard replaced by `steps` (JSON text of the list).
fn with_steps(steps: &str) -> String {
    let json = shipped_json();
    let at = json
        .find("\"storyboard\"")
        .expect("the shipped map has a storyboard");
    format!("{}\"storyboard\": {steps}\n}}\n", &json[..at])
}

/// Each page's size in points, read with a PDF reader.
fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF reader opens it");
    doc.get_pages()
        .values()
        .map(|id| {
            let page = doc.get_dictionary(*id).expect("page");
            let media = page
                .get(b"MediaBox")
                .and_then(lopdf::Object::as_array)
                .expect("a media box");
            let n = |i: usize| media[i].as_float().expect("a number");
            (n(2) - n(0), n(3) - n(1))
        })
        .collect()
}

fn problems(text: &str) -> Vec<String> {
    match load_beside_article(text) {
        Err(LoadError::Invalid { problems, .. }) => {
            problems.iter().map(ToString::to_string).collect()
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_shipped_storyboard_follows_the_article_and_saves_unchanged() {
    let d = model::builtin().expect("built-in");
    assert!((3..=4).contains(&d.storyboard.len()), "three or four steps");
    for (n, step) in d.storyboard.iter().enumerate() {
        assert!(
            !step.title.is_empty() && !step.caption.is_empty(),
            "step {n}"
        );
        let r = step.selected_in(&d).expect("each step selects a relation");
        assert!(!d.relations[r].passages.is_empty());
        assert_eq!(
            step.focus_in(&d).len(),
            step.focus.len(),
            "every focus id is an actor"
        );
    }
    // Written and read again, the storyboard is the same and so is the file.
    let saved = model::to_relmap_json(&d);
    assert!(saved.contains("\"storyboard\""));
    let again = model::load_str(&saved, "saved.relmap.json").expect("the saved map loads");
    assert_eq!(again.storyboard, d.storyboard);
    assert_eq!(model::to_relmap_json(&again), saved, "byte for byte");
}

#[test]
fn a_file_without_a_storyboard_loads_and_saves_without_one() {
    let json = shipped_json();
    let at = json.find(",\n  \"storyboard\"").expect("storyboard key");
    let old = format!("{}\n}}\n", &json[..at]);
    let d = load_beside_article(&old).expect("an older file loads");
    assert!(d.storyboard.is_empty());
    let saved = model::to_relmap_json(&d);
    assert!(!saved.contains("storyboard"), "and is written without one");
    let with = load_beside_article(&json).expect("the shipped file loads");
    assert_eq!(
        model::to_relmap_json(&model::Dataset {
            storyboard: Vec::new(),
            ..with
        }),
        saved,
        "the storyboard is all that differs"
    );
}

#[test]
fn unknown_ids_and_bad_values_are_located_errors() {
    let found = problems(&with_steps(
        r#"[{"title": "A", "select": "no-such-relation"},
            {"title": "B", "focus": ["china", "atlantis"]},
            {"title": "C", "links": "sideways", "labels": "some"}]"#,
    ));
    let all = found.join("\n");
    assert!(
        all.contains("storyboard[0].select")
            && all.contains("\"no-such-relation\" names no relation"),
        "{all}"
    );
    assert!(
        all.contains("storyboard[1].focus[1]") && all.contains("\"atlantis\" names no actor"),
        "{all}"
    );
    assert!(
        all.contains("storyboard[2].links")
            && all.contains("\"relation\", \"pair\" or \"direction\""),
        "{all}"
    );
    assert!(
        all.contains("storyboard[2].labels") && all.contains("\"off\", \"selected\" or \"all\""),
        "{all}"
    );
    // A field no step has is refused by name, like any other.
    let err = load_beside_article(&with_steps(r#"[{"title": "A", "position": [1, 2]}]"#))
        .expect_err("unknown field");
    assert!(err.to_string().contains("position"), "{err}");
}

#[test]
fn a_step_focusing_three_actors_shows_those_actors_only() {
    let d = load_beside_article(&with_steps(
        r#"[{"title": "Three", "focus": ["china", "kazakhstan", "russia"]}]"#,
    ))
    .expect("loads");
    let mut state = relmap::map::MapState::new(d);
    state.apply(relmap::map::StoryCommand::Show(0));
    let d = &state.doc.dataset;
    let shown: Vec<&str> = d
        .actors_with_ids()
        .filter(|(a, _)| state.visible_actors()[*a])
        .map(|(_, x)| x.id.as_str())
        .collect();
    assert_eq!(shown, ["china", "kazakhstan", "russia"]);
    let relations = state.visible_relations();
    for (_, rel) in d.relations_with_ids().filter(|(r, _)| relations[*r]) {
        assert!(
            [rel.from, rel.to]
                .iter()
                .all(|a| shown.contains(&d.actors[*a].id.as_str())),
            "{} joins an actor outside the step",
            rel.id
        );
    }
    assert!(
        relations.iter().any(|v| *v),
        "the relations among them are drawn"
    );
}

#[test]
fn the_deck_is_a_pdf_page_per_step_with_real_text() {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("deck.pdf");
    let o = run::relmap(
        &[
            "export",
            "--storyboard",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("4 pages"));
    let bytes = std::fs::read(&out).expect("deck");
    assert!(bytes.starts_with(b"%PDF-"));
    // 16:9 slides: 960×540 figure pixels at 0.75 pt each.
    assert_eq!(
        page_sizes(&bytes),
        vec![(720.0, 405.0); 4],
        "four 720×405 pt pages"
    );
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("a PDF reader reads it");
    let d = model::builtin().expect("built-in");
    assert_eq!(pages.len(), d.storyboard.len());
    for (page, step) in pages.iter().zip(&d.storyboard) {
        let page = folded(page);
        assert!(
            page.contains(&folded(&step.title)),
            "title on its page: {page}"
        );
        assert!(
            page.contains(&folded(&step.caption)),
            "caption on its page: {page}"
        );
        let r = step.selected_in(&d).expect("selects");
        let quote = folded(&d.relations[r].passages[0].quote);
        // The card may cut a long quote: its first eighty characters are on the page.
        let start: String = quote.chars().take(80).collect();
        assert!(page.contains(&start), "first passage on its page: {page}");
        assert!(page.contains(&folded("Richard Weitz")), "the source line");
    }
    // The same storyboard gives the same bytes.
    let again = dir.path().join("again.pdf");
    let o = run::relmap(
        &[
            "export",
            "--storyboard",
            "--out",
            again.to_str().expect("utf-8"),
        ],
        dir.path(),
    );
    assert!(o.status.success());
    assert_eq!(
        std::fs::read(&again).expect("again"),
        bytes,
        "deterministic"
    );
}

#[test]
fn a_preset_sets_the_page_and_pngs_come_one_per_step() {
    let dir = tempfile::tempdir().expect("dir");
    let o = run::relmap(
        &[
            "export",
            "--storyboard",
            "--preset",
            "a4-portrait",
            "--out",
            "print.pdf",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(dir.path().join("print.pdf")).expect("pdf");
    assert_eq!(
        page_sizes(&bytes),
        vec![(465.0, 657.75); 4],
        "A4 portrait pages"
    );
    let o = run::relmap(
        &["export", "--storyboard", "--out", "slides/deck-%02d.png"],
        dir.path(),
    );
    assert!(
        !o.status.success(),
        "a folder that does not exist is not made up"
    );
    std::fs::create_dir(dir.path().join("slides")).expect("dir");
    let o = run::relmap(
        &["export", "--storyboard", "--out", "slides/deck-%02d.png"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for n in 1..=4 {
        let png = std::fs::read(dir.path().join(format!("slides/deck-{n:02}.png"))).expect("png");
        // PNG header: width and height at bytes 16..24.
        let w = u32::from_be_bytes(png[16..20].try_into().expect("width"));
        let h = u32::from_be_bytes(png[20..24].try_into().expect("height"));
        assert_eq!((w, h), (1920, 1080), "step {n}");
    }
    // A folder works too.
    let o = run::relmap(&["export", "--storyboard", "--out", "slides/"], dir.path());
    assert!(o.status.success());
    assert!(dir.path().join("slides/step-04.png").is_file());
    // One PNG name for four steps is refused, with what to write instead.
    let o = run::relmap(&["export", "--storyboard", "--out", "deck.png"], dir.path());
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("deck-%02d.png"));
}

#[test]
fn a_map_without_a_storyboard_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("dir");
    let json = shipped_json();
    let at = json.find(",\n  \"storyboard\"").expect("storyboard key");
    std::fs::write(
        dir.path().join("plain.relmap.json"),
        format!("{}\n}}\n", &json[..at]),
    )
    .expect("write");
    std::fs::copy(
        asset("china-kazakhstan.txt"),
        dir.path().join("china-kazakhstan.txt"),
    )
    .expect("article");
    let o = run::relmap(
        &[
            "export",
            "plain.relmap.json",
            "--storyboard",
            "--out",
            "deck.pdf",
        ],
        dir.path(),
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("has no storyboard") && err.contains("Add this view"),
        "{err}"
    );
    assert!(!dir.path().join("deck.pdf").exists(), "nothing written");
}
