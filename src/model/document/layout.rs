//! From the characters a PDF places on its pages to an article's text: characters into lines,
//! lines into a reading order (two columns read one after the other), running headers,
//! footers and page numbers dropped, footnotes set apart, lines joined into paragraphs (a word
//! hyphenated at a line end made whole again, a paragraph running on over a page break kept
//! whole), and each page's text marked with its page number. Pure functions over positions,
//! tested on hand-made pages; no PDF here.

use std::collections::HashMap;

use crate::model::page_mark;

/// One character as placed on a page: `x` from the left edge, `y` (its baseline) from the
/// top, in points; `end` where the next character would start.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Glyph {
    pub x: f32,
    pub y: f32,
    pub end: f32,
    pub size: f32,
    pub text: String,
}

/// A page's characters and its size in points.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

/// A run of characters on one baseline without a wide gap: a line, or a column's part of one.
#[derive(Clone, Debug, PartialEq)]
struct Segment {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
}

/// The article text (pages marked) and what the layout left out or moved, for the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Laid {
    pub text: String,
    pub notes: Vec<String>,
    /// The largest text on the first page, when it stands out from the body (a title).
    pub title: Option<String>,
}

/// A gap wider than this (in font sizes) between two characters on one baseline splits the
/// line: a column gutter, or the two halves of a running header.
const SPLIT_GAP: f32 = 1.5;

/// Where a page's running header or footer may sit: this share of the page at its top or
/// bottom.
const BAND: f32 = 0.12;

/// Text this much smaller than the body, under the body at a page's foot, is a footnote.
const FOOTNOTE_SIZE: f32 = 0.85;

/// Lays out `pages` as an article.
pub(super) fn lay_out(pages: &[Page]) -> Laid {
    let mut segments: Vec<Vec<Segment>> = pages.iter().map(|p| segments(&p.glyphs)).collect();
    let body = body_size(&segments);
    let mut notes = Vec::new();
    let title = title_of(segments.first().map(Vec::as_slice).unwrap_or(&[]), body);
    drop_running(pages, &mut segments, body, &mut notes);
    let mut footnotes: Vec<(usize, Vec<Segment>)> = Vec::new();
    for (i, segs) in segments.iter_mut().enumerate() {
        let feet = take_footnotes(segs, body);
        if !feet.is_empty() {
            footnotes.push((i, feet));
        }
    }
    let mut two_columns = 0;
    for (page, segs) in pages.iter().zip(segments.iter_mut()) {
        if reading_order(segs, page.width, body) {
            two_columns += 1;
        }
    }
    if two_columns > 0 {
        notes.push(format!(
            "read {two_columns} page{} as two columns, the left one first",
            plural(two_columns)
        ));
    }
    let mut text = String::new();
    let mut joined = 0;
    let leading = leading(&segments, body);
    let mut previous: Option<(usize, Segment)> = None;
    for (i, segs) in segments.iter().enumerate() {
        let mut marked = false;
        for seg in segs {
            let same_paragraph = previous
                .as_ref()
                .is_some_and(|(page, prev)| continues(prev, seg, *page != i, leading, body));
            match (&previous, same_paragraph) {
                (None, _) => {}
                (Some(_), true) => {
                    if ends_hyphenated(&text, &seg.text) {
                        text.pop();
                        joined += 1;
                    } else if !text.ends_with('-') || !starts_upper(&seg.text) {
                        text.push(' ');
                    }
                }
                (Some(_), false) => text.push_str("\n\n"),
            }
            if !marked {
                text.push_str(&page_mark(page_number(i)));
                marked = true;
            }
            text.push_str(&seg.text);
            previous = Some((i, seg.clone()));
        }
    }
    if joined > 0 {
        notes.push(format!(
            "joined {joined} word{} hyphenated at a line end",
            plural(joined)
        ));
    }
    let footnote_count: usize = footnotes.len();
    for (i, feet) in footnotes {
        // A page's footnotes after the body, each marked with its own page, so a quote from
        // one cites the page it is printed on; a line starting with a number starts a note.
        let mut note = String::new();
        for seg in feet {
            let starts_note = seg
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '§'));
            if starts_note && !note.is_empty() {
                push_note(&mut text, i, &note);
                note.clear();
            }
            if !note.is_empty() {
                note.push(' ');
            }
            note.push_str(&seg.text);
        }
        push_note(&mut text, i, &note);
    }
    if footnote_count > 0 {
        notes.push(format!(
            "set the footnotes of {footnote_count} page{} after the text, each with its page",
            plural(footnote_count)
        ));
    }
    // A soft hyphen left inside a line was never meant to print.
    let text = text.replace('\u{ad}', "");
    Laid { text, notes, title }
}

fn push_note(text: &mut String, page: usize, note: &str) {
    if note.trim().is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&page_mark(page_number(page)));
    text.push_str(note.trim());
}

