//! The narrative's figures and wording, computed from the tables and the explanation data, in the order and with
//! the headings the document's form gives.
//!
//! Every number in a sentence is computed here from exact figures and formatted once; the wording follows the
//! numbers (增加/减少/持平, 增长/下降, 新增 on a zero base, "无…故无相关数据" for an empty fund). The form names, for
//! each section, the [`Derivation`] that writes it; each family of sections has a file of its own. The result is a
//! finished [`Report`]: plain strings and rows, the fonts that draw them and the tables' cell widths, which the
//! Typst templates only lay out.

mod charts;
mod funds;
mod general_budget;
mod glossary;
mod other_matters;
mod overview;
mod performance;
mod tables;
mod three_public;
mod totals;
pub mod wording;

pub use charts::{Bar, BarValue, Chart};
pub use funds::{FundKind, fund_is_empty};
pub use performance::{
    ExecutionRow, IndicatorRow, SelfEvaluationForm, execution_score, grade, project_score,
};
pub use tables::{TableRow, TableView};

use serde::{Deserialize, Serialize};

use crate::form::{Form, HeadingStyle, Placeholders, Section};
use crate::model::{Document, SectionId};
use crate::render::CellWidths;
use wording::Words;

/// Everything the templates print, in reading order.
#[derive(Debug, Serialize)]
pub struct Report {
    pub meta: Meta,
    /// The narrative, parts in order, with the self-evaluation forms and the tables where they stand.
    pub blocks: Vec<Block>,
    /// The tables, laid out where the [`Block::Tables`] block stands.
    pub tables: Vec<TableView>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    /// The title, as the form writes it (a line break where the cover breaks it).
    pub title: String,
    pub unit: String,
    pub year: i32,
    /// 单位 or 部门.
    pub kind: String,
    /// Publication date, YYYY-MM-DD.
    pub date: String,
    pub date_parts: [u32; 3],
    pub subject: String,
    pub keywords: Vec<String>,
    /// The family that draws each style (the embedded Fandol fonts unless official ones were added).
    pub fonts: crate::fonts::StyleMap,
    /// The title on a cover page of its own.
    pub cover: bool,
    /// The deepest heading level the 目录 lists.
    pub contents_depth: u8,
    /// How each heading level is set, from level 1.
    pub headings: Vec<HeadingStyle>,
}

/// One block of the narrative.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// 一、 (1), （一） (2), 1. (3), as the form's headings number them.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// A 项目绩效自评表.
    SelfEvaluation(Box<SelfEvaluationForm>),
    /// A bar chart, drawn only when document.toml says `charts = true`.
    Chart(Chart),
    /// A small table in the narrative (序号 | 单位名称 | 备注).
    List(ListTable),
    /// Where the tables stand: in a part, whose heading heads the first table's page, or after the narrative under
    /// an unprinted heading (`appendix`).
    Tables {
        heading: Option<String>,
        appendix: Option<String>,
    },
}

/// A table of text in the narrative: its header and rows, each column a share of the width.
#[derive(Debug, Serialize)]
pub struct ListTable {
    pub header: Vec<String>,
    /// Each column's share of the width.
    pub widths: Vec<u32>,
    pub rows: Vec<Vec<String>>,
}

/// The derivations a form can name: what writes each section of the narrative. Ids are kebab-case; those
/// prefixed with a region write that region's wording, the others are shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Derivation {
    /// 职责: the duties, numbered.
    Duties,
    /// 机构设置: the internal divisions.
    Divisions,
    /// 部门决算单位构成: the units consolidated, as a table.
    Units,
    /// 名词解释.
    Glossary,
    ZhejiangOverall,
    ZhejiangIncome,
    ZhejiangExpenditure,
    ZhejiangFiscal,
    ZhejiangGeneralBudget,
    ZhejiangBasic,
    ZhejiangGovernmentFund,
    ZhejiangStateCapital,
    ZhejiangThreePublic,
    ZhejiangOperatingCosts,
    ZhejiangProcurement,
    ZhejiangAssets,
    ZhejiangPerformance,
    ShanghaiOverall,
    ShanghaiIncome,
    ShanghaiExpenditure,
    ShanghaiFiscal,
    ShanghaiGeneralBudget,
    ShanghaiBasic,
    ShanghaiThreePublic,
    ShanghaiGovernmentFund,
    ShanghaiStateCapital,
    ShanghaiPerformance,
    ShanghaiOperatingCosts,
    ShanghaiProcurement,
    ShanghaiAssets,
}

