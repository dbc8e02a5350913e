//! Passage dates: a year, a year and month, or a full date.

use std::fmt;

/// A date with year, optional month and optional day, as analysts write them ("2010-09").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PassageDate {
    /// Calendar year.
    pub year: i32,
    /// 1–12, if given.
    pub month: Option<u8>,
    /// 1–31, if given (only with a month).
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PassageDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or impossible dates.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('-');
        let year_str = parts.next()?;
        if year_str.len() != 4 || !year_str.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_str.parse().ok()?;
        let mut two_digits = |max: u8| -> Option<Option<u8>> {
            match parts.next() {
                None => Some(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let v: u8 = p.parse().ok()?;
                    (1..=max).contains(&v).then_some(Some(v))
                }
                Some(_) => None,
            }
        };
        let month = two_digits(12)?;
        let day = if month.is_some() {
            two_digits(31)?
        } else {
            None
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// The date as a fractional year, for placing it on a time axis (mid-period for partial dates).
    pub fn as_year_f64(&self) -> f64 {
        let month = self.month.map_or(6.0, |m| f64::from(m) - 0.5);
        let day = self.day.map_or(0.0, |d| (f64::from(d) - 15.0) / 30.0);
        f64::from(self.year) + (month + day) / 12.0
    }

    /// "1 March 2012", "September 2010" or "2012".
    pub fn long(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for PassageDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// `value` read as a passage date; a value that is not one is reported at `location`.
pub(super) fn parse_date(
    value: Option<&str>,
    location: &str,
    report: &mut impl FnMut(String, super::error::ProblemKind),
) -> Option<PassageDate> {
    let value = value?;
    let parsed = PassageDate::parse(value);
    if parsed.is_none() {
        report(
            location.to_owned(),
            super::error::ProblemKind::BadDate {
                value: value.to_owned(),
            },
        );
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions_and_round_trips() {
        for s in ["2012", "2010-09", "2012-03-01"] {
            assert_eq!(
                PassageDate::parse(s).map(|d| d.to_string()).as_deref(),
                Some(s)
            );
        }
        assert_eq!(
            PassageDate::parse("2012-03-01")
                .map(|d| d.long())
                .as_deref(),
            Some("1 March 2012")
        );
    }

    #[test]
    fn refuses_malformed_dates() {
        for s in [
            "",
            "12",
            "2012-13",
            "2012-3",
            "2012-03-32",
            "2012-03-01-02",
            "soon",
        ] {
            assert_eq!(PassageDate::parse(s), None, "{s}");
        }
    }
}
