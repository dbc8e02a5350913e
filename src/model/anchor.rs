//! Finding quotes in the article, tolerant only of the differences copy-paste introduces.

use std::ops::{Range, RangeInclusive};

use super::TextRange;

/// The article text with its paragraph boundaries.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// Full text as loaded.
    pub text: String,
    /// Byte ranges of paragraphs (blocks separated by blank lines), trimmed, in order.
    pub paragraphs: Vec<TextRange>,
    /// Byte ranges of sentences, in order; each lies inside one paragraph.
    pub sentences: Vec<TextRange>,
    /// The pages of a paged source (a PDF, a Word file with page breaks): runs of text, each
    /// from its start to the next run's, on one printed page; starts never decrease, page
    /// numbers may (a page's footnotes gathered after the body). Empty for text without pages.
    pub pages: Vec<PageRun>,
}

/// A run of an article's text on one page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRun {
    /// Byte offset into [`Article::text`] where the run begins.
    pub start: usize,
    /// The page it is on (1-based).
    pub page: u32,
}

/// Opens the mark of where a page's text begins in text read from a paged document, before it
/// becomes an [`Article`]: "[[page 2]]" starts page 2. Plain and visible, so a form showing
/// the text shows the page breaks, and unlike anything an article says. A form feed (as
/// `pdftotext` writes between pages, in pasted text) starts the next page too.
pub const PAGE_MARK: &str = "[[page ";

/// Closes a page mark (see [`PAGE_MARK`]).
pub const PAGE_MARK_END: &str = "]]";

/// The page mark putting what follows on `page`.
pub fn page_mark(page: u32) -> String {
    format!("{PAGE_MARK}{page}{PAGE_MARK_END}")
}

/// The page a mark at the start of `s` (just after [`PAGE_MARK`]) names, and the text after it.
fn read_mark(s: &str) -> Option<(u32, &str)> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let page = s[..digits].parse().ok()?;
    Some((page, s[digits..].strip_prefix(PAGE_MARK_END)?))
}

/// Where a quote was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Byte range in [`Article::text`]; always on char boundaries.
    pub range: TextRange,
    /// 1-based paragraph numbers the quote spans (usually one).
    pub paragraphs: RangeInclusive<usize>,
    /// Indices into [`Article::sentences`] of the sentences the quote lies in.
    pub sentences: Range<usize>,
}

/// A passage in its sentence: the text before the quote, the quote, the text after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InContext<'a> {
    /// Sentence text before the quote (empty when the quote starts the sentence).
    pub before: &'a str,
    /// The quoted words, as they appear in the article.
    pub quote: &'a str,
    /// Sentence text after the quote (empty when the quote ends it).
    pub after: &'a str,
}

impl InContext<'_> {
    /// Whether the quote starts inside its sentence (words before it were left out).
    pub fn cut_before(&self) -> bool {
        !self.before.trim().is_empty()
    }

    /// Whether the quote stops inside its sentence: more than closing punctuation follows.
    pub fn cut_after(&self) -> bool {
        self.after.chars().any(|c| c.is_alphanumeric())
    }

    /// The quote with "…" where it was cut from its sentence, e.g. "…the quoted words…".
    pub fn marked_quote(&self) -> String {
        format!(
            "{}{}{}",
            if self.cut_before() { "…" } else { "" },
            self.quote.trim(),
            if self.cut_after() { "…" } else { "" }
        )
    }
}

impl Anchor {
    /// The 1-based paragraph the quote starts in.
    pub fn paragraph(&self) -> usize {
        *self.paragraphs.start()
    }
}

