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
    /// The title printed at the top (the map's title if `None`).
    pub title: Option<String>,
    /// A line under the title, if any.
    pub subtitle: Option<String>,
    /// Put the legend in a column right of the map (wide frames such as slides), not below.
    pub legend_beside: bool,
}

/// Gap between the map and a legend placed beside it.
const LEGEND_GAP: f32 = 24.0;
const SUBTITLE_SIZE: f32 = 15.0;

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
    pub fn new(d: &Dataset, mut scene: Scene, style: &Style, opts: &FigureOptions) -> Self {
        let world = scene.bounds.expand(MAP_MARGIN);
        let natural_w = (world.width() + 2.0 * PAD).max(MIN_WIDTH);
        let width = opts.size.map_or(natural_w, |(w, _)| w.max(1) as f32);
        let content_w = (width - 2.0 * PAD).max(1.0);

        let mut decorations = Vec::new();
        let map_top = title_decorations(d, opts, style, &mut decorations);

        let Columns {
            beside,
            legend_rows,
            column_w,
            map_w_avail,
        } = Columns::plan(&scene, style, opts, content_w);
        // Below-the-map blocks are measured first so a fixed --size can fit the map between.
        let legend_h = if beside {
            0.0
        } else {
            legend_rows.len() as f32 * 20.0
        };
        let source = d.source_line();
        // Under the map only: beside it, the column runs down the right.
        let source_lines = wrap(&source, SOURCE_SIZE, map_w_avail);
        let card = opts
            .evidence_for
            .and_then(|r| evidence_card(d, r, if beside { column_w } else { content_w }));
        let card_h = if beside {
            0.0
        } else {
            card.as_ref().map_or(0.0, card_height)
        };
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
                    (map_w_avail / world.width().max(1.0)).min(avail / world.height().max(1.0));
                (zoom, h)
            }
        };
        let map_w = world.width() * zoom;
        let map_h = world.height() * zoom;
        let map_rect = Rect::from_min_size(
            Pos2::new(PAD + (map_w_avail - map_w) / 2.0, map_top),
            Vec2::new(map_w, map_h),
        );
        let figure_from_world =
            TSTransform::new(map_rect.min.to_vec2() - world.min.to_vec2() * zoom, zoom);

        // Legend rows; `y` is the top of the next block, baselines sit 13–14 px below it.
        // Actor names stay readable however far a fixed frame shrinks the map.
        enlarge_labels(&mut scene, style, zoom);
        let mut card = card;
        let mut y = if beside {
            let x0 = PAD + content_w - column_w;
            let below = legend_decorations(legend_rows, (x0, map_top), style, &mut decorations);
            if let Some(c) = card.take() {
                let bottom = opts.size.map_or(f32::INFINITY, |(_, h)| h as f32 - PAD);
                card_decorations(c, (x0, below), bottom, style, &mut decorations);
            }
            map_rect.bottom() + 12.0
        } else {
            legend_decorations(
                legend_rows,
                (PAD, map_rect.bottom() + 12.0),
                style,
                &mut decorations,
            )
        };
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
        if let Some(c) = card {
            card_decorations(c, (PAD, y), f32::INFINITY, style, &mut decorations);
        }
        let edge_titles = scene
            .edges
            .iter()
            .map(|e| crate::scene::line_label(d, e))
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

/// Draws the title and subtitle; returns where the map starts.
fn title_decorations(
    d: &Dataset,
    opts: &FigureOptions,
    style: &Style,
    decorations: &mut Vec<Decoration>,
) -> f32 {
    let mut text = |text: String, y: f32, size: f32, color: Color32| {
        decorations.push(Decoration::Text {
            text,
            pos: Pos2::new(PAD, y),
            size,
            color,
            anchor: Anchor::Start,
        });
    };
    let mut y = PAD + TITLE_SIZE;
    let title = opts.title.clone().unwrap_or_else(|| d.title.clone());
    text(title, y, TITLE_SIZE, style.text);
    if let Some(subtitle) = opts.subtitle.as_ref().filter(|s| !s.trim().is_empty()) {
        y += 8.0 + SUBTITLE_SIZE;
        text(subtitle.clone(), y, SUBTITLE_SIZE, style.muted_text);
    }
    y + 12.0
}

/// How the width is shared between the map and a column beside it.
struct Columns {
    /// Whether the legend (and evidence card) go in a column right of the map.
    beside: bool,
    legend_rows: Vec<Vec<LegendItem>>,
    /// Width of that column (0 when below).
    column_w: f32,
    /// Width left for the map.
    map_w_avail: f32,
}

