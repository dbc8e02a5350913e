//! `relmap merge`: one self-contained map from several, actors reconciled and passages pooled.

use std::path::PathBuf;

/// Options of `relmap merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The maps to merge, in order: the first one's title and positions win.
    #[arg(required = true, num_args = 2..)]
    pub maps: Vec<PathBuf>,
    /// Where to write the merged map (`*.relmap.json`; every article embedded).
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `relmap merge`; returns the summary to print.
pub fn merge(args: &MergeArgs) -> anyhow::Result<String> {
    use anyhow::Context as _;
    let mut maps = args.maps.iter();
    let first = maps.next().context("name at least two maps to merge")?;
    let mut merged = crate::model::load_path(first)?;
    let mut lines = Vec::new();
    for path in maps {
        let other = crate::model::load_path(path)?;
        let (next, report) = crate::model::merge(merged, &other);
        merged = next;
        lines.push(format!("+ {}: {}", path.display(), report.summary()));
    }
    super::write_checked_map(&merged, &args.out, "the merged map")?;
    Ok(format!(
        "Wrote {}: {} sources, {} actors, {} relations, {} passages\n{}",
        args.out.display(),
        merged.sources.len(),
        merged.actors.len(),
        merged.relations.len(),
        merged.passage_count(),
        lines.join("\n")
    ))
}
