//! 一般公共预算财政拨款支出 (公开05表) and its 基本支出 (公开06表): the total against all spending and last year,
//! the structure by 类, each 项 against its year-start budget, and the 人员经费 / 公用经费 they went to.

use super::charts::share_chart;
use super::wording::{Names, Words, class_stem, compared, get, sentence, text};
use super::{Block, Ctx, heading, para};
use crate::model::{ItemBudget, SpendLine};
use crate::money::Amount;

/// The year-start budget of 一般公共预算 money: as stated, else the sum of the 项 budgets.
pub(super) fn general_budget_plan(ctx: &Ctx) -> Option<Amount> {
    let e = &ctx.doc.explanation.general_budget;
    e.budget.as_ref().map(|b| b.amount).or_else(|| {
        let stated: Vec<Amount> = e
            .items
            .iter()
            .filter_map(|i| i.budget.as_ref().map(|b| b.amount))
            .collect();
        (!stated.is_empty()).then(|| stated.into_iter().sum())
    })
}

/// "年初预算为X，支出决算为Y，完成年初预算的r%", or only "{alone}Y" when no year-start budget is stated: a budget
/// the data does not give is not printed as 0.00 (`missing-budget` says which).
pub(super) fn plan_and_actual(
    w: Words,
    budget: Option<Amount>,
    actual: Amount,
    alone: &str,
) -> String {
    match budget {
        Some(b) => format!(
            "年初预算为{}，支出决算为{}{}",
            w.wan(b),
            w.wan(actual),
            w.completion(actual, b, "年初预算")
        ),
        None => format!("{alone}{}", w.wan(actual)),
    }
}

/// （五）一般公共预算财政拨款支出决算情况说明, Zhejiang: 1. 总体 2. 结构 3. 具体 (each 项).
pub(super) fn zhejiang(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let t = &ctx.doc.table05;
    let e = &ctx.doc.explanation.general_budget;
    let total = get(t.total.total.as_ref());
    let all_spending = get(ctx.doc.table03.total.total.as_ref());
    let names = Names::new(ctx.form, t.rows.iter().map(|r| (&r.code, &r.name)));

    out.push(heading(3, "1.一般公共预算财政拨款支出决算总体情况。"));
    let mut s = format!("{}年度一般公共预算财政拨款支出{}", ctx.year, w.wan(total));
    s += &w
        .share(total, all_spending, "，占本年支出合计的")
        .unwrap_or_default();
    s.push('。');
    if let Some(p) = &e.previous_expenditure {
        let prev_year = format!("{}年", ctx.year - 1);
        s += &format!(
            "{}。",
            w.versus_subject(&prev_year, "一般公共预算财政拨款支出", total, **p)
        );
    }
    if let Some(r) = text(&e.change_reason) {
        s += &format!("主要原因是：{}", sentence(r));
    }
    out.push(para(s));

    out.push(heading(3, "2.一般公共预算财政拨款支出决算结构情况。"));
    let by_class: Vec<(String, Amount)> = structure_classes(
        &ctx.form.classes.general_budget,
        t.rows
            .iter()
            .map(|r| (r.code.value.as_str(), get(r.total.as_ref()))),
    );
    out.push(para(structure_sentence(
        ctx,
        "一般公共预算财政拨款支出",
        total,
        &by_class,
        &names,
    )));
    ctx.chart(
        out,
        "一般公共预算财政拨款支出结构（按功能分类“类”级科目）",
        |title| {
            let items: Vec<(String, Amount)> = by_class
                .iter()
                .map(|(code, a)| (class_stem(&names.name(code)).to_string(), *a))
                .collect();
            share_chart(w, title, total, &items)
        },
    );

    out.push(heading(3, "3.一般公共预算财政拨款支出决算具体情况。"));
    let budget = general_budget_plan(ctx);
    let mut s = format!(
        "{}年度一般公共预算财政拨款支出{}。",
        ctx.year,
        plan_and_actual(w, budget, total, "决算为")
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
        let planned = e
            .items
            .iter()
            .find(|i| i.code.value == row.code.value)
            .and_then(|p| p.budget.as_ref().map(|b| (p, b.amount)));
        let mut s = format!("{}。", names.path(&row.code));
        s += &plan_and_actual(w, planned.map(|(_, b)| b), actual, "支出决算为");
        match planned.and_then(|(p, b)| text(&p.reason).map(|r| (b, r))) {
            Some((budget, r)) => {
                s += &format!(
                    "，决算数{}预算数的主要原因是{}",
                    compared(actual, budget),
                    sentence(r)
                )
            }
            None => s.push('。'),
        }
        out.push(para(s));
    }
}

