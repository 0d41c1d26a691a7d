//! The 财决 report set: what the 决算 reporting software exports for a unit, one sheet a report (`Z01 收入支出决算总表
//! (财决01表)`, … `F01 预算支出相关信息表(财决附01表)`; the names cut at Excel's 31 characters), more reports than the
//! nine 公开表 and, in those it shares with them, more columns (年初预算数, 全年预算数, 年初结转和结余 …) and rows
//! numbered its own way. The 公开表 are extracts of it: [`SHEETS`] says which report holds which table.
//!
//! A report that holds a table is read by the form's description of that table, as a published table is
//! ([`TableReader::in_report_set`]): its columns by their header words, its rows by code or label (never by 行次),
//! the columns the form does not print skipped and named, a row the form has no place for a warning at its cell.
//! 财决附01表 lists the “三公” figures as rows (预算数 | 统计数) rather than the columns of 公开07表, with the counts
//! and 机关运行经费 beside them: it is read by its labels ([`STATISTICS`]) into 公开07表 and, for what no table holds,
//! into the scaffolded three_public.toml and operating_costs.toml ([`Patch`]).

use rust_decimal::Decimal;

use super::{Out, TableReader, normalize, parse_figure_text, strip_numbering, title_key};
use crate::model::SectionId;
use crate::workbook::read::{Sheet, Value, Workbook};

/// How a report is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// By the form's table: header, columns, rows.
    Table,
    /// 财决附01表: labelled rows, a 预算数 and a 统计数 column per panel ([`STATISTICS`]).
    Statistics,
}

/// A report of the set that holds a 公开表.
#[derive(Debug)]
pub struct Report {
    /// The code the sheet's name starts with (Z01, Z01_1, F01).
    pub code: &'static str,
    /// The label in the sheet's name and above the table (财决01表).
    pub label: &'static str,
    pub title: &'static str,
    /// The 决算's table it holds.
    pub section: SectionId,
    pub reader: Reader,
}

/// Which report holds which 公开表 (the 2020 national set, which the 公开表 of every province extract).
pub const SHEETS: &[Report] = &[
    Report {
        code: "Z01",
        label: "财决01表",
        title: "收入支出决算总表",
        section: SectionId::Table01,
        reader: Reader::Table,
    },
    Report {
        code: "Z03",
        label: "财决03表",
        title: "收入决算表",
        section: SectionId::Table02,
        reader: Reader::Table,
    },
    Report {
        code: "Z04",
        label: "财决04表",
        title: "支出决算表",
        section: SectionId::Table03,
        reader: Reader::Table,
    },
    Report {
        code: "Z01_1",
        label: "财决01-1表",
        title: "财政拨款收入支出决算总表",
        section: SectionId::Table04,
        reader: Reader::Table,
    },
    Report {
        code: "Z07",
        label: "财决07表",
        title: "一般公共预算财政拨款收入支出决算表",
        section: SectionId::Table05,
        reader: Reader::Table,
    },
    Report {
        code: "Z08_1",
        label: "财决08-1表",
        title: "一般公共预算财政拨款基本支出决算明细表",
        section: SectionId::Table06,
        reader: Reader::Table,
    },
    Report {
        code: "F01",
        label: "财决附01表",
        title: "预算支出相关信息表",
        section: SectionId::Table07,
        reader: Reader::Statistics,
    },
    Report {
        code: "Z09",
        label: "财决09表",
        title: "政府性基金预算财政拨款收入支出决算表",
        section: SectionId::Table08,
        reader: Reader::Table,
    },
    Report {
        code: "Z10",
        label: "财决10表",
        title: "国有资本经营预算财政拨款收入支出决算表",
        section: SectionId::Table09,
        reader: Reader::Table,
    },
];

/// The code a report-set sheet carries: the first word of its name (Z01, Z01_1, Z01-1, F01), or its label (财决01表,
/// 财决01-1表, 财决附01表) in its name or its first rows, as a code (Z01, Z01_1, F01).
pub fn code_of(sheet: &Sheet) -> Option<String> {
    let first = sheet.name.split_whitespace().next().unwrap_or("");
    let first = first.to_ascii_uppercase().replace('-', "_");
    let mut chars = first.chars();
    let shape = matches!(chars.next(), Some('Z' | 'F'))
        && first.len() >= 3
        && first[1..3].chars().all(|c| c.is_ascii_digit())
        && (first.len() == 3
            || (first.as_bytes()[3] == b'_' && first[4..].chars().all(|c| c.is_ascii_digit())));
    if shape {
        return Some(first);
    }
    let texts =
        std::iter::once(sheet.name.clone()).chain(sheet.cells.range((0, 0)..(4, 0)).filter_map(
            |(_, v)| match v {
                Value::Text(t) => Some(t.clone()),
                _ => None,
            },
        ));
    texts.into_iter().find_map(|t| label_code(&normalize(&t)))
}

