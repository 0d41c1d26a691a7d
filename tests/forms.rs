//! Forms as data: the Shanghai 2024 部门决算 beside the Zhejiang one, from the same code; and a variant form, made
//! here from the Zhejiang file, that renders with no change to any Rust.

use std::sync::Arc;

use juesuan::form::Form;

use crate::support::*;

const SHANGHAI: &str = "putuo-ghzyj-2024";

#[test]
fn the_shanghai_document_reads_like_its_source() {
    let text = squeezed(&pdf_text(rendered(SHANGHAI)));
    // Sentences of the published document (../shared/source/shanghai/juesuan-2024-putuo-ghzyj.txt) as it states
    // them; the misses are its own slips (README.md, "The Shanghai example").
    for sentence in [
        "上海市普陀区规划和自然资源局2024年度部门决算",
        "第一部分　上海市普陀区规划和自然资源局概况",
        "1.履行全民所有自然资源资产所有者职责和所有国土空间用途管制职责。",
        "从预算单位构成看，上海市普陀区规划和自然资源局部门决算包括：上海市普陀区规划和自然资源局本级决算、下属行政事业单位决算。",
        "上海市普陀区规划和自然资源局执法大队（下属参公事业单位）",
        "上海市普陀区规划和自然资源局2024年度收入支出总计9859.38万元。与2023年度相比，收入支出总计增加1062.85万元，增长12.08%。",
        "本年收入合计9746.50万元，其中：财政拨款收入9746.50万元，占100.00%。",
        "本年支出合计9759.38万元，其中：基本支出5377.64万元，占55.10%；项目支出4381.74万元，占44.90%。",
        "上海市普陀区规划和自然资源局2024年度财政拨款收入支出总计9746.50万元。与2023年度相比，财政拨款收入支出总计增加1193.20万元，增长13.95%。",
        "社会保障和就业支出（类）754.75万元，占7.74%",
        "1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于：行政单位退休人员支出。年初预算为54.53万元，支出决算为54.53万元，完成年初预算的100.00%。决算数同预算数持平。",
        "决算数小于预算数的主要原因：机构改革人员变动，年中社会保险缴费基数变更等因素综合导致。",
        "“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%",
        "公务接待费支出决算减少0.15万元，下降27.78%",
        "全年安排因公出国（境）团组0个、累计0人次。",
        "上海市普陀区规划和自然资源局2024年度无政府性基金预算财政拨款收入和支出。",
        "编报绩效目标的2024年度项目39个，涉及预算金额4415.48万元",
        "机关运行经费支出142.80万元，比2023年度减少13.52万元，下降8.65%。",
        "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额0.00万元。",
        "截至2024年12月31日，上海市普陀区规划和自然资源局共有车辆0辆，其中：部级领导干部用车0辆",
        "单价100万元（含）以上设备（不含车辆）0台（套）。",
        "一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款",
        "十一、机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
    ] {
        assert!(text.contains(&squeezed(sentence)), "missing: {sentence}");
    }
    // Its own number style: no thousands separators.
    assert!(!text.contains("9,859.38") && text.contains("9859.38"));
    // Its slips are not reproduced: the template's 下降（增长）, the 列明 instruction, the 部门（单位） residue.
    for slip in ["下降（增长）", "列明公务接待", "部门（单位）共有车辆"] {
        assert!(!text.contains(slip), "the source's slip {slip} is printed");
    }
}

#[test]
fn the_shanghai_tables_are_printed_as_its_form_says() {
    let raw = pdf_text_raw(rendered(SHANGHAI));
    let text = squeezed(&raw);
    assert!(
        !text.contains("公开01表") && !text.contains("编制单位"),
        "no labels, no 编制单位 line"
    );
    for title in [
        "收入支出决算总表",
        "收入决算表",
        "支出决算表",
        "财政拨款收入支出决算总表",
        "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表",
        "财政拨款“三公”经费支出决算表",
        "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款收入支出决算表",
    ] {
        assert!(text.contains(title), "{title}");
    }
    for note in [
        "注：本表反映部门本年度的总收支和年末结转结余情况。",
        "注：本表反映部门本年度“三公”经费支出预决算情况。",
        "说明：上海市普陀区规划和自然资源局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。",
        "说明：上海市普陀区规划和自然资源局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。",
    ] {
        assert!(text.contains(&squeezed(note)), "{note}");
    }
    // 07: 预算数 and 决算数 under each kind, one figure each in the body row, in that order.
    assert!(
        text.contains("2.850.390.000.000.000.000.000.000.000.002.850.39"),
        "the 07 row"
    );
    // The 目录 numbers the tables of 第二部分.
    assert!(text.contains("七、财政拨款“三公”经费支出决算表"));
}

