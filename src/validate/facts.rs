//! Facts stated once (unit, year, publication date), counts that must agree with the money (团组, 人次, 辆), and
//! the sign of every figure.

use super::{MAY_BE_NEGATIVE, Validator, numbers};
use crate::diag::Diagnostic;
use crate::model::{DocumentKind, SectionId};
use crate::money::{Located, Money, parse_exact};
use crate::rule::Rule;
use crate::tr;

impl Validator<'_> {
    /// “三公” counts agree with the money: a 团组 or 辆 where money was spent and none where none was; at least
    /// one 人次 per 团组; the fleet within the unit's vehicles and the year's purchases within the fleet.
    pub(super) fn counts(&mut self) {
        let d = self.doc;
        let a = &d.table07.actual;
        let tp = &d.three_public;
        self.count_agrees(
            a.overseas.as_ref(),
            "table07.toml",
            "因公出国（境）费",
            &tp.overseas.groups,
            "团组",
        );
        self.people_per_group(&tp.overseas.groups, &tp.overseas.people, "因公出国（境）");
        for (part, what) in [
            (&tp.reception.foreign, "外宾接待"),
            (&tp.reception.domestic, "其他国内公务接待"),
        ] {
            self.count_agrees(
                Some(&part.amount),
                "three_public.toml",
                what,
                &part.groups,
                "团组",
            );
            self.people_per_group(&part.groups, &part.people, what);
        }
        let f = self.file("three_public.toml");
        let fleet = &tp.vehicles.fleet;
        if let Some(purchased) = &tp.vehicles.purchased {
            self.count_agrees(
                a.vehicle_purchase.as_ref(),
                "table07.toml",
                "公务用车购置费",
                purchased,
                "辆",
            );
        }
        if let Some(purchased) = tp
            .vehicles
            .purchased
            .as_ref()
            .filter(|p| p.value > fleet.value)
        {
            self.out.push(
                Diagnostic::new(
                    Rule::CountMismatch,
                    tr!(
                        "bought-over-fleet",
                        bought = purchased.value,
                        fleet = fleet.value
                    ),
                )
                .at(
                    f,
                    purchased.span.clone(),
                    tr!("bought-label", bought = purchased.value),
                )
                .also(f, fleet.span.clone(), format!("保有量 {} 辆", fleet.value))
                .note(tr!(
                    "bought-over-fleet-note",
                    fleet = fleet.value,
                    bought = purchased.value
                )),
            );
        }
        let assets = &d.assets;
        let held: u64 = assets
            .vehicles
            .iter()
            .map(|v| u64::from(v.count.value))
            .sum();
        if u64::from(fleet.value) > held {
            let fa = self.file("assets.toml");
            let mut diag = Diagnostic::new(
                Rule::CountMismatch,
                tr!("fleet-over-held", fleet = fleet.value, held = held),
            )
            .at(f, fleet.span.clone(), format!("保有量 {} 辆", fleet.value));
            for v in assets.vehicles.iter().filter(|v| v.count.value > 0) {
                diag = diag.also(fa, v.count.span.clone(), v.kind.value.clone());
            }
            self.out.push(diag.note(tr!(
                "fleet-over-held-note",
                held = held,
                fleet = fleet.value
            )));
        }
    }

    /// Money spent means at least one (团组, 辆); a count means money spent.
    fn count_agrees(
        &mut self,
        money: Option<&Money>,
        file: &str,
        what: &str,
        count: &Located<u32>,
        unit: &str,
    ) {
        let Some(money) = money else { return };
        let mf = self.file(file);
        let cf = self.file("three_public.toml");
        let (spent, counted) = (!money.is_zero(), count.value > 0);
        if spent == counted {
            return;
        }
        let (message, expected) = if spent {
            (
                tr!(
                    "spent-none-counted",
                    what = what,
                    money = money.display(),
                    unit = unit
                ),
                tr!("at-least-one", unit = unit),
            )
        } else {
            (
                tr!(
                    "counted-none-spent",
                    what = what,
                    count = count.value,
                    unit = unit
                ),
                format!("0 {unit}"),
            )
        };
        self.out.push(
            Diagnostic::new(Rule::CountMismatch, message)
                .at(cf, count.span.clone(), format!("{} {unit}", count.value))
                .also(
                    mf,
                    money.span.clone(),
                    format!("{what} {}", money.display()),
                )
                .note(tr!(
                    "expected-found",
                    expected = expected,
                    found = format!("{} {unit}", count.value)
                )),
        );
    }

    /// Each 团组 has at least one 人次, and 人次 need a 团组.
    fn people_per_group(&mut self, groups: &Located<u32>, people: &Located<u32>, what: &str) {
        if people.value >= groups.value && (people.value == 0) == (groups.value == 0) {
            return;
        }
        let f = self.file("three_public.toml");
        self.out.push(
            Diagnostic::new(
                Rule::CountMismatch,
                format!("{what}: {} 人次 in {} 团组", people.value, groups.value),
            )
            .at(f, people.span.clone(), format!("{} 人次", people.value))
            .also(f, groups.span.clone(), format!("{} 团组", groups.value))
            .note(tr!(
                "people-per-group-note",
                least = groups.value.max(1),
                people = people.value
            )),
        );
    }
}

