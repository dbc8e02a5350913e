//! The scene for the current state, and its cache.

use super::MapState;
use crate::export::{self, ExportOptions, Figure, ReportInput};
use crate::model::{ActorId, PerActor, PerRelation, RelationId, TiSlice};
use crate::scene::{self, Hit, Scene, SceneInput, Selection, Spotlight, Style};
use crate::search::Target;

/// Whether two position lists are equal to the bit. Comparing a copy is cheaper than hashing
/// every position each frame (a fifth of a millisecond at 20,000 actors).
fn same_bits(a: &TiSlice<ActorId, egui::Pos2>, b: &TiSlice<ActorId, egui::Pos2>) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(p, q)| (p.x.to_bits(), p.y.to_bits()) == (q.x.to_bits(), q.y.to_bits()))
}

/// [`MapState::scene`] and the inputs it was built from.
struct CanvasScene {
    scene: Scene,
    visible_actors: PerActor<bool>,
    visible_relations: PerRelation<bool>,
    spotlight: Option<Spotlight>,
}

impl MapState {
    /// The scene for the current state, as the canvas paints it.
    pub fn scene(&self, style: &Style) -> Scene {
        self.canvas_scene(style).scene
    }

    /// The canvas's scene with what it was built from, which the cache keeps to refresh it.
    fn canvas_scene(&self, style: &Style) -> CanvasScene {
        let spotlight = self.search_spotlight();
        let visible_actors = self.visible_actors();
        let visible_relations = self.visible_relations_among(&visible_actors);
        let scene = scene::build(&self.scene_input(
            style,
            (
                self.pointing.selection,
                self.hover_shown(),
                spotlight.as_ref(),
            ),
            (&visible_actors, &visible_relations),
            &self.place.pinned,
        ));
        CanvasScene {
            scene,
            visible_actors,
            visible_relations,
            spotlight,
        }
    }

    /// While a search is typed (and nothing is selected), what it matches: actors named by it
    /// and relations whose label or passages match. The map lights these and dims the rest.
    pub fn search_spotlight(&self) -> Option<Spotlight> {
        if self.lens.search.trim().is_empty() || self.pointing.selection != Selection::None {
            return None;
        }
        let mut actors: PerActor<bool> = vec![false; self.doc.dataset.actors.len()].into();
        let mut relations: PerRelation<bool> = vec![false; self.doc.dataset.relations.len()].into();
        for hit in crate::search::search(&self.doc.dataset, &self.lens.search) {
            match hit.target {
                Target::Actor(a) => actors[a] = true,
                Target::Relation(r) => relations[r] = true,
                Target::Passage(id) => relations[id.relation] = true,
            }
        }
        Some(Spotlight { actors, relations })
    }

    /// The scene last built for the canvas, or one built now: for what does not depend on the
    /// theme (which line stands for which relations, the map's bounds), so the map need not
    /// know the theme the window is drawn in.
    pub fn current_scene(&self) -> std::sync::Arc<Scene> {
        if let Some(cached) = self.caches.scene.borrow().as_ref() {
            return cached.scene.clone();
        }
        self.scene_cached(&Style::for_theme(crate::scene::Theme::Light))
    }

