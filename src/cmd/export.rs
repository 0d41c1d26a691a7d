//! `juesuan export`: the document's tables as an xlsx workbook (src/workbook/export.rs).

use std::path::Path;
use std::process::ExitCode;

use juesuan::render::Engine;

use super::{FAILURE, prepare_or_report, rejection_code};

/// 0 when the workbook was written; 1 when the data has errors, 2 when it could not be read or written (then
/// nothing is written, and an existing workbook is left as it was).
pub fn run(dir: &Path, output: &Path, color: bool) -> ExitCode {
    // The data is checked first, as for a PDF: a workbook of figures that contradict each other is no attachment.
    if let Err(code) = prepare_or_report(
        Engine::embedded(),
        dir,
        juesuan::tr!("what-workbook"),
        color,
    ) {
        return code;
    }
    let loaded = match juesuan::load::load(dir) {
        Ok((loaded, _)) => loaded,
        Err(failure) => {
            super::print_diagnostics(&failure.diagnostics, &failure.sources, color);
            return ExitCode::from(rejection_code(&failure.diagnostics));
        }
    };
    let bytes = match juesuan::workbook::export::workbook(&loaded.doc, &loaded.form) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!(
                "{}\n{}",
                super::error(&e),
                juesuan::tr!("no-workbook-written")
            );
            return ExitCode::from(FAILURE);
        }
    };
    if let Err(e) = juesuan::write::write_atomic(output, &bytes) {
        eprintln!("{}", super::error(&e));
        return ExitCode::from(FAILURE);
    }
    let tables = loaded.form.tables_of(*loaded.doc.info().kind).count();
    eprintln!(
        "{}",
        juesuan::tr!(
            "export-wrote",
            path = output.display(),
            tables = tables,
            bytes = bytes.len()
        )
    );
    ExitCode::SUCCESS
}
