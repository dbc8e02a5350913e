//! [`MapState::apply`]: the one place where commands change the state. Each command family
//! has its own `apply_*`; none reads the clock, the disk or the window.

use super::command::{
    ArticleCommand, Command, EditCommand, FileCommand, FilterCommand, SelectCommand, ViewCommand,
};
use super::filters::{Filters, FocusMode};
use super::saved::SavedLayout;
use super::view::View;
use super::{ArticleFocus, Drag, LEGEND_ROOM, MapState, Move};
use crate::model::{ActorId, PassageId};
use crate::scene::{Hit, Selection};

impl MapState {
    /// Applies one command. This is the only place state changes; what the caller needs to
    /// report (a merge's summary) comes back as the [`super::Outcome`].
    pub fn apply(&mut self, command: impl Into<Command>) -> super::Outcome {
        match command.into() {
            Command::Select(c) => self.apply_select(c),
            Command::Edit(c) => self.apply_edit(c),
            Command::View(c) => self.apply_view(c),
            Command::Filter(c) => self.apply_filter(c),
            Command::Article(c) => self.apply_article(c),
            // A comparison is the union of two maps: an edit of it would belong to neither.
            Command::Doc(_) if self.compare.is_some() => self.outcome = super::Outcome::ReadOnly,
            Command::Doc(c) => self.apply_doc(c),
            Command::File(c) => self.apply_file(c),
            Command::Story(c) => self.apply_story(c),
        }
        std::mem::take(&mut self.outcome)
    }

    fn apply_file(&mut self, command: FileCommand) {
        match command {
            FileCommand::Adopt(next) => {
                let Some((next, unsaved)) = next.take() else {
                    return;
                };
                // Every part of the open map is replaced. Named one by one (no `..`), so a
                // new part has to say which it is.
                let super::MapState {
                    doc,
                    place,
                    pointing,
                    camera,
                    lens,
                    reader,
                    compare,
                    story,
                    history,
                    caches,
                    outcome,
                } = next;
                self.doc = doc;
                self.place = place;
                self.pointing = pointing;
                self.camera = camera;
                self.lens = lens;
                self.reader = reader;
                self.compare = compare;
                self.story = story;
                self.history = history;
                self.caches = caches;
                self.outcome = outcome;
                if unsaved {
                    // Never equal to a revision: saved only when the user saves.
                    self.doc.saved_revision = u64::MAX;
                }
            }
            FileCommand::Saved(origin) => {
                self.doc.dataset.origin = origin;
                self.doc.saved_revision = self.doc.revision;
            }
        }
    }

    /// What a click on the canvas selects: Ctrl/Shift-click on an actor adds it to (or takes it
    /// from) the selection, making a pair; a line drawn for several relations selects its
    /// pair; a line, its relation; empty canvas, nothing.
    fn clicked(&self, hit: Option<Hit>, add: bool) -> Selection {
        match hit {
            Some(Hit::Node(a)) if add => self.pointing.selection.with_actor_toggled(a),
            Some(Hit::Node(a)) => Selection::Actor(a),
            Some(Hit::Edge(r)) => {
                let combined = self
                    .current_scene()
                    .edge(r)
                    .is_some_and(|e| e.members.len() > 1);
                match self.doc.dataset.relation(r) {
                    Some(rel) if combined => Selection::Pair(rel.from, rel.to),
                    _ => Selection::Relation(r),
                }
            }
            None => Selection::None,
        }
    }

    fn apply_select(&mut self, command: SelectCommand) {
        match command {
            SelectCommand::Click { hit, add } => {
                let sel = self.clicked(hit, add);
                self.apply_select(SelectCommand::Select(sel));
            }
            SelectCommand::Select(sel) => {
                self.pointing.selection = self.valid_selection(sel);
                if self.pointing.selection == Selection::None {
                    // Nothing selected: nothing stays highlighted in the article either, and
                    // Tab starts again from the first actor.
                    self.reader.focus = None;
                    self.pointing.key_focus = super::KeyFocus::default();
                }
                // With the article open, follow the selection to its first anchored passage.
                if let (Selection::Relation(r), true) = (self.pointing.selection, self.reader.open)
                    && let Some(index) = self.doc.dataset.relations[r]
                        .passages
                        .iter()
                        .position(|p| p.anchor.is_some())
                {
                    self.reader.focus = Some(ArticleFocus {
                        passage: PassageId::new(r, index),
                        scroll_pending: true,
                    });
                }
            }
            SelectCommand::Hover(hit) => self.pointing.hovered = hit,
            SelectCommand::HoverLinked(hit) => self.pointing.linked_hover = hit,
            SelectCommand::Key(step) => self.apply_key(step),
        }
    }

