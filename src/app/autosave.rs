//! A copy of a map with unsaved edits, written every 30 s beside relmap's state file, so a
//! crash or a power cut loses at most half a minute of authoring. The next start offers it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::dialogs::Modal;
use super::{RelmapApp, ToastKind};
use crate::model::{self, Origin};

/// How often a map with unsaved edits is copied.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// Where the copy goes and when it was last written.
#[derive(Debug)]
pub struct Autosave {
    /// The copy (`autosave.relmap.json` in relmap's data folder).
    pub path: PathBuf,
    last: Option<(Instant, u64)>,
}

impl Autosave {
    /// The autosave beside relmap's state file `state_file`.
    pub fn beside(state_file: &Path) -> Option<Self> {
        Some(Self {
            path: state_file.parent()?.join("autosave.relmap.json"),
            last: None,
        })
    }

    /// The file naming where the autosaved map was opened from, if anywhere.
    fn origin_path(&self) -> PathBuf {
        self.path.with_extension("origin")
    }

    fn remove(&self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = std::fs::remove_file(self.origin_path());
    }
}

impl RelmapApp {
    /// Writes the autosave if the map has unsaved edits not yet copied and the last copy is
    /// older than [`AUTOSAVE_EVERY`]; removes it once nothing is unsaved.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let Some(autosave) = &self.autosave else {
            return;
        };
        // Behind a comparison the map is untouched, and its copy stays as it was.
        if self.is_comparing() {
            return;
        }
        if !self.state.is_dirty() {
            if autosave.last.is_some() {
                autosave.remove();
                if let Some(a) = &mut self.autosave {
                    a.last = None;
                }
            }
            return;
        }
        let due = autosave.last.is_none_or(|(at, revision)| {
            revision != self.state.doc.revision && at.elapsed() >= AUTOSAVE_EVERY
        });
        if due {
            self.autosave_now();
        }
        ctx.request_repaint_after(AUTOSAVE_EVERY);
    }

    /// Writes the autosave copy now (and where the map came from, so Save goes back there).
    pub fn autosave_now(&mut self) {
        let Some(autosave) = &mut self.autosave else {
            return;
        };
        let json = model::to_relmap_json(&self.state.doc.dataset);
        let written = crate::atomic::write_atomic(&autosave.path, json.as_bytes());
        let origin = match &self.state.doc.dataset.origin {
            Origin::File(p) => p.display().to_string(),
            _ => String::new(),
        };
        let _ = crate::atomic::write_atomic(&autosave.origin_path(), origin.as_bytes());
        match written {
            Ok(()) => autosave.last = Some((Instant::now(), self.state.doc.revision)),
            Err(e) => log::warn!("could not autosave to {}: {e}", autosave.path.display()),
        }
    }

    /// At start: an autosave left behind means relmap did not close normally; offer it.
    pub(super) fn offer_recovery(&mut self) {
        if let Some(autosave) = &self.autosave
            && autosave.path.is_file()
        {
            self.modal = Some(Modal::Recover);
        }
    }

    /// Opens the autosaved map (with its edits still unsaved) and removes the copy.
    pub(super) fn recover(&mut self) {
        let Some(autosave) = &self.autosave else {
            return;
        };
        let loaded = model::read_text_file(&autosave.path)
            .and_then(|text| model::load_str(&text, "recovered map"));
        let origin = std::fs::read_to_string(autosave.origin_path())
            .ok()
            .filter(|p| !p.trim().is_empty())
            .map(PathBuf::from);
        match loaded {
            Ok(mut dataset) => {
                dataset.origin =
                    origin.map_or(Origin::Memory("Recovered map".to_owned()), Origin::File);
                // Still unsaved: the user decides where it goes.
                self.adopt(crate::map::MapState::new(dataset), true);
                self.jobs.toast(
                    ToastKind::Success,
                    "Recovered the map with its unsaved edits; save it with Ctrl+S".to_owned(),
                );
            }
            Err(e) => self.jobs.toast(
                ToastKind::Error,
                format!("Could not recover the autosaved map: {e}"),
            ),
        }
    }

    /// Forgets the autosave copy (the user chose not to recover it).
    pub(super) fn discard_recovery(&mut self) {
        if let Some(autosave) = &self.autosave {
            autosave.remove();
        }
    }
}
