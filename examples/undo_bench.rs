//! What an undoable edit costs on a large map, through `MapState::apply` as the app runs it:
//! 200 actor renames, then their 200 undos, and the memory the history holds.
//!
//! `cargo run --release --example undo_bench -- GRAPH.json` prints one JSON line: `edit_ms`
//! and `undo_ms` (medians), `opened_mb` (resident after opening) and `after_200_mb`
//! (resident after the 200 renames), and whether every undo gave back the name it replaced.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not user-facing

use std::time::Instant;

use relmap::map::{ActorFields, DocCommand, EditCommand, MapState, Showing};
use relmap::model::ActorId;

fn rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let file = std::env::args()
        .nth(1)
        .expect("usage: undo_bench GRAPH.json");
    let d = relmap::model::load_path_keeping_unanchored(std::path::Path::new(&file))
        .unwrap_or_else(|e| panic!("{e}"));
    let (nodes, links) = (d.actors.len(), d.relations.len());
    // Positions do not matter to an edit; the loader's spiral start is enough.
    let mut state = MapState::with_layout(d, Vec::new(), Showing::default());
    let opened_mb = rss_mb();
    let n = 200.min(nodes);
    let step = (nodes / n).max(1);
    let actors: Vec<ActorId> = (0..n).map(|k| ActorId(k * step)).collect();
    let old: Vec<String> = actors
        .iter()
        .map(|&a| state.doc.dataset.actors[a].name.clone())
        .collect();
    let mut edit_ms = Vec::new();
    for (k, &a) in actors.iter().enumerate() {
        let actor = &state.doc.dataset.actors[a];
        let fields = ActorFields {
            name: format!("Renamed actor {k}"),
            kind: actor.kind.clone(),
            aliases: actor.aliases.clone(),
            secondary: actor.secondary,
        };
        let t = Instant::now();
        state.apply(DocCommand::EditActor(a, fields));
        edit_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let after_200_mb = rss_mb();
    let mut undo_ms = Vec::new();
    for _ in 0..n {
        let t = Instant::now();
        state.apply(EditCommand::Undo);
        undo_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let restored = actors
        .iter()
        .zip(&old)
        .all(|(&a, name)| &state.doc.dataset.actors[a].name == name);
    let mb = |m: Option<f64>| m.map_or("null".to_owned(), |m| format!("{m:.0}"));
    println!(
        "{{\"file\":{file:?},\"nodes\":{nodes},\"links\":{links},\"edits\":{n},\"edit_ms\":{:.2},\"undo_ms\":{:.2},\"opened_mb\":{},\"after_200_mb\":{},\"restored\":{restored},\"clean_after_undo\":{}}}",
        median(edit_ms),
        median(undo_ms),
        mb(opened_mb),
        mb(after_200_mb),
        !state.is_dirty(),
    );
}
