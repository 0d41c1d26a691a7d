//! The 预算 (budget) sections: 主要职能, 机构设置, 预算编制说明 and 其他相关情况说明, computed from the tables (元)
//! and the figures the tables do not hold (last year's budgets, the purposes and reasons, 万元).
//!
//! Every amount a sentence states in 万元 is a table's 元 figure divided by 10,000, rounded half-up only where it
//! is printed; changes compare the figures as printed, so two budgets that print alike are 持平.

use super::wording::{Names, sentence, text};
use super::{Block, Ctx, Derivation, glossary, heading, para};
use crate::form::{ItemNames, chinese_number};
use crate::model::budget::{ThreePublicKind, UnitKind};
use crate::model::{BudgetDocument, Text};
use crate::money::{Amount, Money, Trend, Yuan};

type BudgetCtx<'a> = Ctx<'a, BudgetDocument>;

/// Writes one section of a 预算.
pub(super) fn write(ctx: &BudgetCtx, derivation: Derivation, out: &mut Vec<Block>) {
    use Derivation as D;
    match derivation {
        D::Glossary => glossary::glossary(ctx.form, &ctx.doc.glossary, &names(ctx), out),
        D::ShanghaiBudgetDuties => duties(ctx, out),
        D::ShanghaiBudgetOrganization => organization(ctx, out),
        D::ShanghaiBudgetExplanation => explanation(ctx, out),
        D::ShanghaiBudgetThreePublic => three_public(ctx, out),
        D::ShanghaiBudgetOperatingCosts => operating_costs(ctx, out),
        D::ShanghaiBudgetProcurement => procurement(ctx, out),
        D::ShanghaiBudgetTargets => targets(ctx, out),
        D::ShanghaiBudgetAssets => assets(ctx, out),
        D::ShanghaiBudgetProjects => projects(ctx, out),
        // A form is checked to name only derivations of its kind.
        _ => {}
    }
}

/// The 类/款/项 names of the function classification tables (5, then 6 and 7, then 2 and 3).
fn names<'a>(ctx: &BudgetCtx<'a>) -> Names<'a> {
    let d = ctx.doc;
    let lines = d
        .table05
        .rows
        .iter()
        .chain(&d.table06.rows)
        .chain(&d.table07.rows)
        .chain(&d.table03.rows)
        .map(|r| (&r.code, &r.name))
        .chain(d.table02.rows.iter().map(|r| (&r.code, &r.name)));
    Names::new(ctx.form, lines)
}

/// An amount in 元 (absent: a blank cell, nothing) as the sentences state it, in 万元.
fn wan(y: Option<&Yuan>) -> Amount {
    y.map_or(Amount::ZERO, Yuan::wan)
}

fn amount(m: Option<&Money>) -> Amount {
    m.map_or(Amount::ZERO, |m| m.amount)
}

/// 一、主要职能: the paragraphs before the duties, then the duties numbered as the form numbers them.
fn duties(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let overview = &ctx.doc.overview;
    out.extend(overview.intro.iter().map(|p| para(p.value.trim())));
    for (k, duty) in overview.duties.iter().enumerate() {
        let label = ctx.form.wording.duties.label(k + 1);
        out.push(para(format!("{label}{}", sentence(&duty.value))));
    }
}

/// 二、机构设置: a department's units, counted by kind, or the unit's own text.
fn organization(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let org = &ctx.doc.overview.organization;
    if !org.units.is_empty() {
        let headquarters = org
            .headquarters
            .as_ref()
            .map_or_else(|| format!("{}本部", ctx.unit()), |h| h.value.clone());
        out.push(para(format!(
            "{}部门预算是包括{headquarters}以及下属{}家预算单位的综合收支计划。",
            ctx.unit(),
            org.units.len() - 1
        )));
        let counts: Vec<String> = UnitKind::ALL
            .iter()
            .filter_map(|kind| {
                let n = org.units.iter().filter(|u| u.kind.value == *kind).count();
                (n > 0).then(|| format!("{}{n}家", kind.word()))
            })
            .collect();
        out.push(para(format!(
            "本{}中，{}，具体包括：",
            ctx.kind,
            counts.join("，")
        )));
        for (k, unit) in org.units.iter().enumerate() {
            out.push(para(match text(&unit.description) {
                Some(d) => format!("{}. {}，{}", k + 1, unit.name.value, sentence(d)),
                None => format!("{}. {}", k + 1, unit.name.value),
            }));
        }
    }
    out.extend(org.text.iter().map(|p| para(p.value.trim())));
}

