//! Suggested evidence: every sentence that names two actors becomes a *draft* passage (the
//! whole sentence, `status: draft`) on one draft relation per pair of actors it names. The
//! analyst then accepts, rejects or moves each draft; nothing here decides what a sentence
//! means.
//!
//! A mention is a whole-word, case-sensitive match of an actor's name, alias or native name
//! (see [`super::names`]): "China's" names China, "Kazakh" does not match inside "Kazakhstan".

use std::collections::BTreeMap;

use super::error::{LoadError, Problem};
use super::raw::RawActor;
use super::{
    Actor, ActorId, Dataset, Dimension, Passage, PassageStatus, Relation, RelationId, SourceId,
    Tone, names,
};

/// Label given to a draft relation (the analyst renames it, or moves its passages away).
pub const DRAFT_LABEL_PREFIX: &str = "Draft:";

/// What [`add_drafts`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftReport {
    /// Sentences naming at least two actors.
    pub sentences: usize,
    /// Draft passages added.
    pub passages: usize,
    /// Draft relations created.
    pub relations: usize,
}

/// The id of the draft relation between `a` and `b` (in map order, so each pair has one).
fn draft_id(d: &Dataset, a: ActorId, b: ActorId) -> String {
    let (a, b) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    format!("draft-{}-{}", d.actors[a].id, d.actors[b].id)
}

/// Whether `r` is a draft relation: all of its passages are drafts.
pub fn is_draft_relation(r: &Relation) -> bool {
    !r.passages.is_empty() && r.passages.iter().all(|p| p.status == PassageStatus::Draft)
}

/// Adds a draft passage for every sentence naming two or more actors, on one draft relation
/// per pair. A sentence already quoted on that pair's draft relation is not added twice, so
/// running it again after new actors were added only adds what is new. Reads the sentences of
/// `source` only (the article the analyst is reviewing).
pub fn add_drafts(d: &mut Dataset, source: SourceId) -> DraftReport {
    let mut report = DraftReport::default();
    let mut by_id: BTreeMap<String, RelationId> = d
        .relations_with_ids()
        .map(|(r, rel)| (rel.id.clone(), r))
        .collect();
    let article = d.source(source).article.clone();
    for range in article.sentences.clone() {
        let sentence = &article.text[range.clone()];
        let named: Vec<ActorId> = d
            .actors_with_ids()
            .filter(|(_, a)| names(a, sentence))
            .map(|(i, _)| i)
            .collect();
        if named.len() < 2 {
            continue;
        }
        report.sentences += 1;
        let quote = sentence.trim();
        let start = range.start + (sentence.len() - sentence.trim_start().len());
        let anchor = article.anchor(start..start + quote.len());
        for (i, &a) in named.iter().enumerate() {
            for &b in &named[i + 1..] {
                let id = draft_id(d, a, b);
                let r = match by_id.get(&id) {
                    Some(&r) => r,
                    None => {
                        d.relations.push(Relation {
                            id: id.clone(),
                            from: a,
                            to: b,
                            label: format!(
                                "{DRAFT_LABEL_PREFIX} {} – {}",
                                d.actors[a].name, d.actors[b].name
                            ),
                            dimension: Dimension::Other("unspecified".to_owned()),
                            tone: Tone::Unspecified,
                            declared_tone: None,
                            directed: false,
                            weight: 1.0,
                            passages: Vec::new(),
                        });
                        let r = RelationId(d.relations.len() - 1);
                        by_id.insert(id, r);
                        report.relations += 1;
                        r
                    }
                };
                let rel = &mut d.relations[r];
                if rel.passages.iter().any(|p| {
                    p.source == source && p.anchor.as_ref().is_some_and(|x| x.range == anchor.range)
                }) {
                    continue;
                }
                rel.passages.push(Passage {
                    quote: quote.to_owned(),
                    // The date the sentence states ("since 2009" → 2009/..), as the evidence
                    // form proposes it; none means as of the article.
                    date: super::PassageDate::find_in(quote),
                    note: None,
                    tone: None,
                    status: PassageStatus::Draft,
                    // What the wording suggests: the analyst confirms it with the draft.
                    stated_modality: super::Modality::suggested_by(quote).map(|(m, _)| m),
                    anchor: Some(anchor.clone()),
                    source,
                    credibility: None,
                });
                report.passages += 1;
            }
        }
    }
    d.warnings = super::lint(d);
    report
}

