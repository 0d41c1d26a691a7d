//! The 预算公开 as a second document kind: the four Shanghai examples render from the same engine and read like their
//! sources; its identities are `check` rules; a 预算 takes last year's budgets from last year's 预算, a 决算 its
//! year-start budgets from its year's 预算.

use std::path::Path;
use std::sync::Arc;

use juesuan::form::Form;
use juesuan::load::{FormChoice, load_with};
use juesuan::model::Doc;

use crate::support::*;

const SWJ_DEPT: &str = "yusuan-2025-putuo-swj-dept";
const SWJ_UNIT: &str = "yusuan-2025-putuo-swj-unit";
const SFJ_DEPT: &str = "yusuan-2026-putuo-sfj-dept";
const SFJ_UNIT: &str = "yusuan-2026-putuo-sfj-unit";

fn assert_reads(name: &'static str, sentences: &[&str]) {
    let text = squeezed(&pdf_text(rendered(name)));
    for sentence in sentences {
        assert!(
            text.contains(&squeezed(sentence)),
            "{name}: missing {sentence}"
        );
    }
}

#[test]
fn the_commerce_department_budget_reads_like_its_source() {
    // Sentences of ../shared/source/shanghai/yusuan-2025-putuo-swj-dept.txt as published.
    assert_reads(
        SWJ_DEPT,
        &[
            "上海市普陀区2025年区级部门预算",
            "预算主管部门：上海市普陀区商务委员会",
            "上海市普陀区商务委员会主要职能",
            "2025年，上海市普陀区商务委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年预算执行数增加24,558.18万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
            "支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元。",
            "政府性基金拨款支出预算0万元，比2024年预算执行数持平；",
            "财政拨款收入支出增加的主要原因是：政策资金项目预算增加，根据实际工作安排编制预算。",
            "1.“一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行和机关人员经费支出",
            "5.“科学技术支出（类）科技条件与服务（款）科技条件专项（项）”1,720.00万元，主要用于政策扶持资金支出。",
            "2025年“三公”经费预算数为1.00万元，与2024年预算持平。",
            "2025年上海市普陀区商务委员会财政拨款的机关运行经费预算为171.01万元。",
            "2025年度本部门政府采购预算38.20万元，其中：政府采购货物预算7.80万元、政府采购工程预算0万元、政府采购服务预算30.40万元。",
            // the source prints this one figure without its separator (11381.60)
            "2025年度，本部门编报绩效目标的项目共25个，涉及项目预算资金11,381.60万元。",
            "截至2024年8月31日，上海市普陀区商务委员会共有车辆0辆",
            "2025年部门财务收支预算总表",
            "2025年部门“三公”经费和机关运行经费预算表",
            "（八）机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
        ],
    );
}

#[test]
fn the_commerce_unit_budget_reads_like_its_source() {
    assert_reads(
        SWJ_UNIT,
        &[
            "2025年预算单位财务收支预算总表",
            "2025年单位“三公”经费和机关运行经费预算表",
            "2025年度本单位政府采购预算38.20万元",
            "2025年度，本单位编报绩效目标的项目共25个，涉及项目预算资金11,381.60万元。",
        ],
    );
    // A 单位预算 has no 七、项目经费情况说明.
    let text = squeezed(&pdf_text(rendered(SWJ_UNIT)));
    assert!(!text.contains("项目经费情况说明"));
}

#[test]
fn the_justice_budgets_read_like_their_sources_with_their_slips_corrected() {
    assert_reads(
        SFJ_DEPT,
        &[
            // published "比2026年预算增加": a 2026 document compares with 2025 (data/…/explanation.toml)
            "2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2025年预算增加793.14万元；",
            "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。主要原因是：部分人员退休。",
            // published "43269.3": the printed rate fits 3269.3
            "2025年当年预算执行数为3269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。",
            "2026年上海市普陀区司法局下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为217.83万元。",
            "截至2025年8月31日，上海市普陀区司法局共有车辆3辆",
        ],
    );
    let text = squeezed(&pdf_text(rendered(SFJ_DEPT)));
    assert!(!text.contains("比2026年预算"), "the source's year slip");
    assert!(!text.contains("43269.3"));
    assert_reads(
        SFJ_UNIT,
        &[
            "2026年，上海市普陀区司法局收入预算8695.94万元，其中：财政拨款收入8695.94万元，比2025年预算增加794.88万元；",
            "2026年上海市普陀区司法局财政拨款的机关运行经费预算为184.59万元。",
            "2026年预算单位收入预算总表",
        ],
    );
}

#[test]
fn budget_tables_are_in_yuan_but_the_three_public_table_in_wan() {
    let raw = pdf_text_raw(rendered(SWJ_DEPT));
    let text = squeezed(&raw);
    // Tables 1–8 in 元, table 9 in 万元, each under its 编制部门 line.
    assert_eq!(text.matches("单位：元").count(), 8, "{raw}");
    assert_eq!(text.matches("单位:万元").count(), 1, "{raw}");
    assert!(text.contains("编制部门：上海市普陀区商务委员会"));
    // 37,151.47万元 in the sentences is 371,514,655.00 元 in table 1: the table prints 元 with separators.
    assert!(
        text.contains("371,514,655.00"),
        "table 1 prints 元 with separators"
    );
}

