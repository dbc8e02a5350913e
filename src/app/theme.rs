//! Following the operating system's light/dark setting: the app's, not the map's.

use super::RelmapApp;
use crate::scene::Theme;

impl RelmapApp {
    /// Records the system theme and sets egui's visuals to the theme in effect.
    pub(super) fn sync_theme(&mut self, ctx: &egui::Context) {
        let system = match ctx.system_theme() {
            Some(egui::Theme::Dark) => Theme::Dark,
            _ => Theme::Light,
        };
        self.system_theme = system;
        let wanted = match self.theme() {
            Theme::Light => egui::Theme::Light,
            Theme::Dark => egui::Theme::Dark,
        };
        if ctx.theme() != wanted {
            ctx.set_theme(wanted);
        }
    }
}
