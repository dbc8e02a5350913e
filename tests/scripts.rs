//! Every script a source names: a map whose actors are named in twelve scripts (Han, kana,
//! Hangul, traditional Han, Arabic script, Greek, Hebrew, Devanagari, Thai, Cyrillic, Georgian,
//! Armenian) draws every glyph in the app, the PNG export logs no missing glyph, and the SVG
//! names a font family covering every label. The system fonts come from `fonts-noto-core`
//! (installed by `.ci/run`).

#![expect(
    clippy::expect_used,
    reason = "tests: a broken fixture must fail loudly"
)]

mod common;

use std::path::Path;
use std::sync::{Mutex, OnceLock};

use relmap::map::MapState;
use relmap::model::{self, Dataset};

const MAP: &str = "tests/fixtures/scripts/scripts.relmap.json";

fn map() -> Dataset {
    model::load_path(Path::new(MAP)).expect("the scripts map loads")
}

/// Warnings logged by any crate (resvg logs "No fonts with a … character" for missing glyphs).
struct Recorder(Mutex<Vec<String>>);

impl log::Log for Recorder {
    fn enabled(&self, m: &log::Metadata<'_>) -> bool {
        m.level() <= log::Level::Warn
    }
    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata())
            && let Ok(mut lines) = self.0.lock()
        {
            lines.push(format!("{}: {}", record.target(), record.args()));
        }
    }
    fn flush(&self) {}
}

fn recorder() -> &'static Recorder {
    static REC: OnceLock<&'static Recorder> = OnceLock::new();
    REC.get_or_init(|| {
        let rec: &'static Recorder = Box::leak(Box::new(Recorder(Mutex::new(Vec::new()))));
        log::set_logger(rec).expect("no other logger in this test binary");
        log::set_max_level(log::LevelFilter::Warn);
        rec
    })
}

#[test]
fn the_app_has_a_glyph_for_every_name() {
    let d = map();
    let names: Vec<String> = d.actors.iter().map(|a| a.name.clone()).collect();
    assert!(names.len() >= 12);
    let h = common::harness_for(MapState::new(d));
    let font = egui::FontId::proportional(14.0);
    for name in &names {
        let shown = relmap::fonts::visual_order(name);
        assert!(
            h.ctx.fonts_mut(|f| f.has_glyphs(&font, &shown)),
            "no glyph for some of {name:?}"
        );
    }
    assert!(h.state().missing_scripts().is_empty());
}

#[test]
fn a_two_word_hebrew_name_is_drawn_right_to_left_in_the_svg() {
    let state = MapState::new(map());
    let svg = relmap::export::figure_svg(&state.figure(&relmap::export::ExportOptions::default()));
    let x_of = |word: &str| -> f32 {
        let at = svg
            .find(&format!(">{word}</text>"))
            .expect("the word has its own text");
        let start = svg[..at].rfind("<text x=\"").expect("its text element") + 9;
        let end = start + svg[start..].find('"').expect("closing quote");
        svg[start..end].parse().expect("a number")
    };
    // "מדינת ישראל": the first word is read first, from the right.
    assert!(x_of("מדינת") > x_of("ישראל"));
}

