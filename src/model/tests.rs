//! One small fixture per refusal: each asserts the message names the problem and its place.

use super::*;

const ARTICLE: &str =
    "Title\n\nChina and Kazakhstan signed a “win-win” pipeline deal.\n\nRussia objected.\n";

fn dataset(actors: &str, relations: &str) -> String {
    format!(
        r#"{{"format": "relmap/1", "title": "T",
            "source": {{"title": "A", "text": {article}}},
            "actors": [{actors}], "relations": [{relations}]}}"#,
        article = serde_json::to_string(ARTICLE).expect("json")
    )
}

const CN: &str = r#"{"id": "cn", "name": "China", "kind": "state"}"#;
const KZ: &str = r#"{"id": "kz", "name": "Kazakhstan", "kind": "state"}"#;

fn rel(id: &str, source: &str, target: &str, quote: &str) -> String {
    format!(
        r#"{{"id": "{id}", "source": "{source}", "target": "{target}", "label": "L",
            "dimension": "energy", "tone": "cooperation",
            "passages": [{{"quote": {}}}]}}"#,
        serde_json::to_string(quote).expect("json")
    )
}

fn err(text: &str) -> String {
    match load_str(text, "t.relmap.json") {
        Ok(_) => panic!("expected a refusal"),
        Err(e) => e.to_string(),
    }
}

fn assert_names(text: &str, parts: &[&str]) {
    let msg = err(text);
    for p in parts {
        assert!(msg.contains(p), "{p:?} not in {msg:?}");
    }
}

#[test]
fn a_valid_dataset_loads_and_anchors_its_quotes() {
    let d = load_str(
        &dataset(
            &format!("{CN},{KZ}"),
            &rel("r", "cn", "kz", "signed a \"win-win\"  pipeline deal"),
        ),
        "t",
    )
    .expect("valid");
    let a = d.relations[crate::model::RelationId(0)].passages[0]
        .anchor
        .as_ref()
        .expect("anchored");
    assert_eq!(a.paragraph(), 2);
    assert_eq!(
        &d.primary().article.text[a.range.clone()],
        "signed a “win-win” pipeline deal"
    );
}

#[test]
fn malformed_json_gives_line_and_column() {
    assert_names(
        "{\n  \"format\": \"relmap/1\",\n  oops\n}",
        &["t.relmap.json:3:3:", "invalid JSON"],
    );
}

