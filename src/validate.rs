//! The identities a finance reviewer checks (表内表间勾稽关系), each a stable rule code with a diagnostic at the
//! value at fault.
//!
//! Published figures are in 万元 rounded to two decimals, so a sum of n rounded parts may differ from the rounded
//! total by up to n × 0.005: that is a `rounding` warning, anything larger a `sum-mismatch` error. Figures written
//! with more decimals are checked exactly. Every rule runs; findings are collected, never stopped at the first.

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, FileId};
use crate::load::Loaded;
use crate::model::*;
use crate::money::{Amount, Money};
use crate::profile::Profile;

/// The rule codes, with what each checks (printed by `juesuan rules`).
pub const RULES: &[(&str, &str)] = &[
    (
        "unknown-profile",
        "document.toml names a year profile that this version does not have",
    ),
    (
        "document-facts",
        "the unit name is not empty and the year is plausible",
    ),
    (
        "code-shape",
        "a function classification code has 3, 5 or 7 digits; an economic one 3 or 5",
    ),
    (
        "code-parent",
        "a 款 is listed under its 类 and a 项 under its 款 in the same table",
    ),
    ("code-duplicate", "a code appears once per table"),
    (
        "sum-mismatch",
        "a total equals the sum of its parts (parent rows, table totals, row totals, between tables)",
    ),
    (
        "rounding",
        "warning: a total differs from the sum of its rounded parts by no more than n × 0.005",
    ),
    (
        "unknown-code",
        "a code named in the explanation or glossary exists in 公开05表",
    ),
    (
        "score-mismatch",
        "self-evaluation weights add up to 100 and no score exceeds its weight",
    ),
];

/// One side of an identity: a figure and where it was written.
#[derive(Clone)]
struct Term<'a> {
    file: FileId,
    money: &'a Money,
    label: String,
}

/// Runs every rule; returns the document's profile when it exists (derivation needs it).
pub fn validate(loaded: &Loaded, out: &mut Vec<Diagnostic>) -> Option<Profile> {
    let v = Validator {
        loaded,
        doc: &loaded.doc,
        out,
    };
    v.run()
}

