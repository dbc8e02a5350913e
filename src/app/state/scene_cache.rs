//! The scene for the current state, and its cache.

use super::AppState;
use crate::scene::{self, Hit, Scene, SceneInput, Selection, Style};

impl AppState {
    /// The scene for the current state, as the canvas paints it.
    pub fn scene(&self, style: &Style) -> Scene {
        self.scene_with(style, self.selection, self.hovered)
    }

    /// [`AppState::scene`], reused while nothing it depends on has changed.
    pub fn scene_cached(&self, style: &Style) -> std::sync::Arc<Scene> {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for p in &self.positions {
            (p.x.to_bits(), p.y.to_bits()).hash(&mut h);
        }
        (
            &self.pinned,
            self.selection,
            self.hovered,
            &self.filters,
            self.show_secondary,
        )
            .hash(&mut h);
        style.theme.hash(&mut h);
        let key = h.finish();
        if let Some((k, scene)) = self.scene_cache.borrow().as_ref()
            && *k == key
        {
            return scene.clone();
        }
        let scene = std::sync::Arc::new(self.scene(style));
        *self.scene_cache.borrow_mut() = Some((key, scene.clone()));
        scene
    }

    /// The scene as exported: the selection highlight, but no hover.
    pub fn scene_without_hover(&self, style: &Style) -> Scene {
        self.scene_with(style, self.selection, None)
    }

    /// The scene with a given selection and hover.
    pub fn scene_with(&self, style: &Style, selection: Selection, hovered: Option<Hit>) -> Scene {
        let visible_actors = self.visible_actors();
        let visible_relations = self.visible_relations();
        scene::build(&SceneInput {
            dataset: &self.dataset,
            positions: &self.positions,
            visible_actors: &visible_actors,
            visible_relations: &visible_relations,
            pinned: &self.pinned,
            selection,
            hovered,
            style,
        })
    }
}
