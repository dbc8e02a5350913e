//! The storyboard in the open map: which step is shown, presenting (and the view to return
//! to), capturing the view as a step, and the edits of the steps themselves.
//!
//! A step names what is shown and selected ([`crate::model::Step`]); showing it resets the
//! filters, narrows to its focus, selects its relation and re-fits the view with the glide
//! every re-fit has. The layout is the map's own, shared by every step.

use super::filters::{Filters, FocusMode};
use super::view::View;
use super::{DocCommand, MapState};
use crate::model::{Step, StepLabels, StepLinks};
use crate::scene::{LineLabels, LinkMode, Selection};

/// Which step is current, and the presentation under way.
#[derive(Default)]
pub struct StoryView {
    /// The step last shown or picked in the storyboard panel (Alt+↑/↓ move it).
    pub current: Option<usize>,
    /// Set while presenting: the view to return to when the presentation ends.
    pub presenting: Option<Box<ViewBefore>>,
}

/// Everything presenting changes, as it was before: put back when the presentation ends.
pub struct ViewBefore {
    filters: Filters,
    links: LinkMode,
    show_secondary: bool,
    line_labels: LineLabels,
    selection: Selection,
    view: View,
    auto_fit: bool,
}

/// Stepping through the storyboard and presenting it.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryCommand {
    /// Show step `n` (counted from 0): its focus, selection and display choices.
    Show(usize),
    /// The next step (the first if none is current); nothing past the last.
    Next,
    /// The step before; nothing before the first.
    Previous,
    /// Start presenting from step `n` (F5 starts from the current step, or the first).
    Present(usize),
    /// End the presentation: the view before it comes back.
    StopPresenting,
    /// Pick step `n` in the panel without showing it (what Alt+↑/↓ move).
    Pick(Option<usize>),
}

/// An edit of a step's words: what the storyboard panel's fields change.
#[derive(Clone, Debug, PartialEq)]
pub struct StepText {
    /// The step's title.
    pub title: String,
    /// Its caption.
    pub caption: String,
}

impl MapState {
    /// Whether a presentation is under way.
    pub fn presenting(&self) -> bool {
        self.story.presenting.is_some()
    }

    /// The view as it stands, as a step titled `title`: the focus (an actor's neighbourhood,
    /// a pair, or a group), the selected relation and how lines and labels are drawn. Other
    /// filters are not part of a step (see [`Self::filters_a_step_leaves_out`]).
    pub fn step_from_view(&self, title: String) -> Step {
        let d = &self.doc.dataset;
        let id_of = |a: crate::model::ActorId| d.actor(a).map(|x| x.id.clone());
        let f = &self.lens.filters;
        let mut focus: Vec<String> = match f.focus {
            None => Vec::new(),
            Some((a, FocusMode::Neighbourhood | FocusMode::Relations)) => {
                id_of(a).into_iter().collect()
            }
            Some((a, FocusMode::Pair(b))) => id_of(a).into_iter().chain(id_of(b)).collect(),
        };
        if focus.is_empty() {
            focus = f.group.iter().filter_map(|&a| id_of(a)).collect();
        }
        let select = match self.pointing.selection {
            Selection::Relation(r) => d.relation(r).map(|r| r.id.clone()),
            Selection::Actor(_) | Selection::Pair(..) | Selection::None => None,
        };
        Step {
            title,
            caption: String::new(),
            select,
            focus,
            links: Some(match self.lens.links {
                LinkMode::Relation => StepLinks::Relation,
                LinkMode::Pair => StepLinks::Pair,
                LinkMode::Direction => StepLinks::Direction,
            }),
            labels: Some(match self.lens.line_labels {
                LineLabels::Off => StepLabels::Off,
                LineLabels::Selected => StepLabels::Selected,
                LineLabels::All => StepLabels::All,
            }),
            secondary: Some(self.lens.show_secondary),
            dropped: Vec::new(),
        }
    }

