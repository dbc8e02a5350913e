//! Authoring: edits of the document itself (actors, relations, passages), each undoable.
//!
//! An edit snapshots the document before it changes (dataset, positions, pins); undo swaps the
//! snapshot back. A map an analyst authors has tens of actors and hundreds of passages, so a
//! snapshot costs microseconds and keeps every edit trivially reversible, however it reshapes
//! the ids.

use egui::Pos2;

use super::MapState;
use crate::model::{
    Actor, ActorId, ActorKind, Dataset, Dimension, Modality, PassageDate, PassageId, PassageStatus,
    Relation, RelationId, SourceId, TextRange, Tone,
};
use crate::model::{PerActor, SourceFields, unique_id};
use crate::scene::Selection;

/// What an actor is called and how it is drawn; the fields the actors panel edits.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorFields {
    /// Display name.
    pub name: String,
    /// State, organization or another kind.
    pub kind: ActorKind,
    /// Other names the article uses (demonyms, short forms, native-script names).
    pub aliases: Vec<String>,
    /// Hidden until View → Show secondary actors.
    pub secondary: bool,
}

impl Default for ActorFields {
    fn default() -> Self {
        Self {
            name: String::new(),
            kind: ActorKind::State,
            aliases: Vec::new(),
            secondary: false,
        }
    }
}

/// What a relation says; the fields the side panel edits.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationFields {
    /// Short description.
    pub label: String,
    /// Policy field.
    pub dimension: Dimension,
    /// Declared tone, or `None` to derive it from the passages.
    pub tone: Option<Tone>,
    /// Whether it points from source to target.
    pub directed: bool,
}

/// What a passage says about its quote; the fields the side panel edits.
#[derive(Clone, Debug, PartialEq)]
pub struct PassageFields {
    /// When the quoted fact holds.
    pub date: Option<PassageDate>,
    /// The passage's own tone.
    pub tone: Option<Tone>,
    /// Draft, confirmed or disputed.
    pub status: PassageStatus,
    /// Fact, forecast, aim, perception or assessment, as stated (`None`: not said).
    pub modality: Option<Modality>,
    /// The analyst's note.
    pub note: Option<String>,
    /// How credible the information is (Admiralty 1–6), if graded.
    pub credibility: Option<crate::model::Credibility>,
}

impl PassageFields {
    /// Writes the fields to passage `id` of `d`; the relation to select after, `None` when
    /// there is no such passage.
    fn write_to(self, d: &mut Dataset, id: PassageId) -> Option<Selection> {
        let p = d
            .relations
            .get_mut(id.relation)?
            .passages
            .get_mut(id.index)?;
        p.date = self.date;
        p.tone = self.tone;
        p.status = self.status;
        p.stated_modality = self.modality;
        p.credibility = self.credibility;
        p.note = self.note.filter(|n| !n.trim().is_empty());
        Some(Selection::Relation(id.relation))
    }

    /// The editable fields of passage `p` as they stand.
    pub fn of(p: &crate::model::Passage) -> Self {
        Self {
            date: p.date,
            tone: p.tone,
            status: p.status,
            modality: p.stated_modality,
            note: p.note.clone(),
            credibility: p.credibility,
        }
    }
}

/// Where new evidence goes.
#[derive(Clone, Debug, PartialEq)]
pub enum EvidenceTarget {
    /// An existing relation.
    Existing(RelationId),
    /// A new relation between two actors.
    New {
        /// Where it starts.
        from: ActorId,
        /// The other actor.
        to: ActorId,
        /// What it says.
        fields: RelationFields,
    },
}

