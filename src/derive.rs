//! The narrative's figures and wording, computed from the tables and the explanation data.
//!
//! Every number in a sentence is computed here from exact figures and formatted once; the wording follows the
//! numbers (增加/减少/持平, 增长/下降, 新增 on a zero base, "无…故无相关数据" for an empty fund). The result is a
//! [`Report`]: plain strings and rows that the Typst templates only lay out.

mod tables;

pub use tables::{TableRow, TableView};

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::*;
use crate::money::{Amount, Money, Points, Rate, Trend};
use crate::profile::Profile;

/// Everything the templates print, in reading order.
#[derive(Debug, Serialize)]
pub struct Report {
    pub meta: Meta,
    /// The narrative (parts 一 to 四, with the self-evaluation forms where they stand).
    pub blocks: Vec<Block>,
    /// The nine 公开表 (附表).
    pub tables: Vec<TableView>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    /// The title line: <单位全称><年度>年度单位决算.
    pub title: String,
    pub unit: String,
    pub year: i32,
    /// 单位 or 部门.
    pub kind: String,
    /// Publication date, YYYY-MM-DD.
    pub date: String,
    pub date_parts: [u32; 3],
    pub subject: String,
    pub keywords: Vec<String>,
    /// The family that draws each style (the embedded Fandol fonts unless official ones were added):
    /// `crate::prepare` sets it from the fonts the engine has and `[fonts]` in document.toml.
    pub fonts: crate::fonts::StyleMap,
}

/// One block of the narrative.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// 一、 (1), （一） (2), 1. (3).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// A 项目绩效自评表.
    SelfEvaluation(Box<SelfEvaluationForm>),
    /// A bar chart, drawn only when document.toml says `charts = true`.
    Chart(Chart),
}

/// A horizontal bar chart: every label, figure and bar length is computed here; Typst only draws.
#[derive(Debug, Serialize)]
pub struct Chart {
    /// 图1 收入支出与上年对比
    pub title: String,
    /// Legend of the series (one entry: a single series; two: this year and last year).
    pub series: Vec<String>,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Serialize)]
pub struct Bar {
    pub label: String,
    /// One value per series: the printed figure and the bar's length as a fraction of the longest bar.
    pub values: Vec<BarValue>,
}

#[derive(Debug, Serialize)]
pub struct BarValue {
    pub text: String,
    /// Drawing only (0–1): never read back as money.
    pub length: f64,
}

/// Bars for (label, amount) pairs of one series, with each amount's share of `whole` printed beside it.
fn share_chart(title: String, whole: Amount, items: &[(String, Amount)]) -> Chart {
    let items: Vec<&(String, Amount)> = items.iter().filter(|(_, a)| !a.is_zero()).collect();
    let longest = items.iter().map(|(_, a)| *a).max().unwrap_or(Amount::ZERO);
    let bars = items
        .iter()
        .map(|(label, a)| {
            let share = a
                .share_of(whole)
                .map(|r| format!("（{}）", r.display()))
                .unwrap_or_default();
            Bar {
                label: label.clone(),
                values: vec![BarValue {
                    text: format!("{}{share}", wan(*a)),
                    length: length(*a, longest),
                }],
            }
        })
        .collect();
    Chart {
        title,
        series: Vec::new(),
        bars,
    }
}

/// A bar's length relative to the longest bar, for drawing.
fn length(a: Amount, longest: Amount) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    if longest.is_zero() || a.decimal().is_sign_negative() {
        return 0.0;
    }
    (a.decimal() / longest.decimal())
        .to_f64()
        .unwrap_or(0.0)
        .clamp(0.0, 1.0)
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn para(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

/// `1,061.38万元`
fn wan(a: Amount) -> String {
    format!("{}万元", a.display())
}

fn get(m: Option<&Money>) -> Amount {
    m.map_or(Amount::ZERO, |m| m.amount)
}

fn text(t: &Option<Text>) -> Option<&str> {
    t.as_ref()
        .map(|t| t.value.as_str())
        .filter(|s| !s.trim().is_empty())
}

/// "，主要原因是X" or nothing.
fn because(reason: Option<&str>) -> String {
    reason
        .map(|r| format!("，主要原因是{r}"))
        .unwrap_or_default()
}

/// "占12.34%" of a whole; nothing when the whole is zero (no share can be stated).
fn share(part: Amount, whole: Amount, prefix: &str) -> Option<String> {
    part.share_of(whole)
        .map(|r| format!("{prefix}{}", r.display()))
}

/// The change on last year as a clause after its subject: "增加349.70万元，增长49.14%", "减少…，下降…",
/// "新增X万元" (last year zero), "持平".
pub fn change(current: Amount, previous: Amount) -> String {
    // Compare the figures as printed: 1.004 against 1 reads 1.00 against 1.00, which is no change.
    let (current, previous) = (current.rounded(), previous.rounded());
    let diff = (current - previous).abs();
    match Trend::of(current, previous) {
        Trend::Flat => "持平".to_string(),
        Trend::Up if previous.is_zero() => format!("新增{}", wan(current)),
        Trend::Up => format!("增加{}，增长{}", wan(diff), rate(diff, previous)),
        Trend::Down => format!("减少{}，下降{}", wan(diff), rate(diff, previous)),
    }
}

fn rate(part: Amount, whole: Amount) -> String {
    part.share_of(whole).map(Rate::display).unwrap_or_default()
}

/// "与2019年度相比，减少0.40万元，下降63.49%" or "与2019年度持平".
pub fn versus(previous_year: &str, current: Amount, previous: Amount) -> String {
    match Trend::of(current.rounded(), previous.rounded()) {
        Trend::Flat => format!("与{previous_year}持平"),
        _ => format!("与{previous_year}相比，{}", change(current, previous)),
    }
}

/// "大于" / "小于" / "等于": how the 决算 compares with the 预算.
pub fn compared(actual: Amount, budget: Amount) -> &'static str {
    match Trend::of(actual.rounded(), budget.rounded()) {
        Trend::Up => "大于",
        Trend::Down => "小于",
        Trend::Flat => "等于",
    }
}

/// "，完成年初预算的111.57%" or nothing when there was no budget.
fn completion(actual: Amount, budget: Amount, what: &str) -> String {
    share(actual, budget, &format!("，完成{what}的")).unwrap_or_default()
}

/// A 类 name without its trailing 支出, as the structure sentences print it: 教育支出 → 教育.
fn class_stem(name: &str) -> &str {
    name.strip_suffix("支出").unwrap_or(name)
}

/// Names of classification lines by code, as the tables print them.
struct Names<'a> {
    by_code: HashMap<&'a str, &'a str>,
    profile: &'a Profile,
}

impl<'a> Names<'a> {
    fn new(profile: &'a Profile, lines: impl Iterator<Item = (&'a Text, &'a Text)>) -> Self {
        let by_code = lines
            .map(|(c, n)| (c.value.as_str(), n.value.as_str()))
            .collect();
        Names { by_code, profile }
    }

