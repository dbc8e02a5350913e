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
use crate::scene::{Selection, Style};

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
            Command::Doc(c) => self.apply_doc(c),
            Command::File(c) => self.apply_file(c),
        }
        self.last_merge
            .take()
            .map_or(super::Outcome::Done, super::Outcome::Merged)
    }

    fn apply_file(&mut self, command: FileCommand) {
        match command {
            FileCommand::Adopt(next) => {
                let Some((mut next, unsaved)) = next.take() else {
                    return;
                };
                // The app's preferences and the system theme outlive the map they were set on.
                std::mem::swap(&mut next.prefs, &mut self.prefs);
                next.system_theme = self.system_theme;
                if unsaved {
                    // Never equal to a revision: saved only when the user saves.
                    next.saved_revision = u64::MAX;
                }
                *self = next;
            }
            FileCommand::Saved(origin) => {
                self.dataset.origin = origin;
                self.saved_revision = self.revision;
            }
        }
    }

    fn apply_select(&mut self, command: SelectCommand) {
        match command {
            SelectCommand::Select(sel) => {
                self.selection = self.valid_selection(sel);
                if self.selection == Selection::None {
                    // Nothing selected: nothing stays highlighted in the article either, and
                    // Tab starts again from the first actor.
                    self.article_focus = None;
                    self.key_focus = super::KeyFocus::default();
                }
                // With the article open, follow the selection to its first anchored passage.
                if let (Selection::Relation(r), true) = (self.selection, self.article_open)
                    && let Some(index) = self.dataset.relations[r]
                        .passages
                        .iter()
                        .position(|p| p.anchor.is_some())
                {
                    self.article_focus = Some(ArticleFocus {
                        passage: PassageId::new(r, index),
                        scroll_pending: true,
                    });
                }
            }
            SelectCommand::Hover(hit) => self.hovered = hit,
            SelectCommand::HoverLinked(hit) => self.linked_hover = hit,
            SelectCommand::Key(step) => self.apply_key(step),
        }
    }

    fn apply_edit(&mut self, command: EditCommand) {
        match command {
            EditCommand::StartDrag(actor) => self.start_drag(actor),
            EditCommand::DragTo(pos) => {
                if let Some(drag) = self.drag
                    && pos.x.is_finite()
                    && pos.y.is_finite()
                {
                    self.positions[drag.actor] = pos;
                    self.pinned[drag.actor] = true;
                }
            }
            EditCommand::EndDrag => self.end_drag(),
            EditCommand::Unpin(actor) => {
                if self.is_pinned(actor) {
                    let at = self.positions[actor];
                    self.commit(vec![self.move_of(actor, at, false)]);
                    self.request_relaxation(true);
                }
            }
            EditCommand::UnpinAll => {
                let moves = ActorId::all(self.pinned.len())
                    .filter(|&a| self.pinned[a])
                    .map(|a| self.move_of(a, self.positions[a], false))
                    .collect();
                self.commit(moves);
            }
            EditCommand::ResetLayout => {
                let moves = ActorId::all(self.positions.len())
                    .filter(|&a| self.pinned[a] || self.positions[a] != self.default_positions[a])
                    .map(|a| self.move_of(a, self.default_positions[a], false))
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
                let current = self.layout_request.generation == generation;
                if current && self.layout_request.wanted && positions.len() == self.positions.len()
                {
                    self.positions = positions;
                    if settled {
                        self.layout_request.wanted = false;
                        if self.layout_request.first {
                            // Reset layout returns here, not to the spiral it started from.
                            self.default_positions.clone_from(&self.positions);
                        }
                    }
                }
            }
            EditCommand::StartFirstLayout => {
                self.request_relaxation(true);
                self.layout_request.first = self.layout_request.wanted;
            }
        }
    }

    fn start_drag(&mut self, actor: ActorId) {
        // Grabbing a node interrupts any relaxation and camera glide: the user's hand wins.
        self.request_relaxation(false);
        self.fit_from = None;
        if let Some(&from) = self.positions.get(actor.0) {
            self.drag = Some(Drag {
                actor,
                from,
                pinned_before: self.pinned[actor],
            });
        }
    }

    fn end_drag(&mut self) {
        let Some(drag) = self.drag.take() else {
            return;
        };
        let to = self.positions[drag.actor];
        if to == drag.from {
            self.pinned[drag.actor] = drag.pinned_before;
            return;
        }
        self.record(vec![Move {
            actor: drag.actor,
            from: drag.from,
            to,
            pinned_before: drag.pinned_before,
            pinned_after: true,
        }]);
        self.request_relaxation(true);
    }

    /// Applies the saved places that still match actors of the dataset. Unknown ids,
    /// non-finite numbers and other versions are skipped; the view is restored only when some
    /// place matched.
    fn restore(&mut self, saved: &SavedLayout) {
        let mut applied = 0;
        for (i, actor) in self.dataset.actors_with_ids() {
            if let Some(place) = saved.place_of(&actor.id) {
                self.positions[i] = egui::Pos2::new(place.pos[0], place.pos[1]);
                self.pinned[i] = place.pinned;
                applied += 1;
            }
        }
        if applied > 0 && saved.view.is_sane() {
            self.view = saved.view;
            self.auto_fit = false;
        }
        if applied > 0 {
            self.links = saved.links;
        }
    }

    /// Starts a new relaxation (on force-laid-out maps) or stops the running one.
    pub(super) fn request_relaxation(&mut self, wanted: bool) {
        let wanted = wanted && self.force_laid_out();
        if wanted || self.layout_request.wanted {
            self.layout_request.generation += 1;
        }
        self.layout_request.wanted = wanted;
        self.layout_request.first = false;
    }

    fn apply_view(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::Pan(delta) => {
                self.fit_from = None;
                self.view.pan(delta);
                self.auto_fit = false;
            }
            ViewCommand::Zoom {
                factor,
                anchor,
                canvas,
            } => {
                self.fit_from = None;
                self.view.zoom_at(factor, anchor, canvas);
                self.auto_fit = false;
            }
            ViewCommand::Fit => self.refit(),
            ViewCommand::FitTo(canvas) => self.fit_to(canvas),
            ViewCommand::SetTheme(theme) => self.prefs.theme = theme,
            ViewCommand::SystemTheme(theme) => self.system_theme = theme,
            ViewCommand::SetShowSecondary(show) => {
                self.prefs.show_secondary = show;
                self.after_filter_change();
            }
            ViewCommand::SetShowLegend(show) => self.prefs.show_legend = show,
            ViewCommand::SetLineLabels(labels) => self.prefs.line_labels = labels,
            ViewCommand::SetLinks(links) => {
                self.links = links;
                // A selected relation may now be part of a combined line: keep it selected
                // (the side panel still shows it); hover refers to lines that changed.
                self.hovered = None;
                self.linked_hover = None;
            }
            ViewCommand::SetSidePanel(open) => self.prefs.side_panel_open = open,
            ViewCommand::SetChronology(show) => self.prefs.show_chronology = show,
        }
    }

    /// Fits the view on the next frame and keeps following the canvas size.
    fn refit(&mut self) {
        self.auto_fit = true;
        self.fitted_for = None;
        self.animate_next_fit = true;
    }

    /// The view that shows the whole map in `canvas`, clear of the legend.
    pub fn fitted_view(&self, canvas: egui::Rect) -> View {
        let bounds = self.scene_cached(&Style::for_theme(self.theme())).bounds;
        // Keep the map clear of the legend in the bottom-left corner.
        let mut room = canvas;
        if self.prefs.show_legend && canvas.width() > 3.0 * LEGEND_ROOM {
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
        self.animate_next_fit && !self.is_very_large()
    }

    fn fit_to(&mut self, canvas: egui::Rect) {
        let before = self.view;
        self.view = self.fitted_view(canvas);
        self.fitted_for = Some(canvas);
        // A re-fit the user caused glides there; following a window resize does not.
        if std::mem::take(&mut self.animate_next_fit) && before != self.view {
            self.fit_from = Some(before);
            self.fit_generation += 1;
        } else {
            self.fit_from = None;
        }
    }

    fn apply_filter(&mut self, command: FilterCommand) {
        match command {
            FilterCommand::ToggleDimension(dim) => {
                if !self.filters.hidden_dimensions.remove(&dim) {
                    self.filters.hidden_dimensions.insert(dim);
                }
            }
            FilterCommand::ToggleTone(tone) => {
                if !self.filters.hidden_tones.remove(&tone) {
                    self.filters.hidden_tones.insert(tone);
                }
            }
            FilterCommand::ToggleSource(source) => {
                if !self.filters.hidden_sources.remove(&source)
                    && source.0 < self.dataset.sources.len()
                {
                    self.filters.hidden_sources.insert(source);
                }
            }
            FilterCommand::SetFocus(focus) => {
                let n = self.dataset.actors.len();
                self.filters.focus = focus
                    .filter(|(a, mode)| a.0 < n && !matches!(mode, FocusMode::Pair(b) if b.0 >= n));
            }
            FilterCommand::OnlyDimension(keep, all) => {
                self.filters.hidden_dimensions = all.into_iter().filter(|d| *d != keep).collect();
            }
            FilterCommand::OnlyTone(keep, all) => {
                self.filters.hidden_tones = all.into_iter().filter(|t| *t != keep).collect();
            }
            FilterCommand::SetMinPassages(n) => self.filters.min_passages = n,
            FilterCommand::SetYears(years) => {
                self.filters.years = years.map(|(a, b)| (a.min(b), a.max(b)));
            }
            FilterCommand::ClearFilters => self.filters = Filters::default(),
            FilterCommand::SetFilters(filters) => self.filters = filters,
            FilterCommand::SetSearch(text) => {
                self.search = text;
                self.search_pick = None;
                return;
            }
            FilterCommand::SetSearchPick(pick) => {
                self.search_pick = pick;
                return;
            }
        }
        self.after_filter_change();
    }

    fn after_filter_change(&mut self) {
        // What is shown changed: fit it again, unless the user has panned or zoomed since.
        if self.auto_fit {
            self.fitted_for = None;
            self.animate_next_fit = true;
        }
        self.selection = self.valid_selection(self.selection);
        self.hovered = None;
        self.linked_hover = None;
    }

    fn apply_article(&mut self, command: ArticleCommand) {
        match command {
            ArticleCommand::ShowPassage(passage) => {
                if let Some(p) = self.dataset.passage(passage) {
                    // The passage's own source comes to the front.
                    if self.article_source != p.source {
                        self.article_source = p.source;
                        self.article_selection = None;
                    }
                    self.article_open = true;
                    self.article_focus = Some(ArticleFocus {
                        passage,
                        scroll_pending: true,
                    });
                }
            }
            ArticleCommand::SetOpen(open) => self.article_open = open,
            ArticleCommand::SetAuthoring(on) => {
                self.article_authoring = on;
                self.article_selection = None;
            }
            ArticleCommand::ShowSource(source) => {
                if source.0 < self.dataset.sources.len() && source != self.article_source {
                    self.article_source = source;
                    self.article_selection = None;
                    self.article_focus = None;
                }
            }
            ArticleCommand::SetSelection(range) => {
                let text = &self.dataset.source(self.article_source).article.text;
                self.article_selection = range.filter(|r| {
                    r.start < r.end
                        && r.end <= text.len()
                        && text.is_char_boundary(r.start)
                        && text.is_char_boundary(r.end)
                });
            }
            ArticleCommand::Scrolled => {
                if let Some(focus) = &mut self.article_focus {
                    focus.scroll_pending = false;
                }
            }
            ArticleCommand::SetView {
                underline_actors,
                uncited_only,
            } => {
                self.article_underline_actors = underline_actors;
                self.article_uncited_only = uncited_only;
            }
        }
    }
}
