//! Sentence boundaries of the article, so a passage can be shown in the sentence it comes from.
//!
//! UAX #29 (via `unicode-segmentation`) finds candidate boundaries; it ends a sentence after
//! any full stop followed by a capital, so abbreviations and initials ("U.S. officials",
//! "Richard J. Weitz", "Mr. Putin") are joined back to the sentence they belong to.

use unicode_segmentation::UnicodeSegmentation as _;

use super::TextRange;

/// Words ending in a full stop that do not end a sentence when a capital follows.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "adm", "pres", "amb", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "vol", "fig", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e",
    "approx", "est", "jr", "sr",
];

/// Byte ranges of the sentences of `text[para]`, trimmed, in order, covering every word.
pub fn sentences_in(text: &str, para: &TextRange) -> Vec<TextRange> {
    let body = &text[para.clone()];
    let mut out: Vec<TextRange> = Vec::new();
    let mut join_next = false;
    for (i, s) in body.split_sentence_bound_indices() {
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if trimmed.is_empty() {
            continue;
        }
        let range = para.start + i + lead..para.start + i + lead + trimmed.len();
        match out.last_mut() {
            Some(last) if join_next => last.end = range.end,
            _ => out.push(range),
        }
        join_next = ends_with_abbreviation(trimmed);
    }
    out
}

/// Whether `sentence` ends in an abbreviation or an initial rather than a real full stop.
fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(without_stop) = sentence.strip_suffix('.') else {
        return false;
    };
    let last_word = without_stop
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    if last_word.is_empty() {
        return false;
    }
    // "U.S", "U.N", "e.g": letters separated by dots; "J": a single capital initial.
    let dotted = last_word.contains('.')
        && last_word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    let initial = last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase);
    dotted || initial || ABBREVIATIONS.contains(&last_word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences_in(text, &(0..text.len()))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_at_sentence_ends() {
        assert_eq!(
            split("China grew. Kazakhstan too!  Why? Because."),
            ["China grew.", "Kazakhstan too!", "Why?", "Because."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("The U.S. Secretary met Richard J. Weitz. Mr. Putin did not. It ended."),
            [
                "The U.S. Secretary met Richard J. Weitz.",
                "Mr. Putin did not.",
                "It ended."
            ]
        );
        assert_eq!(
            split("It spans Europe, Eurasia, and East Asia as well as U.S. foreign policies."),
            ["It spans Europe, Eurasia, and East Asia as well as U.S. foreign policies."]
        );
    }

    #[test]
    fn ranges_are_relative_to_the_whole_text() {
        let text = "Title\n\nFirst one. Second one.";
        let para = 7..text.len();
        let got: Vec<&str> = sentences_in(text, &para)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["First one.", "Second one."]);
    }
}
