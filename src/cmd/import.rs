//! `juesuan import`: a new data folder from a workbook of the tables (src/workbook/import.rs), then `check` on it.

use std::path::Path;
use std::process::ExitCode;

use juesuan::diag;
use juesuan::render::Engine;
use juesuan::workbook::{self, Options};

use juesuan::tr;

use super::{DATA_ERRORS, FAILURE, error, print_diagnostics};

/// 0 when the folder was written and passes `check` (warnings allowed: the scaffolded values are 待填写); 1 when
/// cells could not be placed (nothing written unless `partial`) or the folder written has data errors; 2 when the
/// workbook cannot be read or the folder not written.
pub fn run(
    workbook_path: &Path,
    dir: &Path,
    options: &Options,
    partial: bool,
    color: bool,
) -> ExitCode {
    let imported = match workbook::import(workbook_path, options) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("{}\n{}", error(&e), tr!("nothing-written"));
            return ExitCode::from(match e {
                workbook::ImportError::Read(_) => FAILURE,
                _ => DATA_ERRORS,
            });
        }
    };
    for finding in &imported.findings {
        eprintln!("{finding}");
    }
    for note in &imported.notes {
        eprintln!("{}", super::note(note));
    }
    let errors = imported.errors();
    let at_cells = imported
        .findings
        .iter()
        .filter(|f| f.error && f.at.is_some())
        .count();
    let others = match errors - at_cells {
        0 => String::new(),
        n => tr!("import-others", n = n),
    };
    eprintln!(
        "{}",
        tr!(
            "import-read",
            figures = imported.figures,
            tables = imported.tables.len(),
            unit = &imported.unit,
            year = imported.year,
            kind = imported.kind.word(),
            form = &imported.form.id,
            cells = at_cells,
            others = others
        )
    );
    if errors > 0 && !partial {
        eprintln!("{}", error(&tr!("import-refused")));
        return ExitCode::from(DATA_ERRORS);
    }
    let written = match workbook::import::write(dir, &imported) {
        Ok(written) => written,
        Err(e) => {
            eprintln!("{}", error(&e));
            return ExitCode::from(FAILURE);
        }
    };
    eprintln!(
        "{}",
        tr!(
            "import-wrote",
            files = written.len(),
            dir = dir.display(),
            tables = imported.tables.len()
        )
    );
    // What check finds in the new folder.
    let (diagnostics, sources) = match juesuan::prepare_with(dir, Engine::embedded()) {
        Ok(p) => (p.diagnostics, p.sources),
        Err(r) => (r.diagnostics, r.sources),
    };
    print_diagnostics(&diagnostics, &sources, color);
    let (check_errors, warnings) = diag::count(&diagnostics);
    eprintln!(
        "{}",
        tr!(
            "check-summary",
            dir = dir.display(),
            errors = check_errors,
            warnings = warnings
        )
    );
    if check_errors > 0 || errors > 0 {
        ExitCode::from(DATA_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
