//! `juesuan render`: one document into a file, many into a folder (the batch), the report data for the stock Typst
//! CLI, or one document again on every save (`--watch`).

use std::path::Path;
use std::process::ExitCode;

use juesuan::batch;
use juesuan::render::{Engine, Standard};

use juesuan::tr;

use super::{
    DATA_ERRORS, FAILURE, error, note, prepare_or_report, print_diagnostics, rejection_code,
};

pub fn single(
    engine: &Engine,
    dir: &Path,
    output: &Path,
    standard: Standard,
    final_only: bool,
    color: bool,
) -> ExitCode {
    let prepared = match prepare_or_report(engine, dir, tr!("what-pdf"), color) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if final_only && prepared.draft {
        eprintln!("{}", error(&tr!("draft-refused", dir = dir.display())));
        return ExitCode::from(DATA_ERRORS);
    }
    // The data files go inside the PDF where the standard allows (not PDF/A-2): `juesuan extract` gets them back.
    let pdf = match prepared.pdf(engine, standard) {
        Ok(pdf) => pdf,
        Err(e) => {
            eprintln!("{}\n{}", error(&e), tr!("no-pdf-written"));
            return ExitCode::from(FAILURE);
        }
    };
    if let Err(e) = juesuan::write::write_atomic(output, &pdf) {
        eprintln!("{}", error(&e));
        return ExitCode::from(FAILURE);
    }
    if prepared.draft {
        eprintln!(
            "{}",
            tr!(
                "wrote-pdf-draft",
                path = output.display(),
                bytes = pdf.len()
            )
        );
    } else {
        eprintln!(
            "{}",
            tr!("wrote-pdf", path = output.display(), bytes = pdf.len())
        );
    }
    ExitCode::SUCCESS
}

/// Many documents into a folder (src/batch.rs). Exit code: 2 if any document could not be read or rendered, else
/// 1 if any had data errors, else 0.
pub fn many(
    engine: &Engine,
    documents: &[batch::Job],
    skipped: &[std::path::PathBuf],
    options: &batch::Options,
) -> ExitCode {
    for dir in skipped {
        eprintln!(
            "{}",
            note(&tr!("skipping-no-document", dir = dir.display()))
        );
    }
    let summary = match batch::run(engine, documents, options) {
        Ok(summary) => summary,
        Err(e) => {
            eprintln!("{}", error(&e));
            return ExitCode::from(FAILURE);
        }
    };
    if options.verbose {
        eprintln!("{}", summary.timings_line());
    }
    eprintln!("{}", summary.line());
    let worst = summary
        .failed
        .iter()
        .map(|(_, kind)| match kind {
            batch::FailureKind::Data => DATA_ERRORS,
            batch::FailureKind::Other => FAILURE,
        })
        .max();
    match worst {
        Some(code) => {
            let names: Vec<&str> = summary.failed.iter().map(|(n, _)| n.as_str()).collect();
            eprintln!("{}", error(&tr!("batch-failed", names = names.join(", "))));
            ExitCode::from(code)
        }
        None => ExitCode::SUCCESS,
    }
}

/// `render --emit-json` for one document: the report data the templates read as /data.json, for compiling the
/// templates with the stock Typst CLI.
pub fn report_json(engine: &Engine, dir: &Path, output: &Path, color: bool) -> ExitCode {
    let prepared = match juesuan::prepare_with(dir, engine) {
        Ok(p) => p,
        Err(rejected) => {
            print_diagnostics(&rejected.diagnostics, &rejected.sources, color);
            eprintln!(
                "{}",
                error(&tr!("has-errors-nothing-written", dir = dir.display()))
            );
            return ExitCode::from(rejection_code(&rejected.diagnostics));
        }
    };
    print_diagnostics(&prepared.diagnostics, &prepared.sources, color);
    let written = serde_json::to_vec(&prepared.report)
        .map_err(|e| e.to_string())
        .and_then(|json| juesuan::write::write_atomic(output, &json).map_err(|e| e.to_string()));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", error(&e));
            ExitCode::from(FAILURE)
        }
    }
}

/// `juesuan render --watch`: render, then render again after every save, until interrupted. Each render prints
/// its diagnostics; one with errors leaves the last good PDF in place.
pub fn watch(
    engine: &Engine,
    dir: &Path,
    output: &Path,
    standard: Standard,
    final_only: bool,
    color: bool,
) -> ExitCode {
    use juesuan::watch::{CACHE_RENDERS, INTERVAL, Timing, Watcher};
    // One document again and again: the next render reuses the layout of all that a save did not change.
    juesuan::render::keep_cache(CACHE_RENDERS);
    let watcher = Watcher::new(dir);
    if let Some(e) = watcher.no_events() {
        eprintln!(
            "{}",
            note(&tr!(
                "watch-no-events",
                dir = dir.display(),
                why = e,
                ms = INTERVAL.as_millis()
            ))
        );
    }
    let mut runs = 0u32;
    watcher.run(Timing::default(), || {
        if runs > 0 {
            eprintln!("\n{}", tr!("watch-again", dir = dir.display()));
        }
        runs += 1;
        // The outcome is on the terminal already; watching goes on whatever it was.
        let _ = single(engine, dir, output, standard, final_only, color);
        eprintln!("{}", tr!("watch-waiting", dir = dir.display()));
    });
    ExitCode::SUCCESS
}
