//! `bench --watch`: the edit loop. How long from saving a data file to the new PDF on disk, under
//! `juesuan render --watch`, and how the process's memory holds up over a long session.
//!
//! ```sh
//! cargo build --release --examples
//! cargo run --release --example bench -- --watch                                    # this build only
//! cargo run --release --example bench -- --watch --against /tmp/juesuan-main --rounds 3  # alternated with another
//! cargo run --example bench -- --watch --binary target/release/juesuan        # the bench itself needs no --release
//! ```
//!
//! On a copy of `data/jinhua-hrss-dsc-2020`, three kinds of edit, `--edits` of each (20), every one to a value not
//! used before in the session:
//!
//! - text: one reason in explanation.toml (the clerk's usual edit: one sentence of the narrative moves);
//! - figure: 0.01 × i moved from 项 2080108 to 项 2080199 in 公开03表 and 公开05表 (both files saved, every sum
//!   still holds): table cells, the 项's sentences and its completion rate move;
//! - all: every amount of every file doubled, then back (a `git checkout` of another version): nothing is reused.
//!
//! An edit's latency runs from just before the first file is written to the moment `juesuan` prints `wrote` (after
//! the PDF was renamed into place), read from its stderr. A person waits between saves: so does the bench
//! (0.2 s after each render, not measured). With `--against BIN`, each round runs this build's session and then
//! BIN's (the same edits), since a shared machine changes speed from minute to minute; the medians are over all
//! rounds, with each round's beside them. Then a long session of this build alone (`--long`, 500 edits, the three
//! kinds in turn) prints the resident memory after the first render and after the last edit (each read 2 s after
//! the render, once the allocator has returned what it freed) and the peak.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use rust_decimal::Decimal;

const SEED: &str = "data/jinhua-hrss-dsc-2020";
/// The reason the text edit changes (the 项 2080199's, in explanation.toml).
const REASON: &str = "因单位合并后，原劳动能力鉴定中心两个专项的资金划拨至社保中心";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Figure,
    All,
}

const KINDS: [Kind; 3] = [Kind::Text, Kind::Figure, Kind::All];

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Figure => "figure",
            Kind::All => "all",
        }
    }
}

struct Args {
    edits: usize,
    long: usize,
    rounds: usize,
    against: Option<PathBuf>,
    binary: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        edits: 20,
        long: 500,
        rounds: 1,
        against: None,
        binary: None,
    };
    let mut it = std::env::args().skip(1).filter(|a| a != "--watch");
    let number = |value: Option<String>, flag: &str| {
        value
            .and_then(|v| v.parse().ok())
            .ok_or(format!("{flag} needs a number"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--edits" => args.edits = number(it.next(), "--edits")?,
            "--long" => args.long = number(it.next(), "--long")?,
            "--rounds" => args.rounds = number(it.next(), "--rounds")?,
            "--against" => args.against = Some(it.next().ok_or("--against needs a binary")?.into()),
            "--binary" => args.binary = Some(it.next().ok_or("--binary needs a binary")?.into()),
            other => {
                return Err(format!(
                    "unknown argument {other:?} (--watch takes --edits N, --long N, --rounds R, --against BIN, \
                     --binary BIN)"
                ));
            }
        }
    }
    if args.edits == 0 || args.rounds == 0 {
        return Err("--edits and --rounds must be at least 1".into());
    }
    Ok(args)
}

