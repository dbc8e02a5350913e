//! Layout speed on a node-link graph, comparable with `../shared/bench/d3` (same forces and
//! defaults as d3-force: many-body -30 with θ 0.9, link springs, centring).
//!
//! `cargo run --release --example layout_bench -- GRAPH.json [--ticks 300]`
//! prints one JSON line: median/mean/p90 ms per tick, total, nodes, links, peak memory.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not user-facing

use std::time::Instant;

use relmap::layout::{ForceParams, Simulation};

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .expect("usage: layout_bench GRAPH.json [--ticks N]");
    let ticks: usize = args
        .iter()
        .position(|a| a == "--ticks")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let t0 = Instant::now();
    let d = relmap::model::load_path(std::path::Path::new(file)).unwrap_or_else(|e| panic!("{e}"));
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let params = ForceParams::d3_defaults();
    let start = Simulation::spiral_start(d.actors.len(), 0, &params);
    let links: Vec<(usize, usize)> = d.relations.iter().map(|r| (r.from.0, r.to.0)).collect();
    let mut sim = Simulation::new(start, &links, vec![0.0; d.actors.len()], params);
    let mut times = Vec::with_capacity(ticks);
    let all = Instant::now();
    for _ in 0..ticks {
        let t = Instant::now();
        sim.tick();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let total_ms = all.elapsed().as_secs_f64() * 1e3;
    let finite = sim
        .positions()
        .iter()
        .all(|p| p.x.is_finite() && p.y.is_finite());
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let p90 = sorted[(sorted.len() * 9 / 10).min(sorted.len() - 1)];
    println!(
        "{{\"file\":\"{file}\",\"nodes\":{},\"links\":{},\"ticks\":{},\"median_ms\":{median:.3},\"mean_ms\":{:.3},\"p90_ms\":{p90:.3},\"total_ms\":{total_ms:.1},\"load_ms\":{load_ms:.1},\"threads\":{},\"peak_rss_mb\":{},\"finite\":{finite}}}",
        d.actors.len(),
        d.relations.len(),
        times.len(),
        total_ms / times.len() as f64,
        rayon::current_num_threads(),
        peak_rss_mb().map_or("null".to_owned(), |m| format!("{m:.1}")),
    );
}
