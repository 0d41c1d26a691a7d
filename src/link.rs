//! Documents that name each other: a 决算 names its year's 预算 (`budget = "../x-2024-yusuan"`) for its year-start
//! budgets, a 预算 names last year's 预算 (`previous_budget = "../x-2024-yusuan"`) for the budgets it compares with.
//! The linked folder is read (its own links are not followed), and each figure the document leaves out is taken from
//! it, in 万元 rounded to two decimals as the sentences print it; a figure the document states is checked against it
//! (`budget-link`).
//!
//! The linked folder's files are added to the document's sources, so a finding points into both.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, FileId};
use crate::load::Loaded;
use crate::model::{BudgetDocument, Doc, DocumentKind, Text};
use crate::money::{Money, Yuan};
use crate::rule::Rule;

/// What linking found: the folders read, and the findings.
#[derive(Default)]
pub struct Linked {
    /// The linked folders (for the archive: their files go with the document's).
    pub folders: Vec<(LinkKind, Loaded)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// How a document names another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A 决算's year 预算.
    Budget,
    /// A 预算's last-year 预算.
    PreviousBudget,
}

impl LinkKind {
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Budget => "budget",
            LinkKind::PreviousBudget => "previous_budget",
        }
    }
}

/// Follows the links document.toml names and fills in the figures they give.
pub fn resolve(loaded: &mut Loaded) -> Linked {
    let mut linked = Linked::default();
    let info = loaded.doc.info().clone();
    let targets = [
        (
            LinkKind::Budget,
            info.budget.as_ref(),
            DocumentKind::FinalAccounts,
            0,
        ),
        (
            LinkKind::PreviousBudget,
            info.previous_budget.as_ref(),
            DocumentKind::Budget,
            1,
        ),
    ];
    for (kind, path, applies_to, years_back) in targets {
        let Some(path) = path else { continue };
        let doc_file = loaded.file("document.toml");
        if loaded.doc.kind() != applies_to {
            linked.diagnostics.push(
                Diagnostic::new(
                    Rule::BudgetLink,
                    crate::tr!(
                        "link-no-use",
                        key = kind.key(),
                        kind = loaded.doc.kind().word()
                    ),
                )
                .at(doc_file, path.span.clone(), crate::tr!("link-not-read"))
                .note(crate::tr!("link-no-use-note")),
            );
            continue;
        }
        let dir = loaded.dir.join(&path.value);
        let other = match crate::load::load_alone(&dir, crate::load::FormChoice::Named) {
            Ok((other, _)) => other,
            Err(failure) => {
                let n = failure.diagnostics.iter().filter(|d| d.is_error()).count();
                linked.diagnostics.push(
                    Diagnostic::new(
                        Rule::BudgetLink,
                        crate::tr!("link-unreadable", key = kind.key()),
                    )
                    .at(doc_file, path.span.clone(), format!("{}", dir.display()))
                    .note(crate::tr!(
                        "link-unreadable-note",
                        n = n,
                        dir = dir.display()
                    )),
                );
                continue;
            }
        };
        let Some(budget) = other.doc.budget() else {
            linked.diagnostics.push(
                Diagnostic::new(
                    Rule::BudgetLink,
                    crate::tr!("link-not-budget", key = kind.key()),
                )
                .at(
                    doc_file,
                    path.span.clone(),
                    crate::tr!("link-is-final", dir = dir.display()),
                )
                .note(crate::tr!("link-not-budget-note")),
            );
            continue;
        };
        let expected_year = *info.year - years_back;
        if *budget.document.year != expected_year {
            linked.diagnostics.push(
                Diagnostic::new(
                    Rule::BudgetLink,
                    crate::tr!(
                        "link-year",
                        key = kind.key(),
                        year = *budget.document.year,
                        expected = expected_year
                    ),
                )
                .at(
                    doc_file,
                    path.span.clone(),
                    crate::tr!("link-year-label", year = *budget.document.year),
                )
                .note(crate::tr!("link-year-note", expected = expected_year)),
            );
            continue;
        }
        if budget.document.unit.value != info.unit.value {
            linked.diagnostics.push(
                Diagnostic::new(Rule::BudgetLink, crate::tr!("link-unit", key = kind.key()))
                    .at(
                        doc_file,
                        path.span.clone(),
                        crate::tr!("link-unit-label", unit = &budget.document.unit.value),
                    )
                    .note(crate::tr!("link-unit-note", unit = &info.unit.value)),
            );
            continue;
        }
        let ids = Ids {
            table07: loaded.file("table07.toml"),
            operating_costs: loaded.file("operating_costs.toml"),
            explanation: loaded.file("explanation.toml"),
            three_public: loaded.file("three_public.toml"),
        };
        let mut filler = Filler {
            sources: &mut loaded.sources,
            other: &other,
            dir: &dir,
            out: &mut linked.diagnostics,
            files: Vec::new(),
            ids,
        };
        match (&mut loaded.doc, kind) {
            (Doc::FinalAccounts(doc), LinkKind::Budget) => filler.final_accounts(doc, budget),
            (Doc::Budget(doc), LinkKind::PreviousBudget) => filler.previous_budget(doc, budget),
            _ => {}
        }
        linked.folders.push((kind, other));
    }
    linked
}

