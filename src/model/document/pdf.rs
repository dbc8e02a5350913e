//! A PDF's text layer through `pdf-extract` (on `lopdf`): each character with its position
//! and size, handed to [`super::layout`]; the document's title, author and date from its
//! information dictionary. Chosen over `lopdf`'s own `extract_text`, which is faster but gives
//! text without positions or sizes, so headers, footnotes and columns could not be told
//! apart; `pdf-extract` also decodes fonts' ToUnicode maps and standard encodings.
//!
//! A PDF is a hostile input: it is read on a thread of its own with a deep stack, any panic
//! of the reader caught, within a time limit, and refused past a page and character count.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::time::Duration;

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

use super::layout::{Glyph, Page, lay_out};
use super::{ArticleError, ArticleFile};
use crate::model::PassageDate;

/// Most pages read from one PDF (a long report has a few hundred).
pub const MAX_PAGES: usize = 5_000;

/// Most characters read from one PDF (5,000 dense pages hold about 20 million).
pub const MAX_CHARACTERS: usize = 30_000_000;

/// Longest a PDF may take to read.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Stack of the reading thread: the reader follows nested forms by recursion.
const STACK_BYTES: usize = 256 << 20;

/// Why a PDF was not read, before the file's name is put to it.
enum Failure {
    Encrypted,
    Damaged(String),
    TooLarge(String),
}

/// Reads the PDF in `bytes` (named `file` in messages).
pub(super) fn read_pdf(bytes: &[u8], file: &str) -> Result<ArticleFile, ArticleError> {
    let owned = bytes.to_vec();
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("relmap-pdf".to_owned())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| extract(&owned)));
            let _ = tx.send(result);
        });
    let damaged = |message: String| ArticleError::Damaged {
        file: file.to_owned(),
        message,
    };
    if let Err(e) = spawned {
        return Err(damaged(format!("could not start reading it: {e}")));
    }
    let (pages, info) = match rx.recv_timeout(TIME_LIMIT) {
        Ok(Ok(Ok(read))) => read,
        Ok(Ok(Err(Failure::Encrypted))) => {
            return Err(ArticleError::Encrypted {
                file: file.to_owned(),
            });
        }
        Ok(Ok(Err(Failure::Damaged(message)))) => return Err(damaged(message)),
        Ok(Ok(Err(Failure::TooLarge(what)))) => {
            return Err(ArticleError::TooLarge {
                file: file.to_owned(),
                what,
            });
        }
        Ok(Err(_)) => return Err(damaged("the PDF reader stopped on it".to_owned())),
        Err(_) => {
            return Err(damaged(format!(
                "reading took longer than {} s",
                TIME_LIMIT.as_secs()
            )));
        }
    };
    if pages
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty()))
    {
        return Err(ArticleError::NoTextLayer {
            file: file.to_owned(),
        });
    }
    let laid = lay_out(&pages);
    Ok(ArticleFile {
        text: laid.text,
        // Metadata titles are often the file's name or the tool's: the first page's largest
        // line is the better guess then.
        title: info
            .title
            .filter(|t| super::plausible_title(t))
            .or(laid.title),
        author: info.author,
        date: info.date,
        pages: pages.len(),
        notes: laid.notes,
    })
}

/// The document information a PDF may carry.
#[derive(Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
    date: Option<PassageDate>,
}

fn extract(bytes: &[u8]) -> Result<(Vec<Page>, Info), Failure> {
    let mut doc = Document::load_mem(bytes).map_err(|e| Failure::Damaged(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Failure::Encrypted);
    }
    let count = doc.get_pages().len();
    if count > MAX_PAGES {
        return Err(Failure::TooLarge(format!(
            "{count} pages; at most {MAX_PAGES} are read"
        )));
    }
    if count == 0 && doc.trailer.get(b"Encrypt").is_ok() {
        return Err(Failure::Encrypted);
    }
    let info = info(&doc);
    let mut collector = Collector::default();
    match pdf_extract::output_doc(&doc, &mut collector) {
        Ok(()) => {}
        Err(_) if collector.too_many => {
            return Err(Failure::TooLarge(format!(
                "more than {MAX_CHARACTERS} characters of text"
            )));
        }
        Err(e) => return Err(Failure::Damaged(e.to_string())),
    }
    Ok((collector.pages, info))
}

/// Collects each page's characters with their positions (see [`Glyph`]).
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    /// The current page's top edge in PDF units (y grows upward there).
    top: f64,
    characters: usize,
    too_many: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury;
        self.pages.push(Page {
            width: (media_box.urx - media_box.llx) as f32,
            height: (media_box.ury - media_box.lly) as f32,
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.characters += 1;
        if self.characters > MAX_CHARACTERS {
            self.too_many = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // The size on the page: the font size through the text matrix's scale.
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt();
        let x = trm.m31;
        let glyph = Glyph {
            x: x as f32,
            y: (self.top - trm.m32) as f32,
            end: (x + width * size) as f32,
            size: size as f32,
            text: text.to_owned(),
        };
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Title, author and creation date from the document information dictionary.
fn info(doc: &Document) -> Info {
    let Ok(dict) = doc
        .trailer
        .get(b"Info")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_dict())
    else {
        return Info::default();
    };
    let text = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| pdf_string(o))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    Info {
        title: text(b"Title"),
        author: text(b"Author"),
        date: text(b"CreationDate").and_then(|d| pdf_date(&d)),
    }
}

/// A PDF text string: UTF-16 with its byte order mark, else PDFDocEncoding (read as Latin-1,
/// which it matches for letters).
fn pdf_string(o: &Object) -> Option<String> {
    let Object::String(bytes, _) = o else {
        return None;
    };
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return Some(String::from_utf16_lossy(&units));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_owned());
    }
    Some(bytes.iter().map(|&b| char::from(b)).collect())
}

/// "D:20160512090000+00'00'" as the day it names (2016-05-12), or as much of it as is given.
fn pdf_date(s: &str) -> Option<PassageDate> {
    let digits: String = s
        .trim()
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let edtf = match digits.len() {
        n if n >= 8 => format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]),
        6 | 7 => format!("{}-{}", &digits[..4], &digits[4..6]),
        4 | 5 => digits[..4].to_owned(),
        _ => return None,
    };
    PassageDate::read(&edtf).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_and_strings_read_as_written() {
        assert_eq!(
            pdf_date("D:20160512090000+00'00'").map(|d| d.to_string()),
            Some("2016-05-12".to_owned())
        );
        assert_eq!(
            pdf_date("D:2016").map(|d| d.to_string()),
            Some("2016".to_owned())
        );
        assert_eq!(pdf_date("yesterday"), None);
        assert_eq!(pdf_date("D:20161399"), None, "no 13th month");
        let utf16 = Object::String(
            vec![0xFE, 0xFF, 0x04, 0x20, 0x04, 0x3E],
            pdf_extract::StringFormat::Literal,
        );
        assert_eq!(pdf_string(&utf16).as_deref(), Some("Ро"));
    }

    #[test]
    fn damaged_and_hostile_bytes_are_refused_with_a_reason() {
        for bytes in [
            &b"%PDF-1.4\n"[..],
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
            &[b'%', b'P', b'D', b'F', b'-', 0xFF, 0x00, 0x13],
        ] {
            match read_pdf(bytes, "bad.pdf") {
                Err(ArticleError::Damaged { file, .. } | ArticleError::NoTextLayer { file }) => {
                    assert_eq!(file, "bad.pdf");
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
