//! Briefing exports from the real built-in map: SVG structure, escaping, determinism, PNG pixels.

#[path = "support/table.rs"]
mod table;

use relmap::export::{self, ExportOptions, PictureFormat};
use relmap::map::{MapState, SelectCommand, ViewCommand};
use relmap::model;
use relmap::scene::{Selection, Style, Theme};

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn state() -> MapState {
    MapState::new(model::builtin().expect("built-in"))
}

fn svg_of(state: &MapState, opts: &ExportOptions) -> String {
    export::figure_svg(&state.figure(opts))
}

#[test]
fn svg_is_well_formed_and_has_labels_paths_legend_and_source() {
    let s = state();
    let svg = svg_of(&s, &ExportOptions::default());
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    let visible = s.visible_actors();
    for (a, actor) in s.doc.dataset.actors.iter().enumerate() {
        assert_eq!(
            texts.contains(&actor.name),
            visible[relmap::model::ActorId(a)],
            "{}",
            actor.name
        );
    }
    let paths = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("relation"))
        .count();
    let shown = s.visible_relations().iter().filter(|v| **v).count();
    assert_eq!(paths, shown);
    for legend in [
        "security",
        "economy",
        "energy",
        "diplomacy",
        "society",
        "cooperation",
        "tension",
        "mixed",
    ] {
        assert!(texts.iter().any(|t| t == legend), "legend lacks {legend}");
    }
    assert!(
        texts
            .iter()
            .any(|t| t == "China–Kazakhstan partnership (2012)")
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Source: Richard Weitz, “The Underappreciated China-Kazakhstan Partnership”, 1 March 2012")),
        "{texts:?}"
    );
}

#[test]
fn hidden_things_are_absent_from_the_export() {
    let mut s = state();
    let hidden_before = svg_of(&s, &ExportOptions::default());
    assert!(!hidden_before.contains(">India<"));
    s.apply(ViewCommand::SetShowSecondary(true));
    let shown = svg_of(&s, &ExportOptions::default());
    assert!(shown.contains(">India<"));
}

#[test]
fn selected_relation_gets_an_evidence_card() {
    let mut s = state();
    let r = s
        .doc
        .dataset
        .relation_index("cn-kz-energy")
        .expect("relation");
    s.apply(SelectCommand::Select(Selection::Relation(r)));
    let svg = svg_of(&s, &ExportOptions::default());
    assert!(svg.contains("China — Kazakhstan: Energy investment and pipelines"));
    assert!(
        svg.contains("[5] “Major oil and gas pipelines link the two countries.” (¶8)"),
        "{svg}"
    );
    let plain = svg_of(
        &s,
        &ExportOptions {
            with_selection: false,
            ..Default::default()
        },
    );
    assert!(!plain.contains("[5] “Major oil"));
}

#[test]
fn the_evidence_card_marks_cut_quotes_and_prints_their_sentence() {
    let mut s = state();
    let r = s
        .doc
        .dataset
        .relation_index("cn-kz-energy")
        .expect("relation");
    s.apply(SelectCommand::Select(Selection::Relation(r)));
    let svg = svg_of(&s, &ExportOptions::default());
    // Passage 1 is cut from the middle of its sentence: "…" on both sides, then the sentence.
    assert!(
        svg.contains("[1] “…granting Chinese firms access to Kazakhstan’s energy resources…”"),
        "{svg}"
    );
    assert!(
        svg.contains("Sentence: “Chinese goals regarding Kazakhstan have included"),
        "the whole sentence follows a cut quote"
    );
    // A whole-sentence quote gets neither marks nor a sentence line.
    assert!(svg.contains("[5] “Major oil and gas pipelines link the two countries.”"));
    assert!(!svg.contains("Sentence: “Major oil"));
}

