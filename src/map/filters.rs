//! What the user has narrowed the map to: dimensions, tones, an actor's surroundings, minimum
//! evidence and a range of years. Filtered-out relations vanish from the canvas and exports.

use std::collections::BTreeSet;

use crate::model::{ActorId, Dataset, Dimension, Grade, PerActor, Relation, SourceId, Tone};

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
    /// Show only these actors and the relations among them (a storyboard step naming three
    /// or more); empty shows all. Applies beside `focus`.
    pub group: Vec<ActorId>,
    /// Hide relations with fewer passages than this.
    pub min_passages: usize,
    /// Show only relations with a passage dated within these years (inclusive).
    pub years: Option<(i32, i32)>,
    /// Sources switched off: a relation stays only if a passage quotes a source still on.
    pub hidden_sources: BTreeSet<SourceId>,
    /// Keep only passages graded at least this (e.g. B2: sources A–B, information 1–2; an
    /// ungraded half of the minimum leaves that half free), and the relations that still
    /// have one.
    pub min_grade: Option<Grade>,
    /// Keep only relations backed by two or more distinct sources.
    pub only_corroborated: bool,
}

impl Filters {
    /// Whether any filter is on.
    pub fn any(&self) -> bool {
        *self != Self::default()
    }

    /// Whether `relation` passes the relation-level filters (not actor visibility). To test
    /// many, use [`Self::over`]: it works the focus's neighbourhood out once.
    pub fn keeps(&self, d: &Dataset, relation: &Relation) -> bool {
        self.over(d).keeps(relation)
    }

    /// Whether actor `a` may be shown under the focus filter.
    pub fn keeps_actor(&self, d: &Dataset, a: ActorId) -> bool {
        self.over(d).keeps_actor(a)
    }

    /// The filters ready to test every actor and relation of `d`. The neighbourhood of an
    /// actor focus is found once here: found per test, it made showing a focused map
    /// quadratic in its size.
    pub fn over<'a>(&'a self, d: &'a Dataset) -> FilterPass<'a> {
        let near = match self.focus {
            Some((a, FocusMode::Neighbourhood | FocusMode::Relations)) => Some(neighbourhood(d, a)),
            Some((_, FocusMode::Pair(_))) | None => None,
        };
        let in_group = (!self.group.is_empty()).then(|| {
            let mut member: PerActor<bool> = vec![false; d.actors.len()].into();
            for &a in &self.group {
                if let Some(slot) = member.get_mut(a) {
                    *slot = true;
                }
            }
            member
        });
        FilterPass {
            filters: self,
            d,
            near,
            in_group,
        }
    }
}

/// [`Filters`] applied to one dataset (see [`Filters::over`]).
pub struct FilterPass<'a> {
    filters: &'a Filters,
    d: &'a Dataset,
    /// The focused actor and its neighbours, when the focus reaches them.
    near: Option<PerActor<bool>>,
    /// The actors of a group focus, when there is one.
    in_group: Option<PerActor<bool>>,
}

impl FilterPass<'_> {
    /// Whether `relation` passes the relation-level filters (not actor visibility).
    pub fn keeps(&self, relation: &Relation) -> bool {
        let (f, d) = (self.filters, self.d);
        if f.hidden_dimensions.contains(&relation.dimension)
            || f.hidden_tones.contains(&relation.tone)
        {
            return false;
        }
        if relation.passages.len() < f.min_passages {
            return false;
        }
        if let Some(min) = f.min_grade
            && !relation.passages.iter().any(|p| d.grade(p).meets(min))
        {
            return false;
        }
        if f.only_corroborated && d.corroboration(relation) < 2 {
            return false;
        }
        if !f.hidden_sources.is_empty()
            && !relation.passages.is_empty()
            && relation
                .passages
                .iter()
                .all(|p| f.hidden_sources.contains(&p.source))
        {
            return false;
        }
        if let Some((from, to)) = f.years {
            // Statements without a date of their own count at the source's date; an
            // interval ("since 2009") counts wherever it overlaps the range.
            let dated_in_range = relation
                .passages
                .iter()
                .filter_map(|p| crate::chronology::passage_years(d, p))
                .any(|(first, last)| first <= to && last >= from);
            if !dated_in_range {
                return false;
            }
        }
        if !(self.in_group(relation.from) && self.in_group(relation.to)) {
            return false;
        }
        match f.focus {
            None => true,
            Some((a, FocusMode::Relations)) => relation.from == a || relation.to == a,
            Some((_, FocusMode::Neighbourhood)) => {
                self.is_near(relation.from) && self.is_near(relation.to)
            }
            Some((a, FocusMode::Pair(b))) => {
                (relation.from, relation.to) == (a, b) || (relation.from, relation.to) == (b, a)
            }
        }
    }

    /// Whether actor `a` may be shown under the focus filter.
    pub fn keeps_actor(&self, a: ActorId) -> bool {
        if !self.in_group(a) {
            return false;
        }
        match self.filters.focus {
            None => true,
            Some((f, FocusMode::Pair(g))) => a == f || a == g,
            Some((_, _)) => self.is_near(a),
        }
    }

    /// Whether `a` is in the group focus (every actor is, without one).
    fn in_group(&self, a: ActorId) -> bool {
        self.in_group
            .as_ref()
            .is_none_or(|g| g.get(a).copied().unwrap_or(false))
    }

    fn is_near(&self, a: ActorId) -> bool {
        self.near
            .as_ref()
            .is_some_and(|near| near.get(a).copied().unwrap_or(false))
    }
}

/// The actor and everyone it has a relation with.
fn neighbourhood(d: &Dataset, a: ActorId) -> PerActor<bool> {
    let mut near: PerActor<bool> = vec![false; d.actors.len()].into();
    if let Some(slot) = near.get_mut(a) {
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
        let in_years = |from, to| {
            kept(
                &d,
                &Filters {
                    years: Some((from, to)),
                    ..Default::default()
                },
            )
        };
        let ids = in_years(2009, 2010);
        assert!(ids.contains(&"kz-sco".to_owned()), "Peace Mission 2010");
        assert!(
            ids.contains(&"cn-kz-economy".to_owned()),
            "“since 2009” (2009/..) overlaps 2009–2010"
        );
        assert!(
            !ids.contains(&"us-cn-economy".to_owned()),
            "as of the article (2012) only"
        );
        let ids = in_years(2000, 2005);
        assert!(
            ids.contains(&"kz-ru-diplomacy".to_owned()),
            "the multi-vector policy holds since 1991"
        );
        assert!(
            ids.contains(&"cn-kz-economy".to_owned()),
            "“the past two decades” (about 1992 on)"
        );
        assert!(!ids.contains(&"kz-sco".to_owned()), "2010 is outside");
        let ids = in_years(2013, 2020);
        assert!(
            ids.is_empty(),
            "an open interval runs only to the article's date (2012): {ids:?}"
        );
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
