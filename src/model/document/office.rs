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
use crate::model::{PAGE_MARK_END, PassageDate, page_mark};

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
    // Word keeps its notes in parts of their own, each named by the reference in the text
    // (which gives its number and its page); OpenDocument keeps them inline.
    let mut notes_text: Vec<(u32, String)> = read.notes.clone();
    for xml in notes_part.iter().flatten() {
        let notes = paragraphs(xml, Kind::Word)
            .map_err(|e| broken(format!("its notes are not well-formed XML: {e}")))?;
        for (id, note) in notes.word_notes {
            if let Some(n) = read.references.iter().position(|(r, _)| *r == id) {
                notes_text.push((read.references[n].1, format!("{} {note}", n + 1)));
            }
        }
    }
    let paged = read.breaks > 0;
    let text = assemble(&read.paragraphs, &notes_text, paged);
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
        pages: if paged { read.page as usize } else { 0 },
        notes,
    })
}

/// The article text of a body's paragraphs and notes, pages marked when `paged` (else the
/// marks a paragraph may hold are taken out).
fn assemble(paragraphs: &[String], notes: &[(u32, String)], paged: bool) -> String {
    let mut text = String::new();
    if paged {
        text.push_str(&page_mark(1));
    }
    // A paragraph holding only page breaks passes them to the next one.
    let mut carry = String::new();
    for paragraph in paragraphs {
        let paragraph = if paged {
            paragraph.clone()
        } else {
            strip_marks(paragraph)
        };
        if strip_marks(&paragraph).trim().is_empty() {
            carry.push_str(paragraph.trim());
            continue;
        }
        if !text.is_empty() && !text.ends_with(PAGE_MARK_END) {
            text.push_str("\n\n");
        }
        text.push_str(&std::mem::take(&mut carry));
        text.push_str(paragraph.trim());
    }
    for (page, note) in notes.iter().filter(|(_, n)| !n.trim().is_empty()) {
        text.push_str("\n\n");
        if paged {
            text.push_str(&page_mark(*page));
        }
        text.push_str(note.trim());
    }
    text
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

/// A body's paragraphs (a page break inside one is marked where it falls, see
/// [`page_mark`]), how many page breaks it has and the page it ends on; its notes with the
/// page each is on (OpenDocument keeps them inline); Word's note references (id, page) in
/// order, and in a Word notes part the notes by id.
#[derive(Default)]
struct Body {
    paragraphs: Vec<String>,
    breaks: u32,
    page: u32,
    notes: Vec<(u32, String)>,
    references: Vec<(String, u32)>,
    word_notes: Vec<(String, String)>,
}

/// `text` without its page marks.
fn strip_marks(text: &str) -> String {
    crate::model::Article::from_marked(text).text
}

/// Reads paragraphs from a Word or OpenDocument body (or a Word notes part).
fn paragraphs(xml: &str, kind: Kind) -> Result<Body, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walker {
        kind,
        ..Walker::default()
    };
    walk.out.page = 1;
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
    /// Inside elements whose text is not the body's: deleted text, field codes, a note
    /// separator, an OpenDocument annotation.
    skip_depth: u32,
    /// Inside a Word text run (`w:t`), the only place Word keeps text.
    in_text: bool,
    /// Inside an OpenDocument note (kept apart, after the text).
    note_depth: u32,
    note: String,
    /// The page an OpenDocument note is anchored on.
    note_page: u32,
    /// A hard page break was met and no text since: the break Word records where it laid
    /// the next page out is the same one.
    fresh_break: bool,
    /// The paragraph ends a section that starts a new page.
    section_break: bool,
    /// Inside a section's properties.
    in_section: bool,
    /// In a Word notes part: the note being read and its text.
    word_note: Option<String>,
    word_note_text: String,
}

