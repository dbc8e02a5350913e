//! Dated evidence on a time axis: one lane per relation, one point per dated passage.

use crate::model::{Dataset, PassageId, RelationId};

/// One dated passage placed on the chronology.
#[derive(Clone, Debug, PartialEq)]
pub struct ChronoPoint {
    /// The dated passage.
    pub passage: PassageId,
    /// Position on the time axis, in fractional years.
    pub year: f64,
    /// Lane (0 = top), one per relation.
    pub lane: usize,
}

/// Lanes (relation indices, earliest evidence first) and points for the shown relations.
pub fn chronology(d: &Dataset, shown: &[bool]) -> (Vec<RelationId>, Vec<ChronoPoint>) {
    let mut lanes: Vec<(f64, RelationId)> = d
        .relations_with_ids()
        .filter(|(r, _)| shown.get(r.0).copied().unwrap_or(false))
        .filter_map(|(r, rel)| {
            rel.passages
                .iter()
                .filter_map(|p| p.date.map(|d| d.as_year_f64()))
                .min_by(f64::total_cmp)
                .map(|first| (first, r))
        })
        .collect();
    lanes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let lanes: Vec<RelationId> = lanes.into_iter().map(|(_, r)| r).collect();
    let mut points = Vec::new();
    for (lane, &r) in lanes.iter().enumerate() {
        for (p, passage) in d.relations[r].passages.iter().enumerate() {
            if let Some(date) = passage.date {
                points.push(ChronoPoint {
                    passage: PassageId::new(r, p),
                    year: date.as_year_f64(),
                    lane,
                });
            }
        }
    }
    (lanes, points)
}

/// The span of years the dataset's dates cover, if any.
pub fn year_span(d: &Dataset) -> Option<(i32, i32)> {
    let years = d
        .relations
        .iter()
        .flat_map(|r| &r.passages)
        .filter_map(|p| p.date.map(|d| d.year));
    let (min, max) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    (min <= max).then_some((min, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dated_passage_appears_exactly_once() {
        let d = crate::model::builtin().expect("built-in");
        let all = vec![true; d.relations.len()];
        let (lanes, points) = chronology(&d, &all);
        let dated: usize = d
            .relations
            .iter()
            .flat_map(|r| &r.passages)
            .filter(|p| p.date.is_some())
            .count();
        assert_eq!(points.len(), dated);
        let mut keys: Vec<(usize, usize)> = points
            .iter()
            .map(|p| (p.passage.relation.0, p.passage.index))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), dated, "no passage twice");
        assert_eq!(
            lanes.len(),
            d.relations.len(),
            "every shipped relation has a dated passage"
        );
        // "Trade partner since 2009" is the earliest dated evidence; present-tense statements
        // carry the article's year.
        assert_eq!(year_span(&d), Some((2009, 2012)));
        assert!(
            d.relations[lanes[0]]
                .passages
                .iter()
                .any(|p| p.date.is_some_and(|x| x.year == 2009))
        );
    }
}
