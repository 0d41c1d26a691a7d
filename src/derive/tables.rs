//! The tables as the form lays them out: header cells from the form's header tree, body rows of preformatted cells
//! (the form's number style, 0.00 for zero, empty where the data has no figure), each row's cell widths in the
//! table font where they can be bounded. The templates draw the grid, nothing else.

use serde::Serialize;

use crate::figures::{self, Values};
use crate::form::table::{
    Absent, Column, HeaderCell, Orientation, Panel, Role, Row, RowSpec, Width,
};
use crate::form::{Form, Placeholders, TableSpec, chinese_number};
use crate::model::Doc;
use crate::money::{Amount, NumberStyle};
use crate::render::{CellWidths, balanced_lines};

/// One table, ready to lay out.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// 公开01表; none where the form prints no label.
    pub label: Option<String>,
    pub title: String,
    /// The 目录 entry.
    pub toc: String,
    /// 编制单位：`<unit>`; none where the form prints no such line.
    pub unit_line: Option<String>,
    /// 金额单位：万元
    pub money_unit: String,
    pub orientation: Orientation,
    /// The cells' type size in pt (none: the templates' usual size).
    pub size: Option<f64>,
    /// The space above and below a body cell's text in pt (none: the templates' usual, scaled with the size).
    pub row_padding: Option<f64>,
    pub columns: Vec<ColumnView>,
    /// The header cells, row by row.
    pub header: Vec<HeaderView>,
    pub header_rows: usize,
    pub rows: Vec<TableRow>,
    /// 注 and 说明 printed under the table.
    pub notes: Vec<String>,
}

/// A header cell, with the ways its text may be set on more lines than one.
#[derive(Debug, Serialize)]
pub struct HeaderView {
    #[serde(flatten)]
    pub cell: HeaderCell,
    /// The text on 2, 3, … lines, balanced, no line of one character ([`crate::render::balanced_lines`]): the
    /// template sets the fewest that fit the column.
    pub lines: Vec<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct ColumnView {
    pub width: Width,
    pub kind: CellKind,
}

/// How a body column is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CellKind {
    /// Right-aligned figures.
    Amount,
    /// Centred (codes, 行次).
    Centred,
    /// Left-aligned, indented by the row's level; centred in a 合计 row.
    Name,
}

#[derive(Debug, Serialize)]
pub struct TableRow {
    /// One text per column.
    pub cells: Vec<String>,
    /// Where cells merge: each column's colspan, 0 for a column covered by the cell before; none when no cell
    /// merges.
    pub spans: Option<Vec<usize>>,
    /// Indent of the name: 0 for a 类, 1 for a 款, 2 for a 项.
    pub level: u8,
    /// A 合计/总计 row.
    pub total: bool,
    /// How wide each cell's text is, in em of the table font (an upper bound), so the template can give a row that
    /// surely fits on one line a fixed height; `None` where a cell cannot be bounded, and the template then lets
    /// Typst measure the row.
    pub widths: Option<Vec<f32>>,
}

/// A body cell before the form's number style formats it: what the workbook export writes as a number, and what
/// the PDF prints as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GridCell {
    /// A label, code, name or 行次.
    Text(String),
    /// A figure; `None` where the data states none (printed empty).
    Figure(Option<Amount>),
}

impl GridCell {
    fn format(&self, numbers: NumberStyle) -> String {
        match self {
            GridCell::Text(text) => text.clone(),
            GridCell::Figure(amount) => amount.map(|a| a.format(numbers)).unwrap_or_default(),
        }
    }
}

/// A body row of typed cells, laid out as [`TableRow`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    pub cells: Vec<GridCell>,
    /// Each column's colspan, 0 for a column covered by the cell before; none when no cell merges.
    pub spans: Option<Vec<usize>>,
    /// Indent of the name: 0 for a 类, 1 for a 款, 2 for a 项.
    pub level: u8,
    /// A 合计/总计 row.
    pub total: bool,
}

/// A table's body as the form lays it out, its figures typed (rows of the panels side by side, then their footers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<GridRow>,
    /// Whether any figure other than zero is stated: a table without is empty (its empty note is printed).
    pub any_figure: bool,
}

/// The body of one table of a document, as the form lays it out: what the PDF prints and the workbook export
/// writes.
pub fn grid(doc: &Doc, form: &Form, spec: &TableSpec) -> Grid {
    let values = Values::of(doc, spec.section);
    let mut builder = Builder {
        form,
        values: &values,
        any_figure: false,
    };
    let body: Vec<Vec<PanelRow>> = spec
        .panels
        .iter()
        .map(|panel| builder.rows(panel, &panel.rows))
        .collect();
    let footer: Vec<Vec<PanelRow>> = spec
        .panels
        .iter()
        .map(|panel| builder.rows(panel, &panel.footer))
        .collect();
    let mut rows = zip(&spec.panels, body);
    rows.extend(zip(&spec.panels, footer));
    Grid {
        rows,
        any_figure: builder.any_figure,
    }
}