/// Reads an `ACTORS.json` file's text: `{"actors": [...]}` in relmap/1's actor schema.
pub fn parse_actors(text: &str, file: &str) -> Result<Vec<Actor>, LoadError> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ActorsFile {
        actors: Vec<RawActor>,
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| super::load::json_syntax(&e, file))?;
    let parsed: ActorsFile =
        serde_path_to_error::deserialize(value).map_err(|e| LoadError::Schema {
            file: file.to_owned(),
            path: e.path().to_string(),
            message: e.into_inner().to_string(),
        })?;
    let mut problems: Vec<Problem> = Vec::new();
    let (actors, _) = super::validate::actors(parsed.actors, &mut |location, kind| {
        problems.push(Problem { location, kind });
    });
    if problems.is_empty() {
        Ok(actors)
    } else {
        Err(LoadError::Invalid {
            file: file.to_owned(),
            problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceFields, new_map_from_text};

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: id.to_owned(),
            name: name.to_owned(),
            kind: crate::model::ActorKind::State,
            aliases: aliases.iter().map(|s| (*s).to_owned()).collect(),
            native_names: Vec::new(),
            secondary: false,
            position: None,
        }
    }

    #[test]
    fn co_mentions_become_drafts_on_one_relation_per_pair() {
        let text = "China's investment in Kazakhstan grew. Russia watched China and Kazakhstan.\n\n\
                    Kazakhstan alone. The Kazakh steppe is vast and Russia is near.";
        let mut d = new_map_from_text(text, SourceFields::default());
        d.actors = vec![
            actor("cn", "China", &[]),
            actor("kz", "Kazakhstan", &["Kazakh"]),
            actor("ru", "Russia", &[]),
        ]
        .into();
        let report = add_drafts(&mut d, SourceId(0));
        // Sentence 1: cn+kz; sentence 2: ru+cn+kz (three pairs); sentence 4: kz (alias)+ru.
        assert_eq!(report.sentences, 3);
        assert_eq!(report.passages, 1 + 3 + 1);
        assert_eq!(report.relations, 3);
        let cn_kz = d.relation_index("draft-cn-kz").expect("pair relation");
        let quotes: Vec<&str> = d.relations[cn_kz]
            .passages
            .iter()
            .map(|p| p.quote.as_str())
            .collect();
        assert_eq!(
            quotes,
            [
                "China's investment in Kazakhstan grew.",
                "Russia watched China and Kazakhstan."
            ]
        );
        assert!(d.relations.iter().all(is_draft_relation));
        // "Kazakh" is not found inside "Kazakhstan alone." (a one-actor sentence anyway), and
        // a second run adds nothing.
        assert_eq!(add_drafts(&mut d, SourceId(0)).passages, 0);
        let json = crate::model::to_relmap_json(&d);
        let back = crate::model::load_str(&json, "draft.relmap.json").expect("draft map loads");
        assert_eq!(back.passage_count(), 5);
    }

    #[test]
    fn the_actor_file_is_checked_like_a_map_s_actors() {
        let ok = parse_actors(
            r#"{"actors": [{"id": "cn", "name": "China", "kind": "state"}]}"#,
            "a.json",
        )
        .expect("valid");
        assert_eq!(ok[0].name, "China");
        let dup = parse_actors(
            r#"{"actors": [{"id": "cn", "name": "China", "kind": "state"},
                           {"id": "cn", "name": "PRC", "kind": "state"}]}"#,
            "a.json",
        );
        assert!(dup.is_err());
        assert!(parse_actors(r#"{"actors": [{"id": "cn"}]}"#, "a.json").is_err());
    }
}
