//! The one gate: every action the UI, a dialog, a dropped file or a finished load asks for is
//! carried out here, after drawing. An action that would replace or close the map
//! ([`Action::replaces_map`]) first asks "Save changes?" while the map has unsaved edits, so
//! no path (open, recent, drop, new map, recovery, a load that finished while the user kept
//! editing, quit) can lose them.

use super::dialogs::Modal;
use super::{RelmapApp, ToastKind};
use crate::map::{DocCommand, FileCommand, MapToAdopt, Outcome};
use crate::ui::{self, Action, UnsavedChoice, WhileComparing};

impl RelmapApp {
    /// Whether the map has edits that replacing it would lose, and the user has not already
    /// chosen to discard them.
    /// Behind a comparison, that is the map waiting there.
    pub(super) fn unsaved_at_risk(&self) -> bool {
        let own = self.own_map();
        own.is_dirty() && self.discarded != Some(own.doc.revision)
    }

    /// Carries out `action`, asking "Save changes?" first when it would lose unsaved edits.
    pub(super) fn act(&mut self, ctx: &egui::Context, action: Action) {
        if self.is_comparing() {
            match action.while_comparing() {
                WhileComparing::Runs => {}
                // Before the unsaved-changes question, so it is asked about the map itself.
                WhileComparing::LeavesFirst => {
                    self.leave_comparison();
                    let starts_another = matches!(
                        action,
                        Action::Compare | Action::ComparePath(_) | Action::ThroughTime
                    );
                    if !starts_another {
                        self.jobs.toast(
                            ToastKind::Info,
                            "Left the comparison: this acts on the map itself".to_owned(),
                        );
                    }
                }
                WhileComparing::Refused => {
                    self.jobs.toast(
                        ToastKind::Info,
                        "A comparison cannot be edited: leave it (Esc, or View → Leave \
                         comparison) and edit the map itself"
                            .to_owned(),
                    );
                    return;
                }
            }
        }
        if action.replaces_map() && self.unsaved_at_risk() {
            if self.modal.as_ref().is_some_and(Modal::holds_work) {
                // A form with typed work is in front (a dropped file): it is not thrown away
                // either; the user finishes or closes it first.
                self.jobs.toast(
                    ToastKind::Info,
                    "Close the dialog first, then open the file again".to_owned(),
                );
                return;
            }
            self.modal = Some(Modal::Unsaved(Box::new(action)));
            return;
        }
        self.run(ctx, action);
    }