/// Last year's figure a sentence compares with: a budget (预算) or what was executed of it (预算执行数).
#[derive(Clone, Copy)]
struct LastYear {
    amount: Amount,
    basis: &'static str,
}

impl LastYear {
    fn budget(m: Option<&Money>) -> Option<LastYear> {
        m.map(|m| LastYear {
            amount: m.amount,
            basis: "预算",
        })
    }

    /// The 编制说明's figure: last year's budget where stated, else its execution.
    fn either(budget: Option<&Money>, execution: Option<&Money>) -> Option<LastYear> {
        LastYear::budget(budget).or(execution.map(|m| LastYear {
            amount: m.amount,
            basis: "预算执行数",
        }))
    }
}

/// How this year's budget compares with last year's, as a clause: 比2024年预算增加X万元, 比2024年预算减少X万元,
/// 与2024年预算持平 (the form's word before 持平); nothing when last year's is not stated.
fn against_last_year(
    ctx: &BudgetCtx,
    flat_word: &str,
    current: Amount,
    previous: Option<LastYear>,
) -> String {
    let Some(LastYear { amount, basis }) = previous else {
        return String::new();
    };
    let last = ctx.year - 1;
    let (current, previous) = (current.rounded(), amount.rounded());
    match Trend::of(current, previous) {
        Trend::Flat => format!("{flat_word}{last}年{basis}持平"),
        Trend::Up => format!("比{last}年{basis}增加{}", ctx.words.wan(current - previous)),
        Trend::Down => format!("比{last}年{basis}减少{}", ctx.words.wan(previous - current)),
    }
}

/// "，" + a clause, or nothing.
fn then(clause: String) -> String {
    if clause.is_empty() {
        clause
    } else {
        format!("，{clause}")
    }
}

