//! The shipped China–Kazakhstan dataset, loaded from `assets/` as users would.

use std::path::Path;

use relmap::model::{self, Dimension};

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn shipped() -> model::Dataset {
    model::load_path(Path::new("assets/china-kazakhstan.relmap.json"))
        .expect("shipped dataset loads")
}

#[test]
fn shipped_dataset_loads_with_every_quote_anchored() {
    let d = shipped();
    assert!(
        d.passage_count() >= 60,
        "cite widely: {} passages",
        d.passage_count()
    );
    for r in &d.relations {
        assert!(!r.passages.is_empty(), "{} has no evidence", r.id);
        for p in &r.passages {
            let a = p
                .anchor
                .as_ref()
                .unwrap_or_else(|| panic!("{}: unanchored {:?}", r.id, p.quote));
            // The anchored text is the quote up to whitespace and quote-mark style.
            assert_eq!(
                model::normalize_for_match(&d.primary().article.text[a.range.clone()]),
                model::normalize_for_match(p.quote.trim()),
                "{}",
                r.id
            );
        }
    }
}

#[test]
fn built_in_copy_matches_the_files_in_assets() {
    let from_disk = shipped();
    let builtin = model::builtin().expect("built-in loads");
    assert_eq!(builtin.relations.len(), from_disk.relations.len());
    assert_eq!(
        builtin.primary().article.text,
        from_disk.primary().article.text
    );
}

#[test]
fn every_core_actor_has_relations_and_the_five_are_there() {
    let d = shipped();
    let degrees = d.degrees();
    let core: Vec<&str> = d
        .actors
        .iter()
        .filter(|a| !a.secondary)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(
        core,
        ["China", "Kazakhstan", "Russia", "United States", "SCO"]
    );
    for (a, actor) in d.actors.iter_enumerated() {
        assert!(degrees[a] > 0, "{} has no relation", actor.name);
    }
}

#[test]
fn china_kazakhstan_is_many_stranded() {
    let d = shipped();
    let (cn, kz) = (
        d.actor_index("china").expect("china"),
        d.actor_index("kazakhstan").expect("kz"),
    );
    let dims: std::collections::BTreeSet<&Dimension> = d
        .relations
        .iter()
        .filter(|r| (r.from, r.to) == (cn, kz) || (r.from, r.to) == (kz, cn))
        .map(|r| &r.dimension)
        .collect();
    assert_eq!(dims.len(), 5, "one strand per dimension: {dims:?}");
}

#[test]
fn every_body_paragraph_is_cited() {
    let d = shipped();
    let cited = d.cited_paragraphs(model::SourceId(0));
    let n = d.primary().article.paragraphs.len();
    // The article starts at its first body paragraph (title and date are source metadata), so
    // ¶1–¶12 are the body and the last is the author note; every body paragraph is cited.
    assert_eq!(n, 13);
    for p in 1..n {
        assert!(cited.contains(&p), "paragraph {p} is not cited");
    }
}

#[test]
fn article_text_has_no_web_page_chrome() {
    let d = shipped();
    for chrome in ["You might also like", "Back to Top", "Language :"] {
        assert!(!d.primary().article.text.contains(chrome), "{chrome}");
    }
    assert!(
        d.primary()
            .article
            .text
            .starts_with("One thing any visitor to Kazakhstan notices")
    );
    assert_eq!(
        d.primary().meta.title,
        "The Underappreciated China-Kazakhstan Partnership"
    );
    assert!(
        d.primary()
            .article
            .text
            .contains("Richard Weitz is a Senior Fellow")
    );
}

#[test]
fn small_maps_without_positions_get_the_most_readable_candidate() {
    let mut d = relmap::model::builtin().expect("built-in");
    for a in &mut d.actors {
        a.position = None;
    }
    let shown: Vec<bool> = d.actors.iter().map(|a| !a.secondary).collect();
    let (chosen, plain, best) = relmap::layout::choose(&d, 0);
    assert!(best <= plain, "{best:?} vs {plain:?}");
    assert_eq!(relmap::layout::readability(&d, &chosen, &shown), best);
    assert_eq!(
        best.through_nodes, 0,
        "no line through an actor it does not join"
    );
    assert_eq!(
        best.crossings, 0,
        "the core K4 + SCO is planar and a candidate finds it"
    );
    // Deterministic, and what a map without positions gets (straight lines only up to here).
    assert_eq!(relmap::layout::default_positions(&d, 0), chosen);
}

/// The lines as drawn (arcs fanning between China and Kazakhstan included): the shipped map's
/// own placement has no crossing and no line over an actor, and so does the placement chosen
/// for the same map with its positions removed.
#[test]
fn the_shipped_map_draws_without_crossings_with_or_without_its_positions() {
    let d = relmap::model::builtin().expect("the shipped map loads");
    let given = relmap::layout::default_positions(&d, 0);
    let drawn = relmap::scene::drawn_readability(&d, &given);
    assert_eq!((drawn.crossings, drawn.through_nodes), (0, 0), "{drawn:?}");
    let mut free = d.clone();
    for a in &mut free.actors {
        a.position = None;
    }
    let chosen = relmap::scene::readable_positions(&free, 0, &mut |_| {});
    let best = relmap::scene::drawn_readability(&free, &chosen);
    assert_eq!((best.crossings, best.through_nodes), (0, 0), "{best:?}");
    let (plain, _, _) = relmap::layout::choose(&free, 0);
    assert!(best <= relmap::scene::drawn_readability(&free, &plain));
    assert_eq!(
        chosen,
        relmap::scene::readable_positions(&free, 0, &mut |_| {})
    );
}