/// 财决01表 → Z01, 财决01-1表 → Z01_1, 财决附01表 → F01, anywhere in a text.
fn label_code(text: &str) -> Option<String> {
    let at = text.find("财决")?;
    let rest = &text[at + "财决".len()..];
    let (prefix, rest) = match rest.strip_prefix('附') {
        Some(rest) => ('F', rest),
        None => ('Z', rest),
    };
    let end = rest.find('表')?;
    let number = &rest[..end];
    let valid = !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit() || c == '-')
        && number.chars().next().is_some_and(|c| c.is_ascii_digit());
    valid.then(|| format!("{prefix}{}", number.replace('-', "_")))
}

/// The sheets of a workbook that are reports of the set: (sheet index, its code). A workbook is a report set when
/// two or more of its sheets are and one of them holds a 公开表.
pub fn recognise(book: &Workbook) -> Option<Vec<(usize, String)>> {
    let coded: Vec<(usize, String)> = book
        .sheets
        .iter()
        .enumerate()
        .filter_map(|(k, s)| code_of(s).map(|c| (k, c)))
        .collect();
    let holds_table = coded
        .iter()
        .any(|(_, c)| SHEETS.iter().any(|r| r.code == c));
    (coded.len() >= 2 && holds_table).then_some(coded)
}

/// The report that holds a section's table.
pub fn report_of(section: SectionId) -> Option<&'static Report> {
    SHEETS.iter().find(|r| r.section == section)
}

/// Where a report's title stands in its sheet: the first row of its first rows that reads as the title, else the
/// first row with text.
pub fn title_row(sheet: &Sheet, report: &Report) -> u32 {
    let key = title_key(report.title);
    let rows: Vec<(u32, String)> = sheet
        .cells
        .range((0, 0)..(6, 0))
        .filter_map(|(&(r, _), v)| match v {
            Value::Text(t) if !t.trim().is_empty() => Some((r, t.clone())),
            _ => None,
        })
        .collect();
    rows.iter()
        .find(|(_, t)| title_key(t).contains(&key))
        .or(rows.first())
        .map_or(0, |(r, _)| *r)
}

// ---------------------------------------------------------------------------------------------------------------
// 财决附01表