#[test]
fn the_png_export_logs_no_missing_glyph() {
    let rec = recorder();
    let state = MapState::new(map());
    let figure = state.figure(&relmap::export::ExportOptions::default());
    let svg = relmap::export::figure_svg(&figure);
    let (png, w, h) = relmap::export::svg_to_png(&svg, 1).expect("renders");
    assert!(png.len() > 1000 && w > 0 && h > 0);
    let lines = rec.0.lock().expect("log lines").clone();
    let missing: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("No fonts with") || l.contains("No match for"))
        .collect();
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Whether the face of family `family` (in the bundled fonts or the system's) has `c`.
fn family_has(db: &resvg::usvg::fontdb::Database, family: &str, c: char) -> bool {
    use resvg::usvg::fontdb::{Family, Query};
    let Some(id) = db.query(&Query {
        families: &[Family::Name(family)],
        ..Query::default()
    }) else {
        return false;
    };
    db.with_face_data(id, |data, index| {
        ttf_parser::Face::parse(data, index).is_ok_and(|f| f.glyph_index(c).is_some())
    })
    .unwrap_or(false)
}

#[test]
fn the_svg_names_a_font_family_covering_every_label() {
    let d = map();
    let state = MapState::new(d.clone());
    let svg = relmap::export::figure_svg(&state.figure(&relmap::export::ExportOptions::default()));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let families: Vec<String> = doc
        .root_element()
        .attribute("font-family")
        .expect("a font-family list")
        .split(',')
        .map(|f| f.trim().to_owned())
        .collect();
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_system_fonts();
    db.load_font_data(relmap::fonts::LABEL_FONT.to_vec());
    for (_, bytes, _) in relmap::fonts::BUNDLED_FALLBACKS {
        db.load_font_data(bytes.to_vec());
    }
    for a in &d.actors {
        // Right-to-left names are written word by word, in display order.
        for word in a.name.split(' ') {
            assert!(svg.contains(word), "{word} of {} is in the SVG", a.name);
        }
        for c in a.name.chars().filter(|c| !c.is_whitespace()) {
            assert!(
                families.iter().any(|f| family_has(&db, f, c)),
                "no family in {families:?} has {c:?} of {}",
                a.name
            );
        }
    }
}

#[test]
fn a_script_no_font_has_is_named_once_with_the_package_to_install() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kawi.relmap.json");
    // Kawi (Unicode 15) is in no bundled font and in no font of Debian 12's fonts-noto-core.
    let map = r#"{"format": "relmap/1", "title": "Old Javanese",
      "source": {"title": "Note", "text": "𑼄𑼅 and Java met."},
      "actors": [{"id": "k", "name": "𑼄𑼅", "kind": "state"}, {"id": "j", "name": "Java", "kind": "state"}],
      "relations": [{"id": "k-j", "source": "k", "target": "j", "label": "Met",
        "passages": [{"quote": "𑼄𑼅 and Java met."}]}]}"#;
    std::fs::write(&path, map).expect("fixture written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_relmap"))
        .arg("check")
        .arg(&path)
        .output()
        .expect("relmap runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let warning = "warning: no installed font has Kawi characters (𑼄𑼅): install the Debian package fonts-noto-core";
    assert_eq!(stdout.matches(warning).count(), 1, "{stdout}");
    let png = dir.path().join("kawi.png");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(["export", "--out"])
        .arg(&png)
        .arg(&path)
        .output()
        .expect("relmap runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stderr
            .matches("no installed font has Kawi characters")
            .count(),
        1,
        "{stderr}"
    );
}

#[test]
fn the_app_draws_a_two_word_hebrew_name_right_to_left() {
    let ctx = egui::Context::default();
    relmap::fonts::install(&ctx);
    let name = "מדינת ישראל";
    let missing = relmap::fonts::install_for(&ctx, &relmap::fonts::chars_of([name]));
    assert!(missing.is_empty(), "{missing:?}");
    let shown = relmap::fonts::visual_order(name).into_owned();
    let mut x_of = Vec::new();
    let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
        let galley = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                shown.clone(),
                egui::FontId::proportional(20.0),
                egui::Color32::BLACK,
            )
        });
        x_of = galley.rows[0]
            .glyphs
            .iter()
            .map(|g| (g.chr, g.pos.x))
            .collect();
    });
    out.textures_delta.clear();
    let first = |c: char| {
        x_of.iter()
            .find(|(g, _)| *g == c)
            .map(|(_, x)| *x)
            .expect("the letter is laid out")
    };
    // מ starts the first word, ל ends the second: read from the right, מ is right of ל.
    assert!(first('מ') > first('ל'), "{x_of:?}");
    // Each word is joined right to left within itself (ת, its last letter, left of מ).
    assert!(first('ת') < first('מ'), "{x_of:?}");
}
