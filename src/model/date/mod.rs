//! Passage and source dates as historians write them: EDTF (ISO 8601-2, levels 0 and 1),
//! read and checked by the `edtf-core` crate. "2012", "2010-09" and "2012-03-01" mean what
//! they always did; "2009/.." is *since 2009*, "2005/2010" a span, "2012~" *about 2012*,
//! "2010?" an uncertain year, "201X" some year of the 2010s.
//!
//! `edtf-core` was chosen over `citum-edtf` because it has no dependencies, validates calendar
//! days (no 30 February), classifies the conformance level (so level 2 can be refused with a
//! reason rather than half-read) and computes each expression's earliest and latest day, which
//! is exactly what the chronology bar and the year filter's overlap test need.

mod find;
mod words;

use std::fmt;

use edtf_core::{Bound, BoundDate, Edtf, IntervalEndpoint, YearKind};

/// A date as written in a map: one (possibly approximate, uncertain or partly unspecified)
/// date, or an interval whose ends may be open ("since 2009") or unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassageDate(Form);

/// The two shapes of EDTF that relmap reads (level 1 has no sets; a time of day is refused).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// A single date: `2012`, `2010-09~`, `201X`, `2001-21` (spring 2001).
    On(edtf_core::Date),
    /// An interval: `2005/2010`, `2009/..` (open end), `/2010` (unknown start).
    Span(edtf_core::Interval),
}

/// One end of a date on a time axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum End {
    /// A known instant, in fractional years (2010.5 is the middle of 2010).
    At(f64),
    /// `..`: the interval runs on (an open end) or back (an open start) without limit.
    Open,
    /// Empty: the end is not known.
    Unknown,
}

/// The reasons a written date is refused.
const FORMS: &str = "write 2012, 2012-03, 2012-03-01, 2012~ (about), 2012? (uncertain), \
                     201X (the 2010s), 2009/.. (since 2009) or 2005/2010";

impl PassageDate {
    /// Reads an EDTF level 0 or 1 date; the error says what is wrong and which forms work.
    pub fn read(s: &str) -> Result<Self, String> {
        let t = s.trim();
        if t.is_empty() {
            return Err(format!("a date cannot be empty: {FORMS}"));
        }
        let edtf = Edtf::parse(t).map_err(|e| {
            format!(
                "“{t}” is not a date ({} at character {}): {FORMS}",
                e.message,
                e.offset + 1
            )
        })?;
        if edtf.level() > 1 {
            return Err(format!(
                "“{t}” uses EDTF level 2, which relmap does not read: {FORMS}"
            ));
        }
        let form = match edtf {
            Edtf::Date(d) => Form::On(d),
            Edtf::Interval(iv) => Form::Span(iv),
            Edtf::DateTime(_) => {
                return Err(format!(
                    "“{t}” has a time of day; give the date alone (e.g. {})",
                    t.split('T').next().unwrap_or(t)
                ));
            }
            Edtf::Set(_) => {
                return Err(format!("“{t}” is a set of dates: {FORMS}"));
            }
        };
        let date = Self(form);
        if date
            .dates()
            .any(|d| !matches!(d.year.kind, YearKind::Standard { .. }))
        {
            return Err(format!(
                "“{t}” has a year beyond four digits: a passage date is 0000–9999"
            ));
        }
        Ok(date)
    }

    /// [`Self::read`] without the reason.
    pub fn parse(s: &str) -> Option<Self> {
        Self::read(s).ok()
    }

    /// The dates it is made of: one, or an interval's dated ends.
    fn dates(&self) -> impl Iterator<Item = &edtf_core::Date> {
        let (a, b) = match &self.0 {
            Form::On(d) => (Some(d), None),
            Form::Span(iv) => (endpoint_date(&iv.start), endpoint_date(&iv.end)),
        };
        a.into_iter().chain(b)
    }

    /// Whether it is an interval ("since 2009", "2005/2010") rather than one date.
    pub fn is_interval(&self) -> bool {
        matches!(self.0, Form::Span(_))
    }

    /// Whether it covers a stretch of time drawn as a bar: an interval, or a single date
    /// whose unspecified digits or season leave a range open ("201X": some year of the
    /// 2010s; "2001-21": spring 2001).
    pub fn is_range(&self) -> bool {
        match &self.0 {
            Form::Span(_) => true,
            Form::On(d) => d.has_unspecified() || d.precision() == edtf_core::Precision::Season,
        }
    }

    /// Whether any part is marked approximate (`~` or `%`): "about 2012".
    pub fn is_approximate(&self) -> bool {
        self.dates().any(edtf_core::Date::is_approximate)
    }

    /// Whether any part is marked uncertain (`?` or `%`): "2010, if that is right".
    pub fn is_uncertain(&self) -> bool {
        self.dates().any(edtf_core::Date::is_uncertain)
    }

    /// Where it starts on a time axis: the first instant it can mean.
    pub fn start(&self) -> End {
        match &self.0 {
            Form::On(d) => first_instant(d),
            Form::Span(iv) => match &iv.start {
                IntervalEndpoint::Open => End::Open,
                e => endpoint_date(e).map_or(End::Unknown, first_instant),
            },
        }
    }

