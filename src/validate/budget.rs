//! The identities of a 预算 (budget) a reviewer checks: each table's sums (table 1 balanced, 3 合计 = 基本 + 项目, 8 =
//! 人员 + 公用, 9 合计 = 出国 + 车 + 接待 and 车 = 购置 + 运行), the tables against each other (4 = 1's 财政拨款, 5/6/7
//! = 4 by fund, 8 = 5's 基本支出, 2/3 = 1 by 类), table 9's 机关运行经费 (万元) against 8's 公用经费 (元), and the figures
//! the sentences state beside the tables (政府采购, 绩效目标, the 项 the 编制说明 explains).
//!
//! Tables 1–8 are in 元 and table 9 in 万元: a comparison across the two rounds the 元 figure to two decimals of 万元,
//! as the sentences print it.

use super::cross::Side;
use super::{Bound, ClassRow, ClassTable, Identity, Validator, children_of};
use crate::diag::Diagnostic;
use crate::model::budget::{ClassAmount, SpendLine, UnitKind};
use crate::model::{BudgetDocument, Text};
use crate::money::{Money, Yuan};
use crate::rule::Rule;
use crate::tr;

const F1: &str = "table01.toml";
const F4: &str = "table04.toml";
const F9: &str = "table09.toml";

fn m(y: &Option<Yuan>) -> Option<&Money> {
    y.as_deref()
}