    fn name(&self, code: &str) -> String {
        self.by_code
            .get(code)
            .copied()
            .or_else(|| self.profile.class_name(code))
            .unwrap_or(code)
            .to_string()
    }

    /// 社会保障和就业支出（类）人力资源和社会保障管理事务（款）信息化建设（项）
    fn path(&self, code: &str) -> String {
        match code.len() {
            7 => format!(
                "{}（类）{}（款）{}（项）",
                self.name(&code[..3]),
                self.name(&code[..5]),
                self.name(code)
            ),
            5 => format!("{}（类）{}（款）", self.name(&code[..3]), self.name(code)),
            _ => format!("{}（类）", self.name(code)),
        }
    }
}

/// Derives the whole report from a loaded document.
pub fn derive(doc: &Document, profile: &Profile) -> Report {
    let info = &doc.document;
    let year = *info.year;
    let kind = info.kind.word();
    let meta = Meta {
        title: format!("{}{}年度{}决算", info.unit.value, year, kind),
        unit: info.unit.value.clone(),
        year,
        kind: kind.to_string(),
        date: info.published.to_string(),
        date_parts: info
            .published
            .date
            .map(|d| [u32::from(d.year), u32::from(d.month), u32::from(d.day)])
            .unwrap_or([u32::try_from(year + 1).unwrap_or(2000), 1, 1]),
        subject: format!("{}年度{}决算公开", year, kind),
        keywords: vec![
            format!("{year}年度"),
            format!("{kind}决算"),
            "决算公开".to_string(),
            info.unit.value.clone(),
        ],
        fonts: crate::fonts::StyleMap::default(),
    };
    let ctx = Ctx {
        charts: std::cell::Cell::new(0),
        doc,
        profile,
        year,
        kind,
        prev: format!("{}年度", year - 1),
    };
    let mut blocks = Vec::new();
    ctx.overview(&mut blocks);
    blocks.push(heading(1, Profile::fill(&profile.parts.tables, year)));
    blocks.push(para("详见附表。"));
    blocks.push(heading(1, Profile::fill(&profile.parts.explanation, year)));
    ctx.explanation(&mut blocks);
    ctx.glossary(&mut blocks);
    let tables = tables::tables(doc, profile);
    Report {
        meta,
        blocks,
        tables,
    }
}

struct Ctx<'a> {
    /// Charts drawn so far (figures are numbered 图1, 图2, … in reading order).
    charts: std::cell::Cell<usize>,
    doc: &'a Document,
    profile: &'a Profile,
    year: i32,
    kind: &'static str,
    /// "2019年度"
    prev: String,
}

