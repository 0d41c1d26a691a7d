//! The identities a finance reviewer checks (表内表间勾稽关系), each a stable rule code with a diagnostic at the
//! value at fault, secondary labels at the other values involved and a note with the expected and found figures.
//!
//! Published figures are in 万元 rounded to two decimals, so a sum of n rounded parts may differ from the rounded
//! total by up to n × 0.005: that is a `rounding` warning, anything larger an error. Figures written with more
//! decimals are checked exactly. Every rule runs; findings are collected, never stopped at the first.
//!
//! The rules live in submodules by what they compare: `codes` (classification codes and names), `sums`
//! (identities inside one table), `cross` (between tables and sections), `facts` (document facts, counts, signs)
//! and `performance` (the self-evaluation forms). [`numbers`] walks every number of a data file by key path; it
//! feeds the sign rule and lets the mutation test enumerate figures generically.

mod budget;
mod codes;
mod cross;
mod facts;
pub mod numbers;
mod performance;
mod placeholders;
mod plausible;
mod sums;

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, FileId};
use crate::form::Form;
use crate::load::Loaded;
use crate::model::*;
use crate::money::{Amount, Money};
use crate::rule::Rule;
use crate::tr;

/// Why last year's figures are free.
const LAST_YEAR: &str =
    "last year's figure: the narrative compares against it, no identity determines it";
/// Why budgets are free.
const BUDGET: &str = "a budget figure: the 决算 may differ from it freely (the narrative states the completion rate)";
/// Why counts are free.
const COUNT: &str = "a count stated by the unit: only its agreement with zero/non-zero money and its bounds are checked";

/// Figures of a data folder that no identity determines, by design, with the reason (file, key pattern, why).
///
/// Every other number takes part in an identity: the mutation test (tests/check.rs) changes each of them in
/// data/example-2021 by 1.00 and expects `check` to report an error. Patterns are key paths as
/// [`numbers::numbers`] prints them, `[]` standing for any array index and `*` for any one key.
pub const FREE_FIGURES: &[(&str, &str, &str)] = &[
    ("explanation.toml", "*.previous_income", LAST_YEAR),
    ("explanation.toml", "*.previous_expenditure", LAST_YEAR),
    ("three_public.toml", "*.previous", LAST_YEAR),
    ("operating_costs.toml", "previous", LAST_YEAR),
    ("explanation.toml", "*.items[].budget", BUDGET),
    ("explanation.toml", "*.budget", BUDGET),
    ("operating_costs.toml", "budget", BUDGET),
    (
        "operating_costs.toml",
        "actual",
        "机关运行经费 is only bounded: part of the 公用经费 of 公开06表, not a sum of table figures",
    ),
    (
        "procurement.toml",
        "*",
        "政府采购: the total is computed from goods + works + services; 中小企业 and 小微 are only bounded by it",
    ),
    ("three_public.toml", "overseas.groups", COUNT),
    ("three_public.toml", "overseas.people", COUNT),
    ("three_public.toml", "reception.*.groups", COUNT),
    ("three_public.toml", "reception.*.people", COUNT),
    ("three_public.toml", "vehicles.purchased", COUNT),
    ("assets.toml", "*", COUNT),
    ("assets.toml", "vehicles[].count", COUNT),
    (
        "performance.toml",
        "*.projects",
        "预算绩效管理 (Shanghai form): the projects that set targets, were tracked and were evaluated are counted by \
         the unit; only the ratings' sum is checked",
    ),
    (
        "performance.toml",
        "problems.found",
        "预算绩效管理 (Shanghai form): the problems the self-evaluation found, counted by the unit; only bounds \
         those fixed and being fixed",
    ),
    (
        "performance.toml",
        "*.amount",
        "预算绩效管理 (Shanghai form): the budgets the projects cover are stated by the unit, in no table",
    ),
    ("performance.toml", "management.first_level_projects", COUNT),
    (
        "performance.toml",
        "management.second_level_projects",
        COUNT,
    ),
    (
        "performance.toml",
        "management.*funds",
        "the funds the self-evaluation covers are stated by the unit (the source unit's 758.1 is not a table \
         figure); only bounded by 项目支出 (a `coverage` warning)",
    ),
    (
        "performance.toml",
        "management.evaluated_g*",
        "the money the 部门评价 covers (evaluated_general_budget, evaluated_government_fund): only bounded by \
         the self-evaluation's funds",
    ),
    (
        "performance.toml",
        "projects[].funds.*",
        "a project's budget and execution: the execution score, total and grade are computed from them; only \
         bounded (执行数 ≤ 全年预算数)",
    ),
    (
        "performance.toml",
        "projects[].city_funds.*",
        "其中：市本级安排资金: only bounded by the project's 年度资金总额",
    ),
    (
        "performance.toml",
        "projects[].indicators[].score",
        "a self-evaluation score is the evaluator's judgment: only bounded by its weight",
    ),
];

