//! The evidence lint: passages that may not support their relation as stated. Warnings never
//! stop a map from loading; `relmap check` lists them and the side panel marks the relation.

use std::collections::BTreeMap;

use super::{Actor, Dataset, RelationId, Tone, normalize_for_match};

/// Quotes shorter than this many words are flagged: too short to carry their context.
pub const MIN_QUOTE_WORDS: usize = 6;

/// A quote used by more relations than this is flagged: one sentence should not make many lines.
pub const MAX_RELATIONS_PER_QUOTE: usize = 2;

/// One finding of the lint, located at a relation and, for most, one of its passages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The relation concerned.
    pub relation: RelationId,
    /// The passage concerned (index in the relation's passages), if the finding is about one.
    pub passage: Option<usize>,
    /// What was found.
    pub kind: WarningKind,
}

/// What the lint found.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WarningKind {
    /// Neither endpoint is named in the passage's sentence or the sentence before it.
    #[error(
        "its sentence (and the one before) names neither {source_name} nor {target_name}; quote words that show who acts, or add the name used there as an alias"
    )]
    EndpointsNotNamed {
        /// The source actor's name.
        source_name: String,
        /// The target actor's name.
        target_name: String,
    },
    /// Every passage states a tone, and none is the relation's declared tone.
    #[error(
        "declared tone {declared} but its passages say {passages}; change the relation's tone or drop it to derive it from the passages"
    )]
    ToneContradicted {
        /// The relation's declared tone.
        declared: &'static str,
        /// The passages' tones, comma-separated.
        passages: String,
    },
    /// The same quote supports many relations.
    #[error(
        "the same quote is attached to {count} relations; one sentence should back at most {MAX_RELATIONS_PER_QUOTE}: keep it on the relation it states"
    )]
    QuoteReused {
        /// How many relations use it.
        count: usize,
    },
    /// A fragment too short to stand for a statement.
    #[error(
        "quote has only {words} word(s); quote at least {MIN_QUOTE_WORDS} so the reader sees what is claimed"
    )]
    ShortQuote {
        /// Its word count.
        words: usize,
    },
    /// A passage dated after the article it comes from.
    #[error(
        "dated {date}, after the source's date {source_date}; a source cannot attest later events"
    )]
    DatedAfterSource {
        /// The passage's date.
        date: String,
        /// The source's date.
        source_date: String,
    },
    /// A reported span that ends after the article it comes from was written.
    #[error(
        "dated {date}, a span ending after the source's date {source_date}; a source cannot attest what happened later: end it by the source's date, leave its end open (e.g. 2009/..: since 2009), or mark the passage a forecast"
    )]
    EndsAfterSource {
        /// The passage's date.
        date: String,
        /// The source's date.
        source_date: String,
    },
    /// The passage's sentence is worded as a forecast or an aim, and nobody said what kind of
    /// statement it is: drawn as a reported fact, it would pass for an event.
    #[error(
        "its sentence says “{marker}”: it reads as {article} {suggested}, not a reported fact; set the passage's kind (modality) to {suggested}, or to fact if those words do not qualify the quoted claim"
    )]
    ModalityUnstated {
        /// The words that suggest it.
        marker: &'static str,
        /// The modality they suggest.
        suggested: &'static str,
        /// "a" or "an", for the message.
        article: &'static str,
    },
    /// Every passage of the relation is graded weak (source E/F or information 5/6): the line
    /// rests on nothing an analyst would brief on.
    #[error(
        "every passage is graded weak (unreliable or unjudged source, improbable or unjudged information); find better evidence, or mark the relation disputed"
    )]
    WeakEvidenceOnly,
    /// A passage graded "1, confirmed by other sources" on a relation only one source backs.
    #[error(
        "credibility 1 means confirmed by other sources, but only {sources} backs this relation; add the confirming source's passage or grade it 2"
    )]
    ConfirmedBySingleSource {
        /// "one source" or "no confirmed source".
        sources: &'static str,
    },
    /// The quote is not in the article (the text changed since it was quoted).
    #[error(
        "not found in the article: re-check (the article text may have changed since it was quoted); fix the quote or remove the passage"
    )]
    NotFound,
}

