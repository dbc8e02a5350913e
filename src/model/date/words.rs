//! Dates in words, for panels, cards, reports and figures: "since 2009", "about 2012",
//! "September 2010", "the 2010s".

use edtf_core::{Date, IntervalEndpoint, Precision, YearKind};

use super::{Form, PassageDate};

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

/// The month's English name, for 1–12.
pub(super) fn month_name(month: u8) -> Option<&'static str> {
    MONTHS.get(usize::from(month).checked_sub(1)?).copied()
}

/// Month names, for reading dates written in words.
pub(super) fn months() -> &'static [&'static str; 12] {
    &MONTHS
}

impl PassageDate {
    /// The date in words: "1 March 2012", "September 2010", "2012", "about 2012",
    /// "2010 (uncertain)", "the 2010s", "spring 2001", "since 2009", "from 2005 to 2010",
    /// "until 2010".
    pub fn long(&self) -> String {
        match &self.0 {
            Form::On(d) => qualified(d),
            Form::Span(iv) => match (&iv.start, &iv.end) {
                (IntervalEndpoint::Date(a), IntervalEndpoint::Date(b)) => {
                    format!("from {} to {}", qualified(a), qualified(b))
                }
                (IntervalEndpoint::Date(a), IntervalEndpoint::Open) => {
                    format!("since {}", qualified(a))
                }
                (IntervalEndpoint::Date(a), _) => {
                    format!("from {} (end unknown)", qualified(a))
                }
                (IntervalEndpoint::Open, IntervalEndpoint::Date(b)) => {
                    format!("until {}", qualified(b))
                }
                (_, IntervalEndpoint::Date(b)) => {
                    format!("until {} (start unknown)", qualified(b))
                }
                // Level 1 intervals have at least one dated end; say what is there anyway.
                _ => self.to_string(),
            },
        }
    }
}

/// One date in words with its qualification: "about 2012", "2010 (uncertain)".
fn qualified(d: &Date) -> String {
    let plain = unqualified(d);
    match (d.is_approximate(), d.is_uncertain()) {
        (true, true) => format!("about {plain} (uncertain)"),
        (true, false) => format!("about {plain}"),
        (false, true) => format!("{plain} (uncertain)"),
        (false, false) => plain,
    }
}

/// One date in words, as precisely as it is written.
fn unqualified(d: &Date) -> String {
    let year = year_words(d);
    let month = d.month.and_then(edtf_core::DateField::value);
    let day = d.day.and_then(edtf_core::DateField::value);
    match d.precision() {
        Precision::Season => {
            let season = match month {
                Some(21) => "spring",
                Some(22) => "summer",
                Some(23) => "autumn",
                _ => "winter",
            };
            format!("{season} {year}")
        }
        _ => match (month.and_then(month_name), day) {
            (Some(m), Some(day)) => format!("{day} {m} {year}"),
            (Some(m), None) => format!("{m} {year}"),
            // An unspecified month ("2004-XX") says no more than the year.
            (None, _) => year,
        },
    }
}

/// The year, or the decade or century its unspecified digits leave open ("201X" → "the
/// 2010s", "19XX" → "1900–1999").
fn year_words(d: &Date) -> String {
    let YearKind::Standard { negative, digits } = d.year.kind else {
        return d.year.value().map(|v| v.to_string()).unwrap_or_default();
    };
    let sign = if negative { "-" } else { "" };
    let known: String = digits
        .iter()
        .map_while(|x| x.map(|v| char::from(b'0' + v)))
        .collect();
    match 4 - known.len() {
        0 => format!("{sign}{}", known.parse::<u32>().unwrap_or_default()),
        1 => format!("the {sign}{known}0s"),
        n => format!(
            "{sign}{known}{}–{sign}{known}{}",
            "0".repeat(n),
            "9".repeat(n)
        ),
    }
}