/// Figures the form lets be negative (file, key pattern, why); every other negative number is `negative-amount`.
pub const MAY_BE_NEGATIVE: &[(&str, &str, &str)] = &[(
    "table01.toml",
    "expenditure.carryover_end",
    "年末结转和结余 of all money may be negative where a 事业单位 carries a 经营亏损",
)];

/// The reason a figure is free, if it is one of [`FREE_FIGURES`].
pub fn free_figure(file: &str, path: &str) -> Option<&'static str> {
    FREE_FIGURES
        .iter()
        .find(|(f, pattern, _)| *f == file && numbers::matches(pattern, path))
        .map(|(_, _, why)| *why)
}

/// Runs every rule on a loaded document.
pub fn validate(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    let first = out.len();
    match &loaded.doc {
        Doc::FinalAccounts(doc) => Validator::new(loaded, doc, out).run(),
        Doc::Budget(doc) => Validator::new(loaded, doc, out).run(),
    }

    // The rules name the tables 公开01表 … 公开09表; a form whose tables have other names (no label: the title)
    // gets its own names in every finding.
    let placeholders = crate::form::Placeholders::of(loaded.doc.info());
    let names: Vec<(String, String)> = loaded
        .form
        .tables
        .iter()
        .map(|t| {
            (
                format!("公开{}表", &t.section.key()["table".len()..]),
                loaded.form.table_name(t.section, Some(&placeholders)),
            )
        })
        .filter(|(rule_name, name)| rule_name != name)
        .collect();
    if names.is_empty() {
        return;
    }
    let rename = |text: &mut String| {
        for (from, to) in &names {
            if text.contains(from.as_str()) {
                *text = text.replace(from.as_str(), to);
            }
        }
    };
    for d in &mut out[first..] {
        rename(&mut d.message);
        d.primary.iter_mut().for_each(|(_, label)| rename(label));
        d.secondary.iter_mut().for_each(|(_, label)| rename(label));
        d.notes.iter_mut().for_each(rename);
    }
}

/// The figures the identities of a loaded document's tables determine — row totals (合计 = 基本支出 + 项目支出 …)
/// and, in a 决算, the totals of 01 and 04 — for `juesuan fill`: the identities `check` applies, so what fill writes
/// is what check expects.
pub fn determined(loaded: &Loaded) -> Vec<Determined> {
    let mut out = Vec::new();
    match &loaded.doc {
        Doc::FinalAccounts(doc) => {
            let mut v = Validator::new(loaded, doc, &mut out);
            v.determined = Some(Vec::new());
            let tables = class_tables(doc);
            for t in &tables {
                v.row_totals(t);
            }
            v.table01_sums();
            v.table04_sums();
            v.determined.unwrap_or_default()
        }
        Doc::Budget(doc) => {
            let mut v = Validator::new(loaded, doc, &mut out);
            v.determined = Some(Vec::new());
            for t in &budget::budget_tables(doc) {
                v.row_totals(t);
            }
            v.determined.unwrap_or_default()
        }
    }
}

