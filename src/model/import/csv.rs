//! CSV edge lists: one relation per row, endpoints found by column name.

use super::{Builder, Edge, title_from, truthy};
use crate::model::error::{LoadError, ProblemKind};
use crate::model::{Dataset, Origin};

/// Header names accepted for each end, in order of preference.
const ENDPOINTS: [(&str, &str); 4] = [
    ("source", "target"),
    ("from", "to"),
    ("origin", "destination"),
    ("src", "dst"),
];

/// Which column holds what: endpoints by name (or the first two), optional fields by name.
struct Columns {
    src: usize,
    dst: usize,
    label: Option<usize>,
    dimension: Option<usize>,
    tone: Option<usize>,
    weight: Option<usize>,
    quote: Option<usize>,
    directed: Option<usize>,
}

impl Columns {
    fn find(headers: &[String]) -> Self {
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (src, dst) = ENDPOINTS
            .iter()
            .find_map(|(a, b)| Some((col(a)?, col(b)?)))
            .unwrap_or((0, 1));
        let any = |names: &[&str]| names.iter().find_map(|n| col(n));
        Self {
            src,
            dst,
            label: any(&["label", "relation", "type", "connection type"]),
            dimension: any(&["dimension", "category"]),
            tone: any(&["tone", "sign"]),
            weight: any(&["weight", "value", "strength"]),
            quote: any(&["quote", "evidence", "passage"]),
            directed: any(&["directed", "direction"]),
        }
    }
}

/// The problem of a row whose endpoint column `header` is empty.
fn missing_endpoint(header: &str) -> ProblemKind {
    ProblemKind::EmptyField {
        field: if header.is_empty() {
            "endpoint"
        } else {
            leak_free(header)
        },
    }
}

/// Header cells as column names: trimmed, lower-case, byte-order mark dropped.
pub(super) fn column_names<'a>(cells: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    cells
        .into_iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect()
}

/// Adds one relation per row of an edge list (CSV lines or spreadsheet rows). `rows` yields
/// each row's location ("line 4", "sheet \"Connections\" row 4") and cells. An empty
/// direction cell means `default_directed` (undirected for CSV, directed for Kumu).
pub(super) fn read_edge_rows(
    b: &mut Builder,
    headers: &[String],
    rows: impl IntoIterator<Item = Result<(String, Vec<String>), LoadError>>,
    default_directed: bool,
) -> Result<(), LoadError> {
    let Columns {
        src,
        dst,
        label,
        dimension,
        tone,
        weight,
        quote,
        directed,
    } = Columns::find(headers);
    for row in rows {
        let (location, record) = row?;
        let field = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let (Some(s), Some(t)) = (field(Some(src)), field(Some(dst))) else {
            let missing = if field(Some(src)).is_none() { src } else { dst };
            b.problem(
                location,
                missing_endpoint(headers.get(missing).map_or("", String::as_str)),
            );
            continue;
        };
        let (source, target) = (b.actor_named(&s), b.actor_named(&t));
        let weight_value = field(weight)
            .and_then(|w| b.weight(format!("{location}.{}", headers[weight.unwrap_or(0)]), &w));
        let id = b.fresh_relation_id(None, source, target);
        b.add_edge(
            &location,
            Edge {
                id: Some(id),
                source,
                target,
                label: field(label),
                dimension: field(dimension),
                tone: field(tone),
                weight: weight_value,
                quotes: field(quote).into_iter().collect(),
                directed: field(directed).map_or(default_directed, |d| {
                    truthy(&d) || d.eq_ignore_ascii_case("directed")
                }),
            },
        );
    }
    Ok(())
}

/// Reads a CSV (or TSV) edge list with a header row. Endpoint columns are found by name
/// (source/target, from/to, origin/destination) or else are the first two columns; optional
/// columns: label, dimension, tone, weight (or value), quote, directed.
pub(in crate::model) fn parse_csv(
    text: &str,
    file: &str,
    origin: Origin,
) -> Result<Dataset, LoadError> {
    let delimiter = if file.to_ascii_lowercase().ends_with(".tsv") {
        b'\t'
    } else {
        sniff(text)
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let syntax = |e: &csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        LoadError::Syntax {
            file: file.to_owned(),
            line,
            column: 1,
            message: format!("invalid CSV: {e}"),
        }
    };
    let headers = column_names(reader.headers().map_err(|e| syntax(&e))?.iter());
    if headers.len() < 2 {
        return Err(LoadError::Schema {
            file: file.to_owned(),
            path: "line 1".to_owned(),
            message:
                "a CSV edge list needs a header row with at least two columns (e.g. source,target)"
                    .to_owned(),
        });
    }
    let mut b = Builder::new(title_from(file));
    let rows = reader.records().map(|record| {
        let record = record.map_err(|e| syntax(&e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        Ok((
            format!("line {line}"),
            record.iter().map(str::to_owned).collect(),
        ))
    });
    read_edge_rows(&mut b, &headers, rows, false)?;
    b.finish(origin).map_err(|problems| LoadError::Invalid {
        file: file.to_owned(),
        problems,
    })
}

/// The endpoint column names problems may mention (static, so no allocation leaks).
fn leak_free(name: &str) -> &'static str {
    for (a, b) in ENDPOINTS {
        if name == a {
            return a;
        }
        if name == b {
            return b;
        }
    }
    "endpoint"
}

/// Comma unless the header line has more semicolons or tabs (spreadsheet exports vary).
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| d)
}
