//! Panels and the canvas. UI code reads [`crate::map::MapState`] and returns [`Action`]s; it
//! never changes state itself and never sees the eframe shell.

mod article;
mod article_text;
mod canvas;
mod chronology;
mod compare;
mod edit_panel;
mod evidence_form;
mod export_dialog;
mod forms;
mod legend;
mod menu;
mod overview;
mod passage;
mod prefs;
mod search_panel;
mod shortcuts;
mod side_panel;
mod source_form;
mod status;
mod storyboard;

pub use article::{ARTICLE_TEXT_LABEL, article_window};
pub use canvas::{CANVAS_ID, CANVAS_LABEL, canvas, map_has_focus};
pub use chronology::{chronology_strip, dot_radius};
pub use compare::{AS_OF_LABEL, CompareBar, SINCE_LABEL, change_in_words, compare_bar};
pub use evidence_form::{EvidenceForm, evidence_form};
pub use export_dialog::{ExportForm, FigureChoice, FormResult, export_form};
pub use forms::{
    ActorForm, FormOutcome, NewMapForm, NewMapRequest, actor_form, dimension_choice, new_map_form,
    tone_choice,
};
pub use menu::top_bar;
pub use prefs::{PrefCommand, Prefs};
pub use search_panel::{SEARCH_ID, search_panel};
pub use shortcuts::{
    GESTURES, KeyContext, Scope, Shortcut, consume_shortcuts, key_text, keyboard_shortcuts,
    shortcut_text,
};
pub use side_panel::{EVIDENCE_SCROLL_ID, side_panel};
pub use source_form::{SourceForm, source_form};
pub use status::{
    STATUS_HINT, STATUS_HINT_ACTOR, STATUS_HINT_LIT, STATUS_HINT_RELATION, slow_spinner,
    status_bar, status_hint,
};
pub use storyboard::{
    ADD_STEP_LABEL, END_PRESENTATION_LABEL, PRESENT_LABEL, STEP_CAPTION_LABEL, STEP_TITLE_LABEL,
    STORYBOARD_HEADING, presentation_evidence, presentation_head, storyboard_panel,
};

use crate::map::{
    ArticleCommand, Command, DocCommand, EditCommand, FilterCommand, SelectCommand, ViewCommand,
};
use crate::model::{Dataset, PassageId};

/// A step of the draft review queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    /// Show the next draft (D).
    Next,
    /// Confirm the current draft and show the next (A).
    Accept,
    /// Remove the current draft and show the next (R).
    Reject,
}