impl Ctx<'_> {
    /// Adds a chart if the document asks for charts, numbering it.
    fn chart(&self, out: &mut Vec<Block>, title: &str, make: impl FnOnce(String) -> Chart) {
        if self.doc.document.charts {
            let n = self.charts.get() + 1;
            self.charts.set(n);
            out.push(Block::Chart(make(format!("图{n}　{title}"))));
        }
    }

    fn section_heading(&self, out: &mut Vec<Block>, index: usize) {
        if let Some(h) = self.profile.explanation_sections.get(index) {
            out.push(heading(2, h.clone()));
        }
    }

    fn overview(&self, out: &mut Vec<Block>) {
        let o = &self.doc.overview;
        out.push(heading(1, self.profile.parts.overview.clone()));
        out.push(heading(2, self.profile.parts.duties.clone()));
        for (i, duty) in o.duties.iter().enumerate() {
            out.push(para(format!("{}.{}", i + 1, sentence(&duty.value))));
        }
        out.push(heading(2, self.profile.parts.divisions.clone()));
        let divisions: Vec<&str> = o.divisions.iter().map(|d| d.value.as_str()).collect();
        if divisions.is_empty() {
            out.push(para(format!("本{}未设内设机构。", self.kind)));
        } else {
            out.push(para(format!(
                "从预算单位构成看，本{}内设：{}。",
                self.kind,
                divisions.join("、")
            )));
        }
    }

    fn explanation(&self, out: &mut Vec<Block>) {
        self.overall(out);
        self.income(out);
        self.expenditure(out);
        self.fiscal(out);
        self.general_budget(out);
        self.basic(out);
        self.fund(out, FundKind::GovernmentFund);
        self.fund(out, FundKind::StateCapital);
        self.three_public(out);
        self.operating_costs(out);
        self.procurement(out);
        self.assets(out);
        self.performance(out);
    }

    /// （一）收入支出决算总体情况说明
    fn overall(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 0);
        let t = &self.doc.table01;
        let e = &self.doc.explanation.overall;
        let income = get(t.income.grand_total.as_ref());
        let spent = get(t.expenditure.grand_total.as_ref());
        let mut s = format!(
            "{}年度收入总计{}，支出总计{}",
            self.year,
            wan(income),
            wan(spent)
        );
        match (&e.previous_income, &e.previous_expenditure) {
            (Some(pi), Some(pe)) => {
                s += &format!(
                    "，与{}相比，收入{}，支出{}。",
                    self.prev,
                    change(income, **pi),
                    change(spent, **pe)
                );
            }
            (Some(pi), None) => {
                s += &format!("，与{}相比，收入{}。", self.prev, change(income, **pi))
            }
            (None, Some(pe)) => {
                s += &format!("，与{}相比，支出{}。", self.prev, change(spent, **pe))
            }
            (None, None) => s.push('。'),
        }
        if let Some(r) = text(&e.reason) {
            s += &format!("主要原因是：{}", sentence(r));
        }
        out.push(para(s));
        if let (Some(pi), Some(pe)) = (&e.previous_income, &e.previous_expenditure) {
            let (year, prev) = (format!("{}年度", self.year), self.prev.clone());
            self.chart(out, "收入支出总计与上年对比", |title| {
                let longest = [income, spent, **pi, **pe]
                    .into_iter()
                    .max()
                    .unwrap_or(Amount::ZERO);
                let pair = |label: &str, now: Amount, before: Amount| Bar {
                    label: label.to_string(),
                    values: vec![
                        BarValue {
                            text: wan(now),
                            length: length(now, longest),
                        },
                        BarValue {
                            text: wan(before),
                            length: length(before, longest),
                        },
                    ],
                };
                Chart {
                    title,
                    series: vec![year, prev],
                    bars: vec![
                        pair("收入总计", income, **pi),
                        pair("支出总计", spent, **pe),
                    ],
                }
            });
        }
    }

    /// （二）收入决算情况说明
    fn income(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 1);
        let i = &self.doc.table01.income;
        let total = get(i.year_total.as_ref());
        let gb = get(i.general_budget.as_ref());
        let gf = get(i.government_fund.as_ref());
        let sc = get(i.state_capital.as_ref());
        let fiscal = gb + gf + sc;
        let of = |a: Amount| share(a, total, "，占收入合计").unwrap_or_default();
        let mut parts = vec![format!(
            "包括财政拨款收入{}（其中，一般公共预算{}，政府性基金预算{}，国有资本经营预算{}）{}",
            wan(fiscal),
            wan(gb),
            wan(gf),
            wan(sc),
            of(fiscal)
        )];
        for (label, m) in [
            ("上级补助收入", &i.superior_subsidy),
            ("事业收入", &i.business),
            ("经营收入", &i.operating),
            ("附属单位上缴收入", &i.affiliated),
            ("其他收入", &i.other),
        ] {
            let a = get(m.as_ref());
            parts.push(format!("{label}{}{}", wan(a), of(a)));
        }
        out.push(para(format!(
            "本年收入合计{}；{}。",
            wan(total),
            parts.join("；")
        )));
        self.chart(out, "收入结构", |title| {
            let items = [
                ("财政拨款收入", fiscal),
                ("上级补助收入", get(i.superior_subsidy.as_ref())),
                ("事业收入", get(i.business.as_ref())),
                ("经营收入", get(i.operating.as_ref())),
                ("附属单位上缴收入", get(i.affiliated.as_ref())),
                ("其他收入", get(i.other.as_ref())),
            ];
            share_chart(title, total, &items.map(|(l, a)| (l.to_string(), a)))
        });
    }

    /// （三）支出决算情况说明
    fn expenditure(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 2);
        let t = &self.doc.table03.total;
        let total = get(t.total.as_ref());
        let parts: Vec<String> = [
            ("基本支出", &t.basic),
            ("项目支出", &t.project),
            ("上缴上级支出", &t.to_superior),
            ("经营支出", &t.operating),
            ("对附属单位补助支出", &t.to_affiliated),
        ]
        .into_iter()
        .map(|(label, m)| {
            let a = get(m.as_ref());
            format!(
                "{label}{}{}",
                wan(a),
                share(a, total, "，占").unwrap_or_default()
            )
        })
        .collect();
        out.push(para(format!(
            "本年支出合计{}，其中{}。",
            wan(total),
            parts.join("；")
        )));
        self.chart(out, "支出结构", |title| {
            let items = [
                ("基本支出", &t.basic),
                ("项目支出", &t.project),
                ("上缴上级支出", &t.to_superior),
                ("经营支出", &t.operating),
                ("对附属单位补助支出", &t.to_affiliated),
            ];
            share_chart(
                title,
                total,
                &items.map(|(l, m)| (l.to_string(), get(m.as_ref()))),
            )
        });
    }

    /// The year-start budget of all 财政拨款: the 一般公共预算 items plus the two funds' budgets.
    fn fiscal_budget(&self) -> Amount {
        let e = &self.doc.explanation;
        let items: Amount = e.general_budget.items.iter().map(|i| i.budget.amount).sum();
        let funds = [&e.government_fund, &e.state_capital]
            .into_iter()
            .flatten()
            .map(|f| get(f.budget.as_ref()))
            .sum::<Amount>();
        items + funds
    }

    /// （四）财政拨款收入支出决算总体情况说明
    fn fiscal(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 3);
        let t = &self.doc.table04;
        let e = &self.doc.explanation.fiscal;
        let income = get(t.income.grand_total.as_ref());
        let spent = get(t.expenditure.grand_total.total.as_ref());
        let prev_year = format!("{}年", self.year - 1);
        let mut s = format!("{}年度财政拨款收入总计{}", self.year, wan(income));
        if let Some(p) = &e.previous_income {
            s += &format!(
                "，{}",
                with_subject("收入", &versus(&prev_year, income, **p))
            );
        }
        s += &reason_sentence(text(&e.income_reason));
        s += &format!("支出总计{}", wan(spent));
        if let Some(p) = &e.previous_expenditure {
            s += &format!("，{}", with_subject("支出", &change_or_flat(spent, **p)));
        }
        s += &reason_sentence(text(&e.expenditure_reason));
        let budget = self.fiscal_budget();
        let year_spent = get(t.expenditure.year.total.as_ref());
        s += &format!(
            "财政拨款支出年初预算数{}{}",
            wan(budget),
            completion(year_spent, budget, "年初预算")
        );
        s += &because(text(&e.budget_reason));
        s.push('。');
        out.push(para(s));
    }

    /// （五）一般公共预算财政拨款支出决算情况说明
    fn general_budget(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 4);
        let t = &self.doc.table05;
        let e = &self.doc.explanation.general_budget;
        let total = get(t.total.total.as_ref());
        let all_spending = get(self.doc.table03.total.total.as_ref());
        let names = Names::new(self.profile, t.rows.iter().map(|r| (&r.code, &r.name)));

        out.push(heading(3, "1.一般公共预算财政拨款支出决算总体情况。"));
        let mut s = format!("{}年度一般公共预算财政拨款支出{}", self.year, wan(total));
        s += &share(total, all_spending, "，占本年支出合计的").unwrap_or_default();
        s.push('。');
        if let Some(p) = &e.previous_expenditure {
            let prev_year = format!("{}年", self.year - 1);
            s += &format!(
                "{}。",
                versus_subject(&prev_year, "一般公共预算财政拨款支出", total, **p)
            );
        }
        if let Some(r) = text(&e.change_reason) {
            s += &format!("主要原因是：{}", sentence(r));
        }
        out.push(para(s));

        out.push(heading(3, "2.一般公共预算财政拨款支出决算结构情况。"));
        let by_class: Vec<(String, Amount)> = structure_classes(
            &self.profile.general_budget_structure,
            t.rows
                .iter()
                .map(|r| (r.code.value.as_str(), get(r.total.as_ref()))),
        );
        out.push(para(self.structure_sentence(
            "一般公共预算财政拨款支出",
            total,
            &by_class,
            &names,
        )));
        self.chart(
            out,
            "一般公共预算财政拨款支出结构（按功能分类“类”级科目）",
            |title| {
                let items: Vec<(String, Amount)> = by_class
                    .iter()
                    .map(|(code, a)| (class_stem(&names.name(code)).to_string(), *a))
                    .collect();
                share_chart(title, total, &items)
            },
        );

        out.push(heading(3, "3.一般公共预算财政拨款支出决算具体情况。"));
        let budget: Amount = e.items.iter().map(|i| i.budget.amount).sum();
        let mut s = format!(
            "{}年度一般公共预算财政拨款支出年初预算为{}，支出决算为{}{}。",
            self.year,
            wan(budget),
            wan(total),
            completion(total, budget, "年初预算")
        );
        if let Some(r) = text(&e.budget_reason) {
            s += &format!("主要原因是{r}");
        }
        let items: Vec<&SpendLine> = t.rows.iter().filter(|r| r.code.len() == 7).collect();
        if !items.is_empty() {
            s += if text(&e.budget_reason).is_some() {
                "，其中："
            } else {
                "其中："
            };
        } else if text(&e.budget_reason).is_some() {
            s.push('。');
        }
        out.push(para(s));
        for row in items {
            let actual = get(row.total.as_ref());
            let planned = e.items.iter().find(|i| i.code.value == row.code.value);
            let mut s = format!("{}。", names.path(&row.code));
            match planned {
                Some(p) => {
                    s += &format!(
                        "年初预算为{}，支出决算为{}{}",
                        wan(p.budget.amount),
                        wan(actual),
                        completion(actual, p.budget.amount, "年初预算")
                    );
                    match text(&p.reason) {
                        Some(r) => {
                            s += &format!(
                                "，决算数{}预算数的主要原因是{}",
                                compared(actual, p.budget.amount),
                                sentence(r)
                            )
                        }
                        None => s.push('。'),
                    }
                }
                None => s += &format!("支出决算为{}。", wan(actual)),
            }
            out.push(para(s));
        }
    }

    fn structure_sentence(
        &self,
        what: &str,
        total: Amount,
        classes: &[(String, Amount)],
        names: &Names,
    ) -> String {
        let parts: Vec<String> = classes
            .iter()
            .map(|(code, a)| {
                format!(
                    "{}（类）支出{}{}",
                    class_stem(&names.name(code)),
                    wan(*a),
                    share(*a, total, "，占").unwrap_or_default()
                )
            })
            .collect();
        format!(
            "{}年度{what}{}，主要用于以下方面：{}。",
            self.year,
            wan(total),
            parts.join("；")
        )
    }

    /// （六）一般公共预算财政拨款基本支出决算情况说明
    fn basic(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 5);
        let t = &self.doc.table06;
        let basic = get(self.doc.table05.total.basic.as_ref());
        out.push(para(format!(
            "{}年度一般公共预算财政拨款基本支出{}，其中：",
            self.year,
            wan(basic)
        )));
        for (label, total, lines) in [
            ("人员经费", &t.personnel_total, &t.personnel),
            ("公用经费", &t.public_total, &t.public),
        ] {
            let items: Vec<&str> = lines
                .iter()
                .filter(|l| l.code.len() == 5 && l.amount.as_ref().is_none_or(|a| !a.is_zero()))
                .map(|l| l.name.value.as_str())
                .collect();
            let mut s = format!("{label}{}", wan(get(total.as_ref())));
            if !items.is_empty() {
                s += &format!("，主要包括：{}", items.join("、"));
            }
            s.push('。');
            out.push(para(s));
        }
    }

    /// （七）and（八）: 政府性基金 and 国有资本经营 money, or the plain statement that there was none.
    fn fund(&self, out: &mut Vec<Block>, kind: FundKind) {
        let (index, label, explanation, structure) = match kind {
            FundKind::GovernmentFund => (
                6,
                "政府性基金预算财政拨款",
                &self.doc.explanation.government_fund,
                &self.profile.government_fund_structure,
            ),
            FundKind::StateCapital => (
                7,
                "国有资本经营预算财政拨款",
                &self.doc.explanation.state_capital,
                &self.profile.state_capital_structure,
            ),
        };
        self.section_heading(out, index);
        let (total, rows): (Amount, Vec<(&Text, &Text, Amount)>) = match kind {
            FundKind::GovernmentFund => {
                let t = &self.doc.table08;
                (
                    get(t.total.total.as_ref()),
                    t.rows
                        .iter()
                        .map(|r| (&r.code, &r.name, get(r.total.as_ref())))
                        .collect(),
                )
            }
            FundKind::StateCapital => {
                let t = &self.doc.table09;
                (
                    get(t.total.total.as_ref()),
                    t.rows
                        .iter()
                        .map(|r| (&r.code, &r.name, get(r.total.as_ref())))
                        .collect(),
                )
            }
        };
        if fund_is_empty(self.doc, kind) {
            out.push(para(format!(
                "本{}{}年度无{label}收支安排，故无相关数据。",
                self.kind, self.year
            )));
            return;
        }
        let all_spending = get(self.doc.table03.total.total.as_ref());
        let names = Names::new(self.profile, rows.iter().map(|(c, n, _)| (*c, *n)));
        let what = format!("{label}支出");

        out.push(heading(3, format!("1.{what}决算总体情况。")));
        let mut s = format!("{}年度{what}{}", self.year, wan(total));
        s += &share(total, all_spending, "，占本年支出合计的").unwrap_or_default();
        s.push('。');
        if let Some(p) = explanation
            .as_ref()
            .and_then(|e| e.previous_expenditure.as_ref())
        {
            let prev_year = format!("{}年", self.year - 1);
            s += &versus_subject(&prev_year, &what, total, **p);
            s += &reason_sentence(explanation.as_ref().and_then(|e| text(&e.change_reason)));
        }
        out.push(para(s));

        out.push(heading(3, format!("2.{what}决算结构情况。")));
        let classes = structure_classes(
            structure,
            rows.iter().map(|(c, _, a)| (c.value.as_str(), *a)),
        );
        out.push(para(
            self.structure_sentence(&what, total, &classes, &names),
        ));

        out.push(heading(3, format!("3.{what}决算具体情况。")));
        let budget = explanation
            .as_ref()
            .and_then(|e| e.budget.as_ref())
            .map_or(Amount::ZERO, |b| b.amount);
        let mut s = format!(
            "{}年度{what}年初预算为{}，支出决算为{}{}",
            self.year,
            wan(budget),
            wan(total),
            completion(total, budget, "年初预算")
        );
        s += &because(explanation.as_ref().and_then(|e| text(&e.budget_reason)));
        s.push('。');
        out.push(para(s));
    }

    /// （九）“三公”经费
    fn three_public(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 8);
        let t = &self.doc.table07;
        let d = &self.doc.three_public;
        let (b, a) = (&t.budget, &t.actual);
        let total_b = get(b.total.as_ref());
        let total_a = get(a.total.as_ref());
        let y = self.year;

        out.push(heading(
            3,
            "1.“三公”经费一般公共预算财政拨款支出决算总体情况说明。",
        ));
        let mut s = format!(
            "{y}年度“三公”经费一般公共预算财政拨款支出预算为{}，支出决算为{}{}",
            wan(total_b),
            wan(total_a),
            completion(total_a, total_b, "预算")
        );
        if let Some(r) = text(&d.budget_reason) {
            s += &format!(
                "，{y}年度“三公”经费支出决算数{}预算数的主要原因是{r}",
                compared(total_a, total_b)
            );
        }
        s.push('。');
        out.push(para(s));

        out.push(heading(
            3,
            "2.“三公”经费一般公共预算财政拨款支出决算具体情况说明。",
        ));
        let overseas = get(a.overseas.as_ref());
        let vehicles = get(a.vehicles.as_ref());
        let reception = get(a.reception.as_ref());
        let part =
            |label: &str, amount: Amount, previous: &Option<Money>, reason: &Option<Text>| {
                let mut s = format!("{label}支出决算为{}", wan(amount));
                s += &share(amount, total_a, "，占").unwrap_or_default();
                if let Some(p) = previous {
                    s += &format!("，{}", versus(&self.prev, amount, **p));
                }
                s + &because(text(reason))
            };
        out.push(para(format!(
            "{y}年度“三公”经费一般公共预算财政拨款支出决算中，{}；{}；{}。具体情况如下：",
            part(
                "因公出国（境）费用",
                overseas,
                &d.overseas.previous,
                &d.overseas.change_reason
            ),
            part(
                "公务用车购置及运行维护费",
                vehicles,
                &d.vehicles.previous,
                &d.vehicles.change_reason
            ),
            part(
                "公务接待费",
                reception,
                &d.reception.previous,
                &d.reception.change_reason
            ),
        )));

        // （1）因公出国（境）费
        let ob = get(b.overseas.as_ref());
        let mut s = format!(
            "（1）因公出国（境）费预算数为{}，支出决算为{}{}。",
            wan(ob),
            wan(overseas),
            completion(overseas, ob, "预算")
        );
        if let Some(p) = text(&d.overseas.purpose) {
            s += &format!("主要用于{}", sentence(p));
        }
        if let Some(r) = text(&d.overseas.budget_reason) {
            s += &format!(
                "决算数{}预算数的主要原因是{}",
                compared(overseas, ob),
                sentence(r)
            );
        }
        s += &format!(
            "全年使用一般公共预算财政拨款支出涉及因公出国（境）团组{}个；累计{}人次。",
            *d.overseas.groups, *d.overseas.people
        );
        if let Some(c) = text(&d.overseas.content) {
            s += &format!("开支内容包括：{}", sentence(c));
        }
        out.push(para(s));

        // （2）公务用车购置及运行维护费
        let vb = get(b.vehicles.as_ref());
        let mut s = format!(
            "（2）公务用车购置及运行维护费预算数为{}，支出决算为{}{}。",
            wan(vb),
            wan(vehicles),
            completion(vehicles, vb, "预算")
        );
        if let Some(r) = text(&d.vehicles.budget_reason) {
            s += &format!("主要原因是{}", sentence(r));
        }
        out.push(para(s));
        let (pb, pa) = (
            get(b.vehicle_purchase.as_ref()),
            get(a.vehicle_purchase.as_ref()),
        );
        let mut s = format!(
            "公务用车购置预算数为{}，支出决算为{}（含购置税等附加费用）{}。",
            wan(pb),
            wan(pa),
            completion(pa, pb, "预算")
        );
        if let Some(r) = text(&d.vehicles.purchase_reason) {
            s += &format!(
                "决算数{}预算数的主要原因是{}",
                compared(pa, pb),
                sentence(r)
            );
        }
        s += &format!("主要用于经批准购置的{}辆公务用车。", *d.vehicles.purchased);
        out.push(para(s));
        let (rb, ra) = (
            get(b.vehicle_operation.as_ref()),
            get(a.vehicle_operation.as_ref()),
        );
        let mut s = format!(
            "公务用车运行维护费预算数为{}，支出决算为{}{}。",
            wan(rb),
            wan(ra),
            completion(ra, rb, "预算")
        );
        if let Some(r) = text(&d.vehicles.operation_reason) {
            s += &format!(
                "决算数{}预算数的主要原因是{}",
                compared(ra, rb),
                sentence(r)
            );
        }
        if let Some(p) = text(&d.vehicles.operation_purpose) {
            s += &format!("主要用于{p}；");
        }
        s += &format!(
            "{y}年度，{}开支一般公共预算财政拨款的公务用车保有量为{}辆。",
            self.kind, *d.vehicles.fleet
        );
        out.push(para(s));

        // （3）公务接待费
        let r = &d.reception;
        let cb = get(b.reception.as_ref());
        let mut s = format!(
            "（3）公务接待费预算数为{}，支出决算为{}{}。",
            wan(cb),
            wan(reception),
            completion(reception, cb, "预算")
        );
        if let Some(p) = text(&r.purpose) {
            s += &format!("主要用于{}", sentence(p));
        }
        if let Some(reason) = text(&r.budget_reason) {
            s += &format!(
                "决算数{}预算数的主要原因是{}",
                compared(reception, cb),
                sentence(reason)
            );
        }
        s += &format!(
            "全年使用一般公共预算财政拨款国内公务接待{}团组，累计{}人次。",
            *r.foreign.groups + *r.domestic.groups,
            *r.foreign.people + *r.domestic.people
        );
        out.push(para(s));
        for (label, p) in [
            ("外宾接待支出", &r.foreign),
            ("其他国内公务接待支出", &r.domestic),
        ] {
            let purpose = text(&p.purpose)
                .map(|u| format!("主要用于{u}，"))
                .unwrap_or_default();
            out.push(para(format!(
                "{label}{}，{purpose}接待{}团组，{}人次。",
                wan(p.amount.amount),
                *p.groups,
                *p.people
            )));
        }
    }

    /// （十）机关运行经费支出说明
    fn operating_costs(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 9);
        let o = &self.doc.operating_costs;
        let (b, a) = (o.budget.amount, o.actual.amount);
        let mut s = format!(
            "{}年度机关运行经费年初预算数为{}，支出决算为{}{}",
            self.year,
            wan(b),
            wan(a),
            completion(a, b, "年初预算")
        );
        if let Some(r) = text(&o.budget_reason) {
            s += &format!("，决算数{}预算数的主要原因是{r}", compared(a, b));
        }
        if let Some(p) = &o.previous {
            s += &format!("；{}", versus(&self.prev, a, **p));
            s += &because(text(&o.change_reason));
        }
        s.push('。');
        out.push(para(s));
    }

    /// （十一）政府采购支出说明
    fn procurement(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 10);
        let p = &self.doc.procurement;
        let total = p.goods.amount + p.works.amount + p.services.amount;
        if total.is_zero() {
            out.push(para(format!(
                "本{}{}年度无政府采购支出，故无相关数据。",
                self.kind, self.year
            )));
            return;
        }
        out.push(para(format!(
            "{}年度政府采购支出总额{}，其中：政府采购货物支出{}、政府采购工程支出{}、政府采购服务支出{}。授予中小企业合同金额{}{}。其中，授予小微企业合同金额{}{}。",
            self.year,
            wan(total),
            wan(p.goods.amount),
            wan(p.works.amount),
            wan(p.services.amount),
            wan(p.sme.amount),
            share(p.sme.amount, total, "，占政府采购支出总额的").unwrap_or_default(),
            wan(p.small_micro.amount),
            share(p.small_micro.amount, total, "，占政府采购支出总额的").unwrap_or_default(),
        )));
    }

    /// （十二）国有资产占有情况说明
    fn assets(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 11);
        let a = &self.doc.assets;
        let total: u32 = a.vehicles.iter().map(|v| *v.count).sum();
        let kinds: Vec<String> = a
            .vehicles
            .iter()
            .map(|v| format!("{}{}辆", v.kind.value, *v.count))
            .collect();
        let vehicles = if kinds.is_empty() {
            format!("共有车辆{total}辆")
        } else {
            format!("共有车辆{total}辆，其中，{}", kinds.join("、"))
        };
        out.push(para(format!(
            "截至{}年12月31日，{}{vehicles}；单价50万元以上通用设备{}台（套），单价100万元以上专用设备{}台（套）。",
            self.year,
            self.doc.document.unit.value,
            *a.general_equipment_over_500k,
            *a.special_equipment_over_1m
        )));
    }

    /// （十三）预算绩效情况说明
    fn performance(&self, out: &mut Vec<Block>) {
        self.section_heading(out, 12);
        let p = &self.doc.performance;
        let m = &p.management;
        let info = &self.doc.document;
        let short = info
            .short_name
            .as_ref()
            .unwrap_or(&info.unit)
            .value
            .as_str();
        let projects_total = get(self.doc.table05.total.project.as_ref());

        out.push(heading(3, "1.预算绩效管理工作开展情况。"));
        let mut s = format!(
            "根据预算绩效管理要求，{short}组织对{}年度一般公共预算项目支出全面开展绩效自评，其中，一级项目{}个，二级项目{}个，共涉及资金{}{}。",
            self.year,
            *m.first_level_projects,
            *m.second_level_projects,
            wan(m.funds.amount),
            coverage(m.funds.amount, projects_total)
        );
        match m.government_fund_funds.as_ref().filter(|f| !f.is_zero()) {
            None => s += "本年无政府性基金预算项目。",
            Some(f) => s += &format!("政府性基金预算项目共涉及资金{}。", wan(f.amount)),
        }
        out.push(para(s));
        let examples: String = m
            .evaluated_examples
            .iter()
            .map(|e| format!("“{}”", e.value))
            .collect();
        let examples = if examples.is_empty() {
            String::new()
        } else {
            format!("{examples}等")
        };
        out.push(para(format!(
            "组织对{examples}{}个项目开展了部门评价，涉及一般公共预算支出{}，政府性基金预算支出{}。{}",
            *m.evaluated_projects,
            wan(m.evaluated_general_budget.amount),
            wan(get(m.evaluated_government_fund.as_ref())),
            grade_sentence(&m.grades)
        )));
        out.push(para(match text(&m.department_evaluation) {
            Some(t) => sentence(t),
            None => "本年无部门整体支出绩效评价。".to_string(),
        }));
        out.push(para(match text(&m.subordinate_evaluation) {
            Some(t) => sentence(t),
            None => "本年无下属部门或单位整体支出绩效评价。".to_string(),
        }));

        out.push(heading(
            3,
            format!("2.{}决算中项目绩效自评结果。", self.kind),
        ));
        if p.projects.is_empty() {
            out.push(para("本年度未开展项目绩效自评，因此无相关内容。"));
        } else {
            let names: Vec<&str> = p.projects.iter().map(|p| p.name.value.as_str()).collect();
            out.push(para(format!(
                "{}在{}年度部门（单位）决算中反映{}项目绩效自评结果。",
                info.unit.value,
                self.year,
                join_and(&names)
            )));
            for (i, project) in p.projects.iter().enumerate() {
                let form = self_evaluation(
                    project,
                    &p.form_title.value,
                    self.year,
                    &info.unit.value,
                    i + 1,
                );
                out.push(para(format!(
                    "{}项目绩效自评综述：根据年初设定的绩效目标，项目自评得分{}分，自评结论为“{}”。项目全年预算数为{}，执行数为{}{}。项目绩效目标完成情况：{}发现的问题及原因：{}下一步改进措施：{}",
                    project.name.value,
                    form.total_score,
                    form.grade,
                    wan(project.funds.annual_budget.amount),
                    wan(project.funds.executed.amount),
                    completion(project.funds.executed.amount, project.funds.annual_budget.amount, "预算"),
                    sentence(&project.achievement),
                    sentence(&project.problems),
                    sentence(&project.improvements),
                )));
                out.push(Block::SelfEvaluation(Box::new(form)));
            }
        }

        out.push(heading(3, "3.财政评价项目绩效评价结果"));
        out.push(para(match text(&p.fiscal_evaluation) {
            Some(t) => sentence(t),
            None => "本年度未开展财政评价项目绩效评价，因此无相关内容。".to_string(),
        }));
        out.push(heading(3, "4.部门评价项目绩效评价结果"));
        out.push(para(format!(
            "部门评价项目绩效评价结果：{}",
            grade_sentence(&m.grades)
        )));
    }

    /// 四、名词解释
    fn glossary(&self, out: &mut Vec<Block>) {
        out.push(heading(1, self.profile.parts.glossary.clone()));
        let t05 = &self.doc.table05;
        let names = Names::new(self.profile, t05.rows.iter().map(|r| (&r.code, &r.name)));
        for (i, term) in self.doc.glossary.terms.iter().enumerate() {
            let n = i + 1;
            let definition = text(&term.definition);
            let line = match (&term.term, &term.code) {
                (Some(t), _) => match definition {
                    Some(d) => format!("{n}.{}：{}", t.value, sentence(d)),
                    None => format!("{n}.{}", sentence(&t.value)),
                },
                (None, Some(code)) => match definition {
                    Some(d) => format!("{n}.{}{}", names.path(code), sentence(d)),
                    None => format!("{n}.{}。", names.path(code)),
                },
                (None, None) => format!("{n}.{}", definition.map(sentence).unwrap_or_default()),
            };
            out.push(para(line));
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundKind {
    GovernmentFund,
    StateCapital,
}

/// A fund is empty when its table has no figure other than zero: then the section says so and nothing else.
pub fn fund_is_empty(doc: &Document, kind: FundKind) -> bool {
    let zero = |m: Option<&Money>| m.is_none_or(|m| m.is_zero());
    match kind {
        FundKind::GovernmentFund => {
            let t = &doc.table08;
            t.total.columns().into_iter().all(zero)
                && t.rows.iter().all(|r| r.columns().into_iter().all(zero))
        }
        FundKind::StateCapital => {
            let t = &doc.table09;
            t.total.columns().into_iter().all(zero)
                && t.rows.iter().all(|r| r.columns().into_iter().all(zero))
        }
    }
}

/// "，占一般公共预算项目支出总额的X%": stated only when it can be true. Funds covered above the year's project
/// expenditure (the source unit's case: 758.10 of 728.31) cannot be a share of it; the sentence then gives the
/// funds alone, and `check` warns about the figure.
fn coverage(funds: Amount, projects_total: Amount) -> String {
    if funds > projects_total {
        return String::new();
    }
    share(funds, projects_total, "，占一般公共预算项目支出总额的").unwrap_or_default()
}

/// The 类 a structure sentence names: the profile's list, then any other 类 the table has, with their amounts.
fn structure_classes<'a>(
    listed: &[String],
    rows: impl Iterator<Item = (&'a str, Amount)>,
) -> Vec<(String, Amount)> {
    let class_amounts: Vec<(&str, Amount)> = rows.filter(|(c, _)| c.len() == 3).collect();
    let mut out: Vec<(String, Amount)> = listed
        .iter()
        .map(|code| {
            let a = class_amounts
                .iter()
                .find(|(c, _)| c == code)
                .map_or(Amount::ZERO, |(_, a)| *a);
            (code.clone(), a)
        })
        .collect();
    for (code, a) in class_amounts {
        if !listed.iter().any(|l| l == code) {
            out.push((code.to_string(), a));
        }
    }
    out
}

/// "X与2019年相比增加…" with the subject in the middle: "与2019年相比，一般公共预算财政拨款支出增加…".
fn versus_subject(prev_year: &str, subject: &str, current: Amount, previous: Amount) -> String {
    match Trend::of(current.rounded(), previous.rounded()) {
        Trend::Flat => format!("与{prev_year}相比，{subject}持平"),
        _ => format!("与{prev_year}相比，{subject}{}", change(current, previous)),
    }
}

/// Puts a subject into a "与…相比，…" clause: "与2019年相比，收入增加…".
fn with_subject(subject: &str, clause: &str) -> String {
    match clause.split_once('，') {
        Some((head, rest)) if head.ends_with("相比") => format!("{head}，{subject}{rest}"),
        _ => format!("{subject}{clause}"),
    }
}

fn change_or_flat(current: Amount, previous: Amount) -> String {
    change(current, previous)
}

/// "，主要原因是：X。" or "。"
fn reason_sentence(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("，主要原因是：{}", sentence(r)),
        None => "。".to_string(),
    }
}

/// Ends a text with 。 unless it already ends a sentence.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['。', '！', '？', '；', '：']) {
        t.to_string()
    } else {
        format!("{t}。")
    }
}