/// 四、预算编制说明.
fn explanation(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let d = ctx.doc;
    let w = ctx.words;
    let previous = &d.explanation.previous;
    let execution = &d.explanation.previous_execution;
    let flat = ctx.form.wording.flat.as_deref().unwrap_or("与");
    let income = &d.table01.income;
    let fiscal_income = wan(income.fiscal.as_ref());
    out.push(para(format!(
        "{}年，{}收入预算{}，其中：财政拨款收入{}{}；事业收入{}；事业单位经营收入{}；其他收入{}。",
        ctx.year,
        ctx.unit(),
        w.wan(wan(income.total.as_ref())),
        w.wan(fiscal_income),
        then(against_last_year(
            ctx,
            flat,
            fiscal_income,
            LastYear::either(
                previous.fiscal_income.as_ref(),
                execution.fiscal_income.as_ref()
            )
        )),
        w.wan(wan(income.business.as_ref())),
        w.wan(wan(income.operating.as_ref())),
        w.wan(wan(income.other.as_ref())),
    )));
    let fiscal = wan(d.table04.expenditure.total.total.as_ref());
    let funds = [
        (
            "一般公共预算拨款支出预算",
            wan(d.table05.total.total.as_ref()),
            LastYear::either(
                previous.general_budget.as_ref(),
                execution.general_budget.as_ref(),
            ),
        ),
        (
            "政府性基金拨款支出预算",
            wan(d.table06.total.total.as_ref()),
            LastYear::either(
                previous.government_fund.as_ref(),
                execution.government_fund.as_ref(),
            ),
        ),
        (
            "国有资本经营预算拨款支出预算",
            wan(d.table07.total.total.as_ref()),
            LastYear::either(
                previous.state_capital.as_ref(),
                execution.state_capital.as_ref(),
            ),
        ),
    ];
    let funds: Vec<String> = funds
        .iter()
        .map(|(what, now, before)| {
            format!(
                "{what}{}{}",
                w.wan(*now),
                then(against_last_year(ctx, flat, *now, *before))
            )
        })
        .collect();
    out.push(para(format!(
        "支出预算{}，其中：财政拨款支出预算{}{}。财政拨款支出预算中，{}。",
        w.wan(wan(d.table01.expenditure.total.as_ref())),
        w.wan(fiscal),
        then(against_last_year(
            ctx,
            flat,
            fiscal,
            LastYear::either(
                previous.fiscal_expenditure.as_ref(),
                execution.fiscal_expenditure.as_ref()
            )
        )),
        funds.join("；")
    )));
    if let Some(reason) = text(&d.explanation.reason) {
        let last = LastYear::either(
            previous.fiscal_income.as_ref(),
            execution.fiscal_income.as_ref(),
        );
        let direction = match last.map(|p| Trend::of(fiscal_income.rounded(), p.amount.rounded())) {
            Some(Trend::Down) => "减少",
            _ => "增加",
        };
        let colon = if ctx.form.wording.reason_colon {
            "："
        } else {
            ""
        };
        out.push(para(format!(
            "财政拨款收入支出{direction}的主要原因是{colon}{}",
            sentence(reason)
        )));
    }
    if d.explanation.items.is_empty() {
        return;
    }
    out.push(para("财政拨款支出主要内容如下："));
    let names = names(ctx);
    for (k, item) in d.explanation.items.iter().enumerate() {
        out.push(para(item_sentence(ctx, &names, k, item)));
    }
}

/// One 项 of 财政拨款支出: its name, its budget (tables 5, 6 or 7), what it is for, and where the form has it, last
/// year's 预算执行数 and the change on it.
fn item_sentence(
    ctx: &BudgetCtx,
    names: &Names,
    k: usize,
    item: &crate::model::budget::Item,
) -> String {
    let w = ctx.words;
    let code = item.code.value.as_str();
    let x = item_budget(ctx.doc, code).unwrap_or(Amount::ZERO);
    let label = ctx.form.wording.items.label(k + 1);
    let purpose = text(&item.purpose);
    let mut s = match ctx.form.wording.item_names {
        ItemNames::Quoted => {
            let mut s = format!("{label}“{}”{}", names.path(code), w.wan(x));
            if let Some(p) = purpose {
                s.push_str(&format!("，主要用于{}", sentence(p)));
            } else {
                s.push('。');
            }
            s
        }
        ItemNames::Coded => {
            let part = |len: usize| names.name(&code[..len.min(code.len())]);
            let mut s = format!(
                "{label}{}（{}类）{}（{}款）{}（{}项）{}。",
                part(3),
                code.get(..3).unwrap_or(""),
                part(5),
                code.get(3..5).unwrap_or(""),
                part(7),
                code.get(5..7).unwrap_or(""),
                w.wan(x)
            );
            if let Some(p) = purpose {
                s.push_str(&format!("主要用于：{}", sentence(p)));
            }
            s
        }
    };
    if let Some(p) = &item.previous_execution {
        let last = ctx.year - 1;
        let (now, before) = (x.rounded(), p.amount.rounded());
        let change = match Trend::of(now, before) {
            Trend::Flat => format!("与{last}年预算执行数持平"),
            trend => {
                let word = if trend == Trend::Up {
                    "增加"
                } else {
                    "减少"
                };
                match (now - before).abs().share_of(before) {
                    Some(rate) => format!("比{last}年预算执行数{word}{}", w.rate(rate)),
                    None => format!("比{last}年预算执行数{word}{}", w.wan((now - before).abs())),
                }
            }
        };
        s.push_str(&format!(
            "{last}年当年预算执行数为{}，{}年预算安排{}，{change}。",
            w.wan(p.amount),
            ctx.year,
            w.wan(x)
        ));
        if let Some(reason) = text(&item.reason) {
            s.push_str(&format!("主要原因是：{}", sentence(reason)));
        }
    }
    s
}