impl Walker {
    fn skipped(&self, local: &str) -> bool {
        matches!(
            (self.kind, local),
            (Kind::Word, "del" | "instrText" | "delText") | (Kind::OpenDocument, "annotation")
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
            if self.note_depth == 0 {
                self.note_page = self.out.page;
            }
            self.note_depth += 1;
        } else if self.kind == Kind::Word && local == "sectPr" {
            // A section ends with this paragraph; it starts a new page unless continuous.
            self.in_section = true;
            self.section_break = true;
        } else if self.kind == Kind::Word && matches!(local, "footnote" | "endnote") {
            self.word_note = e
                .attributes()
                .flatten()
                .find(|a| a.key.local_name().into_inner() == "id")
                .map(|a| a.value.into_owned());
            self.word_note_text.clear();
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
            (Kind::Word, "br") if attr("type").as_deref() == Some("page") => {
                self.page_break();
                self.fresh_break = true;
            }
            (Kind::Word, "pageBreakBefore") if attr("val").as_deref() != Some("0") => {
                self.page_break();
                self.fresh_break = true;
            }
            (Kind::Word, "type") if self.in_section => {
                self.section_break = attr("val").as_deref() != Some("continuous");
            }
            (Kind::Word, "footnoteReference" | "endnoteReference") => {
                if let Some(id) = attr("id") {
                    self.out.references.push((id, self.out.page));
                }
            }
            (Kind::Word, "br") => self.target().push(' '),
            (Kind::Word, "lastRenderedPageBreak") | (Kind::OpenDocument, "soft-page-break") => {
                self.rendered_break();
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

    /// A page break here: the text after it is on the next page.
    fn page_break(&mut self) {
        self.out.breaks += 1;
        self.out.page += 1;
        let mark = page_mark(self.out.page);
        self.current.push_str(&mark);
    }

    /// The break Word records where its layout started a page; the same as a hard break
    /// just before it.
    fn rendered_break(&mut self) {
        if std::mem::take(&mut self.fresh_break) {
            return;
        }
        self.page_break();
    }

    fn end(&mut self, local: &str) {
        if self.skipped(local) {
            self.skip_depth = self.skip_depth.saturating_sub(1);
        } else if self.kind == Kind::OpenDocument && local == "note" {
            self.note_depth = self.note_depth.saturating_sub(1);
            if self.note_depth == 0 {
                let note = tidy_space(&std::mem::take(&mut self.note));
                self.out.notes.push((self.note_page, note));
            }
        } else if self.kind == Kind::Word && local == "t" {
            self.in_text = false;
        } else if self.kind == Kind::Word && local == "sectPr" {
            self.in_section = false;
        } else if self.kind == Kind::Word && matches!(local, "footnote" | "endnote") {
            if let Some(id) = self.word_note.take() {
                let text = tidy_space(&std::mem::take(&mut self.word_note_text));
                self.out.word_notes.push((id, text));
            }
            self.skip_depth = 0;
        } else if self.kind == Kind::OpenDocument && local == "note-citation" {
            self.note.push(' ');
        } else if self.is_paragraph(local) {
            if self.note_depth > 0 {
                self.note.push(' ');
            } else if self.skip_depth == 0 {
                if std::mem::take(&mut self.section_break) {
                    self.page_break();
                    self.fresh_break = true;
                }
                let paragraph = tidy_space(&std::mem::take(&mut self.current));
                if self.word_note.is_some() {
                    self.word_note_text.push_str(&paragraph);
                    self.word_note_text.push(' ');
                } else {
                    self.out.paragraphs.push(paragraph);
                }
            } else {
                self.current.clear();
            }
        }
    }

    fn text(&mut self, text: &str) {
        let wanted = self.skip_depth == 0 && (self.kind == Kind::OpenDocument || self.in_text);
        if wanted {
            if !text.trim().is_empty() {
                self.fresh_break = false;
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    /// A Word body: `w:document` around `paras` (each already `<w:p>…</w:p>`).
    fn word(paras: &str) -> String {
        format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paras}</w:body></w:document>"#
        )
    }

    fn run(text: &str) -> String {
        format!("<w:r><w:t>{text}</w:t></w:r>")
    }

    /// The article a Word body makes (pages marked as `read_office` marks them).
    fn article(xml: &str) -> Article {
        let body = paragraphs(xml, Kind::Word).expect("well-formed");
        Article::from_marked(&assemble(&body.paragraphs, &[], true))
    }

    fn page_of(a: &Article, words: &str) -> Option<u32> {
        a.page_at(a.text.find(words)?)
    }

    #[test]
    fn word_page_breaks_fall_where_they_are_and_count_once() {
        // A hard break inside a paragraph, then the break Word records at the same place.
        let xml = word(&format!(
            "<w:p>{}<w:r><w:br w:type=\"page\"/></w:r><w:r><w:lastRenderedPageBreak/><w:t>ends on page two.</w:t></w:r></w:p><w:p>{}</w:p>",
            run("Starts on page one and "),
            run("Still page two."),
        ));
        let a = article(&xml);
        assert_eq!(page_of(&a, "Starts"), Some(1));
        assert_eq!(page_of(&a, "ends on page two"), Some(2));
        assert_eq!(
            page_of(&a, "Still page two"),
            Some(2),
            "counted once, not twice"
        );
        // Word's own layout break alone moves on a page; so does a section break.
        let xml = word(&format!(
            "<w:p>{}</w:p><w:p><w:r><w:lastRenderedPageBreak/><w:t>Two.</w:t></w:r></w:p><w:p><w:pPr><w:sectPr><w:type w:val=\"nextPage\"/></w:sectPr></w:pPr>{}</w:p><w:p>{}</w:p><w:p><w:pPr><w:sectPr><w:type w:val=\"continuous\"/></w:sectPr></w:pPr>{}</w:p><w:p>{}</w:p>",
            run("One."),
            run("Section end."),
            run("Three."),
            run("Continuous end."),
            run("Still three."),
        ));
        let a = article(&xml);
        assert_eq!(page_of(&a, "One."), Some(1));
        assert_eq!(page_of(&a, "Two."), Some(2));
        assert_eq!(
            page_of(&a, "Section end."),
            Some(2),
            "the section's last paragraph"
        );
        assert_eq!(page_of(&a, "Three."), Some(3));
        assert_eq!(page_of(&a, "Still three."), Some(3), "a continuous section");
    }

    #[test]
    fn word_footnotes_take_their_number_and_the_page_of_their_reference() {
        let xml = word(&format!(
            "<w:p>{}</w:p><w:p><w:r><w:br w:type=\"page\"/></w:r></w:p><w:p>{}<w:r><w:footnoteReference w:id=\"7\"/></w:r></w:p>",
            run("One."),
            run("Two, with a note."),
        ));
        let body = paragraphs(&xml, Kind::Word).expect("well-formed");
        assert_eq!(body.references, [("7".to_owned(), 2)]);
        let notes = r#"<w:footnotes xmlns:w="x"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>----</w:t></w:r></w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:t>The source.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let read = paragraphs(notes, Kind::Word).expect("well-formed");
        assert_eq!(
            read.word_notes.last(),
            Some(&("7".to_owned(), "The source.".to_owned()))
        );
        assert!(
            read.word_notes.iter().all(|(_, t)| !t.contains("----")),
            "no separator"
        );
    }
}
