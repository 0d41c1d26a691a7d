//! The typed sections of a 预算 (budget) folder. Tables 1–8 are in 元, as the 预算 forms print them ([`Yuan`]);
//! table 9 and every figure the 编制说明 and 其他相关情况说明 state beside the tables are in 万元 ([`Money`]). The
//! tables are the primary figures; the sentences are computed from them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;
use crate::money::{Located, Money, Yuan};

// ---------------------------------------------------------------------------------------------------------------
// overview.toml

/// overview.toml: 一、主要职能 and 二、机构设置.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// 主要职能前的段落，按原文（含句末标点），如“……主要职能包括：”。
    #[serde(default)]
    pub intro: Vec<Text>,
    /// 主要职能，每条一项，不写序号和句末的“。”（按格式自动编号）。
    pub duties: Vec<Text>,
    /// 二、机构设置。
    pub organization: Organization,
}

/// 机构设置: a department's units (with the counts computed from their kinds), or the text as written.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// 部门预算：句中“……部门预算是包括×××以及下属N家预算单位的综合收支计划”对本部的称呼，如“商务委本部”。
    pub headquarters: Option<Text>,
    /// 部门预算：所属单位，按列举顺序；第一个为本部。
    #[serde(default)]
    pub units: Vec<Unit>,
    /// 单位预算的机构设置（或部门预算另写的段落），每段一项，按原文（含句末标点）。
    #[serde(default)]
    pub text: Vec<Text>,
}

/// A unit of a department's budget.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// 单位名称，按列举的写法。
    pub name: Text,
    /// 单位性质：行政单位、参公单位或事业单位（“行政单位N家……”由此计算）。
    pub kind: Located<UnitKind>,
    /// 名称后的说明，如“……设9个内设机构，包括：……”“不单列预算”；没有时不写。
    pub description: Option<Text>,
}

/// 单位性质.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum UnitKind {
    #[serde(rename = "行政单位")]
    Administrative,
    /// 参照公务员法管理的事业单位
    #[serde(rename = "参公单位")]
    CivilServiceManaged,
    #[serde(rename = "事业单位")]
    Public,
}

impl UnitKind {
    pub const ALL: [UnitKind; 3] = [
        UnitKind::Administrative,
        UnitKind::CivilServiceManaged,
        UnitKind::Public,
    ];

