//! The totals: 收入支出决算总体情况, 收入决算, 支出决算 and 财政拨款收入支出决算总体情况, from 公开01, 03 and 04表
//! and last year's figures.

use super::charts::{pair_chart, share_chart};
use super::wording::{because, get, reason_sentence, sentence, text, with_subject};
use super::{Block, Ctx, para};
use crate::money::Amount;

/// （一）收入支出决算总体情况说明, Zhejiang: income and spending totals, each against last year.
pub(super) fn zhejiang_overall(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let t = &ctx.doc.table01;
    let e = &ctx.doc.explanation.overall;
    let income = get(t.income.grand_total.as_ref());
    let spent = get(t.expenditure.grand_total.as_ref());
    let mut s = format!(
        "{}年度收入总计{}，支出总计{}",
        ctx.year,
        w.wan(income),
        w.wan(spent)
    );
    match (&e.previous_income, &e.previous_expenditure) {
        (Some(pi), Some(pe)) => {
            s += &format!(
                "，与{}相比，收入{}，支出{}。",
                ctx.prev,
                w.change(income, **pi),
                w.change(spent, **pe)
            );
        }
        (Some(pi), None) => s += &format!("，与{}相比，收入{}。", ctx.prev, w.change(income, **pi)),
        (None, Some(pe)) => s += &format!("，与{}相比，支出{}。", ctx.prev, w.change(spent, **pe)),
        (None, None) => s.push('。'),
    }
    if let Some(r) = text(&e.reason) {
        s += &format!("主要原因是：{}", sentence(r));
    }
    out.push(para(s));
    if let (Some(pi), Some(pe)) = (&e.previous_income, &e.previous_expenditure) {
        let series = [format!("{}年度", ctx.year), ctx.prev.clone()];
        ctx.chart(out, "收入支出总计与上年对比", |title| {
            pair_chart(
                w,
                title,
                series,
                &[("收入总计", income, **pi), ("支出总计", spent, **pe)],
            )
        });
    }
}

