//! One rendered image of the default map (wgpu; lavapipe renders it on machines without a GPU).

use egui::Vec2;
use egui_kittest::Harness;
use relmap::app::RelmapApp;
use relmap::map::MapState;

#[test]
fn default_map_snapshot() {
    let state = MapState::new(relmap::model::builtin().expect("built-in dataset"));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_context_setup(relmap::fonts::install)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut RelmapApp| app.frame_ui(ui),
            RelmapApp::from_state(state),
        );
    h.run();
    h.snapshot("default_map");
}
