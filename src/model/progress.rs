//! How far opening a file has got, shared between the thread that reads it and the window
//! that shows a progress bar: which step is running, and how much of it is done.

use std::sync::atomic::{AtomicU64, Ordering};

/// A step of opening a file, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LoadStep {
    /// Reading the file's bytes from disk; `done`/`total` count bytes.
    Reading,
    /// Parsing them in the file's format and checking the network (ids, links, quotes).
    Parsing,
    /// Checking the evidence (quotes against their articles, tone, dates).
    Checking,
    /// Placing the actors; `fraction` tells how far the layout has got.
    LayingOut,
}

impl LoadStep {
    const ALL: [Self; 4] = [
        Self::Reading,
        Self::Parsing,
        Self::Checking,
        Self::LayingOut,
    ];

    /// Share of the whole bar reached when this step starts: reading and parsing are quick
    /// beside the layout of a large map, which takes the rest.
    fn starts_at(self) -> f32 {
        match self {
            Self::Reading => 0.0,
            Self::Parsing => 0.05,
            Self::Checking => 0.12,
            Self::LayingOut => 0.15,
        }
    }

    fn ends_at(self) -> f32 {
        match self {
            Self::Reading => Self::Parsing.starts_at(),
            Self::Parsing => Self::Checking.starts_at(),
            Self::Checking => Self::LayingOut.starts_at(),
            Self::LayingOut => 1.0,
        }
    }
}

/// Progress of one load, written by the loader thread and read by the window; every field
/// is an atomic so neither side waits for the other.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// The step (high 32 bits) and how far it has got (low 32 bits, `f32`), in one atomic
    /// so a reader never sees a new step with the last one's fraction, or the reverse.
    step_and_fraction: AtomicU64,
    done: AtomicU64,
    total: AtomicU64,
}

fn pack(step: LoadStep, fraction: f32) -> u64 {
    ((step as u64) << 32) | u64::from(fraction.clamp(0.0, 1.0).to_bits())
}

/// What [`LoadProgress::snapshot`] saw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoadSnapshot {
    /// The step running.
    pub step: LoadStep,
    /// Bytes read so far (reading) or read in all (later steps).
    pub bytes_done: u64,
    /// The file's size in bytes, when known.
    pub bytes_total: u64,
    /// How far the current step has got, `0..=1`.
    pub step_fraction: f32,
}

impl LoadProgress {
    /// Records that `step` has started.
    pub fn start(&self, step: LoadStep) {
        self.step_and_fraction
            .store(pack(step, 0.0), Ordering::Relaxed);
    }

    /// Records the file's size before it is read.
    pub(super) fn expect_bytes(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// Records `done` bytes read so far.
    pub(super) fn read_bytes(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
        let total = self.total.load(Ordering::Relaxed);
        if total > 0 {
            self.set_fraction(done as f32 / total as f32);
        }
    }

    /// Records how far the current step has got, `0..=1`.
    pub fn set_fraction(&self, fraction: f32) {
        let step = self.snapshot().step;
        self.step_and_fraction
            .store(pack(step, fraction), Ordering::Relaxed);
    }

    /// What has been recorded so far.
    pub fn snapshot(&self) -> LoadSnapshot {
        let packed = self.step_and_fraction.load(Ordering::Relaxed);
        let step = usize::try_from(packed >> 32)
            .ok()
            .and_then(|i| LoadStep::ALL.get(i).copied())
            .unwrap_or(LoadStep::LayingOut);
        LoadSnapshot {
            step,
            bytes_done: self.done.load(Ordering::Relaxed),
            bytes_total: self.total.load(Ordering::Relaxed),
            step_fraction: f32::from_bits((packed & u64::from(u32::MAX)) as u32),
        }
    }
}

impl LoadSnapshot {
    /// The whole load's progress, `0..=1`, for one bar.
    pub fn overall(&self) -> f32 {
        let (a, b) = (self.step.starts_at(), self.step.ends_at());
        a + (b - a) * self.step_fraction.clamp(0.0, 1.0)
    }

    /// What the bar's label says: the step, with the bytes while reading ("reading 12.0 MB of
    /// 48.3 MB").
    pub fn describe(&self) -> String {
        match self.step {
            LoadStep::Reading if self.bytes_total > 0 => format!(
                "reading {} of {}",
                megabytes(self.bytes_done),
                megabytes(self.bytes_total)
            ),
            LoadStep::Reading => "reading".to_owned(),
            LoadStep::Parsing => format!("parsing {}", megabytes(self.bytes_done)),
            LoadStep::Checking => "checking the evidence".to_owned(),
            LoadStep::LayingOut => "laying out".to_owned(),
        }
    }
}

/// `bytes` in megabytes with one decimal, or in kilobytes below one megabyte.
fn megabytes(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{} kB", bytes.div_ceil(1000))
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_moves_forward_through_the_steps() {
        let p = LoadProgress::default();
        p.expect_bytes(48_300_000);
        p.read_bytes(12_000_000);
        let reading = p.snapshot();
        assert_eq!(reading.describe(), "reading 12.0 MB of 48.3 MB");
        let mut last = reading.overall();
        assert!(last > 0.0);
        for step in [LoadStep::Parsing, LoadStep::Checking, LoadStep::LayingOut] {
            p.start(step);
            let now = p.snapshot().overall();
            assert!(now > last, "{step:?}: {now} after {last}");
            last = now;
        }
        p.set_fraction(1.0);
        assert_eq!(p.snapshot().overall(), 1.0);
        assert_eq!(p.snapshot().describe(), "laying out");
    }

    #[test]
    fn small_files_are_counted_in_kilobytes() {
        assert_eq!(megabytes(1), "1 kB");
        assert_eq!(megabytes(999_999), "1000 kB");
        assert_eq!(megabytes(1_000_000), "1.0 MB");
    }
}