#[test]
fn wrong_type_gives_the_json_path() {
    let text = dataset(
        &format!("{CN},{KZ}"),
        &rel("r", "cn", "kz", "Russia objected."),
    )
    .replace("\"label\": \"L\"", "\"label\": 5");
    assert_names(&text, &["relations[0].label", "invalid type"]);
    let missing = dataset(CN, "").replace(r#""kind": "state""#, r#""kinds": "state""#);
    assert_names(&missing, &["actors[0]"]);
}

#[test]
fn unknown_format_version_is_refused() {
    assert_names(
        &dataset(CN, "").replace("relmap/1", "relmap/9"),
        &["\"relmap/9\"", "not supported"],
    );
    assert_names(r#"{"actors": []}"#, &["format", "missing"]);
}

#[test]
fn duplicate_ids_are_refused() {
    assert_names(
        &dataset(&format!("{CN},{CN},{KZ}"), ""),
        &[
            "actors[1] (\"cn\")",
            "duplicate actor id \"cn\"",
            "actors[0]",
        ],
    );
    let two = format!(
        "{},{}",
        rel("r", "cn", "kz", "Russia objected."),
        rel("r", "kz", "cn", "Russia objected.")
    );
    assert_names(
        &dataset(&format!("{CN},{KZ}"), &two),
        &["relations[1] (\"r\")", "duplicate relation id \"r\""],
    );
}

#[test]
fn dangling_endpoints_are_refused() {
    assert_names(
        &dataset(CN, &rel("r", "cn", "kaz", "Russia objected.")),
        &["relations[0] (\"r\").target", "\"kaz\" names no actor"],
    );
}

#[test]
fn self_relations_are_refused() {
    assert_names(
        &dataset(CN, &rel("r", "cn", "cn", "Russia objected.")),
        &["relations[0] (\"r\")", "to itself"],
    );
}

#[test]
fn empty_names_are_refused() {
    assert_names(
        &dataset(r#"{"id": "cn", "name": "  ", "kind": "state"}"#, ""),
        &["actors[0] (\"cn\")", "name is empty"],
    );
}

#[test]
fn quotes_not_in_the_article_name_relation_and_first_words() {
    let msg = err(&dataset(
        &format!("{CN},{KZ}"),
        &rel(
            "cn-kz-trade",
            "cn",
            "kz",
            "China has been Kazakhstan’s second-largest trade partner since 2009 and more",
        ),
    ));
    assert!(msg.contains("t.relmap.json: relations[0] (\"cn-kz-trade\").passages[0]: quote not found in article: \"China has been Kazakhstan’s second-largest trade partner since"), "{msg}");
}

#[test]
fn all_problems_are_reported_at_once() {
    let rels = format!(
        "{},{}",
        rel("a", "cn", "xx", "Russia objected."),
        rel("b", "cn", "kz", "not there")
    );
    let e = load_str(&dataset(&format!("{CN},{KZ}"), &rels), "t").expect_err("invalid");
    assert_eq!(e.lines().len(), 2, "{e}");
}

#[test]
fn text_file_outside_the_folder_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    for bad in ["/etc/passwd", "../secret.txt", "sub/../../x.txt", ""] {
        let text = dataset(CN, "").replace(
            &format!(
                r#""text": {}"#,
                serde_json::to_string(ARTICLE).expect("json")
            ),
            &format!(
                r#""text_file": {}"#,
                serde_json::to_string(bad).expect("json")
            ),
        );
        let path = dir.path().join("d.relmap.json");
        std::fs::write(&path, text).expect("write");
        let msg = load_path(&path).expect_err("refused").to_string();
        assert!(
            msg.contains("source.text_file") && msg.contains("inside the dataset's own folder"),
            "{bad}: {msg}"
        );
    }
}

#[test]
fn missing_text_file_is_refused_and_a_present_one_loads() {
    let dir = tempfile::tempdir().expect("tmp");
    let text = dataset(
        &format!("{CN},{KZ}"),
        &rel("r", "cn", "kz", "Russia objected."),
    )
    .replace(
        &format!(
            r#""text": {}"#,
            serde_json::to_string(ARTICLE).expect("json")
        ),
        r#""text_file": "article.txt""#,
    );
    let path = dir.path().join("d.relmap.json");
    std::fs::write(&path, &text).expect("write");
    let msg = load_path(&path).expect_err("missing").to_string();
    assert!(
        msg.contains("text_file \"article.txt\" cannot be read"),
        "{msg}"
    );
    std::fs::write(dir.path().join("article.txt"), ARTICLE).expect("write");
    let d = load_path(&path).expect("loads");
    assert_eq!(
        d.relations[crate::model::RelationId(0)].passages[0]
            .anchor
            .as_ref()
            .map(Anchor::paragraph),
        Some(3)
    );
}

#[test]
fn non_finite_positions_are_refused() {
    // JSON has no NaN; a huge number overflows f32 and is caught.
    let a = r#"{"id": "cn", "name": "China", "kind": "state", "position": [1e300, 0.5]}"#;
    assert_names(
        &dataset(a, ""),
        &["actors[0] (\"cn\")", "position must be two finite numbers"],
    );
    // Numbers beyond f64 are a parse error with a location.
    let a = r#"{"id": "cn", "name": "China", "kind": "state", "position": [1e999, 0.5]}"#;
    assert_names(&dataset(a, ""), &["t.relmap.json:"]);
}

#[test]
fn hostile_bytes_never_panic_and_are_named() {
    assert_names("", &["empty"]);
    assert_names("   \n", &["empty"]);
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("bin.json");
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).expect("write");
    assert!(
        load_path(&path)
            .expect_err("binary")
            .to_string()
            .contains("not UTF-8")
    );
    let deep = "[".repeat(100_000);
    assert_names(&deep, &["t.relmap.json:1:"]);
    let deep_obj = format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    assert_names(&deep_obj, &["recursion limit"]);
}

#[test]
fn files_over_the_cap_are_refused_unread() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("huge.json");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
    let msg = load_path(&path).expect_err("too large").to_string();
    assert!(msg.contains("over relmap's limit"), "{msg}");
}