#[test]
fn hostile_text_is_escaped() {
    let mut d = model::builtin().expect("built-in");
    d.title = "<script>alert('x')</script> & \"co\"".to_owned();
    d.actors[relmap::model::ActorId(0)].name = "A<B>&\"C\"\u{1}".to_owned();
    let s = MapState::new(d);
    let svg = svg_of(&s, &ExportOptions::default());
    let doc = roxmltree::Document::parse(&svg).expect("still well-formed");
    assert!(!svg.contains("<script>"));
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"<script>alert('x')</script> & \"co\""));
    assert!(texts.contains(&"A<B>&\"C\"\u{FFFD}"));
}

#[test]
fn same_inputs_give_identical_bytes() {
    for format in [PictureFormat::Svg, PictureFormat::Png] {
        let a =
            export::render(&state().figure(&ExportOptions::default()), format, 1).expect("render");
        let b =
            export::render(&state().figure(&ExportOptions::default()), format, 1).expect("render");
        assert!(a == b, "{format:?} differs between runs");
    }
}

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn png_size(bytes: &[u8]) -> (u32, u32) {
    (
        u32::from_be_bytes(bytes[16..20].try_into().expect("w")),
        u32::from_be_bytes(bytes[20..24].try_into().expect("h")),
    )
}

#[test]
fn png_scale_and_node_colours() {
    let s = state();
    let opts = ExportOptions::default();
    let figure = s.figure(&opts);
    let svg = export::figure_svg(&figure);
    let (one, w1, h1) = export::svg_to_png(&svg, 1).expect("1x");
    assert_eq!(png_size(&one), (figure.width, figure.height));
    assert_eq!((w1, h1), (figure.width, figure.height));
    for scale in [2u8, 3] {
        let (bytes, w, h) = export::svg_to_png(&svg, scale).expect("png");
        assert_eq!((w, h), (w1 * u32::from(scale), h1 * u32::from(scale)));
        assert_eq!(png_size(&bytes), (w, h));
    }
    // Pixels at node centres carry the node fill; the background is white.
    let image = export::svg_to_rgba(&svg, 2).expect("rgba");
    let style = Style::for_theme(Theme::Light);
    let at = |p: egui::Pos2| {
        let q = figure.figure_from_world * p;
        image.pixels[(q.y * 2.0) as usize * image.size[0] + (q.x * 2.0) as usize]
    };
    for node in &figure.scene.nodes {
        let px = at(node.center);
        let fill = node.fill;
        let close = (i32::from(px.r()) - i32::from(fill.r())).abs() <= 3
            && (i32::from(px.g()) - i32::from(fill.g())).abs() <= 3
            && (i32::from(px.b()) - i32::from(fill.b())).abs() <= 3;
        assert!(close, "{}: {px:?} vs {fill:?}", node.label.text);
    }
    assert_eq!(image.pixels[5 * image.size[0] + 5], style.background);
    let non_white = image
        .pixels
        .iter()
        .filter(|p| **p != egui::Color32::WHITE)
        .count();
    assert!(non_white > image.pixels.len() / 50, "not blank");
}

#[test]
fn dark_and_transparent_backgrounds() {
    let s = state();
    let dark = s.figure(&ExportOptions {
        theme: Theme::Dark,
        ..Default::default()
    });
    let image = export::svg_to_rgba(&export::figure_svg(&dark), 1).expect("dark");
    assert_eq!(image.pixels[0], Style::for_theme(Theme::Dark).background);
    let clear = s.figure(&ExportOptions {
        transparent: true,
        ..Default::default()
    });
    let image = export::svg_to_rgba(&export::figure_svg(&clear), 1).expect("transparent");
    assert_eq!(image.pixels[0].a(), 0);
}

#[test]
fn a_failed_export_leaves_the_existing_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let target = dir.path().join("map.svg");
    std::fs::write(&target, "old").expect("seed");
    let figure = state().figure(&ExportOptions::default());
    // A directory where the file should be: the rename fails, the old file elsewhere is kept.
    let blocked = dir.path().join("blocked.svg");
    std::fs::create_dir(&blocked).expect("mkdir");
    assert!(export::export_to_file(&figure, &blocked, 1).is_err());
    assert!(export::export_to_file(&figure, &dir.path().join("nope/map.svg"), 1).is_err());
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
    export::export_to_file(&figure, &target, 1).expect("write");
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .starts_with("<svg")
    );
}

