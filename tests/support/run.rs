//! Running the built `relmap` binary as a user would: from a given folder, with a fresh HOME
//! and no display. Shared by the test binaries that drive the command line.

use std::path::Path;
use std::process::{Command, Output};

#[expect(
    clippy::expect_used,
    reason = "test helper: a broken fixture must fail the test loudly"
)]
/// Runs `relmap ARGS` in `cwd`.
pub fn relmap(args: &[&str], cwd: &Path) -> Output {
    let home = tempfile::tempdir().expect("home");
    Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(args)
        .current_dir(cwd)
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run relmap")
}
