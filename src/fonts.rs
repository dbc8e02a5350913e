//! The fonts relmap draws labels with, embedded so screen, SVG and PNG look alike on any machine.

use std::sync::OnceLock;

/// egui's default proportional font (Ubuntu Light): map labels use it on screen and in exports.
pub const LABEL_FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
/// Family name of [`LABEL_FONT`] as SVG readers see it.
pub const LABEL_FAMILY: &str = "Ubuntu";
/// CJK glyphs egui's fonts lack (subset of Droid Sans Fallback; see `tools/subset_cjk_font.py`).
pub const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/DroidSansFallback-subset.ttf");
/// Family name of [`CJK_FONT`].
pub const CJK_FAMILY: &str = "Droid Sans Fallback";
/// Arrows and UI symbols (→, ↶, ☀, ▸) that the other fonts lack (subset of DejaVu Sans).
pub const SYMBOL_FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-symbols.ttf");
/// Family name of [`SYMBOL_FONT`].
pub const SYMBOL_FAMILY: &str = "DejaVu Sans";

/// Registers the CJK and symbol fonts as fallbacks behind egui's defaults, so every name
/// and arrow renders.
pub fn install(ctx: &egui::Context) {
    let mut defs = egui::FontDefinitions::default();
    for (name, bytes) in [("cjk", CJK_FONT), ("symbols", SYMBOL_FONT)] {
        defs.font_data.insert(
            name.to_owned(),
            std::sync::Arc::new(egui::FontData::from_static(bytes)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            defs.families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    ctx.set_fonts(defs);
}

struct Faces {
    label: Option<ttf_parser::Face<'static>>,
    cjk: Option<ttf_parser::Face<'static>>,
    symbols: Option<ttf_parser::Face<'static>>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        label: ttf_parser::Face::parse(LABEL_FONT, 0).ok(),
        cjk: ttf_parser::Face::parse(CJK_FONT, 0).ok(),
        symbols: ttf_parser::Face::parse(SYMBOL_FONT, 0).ok(),
    })
}

/// Width of `text` set in the label font at `size` (same units as `size`), falling back to
/// the CJK font per character as the painters do. Used to size label backgrounds and bounds.
pub fn text_width(text: &str, size: f32) -> f32 {
    let faces = faces();
    let advance = |face: &ttf_parser::Face<'_>, c: char| {
        face.glyph_index(c).map(|g| {
            f32::from(face.glyph_hor_advance(g).unwrap_or(0)) / f32::from(face.units_per_em())
        })
    };
    text.chars()
        .map(|c| {
            faces
                .label
                .as_ref()
                .and_then(|f| advance(f, c))
                .or_else(|| faces.cjk.as_ref().and_then(|f| advance(f, c)))
                .or_else(|| faces.symbols.as_ref().and_then(|f| advance(f, c)))
                .unwrap_or(0.6)
        })
        .sum::<f32>()
        * size
}

/// Distance from the top of a line of label text to its baseline, at `size`.
pub fn ascent(size: f32) -> f32 {
    faces().label.as_ref().map_or(0.8 * size, |f| {
        f32::from(f.ascender()) / f32::from(f.units_per_em()) * size
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_latin_and_cjk() {
        let china = text_width("China", 10.0);
        assert!(china > 15.0 && china < 40.0, "{china}");
        let zh = text_width("中国", 10.0);
        assert!(
            (zh - 20.0).abs() < 2.0,
            "CJK glyphs are about one em wide: {zh}"
        );
    }
}
