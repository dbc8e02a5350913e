//! Desktop integration: `relmap install-desktop` places the binary, icon, launcher entry and
//! file type under `~/.local` (or another prefix) so relmap can be started by double-click.

use std::path::{Path, PathBuf};

const DESKTOP_ENTRY: &str = include_str!("../assets/relmap.desktop");
const MIME_XML: &str = include_str!("../assets/relmap-mime.xml");
const ICON_SVG: &str = include_str!("../assets/icons/relmap.svg");
/// The app icon at several sizes (window icon and launcher icons).
pub const ICON_PNGS: [(u32, &[u8]); 6] = [
    (16, include_bytes!("../assets/icons/relmap-16.png")),
    (32, include_bytes!("../assets/icons/relmap-32.png")),
    (48, include_bytes!("../assets/icons/relmap-48.png")),
    (64, include_bytes!("../assets/icons/relmap-64.png")),
    (128, include_bytes!("../assets/icons/relmap-128.png")),
    (256, include_bytes!("../assets/icons/relmap-256.png")),
];

/// Where `install-desktop` writes, by default `~/.local`.
pub fn default_prefix() -> Option<PathBuf> {
    std::env::home_dir().map(|h| h.join(".local"))
}

/// Installs relmap for the current user under `prefix`; returns the files written.
///
/// Every file is written atomically, so running it again (to update) never leaves a
/// half-written launcher behind. Desktop databases are refreshed when their tools exist.
pub fn install(prefix: &Path, binary: &Path) -> anyhow::Result<Vec<PathBuf>> {
    use anyhow::Context as _;

    let bin = prefix.join("bin").join("relmap");
    let share = prefix.join("share");
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![
        (
            bin.clone(),
            std::fs::read(binary).with_context(|| format!("reading {}", binary.display()))?,
        ),
        (
            share.join("applications/relmap.desktop"),
            DESKTOP_ENTRY
                .replace("Exec=relmap %f", &format!("Exec=\"{}\" %f", bin.display()))
                .replace("TryExec=relmap", &format!("TryExec={}", bin.display()))
                .into_bytes(),
        ),
        (
            share.join("mime/packages/relmap.xml"),
            MIME_XML.as_bytes().to_vec(),
        ),
        (
            share.join("icons/hicolor/scalable/apps/relmap.svg"),
            ICON_SVG.as_bytes().to_vec(),
        ),
    ];
    for (size, png) in ICON_PNGS {
        files.push((
            share.join(format!("icons/hicolor/{size}x{size}/apps/relmap.png")),
            png.to_vec(),
        ));
    }
    let mut written = Vec::new();
    for (path, bytes) in files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        crate::atomic::write_atomic(&path, &bytes)
            .with_context(|| format!("writing {}", path.display()))?;
        written.push(path);
    }
    make_executable(&bin)?;
    // Best effort: these only speed up menus and file associations; absent tools are fine.
    for (tool, arg) in [
        ("update-desktop-database", share.join("applications")),
        ("update-mime-database", share.join("mime")),
        ("gtk-update-icon-cache", share.join("icons/hicolor")),
    ] {
        let _ = std::process::Command::new(tool).arg(&arg).output();
    }
    Ok(written)
}

#[cfg(unix)]
fn make_executable(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))?;
    Ok(())
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> anyhow::Result<()> {
    Ok(())
}

/// The window icon.
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNGS[5].1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_binary_entry_icon_and_mime_type_under_the_prefix() {
        let prefix = tempfile::tempdir().expect("tmp");
        let fake_bin = prefix.path().join("built-relmap");
        std::fs::write(&fake_bin, b"\x7fELF").expect("write");
        let files = install(prefix.path(), &fake_bin).expect("install");
        assert_eq!(files.len(), 4 + ICON_PNGS.len());
        let entry =
            std::fs::read_to_string(prefix.path().join("share/applications/relmap.desktop"))
                .expect("entry");
        let bin = prefix.path().join("bin/relmap");
        assert!(
            entry.contains(&format!("Exec=\"{}\" %f", bin.display())),
            "{entry}"
        );
        assert!(entry.contains("MimeType=application/x-relmap+json"));
        assert!(entry.contains("Icon=relmap"));
        assert!(
            prefix
                .path()
                .join("share/icons/hicolor/256x256/apps/relmap.png")
                .exists()
        );
        assert!(
            std::fs::read_to_string(prefix.path().join("share/mime/packages/relmap.xml"))
                .expect("mime")
                .contains("*.relmap.json")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(
                std::fs::metadata(&bin).expect("bin").permissions().mode() & 0o111,
                0o111
            );
        }
        assert!(window_icon().is_some_and(|i| i.width == 256));
    }
}
