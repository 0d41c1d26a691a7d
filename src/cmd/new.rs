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
    let options = juesuan::scaffold::Options {
        link: from.and_then(|from| relative_link(dir, from)),
        ..options.clone()
    };
    let written = juesuan::scaffold::scaffold(&options, last.as_ref())
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

/// `from` as the new folder `dir`'s document.toml names it: relative to `dir` (`../x-2020`), so that the two folders
/// can move together; `None` when there is no such path (another drive).
fn relative_link(dir: &Path, from: &Path) -> Option<String> {
    let from = from.canonicalize().ok()?;
    // The new folder may not exist yet: its nearest existing ancestor, resolved, and the rest as given.
    let absolute = std::path::absolute(dir).ok()?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name()?);
        existing = existing.parent()?;
    }
    let mut to = existing.canonicalize().ok()?;
    for part in rest.iter().rev() {
        to.push(part);
    }
    let common = to
        .components()
        .zip(from.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return None;
    }
    let ups = to.components().count() - common;
    let parts: Vec<String> = std::iter::repeat_n("..".to_string(), ups)
        .chain(
            from.components()
                .skip(common)
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    Some(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    })
}
