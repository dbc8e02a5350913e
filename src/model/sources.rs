//! The sources of a relmap/1 file: its single `source` object or its `sources` list, each
//! with its text, and which source each passage quotes.

use std::collections::BTreeMap;

use super::error::ProblemKind;
use super::files::TextFiles;
use super::raw::{RawPageRun, RawSource};
use super::{Article, PageRun, Source, SourceId, SourceMeta};

/// The id a file's single `source` object gets when it names none.
pub const SINGLE_SOURCE_ID: &str = "source";

/// The sources of a file: its single `source` object or its `sources` list (never both), each
/// with its text; always at least one (an empty stand-in after a reported problem).
pub(super) fn sources(
    single: Option<RawSource>,
    list: Option<Vec<RawSource>>,
    files: &TextFiles<'_>,
    report: &mut impl FnMut(String, ProblemKind),
) -> Vec<Source> {
    let raws: Vec<(String, RawSource)> = match (single, list) {
        (Some(_), Some(_)) => {
            report(
                "sources".to_owned(),
                ProblemKind::SourceForm {
                    what: "give either \"source\" (one article) or \"sources\" (a list), not both"
                        .to_owned(),
                },
            );
            Vec::new()
        }
        (Some(raw), None) => vec![("source".to_owned(), raw)],
        (None, Some(list)) => {
            if list.is_empty() {
                report(
                    "sources".to_owned(),
                    ProblemKind::SourceForm {
                        what: "\"sources\" is empty; list at least one article".to_owned(),
                    },
                );
            }
            list.into_iter()
                .enumerate()
                .map(|(i, raw)| (format!("sources[{i}]"), raw))
                .collect()
        }
        (None, None) => {
            report(
                "source".to_owned(),
                ProblemKind::SourceForm {
                    what: "the file names no article: add \"source\" (one article) or \"sources\" (a list)"
                        .to_owned(),
                },
            );
            Vec::new()
        }
    };
    let several = raws.len() > 1 || raws.first().is_some_and(|(at, _)| at != "source");
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Vec::with_capacity(raws.len().max(1));
    for (at, raw) in raws {
        let id = raw.id.clone().unwrap_or_default();
        let id = if id.trim().is_empty() {
            if several {
                report(
                    at.clone(),
                    ProblemKind::BadSourceId {
                        what: "a source in \"sources\" needs an \"id\" that passages can name"
                            .to_owned(),
                    },
                );
            }
            if out.is_empty() {
                SINGLE_SOURCE_ID.to_owned()
            } else {
                format!("source-{}", out.len() + 1)
            }
        } else {
            id
        };
        if let Some(first) = seen.get(&id) {
            report(
                at.clone(),
                ProblemKind::BadSourceId {
                    what: format!(
                        "source id {id:?} is used twice (first at {first}); give each source its own id"
                    ),
                },
            );
        }
        seen.insert(id.clone(), at.clone());
        let (meta, article) = source_and_article(&raw, &at, files, report);
        out.push(Source { id, meta, article });
    }
    if out.is_empty() {
        out.push(Source {
            id: SINGLE_SOURCE_ID.to_owned(),
            meta: SourceMeta {
                title: "Untitled article".to_owned(),
                ..SourceMeta::default()
            },
            article: Article::new(String::new()),
        });
    }
    out
}

