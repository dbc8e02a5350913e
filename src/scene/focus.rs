//! How strongly each shape is drawn: the selection's focus, or a search's spotlight, and
//! what a legend lists for the relations shown.

use super::{Dash, Emphasis, Legend, Selection, Style};
use crate::model::{
    Change, Dataset, Dimension, Mark, PerActor, PerRelation, RelationId, TiSlice, Tone,
};

/// Actors and relations to light up, indexed like the dataset's; everything else is dimmed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spotlight {
    /// Lit actors.
    pub actors: PerActor<bool>,
    /// Lit relations (their two actors are shown normally).
    pub relations: PerRelation<bool>,
}

/// How the selection emphasises each relation and actor (hover is applied on top).
pub(super) struct Focus {
    pub(super) edges: PerRelation<Emphasis>,
    pub(super) nodes: PerActor<Emphasis>,
}

impl Focus {
    /// Search matches highlighted, the actors at their ends normal, the rest dimmed.
    pub(super) fn spotlight(d: &Dataset, spot: &Spotlight) -> Self {
        let lit = |on: bool| {
            if on {
                Emphasis::Highlighted
            } else {
                Emphasis::Dimmed
            }
        };
        let edges = spot.relations.iter().map(|&on| lit(on)).collect();
        let mut nodes: PerActor<Emphasis> = spot.actors.iter().map(|&on| lit(on)).collect();
        for (r, rel) in d.relations_with_ids() {
            if spot.relations.get(r).copied().unwrap_or(false) {
                for a in [rel.from, rel.to] {
                    nodes[a] = nodes[a].max(Emphasis::Normal);
                }
            }
        }
        Self { edges, nodes }
    }

    pub(super) fn of(d: &Dataset, selection: Selection) -> Self {
        let n_rel = d.relations.len();
        let n_act = d.actors.len();
        match selection {
            Selection::None => Self {
                edges: PerRelation::from(vec![Emphasis::Normal; n_rel]),
                nodes: PerActor::from(vec![Emphasis::Normal; n_act]),
            },
            Selection::Relation(sel) => {
                let mut edges = PerRelation::from(vec![Emphasis::Dimmed; n_rel]);
                let mut nodes = PerActor::from(vec![Emphasis::Dimmed; n_act]);
                if let Some(rel) = d.relation(sel) {
                    edges[sel] = Emphasis::Highlighted;
                    nodes[rel.from] = Emphasis::Normal;
                    nodes[rel.to] = Emphasis::Normal;
                }
                Self { edges, nodes }
            }
            Selection::Actor(sel) => {
                let mut edges = PerRelation::from(vec![Emphasis::Dimmed; n_rel]);
                let mut nodes = PerActor::from(vec![Emphasis::Dimmed; n_act]);
                for (r, rel) in d.relations_with_ids() {
                    if rel.from == sel || rel.to == sel {
                        edges[r] = Emphasis::Highlighted;
                        nodes[rel.from] = Emphasis::Normal;
                        nodes[rel.to] = Emphasis::Normal;
                    }
                }
                if let Some(slot) = nodes.get_mut(sel) {
                    *slot = Emphasis::Highlighted;
                }
                Self { edges, nodes }
            }
            Selection::Pair(x, y) => {
                let mut edges = PerRelation::from(vec![Emphasis::Dimmed; n_rel]);
                let mut nodes = PerActor::from(vec![Emphasis::Dimmed; n_act]);
                for (r, rel) in d.relations_with_ids() {
                    if rel.joins(x, y) {
                        edges[r] = Emphasis::Highlighted;
                    }
                }
                for a in [x, y] {
                    if let Some(slot) = nodes.get_mut(a) {
                        *slot = Emphasis::Highlighted;
                    }
                }
                Self { edges, nodes }
            }
        }
    }
}

impl Legend {
    /// What a legend lists for these relations: their dimensions and tones in legend order,
    /// and whether any has no evidence.
    /// In a comparison (`changes`), also which of its marks are drawn.
    pub fn of(
        d: &Dataset,
        relations: impl Iterator<Item = RelationId>,
        changes: Option<&TiSlice<RelationId, Mark>>,
        style: &Style,
    ) -> Self {
        let mut dims: Vec<Dimension> = Vec::new();
        let mut tones: Vec<Tone> = Vec::new();
        let mut no_evidence = false;
        let mut drafts = false;
        let mut unreported = false;
        let mut corroborated = false;
        let mut weak = false;
        let mut marks = [false; 3];
        for r in relations {
            let rel = &d.relations[r];
            match changes.and_then(|c| c.get(r)).map(|m| m.change) {
                Some(Change::Added) => marks[0] = true,
                Some(Change::Removed) => marks[1] = true,
                Some(Change::Changed) => marks[2] = true,
                Some(Change::Same) | None => {}
            }
            if rel.passages.is_empty() {
                no_evidence = true;
                continue;
            }
            if crate::model::is_draft_relation(rel) {
                drafts = true;
                continue;
            }
            unreported |= rel.is_unreported();
            match super::Backing::of(d, rel) {
                super::Backing::Corroborated => corroborated = true,
                super::Backing::Weak => weak = true,
                super::Backing::Single => {}
            }
            if !dims.contains(&rel.dimension) {
                dims.push(rel.dimension.clone());
            }
            if !tones.contains(&rel.tone) {
                tones.push(rel.tone);
            }
        }
        dims.sort();
        tones.sort();
        Self {
            dimensions: dims
                .into_iter()
                .map(|dim| {
                    let c = style.dimension_color(&dim);
                    (dim, c)
                })
                .collect(),
            tones: {
                let stated = d.states_tones();
                tones
                    .into_iter()
                    .map(|t| (t, Dash::for_tone(t, stated)))
                    .collect()
            },
            no_evidence,
            drafts,
            unreported,
            corroborated,
            weak,
            changes: marks,
        }
    }
}
