//! `relmap diff A B`: what changed between two maps, relation by relation, with the evidence
//! of both sides; as CSV, Markdown or HTML by the output's extension, and a one-line summary.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::export::escape_xml;
use crate::model::{
    Change, Comparison, Dataset, MapDiff, Passage, PassageDate, Relation, RelationDiff,
};

/// Options of `relmap diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier map (or, with `--from`, the one map compared with itself over time).
    pub before: PathBuf,
    /// The later map; leave it out to compare one map at two dates (`--from`, `--to`).
    pub after: Option<PathBuf>,
    /// With one map: its state on this date (sources published later left out), as EDTF
    /// (2012, 2012-03, 2012-03-01).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<PassageDate>,
    /// With one map: compared with its state on this date (the whole map if omitted).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<PassageDate>,
    /// Write the comparison here: `.csv` (one row per relation), `.md` or `.html` (a figure of
    /// the compared map, then each change with the passages of both sides; the Markdown's
    /// figure is written beside it as an SVG); without it only the summary is printed.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write the figure of the compared map here (`.png` or `.svg`): new lines on a
    /// highlighter band, removed ones ghosted, changed ones drawn half as they were.
    #[arg(long, value_name = "FILE")]
    pub figure: Option<PathBuf>,
}

/// `--from` / `--to` / `--as-of` values: an EDTF date.
pub(crate) fn parse_date(s: &str) -> Result<PassageDate, String> {
    PassageDate::read(s)
}

/// What a comparison of one map at two dates can and cannot show.
pub const THROUGH_TIME_NOTE: &str = "one map at two dates only gains evidence: a relation is \
     never removed by a later source, and its tone turns mixed when later passages differ";

/// The CSV header of a comparison.
pub const DIFF_COLUMNS: [&str; 10] = [
    "change",
    "from",
    "to",
    "dimension",
    "label_before",
    "label_after",
    "tone_before",
    "tone_after",
    "passages_before",
    "passages_after",
];

/// What `args` compares: two files, or one file at two dates.
fn comparison(args: &DiffArgs) -> anyhow::Result<Comparison> {
    let before = crate::model::load_path(&args.before)?;
    match (&args.after, args.from, args.to) {
        (Some(after), None, None) => Ok(Comparison::new(before, crate::model::load_path(after)?)),
        (Some(_), ..) => anyhow::bail!(
            "--from and --to compare one map with itself over time; with two maps, leave them out"
        ),
        (None, Some(from), to) => {
            for (flag, date) in [("--from", Some(from)), ("--to", to)] {
                if let Some(why) = date.and_then(|d| crate::model::before_every_source(&before, &d))
                {
                    anyhow::bail!("{flag}: {why}");
                }
            }
            if let Some(to) = to
                && from.starts_after(&to)
            {
                anyhow::bail!(
                    "--from {} is after --to {}: give the earlier date first",
                    from.long(),
                    to.long()
                );
            }
            Ok(Comparison::between_dates(&before, &from, to.as_ref()))
        }
        (None, None, _) => anyhow::bail!(
            "give a second map to compare with (relmap diff BEFORE AFTER), or --from DATE (and \
             --to DATE) to compare one map with itself over time"
        ),
    }
}

/// Runs `relmap diff`; returns what to print.
pub fn diff(args: &DiffArgs) -> anyhow::Result<String> {
    let c = comparison(args)?;
    let compared = &c.diff;
    let mut lines = vec![compared.summary()];
    if compared.share_no_actor_of(&c.before) {
        lines.push("note: the two maps share no actor; every relation is added or removed".into());
    }
    if c.through_time {
        lines.push(format!("note: {THROUGH_TIME_NOTE}"));
    }
    lines.extend(compared.actors(&c.before, &c.after).lines());
    for clash in &compared.clashes {
        lines.push(format!("clash: {clash}"));
    }
    let maps = (&c.before, &c.after);
    if let Some(out) = &args.out {
        let ext = out
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let text = match ext.as_str() {
            "csv" => csv(maps, compared),
            "md" => {
                // The figure beside the Markdown, named after it, linked by its file name.
                let svg_path = out.with_extension("svg");
                let svg = crate::export::figure_svg(&figure(&c));
                crate::atomic::write_atomic(&svg_path, svg.as_bytes())
                    .map_err(|e| anyhow::anyhow!("{}: could not write: {e}", svg_path.display()))?;
                lines.push(format!("wrote {}", svg_path.display()));
                let name = svg_path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                markdown(&c, &name)
            }
            "html" | "htm" => html(&c, &crate::export::figure_svg(&figure(&c))),
            _ => anyhow::bail!(
                "{}: unknown format; name the output *.csv, *.md or *.html",
                out.display()
            ),
        };
        crate::atomic::write_atomic(out, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: could not write: {e}", out.display()))?;
        lines.push(format!("wrote {}", out.display()));
    }
    if let Some(path) = &args.figure {
        if crate::export::PictureFormat::from_path(path).is_none() {
            anyhow::bail!("{}: name the figure *.png or *.svg", path.display());
        }
        crate::export::export_to_file(&figure(&c), path, 2)?;
        lines.push(format!("wrote {}", path.display()));
    }
    Ok(lines.join("\n"))
}

/// The figure of a comparison: the compared map on the first map's layout, every line
/// labelled where it fits (so "(new)", "(removed)" and "(was …)" read on the page), the
/// summary as its subtitle.
fn figure(c: &Comparison) -> crate::export::Figure {
    use crate::map::{MapState, ViewCommand};
    let base = MapState::new(c.before.clone());
    let mut state = MapState::comparing(c.clone(), &base);
    state.apply(ViewCommand::SetShowSecondary(true));
    state.apply(ViewCommand::SetLineLabels(crate::scene::LineLabels::All));
    let opts = crate::export::ExportOptions {
        title: Some(format!(
            "What changed: {} → {}",
            c.before.title, c.after.title
        )),
        subtitle: Some(c.diff.summary()),
        ..crate::export::ExportOptions::default()
    };
    state.figure(&opts)
}

/// The two sides of one compared relation.
struct Sides<'a> {
    before: Option<&'a Relation>,
    after: Option<&'a Relation>,
}

