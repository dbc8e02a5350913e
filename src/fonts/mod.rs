//! The fonts relmap draws labels with, embedded so screen, SVG and PNG look alike on any
//! machine, with the system's installed fonts behind them for scripts they lack
//! ([`system`]), and right-to-left text put in display order for egui ([`bidi`]).

mod bidi;
mod system;

use std::collections::BTreeSet;
use std::sync::OnceLock;

pub use bidi::{has_rtl, visual_order};
pub use system::{
    Fallback, MissingScript, Platform, chars_of, fallbacks_for, missing_scripts, shaped_width,
};

/// egui's default proportional font (Ubuntu Light): map labels use it on screen and in exports.
pub static LABEL_FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
/// Family name of [`LABEL_FONT`] as SVG readers see it.
pub const LABEL_FAMILY: &str = "Ubuntu";
/// CJK glyphs egui's fonts lack: Droid Sans Fallback, whole (simplified and traditional Han,
/// kana, Hangul; Debian's fonts-droid-fallback, Apache-2.0).
pub static CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");
/// Family name of [`CJK_FONT`].
pub const CJK_FAMILY: &str = "Droid Sans Fallback";
/// Hangul, which Droid Sans Fallback lacks: Noto Sans CJK KR cut to the Hangul blocks
/// (`tools/subset_fonts.py`; fonts-noto-cjk, OFL-1.1).
pub static HANGUL_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKkr-hangul.otf");
/// Family name of [`HANGUL_FONT`].
pub const HANGUL_FAMILY: &str = "Noto Sans CJK KR";
/// The bundled fonts behind the label font, in fallback order, with their family names.
pub static BUNDLED_FALLBACKS: [(&str, &[u8], &str); 3] = [
    ("cjk", CJK_FONT, CJK_FAMILY),
    ("hangul", HANGUL_FONT, HANGUL_FAMILY),
    ("symbols", SYMBOL_FONT, SYMBOL_FAMILY),
];
/// Arrows and UI symbols (→, ↶, ☀, ▸) that the other fonts lack (subset of DejaVu Sans).
pub static SYMBOL_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-symbols.ttf");
/// Family name of [`SYMBOL_FONT`].
pub const SYMBOL_FAMILY: &str = "DejaVu Sans";

/// Registers the CJK and symbol fonts as fallbacks behind egui's defaults, so every name
/// and arrow renders.
pub fn install(ctx: &egui::Context) {
    let mut defs = egui::FontDefinitions::default();
    for (name, bytes, _) in BUNDLED_FALLBACKS {
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

/// Adds the installed fonts that cover `chars` the bundled fonts lack (after them, so they
/// draw only what the bundled fonts cannot) and returns the scripts no font has.
pub fn install_for(ctx: &egui::Context, chars: &BTreeSet<char>) -> Vec<MissingScript> {
    let (fallbacks, missing) = fallbacks_for(chars);
    for f in fallbacks {
        let name = format!("system:{}#{}", f.family, f.index);
        let mut data = egui::FontData::from_owned(f.data.as_ref().clone());
        data.index = f.index;
        log::info!(
            "using the installed font {:?} for {} characters",
            f.family,
            f.chars.len()
        );
        ctx.add_font(egui::epaint::text::FontInsert::new(
            &name,
            data,
            [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
                .into_iter()
                .map(|family| egui::epaint::text::InsertFontFamily {
                    family,
                    priority: egui::epaint::text::FontPriority::Lowest,
                })
                .collect(),
        ));
    }
    missing_scripts(&missing)
}

/// The bundled fallback family that draws `c` when the label font cannot (`None` when the
/// label font can, or no bundled font can).
pub fn bundled_family_of(c: char) -> Option<&'static str> {
    let faces = faces();
    let has = |f: &Option<ttf_parser::Face<'static>>| {
        f.as_ref().is_some_and(|f| f.glyph_index(c).is_some())
    };
    if has(&faces.label) {
        None
    } else if has(&faces.cjk) {
        Some(CJK_FAMILY)
    } else if has(&faces.hangul) {
        Some(HANGUL_FAMILY)
    } else if has(&faces.symbols) {
        Some(SYMBOL_FAMILY)
    } else {
        None
    }
}

/// Whether a font bundled for labels (and used by exports) has a glyph for `c`.
pub fn bundled_has(c: char) -> bool {
    let faces = faces();
    [&faces.label, &faces.cjk, &faces.hangul, &faces.symbols]
        .into_iter()
        .flatten()
        .any(|f| f.glyph_index(c).is_some())
}

/// Every character a map may show: title, sources, names, labels, passages, article texts.
pub fn dataset_chars(d: &crate::model::Dataset) -> BTreeSet<char> {
    let mut texts: Vec<&str> = vec![d.title.as_str()];
    for s in &d.sources {
        texts.extend([s.meta.title.as_str(), s.article.text.as_str()]);
        texts.extend(s.meta.author.as_deref());
    }
    for a in &d.actors {
        texts.push(&a.name);
        texts.extend(a.aliases.iter().map(String::as_str));
        texts.extend(a.native_names.iter().map(String::as_str));
    }
    for r in &d.relations {
        texts.push(&r.label);
        for p in &r.passages {
            texts.push(&p.quote);
            texts.extend(p.note.as_deref());
        }
    }
    chars_of(texts)
}

/// The scripts of a map's drawn text (names, labels, title) that no font can draw, for
/// `relmap check` and `relmap export` to warn about.
pub fn missing_in(d: &crate::model::Dataset) -> Vec<MissingScript> {
    let mut texts: Vec<&str> = vec![d.title.as_str()];
    texts.extend(d.actors.iter().map(|a| a.name.as_str()));
    texts.extend(d.relations.iter().map(|r| r.label.as_str()));
    let (_, missing) = fallbacks_for(&chars_of(texts));
    missing_scripts(&missing)
}

struct Faces {
    label: Option<ttf_parser::Face<'static>>,
    cjk: Option<ttf_parser::Face<'static>>,
    hangul: Option<ttf_parser::Face<'static>>,
    symbols: Option<ttf_parser::Face<'static>>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        label: ttf_parser::Face::parse(LABEL_FONT, 0).ok(),
        cjk: ttf_parser::Face::parse(CJK_FONT, 0).ok(),
        hangul: ttf_parser::Face::parse(HANGUL_FONT, 0).ok(),
        symbols: ttf_parser::Face::parse(SYMBOL_FONT, 0).ok(),
    })
}

/// Width of `text` set in the label font at `size` (same units as `size`), falling back per
/// character to the bundled fonts, then to the installed face chosen for it, as the painters do. Used to size label backgrounds and bounds.
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
                .or_else(|| faces.hangul.as_ref().and_then(|f| advance(f, c)))
                .or_else(|| faces.symbols.as_ref().and_then(|f| advance(f, c)))
                .or_else(|| system::fallback_advance(c))
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
