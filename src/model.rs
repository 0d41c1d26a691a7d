//! The typed sections of a document folder, one struct per file.
//!
//! The nine 公开表 are the primary figures (they are what the reporting software exports); the other sections hold
//! what the tables do not: last year's figures, year-start budgets, counts, and the human reasons (主要原因). No
//! section holds a total, share or rate that can be computed: [`crate::derive`] computes them.
//!
//! Every struct rejects unknown keys, so a misspelled key is an error and not a silently missing figure. Keys are
//! ASCII (TOML bare keys must be); Chinese lives in values. A figure the source does not state is `None`, printed
//! empty, never invented.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::money::{Located, Money, Points};

/// Text with the place it was written.
pub type Text = Located<String>;

/// Declares the section files once: each section's id (the key a form names it by), its file, its Rust type and
/// what it holds, for each kind of document (决算, 预算; document.toml is every kind's). From this one list come
/// [`SectionId`], the [`Document`] and [`BudgetDocument`] with a field per section, the loader's parsing
/// ([`crate::load`]) and the JSON Schemas ([`crate::schema`]). Core sections belong to every document of the kind;
/// the others are read only by the forms whose derivations need them (a Zhejiang 决算 reads the 项目绩效自评
/// `performance`, a Shanghai one the 预算绩效管理 `performance_management`, from a file of the same name).
macro_rules! sections {
    (
        final_accounts { $($fv:ident $ff:ident: $ft:ty = $ffile:literal, $ftitle:literal, $fp:ident;)* }
        budget { $($bv:ident $bf:ident: $bt:ty = $bfile:literal, $btitle:literal, $bp:ident;)* }
    ) => {
        /// A section of a document: one data file.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum SectionId {
            /// document.toml, every kind's.
            Document,
            $($fv,)*
            $($bv,)*
        }

        impl SectionId {
            /// Every section, in the order the document uses them (the 决算's, then the 预算's).
            pub const ALL: &'static [SectionId] =
                &[SectionId::Document, $(SectionId::$fv,)* $(SectionId::$bv,)*];

            /// The key a form names the section by (`table01`); unique within a kind.
            pub fn key(self) -> &'static str {
                match self {
                    SectionId::Document => "document",
                    $(SectionId::$fv => stringify!($ff),)*
                    $(SectionId::$bv => stringify!($bf),)*
                }
            }

            /// The file name inside the document folder (`table01.toml`).
            pub fn file(self) -> &'static str {
                match self {
                    SectionId::Document => "document.toml",
                    $(SectionId::$fv => $ffile,)*
                    $(SectionId::$bv => $bfile,)*
                }
            }

            /// What the file holds, for messages and attachment descriptions.
            pub fn title(self) -> &'static str {
                match self {
                    SectionId::Document => "文档信息",
                    $(SectionId::$fv => $ftitle,)*
                    $(SectionId::$bv => $btitle,)*
                }
            }

            /// The kind of document the section belongs to; `None` for document.toml, which every kind has.
            pub fn kind(self) -> Option<DocumentKind> {
                match self {
                    SectionId::Document => None,
                    $(SectionId::$fv => Some(DocumentKind::FinalAccounts),)*
                    $(SectionId::$bv => Some(DocumentKind::Budget),)*
                }
            }

            /// Whether every document of its kind has the section, whatever its form (else only the forms that
            /// read it).
            pub fn is_core(self) -> bool {
                match self {
                    SectionId::Document => true,
                    $(SectionId::$fv => section_presence!($fp, true, false),)*
                    $(SectionId::$bv => section_presence!($bp, true, false),)*
                }
            }

            /// The section's JSON Schema, generated from its type.
            pub fn schema(self, generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                match self {
                    SectionId::Document => generator.root_schema_for::<DocumentInfo>(),
                    $(SectionId::$fv => generator.root_schema_for::<$ft>(),)*
                    $(SectionId::$bv => generator.root_schema_for::<$bt>(),)*
                }
            }

            /// The section's values as JSON (amounts as exact decimal strings), for the tables a form binds to its
            /// figures by key path ([`crate::figures`]); `None` when the document has no such section.
            pub fn values(self, doc: &Doc) -> Option<serde_json::Value> {
                match (self, doc) {
                    (SectionId::Document, doc) => serde_json::to_value(doc.info()).ok(),
                    $((SectionId::$fv, Doc::FinalAccounts(doc)) => section_presence!(
                        $fp,
                        serde_json::to_value(&doc.$ff).ok(),
                        doc.$ff.as_ref().and_then(|s| serde_json::to_value(s).ok())
                    ),)*
                    $((SectionId::$bv, Doc::Budget(doc)) => section_presence!(
                        $bp,
                        serde_json::to_value(&doc.$bf).ok(),
                        doc.$bf.as_ref().and_then(|s| serde_json::to_value(s).ok())
                    ),)*
                    _ => None,
                }
            }
        }

        /// A 决算 folder, every section typed. Core sections are always there; an optional one is there when the
        /// document's form reads it.
        #[derive(Clone, Debug)]
        pub struct Document {
            pub document: DocumentInfo,
            $(pub $ff: section_presence!($fp, $ft, Option<$ft>),)*
        }

        /// A 预算 folder, every section typed.
        #[derive(Clone, Debug)]
        pub struct BudgetDocument {
            pub document: DocumentInfo,
            $(pub $bf: section_presence!($bp, $bt, Option<$bt>),)*
        }

        #[derive(Default)]
        struct ParsedFinal {
            $($ff: Option<$ft>,)*
        }

        #[derive(Default)]
        struct ParsedBudget {
            $($bf: Option<$bt>,)*
        }

        /// The sections parsed from a folder's files, before they are known to make a whole document.
        #[derive(Default)]
        pub(crate) struct Parsed {
            document: Option<DocumentInfo>,
            final_accounts: ParsedFinal,
            budget: ParsedBudget,
        }

        impl Parsed {
            /// Parses one section's text into its place; a failure is a diagnostic.
            pub(crate) fn parse(
                &mut self,
                id: SectionId,
                sources: &crate::diag::Sources,
                file: crate::diag::FileId,
                diagnostics: &mut Vec<crate::diag::Diagnostic>,
            ) {
                match id {
                    SectionId::Document => {
                        self.document = crate::load::parse_section(sources, file, diagnostics)
                    }
                    $(SectionId::$fv => {
                        self.final_accounts.$ff = crate::load::parse_section(sources, file, diagnostics)
                    })*
                    $(SectionId::$bv => {
                        self.budget.$bf = crate::load::parse_section(sources, file, diagnostics)
                    })*
                }
            }

            /// Whether the section's file parsed.
            pub(crate) fn has(&self, id: SectionId) -> bool {
                match id {
                    SectionId::Document => self.document.is_some(),
                    $(SectionId::$fv => self.final_accounts.$ff.is_some(),)*
                    $(SectionId::$bv => self.budget.$bf.is_some(),)*
                }
            }

            /// The document of `kind`, when every core section of the kind parsed.
            pub(crate) fn finish(self, kind: DocumentKind) -> Option<Doc> {
                let document = self.document?;
                Some(match kind {
                    DocumentKind::FinalAccounts => {
                        let p = self.final_accounts;
                        Doc::FinalAccounts(Document {
                            document,
                            $($ff: section_presence!($fp, p.$ff?, p.$ff),)*
                        })
                    }
                    DocumentKind::Budget => {
                        let p = self.budget;
                        Doc::Budget(BudgetDocument {
                            document,
                            $($bf: section_presence!($bp, p.$bf?, p.$bf),)*
                        })
                    }
                })
            }
        }
    };
}

