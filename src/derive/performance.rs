//! 预算绩效: the Zhejiang form's management figures and 项目绩效自评表 (with scores and grades computed), and the
//! Shanghai form's 预算绩效管理情况.

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::wording::{Words, get, join_and, sentence, text};
use super::{Block, Ctx, heading, para};
use crate::model::{GradeCounts, Performance, PerformanceManagement, Project, ProjectFunds};
use crate::money::{Amount, Money, Points};
use crate::render::balanced_lines;

/// （十三）预算绩效情况说明, Zhejiang: management, the self-evaluation forms with their 综述, evaluations.
pub(super) fn zhejiang(ctx: &Ctx, p: &Performance, out: &mut Vec<Block>) {
    let w = ctx.words;
    let m = &p.management;
    let info = &ctx.doc.document;
    let short = info
        .short_name
        .as_ref()
        .unwrap_or(&info.unit)
        .value
        .as_str();
    let projects_total = get(ctx.doc.table05.total.project.as_ref());

    out.push(heading(3, "1.预算绩效管理工作开展情况。"));
    let mut s = format!(
        "根据预算绩效管理要求，{short}组织对{}年度一般公共预算项目支出全面开展绩效自评，其中，一级项目{}个，二级项目{}个，共涉及资金{}{}。",
        ctx.year,
        *m.first_level_projects,
        *m.second_level_projects,
        w.wan(m.funds.amount),
        coverage(w, m.funds.amount, projects_total)
    );
    match m.government_fund_funds.as_ref().filter(|f| !f.is_zero()) {
        None => s += "本年无政府性基金预算项目。",
        Some(f) => s += &format!("政府性基金预算项目共涉及资金{}。", w.wan(f.amount)),
    }
    out.push(para(s));
    let examples: String = m
        .evaluated_examples
        .iter()
        .map(|e| format!("“{}”", e.value))
        .collect();
    let examples = if examples.is_empty() {
        String::new()
    } else {
        format!("{examples}等")
    };
    out.push(para(format!(
        "组织对{examples}{}个项目开展了部门评价，涉及一般公共预算支出{}，政府性基金预算支出{}。{}",
        *m.evaluated_projects,
        w.wan(m.evaluated_general_budget.amount),
        w.wan(get(m.evaluated_government_fund.as_ref())),
        grade_sentence(&m.grades)
    )));
    out.push(para(match text(&m.department_evaluation) {
        Some(t) => sentence(t),
        None => "本年无部门整体支出绩效评价。".to_string(),
    }));
    out.push(para(match text(&m.subordinate_evaluation) {
        Some(t) => sentence(t),
        None => "本年无下属部门或单位整体支出绩效评价。".to_string(),
    }));

    out.push(heading(
        3,
        format!("2.{}决算中项目绩效自评结果。", ctx.kind),
    ));
    if p.projects.is_empty() {
        out.push(para("本年度未开展项目绩效自评，因此无相关内容。"));
    } else {
        let names: Vec<&str> = p.projects.iter().map(|p| p.name.value.as_str()).collect();
        out.push(para(format!(
            "{}在{}年度{}决算中反映{}项目绩效自评结果。",
            info.unit.value,
            ctx.year,
            ctx.kind,
            join_and(&names)
        )));
        for (i, project) in p.projects.iter().enumerate() {
            let form = self_evaluation(
                w,
                project,
                &p.form_title.value,
                ctx.year,
                &info.unit.value,
                i + 1,
            );
            out.push(para(format!(
                "{}项目绩效自评综述：根据年初设定的绩效目标，项目自评得分{}分，自评结论为“{}”。项目全年预算数为{}，执行数为{}{}。项目绩效目标完成情况：{}发现的问题及原因：{}下一步改进措施：{}",
                project.name.value,
                form.total_score,
                form.grade,
                w.wan(project.funds.annual_budget.amount),
                w.wan(project.funds.executed.amount),
                w.completion(project.funds.executed.amount, project.funds.annual_budget.amount, "预算"),
                sentence(&project.achievement),
                sentence(&project.problems),
                sentence(&project.improvements),
            )));
            out.push(Block::SelfEvaluation(Box::new(form)));
        }
    }

    out.push(heading(3, "3.财政评价项目绩效评价结果"));
    out.push(para(match text(&p.fiscal_evaluation) {
        Some(t) => sentence(t),
        None => "本年度未开展财政评价项目绩效评价，因此无相关内容。".to_string(),
    }));
    out.push(heading(3, "4.部门评价项目绩效评价结果"));
    out.push(para(format!(
        "部门评价项目绩效评价结果：{}",
        grade_sentence(&m.grades)
    )));
}

