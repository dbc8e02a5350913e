//! The scene for the current state, and its cache.

use super::MapState;
use crate::export::{self, ExportOptions, Figure, ReportInput};
use crate::model::RelationId;
use crate::scene::{self, Hit, Scene, SceneInput, Selection, Spotlight, Style};
use crate::search::Target;

impl MapState {
    /// The scene for the current state, as the canvas paints it.
    pub fn scene(&self, style: &Style) -> Scene {
        let spotlight = self.search_spotlight();
        self.build_scene(
            style,
            self.selection,
            self.hover_shown(),
            spotlight.as_ref(),
        )
    }

    /// While a search is typed (and nothing is selected), what it matches: actors named by it
    /// and relations whose label or passages match. The map lights these and dims the rest.
    pub fn search_spotlight(&self) -> Option<Spotlight> {
        if self.search.trim().is_empty() || self.selection != Selection::None {
            return None;
        }
        let mut actors = vec![false; self.dataset.actors.len()];
        let mut relations = vec![false; self.dataset.relations.len()];
        for hit in crate::search::search(&self.dataset, &self.search) {
            match hit.target {
                Target::Actor(a) => actors[a] = true,
                Target::Relation(r) => relations[r] = true,
                Target::Passage(id) => relations[id.relation] = true,
            }
        }
        Some(Spotlight { actors, relations })
    }

    /// [`MapState::scene`], reused while nothing it depends on has changed.
    pub fn scene_cached(&self, style: &Style) -> std::sync::Arc<Scene> {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for p in &self.positions {
            (p.x.to_bits(), p.y.to_bits()).hash(&mut h);
        }
        (
            &self.pinned,
            self.selection,
            self.hover_shown(),
            &self.filters,
            self.prefs.show_secondary,
            self.search.trim(),
            self.links,
            self.revision,
            self.prefs.line_labels,
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

    /// The scene as exported: the selection highlight if `with_selection`, never hover, and
    /// draft relations only if `include_drafts`.
    pub fn export_scene(&self, style: &Style, with_selection: bool, include_drafts: bool) -> Scene {
        let selection = if with_selection {
            self.selection
        } else {
            Selection::None
        };
        let mut visible = self.visible_relations();
        if !include_drafts {
            for (r, rel) in self.dataset.relations_with_ids() {
                if crate::model::is_draft_relation(rel) {
                    visible[r] = false;
                }
            }
        }
        // Pins are the user's working marks, not part of a briefing figure.
        let unpinned = vec![false; self.pinned.len()];
        self.build_scene_with(style, (selection, None, None), &visible, &unpinned)
    }

    /// The scene with a given selection and hover, and what a search lights up.
    fn build_scene(
        &self,
        style: &Style,
        selection: Selection,
        hovered: Option<Hit>,
        spotlight: Option<&Spotlight>,
    ) -> Scene {
        self.build_scene_with(
            style,
            (selection, hovered, spotlight),
            &self.visible_relations(),
            &self.pinned,
        )
    }

    fn build_scene_with(
        &self,
        style: &Style,
        (selection, hovered, spotlight): (Selection, Option<Hit>, Option<&Spotlight>),
        visible_relations: &[bool],
        pinned: &[bool],
    ) -> Scene {
        let visible_actors = self.visible_actors();
        scene::build(&SceneInput {
            dataset: &self.dataset,
            positions: &self.positions,
            visible_actors: &visible_actors,
            visible_relations,
            pinned,
            selection,
            hovered,
            spotlight,
            style,
            links: self.links,
            line_labels: self.prefs.line_labels,
        })
    }
}

impl MapState {
    /// The briefing figure of the map as it is shown (positions, filters, and the selection
    /// with its evidence card when `opts.with_selection`), in `opts.theme`.
    pub fn figure(&self, opts: &ExportOptions) -> Figure {
        let style = Style::for_theme(opts.theme);
        let scene = self.export_scene(&style, opts.with_selection, opts.include_drafts);
        let evidence = self
            .selected_relation()
            .filter(|_| opts.with_selection)
            .filter(|&r| scene.edge(r).is_some());
        export::figure(&self.dataset, scene, evidence, opts)
    }
}

impl MapState {
    /// What an evidence report covers: the relations shown (filters applied, drafts left out),
    /// or only `only` when given.
    pub fn report_input(&self, only: Option<RelationId>, confirmed_only: bool) -> ReportInput {
        let visible = self.visible_relations();
        let relations = self
            .dataset
            .relations_with_ids()
            .filter(|(r, rel)| {
                visible[*r] && !crate::model::is_draft_relation(rel) && only.is_none_or(|o| o == *r)
            })
            .map(|(r, _)| r)
            .collect();
        ReportInput {
            relations,
            confirmed_only,
        }
    }
}
