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
use crate::model::{BudgetDocument, Doc, Document, DocumentKind, SectionId, Text};
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
    /// A 决算's last-year 决算.
    Previous,
}

impl LinkKind {
    pub const ALL: [LinkKind; 3] = [
        LinkKind::Budget,
        LinkKind::PreviousBudget,
        LinkKind::Previous,
    ];

    /// The key of document.toml that names the folder.
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Budget => "budget",
            LinkKind::PreviousBudget => "previous_budget",
            LinkKind::Previous => "previous",
        }
    }

    fn path(self, info: &crate::model::DocumentInfo) -> Option<&Text> {
        match self {
            LinkKind::Budget => info.budget.as_ref(),
            LinkKind::PreviousBudget => info.previous_budget.as_ref(),
            LinkKind::Previous => info.previous.as_ref(),
        }
    }

    /// The kind of document that names such a folder, and the kind the folder holds.
    fn kinds(self) -> (DocumentKind, DocumentKind) {
        match self {
            LinkKind::Budget => (DocumentKind::FinalAccounts, DocumentKind::Budget),
            LinkKind::PreviousBudget => (DocumentKind::Budget, DocumentKind::Budget),
            LinkKind::Previous => (DocumentKind::FinalAccounts, DocumentKind::FinalAccounts),
        }
    }

    /// How many years before the document's the linked one is.
    fn years_back(self) -> i32 {
        match self {
            LinkKind::Budget => 0,
            LinkKind::PreviousBudget | LinkKind::Previous => 1,
        }
    }

    fn rule(self) -> Rule {
        match self {
            LinkKind::Budget | LinkKind::PreviousBudget => Rule::BudgetLink,
            LinkKind::Previous => Rule::PreviousLink,
        }
    }
}