/// An edit of the document. Every one is undoable (Ctrl+Z) and marks the map unsaved.
#[derive(Clone, Debug, PartialEq)]
pub enum DocCommand {
    /// Add an actor.
    AddActor(ActorFields),
    /// Change an actor's name, kind, aliases or secondary flag.
    EditActor(ActorId, ActorFields),
    /// Remove an actor and every relation it takes part in.
    RemoveActor(ActorId),
    /// Quote the text at `range` of `source` as a passage of `target`, dated `date`.
    AddEvidence {
        /// The source quoted: chosen when the text was selected, whatever tab shows later.
        source: SourceId,
        /// Byte range of the selection in that source's text.
        range: TextRange,
        /// The relation it supports.
        target: EvidenceTarget,
        /// When it holds (defaults to the source's date in the form).
        date: Option<PassageDate>,
        /// Whether it reports a fact, a forecast, an aim…
        modality: Modality,
    },
    /// Change a relation's label, policy field, tone or direction.
    EditRelation(RelationId, RelationFields),
    /// Remove a relation and its passages.
    RemoveRelation(RelationId),
    /// Change a passage's date, tone, status or note.
    EditPassage(PassageId, PassageFields),
    /// Move a passage to another relation.
    MovePassage(PassageId, RelationId),
    /// Remove a passage; a relation left without evidence goes too.
    RemovePassage(PassageId),
    /// Suggest evidence: a draft passage for every sentence of this source naming two
    /// actors (see [`crate::model::add_drafts`]).
    SuggestDrafts(SourceId),
    /// Change the map's title and a source's bibliographic data.
    EditSource {
        /// Which source.
        which: SourceId,
        /// Map title (blank: the first article's title).
        title: String,
        /// The article's title, author, date, publisher and URL.
        source: SourceFields,
    },
    /// Attach another article to the map (its tab opens in the article window).
    AddSource {
        /// Title, author, date, publisher, URL.
        fields: SourceFields,
        /// The article's plain text.
        text: String,
    },
    /// Merge another map into this one (see [`crate::model::merge`]).
    Merge(MapToMerge),
    /// Put a storyboard step at this place (the end is the step count).
    InsertStep(usize, crate::model::Step),
    /// Remove a storyboard step.
    RemoveStep(usize),
    /// Change a step's title and caption.
    EditStep(usize, super::StepText),
    /// Move a step to another place in the storyboard.
    MoveStep {
        /// Where it is.
        from: usize,
        /// Where it goes (its place after the move).
        to: usize,
    },
}

/// A loaded map waiting to be merged. Commands compare equal by identity: two merges of
/// separately loaded files are different commands even if the files agree.
#[derive(Clone, Debug)]
pub struct MapToMerge(pub std::sync::Arc<Dataset>);

impl PartialEq for MapToMerge {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The document as it was before an edit: what undo puts back.
#[derive(Clone, Debug)]
pub(super) struct DocSnapshot {
    dataset: Dataset,
    positions: PerActor<Pos2>,
    default_positions: PerActor<Pos2>,
    pinned: PerActor<bool>,
    revision: u64,
}

impl DocSnapshot {
    /// About how many bytes the snapshot holds: the sizes of its records plus the text they
    /// own (quotes, articles, names), counted in one pass.
    pub(super) fn approx_bytes(&self) -> usize {
        let d = &self.dataset;
        let text: usize = d
            .sources
            .iter()
            .map(|s| s.article.text.len())
            .sum::<usize>()
            + d.actors
                .iter()
                .map(|a| a.name.len() + a.id.len())
                .sum::<usize>()
            + d.relations
                .iter()
                .map(|r| {
                    r.id.len()
                        + r.label.len()
                        + r.passages
                            .iter()
                            .map(|p| p.quote.len() + std::mem::size_of_val(p))
                            .sum::<usize>()
                })
                .sum::<usize>();
        text + d.actors.len() * std::mem::size_of::<Actor>()
            + d.relations.len() * std::mem::size_of::<Relation>()
            + (self.positions.len() + self.default_positions.len()) * std::mem::size_of::<Pos2>()
            + self.pinned.len()
    }
}

impl MapState {
    pub(super) fn snapshot(&self) -> DocSnapshot {
        DocSnapshot {
            dataset: self.doc.dataset.clone(),
            positions: self.place.positions.clone(),
            default_positions: self.place.default_positions.clone(),
            pinned: self.place.pinned.clone(),
            revision: self.doc.revision,
        }
    }

