//! The interactive handout as a file: its DOM contract, its size, its determinism, and a map
//! whose every text is hostile markup (the browser half of these checks is
//! `tools/handout_browser_test.py`, run by `.ci/run` in headless Chromium).

use relmap::export::{self, ExportOptions};
use relmap::map::MapState;
use relmap::model;

fn handout(state: &MapState) -> String {
    let figure = state.figure(&ExportOptions::default());
    export::handout_html(
        &state.doc.dataset,
        &figure,
        &export::figure_svg(&figure),
        state.lens.filters.min_grade,
    )
}

/// The JSON the page's script reads, parsed back.
#[expect(
    clippy::expect_used,
    reason = "test helper: a page without its data must fail the test loudly"
)]
fn data_of(html: &str) -> serde_json::Value {
    let start = html
        .find(r#"<script type="application/json" id="relmap-data">"#)
        .expect("the data element")
        + r#"<script type="application/json" id="relmap-data">"#.len();
    let end = start + html[start..].find("</script>").expect("its end");
    serde_json::from_str(&html[start..end]).expect("valid JSON")
}

#[test]
fn the_shipped_map_as_a_handout_keeps_its_contract_offline_and_small() {
    let state = MapState::new(model::builtin().expect("built-in"));
    let html = handout(&state);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.len() <= 600 * 1024, "{} bytes", html.len());
    assert_eq!(handout(&state), html, "same inputs, same bytes");
    // Every shown relation's line carries its id; the evidence pane and the search box.
    let d = &state.doc.dataset;
    let shown: Vec<&str> = d
        .relations
        .iter()
        .zip(state.visible_relations())
        .filter(|(_, v)| *v)
        .map(|(r, _)| r.id.as_str())
        .collect();
    for id in &shown {
        assert!(
            html.contains(&format!(r#"data-relation="{id}""#)),
            "a line for {id}"
        );
    }
    assert!(html.contains(r#"id="evidence""#) && html.contains(r#"id="search""#));
    assert!(html.contains(r#"data-actor="kazakhstan""#));
    // Nothing is loaded from anywhere, and the policy says so.
    assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    for remote in [
        "src=",
        "<link",
        "fetch(",
        "XMLHttpRequest",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(remote), "{remote}");
    }
    // The data holds each shown relation's passages in their sentences.
    let data = data_of(&html);
    let energy = &data["relations"]["cn-kz-energy"];
    assert_eq!(energy["label"], "Energy investment and pipelines");
    let passages = energy["passages"].as_array().expect("passages");
    assert!(passages.iter().any(|p| {
        p["quote"]
            .as_str()
            .is_some_and(|q| q.contains("Major oil and gas pipelines"))
    }));
    assert_eq!(
        data["relations"].as_object().map(serde_json::Map::len),
        Some(shown.len())
    );
    // The article, with cited runs naming their relation.
    let runs = data["sources"][0]["paragraphs"][7].as_array().expect("¶8");
    assert!(runs.iter().any(|run| {
        run[1]
            .as_array()
            .is_some_and(|rels| rels.iter().any(|r| r == "cn-kz-energy"))
    }));
    // A sentence two relations quote names both, so the page can open whichever is shown.
    let great_powers = data["sources"][0]["paragraphs"][2]
        .as_array()
        .expect("¶3")
        .iter()
        .find(|run| {
            run[0]
                .as_str()
                .is_some_and(|t| t.starts_with("Finally, Chinese strategists"))
        })
        .expect("the great-powers sentence is cited");
    assert_eq!(
        great_powers[1],
        serde_json::json!(["cn-us-balance", "cn-in-balance"])
    );
}

#[test]
fn hostile_names_labels_quotes_and_titles_stay_text() {
    let evil = r#"<script>window.pwned=1</script></script><img src=x onerror=alert(1)><svg onload=alert(2)>"#;
    let text = format!("China and Kazakhstan talk {evil} every year.");
    let json = serde_json::json!({
        "format": "relmap/1",
        "title": evil,
        "source": {"title": evil, "author": evil, "text": text},
        "actors": [
            {"id": "cn", "name": format!("China {evil}"), "kind": "state"},
            {"id": "kz", "name": "Kazakhstan", "kind": "state"}
        ],
        "relations": [{
            "id": "cn-kz", "source": "cn", "target": "kz", "label": evil,
            "passages": [{"quote": format!("China and Kazakhstan talk {evil} every year"), "note": evil}]
        }]
    });
    let d = model::load_str(&json.to_string(), "evil.relmap.json").expect("loads");
    let html = handout(&MapState::new(d));
    // Only the page's own two script elements exist; the markup in the data is inert.
    assert_eq!(
        html.matches("<script").count(),
        2,
        "no script from the data"
    );
    assert!(!html.contains("<img") && !html.contains("<svg onload"));
    assert!(!html.contains("onerror=alert") || html.contains("onerror=alert(1)&gt;"));
    let data = data_of(&html);
    assert_eq!(data["title"], evil, "shown literally");
    assert_eq!(data["relations"]["cn-kz"]["label"], evil);
    assert_eq!(data["relations"]["cn-kz"]["passages"][0]["note"], evil);
}

#[test]
fn the_storyboard_travels_as_a_story_with_each_steps_relation() {
    let d = model::builtin().expect("built-in");
    let html = handout(&MapState::new(d.clone()));
    assert!(
        html.contains(r#"<nav id="story""#),
        "the page has its Story"
    );
    let data = data_of(&html);
    let story = data["story"].as_array().expect("a story list");
    assert_eq!(story.len(), d.storyboard.len());
    for (step, want) in story.iter().zip(&d.storyboard) {
        assert_eq!(step["title"], want.title.as_str());
        assert_eq!(step["caption"], want.caption.as_str());
        assert_eq!(step["select"].as_str(), want.select.as_deref());
        let focus: Vec<&str> = step["focus"]
            .as_array()
            .expect("focus")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(focus, want.focus);
        // The step's relation is carried whole, so its passages show even if not drawn.
        let r = want.selected_in(&d).expect("selects");
        assert_eq!(
            step["relation"]["passages"][0]["quote"],
            d.relations[r].passages[0].quote.as_str()
        );
    }
    // A map without a storyboard has an empty, hidden Story.
    let mut plain = d;
    plain.storyboard.clear();
    let data = data_of(&handout(&MapState::new(plain)));
    assert_eq!(data["story"].as_array().map(Vec::len), Some(0));
}
