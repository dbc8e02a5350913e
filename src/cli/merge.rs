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
    let json = crate::model::to_relmap_json(&merged);
    // What is written must pass `relmap check`: check it before writing.
    crate::model::load_str(&json, &args.out.display().to_string())
        .context("the merged map did not pass its own check (a bug: please report it)")?;
    crate::atomic::write_atomic(&args.out, json.as_bytes())
        .with_context(|| format!("writing {}", args.out.display()))?;
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