    /// Whether filters are on that a step does not keep (policy fields, tones, sources,
    /// dates, grades, passage counts): "Add this view" says so.
    pub fn filters_a_step_leaves_out(&self) -> bool {
        let f = &self.lens.filters;
        Filters {
            focus: None,
            group: Vec::new(),
            ..f.clone()
        }
        .any()
    }

    pub(super) fn apply_story(&mut self, command: StoryCommand) {
        let count = self.doc.dataset.storyboard.len();
        match command {
            StoryCommand::Show(n) => self.show_step(n),
            StoryCommand::Next => {
                let n = self.story.current.map_or(0, |c| c + 1);
                if n < count {
                    self.show_step(n);
                }
            }
            StoryCommand::Previous => {
                if let Some(n) = self.story.current.and_then(|c| c.checked_sub(1)) {
                    self.show_step(n);
                }
            }
            StoryCommand::Present(n) => {
                if n >= count {
                    return;
                }
                if self.story.presenting.is_none() {
                    self.story.presenting = Some(Box::new(ViewBefore {
                        filters: self.lens.filters.clone(),
                        links: self.lens.links,
                        show_secondary: self.lens.show_secondary,
                        line_labels: self.lens.line_labels,
                        selection: self.pointing.selection,
                        view: self.camera.view,
                        auto_fit: self.camera.auto_fit,
                    }));
                }
                self.show_step(n);
            }
            StoryCommand::StopPresenting => {
                let Some(before) = self.story.presenting.take() else {
                    return;
                };
                self.lens.filters = before.filters;
                self.lens.links = before.links;
                self.lens.show_secondary = before.show_secondary;
                self.lens.line_labels = before.line_labels;
                self.camera.view = before.view;
                self.camera.auto_fit = before.auto_fit;
                self.camera.fit_from = None;
                // The window leaves full screen: a view that followed the map fits again.
                self.camera.fitted_for = None;
                self.pointing.selection = self.valid_selection(before.selection);
                self.pointing.hovered = None;
                self.pointing.linked_hover = None;
            }
            StoryCommand::Pick(n) => self.story.current = n.filter(|&n| n < count),
        }
    }

    /// Shows step `n`: resets the filters to its focus, applies its display choices, selects
    /// its relation and glides to fit what it shows.
    fn show_step(&mut self, n: usize) {
        let d = &self.doc.dataset;
        let Some(step) = d.storyboard.get(n) else {
            return;
        };
        let focus = step.focus_in(d);
        let select = step.selected_in(d);
        // A selected relation joining a secondary actor is shown with it.
        let needs_secondary = select
            .and_then(|r| d.relation(r))
            .is_some_and(|r| [r.from, r.to].iter().any(|&a| d.actors[a].secondary));
        let mut filters = Filters::default();
        match focus.as_slice() {
            [] => {}
            [a] => filters.focus = Some((*a, FocusMode::Neighbourhood)),
            [a, b] => filters.focus = Some((*a, FocusMode::Pair(*b))),
            more => filters.group = more.to_vec(),
        }
        if let Some(links) = step.links {
            self.lens.links = match links {
                StepLinks::Relation => LinkMode::Relation,
                StepLinks::Pair => LinkMode::Pair,
                StepLinks::Direction => LinkMode::Direction,
            };
        }
        if let Some(labels) = step.labels {
            self.lens.line_labels = match labels {
                StepLabels::Off => LineLabels::Off,
                StepLabels::Selected => LineLabels::Selected,
                StepLabels::All => LineLabels::All,
            };
        }
        self.lens.show_secondary =
            step.secondary.unwrap_or(self.lens.show_secondary) || needs_secondary;
        self.lens.filters = filters;
        self.story.current = Some(n);
        self.pointing.selection = select.map_or(Selection::None, Selection::Relation);
        self.pointing.selection = self.valid_selection(self.pointing.selection);
        self.pointing.hovered = None;
        self.pointing.linked_hover = None;
        self.lens.search_pick = None;
        // Every step is framed, even after the user panned: that is what a step shows.
        self.camera.auto_fit = true;
        self.camera.fitted_for = None;
        self.camera.animate_next_fit = true;
    }

