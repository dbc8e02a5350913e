//! The one table of keyboard shortcuts, each with the scope it acts in: the shell consumes
//! keys from it, menus show its keys (formatted for the platform: "Ctrl+O" on Linux and
//! Windows, "⌘O" on macOS), and Help → Keyboard shortcuts lists it, scope by scope.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Action, Review};
use crate::map::{EditCommand, KeyStep, SelectCommand, StoryCommand, ViewCommand};

/// Where a shortcut acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Even with a dialog in front (Esc closes it); not while typing, where Esc is the field's.
    Anywhere,
    /// With no dialog in front, whatever has focus (Ctrl+… keys and function keys); while
    /// typing, undo and redo belong to the text field.
    App,
    /// On the map: plain keys, never while a text field has focus or a dialog is in front.
    Map,
    /// On the map with an actor selected (its relations).
    Actor,
    /// On the map with a relation lit by the keyboard.
    Relation,
    /// In the article window while text is selected for quoting.
    Article,
    /// While presenting the storyboard (the map's own keys are off then).
    Presenting,
    /// With the storyboard panel open and a step picked, not while typing.
    Storyboard,
}

impl Scope {
    /// The heading the help window lists it under.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Anywhere | Self::App => "Anywhere",
            Self::Map | Self::Actor | Self::Relation => "On the map (not while typing)",
            Self::Article => "In the article (selecting text to quote)",
            Self::Presenting => "While presenting the storyboard",
            Self::Storyboard => "In the storyboard (a step picked)",
        }
    }
}

/// What decides which scopes are live this frame; the shell fills it in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyContext {
    /// A dialog is in front and takes the keyboard.
    pub dialog_open: bool,
    /// An actor is selected.
    pub actor_selected: bool,
    /// A relation is lit by the keyboard (Tab, ←/→).
    pub relation_lit: bool,
    /// The article window has text selected for quoting.
    pub article_selection: bool,
    /// The storyboard is being presented.
    pub presenting: bool,
    /// The storyboard panel is open with a step picked.
    pub step_picked: bool,
}

/// One keyboard shortcut and what it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Shortcut {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// What pressing them does.
    pub action: Action,
    /// What the help window says it does.
    pub what: &'static str,
    /// Where it acts.
    pub scope: Scope,
}

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// Every keyboard shortcut. Variants with Shift come before the same key without it, since
/// egui matches Ctrl+Z also when Shift is held.
pub fn keyboard_shortcuts() -> Vec<Shortcut> {
    let mut all = app_shortcuts();
    all.extend(story_shortcuts());
    all.extend(map_shortcuts());
    all
}

/// The keys of a presentation and of the storyboard panel.
fn story_shortcuts() -> Vec<Shortcut> {
    let none = Modifiers::NONE;
    let next = || Action::from(StoryCommand::Next);
    let previous = || Action::from(StoryCommand::Previous);
    use Scope::{Presenting, Storyboard};
    vec![
        row(Presenting, keys(none, Key::ArrowRight), next(), "Next step"),
        row(Presenting, keys(none, Key::Space), next(), "Next step"),
        row(Presenting, keys(none, Key::PageDown), next(), "Next step"),
        row(
            Presenting,
            keys(none, Key::ArrowLeft),
            previous(),
            "Previous step",
        ),
        row(
            Presenting,
            keys(none, Key::PageUp),
            previous(),
            "Previous step",
        ),
        row(
            Storyboard,
            keys(Modifiers::ALT, Key::ArrowUp),
            Action::MoveStep(-1),
            "Move the picked step earlier",
        ),
        row(
            Storyboard,
            keys(Modifiers::ALT, Key::ArrowDown),
            Action::MoveStep(1),
            "Move the picked step later",
        ),
    ]
}

fn row(scope: Scope, keys: KeyboardShortcut, action: Action, what: &'static str) -> Shortcut {
    Shortcut {
        keys,
        action,
        what,
        scope,
    }
}