fn sides<'a>((a, b): (&'a Dataset, &'a Dataset), r: &RelationDiff) -> Sides<'a> {
    Sides {
        before: r.before.and_then(|x| a.relation(x)),
        after: r.after.and_then(|x| b.relation(x)),
    }
}

/// Actor names of a compared relation: as in the first map, or the second when only it has it.
fn names<'a>((a, b): (&'a Dataset, &'a Dataset), s: &Sides<'_>) -> (&'a str, &'a str, String) {
    match (s.before, s.after) {
        (Some(rel), _) => (
            a.actors[rel.from].name.as_str(),
            a.actors[rel.to].name.as_str(),
            rel.dimension.as_str().to_owned(),
        ),
        (None, Some(rel)) => (
            b.actors[rel.from].name.as_str(),
            b.actors[rel.to].name.as_str(),
            rel.dimension.as_str().to_owned(),
        ),
        (None, None) => ("", "", String::new()),
    }
}

fn csv(maps: (&Dataset, &Dataset), d: &MapDiff) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(DIFF_COLUMNS);
    for r in &d.relations {
        let s = sides(maps, r);
        let (from, to, dimension) = names(maps, &s);
        let label = |x: Option<&Relation>| x.map_or_else(String::new, |x| x.label.clone());
        let tone = |x: Option<&Relation>| x.map_or("", |x| x.tone.legend_label());
        let count =
            |x: Option<&Relation>| x.map_or_else(String::new, |x| x.passages.len().to_string());
        let _ = w.write_record([
            r.change.as_str(),
            from,
            to,
            dimension.as_str(),
            &label(s.before),
            &label(s.after),
            tone(s.before),
            tone(s.after),
            &count(s.before),
            &count(s.after),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A passage in its sentence, the quote marked by `mark` around it.
fn in_sentence(d: &Dataset, p: &Passage, mark: (&str, &str), escape: fn(&str) -> String) -> String {
    let (before, quote, after) = match &p.anchor {
        Some(a) => {
            let c = d.article_of(p).in_context(a);
            (c.before, c.quote, c.after)
        }
        None => ("", p.quote.as_str(), ""),
    };
    format!(
        "{}{}{}{}{}",
        escape(before.trim_start()),
        mark.0,
        escape(quote),
        mark.1,
        escape(after.trim_end())
    )
}

const GROUPS: [Change; 4] = [
    Change::Changed,
    Change::Removed,
    Change::Added,
    Change::Same,
];

/// One compared relation as the Markdown and HTML write it.
struct View<'a> {
    heading: String,
    changed: String,
    /// Each side present: "Before"/"After", its map and its passages, each with whether it is
    /// new on that side (an "After" passage the first map did not quote).
    sides: Vec<Side<'a>>,
}

/// One side of a compared relation: "Before" or "After", its map, and its passages each with
/// whether it is new there.
type Side<'a> = (&'static str, &'a Dataset, Vec<(&'a Passage, bool)>);

/// The comparison grouped by kind of change, each relation ready to write.
fn grouped<'a>(maps: (&'a Dataset, &'a Dataset), d: &MapDiff) -> Vec<(Change, Vec<View<'a>>)> {
    GROUPS
        .iter()
        .map(|&group| {
            let views = d
                .relations
                .iter()
                .filter(|r| r.change == group)
                .map(|r| {
                    let s = sides(maps, r);
                    let (from, to, dimension) = names(maps, &s);
                    let label = s.after.or(s.before).map_or("", |x| x.label.as_str());
                    let quoted_before: Vec<String> = s
                        .before
                        .map(|rel| rel.passages.iter().map(|p| quote_key(&p.quote)).collect())
                        .unwrap_or_default();
                    let mut sides = Vec::new();
                    if let Some(rel) = s.before {
                        sides.push((
                            "Before",
                            maps.0,
                            rel.passages.iter().map(|p| (p, false)).collect(),
                        ));
                    }
                    if let Some(rel) = s.after {
                        let marked = rel
                            .passages
                            .iter()
                            .map(|p| {
                                let new = s.before.is_some()
                                    && !quoted_before.contains(&quote_key(&p.quote));
                                (p, new)
                            })
                            .collect();
                        sides.push(("After", maps.1, marked));
                    }
                    View {
                        heading: format!("{from} — {to}: {label} ({dimension})"),
                        changed: d.in_words(maps, r),
                        sides,
                    }
                })
                .collect::<Vec<_>>();
            (group, views)
        })
        .filter(|(_, views)| !views.is_empty())
        .collect()
}