struct Validator<'a> {
    loaded: &'a Loaded,
    doc: &'a Document,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Validator<'a> {
    fn file(&self, name: &str) -> FileId {
        self.loaded.file(name)
    }

    fn run(mut self) -> Option<Profile> {
        let info = &self.doc.document;
        let doc_file = self.file("document.toml");
        if info.unit.value.trim().is_empty() {
            self.out.push(
                Diagnostic::error("document-facts", "the unit name is empty").at(
                    doc_file,
                    info.unit.span.clone(),
                    "the 单位全称 goes here",
                ),
            );
        }
        if !(1949..=2200).contains(&info.year.value) {
            self.out.push(
                Diagnostic::error(
                    "document-facts",
                    format!(
                        "the year {} is not a plausible fiscal year",
                        info.year.value
                    ),
                )
                .at(
                    doc_file,
                    info.year.span.clone(),
                    "expected a year such as 2020",
                ),
            );
        }
        let profile = Profile::get(&info.profile.value);
        if profile.is_none() {
            let known: Vec<&str> = Profile::ids().collect();
            self.out.push(
                Diagnostic::error(
                    "unknown-profile",
                    format!("there is no profile `{}`", info.profile.value),
                )
                .at(doc_file, info.profile.span.clone(), "unknown profile")
                .note(format!("known profiles: {}", known.join(", "))),
            );
        }

        self.class_tables();
        self.economic_table();
        self.summary_tables();
        self.cross_tables();
        self.explanation_codes();
        self.performance();
        profile
    }

    // -- helpers ------------------------------------------------------------------------------------------------

    /// Checks `total` against the sum of `parts`; absent figures are skipped (the source did not state them).
    fn sum(&mut self, what: &str, total: Option<Term<'_>>, parts: Vec<Option<Term<'_>>>) {
        let Some(total) = total else { return };
        if parts.iter().any(Option::is_none) || parts.is_empty() {
            return;
        }
        let parts: Vec<Term> = parts.into_iter().flatten().collect();
        let sum: Amount = parts.iter().map(|p| p.money.amount).sum();
        let diff = (total.money.amount - sum).abs();
        if diff.is_zero() {
            return;
        }
        let two_decimals = parts
            .iter()
            .chain(std::iter::once(&total))
            .all(|t| t.money.scale() <= 2);
        let tolerance = Decimal::new(5, 3) * Decimal::from(parts.len());
        let (mut d, kind) = if two_decimals && diff.decimal() <= tolerance {
            (
                Diagnostic::warning(
                    "rounding",
                    format!("{what}: differs from the sum of its parts by rounding"),
                ),
                "rounding",
            )
        } else {
            (
                Diagnostic::error(
                    "sum-mismatch",
                    format!("{what}: does not equal the sum of its parts"),
                ),
                "error",
            )
        };
        d = d.at(
            total.file,
            total.money.span.clone(),
            format!("{} is {}", total.label, total.money.display()),
        );
        for p in parts.iter().take(12) {
            d = d.also(p.file, p.money.span.clone(), p.label.clone());
        }
        d = d.note(format!(
            "expected {} (the sum of {} parts), found {}; difference {}",
            sum.display(),
            parts.len(),
            total.money.display(),
            diff.decimal().normalize()
        ));
        if kind == "rounding" {
            d = d.note(format!(
                "within the rounding of {} two-decimal figures (at most {})",
                parts.len(),
                tolerance.normalize()
            ));
        }
        self.out.push(d);
    }

    fn term<'m>(
        &self,
        file: &str,
        money: Option<&'m Money>,
        label: impl Into<String>,
    ) -> Option<Term<'m>> {
        money.map(|money| Term {
            file: self.file(file),
            money,
            label: label.into(),
        })
    }

    // -- rules --------------------------------------------------------------------------------------------------

    /// Codes, parents and sums inside the classification tables 02, 03, 05, 08, 09.
    fn class_tables(&mut self) {
        let d = self.doc;
        macro_rules! table {
            ($file:literal, $t:expr, [$($field:ident),*], $row_total:expr) => {{
                let rows: Vec<(&Text, Vec<Option<&Money>>)> = $t.rows.iter().map(|r| (&r.code, r.columns())).collect();
                let names: Vec<&str> = vec![$(stringify!($field)),*];
                self.codes($file, rows.iter().map(|(c, _)| *c));
                let total = $t.total.columns();
                self.hierarchy($file, &names, &total, &rows);
                let row_total: Option<fn(usize) -> bool> = $row_total;
                if let Some(is_part) = row_total {
                    for (code, cells) in std::iter::once((None, total.clone())).chain(rows.iter().map(|(c, v)| (Some(*c), v.clone()))) {
                        let label = code.map_or("合计".to_string(), |c| c.value.clone());
                        let parts = cells.iter().enumerate().skip(1).filter(|(k, _)| is_part(*k))
                            .map(|(k, m)| self.term($file, *m, names[k])).collect();
                        let t = self.term($file, cells[0], format!("{label} {}", names[0]));
                        self.sum(&format!("{} row {label}", $file), t, parts);
                    }
                }
            }};
        }
        table!(
            "table02.toml",
            d.table02,
            [
                total,
                fiscal,
                superior_subsidy,
                business,
                operating,
                affiliated,
                other
            ],
            Some(|_| true)
        );
        table!(
            "table03.toml",
            d.table03,
            [total, basic, project, to_superior, operating, to_affiliated],
            Some(|_| true)
        );
        table!(
            "table05.toml",
            d.table05,
            [total, basic, project],
            Some(|_| true)
        );
        table!(
            "table08.toml",
            d.table08,
            [
                carryover_start,
                income,
                total,
                basic,
                project,
                carryover_end
            ],
            None
        );
        table!(
            "table09.toml",
            d.table09,
            [total, basic, project],
            Some(|_| true)
        );
        // 08: 本年支出 小计 = 基本 + 项目
        for cells in std::iter::once(&d.table08.total)
            .chain(d.table08.rows.iter().map(|_| &d.table08.total).take(0))
        {
            let t = self.term("table08.toml", cells.total.as_ref(), "本年支出 小计");
            let parts = vec![
                self.term("table08.toml", cells.basic.as_ref(), "基本支出"),
                self.term("table08.toml", cells.project.as_ref(), "项目支出"),
            ];
            self.sum("table08.toml 合计 本年支出", t, parts);
        }
    }

    /// Shape and uniqueness of function classification codes.
    fn codes<'t>(&mut self, file: &str, codes: impl Iterator<Item = &'t Text>) {
        let id = self.file(file);
        let mut seen: Vec<&Text> = Vec::new();
        for code in codes {
            let c = code.value.as_str();
            if !(matches!(c.len(), 3 | 5 | 7) && c.bytes().all(|b| b.is_ascii_digit())) {
                self.out.push(
                    Diagnostic::error(
                        "code-shape",
                        format!("`{c}` is not a function classification code"),
                    )
                    .at(
                        id,
                        code.span.clone(),
                        "expected 3 digits (类), 5 (款) or 7 (项)",
                    ),
                );
            }
            if let Some(first) = seen.iter().find(|s| s.value == c) {
                self.out.push(
                    Diagnostic::error("code-duplicate", format!("the code {c} is listed twice"))
                        .at(id, code.span.clone(), "listed again here")
                        .also(id, first.span.clone(), "first listed here"),
                );
            }
            seen.push(code);
        }
    }

    /// Parent rows equal the sum of their children; the 合计 row equals the sum of the 类 rows.
    fn hierarchy(
        &mut self,
        file: &'static str,
        names: &[&str],
        total: &[Option<&Money>],
        rows: &[(&Text, Vec<Option<&Money>>)],
    ) {
        let id = self.file(file);
        for (code, _) in rows {
            let c = code.value.as_str();
            if c.len() > 3 {
                let parent = &c[..c.len() - 2];
                if !rows.iter().any(|(p, _)| p.value == parent) {
                    self.out.push(
                        Diagnostic::error(
                            "code-parent",
                            format!("{c} is listed without its parent {parent}"),
                        )
                        .at(
                            id,
                            code.span.clone(),
                            format!("expected a row {parent} above this one"),
                        ),
                    );
                }
            }
        }
        for (col, name) in names.iter().enumerate() {
            for (code, cells) in rows {
                let c = code.value.as_str();
                let children: Vec<&(&Text, Vec<Option<&Money>>)> = rows
                    .iter()
                    .filter(|(k, _)| k.value.len() == c.len() + 2 && k.value.starts_with(c))
                    .collect();
                if children.is_empty() {
                    continue;
                }
                let t = self.term(file, cells[col], format!("{c} {name}"));
                let parts = children
                    .iter()
                    .map(|(k, v)| self.term(file, v[col], format!("{}", k.value)))
                    .collect();
                self.sum(&format!("{file} {c} {name}"), t, parts);
            }
            let classes: Vec<_> = rows.iter().filter(|(k, _)| k.value.len() == 3).collect();
            if !classes.is_empty() {
                let t = self.term(file, total[col], format!("合计 {name}"));
                let parts = classes
                    .iter()
                    .map(|(k, v)| self.term(file, v[col], k.value.clone()))
                    .collect();
                self.sum(&format!("{file} 合计 {name}"), t, parts);
            }
        }
        let _ = id;
    }

    /// 公开06表: economic codes, 类 lines = sum of their 款 lines, panel totals.
    fn economic_table(&mut self) {
        let t = &self.doc.table06;
        let file = "table06.toml";
        let id = self.file(file);
        for line in t.personnel.iter().chain(&t.public) {
            let c = line.code.value.as_str();
            if !(matches!(c.len(), 3 | 5) && c.bytes().all(|b| b.is_ascii_digit())) {
                self.out.push(
                    Diagnostic::error(
                        "code-shape",
                        format!("`{c}` is not an economic classification code"),
                    )
                    .at(
                        id,
                        line.code.span.clone(),
                        "expected 3 digits (类) or 5 (款)",
                    ),
                );
            }
        }
        for (panel, total, label) in [
            (&t.personnel, &t.personnel_total, "人员经费合计"),
            (&t.public, &t.public_total, "公用经费合计"),
        ] {
            for class in panel.iter().filter(|l| l.code.len() == 3) {
                let children: Vec<&EconomicLine> = panel
                    .iter()
                    .filter(|l| l.code.len() == 5 && l.code.starts_with(class.code.as_str()))
                    .collect();
                if children.is_empty() {
                    continue;
                }
                let tt = self.term(
                    file,
                    class.amount.as_ref(),
                    format!("{} {}", class.code.value, class.name.value),
                );
                let parts = children
                    .iter()
                    .map(|l| self.term(file, l.amount.as_ref(), l.code.value.clone()))
                    .collect();
                self.sum(&format!("{file} {}", class.code.value), tt, parts);
            }
            let classes: Vec<&EconomicLine> = panel.iter().filter(|l| l.code.len() == 3).collect();
            if !classes.is_empty() {
                let tt = self.term(file, total.as_ref(), label);
                let parts = classes
                    .iter()
                    .map(|l| self.term(file, l.amount.as_ref(), l.code.value.clone()))
                    .collect();
                self.sum(&format!("{file} {label}"), tt, parts);
            }
        }
    }

    /// 01, 04, 07: totals within the summary tables.
    fn summary_tables(&mut self) {
        let d = self.doc;
        let f1 = "table01.toml";
        let i = &d.table01.income;
        let parts = [
            (&i.general_budget, "一般公共预算财政拨款收入"),
            (&i.government_fund, "政府性基金预算财政拨款收入"),
            (&i.state_capital, "国有资本经营预算财政拨款收入"),
            (&i.superior_subsidy, "上级补助收入"),
            (&i.business, "事业收入"),
            (&i.operating, "经营收入"),
            (&i.affiliated, "附属单位上缴收入"),
            (&i.other, "其他收入"),
        ]
        .iter()
        .map(|(m, l)| self.term(f1, m.as_ref(), *l))
        .collect();
        let t = self.term(f1, i.year_total.as_ref(), "本年收入合计");
        self.sum("收入: 本年收入合计", t, parts);
        let t = self.term(f1, i.grand_total.as_ref(), "收入总计");
        let parts = vec![
            self.term(f1, i.year_total.as_ref(), "本年收入合计"),
            self.term(f1, i.non_fiscal_balance_used.as_ref(), "使用非财政拨款结余"),
            self.term(f1, i.carryover_start.as_ref(), "年初结转和结余"),
        ];
        self.sum("收入总计", t, parts);
        let e = &d.table01.expenditure;
        let t = self.term(f1, e.grand_total.as_ref(), "支出总计");
        let parts = vec![
            self.term(f1, e.year_total.as_ref(), "本年支出合计"),
            self.term(f1, e.surplus_distribution.as_ref(), "结余分配"),
            self.term(f1, e.carryover_end.as_ref(), "年末结转和结余"),
        ];
        self.sum("支出总计", t, parts);
        if !e.classes.is_empty() {
            let t = self.term(f1, e.year_total.as_ref(), "本年支出合计");
            let parts = e
                .classes
                .iter()
                .map(|c| {
                    Some(Term {
                        file: self.file(f1),
                        money: &c.amount,
                        label: c.code.value.clone(),
                    })
                })
                .collect();
            self.sum("支出: 本年支出合计", t, parts);
        }
        let t = self.term(f1, e.grand_total.as_ref(), "支出总计");
        let parts = vec![self.term(f1, i.grand_total.as_ref(), "收入总计")];
        self.sum("收入总计 = 支出总计", t, parts);

        let f4 = "table04.toml";
        let t4 = &d.table04;
        for (cells, what) in [
            (&t4.income.year, "本年收入"),
            (&t4.income.carryover_start, "年初财政拨款结转和结余"),
            (&t4.expenditure.year, "本年支出"),
            (&t4.expenditure.carryover_end, "年末财政拨款结转和结余"),
            (&t4.expenditure.grand_total, "支出总计"),
        ] {
            self.fund_row(f4, cells, what);
        }
        for line in &t4.expenditure.classes {
            self.fund_row(
                f4,
                &line.cells(),
                &format!("{} {}", line.code.value, line.name.value),
            );
        }
        let t = self.term(f4, t4.income.grand_total.as_ref(), "收入总计");
        let parts = vec![
            self.term(f4, t4.income.year.total.as_ref(), "本年收入合计"),
            self.term(
                f4,
                t4.income.carryover_start.total.as_ref(),
                "年初财政拨款结转和结余",
            ),
        ];
        self.sum("财政拨款收入总计", t, parts);
        let t = self.term(f4, t4.expenditure.grand_total.total.as_ref(), "支出总计");
        let parts = vec![
            self.term(f4, t4.expenditure.year.total.as_ref(), "本年支出合计"),
            self.term(
                f4,
                t4.expenditure.carryover_end.total.as_ref(),
                "年末财政拨款结转和结余",
            ),
        ];
        self.sum("财政拨款支出总计", t, parts);
        let t = self.term(f4, t4.expenditure.grand_total.total.as_ref(), "支出总计");
        let parts = vec![self.term(f4, t4.income.grand_total.as_ref(), "收入总计")];
        self.sum("财政拨款收入总计 = 支出总计", t, parts);
        if !t4.expenditure.classes.is_empty() {
            let t = self.term(f4, t4.expenditure.year.total.as_ref(), "本年支出合计");
            let parts = t4
                .expenditure
                .classes
                .iter()
                .map(|c| self.term(f4, c.total.as_ref(), c.code.value.clone()))
                .collect();
            self.sum("财政拨款 本年支出合计", t, parts);
        }

        let f7 = "table07.toml";
        for (c, what) in [(&d.table07.budget, "预算数"), (&d.table07.actual, "决算数")] {
            let t = self.term(f7, c.vehicles.as_ref(), "公务用车购置及运行费");
            let parts = vec![
                self.term(f7, c.vehicle_purchase.as_ref(), "购置费"),
                self.term(f7, c.vehicle_operation.as_ref(), "运行费"),
            ];
            self.sum(&format!("“三公”经费{what} 公务用车"), t, parts);
            let t = self.term(f7, c.total.as_ref(), "合计");
            let parts = vec![
                self.term(f7, c.overseas.as_ref(), "因公出国（境）费"),
                self.term(f7, c.vehicles.as_ref(), "公务用车购置及运行费"),
                self.term(f7, c.reception.as_ref(), "公务接待费"),
            ];
            self.sum(&format!("“三公”经费{what} 合计"), t, parts);
        }
    }

    fn fund_row(&mut self, file: &str, cells: &FundCells, what: &str) {
        let t = self.term(file, cells.total.as_ref(), format!("{what} 合计"));
        let parts = vec![
            self.term(file, cells.general_budget.as_ref(), "一般公共预算"),
            self.term(file, cells.government_fund.as_ref(), "政府性基金预算"),
            self.term(file, cells.state_capital.as_ref(), "国有资本经营预算"),
        ];
        self.sum(&format!("{file} {what}"), t, parts);
    }

    /// Identities between tables.
    fn cross_tables(&mut self) {
        let d = self.doc;
        let (f1, f2, f3, f4, f5, f6, f7, f8, f9) = (
            "table01.toml",
            "table02.toml",
            "table03.toml",
            "table04.toml",
            "table05.toml",
            "table06.toml",
            "table07.toml",
            "table08.toml",
            "table09.toml",
        );
        let i = &d.table01.income;
        let t2 = &d.table02.total;
        let pairs: Vec<(Option<Term>, Vec<Option<Term>>, &str)> = vec![
            (
                self.term(f2, t2.total.as_ref(), "02 本年收入合计"),
                vec![self.term(f1, i.year_total.as_ref(), "01 本年收入合计")],
                "02 合计 = 01 本年收入合计",
            ),
            (
                self.term(f2, t2.fiscal.as_ref(), "02 财政拨款收入"),
                vec![
                    self.term(f1, i.general_budget.as_ref(), "01 一般公共预算"),
                    self.term(f1, i.government_fund.as_ref(), "01 政府性基金预算"),
                    self.term(f1, i.state_capital.as_ref(), "01 国有资本经营预算"),
                ],
                "02 财政拨款收入 = 01 三项财政拨款收入",
            ),
            (
                self.term(f2, t2.superior_subsidy.as_ref(), "02 上级补助收入"),
                vec![self.term(f1, i.superior_subsidy.as_ref(), "01")],
                "02 = 01 上级补助收入",
            ),
            (
                self.term(f2, t2.business.as_ref(), "02 事业收入"),
                vec![self.term(f1, i.business.as_ref(), "01")],
                "02 = 01 事业收入",
            ),
            (
                self.term(f2, t2.operating.as_ref(), "02 经营收入"),
                vec![self.term(f1, i.operating.as_ref(), "01")],
                "02 = 01 经营收入",
            ),
            (
                self.term(f2, t2.affiliated.as_ref(), "02 附属单位上缴收入"),
                vec![self.term(f1, i.affiliated.as_ref(), "01")],
                "02 = 01 附属单位上缴收入",
            ),
            (
                self.term(f2, t2.other.as_ref(), "02 其他收入"),
                vec![self.term(f1, i.other.as_ref(), "01")],
                "02 = 01 其他收入",
            ),
            (
                self.term(f3, d.table03.total.total.as_ref(), "03 本年支出合计"),
                vec![self.term(
                    f1,
                    d.table01.expenditure.year_total.as_ref(),
                    "01 本年支出合计",
                )],
                "03 合计 = 01 本年支出合计",
            ),
            (
                self.term(
                    f4,
                    d.table04.income.year.general_budget.as_ref(),
                    "04 一般公共预算收入",
                ),
                vec![self.term(f1, i.general_budget.as_ref(), "01 一般公共预算财政拨款收入")],
                "04 = 01 一般公共预算财政拨款收入",
            ),
            (
                self.term(
                    f4,
                    d.table04.income.year.government_fund.as_ref(),
                    "04 政府性基金预算收入",
                ),
                vec![self.term(
                    f1,
                    i.government_fund.as_ref(),
                    "01 政府性基金预算财政拨款收入",
                )],
                "04 = 01 政府性基金预算财政拨款收入",
            ),
            (
                self.term(
                    f4,
                    d.table04.income.year.state_capital.as_ref(),
                    "04 国有资本经营预算收入",
                ),
                vec![self.term(
                    f1,
                    i.state_capital.as_ref(),
                    "01 国有资本经营预算财政拨款收入",
                )],
                "04 = 01 国有资本经营预算财政拨款收入",
            ),
            (
                self.term(
                    f4,
                    d.table04.expenditure.year.general_budget.as_ref(),
                    "04 一般公共预算支出",
                ),
                vec![self.term(f5, d.table05.total.total.as_ref(), "05 合计")],
                "04 一般公共预算 = 05 合计",
            ),
            (
                self.term(
                    f4,
                    d.table04.expenditure.year.government_fund.as_ref(),
                    "04 政府性基金预算支出",
                ),
                vec![self.term(f8, d.table08.total.total.as_ref(), "08 本年支出")],
                "04 政府性基金预算 = 08 本年支出",
            ),
            (
                self.term(
                    f4,
                    d.table04.expenditure.year.state_capital.as_ref(),
                    "04 国有资本经营预算支出",
                ),
                vec![self.term(f9, d.table09.total.total.as_ref(), "09 合计")],
                "04 国有资本经营预算 = 09 合计",
            ),
            (
                self.term(f5, d.table05.total.basic.as_ref(), "05 基本支出"),
                vec![
                    self.term(f6, d.table06.personnel_total.as_ref(), "06 人员经费合计"),
                    self.term(f6, d.table06.public_total.as_ref(), "06 公用经费合计"),
                ],
                "05 基本支出 = 06 人员经费 + 公用经费",
            ),
            (
                self.term(f7, d.table07.actual.reception.as_ref(), "07 公务接待费"),
                vec![
                    Some(Term {
                        file: self.file("three_public.toml"),
                        money: &d.three_public.reception.foreign.amount,
                        label: "外宾接待".into(),
                    }),
                    Some(Term {
                        file: self.file("three_public.toml"),
                        money: &d.three_public.reception.domestic.amount,
                        label: "其他国内公务接待".into(),
                    }),
                ],
                "07 公务接待费 = 外宾接待 + 其他国内公务接待",
            ),
        ];
        for (t, parts, what) in pairs {
            self.sum(what, t, parts);
        }
        // 01 支出 by 类 = 03 类 totals.
        for class in &d.table01.expenditure.classes {
            let in03 = d
                .table03
                .rows
                .iter()
                .find(|r| r.code.value == class.code.value);
            if in03.is_none() && !d.table03.rows.is_empty() && !class.amount.is_zero() {
                self.out.push(
                    Diagnostic::error(
                        "sum-mismatch",
                        format!("01表 lists 类 {} but 03表 does not", class.code.value),
                    )
                    .at(
                        self.file(f1),
                        class.code.span.clone(),
                        "no such 类 in table03.toml",
                    ),
                );
            }
            if let Some(row) = in03 {
                let t = Some(Term {
                    file: self.file(f1),
                    money: &class.amount,
                    label: format!("01 {}", class.code.value),
                });
                let parts =
                    vec![self.term(f3, row.total.as_ref(), format!("03 {}", row.code.value))];
                self.sum(&format!("01 = 03 类 {}", class.code.value), t, parts);
            }
        }
        // 04 columns by 类 = 05 / 08 / 09 类 totals.
        for line in &d.table04.expenditure.classes {
            for (col, file, rows) in [
                (
                    line.general_budget.as_ref(),
                    f5,
                    d.table05
                        .rows
                        .iter()
                        .map(|r| (&r.code, r.total.as_ref()))
                        .collect::<Vec<_>>(),
                ),
                (
                    line.government_fund.as_ref(),
                    f8,
                    d.table08
                        .rows
                        .iter()
                        .map(|r| (&r.code, r.total.as_ref()))
                        .collect(),
                ),
                (
                    line.state_capital.as_ref(),
                    f9,
                    d.table09
                        .rows
                        .iter()
                        .map(|r| (&r.code, r.total.as_ref()))
                        .collect(),
                ),
            ] {
                let Some(col) = col else { continue };
                match rows.iter().find(|(c, _)| c.value == line.code.value) {
                    Some((c, m)) => {
                        let t = Some(Term {
                            file: self.file(f4),
                            money: col,
                            label: format!("04 {}", line.code.value),
                        });
                        let parts = vec![self.term(file, *m, format!("{file} {}", c.value))];
                        self.sum(&format!("04 = {file} 类 {}", line.code.value), t, parts);
                    }
                    None if !col.is_zero() && !rows.is_empty() => self.out.push(
                        Diagnostic::error(
                            "sum-mismatch",
                            format!(
                                "04表 has {} for 类 {} but {file} has no such 类",
                                col.display(),
                                line.code.value
                            ),
                        )
                        .at(
                            self.file(f4),
                            col.span.clone(),
                            "no matching row",
                        ),
                    ),
                    None => {}
                }
            }
        }
    }

    /// Codes named outside the tables must exist in 公开05表.
    fn explanation_codes(&mut self) {
        let d = self.doc;
        let known = |code: &str| d.table05.rows.iter().any(|r| r.code.value == code);
        let mut unknown: Vec<(FileId, &Text)> = Vec::new();
        for item in &d.explanation.general_budget.items {
            if !known(&item.code) {
                unknown.push((self.file("explanation.toml"), &item.code));
            }
        }
        for term in &d.glossary.terms {
            if let Some(code) = &term.code {
                if !known(code) {
                    unknown.push((self.file("glossary.toml"), code));
                }
            }
        }
        for (file, code) in unknown {
            self.out.push(
                Diagnostic::error(
                    "unknown-code",
                    format!("the code {} is not a line of 公开05表", code.value),
                )
                .at(file, code.span.clone(), "not in table05.toml"),
            );
        }
        // Every 项 of 05 needs its year-start budget for the sentence in （五）3.
        for row in d.table05.rows.iter().filter(|r| r.code.len() == 7) {
            if !d
                .explanation
                .general_budget
                .items
                .iter()
                .any(|i| i.code.value == row.code.value)
            {
                self.out.push(
                    Diagnostic::warning(
                        "unknown-code",
                        format!(
                            "项 {} has no year-start budget in explanation.toml",
                            row.code.value
                        ),
                    )
                    .at(
                        self.file("table05.toml"),
                        row.code.span.clone(),
                        "no [[general_budget.items]] entry for this code",
                    ),
                );
            }
        }
    }

    /// Self-evaluation forms: weights add up to 100, no score above its weight.
    fn performance(&mut self) {
        let file = self.file("performance.toml");
        for p in &self.doc.performance.projects {
            let weights: Decimal = p.indicators.iter().map(|i| i.weight.value).sum::<Decimal>()
                + p.execution.weight.value;
            if weights != Decimal::ONE_HUNDRED {
                self.out.push(
                    Diagnostic::error(
                        "score-mismatch",
                        format!(
                            "the weights of 「{}」 add up to {}, not 100",
                            p.name.value,
                            weights.normalize()
                        ),
                    )
                    .at(file, p.name.span.clone(), "this project's indicators")
                    .note("指标分值 of all indicators, including 资金执行率, must add up to 100"),
                );
            }
            for i in &p.indicators {
                if i.score.value > i.weight.value || i.score.value < Decimal::ZERO {
                    self.out.push(
                        Diagnostic::error(
                            "score-mismatch",
                            format!(
                                "the score {} is outside 0 to its weight {}",
                                i.score.value, i.weight.value
                            ),
                        )
                        .at(file, i.score.span.clone(), "自评得分")
                        .also(file, i.weight.span.clone(), "指标分值"),
                    );
                }
            }
        }
    }
}
