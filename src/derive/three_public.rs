//! “三公”经费 (公开07表 and three_public.toml): budget against actual, each kind against last year, and the counts
//! behind them (团组, 人次, 辆, 批次).

use super::wording::{because, compared, get, sentence, text};
use super::{Block, Ctx, heading, para};
use crate::model::Text;
use crate::money::Amount;
use crate::money::Money;

/// （九）一般公共预算财政拨款“三公”经费支出决算情况说明, Zhejiang.
pub(super) fn zhejiang(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let t = &ctx.doc.table07;
    let d = &ctx.doc.three_public;
    let (b, a) = (&t.budget, &t.actual);
    let total_b = get(b.total.as_ref());
    let total_a = get(a.total.as_ref());
    let y = ctx.year;

    out.push(heading(
        3,
        "1.“三公”经费一般公共预算财政拨款支出决算总体情况说明。",
    ));
    let mut s = format!(
        "{y}年度“三公”经费一般公共预算财政拨款支出预算为{}，支出决算为{}{}",
        w.wan(total_b),
        w.wan(total_a),
        w.completion(total_a, total_b, "预算")
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
    let part = |label: &str, amount: Amount, previous: &Option<Money>, reason: &Option<Text>| {
        let mut s = format!("{label}支出决算为{}", w.wan(amount));
        s += &w.share(amount, total_a, "，占").unwrap_or_default();
        if let Some(p) = previous {
            s += &format!("，{}", w.versus(&ctx.prev, amount, **p));
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
        w.wan(ob),
        w.wan(overseas),
        w.completion(overseas, ob, "预算")
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
        w.wan(vb),
        w.wan(vehicles),
        w.completion(vehicles, vb, "预算")
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
        w.wan(pb),
        w.wan(pa),
        w.completion(pa, pb, "预算")
    );
    if let Some(r) = text(&d.vehicles.purchase_reason) {
        s += &format!(
            "决算数{}预算数的主要原因是{}",
            compared(pa, pb),
            sentence(r)
        );
    }
    if let Some(n) = &d.vehicles.purchased {
        s += &format!("主要用于经批准购置的{}辆公务用车。", **n);
    }
    out.push(para(s));
    let (rb, ra) = (
        get(b.vehicle_operation.as_ref()),
        get(a.vehicle_operation.as_ref()),
    );
    let mut s = format!(
        "公务用车运行维护费预算数为{}，支出决算为{}{}。",
        w.wan(rb),
        w.wan(ra),
        w.completion(ra, rb, "预算")
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
        ctx.kind, *d.vehicles.fleet
    );
    out.push(para(s));

    // （3）公务接待费
    let r = &d.reception;
    let cb = get(b.reception.as_ref());
    let mut s = format!(
        "（3）公务接待费预算数为{}，支出决算为{}{}。",
        w.wan(cb),
        w.wan(reception),
        w.completion(reception, cb, "预算")
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
    // 公务接待费 is spent in China: 国内公务接待 includes the 外宾 received, which the sentence says, so that the
    // total is not read as domestic guests only.
    s += &format!(
        "全年使用一般公共预算财政拨款国内公务接待{}团组，累计{}人次",
        *r.foreign.groups + *r.domestic.groups,
        *r.foreign.people + *r.domestic.people
    );
    if *r.foreign.groups > 0 || *r.foreign.people > 0 {
        s += &format!(
            "（含外宾接待{}团组、{}人次）",
            *r.foreign.groups, *r.foreign.people
        );
    }
    s.push('。');
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
            w.wan(p.amount.amount),
            *p.groups,
            *p.people
        )));
    }
}

/// One kind of “三公” spending: its label, this year's 决算 and 预算, last year's figure and the reason it changed.
struct Kind<'d> {
    label: &'static str,
    actual: Amount,
    budget: Amount,
    previous: Option<Amount>,
    reason: Option<&'d str>,
}

/// The three kinds, in the form's order.
fn kinds<'d>(ctx: &Ctx<'d>) -> [Kind<'d>; 3] {
    let t = &ctx.doc.table07;
    let d = &ctx.doc.three_public;
    let (b, a) = (&t.budget, &t.actual);
    let previous = |m: &Option<Money>| m.as_ref().map(|m| m.amount);
    [
        Kind {
            label: "因公出国（境）费",
            actual: get(a.overseas.as_ref()),
            budget: get(b.overseas.as_ref()),
            previous: previous(&d.overseas.previous),
            reason: text(&d.overseas.change_reason),
        },
        Kind {
            label: "公务用车购置及运行维护费",
            actual: get(a.vehicles.as_ref()),
            budget: get(b.vehicles.as_ref()),
            previous: previous(&d.vehicles.previous),
            reason: text(&d.vehicles.change_reason),
        },
        Kind {
            label: "公务接待费",
            actual: get(a.reception.as_ref()),
            budget: get(b.reception.as_ref()),
            previous: previous(&d.reception.previous),
            reason: text(&d.reception.change_reason),
        },
    ]
}