/// The shortcuts that act anywhere, with no dialog in front.
fn app_shortcuts() -> Vec<Shortcut> {
    let cmd = Modifiers::COMMAND;
    let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
    let none = Modifiers::NONE;
    use Scope::{Anywhere, App};
    vec![
        row(
            App,
            keys(cmd_shift, Key::Z),
            EditCommand::Redo.into(),
            "Redo",
        ),
        row(
            App,
            keys(cmd, Key::Y),
            EditCommand::Redo.into(),
            "Redo (alternative)",
        ),
        row(
            App,
            keys(cmd, Key::Z),
            EditCommand::Undo.into(),
            "Undo the last move or edit",
        ),
        row(
            App,
            keys(cmd_shift, Key::S),
            Action::SaveAs,
            "Save the map to a new file",
        ),
        row(App, keys(cmd, Key::S), Action::Save, "Save the map"),
        row(
            App,
            keys(cmd, Key::N),
            Action::NewMap,
            "New map from an article",
        ),
        row(
            App,
            keys(cmd_shift, Key::C),
            Action::CopyImage,
            "Copy the map image",
        ),
        row(
            App,
            keys(cmd, Key::F),
            Action::FocusSearch,
            "Search passages, relations and actors",
        ),
        row(
            App,
            keys(cmd, Key::E),
            Action::ExportPng(2),
            "Export PNG (2×)",
        ),
        row(
            App,
            keys(cmd, Key::O),
            Action::Open,
            "Open a dataset (or drop a file on the window)",
        ),
        row(App, keys(cmd, Key::Q), Action::Quit, "Quit"),
        row(
            App,
            keys(none, Key::F1),
            Action::ToggleShortcuts,
            "Show or hide this list",
        ),
        row(
            App,
            keys(none, Key::F6),
            Action::SwitchPane,
            "Move between the map and the evidence panel",
        ),
        row(
            Anywhere,
            keys(none, Key::Escape),
            Action::Escape,
            "Close the topmost window, stop opening a file, else clear the selection, else \
             leave a comparison",
        ),
        row(
            App,
            keys(none, Key::F5),
            Action::Present,
            "Present the storyboard full screen, from the current step",
        ),
        row(
            App,
            keys(Modifiers::ALT, Key::ArrowLeft),
            Action::StepAsOf(-1),
            "Through time: the map as of the previous source date",
        ),
        row(
            App,
            keys(Modifiers::ALT, Key::ArrowRight),
            Action::StepAsOf(1),
            "Through time: the map as of the next source date",
        ),
    ]
}

/// The plain keys of the map and the article.
fn map_shortcuts() -> Vec<Shortcut> {
    let none = Modifiers::NONE;
    let step = |s: KeyStep| Action::from(SelectCommand::Key(s));
    use Scope::{Actor, Article, Map, Relation};
    vec![
        row(
            Map,
            keys(none, Key::Questionmark),
            Action::ToggleShortcuts,
            "Show or hide this list",
        ),
        row(
            Map,
            keys(none, Key::F),
            ViewCommand::Fit.into(),
            "Fit the map to the window",
        ),
        row(
            Map,
            keys(none, Key::PageDown),
            Action::ScrollEvidence(1),
            "Scroll the evidence down a page",
        ),
        row(
            Map,
            keys(none, Key::PageUp),
            Action::ScrollEvidence(-1),
            "Scroll the evidence up a page",
        ),
        row(
            Map,
            keys(Modifiers::SHIFT, Key::Tab),
            step(KeyStep::Actor { back: true }),
            "Previous actor",
        ),
        row(
            Map,
            keys(none, Key::Tab),
            step(KeyStep::Actor { back: false }),
            "Next actor",
        ),
        row(
            Actor,
            keys(none, Key::ArrowRight),
            step(KeyStep::Relation { back: false }),
            "Next relation of the selected actor",
        ),
        row(
            Actor,
            keys(none, Key::ArrowLeft),
            step(KeyStep::Relation { back: true }),
            "Previous relation of the selected actor",
        ),
        row(
            Relation,
            keys(none, Key::Enter),
            step(KeyStep::Open),
            "Open the lit relation's evidence (Esc goes back)",
        ),
        row(
            Map,
            keys(none, Key::D),
            Action::Review(Review::Next),
            "Next draft to review",
        ),
        row(
            Map,
            keys(none, Key::A),
            Action::Review(Review::Accept),
            "Accept the current draft (confirmed) and go to the next",
        ),
        row(
            Map,
            keys(none, Key::R),
            Action::Review(Review::Reject),
            "Reject (remove) the current draft and go to the next",
        ),
        row(
            Article,
            keys(none, Key::E),
            Action::QuoteSelection,
            "Quote the selected text as evidence",
        ),
    ]
}

