//! `juesuan import`: a data folder from a workbook of the nine tables.
//!
//! Each table of the form is looked for by its title (normalized: without white space, quotation marks or the year
//! it names) in the first rows of every sheet; the form and the document's 主体 are those whose titles the workbook
//! holds (or the ones the export recorded, or the ones given). In the sheet, the header is the block of rows made
//! of the form's header words (项目, 行次, 科目编码, 决算数 …); each of the form's columns is the sheet column whose
//! header path (the merged cells above it, top down) is the form's. Each body row is placed by its 行次, its code
//! (joined, or split over 类 | 款 | 项) or its label, numbering aside; its figures are converted from the sheet's
//! "单位：" (元 ↔ 万元), blank, `—` and `-` read as no figure, separators dropped, more than two decimals rounded
//! half-up with a warning. A cell that cannot be placed is an error at its `Sheet!C12`, and so is text where a
//! figure belongs, a formula without a computed value, or a merged region across figures: nothing is guessed.
//!
//! The result is the tables' section files, each value commented with the cell it came from; [`write`] puts them
//! in a new folder with everything else scaffolded as `juesuan new` does (marked 待填写).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rust_decimal::{Decimal, RoundingStrategy};

use super::read::{self, ReadError, Sheet, Value, Workbook};
use super::{CellRef, MoneyUnit, export, normalize, strip_numbering, title_key, year_in};
use crate::figures::{self, Paths};
use crate::form::table::{Absent, Column, Panel, Role, Row, RowSpec};
use crate::form::{Form, Placeholders, TableSpec};
use crate::model::{Kind, SectionId};

pub mod report_set;

/// What `juesuan import` was told; what is left out comes from the workbook.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The form's id (else the one the export recorded, else the one whose tables the workbook holds).
    pub form: Option<String>,
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<Kind>,
}

/// Something found while reading the workbook: an error (a cell that cannot be placed or read) or a warning (a
/// figure rounded), at its cell where it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub error: bool,
    pub at: Option<CellRef>,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = if self.error { "error" } else { "warning" };
        match &self.at {
            Some(at) => write!(f, "{severity}: {at}: {}", self.message),
            None => write!(f, "{severity}: {}", self.message),
        }
    }
}

/// Why a workbook cannot be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("there is no form `{0}`; the forms are: {1}")]
    UnknownForm(String, String),
    #[error(
        "{path}: no sheet holds a table of any form (looked for titles such as {example:?} in the first rows of each sheet); the forms are: {forms}"
    )]
    NoTables {
        path: PathBuf,
        example: String,
        forms: String,
    },
    #[error("{path}: the tables fit several forms equally ({0}): choose one with --form", .forms)]
    Ambiguous { path: PathBuf, forms: String },
    #[error("{path}: the workbook does not say {what}: give {flag}")]
    Missing {
        path: PathBuf,
        what: &'static str,
        flag: &'static str,
    },
}

/// A workbook read: the form and document it is for, the tables' section files, and what was found on the way.
#[derive(Debug)]
pub struct Imported {
    pub form: Arc<Form>,
    pub unit: String,
    pub year: i32,
    pub kind: Kind,
    /// The section files of the tables found, as TOML.
    pub tables: Vec<(SectionId, String)>,
    pub findings: Vec<Finding>,
    /// What is worth saying (sheets not read, tables not found, where the unit and year came from).
    pub notes: Vec<String>,
    /// How many figures were read.
    pub figures: usize,
    /// Figures for sections the import otherwise scaffolds (the 财决 report set's “三公” counts, 机关运行经费).
    pub patches: Vec<report_set::Patch>,
}

impl Imported {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.error).count()
    }
}

/// At most this many cells reported per sheet (the rest are counted).
const MAX_REPORTED: usize = 30;

/// Reads a workbook file and places its figures in the form's tables.
pub fn import(path: &Path, options: &Options) -> Result<Imported, ImportError> {
    let book = read::read(path)?;
    import_book(path, &book, options)
}

/// The figures of a workbook already read; `path` names it in messages.
pub fn import_book(
    path: &Path,
    book: &Workbook,
    options: &Options,
) -> Result<Imported, ImportError> {
    let titles: Vec<Vec<(u32, String)>> = book.sheets.iter().map(title_cells).collect();
    let report = report_set::recognise(book);
    let (form, kind) = match &report {
        Some(_) => choose_final_accounts(path, &titles, options)?,
        None => choose_form(path, book, &titles, options)?,
    };
    let prop = |key: &str| book.properties.get(key).map(|v| v.trim().to_string());
    let mut notes = Vec::new();

    // Where each table stands: (sheet index, title row); in the report set, the report that holds it.
    let p = placeholders_for(kind);
    let mut placed: Vec<(&TableSpec, Vec<(usize, u32)>)> = Vec::new();
    for spec in form.tables_of(kind) {
        let key = title_key(&Form::fill(&spec.title, &p.get()));
        let found: Vec<(usize, u32)> = match (&report, report_set::report_of(spec.section)) {
            (Some(coded), Some(holder)) => coded
                .iter()
                .filter(|(_, code)| code == holder.code)
                .map(|&(s, _)| (s, report_set::title_row(&book.sheets[s], holder)))
                .collect(),
            (Some(_), None) => Vec::new(),
            (None, _) => titles
                .iter()
                .enumerate()
                .filter_map(|(s, cells)| {
                    cells
                        .iter()
                        .find(|(_, t)| title_key(t) == key)
                        .map(|(r, _)| (s, *r))
                })
                .collect(),
        };
        placed.push((spec, found));
    }

    // The year in a title, or in a line under it (2020年度) or above it (the document's heading).
    let year_from_titles = placed
        .iter()
        .flat_map(|(_, found)| found.iter())
        .find_map(|&(s, r)| {
            (r.saturating_sub(2)..r + 3).find_map(|r| year_in(&row_text(&book.sheets[s], r)))
        });
    let year = match options
        .year
        .or(year_from_titles)
        .or_else(|| prop(export::PROPERTY_YEAR).and_then(|y| y.parse().ok()))
    {
        Some(year) => year,
        None => {
            return Err(ImportError::Missing {
                path: path.to_path_buf(),
                what: "the year (its titles name none)",
                flag: "--year <年度>",
            });
        }
    };
    let unit_from_sheets = placed
        .iter()
        .flat_map(|(_, found)| found.iter())
        .find_map(|&(s, r)| unit_line(&book.sheets[s], r));
    let unit = match options
        .unit
        .clone()
        .or(unit_from_sheets)
        .or_else(|| prop(export::PROPERTY_UNIT))
        .filter(|u| !u.is_empty())
    {
        Some(unit) => unit,
        None => {
            return Err(ImportError::Missing {
                path: path.to_path_buf(),
                what: "the unit's name (no 编制单位 line names it)",
                flag: "--unit <名称>",
            });
        }
    };
    if !form.covers(year) {
        notes.push(format!(
            "the form {} covers {}, not {year}: `check` will say so",
            form.id,
            form.year_range()
        ));
    }

    let mut findings = Vec::new();
    let mut tables = Vec::new();
    let mut figures = 0;
    let mut used_sheets = vec![false; book.sheets.len()];
    let mut patches = Vec::new();
    let document = Placeholders {
        unit: &unit,
        short_name: &unit,
        year,
        subject: kind,
        region: "",
    };
    for (spec, found) in &placed {
        let name = form.section_title(spec.section, Some(&document));
        match found.as_slice() {
            [] => findings.push(Finding {
                error: true,
                at: None,
                message: match (&report, report_set::report_of(spec.section)) {
                    (Some(_), Some(holder)) => format!(
                        "no sheet of the report set is {} ({}, {}), which holds {name}",
                        holder.code, holder.title, holder.label
                    ),
                    _ => format!(
                        "no sheet holds {name} (its title {:?} is in none)",
                        spec.title
                    ),
                },
            }),
            [(s, row)] => {
                used_sheets[*s] = true;
                let sheet = &book.sheets[*s];
                let mut table = TableReader::new(&form, spec, sheet, *row, name.clone());
                let reader = report
                    .as_ref()
                    .and_then(|_| report_set::report_of(spec.section))
                    .map(|r| r.reader);
                let out = match reader {
                    None => table.read(),
                    Some(report_set::Reader::Table) => {
                        table = table.in_report_set();
                        table.read()
                    }
                    Some(report_set::Reader::Statistics) => {
                        table = table.in_report_set();
                        let mut out = Out::default();
                        patches.extend(table.read_statistics(&mut out));
                        out
                    }
                };
                if !table.skipped.is_empty() {
                    let columns: Vec<String> = table
                        .skipped
                        .iter()
                        .map(|(c, head)| format!("{} {head}", super::column_letters(*c)))
                        .collect();
                    notes.push(format!(
                        "{}: columns {name} does not print, not read: {}",
                        sheet.name,
                        columns.join(", ")
                    ));
                }
                figures += out.figures;
                findings.extend(table.findings);
                let unit =
                    MoneyUnit::of_line(&spec.money_unit).unwrap_or(MoneyUnit::TenThousandYuan);
                tables.push((spec.section, out.toml(spec.section, &name, unit, path)));
            }
            several => {
                let sheets: Vec<String> = several
                    .iter()
                    .map(|(s, _)| book.sheets[*s].name.clone())
                    .collect();
                for (s, _) in several {
                    used_sheets[*s] = true;
                }
                findings.push(Finding {
                    error: true,
                    at: None,
                    message: format!(
                        "{name} is in several sheets ({}): keep one",
                        sheets.join(", ")
                    ),
                });
            }
        }
    }
    let unread: Vec<&str> = book
        .sheets
        .iter()
        .zip(&used_sheets)
        .filter(|(s, used)| !**used && !s.cells.is_empty())
        .map(|(s, _)| s.name.as_str())
        .collect();
    if !unread.is_empty() {
        let why = match report {
            Some(_) => "reports of the set that hold no table of the form",
            None => "no table of the form",
        };
        notes.push(format!("sheets not read ({why}): {}", unread.join(", ")));
    }
    Ok(Imported {
        form,
        unit,
        year,
        kind,
        tables,
        findings,
        notes,
        figures,
        patches,
    })
}

