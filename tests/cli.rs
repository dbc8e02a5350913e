//! The built binary, run as a user would: from another folder, with a fresh HOME.

#[path = "support/run.rs"]
mod run;

use std::path::{Path, PathBuf};
use std::process::Output;

use run::relmap;

fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn check_passes_on_the_shipped_dataset_from_any_folder() {
    let elsewhere = tempfile::tempdir().expect("cwd");
    let o = relmap(
        &[
            "check",
            asset("china-kazakhstan.relmap.json")
                .to_str()
                .expect("utf8"),
        ],
        elsewhere.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains("China–Kazakhstan partnership (2012)"));
    assert!(out.contains("cn-kz-energy"));
    assert!(out.contains("coverage: 12/13"), "{out}");
    // No argument: the built-in copy, found with no files beside the binary.
    let o = relmap(&["check"], elsewhere.path());
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("(built-in)"));
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let dir = tempfile::tempdir().expect("dir");
    let good = std::fs::read_to_string(asset("china-kazakhstan.relmap.json")).expect("read");
    let bad = good
        .replacen("\"target\": \"kazakhstan\"", "\"target\": \"kazakstan\"", 1)
        .replacen(
            "Major oil and gas pipelines link the two countries.",
            "Major pipelines link them.",
            1,
        );
    std::fs::write(
        dir.path().join("china-kazakhstan.txt"),
        std::fs::read(asset("china-kazakhstan.txt")).expect("txt"),
    )
    .expect("write");
    std::fs::write(dir.path().join("bad.relmap.json"), bad).expect("write");
    let o = relmap(&["check", "bad.relmap.json"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains("bad.relmap.json: relations[0] (\"cn-kz-diplomacy\").target: target \"kazakstan\" names no actor"), "{out}");
    assert!(
        out.contains("quote not found in article: \"Major pipelines link them.\""),
        "{out}"
    );
    assert!(out.contains("2 problems found"), "{out}");
}

#[test]
fn check_strict_exits_2_on_evidence_warnings_and_0_on_the_shipped_map() {
    let dir = tempfile::tempdir().expect("tmp");
    let shipped = relmap(&["check", "--strict"], dir.path());
    assert_eq!(shipped.status.code(), Some(0), "{}", text(&shipped));
    let map = dir.path().join("short.relmap.json");
    std::fs::write(
        &map,
        r#"{"format": "relmap/1",
            "source": {"title": "T", "date": "2012", "text": "China and Kazakhstan signed a pipeline deal."},
            "actors": [{"id": "cn", "name": "China", "kind": "state"},
                       {"id": "kz", "name": "Kazakhstan", "kind": "state"}],
            "relations": [{"id": "cn-kz", "source": "cn", "target": "kz",
                           "passages": [{"quote": "a pipeline deal", "date": "2013"}]}]}"#,
    )
    .expect("write");
    let lenient = relmap(&["check", "short.relmap.json"], dir.path());
    assert_eq!(lenient.status.code(), Some(0));
    let out = text(&lenient);
    assert!(out.contains("2 evidence warnings"), "{out}");
    assert!(
        out.contains(r#"relations[0] ("cn-kz").passages[0]: quote has only 3 word(s)"#),
        "{out}"
    );
    assert!(out.contains("after the source's date 2012"), "{out}");
    let strict = relmap(&["check", "--strict", "short.relmap.json"], dir.path());
    assert_eq!(strict.status.code(), Some(2), "{}", text(&strict));
}

