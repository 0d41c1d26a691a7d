//! Identities between tables and sections (表间勾稽), and the bounds a part must keep under its whole.

use super::{Bound, ClassRow, ClassTable, Identity, Validator, broken, exceeds};
use crate::diag::Diagnostic;
use crate::model::*;
use crate::money::Money;
use crate::rule::Rule;
use crate::tr;

/// The lines of one table by code, for comparing two tables line by line.
pub(super) struct Side<'d> {
    pub(super) file: &'static str,
    pub(super) label: &'static str,
    /// What the compared figure is called in this table.
    pub(super) column: &'static str,
    pub(super) lines: Vec<(&'d Text, Option<&'d Money>)>,
}

/// The economic lines of 公开06表 that are “三公” spending, and the 公开07表 决算 column each belongs to.
const THREE_PUBLIC_LINES: &[(&str, &str)] = &[
    ("30212", "因公出国（境）费"),
    ("30217", "公务接待费"),
    ("30231", "公务用车运行费"),
    ("31013", "公务用车购置费"),
];

impl Validator<'_> {
    pub(super) fn cross_tables(&mut self, tables: &[ClassTable<'_>]) {
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

        // 02 合计 row = 01 income panel.
        for (m2, what, m1) in [
            (&t2.total, "本年收入合计", &i.year_total),
            (&t2.superior_subsidy, "上级补助收入", &i.superior_subsidy),
            (&t2.business, "事业收入", &i.business),
            (&t2.operating, "经营收入", &i.operating),
            (&t2.affiliated, "附属单位上缴收入", &i.affiliated),
            (&t2.other, "其他收入", &i.other),
        ] {
            self.identity(
                Identity::new(
                    Rule::CrossTable,
                    format!("公开02表 合计 {what}"),
                    format!("公开01表 {what}"),
                    self.term(f2, m2.as_ref(), format!("02 {what}")),
                )
                .plus(self.term(f1, m1.as_ref(), format!("01 {what}"))),
            );
        }
        self.identity(
            Identity::new(
                Rule::CrossTable,
                "公开02表 合计 财政拨款收入",
                "the three 财政拨款收入 of 公开01表",
                self.term(f2, t2.fiscal.as_ref(), "02 财政拨款收入"),
            )
            .plus(self.term(f1, i.general_budget.as_ref(), "01 一般公共预算"))
            .plus(self.term(f1, i.government_fund.as_ref(), "01 政府性基金预算"))
            .plus(self.term(f1, i.state_capital.as_ref(), "01 国有资本经营预算")),
        );
        // 03 合计 = 01 本年支出合计.
        self.identity(
            Identity::new(
                Rule::CrossTable,
                "公开03表 合计 本年支出合计",
                "公开01表 本年支出合计",
                self.term(f3, d.table03.total.total.as_ref(), "03 本年支出合计"),
            )
            .plus(self.term(
                f1,
                d.table01.expenditure.year_total.as_ref(),
                "01 本年支出合计",
            )),
        );
        // 04 本年收入 by fund = 01 财政拨款收入 by fund.
        let y4 = &d.table04.income.year;
        for (m4, fund, m1) in [
            (&y4.general_budget, "一般公共预算", &i.general_budget),
            (&y4.government_fund, "政府性基金预算", &i.government_fund),
            (&y4.state_capital, "国有资本经营预算", &i.state_capital),
        ] {
            self.identity(
                Identity::new(
                    Rule::CrossTable,
                    format!("公开04表 本年收入 {fund}"),
                    format!("公开01表 {fund}财政拨款收入"),
                    self.term(f4, m4.as_ref(), format!("04 {fund}")),
                )
                .plus(self.term(f1, m1.as_ref(), format!("01 {fund}财政拨款收入"))),
            );
        }
        // 04 本年支出 by fund = the 合计 of 05, 08, 09.
        let e4 = &d.table04.expenditure.year;
        for (m4, fund, file, label, m) in [
            (
                &e4.general_budget,
                "一般公共预算",
                f5,
                "公开05表",
                &d.table05.total.total,
            ),
            (
                &e4.government_fund,
                "政府性基金预算",
                f8,
                "公开08表",
                &d.table08.total.total,
            ),
            (
                &e4.state_capital,
                "国有资本经营预算",
                f9,
                "公开09表",
                &d.table09.total.total,
            ),
        ] {
            self.identity(
                Identity::new(
                    Rule::CrossTable,
                    format!("公开04表 本年支出 {fund}"),
                    format!("{label} 合计 本年支出"),
                    self.term(f4, m4.as_ref(), format!("04 {fund}")),
                )
                .plus(self.term(file, m.as_ref(), format!("{label} 合计"))),
            );
        }
        // 04 政府性基金 column = 公开08表 合计 row: 年初结转和结余, 本年收入, 年末结转和结余.
        let t8 = &d.table08.total;
        for (m4, what, m8) in [
            (
                &d.table04.income.carryover_start.government_fund,
                "年初结转和结余",
                &t8.carryover_start,
            ),
            (
                &d.table04.income.year.government_fund,
                "本年收入",
                &t8.income,
            ),
            (
                &d.table04.expenditure.carryover_end.government_fund,
                "年末结转和结余",
                &t8.carryover_end,
            ),
        ] {
            self.identity(
                Identity::new(
                    Rule::CrossTable,
                    format!("公开08表 合计 {what}"),
                    format!("公开04表 政府性基金预算 {what}"),
                    self.term(f8, m8.as_ref(), format!("08 {what}")),
                )
                .plus(self.term(
                    f4,
                    m4.as_ref(),
                    format!("04 政府性基金预算 {what}"),
                )),
            );
        }
        // 05 基本支出 = 06 人员经费 + 公用经费.
        self.identity(
            Identity::new(
                Rule::CrossTable,
                "公开05表 合计 基本支出",
                "公开06表 人员经费合计 + 公用经费合计",
                self.term(f5, d.table05.total.basic.as_ref(), "05 基本支出"),
            )
            .plus(self.term(f6, d.table06.personnel_total.as_ref(), "06 人员经费合计"))
            .plus(self.term(f6, d.table06.public_total.as_ref(), "06 公用经费合计")),
        );
        // 07 公务接待费 = the two kinds of reception of the narrative.
        let r = &d.three_public.reception;
        self.identity(
            Identity::new(
                Rule::CrossTable,
                "公开07表 决算数 公务接待费",
                "外宾接待 + 其他国内公务接待 in three_public.toml",
                self.term(f7, d.table07.actual.reception.as_ref(), "07 公务接待费"),
            )
            .plus(self.fixed("three_public.toml", &r.foreign.amount, "外宾接待"))
            .plus(self.fixed(
                "three_public.toml",
                &r.domestic.amount,
                "其他国内公务接待",
            )),
        );

        // Line by line: 01 支出 by 类 = 03 类 lines; 04 by 类 and fund = the 类 lines of 05, 08, 09.
        let classes_of = |k: usize, col: usize| -> Vec<(&Text, Option<&Money>)> {
            tables[k]
                .rows
                .iter()
                .filter(|r| r.code.len() == 3)
                .map(|r| (r.code, r.cells[col]))
                .collect()
        };
        self.lines_agree(
            Side {
                file: f1,
                label: "公开01表",
                column: "支出",
                lines: d
                    .table01
                    .expenditure
                    .classes
                    .iter()
                    .map(|c| (&c.code, Some(&c.amount)))
                    .collect(),
            },
            Side {
                file: f3,
                label: "公开03表",
                column: "本年支出合计",
                lines: classes_of(1, 0),
            },
        );
        let c4 = &d.table04.expenditure.classes;
        for (fund, k, file, label, pick) in [
            (
                "一般公共预算",
                2,
                f5,
                "公开05表",
                (|l: &FundLine| l.general_budget.as_ref()) as fn(&FundLine) -> Option<&Money>,
            ),
            (
                "政府性基金预算",
                3,
                f8,
                "公开08表",
                |l: &FundLine| l.government_fund.as_ref(),
            ),
            (
                "国有资本经营预算",
                4,
                f9,
                "公开09表",
                |l: &FundLine| l.state_capital.as_ref(),
            ),
        ] {
            let col = tables[k].row_sum.0;
            self.lines_agree(
                Side {
                    file: f4,
                    label: "公开04表",
                    column: fund,
                    lines: c4.iter().map(|l| (&l.code, pick(l))).collect(),
                },
                Side {
                    file,
                    label,
                    column: "本年支出合计",
                    lines: classes_of(k, col),
                },
            );
        }
    }

    /// Parts that must not exceed their whole: 财政拨款 spending within all spending, 04 within 01, the 三公
    /// lines of 06 within 07, 机关运行经费 within 公用经费, and the 政府采购 shares.
    pub(super) fn bounds(&mut self, tables: &[ClassTable<'_>]) {
        let d = self.doc;
        let (t03, fiscal) = (&tables[1], [&tables[2], &tables[3], &tables[4]]);
        // Columns 本年支出合计, 基本支出, 项目支出 in 03 and in each 财政拨款 table (05, 08, 09).
        let cols03 = [0, 1, 2];
        let fiscal_cols = |t: &ClassTable<'_>| -> [usize; 3] {
            let s = t.row_sum.0;
            [s, t.row_sum.1[0], t.row_sum.1[1]]
        };
        let column_names = ["本年支出合计", "基本支出", "项目支出"];
        let relation = |what: &str, col: &str| format!("公开03表 {what} {col}");
        let fiscal_why = tr!("why-fiscal-part");
        for k in 0..3 {
            let parts = fiscal
                .iter()
                .map(|t| {
                    self.term(
                        t.file,
                        t.total[fiscal_cols(t)[k]],
                        format!("{} 合计", t.label),
                    )
                })
                .collect();
            self.bound(Bound {
                subject_text: format!("财政拨款 合计 {}", column_names[k]),
                relation: relation("合计", column_names[k]),
                parts,
                whole: vec![self.term(
                    t03.file,
                    t03.total[cols03[k]],
                    format!("03 合计 {}", column_names[k]),
                )],
                why: fiscal_why.clone(),
            });
        }
        let mut codes: Vec<&Text> = Vec::new();
        for t in fiscal {
            for r in &t.rows {
                if !codes.iter().any(|c| c.value == r.code.value) {
                    codes.push(r.code);
                }
            }
        }
        for code in codes {
            let lines: Vec<(&ClassTable<'_>, &ClassRow<'_>)> = fiscal
                .iter()
                .filter_map(|t| t.row(code).map(|r| (*t, r)))
                .collect();
            let Some(row03) = t03.row(code) else {
                if !t03.rows.is_empty()
                    && let Some((t, r)) = lines
                        .iter()
                        .find(|(t, r)| r.cells[t.row_sum.0].is_some_and(|m| !m.is_zero()))
                {
                    let m = r.cells[t.row_sum.0];
                    self.missing_line(
                        &Side {
                            file: t.file,
                            label: t.label,
                            column: "本年支出",
                            lines: vec![(r.code, m)],
                        },
                        r.code,
                        m,
                        &Side {
                            file: t03.file,
                            label: t03.label,
                            column: "本年支出合计",
                            lines: Vec::new(),
                        },
                    );
                }
                continue;
            };
            let labels: Vec<&str> = lines.iter().map(|(t, _)| t.label).collect();
            for k in 0..3 {
                let stated = lines.iter().map(|(t, r)| r.cells[fiscal_cols(t)[k]]);
                if !exceeds(stated, row03.cells[cols03[k]]) {
                    continue;
                }
                let parts = lines
                    .iter()
                    .map(|(t, r)| {
                        self.term(
                            t.file,
                            r.cells[fiscal_cols(t)[k]],
                            format!("{} {}", t.label, column_names[k]),
                        )
                    })
                    .collect();
                self.bound(Bound {
                    subject_text: format!(
                        "{} {} {}",
                        labels.join(" + "),
                        code.value,
                        column_names[k]
                    ),
                    relation: relation(
                        &format!("{} {}", code.value, row03.name.value),
                        column_names[k],
                    ),
                    parts,
                    whole: vec![self.term(
                        t03.file,
                        row03.cells[cols03[k]],
                        format!("03 {}", column_names[k]),
                    )],
                    why: fiscal_why.clone(),
                });
            }
        }

        // 财政拨款 结转和结余 (04) within the unit's 结转和结余 (01).
        let (f1, f4) = ("table01.toml", "table04.toml");
        for (m4, m1, what) in [
            (
                &d.table04.income.carryover_start.total,
                &d.table01.income.carryover_start,
                "年初结转和结余",
            ),
            (
                &d.table04.expenditure.carryover_end.total,
                &d.table01.expenditure.carryover_end,
                "年末结转和结余",
            ),
        ] {
            self.bound(Bound {
                subject_text: format!("公开04表 财政拨款{what}"),
                relation: format!("公开01表 {what}"),
                parts: vec![self.term(f4, m4.as_ref(), format!("04 {what}"))],
                whole: vec![self.term(f1, m1.as_ref(), format!("01 {what}"))],
                why: tr!("why-table04-part"),
            });
        }

        // The 三公 lines of 06 (basic spending only) within the 07 决算数 (basic and project spending).
        let (f6, f7) = ("table06.toml", "table07.toml");
        let a = &d.table07.actual;
        for (code, what) in THREE_PUBLIC_LINES {
            let figure07 = match *code {
                "30212" => a.overseas.as_ref(),
                "30217" => a.reception.as_ref(),
                "30231" => a.vehicle_operation.as_ref(),
                _ => a.vehicle_purchase.as_ref(),
            };
            let t6 = &d.table06;
            let Some(line) = t6
                .personnel
                .iter()
                .chain(&t6.public)
                .find(|l| l.code.value == *code)
            else {
                continue;
            };
            self.bound(Bound {
                subject_text: format!("公开06表 {code} {}", line.name.value),
                relation: format!("公开07表 决算数 {what}"),
                parts: vec![self.term(f6, line.amount.as_ref(), format!("06 {code}"))],
                whole: vec![self.term(f7, figure07, format!("07 {what}"))],
                why: tr!("why-table06-basic"),
            });
        }

        // 机关运行经费 is the 公用经费 of basic spending (行政单位 and 参公 units).
        self.bound(Bound {
            subject_text: "机关运行经费 决算".to_string(),
            relation: "公开06表 公用经费合计".to_string(),
            parts: vec![self.fixed(
                "operating_costs.toml",
                &d.operating_costs.actual,
                "机关运行经费",
            )],
            whole: vec![self.term(f6, d.table06.public_total.as_ref(), "06 公用经费合计")],
            why: tr!("why-operating-costs"),
        });

        // 政府采购: contracts to SMEs within the total, to small and micro firms within those.
        let p = &d.procurement;
        let fp = "procurement.toml";
        self.bound(Bound {
            subject_text: "授予中小企业合同金额".to_string(),
            relation: "政府采购支出总额 (货物 + 工程 + 服务)".to_string(),
            parts: vec![self.term(fp, p.sme.as_ref(), "中小企业")],
            whole: vec![
                self.fixed(fp, &p.goods, "货物"),
                self.fixed(fp, &p.works, "工程"),
                self.fixed(fp, &p.services, "服务"),
            ],
            why: tr!("why-sme-part"),
        });
        self.bound(Bound {
            subject_text: "授予小微企业合同金额".to_string(),
            relation: "授予中小企业合同金额".to_string(),
            parts: vec![self.term(fp, p.small_micro.as_ref(), "小微企业")],
            whole: vec![self.term(fp, p.sme.as_ref(), "中小企业")],
            why: tr!("why-small-micro-sme"),
        });
        // The amounts reserved for and awarded to 中小企业 (the Shanghai form's wording).
        for (part, part_what, whole, whole_what, why) in [
            (
                &p.reserved_small_micro,
                "面向小微企业预留金额",
                &p.reserved_sme,
                "面向中小企业预留金额",
                tr!("why-reserved-small-micro"),
            ),
            (
                &p.reserved_sme_awarded,
                "预留项目中由中小企业中标或成交的金额",
                &p.reserved_sme,
                "面向中小企业预留金额",
                tr!("why-awarded-reserved"),
            ),
            (
                &p.reserved_small_micro_awarded,
                "预留项目中由小微企业中标或成交的金额",
                &p.reserved_small_micro,
                "面向小微企业预留金额",
                tr!("why-awarded-reserved"),
            ),
        ] {
            self.bound(Bound {
                subject_text: part_what.to_string(),
                relation: whole_what.to_string(),
                parts: vec![self.term(fp, part.as_ref(), part_what)],
                whole: vec![self.term(fp, whole.as_ref(), whole_what)],
                why,
            });
        }
        self.bound(Bound {
            subject_text: "由中小企业中标或成交的采购金额".to_string(),
            relation: "政府采购金额 (货物 + 工程 + 服务)".to_string(),
            parts: vec![
                self.term(fp, p.reserved_sme_awarded.as_ref(), "预留项目中"),
                self.term(fp, p.other_sme_awarded.as_ref(), "其他项目中"),
            ],
            whole: vec![
                self.fixed(fp, &p.goods, "货物"),
                self.fixed(fp, &p.works, "工程"),
                self.fixed(fp, &p.services, "服务"),
            ],
            why: tr!("why-sme-part"),
        });
    }
}