/// `core` picks the first form, `optional` the second.
macro_rules! section_presence {
    (core, $core:expr, $optional:expr) => {
        $core
    };
    (optional, $core:expr, $optional:expr) => {
        $optional
    };
    (core, $core:ty, $optional:ty) => {
        $core
    };
    (optional, $core:ty, $optional:ty) => {
        $optional
    };
}

sections! {
    final_accounts {
        Overview overview: Overview = "overview.toml", "概况", core;
        Table01 table01: Table01 = "table01.toml", "公开01表 收入支出决算总表", core;
        Table02 table02: Table02 = "table02.toml", "公开02表 收入决算表", core;
        Table03 table03: Table03 = "table03.toml", "公开03表 支出决算表", core;
        Table04 table04: Table04 = "table04.toml", "公开04表 财政拨款收入支出决算总表", core;
        Table05 table05: Table05 = "table05.toml", "公开05表 一般公共预算财政拨款支出决算表", core;
        Table06 table06: Table06 = "table06.toml", "公开06表 一般公共预算财政拨款基本支出决算表", core;
        Table07 table07: Table07 = "table07.toml", "公开07表 一般公共预算财政拨款“三公”经费支出决算表", core;
        Table08 table08: Table08 = "table08.toml", "公开08表 政府性基金预算财政拨款收入支出决算表", core;
        Table09 table09: Table09 = "table09.toml", "公开09表 国有资本经营预算财政拨款支出决算表", core;
        Explanation explanation: Explanation = "explanation.toml", "情况说明（上年数、年初预算、主要原因）", core;
        ThreePublic three_public: ThreePublic = "three_public.toml", "“三公”经费", core;
        OperatingCosts operating_costs: OperatingCosts = "operating_costs.toml", "机关运行经费", core;
        Procurement procurement: Procurement = "procurement.toml", "政府采购", core;
        Assets assets: Assets = "assets.toml", "国有资产", core;
        Performance performance: Performance = "performance.toml", "预算绩效", optional;
        PerformanceManagement performance_management: PerformanceManagement = "performance.toml", "预算绩效管理", optional;
        Glossary glossary: Glossary = "glossary.toml", "名词解释", core;
    }
    budget {
        BudgetOverview overview: budget::Overview = "overview.toml", "主要职能和机构设置", core;
        BudgetGlossary glossary: Glossary = "glossary.toml", "名词解释", core;
        BudgetExplanation explanation: budget::Explanation = "explanation.toml", "预算编制说明（上年数、用途、原因）", core;
        BudgetTable01 table01: budget::Table01 = "table01.toml", "财务收支预算总表", core;
        BudgetTable02 table02: budget::Table02 = "table02.toml", "收入预算总表", core;
        BudgetTable03 table03: budget::Table03 = "table03.toml", "支出预算总表", core;
        BudgetTable04 table04: budget::Table04 = "table04.toml", "财政拨款收支预算总表", core;
        BudgetTable05 table05: budget::SpendTable = "table05.toml", "一般公共预算支出功能分类预算表", core;
        BudgetTable06 table06: budget::SpendTable = "table06.toml", "政府性基金预算支出功能分类预算表", core;
        BudgetTable07 table07: budget::SpendTable = "table07.toml", "国有资本经营预算支出功能分类预算表", core;
        BudgetTable08 table08: budget::Table08 = "table08.toml", "一般公共预算基本支出部门预算经济分类预算表", core;
        BudgetTable09 table09: budget::Table09 = "table09.toml", "“三公”经费和机关运行经费预算表", core;
        BudgetThreePublic three_public: budget::ThreePublic = "three_public.toml", "“三公”经费（上年预算、原因）", core;
        BudgetOperatingCosts operating_costs: budget::OperatingCosts = "operating_costs.toml", "机关运行经费", core;
        BudgetProcurement procurement: Procurement = "procurement.toml", "政府采购预算", core;
        BudgetPerformance performance: budget::Targets = "performance.toml", "绩效目标设置", core;
        BudgetAssets assets: budget::Assets = "assets.toml", "国有资产占有使用", core;
        BudgetProjects projects: budget::Projects = "projects.toml", "项目经费情况说明", optional;
    }
}

