//! `juesuan new`: a complete, commented data folder for a new year's document, which passes `check` and renders.
//!
//! Every section file the form reads is written from a template in `scaffold/` (the form's folder, then
//! `common/`; comments in Chinese for the finance staff who fill it in). Figures start as `0` and texts as `"待填写：…"`, each marked 待填写 (to fill in), so a
//! placeholder left in is visible in the file and in the PDF. With last year's folder (`--from`), the duties,
//! divisions, glossary, 主管部门 and other standing facts are carried over, and last year's figures become the new
//! document's "previous year" figures (上年数).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::form::Form;
use crate::link::PREVIOUS_FIGURES;
use crate::model::{
    Doc, Document, DocumentInfo, DocumentKind, Glossary, Kind, SectionId, VehicleCount,
};
use crate::money::Money;

mod budget;

/// The templates, by path under `scaffold/`: a form's folder (its `scaffold` key) first, then `common/`. `{{name}}`
/// marks a value filled in by [`scaffold`]. A test checks the list against the folder.
static TEMPLATES: &[(&str, &str)] = &[
    (
        "common/document.toml",
        include_str!("../scaffold/common/document.toml"),
    ),
    (
        "common/glossary.toml",
        include_str!("../scaffold/common/glossary.toml"),
    ),
    (
        "common/table01.toml",
        include_str!("../scaffold/common/table01.toml"),
    ),
    (
        "common/table02.toml",
        include_str!("../scaffold/common/table02.toml"),
    ),
    (
        "common/table03.toml",
        include_str!("../scaffold/common/table03.toml"),
    ),
    (
        "common/table04.toml",
        include_str!("../scaffold/common/table04.toml"),
    ),
    (
        "common/table05.toml",
        include_str!("../scaffold/common/table05.toml"),
    ),
    (
        "common/table06.toml",
        include_str!("../scaffold/common/table06.toml"),
    ),
    (
        "common/table07.toml",
        include_str!("../scaffold/common/table07.toml"),
    ),
    (
        "common/table08.toml",
        include_str!("../scaffold/common/table08.toml"),
    ),
    (
        "common/three_public.toml",
        include_str!("../scaffold/common/three_public.toml"),
    ),
    (
        "zhejiang/assets.toml",
        include_str!("../scaffold/zhejiang/assets.toml"),
    ),
    (
        "zhejiang/default-terms.toml",
        include_str!("../scaffold/zhejiang/default-terms.toml"),
    ),
    (
        "zhejiang/explanation.toml",
        include_str!("../scaffold/zhejiang/explanation.toml"),
    ),
    (
        "zhejiang/operating_costs.toml",
        include_str!("../scaffold/zhejiang/operating_costs.toml"),
    ),
    (
        "zhejiang/overview.toml",
        include_str!("../scaffold/zhejiang/overview.toml"),
    ),
    (
        "zhejiang/performance.toml",
        include_str!("../scaffold/zhejiang/performance.toml"),
    ),
    (
        "zhejiang/procurement.toml",
        include_str!("../scaffold/zhejiang/procurement.toml"),
    ),
    (
        "zhejiang/table09.toml",
        include_str!("../scaffold/zhejiang/table09.toml"),
    ),
    (
        "shanghai/assets.toml",
        include_str!("../scaffold/shanghai/assets.toml"),
    ),
    (
        "shanghai/default-terms.toml",
        include_str!("../scaffold/shanghai/default-terms.toml"),
    ),
    (
        "shanghai/explanation.toml",
        include_str!("../scaffold/shanghai/explanation.toml"),
    ),
    (
        "shanghai/operating_costs.toml",
        include_str!("../scaffold/shanghai/operating_costs.toml"),
    ),
    (
        "shanghai/overview.toml",
        include_str!("../scaffold/shanghai/overview.toml"),
    ),
    (
        "shanghai/performance.toml",
        include_str!("../scaffold/shanghai/performance.toml"),
    ),
    (
        "shanghai/procurement.toml",
        include_str!("../scaffold/shanghai/procurement.toml"),
    ),
    (
        "shanghai/table09.toml",
        include_str!("../scaffold/shanghai/table09.toml"),
    ),
    (
        "shanghai-yusuan/assets.toml",
        include_str!("../scaffold/shanghai-yusuan/assets.toml"),
    ),
    (
        "shanghai-yusuan/default-terms.toml",
        include_str!("../scaffold/shanghai-yusuan/default-terms.toml"),
    ),
    (
        "shanghai-yusuan/document.toml",
        include_str!("../scaffold/shanghai-yusuan/document.toml"),
    ),
    (
        "shanghai-yusuan/explanation.toml",
        include_str!("../scaffold/shanghai-yusuan/explanation.toml"),
    ),
    (
        "shanghai-yusuan/glossary.toml",
        include_str!("../scaffold/shanghai-yusuan/glossary.toml"),
    ),
    (
        "shanghai-yusuan/operating_costs.toml",
        include_str!("../scaffold/shanghai-yusuan/operating_costs.toml"),
    ),
    (
        "shanghai-yusuan/overview.toml",
        include_str!("../scaffold/shanghai-yusuan/overview.toml"),
    ),
    (
        "shanghai-yusuan/performance.toml",
        include_str!("../scaffold/shanghai-yusuan/performance.toml"),
    ),
    (
        "shanghai-yusuan/procurement.toml",
        include_str!("../scaffold/shanghai-yusuan/procurement.toml"),
    ),
    (
        "shanghai-yusuan/projects.toml",
        include_str!("../scaffold/shanghai-yusuan/projects.toml"),
    ),
    (
        "shanghai-yusuan/table01.toml",
        include_str!("../scaffold/shanghai-yusuan/table01.toml"),
    ),
    (
        "shanghai-yusuan/table02.toml",
        include_str!("../scaffold/shanghai-yusuan/table02.toml"),
    ),
    (
        "shanghai-yusuan/table03.toml",
        include_str!("../scaffold/shanghai-yusuan/table03.toml"),
    ),
    (
        "shanghai-yusuan/table04.toml",
        include_str!("../scaffold/shanghai-yusuan/table04.toml"),
    ),
    (
        "shanghai-yusuan/table05.toml",
        include_str!("../scaffold/shanghai-yusuan/table05.toml"),
    ),
    (
        "shanghai-yusuan/table06.toml",
        include_str!("../scaffold/shanghai-yusuan/table06.toml"),
    ),
    (
        "shanghai-yusuan/table07.toml",
        include_str!("../scaffold/shanghai-yusuan/table07.toml"),
    ),
    (
        "shanghai-yusuan/table08.toml",
        include_str!("../scaffold/shanghai-yusuan/table08.toml"),
    ),
    (
        "shanghai-yusuan/table09.toml",
        include_str!("../scaffold/shanghai-yusuan/table09.toml"),
    ),
    (
        "shanghai-yusuan/three_public.toml",
        include_str!("../scaffold/shanghai-yusuan/three_public.toml"),
    ),
];

