//! Laying out a briefing figure around the map: title, legend, source line, evidence card.

use egui::emath::TSTransform;
use egui::{Color32, Pos2, Rect, Vec2};

use crate::fonts::text_width;
use crate::model::{Dataset, RelationId};
use crate::scene::{Dash, Scene, Style};

const PAD: f32 = 24.0;
const TITLE_SIZE: f32 = 22.0;
const LEGEND_SIZE: f32 = 13.0;
const SOURCE_SIZE: f32 = 12.0;
const CARD_SIZE: f32 = 12.5;
const MIN_WIDTH: f32 = 640.0;
/// Length of a legend line sample: long enough to show a whole dash-dot period.
const LEGEND_SAMPLE: f32 = 44.0;
/// Empty world space kept around the drawing.
const MAP_MARGIN: f32 = 16.0;

/// Options that shape the figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FigureOptions {
    /// Figure size at 1× in pixels; natural size if `None`.
    pub size: Option<(u32, u32)>,
    /// Relation whose passages are printed as numbered footnotes.
    pub evidence_for: Option<RelationId>,
}

/// Horizontal text anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `pos` is the left end of the baseline.
    Start,
    /// `pos` is the middle of the baseline.
    Middle,
}

/// A shape drawn around the map, in figure pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoration {
    /// A line of text; `pos` is on the baseline.
    Text {
        /// The text.
        text: String,
        /// Baseline position.
        pos: Pos2,
        /// Font size.
        size: f32,
        /// Colour.
        color: Color32,
        /// Horizontal anchor.
        anchor: Anchor,
    },
    /// A legend sample line.
    Line {
        /// Start.
        a: Pos2,
        /// End.
        b: Pos2,
        /// Colour.
        color: Color32,
        /// Width.
        width: f32,
        /// Pattern.
        dash: Dash,
    },
}

/// A complete figure: the scene placed by `figure_from_world`, plus decorations.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Width at 1×, whole pixels.
    pub width: u32,
    /// Height at 1×, whole pixels.
    pub height: u32,
    /// The map.
    pub scene: Scene,
    /// Maps world units to figure pixels.
    pub figure_from_world: TSTransform,
    /// Title, legend, source line, evidence card.
    pub decorations: Vec<Decoration>,
    /// Tooltip text of each edge, in `scene.edges` order (SVG `<title>`).
    pub edge_titles: Vec<String>,
}

impl Figure {
    /// Lays out the figure for `scene` (already filtered and styled).
    pub fn new(d: &Dataset, scene: Scene, style: &Style, opts: &FigureOptions) -> Self {
        let world = scene.bounds.expand(MAP_MARGIN);
        let natural_w = (world.width() + 2.0 * PAD).max(MIN_WIDTH);
        let width = opts.size.map_or(natural_w, |(w, _)| w.max(1) as f32);
        let content_w = (width - 2.0 * PAD).max(1.0);

        let mut decorations = Vec::new();
        let mut text = |text: String, x: f32, y: f32, size: f32, color: Color32| {
            decorations.push(Decoration::Text {
                text,
                pos: Pos2::new(x, y),
                size,
                color,
                anchor: Anchor::Start,
            });
        };

        // Title.
        let mut y = PAD + TITLE_SIZE;
        text(d.title.clone(), PAD, y, TITLE_SIZE, style.text);
        y += 12.0;
        let map_top = y;

        // Below-the-map blocks are measured first so a fixed --size can fit the map between.
        let legend_rows = legend_rows(&scene, style, content_w);
        let legend_h = legend_rows.len() as f32 * 20.0;
        let source = format!("Source: {}", d.source.citation());
        let source_lines = wrap(&source, SOURCE_SIZE, content_w);
        let card = opts
            .evidence_for
            .and_then(|r| evidence_card(d, r, content_w));
        let card_h = card.as_ref().map_or(0.0, card_height);
        let footer_h = 12.0 + legend_h + 8.0 + source_lines.len() as f32 * 17.0 + card_h + PAD;

        let natural_zoom = 1.0_f32;
        let (zoom, height) = match opts.size {
            None => {
                let zoom = natural_zoom.min(content_w / world.width().max(1.0));
                (zoom, map_top + world.height() * zoom + footer_h)
            }
            Some((_, h)) => {
                let h = h.max(1) as f32;
                let avail = (h - map_top - footer_h).max(1.0);
                let zoom =
                    (content_w / world.width().max(1.0)).min(avail / world.height().max(1.0));
                (zoom, h)
            }
        };
        let map_w = world.width() * zoom;
        let map_h = world.height() * zoom;
        let map_rect = Rect::from_min_size(
            Pos2::new(PAD + (content_w - map_w) / 2.0, map_top),
            Vec2::new(map_w, map_h),
        );
        let figure_from_world =
            TSTransform::new(map_rect.min.to_vec2() - world.min.to_vec2() * zoom, zoom);

        // Legend rows; `y` is the top of the next block, baselines sit 13–14 px below it.
        let mut y = legend_decorations(
            legend_rows,
            map_rect.bottom() + 12.0,
            style,
            &mut decorations,
        );
        y += 8.0;
        let mut text = |t: String, x: f32, y: f32, size: f32, color: Color32| {
            decorations.push(Decoration::Text {
                text: t,
                pos: Pos2::new(x, y),
                size,
                color,
                anchor: Anchor::Start,
            });
        };
        for line in source_lines {
            text(line, PAD, y + 13.0, SOURCE_SIZE, style.muted_text);
            y += 17.0;
        }
        if let Some((head, passages)) = card {
            y += 10.0;
            for line in head {
                text(line, PAD, y + 15.0, 14.0, style.text);
                y += 19.0;
            }
            for lines in passages {
                for (line, muted) in lines {
                    let color = if muted { style.muted_text } else { style.text };
                    text(line, PAD, y + 13.0, CARD_SIZE, color);
                    y += 17.0;
                }
                y += 4.0;
            }
        }
        let edge_titles = scene
            .edges
            .iter()
            .map(|e| crate::scene::relation_label(d, e.relation))
            .collect();
        Self {
            edge_titles,
            width: width.ceil() as u32,
            height: height.ceil() as u32,
            scene,
            figure_from_world,
            decorations,
        }
    }
}