#[test]
fn check_never_panics_on_garbage() {
    let dir = tempfile::tempdir().expect("dir");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.json", vec![]),
        ("binary.json", vec![0, 159, 146, 150, 255]),
        ("deep.json", "[".repeat(200_000).into_bytes()),
        (
            "truncated.json",
            b"{\"format\": \"relmap/1\", \"actors\": [".to_vec(),
        ),
    ];
    for (name, bytes) in cases {
        std::fs::write(dir.path().join(name), bytes).expect("write");
        let o = relmap(&["check", name], dir.path());
        assert_eq!(o.status.code(), Some(1), "{name}: {}", text(&o));
        assert!(text(&o).contains(name), "{name}: {}", text(&o));
    }
    // Over the size cap: refused before being read (a sparse file costs no disk).
    std::fs::File::create(dir.path().join("huge.json"))
        .and_then(|f| f.set_len(65 * 1024 * 1024))
        .expect("sparse file");
    let o = relmap(&["check", "huge.json"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("over relmap's limit"), "{}", text(&o));
    let o = relmap(&["check", "no-such-file.json"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("cannot read the file"), "{}", text(&o));
}

#[test]
fn export_writes_svg_and_png_headless_and_scale_doubles_pixels() {
    let dir = tempfile::tempdir().expect("dir");
    for args in [
        vec!["export", "--out", "map.svg"],
        vec!["export", "--out", "map1.png", "--scale", "1"],
        vec!["export", "--out", "map2.png", "--scale", "2"],
    ] {
        let o = relmap(&args, dir.path());
        assert!(o.status.success(), "{args:?}: {}", text(&o));
    }
    let dims = |name: &str| {
        let bytes = std::fs::read(dir.path().join(name)).expect("png");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(bytes[16..20].try_into().expect("w"));
        let h = u32::from_be_bytes(bytes[20..24].try_into().expect("h"));
        (w, h)
    };
    let (w1, h1) = dims("map1.png");
    assert_eq!(dims("map2.png"), (2 * w1, 2 * h1));
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).expect("svg");
    assert!(svg.contains(&format!("width=\"{w1}\" height=\"{h1}\"")));
}

#[test]
fn export_refuses_bad_arguments_with_exit_1() {
    let dir = tempfile::tempdir().expect("dir");
    for (args, expect) in [
        (
            vec!["export", "--out", "map.gif"],
            "name the output *.png or *.svg",
        ),
        (vec!["export", "--out", "m.png", "--scale", "4"], "--scale"),
        (
            vec!["export", "--out", "m.png", "--select", "nope"],
            "no relation has this id",
        ),
        (
            vec!["export", "--out", "m.png", "--size", "big"],
            "WIDTHxHEIGHT",
        ),
        (
            vec!["export", "--out", "missing-dir/m.png"],
            "could not save",
        ),
    ] {
        let o = relmap(&args, dir.path());
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o));
        assert!(text(&o).contains(expect), "{args:?}: {}", text(&o));
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/draft")
        .join(name)
}

