//! Where a double-clicked app reports: a log file and crash reports in the platform's data
//! folder, because nobody sees a console.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const LOG_FILE: &str = "relmap.log";
const CRASH_PREFIX: &str = "crash-";
/// The log is restarted when it grows past this.
const LOG_MAX_BYTES: u64 = 4 * 1024 * 1024;

/// The app's data folder (settings, log, crash reports): `~/.local/share/relmap` on Linux,
/// `%APPDATA%\relmap` on Windows.
pub fn data_dir() -> Option<PathBuf> {
    if cfg!(windows) {
        // %APPDATA%\relmap, where Windows users look (eframe's own choice adds "\data").
        return std::env::var_os("APPDATA")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .map(|p| p.join("relmap"))
            .or_else(|| eframe::storage_dir("relmap"));
    }
    eframe::storage_dir("relmap")
}

struct Tee {
    file: Option<Mutex<std::fs::File>>,
}

impl Write for Tee {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(file) = &self.file
            && let Ok(mut f) = file.lock()
        {
            let _ = f.write_all(buf);
        }
        let _ = std::io::stderr().write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if let Some(file) = &self.file
            && let Ok(mut f) = file.lock()
        {
            let _ = f.flush();
        }
        std::io::stderr().flush()
    }
}

/// Logs to stderr and, for the app, to `relmap.log` in `dir` (warnings and errors by default;
/// `RUST_LOG` overrides). Returns the log file's path if it could be opened.
pub fn init(dir: Option<&Path>) -> Option<PathBuf> {
    let path = dir.map(|d| d.join(LOG_FILE));
    let file = path.as_ref().and_then(|p| {
        std::fs::create_dir_all(p.parent()?).ok()?;
        if std::fs::metadata(p).is_ok_and(|m| m.len() > LOG_MAX_BYTES) {
            let _ = std::fs::remove_file(p);
        }
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(p)
            .ok()
    });
    let opened = file.is_some();
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        // The PDF parser warns about what relmap then reports itself ("encrypted"), and about
        // every repairable quirk of real files: its errors only.
        .filter_module("lopdf", log::LevelFilter::Error)
        .filter_module("pdf_extract", log::LevelFilter::Error)
        // Milliseconds: opening a large file is timed from these lines.
        .format_timestamp_millis()
        .target(env_logger::Target::Pipe(Box::new(Tee {
            file: file.map(Mutex::new),
        })))
        .try_init();
    path.filter(|_| opened)
}

/// Installs a panic hook that writes the message and a backtrace to a crash report in `dir`
/// before the default hook runs.
pub fn install_crash_reporter(dir: PathBuf) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::model::contain::is_containing() {
            // A damaged file tripped a reader; the panic becomes that file's error.
            log::warn!("a file reader stopped: {info}");
            return;
        }
        let backtrace = std::backtrace::Backtrace::force_capture();
        let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
        let report = format!(
            "relmap {} crashed at {stamp}\n\n{info}\n\nBacktrace:\n{backtrace}\n",
            env!("CARGO_PKG_VERSION")
        );
        let path = dir.join(format!("{CRASH_PREFIX}{stamp}.log"));
        let _ = std::fs::create_dir_all(&dir);
        let _ = crate::atomic::write_atomic(&path, report.as_bytes());
        log::error!("relmap crashed; report written to {}", path.display());
        default(info);
    }));
}

/// Crash reports not yet shown to the user; marks them as shown (renames to `*.seen`).
pub fn take_new_crash_reports(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut reports: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(CRASH_PREFIX) && n.ends_with(".log"))
        })
        .collect();
    reports.sort();
    reports
        .into_iter()
        .filter_map(|p| {
            let seen = p.with_extension("log.seen");
            std::fs::rename(&p, &seen).ok().map(|()| seen)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crash_reports_are_announced_once() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join("crash-20260101T000000Z.log"), "boom").expect("write");
        std::fs::write(dir.path().join("relmap.log"), "log").expect("write");
        let first = take_new_crash_reports(dir.path());
        assert_eq!(first.len(), 1);
        assert!(
            std::fs::read_to_string(&first[0])
                .expect("read")
                .contains("boom")
        );
        assert!(take_new_crash_reports(dir.path()).is_empty());
    }
}