/// Draws the legend rows from `y` down; returns the top of the next block.
fn legend_decorations(
    rows: Vec<Vec<LegendItem>>,
    mut y: f32,
    style: &Style,
    decorations: &mut Vec<Decoration>,
) -> f32 {
    for row in rows {
        let baseline = y + 14.0;
        for item in row {
            match item {
                LegendItem::Sample {
                    x,
                    color,
                    dash,
                    label,
                } => {
                    decorations.push(Decoration::Line {
                        a: Pos2::new(PAD + x, baseline - 4.5),
                        b: Pos2::new(PAD + x + LEGEND_SAMPLE, baseline - 4.5),
                        color,
                        width: 3.0,
                        dash,
                    });
                    decorations.push(Decoration::Text {
                        text: label,
                        pos: Pos2::new(PAD + x + LEGEND_SAMPLE + 6.0, baseline),
                        size: LEGEND_SIZE,
                        color: style.text,
                        anchor: Anchor::Start,
                    });
                }
            }
        }
        y += 20.0;
    }
    y
}

enum LegendItem {
    Sample {
        x: f32,
        color: Color32,
        dash: Dash,
        label: String,
    },
}

/// Legend entries flowed into rows that fit `width`.
fn legend_rows(scene: &Scene, style: &Style, width: f32) -> Vec<Vec<LegendItem>> {
    let mut entries: Vec<(String, Color32, Dash)> = scene
        .legend
        .dimensions
        .iter()
        .map(|(d, c)| (d.as_str().to_owned(), *c, Dash::Solid))
        .collect();
    entries.extend(
        scene
            .legend
            .tones
            .iter()
            .map(|(t, dash)| (t.legend_label().to_owned(), style.muted_text, *dash)),
    );
    if scene.legend.no_evidence {
        entries.push(("no evidence".to_owned(), style.no_evidence, Dash::Dotted));
    }
    let mut rows: Vec<Vec<LegendItem>> = Vec::new();
    let mut x = 0.0;
    let mut row = Vec::new();
    for (label, color, dash) in entries {
        let w = LEGEND_SAMPLE + 6.0 + text_width(&label, LEGEND_SIZE) + 18.0;
        if x + w > width && !row.is_empty() {
            rows.push(std::mem::take(&mut row));
            x = 0.0;
        }
        row.push(LegendItem::Sample {
            x,
            color,
            dash,
            label,
        });
        x += w;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

fn card_height((head, lines): &(Vec<String>, Vec<CardLines>)) -> f32 {
    10.0 + head.len() as f32 * 19.0
        + lines.iter().map(Vec::len).sum::<usize>() as f32 * 17.0
        + lines.len() as f32 * 4.0
}

/// One passage's wrapped card lines, each flagged `true` when drawn muted.
type CardLines = Vec<(String, bool)>;

/// The evidence card: a heading and each passage as numbered, wrapped lines.
fn evidence_card(d: &Dataset, r: RelationId, width: f32) -> Option<(Vec<String>, Vec<CardLines>)> {
    let rel = d.relation(r)?;
    let head = wrap(
        &format!("{}: {}", d.relation_endpoints(rel), rel.label),
        14.0,
        width,
    );
    let passages = rel
        .passages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut where_ = Vec::new();
            if let Some(a) = &p.anchor {
                where_.push(format!("¶ {}", a.paragraph()));
            }
            if let Some(date) = &p.date {
                where_.push(date.to_string());
            }
            let suffix = if where_.is_empty() {
                String::new()
            } else {
                format!(" ({})", where_.join(", "))
            };
            // The quote as cut ("…" where words of its sentence were left out), then, muted,
            // the whole sentence so the reader sees what the fragment belongs to.
            let context = p.anchor.as_ref().map(|a| d.article.in_context(a));
            let quote = context
                .as_ref()
                .map_or_else(|| p.quote.trim().to_owned(), |c| c.marked_quote());
            let mut lines: Vec<(String, bool)> =
                wrap(&format!("[{}] “{quote}”{suffix}", i + 1), CARD_SIZE, width)
                    .into_iter()
                    .map(|l| (l, false))
                    .collect();
            if let Some(c) = context.filter(|c| c.cut_before() || c.cut_after()) {
                let sentence = format!("{}{}{}", c.before, c.quote, c.after);
                let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
                lines.extend(
                    wrap(&format!("Sentence: “{sentence}”"), CARD_SIZE, width)
                        .into_iter()
                        .map(|l| (l, true)),
                );
            }
            lines
        })
        .collect();
    Some((head, passages))
}

/// Greedy word wrap measured with the label font; words longer than a line are cut.
pub(crate) fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
        while text_width(&line, size) > width && line.chars().count() > 1 {
            let keep = line.chars().count() * 9 / 10;
            let head: String = line.chars().take(keep.max(1)).collect();
            let tail: String = line.chars().skip(keep.max(1)).collect();
            lines.push(head);
            line = tail;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
