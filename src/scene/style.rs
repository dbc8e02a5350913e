//! Colours and sizes for the map, in a light (print) and a dark theme.

use egui::Color32;
use serde::{Deserialize, Serialize};

use crate::model::Dimension;

/// Light or dark colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Theme {
    /// White background, print-friendly.
    #[default]
    Light,
    /// Dark background for dim rooms.
    Dark,
}

/// Everything the scene builder needs to colour and size shapes.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// Which theme these colours belong to.
    pub theme: Theme,
    /// Canvas background.
    pub background: Color32,
    /// Label text.
    pub text: Color32,
    /// Secondary text (legend notes, source line).
    pub muted_text: Color32,
    /// Fill of state nodes.
    pub state_fill: Color32,
    /// Fill of organisation nodes.
    pub organization_fill: Color32,
    /// Fill of other nodes.
    pub other_fill: Color32,
    /// Node outline.
    pub node_stroke: Color32,
    /// Selection ring and hover outline.
    pub highlight: Color32,
    /// Relations with no passages (imported edge lists).
    pub no_evidence: Color32,
    /// Pin mark on dragged nodes.
    pub pin: Color32,
    /// The highlighter band under a line a comparison marks as new.
    pub new_band: Color32,
    /// Label font size in world units.
    pub label_size: f32,
    /// Sizes shared by both themes.
    pub metrics: Metrics,
}

/// Sizes of shapes in world units; one place so the screen and exports agree.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Distance between neighbouring parallel arcs at their apex.
    pub arc_spacing: f32,
    /// Segments used to flatten curved edges.
    pub curve_segments: usize,
    /// Gap between a node and its label.
    pub label_gap: f32,
    /// Horizontal padding of a label plate (both sides together).
    pub label_padding: f32,
    /// Plate height as a multiple of the label font size.
    pub label_line_height: f32,
    /// Opacity of the plate behind labels.
    pub label_plate_opacity: f32,
    /// Node outline width.
    pub node_stroke: f32,
    /// Node outline width when selected or highlighted.
    pub node_stroke_highlighted: f32,
    /// Width of a relation with no passages before its weight is added.
    pub edge_base_width_unevidenced: f32,
    /// Width of a relation with passages before their number is added.
    pub edge_base_width: f32,
    /// Width added per square root of the number of passages.
    pub edge_width_per_sqrt_passage: f32,
    /// Width added to highlighted relations.
    pub edge_highlight_extra: f32,
    /// Arrow head length: this plus twice the line width.
    pub arrow_base_length: f32,
    /// Radius of the pin mark on a dragged node.
    pub pin_radius: f32,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            arc_spacing: 26.0,
            curve_segments: 24,
            label_gap: 5.0,
            label_padding: 8.0,
            label_line_height: 1.3,
            label_plate_opacity: 0.94,
            node_stroke: 1.6,
            node_stroke_highlighted: 3.0,
            edge_base_width_unevidenced: 1.0,
            edge_base_width: 1.4,
            edge_width_per_sqrt_passage: 1.1,
            edge_highlight_extra: 1.5,
            arrow_base_length: 9.0,
            pin_radius: 5.0,
        }
    }
}

