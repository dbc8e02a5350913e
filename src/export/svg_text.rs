//! Text in the SVG: which font draws each run, and lines laid out run by run where one
//! `<text>` would not do (mixed fonts, right-to-left words).

use std::fmt::Write as _;

use egui::Pos2;

use super::Decoration;
use super::figure::Figure;
use crate::fonts::{BUNDLED_FALLBACKS, LABEL_FAMILY};

/// The characters of an SVG document's text (markup is ASCII, so the non-ASCII characters are
/// the text's; ASCII is always covered by the label font).
pub(super) fn text_chars(svg: &str) -> std::collections::BTreeSet<char> {
    svg.chars().filter(|c| !c.is_ascii()).collect()
}

/// Which family draws each character of the figure's text that the label font lacks (a
/// bundled fallback or an installed font). Runs of such characters are written as `<tspan font-family="…">`: a reader then
/// shapes them with that font from the start (resvg's own fallback gives up on text whose
/// shaping changes the glyph count, as Devanagari conjuncts do), and the SVG names the font.
pub(super) struct Runs(std::collections::BTreeMap<char, String>);

impl Runs {
    pub(super) fn of(fig: &Figure) -> (Self, Vec<String>) {
        let mut texts: Vec<&str> = Vec::new();
        texts.extend(fig.scene.nodes.iter().map(|n| n.label.text.as_str()));
        texts.extend(fig.scene.edge_labels.iter().map(|l| l.text.as_str()));
        texts.extend(fig.decorations.iter().filter_map(|d| match d {
            Decoration::Text { text, .. } => Some(text.as_str()),
            _ => None,
        }));
        let chars = crate::fonts::chars_of(texts);
        let (fallbacks, _) = crate::fonts::fallbacks_for(&chars);
        let mut map = std::collections::BTreeMap::new();
        // Bundled fallbacks are named too, so resvg never falls back (and never warns).
        for &c in &chars {
            if let Some(family) = crate::fonts::bundled_family_of(c) {
                map.insert(c, family.to_owned());
            }
        }
        let mut families = Vec::new();
        for f in fallbacks {
            for &c in &f.chars {
                map.insert(c, f.family.clone());
            }
            if !families.contains(&f.family) {
                families.push(f.family);
            }
        }
        (Self(map), families)
    }

    /// `text` cut into runs: plain (bundled fonts) or drawn by one installed family.
    fn pieces<'t>(&'t self, text: &'t str) -> Vec<(Option<&'t String>, &'t str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut current: Option<&String> = None;
        for (i, c) in text.char_indices() {
            // A space between two words of one run stays in it, so a two-word name is one
            // run (a space at a run's end goes to the label font: subsets may lack it).
            let next = text[i..].chars().find(|&n| n != ' ');
            let family =
                if c == ' ' && current.is_some() && next.and_then(|n| self.0.get(&n)) == current {
                    current
                } else {
                    self.0.get(&c)
                };
            if family != current && i > start {
                out.push((current, &text[start..i]));
                start = i;
            }
            current = family;
        }
        if start < text.len() {
            out.push((current, &text[start..]));
        }
        out
    }

    /// One line of text at `at` (`anchor`: start or middle) with `attrs` (class, fill). A line
    /// drawn by one font is one `<text>` (with `font-family` when an installed font draws
    /// it); a line mixing fonts is one `<text>` per run, side by side, measured in the fonts
    /// that draw them: resvg shapes a whole `<text>` with every span's font and loses
    /// scripts whose shaping changes the glyph count (Devanagari, Thai) when they share one.
    pub(super) fn line(
        &self,
        s: &mut String,
        text: &str,
        at: Pos2,
        size: f32,
        anchor: &str,
        attrs: &str,
    ) {
        // Right-to-left words are placed one by one in display order (the bidi algorithm
        // applied here): resvg keeps the words of a right-to-left run in memory order, and a
        // reader then sees the same thing whether or not it reorders.
        let rtl = crate::fonts::has_rtl(text);
        let shown = crate::fonts::visual_order(text);
        let mut pieces = self.pieces(&shown);
        if rtl {
            pieces = pieces
                .into_iter()
                .flat_map(|(family, piece)| {
                    split_words(piece).into_iter().map(move |w| (family, w))
                })
                .collect();
        }
        let family_attr = |f: Option<&String>| {
            f.map_or(String::new(), |f| {
                format!(r#" font-family="{}""#, escape_xml(f))
            })
        };
        if pieces.len() <= 1 {
            let family = pieces.first().and_then(|(f, _)| *f);
            let _ = writeln!(
                s,
                r#"<text x="{:.2}" y="{:.2}" font-size="{size:.2}" text-anchor="{anchor}" {attrs}{}>{}</text>"#,
                at.x,
                at.y,
                family_attr(family),
                escape_xml(text)
            );
            return;
        }
        let widths: Vec<f32> = pieces
            .iter()
            .map(|(family, t)| {
                family
                    .and_then(|f| crate::fonts::shaped_width(f, t))
                    .map_or_else(|| crate::fonts::text_width(t, size), |em| em * size)
            })
            .collect();
        let total: f32 = widths.iter().sum();
        let mut x = if anchor == "middle" {
            at.x - total / 2.0
        } else {
            at.x
        };
        for ((family, piece), w) in pieces.iter().zip(widths) {
            if piece.trim().is_empty() {
                x += w;
                continue;
            }
            let _ = writeln!(
                s,
                r#"<text x="{x:.2}" y="{:.2}" font-size="{size:.2}" text-anchor="start" xml:space="preserve" {attrs}{}>{}</text>"#,
                at.y,
                family_attr(*family),
                escape_xml(piece)
            );
            x += w;
        }
    }
}

/// `text` cut into words and the runs of spaces between them.
fn split_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let is_space = c == ' ';
        if space.is_some_and(|s| s != is_space) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(is_space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The `font-family` list: the embedded fonts, then the installed `extra` families (so a reader
/// with the same fonts draws every label), then the generic family.
pub(super) fn font_family(extra: &[String]) -> String {
    let mut families = vec![LABEL_FAMILY.to_owned()];
    families.extend(BUNDLED_FALLBACKS.iter().map(|(_, _, f)| (*f).to_owned()));
    families.extend(extra.iter().cloned());
    families.push("sans-serif".to_owned());
    families.join(", ")
}

/// Escapes text for XML content and attribute values; characters XML 1.0 forbids become U+FFFD.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