    fn apply_edit(&mut self, command: EditCommand) {
        match command {
            EditCommand::StartDrag(actor) => self.start_drag(actor),
            EditCommand::DragTo(pos) => {
                if let Some(drag) = self.place.drag
                    && pos.x.is_finite()
                    && pos.y.is_finite()
                {
                    self.place.positions[drag.actor] = pos;
                    self.place.pinned[drag.actor] = true;
                }
            }
            EditCommand::EndDrag => self.end_drag(),
            EditCommand::Unpin(actor) => {
                if self.is_pinned(actor) {
                    let at = self.place.positions[actor];
                    self.commit(vec![self.move_of(actor, at, false)]);
                    self.request_relaxation(true);
                }
            }
            EditCommand::UnpinAll => {
                let moves = ActorId::all(self.place.pinned.len())
                    .filter(|&a| self.place.pinned[a])
                    .map(|a| self.move_of(a, self.place.positions[a], false))
                    .collect();
                self.commit(moves);
            }
            EditCommand::ResetLayout => {
                let moves = ActorId::all(self.place.positions.len())
                    .filter(|&a| {
                        self.place.pinned[a]
                            || self.place.positions[a] != self.place.default_positions[a]
                    })
                    .map(|a| self.move_of(a, self.place.default_positions[a], false))
                    .collect();
                self.commit(moves);
                self.request_relaxation(false);
                self.refit();
            }
            EditCommand::Undo => self.undo_one(),
            EditCommand::Redo => self.redo_one(),
            EditCommand::RestoreLayout(saved) => self.restore(&saved),
            EditCommand::LayoutStep {
                generation,
                positions,
                settled,
            } => {
                let current = self.place.layout_request.generation == generation;
                if current
                    && self.place.layout_request.wanted
                    && positions.len() == self.place.positions.len()
                {
                    self.place.positions = positions.into();
                    if settled {
                        self.place.layout_request.wanted = false;
                        if self.place.layout_request.first {
                            // Reset layout returns here, not to the spiral it started from.
                            self.place
                                .default_positions
                                .clone_from(&self.place.positions);
                        }
                    }
                }
            }
            EditCommand::StartFirstLayout => {
                self.request_relaxation(true);
                self.place.layout_request.first = self.place.layout_request.wanted;
            }
        }
    }

    fn start_drag(&mut self, actor: ActorId) {
        // Grabbing a node interrupts any relaxation and camera glide: the user's hand wins.
        self.request_relaxation(false);
        self.camera.fit_from = None;
        if let Some(&from) = self.place.positions.get(actor) {
            self.place.drag = Some(Drag {
                actor,
                from,
                pinned_before: self.place.pinned[actor],
            });
        }
    }

    fn end_drag(&mut self) {
        let Some(drag) = self.place.drag.take() else {
            return;
        };
        let to = self.place.positions[drag.actor];
        if to == drag.from {
            self.place.pinned[drag.actor] = drag.pinned_before;
            return;
        }
        // Dropped in a focus or a filtered view, it must not land on an actor the view hides:
        // the full map would show the two on top of each other.
        let shown = self.visible_actors();
        let narrowed = shown.iter().any(|on| !on);
        let clear = if narrowed {
            self.clear_of_hidden(drag.actor, to, &shown)
        } else {
            to
        };
        self.place.positions[drag.actor] = clear;
        // Only the dragged actor moves: the others keep the places the user sees (a
        // relaxation here moved them too, and undo gave back only the dragged one).
        self.record(vec![Move {
            actor: drag.actor,
            from: drag.from,
            to: clear,
            pinned_before: drag.pinned_before,
            pinned_after: true,
        }]);
        if narrowed {
            self.outcome = super::Outcome::MovedWhileNarrowed {
                actor: drag.actor,
                moved_clear: clear != to,
            };
        }
    }

