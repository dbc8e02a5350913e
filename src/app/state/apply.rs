//! [`AppState::apply`]: the one place where commands change the state.

use super::{AppState, ArticleFocus, Drag, LEGEND_ROOM, Move};
use crate::app::command::Command;
use crate::app::filters::Filters;
use crate::app::view::View;
use crate::scene::{Selection, Style};

impl AppState {
    /// Applies one command. This is the only place state changes.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(sel) => {
                self.selection = self.valid_selection(sel);
                // With the article open, follow the selection to its first passage.
                if let (Selection::Relation(r), true) = (self.selection, self.article_open)
                    && self.dataset.relations[r]
                        .passages
                        .iter()
                        .any(|p| p.anchor.is_some())
                {
                    let passage = self.dataset.relations[r]
                        .passages
                        .iter()
                        .position(|p| p.anchor.is_some())
                        .unwrap_or(0);
                    self.article_focus = Some(ArticleFocus {
                        relation: r,
                        passage,
                        scroll_pending: true,
                    });
                }
            }
            Command::Hover(hit) => self.hovered = hit,
            Command::StartDrag(actor) => {
                self.live = None;
                if let Some(&from) = self.positions.get(actor) {
                    self.drag = Some(Drag {
                        actor,
                        from,
                        pinned_before: self.pinned[actor],
                    });
                }
            }
            Command::DragTo(pos) => {
                if let Some(drag) = self.drag
                    && pos.x.is_finite()
                    && pos.y.is_finite()
                {
                    self.positions[drag.actor] = pos;
                    self.pinned[drag.actor] = true;
                }
            }
            Command::EndDrag => {
                if let Some(drag) = self.drag.take() {
                    let to = self.positions[drag.actor];
                    if to != drag.from {
                        self.record(vec![Move {
                            actor: drag.actor,
                            from: drag.from,
                            to,
                            pinned_before: drag.pinned_before,
                            pinned_after: true,
                        }]);
                        self.relax();
                    } else {
                        self.pinned[drag.actor] = drag.pinned_before;
                    }
                }
            }
            Command::Unpin(actor) => {
                if self.pinned.get(actor).copied().unwrap_or(false) {
                    let at = self.positions[actor];
                    self.commit(vec![self.move_of(actor, at, false)]);
                    self.relax();
                }
            }
            Command::UnpinAll => {
                let moves = (0..self.pinned.len())
                    .filter(|&a| self.pinned[a])
                    .map(|a| self.move_of(a, self.positions[a], false))
                    .collect();
                self.commit(moves);
            }
            Command::ResetLayout => {
                let moves = (0..self.positions.len())
                    .filter(|&a| self.pinned[a] || self.positions[a] != self.default_positions[a])
                    .map(|a| self.move_of(a, self.default_positions[a], false))
                    .collect();
                self.commit(moves);
                self.refit();
            }
            Command::Undo => {
                if let Some(edit) = self.undo.pop() {
                    for m in edit.iter().rev() {
                        self.positions[m.actor] = m.from;
                        self.pinned[m.actor] = m.pinned_before;
                    }
                    self.redo.push(edit);
                }
            }
            Command::Redo => {
                if let Some(edit) = self.redo.pop() {
                    for m in &edit {
                        self.positions[m.actor] = m.to;
                        self.pinned[m.actor] = m.pinned_after;
                    }
                    self.undo.push(edit);
                }
            }
            Command::Pan(delta) => {
                self.view.pan(delta);
                self.auto_fit = false;
            }
            Command::Zoom {
                factor,
                anchor,
                canvas,
            } => {
                self.view.zoom_at(factor, anchor, canvas);
                self.auto_fit = false;
            }
            Command::Fit => self.refit(),
            Command::FitTo(canvas) => {
                let bounds = self.scene_cached(&Style::for_theme(self.theme)).bounds;
                // Keep the map clear of the legend in the bottom-left corner.
                let mut room = canvas;
                if self.show_legend && canvas.width() > 3.0 * LEGEND_ROOM {
                    room.min.x += LEGEND_ROOM;
                }
                self.view = View::fit(bounds, room);
                // The view is centred on the canvas; shift so the map sits centred in `room`.
                self.view.center_in_world -= (room.center() - canvas.center()) / self.view.zoom;
                self.fitted_for = Some(canvas);
            }
            Command::SetTheme(theme) => self.theme = theme,
            Command::SetShowSecondary(show) => {
                self.show_secondary = show;
                self.selection = self.valid_selection(self.selection);
                self.hovered = None;
                // Newly shown actors may lie outside the view: show the whole map again.
                self.refit();
            }
            Command::SetShowLegend(show) => self.show_legend = show,
            Command::SetSidePanel(open) => self.side_panel_open = open,
            Command::ShowInArticle { relation, passage } => {
                let exists = self
                    .dataset
                    .relations
                    .get(relation)
                    .is_some_and(|r| passage < r.passages.len());
                if exists {
                    self.article_open = true;
                    self.article_focus = Some(ArticleFocus {
                        relation,
                        passage,
                        scroll_pending: true,
                    });
                }
            }
            Command::SetArticleOpen(open) => self.article_open = open,
            Command::ToggleDimension(dim) => {
                if !self.filters.hidden_dimensions.remove(&dim) {
                    self.filters.hidden_dimensions.insert(dim);
                }
                self.after_filter_change();
            }
            Command::ToggleTone(tone) => {
                if !self.filters.hidden_tones.remove(&tone) {
                    self.filters.hidden_tones.insert(tone);
                }
                self.after_filter_change();
            }
            Command::SetFocus(focus) => {
                self.filters.focus = focus.filter(|(a, _)| *a < self.dataset.actors.len());
                self.after_filter_change();
            }
            Command::SetMinPassages(n) => {
                self.filters.min_passages = n;
                self.after_filter_change();
            }
            Command::SetYears(years) => {
                self.filters.years = years.map(|(a, b)| (a.min(b), a.max(b)));
                self.after_filter_change();
            }
            Command::ClearFilters => {
                self.filters = Filters::default();
                self.after_filter_change();
            }
            Command::SetSearch(text) => self.search = text,
            Command::SetChronology(show) => self.show_chronology = show,
            Command::StepLayout(budget_ms) => {
                if let Some(sim) = &mut self.live {
                    let start = std::time::Instant::now();
                    while !sim.settled()
                        && start.elapsed() < std::time::Duration::from_millis(u64::from(budget_ms))
                    {
                        sim.tick();
                    }
                    let done = sim.settled();
                    self.positions.copy_from_slice(sim.positions());
                    if done {
                        self.live = None;
                    }
                }
            }
            Command::SetArticleView {
                underline_actors,
                uncited_only,
            } => {
                self.article_underline_actors = underline_actors;
                self.article_uncited_only = uncited_only;
            }
            Command::ArticleScrolled => {
                if let Some(focus) = &mut self.article_focus {
                    focus.scroll_pending = false;
                }
            }
        }
    }
}
