//! How long relmap's readers take on the same network in different formats, side by side in
//! one run: `cargo run --release --example format_bench -- A.json B.graphml C.gexf …` prints
//! one JSON line per file (median of 3 reads through the app's loader: read, parse,
//! validate) with its ratio to the first file's median.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not user-facing

use std::time::Instant;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    assert!(!files.is_empty(), "usage: format_bench FILE…");
    let mut first = None;
    for file in &files {
        let mut times = Vec::new();
        let mut size = (0, 0);
        for _ in 0..3 {
            let t = Instant::now();
            let d = relmap::model::load_path_keeping_unanchored(std::path::Path::new(file))
                .unwrap_or_else(|e| panic!("{e}"));
            times.push(t.elapsed().as_secs_f64() * 1e3);
            size = (d.actors.len(), d.relations.len());
        }
        times.sort_by(f64::total_cmp);
        let median = times[1];
        let base = *first.get_or_insert(median);
        println!(
            "{{\"file\":{file:?},\"nodes\":{},\"links\":{},\"median_ms\":{median:.0},\"ratio\":{:.2}}}",
            size.0,
            size.1,
            median / base
        );
    }
}
