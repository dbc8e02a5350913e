//! The blocks of a briefing figure beside the map: the evidence card and the legend rows,
//! measured with the label font (see [`super::figure`] for how they are placed).

use egui::{Color32, Pos2};

use super::decoration::{Anchor, CARD_SIZE, Decoration, LEGEND_SAMPLE, LEGEND_SIZE};
use crate::fonts::text_width;
use crate::model::{Dataset, RelationId};
use crate::scene::{Backing, Dash, Scene, Style};

/// Draws the evidence card from `(x0, y)` down, passages that would pass `bottom` replaced by
/// one line saying how many more there are; returns the top of the next block.
pub(super) fn card_decorations(
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
pub(super) fn legend_decorations(
    rows: Vec<Vec<LegendItem>>,
    (x0, mut y): (f32, f32),
    style: &Style,
    decorations: &mut Vec<Decoration>,
) -> f32 {
    for row in rows {
        let baseline = y + 14.0;
        for item in row {
            let item_kind = match &item {
                LegendItem::Heading { .. } => Kind::Heading,
                LegendItem::Continued { .. } | LegendItem::Sample { .. } => Kind::Other,
            };
            match item {
                LegendItem::Heading { x, label } | LegendItem::Continued { x, label } => {
                    let heading = matches!(&item_kind, Kind::Heading);
                    decorations.push(Decoration::Text {
                        text: label,
                        pos: Pos2::new(x0 + x, baseline),
                        size: LEGEND_SIZE,
                        color: if heading {
                            style.muted_text
                        } else {
                            style.text
                        },
                        anchor: Anchor::Start,
                    });
                }
                LegendItem::Sample {
                    x,
                    color,
                    dash,
                    form,
                    label,
                } => {
                    let y = baseline - 4.5;
                    sample_lines((Pos2::new(x0 + x, y), color, dash, form), decorations);
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

/// A legend entry's sample line starting at `a`, drawn as the map draws such lines.
fn sample_lines(
    (a, color, dash, form): (Pos2, Color32, Dash, SampleForm),
    decorations: &mut Vec<Decoration>,
) {
    let b = a + egui::vec2(LEGEND_SAMPLE, 0.0);
    let mut line = |a: Pos2, b: Pos2, color, width, dash| {
        decorations.push(Decoration::Line {
            a,
            b,
            color,
            width,
            dash,
        });
    };
    match form {
        SampleForm::Strands(backing) => {
            // A double or hollow sample as the lines are drawn: two strands.
            let strands = match backing.strands() {
                Some((offset, strand)) => {
                    let w = if backing == Backing::Weak { 4.0 } else { 5.0 };
                    vec![(-w * offset, w * strand), (w * offset, w * strand)]
                }
                None => vec![(0.0, 3.0)],
            };
            for (dy, width) in strands {
                let shift = egui::vec2(0.0, dy);
                line(a + shift, b + shift, color, width, dash);
            }
        }
        SampleForm::New(band) => {
            line(a, b, band, 9.0, Dash::Solid);
            line(a, b, color, 3.0, dash);
        }
        SampleForm::WasNow => {
            let middle = a + egui::vec2(LEGEND_SAMPLE / 2.0, 0.0);
            let was = color.gamma_multiply(crate::scene::WAS_OPACITY);
            line(a, middle, was, 1.5, Dash::Dashed);
            line(middle, b, color, 3.5, Dash::Solid);
        }
    }
}

/// Width of the widest legend row.
pub(super) fn legend_width(rows: &[Vec<LegendItem>]) -> f32 {
    rows.iter()
        .filter_map(|row| row.last())
        .map(|item| match item {
            LegendItem::Sample { x, label, .. } => {
                x + LEGEND_SAMPLE + 6.0 + text_width(label, LEGEND_SIZE)
            }
            LegendItem::Heading { x, label } | LegendItem::Continued { x, label } => {
                x + text_width(label, LEGEND_SIZE)
            }
        })
        .fold(0.0, f32::max)
}

/// Whether a text item is a group's heading (drawn muted).
enum Kind {
    Heading,
    Other,
}

pub(super) enum LegendItem {
    /// A group's name ("Policy field", "Tone", "Lines").
    Heading { x: f32, label: String },
    /// The second line of a long entry, under its text.
    Continued { x: f32, label: String },
    Sample {
        x: f32,
        color: Color32,
        dash: Dash,
        form: SampleForm,
        label: String,
    },
}

/// How a legend sample line is drawn besides its colour and pattern.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum SampleForm {
    /// One line, or the two strands of a corroborated or weakly evidenced one.
    Strands(Backing),
    /// A comparison's new line: on a highlighter band of this colour.
    New(Color32),
    /// A comparison's changed line: its first half as it was (faint, dashed, thin), its
    /// second as it is.
    WasNow,
}

/// A legend entry before layout: its text and how its sample line is drawn.
type Entry = (String, Color32, Dash, SampleForm);

/// Widest line of an entry in the key of numbered lines; a longer name wraps to a second
/// line, and only a name longer than two lines is cut.
const KEY_WIDTH: f32 = 300.0;

/// The legend's groups with their entries: policy fields (colours), tones (patterns, with
/// "no evidence" and "forecast / aim"), evidence (double and hollow lines) and, in a pair's
/// view, the numbered lines.
fn legend_groups(d: &Dataset, scene: &Scene, style: &Style) -> [(&'static str, Vec<Entry>); 5] {
    let plain = SampleForm::Strands(Backing::Single);
    let fields: Vec<Entry> = scene
        .legend
        .dimensions
        .iter()
        .map(|(d, c)| (d.as_str().to_owned(), *c, Dash::Solid, plain))
        .collect();
    let mut tones: Vec<Entry> = scene
        .legend
        .tones
        .iter()
        .map(|(t, dash)| (t.legend_label().to_owned(), style.muted_text, *dash, plain))
        .collect();
    if scene.legend.no_evidence {
        tones.push((
            "no evidence".to_owned(),
            style.no_evidence,
            Dash::Dotted,
            plain,
        ));
    }
    let faint = style
        .muted_text
        .gamma_multiply(crate::scene::UNREPORTED_OPACITY);
    if scene.legend.unreported {
        tones.push(("forecast / aim".to_owned(), faint, Dash::Solid, plain));
    }
    let mut evidence: Vec<Entry> = Vec::new();
    if scene.legend.corroborated {
        evidence.push((
            "2+ sources".to_owned(),
            style.muted_text,
            Dash::Solid,
            SampleForm::Strands(Backing::Corroborated),
        ));
    }
    if scene.legend.weak {
        evidence.push((
            "weak evidence".to_owned(),
            style.muted_text,
            Dash::Solid,
            SampleForm::Strands(Backing::Weak),
        ));
    }
    let mut numbered: Vec<(usize, Entry)> = scene
        .edges
        .iter()
        .filter_map(|e| match e.badge {
            Some(crate::scene::Badge::Row(n)) => {
                let label = d.relation(e.relation).map_or("", |r| r.label.as_str());
                let form = SampleForm::Strands(e.backing);
                Some((n, (format!("{n} · {label}"), e.color, e.dash, form)))
            }
            _ => None,
        })
        .collect();
    numbered.sort_by_key(|(n, _)| *n);
    let lines = numbered.into_iter().map(|(_, entry)| entry).collect();
    let [added, removed, changed] = scene.legend.changes;
    let ghost = style
        .muted_text
        .gamma_multiply(crate::scene::REMOVED_OPACITY);
    let compared: Vec<Entry> = [
        (
            added,
            "new",
            style.muted_text,
            SampleForm::New(style.new_band),
        ),
        (removed, "removed", ghost, plain),
        (
            changed,
            "changed: was → now",
            style.muted_text,
            SampleForm::WasNow,
        ),
    ]
    .into_iter()
    .filter(|(shown, ..)| *shown)
    .map(|(_, label, color, form)| (label.to_owned(), color, Dash::Solid, form))
    .collect();
    [
        ("Policy field", fields),
        ("Tone", tones),
        ("Evidence", evidence),
        ("Compared", compared),
        ("Lines", lines),
    ]
}

/// Legend entries in groups, each starting a row with its heading, flowed into rows that fit
/// `width`: policy fields (colours), tones (patterns) and, in a pair's view, the numbered
/// lines with their names, so a slide's numbers can be read without the app.
pub(super) fn legend_rows(
    d: &Dataset,
    scene: &Scene,
    style: &Style,
    width: f32,
) -> Vec<Vec<LegendItem>> {
    let mut rows: Vec<Vec<LegendItem>> = Vec::new();
    for (heading, entries) in legend_groups(d, scene, style) {
        if entries.is_empty() {
            continue;
        }
        let mut row = vec![LegendItem::Heading {
            x: 0.0,
            label: heading.to_owned(),
        }];
        let mut x = text_width(heading, LEGEND_SIZE) + 12.0;
        for (label, color, dash, form) in entries {
            let mut lines = wrap(&label, LEGEND_SIZE, KEY_WIDTH).into_iter();
            let first = lines.next().unwrap_or_default();
            let rest: Vec<String> = lines.collect();
            let w = LEGEND_SAMPLE + 6.0 + text_width(&first, LEGEND_SIZE) + 18.0;
            if (x + w > width || !rest.is_empty()) && !row.is_empty() {
                rows.push(std::mem::take(&mut row));
                x = 0.0;
            }
            row.push(LegendItem::Sample {
                x,
                color,
                dash,
                form,
                label: first,
            });
            x += w;
            if !rest.is_empty() {
                // The second line under the first one's text; more than two are cut.
                let second = if rest.len() > 1 {
                    crate::scene::cut(&format!("{} {}", rest[0], rest[1]), rest[0].chars().count())
                } else {
                    rest[0].clone()
                };
                rows.push(std::mem::take(&mut row));
                rows.push(vec![LegendItem::Continued {
                    x: LEGEND_SAMPLE + 6.0,
                    label: second,
                }]);
                x = 0.0;
            }
        }
        if !row.is_empty() {
            rows.push(row);
        }
    }
    rows
}

pub(super) fn card_height((head, lines): &(Vec<String>, Vec<CardLines>)) -> f32 {
    10.0 + head.len() as f32 * 19.0
        + lines.iter().map(Vec::len).sum::<usize>() as f32 * 17.0
        + lines.len() as f32 * 4.0
}

/// One passage's wrapped card lines, each flagged `true` when drawn muted.
pub(super) type CardLines = Vec<(String, bool)>;

/// The evidence card: a heading and each passage as numbered, wrapped lines.
pub(super) fn evidence_card(
    d: &Dataset,
    r: RelationId,
    width: f32,
) -> Option<(Vec<String>, Vec<CardLines>)> {
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
            if let Some(place) = d.place_of(p) {
                where_.push(place);
            }
            if let Some(grade) = d.grade_beside(p) {
                where_.push(grade);
            }
            if let Some(date) = &p.date {
                where_.push(date.long());
            }
            if p.modality() != crate::model::Modality::Fact {
                where_.push(p.modality().as_str().to_owned());
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
