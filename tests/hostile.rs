//! Hostile and broken input (issue 7): a clear error at the place and nothing written, or a correct PDF — never a
//! panic, a hang, a half-written file, an empty box for a missing glyph, or a file read from outside the data.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use juesuan::derive::wording::Words;
use juesuan::money::Amount;
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::support::*;

const SAMPLE: &str = "example-2021";

/// Renders `dir` into a folder that already holds an edition; asserts the run failed, left that edition as it was
/// and left no other file. Returns stderr.
fn rejected(dir: &Path) -> String {
    let out_dir = tempfile::tempdir().unwrap();
    let pdf = out_dir.path().join("out.pdf");
    std::fs::write(&pdf, b"previous edition").unwrap();
    let out = juesuan(&["render", dir.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(!out.status.success(), "render should fail:\n{err}");
    assert_ne!(
        out.status.code(),
        None,
        "killed by a signal (a panic abort?):\n{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        b"previous edition",
        "the existing PDF was touched"
    );
    let left: Vec<_> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "files left behind: {left:?}");
    err
}

/// Replaces the text `from` (which must be there) by the bytes `to` in one file.
fn replace_bytes(dir: &Path, file: &str, from: &str, to: &[u8]) {
    let path = dir.join(file);
    let text = std::fs::read(&path).unwrap();
    let at = text
        .windows(from.len())
        .position(|w| w == from.as_bytes())
        .unwrap_or_else(|| panic!("{file} does not contain {from:?}"));
    let mut out = text[..at].to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(&text[at + from.len()..]);
    std::fs::write(&path, out).unwrap();
}

fn replace(dir: &Path, file: &str, from: &str, to: &str) {
    replace_bytes(dir, file, from, to.as_bytes());
}

/// `file:line:col` of the first occurrence of `needle` in a file of the folder, as diagnostics print it.
fn place_of(dir: &Path, file: &str, needle: &str) -> String {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {file}"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{file}:{line}:{col}")
}

