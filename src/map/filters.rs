//! What the user has narrowed the map to: dimensions, tones, an actor's surroundings, minimum
//! evidence and a range of years. Filtered-out relations vanish from the canvas and exports.

use std::collections::BTreeSet;

use crate::model::{ActorId, Dataset, Dimension, Relation, SourceId, Tone};

/// How far an actor focus reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FocusMode {
    /// Only the actor's own relations.
    Relations,
    /// The actor, its neighbours, and every relation among them.
    Neighbourhood,
    /// Only the actor and this other one, and the relations between the two.
    Pair(ActorId),
}

/// Active filters; the default shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    /// Dimensions switched off in the legend.
    pub hidden_dimensions: BTreeSet<Dimension>,
    /// Tones switched off in the legend.
    pub hidden_tones: BTreeSet<Tone>,
    /// Show only what surrounds this actor.
    pub focus: Option<(ActorId, FocusMode)>,
    /// Hide relations with fewer passages than this.
    pub min_passages: usize,
    /// Show only relations with a passage dated within these years (inclusive).
    pub years: Option<(i32, i32)>,
    /// Sources switched off: a relation stays only if a passage quotes a source still on.
    pub hidden_sources: BTreeSet<SourceId>,
}

impl Filters {
    /// Whether any filter is on.
    pub fn any(&self) -> bool {
        *self != Self::default()
    }

    /// Whether `relation` passes the relation-level filters (not actor visibility).
    pub fn keeps(&self, d: &Dataset, relation: &Relation) -> bool {
        if self.hidden_dimensions.contains(&relation.dimension)
            || self.hidden_tones.contains(&relation.tone)
        {
            return false;
        }
        if relation.passages.len() < self.min_passages {
            return false;
        }
        if !self.hidden_sources.is_empty()
            && !relation.passages.is_empty()
            && relation
                .passages
                .iter()
                .all(|p| self.hidden_sources.contains(&p.source))
        {
            return false;
        }
        if let Some((from, to)) = self.years {
            // Statements without a date of their own count at the source's date.
            let dated_in_range = relation
                .passages
                .iter()
                .filter_map(|p| crate::chronology::passage_year(d, p))
                .any(|year| (from..=to).contains(&year));
            if !dated_in_range {
                return false;
            }
        }
        match self.focus {
            None => true,
            Some((a, FocusMode::Relations)) => relation.from == a || relation.to == a,
            Some((a, FocusMode::Neighbourhood)) => {
                let near = neighbourhood(d, a);
                near[relation.from] && near[relation.to]
            }
            Some((a, FocusMode::Pair(b))) => {
                (relation.from, relation.to) == (a, b) || (relation.from, relation.to) == (b, a)
            }
        }
    }

    /// Whether actor `a` may be shown under the focus filter.
    pub fn keeps_actor(&self, d: &Dataset, a: ActorId) -> bool {
        match self.focus {
            None => true,
            Some((f, FocusMode::Pair(g))) => a == f || a == g,
            Some((f, _)) => neighbourhood(d, f).get(a.0).copied().unwrap_or(false),
        }
    }
}

/// The actor and everyone it has a relation with.
fn neighbourhood(d: &Dataset, a: ActorId) -> Vec<bool> {
    let mut near = vec![false; d.actors.len()];
    if let Some(slot) = near.get_mut(a.0) {
        *slot = true;
    }
    for r in &d.relations {
        if r.from == a {
            near[r.to] = true;
        }
        if r.to == a {
            near[r.from] = true;
        }
    }
    near
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Dataset {
        crate::model::builtin().expect("built-in")
    }

    fn kept(d: &Dataset, f: &Filters) -> Vec<String> {
        d.relations
            .iter()
            .filter(|r| f.keeps(d, r))
            .map(|r| r.id.clone())
            .collect()
    }

    #[test]
    fn dimension_tone_and_evidence_filters() {
        let d = builtin();
        let mut f = Filters::default();
        assert_eq!(kept(&d, &f).len(), d.relations.len());
        f.hidden_dimensions.insert(Dimension::Energy);
        assert!(kept(&d, &f).iter().all(|id| !id.contains("energy")));
        f.hidden_tones.insert(Tone::Tension);
        assert!(!kept(&d, &f).contains(&"us-cn-diplomacy".to_owned()));
        f = Filters {
            min_passages: 5,
            ..Default::default()
        };
        assert!(kept(&d, &f).iter().all(|id| {
            d.relations[d.relation_index(id).expect("id")]
                .passages
                .len()
                >= 5
        }));
    }

    #[test]
    fn years_keep_relations_evidenced_in_range() {
        let d = builtin();
        let f = Filters {
            years: Some((2009, 2010)),
            ..Default::default()
        };
        let ids = kept(&d, &f);
        assert!(
            ids.contains(&"cn-kz-economy".to_owned()),
            "trade partner since 2009"
        );
        assert!(ids.contains(&"kz-sco".to_owned()), "Peace Mission 2010");
        assert!(!ids.contains(&"us-cn-economy".to_owned()));
    }

    #[test]
    fn focus_on_an_actor() {
        let d = builtin();
        let sco = d.actor_index("sco").expect("sco");
        let f = Filters {
            focus: Some((sco, FocusMode::Relations)),
            ..Default::default()
        };
        assert_eq!(kept(&d, &f), ["cn-sco", "kz-sco"]);
        let f = Filters {
            focus: Some((sco, FocusMode::Neighbourhood)),
            ..Default::default()
        };
        let ids = kept(&d, &f);
        assert!(
            ids.contains(&"cn-kz-energy".to_owned()),
            "China and Kazakhstan are both neighbours"
        );
        assert!(!ids.iter().any(|id| id.starts_with("us-")));
        assert!(!f.keeps_actor(&d, d.actor_index("russia").expect("ru")));
    }
}
