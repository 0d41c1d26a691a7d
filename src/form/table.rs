//! A table of a form: which section it reads, its title and notes, and its panels (one, or two side by side like
//! 收入 | 支出). A panel's columns carry their header as a path of cells from the top row down, and either a role
//! (the row's label, 行次, 科目编码, 科目名称) or the figure they show; its rows are fixed rows of the form, the
//! classification lines of a list in the data, or the form's 类.
//!
//! The header tree is built here from the columns' paths ([`TableSpec::header`]): equal neighbouring cells merge
//! (colspan), a path shorter than the deepest one stretches its last cell down (rowspan), and a cell may ask for
//! more rows itself (`{ text = "合计", rows = 2 }`).

use serde::{Deserialize, Serialize};

use super::Form;
use crate::figures::{self, Paths};
use crate::model::SectionId;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TableSpec {
    /// The section file the table reads, by its key (`table01`).
    #[serde(rename = "section")]
    pub section_key: String,
    /// That section, resolved for the form's kind of document when the form is read.
    #[serde(skip, default = "unresolved")]
    pub section: SectionId,
    /// 公开01表; none where the form prints no label.
    pub label: Option<String>,
    pub title: String,
    /// The 目录 entry, when it differs from the title (一、收入支出决算总表).
    pub toc: Option<String>,
    /// 编制单位：{单位}; none where the form prints no such line.
    pub unit_line: Option<String>,
    /// 金额单位：万元 / 单位：万元.
    pub money_unit: String,
    /// A 栏次 row under the header numbers the figure columns.
    #[serde(default)]
    pub column_numbers: bool,
    #[serde(default)]
    pub orientation: Orientation,
    /// The cells' type size in pt, where the form sets the table smaller than the usual 9 pt to fit its page.
    pub size: Option<f64>,
    /// The space above and below the text of a body cell, in pt, where the form sets the rows tighter than usual
    /// to fit its page (default 2.5 at 9 pt, smaller with the type).
    pub row_padding: Option<f64>,
    /// Only in a document of this 主体 (`"部门"` or `"单位"`), where the two print the table differently.
    pub only: Option<crate::model::Kind>,
    /// The 注 printed under the table.
    pub note: Option<String>,
    /// What is printed under the table instead when it has no figure other than zero.
    pub empty_note: Option<String>,
    pub panels: Vec<Panel>,
}

/// Until the form is read whole, a table's section is not known: its key names one of its kind.
fn unresolved() -> SectionId {
    SectionId::Document
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    Portrait,
    #[default]
    Landscape,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    pub columns: Vec<Column>,
    #[serde(default)]
    pub rows: Vec<RowSpec>,
    /// Rows set below the longest panel's rows, side by side with the other panels' footers (totals).
    #[serde(default)]
    pub footer: Vec<RowSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The header cells above the column, top row first.
    pub head: Vec<HeadCell>,
    /// What the column shows when it shows no figure.
    pub role: Option<Role>,
    /// The figure the column shows, relative to each row's figures (`total`, `budget.total`); a fixed row may
    /// give its figures whole instead (`figures`).
    pub field: Option<String>,
    /// `1fr` (a share of the room left) or `6.5em`.
    pub width: Width,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The row's label (项目).
    Label,
    /// 行次.
    RowNo,
    /// 科目编码, joined (2080101).
    Code,
    /// The 类 digits of a code split over 类 | 款 | 项 columns (208).
    ClassCode,
    /// The 款 digits (01).
    SectionCode,
    /// The 项 digits (01).
    ItemCode,
    /// 科目名称 (a fixed row's label goes here when the panel has no label column).
    Name,
}

impl Role {
    /// Whether the column names the row (label, code or name) rather than numbering it or showing a figure.
    pub fn is_label_like(role: Option<Role>) -> bool {
        matches!(
            role,
            Some(
                Role::Label
                    | Role::Code
                    | Role::ClassCode
                    | Role::SectionCode
                    | Role::ItemCode
                    | Role::Name
            )
        )
    }

    /// What a code column prints of a classification code: all of it, or its 类, 款 or 项 digits.
    pub fn code_part(self, code: &str) -> &str {
        let digits = |from: usize, to: usize| code.get(from..to.min(code.len())).unwrap_or("");
        match self {
            Role::Code => code,
            Role::ClassCode => digits(0, 3),
            Role::SectionCode => digits(3, 5),
            Role::ItemCode => digits(5, 7),
            Role::Label | Role::RowNo | Role::Name => "",
        }
    }
}

/// A header cell: its text, or its text and how many header rows it spans.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum HeadCell {
    Text(String),
    Spanning { text: String, rows: u8 },
}