/// A document of either kind. One per loaded folder, so the size of the larger kind costs nothing worth a box.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Doc {
    FinalAccounts(Document),
    Budget(BudgetDocument),
}

impl Doc {
    /// document.toml, which every kind has.
    pub fn info(&self) -> &DocumentInfo {
        match self {
            Doc::FinalAccounts(d) => &d.document,
            Doc::Budget(d) => &d.document,
        }
    }

    pub fn kind(&self) -> DocumentKind {
        match self {
            Doc::FinalAccounts(_) => DocumentKind::FinalAccounts,
            Doc::Budget(_) => DocumentKind::Budget,
        }
    }

    /// The 决算, if this is one.
    pub fn final_accounts(&self) -> Option<&Document> {
        match self {
            Doc::FinalAccounts(d) => Some(d),
            Doc::Budget(_) => None,
        }
    }

    /// The 预算, if this is one.
    pub fn budget(&self) -> Option<&BudgetDocument> {
        match self {
            Doc::Budget(d) => Some(d),
            Doc::FinalAccounts(_) => None,
        }
    }
}

/// The kind of document: the final accounts or the budget of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum DocumentKind {
    /// 决算公开
    #[serde(rename = "决算")]
    FinalAccounts,
    /// 预算公开
    #[serde(rename = "预算")]
    Budget,
}

impl DocumentKind {
    pub fn word(self) -> &'static str {
        match self {
            DocumentKind::FinalAccounts => "决算",
            DocumentKind::Budget => "预算",
        }
    }
}

pub mod budget;

impl Parsed {
    /// document.toml, read first for the form it names.
    pub(crate) fn set_document(&mut self, info: Option<DocumentInfo>) {
        self.document = info;
    }

    pub(crate) fn document(&self) -> Option<&DocumentInfo> {
        self.document.as_ref()
    }
}

impl SectionId {
    /// The section of a kind of document a form names by this key (document.toml is every kind's).
    pub fn from_key(kind: DocumentKind, key: &str) -> Option<SectionId> {
        SectionId::of_kind(kind).find(|s| s.key() == key)
    }

    /// The sections a document of `kind` may have, document.toml first.
    pub fn of_kind(kind: DocumentKind) -> impl Iterator<Item = SectionId> {
        SectionId::ALL
            .iter()
            .copied()
            .filter(move |s| s.kind().is_none_or(|k| k == kind))
    }
}

// ---------------------------------------------------------------------------------------------------------------
// document.toml, overview.toml

/// 决算主体：“单位”（本单位决算）或“部门”（部门汇总决算）；决定正文中用“单位”还是“部门”。
#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
pub enum Kind {
    /// 本单位决算
    #[serde(rename = "单位")]
    Unit,
    /// 部门汇总决算
    #[serde(rename = "部门")]
    Department,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Unit => "单位",
            Kind::Department => "部门",
        }
    }
}

/// document.toml: the facts stated once and used everywhere.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    /// 单位全称，与标题和正文中的写法完全一致。
    pub unit: Text,
    /// 决算年度，如 2020。
    pub year: Located<i32>,
    /// 决算主体：“单位”（本单位决算）或“部门”（部门汇总决算），决定正文中用“单位”还是“部门”。
    pub kind: Located<Kind>,
    /// 简称：正文中可以使用的简称（如“数据安全管理中心”）；不写时用单位全称。
    #[serde(default)]
    pub short_name: Option<Text>,
    /// 主管部门名称。
    #[serde(default)]
    pub supervisor: Option<Text>,
    /// 地区，如“上海市普陀区”：预算封面“上海市普陀区2025年区级部门预算”中的地区；不用时不写。
    #[serde(default)]
    pub region: Option<Text>,
    /// 公开日期（年-月-日，须在决算年度之后）：即 PDF 的日期，同样的数据重新生成的 PDF 逐字节相同。
    #[schemars(with = "crate::schema::Date")]
    pub published: Located<toml::value::Datetime>,
    /// 决算：本年度预算公开的数据文件夹（相对本文件夹，如 "../单位-2024-预算"）；写了时，年初预算数（“三公”经费、机关运行经费、
    /// 一般公共预算及各“项”、政府性基金和国有资本经营预算的年初预算）从中取得，这里写了的与之核对。
    #[serde(default)]
    pub budget: Option<Text>,
    /// 预算：上年预算公开的数据文件夹（相对本文件夹）；写了时，编制说明和“三公”经费的上年预算数从中取得，这里写了的与之核对。
    #[serde(default)]
    pub previous_budget: Option<Text>,
    /// 决算：上年决算公开的数据文件夹（相对本文件夹，如 "../单位-2020"）；写了时，上年数（收入支出总计、财政拨款收入支出总计、
    /// 一般公共预算财政拨款支出、“三公”经费、机关运行经费等）从中取得，这里写了的与之核对。`juesuan new --from` 写上这一行。
    #[serde(default)]
    pub previous: Option<Text>,
    /// 公开格式（各部分、表样、行次、科目名称和措辞），如 "zhejiang-2020"、"shanghai-2024"；`juesuan new --form` 列出全部格式。
    #[serde(alias = "profile")]
    pub form: Text,
    /// 是否在情况说明中插入收支结构图和本年与上年对比图。
    #[serde(default)]
    pub charts: bool,
    /// [fonts]：各部分所用的字体（title 标题、heading1 一级标题、heading2 二级标题、body 正文、table 表格），
    /// 有正式字体（--font-path）时使用（crate::fonts）。
    #[serde(default)]
    pub fonts: crate::fonts::FontChoice,
}

