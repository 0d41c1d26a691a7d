//! `juesuan diff`: what a correction changes, in figures and in the narrative's sentences.

use std::path::Path;
use std::process::ExitCode;

use juesuan::cli::Format;

use super::{DATA_ERRORS, FAILURE};

pub fn run(old: &Path, new: &Path, format: Format, correction: bool) -> ExitCode {
    match juesuan::diff::diff(old, new) {
        Ok(changes) => {
            match format {
                _ if correction => print!("{}", juesuan::diff::render_correction(&changes)),
                Format::Human => print!("{}", juesuan::diff::render_human(&changes)),
                Format::Json => match serde_json::to_string(&changes) {
                    Ok(json) => println!("{json}"),
                    Err(e) => {
                        eprintln!("{}", super::error(&e));
                        return ExitCode::from(FAILURE);
                    }
                },
            }
            if changes.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(DATA_ERRORS)
            }
        }
        Err(e) => {
            eprintln!("{}", super::error(&e));
            ExitCode::from(FAILURE)
        }
    }
}
