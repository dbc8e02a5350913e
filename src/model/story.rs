//! A map's storyboard: the briefing's steps, each naming what is shown and selected (never
//! positions: the map's layout is shared by every step).
//!
//! Steps name actors and relations by their ids, as the file does, so an edit that removes
//! something else leaves them untouched; [`prune_storyboard`] drops (and records) what an
//! edit removed, so a saved map never names what is not there.

use std::collections::BTreeMap;

use super::error::ProblemKind;
use super::raw::RawStep;
use super::{ActorId, Dataset, RelationId};

/// The most steps a storyboard may have: a briefing, not a film.
pub const MAX_STEPS: usize = 500;

/// How a step draws lines: one per relation, per actor pair or per direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepLinks {
    /// One line per relation.
    Relation,
    /// One line per actor pair.
    Pair,
    /// One line per direction of a pair.
    Direction,
}

/// Which lines of a step carry their label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepLabels {
    /// None.
    Off,
    /// The selected line's.
    Selected,
    /// Every line's that fits.
    All,
}

impl StepLinks {
    /// Every choice, as written in files.
    pub const ALL: [Self; 3] = [Self::Relation, Self::Pair, Self::Direction];

    /// The word written in files ("relation", "pair", "direction").
    pub fn name(self) -> &'static str {
        match self {
            Self::Relation => "relation",
            Self::Pair => "pair",
            Self::Direction => "direction",
        }
    }
}

impl StepLabels {
    /// Every choice, as written in files.
    pub const ALL: [Self; 3] = [Self::Off, Self::Selected, Self::All];

    /// The word written in files ("off", "selected", "all").
    pub fn name(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Selected => "selected",
            Self::All => "all",
        }
    }
}

/// One step of a briefing: a title, a caption, and what the map shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Step {
    /// Shown above the map while presenting and on the step's page.
    pub title: String,
    /// The point the step makes, in a sentence or two.
    pub caption: String,
    /// The relation selected (its passages shown), by id.
    pub select: Option<String>,
    /// The actors the map is narrowed to, by id: none is the whole map, one its
    /// neighbourhood, two the pair, more those actors and the relations among them.
    pub focus: Vec<String>,
    /// How lines are drawn (as the map was, if not said).
    pub links: Option<StepLinks>,
    /// Which lines carry labels (as the map was, if not said).
    pub labels: Option<StepLabels>,
    /// Whether secondary actors are drawn (as the map was, if not said).
    pub secondary: Option<bool>,
    /// What an edit removed from this step ("the relation “…” it selected"), said in the
    /// storyboard panel until the step is edited; never saved.
    pub dropped: Vec<String>,
}

impl Step {
    /// The title, or "Step N" for an untitled step (`index` counted from 0).
    pub fn title_or_number(&self, index: usize) -> String {
        if self.title.trim().is_empty() {
            format!("Step {}", index + 1)
        } else {
            self.title.clone()
        }
    }

    /// The selected relation's index in `d`, if it names one.
    pub fn selected_in(&self, d: &Dataset) -> Option<RelationId> {
        self.select.as_deref().and_then(|id| d.relation_index(id))
    }

    /// The focused actors' indices in `d`, in the step's order, skipping ids not found.
    pub fn focus_in(&self, d: &Dataset) -> Vec<ActorId> {
        self.focus
            .iter()
            .filter_map(|id| d.actor_index(id))
            .collect()
    }
}