/// The place of `value` inside the first occurrence of `context` (e.g. a value after its key).
fn place_in(dir: &Path, file: &str, context: &str, value: &str) -> String {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let at = text
        .find(context)
        .unwrap_or_else(|| panic!("{context:?} not in {file}"))
        + context
            .find(value)
            .unwrap_or_else(|| panic!("{value:?} not in {context:?}"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{file}:{line}:{col}")
}

/// 类 rows of 公开05表 as the sample writes them, `n` of them, all with the same (valid-looking) figures.
fn classification_rows(n: usize) -> String {
    let mut rows = String::from("total = { total = 0, basic = 0, project = 0 }\n\nrows = [\n");
    for i in 0..n {
        rows.push_str(&format!(
            "    {{ code = \"{:07}\", name = \"行政运行\", total = 486.52, basic = 486.52, project = 0 }},\n",
            2_010_301 + i
        ));
    }
    rows.push_str("]\n");
    rows
}

struct Case {
    what: &'static str,
    /// Breaks a copy of the sample; returns where the error must point (a path, or `file:line:col`).
    breaks: fn(&Path) -> String,
    /// The diagnostic code expected.
    code: &'static str,
}

const PROCUREMENT_GOODS: &str = "goods = 128.40";

fn goods(dir: &Path, value: &str) -> String {
    let place = place_of(dir, "procurement.toml", "128.40");
    replace(
        dir,
        "procurement.toml",
        PROCUREMENT_GOODS,
        &format!("goods = {value}"),
    );
    place
}

const CASES: &[Case] = &[
    Case {
        what: "invalid UTF-8",
        breaks: |dir| {
            replace_bytes(
                dir,
                "document.toml",
                "\"示例市示例局（示例单位）\"",
                b"\"\xE7\xA4\xBA\xFF\"",
            );
            // the place of the first bad byte: after `unit = "示`
            let text = std::fs::read(dir.join("document.toml")).unwrap();
            let at = text.iter().position(|&b| b == 0xFF).unwrap();
            let before = String::from_utf8_lossy(&text[..at]).into_owned();
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
            format!("document.toml:{line}:{col}")
        },
        code: "invalid-utf8",
    },
    Case {
        what: "a file in GBK",
        breaks: |dir| {
            // "示例" in GBK: CA BE C0 FD
            replace_bytes(
                dir,
                "document.toml",
                "\"示例市示例局（示例单位）\"",
                b"\"\xCA\xBE\xC0\xFD\"",
            );
            "document.toml:".into()
        },
        code: "invalid-utf8",
    },
    Case {
        what: "a file of 50 MB",
        breaks: |dir| {
            let file = std::fs::OpenOptions::new()
                .append(true)
                .open(dir.join("table02.toml"))
                .unwrap();
            file.set_len(50 * 1024 * 1024).unwrap();
            "table02.toml".into()
        },
        code: "file-too-large",
    },
    Case {
        what: "100,000 classification rows (over the size limit)",
        breaks: |dir| {
            std::fs::write(dir.join("table05.toml"), classification_rows(100_000)).unwrap();
            "table05.toml".into()
        },
        code: "file-too-large",
    },
    Case {
        what: "3,000 classification rows (under the size limit, over the row limit)",
        breaks: |dir| {
            std::fs::write(dir.join("table05.toml"), classification_rows(3_000)).unwrap();
            let text = std::fs::read_to_string(dir.join("table05.toml")).unwrap();
            // the first row past the limit of 2,000, at its code
            let line = text.lines().position(|l| l.contains("2012301")).unwrap() + 1;
            format!("table05.toml:{line}:")
        },
        code: "too-many-rows",
    },
    Case {
        what: "a text value of 20,001 characters",
        breaks: |dir| {
            let long = "测".repeat(20_001);
            replace(dir, "overview.toml", "\"办公室\"", &format!("\"{long}\""));
            place_of(dir, "overview.toml", &format!("\"{long}"))
        },
        code: "text-too-long",
    },
    Case {
        what: "300,000 characters of text in all",
        breaks: |dir| {
            let long = format!("\"{}\", ", "测".repeat(19_000));
            replace(
                dir,
                "overview.toml",
                "divisions = [",
                &format!("divisions = [{}", long.repeat(16)),
            );
            "overview.toml".into()
        },
        code: "text-too-long",
    },
    Case {
        what: "an exponent (1e30)",
        breaks: |dir| goods(dir, "1e30"),
        code: "bad-number",
    },
    Case {
        what: "nan",
        breaks: |dir| goods(dir, "nan"),
        code: "bad-number",
    },
    Case {
        what: "inf",
        breaks: |dir| goods(dir, "inf"),
        code: "bad-number",
    },
    Case {
        what: "30 significant digits",
        breaks: |dir| goods(dir, "1234567890123456.78901234567890"),
        code: "bad-number",
    },
    Case {
        what: "a figure written as a string with separators",
        breaks: |dir| goods(dir, "\"1,234.00\""),
        code: "bad-number",
    },
    Case {
        what: "a negative count",
        breaks: |dir| {
            let place = place_in(dir, "three_public.toml", "people = 3", "3");
            replace(dir, "three_public.toml", "people = 3", "people = -3");
            place
        },
        code: "wrong-type",
    },
    Case {
        what: "a year in Chinese numerals",
        breaks: |dir| {
            let place = place_in(dir, "document.toml", "year = 2021", "2021");
            replace(dir, "document.toml", "year = 2021", "year = \"二〇二一\"");
            place
        },
        code: "wrong-type",
    },
    Case {
        what: "a kind that is none of those allowed",
        breaks: |dir| {
            let place = place_in(dir, "document.toml", "kind = \"单位\"", "\"单位\"");
            replace(dir, "document.toml", "kind = \"单位\"", "kind = \"单\"");
            place
        },
        code: "unknown-value",
    },
    Case {
        what: "a negative figure where the form has none",
        breaks: |dir| goods(dir, "-128.40"),
        code: "negative-amount",
    },
    Case {
        what: "an empty unit name",
        breaks: |dir| {
            let place = place_of(dir, "document.toml", "\"示例市示例局（示例单位）\"");
            replace(dir, "document.toml", "\"示例市示例局（示例单位）\"", "\"\"");
            place
        },
        code: "document-facts",
    },
    Case {
        what: "the year 0",
        breaks: |dir| {
            let place = place_in(dir, "document.toml", "year = 2021", "2021");
            replace(dir, "document.toml", "year = 2021", "year = 0");
            place
        },
        code: "document-facts",
    },
    Case {
        what: "the year 99999",
        breaks: |dir| {
            let place = place_in(dir, "document.toml", "year = 2021", "2021");
            replace(dir, "document.toml", "year = 2021", "year = 99999");
            place
        },
        code: "document-facts",
    },
    Case {
        what: "a duplicated code",
        breaks: |dir| {
            let row = "    { code = \"2010301\", name = \"行政运行\", total = 486.52, basic = 486.52, project = 0 },\n";
            replace(dir, "table05.toml", row, &format!("{row}{row}"));
            "table05.toml:".into()
        },
        code: "code-duplicate",
    },
    Case {
        what: "a 项 whose 类 is missing",
        breaks: |dir| {
            let class = "    { code = \"205\", name = \"教育支出\", total = 20.94, basic = 0, project = 20.94 },\n";
            replace(dir, "table05.toml", class, "");
            "table05.toml:".into()
        },
        code: "code-parent",
    },
    Case {
        what: "a section file missing",
        breaks: |dir| {
            std::fs::remove_file(dir.join("glossary.toml")).unwrap();
            "glossary.toml".into()
        },
        code: "missing-section",
    },
    Case {
        what: "a symlink pointing outside the folder",
        breaks: |dir| {
            // a link back to the original: a valid file, but outside the folder
            std::fs::remove_file(dir.join("assets.toml")).unwrap();
            std::os::unix::fs::symlink(
                example(SAMPLE).join("assets.toml"),
                dir.join("assets.toml"),
            )
            .unwrap();
            "assets.toml".into()
        },
        code: "symlink-outside",
    },
    Case {
        what: "a section file that is a folder",
        breaks: |dir| {
            std::fs::remove_file(dir.join("assets.toml")).unwrap();
            std::fs::create_dir(dir.join("assets.toml")).unwrap();
            "assets.toml".into()
        },
        code: "io",
    },
    Case {
        what: "a rare character outside GB2312 in a name",
        breaks: |dir| {
            replace(dir, "overview.toml", "\"办公室\"", "\"王𠀀办公室\"");
            place_of(dir, "overview.toml", "𠀀")
        },
        code: "missing-glyph",
    },
    Case {
        what: "a CJK Extension A character (䶮)",
        breaks: |dir| {
            replace(dir, "overview.toml", "\"计划财务科\"", "\"刘䶮\"");
            place_of(dir, "overview.toml", "䶮")
        },
        code: "missing-glyph",
    },
    Case {
        what: "an emoji",
        breaks: |dir| {
            replace(dir, "overview.toml", "\"信息技术科\"", "\"信息技术科😀\"");
            place_of(dir, "overview.toml", "😀")
        },
        code: "missing-glyph",
    },
];

#[test]
fn broken_input_is_refused_at_its_place_and_nothing_is_written() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = copy_example(SAMPLE);
        let place = (case.breaks)(dir.path());
        let started = Instant::now();
        let err = rejected(dir.path());
        let took = started.elapsed();
        let code = format!("error[{}]", case.code);
        // The same finding in Chinese, and neither with serde's words.
        let zh = in_language("zh_CN.UTF-8")
            .args(["check", dir.path().to_str().unwrap()])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let zh = stderr(&zh);
        assert_no_jargon(&err);
        assert_no_jargon(&zh);
        if !zh.contains(&format!("错误[{}]", case.code)) {
            failures.push(format!("{}: no 错误[{}] in:\n{zh}", case.what, case.code));
        } else if !err.contains(&code) {
            failures.push(format!("{}: no {code} in:\n{err}", case.what));
        } else if !err.contains(&place) {
            failures.push(format!(
                "{}: the message does not name {place}:\n{err}",
                case.what
            ));
        } else if took > Duration::from_secs(30) {
            failures.push(format!("{}: took {took:?}", case.what));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_missing_glyph_names_the_character_its_code_point_and_the_style() {
    let dir = copy_example(SAMPLE);
    replace(dir.path(), "overview.toml", "\"办公室\"", "\"王𠀀办公室\"");
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("“𠀀” (U+20000)"), "{err}");
    assert!(err.contains("正文 仿宋 (FandolFang R)"), "{err}");
    assert!(
        err.contains(&place_of(dir.path(), "overview.toml", "𠀀")),
        "{err}"
    );
}

#[test]
fn a_hundred_thousand_rows_are_refused_in_bounded_time_and_memory() {
    // The densest rows TOML allows still fit under the file size limit: the row limit must catch them, and the
    // run must stay small and quick.
    let dir = copy_example(SAMPLE);
    let mut rows = String::from("total = { total = 0, basic = 0, project = 0 }\nrows = [\n");
    for i in 0..100_000 {
        rows.push_str(&format!("{{code=\"{}\",name=\"\"}},\n", 1_000_000 + i));
    }
    rows.push_str("]\n");
    assert!(rows.len() < 4 * 1024 * 1024);
    std::fs::write(dir.path().join("table05.toml"), rows).unwrap();

    let started = Instant::now();
    let (status, err, peak_kib) = run_measured(&["check", dir.path().to_str().unwrap()]);
    let took = started.elapsed();
    assert_eq!(status, Some(1), "{err}");
    assert!(err.contains("error[too-many-rows]"), "{err}");
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert!(peak_kib < 512 * 1024, "peak memory {peak_kib} KiB");
}

/// Runs the binary and returns its exit code, stderr and peak resident memory (KiB, from wait4's rusage).
// The child is reaped by wait4 (for its rusage), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run_measured(args: &[&str]) -> (Option<i32>, String, i64) {
    let mut child = binary()
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        pipe.read_to_string(&mut text).unwrap();
        text
    });
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value to be filled in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, with pointers to live locals; std does not wait for it afterwards.
    let waited = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(waited, child.id() as libc::pid_t);
    let err = reader.join().unwrap();
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (code, err, usage.ru_maxrss)
}

