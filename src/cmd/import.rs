//! `juesuan import`: a new data folder from a workbook of the tables (src/workbook/import.rs), then `check` on it.

use std::path::Path;
use std::process::ExitCode;

use juesuan::diag;
use juesuan::render::Engine;
use juesuan::workbook::{self, Options};

use super::{DATA_ERRORS, FAILURE, print_diagnostics};

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
            eprintln!("error: {e}\nnothing written");
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
        eprintln!("note: {note}");
    }
    let errors = imported.errors();
    let at_cells = imported
        .findings
        .iter()
        .filter(|f| f.error && f.at.is_some())
        .count();
    let others = match errors - at_cells {
        0 => String::new(),
        n => format!(", {n} other error(s)"),
    };
    eprintln!(
        "read {} figure(s) of {} table(s) for {} {}年 ({}, form {}): {at_cells} cell(s) could not be placed or read{others}",
        imported.figures,
        imported.tables.len(),
        imported.unit,
        imported.year,
        imported.kind.word(),
        imported.form.id
    );
    if errors > 0 && !partial {
        eprintln!(
            "error: nothing written: correct the cells above in the workbook (or import with --partial and \
             complete the folder by hand)"
        );
        return ExitCode::from(DATA_ERRORS);
    }
    let written = match workbook::import::write(dir, &imported) {
        Ok(written) => written,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(FAILURE);
        }
    };
    eprintln!(
        "wrote {} files to {} ({} table(s) from the workbook; the rest to fill in, marked 待填写)",
        written.len(),
        dir.display(),
        imported.tables.len()
    );
    // What check finds in the new folder.
    let (diagnostics, sources) = match juesuan::prepare_with(dir, Engine::embedded()) {
        Ok(p) => (p.diagnostics, p.sources),
        Err(r) => (r.diagnostics, r.sources),
    };
    print_diagnostics(&diagnostics, &sources, color);
    let (check_errors, warnings) = diag::count(&diagnostics);
    eprintln!(
        "{}: {check_errors} error(s), {warnings} warning(s)",
        dir.display()
    );
    if check_errors > 0 || errors > 0 {
        ExitCode::from(DATA_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