/// overview.toml: 一、概况.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// （一）部门（单位）职责：每条一项，不写序号和句末的“。”。
    pub duties: Vec<Text>,
    /// （二）机构设置：内设机构的名称。
    #[serde(default)]
    pub divisions: Vec<Text>,
    /// 部门决算单位构成：纳入部门决算编制范围的单位，按表中顺序（上海格式）。
    #[serde(default)]
    pub units: Vec<UnitEntry>,
}

/// A unit consolidated in a department's 决算: one row of the 部门决算单位构成 table.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    /// 单位名称，按表中的写法，如“上海市XX局（本级）”“上海市XX中心（下属事业单位）”。
    pub name: Text,
    /// 备注；没有时不写。
    pub note: Option<Text>,
}

// ---------------------------------------------------------------------------------------------------------------
// The nine tables

/// A function classification line of any table: its code, its name and its cells in form order.
pub trait ClassificationLine {
    fn code(&self) -> &Text;
    fn name(&self) -> &Text;
    fn columns(&self) -> Vec<Option<&Money>>;
}

/// Defines a table's columns twice: as the cells of its 合计 row, and as a function classification line (类 3
/// digits, 款 5, 项 7) with `code` and `name` before the same cells. (`serde(flatten)` would lose both the spans
/// and `deny_unknown_fields`, so the fields are spelled out by the macro instead.)
macro_rules! columns {
    ($(#[$doc:meta])* $cells:ident, $line:ident { $($(#[$fdoc:meta])* $field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $cells {
            $($(#[$fdoc])* pub $field: Option<Money>,)*
        }

        impl $cells {
            /// The cells in form order.
            pub fn columns(&self) -> Vec<Option<&Money>> {
                vec![$(self.$field.as_ref()),*]
            }

            /// The cells' keys, in the order of [`Self::columns`].
            pub fn fields(&self) -> &'static [&'static str] {
                &[$(stringify!($field)),*]
            }
        }

        /// A function classification line with the same columns.
        #[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $line {
            /// 功能分类科目编码：类 3 位、款 5 位、项 7 位。
            pub code: Text,
            /// 科目名称，与各表和报表格式中的名称一致。
            pub name: Text,
            $($(#[$fdoc])* pub $field: Option<Money>,)*
        }

        impl ClassificationLine for $line {
            fn code(&self) -> &Text {
                &self.code
            }

            fn name(&self) -> &Text {
                &self.name
            }

            fn columns(&self) -> Vec<Option<&Money>> {
                vec![$(self.$field.as_ref()),*]
            }
        }

        impl $line {
            /// The cells in form order.
            pub fn columns(&self) -> Vec<Option<&Money>> {
                vec![$(self.$field.as_ref()),*]
            }

            pub fn cells(&self) -> $cells {
                $cells { $($field: self.$field.clone(),)* }
            }
        }
    };
}

/// 公开01表 收入支出决算总表: the income panel by source, the expenditure panel by 类.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table01 {
    /// 收入（按来源）。
    pub income: Table01Income,
    /// 支出（按功能分类的“类”）及合计。
    pub expenditure: Table01Expenditure,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table01Income {
    /// 一般公共预算财政拨款收入
    pub general_budget: Option<Money>,
    /// 政府性基金预算财政拨款收入
    pub government_fund: Option<Money>,
    /// 国有资本经营预算财政拨款收入
    pub state_capital: Option<Money>,
    /// 上级补助收入
    pub superior_subsidy: Option<Money>,
    /// 事业收入
    pub business: Option<Money>,
    /// 经营收入
    pub operating: Option<Money>,
    /// 附属单位上缴收入
    pub affiliated: Option<Money>,
    /// 其他收入
    pub other: Option<Money>,
    /// 本年收入合计
    pub year_total: Option<Money>,
    /// 使用非财政拨款结余
    pub non_fiscal_balance_used: Option<Money>,
    /// 年初结转和结余
    pub carryover_start: Option<Money>,
    /// 收入总计
    pub grand_total: Option<Money>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table01Expenditure {
    /// 本年支出按功能分类的“类”（3 位编码）；表中未列出的“类”印为 0.00。
    #[serde(default)]
    pub classes: Vec<Table01Class>,
    /// 本年支出合计
    pub year_total: Option<Money>,
    /// 结余分配
    pub surplus_distribution: Option<Money>,
    /// 年末结转和结余
    pub carryover_end: Option<Money>,
    /// 支出总计
    pub grand_total: Option<Money>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table01Class {
    /// 功能分类“类”的 3 位编码，如 "208"。
    pub code: Text,
    /// 决算数（万元）。
    pub amount: Money,
}

columns! {
/// 公开02表 收入决算表 columns.
IncomeCells, IncomeLine {
    /// 本年收入合计
    total,
    /// 财政拨款收入
    fiscal,
    /// 上级补助收入
    superior_subsidy,
    /// 事业收入
    business,
    /// 经营收入
    operating,
    /// 附属单位上缴收入
    affiliated,
    /// 其他收入
    other,
}}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table02 {
    /// 合计行。
    pub total: IncomeCells,
    /// 按功能分类的各行（类 3 位、款 5 位、项 7 位编码）。
    #[serde(default)]
    pub rows: Vec<IncomeLine>,
}

columns! {
/// 公开03表 支出决算表 columns.
ExpenditureCells, ExpenditureLine {
    /// 本年支出合计
    total,
    /// 基本支出
    basic,
    /// 项目支出
    project,
    /// 上缴上级支出
    to_superior,
    /// 经营支出
    operating,
    /// 对附属单位补助支出
    to_affiliated,
}}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table03 {
    /// 合计行。
    pub total: ExpenditureCells,
    /// 按功能分类的各行（类 3 位、款 5 位、项 7 位编码）。
    #[serde(default)]
    pub rows: Vec<ExpenditureLine>,
}

/// 公开04表 财政拨款收入支出决算总表.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table04 {
    /// 收入。
    pub income: Table04Income,
    /// 支出。
    pub expenditure: Table04Expenditure,
}

columns! {
/// One figure per fund: 一般公共预算 / 政府性基金预算 / 国有资本经营预算, and their 合计 where the form has one.
FundCells, FundLine {
    /// 合计
    total,
    /// 一般公共预算财政拨款
    general_budget,
    /// 政府性基金预算财政拨款
    government_fund,
    /// 国有资本经营预算财政拨款
    state_capital,
}}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table04Income {
    /// 本年收入，按资金来源（total 为本年收入合计）。
    pub year: FundCells,
    /// 年初财政拨款结转和结余，按资金来源。
    pub carryover_start: FundCells,
    /// 收入总计
    pub grand_total: Option<Money>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table04Expenditure {
    /// 支出按功能分类的“类”，每种资金一列。
    #[serde(default)]
    pub classes: Vec<FundLine>,
    /// 本年支出合计，按资金来源。
    pub year: FundCells,
    /// 年末财政拨款结转和结余，按资金来源。
    pub carryover_end: FundCells,
    /// 支出总计，按资金来源。
    pub grand_total: FundCells,
}

columns! {
/// Columns of 公开05表 and 公开09表: 本年支出 合计 / 基本支出 / 项目支出.
SpendCells, SpendLine {
    /// 本年支出合计
    total,
    /// 基本支出
    basic,
    /// 项目支出
    project,
}}

/// 公开05表 一般公共预算财政拨款支出决算表.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table05 {
    /// 合计行。
    pub total: SpendCells,
    /// 按功能分类的各行（类 3 位、款 5 位、项 7 位编码）。
    #[serde(default)]
    pub rows: Vec<SpendLine>,
}

/// 公开06表 一般公共预算财政拨款基本支出决算表: economic classification lines in two panels.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table06 {
    /// 人员经费各行：301、303 及其“款”。
    #[serde(default)]
    pub personnel: Vec<EconomicLine>,
    /// 公用经费各行：302、307、310 等及其“款”。
    #[serde(default)]
    pub public: Vec<EconomicLine>,
    /// 人员经费合计
    pub personnel_total: Option<Money>,
    /// 公用经费合计
    pub public_total: Option<Money>,
}

/// An economic classification line (类 3 digits, 款 5 digits).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EconomicLine {
    /// 经济分类编码：类 3 位、款 5 位。
    pub code: Text,
    /// 经济分类科目名称。
    pub name: Text,
    /// 决算数（万元）；资料未载明时不写。
    pub amount: Option<Money>,
}

/// 公开07表: one row of budget and one of actual figures.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table07 {
    /// 预算数
    pub budget: ThreePublicCells,
    /// 决算数
    pub actual: ThreePublicCells,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreePublicCells {
    /// 合计
    pub total: Option<Money>,
    /// 因公出国（境）费
    pub overseas: Option<Money>,
    /// 公务用车购置及运行费 小计
    pub vehicles: Option<Money>,
    /// 公务用车购置费
    pub vehicle_purchase: Option<Money>,
    /// 公务用车运行费
    pub vehicle_operation: Option<Money>,
    /// 公务接待费
    pub reception: Option<Money>,
}

impl ThreePublicCells {
    /// The cells in form order: 合计, 出国, 车 小计, 购置, 运行, 接待.
    pub fn columns(&self) -> Vec<Option<&Money>> {
        vec![
            self.total.as_ref(),
            self.overseas.as_ref(),
            self.vehicles.as_ref(),
            self.vehicle_purchase.as_ref(),
            self.vehicle_operation.as_ref(),
            self.reception.as_ref(),
        ]
    }
}

columns! {
/// Columns of 公开08表.
FundFlowCells, FundFlowLine {
    /// 年初结转和结余
    carryover_start,
    /// 本年收入
    income,
    /// 本年支出 小计
    total,
    /// 本年支出 基本支出
    basic,
    /// 本年支出 项目支出
    project,
    /// 年末结转和结余
    carryover_end,
}}

/// 公开08表 政府性基金预算财政拨款收入支出决算表.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table08 {
    /// 合计行。
    #[serde(default)]
    pub total: FundFlowCells,
    /// 按功能分类的各行（类 3 位、款 5 位、项 7 位编码）。
    #[serde(default)]
    pub rows: Vec<FundFlowLine>,
}

