//! Opening a dataset without freezing the window: read, validate, lay out and build the first
//! scene on a worker thread, reporting progress; the current map stays until the new one is
//! ready.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::map::{LiveLayout, MapState, Showing};
use crate::model::{self, LoadError, LoadProgress, LoadSnapshot, LoadStep};
use crate::scene::{Style, Theme};

/// The loader thread's stack (see [`Loading::start`]).
const LOADER_STACK: usize = 16 * 1024 * 1024;

/// What a finished load produced: the new map's state (its scene already built) and, for a
/// large map whose positions are only the start of its first layout (see
/// [`crate::layout::first_layout_live`]), that layout's worker, built and waiting to tick once
/// the map is shown ([`crate::map::LayoutRun::adopt`]).
pub type LoadResult = Result<(MapState, Option<LiveLayout>), LoadError>;

/// A load in progress.
pub struct Loading {
    /// The file being opened.
    pub path: PathBuf,
    progress: Arc<LoadProgress>,
    receiver: Receiver<LoadResult>,
}

impl Loading {
    /// Starts loading `path` on a worker thread; `repaint` is woken when it is done. The new
    /// map opens `showing` what the one on screen shows (secondary actors, line labels), its
    /// first scene built in `theme`.
    pub fn start(
        path: PathBuf,
        repaint: Option<egui::Context>,
        showing: Showing,
        theme: Theme,
    ) -> Self {
        let progress = Arc::new(LoadProgress::default());
        let (sender, receiver) = channel();
        let (p, file) = (progress.clone(), path.clone());
        let work = move || {
            let started = std::time::Instant::now();
            let loaded = model::load_path_showing_progress(&file, &p).map(|dataset| {
                p.start(LoadStep::LayingOut);
                log::info!(
                    "read and validated {}: {} actors, {} relations in {} ms",
                    file.display(),
                    dataset.actors.len(),
                    dataset.relations.len(),
                    started.elapsed().as_millis()
                );
                if crate::layout::first_layout_live(&dataset) {
                    // Shown at once, laid out while the user watches (map::LayoutRun); the
                    // ticks start now, while the scene is built and the map swapped in.
                    let parts = crate::layout::FirstSimulation::default_for(&dataset, &[]);
                    let start = parts.start().to_vec();
                    p.set_fraction(1.0);
                    return (dataset, start, Some(parts));
                }
                let mut last = 0.0;
                let positions = crate::scene::readable_positions(&dataset, 0, &mut |f| {
                    // Wake the UI only every few percent: progress bars need no more.
                    if f - last >= 0.02 || f >= 1.0 {
                        last = f;
                        p.set_fraction(f);
                        if let Some(ctx) = &repaint {
                            ctx.request_repaint();
                        }
                    }
                });
                (dataset, positions, None)
            });
            let result = loaded.map(|(dataset, positions, parts)| {
                let live = parts.map(LiveLayout::start_first);
                let state = MapState::with_layout(dataset, positions, showing);
                // The first frame's scene, built here: on a 100,000-node map it held that
                // frame up for half a second.
                let _ = state.scene_cached(&Style::for_theme(theme));
                (state, live)
            });
            let _ = sender.send(result);
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        };
        // Every reader refuses nesting past a stated depth (XML 256, JSON 128) or flattens it
        // (HTML 128), so no file drives a deep recursion; the stack is still made generous,
        // as serde_json and html2text recurse within those limits and debug builds use big
        // frames. If no thread can be made, `try_finish` reports the loader as stopped.
        let spawned = std::thread::Builder::new()
            .name("relmap-open".to_owned())
            .stack_size(LOADER_STACK)
            .spawn(work);
        if let Err(e) = spawned {
            log::warn!("could not start the loader for {}: {e}", path.display());
        }
        Self {
            path,
            progress,
            receiver,
        }
    }

    /// How far the load has got: its step, the bytes read, and the fraction done.
    pub fn progress(&self) -> LoadSnapshot {
        self.progress.snapshot()
    }

    /// The result, once finished.
    pub fn try_finish(&self) -> Option<LoadResult> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(LoadError::Io {
                file: self.path.display().to_string(),
                source: std::io::Error::other("the loader stopped unexpectedly"),
            })),
        }
    }

    /// Blocks until finished (tests).
    pub fn wait(&self) -> LoadResult {
        self.receiver.recv().unwrap_or_else(|_| {
            Err(LoadError::Io {
                file: self.path.display().to_string(),
                source: std::io::Error::other("the loader stopped unexpectedly"),
            })
        })
    }
}
