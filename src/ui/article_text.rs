//! The article's text cut into runs with the same marks: cited passages (by relation) and
//! actor mentions, per paragraph, which the article window paints.

use std::ops::Range;

use crate::map::MapState;
use crate::model::{ActorId, Dataset, PassageId, RelationId, SourceId};

/// A run of paragraph text with the same marks.
pub(super) struct Segment {
    /// Where it is in the source text.
    pub(super) range: Range<usize>,
    /// Relations citing this text.
    pub(super) relations: Vec<RelationId>,
    /// Passages citing this text.
    pub(super) passages: Vec<PassageId>,
    /// Whether this text is the focused passage.
    pub(super) focus: bool,
    /// An actor mentioned here (underlined on demand).
    pub(super) actor: Option<ActorId>,
}

/// Every passage cited from `source`: its text range and id.
pub(super) fn cited(d: &Dataset, source: SourceId) -> Vec<(Range<usize>, PassageId)> {
    let mut out = Vec::new();
    for (r, rel) in d.relations_with_ids() {
        for (p, passage) in rel.passages.iter().enumerate() {
            if passage.source != source {
                continue;
            }
            if let Some(a) = &passage.anchor {
                out.push((a.range.clone(), PassageId::new(r, p)));
            }
        }
    }
    out
}

/// Mentions of actor names, aliases and native names, as whole words.
pub(super) fn mentions(
    d: &Dataset,
    text: &str,
    para: &Range<usize>,
) -> Vec<(Range<usize>, ActorId)> {
    let body = &text[para.clone()];
    let mut out = Vec::new();
    for (a, actor) in d.actors_with_ids() {
        for name in std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .chain(&actor.native_names)
        {
            if name.chars().count() < 2 {
                continue;
            }
            for (i, _) in body.match_indices(name.as_str()) {
                let before = body[..i].chars().next_back();
                let after = body[i + name.len()..].chars().next();
                let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                if boundary(before) && (boundary(after) || name.ends_with('-')) {
                    out.push((para.start + i..para.start + i + name.len(), a));
                }
            }
        }
    }
    out
}

pub(super) fn segments(
    state: &MapState,
    para: &Range<usize>,
    cites: &[(Range<usize>, PassageId)],
) -> Vec<Segment> {
    let d = &state.doc.dataset;
    let focus = state.reader.focus.and_then(|f| {
        let p = d.passage(f.passage)?;
        (p.source == state.reader.source)
            .then(|| p.anchor.as_ref().map(|a| a.range.clone()))
            .flatten()
    });
    let article = &d.source(state.reader.source).article;
    let names = if state.reader.underline_actors {
        mentions(d, &article.text, para)
    } else {
        Vec::new()
    };
    let mut cuts = vec![para.start, para.end];
    for (r, _) in cites
        .iter()
        .filter(|(r, _)| r.start < para.end && r.end > para.start)
    {
        cuts.extend([
            r.start.clamp(para.start, para.end),
            r.end.clamp(para.start, para.end),
        ]);
    }
    for (r, _) in &names {
        cuts.extend([r.start, r.end]);
    }
    if let Some(f) = &focus {
        cuts.extend([
            f.start.clamp(para.start, para.end),
            f.end.clamp(para.start, para.end),
        ]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let range = w[0]..w[1];
            let covers = |r: &Range<usize>| r.start <= range.start && r.end >= range.end;
            let mut relations: Vec<RelationId> = cites
                .iter()
                .filter(|(r, _)| covers(r))
                .map(|(_, id)| id.relation)
                .collect();
            relations.dedup();
            let passages = cites
                .iter()
                .filter(|(r, _)| covers(r))
                .map(|(_, id)| *id)
                .collect();
            Segment {
                passages,
                focus: focus.as_ref().is_some_and(covers),
                actor: names.iter().find(|(r, _)| covers(r)).map(|(_, a)| *a),
                relations,
                range,
            }
        })
        .collect()
}
