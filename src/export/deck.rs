//! A storyboard as a deck: one page per step, as PDF (the figure's SVG converted by typst's
//! `svg2pdf`, its text real and its fonts embedded, so a reader can select and search it)
//! or as one PNG per step.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::{ExportError, Figure, figure_svg};
use crate::atomic::write_atomic;

/// PDF points per figure pixel: a figure is laid out at 96 pixels to the inch, so a 960×540
/// slide is a 10 × 5.625 inch page.
const POINTS_PER_PIXEL: f32 = 0.75;

/// How a deck is written, from the name given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeckTarget {
    /// One PDF, a page per step.
    Pdf(PathBuf),
    /// One PNG per step, named by a pattern holding `%d` or `%02d` (the step number from 1).
    PngPattern(String),
    /// One PNG per step in this folder (`step-01.png`, …).
    Folder(PathBuf),
}

impl DeckTarget {
    /// What `path` asks for: `*.pdf`, a `*.png` pattern with `%d`/`%0Nd`, or a folder (one
    /// that exists, or a name ending in a path separator). A `*.png` without a number in it is
    /// refused: every step would overwrite the one before.
    pub fn from_path(path: &Path) -> Result<Self, String> {
        let text = path.to_string_lossy().into_owned();
        let lower = text.to_ascii_lowercase();
        if lower.ends_with(".pdf") {
            return Ok(Self::Pdf(path.to_path_buf()));
        }
        if lower.ends_with(".png") {
            if number_in(&text).is_some() {
                return Ok(Self::PngPattern(text));
            }
            return Err(format!(
                "{text}: a storyboard has a page per step; name the PNGs with a number in them \
                 (e.g. deck-%02d.png), or give a folder, or name a .pdf"
            ));
        }
        if path.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
            return Ok(Self::Folder(path.to_path_buf()));
        }
        Err(format!(
            "{text}: name the storyboard *.pdf (one page per step), *-%02d.png (one PNG per \
             step) or an existing folder"
        ))
    }

    /// The file step `n` (from 0) is written to, for the PNG targets.
    fn png_path(&self, n: usize) -> Option<PathBuf> {
        match self {
            Self::Pdf(_) => None,
            Self::PngPattern(pattern) => {
                let (start, end, width) = number_in(pattern)?;
                Some(PathBuf::from(format!(
                    "{}{:0width$}{}",
                    &pattern[..start],
                    n + 1,
                    &pattern[end..]
                )))
            }
            Self::Folder(dir) => Some(dir.join(format!("step-{:02}.png", n + 1))),
        }
    }
}

