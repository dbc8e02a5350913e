//! Work that must not block the window (rendering and writing exports), and the toasts that
//! report how it went.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::map::Command;

/// How long a toast stays up.
const TOAST_LIFETIME: Duration = Duration::from_secs(6);

/// What a background job produced.
pub enum JobOutcome {
    /// A file was written.
    Saved(PathBuf),
    /// An image is ready for the clipboard.
    Copied(egui::ColorImage),
    /// It failed; the message says why and what to do.
    Failed(String),
    /// An article file was read for the new-map form (or why it could not be).
    ArticleRead {
        /// The file.
        path: PathBuf,
        /// Its text and metadata, or the reason it was refused.
        result: Result<Box<crate::model::ArticleFile>, String>,
    },
}

/// Kind of message, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    /// Neutral information.
    Info,
    /// Something worked.
    Success,
    /// Something failed.
    Error,
}

/// A short message shown in the corner.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// Colour class.
    pub kind: ToastKind,
    /// The message.
    pub text: String,
    /// Commands behind the toast's Undo button (empty: no button).
    pub undo: Vec<Command>,
    shown_at: Instant,
}

impl Toast {
    /// How long it stays up: longer when it offers Undo, so there is time to reach the button.
    fn lifetime(&self) -> Duration {
        if self.undo.is_empty() {
            TOAST_LIFETIME
        } else {
            TOAST_LIFETIME * 2
        }
    }
}

/// Background jobs and their toasts.
pub struct Jobs {
    sender: Sender<JobOutcome>,
    receiver: Receiver<JobOutcome>,
    running: usize,
    toasts: Vec<Toast>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            running: 0,
            toasts: Vec::new(),
        }
    }
}

impl Jobs {
    /// Runs `work` on a worker thread.
    pub fn spawn(&mut self, work: impl FnOnce() -> JobOutcome + Send + 'static) {
        let sender = self.sender.clone();
        self.running += 1;
        std::thread::spawn(move || {
            let _ = sender.send(work());
        });
    }

    /// A sender for work started elsewhere (screenshot callbacks); pair with [`Jobs::expect_one`].
    pub fn sender(&self) -> Sender<JobOutcome> {
        self.sender.clone()
    }

    /// Counts one job started through [`Jobs::sender`].
    pub fn expect_one(&mut self) {
        self.running += 1;
    }

    /// Whether any job is still running.
    pub fn busy(&self) -> bool {
        self.running > 0
    }

    /// Collects finished jobs, turning files and failures into toasts; returns clipboard images.
    pub fn poll(&mut self) -> Vec<JobOutcome> {
        let mut rest = Vec::new();
        while let Ok(outcome) = self.receiver.try_recv() {
            self.running = self.running.saturating_sub(1);
            match outcome {
                JobOutcome::Saved(path) => {
                    self.toast(ToastKind::Success, format!("Saved {}", path.display()));
                }
                JobOutcome::Failed(message) => self.toast(ToastKind::Error, message),
                other => rest.push(other),
            }
        }
        rest
    }

    /// Blocks until every running job has reported, then polls.
    pub fn wait(&mut self) -> Vec<JobOutcome> {
        let mut out = Vec::new();
        while self.running > 0 {
            match self.receiver.recv_timeout(Duration::from_secs(60)) {
                Ok(outcome) => {
                    // Put it back through the same path as `poll` for identical toasts.
                    let _ = self.sender.send(outcome);
                    out.extend(self.poll());
                }
                Err(_) => break,
            }
        }
        out
    }

    /// Adds a toast.
    pub fn toast(&mut self, kind: ToastKind, text: String) {
        match kind {
            ToastKind::Error => log::warn!("{text}"),
            _ => log::info!("{text}"),
        }
        self.toasts.push(Toast {
            kind,
            text,
            undo: Vec::new(),
            shown_at: Instant::now(),
        });
    }

    /// Adds an information toast with an Undo button that applies `undo`.
    pub fn toast_with_undo(&mut self, text: String, undo: Vec<Command>) {
        self.toast(ToastKind::Info, text);
        if let Some(t) = self.toasts.last_mut() {
            t.undo = undo;
        }
    }

    /// Current toasts.
    pub fn toasts(&self) -> &[Toast] {
        &self.toasts
    }

    /// Paints toasts in the bottom-right corner; errors stay until clicked. Returns the
    /// commands of an Undo button the user clicked.
    pub fn show_toasts(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let now = Instant::now();
        self.toasts.retain(|t| {
            t.kind == ToastKind::Error || now.duration_since(t.shown_at) < t.lifetime()
        });
        if self.toasts.is_empty() {
            return Vec::new();
        }
        let mut dismiss = None;
        let mut undo = Vec::new();
        egui::Area::new(egui::Id::unique("relmap-toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -40.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                for (i, t) in self.toasts.iter().enumerate() {
                    let color = match t.kind {
                        ToastKind::Info => ui.visuals().text_color(),
                        ToastKind::Success => egui::Color32::from_rgb(0x2E, 0x8B, 0x57),
                        ToastKind::Error => ui.visuals().error_fg_color,
                    };
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        let r = ui.add(
                            egui::Label::new(egui::RichText::new(&t.text).color(color))
                                .wrap()
                                .sense(egui::Sense::click()),
                        );
                        if r.on_hover_text("Click to dismiss").clicked() {
                            dismiss = Some(i);
                        }
                        if !t.undo.is_empty()
                            && ui
                                .button("Undo")
                                .on_hover_text("Put back what relmap changed")
                                .clicked()
                        {
                            undo.clone_from(&t.undo);
                            dismiss = Some(i);
                        }
                    });
                }
            });
        if let Some(i) = dismiss {
            self.toasts.remove(i);
        }
        let soonest = self
            .toasts
            .iter()
            .filter(|t| t.kind != ToastKind::Error)
            .map(|t| t.lifetime().saturating_sub(now.duration_since(t.shown_at)))
            .min();
        if let Some(after) = soonest {
            ctx.request_repaint_after(after);
        }
        undo
    }
}
