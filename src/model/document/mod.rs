//! Articles as analysts receive them: a PDF's text layer, a Word (.docx) or OpenDocument
//! (.odt) file, or plain text, Markdown and HTML, read into the text a source embeds, with
//! each page's text marked (see [`crate::model::PAGE_MARK`]) where the file has pages, and
//! the title, author and date the file's metadata gives.

mod layout;
mod office;
mod pdf;

use std::path::Path;

pub use office::MAX_PART_BYTES;
pub use pdf::{MAX_CHARACTERS, MAX_PAGES, TIME_LIMIT};

use super::{ArticleError, PassageDate};

/// An article read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleFile {
    /// Its text, each page's text marked where the file has pages.
    pub text: String,
    /// The title its metadata (or, in a PDF, its largest first-page line) gives.
    pub title: Option<String>,
    /// The author its metadata gives.
    pub author: Option<String>,
    /// The date its metadata gives (the day it was created).
    pub date: Option<PassageDate>,
    /// How many pages it has (0: no pages known).
    pub pages: usize,
    /// What reading it left out or moved, to tell the user ("left out the running header …").
    pub notes: Vec<String>,
}

/// `text` with typographic ligatures spelled out ("ﬁnancing" → "financing"), so a search or
/// a quote typed by hand finds it. (Soft hyphens are dropped once lines are joined: at a line
/// end one marks a broken word.)
pub(crate) fn plain_letters(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            other => out.push(other),
        }
    }
    out
}

/// Whether a title from a file's metadata says something (not "Microsoft Word - draft.docx",
/// "Untitled" or a file name).
pub(super) fn plausible_title(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    let file_name = [
        ".doc", ".docx", ".pdf", ".odt", ".txt", ".rtf", ".indd", ".tex",
    ]
    .iter()
    .any(|ext| t.ends_with(ext));
    !t.is_empty()
        && !file_name
        && !t.starts_with("microsoft word")
        && !matches!(
            t.as_str(),
            "untitled" | "title" | "document" | "no title" | "slide 1"
        )
}

/// Whether an author from a file's metadata names someone (not the tool or a placeholder).
fn plausible_author(author: &str) -> bool {
    let a = author.trim().to_lowercase();
    !a.is_empty()
        && !matches!(
            a.as_str(),
            "anonymous"
                | "python-docx"
                | "user"
                | "admin"
                | "administrator"
                | "unknown"
                | "author"
                | "owner"
                | "reportlab"
        )
}

/// The article's first paragraph, when it reads as a title: short, not a sentence.
fn first_line_title(text: &str) -> Option<String> {
    let plain = crate::model::Article::from_marked(text);
    let first = plain
        .paragraphs
        .first()
        .map(|r| plain.text[r.clone()].trim())?;
    let short = first.chars().count() <= 120 && !first.contains('\n');
    (short && !first.ends_with(['.', '!', '?', ':', ';', ','])).then(|| first.to_owned())
}

/// An article read from a file, its metadata kept only where it says something, and a title
/// from its first line where the metadata has none.
fn tidied(mut read: ArticleFile) -> ArticleFile {
    read.text = plain_letters(&read.text).replace('\u{ad}', "");
    read.title = read.title.filter(|t| plausible_title(t));
    read.author = read.author.filter(|a| plausible_author(a));
    if read.title.is_none() {
        read.title = first_line_title(&read.text);
    }
    read
}

/// The file extensions an article may have, for file choosers.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "pdf", "docx", "odt"];

/// Reads the article in the file at `path` (within the size cap every file has).
pub fn read_article_file(path: &Path) -> Result<ArticleFile, ArticleError> {
    let file = path.display().to_string();
    let bytes = super::files::read_capped(path, &file).map_err(|e| ArticleError::Read {
        file: file.clone(),
        message: e.to_string(),
    })?;
    read_article_bytes(&bytes, &file)
}

/// Reads an article from `bytes`, recognised by their first bytes: a PDF, a Word or
/// OpenDocument package, an old binary Word file (refused with what to do), or UTF-8 text
/// (HTML made plain). `file` names it in messages.
pub fn read_article_bytes(bytes: &[u8], file: &str) -> Result<ArticleFile, ArticleError> {
    // A PDF may have a little junk before its header (the format allows 1 KB).
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return pdf::read_pdf(bytes, file).map(tidied);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office::read_office(bytes, file).map(tidied);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ArticleError::Unsupported {
            file: file.to_owned(),
            what: "an old binary Word file (.doc); save it as .docx or PDF".to_owned(),
        });
    }
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|e| {
            ArticleError::Read {
                file: file.to_owned(),
                message: format!(
                    "{file}: not UTF-8 text (byte {}); save it as UTF-8 text, PDF or Word",
                    e.valid_up_to() + 1
                ),
            }
        })?;
    Ok(tidied(ArticleFile {
        text: super::article_text(text, file)?,
        ..ArticleFile::default()
    }))
}