/// Something the user asked for: a state change or an effect the shell carries out.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Change the map state.
    Map(Command),
    /// Change an app-wide preference (theme, which panels are shown).
    Pref(PrefCommand),
    /// Put text on the clipboard.
    CopyText(String),
    /// Save the map as SVG (asks where).
    ExportSvg,
    /// Save the network with its evidence as GraphML (asks where).
    ExportGraphml,
    /// Save the interactive handout: the map and its evidence in one HTML page (asks where).
    ExportHandout,
    /// Save the map as PNG at this scale (asks where).
    ExportPng(u8),
    /// Put the map image on the clipboard.
    CopyImage,
    /// Save a screenshot of the whole window (asks where).
    Screenshot,
    /// Open a dataset (asks which).
    Open,
    /// Open this dataset file.
    OpenPath(std::path::PathBuf),
    /// Put the cursor in the search field.
    FocusSearch,
    /// Show or hide the keyboard shortcuts window.
    ToggleShortcuts,
    /// Show or hide the About window.
    ToggleAbout,
    /// Close the topmost window or dialog; with none open, clear the selection.
    Escape,
    /// Scroll the evidence panel by this many pages (negative: up).
    ScrollEvidence(i8),
    /// Move the keyboard between the map and the side panel (F6).
    SwitchPane,
    /// Tell the user something the UI did on their behalf (a toast); `undo` puts it back and
    /// is offered as the toast's Undo button.
    Notice {
        /// What was done, and how to reverse it.
        text: String,
        /// Commands that undo it (empty: nothing to undo).
        undo: Vec<Command>,
    },
    /// Close the app.
    Quit,
    /// Quote this range of this source's text as evidence (opens the evidence form).
    AddEvidence {
        /// The source whose text is selected.
        source: crate::model::SourceId,
        /// The selection's byte range in that text.
        range: crate::model::TextRange,
    },
    /// File → New map from article… (opens the form).
    NewMap,
    /// Open the actor form: add one (`None`) or edit this one.
    ActorForm(Option<crate::model::ActorId>),
    /// Save the map to its file (asks where if it has none).
    Save,
    /// Write the evidence report (asks where; HTML, Markdown or CSV).
    ExportReport,
    /// Open the figure export dialog (frame for slides or print, title, subtitle).
    ExportFigure,
    /// Review drafts: go to the next one, accept or reject the current one.
    Review(Review),
    /// Suggest evidence (drafts) from every sentence of this source naming two actors.
    SuggestDrafts(crate::model::SourceId),
    /// Save the map to a new file (asks where).
    SaveAs,
    /// Attach another article to the map (opens the source form).
    AddSource,
    /// File → Merge map… (asks which file).
    Merge,
    /// Merge this map file into the open one.
    MergePath(std::path::PathBuf),
    /// Open the form editing this source's bibliographic data (and the map's title).
    EditSource(crate::model::SourceId),
    /// Close the dialog in front; nothing else to do.
    Dismiss,
    /// Save the map to this file, then (if given) carry on with what was asked before the
    /// "Save changes?" question.
    SaveTo(std::path::PathBuf, Option<Box<Action>>),
    /// Write the evidence report of what the map shows to this file.
    ReportTo(std::path::PathBuf),
    /// Export the figure (or the GraphML network) to this file, drawn as chosen.
    ExportTo(std::path::PathBuf, FigureChoice),
    /// Save a screenshot of the whole window to this file.
    ScreenshotTo(std::path::PathBuf),
    /// Read an article file into the open new-map form (asks which; the form stays open).
    ChooseArticle,
    /// Read this article file into the open new-map form.
    ReadArticle(std::path::PathBuf),
    /// Ask the system where the open export form writes (the form stays open).
    BrowseExportPath,
    /// Replace the map with a new one made from this article.
    CreateMap {
        /// The article's plain text.
        text: String,
        /// Title, author, date, publisher, URL.
        fields: crate::model::SourceFields,
    },
    /// Attach this article to the open map as another source.
    AttachSource {
        /// The article's plain text.
        text: String,
        /// Title, author, date, publisher, URL.
        fields: crate::model::SourceFields,
    },
    /// Open the map autosaved before relmap last stopped unexpectedly.
    Recover,
    /// Forget the autosaved map.
    DiscardRecovery,
    /// Stop opening the file being read; the map on screen stays.
    CancelOpen,
    /// Quote the text selected in the article as evidence (opens the evidence form for the
    /// selection and source shown when it runs).
    QuoteSelection,
    /// Show the map a finished load produced (it waited for an answer about unsaved edits).
    ShowLoaded,
    /// The answer to "Save changes?" asked before `then`.
    Unsaved {
        /// Save, discard or cancel.
        choice: UnsavedChoice,
        /// What was asked for.
        then: Box<Action>,
    },
    /// File → Compare with…: asks which map to compare the open one with.
    Compare,
    /// Compare the open map (before) with the map in this file (after).
    ComparePath(std::path::PathBuf),
    /// View → Through time: the open map as its sources stood on each of their dates.
    ThroughTime,
    /// In the through-time view: the map as of the `until`-th of its source dates, marking
    /// what changed since the `since`-th (nothing marked when `None`).
    AsOf {
        /// Index of the date shown, in the map's source dates (earliest first).
        until: usize,
        /// Index of the earlier date changes are marked against.
        since: Option<usize>,
    },
    /// Leave the comparison: the map comes back exactly as it was.
    LeaveComparison,
    /// In the through-time view: the map as of the next (1) or previous (-1) source date.
    StepAsOf(i8),
    /// Present the storyboard full screen, from the current step (F5).
    Present,
    /// Move the current storyboard step later (1) or earlier (-1): Alt+↓ / Alt+↑.
    MoveStep(i8),
    /// File → Export storyboard…: the steps as a PDF deck or PNGs (asks where).
    ExportStoryboard,
}

/// What an action does while a comparison is shown in place of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhileComparing {
    /// Acts on the comparison (select, pan, filter, export what is shown).
    Runs,
    /// Acts on the map itself (save, open, quit…): the comparison is left first, so it runs
    /// on the map and the unsaved-changes question is asked about the map.
    LeavesFirst,
    /// Would edit the union of two maps, which belongs to neither: refused with a reason.
    Refused,
}

/// The answers to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save the map (asking where if it has no file), then go on.
    Save,
    /// Go on without saving: the edits are lost.
    Discard,
    /// Do nothing; the map stays as it is.
    Cancel,
}

