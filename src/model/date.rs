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

/// Words that put a bare four-digit number in time ("in 2011", "since 2001"): without one,
/// "2000 troops" would read as a year.
const YEAR_CUES: [&str; 16] = [
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "early", "late",
    "mid", "of", "through", "to", "and",
];

impl PassageDate {
    /// The first date a sentence states, as precisely as it states it: "1 March 2012",
    /// "March 1, 2012", "2012-03-01", "January 2022" (→ 2022-01), or a year after a word that
    /// puts it in time ("in 2011"). `None` when it states none.
    pub fn find_in(text: &str) -> Option<Self> {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '“' | '”'))
            .filter(|w| !w.is_empty())
            .collect();
        for (i, raw) in words.iter().enumerate() {
            let word = clean(raw);
            if let Some(date) = Self::parse(word).filter(|_| word.contains('-')) {
                return Some(date);
            }
            if let Some(month) = month_named(word) {
                let next = words.get(i + 1).map(|w| clean(w));
                let after = words.get(i + 2).map(|w| clean(w));
                let before = i
                    .checked_sub(1)
                    .and_then(|j| words.get(j))
                    .map(|w| clean(w));
                let day_of = |w: Option<&str>| w.and_then(day_number);
                if let Some(year) = next.and_then(year_number) {
                    let day = day_of(before);
                    return Some(Self {
                        year,
                        month: Some(month),
                        day,
                    });
                }
                if let (Some(day), Some(year)) = (day_of(next), after.and_then(year_number)) {
                    return Some(Self {
                        year,
                        month: Some(month),
                        day: Some(day),
                    });
                }
                continue;
            }
            let (word, mid) = match word.strip_prefix("mid-") {
                Some(rest) => (rest, true),
                None => (word, false),
            };
            if let Some(year) = year_number(word) {
                let cue = i
                    .checked_sub(1)
                    .and_then(|j| words.get(j))
                    .map(|w| clean(w).to_lowercase());
                let cued = cue.as_deref().is_some_and(|c| YEAR_CUES.contains(&c));
                if cued || mid {
                    return Some(Self {
                        year,
                        month: None,
                        day: None,
                    });
                }
            }
        }
        None
    }
}

/// `word` without the punctuation around it (a hyphen stays: "mid-2010", "2010-09").
fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// 1–12 for a month's name or its usual abbreviation ("Sept.", "Jan").
fn month_named(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = w.to_lowercase();
    MONTHS.iter().zip(1u8..).find_map(|(name, n)| {
        let name = name.to_lowercase();
        let short = lower == "sept" && n == 9;
        (lower == name || (lower.len() == 3 && name.starts_with(&lower)) || short).then_some(n)
    })
}

/// A year written as four digits, 1800–2199 (other numbers are not read as years).
fn year_number(word: &str) -> Option<i32> {
    let w = word.trim_end_matches('.');
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..2200).contains(y))
}

/// A day of the month, "1" to "31" (also "1st", "22nd").
fn day_number(word: &str) -> Option<u8> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    let suffix_ok = matches!(rest, "" | "st" | "nd" | "rd" | "th");
    (suffix_ok && (1..=2).contains(&digits.len()))
        .then(|| digits.parse::<u8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
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

#[cfg(test)]
mod find_tests {
    use super::PassageDate;

    fn found(text: &str) -> Option<String> {
        PassageDate::find_in(text).map(|d| d.to_string())
    }

    #[test]
    fn a_sentence_s_date_is_found_as_precisely_as_it_is_written() {
        assert_eq!(
            found("Talks resumed in January 2022 in Astana."),
            Some("2022-01".into())
        );
        assert_eq!(
            found("On 3 March 2021, the deal was signed."),
            Some("2021-03-03".into())
        );
        assert_eq!(
            found("On March 3, 2021 the deal was signed."),
            Some("2021-03-03".into())
        );
        assert_eq!(
            found("Signed on Sept. 12th 2013 in Astana"),
            Some("2013-09-12".into())
        );
        assert_eq!(
            found("The pipeline opened (2009-12-14)."),
            Some("2009-12-14".into())
        );
        assert_eq!(found("Trade has doubled since 2001."), Some("2001".into()));
        assert_eq!(found("By mid-2010 the line was full."), Some("2010".into()));
    }

    #[test]
    fn numbers_that_are_not_dates_are_left_alone() {
        assert_eq!(found("Russia sent 2000 troops."), None);
        assert_eq!(found("May they agree? The SCO has 6 members."), None);
        assert_eq!(found("No date here at all."), None);
        assert_eq!(found("It cost $1,500 million."), None);
    }
}
