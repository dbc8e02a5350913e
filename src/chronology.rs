//! Dated evidence on a time axis: one lane per relation, one point per passage. A passage with
//! its own date is an event; one without is a statement dated only by the article, placed at
//! the source's date and drawn apart ("as of the article"), never as if it were an event.

use crate::model::{Dataset, End, PassageDate, PassageId, RelationId, TiSlice};

/// One dated passage placed on the chronology.
#[derive(Clone, Debug, PartialEq)]
pub struct ChronoPoint {
    /// The dated passage.
    pub passage: PassageId,
    /// Position of its dot on the time axis, in fractional years: a single date's middle, an
    /// interval's start (its end when the start is open or unknown).
    pub year: f64,
    /// For an interval, the stretch of the axis its bar covers; an open end ("since 2009")
    /// runs to the source's date, an open start from the chronology's first date.
    pub bar: Option<(f64, f64)>,
    /// The interval's end is open: the bar stops at the article's date because the article
    /// can say no more, not because the state ended.
    pub open_end: bool,
    /// The interval's start is open ("until 2010"): the bar starts at the axis's start
    /// because the date names none.
    pub open_start: bool,
    /// The date is marked approximate ("about 2012").
    pub approximate: bool,
    /// The date is marked uncertain ("2010?").
    pub uncertain: bool,
    /// Lane (0 = top), one per relation.
    pub lane: usize,
    /// The passage has no date of its own: it is placed at the source's date.
    pub as_of_source: bool,
    /// The passage reports what happened or holds; a forecast or an aim is not an event and
    /// is drawn apart ([`crate::model::Modality::is_reported`]).
    pub reported: bool,
}

/// The calendar years a passage speaks of, inclusive: its own date's, else the source's.
/// An open or unknown end runs to the source's year (the article can speak of no later
/// time), or without limit when the source is undated; an open start without limit. A
/// reported passage ends by the source's year ("201X" in a 2012 article is 2010–2012); a
/// forecast keeps its own end.
pub fn passage_years(d: &Dataset, p: &crate::model::Passage) -> Option<(i32, i32)> {
    let (date, _) = when(d, p)?;
    let source_year = d
        .source(p.source)
        .meta
        .date
        .and_then(|s| s.last_year())
        .filter(|&y| date.first_year().is_none_or(|from| y >= from));
    let from = date.first_year().unwrap_or(i32::MIN);
    let to = match (date.last_year(), source_year) {
        (Some(last), Some(source)) if p.modality().is_reported() => last.min(source),
        (Some(last), _) => last,
        (None, Some(source)) => source,
        (None, None) => i32::MAX,
    };
    Some((from, to))
}

/// Where a passage sits in time: its own date, else the source's (as of the article).
fn when(d: &Dataset, p: &crate::model::Passage) -> Option<(PassageDate, bool)> {
    p.date
        .map(|date| (date, false))
        .or_else(|| d.source(p.source).meta.date.map(|date| (date, true)))
}

/// Where a range's bar runs: its known ends, an open or unknown end at the source's date,
/// an open start at `axis_start`. A reported passage's bar stops at the source's date (an
/// article reports nothing later; a forecast may run past it). `None` for a single date, or
/// a range with nothing to draw a bar to.
fn bar(
    date: &PassageDate,
    source: Option<f64>,
    axis_start: f64,
    reported: bool,
) -> Option<(f64, f64)> {
    if !date.is_range() {
        return None;
    }
    let from = match date.start() {
        End::At(t) => t,
        End::Open => axis_start,
        End::Unknown => return None,
    };
    let to = match date.end() {
        End::At(t) if reported => source.filter(|&s| s > from).map_or(t, |s| t.min(s)),
        End::At(t) => t,
        End::Open | End::Unknown => source.filter(|&s| s > from)?,
    };
    Some((from, to))
}