    /// `to`, or the nearest place around it where `actor` covers no actor the view hides
    /// (rings of twelve places, widening by one node's breadth).
    fn clear_of_hidden(
        &self,
        actor: ActorId,
        to: egui::Pos2,
        shown: &crate::model::TiSlice<ActorId, bool>,
    ) -> egui::Pos2 {
        let degrees = self.degrees();
        let radius = |a: ActorId| crate::layout::node_radius(degrees.get(a).copied().unwrap_or(0));
        let own = radius(actor);
        // Room for the two nodes and a label's height between them.
        const GAP: f32 = 18.0;
        let hidden: Vec<(egui::Pos2, f32)> = shown
            .iter_enumerated()
            .filter(|&(a, &on)| !on && a != actor)
            .map(|(a, _)| (self.place.positions[a], radius(a)))
            .collect();
        let free = |p: egui::Pos2| hidden.iter().all(|&(q, r)| q.distance(p) >= own + r + GAP);
        if free(to) {
            return to;
        }
        let step = 2.0 * own + GAP;
        (1..=40)
            .flat_map(|ring| {
                (0..12).map(move |k| {
                    let angle = std::f32::consts::TAU * k as f32 / 12.0;
                    to + egui::Vec2::angled(angle) * step * ring as f32
                })
            })
            .find(|&p| free(p))
            .unwrap_or(to)
    }

    /// Applies the saved places that still match actors of the dataset. Unknown ids,
    /// non-finite numbers and other versions are skipped; the view is restored only when some
    /// place matched.
    fn restore(&mut self, saved: &SavedLayout) {
        let mut applied = 0;
        for (i, actor) in self.doc.dataset.actors_with_ids() {
            if let Some(place) = saved.place_of(&actor.id) {
                self.place.positions[i] = egui::Pos2::new(place.pos[0], place.pos[1]);
                self.place.pinned[i] = place.pinned;
                applied += 1;
            }
        }
        if applied > 0 && saved.view.is_sane() {
            self.camera.view = saved.view;
            self.camera.auto_fit = false;
        }
        if applied > 0 {
            self.lens.links = saved.links;
        }
    }

    /// Starts a new relaxation (on force-laid-out maps) or stops the running one.
    pub(super) fn request_relaxation(&mut self, wanted: bool) {
        let wanted = wanted && self.force_laid_out();
        if wanted || self.place.layout_request.wanted {
            self.place.layout_request.generation += 1;
        }
        self.place.layout_request.wanted = wanted;
        self.place.layout_request.first = false;
    }

