//! Identities inside one table (表内勾稽): parent lines, 合计 rows, row totals, the totals blocks of 01 and 04,
//! the balances of 01, 04 and 08, and the sums of 06 and 07.

use super::{ClassTable, Identity, Validator, Writes, broken, child_level};
use crate::model::*;
use crate::money::Money;
use crate::rule::Rule;
use crate::tr;

impl<'a> Validator<'a> {
    pub(super) fn sums(&mut self, tables: &[ClassTable<'_>]) {
        for table in tables {
            self.hierarchy(table);
            self.row_totals(table);
        }
        let d = self.doc;
        self.fund_balances(
            "table08.toml",
            "公开08表",
            &d.table08.total,
            &d.table08.rows,
        );
        self.fund_balances(
            "table09.toml",
            "公开09表",
            &d.table09.total,
            &d.table09.rows,
        );
        self.table06_sums();
        self.table01_sums();
        self.table04_sums();
        self.stated_totals();
        self.table07_sums();
    }

    /// 公开08表 and 09表, each row: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (where the data states
    /// them: a form that prints only 本年支出 leaves the others out, and the identity is skipped).
    fn fund_balances(
        &mut self,
        f: &'static str,
        label: &str,
        total: &'a FundFlowCells,
        rows: &'a [FundFlowLine],
    ) {
        let lines: Vec<(String, Vec<Option<&Money>>)> =
            std::iter::once(("合计".to_string(), total.columns()))
                .chain(
                    rows.iter()
                        .map(|r| (format!("{} {}", r.code.value, r.name.value), r.columns())),
                )
                .collect();
        for (what, cells) in lines {
            let identity = Identity::new(
                Rule::BalanceMismatch,
                format!("{label} {what} 年末结转和结余"),
                "年初结转和结余 + 本年收入 − 本年支出小计",
                self.term(f, cells[5], "年末结转和结余"),
            )
            .plus(self.term(f, cells[0], "年初结转和结余"))
            .plus(self.term(f, cells[1], "本年收入"))
            .minus(self.term(f, cells[2], "本年支出小计"));
            self.identity(identity);
        }
    }

    /// 公开06表: a 类 line is the sum of its 款 lines; each panel's 合计 the sum of its 类 lines.
    fn table06_sums(&mut self) {
        let t = &self.doc.table06;
        let f = "table06.toml";
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
                let subject = self.term(
                    f,
                    class.amount.as_ref(),
                    format!("{} 决算数", class.code.value),
                );
                let parts = children
                    .iter()
                    .map(|l| self.term(f, l.amount.as_ref(), l.code.value.clone()));
                self.identity(
                    Identity::new(
                        Rule::SumMismatch,
                        format!("公开06表 {} {}", class.code.value, class.name.value),
                        tr!("relation-sum-lines", level = "款"),
                        subject,
                    )
                    .plus_all(parts),
                );
            }
            let classes: Vec<&EconomicLine> = panel.iter().filter(|l| l.code.len() == 3).collect();
            if !classes.is_empty() {
                let parts = classes
                    .iter()
                    .map(|l| self.term(f, l.amount.as_ref(), l.code.value.clone()));
                self.identity(
                    Identity::new(
                        Rule::SumMismatch,
                        format!("公开06表 {label}"),
                        tr!("relation-sum-lines", level = "类"),
                        self.term(f, total.as_ref(), label),
                    )
                    .plus_all(parts),
                );
            }
        }
    }

    /// 公开01表: 本年收入合计, 收入总计, 本年支出合计 (by 类), 支出总计, and 收入总计 = 支出总计.
    pub(super) fn table01_sums(&mut self) {
        let f = "table01.toml";
        let i = &self.doc.table01.income;
        let e = &self.doc.table01.expenditure;
        let sources = [
            (&i.general_budget, "一般公共预算财政拨款收入"),
            (&i.government_fund, "政府性基金预算财政拨款收入"),
            (&i.state_capital, "国有资本经营预算财政拨款收入"),
            (&i.superior_subsidy, "上级补助收入"),
            (&i.business, "事业收入"),
            (&i.operating, "经营收入"),
            (&i.affiliated, "附属单位上缴收入"),
            (&i.other, "其他收入"),
        ]
        .map(|(m, l)| self.term(f, m.as_ref(), l));
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开01表 本年收入合计",
                tr!("relation-eight-incomes"),
                self.term(f, i.year_total.as_ref(), "本年收入合计"),
            )
            .plus_all(sources)
            .writes(
                f,
                "income.year_total",
                paths(
                    "income",
                    &[
                        "general_budget",
                        "government_fund",
                        "state_capital",
                        "superior_subsidy",
                        "business",
                        "operating",
                        "affiliated",
                        "other",
                    ],
                ),
            ),
        );
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开01表 收入总计",
                "本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
                self.term(f, i.grand_total.as_ref(), "收入总计"),
            )
            .plus(self.term(f, i.year_total.as_ref(), "本年收入合计"))
            .plus(self.term(f, i.non_fiscal_balance_used.as_ref(), "使用非财政拨款结余"))
            .plus(self.term(f, i.carryover_start.as_ref(), "年初结转和结余"))
            .writes(
                f,
                "income.grand_total",
                paths(
                    "income",
                    &["year_total", "non_fiscal_balance_used", "carryover_start"],
                ),
            ),
        );
        if !e.classes.is_empty() {
            let parts = e
                .classes
                .iter()
                .map(|c| self.fixed(f, &c.amount, c.code.value.clone()));
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    "公开01表 本年支出合计",
                    tr!("relation-sum-lines", level = "类"),
                    self.term(f, e.year_total.as_ref(), "本年支出合计"),
                )
                .plus_all(parts)
                .writes(
                    f,
                    "expenditure.year_total",
                    (0..e.classes.len())
                        .map(|k| format!("expenditure.classes[{k}].amount"))
                        .collect(),
                ),
            );
        }
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开01表 支出总计",
                "本年支出合计 + 结余分配 + 年末结转和结余",
                self.term(f, e.grand_total.as_ref(), "支出总计"),
            )
            .plus(self.term(f, e.year_total.as_ref(), "本年支出合计"))
            .plus(self.term(f, e.surplus_distribution.as_ref(), "结余分配"))
            .plus(self.term(f, e.carryover_end.as_ref(), "年末结转和结余"))
            .writes(
                f,
                "expenditure.grand_total",
                paths(
                    "expenditure",
                    &["year_total", "surplus_distribution", "carryover_end"],
                ),
            ),
        );
        self.identity(
            Identity::new(
                Rule::BalanceMismatch,
                "公开01表 支出总计",
                "收入总计",
                self.term(f, e.grand_total.as_ref(), "支出总计"),
            )
            .plus(self.term(f, i.grand_total.as_ref(), "收入总计")),
        );
    }

    /// 公开04表: each row's 合计 = the three funds; the totals; each fund's balance; 本年支出合计 by 类.
    pub(super) fn table04_sums(&mut self) {
        let f = "table04.toml";
        let t = &self.doc.table04;
        let (inc, exp) = (&t.income, &t.expenditure);
        for (cells, what, at) in [
            (&inc.year, "本年收入", "income.year"),
            (
                &inc.carryover_start,
                "年初财政拨款结转和结余",
                "income.carryover_start",
            ),
            (&exp.year, "本年支出", "expenditure.year"),
            (
                &exp.carryover_end,
                "年末财政拨款结转和结余",
                "expenditure.carryover_end",
            ),
            (&exp.grand_total, "支出总计", "expenditure.grand_total"),
        ] {
            self.fund_row(cells, what.to_string(), at.to_string());
        }
        for (k, line) in exp.classes.iter().enumerate() {
            self.fund_row(
                &line.cells(),
                format!("{} {}", line.code.value, line.name.value),
                format!("expenditure.classes[{k}]"),
            );
        }
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开04表 收入总计",
                "本年收入合计 + 年初财政拨款结转和结余",
                self.term(f, inc.grand_total.as_ref(), "收入总计"),
            )
            .plus(self.term(f, inc.year.total.as_ref(), "本年收入合计"))
            .plus(self.term(
                f,
                inc.carryover_start.total.as_ref(),
                "年初财政拨款结转和结余",
            ))
            .writes(
                f,
                "income.grand_total",
                vec![
                    "income.year.total".into(),
                    "income.carryover_start.total".into(),
                ],
            ),
        );
        fn columns(c: &FundCells) -> [(Option<&Money>, &'static str); 4] {
            [
                (c.total.as_ref(), "合计"),
                (c.general_budget.as_ref(), "一般公共预算"),
                (c.government_fund.as_ref(), "政府性基金预算"),
                (c.state_capital.as_ref(), "国有资本经营预算"),
            ]
        }
        let (grand, year, end, start, income) = (
            columns(&exp.grand_total),
            columns(&exp.year),
            columns(&exp.carryover_end),
            columns(&inc.carryover_start),
            columns(&inc.year),
        );
        let keys = exp.grand_total.fields();
        for k in 0..4 {
            let fund = grand[k].1;
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    format!("公开04表 支出总计 {fund}"),
                    "本年支出 + 年末财政拨款结转和结余",
                    self.term(f, grand[k].0, format!("支出总计 {fund}")),
                )
                .plus(self.term(f, year[k].0, "本年支出"))
                .plus(self.term(f, end[k].0, "年末结转和结余"))
                .writes(
                    f,
                    format!("expenditure.grand_total.{}", keys[k]),
                    vec![
                        format!("expenditure.year.{}", keys[k]),
                        format!("expenditure.carryover_end.{}", keys[k]),
                    ],
                ),
            );
            // The 合计 column balances through 收入总计 = 支出总计 below; each fund balances on its own.
            if k > 0 {
                self.identity(
                    Identity::new(
                        Rule::BalanceMismatch,
                        format!("公开04表 支出总计 {fund}"),
                        tr!("relation-fund-income"),
                        self.term(f, grand[k].0, format!("支出总计 {fund}")),
                    )
                    .plus(self.term(f, income[k].0, "本年收入"))
                    .plus(self.term(f, start[k].0, "年初结转和结余")),
                );
            }
        }
        self.identity(
            Identity::new(
                Rule::BalanceMismatch,
                "公开04表 支出总计",
                "收入总计",
                self.term(f, exp.grand_total.total.as_ref(), "支出总计"),
            )
            .plus(self.term(f, inc.grand_total.as_ref(), "收入总计")),
        );
        if !exp.classes.is_empty() {
            let parts = exp
                .classes
                .iter()
                .map(|c| self.term(f, c.total.as_ref(), c.code.value.clone()));
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    "公开04表 本年支出合计",
                    tr!("relation-sum-lines", level = "类"),
                    self.term(f, exp.year.total.as_ref(), "本年支出合计"),
                )
                .plus_all(parts)
                .writes(
                    f,
                    "expenditure.year.total",
                    (0..exp.classes.len())
                        .map(|k| format!("expenditure.classes[{k}].total"))
                        .collect(),
                ),
            );
        }
    }

    /// A 公开04表 row: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算.
    fn fund_row(&mut self, cells: &FundCells, what: String, at: String) {
        let f = "table04.toml";
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                format!("公开04表 {what} 合计"),
                "一般公共预算 + 政府性基金预算 + 国有资本经营预算",
                self.term(f, cells.total.as_ref(), "合计"),
            )
            .plus(self.term(f, cells.general_budget.as_ref(), "一般公共预算"))
            .plus(self.term(f, cells.government_fund.as_ref(), "政府性基金预算"))
            .plus(self.term(f, cells.state_capital.as_ref(), "国有资本经营预算"))
            .writes(f, format!("{at}.total"), paths(&at, &cells.fields()[1..])),
        );
    }

    /// 公开07表, 预算数 and 决算数: 公务用车 = 购置 + 运行; 合计 = 出国 + 公务用车 + 接待.
    fn table07_sums(&mut self) {
        let f = "table07.toml";
        let t = &self.doc.table07;
        for (c, what) in [(&t.budget, "预算数"), (&t.actual, "决算数")] {
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    format!("公开07表 {what} 公务用车购置及运行费"),
                    "购置费 + 运行费",
                    self.term(f, c.vehicles.as_ref(), "公务用车购置及运行费"),
                )
                .plus(self.term(f, c.vehicle_purchase.as_ref(), "购置费"))
                .plus(self.term(f, c.vehicle_operation.as_ref(), "运行费")),
            );
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    format!("公开07表 {what} 合计"),
                    "因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                    self.term(f, c.total.as_ref(), "合计"),
                )
                .plus(self.term(f, c.overseas.as_ref(), "因公出国（境）费"))
                .plus(self.term(f, c.vehicles.as_ref(), "公务用车购置及运行费"))
                .plus(self.term(f, c.reception.as_ref(), "公务接待费")),
            );
        }
    }

    /// Totals a document may state beside their parts: the 政府采购 total (= 货物 + 工程 + 服务) and the
    /// 一般公共预算 year-start budget (= the 项 budgets).
    fn stated_totals(&mut self) {
        let d = self.doc;
        let p = &d.procurement;
        let f = "procurement.toml";
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "政府采购金额",
                "货物 + 工程 + 服务",
                self.term(f, p.total.as_ref(), "政府采购金额"),
            )
            .plus(self.fixed(f, &p.goods, "货物"))
            .plus(self.fixed(f, &p.works, "工程"))
            .plus(self.fixed(f, &p.services, "服务")),
        );
        let x = &d.explanation;
        if x.fiscal.budget.is_some() && x.general_budget.budget.is_some() {
            let f = "explanation.toml";
            let funds = [&x.government_fund, &x.state_capital]
                .into_iter()
                .flatten()
                .map(|fund| self.term(f, fund.budget.as_ref(), "基金年初预算"));
            let identity = Identity::new(
                Rule::SumMismatch,
                "财政拨款支出年初预算",
                "一般公共预算 + 政府性基金 + 国有资本经营预算 年初预算",
                self.term(f, x.fiscal.budget.as_ref(), "财政拨款年初预算"),
            )
            .plus(self.term(f, x.general_budget.budget.as_ref(), "一般公共预算年初预算"))
            .plus_all(funds.collect::<Vec<_>>());
            self.identity(identity);
        }
        let e = &d.explanation.general_budget;
        if !e.items.is_empty() {
            let f = "explanation.toml";
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    "一般公共预算财政拨款支出年初预算",
                    tr!("relation-item-budgets"),
                    self.term(f, e.budget.as_ref(), "年初预算"),
                )
                .plus_all(
                    e.items
                        .iter()
                        .map(|i| self.term(f, i.budget.as_ref(), i.code.value.clone())),
                ),
            );
        }
    }
}

