//! `juesuan fill`: the parent lines and 合计 rows the 项 lines determine, written in place (src/fill.rs).

use std::path::Path;
use std::process::ExitCode;

use juesuan::tr;

use super::{DATA_ERRORS, FAILURE, error, print_diagnostics, rejection_code};

/// 0 when everything determined is written (or was stated) and agrees; 1 when a stated figure disagrees with the
/// sum its lines give (nothing of it is overwritten); 2 when the folder cannot be read or written.
pub fn run(dir: &Path, dry_run: bool, color: bool) -> ExitCode {
    let loaded = match juesuan::load::load(dir) {
        Ok((loaded, _)) => loaded,
        Err(failure) => {
            print_diagnostics(&failure.diagnostics, &failure.sources, color);
            eprintln!("{}", error(&tr!("fill-unreadable", dir = dir.display())));
            return ExitCode::from(rejection_code(&failure.diagnostics));
        }
    };
    let filled = match juesuan::fill::fill(&loaded) {
        Ok(filled) => filled,
        Err(e) => {
            eprintln!("{}; {}", error(&e), tr!("nothing-written"));
            return ExitCode::from(FAILURE);
        }
    };
    for change in &filled.changes {
        println!("{change}");
    }
    for disagreement in &filled.disagreements {
        println!("{disagreement}");
    }
    if !dry_run {
        for (file, text) in &filled.files {
            if let Err(e) = juesuan::write::write_atomic(&dir.join(file), text.as_bytes()) {
                eprintln!("{}", error(&e));
                return ExitCode::from(FAILURE);
            }
        }
    }
    let lines = filled.changes.iter().filter(|c| c.field.is_none()).count();
    let figures = filled.changes.len() - lines;
    let summary = juesuan::i18n::message(
        juesuan::i18n::current(),
        if dry_run {
            "fill-summary-dry"
        } else {
            "fill-summary"
        },
        &[
            ("figures", figures.to_string()),
            ("lines", lines.to_string()),
            ("files", filled.files.len().to_string()),
            ("disagree", filled.disagreements.len().to_string()),
        ],
    );
    eprintln!("{summary}");
    if !filled.changes.is_empty() && !dry_run {
        eprintln!("{}", tr!("next-check", dir = dir.display()));
    }
    if filled.disagreements.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(DATA_ERRORS)
    }
}