/// "A及B" / "A、B及C"
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}及{last}", init.join("、")),
    }
}

/// "从评价情况来看，18个项目为优，1个项目为差。"
fn grade_sentence(g: &GradeCounts) -> String {
    let parts: Vec<String> = [
        ("优", &g.excellent),
        ("良", &g.good),
        ("中", &g.fair),
        ("差", &g.poor),
    ]
    .into_iter()
    .filter_map(|(grade, n)| {
        n.as_ref()
            .filter(|n| n.value > 0)
            .map(|n| format!("{}个项目为{grade}", n.value))
    })
    .collect();
    if parts.is_empty() {
        "本年无评价结果。".to_string()
    } else {
        format!("从评价情况来看，{}。", parts.join("，"))
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The self-evaluation form

#[derive(Debug, Serialize)]
pub struct SelfEvaluationForm {
    /// 附件1
    pub label: String,
    pub title: String,
    /// （2020年度）
    pub year_line: String,
    pub name: String,
    pub supervisor: String,
    pub implementer: String,
    pub period: String,
    pub leader: String,
    pub phone: String,
    /// 年度资金总额, then 其中：市本级安排资金 if given: [label, 年初预算数, 全年预算数, 全年执行数].
    pub funds: Vec<[String; 4]>,
    pub goal: String,
    pub goal_achieved: String,
    /// Indicator rows with the rowspans of their 一级/二级 cells (0 where the cell is covered by the one above).
    pub indicators: Vec<IndicatorRow>,
    pub execution: ExecutionRow,
    pub total_weight: String,
    pub total_score: String,
    pub grade: String,
    pub grade_bands: String,
}

#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub level1: String,
    pub level1_rows: usize,
    pub level2: String,
    pub level2_rows: usize,
    pub name: String,
    pub target: String,
    pub actual: String,
    pub weight: String,
    pub score: String,
    pub remark: String,
}

#[derive(Debug, Serialize)]
pub struct ExecutionRow {
    /// 执行率指标（10分）
    pub level1: String,
    /// 资金执行率：0.994*10
    pub formula: String,
    /// （计算方式：执行率自评得分=资金执行率*10）
    pub method: String,
    pub weight: String,
    pub score: String,
    pub remark: String,
}

/// The grade a score earns: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差.
pub fn grade(score: Decimal) -> &'static str {
    if score >= Decimal::from(90) {
        "优"
    } else if score >= Decimal::from(80) {
        "良"
    } else if score >= Decimal::from(60) {
        "中"
    } else {
        "差"
    }
}

