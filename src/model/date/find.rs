//! The date a sentence states, read from its words: "in January 2022", "on 3 March 2021",
//! "since 2009" (an open interval), "from 2005 to 2010", "about 2012".

use super::PassageDate;

/// Words that put a bare four-digit number in time ("in 2011", "since 2001"): without one,
/// "2000 troops" would read as a year.
const YEAR_CUES: [&str; 17] = [
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "early", "late",
    "mid", "of", "through", "to", "and", "between",
];

/// Words before a date that make it approximate ("about 2012" → `2012~`).
const ABOUT: [&str; 7] = [
    "about",
    "around",
    "circa",
    "c",
    "ca",
    "approximately",
    "roughly",
];

/// Words joining the two ends of a span after "from" or "between".
const SPAN_JOINS: [&str; 5] = ["to", "until", "till", "through", "and"];

impl PassageDate {
    /// The first date a sentence states, as precisely and in the shape it is written: "1 March
    /// 2012", "March 1, 2012", "2012-03-01", "January 2022" (→ 2022-01), a year after a word
    /// that puts it in time ("in 2011"), "since 2009" (→ `2009/..`), "from 2005 to 2010" or
    /// "2005–2010" (→ `2005/2010`), "about 2012" (→ `2012~`). `None` when it states none.
    pub fn find_in(text: &str) -> Option<Self> {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '“' | '”'))
            .filter(|w| !w.is_empty())
            .collect();
        (0..words.len()).find_map(|i| {
            let (date, next) = date_at(&words, i)?;
            Some(shaped_by_context(&words, i, next, date))
        })
    }
}

/// The date written from word `i` on, and the index of the word after it.
fn date_at(words: &[&str], i: usize) -> Option<(PassageDate, usize)> {
    let word = clean(words.get(i)?);
    let next = words.get(i + 1).map(|w| clean(w));
    let after = words.get(i + 2).map(|w| clean(w));
    if word.contains(['-', '–'])
        && let Some(date) = written_span(word)
    {
        return Some((date, i + 1));
    }
    if let (Some(day), Some(month), Some(year)) = (
        day_number(word),
        next.and_then(month_named),
        after.and_then(year_number),
    ) {
        return Some((ymd(year, month, Some(day))?, i + 3));
    }
    if let Some(month) = month_named(word) {
        if let Some(year) = next.and_then(year_number) {
            return Some((ymd(year, month, None)?, i + 2));
        }
        if let (Some(day), Some(year)) = (next.and_then(day_number), after.and_then(year_number)) {
            return Some((ymd(year, month, Some(day))?, i + 3));
        }
        return None;
    }
    let (word, mid) = match word.strip_prefix("mid-") {
        Some(rest) => (rest, true),
        None => (word, false),
    };
    let year = year_number(word)?;
    let cued = i
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .map(|w| clean(w).to_lowercase())
        .is_some_and(|w| YEAR_CUES.contains(&w.as_str()) || ABOUT.contains(&w.as_str()));
    (cued || mid).then(|| PassageDate::parse(&format!("{year:04}")).map(|d| (d, i + 1)))?
}

/// A written ISO date ("2010-09") or a span of two years ("2005–2010", "2005-2010").
fn written_span(word: &str) -> Option<PassageDate> {
    if let Some(date) = PassageDate::parse(word) {
        return Some(date);
    }
    let (a, b) = word.split_once(['-', '–'])?;
    let (a, b) = (year_number(a)?, year_number(b)?);
    PassageDate::parse(&format!("{a:04}/{b:04}"))
}

/// `date` (found at words `start..next`) as the words around it shape it: "since" opens it,
/// "about" makes it approximate, "from … to …" and "between … and …" make it a span.
fn shaped_by_context(words: &[&str], start: usize, next: usize, date: PassageDate) -> PassageDate {
    if date.is_interval() {
        return date;
    }
    let cue = start
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .map(|w| clean(w).to_lowercase())
        .unwrap_or_default();
    let shaped = match cue.as_str() {
        "since" => PassageDate::parse(&format!("{date}/..")),
        c if ABOUT.contains(&c) => PassageDate::parse(&format!("{date}~")),
        "from" | "between" => words
            .get(next)
            .filter(|w| SPAN_JOINS.contains(&clean(w).to_lowercase().as_str()))
            .and_then(|_| date_at(words, next + 1))
            .and_then(|(end, _)| PassageDate::parse(&format!("{date}/{end}"))),
        _ => None,
    };
    shaped.unwrap_or(date)
}

/// A date from its parts (`None` for an impossible day such as 30 February).
fn ymd(year: i32, month: u8, day: Option<u8>) -> Option<PassageDate> {
    let text = match day {
        Some(day) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{year:04}-{month:02}"),
    };
    PassageDate::parse(&text)
}

/// `word` without the punctuation around it (a hyphen stays: "mid-2010", "2010-09").
fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '–')
}

/// 1–12 for a month's name or its usual abbreviation ("Sept.", "Jan").
fn month_named(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = w.to_lowercase();
    super::words::months()
        .iter()
        .zip(1u8..)
        .find_map(|(name, n)| {
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