/// A form's template of `file`: its own, else (a 决算's) the common one.
fn template(form: &Form, file: &str) -> Option<&'static str> {
    let own = format!("{}/{file}", form.scaffold);
    let common = (form.document == DocumentKind::FinalAccounts).then(|| format!("common/{file}"));
    std::iter::once(own).chain(common).find_map(|path| {
        TEMPLATES
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, text)| *text)
    })
}

/// The folder, relative to the data folder, that holds the JSON Schemas the `#:schema` directives point to. Hidden
/// (a leading dot), because the loader ignores hidden entries but warns about any other file that is no section.
pub const SCHEMA_DIR: &str = ".schema";

/// What `juesuan new` was told; whatever is left out comes from last year's folder, if one is given.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<Kind>,
    /// The form's id; else last year's form when it covers the year, else the one form of the kind of document
    /// that covers the year.
    pub form: Option<String>,
    /// 决算 or 预算, when no form is named (else the form's).
    pub document: Option<DocumentKind>,
    /// Last year's folder as the new document.toml names it (`previous` of a 决算, `previous_budget` of a 预算),
    /// when the new folder is made from it: relative to the new folder.
    pub link: Option<String>,
}

/// A new document folder, not yet written: its files and what the user should know about them.
#[derive(Clone, Debug)]
pub struct Scaffold {
    /// (file name, contents) for every section file of the form, in the document's order.
    pub files: Vec<(&'static str, String)>,
    /// The sections written (for their schemas).
    pub sections: Vec<SectionId>,
    /// Things worth saying after writing (what was carried over, what was left out and why).
    pub notes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum NewError {
    #[error("{}", crate::tr!("new-not-empty", dir = .0.display()))]
    NotEmpty(PathBuf),
    #[error("{}", crate::tr!("new-not-a-folder", dir = .0.display()))]
    NotAFolder(PathBuf),
    #[error("{}", crate::tr!("new-missing-unit"))]
    MissingUnit,
    #[error("{}", crate::tr!("new-empty-unit"))]
    EmptyUnit,
    #[error("{}", crate::tr!("new-missing-year"))]
    MissingYear,
    #[error("{}", crate::tr!("new-implausible-year", year = .0))]
    ImplausibleYear(i32),
    #[error("{}; {}", crate::tr!("no-such-form", name = .0), crate::tr!("forms-are", forms = .1))]
    UnknownForm(String, String),
    #[error("{}", crate::tr!("new-no-form", year = .0, forms = .1))]
    NoForm(i32, String),
    #[error("{}", crate::tr!("new-several-forms", year = .0, forms = .1))]
    SeveralForms(i32, String),
    #[error("{}", crate::tr!("new-other-kind", last = last, new = new))]
    OtherKind {
        last: &'static str,
        new: &'static str,
    },
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Reads last year's folder for `--from`. Only its values are needed, so it has to load (parse), not to pass every
/// check: a published document with a rule broken still has its duties and totals.
pub fn read_last_year(dir: &Path) -> Result<Doc, crate::Rejected> {
    match crate::load::load(dir) {
        Ok((loaded, _warnings)) => Ok(loaded.doc),
        Err(failure) => Err(crate::Rejected {
            sources: failure.sources,
            diagnostics: failure.diagnostics,
        }),
    }
}

/// Builds the files of a new document: from `options`, and from last year's document where given.
pub fn scaffold(options: &Options, last_doc: Option<&Doc>) -> Result<Scaffold, NewError> {
    let info = last_doc.map(Doc::info);
    let unit = match (&options.unit, info) {
        (Some(unit), _) => unit.trim().to_string(),
        (None, Some(last)) => last.unit.value.clone(),
        (None, None) => return Err(NewError::MissingUnit),
    };
    if unit.is_empty() {
        return Err(NewError::EmptyUnit);
    }
    let year = match (options.year, info) {
        (Some(year), _) => year,
        (None, Some(last)) => last.year.value + 1,
        (None, None) => return Err(NewError::MissingYear),
    };
    if !(1949..=2200).contains(&year) {
        return Err(NewError::ImplausibleYear(year));
    }
    let kind = options
        .kind
        .or(info.map(|l| l.kind.value))
        .unwrap_or(Kind::Unit);

    let mut notes = Vec::new();
    if let Some(last) = info {
        let last_year = last.year.value;
        if last_year != year - 1 {
            notes.push(format!(
                "the folder given with --from is for {last_year}, not {}: its figures were still entered as the \
                 previous year's (上年数); correct them if they are not",
                year - 1
            ));
        }
    }

    let form = choose_form(options, info, year)?;
    if let Some(last) = last_doc.filter(|l| l.kind() != form.document) {
        return Err(NewError::OtherKind {
            last: last.kind().word(),
            new: form.document.word(),
        });
    }
    let last = last_doc.and_then(Doc::final_accounts);
    if !form.covers(year) {
        notes.push(format!(
            "the form {} covers {}, not {year}: `juesuan check` will say so until the year or the form is changed",
            form.id,
            form.year_range()
        ));
    }
    let mut values: Vec<(&str, String)> = vec![
        ("form", toml_string(&form.id)),
        ("unit", toml_string(&unit)),
        ("year", year.to_string()),
        ("kind", toml_string(kind.word())),
        (
            "previous_folder",
            link_line(form.document, last_doc.and(options.link.as_deref())),
        ),
    ];
    if form.document == DocumentKind::Budget {
        values.extend(budget::values(&form, year, last_doc.and_then(Doc::budget)));
        return Ok(files(&form, kind, &values, notes, last_doc));
    }
    values.push(("published", published(year, last)));
    values.extend(document_values(last));
    values.extend(overview_values(last));
    let linked = last.is_some() && options.link.is_some();
    values.extend(previous_figures(&form, last, linked));
    values.push((
        "government_fund",
        fund_block(&form, last, Fund::Government, linked),
    ));
    values.push((
        "state_capital",
        fund_block(&form, last, Fund::StateCapital, linked),
    ));
    values.push((
        "vehicles",
        vehicles(&form, last.map(|l| l.assets.vehicles.as_slice())),
    ));
    values.push((
        "form_title",
        toml_string(last.and_then(|l| l.performance.as_ref()).map_or(
            "待填写：××市本级财政支出项目绩效自评表",
            |p| p.form_title.value.as_str(),
        )),
    ));
    let (terms, commented) = terms(&form, last.map(|l| &l.glossary));
    if commented > 0 {
        notes.push(format!(
            "{commented} glossary entr{} of last year name a line of 公开05表 by its code; they are commented out \
             in glossary.toml until this year's 公开05表 lists the line",
            if commented == 1 { "y" } else { "ies" }
        ));
    }
    values.push(("terms", terms));

    Ok(files(&form, kind, &values, notes, last_doc))
}

/// document.toml's line naming last year's folder: `previous` (a 决算's) or `previous_budget` (a 预算's), commented
/// out when there is none.
fn link_line(document: DocumentKind, link: Option<&str>) -> String {
    let key = match document {
        DocumentKind::FinalAccounts => "previous",
        DocumentKind::Budget => "previous_budget",
    };
    let word = document.word();
    match link {
        Some(path) => format!(
            "{key} = {}  # 上年{word}的数据文件夹：上年数从中取得，这里写了的与之核对",
            toml_string(path)
        ),
        None => format!(
            "# {key} = \"../上年的文件夹\"  # 可选：上年{word}的数据文件夹；写了时上年数从中取得，这里写了的与之核对"
        ),
    }
}

/// Every section file of a document of the form and 主体, from its template with the values filled in, and the
/// rows of last year's tables (codes and names, figures 0 to fill in).
fn files(
    form: &Form,
    kind: Kind,
    values: &[(&str, String)],
    notes: Vec<String>,
    last: Option<&Doc>,
) -> Scaffold {
    let sections = form.sections_of(kind);
    let files = sections
        .iter()
        .map(|&section| {
            let template = template(form, section.file()).unwrap_or("");
            let mut text = header(section, &form.section_title(section, None), form.document)
                + &fill(template, values);
            let is_table = form.tables.iter().any(|t| t.section == section);
            let last_values = last.filter(|_| is_table).and_then(|l| section.values(l));
            for (key, mut columns, rows) in last_values.iter().flat_map(carried_rows) {
                let empty = format!("\n{key} = [\n]");
                let Some(at) = text.find(&empty) else {
                    continue;
                };
                // The columns in the order of the template's example row just above the list (the form's order).
                let example = text[..at]
                    .lines()
                    .last()
                    .filter(|l| l.starts_with("#   {"))
                    .unwrap_or("");
                // A column of the form that last year's rows left out everywhere is still to be filled in.
                for column in example.split([',', '{']).filter_map(|cell| {
                    let (key, _) = cell.split_once(" = ")?;
                    let key = key.trim();
                    (!matches!(key, "code" | "name")).then_some(key)
                }) {
                    if !columns.iter().any(|c| c == column) {
                        columns.push(column.to_string());
                    }
                }
                columns.sort_by_key(|c| example.find(&format!(" {c} = ")).unwrap_or(usize::MAX));
                let lines: String = rows
                    .iter()
                    .map(|(code, name)| {
                        let cells: Vec<String> = [("code", code), ("name", name)]
                            .into_iter()
                            .filter_map(|(k, v)| {
                                v.as_ref().map(|v| format!("{k} = {}", toml_string(v)))
                            })
                            .chain(columns.iter().map(|c| format!("{c} = 0")))
                            .collect();
                        format!("    {{ {} }},  # 待填写\n", cells.join(", "))
                    })
                    .collect();
                text.replace_range(at..at + empty.len(), &format!("\n{key} = [\n{lines}]"));
            }
            (section.file(), text)
        })
        .collect();
    Scaffold {
        files,
        sections,
        notes,
    }
}

/// A list of coded rows of last year's table (`rows`, `classes`, 06's `personnel` and `public`): its key, its
/// figure columns, and each row's code and name, so that a year starts with last year's lines and nobody types a
/// code again. The columns are those any row states, and those of the table's 合计 (`total = { total, basic,
/// project }`), which a row that leaves a column out still has.
type CarriedRows = (String, Vec<String>, Vec<(Option<String>, Option<String>)>);

fn carried_rows(section: &serde_json::Value) -> Vec<CarriedRows> {
    use serde_json::Value;
    fn lists<'a>(value: &'a Value, out: &mut Vec<(&'a str, &'a [Value], Vec<&'a str>)>) {
        let Some(object) = value.as_object() else {
            return;
        };
        let total_columns: Vec<&str> = match object.get("total") {
            Some(Value::Object(total)) => total.keys().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        for (key, v) in object {
            match v {
                Value::Array(rows) if rows.first().is_some_and(|r| r.get("code").is_some()) => {
                    out.push((key, rows, total_columns.clone()))
                }
                Value::Object(_) => lists(v, out),
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    lists(section, &mut found);
    found
        .into_iter()
        .map(|(key, rows, total_columns)| {
            let mut columns: Vec<String> = Vec::new();
            let figures = rows
                .iter()
                .filter_map(Value::as_object)
                .flat_map(|row| row.iter())
                .filter(|(column, v)| {
                    !matches!(column.as_str(), "code" | "name")
                        && matches!(v, Value::Number(_) | Value::String(_))
                })
                .map(|(column, _)| column.as_str());
            for column in figures.chain(total_columns) {
                if !columns.iter().any(|c| c == column) {
                    columns.push(column.to_string());
                }
            }
            let text =
                |row: &Value, k: &str| row.get(k).and_then(Value::as_str).map(str::to_string);
            let rows = rows
                .iter()
                .map(|row| (text(row, "code"), text(row, "name")))
                .collect();
            (key.to_string(), columns, rows)
        })
        .collect()
}

/// The form a new folder is written for: the one named, else last year's if it covers the year, else the one form
/// that covers the year.
fn choose_form(
    options: &Options,
    last: Option<&crate::model::DocumentInfo>,
    year: i32,
) -> Result<std::sync::Arc<Form>, NewError> {
    let named = options.form.as_deref();
    let all = || {
        Form::ids()
            .filter_map(Form::get)
            .map(|f| format!("{} ({}, {})", f.id, f.name, f.year_range()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if let Some(id) = named {
        return Form::get(id).ok_or_else(|| NewError::UnknownForm(id.to_string(), all()));
    }
    let lasts = last.and_then(|l| Form::get(&l.form.value));
    if let Some(form) = lasts.clone().filter(|f| f.covers(year)) {
        return Ok(form);
    }
    let document = options.document.or(lasts.as_ref().map(|f| f.document));
    let covering: Vec<&str> = Form::covering(year)
        .into_iter()
        .filter(|id| document.is_none_or(|d| Form::get(id).is_some_and(|f| f.document == d)))
        .collect();
    match covering.as_slice() {
        // No form covers the year yet: last year's goes on (a note says so), else there is none to choose.
        [] => lasts.ok_or_else(|| NewError::NoForm(year, all())),
        [one] => Form::get(one).ok_or_else(|| NewError::NoForm(year, all())),
        several => Err(NewError::SeveralForms(year, several.join(", "))),
    }
}

/// Writes a scaffold into `dir` (created if missing), with the JSON Schemas its `#:schema` directives point to.
/// Refuses a folder that holds anything, so nothing is ever overwritten.
pub fn write(dir: &Path, scaffold: &Scaffold) -> Result<Vec<PathBuf>, NewError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NewError::Io { path, source }
    };
    match std::fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => return Err(NewError::NotAFolder(dir.to_path_buf())),
        Ok(_) => {
            let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
            if entries.next().is_some() {
                return Err(NewError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        Err(e) => return Err(io(dir)(e)),
    }
    let schema_dir = dir.join(SCHEMA_DIR);
    std::fs::create_dir(&schema_dir).map_err(io(&schema_dir))?;
    let schemas = crate::schema::all(&scaffold.sections)
        .into_iter()
        .map(|(name, text)| (schema_dir.join(name), text));
    let sections = scaffold
        .files
        .iter()
        .map(|(name, text)| (dir.join(name), text.clone()));
    let mut written = Vec::new();
    for (path, text) in sections.chain(schemas) {
        // create_new: should anything appear in the folder meanwhile, it is not overwritten.
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io(&path))?;
        file.write_all(text.as_bytes()).map_err(io(&path))?;
        written.push(path);
    }
    Ok(written)
}

/// The first lines of every file: the schema directive editors read (taplo / Even Better TOML), what the file is,
/// and how to fill it in.
fn header(section: SectionId, title: &str, document: DocumentKind) -> String {
    let schema = crate::schema::schema_file_name(section);
    let unit = match document {
        DocumentKind::FinalAccounts => "金额以万元为单位，写成数字（如 1061.38）",
        DocumentKind::Budget => {
            "金额写成数字（预算表1–8以元为单位，如 371514655.00；其余以万元为单位）"
        }
    };
    format!(
        "#:schema ./{SCHEMA_DIR}/{schema}\n\
         # {title}\n\
         # 由 juesuan new 生成。标有“待填写”的数字和文字请按实际情况填写；{unit}，\n\
         # 不加引号和千分位。填完后运行 juesuan check 检查。\n\n"
    )
}

/// Replaces every `{{name}}` of `template` by its value, in one pass (a value is never searched for markers: last
/// year's text may hold anything). A marker without a value is left as it is; a test makes sure none is.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let value = after.find("}}").and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, end + 2))
        });
        match value {
            Some((value, used)) => {
                out.push_str(value);
                rest = &after[used..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A TOML basic string: quoted, with `"`, `\` and control characters escaped.
pub(crate) fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A figure as TOML: the exact decimal it was read as (`1061.38`, `0.63`, `0`).
fn figure(money: &Money) -> String {
    money.amount.decimal().to_string()
}

/// The publication date: last year's day a year on, else 30 September of the year after the fiscal year.
fn published(year: i32, last: Option<&Document>) -> String {
    let (month, day) = last
        .and_then(|l| l.document.published.value.date)
        .map_or((9, 30), |d| (d.month, d.day));
    // 29 February does not come every year.
    let day = if month == 2 && day == 29 { 28 } else { day };
    format!("{}-{month:02}-{day:02}", year + 1)
}

fn document_values(last: Option<&Document>) -> Vec<(&'static str, String)> {
    let info = last.map(|l| &l.document);
    let short_name = match info.and_then(|i| i.short_name.as_ref()) {
        Some(name) => format!("short_name = {}", toml_string(&name.value)),
        None => "# short_name = \"简称\"".to_string(),
    };
    let supervisor = info
        .and_then(|i| i.supervisor.as_ref())
        .map_or("待填写：主管部门", |s| s.value.as_str());
    let charts = info.is_some_and(|i| i.charts);
    vec![
        ("short_name", short_name),
        ("supervisor", toml_string(supervisor)),
        ("charts", charts.to_string()),
        ("fonts", fonts(last.map(|l| &l.document))),
    ]
}

/// `[fonts]` as last year named them, or a commented example.
fn fonts(last: Option<&DocumentInfo>) -> String {
    let chosen: Vec<(&str, &str)> = last
        .map(|l| {
            let f = &l.fonts;
            [
                ("title", &f.title),
                ("heading1", &f.heading1),
                ("heading2", &f.heading2),
                ("body", &f.body),
                ("table", &f.table),
            ]
            .into_iter()
            .filter_map(|(key, value)| value.as_ref().map(|v| (key, v.value.as_str())))
            .collect()
        })
        .unwrap_or_default();
    if chosen.is_empty() {
        return "\n# 有正式字体时（render --font-path 字体文件夹），可以指定各部分所用的字体，例如：\n\
                # [fonts]\n\
                # title = \"方正小标宋简体\"\n\
                # heading1 = \"黑体\"\n\
                # heading2 = \"楷体_GB2312\"\n\
                # body = \"仿宋_GB2312\"\n\
                # table = \"仿宋_GB2312\"\n"
            .to_string();
    }
    let mut out = "\n# 各部分所用的字体（render --font-path 字体文件夹）。\n[fonts]\n".to_string();
    for (key, family) in chosen {
        out += &format!("{key} = {}\n", toml_string(family));
    }
    out
}

/// The items of a TOML array, one a line.
fn array_items<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|item| format!("    {},", toml_string(item)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn overview_values(last: Option<&Document>) -> Vec<(&'static str, String)> {
    let (duties, divisions) = match last {
        Some(l) => (
            array_items(l.overview.duties.iter().map(|d| d.value.as_str())),
            array_items(l.overview.divisions.iter().map(|d| d.value.as_str())),
        ),
        None => (
            array_items(["待填写：第一项职责", "待填写：第二项职责"]),
            array_items(["待填写：内设机构名称"]),
        ),
    };
    let units = match last.map(|l| &l.overview.units) {
        Some(units) if !units.is_empty() => units
            .iter()
            .map(|u| match &u.note {
                Some(note) => format!(
                    "    {{ name = {}, note = {} }},",
                    toml_string(&u.name.value),
                    toml_string(&note.value)
                ),
                None => format!("    {{ name = {} }},", toml_string(&u.name.value)),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => "    { name = \"待填写：单位名称（本级）\" },".to_string(),
    };
    vec![
        ("duties", duties),
        ("divisions", divisions),
        ("units", units),
    ]
}

/// The lines of the previous-year figures: carried over from last year's document where it states them, or, when
/// document.toml names last year's folder (`previous`), left to come from there.
fn previous_figures(
    form: &Form,
    last: Option<&Document>,
    linked: bool,
) -> Vec<(&'static str, String)> {
    PREVIOUS_FIGURES
        .iter()
        .filter_map(|p| Some((p.marker?, p)))
        .map(|(marker, p)| {
            let line = match last {
                None => format!("{} = 0  # 待填写：{}（万元）", p.key, p.what),
                Some(l) => match (p.value)(l) {
                    Some(money) => {
                        let (key, value, what) = (p.key, figure(money), p.what);
                        let from = format!(
                            "上年（{}年度）{} {}",
                            l.document.year.value,
                            form.table_name(p.from.0, None),
                            p.from.1
                        );
                        if linked {
                            format!(
                                "# {key} = {value}  # {what}：取自 document.toml 的 previous 所指{from}；写出时与之核对"
                            )
                        } else {
                            format!("{key} = {value}  # {what}，取自{from}")
                        }
                    }
                    // Left out rather than 0: a wrong 0 would make the narrative state a change that did not happen.
                    None => format!(
                        "# {} = 0  # 待填写：{}（上年资料未载明；填写后去掉行首的“# ”）",
                        p.key, p.what
                    ),
                },
            };
            (marker, line)
        })
        .collect()
}

#[derive(Clone, Copy)]
enum Fund {
    Government,
    StateCapital,
}

/// `[government_fund]` / `[state_capital]` of explanation.toml: written out when last year had such spending
/// (its figure becomes the previous one, or comes from the `previous` link), otherwise commented, to be filled in only
/// when the unit has the money.
fn fund_block(form: &Form, last: Option<&Document>, fund: Fund, linked: bool) -> String {
    let (key, heading, table) = match fund {
        Fund::Government => (
            "government_fund",
            "（七）政府性基金预算财政拨款支出",
            SectionId::Table08,
        ),
        Fund::StateCapital => (
            "state_capital",
            "（八）国有资本经营预算财政拨款支出",
            SectionId::Table09,
        ),
    };
    let Some(p) = PREVIOUS_FIGURES.iter().find(|p| p.from.0 == table) else {
        return String::new();
    };
    let what = p.what;
    let carried = last.and_then(|l| {
        (p.value)(l)
            .filter(|m| !m.is_zero())
            .map(|m| (figure(m), l.document.year.value))
    });
    let from = form.table_name(table, None);
    match carried {
        Some((previous, last_year)) => {
            let previous = if linked {
                format!(
                    "# previous_expenditure = {previous}  # {what}：取自 document.toml 的 previous 所指上年（{last_year}年度）\
                     {from} 合计；写出时与之核对"
                )
            } else {
                format!(
                    "previous_expenditure = {previous}  # {what}，取自上年（{last_year}年度）{from} 合计"
                )
            };
            format!(
                "# {heading}\n\
                 [{key}]\n\
                 {previous}\n\
                 change_reason = \"待填写：与上年相比增减变化的主要原因\"\n\
                 budget = 0  # 待填写：年初预算数（万元）\n\
                 budget_reason = \"待填写：决算数与年初预算数差异的主要原因\""
            )
        }
        None => format!(
            "# {heading}：本年有这项支出时，去掉下面各行行首的“# ”并填写；没有时保持原样（正文写“无相关数据”）。\n\
             # [{key}]\n\
             # previous_expenditure = 0  # {what}（万元）\n\
             # change_reason = \"与上年相比增减变化的主要原因\"\n\
             # budget = 0  # 年初预算数（万元）\n\
             # budget_reason = \"决算数与年初预算数差异的主要原因\""
        ),
    }
}

/// The vehicle kinds, last year's or the form's, each with its count to fill in.
fn vehicles(form: &Form, last: Option<&[VehicleCount]>) -> String {
    let kinds: Vec<&str> = match last {
        Some(vehicles) if !vehicles.is_empty() => {
            vehicles.iter().map(|v| v.kind.value.as_str()).collect()
        }
        _ => form
            .wording
            .vehicle_kinds
            .iter()
            .map(String::as_str)
            .collect(),
    };
    kinds
        .into_iter()
        .map(|kind| {
            format!(
                "    {{ kind = {}, count = 0 }},  # 待填写：辆数",
                toml_string(kind)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The glossary: last year's terms (entries naming a code commented out, as this year's 公开05表 does not list the
/// line yet) or the standard terms; and how many entries were commented out.
fn terms(form: &Form, last: Option<&Glossary>) -> (String, usize) {
    let Some(glossary) = last else {
        return (
            template(form, "default-terms.toml")
                .unwrap_or("")
                .to_string(),
            0,
        );
    };
    let mut out = Vec::new();
    let mut commented = Vec::new();
    for term in &glossary.terms {
        let mut lines = vec!["[[terms]]".to_string()];
        if let Some(t) = &term.term {
            lines.push(format!("term = {}", toml_string(&t.value)));
        }
        if let Some(code) = &term.code {
            lines.push(format!("code = {}", toml_string(&code.value)));
        }
        if let Some(definition) = &term.definition {
            lines.push(format!("definition = {}", toml_string(&definition.value)));
        }
        if term.code.is_some() {
            commented.push(
                lines
                    .iter()
                    .map(|l| format!("# {l}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        } else {
            out.push(lines.join("\n"));
        }
    }
    let count = commented.len();
    if count > 0 {
        out.push(format!(
            "# 以下是上年按科目编码解释的名词。本年公开05表列有该科目时，去掉该段各行行首的“# ”即可恢复。\n\n{}",
            commented.join("\n\n")
        ));
    }
    (out.join("\n\n") + "\n", count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_a_template_of_each_section_and_every_marker_is_filled() {
        for id in Form::ids() {
            let form = Form::get(id).unwrap();
            let year = form.years[0];
            let options = Options {
                unit: Some("示例单位".to_string()),
                year: Some(year),
                form: Some(id.to_string()),
                ..Options::default()
            };
            for kind in [Kind::Unit, Kind::Department] {
                let options = Options {
                    kind: Some(kind),
                    ..options.clone()
                };
                let s = scaffold(&options, None).unwrap();
                assert_eq!(s.files.len(), form.sections_of(kind).len());
                for ((file, text), section) in s.files.iter().zip(&s.sections) {
                    assert!(
                        template(&form, file).is_some(),
                        "{id}: no template for {file}"
                    );
                    assert!(!text.contains("{{"), "{id}: {file} has an unfilled marker");
                    assert!(
                        text.starts_with(&format!(
                            "#:schema ./.schema/{}",
                            crate::schema::schema_file_name(*section)
                        )),
                        "{file} starts with its schema directive"
                    );
                }
            }
        }
    }

    #[test]
    fn the_template_list_is_the_scaffold_folder() {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scaffold");
        let mut on_disk = Vec::new();
        for folder in std::fs::read_dir(&base).unwrap() {
            let folder = folder.unwrap().path();
            for file in std::fs::read_dir(&folder).unwrap() {
                let file = file.unwrap().path();
                on_disk.push(file.strip_prefix(&base).unwrap().display().to_string());
            }
        }
        on_disk.sort();
        let mut listed: Vec<String> = TEMPLATES.iter().map(|(p, _)| p.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn the_form_follows_the_year_unless_named() {
        let options = Options::default();
        let for_year = |year| choose_form(&options, None, year).map(|f| f.id.clone());
        assert_eq!(for_year(2021).unwrap(), "zhejiang-2020");
        assert!(matches!(for_year(1990), Err(NewError::NoForm(1990, _))));
        let named = Options {
            form: Some("nowhere-2020".into()),
            ..Options::default()
        };
        assert!(matches!(
            choose_form(&named, None, 2021),
            Err(NewError::UnknownForm(..))
        ));
    }

    #[test]
    fn strings_are_escaped_for_toml() {
        let text = toml_string("a\"b\\c\nd");
        let parsed: toml::Value = toml::from_str(&format!("x = {text}")).unwrap();
        assert_eq!(parsed["x"].as_str(), Some("a\"b\\c\nd"));
    }

    #[test]
    fn unit_and_year_are_required_without_last_year() {
        let none = Options::default();
        assert!(matches!(scaffold(&none, None), Err(NewError::MissingUnit)));
        let no_year = Options {
            unit: Some("单位".into()),
            ..Options::default()
        };
        assert!(matches!(
            scaffold(&no_year, None),
            Err(NewError::MissingYear)
        ));
        let bad_year = Options {
            year: Some(20),
            ..no_year
        };
        assert!(matches!(
            scaffold(&bad_year, None),
            Err(NewError::ImplausibleYear(20))
        ));
    }

    #[test]
    fn publication_is_the_year_after() {
        assert_eq!(published(2021, None), "2022-09-30");
    }
}