/// Follows the links document.toml names and fills in the figures they give.
pub fn resolve(loaded: &mut Loaded) -> Linked {
    let mut linked = Linked::default();
    let info = loaded.doc.info().clone();
    for kind in LinkKind::ALL {
        let Some(path) = kind.path(&info) else {
            continue;
        };
        let (applies_to, target) = kind.kinds();
        let rule = kind.rule();
        let doc_file = loaded.file("document.toml");
        if loaded.doc.kind() != applies_to {
            linked.diagnostics.push(
                Diagnostic::new(
                    rule,
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
                        rule,
                        crate::tr!("link-unreadable", key = kind.key(), doc = target.word()),
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
        if other.doc.kind() != target {
            let found = other.doc.kind().word();
            linked.diagnostics.push(
                Diagnostic::new(
                    rule,
                    crate::tr!(
                        "link-not-kind",
                        key = kind.key(),
                        found = found,
                        doc = target.word()
                    ),
                )
                .at(
                    doc_file,
                    path.span.clone(),
                    crate::tr!("link-is-kind", dir = dir.display(), found = found),
                )
                .note(crate::tr!("link-not-kind-note", doc = target.word())),
            );
            continue;
        }
        let theirs = other.doc.info();
        let expected_year = *info.year - kind.years_back();
        if *theirs.year != expected_year {
            linked.diagnostics.push(
                Diagnostic::new(
                    rule,
                    crate::tr!(
                        "link-year",
                        key = kind.key(),
                        year = *theirs.year,
                        expected = expected_year,
                        doc = target.word()
                    ),
                )
                .at(
                    doc_file,
                    path.span.clone(),
                    crate::tr!("link-year-label", year = *theirs.year, doc = target.word()),
                )
                .note(crate::tr!(
                    "link-year-note",
                    expected = expected_year,
                    doc = target.word()
                )),
            );
            continue;
        }
        if theirs.unit.value != info.unit.value {
            linked.diagnostics.push(
                Diagnostic::new(
                    rule,
                    crate::tr!("link-unit", key = kind.key(), doc = target.word()),
                )
                .at(
                    doc_file,
                    path.span.clone(),
                    crate::tr!(
                        "link-unit-label",
                        unit = &theirs.unit.value,
                        doc = target.word()
                    ),
                )
                .note(crate::tr!(
                    "link-unit-note",
                    unit = &info.unit.value,
                    doc = target.word()
                )),
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
            rule,
            from: target,
        };
        match (&mut loaded.doc, kind, &other.doc) {
            (Doc::FinalAccounts(doc), LinkKind::Budget, Doc::Budget(budget)) => {
                filler.final_accounts(doc, budget)
            }
            (Doc::Budget(doc), LinkKind::PreviousBudget, Doc::Budget(budget)) => {
                filler.previous_budget(doc, budget)
            }
            (Doc::FinalAccounts(doc), LinkKind::Previous, Doc::FinalAccounts(last)) => {
                filler.previous_year(doc, last)
            }
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
    /// The rule a disagreement breaks, and the kind of document linked (for messages).
    rule: Rule,
    from: DocumentKind,
}

/// The document's own files a linked figure goes into (every kind has them).
struct Ids {
    table07: FileId,
    operating_costs: FileId,
    explanation: FileId,
    three_public: FileId,
}

impl Ids {
    fn of(&self, section: SectionId) -> FileId {
        match section {
            SectionId::Table07 => self.table07,
            SectionId::OperatingCosts => self.operating_costs,
            SectionId::ThreePublic => self.three_public,
            _ => self.explanation,
        }
    }
}

/// A 上年数 of a 决算 and where last year's 决算 states it: the one list `juesuan new --from` writes them from and
/// the `previous` link takes and checks them by.
pub(crate) struct PreviousFigure {
    /// The placeholder of `juesuan new`'s template the line goes into; `None` when `new` writes it otherwise.
    pub marker: Option<&'static str>,
    /// The key in its file.
    pub key: &'static str,
    pub what: &'static str,
    /// The file of this year's document that holds it.
    pub into: SectionId,
    /// The section of last year's document, named as the form names it, and the figure there.
    pub from: (SectionId, &'static str),
    pub value: fn(&Document) -> Option<&Money>,
    /// Where it goes; `None` when this year's document has no such part (no 政府性基金 spending).
    pub slot: fn(&mut Document) -> Option<&mut Option<Money>>,
}

pub(crate) const PREVIOUS_FIGURES: &[PreviousFigure] = &[
    PreviousFigure {
        marker: Some("overall.previous_income"),
        key: "previous_income",
        what: "上年收入总计",
        into: SectionId::Explanation,
        from: (SectionId::Table01, "收入总计"),
        value: |d| d.table01.income.grand_total.as_ref(),
        slot: |d| Some(&mut d.explanation.overall.previous_income),
    },
    PreviousFigure {
        marker: Some("overall.previous_expenditure"),
        key: "previous_expenditure",
        what: "上年支出总计",
        into: SectionId::Explanation,
        from: (SectionId::Table01, "支出总计"),
        value: |d| d.table01.expenditure.grand_total.as_ref(),
        slot: |d| Some(&mut d.explanation.overall.previous_expenditure),
    },
    PreviousFigure {
        marker: Some("fiscal.previous_income"),
        key: "previous_income",
        what: "上年财政拨款收入总计",
        into: SectionId::Explanation,
        from: (SectionId::Table04, "收入总计"),
        value: |d| d.table04.income.grand_total.as_ref(),
        slot: |d| Some(&mut d.explanation.fiscal.previous_income),
    },
    PreviousFigure {
        marker: Some("fiscal.previous_expenditure"),
        key: "previous_expenditure",
        what: "上年财政拨款支出总计",
        into: SectionId::Explanation,
        from: (SectionId::Table04, "支出总计"),
        value: |d| d.table04.expenditure.grand_total.total.as_ref(),
        slot: |d| Some(&mut d.explanation.fiscal.previous_expenditure),
    },
    PreviousFigure {
        marker: Some("general_budget.previous_expenditure"),
        key: "previous_expenditure",
        what: "上年一般公共预算财政拨款支出",
        into: SectionId::Explanation,
        from: (SectionId::Table05, "合计"),
        value: |d| d.table05.total.total.as_ref(),
        slot: |d| Some(&mut d.explanation.general_budget.previous_expenditure),
    },
    PreviousFigure {
        marker: None,
        key: "previous_expenditure",
        what: "上年政府性基金预算财政拨款支出",
        into: SectionId::Explanation,
        from: (SectionId::Table08, "合计"),
        value: |d| d.table08.total.total.as_ref(),
        slot: |d| {
            d.explanation
                .government_fund
                .as_mut()
                .map(|f| &mut f.previous_expenditure)
        },
    },
    PreviousFigure {
        marker: None,
        key: "previous_expenditure",
        what: "上年国有资本经营预算财政拨款支出",
        into: SectionId::Explanation,
        from: (SectionId::Table09, "合计"),
        value: |d| d.table09.total.total.as_ref(),
        slot: |d| {
            d.explanation
                .state_capital
                .as_mut()
                .map(|f| &mut f.previous_expenditure)
        },
    },
    PreviousFigure {
        marker: Some("overseas.previous"),
        key: "previous",
        what: "上年因公出国（境）费",
        into: SectionId::ThreePublic,
        from: (SectionId::Table07, "决算数"),
        value: |d| d.table07.actual.overseas.as_ref(),
        slot: |d| Some(&mut d.three_public.overseas.previous),
    },
    PreviousFigure {
        marker: Some("vehicles.previous"),
        key: "previous",
        what: "上年公务用车购置及运行维护费",
        into: SectionId::ThreePublic,
        from: (SectionId::Table07, "决算数"),
        value: |d| d.table07.actual.vehicles.as_ref(),
        slot: |d| Some(&mut d.three_public.vehicles.previous),
    },
    PreviousFigure {
        marker: Some("reception.previous"),
        key: "previous",
        what: "上年公务接待费",
        into: SectionId::ThreePublic,
        from: (SectionId::Table07, "决算数"),
        value: |d| d.table07.actual.reception.as_ref(),
        slot: |d| Some(&mut d.three_public.reception.previous),
    },
    PreviousFigure {
        marker: Some("previous"),
        key: "previous",
        what: "上年机关运行经费",
        into: SectionId::OperatingCosts,
        from: (SectionId::OperatingCosts, "决算数"),
        value: |d| Some(&d.operating_costs.actual),
        slot: |d| Some(&mut d.operating_costs.previous),
    },
];

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
                        self.rule,
                        crate::tr!("link-disagrees", what = here.what, doc = self.from.word()),
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
                                ),
                                doc = self.from.word()
                            )
                        } else {
                            crate::tr!(
                                "link-in-budget",
                                value = format!("{}万元", value.display()),
                                doc = self.from.word()
                            )
                        },
                    )
                    .note(crate::tr!(
                        "link-disagrees-note",
                        expected = value.display(),
                        found = stated.amount.display(),
                        doc = self.from.word()
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

    /// A 决算's 上年数 from last year's 决算 ([`PREVIOUS_FIGURES`]).
    fn previous_year(&mut self, doc: &mut Document, last: &Document) {
        for p in PREVIOUS_FIGURES {
            let Some(slot) = (p.slot)(doc) else { continue };
            let here = Here {
                file: self.ids.of(p.into),
                what: p.what,
            };
            self.figure(
                slot,
                (p.value)(last).map(|m| (m, p.from.0.file(), false)),
                here,
            );
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
