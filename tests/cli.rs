//! The command line on broken data: a clear message at the place, a non-zero exit, and no PDF written.

use crate::support::*;

/// Runs render on a folder into a path that already holds a file; asserts it failed and left the file alone.
fn render_fails(dir: &std::path::Path) -> String {
    let out_dir = tempfile::tempdir().unwrap();
    let pdf = out_dir.path().join("out.pdf");
    std::fs::write(&pdf, b"previous edition").unwrap();
    let out = juesuan(&["render", dir.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert!(!out.status.success(), "render should fail");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        b"previous edition",
        "the existing PDF was touched"
    );
    assert_eq!(
        std::fs::read_dir(out_dir.path()).unwrap().count(),
        1,
        "a temporary file was left behind"
    );
    stderr(&out)
}

#[test]
fn a_missing_section_file_is_named() {
    let dir = copy_example("jinhua-hrss-dsc-2020");
    std::fs::remove_file(dir.path().join("procurement.toml")).unwrap();
    let err = render_fails(dir.path());
    assert!(err.contains("error[missing-section]"), "{err}");
    assert!(err.contains("procurement.toml"), "{err}");
}

#[test]
fn a_toml_syntax_error_points_at_line_and_column() {
    let dir = copy_example("jinhua-hrss-dsc-2020");
    edit(
        dir.path(),
        "procurement.toml",
        "goods = 100.8",
        "goods = = 100.8",
    );
    let err = render_fails(dir.path());
    assert!(err.contains("error[toml-syntax]"), "{err}");
    let line = std::fs::read_to_string(dir.path().join("procurement.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("goods = ="))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("procurement.toml:{line}:")), "{err}");
}

#[test]
fn an_unknown_key_suggests_the_right_one() {
    let dir = copy_example("jinhua-hrss-dsc-2020");
    edit(
        dir.path(),
        "procurement.toml",
        "goods = 100.8",
        "godos = 100.8",
    );
    let err = render_fails(dir.path());
    assert!(err.contains("error[unknown-key]"), "{err}");
    assert!(err.contains("did you mean `goods`?"), "{err}");
}

#[test]
fn a_wrong_type_is_reported_at_the_value() {
    let dir = copy_example("jinhua-hrss-dsc-2020");
    edit(
        dir.path(),
        "document.toml",
        "year = 2020",
        "year = \"二〇二〇\"",
    );
    let err = render_fails(dir.path());
    assert!(err.contains("error[wrong-type]"), "{err}");
    assert!(err.contains("document.toml:"), "{err}");
}

#[test]
fn a_quoted_amount_is_refused() {
    let dir = copy_example("jinhua-hrss-dsc-2020");
    edit(
        dir.path(),
        "procurement.toml",
        "goods = 100.8",
        "goods = \"1,234.00\"",
    );
    let err = render_fails(dir.path());
    assert!(err.contains("error[bad-number]"), "{err}");
}

#[test]
fn a_broken_identity_is_an_error_and_nothing_is_written() {
    let dir = copy_example("jinhua-hrss-dsc-2020");
    edit(
        dir.path(),
        "table07.toml",
        "reception = 0.23",
        "reception = 1.23",
    );
    let err = render_fails(dir.path());
    assert!(err.contains("error[sum-mismatch]"), "{err}");
}

#[test]
fn check_passes_both_examples_with_the_known_rounding_warning() {
    let out = juesuan(&[
        "check",
        example("jinhua-hrss-dsc-2020").to_str().unwrap(),
        example("example-2021").to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("warning[rounding]"), "{err}");
    assert!(
        err.contains("example-2021: 0 error(s), 0 warning(s)"),
        "{err}"
    );
}

#[test]
fn check_json_prints_one_object_per_finding() {
    let out = juesuan(&[
        "check",
        "--format",
        "json",
        example("jinhua-hrss-dsc-2020").to_str().unwrap(),
    ]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["code"].is_string());
        assert!(v["primary"]["line"].is_number(), "{line}");
    }
}

// Text written as Typst code printing literally: tests/hostile.rs (every kind of markup and code, one render).

#[test]
fn diff_lists_changed_figures_and_the_sentences_they_change() {
    let old = example("jinhua-hrss-dsc-2020");
    let same = juesuan(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&same.stdout), "no differences\n");

    let new = copy_example("jinhua-hrss-dsc-2020");
    edit(
        new.path(),
        "procurement.toml",
        "goods = 100.8",
        "goods = 110.8",
    );
    edit(
        new.path(),
        "procurement.toml",
        "services = 440.4",
        "services = 430.4",
    );
    let out = juesuan(&["diff", old.to_str().unwrap(), new.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("procurement.toml goods: 100.80 → 110.80"),
        "{text}"
    );
    assert!(text.contains("（十一）政府采购支出说明"), "{text}");
    assert!(
        text.contains("+ 2020年度政府采购支出总额541.20万元，其中：政府采购货物支出【110.80】万元"),
        "{text}"
    );

    let json = juesuan(&[
        "diff",
        "--format",
        "json",
        old.to_str().unwrap(),
        new.path().to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["values"].as_array().unwrap().len(), 2);
    assert_eq!(v["sentences"].as_array().unwrap().len(), 1);

    // The same correction as a 更正说明 draft: what was published, each change 原为 … 更正为 …, the sentence.
    let notice = juesuan(&[
        "diff",
        "--correction",
        old.to_str().unwrap(),
        new.path().to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&notice.stdout);
    assert_eq!(notice.status.code(), Some(1), "{}", stderr(&notice));
    let title = "金华市人力资源和社会保障数据安全管理中心2020年度单位决算";
    assert!(
        text.starts_with(&format!("关于《{title}》的更正说明\n")),
        "{text}"
    );
    assert!(text.contains("于2021年9月30日公开的《"), "{text}");
    assert!(
        text.contains("\n一、procurement.toml goods：原为100.80，更正为110.80。\n"),
        "{text}"
    );
    assert!(text.contains("\n三、正文相应更正：\n（一）（十一）政府采购支出说明中“2020年度政府采购支出总额541.20万元"), "{text}");
    assert!(
        text.contains(
            "”更正为“2020年度政府采购支出总额541.20万元，其中：政府采购货物支出110.80万元"
        ),
        "{text}"
    );
    // The published date did not move: the day of the correction is the unit's to write.
    assert!(
        text.ends_with("\n金华市人力资源和社会保障数据安全管理中心\n待填写：更正日期\n"),
        "{text}"
    );
}

#[test]
fn diff_names_a_table_figure_as_the_document_prints_it() {
    let new = copy_example("example-2021");
    edit(new.path(), "table07.toml", "total = 51.00", "total = 51.50");
    edit(
        new.path(),
        "table07.toml",
        "reception = 6.00",
        "reception = 6.50",
    );
    let out = juesuan(&[
        "diff",
        example("example-2021").to_str().unwrap(),
        new.path().to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(
        text.contains("  公开07表 预算数 公务接待费: 6.00 → 6.50"),
        "{text}"
    );
}

/// Runs `args` with `LANG=lang`; stdout and stderr together.
fn run_in_language(lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = in_language(lang)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

#[test]
fn check_speaks_chinese_under_a_chinese_locale_and_english_otherwise() {
    let dir = copy_example("example-2021");
    edit(dir.path(), "three_public.toml", "people = 3", "people = -3");
    edit(dir.path(), "procurement.toml", "goods = ", "godos = ");
    let path = dir.path().to_str().unwrap();
    let check = |lang: &str, phrases: &[&str]| {
        let (code, text) = run_in_language(lang, &["check", path]);
        assert_eq!(code, Some(1), "{text}");
        for phrase in phrases {
            assert!(text.contains(phrase), "no {phrase:?} in:\n{text}");
        }
        text
    };
    let zh = check(
        "zh_CN.UTF-8",
        &[
            "错误[wrong-type]: 人次应为不小于 0 的整数——实际是 -3",
            "错误[unknown-key]: 未知的键 `godos`",
            "= 是不是 `goods`？",
            "：2 个错误，0 个警告",
        ],
    );
    let en = check(
        "C",
        &[
            "error[wrong-type]: 人次 must be a whole number ≥ 0 — found -3",
            "error[unknown-key]: unknown key `godos`",
            "= did you mean `goods`?",
            ": 2 error(s), 0 warning(s)",
        ],
    );
    for text in [&zh, &en] {
        assert_no_jargon(text);
        // the keys allowed are listed once
        assert_eq!(
            text.matches("reserved_small_micro_awarded").count(),
            1,
            "{text}"
        );
    }
    // LC_ALL decides over LANG, as POSIX has it
    let out = in_language("zh_CN.UTF-8")
        .env("LC_ALL", "C")
        .args(["check", path])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("error[unknown-key]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_sum_and_the_summary_of_render_speak_chinese() {
    let dir = copy_example("jinhua-hrss-dsc-2020");
    edit(
        dir.path(),
        "table07.toml",
        "reception = 0.23",
        "reception = 1.23",
    );
    let out_dir = tempfile::tempdir().unwrap();
    let pdf = out_dir.path().join("out.pdf");
    let (code, zh) = run_in_language(
        "zh_CN.UTF-8",
        &[
            "render",
            dir.path().to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1), "{zh}");
    assert!(zh.contains("错误[sum-mismatch]: 公开07表 "), "{zh}");
    assert!(zh.contains(" 不等于 "), "{zh}");
    assert!(zh.contains("= 应为 "), "{zh}");
    assert!(zh.contains("个错误；未写入PDF"), "{zh}");
    assert!(!pdf.exists());
}

#[test]
fn rules_and_help_speak_chinese() {
    let (_, rules) = run_in_language("zh_CN.UTF-8", &["rules"]);
    assert!(
        rules.contains("sum-mismatch       错误    检查  合计等于各部分之和"),
        "{rules}"
    );
    let (_, rules) = run_in_language("C", &["rules"]);
    assert!(
        rules.contains("sum-mismatch       error   check a total equals the sum of its parts"),
        "{rules}"
    );
    let (code, help) = run_in_language("zh_CN.UTF-8", &["--help"]);
    assert_eq!(code, Some(0));
    assert!(help.contains("用法：juesuan"), "{help}");
    assert!(
        help.contains("check        检查一个或多个数据文件夹"),
        "{help}"
    );
    let (_, help) = run_in_language("zh_CN.UTF-8", &["render", "--help"]);
    assert!(
        help.contains("写到哪里：一份文档时为以 .pdf 结尾的文件"),
        "{help}"
    );
    assert!(help.contains("显示帮助"), "{help}");
    let (_, help) = run_in_language("C", &["render", "--help"]);
    assert!(
        help.contains("Where to write: a file ending in .pdf"),
        "{help}"
    );
}

#[test]
fn every_help_text_has_its_chinese() {
    // Each about and argument help of the command line is in locales/zh.ftl: a new option cannot stay English.
    fn walk(command: &clap::Command, id: &str, missing: &mut Vec<String>) {
        let has = |id: &str| juesuan::i18n::lookup(juesuan::i18n::Lang::Zh, id, &[]).is_some();
        if command.get_about().is_some() && !has(id) {
            missing.push(id.to_string());
        }
        if command.get_long_about().is_some() && !has(&format!("{id}-long")) {
            missing.push(format!("{id}-long"));
        }
        for arg in command.get_arguments() {
            let arg_id = format!("{id}-{}", arg.get_id());
            if arg.get_help().is_some() && !arg.is_hide_set() && !has(&arg_id) {
                missing.push(arg_id);
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{id}-{}", sub.get_name()), missing);
        }
    }
    let mut missing = Vec::new();
    walk(
        &<juesuan::cli::Cli as clap::CommandFactory>::command(),
        "cli",
        &mut missing,
    );
    assert!(missing.is_empty(), "not in locales/zh.ftl: {missing:?}");
}