    /// Where it ends on a time axis: the last instant it can mean.
    pub fn end(&self) -> End {
        match &self.0 {
            Form::On(d) => last_instant(d),
            Form::Span(iv) => match &iv.end {
                IntervalEndpoint::Open => End::Open,
                e => endpoint_date(e).map_or(End::Unknown, last_instant),
            },
        }
    }

    /// One position on a time axis, in fractional years: the middle of a single date (2012 →
    /// 2012.5), the start of a range (its end if the start is open or unknown), where its
    /// bar begins.
    pub fn as_year_f64(&self) -> f64 {
        match (self.start(), self.end()) {
            (End::At(a), End::At(b)) if !self.is_range() => (a + b) / 2.0,
            (End::At(a), _) | (_, End::At(a)) => a,
            // Validation keeps at least one dated end.
            _ => 0.0,
        }
    }

    /// The first calendar year it can mean (`None` for an open or unknown start).
    pub fn first_year(&self) -> Option<i32> {
        bound_year(self.bounds().earliest)
    }

    /// The last calendar year it can mean (`None` for an open or unknown end).
    pub fn last_year(&self) -> Option<i32> {
        bound_year(self.bounds().latest)
    }

    /// The year to show or sort it by: its first year, else (open start) its last.
    pub fn year(&self) -> i32 {
        self.first_year().or_else(|| self.last_year()).unwrap_or(0)
    }

    /// Whether everything it can mean lies after everything `other` can mean (a passage dated
    /// after the article that reports it).
    pub fn starts_after(&self, other: &Self) -> bool {
        match (self.bounds().earliest, other.bounds().latest) {
            (Bound::Date(a), Bound::Date(b)) => a > b,
            _ => false,
        }
    }

    /// Whether it can run on after everything `other` can mean while starting before
    /// ("1990/2013" in an article of 2012); an open end is not a dated one.
    pub fn ends_after(&self, other: &Self) -> bool {
        match (self.bounds().latest, other.bounds().latest) {
            (Bound::Date(a), Bound::Date(b)) => a > b,
            _ => false,
        }
    }

    fn bounds(&self) -> edtf_core::Bounds {
        match &self.0 {
            Form::On(d) => Edtf::Date(*d).bounds(),
            Form::Span(iv) => Edtf::Interval(*iv).bounds(),
        }
    }
}

/// The date an interval end carries, if dated.
fn endpoint_date(e: &IntervalEndpoint) -> Option<&edtf_core::Date> {
    match e {
        IntervalEndpoint::Date(d)
        | IntervalEndpoint::OnOrBefore(d)
        | IntervalEndpoint::OnOrAfter(d) => Some(d),
        IntervalEndpoint::Open | IntervalEndpoint::Unknown => None,
    }
}

/// The first instant a date can mean, in fractional years.
fn first_instant(d: &edtf_core::Date) -> End {
    match Edtf::Date(*d).bounds().earliest {
        Bound::Date(b) => End::At(fractional(b, false)),
        _ => End::Unknown,
    }
}

/// The last instant a date can mean, in fractional years.
fn last_instant(d: &edtf_core::Date) -> End {
    match Edtf::Date(*d).bounds().latest {
        Bound::Date(b) => End::At(fractional(b, true)),
        _ => End::Unknown,
    }
}

/// A calendar day as fractional years: its first instant, or (`through`) its last.
fn fractional(b: BoundDate, through: bool) -> f64 {
    let days = f64::from(days_in_month(b.year, b.month));
    let day = f64::from(b.day) - if through { 0.0 } else { 1.0 };
    // Years are 0000–9999 (checked when read), exactly representable.
    b.year as f64 + (f64::from(b.month) - 1.0 + day / days) / 12.0
}

fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn bound_year(b: Bound) -> Option<i32> {
    match b {
        Bound::Date(d) => i32::try_from(d.year).ok(),
        Bound::NegativeInfinity | Bound::PositiveInfinity | Bound::Unknown => None,
    }
}

impl fmt::Display for PassageDate {
    /// The EDTF form, as saved ("2009/..", "2012~").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Form::On(d) => d.fmt(f),
            Form::Span(iv) => iv.fmt(f),
        }
    }
}

/// `value` read as a date; a value that is not one is reported at `location` with the reason.
pub(super) fn parse_date(
    value: Option<&str>,
    location: &str,
    report: &mut impl FnMut(String, super::error::ProblemKind),
) -> Option<PassageDate> {
    // A blank date is no date (as a cleared field in the app): the passage is as of its
    // source.
    let value = value.filter(|v| !v.trim().is_empty())?;
    match PassageDate::read(value) {
        Ok(date) => Some(date),
        Err(reason) => {
            report(
                location.to_owned(),
                super::error::ProblemKind::BadDate { reason },
            );
            None
        }
    }
}

#[cfg(test)]
mod tests;
