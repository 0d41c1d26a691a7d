//! 政府性基金 (公开08表) and 国有资本经营 (公开09表) money: what was spent against all spending, last year and the
//! year-start budget — or the plain statement that the unit had none.

use super::general_budget::{item_sentence, structure_classes};
use super::wording::{Names, because, get, reason_sentence, text};
use super::{Block, Ctx, heading, para};
use crate::model::{Document, FundExplanation, FundFlowLine, Text};
use crate::money::{Amount, Money};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundKind {
    GovernmentFund,
    StateCapital,
}

impl FundKind {
    fn label(self) -> &'static str {
        match self {
            FundKind::GovernmentFund => "政府性基金预算财政拨款",
            FundKind::StateCapital => "国有资本经营预算财政拨款",
        }
    }

    fn explanation(self, doc: &Document) -> Option<&FundExplanation> {
        match self {
            FundKind::GovernmentFund => doc.explanation.government_fund.as_ref(),
            FundKind::StateCapital => doc.explanation.state_capital.as_ref(),
        }
    }

    fn table(self, doc: &Document) -> (&crate::model::FundFlowCells, &[FundFlowLine]) {
        match self {
            FundKind::GovernmentFund => (&doc.table08.total, &doc.table08.rows),
            FundKind::StateCapital => (&doc.table09.total, &doc.table09.rows),
        }
    }
}

/// A fund is empty when its table has no figure other than zero: then the section says so and nothing else.
pub fn fund_is_empty(doc: &Document, kind: FundKind) -> bool {
    let zero = |m: Option<&Money>| m.is_none_or(|m| m.is_zero());
    let (total, rows) = kind.table(doc);
    total.columns().into_iter().all(zero) && rows.iter().all(|r| r.columns().into_iter().all(zero))
}

/// （七）/（八）, Zhejiang: 1. 总体 2. 结构 3. 具体, or "本单位…无…收支安排，故无相关数据。".
pub(super) fn zhejiang(ctx: &Ctx, out: &mut Vec<Block>, kind: FundKind) {
    let w = ctx.words;
    let label = kind.label();
    let explanation = kind.explanation(ctx.doc);
    let structure = match kind {
        FundKind::GovernmentFund => &ctx.form.classes.government_fund,
        FundKind::StateCapital => &ctx.form.classes.state_capital,
    };
    let (cells, lines) = kind.table(ctx.doc);
    let total = get(cells.total.as_ref());
    let rows: Vec<(&Text, &Text, Amount)> = lines
        .iter()
        .map(|r| (&r.code, &r.name, get(r.total.as_ref())))
        .collect();
    if fund_is_empty(ctx.doc, kind) {
        out.push(para(format!(
            "本{}{}年度无{label}收支安排，故无相关数据。",
            ctx.kind, ctx.year
        )));
        return;
    }
    let all_spending = get(ctx.doc.table03.total.total.as_ref());
    let names = Names::new(ctx.form, rows.iter().map(|(c, n, _)| (*c, *n)));
    let what = format!("{label}支出");

    out.push(heading(3, format!("1.{what}决算总体情况。")));
    let mut s = format!("{}年度{what}{}", ctx.year, w.wan(total));
    s += &w
        .share(total, all_spending, "，占本年支出合计的")
        .unwrap_or_default();
    s.push('。');
    if let Some(p) = explanation.and_then(|e| e.previous_expenditure.as_ref()) {
        let prev_year = format!("{}年", ctx.year - 1);
        s += &w.versus_subject(&prev_year, &what, total, **p);
        s += &reason_sentence(explanation.and_then(|e| text(&e.change_reason)));
    }
    out.push(para(s));

    out.push(heading(3, format!("2.{what}决算结构情况。")));
    let classes = structure_classes(
        structure,
        rows.iter().map(|(c, _, a)| (c.value.as_str(), *a)),
    );
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
    out.push(para(format!(
        "{}年度{what}{}，主要用于以下方面：{}。",
        ctx.year,
        w.wan(total),
        parts.join("；")
    )));

    out.push(heading(3, format!("3.{what}决算具体情况。")));
    let budget = explanation
        .and_then(|e| e.budget.as_ref())
        .map(|b| b.amount);
    let mut s = format!(
        "{}年度{what}{}",
        ctx.year,
        super::general_budget::plan_and_actual(w, budget, total, "决算为")
    );
    s += &because(explanation.and_then(|e| text(&e.budget_reason)));
    s.push('。');
    out.push(para(s));
}

/// 八、/九、, Shanghai: income and spending, then each 项 against its year-start budget; or "{单位}{年}年度无…
/// 收入和支出。".
pub(super) fn shanghai(ctx: &Ctx, out: &mut Vec<Block>, kind: FundKind) {
    let w = ctx.words;
    let label = kind.label();
    if fund_is_empty(ctx.doc, kind) {
        out.push(para(format!(
            "{}{}年度无{label}收入和支出。",
            ctx.unit(),
            ctx.year
        )));
        return;
    }
    let (cells, lines) = kind.table(ctx.doc);
    out.push(para(format!(
        "{label}收入{}，支出{}，支出具体情况如下：",
        w.wan(get(cells.income.as_ref())),
        w.wan(get(cells.total.as_ref()))
    )));
    let names = Names::new(ctx.form, lines.iter().map(|r| (&r.code, &r.name)));
    let items = kind.explanation(ctx.doc).map_or(&[][..], |e| &e.items[..]);
    for (k, row) in lines.iter().filter(|r| r.code.len() == 7).enumerate() {
        let planned = items.iter().find(|i| i.code.value == row.code.value);
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