impl HeadCell {
    pub fn text(&self) -> &str {
        match self {
            HeadCell::Text(t) | HeadCell::Spanning { text: t, .. } => t,
        }
    }

    fn rows(&self) -> Option<usize> {
        match self {
            HeadCell::Text(_) => None,
            HeadCell::Spanning { rows, .. } => Some(usize::from(*rows)),
        }
    }
}

/// A column width, in em of the table font or as a share of what is left.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Width {
    Em(f64),
    Fr(f64),
}

impl<'de> Deserialize<'de> for Width {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let parse = |number: &str| number.parse::<f64>().ok().filter(|n| *n > 0.0);
        let width = if let Some(n) = text.strip_suffix("fr").and_then(parse) {
            Width::Fr(n)
        } else if let Some(n) = text.strip_suffix("em").and_then(parse) {
            Width::Em(n)
        } else {
            None.ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "width {text:?}: write a share like \"1fr\" or a size like \"6.5em\""
                ))
            })?
        };
        Ok(width)
    }
}

/// A row of a panel, as the form writes it: exactly one of a fixed row (`label`, `no`, `figure`/`figures`, or
/// nothing for a blank row), `lines` or `classes`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RowSpec {
    pub label: Option<String>,
    /// 行次.
    pub no: Option<u32>,
    /// Where the row's figures are: each figure column's `field` is read under it.
    pub figure: Option<String>,
    /// The row's figures whole, one path per figure column (for a panel whose rows are not alike).
    pub figures: Option<Vec<String>>,
    /// A 合计/总计 row: its label is centred, and spans the code and name columns where `merge` says so.
    #[serde(default)]
    pub total: bool,
    /// The label spans the row's label, code and name columns (as official forms print 合计).
    #[serde(default)]
    pub merge: bool,
    /// The classification lines of this list in the data (`rows`), in their order.
    pub lines: Option<String>,
    /// Indent 款 and 项 names under their 类 (lines only; default yes).
    pub indent: Option<bool>,
    /// The form's 类, in its order, with the figures of this list's line of the same code.
    pub classes: Option<String>,
    /// 行次 of the first 类 (the next ones count up).
    pub first_no: Option<u32>,
    /// A 类 with no line in the data: `zero` prints 0.00, `blank` nothing, `omit` leaves the 类 out (the rest are
    /// numbered on).
    #[serde(default)]
    pub absent: Absent,
    /// Number the 类 一、二、… (default yes).
    pub numbered: Option<bool>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Absent {
    Zero,
    #[default]
    Blank,
    Omit,
}

/// A row of a panel, checked.
pub enum Row<'a> {
    Fixed(&'a RowSpec),
    Lines {
        list: &'a str,
        indent: bool,
    },
    Classes {
        list: &'a str,
        first_no: Option<u32>,
        absent: Absent,
        numbered: bool,
    },
}

impl RowSpec {
    /// What kind of row this is.
    pub fn kind(&self) -> Result<Row<'_>, String> {
        let fixed = self.label.is_some()
            || self.no.is_some()
            || self.figure.is_some()
            || self.figures.is_some()
            || self.total
            || self.merge;
        match (&self.lines, &self.classes, fixed) {
            (Some(list), None, false) => Ok(Row::Lines {
                list,
                indent: self.indent.unwrap_or(true),
            }),
            (None, Some(list), false) => Ok(Row::Classes {
                list,
                first_no: self.first_no,
                absent: self.absent,
                numbered: self.numbered.unwrap_or(true),
            }),
            (None, None, _) if self.indent.is_none() && self.first_no.is_none() => {
                Ok(Row::Fixed(self))
            }
            _ => Err(
                "a row is either fixed (label, no, figure or figures), `lines` or `classes`"
                    .to_string(),
            ),
        }
    }
}

impl Panel {
    /// The columns that show figures, in order.
    pub fn value_columns(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.role.is_none())
    }
}

/// A header cell as the templates draw it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeaderCell {
    pub text: String,
    /// The first column it covers (from 0, across the panels).
    pub column: usize,
    pub colspan: usize,
    pub rowspan: usize,
}

impl TableSpec {
    /// Every column, panel after panel.
    pub fn columns(&self) -> impl Iterator<Item = &Column> {
        self.panels.iter().flat_map(|p| p.columns.iter())
    }

