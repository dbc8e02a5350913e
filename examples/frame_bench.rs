//! Cost of one full frame on large graphs: a layout tick, building the Scene, painting it with
//! egui and tessellating the result (epaint runs without a window).
//!
//! `cargo run --release --example frame_bench -- [N | GRAPH.json ...]` (default 1000 5000
//! 20000): a number is a generated scale-free graph of that many nodes, a path a node-link file
//! (the same graph `layout_bench` and the d3 reference run). One JSON line per graph with
//! median milliseconds per phase; `"file"` names the file when there is one. The scene comes
//! from `MapState::scene_cached`, as in the app: refreshed in place while only positions move.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not user-facing

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use egui::{Pos2, Rect, Vec2};
use relmap::layout::{ForceParams, Simulation};
use relmap::map::{EditCommand, LayoutRun, MapState, View};
use relmap::scene::{Style, Theme};

/// A deterministic scale-free graph (preferential attachment, 4 links per new node).
fn graph_json(n: usize) -> String {
    let mut seed = 42u64;
    let mut rnd = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let mut ends: Vec<usize> = vec![0, 1];
    let mut links = String::new();
    let _ = write!(links, "{{\"source\":0,\"target\":1}}");
    for i in 2..n {
        for _ in 0..4.min(i) {
            let j = ends[rnd() % ends.len()];
            if j != i {
                let _ = write!(links, ",{{\"source\":{i},\"target\":{j}}}");
                ends.extend([i, j]);
            }
        }
    }
    let nodes: Vec<String> = (0..n).map(|i| format!("{{\"id\":{i}}}")).collect();
    format!("{{\"nodes\":[{}],\"links\":[{links}]}}", nodes.join(","))
}

/// Frames timed while the layout runs (ticks 61 onward of the readable layout).
const SERIAL_FRAMES: usize = 45;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// A generated graph of `arg` nodes, or the node-link file `arg` names (then also its name).
fn load_graph(arg: &str) -> (relmap::model::Dataset, Option<String>) {
    match arg.parse::<usize>() {
        Ok(n) => (
            relmap::model::load_str(&graph_json(n), "bench.json").expect("graph"),
            None,
        ),
        Err(_) => (
            relmap::model::load_path(std::path::Path::new(arg)).unwrap_or_else(|e| panic!("{e}")),
            Some(arg.to_owned()),
        ),
    }
}

/// Paints `state`'s scene into `canvas` and tessellates it, as one app frame does.
fn paint_frame(ctx: &egui::Context, state: &MapState, style: &Style, canvas: Rect) {
    let scene = state.scene_cached(style);
    let input = egui::RawInput {
        screen_rect: Some(canvas),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| {
        let painter = ui.painter_at(canvas);
        relmap::render::paint_scene(
            &painter,
            &scene,
            state.camera.view.screen_from_world(canvas),
        );
    });
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
}

