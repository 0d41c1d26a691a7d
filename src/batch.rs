//! Many documents at once: `juesuan render <dirs>... -o <folder>`.
//!
//! A finance bureau publishes the 决算 of every unit it oversees in one go, and after a round of corrections must
//! regenerate exactly the documents whose data changed. So:
//!
//! - **Parallel, on plain threads.** N OS threads with 16 MiB stacks pull document indices from one shared counter
//!   and share one [`Engine`] (fonts and parsed templates). Not rayon's global pool: Typst uses rayon inside layout,
//!   and documents run as rayon tasks overflowed the 2 MiB worker stacks (see typst-notes.md). With several
//!   workers each is a rayon pool of one thread (`own_pool`), so a document's layout stays on its worker.
//!   Typst's cache is evicted after every document, when no compile is running ([`crate::render`]).
//! - **Failures stay local.** A document that fails (data errors, a template error, even a panic) is reported with
//!   its diagnostics; the others go on. The caller turns the [`Summary`] into the exit code.
//! - **Incremental.** A manifest in the output folder ([`MANIFEST_NAME`]) records, per document, a SHA-256 of its
//!   inputs: its data files, the chosen standard, and the tool's fingerprint (version, embedded templates, fonts and
//!   forms). A document whose hash is unchanged and whose PDF is still there is skipped.
//!
//! Progress goes to stderr: a bar on a terminal, one plain line per document otherwise, nothing with `-q`.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diag::{self, Diagnostic};
use crate::render::{Engine, FONTS, Standard, TEMPLATES};
use crate::write::write_atomic;

/// The manifest's file name in the output folder. Hidden: it is bookkeeping, not a publication.
pub const MANIFEST_NAME: &str = ".juesuan-manifest.json";

/// Bumped when the manifest's meaning changes, so an old manifest is ignored rather than misread.
const MANIFEST_FORMAT: u32 = 1;

/// Stack of each worker thread. Typst's layout recurses deeply on long tables; 16 MiB is what the notes measured
/// as safe (the 2 MiB default overflowed).
const WORKER_STACK: usize = 16 * 1024 * 1024;

// The engine is shared by reference between the workers: it must stay `Sync`. This fails to compile if a field
// of `Engine` ever stops being shareable.
const _: fn() = || {
    fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<Engine>();
};

/// Errors that stop a batch before or after the documents (a document's own failure never does).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("{}", crate::tr!("batch-into-one-file", count = count, output = output.display()))]
    SeveralIntoOneFile { count: usize, output: PathBuf },
    #[error(
        "{}",
        crate::tr!(
            "batch-duplicate-name",
            name = name,
            first = first.display(),
            second = second.display()
        )
    )]
    DuplicateName {
        name: String,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("{}", crate::tr!("batch-without-output", count = count))]
    SeveralWithoutOutput { count: usize },
    #[error("{}", crate::tr!("batch-ambiguous", output = output.display(), ext = ext))]
    Ambiguous { output: PathBuf, ext: &'static str },
    #[error("{}", crate::tr!("batch-output-folder", path = path.display(), why = source))]
    OutputFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot start a worker thread: {0}")]
    Thread(std::io::Error),
    #[error("cannot encode the manifest: {0}")]
    ManifestEncode(serde_json::Error),
    #[error("cannot write the manifest: {0}")]
    Manifest(#[from] crate::write::WriteError),
}

/// What each document becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The PDF, with the given conformance.
    Pdf(Standard),
    /// The report data exactly as the templates read it as `/data.json` (for compiling the templates with the stock
    /// Typst CLI, e.g. in the benchmark). Not tracked by the manifest.
    Json,
}

impl Output {
    fn extension(self) -> &'static str {
        match self {
            Output::Pdf(_) => "pdf",
            Output::Json => "json",
        }
    }
}

/// One document to render: its data folder and the name its output file takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    pub name: String,
    pub dir: PathBuf,
}

/// How a `render` invocation is carried out.
#[derive(Debug)]
pub enum Plan {
    /// One document into one file: the single-document path (no threads, no manifest), as `render` always did.
    Single { dir: PathBuf, output: PathBuf },
    /// Documents into an output folder, one file each, named after the folder.
    Batch {
        jobs: Vec<Job>,
        output_dir: PathBuf,
        /// Subfolders of a parent folder that were passed over because they hold no `document.toml`.
        skipped: Vec<PathBuf>,
    },
}