#[test]
fn the_shanghai_example_checks_with_its_published_rounding_only() {
    let out = juesuan(&["check", example(SHANGHAI).to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err.matches("warning[rounding]").count(), 8, "{err}");
    assert!(err.contains("0 error(s), 8 warning(s)"), "{err}");
}

#[test]
fn the_published_figures_the_example_corrects_are_errors() {
    // As published: 卫生健康支出 236.63 in 01 and 04 (236.64 elsewhere), 城乡社区支出 3845.25 in 01 (3845.24 in 03).
    let dir = copy_example(SHANGHAI);
    edit(
        dir.path(),
        "table01.toml",
        "amount = 236.64",
        "amount = 236.63",
    );
    edit(
        dir.path(),
        "table01.toml",
        "amount = 3845.24",
        "amount = 3845.25",
    );
    edit(
        dir.path(),
        "table04.toml",
        "total = 236.64, general_budget = 236.64",
        "total = 236.63, general_budget = 236.63",
    );
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for finding in [
        "收入支出决算总表 210 支出 does not equal 支出决算表 210 本年支出合计",
        "收入支出决算总表 212 支出 does not equal 支出决算表 212 本年支出合计",
        "财政拨款收入支出决算总表 210 一般公共预算 does not equal 一般公共预算财政拨款支出决算表 210 本年支出合计",
    ] {
        assert!(err.contains(finding), "{finding}:\n{err}");
    }
}

#[test]
fn a_form_is_data_a_variant_renders_with_no_rust_change() {
    // A variant of the Zhejiang form: 公开05表 gains a column bound to a figure its lines already have, and
    // （十一）政府采购支出说明 is dropped.
    let text = std::fs::read_to_string(root().join("forms/zhejiang-2020.toml")).unwrap();
    let column = r#"  { head = ["本年支出", "项目支出"], field = "project", width = "8em" },"#;
    let added = r#"  { head = ["本年支出", "项目支出"], field = "project", width = "8em" },
  { head = ["项目支出再列"], field = "project", width = "8em" },"#;
    let section = r#"  { heading = "（十一）政府采购支出说明", derive = "zhejiang-procurement" },
"#;
    // Table 05 is the first table with this column; 09 has the same one and keeps it.
    let at = text.find("section = \"table05\"").unwrap();
    let (head, tail) = text.split_at(at);
    let variant = format!("{head}{}", tail.replacen(column, added, 1))
        .replace("id = \"zhejiang-2020\"", "id = \"zhejiang-variant\"")
        .replacen(section, "", 1);
    assert_ne!(variant, text);
    let form = Arc::new(Form::parse(&variant).expect("the variant is a valid form"));
    let engine = juesuan::render::Engine::embedded();
    let prepared = juesuan::pipeline::prepare_with_form(&example("example-2021"), engine, &form)
        .unwrap_or_else(|r| panic!("{} findings", r.diagnostics.len()));
    let table05 = &prepared.report.tables[4];
    assert_eq!(table05.columns.len(), 6);
    assert!(table05.header.iter().any(|c| c.cell.text == "项目支出再列"));
    // The new column repeats 项目支出 on every line.
    for row in &table05.rows {
        assert_eq!(row.cells[4], row.cells[5], "{:?}", row.cells);
    }
    let pdf = prepared
        .pdf(engine, juesuan::render::Standard::Pdf17)
        .expect("the variant renders");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("variant.pdf");
    std::fs::write(&path, pdf).unwrap();
    let text = squeezed(&pdf_text(&path));
    assert!(text.contains("项目支出再列"));
    assert!(
        !text.contains("政府采购支出说明"),
        "the dropped section is gone"
    );
    assert!(text.contains("（十二）国有资产占有情况说明"));
}

#[test]
fn a_year_no_form_covers_names_the_forms_that_do() {
    let dir = copy_example("example-2021");
    edit(dir.path(), "document.toml", "year = 2021", "year = 2024");
    edit(
        dir.path(),
        "document.toml",
        "published = 2022-09-15",
        "published = 2025-09-15",
    );
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[form-year]: the form `zhejiang-2020` covers 2019–2022, not 2024"),
        "{err}"
    );
    assert!(
        err.contains("forms that cover 2024: shanghai-2024"),
        "{err}"
    );
}

#[test]
fn new_writes_a_shanghai_folder_that_checks_and_renders() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("doc");
    let out = juesuan(&[
        "new",
        dir.to_str().unwrap(),
        "--unit",
        "上海市测试局",
        "--year",
        "2024",
        "--kind",
        "部门",
        "--form",
        "shanghai-2024",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let document = std::fs::read_to_string(dir.join("document.toml")).unwrap();
    assert!(document.contains("form = \"shanghai-2024\""), "{document}");
    let performance = std::fs::read_to_string(dir.join("performance.toml")).unwrap();
    assert!(performance.starts_with("#:schema ./.schema/performance_management.json\n"));
    assert!(dir.join(".schema/performance_management.json").is_file());
    let check = juesuan(&["check", dir.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let pdf = tmp.path().join("doc.pdf");
    let render = juesuan(&["render", dir.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert!(render.status.success(), "{}", stderr(&render));
}

#[test]
fn forms_lists_every_form() {
    let out = juesuan(&["forms"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("zhejiang-2020") && text.contains("2019–2022"),
        "{text}"
    );
    assert!(
        text.contains("shanghai-2024") && text.contains("上海市部门决算公开"),
        "{text}"
    );
}

#[test]
fn the_shanghai_archive_round_trips() {
    let work = tempfile::tempdir().unwrap();
    let pdf = work.path().join("archived.pdf");
    let render = |dir: &std::path::Path, to: &std::path::Path| {
        let out = juesuan(&[
            "render",
            dir.to_str().unwrap(),
            "--standard",
            "a-3u",
            "-o",
            to.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    render(&example(SHANGHAI), &pdf);
    let restored = work.path().join("restored");
    let out = juesuan(&["extract", pdf.to_str().unwrap(), restored.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = work.path().join("again.pdf");
    render(&restored, &again);
    assert!(std::fs::read(&pdf).unwrap() == std::fs::read(&again).unwrap());
}
