//! `juesuan extract`: the data files attached to a PDF, back into a folder.

use std::path::Path;
use std::process::ExitCode;

use juesuan::model::SectionId;

use super::FAILURE;

/// `juesuan extract`: 0 when every attached file was written, 2 otherwise (nothing is written then).
pub fn run(pdf: &Path, dir: &Path) -> ExitCode {
    match juesuan::archive::extract(pdf, dir) {
        Ok(written) => {
            for path in &written {
                eprintln!("{}", juesuan::tr!("extract-wrote", path = path.display()));
            }
            // The files name their schemas (`#:schema ./.schema/table05.json`, as `new` writes them): the
            // schemas come back too, so an editor checks the restored files as it did the originals.
            let sections: Vec<SectionId> = written
                .iter()
                .filter_map(|path| std::fs::read_to_string(path).ok())
                .filter_map(|text| {
                    let first = text.lines().next()?;
                    let name = first.strip_prefix("#:schema ./.schema/")?.trim();
                    SectionId::ALL
                        .iter()
                        .copied()
                        .find(|s| juesuan::schema::schema_file_name(*s) == name)
                })
                .collect();
            if !sections.is_empty() {
                match juesuan::schema::write_all(&dir.join(".schema"), &sections) {
                    Ok(paths) => eprintln!(
                        "{}",
                        juesuan::tr!(
                            "extract-schemas-wrote",
                            n = paths.len(),
                            dir = dir.join(".schema").display()
                        )
                    ),
                    Err(e) => {
                        eprintln!("{}", super::error(&e));
                        return ExitCode::from(FAILURE);
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", super::error(&e));
            ExitCode::from(FAILURE)
        }
    }
}