/// A quote as compared across the two maps: its words, case and spacing aside.
fn quote_key(quote: &str) -> String {
    quote
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a passage comes from: "Steppe 2023, 2023 · p. 2, ¶4 · as of the article".
fn provenance(d: &Dataset, p: &Passage) -> String {
    let mut parts = vec![d.source(p.source).meta.citation()];
    if let Some(place) = d.place_of(p) {
        parts.push(place);
    }
    parts.push(p.date_in_words());
    parts.join(" · ")
}

/// What the reports say above the changes: the title, the summary and the notes (renamed and
/// new actors, what a comparison through time cannot show).
struct Heading {
    title: String,
    summary: String,
    notes: Vec<String>,
}

fn heading(c: &Comparison) -> Heading {
    let mut notes = c.diff.actors(&c.before, &c.after).lines();
    if c.through_time {
        notes.push(THROUGH_TIME_NOTE.to_owned());
    }
    if c.diff.share_no_actor_of(&c.before) {
        notes.push("the two maps share no actor: every relation is added or removed".to_owned());
    }
    Heading {
        title: c.union.title.clone(),
        summary: c.diff.summary(),
        notes,
    }
}

fn markdown(c: &Comparison, figure: &str) -> String {
    let maps = (&c.before, &c.after);
    let h = heading(c);
    let mut out = format!(
        "# What changed: {}\n\n{}\n\n![The compared map: new lines on a highlighter band, \
         removed ones ghosted, changed ones drawn half as they were]({figure})\n",
        h.title, h.summary
    );
    for note in &h.notes {
        let _ = writeln!(out, "\n- {note}");
    }
    let plain: fn(&str) -> String = str::to_owned;
    for (group, views) in grouped(maps, &c.diff) {
        let _ = write!(out, "\n## {} ({})\n", group.as_str(), views.len());
        for v in views {
            let _ = write!(out, "\n### {}\n", v.heading);
            if !v.changed.is_empty() {
                let _ = writeln!(out, "\n{}", v.changed);
            }
            for (side, map, passages) in v.sides {
                let _ = writeln!(out, "\n{side}:\n");
                for (p, new) in passages {
                    let _ = writeln!(
                        out,
                        "> {}{}\n> — {}\n",
                        if new { "(new) " } else { "" },
                        in_sentence(map, p, ("**", "**"), plain),
                        provenance(map, p)
                    );
                }
            }
        }
    }
    out
}

fn html(c: &Comparison, figure: &str) -> String {
    let maps = (&c.before, &c.after);
    let h = heading(c);
    let esc: fn(&str) -> String = escape_xml;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>What changed: \
         {}</title><style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem \
         auto;padding:0 1rem;line-height:1.45}}blockquote{{border-left:3px solid #99a;margin:.4rem \
         0;padding-left:.8rem;color:#555}}strong{{color:#1f2328}}.side{{font-weight:600;margin-top:\
         .6rem}}.cite{{font-size:.85em;color:#666}}.new{{background:#ffe58a;padding:0 .3em;\
         border-radius:3px;font-size:.8em;color:#1f2328}}figure{{margin:1rem 0}}figure svg\
         {{max-width:100%;height:auto}}</style></head><body>\n<h1>What changed: {}</h1>\n<p>{}</p>\n",
        esc(&h.title),
        esc(&h.title),
        esc(&h.summary),
    );
    if !h.notes.is_empty() {
        out.push_str("<ul>\n");
        for note in &h.notes {
            let _ = writeln!(out, "<li>{}</li>", esc(note));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<figure>{}<figcaption>New lines on a highlighter band, removed ones ghosted, changed \
         ones drawn half as they were (first half) and half as they are.</figcaption></figure>",
        svg_body(figure)
    );
    for (group, views) in grouped(maps, &c.diff) {
        let _ = writeln!(out, "<h2>{} ({})</h2>", group.as_str(), views.len());
        for v in views {
            let _ = writeln!(out, "<h3>{}</h3>", esc(&v.heading));
            if !v.changed.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", esc(&v.changed));
            }
            for (side, map, passages) in v.sides {
                let _ = writeln!(out, "<div class=\"side\">{side}</div>");
                for (p, new) in passages {
                    let _ = writeln!(
                        out,
                        "<blockquote>{}{}<br><span class=\"cite\">— {}</span></blockquote>",
                        if new {
                            "<span class=\"new\">new</span> "
                        } else {
                            ""
                        },
                        in_sentence(map, p, ("<strong>", "</strong>"), esc),
                        esc(&provenance(map, p))
                    );
                }
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// An SVG document as an element to put inside HTML (its XML declaration left out).
fn svg_body(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |i| &svg[i..])
}