/// Writes an imported workbook as a new data folder: every section file of the form as `juesuan new` writes it,
/// the tables as read. Refuses a folder that holds anything.
pub fn write(dir: &Path, imported: &Imported) -> Result<Vec<PathBuf>, crate::scaffold::NewError> {
    let options = crate::scaffold::Options {
        unit: Some(imported.unit.clone()),
        year: Some(imported.year),
        kind: Some(imported.kind),
        form: Some(imported.form.id.clone()),
        document: None,
        link: None,
    };
    let mut scaffold = crate::scaffold::scaffold(&options, None)?;
    for (name, text) in &mut scaffold.files {
        if let Some((_, table)) = imported.tables.iter().find(|(s, _)| s.file() == *name) {
            *text = table.clone();
        }
        let patches: Vec<&report_set::Patch> = imported
            .patches
            .iter()
            .filter(|p| p.section.file() == *name)
            .collect();
        if !patches.is_empty() {
            // The scaffold is ours and its paths are the model's: a failure here is a bug, and the value stays
            // 待填写 rather than the folder going unwritten.
            if let Ok((patched, _)) = report_set::apply(text, &patches) {
                *text = patched;
            }
        }
    }
    crate::scaffold::write(dir, &scaffold)
}

/// The 决算 form of a report set (it names none): the one given, else the one that covers the year the reports
/// name (or the one given).
fn choose_final_accounts(
    path: &Path,
    titles: &[Vec<(u32, String)>],
    options: &Options,
) -> Result<(Arc<Form>, Kind), ImportError> {
    let kind = options.kind.unwrap_or(Kind::Unit);
    if let Some(id) = &options.form {
        let all = || Form::ids().collect::<Vec<_>>().join(", ");
        let form = Form::get(id).ok_or_else(|| ImportError::UnknownForm(id.clone(), all()))?;
        return Ok((form, kind));
    }
    let year = options
        .year
        .or_else(|| titles.iter().flatten().find_map(|(_, t)| year_in(t)));
    let Some(year) = year else {
        return Err(ImportError::Missing {
            path: path.to_path_buf(),
            what: "the year (a 财决 report set names its form by the year; its first rows name none)",
            flag: "--year <年度> (or --form)",
        });
    };
    let mut forms: Vec<Arc<Form>> = Form::ids()
        .filter_map(Form::get)
        .filter(|f| f.document == crate::model::DocumentKind::FinalAccounts && f.covers(year))
        .collect();
    match forms.len() {
        1 => Ok((forms.remove(0), kind)),
        _ => Err(ImportError::Ambiguous {
            path: path.to_path_buf(),
            forms: if forms.is_empty() {
                format!("no 决算 form covers {year}")
            } else {
                forms
                    .iter()
                    .map(|f| f.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        }),
    }
}

/// Placeholders for matching titles before the document is known: the year is stripped from titles anyway.
struct AnyYear {
    kind: Kind,
}

impl AnyYear {
    fn get(&self) -> Placeholders<'static> {
        Placeholders {
            unit: "",
            short_name: "",
            year: 2000,
            subject: self.kind,
            region: "",
        }
    }
}

fn placeholders_for(kind: Kind) -> AnyYear {
    AnyYear { kind }
}

/// The text cells of a sheet's first rows, where a title stands: (row, text).
fn title_cells(sheet: &Sheet) -> Vec<(u32, String)> {
    sheet
        .cells
        .range((0, 0)..(10, 0))
        .filter_map(|(&(r, _), v)| match v {
            Value::Text(t) if !t.trim().is_empty() => Some((r, t.trim().to_string())),
            _ => None,
        })
        .collect()
}

/// The texts of a row, joined.
fn row_text(sheet: &Sheet, row: u32) -> String {
    sheet
        .cells
        .range((row, 0)..(row + 1, 0))
        .filter_map(|(_, v)| match v {
            Value::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The unit a 编制单位/编制部门 line names, in the rows under the title.
fn unit_line(sheet: &Sheet, title_row: u32) -> Option<String> {
    for r in title_row..title_row + 5 {
        let cells: Vec<(u32, String)> = sheet
            .cells
            .range((r, 0)..(r + 1, 0))
            .map(|(&(_, c), _)| (c, sheet.text(r, c)))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        for (k, (_, text)) in cells.iter().enumerate() {
            let t = text.trim();
            let Some(rest) = ["编制单位", "编制部门"]
                .iter()
                .find_map(|p| t.strip_prefix(p))
            else {
                continue;
            };
            let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']).trim();
            if !rest.is_empty() {
                return Some(rest.to_string());
            }
            // "编制单位：" alone, the name in the next cell.
            return cells
                .get(k + 1)
                .map(|(_, t)| t.trim().to_string())
                .filter(|t| MoneyUnit::of_line(t).is_none() && !t.is_empty());
        }
    }
    None
}

/// The form and 主体 whose table titles the workbook holds most of; ties settled by what was given, the year, and
/// what the export recorded.
fn choose_form(
    path: &Path,
    book: &Workbook,
    titles: &[Vec<(u32, String)>],
    options: &Options,
) -> Result<(Arc<Form>, Kind), ImportError> {
    let all = || {
        Form::ids()
            .filter_map(Form::get)
            .map(|f| format!("{} ({}, {})", f.id, f.name, f.year_range()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let prop = |key: &str| book.properties.get(key).map(|v| v.trim().to_string());
    let recorded_form = prop(export::PROPERTY_FORM).filter(|id| Form::get(id).is_some());
    let recorded_kind = prop(export::PROPERTY_KIND).and_then(|k| match k.as_str() {
        "单位" => Some(Kind::Unit),
        "部门" => Some(Kind::Department),
        _ => None,
    });
    let forms: Vec<Arc<Form>> = match &options.form {
        Some(id) => vec![Form::get(id).ok_or_else(|| ImportError::UnknownForm(id.clone(), all()))?],
        None => Form::ids().filter_map(Form::get).collect(),
    };
    let kinds: Vec<Kind> = match options.kind {
        Some(k) => vec![k],
        None => vec![Kind::Unit, Kind::Department],
    };
    let keys: Vec<Vec<String>> = titles
        .iter()
        .map(|cells| cells.iter().map(|(_, t)| title_key(t)).collect())
        .collect();
    let year_hint = options.year.or_else(|| {
        titles
            .iter()
            .flatten()
            .find_map(|(_, t)| year_in(t))
            .or_else(|| prop(export::PROPERTY_YEAR).and_then(|y| y.parse().ok()))
    });
    // (matched tables, form, kind)
    let mut scored: Vec<(usize, Arc<Form>, Kind)> = Vec::new();
    for form in &forms {
        for &kind in &kinds {
            let p = placeholders_for(kind);
            let matched = form
                .tables_of(kind)
                .filter(|spec| {
                    let key = title_key(&Form::fill(&spec.title, &p.get()));
                    keys.iter().any(|sheet| sheet.contains(&key))
                })
                .count();
            scored.push((matched, form.clone(), kind));
        }
    }
    let best = scored.iter().map(|s| s.0).max().unwrap_or(0);
    if best == 0 {
        let example = forms
            .first()
            .and_then(|f| f.tables.first().map(|t| t.title.clone()))
            .unwrap_or_default();
        return Err(ImportError::NoTables {
            path: path.to_path_buf(),
            example,
            forms: all(),
        });
    }
    let mut top: Vec<Candidate> = scored
        .into_iter()
        .filter(|s| s.0 == best)
        .map(|(_, f, k)| (f, k))
        .collect();
    type Candidate = (Arc<Form>, Kind);
    let narrow = |top: &mut Vec<Candidate>, keep: &dyn Fn(&Candidate) -> bool| {
        if top.iter().any(keep) {
            top.retain(keep);
        }
    };
    if let Some(year) = year_hint {
        narrow(&mut top, &|(f, _)| f.covers(year));
    }
    if let Some(id) = &recorded_form {
        narrow(&mut top, &|(f, _)| &f.id == id);
    }
    if let Some(kind) = recorded_kind {
        narrow(&mut top, &|(_, k)| *k == kind);
    }
    // Both 主体 print the same titles in some forms: a unit's document unless told otherwise, as `new` does.
    narrow(&mut top, &|(_, k)| *k == Kind::Unit);
    let mut ids: Vec<&str> = top.iter().map(|(f, _)| f.id.as_str()).collect();
    ids.dedup();
    if ids.len() > 1 {
        return Err(ImportError::Ambiguous {
            path: path.to_path_buf(),
            forms: ids.join(", "),
        });
    }
    Ok(top.swap_remove(0))
}

// -----------------------------------------------------------------------------------------------------------------
// One table

/// The section file being built: figures by key path, lists of classification lines, in the order read.
#[derive(Debug, Default)]
struct Out {
    root: Vec<(String, Node)>,
    figures: usize,
}

#[derive(Debug)]
enum Node {
    Figure(Decimal, String),
    Table(Vec<(String, Node)>),
    List(Vec<Line>),
}

#[derive(Debug)]
struct Line {
    code: String,
    name: Option<String>,
    at: String,
    fields: Vec<(String, Decimal, String)>,
}

impl Out {
    /// The table at a dotted path, created (empty) where missing.
    fn table(&mut self, path: &[&str]) -> &mut Vec<(String, Node)> {
        let mut entries = &mut self.root;
        for key in path {
            let k = match entries.iter().position(|(k, _)| k == key) {
                Some(k) => k,
                None => {
                    entries.push((key.to_string(), Node::Table(Vec::new())));
                    entries.len() - 1
                }
            };
            // A path that names a figure and a table at once cannot be: the form was checked against the model.
            if !matches!(entries[k].1, Node::Table(_)) {
                entries[k].1 = Node::Table(Vec::new());
            }
            let Node::Table(t) = &mut entries[k].1 else {
                unreachable!("made a table just above")
            };
            entries = t;
        }
        entries
    }

    fn figure(&mut self, path: &str, value: Decimal, comment: String) {
        let parts: Vec<&str> = path.split('.').collect();
        let (last, parents) = parts.split_last().unwrap_or((&"", &[]));
        let table = self.table(parents);
        match table.iter_mut().find(|(k, _)| k == last) {
            Some(entry) => entry.1 = Node::Figure(value, comment),
            None => table.push((last.to_string(), Node::Figure(value, comment))),
        }
        self.figures += 1;
    }

    fn line(&mut self, list: &str, line: Line) {
        self.figures += line.fields.len();
        let parts: Vec<&str> = list.split('.').collect();
        let (last, parents) = parts.split_last().unwrap_or((&"", &[]));
        let table = self.table(parents);
        match table.iter_mut().find(|(k, _)| k == last) {
            Some((_, Node::List(lines))) => lines.push(line),
            _ => table.push((last.to_string(), Node::List(vec![line]))),
        }
    }

    /// The section file: a header naming the workbook, then the figures, each with the cell it came from.
    fn toml(&self, section: SectionId, title: &str, unit: MoneyUnit, workbook: &Path) -> String {
        let schema = crate::schema::schema_file_name(section);
        let file = workbook.file_name().map_or_else(
            || workbook.display().to_string(),
            |f| f.to_string_lossy().into_owned(),
        );
        let mut out = format!(
            "#:schema ./{}/{schema}\n# {title}\n# 由 juesuan import 从 {file} 读入：每个数字后的注释是它所在的单元格。金额以{}为单位，\n# 不加引号和千分位；表中空白的格不写。改动后运行 juesuan check 检查。\n",
            crate::scaffold::SCHEMA_DIR,
            unit.word()
        );
        emit(&mut out, "", &self.root);
        out
    }
}

/// A figure as TOML: exact, two decimals.
fn decimal_text(d: Decimal) -> String {
    let mut d = d;
    d.rescale(2);
    d.to_string()
}

fn emit(out: &mut String, prefix: &str, entries: &[(String, Node)]) {
    for (key, node) in entries {
        if let Node::Figure(value, comment) = node {
            out.push_str(&format!("{key} = {}  # {comment}\n", decimal_text(*value)));
        }
    }
    for (key, node) in entries {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match node {
            Node::Figure(..) => {}
            Node::Table(inner) => {
                let has_own = inner.iter().any(|(_, n)| matches!(n, Node::Figure(..)));
                if has_own || inner.is_empty() {
                    out.push_str(&format!("\n[{path}]\n"));
                }
                emit(out, &path, inner);
            }
            Node::List(lines) => {
                for line in lines {
                    out.push_str(&format!("\n[[{path}]]\n"));
                    out.push_str(&format!(
                        "code = {}  # {}\n",
                        crate::scaffold::toml_string(&line.code),
                        line.at
                    ));
                    if let Some(name) = &line.name {
                        out.push_str(&format!("name = {}\n", crate::scaffold::toml_string(name)));
                    }
                    for (field, value, comment) in &line.fields {
                        out.push_str(&format!(
                            "{field} = {}  # {comment}\n",
                            decimal_text(*value)
                        ));
                    }
                }
            }
        }
    }
}

/// What a row of the sheet is, for finding the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    Header,
    /// The 栏次 row: 栏次, or the figure columns numbered 1, 2, 3 …
    ColumnNumbers,
    Other,
}

/// Where one of the form's columns is in the sheet.
struct Placed<'a> {
    panel: usize,
    column: &'a Column,
    /// The sheet column, once found.
    at: Option<u32>,
    /// A code column found as the 类 of a code split over 类 | 款 | 项: the 款 and 项 columns beside it.
    parts: [Option<u32>; 2],
}

struct TableReader<'a> {
    form: &'a Form,
    spec: &'a TableSpec,
    sheet: &'a Sheet,
    /// How the document names the table (公开01表 收入支出决算总表).
    name: String,
    title_row: u32,
    findings: Vec<Finding>,
    reported: usize,
    /// The figures' unit in the data (the form's) and in the sheet.
    unit: MoneyUnit,
    sheet_unit: MoneyUnit,
    /// Lists whose items have a name.
    named: Vec<String>,
    /// Figures rounded to two decimals: the first cell and how many.
    rounded: Option<(CellRef, usize)>,
    /// Figures read from formulas (their last computed values): the first cell and how many.
    computed: Option<(CellRef, usize)>,
    /// A sheet of the 财决 report set ([`super::report_set`]): it holds more than the 公开表, numbered its own
    /// way. Its 行次 place nothing (the report set numbers its rows otherwise), columns under the header that the
    /// form has no place for are skipped (noted), and a row or cell the form has no place for is a warning at
    /// its cell, not an error.
    report_set: bool,
    /// The sheet columns skipped: (column, its header).
    skipped: Vec<(u32, String)>,
}

/// A row of one panel as read from the sheet.
#[derive(Default)]
struct PanelCells {
    code: Option<String>,
    code_at: Option<u32>,
    /// A code column's text that is no code.
    label: Option<String>,
    label_at: Option<u32>,
    name: Option<String>,
    row_no: Option<u32>,
    /// (value column index within the panel, sheet column) of every figure cell with something in it.
    filled: Vec<(usize, u32)>,
    /// Every sheet column the panel reads in this row.
    columns: Vec<u32>,
}

impl PanelCells {
    fn is_empty(&self) -> bool {
        self.code.is_none()
            && self.label.is_none()
            && self.name.is_none()
            && self.row_no.is_none()
            && self.filled.is_empty()
    }
}

impl<'a> TableReader<'a> {
    fn new(
        form: &'a Form,
        spec: &'a TableSpec,
        sheet: &'a Sheet,
        title_row: u32,
        name: String,
    ) -> Self {
        let unit = MoneyUnit::of_line(&spec.money_unit).unwrap_or(MoneyUnit::TenThousandYuan);
        let paths = Paths::of(spec.section);
        let named = paths.named_lines.iter().cloned().collect();
        TableReader {
            form,
            spec,
            sheet,
            name,
            title_row,
            findings: Vec::new(),
            reported: 0,
            unit,
            sheet_unit: unit,
            named,
            rounded: None,
            computed: None,
            report_set: false,
            skipped: Vec::new(),
        }
    }

    /// One warning for the figures rounded, one for those read from formulas, at the first of each.
    fn summarize(&mut self) {
        let name = self.table_name();
        if let Some((first, n)) = self.rounded.take() {
            self.warning(
                Some(first),
                format!(
                    "{n} figure(s) of {name} had more than two decimals (in {}) and were rounded half-up to two; each \
                     is commented with the cell's value",
                    self.unit.word()
                ),
            );
        }
        if let Some((first, n)) = self.computed.take() {
            self.warning(
                Some(first),
                format!(
                    "{n} figure(s) of {name} are formulas: the values they last computed, as saved in the file, \
                     were read"
                ),
            );
        }
    }

    /// The sheet's unit, from the lines between the title and the header (`start`).
    fn read_unit(&mut self, start: u32) {
        let name = self.table_name();
        let mut sheet_unit = None;
        for r in self.title_row..start {
            for (c, _) in self.row_cells(r) {
                if let Some(u) = MoneyUnit::of_line(&self.sheet.text(r, c)) {
                    sheet_unit = Some(u);
                }
            }
        }
        match sheet_unit {
            Some(u) => self.sheet_unit = u,
            None => self.warning(
                Some(self.at(self.title_row, 0)),
                format!("{name}: no \"单位：\" line above the table; its figures are read as {}, the form's unit", self.unit.word()),
            ),
        }
    }

    /// Reads the sheet as one of the 财决 report set (see the field).
    pub(super) fn in_report_set(mut self) -> Self {
        self.report_set = true;
        self
    }

    /// A cell or row the form has no place for: an error, or in the report set a warning (it holds more than the
    /// 公开表).
    fn unplaced(&mut self, at: Option<CellRef>, message: String) {
        if self.report_set {
            self.warning(at, format!("not read: {message}"));
        } else {
            self.error(at, message);
        }
    }

    fn at(&self, row: u32, col: u32) -> CellRef {
        CellRef {
            sheet: self.sheet.name.clone(),
            row,
            col,
        }
    }

    fn error(&mut self, at: Option<CellRef>, message: String) {
        if at.is_some() {
            self.reported += 1;
            if self.reported > MAX_REPORTED {
                return;
            }
        }
        self.findings.push(Finding {
            error: true,
            at,
            message,
        });
    }

    fn warning(&mut self, at: Option<CellRef>, message: String) {
        self.findings.push(Finding {
            error: false,
            at,
            message,
        });
    }

    fn table_name(&self) -> String {
        self.name.clone()
    }

    /// Every header word of the form's table.
    fn head_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self
            .spec
            .columns()
            .flat_map(|c| c.head.iter().map(|h| normalize(head_text(h))))
            .collect();
        // 类 | 款 | 项 under a code column's head: the row of the header that splits it.
        words.extend(
            [
                "项目",
                "行次",
                "栏次",
                "科目编码",
                "科目名称",
                "类",
                "款",
                "项",
            ]
            .map(String::from),
        );
        words.sort();
        words.dedup();
        words
    }

    /// The labels of the table's fixed rows, without numbering.
    fn fixed_labels(&self) -> Vec<String> {
        self.spec
            .panels
            .iter()
            .flat_map(|p| p.rows.iter().chain(&p.footer))
            .filter_map(|r| r.label.as_deref())
            .map(strip_numbering)
            .collect()
    }

    fn row_cells(&self, row: u32) -> Vec<(u32, &'a Value)> {
        let sheet: &'a Sheet = self.sheet;
        sheet
            .cells
            .range((row, 0)..(row + 1, 0))
            .map(|(&(_, c), v)| (c, v))
            .collect()
    }

    fn classify(&self, row: u32, words: &[String], labels: &[String]) -> RowKind {
        let cells = self.row_cells(row);
        let texts: Vec<String> = cells
            .iter()
            .map(|(c, _)| normalize(&self.sheet.text(row, *c)))
            .collect();
        if texts.iter().any(|t| t == "栏次") {
            return RowKind::ColumnNumbers;
        }
        let numbers: Vec<Option<i64>> = texts.iter().map(|t| t.parse::<i64>().ok()).collect();
        if numbers.len() >= 2
            && numbers
                .iter()
                .enumerate()
                .all(|(k, n)| *n == Some(k as i64 + 1))
        {
            return RowKind::ColumnNumbers;
        }
        if cells.iter().any(|(_, v)| matches!(v, Value::Number(_)))
            || texts.iter().any(|t| is_code(t))
        {
            return RowKind::Other;
        }
        let heads: Vec<&String> = texts
            .iter()
            .filter(|t| words.iter().any(|w| fuzzy(w, t)))
            .collect();
        let header = match heads.as_slice() {
            [] => false,
            [one] => !labels.contains(&strip_numbering(one)),
            _ => true,
        };
        if header {
            RowKind::Header
        } else {
            RowKind::Other
        }
    }

    /// The header rows (start, end exclusive) and which of them is the 栏次 row.
    fn header(&mut self) -> Option<(u32, u32, Vec<u32>)> {
        let words = self.head_words();
        let labels = self.fixed_labels();
        let last = self.sheet.last_row();
        let start = (self.title_row + 1..=(self.title_row + 15).min(last))
            .find(|&r| self.classify(r, &words, &labels) == RowKind::Header)?;
        let mut end = start + 1;
        let mut numbers = Vec::new();
        while end <= last {
            match self.classify(end, &words, &labels) {
                RowKind::Header => {}
                RowKind::ColumnNumbers => numbers.push(end),
                RowKind::Other => {
                    // A row of nothing but cells merged down from the rows above belongs to the header.
                    let empty = self.row_cells(end).is_empty();
                    let covered = self
                        .sheet
                        .merges
                        .iter()
                        .any(|&(r0, _, r1, _)| r0 >= start && r0 < end && r1 >= end);
                    if !(empty && covered) {
                        break;
                    }
                }
            }
            end += 1;
        }
        Some((start, end, numbers))
    }

    /// The table read: its section's figures.
    fn read(&mut self) -> Out {
        let spec: &'a TableSpec = self.spec;
        let mut out = Out::default();
        let name = self.table_name();
        let Some((start, end, number_rows)) = self.header() else {
            self.error(
                Some(self.at(self.title_row, 0)),
                format!("{name}: no header found under the title (rows of the form's header words: 项目, 行次, …)"),
            );
            return out;
        };
        self.read_unit(start);

        // Each sheet column's header path.
        let last_col = self.sheet.last_col();
        let paths: Vec<Vec<String>> = (0..=last_col)
            .map(|c| {
                let mut path: Vec<String> = Vec::new();
                for r in start..end {
                    if number_rows.contains(&r) {
                        continue;
                    }
                    let t = normalize(&self.sheet.shown(r, c));
                    if !t.is_empty() && path.last() != Some(&t) {
                        path.push(t);
                    }
                }
                path
            })
            .collect();
        let mut placed: Vec<Placed> = spec
            .panels
            .iter()
            .enumerate()
            .flat_map(|(p, panel)| {
                panel.columns.iter().map(move |column| Placed {
                    panel: p,
                    column,
                    at: None,
                    parts: [None, None],
                })
            })
            .collect();
        // In order, each to the first matching column after the one before; then any column left that matches.
        let mut after: i64 = -1;
        let mut taken = vec![false; paths.len()];
        for item in &mut placed {
            let want = column_path(item.column);
            let role = item.column.role;
            let best = (0..paths.len())
                .filter(|&c| c as i64 > after && !taken[c])
                .filter_map(|c| column_match(role, &want, &paths[c]).map(|q| (q, c)))
                .max_by_key(|&(q, c)| (q, std::cmp::Reverse(c)));
            let any = || {
                (0..paths.len())
                    .filter(|&c| !taken[c])
                    .filter_map(|c| column_match(role, &want, &paths[c]).map(|q| (q, c)))
                    .max_by_key(|&(q, c)| (q, std::cmp::Reverse(c)))
            };
            if let Some((_, c)) = best.or_else(any) {
                taken[c] = true;
                item.at = Some(c as u32);
                after = c as i64;
                // A code split over 类 | 款 | 项 under the code's head: the two columns right of its 类.
                if role == Some(Role::Code) && paths[c].last().is_some_and(|w| w == "类") {
                    let head = &paths[c][..paths[c].len() - 1];
                    for (k, word) in ["款", "项"].iter().enumerate() {
                        let d = c + k + 1;
                        if paths
                            .get(d)
                            .is_some_and(|p| p.split_last() == Some((&word.to_string(), head)))
                        {
                            taken[d] = true;
                            item.parts[k] = Some(d as u32);
                        }
                    }
                }
            } else if item.column.role == Some(Role::RowNo) {
                // A layout without 行次: rows are placed by their labels.
            } else {
                self.error(
                    Some(self.at(start, 0)),
                    format!(
                        "{name}: no column under the header reads {:?}",
                        want.join(" / ")
                    ),
                );
            }
        }

        // The body: from the header down to the first note (注：/说明：) or the end of the sheet.
        let note_starts = ["注", "说明", "备注"];
        let mut body_end = self.sheet.last_row() + 1;
        for r in end..=self.sheet.last_row() {
            let cells = self.row_cells(r);
            let is_note = cells.len() == 1
                && matches!(cells[0].1, Value::Text(t) if note_starts.iter().any(|n| normalize(t).starts_with(n)));
            if is_note {
                body_end = r;
                break;
            }
        }
        let mut consumed: std::collections::HashSet<(u32, u32)> = Default::default();
        // The report set's columns the form does not print (年初预算数, 年初结转和结余 …): skipped, and named.
        if self.report_set {
            for (c, path) in paths.iter().enumerate() {
                let c = c as u32;
                if path.is_empty() || placed.iter().any(|p| p.at == Some(c)) {
                    continue;
                }
                // The report set's own 行次, where the form prints none: no figures.
                let row_numbers = path.last().is_some_and(|w| w == "行次");
                let cells: Vec<(u32, u32)> = (end..body_end)
                    .filter(|&r| self.sheet.get(r, c).is_some())
                    .map(|r| (r, c))
                    .collect();
                if !cells.is_empty() && !row_numbers {
                    self.skipped.push((c, path.join(" / ")));
                }
                consumed.extend(cells);
            }
        }
        // Merged regions across figure columns in the body are refused: which figure the value is would be a guess.
        let figure_cols: Vec<u32> = placed
            .iter()
            .filter(|p| p.column.role.is_none())
            .filter_map(|p| p.at)
            .collect();
        let sheet: &'a Sheet = self.sheet;
        for &(r0, c0, r1, c1) in &sheet.merges {
            if r1 < end || r0 >= body_end || (r0 == r1 && c0 == c1) {
                continue;
            }
            if (c0..=c1).any(|c| figure_cols.contains(&c)) {
                let range = format!(
                    "{}:{}{}",
                    self.at(r0, c0),
                    super::column_letters(c1),
                    r1 + 1
                );
                self.error(
                    Some(self.at(r0, c0)),
                    format!("cells {range} are merged across figures: unmerge them and give each cell its figure"),
                );
            }
        }

        let mut used_fixed: Vec<Vec<bool>> = spec
            .panels
            .iter()
            .map(|p| vec![false; p.rows.len() + p.footer.len()])
            .collect();
        for r in end..body_end {
            for (p, panel) in spec.panels.iter().enumerate() {
                let columns: Vec<&Placed> = placed.iter().filter(|c| c.panel == p).collect();
                let cells = self.panel_cells(r, &columns);
                if cells.is_empty() {
                    continue;
                }
                // Placed, or reported as a row: either way its cells are not reported again one by one.
                self.place(&mut out, r, panel, &cells, &mut used_fixed[p]);
                consumed.extend(cells.columns.iter().map(|&c| (r, c)));
            }
        }
        // Whatever is left in the body could not be placed.
        let left: Vec<(u32, u32)> = self
            .sheet
            .cells
            .range((end, 0)..(body_end, 0))
            .map(|(&pos, _)| pos)
            .filter(|pos| !consumed.contains(pos))
            .collect();
        for (r, c) in left {
            // A cell covered by a merged label (合计 across code and name) is no content of its own.
            let text = self.sheet.text(r, c);
            self.unplaced(
                Some(self.at(r, c)),
                format!("{text:?} cannot be placed: no row or column of {name} is here"),
            );
        }
        if self.reported > MAX_REPORTED {
            self.findings.push(Finding {
                error: true,
                at: None,
                message: format!(
                    "{} more cells of sheet {} cannot be placed or read",
                    self.reported - MAX_REPORTED,
                    self.sheet.name
                ),
            });
        }
        self.summarize();
        // Every table the form binds exists in the file, even with no figure (a required part of the section).
        for panel in &spec.panels {
            for row in panel.rows.iter().chain(&panel.footer) {
                for path in fixed_paths(panel, row) {
                    let parts: Vec<&str> = path.split('.').collect();
                    if parts.len() > 1 {
                        out.table(&parts[..parts.len() - 1]);
                    }
                }
            }
        }
        out
    }

    /// The cells of one panel in one row.
    fn panel_cells(&mut self, row: u32, columns: &[&Placed]) -> PanelCells {
        let mut cells = PanelCells::default();
        let mut parts: [Option<String>; 3] = [None, None, None];
        let mut value_index = 0;
        for placed in columns {
            let Some(col) = placed.at else {
                if placed.column.role.is_none() {
                    value_index += 1;
                }
                continue;
            };
            let text = self.sheet.text(row, col);
            let has = self.sheet.get(row, col).is_some();
            if has {
                cells.columns.push(col);
            }
            match placed.column.role {
                None => {
                    if has {
                        cells.filled.push((value_index, col));
                    }
                    value_index += 1;
                }
                Some(_) if text.is_empty() => {}
                Some(Role::RowNo) => cells.row_no = text.parse().ok(),
                Some(Role::Label) => {
                    cells.label.get_or_insert(text);
                    cells.label_at.get_or_insert(col);
                }
                Some(Role::Name) => cells.name = Some(text),
                Some(
                    role @ (Role::Code | Role::ClassCode | Role::SectionCode | Role::ItemCode),
                ) => {
                    let digits = code_text(&text, role, self.sheet.get(row, col));
                    match (digits, role) {
                        (Some(d), Role::Code) => {
                            let mut code = d;
                            // 208 | 05 | 01 in the split columns; a code written whole in the 类 cell stays whole.
                            for part in placed.parts.iter().flatten() {
                                let value = self.sheet.get(row, *part);
                                if value.is_none() {
                                    continue;
                                }
                                cells.columns.push(*part);
                                let text = self.sheet.text(row, *part);
                                match code_text(&text, Role::SectionCode, value) {
                                    Some(p) if code.len() % 2 == 1 && code.len() < 7 => {
                                        code.push_str(&p)
                                    }
                                    _ => code.push('?'),
                                }
                            }
                            cells.code = Some(code);
                            cells.code_at = Some(col);
                        }
                        (Some(d), Role::ClassCode) => {
                            parts[0] = Some(d);
                            cells.code_at.get_or_insert(col);
                        }
                        (Some(d), Role::SectionCode) => parts[1] = Some(d),
                        (Some(d), _) => parts[2] = Some(d),
                        (None, _) => {
                            // Text in a code column: a merged label (合计), or something that is no code.
                            cells.label.get_or_insert(text);
                            cells.label_at.get_or_insert(col);
                        }
                    }
                }
            }
        }
        if parts.iter().any(Option::is_some) {
            match parts {
                [Some(a), None, None] => cells.code = Some(a),
                [Some(a), Some(b), None] => cells.code = Some(a + &b),
                [Some(a), Some(b), Some(c)] => cells.code = Some(a + &b + &c),
                _ => {
                    let at = cells
                        .code_at
                        .or(cells.columns.first().copied())
                        .unwrap_or(0);
                    self.error(
                        Some(self.at(row, at)),
                        "a code split over 类 | 款 | 项 with a part missing: give the 类 (and 款) in every row".into(),
                    );
                }
            }
        }
        cells
    }

    /// Places one panel's row: a fixed row, a classification line or a 类; false (and an error) when it is none.
    fn place(
        &mut self,
        out: &mut Out,
        row: u32,
        panel: &Panel,
        cells: &PanelCells,
        used: &mut [bool],
    ) -> bool {
        let name = self.table_name();
        let fixed: Vec<&RowSpec> = panel.rows.iter().chain(&panel.footer).collect();
        let value_columns: Vec<&Column> = panel.value_columns().collect();
        let first_at = cells
            .label_at
            .or(cells.code_at)
            .or(cells.columns.first().copied())
            .unwrap_or(0);

        // By 行次.
        if let Some(no) = cells.row_no
            && !self.report_set
            && let Some(k) = fixed.iter().position(|r| r.no == Some(no))
        {
            return self.fixed(out, row, k, fixed[k], panel, cells, used);
        }
        if let Some(code) = &cells.code {
            let lines = panel.rows.iter().find_map(|r| match r.kind() {
                Ok(Row::Lines { list, .. }) => Some(list),
                _ => None,
            });
            let classes = panel.rows.iter().find_map(|r| match r.kind() {
                Ok(Row::Classes { list, absent, .. }) => Some((list, absent)),
                _ => None,
            });
            if !valid_code(code) {
                self.row_error(
                    row,
                    cells,
                    cells.code_at.unwrap_or(first_at),
                    format!("{code:?} is no classification code (3, 5 or 7 digits)"),
                );
                return false;
            }
            if let Some(list) = lines {
                let item_name = cells
                    .name
                    .clone()
                    .or(cells.label.clone())
                    .unwrap_or_default();
                return self.line(
                    out,
                    row,
                    list,
                    code,
                    Some(item_name),
                    &value_columns,
                    cells,
                    None,
                );
            }
            if let Some((list, absent)) = classes
                && code.len() == 3
                && let Some(class) = self.form.class_name(code)
            {
                let class = class.to_string();
                return self.line(
                    out,
                    row,
                    list,
                    code,
                    Some(class),
                    &value_columns,
                    cells,
                    Some(absent),
                );
            }
            self.row_error(
                row,
                cells,
                cells.code_at.unwrap_or(first_at),
                format!("code {code} in {name}, which lists no classification lines here"),
            );
            return false;
        }
        let label = cells.label.clone().or(cells.name.clone());
        if let Some(label) = label {
            let exact = normalize(&label);
            let stripped = strip_numbering(&label);
            let by = |want: &str, strip: bool| {
                fixed.iter().enumerate().position(|(k, r)| {
                    !used[k]
                        && r.label.as_deref().is_some_and(|l| {
                            if strip {
                                strip_numbering(l) == want
                            } else {
                                normalize(l) == want
                            }
                        })
                })
            };
            if let Some(k) = by(&exact, false).or_else(|| by(&stripped, true)) {
                return self.fixed(out, row, k, fixed[k], panel, cells, used);
            }
            let classes = panel.rows.iter().find_map(|r| match r.kind() {
                Ok(Row::Classes { list, absent, .. }) => Some((list, absent)),
                _ => None,
            });
            if let Some((list, absent)) = classes
                && let Some((code, class)) = self
                    .form
                    .classes
                    .list
                    .iter()
                    .find(|(_, n)| normalize(n) == stripped)
            {
                let (code, class) = (code.clone(), class.clone());
                return self.line(
                    out,
                    row,
                    list,
                    &code,
                    Some(class),
                    &value_columns,
                    cells,
                    Some(absent),
                );
            }
            let has_lines = panel.rows.iter().any(|r| r.lines.is_some());
            if has_lines && cells.label.is_none() {
                self.row_error(
                    row,
                    cells,
                    first_at,
                    format!(
                        "{label:?} has no code: a line of {name} needs its classification code"
                    ),
                );
            } else if fixed.iter().enumerate().any(|(k, r)| {
                used[k]
                    && r.label
                        .as_deref()
                        .is_some_and(|l| strip_numbering(l) == stripped)
            }) {
                self.row_error(
                    row,
                    cells,
                    first_at,
                    format!("{label:?} appears twice in {name}"),
                );
            } else {
                self.row_error(
                    row,
                    cells,
                    first_at,
                    format!(
                        "{label:?} is no row of {name} (its rows: {})",
                        self.row_labels(panel)
                    ),
                );
            }
            return false;
        }
        // Figures without a label: the form's row without one (公开07表's single row).
        if let Some(k) = fixed.iter().enumerate().position(|(k, r)| {
            !used[k] && r.label.is_none() && (r.figure.is_some() || r.figures.is_some())
        }) {
            return self.fixed(out, row, k, fixed[k], panel, cells, used);
        }
        self.row_error(
            row,
            cells,
            first_at,
            format!("figures without a label or code: no row of {name} takes them"),
        );
        false
    }

    /// A row of a panel that cannot be placed: one error at its first cell, naming the cells not read.
    fn row_error(&mut self, row: u32, cells: &PanelCells, at: u32, message: String) {
        let first = cells.columns.iter().min().copied().unwrap_or(at);
        let last = cells.columns.iter().max().copied().unwrap_or(at);
        let message = if last > first {
            format!(
                "{message}; cells {}{}:{}{} not read",
                super::column_letters(first),
                row + 1,
                super::column_letters(last),
                row + 1
            )
        } else {
            message
        };
        self.unplaced(Some(self.at(row, at)), message);
    }

    fn row_labels(&self, panel: &Panel) -> String {
        let mut labels: Vec<&str> = Vec::new();
        for row in panel.rows.iter().chain(&panel.footer) {
            match (&row.label, &row.lines, &row.classes) {
                (Some(label), _, _) => labels.push(label),
                (_, Some(_), _) => labels.push("classification lines by code"),
                (_, _, Some(_)) => labels.push("the form's 类 (一、一般公共服务支出 …)"),
                _ => {}
            }
        }
        labels.join("、")
    }

    #[allow(clippy::too_many_arguments)]
    fn fixed(
        &mut self,
        out: &mut Out,
        row: u32,
        k: usize,
        spec: &RowSpec,
        panel: &Panel,
        cells: &PanelCells,
        used: &mut [bool],
    ) -> bool {
        used[k] = true;
        let paths = fixed_paths(panel, spec);
        for &(index, col) in &cells.filled {
            let path = paths.get(index).cloned().unwrap_or_default();
            let value = self.figure(row, col);
            match (value, path.is_empty()) {
                // Reported at the cell already; the rest of the row is placed.
                (Err(()), _) | (Ok(None), _) => {}
                (Ok(Some(_)), true) => {
                    let text = self.sheet.text(row, col);
                    self.unplaced(
                        Some(self.at(row, col)),
                        format!(
                            "{text:?} stands where the form has no figure (row {:?})",
                            spec.label.as_deref().unwrap_or("")
                        ),
                    );
                }
                (Ok(Some((value, comment))), false) => out.figure(&path, value, comment),
            }
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn line(
        &mut self,
        out: &mut Out,
        row: u32,
        list: &str,
        code: &str,
        name: Option<String>,
        value_columns: &[&Column],
        cells: &PanelCells,
        class_absent: Option<Absent>,
    ) -> bool {
        let mut fields = Vec::new();
        for &(index, col) in &cells.filled {
            let Some(field) = value_columns.get(index).and_then(|c| c.field.as_deref()) else {
                continue;
            };
            if let Ok(Some((value, comment))) = self.figure(row, col) {
                fields.push((field.to_string(), value, comment));
            }
        }
        // A 类 the form prints as 0.00 when the data has no line of it: a line of zeros adds nothing.
        if let Some(absent) = class_absent {
            let nothing = fields.is_empty()
                || (absent == Absent::Zero && fields.iter().all(|f| f.1.is_zero()));
            if nothing {
                return true;
            }
        }
        let at = self
            .at(row, cells.code_at.or(cells.label_at).unwrap_or(0))
            .to_string();
        let named = self.named.iter().any(|l| l == list);
        out.line(
            list,
            Line {
                code: code.to_string(),
                name: if named { name } else { None },
                at,
                fields,
            },
        );
        true
    }

    /// A figure cell read: `Ok(None)` for a blank or a dash, the value in the data's unit with its comment, or an
    /// error reported at the cell.
    fn figure(&mut self, row: u32, col: u32) -> Result<Option<(Decimal, String)>, ()> {
        let at = self.at(row, col);
        let value = match self.sheet.get(row, col) {
            None => return Ok(None),
            Some(Value::Number(n)) => match format!("{n}").parse::<Decimal>() {
                Ok(d) => d,
                Err(_) => {
                    self.error(
                        Some(at),
                        format!("{n} cannot be held as a figure (too large, or too many digits)"),
                    );
                    return Err(());
                }
            },
            Some(Value::Text(t)) => match parse_figure_text(t) {
                Ok(None) => return Ok(None),
                Ok(Some(d)) => d,
                Err(message) => {
                    self.error(Some(at), message);
                    return Err(());
                }
            },
            Some(Value::Uncalculated(f)) => {
                self.error(
                    Some(at),
                    format!(
                        "the formula ={f} has no computed value in the file: open the workbook in Excel or WPS and save it (or paste the values) before importing"
                    ),
                );
                return Err(());
            }
            Some(Value::Bool(b)) => {
                self.error(
                    Some(at),
                    format!("{b} (a true/false value) where a figure belongs"),
                );
                return Err(());
            }
            Some(Value::Date(d)) => {
                self.error(
                    Some(at),
                    format!("a date ({d}) where a figure belongs: format the cell as a number"),
                );
                return Err(());
            }
            Some(Value::Error(e)) => {
                self.error(Some(at), format!("the cell shows the error {e}"));
                return Err(());
            }
        };
        if self.sheet.formulas.contains(&(row, col)) {
            match &mut self.computed {
                Some((_, n)) => *n += 1,
                None => self.computed = Some((at.clone(), 1)),
            }
        }
        let shown = value;
        let converted = match (self.sheet_unit, self.unit) {
            (MoneyUnit::Yuan, MoneyUnit::TenThousandYuan) => value / Decimal::from(10_000),
            (MoneyUnit::TenThousandYuan, MoneyUnit::Yuan) => value * Decimal::from(10_000),
            _ => value,
        };
        let rounded = converted.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let mut comment = at.to_string();
        if self.sheet_unit != self.unit {
            comment.push_str(&format!(
                "：{}{}",
                shown.normalize(),
                self.sheet_unit.word()
            ));
        }
        if rounded != converted {
            if self.sheet_unit == self.unit {
                comment.push_str(&format!("：{}", shown.normalize()));
            }
            comment.push_str("，四舍五入到两位小数");
            match &mut self.rounded {
                Some((_, n)) => *n += 1,
                None => self.rounded = Some((at, 1)),
            }
        }
        Ok(Some((rounded, comment)))
    }
}

/// The key paths of a fixed row's figures, one per figure column of the panel ("" where it has none).
fn fixed_paths(panel: &Panel, spec: &RowSpec) -> Vec<String> {
    let values: Vec<&Column> = panel.value_columns().collect();
    match (&spec.figures, &spec.figure) {
        (Some(list), _) => list.clone(),
        (None, Some(prefix)) => values
            .iter()
            .map(|c| figures::join(prefix, c.field.as_deref().unwrap_or("")))
            .collect(),
        (None, None) => vec![String::new(); values.len()],
    }
}

fn head_text(h: &crate::form::table::HeadCell) -> &str {
    match h {
        crate::form::table::HeadCell::Text(t)
        | crate::form::table::HeadCell::Spanning { text: t, .. } => t,
    }
}

/// A form column's header path, normalized, equal neighbours once.
fn column_path(c: &Column) -> Vec<String> {
    let mut path: Vec<String> = Vec::new();
    for h in &c.head {
        let t = normalize(head_text(h));
        if path.last() != Some(&t) {
            path.push(t);
        }
    }
    path
}

/// How well a sheet column's header path reads as a form column's ([`path_match`]); a code column also as the
/// 类 column of a code split over 类 | 款 | 项 under the code's head, where the report set writes the whole code
/// (2080101) in the 类 cell, merged across the three.
fn column_match(role: Option<Role>, want: &[String], have: &[String]) -> Option<u8> {
    path_match(want, have).or_else(|| match (role, have.split_last()) {
        (Some(Role::Code), Some((last, head))) if last == "类" && !head.is_empty() => {
            path_match(want, head).map(|_| 1)
        }
        _ => None,
    })
}

/// Two header words are the same: equal, or one holds the other and is long enough not to be a common word
/// (部门预算经济分类科目编码 and 经济分类科目编码; not 合计 and 本年收入合计).
fn fuzzy(a: &str, b: &str) -> bool {
    a == b || (a.chars().count().min(b.chars().count()) >= 4 && (a.contains(b) || b.contains(a)))
}

/// How well a sheet column's header path reads as the form column's: 2 the same, 1 one within the other with the
/// same last word, `None` not at all.
fn path_match(want: &[String], have: &[String]) -> Option<u8> {
    if have.is_empty() || want.is_empty() {
        return None;
    }
    if want == have {
        return Some(3);
    }
    let (wl, hl) = (want.last()?, have.last()?);
    if !fuzzy(wl, hl) {
        return None;
    }
    let within = |small: &[String], big: &[String]| {
        let mut it = big.iter();
        small.iter().all(|s| it.any(|b| fuzzy(s, b)))
    };
    if within(want, have) || within(have, want) {
        return Some(if want.len() == have.len() { 2 } else { 1 });
    }
    None
}

/// The digits a code column holds: a whole number (205, 2.0 → "02" for a 款 or 项) or a text of digits.
fn code_text(text: &str, role: Role, value: Option<&Value>) -> Option<String> {
    let digits = match value {
        Some(Value::Number(n)) if n.fract() == 0.0 && *n >= 0.0 => {
            let d = format!("{}", *n as u64);
            match role {
                Role::SectionCode | Role::ItemCode if d.len() == 1 => format!("0{d}"),
                _ => d,
            }
        }
        _ => normalize(text),
    };
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

fn is_code(text: &str) -> bool {
    let t = text.strip_suffix(".0").unwrap_or(text);
    valid_code(t)
}

fn valid_code(code: &str) -> bool {
    matches!(code.len(), 3 | 5 | 7) && code.chars().all(|c| c.is_ascii_digit())
}

/// A figure written as text: blank and the dashes that mean "does not apply" are no figure; thousands separators
/// are dropped; anything else that is no plain decimal is an error naming what was found.
fn parse_figure_text(text: &str) -> Result<Option<Decimal>, String> {
    let t = normalize(text);
    if t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '-' | '—' | '–' | '－' | '/' | '─'))
    {
        return Ok(None);
    }
    let plain: String = t.chars().filter(|c| *c != ',' && *c != '，').collect();
    let negative = plain.starts_with('(') && plain.ends_with(')');
    let inner = if negative {
        &plain[1..plain.len() - 1]
    } else {
        plain.as_str()
    };
    let valid = !inner.is_empty()
        && inner
            .trim_start_matches('-')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        && inner.chars().filter(|c| *c == '.').count() <= 1
        && inner.chars().any(|c| c.is_ascii_digit());
    if !valid {
        return Err(format!(
            "{text:?} is text where a figure belongs: write the number alone (e.g. 1234.56)"
        ));
    }
    let d: Decimal = inner
        .parse()
        .map_err(|_| format!("{text:?} is not a figure this tool can hold"))?;
    Ok(Some(if negative { -d } else { d }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_written_as_text() {
        let d = |s: &str| parse_figure_text(s).unwrap().map(|d| d.to_string());
        assert_eq!(d("1,234.56"), Some("1234.56".into()));
        assert_eq!(d("—"), None);
        assert_eq!(d("-"), None);
        assert_eq!(d("  "), None);
        assert_eq!(d("-5.5"), Some("-5.5".into()));
        assert_eq!(d("１２３．４５"), Some("123.45".into()));
        assert!(parse_figure_text("一千二百").is_err());
        assert!(parse_figure_text("12.3万元").is_err());
        assert!(parse_figure_text("1.2.3").is_err());
    }

    #[test]
    fn header_paths_match_by_their_words() {
        let p = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            path_match(&p(&["收入", "决算数"]), &p(&["收入", "决算数"])),
            Some(3)
        );
        assert_eq!(
            path_match(&p(&["项目", "科目编码"]), &p(&["科目编码"])),
            Some(1)
        );
        assert!(
            path_match(
                &p(&["项目", "部门预算经济分类科目编码", "类"]),
                &p(&["项目", "经济分类科目编码", "类"])
            )
            .is_some()
        );
        assert_eq!(
            path_match(&p(&["预算数", "合计"]), &p(&["决算数", "合计"])),
            None
        );
        assert_eq!(path_match(&p(&["本年收入合计"]), &p(&["合计"])), None);
    }

    #[test]
    fn codes_in_split_columns() {
        assert_eq!(
            code_text("205", Role::ClassCode, Some(&Value::Number(205.0))).as_deref(),
            Some("205")
        );
        assert_eq!(
            code_text("2", Role::SectionCode, Some(&Value::Number(2.0))).as_deref(),
            Some("02")
        );
        assert_eq!(
            code_text("02", Role::SectionCode, Some(&Value::Text("02".into()))).as_deref(),
            Some("02")
        );
        assert_eq!(
            code_text("…", Role::Code, Some(&Value::Text("…".into()))),
            None
        );
        assert_eq!(
            code_text("合计", Role::Code, Some(&Value::Text("合计".into()))),
            None
        );
    }
}
