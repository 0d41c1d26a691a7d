//! The nine 公开表 as rows of preformatted cells: the templates draw the headers and the grid, nothing else.

use serde::Serialize;

use super::{FundKind, fund_is_empty};
use crate::model::*;
use crate::money::Money;
use crate::profile::Profile;

/// One table, ready to lay out. `id` (t01…t09) tells the template which header to draw.
#[derive(Debug, Serialize)]
pub struct TableView {
    pub id: String,
    /// 公开01表
    pub label: String,
    pub title: String,
    /// 编制单位：`<unit>`
    pub unit_line: String,
    /// 金额单位：万元
    pub money_unit: String,
    pub rows: Vec<TableRow>,
    /// 注：… for a table without figures.
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// Indent of the name: 0 for a 类, 1 for a 款, 2 for a 项.
    pub level: u8,
    /// A 合计/总计 row.
    pub total: bool,
    /// How wide each cell's text is, in em of the table font (an upper bound), so the template can give a row that
    /// surely fits on one line a fixed height ([`crate::render::measure_tables`]); `None` until measured, and the
    /// template then lets Typst measure the row.
    pub widths: Option<Vec<f32>>,
}

fn row(cells: Vec<String>) -> TableRow {
    TableRow {
        cells,
        level: 0,
        total: false,
        widths: None,
    }
}

fn total_row(cells: Vec<String>) -> TableRow {
    TableRow {
        cells,
        level: 0,
        total: true,
        widths: None,
    }
}

/// A cell: two decimals with separators, 0.00 for zero, empty where the data has no figure.
fn cell(m: Option<&Money>) -> String {
    m.map(|m| m.display()).unwrap_or_default()
}

fn cells(values: Vec<Option<&Money>>) -> Vec<String> {
    values.into_iter().map(cell).collect()
}

/// Indent level of a function classification code: 类 0, 款 1, 项 2.
fn level(code: &str) -> u8 {
    match code.len() {
        7 => 2,
        5 => 1,
        _ => 0,
    }
}

/// A classification table: the 合计 row first, then every line with its code and indented name.
fn class_rows<L: ClassificationLine>(total: Vec<Option<&Money>>, lines: &[L]) -> Vec<TableRow> {
    let mut rows = vec![total_row(
        [vec![String::new(), "合计".to_string()], cells(total)].concat(),
    )];
    for line in lines {
        rows.push(TableRow {
            cells: [
                vec![line.code().value.clone(), line.name().value.clone()],
                cells(line.columns()),
            ]
            .concat(),
            level: level(line.code()),
            total: false,
            widths: None,
        });
    }
    rows
}

pub fn tables(doc: &Document, profile: &Profile) -> Vec<TableView> {
    let unit = &doc.document.unit.value;
    let year = *doc.document.year;
    let kind = doc.document.kind.word();
    let empty_note = |what: &str| format!("注：本{kind}{year}年度无{what}，故本表为空。");
    let view = |index: usize, rows: Vec<TableRow>, note: Option<String>| {
        let t = &profile.tables[index];
        TableView {
            id: format!("t{:02}", index + 1),
            label: t.label.clone(),
            title: t.title.clone(),
            unit_line: format!("编制单位：{unit}"),
            money_unit: "金额单位：万元".to_string(),
            rows,
            note,
        }
    };

    let t07_empty = [&doc.table07.budget, &doc.table07.actual].iter().all(|c| {
        c.columns()
            .into_iter()
            .all(|m| m.is_none_or(|m| m.is_zero()))
    });
    vec![
        view(0, table01(doc, profile), None),
        view(
            1,
            class_rows(doc.table02.total.columns(), &doc.table02.rows),
            None,
        ),
        view(
            2,
            class_rows(doc.table03.total.columns(), &doc.table03.rows),
            None,
        ),
        view(3, table04(doc, profile), None),
        view(
            4,
            class_rows(doc.table05.total.columns(), &doc.table05.rows),
            None,
        ),
        view(5, table06(doc), None),
        view(
            6,
            table07(doc),
            t07_empty.then(|| empty_note("一般公共预算财政拨款“三公”经费支出")),
        ),
        view(
            7,
            class_rows(doc.table08.total.columns(), &doc.table08.rows),
            fund_is_empty(doc, FundKind::GovernmentFund)
                .then(|| empty_note("政府性基金预算财政拨款收入支出")),
        ),
        view(
            8,
            class_rows(doc.table09.total.columns(), &doc.table09.rows),
            fund_is_empty(doc, FundKind::StateCapital)
                .then(|| empty_note("国有资本经营预算财政拨款支出")),
        ),
    ]
}