/// Where a row of 财决附01表 goes.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// A 公开07表 column pair: the 预算数 to `budget.<field>`, the 统计数 to `actual.<field>`.
    ThreePublic(&'static str),
    /// Money (统计数) that no table holds, into a scaffolded section.
    Money(SectionId, &'static str),
    /// A count (团组, 人次, 辆), into a scaffolded section.
    Count(SectionId, &'static str),
}

/// The rows of 财决附01表 the document needs, by their labels (numbering and 其中： aside; either wording of 运行
/// (维护)费).
const STATISTICS: &[(&[&str], Target)] = &[
    (
        &["支出合计", "三公经费支出合计"],
        Target::ThreePublic("total"),
    ),
    (&["因公出国(境)费"], Target::ThreePublic("overseas")),
    (
        &["公务用车购置及运行维护费", "公务用车购置及运行费"],
        Target::ThreePublic("vehicles"),
    ),
    (&["公务用车购置费"], Target::ThreePublic("vehicle_purchase")),
    (
        &["公务用车运行维护费", "公务用车运行费"],
        Target::ThreePublic("vehicle_operation"),
    ),
    (&["公务接待费"], Target::ThreePublic("reception")),
    (
        &["国内接待费", "国内公务接待费"],
        Target::Money(SectionId::ThreePublic, DOMESTIC[0]),
    ),
    (
        &["外事接待费"],
        Target::Money(SectionId::ThreePublic, FOREIGN[0]),
    ),
    (
        &["因公出国(境)团组数(个)"],
        Target::Count(SectionId::ThreePublic, "overseas.groups"),
    ),
    (
        &["因公出国(境)人次数(人)"],
        Target::Count(SectionId::ThreePublic, "overseas.people"),
    ),
    (
        &["公务用车购置数(辆)"],
        Target::Count(SectionId::ThreePublic, "vehicles.purchased"),
    ),
    (
        &["公务用车保有量(辆)"],
        Target::Count(SectionId::ThreePublic, "vehicles.fleet"),
    ),
    (
        &["国内公务接待批次(个)"],
        Target::Count(SectionId::ThreePublic, DOMESTIC[1]),
    ),
    (
        &["外事接待批次(个)"],
        Target::Count(SectionId::ThreePublic, FOREIGN[1]),
    ),
    (
        &["国内公务接待人次(人)"],
        Target::Count(SectionId::ThreePublic, DOMESTIC[2]),
    ),
    (
        &["外事接待人次(人)"],
        Target::Count(SectionId::ThreePublic, FOREIGN[2]),
    ),
    (
        &["机关运行经费", "机关运行经费支出"],
        Target::Money(SectionId::OperatingCosts, "actual"),
    ),
];

/// 财决附01表's 国内接待 includes its 外事接待 (其中：); three_public.toml states 外宾接待 and the other 国内接待
/// apart, so the latter is the former less the 外事 figure: amount, groups, people.
const DOMESTIC: [&str; 3] = [
    "reception.domestic.amount",
    "reception.domestic.groups",
    "reception.domestic.people",
];
const FOREIGN: [&str; 3] = [
    "reception.foreign.amount",
    "reception.foreign.groups",
    "reception.foreign.people",
];

/// A figure for a section file the import scaffolds (three_public.toml, operating_costs.toml): written over the
/// scaffold's 待填写 value, commented with its cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Patch {
    pub section: SectionId,
    pub path: String,
    pub value: PatchValue,
    pub comment: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatchValue {
    /// 万元, two decimals.
    Money(Decimal),
    Count(i64),
}

impl PatchValue {
    fn minus(self, other: PatchValue) -> Option<PatchValue> {
        match (self, other) {
            (PatchValue::Money(a), PatchValue::Money(b)) => Some(PatchValue::Money(a - b)),
            (PatchValue::Count(a), PatchValue::Count(b)) => Some(PatchValue::Count(a - b)),
            _ => None,
        }
    }

    fn is_negative(self) -> bool {
        match self {
            PatchValue::Money(d) => d.is_sign_negative() && !d.is_zero(),
            PatchValue::Count(n) => n < 0,
        }
    }
}

/// One panel of 财决附01表: its label column and, right of it, the 预算数 and 统计数 columns.
struct StatPanel {
    label: u32,
    budget: Option<u32>,
    actual: Option<u32>,
    /// Every column of the panel (行次 included): what it consumes of a row.
    columns: Vec<u32>,
}

impl<'a> TableReader<'a> {
    /// 财决附01表: 公开07表's figures into `out`, the counts and the other money into patches of the scaffolded
    /// sections. A labelled row the document has no place for is a warning at its cells.
    pub(super) fn read_statistics(&mut self, out: &mut Out) -> Vec<Patch> {
        let name = self.table_name();
        let sheet: &'a Sheet = self.sheet;
        let last = sheet.last_row();
        // The header: the first row under the title with a 项目 cell and a 预算数/统计数 cell.
        let word = |r: u32, c: u32| normalize(&sheet.shown(r, c));
        let header = (self.title_row + 1..=(self.title_row + 10).min(last)).find(|&r| {
            let texts: Vec<String> = (0..=sheet.last_col()).map(|c| word(r, c)).collect();
            texts.iter().any(|t| t == "项目")
                && texts.iter().any(|t| is_budget_word(t) || is_actual_word(t))
        });
        let Some(header) = header else {
            self.error(
                Some(self.at(self.title_row, 0)),
                format!("{name}: no header (项目 | 行次 | 预算数 | 统计数) under the title"),
            );
            return Vec::new();
        };
        self.read_unit(header);
        let mut panels: Vec<StatPanel> = Vec::new();
        for c in 0..=sheet.last_col() {
            let t = word(header, c);
            if t == "项目" {
                panels.push(StatPanel {
                    label: c,
                    budget: None,
                    actual: None,
                    columns: vec![c],
                });
                continue;
            }
            let Some(panel) = panels.last_mut() else {
                continue;
            };
            if t.is_empty() {
                continue;
            }
            panel.columns.push(c);
            if is_budget_word(&t) && panel.budget.is_none() {
                panel.budget = Some(c);
            } else if is_actual_word(&t) && panel.actual.is_none() {
                panel.actual = Some(c);
            }
        }

        let mut patches: Vec<Patch> = Vec::new();
        let mut consumed = std::collections::HashSet::new();
        let body_start = header + 1;
        for r in body_start..=last {
            for panel in &panels {
                let label = sheet.text(r, panel.label);
                let key = stat_key(&label);
                if key == "栏次" {
                    consumed.extend(panel.columns.iter().map(|&c| (r, c)));
                    continue;
                }
                // No label: a figure here is reported below.
                if key.is_empty() {
                    continue;
                }
                let target = STATISTICS
                    .iter()
                    .find(|(labels, _)| labels.iter().any(|l| normalize(l) == key))
                    .map(|(_, t)| *t);
                let filled = |c: Option<u32>| c.filter(|&c| sheet.get(r, c).is_some());
                match target {
                    Some(Target::ThreePublic(field)) => {
                        for (col, side) in [(panel.budget, "budget"), (panel.actual, "actual")] {
                            if let Some(col) = filled(col)
                                && let Ok(Some((value, comment))) = self.figure(r, col)
                            {
                                out.figure(&format!("{side}.{field}"), value, comment);
                            }
                        }
                        consumed.extend(panel.columns.iter().map(|&c| (r, c)));
                    }
                    Some(
                        target @ (Target::Money(section, path) | Target::Count(section, path)),
                    ) => {
                        let value = match (filled(panel.actual), target) {
                            (Some(col), Target::Money(..)) => match self.figure(r, col) {
                                Ok(Some((value, comment))) => {
                                    Some((PatchValue::Money(value), comment))
                                }
                                _ => None,
                            },
                            (Some(col), _) => self
                                .count(r, col)
                                .map(|n| (PatchValue::Count(n), self.at(r, col).to_string())),
                            (None, _) => None,
                        };
                        if let Some((value, comment)) = value {
                            patches.push(Patch {
                                section,
                                path: path.to_string(),
                                value,
                                comment,
                            });
                        }
                        // Its 预算数 cell has no place: reported below if it holds a figure.
                        consumed.extend(
                            panel
                                .columns
                                .iter()
                                .filter(|&&c| Some(c) != panel.budget)
                                .map(|&c| (r, c)),
                        );
                    }
                    // A heading (一、“三公”经费支出) or a row the document has no place for: its label is no content;
                    // its figures, if any, are reported below.
                    None => {
                        consumed.insert((r, panel.label));
                        if let Some(no) = panel.columns.get(1) {
                            consumed.insert((r, *no));
                        }
                    }
                }
            }
        }
        // Figures left: rows and columns of the report the document has no place for.
        let left: Vec<(u32, u32)> = sheet
            .cells
            .range((body_start, 0)..)
            .map(|(&pos, _)| pos)
            .filter(|pos| !consumed.contains(pos))
            .collect();
        for (r, c) in left {
            // A blank, a dash or a zero: nothing is lost.
            let nothing = match sheet.get(r, c) {
                Some(Value::Number(n)) => *n == 0.0,
                _ => parse_figure_text(&sheet.text(r, c))
                    .is_ok_and(|v| v.is_none_or(|d| d.is_zero())),
            };
            if nothing {
                continue;
            }
            let label = panels
                .iter()
                .rev()
                .find(|p| p.label <= c)
                .map(|p| sheet.text(r, p.label))
                .unwrap_or_default();
            self.unplaced(
                Some(self.at(r, c)),
                format!(
                    "{:?} ({}) has no place in the document",
                    sheet.text(r, c),
                    label.trim()
                ),
            );
        }
        self.summarize();
        for side in ["budget", "actual"] {
            out.table(&[side]);
        }
        self.split_foreign(&mut patches);
        patches
    }

    /// 国内接待 less its 外事接待: the other 国内接待 that three_public.toml states.
    fn split_foreign(&mut self, patches: &mut [Patch]) {
        for (domestic, foreign) in DOMESTIC.iter().zip(FOREIGN) {
            let Some(f) = patches.iter().find(|p| p.path == foreign).cloned() else {
                continue;
            };
            let Some(d) = patches.iter_mut().find(|p| p.path == *domestic) else {
                continue;
            };
            let Some(rest) = d.value.minus(f.value) else {
                continue;
            };
            if rest.is_negative() {
                let at = d.comment.split('：').next().unwrap_or_default().to_string();
                self.findings.push(super::Finding {
                    error: true,
                    at: None,
                    message: format!(
                        "{at}: 国内接待 is less than its 外事接待 ({}): one of them is wrong",
                        f.comment
                    ),
                });
                continue;
            }
            d.value = rest;
            let cell = f.comment.split('：').next().unwrap_or_default();
            d.comment = format!("{}，减去其中外事接待 {cell}", d.comment);
        }
    }

    /// A count (团组, 人次, 辆): a whole number, or no figure for a blank or a dash; else an error at the cell.
    fn count(&mut self, row: u32, col: u32) -> Option<i64> {
        let at = self.at(row, col);
        let n = match self.sheet.get(row, col) {
            Some(Value::Number(n)) => Some(*n),
            Some(Value::Text(t)) => match parse_figure_text(t) {
                Ok(None) => return None,
                Ok(Some(d)) => d.to_string().parse::<f64>().ok(),
                Err(_) => None,
            },
            _ => None,
        };
        match n {
            Some(n) if n.fract() == 0.0 && (0.0..1e12).contains(&n) => Some(n as i64),
            _ => {
                let text = self.sheet.text(row, col);
                self.error(Some(at), format!("{text:?} is no count (a whole number)"));
                None
            }
        }
    }
}

fn is_budget_word(t: &str) -> bool {
    matches!(t, "预算数" | "年初预算数" | "全年预算数")
}

fn is_actual_word(t: &str) -> bool {
    matches!(t, "统计数" | "决算数" | "实际数")
}

/// A label of 财决附01表 compared by its words: normalized, without numbering (1． （1）) and 其中：.
fn stat_key(label: &str) -> String {
    let t = strip_numbering(label);
    let t = t.strip_prefix("其中:").unwrap_or(&t);
    strip_numbering(t)
}

/// Writes the patches of one section into its scaffolded text: each value replaced, commented with its cell (the
/// 待填写 mark goes with the old comment). A path the scaffold does not have is returned, not written.
pub fn apply(text: &str, patches: &[&Patch]) -> Result<(String, Vec<String>), String> {
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    let mut missing = Vec::new();
    for patch in patches {
        let parts: Vec<&str> = patch.path.split('.').collect();
        let Some(item) = find(doc.as_item_mut(), &parts).filter(|i| i.is_value()) else {
            missing.push(patch.path.clone());
            continue;
        };
        let mut value: toml_edit::Value = match patch.value {
            PatchValue::Money(d) => super::decimal_text(d).parse().map_err(|e| format!("{e}"))?,
            PatchValue::Count(n) => n.into(),
        };
        value
            .decor_mut()
            .set_suffix(format!("  # {}", patch.comment));
        value.decor_mut().set_prefix(" ");
        *item = toml_edit::Item::Value(value);
    }
    Ok((doc.to_string(), missing))
}

fn find<'a>(item: &'a mut toml_edit::Item, path: &[&str]) -> Option<&'a mut toml_edit::Item> {
    match path.split_first() {
        None => Some(item),
        Some((key, rest)) => find(item.get_mut(key)?, rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_codes_from_names_and_labels() {
        let sheet = |name: &str| Sheet {
            name: name.into(),
            ..Sheet::default()
        };
        assert_eq!(
            code_of(&sheet("Z01 收入支出决算总表(财决01表)")).as_deref(),
            Some("Z01")
        );
        assert_eq!(
            code_of(&sheet(
                "Z08_1 一般公共预算财政拨款基本支出决算明细表(财决08-"
            ))
            .as_deref(),
            Some("Z08_1")
        );
        assert_eq!(
            code_of(&sheet("F01 预算支出相关信息表(财决附01表)")).as_deref(),
            Some("F01")
        );
        assert_eq!(
            code_of(&sheet("收入支出决算总表(财决01-1表)")).as_deref(),
            Some("Z01_1")
        );
        assert_eq!(code_of(&sheet("表1")), None);
        assert_eq!(code_of(&sheet("Zhejiang")), None);
        assert_eq!(stat_key("  （1）国内接待费"), "国内接待费");
        assert_eq!(stat_key("     其中：外事接待费"), "外事接待费");
        assert_eq!(
            stat_key("  1．因公出国（境）团组数（个）"),
            "因公出国(境)团组数(个)"
        );
    }
}
