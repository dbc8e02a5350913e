//! Desktop integration: `relmap install-desktop` places the binary, icon, launcher entry and
//! file type under `~/.local` (or another prefix), and makes relmap the default application for
//! its own file type in the user's `mimeapps.list` (XDG MIME Applications spec), so a
//! double-clicked `*.relmap.json` opens in relmap. `relmap uninstall-desktop` removes exactly
//! that again. Other types (CSV) are never taken over: they stay an "open with" choice.

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

/// relmap's own file type.
pub const MIME_TYPE: &str = "application/x-relmap+json";
/// The launcher entry's file name, as `mimeapps.list` names it.
pub const DESKTOP_FILE: &str = "relmap.desktop";

/// The user's configuration folder (`$XDG_CONFIG_HOME`, else `~/.config`), where
/// `mimeapps.list` lives.
pub fn default_config_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::home_dir().map(|h| h.join(".config")))
}

/// Where `install-desktop` writes, by default `~/.local`.
pub fn default_prefix() -> Option<PathBuf> {
    std::env::home_dir().map(|h| h.join(".local"))
}

/// Installs relmap for the current user under `prefix` and makes it the default for its file
/// type in `config_dir/mimeapps.list`; returns the files written.
///
/// Every file is written atomically, so running it again (to update) never leaves a
/// half-written launcher behind. Desktop databases are refreshed when their tools exist.
pub fn install(prefix: &Path, binary: &Path, config_dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
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
    let list = config_dir.join("mimeapps.list");
    edit_mimeapps(&list, |text| set_default(text, MIME_TYPE, DESKTOP_FILE))?;
    refresh_caches(&share);
    Ok(written)
}

/// Removes what [`install`] put under `prefix`, relmap's default entry from
/// `config_dir/mimeapps.list`, and the folders install created that are now empty; returns the
/// files removed. Files that are already gone are skipped, so it can run twice.
pub fn uninstall(prefix: &Path, config_dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    use anyhow::Context as _;
    let share = prefix.join("share");
    let mut removed = Vec::new();
    for path in installed_paths(prefix) {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {}", path.display())),
        }
        remove_empty_parents(&path, prefix);
    }
    let list = config_dir.join("mimeapps.list");
    if list.exists() {
        edit_mimeapps(&list, |text| remove_default(text, MIME_TYPE, DESKTOP_FILE))?;
    }
    // The MIME database still lists relmap's type until it is rebuilt without it; the tool
    // needs its packages folder to exist to rebuild, so keep it for the run.
    let mime = share.join("mime");
    if mime.is_dir() {
        let packages = mime.join("packages");
        let _ = std::fs::create_dir_all(&packages);
        refresh_caches(&share);
        let _ = std::fs::remove_dir(&packages);
        let subtype = MIME_TYPE.strip_prefix("application/").unwrap_or(MIME_TYPE);
        let generated = mime.join("application").join(format!("{subtype}.xml"));
        if std::fs::remove_file(&generated).is_ok() {
            removed.push(generated);
        }
    } else {
        refresh_caches(&share);
    }
    Ok(removed)
}

/// Every file [`install`] writes under `prefix`.
fn installed_paths(prefix: &Path) -> Vec<PathBuf> {
    let share = prefix.join("share");
    let mut paths = vec![
        prefix.join("bin").join("relmap"),
        share.join("applications").join(DESKTOP_FILE),
        share.join("mime/packages/relmap.xml"),
        share.join("icons/hicolor/scalable/apps/relmap.svg"),
    ];
    for (size, _) in ICON_PNGS {
        paths.push(share.join(format!("icons/hicolor/{size}x{size}/apps/relmap.png")));
    }
    paths
}

/// Removes `path`'s parent folders while they are empty, stopping at `prefix`.
fn remove_empty_parents(path: &Path, prefix: &Path) {
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == prefix || !d.starts_with(prefix) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Best effort: these only speed up menus and file associations; absent tools are fine.
fn refresh_caches(share: &Path) {
    for (tool, arg) in [
        ("update-desktop-database", share.join("applications")),
        ("update-mime-database", share.join("mime")),
        ("gtk-update-icon-cache", share.join("icons/hicolor")),
    ] {
        if arg.is_dir() {
            let _ = std::process::Command::new(tool).arg(&arg).output();
        }
    }
}

/// Rewrites `list` (created if missing) with `edit`, atomically.
fn edit_mimeapps(list: &Path, edit: impl Fn(&str) -> String) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let old = match std::fs::read_to_string(list) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", list.display())),
    };
    let new = edit(&old);
    if new == old {
        return Ok(());
    }
    if let Some(dir) = list.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    crate::atomic::write_atomic(list, new.as_bytes())
        .with_context(|| format!("writing {}", list.display()))
}

const DEFAULTS: &str = "[Default Applications]";