/// The rules' view of a loaded document of kind `D` ([`Document`] for a 决算, [`BudgetDocument`] for a 预算):
/// the checks every kind shares ([`Validator::identity`], [`Validator::bound`], the facts, signs and placeholders)
/// are written once for any `D`.
struct Validator<'a, D = Document> {
    loaded: &'a Loaded,
    doc: &'a D,
    form: &'a Form,
    out: &'a mut Vec<Diagnostic>,
    /// The identities that failed, each value in them with the figure that would make it hold ([`suspects`]).
    failures: Vec<Vec<Candidate>>,
    /// The figures the identities determine that `juesuan fill` may write ([`determined`]); `None` when nobody
    /// asked (`check` and render), so that their strings are not built for every row of every document.
    determined: Option<Vec<Determined>>,
}

/// A figure an identity determines from the others (`subject = Σ ±parts`, at least one part stated): what
/// `juesuan fill` writes where the data states none, and reports where it states another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Determined {
    pub file: &'static str,
    /// The subject's key path in the file: `income.year_total`, `rows[3].total`.
    pub path: String,
    /// The parts' key paths: a part the data leaves out but another identity determines must be written first.
    pub parts: Vec<String>,
    /// The sum of the parts stated.
    pub value: Decimal,
    /// The figure the data states, if any.
    pub stated: Option<Decimal>,
    /// What it is ("公开01表 本年收入合计") and what it equals ("the sum of the eight kinds of income").
    pub what: String,
    pub relation: String,
}

/// Where an identity's subject is written and its parts are, for [`Determined`].
struct Writes {
    file: &'static str,
    path: String,
    parts: Vec<String>,
}

/// A value of a failed identity and the figure that alone would make the identity hold.
struct Candidate {
    file: FileId,
    span: crate::money::Span,
    label: String,
    would: Decimal,
}

/// One side of an identity: a figure, where it was written, and what it is.
#[derive(Clone)]
struct Term<'a> {
    file: FileId,
    money: &'a Money,
    label: String,
}

/// Whether a part is added or subtracted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sign {
    Plus,
    Minus,
}

/// `subject = Σ ±parts`. A subject the source does not state (absent) skips the identity; an absent part is a blank
/// cell, nothing, unless no part is stated at all.
struct Identity<'a> {
    /// The rule code when the difference is more than rounding.
    code: Rule,
    /// What the subject is, e.g. "公开05表 208 社会保障和就业支出 合计".
    subject_text: String,
    /// What it should equal, e.g. "the sum of its 款 rows".
    relation: String,
    subject: Option<Term<'a>>,
    parts: Vec<(Sign, Option<Term<'a>>)>,
    /// Where the subject and the parts are in the data, when `juesuan fill` may write the subject.
    writes: Option<Writes>,
}

impl<'a> Identity<'a> {
    fn new(
        code: Rule,
        subject_text: impl Into<String>,
        relation: impl Into<String>,
        subject: Option<Term<'a>>,
    ) -> Self {
        Identity {
            code,
            subject_text: subject_text.into(),
            relation: relation.into(),
            subject,
            parts: Vec::new(),
            writes: None,
        }
    }

    /// The subject is at `path` of `file`, the parts at `parts` (in order): `juesuan fill` may write it.
    fn writes(mut self, file: &'static str, path: impl Into<String>, parts: Vec<String>) -> Self {
        self.writes = Some(Writes {
            file,
            path: path.into(),
            parts,
        });
        self
    }

    fn plus(mut self, part: Option<Term<'a>>) -> Self {
        self.parts.push((Sign::Plus, part));
        self
    }

    fn minus(mut self, part: Option<Term<'a>>) -> Self {
        self.parts.push((Sign::Minus, part));
        self
    }

    fn plus_all(mut self, parts: impl IntoIterator<Item = Option<Term<'a>>>) -> Self {
        self.parts
            .extend(parts.into_iter().map(|p| (Sign::Plus, p)));
        self
    }
}

/// `Σ parts ≤ Σ whole`. An absent whole skips the bound; absent parts are left out of the sum.
struct Bound<'a> {
    /// What the parts are, e.g. "公开05表 2010301 基本支出".
    subject_text: String,
    /// What they must not exceed, e.g. "公开03表 2010301 基本支出".
    relation: String,
    parts: Vec<Option<Term<'a>>>,
    whole: Vec<Option<Term<'a>>>,
    /// Why the parts belong to the whole, for the note.
    why: String,
}