fn page_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A page's characters as segments, in the order they were drawn.
fn segments(glyphs: &[Glyph]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for g in glyphs {
        if !g.x.is_finite() || !g.y.is_finite() || !g.size.is_finite() || g.size <= 0.0 {
            continue;
        }
        let blank = g.text.trim().is_empty();
        let joins = out.last().is_some_and(|s| {
            let size = s.size.max(g.size);
            (g.y - s.y).abs() <= 0.5 * size
                && g.x >= s.x1 - 0.5 * size
                && g.x <= s.x1 + SPLIT_GAP * size
        });
        // A footnote's number raised after a word ("prices.¹") is the note's, not the text's.
        let marker = out.last().is_some_and(|s| {
            g.size < s.size * 0.8
                && g.y < s.y - 0.15 * s.size
                && g.text
                    .chars()
                    .all(|c| c.is_ascii_digit() || "*†‡§".contains(c))
        });
        if joins && marker {
            continue;
        }
        match out.last_mut() {
            Some(s) if joins => {
                // A gap wider than a thin space is a word space the PDF did not draw.
                if (blank || g.x > s.x1 + 0.15 * g.size.min(s.size)) && !s.text.ends_with(' ') {
                    s.text.push(' ');
                }
                if !blank {
                    s.text.push_str(&super::plain_letters(&g.text));
                }
                s.x1 = s.x1.max(g.end);
                s.size = s.size.max(g.size);
            }
            _ if blank => {}
            _ => out.push(Segment {
                x0: g.x,
                x1: g.end.max(g.x),
                y: g.y,
                size: g.size,
                text: super::plain_letters(&g.text),
            }),
        }
    }
    for s in &mut out {
        let trimmed = s.text.trim().to_owned();
        s.text = trimmed;
    }
    out.retain(|s| !s.text.is_empty());
    out
}

/// The body text's size: the size most characters have (to the half point).
fn body_size(pages: &[Vec<Segment>]) -> f32 {
    most_common(
        pages
            .iter()
            .flatten()
            .map(|s| (s.size, s.text.chars().count())),
    )
    .unwrap_or(10.0)
}

/// The value (to the half point) carrying the most weight, the smaller of equals.
fn most_common(values: impl Iterator<Item = (f32, usize)>) -> Option<f32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for (value, weight) in values {
        *counts.entry(half_points(value)).or_default() += weight;
    }
    counts
        .into_iter()
        .max_by_key(|&(value, n)| (n, -value))
        .map(|(value, _)| value as f32 / 2.0)
}

fn half_points(size: f32) -> i32 {
    (size * 2.0).round() as i32
}

/// The first page's largest line, when it is clearly larger than the body: a title.
fn title_of(first: &[Segment], body: f32) -> Option<String> {
    first
        .iter()
        .filter(|s| s.size > body * 1.3)
        .max_by(|a, b| a.size.total_cmp(&b.size))
        .map(|s| s.text.clone())
}

/// What a header or footer line says with its numbers blurred, so "Page 3" and "Page 4" are
/// the same line.
fn running_key(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a line is a bare page number: "3", "Page 3", "3 of 12", "- 3 -", "iv".
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c == '—')
        .trim();
    let t = t
        .strip_prefix("Page")
        .or_else(|| t.strip_prefix("page"))
        .unwrap_or(t);
    let t = t.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let number = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || (w.len() <= 6 && w.chars().all(|c| "ivxlcdm".contains(c)))
    };
    match words.as_slice() {
        [n] => number(n),
        [a, "of" | "/", b] => number(a) && number(b),
        _ => false,
    }
}

