//! Starting a map from an article: its text from a `.txt`, `.md` or `.html` file or from
//! pasted text, and the source's bibliographic data. The result is an ordinary relmap/1
//! dataset with no actors or relations yet.

use super::{Article, Dataset, Origin, PassageDate, PerActor, PerRelation, Source, SourceMeta};

/// Bibliographic data typed into the "New map from article" form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceFields {
    /// Article title (also the map's title).
    pub title: String,
    /// Author.
    pub author: Option<String>,
    /// Publication date (EDTF, e.g. `2012-03-01`).
    pub date: Option<PassageDate>,
    /// Publisher or outlet.
    pub publisher: Option<String>,
    /// Where it was published (shown, never fetched).
    pub url: Option<String>,
    /// How reliable the source is (Admiralty A–F), if graded.
    pub reliability: Option<super::Reliability>,
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file holds no readable text.
    #[error(
        "{file}: no text found; paste the article or choose a .txt, .md, .html, .pdf, .docx or \
         .odt file"
    )]
    Empty {
        /// The file, as named by the user.
        file: String,
    },
    /// The file could not be read at all (missing, too large, not text).
    #[error("{message}")]
    Read {
        /// The file.
        file: String,
        /// What went wrong, naming the file.
        message: String,
    },
    /// A PDF with no text layer: a scan.
    #[error("{file}: no text to quote: this PDF has no text layer; run OCR first")]
    NoTextLayer {
        /// The file.
        file: String,
    },
    /// A PDF locked with a password.
    #[error(
        "{file}: this PDF is encrypted; open it with its password in a PDF reader, save an \
         unprotected copy, and read that"
    )]
    Encrypted {
        /// The file.
        file: String,
    },
    /// A PDF that could not be read.
    #[error(
        "{file}: could not read this PDF ({message}); it may be damaged or incomplete: open it \
         in a PDF reader and save a new copy"
    )]
    Damaged {
        /// The file.
        file: String,
        /// What the PDF reader said.
        message: String,
    },
    /// A Word or OpenDocument file that could not be read.
    #[error("{file}: could not read this document ({message}); save it again as .docx or PDF")]
    Office {
        /// The file.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// A document past what relmap reads.
    #[error("{file}: too large to read: {what}; save the part you need as its own file")]
    TooLarge {
        /// The file.
        file: String,
        /// Which limit, and the document's size.
        what: String,
    },
    /// A kind of file relmap does not read as an article.
    #[error("{file}: {what}")]
    Unsupported {
        /// The file.
        file: String,
        /// What it is and what to do.
        what: String,
    },
    /// The HTML could not be turned into text.
    #[error("{file}: could not read this HTML page ({message}); save it as text and try again")]
    Html {
        /// The file.
        file: String,
        /// What the HTML reader said.
        message: String,
    },
}

