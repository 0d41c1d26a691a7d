//! The PDF a bureau can sign (issue 19): no figure the data does not give printed as 0.00, no figure printed
//! otherwise than the rates are computed from, wording that says what the data says, fonts the official veraPDF
//! reads right (tests/archive.rs checks the embedded fonts).

use crate::support::*;

fn render_text(dir: &std::path::Path) -> String {
    let pdf = dir.join("out.pdf");
    let _ = std::fs::remove_file(&pdf);
    let out = juesuan(&["render", dir.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    squeezed(&pdf_text(&pdf))
}

#[test]
fn money_with_more_than_two_decimals_is_an_error_at_the_value() {
    // 1.305 prints 1.31 while a rate computed from 1.305 would not follow from the printed figures.
    let dir = copy_example("example-2021");
    edit(
        dir.path(),
        "three_public.toml",
        "amount = 0.65",
        "amount = 0.655",
    );
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("`0.655` has more than two decimals"), "{err}");
    assert!(err.contains("write 0.66"), "{err}");
    assert!(err.contains("three_public.toml:"), "{err}");
    // trailing zeros are no more precision
    let dir = copy_example("example-2021");
    edit(
        dir.path(),
        "three_public.toml",
        "amount = 0.65",
        "amount = 0.6500",
    );
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn foreign_guests_are_said_to_be_part_of_the_reception_count() {
    let text = squeezed(&pdf_text(rendered("example-2021")));
    assert!(
        text.contains("全年使用一般公共预算财政拨款国内公务接待19团组，累计160人次（含外宾接待1团组、4人次）。"),
        "{text}"
    );
    // without 外宾 the sentence is as the Zhejiang source prints it
    let jinhua = squeezed(&pdf_text(rendered("jinhua-hrss-dsc-2020")));
    assert!(jinhua.contains("全年使用一般公共预算财政拨款国内公务接待3团组，累计40人次。"));
}

#[test]
fn one_reason_for_income_and_spending_is_said_once() {
    let dir = copy_example("example-2021");
    edit(
        dir.path(),
        "explanation.toml",
        "income_reason = \"新增政府性基金和国有资本经营预算财政拨款\"",
        "income_reason = \"新增征地拆迁补偿和国有企业退休人员社会化管理补助等项目支出\"",
    );
    let text = render_text(dir.path());
    let reason = "新增征地拆迁补偿和国有企业退休人员社会化管理补助等项目支出";
    let start = text.find("2021年度财政拨款收入总计").expect("（四）");
    let end = start
        + text[start..]
            .find("财政拨款支出年初预算数")
            .expect("the budget clause");
    let fiscal = &text[start..end];
    assert_eq!(fiscal.matches(reason).count(), 1, "{fiscal}");
    assert!(fiscal.contains("；支出总计"), "{fiscal}");
}

#[test]
fn a_class_stated_without_its_items_is_named_in_the_personnel_list() {
    // 303 对个人和家庭的补助 as one line, without its 款: the 人员经费 list names it.
    let dir = copy_example("example-2021");
    let path = dir.path().join("table06.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: String = text
        .lines()
        .filter(|l| !l.contains("code = \"303") || l.contains("code = \"303\""))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, kept).unwrap();
    let text = render_text(dir.path());
    let start = text
        .find("人员经费998.01万元，主要包括：")
        .expect("人员经费 sentence");
    let sentence = &text[start..start + text[start..].find('。').unwrap()];
    assert!(
        sentence.ends_with("其他工资福利支出、对个人和家庭的补助"),
        "{sentence}"
    );
}

#[test]
fn a_year_start_budget_the_data_does_not_give_is_not_printed_as_zero() {
    // The sample with no year-start budget at all: every 项's `budget` and the funds' `budget` removed.
    let dir = copy_example("example-2021");
    let path = dir.path().join("explanation.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let stripped: String = text
        .lines()
        .map(|l| {
            let l = regex_free_strip(l, "budget = ");
            format!("{l}\n")
        })
        .collect();
    std::fs::write(&path, stripped).unwrap();
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("warning[missing-budget]"), "{err}");
    let pdf = dir.path().join("out.pdf");
    let out = juesuan(&[
        "render",
        dir.path().to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squeezed(&pdf_text(&pdf));
    for false_zero in ["年初预算为0.00", "年初预算数0.00"] {
        assert!(!text.contains(false_zero), "prints {false_zero}");
    }
    // The 决算 figures are still stated.
    assert!(
        text.contains("2021年度一般公共预算财政拨款支出决算为1,981.33万元。"),
        "{text}"
    );

    // The 财政拨款 year-start budget stated as a whole is printed, and checked against its parts when they are given.
    edit(
        dir.path(),
        "explanation.toml",
        "[fiscal]\n",
        "[fiscal]\nbudget = 2397.55\n",
    );
    let pdf2 = dir.path().join("out2.pdf");
    let out = juesuan(&[
        "render",
        dir.path().to_str().unwrap(),
        "-o",
        pdf2.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(squeezed(&pdf_text(&pdf2)).contains("财政拨款支出年初预算数2,397.55万元"));
    let dir = copy_example("example-2021");
    edit(
        dir.path(),
        "explanation.toml",
        "[fiscal]\n",
        "[fiscal]\nbudget = 2400.00\n",
    );
    edit(
        dir.path(),
        "explanation.toml",
        "[general_budget]\n",
        "[general_budget]\nbudget = 1940.75\n",
    );
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("财政拨款支出年初预算"), "{err}");
}

/// A line without its `key = value` pair (inline tables keep their other keys).
fn regex_free_strip(line: &str, key: &str) -> String {
    let Some(at) = line.find(key) else {
        return line.to_string();
    };
    let rest = &line[at + key.len()..];
    let end = rest.find([',', '}', '#']).unwrap_or(rest.len());
    let mut after = &rest[end..];
    if let Some(stripped) = after.strip_prefix(',') {
        after = stripped.trim_start();
    }
    format!("{}{}", &line[..at], after)
}

#[test]
fn a_draft_says_so_on_every_page_and_final_refuses_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("draft");
    let out = juesuan(&[
        "new",
        dir.to_str().unwrap(),
        "--unit",
        "示例市测试局",
        "--year",
        "2021",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = tmp.path().join("draft.pdf");
    let out = juesuan(&["render", dir.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("a draft: every page is marked 草稿"),
        "{}",
        stderr(&out)
    );
    let pages: usize = pdf_tool("pdfinfo", &pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    // The mark is set rotated and spaced: its two characters on the page, wherever the text puts them.
    let marked = |pdf: &std::path::Path| {
        pdf_text(pdf)
            .split('\u{c}')
            .filter(|page| page.contains('草') && page.contains('稿'))
            .count()
    };
    assert_eq!(marked(&pdf), pages);

    // --final writes nothing, and leaves an existing file alone.
    let out = juesuan(&[
        "render",
        dir.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--final",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a draft"), "{}", stderr(&out));
    let kept = tmp.path().join("kept.pdf");
    let out = juesuan(&[
        "render",
        dir.to_str().unwrap(),
        "-o",
        kept.to_str().unwrap(),
        "--final",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!kept.exists());

    // A finished document carries no mark.
    assert_eq!(marked(rendered("example-2021")), 0);

    // The batch counts drafts apart, and --final fails them.
    let folder = tmp.path().join("out");
    let out = juesuan(&[
        "render",
        dir.to_str().unwrap(),
        example("example-2021").to_str().unwrap(),
        "-o",
        folder.to_str().unwrap(),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("rendered 2 (1 of them draft(s), marked 草稿)"),
        "{}",
        stderr(&out)
    );
    let out = juesuan(&[
        "render",
        dir.to_str().unwrap(),
        "-o",
        &format!("{}/", tmp.path().join("out2").display()),
        "-q",
        "--final",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("failed 1"), "{}", stderr(&out));
}

#[test]
fn a_change_no_real_document_shows_is_a_warning_at_the_value() {
    // Last year's 财政拨款收入 typed as 0.01: a growth of millions of percent.
    let dir = copy_example("example-2021");
    edit(
        dir.path(),
        "explanation.toml",
        "previous_income = 2495.67",
        "previous_income = 0.01",
    );
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "a warning, not an error: {err}");
    assert!(
        err.contains("warning[implausible]: 上年财政拨款收入总计 0.01: this year's figure is 25,503,100.00% of it"),
        "{err}"
    );
    assert!(err.contains("explanation.toml:"), "{err}");
    // The examples as they are raise none.
    for name in ["example-2021", "jinhua-hrss-dsc-2020", "putuo-ghzyj-2024"] {
        let err = stderr(&juesuan(&["check", example(name).to_str().unwrap()]));
        assert!(!err.contains("implausible"), "{name}: {err}");
    }
}

#[test]
fn totals_merge_across_the_code_and_name_columns_as_official_forms_print_them() {
    // A checker reading the PDF finds 合计 where official forms put it: one cell over 科目编码 and 科目名称.
    let prepared = juesuan::prepare(&example("example-2021")).unwrap_or_else(|_| panic!("renders"));
    let mut merged = 0;
    for table in &prepared.report.tables {
        for row in table
            .rows
            .iter()
            .filter(|r| r.total && r.cells.iter().any(|c| c.contains("合计")))
        {
            let at = row.cells.iter().position(|c| c.contains("合计")).unwrap();
            let names_a_code = table.columns.len() > at + 1 && row.cells[at + 1].is_empty();
            if let Some(spans) = &row.spans {
                assert!(spans[at] >= 2, "{}: {:?}", table.title, row.cells);
                merged += 1;
            } else {
                assert!(
                    !names_a_code,
                    "{}: 合计 beside an empty cell: {:?}",
                    table.title, row.cells
                );
            }
        }
    }
    assert!(merged >= 5, "{merged} merged 合计 rows");
}

#[test]
fn a_contents_longer_than_a_page_says_so_on_its_next_page() {
    let text = pdf_text(rendered("example-2021"));
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(squeezed(pages[0]).contains("目录"), "{}", pages[0]);
    assert!(squeezed(pages[1]).starts_with("目录（续）"), "{}", pages[1]);
    assert!(!text.split('\u{c}').skip(2).any(|p| p.contains("（续）")));
}

#[test]
fn the_self_evaluation_form_states_money_as_the_narrative_does() {
    // "项目全年预算数为25.00万元" in the text, and 25.00 (not 25) in the form's 年度资金总额 row.
    let raw = pdf_text_raw(rendered("jinhua-hrss-dsc-2020"));
    assert!(raw.contains("25.00 25.00 24.86"), "{raw}");
    assert!(!raw.lines().any(|l| l.trim() == "25 25 24.86"));
}
