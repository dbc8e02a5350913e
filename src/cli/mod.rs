//! Command-line interface: `relmap [FILE]`, `relmap check FILE`, `relmap export …`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod diff;
mod draft;
mod export;
mod merge;
mod report;

pub use diff::{DIFF_COLUMNS, DiffArgs, diff};
pub use draft::{DraftArgs, draft};
use export::select_relation;
pub use export::{ExportArgs, LabelsArg, LinksArg, PresetArg, ThemeArg, export};
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
    /// Compare two maps: which relations were added, removed, changed (tone, direction or
    /// evidence) or stayed the same, with both sides' passages; a summary line, and CSV,
    /// Markdown or HTML with --out.
    Diff(DiffArgs),
    /// Write the evidence report: every passage behind the relations shown, in its sentence,
    /// as HTML (figure inline), Markdown (figure beside it as SVG) or CSV, by extension.
    Report(ReportArgs),
    /// Write the map as a briefing figure (PNG or SVG, chosen by the extension), no display
    /// needed; as an interactive handout (*.html) any browser opens offline; or as GraphML
    /// (*.graphml) for other network tools, with every passage.
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