    /// For an edit of the storyboard, the command putting it back, read before it runs;
    /// `None` when it names no step.
    pub(super) fn inverse_of_story(&self, command: &DocCommand) -> Option<DocCommand> {
        let steps = &self.doc.dataset.storyboard;
        match command {
            DocCommand::InsertStep(n, _) => {
                (*n <= steps.len()).then_some(DocCommand::RemoveStep(*n))
            }
            DocCommand::RemoveStep(n) => Some(DocCommand::InsertStep(*n, steps.get(*n)?.clone())),
            DocCommand::EditStep(n, _) => {
                let s = steps.get(*n)?;
                Some(DocCommand::EditStep(
                    *n,
                    StepText {
                        title: s.title.clone(),
                        caption: s.caption.clone(),
                    },
                ))
            }
            DocCommand::MoveStep { from, to } => (*from < steps.len()
                && *to < steps.len()
                && from != to)
                .then_some(DocCommand::MoveStep {
                    from: *to,
                    to: *from,
                }),
            _ => None,
        }
    }

    /// Makes a storyboard edit; `false` if it names no step. The current step follows the
    /// step it was.
    pub(super) fn edit_story(&mut self, command: DocCommand) -> bool {
        let steps = &mut self.doc.dataset.storyboard;
        let current = &mut self.story.current;
        match command {
            DocCommand::InsertStep(n, step) => {
                if n > steps.len() {
                    return false;
                }
                steps.insert(n, step);
                *current = Some(n);
            }
            DocCommand::RemoveStep(n) => {
                if n >= steps.len() {
                    return false;
                }
                steps.remove(n);
                *current = match *current {
                    Some(c) if c > n => Some(c - 1),
                    Some(c) if c == n => (!steps.is_empty()).then(|| n.min(steps.len() - 1)),
                    other => other,
                };
            }
            DocCommand::EditStep(n, text) => {
                let Some(step) = steps.get_mut(n) else {
                    return false;
                };
                step.title = text.title.trim().to_owned();
                step.caption = text.caption.trim().to_owned();
                // Edited since: what an edit removed from it has been seen.
                step.dropped.clear();
            }
            DocCommand::MoveStep { from, to } => {
                if from >= steps.len() || to >= steps.len() || from == to {
                    return false;
                }
                let step = steps.remove(from);
                steps.insert(to, step);
                *current = Some(to);
            }
            _ => return false,
        }
        true
    }
}

impl MapState {
    /// One figure per storyboard step, on this map's layout as it stands: each step's
    /// focus, selection (its passages in the evidence card) and display choices, titled by
    /// the step and captioned by it, fitted to what the step shows. The map itself is not
    /// touched (a scratch copy steps through).
    pub fn storyboard_figures(
        &self,
        opts: &crate::export::ExportOptions,
    ) -> Vec<crate::export::Figure> {
        let steps = &self.doc.dataset.storyboard;
        let mut scratch = MapState::with_layout(
            self.doc.dataset.clone(),
            self.place.positions.raw.clone(),
            self.showing(),
        );
        scratch.lens.links = self.lens.links;
        let mut figures = Vec::with_capacity(steps.len());
        for (n, step) in steps.iter().enumerate() {
            scratch.show_step(n);
            let opts = crate::export::ExportOptions {
                title: Some(step.title_or_number(n)),
                subtitle: Some(step.caption.clone()).filter(|c| !c.trim().is_empty()),
                with_selection: true,
                ..opts.clone()
            };
            figures.push(scratch.figure(&opts));
        }
        figures
    }
}
