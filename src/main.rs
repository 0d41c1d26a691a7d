//! The `juesuan` command: parse arguments, call the library, print diagnostics, map the outcome to an exit code
//! (0 success, 1 data errors, 2 usage, I/O or internal errors).

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use juesuan::batch;
use juesuan::cli::{Cli, Color, Command, Format};
use juesuan::diag::{self, Diagnostic, Sources};
use juesuan::render::{Engine, Standard};

/// jemalloc, not glibc's malloc: Typst allocates and frees small objects by the million, and a batch renders
/// ~15 % faster on it at the same peak memory (README, "Many documents").
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts (before `main`). By default it keeps freed pages for ten seconds in each
/// of 4 arenas per core: a batch on two workers then peaks 25–35 MiB above glibc. One arena (the threads' caches
/// keep the workers from contending for it) and freed pages returned after a second bring the peak back to glibc's;
/// returning them sooner costs the speed (page faults, TLB flushes). An option jemalloc does not know would print a
/// line on stderr in every run (tests/tooling.rs checks there is none). `Option<&c_char>` is the `const char *`
/// that jemalloc declares (`tikv_jemalloc_sys::malloc_conf`).
#[cfg(target_os = "linux")]
#[unsafe(export_name = "_rjem_malloc_conf")]
static JEMALLOC_OPTIONS: Option<&std::ffi::c_char> =
    // SAFETY: a pointer to the first byte of a NUL-terminated static string, which lives for the whole program.
    Some(unsafe { &*c"narenas:1,dirty_decay_ms:1000".as_ptr() });

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
            dirs,
            output,
            standard,
            jobs,
            force,
            quiet,
            verbose,
            emit_json,
            watch,
            font_path,
        } => {
            let engine = match engine_with_fonts(&font_path) {
                Ok(engine) => engine,
                Err(code) => return code,
            };
            let out = if emit_json {
                batch::Output::Json
            } else {
                batch::Output::Pdf(standard)
            };
            match batch::plan(&dirs, &output, out) {
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(FAILURE)
                }
                Ok(batch::Plan::Single { dir, output }) if watch => {
                    watch_render(&engine, &dir, &output, standard, color)
                }
                Ok(batch::Plan::Batch { .. }) if watch => {
                    eprintln!(
                        "error: --watch renders one document: give one data folder and an output file ending in .pdf"
                    );
                    ExitCode::from(FAILURE)
                }
                Ok(batch::Plan::Single { dir, output }) if emit_json => {
                    write_report_json(&engine, &dir, &output, color)
                }
                Ok(batch::Plan::Single { dir, output }) => {
                    render(&engine, &dir, &output, standard, color)
                }
                Ok(batch::Plan::Batch {
                    jobs: documents,
                    output_dir,
                    skipped,
                }) => {
                    let options = batch::Options {
                        output_dir,
                        output: out,
                        force,
                        workers: jobs.map(usize::from).unwrap_or_else(|| {
                            std::thread::available_parallelism().map_or(1, |n| n.get())
                        }),
                        progress: batch::Progress::detect(quiet),
                        verbose,
                        color,
                    };
                    render_batch(&engine, &documents, &skipped, &options)
                }
            }
        }
        Command::Check {
            dirs,
            format,
            font_path,
        } => match engine_with_fonts(&font_path) {
            Ok(engine) => check(&engine, &dirs, format, color),
            Err(code) => code,
        },
        Command::Fonts { dir, font_path } => match engine_with_fonts(&font_path) {
            Ok(engine) => fonts(&engine, dir.as_deref(), color),
            Err(code) => code,
        },
        Command::Diff { old, new, format } => diff(&old, &new, format),
        Command::Rules => {
            for (code, what) in juesuan::validate::RULES {
                println!("{code:<18} {what}");
            }
            ExitCode::SUCCESS
        }
        Command::Extract { pdf, dir } => extract(&pdf, &dir),
        Command::New {
            dir,
            unit,
            year,
            kind,
            from,
        } => {
            let options = juesuan::scaffold::Options {
                unit,
                year,
                kind: kind.map(Into::into),
            };
            new_document(&dir, &options, from.as_deref(), color)
        }
        Command::Schema { out } => schema(out.as_deref()),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "juesuan",
                &mut std::io::stdout(),
            );
            ExitCode::SUCCESS
        }
        Command::Preview {
            dir,
            pages,
            output,
            font_path,
        } => match engine_with_fonts(&font_path) {
            Ok(engine) => preview(&engine, &dir, pages.as_ref(), &output, color),
            Err(code) => code,
        },
    }
}

