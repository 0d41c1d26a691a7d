//! Helpers: run the binary, copy an example folder, read a PDF's text with poppler's pdftotext.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example(name: &str) -> PathBuf {
    root().join("data").join(name)
}

/// The section files a form reads, in the document's order.
pub fn section_files(form: &str) -> Vec<&'static str> {
    juesuan::form::Form::get(form)
        .unwrap_or_else(|| panic!("no form {form}"))
        .sections()
        .into_iter()
        .map(|s| s.file())
        .collect()
}

/// The binary, speaking English whatever the machine's locale: the tests assert English messages, and set
/// another language explicitly (`in_language`).
pub fn binary() -> Command {
    in_language("C")
}

/// The binary with `LANG` set to `lang` and no other locale variable that would override it.
pub fn in_language(lang: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_juesuan"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang);
    command
}

pub fn juesuan(args: &[&str]) -> Output {
    binary()
        .args(args)
        .env("NO_COLOR", "1")
        // from another directory: the binary must not depend on the working directory
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run juesuan")
}

/// Words of serde and Rust that must never reach a user, in any language.
pub const JARGON: &[&str] = &[
    "invalid type",
    "invalid value",
    "expected u32",
    "expected i32",
    "expected u16",
    "unknown field",
    "unknown variant",
    "missing field",
    "invalid length",
];

/// Asserts that `text` holds none of [`JARGON`].
pub fn assert_no_jargon(text: &str) {
    for word in JARGON {
        assert!(!text.contains(word), "\"{word}\" reached the user:\n{text}");
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary copy of an example folder, to break on purpose.
pub fn copy_example(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(example(name)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// Replaces `from` by `to` in one file of a folder (the text must be there).
pub fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn tool(name: &str) -> &'static str {
    static CHECKED: OnceLock<()> = OnceLock::new();
    CHECKED.get_or_init(|| {
        let ok = Command::new("pdftotext").arg("-v").output().is_ok();
        assert!(
            ok,
            "pdftotext is missing: install poppler-utils (.ci/run does)"
        );
    });
    match name {
        "pdftotext" => "pdftotext",
        "pdffonts" => "pdffonts",
        "pdfinfo" => "pdfinfo",
        _ => unreachable!(),
    }
}

/// The text of a PDF in reading order (pdftotext -layout), as a reader would copy it.
pub fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf, "-layout")
}

fn pdftotext(pdf: &Path, mode: &str) -> String {
    let out = Command::new(tool("pdftotext"))
        .args([mode, "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext {mode} failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The same text without page numbers (— 3 —) and with all white space removed, for sentence checks that must not
/// care about line or page breaks.
pub fn squeezed(text: &str) -> String {
    text.lines()
        .filter(|line| {
            let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            !(t.starts_with('—')
                && t.ends_with('—')
                && t.trim_matches('—').chars().all(|c| c.is_ascii_digit()))
        })
        .flat_map(|line| line.chars().filter(|c| !c.is_whitespace()))
        .collect()
}

/// The text in content-stream order (pdftotext -raw): a table cell's lines stay together.
pub fn pdf_text_raw(pdf: &Path) -> String {
    pdftotext(pdf, "-raw")
}

pub fn pdf_tool(name: &str, pdf: &Path) -> String {
    let out = Command::new(tool(name)).arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Renders an example once per test run and returns the PDF's path (tests share it).
pub fn rendered(name: &'static str) -> &'static Path {
    static JINHUA: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    static SAMPLE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    static PUTUO: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    static SWJ_DEPT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    static SWJ_UNIT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    static SFJ_DEPT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    static SFJ_UNIT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let cell = match name {
        "jinhua-hrss-dsc-2020" => &JINHUA,
        "example-2021" => &SAMPLE,
        "putuo-ghzyj-2024" => &PUTUO,
        "yusuan-2025-putuo-swj-dept" => &SWJ_DEPT,
        "yusuan-2025-putuo-swj-unit" => &SWJ_UNIT,
        "yusuan-2026-putuo-sfj-dept" => &SFJ_DEPT,
        "yusuan-2026-putuo-sfj-unit" => &SFJ_UNIT,
        _ => unreachable!(),
    };
    let (_, path) = cell.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("out.pdf");
        let out = juesuan(&[
            "render",
            example(name).to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "render {name} failed:\n{}",
            stderr(&out)
        );
        (dir, pdf)
    });
    path
}
