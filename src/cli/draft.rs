//! `relmap draft`: a map of suggested evidence from an article and an actor list.

use std::path::PathBuf;

/// Options of `relmap draft`.
#[derive(Debug, clap::Args)]
pub struct DraftArgs {
    /// The article: .txt, .md or .html.
    pub article: PathBuf,
    /// `{"actors": [...]}` in relmap/1's actor schema (id, name, kind, aliases, …).
    #[arg(long)]
    pub actors: PathBuf,
    /// Where to write the draft map (`*.relmap.json`).
    #[arg(long)]
    pub out: PathBuf,
    /// The article's title (default: the file name).
    #[arg(long)]
    pub title: Option<String>,
    /// The article's author.
    #[arg(long)]
    pub author: Option<String>,
    /// The article's date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
}

/// Runs `relmap draft`; returns the summary to print.
pub fn draft(args: &DraftArgs) -> anyhow::Result<String> {
    let article_file = args.article.display().to_string();
    let contents = crate::model::read_text_file(&args.article)?;
    let text = crate::model::article_text(&contents, &article_file)?;
    let actors_file = args.actors.display().to_string();
    let actors =
        crate::model::parse_actors(&crate::model::read_text_file(&args.actors)?, &actors_file)?;
    let date = match args.date.as_deref() {
        Some(s) => Some(
            crate::model::PassageDate::read(s)
                .map_err(|reason| anyhow::anyhow!("--date: {reason}"))?,
        ),
        None => None,
    };
    let title = args.title.clone().unwrap_or_else(|| {
        args.article
            .file_stem()
            .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
            .unwrap_or_default()
    });
    let mut d = crate::model::new_map_from_text(
        &text,
        crate::model::SourceFields {
            title,
            author: args.author.clone(),
            date,
            ..Default::default()
        },
    );
    d.actors = actors.into();
    let report = crate::model::add_drafts(&mut d, crate::model::SourceId(0));
    super::write_checked_map(&d, &args.out, "the draft map")?;
    Ok(format!(
        "Wrote {}: {} actors; {} sentences name two or more of them → {} draft passages on {} \
         draft relations. Open it in relmap, select a draft relation and review: A accepts, \
         R rejects, D goes to the next draft.",
        args.out.display(),
        d.actors.len(),
        report.sentences,
        report.passages,
        report.relations
    ))
}