    /// The header cells in reading order (row by row, left to right) and the number of header rows, the 栏次
    /// row included when the form prints one.
    pub fn header(&self) -> (Vec<HeaderCell>, usize) {
        // Each column's cells: (first row, rows spanned, text, the path up to it), the last one stretched down to
        // the deepest column's depth.
        let columns: Vec<(usize, &Column)> = self
            .panels
            .iter()
            .enumerate()
            .flat_map(|(p, panel)| panel.columns.iter().map(move |c| (p, c)))
            .collect();
        let heights = |c: &Column| -> usize { c.head.iter().map(|h| h.rows().unwrap_or(1)).sum() };
        let depth = columns.iter().map(|(_, c)| heights(c)).max().unwrap_or(0);
        type Placed = (usize, usize, String, Vec<String>);
        let placed: Vec<Vec<Placed>> = columns
            .iter()
            .map(|(panel, c)| {
                let mut row = 0;
                let mut out = Vec::new();
                let mut path = vec![panel.to_string()];
                for (k, cell) in c.head.iter().enumerate() {
                    let mut rows = cell.rows().unwrap_or(1);
                    if k + 1 == c.head.len() {
                        rows += depth - heights(c);
                    }
                    path.push(cell.text().to_string());
                    out.push((row, rows, cell.text().to_string(), path.clone()));
                    row += rows;
                }
                out
            })
            .collect();
        let starting = |column: usize, row: usize| placed[column].iter().find(|p| p.0 == row);
        let mut cells = Vec::new();
        for row in 0..depth {
            let mut column = 0;
            while column < columns.len() {
                let Some((_, rows, text, path)) = starting(column, row) else {
                    column += 1;
                    continue;
                };
                let mut colspan = 1;
                while column + colspan < columns.len()
                    && starting(column + colspan, row).is_some_and(|p| &p.3 == path && p.1 == *rows)
                {
                    colspan += 1;
                }
                cells.push(HeaderCell {
                    text: text.clone(),
                    column,
                    colspan,
                    rowspan: *rows,
                });
                column += colspan;
            }
        }
        let mut rows = depth;
        if self.column_numbers {
            rows += 1;
            let mut number = 0;
            let mut first = 0;
            for panel in &self.panels {
                let mut k = 0;
                while k < panel.columns.len() {
                    let role = panel.columns[k].role;
                    let label_like = Role::is_label_like;
                    if label_like(role) {
                        let run = panel.columns[k..]
                            .iter()
                            .take_while(|c| label_like(c.role))
                            .count();
                        cells.push(HeaderCell {
                            text: "栏次".to_string(),
                            column: first + k,
                            colspan: run,
                            rowspan: 1,
                        });
                        k += run;
                        continue;
                    }
                    let text = if role == Some(Role::RowNo) {
                        String::new()
                    } else {
                        number += 1;
                        number.to_string()
                    };
                    cells.push(HeaderCell {
                        text,
                        column: first + k,
                        colspan: 1,
                        rowspan: 1,
                    });
                    k += 1;
                }
                first += panel.columns.len();
            }
        }
        (cells, rows)
    }