/// 公开01表: [收入 项目, 行次, 决算数, 支出 项目, 行次, 决算数].
fn table01(doc: &Document, profile: &Profile) -> Vec<TableRow> {
    let t = &doc.table01;
    let layout = &profile.table01;
    fn income_value<'d>(t: &'d Table01, field: &str) -> Option<&'d Money> {
        let i = &t.income;
        match field {
            "general_budget" => i.general_budget.as_ref(),
            "government_fund" => i.government_fund.as_ref(),
            "state_capital" => i.state_capital.as_ref(),
            "superior_subsidy" => i.superior_subsidy.as_ref(),
            "business" => i.business.as_ref(),
            "operating" => i.operating.as_ref(),
            "affiliated" => i.affiliated.as_ref(),
            "other" => i.other.as_ref(),
            "year_total" => i.year_total.as_ref(),
            "non_fiscal_balance_used" => i.non_fiscal_balance_used.as_ref(),
            "carryover_start" => i.carryover_start.as_ref(),
            "grand_total" => i.grand_total.as_ref(),
            _ => None,
        }
    }
    fn spend_value<'d>(t: &'d Table01, field: &str) -> Option<&'d Money> {
        let e = &t.expenditure;
        match field {
            "year_total" => e.year_total.as_ref(),
            "surplus_distribution" => e.surplus_distribution.as_ref(),
            "carryover_end" => e.carryover_end.as_ref(),
            "grand_total" => e.grand_total.as_ref(),
            _ => None,
        }
    }
    let classes: Vec<(String, String)> = layout
        .expenditure_classes
        .iter()
        .enumerate()
        .map(|(k, code)| {
            let label = format!(
                "{}、{}",
                chinese_number(k + 1),
                profile.class_name(code).unwrap_or(code)
            );
            let amount = t
                .expenditure
                .classes
                .iter()
                .find(|c| c.code.value == *code)
                .map(|c| c.amount.display());
            (label, amount.unwrap_or_else(|| "0.00".to_string()))
        })
        .collect();
    let n = layout.income.len().max(classes.len());
    let mut rows = Vec::with_capacity(n + 4);
    for k in 0..n {
        let left = layout.income.get(k).map_or(
            [String::new(), String::new(), String::new()],
            |(no, field, label)| [label.clone(), no.to_string(), cell(income_value(t, field))],
        );
        let right = classes.get(k).map_or(
            [String::new(), String::new(), String::new()],
            |(label, amount)| {
                [
                    label.clone(),
                    (layout.expenditure_first_row + k as u32).to_string(),
                    amount.clone(),
                ]
            },
        );
        rows.push(row([left, right].concat()));
    }
    for k in 0..layout
        .income_totals
        .len()
        .max(layout.expenditure_totals.len())
    {
        let side = |entry: Option<&(u32, String, String)>,
                    value: for<'d> fn(&'d Table01, &str) -> Option<&'d Money>| {
            entry.map_or(
                [String::new(), String::new(), String::new()],
                |(no, field, label)| [label.clone(), no.to_string(), cell(value(t, field))],
            )
        };
        let left = side(layout.income_totals.get(k), income_value);
        let right = side(layout.expenditure_totals.get(k), spend_value);
        rows.push(total_row([left, right].concat()));
    }
    rows
}

