//! `juesuan preview`: PNG pictures of the pages.

use std::path::Path;
use std::process::ExitCode;

use juesuan::render::Engine;

use super::{FAILURE, prepare_or_report};

/// `juesuan preview`: checks the data like render, then writes PNG pages.
pub fn run(
    engine: &Engine,
    dir: &Path,
    pages: Option<&juesuan::preview::Pages>,
    output: &Path,
    color: bool,
) -> ExitCode {
    let prepared = match prepare_or_report(engine, dir, juesuan::tr!("what-preview"), color) {
        Ok(p) => p,
        Err(code) => return code,
    };
    match juesuan::preview::preview(engine, &prepared.report, pages, output) {
        Ok(written) => {
            let names: Vec<String> = written
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            let range = match names.as_slice() {
                [] => String::new(),
                [one] => format!(" ({one})"),
                [first, .., last] => format!(" ({first} … {last})"),
            };
            eprintln!(
                "{}{range}",
                juesuan::tr!(
                    "preview-wrote",
                    pages = written.len(),
                    dir = output.display()
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", super::error(&e));
            ExitCode::from(FAILURE)
        }
    }
}