/// 十、预算绩效管理情况, Shanghai: the systems and mechanisms in the unit's words, then how many projects set
/// targets, were tracked and evaluated, the average score and the ratings, and the problems found.
pub(super) fn shanghai(ctx: &Ctx, p: &PerformanceManagement, out: &mut Vec<Block>) {
    let w = ctx.words;
    let y = ctx.year;
    let count = |label: &str, n: u32, amount: Amount| {
        format!("{label}的{y}年度项目{n}个，涉及预算金额{}", w.wan(amount))
    };
    let e = &p.self_evaluation;
    let g = &p.grades;
    let mut problems = format!("绩效自评中共发现问题{}个", *p.problems.found);
    if let Some(n) = &p.problems.fixed {
        problems += &format!("，已经完成整改的{}个", **n);
    }
    if let Some(n) = &p.problems.fixing {
        problems += &format!("，正在整改的{}个", **n);
    }
    out.push(para(format!(
        "{}{y}年度预算绩效管理工作开展情况如下：本{}建立了如下预算绩效管理制度：{}工作机制建设情况：{}\
         全过程绩效管理实施情况：{}；{}；{}，平均得分{}分（其中，绩效评级为“优”的项目{}个；绩效评级为“良”的项目{}个；\
         绩效评级为“合格”的项目{}个；绩效评级为“不合格”的项目{}个。{problems}）。",
        ctx.unit(),
        ctx.kind,
        sentence(&p.systems),
        sentence(&p.mechanism),
        count("编报绩效目标", *p.targets.projects, p.targets.amount.amount),
        count("绩效跟踪评价", *p.tracking.projects, p.tracking.amount.amount),
        count("绩效自评", *e.projects, e.amount.amount),
        Points::display(e.average_score.value),
        *g.excellent,
        *g.good,
        *g.pass,
        *g.fail,
    )));
}

/// "，占一般公共预算项目支出总额的X%": stated only when it can be true. Funds covered above the year's project
/// expenditure (the source unit's case: 758.10 of 728.31) cannot be a share of it; the sentence then gives the
/// funds alone, and `check` warns about the figure.
fn coverage(w: Words, funds: Amount, projects_total: Amount) -> String {
    if funds > projects_total {
        return String::new();
    }
    w.share(funds, projects_total, "，占一般公共预算项目支出总额的")
        .unwrap_or_default()
}