#[test]
fn draft_suggests_one_relation_per_co_mentioned_pair_and_the_result_checks() {
    let dir = tempfile::tempdir().expect("cwd");
    let out = dir.path().join("barents.relmap.json");
    let article = fixture("barents.md");
    let actors = fixture("actors.json");
    let o = relmap(
        &[
            "draft",
            article.to_str().expect("utf-8 path"),
            "--actors",
            actors.to_str().expect("utf-8 path"),
            "--out",
            out.to_str().expect("utf-8 path"),
            "--date",
            "2020-05",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    // Four sentences name two or more actors; one names three (three pairs), one four ways.
    assert!(
        text(&o).contains(
            "4 sentences name two or more of them → 8 draft passages on 5 draft relations"
        ),
        "{}",
        text(&o)
    );
    let check = relmap(
        &["check", "--strict", out.to_str().expect("utf-8 path")],
        dir.path(),
    );
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    let d = relmap::model::load_path(&out).expect("draft map loads");
    let pair = &d.relations[d.relation_index("draft-norway-russia").expect("pair")];
    assert_eq!(pair.passages.len(), 4);
    // The quote is the whole sentence; "Oslo" and "Moscow" are aliases; "Russia's" counts.
    assert!(pair.passages[1].quote.starts_with("Oslo and Moscow split"));
    assert!(pair.passages[1].quote.ends_with("a model for the region."));
    assert!(
        pair.passages
            .iter()
            .all(|p| p.status == relmap::model::PassageStatus::Draft)
    );
    // A sentence naming only Russia (in Cyrillic) is no draft.
    assert!(
        d.relations
            .iter()
            .all(|r| r.passages.iter().all(|p| !p.quote.contains("Россия")))
    );
    // Drafts stay out of figures unless asked for.
    let svg = dir.path().join("f.svg");
    let without = relmap(
        &[
            "export",
            out.to_str().expect("p"),
            "--out",
            svg.to_str().expect("p"),
        ],
        dir.path(),
    );
    assert!(without.status.success(), "{}", text(&without));
    let plain = std::fs::read_to_string(&svg).expect("svg");
    assert!(!plain.contains("Draft:"), "drafts are left out");
    let with = relmap(
        &[
            "export",
            out.to_str().expect("p"),
            "--drafts",
            "--out",
            svg.to_str().expect("p"),
        ],
        dir.path(),
    );
    assert!(with.status.success(), "{}", text(&with));
    assert!(
        std::fs::read_to_string(&svg)
            .expect("svg")
            .contains("Draft:")
    );
}

#[test]
fn draft_refuses_a_bad_actor_file_saying_where() {
    let dir = tempfile::tempdir().expect("cwd");
    let bad = dir.path().join("actors.json");
    std::fs::write(&bad, r#"{"actors": [{"id": "x", "name": "X"}]}"#).expect("write");
    let article = fixture("barents.md");
    let o = relmap(
        &[
            "draft",
            article.to_str().expect("p"),
            "--actors",
            bad.to_str().expect("p"),
            "--out",
            dir.path().join("o.relmap.json").to_str().expect("p"),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("actors.json"), "{}", text(&o));
    assert!(text(&o).contains("kind"), "{}", text(&o));
}

#[test]
fn report_writes_html_markdown_and_csv_headless() {
    let dir = tempfile::tempdir().expect("cwd");
    for (name, expect) in [
        ("r.html", "wrote r.html ("),
        ("r.md", "wrote r.md and r.svg ("),
        ("r.csv", "wrote r.csv ("),
    ] {
        let o = relmap(&["report", "--out", name], dir.path());
        assert!(o.status.success(), "{}", text(&o));
        assert!(text(&o).starts_with(expect), "{}", text(&o));
        assert!(dir.path().join(name).is_file());
    }
    let one = relmap(
        &[
            "report",
            "--out",
            "one.csv",
            "--select",
            "cn-kz-energy",
            "--confirmed-only",
        ],
        dir.path(),
    );
    assert!(
        text(&one).contains("(1 relation, 6 passages)"),
        "{}",
        text(&one)
    );
    let bad = relmap(&["report", "--out", "r.pdf"], dir.path());
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad).contains("*.html, *.md or *.csv"),
        "{}",
        text(&bad)
    );
}

/// Width and height from a PNG's header.
#[expect(
    clippy::expect_used,
    reason = "test helper: a missing export must fail the test loudly"
)]
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("png");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn presets_give_slide_and_print_sizes_with_a_title_and_subtitle() {
    let dir = tempfile::tempdir().expect("cwd");
    for (preset, size) in [
        ("slide-16x9", (1920, 1080)),
        ("slide-4x3", (1440, 1080)),
        ("a4-landscape", (1754, 1240)),
        ("a4-portrait", (1240, 1754)),
    ] {
        let out = format!("{preset}.png");
        let o = relmap(
            &[
                "export",
                "--preset",
                preset,
                "--select",
                "cn-kz-energy",
                "--out",
                &out,
            ],
            dir.path(),
        );
        assert!(o.status.success(), "{}", text(&o));
        assert_eq!(png_size(&dir.path().join(&out)), size, "{preset}");
    }
    let o = relmap(
        &[
            "export",
            "--preset",
            "slide-16x9",
            "--title",
            "Brief: Astana",
            "--subtitle",
            "What the article shows",
            "--out",
            "t.svg",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let svg = std::fs::read_to_string(dir.path().join("t.svg")).expect("svg");
    assert!(svg.contains(">Brief: Astana<") && svg.contains(">What the article shows<"));
    assert!(
        !svg.contains(">China–Kazakhstan partnership (2012)<"),
        "the title replaced"
    );
    let both = relmap(
        &[
            "export",
            "--preset",
            "slide-4x3",
            "--size",
            "800x600",
            "--out",
            "x.png",
        ],
        dir.path(),
    );
    assert_eq!(both.status.code(), Some(1), "{}", text(&both));
}

#[test]
fn export_follows_the_link_mode() {
    let dir = tempfile::tempdir().expect("cwd");
    let count = |mode: &str| {
        let out = format!("{mode}.svg");
        let o = relmap(&["export", "--links", mode, "--out", &out], dir.path());
        assert!(o.status.success(), "{}", text(&o));
        let svg = std::fs::read_to_string(dir.path().join(&out)).expect("svg");
        (
            svg.matches(r#"class="relation""#).count(),
            svg.matches(r#"<circle class="badge""#).count(),
        )
    };
    assert_eq!(count("relation"), (22, 0));
    assert_eq!(
        count("pair"),
        (7, 5),
        "7 pairs; the 2 single-relation ones need no badge"
    );
    let (lines, badges) = count("direction");
    assert!(
        (6..22).contains(&lines) && badges <= lines,
        "{lines} {badges}"
    );
}
