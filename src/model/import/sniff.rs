//! Which format a file holds: the extension proposes, the content confirms.
//!
//! A file is never parsed as something its bytes say it is not: a PDF named `.csv` is refused
//! as a PDF, and a GraphML file named `.csv` still opens as GraphML.

/// What the loader should do with a file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::model) enum Sniffed {
    /// A workbook calamine reads (`.xlsx`, `.xlsb`, `.xls`, `.ods`).
    Spreadsheet,
    /// Text: JSON, XML or a delimited edge list, told apart by [`text_format`].
    Text,
    /// Something relmap does not open; the description says what it looks like.
    Other(&'static str),
}

/// Sorts bytes into spreadsheet, text, or something else, by their first bytes.
pub(in crate::model) fn sniff_bytes(bytes: &[u8]) -> Sniffed {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") {
        return zip_kind(bytes);
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // The old Office container: Excel 97–2003 workbooks, but also .doc and .ppt. calamine
        // tells which when it opens it.
        return Sniffed::Spreadsheet;
    }
    const MAGIC: [(&[u8], &str); 9] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip-compressed file (uncompress it first)"),
        (b"BZh", "a bzip2-compressed file (uncompress it first)"),
        (b"\xFD7zXZ", "an xz-compressed file (uncompress it first)"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"\x7FELF", "a program, not data"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| starts(m)) {
        return Sniffed::Other(what);
    }
    Sniffed::Text
}

/// Tells workbooks from other ZIP containers (Word, Maltego, plain archives) by their entries'
/// names, which ZIP stores uncompressed in each local header.
fn zip_kind(bytes: &[u8]) -> Sniffed {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let head_has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if head_has(b"application/vnd.oasis.opendocument.spreadsheet") || has(b"xl/workbook") {
        Sniffed::Spreadsheet
    } else if head_has(b"application/vnd.oasis.opendocument.text") || has(b"word/document") {
        Sniffed::Other(
            "a word-processor document; relmap maps an article from File → New map from article…",
        )
    } else if has(b"Graphs/Graph") {
        Sniffed::Other(
            "a Maltego graph (.mtgx); export it from Maltego as GraphML, or unzip it and open the .graphml inside",
        )
    } else {
        Sniffed::Other("a ZIP archive; unzip it and open the map file inside")
    }
}

/// The text formats relmap reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::model) enum TextFormat {
    /// relmap/1 or node-link JSON.
    Json,
    /// GraphML, GEXF, or XML to refuse by its root element.
    Xml,
    /// A delimited edge list.
    Csv,
}

/// Picks the text format: content first (`{`/`[` is JSON, `<` is XML), then the extension;
/// `None` when the text is none of them (prose, say).
pub(in crate::model) fn text_format(text: &str, file: &str) -> Option<TextFormat> {
    let lower = file.to_ascii_lowercase();
    let ext = |e: &str| lower.ends_with(e);
    match text.trim_start().chars().next() {
        Some('{' | '[') => return Some(TextFormat::Json),
        Some('<') => return Some(TextFormat::Xml),
        _ => {}
    }
    if ext(".csv") || ext(".tsv") || ext(".txt") || ext(".tab") {
        return Some(TextFormat::Csv);
    }
    // No telling extension: a header line with a delimiter reads as an edge list.
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    first.contains([',', ';', '\t']).then_some(TextFormat::Csv)
}

/// What a text that is none of the formats looks like, for the refusal.
pub(in crate::model) fn describe_text(text: &str) -> &'static str {
    let words = text.split_whitespace().take(200).count();
    if words >= 30 {
        "prose, not a map (to map an article, use File → New map from article…)"
    } else {
        "plain text without a header row of comma-, semicolon- or tab-separated columns"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_decide_before_the_extension() {
        assert_eq!(
            sniff_bytes(b"%PDF-1.7\n..."),
            Sniffed::Other("a PDF document")
        );
        assert_eq!(
            sniff_bytes(b"\x89PNG\r\n\x1a\n"),
            Sniffed::Other("a PNG image")
        );
        assert_eq!(sniff_bytes(b"source,target\na,b\n"), Sniffed::Text);
        let xlsx = b"PK\x03\x04....[Content_Types].xml....xl/workbook.xml";
        assert_eq!(sniff_bytes(xlsx), Sniffed::Spreadsheet);
        let ods = b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
        assert_eq!(sniff_bytes(ods), Sniffed::Spreadsheet);
        assert!(matches!(
            sniff_bytes(b"PK\x03\x04....word/document.xml"),
            Sniffed::Other(w) if w.contains("word-processor")
        ));
        assert!(matches!(
            sniff_bytes(b"PK\x03\x04....Graphs/Graph1.graphml"),
            Sniffed::Other(w) if w.contains("Maltego")
        ));
    }

    #[test]
    fn content_beats_a_misleading_extension() {
        assert_eq!(
            text_format("<?xml version='1.0'?><graphml/>", "g.csv"),
            Some(TextFormat::Xml)
        );
        assert_eq!(
            text_format("{\"nodes\": []}", "g.csv"),
            Some(TextFormat::Json)
        );
        assert_eq!(text_format("a;b\n1;2", "g"), Some(TextFormat::Csv));
        assert_eq!(text_format("Dear colleagues\nplease find", "notes"), None);
        assert_eq!(text_format("anything", "edges.tsv"), Some(TextFormat::Csv));
    }
}