    /// [`MapState::scene`], reused while nothing it depends on has changed, and refreshed
    /// in place (not rebuilt) when only positions have: a running layout changes nothing else.
    pub fn scene_cached(&self, style: &Style) -> std::sync::Arc<Scene> {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            &self.place.pinned,
            self.pointing.selection,
            self.hover_shown(),
            &self.lens.filters,
            self.lens.show_secondary,
            self.lens.search.trim(),
            self.lens.links,
            self.doc.revision,
            self.lens.line_labels,
        )
            .hash(&mut h);
        style.theme.hash(&mut h);
        let key = h.finish();
        let mut cache = self.caches.scene.borrow_mut();
        match cache.as_mut() {
            Some(c) if c.key == key && same_bits(&c.positions, &self.place.positions) => {
                return c.scene.clone();
            }
            Some(c) if c.key == key => {
                // Only positions moved. Unshared (the usual case: last frame's painter is
                // done with it), the scene is refreshed where it lies.
                let input = self.scene_input(
                    style,
                    (
                        self.pointing.selection,
                        self.hover_shown(),
                        c.spotlight.as_ref(),
                    ),
                    (&c.visible_actors, &c.visible_relations),
                    &self.place.pinned,
                );
                if std::sync::Arc::make_mut(&mut c.scene).refresh(&input) {
                    c.positions.clone_from(&self.place.positions);
                    return c.scene.clone();
                }
            }
            _ => {}
        }
        let CanvasScene {
            scene,
            visible_actors,
            visible_relations,
            spotlight,
        } = self.canvas_scene(style);
        let scene = std::sync::Arc::new(scene);
        *cache = Some(super::CachedScene {
            key,
            positions: self.place.positions.clone(),
            scene: scene.clone(),
            visible_actors,
            visible_relations,
            spotlight,
        });
        scene
    }

    /// The scene as exported: the selection highlight if `with_selection`, never hover, and
    /// draft relations only if `include_drafts`.
    pub fn export_scene(&self, style: &Style, with_selection: bool, include_drafts: bool) -> Scene {
        let selection = if with_selection {
            self.pointing.selection
        } else {
            Selection::None
        };
        let mut visible = self.visible_relations();
        if !include_drafts {
            for (r, rel) in self.doc.dataset.relations_with_ids() {
                if crate::model::is_draft_relation(rel) {
                    visible[r] = false;
                }
            }
        }
        // Pins are the user's working marks, not part of a briefing figure.
        let unpinned: PerActor<bool> = vec![false; self.place.pinned.len()].into();
        self.build_scene_with(style, (selection, None, None), &visible, &unpinned)
    }

    fn build_scene_with(
        &self,
        style: &Style,
        (selection, hovered, spotlight): (Selection, Option<Hit>, Option<&Spotlight>),
        visible_relations: &TiSlice<RelationId, bool>,
        pinned: &TiSlice<ActorId, bool>,
    ) -> Scene {
        let visible_actors = self.visible_actors();
        scene::build(&self.scene_input(
            style,
            (selection, hovered, spotlight),
            (&visible_actors, visible_relations),
            pinned,
        ))
    }

    fn scene_input<'a>(
        &'a self,
        style: &'a Style,
        (selection, hovered, spotlight): (Selection, Option<Hit>, Option<&'a Spotlight>),
        (visible_actors, visible_relations): (
            &'a TiSlice<ActorId, bool>,
            &'a TiSlice<RelationId, bool>,
        ),
        pinned: &'a TiSlice<ActorId, bool>,
    ) -> SceneInput<'a> {
        SceneInput {
            dataset: &self.doc.dataset,
            positions: &self.place.positions,
            visible_actors,
            visible_relations,
            pinned,
            selection,
            hovered,
            spotlight,
            style,
            links: self.lens.links,
            line_labels: self.lens.line_labels,
            pair_focus: match self.lens.filters.focus {
                Some((a, super::FocusMode::Pair(b))) => Some((a, b)),
                _ => None,
            },
            changes: self.compare.as_deref().map(|c| c.marks.as_slice()),
        }
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
        export::figure(&self.doc.dataset, scene, evidence, opts)
    }
}

impl MapState {
    /// What a figure of the current view is about, for its file name and subtitle: the pair
    /// or actor the map is focused on, else what is selected ("Kazakhstan and Russia",
    /// "Russia — China: Energy"); `None` for the whole map.
    pub fn figure_subject(&self) -> Option<String> {
        let d = &self.doc.dataset;
        let name = |a: crate::model::ActorId| d.actor(a).map(|x| x.name.clone());
        match (self.lens.filters.focus, self.pointing.selection) {
            (Some((a, super::FocusMode::Pair(b))), _) | (None, Selection::Pair(a, b)) => {
                Some(format!("{} and {}", name(a)?, name(b)?))
            }
            (Some((a, _)), _) | (None, Selection::Actor(a)) => name(a),
            (None, Selection::Relation(r)) => {
                let rel = d.relation(r)?;
                Some(format!("{}: {}", d.relation_endpoints(rel), rel.label))
            }
            (None, Selection::None) => None,
        }
    }

    /// What an evidence report covers: the relations shown (filters applied, drafts left out),
    /// or only `only` when given.
    pub fn report_input(&self, only: Option<RelationId>, confirmed_only: bool) -> ReportInput {
        let visible = self.visible_relations();
        let relations = self
            .doc
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
            // The report prints the passages the grade filter on screen keeps.
            min_grade: self.lens.filters.min_grade,
        }
    }
}

#[cfg(test)]
mod tests {
    use egui::{Pos2, Vec2};

