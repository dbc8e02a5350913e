//! `relmap export`: the map as a briefing figure (PNG or SVG) or as GraphML, no display needed.

use std::path::PathBuf;

use super::load_dataset;

/// Options of `relmap export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Dataset file; the built-in map if omitted.
    pub dataset: Option<PathBuf>,
    /// Output file: *.png or *.svg (the figure), *.html (the interactive handout: the figure
    /// and its evidence in one page any browser opens offline), or *.graphml (the network
    /// with its evidence, for Gephi, yEd, Cytoscape or networkx; figure options do not apply).
    #[arg(long, short)]
    pub out: PathBuf,
    /// PNG pixel scale.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub scale: u8,
    /// Colours.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Leave the background transparent.
    #[arg(long)]
    pub transparent: bool,
    /// Include draft relations (suggested evidence not yet reviewed), left out by default.
    #[arg(long)]
    pub drafts: bool,
    /// Highlight this relation (by id) and print its passages under the figure.
    #[arg(long, value_name = "RELATION_ID")]
    pub select: Option<String>,
    /// Figure size at 1× in pixels, e.g. 1600x900; natural size if omitted.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<(u32, u32)>,
    /// A frame for slides or print: slide-16x9 (1920×1080), slide-4x3 (1440×1080),
    /// a4-landscape (1754×1240), a4-portrait (1240×1754); fixes the PNG's pixel size.
    #[arg(long)]
    pub preset: Option<PresetArg>,
    /// Words on lines: none, the selected relation's (default), or every line's that fits.
    #[arg(long, default_value = "selected")]
    pub labels: LabelsArg,
    /// Lines: one per relation (default), per actor pair, or per direction.
    #[arg(long, default_value = "relation")]
    pub links: LinksArg,
    /// Title printed on the figure (the map's title by default).
    #[arg(long)]
    pub title: Option<String>,
    /// A line printed under the title.
    #[arg(long)]
    pub subtitle: Option<String>,
    /// Include secondary actors (hidden by default, as in the app).
    #[arg(long)]
    pub secondary: bool,
    /// Keep only relations with a passage graded at least this (Admiralty code: source
    /// reliability A–F, information credibility 1–6; e.g. B2 keeps A–B sources and 1–2
    /// information); ungraded passages do not count.
    #[arg(long, value_name = "GRADE", value_parser = parse_grade)]
    pub min_grade: Option<crate::model::Grade>,
    /// The map as its sources stood on this date (EDTF: 2012, 2012-03, 2012-03-01): passages
    /// from sources published later are left out, and relations and actors left with none.
    #[arg(long, value_name = "DATE", value_parser = super::diff::parse_date)]
    pub as_of: Option<crate::model::PassageDate>,
    /// Export the map's storyboard, a page per step (title, caption, the map fitted to the
    /// step, its relation's passages, the source line): --out deck.pdf, deck-%02d.png or a
    /// folder. Slides are 16:9 unless --preset says otherwise.
    #[arg(long)]
    pub storyboard: bool,
}

/// The map `args` exports: the file (or the built-in map), as of `--as-of` when given.
fn exported_dataset(args: &ExportArgs) -> anyhow::Result<crate::model::Dataset> {
    let dataset = load_dataset(args.dataset.as_deref())?;
    Ok(match &args.as_of {
        Some(date) => {
            if let Some(why) = crate::model::before_every_source(&dataset, date) {
                anyhow::bail!("--as-of: {why}");
            }
            crate::model::as_of(&dataset, date)
        }
        None => dataset,
    })
}

/// `--min-grade` values: "B2" and the like.
pub(crate) fn parse_grade(s: &str) -> Result<crate::model::Grade, String> {
    crate::model::Grade::parse_full(s)
}

/// `--labels` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LabelsArg {
    /// No line labels.
    Off,
    /// The selected relation's label.
    Selected,
    /// Every label that fits.
    All,
}

impl LabelsArg {
    /// The scene's line-label choice.
    pub fn choice(self) -> crate::scene::LineLabels {
        use crate::scene::LineLabels;
        match self {
            Self::Off => LineLabels::Off,
            Self::Selected => LineLabels::Selected,
            Self::All => LineLabels::All,
        }
    }
}