/// Drops running headers and footers (a line in a page's top or bottom band, no larger than
/// the body, repeated on at least a third of the pages) and page numbers.
fn drop_running(pages: &[Page], segments: &mut [Vec<Segment>], body: f32, notes: &mut Vec<String>) {
    let in_band = |s: &Segment, page: &Page| {
        let h = page.height.max(1.0);
        (s.y < h * BAND || s.y > h * (1.0 - BAND)) && s.size <= body * 1.05
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (page, segs) in pages.iter().zip(segments.iter()) {
        let mut keys: Vec<String> = segs
            .iter()
            .filter(|s| in_band(s, page))
            .map(|s| running_key(&s.text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    // A third of the pages: books and reports alternate two running heads, left and right.
    let need = pages.len().div_ceil(3).max(2);
    let mut dropped: Vec<String> = Vec::new();
    let mut numbers = 0;
    for (page, segs) in pages.iter().zip(segments.iter_mut()) {
        segs.retain(|s| {
            if !in_band(s, page) {
                return true;
            }
            if is_page_number(&s.text) {
                numbers += 1;
                return false;
            }
            let running = seen.get(&running_key(&s.text)).is_some_and(|&n| n >= need);
            if running && !dropped.contains(&s.text) {
                dropped.push(s.text.clone());
            }
            !running
        });
    }
    for d in dropped.iter().take(3) {
        notes.push(format!("left out the running header or footer “{d}”"));
    }
    if dropped.len() > 3 {
        notes.push(format!("and {} more running lines", dropped.len() - 3));
    }
    if numbers > 0 {
        notes.push(format!("left out {numbers} page number{}", plural(numbers)));
    }
}

/// Takes a page's footnotes out of its segments: smaller lines below all of its body lines.
fn take_footnotes(segs: &mut Vec<Segment>, body: f32) -> Vec<Segment> {
    let small = |s: &Segment| s.size < body * FOOTNOTE_SIZE;
    let Some(last_body) = segs
        .iter()
        .filter(|s| !small(s))
        .map(|s| s.y)
        .max_by(f32::total_cmp)
    else {
        return Vec::new();
    };
    let (feet, rest): (Vec<Segment>, Vec<Segment>) =
        segs.drain(..).partition(|s| small(s) && s.y > last_body);
    *segs = rest;
    let mut feet = feet;
    feet.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    feet
}

/// Puts a page's segments in reading order: top to bottom, or, on a page set in two columns,
/// the left column before the right (what spans both, a title, comes first). Returns whether
/// the page was read as two columns.
fn reading_order(segs: &mut [Segment], width: f32, body: f32) -> bool {
    let mid = width / 2.0;
    let slack = body * 0.5;
    let left = segs.iter().filter(|s| s.x1 <= mid + slack).count();
    let right = segs.iter().filter(|s| s.x0 >= mid - slack).count();
    let spanning = segs.len() - left.min(segs.len()) - right.min(segs.len() - left.min(segs.len()));
    let two = left >= 3 && right >= 3 && spanning <= (segs.len() / 10).max(2);
    let column = |s: &Segment| {
        if !two {
            0
        } else if s.x1 <= mid + slack {
            1
        } else if s.x0 >= mid - slack {
            2
        } else {
            0
        }
    };
    segs.sort_by(|a, b| {
        column(a)
            .cmp(&column(b))
            .then(a.y.total_cmp(&b.y))
            .then(a.x0.total_cmp(&b.x0))
    });
    two
}

/// The usual distance between one body line and the next: the most common gap (to the half
/// point; the smaller of equals), since lines inside paragraphs outnumber paragraph breaks.
fn leading(pages: &[Vec<Segment>], body: f32) -> f32 {
    most_common(
        pages
            .iter()
            .flat_map(|segs| segs.windows(2))
            .map(|w| w[1].y - w[0].y)
            .filter(|g| *g > body * 0.5 && *g < body * 3.0)
            .map(|g| (g, 1)),
    )
    .unwrap_or(body * 1.3)
}

/// Whether `next` runs on the paragraph `prev` is in: the next line at the usual distance
/// and not indented; across a page or column break, unless `prev` ended its sentence on a
/// short line. A heading (larger text) is a paragraph of its own.
fn continues(prev: &Segment, next: &Segment, new_page: bool, leading: f32, body: f32) -> bool {
    let heading = |s: &Segment| s.size > body * 1.15;
    if heading(prev) || heading(next) {
        return false;
    }
    let new_column = !new_page && next.y < prev.y - body;
    if new_page || new_column {
        let ended = prev
            .text
            .trim_end_matches(['"', '”', '’', ')'])
            .ends_with(['.', '!', '?', ':']);
        return !ended;
    }
    let gap = next.y - prev.y;
    let indented = next.x0 > prev.x0 + body * 1.2;
    gap > 0.0 && gap <= leading * 1.35 && !indented
}

/// Whether `text` ends in a word broken at the line's end ("partners-") that `next` finishes
/// in lower case ("hip"): the hyphen is the typesetter's, not the word's.
fn ends_hyphenated(text: &str, next: &str) -> bool {
    let mut back = text.chars().rev();
    let hyphen = matches!(back.next(), Some('-' | '\u{ad}'));
    let letter = back.next().is_some_and(char::is_alphabetic);
    hyphen && letter && next.chars().next().is_some_and(char::is_lowercase)
}

fn starts_upper(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    /// A line of text at `(x, y)` in `size`, one glyph per character, 0.5 em wide each.
    fn line(x: f32, y: f32, size: f32, text: &str) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut at = x;
        for c in text.chars() {
            let w = size * 0.5;
            out.push(Glyph {
                x: at,
                y,
                end: at + w,
                size,
                text: c.to_string(),
            });
            at += w;
        }
        out
    }

    fn page(lines: &[(f32, f32, f32, &str)]) -> Page {
        Page {
            width: 600.0,
            height: 800.0,
            glyphs: lines
                .iter()
                .flat_map(|&(x, y, size, text)| line(x, y, size, text))
                .collect(),
        }
    }

    #[test]
    fn headers_footers_and_page_numbers_go_and_a_sentence_runs_over_the_page() {
        let pages = [
            page(&[
                (60.0, 40.0, 9.0, "China and Kazakhstan: a note"),
                (60.0, 105.0, 11.0, "The first paragraph has two lines"),
                (60.0, 120.0, 11.0, "and it ends here."),
                (60.0, 144.0, 11.0, "The second one speaks of partners-"),
                (60.0, 159.0, 11.0, "hip and runs on to the foot of"),
                (280.0, 770.0, 9.0, "Page 1"),
            ]),
            page(&[
                (60.0, 40.0, 9.0, "China and Kazakhstan: a note"),
                (60.0, 120.0, 11.0, "the page, where it ends."),
                (60.0, 144.0, 11.0, "A third."),
                (280.0, 770.0, 9.0, "Page 2"),
            ]),
        ];
        let laid = lay_out(&pages);
        let article = Article::from_marked(&laid.text);
        assert_eq!(
            article.text,
            "The first paragraph has two lines and it ends here.\n\nThe second one speaks of \
             partnership and runs on to the foot of the page, where it ends.\n\nA third."
        );
        let at = |s: &str| article.text.find(s).map(|i| article.page_at(i));
        assert_eq!(at("The second"), Some(Some(1)));
        assert_eq!(
            at("the page"),
            Some(Some(2)),
            "a page may start mid-sentence"
        );
        assert_eq!(at("A third"), Some(Some(2)));
        assert!(
            laid.notes
                .iter()
                .any(|n| n.contains("China and Kazakhstan: a note"))
        );
        assert!(laid.notes.iter().any(|n| n.contains("2 page numbers")));
    }

    #[test]
    fn footnotes_follow_the_text_with_their_page_and_two_columns_read_in_turn() {
        let mut left_right = vec![(60.0, 60.0, 18.0, "A Title Across")];
        for i in 0..4 {
            let y = 120.0 + 15.0 * i as f32;
            left_right.push((60.0, y, 11.0, "left column words"));
            left_right.push((330.0, y, 11.0, "right column words"));
        }
        left_right.push((60.0, 700.0, 8.0, "1 A note on sources."));
        let laid = lay_out(&[page(&left_right)]);
        let article = Article::from_marked(&laid.text);
        assert_eq!(laid.title.as_deref(), Some("A Title Across"));
        let left = article.text.rfind("left column").expect("left");
        let right = article.text.find("right column").expect("right");
        assert!(
            left < right,
            "the whole left column before the right: {}",
            article.text
        );
        assert!(
            article.text.ends_with("1 A note on sources."),
            "{}",
            article.text
        );
        assert!(laid.notes.iter().any(|n| n.contains("two columns")));
    }

    #[test]
    fn alternating_running_heads_raised_note_numbers_and_ligatures_are_undone() {
        let mut pages = Vec::new();
        for n in 1..=6 {
            let head = if n % 2 == 0 {
                format!("{n} China, Russia and the Steppe")
            } else {
                format!("Kazakhstan between Moscow and Beijing {n}")
            };
            let mut p = page(&[
                (60.0, 40.0, 9.0, head.as_str()),
                (60.0, 120.0, 11.0, "Body text on this page about ﬁnancing."),
            ]);
            // A raised, smaller note number right after the sentence's full stop.
            if n == 1 {
                let end = p.glyphs.last().map_or(0.0, |g| g.end);
                p.glyphs.push(Glyph {
                    x: end,
                    y: 116.0,
                    end: end + 3.0,
                    size: 7.0,
                    text: "1".to_owned(),
                });
            }
            pages.push(p);
        }
        let laid = lay_out(&pages);
        let text = Article::from_marked(&laid.text).text;
        assert!(
            !text.contains("Steppe") && !text.contains("between Moscow"),
            "{text}"
        );
        assert!(
            text.contains("about financing.") && !text.contains('ﬁ'),
            "ligature spelled out: {text}"
        );
        assert!(
            !text.contains("financing.1"),
            "the note number is not text: {text}"
        );
    }

    #[test]
    fn page_numbers_in_their_forms() {
        for n in ["3", "Page 3", "page 12", "3 of 12", "- 4 -", "iv", "7 / 9"] {
            assert!(is_page_number(n), "{n}");
        }
        for n in ["China", "In 2012", "Page two", "2012 and after"] {
            assert!(!is_page_number(n), "{n}");
        }
    }

    #[test]
    fn a_compound_keeps_its_hyphen_and_a_broken_word_loses_it() {
        assert!(ends_hyphenated("strategic partners-", "hip dialogue"));
        assert!(!ends_hyphenated("the Sino-", "Russian border"));
        assert!(!ends_hyphenated("pages 3-", "4"));
    }
}
