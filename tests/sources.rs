//! Several sources in one map, and merging maps: on two small articles written for these
//! tests (`tests/fixtures/sources/`) and the shipped map.

#![expect(
    clippy::expect_used,
    reason = "tests: a broken fixture must fail loudly"
)]

use std::path::Path;

use relmap::model::{self, Dataset, SourceId};

const FIXTURES: &str = "tests/fixtures/sources";

fn fixture(name: &str) -> Dataset {
    model::load_path(&Path::new(FIXTURES).join(name)).expect("fixture loads")
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).expect("fixture readable")
}

#[test]
fn each_passage_is_anchored_in_its_own_source() {
    let d = fixture("two-sources.relmap.json");
    assert_eq!(d.sources.len(), 2);
    assert_eq!(d.sources[relmap::model::SourceId(0)].id, "caspian");
    assert_eq!(d.sources[relmap::model::SourceId(1)].id, "steppe");
    let mut per_source = [0, 0];
    for p in d.relations.iter().flat_map(|r| &r.passages) {
        let anchor = p.anchor.as_ref().expect("every quote is found");
        let article = d.article_of(p);
        // The anchored text is the quote, in the article the passage names.
        assert_eq!(
            model::normalize_for_match(&article.text[anchor.range.clone()]),
            model::normalize_for_match(&p.quote)
        );
        per_source[p.source.0] += 1;
    }
    assert_eq!(per_source, [3, 3]);
    // Coverage and the citation line are per source.
    assert_eq!(d.cited_paragraphs(SourceId(0)), vec![2, 3, 4]);
    assert_eq!(d.cited_paragraphs(SourceId(1)), vec![2, 3, 4]);
    assert!(d.citation().starts_with("1) A. Analyst, “Caspian notes”"));
    assert!(
        d.citation()
            .contains("; 2) B. Reporter, “Grain and rails across the steppe”")
    );
}

#[test]
fn search_finds_passages_in_every_source() {
    let d = fixture("two-sources.relmap.json");
    for (query, source) in [("Pipeline Consortium", 0), ("record volumes of wheat", 1)] {
        let hits = relmap::search::search(&d, query);
        let passage = hits
            .iter()
            .find_map(|h| match h.target {
                relmap::search::Target::Passage(id) => d.passage(id),
                _ => None,
            })
            .expect("a passage matches");
        assert_eq!(passage.source, SourceId(source), "{query}");
    }
}

#[test]
fn a_quote_looked_for_in_the_wrong_source_is_refused_naming_that_source() {
    // The Russian-halt sentence is in the caspian article, not the steppe one.
    let text = fixture_text("two-sources.relmap.json").replacen(
        "\"source\": \"caspian\",\n          \"quote\": \"Russia halted",
        "\"source\": \"steppe\",\n          \"quote\": \"Russia halted",
        1,
    );
    assert!(text.contains("\"source\": \"steppe\",\n          \"quote\": \"Russia halted"));
    let err = model::load_str(&text, "wrong-source.relmap.json")
        .expect_err("a quote not in its source is refused")
        .to_string();
    assert!(
        err.contains("relations[0] (\"kz-ru-oil-transit\").passages[1]"),
        "{err}"
    );
    assert!(
        err.contains("quote not found in source \"steppe\" (“Grain and rails across the steppe”)"),
        "{err}"
    );
    assert!(err.contains("Russia halted loadings twice"), "{err}");
}