/// "从评价情况来看，18个项目为优，1个项目为差。"
fn grade_sentence(g: &GradeCounts) -> String {
    let parts: Vec<String> = [
        ("优", &g.excellent),
        ("良", &g.good),
        ("中", &g.fair),
        ("差", &g.poor),
    ]
    .into_iter()
    .filter_map(|(grade, n)| {
        n.as_ref()
            .filter(|n| n.value > 0)
            .map(|n| format!("{}个项目为{grade}", n.value))
    })
    .collect();
    if parts.is_empty() {
        "本年无评价结果。".to_string()
    } else {
        format!("从评价情况来看，{}。", parts.join("，"))
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The self-evaluation form

#[derive(Debug, Serialize)]
pub struct SelfEvaluationForm {
    /// 附件1
    pub label: String,
    /// The 目录 entry and bookmark: 附件1 安全运维服务维护项目绩效自评表 (the forms share their title, the
    /// project tells them apart).
    pub toc: String,
    pub title: String,
    /// （2020年度）
    pub year_line: String,
    pub name: String,
    pub supervisor: String,
    pub implementer: String,
    pub period: String,
    pub leader: String,
    pub phone: String,
    /// 年度资金总额, then 其中：市本级安排资金 if given: [label, 年初预算数, 全年预算数, 全年执行数].
    pub funds: Vec<[String; 4]>,
    pub goal: String,
    pub goal_achieved: String,
    /// Indicator rows with the rowspans of their 一级/二级 cells (0 where the cell is covered by the one above).
    pub indicators: Vec<IndicatorRow>,
    pub execution: ExecutionRow,
    pub total_weight: String,
    pub total_score: String,
    pub grade: String,
    pub grade_bands: String,
}

#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub level1: String,
    /// How the 一级指标 may break in its narrow column ([`crate::render::balanced_lines`]).
    pub level1_lines: Vec<Vec<String>>,
    pub level1_rows: usize,
    pub level2: String,
    pub level2_lines: Vec<Vec<String>>,
    pub level2_rows: usize,
    pub name: String,
    pub target: String,
    pub actual: String,
    pub weight: String,
    pub score: String,
    pub remark: String,
}

#[derive(Debug, Serialize)]
pub struct ExecutionRow {
    /// 执行率指标（10分）
    pub level1: String,
    /// 资金执行率：0.994*10
    pub formula: String,
    /// （计算方式：执行率自评得分=资金执行率*10）
    pub method: String,
    pub weight: String,
    pub score: String,
    pub remark: String,
}

/// The grade a score earns: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差.
pub fn grade(score: Decimal) -> &'static str {
    if score >= Decimal::from(90) {
        "优"
    } else if score >= Decimal::from(80) {
        "良"
    } else if score >= Decimal::from(60) {
        "中"
    } else {
        "差"
    }
}

