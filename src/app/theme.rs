//! Following the operating system's light/dark setting, through a command like any change.

use super::RelmapApp;
use crate::map::ViewCommand;
use crate::scene::Theme;

impl RelmapApp {
    /// Tells the state the system theme (a command, so `apply` stays the only writer) and
    /// sets egui's visuals to the theme in effect.
    pub(super) fn sync_theme(&mut self, ctx: &egui::Context) {
        let system = match ctx.system_theme() {
            Some(egui::Theme::Dark) => Theme::Dark,
            _ => Theme::Light,
        };
        if self.state.system_theme != system {
            self.state.apply(ViewCommand::SystemTheme(system));
        }
        let wanted = match self.state.theme() {
            Theme::Light => egui::Theme::Light,
            Theme::Dark => egui::Theme::Dark,
        };
        if ctx.theme() != wanted {
            ctx.set_theme(wanted);
        }
    }
}
