//! The `juesuan` command: parse the arguments and dispatch to the command's file in `cmd/`, which calls the library,
//! prints its findings and maps the outcome to an exit code (0 success, 1 data errors, 2 usage, I/O or internal
//! errors).

mod cmd;

use std::io::IsTerminal;
use std::process::ExitCode;

use juesuan::batch;
use juesuan::cli::{Color, Command};

use cmd::{FAILURE, engine_with_fonts};

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

fn main() -> ExitCode {
    // The language once, from the environment (LC_ALL, LC_MESSAGES, LANG): every message after this speaks it.
    juesuan::i18n::set(juesuan::i18n::from_env());
    let cli = juesuan::cli::parse();
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
            final_only,
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
            match batch::plan(&dirs, output.as_deref(), out) {
                Err(e) => {
                    eprintln!("{}", cmd::error(&e));
                    ExitCode::from(FAILURE)
                }
                Ok(batch::Plan::Single { dir, output }) if watch => {
                    cmd::render::watch(&engine, &dir, &output, standard, final_only, color)
                }
                Ok(batch::Plan::Batch { .. }) if watch => {
                    eprintln!("{}", cmd::error(&juesuan::tr!("watch-one-document")));
                    ExitCode::from(FAILURE)
                }
                Ok(batch::Plan::Single { dir, output }) if emit_json => {
                    cmd::render::report_json(&engine, &dir, &output, color)
                }
                Ok(batch::Plan::Single { dir, output }) => {
                    cmd::render::single(&engine, &dir, &output, standard, final_only, color)
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
                        final_only,
                    };
                    cmd::render::many(&engine, &documents, &skipped, &options)
                }
            }
        }
        Command::Check {
            dirs,
            format,
            font_path,
        } => match engine_with_fonts(&font_path) {
            Ok(engine) => cmd::check::run(&engine, &dirs, format, color),
            Err(code) => code,
        },
        Command::Fonts { dir, font_path } => match engine_with_fonts(&font_path) {
            Ok(engine) => cmd::fonts::run(&engine, dir.as_deref(), color),
            Err(code) => code,
        },
        Command::Diff {
            old,
            new,
            format,
            correction,
        } => cmd::diff::run(&old, &new, format, correction),
        Command::Rules => cmd::rules::run(),
        Command::Forms => cmd::forms::run(),
        Command::Extract { pdf, dir } => cmd::extract::run(&pdf, &dir),
        Command::Export { dir, output } => cmd::export::run(&dir, &output, color),
        Command::Fill { dir, dry_run } => cmd::fill::run(&dir, dry_run, color),
        Command::Import {
            workbook,
            output,
            form,
            unit,
            year,
            kind,
            partial,
        } => {
            let options = juesuan::workbook::Options {
                form,
                unit,
                year,
                kind: kind.map(Into::into),
            };
            cmd::import::run(&workbook, &output, &options, partial, color)
        }
        Command::New {
            dir,
            unit,
            year,
            kind,
            from,
            form,
            document,
        } => {
            let options = juesuan::scaffold::Options {
                unit,
                year,
                kind: kind.map(Into::into),
                form,
                document: document.map(Into::into),
                link: None,
            };
            cmd::new::run(&dir, &options, from.as_deref(), color)
        }
        Command::Schema { out, form } => cmd::schema::run(out.as_deref(), form.as_deref()),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            // The descriptions a shell shows beside each command and option, in the user's language.
            clap_complete::generate(shell, &mut juesuan::cli::command(), "juesuan", &mut script);
            cmd::write_stdout(&script)
        }
        Command::Preview {
            dir,
            pages,
            output,
            font_path,
        } => match engine_with_fonts(&font_path) {
            Ok(engine) => cmd::preview::run(&engine, &dir, pages.as_ref(), &output, color),
            Err(code) => code,
        },
    }
}
