//! What survives a restart: preferences, recent files, and each dataset's layout under its
//! own key, in relmap's own JSON state file.
//!
//! Anything unreadable, from another version or not matching the dataset is ignored (and
//! logged): never a crash, never a half-applied state.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::map::SavedLayout;
use crate::ui::Prefs;

const VERSION: u32 = 2;
/// How many recently opened files File → Open recent lists.
pub const RECENT_MAX: usize = 8;

/// Everything relmap remembers between runs, in one JSON file in the data folder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StateFile {
    /// Format version; other versions are ignored.
    pub version: u32,
    /// App preferences.
    pub prefs: Prefs,
    /// Recently opened files, newest first.
    pub recent: Vec<std::path::PathBuf>,
    /// Each dataset's layout by origin key.
    pub layouts: BTreeMap<String, SavedLayout>,
    /// Version 1 kept preferences and recent files under "settings"; read once, never written.
    #[serde(skip_serializing)]
    settings: Option<serde_json::Value>,
}

/// The previous format version, whose layouts and settings are carried over on first start.
const PREVIOUS_VERSION: u32 = 1;

/// Where the state file lives (`relmap-state.json` in the data folder).
pub fn state_path() -> Option<std::path::PathBuf> {
    crate::logging::data_dir().map(|d| d.join("relmap-state.json"))
}

impl StateFile {
    /// A state file to write.
    pub fn new(
        prefs: Prefs,
        recent: Vec<std::path::PathBuf>,
        layouts: BTreeMap<String, SavedLayout>,
    ) -> Self {
        Self {
            version: VERSION,
            prefs,
            recent,
            layouts,
            settings: None,
        }
    }

    /// Carries a version-1 file over: its layouts as they are, its settings as prefs.
    fn upgrade(mut self) -> Self {
        if let Some(old) = self.settings.take() {
            self.prefs = serde_json::from_value(old.clone()).unwrap_or_default();
            self.recent = old
                .get("recent")
                .and_then(|r| serde_json::from_value(r.clone()).ok())
                .unwrap_or_default();
        }
        self.version = VERSION;
        self
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
            Ok(file) if file.version == VERSION => Self {
                settings: None,
                ..file
            },
            Ok(file) if file.version == PREVIOUS_VERSION => file.upgrade(),
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
    use crate::map::{EditCommand, MapState, SavedActor};
    use crate::model::ActorId;
    use egui::Pos2;

    fn state() -> MapState {
        MapState::new(crate::model::builtin().expect("built-in"))
    }

    #[test]
    fn layout_round_trips_by_actor_id() {
        let mut s = state();
        s.apply(EditCommand::StartDrag(ActorId(2)));
        s.apply(EditCommand::DragTo(Pos2::new(-40.0, 77.0)));
        s.apply(EditCommand::EndDrag);
        let json = serde_json::to_string(&SavedLayout::capture(&s)).expect("json");
        let mut fresh = state();
        let saved: SavedLayout = serde_json::from_str(&json).expect("parse");
        assert_eq!(saved.matches(&fresh), fresh.doc.dataset.actors.len());
        fresh.apply(EditCommand::RestoreLayout(saved));
        assert_eq!(
            fresh.place.positions[crate::model::ActorId(2)],
            Pos2::new(-40.0, 77.0)
        );
        assert!(fresh.place.pinned[crate::model::ActorId(2)]);
    }

    #[test]
    fn outdated_or_foreign_layouts_are_ignored_or_reconciled() {
        let mut s = state();
        let before = s.place.positions.clone();
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
        assert_eq!(saved.matches(&s), 0);
        s.apply(EditCommand::RestoreLayout(saved.clone()));
        assert_eq!(s.place.positions, before);
        saved.version = 99;
        saved.actors.insert(
            "russia".into(),
            SavedActor {
                pos: [1.0, 2.0],
                pinned: true,
            },
        );
        assert_eq!(saved.matches(&s), 0, "other versions are ignored");
        s.apply(EditCommand::RestoreLayout(saved));
        assert_eq!(s.place.positions, before);
    }

    #[test]
    fn corrupt_or_foreign_state_files_give_defaults_and_a_good_one_round_trips() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("relmap-state.json");
        assert_eq!(StateFile::read(&path), StateFile::default(), "missing");
        std::fs::write(&path, "{not json").expect("write");
        assert_eq!(StateFile::read(&path), StateFile::default(), "corrupt");
        std::fs::write(&path, r#"{"version": 99, "prefs": {"show_legend": false}}"#)
            .expect("write");
        assert_eq!(
            StateFile::read(&path),
            StateFile::default(),
            "other version"
        );
        let mut layouts = BTreeMap::new();
        layouts.insert("builtin".to_owned(), SavedLayout::capture(&state()));
        let good = StateFile::new(
            Prefs {
                show_secondary: true,
                ..Prefs::default()
            },
            vec!["/tmp/map.relmap.json".into()],
            layouts,
        );
        good.write(&path).expect("write");
        assert_eq!(StateFile::read(&path), good);
    }

    #[test]
    fn a_version_1_file_keeps_its_layouts_settings_and_recent_files() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("relmap-state.json");
        let layout = serde_json::to_string(&SavedLayout::capture(&state())).expect("json");
        std::fs::write(
            &path,
            format!(
                r#"{{"version": 1, "settings": {{"version": 1, "theme": "Dark",
                "show_secondary": true, "show_legend": true, "side_panel_open": false,
                "recent": ["/data/a.csv"]}}, "layouts": {{"builtin": {layout}}}}}"#
            ),
        )
        .expect("write");
        let read = StateFile::read(&path);
        assert_eq!(read.prefs.theme, Some(crate::scene::Theme::Dark));
        assert!(read.prefs.show_secondary && !read.prefs.side_panel_open);
        assert_eq!(read.recent, [std::path::PathBuf::from("/data/a.csv")]);
        assert!(read.layouts.contains_key("builtin"));
    }

    #[test]
    fn prefs_missing_from_a_file_take_their_defaults() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("relmap-state.json");
        std::fs::write(&path, r#"{"version": 2, "prefs": {"show_legend": false}}"#).expect("write");
        let read = StateFile::read(&path);
        assert!(!read.prefs.show_legend);
        assert!(read.prefs.side_panel_open, "absent fields default");
    }
}
