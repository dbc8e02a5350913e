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
pub mod model;
pub mod render;
pub mod scene;
pub mod ui;

/// Opens the app window on `file` (or the built-in map) and runs until it is closed.
pub fn run_app(file: Option<&std::path::Path>) -> anyhow::Result<()> {
    let dataset = cli::load_dataset(file)?;
    let title = format!("relmap — {}", dataset.title);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("relmap")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "relmap",
        options,
        Box::new(move |cc| Ok(Box::new(app::RelmapApp::new(cc, dataset)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
