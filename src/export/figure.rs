//! Laying out a briefing figure around the map: title, legend, source line, evidence card.

use egui::emath::TSTransform;
use egui::{Color32, Pos2, Rect, Vec2};

use super::decoration::{Anchor, Decoration};
use super::figure_blocks::{
    CardLines, LegendItem, card_decorations, card_height, evidence_card, legend_decorations,
    legend_rows, legend_rows as legend_rows_across, legend_width, wrap,
};
use crate::fonts::text_width;
use crate::model::{Dataset, RelationId};
use crate::scene::{Scene, Style};

const PAD: f32 = 24.0;
const TITLE_SIZE: f32 = 22.0;
const SOURCE_SIZE: f32 = 12.0;
const MIN_WIDTH: f32 = 640.0;
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
    /// The dataset id of each edge's relation, in `scene.edges` order (SVG `data-relation`,
    /// which the interactive handout's script reads).
    pub edge_ids: Vec<String>,
    /// The dataset id of each node's actor, in `scene.nodes` order (SVG `data-actor`).
    pub node_ids: Vec<String>,
}

/// Each edge's tooltip and relation id, and each node's actor id, in scene order: what the
/// SVG writes beside the shapes.
fn shape_names(d: &Dataset, scene: &Scene) -> (Vec<String>, Vec<String>, Vec<String>) {
    let edge_titles = scene
        .edges
        .iter()
        .map(|e| crate::scene::line_label(d, e))
        .collect();
    let edge_ids = scene
        .edges
        .iter()
        .map(|e| {
            d.relation(e.relation)
                .map_or_else(String::new, |r| r.id.clone())
        })
        .collect();
    let node_ids = scene
        .nodes
        .iter()
        .map(|n| d.actor(n.actor).map_or_else(String::new, |a| a.id.clone()))
        .collect();
    (edge_titles, edge_ids, node_ids)
}

impl Figure {
    /// Lays out the figure for `scene` (already filtered and styled).
    pub fn new(d: &Dataset, mut scene: Scene, style: &Style, opts: &FigureOptions) -> Self {
        let world = scene.bounds.expand(MAP_MARGIN);
        let natural_w = (world.width() + 2.0 * PAD).max(MIN_WIDTH);
        let width = opts.size.map_or(natural_w, |(w, _)| w.max(1) as f32);
        let content_w = (width - 2.0 * PAD).max(1.0);

        let mut decorations = Vec::new();
        let map_top = title_decorations(d, opts, style, content_w, &mut decorations);

        let Columns {
            beside,
            legend_rows,
            column_w,
            map_w_avail,
        } = Columns::plan(d, &scene, style, opts, content_w);
        // Below-the-map blocks are measured first so a fixed --size can fit the map between.
        let legend_h = if beside {
            0.0
        } else {
            legend_rows.len() as f32 * 20.0
        };
        let source = d.source_line();
        // Under the map, or beside it in the column (a slide's height is the map's then).
        let source_lines = wrap(
            &source,
            SOURCE_SIZE,
            if beside { column_w } else { map_w_avail },
        );
        let card = opts
            .evidence_for
            .and_then(|r| evidence_card(d, r, if beside { column_w } else { content_w }));
        let card_h = if beside {
            0.0
        } else {
            card.as_ref().map_or(0.0, card_height)
        };
        let footer_h = if beside {
            PAD
        } else {
            12.0 + legend_h + 8.0 + source_lines.len() as f32 * 17.0 + card_h + PAD
        };

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
        if beside {
            let page_bottom = opts.size.map_or(f32::INFINITY, |(_, h)| h as f32 - PAD);
            column_decorations(
                (d, &scene, style),
                Column {
                    x0: PAD + content_w - column_w,
                    map_top,
                    map_rect,
                    map_w_avail,
                    page_bottom,
                },
                (card, legend_rows, source_lines),
                &mut decorations,
            );
        } else {
            let below = legend_decorations(
                legend_rows,
                (PAD, map_rect.bottom() + 12.0),
                style,
                &mut decorations,
            );
            let below =
                source_decorations(source_lines, (PAD, below + 8.0), style, &mut decorations);
            if let Some(c) = card {
                card_decorations(c, (PAD, below), f32::INFINITY, style, &mut decorations);
            }
        }
        let (edge_titles, edge_ids, node_ids) = shape_names(d, &scene);
        Self {
            edge_titles,
            edge_ids,
            node_ids,
            width: width.ceil() as u32,
            height: height.ceil() as u32,
            scene,
            figure_from_world,
            decorations,
        }
    }
}