/// The checks of classification tables, the same for every kind of document.
impl<D> Validator<'_, D> {
    /// Each 类 and 款 line equals the sum of its children, column by column; the 合计 row the sum of the 类.
    pub(super) fn hierarchy(&mut self, t: &ClassTable<'_>) {
        let classes: Vec<_> = t.rows.iter().filter(|k| k.code.len() == 3).collect();
        for (col, column) in t.columns.iter().enumerate() {
            for (row, children) in t.rows.iter().zip(&t.children) {
                let cells = children.iter().map(|&k| t.rows[k].cells[col]);
                if children.is_empty() || !broken(row.cells[col], cells) {
                    continue;
                }
                let c = row.code.value.as_str();
                let subject = self.term(t.file, row.cells[col], format!("{c} {column}"));
                let parts = children.iter().map(|&k| {
                    self.term(t.file, t.rows[k].cells[col], t.rows[k].code.value.clone())
                });
                self.identity(
                    Identity::new(
                        Rule::SumMismatch,
                        format!("{} {c} {} {column}", t.label, row.name.value),
                        tr!("relation-sum-lines", level = child_level(c)),
                        subject,
                    )
                    .plus_all(parts),
                );
            }
            if !classes.is_empty() && broken(t.total[col], classes.iter().map(|k| k.cells[col])) {
                let subject = self.term(t.file, t.total[col], format!("合计 {column}"));
                let parts = classes
                    .iter()
                    .map(|k| self.term(t.file, k.cells[col], k.code.value.clone()));
                self.identity(
                    Identity::new(
                        Rule::SumMismatch,
                        format!("{} 合计 {column}", t.label),
                        tr!("relation-sum-lines", level = "类"),
                        subject,
                    )
                    .plus_all(parts),
                );
            }
        }
    }

    /// The summing column of each row (合计 / 本年支出小计) equals the sum of its part columns.
    pub(super) fn row_totals(&mut self, t: &ClassTable<'_>) {
        let (sum_col, part_cols) = t.row_sum;
        let relation = if part_cols.len() <= 2 {
            part_cols
                .iter()
                .map(|&k| t.columns[k])
                .collect::<Vec<_>>()
                .join(" + ")
        } else {
            tr!(
                "relation-sum-columns",
                first = t.columns[part_cols[0]],
                last = t.columns[part_cols[part_cols.len() - 1]]
            )
        };
        let rows = std::iter::once(("合计".to_string(), &t.total)).chain(
            t.rows
                .iter()
                .map(|r| (format!("{} {}", r.code.value, r.name.value), &r.cells)),
        );
        for (k, (what, cells)) in rows.enumerate() {
            if self.determined.is_some() {
                let at = match k {
                    0 => "total".to_string(),
                    k => format!("rows[{}]", k - 1),
                };
                let parts: Vec<&str> = part_cols.iter().map(|&c| t.fields[c]).collect();
                self.determine(
                    Writes {
                        file: t.file,
                        path: format!("{at}.{}", t.fields[sum_col]),
                        parts: paths(&at, &parts),
                    },
                    &format!("{} {what} {}", t.label, t.columns[sum_col]),
                    &relation,
                    cells[sum_col],
                    part_cols.iter().map(|&c| cells[c].map(|m| m.decimal())),
                );
            }
            if !broken(cells[sum_col], part_cols.iter().map(|&k| cells[k])) {
                continue;
            }
            let subject = self.term(t.file, cells[sum_col], t.columns[sum_col]);
            let parts = part_cols
                .iter()
                .map(|&k| self.term(t.file, cells[k], t.columns[k]));
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    format!("{} {what} {}", t.label, t.columns[sum_col]),
                    relation.clone(),
                    subject,
                )
                .plus_all(parts),
            );
        }
    }
}

/// `prefix.key` for each key.
fn paths(prefix: &str, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| format!("{prefix}.{k}")).collect()
}