/// `--links` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LinksArg {
    /// One line per relation.
    Relation,
    /// One line per actor pair.
    Pair,
    /// One line per direction.
    Direction,
}

impl LinksArg {
    /// The scene's link mode.
    pub fn mode(self) -> crate::scene::LinkMode {
        use crate::scene::LinkMode;
        match self {
            Self::Relation => LinkMode::Relation,
            Self::Pair => LinkMode::Pair,
            Self::Direction => LinkMode::Direction,
        }
    }
}

/// `--preset` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PresetArg {
    /// 1920×1080.
    #[value(name = "slide-16x9")]
    Slide16x9,
    /// 1440×1080.
    #[value(name = "slide-4x3")]
    Slide4x3,
    /// 1754×1240 (A4 at 150 dpi).
    #[value(name = "a4-landscape")]
    A4Landscape,
    /// 1240×1754 (A4 at 150 dpi).
    #[value(name = "a4-portrait")]
    A4Portrait,
}

impl PresetArg {
    /// The export preset.
    pub fn preset(self) -> crate::export::Preset {
        use crate::export::Preset;
        match self {
            Self::Slide16x9 => Preset::Slide16x9,
            Self::Slide4x3 => Preset::Slide4x3,
            Self::A4Landscape => Preset::A4Landscape,
            Self::A4Portrait => Preset::A4Portrait,
        }
    }
}

/// `--theme` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    /// White background, print colours.
    Light,
    /// Dark background.
    Dark,
}

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("{s:?} is not WIDTHxHEIGHT, e.g. 1600x900"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (64..=16_384).contains(n))
            .ok_or_else(|| format!("{v:?} must be a whole number of pixels from 64 to 16384"))
    };
    Ok((parse(w)?, parse(h)?))
}

/// Runs `relmap export`; returns the line to print on success.
pub fn export(args: &ExportArgs) -> anyhow::Result<String> {
    use crate::export::{self, ExportOptions, PictureFormat};
    use crate::map::{MapState, SelectCommand, ViewCommand};
    use crate::scene::{Selection, Theme};

    if args.storyboard {
        return export_storyboard(args);
    }
    if export::is_graphml(&args.out) {
        return export_graphml(args);
    }
    let handout = export::is_handout(&args.out);
    let format = PictureFormat::from_path(&args.out);
    if format.is_none() && !handout {
        anyhow::bail!(
            "{}: unknown format; name the output *.png or *.svg for a figure, *.html for the interactive handout, *.graphml for the network with its evidence",
            args.out.display()
        );
    }
    let dataset = exported_dataset(args)?;
    for m in crate::fonts::missing_in(&dataset) {
        eprintln!("relmap export: warning: {m}");
    }
    let mut state = MapState::new(dataset);
    state.apply(ViewCommand::SetShowSecondary(args.secondary));
    state.apply(ViewCommand::SetLinks(args.links.mode()));
    state.apply(ViewCommand::SetLineLabels(args.labels.choice()));
    state.apply(crate::map::FilterCommand::SetMinGrade(args.min_grade));
    if let Some(id) = &args.select {
        let r = select_relation(&state, id)?;
        state.apply(SelectCommand::Select(Selection::Relation(r)));
    }
    let mut opts = ExportOptions {
        theme: match args.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        },
        transparent: args.transparent,
        scale: args.scale,
        size: args.size,
        with_selection: true,
        include_drafts: args.drafts,
        title: args.title.clone(),
        subtitle: args.subtitle.clone(),
        legend_beside: false,
    };
    if let Some(preset) = args.preset {
        if args.size.is_some() {
            anyhow::bail!("--preset and --size both set the figure's size; give one of them");
        }
        // A preset fixes the pixel size: its own scale replaces --scale.
        preset.preset().apply(&mut opts);
    }
    let figure = state.figure(&opts);
    let Some(format) = format else {
        export::write_handout(&args.out, &state.doc.dataset, &figure, args.min_grade)?;
        let bytes = std::fs::metadata(&args.out).map_or(0, |m| m.len());
        return Ok(format!(
            "wrote {} (interactive handout, {} KB: open it in any browser)",
            args.out.display(),
            bytes.div_ceil(1024)
        ));
    };
    export::export_to_file(&figure, &args.out, opts.scale)?;
    let size = match format {
        PictureFormat::Png => format!(
            "{}×{} px",
            figure.width * u32::from(opts.scale),
            figure.height * u32::from(opts.scale)
        ),
        PictureFormat::Svg => format!("{}×{}", figure.width, figure.height),
    };
    Ok(format!("wrote {} ({size})", args.out.display()))
}

