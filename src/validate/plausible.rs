//! Figures that add up but are hardly what the unit meant: last year's income typed as 0.01 makes a growth of
//! 10,613,700.00 %, a budget typed in 元 a completion rate of 0.01 %. Published documents show changes on last
//! year of a few hundred percent at most (the largest in our sources: +277.22 %, an item of the 司法局 2026 预算) and
//! completion rates of a few percent to a few hundred: beyond [`LIMIT`] (a factor of 10 either way) `check` warns
//! at the value, and the document still renders.

use rust_decimal::Decimal;

use super::Validator;
use crate::diag::Diagnostic;
use crate::model::Document;
use crate::money::{Amount, Money};
use crate::rule::Rule;
use crate::tr;

/// A change or completion beyond ×10 or below ÷10 (+900 % / −90 %; 1000 % / 10 % complete).
const LIMIT: i64 = 10;

impl Validator<'_, Document> {
    pub(super) fn plausibility(&mut self) {
        let d = self.doc;
        let e = &d.explanation;
        let get = |m: &Option<Money>| m.as_ref().map(|m| m.amount);
        let t1 = &d.table01;
        let t4 = &d.table04;
        let changes: Vec<(&str, Option<&Money>, Option<Amount>, &str)> = vec![
            (
                "explanation.toml",
                e.overall.previous_income.as_ref(),
                get(&t1.income.grand_total),
                "收入总计",
            ),
            (
                "explanation.toml",
                e.overall.previous_expenditure.as_ref(),
                get(&t1.expenditure.grand_total),
                "支出总计",
            ),
            (
                "explanation.toml",
                e.fiscal.previous_income.as_ref(),
                get(&t4.income.grand_total),
                "财政拨款收入总计",
            ),
            (
                "explanation.toml",
                e.fiscal.previous_expenditure.as_ref(),
                t4.expenditure.grand_total.total.as_ref().map(|m| m.amount),
                "财政拨款支出总计",
            ),
            (
                "explanation.toml",
                e.general_budget.previous_expenditure.as_ref(),
                d.table05.total.total.as_ref().map(|m| m.amount),
                "一般公共预算财政拨款支出",
            ),
            (
                "operating_costs.toml",
                d.operating_costs.previous.as_ref(),
                Some(d.operating_costs.actual.amount),
                "机关运行经费",
            ),
            (
                "three_public.toml",
                d.three_public.overseas.previous.as_ref(),
                get(&d.table07.actual.overseas),
                "因公出国（境）费",
            ),
            (
                "three_public.toml",
                d.three_public.vehicles.previous.as_ref(),
                get(&d.table07.actual.vehicles),
                "公务用车购置及运行费",
            ),
            (
                "three_public.toml",
                d.three_public.reception.previous.as_ref(),
                get(&d.table07.actual.reception),
                "公务接待费",
            ),
        ];
        for (file, previous, current, what) in changes {
            let (Some(previous), Some(current)) = (previous, current) else {
                continue;
            };
            if let Some(factor) = beyond(current, previous.amount) {
                self.warn(
                    file,
                    previous,
                    tr!(
                        "implausible-change",
                        what = what,
                        previous = previous.amount.display(),
                        factor = &factor
                    ),
                    "上年数",
                    current,
                );
            }
        }
        let items = e.general_budget.items.iter().filter_map(|item| {
            let budget = item.budget.as_ref()?;
            let actual = d
                .table05
                .rows
                .iter()
                .find(|r| r.code.value == item.code.value)?
                .total
                .as_ref()?
                .amount;
            Some((budget, actual, format!("项 {} 年初预算", item.code.value)))
        });
        let mut completions: Vec<(&Money, Amount, String)> = items.collect();
        if let Some(b) = &d.operating_costs.budget {
            completions.push((
                b,
                d.operating_costs.actual.amount,
                "机关运行经费年初预算".into(),
            ));
        }
        for (budget, actual, what) in completions {
            if let Some(factor) = beyond(actual, budget.amount) {
                let file = if what.starts_with("机关") {
                    "operating_costs.toml"
                } else {
                    "explanation.toml"
                };
                self.warn(
                    file,
                    budget,
                    tr!(
                        "implausible-completion",
                        what = &what,
                        budget = budget.amount.display(),
                        factor = &factor
                    ),
                    "预算数",
                    actual,
                );
            }
        }
    }

    fn warn(&mut self, file: &str, at: &Money, message: String, label: &str, other: Amount) {
        // A figure taken from a linked 预算 points nowhere in this folder's files.
        if at.span.is_empty() {
            return;
        }
        let id = self.file(file);
        self.out.push(
            Diagnostic::new(Rule::Implausible, message)
                .at(id, at.span.clone(), label)
                .note(tr!(
                    "implausible-note",
                    figure = other.display(),
                    limit = LIMIT
                )),
        );
    }
}

/// `now` as a percentage of `then` ("10613800.00%") when it is beyond [`LIMIT`] either way; zero on either side is
/// a real 新增 or 停止 and says nothing.
fn beyond(now: Amount, then: Amount) -> Option<String> {
    let (now, then) = (now.rounded().decimal(), then.rounded().decimal());
    if now <= Decimal::ZERO || then <= Decimal::ZERO {
        return None;
    }
    let limit = Decimal::from(LIMIT);
    if now > then * limit || now * limit < then {
        let percent = Amount::new(now / then * Decimal::from(100)).rounded();
        Some(format!("{}%", percent.display()))
    } else {
        None
    }
}