/// A folder is a document when it holds `document.toml` (the one section every document has).
fn is_document(dir: &Path) -> bool {
    dir.join("document.toml").is_file()
}

/// Decides between one file and an output folder, and expands parent folders into their documents.
///
/// `-o` names a file when it ends in `.pdf` (`.json` with `--emit-json`) or is an existing file; otherwise it is an
/// output folder. A folder that holds no `document.toml` but has subfolders that do is a parent folder: its
/// document subfolders are rendered, in name order. Any other folder is taken as a document, so that a missing or
/// broken one is reported by the loader with its diagnostics.
pub fn plan(dirs: &[PathBuf], output: Option<&Path>, out: Output) -> Result<Plan, BatchError> {
    let mut jobs = Vec::new();
    let mut skipped = Vec::new();
    for dir in dirs {
        if is_document(dir) {
            jobs.push(job(dir));
            continue;
        }
        let children = subfolders(dir);
        let (mut documents, mut others): (Vec<PathBuf>, Vec<PathBuf>) =
            children.into_iter().partition(|child| is_document(child));
        // A bureau's folder of districts, each a folder of units: documents two levels down are found too.
        if documents.is_empty() {
            let grandchildren: Vec<PathBuf> = others.iter().flat_map(|c| subfolders(c)).collect();
            let (deeper, rest): (Vec<PathBuf>, Vec<PathBuf>) =
                grandchildren.into_iter().partition(|g| is_document(g));
            if !deeper.is_empty() {
                documents = deeper;
                others = rest;
            }
        }
        if documents.is_empty() {
            jobs.push(job(dir));
        } else {
            jobs.extend(documents.iter().map(|d| job(d)));
            skipped.extend(others);
        }
    }
    // Without -o, one document is written beside its folder: data/x → data/x.pdf.
    let Some(output) = output else {
        return match <[Job; 1]>::try_from(jobs) {
            Ok([only]) => {
                let mut file = only.dir.clone().into_os_string();
                file.push(format!(".{}", out.extension()));
                Ok(Plan::Single {
                    dir: only.dir,
                    output: PathBuf::from(file),
                })
            }
            Err(jobs) => Err(BatchError::SeveralWithoutOutput { count: jobs.len() }),
        };
    };
    let names_a_file = output.is_file()
        || (!output.is_dir()
            && output
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(out.extension())));
    // `-o report` for one document is a typo for report.pdf as often as a folder: asked, not guessed. A folder is
    // one that exists, or is written with a trailing slash.
    let says_folder =
        output.is_dir() || output.as_os_str().to_string_lossy().ends_with(['/', '\\']);
    if !names_a_file && !says_folder && jobs.len() == 1 && output.extension().is_none() {
        return Err(BatchError::Ambiguous {
            output: output.to_path_buf(),
            ext: out.extension(),
        });
    }
    if names_a_file {
        return match <[Job; 1]>::try_from(jobs) {
            Ok([only]) => Ok(Plan::Single {
                dir: only.dir,
                output: output.to_path_buf(),
            }),
            Err(jobs) => Err(BatchError::SeveralIntoOneFile {
                count: jobs.len(),
                output: output.to_path_buf(),
            }),
        };
    }
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    for job in &jobs {
        if let Some(first) = seen.insert(&job.name, &job.dir) {
            return Err(BatchError::DuplicateName {
                name: format!("{}.{}", job.name, out.extension()),
                first: first.to_path_buf(),
                second: job.dir.clone(),
            });
        }
    }
    Ok(Plan::Batch {
        jobs,
        output_dir: output.to_path_buf(),
        skipped,
    })
}

fn job(dir: &Path) -> Job {
    // `.` or `data/x/..` have no usable last component of their own: name them after what they resolve to.
    let name = dir
        .file_name()
        .filter(|n| !matches!(n.to_str(), Some(".") | Some("..")))
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            std::fs::canonicalize(dir)
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_else(|| "document".to_string());
    Job {
        name,
        dir: dir.to_path_buf(),
    }
}

/// The non-hidden subfolders of `dir`, sorted by name (empty when `dir` cannot be read).
fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    found
}

/// Where progress goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// A bar on the terminal (stderr).
    Bar,
    /// One plain line per document: for CI logs and pipes, no escape codes.
    Lines,
    /// No progress at all; diagnostics and the summary are still printed.
    Quiet,
}

