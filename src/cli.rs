//! Command-line interface: `relmap [FILE]`, `relmap check FILE`, `relmap export …`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::model::{self, Dataset, LoadError};

/// relmap: interactive relationship maps of policy articles, every link backed by verbatim
/// passages from the source.
#[derive(Debug, Parser)]
#[command(name = "relmap", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Dataset to open in the app (relmap/1 JSON); the built-in China–Kazakhstan map if omitted.
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
    },
}

/// Loads `file`, or the built-in dataset when `None`.
pub fn load_dataset(file: Option<&std::path::Path>) -> Result<Dataset, LoadError> {
    match file {
        Some(path) => model::load_path(path),
        None => model::builtin(),
    }
}

/// Runs `relmap check`: returns the report to print and whether the dataset is valid.
pub fn check(file: Option<&std::path::Path>) -> (String, bool) {
    match load_dataset(file) {
        Ok(dataset) => (summary(&dataset), true),
        Err(err) => {
            let lines = err.lines();
            let mut out = lines.join("\n");
            let _ = write!(
                out,
                "\n{} problem{} found; nothing was loaded.",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" }
            );
            (out, false)
        }
    }
}

/// Human summary of a valid dataset, as printed by `relmap check`.
pub fn summary(d: &Dataset) -> String {
    let mut out = String::new();
    let core = d.actors.iter().filter(|a| !a.secondary).count();
    let _ = writeln!(out, "{}", d.title);
    let _ = writeln!(out, "  file:     {}", d.origin.display_name());
    let _ = writeln!(out, "  source:   {}", d.source.citation());
    let _ = writeln!(
        out,
        "  actors:   {} ({core} core, {} secondary)",
        d.actors.len(),
        d.actors.len() - core
    );
    let _ = writeln!(out, "  relations: {}", d.relations.len());
    let _ = writeln!(out, "  passages: {}", d.passage_count());
    let cited = d.cited_paragraphs().len();
    let total = d.article.paragraphs.len();
    let _ = writeln!(
        out,
        "  coverage: {cited}/{total} article paragraphs cited ({:.0} %)",
        d.coverage() * 100.0
    );
    let id_width = d.relations.iter().map(|r| r.id.chars().count()).max().unwrap_or(0);
    let ends: Vec<String> = d.relations.iter().map(|r| d.relation_endpoints(r)).collect();
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
    out.push_str("OK: every quote was found in the article.");
    out
}