/// 七、财政拨款“三公”经费支出决算情况说明, Shanghai: （一）总体 (against the budget and last year) （二）具体.
pub(super) fn shanghai(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let t = &ctx.doc.table07;
    let d = &ctx.doc.three_public;
    let y = ctx.year;
    let total_b = get(t.budget.total.as_ref());
    let total_a = get(t.actual.total.as_ref());
    let all_zero = [&t.budget, &t.actual].iter().all(|c| {
        c.columns()
            .into_iter()
            .all(|m| m.is_none_or(|m| m.is_zero()))
    });
    if all_zero {
        out.push(para(format!(
            "{}{y}年度无“三公”经费财政拨款支出。",
            ctx.unit()
        )));
        return;
    }
    let kinds = kinds(ctx);

    out.push(heading(3, "（一）“三公”经费财政拨款支出决算总体情况说明。"));
    let parts: Vec<String> = kinds
        .iter()
        .enumerate()
        .map(|(k, kind)| {
            // 出国 is "决算为", the others "支出决算为", as the form words them.
            let verb = if k == 0 {
                "决算为"
            } else {
                "支出决算为"
            };
            format!(
                "{}{verb}{}{}",
                kind.label,
                w.wan(kind.actual),
                w.completion(kind.actual, kind.budget, "预算")
            )
        })
        .collect();
    let mut s = format!(
        "“三公”经费财政拨款支出年初预算为{}，支出决算为{}{}，其中：{}。",
        w.wan(total_b),
        w.wan(total_a),
        w.completion(total_a, total_b, "预算"),
        parts.join("；")
    );
    s += &match (compared(total_a, total_b), text(&d.budget_reason)) {
        ("等于", _) => format!("{y}年度“三公”经费支出决算数同预算数持平。"),
        (word, Some(r)) => format!(
            "{y}年度“三公”经费支出决算数{word}预算数的主要原因：{}",
            sentence(r)
        ),
        (word, None) => format!("{y}年度“三公”经费支出决算数{word}预算数。"),
    };
    out.push(para(s));

    // Against last year: only when every kind's figure of last year is given.
    let previous: Option<Vec<Amount>> = kinds.iter().map(|k| k.previous).collect();
    if let Some(previous) = previous {
        let before: Amount = previous.iter().copied().sum();
        let against = match w.change(total_a, before).as_str() {
            "持平" => format!("与{}年度持平", y - 1),
            change => format!("比{}年度{change}", y - 1),
        };
        let parts: Vec<String> = kinds
            .iter()
            .map(
                |k| match w.change(k.actual, k.previous.unwrap_or_default()).as_str() {
                    "持平" => format!("{}支出与上一年度持平", k.label),
                    change => format!("{}支出决算{change}", k.label),
                },
            )
            .collect();
        let mut s = format!(
            "{y}年度“三公”经费财政拨款支出决算数{against}，其中：{}。",
            parts.join("；")
        );
        for k in &kinds {
            let (Some(before), Some(reason)) = (k.previous, k.reason) else {
                continue;
            };
            let direction = match compared(k.actual, before) {
                "大于" => "增加",
                "小于" => "减少",
                _ => continue,
            };
            s += &format!("{}支出{direction}的主要原因是{}", k.label, sentence(reason));
        }
        out.push(para(s));
    }

    out.push(heading(3, "（二）“三公”经费财政拨款支出决算具体情况说明。"));
    let parts: Vec<String> = kinds
        .iter()
        .map(|k| {
            format!(
                "{}支出决算{}{}",
                k.label,
                w.wan(k.actual),
                w.share(k.actual, total_a, "，占").unwrap_or_default()
            )
        })
        .collect();
    out.push(para(format!(
        "“三公”经费财政拨款支出决算中，{}。具体情况如下：",
        parts.join("；")
    )));

    let o = &d.overseas;
    let mut s = format!(
        "1、因公出国（境）费支出{}。全年安排因公出国（境）团组{}个、累计{}人次。",
        w.wan(kinds[0].actual),
        *o.groups,
        *o.people
    );
    if let Some(c) = text(&o.content) {
        s += &format!("开支内容包括：{}", sentence(c));
    }
    out.push(para(s));

    let v = &d.vehicles;
    out.push(para(format!(
        "2、公务用车购置及运行维护费支出{}。其中：",
        w.wan(kinds[1].actual)
    )));
    let mut s = format!(
        "公务用车购置支出为{}。",
        w.wan(get(t.actual.vehicle_purchase.as_ref()))
    );
    if let Some(n) = &v.purchased {
        s += &format!("购置公务用车{}辆。", **n);
    }
    out.push(para(s));
    let mut s = format!(
        "公务用车运行维护支出{}。",
        w.wan(get(t.actual.vehicle_operation.as_ref()))
    );
    if let Some(p) = text(&v.operation_purpose) {
        s += &format!("主要用于{}", sentence(p));
    }
    out.push(para(s));
    out.push(para(format!(
        "{y}年，{}所属各预算单位开支财政拨款的公务用车保有量为{}辆。",
        ctx.unit(),
        *v.fleet
    )));

    let r = &d.reception;
    out.push(para(format!(
        "3、公务接待费支出{}。其中：",
        w.wan(kinds[2].actual)
    )));
    let mut s = format!(
        "国内公务接待支出{}（含外宾接待支出{}）。",
        w.wan(kinds[2].actual),
        w.wan(r.foreign.amount.amount)
    );
    if let Some(p) = text(&r.purpose) {
        s += &format!("主要用于{p}，");
    }
    s += &format!(
        "公务接待{}批次、{}人次，其中：接待外宾{}批次、{}人次。",
        *r.foreign.groups + *r.domestic.groups,
        *r.foreign.people + *r.domestic.people,
        *r.foreign.groups,
        *r.foreign.people
    );
    out.push(para(s));
}
