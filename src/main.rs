//! The `relmap` binary: parses the command line and hands over to the library.

// A double-clicked app must not open a console window on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use relmap::cli::{self, Cli, Command};

/// `println!` that stops quietly when stdout is closed (see [`say_line`]).
macro_rules! say {
    ($($arg:tt)*) => {
        say_line(format_args!($($arg)*))
    };
}

/// Prints what a headless command says (stdout) or its error (stderr, named by `command`), and
/// the exit code for it.
fn answer(command: &str, result: anyhow::Result<String>) -> ExitCode {
    match result {
        Ok(text) => {
            say!("{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("relmap {command}: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    // A windowed exe has no console: given arguments (a command, --help), it answers in the
    // terminal it was started from, if any. Double-clicked, there is none and nothing changes.
    #[cfg(windows)]
    if std::env::args_os().len() > 1 {
        relmap::console::attach_parent();
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and --version are not errors; everything else exits 1 with clap's message.
            let code = if err.use_stderr() { 1 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    if cli.command.is_some() {
        // Headless commands report on the terminal only; the app also keeps a log file.
        relmap::logging::init(None);
    }
    match cli.command {
        Some(Command::InstallDesktop { prefix }) => match cli::install_desktop(prefix) {
            Ok(report) => {
                say!("{report}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("relmap install-desktop: {err:#}");
                ExitCode::FAILURE
            }
        },
        Some(Command::UninstallDesktop { prefix }) => match cli::uninstall_desktop(prefix) {
            Ok(report) => {
                say!("{report}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("relmap uninstall-desktop: {err:#}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Check { file, strict }) => {
            let (report, code) = cli::check(file.as_deref(), strict);
            if code == 1 {
                eprintln!("{report}");
            } else {
                say!("{report}");
            }
            ExitCode::from(code)
        }
        Some(Command::Draft(args)) => answer("draft", cli::draft(&args)),
        Some(Command::Merge(args)) => answer("merge", cli::merge(&args)),
        Some(Command::Diff(args)) => answer("diff", cli::diff(&args)),
        Some(Command::Report(args)) => answer("report", cli::report(&args)),
        Some(Command::Export(args)) => answer("export", cli::export(&args)),
        None => match relmap::run_app(cli.file.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                // Double-clicked apps have no console: say it in a dialog too.
                log::error!("{err:#}");
                eprintln!("relmap: {err:#}");
                let _ = rfd::MessageDialog::new()
                    .set_level(rfd::MessageLevel::Error)
                    .set_title("relmap could not start")
                    .set_description(format!("{err:#}"))
                    .show();
                ExitCode::FAILURE
            }
        },
    }
}

/// Prints a command's report to stdout. A closed pipe (`relmap check | head`) is not an error:
/// the reader has what it wanted, so relmap stops quietly instead of panicking as `println!`
/// does.
fn say_line(text: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{text}").is_err() {
        std::process::exit(0);
    }
}