/// Lanes (relation indices, earliest evidence first) and points for the shown relations.
pub fn chronology(
    d: &Dataset,
    shown: &TiSlice<RelationId, bool>,
) -> (Vec<RelationId>, Vec<ChronoPoint>) {
    let mut lanes: Vec<(f64, RelationId)> = d
        .relations_with_ids()
        .filter(|(r, _)| shown.get(*r).copied().unwrap_or(false))
        .filter_map(|(r, rel)| {
            rel.passages
                .iter()
                .filter_map(|p| when(d, p).map(|(date, _)| date.as_year_f64()))
                .min_by(f64::total_cmp)
                .map(|first| (first, r))
        })
        .collect();
    lanes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let axis_start = lanes.first().map_or(0.0, |(first, _)| *first);
    let lanes: Vec<RelationId> = lanes.into_iter().map(|(_, r)| r).collect();
    let mut points = Vec::new();
    for (lane, &r) in lanes.iter().enumerate() {
        for (p, passage) in d.relations[r].passages.iter().enumerate() {
            if let Some((date, as_of_source)) = when(d, passage) {
                let source = d.source(passage.source).meta.date.map(|s| s.as_year_f64());
                let reported = passage.modality().is_reported();
                points.push(ChronoPoint {
                    passage: PassageId::new(r, p),
                    year: date.as_year_f64(),
                    bar: bar(&date, source, axis_start, reported),
                    open_end: date.is_interval() && date.end() == End::Open,
                    open_start: date.is_interval() && date.start() == End::Open,
                    approximate: date.is_approximate(),
                    uncertain: date.is_uncertain(),
                    lane,
                    as_of_source,
                    reported,
                });
            }
        }
    }
    (lanes, points)
}

/// A dot of the chronology: one dated passage, or every passage of one relation that has no
/// date of its own and so sits at the same source's date ("as of the article").
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The passage a click opens (the first of them, for a collapsed marker).
    pub point: ChronoPoint,
    /// How many passages the dot stands for (1 for a dated passage).
    pub passages: usize,
}

/// `points` as dots: dated passages one each; a relation's undated ones at the same source
/// date collapsed into one marker, which had been several dots drawn on top of each other.
pub fn markers(points: &[ChronoPoint]) -> Vec<Marker> {
    let mut out: Vec<Marker> = Vec::with_capacity(points.len());
    // (lane, year bits, reported) → index in `out`, for the undated ones: a forecast is
    // never folded into the facts.
    let mut undated: std::collections::BTreeMap<(usize, u64, bool), usize> =
        std::collections::BTreeMap::new();
    for p in points {
        if p.as_of_source {
            let key = (p.lane, p.year.to_bits(), p.reported);
            if let Some(&i) = undated.get(&key) {
                out[i].passages += 1;
                continue;
            }
            undated.insert(key, out.len());
        }
        out.push(Marker {
            point: p.clone(),
            passages: 1,
        });
    }
    out
}