impl Warning {
    /// "relations[4] ("cn-kz-trade").passages[0]": where the finding is, as `relmap check` prints.
    pub fn location(&self, d: &Dataset) -> String {
        let id = d.relation(self.relation).map_or("?", |r| r.id.as_str());
        match self.passage {
            Some(p) => format!("relations[{}] ({id:?}).passages[{p}]", self.relation.0),
            None => format!("relations[{}] ({id:?})", self.relation.0),
        }
    }
}

/// Every warning for `d`, in relation and passage order.
pub fn lint(d: &Dataset) -> Vec<Warning> {
    let reuse = quote_reuse(d);
    let mut out = Vec::new();
    for (r, rel) in d.relations_with_ids() {
        if let Some(kind) = tone_contradiction(rel.declared_tone, &rel.passages) {
            out.push(Warning {
                relation: r,
                passage: None,
                kind,
            });
        }
        if !rel.passages.is_empty() && rel.passages.iter().all(|p| d.grade(p).is_weak()) {
            out.push(Warning {
                relation: r,
                passage: None,
                kind: WarningKind::WeakEvidenceOnly,
            });
        }
        let corroboration = d.corroboration(rel);
        for (i, p) in rel.passages.iter().enumerate() {
            let mut push = |kind| {
                out.push(Warning {
                    relation: r,
                    passage: Some(i),
                    kind,
                });
            };
            if p.credibility == Some(super::Credibility::Confirmed) && corroboration < 2 {
                push(WarningKind::ConfirmedBySingleSource {
                    sources: if corroboration == 1 {
                        "one source"
                    } else {
                        "no confirmed source"
                    },
                });
            }
            let words = p.quote.split_whitespace().count();
            if words < MIN_QUOTE_WORDS {
                push(WarningKind::ShortQuote { words });
            }
            let count = reuse
                .get(&normalize_for_match(p.quote.trim()))
                .copied()
                .unwrap_or(0);
            if count > MAX_RELATIONS_PER_QUOTE && p.status != super::PassageStatus::Draft {
                push(WarningKind::QuoteReused { count });
            }
            let article = d.article_of(p);
            if let (Some(date), Some(source)) = (p.date, d.source(p.source).meta.date) {
                if date.starts_after(&source) {
                    push(WarningKind::DatedAfterSource {
                        date: date.to_string(),
                        source_date: source.to_string(),
                    });
                } else if date.is_interval()
                    && p.modality().is_reported()
                    && date.ends_after(&source)
                {
                    push(WarningKind::EndsAfterSource {
                        date: date.to_string(),
                        source_date: source.to_string(),
                    });
                }
            }
            if p.anchor.is_none() && !article.text.is_empty() {
                push(WarningKind::NotFound);
            }
            if let Some(anchor) = &p.anchor {
                let mut text = article.text[article.sentence_range(anchor)].to_owned();
                if let Some(prev) = article.sentence_before(anchor) {
                    text.push(' ');
                    text.push_str(&article.text[prev]);
                }
                if p.stated_modality.is_none() {
                    let sentence = &article.text[article.sentence_range(anchor)];
                    if let Some((m, marker)) = super::Modality::suggested_by(sentence) {
                        push(WarningKind::ModalityUnstated {
                            marker,
                            suggested: m.as_str(),
                            article: if m == super::Modality::Aim { "an" } else { "a" },
                        });
                    }
                }
                let (src, tgt) = (&d.actors[rel.from], &d.actors[rel.to]);
                if !names(src, &text) && !names(tgt, &text) {
                    push(WarningKind::EndpointsNotNamed {
                        source_name: src.name.clone(),
                        target_name: tgt.name.clone(),
                    });
                }
            }
        }
    }
    out
}

/// How many relations use each (normalised) quote.
/// How many relations each quote backs. Drafts do not count: a suggested sentence naming three
/// actors sits on all three pairs until the analyst keeps it where it belongs.
fn quote_reuse(d: &Dataset) -> BTreeMap<String, usize> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for rel in &d.relations {
        let mut quotes: Vec<String> = rel
            .passages
            .iter()
            .filter(|p| p.status != super::PassageStatus::Draft)
            .map(|p| normalize_for_match(p.quote.trim()))
            .collect();
        quotes.sort();
        quotes.dedup();
        for q in quotes {
            *count.entry(q).or_default() += 1;
        }
    }
    count
}