/// 资金执行率 × 分值, rounded half-up to two decimals as the form prints it.
pub fn execution_score(executed: Amount, budget: Amount, weight: Decimal) -> Decimal {
    if budget.is_zero() {
        return Decimal::ZERO;
    }
    (executed.decimal() / budget.decimal() * weight)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The self-evaluation score: the indicators' scores plus the computed execution score.
pub fn project_score(p: &Project) -> Decimal {
    let exec = execution_score(
        p.funds.executed.amount,
        p.funds.annual_budget.amount,
        p.execution.weight.value,
    );
    p.indicators.iter().map(|i| i.score.value).sum::<Decimal>() + exec
}

fn self_evaluation(
    w: Words,
    p: &Project,
    title: &str,
    year: i32,
    unit: &str,
    number: usize,
) -> SelfEvaluationForm {
    // Two decimals, as the narrative states the same figures ("项目全年预算数为25.00万元").
    let money = |m: &Money| w.number(m.amount);
    let funds_row = |label: &str, f: &ProjectFunds| {
        [
            label.to_string(),
            money(&f.initial_budget),
            money(&f.annual_budget),
            money(&f.executed),
        ]
    };
    let mut funds = vec![funds_row("年度资金总额", &p.funds)];
    if let Some(c) = &p.city_funds {
        funds.push(funds_row("其中：市本级安排资金", c));
    }

    // 一级 points are the sum of their indicators' weights; rowspans group consecutive equal cells.
    let mut level1_weight: HashMap<&str, Decimal> = HashMap::new();
    for i in &p.indicators {
        *level1_weight.entry(i.level1.value.as_str()).or_default() += i.weight.value;
    }
    let n = p.indicators.len();
    let span = |i: usize, same: &dyn Fn(usize, usize) -> bool| -> usize {
        if i > 0 && same(i - 1, i) {
            0
        } else {
            (i..n).take_while(|&j| same(i, j)).count()
        }
    };
    let ind = &p.indicators;
    let same1 = |a: usize, b: usize| ind[a].level1.value == ind[b].level1.value;
    let same2 = |a: usize, b: usize| same1(a, b) && ind[a].level2.value == ind[b].level2.value;
    let indicators = ind
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let level1 = format!(
                "{}（{}分）",
                i.level1.value,
                Points::display(level1_weight[i.level1.value.as_str()])
            );
            IndicatorRow {
                level1_lines: balanced_lines(&level1),
                level1,
                level1_rows: span(k, &same1),
                level2: i.level2.value.clone(),
                level2_lines: balanced_lines(&i.level2.value),
                level2_rows: span(k, &same2),
                name: i.name.value.clone(),
                target: i.target.value.clone(),
                actual: i.actual.value.clone(),
                weight: Points::display(i.weight.value),
                score: Points::display(i.score.value),
                remark: i.remark.value.clone(),
            }
        })
        .collect();

    let budget = p.funds.annual_budget.amount;
    let executed = p.funds.executed.amount;
    let weight = p.execution.weight.value;
    let ratio = if budget.is_zero() {
        Decimal::ZERO
    } else {
        executed.decimal() / budget.decimal()
    };
    let ratio3 = ratio.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero);
    let w = Points::display(weight);
    let execution = ExecutionRow {
        level1: format!("执行率指标（{w}分）"),
        formula: format!("资金执行率：{ratio3}*{w}"),
        method: format!("（计算方式：执行率自评得分=资金执行率*{w}）"),
        weight: w.clone(),
        score: Points::display(execution_score(executed, budget, weight)),
        remark: p.execution.remark.value.clone(),
    };
    let total_weight: Decimal =
        p.indicators.iter().map(|i| i.weight.value).sum::<Decimal>() + weight;
    let score = project_score(p);
    SelfEvaluationForm {
        label: format!("附件{number}"),
        toc: format!("附件{number} {}项目绩效自评表", p.name.value),
        title: title.to_string(),
        year_line: format!("（{year}年度）"),
        name: p.name.value.clone(),
        supervisor: p.supervisor.value.clone(),
        implementer: p
            .implementer
            .as_ref()
            .map_or(unit, |t| t.value.as_str())
            .to_string(),
        period: p.period.value.clone(),
        leader: p
            .leader
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        phone: p
            .phone
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        funds,
        goal: p.goal.value.clone(),
        goal_achieved: p.goal_achieved.value.clone(),
        indicators,
        execution,
        total_weight: Points::display(total_weight),
        total_score: Points::display(score),
        grade: grade(score).to_string(),
        grade_bands: "优：90分≤得分≤100分；良：80分≤得分<90分；中：60分≤得分<80分；差：得分<60分"
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Amount {
        s.parse().unwrap()
    }

    #[test]
    fn grades_follow_the_bands() {
        assert_eq!(grade(Decimal::from(90)), "优");
        assert_eq!(grade("89.99".parse().unwrap()), "良");
        assert_eq!(grade(Decimal::from(80)), "良");
        assert_eq!(grade("79.5".parse().unwrap()), "中");
        assert_eq!(grade(Decimal::from(60)), "中");
        assert_eq!(grade("59.99".parse().unwrap()), "差");
    }

    #[test]
    fn execution_score_is_rate_times_weight() {
        assert_eq!(
            execution_score(a("24.86"), a("25"), Decimal::from(10)).to_string(),
            "9.94"
        );
        assert_eq!(
            execution_score(a("93.8"), a("97.5"), Decimal::from(10)).to_string(),
            "9.62"
        );
        assert_eq!(
            execution_score(a("1"), a("0"), Decimal::from(10)),
            Decimal::ZERO
        );
    }

    #[test]
    fn coverage_is_stated_only_when_it_can_be_true() {
        assert_eq!(
            coverage(Words::default(), a("728.31"), a("728.31")),
            "，占一般公共预算项目支出总额的100.00%"
        );
        assert_eq!(
            coverage(Words::default(), a("700"), a("1000")),
            "，占一般公共预算项目支出总额的70.00%"
        );
        assert_eq!(coverage(Words::default(), a("758.1"), a("728.31")), "");
        assert_eq!(coverage(Words::default(), a("0"), a("0")), "");
    }
}
