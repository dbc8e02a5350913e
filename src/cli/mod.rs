//! Command-line interface: `relmap [FILE]`, `relmap check FILE`, `relmap export …`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod draft;
mod merge;
mod report;

pub use draft::{DraftArgs, draft};
pub use merge::{MergeArgs, merge};
pub use report::{ReportArgs, report};

use crate::model::{self, Dataset, LoadError};

/// relmap: interactive relationship maps of policy articles, every link backed by verbatim
/// passages from the source.
#[derive(Debug, Parser)]
#[command(name = "relmap", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Map to open in the app (relmap/1, node-link JSON, GraphML, GEXF, CSV, .xlsx/.ods); the
    /// built-in China–Kazakhstan map if omitted.
    pub file: Option<PathBuf>,
    /// What to do instead of opening the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset and print a summary; exit 1 listing every problem if it is invalid.
    Check {
        /// Dataset file; the built-in map if omitted.
        file: Option<PathBuf>,
        /// Exit with status 2 when the evidence lint has warnings (for CI of datasets).
        #[arg(long)]
        strict: bool,
    },
    /// Suggest evidence: a map of ARTICLE whose every sentence naming two of the ACTORS is a
    /// draft passage, one draft relation per pair; review the drafts in the app.
    Draft(DraftArgs),
    /// Merge maps into one: actors matched by id, then name or alias; relations with the same
    /// actors, policy field and label pool their passages; every passage keeps its source.
    Merge(MergeArgs),
    /// Write the evidence report: every passage behind the relations shown, in its sentence,
    /// as HTML (figure inline), Markdown (figure beside it as SVG) or CSV, by extension.
    Report(ReportArgs),
    /// Write the map as a briefing figure (PNG or SVG, chosen by the extension), no display
    /// needed; or as GraphML (*.graphml) for other network tools, with every passage.
    Export(ExportArgs),
    /// Install relmap for this user: binary, icon, launcher entry, *.relmap.json file type, and
    /// relmap as the default application for that type.
    InstallDesktop {
        /// Install under this folder instead of ~/.local.
        #[arg(long)]
        prefix: Option<PathBuf>,
    },
    /// Remove exactly what install-desktop put there, and relmap's default-application entry.
    UninstallDesktop {
        /// The folder given to install-desktop, if not ~/.local.
        #[arg(long)]
        prefix: Option<PathBuf>,
    },
}

/// Writes `d` as relmap/1 to `out`, atomically, after checking that what is written loads
/// (as `relmap check` would): a map relmap made itself must open again. `what` names it in
/// the error ("the merged map").
pub(crate) fn write_checked_map(
    d: &Dataset,
    out: &std::path::Path,
    what: &str,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let json = model::to_relmap_json(d);
    model::load_str(&json, &out.display().to_string())
        .with_context(|| format!("{what} did not pass its own check (a bug: please report it)"))?;
    crate::atomic::write_atomic(out, json.as_bytes())
        .with_context(|| format!("writing {}", out.display()))
}

/// Runs `relmap uninstall-desktop`; returns the report to print.
pub fn uninstall_desktop(prefix: Option<PathBuf>) -> anyhow::Result<String> {
    use anyhow::Context as _;
    let prefix = prefix
        .or_else(crate::desktop::default_prefix)
        .context("no home folder found; pass --prefix")?;
    let config = crate::desktop::default_config_dir()
        .context("no configuration folder found; set XDG_CONFIG_HOME")?;
    let files = crate::desktop::uninstall(&prefix, &config)?;
    let mut out = format!("Removed relmap from {}:\n", prefix.display());
    for f in &files {
        let _ = writeln!(out, "  {}", f.display());
    }
    if files.is_empty() {
        out.push_str("  (nothing was installed there)\n");
    }
    let _ = write!(
        out,
        "and relmap's entry in {}.",
        config.join("mimeapps.list").display()
    );
    Ok(out)
}

/// Runs `relmap install-desktop`; returns the report to print.
pub fn install_desktop(prefix: Option<PathBuf>) -> anyhow::Result<String> {
    use anyhow::Context as _;
    let prefix = prefix
        .or_else(crate::desktop::default_prefix)
        .context("no home folder found; pass --prefix")?;
    let binary = std::env::current_exe().context("finding the relmap binary")?;
    let config = crate::desktop::default_config_dir()
        .context("no configuration folder found; set XDG_CONFIG_HOME")?;
    let files = crate::desktop::install(&prefix, &binary, &config)?;
    let mut out = format!("Installed relmap under {}:\n", prefix.display());
    for f in files {
        let _ = writeln!(out, "  {}", f.display());
    }
    let _ = write!(
        out,
        "relmap now appears in your applications menu and is the default application for \
         *.relmap.json files (set in {}). `relmap uninstall-desktop` removes it all.",
        config.join("mimeapps.list").display()
    );
    if !std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d == prefix.join("bin")))
    {
        let _ = write!(
            out,
            "\nTo run it from a terminal too, add {} to your PATH.",
            prefix.join("bin").display()
        );
    }
    Ok(out)
}

/// Options of `relmap export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Dataset file; the built-in map if omitted.
    pub dataset: Option<PathBuf>,
    /// Output file: *.png or *.svg (the figure), or *.graphml (the network with its evidence,
    /// for Gephi, yEd, Cytoscape or networkx; figure options do not apply).
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
    use anyhow::Context as _;

    use crate::export::{self, ExportOptions, PictureFormat};
    use crate::map::{MapState, SelectCommand, ViewCommand};
    use crate::scene::{Selection, Theme};

    if export::is_graphml(&args.out) {
        return export_graphml(args);
    }
    let format = PictureFormat::from_path(&args.out).with_context(|| {
        format!(
            "{}: unknown format; name the output *.png or *.svg for a figure, *.graphml for the network with its evidence",
            args.out.display()
        )
    })?;
    let dataset = load_dataset(args.dataset.as_deref())?;
    for m in crate::fonts::missing_in(&dataset) {
        eprintln!("relmap export: warning: {m}");
    }
    let mut state = MapState::new(dataset);
    state.apply(ViewCommand::SetShowSecondary(args.secondary));
    state.apply(ViewCommand::SetLinks(args.links.mode()));
    state.apply(ViewCommand::SetLineLabels(args.labels.choice()));
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

