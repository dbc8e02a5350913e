//! Reading the CSV files relmap writes as a user's spreadsheet would: the header row, then the
//! rows. Shared by the test binaries that check reports and comparisons.

#![allow(dead_code, reason = "each test binary uses what it needs")]

/// A CSV file's header row and its rows.
pub struct Table {
    /// The column names, in order.
    pub header: Vec<String>,
    /// Every row after the header.
    pub rows: Vec<csv::StringRecord>,
}

impl Table {
    /// Where the column `name` is (the test fails if it is missing).
    #[expect(
        clippy::expect_used,
        reason = "test helper: a missing column fails the test"
    )]
    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .expect("the column is there")
    }
}

/// Reads CSV text.
#[expect(
    clippy::expect_used,
    reason = "test helper: an unreadable output must fail loudly"
)]
pub fn read(text: &[u8]) -> Table {
    let mut reader = csv::Reader::from_reader(text);
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader.records().map(|r| r.expect("a row")).collect();
    Table { header, rows }
}

/// Reads the CSV file at `path`.
#[expect(
    clippy::expect_used,
    reason = "test helper: an unreadable output must fail loudly"
)]
pub fn read_file(path: &std::path::Path) -> Table {
    read(&std::fs::read(path).expect("the CSV file"))
}