/// `relmap export --storyboard`: the map's storyboard as a PDF deck or one PNG per step.
fn export_storyboard(args: &ExportArgs) -> anyhow::Result<String> {
    use crate::export::{self, DeckTarget, ExportOptions, Preset};
    let target = DeckTarget::from_path(&args.out).map_err(anyhow::Error::msg)?;
    if args.size.is_some() {
        anyhow::bail!("--storyboard pages take a --preset (slide-16x9 by default), not --size");
    }
    if args.select.is_some() {
        anyhow::bail!("--storyboard: each step says what it selects; leave out --select");
    }
    let dataset = exported_dataset(args)?;
    if dataset.storyboard.is_empty() {
        anyhow::bail!(
            "{}: this map has no storyboard. Add steps in the app (View → Storyboard, then \
             \"Add this view\") or a \"storyboard\" list in the file",
            dataset.origin.display_name()
        );
    }
    for m in crate::fonts::missing_in(&dataset) {
        eprintln!("relmap export: warning: {m}");
    }
    let title = dataset.title.clone();
    let mut state = crate::map::MapState::new(dataset);
    state.apply(crate::map::ViewCommand::SetShowSecondary(args.secondary));
    state.apply(crate::map::ViewCommand::SetLinks(args.links.mode()));
    state.apply(crate::map::ViewCommand::SetLineLabels(args.labels.choice()));
    let preset = args.preset.map_or(Preset::Slide16x9, PresetArg::preset);
    let mut opts = ExportOptions {
        theme: match args.theme {
            ThemeArg::Light => crate::scene::Theme::Light,
            ThemeArg::Dark => crate::scene::Theme::Dark,
        },
        transparent: args.transparent,
        include_drafts: args.drafts,
        ..ExportOptions::default()
    };
    preset.apply(&mut opts);
    let figures = state.storyboard_figures(&opts);
    let written = export::write_deck(&target, &figures, &title, opts.scale)?;
    let (w, h) = preset.pixels();
    Ok(match target {
        DeckTarget::Pdf(path) => format!(
            "wrote {} ({} page{}, {})",
            path.display(),
            figures.len(),
            if figures.len() == 1 { "" } else { "s" },
            preset.name()
        ),
        DeckTarget::PngPattern(_) | DeckTarget::Folder(_) => format!(
            "wrote {} PNG{} ({w}×{h} px): {}",
            written.len(),
            if written.len() == 1 { "" } else { "s" },
            written
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// `relmap export --out FILE.graphml`: the whole network with its evidence, at the positions
/// the app would first show.
fn export_graphml(args: &ExportArgs) -> anyhow::Result<String> {
    let dataset = exported_dataset(args)?;
    let state = crate::map::MapState::new(dataset);
    let positions: Vec<[f32; 2]> = state.place.positions.iter().map(|p| [p.x, p.y]).collect();
    let d = &state.doc.dataset;
    crate::export::write_graphml(&args.out, d, Some(&positions))?;
    Ok(format!(
        "wrote {} (GraphML: {} actors, {} relations, {} passages)",
        args.out.display(),
        d.actors.len(),
        d.relations.len(),
        d.passage_count()
    ))
}

/// The relation `--select ID` names, if it exists and is shown.
pub(crate) fn select_relation(
    state: &crate::map::MapState,
    id: &str,
) -> anyhow::Result<crate::model::RelationId> {
    use anyhow::Context as _;
    let r = state.doc.dataset.relation_index(id).with_context(|| {
        let ids: Vec<&str> = state
            .doc
            .dataset
            .relations
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        format!(
            "--select {id:?}: no relation has this id; choose one of: {}",
            ids.join(", ")
        )
    })?;
    if !state.visible_relations()[r] {
        anyhow::bail!(
            "--select {id:?}: this relation joins a secondary actor; add --secondary to show it"
        );
    }
    Ok(r)
}
