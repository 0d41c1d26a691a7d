//! `juesuan new`: a commented data folder for a new document, of its form.

use std::path::Path;
use std::process::ExitCode;

use juesuan::tr;

use super::{FAILURE, print_diagnostics, rejection_code};

/// `juesuan new`: 0 when the folder was written, 2 when it could not be (nothing is overwritten), 1 when last
/// year's folder has data errors that keep it from loading.
pub fn run(
    dir: &Path,
    options: &juesuan::scaffold::Options,
    from: Option<&Path>,
    color: bool,
) -> ExitCode {
    let last = match from.map(juesuan::scaffold::read_last_year) {
        None => None,
        Some(Ok(doc)) => Some(doc),
        Some(Err(rejected)) => {
            print_diagnostics(&rejected.diagnostics, &rejected.sources, color);
            let folder = from.map_or(String::new(), |f| f.display().to_string());
            eprintln!(
                "{}",
                super::error(&tr!("last-year-unreadable", dir = folder))
            );
            return ExitCode::from(rejection_code(&rejected.diagnostics));
        }
    };
    let written = juesuan::scaffold::scaffold(options, last.as_ref())
        .and_then(|scaffold| Ok((juesuan::scaffold::write(dir, &scaffold)?, scaffold.notes)));
    match written {
        Ok((files, notes)) => {
            for note in &notes {
                eprintln!("{}", super::note(note));
            }
            eprintln!(
                "{}",
                tr!(
                    "new-wrote",
                    files = files.len(),
                    dir = dir.display(),
                    schemas = juesuan::scaffold::SCHEMA_DIR
                )
            );
            eprintln!("{}", tr!("new-next", dir = dir.display()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", super::error(&e));
            ExitCode::from(FAILURE)
        }
    }
}