impl Columns {
    fn plan(scene: &Scene, style: &Style, opts: &FigureOptions, content_w: f32) -> Self {
        // A legend beside the map (one entry per row) needs a fixed frame to be worth it.
        let beside = opts.legend_beside && opts.size.is_some();
        let legend_rows = legend_rows(scene, style, if beside { 1.0 } else { content_w });
        let legend_w = if beside {
            legend_width(&legend_rows)
        } else {
            0.0
        };
        // Beside the map, the column also holds the evidence card, so it is wider then.
        let column_w = match (beside, opts.evidence_for.is_some()) {
            (false, _) => 0.0,
            (true, true) => (content_w * CARD_COLUMN_SHARE).max(legend_w),
            (true, false) => legend_w,
        };
        let map_w_avail = if column_w > 0.0 {
            (content_w - column_w - LEGEND_GAP).max(1.0)
        } else {
            content_w
        };
        Self {
            beside,
            legend_rows,
            column_w,
            map_w_avail,
        }
    }
}

/// Share of a fixed frame's width given to the legend-and-evidence column beside the map.
const CARD_COLUMN_SHARE: f32 = 0.38;
/// The smallest actor name in a figure, in figure pixels at 1×.
const MIN_FIGURE_LABEL: f32 = 11.0;

/// Scales actor labels up where the map is drawn at `zoom` < 1, so each name is at least
/// [`MIN_FIGURE_LABEL`] figure pixels; the label keeps its place under its node.
fn enlarge_labels(scene: &mut Scene, style: &Style, zoom: f32) {
    let m = &style.metrics;
    for n in &mut scene.nodes {
        let l = &mut n.label;
        let factor = MIN_FIGURE_LABEL / (l.size * zoom).max(1e-3);
        if factor <= 1.0 {
            continue;
        }
        l.size *= factor;
        let width = text_width(&l.text, l.size) + m.label_padding * factor;
        let top = l.rect.top();
        l.rect = Rect::from_min_size(
            Pos2::new(n.center.x - width / 2.0, top),
            Vec2::new(width, l.size * m.label_line_height),
        );
    }
    for l in &mut scene.edge_labels {
        let factor = MIN_FIGURE_LABEL / (l.size * zoom).max(1e-3);
        if factor > 1.0 {
            l.size *= factor;
            l.width *= factor;
            l.height *= factor;
        }
    }
}

/// Draws the evidence card from `(x0, y)` down, passages that would pass `bottom` replaced by
/// one line saying how many more there are; returns the top of the next block.
fn card_decorations(
    (head, passages): (Vec<String>, Vec<CardLines>),
    (x0, mut y): (f32, f32),
    bottom: f32,
    style: &Style,
    decorations: &mut Vec<Decoration>,
) -> f32 {
    let mut text = |t: String, y: f32, size: f32, color: Color32| {
        decorations.push(Decoration::Text {
            text: t,
            pos: Pos2::new(x0, y),
            size,
            color,
            anchor: Anchor::Start,
        });
    };
    y += 10.0;
    for line in head {
        text(line, y + 15.0, 14.0, style.text);
        y += 19.0;
    }
    let total = passages.len();
    for (i, lines) in passages.into_iter().enumerate() {
        // Room for this passage and, if others follow, the "more" line.
        let need = lines.len() as f32 * 17.0 + 4.0 + if i + 1 < total { 17.0 } else { 0.0 };
        if y + need > bottom {
            let more = total - i;
            text(
                format!(
                    "… and {more} more passage{} in the evidence report",
                    if more == 1 { "" } else { "s" }
                ),
                y + 13.0,
                CARD_SIZE,
                style.muted_text,
            );
            return y + 17.0;
        }
        for (line, muted) in lines {
            let color = if muted { style.muted_text } else { style.text };
            text(line, y + 13.0, CARD_SIZE, color);
            y += 17.0;
        }
        y += 4.0;
    }
    y
}

/// Draws the legend rows from `y` down; returns the top of the next block.
fn legend_decorations(
    rows: Vec<Vec<LegendItem>>,
    (x0, mut y): (f32, f32),
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
                        a: Pos2::new(x0 + x, baseline - 4.5),
                        b: Pos2::new(x0 + x + LEGEND_SAMPLE, baseline - 4.5),
                        color,
                        width: 3.0,
                        dash,
                    });
                    decorations.push(Decoration::Text {
                        text: label,
                        pos: Pos2::new(x0 + x + LEGEND_SAMPLE + 6.0, baseline),
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

/// Width of the widest legend row.
fn legend_width(rows: &[Vec<LegendItem>]) -> f32 {
    rows.iter()
        .filter_map(|row| row.last())
        .map(|LegendItem::Sample { x, label, .. }| {
            x + LEGEND_SAMPLE + 6.0 + text_width(label, LEGEND_SIZE)
        })
        .fold(0.0, f32::max)
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
            // With several sources each passage says which (numbered as on the source line).
            if d.sources.len() > 1 {
                where_.push(format!("source {}", p.source.0 + 1));
            }
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
            let context = p.anchor.as_ref().map(|a| d.article_of(p).in_context(a));
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