/// The income of 公开01表 by source: 财政拨款 (the three funds) and the others, in form order.
fn income_sources(ctx: &Ctx) -> [(&'static str, Amount); 6] {
    let i = &ctx.doc.table01.income;
    let fiscal = get(i.general_budget.as_ref())
        + get(i.government_fund.as_ref())
        + get(i.state_capital.as_ref());
    [
        ("财政拨款收入", fiscal),
        ("上级补助收入", get(i.superior_subsidy.as_ref())),
        ("事业收入", get(i.business.as_ref())),
        ("经营收入", get(i.operating.as_ref())),
        ("附属单位上缴收入", get(i.affiliated.as_ref())),
        ("其他收入", get(i.other.as_ref())),
    ]
}

/// The spending of 公开03表 by kind, in form order.
fn spending_kinds(ctx: &Ctx) -> [(&'static str, Amount); 5] {
    let t = &ctx.doc.table03.total;
    [
        ("基本支出", get(t.basic.as_ref())),
        ("项目支出", get(t.project.as_ref())),
        ("上缴上级支出", get(t.to_superior.as_ref())),
        ("经营支出", get(t.operating.as_ref())),
        ("对附属单位补助支出", get(t.to_affiliated.as_ref())),
    ]
}

/// （二）收入决算情况说明, Zhejiang: every source with its share, 财政拨款 by fund.
pub(super) fn zhejiang_income(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let i = &ctx.doc.table01.income;
    let total = get(i.year_total.as_ref());
    let sources = income_sources(ctx);
    let of = |a: Amount| w.share(a, total, "，占收入合计").unwrap_or_default();
    let mut parts = vec![format!(
        "包括财政拨款收入{}（其中，一般公共预算{}，政府性基金预算{}，国有资本经营预算{}）{}",
        w.wan(sources[0].1),
        w.wan(get(i.general_budget.as_ref())),
        w.wan(get(i.government_fund.as_ref())),
        w.wan(get(i.state_capital.as_ref())),
        of(sources[0].1)
    )];
    for (label, a) in &sources[1..] {
        parts.push(format!("{label}{}{}", w.wan(*a), of(*a)));
    }
    out.push(para(format!(
        "本年收入合计{}；{}。",
        w.wan(total),
        parts.join("；")
    )));
    ctx.chart(out, "收入结构", |title| {
        share_chart(w, title, total, &sources.map(|(l, a)| (l.to_string(), a)))
    });
}

/// （三）支出决算情况说明, Zhejiang: every kind of spending with its share.
pub(super) fn zhejiang_expenditure(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let total = get(ctx.doc.table03.total.total.as_ref());
    let kinds = spending_kinds(ctx);
    let parts: Vec<String> = kinds
        .iter()
        .map(|(label, a)| {
            format!(
                "{label}{}{}",
                w.wan(*a),
                w.share(*a, total, "，占").unwrap_or_default()
            )
        })
        .collect();
    out.push(para(format!(
        "本年支出合计{}，其中{}。",
        w.wan(total),
        parts.join("；")
    )));
    ctx.chart(out, "支出结构", |title| {
        share_chart(w, title, total, &kinds.map(|(l, a)| (l.to_string(), a)))
    });
}

/// The year-start budget of all 财政拨款: the 一般公共预算 items plus the two funds' budgets.
fn fiscal_budget(ctx: &Ctx) -> Option<Amount> {
    let e = &ctx.doc.explanation;
    if let Some(b) = &e.fiscal.budget {
        return Some(b.amount);
    }
    let parts: Vec<Amount> = std::iter::once(super::general_budget::general_budget_plan(ctx))
        .chain(
            [&e.government_fund, &e.state_capital]
                .into_iter()
                .flatten()
                .map(|f| f.budget.as_ref().map(|b| b.amount)),
        )
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.into_iter().sum())
}

/// （四）财政拨款收入支出决算总体情况说明, Zhejiang: income and spending against last year, spending against the
/// year-start budget.
pub(super) fn zhejiang_fiscal(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let t = &ctx.doc.table04;
    let e = &ctx.doc.explanation.fiscal;
    let income = get(t.income.grand_total.as_ref());
    let spent = get(t.expenditure.grand_total.total.as_ref());
    let prev_year = format!("{}年", ctx.year - 1);
    let mut s = format!("{}年度财政拨款收入总计{}", ctx.year, w.wan(income));
    if let Some(p) = &e.previous_income {
        s += &format!(
            "，{}",
            with_subject("收入", &w.versus(&prev_year, income, **p))
        );
    }
    // One reason for both changes is said once, after both.
    let (income_reason, expenditure_reason) = (text(&e.income_reason), text(&e.expenditure_reason));
    let shared = income_reason.is_some() && income_reason == expenditure_reason;
    if shared {
        s.push('；');
    } else {
        s += &reason_sentence(income_reason);
    }
    s += &format!("支出总计{}", w.wan(spent));
    if let Some(p) = &e.previous_expenditure {
        s += &format!("，{}", with_subject("支出", &w.change(spent, **p)));
    }
    s += &reason_sentence(expenditure_reason);
    // Without a year-start budget stated the clause is left out, not printed as 0.00 (`missing-budget` warns).
    if let Some(budget) = fiscal_budget(ctx) {
        let year_spent = get(t.expenditure.year.total.as_ref());
        s += &format!(
            "财政拨款支出年初预算数{}{}",
            w.wan(budget),
            w.completion(year_spent, budget, "年初预算")
        );
        s += &because(text(&e.budget_reason));
        s.push('。');
    }
    out.push(para(s));
}

/// "{单位}{年}年度{what}总计X万元。与{上年}年度相比，{what}总计增加…。主要原因：…。" (Shanghai): income and
/// spending totals are one figure there.
fn shanghai_total(
    ctx: &Ctx,
    what: &str,
    total: Amount,
    previous: Option<Amount>,
    reason: Option<&str>,
) -> String {
    let w = ctx.words;
    let mut s = format!("{}{}年度{what}总计{}。", ctx.unit(), ctx.year, w.wan(total));
    if let Some(p) = previous {
        s += &w.versus_subject(&ctx.prev, &format!("{what}总计"), total, p);
        s.push('。');
    }
    if let Some(r) = reason {
        s += &format!("主要原因：{}", sentence(r));
    }
    s
}

/// 一、收入支出决算总体情况说明, Shanghai: 收入支出总计 against last year.
pub(super) fn shanghai_overall(ctx: &Ctx, out: &mut Vec<Block>) {
    let e = &ctx.doc.explanation.overall;
    let total = get(ctx.doc.table01.income.grand_total.as_ref());
    out.push(para(shanghai_total(
        ctx,
        "收入支出",
        total,
        e.previous_income.as_ref().map(|m| m.amount),
        text(&e.reason),
    )));
}

/// 四、财政拨款收入支出决算总体情况说明, Shanghai: 财政拨款收入支出总计 (公开04表) against last year.
pub(super) fn shanghai_fiscal(ctx: &Ctx, out: &mut Vec<Block>) {
    let e = &ctx.doc.explanation.fiscal;
    let total = get(ctx.doc.table04.income.grand_total.as_ref());
    out.push(para(shanghai_total(
        ctx,
        "财政拨款收入支出",
        total,
        e.previous_income.as_ref().map(|m| m.amount),
        text(&e.income_reason),
    )));
}

/// "{what}合计X万元，其中：A X万元，占p%；…。" listing only what is not zero (不涉及的不列).
fn listed(ctx: &Ctx, what: &str, total: Amount, items: &[(&str, Amount)]) -> String {
    let w = ctx.words;
    let parts: Vec<String> = items
        .iter()
        .filter(|(_, a)| !a.rounded().is_zero())
        .map(|(label, a)| {
            format!(
                "{label}{}{}",
                w.wan(*a),
                w.share(*a, total, "，占").unwrap_or_default()
            )
        })
        .collect();
    if parts.is_empty() {
        format!("{what}合计{}。", w.wan(total))
    } else {
        format!("{what}合计{}，其中：{}。", w.wan(total), parts.join("；"))
    }
}

/// 二、收入决算情况说明, Shanghai: the sources the unit has, with their shares.
pub(super) fn shanghai_income(ctx: &Ctx, out: &mut Vec<Block>) {
    let total = get(ctx.doc.table01.income.year_total.as_ref());
    out.push(para(listed(ctx, "本年收入", total, &income_sources(ctx))));
}

/// 三、支出决算情况说明, Shanghai: the kinds of spending the unit has, with their shares.
pub(super) fn shanghai_expenditure(ctx: &Ctx, out: &mut Vec<Block>) {
    let total = get(ctx.doc.table03.total.total.as_ref());
    out.push(para(listed(ctx, "本年支出", total, &spending_kinds(ctx))));
}