/// The span of years the passages cover (undated ones at the source's date, an interval by
/// its known ends), if any.
pub fn year_span(d: &Dataset) -> Option<(i32, i32)> {
    let years = d
        .relations
        .iter()
        .flat_map(|r| &r.passages)
        .filter_map(|p| passage_years(d, p))
        .flat_map(|(from, to)| [from, to])
        .filter(|y| *y != i32::MIN && *y != i32::MAX);
    let (min, max) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    (min <= max).then_some((min, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_passage_appears_exactly_once_events_apart_from_statements() {
        let d = crate::model::builtin().expect("built-in");
        let all: crate::model::PerRelation<bool> = vec![true; d.relations.len()].into();
        let (lanes, points) = chronology(&d, &all);
        let dated: usize = d.passage_count();
        assert_eq!(
            points.len(),
            dated,
            "undated ones sit at the article's date"
        );
        let events = d
            .relations
            .iter()
            .flat_map(|r| &r.passages)
            .filter(|p| p.date.is_some())
            .count();
        assert_eq!(
            points.iter().filter(|p| !p.as_of_source).count(),
            events,
            "only passages with their own date are drawn as events"
        );
        let source = d.primary().meta.date.expect("dated source").as_year_f64();
        assert!(
            points
                .iter()
                .filter(|p| p.as_of_source)
                .all(|p| (p.year - source).abs() < 1e-9)
        );
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
        // The multi-vector policy (since 1991) is the earliest; it runs as a bar to the
        // article's date.
        assert_eq!(year_span(&d), Some((1991, 2012)));
        let first = points
            .iter()
            .filter(|p| p.lane == 0)
            .map(|p| p.year)
            .min_by(f64::total_cmp);
        assert_eq!(first, Some(1991.0), "the earliest lane starts in 1991");
        let article = d.primary().meta.date.expect("dated").as_year_f64();
        assert!(
            points.iter().filter(|p| p.open_end).all(|p| p
                .bar
                .is_some_and(|(from, to)| from < to && (to - article).abs() < 1e-9)),
            "an open interval's bar runs to the article's date"
        );
        // since 1991 (on two pairs), since 2009, about 1992 on.
        assert_eq!(points.iter().filter(|p| p.open_end).count(), 4);
        assert!(points.iter().any(|p| p.approximate), "about 1992");
    }
}

#[cfg(test)]
mod marker_tests {
    use super::*;

    #[test]
    fn a_relation_s_undated_passages_are_one_marker_and_dated_ones_stay_apart() {
        let d = crate::model::builtin().expect("built-in");
        let all: crate::model::PerRelation<bool> = vec![true; d.relations.len()].into();
        let (_, points) = chronology(&d, &all);
        let dots = markers(&points);
        assert_eq!(
            dots.iter().map(|m| m.passages).sum::<usize>(),
            points.len(),
            "every passage is counted once"
        );
        let dated = points.iter().filter(|p| !p.as_of_source).count();
        assert_eq!(dots.iter().filter(|m| !m.point.as_of_source).count(), dated);
        let mut seen = std::collections::BTreeSet::new();
        for m in dots.iter().filter(|m| m.point.as_of_source) {
            assert!(
                seen.insert((m.point.lane, m.point.year.to_bits(), m.point.reported)),
                "one undated marker per relation and source date"
            );
        }
        assert!(
            dots.iter().any(|m| m.passages > 1),
            "the shipped map has relations with several undated passages"
        );
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;

    /// One relation with passages dated `dates` in an article of 1 March 2012.
    fn dated(dates: &[&str]) -> Dataset {
        let passages: Vec<String> = dates
            .iter()
            .map(|date| {
                format!(
                    r#"{{"quote": "China and Kazakhstan signed a long pipeline deal", "date": "{date}"}}"#
                )
            })
            .collect();
        crate::model::load_str(
            &format!(
                r#"{{"format": "relmap/1", "title": "T",
                  "source": {{"title": "A", "date": "2012-03-01",
                             "text": "China and Kazakhstan signed a long pipeline deal in March."}},
                  "actors": [{{"id": "cn", "name": "China", "kind": "state"}},
                             {{"id": "kz", "name": "Kazakhstan", "kind": "state"}}],
                  "relations": [{{"id": "r", "source": "cn", "target": "kz",
                                  "passages": [{}]}}]}}"#,
                passages.join(",")
            ),
            "t",
        )
        .expect("loads")
    }

    fn points(d: &Dataset) -> Vec<ChronoPoint> {
        let all: crate::model::PerRelation<bool> = vec![true; d.relations.len()].into();
        chronology(d, &all).1
    }

    #[test]
    fn a_decade_is_a_bar_from_its_start_that_stops_at_the_article() {
        let d = dated(&["201X"]);
        let p = &points(&d)[0];
        assert!(
            (p.year - 2010.0).abs() < 1e-9,
            "the dot at the bar's start: {p:?}"
        );
        let (from, to) = p.bar.expect("a bar, not a 2015 event");
        let article = d.primary().meta.date.expect("dated").as_year_f64();
        assert!(
            (from - 2010.0).abs() < 1e-9 && (to - article).abs() < 1e-9,
            "{p:?}"
        );
        let years = passage_years(&d, &d.relations[RelationId(0)].passages[0]);
        assert_eq!(
            years,
            Some((2010, 2012)),
            "the filter sees 2010–2012, not 2010–2019"
        );
    }

    #[test]
    fn an_open_start_is_marked_and_runs_from_the_axis_start() {
        let d = dated(&["2005", "../2010"]);
        let pts = points(&d);
        let until = pts.iter().find(|p| p.open_start).expect("the open start");
        assert_eq!(
            until.bar.map(|b| b.0),
            Some(2005.5),
            "from the first date on the axis"
        );
        assert!(!until.open_end);
        let years = passage_years(&d, &d.relations[RelationId(0)].passages[1]);
        assert_eq!(years, Some((i32::MIN, 2010)));
    }
}