impl Derivation {
    /// The sections a derivation reads beyond the core ones every document has.
    pub fn needs(self) -> &'static [SectionId] {
        match self {
            Derivation::ZhejiangPerformance => &[SectionId::Performance],
            Derivation::ShanghaiPerformance => &[SectionId::PerformanceManagement],
            _ => &[],
        }
    }
}

/// How the report is typeset: the families that draw each style, and the table font's widths.
pub struct Typesetting<'a> {
    pub fonts: crate::fonts::StyleMap,
    /// Bounds of the table cells' widths in the table font (none: Typst measures every row).
    pub widths: Option<&'a CellWidths<'a>>,
}

/// Derives the whole report from a loaded document, in the form's order.
pub fn derive(doc: &Document, form: &Form, typesetting: Typesetting<'_>) -> Report {
    let info = &doc.document;
    let year = *info.year;
    let kind = info.kind.word();
    let placeholders = Placeholders {
        unit: &info.unit.value,
        short_name: info
            .short_name
            .as_ref()
            .unwrap_or(&info.unit)
            .value
            .as_str(),
        year,
        subject: kind,
    };
    let meta = Meta {
        title: Form::fill(&form.title.text, &placeholders),
        unit: info.unit.value.clone(),
        year,
        kind: kind.to_string(),
        date: info.published.to_string(),
        date_parts: info
            .published
            .date
            .map(|d| [u32::from(d.year), u32::from(d.month), u32::from(d.day)])
            .unwrap_or([u32::try_from(year + 1).unwrap_or(2000), 1, 1]),
        subject: format!("{}年度{}决算公开", year, kind),
        keywords: vec![
            format!("{year}年度"),
            format!("{kind}决算"),
            "决算公开".to_string(),
            info.unit.value.clone(),
        ],
        fonts: typesetting.fonts,
        cover: form.title.cover,
        contents_depth: form.contents.depth,
        headings: form.headings.clone(),
    };
    let ctx = Ctx {
        charts: std::cell::Cell::new(0),
        doc,
        form,
        words: Words {
            numbers: form.numbers,
        },
        year,
        kind,
        prev: format!("{}年度", year - 1),
    };
    let mut blocks = Vec::new();
    for part in &form.parts {
        if part.tables {
            blocks.push(Block::Tables {
                heading: Some(Form::fill(&part.heading, &placeholders)),
                appendix: None,
            });
            continue;
        }
        blocks.push(heading(1, Form::fill(&part.heading, &placeholders)));
        if let Some(text) = &part.text {
            blocks.push(para(Form::fill(text, &placeholders)));
        }
        if let Some(derivation) = part.derive {
            ctx.write(derivation, &mut blocks);
        }
        ctx.sections(&part.sections, 2, &placeholders, &mut blocks);
    }
    if let Some(appendix) = &form.appendix {
        blocks.push(Block::Tables {
            heading: None,
            appendix: Some(appendix.heading.clone()),
        });
    }
    let tables = tables::tables(doc, form, &placeholders, typesetting.widths);
    Report {
        meta,
        blocks,
        tables,
    }
}