/// A figure as written: two decimals with separators for rounded figures, every digit for exact ones.
fn figure(amount: Amount) -> String {
    if amount.scale() <= 2 {
        amount.display()
    } else {
        amount.decimal().normalize().to_string()
    }
}

/// The exact sum of figures, or `None` when it overflows what an exact decimal holds (about 7.9 × 10^28): data
/// can be hostile, and a finding is better than a panic.
fn add_up(figures: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    figures
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, figure| sum.checked_add(figure))
}

/// Whether `subject = Σ parts` is stated in full and broken (or too large to add up). Rules that check hundreds of
/// lines ask this first, so the messages of an identity are only written when it fails.
fn broken<'m>(subject: Option<&Money>, parts: impl IntoIterator<Item = Option<&'m Money>>) -> bool {
    let Some(subject) = subject else {
        return false;
    };
    let parts: Option<Vec<Decimal>> = parts.into_iter().map(|p| p.map(|m| m.decimal())).collect();
    let Some(parts) = parts else {
        return false;
    };
    add_up(parts) != Some(subject.decimal())
}

/// Whether stated parts add up to more than a stated whole, or too much to add up (absent parts count as
/// nothing, as in [`Bound`]).
fn exceeds<'m>(parts: impl IntoIterator<Item = Option<&'m Money>>, whole: Option<&Money>) -> bool {
    let Some(whole) = whole else {
        return false;
    };
    add_up(parts.into_iter().flatten().map(|m| m.decimal())).is_none_or(|sum| sum > whole.decimal())
}

/// Rounding tolerance for an identity over `n` rounded parts: n × 0.005.
fn tolerance(n: usize) -> Decimal {
    Decimal::new(5, 3) * Decimal::from(n)
}

impl Validator<'_> {
    fn run(mut self) {
        let tables = class_tables(self.doc);
        self.document_facts();
        self.codes(&tables);
        self.names(&tables);
        self.sums(&tables);
        self.cross_tables(&tables);
        self.bounds(&tables);
        self.counts();
        self.signs();
        self.performance();
        self.plausibility();
        self.placeholders();
        self.suspects();
    }
}

impl<'a, D> Validator<'a, D> {
    fn new(loaded: &'a Loaded, doc: &'a D, out: &'a mut Vec<Diagnostic>) -> Self {
        Validator {
            loaded,
            doc,
            form: &loaded.form,
            out,
            failures: Vec::new(),
            determined: None,
        }
    }
}