impl Article {
    /// Splits `text` into paragraphs at blank lines.
    pub fn new(text: String) -> Self {
        let mut paragraphs = Vec::new();
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let blank = line.trim().is_empty();
            if blank {
                if let Some(s) = start.take() {
                    paragraphs.push(s..end);
                }
            } else {
                let lead = line.len() - line.trim_start().len();
                if start.is_none() {
                    start = Some(offset + lead);
                }
                end = offset + line.trim_end().len();
            }
            offset += line.len();
        }
        if let Some(s) = start {
            paragraphs.push(s..end);
        }
        let sentences = paragraphs
            .iter()
            .flat_map(|p| super::sentences::sentences_in(&text, p))
            .collect();
        Self {
            text,
            paragraphs,
            sentences,
            pages: Vec::new(),
        }
    }

    /// The article of text whose pages are marked (see [`PAGE_MARK`], as the document readers
    /// write it): the marks are taken out and become [`Article::pages`]. A mark that was cut
    /// (the text edited in a form) is dropped; text without marks has no pages.
    pub fn from_marked(marked: &str) -> Self {
        if !marked.contains(PAGE_MARK) && !marked.contains('\u{c}') {
            return Self::new(marked.to_owned());
        }
        let mut text = String::with_capacity(marked.len());
        let mut pages: Vec<PageRun> = Vec::new();
        let push = |pages: &mut Vec<PageRun>, start: usize, page: u32| {
            // Two marks at one place: the later page wins (the earlier one was empty).
            if pages.last().is_some_and(|r| r.start == start) {
                pages.pop();
            }
            pages.push(PageRun { start, page });
        };
        let mut rest = marked;
        let next = |s: &str| match (s.find(PAGE_MARK), s.find('\u{c}')) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        while let Some(at) = next(rest) {
            text.push_str(&rest[..at]);
            let after_char = &rest[at..];
            let feed = after_char.starts_with('\u{c}');
            let after = &after_char[if feed { 1 } else { PAGE_MARK.len() }..];
            if feed {
                let page = pages.last().map_or(2, |r| r.page.saturating_add(1));
                if pages.is_empty() {
                    pages.push(PageRun { start: 0, page: 1 });
                }
                push(&mut pages, text.len(), page);
                rest = after;
            } else if let Some((page, tail)) = read_mark(after) {
                push(&mut pages, text.len(), page);
                rest = tail;
            } else {
                // Not a mark after all: the brackets are text.
                text.push_str(PAGE_MARK);
                rest = after;
            }
        }
        text.push_str(rest);
        let mut article = Self::new(text);
        article.pages = pages;
        article
    }

    /// The text with its pages marked again (what [`Article::from_marked`] reads), for forms
    /// that edit the text.
    pub fn marked_text(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 4 * self.pages.len());
        let mut from = 0;
        for run in &self.pages {
            let start = run.start.min(self.text.len());
            out.push_str(&self.text[from..start]);
            out.push_str(&page_mark(run.page));
            from = start;
        }
        out.push_str(&self.text[from..]);
        out
    }

    /// The page the byte `offset` lies on, for a paged source.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let i = self.pages.partition_point(|r| r.start <= offset);
        match i {
            0 => self.pages.first().map(|r| r.page),
            _ => Some(self.pages[i - 1].page),
        }
    }

    /// Indices of the sentences overlapping `range` (at least the one containing its start).
    pub fn sentences_of(&self, range: &TextRange) -> Range<usize> {
        let first = self
            .sentences
            .partition_point(|s| s.end <= range.start)
            .min(self.sentences.len().saturating_sub(1));
        let last = self.sentences.partition_point(|s| s.start < range.end);
        first..last.max(first + 1).min(self.sentences.len())
    }

    /// The byte range of the sentences `anchor` lies in (its own range if none are known).
    pub fn sentence_range(&self, anchor: &Anchor) -> TextRange {
        match (
            self.sentences.get(anchor.sentences.start),
            anchor
                .sentences
                .end
                .checked_sub(1)
                .and_then(|i| self.sentences.get(i)),
        ) {
            (Some(first), Some(last)) => {
                first.start.min(anchor.range.start)..last.end.max(anchor.range.end)
            }
            _ => anchor.range.clone(),
        }
    }

    /// The sentence before the one `anchor` starts in, within the same paragraph.
    pub fn sentence_before(&self, anchor: &Anchor) -> Option<TextRange> {
        let i = anchor.sentences.start.checked_sub(1)?;
        let prev = self.sentences.get(i)?;
        let para = self.paragraph_at(anchor.range.start);
        (self.paragraph_at(prev.start) == para).then(|| prev.clone())
    }

    /// `anchor` inside its sentence(s).
    pub fn in_context(&self, anchor: &Anchor) -> InContext<'_> {
        let sentence = self.sentence_range(anchor);
        InContext {
            before: &self.text[sentence.start..anchor.range.start],
            quote: &self.text[anchor.range.clone()],
            after: &self.text[anchor.range.end..sentence.end],
        }
    }

    /// The 1-based number of the paragraph containing byte `offset` (or the next one after it).
    pub fn paragraph_at(&self, offset: usize) -> usize {
        let idx = self.paragraphs.partition_point(|p| p.end <= offset);
        (idx + 1).min(self.paragraphs.len().max(1))
    }

    /// Finds `quote` in the text, ignoring whitespace-run and quote-mark-style differences.
    pub fn find(&self, quote: &str) -> Option<Anchor> {
        self.find_in_context(quote, None, None)
    }

    /// Finds `quote`; where it occurs more than once, prefers the occurrence whose text just
    /// before ends with `prefix` and just after starts with `suffix` (the context stored on
    /// save), else the first.
    pub fn find_in_context(
        &self,
        quote: &str,
        prefix: Option<&str>,
        suffix: Option<&str>,
    ) -> Option<Anchor> {
        let (hay, map) = normalize_with_map(&self.text);
        let (needle, _) = normalize_with_map(quote);
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let prefix = prefix.map(|p| normalize_for_match(p).trim().to_owned());
        let suffix = suffix.map(|s| normalize_for_match(s).trim().to_owned());
        let score = |at: usize| {
            let before = hay[..at].trim_end();
            let after = hay[at + needle.len()..].trim_start();
            usize::from(prefix.as_deref().is_some_and(|p| before.ends_with(p)))
                + usize::from(suffix.as_deref().is_some_and(|s| after.starts_with(s)))
        };
        let mut best: Option<(usize, usize)> = None;
        for (at, _) in hay.match_indices(needle) {
            let sc = score(at);
            if best.is_none_or(|(_, b)| sc > b) {
                best = Some((at, sc));
            }
        }
        let (at, _) = best?;
        let last = at + needle.len() - 1;
        let start = map[at];
        // The last normalised byte maps into the original char it came from; extend to its end.
        let last_orig = map[last];
        let end = last_orig
            + self.text[last_orig..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        Some(self.anchor(start..end))
    }

    /// The anchor of an exact byte range of the text (a selection in the article view).
    /// `range` must lie on char boundaries.
    pub fn anchor(&self, range: TextRange) -> Anchor {
        Anchor {
            sentences: self.sentences_of(&range),
            paragraphs: self.paragraph_at(range.start)
                ..=self.paragraph_at(range.end.saturating_sub(1)),
            range,
        }
    }
}

