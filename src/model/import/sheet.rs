//! Spreadsheets (`.xlsx`, `.xlsb`, `.xls`, `.ods`, read with calamine): a Kumu-style workbook
//! with Elements and Connections sheets, or an edge list with a header row on the first sheet.

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Sheets, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::csv::{column_names, read_edge_rows};
use super::{Builder, split_list, title_from, truthy};
use crate::model::error::{LoadError, ProblemKind};
use crate::model::{Dataset, Origin};

type Book = Sheets<Cursor<Vec<u8>>>;

/// Sheet names (lower-case) that hold Kumu's elements and connections, in order of preference.
const ELEMENT_SHEETS: [&str; 4] = ["elements", "nodes", "actors", "vertices"];
const CONNECTION_SHEETS: [&str; 4] = ["connections", "edges", "links", "relations"];

fn schema(file: &str, path: String, message: String) -> LoadError {
    LoadError::Schema {
        file: file.to_owned(),
        path,
        message,
    }
}

/// The most one part of a zipped workbook (`.xlsx`, `.xlsb`, `.ods`) may inflate to, and the
/// most all its parts together may: a sheet of a million rows by a few columns is well under
/// it, while a "zip bomb" is refused before anything is inflated.
pub const MAX_INFLATED_PART: u64 = 256 * 1024 * 1024;

/// See [`MAX_INFLATED_PART`]: all parts together.
pub const MAX_INFLATED_TOTAL: u64 = 1024 * 1024 * 1024;

/// Refuses a zipped workbook whose parts declare more inflated bytes than
/// [`MAX_INFLATED_PART`] (or together [`MAX_INFLATED_TOTAL`]), naming the part and its size.
/// Only the zip's directory is read. A file that is not a zip is left to the readers.
fn check_inflated(bytes: &[u8], file: &str) -> Result<(), LoadError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            continue;
        };
        let size = part.size();
        total = total.saturating_add(size);
        if size > MAX_INFLATED_PART || total > MAX_INFLATED_TOTAL {
            let name = part
                .name()
                .map_or_else(|_| format!("part {}", i + 1), |n| n.into_owned());
            let mib = |b: u64| b / (1024 * 1024);
            let (what, limit) = if size > MAX_INFLATED_PART {
                (format!("inflates to {} MiB", mib(size)), MAX_INFLATED_PART)
            } else {
                (
                    format!("brings the parts read so far to {} MiB", mib(total)),
                    MAX_INFLATED_TOTAL,
                )
            };
            return Err(schema(
                file,
                name,
                format!(
                    "{what}, over relmap's limit of {} MiB for a workbook part; split the \
                     data into smaller files or save it as CSV",
                    mib(limit)
                ),
            ));
        }
    }
    Ok(())
}

/// Opens the workbook with the reader its container names (so its own error is the one shown).
fn open(bytes: Vec<u8>, file: &str) -> Result<Book, LoadError> {
    check_inflated(&bytes, file)?;
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let ods = has(b"application/vnd.oasis.opendocument.spreadsheet");
    let xlsb = has(b"xl/workbook.bin");
    let cursor = Cursor::new(bytes);
    let book = if ole {
        open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string())
    } else if ods {
        open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string())
    } else if xlsb {
        open_workbook_from_rs::<Xlsb<_>, _>(cursor)
            .map(Sheets::Xlsb)
            .map_err(|e| e.to_string())
    } else {
        open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string())
    };
    book.map_err(|e| {
        schema(
            file,
            "workbook".to_owned(),
            format!(
                "cannot read this workbook ({e}); save it again from your spreadsheet program as .xlsx or .ods"
            ),
        )
    })
}

/// A sheet as (row location, cells) with 1-based row numbers as the spreadsheet shows them.
struct Sheet {
    name: String,
    headers: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
}

/// The most rows and columns a spreadsheet program writes (Excel's limits).
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

/// Refuses an .xlsx sheet with a cell beyond any spreadsheet's size before calamine reads it
/// whole: it allocates the full rectangle up to the farthest cell, and one damaged cell
/// reference ("AAAAAAAAAAAA1") asked for 285 GB and aborted the program.
fn check_extent(book: &mut Book, name: &str, file: &str) -> Result<(), LoadError> {
    let Sheets::Xlsx(xlsx) = book else {
        return Ok(());
    };
    let unreadable = |e: calamine::XlsxError| {
        schema(
            file,
            format!("sheet {name:?}"),
            format!("cannot read the sheet: {e}"),
        )
    };
    let mut cells = xlsx.worksheet_cells_reader(name).map_err(unreadable)?;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(schema(
                file,
                format!("sheet {name:?}"),
                format!(
                    "has a cell at row {}, column {}, beyond any spreadsheet's size: the file is damaged; save it again from your spreadsheet program",
                    u64::from(row) + 1,
                    u64::from(column) + 1
                ),
            ));
        }
    }
    Ok(())
}

fn read_sheet(book: &mut Book, name: &str, file: &str) -> Result<Sheet, LoadError> {
    check_extent(book, name, file)?;
    let range: Range<Data> = book.worksheet_range(name).map_err(|e| {
        schema(
            file,
            format!("sheet {name:?}"),
            format!("cannot read the sheet: {e}"),
        )
    })?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize) + 1;
    let mut rows = range.rows().enumerate().map(|(i, cells)| {
        (
            format!("sheet {name:?} row {}", first_row + i),
            cells.iter().map(ToString::to_string).collect::<Vec<_>>(),
        )
    });
    let headers = rows
        .next()
        .map(|(_, cells)| column_names(cells.iter().map(String::as_str)))
        .unwrap_or_default();
    Ok(Sheet {
        name: name.to_owned(),
        headers,
        rows: rows.collect(),
    })
}