impl<D> Validator<'_, D> {
    fn file(&self, name: &str) -> FileId {
        self.loaded.file(name)
    }

    /// Records what an identity determines: the sum of the parts stated (none stated: nothing).
    fn determine(
        &mut self,
        writes: Writes,
        what: &str,
        relation: &str,
        subject: Option<&Money>,
        parts: impl Iterator<Item = Option<Decimal>>,
    ) {
        let Some(determined) = self.determined.as_mut() else {
            return;
        };
        let stated: Vec<Decimal> = parts.flatten().collect();
        if stated.is_empty() {
            return;
        }
        let Some(value) = add_up(stated) else {
            return;
        };
        determined.push(Determined {
            file: writes.file,
            path: writes.path,
            parts: writes.parts,
            value,
            stated: subject.map(|m| m.decimal()),
            what: what.to_string(),
            relation: relation.to_string(),
        });
    }

    /// A term for a figure that may be absent.
    fn term<'m>(
        &self,
        file: &str,
        money: Option<&'m Money>,
        label: impl Into<String>,
    ) -> Option<Term<'m>> {
        money.map(|money| Term {
            file: self.file(file),
            money,
            label: label.into(),
        })
    }

    /// A term for a figure the model requires.
    fn fixed<'m>(
        &self,
        file: &str,
        money: &'m Money,
        label: impl Into<String>,
    ) -> Option<Term<'m>> {
        self.term(file, Some(money), label)
    }

    /// Checks an identity: nothing when it holds, a `rounding` warning within n × 0.005 for two-decimal
    /// figures, an error under the identity's code otherwise.
    fn identity(&mut self, mut identity: Identity<'_>) {
        if let Some(writes) = identity.writes.take() {
            self.determine(
                writes,
                &identity.subject_text,
                &identity.relation,
                identity.subject.as_ref().map(|t| t.money),
                identity.parts.iter().map(|(s, p)| {
                    p.as_ref().map(|t| match s {
                        Sign::Plus => t.money.decimal(),
                        Sign::Minus => -t.money.decimal(),
                    })
                }),
            );
        }
        let Some(subject) = identity.subject else {
            return;
        };
        // A blank cell of a stated table is nothing: the other parts must then make the total alone. With no part
        // stated there is nothing to check.
        if identity.parts.iter().all(|(_, p)| p.is_none()) {
            return;
        }
        let parts: Vec<(Sign, Term)> = identity
            .parts
            .into_iter()
            .filter_map(|(s, p)| p.map(|p| (s, p)))
            .collect();
        let expected = add_up(parts.iter().map(|(s, p)| match s {
            Sign::Plus => p.money.decimal(),
            Sign::Minus => -p.money.decimal(),
        }));
        let found = subject.money.amount;
        let Some((expected, diff)) = expected.and_then(|e| {
            found
                .decimal()
                .checked_sub(e)
                .map(|d| (Amount::new(e), Amount::new(d).abs()))
        }) else {
            self.too_large(identity.code, &identity.subject_text, &subject);
            return;
        };
        if diff.is_zero() {
            return;
        }
        let rounded = parts
            .iter()
            .map(|(_, p)| p)
            .chain(std::iter::once(&subject))
            .all(|t| t.money.scale() <= 2);
        let limit = tolerance(parts.len());
        let is_rounding = rounded && diff.decimal() <= limit;
        let mut d = if is_rounding {
            Diagnostic::new(
                Rule::Rounding,
                tr!(
                    "sum-rounding",
                    subject = &identity.subject_text,
                    relation = &identity.relation
                ),
            )
        } else {
            Diagnostic::new(
                identity.code,
                tr!(
                    "sum-mismatch",
                    subject = &identity.subject_text,
                    relation = &identity.relation
                ),
            )
        };
        d = d.at(
            subject.file,
            subject.money.span.clone(),
            tr!("value-is", label = &subject.label, value = figure(found)),
        );
        // Every part is marked, however many: the reviewer looks for the wrong one among them.
        for (sign, p) in &parts {
            let label = match sign {
                Sign::Plus => p.label.clone(),
                Sign::Minus => format!("− {}", p.label),
            };
            d = d.also(p.file, p.money.span.clone(), label);
        }
        d = d.note(tr!(
            "sum-expected",
            expected = figure(expected),
            relation = &identity.relation,
            found = figure(found),
            difference = figure(diff)
        ));
        if is_rounding {
            d = d.note(tr!(
                "sum-within-rounding",
                n = parts.len(),
                limit = limit.normalize(),
                code = identity.code
            ));
        } else {
            // found − expected: the subject would be `expected`, a part added would be itself + it, a part
            // subtracted itself − it.
            let off = found.decimal() - expected.decimal();
            let candidate = |t: &Term<'_>, would: Decimal| Candidate {
                file: t.file,
                span: t.money.span.clone(),
                label: t.label.clone(),
                would,
            };
            let mut candidates = vec![candidate(&subject, expected.decimal())];
            for (sign, p) in &parts {
                let now = p.money.decimal();
                candidates.push(candidate(
                    p,
                    match sign {
                        Sign::Plus => now + off,
                        Sign::Minus => now - off,
                    },
                ));
            }
            self.failures.push(candidates);
        }
        self.out.push(d);
    }

    /// One typo breaks every identity its value is in, and each error marks another figure. When one value is in
    /// two or more failed identities, and one figure there would make all of them hold, that is said first, at
    /// the value.
    fn suspects(&mut self) {
        if self.failures.len() < 2 {
            return;
        }
        // For each value (file, place), the failed identities it is in and what each would need it to be.
        let mut seen: Vec<(&Candidate, Vec<Decimal>)> = Vec::new();
        for failure in &self.failures {
            for c in failure {
                if c.span.is_empty() {
                    continue;
                }
                match seen
                    .iter_mut()
                    .find(|(s, _)| s.file == c.file && s.span == c.span)
                {
                    Some((_, woulds)) => woulds.push(c.would),
                    None => seen.push((c, vec![c.would])),
                }
            }
        }
        let agreed: Vec<(&Candidate, usize)> = seen
            .iter()
            .filter(|(_, w)| w.len() >= 2 && w.iter().all(|x| *x == w[0]))
            .map(|(c, w)| (*c, w.len()))
            .collect();
        let Some(most) = agreed.iter().map(|(_, n)| *n).max() else {
            return;
        };
        let best: Vec<&(&Candidate, usize)> = agreed.iter().filter(|(_, n)| *n == most).collect();
        // Two values that would each fix the same identities: no telling which is wrong.
        let [(c, n)] = best.as_slice() else { return };
        let all = if *n == self.failures.len() {
            tr!("suspect-all", n = n)
        } else {
            tr!("suspect-some", n = n, of = self.failures.len())
        };
        let would = figure(Amount::new(c.would));
        let d = Diagnostic::new(
            Rule::SuspectValue,
            tr!("suspect", would = &would, all = &all, label = &c.label),
        )
        .at(
            c.file,
            c.span.clone(),
            tr!("suspect-label", would = &would, all = &all),
        )
        .note(tr!("suspect-note"));
        let first = self
            .out
            .iter()
            .position(|d| d.is_error())
            .unwrap_or(self.out.len());
        self.out.insert(first, d);
    }

    /// Figures too large to add up exactly: no 决算 comes near, so the data is wrong, and it is said where.
    fn too_large(&mut self, code: Rule, subject_text: &str, at: &Term<'_>) {
        self.out.push(
            Diagnostic::new(code, tr!("too-large", subject = subject_text))
                .at(
                    at.file,
                    at.money.span.clone(),
                    tr!(
                        "value-is",
                        label = &at.label,
                        value = figure(at.money.amount)
                    ),
                )
                .note(tr!("too-large-note")),
        );
    }

    /// Checks that parts do not exceed their whole (`part-exceeds-whole`, or `rounding` within n × 0.005).
    fn bound(&mut self, bound: Bound<'_>) {
        // A part the source does not state only makes the stated parts a lower bound: they must still fit.
        let parts: Vec<Term> = bound.parts.into_iter().flatten().collect();
        if parts.is_empty() || bound.whole.is_empty() || bound.whole.iter().any(Option::is_none) {
            return;
        }
        let whole: Vec<Term> = bound.whole.into_iter().flatten().collect();
        let sums = (
            add_up(parts.iter().map(|t| t.money.decimal())),
            add_up(whole.iter().map(|t| t.money.decimal())),
        );
        let (Some(part_sum), Some(whole_sum)) = sums else {
            self.too_large(Rule::PartExceedsWhole, &bound.subject_text, &parts[0]);
            return;
        };
        if part_sum <= whole_sum {
            return;
        }
        let Some(excess) = part_sum.checked_sub(whole_sum) else {
            self.too_large(Rule::PartExceedsWhole, &bound.subject_text, &parts[0]);
            return;
        };
        let (part_sum, whole_sum, excess) = (
            Amount::new(part_sum),
            Amount::new(whole_sum),
            Amount::new(excess),
        );
        let n = parts.len() + whole.len() - 1;
        let rounded = parts.iter().chain(&whole).all(|t| t.money.scale() <= 2);
        let limit = tolerance(n);
        let is_rounding = rounded && excess.decimal() <= limit;
        let mut d = if is_rounding {
            Diagnostic::new(
                Rule::Rounding,
                tr!(
                    "exceeds-rounding",
                    subject = &bound.subject_text,
                    relation = &bound.relation
                ),
            )
        } else {
            Diagnostic::new(
                Rule::PartExceedsWhole,
                tr!(
                    "exceeds",
                    subject = &bound.subject_text,
                    relation = &bound.relation
                ),
            )
        };
        // The value at fault: the part when there is one, else the whole the parts overrun.
        let (primary, others): (&Term, Vec<&Term>) = if parts.len() == 1 {
            (&parts[0], whole.iter().collect())
        } else {
            (&whole[0], parts.iter().chain(&whole[1..]).collect())
        };
        d = d.at(
            primary.file,
            primary.money.span.clone(),
            tr!(
                "value-is",
                label = &primary.label,
                value = figure(primary.money.amount)
            ),
        );
        for t in &others {
            d = d.also(t.file, t.money.span.clone(), t.label.clone());
        }
        d = d.note(tr!(
            "exceeds-expected",
            expected = figure(whole_sum),
            relation = &bound.relation,
            found = figure(part_sum),
            excess = figure(excess)
        ));
        d = d.note(bound.why);
        if is_rounding {
            d = d.note(tr!(
                "exceeds-within-rounding",
                n = n + 1,
                limit = limit.normalize()
            ));
        }
        self.out.push(d);
    }
}

