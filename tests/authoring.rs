//! Authoring at the document level: edits, undo, save and reopen, on the shipped map and on a
//! map started from pasted text.

use proptest::prelude::*;
use relmap::map::{
    ActorFields, DocCommand, EditCommand, EvidenceTarget, MapState, PassageFields, RelationFields,
};
use relmap::model::{
    self, ActorId, ActorKind, Dimension, PassageId, PassageStatus, RelationId, Tone,
};

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
fn shipped() -> MapState {
    MapState::new(model::builtin().expect("built-in dataset"))
}

/// The document as a user would compare it: the saved file and the actors' places.
fn fingerprint(state: &MapState) -> (String, Vec<(u32, u32)>) {
    (
        model::to_relmap_json(&state.doc.dataset),
        state
            .place
            .positions
            .iter()
            .map(|p| (p.x.to_bits(), p.y.to_bits()))
            .collect(),
    )
}

/// One random edit, chosen by numbers so proptest can shrink it.
#[derive(Clone, Debug)]
enum Op {
    AddActor(u8),
    EditActor(u8),
    RemoveActor(u8),
    AddEvidence(u16, u8, u8, u8),
    EditRelation(u8, u8),
    RemoveRelation(u8),
    EditPassage(u8, u8),
    MovePassage(u8, u8),
    RemovePassage(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<u8>().prop_map(Op::AddActor),
        any::<u8>().prop_map(Op::EditActor),
        any::<u8>().prop_map(Op::RemoveActor),
        (any::<u16>(), any::<u8>(), any::<u8>(), any::<u8>())
            .prop_map(|(a, b, c, d)| Op::AddEvidence(a, b, c, d)),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::EditRelation(a, b)),
        any::<u8>().prop_map(Op::RemoveRelation),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::EditPassage(a, b)),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::MovePassage(a, b)),
        any::<u8>().prop_map(Op::RemovePassage),
    ]
}

/// Turns an [`Op`] into a command valid for `state` (indices wrap around what exists).
fn command(state: &MapState, op: &Op) -> Option<DocCommand> {
    let d = &state.doc.dataset;
    let n_act = d.actors.len();
    let n_rel = d.relations.len();
    let pick = |x: u8, n: usize| (n > 0).then(|| usize::from(x) % n);
    let passage = |x: u8| {
        let r = pick(x, n_rel)?;
        let n = d.relations[relmap::model::RelationId(r)].passages.len();
        Some(PassageId::new(RelationId(r), usize::from(x) % n.max(1)))
    };
    Some(match *op {
        Op::AddActor(x) => DocCommand::AddActor(ActorFields {
            name: format!("Actor {x}"),
            kind: ActorKind::Organization,
            aliases: vec![format!("A{x}")],
            secondary: x % 2 == 0,
        }),
        Op::EditActor(x) => {
            let a = pick(x, n_act)?;
            DocCommand::EditActor(
                ActorId(a),
                ActorFields {
                    name: format!("Renamed {x}"),
                    ..ActorFields::default()
                },
            )
        }
        Op::RemoveActor(x) => DocCommand::RemoveActor(ActorId(pick(x, n_act)?)),
        Op::AddEvidence(at, len, x, y) => {
            let text = &d.primary().article.text;
            let mut start = usize::from(at) % text.len().max(1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + 1 + usize::from(len)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let target = if x % 2 == 0 && n_rel > 0 {
                EvidenceTarget::Existing(RelationId(pick(y, n_rel)?))
            } else {
                EvidenceTarget::New {
                    from: ActorId(pick(x, n_act)?),
                    to: ActorId(pick(y, n_act)?),
                    fields: RelationFields {
                        label: "new".to_owned(),
                        dimension: Dimension::Economy,
                        tone: Some(Tone::Tension),
                        directed: y % 2 == 0,
                    },
                }
            };
            DocCommand::AddEvidence {
                source: relmap::model::SourceId(0),
                range: start..end,
                target,
                date: None,
                modality: model::Modality::ALL[usize::from(x) % 5],
            }
        }
        Op::EditRelation(x, t) => DocCommand::EditRelation(
            RelationId(pick(x, n_rel)?),
            RelationFields {
                label: format!("label {t}"),
                dimension: Dimension::KNOWN[usize::from(t) % 5].clone(),
                tone: Tone::ALL.get(usize::from(t) % 5).copied(),
                directed: t % 2 == 1,
            },
        ),
        Op::RemoveRelation(x) => DocCommand::RemoveRelation(RelationId(pick(x, n_rel)?)),
        Op::EditPassage(x, t) => DocCommand::EditPassage(
            passage(x)?,
            PassageFields {
                date: model::PassageDate::parse(
                    ["2011-05", "2009/..", "2012~"][usize::from(t) % 3],
                ),
                tone: Tone::ALL.get(usize::from(t) % 5).copied(),
                modality: Some(model::Modality::ALL[usize::from(t) % 5]),
                status: [
                    PassageStatus::Draft,
                    PassageStatus::Confirmed,
                    PassageStatus::Disputed,
                ][usize::from(t) % 3],
                note: Some(format!("note {t}")),
                credibility: model::Credibility::ALL.get(usize::from(t) % 7).copied(),
            },
        ),
        Op::MovePassage(x, y) => DocCommand::MovePassage(passage(x)?, RelationId(pick(y, n_rel)?)),
        Op::RemovePassage(x) => DocCommand::RemovePassage(passage(x)?),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, .. ProptestConfig::default() })]

    /// Any sequence of edits followed by as many undos gives back the original map; as many
    /// redos give back the edited one.
    #[test]
    fn edits_then_undos_give_back_the_original(ops in proptest::collection::vec(op(), 1..12)) {
        let mut state = shipped();
        let original = fingerprint(&state);
        let mut done = 0;
        for op in &ops {
            if let Some(c) = command(&state, op) {
                let before = state.doc.revision;
                state.apply(c);
                if state.doc.revision != before {
                    done += 1;
                }
            }
        }
        let edited = fingerprint(&state);
        // Every state along the way must be one the loader accepts.
        model::load_str(&edited.0, "edited.relmap.json").expect("an edited map reloads");
        for _ in 0..done {
            state.apply(EditCommand::Undo);
        }
        prop_assert_eq!(&fingerprint(&state), &original);
        prop_assert!(!state.is_dirty());
        for _ in 0..done {
            state.apply(EditCommand::Redo);
        }
        prop_assert_eq!(fingerprint(&state), edited);
    }
}

