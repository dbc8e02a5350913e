//! The document edits that reshape ids: removing an actor, moving a passage to another
//! relation, and adding evidence (to a relation that exists or a new one). Called by
//! [`MapState::apply_doc`](super::MapState) through `edit_document`, which snapshots first.

use super::MapState;
use super::{EvidenceTarget, slug};
use crate::model::{
    ActorId, Passage, PassageDate, PassageId, PassageStatus, Relation, RelationId, SourceId,
    TextRange, Tone, unique_id,
};
use crate::scene::Selection;

impl MapState {
    pub(super) fn remove_actor(&mut self, a: ActorId) -> Option<Selection> {
        let d = &mut self.doc.dataset;
        d.actor(a)?;
        d.relations.retain(|r| r.from != a && r.to != a);
        d.actors.remove(a);
        // Ids after the removed actor shift down by one.
        for r in &mut d.relations {
            for end in [&mut r.from, &mut r.to] {
                if end.0 > a.0 {
                    end.0 -= 1;
                }
            }
        }
        self.place.positions.remove(a);
        self.place.default_positions.remove(a);
        self.place.pinned.remove(a);
        Some(Selection::None)
    }

    pub(super) fn move_passage(&mut self, id: PassageId, to: RelationId) -> Option<Selection> {
        let d = &mut self.doc.dataset;
        if id.relation == to || d.relation(to).is_none() {
            return None;
        }
        let from = d.relations.get_mut(id.relation)?;
        if id.index >= from.passages.len() {
            return None;
        }
        let p = from.passages.remove(id.index);
        d.relations[to].passages.push(p);
        if d.relations[id.relation].passages.is_empty() {
            // A relation left without evidence goes; ids after it shift down by one.
            d.relations.remove(id.relation);
            let to = if to.0 > id.relation.0 {
                RelationId(to.0 - 1)
            } else {
                to
            };
            return Some(Selection::Relation(to));
        }
        Some(Selection::Relation(to))
    }

    pub(super) fn add_evidence(
        &mut self,
        source: SourceId,
        range: TextRange,
        target: EvidenceTarget,
        (date, modality): (Option<PassageDate>, crate::model::Modality),
    ) -> Option<Selection> {
        let d = &mut self.doc.dataset;
        let text = &d.sources.get(source)?.article.text;
        if range.start >= range.end
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return None;
        }
        // The quote is the selection without surrounding blanks.
        let raw = &text[range.clone()];
        let start = range.start + (raw.len() - raw.trim_start().len());
        let end = range.end - (raw.len() - raw.trim_end().len());
        if start >= end {
            return None;
        }
        let anchor = d.sources[source].article.anchor(start..end);
        let passage = Passage {
            quote: text[start..end].to_owned(),
            date,
            note: None,
            tone: None,
            status: PassageStatus::Confirmed,
            // Chosen in the form, which showed what the wording suggested.
            stated_modality: Some(modality),
            anchor: Some(anchor),
            source,
            // Graded by the analyst, never guessed.
            credibility: None,
        };
        let r = match target {
            EvidenceTarget::Existing(r) => {
                d.relations.get_mut(r)?.passages.push(passage);
                r
            }
            EvidenceTarget::New { from, to, fields } => {
                if from == to || d.actor(from).is_none() || d.actor(to).is_none() {
                    return None;
                }
                let base = format!(
                    "{}-{}-{}",
                    d.actors[from].id,
                    d.actors[to].id,
                    slug(fields.dimension.as_str())
                );
                let id = unique_id(&base, |c| d.relation_index(c).is_some());
                d.relations.push(Relation {
                    id,
                    from,
                    to,
                    label: Relation::label_or_default(Some(fields.label)),
                    dimension: fields.dimension,
                    tone: Tone::Unspecified,
                    declared_tone: fields.tone,
                    directed: fields.directed,
                    weight: 1.0,
                    passages: vec![passage],
                });
                RelationId(d.relations.len() - 1)
            }
        };
        Some(Selection::Relation(r))
    }
}