#[test]
fn in_app_export_writes_the_file_and_reports_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut app = relmap::app::RelmapApp::from_state(state());
    let path = dir.path().join("from-app.png");
    app.export_to(path.clone(), 2);
    app.wait_for_jobs();
    assert!(path.exists());
    assert!(
        app.toasts().iter().any(|t| t.text.contains("from-app.png")),
        "toast names the file"
    );
    app.export_to(dir.path().join("missing/x.png"), 1);
    app.wait_for_jobs();
    assert!(
        app.toasts()
            .iter()
            .any(|t| t.text.contains("could not save"))
    );
}

#[test]
fn absurdly_long_labels_are_truncated_not_a_layout_blow_up() {
    let mut d = model::builtin().expect("built-in");
    d.actors[relmap::model::ActorId(0)].name = "China ".repeat(20_000);
    d.relations[relmap::model::RelationId(0)].label = "x".repeat(100_000);
    let s = MapState::new(d);
    let scene = s.scene(&Style::for_theme(Theme::Light));
    let china = scene.node(relmap::model::ActorId(0)).expect("china drawn");
    assert!(
        china.label.rect.width() < 600.0,
        "{}",
        china.label.rect.width()
    );
    assert!(china.label.text.ends_with('…'));
    let figure = s.figure(&ExportOptions::default());
    assert!(
        figure.width < 2_000,
        "figure stays briefing-sized: {}",
        figure.width
    );
}

/// `#rrggbb` as a colour.
fn hex(s: &str) -> Option<egui::Color32> {
    let s = s.strip_prefix('#')?;
    let v = u32::from_str_radix(s, 16).ok()?;
    Some(egui::Color32::from_rgb(
        (v >> 16) as u8,
        (v >> 8) as u8,
        v as u8,
    ))
}

#[test]
fn every_actor_name_keeps_aa_contrast_with_a_selection_in_both_themes() {
    for theme in [Theme::Light, Theme::Dark] {
        let mut s = state();
        s.apply(ViewCommand::SetShowSecondary(true));
        let r = s
            .doc
            .dataset
            .relation_index("cn-kz-energy")
            .expect("relation");
        s.apply(SelectCommand::Select(Selection::Relation(r)));
        let svg = svg_of(
            &s,
            &ExportOptions {
                theme,
                ..ExportOptions::default()
            },
        );
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        let background = Style::for_theme(theme).background;
        let labels: Vec<(String, egui::Color32)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some("label"))
            .map(|n| {
                let fill = n.attribute("fill").and_then(hex).expect("a fill colour");
                (n.text().unwrap_or_default().to_owned(), fill)
            })
            .collect();
        assert!(labels.len() >= 10, "{labels:?}");
        for (name, fill) in labels {
            let ratio = relmap::scene::contrast_ratio(fill, background);
            assert!(
                ratio >= relmap::scene::MIN_TEXT_CONTRAST,
                "{name:?} at {ratio:.2}:1 in {theme:?}"
            );
        }
    }
}

