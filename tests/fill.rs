//! `juesuan fill`: a folder that states only the 项 lines gets its 款 and 类 lines and 合计 rows written, in place,
//! as the identities give them; a stated figure that disagrees is reported, never overwritten.

use juesuan::derive::grid;
use juesuan::load;

use crate::support::*;

const SAMPLE: &str = "example-2021";

/// Every line that is no 项 keeps its code and name only, the 合计 row nothing, and one 款 line is gone.
fn leaf_only(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("{ code = \"20105\"") {
            continue;
        }
        if trimmed.starts_with("total = {") {
            out.push_str("total = {}\n");
            continue;
        }
        let code_len = trimmed
            .strip_prefix("{ code = \"")
            .and_then(|rest| rest.find('"'))
            .unwrap_or(0);
        if code_len == 3 || code_len == 5 {
            // { code = "201", name = "一般公共服务支出", total = … } → { code = "201", name = "一般公共服务支出" },
            let name_end = line
                .find("\", total")
                .or_else(|| line.find("\", amount"))
                .expect("a line with figures");
            out.push_str(&line[..name_end + 1]);
            out.push_str(" },\n");
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn same_tables_as_the_sample(dir: &std::path::Path) {
    let Ok((original, _)) = load::load(&example(SAMPLE)) else {
        panic!("the sample loads")
    };
    let Ok((filled, _)) = load::load(dir) else {
        panic!("the filled folder loads")
    };
    for spec in original.form.tables_of(*original.doc.info().kind) {
        assert_eq!(
            grid(&filled.doc, &filled.form, spec),
            grid(&original.doc, &original.form, spec),
            "{}",
            spec.title
        );
    }
}

#[test]
fn leaf_lines_only_are_filled_to_the_sample() {
    let dir = copy_example(SAMPLE);
    let path = dir.path().join("table05.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, leaf_only(&original)).unwrap();
    // Before: the sums are missing, so the folder is not the sample.
    let dry = juesuan(&["fill", dir.path().to_str().unwrap(), "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let diff = String::from_utf8_lossy(&dry.stdout).into_owned();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        leaf_only(&original)
    );
    // The 款 line dropped comes back under the name the other tables give 20105; 合计 is the sum of the 类.
    assert!(
        diff.contains("+ table05.toml: 20105 统计信息事务 (line added"),
        "{diff}"
    );
    assert!(
        diff.contains("+ table05.toml: 20508 进修及培训 total = 20.94  # the sum of its 项 lines"),
        "{diff}"
    );
    assert!(
        diff.contains("+ table05.toml: 合计 total = 1981.33  # the sum of its 类 lines"),
        "{diff}"
    );

    let run = juesuan(&["fill", dir.path().to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(String::from_utf8_lossy(&run.stdout), diff);
    filled_to_the_sample(dir.path());
    // The file's comments are kept.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# SAMPLE DATA"), "{text}");
}

/// The folder filled: the sample's tables, `check` passes, nothing is left to fill.
fn filled_to_the_sample(dir: &std::path::Path) {
    same_tables_as_the_sample(dir);
    let check = juesuan(&["check", dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
    let again = juesuan(&["fill", dir.to_str().unwrap()]);
    assert!(again.status.success());
    assert!(
        again.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}

/// The sample with one figure changed (`from` → `to` in `file`): fill reports `want` and leaves the file as it is.
fn disagreement_is_reported(file: &str, from: &str, to: &str, want: &str) {
    let dir = copy_example(SAMPLE);
    edit(dir.path(), file, from, to);
    let before = std::fs::read_to_string(dir.path().join(file)).unwrap();
    let run = juesuan(&["fill", dir.path().to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.contains(want), "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(file)).unwrap(),
        before
    );
}

#[test]
fn a_stated_figure_that_disagrees_is_reported_not_overwritten() {
    disagreement_is_reported(
        "table05.toml",
        "{ code = \"205\", name = \"教育支出\", total = 20.94,",
        "{ code = \"205\", name = \"教育支出\", total = 20.95,",
        "! table05.toml: 205 教育支出 total is stated as 20.95 but the sum of its 款 lines is 20.94",
    );
}

#[test]
fn an_array_of_tables_is_filled_as_well() {
    // The import writes [[rows]] tables: the sample's tables through a workbook, then its 款 and 类 lines of
    // 公开03表 emptied of figures.
    let (loaded, _) = load::load(&example(SAMPLE)).ok().unwrap();
    let bytes = juesuan::workbook::export::workbook(&loaded.doc, &loaded.form).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let xlsx = tmp.path().join("sample.xlsx");
    std::fs::write(&xlsx, bytes).unwrap();
    let imported = juesuan::workbook::import(&xlsx, &Default::default()).unwrap();
    let dir = copy_example(SAMPLE);
    let (_, table03) = imported
        .tables
        .iter()
        .find(|(s, _)| s.file() == "table03.toml")
        .unwrap();
    let mut doc: toml_edit::DocumentMut = table03.parse().unwrap();
    let rows = doc["rows"].as_array_of_tables_mut().unwrap();
    let mut emptied = 0;
    for table in rows.iter_mut() {
        let code = table["code"].as_str().unwrap().to_string();
        if code.len() < 7 {
            for field in [
                "total",
                "basic",
                "project",
                "to_superior",
                "operating",
                "to_affiliated",
            ] {
                table.remove(field);
            }
            emptied += 1;
        }
    }
    assert!(emptied > 5);
    doc["total"].as_table_mut().unwrap().clear();
    std::fs::write(dir.path().join("table03.toml"), doc.to_string()).unwrap();
    let run = juesuan(&["fill", dir.path().to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    same_tables_as_the_sample(dir.path());
    // The cells' comments of the lines left alone are kept.
    let text = std::fs::read_to_string(dir.path().join("table03.toml")).unwrap();
    assert!(text.contains("# 公开03表!"), "{text}");
}

/// `text` without the figure `key = 1.23, ` wherever it stands in an inline table.
fn without(text: &str, key: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    let needle = format!("{key} = ");
    while let Some(at) = rest.find(&needle) {
        let before = &rest[..at];
        // Only a key of its own (`, total = ` or `{ total = `), not `year_total = `.
        if !(before.ends_with("{ ") || before.ends_with(", ")) {
            out.push_str(&rest[..at + needle.len()]);
            rest = &rest[at + needle.len()..];
            continue;
        }
        out.push_str(before);
        let after = &rest[at + needle.len()..];
        let end = after.find([',', ' ', '}']).unwrap_or(after.len());
        rest = after[end..].strip_prefix(", ").unwrap_or(&after[end..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn row_totals_and_the_totals_of_01_and_04_are_filled_to_the_sample() {
    let dir = copy_example(SAMPLE);
    let rewrite = |file: &str, f: &dyn Fn(&str) -> String| {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = f(&text);
        assert_ne!(changed, text, "{file}");
        std::fs::write(&path, changed).unwrap();
    };
    // 01: 本年收入合计, 收入总计, 本年支出合计, 支出总计.
    rewrite("table01.toml", &|t| {
        t.lines()
            .filter(|l| !l.starts_with("year_total =") && !l.starts_with("grand_total ="))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    // 04: every row's 合计, 收入总计 and the whole 支出总计 row.
    rewrite("table04.toml", &|t| {
        let t = without(t, "total");
        t.lines()
            .map(|l| match l {
                l if l.starts_with("grand_total = {") => "grand_total = {}".to_string(),
                l if l.starts_with("grand_total =") => String::new(),
                l => l.to_string(),
            })
            .map(|l| format!("{l}\n"))
            .collect()
    });
    // 03: every row's 本年支出合计, the 合计 row's too.
    rewrite("table03.toml", &|t| without(t, "total"));
    let run = juesuan(&["fill", dir.path().to_str().unwrap()]);
    let out = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(run.status.success(), "{}\n{out}", stderr(&run));
    for want in [
        "+ table01.toml: 本年收入合计 year_total = 2490.06  # the sum of the eight kinds of income",
        "+ table01.toml: 收入总计 grand_total = 2700.16  # 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
        "+ table04.toml: 支出总计 合计 total = 2550.31",
        "+ table03.toml: 201 一般公共服务支出 本年支出合计 total = 969.55  # the sum of its columns 基本支出 … 对附属单位补助支出",
    ] {
        assert!(out.contains(want), "{want}\n{out}");
    }
    filled_to_the_sample(dir.path());
}

#[test]
fn a_stated_total_that_disagrees_is_reported_not_overwritten() {
    disagreement_is_reported(
        "table01.toml",
        "year_total = 2490.06",
        "year_total = 2490.16",
        "! table01.toml: 本年收入合计 year_total is stated as 2490.16 but the sum of the eight kinds of income is 2490.06",
    );
}