#[test]
fn relations_need_evidence_and_valid_dates_and_tones() {
    let no_passages = rel("r", "cn", "kz", "Russia objected.")
        .replace(r#"[{"quote": "Russia objected."}]"#, "[]");
    assert_names(
        &dataset(&format!("{CN},{KZ}"), &no_passages),
        &["relations[0] (\"r\")", "no passages"],
    );
    let bad_date = rel("r", "cn", "kz", "Russia objected.").replace(
        r#""quote": "Russia objected.""#,
        r#""quote": "Russia objected.", "date": "March 2012""#,
    );
    assert_names(
        &dataset(&format!("{CN},{KZ}"), &bad_date),
        &[
            "passages[0].date",
            "“March 2012” is not a date",
            "2009/.. (since 2009)",
        ],
    );
    let bad_tone = rel("r", "cn", "kz", "Russia objected.").replace("cooperation", "friendly");
    assert_names(
        &dataset(&format!("{CN},{KZ}"), &bad_tone),
        &["relations[0] (\"r\").tone", "\"friendly\""],
    );
}

#[test]
fn edtf_dates_survive_save_and_load_and_old_dates_are_unchanged() {
    let forms = [
        "2009/..",
        "2005/2010",
        "2012~",
        "2010?",
        "2010-09",
        "2012-03-01",
        "201X",
        "1992~/..",
    ];
    let passages: Vec<String> = forms
        .iter()
        .map(|f| format!(r#"{{"quote": "Russia objected.", "date": "{f}"}}"#))
        .collect();
    let text = dataset(
        &format!("{CN},{KZ}"),
        &rel("r", "cn", "kz", "Russia objected.").replace(
            r#"[{"quote": "Russia objected."}]"#,
            &format!("[{}]", passages.join(",")),
        ),
    );
    let d = load_str(&text, "t").expect("valid");
    let saved = super::to_relmap_json(&d);
    let back = load_str(&saved, "t").expect("saved file loads");
    let dates: Vec<String> = back.relations[crate::model::RelationId(0)]
        .passages
        .iter()
        .map(|p| p.date.map(|x| x.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(dates, forms, "every date saved as written");
    assert_eq!(super::to_relmap_json(&back), saved, "byte-identical");
}

mod grading {
    use super::{assert_names, load_str};
    use crate::model::{Credibility, Reliability, WarningKind};

    /// Two sources (reliability `rel_a`, `rel_b`; "" for none) and one relation with a passage
    /// from each, of credibility `cred_a` and `cred_b` (JSON values; "" for none).
    fn two_sources(rel_a: &str, rel_b: &str, cred_a: &str, cred_b: &str) -> String {
        let reliability = |r: &str| {
            if r.is_empty() {
                String::new()
            } else {
                format!(r#", "reliability": {r}"#)
            }
        };
        let credibility = |c: &str| {
            if c.is_empty() {
                String::new()
            } else {
                format!(r#", "credibility": {c}"#)
            }
        };
        format!(
            r#"{{"format": "relmap/1", "title": "T",
              "sources": [
                {{"id": "a", "title": "Ministry note", "text": "China and Kazakhstan signed a long pipeline deal in March."{}}},
                {{"id": "b", "title": "Trader's blog", "text": "China and Kazakhstan signed a long pipeline deal, a trader says."{}}}],
              "actors": [{{"id": "cn", "name": "China", "kind": "state"}},
                         {{"id": "kz", "name": "Kazakhstan", "kind": "state"}}],
              "relations": [{{"id": "r", "source": "cn", "target": "kz", "passages": [
                {{"quote": "China and Kazakhstan signed a long pipeline deal", "source": "a"{}}},
                {{"quote": "China and Kazakhstan signed a long pipeline deal", "source": "b"{}}}]}}]}}"#,
            reliability(rel_a),
            reliability(rel_b),
            credibility(cred_a),
            credibility(cred_b)
        )
    }

    #[test]
    fn grades_load_derive_and_save_and_ungraded_stays_ungraded() {
        let d = load_str(&two_sources(r#""B""#, r#""E""#, "2", r#""5""#), "t").expect("valid");
        let rel = &d.relations[crate::model::RelationId(0)];
        let grades: Vec<String> = rel
            .passages
            .iter()
            .map(|p| d.grade(p).to_string())
            .collect();
        assert_eq!(grades, ["B2", "E5"]);
        assert_eq!(d.corroboration(rel), 2, "two distinct sources");
        assert_eq!(
            d.sources[crate::model::SourceId(0)].meta.reliability,
            Some(Reliability::B)
        );
        assert_eq!(rel.passages[1].credibility, Some(Credibility::Improbable));
        let saved = crate::model::to_relmap_json(&d);
        assert!(saved.contains(r#""reliability": "B""#) && saved.contains(r#""credibility": 5"#));
        let back = load_str(&saved, "t").expect("saved file loads");
        assert_eq!(crate::model::to_relmap_json(&back), saved, "byte-identical");

        let plain = load_str(&two_sources("", "", "", ""), "t").expect("valid");
        let rel = &plain.relations[crate::model::RelationId(0)];
        assert_eq!(plain.grade(&rel.passages[0]).to_string(), "not graded");
        let saved = crate::model::to_relmap_json(&plain);
        assert!(!saved.contains("reliability") && !saved.contains("credibility"));
    }

    #[test]
    fn out_of_range_grades_are_refused_where_they_are() {
        assert_names(
            &two_sources(r#""G""#, "", "", ""),
            &["sources[0].reliability", "\"G\"", "A–F"],
        );
        assert_names(
            &two_sources("", "", "7", ""),
            &["relations[0] (\"r\").passages[0].credibility", "7", "1–6"],
        );
        assert_names(
            &two_sources("", "", "", r#""probably""#),
            &["passages[1].credibility", "1–6"],
        );
        assert_names(&two_sources("", "", "0", ""), &["passages[0].credibility"]);
        assert_names(
            &two_sources("", "", "2.5", ""),
            &["passages[0].credibility"],
        );
    }

    fn warnings(text: &str) -> Vec<WarningKind> {
        let d = load_str(text, "t").expect("valid");
        d.warnings.iter().map(|w| w.kind.clone()).collect()
    }

    #[test]
    fn the_lint_flags_weak_only_relations_and_a_lone_confirmation() {
        // Every passage graded weak, whichever half says so.
        let weak = warnings(&two_sources(r#""E""#, r#""F""#, "", ""));
        assert!(weak.contains(&WarningKind::WeakEvidenceOnly), "{weak:?}");
        let weak = warnings(&two_sources("", "", "5", "6"));
        assert!(weak.contains(&WarningKind::WeakEvidenceOnly), "{weak:?}");
        // One strong passage clears it; ungraded is not weak.
        assert!(
            !warnings(&two_sources(r#""E""#, r#""B""#, "", ""))
                .contains(&WarningKind::WeakEvidenceOnly)
        );
        assert!(!warnings(&two_sources("", "", "", "")).contains(&WarningKind::WeakEvidenceOnly));

        // "1, confirmed by other sources" with a second source is fine; with one, flagged.
        let confirmed = |kinds: &[WarningKind]| {
            kinds
                .iter()
                .any(|k| matches!(k, WarningKind::ConfirmedBySingleSource { .. }))
        };
        assert!(!confirmed(&warnings(&two_sources("", "", "1", ""))));
        let one_source = two_sources("", "", "1", "")
            .replace(r#""source": "b""#, r#""source": "b", "status": "disputed""#);
        assert!(
            confirmed(&warnings(&one_source)),
            "a disputed passage does not corroborate"
        );
    }
}
