//! `juesuan fill`: leaf-only typing. Where a folder states a table's 项 lines (or, in an economic table, its 款
//! lines), the 款 and 类 lines above them and the 合计 row are sums the identities determine — a parent line is the
//! sum of its children and 合计 the sum of the 类 lines, column by column, as `check`'s `sum-mismatch` has it — and
//! so are a row's total (合计 = 基本支出 + 项目支出, 本年收入合计 = its sources) and the totals of 01 and 04
//! (本年收入合计, 收入总计, 支出总计 …), which [`crate::validate::determined`] gives from the very identities `check`
//! applies. fill writes those the folder does not state, in place (comments and layout kept), and a parent line that
//! is missing altogether (its name to fill in, marked 待填写; a 类's name is the form's). A stated figure that
//! disagrees is never overwritten: it is reported.
//!
//! Which lists are classification lines, which columns they have and where their 合计 row is comes from the form's
//! tables (a panel's `lines` rows, its figure columns, its 合计 row), so every form's line tables are filled alike.

use std::fmt;

use rust_decimal::Decimal;
use toml_edit::{DocumentMut, Item, Table, Value};

use crate::figures::{self, Values};
use crate::form::table::{Panel, Row};
use crate::load::Loaded;
use crate::model::SectionId;

/// Why a folder cannot be filled.
#[derive(Debug, thiserror::Error)]
pub enum FillError {
    #[error("{file} cannot be edited: {message}")]
    Edit { file: &'static str, message: String },
}

/// A figure written, or a line added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub file: &'static str,
    /// The line (20508 进修及培训) or the 合计 row.
    pub line: String,
    /// The figure's key (`total`), or none for a line added.
    pub field: Option<String>,
    pub value: Option<Decimal>,
    /// Why it is what it is: "the sum of its 项 lines".
    pub reason: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.field, self.value) {
            (Some(field), Some(value)) => write!(
                f,
                "+ {}: {} {field} = {value}  # {}",
                self.file, self.line, self.reason
            ),
            _ => write!(
                f,
                "+ {}: {} ({})",
                self.file,
                self.line,
                crate::tr!("fill-line-added", reason = &self.reason)
            ),
        }
    }
}

/// A stated figure that is not the sum the identity gives: left as stated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub file: &'static str,
    pub line: String,
    pub field: String,
    pub stated: Decimal,
    pub sum: Decimal,
    pub reason: String,
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "! {}: {}",
            self.file,
            crate::tr!(
                "fill-disagrees",
                line = &self.line,
                field = &self.field,
                stated = self.stated,
                reason = &self.reason,
                sum = self.sum
            )
        )
    }
}