/// The checks of classification tables, the same for every kind of document.
impl<D> Validator<'_, D> {
    /// Two tables' lines by code: equal where both list a code; a non-zero line on one side needs its counterpart
    /// on the other, when the other lists lines at all (a table given by its 合计 row only has none to compare).
    pub(super) fn lines_agree(&mut self, a: Side<'_>, b: Side<'_>) {
        if a.lines.is_empty() || b.lines.is_empty() {
            return;
        }
        for (code, m) in &a.lines {
            match b.lines.iter().find(|(c, _)| c.value == code.value) {
                Some((_, other)) if !broken(*m, [*other]) => {}
                Some((_, other)) => self.identity(
                    Identity::new(
                        Rule::CrossTable,
                        format!("{} {} {}", a.label, code.value, a.column),
                        format!("{} {} {}", b.label, code.value, b.column),
                        self.term(a.file, *m, format!("{} {}", a.label, a.column)),
                    )
                    .plus(self.term(
                        b.file,
                        *other,
                        format!("{} {}", b.label, b.column),
                    )),
                ),
                None => self.missing_line(&a, code, *m, &b),
            }
        }
        for (code, m) in &b.lines {
            if !a.lines.iter().any(|(c, _)| c.value == code.value) {
                self.missing_line(&b, code, *m, &a);
            }
        }
    }

    /// A line with money in `here` and no line in `there`.
    pub(super) fn missing_line(
        &mut self,
        here: &Side<'_>,
        code: &Text,
        m: Option<&Money>,
        there: &Side<'_>,
    ) {
        let Some(m) = m.filter(|m| !m.is_zero()) else {
            return;
        };
        self.out.push(
            Diagnostic::new(
                Rule::CrossTable,
                tr!(
                    "lists-but",
                    here = here.label,
                    code = &code.value,
                    there = there.label
                ),
            )
            .at(
                self.file(here.file),
                code.span.clone(),
                tr!(
                    "value-is",
                    label = format!("{} {}", here.column, code.value),
                    value = m.display()
                ),
            )
            .note(tr!(
                "lists-but-note",
                code = &code.value,
                file = there.file,
                column = there.column,
                value = m.display()
            )),
        );
    }
}
