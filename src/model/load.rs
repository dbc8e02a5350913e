//! Reading dataset files: size cap, UTF-8, JSON syntax, schema, then validation.

use std::path::Path;

use super::error::LoadError;
use super::files::{MAX_FILE_BYTES, TextFiles, read_capped, read_capped_counting};
use super::progress::{LoadProgress, LoadStep};
use super::raw::RawDataset;
use super::validate::validate;
use super::{Dataset, Origin};

/// Checks the bytes are non-empty UTF-8 text; strips a UTF-8 byte-order mark.
pub(crate) fn decode(bytes: Vec<u8>, file: &str) -> Result<String, LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            file: file.to_owned(),
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        file: file.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Reads a text file (size-capped, UTF-8 or UTF-16 with BOM), e.g. an article to map.
pub fn read_text_file(path: &Path) -> Result<String, LoadError> {
    let file = path.display().to_string();
    decode(read_capped(path, &file)?, &file)
}

/// Loads and validates a dataset file. The error names the file as `path` spells it.
pub fn load_path(path: &Path) -> Result<Dataset, LoadError> {
    load_path_with(path, false, &LoadProgress::default())
}

/// Loads a dataset file as the app opens it: like [`load_path`], except that a passage whose
/// quote is no longer found in the article (the text was edited since) does not stop the map
/// from opening. The passage stays where it was, unanchored, and the evidence lint flags it
/// "not found in the article: re-check"; `relmap check` still refuses the file.
pub fn load_path_keeping_unanchored(path: &Path) -> Result<Dataset, LoadError> {
    load_path_with(path, true, &LoadProgress::default())
}

/// [`load_path_keeping_unanchored`], telling `progress` which step is running and how many
/// bytes have been read, for the window's progress bar.
pub fn load_path_showing_progress(
    path: &Path,
    progress: &LoadProgress,
) -> Result<Dataset, LoadError> {
    load_path_with(path, true, progress)
}

fn load_path_with(
    path: &Path,
    keep_unanchored: bool,
    progress: &LoadProgress,
) -> Result<Dataset, LoadError> {
    let file = path.display().to_string();
    progress.start(LoadStep::Reading);
    let bytes = read_capped_counting(path, &file, progress)?;
    let base = path.parent().unwrap_or(Path::new("."));
    load_bytes_with(
        bytes,
        &file,
        &TextFiles::Dir(base),
        Origin::File(path.to_path_buf()),
        keep_unanchored,
        progress,
    )
}

/// Loads a dataset from a file's bytes, in any format relmap opens (spreadsheets included);
/// `name` is used in messages and its extension helps choose the format. `text_file` is
/// refused (no folder).
pub fn load_bytes(bytes: Vec<u8>, name: &str) -> Result<Dataset, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: name.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    load_bytes_with(
        bytes,
        name,
        &TextFiles::None,
        Origin::Memory(name.to_owned()),
        false,
        &LoadProgress::default(),
    )
}

/// Sniffs the bytes (spreadsheet, text, or something relmap refuses) and reads them.
fn load_bytes_with(
    bytes: Vec<u8>,
    file: &str,
    files: &TextFiles<'_>,
    origin: Origin,
    keep_unanchored: bool,
    progress: &LoadProgress,
) -> Result<Dataset, LoadError> {
    use super::import::{Sniffed, parse_sheet, sniff_bytes};
    progress.start(LoadStep::Parsing);
    match sniff_bytes(&bytes) {
        Sniffed::Spreadsheet => {
            let mut dataset = parse_sheet(bytes, file, origin)?;
            progress.start(LoadStep::Checking);
            dataset.warnings = super::lint::lint(&dataset);
            Ok(dataset)
        }
        Sniffed::Other(looks_like) => Err(LoadError::NotAMap {
            file: file.to_owned(),
            looks_like: looks_like.to_owned(),
        }),
        Sniffed::Text => {
            let text = decode(bytes, file)?;
            let mut dataset = parse_format(&text, file, files, origin, keep_unanchored)?;
            progress.start(LoadStep::Checking);
            dataset.warnings = super::lint::lint(&dataset);
            Ok(dataset)
        }
    }
}

