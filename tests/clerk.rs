//! A finance clerk's first hour (issue 20): what clerks type gets one message that names the fix.

use crate::support::*;

#[test]
fn what_clerks_type_gets_one_message_with_the_value_to_write() {
    for (file, from, typed, fix) in [
        (
            "three_public.toml",
            "amount = 0.65",
            "amount = ０．６５",
            "write `amount = 0.65`",
        ),
        (
            "three_public.toml",
            "amount = 0.65",
            "amount = 0.65万元",
            "write `amount = 0.65`",
        ),
        (
            "three_public.toml",
            "amount = 0.65",
            "amount = \"0.65\"",
            "write `amount = 0.65`",
        ),
        (
            "three_public.toml",
            "amount = 3.20",
            "amount = 1,003.20",
            "write `amount = 1003.20`",
        ),
        (
            "document.toml",
            "published = 2022-09-15",
            "published = 2022年9月15日",
            "dates are written year-month-day: `published = 2022-09-15`",
        ),
        (
            "document.toml",
            "year = 2021",
            "year ＝ 2021",
            "use the ASCII equals sign `=`, not the full-width `＝`: `year = 2021`",
        ),
    ] {
        let dir = copy_example("example-2021");
        edit(dir.path(), file, from, typed);
        let out = juesuan(&["check", dir.path().to_str().unwrap()]);
        let err = stderr(&out);
        assert_ne!(out.status.code(), Some(0), "{typed}: {err}");
        assert!(err.contains(fix), "{typed}: {err}");
        assert_eq!(err.matches(fix).count(), 1, "said once: {err}");
    }
}

#[test]
fn one_typo_is_blamed_at_the_value_that_would_satisfy_every_failed_sum() {
    // 公开01表's 一般公共预算财政拨款收入 typed 1977.91 for 1967.91: the 收入 sum, 公开04表 and more fail, and
    // each of those errors marks another figure.
    let dir = copy_example("example-2021");
    edit(
        dir.path(),
        "table01.toml",
        "general_budget = 1967.91",
        "general_budget = 1977.91",
    );
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let suspect = err
        .find("error[suspect-value]: 1,967.91 here would satisfy")
        .expect(&err);
    let first_error = err.find("error[").expect("the failed sums");
    assert_eq!(suspect, first_error, "said first: {err}");
    assert!(
        err[suspect..]
            .lines()
            .nth(1)
            .unwrap()
            .contains("table01.toml:8:"),
        "{err}"
    );
}

#[test]
fn notepads_byte_order_mark_is_accepted_and_gbk_is_named() {
    let dir = copy_example("example-2021");
    let path = dir.path().join("overview.toml");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let pdf = dir.path().join("bom.pdf");
    let out = juesuan(&[
        "render",
        dir.path().to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        std::fs::read(rendered("example-2021")).unwrap(),
        "the same document as without the mark"
    );

    // 示例 saved in GBK, as Notepad and WPS save Chinese text by default
    let path = dir.path().join("document.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let gbk = text.replacen("示例", "\u{0}", 1);
    let mut bytes = Vec::new();
    for part in gbk.split('\u{0}').enumerate() {
        if part.0 > 0 {
            bytes.extend([0xCA, 0xBE, 0xC0, 0xFD]);
        }
        bytes.extend(part.1.as_bytes());
    }
    std::fs::write(&path, bytes).unwrap();
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("it looks like GBK/GB18030"), "{err}");
    assert!(err.contains("save it as UTF-8"), "{err}");
}

#[test]
fn render_without_output_writes_beside_the_folder_and_a_bare_name_is_asked_about() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("unit-2021");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(example("example-2021")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let out = juesuan(&["render", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(parent.path().join("unit-2021.pdf").is_file());

    let report = parent.path().join("report");
    let out = juesuan(&[
        "render",
        dir.to_str().unwrap(),
        "-o",
        report.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("names neither a .pdf file nor an existing folder"));
    assert!(!report.exists());
}

#[test]
fn completions_into_a_closed_pipe_and_an_empty_folder_say_little() {
    use std::process::Stdio;
    let mut child = binary()
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // the reader is gone before the script is written, as with `| head` on a slow start
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    let out = juesuan(&["check", empty.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(err.matches("error[").count(), 1, "{err}");
}

#[test]
fn extract_restores_the_schemas_the_files_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("doc");
    let out = juesuan(&[
        "new",
        dir.to_str().unwrap(),
        "--unit",
        "示例市测试局",
        "--year",
        "2021",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = tmp.path().join("a3.pdf");
    let out = juesuan(&[
        "render",
        dir.to_str().unwrap(),
        "--standard",
        "a-3u",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let restored = tmp.path().join("restored");
    let out = juesuan(&["extract", pdf.to_str().unwrap(), restored.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for entry in std::fs::read_dir(&restored).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let schema = text
                .lines()
                .next()
                .unwrap()
                .strip_prefix("#:schema ./")
                .unwrap();
            assert!(
                restored.join(schema).is_file(),
                "{schema} for {}",
                path.display()
            );
        }
    }
}