#[test]
fn the_four_budget_examples_check_clean() {
    for name in [SWJ_DEPT, SWJ_UNIT, SFJ_DEPT, SFJ_UNIT] {
        let out = juesuan(&["check", example(name).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains("0 error(s)"), "{}", stderr(&out));
    }
}

#[test]
fn a_budget_identity_broken_is_an_error_at_the_value() {
    // table 9: 合计 = 出国 + 车 + 接待; one figure changed breaks it.
    let dir = copy_example(SWJ_DEPT);
    let t9 = std::fs::read_to_string(dir.path().join("table09.toml")).unwrap();
    let line = t9
        .lines()
        .find(|l| l.trim_start().starts_with("reception"))
        .expect("table09 states reception")
        .to_string();
    edit(dir.path(), "table09.toml", &line, "reception = 2.00");
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error["), "{err}");
    assert!(err.contains("table09.toml"), "{err}");
}

/// Writes a copy of an example into `parent/name`, with `edits` (file, from, to) applied.
fn copy_into(parent: &Path, example_name: &str, name: &str, edits: &[(&str, &str, &str)]) {
    let dir = parent.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(example(example_name)).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    for (file, from, to) in edits {
        edit(&dir, file, from, to);
    }
}

/// Removes every line of a file that starts (after spaces) with `key`.
fn drop_lines(file: &Path, key: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with(key))
        .collect();
    assert_ne!(
        kept.len(),
        text.lines().count(),
        "{key} in {}",
        file.display()
    );
    std::fs::write(file, kept.join("\n") + "\n").unwrap();
}

#[test]
fn a_budget_takes_last_years_budgets_from_last_years_budget() {
    // The 司法局 2026 部门预算 names a 2025 部门预算 of its own unit (here the 商务委's figures under its name) and
    // states no 上年 三公 figures: they come from that folder's table 9.
    let work = tempfile::tempdir().unwrap();
    copy_into(
        work.path(),
        SWJ_DEPT,
        "sfj-2025",
        &[(
            "document.toml",
            "上海市普陀区商务委员会",
            "上海市普陀区司法局",
        )],
    );
    copy_into(
        work.path(),
        SFJ_DEPT,
        "sfj-2026",
        &[(
            "document.toml",
            "form = ",
            "previous_budget = \"../sfj-2025\"\nform = ",
        )],
    );
    let doc = work.path().join("sfj-2026");
    drop_lines(&doc.join("three_public.toml"), "previous");
    for key in [
        "fiscal_income",
        "fiscal_expenditure",
        "general_budget",
        "government_fund",
        "state_capital",
    ] {
        drop_lines(&doc.join("explanation.toml"), key);
    }
    let out = juesuan(&["check", doc.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = work.path().join("out.pdf");
    let out = juesuan(&["render", doc.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squeezed(&pdf_text(&pdf));
    // 10.81 this year against the linked 1.00: an increase of 9.81.
    assert!(text.contains("2026年“三公”经费预算数为10.81万元"), "{text}");
    assert!(text.contains("增加9.81万元"), "{text}");

    // A stated figure that contradicts the linked one is an error pointing into both folders.
    let stated = work.path().join("sfj-2026b");
    copy_into(
        work.path(),
        SFJ_DEPT,
        "sfj-2026b",
        &[(
            "document.toml",
            "form = ",
            "previous_budget = \"../sfj-2025\"\nform = ",
        )],
    );
    let out = juesuan(&["check", stated.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "error[budget-link]: 上年“三公”经费预算数 does not agree with the 预算 it names"
        ),
        "{err}"
    );
    assert!(err.contains("sfj-2025/table09.toml"), "{err}");

    // Another unit's 预算, or a 预算 of the wrong year, is refused.
    copy_into(work.path(), SWJ_DEPT, "swj-2025", &[]);
    let other = work.path().join("sfj-2026c");
    copy_into(
        work.path(),
        SFJ_DEPT,
        "sfj-2026c",
        &[(
            "document.toml",
            "form = ",
            "previous_budget = \"../swj-2025\"\nform = ",
        )],
    );
    let err = stderr(&juesuan(&["check", other.to_str().unwrap()]));
    assert!(err.contains("names another unit's 预算"), "{err}");
}

#[test]
fn a_final_account_takes_its_year_start_budgets_from_its_years_budget() {
    // No 决算 form and 预算 form cover the same year yet (决算 2024, 预算 2025–2026): the Shanghai 决算 form is
    // extended to 2025 here, and the 规划资源局 决算 moved to 2025 names a 2025 预算 of its unit.
    let text = Form::texts()
        .iter()
        .find(|(id, _)| *id == "shanghai-2024")
        .unwrap()
        .1;
    let form = Arc::new(
        Form::parse(&text.replace("years = [2024, 2024]", "years = [2024, 2025]")).unwrap(),
    );
    let unit = "上海市普陀区规划和自然资源局";
    let work = tempfile::tempdir().unwrap();
    copy_into(
        work.path(),
        SWJ_DEPT,
        "yusuan",
        &[("document.toml", "上海市普陀区商务委员会", unit)],
    );
    let edits = [
        ("document.toml", "year = 2024", "year = 2025"),
        (
            "document.toml",
            "form = ",
            "budget = \"../yusuan\"\nform = ",
        ),
    ];
    copy_into(work.path(), "putuo-ghzyj-2024", "juesuan", &edits);
    let doc = work.path().join("juesuan");
    // 公开07表 states no 预算数: they come from the 预算's table 9 (三公 1.00, all of it 公务接待费).
    let t7 = doc.join("table07.toml");
    let text = std::fs::read_to_string(&t7).unwrap();
    let (head, tail) = text.split_once("[actual]").unwrap();
    let head: String = head
        .lines()
        .filter(|l| !l.contains('=') || l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&t7, format!("{head}[actual]{tail}")).unwrap();
    let (loaded, diagnostics) = match load_with(&doc, FormChoice::Given(&form)) {
        Ok(ok) => ok,
        Err(failure) => panic!("{:?}", failure.diagnostics),
    };
    let Doc::FinalAccounts(d) = &loaded.doc else {
        panic!("a 决算")
    };
    let budget = &d.table07.budget;
    let figure = |m: &Option<juesuan::money::Money>| m.as_ref().map(|m| m.amount.display());
    assert_eq!(figure(&budget.total).as_deref(), Some("1.00"));
    assert_eq!(figure(&budget.reception).as_deref(), Some("1.00"));
    assert_eq!(figure(&budget.overseas).as_deref(), Some("0.00"));
    assert!(
        !diagnostics
            .iter()
            .any(|d| d.message.contains("公开07表") && d.is_error()),
        "{diagnostics:?}"
    );
    assert_eq!(loaded.linked.len(), 1);

    // The published table 7 states 预算数 2.85: against the 预算's 1.00 that is a finding at both values.
    copy_into(work.path(), "putuo-ghzyj-2024", "juesuan2", &edits);
    let diagnostics = match load_with(&work.path().join("juesuan2"), FormChoice::Given(&form)) {
        Ok((_, diagnostics)) => diagnostics,
        Err(failure) => failure.diagnostics,
    };
    assert!(
        diagnostics.iter().any(|d| d.is_error()
            && d.message == "公开07表 预算数 合计 does not agree with the 预算 it names"),
        "{diagnostics:?}"
    );
}

#[test]
fn new_writes_a_budget_folder_that_checks_and_renders() {
    let tmp = tempfile::tempdir().unwrap();
    for (year, kind) in [("2025", "部门"), ("2026", "单位")] {
        let dir = tmp.path().join(format!("doc-{year}"));
        let out = juesuan(&[
            "new",
            dir.to_str().unwrap(),
            "--unit",
            "上海市普陀区测试局",
            "--year",
            year,
            "--kind",
            kind,
            "--document",
            "预算",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let document = std::fs::read_to_string(dir.join("document.toml")).unwrap();
        assert!(
            document.contains(&format!("form = \"shanghai-yusuan-{year}\"")),
            "{document}"
        );
        let check = juesuan(&["check", dir.to_str().unwrap()]);
        assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
        let pdf = tmp.path().join(format!("doc-{year}.pdf"));
        let render = juesuan(&["render", dir.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
        assert!(render.status.success(), "{}", stderr(&render));
    }
    // --from last year's 预算 carries the unit's texts into the next year.
    let next = tmp.path().join("next");
    let out = juesuan(&[
        "new",
        next.to_str().unwrap(),
        "--from",
        example(SWJ_DEPT).to_str().unwrap(),
        "--year",
        "2026",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let overview = std::fs::read_to_string(next.join("overview.toml")).unwrap();
    assert!(overview.contains("上海市普陀区商务委员会是主管全区产业经济的区政府工作部门"));
    let check = juesuan(&["check", next.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_batch_renders_both_kinds_and_the_archive_round_trips() {
    let work = tempfile::tempdir().unwrap();
    let out_dir = work.path().join("out");
    let out = juesuan(&[
        "render",
        example(SWJ_UNIT).to_str().unwrap(),
        example("putuo-ghzyj-2024").to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdfs: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 2);

    let pdf = work.path().join("a3.pdf");
    let out = juesuan(&[
        "render",
        example(SFJ_UNIT).to_str().unwrap(),
        "--standard",
        "a-3u",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let restored = work.path().join("restored");
    let out = juesuan(&["extract", pdf.to_str().unwrap(), restored.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = work.path().join("again.pdf");
    let out = juesuan(&[
        "render",
        restored.to_str().unwrap(),
        "--standard",
        "a-3u",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap());
}

#[test]
fn diff_shows_a_budget_correction() {
    let dir = copy_example(SWJ_DEPT);
    edit(
        dir.path(),
        "explanation.toml",
        "政策资金项目预算增加",
        "政策资金项目预算大幅增加",
    );
    let out = juesuan(&[
        "diff",
        example(SWJ_DEPT).to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(text.contains("政策资金项目预算大幅增加"), "{text}");
}
