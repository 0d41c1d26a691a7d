//! Benchmark: many documents, three ways.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench            # N = 200
//! cargo run --release --example bench -- 1000 --batch-only                # memory over a long batch
//! cargo run --release --example bench -- 50 --typst ~/.cargo/bin/typst    # a typst binary not on PATH
//! cargo run --release --example bench -- 200 --rounds 3                   # (a) and (c) twice more, alternated
//! cargo run --release --example bench -- 40 --rounds 5 --against OTHER-BINARY  # (a) of this build vs another
//! cargo run --release --example bench -- --watch --against OTHER-BINARY   # render --watch: edit → PDF (bench/watch.rs)
//! ```
//!
//! Generates N documents from `data/example-2021` (unit names varied; every amount of document i multiplied by the
//! same integer 1..=5, so every sum, share and direction of change still holds and `juesuan check` passes), then
//! measures, one after the other on the same machine:
//!
//! - (a) `juesuan render <parent> -o <folder>`: one process, a worker per core;
//! - (b) `juesuan render <dir> -o <file.pdf>` once per document (process start to PDF written);
//! - (c) the stock `typst compile` (typst-cli, if found) once per document, on the same templates with the report
//!   JSON that juesuan feeds them (`render --emit-json`) and the same fonts only.
//!
//! For each: per-document milliseconds (the median process for (b) and (c); wall time / N for (a)), documents per
//! second, and peak RSS (the child's `ru_maxrss` from `wait4`). Then the ratios, and for (a) the RSS sampled over the
//! run (it must stay flat: Typst's caches are evicted after every document), and the incremental re-runs.
//!
//! A shared or throttled machine changes speed from minute to minute (±15 % between runs on the 2-core VM of the
//! README), and (a) and (c) run minutes apart. `--rounds R` runs (a) and (c) R−1 more times, one after the other,
//! and prints each round's ratio and their median: a ratio from neighbours in time.
//!
//! `--against BIN` compares two builds instead: (a) of this build and (a) of BIN on the same documents, R rounds,
//! the order swapped every round (this, BIN; BIN, this; …) so that a slower minute falls on both; it prints each
//! round's ms/doc (wall / N) and CPU ms/doc of both, the medians of their ratios, and whether the two builds wrote
//! the same PDF bytes. (b), (c) and the incremental re-runs are skipped.
//!
//! Uses the release `juesuan` binary beside this example (`target/release/juesuan`): build it first.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rust_decimal::Decimal;

// The edit loop under `render --watch` (`--watch`): a file of its own, not an example of its own.
#[path = "bench/watch.rs"]
mod watch;

/// Keys whose numbers are counts, scores or dates, not amounts in 万元: scaling them would break the data (a score
/// above its weight, a fleet that no longer matches its vehicles).
const NOT_AMOUNTS: &[&str] = &[
    "year",
    "count",
    "groups",
    "people",
    "purchased",
    "fleet",
    "weight",
    "score",
    "first_level_projects",
    "second_level_projects",
    "evaluated_projects",
    "excellent",
    "good",
    "fair",
    "poor",
    "general_equipment_over_500k",
    "special_equipment_over_1m",
];

