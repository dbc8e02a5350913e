//! Times exporting the built-in map as a 2× PNG (figure layout + SVG + rasterise + encode).
//! Run: `cargo run --release --example export_bench -- [RUNS]`; prints one JSON line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not user-facing

use std::time::Instant;

use relmap::export::{self, ExportOptions, PictureFormat};
use relmap::map::MapState;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let state = MapState::new(relmap::model::builtin().expect("built-in dataset"));
    let opts = ExportOptions {
        scale: 2,
        ..Default::default()
    };
    // Warm-up: font database and caches.
    let mut bytes = export::render(&state.figure(&opts), PictureFormat::Png, 2).expect("render");
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        bytes = export::render(&state.figure(&opts), PictureFormat::Png, 2).expect("render");
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    let median = ms[ms.len() / 2];
    println!(
        "{{\"bench\":\"export_png_2x\",\"runs\":{runs},\"median_ms\":{median:.1},\"min_ms\":{:.1},\"max_ms\":{:.1},\"bytes\":{}}}",
        ms[0],
        ms[ms.len() - 1],
        bytes.len()
    );
}