    pub fn word(self) -> &'static str {
        match self {
            UnitKind::Administrative => "行政单位",
            UnitKind::CivilServiceManaged => "参公单位",
            UnitKind::Public => "事业单位",
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The nine tables (1–8 in 元, 9 in 万元)

/// table01.toml: 财务收支预算总表 (元).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table01 {
    /// 本年收入
    pub income: Table01Income,
    /// 本年支出
    pub expenditure: Table01Expenditure,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table01Income {
    /// 一、财政拨款收入
    pub fiscal: Option<Yuan>,
    /// 1. 一般公共预算资金
    pub general_budget: Option<Yuan>,
    /// 2. 政府性基金
    pub government_fund: Option<Yuan>,
    /// 3. 国有资本经营预算
    pub state_capital: Option<Yuan>,
    /// 二、事业收入
    pub business: Option<Yuan>,
    /// 三、事业单位经营收入
    pub operating: Option<Yuan>,
    /// 四、其他收入
    pub other: Option<Yuan>,
    /// 收入总计
    pub total: Option<Yuan>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table01Expenditure {
    /// 本年支出按功能分类的“类”（3 位编码），按表中顺序；表中只列有预算的“类”。
    #[serde(default)]
    pub classes: Vec<ClassAmount>,
    /// 支出总计
    pub total: Option<Yuan>,
    /// 支出总计的人员经费（单位预算的表分列基本支出时）
    pub personnel: Option<Yuan>,
    /// 支出总计的公用经费（同上）
    pub public: Option<Yuan>,
    /// 支出总计的项目支出（同上）
    pub project: Option<Yuan>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassAmount {
    /// 功能分类“类”的 3 位编码，如 "201"。
    pub code: Text,
    /// 预算数（元）；表分列时为合计。
    pub amount: Yuan,
    /// 基本支出中的人员经费（单位预算的表分列时）
    pub personnel: Option<Yuan>,
    /// 基本支出中的公用经费（同上）
    pub public: Option<Yuan>,
    /// 项目支出（同上）
    pub project: Option<Yuan>,
}

/// Defines a table's columns twice: as the cells of its 合计 row, and as a classification line with `code` and
/// `name` before the same cells (as `crate::model`'s `columns!` does for the 决算).
macro_rules! budget_columns {
    ($(#[$doc:meta])* $cells:ident, $line:ident { $($(#[$fdoc:meta])* $field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $cells {
            $($(#[$fdoc])* pub $field: Option<Yuan>,)*
        }

        impl $cells {
            /// The cells in form order, as figures.
            pub fn columns(&self) -> Vec<Option<&Money>> {
                vec![$(self.$field.as_deref(),)*]
            }

            /// The cells' keys, in the order of [`Self::columns`].
            pub fn fields(&self) -> &'static [&'static str] {
                &[$(stringify!($field)),*]
            }
        }

        /// A classification line with the same columns.
        #[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $line {
            /// 科目编码：功能分类类 3 位、款 5 位、项 7 位（经济分类类 3 位、款 5 位），类、款、项连写。
            pub code: Text,
            /// 科目名称。
            pub name: Text,
            $($(#[$fdoc])* pub $field: Option<Yuan>,)*
        }

        impl $line {
            /// The cells in form order, as figures.
            pub fn columns(&self) -> Vec<Option<&Money>> {
                vec![$(self.$field.as_deref(),)*]
            }
        }
    };
}

budget_columns! {
/// 收入预算总表 columns.
IncomeCells, IncomeLine {
    /// 合计
    total,
    /// 财政拨款收入
    fiscal,
    /// 事业收入
    business,
    /// 事业单位经营收入
    operating,
    /// 其他收入
    other,
}}

budget_columns! {
/// 支出 columns: 合计 / 基本支出 / 项目支出.
SpendCells, SpendLine {
    /// 合计
    total,
    /// 基本支出
    basic,
    /// 项目支出
    project,
}}

budget_columns! {
/// 财政拨款 by fund: 合计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算.
FundCells, FundLine {
    /// 合计
    total,
    /// 一般公共预算
    general_budget,
    /// 政府性基金预算
    government_fund,
    /// 国有资本经营预算
    state_capital,
}}

budget_columns! {
/// 基本支出 by economic class: 合计 / 人员经费 / 公用经费.
BasicCells, BasicLine {
    /// 合计
    total,
    /// 人员经费
    personnel,
    /// 公用经费
    public,
}}

/// table02.toml: 收入预算总表 (元).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table02 {
    /// 合计行。
    #[serde(default)]
    pub total: IncomeCells,
    /// 按功能分类的各行（类 3 位、款 5 位、项 7 位编码）。
    #[serde(default)]
    pub rows: Vec<IncomeLine>,
}

/// table03.toml: 支出预算总表 (元).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table03 {
    /// 合计行。
    #[serde(default)]
    pub total: SpendCells,
    /// 按功能分类的各行（类 3 位、款 5 位、项 7 位编码）。
    #[serde(default)]
    pub rows: Vec<SpendLine>,
}

/// table05.toml, table06.toml, table07.toml: 一般公共预算 / 政府性基金预算 / 国有资本经营预算 支出功能分类预算表 (元).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpendTable {
    /// 合计行。
    #[serde(default)]
    pub total: SpendCells,
    /// 按功能分类的各行（类 3 位、款 5 位、项 7 位编码）。
    #[serde(default)]
    pub rows: Vec<SpendLine>,
}

/// table04.toml: 财政拨款收支预算总表 (元).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table04 {
    /// 财政拨款收入
    pub income: Table04Income,
    /// 财政拨款支出
    pub expenditure: Table04Expenditure,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table04Income {
    /// 一、一般公共预算资金
    pub general_budget: Option<Yuan>,
    /// 二、政府性基金
    pub government_fund: Option<Yuan>,
    /// 三、国有资本经营预算
    pub state_capital: Option<Yuan>,
    /// 收入总计
    pub total: Option<Yuan>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table04Expenditure {
    /// 支出按功能分类的“类”，每种资金一列；表中只列有预算的“类”。
    #[serde(default)]
    pub classes: Vec<FundLine>,
    /// 支出总计，按资金来源。
    #[serde(default)]
    pub total: FundCells,
}

/// table08.toml: 一般公共预算基本支出部门预算经济分类预算表 (元).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table08 {
    /// 合计行。
    #[serde(default)]
    pub total: BasicCells,
    /// 按部门预算经济分类的各行（类 3 位、款 5 位编码）。
    #[serde(default)]
    pub rows: Vec<BasicLine>,
}

/// table09.toml: “三公”经费和机关运行经费预算表 (万元).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table09 {
    /// “三公”经费预算数 合计
    pub total: Option<Money>,
    /// 因公出国（境）费
    pub overseas: Option<Money>,
    /// 公务接待费
    pub reception: Option<Money>,
    /// 公务用车购置及运行费 小计
    pub vehicles: Option<Money>,
    /// 公务用车购置费
    pub vehicle_purchase: Option<Money>,
    /// 公务用车运行费
    pub vehicle_operation: Option<Money>,
    /// 机关运行经费预算数
    pub operating_costs: Option<Money>,
}

// ---------------------------------------------------------------------------------------------------------------
// explanation.toml, three_public.toml, operating_costs.toml, performance.toml, assets.toml, projects.toml

/// explanation.toml: 预算编制说明 — last year's figures (万元), the reason for the change, and what each 项 is for.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// 上年预算数（万元），编制说明与之比较（“比上年预算增加……”）。
    #[serde(default)]
    pub previous: Previous,
    /// 上年预算执行数（万元），编制说明与之比较的（“比上年预算执行数增加……”）；同一项只写在 previous 或这里之一。
    #[serde(default)]
    pub previous_execution: Previous,
    /// 财政拨款收入支出增加（减少）的主要原因（不写“主要原因是：”和句末的“。”）。
    pub reason: Option<Text>,
    /// 财政拨款支出的主要内容：每个“项”（7 位编码）的用途等，按说明中的顺序。
    #[serde(default)]
    pub items: Vec<Item>,
}

/// Last year's figures the 编制说明 compares with (万元): its budgets, or what was executed of them.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    /// 上年财政拨款收入预算
    pub fiscal_income: Option<Money>,
    /// 上年财政拨款支出预算
    pub fiscal_expenditure: Option<Money>,
    /// 上年一般公共预算拨款支出预算
    pub general_budget: Option<Money>,
    /// 上年政府性基金拨款支出预算
    pub government_fund: Option<Money>,
    /// 上年国有资本经营预算拨款支出预算
    pub state_capital: Option<Money>,
}

