//! Starting a map from an article: its text from a `.txt`, `.md` or `.html` file or from
//! pasted text, and the source's bibliographic data. The result is an ordinary relmap/1
//! dataset with no actors or relations yet.

use super::{Article, Dataset, Origin, PassageDate, Source, SourceDoc};

/// Bibliographic data typed into the "New map from article" form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceFields {
    /// Article title (also the map's title).
    pub title: String,
    /// Author.
    pub author: Option<String>,
    /// Publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: Option<PassageDate>,
    /// Publisher or outlet.
    pub publisher: Option<String>,
    /// Where it was published (shown, never fetched).
    pub url: Option<String>,
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file holds no readable text.
    #[error("{file}: no text found; paste the article or choose a .txt, .md or .html file")]
    Empty {
        /// The file, as named by the user.
        file: String,
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
        let body = drop_elements(contents, &["nav", "header", "footer", "aside", "form"]);
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
        sources: vec![source],
        actors: Vec::new(),
        relations: Vec::new(),
        origin: Origin::Memory("New map".to_owned()),
        notes: Vec::new(),
        warnings: Vec::new(),
    }
}

/// A source document over `text` (tidied as for a new map) with the id `id`: what
/// "Add source…" attaches to a map.
pub fn source_from_text(id: &str, text: &str, fields: SourceFields) -> SourceDoc {
    let blank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    let title = if fields.title.trim().is_empty() {
        "Untitled article".to_owned()
    } else {
        fields.title.trim().to_owned()
    };
    SourceDoc {
        id: id.to_owned(),
        meta: Source {
            title,
            author: blank(fields.author),
            date: fields.date,
            section: blank(fields.publisher),
            url: blank(fields.url),
        },
        article: Article::new(tidy(text)),
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

/// `html` without the given elements and everything inside them (page furniture, not the
/// article). Tags are matched case-insensitively; a tag left open drops nothing.
fn drop_elements(html: &str, names: &[&str]) -> String {
    let mut out = html.to_owned();
    for name in names {
        loop {
            let lower = out.to_ascii_lowercase();
            let Some(start) = find_open_tag(&lower, name) else {
                break;
            };
            let close = format!("</{name}>");
            let Some(end) = lower[start..].find(&close).map(|i| start + i + close.len()) else {
                break;
            };
            out.replace_range(start..end, "");
        }
    }
    out
}

/// Where `<name>` or `<name …>` opens in lower-cased `html`.
fn find_open_tag(html: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = html[from..].find(&open) {
        let at = from + i;
        let next = html[at + open.len()..].chars().next();
        if matches!(next, Some('>' | ' ' | '\t' | '\n' | '\r' | '/')) {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