/// "2020年度一般公共预算财政拨款支出X万元，主要用于以下方面：教育（类）支出X万元，占p%；…。" (Zhejiang)
fn structure_sentence(
    ctx: &Ctx,
    what: &str,
    total: Amount,
    classes: &[(String, Amount)],
    names: &Names,
) -> String {
    let w = ctx.words;
    let parts: Vec<String> = classes
        .iter()
        .map(|(code, a)| {
            format!(
                "{}{}{}",
                super::wording::class_phrase(&names.name(code)),
                w.wan(*a),
                w.share(*a, total, "，占").unwrap_or_default()
            )
        })
        .collect();
    format!(
        "{}年度{what}{}，主要用于以下方面：{}。",
        ctx.year,
        w.wan(total),
        parts.join("；")
    )
}

/// The 类 a Zhejiang structure sentence names: the form's list, then any other 类 the table has, with amounts.
pub(super) fn structure_classes<'a>(
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

/// （六）一般公共预算财政拨款基本支出决算情况说明, Zhejiang.
pub(super) fn zhejiang_basic(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let basic = get(ctx.doc.table05.total.basic.as_ref());
    out.push(para(format!(
        "{}年度一般公共预算财政拨款基本支出{}，其中：",
        ctx.year,
        w.wan(basic)
    )));
    for (label, total, items) in basic_parts(ctx) {
        let mut s = format!("{label}{}", w.wan(total));
        if !items.is_empty() {
            s += &format!("，主要包括：{}", items.join("、"));
        }
        s.push('。');
        out.push(para(s));
    }
}

/// 人员经费 and 公用经费 (公开06表): each total and the 款 it went to (those not zero); a 类 stated without its 款
/// (303 对个人和家庭的补助 as one line) is named itself.
fn basic_parts<'d>(ctx: &Ctx<'d>) -> [(&'static str, Amount, Vec<&'d str>); 2] {
    let t = &ctx.doc.table06;
    let items = |lines: &'d [crate::model::EconomicLine]| -> Vec<&'d str> {
        let has_items = |class: &str| {
            lines
                .iter()
                .any(|l| l.code.len() == 5 && l.code.value.starts_with(class))
        };
        lines
            .iter()
            .filter(|l| l.amount.as_ref().is_none_or(|a| !a.is_zero()))
            .filter(|l| l.code.len() == 5 || (l.code.len() == 3 && !has_items(&l.code.value)))
            .map(|l| l.name.value.as_str())
            .collect()
    };
    [
        (
            "人员经费",
            get(t.personnel_total.as_ref()),
            items(&t.personnel),
        ),
        ("公用经费", get(t.public_total.as_ref()), items(&t.public)),
    ]
}

