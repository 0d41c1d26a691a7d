//! The tools of a finance office: `new` (with `--from`), `schema`, `completions`, `preview`, `render --watch`, and
//! `--help`. CLI snapshots hold exit code, stdout and stderr, with the commands run inside a temporary folder on
//! relative paths so that the output does not depend on where the test runs.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::*;

/// Runs the binary in `cwd` (no colour).
fn run_in(cwd: &Path, args: &[&str]) -> Output {
    binary()
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(cwd)
        .output()
        .expect("run juesuan")
}

/// Exit code, stdout and stderr in one text for a snapshot; the repository root reads as [ROOT].
fn transcript(out: &Output) -> String {
    let root = root().display().to_string();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(&root, "[ROOT]");
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status
            .code()
            .map_or("signal".to_string(), |c| c.to_string()),
        text(&out.stdout),
        text(&out.stderr)
    )
}

fn jinhua() -> String {
    example("jinhua-hrss-dsc-2020").display().to_string()
}

/// A new document folder `doc` inside a fresh temporary folder.
fn scaffolded(args: &[&str]) -> (tempfile::TempDir, PathBuf, Output) {
    let tmp = tempfile::tempdir().unwrap();
    let mut all = vec!["new", "doc"];
    all.extend_from_slice(args);
    let out = run_in(tmp.path(), &all);
    let dir = tmp.path().join("doc");
    (tmp, dir, out)
}

// ---------------------------------------------------------------------------------------------------------------
// juesuan new