pub fn run(juesuan: &Path, repo: &Path) -> Result<(), String> {
    let args = parse_args()?;
    let juesuan = args.binary.as_deref().unwrap_or(juesuan);
    let scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
    let seed = repo.join(SEED);
    let mut builds = vec![("this build".to_string(), juesuan.to_path_buf())];
    if let Some(other) = &args.against {
        builds.push((other.display().to_string(), other.clone()));
    }
    println!(
        "juesuan render --watch: edit → PDF on disk, {SEED} ({} edits of each kind a round, {} round(s)), {} cores, {}",
        args.edits,
        args.rounds,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        crate::cpu_model()
    );
    // latencies[build][kind]: every edit's, in ms; per_round[build][kind]: each round's median.
    let mut latencies = vec![vec![Vec::new(); KINDS.len()]; builds.len()];
    let mut per_round = vec![vec![Vec::new(); KINDS.len()]; builds.len()];
    for round in 1..=args.rounds {
        for (b, (name, binary)) in builds.iter().enumerate() {
            let data = scratch.path().join(format!("round{round}-build{b}"));
            let mut session = Session::start(binary, &seed, &data)?;
            let mut editor = Editor::new(&data)?;
            eprint!("round {round}, {name}:");
            for (k, kind) in KINDS.iter().enumerate() {
                let mut times = Vec::new();
                for _ in 0..args.edits {
                    times.push(session.edit(|| editor.edit(*kind))?);
                }
                eprint!(" {} {:.0} ms", kind.name(), median(&times));
                per_round[b][k].push(median(&times));
                latencies[b][k].extend(times);
            }
            eprintln!(
                " (RSS after the first render {:.0} MiB)",
                session.first_rss_kib as f64 / 1024.0
            );
        }
    }
    println!();
    println!(
        "{:<40} {:>8} {:>8} {:>8}   each round's median",
        "median ms (min–max)", "text", "figure", "all"
    );
    for (b, (name, _)) in builds.iter().enumerate() {
        let cells: Vec<String> = (0..KINDS.len())
            .map(|k| format!("{:.0}", median(&latencies[b][k])))
            .collect();
        let rounds: Vec<String> = (0..KINDS.len())
            .map(|k| {
                let r: Vec<String> = per_round[b][k].iter().map(|m| format!("{m:.0}")).collect();
                format!("{} {}", KINDS[k].name(), r.join("/"))
            })
            .collect();
        println!(
            "{:<40} {:>8} {:>8} {:>8}   {}",
            name,
            cells[0],
            cells[1],
            cells[2],
            rounds.join(", ")
        );
        let ranges: Vec<String> = (0..KINDS.len())
            .map(|k| {
                let (lo, hi) = range(&latencies[b][k]);
                format!("{lo:.0}–{hi:.0}")
            })
            .collect();
        println!(
            "{:<40} {:>8} {:>8} {:>8}",
            "", ranges[0], ranges[1], ranges[2]
        );
    }

    if args.long > 0 {
        let data = scratch.path().join("long");
        let mut session = Session::start(juesuan, &seed, &data)?;
        let mut editor = Editor::new(&data)?;
        std::thread::sleep(Duration::from_secs(2));
        let first = session.rss_kib()?;
        let start = Instant::now();
        let mut at_tenths = Vec::new();
        for i in 0..args.long {
            session.edit(|| editor.edit(KINDS[i % KINDS.len()]))?;
            if (i + 1) % (args.long / 10).max(1) == 0 {
                at_tenths.push(format!("{:.0}", session.rss_kib()? as f64 / 1024.0));
            }
        }
        let took = start.elapsed();
        std::thread::sleep(Duration::from_secs(2));
        let last = session.rss_kib()?;
        let peak = session.peak_rss_kib()?;
        println!();
        println!(
            "this build, {} edits in a row (text, figure, all in turn; {:.0} s): RSS {:.0} MiB 2 s after the first render, \
             {:.0} MiB 2 s after the last ({:.2}x); peak {:.0} MiB ({:.2}x); right after each tenth: {}",
            args.long,
            took.as_secs_f64(),
            first as f64 / 1024.0,
            last as f64 / 1024.0,
            last as f64 / first as f64,
            peak as f64 / 1024.0,
            peak as f64 / first as f64,
            at_tenths.join(" ")
        );
    }
    Ok(())
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    }
}

fn range(values: &[f64]) -> (f64, f64) {
    values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        })
}

/// One `juesuan render --watch` process on its own copy of the seed, its stderr read line by line as it comes.
struct Session {
    child: Child,
    lines: Receiver<(Instant, String)>,
    /// Everything it printed so far, for the message when something goes wrong.
    log: String,
    first_rss_kib: u64,
}

