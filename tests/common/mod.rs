//! What the UI test binaries share: the whole app window around a map state.

use egui::Vec2;
use egui_kittest::Harness;
use relmap::app::RelmapApp;
use relmap::map::MapState;

/// The whole app window at 1280×800 around `state`, run until it settles.
pub fn harness_for(state: MapState) -> Harness<'static, RelmapApp> {
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_context_setup(relmap::fonts::install)
        .with_max_steps(12)
        .build_ui_state(
            |ui, app: &mut RelmapApp| app.frame_ui(ui),
            RelmapApp::from_state(state),
        );
    h.run();
    h
}