/// `juesuan extract`: 0 when every attached file was written, 2 otherwise (nothing is written then).
fn extract(pdf: &Path, dir: &Path) -> ExitCode {
    match juesuan::archive::extract(pdf, dir) {
        Ok(written) => {
            for path in &written {
                eprintln!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(FAILURE)
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

/// The engine with the embedded fonts and those of the `--font-path` folders; unreadable font files are warnings.
fn engine_with_fonts(folders: &[std::path::PathBuf]) -> Result<Engine, ExitCode> {
    match juesuan::fonts::load_folders(folders) {
        Ok(added) => {
            for skipped in &added.skipped {
                eprintln!("warning: skipped font file {skipped}");
            }
            Ok(Engine::with_added_fonts(added))
        }
        Err(e) => {
            eprintln!("error: {e}");
            Err(ExitCode::from(FAILURE))
        }
    }
}

/// `juesuan fonts`: the families available, and the family each style is drawn by (for a document's `[fonts]`
/// when a folder is given).
fn fonts(engine: &Engine, dir: Option<&Path>, color: bool) -> ExitCode {
    println!("font families:");
    for (family, aliases, file) in engine.font_families() {
        let from = file.map_or("embedded".to_string(), |f| f.display().to_string());
        let also = if aliases.is_empty() {
            String::new()
        } else {
            format!(" (also {})", aliases.join(", "))
        };
        println!("  {family:<24} {from}{also}");
    }
    let mut choice = juesuan::fonts::FontChoice::default();
    let mut sources = Sources::default();
    let mut file = None;
    if let Some(dir) = dir {
        let path = dir.join("document.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                return ExitCode::from(FAILURE);
            }
        };
        let id = sources.add(&path, text);
        let mut found = Vec::new();
        match juesuan::load::parse_section::<juesuan::model::DocumentInfo>(&sources, id, &mut found)
        {
            Some(info) => choice = info.fonts,
            None => {
                print_diagnostics(&found, &sources, color);
                return ExitCode::from(DATA_ERRORS);
            }
        }
        file = Some(id);
    }
    let (map, warnings) = juesuan::fonts::resolve(&choice, engine, file);
    println!("styles:");
    for style in juesuan::fonts::Style::ALL {
        let family = map.family(style);
        let bold = if style == juesuan::fonts::Style::Title && map.title_weight == "bold" {
            " Bold"
        } else {
            ""
        };
        let note = if family == style.embedded() {
            format!(
                "  (embedded stand-in; official: {})",
                style.official().join(", ")
            )
        } else {
            String::new()
        };
        // Padded by display width: a Chinese character takes two columns.
        let label = style.label();
        let width: usize = label
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum();
        let pad = " ".repeat(16usize.saturating_sub(width));
        println!("  {:<8} {label}{pad} {family}{bold}{note}", style.key());
    }
    print_diagnostics(&warnings, &sources, color);
    ExitCode::SUCCESS
}

/// Prepares one document and prints its findings; on errors, says that no `what` was written and gives the exit
/// code.
fn prepare_or_report(
    engine: &Engine,
    dir: &Path,
    what: &str,
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
                "error: {} has {errors} error(s); no {what} written",
                dir.display()
            );
            Err(ExitCode::from(rejection_code(&rejected.diagnostics)))
        }
    }
}