/// A source's bibliographic data and its article text (inline or from a file beside);
/// problems are located at `at` ("source" or "sources[1]").
fn source_and_article(
    raw: &RawSource,
    at: &str,
    files: &TextFiles<'_>,
    report: &mut impl FnMut(String, ProblemKind),
) -> (SourceMeta, Article) {
    let article_text = match (&raw.text, &raw.text_file) {
        (Some(_), Some(_)) => {
            report(at.to_owned(), ProblemKind::BothArticles);
            None
        }
        (Some(text), None) => Some(text.clone()),
        (None, Some(rel)) => match files.read(rel) {
            Ok(text) => Some(text),
            Err(kind) => {
                report(format!("{at}.text_file"), kind);
                None
            }
        },
        (None, None) => {
            report(at.to_owned(), ProblemKind::NoArticle);
            None
        }
    };
    let mut article = Article::new(article_text.unwrap_or_default());
    if let Some(pages) = &raw.pages {
        match page_offsets(&article.text, pages) {
            Ok(offsets) => article.pages = offsets,
            Err(what) => report(format!("{at}.pages"), ProblemKind::SourceForm { what }),
        }
    }
    let date = super::date::parse_date(raw.date.as_deref(), &format!("{at}.date"), report);
    let source = SourceMeta {
        title: raw
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "Untitled article".to_owned()),
        author: raw.author.clone().filter(|a| !a.trim().is_empty()),
        date,
        publisher: raw.section.clone().filter(|s| !s.trim().is_empty()),
        url: raw.url.clone().filter(|s| !s.trim().is_empty()),
        reliability: raw.reliability.as_deref().and_then(|value| {
            let parsed = super::Reliability::parse(value);
            if parsed.is_none() {
                report(
                    format!("{at}.reliability"),
                    ProblemKind::BadReliability {
                        value: value.to_owned(),
                    },
                );
            }
            parsed
        }),
    };
    (source, article)
}

/// The most pages a source may list (a 300-page report is ordinary; a million is not a text).
const MAX_PAGES: usize = 100_000;

/// A source's `pages` (runs of text, each starting at a character offset, on one page) with
/// byte offsets into `text`; the error says what is wrong and what to do.
fn page_offsets(text: &str, pages: &[RawPageRun]) -> Result<Vec<PageRun>, String> {
    if pages.len() > MAX_PAGES {
        return Err(format!(
            "{} page runs listed; at most {MAX_PAGES} are read",
            pages.len()
        ));
    }
    if let Some(w) = pages.windows(2).position(|w| w[1].start < w[0].start) {
        return Err(format!(
            "run {} starts at character {}, before run {} (at {}): list the runs in the \
             order of the text",
            w + 2,
            pages[w + 1].start,
            w + 1,
            pages[w].start
        ));
    }
    if let Some(bad) = pages.iter().position(|r| r.page == 0) {
        return Err(format!("run {} is on page 0; pages count from 1", bad + 1));
    }
    // One pass over the text, turning character counts into byte offsets.
    let chars = text.chars().count() as u64;
    let mut out = Vec::with_capacity(pages.len());
    let mut walk = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let mut at_char = 0_u64;
    let mut at_byte = walk.next().unwrap_or(0);
    for run in pages {
        if run.start > chars {
            return Err(format!(
                "a run of page {} starts at character {}, past the end of the text ({chars} \
                 characters)",
                run.page, run.start
            ));
        }
        while at_char < run.start {
            at_byte = walk.next().unwrap_or(text.len());
            at_char += 1;
        }
        out.push(PageRun {
            start: at_byte,
            page: run.page,
        });
    }
    Ok(out)
}

/// The source a passage names; with a single source it may name none (or that one).
pub(super) fn passage_source(
    named: Option<&str>,
    sources: &[Source],
    at: &str,
    report: &mut impl FnMut(String, ProblemKind),
) -> SourceId {
    let known = || {
        sources
            .iter()
            .map(|s| format!("{:?}", s.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match named {
        Some(id) => match sources.iter().position(|s| s.id == id) {
            Some(i) => SourceId(i),
            None => {
                report(
                    format!("{at}.source"),
                    ProblemKind::UnknownSource {
                        id: id.to_owned(),
                        known: format!(": the ids are {}", known()),
                    },
                );
                SourceId(0)
            }
        },
        None => {
            if sources.len() > 1 {
                report(
                    at.to_owned(),
                    ProblemKind::PassageSourceMissing { known: known() },
                );
            }
            SourceId(0)
        }
    }
}
