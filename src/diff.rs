//! What a correction changes: every figure and text that differs between two versions of a document, and every
//! narrative sentence whose wording or numbers change as a result — the material of a 更正说明.
//!
//! Figures are compared as exact decimals (`88` and `88.00` are the same figure), texts as written. The narrative is
//! compared after derivation, paragraph by paragraph, so a changed total shows up in every sentence that states it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::derive::Block;
use crate::model::SectionId;
use crate::money::parse_exact;

/// One changed value of a data file, by file and key path (e.g. `table05.toml` `rows[3].total`).
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ValueChange {
    pub file: String,
    pub path: String,
    /// The value as the document names it: "公开07表 决算数 公务接待费", "公开05表 2080101 行政运行 本年支出 合计";
    /// the file and key path where the form has no name for it.
    pub what: String,
    /// `None` where the value is new or gone.
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A narrative sentence (paragraph) that reads differently.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SentenceChange {
    /// The heading the paragraph stands under, e.g. （一）收入支出决算总体情况说明.
    pub section: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Changes {
    pub values: Vec<ValueChange>,
    pub sentences: Vec<SentenceChange>,
    /// The document as first published and as corrected: title, unit and date, for a 更正说明.
    #[serde(skip)]
    pub documents: Option<[Published; 2]>,
}

/// What a 更正说明 says of a version of the document.
#[derive(Debug, Clone)]
pub struct Published {
    /// The title on one line (`金华市…2020年度单位决算`).
    pub title: String,
    pub unit: String,
    /// YYYY-MM-DD.
    pub date: String,
}

impl Published {
    fn of(meta: &crate::derive::Meta) -> Published {
        Published {
            title: meta.title.replace('\n', ""),
            unit: meta.unit.clone(),
            date: meta.date.clone(),
        }
    }
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.sentences.is_empty()
    }
}

/// Why two folders could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    #[error("{0} does not pass `juesuan check`: fix its errors first")]
    Rejected(String),
}

/// Compares two document folders: their data values and their derived narrative.
pub fn diff(old_dir: &Path, new_dir: &Path) -> Result<Changes, DiffError> {
    let prepare = |dir: &Path| {
        crate::prepare(dir).map_err(|_| DiffError::Rejected(dir.display().to_string()))
    };
    let old = prepare(old_dir)?;
    let new = prepare(new_dir)?;
    let mut changes = Changes::default();
    let form = &new.form;
    // Both kinds' sections: a 决算 and a 预算 share several file names, each compared once.
    let mut files: Vec<&str> = SectionId::ALL.iter().map(|s| s.file()).collect();
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(*f));
    for file in files {
        let read = |dir: &Path| {
            std::fs::read_to_string(dir.join(file))
                .ok()
                .and_then(|t| toml::from_str::<toml::Value>(&t).ok())
                .map(|v| flatten(&v))
                .unwrap_or_default()
        };
        let (a, b) = (read(old_dir), read(new_dir));
        for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
            let (x, y) = (a.get(key), b.get(key));
            if !same(x, y) {
                let values = if b.contains_key(key) { &b } else { &a };
                changes.values.push(ValueChange {
                    file: file.to_string(),
                    path: key.clone(),
                    what: describe(form, file, key, values)
                        .unwrap_or_else(|| format!("{file} {key}")),
                    old: x.cloned(),
                    new: y.cloned(),
                });
            }
        }
    }
    changes.sentences = sentences(&old.report.blocks, &new.report.blocks);
    changes.documents = Some([
        Published::of(&old.report.meta),
        Published::of(&new.report.meta),
    ]);
    Ok(changes)
}

/// Two scalar texts are the same value: equal figures compare as decimals, everything else as written.
fn same(a: Option<&String>, b: Option<&String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => match (parse_exact(a), parse_exact(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => a == b,
        },
        (None, None) => true,
        _ => false,
    }
}

