//! Fitting the app's fonts to the open map: installed fonts for the scripts it needs, and a
//! notice for those no font has.

use super::{RelmapApp, ToastKind};

impl RelmapApp {
    /// Scripts of the map that no bundled or installed font can draw.
    pub fn missing_scripts(&self) -> &[crate::fonts::MissingScript] {
        &self.missing_scripts
    }

    /// When the document changes, adds the installed fonts its text needs (Arabic script,
    /// Devanagari, Thai, …) and notes once what no font can draw.
    pub(super) fn fit_fonts(&mut self, ctx: &egui::Context) {
        let d = &self.state.doc.dataset;
        let key = (
            d.origin.key(),
            self.state.doc.revision,
            d.sources.len(),
            d.actors.len(),
        );
        if self.fonts_for.as_ref() == Some(&key) {
            return;
        }
        self.fonts_for = Some(key);
        let missing = crate::fonts::install_for(ctx, &crate::fonts::dataset_chars(d));
        if missing != self.missing_scripts {
            for m in &missing {
                log::warn!("{m}");
                self.jobs
                    .toast(ToastKind::Error, format!("Some names cannot be drawn: {m}"));
            }
            self.missing_scripts = missing;
        }
    }
}