impl Progress {
    /// The bar on a terminal, plain lines elsewhere, nothing when `quiet`.
    pub fn detect(quiet: bool) -> Self {
        if quiet {
            Progress::Quiet
        } else if std::io::stderr().is_terminal() {
            Progress::Bar
        } else {
            Progress::Lines
        }
    }
}

/// Settings of one batch.
#[derive(Clone, Debug)]
pub struct Options {
    pub output_dir: PathBuf,
    pub output: Output,
    /// Render even documents whose inputs are unchanged.
    pub force: bool,
    /// Worker threads (at least one; never more than there are documents).
    pub workers: usize,
    pub progress: Progress,
    /// Per-document stage timings, and their totals in the summary.
    pub verbose: bool,
    /// Colour in diagnostics.
    pub color: bool,
    /// Refuse drafts (values still marked 待填写): such a document fails with a data error.
    pub final_only: bool,
}

/// Time spent in each stage of one document.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Reading and hashing the data files.
    pub hash: Duration,
    /// Loading, checking and deriving (`juesuan::prepare`).
    pub prepare: Duration,
    /// Typst compile and PDF export.
    pub render: Duration,
    /// Writing the file atomically.
    pub write: Duration,
}

impl Timings {
    fn add(&mut self, other: &Timings) {
        self.hash += other.hash;
        self.prepare += other.prepare;
        self.render += other.render;
        self.write += other.write;
    }

    fn describe(&self) -> String {
        format!(
            "hash {}, prepare {}, render {}, write {}",
            millis(self.hash),
            millis(self.prepare),
            millis(self.render),
            millis(self.write)
        )
    }
}

fn millis(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Why a document failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// The data has errors (exit code 1 in the CLI).
    Data,
    /// The folder could not be read, the output not written, or rendering itself failed (exit code 2).
    Other,
}

/// What happened to one document.
#[derive(Debug)]
enum Outcome {
    Rendered {
        inputs: Option<String>,
        bytes: u64,
        /// Written with the 草稿 mark.
        draft: bool,
    },
    Unchanged,
    Failed(FailureKind),
}

/// One finished document, as a worker reports it to the thread that prints.
#[derive(Debug)]
struct Finished {
    index: usize,
    outcome: Outcome,
    /// Diagnostics and error messages, already rendered (printed whether the document failed or not).
    messages: String,
    timings: Timings,
}

enum Event {
    Started(usize),
    Finished(Finished),
}

/// The end of a batch.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub rendered: usize,
    /// Of those rendered, the drafts (values still marked 待填写, a 草稿 mark on every page).
    pub drafts: usize,
    pub unchanged: usize,
    /// The failed documents' names and why each failed.
    pub failed: Vec<(String, FailureKind)>,
    pub elapsed: Duration,
    pub workers: usize,
    /// Stage times summed over all documents.
    pub timings: Timings,
}

impl Summary {
    /// The summary line: counts, elapsed time and rate.
    pub fn line(&self) -> String {
        let total = self.rendered + self.unchanged + self.failed.len();
        let secs = self.elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            crate::tr!("batch-rate", rate = format!("{:.1}", total as f64 / secs))
        } else {
            String::new()
        };
        let drafts = if self.drafts > 0 {
            // The catalogue cannot start a text with a space.
            format!(" {}", crate::tr!("batch-drafts", drafts = self.drafts))
        } else {
            String::new()
        };
        crate::tr!(
            "batch-summary",
            rendered = self.rendered,
            drafts = drafts,
            unchanged = self.unchanged,
            failed = self.failed.len(),
            total = total,
            secs = format!("{secs:.2}"),
            rate = rate,
            workers = self.workers
        )
    }

    /// The stage times summed over the documents (for `-v`).
    pub fn timings_line(&self) -> String {
        crate::tr!("batch-timings", timings = self.timings.describe())
    }
}

/// A manifest entry: the hash of a document's inputs when its output was written, and the output's size (a
/// truncated or replaced output is rendered again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    inputs: String,
    bytes: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    /// By document name (the output file's stem), sorted so the file diffs well.
    documents: BTreeMap<String, Entry>,
}

