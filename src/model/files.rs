//! Reading files within relmap's limits: the size cap, and the article files a dataset names
//! (inside its own folder only, or from the built-in table).

use std::io::Read as _;
use std::path::{Component, Path};

use super::error::{LoadError, ProblemKind};
use super::progress::LoadProgress;

/// Largest dataset or article file relmap reads (64 MiB); larger files are refused unread.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How the loader finds the article named by `text_file`.
pub(super) enum TextFiles<'a> {
    /// Relative to this folder (the dataset's own).
    Dir(&'a Path),
    /// From a fixed table (the built-in dataset).
    Embedded(&'a [(&'a str, &'a str)]),
    /// Not available: the dataset came from memory.
    None,
}

impl TextFiles<'_> {
    pub(super) fn read(&self, rel: &str) -> Result<String, ProblemKind> {
        let outside = || ProblemKind::TextFileOutside {
            path: rel.to_owned(),
        };
        let path = Path::new(rel);
        let plain = !rel.trim().is_empty()
            && path
                .components()
                .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if !plain {
            return Err(outside());
        }
        let unreadable = |reason: String| ProblemKind::TextFileUnreadable {
            path: rel.to_owned(),
            reason,
        };
        match self {
            Self::Dir(base) => {
                let base = if base.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    base
                };
                let full = base.join(path);
                let (base_real, full_real) =
                    match (std::fs::canonicalize(base), std::fs::canonicalize(&full)) {
                        (Ok(b), Ok(f)) => (b, f),
                        (_, Err(e)) | (Err(e), _) => return Err(unreadable(e.to_string())),
                    };
                // A symlink inside the folder may still point elsewhere.
                if !full_real.starts_with(&base_real) {
                    return Err(outside());
                }
                let bytes = read_capped(&full_real, rel).map_err(|e| unreadable(e.to_string()))?;
                String::from_utf8(bytes)
                    .map_err(|e| unreadable(format!("not UTF-8 text ({})", e.utf8_error())))
            }
            Self::Embedded(files) => files
                .iter()
                .find(|(name, _)| *name == rel)
                .map(|(_, text)| (*text).to_owned())
                .ok_or_else(|| unreadable("no such embedded file".to_owned())),
            Self::None => Err(unreadable(
                "the dataset was not loaded from a folder; inline the article as \"text\""
                    .to_owned(),
            )),
        }
    }
}

/// Reads at most [`MAX_FILE_BYTES`], refusing larger files before reading them whole.
pub(crate) fn read_capped(path: &Path, file: &str) -> Result<Vec<u8>, LoadError> {
    read_capped_counting(path, file, &LoadProgress::default())
}

/// Bytes read between two progress reports: often enough for a bar, rarely enough to cost
/// nothing.
const READ_CHUNK: usize = 1 << 20;

/// [`read_capped`], telling `progress` how many bytes have been read as it goes.
pub(crate) fn read_capped_counting(
    path: &Path,
    file: &str,
    progress: &LoadProgress,
) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        file: file.to_owned(),
        source,
    };
    let handle = std::fs::File::open(path).map_err(io)?;
    let meta = handle.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::other("it is a folder, not a file")));
    }
    let too_large = |size| LoadError::TooLarge {
        file: file.to_owned(),
        size,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    progress.expect_bytes(meta.len());
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Devices and pipes report no length: the `take` still bounds what we read.
    let mut limited = handle.take(MAX_FILE_BYTES + 1);
    loop {
        let read = (&mut limited)
            .take(READ_CHUNK as u64)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        progress.read_bytes(bytes.len() as u64);
        if read == 0 {
            break;
        }
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