/// 五、一般公共预算财政拨款支出决算情况说明, Shanghai: （一）总体 （二）结构 （三）具体, each 项 with what it was used
/// for.
pub(super) fn shanghai(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let t = &ctx.doc.table05;
    let e = &ctx.doc.explanation.general_budget;
    let total = get(t.total.total.as_ref());
    let all_spending = get(ctx.doc.table03.total.total.as_ref());
    let names = Names::new(ctx.form, t.rows.iter().map(|r| (&r.code, &r.name)));

    out.push(heading(3, "（一）一般公共预算财政拨款支出决算总体情况"));
    let mut s = format!("一般公共预算财政拨款支出{}", w.wan(total));
    s += &w
        .share(total, all_spending, "，占本年支出合计的")
        .unwrap_or_default();
    s.push('。');
    if let Some(p) = &e.previous_expenditure {
        s += &w.versus_subject(&ctx.prev, "一般公共预算财政拨款支出", total, **p);
        s.push('。');
    }
    if let Some(r) = text(&e.change_reason) {
        s += &format!("主要原因：{}", sentence(r));
    }
    out.push(para(s));

    out.push(heading(3, "（二）一般公共预算财政拨款支出决算结构情况"));
    let parts: Vec<String> = t
        .rows
        .iter()
        .filter(|r| r.code.len() == 3)
        .map(|r| (r, get(r.total.as_ref())))
        .filter(|(_, a)| !a.rounded().is_zero())
        .map(|(r, a)| {
            format!(
                "{}（类）{}{}",
                names.name(&r.code),
                w.wan(a),
                w.share(a, total, "，占").unwrap_or_default()
            )
        })
        .collect();
    let mut s = format!("一般公共预算财政拨款支出{}", w.wan(total));
    if !parts.is_empty() {
        s += &format!("，主要用于以下方面：{}", parts.join("；"));
    }
    s.push('。');
    out.push(para(s));

    out.push(heading(3, "（三）一般公共预算财政拨款支出决算具体情况"));
    let budget = general_budget_plan(ctx);
    let items: Vec<&SpendLine> = t.rows.iter().filter(|r| r.code.len() == 7).collect();
    let mut s = format!(
        "一般公共预算财政拨款支出{}。",
        plan_and_actual(w, budget, total, "决算为")
    );
    if let Some(budget) = budget {
        s += &against_budget(total, budget, text(&e.budget_reason));
    }
    if !items.is_empty() {
        s += "其中：";
    }
    out.push(para(s));
    for (k, row) in items.iter().enumerate() {
        let planned = e.items.iter().find(|i| i.code.value == row.code.value);
        out.push(para(format!(
            "{}、{}",
            k + 1,
            item_sentence(
                ctx,
                &names.path(&row.code),
                get(row.total.as_ref()),
                planned
            )
        )));
    }
}

/// One 项 against its year-start budget (Shanghai): "{类}（类）{款}（款）{项}（项）。主要用于：…。年初预算为…，支出
/// 决算为…，完成年初预算的…。决算数同预算数持平。"
pub(super) fn item_sentence(
    ctx: &Ctx,
    path: &str,
    actual: Amount,
    planned: Option<&ItemBudget>,
) -> String {
    let w = ctx.words;
    let mut s = format!("{path}。");
    if let Some(purpose) = planned.and_then(|p| text(&p.purpose)) {
        s += &format!("主要用于：{}", sentence(purpose));
    }
    let budget = planned.and_then(|p| p.budget.as_ref()).map(|b| b.amount);
    s += &plan_and_actual(w, budget, actual, "支出决算为");
    s.push('。');
    if let (Some(p), Some(budget)) = (planned, budget) {
        s += &against_budget(actual, budget, text(&p.reason));
    }
    s
}

/// "决算数同预算数持平。" or "决算数小于预算数的主要原因：…。" (Shanghai).
fn against_budget(actual: Amount, budget: Amount, reason: Option<&str>) -> String {
    match (compared(actual, budget), reason) {
        ("等于", _) => "决算数同预算数持平。".to_string(),
        (word, Some(r)) => format!("决算数{word}预算数的主要原因：{}", sentence(r)),
        (word, None) => format!("决算数{word}预算数。"),
    }
}

/// 六、一般公共预算财政拨款基本支出决算情况说明, Shanghai.
pub(super) fn shanghai_basic(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let basic = get(ctx.doc.table05.total.basic.as_ref());
    let parts: Vec<String> = basic_parts(ctx)
        .into_iter()
        .map(|(label, total, items)| {
            let mut s = format!("{label}{}", w.wan(total));
            if !items.is_empty() {
                s += &format!("，主要包括：{}", items.join("、"));
            }
            s
        })
        .collect();
    out.push(para(format!(
        "一般公共预算财政拨款基本支出{}。其中：{}。",
        w.wan(basic),
        parts.join("；")
    )));
}