/// 资金执行率 × 分值, rounded half-up to two decimals as the form prints it.
pub fn execution_score(executed: Amount, budget: Amount, weight: Decimal) -> Decimal {
    if budget.is_zero() {
        return Decimal::ZERO;
    }
    (executed.decimal() / budget.decimal() * weight)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The self-evaluation score: the indicators' scores plus the computed execution score.
pub fn project_score(p: &Project) -> Decimal {
    let exec = execution_score(
        p.funds.executed.amount,
        p.funds.annual_budget.amount,
        p.execution.weight.value,
    );
    p.indicators.iter().map(|i| i.score.value).sum::<Decimal>() + exec
}

fn self_evaluation(
    p: &Project,
    title: &str,
    year: i32,
    unit: &str,
    number: usize,
) -> SelfEvaluationForm {
    let money = |m: &Money| Points::display(m.decimal());
    let funds_row = |label: &str, f: &ProjectFunds| {
        [
            label.to_string(),
            money(&f.initial_budget),
            money(&f.annual_budget),
            money(&f.executed),
        ]
    };
    let mut funds = vec![funds_row("年度资金总额", &p.funds)];
    if let Some(c) = &p.city_funds {
        funds.push(funds_row("其中：市本级安排资金", c));
    }

    // 一级 points are the sum of their indicators' weights; rowspans group consecutive equal cells.
    let mut level1_weight: HashMap<&str, Decimal> = HashMap::new();
    for i in &p.indicators {
        *level1_weight.entry(i.level1.value.as_str()).or_default() += i.weight.value;
    }
    let n = p.indicators.len();
    let span = |i: usize, same: &dyn Fn(usize, usize) -> bool| -> usize {
        if i > 0 && same(i - 1, i) {
            0
        } else {
            (i..n).take_while(|&j| same(i, j)).count()
        }
    };
    let ind = &p.indicators;
    let same1 = |a: usize, b: usize| ind[a].level1.value == ind[b].level1.value;
    let same2 = |a: usize, b: usize| same1(a, b) && ind[a].level2.value == ind[b].level2.value;
    let indicators = ind
        .iter()
        .enumerate()
        .map(|(k, i)| IndicatorRow {
            level1: format!(
                "{}（{}分）",
                i.level1.value,
                Points::display(level1_weight[i.level1.value.as_str()])
            ),
            level1_rows: span(k, &same1),
            level2: i.level2.value.clone(),
            level2_rows: span(k, &same2),
            name: i.name.value.clone(),
            target: i.target.value.clone(),
            actual: i.actual.value.clone(),
            weight: Points::display(i.weight.value),
            score: Points::display(i.score.value),
            remark: i.remark.value.clone(),
        })
        .collect();

    let budget = p.funds.annual_budget.amount;
    let executed = p.funds.executed.amount;
    let weight = p.execution.weight.value;
    let ratio = if budget.is_zero() {
        Decimal::ZERO
    } else {
        executed.decimal() / budget.decimal()
    };
    let ratio3 = ratio.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero);
    let w = Points::display(weight);
    let execution = ExecutionRow {
        level1: format!("执行率指标（{w}分）"),
        formula: format!("资金执行率：{ratio3}*{w}"),
        method: format!("（计算方式：执行率自评得分=资金执行率*{w}）"),
        weight: w.clone(),
        score: Points::display(execution_score(executed, budget, weight)),
        remark: p.execution.remark.value.clone(),
    };
    let total_weight: Decimal =
        p.indicators.iter().map(|i| i.weight.value).sum::<Decimal>() + weight;
    let score = project_score(p);
    SelfEvaluationForm {
        label: format!("附件{number}"),
        title: title.to_string(),
        year_line: format!("（{year}年度）"),
        name: p.name.value.clone(),
        supervisor: p.supervisor.value.clone(),
        implementer: p
            .implementer
            .as_ref()
            .map_or(unit, |t| t.value.as_str())
            .to_string(),
        period: p.period.value.clone(),
        leader: p
            .leader
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        phone: p
            .phone
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        funds,
        goal: p.goal.value.clone(),
        goal_achieved: p.goal_achieved.value.clone(),
        indicators,
        execution,
        total_weight: Points::display(total_weight),
        total_score: Points::display(score),
        grade: grade(score).to_string(),
        grade_bands: "优：90分≤得分≤100分；良：80分≤得分<90分；中：60分≤得分<80分；差：得分<60分"
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Amount {
        s.parse().unwrap()
    }

    #[test]
    fn change_wording_follows_the_numbers() {
        assert_eq!(
            change(a("1061.38"), a("711.68")),
            "增加349.70万元，增长49.14%"
        );
        assert_eq!(change(a("0.23"), a("0.63")), "减少0.40万元，下降63.49%");
        assert_eq!(change(a("5"), a("5.00")), "持平");
        assert_eq!(change(a("0"), a("0")), "持平");
        assert_eq!(change(a("1.5"), a("0")), "新增1.50万元");
        assert_eq!(change(a("0"), a("2")), "减少2.00万元，下降100.00%");
        // figures with more decimals are compared as printed
        assert_eq!(change(a("1.004"), a("1")), "持平");
        assert_eq!(change(a("1.006"), a("1")), "增加0.01万元，增长1.00%");
        assert_eq!(versus("2019年度", a("1.004"), a("1")), "与2019年度持平");
    }

    #[test]
    fn versus_says_flat_plainly() {
        assert_eq!(versus("2019年度", a("0"), a("0")), "与2019年度持平");
        assert_eq!(
            versus("2019年度", a("0.23"), a("0.63")),
            "与2019年度相比，减少0.40万元，下降63.49%"
        );
        assert_eq!(
            versus("2019年度", a("3"), a("0")),
            "与2019年度相比，新增3.00万元"
        );
        assert_eq!(
            versus_subject("2019年", "支出", a("2"), a("2")),
            "与2019年相比，支出持平"
        );
        assert_eq!(
            with_subject("收入", "与2019年相比，增加1.00万元，增长100.00%"),
            "与2019年相比，收入增加1.00万元，增长100.00%"
        );
        assert_eq!(with_subject("收入", "与2019年持平"), "收入与2019年持平");
    }

    #[test]
    fn comparison_words() {
        assert_eq!(compared(a("2"), a("1")), "大于");
        assert_eq!(compared(a("1"), a("2")), "小于");
        assert_eq!(compared(a("1"), a("1.0")), "等于");
        assert_eq!(
            completion(a("1061.38"), a("951.35"), "年初预算"),
            "，完成年初预算的111.57%"
        );
        assert_eq!(completion(a("88"), a("0"), "年初预算"), "");
    }

    #[test]
    fn grades_follow_the_bands() {
        assert_eq!(grade(Decimal::from(90)), "优");
        assert_eq!(grade("89.99".parse().unwrap()), "良");
        assert_eq!(grade(Decimal::from(80)), "良");
        assert_eq!(grade("79.5".parse().unwrap()), "中");
        assert_eq!(grade(Decimal::from(60)), "中");
        assert_eq!(grade("59.99".parse().unwrap()), "差");
    }

    #[test]
    fn execution_score_is_rate_times_weight() {
        assert_eq!(
            execution_score(a("24.86"), a("25"), Decimal::from(10)).to_string(),
            "9.94"
        );
        assert_eq!(
            execution_score(a("93.8"), a("97.5"), Decimal::from(10)).to_string(),
            "9.62"
        );
        assert_eq!(
            execution_score(a("1"), a("0"), Decimal::from(10)),
            Decimal::ZERO
        );
    }

    #[test]
    fn coverage_is_stated_only_when_it_can_be_true() {
        assert_eq!(
            coverage(a("728.31"), a("728.31")),
            "，占一般公共预算项目支出总额的100.00%"
        );
        assert_eq!(
            coverage(a("700"), a("1000")),
            "，占一般公共预算项目支出总额的70.00%"
        );
        assert_eq!(coverage(a("758.1"), a("728.31")), "");
        assert_eq!(coverage(a("0"), a("0")), "");
    }

    #[test]
    fn bar_lengths_are_relative_to_the_longest() {
        assert_eq!(length(a("50"), a("200")), 0.25);
        assert_eq!(length(a("200"), a("200")), 1.0);
        assert_eq!(length(a("5"), Amount::ZERO), 0.0);
        assert_eq!(length(a("-5"), a("10")), 0.0);
        let chart = share_chart(
            "图".into(),
            a("100"),
            &[
                ("甲".into(), a("75")),
                ("乙".into(), a("0")),
                ("丙".into(), a("25")),
            ],
        );
        let bars: Vec<(&str, &str, String)> = chart
            .bars
            .iter()
            .map(|b| {
                (
                    b.label.as_str(),
                    b.values[0].text.as_str(),
                    format!("{:.4}", b.values[0].length),
                )
            })
            .collect();
        // zero items are left out; the longest bar is full length
        assert_eq!(
            bars,
            [
                ("甲", "75.00万元（75.00%）", "1.0000".to_string()),
                ("丙", "25.00万元（25.00%）", "0.3333".to_string())
            ]
        );
    }

    #[test]
    fn small_helpers() {
        assert_eq!(class_stem("教育支出"), "教育");
        assert_eq!(class_stem("预备费"), "预备费");
        assert_eq!(join_and(&["A", "B"]), "A及B");
        assert_eq!(join_and(&["A", "B", "C"]), "A、B及C");
        assert_eq!(sentence("无"), "无。");
        assert_eq!(sentence("无。"), "无。");
        assert_eq!(because(None), "");
        assert_eq!(because(Some("x")), "，主要原因是x");
    }
}