struct Args {
    documents: usize,
    batch_only: bool,
    typst: Option<PathBuf>,
    keep: Option<PathBuf>,
    rounds: usize,
    against: Option<PathBuf>,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        documents: 200,
        batch_only: false,
        typst: None,
        keep: None,
        rounds: 1,
        against: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--batch-only" => args.batch_only = true,
            "--typst" => args.typst = Some(it.next().ok_or("--typst needs a path")?.into()),
            "--against" => {
                args.against = Some(it.next().ok_or("--against needs a binary")?.into())
            }
            "--keep" => args.keep = Some(it.next().ok_or("--keep needs a folder")?.into()),
            "--rounds" => {
                args.rounds = it
                    .next()
                    .and_then(|r| r.parse().ok())
                    .filter(|r| *r > 0)
                    .ok_or("--rounds needs a number of rounds, at least 1")?
            }
            n => {
                args.documents = n.parse().ok().filter(|n| *n > 0).ok_or(format!(
                    "unknown argument {n:?} (expected N, --batch-only, --typst PATH, --keep DIR, --rounds R, --against BIN)"
                ))?
            }
        }
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let juesuan = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("juesuan")))
        .filter(|p| p.is_file())
        .ok_or("no juesuan binary beside this example: run `cargo build --release` first")?;
    if std::env::args().any(|a| a == "--watch") {
        return watch::run(&juesuan, repo);
    }
    let args = parse_args()?;
    let scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
    let work = match &args.keep {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            dir.clone()
        }
        None => scratch.path().to_path_buf(),
    };
    let n = args.documents;
    let docs = work.join("docs");
    let logs = work.join("logs");
    std::fs::create_dir_all(&logs).map_err(|e| e.to_string())?;

    eprintln!("generating {n} documents in {}", docs.display());
    let dirs = generate(&repo.join("data/example-2021"), &docs, n)?;
    let check = Command::new(&juesuan)
        .arg("check")
        .args(&dirs)
        .output()
        .map_err(|e| e.to_string())?;
    if !check.status.success() {
        return Err(format!(
            "the generated documents do not pass check:\n{}",
            String::from_utf8_lossy(&check.stderr)
        ));
    }

    println!(
        "juesuan benchmark: N = {n} documents (data/example-2021, names varied, amounts x1..x5), {} cores, {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        cpu_model()
    );

    if let Some(other) = &args.against {
        return against(&juesuan, other, &docs, n, &work, args.rounds);
    }

    // (a) one batch process.
    let out_a = work.join("out-a");
    let batch = |extra: &[&str], log: &str| {
        let mut cmd = Command::new(&juesuan);
        cmd.arg("render")
            .arg(&docs)
            .arg("-o")
            .arg(&out_a)
            .arg("-q")
            .args(extra);
        measure(cmd, &logs.join(log), true)
    };
    let a = batch(&["--force"], "a.log")?;
    if !a.ok {
        return Err(format!(
            "the batch failed: see {}",
            logs.join("a.log").display()
        ));
    }
    let a_ms = a.wall.as_secs_f64() * 1e3 / n as f64;
    let a_rate = n as f64 / a.wall.as_secs_f64();
    let mut rows = vec![Row {
        mode: "(a) juesuan batch, 1 process".into(),
        ms: format!("{a_ms:.1} (wall/N)"),
        cpu_ms: a.cpu.as_secs_f64() * 1e3 / n as f64,
        rate: a_rate,
        rss_kib: a.max_rss_kib,
    }];
    let unchanged = batch(&[], "a-unchanged.log")?;
    edit_one_figure(&dirs[n / 2])?;
    let one_changed = batch(&[], "a-one-changed.log")?;

    let mut b_rate = None;
    let mut b_median = None;
    let mut c_result = Err("skipped (--batch-only)".to_string());
    if !args.batch_only {
        // (b) one juesuan process per document.
        let out_b = work.join("out-b");
        std::fs::create_dir_all(&out_b).map_err(|e| e.to_string())?;
        let b = per_process(&dirs, &logs.join("b.log"), |dir, name| {
            let mut cmd = Command::new(&juesuan);
            cmd.arg("render")
                .arg(dir)
                .arg("-o")
                .arg(out_b.join(format!("{name}.pdf")));
            cmd
        })?;
        b_rate = Some(b.rate);
        b_median = Some(b.median_ms);
        rows.push(b.row("(b) juesuan, 1 process/doc"));

        // (c) the stock Typst CLI, one process per document.
        c_result = match find_typst(args.typst.as_deref()) {
            Some((typst, version)) => StockCli::prepare(&juesuan, typst, &docs, &dirs, &work, repo)
                .and_then(|stock| Ok((stock.run(&dirs, &logs)?, version, stock))),
            None => Err("skipped: no `typst` on PATH or in ~/.cargo/bin \
                         (cargo install typst-cli --version 0.15.1, or --typst PATH)"
                .to_string()),
        }
        .map(|(c, version, stock)| {
            rows.push(c.row(&format!("(c) {version}, 1 process/doc")));
            (c, stock)
        })
        .map_err(|e| e.to_string());
    }

    println!();
    println!(
        "{:<36} {:>18} {:>12} {:>8} {:>10}",
        "mode", "ms/doc (median)", "CPU ms/doc", "docs/s", "peak RSS"
    );
    for row in &rows {
        println!(
            "{:<36} {:>18} {:>12.1} {:>8.1} {:>6.1} MiB",
            row.mode,
            row.ms,
            row.cpu_ms,
            row.rate,
            row.rss_kib as f64 / 1024.0
        );
    }
    println!(
        "(CPU ms/doc: user + system time of the process(es) per document, all threads; wall figures depend on"
    );
    println!(" what else the machine is running, CPU figures much less)");
    match &c_result {
        Ok((c, _)) => {
            println!();
            println!("throughput (a)/(c): {:.2}x", a_rate / c.rate);
            if let (Some(b_rate), Some(b_median)) = (b_rate, b_median) {
                println!("throughput (b)/(c): {:.2}x", b_rate / c.rate);
                println!(
                    "one document cold, median process (b) vs (c): {b_median:.1} ms vs {:.1} ms ({:.2}x)",
                    c.median_ms,
                    b_median / c.median_ms
                );
            }
        }
        Err(note) => println!("\n(c) stock typst CLI: {note}"),
    }
    if let (Ok((c, stock)), true) = (&c_result, args.rounds > 1) {
        // Each round: (a) ms/doc (wall / N), (c) ms/doc (wall / N), and their ratio of throughputs.
        let mut rounds = vec![(a_ms, 1e3 / c.rate, a_rate / c.rate)];
        for _ in 1..args.rounds {
            let a = batch(&["--force"], "a.log")?;
            if !a.ok {
                return Err(format!(
                    "the batch failed: see {}",
                    logs.join("a.log").display()
                ));
            }
            let c = stock.run(&dirs, &logs)?;
            let a_rate = n as f64 / a.wall.as_secs_f64();
            rounds.push((1e3 / a_rate, 1e3 / c.rate, a_rate / c.rate));
        }
        println!(
            "throughput (a)/(c) round by round (round 1 is the run above; then (a), then (c); ms/doc as wall / N):"
        );
        for (i, (a_ms, c_ms, ratio)) in rounds.iter().enumerate() {
            println!(
                "  round {}: (a) {a_ms:.1}, (c) {c_ms:.1}: {ratio:.2}x",
                i + 1
            );
        }
        let mut ratios: Vec<f64> = rounds.iter().map(|r| r.2).collect();
        ratios.sort_by(f64::total_cmp);
        let mid = ratios.len() / 2;
        let median = if ratios.len() % 2 == 1 {
            ratios[mid]
        } else {
            (ratios[mid - 1] + ratios[mid]) / 2.0
        };
        println!("  median {median:.2}x");
    }
    if let (Some(b_rate), Some(b_median)) = (b_rate, b_median) {
        println!(
            "throughput (a)/(b): {:.2}x; (b) median {b_median:.1} ms",
            a_rate / b_rate
        );
    }
    println!();
    println!(
        "(a) RSS over the run (MiB, sampled every 20 ms at 10%..100% of the samples): {}",
        a.rss_profile()
    );
    println!(
        "(a) again, nothing changed: {:.0} ms ({}); one figure changed in one document: {:.0} ms ({})",
        unchanged.wall.as_secs_f64() * 1e3,
        summary_of(&logs.join("a-unchanged.log")),
        one_changed.wall.as_secs_f64() * 1e3,
        summary_of(&logs.join("a-one-changed.log")),
    );
    Ok(())
}