impl Style {
    /// The style for `theme`.
    pub fn for_theme(theme: Theme) -> Self {
        match theme {
            Theme::Light => Self {
                theme,
                background: Color32::WHITE,
                text: Color32::from_rgb(0x1F, 0x25, 0x2E),
                muted_text: Color32::from_rgb(0x5A, 0x63, 0x70),
                state_fill: Color32::from_rgb(0xE4, 0xEA, 0xF2),
                organization_fill: Color32::from_rgb(0xF3, 0xEC, 0xDC),
                other_fill: Color32::from_rgb(0xEC, 0xEC, 0xEC),
                node_stroke: Color32::from_rgb(0x3A, 0x45, 0x55),
                highlight: Color32::from_rgb(0x11, 0x11, 0x11),
                no_evidence: Color32::from_rgb(0x9A, 0x9A, 0x9A),
                pin: Color32::from_rgb(0xC0, 0x1C, 0x28),
                new_band: Color32::from_rgba_unmultiplied(0xFF, 0xC8, 0x00, 120),
                label_size: 16.0,
                metrics: Metrics::default(),
            },
            Theme::Dark => Self {
                theme,
                background: Color32::from_rgb(0x1B, 0x1E, 0x24),
                text: Color32::from_rgb(0xE8, 0xEA, 0xED),
                muted_text: Color32::from_rgb(0xA0, 0xA6, 0xB0),
                state_fill: Color32::from_rgb(0x34, 0x3C, 0x4A),
                organization_fill: Color32::from_rgb(0x4A, 0x42, 0x33),
                other_fill: Color32::from_rgb(0x3A, 0x3A, 0x3A),
                node_stroke: Color32::from_rgb(0xB8, 0xC2, 0xD0),
                highlight: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                no_evidence: Color32::from_rgb(0x80, 0x80, 0x80),
                pin: Color32::from_rgb(0xFF, 0x6B, 0x6B),
                new_band: Color32::from_rgba_unmultiplied(0xFF, 0xC8, 0x00, 80),
                label_size: 16.0,
                metrics: Metrics::default(),
            },
        }
    }

    /// The colour of a dimension (Okabe–Ito palette, distinguishable with colour-blindness).
    pub fn dimension_color(&self, dimension: &Dimension) -> Color32 {
        let light = self.theme == Theme::Light;
        match dimension {
            Dimension::Security => rgb(light, 0xD5_5E_00, 0xFF_8A_3D),
            Dimension::Economy => rgb(light, 0x00_72_B2, 0x56_B4_E9),
            Dimension::Energy => rgb(light, 0xC7_8A_00, 0xF0_C0_40),
            Dimension::Diplomacy => rgb(light, 0x00_9E_73, 0x3C_D0_A0),
            Dimension::Society => rgb(light, 0xB0_5C_98, 0xE0_96_C8),
            Dimension::Other(_) => rgb(light, 0x6E_6E_6E, 0xA8_A8_A8),
        }
    }

    /// `color` faded toward the background, for everything outside the selection.
    pub fn dim(&self, color: Color32) -> Color32 {
        lerp(color, self.background, 0.78)
    }

    /// Text of a dimmed shape: faded toward the background, but never below
    /// [`MIN_TEXT_CONTRAST`] against it (WCAG AA), so every actor name stays readable on a
    /// projector while the selection stands out.
    pub fn dim_text(&self, color: Color32) -> Color32 {
        // The largest fade that keeps the contrast, found by bisection (contrast falls
        // monotonically as the colour approaches the background).
        let (mut lo, mut hi) = (0.0_f32, 0.78_f32);
        if contrast_ratio(lerp(color, self.background, hi), self.background) >= MIN_TEXT_CONTRAST {
            return lerp(color, self.background, hi);
        }
        for _ in 0..20 {
            let mid = 0.5 * (lo + hi);
            if contrast_ratio(lerp(color, self.background, mid), self.background)
                >= MIN_TEXT_CONTRAST
            {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lerp(color, self.background, lo)
    }
}

/// The least contrast any actor name keeps against the background (WCAG 2 AA, normal text).
pub const MIN_TEXT_CONTRAST: f32 = 4.5;

/// WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    let luminance = |c: Color32| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn rgb(light: bool, on_light: u32, on_dark: u32) -> Color32 {
    let c = if light { on_light } else { on_dark };
    Color32::from_rgb((c >> 16) as u8, (c >> 8) as u8, c as u8)
}

/// Linear blend of two opaque colours (`t` = 0 gives `a`).
pub fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgba_unmultiplied(
        mix(a.r(), b.r()),
        mix(a.g(), b.g()),
        mix(a.b(), b.b()),
        mix(a.a(), b.a()),
    )
}
