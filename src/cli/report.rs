//! `relmap report`: the evidence report without a display.

use std::path::PathBuf;

/// Options of `relmap report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Dataset file; the built-in map if omitted.
    pub dataset: Option<PathBuf>,
    /// Output file: `.html` (one self-contained page), `.md` (with the figure as a sibling
    /// `.svg`) or `.csv` (one row per passage).
    #[arg(long)]
    pub out: PathBuf,
    /// Report only this relation (by id).
    #[arg(long, value_name = "RELATION_ID")]
    pub select: Option<String>,
    /// Leave out draft and disputed passages.
    #[arg(long)]
    pub confirmed_only: bool,
    /// Include secondary actors' relations.
    #[arg(long)]
    pub secondary: bool,
    /// Report only passages graded at least this (Admiralty code, e.g. B2: sources A–B,
    /// information 1–2), and the relations that have one; ungraded passages are left out.
    #[arg(long, value_name = "GRADE", value_parser = super::export::parse_grade)]
    pub min_grade: Option<crate::model::Grade>,
}

/// Runs `relmap report`; returns the line to print on success.
pub fn report(args: &ReportArgs) -> anyhow::Result<String> {
    use crate::export::{self, ExportOptions, ReportFormat};
    use crate::map::{MapState, SelectCommand, ViewCommand};
    use crate::scene::Selection;

    if ReportFormat::from_path(&args.out).is_none() {
        anyhow::bail!(
            "{}: unknown report format; name the output *.html, *.md or *.csv",
            args.out.display()
        );
    }
    let dataset = super::load_dataset(args.dataset.as_deref())?;
    let mut state = MapState::new(dataset);
    state.apply(ViewCommand::SetShowSecondary(args.secondary));
    state.apply(crate::map::FilterCommand::SetMinGrade(args.min_grade));
    let only = match &args.select {
        Some(id) => {
            let r = super::select_relation(&state, id)?;
            state.apply(SelectCommand::Select(Selection::Relation(r)));
            Some(r)
        }
        None => None,
    };
    let input = state.report_input(only, args.confirmed_only);
    let figure = state.figure(&ExportOptions::default());
    let written = export::write_report(&args.out, &state.doc.dataset, &input, &figure)?;
    let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    Ok(format!(
        "wrote {} ({})",
        files.join(" and "),
        export::report_summary(&state.doc.dataset, &input)
    ))
}