/// The article text of a file's contents: HTML pages are turned into plain paragraphs
/// (scripts, styles, navigation, headers and footers dropped); other text is kept as it is,
/// with Windows line ends made plain.
pub fn article_text(contents: &str, file: &str) -> Result<String, ArticleError> {
    let lower = file.to_ascii_lowercase();
    let looks_html = lower.ends_with(".html")
        || lower.ends_with(".htm")
        || contents
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("<!doctype html")
        || contents
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("<html");
    let text = if looks_html {
        let body = clean_html(contents, &["nav", "header", "footer", "aside", "form"]);
        html2text::config::plain_no_decorate()
            .string_from_read(body.as_bytes(), HTML_WIDTH)
            .map_err(|e| ArticleError::Html {
                file: file.to_owned(),
                message: e.to_string(),
            })?
    } else {
        contents.to_owned()
    };
    let text = tidy(&text);
    if text.is_empty() {
        return Err(ArticleError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(text)
}

/// Wide enough that html2text never wraps a paragraph (a wrapped line would still anchor, as
/// matching folds whitespace, but the article view reads better unwrapped).
const HTML_WIDTH: usize = 100_000;

/// A new map over `text` with no actors or relations.
pub fn new_map_from_text(text: &str, fields: SourceFields) -> Dataset {
    let source = source_from_text(super::sources::SINGLE_SOURCE_ID, text, fields);
    Dataset {
        title: source.meta.title.clone(),
        sources: vec![source].into(),
        actors: PerActor::new(),
        relations: PerRelation::new(),
        storyboard: Vec::new(),
        origin: Origin::Memory("New map".to_owned()),
        notes: Vec::new(),
        warnings: Vec::new(),
    }
}

/// A source document over `text` (tidied as for a new map) with the id `id`: what
/// "Add source…" attaches to a map.
pub fn source_from_text(id: &str, text: &str, fields: SourceFields) -> Source {
    let blank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    let title = if fields.title.trim().is_empty() {
        "Untitled article".to_owned()
    } else {
        fields.title.trim().to_owned()
    };
    Source {
        id: id.to_owned(),
        meta: SourceMeta {
            title,
            author: blank(fields.author),
            date: fields.date,
            publisher: blank(fields.publisher),
            url: blank(fields.url),
            reliability: fields.reliability,
        },
        article: Article::from_marked(&tidy(text)),
    }
}

/// Plain line ends, no trailing blanks on lines, at most one blank line between paragraphs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.replace("\r\n", "\n").replace('\r', "\n").lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Elements nested deeper than this are flattened before the HTML reader sees them: their
/// tags are dropped (a block's become line breaks), their text kept. Real pages nest a few
/// dozen levels; through html2text a page of 20,000 nested `<div>`s took 2 s, growing
/// quadratically (200,000 did not finish in minutes).
pub const MAX_HTML_DEPTH: usize = 128;

/// Elements whose end tag may be left out (HTML's optional end tags), so they are not
/// counted as nesting: a page of unclosed `<p>`s is not deep.
const OPTIONAL_END: [&str; 19] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb",
    "rt", "rp", "colgroup", "caption", "head", "body",
];

/// Elements that never have content or an end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose flattened tags still break the line, so paragraphs do not run together.
const BLOCK: [&str; 14] = [
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "ul",
    "ol",
    "table",
    "figure",
    "h1",
    "h2",
    "h3",
    "pre",
    "address",
];

/// `html` without the elements named in `dropped` (and their content), without scripts and
/// styles, and with nesting past [`MAX_HTML_DEPTH`] flattened: one pass, linear in the page.
fn clean_html(html: &str, dropped: &[&str]) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    // (name, how many of it are open) while inside a dropped element.
    let mut skipping: Option<(String, usize)> = None;
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let at = i + offset;
        if skipping.is_none() {
            out.push_str(&html[i..at]);
        }
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(b.len(), |e| at + e + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name = tag_name(&rest[if closing { 2 } else { 1 }..]);
        if name.is_empty() {
            // "<!DOCTYPE …>", "<?…>" or a lone "<": kept as they are.
            if skipping.is_none() {
                out.push('<');
            }
            i = at + 1;
            continue;
        }
        let end = tag_past(b, at + 1);
        let tag = &html[at..end];
        i = end;
        let self_closing = tag.ends_with("/>");
        if let Some((skip, open)) = &mut skipping {
            if *skip == name && !self_closing {
                if closing {
                    *open -= 1;
                } else {
                    *open += 1;
                }
                if *open == 0 {
                    skipping = None;
                }
            }
            continue;
        }
        if !closing && !self_closing && (name == "script" || name == "style") {
            // Raw text up to its end tag, which html2text would not show anyway.
            let close = format!("</{name}");
            i = find_ascii_ci(html, end, &close).map_or(b.len(), |c| tag_past(b, c + 1));
            continue;
        }
        if !closing && !self_closing && dropped.contains(&name.as_str()) {
            skipping = Some((name, 1));
            continue;
        }
        let counted = !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str());
        if counted && !self_closing {
            let level = if closing {
                let level = depth;
                depth = depth.saturating_sub(1);
                level
            } else {
                depth += 1;
                depth
            };
            if level > MAX_HTML_DEPTH {
                if BLOCK.contains(&name.as_str()) && !closing {
                    out.push_str("<br>");
                }
                continue;
            }
        }
        out.push_str(tag);
    }
    if skipping.is_none() {
        out.push_str(&html[i.min(html.len())..]);
    }
    out
}