/// The first sheet whose lower-case name is one of `names`.
fn find_sheet(names: &[String], wanted: &[&str]) -> Option<String> {
    wanted
        .iter()
        .find_map(|w| names.iter().find(|n| n.trim().eq_ignore_ascii_case(w)))
        .cloned()
}

/// Reads a workbook's bytes into a dataset without an article. calamine can panic on a damaged
/// file (an arithmetic overflow on a corrupt size, found by `tests/proptest_loader.rs`); that
/// is reported as this file's error, not a crash.
pub(in crate::model) fn parse_sheet(
    bytes: Vec<u8>,
    file: &str,
    origin: Origin,
) -> Result<Dataset, LoadError> {
    crate::model::contain::contain(|| read_workbook(bytes, file, origin)).unwrap_or_else(|e| {
        Err(schema(
            file,
            "workbook".to_owned(),
            format!(
                "the workbook is damaged (its reader stopped: {e}); save it again from your spreadsheet program as .xlsx or .ods"
            ),
        ))
    })
}

fn read_workbook(bytes: Vec<u8>, file: &str, origin: Origin) -> Result<Dataset, LoadError> {
    let mut book = open(bytes, file)?;
    let names = book.sheet_names();
    let mut b = Builder::new(title_from(file));
    let connections = find_sheet(&names, &CONNECTION_SHEETS);
    let edge_sheet = match &connections {
        Some(c) => {
            if let Some(e) = find_sheet(&names, &ELEMENT_SHEETS) {
                read_elements(&mut b, &read_sheet(&mut book, &e, file)?, file)?;
            }
            c.clone()
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| schema(file, "workbook".to_owned(), "has no sheets".to_owned()))?,
    };
    let sheet = read_sheet(&mut book, &edge_sheet, file)?;
    if sheet.headers.iter().filter(|h| !h.is_empty()).count() < 2 {
        return Err(schema(
            file,
            format!("sheet {:?} row 1", sheet.name),
            "an edge list needs a header row with at least two columns (e.g. From, To or source, target); a Kumu workbook names its sheets Elements and Connections".to_owned(),
        ));
    }
    // Kumu draws connections directed unless told otherwise; a bare edge list is undirected.
    let rows = sheet.rows.into_iter().map(Ok);
    read_edge_rows(&mut b, &sheet.headers, rows, connections.is_some())?;
    b.finish(origin).map_err(|problems| LoadError::Invalid {
        file: file.to_owned(),
        problems,
    })
}

/// Kumu's Elements sheet: `Label` (required), `Type`, optional `ID`, `Aliases`, `Secondary`.
fn read_elements(b: &mut Builder, sheet: &Sheet, file: &str) -> Result<(), LoadError> {
    let col = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| sheet.headers.iter().position(|h| h == n))
    };
    let label = col(&["label", "name", "title"]).ok_or_else(|| {
        schema(
            file,
            format!("sheet {:?} row 1", sheet.name),
            "an Elements sheet needs a Label column".to_owned(),
        )
    })?;
    let (id_col, kind, aliases, secondary) = (
        col(&["id"]),
        col(&["type", "kind", "element type"]),
        col(&["aliases", "alias"]),
        col(&["secondary"]),
    );
    for (location, cells) in &sheet.rows {
        let cell = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(name) = cell(Some(label)) else {
            b.problem(location.clone(), ProblemKind::EmptyField { field: "Label" });
            continue;
        };
        let id = cell(id_col).unwrap_or_else(|| name.clone());
        let before = b.actor_count();
        b.add_actor(location, id, Some(name.clone()), cell(kind).as_deref());
        if b.actor_count() > before {
            b.add_lookup(&name, before);
            if let Some(actor) = b.actor_mut(before) {
                actor.aliases = cell(aliases).map(|a| split_list(&a)).unwrap_or_default();
                actor.secondary = cell(secondary).is_some_and(|s| truthy(&s));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A workbook-shaped zip whose sheet says it inflates to `declared` bytes (the central
    /// directory's size field patched, as a crafted file would have it).
    fn zip_declaring(declared: u32) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, body) in [
            ("[Content_Types].xml", "<Types/>"),
            ("xl/worksheets/sheet1.xml", "<worksheet/>"),
        ] {
            zip.start_file(name, stored).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        let mut bytes = out.into_inner();
        // The last central directory entry is the sheet's: its uncompressed size is at +24.
        let at = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        bytes[at + 24..at + 28].copy_from_slice(&declared.to_le_bytes());
        bytes
    }

    #[test]
    fn a_part_inflating_past_the_limit_is_refused_by_name_before_inflating() {
        let Err(err) = open(zip_declaring(700 * 1024 * 1024), "bomb.xlsx") else {
            panic!("a 700 MiB part is refused");
        };
        let text = err.to_string();
        assert!(text.contains("xl/worksheets/sheet1.xml"), "{text}");
        assert!(
            text.contains("700 MiB") && text.contains("256 MiB"),
            "{text}"
        );
    }

    #[test]
    fn parts_within_the_limit_reach_the_reader() {
        // Small parts pass the check; calamine then says what is wrong with this non-workbook.
        let Err(err) = open(zip_declaring(12), "small.xlsx") else {
            panic!("not a real workbook");
        };
        assert!(!err.to_string().contains("limit"), "{err}");
    }
}
