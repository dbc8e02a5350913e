//! relmap: interactive relationship maps of policy articles, each link backed by verbatim passages.
//!
//! Data flows one way: dataset file → [`model`] → [`layout`] (positions) → [`scene`] (plain
//! shapes in world coordinates) → painters ([`render`] for the screen, [`export`] for SVG/PNG).

pub mod app;
pub mod atomic;
pub mod cli;
pub mod export;
pub mod fonts;
pub mod layout;
pub mod map;
pub mod model;
pub mod render;
pub mod scene;
pub mod ui;

/// Opens the app window with the built-in map and, if given, starts opening `file` (a bad file
/// is reported in the window and the built-in map stays). Runs until the window is closed.
pub fn run_app(file: Option<&std::path::Path>) -> anyhow::Result<()> {
    let data_dir = logging::data_dir();
    let log_file = logging::init(data_dir.as_deref());
    if let Some(dir) = &data_dir {
        logging::install_crash_reporter(dir.clone());
    }
    let crashes = data_dir
        .as_deref()
        .map(logging::take_new_crash_reports)
        .unwrap_or_default();
    let dataset = model::builtin()?;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(format!("relmap — {}", dataset.title))
        .with_app_id("relmap")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 420.0])
        .with_drag_and_drop(true);
    if let Some(icon) = desktop::window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let file = file.map(std::path::Path::to_path_buf);
    eframe::run_native(
        "relmap",
        options,
        Box::new(move |cc| {
            let mut app = app::RelmapApp::new(cc, dataset);
            for report in crashes {
                app.notify(
                    app::ToastKind::Error,
                    format!(
                        "relmap stopped unexpectedly last time. Details: {}",
                        report.display()
                    ),
                );
            }
            if let Some(path) = file {
                app.open_path(path, Some(&cc.egui_ctx));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| {
        let hint = log_file
            .map(|p| format!(" (log: {})", p.display()))
            .unwrap_or_default();
        anyhow::anyhow!("could not open the window: {e}{hint}")
    })
}

pub mod chronology;
pub mod console;
pub mod desktop;
pub mod logging;
pub mod search;
