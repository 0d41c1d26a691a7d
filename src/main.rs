//! The `juesuan` command: parse arguments, call the library, print diagnostics, map the outcome to an exit code
//! (0 success, 1 data errors, 2 usage, I/O or internal errors).

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use juesuan::cli::{Cli, Color, Command, Format};
use juesuan::diag::{self, Diagnostic, Sources};
use juesuan::render::{Engine, Standard};

const DATA_ERRORS: u8 = 1;
const FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Render {
            dir,
            output,
            standard,
        } => render(&dir, &output, standard, color),
        Command::Check { dirs, format } => check(&dirs, format, color),
        Command::Rules => {
            for (code, what) in juesuan::validate::RULES {
                println!("{code:<18} {what}");
            }
            ExitCode::SUCCESS
        }
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic], sources: &Sources, color: bool) {
    for d in diagnostics {
        eprint!("{}", d.render(sources, color));
    }
}

/// Exit code for a rejected document: 1 for data errors, 2 when the folder could not be read at all.
fn rejection_code(diagnostics: &[Diagnostic]) -> u8 {
    if diagnostics
        .iter()
        .any(|d| d.is_error() && matches!(d.code, "data-folder" | "io"))
    {
        FAILURE
    } else {
        DATA_ERRORS
    }
}

fn render(dir: &Path, output: &Path, standard: Standard, color: bool) -> ExitCode {
    let prepared = match juesuan::prepare(dir) {
        Ok(p) => p,
        Err(rejected) => {
            print_diagnostics(&rejected.diagnostics, &rejected.sources, color);
            let (errors, _) = diag::count(&rejected.diagnostics);
            eprintln!(
                "error: {} has {errors} error(s); no PDF written",
                dir.display()
            );
            return ExitCode::from(rejection_code(&rejected.diagnostics));
        }
    };
    print_diagnostics(&prepared.diagnostics, &prepared.sources, color);
    let engine = Engine::new();
    let pdf = match engine.pdf(&prepared.report, standard) {
        Ok(pdf) => pdf,
        Err(e) => {
            eprintln!("error: {e}\nno PDF written");
            return ExitCode::from(FAILURE);
        }
    };
    if let Err(e) = juesuan::write::write_atomic(output, &pdf) {
        eprintln!("error: {e}");
        return ExitCode::from(FAILURE);
    }
    eprintln!("wrote {} ({} bytes)", output.display(), pdf.len());
    ExitCode::SUCCESS
}

fn check(dirs: &[std::path::PathBuf], format: Format, color: bool) -> ExitCode {
    let mut worst = 0u8;
    for dir in dirs {
        let (diagnostics, sources, code) = match juesuan::prepare(dir) {
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
                    "{}: {errors} error(s), {warnings} warning(s)",
                    dir.display()
                );
            }
        }
    }
    ExitCode::from(worst)
}