// -----------------------------------------------------------------------------------------------------------------
// The classification tables 02, 03, 05, 08, 09 seen the same way, so every rule treats them alike.

/// A function classification table: its 合计 row, its 类/款/项 lines and which column sums which.
struct ClassTable<'d> {
    file: &'static str,
    /// 公开05表
    label: &'static str,
    /// Column names in form order.
    columns: &'static [&'static str],
    total: Vec<Option<&'d Money>>,
    rows: Vec<ClassRow<'d>>,
    /// The columns' keys in the data (`total`, `basic`, …), in the same order.
    fields: &'static [&'static str],
    /// The column that is the sum of others, and those others.
    row_sum: (usize, &'static [usize]),
    /// For each line, the indices of its child lines (款 of a 类, 项 of a 款).
    children: Vec<Vec<usize>>,
}

struct ClassRow<'d> {
    code: &'d Text,
    name: &'d Text,
    cells: Vec<Option<&'d Money>>,
}

impl ClassTable<'_> {
    /// The line with this code.
    fn row(&self, code: &str) -> Option<&ClassRow<'_>> {
        self.rows.iter().find(|r| r.code.value == code)
    }
}

/// The indices of each line's children: codes two digits longer that start with the line's code.
fn children_of(rows: &[ClassRow<'_>]) -> Vec<Vec<usize>> {
    rows.iter()
        .map(|parent| {
            let c = parent.code.value.as_str();
            (0..rows.len())
                .filter(|&k| rows[k].code.len() == c.len() + 2 && rows[k].code.starts_with(c))
                .collect()
        })
        .collect()
}

/// The five classification tables, in form order.
fn class_tables(d: &Document) -> Vec<ClassTable<'_>> {
    fn rows<'d, L>(
        lines: &'d [L],
        f: impl Fn(&'d L) -> (&'d Text, &'d Text, Vec<Option<&'d Money>>),
    ) -> Vec<ClassRow<'d>> {
        lines
            .iter()
            .map(|l| {
                let (code, name, cells) = f(l);
                ClassRow { code, name, cells }
            })
            .collect()
    }
    let mut tables = vec![
        ClassTable {
            file: "table02.toml",
            label: "公开02表",
            columns: &[
                "本年收入合计",
                "财政拨款收入",
                "上级补助收入",
                "事业收入",
                "经营收入",
                "附属单位上缴收入",
                "其他收入",
            ],
            fields: d.table02.total.fields(),
            total: d.table02.total.columns(),
            rows: rows(&d.table02.rows, |r| (&r.code, &r.name, r.columns())),
            row_sum: (0, &[1, 2, 3, 4, 5, 6]),
            children: Vec::new(),
        },
        ClassTable {
            file: "table03.toml",
            label: "公开03表",
            columns: &[
                "本年支出合计",
                "基本支出",
                "项目支出",
                "上缴上级支出",
                "经营支出",
                "对附属单位补助支出",
            ],
            fields: d.table03.total.fields(),
            total: d.table03.total.columns(),
            rows: rows(&d.table03.rows, |r| (&r.code, &r.name, r.columns())),
            row_sum: (0, &[1, 2, 3, 4, 5]),
            children: Vec::new(),
        },
        ClassTable {
            file: "table05.toml",
            label: "公开05表",
            columns: &["本年支出合计", "基本支出", "项目支出"],
            fields: d.table05.total.fields(),
            total: d.table05.total.columns(),
            rows: rows(&d.table05.rows, |r| (&r.code, &r.name, r.columns())),
            row_sum: (0, &[1, 2]),
            children: Vec::new(),
        },
        ClassTable {
            file: "table08.toml",
            label: "公开08表",
            columns: &[
                "年初结转和结余",
                "本年收入",
                "本年支出小计",
                "本年支出基本支出",
                "本年支出项目支出",
                "年末结转和结余",
            ],
            fields: d.table08.total.fields(),
            total: d.table08.total.columns(),
            rows: rows(&d.table08.rows, |r| (&r.code, &r.name, r.columns())),
            row_sum: (2, &[3, 4]),
            children: Vec::new(),
        },
        ClassTable {
            file: "table09.toml",
            label: "公开09表",
            columns: &[
                "年初结转和结余",
                "本年收入",
                "本年支出小计",
                "本年支出基本支出",
                "本年支出项目支出",
                "年末结转和结余",
            ],
            fields: d.table09.total.fields(),
            total: d.table09.total.columns(),
            rows: rows(&d.table09.rows, |r| (&r.code, &r.name, r.columns())),
            row_sum: (2, &[3, 4]),
            children: Vec::new(),
        },
    ];
    for t in &mut tables {
        t.children = children_of(&t.rows);
    }
    tables
}