/// Where a `%d` or `%0Nd` is in `pattern`: its byte range and the digits it pads to.
fn number_in(pattern: &str) -> Option<(usize, usize, usize)> {
    let start = pattern.find('%')?;
    let rest = &pattern[start + 1..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if !rest[digits.len()..].starts_with('d') {
        return None;
    }
    let width = digits.parse::<usize>().unwrap_or(0).min(9);
    Some((start, start + 1 + digits.len() + 1, width))
}

/// Writes `figures` (one per step, in order) as `target` says, atomically per file; returns
/// the files written. A PDF is written whole or not at all.
pub fn write_deck(
    target: &DeckTarget,
    figures: &[Figure],
    title: &str,
    scale: u8,
) -> Result<Vec<PathBuf>, ExportError> {
    let write = |path: &Path, bytes: &[u8]| {
        write_atomic(path, bytes).map_err(|source| ExportError::Write {
            path: path.to_path_buf(),
            source,
        })
    };
    if let DeckTarget::Pdf(path) = target {
        write(path, &deck_pdf(figures, title)?)?;
        return Ok(vec![path.clone()]);
    }
    if let DeckTarget::Folder(dir) = target {
        std::fs::create_dir_all(dir).map_err(|source| ExportError::Write {
            path: dir.clone(),
            source,
        })?;
    }
    let mut written = Vec::with_capacity(figures.len());
    for (n, figure) in figures.iter().enumerate() {
        let Some(path) = target.png_path(n) else {
            continue;
        };
        let (bytes, _, _) = super::svg_to_png(&figure_svg(figure), scale)?;
        write(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// The deck as one PDF: a page per figure, each the figure's size (0.75 pt per pixel), its
/// text embedded as text in the bundled fonts (and installed ones for other scripts).
pub fn deck_pdf(figures: &[Figure], title: &str) -> Result<Vec<u8>, ExportError> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_id = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut pages = Vec::with_capacity(figures.len());
    for figure in figures {
        let svg = figure_svg(figure);
        let options = super::png::usvg_options(&svg);
        let tree = resvg::usvg::Tree::from_str(&svg, &options)
            .map_err(|e| ExportError::Render(e.to_string()))?;
        let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| ExportError::Render(format!("PDF: {e}")))?;
        let mut renumbered: HashMap<Ref, Ref> = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let root = renumbered.get(&root).copied().ok_or_else(|| {
            ExportError::Render("PDF: the page's drawing went missing".to_owned())
        })?;
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        let (w, h) = (
            figure.width as f32 * POINTS_PER_PIXEL,
            figure.height as f32 * POINTS_PER_PIXEL,
        );
        let name = Name(b"F");
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(tree_id);
        page.contents(content_id);
        page.resources().x_objects().pair(name, root);
        page.finish();
        let mut content = Content::new();
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(name);
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
        pages.push(page_id);
    }
    pdf.catalog(catalog).pages(tree_id);
    let count = i32::try_from(pages.len()).unwrap_or(i32::MAX);
    pdf.pages(tree_id).kids(pages).count(count);
    // No creation date: the same storyboard gives the same bytes.
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("relmap"));
    canonical(&pdf.finish())
}

/// `pdf` rewritten in one canonical form: every dictionary's keys sorted, objects numbered in
/// the order a walk from the trailer first meets them. svg2pdf writes fonts and resource
/// dictionaries in hash-map order, which differs run to run; this makes the bytes depend on
/// the content only.
fn canonical(pdf: &[u8]) -> Result<Vec<u8>, ExportError> {
    use lopdf::{Dictionary, Object, ObjectId};
    let fail = |e: lopdf::Error| ExportError::Render(format!("PDF: {e}"));
    let mut doc = lopdf::Document::load_mem(pdf).map_err(fail)?;
    fn sort_dict(d: &mut Dictionary) {
        let mut entries: Vec<(Vec<u8>, Object)> = std::mem::take(d).into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        *d = entries.into_iter().collect();
    }
    /// Sorts the dictionaries in `object` and below, without recursion.
    fn sort_all(object: &mut Object) {
        let mut stack: Vec<&mut Object> = vec![object];
        while let Some(o) = stack.pop() {
            match o {
                Object::Dictionary(d) => {
                    sort_dict(d);
                    stack.extend(d.iter_mut().map(|(_, v)| v));
                }
                Object::Stream(s) => {
                    sort_dict(&mut s.dict);
                    stack.extend(s.dict.iter_mut().map(|(_, v)| v));
                }
                Object::Array(items) => stack.extend(items.iter_mut()),
                _ => {}
            }
        }
    }
    /// The references in `object`, in the order they are written.
    fn references(object: &Object, out: &mut Vec<ObjectId>) {
        let mut stack: Vec<&Object> = vec![object];
        while let Some(o) = stack.pop() {
            match o {
                Object::Reference(id) => out.push(*id),
                Object::Dictionary(d) => stack.extend(d.iter().map(|(_, v)| v).rev()),
                Object::Stream(s) => stack.extend(s.dict.iter().map(|(_, v)| v).rev()),
                Object::Array(items) => stack.extend(items.iter().rev()),
                _ => {}
            }
        }
    }
    for object in doc.objects.values_mut() {
        sort_all(object);
    }
    sort_dict(&mut doc.trailer);
    // Number objects in the order a walk from the trailer meets them.
    let mut order: Vec<ObjectId> = Vec::new();
    let mut new_id: std::collections::BTreeMap<ObjectId, ObjectId> =
        std::collections::BTreeMap::new();
    let mut pending = Vec::new();
    references(&Object::Dictionary(doc.trailer.clone()), &mut pending);
    pending.reverse();
    while let Some(id) = pending.pop() {
        if new_id.contains_key(&id) || !doc.objects.contains_key(&id) {
            continue;
        }
        let next = (u32::try_from(order.len() + 1).unwrap_or(u32::MAX), 0);
        new_id.insert(id, next);
        order.push(id);
        let mut inner = Vec::new();
        if let Some(object) = doc.objects.get(&id) {
            references(object, &mut inner);
        }
        pending.extend(inner.into_iter().rev());
    }
    let renumber = |object: &mut Object| {
        let mut stack: Vec<&mut Object> = vec![object];
        while let Some(o) = stack.pop() {
            match o {
                Object::Reference(id) => {
                    if let Some(n) = new_id.get(id) {
                        *id = *n;
                    }
                }
                Object::Dictionary(d) => stack.extend(d.iter_mut().map(|(_, v)| v)),
                Object::Stream(s) => stack.extend(s.dict.iter_mut().map(|(_, v)| v)),
                Object::Array(items) => stack.extend(items.iter_mut()),
                _ => {}
            }
        }
    };
    let mut objects = std::collections::BTreeMap::new();
    for id in &order {
        if let (Some(mut object), Some(n)) = (doc.objects.remove(id), new_id.get(id)) {
            renumber(&mut object);
            objects.insert(*n, object);
        }
    }
    let mut trailer = Object::Dictionary(std::mem::take(&mut doc.trailer));
    renumber(&mut trailer);
    if let Object::Dictionary(t) = trailer {
        doc.trailer = t;
    }
    doc.objects = objects;
    doc.max_id = u32::try_from(order.len()).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| ExportError::Render(format!("PDF: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_pdf_numbered_pngs_or_a_folder() {
        assert_eq!(
            DeckTarget::from_path(Path::new("deck.PDF")),
            Ok(DeckTarget::Pdf("deck.PDF".into()))
        );
        let t = DeckTarget::from_path(Path::new("out/deck-%02d.png")).expect("pattern");
        assert_eq!(t.png_path(0), Some(PathBuf::from("out/deck-01.png")));
        assert_eq!(t.png_path(11), Some(PathBuf::from("out/deck-12.png")));
        let t = DeckTarget::from_path(Path::new("s%d.png")).expect("pattern");
        assert_eq!(t.png_path(2), Some(PathBuf::from("s3.png")));
        assert!(DeckTarget::from_path(Path::new("deck.png")).is_err());
        assert!(DeckTarget::from_path(Path::new("deck.svg")).is_err());
        let dir = std::env::temp_dir();
        assert_eq!(
            DeckTarget::from_path(&dir).expect("folder").png_path(0),
            Some(dir.join("step-01.png"))
        );
    }
}