/// What every derivation reads: the document, its form and the phrases in the form's number style.
pub(crate) struct Ctx<'a> {
    /// Charts drawn so far (figures are numbered 图1, 图2, … in reading order).
    charts: std::cell::Cell<usize>,
    pub doc: &'a Document,
    pub form: &'a Form,
    pub words: Words,
    pub year: i32,
    /// 单位 or 部门.
    pub kind: &'static str,
    /// "2019年度"
    pub prev: String,
}

impl Ctx<'_> {
    fn sections(&self, sections: &[Section], level: u8, p: &Placeholders, out: &mut Vec<Block>) {
        for section in sections {
            out.push(heading(level, Form::fill(&section.heading, p)));
            if let Some(derivation) = section.derive {
                self.write(derivation, out);
            }
            self.sections(&section.sections, level + 1, p, out);
        }
    }

    /// Writes one section's blocks.
    fn write(&self, derivation: Derivation, out: &mut Vec<Block>) {
        use Derivation as D;
        match derivation {
            D::Duties => overview::duties(self, out),
            D::Divisions => overview::divisions(self, out),
            D::Units => overview::units(self, out),
            D::Glossary => glossary::glossary(self, out),
            D::ZhejiangOverall => totals::zhejiang_overall(self, out),
            D::ZhejiangIncome => totals::zhejiang_income(self, out),
            D::ZhejiangExpenditure => totals::zhejiang_expenditure(self, out),
            D::ZhejiangFiscal => totals::zhejiang_fiscal(self, out),
            D::ZhejiangGeneralBudget => general_budget::zhejiang(self, out),
            D::ZhejiangBasic => general_budget::zhejiang_basic(self, out),
            D::ZhejiangGovernmentFund => funds::zhejiang(self, out, FundKind::GovernmentFund),
            D::ZhejiangStateCapital => funds::zhejiang(self, out, FundKind::StateCapital),
            D::ZhejiangThreePublic => three_public::zhejiang(self, out),
            D::ZhejiangOperatingCosts => other_matters::zhejiang_operating_costs(self, out),
            D::ZhejiangProcurement => other_matters::zhejiang_procurement(self, out),
            D::ZhejiangAssets => other_matters::zhejiang_assets(self, out),
            D::ZhejiangPerformance => {
                if let Some(p) = &self.doc.performance {
                    performance::zhejiang(self, p, out)
                }
            }
            D::ShanghaiOverall => totals::shanghai_overall(self, out),
            D::ShanghaiIncome => totals::shanghai_income(self, out),
            D::ShanghaiExpenditure => totals::shanghai_expenditure(self, out),
            D::ShanghaiFiscal => totals::shanghai_fiscal(self, out),
            D::ShanghaiGeneralBudget => general_budget::shanghai(self, out),
            D::ShanghaiBasic => general_budget::shanghai_basic(self, out),
            D::ShanghaiThreePublic => three_public::shanghai(self, out),
            D::ShanghaiGovernmentFund => funds::shanghai(self, out, FundKind::GovernmentFund),
            D::ShanghaiStateCapital => funds::shanghai(self, out, FundKind::StateCapital),
            D::ShanghaiPerformance => {
                if let Some(p) = &self.doc.performance_management {
                    performance::shanghai(self, p, out)
                }
            }
            D::ShanghaiOperatingCosts => other_matters::shanghai_operating_costs(self, out),
            D::ShanghaiProcurement => other_matters::shanghai_procurement(self, out),
            D::ShanghaiAssets => other_matters::shanghai_assets(self, out),
        }
    }

    /// Adds a chart if the document asks for charts, numbering it.
    fn chart(&self, out: &mut Vec<Block>, title: &str, make: impl FnOnce(String) -> Chart) {
        if self.doc.document.charts {
            let n = self.charts.get() + 1;
            self.charts.set(n);
            out.push(Block::Chart(make(format!("图{n}　{title}"))));
        }
    }

    /// The unit's name as the sentences use it.
    fn unit(&self) -> &str {
        &self.doc.document.unit.value
    }
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn para(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}