struct Row {
    mode: String,
    ms: String,
    cpu_ms: f64,
    rate: f64,
    rss_kib: u64,
}

/// One measured child process.
struct Measured {
    ok: bool,
    wall: Duration,
    /// User plus system CPU time of the child (all its threads).
    cpu: Duration,
    max_rss_kib: u64,
    /// Resident set size samples (KiB), when asked for.
    samples: Vec<u64>,
}

impl Measured {
    fn rss_profile(&self) -> String {
        if self.samples.is_empty() {
            return "no samples".into();
        }
        (1..=10)
            .map(|tenth| {
                let i = (self.samples.len() * tenth / 10).saturating_sub(1);
                format!("{:.0}", self.samples[i] as f64 / 1024.0)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Runs a command to completion, its stderr appended to `log`, and measures wall time and peak RSS.
fn measure(mut cmd: Command, log: &Path, sample: bool) -> Result<Measured, String> {
    let log = File::options()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| e.to_string())?;
    cmd.stdout(Stdio::null()).stderr(log);
    let start = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let done = Arc::new(AtomicBool::new(false));
    let sampler = sample.then(|| {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut samples = Vec::new();
            while !done.load(Ordering::Relaxed) {
                if let Some(kib) = vm_rss_kib(pid) {
                    samples.push(kib);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            samples
        })
    });
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for our own child, whose pid we just got.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    done.store(true, Ordering::Relaxed);
    let samples = sampler.and_then(|s| s.join().ok()).unwrap_or_default();
    // The Child was reaped by wait4 above; dropping it neither waits nor kills.
    drop(child);
    if waited != pid {
        return Err(format!("wait4 failed: {}", std::io::Error::last_os_error()));
    }
    Ok(Measured {
        ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        wall,
        cpu: timeval(usage.ru_utime) + timeval(usage.ru_stime),
        // Linux reports ru_maxrss in KiB.
        max_rss_kib: usage.ru_maxrss as u64,
        samples,
    })
}

fn timeval(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
}

fn vm_rss_kib(pid: libc::pid_t) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Results of running one process per document.
struct PerProcess {
    median_ms: f64,
    cpu_ms: f64,
    rate: f64,
    max_rss_kib: u64,
}

impl PerProcess {
    fn row(&self, mode: &str) -> Row {
        Row {
            mode: mode.into(),
            ms: format!("{:.1}", self.median_ms),
            cpu_ms: self.cpu_ms,
            rate: self.rate,
            rss_kib: self.max_rss_kib,
        }
    }
}

fn per_process(
    dirs: &[PathBuf],
    log: &Path,
    command: impl Fn(&Path, &str) -> Command,
) -> Result<PerProcess, String> {
    let mut times = Vec::with_capacity(dirs.len());
    let mut max_rss_kib = 0;
    let mut cpu = Duration::ZERO;
    let start = Instant::now();
    for dir in dirs {
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        let m = measure(command(dir, &name), log, false)?;
        if !m.ok {
            return Err(format!("{} failed: see {}", dir.display(), log.display()));
        }
        times.push(m.wall.as_secs_f64() * 1e3);
        max_rss_kib = max_rss_kib.max(m.max_rss_kib);
        cpu += m.cpu;
    }
    let total = start.elapsed();
    times.sort_by(f64::total_cmp);
    Ok(PerProcess {
        median_ms: times[times.len() / 2],
        cpu_ms: cpu.as_secs_f64() * 1e3 / dirs.len() as f64,
        rate: dirs.len() as f64 / total.as_secs_f64(),
        max_rss_kib,
    })
}

/// (c): one Typst project root per document (the templates and the report JSON that juesuan feeds them), compiled
/// by the stock `typst compile` with the embedded Fandol fonts only.
struct StockCli {
    typst: PathBuf,
    roots: PathBuf,
    out: PathBuf,
    fonts: PathBuf,
    /// Whether this typst-cli has fonts of its own to leave out (`--ignore-embedded-fonts`).
    embedded_fonts: bool,
}

impl StockCli {
    /// Writes every document's report JSON (`render --emit-json`) into a project root beside the templates.
    fn prepare(
        juesuan: &Path,
        typst: PathBuf,
        docs: &Path,
        dirs: &[PathBuf],
        work: &Path,
        repo: &Path,
    ) -> Result<StockCli, String> {
        let json = work.join("json");
        let emitted = Command::new(juesuan)
            .arg("render")
            .arg(docs)
            .arg("-o")
            .arg(&json)
            .args(["--emit-json", "-q"])
            .output()
            .map_err(|e| e.to_string())?;
        if !emitted.status.success() {
            return Err(format!(
                "render --emit-json failed:\n{}",
                String::from_utf8_lossy(&emitted.stderr)
            ));
        }
        let roots = work.join("roots");
        for dir in dirs {
            let name = dir.file_name().unwrap_or_default().to_string_lossy();
            let root = roots.join(&*name);
            copy_tree(&repo.join("typst-templates"), &root)?;
            std::fs::copy(json.join(format!("{name}.json")), root.join("data.json"))
                .map_err(|e| e.to_string())?;
            // What juesuan serves for a PDF/A-2 document: no data files to attach (render.rs).
            std::fs::write(root.join("attachments.json"), "[]").map_err(|e| e.to_string())?;
        }
        let out = work.join("out-c");
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        // A typst-cli built without its embedded fonts (--no-default-features) has no flag to ignore them.
        let help = Command::new(&typst)
            .args(["compile", "--help"])
            .output()
            .map_err(|e| e.to_string())?;
        let embedded_fonts =
            String::from_utf8_lossy(&help.stdout).contains("--ignore-embedded-fonts");
        Ok(StockCli {
            typst,
            roots,
            out,
            fonts: repo.join("fonts"),
            embedded_fonts,
        })
    }

    fn run(&self, dirs: &[PathBuf], logs: &Path) -> Result<PerProcess, String> {
        per_process(dirs, &logs.join("c.log"), |dir, name| {
            let root = self.roots.join(dir.file_name().unwrap_or_default());
            let mut cmd = Command::new(&self.typst);
            cmd.arg("compile")
                .arg("--root")
                .arg(&root)
                .arg("--font-path")
                .arg(&self.fonts)
                .args(["--ignore-system-fonts", "--pdf-standard", "a-2u"])
                .args(self.embedded_fonts.then_some("--ignore-embedded-fonts"))
                .arg(root.join("main.typ"))
                .arg(self.out.join(format!("{name}.pdf")));
            cmd
        })
    }
}

fn find_typst(given: Option<&Path>) -> Option<(PathBuf, String)> {
    let candidates: Vec<PathBuf> = match given {
        Some(path) => vec![path.to_path_buf()],
        None => {
            let mut c = vec![PathBuf::from("typst")];
            if let Some(home) = std::env::var_os("HOME") {
                c.push(Path::new(&home).join(".cargo/bin/typst"));
            }
            c
        }
    };
    candidates.into_iter().find_map(|typst| {
        let out = Command::new(&typst).arg("--version").output().ok()?;
        out.status.success().then(|| {
            let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
            (typst, version)
        })
    })
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// `--against`: (a) of this build and of `other`, alternated round by round; see the module's documentation.
fn against(
    juesuan: &Path,
    other: &Path,
    docs: &Path,
    n: usize,
    work: &Path,
    rounds: usize,
) -> Result<(), String> {
    let builds = [
        ("this build", juesuan, work.join("out-this")),
        ("against", other, work.join("out-against")),
    ];
    println!(
        "(a) this build {} against {}",
        juesuan.display(),
        other.display()
    );
    // wall[b] and cpu[b]: each round's ms/doc of build b.
    let mut wall = [Vec::new(), Vec::new()];
    let mut cpu = [Vec::new(), Vec::new()];
    for round in 0..rounds {
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for b in order {
            let (_, binary, out) = &builds[b];
            let log = work.join("logs").join(format!("against-{b}.log"));
            let mut cmd = Command::new(binary);
            cmd.arg("render")
                .arg(docs)
                .arg("-o")
                .arg(out)
                .args(["-q", "--force"]);
            let m = measure(cmd, &log, false)?;
            if !m.ok {
                return Err(format!(
                    "{} failed: see {}",
                    binary.display(),
                    log.display()
                ));
            }
            wall[b].push(m.wall.as_secs_f64() * 1e3 / n as f64);
            cpu[b].push(m.cpu.as_secs_f64() * 1e3 / n as f64);
        }
        println!(
            "  round {}: this {:.1} ms/doc ({:.1} CPU), against {:.1} ({:.1} CPU): {:+.1} % wall, {:+.1} % CPU",
            round + 1,
            wall[0][round],
            cpu[0][round],
            wall[1][round],
            cpu[1][round],
            (wall[0][round] / wall[1][round] - 1.0) * 100.0,
            (cpu[0][round] / cpu[1][round] - 1.0) * 100.0,
        );
    }
    let ratio = |v: &[Vec<f64>; 2]| {
        let mut r: Vec<f64> = v[0].iter().zip(&v[1]).map(|(a, b)| a / b).collect();
        r.sort_by(f64::total_cmp);
        let mid = r.len() / 2;
        let median = if r.len() % 2 == 1 {
            r[mid]
        } else {
            (r[mid - 1] + r[mid]) / 2.0
        };
        (median - 1.0) * 100.0
    };
    println!(
        "  median of the rounds' ratios: {:+.1} % wall, {:+.1} % CPU (this build against the other)",
        ratio(&wall),
        ratio(&cpu)
    );
    let mut same = 0;
    let mut differ = Vec::new();
    for entry in std::fs::read_dir(&builds[0].2).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let name = path.file_name().unwrap_or_default();
        let theirs = std::fs::read(builds[1].2.join(name)).ok();
        if theirs == Some(std::fs::read(&path).map_err(|e| e.to_string())?) {
            same += 1;
        } else {
            differ.push(name.to_string_lossy().into_owned());
        }
    }
    differ.sort();
    println!(
        "  PDFs: {same} byte-identical, {} different{}",
        differ.len(),
        differ
            .first()
            .map_or(String::new(), |d| format!(" (first: {d})"))
    );
    Ok(())
}

/// Writes `n` consistent variants of the sample: document i gets its own unit name and every amount times
/// `1 + i % 5`.
fn generate(sample: &Path, docs: &Path, n: usize) -> Result<Vec<PathBuf>, String> {
    if docs.exists() {
        std::fs::remove_dir_all(docs).map_err(|e| e.to_string())?;
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(sample).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        files.push((path.file_name().unwrap_or_default().to_owned(), text));
    }
    let width = n.to_string().len();
    (1..=n)
        .map(|i| {
            let dir = docs.join(format!("unit-{i:0width$}"));
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            let factor = Decimal::from(1 + i % 5);
            for (name, text) in &files {
                let text = text
                    .replace("示例局", &format!("第{i}示例局"))
                    .replace("示例单位", &format!("示例单位{i}"));
                let text = if name == "document.toml" {
                    text
                } else {
                    scale_amounts(&text, factor)
                };
                std::fs::write(dir.join(name), text).map_err(|e| e.to_string())?;
            }
            Ok(dir)
        })
        .collect()
}

/// Multiplies every `key = number` outside strings and comments by `factor`, except the keys in [`NOT_AMOUNTS`].
/// Decimal multiplication keeps the written scale (`45.50 × 3 = 136.50`).
fn scale_amounts(text: &str, factor: Decimal) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        let mut in_string = false;
        let mut key = String::new();
        while let Some(c) = rest.chars().next() {
            if in_string {
                if c == '"' {
                    in_string = false;
                }
                out.push(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
            match c {
                '#' => {
                    out.push_str(rest);
                    rest = "";
                }
                '"' => {
                    in_string = true;
                    key.clear();
                    out.push(c);
                    rest = &rest[1..];
                }
                '=' => {
                    out.push(c);
                    rest = &rest[1..];
                    let spaces = rest.len() - rest.trim_start_matches(' ').len();
                    out.push_str(&rest[..spaces]);
                    rest = &rest[spaces..];
                    let number_len = rest
                        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                        .unwrap_or(rest.len());
                    let number = &rest[..number_len];
                    let followed_ok = rest[number_len..]
                        .chars()
                        .next()
                        .is_none_or(|c| c.is_whitespace() || c == ',' || c == '}' || c == ']');
                    match Decimal::from_str(number) {
                        Ok(value) if followed_ok && !NOT_AMOUNTS.contains(&key.as_str()) => {
                            out.push_str(&(value * factor).to_string());
                            rest = &rest[number_len..];
                        }
                        _ => {}
                    }
                    key.clear();
                }
                c if c.is_ascii_alphanumeric() || c == '_' => {
                    key.push(c);
                    out.push(c);
                    rest = &rest[1..];
                }
                c => {
                    if !c.is_whitespace() {
                        key.clear();
                    }
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
    }
    out
}

/// Changes one last-year figure of one document (a comparison only, so the data stays consistent).
fn edit_one_figure(dir: &Path) -> Result<(), String> {
    let path = dir.join("operating_costs.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let line = text
        .lines()
        .find(|l| l.starts_with("previous = "))
        .ok_or("operating_costs.toml has no `previous = ` line")?;
    let value = Decimal::from_str(line.trim_start_matches("previous = ").trim())
        .map_err(|e| e.to_string())?;
    let edited = text.replacen(
        line,
        &format!("previous = {}", value + Decimal::new(1, 2)),
        1,
    );
    std::fs::write(&path, edited).map_err(|e| e.to_string())
}

/// The batch's summary line from its log.
fn summary_of(log: &Path) -> String {
    std::fs::read_to_string(log)
        .ok()
        .and_then(|t| {
            t.lines()
                .rev()
                .find(|l| l.starts_with("rendered "))
                .map(str::to_string)
        })
        .unwrap_or_default()
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
