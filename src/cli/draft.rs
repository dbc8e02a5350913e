//! `relmap draft`: a map of suggested evidence from an article and an actor list.

use std::path::PathBuf;

/// Options of `relmap draft`.
#[derive(Debug, clap::Args)]
pub struct DraftArgs {
    /// The article: .txt, .md, .html, .pdf (its text layer), .docx or .odt.
    pub article: PathBuf,
    /// `{"actors": [...]}` in relmap/1's actor schema (id, name, kind, aliases, …).
    #[arg(long)]
    pub actors: PathBuf,
    /// Where to write the draft map (`*.relmap.json`).
    #[arg(long)]
    pub out: PathBuf,
    /// The article's title (default: the file's metadata, else its name).
    #[arg(long)]
    pub title: Option<String>,
    /// The article's author (default: the file's metadata).
    #[arg(long)]
    pub author: Option<String>,
    /// The article's date (YYYY, YYYY-MM or YYYY-MM-DD; default: the file's metadata).
    #[arg(long)]
    pub date: Option<String>,
}

/// Runs `relmap draft`; returns the summary to print.
pub fn draft(args: &DraftArgs) -> anyhow::Result<String> {
    let article = crate::model::read_article_file(&args.article)?;
    let actors_file = args.actors.display().to_string();
    let actors =
        crate::model::parse_actors(&crate::model::read_text_file(&args.actors)?, &actors_file)?;
    let date = match args.date.as_deref() {
        Some(s) => Some(
            crate::model::PassageDate::read(s)
                .map_err(|reason| anyhow::anyhow!("--date: {reason}"))?,
        ),
        None => article.date,
    };
    let title = args.title.clone().or(article.title).unwrap_or_else(|| {
        args.article
            .file_stem()
            .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
            .unwrap_or_default()
    });
    let mut d = crate::model::new_map_from_text(
        &article.text,
        crate::model::SourceFields {
            title,
            author: args.author.clone().or(article.author),
            date,
            ..Default::default()
        },
    );
    d.actors = actors.into();
    let report = crate::model::add_drafts(&mut d, crate::model::SourceId(0));
    super::write_checked_map(&d, &args.out, "the draft map")?;
    let read: Vec<String> = (article.pages > 0)
        .then(|| {
            let n = article.pages;
            format!("read {n} page{}", if n == 1 { "" } else { "s" })
        })
        .into_iter()
        .chain(article.notes)
        .map(|n| format!("\n  {n}"))
        .collect();
    Ok(format!(
        "Wrote {}: {} actors; {} sentences name two or more of them → {} draft passages on {} \
         draft relations. Open it in relmap, select a draft relation and review: A accepts, \
         R rejects, D goes to the next draft.{}",
        args.out.display(),
        d.actors.len(),
        report.sentences,
        report.passages,
        report.relations,
        read.concat()
    ))
}
