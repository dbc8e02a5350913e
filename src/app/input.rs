//! Keyboard shortcuts and the light/dark theme.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Command, RelmapApp};
use crate::scene::Selection;
use crate::ui::Action;

impl RelmapApp {
    pub(super) fn shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        if ctx.egui_wants_keyboard_input() {
            return actions;
        }
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        ctx.input_mut(|i| {
            // Shift variants first: plain Ctrl+Z would also match Ctrl+Shift+Z.
            if i.consume_shortcut(&KeyboardShortcut::new(cmd_shift, Key::Z))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
            {
                actions.push(Command::Redo.into());
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                actions.push(Command::Undo.into());
            }
            if i.consume_shortcut(&KeyboardShortcut::new(cmd_shift, Key::C)) {
                actions.push(Action::CopyImage);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::E)) {
                actions.push(Action::ExportPng(2));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F)) {
                actions.push(Action::FocusSearch);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                actions.push(Action::Open);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)) {
                actions.push(Action::Quit);
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                actions.push(Command::Select(Selection::None).into());
            }
            if i.consume_key(Modifiers::NONE, Key::F) {
                actions.push(Command::Fit.into());
            }
        });
        actions
    }

    pub(super) fn sync_theme(&mut self, ctx: &egui::Context) {
        let theme = match self.settings.theme {
            Some(theme) => theme,
            None => match ctx.system_theme() {
                Some(egui::Theme::Dark) => crate::scene::Theme::Dark,
                _ => crate::scene::Theme::Light,
            },
        };
        self.state.theme = theme;
        let wanted = match theme {
            crate::scene::Theme::Light => egui::Theme::Light,
            crate::scene::Theme::Dark => egui::Theme::Dark,
        };
        if ctx.theme() != wanted {
            ctx.set_theme(wanted);
        }
    }
}