    fn apply_view(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::Pan(delta) => {
                self.camera.fit_from = None;
                self.camera.view.pan(delta);
                self.camera.auto_fit = false;
            }
            ViewCommand::Zoom {
                factor,
                anchor,
                canvas,
            } => {
                self.camera.fit_from = None;
                self.camera.view.zoom_at(factor, anchor, canvas);
                self.camera.auto_fit = false;
            }
            ViewCommand::Fit => self.refit(),
            ViewCommand::FitTo { canvas, legend } => self.fit_to(canvas, legend),
            ViewCommand::Canvas(canvas) => self.camera.canvas = Some(canvas),
            ViewCommand::SetShowSecondary(show) => {
                self.lens.show_secondary = show;
                self.after_filter_change();
            }
            ViewCommand::SetLineLabels(labels) => self.lens.line_labels = labels,
            ViewCommand::SetLinks(links) => {
                self.lens.links = links;
                // A selected relation may now be part of a combined line: keep it selected
                // (the side panel still shows it); hover refers to lines that changed.
                self.pointing.hovered = None;
                self.pointing.linked_hover = None;
            }
        }
    }

    /// Fits the view on the next frame and keeps following the canvas size.
    fn refit(&mut self) {
        self.camera.auto_fit = true;
        self.camera.fitted_for = None;
        self.camera.animate_next_fit = true;
    }

    /// The view that shows the whole map in `canvas`, clear of the legend if it is drawn.
    pub fn fitted_view(&self, canvas: egui::Rect, legend: bool) -> View {
        let bounds = self.current_scene().bounds;
        // Keep the map clear of the legend in the bottom-left corner.
        let mut room = canvas;
        if legend && canvas.width() > 3.0 * LEGEND_ROOM {
            room.min.x += LEGEND_ROOM;
        }
        let mut view = View::fit(bounds, room);
        // The view is centred on the canvas; shift so the map sits centred in `room`.
        view.center_in_world -= (room.center() - canvas.center()) / view.zoom;
        view
    }

    /// Whether the fit [`MapState::needs_fit`] asks for will glide there (a re-fit the user
    /// caused, on a map small enough to animate) rather than jump (a new map, a resized
    /// window). A jump is drawn at once: the canvas paints the frame that asks for it with
    /// [`MapState::fitted_view`] (else a freshly opened map showed one frame at the old
    /// view, under software rendering a third of a second of giant nodes).
    pub fn next_fit_glides(&self) -> bool {
        self.camera.animate_next_fit && !self.is_very_large()
    }

    fn fit_to(&mut self, canvas: egui::Rect, legend: bool) {
        let before = self.camera.view;
        self.camera.view = self.fitted_view(canvas, legend);
        self.camera.fitted_for = Some(canvas);
        // A re-fit the user caused glides there; following a window resize does not.
        if std::mem::take(&mut self.camera.animate_next_fit) && before != self.camera.view {
            self.camera.fit_from = Some(before);
            self.camera.fit_generation += 1;
        } else {
            self.camera.fit_from = None;
        }
    }

    fn apply_filter(&mut self, command: FilterCommand) {
        match command {
            FilterCommand::ToggleDimension(dim) => {
                if !self.lens.filters.hidden_dimensions.remove(&dim) {
                    self.lens.filters.hidden_dimensions.insert(dim);
                }
            }
            FilterCommand::ToggleTone(tone) => {
                if !self.lens.filters.hidden_tones.remove(&tone) {
                    self.lens.filters.hidden_tones.insert(tone);
                }
            }
            FilterCommand::ToggleSource(source) => {
                if !self.lens.filters.hidden_sources.remove(&source)
                    && source.0 < self.doc.dataset.sources.len()
                {
                    self.lens.filters.hidden_sources.insert(source);
                }
            }
            FilterCommand::SetFocus(focus) => {
                let n = self.doc.dataset.actors.len();
                self.lens.filters.focus = focus
                    .filter(|(a, mode)| a.0 < n && !matches!(mode, FocusMode::Pair(b) if b.0 >= n));
            }
            FilterCommand::OnlyDimension(keep, all) => {
                self.lens.filters.hidden_dimensions =
                    all.into_iter().filter(|d| *d != keep).collect();
            }
            FilterCommand::OnlyTone(keep, all) => {
                self.lens.filters.hidden_tones = all.into_iter().filter(|t| *t != keep).collect();
            }
            FilterCommand::SetMinPassages(n) => self.lens.filters.min_passages = n,
            FilterCommand::SetMinGrade(min) => {
                self.lens.filters.min_grade = min.filter(crate::model::Grade::is_graded);
            }
            FilterCommand::SetOnlyCorroborated(on) => self.lens.filters.only_corroborated = on,
            FilterCommand::SetYears(years) => {
                self.lens.filters.years = years.map(|(a, b)| (a.min(b), a.max(b)));
            }
            FilterCommand::ClearFilters => self.lens.filters = Filters::default(),
            FilterCommand::SetFilters(filters) => self.lens.filters = filters,
            FilterCommand::SetSearch(text) => {
                self.lens.search = text;
                self.lens.search_pick = None;
                return;
            }
            FilterCommand::SetSearchPick(pick) => {
                self.lens.search_pick = pick;
                return;
            }
        }
        self.after_filter_change();
    }

    fn after_filter_change(&mut self) {
        // What is shown changed: fit it again, unless the user has panned or zoomed since.
        if self.camera.auto_fit {
            self.camera.fitted_for = None;
            self.camera.animate_next_fit = true;
        }
        self.pointing.selection = self.valid_selection(self.pointing.selection);
        self.pointing.hovered = None;
        self.pointing.linked_hover = None;
    }

    fn apply_article(&mut self, command: ArticleCommand) {
        match command {
            ArticleCommand::ShowPassage(passage) => {
                if let Some(p) = self.doc.dataset.passage(passage) {
                    // The passage's own source comes to the front.
                    if self.reader.source != p.source {
                        self.reader.source = p.source;
                        self.reader.selection = None;
                    }
                    self.reader.open = true;
                    self.reader.focus = Some(ArticleFocus {
                        passage,
                        scroll_pending: true,
                    });
                }
            }
            ArticleCommand::SetOpen(open) => self.reader.open = open,
            ArticleCommand::SetAuthoring(on) => {
                self.reader.authoring = on;
                self.reader.selection = None;
            }
            ArticleCommand::ShowSource(source) => {
                if source.0 < self.doc.dataset.sources.len() && source != self.reader.source {
                    self.reader.source = source;
                    self.reader.selection = None;
                    self.reader.focus = None;
                }
            }
            ArticleCommand::SetSelection(range) => {
                let text = &self.doc.dataset.source(self.reader.source).article.text;
                self.reader.selection = range.filter(|r| {
                    r.start < r.end
                        && r.end <= text.len()
                        && text.is_char_boundary(r.start)
                        && text.is_char_boundary(r.end)
                });
            }
            ArticleCommand::Scrolled => {
                if let Some(focus) = &mut self.reader.focus {
                    focus.scroll_pending = false;
                }
            }
            ArticleCommand::SetView {
                underline_actors,
                uncited_only,
            } => {
                self.reader.underline_actors = underline_actors;
                self.reader.uncited_only = uncited_only;
            }
        }
    }
}