    /// Carries out `action` (the gate has been passed). Every variant is named.
    fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Map(command) => {
                let outcome = self.state.apply(command);
                self.tell(outcome);
                ctx.request_repaint();
            }
            Action::Pref(command) => {
                self.prefs.apply(command);
                ctx.request_repaint();
            }
            Action::CopyText(text) => {
                ctx.copy_text(text);
                self.jobs
                    .toast(ToastKind::Info, "Passage and citation copied".to_owned());
            }
            Action::ExportSvg => self.ask_and_export("svg", 1),
            Action::ExportGraphml => self.ask_and_export("graphml", 1),
            Action::ExportHandout => self.ask_and_export("html", 1),
            Action::ExportPng(scale) => self.ask_and_export("png", scale),
            Action::CopyImage => self.copy_image(),
            Action::Screenshot => self.ask_and_screenshot(ctx),
            Action::Open => self.ask_and_open(ctx),
            Action::FocusSearch => self.focus_search_field(ctx),
            Action::OpenPath(path) => self.open_path(path, Some(ctx)),
            Action::ToggleShortcuts => self.toggle_modal(Modal::Shortcuts),
            Action::ToggleAbout => self.toggle_modal(Modal::About),
            Action::Escape => self.escape(),
            Action::ScrollEvidence(pages) => self.scroll_evidence(ctx, pages),
            Action::SwitchPane => self.switch_pane(ctx),
            Action::Notice { text, undo } => self.jobs.toast_with_undo(text, undo),
            Action::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::AddEvidence { source, range } => {
                let form = ui::EvidenceForm::new(&self.state, source, range);
                self.modal = Some(Modal::Evidence(form));
            }
            Action::NewMap => {
                self.modal = Some(Modal::NewMap(ui::NewMapForm::default()));
            }
            Action::ActorForm(None) => self.modal = Some(Modal::Actor(ui::ActorForm::add())),
            Action::ActorForm(Some(a)) => {
                self.modal = ui::ActorForm::edit(&self.state, a).map(Modal::Actor);
            }
            Action::Save => self.save(None, ctx),
            Action::ExportReport => self.ask_and_report(),
            Action::ExportFigure => self.open_figure_form(),
            Action::Review(step) => self.review(step),
            Action::SuggestDrafts(source) => self.suggest_drafts(source),
            Action::SaveAs => self.ask_and_save_as(None, ctx),
            Action::AddSource => {
                self.modal = Some(Modal::NewMap(ui::NewMapForm::add_source()));
            }
            Action::Merge => self.ask_and_merge(),
            Action::MergePath(path) => self.merge_path(&path),
            Action::EditSource(source) => {
                self.modal = ui::SourceForm::edit(&self.state, source).map(Modal::Source);
            }
            Action::Dismiss => {
                // What the user had agreed to discard stays protected again.
                self.discarded = None;
            }
            Action::SaveTo(path, then) => self.save_then(&path, then, ctx),
            Action::ReportTo(path) => self.report_to(path),
            Action::ExportTo(path, choice) => self.export_figure(path, &choice),
            Action::ScreenshotTo(path) => self.screenshot_to(ctx, path),
            Action::ChooseArticle => self.choose_article(),
            Action::ReadArticle(path) => self.read_article_into_form(&path),
            Action::BrowseExportPath => self.browse_export_path(),
            Action::CreateMap { text, fields } => {
                self.start_new_map(crate::model::new_map_from_text(&text, fields));
            }
            Action::AttachSource { text, fields } => {
                self.state.apply(DocCommand::AddSource { fields, text });
            }
            Action::Recover => self.recover(),
            Action::DiscardRecovery => self.discard_recovery(),
            Action::ShowLoaded => {
                if let Some((path, result)) = self.loaded.take() {
                    self.finish_load(&path, result);
                }
            }
            Action::CancelOpen => self.cancel_open(),
            Action::QuoteSelection => {
                if let Some(range) = self.state.reader.selection.clone() {
                    let source = self.state.reader.source;
                    self.run(ctx, Action::AddEvidence { source, range });
                }
            }
            Action::Unsaved { choice, then } => self.answer_unsaved(ctx, choice, *then),
            Action::Compare => self.ask_and_compare(),
            Action::ComparePath(path) => self.compare_path(&path),
            Action::ThroughTime => self.through_time(),
            Action::AsOf { until, since } => self.as_of(until, since),
            Action::LeaveComparison => self.leave_comparison(),
            Action::StepAsOf(by) => self.step_as_of(by),
            Action::Present => self.present(),
            Action::MoveStep(by) => self.move_step(by),
            Action::ExportStoryboard => self.ask_and_export_storyboard(),
        }
    }

    /// Goes on with `then` as the user answered "Save changes?".
    fn answer_unsaved(&mut self, ctx: &egui::Context, choice: UnsavedChoice, then: Action) {
        match choice {
            UnsavedChoice::Cancel => {
                if then == Action::ShowLoaded {
                    // The map the load produced is not wanted after all.
                    self.loaded = None;
                }
            }
            UnsavedChoice::Discard => {
                // Not marked saved: if what follows is cancelled or fails (a file that cannot
                // be read), the edits are still there, still unsaved, still autosaved.
                self.discarded = Some(self.state.doc.revision);
                self.act(ctx, then);
            }
            UnsavedChoice::Save => self.save(Some(Box::new(then)), ctx),
        }
    }

    /// Saves to `path`; on success goes on with `then` (what was asked before "Save
    /// changes?"), on failure says why and leaves the map as it is.
    pub(super) fn save_then(
        &mut self,
        path: &std::path::Path,
        then: Option<Box<Action>>,
        ctx: &egui::Context,
    ) {
        let target = super::save_dialogs::with_relmap_suffix(path);
        match self.save_to(&target) {
            Ok(()) => {
                if let Some(then) = then {
                    self.act(ctx, *then);
                }
            }
            Err(e) => self.jobs.toast(ToastKind::Error, e),
        }
    }

    /// Shows `next` instead of the open map (the gate has been passed), keeping the outgoing
    /// map's layout so reopening it later restores it.
    pub(super) fn adopt(&mut self, next: crate::map::MapState, unsaved: bool) {
        // What replaces the map replaces the map itself, never a comparison shown over it.
        self.leave_comparison();
        let old_key = self.state.doc.dataset.origin.key();
        self.layouts
            .insert(old_key, crate::map::SavedLayout::capture(&self.state));
        self.state
            .apply(FileCommand::Adopt(MapToAdopt::new(next, unsaved)));
        self.layout_run = crate::map::LayoutRun::default();
        self.discarded = None;
    }

    /// Ctrl+F: the side panel opens with the keyboard in its search field.
    fn focus_search_field(&mut self, ctx: &egui::Context) {
        self.focus_search = true;
        self.prefs.apply(ui::PrefCommand::SetSidePanel(true));
        ctx.request_repaint();
    }

    /// PageUp/PageDown: the evidence panel (opened if closed) scrolls by `pages`.
    fn scroll_evidence(&mut self, ctx: &egui::Context, pages: i8) {
        self.prefs.apply(ui::PrefCommand::SetSidePanel(true));
        self.evidence_scroll = self.evidence_scroll.saturating_add(pages);
        ctx.request_repaint();
    }

    /// F5: presents the storyboard from the current step, or says how to make one.
    fn present(&mut self) {
        if self.state.doc.dataset.storyboard.is_empty() {
            self.prefs.apply(ui::PrefCommand::SetStoryboard(true));
            self.jobs.toast(
                ToastKind::Info,
                "This map has no storyboard yet: set up the view, then \"Add this view\" in \
                 the Storyboard panel"
                    .to_owned(),
            );
            return;
        }
        let from = self.state.story.current.unwrap_or(0);
        self.state.apply(crate::map::StoryCommand::Present(from));
    }

    /// Alt+↑/↓: moves the picked step one place earlier or later (undoable).
    fn move_step(&mut self, by: i8) {
        let count = self.state.doc.dataset.storyboard.len();
        let Some(from) = self.state.story.current.filter(|&c| c < count) else {
            return;
        };
        let to = if by < 0 {
            from.checked_sub(1)
        } else {
            Some(from + 1).filter(|&t| t < count)
        };
        if let Some(to) = to {
            let outcome = self.state.apply(DocCommand::MoveStep { from, to });
            self.tell(outcome);
        }
    }

    /// Says what a command's outcome asks the user to know.
    fn tell(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Done => {}
            Outcome::ReadOnly => self.jobs.toast(
                ToastKind::Info,
                "A comparison cannot be edited: leave it (Esc) and edit the map itself".to_owned(),
            ),
            Outcome::StepsTouched(n) => self.jobs.toast_with_undo(
                format!(
                    "{n} storyboard step{} named what was removed: the Storyboard says what each lost",
                    if n == 1 { "" } else { "s" }
                ),
                vec![crate::map::EditCommand::Undo.into()],
            ),
            Outcome::Merged(report) => self.jobs.toast(
                ToastKind::Info,
                format!("Merged ({}). Ctrl+Z undoes the merge.", report.summary()),
            ),
            Outcome::MovedWhileNarrowed { actor, moved_clear } => {
                let name = self
                    .state
                    .doc
                    .dataset
                    .actor(actor)
                    .map_or_else(String::new, |a| a.name.clone());
                let text = if moved_clear {
                    format!(
                        "Moved {name} beside where it was dropped: an actor hidden by the focus \
                         or filters is there"
                    )
                } else {
                    format!("Moved {name} while the focus or filters hide other actors")
                };
                self.jobs
                    .toast_with_undo(text, vec![crate::map::EditCommand::Undo.into()]);
            }
        }
    }

    /// Applies a merge and reports what it matched and added.
    pub(super) fn merge_dataset(&mut self, other: crate::model::Dataset, name: &str) {
        let outcome = self.state.apply(DocCommand::Merge(crate::map::MapToMerge(
            std::sync::Arc::new(other),
        )));
        let summary = match outcome {
            Outcome::Merged(report) => report.summary(),
            Outcome::Done
            | Outcome::MovedWhileNarrowed { .. }
            | Outcome::ReadOnly
            | Outcome::StepsTouched(_) => "nothing to merge".to_owned(),
        };
        self.jobs.toast(
            ToastKind::Info,
            format!("Merged {name} ({summary}). Ctrl+Z undoes the merge."),
        );
    }
}