impl Manifest {
    /// The manifest of an output folder. A missing, unreadable or foreign manifest is an empty one: it only
    /// caches work, so the worst case is rendering everything again.
    fn read(path: &Path) -> (Manifest, Option<String>) {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Manifest::default(), None);
            }
            Err(e) => {
                return (
                    Manifest::default(),
                    Some(crate::tr!(
                        "line-warning",
                        text = crate::tr!("manifest-unreadable", path = path.display(), why = e)
                    )),
                );
            }
        };
        match serde_json::from_slice::<Manifest>(&bytes) {
            Ok(m) if m.format == MANIFEST_FORMAT => (m, None),
            Ok(_) => (Manifest::default(), None),
            Err(e) => (
                Manifest::default(),
                Some(crate::tr!(
                    "line-warning",
                    text = crate::tr!("manifest-foreign", path = path.display(), why = e)
                )),
            ),
        }
    }
}

/// A SHA-256 over everything that shapes the output besides the data: the version, the templates, fonts and forms
/// built into the binary, and the font files the engine added from `--font-path`. A new release, a changed
/// template or a replaced font makes every document stale.
pub fn tool_fingerprint(engine: &Engine) -> [u8; 32] {
    let mut h = Sha256::new();
    field(&mut h, b"juesuan");
    field(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
    for (path, text) in TEMPLATES {
        field(&mut h, path.as_bytes());
        field(&mut h, text.as_bytes());
    }
    for (name, bytes) in FONTS {
        field(&mut h, name.as_bytes());
        field(&mut h, bytes);
    }
    for (id, text) in crate::form::Form::texts() {
        field(&mut h, id.as_bytes());
        field(&mut h, text.as_bytes());
    }
    for (family, _, file) in engine.font_families() {
        if let Some(file) = file {
            field(&mut h, family.as_bytes());
            field(&mut h, file.as_os_str().as_encoded_bytes());
            // Unreadable now means the font is gone or replaced: hash the error so the documents are rendered again.
            match std::fs::read(&file) {
                Ok(bytes) => field(&mut h, &bytes),
                Err(e) => field(&mut h, e.to_string().as_bytes()),
            }
        }
    }
    h.finalize().into()
}

/// Feeds one length-prefixed field, so that ("ab", "c") and ("a", "bc") hash differently.
fn field(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The hash of one document's inputs: the tool, the output kind, and every non-hidden file of its folder (name and
/// contents, in name order). Files the loader ignores count too: hashing a little too much only costs a re-render.
pub fn input_hash(tool: &[u8; 32], out: Output, dir: &Path) -> std::io::Result<String> {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    files.sort();
    let mut h = Sha256::new();
    field(&mut h, tool);
    field(&mut h, format!("{out:?}").as_bytes());
    for (name, path) in files {
        field(&mut h, name.as_bytes());
        field(&mut h, &std::fs::read(path)?);
    }
    Ok(hex(&h.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// True when a rejected document could not be read at all (rather than having data errors): the CLI's exit code 2.
fn unreadable(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| {
        d.is_error()
            && matches!(
                d.rule,
                crate::rule::Rule::DataFolder | crate::rule::Rule::Io
            )
    })
}

/// With more than one worker, each is the only thread of a rayon pool of its own, so Typst's parallel layout
/// (rayon inside layout) runs on the worker itself instead of the global pool. Otherwise every worker spreads its
/// document over all cores as well: twice as many busy threads as cores, and each document costs more CPU
/// (measured before the cache gate in render.rs, 60 documents on two workers: 29.0–31.8 s of CPU with a pool
/// each, 33.9–34.2 s without). One worker keeps the global pool: it has the cores to itself. `None` (the global
/// pool) if the pool cannot be built.
fn own_pool(workers: usize) -> Option<rayon::ThreadPool> {
    if workers < 2 {
        return None;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .ok()
}

/// Renders every job into `options.output_dir` on `options.workers` threads sharing `engine`, prints progress and
/// diagnostics to stderr, updates the manifest, and returns the counts. Per-document failures are in the summary;
/// an `Err` means the batch itself could not run or its manifest not be written.
pub fn run(engine: &Engine, jobs: &[Job], options: &Options) -> Result<Summary, BatchError> {
    let start = Instant::now();
    std::fs::create_dir_all(&options.output_dir).map_err(|source| BatchError::OutputFolder {
        path: options.output_dir.clone(),
        source,
    })?;
    let tracked = matches!(options.output, Output::Pdf(_));
    let manifest_path = options.output_dir.join(MANIFEST_NAME);
    let (previous, warning) = if tracked {
        Manifest::read(&manifest_path)
    } else {
        (Manifest::default(), None)
    };
    if let Some(warning) = warning {
        eprintln!("{warning}");
    }
    let tool = tracked.then(|| tool_fingerprint(engine));

    let printer = Printer::new(options, jobs.len());
    let mut manifest = Manifest {
        format: MANIFEST_FORMAT,
        documents: previous.documents.clone(),
    };
    let mut summary = Summary::default();
    let next = AtomicUsize::new(0);
    let workers = options.workers.clamp(1, jobs.len().max(1));
    let spawned = std::thread::scope(|scope| -> Result<usize, BatchError> {
        let (tx, rx) = mpsc::channel::<Event>();
        let mut spawned = 0;
        let mut spawn_error = None;
        for worker in 0..workers {
            let tx = tx.clone();
            let (next, previous, tool) = (&next, &previous, tool.as_ref());
            let started = std::thread::Builder::new()
                .name(format!("juesuan-worker-{worker}"))
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, move || {
                    let work = || loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(index) else { break };
                        if tx.send(Event::Started(index)).is_err() {
                            break;
                        }
                        let finished = process_guarded(engine, index, job, options, previous, tool);
                        if tx.send(Event::Finished(finished)).is_err() {
                            break;
                        }
                    };
                    match own_pool(workers) {
                        Some(pool) => pool.install(work),
                        None => work(),
                    }
                });
            match started {
                Ok(_) => spawned += 1,
                // Fewer workers are still workers; only none at all stops the batch.
                Err(e) => {
                    spawn_error = Some(e);
                    break;
                }
            }
        }
        drop(tx);
        if spawned == 0 {
            return Err(BatchError::Thread(
                spawn_error.unwrap_or_else(|| std::io::Error::other("no worker started")),
            ));
        }
        for event in rx {
            match event {
                Event::Started(index) => printer.started(&jobs[index]),
                Event::Finished(finished) => {
                    let job = &jobs[finished.index];
                    summary.timings.add(&finished.timings);
                    match &finished.outcome {
                        Outcome::Rendered {
                            inputs,
                            bytes,
                            draft,
                        } => {
                            summary.rendered += 1;
                            summary.drafts += usize::from(*draft);
                            if let Some(inputs) = inputs {
                                manifest.documents.insert(
                                    job.name.clone(),
                                    Entry {
                                        inputs: inputs.clone(),
                                        bytes: *bytes,
                                    },
                                );
                            }
                        }
                        Outcome::Unchanged => summary.unchanged += 1,
                        Outcome::Failed(kind) => {
                            // Forget the old entry: the file on disk no longer matches the data, so the next run
                            // must try again even if nothing changes.
                            manifest.documents.remove(&job.name);
                            summary.failed.push((job.name.clone(), *kind));
                        }
                    }
                    printer.finished(job, &finished);
                }
            }
        }
        Ok(spawned)
    });
    printer.finish();
    summary.workers = spawned?;
    if tracked {
        let mut text = serde_json::to_vec_pretty(&manifest).map_err(BatchError::ManifestEncode)?;
        text.push(b'\n');
        write_atomic(&manifest_path, &text)?;
    }
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// [`process`], with a panic inside Typst or our code turned into this document's failure instead of the batch's.
fn process_guarded(
    engine: &Engine,
    index: usize,
    job: &Job,
    options: &Options,
    previous: &Manifest,
    tool: Option<&[u8; 32]>,
) -> Finished {
    catch_unwind(AssertUnwindSafe(|| {
        process(engine, index, job, options, previous, tool)
    }))
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Finished {
            index,
            outcome: Outcome::Failed(FailureKind::Other),
            messages: format!(
                "{}\n{}\n",
                crate::tr!(
                    "line-error",
                    text = crate::tr!("batch-internal", dir = job.dir.display(), what = what)
                ),
                crate::tr!("no-output-written")
            ),
            timings: Timings::default(),
        }
    })
}

/// One document: hash, skip if unchanged, else prepare, render and write.
fn process(
    engine: &Engine,
    index: usize,
    job: &Job,
    options: &Options,
    previous: &Manifest,
    tool: Option<&[u8; 32]>,
) -> Finished {
    let mut timings = Timings::default();
    let mut messages = String::new();
    let output = options
        .output_dir
        .join(format!("{}.{}", job.name, options.output.extension()));
    let failed = |kind, messages, timings| Finished {
        index,
        outcome: Outcome::Failed(kind),
        messages,
        timings,
    };

    let clock = Instant::now();
    // A folder that cannot be hashed is rendered anyway: `prepare` then reports why it cannot be read.
    let inputs = tool.and_then(|tool| input_hash(tool, options.output, &job.dir).ok());
    timings.hash = clock.elapsed();
    if !options.force
        && let Some(inputs) = &inputs
        && let Some(entry) = previous.documents.get(&job.name)
        && entry.inputs == *inputs
        && std::fs::metadata(&output).is_ok_and(|m| m.is_file() && m.len() == entry.bytes)
    {
        return Finished {
            index,
            outcome: Outcome::Unchanged,
            messages,
            timings,
        };
    }

    let clock = Instant::now();
    // The engine's fonts decide which family draws each style and which characters have glyphs (--font-path).
    let prepared = crate::prepare_with(&job.dir, engine);
    timings.prepare = clock.elapsed();
    let prepared = match prepared {
        Ok(prepared) => prepared,
        Err(rejected) => {
            for d in &rejected.diagnostics {
                messages.push_str(&d.render(&rejected.sources, options.color));
            }
            let (errors, _) = diag::count(&rejected.diagnostics);
            messages.push_str(&crate::tr!(
                "line-error",
                text = crate::tr!(
                    "rejected",
                    dir = job.dir.display(),
                    errors = errors,
                    what = crate::tr!("what-output")
                )
            ));
            messages.push('\n');
            let kind = if unreadable(&rejected.diagnostics) {
                FailureKind::Other
            } else {
                FailureKind::Data
            };
            return failed(kind, messages, timings);
        }
    };
    for d in &prepared.diagnostics {
        messages.push_str(&d.render(&prepared.sources, options.color));
    }
    if options.final_only && prepared.draft {
        messages.push_str(&crate::tr!(
            "line-error",
            text = crate::tr!("draft-refused-batch", dir = job.dir.display())
        ));
        messages.push('\n');
        return failed(FailureKind::Data, messages, timings);
    }

    let clock = Instant::now();
    let bytes = match options.output {
        // The data files go inside the PDF where the standard allows, exactly as for one document.
        Output::Pdf(standard) => prepared.pdf(engine, standard).map_err(|e| e.to_string()),
        Output::Json => serde_json::to_vec(&prepared.report).map_err(|e| e.to_string()),
    };
    timings.render = clock.elapsed();
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => {
            messages.push_str(&format!(
                "{}\n{}\n",
                crate::tr!("line-error", text = format!("{}: {e}", job.dir.display())),
                crate::tr!("no-output-written")
            ));
            return failed(FailureKind::Other, messages, timings);
        }
    };

    let clock = Instant::now();
    let written = write_atomic(&output, &bytes);
    timings.write = clock.elapsed();
    if let Err(e) = written {
        messages.push_str(&crate::tr!("line-error", text = e));
        messages.push('\n');
        return failed(FailureKind::Other, messages, timings);
    }
    Finished {
        index,
        outcome: Outcome::Rendered {
            inputs,
            bytes: bytes.len() as u64,
            draft: prepared.draft,
        },
        messages,
        timings,
    }
}

/// Prints progress and each document's messages from the one thread that receives the workers' reports, so
/// lines never interleave.
struct Printer {
    mode: Progress,
    verbose: bool,
    bar: Option<ProgressBar>,
    total: usize,
    done: std::cell::Cell<usize>,
}

impl Printer {
    fn new(options: &Options, total: usize) -> Self {
        let bar = (options.progress == Progress::Bar).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} documents, {per_sec}, ETA {eta} {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Printer {
            mode: options.progress,
            verbose: options.verbose,
            bar,
            total,
            done: std::cell::Cell::new(0),
        }
    }

    fn started(&self, job: &Job) {
        if let Some(bar) = &self.bar {
            bar.set_message(job.name.clone());
        }
    }

    fn finished(&self, job: &Job, finished: &Finished) {
        self.done.set(self.done.get() + 1);
        let word = match finished.outcome {
            Outcome::Rendered { .. } => crate::tr!("batch-rendered"),
            Outcome::Unchanged => crate::tr!("batch-unchanged"),
            Outcome::Failed(_) => crate::tr!("batch-failed-word"),
        };
        let mut line = format!(
            "[{:>width$}/{}] {word} {}",
            self.done.get(),
            self.total,
            job.name,
            width = self.total.to_string().len()
        );
        if self.verbose && !matches!(finished.outcome, Outcome::Unchanged) {
            line.push_str(&format!(" ({})", finished.timings.describe()));
        }
        let messages = finished.messages.trim_end();
        match (&self.bar, self.mode) {
            (Some(bar), _) => {
                bar.suspend(|| {
                    if !messages.is_empty() {
                        eprintln!("{messages}");
                    }
                    // On a terminal the bar is the progress; a line per document only when asked for details.
                    if self.verbose {
                        eprintln!("{line}");
                    }
                });
                bar.inc(1);
            }
            (None, Progress::Quiet) => {
                if !messages.is_empty() {
                    eprintln!("{messages}");
                }
            }
            (None, _) => {
                if !messages.is_empty() {
                    eprintln!("{messages}");
                }
                eprintln!("{line}");
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/example-2021")
    }

    /// A copy of the sample document inside `parent`, under `name`.
    fn copy_sample(parent: &Path, name: &str) -> PathBuf {
        let dir = parent.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(example()).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        dir
    }

    const PDF: Output = Output::Pdf(Standard::A2u);

    #[test]
    fn a_pdf_path_and_one_document_is_the_single_document_path() {
        let plan = plan(&[example()], Some(Path::new("out/x.PDF")), PDF).unwrap();
        assert!(matches!(plan, Plan::Single { dir, .. } if dir == example()));
    }

    #[test]
    fn a_path_with_a_trailing_slash_is_an_output_folder() {
        let Plan::Batch {
            jobs, output_dir, ..
        } = plan(&[example()], Some(Path::new("out/")), PDF).unwrap()
        else {
            panic!("expected a batch");
        };
        assert_eq!(output_dir, Path::new("out/"));
        assert_eq!(
            jobs,
            vec![Job {
                name: "example-2021".into(),
                dir: example()
            }]
        );
    }

    #[test]
    fn one_document_into_a_name_without_extension_is_asked_not_guessed() {
        let err = plan(&[example()], Some(Path::new("report")), PDF).unwrap_err();
        assert!(matches!(err, BatchError::Ambiguous { .. }), "{err}");
        assert!(
            err.to_string().contains("write report.pdf for one file"),
            "{err}"
        );
    }

    #[test]
    fn without_output_one_document_is_written_beside_its_folder() {
        let Plan::Single { output, .. } = plan(&[example()], None, PDF).unwrap() else {
            panic!("expected one document");
        };
        let mut expected = example().into_os_string();
        expected.push(".pdf");
        assert_eq!(output, PathBuf::from(expected));
        let parent = tempfile::tempdir().unwrap();
        copy_sample(parent.path(), "a");
        copy_sample(parent.path(), "b");
        let err = plan(&[parent.path().to_path_buf()], None, PDF).unwrap_err();
        assert!(
            matches!(err, BatchError::SeveralWithoutOutput { count: 2 }),
            "{err}"
        );
    }

    #[test]
    fn a_parent_folder_expands_to_its_document_subfolders_in_name_order() {
        let parent = tempfile::tempdir().unwrap();
        let b = copy_sample(parent.path(), "b-unit");
        let a = copy_sample(parent.path(), "a-unit");
        std::fs::create_dir(parent.path().join("notes")).unwrap();
        std::fs::create_dir(parent.path().join(".git")).unwrap();
        let Plan::Batch { jobs, skipped, .. } =
            plan(&[parent.path().to_path_buf()], Some(Path::new("out")), PDF).unwrap()
        else {
            panic!("expected a batch");
        };
        let names: Vec<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
        assert_eq!(names, ["a-unit", "b-unit"]);
        assert_eq!(jobs[0].dir, a);
        assert_eq!(jobs[1].dir, b);
        assert_eq!(skipped, vec![parent.path().join("notes")]);
    }

    #[test]
    fn documents_two_levels_down_are_found() {
        let parent = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(parent.path().join("district-a")).unwrap();
        std::fs::create_dir_all(parent.path().join("district-b")).unwrap();
        copy_sample(&parent.path().join("district-a"), "unit-1");
        copy_sample(&parent.path().join("district-b"), "unit-2");
        let Plan::Batch { jobs, .. } =
            plan(&[parent.path().to_path_buf()], Some(Path::new("out/")), PDF).unwrap()
        else {
            panic!("expected a batch");
        };
        let names: Vec<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
        assert_eq!(names, ["unit-1", "unit-2"]);
    }

    #[test]
    fn several_documents_into_one_pdf_is_refused() {
        let parent = tempfile::tempdir().unwrap();
        copy_sample(parent.path(), "a");
        copy_sample(parent.path(), "b");
        let err = plan(
            &[parent.path().to_path_buf()],
            Some(Path::new("all.pdf")),
            PDF,
        )
        .unwrap_err();
        assert!(
            matches!(err, BatchError::SeveralIntoOneFile { count: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn two_folders_with_the_same_name_are_refused() {
        let one = tempfile::tempdir().unwrap();
        let two = tempfile::tempdir().unwrap();
        let a = copy_sample(one.path(), "same");
        let b = copy_sample(two.path(), "same");
        let err = plan(&[a, b], Some(Path::new("out")), PDF).unwrap_err();
        assert!(err.to_string().contains("same.pdf"), "{err}");
    }

    #[test]
    fn a_folder_that_is_not_a_document_is_kept_for_the_loader_to_report() {
        let empty = tempfile::tempdir().unwrap();
        let plan = plan(&[empty.path().to_path_buf()], Some(Path::new("x.pdf")), PDF).unwrap();
        assert!(matches!(plan, Plan::Single { dir, .. } if dir == empty.path()));
    }

    #[test]
    fn the_input_hash_follows_the_data_the_standard_and_nothing_else() {
        let parent = tempfile::tempdir().unwrap();
        let dir = copy_sample(parent.path(), "doc");
        let tool = tool_fingerprint(&Engine::new());
        let before = input_hash(&tool, PDF, &dir).unwrap();
        assert_eq!(
            before,
            input_hash(&tool, PDF, &dir).unwrap(),
            "the hash is stable"
        );
        // Output written beside the data (hidden files, subfolders) does not count.
        std::fs::write(dir.join(".editor-swap"), b"x").unwrap();
        std::fs::create_dir(dir.join("build")).unwrap();
        assert_eq!(before, input_hash(&tool, PDF, &dir).unwrap());
        assert_ne!(
            before,
            input_hash(&tool, Output::Pdf(Standard::Pdf17), &dir).unwrap()
        );
        assert_ne!(
            before,
            input_hash(&[0; 32], PDF, &dir).unwrap(),
            "the tool counts"
        );
        let path = dir.join("table07.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replacen("reception = 3.85", "reception = 3.86", 1),
        )
        .unwrap();
        assert_ne!(
            before,
            input_hash(&tool, PDF, &dir).unwrap(),
            "one figure counts"
        );
    }

    #[test]
    fn a_font_added_from_a_folder_changes_the_fingerprint() {
        let folder = tempfile::tempdir().unwrap();
        let (name, bytes) = FONTS[0];
        std::fs::write(folder.path().join(name), bytes).unwrap();
        let added = crate::fonts::load_folders(&[folder.path().to_path_buf()]).unwrap();
        let with_added = tool_fingerprint(&Engine::with_added_fonts(added));
        assert_ne!(with_added, tool_fingerprint(&Engine::new()));
        assert_eq!(
            tool_fingerprint(&Engine::new()),
            tool_fingerprint(&Engine::new())
        );
    }

    #[test]
    fn several_workers_each_lay_out_on_their_own_thread_and_one_worker_uses_the_global_pool() {
        assert!(own_pool(1).is_none());
        let pool = own_pool(2).expect("a one-thread pool");
        assert_eq!(pool.current_num_threads(), 1);
        let worker = std::thread::current().id();
        // Typst's parallel layout inside the pool runs on the worker itself, not on another thread.
        let (a, b) = pool.install(|| {
            rayon::join(
                || std::thread::current().id(),
                || std::thread::current().id(),
            )
        });
        assert_eq!((a, b), (worker, worker));
    }

    #[test]
    fn a_corrupt_manifest_is_read_as_empty_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(MANIFEST_NAME);
        std::fs::write(&path, b"{ not json").unwrap();
        let (manifest, warning) = Manifest::read(&path);
        assert!(manifest.documents.is_empty());
        assert!(warning.is_some_and(|w| w.contains("not a juesuan manifest")));
        let (manifest, warning) = Manifest::read(&dir.path().join("missing.json"));
        assert!(manifest.documents.is_empty() && warning.is_none());
    }
}