#[test]
fn several_sources_need_each_passage_to_name_a_listed_one() {
    let base = fixture_text("two-sources.relmap.json");
    let unnamed = base.replacen("\"source\": \"caspian\",\n          ", "", 1);
    let err = model::load_str(&unnamed, "unnamed.relmap.json")
        .expect_err("a passage must say which source it quotes")
        .to_string();
    assert!(
        err.contains("several sources: add \"source\": one of \"caspian\", \"steppe\""),
        "{err}"
    );
    let unknown = base.replacen("\"source\": \"caspian\",", "\"source\": \"caspain\",", 1);
    let err = model::load_str(&unknown, "unknown.relmap.json")
        .expect_err("an unknown source id is refused")
        .to_string();
    assert!(err.contains(".source: source \"caspain\" is not in the file's \"sources\" list: the ids are \"caspian\", \"steppe\""), "{err}");
    let twice = base.replacen("\"id\": \"steppe\"", "\"id\": \"caspian\"", 1);
    let err = model::load_str(&twice, "twice.relmap.json")
        .expect_err("a source id used twice is refused")
        .to_string();
    assert!(err.contains("source id \"caspian\" is used twice"), "{err}");
}

#[test]
fn a_map_with_several_sources_round_trips_byte_for_byte() {
    let d = fixture("two-sources.relmap.json");
    let json = model::to_relmap_json(&d);
    assert!(json.contains("\"sources\": ["));
    assert!(json.contains("\"source\": \"steppe\""));
    let back = model::load_str(&json, "saved.relmap.json").expect("saved map loads");
    assert_eq!(model::to_relmap_json(&back), json);
    // A one-source map keeps the single `source` object and no per-passage source.
    let shipped = model::to_relmap_json(&model::builtin().expect("shipped map"));
    assert!(shipped.contains("\"source\": {") && !shipped.contains("\"sources\""));
}

#[test]
fn merging_reconciles_actors_by_name_alias_and_native_script() {
    let (merged, report) = model::merge(
        fixture("two-sources.relmap.json"),
        &fixture("rail-corridor.relmap.json"),
    );
    // prc ("china" as an alias, other case), rk ("KAZAKHSTAN"), rf (only "Россия" in common).
    assert_eq!(
        report.actors_matched,
        [
            ("prc".to_owned(), "cn".to_owned()),
            ("rk".to_owned(), "kz".to_owned()),
            ("rf".to_owned(), "ru".to_owned()),
        ]
    );
    assert_eq!(report.actors_added, ["khorgos"]);
    assert!(report.clashes.is_empty());
    let names: Vec<&str> = merged.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Kazakhstan", "Russia", "China", "Khorgos Gateway"]);
    let cn = &merged.actors[relmap::model::ActorId(2)];
    assert!(
        cn.aliases
            .contains(&"People's Republic of China".to_owned())
    );
    assert!(
        merged.actors[relmap::model::ActorId(1)]
            .aliases
            .contains(&"Российская Федерация".to_owned())
    );
    // Same ends, field and label: one relation; the passage it already had is not doubled.
    assert_eq!(report.relations_merged, ["kz-cn-grain"]);
    let grain = &merged.relations[merged.relation_index("kz-cn-grain").unwrap()];
    assert_eq!(grain.passages.len(), 2);
    // A different label is a different relation, even between the same actors.
    assert_eq!(report.relations_added, ["prc-khorgos", "rf-rk-flour"]);
    // The same article (same title and text) is one source, not two.
    assert_eq!(merged.sources.len(), 2);
    assert_eq!(
        report.passages_per_source,
        [("caspian".to_owned(), 3), ("steppe".to_owned(), 5)]
    );
}

#[test]
fn a_name_shared_by_actors_of_different_kinds_is_reported_not_guessed() {
    let (merged, report) = model::merge(
        model::builtin().expect("shipped map"),
        &fixture("clash.relmap.json"),
    );
    assert_eq!(report.clashes.len(), 1, "{:?}", report.clashes);
    assert!(report.clashes[0].contains("\"SCO\" (organization) and \"SCO\" (state)"));
    assert_eq!(
        merged.actors.iter().filter(|a| a.name == "SCO").count(),
        2,
        "kept apart"
    );
    assert!(report.summary().contains("clash:"));
}