/// Mouse and touch gestures (Help lists them after the keys).
pub const GESTURES: &[(&str, &str)] = &[
    ("Click", "Select a relation or actor"),
    (
        "Ctrl+click actor",
        "Select it with the selected actor (a pair)",
    ),
    ("Drag node", "Move and pin it"),
    ("Double-click node", "Unpin it"),
    ("Drag background", "Pan"),
    ("Scroll / pinch", "Zoom toward the pointer"),
    ("Double-click background", "Fit the map to the window"),
];

/// The keys of `action`'s shortcut as the platform writes them ("Ctrl+O", "⌘O"), or "".
pub fn shortcut_text(ctx: &egui::Context, action: &Action) -> String {
    keyboard_shortcuts()
        .into_iter()
        .find(|s| &s.action == action)
        .map(|s| key_text(ctx, &s.keys))
        .unwrap_or_default()
}

/// `keys` as the platform writes them, with the keys egui spells out written as typed ("?",
/// not "Questionmark").
pub fn key_text(ctx: &egui::Context, keys: &KeyboardShortcut) -> String {
    ctx.format_shortcut(keys).replace("Questionmark", "?")
}

/// Consumes this frame's shortcut key presses, before any widget sees them, and returns their
/// actions: each row acts only in its [`Scope`], as `context` (and whether a text field has
/// focus, or a menu is open) says. The article's text is selectable, so it counts as a text
/// field for every scope but [`Scope::Article`].
pub fn consume_shortcuts(ctx: &egui::Context, context: KeyContext) -> Vec<Action> {
    let focused = ctx.memory(|m| m.focused());
    let in_article = focused == Some(egui::Id::unique(super::article::ARTICLE_TEXT_ID));
    let typing = ctx.text_edit_focused();
    // An open menu or popup gets Esc first: egui closes it, and nothing else happens.
    let popup_open = egui::Popup::is_any_open(ctx);
    // With the keyboard on a panel's button (after F6 and Tab), Tab and Enter are egui's own:
    // they move between the panel's buttons and press them, instead of walking the map.
    let panel_keyboard = focused.is_some() && !in_article && !super::map_has_focus(ctx);
    let yields_to_panel = |s: &Shortcut| {
        panel_keyboard
            && matches!(s.scope, Scope::Map | Scope::Actor | Scope::Relation)
            && matches!(s.keys.logical_key, Key::Tab | Key::Enter)
    };
    // A presentation has its own plain keys; the map's would act behind it.
    let plain = !context.dialog_open && !typing && !popup_open;
    let on_map = plain && !context.presenting;
    let live = |s: &Shortcut| {
        !yields_to_panel(s)
            && match s.scope {
                Scope::Anywhere => !typing && !popup_open,
                Scope::App => {
                    !(context.dialog_open
                        || typing && matches!(s.keys.logical_key, Key::Z | Key::Y))
                }
                Scope::Map => on_map,
                Scope::Actor => on_map && context.actor_selected,
                Scope::Relation => on_map && context.relation_lit,
                Scope::Article => {
                    !context.dialog_open
                        && !context.presenting
                        && context.article_selection
                        && (in_article || !typing)
                }
                Scope::Presenting => plain && context.presenting,
                Scope::Storyboard => on_map && context.step_picked,
            }
    };
    ctx.input_mut(|i| {
        keyboard_shortcuts()
            .into_iter()
            .filter(|s| live(s) && i.consume_shortcut(&s.keys))
            .map(|s| s.action)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_has_distinct_keys_and_menus_find_them() {
        let all = keyboard_shortcuts();
        for (i, a) in all.iter().enumerate() {
            // The same keys may serve two scopes that are never live together.
            assert!(
                all[i + 1..]
                    .iter()
                    .all(|b| b.keys != a.keys || b.scope != a.scope),
                "{:?} listed twice",
                a.keys
            );
        }
        let ctx = egui::Context::default();
        assert!(!shortcut_text(&ctx, &Action::Open).is_empty());
        assert!(shortcut_text(&ctx, &Action::Screenshot).is_empty());
        assert!(
            all.iter()
                .any(|s| s.keys == keys(Modifiers::COMMAND, Key::Y)),
            "Ctrl+Y is in the table, so the help window lists it"
        );
    }
}
