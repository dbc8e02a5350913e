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
        return pdf::read_pdf(bytes, file);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office::read_office(bytes, file);
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
    Ok(ArticleFile {
        text: super::article_text(text, file)?,
        ..ArticleFile::default()
    })
}