impl Session {
    fn start(binary: &Path, seed: &Path, data: &Path) -> Result<Session, String> {
        crate::copy_tree(seed, data)?;
        let mut child = Command::new(binary)
            .arg("render")
            .arg(data)
            .arg("-o")
            .arg(data.with_extension("pdf"))
            .arg("--watch")
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send((Instant::now(), line)).is_err() {
                    break;
                }
            }
        });
        let mut session = Session {
            child,
            lines,
            log: String::new(),
            first_rss_kib: 0,
        };
        session.rendered()?;
        session.first_rss_kib = session.rss_kib()?;
        Ok(session)
    }

    /// Waits for the next render to be written and for the process to go back to watching; the time `wrote` came.
    fn rendered(&mut self) -> Result<Instant, String> {
        let mut wrote = None;
        loop {
            let (at, line) = self
                .lines
                .recv_timeout(Duration::from_secs(120))
                .map_err(|_| format!("no render within two minutes:\n{}", self.log))?;
            self.log.push_str(&line);
            self.log.push('\n');
            if line.contains("no PDF written") {
                return Err(format!("a render failed:\n{}", self.log));
            }
            if line.starts_with("wrote ") {
                wrote = Some(at);
            }
            if let (Some(at), true) = (wrote, line.starts_with("watching ")) {
                return Ok(at);
            }
        }
    }

    /// Makes one edit and returns the milliseconds from its start to the PDF written.
    fn edit(&mut self, edit: impl FnOnce() -> Result<(), String>) -> Result<f64, String> {
        std::thread::sleep(Duration::from_millis(200));
        let start = Instant::now();
        edit()?;
        let wrote = self.rendered()?;
        Ok(wrote.duration_since(start).as_secs_f64() * 1e3)
    }

    fn status_kib(&self, field: &str) -> Result<u64, String> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .map_err(|e| e.to_string())?;
        status
            .lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kib| kib.parse().ok())
            .ok_or(format!("no {field} in /proc/<pid>/status"))
    }

    fn rss_kib(&self) -> Result<u64, String> {
        self.status_kib("VmRSS:")
    }

    fn peak_rss_kib(&self) -> Result<u64, String> {
        self.status_kib("VmHWM:")
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The data files as the seed has them and the edits made so far: each edit writes the files it changes from the
/// seed's text with every edit so far applied, so the folder always passes `check`.
struct Editor {
    dir: PathBuf,
    /// Every file but document.toml (no amounts), by name.
    seed: Vec<(String, String)>,
    /// Text edits so far: the reason reads "…（第n稿）".
    drafts: usize,
    /// Figure edits so far: 0.01 × n moved from 2080108 to 2080199.
    moved: i64,
    /// All-files edits so far: every amount doubled when odd.
    scalings: usize,
}

impl Editor {
    fn new(dir: &Path) -> Result<Editor, String> {
        let mut seed = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if name != "document.toml" {
                seed.push((
                    name,
                    std::fs::read_to_string(&path).map_err(|e| e.to_string())?,
                ));
            }
        }
        let editor = Editor {
            dir: dir.to_path_buf(),
            seed,
            drafts: 1,
            moved: 1,
            scalings: 0,
        };
        // Every edit must find its place in the seed.
        for (name, text) in &editor.seed {
            editor.text_of(name, text)?;
        }
        Ok(Editor {
            drafts: 0,
            moved: 0,
            ..editor
        })
    }

    /// The file `name` with every edit so far applied to the seed's `text`.
    fn text_of(&self, name: &str, text: &str) -> Result<String, String> {
        let mut text = text.to_string();
        if name == "explanation.toml" && self.drafts > 0 {
            if !text.contains(REASON) {
                return Err(format!("explanation.toml no longer says {REASON:?}"));
            }
            text = text.replacen(REASON, &format!("{REASON}（第{}稿）", self.drafts), 1);
        }
        if (name == "table03.toml" || name == "table05.toml") && self.moved > 0 {
            let moved = Decimal::new(self.moved, 2);
            let from = Decimal::new(75012, 2) - moved;
            let to = Decimal::new(11432, 2) + moved;
            text = replace_after(
                &text,
                "code = \"2080108\"",
                "total = 750.12",
                &format!("total = {from}"),
            )
            .and_then(|t| {
                replace_after(
                    &t,
                    "code = \"2080199\"",
                    "total = 114.32",
                    &format!("total = {to}"),
                )
            })
            .ok_or(format!("{name}: the 2080108 and 2080199 lines have moved"))?;
        }
        if self.scalings % 2 == 1 {
            text = crate::scale_amounts(&text, Decimal::from(2));
        }
        Ok(text)
    }

    fn edit(&mut self, kind: Kind) -> Result<(), String> {
        let changed: &[&str] = match kind {
            Kind::Text => {
                self.drafts += 1;
                &["explanation.toml"]
            }
            Kind::Figure => {
                self.moved += 1;
                &["table03.toml", "table05.toml"]
            }
            Kind::All => {
                self.scalings += 1;
                &[]
            }
        };
        for (name, text) in &self.seed {
            if kind == Kind::All || changed.contains(&name.as_str()) {
                let edited = self.text_of(name, text)?;
                std::fs::write(self.dir.join(name), edited).map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }
}

/// `text` with the first `from` after the first `marker` replaced by `to`.
fn replace_after(text: &str, marker: &str, from: &str, to: &str) -> Option<String> {
    let start = text.find(marker)?;
    let at = start + text[start..].find(from)?;
    Some(format!("{}{to}{}", &text[..at], &text[at + from.len()..]))
}