    /// Puts `snapshot` in place and returns the state it replaced (for the other stack).
    pub(super) fn swap_snapshot(&mut self, snapshot: DocSnapshot) -> DocSnapshot {
        let current = self.snapshot();
        self.doc.dataset = snapshot.dataset;
        self.place.positions = snapshot.positions;
        self.place.default_positions = snapshot.default_positions;
        self.place.pinned = snapshot.pinned;
        self.doc.revision = snapshot.revision;
        self.after_document_change();
        // The positions put back are the ones the user saw: nothing relaxes them again.
        self.request_relaxation(false);
        current
    }

    /// Applies one document edit; an edit that names nothing valid changes nothing.
    ///
    /// An edit of fields in place (an actor's, relation's, passage's or source's) is recorded
    /// as the command that puts the old fields back: a few bytes, however large the map, and
    /// undoing it moves nothing. Edits that reshape ids are recorded as the document before
    /// them (see [`DocSnapshot`]).
    pub(super) fn apply_doc(&mut self, command: DocCommand) {
        if let Some(inverse) = self.inverse_of(&command) {
            let revision = self.doc.revision;
            let Some(selection) = self.edit_document(command) else {
                return;
            };
            self.doc.next_revision += 1;
            self.doc.revision = self.doc.next_revision;
            let touched = fields_touched(&inverse);
            self.record_in_place(inverse, revision);
            self.after_fields_change(touched);
            self.pointing.selection = self.valid_selection(selection);
            return;
        }
        if !self.names_something(&command) {
            // Nothing to change: no copy of the document is made for it.
            return;
        }
        // An actor added by hand is placed in free space: the others keep their places.
        let keeps_layout = matches!(command, DocCommand::AddActor(_));
        let before = self.snapshot();
        let selection = match self.edit_document(command) {
            Some(selection) => selection,
            None => return,
        };
        self.doc.next_revision += 1;
        self.doc.revision = self.doc.next_revision;
        let steps_touched = crate::model::prune_storyboard(&mut self.doc.dataset, &before.dataset);
        if steps_touched > 0 {
            self.outcome = super::Outcome::StepsTouched(steps_touched);
        }
        self.record_document(before);
        self.after_document_change();
        if keeps_layout {
            self.request_relaxation(false);
        }
        self.pointing.selection = self.valid_selection(selection);
    }

    /// For an edit of fields in place, the command putting back the fields it would change,
    /// read before it runs; `None` for edits that reshape ids, or that name nothing.
    fn inverse_of(&self, command: &DocCommand) -> Option<DocCommand> {
        let d = &self.doc.dataset;
        match command {
            DocCommand::EditActor(a, _) => {
                let actor = d.actor(*a)?;
                Some(DocCommand::EditActor(
                    *a,
                    ActorFields {
                        name: actor.name.clone(),
                        kind: actor.kind.clone(),
                        aliases: actor.aliases.clone(),
                        secondary: actor.secondary,
                    },
                ))
            }
            DocCommand::EditRelation(r, _) => {
                let rel = d.relation(*r)?;
                Some(DocCommand::EditRelation(
                    *r,
                    RelationFields {
                        label: rel.label.clone(),
                        dimension: rel.dimension.clone(),
                        tone: rel.declared_tone,
                        directed: rel.directed,
                    },
                ))
            }
            DocCommand::EditPassage(id, _) => {
                let p = d.passage(*id)?;
                Some(DocCommand::EditPassage(*id, PassageFields::of(p)))
            }
            DocCommand::EditSource { which, .. } => {
                let meta = &d.sources.get(*which)?.meta;
                Some(DocCommand::EditSource {
                    which: *which,
                    title: d.title.clone(),
                    source: SourceFields {
                        title: meta.title.clone(),
                        author: meta.author.clone(),
                        date: meta.date,
                        publisher: meta.publisher.clone(),
                        url: meta.url.clone(),
                        reliability: meta.reliability,
                    },
                })
            }
            DocCommand::InsertStep(..)
            | DocCommand::RemoveStep(_)
            | DocCommand::EditStep(..)
            | DocCommand::MoveStep { .. } => self.inverse_of_story(command),
            DocCommand::AddActor(_)
            | DocCommand::RemoveActor(_)
            | DocCommand::AddEvidence { .. }
            | DocCommand::RemoveRelation(_)
            | DocCommand::MovePassage(..)
            | DocCommand::RemovePassage(_)
            | DocCommand::SuggestDrafts(_)
            | DocCommand::AddSource { .. }
            | DocCommand::Merge(_) => None,
        }
    }