/// An evidence card: its heading's lines and each passage's lines.
type Card = (Vec<String>, Vec<CardLines>);

/// Where the column beside the map goes, and what it must leave room for.
struct Column {
    /// Its left edge.
    x0: f32,
    /// The top of the map (and of the column).
    map_top: f32,
    /// The map as drawn.
    map_rect: Rect,
    /// The width the map may take.
    map_w_avail: f32,
    /// The lowest a block may reach (the frame's height less its margin).
    page_bottom: f32,
}

/// The column beside the map. The evidence heads it (on a slide it is what the step is
/// about); the source line and the legend follow, the legend last since a crowded page cuts
/// it first, or under the map where the column is full and the map leaves room. The card
/// stops where the rest still fits, but always shows its first passage whole.
fn column_decorations(
    (d, scene, style): (&Dataset, &Scene, &Style),
    c: Column,
    (card, legend_rows, source_lines): (Option<Card>, Vec<Vec<LegendItem>>, Vec<String>),
    decorations: &mut Vec<Decoration>,
) {
    let Some(card) = card else {
        let below = legend_decorations(legend_rows, (c.x0, c.map_top), style, decorations);
        source_decorations(source_lines, (c.x0, below + 8.0), style, decorations);
        return;
    };
    let rest_h = legend_rows.len() as f32 * 20.0 + 8.0 + source_lines.len() as f32 * 17.0;
    let bottom = (c.page_bottom - rest_h).max(c.map_top + first_passage_height(&card));
    let top = card_decorations(card, (c.x0, c.map_top - 10.0), bottom, style, decorations) + 12.0;
    let below = source_decorations(source_lines, (c.x0, top), style, decorations);
    let column_fits = below + 8.0 + legend_rows.len() as f32 * 20.0 <= c.page_bottom;
    let under_map = legend_rows_across(d, scene, style, c.map_w_avail);
    let under_fits = c.map_rect.bottom() + 12.0 + under_map.len() as f32 * 20.0 <= c.page_bottom;
    if !column_fits && under_fits {
        legend_decorations(
            under_map,
            (PAD, c.map_rect.bottom() + 12.0),
            style,
            decorations,
        );
    } else {
        legend_decorations(legend_rows, (c.x0, below + 8.0), style, decorations);
    }
}

/// The height an evidence card needs to show its heading and first passage whole (and the
/// "more passages" line after it).
fn first_passage_height(
    (head, passages): &(Vec<String>, Vec<super::figure_blocks::CardLines>),
) -> f32 {
    head.len() as f32 * 19.0
        + passages
            .first()
            .map_or(0.0, |p| p.len() as f32 * 17.0 + 4.0)
        + 17.0
}

/// Draws the source line's `lines` from `(x, y)` down; returns the top of the next block.
fn source_decorations(
    lines: Vec<String>,
    (x, mut y): (f32, f32),
    style: &Style,
    decorations: &mut Vec<Decoration>,
) -> f32 {
    for line in lines {
        decorations.push(Decoration::Text {
            text: line,
            pos: Pos2::new(x, y + 13.0),
            size: SOURCE_SIZE,
            color: style.muted_text,
            anchor: Anchor::Start,
        });
        y += 17.0;
    }
    y
}

/// Draws the title and subtitle; returns where the map starts.
fn title_decorations(
    d: &Dataset,
    opts: &FigureOptions,
    style: &Style,
    content_w: f32,
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
        // A storyboard step's caption is a sentence or two: it wraps to the figure's width.
        y += 8.0;
        for line in wrap(subtitle, SUBTITLE_SIZE, content_w) {
            y += SUBTITLE_SIZE + 4.0;
            text(line, y, SUBTITLE_SIZE, style.muted_text);
        }
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
    fn plan(
        d: &Dataset,
        scene: &Scene,
        style: &Style,
        opts: &FigureOptions,
        content_w: f32,
    ) -> Self {
        // A legend beside the map (one entry per row) needs a fixed frame to be worth it.
        let beside = opts.legend_beside && opts.size.is_some();
        let legend_rows = legend_rows(d, scene, style, if beside { 1.0 } else { content_w });
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