/// Whether a code is a function classification code: 3 (类), 5 (款) or 7 (项) digits.
fn is_function_code(code: &str) -> bool {
    matches!(code.len(), 3 | 5 | 7) && code.bytes().all(|b| b.is_ascii_digit())
}

/// The level word of a function classification code's children.
fn child_level(code: &str) -> &'static str {
    match code.len() {
        3 => "款",
        _ => "项",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample with edits to one file, loaded from memory and validated.
    fn validate_sample_with(file: &str, edits: &[(&str, &str)]) -> Vec<Diagnostic> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/example-2021");
        let form = crate::form::Form::get("zhejiang-2020").unwrap();
        let files: Vec<(&str, Vec<u8>)> = form
            .sections()
            .into_iter()
            .map(|s| {
                let mut text = std::fs::read_to_string(dir.join(s.file())).unwrap();
                if s.file() == file {
                    for (from, to) in edits {
                        assert!(text.contains(from), "{from}");
                        text = text.replacen(from, to, 1);
                    }
                }
                (s.file(), text.into_bytes())
            })
            .collect();
        let contents: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        let (loaded, mut out) = crate::load::load_from_memory(&dir, &contents)
            .ok()
            .expect("the edited sample loads");
        validate(&loaded, &mut out);
        out
    }

    #[test]
    fn figures_too_large_to_add_up_are_an_error_not_a_panic() {
        // The largest figure the loader takes has 28 digits (a TOML integer stops at i64, so it is written with a
        // point): a hundred of them under one 类 add up past what an exact decimal holds.
        let line =
            "{ code = \"30201\", name = \"办公费\", amount = 999999999999999999999999999.9 },\n";
        let lines = format!("public = [\n{}", line.repeat(100));
        let found = validate_sample_with("table06.toml", &[("public = [\n", &lines)]);
        assert!(
            found
                .iter()
                .any(|d| d.is_error() && d.message.contains("too large to add up")),
            "{found:#?}"
        );
    }

    #[test]
    fn free_figures_match_their_paths() {
        assert!(free_figure("explanation.toml", "overall.previous_income").is_some());
        assert!(free_figure("explanation.toml", "general_budget.items[3].budget").is_some());
        assert!(free_figure("three_public.toml", "reception.foreign.groups").is_some());
        assert!(free_figure("table05.toml", "rows[3].total").is_none());
        assert!(free_figure("three_public.toml", "reception.foreign.amount").is_none());
        assert!(free_figure("performance.toml", "projects[0].indicators[2].weight").is_none());
    }
}