    /// Whether an edit that reshapes ids names things that exist (checked before the
    /// document is copied for undo; `edit_document` checks the rest and may still refuse).
    fn names_something(&self, command: &DocCommand) -> bool {
        let d = &self.doc.dataset;
        match command {
            DocCommand::AddActor(fields) => !fields.name.trim().is_empty(),
            DocCommand::RemoveActor(a) => d.actor(*a).is_some(),
            DocCommand::AddEvidence {
                source,
                range,
                target,
                ..
            } => {
                let text_ok = d
                    .sources
                    .get(*source)
                    .is_some_and(|s| range.start < range.end && range.end <= s.article.text.len());
                let target_ok = match target {
                    EvidenceTarget::Existing(r) => d.relation(*r).is_some(),
                    EvidenceTarget::New { from, to, .. } => {
                        from != to && d.actor(*from).is_some() && d.actor(*to).is_some()
                    }
                };
                text_ok && target_ok
            }
            DocCommand::RemoveRelation(r) => d.relation(*r).is_some(),
            DocCommand::MovePassage(id, to) => {
                id.relation != *to && d.passage(*id).is_some() && d.relation(*to).is_some()
            }
            DocCommand::RemovePassage(id) => d.passage(*id).is_some(),
            DocCommand::SuggestDrafts(source) => source.0 < d.sources.len(),
            DocCommand::AddSource { text, .. } => !text.trim().is_empty(),
            DocCommand::Merge(_)
            | DocCommand::InsertStep(..)
            | DocCommand::RemoveStep(_)
            | DocCommand::EditStep(..)
            | DocCommand::MoveStep { .. }
            | DocCommand::EditActor(..)
            | DocCommand::EditRelation(..)
            | DocCommand::EditPassage(..)
            | DocCommand::EditSource { .. } => true,
        }
    }

    /// Undoes (or redoes) an in-place edit: applies `inverse` and returns the command that
    /// reverses it in turn. Ids are unchanged, so positions and the running layout are too.
    pub(super) fn reverse_in_place(&mut self, inverse: DocCommand) -> DocCommand {
        let back = self.inverse_of(&inverse).unwrap_or_else(|| inverse.clone());
        let touched = fields_touched(&inverse);
        let selection = self.pointing.selection;
        self.edit_document(inverse);
        self.after_fields_change(touched);
        self.pointing.selection = self.valid_selection(selection);
        back
    }

    /// What follows an edit of fields in place: the edited relation's tone, the evidence
    /// warnings (names, tones, dates and statuses all feed them); hover and search picks
    /// that may name what changed. Positions, pins and the layout stay as they are.
    fn after_fields_change(&mut self, touched: Touched) {
        let d = &mut self.doc.dataset;
        if let Touched::Relation(r) = touched
            && let Some(rel) = d.relations.get_mut(r)
        {
            rel.tone = rel
                .declared_tone
                .unwrap_or_else(|| Tone::derived(&rel.passages));
        }
        d.warnings = crate::model::lint(d);
        self.pointing.hovered = None;
        self.pointing.linked_hover = None;
        self.lens.search_pick = None;
    }

