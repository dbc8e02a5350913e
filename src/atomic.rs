//! Atomic file writes: a failed write never destroys the file that was there.

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to `path` via a temporary file in the same folder, flushed to disk, then
/// renamed over the target. On any error the previous file (if any) is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content produced by `write` (which may fail part-way: the
/// temporary file is then removed and the target left as it was).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".relmap-").suffix(".tmp");
    // Temporary files are private (0600); the result should keep the old file's permissions,
    // or get the usual ones for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"one").expect("write");
        write_atomic(&path, b"two").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_failure_mid_write_keeps_the_old_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        std::fs::write(&path, b"precious").expect("seed");
        let result = write_atomic_with(&path, |f| {
            f.write_all(b"half of the new con")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).expect("read"), b"precious");
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("ls").count(),
            1,
            "temp file removed"
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_ordinary_permissions_and_old_ones_keep_theirs() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("tempdir");
        let fresh = dir.path().join("map.png");
        write_atomic(&fresh, b"png").expect("write");
        assert_eq!(
            std::fs::metadata(&fresh)
                .expect("meta")
                .permissions()
                .mode()
                & 0o777,
            0o644
        );
        std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        write_atomic(&fresh, b"png2").expect("write");
        assert_eq!(
            std::fs::metadata(&fresh)
                .expect("meta")
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.txt");
        std::fs::write(&path, b"precious").expect("seed");
        // The target is a directory's child that cannot be created: rename onto a directory fails.
        let blocked = dir.path().join("sub");
        std::fs::create_dir(&blocked).expect("mkdir");
        assert!(write_atomic(&blocked, b"new").is_err());
        // A missing folder fails before anything is touched.
        assert!(write_atomic(&dir.path().join("missing/out.txt"), b"x").is_err());
        assert_eq!(std::fs::read(&path).expect("read"), b"precious");
    }
}