/// 公开04表: [收入 项目, 金额, 支出 项目, 合计, 一般公共预算, 政府性基金, 国有资本经营].
fn table04(doc: &Document, profile: &Profile) -> Vec<TableRow> {
    let t = &doc.table04;
    let i = &t.income;
    let e = &t.expenditure;
    let income = [
        ("一、一般公共预算财政拨款", i.year.general_budget.as_ref()),
        (
            "二、政府性基金预算财政拨款",
            i.year.government_fund.as_ref(),
        ),
        (
            "三、国有资本经营预算财政拨款",
            i.year.state_capital.as_ref(),
        ),
    ];
    let classes: Vec<(String, Vec<String>)> = profile
        .table01
        .expenditure_classes
        .iter()
        .enumerate()
        .map(|(k, code)| {
            let label = format!(
                "{}、{}",
                chinese_number(k + 1),
                profile.class_name(code).unwrap_or(code)
            );
            let values = match e.classes.iter().find(|c| c.code.value == *code) {
                Some(line) => cells(line.columns()),
                None => vec!["0.00".to_string(); 4],
            };
            (label, values)
        })
        .collect();
    let mut rows = Vec::new();
    for k in 0..income.len().max(classes.len()) {
        let left = income.get(k).map_or(vec![String::new(); 2], |(label, m)| {
            vec![label.to_string(), cell(*m)]
        });
        let right = classes
            .get(k)
            .map_or(vec![String::new(); 5], |(label, values)| {
                [vec![label.clone()], values.clone()].concat()
            });
        rows.push(row([left, right].concat()));
    }
    let fund_row = |left: &str, left_value: Option<&Money>, right: &str, values: &FundCells| {
        [
            vec![left.to_string(), cell(left_value), right.to_string()],
            cells(values.columns()),
        ]
        .concat()
    };
    rows.push(total_row(fund_row(
        "本年收入合计",
        i.year.total.as_ref(),
        "本年支出合计",
        &e.year,
    )));
    rows.push(total_row(fund_row(
        "年初财政拨款结转和结余",
        i.carryover_start.total.as_ref(),
        "年末财政拨款结转和结余",
        &e.carryover_end,
    )));
    for (label, m) in [
        (
            "　一般公共预算财政拨款",
            i.carryover_start.general_budget.as_ref(),
        ),
        (
            "　政府性基金预算财政拨款",
            i.carryover_start.government_fund.as_ref(),
        ),
        (
            "　国有资本经营预算财政拨款",
            i.carryover_start.state_capital.as_ref(),
        ),
    ] {
        rows.push(row([
            vec![label.to_string(), cell(m)],
            vec![String::new(); 5],
        ]
        .concat()));
    }
    rows.push(total_row(fund_row(
        "总计",
        i.grand_total.as_ref(),
        "总计",
        &e.grand_total,
    )));
    rows
}

/// 公开06表: [人员经费 编码, 名称, 决算数, 公用经费 编码, 名称, 决算数], then the two 合计.
fn table06(doc: &Document) -> Vec<TableRow> {
    let t = &doc.table06;
    let side = |line: Option<&EconomicLine>| {
        line.map_or(vec![String::new(); 3], |l| {
            vec![
                l.code.value.clone(),
                l.name.value.clone(),
                cell(l.amount.as_ref()),
            ]
        })
    };
    let n = t.personnel.len().max(t.public.len());
    let mut rows: Vec<TableRow> = (0..n)
        .map(|k| row([side(t.personnel.get(k)), side(t.public.get(k))].concat()))
        .collect();
    rows.push(total_row(vec![
        String::new(),
        "人员经费合计".to_string(),
        cell(t.personnel_total.as_ref()),
        String::new(),
        "公用经费合计".to_string(),
        cell(t.public_total.as_ref()),
    ]));
    rows
}

/// 公开07表: one row, 预算数 then 决算数, each [合计, 出国, 车 小计, 购置, 运行, 接待].
fn table07(doc: &Document) -> Vec<TableRow> {
    let t = &doc.table07;
    vec![row(
        [cells(t.budget.columns()), cells(t.actual.columns())].concat()
    )]
}

/// 一、二、…、二十九 for the 01表 and 04表 class labels.
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        20..=99 => {
            let ones = if n % 10 == 0 { "" } else { DIGITS[n % 10] };
            format!("{}十{ones}", DIGITS[n / 10])
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(13), "十三");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(29), "二十九");
    }

    #[test]
    fn code_levels() {
        assert_eq!(level("208"), 0);
        assert_eq!(level("20801"), 1);
        assert_eq!(level("2080108"), 2);
    }
}