#[test]
fn minus_zero_is_zero_and_prints_without_a_sign() {
    let dir = copy_example(SAMPLE);
    let row =
        "{ code = \"2010301\", name = \"行政运行\", total = 486.52, basic = 486.52, project = 0 }";
    replace(
        dir.path(),
        "table05.toml",
        row,
        &row.replace("project = 0", "project = -0"),
    );
    let json = dir.path().join("report.json");
    let out = juesuan(&[
        "render",
        dir.path().to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
        "--emit-json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = std::fs::read_to_string(&json).unwrap();
    assert!(!report.contains("-0.00"), "a signed zero was printed");
}

#[test]
fn an_unknown_extra_file_is_a_warning_and_the_document_still_renders() {
    let dir = copy_example(SAMPLE);
    std::fs::write(dir.path().join("tabel05.toml"), "rows = []\n").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let pdf = out_dir.path().join("out.pdf");
    let out = juesuan(&[
        "render",
        dir.path().to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("warning[unknown-file]"), "{err}");
    assert!(err.contains("tabel05.toml"), "{err}");
    assert!(err.contains("did you mean table05.toml?"), "{err}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

/// Text values written as Typst code, each to be printed exactly as written.
const TYPST_CODE: &[&str] = &[
    r#"#read("/etc/passwd")"#,
    r#"#import "/lib/style.typ": *"#,
    r#"#include "/parts/title.typ""#,
    r#"#image("/etc/hostname")"#,
    r#"#panic("boom")"#,
    "```typ #read(\"/etc/passwd\")```",
    "`raw`",
    "<label-x> @label-x",
    "$x^2 + y$",
    r"\u{1F600} \ #[]",
    "*bold* _emph_ = heading // comment /* block */",
    r#"#{ let x = 1; x } #set page(width: 1cm) ]["#,
];

#[test]
fn text_written_as_typst_code_prints_literally_and_reads_nothing() {
    let dir = copy_example(SAMPLE);
    let as_toml = |s: &str| toml::Value::String(s.to_string()).to_string();
    let divisions: Vec<String> = TYPST_CODE[..6].iter().map(|s| as_toml(s)).collect();
    let duties: Vec<String> = TYPST_CODE[6..].iter().map(|s| as_toml(s)).collect();
    replace(
        dir.path(),
        "overview.toml",
        "divisions = [",
        &format!("divisions = [{}, ", divisions.join(", ")),
    );
    replace(
        dir.path(),
        "overview.toml",
        "duties = [",
        &format!("duties = [{}, ", duties.join(", ")),
    );
    let out_dir = tempfile::tempdir().unwrap();
    let pdf = out_dir.path().join("out.pdf");
    let out = juesuan(&[
        "render",
        dir.path().to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squeezed(&pdf_text(&pdf));
    for code in TYPST_CODE {
        assert!(
            text.contains(&squeezed(code)),
            "not printed literally: {code}"
        );
    }
    assert!(!text.contains("root:"), "/etc/passwd was read");
    if let Ok(host) = std::fs::read_to_string("/etc/hostname") {
        let host = host.trim();
        if host.len() >= 8 {
            assert!(!text.contains(host), "/etc/hostname was read");
        }
    }
    // the title page came from the template, once: the included title did not run again
    assert_eq!(
        text.matches("示例市示例局（示例单位）2021年度单位决算")
            .count(),
        1
    );
}

/// The bytes of the sample's files, by name.
fn sample_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(example(SAMPLE))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Prepares the sample with one file's bytes replaced, and renders every finding; must not panic.
fn prepare_with(files: &[(String, Vec<u8>)], which: usize, bytes: &[u8]) -> Vec<&'static str> {
    let target = &files[which % files.len()].0;
    let contents: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, sample)| {
            let b: &[u8] = if name == target { bytes } else { sample };
            (name.as_str(), b)
        })
        .collect();
    let (sources, diagnostics) = match juesuan::prepare_from_memory(Path::new("sample"), &contents)
    {
        Ok(p) => (p.sources, p.diagnostics),
        Err(r) => (r.sources, r.diagnostics),
    };
    for d in &diagnostics {
        let _ = d.render(&sources, false);
    }
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code())
        .collect()
}

#[test]
fn the_sample_prepares_from_memory_as_from_its_folder() {
    let files = sample_files();
    let sample = &files[0].1.clone();
    assert!(prepare_with(&files, 0, sample).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The stand-in for the fuzz target where cargo-fuzz cannot run: random bytes as a section file.
    #[test]
    fn random_bytes_as_a_section_file_are_refused_without_panicking(
        which in 0usize..18,
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let files = sample_files();
        let errors = prepare_with(&files, which, &bytes);
        if std::str::from_utf8(&bytes).is_err() {
            prop_assert!(
                errors.contains(&"invalid-utf8"),
                "{:?}", errors
            );
        }
    }

    /// Random edits of a real section file (a byte changed, inserted or removed): whatever comes out, no panic.
    #[test]
    fn random_edits_of_a_section_file_do_not_panic(
        which in 0usize..18,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        let files = sample_files();
        let mut bytes = files[which % files.len()].1.clone();
        for (at, byte, op) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => {
                    bytes.remove(i);
                }
            }
        }
        let _ = prepare_with(&files, which, &bytes);
    }
}

/// Kills `juesuan render` at different moments and checks the output each time: the old edition or a complete
/// new PDF, never a truncated one.
#[test]
fn killing_a_render_leaves_the_old_file_or_a_complete_new_one() {
    let out_dir = tempfile::tempdir().unwrap();
    let pdf = out_dir.path().join("out.pdf");
    let old = b"%PDF-1.7 previous edition %%EOF".to_vec();
    for delay_ms in [0u64, 2, 5, 10, 20, 40, 80, 120, 160, 200, 300, 500, 800] {
        std::fs::write(&pdf, &old).unwrap();
        let mut child = binary()
            .args(["render", example(SAMPLE).to_str().unwrap(), "-o"])
            .arg(&pdf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        // SIGKILL: no destructor, no clean-up runs
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&pdf).unwrap();
        if now != old {
            assert!(
                complete_pdf(&now),
                "truncated after {delay_ms} ms: {} bytes",
                now.len()
            );
        }
        for entry in std::fs::read_dir(out_dir.path()).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            // a killed run may leave its temporary file (nothing runs on SIGKILL), never another file
            assert!(
                name == "out.pdf" || (name.starts_with(".juesuan-") && name.ends_with(".tmp")),
                "unexpected file {name}"
            );
        }
    }
    // and a run left alone replaces the edition with a complete PDF
    let out = juesuan(&[
        "render",
        example(SAMPLE).to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(complete_pdf(&std::fs::read(&pdf).unwrap()));
}

fn complete_pdf(bytes: &[u8]) -> bool {
    let end = bytes.trim_ascii_end();
    bytes.starts_with(b"%PDF-") && end.ends_with(b"%%EOF") && bytes.len() > 1000
}

// --- Official fonts: --font-path, [fonts] in document.toml, `juesuan fonts` -----------------------------------

/// A folder holding one of the embedded fonts under another file name, as an office's font folder would.
fn font_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let kai = root().join("fonts/FandolKai-Regular.otf");
    std::fs::copy(kai, dir.path().join("kaiti.otf")).unwrap();
    dir
}

#[test]
fn the_style_map_decides_the_fonts_in_the_pdf() {
    let dir = copy_example(SAMPLE);
    let fonts = font_folder();
    let mut document = std::fs::read_to_string(dir.path().join("document.toml")).unwrap();
    document.push_str("\n[fonts]\nbody = \"fandolkai\"\n");
    std::fs::write(dir.path().join("document.toml"), document).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let pdf = out_dir.path().join("out.pdf");
    let out = juesuan(&[
        "render",
        "--font-path",
        fonts.path().to_str().unwrap(),
        dir.path().to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("warning[font-substituted]"), "{err}");
    let used = pdf_tool("pdffonts", &pdf);
    // 正文 and 三级标题 are drawn by Kai now: the templates took the family from the data
    assert!(used.contains("FandolKai"), "{used}");
    assert!(!used.contains("FandolFang"), "{used}");
}

#[test]
fn an_absent_official_font_is_substituted_with_a_warning() {
    let dir = copy_example(SAMPLE);
    let mut document = std::fs::read_to_string(dir.path().join("document.toml")).unwrap();
    document.push_str("\n[fonts]\ntitle = \"方正小标宋简体\"\n");
    std::fs::write(dir.path().join("document.toml"), document).unwrap();
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("warning[font-substituted]"), "{err}");
    assert!(err.contains("“方正小标宋简体” is not available"), "{err}");
    assert!(err.contains("FandolSong"), "{err}");
    assert!(
        err.contains(&place_of(dir.path(), "document.toml", "\"方正小标宋简体\"")),
        "{err}"
    );
}

#[test]
fn fonts_lists_the_families_and_the_style_each_draws() {
    let fonts = font_folder();
    let dir = copy_example(SAMPLE);
    let mut document = std::fs::read_to_string(dir.path().join("document.toml")).unwrap();
    document.push_str("\n[fonts]\nheading1 = \"FandolKai\"\n");
    std::fs::write(dir.path().join("document.toml"), document).unwrap();
    let out = juesuan(&[
        "fonts",
        "--font-path",
        fonts.path().to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = String::from_utf8(out.stdout).unwrap();
    for family in ["FandolSong", "FandolHei", "FandolKai", "FandolFang R"] {
        assert!(listed.contains(family), "{listed}");
    }
    let style = |key: &str| {
        listed
            .lines()
            .find(|l| l.trim_start().starts_with(key))
            .unwrap_or_else(|| panic!("no {key} line in {listed}"))
            .to_string()
    };
    assert!(style("heading1").contains("FandolKai"), "{listed}");
    assert!(style("body").contains("FandolFang R"), "{listed}");
    assert!(style("title").contains("FandolSong Bold"), "{listed}");
}

#[test]
fn a_font_path_that_does_not_exist_is_a_usage_error() {
    let out = juesuan(&[
        "check",
        "--font-path",
        "/no/such/fonts",
        example(SAMPLE).to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("/no/such/fonts"), "{err}");
}

// --- Properties of the derived wording -----------------------------------------------------------------------

/// A figure as the forms carry it: not negative, two decimals, up to 10^12 万元.
fn figure() -> impl Strategy<Value = Amount> {
    prop_oneof![Just(0i64), 0i64..=1_000, 0i64..=100_000_000_000_000,]
        .prop_map(|cents| Amount::new(Decimal::new(cents, 2)))
}

proptest! {
    #[test]
    fn the_change_wording_follows_the_numbers(current in figure(), previous in figure()) {
        let said = Words::default().change(current, previous);
        // a rate or amount is never printed with a sign: the words carry the direction
        prop_assert!(!said.contains('-'), "{}", said);
        prop_assert!(!said.contains('+'), "{}", said);
        prop_assert!(!said.contains('/'), "template residue: {}", said);
        if current == previous {
            prop_assert_eq!(said.as_str(), "持平");
        } else if previous.is_zero() {
            prop_assert_eq!(said, format!("新增{}万元", current.display()));
        } else {
            let diff = (current - previous).abs();
            let rate = diff.share_of(previous).unwrap().display();
            let (more, grow) = if current > previous { ("增加", "增长") } else { ("减少", "下降") };
            prop_assert_eq!(&said, &format!("{more}{}万元，{grow}{rate}", diff.display()));
            // a real change of figures in cents never reads as nothing
            prop_assert!(!said.starts_with("增加0.00万元") && !said.starts_with("减少0.00万元"), "{}", said);
        }
    }

    #[test]
    fn versus_names_the_year_and_says_the_same_as_change(current in figure(), previous in figure(), year in 2000i32..2100) {
        let year = format!("{year}年度");
        let said = Words::default().versus(&year, current, previous);
        prop_assert!(said.starts_with(&format!("与{year}")), "{}", said);
        if current == previous {
            prop_assert_eq!(said, format!("与{year}持平"));
        } else {
            prop_assert_eq!(said, format!("与{year}相比，{}", Words::default().change(current, previous)));
        }
    }
}