/// Indent level of a function classification code: 类 0, 款 1, 项 2.
fn level(code: &str) -> u8 {
    match code.len() {
        7 => 2,
        5 => 1,
        _ => 0,
    }
}

/// The tables of a document in the form's order.
pub(super) fn tables(
    doc: &Doc,
    form: &Form,
    p: &Placeholders,
    widths: Option<&CellWidths>,
) -> Vec<TableView> {
    form.tables_of(p.subject)
        .map(|spec| table(doc, form, spec, p, widths))
        .collect()
}

fn table(
    doc: &Doc,
    form: &Form,
    spec: &TableSpec,
    p: &Placeholders,
    widths: Option<&CellWidths>,
) -> TableView {
    let grid = grid(doc, form, spec);
    let numbers = form.numbers.for_tables();
    let mut rows: Vec<TableRow> = grid
        .rows
        .into_iter()
        .map(|row| TableRow {
            cells: row.cells.iter().map(|c| c.format(numbers)).collect(),
            spans: row.spans,
            level: row.level,
            total: row.total,
            widths: None,
        })
        .collect();
    if let Some(measure) = widths {
        for row in &mut rows {
            row.widths = row.cells.iter().map(|text| measure.width(text)).collect();
        }
    }
    let (header, header_rows) = spec.header();
    let mut notes: Vec<String> = spec.note.iter().map(|n| Form::fill(n, p)).collect();
    if !grid.any_figure {
        notes.extend(spec.empty_note.iter().map(|n| Form::fill(n, p)));
    }
    TableView {
        label: spec.label.clone(),
        title: Form::fill(&spec.title, p),
        toc: Form::fill(spec.toc.as_ref().unwrap_or(&spec.title), p),
        unit_line: spec.unit_line.as_ref().map(|l| Form::fill(l, p)),
        money_unit: spec.money_unit.clone(),
        orientation: spec.orientation,
        size: spec.size,
        row_padding: spec.row_padding,
        columns: spec
            .columns()
            .map(|c| ColumnView {
                width: c.width,
                kind: match c.role {
                    None => CellKind::Amount,
                    Some(
                        Role::Code
                        | Role::ClassCode
                        | Role::SectionCode
                        | Role::ItemCode
                        | Role::RowNo,
                    ) => CellKind::Centred,
                    Some(Role::Label | Role::Name) => CellKind::Name,
                },
            })
            .collect(),
        header: header
            .into_iter()
            .map(|cell| HeaderView {
                lines: balanced_lines(&cell.text),
                cell,
            })
            .collect(),
        header_rows,
        rows,
        notes,
    }
}

/// A row of one panel: its cells, and how the row is set.
struct PanelRow {
    cells: Vec<GridCell>,
    /// The label merged over the panel's label, code and name columns: (first column, how many).
    merged: Option<(usize, usize)>,
    level: u8,
    total: bool,
}

impl PanelRow {
    fn blank(panel: &Panel) -> PanelRow {
        PanelRow {
            cells: panel
                .columns
                .iter()
                .map(|c| match c.role {
                    Some(_) => GridCell::Text(String::new()),
                    None => GridCell::Figure(None),
                })
                .collect(),
            merged: None,
            level: 0,
            total: false,
        }
    }
}

/// Panels side by side: row k of the table is row k of every panel, a panel out of rows giving blank cells.
fn zip(panels: &[Panel], rows: Vec<Vec<PanelRow>>) -> Vec<GridRow> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut iters: Vec<_> = rows.into_iter().map(|r| r.into_iter()).collect();
    (0..n)
        .map(|_| {
            let parts: Vec<PanelRow> = iters
                .iter_mut()
                .zip(panels)
                .map(|(it, panel)| it.next().unwrap_or_else(|| PanelRow::blank(panel)))
                .collect();
            let spans = parts.iter().any(|p| p.merged.is_some()).then(|| {
                parts
                    .iter()
                    .flat_map(|p| {
                        (0..p.cells.len()).map(move |k| match p.merged {
                            Some((at, n)) if k == at => n,
                            Some((at, n)) if k > at && k < at + n => 0,
                            _ => 1,
                        })
                    })
                    .collect()
            });
            GridRow {
                level: parts.iter().map(|p| p.level).max().unwrap_or(0),
                total: parts.iter().any(|p| p.total),
                cells: parts.into_iter().flat_map(|p| p.cells).collect(),
                spans,
            }
        })
        .collect()
}

struct Builder<'a> {
    form: &'a Form,
    values: &'a Values,
    /// Whether any figure other than zero was found: a table without is empty (its empty note is printed).
    any_figure: bool,
}

