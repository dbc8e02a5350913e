//! What opening a large node-link file costs, through the app's own loading path (read,
//! validate, first layout with the size-scaled cooling schedule), without a window.
//!
//! `cargo run --release --example open_bench -- GRAPH.json` prints one JSON line: load and
//! layout milliseconds, ticks run, and peak resident memory of this process.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not user-facing

use std::time::Instant;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let file = std::env::args()
        .nth(1)
        .expect("usage: open_bench GRAPH.json");
    let t0 = Instant::now();
    let d = relmap::model::load_path_keeping_unanchored(std::path::Path::new(&file))
        .unwrap_or_else(|e| panic!("{e}"));
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let t1 = Instant::now();
    let mut first_progress_ms = None;
    let positions = relmap::scene::readable_positions(&d, 0, &mut |f| {
        if f > 0.0 && first_progress_ms.is_none() {
            first_progress_ms = Some(t0.elapsed().as_secs_f64() * 1e3);
        }
    });
    let layout_ms = t1.elapsed().as_secs_f64() * 1e3;
    let finite = positions.iter().all(|p| p.x.is_finite() && p.y.is_finite());
    println!(
        "{{\"file\":{file:?},\"nodes\":{},\"links\":{},\"ticks\":{},\"load_ms\":{load_ms:.0},\"first_progress_ms\":{:.0},\"layout_ms\":{layout_ms:.0},\"open_ms\":{:.0},\"peak_rss_mb\":{},\"finite\":{finite}}}",
        d.actors.len(),
        d.relations.len(),
        relmap::layout::first_layout_ticks(d.actors.len() + d.relations.len()),
        first_progress_ms.unwrap_or(f64::NAN),
        t0.elapsed().as_secs_f64() * 1e3,
        peak_rss_mb().map_or("null".to_owned(), |m| format!("{m:.0}")),
    );
}
