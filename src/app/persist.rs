//! What survives a restart: app settings, and each dataset's layout under its own key.
//!
//! Stored as JSON strings in eframe's storage. Anything unreadable, from another version or
//! not matching the dataset is ignored (and logged): never a crash, never a half-applied state.

use std::collections::BTreeMap;

use egui::Pos2;
use serde::{Deserialize, Serialize};

use super::state::AppState;
use super::view::View;
use crate::scene::Theme;

const SETTINGS_KEY: &str = "relmap.settings";
const LAYOUT_PREFIX: &str = "relmap.layout.";
const VERSION: u32 = 1;
/// How many recently opened files File → Open recent lists.
pub const RECENT_MAX: usize = 8;

/// App-wide preferences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Format version; other versions are ignored.
    pub version: u32,
    /// Explicit theme, or `None` to follow the system.
    pub theme: Option<Theme>,
    /// Secondary actors shown.
    pub show_secondary: bool,
    /// Legend shown.
    pub show_legend: bool,
    /// Evidence panel open.
    pub side_panel_open: bool,
    /// Recently opened files, newest first.
    #[serde(default)]
    pub recent: Vec<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: VERSION,
            theme: None,
            show_secondary: false,
            show_legend: true,
            side_panel_open: true,
            recent: Vec::new(),
        }
    }
}

/// One actor's saved place.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedActor {
    /// Position in world units.
    pub pos: [f32; 2],
    /// Pinned by the user.
    pub pinned: bool,
}

/// A dataset's saved layout, keyed by actor id so it survives reordering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedLayout {
    /// Format version; other versions are ignored.
    pub version: u32,
    /// Actor id → place.
    pub actors: BTreeMap<String, SavedActor>,
    /// Pan and zoom.
    pub view: View,
}

impl SavedLayout {
    /// Captures the layout of `state`.
    pub fn capture(state: &AppState) -> Self {
        let actors = state
            .dataset
            .actors
            .iter()
            .zip(&state.positions)
            .zip(&state.pinned)
            .filter(|((_, p), _)| p.x.is_finite() && p.y.is_finite())
            .map(|((a, p), pinned)| {
                (
                    a.id.clone(),
                    SavedActor {
                        pos: [p.x, p.y],
                        pinned: *pinned,
                    },
                )
            })
            .collect();
        Self {
            version: VERSION,
            actors,
            view: state.view,
        }
    }

    /// Applies the saved places that still match actors of the dataset; returns how many did.
    /// Unknown ids, non-finite numbers and other versions are skipped.
    pub fn restore(&self, state: &mut AppState) -> usize {
        if self.version != VERSION {
            log::info!("ignoring saved layout of version {}", self.version);
            return 0;
        }
        let mut applied = 0;
        for (i, actor) in state.dataset.actors.iter().enumerate() {
            if let Some(saved) = self.actors.get(&actor.id)
                && saved.pos.iter().all(|v| v.is_finite())
            {
                state.positions[i] = Pos2::new(saved.pos[0], saved.pos[1]);
                state.pinned[i] = saved.pinned;
                applied += 1;
            }
        }
        if applied > 0 && self.view.is_sane() {
            state.view = self.view;
            state.auto_fit = false;
        }
        applied
    }
}

/// The storage key of a dataset's layout.
pub fn layout_key(origin_key: &str) -> String {
    format!("{LAYOUT_PREFIX}{origin_key}")
}

/// Reads settings; defaults if missing or unreadable.
pub fn load_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
    storage
        .and_then(|s| s.get_string(SETTINGS_KEY))
        .and_then(|json| match serde_json::from_str::<Settings>(&json) {
            Ok(s) if s.version == VERSION => Some(s),
            Ok(s) => {
                log::info!("ignoring settings of version {}", s.version);
                None
            }
            Err(e) => {
                log::warn!("ignoring unreadable settings: {e}");
                None
            }
        })
        .unwrap_or_default()
}

/// Reads a dataset's saved layout, if any and readable.
pub fn load_layout(storage: Option<&dyn eframe::Storage>, origin_key: &str) -> Option<SavedLayout> {
    let json = storage?.get_string(&layout_key(origin_key))?;
    serde_json::from_str(&json)
        .map_err(|e| log::warn!("ignoring unreadable saved layout: {e}"))
        .ok()
}

/// Writes settings and the layout of `state`.
pub fn save(storage: &mut dyn eframe::Storage, settings: &Settings, state: &AppState) {
    if let Ok(json) = serde_json::to_string(settings) {
        storage.set_string(SETTINGS_KEY, json);
    }
    save_layout(
        storage,
        &state.dataset.origin.key(),
        &SavedLayout::capture(state),
    );
}

/// Writes one dataset's layout under its key.
pub fn save_layout(storage: &mut dyn eframe::Storage, origin_key: &str, layout: &SavedLayout) {
    if let Ok(json) = serde_json::to_string(layout) {
        storage.set_string(&layout_key(origin_key), json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Command;

    fn state() -> AppState {
        AppState::new(crate::model::builtin().expect("built-in"))
    }

    #[test]
    fn layout_round_trips_by_actor_id() {
        let mut s = state();
        s.apply(Command::StartDrag(2));
        s.apply(Command::DragTo(Pos2::new(-40.0, 77.0)));
        s.apply(Command::EndDrag);
        let json = serde_json::to_string(&SavedLayout::capture(&s)).expect("json");
        let mut fresh = state();
        let saved: SavedLayout = serde_json::from_str(&json).expect("parse");
        assert_eq!(saved.restore(&mut fresh), fresh.dataset.actors.len());
        assert_eq!(fresh.positions[2], Pos2::new(-40.0, 77.0));
        assert!(fresh.pinned[2]);
    }

    #[test]
    fn outdated_or_foreign_layouts_are_ignored_or_reconciled() {
        let mut s = state();
        let before = s.positions.clone();
        let mut saved = SavedLayout::capture(&s);
        saved.actors.clear();
        saved.actors.insert(
            "atlantis".into(),
            SavedActor {
                pos: [1.0, 2.0],
                pinned: true,
            },
        );
        saved.actors.insert(
            "china".into(),
            SavedActor {
                pos: [f32::NAN, 2.0],
                pinned: true,
            },
        );
        assert_eq!(saved.restore(&mut s), 0);
        assert_eq!(s.positions, before);
        saved.version = 99;
        saved.actors.insert(
            "russia".into(),
            SavedActor {
                pos: [1.0, 2.0],
                pinned: true,
            },
        );
        assert_eq!(saved.restore(&mut s), 0, "other versions are ignored");
    }

    #[test]
    fn corrupt_storage_gives_defaults() {
        struct Corrupt;
        impl eframe::Storage for Corrupt {
            fn get_string(&self, _key: &str) -> Option<String> {
                Some("{not json".into())
            }
            fn set_string(&mut self, _key: &str, _value: String) {}
            fn remove_string(&mut self, _key: &str) {}
            fn flush(&mut self) {}
        }
        assert_eq!(load_settings(Some(&Corrupt)), Settings::default());
        assert!(load_layout(Some(&Corrupt), "builtin").is_none());
    }
}
