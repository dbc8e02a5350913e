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

/// Everything relmap remembers between runs, in one JSON file in the data folder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StateFile {
    /// Format version; other versions are ignored.
    #[serde(default)]
    pub version: u32,
    /// App preferences.
    #[serde(default)]
    pub settings: Settings,
    /// Each dataset's layout by origin key.
    #[serde(default)]
    pub layouts: BTreeMap<String, SavedLayout>,
}

/// Where the state file lives (`relmap-state.json` in the data folder).
pub fn state_path() -> Option<std::path::PathBuf> {
    crate::logging::data_dir().map(|d| d.join("relmap-state.json"))
}

impl StateFile {
    /// A state file to write.
    pub fn new(settings: Settings, layouts: BTreeMap<String, SavedLayout>) -> Self {
        Self {
            version: VERSION,
            settings,
            layouts,
        }
    }

    /// Reads the file; anything missing, unreadable, corrupt or from another version gives
    /// defaults (logged), never an error: losing preferences beats refusing to start.
    pub fn read(path: &std::path::Path) -> Self {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Self::default(),
            Err(e) => {
                log::warn!("ignoring unreadable {}: {e}", path.display());
                return Self::default();
            }
        };
        match serde_json::from_str::<Self>(&text) {
            Ok(file) if file.version == VERSION => file,
            Ok(file) => {
                log::info!("ignoring {} of version {}", path.display(), file.version);
                Self::default()
            }
            Err(e) => {
                log::warn!("ignoring corrupt {}: {e}", path.display());
                Self::default()
            }
        }
    }

    /// Writes the file atomically (the previous copy survives any failure).
    pub fn write(&self, path: &std::path::Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::atomic::write_atomic(path, &json)
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
    fn corrupt_or_foreign_state_files_give_defaults_and_a_good_one_round_trips() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("relmap-state.json");
        assert_eq!(StateFile::read(&path), StateFile::default(), "missing");
        std::fs::write(&path, "{not json").expect("write");
        assert_eq!(StateFile::read(&path), StateFile::default(), "corrupt");
        std::fs::write(&path, r#"{"version": 99, "settings": {"version": 99}}"#).expect("write");
        assert_eq!(
            StateFile::read(&path),
            StateFile::default(),
            "other version"
        );
        let mut layouts = BTreeMap::new();
        layouts.insert("builtin".to_owned(), SavedLayout::capture(&state()));
        let good = StateFile::new(
            Settings {
                show_secondary: true,
                ..Settings::default()
            },
            layouts,
        );
        good.write(&path).expect("write");
        assert_eq!(StateFile::read(&path), good);
    }
}