/// Folds the differences that copy-paste introduces: whitespace runs (including non-breaking
/// spaces) become one space and curly quotes/apostrophes become straight ones. Nothing else
/// is folded, so a quote that matches is the author's wording.
pub fn normalize_for_match(s: &str) -> String {
    normalize_with_map(s).0
}

/// Like [`normalize_for_match`], also returning for each output byte the input byte it came from.
fn normalize_with_map(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        let folded = if c.is_whitespace() {
            if in_space {
                continue;
            }
            in_space = true;
            ' '
        } else {
            in_space = false;
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
                other => other,
            }
        };
        let before = out.len();
        out.push(folded);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_marks_become_runs_and_come_back() {
        let marked = "[[page 1]]One two.\n\nThree [[page 2]]four.\n\n[[page 1]]A note.";
        let a = Article::from_marked(marked);
        assert_eq!(a.text, "One two.\n\nThree four.\n\nA note.");
        assert_eq!(a.page_at(0), Some(1));
        assert_eq!(a.page_at(a.text.find("four").expect("four")), Some(2));
        assert_eq!(
            a.page_at(a.text.find("A note").expect("note")),
            Some(1),
            "a footnote's page"
        );
        assert_eq!(a.marked_text(), marked);
        // Pasted pdftotext output: a form feed starts the next page.
        let fed = Article::from_marked("First page.\u{c}Second page.");
        assert_eq!(fed.text, "First page.Second page.");
        assert_eq!(
            fed.page_at(fed.text.find("Second").expect("second")),
            Some(2)
        );
        // A bracket that is no mark stays text; text without marks has no pages.
        let plain = Article::from_marked("[[page two]] here");
        assert_eq!(plain.text, "[[page two]] here");
        assert!(plain.pages.is_empty() && plain.page_at(0).is_none());
    }

    fn article() -> Article {
        Article::new(
            "Title\n\n  First para with\u{a0}a  “quoted” word.\nSame para.\n\n\nIt’s the second.\n"
                .to_owned(),
        )
    }

    #[test]
    fn context_picks_between_repeated_quotes() {
        let a = Article::new("Alpha says yes. Beta says yes. Gamma says yes.".to_owned());
        let first = a.find("says yes").expect("found");
        assert_eq!(first.range.start, 6);
        let second = a
            .find_in_context("says yes", Some("Alpha says yes. Beta"), Some(". Gamma"))
            .expect("found");
        assert_eq!(&a.text[..second.range.start], "Alpha says yes. Beta ");
        let third = a
            .find_in_context("says yes", None, Some("."))
            .expect("found");
        assert_eq!(
            third.range.start, 6,
            "a context every occurrence shares keeps the first"
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let a = article();
        let texts: Vec<&str> = a.paragraphs.iter().map(|r| &a.text[r.clone()]).collect();
        assert_eq!(
            texts,
            [
                "Title",
                "First para with\u{a0}a  “quoted” word.\nSame para.",
                "It’s the second."
            ]
        );
    }

    #[test]
    fn tolerates_whitespace_and_curly_quotes_only() {
        let a = article();
        let anchor = a.find("with a \"quoted\" word. Same").expect("found");
        assert_eq!(anchor.paragraph(), 2);
        assert_eq!(
            &a.text[anchor.range.clone()],
            "with\u{a0}a  “quoted” word.\nSame"
        );
        assert_eq!(a.find("It's the second.").map(|x| x.paragraph()), Some(3));
        // Case and wording differences are not tolerated: evidence must be verbatim.
        assert!(a.find("it's the second.").is_none());
        assert!(a.find("First paragraph").is_none());
        assert!(a.find("   ").is_none());
    }

    #[test]
    fn a_quote_knows_its_sentence_and_where_it_was_cut() {
        let a = Article::new(
            "Title\n\nChina grew fast. The U.S. worried about Chinese firms that enjoy support. Done."
                .to_owned(),
        );
        let anchor = a.find("worried about Chinese firms").expect("found");
        let c = a.in_context(&anchor);
        assert_eq!(c.before, "The U.S. ");
        assert_eq!(c.after, " that enjoy support.");
        assert_eq!(c.marked_quote(), "…worried about Chinese firms…");
        let prev = a.sentence_before(&anchor).expect("previous sentence");
        assert_eq!(&a.text[prev], "China grew fast.");
        let whole = a.find("Done").expect("found");
        let c = a.in_context(&whole);
        assert!(
            !c.cut_before() && !c.cut_after(),
            "only the full stop is left out"
        );
        let first = a.find("China grew fast.").expect("found");
        assert!(a.sentence_before(&first).is_none(), "not across paragraphs");
    }

    #[test]
    fn anchor_ends_on_char_boundary_after_multibyte_char() {
        let a = Article::new("Beijing is “win-win”.".to_owned());
        let anchor = a.find("\"win-win\"").expect("found");
        assert_eq!(&a.text[anchor.range], "“win-win”");
    }
}
