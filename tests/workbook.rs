//! Spreadsheets in and out: every example exported and imported back gives the same tables; the fixtures of
//! tests/fixtures/workbooks (made by its make.py) — a published 公开表 layout in 元, the Shanghai 部门决算 as
//! published, the 财决 report set, the 样张 filled in as .xls and .xlsx — read as the examples they were made
//! from; hostile workbooks are refused with the cell or the reason.

use std::path::{Path, PathBuf};

use juesuan::derive::grid;
use juesuan::form::Form;
use juesuan::load;
use juesuan::model::Kind;
use juesuan::workbook::{self, Imported, Options};

use crate::support::*;

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/workbooks").join(name)
}

fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The example's tables as a workbook file in a temporary folder.
fn exported(name: &str) -> (tempfile::TempDir, PathBuf) {
    let (loaded, _) = load::load(&example(name)).unwrap_or_else(|_| panic!("{name} loads"));
    let bytes = workbook::export::workbook(&loaded.doc, &loaded.form).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.xlsx"));
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn errors(imported: &Imported) -> Vec<String> {
    imported
        .findings
        .iter()
        .filter(|f| f.error)
        .map(|f| f.to_string())
        .collect()
}

/// Writes an import into a new folder and checks that every table prints as the example's does, figure for
/// figure; returns the folder.
fn same_tables(imported: &Imported, name: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("imported");
    workbook::import::write(&dir, imported).unwrap();
    let Ok((original, _)) = load::load(&example(name)) else {
        panic!("{name} loads")
    };
    let (back, _) = match load::load(&dir) {
        Ok(ok) => ok,
        Err(failure) => {
            let text: Vec<String> = failure
                .diagnostics
                .iter()
                .map(|d| d.render(&failure.sources, false))
                .collect();
            panic!(
                "{name}: the imported folder does not load:\n{}",
                text.join("\n")
            )
        }
    };
    assert_eq!(back.form.id, original.form.id, "{name}: form");
    let info = original.doc.info();
    assert_eq!(imported.unit, info.unit.value, "{name}: unit");
    assert_eq!(imported.year, *info.year, "{name}: year");
    assert_eq!(imported.kind, *info.kind, "{name}: kind");
    let mut tables = 0;
    for spec in original.form.tables_of(*info.kind) {
        let want = grid(&original.doc, &original.form, spec);
        let got = grid(&back.doc, &back.form, spec);
        assert_eq!(
            got.rows.len(),
            want.rows.len(),
            "{name}: {} has {} rows, not {}",
            spec.title,
            got.rows.len(),
            want.rows.len()
        );
        for (k, (g, w)) in got.rows.iter().zip(&want.rows).enumerate() {
            assert_eq!(g.cells, w.cells, "{name}: {} row {k}", spec.title);
        }
        tables += 1;
    }
    assert_eq!(tables, 9, "{name}: nine tables");
    out
}

#[test]
fn every_example_exported_and_imported_back_has_the_same_tables() {
    let names = examples();
    assert!(names.len() >= 7, "{names:?}");
    let mut forms = std::collections::BTreeSet::new();
    for name in &names {
        let (_tmp, path) = exported(name);
        // Nothing is given: the workbook says which form, unit, year and 主体.
        let imported = workbook::import(&path, &Options::default()).unwrap();
        assert_eq!(errors(&imported), Vec::<String>::new(), "{name}");
        assert!(
            imported.findings.is_empty(),
            "{name}: {:?}",
            imported.findings
        );
        assert!(
            imported.figures > 20,
            "{name}: {} figures",
            imported.figures
        );
        same_tables(&imported, name);
        forms.insert(imported.form.id.clone());
    }
    // Both 决算 forms and both 预算 forms, 单位 and 部门.
    assert_eq!(forms.len(), 4, "{forms:?}");
}

#[test]
fn the_round_trip_keeps_the_narrative_too() {
    // The imported tables with the example's other files derive the same report, sentence for sentence.
    for name in [
        "jinhua-hrss-dsc-2020",
        "putuo-ghzyj-2024",
        "yusuan-2026-putuo-sfj-unit",
    ] {
        let (_tmp, path) = exported(name);
        let imported = workbook::import(&path, &Options::default()).unwrap();
        let folder = copy_example(name);
        for (section, text) in &imported.tables {
            std::fs::write(folder.path().join(section.file()), text).unwrap();
        }
        let again = juesuan::prepare(folder.path()).unwrap_or_else(|r| {
            panic!(
                "{name}: {}",
                r.diagnostics
                    .iter()
                    .map(|d| d.render(&r.sources, false))
                    .collect::<String>()
            )
        });
        let original = juesuan::prepare(&example(name)).ok().unwrap();
        let a = serde_json::to_value(&original.report).unwrap();
        let b = serde_json::to_value(&again.report).unwrap();
        assert!(a == b, "{name}: the report differs after the round trip");
    }
}

#[test]
fn every_imported_value_names_its_cell() {
    let (_tmp, path) = exported("jinhua-hrss-dsc-2020");
    let imported = workbook::import(&path, &Options::default()).unwrap();
    let (_, table05) = imported
        .tables
        .iter()
        .find(|(s, _)| s.file() == "table05.toml")
        .unwrap();
    // The 合计 row under the header and the first line below it: 科目编码 in A, 小计 in C.
    assert!(
        table05.contains("total = 1061.38  # 公开05表!C"),
        "{table05}"
    );
    assert!(
        table05.contains("code = \"205\"  # 公开05表!A"),
        "{table05}"
    );
    assert!(table05.starts_with("#:schema ./.schema/table05.json\n"));
}

#[test]
fn a_published_layout_in_yuan_with_merged_headers_reads_as_the_example() {
    let imported =
        workbook::import(&fixture("published-zhejiang.xlsx"), &Options::default()).unwrap();
    assert_eq!(errors(&imported), Vec::<String>::new());
    assert_eq!(imported.form.id, "zhejiang-2020");
    // The one figure published with four decimals of 元 is rounded, with a warning at its cell.
    let warnings: Vec<String> = imported.findings.iter().map(|f| f.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("表5!C") && warnings[0].contains("rounded half-up"),
        "{warnings:?}"
    );
    // Its year is in no title: the 2020 of 公开01表's title is stripped as a year; the 编制单位 line names the unit.
    same_tables(&imported, "jinhua-hrss-dsc-2020");
    let (_, table02) = imported
        .tables
        .iter()
        .find(|(s, _)| s.file() == "table02.toml")
        .unwrap();
    // Converted from 元, the cell's own value kept in the comment.
    assert!(table02.contains("元"), "{table02}");
}

#[test]
fn the_shanghai_published_layout_reads_as_the_example() {
    // No labels, 编制单位 line or 行次; the year only in the document's heading above the first title; codes split
    // over 类 | 款 | 项; 05's 合计 at its foot. The tables name neither unit nor 主体: they are given.
    let options = Options {
        unit: Some("上海市普陀区规划和自然资源局".into()),
        kind: Some(Kind::Department),
        ..Options::default()
    };
    let imported = workbook::import(&fixture("published-shanghai.xlsx"), &options).unwrap();
    assert_eq!(errors(&imported), Vec::<String>::new());
    assert!(imported.findings.is_empty(), "{:?}", imported.findings);
    assert_eq!(imported.form.id, "shanghai-2024");
    assert_eq!(imported.year, 2024);
    same_tables(&imported, "putuo-ghzyj-2024");
    let (_, table02) = imported
        .tables
        .iter()
        .find(|(s, _)| s.file() == "table02.toml")
        .unwrap();
    // 208 | 05 | 01 read as one code, named by its 类 cell.
    assert!(
        table02.contains("code = \"2080501\"  # '2 收入决算表'!A"),
        "{table02}"
    );
}

#[test]
fn the_caijue_report_set_reads_as_the_example_and_checks() {
    // data/jinhua-hrss-dsc-2020 as the 决算 reporting software exports it: one sheet a report (Z01 … F01), more
    // reports, columns and rows than the 公开表, 行次 numbered its own way, amounts in 元.
    let imported =
        workbook::import(&fixture("caijue-jinhua-2020.xls"), &Options::default()).unwrap();
    assert_eq!(errors(&imported), Vec::<String>::new());
    assert_eq!(imported.form.id, "zhejiang-2020");
    assert_eq!(imported.kind, Kind::Unit);
    // What the document has no place for is named at its cell, as a warning: 财决附01表's equipment count.
    let warnings: Vec<String> = imported.findings.iter().map(|f| f.to_string()).collect();
    assert!(
        warnings.iter().any(|w| w
            .starts_with("warning: 'F01 预算支出相关信息表(财决附01表)'!G11: not read")
            && w.contains("单价50万元以上通用设备")),
        "{warnings:?}"
    );
    // Zeros and dashes of rows without a place are not worth a warning.
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    // The columns beside the 决算数 are skipped and named; the reports that hold no table are listed.
    let notes = imported.notes.join("\n");
    assert!(
        notes.contains("C 收入 / 年初预算数, D 收入 / 全年预算数"),
        "{notes}"
    );
    assert!(notes.contains("H 本年收入"), "{notes}");
    assert!(
        notes.contains("Z02 收入支出决算表(财决02表)") && notes.contains("封面"),
        "{notes}"
    );
    let out = same_tables(&imported, "jinhua-hrss-dsc-2020");
    let dir = out.path().join("imported");
    // 财决附01表's counts and the 国内接待 less its 外事接待 fill three_public.toml, as the example states them.
    let three = std::fs::read_to_string(dir.join("three_public.toml")).unwrap();
    for want in [
        "amount = 0.23  # 'F01 预算支出相关信息表(财决附01表)'!D13",
        "groups = 3  # 'F01",
        "people = 40  # 'F01",
    ] {
        assert!(three.contains(want), "{want}: {three}");
    }
    // And check passes on the folder written (its 待填写 values are warnings).
    let run = juesuan(&["check", dir.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("0 error(s)"), "{}", stderr(&run));
}

#[test]
fn a_report_set_is_read_by_the_form_its_year_or_the_option_gives() {
    // The reports name no form: under a year no 决算 form covers it is not guessed; --form chooses one.
    let options = Options {
        year: Some(2030),
        ..Options::default()
    };
    let err = workbook::import(&fixture("caijue-jinhua-2020.xls"), &options)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no 决算 form covers 2030"), "{err}");
    let options = Options {
        form: Some("shanghai-2024".into()),
        year: Some(2024),
        ..Options::default()
    };
    let imported = workbook::import(&fixture("caijue-jinhua-2020.xls"), &options).unwrap();
    assert_eq!(imported.form.id, "shanghai-2024");
}

#[test]
fn the_yangzhang_xls_filled_in_reads_as_the_unit_budget() {
    let imported =
        workbook::import(&fixture("yangzhang-unit-filled.xls"), &Options::default()).unwrap();
    assert_eq!(errors(&imported), Vec::<String>::new());
    assert_eq!(imported.form.id, "shanghai-yusuan-2026");
    assert_eq!(imported.kind, Kind::Unit);
    assert!(
        imported.notes.iter().any(|n| n.contains("封面")),
        "the text sheets are listed as not read: {:?}",
        imported.notes
    );
    same_tables(&imported, "yusuan-2026-putuo-sfj-unit");
}

#[test]
fn the_yangzhang_xlsx_filled_in_reads_as_the_department_budget() {
    let imported =
        workbook::import(&fixture("yangzhang-dept-filled.xlsx"), &Options::default()).unwrap();
    assert_eq!(errors(&imported), Vec::<String>::new());
    assert_eq!(imported.kind, Kind::Department);
    same_tables(&imported, "yusuan-2026-putuo-sfj-dept");
}

#[test]
fn a_cell_that_cannot_be_placed_is_reported_at_its_address_and_nothing_is_written() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("x");
    let run = juesuan(&[
        "import",
        fixture("yangzhang-dept-leftover.xlsx").to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    // The 样张's "…" placeholder row left in table 2, and a figure beside the table.
    assert!(err.contains("部门收入总表!A"), "{err}");
    assert!(
        err.contains("\"…\" is no row of 2026年部门收入预算总表"),
        "{err}"
    );
    assert!(err.contains("部门支出总表!J"), "{err}");
    assert!(err.contains("nothing written"), "{err}");
    assert!(!dir.exists());
    // With --partial the rest is written, and the cells are still listed.
    let run = juesuan(&[
        "import",
        fixture("yangzhang-dept-leftover.xlsx").to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
        "--partial",
    ]);
    assert!(dir.join("table02.toml").exists(), "{}", stderr(&run));
    assert!(stderr(&run).contains("cannot be placed"));
}

#[test]
fn export_and_import_from_the_command_line() {
    let out = tempfile::tempdir().unwrap();
    let xlsx = out.path().join("t.xlsx");
    let run = juesuan(&[
        "export",
        example("jinhua-hrss-dsc-2020").to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("9 tables"));
    // The same data gives the same bytes.
    let first = std::fs::read(&xlsx).unwrap();
    let again = juesuan(&[
        "export",
        example("jinhua-hrss-dsc-2020").to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert!(again.status.success());
    assert_eq!(std::fs::read(&xlsx).unwrap(), first);

    let dir = out.path().join("unit");
    let run = juesuan(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    let err = stderr(&run);
    assert!(err.contains("read ") && err.contains("9 table(s)"), "{err}");
    assert!(err.contains("wrote "), "{err}");
    // check ran on the new folder: its 待填写 values are placeholders.
    assert!(err.contains("placeholder"), "{err}");
    let document = std::fs::read_to_string(dir.join("document.toml")).unwrap();
    assert!(document.contains("金华市人力资源和社会保障数据安全管理中心"));
    // Never into a folder that holds anything.
    let run = juesuan(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("not empty"));
}

#[test]
fn a_document_with_errors_is_not_exported() {
    let dir = copy_example("jinhua-hrss-dsc-2020");
    edit(
        dir.path(),
        "table07.toml",
        "reception = 0.23",
        "reception = 0.33",
    );
    let out = tempfile::tempdir().unwrap();
    let xlsx = out.path().join("t.xlsx");
    let run = juesuan(&[
        "export",
        dir.path().to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(!xlsx.exists());
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile workbooks: a clear error, never a panic or an exhausted machine.

/// What importing a workbook reports: its error, or the errors at its cells. The hostile workbooks hold one table
/// (公开07表, of the Zhejiang form) and name no year.
fn import_error(path: &Path) -> String {
    let options = Options {
        year: Some(2020),
        ..Options::default()
    };
    match workbook::import(path, &options) {
        Ok(imported) => {
            let errors = errors(&imported);
            assert!(
                !errors.is_empty(),
                "{} imported without an error",
                path.display()
            );
            errors.join("\n")
        }
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_formula_without_its_value_is_an_error_at_its_cell() {
    let err = import_error(&fixture("hostile-formulas.xlsx"));
    assert!(
        err.contains("!A6") && err.contains("no computed value"),
        "{err}"
    );
}

#[test]
fn text_in_a_figure_cell_is_an_error_at_its_cell() {
    let err = import_error(&fixture("hostile-text.xlsx"));
    assert!(
        err.contains("!F6") && err.contains("\"五角\" is text where a figure belongs"),
        "{err}"
    );
}

#[test]
fn cells_merged_across_figures_are_refused() {
    let err = import_error(&fixture("hostile-merged.xlsx"));
    assert!(
        err.contains("C6:E6") && err.contains("merged across figures"),
        "{err}"
    );
}

#[test]
fn cells_merged_across_figures_in_an_ods_are_refused() {
    // calamine does not report an .ods's merged cells: they are read from its content.xml.
    let err = import_error(&fixture("hostile-merged.ods"));
    assert!(
        err.contains("三公经费!B6:D6") && err.contains("merged across figures"),
        "{err}"
    );
}

#[test]
fn an_ods_with_merged_header_cells_reads_as_an_xlsx_does() {
    let options = Options {
        year: Some(2020),
        form: Some("zhejiang-2020".into()),
        ..Options::default()
    };
    let imported = workbook::import(&fixture("merged-header.ods"), &options).unwrap();
    // The other eight tables are not in it; nothing at a cell is wrong.
    let at_cells: Vec<String> = imported
        .findings
        .iter()
        .filter(|f| f.at.is_some())
        .map(ToString::to_string)
        .collect();
    assert_eq!(at_cells, Vec::<String>::new());
    let (_, table07) = imported
        .tables
        .iter()
        .find(|(s, _)| s.file() == "table07.toml")
        .unwrap();
    for want in [
        "total = 1.30  # 三公经费!A6",
        "reception = 1.30  # 三公经费!F6",
        "total = 0.23  # 三公经费!G6",
        "vehicle_operation = 0.00  # 三公经费!K6",
        "reception = 0.23  # 三公经费!L6",
    ] {
        assert!(table07.contains(want), "{want}: {table07}");
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let err = import_error(&fixture("hostile-zipbomb.xlsx"));
    assert!(err.contains("zip bomb"), "{err}");
}

#[test]
fn a_password_protected_workbook_is_named_as_such() {
    let err = import_error(&fixture("hostile-password.xlsx"));
    assert!(err.contains("password-protected"), "{err}");
}

#[test]
fn a_huge_sheet_and_a_far_cell_are_refused_or_placed_without_exhausting_memory() {
    let out = tempfile::tempdir().unwrap();
    // 300,000 cells: more than any table.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for r in 0..30_000u32 {
        for c in 0..10u16 {
            sheet.write_number(r, c, f64::from(r)).unwrap();
        }
    }
    let huge = out.path().join("huge.xlsx");
    book.save(&huge).unwrap();
    let err = import_error(&huge);
    assert!(err.contains("more than 200000 filled cells"), "{err}");

    // The export of a document with one more cell at the far corner of the sheet: that cell cannot be placed,
    // and reading it costs one cell, not a grid of sixteen billion.
    let (_tmp, path) = exported("example-2021");
    let bytes = std::fs::read(&path).unwrap();
    let far = out.path().join("far.xlsx");
    std::fs::write(&far, add_far_cell(&bytes)).unwrap();
    let err = import_error(&far);
    assert!(err.contains("!XFD1048576"), "{err}");
}

/// The workbook with a cell at XFD1048576 of its first sheet (edited in its XML).
fn add_far_cell(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for k in 0..archive.len() {
        let mut part = archive.by_index(k).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let text = String::from_utf8(data).unwrap();
            let text = text.replace(
                "</sheetData>",
                "<row r=\"1048576\"><c r=\"XFD1048576\"><v>7</v></c></row></sheetData>",
            );
            data = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn what_is_no_workbook_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let junk = out.path().join("junk.xlsx");
    std::fs::write(&junk, b"PK\x03\x04 not really a zip archive").unwrap();
    assert!(import_error(&junk).contains("damaged zip"));
    let text = out.path().join("tables.xls");
    std::fs::write(&text, "项目,决算数\n").unwrap();
    assert!(import_error(&text).contains("neither an Excel"));
    let none = out.path().join("none.xlsx");
    assert!(import_error(&none).contains("cannot read"));
    // A workbook of something else entirely.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "通讯录").unwrap();
    let other = out.path().join("other.xlsx");
    book.save(&other).unwrap();
    assert!(import_error(&other).contains("no sheet holds a table"));
}

#[test]
fn a_form_that_does_not_fit_is_named() {
    let (_tmp, path) = exported("jinhua-hrss-dsc-2020");
    let options = Options {
        form: Some("nowhere-2020".into()),
        ..Options::default()
    };
    let err = workbook::import(&path, &options).unwrap_err().to_string();
    assert!(err.contains("no form `nowhere-2020`"), "{err}");
    assert!(Form::get("zhejiang-2020").is_some());
}

#[test]
fn a_formula_with_its_computed_value_is_read_with_a_warning() {
    // 公开07表 of the Zhejiang form, its 合计 cells formulas that Excel computed and saved.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "一般公共预算财政拨款“三公”经费支出决算表")
        .unwrap();
    sheet.write_string(1, 0, "编制单位：示例单位").unwrap();
    sheet.write_string(1, 11, "金额单位：万元").unwrap();
    let plain = rust_xlsxwriter::Format::new();
    for (start, word) in [(0u16, "预算数"), (6, "决算数")] {
        sheet
            .merge_range(2, start, 2, start + 5, word, &plain)
            .unwrap();
        sheet
            .merge_range(3, start, 4, start, "合计", &plain)
            .unwrap();
        sheet
            .merge_range(3, start + 1, 4, start + 1, "因公出国（境）费", &plain)
            .unwrap();
        sheet
            .merge_range(3, start + 2, 3, start + 4, "公务用车购置及运行费", &plain)
            .unwrap();
        sheet.write_string(4, start + 2, "小计").unwrap();
        sheet.write_string(4, start + 3, "公务用车购置费").unwrap();
        sheet.write_string(4, start + 4, "公务用车运行费").unwrap();
        sheet
            .merge_range(3, start + 5, 4, start + 5, "公务接待费", &plain)
            .unwrap();
        let figures = [1.0, 2.0, 1.0, 1.0, 0.5];
        for (k, f) in figures.iter().enumerate() {
            sheet.write_number(5, start + 1 + k as u16, *f).unwrap();
        }
        let column = |c: u16| rust_xlsxwriter::utility::column_number_to_name(c);
        let total = rust_xlsxwriter::Formula::new(format!(
            "={}6+{}6+{}6",
            column(start + 1),
            column(start + 2),
            column(start + 5)
        ))
        .set_result("3.5");
        sheet.write_formula(5, start, total).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("computed.xlsx");
    book.save(&path).unwrap();
    let options = Options {
        year: Some(2020),
        form: Some("zhejiang-2020".into()),
        ..Options::default()
    };
    let imported = workbook::import(&path, &options).unwrap();
    let (_, table07) = imported
        .tables
        .iter()
        .find(|(s, _)| s.file() == "table07.toml")
        .unwrap();
    assert!(table07.contains("total = 3.50  # Sheet1!A6"), "{table07}");
    let warning = imported
        .findings
        .iter()
        .find(|f| !f.error)
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        warning.contains("Sheet1!A6")
            && warning.contains("2 figure(s)")
            && warning.contains("formulas"),
        "{:?}",
        imported.findings
    );
}