#[test]
fn a_map_from_pasted_text_gains_actors_and_evidence_and_saves() {
    let text = "Japan and Korea signed a fisheries accord in 2011.\n\n\
                Korea later accused Japan of breaking it.";
    let mut state = MapState::new(model::new_map_from_text(
        text,
        model::SourceFields {
            title: "Fish".to_owned(),
            ..model::SourceFields::default()
        },
    ));
    assert!(!state.is_dirty(), "a new map has nothing to lose yet");
    for name in ["Japan", "Korea"] {
        state.apply(DocCommand::AddActor(ActorFields {
            name: name.to_owned(),
            ..ActorFields::default()
        }));
    }
    let start = text.find("Korea later").expect("in text");
    state.apply(DocCommand::AddEvidence {
        source: relmap::model::SourceId(0),
        range: start..text.len(),
        target: EvidenceTarget::New {
            from: ActorId(1),
            to: ActorId(0),
            fields: RelationFields {
                label: "Dispute over the fisheries accord".to_owned(),
                dimension: Dimension::Economy,
                tone: Some(Tone::Tension),
                directed: true,
            },
        },
        date: None,
        modality: model::Modality::Fact,
    });
    let rel = &state.doc.dataset.relations[relmap::model::RelationId(0)];
    assert_eq!(
        rel.passages[0].quote,
        "Korea later accused Japan of breaking it."
    );
    assert_eq!(
        rel.passages[0].anchor.as_ref().map(|a| a.paragraph()),
        Some(2)
    );
    assert_eq!(rel.tone, Tone::Tension);
    assert!(state.is_dirty());
    let json = model::to_relmap_json(&state.doc.dataset);
    let back = model::load_str(&json, "fish.relmap.json").expect("saved map loads");
    assert_eq!(model::to_relmap_json(&back), json);
}

#[test]
fn the_link_mode_is_saved_with_the_dataset_layout() {
    let mut state = shipped();
    state.apply(relmap::map::ViewCommand::SetLinks(
        relmap::scene::LinkMode::Pair,
    ));
    let saved = relmap::map::SavedLayout::capture(&state);
    let json = serde_json::to_string(&saved).expect("serialises");
    let mut again = shipped();
    assert_eq!(again.lens.links, relmap::scene::LinkMode::Relation);
    let back: relmap::map::SavedLayout = serde_json::from_str(&json).expect("reads");
    again.apply(EditCommand::RestoreLayout(back));
    assert_eq!(again.lens.links, relmap::scene::LinkMode::Pair);
    // A layout saved before link modes existed reads as one line per relation.
    let old = json.replace(r#","links":"Pair""#, "");
    assert!(!old.contains("links"), "{old}");
    let back: relmap::map::SavedLayout = serde_json::from_str(&old).expect("reads");
    assert_eq!(back.links, relmap::scene::LinkMode::Relation);
}

#[test]
fn a_rename_and_its_undo_move_nothing_and_an_edit_naming_nothing_is_no_undo_step() {
    let mut state = MapState::new(model::builtin().expect("built-in"));
    let positions = state.place.positions.clone();
    let old = state.doc.dataset.actors[relmap::model::ActorId(0)]
        .name
        .clone();
    let fields = |name: &str| ActorFields {
        name: name.to_owned(),
        kind: state.doc.dataset.actors[relmap::model::ActorId(0)]
            .kind
            .clone(),
        aliases: state.doc.dataset.actors[relmap::model::ActorId(0)]
            .aliases
            .clone(),
        secondary: state.doc.dataset.actors[relmap::model::ActorId(0)].secondary,
    };
    let renamed = fields("Renamed");
    state.apply(DocCommand::EditActor(ActorId(0), renamed));
    assert_eq!(
        state.doc.dataset.actors[relmap::model::ActorId(0)].name,
        "Renamed"
    );
    assert!(state.is_dirty());
    assert!(!state.layout_running(), "a rename starts no relaxation");
    state.apply(EditCommand::Undo);
    assert_eq!(
        state.doc.dataset.actors[relmap::model::ActorId(0)].name,
        old
    );
    assert!(!state.is_dirty(), "undo puts the saved revision back");
    assert!(!state.layout_running());
    assert_eq!(state.place.positions, positions, "nothing moved");
    state.apply(EditCommand::Redo);
    assert_eq!(
        state.doc.dataset.actors[relmap::model::ActorId(0)].name,
        "Renamed"
    );
    state.apply(EditCommand::Undo);
    assert!(!state.can_undo());
    state.apply(DocCommand::RemoveActor(ActorId(9_999)));
    state.apply(DocCommand::RemovePassage(PassageId::new(
        RelationId(0),
        9_999,
    )));
    assert!(
        !state.can_undo(),
        "edits that name nothing leave no undo step"
    );
    assert!(!state.is_dirty());
}
