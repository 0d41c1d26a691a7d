//! One file per command; what they share (printing diagnostics, exit codes, the font engine) is here.

pub mod check;
pub mod diff;
pub mod export;
pub mod extract;
pub mod fill;
pub mod fonts;
pub mod forms;
pub mod import;
pub mod new;
pub mod preview;
pub mod render;
pub mod rules;
pub mod schema;

use std::path::Path;
use std::process::ExitCode;

use juesuan::diag::{self, Diagnostic, Sources};
use juesuan::render::Engine;
use juesuan::rule::Rule;
use juesuan::tr;

/// "error: …" in the user's language.
pub fn error(text: &dyn std::fmt::Display) -> String {
    tr!("line-error", text = text)
}

/// "warning: …" in the user's language.
pub fn warning(text: &dyn std::fmt::Display) -> String {
    tr!("line-warning", text = text)
}

/// Writes `bytes` to stdout. `juesuan rules | head` closes the pipe early: that is the reader's choice, not an
/// error.
pub fn write_stdout(bytes: &[u8]) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("{}", error(&e));
            ExitCode::from(FAILURE)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// `text` padded to `width` columns by display width: a Chinese character takes two.
pub fn pad(text: &str, width: usize) -> String {
    let used: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// "note: …" in the user's language.
pub fn note(text: &dyn std::fmt::Display) -> String {
    tr!("line-note", text = text)
}

/// Exit code for data errors (the data is wrong; fix it and try again).
pub const DATA_ERRORS: u8 = 1;
/// Exit code for usage, I/O or internal errors.
pub const FAILURE: u8 = 2;

pub fn print_diagnostics(diagnostics: &[Diagnostic], sources: &Sources, color: bool) {
    for d in diagnostics {
        eprint!("{}", d.render(sources, color));
    }
}

/// Exit code for a rejected document: 1 for data errors, 2 when the folder could not be read at all.
pub fn rejection_code(diagnostics: &[Diagnostic]) -> u8 {
    if diagnostics
        .iter()
        .any(|d| d.is_error() && matches!(d.rule, Rule::DataFolder | Rule::Io))
    {
        FAILURE
    } else {
        DATA_ERRORS
    }
}

/// The engine with the embedded fonts and those of the `--font-path` folders; unreadable font files are warnings.
pub fn engine_with_fonts(folders: &[std::path::PathBuf]) -> Result<Engine, ExitCode> {
    match juesuan::fonts::load_folders(folders) {
        Ok(added) => {
            for skipped in &added.skipped {
                eprintln!("{}", warning(&tr!("skipped-font", file = skipped)));
            }
            Ok(Engine::with_added_fonts(added))
        }
        Err(e) => {
            eprintln!("{}", error(&e));
            Err(ExitCode::from(FAILURE))
        }
    }
}

/// Prepares one document and prints its findings; on errors, says that no `what` was written and gives the exit
/// code.
pub fn prepare_or_report(
    engine: &Engine,
    dir: &Path,
    what: String,
    color: bool,
) -> Result<juesuan::Prepared, ExitCode> {
    match juesuan::prepare_with(dir, engine) {
        Ok(prepared) => {
            print_diagnostics(&prepared.diagnostics, &prepared.sources, color);
            Ok(prepared)
        }
        Err(rejected) => {
            print_diagnostics(&rejected.diagnostics, &rejected.sources, color);
            let (errors, _) = diag::count(&rejected.diagnostics);
            eprintln!(
                "{}",
                error(&tr!(
                    "rejected",
                    dir = dir.display(),
                    errors = errors,
                    what = what
                ))
            );
            Err(ExitCode::from(rejection_code(&rejected.diagnostics)))
        }
    }
}