/// Every scalar of a TOML document by its key path; arrays of tables are indexed (`rows[3].total`).
/// A value of a table file as the form prints it: the table's name, the row's label (or a line's code and name) and
/// the column's header path.
fn describe(
    form: &crate::form::Form,
    file: &str,
    path: &str,
    values: &BTreeMap<String, String>,
) -> Option<String> {
    let spec = form.tables.iter().find(|t| t.section.file() == file)?;
    let table = form.table_name(spec.section, None);
    let head = |c: &crate::form::table::Column| {
        c.head
            .iter()
            .map(|h| h.text().replace('\n', ""))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for panel in &spec.panels {
        let figure_columns: Vec<_> = panel.columns.iter().filter(|c| c.role.is_none()).collect();
        for row in panel.rows.iter().chain(&panel.footer) {
            let label = row.label.as_deref().unwrap_or("").trim().to_string();
            if let Some(figures) = &row.figures
                && let Some(k) = figures.iter().position(|f| f == path)
            {
                let column = figure_columns.get(k).map(|c| head(c)).unwrap_or_default();
                return Some(words(&[&table, &label, &column]));
            }
            if let Some(under) = &row.figure {
                for c in &figure_columns {
                    let Some(field) = &c.field else { continue };
                    let full = if under.is_empty() {
                        field.clone()
                    } else {
                        format!("{under}.{field}")
                    };
                    if path == full {
                        return Some(words(&[&table, &label, &head(c)]));
                    }
                }
            }
            // `rows[3].total`: the line's code and name from the data, the column from the form
            let line = |list: &str| {
                let rest = path.strip_prefix(list)?.strip_prefix('[')?;
                let (index, field) = rest.split_once("].")?;
                let value = |k: &str| {
                    values
                        .get(&format!("{list}[{index}].{k}"))
                        .cloned()
                        .unwrap_or_default()
                };
                let column = figure_columns
                    .iter()
                    .find(|c| c.field.as_deref() == Some(field))
                    .map(|c| head(c))?;
                Some(words(&[&table, &value("code"), &value("name"), &column]))
            };
            if let Some(found) = row
                .lines
                .as_deref()
                .or(row.classes.as_deref())
                .and_then(line)
            {
                return Some(found);
            }
        }
    }
    None
}

/// Two versions of a sentence with what differs between them in 【】: a figure is one token, so a changed figure
/// is marked whole ("货物支出【100.80】万元" / "货物支出【110.80】万元").
fn marked(old: &str, new: &str) -> (String, String) {
    fn tokens(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut in_number = false;
        for (i, c) in s.char_indices() {
            let numeric = c.is_ascii_digit() || (in_number && matches!(c, '.' | ',' | '%'));
            if !(numeric && in_number) && i > start {
                out.push(&s[start..i]);
                start = i;
            }
            in_number = numeric;
        }
        if start < s.len() {
            out.push(&s[start..]);
        }
        out
    }
    let (a, b) = (tokens(old), tokens(new));
    // Longest common subsequence of tokens; a paragraph has a few hundred. Pages-long texts are shown unmarked
    // rather than compared in quadratic memory.
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        return (old.to_string(), new.to_string());
    }
    let mut lcs = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut x, mut y) = (String::new(), String::new());
    let (mut open_x, mut open_y) = (false, false);
    let mark = |out: &mut String, open: &mut bool, on: bool| {
        if on != *open {
            out.push(if on { '【' } else { '】' });
            *open = on;
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            mark(&mut x, &mut open_x, false);
            mark(&mut y, &mut open_y, false);
            x.push_str(a[i]);
            y.push_str(b[j]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            mark(&mut y, &mut open_y, true);
            y.push_str(b[j]);
            j += 1;
        } else {
            mark(&mut x, &mut open_x, true);
            x.push_str(a[i]);
            i += 1;
        }
    }
    mark(&mut x, &mut open_x, false);
    mark(&mut y, &mut open_y, false);
    (x, y)
}

/// The non-empty parts, a space between.
fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn flatten(value: &toml::Value) -> BTreeMap<String, String> {
    fn walk(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
        match value {
            toml::Value::Table(t) => {
                for (k, v) in t {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&p, v, out);
                }
            }
            toml::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(&format!("{prefix}[{i}]"), v, out);
                }
            }
            toml::Value::String(s) => {
                out.insert(prefix.to_string(), s.clone());
            }
            other => {
                out.insert(prefix.to_string(), other.to_string());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk("", value, &mut out);
    out
}