fn tone_contradiction(declared: Option<Tone>, passages: &[super::Passage]) -> Option<WarningKind> {
    let declared = declared?;
    let tones: Vec<Tone> = passages.iter().map(|p| p.tone).collect::<Option<_>>()?;
    let contradicted =
        !tones.is_empty() && !tones.contains(&declared) && Tone::derived(passages) != declared;
    contradicted.then(|| WarningKind::ToneContradicted {
        declared: declared.as_str(),
        passages: tones
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// Whether `text` names `actor` by name, alias or native name, as a whole word (a name ending
/// in "-", like "Sino-", may run into the next word).
pub fn names(actor: &Actor, text: &str) -> bool {
    first_mention(actor, text).is_some()
}

/// Where `text` first names `actor` (by name, alias or native name, as whole words; a name
/// ending in "-" such as "Sino-" as a prefix), as a byte offset.
pub fn first_mention(actor: &Actor, text: &str) -> Option<usize> {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .chain(&actor.native_names)
        .filter(|n| n.chars().count() >= 2)
        .filter_map(|name| {
            text.match_indices(name.as_str())
                .map(|(i, _)| i)
                .find(|&i| {
                    let before = text[..i].chars().next_back();
                    let after = text[i + name.len()..].chars().next();
                    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                    boundary(before) && (boundary(after) || name.ends_with('-'))
                })
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    const ARTICLE: &str = "Title\n\nChina and Kazakhstan signed a long pipeline deal in March. \
        The deal worries many observers in the region today. \
        Officials praised the very good economic cooperation this year.";

    /// A one-relation China–Kazakhstan map with these passages (JSON objects).
    fn map(relation_extra: &str, passages: &str, source_date: &str) -> Dataset {
        let json = format!(
            r#"{{"format": "relmap/1",
              "source": {{"title": "T", "date": "{source_date}", "text": {article:?}}},
              "actors": [{{"id": "cn", "name": "China", "kind": "state"}},
                         {{"id": "kz", "name": "Kazakhstan", "kind": "state"}},
                         {{"id": "ru", "name": "Russia", "kind": "state"}}],
              "relations": [{{"id": "cn-kz", "source": "cn", "target": "kz" {relation_extra},
                              "passages": [{passages}]}}]}}"#,
            article = ARTICLE
        );
        load_str(&json, "fixture.relmap.json").expect("fixture loads")
    }

    fn kinds(d: &Dataset) -> Vec<&WarningKind> {
        d.warnings.iter().map(|w| &w.kind).collect()
    }

    const GOOD: &str = r#"{"quote": "China and Kazakhstan signed a long pipeline deal in March."}"#;

    #[test]
    fn a_well_supported_relation_has_no_warning() {
        assert!(map("", GOOD, "2012").warnings.is_empty());
    }

    #[test]
    fn a_passage_naming_neither_endpoint_is_flagged() {
        // The sentence before names both: fine.
        let d = map(
            "",
            r#"{"quote": "The deal worries many observers in the region"}"#,
            "2012",
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        // Two sentences on, neither China nor Kazakhstan is named.
        let d = map(
            "",
            r#"{"quote": "Officials praised the very good economic cooperation"}"#,
            "2012",
        );
        assert!(matches!(
            kinds(&d)[..],
            [WarningKind::EndpointsNotNamed { .. }]
        ));
        assert_eq!(
            d.warnings[0].location(&d),
            r#"relations[0] ("cn-kz").passages[0]"#
        );
    }

    #[test]
    fn a_declared_tone_every_passage_contradicts_is_flagged() {
        let passages = r#"{"quote": "China and Kazakhstan signed a long pipeline deal in March.", "tone": "tension"}"#;
        let d = map(r#", "tone": "cooperation""#, passages, "2012");
        assert!(matches!(
            kinds(&d)[..],
            [WarningKind::ToneContradicted { .. }]
        ));
        let d = map(r#", "tone": "tension""#, passages, "2012");
        assert!(d.warnings.is_empty(), "agreeing tones are fine");
        let d = map("", passages, "2012");
        assert_eq!(
            d.relations[crate::model::RelationId(0)].tone,
            Tone::Tension,
            "derived from the passage"
        );
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn a_quote_on_more_than_two_relations_is_flagged() {
        let json = format!(
            r#"{{"format": "relmap/1", "source": {{"title": "T", "text": {ARTICLE:?}}},
              "actors": [{{"id": "cn", "name": "China", "kind": "state"}},
                         {{"id": "kz", "name": "Kazakhstan", "kind": "state"}},
                         {{"id": "ru", "name": "Russia", "kind": "state"}}],
              "relations": [
                {{"id": "a", "source": "cn", "target": "kz", "passages": [{GOOD}]}},
                {{"id": "b", "source": "cn", "target": "ru", "passages": [{GOOD}]}},
                {{"id": "c", "source": "kz", "target": "ru", "passages": [{GOOD}]}}]}}"#
        );
        let d = load_str(&json, "fixture.relmap.json").expect("loads");
        assert_eq!(d.warnings.len(), 3);
        assert!(
            d.warnings
                .iter()
                .all(|w| w.kind == WarningKind::QuoteReused { count: 3 })
        );
    }

    #[test]
    fn a_quote_under_six_words_is_flagged() {
        let d = map("", r#"{"quote": "signed a long pipeline deal"}"#, "2012");
        assert_eq!(kinds(&d), [&WarningKind::ShortQuote { words: 5 }]);
    }

    #[test]
    fn a_passage_dated_after_its_source_is_flagged() {
        let dated = |date: &str| {
            format!(
                r#"{{"quote": "China and Kazakhstan signed a long pipeline deal in March.", "date": "{date}"}}"#
            )
        };
        assert!(map("", &dated("2012"), "2012-03-01").warnings.is_empty());
        assert!(map("", &dated("2012-03"), "2012-03-01").warnings.is_empty());
        let d = map("", &dated("2012-04"), "2012-03-01");
        assert!(matches!(
            kinds(&d)[..],
            [WarningKind::DatedAfterSource { .. }]
        ));
        // A reported span may start before the article but not end after it; an open end
        // runs to the article, and a forecast may look ahead.
        let d = map("", &dated("1990/2013"), "2012-03-01");
        assert!(matches!(
            kinds(&d)[..],
            [WarningKind::EndsAfterSource { .. }]
        ));
        assert!(map("", &dated("1990/.."), "2012-03-01").warnings.is_empty());
        assert!(
            map("", &dated("1990/2011"), "2012-03-01")
                .warnings
                .is_empty()
        );
        let forecast = r#"{"quote": "China and Kazakhstan signed a long pipeline deal in March.", "date": "2010/2015", "modality": "forecast"}"#;
        assert!(map("", forecast, "2012-03-01").warnings.is_empty());
        // A blank date is no date (as a cleared field), not an error.
        assert!(map("", &dated(""), "2012-03-01").warnings.is_empty());
    }
}

#[cfg(test)]
mod modality_lint_tests {
    use crate::model::{WarningKind, load_str};

    const TEXT: &str = "China may expand trade with Kazakhstan. China seeks more trade with \
        Kazakhstan. China signed a trade deal with Kazakhstan in May 2011. China could \
        build a new pipeline to Kazakhstan.";

    /// Markers named by the lint for each passage, in order.
    fn flagged(passages: &str) -> Vec<Option<&'static str>> {
        let json = format!(
            r#"{{"format": "relmap/1", "source": {{"title": "T", "text": {TEXT:?}}},
              "actors": [{{"id": "cn", "name": "China", "kind": "state"}},
                         {{"id": "kz", "name": "Kazakhstan", "kind": "state"}}],
              "relations": [{{"id": "r", "source": "cn", "target": "kz", "passages": [{passages}]}}]}}"#
        );
        let d = load_str(&json, "t.relmap.json").expect("loads");
        let n = d.relations[crate::model::RelationId(0)].passages.len();
        (0..n)
            .map(|i| {
                d.warnings.iter().find_map(|w| match &w.kind {
                    WarningKind::ModalityUnstated { marker, .. } if w.passage == Some(i) => {
                        Some(*marker)
                    }
                    _ => None,
                })
            })
            .collect()
    }

    #[test]
    fn forecasts_and_aims_without_a_stated_modality_are_named_and_stated_ones_pass() {
        let found = flagged(
            r#"{"quote": "China may expand trade with Kazakhstan."},
               {"quote": "China seeks more trade with Kazakhstan."},
               {"quote": "China signed a trade deal with Kazakhstan in May 2011."},
               {"quote": "China could build a new pipeline to Kazakhstan.", "modality": "forecast"},
               {"quote": "China may expand trade with Kazakhstan.", "modality": "fact"}"#,
        );
        assert_eq!(
            found,
            [Some("may"), Some("seeks"), None, None, None],
            "a forecast, an aim, a month; stated modalities (even fact) are the analyst's call"
        );
    }
}