#[test]
fn the_evidence_report_in_html_markdown_and_csv() {
    let dir = tempfile::tempdir().expect("dir");
    let s = state();
    let input = s.report_input(None, false);
    let figure = s.figure(&ExportOptions::default());
    let d = &s.doc.dataset;

    let html_path = dir.path().join("report.html");
    let written = export::write_report(&html_path, d, &input, &figure).expect("html");
    assert_eq!(
        written,
        std::slice::from_ref(&html_path),
        "one self-contained file"
    );
    let html = std::fs::read_to_string(&html_path).expect("read");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"), "the figure is inline");
    assert!(!html.contains("<?xml"), "no XML declaration inside HTML");
    assert!(
        !html.contains("src=") && !html.contains("<link"),
        "nothing external"
    );
    assert!(html.contains("@media print"));
    assert!(html.contains("<h2>China — Kazakhstan</h2>"));
    assert!(html.contains("Energy investment and pipelines"));
    assert!(html.contains(
        "<strong>granting Chinese firms access to Kazakhstan’s energy resources</strong>"
    ));
    assert!(html.contains("¶1"));
    let again = export::report_html(d, &input, &export::figure_svg(&figure));
    assert_eq!(again, html, "deterministic");

    let md_path = dir.path().join("report.md");
    let written = export::write_report(&md_path, d, &input, &figure).expect("md");
    assert_eq!(written, [md_path.clone(), dir.path().join("report.svg")]);
    let md = std::fs::read_to_string(&md_path).expect("read");
    assert!(md.contains("](report.svg)"));
    assert!(md.contains("**granting Chinese firms access to Kazakhstan’s energy resources**"));

    let csv_path = dir.path().join("report.csv");
    export::write_report(&csv_path, d, &input, &figure).expect("csv");
    let table::Table { header, rows } = table::read_file(&csv_path);
    assert_eq!(header, export::CSV_COLUMNS);
    assert_eq!(rows.len(), input.passage_count(d));
    for row in &rows {
        let (quote, sentence) = (&row[6], &row[7]);
        // The quote as the dataset spells it; the sentence verbatim (spacing may differ).
        let norm = model::normalize_for_match;
        assert!(
            norm(sentence).contains(norm(quote).trim()),
            "{quote} in {sentence}"
        );
        assert!(
            d.primary().article.text.contains(sentence),
            "the sentence exactly as in the article"
        );
    }
    // --confirmed-only drops what is not confirmed; a selection reports one relation.
    let energy = d.relation_index("cn-kz-energy").expect("relation");
    let one = s.report_input(Some(energy), true);
    assert_eq!(one.relations, [energy]);
    assert!(export::report_csv(d, &one).lines().count() <= 7);
    assert!(export::write_report(&dir.path().join("r.pdf"), d, &input, &figure).is_err());
}

#[test]
fn in_a_slide_frame_names_stay_readable_and_the_legend_sits_beside_the_map() {
    let s = state();
    let mut opts = ExportOptions::default();
    export::Preset::Slide16x9.apply(&mut opts);
    let figure = s.figure(&opts);
    assert_eq!((figure.width, figure.height), (960, 540));
    let zoom = figure.figure_from_world.scaling;
    for n in &figure.scene.nodes {
        assert!(
            n.label.size * zoom >= 10.9,
            "{} at {} px",
            n.label.text,
            n.label.size * zoom
        );
    }
    // Legend samples start right of the map.
    let map_right = (figure.figure_from_world * figure.scene.bounds.max).x;
    let legend_x = figure
        .decorations
        .iter()
        .find_map(|d| match d {
            export::Decoration::Line { a, .. } => Some(a.x),
            _ => None,
        })
        .expect("a legend sample");
    assert!(legend_x > map_right, "{legend_x} > {map_right}");
}