/// `relmap export --out FILE.graphml`: the whole network with its evidence, at the positions
/// the app would first show.
fn export_graphml(args: &ExportArgs) -> anyhow::Result<String> {
    let dataset = load_dataset(args.dataset.as_deref())?;
    let state = crate::map::MapState::new(dataset);
    let positions: Vec<[f32; 2]> = state.positions.iter().map(|p| [p.x, p.y]).collect();
    let d = &state.dataset;
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
    let r = state.dataset.relation_index(id).with_context(|| {
        let ids: Vec<&str> = state
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

/// Loads `file`, or the built-in dataset when `None`.
pub fn load_dataset(file: Option<&std::path::Path>) -> Result<Dataset, LoadError> {
    match file {
        Some(path) => model::load_path(path),
        None => model::builtin(),
    }
}

/// Runs `relmap check`: returns the report to print and the exit status: 0 valid, 1 refused,
/// 2 valid but with evidence warnings under `strict`.
pub fn check(file: Option<&std::path::Path>, strict: bool) -> (String, u8) {
    match load_dataset(file) {
        Ok(dataset) => {
            let mut out = summary(&dataset);
            out.push_str(&warnings(&dataset));
            for m in crate::fonts::missing_in(&dataset) {
                let _ = write!(out, "\nwarning: {m}");
            }
            // Exit 0 valid; 2 valid but with lint warnings under --strict.
            let code = if strict && !dataset.warnings.is_empty() {
                2
            } else {
                0
            };
            (out, code)
        }
        Err(err) => {
            let lines = err.lines();
            let mut out = lines.join("\n");
            let _ = write!(
                out,
                "\n{} problem{} found; nothing was loaded.",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" }
            );
            (out, 1)
        }
    }
}

/// The evidence lint's warnings, located, as printed after the summary (empty if none).
pub fn warnings(d: &Dataset) -> String {
    if d.warnings.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{} evidence warning{} (the map loads; check these passages):\n",
        d.warnings.len(),
        if d.warnings.len() == 1 { "" } else { "s" }
    );
    for w in &d.warnings {
        let _ = writeln!(
            out,
            "{}: {}: {}",
            d.origin.display_name(),
            w.location(d),
            w.kind
        );
    }
    out
}

/// Human summary of a valid dataset, as printed by `relmap check`.
pub fn summary(d: &Dataset) -> String {
    let mut out = String::new();
    let core = d.actors.iter().filter(|a| !a.secondary).count();
    let _ = writeln!(out, "{}", d.title);
    let _ = writeln!(out, "  file:     {}", d.origin.display_name());
    if d.sources.len() == 1 {
        let _ = writeln!(out, "  source:   {}", d.primary().meta.citation());
    } else {
        let _ = writeln!(out, "  sources:  {}", d.sources.len());
        for (i, s) in d.sources.iter().enumerate() {
            let _ = writeln!(out, "    {}) [{}] {}", i + 1, s.id, s.meta.citation());
        }
    }
    let _ = writeln!(
        out,
        "  actors:   {} ({core} core, {} secondary)",
        d.actors.len(),
        d.actors.len() - core
    );
    let _ = writeln!(out, "  relations: {}", d.relations.len());
    let _ = writeln!(out, "  passages: {}", d.passage_count());
    for (id, s) in d.sources_with_ids() {
        let cited = d.cited_paragraphs(id).len();
        let total = s.article.paragraphs.len();
        let which = if d.sources.len() == 1 {
            String::new()
        } else {
            format!(" [{}]", s.id)
        };
        if total > 0 {
            let _ = writeln!(
                out,
                "  coverage{which}: {cited}/{total} article paragraphs cited ({:.0} %)",
                d.coverage(id) * 100.0
            );
        } else {
            let _ = writeln!(out, "  coverage{which}: no article (imported graph)");
        }
    }
    let id_width = d
        .relations
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(0);
    let ends: Vec<String> = d
        .relations
        .iter()
        .map(|r| d.relation_endpoints(r))
        .collect();
    let end_width = ends.iter().map(|e| e.chars().count()).max().unwrap_or(0);
    for (r, ends) in d.relations.iter().zip(&ends) {
        let n = r.passages.len();
        let _ = writeln!(
            out,
            "    {:<id_width$}  {:<end_width$}  {:<9} {:<11} {n} passage{}",
            r.id,
            ends,
            r.dimension.as_str(),
            r.tone.as_str(),
            if n == 1 { "" } else { "s" }
        );
    }
    for note in &d.notes {
        let _ = writeln!(out, "  note: {note}");
    }
    let without = d.relations.iter().filter(|r| r.passages.is_empty()).count();
    if without > 0 {
        let _ = write!(
            out,
            "OK: {without} of {} relations have no evidence (imported without passages; drawn as \"no evidence\").",
            d.relations.len()
        );
    } else if d.sources.iter().all(|s| s.article.text.is_empty()) {
        out.push_str(
            "OK: the passages came without their article (an imported graph): their quotes are kept as text, not anchored.",
        );
    } else {
        out.push_str("OK: every quote was found in the article.");
    }
    out
}
