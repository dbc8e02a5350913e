//! XML graph files: refused past a stated nesting depth, parsed once with roxmltree, then
//! read as GraphML or GEXF by their root element; unknown extensions (yFiles, Cytoscape) are
//! skipped by those readers.

use roxmltree::{Document, ParsingOptions};

use crate::model::error::LoadError;
use crate::model::{Dataset, Origin};

/// Reads GraphML or GEXF; any other XML is refused, naming its root element.
pub(in crate::model) fn parse_xml(
    text: &str,
    file: &str,
    origin: Origin,
) -> Result<Dataset, LoadError> {
    let options = ParsingOptions {
        // Graph files carry no DTD; refusing one keeps entity expansion out of reach.
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    check_depth(text, file)?;
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let message = e.to_string();
        // roxmltree ends its message with " at ROW:COL"; the location is printed first instead.
        let message = message
            .rsplit_once(" at ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_owned();
        LoadError::Syntax {
            file: file.to_owned(),
            line: pos.row as usize,
            column: pos.col as usize,
            message: format!("invalid XML: {message}"),
        }
    })?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "graphml" => super::graphml::parse(&doc, file, origin),
        "gexf" => super::gexf::parse(&doc, file, origin),
        other => Err(LoadError::NotAMap {
            file: file.to_owned(),
            looks_like: match other.to_ascii_lowercase().as_str() {
                "html" => "a web page (HTML); to map an article, use File → New map from article…"
                    .to_owned(),
                "svg" => "an SVG picture".to_owned(),
                _ => format!(
                    "XML whose root element is <{other}>, where GraphML has <graphml> and GEXF has <gexf>"
                ),
            },
        }),
    }
}

/// The deepest element nesting read. GraphML and GEXF files nest a handful of levels (yEd's
/// graphics a dozen); a file far deeper is damaged or hostile, and refusing it before parsing
/// keeps every later walk of the tree shallow.
pub(in crate::model) const MAX_XML_DEPTH: usize = 256;

/// Refuses XML nested deeper than [`MAX_XML_DEPTH`], naming where the limit was passed. One
/// pass over the bytes: comments, CDATA, processing instructions and declarations are
/// skipped, quoted attribute values are not read as markup.
fn check_depth(text: &str, file: &str) -> Result<(), LoadError> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + offset;
        let rest = &b[at + 1..];
        let end = |pattern: &[u8]| {
            find(&b[at + 1..], pattern).map_or(b.len(), |p| at + 1 + p + pattern.len())
        };
        i = if rest.starts_with(b"!--") {
            end(b"-->")
        } else if rest.starts_with(b"![CDATA[") {
            end(b"]]>")
        } else if rest.starts_with(b"?") {
            end(b"?>")
        } else if rest.starts_with(b"!") {
            end(b">")
        } else if rest.starts_with(b"/") {
            depth = depth.saturating_sub(1);
            end(b">")
        } else {
            let close = crate::model::markup::tag_close(b, at + 1);
            let self_closing = close > at + 1 && b.get(close - 1) == Some(&b'/');
            if !self_closing {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    let line = 1 + b[..at].iter().filter(|&&c| c == b'\n').count();
                    let line_start = b[..at]
                        .iter()
                        .rposition(|&c| c == b'\n')
                        .map_or(0, |p| p + 1);
                    return Err(LoadError::Syntax {
                        file: file.to_owned(),
                        line,
                        column: text[line_start..at].chars().count() + 1,
                        message: format!(
                            "elements are nested more than {MAX_XML_DEPTH} deep; GraphML and GEXF \
                             files nest a few levels, so this file is damaged (export it again)"
                        ),
                    });
                }
            }
            (close + 1).min(b.len())
        };
        if i >= b.len() {
            break;
        }
    }
    Ok(())
}

/// Where `pattern` first starts in `haystack`.
fn find(haystack: &[u8], pattern: &[u8]) -> Option<usize> {
    haystack.windows(pattern.len()).position(|w| w == pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        let mut s = String::from("<?xml version=\"1.0\"?>\n<!-- <a><a><a> -->\n<graphml>");
        for _ in 0..depth {
            s.push_str("<graph a=\"x>y\"><data/>");
        }
        for _ in 0..depth {
            s.push_str("</graph>");
        }
        s.push_str("</graphml>");
        s
    }

    #[test]
    fn deep_nesting_is_refused_where_it_passes_the_limit_and_shallow_files_pass() {
        assert!(check_depth(&nested(MAX_XML_DEPTH - 1), "ok.graphml").is_ok());
        let Err(LoadError::Syntax {
            line,
            column,
            message,
            ..
        }) = check_depth(&nested(50_000), "deep.graphml")
        else {
            panic!("a 50,000-deep file is refused");
        };
        assert_eq!(
            line, 3,
            "comments, declarations and self-closing tags do not count"
        );
        // <graphml> is level 1, so the 256th <graph> passes the limit.
        let tag = "<graph a=\"x>y\"><data/>".len();
        assert_eq!(column, "<graphml>".len() + (MAX_XML_DEPTH - 1) * tag + 1);
        assert!(message.contains("nested more than 256 deep"), "{message}");
    }

    #[test]
    fn a_50_000_deep_file_is_an_error_through_the_reader_not_a_crash() {
        let err = parse_xml(&nested(50_000), "deep.graphml", Origin::Memory("t".into()))
            .expect_err("refused");
        assert!(err.to_string().contains("deep.graphml:3:"), "{err}");
    }
}