#[test]
fn line_labels_never_cover_a_node_or_each_other() {
    use relmap::scene::{LineLabels, LinkMode};
    for links in LinkMode::ALL {
        let mut s = state();
        s.apply(ViewCommand::SetShowSecondary(true));
        s.apply(ViewCommand::SetLinks(links));
        s.apply(ViewCommand::SetLineLabels(LineLabels::All));
        let scene = s.scene(&Style::for_theme(Theme::Light));
        assert!(
            scene.edge_labels.len() >= 5,
            "{links:?}: {}",
            scene.edge_labels.len()
        );
        for l in &scene.edge_labels {
            let b = l.bounds();
            for n in &scene.nodes {
                let disc =
                    egui::Rect::from_center_size(n.center, egui::Vec2::splat(2.0 * n.radius));
                assert!(
                    !b.intersects(disc),
                    "{:?} covers {:?}",
                    l.text,
                    n.label.text
                );
                assert!(
                    !b.intersects(n.label.rect),
                    "{:?} covers {:?}'s name",
                    l.text,
                    n.label.text
                );
            }
            for other in &scene.edge_labels {
                if !std::ptr::eq(l, other) {
                    assert!(
                        !b.intersects(other.bounds()),
                        "{:?} and {:?}",
                        l.text,
                        other.text
                    );
                }
            }
        }
    }
    // "Selected": only the selected relation's label; "off": none.
    let mut s = state();
    let r = s
        .doc
        .dataset
        .relation_index("cn-kz-energy")
        .expect("relation");
    s.apply(SelectCommand::Select(Selection::Relation(r)));
    let scene = s.scene(&Style::for_theme(Theme::Light));
    let texts: Vec<&str> = scene.edge_labels.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["Energy investment and pipelines"]);
    let svg = svg_of(&s, &ExportOptions::default());
    assert!(
        svg.contains(r#"class="line-label""#) && svg.contains(">Energy investment and pipelines<")
    );
    s.apply(ViewCommand::SetLineLabels(LineLabels::Off));
    assert!(
        s.scene(&Style::for_theme(Theme::Light))
            .edge_labels
            .is_empty()
    );
}