/// A path as typed (or pasted) into one of relmap's path fields: surrounding spaces and
/// quotes (a file manager's "Copy path" adds them) taken off, a leading `~` read as the home
/// folder, as a shell would, and on Windows `%USERPROFILE%` and the like read as Explorer
/// reads them.
pub fn typed_path(typed: &str) -> std::path::PathBuf {
    let t = typed.trim();
    let t = ['"', '\'']
        .iter()
        .find_map(|q| t.strip_prefix(*q).and_then(|r| r.strip_suffix(*q)))
        .unwrap_or(t)
        .trim();
    let expanded;
    let t = if cfg!(windows) {
        expanded = expand_percent_vars(t, |name| {
            std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
        });
        expanded.as_str()
    } else {
        t
    };
    match (t.strip_prefix('~'), std::env::home_dir()) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with(['/', '\\']) => {
            home.join(rest.trim_start_matches(['/', '\\']))
        }
        _ => std::path::PathBuf::from(t),
    }
}

/// `text` with each `%NAME%` that `lookup` knows replaced by its value (Windows' form of
/// environment variables); unknown names and lone `%` stay as typed.
fn expand_percent_vars(text: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('%') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('%') {
            Some(end) if end > 0 => {
                let name = &after[..end];
                match lookup(name) {
                    Some(value) => out.push_str(&value),
                    None => {
                        out.push('%');
                        out.push_str(name);
                        out.push('%');
                    }
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('%');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Action {
    /// Whether this replaces or closes the open map, so unsaved edits would be lost: the
    /// shell's one gate asks "Save changes?" before any of these. Every variant is named, so a
    /// new one has to say which it is.
    pub fn replaces_map(&self) -> bool {
        match self {
            Self::Open
            | Self::OpenPath(_)
            | Self::NewMap
            | Self::CreateMap { .. }
            | Self::Recover
            | Self::ShowLoaded
            | Self::Quit => true,
            Self::Map(_)
            | Self::Pref(_)
            | Self::CopyText(_)
            | Self::ExportSvg
            | Self::ExportGraphml
            | Self::ExportHandout
            | Self::ExportPng(_)
            | Self::CopyImage
            | Self::Screenshot
            | Self::FocusSearch
            | Self::ToggleShortcuts
            | Self::ToggleAbout
            | Self::Escape
            | Self::ScrollEvidence(_)
            | Self::SwitchPane
            | Self::Notice { .. }
            | Self::AddEvidence { .. }
            | Self::ActorForm(_)
            | Self::Save
            | Self::ExportReport
            | Self::ExportFigure
            | Self::Review(_)
            | Self::SuggestDrafts(_)
            | Self::SaveAs
            | Self::AddSource
            | Self::Merge
            | Self::MergePath(_)
            | Self::EditSource(_)
            | Self::Dismiss
            | Self::SaveTo(..)
            | Self::ReportTo(_)
            | Self::ExportTo(..)
            | Self::ScreenshotTo(_)
            | Self::ChooseArticle
            | Self::ReadArticle(_)
            | Self::BrowseExportPath
            | Self::AttachSource { .. }
            | Self::DiscardRecovery
            | Self::CancelOpen
            | Self::QuoteSelection
            | Self::Unsaved { .. }
            | Self::Compare
            | Self::ComparePath(_)
            | Self::ThroughTime
            | Self::AsOf { .. }
            | Self::LeaveComparison
            | Self::StepAsOf(_)
            | Self::Present
            | Self::MoveStep(_)
            | Self::ExportStoryboard => false,
        }
    }

    /// What this does while a comparison is shown. Every variant is named, so a new one has
    /// to say which it is.
    pub fn while_comparing(&self) -> WhileComparing {
        match self {
            Self::Map(_)
            | Self::Pref(_)
            | Self::CopyText(_)
            | Self::ExportSvg
            | Self::ExportGraphml
            | Self::ExportHandout
            | Self::ExportPng(_)
            | Self::CopyImage
            | Self::Screenshot
            | Self::FocusSearch
            | Self::ToggleShortcuts
            | Self::ToggleAbout
            | Self::Escape
            | Self::ScrollEvidence(_)
            | Self::SwitchPane
            | Self::Notice { .. }
            | Self::ExportReport
            | Self::ExportFigure
            | Self::Dismiss
            | Self::ReportTo(_)
            | Self::ExportTo(..)
            | Self::ScreenshotTo(_)
            | Self::BrowseExportPath
            | Self::DiscardRecovery
            | Self::CancelOpen
            | Self::AsOf { .. }
            | Self::StepAsOf(_)
            | Self::LeaveComparison => WhileComparing::Runs,
            Self::Open
            | Self::OpenPath(_)
            | Self::NewMap
            | Self::CreateMap { .. }
            | Self::Recover
            | Self::ShowLoaded
            | Self::Quit
            | Self::Save
            | Self::SaveAs
            | Self::SaveTo(..)
            | Self::AddSource
            | Self::AttachSource { .. }
            | Self::Merge
            | Self::MergePath(_)
            | Self::ChooseArticle
            | Self::ReadArticle(_)
            | Self::Unsaved { .. }
            | Self::Compare
            | Self::ComparePath(_)
            | Self::ThroughTime
            // A comparison has no storyboard: these are about the map's.
            | Self::Present
            | Self::ExportStoryboard => WhileComparing::LeavesFirst,
            // These name actors, relations, sources or text of the union.
            Self::AddEvidence { .. }
            | Self::ActorForm(_)
            | Self::Review(_)
            | Self::SuggestDrafts(_)
            | Self::EditSource(_)
            | Self::MoveStep(_)
            | Self::QuoteSelection => WhileComparing::Refused,
        }
    }

    /// Whether this works on the dialog that returned it, which stays open (choosing a file
    /// to read into a form); any other action a dialog returns closes it first.
    pub fn keeps_dialog(&self) -> bool {
        matches!(
            self,
            Self::ChooseArticle | Self::ReadArticle(_) | Self::BrowseExportPath
        )
    }
}

macro_rules! action_from {
    ($($family:ty),*) => {
        $(impl From<$family> for Action {
            fn from(c: $family) -> Self {
                Self::Map(c.into())
            }
        })*
    };
}

action_from!(
    Command,
    SelectCommand,
    EditCommand,
    ViewCommand,
    FilterCommand,
    ArticleCommand,
    DocCommand,
    crate::map::StoryCommand
);

/// Gives `field` the keyboard in the first frame its dialog is shown, so a dialog opens ready
/// to type in (a path typed at once is not lost). Shown again after being closed, it takes
/// the keyboard again; while open, the user's own choice of field stands.
pub fn focus_when_opened(ui: &egui::Ui, field: &egui::Response) {
    let key = field.id.with("relmap-shown-at-pass");
    let pass = ui.ctx().cumulative_pass_nr();
    let last: Option<u64> = ui.data(|d| d.get_temp(key));
    ui.data_mut(|d| d.insert_temp(key, pass));
    if last.is_none_or(|last| last + 2 < pass) {
        field.request_focus();
    }
}

/// A passage with its citation line, as put on the clipboard.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let d = relmap::model::builtin()?;
/// let r = d.relation_index("cn-kz-energy").ok_or("no such relation")?;
/// let id = relmap::model::PassageId::new(r, 0);
/// let text = relmap::ui::citation_text(&d, id).ok_or("no such passage")?;
/// assert!(text.starts_with("“…granting Chinese firms access to Kazakhstan’s energy resources…”"));
/// assert!(text.contains("Richard Weitz"));
/// # Ok(())
/// # }
/// ```
pub fn citation_text(dataset: &Dataset, passage: PassageId) -> Option<String> {
    let rel = dataset.relation(passage.relation)?;
    let p = dataset.passage(passage)?;
    let mut cite = dataset.source(p.source).meta.citation();
    let grade = dataset.grade(p);
    if grade.is_graded() {
        cite = format!("{grade} · {cite}");
    }
    if let Some(place) = dataset.place_of(p) {
        cite.push_str(&format!(", {place}"));
    }
    // "…" where the quote was cut from its sentence, so a pasted fragment stays honest.
    let quote = p.anchor.as_ref().map_or_else(
        || p.quote.trim().to_owned(),
        |a| dataset.article_of(p).in_context(a).marked_quote(),
    );
    Some(format!(
        "“{quote}”\n— {cite}.\n[{}: {}]",
        dataset.relation_endpoints(rel),
        rel.label
    ))
}

#[cfg(test)]
mod typed_path_tests {
    use super::typed_path;

    #[test]
    fn a_pasted_or_typed_path_reads_as_a_shell_would() {
        assert_eq!(
            typed_path("  '/tmp/a b.pdf' "),
            std::path::PathBuf::from("/tmp/a b.pdf")
        );
        assert_eq!(
            typed_path("\"/tmp/x.docx\""),
            std::path::PathBuf::from("/tmp/x.docx")
        );
        if let Some(home) = std::env::home_dir() {
            assert_eq!(typed_path("~/r.pdf"), home.join("r.pdf"));
        }
        assert_eq!(typed_path("~x/r.pdf"), std::path::PathBuf::from("~x/r.pdf"));
    }

    #[test]
    fn windows_variables_expand_and_unknown_ones_stay() {
        let lookup = |name: &str| (name == "USERPROFILE").then(|| r"C:\Users\ana".to_owned());
        assert_eq!(
            super::expand_percent_vars(r"%USERPROFILE%\Documents\m.relmap.json", lookup),
            r"C:\Users\ana\Documents\m.relmap.json"
        );
        assert_eq!(super::expand_percent_vars("%NOPE%\\a", lookup), "%NOPE%\\a");
        assert_eq!(super::expand_percent_vars("50% done", lookup), "50% done");
        assert_eq!(super::expand_percent_vars("%%", lookup), "%%");
    }
}