impl<D> Validator<'_, D> {
    /// document.toml: a unit name, a plausible year, a publication date after the year (the form is the loader's).
    pub(super) fn document_facts(&mut self) {
        let info = self.loaded.doc.info();
        let id = self.file("document.toml");
        if info.unit.value.trim().is_empty() {
            self.out.push(
                Diagnostic::new(Rule::DocumentFacts, tr!("unit-empty"))
                    .at(id, info.unit.span.clone(), tr!("unit-empty-label"))
                    .note(tr!("unit-empty-note")),
            );
        }
        for (field, what) in [
            (&info.short_name, tr!("short-name")),
            (&info.supervisor, "主管部门".to_string()),
        ] {
            if let Some(text) = field.as_ref().filter(|t| t.value.trim().is_empty()) {
                self.out.push(
                    Diagnostic::new(Rule::DocumentFacts, tr!("text-empty", what = &what))
                        .at(id, text.span.clone(), tr!("empty"))
                        .note(tr!("text-empty-note")),
                );
            }
        }
        let year = info.year.value;
        if !(1949..=2200).contains(&year) {
            self.out.push(
                Diagnostic::new(Rule::DocumentFacts, tr!("year-implausible", year = year))
                    .at(id, info.year.span.clone(), tr!("year-label"))
                    .note(tr!("year-note", year = year)),
            );
        }
        match info.published.value.date {
            None => self.out.push(
                Diagnostic::new(Rule::DocumentFacts, tr!("published-no-date"))
                    .at(
                        id,
                        info.published.span.clone(),
                        tr!("published-no-date-label"),
                    )
                    .note(tr!("published-no-date-note")),
            ),
            Some(date) => {
                // A 决算 is published after its year, a 预算 before its year ends.
                let (message, year_label, note) = match self.form.document {
                    DocumentKind::FinalAccounts if i32::from(date.year) <= year => (
                        tr!("published-early", year = year, date = date),
                        tr!("fiscal-year-label", year = year),
                        tr!("published-early-note", year = year, date = date),
                    ),
                    DocumentKind::Budget if i32::from(date.year) > year => (
                        tr!("published-late", year = year, date = date),
                        tr!("budget-year-label", year = year),
                        tr!(
                            "published-late-note",
                            before = year - 1,
                            year = year,
                            date = date
                        ),
                    ),
                    _ => return,
                };
                self.out.push(
                    Diagnostic::new(Rule::DocumentFacts, message)
                        .at(
                            id,
                            info.published.span.clone(),
                            tr!("published-label", date = date),
                        )
                        .also(id, info.year.span.clone(), year_label)
                        .note(note),
                );
            }
        }
    }

    /// No negative figure, except those of [`MAY_BE_NEGATIVE`]; read from the TOML text, so a field added to the
    /// model later is covered without being listed here.
    pub(super) fn signs(&mut self) {
        for (section, id) in self.loaded.sections() {
            // The year is document.toml's only number and has its own rule.
            if section == SectionId::Document {
                continue;
            }
            let text = self.loaded.sources.text(id);
            let mut negatives = Vec::new();
            // Only a literal with a minus sign can be negative: the path is written out for those alone.
            let walked = numbers::visit(text, |path, span| {
                if text[span.clone()].starts_with('-') {
                    negatives.push((path.to_string(), path.for_reader(), span));
                }
            });
            if walked.is_err() {
                continue;
            }
            for (path, shown, span) in negatives {
                let literal = &text[span.clone()];
                let negative =
                    parse_exact(literal).is_ok_and(|v| v.is_sign_negative() && !v.is_zero());
                let allowed = MAY_BE_NEGATIVE.iter().any(|(f, pattern, _)| {
                    *f == section.file() && numbers::matches(pattern, &path)
                });
                if negative && !allowed {
                    self.out.push(
                        Diagnostic::new(
                            Rule::NegativeAmount,
                            tr!("negative", file = section.file(), path = shown),
                        )
                        .at(id, span.clone(), tr!("negative-label"))
                        .note(tr!(
                            "negative-note",
                            found = literal,
                            allowed = MAY_BE_NEGATIVE
                                .iter()
                                .map(|(f, p, _)| format!("{f} `{p}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    );
                }
            }
        }
    }
}