    /// The form's checks of one table: well-formed rows, and every figure it binds present in its section.
    pub(super) fn check(&self, form: &Form) -> Result<(), String> {
        if self.panels.is_empty() {
            return Err("no panels".into());
        }
        if self
            .size
            .is_some_and(|size| !(size.is_finite() && size > 0.0))
        {
            return Err("`size` must be a type size in pt above 0".into());
        }
        if self
            .row_padding
            .is_some_and(|padding| !(padding.is_finite() && padding >= 0.0))
        {
            return Err("`row-padding` must be a length in pt, 0 or more".into());
        }
        let paths = Paths::of(self.section);
        let known = |path: &str| paths.amounts.contains(path);
        let section = self.section.key();
        let unknown = |path: &str| {
            let near = crate::load::closest(path, paths.amounts.iter().map(String::as_str))
                .map(|p| format!(" (did you mean {p}?)"))
                .unwrap_or_default();
            format!("{section} has no figure {path}{near}")
        };
        for panel in &self.panels {
            if panel.columns.is_empty() {
                return Err("a panel has no columns".into());
            }
            for c in &panel.columns {
                if c.head.is_empty() {
                    return Err("a column has no header".into());
                }
                if c.role.is_some() && c.field.is_some() {
                    return Err("a column has both a role and a figure".into());
                }
            }
            let values = panel.value_columns().count();
            for row in panel.rows.iter().chain(&panel.footer) {
                match row.kind()? {
                    Row::Fixed(spec) => {
                        if let Some(figures) = &spec.figures {
                            if spec.figure.is_some() {
                                return Err("a row has both `figure` and `figures`".into());
                            }
                            if figures.len() != values {
                                return Err(format!(
                                    "row {:?} gives {} figures for {values} figure columns",
                                    spec.label.as_deref().unwrap_or(""),
                                    figures.len()
                                ));
                            }
                            if let Some(bad) = figures.iter().find(|p| !p.is_empty() && !known(p)) {
                                return Err(unknown(bad));
                            }
                        } else if let Some(prefix) = &spec.figure {
                            for c in panel.value_columns() {
                                let path = figures::join(prefix, c.field.as_deref().unwrap_or(""));
                                if !known(&path) {
                                    return Err(unknown(&path));
                                }
                            }
                        }
                    }
                    Row::Lines { list, .. } | Row::Classes { list, .. } => {
                        if !paths.lines.contains(list) {
                            return Err(format!("{section} has no list of lines {list}"));
                        }
                        for c in panel.value_columns() {
                            let Some(field) = &c.field else {
                                return Err(format!(
                                    "a figure column of the {list} rows names no `field`"
                                ));
                            };
                            let path = format!("{list}[].{field}");
                            if !known(&path) {
                                return Err(unknown(&path));
                            }
                        }
                    }
                }
            }
            let has_classes = panel.rows.iter().any(|r| r.classes.is_some());
            if has_classes && form.classes.list.is_empty() {
                return Err("rows of 类 but the form lists no [classes]".into());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_of(form: &str, table: usize) -> Vec<(String, usize, usize)> {
        let form = Form::get(form).unwrap();
        form.tables[table]
            .header()
            .0
            .into_iter()
            .map(|c| (c.text, c.colspan, c.rowspan))
            .collect()
    }

    fn cells(spec: &[(&str, usize, usize)]) -> Vec<(String, usize, usize)> {
        spec.iter()
            .map(|(t, c, r)| (t.to_string(), *c, *r))
            .collect()
    }

    #[test]
    fn a_header_tree_merges_neighbours_and_stretches_short_paths() {
        // 公开07表: 预算数 / 决算数 over 合计, 出国, 车 (小计, 购置, 运行), 接待, then the 栏次 row.
        let mut expected = vec![("预算数", 6, 1), ("决算数", 6, 1)];
        for _ in 0..2 {
            expected.extend([
                ("合计", 1, 2),
                ("因公出国（境）费", 1, 2),
                ("公务用车购置及运行费", 3, 1),
                ("公务接待费", 1, 2),
            ]);
        }
        for _ in 0..2 {
            expected.extend([
                ("小计", 1, 1),
                ("公务用车购置费", 1, 1),
                ("公务用车运行费", 1, 1),
            ]);
        }
        let numbers: Vec<String> = (1..=12).map(|n| n.to_string()).collect();
        let mut expected = cells(&expected);
        expected.extend(numbers.into_iter().map(|n| (n, 1, 1)));
        assert_eq!(header_of("zhejiang-2020", 6), expected);
    }

    #[test]
    fn the_column_numbers_row_merges_label_columns_and_skips_row_numbers() {
        let header = header_of("zhejiang-2020", 0);
        assert_eq!(
            header[header.len() - 6..],
            cells(&[
                ("栏次", 1, 1),
                ("", 1, 1),
                ("1", 1, 1),
                ("栏次", 1, 1),
                ("", 1, 1),
                ("2", 1, 1)
            ])
        );
        let header = header_of("zhejiang-2020", 1);
        assert_eq!(
            header[..2],
            cells(&[("项目", 2, 1), ("本年收入合计", 1, 2)])
        );
        assert_eq!(
            header[8..10],
            cells(&[("科目编码", 1, 1), ("科目名称", 1, 1)])
        );
        assert_eq!(header[10], ("栏次".to_string(), 2, 1));
    }

    #[test]
    fn each_header_cell_knows_the_column_a_table_layout_places_it_in() {
        // Placed as Typst places cells: each in the next slot its row leaves free.
        for id in Form::ids() {
            let form = Form::get(id).unwrap();
            for table in &form.tables {
                let (cells, rows) = table.header();
                let columns = table.columns().count();
                let mut taken = vec![vec![false; columns]; rows];
                let (mut row, mut column) = (0, 0);
                for cell in &cells {
                    while taken[row][column] {
                        column += 1;
                        if column == columns {
                            (row, column) = (row + 1, 0);
                        }
                    }
                    assert_eq!(cell.column, column, "{id} {}: {}", table.title, cell.text);
                    for line in taken.iter_mut().skip(row).take(cell.rowspan) {
                        for slot in line.iter_mut().skip(column).take(cell.colspan) {
                            *slot = true;
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn widths_read_as_em_or_fr() {
        let w: Vec<Width> = serde_json::from_str(r#"["1fr", "6.5em"]"#).unwrap();
        assert_eq!(w, [Width::Fr(1.0), Width::Em(6.5)]);
        assert!(serde_json::from_str::<Width>(r#""6.5pt""#).is_err());
        assert!(serde_json::from_str::<Width>(r#""-1fr""#).is_err());
    }
}