    use crate::map::{MapState, SelectCommand, ViewCommand};
    use crate::scene::{LineLabels, LinkMode, Scene, Selection, Style, Theme};

    fn close(a: Pos2, b: Pos2) -> bool {
        (a - b).length() < 1e-3
    }

    /// The refreshed scene draws what a full build draws (to float rounding).
    fn assert_same(refreshed: &Scene, built: &Scene) {
        assert_eq!(refreshed.nodes.len(), built.nodes.len());
        for (r, b) in refreshed.nodes.iter().zip(&built.nodes) {
            assert!(close(r.center, b.center) && close(r.label.rect.min, b.label.rect.min));
            assert_eq!((r.actor, r.fill, r.emphasis), (b.actor, b.fill, b.emphasis));
        }
        assert_eq!(refreshed.edges.len(), built.edges.len());
        for (r, b) in refreshed.edges.iter().zip(&built.edges) {
            assert_eq!(
                (r.relation, &r.members, r.width, r.color),
                (b.relation, &b.members, b.width, b.color)
            );
            assert_eq!(r.polyline.len(), b.polyline.len(), "{:?}", r.relation);
            assert!(
                r.polyline
                    .iter()
                    .zip(&b.polyline)
                    .all(|(p, q)| close(*p, *q))
            );
            assert_eq!(r.arrow.is_some(), b.arrow.is_some());
            for (p, q) in r.arrow.iter().flatten().zip(b.arrow.iter().flatten()) {
                assert!(close(*p, *q));
            }
        }
        assert_eq!(refreshed.edge_labels.len(), built.edge_labels.len());
        assert!(
            close(refreshed.bounds.min, built.bounds.min)
                && close(refreshed.bounds.max, built.bounds.max)
        );
        assert_eq!(refreshed.legend, built.legend);
    }

    #[test]
    fn moving_actors_refreshes_the_cached_scene_to_what_a_rebuild_draws() {
        let d = crate::model::builtin().expect("built-in");
        let mut state = MapState::new(d);
        state.apply(ViewCommand::SetShowSecondary(true));
        state.apply(ViewCommand::SetLineLabels(LineLabels::All));
        let style = Style::for_theme(Theme::Light);
        for links in [LinkMode::Relation, LinkMode::Pair, LinkMode::Direction] {
            state.apply(ViewCommand::SetLinks(links));
            state.apply(SelectCommand::Select(Selection::Relation(
                crate::model::RelationId(0),
            )));
            let before = state.scene_cached(&style);
            let first_edge = before.edges[0].polyline.clone();
            drop(before);
            for (i, p) in state.place.positions.iter_mut().enumerate() {
                *p += Vec2::new(13.0 * (i % 3) as f32, -7.0 * (i % 4) as f32);
            }
            let refreshed = state.scene_cached(&style);
            assert_ne!(
                refreshed.edges[0].polyline, first_edge,
                "{links:?}: lines moved"
            );
            assert_same(&refreshed, &state.scene(&style));
        }
    }
}

#[cfg(test)]
mod large_map_tests {
    use egui::Pos2;

    use crate::map::MapState;
    use crate::scene::Hit;

    #[test]
    fn pointer_hover_is_not_drawn_on_very_large_maps() {
        let links: Vec<String> = (0..50_000)
            .map(|i| format!("{{\"source\":\"a\",\"target\":\"b\",\"id\":\"r{i}\"}}"))
            .collect();
        let json = format!(
            "{{\"nodes\":[{{\"id\":\"a\"}},{{\"id\":\"b\"}}],\"links\":[{}]}}",
            links.join(",")
        );
        let d = crate::model::load_str(&json, "big.json").expect("loads");
        let at = vec![Pos2::ZERO, Pos2::new(100.0, 0.0)];
        let mut big = MapState::with_layout(d, at.clone(), Default::default());
        big.pointing.hovered = Some(Hit::Node(crate::model::ActorId(0)));
        assert_eq!(big.hover_shown(), None, "no rebuild per pointer move");
        let small = crate::model::load_str(
            r#"{"nodes":[{"id":"a"},{"id":"b"}],"links":[{"source":"a","target":"b"}]}"#,
            "small.json",
        )
        .expect("loads");
        let mut small = MapState::with_layout(small, at, Default::default());
        small.pointing.hovered = Some(Hit::Node(crate::model::ActorId(0)));
        assert_eq!(small.hover_shown(), small.pointing.hovered);
    }
}
