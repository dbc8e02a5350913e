//! Word (.docx) and OpenDocument (.odt) files: ZIP packages of XML, read with `zip` and
//! `quick-xml` (streaming, so the nesting a file controls never recurses here). The body's
//! paragraphs become the article's; running headers and footers live in parts of their own and
//! are not read; footnotes and endnotes follow the text, each a paragraph. Pages are known
//! only where the file records them (explicit page breaks, or the breaks Word and LibreOffice
//! write when they last laid the document out); otherwise the source has no page numbers.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{ArticleError, ArticleFile};
use crate::model::{PassageDate, page_mark};

/// Most entries a package may hold.
const MAX_ENTRIES: usize = 20_000;

/// Most bytes one part may inflate to (a 300-page report's document.xml is a few megabytes).
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The two kinds of package read.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Kind {
    #[default]
    Word,
    OpenDocument,
}

/// Reads a .docx or .odt package (named `file` in messages).
pub(super) fn read_office(bytes: &[u8], file: &str) -> Result<ArticleFile, ArticleError> {
    let broken = |message: String| ArticleError::Office {
        file: file.to_owned(),
        message,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| broken(format!("not a readable ZIP package: {e}")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ArticleError::TooLarge {
            file: file.to_owned(),
            what: format!("{} parts; at most {MAX_ENTRIES} are read", zip.len()),
        });
    }
    let kind = if zip.index_for_name("word/document.xml").is_some() {
        Kind::Word
    } else if zip.index_for_name("content.xml").is_some() {
        Kind::OpenDocument
    } else {
        return Err(ArticleError::Unsupported {
            file: file.to_owned(),
            what: "a ZIP package that is neither a Word document (.docx) nor an OpenDocument \
                   text (.odt)"
                .to_owned(),
        });
    };
    let mut part =
        |name: &str| -> Result<Option<String>, ArticleError> { read_part(&mut zip, name, file) };
    let (body, notes_part, meta) = match kind {
        Kind::Word => (
            part("word/document.xml")?.unwrap_or_default(),
            [part("word/footnotes.xml")?, part("word/endnotes.xml")?],
            part("docProps/core.xml")?,
        ),
        Kind::OpenDocument => (
            part("content.xml")?.unwrap_or_default(),
            [None, None],
            part("meta.xml")?,
        ),
    };
    let read = paragraphs(&body, kind)
        .map_err(|e| broken(format!("its text is not well-formed XML: {e}")))?;
    let mut notes_text: Vec<String> = read.notes.clone();
    for xml in notes_part.iter().flatten() {
        let notes = paragraphs(xml, Kind::Word)
            .map_err(|e| broken(format!("its notes are not well-formed XML: {e}")))?;
        notes_text.extend(notes.paragraphs.into_iter().map(|(_, p)| p));
    }
    let paged = read.breaks > 0;
    let mut text = String::new();
    let mut page = 1_u32;
    let mut marked_page = 0_u32;
    for (breaks_before, paragraph) in &read.paragraphs {
        page += breaks_before;
        if paragraph.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        if paged && page != marked_page {
            text.push_str(&page_mark(page));
            marked_page = page;
        }
        text.push_str(paragraph.trim());
    }
    for note in notes_text.iter().filter(|n| !n.trim().is_empty()) {
        text.push_str("\n\n");
        text.push_str(note.trim());
    }
    if text.trim().is_empty() {
        return Err(ArticleError::Empty {
            file: file.to_owned(),
        });
    }
    let meta = meta.map(|m| metadata(&m)).unwrap_or_default();
    let mut notes = Vec::new();
    if !notes_text.is_empty() {
        notes.push(format!(
            "set {} footnote{} after the text",
            notes_text.len(),
            if notes_text.len() == 1 { "" } else { "s" }
        ));
    }
    if !paged {
        notes.push(
            "the file records no page breaks, so its passages are cited by paragraph only"
                .to_owned(),
        );
    }
    Ok(ArticleFile {
        text,
        title: meta.0,
        author: meta.1,
        date: meta.2,
        pages: if paged { page as usize } else { 0 },
        notes,
    })
}

/// One part of the package as text, refused past [`MAX_PART_BYTES`] inflated (whatever its
/// header claims); `None` when the package has no such part.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    file: &str,
) -> Result<Option<String>, ArticleError> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let entry = zip.by_index(index).map_err(|e| ArticleError::Office {
        file: file.to_owned(),
        message: format!("{name}: {e}"),
    })?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ArticleError::Office {
            file: file.to_owned(),
            message: format!("{name}: {e}"),
        })?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(ArticleError::TooLarge {
            file: file.to_owned(),
            what: format!("{name} inflates past {} MB", MAX_PART_BYTES / (1024 * 1024)),
        });
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ArticleError::Office {
            file: file.to_owned(),
            message: format!("{name} is not UTF-8 XML"),
        })
}

/// A body's paragraphs, each with the page breaks met since the previous one, and (in an
/// OpenDocument body, where notes sit inline) its notes.
#[derive(Default)]
struct Body {
    paragraphs: Vec<(u32, String)>,
    breaks: u32,
    notes: Vec<String>,
}