/// Just past the `>` closing the tag that starts before `from`, or the text's end.
fn tag_past(b: &[u8], from: usize) -> usize {
    (super::markup::tag_close(b, from) + 1).min(b.len())
}

/// The lower-case element name at the start of `s` (letters, digits, '-'), or "".
fn tag_name(s: &str) -> String {
    let starts_with_letter = s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    if !starts_with_letter {
        return String::new();
    }
    s.bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-')
        .map(|c| char::from(c.to_ascii_lowercase()))
        .collect()
}

/// Where ASCII `needle` next occurs in `haystack` from `from`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (from..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_nested_200000_deep_reads_its_text_in_bounded_time() {
        let n = 200_000;
        let html = format!(
            "<html><body>{}<p>China and Kazakhstan signed a pipeline deal.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let started = std::time::Instant::now();
        let text = article_text(&html, "deep.html").expect("text");
        assert_eq!(text, "China and Kazakhstan signed a pipeline deal.");
        // Seconds in a debug build; minutes before flattening.
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    }

    #[test]
    fn cleaning_keeps_shallow_pages_whole_and_drops_furniture_scripts_and_deep_tags() {
        let page = "<!DOCTYPE html><p>One<p>Two<nav><nav>menu</nav>still menu</nav>\
                    <SCRIPT>if (a < b) {}</script><div class=\"a>b\">Three</div>";
        assert_eq!(
            clean_html(page, &["nav"]),
            "<!DOCTYPE html><p>One<p>Two<div class=\"a>b\">Three</div>"
        );
        // Unclosed paragraphs are not nesting: a long page of them is kept as it is.
        let paragraphs = "<p>x".repeat(MAX_HTML_DEPTH * 2);
        assert_eq!(clean_html(&paragraphs, &[]), paragraphs);
        // Past the limit, tags go (a block's becomes a line break) and text stays.
        let deep = format!(
            "{}<span>a</span><div>b</div>{}",
            "<section>".repeat(MAX_HTML_DEPTH),
            "</section>".repeat(MAX_HTML_DEPTH)
        );
        let cleaned = clean_html(&deep, &[]);
        assert!(cleaned.contains("a<br>b"), "{cleaned}");
        assert_eq!(cleaned.matches("<section>").count(), MAX_HTML_DEPTH);
    }

    #[test]
    fn html_pages_lose_their_furniture_and_keep_their_paragraphs() {
        let html = "<!DOCTYPE html><html><head><style>p{color:red}</style>\
            <script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav>\
            <header>Site name</header><article><h1>Fish</h1>\
            <p>Japan and Korea signed an accord.</p><p>Korea later &amp; Japan argued.</p>\
            </article><footer>Copyright</footer></body></html>";
        let text = article_text(html, "page.html").expect("text");
        assert!(text.contains("Japan and Korea signed an accord."), "{text}");
        assert!(text.contains("Korea later & Japan argued."), "{text}");
        for furniture in ["Home", "Site name", "Copyright", "var x", "color:red"] {
            assert!(!text.contains(furniture), "{furniture} left in {text}");
        }
        let d = new_map_from_text(&text, SourceFields::default());
        assert!(
            d.primary().article.paragraphs.len() >= 2,
            "{:?}",
            d.primary().article.paragraphs
        );
    }

    #[test]
    fn plain_text_keeps_its_paragraphs_and_loses_windows_line_ends() {
        let text = article_text("One.\r\nStill one.\r\n\r\n\r\nTwo.\r\n", "a.txt").expect("text");
        assert_eq!(text, "One.\nStill one.\n\nTwo.");
        assert!(matches!(
            article_text("  \n ", "empty.md"),
            Err(ArticleError::Empty { .. })
        ));
    }
}