/// What fill found: the files it changed (new text), the figures and lines it wrote, the figures that disagree.
#[derive(Debug, Default)]
pub struct Filled {
    pub files: Vec<(&'static str, String)>,
    pub changes: Vec<Change>,
    pub disagreements: Vec<Disagreement>,
}

/// One classification line as read, or added.
#[derive(Clone, Debug)]
struct Line {
    code: String,
    name: String,
    cells: Vec<Option<Decimal>>,
    /// Its place in the file's list; none for a line added.
    index: Option<usize>,
    /// The cells written: (column, value).
    written: Vec<(usize, Decimal)>,
}

impl Line {
    fn label(&self) -> String {
        format!("{} {}", self.code, self.name)
    }
}

/// At most this many rounds: a figure written may determine another (a 款 line its 类, 本年收入合计 收入总计).
const ROUNDS: usize = 8;

/// Everything the identities determine in a loaded folder: the parents and 合计 of every line table, the row
/// totals (合计 = 基本支出 + 项目支出 …) and the totals of 01 and 04, computed; the files with them written. A
/// figure that depends on another still to be written waits for the next round, read from the files as written.
pub fn fill(loaded: &Loaded) -> Result<Filled, FillError> {
    let mut filled = Filled::default();
    let mut owned: Option<Loaded> = None;
    for _ in 0..ROUNDS {
        let current = owned.as_ref().unwrap_or(loaded);
        let mut round = fill_lines(current)?;
        let lines_changed: Vec<&'static str> = round.files.iter().map(|(f, _)| *f).collect();
        let determined = crate::validate::determined(current);
        // What this round writes: a subject no file states, whose parts are not themselves still to be written.
        let pending: Vec<&str> = determined
            .iter()
            .filter(|d| d.stated.is_none())
            .map(|d| d.path.as_str())
            .collect();
        let mut written: Vec<(&'static str, &str)> = Vec::new();
        let mut docs: Vec<(&'static str, DocumentMut)> = Vec::new();
        for d in &determined {
            match d.stated {
                Some(stated) if stated != d.value => {
                    round.disagreements.push(Disagreement {
                        file: d.file,
                        line: unlabelled(&d.what),
                        field: last_key(&d.path).to_string(),
                        stated,
                        sum: d.value,
                        reason: d.relation.clone(),
                    });
                    continue;
                }
                Some(_) => continue,
                None => {}
            }
            let waits = lines_changed.contains(&d.file)
                || d.parts.iter().any(|p| pending.contains(&p.as_str()))
                || written.iter().any(|(f, p)| *f == d.file && *p == d.path);
            if waits {
                continue;
            }
            let doc = match docs.iter().position(|(f, _)| *f == d.file) {
                Some(k) => &mut docs[k].1,
                None => {
                    let text = current.sources.text(current.file(d.file));
                    let doc: DocumentMut = text.parse().map_err(|e| FillError::Edit {
                        file: d.file,
                        message: format!("{e}"),
                    })?;
                    docs.push((d.file, doc));
                    &mut docs.last_mut().expect("just pushed").1
                }
            };
            set_at(d.file, doc, &d.path, d.value)?;
            written.push((d.file, &d.path));
            round.changes.push(Change {
                file: d.file,
                line: unlabelled(&d.what),
                field: Some(last_key(&d.path).to_string()),
                value: Some(d.value),
                reason: d.relation.clone(),
            });
        }
        round
            .files
            .extend(docs.into_iter().map(|(f, doc)| (f, doc.to_string())));
        filled.changes.extend(round.changes);
        // What disagrees is what the last round finds, when everything determined is written.
        filled.disagreements = round.disagreements;
        if round.files.is_empty() {
            break;
        }
        for (file, text) in &round.files {
            match filled.files.iter_mut().find(|(f, _)| f == file) {
                Some(entry) => entry.1 = text.clone(),
                None => filled.files.push((file, text.clone())),
            }
        }
        // The next round reads the files as written.
        let mut contents: Vec<(&str, Vec<u8>)> = Vec::new();
        let names =
            std::iter::once("document.toml").chain(current.sections().map(|(s, _)| s.file()));
        for name in names {
            if contents.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let text = match filled.files.iter().find(|(f, _)| *f == name) {
                Some((_, text)) => text.clone(),
                None => current.sources.text(current.file(name)).to_string(),
            };
            contents.push((name, text.into_bytes()));
        }
        let contents: Vec<(&str, &[u8])> =
            contents.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        match crate::load::load_from_memory(&current.dir, &contents) {
            Ok((next, _)) => owned = Some(next),
            // What was written no longer loads (a figure too large): stop, with what is written so far.
            Err(_) => break,
        }
    }
    Ok(filled)
}

/// "公开01表 本年收入合计" → "本年收入合计": the file names the table.
fn unlabelled(what: &str) -> String {
    match what.split_once(' ') {
        Some((label, rest)) if label.starts_with("公开") && label.ends_with('表') => {
            rest.to_string()
        }
        _ => what.to_string(),
    }
}

fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// Sets a figure at a key path with list indices (`rows[3].total`, `expenditure.classes[2].total`,
/// `income.year_total`), in tables, arrays of tables and inline tables alike; missing tables on the way are made.
fn set_at(
    file: &'static str,
    doc: &mut DocumentMut,
    path: &str,
    value: Decimal,
) -> Result<(), FillError> {
    let segments: Vec<&str> = path.split('.').collect();
    let Some((last, parents)) = segments.split_last() else {
        return Err(edit(file, "an empty path"));
    };
    let mut table: &mut dyn toml_edit::TableLike = doc.as_table_mut();
    let mut inline = false;
    for segment in parents {
        let (key, index) = match segment.split_once('[') {
            Some((key, rest)) => {
                let k = rest
                    .trim_end_matches(']')
                    .parse::<usize>()
                    .map_err(|_| edit(file, format!("{path}: {segment} is no list item")))?;
                (key, Some(k))
            }
            None => (*segment, None),
        };
        if index.is_none() && table.get(key).is_none() {
            table.insert(key, Item::Table(Table::new()));
        }
        let item = table
            .get_mut(key)
            .ok_or_else(|| edit(file, format!("{path}: no {key}")))?;
        let next: Option<&mut dyn toml_edit::TableLike> = match (index, item) {
            (None, item) => {
                inline = item.is_inline_table();
                item.as_table_like_mut()
            }
            (Some(k), Item::ArrayOfTables(tables)) => {
                inline = false;
                tables
                    .get_mut(k)
                    .map(|t| t as &mut dyn toml_edit::TableLike)
            }
            (Some(k), Item::Value(Value::Array(array))) => {
                inline = true;
                array
                    .get_mut(k)
                    .and_then(Value::as_inline_table_mut)
                    .map(|t| t as &mut dyn toml_edit::TableLike)
            }
            _ => None,
        };
        table = next.ok_or_else(|| edit(file, format!("{path}: {segment} is not a table")))?;
    }
    table.insert(last, Item::Value(number(value)));
    if inline {
        // The line's keys set as a new one would be: `{ code = "201", name = "…", total = 1.00 }`.
        table.fmt();
    }
    Ok(())
}

/// The parents and 合计 of every line table of a loaded folder, computed; the files with them written.
fn fill_lines(loaded: &Loaded) -> Result<Filled, FillError> {
    let mut filled = Filled::default();
    let subject = *loaded.doc.info().kind;
    // The names the document gives each code in its tables: a line added takes the name its code has elsewhere
    // (the tables must name a code alike: check's name-mismatch).
    let mut names: Vec<(String, String)> = Vec::new();
    for spec in loaded.form.tables_of(subject) {
        let values = Values::of(&loaded.doc, spec.section);
        for panel in &spec.panels {
            for row in &panel.rows {
                if let Ok(Row::Lines { list, .. }) = row.kind() {
                    for item in values.items(list) {
                        let (code, name) = (item.text("code"), item.text("name"));
                        if !name.is_empty() && !names.iter().any(|(c, _)| c == code) {
                            names.push((code.to_string(), name.to_string()));
                        }
                    }
                }
            }
        }
    }
    let mut sections: Vec<SectionId> = Vec::new();
    for spec in loaded.form.tables_of(subject) {
        if sections.contains(&spec.section) {
            continue;
        }
        sections.push(spec.section);
        let file = spec.section.file();
        let text = loaded.sources.text(loaded.file(file));
        let mut doc: DocumentMut = text.parse().map_err(|e| FillError::Edit {
            file,
            message: format!("{e}"),
        })?;
        let values = Values::of(&loaded.doc, spec.section);
        let before = filled.changes.len();
        for panel in &spec.panels {
            fill_panel(loaded, &names, file, panel, &values, &mut doc, &mut filled)?;
        }
        if filled.changes.len() > before {
            filled.files.push((file, doc.to_string()));
        }
    }
    Ok(filled)
}

fn fill_panel(
    loaded: &Loaded,
    names: &[(String, String)],
    file: &'static str,
    panel: &Panel,
    values: &Values,
    doc: &mut DocumentMut,
    filled: &mut Filled,
) -> Result<(), FillError> {
    let Some(list) = panel.rows.iter().find_map(|r| match r.kind() {
        Ok(Row::Lines { list, .. }) => Some(list),
        _ => None,
    }) else {
        return Ok(());
    };
    let fields: Vec<&str> = panel
        .value_columns()
        .map(|c| c.field.as_deref().unwrap_or(""))
        .collect();
    // The 合计 row: the panel's total row, its figure for each column.
    let total_paths: Vec<Option<String>> = panel
        .rows
        .iter()
        .chain(&panel.footer)
        .find(|r| r.total && (r.figure.is_some() || r.figures.is_some()))
        .map(|r| match (&r.figures, &r.figure) {
            (Some(list), _) => list
                .iter()
                .map(|p| (!p.is_empty()).then(|| p.clone()))
                .collect(),
            (None, Some(prefix)) => fields
                .iter()
                .map(|f| Some(figures::join(prefix, f)))
                .collect(),
            (None, None) => vec![None; fields.len()],
        })
        .unwrap_or_else(|| vec![None; fields.len()]);

    let mut lines: Vec<Line> = values
        .items(list)
        .iter()
        .enumerate()
        .map(|(k, item)| Line {
            code: item.text("code").to_string(),
            name: item.text("name").to_string(),
            cells: fields
                .iter()
                .map(|f| item.amount(f).map(|a| a.decimal()))
                .collect(),
            index: Some(k),
            written: Vec::new(),
        })
        .collect();
    if lines.is_empty() {
        return Ok(());
    }

    // Parents that are missing: a 款 above its 项, a 类 above its 款, each before its first child.
    let mut added = Vec::new();
    for len in [7usize, 5] {
        let mut k = 0;
        while k < lines.len() {
            let code = lines[k].code.clone();
            if code.len() == len && code.bytes().all(|b| b.is_ascii_digit()) {
                let parent = &code[..len - 2];
                if !lines.iter().any(|l| l.code == parent) {
                    let elsewhere = names
                        .iter()
                        .find(|(c, _)| c == parent)
                        .map(|(_, n)| n.clone());
                    let name = match (len - 2, elsewhere, loaded.form.class_name(parent)) {
                        (_, Some(name), _) => name,
                        (3, None, Some(name)) => name.to_string(),
                        (3, None, None) => "待填写：类名称".to_string(),
                        _ => "待填写：款名称".to_string(),
                    };
                    lines.insert(
                        k,
                        Line {
                            code: parent.to_string(),
                            name,
                            cells: vec![None; fields.len()],
                            index: None,
                            written: Vec::new(),
                        },
                    );
                    added.push(parent.to_string());
                    k += 1;
                }
            }
            k += 1;
        }
    }
    for code in &added {
        let line = lines.iter().find(|l| &l.code == code).cloned();
        if let Some(line) = line {
            let level = if code.len() == 3 { "类" } else { "款" };
            filled.changes.push(Change {
                file,
                line: line.label(),
                field: None,
                value: None,
                reason: crate::tr!("fill-parent-line", level = level),
            });
        }
    }

    // Bottom up: each 款 from its 项, each 类 from its 款.
    for len in [5usize, 3] {
        for p in 0..lines.len() {
            if lines[p].code.len() != len {
                continue;
            }
            let children: Vec<usize> = (0..lines.len())
                .filter(|&c| {
                    lines[c].code.len() == len + 2 && lines[c].code.starts_with(&lines[p].code)
                })
                .collect();
            if children.is_empty() {
                continue;
            }
            let level = if len == 5 { "项" } else { "款" };
            for (col, field) in fields.iter().enumerate() {
                let parts: Option<Vec<Decimal>> =
                    children.iter().map(|&c| lines[c].cells[col]).collect();
                let Some(parts) = parts else { continue };
                let sum: Decimal = parts.iter().sum();
                let reason = crate::tr!("relation-sum-lines", level = level);
                match lines[p].cells[col] {
                    None => {
                        lines[p].cells[col] = Some(sum);
                        lines[p].written.push((col, sum));
                        filled.changes.push(Change {
                            file,
                            line: lines[p].label(),
                            field: Some(field.to_string()),
                            value: Some(sum),
                            reason,
                        });
                    }
                    Some(stated) if stated != sum => filled.disagreements.push(Disagreement {
                        file,
                        line: lines[p].label(),
                        field: field.to_string(),
                        stated,
                        sum,
                        reason,
                    }),
                    Some(_) => {}
                }
            }
        }
    }

    // 合计: the sum of the 类 lines.
    let classes: Vec<usize> = (0..lines.len())
        .filter(|&k| lines[k].code.len() == 3)
        .collect();
    let mut totals: Vec<(String, Decimal)> = Vec::new();
    if !classes.is_empty() {
        for (col, field) in fields.iter().enumerate() {
            let Some(path) = &total_paths[col] else {
                continue;
            };
            let parts: Option<Vec<Decimal>> =
                classes.iter().map(|&k| lines[k].cells[col]).collect();
            let Some(parts) = parts else { continue };
            let sum: Decimal = parts.iter().sum();
            let reason = crate::tr!("relation-sum-lines", level = "类");
            match values.amount(path).map(|a| a.decimal()) {
                None => {
                    totals.push((path.clone(), sum));
                    filled.changes.push(Change {
                        file,
                        line: "合计".to_string(),
                        field: Some(field.to_string()),
                        value: Some(sum),
                        reason,
                    });
                }
                Some(stated) if stated != sum => filled.disagreements.push(Disagreement {
                    file,
                    line: "合计".to_string(),
                    field: field.to_string(),
                    stated,
                    sum,
                    reason,
                }),
                Some(_) => {}
            }
        }
    }

    if added.is_empty() && lines.iter().all(|l| l.written.is_empty()) && totals.is_empty() {
        return Ok(());
    }
    write_lines(file, doc, list, &fields, &lines)?;
    for (path, sum) in totals {
        set_at(file, doc, &path, sum)?;
    }
    Ok(())
}

fn edit(file: &'static str, message: impl Into<String>) -> FillError {
    FillError::Edit {
        file,
        message: message.into(),
    }
}

/// A figure as TOML, exactly as computed (`20.94`, `0`).
fn number(value: Decimal) -> Value {
    // A decimal's text is always a valid TOML number (no exponent).
    value
        .to_string()
        .parse::<Value>()
        .unwrap_or_else(|_| Value::from(value.to_string()))
}

/// The item at a dotted path of tables (created where missing).
fn item_at<'d>(
    file: &'static str,
    doc: &'d mut DocumentMut,
    path: &str,
) -> Result<&'d mut Item, FillError> {
    let mut item = doc.as_item_mut();
    for key in path.split('.') {
        let table = item
            .as_table_like_mut()
            .ok_or_else(|| edit(file, format!("{path}: {key} is not in a table")))?;
        if table.get(key).is_none() {
            table.insert(key, Item::Table(Table::new()));
        }
        item = table
            .get_mut(key)
            .ok_or_else(|| edit(file, format!("{path}: {key} cannot be made")))?;
    }
    Ok(item)
}

/// Writes the lines' new figures into the file's list, and the lines added at their places, keeping every other
/// line as it is written (an array of inline tables or an array of tables).
fn write_lines(
    file: &'static str,
    doc: &mut DocumentMut,
    list: &str,
    fields: &[&str],
    lines: &[Line],
) -> Result<(), FillError> {
    let item = item_at(file, doc, list)?;
    match item {
        Item::ArrayOfTables(aot) => {
            let old: Vec<Table> = aot.iter().cloned().collect();
            aot.clear();
            for line in lines {
                let mut table = match line.index.and_then(|k| old.get(k)) {
                    Some(t) => t.clone(),
                    None => {
                        let mut t = Table::new();
                        t.insert("code", Item::Value(Value::from(line.code.as_str())));
                        t.insert("name", Item::Value(Value::from(line.name.as_str())));
                        t
                    }
                };
                for &(col, value) in &line.written {
                    table.insert(fields[col], Item::Value(number(value)));
                }
                aot.push(table);
            }
        }
        Item::Value(Value::Array(array)) => {
            let old: Vec<Value> = array.iter().cloned().collect();
            // How the list sets its lines (a new line and an indent before each).
            let prefix = old
                .first()
                .and_then(|v| v.decor().prefix())
                .and_then(|p| p.as_str())
                .unwrap_or("\n  ")
                .to_string();
            array.clear();
            for line in lines {
                let mut value = match line.index.and_then(|k| old.get(k)) {
                    Some(v) => v.clone(),
                    None => {
                        let mut t = toml_edit::InlineTable::new();
                        t.insert("code", Value::from(line.code.as_str()));
                        t.insert("name", Value::from(line.name.as_str()));
                        let mut v = Value::InlineTable(t);
                        v.decor_mut().set_prefix(prefix.clone());
                        v
                    }
                };
                let Value::InlineTable(t) = &mut value else {
                    return Err(edit(file, format!("{list}: a line that is no table")));
                };
                if !line.written.is_empty() || line.index.is_none() {
                    for &(col, v) in &line.written {
                        t.insert(fields[col], number(v));
                    }
                    // The line's keys set as a new one would be: `{ code = "201", name = "…", total = 1.00 }`.
                    t.fmt();
                }
                array.push_formatted(value);
            }
        }
        _ => return Err(edit(file, format!("{list} is not a list of lines"))),
    }
    Ok(())
}