/// Reads paragraphs from a Word or OpenDocument body (or a Word notes part).
fn paragraphs(xml: &str, kind: Kind) -> Result<Body, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walker {
        kind,
        ..Walker::default()
    };
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) => walk.start(&e),
            Event::Empty(e) => walk.empty(&e),
            Event::End(e) => walk.end(e.name().local_name().into_inner()),
            Event::Text(t) => walk.text(&t),
            Event::GeneralRef(r) => {
                let c = match &*r {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                if let Some(c) = c {
                    walk.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    Ok(walk.out)
}

/// Where a walk through a body's XML is.
#[derive(Default)]
struct Walker {
    kind: Kind,
    out: Body,
    /// The paragraph being read.
    current: String,
    /// Page breaks met since the last paragraph ended.
    breaks_pending: u32,
    /// Inside elements whose text is not the body's: deleted text, field codes, a note
    /// separator, an OpenDocument annotation.
    skip_depth: u32,
    /// Inside a Word text run (`w:t`), the only place Word keeps text.
    in_text: bool,
    /// Inside an OpenDocument note (kept apart, after the text).
    note_depth: u32,
    note: String,
}

impl Walker {
    fn skipped(&self, local: &str) -> bool {
        matches!(
            (self.kind, local),
            (Kind::Word, "del" | "instrText" | "delText")
                | (Kind::OpenDocument, "annotation" | "note-citation")
        )
    }

    fn is_paragraph(&self, local: &str) -> bool {
        matches!(
            (self.kind, local),
            (Kind::Word, "p") | (Kind::OpenDocument, "p" | "h")
        )
    }

    fn target(&mut self) -> &mut String {
        if self.note_depth > 0 {
            &mut self.note
        } else {
            &mut self.current
        }
    }

    fn start(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        let name = e.name();
        let local = name.local_name().into_inner();
        if self.skipped(local) {
            self.skip_depth += 1;
        } else if self.kind == Kind::OpenDocument && local == "note" {
            self.note_depth += 1;
        } else if self.kind == Kind::Word && matches!(local, "footnote" | "endnote") {
            // The separator "notes" Word keeps among the real ones are not text.
            let separator = e
                .attributes()
                .flatten()
                .any(|a| a.key.local_name().into_inner() == "type" && a.value.as_ref() != "normal");
            if separator {
                self.skip_depth += 1;
            }
        } else if self.kind == Kind::Word && local == "t" {
            self.in_text = true;
        } else if self.is_paragraph(local) && self.note_depth == 0 {
            self.current.clear();
        }
    }

    fn empty(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        let name = e.name();
        let local = name.local_name().into_inner();
        let attr = |key: &str| {
            e.attributes()
                .flatten()
                .find(|a| a.key.local_name().into_inner() == key)
                .map(|a| a.value.into_owned())
        };
        match (self.kind, local) {
            (Kind::Word, "tab") | (Kind::OpenDocument, "tab" | "line-break") => {
                self.target().push(' ');
            }
            (Kind::Word, "br") if attr("type").as_deref() == Some("page") => self.page_break(),
            (Kind::Word, "br") => self.target().push(' '),
            (Kind::Word, "lastRenderedPageBreak") | (Kind::OpenDocument, "soft-page-break") => {
                self.page_break();
            }
            (Kind::OpenDocument, "s") => {
                let n = attr("c")
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(64);
                self.target().push_str(&" ".repeat(n));
            }
            _ => {}
        }
    }

    fn page_break(&mut self) {
        self.breaks_pending += 1;
        self.out.breaks += 1;
    }

    fn end(&mut self, local: &str) {
        if self.skipped(local) {
            self.skip_depth = self.skip_depth.saturating_sub(1);
        } else if self.kind == Kind::OpenDocument && local == "note" {
            self.note_depth = self.note_depth.saturating_sub(1);
            if self.note_depth == 0 {
                let note = tidy_space(&std::mem::take(&mut self.note));
                self.out.notes.push(note);
            }
        } else if self.kind == Kind::Word && local == "t" {
            self.in_text = false;
        } else if self.is_paragraph(local) {
            if self.note_depth > 0 {
                self.note.push(' ');
            } else if self.skip_depth == 0 {
                let paragraph = tidy_space(&std::mem::take(&mut self.current));
                self.out.paragraphs.push((self.breaks_pending, paragraph));
                self.breaks_pending = 0;
            }
        }
    }

    fn text(&mut self, text: &str) {
        let wanted = self.skip_depth == 0 && (self.kind == Kind::OpenDocument || self.in_text);
        if wanted {
            self.target().push_str(text);
        }
    }
}

/// Runs of spaces as one, ends trimmed.
fn tidy_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Title, author and creation date from `docProps/core.xml` or `meta.xml`.
fn metadata(xml: &str) -> (Option<String>, Option<String>, Option<PassageDate>) {
    let mut reader = Reader::from_str(xml);
    let (mut title, mut author, mut date) = (None, None, None);
    let mut field: Option<String> = None;
    loop {
        match reader.read_event() {
            Err(_) | Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => field = Some(e.name().local_name().into_inner().to_owned()),
            Ok(Event::End(_)) => field = None,
            Ok(Event::Text(t)) => {
                let Some(f) = &field else { continue };
                let text = t.trim().to_owned();
                if text.is_empty() {
                    continue;
                }
                match f.as_str() {
                    "title" => title = title.or(Some(text)),
                    "creator" | "initial-creator" => author = author.or(Some(text)),
                    "created" | "creation-date" => {
                        date = date.or_else(|| PassageDate::read(text.get(..10)?).ok());
                    }
                    _ => {}
                }
            }
            Ok(_) => {}
        }
    }
    (title, author, date)
}