/// Loads a dataset from text; `name` is used in messages. `text_file` is refused (no folder).
pub fn load_str(text: &str, name: &str) -> Result<Dataset, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            file: name.to_owned(),
        });
    }
    parse(
        text,
        name,
        &TextFiles::None,
        Origin::Memory(name.to_owned()),
    )
}

/// Reads any supported format (see [`parse_format`]) and runs the evidence lint over it.
pub(super) fn parse(
    text: &str,
    file: &str,
    files: &TextFiles<'_>,
    origin: Origin,
) -> Result<Dataset, LoadError> {
    let mut dataset = parse_format(text, file, files, origin, false)?;
    dataset.warnings = super::lint::lint(&dataset);
    Ok(dataset)
}

/// Reads any supported text format, chosen by content and confirmed by extension (see
/// [`super::import::text_format`]): XML as GraphML or GEXF, delimited text as an edge list,
/// JSON as node-link when the object has `nodes` and no `format`, else as relmap/1.
fn parse_format(
    text: &str,
    file: &str,
    files: &TextFiles<'_>,
    origin: Origin,
    keep_unanchored: bool,
) -> Result<Dataset, LoadError> {
    use super::import::{TextFormat, describe_text, parse_csv, parse_xml, text_format};
    match text_format(text, file) {
        Some(TextFormat::Json) => {}
        Some(TextFormat::Xml) => return parse_xml(text, file, origin),
        Some(TextFormat::Csv) => return parse_csv(text, file, origin),
        None => {
            return Err(LoadError::NotAMap {
                file: file.to_owned(),
                looks_like: describe_text(text).to_owned(),
            });
        }
    }
    // Node-link JSON is read without building a JSON tree of every link (see
    // `import::nodelink_de`); anything else, or any doubt, is read as a tree.
    if let Some(doc) = super::import::read_nodelink(text) {
        return super::import::parse_nodelink(doc, file, origin);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| json_syntax(&e, file))?;
    if value.get("format").is_none() && value.get("nodes").is_some() {
        let doc = super::import::nodelink_from_value(value).unwrap_or_default();
        return super::import::parse_nodelink(doc, file, origin);
    }
    match value.get("format") {
        Some(serde_json::Value::String(f)) if f == "relmap/1" => {}
        Some(serde_json::Value::String(f)) => {
            return Err(LoadError::UnsupportedFormat {
                file: file.to_owned(),
                found: f.clone(),
            });
        }
        Some(_) => {
            return Err(LoadError::Schema {
                file: file.to_owned(),
                path: "format".to_owned(),
                message: "must be the string \"relmap/1\"".to_owned(),
            });
        }
        None => {
            return Err(LoadError::Schema {
                file: file.to_owned(),
                path: "format".to_owned(),
                message: "missing field; a relmap dataset starts with \"format\": \"relmap/1\""
                    .to_owned(),
            });
        }
    }
    let raw: RawDataset = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        LoadError::Schema {
            file: file.to_owned(),
            path: if path == "." {
                "(top level)".to_owned()
            } else {
                path
            },
            message: e.into_inner().to_string(),
        }
    })?;
    let (dataset, problems) = validate(raw, files, origin);
    let tolerated = |p: &super::Problem| {
        keep_unanchored && matches!(p.kind, super::ProblemKind::QuoteNotFound { .. })
    };
    if problems.iter().all(tolerated) {
        Ok(dataset)
    } else {
        Err(LoadError::Invalid {
            file: file.to_owned(),
            problems,
        })
    }
}

/// A JSON syntax error with its line and column.
pub(crate) fn json_syntax(e: &serde_json::Error, file: &str) -> LoadError {
    // serde_json appends " at line L column C"; we print the location first instead.
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_owned();
    LoadError::Syntax {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: format!("invalid JSON: {message}"),
    }
}
