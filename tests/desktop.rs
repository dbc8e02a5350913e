//! `relmap install-desktop` / `uninstall-desktop`, run as a user would, checked with GLib's
//! own `gio` (what GNOME Files, Nemo and Thunar call on double-click).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh home with the XDG folders a desktop session would set.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    #[expect(
        clippy::expect_used,
        reason = "test helper: a broken fixture must fail loudly"
    )]
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("home"),
        }
    }

    fn prefix(&self) -> PathBuf {
        self.dir.path().join(".local")
    }

    #[expect(
        clippy::expect_used,
        reason = "test helper: a broken fixture must fail loudly"
    )]
    fn run(&self, program: &str, args: &[&str]) -> Output {
        Command::new(program)
            .args(args)
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join(".config"))
            .env("XDG_DATA_HOME", self.prefix().join("share"))
            .env("XDG_DATA_DIRS", "/usr/share")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .expect("run")
    }

    fn relmap(&self, args: &[&str]) -> Output {
        self.run(env!("CARGO_BIN_EXE_relmap"), args)
    }
}

/// Every path under `root` whose name mentions relmap.
fn relmap_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            if path.to_string_lossy().contains("relmap") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn gio_available() -> bool {
    let found = Command::new("gio").arg("help").output().is_ok();
    // CI installs libglib2.0-bin, so there a missing gio is a failure, not a skip.
    assert!(
        found || std::env::var_os("CI").is_none(),
        "gio (Debian's libglib2.0-bin) is needed for this test"
    );
    found
}

#[test]
fn install_makes_relmap_the_default_for_its_type_and_uninstall_leaves_nothing() {
    let home = Home::new();
    assert!(relmap_files(home.dir.path()).is_empty(), "fresh home");
    let prefix = home.prefix();
    let prefix_arg = prefix.to_string_lossy().into_owned();
    let o = home.relmap(&["install-desktop", "--prefix", &prefix_arg]);
    assert!(o.status.success(), "{}", text(&o));
    let mimeapps = home.dir.path().join(".config/mimeapps.list");
    let list = std::fs::read_to_string(&mimeapps).unwrap_or_default();
    assert!(
        list.contains("[Default Applications]")
            && list.contains("application/x-relmap+json=relmap.desktop;"),
        "{list}"
    );
    assert!(!list.contains("text/csv"), "CSV is never taken over");
    if gio_available() {
        let q = home.run("gio", &["mime", "application/x-relmap+json"]);
        let answer = text(&q);
        assert!(
            answer.contains("Default application") && answer.contains("relmap.desktop"),
            "{answer}"
        );
    }
    let o = home.relmap(&["uninstall-desktop", "--prefix", &prefix_arg]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        relmap_files(home.dir.path()),
        Vec::<PathBuf>::new(),
        "no relmap file left"
    );
    let list = std::fs::read_to_string(&mimeapps).unwrap_or_default();
    assert!(!list.contains("relmap"), "{list}");
    // Running it again is harmless.
    let again = home.relmap(&["uninstall-desktop", "--prefix", &prefix_arg]);
    assert!(again.status.success(), "{}", text(&again));
}