/// A 项's budget in 万元: its line in table 5, else 6, else 7.
pub(crate) fn item_budget(d: &BudgetDocument, code: &str) -> Option<Amount> {
    [&d.table05, &d.table06, &d.table07]
        .iter()
        .find_map(|t| t.rows.iter().find(|r| r.code.value == code))
        .and_then(|r| r.total.as_ref())
        .map(Yuan::wan)
}

/// 六（一）“三公”经费: table 9's figures against last year's budgets.
fn three_public(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let d = ctx.doc;
    let t = &d.table09;
    let tp = &d.three_public;
    let w = ctx.words;
    let cmp = |now: Option<&Money>, before: Option<&Money>| {
        against_last_year(ctx, "与", amount(now), LastYear::budget(before))
    };
    let clause = |now: Option<&Money>, kind: &ThreePublicKind| {
        let mut s = then(cmp(now, kind.previous.as_ref()));
        if let Some(r) = text(&kind.reason) {
            s.push_str(&format!("，主要原因是{r}"));
        }
        s
    };
    out.push(para(format!(
        "{}年“三公”经费预算数为{}{}。其中：",
        ctx.year,
        w.wan(amount(t.total.as_ref())),
        then(cmp(t.total.as_ref(), tp.previous.as_ref()))
    )));
    out.push(para(format!(
        "（一）因公出国（境）费{}{}。",
        w.wan(amount(t.overseas.as_ref())),
        clause(t.overseas.as_ref(), &tp.overseas)
    )));
    out.push(para(format!(
        "（二）公务用车购置及运行费{}{}。其中：公务用车购置费{}{}；公务用车运行费{}{}。",
        w.wan(amount(t.vehicles.as_ref())),
        clause(t.vehicles.as_ref(), &tp.vehicles),
        w.wan(amount(t.vehicle_purchase.as_ref())),
        clause(t.vehicle_purchase.as_ref(), &tp.vehicle_purchase),
        w.wan(amount(t.vehicle_operation.as_ref())),
        clause(t.vehicle_operation.as_ref(), &tp.vehicle_operation),
    )));
    // The form prints a full stop after the amount of 公务接待费 (both years' documents do).
    let reception = clause(t.reception.as_ref(), &tp.reception);
    let reception = reception.strip_prefix('，').unwrap_or(&reception);
    out.push(para(if reception.is_empty() {
        format!("（三）公务接待费{}。", w.wan(amount(t.reception.as_ref())))
    } else {
        format!(
            "（三）公务接待费{}。{reception}。",
            w.wan(amount(t.reception.as_ref()))
        )
    }));
}

/// 六（二）机关运行经费预算 (table 9), against last year's where stated.
fn operating_costs(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let d = ctx.doc;
    let oc = &d.operating_costs;
    let now = amount(d.table09.operating_costs.as_ref());
    let scope = oc.scope.as_ref().map_or("", |s| s.value.as_str());
    let mut s = format!(
        "{}年{}{scope}财政拨款的机关运行经费预算为{}",
        ctx.year,
        ctx.unit(),
        ctx.words.wan(now)
    );
    s.push_str(&then(against_last_year(
        ctx,
        "与",
        now,
        LastYear::budget(oc.previous.as_ref()),
    )));
    if let Some(r) = text(&oc.reason) {
        s.push_str(&format!("，主要原因是{r}"));
    }
    s.push('。');
    out.push(para(s));
}

