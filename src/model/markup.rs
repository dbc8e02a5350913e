//! Scanning markup (XML, HTML) byte by byte, for the checks made before a parser sees it.

/// The index of the `>` closing the tag whose name begins at `from` (quoted attribute values
/// may hold `>`), or the text's length if it never closes.
pub(crate) fn tag_close(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(from) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return i,
            _ => {}
        }
    }
    b.len()
}