#[test]
fn a_new_folder_passes_check_and_renders_with_its_placeholders_visible() {
    let (tmp, dir, out) = scaffolded(&[
        "--unit",
        "示例市测试中心",
        "--year",
        "2021",
        "--kind",
        "部门",
    ]);
    insta::assert_snapshot!("new", transcript(&out));
    for file in section_files("zhejiang-2020") {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let stem = file.trim_end_matches(".toml");
        assert!(
            text.starts_with(&format!("#:schema ./.schema/{stem}.json\n")),
            "{file} starts with its schema directive"
        );
        assert!(
            dir.join(".schema").join(format!("{stem}.json")).is_file(),
            "the schema of {file} is written beside it"
        );
    }
    let check = run_in(tmp.path(), &["check", "doc"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // the placeholders are one warning, so a fresh draft's other findings stay visible
    assert!(
        stderr(&check).contains("doc: 0 error(s), 1 warning(s)")
            && stderr(&check).contains("warning[placeholder]"),
        "{}",
        stderr(&check)
    );

    let render = run_in(tmp.path(), &["render", "doc", "-o", "doc.pdf"]);
    assert!(render.status.success(), "{}", stderr(&render));
    let text = squeezed(&pdf_text(&tmp.path().join("doc.pdf")));
    assert!(
        text.contains("示例市测试中心2021年度部门决算"),
        "the title names the unit, year and kind"
    );
    assert!(
        text.contains("待填写：第一项职责"),
        "a placeholder shows in the PDF"
    );
}

#[test]
fn a_new_folder_from_last_year_carries_its_text_and_figures_over() {
    let (tmp, dir, out) = scaffolded(&["--from", &jinhua()]);
    insta::assert_snapshot!("new_from", transcript(&out).replace(&jinhua(), "[JINHUA]"));
    let last = juesuan::scaffold::read_last_year(&example("jinhua-hrss-dsc-2020"))
        .unwrap_or_else(|_| panic!("the example loads"));
    let last = last.final_accounts().unwrap();
    let new =
        juesuan::scaffold::read_last_year(&dir).unwrap_or_else(|_| panic!("the new folder loads"));
    let new = new.final_accounts().unwrap();

    let d = &new.document;
    assert_eq!(d.unit.value, last.document.unit.value);
    assert_eq!(d.year.value, 2021, "the year after last year's");
    assert_eq!(
        d.supervisor.as_ref().unwrap().value,
        "金华市人力资源和社会保障局"
    );
    assert_eq!(
        d.published.value.to_string(),
        "2022-09-30",
        "last year's day, a year on"
    );
    let texts = |v: &[juesuan::model::Text]| v.iter().map(|t| t.value.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&new.overview.duties), texts(&last.overview.duties));
    assert_eq!(
        texts(&new.overview.divisions),
        texts(&last.overview.divisions)
    );
    assert_eq!(
        new.performance.as_ref().unwrap().form_title.value,
        "金华市本级财政支出项目绩效自评表"
    );
    // The terms are carried over; the entries naming a 公开05表 line wait, commented, for this year's table.
    let terms: Vec<_> = new
        .glossary
        .terms
        .iter()
        .filter_map(|t| t.term.as_ref())
        .map(|t| &t.value)
        .collect();
    let last_terms: Vec<_> = last
        .glossary
        .terms
        .iter()
        .filter_map(|t| t.term.as_ref())
        .map(|t| &t.value)
        .collect();
    assert_eq!(terms, last_terms);
    assert!(new.glossary.terms.iter().all(|t| t.code.is_none()));
    let glossary = std::fs::read_to_string(dir.join("glossary.toml")).unwrap();
    assert!(glossary.contains("# code = \"2080108\""), "{glossary}");

    // Last year's figures are this year's 上年数, exactly as last year's tables state them.
    let amount =
        |m: &Option<juesuan::money::Money>| m.as_ref().map(|m| m.amount.decimal().to_string());
    let e = &new.explanation;
    assert_eq!(
        amount(&e.overall.previous_income).as_deref(),
        Some("1061.38")
    );
    assert_eq!(
        amount(&e.overall.previous_expenditure).as_deref(),
        Some("1061.38")
    );
    assert_eq!(
        amount(&e.fiscal.previous_income).as_deref(),
        Some("1061.38")
    );
    assert_eq!(
        amount(&e.fiscal.previous_expenditure).as_deref(),
        Some("1061.38")
    );
    assert_eq!(
        amount(&e.general_budget.previous_expenditure).as_deref(),
        Some("1061.38")
    );
    assert!(
        e.government_fund.is_none(),
        "last year had no 政府性基金 spending"
    );
    let t = &new.three_public;
    assert_eq!(amount(&t.overseas.previous).as_deref(), Some("0"));
    assert_eq!(amount(&t.vehicles.previous).as_deref(), Some("0"));
    assert_eq!(amount(&t.reception.previous).as_deref(), Some("0.23"));
    assert_eq!(amount(&new.operating_costs.previous).as_deref(), Some("0"));

    let check = run_in(tmp.path(), &["check", "doc"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let render = run_in(tmp.path(), &["render", "doc", "-o", "doc.pdf"]);
    assert!(render.status.success(), "{}", stderr(&render));
    let text = squeezed(&pdf_text(&tmp.path().join("doc.pdf")));
    // 0.00 this year against 1,061.38 last year.
    assert!(
        text.contains("收入减少1,061.38万元"),
        "the narrative compares with last year"
    );
}

#[test]
fn a_fund_spent_last_year_keeps_its_previous_figure() {
    let (_tmp, dir, out) = scaffolded(&["--from", example("example-2021").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let new =
        juesuan::scaffold::read_last_year(&dir).unwrap_or_else(|_| panic!("the new folder loads"));
    let new = new.final_accounts().unwrap();
    let previous = |f: &Option<juesuan::model::FundExplanation>| {
        f.as_ref()
            .and_then(|f| f.previous_expenditure.as_ref())
            .map(|m| m.amount.decimal().to_string())
    };
    assert_eq!(
        previous(&new.explanation.government_fund).as_deref(),
        Some("428.50")
    );
    assert_eq!(
        previous(&new.explanation.state_capital).as_deref(),
        Some("56.80")
    );
    assert!(new.document.charts, "last year's choice of charts is kept");
    assert_eq!(new.document.year.value, 2022);
}

/// The codes of the rows a table file lists (`code = "…"` outside comments).
fn row_codes(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split("code = \"").skip(1))
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// A year starts from last year: every table row's code and name comes over (figures 0, to fill in), and
/// document.toml names last year's folder, from which the 上年数 are taken and against which a stated one is checked.
#[test]
fn new_from_last_year_carries_every_row_and_links_the_folder_for_its_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let last = tmp.path().join("jinhua-2020");
    std::fs::create_dir(&last).unwrap();
    for file in section_files("zhejiang-2020") {
        std::fs::copy(example("jinhua-hrss-dsc-2020").join(file), last.join(file)).unwrap();
    }
    let out = run_in(tmp.path(), &["new", "jinhua-2021", "--from", "jinhua-2020"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let new = tmp.path().join("jinhua-2021");
    let read = |dir: &Path, file: &str| std::fs::read_to_string(dir.join(file)).unwrap();
    for file in section_files("zhejiang-2020")
        .into_iter()
        .filter(|f| f.starts_with("table"))
    {
        let (before, after) = (read(&last, file), read(&new, file));
        assert_eq!(row_codes(&after), row_codes(&before), "{file}");
        // Names too, and no figure of last year's.
        for name in before.lines().filter_map(|l| l.split("name = \"").nth(1)) {
            let name = name.split('"').next().unwrap();
            assert!(
                after.contains(&format!("name = \"{name}\"")),
                "{file}: {name}"
            );
        }
        assert!(
            !after
                .lines()
                .any(|l| !l.starts_with('#') && l.contains("934.31")),
            "{file} keeps a figure of last year's"
        );
    }
    assert!(read(&new, "table05.toml").contains(
        "{ code = \"2080101\", name = \"行政运行\", total = 0, basic = 0, project = 0 },  # 待填写"
    ));
    assert!(read(&new, "document.toml").contains("\nprevious = \"../jinhua-2020\""));
    let check = run_in(tmp.path(), &["check", "jinhua-2021"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));

    // The 上年数 come from last year's folder: this year's tables are all 0, so 1,061.38 is last year's total.
    let render = run_in(tmp.path(), &["render", "jinhua-2021", "-o", "new.pdf"]);
    assert!(render.status.success(), "{}", stderr(&render));
    let text = squeezed(&pdf_text(&tmp.path().join("new.pdf")));
    assert!(text.contains("减少1,061.38万元"), "{text}");

    // A stated 上年数 is checked against last year's folder, and the finding points into both.
    edit(
        &new,
        "explanation.toml",
        "# previous_income = 1061.38",
        "previous_income = 1061.83",
    );
    let check = run_in(tmp.path(), &["check", "jinhua-2021"]);
    let err = stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{err}");
    assert!(err.contains("error[previous-link]: 上年收入总计"), "{err}");
    assert!(err.contains("jinhua-2020/table01.toml"), "{err}");

    // `previous` names a 决算 of the year before, of the same unit.
    edit(&new, "explanation.toml", "previous_income = 1061.83", "");
    edit(
        &new,
        "document.toml",
        "\"../jinhua-2020\"",
        "\"../jinhua-2021\"",
    );
    let check = run_in(tmp.path(), &["check", "jinhua-2021"]);
    let err = stderr(&check);
    assert!(
        err.contains("`previous` names the 2021 决算, not the 2020 one"),
        "{err}"
    );
}

#[test]
fn new_never_writes_into_a_folder_that_holds_anything() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("doc")).unwrap();
    std::fs::write(tmp.path().join("doc/notes.txt"), "mine").unwrap();
    let out = run_in(
        tmp.path(),
        &["new", "doc", "--unit", "单位", "--year", "2021"],
    );
    insta::assert_snapshot!("new_not_empty", transcript(&out));
    assert_eq!(
        std::fs::read_dir(tmp.path().join("doc")).unwrap().count(),
        1
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("doc/notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn new_without_a_unit_says_what_to_give() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["new", "doc", "--year", "2021"]);
    insta::assert_snapshot!("new_missing_unit", transcript(&out));
    assert!(!tmp.path().join("doc").exists());
}

#[test]
fn new_from_a_folder_that_does_not_load_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["new", "doc", "--from", "missing-2020"]);
    insta::assert_snapshot!("new_from_missing", transcript(&out));
    assert!(!tmp.path().join("doc").exists());
}

// ---------------------------------------------------------------------------------------------------------------
// juesuan schema

/// A TOML file as the JSON an editor validates: dates become strings (taplo does the same).
fn toml_as_json(text: &str) -> serde_json::Value {
    fn convert(value: toml::Value) -> serde_json::Value {
        match value {
            toml::Value::String(s) => s.into(),
            toml::Value::Integer(i) => i.into(),
            toml::Value::Float(f) => {
                serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
            }
            toml::Value::Boolean(b) => b.into(),
            toml::Value::Datetime(d) => d.to_string().into(),
            toml::Value::Array(items) => items.into_iter().map(convert).collect(),
            toml::Value::Table(table) => table.into_iter().map(|(k, v)| (k, convert(v))).collect(),
        }
    }
    convert(toml::from_str::<toml::Value>(text).expect("valid TOML"))
}

/// The schema findings for one data file, as `path: message` lines.
fn schema_errors(form: &str, file: &str, text: &str) -> Vec<String> {
    let form = juesuan::form::Form::get(form).unwrap();
    let section = form
        .sections()
        .into_iter()
        .find(|s| s.file() == file)
        .unwrap();
    let schema = juesuan::schema::section_schema(section).to_value();
    let validator = jsonschema::draft7::new(&schema).expect("a valid draft 7 schema");
    let instance = toml_as_json(text);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn both_examples_and_a_new_folder_match_the_generated_schemas() {
    let (_tmp, new_dir, out) = scaffolded(&["--from", &jinhua()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for (dir, form) in [
        (example("jinhua-hrss-dsc-2020"), "zhejiang-2020"),
        (example("example-2021"), "zhejiang-2020"),
        (new_dir, "zhejiang-2020"),
        (example("putuo-ghzyj-2024"), "shanghai-2024"),
    ] {
        for file in section_files(form) {
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            let errors = schema_errors(form, file, &text);
            assert!(errors.is_empty(), "{}/{file}: {errors:#?}", dir.display());
        }
    }
}

#[test]
fn the_schema_flags_a_misspelled_key_and_a_quoted_figure() {
    let text = std::fs::read_to_string(example("example-2021").join("procurement.toml")).unwrap();
    let misspelled = text.replacen("goods =", "godos =", 1);
    let errors = schema_errors("zhejiang-2020", "procurement.toml", &misspelled);
    assert!(errors.iter().any(|e| e.contains("godos")), "{errors:#?}");
    let quoted = text.replacen("works = 56.00", "works = \"56.00\"", 1);
    let errors = schema_errors("zhejiang-2020", "procurement.toml", &quoted);
    assert!(
        errors.iter().any(|e| e.starts_with("/works")),
        "{errors:#?}"
    );
}

#[test]
fn schema_writes_one_file_per_section() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["schema", "--out", "schemas"]);
    insta::assert_snapshot!("schema_out", transcript(&out));
    let mut names: Vec<String> = std::fs::read_dir(tmp.path().join("schemas"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = juesuan::model::SectionId::ALL
        .iter()
        .map(|s| juesuan::schema::schema_file_name(*s))
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    let table05: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("schemas/table05.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        table05["description"],
        "公开05表 一般公共预算财政拨款支出决算表"
    );

    // Without --out: one object, by schema name, on stdout.
    let out = run_in(tmp.path(), &["schema"]);
    assert!(out.status.success());
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        all.as_object().unwrap().len(),
        juesuan::model::SectionId::ALL.len()
    );
    assert_eq!(all["glossary.json"]["additionalProperties"], false);
}

// ---------------------------------------------------------------------------------------------------------------
// juesuan completions, --help

#[test]
fn completions_cover_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run_in(tmp.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = String::from_utf8(out.stdout).unwrap();
        for command in [
            "render", "check", "new", "schema", "preview", "diff", "extract",
        ] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
    }
    let out = run_in(tmp.path(), &["completions", "tcsh"]);
    insta::assert_snapshot!("completions_unknown_shell", transcript(&out));
}

/// jemalloc (the binary's allocator on Linux, src/main.rs) prints a line on stderr at start-up, in every run, for
/// an option it does not know: the options compiled in must all be valid.
#[test]
fn a_successful_run_prints_nothing_on_stderr() {
    let out = juesuan(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
}

#[test]
fn every_command_has_an_example_in_its_help() {
    use clap::CommandFactory;
    let mut cli = juesuan::cli::Cli::command();
    let names: Vec<String> = cli
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let help = cli
            .find_subcommand_mut(&name)
            .unwrap()
            .render_long_help()
            .to_string();
        assert!(
            help.contains(&format!("juesuan {name}")),
            "`juesuan {name} --help` shows no example:\n{help}"
        );
    }
}

// ---------------------------------------------------------------------------------------------------------------
// juesuan preview

#[test]
fn preview_of_page_one_writes_one_png() {
    // A new folder: no warnings to print, so the transcript is the command's own.
    let (tmp, _dir, out) = scaffolded(&["--unit", "示例单位", "--year", "2021"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run_in(
        tmp.path(),
        &["preview", "doc", "--pages", "1", "-o", "pages"],
    );
    insta::assert_snapshot!("preview_page_one", transcript(&out));
    let files: Vec<_> = std::fs::read_dir(tmp.path().join("pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].file_name().unwrap(), "page-01.png");
    let png = std::fs::read(&files[0]).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
    // The IHDR chunk: an A4 page (595 × 842 pt) at two pixels per point.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1191, 1684));
}

#[test]
fn preview_of_a_page_past_the_end_says_how_many_there_are() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(
        tmp.path(),
        &["preview", &jinhua(), "--pages", "2-999", "-o", "pages"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("there is no page 999"), "{err}");
    assert!(
        !tmp.path().join("pages").join("page-02.png").exists(),
        "nothing drawn"
    );
}

#[test]
fn preview_refuses_a_page_list_it_cannot_read() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(
        tmp.path(),
        &["preview", &jinhua(), "--pages", "3-1", "-o", "pages"],
    );
    insta::assert_snapshot!(
        "preview_backwards_pages",
        transcript(&out).replace(&jinhua(), "[JINHUA]")
    );
}

// ---------------------------------------------------------------------------------------------------------------
// juesuan render --watch

#[test]
fn watch_is_for_one_document() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(
        tmp.path(),
        &[
            "render",
            &jinhua(),
            example("example-2021").to_str().unwrap(),
            "-o",
            "pdfs",
            "--watch",
        ],
    );
    insta::assert_snapshot!("watch_batch", transcript(&out));
    assert!(!tmp.path().join("pdfs").exists());
}

/// Waits up to two minutes (a loaded machine renders slowly) for `done`.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// `juesuan render <data> -o <pdf> --watch` running, its stderr in a file; killed when dropped.
struct Watching {
    child: std::process::Child,
    out: tempfile::TempDir,
}

impl Watching {
    /// Starts watching `data` and waits for the first render.
    fn start(data: &Path) -> Watching {
        let out = tempfile::tempdir().unwrap();
        let child = binary()
            .arg("render")
            .arg(data)
            .arg("-o")
            .arg(out.path().join("watched.pdf"))
            .arg("--watch")
            .env("NO_COLOR", "1")
            .stderr(std::fs::File::create(out.path().join("stderr.txt")).unwrap())
            .spawn()
            .unwrap();
        let watching = Watching { child, out };
        wait_for("the first render", || watching.count("\nwatching ") == 1);
        watching
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.out.path().join("stderr.txt")).unwrap_or_default()
    }

    /// How often `what` was printed so far.
    fn count(&self, what: &str) -> usize {
        self.log().matches(what).count()
    }

    fn pdf(&self) -> Vec<u8> {
        std::fs::read(self.out.path().join("watched.pdf")).unwrap()
    }

    /// Waits until the watched PDF is `expected`. Waiting for the bytes rather than for a number of renders: a save
    /// of two files can be rendered halfway when the machine is slow (a data error, then the render of both).
    fn wait_for_pdf(&self, what: &str, expected: &[u8]) {
        wait_for(what, || self.pdf() == expected);
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The PDF a plain `juesuan render` makes of `data`, in a process of its own.
fn fresh_render(data: &Path) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("fresh.pdf");
    let run = juesuan(&[
        "render",
        data.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    std::fs::read(&pdf).unwrap()
}

/// Moves `amount` from 项 2080108 to 项 2080199 in 公开03表 and 公开05表 (of jinhua-hrss-dsc-2020): every sum still
/// holds; table cells, the 项's sentences and a completion rate move.
fn move_between_items(data: &Path, from: (&str, &str), to: (&str, &str)) {
    for file in ["table03.toml", "table05.toml"] {
        let path = data.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let edited =
            [("2080108", from), ("2080199", to)]
                .iter()
                .fold(text, |text, (code, (old, new))| {
                    let at = text.find(&format!("code = \"{code}\"")).unwrap();
                    let total = at + text[at..].find(&format!("total = {old}\n")).unwrap();
                    format!(
                        "{}total = {new}\n{}",
                        &text[..total],
                        &text[total + format!("total = {old}\n").len()..]
                    )
                });
        std::fs::write(&path, edited).unwrap();
    }
}

#[test]
fn the_watched_pdf_is_a_fresh_render_after_any_edits() {
    let data = copy_example("jinhua-hrss-dsc-2020");
    let watching = Watching::start(data.path());
    let first = watching.pdf();
    // Not assert_eq: a failure would print both PDFs byte by byte.
    assert!(first == fresh_render(data.path()), "first render differs");

    // One sentence, then table figures (two files), each rendered with the cache the render before left.
    edit(
        data.path(),
        "operating_costs.toml",
        "budget_reason = \"单位无该项支出\"",
        "budget_reason = \"单位本年无该项支出\"",
    );
    watching.wait_for_pdf("the sentence edited", &fresh_render(data.path()));
    assert!(watching.log().contains("changed: rendering again"));
    move_between_items(data.path(), ("750.12", "749.12"), ("114.32", "115.32"));
    let edited = fresh_render(data.path());
    assert!(edited != first);
    watching.wait_for_pdf("the figures edited", &edited);

    // A figure that breaks a sum: its diagnostics once, though events and reading the folder both see the save,
    // and the last good PDF kept.
    let (failed, wrote) = (watching.count("no PDF written"), watching.count("\nwrote "));
    edit(
        data.path(),
        "table05.toml",
        "total = 115.32",
        "total = 116.32",
    );
    wait_for("the render with errors", || {
        watching.count("no PDF written") > failed
    });
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let log = watching.log();
    assert_eq!(log.matches("no PDF written").count(), failed + 1, "{log}");
    assert!(log.contains("error[sum-mismatch]"), "{log}");
    assert_eq!(watching.count("\nwrote "), wrote, "{log}");
    assert!(watching.pdf() == edited, "the last good PDF was replaced");

    // Fixed, and then back to the seed's data: the seed's PDF, byte for byte.
    edit(
        data.path(),
        "table05.toml",
        "total = 116.32",
        "total = 115.32",
    );
    wait_for("the fixed render", || watching.count("\nwrote ") > wrote);
    assert!(watching.pdf() == edited, "fixed render differs");
    move_between_items(data.path(), ("749.12", "750.12"), ("115.32", "114.32"));
    edit(
        data.path(),
        "operating_costs.toml",
        "budget_reason = \"单位本年无该项支出\"",
        "budget_reason = \"单位无该项支出\"",
    );
    watching.wait_for_pdf("the seed's data again", &first);
}

#[test]
fn watch_renders_other_forms_and_kinds_as_a_fresh_render_does() {
    for (example, file, from, to) in [
        // The Shanghai 2024 部门决算.
        (
            "putuo-ghzyj-2024",
            "explanation.toml",
            "部分项目未开展完成\"",
            "部分项目尚未开展完成\"",
        ),
        // A Shanghai 2025 部门预算.
        (
            "yusuan-2025-putuo-swj-dept",
            "explanation.toml",
            "根据实际工作安排编制预算",
            "根据全年实际工作安排编制预算",
        ),
    ] {
        let data = copy_example(example);
        let watching = Watching::start(data.path());
        let first = watching.pdf();
        assert!(
            first == fresh_render(data.path()),
            "{example}: first render differs"
        );
        edit(data.path(), file, from, to);
        let edited = fresh_render(data.path());
        assert!(edited != first, "{example}: the edit changes nothing");
        watching.wait_for_pdf(&format!("{example} edited"), &edited);
    }
}

/// Ctrl-C (SIGINT) and SIGTERM end a watch at once, whether it waits for a save or renders one, and leave the output
/// folder as a finished render left it: the PDF, no temporary file beside it.
#[cfg(unix)]
#[test]
fn watch_stops_at_once_on_ctrl_c_and_sigterm() {
    for (signal, rendering) in [
        (libc::SIGINT, false),
        (libc::SIGTERM, false),
        (libc::SIGTERM, true),
    ] {
        let data = copy_example("example-2021");
        let mut watching = Watching::start(data.path());
        if rendering {
            edit(data.path(), "document.toml", "\n", "\n\n");
            wait_for("the render to start", || {
                watching.count("rendering again") == 1
            });
        }
        let pid = libc::pid_t::try_from(watching.child.id()).unwrap();
        let sent = std::time::Instant::now();
        // SAFETY: kill(2) on the child this test spawned and has not yet reaped.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let status = loop {
            if let Some(status) = watching.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                sent.elapsed() < std::time::Duration::from_secs(2),
                "signal {signal} (rendering: {rendering}): still running after 2 s"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        assert!(!status.success(), "{status:?}");
        let mut left: Vec<String> = std::fs::read_dir(watching.out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["stderr.txt", "watched.pdf"], "signal {signal}");
    }
}
