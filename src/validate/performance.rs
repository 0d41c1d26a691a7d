//! 预算绩效: the self-evaluation forms (weights, scores, execution) and the management figures (grade counts,
//! funds covered).
//!
//! A form's execution score, total score and grade are not stored: `derive` computes them (资金执行率 × 分值,
//! the sum, the band 优 ≥ 90 / 良 ≥ 80 / 中 ≥ 60 / 差), so they cannot disagree with each other. What can be wrong
//! is what they are computed from, and that is checked here: weights adding up to 100, no score above its weight,
//! no execution above the budget (which would push the execution score above its weight and the total past 100).

use rust_decimal::Decimal;

use super::{Bound, Validator, add_up};
use crate::diag::Diagnostic;
use crate::model::*;
use crate::money::Rate;
use crate::rule::Rule;
use crate::tr;

impl Validator<'_> {
    pub(super) fn performance(&mut self) {
        self.performance_management();
        let Some(performance) = &self.doc.performance else {
            return;
        };
        let id = self.file("performance.toml");
        for p in &performance.projects {
            self.weights(p);
            for i in &p.indicators {
                if i.score.value > i.weight.value {
                    self.out.push(
                        Diagnostic::new(
                            Rule::ScoreMismatch,
                            tr!(
                                "score-over-weight",
                                project = &p.name.value,
                                indicator = &i.name.value,
                                score = i.score.value.normalize(),
                                weight = i.weight.value.normalize()
                            ),
                        )
                        .at(id, i.score.span.clone(), "自评得分")
                        .also(id, i.weight.span.clone(), "指标分值")
                        .note(tr!(
                            "at-most-found",
                            most = i.weight.value.normalize(),
                            found = i.score.value.normalize()
                        )),
                    );
                }
            }
            for (funds, what) in std::iter::once((&p.funds, "年度资金总额"))
                .chain(p.city_funds.iter().map(|c| (c, "市本级安排资金")))
            {
                self.execution(p, funds, what);
            }
            if let Some(city) = &p.city_funds {
                for (part, whole, column) in [
                    (&city.initial_budget, &p.funds.initial_budget, "年初预算数"),
                    (&city.annual_budget, &p.funds.annual_budget, "全年预算数"),
                    (&city.executed, &p.funds.executed, "全年执行数"),
                ] {
                    self.bound(Bound {
                        subject_text: format!("「{}」 市本级安排资金 {column}", p.name.value),
                        relation: format!("年度资金总额 {column}"),
                        parts: vec![self.fixed(
                            "performance.toml",
                            part,
                            format!("市本级 {column}"),
                        )],
                        whole: vec![self.fixed(
                            "performance.toml",
                            whole,
                            format!("年度资金总额 {column}"),
                        )],
                        why: tr!("why-city-level"),
                    });
                }
            }
            self.project_facts(p);
        }
        self.management();
    }

    /// Indicator weights and the execution weight add up to 100.
    fn weights(&mut self, p: &Project) {
        let id = self.file("performance.toml");
        let weights = p
            .indicators
            .iter()
            .map(|i| i.weight.value)
            .chain([p.execution.weight.value]);
        let sum = add_up(weights);
        if sum == Some(Decimal::ONE_HUNDRED) {
            return;
        }
        let sum = sum.map_or_else(|| tr!("too-much-to-add"), |s| s.normalize().to_string());
        let mut d = Diagnostic::new(
            Rule::ScoreMismatch,
            tr!("weights-not-100", project = &p.name.value, sum = &sum),
        )
        .at(id, p.name.span.clone(), tr!("weights-label", sum = &sum));
        for i in &p.indicators {
            d = d.also(id, i.weight.span.clone(), i.name.value.clone());
        }
        d = d.also(id, p.execution.weight.span.clone(), "执行率指标");
        self.out.push(d.note(tr!("weights-note", sum = &sum)));
    }

    /// 全年执行数 ≤ 全年预算数: the execution score is rate × weight and must stay within the weight.
    fn execution(&mut self, p: &Project, funds: &ProjectFunds, what: &str) {
        let (executed, budget) = (funds.executed.amount, funds.annual_budget.amount);
        if executed <= budget {
            return;
        }
        let id = self.file("performance.toml");
        // Checked arithmetic: hostile figures must give a finding, not an overflow.
        let rate = if budget.is_zero() {
            tr!("rate-undefined")
        } else {
            executed
                .decimal()
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(budget.decimal()))
                .map_or_else(|| tr!("rate-too-large"), |r| Rate::new(r).display())
        };
        self.out.push(
            Diagnostic::new(
                Rule::ExecutionRate,
                tr!(
                    "execution-over-budget",
                    project = &p.name.value,
                    what = what
                ),
            )
            .at(
                id,
                funds.executed.span.clone(),
                format!("全年执行数 {}", executed.display()),
            )
            .also(
                id,
                funds.annual_budget.span.clone(),
                format!("全年预算数 {}", budget.display()),
            )
            .note(tr!(
                "execution-note",
                budget = budget.display(),
                executed = executed.display(),
                rate = &rate,
                weight = p.execution.weight.value.normalize()
            )),
        );
    }

    /// A 单位's form names the unit as 实施单位, its 主管部门, and a period that includes the year.
    fn project_facts(&mut self, p: &Project) {
        let info = &self.doc.document;
        let id = self.file("performance.toml");
        let doc_id = self.file("document.toml");
        if info.kind.value == Kind::Unit {
            if let Some(implementer) = p
                .implementer
                .as_ref()
                .filter(|i| i.value != info.unit.value)
            {
                self.out.push(
                    Diagnostic::new(
                        Rule::DocumentFacts,
                        tr!("other-implementer", project = &p.name.value),
                    )
                    .at(id, implementer.span.clone(), "实施单位")
                    .also(doc_id, info.unit.span.clone(), tr!("the-unit"))
                    .note(tr!(
                        "expected-text",
                        expected = &info.unit.value,
                        found = &implementer.value
                    )),
                );
            }
            if let Some(supervisor) = info
                .supervisor
                .as_ref()
                .filter(|s| s.value != p.supervisor.value)
            {
                self.out.push(
                    Diagnostic::new(
                        Rule::DocumentFacts,
                        tr!("other-supervisor", project = &p.name.value),
                    )
                    .at(id, p.supervisor.span.clone(), "主管部门")
                    .also(doc_id, supervisor.span.clone(), tr!("the-unit-supervisor"))
                    .note(tr!(
                        "expected-text",
                        expected = &supervisor.value,
                        found = &p.supervisor.value
                    )),
                );
            }
        }
        // 起止时间 is free text ("2020.1-12", "2019.7-2021.6"): the years it names must include the fiscal year.
        let years: Vec<i32> = p
            .period
            .value
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| s.len() == 4)
            .filter_map(|s| s.parse().ok())
            .collect();
        let year = info.year.value;
        if let (Some(first), Some(last)) = (years.iter().min(), years.iter().max())
            && !(*first..=*last).contains(&year)
        {
            self.out.push(
                Diagnostic::new(
                    Rule::DocumentFacts,
                    tr!(
                        "period-outside",
                        project = &p.name.value,
                        period = &p.period.value,
                        year = year
                    ),
                )
                .at(id, p.period.span.clone(), "起止时间")
                .also(doc_id, info.year.span.clone(), tr!("fiscal-year"))
                .note(tr!(
                    "period-note",
                    year = year,
                    found = if first == last {
                        first.to_string()
                    } else {
                        format!("{first}–{last}")
                    }
                )),
            );
        }
    }

    /// 部门评价 grade counts add up to the projects evaluated; the money evaluated within the money covered; the
    /// money covered within the year's 项目支出.
    fn management(&mut self) {
        let d = self.doc;
        let Some(performance) = &d.performance else {
            return;
        };
        let m = &performance.management;
        let id = self.file("performance.toml");
        let g = &m.grades;
        let grades: Vec<(&str, &crate::money::Located<u32>)> = [
            ("优", &g.excellent),
            ("良", &g.good),
            ("中", &g.fair),
            ("差", &g.poor),
        ]
        .into_iter()
        .filter_map(|(name, n)| n.as_ref().map(|n| (name, n)))
        .collect();
        let graded: u64 = grades.iter().map(|(_, n)| u64::from(n.value)).sum();
        if graded != u64::from(m.evaluated_projects.value) {
            let mut diag = Diagnostic::new(
                Rule::CountMismatch,
                tr!(
                    "grades-count",
                    projects = m.evaluated_projects.value,
                    graded = graded
                ),
            )
            .at(
                id,
                m.evaluated_projects.span.clone(),
                tr!("projects-label", n = m.evaluated_projects.value),
            );
            for (name, n) in &grades {
                diag = diag.also(id, n.span.clone(), format!("{} {name}", n.value));
            }
            self.out.push(diag.note(tr!(
                "grades-note",
                projects = m.evaluated_projects.value,
                graded = graded
            )));
        }
        let examples = m.evaluated_examples.len();
        if examples as u64 > u64::from(m.evaluated_projects.value) {
            let mut diag = Diagnostic::new(
                Rule::CountMismatch,
                tr!(
                    "examples-over",
                    examples = examples,
                    projects = m.evaluated_projects.value
                ),
            )
            .at(
                id,
                m.evaluated_projects.span.clone(),
                tr!("projects-evaluated"),
            );
            for e in &m.evaluated_examples {
                diag = diag.also(id, e.span.clone(), tr!("example"));
            }
            self.out.push(diag.note(tr!(
                "at-most-found",
                most = m.evaluated_projects.value,
                found = examples
            )));
        }
        let f = "performance.toml";
        self.bound(Bound {
            subject_text: "部门评价 一般公共预算支出".to_string(),
            relation: tr!("relation-self-evaluation-funds"),
            parts: vec![self.fixed(f, &m.evaluated_general_budget, "部门评价 一般公共预算")],
            whole: vec![self.fixed(f, &m.funds, "共涉及资金")],
            why: tr!("why-covered"),
        });
        self.bound(Bound {
            subject_text: "部门评价 政府性基金预算支出".to_string(),
            relation: tr!("relation-self-evaluation-fund-projects"),
            parts: vec![self.term(
                f,
                m.evaluated_government_fund.as_ref(),
                "部门评价 政府性基金预算",
            )],
            whole: vec![self.term(
                f,
                m.government_fund_funds.as_ref(),
                "政府性基金预算项目 资金",
            )],
            why: tr!("why-covered"),
        });
        for (funds, table, label, projects) in [
            (
                Some(&m.funds),
                "table05.toml",
                "公开05表",
                d.table05.total.project.as_ref(),
            ),
            (
                m.government_fund_funds.as_ref(),
                "table08.toml",
                "公开08表",
                d.table08.total.project.as_ref(),
            ),
        ] {
            let (Some(funds), Some(projects)) = (funds, projects) else {
                continue;
            };
            if funds.amount > projects.amount {
                self.out.push(
                    Diagnostic::new(Rule::Coverage, tr!("coverage-over", table = label))
                        .at(
                            id,
                            funds.span.clone(),
                            format!("共涉及资金 {}", funds.display()),
                        )
                        .also(
                            self.file(table),
                            projects.span.clone(),
                            format!("{label} 项目支出"),
                        )
                        .note(tr!(
                            "coverage-note",
                            projects = projects.display(),
                            funds = funds.display()
                        )),
                );
            }
        }
    }

    /// The Shanghai form's 预算绩效管理情况: the ratings count the projects evaluated, the problems fixed and being
    /// fixed are among those found, an average score is out of 100.
    fn performance_management(&mut self) {
        let Some(m) = &self.doc.performance_management else {
            return;
        };
        let id = self.file("performance.toml");
        let g = &m.grades;
        let projects = &m.self_evaluation.projects;
        let rated: u64 = [&g.excellent, &g.good, &g.pass, &g.fail]
            .iter()
            .map(|n| u64::from(n.value))
            .sum();
        if rated != u64::from(projects.value) {
            let mut diag = Diagnostic::new(
                Rule::CountMismatch,
                tr!("ratings-count", projects = projects.value, rated = rated),
            )
            .at(
                id,
                projects.span.clone(),
                tr!("projects-label", n = projects.value),
            );
            for (name, n) in [
                ("优", &g.excellent),
                ("良", &g.good),
                ("合格", &g.pass),
                ("不合格", &g.fail),
            ] {
                diag = diag.also(id, n.span.clone(), format!("{} {name}", n.value));
            }
            self.out.push(diag.note(tr!(
                "ratings-note",
                projects = projects.value,
                rated = rated
            )));
        }
        let p = &m.problems;
        let handled: u64 = [&p.fixed, &p.fixing]
            .iter()
            .filter_map(|n| n.as_ref())
            .map(|n| u64::from(n.value))
            .sum();
        if handled > u64::from(p.found.value) {
            let mut diag = Diagnostic::new(
                Rule::CountMismatch,
                tr!("problems-over", handled = handled, found = p.found.value),
            )
            .at(
                id,
                p.found.span.clone(),
                tr!("problems-found-label", n = p.found.value),
            );
            for n in [&p.fixed, &p.fixing].into_iter().flatten() {
                diag = diag.also(id, n.span.clone(), format!("{}", n.value));
            }
            self.out.push(diag.note(tr!(
                "problems-note",
                found = p.found.value,
                handled = handled
            )));
        }
        let score = &m.self_evaluation.average_score;
        if score.value > Decimal::ONE_HUNDRED {
            self.out.push(
                Diagnostic::new(
                    Rule::ScoreMismatch,
                    tr!("average-score", score = score.value),
                )
                .at(id, score.span.clone(), tr!("above-100"))
                .note(tr!("at-most-found", most = 100, found = score.value)),
            );
        }
    }
}
