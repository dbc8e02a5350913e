//! Turns a parsed relmap/1 file into a [`Dataset`], collecting every problem at once.

use std::collections::BTreeMap;

use super::error::{Problem, ProblemKind};
use super::files::TextFiles;
use super::raw::{RawActor, RawDataset, RawRelation};
use super::{
    Actor, ActorId, ActorKind, Dataset, Dimension, Modality, Origin, Passage, PassageStatus,
    Relation, Source, Tone,
};

/// How many words of a missing quote to show in its error.
const QUOTE_PREVIEW_WORDS: usize = 8;

/// Builds the dataset and lists every problem. The dataset is returned even with problems
/// (relations naming unknown actors dropped, unfound quotes left unanchored) so a caller may
/// accept some kinds of problem; most callers refuse any.
pub(super) fn validate(
    raw: RawDataset,
    files: &TextFiles<'_>,
    origin: Origin,
) -> (Dataset, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut report =
        |location: String, kind: ProblemKind| problems.push(Problem { location, kind });

    let sources = super::sources::sources(raw.source, raw.sources, files, &mut report);
    let (actors, actor_ids) = actors(raw.actors, &mut report);

    let mut relation_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut relations = Vec::with_capacity(raw.relations.len());
    for (i, r) in raw.relations.into_iter().enumerate() {
        let location = format!("relations[{i}] ({:?})", r.id);
        if r.id.trim().is_empty() {
            report(location.clone(), ProblemKind::EmptyField { field: "id" });
        } else if let Some(&first) = relation_ids.get(&r.id) {
            report(
                location.clone(),
                ProblemKind::DuplicateRelationId {
                    id: r.id.clone(),
                    first: format!("relations[{first}]"),
                },
            );
        } else {
            relation_ids.insert(r.id.clone(), i);
        }
        if let Some(rel) = relation(r, &location, &actor_ids, &sources, &mut report) {
            relations.push(rel);
        }
    }

    let storyboard =
        super::story::storyboard(raw.storyboard, &actor_ids, &relation_ids, &mut report);
    let dataset = Dataset {
        storyboard,
        title: raw
            .title
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| sources[0].meta.title.clone()),
        sources: sources.into(),
        actors: actors.into(),
        relations: relations.into(),
        origin,
        notes: Vec::new(),
        warnings: Vec::new(),
    };
    (dataset, problems)
}

/// Actors with their ids checked; returns them and each id's first index.
pub(super) fn actors(
    raw: Vec<RawActor>,
    report: &mut impl FnMut(String, ProblemKind),
) -> (Vec<Actor>, BTreeMap<String, usize>) {
    let mut actor_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut actors = Vec::with_capacity(raw.len());
    for (i, a) in raw.into_iter().enumerate() {
        let location = format!("actors[{i}] ({:?})", a.id);
        if let Some(kind) = actor_problem(&a, &actor_ids) {
            report(location.clone(), kind);
        }
        if a.name.trim().is_empty() {
            report(location.clone(), ProblemKind::EmptyField { field: "name" });
        }
        let position = a.position.and_then(|[x, y]| {
            let (x, y) = (x as f32, y as f32);
            if x.is_finite() && y.is_finite() {
                Some([x, y])
            } else {
                report(location.clone(), ProblemKind::NonFinitePosition);
                None
            }
        });
        actor_ids.entry(a.id.clone()).or_insert(i);
        actors.push(Actor {
            id: a.id,
            name: a.name.trim().to_owned(),
            kind: ActorKind::parse(&a.kind),
            aliases: a.aliases,
            native_names: a.native_names,
            secondary: a.secondary,
            position,
        });
    }
    (actors, actor_ids)
}

fn actor_problem(a: &RawActor, seen: &BTreeMap<String, usize>) -> Option<ProblemKind> {
    if a.id.trim().is_empty() {
        return Some(ProblemKind::EmptyField { field: "id" });
    }
    seen.get(&a.id).map(|&first| ProblemKind::DuplicateActorId {
        id: a.id.clone(),
        first: format!("actors[{first}]"),
    })
}