#[test]
fn the_shipped_map_merged_with_a_map_using_other_ids_has_one_china_kazakhstan_and_russia() {
    let shipped = model::builtin().expect("shipped map");
    let n = shipped.actors.len();
    let (merged, report) = model::merge(shipped, &fixture("rail-corridor.relmap.json"));
    for name in ["China", "Kazakhstan", "Russia"] {
        assert_eq!(
            merged.actors.iter().filter(|a| a.name == name).count(),
            1,
            "{name}"
        );
    }
    assert_eq!(
        merged.actors.len(),
        n + 1,
        "only the Khorgos Gateway is new"
    );
    assert_eq!(report.actors_matched.len(), 3);
    // Self-contained and valid: the merged file passes the loader (as `relmap check`) and
    // saves again byte for byte; every passage keeps its source.
    let json = model::to_relmap_json(&merged);
    let back = model::load_str(&json, "merged.relmap.json").expect("merged map checks");
    assert_eq!(model::to_relmap_json(&back), json);
    assert_eq!(back.sources.len(), 2);
    let rail = back
        .relations
        .iter()
        .find(|r| r.id == "rk-prc-rail")
        .expect("the rail relation came in");
    assert!(
        rail.passages
            .iter()
            .all(|p| back.source(p.source).meta.title == "Grain and rails across the steppe")
    );
}

#[test]
fn the_figure_and_report_cite_each_passage_s_source() {
    let d = fixture("two-sources.relmap.json");
    let mut state = relmap::map::MapState::new(d);
    let r = state.doc.dataset.relation_index("kz-cn-grain").unwrap();
    state.apply(relmap::map::SelectCommand::Select(
        relmap::scene::Selection::Relation(r),
    ));
    let opts = relmap::export::ExportOptions {
        with_selection: true,
        ..Default::default()
    };
    let svg = relmap::export::figure_svg(&state.figure(&opts));
    assert!(
        svg.contains("Sources: 1) A. Analyst"),
        "source line lists both"
    );
    assert!(svg.contains("source 2, ¶2"), "the card says which source");
    let input = relmap::export::ReportInput {
        relations: vec![r],
        confirmed_only: false,
        min_grade: None,
    };
    let csv = relmap::export::report_csv(&state.doc.dataset, &input);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|row| row.contains("B. Reporter, “Grain and rails across the steppe”"))
    );
}

#[test]
fn evidence_quotes_the_source_it_was_selected_in_whatever_tab_shows_when_it_is_added() {
    use relmap::map::{ArticleCommand, MapState};
    let mut state = MapState::new(fixture("two-sources.relmap.json"));
    let steppe = &state.doc.dataset.sources[relmap::model::SourceId(1)]
        .article
        .text;
    let start = steppe
        .find("record volumes of wheat")
        .expect("in the steppe article");
    let range = start..start + "record volumes of wheat".len();
    state.apply(ArticleCommand::ShowSource(SourceId(1)));
    let mut form = relmap::ui::EvidenceForm::new(&state, SourceId(1), range);
    form.existing = None;
    form.from = Some(relmap::model::ActorId(0));
    form.to = Some(relmap::model::ActorId(1));
    form.label = "Grain".to_owned();
    // The reader switches to the other article before the form is submitted.
    state.apply(ArticleCommand::ShowSource(SourceId(0)));
    state.apply(form.command().expect("a complete form"));
    let added = state
        .doc
        .dataset
        .relations
        .iter()
        .flat_map(|r| &r.passages)
        .find(|p| p.quote == "record volumes of wheat")
        .expect("the passage was added, quoting the selected words");
    assert_eq!(
        added.source,
        SourceId(1),
        "it cites the source it was quoted from"
    );
    let anchor = added.anchor.as_ref().expect("anchored");
    assert_eq!(
        &state.doc.dataset.sources[relmap::model::SourceId(1)]
            .article
            .text[anchor.range.clone()],
        "record volumes of wheat"
    );
}