/// 六（三）政府采购预算情况 and, where stated, the part reserved for small and medium-sized enterprises.
fn procurement(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let p = &ctx.doc.procurement;
    let w = ctx.words;
    let total = p
        .total
        .as_ref()
        .map_or(p.goods.amount + p.works.amount + p.services.amount, |t| {
            t.amount
        });
    out.push(para(format!(
        "{}年度本{}政府采购预算{}，其中：政府采购货物预算{}、政府采购工程预算{}、政府采购服务预算{}。",
        ctx.year,
        ctx.kind,
        w.wan(total),
        w.wan(p.goods.amount),
        w.wan(p.works.amount),
        w.wan(p.services.amount)
    )));
    if let Some(sme) = &p.reserved_sme {
        let mut s = format!(
            "{}年本{}面向中小企业预留政府采购项目预算金额{}",
            ctx.year,
            ctx.kind,
            w.wan(sme.amount)
        );
        if let Some(small) = &p.reserved_small_micro {
            s.push_str(&format!(
                "，其中，预留给小型和微型企业的政府采购项目预算为{}",
                w.wan(small.amount)
            ));
        }
        s.push('。');
        out.push(para(s));
    }
}

/// 六（四）绩效目标设置情况.
fn targets(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let t = &ctx.doc.performance;
    let amount = ctx.words.wan(t.amount.amount);
    out.push(para(match &t.units {
        Some(units) => format!(
            "按照本区预算绩效管理工作的总体要求，本{}{}个预算单位开展了{}年项目预算绩效目标编报工作，编报绩效目标的项目{}个，\
             涉及项目预算资金{amount}。",
            ctx.kind, units.value, ctx.year, t.projects.value
        ),
        None => format!(
            "{}年度，本{}编报绩效目标的项目共{}个，涉及项目预算资金{amount}。",
            ctx.year, ctx.kind, t.projects.value
        ),
    }));
}

/// 六（五）国有资产占有使用情况: the vehicles and equipment held, and those the budget buys.
fn assets(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let a = &ctx.doc.assets;
    let list = |vehicles: &[crate::model::VehicleCount]| {
        let total: u32 = vehicles.iter().map(|v| v.count.value).sum();
        let each: Vec<String> = vehicles
            .iter()
            .map(|v| format!("{}{}辆", v.kind.value, v.count.value))
            .collect();
        (total, each.join("、"))
    };
    let date = a.as_of.value.date.map_or_else(
        || a.as_of.value.to_string(),
        |d| format!("{}年{}月{}日", d.year, d.month, d.day),
    );
    let (total, each) = list(&a.vehicles);
    out.push(para(format!(
        "截至{date}，{}共有车辆{total}辆，其中：{each}；单价100万元（含）以上设备（不含车辆）{}台（套）。",
        ctx.unit(),
        a.equipment_over_1m.value
    )));
    let (planned, each) = list(&a.planned_vehicles);
    let equipment = a.planned_equipment_over_1m.as_ref().map_or(0, |e| e.value);
    out.push(para(format!(
        "{}年{kind}预算安排购置车辆{planned}辆，其中：{each}；{kind}预算安排购置单价100万元（含）以上设备（不含车辆）\
         {equipment}台（套）。",
        ctx.year,
        kind = ctx.kind,
    )));
}

/// 七、项目经费情况说明: each project on a page of its own, under its seven headings.
fn projects(ctx: &BudgetCtx, out: &mut Vec<Block>) {
    let Some(projects) = &ctx.doc.projects else {
        return;
    };
    for project in &projects.projects {
        out.push(heading(1, format!("{}经费情况说明", project.name.value)));
        let parts: [(&str, &Vec<Text>); 7] = [
            ("项目概述", &project.overview),
            ("立项依据", &project.basis),
            ("实施主体", &project.implementer),
            ("实施方案", &project.plan),
            ("实施周期", &project.period),
            ("年度预算安排", &project.budget),
            ("绩效目标", &project.targets),
        ];
        for (k, (title, paragraphs)) in parts.iter().enumerate() {
            out.push(heading(2, format!("{}、{title}", chinese_number(k + 1))));
            out.extend(paragraphs.iter().map(|p| para(p.value.trim())));
        }
    }
}