/// Fills in one document's figures from a linked 预算.
struct Filler<'a> {
    sources: &'a mut crate::diag::Sources,
    other: &'a Loaded,
    dir: &'a Path,
    out: &'a mut Vec<Diagnostic>,
    /// The linked files added to the sources so far.
    files: Vec<(&'static str, FileId)>,
    ids: Ids,
}

/// The document's own files a linked figure goes into (every kind has them).
struct Ids {
    table07: FileId,
    operating_costs: FileId,
    explanation: FileId,
    three_public: FileId,
}

/// Where a figure of the document is, for a finding.
struct Here<'a> {
    file: FileId,
    what: &'a str,
}

impl Filler<'_> {
    /// The id, among the document's sources, of a file of the linked folder.
    fn file(&mut self, name: &'static str) -> FileId {
        if let Some((_, id)) = self.files.iter().find(|(n, _)| *n == name) {
            return *id;
        }
        let text = self.other.sources.text(self.other.file(name)).to_string();
        let id = self.sources.add(&PathBuf::from(self.dir).join(name), text);
        self.files.push((name, id));
        id
    }

    /// One figure: taken from the 预算 where the document leaves it out, checked where it states it.
    fn figure(
        &mut self,
        slot: &mut Option<Money>,
        from: Option<(&Money, &'static str, bool)>,
        here: Here<'_>,
    ) {
        let Some((source, file, in_yuan)) = from else {
            return;
        };
        let value = if in_yuan {
            Yuan(source.clone()).wan().rounded()
        } else {
            source.amount.rounded()
        };
        match slot {
            None => *slot = Some(Money::synthetic(value)),
            Some(stated) if stated.amount.rounded() != value => {
                let id = self.file(file);
                self.out.push(
                    Diagnostic::new(
                        Rule::BudgetLink,
                        crate::tr!("link-disagrees", what = &here.what),
                    )
                    .at(
                        here.file,
                        stated.span.clone(),
                        crate::tr!("link-here", value = stated.amount.display()),
                    )
                    .also(
                        id,
                        source.span.clone(),
                        if in_yuan {
                            crate::tr!(
                                "link-in-budget",
                                value = format!(
                                    "{}元 = {}万元",
                                    source.amount.display(),
                                    value.display()
                                )
                            )
                        } else {
                            crate::tr!("link-in-budget", value = format!("{}万元", value.display()))
                        },
                    )
                    .note(crate::tr!(
                        "link-disagrees-note",
                        expected = value.display(),
                        found = stated.amount.display()
                    )),
                );
            }
            Some(_) => {}
        }
    }

    /// A 决算's year-start budgets from its year's 预算: 三公 (table 9), 机关运行经费, 一般公共预算 and each 项
    /// (table 5), 政府性基金 (6) and 国有资本经营预算 (7).
    fn final_accounts(&mut self, doc: &mut crate::model::Document, b: &BudgetDocument) {
        let zero = Money::synthetic(crate::money::Amount::ZERO);
        let f7 = self.ids.table07;
        let t9 = &b.table09;
        let three = &mut doc.table07.budget;
        for (slot, from, what) in [
            (&mut three.total, &t9.total, "公开07表 预算数 合计"),
            (
                &mut three.overseas,
                &t9.overseas,
                "公开07表 预算数 因公出国（境）费",
            ),
            (
                &mut three.vehicles,
                &t9.vehicles,
                "公开07表 预算数 公务用车购置及运行费",
            ),
            (
                &mut three.vehicle_purchase,
                &t9.vehicle_purchase,
                "公开07表 预算数 公务用车购置费",
            ),
            (
                &mut three.vehicle_operation,
                &t9.vehicle_operation,
                "公开07表 预算数 公务用车运行费",
            ),
            (
                &mut three.reception,
                &t9.reception,
                "公开07表 预算数 公务接待费",
            ),
        ] {
            self.figure(
                slot,
                Some((from.as_ref().unwrap_or(&zero), "table09.toml", false)),
                Here { file: f7, what },
            );
        }
        let fo = self.ids.operating_costs;
        self.figure(
            &mut doc.operating_costs.budget,
            t9.operating_costs
                .as_ref()
                .map(|m| (m, "table09.toml", false)),
            Here {
                file: fo,
                what: "机关运行经费 年初预算",
            },
        );
        let fe = self.ids.explanation;
        let g = &mut doc.explanation.general_budget;
        self.figure(
            &mut g.budget,
            b.table05
                .total
                .total
                .as_deref()
                .map(|m| (m, "table05.toml", true)),
            Here {
                file: fe,
                what: "一般公共预算财政拨款支出 年初预算",
            },
        );
        let tables: [(&'static str, &crate::model::budget::SpendTable); 3] = [
            ("table05.toml", &b.table05),
            ("table06.toml", &b.table06),
            ("table07.toml", &b.table07),
        ];
        let item_budget = |code: &Text| {
            tables.iter().find_map(|(file, t)| {
                t.rows
                    .iter()
                    .find(|r| r.code.value == code.value)
                    .and_then(|r| r.total.as_deref())
                    .map(|m| (m, *file, true))
            })
        };
        for item in &mut g.items {
            let what = format!("{} 年初预算", item.code.value);
            let from = item_budget(&item.code);
            self.figure(
                &mut item.budget,
                from,
                Here {
                    file: fe,
                    what: &what,
                },
            );
        }
        for (fund, table, file, what) in [
            (
                &mut doc.explanation.government_fund,
                &b.table06,
                "table06.toml",
                "政府性基金预算财政拨款支出 年初预算",
            ),
            (
                &mut doc.explanation.state_capital,
                &b.table07,
                "table07.toml",
                "国有资本经营预算财政拨款支出 年初预算",
            ),
        ] {
            let Some(fund) = fund else { continue };
            self.figure(
                &mut fund.budget,
                Some((table.total.total.as_deref().unwrap_or(&zero), file, true)),
                Here { file: fe, what },
            );
            for item in &mut fund.items {
                let what = format!("{} 年初预算", item.code.value);
                let from = item_budget(&item.code);
                self.figure(
                    &mut item.budget,
                    from,
                    Here {
                        file: fe,
                        what: &what,
                    },
                );
            }
        }
    }

    /// A 预算's last-year budgets from last year's 预算: the 编制说明's five figures (tables 1, 4, 5, 6, 7) and the
    /// 三公 (table 9).
    fn previous_budget(&mut self, doc: &mut BudgetDocument, last: &BudgetDocument) {
        let zero = Money::synthetic(crate::money::Amount::ZERO);
        let fe = self.ids.explanation;
        let e = &mut doc.explanation;
        let (p, x) = (&mut e.previous, &e.previous_execution);
        // A figure the 编制说明 compares with last year's execution is not last year's budget.
        for (slot, executed, from, file, what) in [
            (
                &mut p.fiscal_income,
                &x.fiscal_income,
                &last.table01.income.fiscal,
                "table01.toml",
                "上年财政拨款收入预算",
            ),
            (
                &mut p.fiscal_expenditure,
                &x.fiscal_expenditure,
                &last.table04.expenditure.total.total,
                "table04.toml",
                "上年财政拨款支出预算",
            ),
            (
                &mut p.general_budget,
                &x.general_budget,
                &last.table05.total.total,
                "table05.toml",
                "上年一般公共预算拨款支出预算",
            ),
            (
                &mut p.government_fund,
                &x.government_fund,
                &last.table06.total.total,
                "table06.toml",
                "上年政府性基金拨款支出预算",
            ),
            (
                &mut p.state_capital,
                &x.state_capital,
                &last.table07.total.total,
                "table07.toml",
                "上年国有资本经营预算拨款支出预算",
            ),
        ] {
            if executed.is_some() {
                continue;
            }
            self.figure(
                slot,
                Some((from.as_deref().unwrap_or(&zero), file, true)),
                Here { file: fe, what },
            );
        }
        let ft = self.ids.three_public;
        let t9 = &last.table09;
        let tp = &mut doc.three_public;
        for (slot, from, what) in [
            (&mut tp.previous, &t9.total, "上年“三公”经费预算数"),
            (
                &mut tp.overseas.previous,
                &t9.overseas,
                "上年因公出国（境）费预算",
            ),
            (
                &mut tp.vehicles.previous,
                &t9.vehicles,
                "上年公务用车购置及运行费预算",
            ),
            (
                &mut tp.vehicle_purchase.previous,
                &t9.vehicle_purchase,
                "上年公务用车购置费预算",
            ),
            (
                &mut tp.vehicle_operation.previous,
                &t9.vehicle_operation,
                "上年公务用车运行费预算",
            ),
            (
                &mut tp.reception.previous,
                &t9.reception,
                "上年公务接待费预算",
            ),
        ] {
            self.figure(
                slot,
                Some((from.as_ref().unwrap_or(&zero), "table09.toml", false)),
                Here { file: ft, what },
            );
        }
    }
}