/// Paragraphs grouped by the heading above them, compared position by position within each heading.
fn sentences(old: &[Block], new: &[Block]) -> Vec<SentenceChange> {
    fn group(blocks: &[Block]) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = vec![(String::new(), Vec::new())];
        for block in blocks {
            match block {
                Block::Heading { level, text, toc } if *level <= 2 => {
                    let name = if text.is_empty() { toc.clone() } else { None };
                    out.push((name.unwrap_or_else(|| text.clone()), Vec::new()))
                }
                Block::Heading { text, .. } | Block::Paragraph { text } => {
                    if let Some(last) = out.last_mut() {
                        last.1.push(text.clone());
                    }
                }
                Block::SelfEvaluation(form) => {
                    if let Some(last) = out.last_mut() {
                        last.1.push(format!(
                            "{}：{}分，{}",
                            form.name, form.total_score, form.grade
                        ));
                    }
                }
                Block::List(list) => {
                    if let Some(last) = out.last_mut() {
                        last.1.extend(list.rows.iter().map(|row| row.join("｜")));
                    }
                }
                // The figures of the charts and tables are the data's, compared above.
                Block::Chart(_) | Block::Tables { .. } => {}
            }
        }
        out
    }
    let (a, b) = (group(old), group(new));
    let mut changes = Vec::new();
    for (section, new_paragraphs) in &b {
        let old_paragraphs = a
            .iter()
            .find(|(s, _)| s == section)
            .map(|(_, p)| p.as_slice())
            .unwrap_or(&[]);
        for i in 0..old_paragraphs.len().max(new_paragraphs.len()) {
            let (x, y) = (old_paragraphs.get(i), new_paragraphs.get(i));
            if x != y {
                changes.push(SentenceChange {
                    section: section.clone(),
                    old: x.cloned(),
                    new: y.cloned(),
                });
            }
        }
    }
    changes
}

/// The changes as a reader of a 更正说明 wants them: by file and key, then the sentences.
pub fn render_human(changes: &Changes) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        out.push_str("no differences\n");
        return out;
    }
    if !changes.values.is_empty() {
        out.push_str("figures and texts:\n");
        for c in &changes.values {
            out += &format!("  {}: {} → {}\n", c.what, shown(&c.old), shown(&c.new));
        }
    }
    if !changes.sentences.is_empty() {
        out.push_str("narrative:\n");
        for c in &changes.sentences {
            out += &format!(
                "  {}\n",
                if c.section.is_empty() {
                    "（标题）"
                } else {
                    &c.section
                }
            );
            match (&c.old, &c.new) {
                (Some(o), Some(n)) => {
                    let (o, n) = marked(o, n);
                    out += &format!("    - {o}\n    + {n}\n");
                }
                (Some(o), None) => out += &format!("    - {o}\n"),
                (None, Some(n)) => out += &format!("    + {n}\n"),
                (None, None) => {}
            }
        }
    }
    out
}

/// A figure as the document prints it (two decimals), or a text as written; （无） for a value that is not there.
fn shown(value: &Option<String>) -> String {
    match value {
        None => "（无）".to_string(),
        Some(v) => parse_exact(v)
            .map(|d| format!("{:.2}", crate::money::Amount::new(d).rounded().decimal()))
            .unwrap_or_else(|_| v.clone()),
    }
}

/// Chinese ordinal numbers for a notice's items: 一 … 九十九.
fn ordinal(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_string(),
        10..=99 => format!(
            "{}十{}",
            if n / 10 == 1 { "" } else { DIGITS[n / 10] },
            DIGITS[n % 10]
        ),
        _ => n.to_string(),
    }
}

