//! The one table of keyboard shortcuts: the shell consumes keys from it, menus show its keys
//! (formatted for the platform: "Ctrl+O" on Linux and Windows, "⌘O" on macOS), and
//! Help → Keyboard shortcuts lists it.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Action, Review};
use crate::map::{EditCommand, ViewCommand};

/// One keyboard shortcut and what it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Shortcut {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// What pressing them does.
    pub action: Action,
    /// What the help window says it does.
    pub what: &'static str,
}

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// Every keyboard shortcut. Variants with Shift come before the same key without it, since
/// egui matches Ctrl+Z also when Shift is held.
pub fn keyboard_shortcuts() -> Vec<Shortcut> {
    let cmd = Modifiers::COMMAND;
    let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
    let row = |keys: KeyboardShortcut, action: Action, what: &'static str| Shortcut {
        keys,
        action,
        what,
    };
    vec![
        row(keys(cmd_shift, Key::Z), EditCommand::Redo.into(), "Redo"),
        row(
            keys(cmd, Key::Y),
            EditCommand::Redo.into(),
            "Redo (alternative)",
        ),
        row(
            keys(cmd, Key::Z),
            EditCommand::Undo.into(),
            "Undo the last move or edit",
        ),
        row(
            keys(cmd_shift, Key::S),
            Action::SaveAs,
            "Save the map to a new file",
        ),
        row(keys(cmd, Key::S), Action::Save, "Save the map"),
        row(keys(cmd, Key::N), Action::NewMap, "New map from an article"),
        row(
            keys(cmd_shift, Key::C),
            Action::CopyImage,
            "Copy the map image",
        ),
        row(
            keys(cmd, Key::F),
            Action::FocusSearch,
            "Search passages, relations and actors",
        ),
        row(keys(cmd, Key::E), Action::ExportPng(2), "Export PNG (2×)"),
        row(
            keys(cmd, Key::O),
            Action::Open,
            "Open a dataset (or drop a file on the window)",
        ),
        row(keys(cmd, Key::Q), Action::Quit, "Quit"),
        row(
            keys(Modifiers::NONE, Key::Escape),
            Action::Escape,
            "Close the topmost window, else clear the selection",
        ),
        row(
            keys(Modifiers::NONE, Key::F),
            ViewCommand::Fit.into(),
            "Fit the map to the window",
        ),
        row(
            keys(Modifiers::NONE, Key::D),
            Action::Review(Review::Next),
            "Next draft to review",
        ),
        row(
            keys(Modifiers::NONE, Key::A),
            Action::Review(Review::Accept),
            "Accept the current draft (confirmed) and go to the next",
        ),
        row(
            keys(Modifiers::NONE, Key::R),
            Action::Review(Review::Reject),
            "Reject (remove) the current draft and go to the next",
        ),
    ]
}

/// Mouse gestures, listed in the help window under the keyboard shortcuts.
pub const GESTURES: &[(&str, &str)] = &[
    ("Tab / Shift+Tab", "Next / previous actor on the map"),
    ("← / →", "Previous / next relation of the selected actor"),
    (
        "Enter",
        "Open the highlighted relation's evidence (Esc goes back)",
    ),
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

/// The keys that trigger `action`, formatted for this platform, or "" if none do.
pub fn shortcut_text(ctx: &egui::Context, action: &Action) -> String {
    keyboard_shortcuts()
        .into_iter()
        .find(|s| &s.action == action)
        .map(|s| ctx.format_shortcut(&s.keys))
        .unwrap_or_default()
}

/// Consumes this frame's shortcut key presses, before any widget sees them, and returns their
/// actions. They work whatever widget has focus; only while typing in a text field do plain
/// keys (F, Esc) and undo/redo belong to the field, and while a dialog is in front
/// (`dialog_open`) only Esc acts.
pub fn consume_shortcuts(ctx: &egui::Context, dialog_open: bool) -> Vec<Action> {
    let typing = ctx.text_edit_focused();
    // An open menu or popup gets Esc first: egui closes it, and nothing else happens.
    let popup_open = egui::Popup::is_any_open(ctx);
    ctx.input_mut(|i| {
        keyboard_shortcuts()
            .into_iter()
            .filter(|s| !(popup_open && s.action == Action::Escape))
            .filter(|s| !(typing && belongs_to_text_field(s)))
            // A dialog in front takes the keyboard: only Esc (close it) reaches the shell, so
            // a letter typed where a field merely looked focused never acts on the map.
            .filter(|s| !dialog_open || s.action == Action::Escape)
            .filter(|s| i.consume_shortcut(&s.keys))
            .map(|s| s.action)
            .collect()
    })
}

/// Keys a focused text field handles itself: plain keys and its own undo/redo.
fn belongs_to_text_field(s: &Shortcut) -> bool {
    !s.keys.modifiers.command || matches!(s.keys.logical_key, Key::Z | Key::Y)
}

/// Consumes the keys that move through the map (Tab / Shift+Tab actors, ←/→ relations, Enter
/// opens the evidence), unless the user is typing or a menu is open.
pub fn consume_map_keys(ctx: &egui::Context, state: &crate::map::MapState) -> Vec<Action> {
    use crate::map::{KeyStep, SelectCommand};
    if ctx.text_edit_focused() || egui::Popup::is_any_open(ctx) {
        return Vec::new();
    }
    let relation_focused = state.key_lit().is_some();
    ctx.input_mut(|i| {
        let mut out: Vec<Action> = Vec::new();
        let mut step = |s: KeyStep| out.push(SelectCommand::Key(s).into());
        if i.consume_key(Modifiers::SHIFT, Key::Tab) {
            step(KeyStep::Actor { back: true });
        }
        if i.consume_key(Modifiers::NONE, Key::Tab) {
            step(KeyStep::Actor { back: false });
        }
        let on_actor = matches!(state.pointing.selection, crate::scene::Selection::Actor(_));
        if on_actor && i.consume_key(Modifiers::NONE, Key::ArrowRight) {
            step(KeyStep::Relation { back: false });
        }
        if on_actor && i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
            step(KeyStep::Relation { back: true });
        }
        if relation_focused && i.consume_key(Modifiers::NONE, Key::Enter) {
            step(KeyStep::Open);
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_has_distinct_keys_and_menus_find_them() {
        let all = keyboard_shortcuts();
        for (i, a) in all.iter().enumerate() {
            assert!(
                all[i + 1..].iter().all(|b| b.keys != a.keys),
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