/// Reads the file's `storyboard` list, reporting each bad value at its place
/// (`storyboard[2].select`). A step whose ids are unknown is dropped after being reported.
pub(super) fn storyboard(
    raw: Vec<RawStep>,
    actor_ids: &BTreeMap<String, usize>,
    relation_ids: &BTreeMap<String, usize>,
    report: &mut impl FnMut(String, ProblemKind),
) -> Vec<Step> {
    if raw.len() > MAX_STEPS {
        report(
            "storyboard".to_owned(),
            ProblemKind::Story {
                what: format!(
                    "{} steps, over relmap's limit of {MAX_STEPS}; split the briefing into several maps",
                    raw.len()
                ),
            },
        );
        return Vec::new();
    }
    let mut steps = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let at = |field: &str| format!("storyboard[{i}].{field}");
        let mut ok = true;
        if let Some(id) = &r.select
            && !relation_ids.contains_key(id)
        {
            report(
                at("select"),
                ProblemKind::Story {
                    what: format!(
                        "{id:?} names no relation; use one of the relation ids listed under \"relations\""
                    ),
                },
            );
            ok = false;
        }
        let mut focus: Vec<String> = Vec::with_capacity(r.focus.len());
        for (k, id) in r.focus.into_iter().enumerate() {
            if !actor_ids.contains_key(&id) {
                report(
                    at(&format!("focus[{k}]")),
                    ProblemKind::Story {
                        what: format!(
                            "{id:?} names no actor; use one of the actor ids listed under \"actors\""
                        ),
                    },
                );
                ok = false;
            } else if !focus.contains(&id) {
                focus.push(id);
            }
        }
        let links = r.links.as_deref().map(|w| {
            StepLinks::ALL
                .into_iter()
                .find(|l| l.name() == w)
                .ok_or_else(|| format!("{w:?} is not a way to draw lines; write \"relation\", \"pair\" or \"direction\""))
        });
        let labels = r.labels.as_deref().map(|w| {
            StepLabels::ALL
                .into_iter()
                .find(|l| l.name() == w)
                .ok_or_else(|| {
                    format!("{w:?} is not a choice of line labels; write \"off\", \"selected\" or \"all\"")
                })
        });
        let links = match links.transpose() {
            Ok(l) => l,
            Err(what) => {
                report(at("links"), ProblemKind::Story { what });
                ok = false;
                None
            }
        };
        let labels = match labels.transpose() {
            Ok(l) => l,
            Err(what) => {
                report(at("labels"), ProblemKind::Story { what });
                ok = false;
                None
            }
        };
        if ok {
            steps.push(Step {
                title: r.title.unwrap_or_default().trim().to_owned(),
                caption: r.caption.unwrap_or_default().trim().to_owned(),
                select: r.select,
                focus,
                links,
                labels,
                secondary: r.secondary,
                dropped: Vec::new(),
            });
        }
    }
    steps
}

/// Drops from every step what `d` no longer has (an actor or relation an edit removed) and
/// records on the step what was dropped, named as `before` called it. Returns how many
/// steps changed.
pub fn prune_storyboard(d: &mut Dataset, before: &Dataset) -> usize {
    if d.storyboard.is_empty() {
        return 0;
    }
    // Sets of the ids left: a step's ids are looked up in them, not searched for.
    let relations: std::collections::HashSet<&str> =
        d.relations.iter().map(|r| r.id.as_str()).collect();
    let actors: std::collections::HashSet<&str> = d.actors.iter().map(|a| a.id.as_str()).collect();
    let mut changed = 0;
    let name_of_relation = |id: &str| {
        before
            .relation_index(id)
            .and_then(|r| before.relation(r))
            .map_or_else(|| id.to_owned(), |r| r.label.clone())
    };
    let name_of_actor = |id: &str| {
        before
            .actor_index(id)
            .and_then(|a| before.actor(a))
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    };
    let mut steps = std::mem::take(&mut d.storyboard);
    for step in &mut steps {
        let mut touched = false;
        if let Some(id) = step.select.clone()
            && !relations.contains(id.as_str())
        {
            step.dropped.push(format!(
                "the relation “{}” it selected was removed",
                name_of_relation(&id)
            ));
            step.select = None;
            touched = true;
        }
        let (kept, gone): (Vec<String>, Vec<String>) = std::mem::take(&mut step.focus)
            .into_iter()
            .partition(|id| actors.contains(id.as_str()));
        for id in &gone {
            step.dropped
                .push(format!("{} was removed from its focus", name_of_actor(id)));
            touched = true;
        }
        step.focus = kept;
        if touched {
            changed += 1;
        }
    }
    drop((relations, actors));
    d.storyboard = steps;
    changed
}