/// A draft 更正说明 (correction notice) in the words such notices use: what was published, each corrected figure
/// and text as the document names it (原为 … 更正为 …), the sentences that change with them, and the unit and the
/// corrected version's date to sign with. A draft: the unit reads it over and adds the reason.
pub fn render_correction(changes: &Changes) -> String {
    let Some([old, new]) = &changes.documents else {
        return String::new();
    };
    let mut out = format!("关于《{}》的更正说明\n\n", old.title);
    out += &format!(
        "{}于{}公开的《{}》中，部分内容有误（待填写：差错原因），现更正如下：\n\n",
        old.unit,
        chinese_date(&old.date),
        old.title
    );
    let mut n = 0;
    for c in &changes.values {
        n += 1;
        // Figures in the unit of the table they stand in (the table's 单位 line says which).
        let line = match (&c.old, &c.new) {
            (Some(_), Some(_)) => format!(
                "{}：原为{}，更正为{}。",
                c.what,
                shown(&c.old),
                shown(&c.new)
            ),
            (None, Some(_)) => format!("{}：增加{}。", c.what, shown(&c.new)),
            (Some(_), None) => format!("{}：删除（原为{}）。", c.what, shown(&c.old)),
            (None, None) => continue,
        };
        out += &format!("{}、{line}\n", ordinal(n));
    }
    if !changes.sentences.is_empty() {
        n += 1;
        out += &format!("{}、正文相应更正：\n", ordinal(n));
        // A quotation inside the quoted sentence takes single quotes.
        let inner = |s: &String| s.replace('“', "‘").replace('”', "’");
        for (k, c) in changes.sentences.iter().enumerate() {
            let at = if c.section.is_empty() {
                "标题"
            } else {
                &c.section
            };
            let (o, nw) = (c.old.as_ref().map(inner), c.new.as_ref().map(inner));
            let line = match (&o, &nw) {
                (Some(o), Some(nw)) => format!("{at}中“{o}”更正为“{nw}”"),
                (Some(o), None) => format!("{at}中删去“{o}”"),
                (None, Some(nw)) => format!("{at}中增加“{nw}”"),
                (None, None) => continue,
            };
            out += &format!("（{}）{line}。\n", ordinal(k + 1));
        }
    }
    if n == 0 {
        out += "（两版内容相同，无需更正。）\n";
    }
    // The corrected version's date, when the correction moved it; else the day is the unit's to write.
    let date = if new.date == old.date {
        "待填写：更正日期".to_string()
    } else {
        chinese_date(&new.date)
    };
    out += &format!(
        "\n更正后的《{}》已重新公开。特此说明，由此带来的不便，敬请谅解。\n\n{}\n{date}\n",
        new.title, new.unit
    );
    out
}

/// `2021-09-30` as 2021年9月30日.
fn chinese_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!(
            "{y}年{}月{}日",
            m.trim_start_matches('0'),
            d.trim_start_matches('0')
        ),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_changed_figure_is_marked_inside_its_sentence() {
        let (o, n) = marked(
            "政府采购货物支出100.80万元、服务支出440.40万元。",
            "政府采购货物支出110.80万元、服务支出430.40万元。",
        );
        assert_eq!(
            o,
            "政府采购货物支出【100.80】万元、服务支出【440.40】万元。"
        );
        assert_eq!(
            n,
            "政府采购货物支出【110.80】万元、服务支出【430.40】万元。"
        );
        let (o, n) = marked("增加", "减少");
        assert_eq!((o.as_str(), n.as_str()), ("【增加】", "【减少】"));
    }

    #[test]
    fn a_changed_value_is_named_as_the_document_prints_it() {
        let form = crate::form::Form::get("zhejiang-2020").unwrap();
        let values: BTreeMap<String, String> = [
            ("rows[1].code", "20103"),
            ("rows[1].name", "政府办公厅（室）及相关机构事务"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            describe(&form, "table05.toml", "rows[1].total", &values).as_deref(),
            Some("公开05表 20103 政府办公厅（室）及相关机构事务 本年支出 小计")
        );
        assert_eq!(
            describe(&form, "table07.toml", "actual.reception", &values).as_deref(),
            Some("公开07表 决算数 公务接待费")
        );
        assert_eq!(describe(&form, "procurement.toml", "goods", &values), None);
    }
    use super::*;

    #[test]
    fn figures_compare_as_decimals() {
        let s = |v: &str| Some(v.to_string());
        assert!(same(s("88").as_ref(), s("88.00").as_ref()));
        assert!(!same(s("88").as_ref(), s("88.01").as_ref()));
        assert!(!same(s("综合科").as_ref(), s("综合处").as_ref()));
        assert!(!same(s("1").as_ref(), None));
    }

    #[test]
    fn tables_flatten_to_key_paths() {
        let v: toml::Value =
            toml::from_str("a = 1\n[[rows]]\ncode = \"201\"\ntotal = 2.5\n").unwrap();
        let flat = flatten(&v);
        assert_eq!(flat["a"], "1");
        assert_eq!(flat["rows[0].code"], "201");
        assert_eq!(flat["rows[0].total"], "2.5");
    }
}