/// One 项 of 财政拨款支出.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// 功能分类“项”的 7 位编码（一般公共预算、政府性基金或国有资本经营预算支出功能分类预算表中的“项”）。
    pub code: Text,
    /// 主要用于（不写“主要用于”和句末的“。”）。
    pub purpose: Option<Text>,
    /// 上年当年预算执行数（万元），格式逐项比较时填写。
    pub previous_execution: Option<Money>,
    /// 与上年预算执行数相比增减的主要原因。
    pub reason: Option<Text>,
}

/// three_public.toml: last year's “三公”经费 budgets (万元) and the reasons, by kind.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreePublic {
    /// 上年“三公”经费预算数合计。
    pub previous: Option<Money>,
    /// 因公出国（境）费
    pub overseas: ThreePublicKind,
    /// 公务用车购置及运行费
    pub vehicles: ThreePublicKind,
    /// 公务用车购置费
    pub vehicle_purchase: ThreePublicKind,
    /// 公务用车运行费
    pub vehicle_operation: ThreePublicKind,
    /// 公务接待费
    pub reception: ThreePublicKind,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreePublicKind {
    /// 上年预算数（万元）。
    pub previous: Option<Money>,
    /// 增减或持平的主要原因（不写“主要原因是”和句末的“。”）。
    pub reason: Option<Text>,
}

/// operating_costs.toml: 机关运行经费预算 (the figure is table 9's).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OperatingCosts {
    /// 经费所属，如“下属1家机关和1家参公事业单位”；句中不写时不写。
    pub scope: Option<Text>,
    /// 上年机关运行经费预算（万元）；说明与上年比较时填写。
    pub previous: Option<Money>,
    /// 与上年相比增减的主要原因。
    pub reason: Option<Text>,
}

/// performance.toml: 绩效目标设置情况.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// 开展绩效目标编报的预算单位个数；说明中不写时不写。
    pub units: Option<Located<u32>>,
    /// 编报绩效目标的项目个数。
    pub projects: Located<u32>,
    /// 涉及项目预算资金（万元）。
    pub amount: Money,
}

/// assets.toml: 国有资产占有使用情况 and the purchases the budget plans.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// 统计截止日期，如 2024-08-31。
    #[schemars(with = "crate::schema::Date")]
    pub as_of: Located<toml::value::Datetime>,
    /// 车辆按用途分类，按正文列举的顺序；车辆总数自动计算。
    pub vehicles: Vec<super::VehicleCount>,
    /// 单价100万元（含）以上设备（不含车辆）台（套）。
    pub equipment_over_1m: Located<u32>,
    /// 预算安排购置的车辆，按用途分类。
    #[serde(default)]
    pub planned_vehicles: Vec<super::VehicleCount>,
    /// 预算安排购置单价100万元（含）以上设备（不含车辆）台（套）。
    pub planned_equipment_over_1m: Option<Located<u32>>,
}

/// projects.toml: 项目经费情况说明 (部门预算).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Projects {
    /// 每个项目一段说明。
    #[serde(default)]
    pub projects: Vec<Project>,
}

/// A project's 经费情况说明: each heading's paragraphs as written.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// 项目名称；标题为“{名称}经费情况说明”。
    pub name: Text,
    /// 一、项目概述
    pub overview: Vec<Text>,
    /// 二、立项依据
    pub basis: Vec<Text>,
    /// 三、实施主体
    pub implementer: Vec<Text>,
    /// 四、实施方案
    pub plan: Vec<Text>,
    /// 五、实施周期
    pub period: Vec<Text>,
    /// 六、年度预算安排
    pub budget: Vec<Text>,
    /// 七、绩效目标
    pub targets: Vec<Text>,
}
