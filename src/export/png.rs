//! Rasterising the SVG with resvg: the embedded fonts first, so PNGs of text they cover match
//! on every machine, then only those installed fonts the SVG's text needs.

use std::sync::{Arc, OnceLock};

use super::ExportError;
use crate::fonts::{BUNDLED_FALLBACKS, LABEL_FAMILY, LABEL_FONT};

/// The embedded fonts, loaded once.
fn bundled_db() -> &'static resvg::usvg::fontdb::Database {
    static DB: OnceLock<resvg::usvg::fontdb::Database> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(LABEL_FONT.to_vec());
        for (_, bytes, _) in BUNDLED_FALLBACKS {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family(LABEL_FAMILY);
        db
    })
}

/// The fonts for `svg`: the embedded ones, plus installed faces for characters they lack.
fn fontdb(svg: &str) -> Arc<resvg::usvg::fontdb::Database> {
    let chars = super::svg_text::text_chars(svg);
    let (fallbacks, _) = crate::fonts::fallbacks_for(&chars);
    let mut db = bundled_db().clone();
    for f in fallbacks {
        db.load_font_source(resvg::usvg::fontdb::Source::Binary(f.data));
    }
    Arc::new(db)
}

/// How `svg` is read: its text in the bundled fonts (and installed ones it needs). A PNG
/// and a PDF page of one figure are drawn from the same reading.
pub(super) fn usvg_options(svg: &str) -> resvg::usvg::Options<'static> {
    resvg::usvg::Options {
        font_family: LABEL_FAMILY.to_owned(),
        fontdb: fontdb(svg),
        ..Default::default()
    }
}

/// Renders `svg` at `scale` (1–3) to PNG bytes; returns them with the pixel width and height.
pub fn svg_to_png(svg: &str, scale: u8) -> Result<(Vec<u8>, u32, u32), ExportError> {
    let scale = f32::from(scale.clamp(1, 3));
    let options = usvg_options(svg);
    let tree = resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    let size = tree.size().to_int_size();
    let (w, h) = (
        (size.width() as f32 * scale).round() as u32,
        (size.height() as f32 * scale).round() as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Render(format!("cannot allocate a {w}×{h} image")))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(e.to_string()))?;
    Ok((bytes, w, h))
}

/// Renders `svg` at `scale` to an egui image (for the clipboard).
pub fn svg_to_rgba(svg: &str, scale: u8) -> Result<egui::ColorImage, ExportError> {
    let (png, _, _) = svg_to_png(svg, scale)?;
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    let size = [pixmap.width() as usize, pixmap.height() as usize];
    // tiny-skia and egui both store premultiplied RGBA.
    Ok(egui::ColorImage::from_rgba_premultiplied(
        size,
        pixmap.data(),
    ))
}

/// Saves a window screenshot as PNG, atomically.
pub fn save_color_image(
    image: &egui::ColorImage,
    path: &std::path::Path,
) -> Result<(), ExportError> {
    let [w, h] = image.size;
    let data: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let size = resvg::tiny_skia::IntSize::from_wh(w as u32, h as u32)
        .ok_or_else(|| ExportError::Render("empty screenshot".to_owned()))?;
    let pixmap = resvg::tiny_skia::Pixmap::from_vec(data, size)
        .ok_or_else(|| ExportError::Render("bad screenshot size".to_owned()))?;
    let bytes = pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(e.to_string()))?;
    crate::atomic::write_atomic(path, &bytes).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })
}