impl Builder<'_> {
    fn cell(&mut self, amount: Option<Amount>) -> GridCell {
        if amount.is_some_and(|a| !a.is_zero()) {
            self.any_figure = true;
        }
        GridCell::Figure(amount)
    }

    fn rows(&mut self, panel: &Panel, specs: &[RowSpec]) -> Vec<PanelRow> {
        let mut out = Vec::new();
        for spec in specs {
            // The form was checked when it was read: every row has a kind.
            let Ok(kind) = spec.kind() else { continue };
            match kind {
                Row::Fixed(spec) => out.push(self.fixed(panel, spec)),
                Row::Lines { list, indent } => {
                    for item in self.values.items(list) {
                        let code = item.text("code");
                        let cells = panel
                            .columns
                            .iter()
                            .map(|c| match c.role {
                                Some(Role::Name | Role::Label) => {
                                    GridCell::Text(item.text("name").to_string())
                                }
                                Some(Role::RowNo) => GridCell::Text(String::new()),
                                Some(code_role) => {
                                    GridCell::Text(code_role.code_part(code).to_string())
                                }
                                None => self.cell(field(c).and_then(|f| item.amount(f))),
                            })
                            .collect();
                        out.push(PanelRow {
                            cells,
                            merged: None,
                            level: if indent { level(code) } else { 0 },
                            total: false,
                        });
                    }
                }
                Row::Classes {
                    list,
                    first_no,
                    absent,
                    numbered,
                } => {
                    let items = self.values.items(list);
                    let mut k = 0;
                    for (code, name) in &self.form.classes.list {
                        let item = items.iter().find(|i| i.text("code") == code);
                        if item.is_none() && absent == Absent::Omit {
                            continue;
                        }
                        let label = if numbered {
                            format!("{}、{name}", chinese_number(k + 1))
                        } else {
                            name.clone()
                        };
                        let label_in = label_role(panel);
                        let cells = panel
                            .columns
                            .iter()
                            .map(|c| match c.role {
                                Some(role) if Some(role) == label_in => {
                                    GridCell::Text(label.clone())
                                }
                                Some(Role::RowNo) => GridCell::Text(
                                    first_no
                                        .map(|n| (n + k as u32).to_string())
                                        .unwrap_or_default(),
                                ),
                                Some(Role::Label | Role::Name) => GridCell::Text(String::new()),
                                Some(code_role) => {
                                    GridCell::Text(code_role.code_part(code).to_string())
                                }
                                None => match item {
                                    Some(item) => self.cell(field(c).and_then(|f| item.amount(f))),
                                    None if absent == Absent::Zero => {
                                        GridCell::Figure(Some(Amount::ZERO))
                                    }
                                    None => GridCell::Figure(None),
                                },
                            })
                            .collect();
                        out.push(PanelRow {
                            cells,
                            merged: None,
                            level: 0,
                            total: false,
                        });
                        k += 1;
                    }
                }
            }
        }
        out
    }

    fn fixed(&mut self, panel: &Panel, spec: &RowSpec) -> PanelRow {
        // A merged label stands in the first of the label, code and name columns and covers the rest of them.
        let merged = spec
            .merge
            .then(|| {
                let at = panel.columns.iter().position(|c| is_label_like(c.role))?;
                let n = panel.columns[at..]
                    .iter()
                    .take_while(|c| is_label_like(c.role))
                    .count();
                Some((at, n))
            })
            .flatten();
        let label_at = match merged {
            Some((at, _)) => Some(at),
            None => {
                let role = label_role(panel);
                panel
                    .columns
                    .iter()
                    .position(|c| role.is_some() && c.role == role)
            }
        };
        let mut value_index = 0;
        let cells = panel
            .columns
            .iter()
            .enumerate()
            .map(|(k, c)| match c.role {
                Some(_) if Some(k) == label_at => {
                    GridCell::Text(spec.label.clone().unwrap_or_default())
                }
                Some(Role::RowNo) => {
                    GridCell::Text(spec.no.map(|n| n.to_string()).unwrap_or_default())
                }
                Some(_) => GridCell::Text(String::new()),
                None => {
                    let path = match (&spec.figures, &spec.figure) {
                        (Some(list), _) => list.get(value_index).cloned(),
                        (None, Some(prefix)) => Some(figures::join(prefix, field(c).unwrap_or(""))),
                        (None, None) => None,
                    };
                    value_index += 1;
                    let amount = path
                        .filter(|p| !p.is_empty())
                        .and_then(|p| self.values.amount(&p));
                    self.cell(amount)
                }
            })
            .collect();
        PanelRow {
            cells,
            merged,
            level: 0,
            total: spec.total,
        }
    }
}

fn field(c: &Column) -> Option<&str> {
    c.field.as_deref()
}

fn is_label_like(role: Option<Role>) -> bool {
    Role::is_label_like(role)
}

/// The column a fixed row's label goes in: the label column, else the name column.
fn label_role(panel: &Panel) -> Option<Role> {
    [Role::Label, Role::Name]
        .into_iter()
        .find(|r| panel.columns.iter().any(|c| c.role == Some(*r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_levels() {
        assert_eq!(level("208"), 0);
        assert_eq!(level("20801"), 1);
        assert_eq!(level("2080108"), 2);
    }
}
