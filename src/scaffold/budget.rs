//! The values of a new 预算 folder: its standing text and last year's budgets carried over from last year's 预算
//! (`--from`), else placeholders marked 待填写.

use super::{array_items, fonts, template, terms, toml_string, vehicles};
use crate::form::Form;
use crate::model::BudgetDocument;
use crate::money::{Amount, Money, Yuan};

/// `{{name}}` → value for the templates of `scaffold/<form>/` (besides form, unit, year and kind).
pub(super) fn values(
    form: &Form,
    year: i32,
    last: Option<&BudgetDocument>,
) -> Vec<(&'static str, String)> {
    let info = last.map(|l| &l.document);
    let region = info
        .and_then(|i| i.region.as_ref())
        .map_or("待填写：地区（如上海市普陀区）", |r| {
            r.value.as_str()
        });
    let overview = last.map(|l| &l.overview);
    let texts = |items: Option<&Vec<crate::model::Text>>, default: &[&str]| match items {
        Some(items) => array_items(items.iter().map(|t| t.value.as_str())),
        None => array_items(default.iter().copied()),
    };
    let organization = overview.map(|o| &o.organization);
    let units = match organization {
        Some(org) => org
            .units
            .iter()
            .map(|u| {
                let description = u
                    .description
                    .as_ref()
                    .map(|d| format!(", description = {}", toml_string(&d.value)))
                    .unwrap_or_default();
                format!(
                    "    {{ name = {}, kind = {}{description} }},",
                    toml_string(&u.name.value),
                    toml_string(u.kind.value.word())
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        None => String::new(),
    };
    let headquarters = match organization.and_then(|o| o.headquarters.as_ref()) {
        Some(h) => format!("headquarters = {}", toml_string(&h.value)),
        None => "# headquarters = \"××本部\"".to_string(),
    };
    let (glossary, _) = terms(form, last.map(|l| &l.glossary));
    let glossary = if last.is_none() {
        template(form, "default-terms.toml")
            .unwrap_or("")
            .to_string()
    } else {
        glossary
    };
    vec![
        ("region", toml_string(region)),
        ("published", published(year, last)),
        ("fonts", fonts(info)),
        (
            "intro",
            texts(overview.map(|o| &o.intro), &["待填写：主要职能前的段落"]),
        ),
        (
            "duties",
            texts(
                overview.map(|o| &o.duties),
                &["待填写：第一项职能", "待填写：第二项职能"],
            ),
        ),
        ("headquarters", headquarters),
        ("units", units),
        (
            "text",
            texts(organization.map(|o| &o.text), &["待填写：机构设置"]),
        ),
        ("terms", glossary),
        ("previous", previous(last)),
        ("three_public", three_public(last)),
        ("operating_costs", operating_costs(last)),
        ("as_of", format!("{}-08-31", year - 1)),
        (
            "vehicles",
            vehicles(form, last.map(|l| l.assets.vehicles.as_slice())),
        ),
    ]
}

/// Last year's day a year on, else 31 January of the budget year.
fn published(year: i32, last: Option<&BudgetDocument>) -> String {
    let (month, day) = last
        .and_then(|l| l.document.published.value.date)
        .map_or((1, 31), |d| (d.month, d.day));
    let day = if month == 2 && day == 29 { 28 } else { day };
    format!("{year}-{month:02}-{day:02}")
}

/// A figure in 万元 as TOML, two decimals.
fn wan(amount: Amount) -> String {
    amount.rounded().decimal().to_string()
}

fn yuan(y: &Option<Yuan>) -> String {
    wan(y.as_ref().map_or(Amount::ZERO, Yuan::wan))
}

fn money(m: &Option<Money>) -> String {
    wan(m.as_ref().map_or(Amount::ZERO, |m| m.amount))
}

/// `key = figure  # 待填写` or last year's figure with where it came from.
fn line(key: &str, last: Option<String>, what: &str) -> String {
    match last {
        Some(figure) => format!("{key} = {figure}   # 上年{what}，取自上年预算表"),
        None => format!("{key} = 0  # 待填写：上年{what}"),
    }
}

/// explanation.toml's [previous]: last year's budgets, from last year's tables 1, 4, 5, 6, 7.
fn previous(last: Option<&BudgetDocument>) -> String {
    [
        (
            "fiscal_income",
            last.map(|l| yuan(&l.table01.income.fiscal)),
            "财政拨款收入预算",
        ),
        (
            "fiscal_expenditure",
            last.map(|l| yuan(&l.table04.expenditure.total.total)),
            "财政拨款支出预算",
        ),
        (
            "general_budget",
            last.map(|l| yuan(&l.table05.total.total)),
            "一般公共预算拨款支出预算",
        ),
        (
            "government_fund",
            last.map(|l| yuan(&l.table06.total.total)),
            "政府性基金拨款支出预算",
        ),
        (
            "state_capital",
            last.map(|l| yuan(&l.table07.total.total)),
            "国有资本经营预算拨款支出预算",
        ),
    ]
    .into_iter()
    .map(|(key, figure, what)| line(key, figure, what))
    .collect::<Vec<_>>()
    .join("\n")
}

/// three_public.toml: last year's 三公 budgets (table 9) and a reason to fill in for each.
fn three_public(last: Option<&BudgetDocument>) -> String {
    let t = last.map(|l| &l.table09);
    let mut out = vec![line(
        "previous",
        t.map(|t| money(&t.total)),
        "“三公”经费预算数",
    )];
    for (key, pick, what) in [
        (
            "overseas",
            (|t: &crate::model::budget::Table09| &t.overseas) as fn(&_) -> &Option<Money>,
            "因公出国（境）费",
        ),
        ("vehicles", |t| &t.vehicles, "公务用车购置及运行费"),
        (
            "vehicle_purchase",
            |t| &t.vehicle_purchase,
            "公务用车购置费",
        ),
        (
            "vehicle_operation",
            |t| &t.vehicle_operation,
            "公务用车运行费",
        ),
        ("reception", |t| &t.reception, "公务接待费"),
    ] {
        out.push(format!(
            "\n[{key}]\n{}\nreason = \"待填写：{what}增减（持平）的主要原因\"",
            line("previous", t.map(|t| money(pick(t))), what)
        ));
    }
    out.join("\n") + "\n"
}

/// operating_costs.toml: last year's 机关运行经费 budget, where there is one.
fn operating_costs(last: Option<&BudgetDocument>) -> String {
    match last.and_then(|l| l.table09.operating_costs.as_ref()) {
        Some(m) => format!(
            "previous = {}   # 上年机关运行经费预算\nreason = \"待填写：增减（持平）的主要原因\"\n",
            wan(m.amount)
        ),
        None => String::new(),
    }
}