fn relation(
    r: RawRelation,
    location: &str,
    actor_ids: &BTreeMap<String, usize>,
    sources: &[Source],
    report: &mut impl FnMut(String, ProblemKind),
) -> Option<Relation> {
    let mut endpoint = |field: &'static str, id: &str| {
        let found = actor_ids.get(id).copied();
        if found.is_none() {
            report(
                format!("{location}.{field}"),
                ProblemKind::UnknownActor {
                    field,
                    id: id.to_owned(),
                },
            );
        }
        found
    };
    let source = endpoint("source", &r.source);
    let target = endpoint("target", &r.target);
    if r.source == r.target {
        report(
            location.to_owned(),
            ProblemKind::SelfRelation {
                id: r.source.clone(),
            },
        );
    }
    let declared_tone = r
        .tone
        .as_deref()
        .map(|t| parse_tone(Some(t), location, report));
    let weight = parse_weight(r.weight, location, report);
    if r.passages.is_empty() {
        report(location.to_owned(), ProblemKind::NoPassages);
    }
    let mut passages = Vec::with_capacity(r.passages.len());
    for (j, p) in r.passages.into_iter().enumerate() {
        let at = format!("{location}.passages[{j}]");
        if p.quote.trim().is_empty() {
            report(at.clone(), ProblemKind::EmptyField { field: "quote" });
            continue;
        }
        let date = super::date::parse_date(p.date.as_deref(), &format!("{at}.date"), report);
        let tone = p.tone.as_deref().map(|t| parse_tone(Some(t), &at, report));
        let status = parse_status(p.status.as_deref(), &at, report);
        let modality = parse_modality(p.modality.as_deref(), &at, report);
        let credibility = parse_credibility(p.credibility.as_ref(), &at, report);
        let source = super::sources::passage_source(p.source.as_deref(), sources, &at, report);
        let doc = &sources[source.0];
        let article = &doc.article;
        let anchor = article.find_in_context(&p.quote, p.prefix.as_deref(), p.suffix.as_deref());
        if anchor.is_none() && !article.text.is_empty() {
            report(
                at.clone(),
                ProblemKind::QuoteNotFound {
                    start: quote_preview(&p.quote),
                    source_name: if sources.len() == 1 {
                        "article".to_owned()
                    } else {
                        format!("source {:?} (“{}”)", doc.id, doc.short_title(40))
                    },
                },
            );
        }
        passages.push(Passage {
            quote: p.quote,
            date,
            note: p.note.filter(|n| !n.trim().is_empty()),
            tone,
            status,
            stated_modality: modality,
            anchor,
            source,
            credibility,
        });
    }
    let tone = declared_tone.unwrap_or_else(|| Tone::derived(&passages));
    Some(Relation {
        id: r.id,
        from: ActorId(source?),
        to: ActorId(target?),
        label: Relation::label_or_default(r.label),
        dimension: Dimension::parse_or_unspecified(r.dimension.as_deref()),
        tone,
        declared_tone,
        directed: r.directed,
        weight,
        passages,
    })
}

/// A passage's credibility: a number 1–6 (a digit in a string too); absent is not graded.
fn parse_credibility(
    value: Option<&serde_json::Value>,
    location: &str,
    report: &mut impl FnMut(String, ProblemKind),
) -> Option<super::Credibility> {
    let value = value.filter(|v| !v.is_null())?;
    let number = match value {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    };
    let parsed = number.and_then(super::Credibility::from_number);
    if parsed.is_none() {
        report(
            format!("{location}.credibility"),
            ProblemKind::BadCredibility {
                value: value.to_string(),
            },
        );
    }
    parsed
}

/// A passage's modality; absent is a fact, anything unknown is a problem.
fn parse_modality(
    value: Option<&str>,
    location: &str,
    report: &mut impl FnMut(String, ProblemKind),
) -> Option<Modality> {
    let value = value?;
    let parsed = Modality::parse(value);
    if parsed.is_none() {
        report(
            format!("{location}.modality"),
            ProblemKind::BadModality {
                value: value.to_owned(),
            },
        );
    }
    parsed
}

/// A passage's status; absent is confirmed, anything unknown is a problem.
fn parse_status(
    value: Option<&str>,
    location: &str,
    report: &mut impl FnMut(String, ProblemKind),
) -> PassageStatus {
    let Some(value) = value else {
        return PassageStatus::Confirmed;
    };
    PassageStatus::parse(value).unwrap_or_else(|| {
        report(
            format!("{location}.status"),
            ProblemKind::BadStatus {
                value: value.to_owned(),
            },
        );
        PassageStatus::Confirmed
    })
}

/// A relation's tone; absent is [`Tone::Unspecified`], anything unknown is a problem.
pub(super) fn parse_tone(
    value: Option<&str>,
    location: &str,
    report: &mut impl FnMut(String, ProblemKind),
) -> Tone {
    match value.map(Tone::parse) {
        None => Tone::Unspecified,
        Some(Some(t)) => t,
        Some(None) => {
            report(
                format!("{location}.tone"),
                ProblemKind::BadTone {
                    value: value.unwrap_or_default().to_owned(),
                },
            );
            Tone::Unspecified
        }
    }
}

/// A relation's strength; absent is 1, anything but a positive finite number is a problem.
pub(super) fn parse_weight(
    value: Option<f64>,
    location: &str,
    report: &mut impl FnMut(String, ProblemKind),
) -> f32 {
    match value {
        None => 1.0,
        Some(w) if w.is_finite() && w > 0.0 && (w as f32).is_finite() => w as f32,
        Some(w) => {
            report(
                format!("{location}.weight"),
                ProblemKind::BadWeight {
                    value: w.to_string(),
                },
            );
            1.0
        }
    }
}

/// The first words of a quote, ending in "…" when cut.
pub(crate) fn quote_preview(quote: &str) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let mut out = words
        .iter()
        .take(QUOTE_PREVIEW_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if out.chars().count() > 80 {
        out = out.chars().take(80).collect();
    }
    if words.len() > QUOTE_PREVIEW_WORDS || out.len() < quote.trim().len() {
        out.push('…');
    }
    out
}