/// `text` (a `mimeapps.list`) with `desktop` first for `mime` under `[Default Applications]`,
/// keeping every other line, group and application as it was.
pub fn set_default(text: &str, mime: &str, desktop: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let Some(start) = lines.iter().position(|l| l.trim() == DEFAULTS) else {
        if lines.last().is_some_and(|l| !l.trim().is_empty()) {
            lines.push(String::new());
        }
        lines.push(DEFAULTS.to_owned());
        lines.push(format!("{mime}={desktop};"));
        return lines.join("\n") + "\n";
    };
    let end = group_end(&lines, start);
    let key = format!("{mime}=");
    match (start + 1..end).find(|&i| lines[i].trim_start().starts_with(&key)) {
        Some(i) => {
            let rest: Vec<&str> = lines[i].trim_start()[key.len()..]
                .split(';')
                .filter(|d| !d.is_empty() && *d != desktop)
                .collect();
            let mut apps = vec![desktop];
            apps.extend(rest);
            lines[i] = format!("{key}{};", apps.join(";"));
        }
        None => lines.insert(start + 1, format!("{mime}={desktop};")),
    }
    lines.join("\n") + "\n"
}

/// `text` without `desktop` as a default for `mime` (the line goes when nothing is left).
pub fn remove_default(text: &str, mime: &str, desktop: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let Some(start) = lines.iter().position(|l| l.trim() == DEFAULTS) else {
        return text.to_owned();
    };
    let end = group_end(&lines, start);
    let key = format!("{mime}=");
    if let Some(i) = (start + 1..end).find(|&i| lines[i].trim_start().starts_with(&key)) {
        let rest: Vec<&str> = lines[i].trim_start()[key.len()..]
            .split(';')
            .filter(|d| !d.is_empty() && *d != desktop)
            .collect();
        if rest.is_empty() {
            lines.remove(i);
        } else {
            lines[i] = format!("{key}{};", rest.join(";"));
        }
    }
    if lines
        .iter()
        .all(|l| l.trim().is_empty() || l.trim() == DEFAULTS)
    {
        return String::new();
    }
    lines.join("\n") + "\n"
}

/// Index of the line after group `start` (the next `[Group]` header, or the end).
fn group_end(lines: &[String], start: usize) -> usize {
    (start + 1..lines.len())
        .find(|&i| lines[i].trim_start().starts_with('['))
        .unwrap_or(lines.len())
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
    fn mimeapps_gets_relmap_as_default_and_loses_it_again_keeping_the_rest() {
        let before = "[Added Associations]\ntext/csv=libreoffice-calc.desktop;\n\n[Default Applications]\ntext/html=firefox.desktop;\napplication/x-relmap+json=other.desktop;\n";
        let set = set_default(before, MIME_TYPE, DESKTOP_FILE);
        assert!(set.contains("application/x-relmap+json=relmap.desktop;other.desktop;"));
        assert!(
            set.contains("text/csv=libreoffice-calc.desktop;"),
            "CSV untouched"
        );
        assert!(set.contains("text/html=firefox.desktop;"));
        assert_eq!(
            set_default(&set, MIME_TYPE, DESKTOP_FILE),
            set,
            "idempotent"
        );
        let removed = remove_default(&set, MIME_TYPE, DESKTOP_FILE);
        assert!(removed.contains("application/x-relmap+json=other.desktop;"));
        let fresh = set_default("", MIME_TYPE, DESKTOP_FILE);
        assert_eq!(
            fresh,
            "[Default Applications]\napplication/x-relmap+json=relmap.desktop;\n"
        );
        assert_eq!(remove_default(&fresh, MIME_TYPE, DESKTOP_FILE), "");
    }

    #[test]
    fn installs_binary_entry_icon_and_mime_type_under_the_prefix() {
        let prefix = tempfile::tempdir().expect("tmp");
        let config = tempfile::tempdir().expect("tmp");
        let fake_bin = prefix.path().join("built-relmap");
        std::fs::write(&fake_bin, b"\x7fELF").expect("write");
        let files = install(prefix.path(), &fake_bin, config.path()).expect("install");
        assert!(
            std::fs::read_to_string(config.path().join("mimeapps.list"))
                .expect("mimeapps")
                .contains("application/x-relmap+json=relmap.desktop;")
        );
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
        // Offered for GraphML and GEXF, declared with their root elements, default for neither.
        assert!(
            entry.contains("application/graphml+xml;application/gexf+xml;"),
            "{entry}"
        );
        let mimeapps =
            std::fs::read_to_string(config.path().join("mimeapps.list")).expect("mimeapps");
        assert!(
            !mimeapps.contains("graphml") && !mimeapps.contains("gexf"),
            "{mimeapps}"
        );
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
        let mime = std::fs::read_to_string(prefix.path().join("share/mime/packages/relmap.xml"))
            .expect("mime");
        assert!(
            mime.contains(r#"localName="graphml""#) && mime.contains("*.gexf"),
            "{mime}"
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
