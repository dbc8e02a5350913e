//! The `relmap` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser as _;
use relmap::cli::{self, Cli, Command};

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => {
            let (report, ok) = cli::check(file.as_deref());
            if ok {
                println!("{report}");
                ExitCode::SUCCESS
            } else {
                eprintln!("{report}");
                ExitCode::FAILURE
            }
        }
        None => {
            eprintln!("the app is not built yet");
            ExitCode::FAILURE
        }
    }
}