fn render(engine: &Engine, dir: &Path, output: &Path, standard: Standard, color: bool) -> ExitCode {
    let prepared = match prepare_or_report(engine, dir, "PDF", color) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // The data files go inside the PDF where the standard allows (not PDF/A-2): `juesuan extract` gets them back.
    let pdf = match engine.pdf_with_sources(&prepared.report, standard, &prepared.data_files) {
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

/// Many documents into a folder (src/batch.rs). Exit code: 2 if any document could not be read or rendered, else
/// 1 if any had data errors, else 0.
fn render_batch(
    engine: &Engine,
    documents: &[batch::Job],
    skipped: &[std::path::PathBuf],
    options: &batch::Options,
) -> ExitCode {
    for dir in skipped {
        eprintln!("note: skipping {}: no document.toml", dir.display());
    }
    let summary = match batch::run(engine, documents, options) {
        Ok(summary) => summary,
        Err(e) => {
            eprintln!("error: {e}");
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
            eprintln!("error: failed: {}", names.join(", "));
            ExitCode::from(code)
        }
        None => ExitCode::SUCCESS,
    }
}

/// `render --emit-json` for one document: the report data the templates read as /data.json, for compiling the
/// templates with the stock Typst CLI.
fn write_report_json(engine: &Engine, dir: &Path, output: &Path, color: bool) -> ExitCode {
    let prepared = match juesuan::prepare_with(dir, engine) {
        Ok(p) => p,
        Err(rejected) => {
            print_diagnostics(&rejected.diagnostics, &rejected.sources, color);
            eprintln!("error: {} has errors; nothing written", dir.display());
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
            eprintln!("error: {e}");
            ExitCode::from(FAILURE)
        }
    }
}

fn check(engine: &Engine, dirs: &[std::path::PathBuf], format: Format, color: bool) -> ExitCode {
    let mut worst = 0u8;
    for dir in dirs {
        let (diagnostics, sources, code) = match juesuan::prepare_with(dir, engine) {
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

fn diff(old: &Path, new: &Path, format: Format) -> ExitCode {
    match juesuan::diff::diff(old, new) {
        Ok(changes) => {
            match format {
                Format::Human => print!("{}", juesuan::diff::render_human(&changes)),
                Format::Json => match serde_json::to_string(&changes) {
                    Ok(json) => println!("{json}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::from(FAILURE);
                    }
                },
            }
            if changes.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(DATA_ERRORS)
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(FAILURE)
        }
    }
}

/// `juesuan new`: 0 when the folder was written, 2 when it could not be (nothing is overwritten), 1 when last
/// year's folder has data errors that keep it from loading.
fn new_document(
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
            eprintln!(
                "error: last year's folder {} cannot be read; nothing written",
                from.map_or(String::new(), |f| f.display().to_string())
            );
            return ExitCode::from(rejection_code(&rejected.diagnostics));
        }
    };
    let written = juesuan::scaffold::scaffold(options, last.as_ref())
        .and_then(|scaffold| Ok((juesuan::scaffold::write(dir, &scaffold)?, scaffold.notes)));
    match written {
        Ok((files, notes)) => {
            for note in &notes {
                eprintln!("note: {note}");
            }
            eprintln!(
                "wrote {} files to {} (the section files, and their schemas in {})",
                files.len(),
                dir.display(),
                juesuan::scaffold::SCHEMA_DIR
            );
            eprintln!(
                "next: fill in the values marked 待填写, then run `juesuan check {}`",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(FAILURE)
        }
    }
}

/// `juesuan schema`: every section's schema into a folder, or all of them as one JSON object on stdout.
fn schema(out: Option<&Path>) -> ExitCode {
    match out {
        Some(dir) => match juesuan::schema::write_all(dir) {
            Ok(written) => {
                eprintln!("wrote {} schemas to {}", written.len(), dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(FAILURE)
            }
        },
        None => {
            let mut all = serde_json::Map::new();
            for spec in juesuan::model::SECTIONS {
                if let Some(schema) = juesuan::schema::section_schema(spec.file) {
                    all.insert(spec.file.to_string(), schema.to_value());
                }
            }
            match serde_json::to_string_pretty(&all) {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(FAILURE)
                }
            }
        }
    }
}

/// `juesuan preview`: checks the data like render, then writes PNG pages.
fn preview(
    engine: &Engine,
    dir: &Path,
    pages: Option<&juesuan::preview::Pages>,
    output: &Path,
    color: bool,
) -> ExitCode {
    let prepared = match prepare_or_report(engine, dir, "preview", color) {
        Ok(p) => p,
        Err(code) => return code,
    };
    match juesuan::preview::preview(engine, &prepared.report, pages, output) {
        Ok(written) => {
            let names: Vec<String> = written
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            let range = match names.as_slice() {
                [] => String::new(),
                [one] => format!(" ({one})"),
                [first, .., last] => format!(" ({first} … {last})"),
            };
            eprintln!(
                "wrote {} page(s) to {}{range}",
                written.len(),
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(FAILURE)
        }
    }
}

/// `juesuan render --watch`: render, then render again after every save, until interrupted. Each render prints
/// its diagnostics; one with errors leaves the last good PDF in place.
fn watch_render(
    engine: &Engine,
    dir: &Path,
    output: &Path,
    standard: Standard,
    color: bool,
) -> ExitCode {
    let mut runs = 0u32;
    juesuan::watch::watch(
        dir,
        juesuan::watch::INTERVAL,
        || {
            if runs > 0 {
                eprintln!("\n── {} changed: rendering again ──", dir.display());
            }
            runs += 1;
            // The outcome is on the terminal already; watching goes on whatever it was.
            let _ = render(engine, dir, output, standard, color);
            eprintln!("watching {} for changes (Ctrl-C to stop)", dir.display());
        },
        || true,
    );
    ExitCode::SUCCESS
}