/// 公开09表 国有资本经营预算财政拨款（收入）支出决算表: the columns of 公开08表, of which a form may print only the
/// 本年支出 (合计, 基本支出, 项目支出).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table09 {
    /// 合计行。
    #[serde(default)]
    pub total: FundFlowCells,
    /// 按功能分类的各行（类 3 位、款 5 位、项 7 位编码）。
    #[serde(default)]
    pub rows: Vec<FundFlowLine>,
}

// ---------------------------------------------------------------------------------------------------------------
// explanation.toml: what the 情况说明 needs beyond the tables

/// explanation.toml: last year's figures, year-start budgets and the reasons, by part of 三、.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// （一）收入支出决算总体情况
    pub overall: Comparison,
    /// （四）财政拨款收入支出决算总体情况
    pub fiscal: FiscalExplanation,
    /// （五）一般公共预算财政拨款支出
    pub general_budget: GeneralBudgetExplanation,
    /// （七）政府性基金预算财政拨款支出
    #[serde(default)]
    pub government_fund: Option<FundExplanation>,
    /// （八）国有资本经营预算财政拨款支出
    #[serde(default)]
    pub state_capital: Option<FundExplanation>,
}

/// Last year's income and expenditure totals and the reason for the change.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// 上年收入总计（万元）。
    pub previous_income: Option<Money>,
    /// 上年支出总计（万元）。
    pub previous_expenditure: Option<Money>,
    /// 收入支出增减变化的主要原因（不写“主要原因是”和句末的“。”）。
    pub reason: Option<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FiscalExplanation {
    /// 上年财政拨款收入总计
    pub previous_income: Option<Money>,
    /// 上年财政拨款支出总计
    pub previous_expenditure: Option<Money>,
    /// 财政拨款收入增减变化的主要原因。
    pub income_reason: Option<Text>,
    /// 财政拨款支出增减变化的主要原因。
    pub expenditure_reason: Option<Text>,
    /// 财政拨款支出决算数与年初预算数差异的主要原因。
    pub budget_reason: Option<Text>,
    /// 财政拨款支出年初预算数（万元）；不写时为一般公共预算、政府性基金和国有资本经营预算年初预算数之和，写了则与之核对。
    pub budget: Option<Money>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneralBudgetExplanation {
    /// 上年一般公共预算财政拨款支出
    pub previous_expenditure: Option<Money>,
    /// 与上年相比增减变化的主要原因。
    pub change_reason: Option<Text>,
    /// 决算数与年初预算数差异的主要原因（3. 的首句）。
    pub budget_reason: Option<Text>,
    /// 一般公共预算财政拨款支出年初预算数（万元）；不写时为各“项”年初预算数之和，写了则与之核对。
    pub budget: Option<Money>,
    /// 公开05表每个“项”（7 位编码）的年初预算数和原因。
    #[serde(default)]
    pub items: Vec<ItemBudget>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemBudget {
    /// 公开05表“项”的 7 位编码。
    pub code: Text,
    /// 年初预算数；document.toml 写了本年度预算（budget = "…"）时可以不写，从预算的公开05表取得。
    pub budget: Option<Money>,
    /// 主要用于（不写“主要用于”和句末的“。”；上海格式逐项说明）。
    pub purpose: Option<Text>,
    /// 决算数大于/小于/等于预算数的主要原因
    pub reason: Option<Text>,
}

impl ItemBudget {
    /// The year-start budget, nothing where neither the data nor the linked 预算 states one.
    pub fn amount(&self) -> crate::money::Amount {
        self.budget
            .as_ref()
            .map_or(crate::money::Amount::ZERO, |m| m.amount)
    }
}

/// For 政府性基金 and 国有资本经营 money: last year's expenditure, the year-start budget and reasons.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundExplanation {
    /// 上年支出（万元）。
    pub previous_expenditure: Option<Money>,
    /// 与上年相比增减变化的主要原因。
    pub change_reason: Option<Text>,
    /// 年初预算数（万元）。
    pub budget: Option<Money>,
    /// 决算数与年初预算数差异的主要原因。
    pub budget_reason: Option<Text>,
    /// 本表每个“项”（7 位编码）的年初预算数、用途和原因（上海格式逐项说明）。
    #[serde(default)]
    pub items: Vec<ItemBudget>,
}

// ---------------------------------------------------------------------------------------------------------------
// three_public.toml, operating_costs.toml, procurement.toml, assets.toml

/// three_public.toml: what the “三公” narrative states beyond 公开07表.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreePublic {
    /// “三公”经费决算数与预算数差异的主要原因。
    pub budget_reason: Option<Text>,
    /// 因公出国（境）费。
    pub overseas: Overseas,
    /// 公务用车购置及运行维护费。
    pub vehicles: Vehicles,
    /// 公务接待费。
    pub reception: Reception,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overseas {
    /// 上年因公出国（境）费（万元）。
    pub previous: Option<Money>,
    /// 与上年相比增减变化的主要原因。
    pub change_reason: Option<Text>,
    /// 主要用途（不写“主要用于”）。
    pub purpose: Option<Text>,
    /// 决算数与预算数差异的主要原因。
    pub budget_reason: Option<Text>,
    /// 团组个数
    pub groups: Located<u32>,
    /// 人次
    pub people: Located<u32>,
    /// 开支内容
    pub content: Option<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vehicles {
    /// 上年公务用车购置及运行维护费（万元）。
    pub previous: Option<Money>,
    /// 与上年相比增减变化的主要原因。
    pub change_reason: Option<Text>,
    /// 决算数与预算数差异的主要原因。
    pub budget_reason: Option<Text>,
    /// 公务用车购置费决算数与预算数差异的主要原因。
    pub purchase_reason: Option<Text>,
    /// 经批准购置的公务用车 (辆)
    pub purchased: Option<Located<u32>>,
    /// 公务用车运行维护费决算数与预算数差异的主要原因。
    pub operation_reason: Option<Text>,
    /// 公务用车运行维护费的主要用途。
    pub operation_purpose: Option<Text>,
    /// 公务用车保有量 (辆)
    pub fleet: Located<u32>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reception {
    /// 上年公务接待费（万元）。
    pub previous: Option<Money>,
    /// 与上年相比增减变化的主要原因。
    pub change_reason: Option<Text>,
    /// 主要用途。
    pub purpose: Option<Text>,
    /// 决算数与预算数差异的主要原因。
    pub budget_reason: Option<Text>,
    /// 外宾接待
    pub foreign: ReceptionPart,
    /// 其他国内公务接待
    pub domestic: ReceptionPart,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceptionPart {
    /// 金额（万元）。
    pub amount: Money,
    /// 团组个数。
    pub groups: Located<u32>,
    /// 人次。
    pub people: Located<u32>,
    /// 主要内容。
    pub purpose: Option<Text>,
}

/// operating_costs.toml: （十）机关运行经费.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OperatingCosts {
    /// 年初预算数（万元）；资料未载明时不写。
    pub budget: Option<Money>,
    /// 支出决算数（万元）。
    pub actual: Money,
    /// 上年机关运行经费（万元）。
    pub previous: Option<Money>,
    /// 决算数与预算数差异的主要原因。
    pub budget_reason: Option<Text>,
    /// 与上年相比增减变化的主要原因。
    pub change_reason: Option<Text>,
}

/// procurement.toml: 政府采购; the total is the sum of the three kinds (where a document states it, it is checked).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// 政府采购支出总额（以合同签订为准）；不写时为货物、工程、服务之和，写了则核对。
    pub total: Option<Money>,
    /// 政府采购货物支出
    pub goods: Money,
    /// 政府采购工程支出
    pub works: Money,
    /// 政府采购服务支出
    pub services: Money,
    /// 授予中小企业合同金额（浙江格式）
    pub sme: Option<Money>,
    /// 其中授予小微企业合同金额（浙江格式）
    pub small_micro: Option<Money>,
    /// 面向中小企业预留政府采购项目预算金额（上海格式）
    pub reserved_sme: Option<Money>,
    /// 面向小微企业预留政府采购项目预算金额（上海格式）
    pub reserved_small_micro: Option<Money>,
    /// 在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的采购金额（上海格式）
    pub reserved_sme_awarded: Option<Money>,
    /// 在面向小微企业预留的政府采购项目中，由小微企业供应商中标或成交的采购金额（上海格式）
    pub reserved_small_micro_awarded: Option<Money>,
    /// 在其他政府采购项目中，由中小企业供应商中标或成交的采购金额（上海格式）
    pub other_sme_awarded: Option<Money>,
}

/// assets.toml: （十二）国有资产占有情况.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// 车辆按用途分类，按正文列举的顺序；车辆总数是其和，自动计算。
    pub vehicles: Vec<VehicleCount>,
    /// 单价50万元以上通用设备 台（套）（浙江格式）
    pub general_equipment_over_500k: Option<Located<u32>>,
    /// 单价100万元以上专用设备 台（套）（浙江格式）
    pub special_equipment_over_1m: Option<Located<u32>>,
    /// 单价100万元（含）以上设备（不含车辆）台（套）（上海格式）
    pub equipment_over_1m: Option<Located<u32>>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VehicleCount {
    /// 用途，如“副部（省）级及以上领导用车”。
    pub kind: Text,
    /// 辆数。
    pub count: Located<u32>,
}

// ---------------------------------------------------------------------------------------------------------------
// performance.toml

/// performance.toml: （十三）预算绩效情况 with the project self-evaluation forms.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Performance {
    /// 项目绩效自评表的标题，如“金华市本级财政支出项目绩效自评表”。
    pub form_title: Text,
    /// 1. 预算绩效管理工作开展情况
    pub management: Management,
    /// 2. 项目绩效自评结果：每个项目一份自评表。
    #[serde(default)]
    pub projects: Vec<Project>,
    /// 3. 财政评价项目绩效评价结果；未开展时不写。
    pub fiscal_evaluation: Option<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Management {
    /// 一级项目个数。
    pub first_level_projects: Located<u32>,
    /// 二级项目个数。
    pub second_level_projects: Located<u32>,
    /// 绩效自评共涉及的资金（一般公共预算项目支出，万元）。
    pub funds: Money,
    /// 绩效自评涉及的政府性基金预算项目资金（万元）；不写或为 0 时正文写“本年无政府性基金预算项目”。
    pub government_fund_funds: Option<Money>,
    /// 部门评价：举例的项目名称。
    #[serde(default)]
    pub evaluated_examples: Vec<Text>,
    /// 部门评价：项目个数。
    pub evaluated_projects: Located<u32>,
    /// 部门评价：涉及的一般公共预算支出（万元）。
    pub evaluated_general_budget: Money,
    /// 部门评价：涉及的政府性基金预算支出（万元）。
    pub evaluated_government_fund: Option<Money>,
    /// 部门评价结果：评为优、良、中、差的项目个数。
    pub grades: GradeCounts,
    /// 部门整体支出绩效评价；未开展时不写（正文写“本年无”）。
    pub department_evaluation: Option<Text>,
    /// 下属部门或单位整体支出绩效评价；未开展时不写（正文写“本年无”）。
    pub subordinate_evaluation: Option<Text>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeCounts {
    /// 评为“优”的项目个数。
    #[serde(default)]
    pub excellent: Option<Located<u32>>,
    /// 评为“良”的项目个数。
    #[serde(default)]
    pub good: Option<Located<u32>>,
    /// 评为“中”的项目个数。
    #[serde(default)]
    pub fair: Option<Located<u32>>,
    /// 评为“差”的项目个数。
    #[serde(default)]
    pub poor: Option<Located<u32>>,
}

/// A 项目绩效自评表 and its 综述.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// 项目名称（不带“项目”二字）。
    pub name: Text,
    /// 主管部门
    pub supervisor: Text,
    /// 实施单位；不写时为本单位。
    pub implementer: Option<Text>,
    /// 起止时间，按自评表的写法，如 "2020.1-12"。
    pub period: Text,
    /// 项目负责人
    pub leader: Option<Text>,
    /// 联系电话
    pub phone: Option<Text>,
    /// 年度资金总额
    pub funds: ProjectFunds,
    /// 其中：市本级安排资金
    pub city_funds: Option<ProjectFunds>,
    /// 年度总体目标：预期目标。
    pub goal: Text,
    /// 年度总体目标：实际完成情况。
    pub goal_achieved: Text,
    /// 综述：项目绩效目标完成情况。
    pub achievement: Text,
    /// 综述：发现的问题及原因。
    pub problems: Text,
    /// 综述：下一步改进措施。
    pub improvements: Text,
    /// 绩效指标（资金执行率指标除外），按自评表的顺序。
    pub indicators: Vec<Indicator>,
    /// 资金执行率指标：得分按执行率自动计算。
    pub execution: ExecutionIndicator,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectFunds {
    /// 年初预算数
    pub initial_budget: Money,
    /// 全年预算数
    pub annual_budget: Money,
    /// 全年执行数
    pub executed: Money,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 一级指标（产出指标、效益指标、满意度指标），不写分值：分值是其各指标分值之和。
    pub level1: Text,
    /// 二级指标
    pub level2: Text,
    /// 三级指标
    pub name: Text,
    /// 年度指标值
    pub target: Text,
    /// 实际完成值
    pub actual: Text,
    /// 指标分值
    pub weight: Points,
    /// 自评得分
    pub score: Points,
    /// 偏差原因分析及改进措施
    pub remark: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExecutionIndicator {
    /// 指标分值（通常为 10）。
    pub weight: Points,
    /// 偏差原因分析及改进措施。
    pub remark: Text,
}

// ---------------------------------------------------------------------------------------------------------------
// performance.toml of the Shanghai form: 预算绩效管理情况

/// performance.toml (上海格式): 十、预算绩效管理情况.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerformanceManagement {
    /// 本部门建立的预算绩效管理制度（不写句末的“。”）。
    pub systems: Text,
    /// 预算绩效管理工作机制建设情况。
    pub mechanism: Text,
    /// 编报绩效目标的项目。
    pub targets: ProjectCount,
    /// 绩效跟踪评价的项目。
    pub tracking: ProjectCount,
    /// 绩效自评的项目。
    pub self_evaluation: SelfEvaluationCount,
    /// 绩效自评结果：评级为优、良、合格、不合格的项目个数。
    pub grades: RatingCounts,
    /// 绩效自评中发现的问题。
    pub problems: Problems,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectCount {
    /// 项目个数。
    pub projects: Located<u32>,
    /// 涉及预算金额（万元）。
    pub amount: Money,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfEvaluationCount {
    /// 项目个数。
    pub projects: Located<u32>,
    /// 涉及预算金额（万元）。
    pub amount: Money,
    /// 平均得分。
    pub average_score: Points,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingCounts {
    /// 评级为“优”的项目个数。
    pub excellent: Located<u32>,
    /// 评级为“良”的项目个数。
    pub good: Located<u32>,
    /// 评级为“合格”的项目个数。
    pub pass: Located<u32>,
    /// 评级为“不合格”的项目个数。
    pub fail: Located<u32>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problems {
    /// 发现问题个数。
    pub found: Located<u32>,
    /// 已经完成整改的个数；资料未载明时不写。
    pub fixed: Option<Located<u32>>,
    /// 正在整改的个数；资料未载明时不写。
    pub fixing: Option<Located<u32>>,
}

// ---------------------------------------------------------------------------------------------------------------
// glossary.toml

/// glossary.toml: 四、名词解释.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// 名词解释，每个名词一项。
    pub terms: Vec<Term>,
}

/// A term, or a classification line whose name is taken from the tables (`code`).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// 名词，如“财政拨款收入”；按科目编码解释时不写。
    pub term: Option<Text>,
    /// 功能分类科目的 7 位编码：名词为该科目在表中的“类/款/项”名称。
    pub code: Option<Text>,
    /// 解释，从“指……”写起，不写句末的“。”。
    pub definition: Option<Text>,
}
