//! `juesuan check`: every rule on one or more folders, every finding at once.

use std::process::ExitCode;

use juesuan::cli::Format;
use juesuan::diag;
use juesuan::render::Engine;
use juesuan::tr;

use super::{print_diagnostics, rejection_code};

pub fn run(engine: &Engine, dirs: &[std::path::PathBuf], format: Format, color: bool) -> ExitCode {
    let mut worst = 0u8;
    for dir in dirs {
        let (diagnostics, sources, code) = match juesuan::prepare_with(dir, engine) {
            Ok(p) => (p.diagnostics, p.sources, 0),
            Err(r) => {
                let code = rejection_code(&r.diagnostics);
                (r.diagnostics, r.sources, code)
            }
        };
        worst = worst.max(code);
        match format {
            Format::Json => {
                for d in &diagnostics {
                    println!("{}", d.to_json(&sources));
                }
            }
            Format::Human => {
                print_diagnostics(&diagnostics, &sources, color);
                let (errors, warnings) = diag::count(&diagnostics);
                eprintln!(
                    "{}",
                    tr!(
                        "check-summary",
                        dir = dir.display(),
                        errors = errors,
                        warnings = warnings
                    )
                );
            }
        }
    }
    ExitCode::from(worst)
}