impl Validator<'_, BudgetDocument> {
    pub(super) fn run(mut self) {
        let tables = budget_tables(self.doc);
        self.document_facts();
        // Every table but 8, whose codes are economic.
        for t in &tables[..5] {
            self.class_codes(t);
        }
        self.table01_codes();
        self.economic_codes_of_table08();
        for t in &tables {
            self.hierarchy(t);
            self.row_totals(t);
        }
        self.table01_sums();
        self.table04_sums();
        self.table09_sums();
        self.cross(&tables);
        self.operating_costs();
        self.stated_figures();
        self.items();
        self.signs();
        self.placeholders();
        self.suspects();
    }

    /// 财务收支预算总表 and 财政拨款收支预算总表 list 类 only, among the form's.
    fn table01_codes(&mut self) {
        let d = self.doc;
        for (file, label, codes) in [
            (
                F1,
                "公开01表",
                d.table01
                    .expenditure
                    .classes
                    .iter()
                    .map(|c| &c.code)
                    .collect::<Vec<&Text>>(),
            ),
            (
                F4,
                "公开04表",
                d.table04
                    .expenditure
                    .classes
                    .iter()
                    .map(|c| &c.code)
                    .collect(),
            ),
        ] {
            let id = self.file(file);
            let good = self.function_code_shapes(id, label, &codes, &[3]);
            self.duplicates(id, label, "类", &codes);
            for code in good {
                self.known_class(id, label, code);
            }
        }
    }

    /// 一般公共预算基本支出经济分类表: 类 of 3 digits and 款 of 5 under them, each once.
    fn economic_codes_of_table08(&mut self) {
        let id = self.file("table08.toml");
        let codes: Vec<&Text> = self.doc.table08.rows.iter().map(|r| &r.code).collect();
        self.duplicates(id, "公开08表", "line", &codes);
        for code in &codes {
            let shape_ok = matches!(code.len(), 3 | 5) && code.bytes().all(|b| b.is_ascii_digit());
            if !shape_ok {
                self.out.push(
                    Diagnostic::new(
                        Rule::CodeShape,
                        tr!(
                            "not-economic-code-of",
                            code = &code.value,
                            table = "公开08表"
                        ),
                    )
                    .at(id, code.span.clone(), tr!("economic-code-label"))
                    .note(tr!("economic-code-digits")),
                );
            } else if code.len() == 5 && !codes.iter().any(|c| c.value == code.value[..3]) {
                self.out.push(
                    Diagnostic::new(
                        Rule::CodeParent,
                        tr!(
                            "without-class",
                            table = "公开08表",
                            code = &code.value,
                            parent = &code.value[..3]
                        ),
                    )
                    .at(
                        id,
                        code.span.clone(),
                        tr!("parent-above", parent = &code.value[..3]),
                    )
                    .note(tr!("parent-note", child = "款", parent = "类")),
                );
            }
        }
    }

    /// 财务收支预算总表: 财政拨款 = its three funds, 收入总计 = the four kinds of income, 支出总计 = its 类, and
    /// 收入总计 = 支出总计; where a unit's table splits 支出, each 类 and the total = 人员 + 公用 + 项目.
    fn table01_sums(&mut self) {
        let i = &self.doc.table01.income;
        let e = &self.doc.table01.expenditure;
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开01表 财政拨款收入",
                "一般公共预算资金 + 政府性基金 + 国有资本经营预算",
                self.term(F1, m(&i.fiscal), "财政拨款收入"),
            )
            .plus(self.term(F1, m(&i.general_budget), "一般公共预算资金"))
            .plus(self.term(F1, m(&i.government_fund), "政府性基金"))
            .plus(self.term(F1, m(&i.state_capital), "国有资本经营预算")),
        );
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开01表 收入总计",
                "财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入",
                self.term(F1, m(&i.total), "收入总计"),
            )
            .plus(self.term(F1, m(&i.fiscal), "财政拨款收入"))
            .plus(self.term(F1, m(&i.business), "事业收入"))
            .plus(self.term(F1, m(&i.operating), "事业单位经营收入"))
            .plus(self.term(F1, m(&i.other), "其他收入")),
        );
        let classes = e
            .classes
            .iter()
            .map(|c| self.term(F1, Some(&*c.amount), c.code.value.clone()));
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开01表 支出总计",
                tr!("relation-sum-classes"),
                self.term(F1, m(&e.total), "支出总计"),
            )
            .plus_all(classes),
        );
        self.identity(
            Identity::new(
                Rule::BalanceMismatch,
                "公开01表 收入总计",
                "支出总计",
                self.term(F1, m(&i.total), "收入总计"),
            )
            .plus(self.term(F1, m(&e.total), "支出总计")),
        );
        for c in &e.classes {
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    format!("公开01表 {} 预算数", c.code.value),
                    "人员经费 + 公用经费 + 项目支出",
                    self.term(F1, Some(&*c.amount), "合计"),
                )
                .plus_all(self.split(&c.personnel, &c.public, &c.project)),
            );
        }
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开01表 支出总计",
                "人员经费 + 公用经费 + 项目支出",
                self.term(F1, m(&e.total), "支出总计"),
            )
            .plus_all(self.split(&e.personnel, &e.public, &e.project)),
        );
        type Pick = for<'c> fn(&'c ClassAmount) -> Option<&'c Money>;
        let columns: [(&str, &Option<Yuan>, Pick); 3] = [
            ("人员经费", &e.personnel, |c| m(&c.personnel)),
            ("公用经费", &e.public, |c| m(&c.public)),
            ("项目支出", &e.project, |c| m(&c.project)),
        ];
        for (column, total, pick) in columns {
            let parts = e
                .classes
                .iter()
                .map(|c| self.term(F1, pick(c), c.code.value.clone()));
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    format!("公开01表 支出总计 {column}"),
                    tr!("relation-sum-classes"),
                    self.term(F1, m(total), column),
                )
                .plus_all(parts),
            );
        }
    }

    /// A unit's split of 支出: 人员经费, 公用经费, 项目支出.
    fn split<'m>(
        &self,
        personnel: &'m Option<Yuan>,
        public: &'m Option<Yuan>,
        project: &'m Option<Yuan>,
    ) -> [Option<super::Term<'m>>; 3] {
        [
            self.term(F1, m(personnel), "人员经费"),
            self.term(F1, m(public), "公用经费"),
            self.term(F1, m(project), "项目支出"),
        ]
    }

    /// 财政拨款收支预算总表: 收入总计 = its three funds; each 类 and the 支出总计 = their funds; 支出总计 = its 类 by
    /// column; 收入总计 = 支出总计.
    fn table04_sums(&mut self) {
        let t = &self.doc.table04;
        let i = &t.income;
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开04表 收入总计",
                "一般公共预算资金 + 政府性基金 + 国有资本经营预算",
                self.term(F4, m(&i.total), "收入总计"),
            )
            .plus(self.term(F4, m(&i.general_budget), "一般公共预算资金"))
            .plus(self.term(F4, m(&i.government_fund), "政府性基金"))
            .plus(self.term(F4, m(&i.state_capital), "国有资本经营预算")),
        );
        let e = &t.expenditure;
        let rows = e
            .classes
            .iter()
            .map(|c| (c.code.value.clone(), c.columns()))
            .chain(std::iter::once(("支出总计".to_string(), e.total.columns())));
        for (what, cells) in rows {
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    format!("公开04表 {what} 合计"),
                    "一般公共预算 + 政府性基金预算 + 国有资本经营预算",
                    self.term(F4, cells[0], "合计"),
                )
                .plus(self.term(F4, cells[1], "一般公共预算"))
                .plus(self.term(F4, cells[2], "政府性基金预算"))
                .plus(self.term(F4, cells[3], "国有资本经营预算")),
            );
        }
        let names = ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"];
        for (k, column) in names.iter().enumerate() {
            let parts = e
                .classes
                .iter()
                .map(|c| self.term(F4, c.columns()[k], c.code.value.clone()));
            self.identity(
                Identity::new(
                    Rule::SumMismatch,
                    format!("公开04表 支出总计 {column}"),
                    tr!("relation-sum-classes"),
                    self.term(F4, e.total.columns()[k], format!("支出总计 {column}")),
                )
                .plus_all(parts),
            );
        }
        self.identity(
            Identity::new(
                Rule::BalanceMismatch,
                "公开04表 收入总计",
                "支出总计",
                self.term(F4, m(&i.total), "收入总计"),
            )
            .plus(self.term(F4, m(&e.total.total), "支出总计")),
        );
    }

    /// “三公”经费: 合计 = 出国 + 车 + 接待, 车 = 购置 + 运行.
    fn table09_sums(&mut self) {
        let t = &self.doc.table09;
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开09表 “三公”经费 合计",
                "因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                self.term(F9, t.total.as_ref(), "合计"),
            )
            .plus(self.term(F9, t.overseas.as_ref(), "因公出国（境）费"))
            .plus(self.term(F9, t.vehicles.as_ref(), "公务用车购置及运行费"))
            .plus(self.term(F9, t.reception.as_ref(), "公务接待费")),
        );
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "公开09表 公务用车购置及运行费",
                "购置费 + 运行费",
                self.term(F9, t.vehicles.as_ref(), "小计"),
            )
            .plus(self.term(F9, t.vehicle_purchase.as_ref(), "购置费"))
            .plus(self.term(F9, t.vehicle_operation.as_ref(), "运行费")),
        );
    }

    /// Between tables: 4 = 1's 财政拨款; 2 and 3 = 1 (合计 and by 类); 5, 6, 7 = 4 by fund (合计 and by 类); 3 = 2;
    /// 8 = 5's 基本支出; a unit's 1 by 人员/公用 = 8.
    fn cross(&mut self, tables: &[ClassTable<'_>]) {
        let d = self.doc;
        let (t1, t4) = (&d.table01, &d.table04);
        let equal = |v: &mut Self,
                     what: &str,
                     a: (&'static str, Option<&Money>, &str),
                     b: (&'static str, Option<&Money>, &str)| {
            let subject = v.term(a.0, a.1, a.2.to_string());
            let other = v.term(b.0, b.1, b.2.to_string());
            v.identity(
                Identity::new(Rule::CrossTable, what.to_string(), b.2.to_string(), subject)
                    .plus(other),
            );
        };
        equal(
            self,
            "公开04表 收入总计",
            (F4, m(&t4.income.total), "公开04表 收入总计"),
            (F1, m(&t1.income.fiscal), "公开01表 财政拨款收入"),
        );
        for (what, a, b) in [
            (
                "一般公共预算",
                &t4.income.general_budget,
                &t1.income.general_budget,
            ),
            (
                "政府性基金",
                &t4.income.government_fund,
                &t1.income.government_fund,
            ),
            (
                "国有资本经营预算",
                &t4.income.state_capital,
                &t1.income.state_capital,
            ),
        ] {
            equal(
                self,
                &format!("公开04表 {what}"),
                (F4, m(a), "公开04表"),
                (F1, m(b), "公开01表"),
            );
        }
        // tables: 0 = 02, 1 = 03, 2 = 05, 3 = 06, 4 = 07
        equal(
            self,
            "公开02表 合计",
            (tables[0].file, total_of(&tables[0], 0), "公开02表 合计"),
            (F1, m(&t1.income.total), "公开01表 收入总计"),
        );
        equal(
            self,
            "公开02表 合计 财政拨款收入",
            (
                tables[0].file,
                total_of(&tables[0], 1),
                "公开02表 财政拨款收入",
            ),
            (F1, m(&t1.income.fiscal), "公开01表 财政拨款收入"),
        );
        equal(
            self,
            "公开03表 合计",
            (tables[1].file, total_of(&tables[1], 0), "公开03表 合计"),
            (F1, m(&t1.expenditure.total), "公开01表 支出总计"),
        );
        for (k, fund, col) in [
            (2, "一般公共预算", 1),
            (3, "政府性基金预算", 2),
            (4, "国有资本经营预算", 3),
        ] {
            equal(
                self,
                &format!("{} 合计", tables[k].label),
                (tables[k].file, total_of(&tables[k], 0), "合计"),
                (F4, t4.expenditure.total.columns()[col], "公开04表 支出总计"),
            );
            let c4 = &t4.expenditure.classes;
            self.lines_agree(
                Side {
                    file: F4,
                    label: "公开04表",
                    column: fund,
                    lines: c4.iter().map(|l| (&l.code, l.columns()[col])).collect(),
                },
                Side {
                    file: tables[k].file,
                    label: tables[k].label,
                    column: "合计",
                    lines: classes_of(&tables[k], 0),
                },
            );
        }
        self.lines_agree(
            Side {
                file: F1,
                label: "公开01表",
                column: "预算数",
                lines: t1
                    .expenditure
                    .classes
                    .iter()
                    .map(|c| (&c.code, Some(&*c.amount)))
                    .collect(),
            },
            Side {
                file: tables[1].file,
                label: tables[1].label,
                column: "合计",
                lines: classes_of(&tables[1], 0),
            },
        );
        // 3 = 2 line by line: every line's 合计.
        self.lines_agree(
            Side {
                file: tables[0].file,
                label: tables[0].label,
                column: "合计",
                lines: tables[0]
                    .rows
                    .iter()
                    .map(|r| (r.code, r.cells[0]))
                    .collect(),
            },
            Side {
                file: tables[1].file,
                label: tables[1].label,
                column: "合计",
                lines: tables[1]
                    .rows
                    .iter()
                    .map(|r| (r.code, r.cells[0]))
                    .collect(),
            },
        );
        let t8 = &d.table08.total;
        equal(
            self,
            "公开08表 合计",
            ("table08.toml", m(&t8.total), "公开08表 合计"),
            (tables[2].file, total_of(&tables[2], 1), "公开05表 基本支出"),
        );
        let e1 = &t1.expenditure;
        equal(
            self,
            "公开01表 支出总计 人员经费",
            (F1, m(&e1.personnel), "公开01表 人员经费"),
            ("table08.toml", m(&t8.personnel), "公开08表 人员经费"),
        );
        equal(
            self,
            "公开01表 支出总计 公用经费",
            (F1, m(&e1.public), "公开01表 公用经费"),
            ("table08.toml", m(&t8.public), "公开08表 公用经费"),
        );
        equal(
            self,
            "公开01表 支出总计 项目支出",
            (F1, m(&e1.project), "公开01表 项目支出"),
            (tables[1].file, total_of(&tables[1], 2), "公开03表 项目支出"),
        );
    }

    /// 机关运行经费 (table 9, 万元) is the 公用经费 of the 行政 and 参公 units (table 8, 元): equal to it where every
    /// unit is one, within it otherwise.
    fn operating_costs(&mut self) {
        let d = self.doc;
        let (Some(costs), Some(public)) = (&d.table09.operating_costs, &d.table08.total.public)
        else {
            return;
        };
        let units = &d.overview.organization.units;
        let all_administrative =
            !units.is_empty() && units.iter().all(|u| u.kind.value != UnitKind::Public);
        let public_wan = public.wan().rounded();
        let found = costs.amount.rounded();
        let (broken, rule, relation) = if all_administrative {
            (found != public_wan, Rule::CrossTable, tr!("costs-equal"))
        } else {
            (
                found.decimal() > public_wan.decimal(),
                Rule::PartExceedsWhole,
                tr!("costs-at-most"),
            )
        };
        if !broken {
            return;
        }
        self.out.push(
            Diagnostic::new(rule, relation)
                .at(
                    self.file(F9),
                    costs.span.clone(),
                    tr!(
                        "value-is",
                        label = "机关运行经费",
                        value = format!("{}万元", found.display())
                    ),
                )
                .also(
                    self.file("table08.toml"),
                    public.span.clone(),
                    format!(
                        "公用经费 {}元 = {}万元",
                        public.amount.display(),
                        public_wan.display()
                    ),
                )
                .note(if all_administrative {
                    tr!("costs-all-administrative")
                } else {
                    tr!("costs-part")
                })
                .note(tr!(
                    "costs-note",
                    expected = public_wan.display(),
                    found = found.display()
                )),
        );
    }

    /// The figures stated beside the tables: 政府采购 adds up and keeps its shares within it, and the projects with
    /// 绩效目标 cover at most the 项目支出.
    fn stated_figures(&mut self) {
        let d = self.doc;
        let p = &d.procurement;
        let f = "procurement.toml";
        self.identity(
            Identity::new(
                Rule::SumMismatch,
                "政府采购预算",
                "货物 + 工程 + 服务",
                self.term(f, p.total.as_ref(), "政府采购预算"),
            )
            .plus(self.fixed(f, &p.goods, "货物"))
            .plus(self.fixed(f, &p.works, "工程"))
            .plus(self.fixed(f, &p.services, "服务")),
        );
        let total = p.total.clone().unwrap_or_else(|| {
            Money::synthetic(p.goods.amount + p.works.amount + p.services.amount)
        });
        let total_term = if p.total.is_some() {
            self.term(f, p.total.as_ref(), "政府采购预算")
        } else {
            None
        };
        if total_term.is_some() {
            self.bound(Bound {
                subject_text: "面向中小企业预留的政府采购预算".into(),
                relation: "政府采购预算".into(),
                parts: vec![self.term(f, p.reserved_sme.as_ref(), "面向中小企业预留")],
                whole: vec![total_term],
                why: tr!("why-reserved-sme-budget"),
            });
        }
        let _ = total;
        self.bound(Bound {
            subject_text: "预留给小型和微型企业的政府采购预算".into(),
            relation: "面向中小企业预留的预算".into(),
            parts: vec![self.term(f, p.reserved_small_micro.as_ref(), "预留给小微企业")],
            whole: vec![self.term(f, p.reserved_sme.as_ref(), "面向中小企业预留")],
            why: tr!("why-small-micro"),
        });
        // 绩效目标 cover project budgets: at most table 3's 项目支出 (in 万元).
        let t = &d.performance;
        if let Some(project) = &d.table03.total.project {
            let limit = project.wan().rounded();
            if t.amount.amount.decimal() > limit.decimal() {
                self.out.push(
                    Diagnostic::new(Rule::PartExceedsWhole, tr!("targets-over-projects"))
                        .at(
                            self.file("performance.toml"),
                            t.amount.span.clone(),
                            format!("{}万元", t.amount.amount.display()),
                        )
                        .also(
                            self.file("table03.toml"),
                            project.span.clone(),
                            format!(
                                "项目支出 {}元 = {}万元",
                                project.amount.display(),
                                limit.display()
                            ),
                        )
                        .note(tr!(
                            "at-most-found",
                            most = format!("{}万元", limit.display()),
                            found = format!("{}万元", t.amount.amount.display())
                        )),
                );
            }
        }
    }

    /// The 项 the 编制说明 explains are 项 of tables 5–7, each once, and every 项 of them is explained.
    fn items(&mut self) {
        let d = self.doc;
        let f = self.file("explanation.toml");
        let codes: Vec<&Text> = d.explanation.items.iter().map(|i| &i.code).collect();
        self.duplicates(f, "预算编制说明", "项", &codes);
        let lines: Vec<&SpendLine> = d
            .table05
            .rows
            .iter()
            .chain(&d.table06.rows)
            .chain(&d.table07.rows)
            .collect();
        for code in &codes {
            if !lines
                .iter()
                .any(|l| l.code.value == code.value && l.code.len() == 7)
            {
                self.out.push(
                    Diagnostic::new(
                        Rule::UnknownCode,
                        tr!("explains-no-item", code = &code.value),
                    )
                    .at(f, code.span.clone(), tr!("no-such-item"))
                    .given(self.file("table05.toml"))
                    .given(self.file("table06.toml"))
                    .given(self.file("table07.toml"))
                    .note(tr!("explains-no-item-note")),
                );
            }
        }
        if codes.is_empty() {
            return;
        }
        for line in lines.iter().filter(|l| l.code.len() == 7) {
            if !codes.iter().any(|c| c.value == line.code.value) {
                let file = if d.table05.rows.iter().any(|l| std::ptr::eq(l, *line)) {
                    "table05.toml"
                } else if d.table06.rows.iter().any(|l| std::ptr::eq(l, *line)) {
                    "table06.toml"
                } else {
                    "table07.toml"
                };
                self.out.push(
                    Diagnostic::new(
                        Rule::MissingBudget,
                        tr!(
                            "item-unexplained",
                            code = &line.code.value,
                            name = &line.name.value
                        ),
                    )
                    .at(
                        self.file(file),
                        line.code.span.clone(),
                        tr!("item-unexplained-label"),
                    )
                    .given(f)
                    .note(tr!("item-unexplained-note")),
                );
            }
        }
    }
}

/// 2, 3, 5, 6, 7 and 8 of a 预算 seen alike (as the 决算's classification tables are).
pub(super) fn budget_tables(d: &BudgetDocument) -> Vec<ClassTable<'_>> {
    // Every one of them has a `total` and `rows` of code, name and figure columns: one shape, stated once.
    macro_rules! class_table {
        ($file:literal, $label:literal, $table:expr, $columns:expr, $row_sum:expr) => {
            ClassTable {
                file: $file,
                label: $label,
                columns: $columns,
                fields: $table.total.fields(),
                total: $table.total.columns(),
                rows: $table
                    .rows
                    .iter()
                    .map(|r| ClassRow {
                        code: &r.code,
                        name: &r.name,
                        cells: r.columns(),
                    })
                    .collect(),
                row_sum: $row_sum,
                children: Vec::new(),
            }
        };
    }
    const SPEND: &[&str] = &["合计", "基本支出", "项目支出"];
    let mut tables = vec![
        class_table!(
            "table02.toml",
            "公开02表",
            d.table02,
            &[
                "合计",
                "财政拨款收入",
                "事业收入",
                "事业单位经营收入",
                "其他收入"
            ],
            (0, &[1, 2, 3, 4])
        ),
        class_table!("table03.toml", "公开03表", d.table03, SPEND, (0, &[1, 2])),
        class_table!("table05.toml", "公开05表", d.table05, SPEND, (0, &[1, 2])),
        class_table!("table06.toml", "公开06表", d.table06, SPEND, (0, &[1, 2])),
        class_table!("table07.toml", "公开07表", d.table07, SPEND, (0, &[1, 2])),
        class_table!(
            "table08.toml",
            "公开08表",
            d.table08,
            &["合计", "人员经费", "公用经费"],
            (0, &[1, 2])
        ),
    ];
    for t in &mut tables {
        t.children = children_of(&t.rows);
    }
    tables
}

/// A table's 合计 in one column.
fn total_of<'d>(t: &ClassTable<'d>, col: usize) -> Option<&'d Money> {
    t.total[col]
}

/// The 类 lines of a table, with one column's figures.
fn classes_of<'d>(t: &ClassTable<'d>, col: usize) -> Vec<(&'d Text, Option<&'d Money>)> {
    t.rows
        .iter()
        .filter(|r| r.code.len() == 3)
        .map(|r| (r.code, r.cells[col]))
        .collect()
}