/// Frames as the app draws a large map's live first layout (`LayoutRun::Live`): the simulation
/// ticks on its worker thread while each frame takes its newest positions, refreshes the scene,
/// paints and tessellates. Only frames that show new positions are timed (the app waits for
/// the worker otherwise). Empty for maps laid out before they are shown.
fn live_frames(
    d: &relmap::model::Dataset,
    style: &Style,
    canvas: Rect,
    ctx: &egui::Context,
) -> String {
    if !relmap::layout::first_layout_live(d) {
        return String::new();
    }
    let ids: Vec<usize> = (0..d.actors.len()).collect();
    let given = relmap::layout::given_positions(d);
    let start = relmap::layout::first_simulation(d, 0, &ids, &given)
        .positions()
        .to_vec();
    let mut state = MapState::with_layout(d.clone(), start, Default::default());
    state.camera.view = View::fit(state.scene_cached(style).bounds, canvas);
    state.apply(EditCommand::StartFirstLayout);
    let mut run = LayoutRun::default();
    let (mut frames, mut ticks) = (vec![], 0);
    let began = Instant::now();
    while state.place.layout_request.wanted {
        let f0 = Instant::now();
        let Some(step) = run.step(&state, Duration::ZERO) else {
            std::thread::sleep(Duration::from_micros(500));
            continue;
        };
        ticks = run.live_ticks().unwrap_or(ticks);
        state.apply(step);
        paint_frame(ctx, &state, style, canvas);
        frames.push(f0.elapsed().as_secs_f64() * 1e3);
    }
    let secs = began.elapsed().as_secs_f64();
    let planned = relmap::layout::first_layout_ticks(d.actors.len() + d.relations.len());
    format!(
        ",\"live_frame_ms\":{:.2},\"live_fps\":{:.1},\"live_tick_ms\":{:.2},\"live_settled_s\":{secs:.2}",
        median(frames.clone()),
        frames.len() as f64 / secs,
        secs * 1e3 / planned.max(ticks) as f64,
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let graphs = if args.is_empty() {
        vec!["1000".to_owned(), "5000".to_owned(), "20000".to_owned()]
    } else {
        args
    };
    for graph in graphs {
        let (d, file) = load_graph(&graph);
        let n = d.actors.len();
        let links: Vec<(usize, usize)> = d.relations.iter().map(|r| (r.from.0, r.to.0)).collect();
        let params = ForceParams::readable(Pos2::ZERO);
        let start = Simulation::spiral_start(n, 0, &params);
        let mut sim = Simulation::new(start, &links, vec![20.0; n], params);
        sim.run(60);
        let mut state = MapState::with_layout(d, sim.positions().to_vec(), Default::default());
        let style = Style::for_theme(Theme::Light);
        let canvas = Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0));
        // The first frame of a freshly opened map builds its scene from scratch.
        let cold = Instant::now();
        let bounds = state.scene_cached(&style).bounds;
        let first_scene_ms = cold.elapsed().as_secs_f64() * 1e3;
        state.camera.view = View::fit(bounds, canvas);
        let ctx = egui::Context::default();
        let (mut tick, mut scene_ms, mut paint_ms, mut tess_ms, mut total) =
            (vec![], vec![], vec![], vec![], vec![]);
        let (mut pan_ms, mut hit_us) = (vec![], vec![]);
        let mut primitives = 0;
        // Enough frames that a median is not swayed by a busy moment on a shared machine.
        for _ in 0..SERIAL_FRAMES {
            let t0 = Instant::now();
            sim.tick();
            state.place.positions.raw.copy_from_slice(sim.positions());
            let t1 = Instant::now();
            let scene = state.scene_cached(&style);
            let t2 = Instant::now();
            let input = egui::RawInput {
                screen_rect: Some(canvas),
                ..Default::default()
            };
            let output = ctx.run_ui(input, |ui| {
                let painter = ui.painter_at(canvas);
                relmap::render::paint_scene(
                    &painter,
                    &scene,
                    state.camera.view.screen_from_world(canvas),
                );
            });
            let t3 = Instant::now();
            let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
            let t4 = Instant::now();
            primitives = meshes.len();
            tick.push((t1 - t0).as_secs_f64() * 1e3);
            scene_ms.push((t2 - t1).as_secs_f64() * 1e3);
            paint_ms.push((t3 - t2).as_secs_f64() * 1e3);
            tess_ms.push((t4 - t3).as_secs_f64() * 1e3);
            total.push((t4 - t0).as_secs_f64() * 1e3);
        }
        // Pan frames: the layout is still, so the cached scene is reused.
        for _ in 0..15 {
            let p0 = Instant::now();
            state.camera.view.pan(Vec2::new(3.0, 0.0));
            paint_frame(&ctx, &state, &style, canvas);
            pan_ms.push(p0.elapsed().as_secs_f64() * 1e3);
            let cached = state.scene_cached(&style);
            // Hovering: hit-tests on the same scene (its index is built on the first one).
            let probe = state.camera.view.screen_from_world(canvas).inverse() * canvas.center();
            let _ = cached.hit(probe, 5.0 / state.camera.view.zoom);
            let h0 = Instant::now();
            for k in 0..10 {
                let _ = cached.hit(
                    probe + Vec2::new(k as f32 * 7.0, 3.0),
                    5.0 / state.camera.view.zoom,
                );
            }
            hit_us.push(h0.elapsed().as_secs_f64() * 1e6 / 10.0);
        }
        let live = live_frames(&state.doc.dataset, &style, canvas, &ctx);
        let file = file.map_or(String::new(), |f| format!("\"file\":{f:?},"));
        println!(
            "{{{file}\"nodes\":{n},\"links\":{},\"tick_ms\":{:.2},\"scene_ms\":{:.2},\"paint_ms\":{:.2},\"tessellate_ms\":{:.2},\"first_scene_ms\":{first_scene_ms:.1},\"frame_ms\":{:.2},\"pan_frame_ms\":{:.2},\"hit_us\":{:.1},\"primitives\":{primitives}{live}}}",
            links.len(),
            median(tick),
            median(scene_ms),
            median(paint_ms),
            median(tess_ms),
            median(total),
            median(pan_ms),
            median(hit_us),
        );
    }
}
