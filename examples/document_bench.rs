//! What reading a long PDF as an article source costs: a 300-page report (a running header,
//! page numbers and about 40 lines of body text a page) is written with `lopdf`, then read as
//! New map from article… and Add source… read it, into a map's source.
//!
//! `cargo run --release --example document_bench [-- PAGES]` prints one JSON line per run
//! (three runs): reading and building the source in milliseconds, its pages and characters,
//! and the peak resident memory of this process. The goal is under 5 s for 300 pages.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not user-facing

use std::time::Instant;

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, Stream};

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

const WORDS: &[&str] = &[
    "China",
    "and",
    "Kazakhstan",
    "opened",
    "a",
    "pipeline",
    "while",
    "Russia",
    "watched",
    "the",
    "customs",
    "union",
    "closely;",
    "officials",
    "in",
    "Astana",
    "describe",
    "their",
    "approach",
    "as",
    "balancing",
    "between",
    "neighbours.",
];

/// A PDF of `pages` A4 pages in Times-Roman.
fn report(pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Times-Roman".to_vec()));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let resources_id = doc.add_object(resources);
    let mut kids = Vec::new();
    let mut w = 0;
    for page in 1..=pages {
        let mut ops = Vec::new();
        let mut line = |x: f32, y: f32, size: f32, text: String| {
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), size.into()]));
            ops.push(Operation::new("Td", vec![x.into(), y.into()]));
            ops.push(Operation::new("Tj", vec![Object::string_literal(text)]));
            ops.push(Operation::new("ET", vec![]));
        };
        line(
            72.0,
            800.0,
            9.0,
            "A report on the steppe: China and Kazakhstan".to_owned(),
        );
        for l in 0..40 {
            let text: Vec<&str> = (0..13).map(|i| WORDS[(w + i) % WORDS.len()]).collect();
            w += 7 + l % 5;
            line(72.0, 760.0 - 16.0 * l as f32, 11.0, text.join(" "));
        }
        line(290.0, 40.0, 9.0, format!("Page {page}"));
        let content = Content { operations: ops };
        let stream = Stream::new(Dictionary::new(), content.encode().unwrap());
        let content_id = doc.add_object(stream);
        let mut p = Dictionary::new();
        p.set("Type", Object::Name(b"Page".to_vec()));
        p.set("Parent", Object::Reference(pages_id));
        p.set("Contents", Object::Reference(content_id));
        p.set("Resources", Object::Reference(resources_id));
        p.set(
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
        );
        kids.push(Object::Reference(doc.add_object(p)));
    }
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(pages as i64));
    tree.set("Kids", Object::Array(kids));
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

fn main() {
    let pages: usize = std::env::args()
        .nth(1)
        .map_or(300, |a| a.parse().expect("usage: document_bench [PAGES]"));
    let pdf = report(pages);
    for run in 1..=3 {
        let t = Instant::now();
        let article = relmap::model::read_article_bytes(&pdf, "report.pdf").unwrap();
        let read_ms = t.elapsed().as_secs_f64() * 1e3;
        let source = relmap::model::source_from_text(
            "report",
            &article.text,
            relmap::model::SourceFields::default(),
        );
        let total_ms = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "{{\"run\":{run},\"pages\":{},\"bytes\":{},\"characters\":{},\"read_ms\":{read_ms:.0},\"source_ms\":{total_ms:.0},\"page_runs\":{},\"peak_rss_mb\":{:.0}}}",
            article.pages,
            pdf.len(),
            source.article.text.chars().count(),
            source.article.pages.len(),
            peak_rss_mb().unwrap_or(0.0)
        );
    }
}