    /// Makes the change; returns what to select afterwards, or `None` if nothing changed.
    fn edit_document(&mut self, command: DocCommand) -> Option<Selection> {
        let d = &mut self.doc.dataset;
        match command {
            DocCommand::AddActor(fields) => {
                let name = fields.name.trim().to_owned();
                if name.is_empty() {
                    return None;
                }
                let id = unique_id(&slug(&name), |c| d.actor_index(c).is_some());
                d.actors.push(Actor {
                    id,
                    name,
                    kind: fields.kind,
                    aliases: clean_list(fields.aliases),
                    native_names: Vec::new(),
                    secondary: fields.secondary,
                    position: None,
                });
                let at = self.place_in_view();
                self.place.positions.push(at);
                self.place.default_positions.push(at);
                self.place.pinned.push(false);
                Some(Selection::Actor(ActorId(self.doc.dataset.actors.len() - 1)))
            }
            DocCommand::EditActor(a, fields) => {
                let actor = d.actors.get_mut(a)?;
                let name = fields.name.trim();
                if name.is_empty() {
                    return None;
                }
                actor.name = name.to_owned();
                actor.kind = fields.kind;
                actor.aliases = clean_list(fields.aliases);
                actor.secondary = fields.secondary;
                Some(Selection::Actor(a))
            }
            DocCommand::RemoveActor(a) => self.remove_actor(a),
            DocCommand::AddEvidence {
                source,
                range,
                target,
                date,
                modality,
            } => self.add_evidence(source, range, target, (date, modality)),
            DocCommand::EditRelation(r, fields) => {
                let rel = d.relations.get_mut(r)?;
                rel.label = Relation::label_or_default(Some(fields.label));
                rel.dimension = fields.dimension;
                rel.declared_tone = fields.tone;
                rel.directed = fields.directed;
                Some(Selection::Relation(r))
            }
            DocCommand::RemoveRelation(r) => {
                d.relation(r)?;
                d.relations.remove(r);
                Some(Selection::None)
            }
            DocCommand::EditPassage(id, fields) => fields.write_to(d, id),
            DocCommand::MovePassage(id, to) => self.move_passage(id, to),
            DocCommand::RemovePassage(id) => {
                let rel = d.relations.get_mut(id.relation)?;
                if id.index >= rel.passages.len() {
                    return None;
                }
                rel.passages.remove(id.index);
                if rel.passages.is_empty() {
                    d.relations.remove(id.relation);
                    return Some(Selection::None);
                }
                Some(Selection::Relation(id.relation))
            }
            DocCommand::SuggestDrafts(source) => {
                if source.0 >= self.doc.dataset.sources.len() {
                    return None;
                }
                let report = crate::model::add_drafts(&mut self.doc.dataset, source);
                if report.passages == 0 {
                    return None;
                }
                Some(self.pointing.selection)
            }
            DocCommand::EditSource {
                which,
                title,
                source,
            } => self.edit_source(which, &title, source),
            DocCommand::AddSource { fields, text } => self.add_source(fields, &text),
            DocCommand::Merge(other) => self.merge_in(&other.0),
            story @ (DocCommand::InsertStep(..)
            | DocCommand::RemoveStep(_)
            | DocCommand::EditStep(..)
            | DocCommand::MoveStep { .. }) => {
                let selection = self.pointing.selection;
                self.edit_story(story).then_some(selection)
            }
        }
    }

    /// Where an actor added by hand appears: in free space beside the selected actor, else
    /// near the middle of what the canvas shows, inside the view, so it is seen at once and
    /// nothing else has to move.
    pub(super) fn place_in_view(&self) -> Pos2 {
        let positions = &self.place.positions;
        let shown: Option<egui::Rect> = self.camera.canvas.map(|canvas| {
            let world_from_screen = self.camera.view.screen_from_world(canvas).inverse();
            egui::Rect::from_min_max(
                world_from_screen * canvas.min,
                world_from_screen * canvas.max,
            )
        });
        let anchor = match self.pointing.selection {
            Selection::Actor(a) | Selection::Pair(a, _) => positions.get(a).copied(),
            Selection::Relation(_) | Selection::None => None,
        }
        .or_else(|| shown.map(|r| r.center()))
        .unwrap_or_else(|| self.place_for_new_actor());
        // Room enough for a node and its label; rings of eight places around the anchor.
        const CLEAR: f32 = 70.0;
        let free = |p: Pos2| positions.iter().all(|q| q.distance(p) >= CLEAR);
        let inside = |p: Pos2| shown.is_none_or(|r| r.shrink(40.0).contains(p));
        (1..=5)
            .flat_map(|ring| {
                (0..8).map(move |k| {
                    let angle = std::f32::consts::TAU * (k as f32 + 0.5 * ring as f32) / 8.0;
                    anchor + egui::Vec2::angled(angle) * (50.0 + 45.0 * ring as f32)
                })
            })
            .find(|&p| free(p) && inside(p))
            .unwrap_or(anchor + egui::vec2(95.0, 0.0))
    }

