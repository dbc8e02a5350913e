//! Right-to-left text for egui. egui 0.37 shapes each run of one font with harfrust, which
//! guesses the run's direction from its script, so a single Arabic or Hebrew word comes out
//! right (reversed, joined); but it lays runs out left to right in memory order and splits
//! runs at every change of font, spaces included. So the words of a multi-word Arabic name
//! would read in the wrong order, and a Latin word inside a right-to-left name would sit on
//! the wrong side. [`visual_order`] applies the Unicode Bidirectional Algorithm
//! (`unicode-bidi`) to put *runs and words* in display order while leaving the characters of
//! each word in logical order for the shaper. SVG and PNG exports get logical text: SVG
//! readers and resvg run the algorithm themselves.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// Whether `text` has a right-to-left letter (Hebrew, Arabic script, Syriac, Thaana, N'Ko…).
pub fn has_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// `text` with its runs and words in display order for egui (see the module doc); text with
/// no right-to-left letter is returned as it is.
pub fn visual_order(text: &str) -> Cow<'_, str> {
    if !has_rtl(text) {
        return Cow::Borrowed(text);
    }
    // Left-to-right paragraphs, as SVG's default `direction` (and resvg) lay text out, so a
    // name reads the same on screen and in exports.
    let info = BidiInfo::new(text, Some(Level::ltr()));
    let mut out = String::with_capacity(text.len());
    for (k, para) in info.paragraphs.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let line = para.range.clone();
        let (levels, runs) = info.visual_runs(para, line);
        for run in runs {
            let piece = &text[run.clone()];
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            if rtl {
                push_reversed_words(&mut out, piece);
            } else {
                out.push_str(piece.trim_end_matches('\n'));
            }
        }
    }
    Cow::Owned(out)
}

/// A right-to-left run: its words (and the spaces between) in reverse order, each word's
/// characters kept in logical order; brackets mirrored, as they face the other way.
fn push_reversed_words(out: &mut String, run: &str) {
    let mut tokens: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in run.char_indices() {
        let is_space = c.is_whitespace();
        if space.is_some_and(|s| s != is_space) {
            tokens.push(&run[start..i]);
            start = i;
        }
        space = Some(is_space);
    }
    tokens.push(&run[start..]);
    for token in tokens.into_iter().rev() {
        if token
            .chars()
            .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
        {
            out.push_str(token);
        } else {
            // Neutral text (spaces, brackets, digits kept whole) read from the right.
            out.extend(token.chars().rev().map(mirror));
        }
    }
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn left_to_right_text_is_untouched() {
        assert!(matches!(visual_order("China → Russia"), Cow::Borrowed(_)));
        assert_eq!(visual_order("日本 にほん"), "日本 にほん");
    }

    #[test]
    fn one_right_to_left_word_is_left_to_the_shaper() {
        // harfrust reverses and joins a single-script run itself.
        assert_eq!(visual_order("עברית"), "עברית");
        assert_eq!(visual_order("ئۇيغۇر"), "ئۇيغۇر");
    }

    #[test]
    fn the_words_of_a_right_to_left_name_come_in_display_order() {
        // "People's Republic of China" in Arabic: two words, the first read rightmost.
        assert_eq!(visual_order("الصين الشعبية"), "الشعبية الصين");
        assert_eq!(visual_order("מדינת ישראל"), "ישראל מדינת");
    }

    #[test]
    fn mixed_labels_read_left_to_right_as_in_exports() {
        // Labels are left-to-right paragraphs (as SVG lays them out): an Arabic name then a
        // Latin word stay in that order, each read in its own direction.
        assert_eq!(visual_order("ئۇيغۇر autonomy"), "ئۇيغۇر autonomy");
        assert_eq!(visual_order("Uyghurs: ئۇيغۇر"), "Uyghurs: ئۇيغۇر");
        // Two Arabic words and a Latin one: the Arabic words swap, the Latin stays last.
        assert_eq!(visual_order("الصين الشعبية PRC"), "الشعبية الصين PRC");
    }
}