#[test]
fn exports_carry_no_pin_marks_or_hover() {
    use relmap::map::EditCommand;
    let mut s = state();
    let cn = s.doc.dataset.actor_index("china").expect("actor");
    s.apply(EditCommand::StartDrag(cn));
    s.apply(EditCommand::DragTo(egui::Pos2::new(300.0, 300.0)));
    s.apply(EditCommand::EndDrag);
    assert!(s.is_pinned(cn));
    let r = s
        .doc
        .dataset
        .relation_index("cn-kz-energy")
        .expect("relation");
    s.apply(SelectCommand::Hover(Some(relmap::scene::Hit::Edge(r))));
    let on_screen = s.scene(&Style::for_theme(Theme::Light));
    assert!(
        on_screen.nodes.iter().any(|n| n.pin.is_some()),
        "pinned on screen"
    );
    let svg = svg_of(&s, &ExportOptions::default());
    assert!(!svg.contains(r#"class="pin""#), "no pin mark in the figure");
    let figure = s.figure(&ExportOptions::default());
    assert!(
        figure.scene.edges.iter().all(|e| !e.halo),
        "no hover halo in the figure"
    );
}

#[test]
fn a_focused_pair_s_slide_fills_its_frame_and_its_legend_names_groups_and_numbered_lines() {
    use relmap::map::{FilterCommand, FocusMode};
    let mut s = state();
    let d = &s.doc.dataset;
    let (kz, ru) = (
        d.actor_index("kazakhstan").expect("kz"),
        d.actor_index("russia").expect("ru"),
    );
    s.apply(FilterCommand::SetFocus(Some((kz, FocusMode::Pair(ru)))));
    assert_eq!(s.figure_subject().as_deref(), Some("Kazakhstan and Russia"));
    let mut opts = ExportOptions::default();
    export::Preset::Slide16x9.apply(&mut opts);
    let fig = s.figure(&opts);
    let t = fig.figure_from_world;
    let drawn = egui::Rect::from_min_max(t * fig.scene.bounds.min, t * fig.scene.bounds.max);
    let (w, h) = (fig.width as f32, fig.height as f32);
    assert!(
        drawn.width() >= 0.7 * w || drawn.height() >= 0.7 * h,
        "the drawing uses {:.0}% of the width and {:.0}% of the height",
        100.0 * drawn.width() / w,
        100.0 * drawn.height() / h
    );
    let texts: Vec<&str> = fig
        .decorations
        .iter()
        .filter_map(|dec| match dec {
            export::Decoration::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for heading in ["Policy field", "Tone", "Lines"] {
        assert!(
            texts.contains(&heading),
            "{heading} heads its group: {texts:?}"
        );
    }
    let pair: Vec<_> = s
        .doc
        .dataset
        .relations
        .iter()
        .filter(|r| r.joins(kz, ru))
        .collect();
    for (n, rel) in pair.iter().enumerate() {
        let first_word = rel.label.split_whitespace().next().expect("a label");
        let key = format!("{} · {first_word}", n + 1);
        assert!(
            texts.iter().any(|t| t.starts_with(&key)),
            "the key names line {key}…: {texts:?}"
        );
    }
    assert!(
        texts.iter().all(|t| !t.ends_with('…')),
        "no name in the legend is cut: {texts:?}"
    );
}

#[test]
fn a_long_line_label_wraps_to_two_lines_before_it_is_cut_on_screen_and_in_svg() {
    use relmap::scene::LineLabels;
    let label =
        "Close economic ties through the Customs Union, the proposed Eurasian Union and transit";
    assert!(label.chars().count() > 64, "too long for one line");
    let json = format!(
        r#"{{"format": "relmap/1", "source": {{"title": "T", "text": "Russia and Kazakhstan trade a great deal every single year."}},
          "actors": [{{"id": "ru", "name": "Russia", "kind": "state", "position": [0.0, 0.5]}},
                     {{"id": "kz", "name": "Kazakhstan", "kind": "state", "position": [1.0, 0.5]}}],
          "relations": [{{"id": "r", "source": "ru", "target": "kz", "label": {label:?},
                          "passages": [{{"quote": "Russia and Kazakhstan trade a great deal every single year."}}]}}]}}"#
    );
    let mut s = MapState::new(model::load_str(&json, "t.relmap.json").expect("loads"));
    s.apply(ViewCommand::SetLineLabels(LineLabels::All));
    let scene = s.scene(&Style::for_theme(Theme::Light));
    let placed = scene.edge_labels.first().expect("the label is placed");
    assert_eq!(placed.text.lines().count(), 2, "{:?}", placed.text);
    assert!(!placed.text.contains('…'), "nothing cut: {:?}", placed.text);
    assert_eq!(
        placed.text.split_whitespace().collect::<Vec<_>>().join(" "),
        label,
        "every word is there"
    );
    let svg = export::figure_svg(&s.figure(&ExportOptions::default()));
    let (first, second) = placed.text.split_once('\n').expect("two lines");
    assert!(
        svg.contains(first) && svg.contains(second),
        "both lines in the SVG"
    );
}

#[test]
fn spans_read_in_words_and_forecasts_are_faint_with_a_legend_entry() {
    let s = state();
    let d = &s.doc.dataset;
    let input = s.report_input(None, false);
    // The CSV keeps the date as saved (EDTF) and prints it in words beside it.
    let csv = export::report_csv(d, &input);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let since = reader
        .records()
        .map(|r| r.expect("row"))
        .find(|r| r[6].contains("second-largest trade partner since 2009"))
        .expect("the since-2009 passage");
    assert_eq!(&since[9], "2009/..");
    assert_eq!(&since[13], "since 2009");
    let figure = s.figure(&ExportOptions::default());
    let html = export::report_html(d, &input, &export::figure_svg(&figure));
    assert!(html.contains("since 2009"), "the report prints it in words");
    assert!(html.contains("since about 1992"), "“the past two decades”");

    // A relation resting only on aims is drawn faint, and the legend says what faint means.
    let edge = |id: &str| {
        let r = d.relation_index(id).expect("relation");
        figure
            .scene
            .edges
            .iter()
            .find(|e| e.relation == r)
            .expect("drawn")
            .color
    };
    let (aim, fact) = (edge("cn-us-balance"), edge("cn-kz-energy"));
    assert!(
        aim.a() < fact.a() / 2 + 20,
        "aim {aim:?} is fainter than fact {fact:?}"
    );
    assert!(figure.scene.legend.unreported);
    let svg = export::figure_svg(&figure);
    assert!(svg.contains(">forecast / aim<"), "in the figure's legend");
}