    /// Where a new actor from a merge appears: right of the others, so it is visible and free
    /// to drag.
    pub(super) fn place_for_new_actor(&self) -> Pos2 {
        let world = crate::layout::WORLD;
        let n = self.place.positions.len();
        if n == 0 {
            return world.center();
        }
        let max_x = self
            .place
            .positions
            .iter()
            .map(|p| p.x)
            .fold(f32::MIN, f32::max);
        let mean_y = self.place.positions.iter().map(|p| p.y).sum::<f32>() / n as f32;
        Pos2::new(max_x + 120.0, mean_y + 40.0 * (n % 3) as f32)
    }

    /// Recomputes what derives from the document (relation tones, evidence warnings) and
    /// drops view state that may name things no longer there.
    pub(super) fn after_document_change(&mut self) {
        let d = &mut self.doc.dataset;
        for r in &mut d.relations {
            r.tone = r
                .declared_tone
                .unwrap_or_else(|| Tone::derived(&r.passages));
        }
        d.warnings = crate::model::lint(d);
        if self.reader.source.0 >= d.sources.len() {
            self.reader.source = SourceId(0);
            self.reader.selection = None;
        }
        let sources = d.sources.len();
        self.lens.filters.hidden_sources.retain(|s| s.0 < sources);
        let n = d.actors.len();
        if let Some((a, mode)) = self.lens.filters.focus
            && (a.0 >= n || matches!(mode, super::FocusMode::Pair(b) if b.0 >= n))
        {
            self.lens.filters.focus = None;
        }
        if self.lens.filters.group.iter().any(|a| a.0 >= n) {
            self.lens.filters.group.clear();
        }
        self.pointing.hovered = None;
        self.pointing.linked_hover = None;
        self.lens.search_pick = None;
        self.place.drag = None;
        if self
            .reader
            .focus
            .is_some_and(|f| self.doc.dataset.passage(f.passage).is_none())
        {
            self.reader.focus = None;
        }
        self.pointing.selection = self.valid_selection(self.pointing.selection);
        // Quoted or not, the selection has done its job; a stale range must not be reused.
        self.reader.selection = None;
        self.request_relaxation(true);
    }
}

/// Which part of the document an in-place edit changed, for what must be derived again.
#[derive(Clone, Copy, Debug)]
enum Touched {
    /// An actor's or a source's fields: no relation's tone depends on them.
    Names,
    /// A relation's fields, or one of its passages'.
    Relation(RelationId),
}

fn fields_touched(command: &DocCommand) -> Touched {
    match command {
        DocCommand::EditRelation(r, _) => Touched::Relation(*r),
        DocCommand::EditPassage(id, _) => Touched::Relation(id.relation),
        _ => Touched::Names,
    }
}

/// A lower-case ASCII id made from `name` ("United States" → "united-states").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "actor".to_owned()
    } else {
        out
    }
}

/// Trimmed, non-empty, without repeats, in the order given.
fn clean_list(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let item = item.trim().to_owned();
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_unique_ids() {
        assert_eq!(slug("United States"), "united-states");
        assert_eq!(slug("日本"), "actor");
        assert_eq!(unique_id("a", |c| c == "a" || c == "a-2"), "a-3");
    }
}
