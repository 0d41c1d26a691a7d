//! The narrative's figures and wording, computed from the tables and the explanation data, in the order and with
//! the headings the document's form gives.
//!
//! Every number in a sentence is computed here from exact figures and formatted once; the wording follows the
//! numbers (增加/减少/持平, 增长/下降, 新增 on a zero base, "无…故无相关数据" for an empty fund). The form names, for
//! each section, the [`Derivation`] that writes it; each family of sections has a file of its own. The result is a
//! finished [`Report`]: plain strings and rows, the fonts that draw them and the tables' cell widths, which the
//! Typst templates only lay out.

mod budget;
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
pub use tables::{Grid, GridCell, GridRow, TableRow, TableView, grid};

use serde::{Deserialize, Serialize};

use crate::form::{Form, HeadingStyle, Part, Placeholders, Section};
use crate::model::{Doc, Document, DocumentInfo, DocumentKind, Kind, SectionId};
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
    /// Lines the cover prints under the title.
    pub cover_lines: Vec<String>,
    /// The narrative's pages are landscape.
    pub landscape: bool,
    /// The body text's size in pt, where the form sets one (else 三号).
    pub text_size: Option<f64>,
    /// The deepest heading level the 目录 lists.
    pub contents_depth: u8,
    /// The 目录 lists the tables (one level below their part).
    pub contents_tables: bool,
    /// How each heading level is set, from level 1.
    pub headings: Vec<HeadingStyle>,
    /// A draft (values still marked 待填写): a 草稿 mark on every page.
    pub draft: bool,
}

/// One block of the narrative.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// 一、 (1), （一） (2), 1. (3), as the form's headings number them.
    Heading {
        level: u8,
        /// What the page prints; empty where the heading is only a 目录 entry and bookmark.
        text: String,
        /// The 目录 entry and bookmark, when the heading has one (the form's 目录 depth, and not a heading the
        /// form keeps out of it); it may differ from the printed text (一、部门主要职能 over a page headed
        /// 上海市普陀区商务委员会主要职能).
        toc: Option<String>,
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
    /// 预算: 主要职能 (the paragraphs before them, then the duties numbered as the form numbers them).
    ShanghaiBudgetDuties,
    /// 预算: 机构设置 (a department's units with their counts by kind, or the unit's text).
    ShanghaiBudgetOrganization,
    /// 预算: 预算编制说明 (收入, 支出 by fund against last year's budget, the reason, the 项 one by one).
    ShanghaiBudgetExplanation,
    ShanghaiBudgetThreePublic,
    ShanghaiBudgetOperatingCosts,
    ShanghaiBudgetProcurement,
    /// 预算: 绩效目标设置情况.
    ShanghaiBudgetTargets,
    ShanghaiBudgetAssets,
    /// 预算: 项目经费情况说明, a page per project.
    ShanghaiBudgetProjects,
}

impl Derivation {
    /// The sections a derivation reads beyond the core ones every document has.
    pub fn needs(self) -> &'static [SectionId] {
        match self {
            Derivation::ZhejiangPerformance => &[SectionId::Performance],
            Derivation::ShanghaiPerformance => &[SectionId::PerformanceManagement],
            Derivation::ShanghaiBudgetProjects => &[SectionId::BudgetProjects],
            _ => &[],
        }
    }

    /// The kind of document whose sections the derivation reads; `None` for those every kind can use.
    pub fn kind(self) -> Option<DocumentKind> {
        use Derivation as D;
        match self {
            D::Glossary => None,
            D::ShanghaiBudgetDuties
            | D::ShanghaiBudgetOrganization
            | D::ShanghaiBudgetExplanation
            | D::ShanghaiBudgetThreePublic
            | D::ShanghaiBudgetOperatingCosts
            | D::ShanghaiBudgetProcurement
            | D::ShanghaiBudgetTargets
            | D::ShanghaiBudgetAssets
            | D::ShanghaiBudgetProjects => Some(DocumentKind::Budget),
            _ => Some(DocumentKind::FinalAccounts),
        }
    }
}

/// How the report is typeset: the families that draw each style, and the table font's widths.
pub struct Typesetting<'a> {
    pub fonts: crate::fonts::StyleMap,
    /// Values are still marked 待填写: every page carries a 草稿 mark.
    pub draft: bool,
    /// Bounds of the table cells' widths in the table font (none: Typst measures every row).
    pub widths: Option<&'a CellWidths<'a>>,
}

/// Derives the whole report from a loaded document, in the form's order.
pub fn derive(doc: &Doc, form: &Form, typesetting: Typesetting<'_>) -> Report {
    match doc {
        Doc::FinalAccounts(d) => Ctx::new(d, doc, form).report(typesetting, write),
        Doc::Budget(d) => Ctx::new(d, doc, form).report(typesetting, budget::write),
    }
}

/// What every derivation reads: the document, its form and the phrases in the form's number style. `D` is the
/// kind of document ([`Document`] for a 决算, [`crate::model::BudgetDocument`] for a 预算).
pub(crate) struct Ctx<'a, D = Document> {
    /// Charts drawn so far (figures are numbered 图1, 图2, … in reading order).
    charts: std::cell::Cell<usize>,
    pub doc: &'a D,
    /// The same document, of either kind (for the tables, which read figures by path).
    all: &'a Doc,
    pub info: &'a DocumentInfo,
    pub form: &'a Form,
    pub words: Words,
    pub year: i32,
    /// 单位 or 部门.
    pub kind: &'static str,
    pub subject: Kind,
    /// "2019年度"
    pub prev: String,
    placeholders: Placeholders<'a>,
}

impl<'a, D> Ctx<'a, D> {
    fn new(doc: &'a D, all: &'a Doc, form: &'a Form) -> Self {
        let info = all.info();
        let year = *info.year;
        Ctx {
            charts: std::cell::Cell::new(0),
            doc,
            all,
            info,
            form,
            words: Words {
                numbers: form.numbers,
            },
            year,
            kind: info.kind.word(),
            subject: *info.kind,
            prev: format!("{}年度", year - 1),
            placeholders: Placeholders::of(info),
        }
    }

    /// The form's parts in order, each section written by `write`, and the tables.
    fn report(
        &self,
        typesetting: Typesetting<'_>,
        write: fn(&Ctx<'a, D>, Derivation, &mut Vec<Block>),
    ) -> Report {
        let info = self.info;
        let year = self.year;
        let form = self.form;
        let word = form.document.word();
        let meta = Meta {
            title: self.fill(&form.title.text),
            unit: info.unit.value.clone(),
            year,
            kind: self.kind.to_string(),
            date: info.published.to_string(),
            date_parts: info
                .published
                .date
                .map(|d| [u32::from(d.year), u32::from(d.month), u32::from(d.day)])
                .unwrap_or([u32::try_from(year + 1).unwrap_or(2000), 1, 1]),
            subject: format!("{}年度{}{word}公开", year, self.kind),
            keywords: vec![
                format!("{year}年度"),
                format!("{}{word}", self.kind),
                format!("{word}公开"),
                info.unit.value.clone(),
            ],
            fonts: typesetting.fonts,
            cover: form.title.cover,
            cover_lines: form.title.lines.iter().map(|l| self.fill(l)).collect(),
            landscape: form.page.orientation == crate::form::table::Orientation::Landscape,
            text_size: form.page.text_size,
            contents_depth: form.contents.depth,
            contents_tables: form.contents.tables.unwrap_or(form.contents.depth >= 2),
            headings: form.headings.clone(),
            draft: typesetting.draft,
        };
        let mut blocks = Vec::new();
        for part in form.parts.iter().filter(|p| self.applies(p.only)) {
            self.part(part, write, &mut blocks);
        }
        if let Some(appendix) = &form.appendix {
            blocks.push(Block::Tables {
                heading: None,
                appendix: Some(appendix.heading.clone()),
            });
        }
        let tables = tables::tables(self.all, form, &self.placeholders, typesetting.widths);
        Report {
            meta,
            blocks,
            tables,
        }
    }

    fn part(
        &self,
        part: &Part,
        write: fn(&Ctx<'a, D>, Derivation, &mut Vec<Block>),
        out: &mut Vec<Block>,
    ) {
        let heading_text = self.fill(&part.heading);
        let toc = part.toc.as_ref().map(|t| self.fill(t));
        if part.tables {
            out.push(if part.print {
                Block::Tables {
                    heading: Some(heading_text),
                    appendix: None,
                }
            } else {
                Block::Tables {
                    heading: None,
                    appendix: Some(toc.unwrap_or(heading_text)),
                }
            });
            return;
        }
        out.push(self.heading(1, heading_text, toc, part.print));
        if let Some(text) = &part.text {
            out.push(para(self.fill(text)));
        }
        if let Some(derivation) = part.derive {
            write(self, derivation, out);
        }
        self.sections(&part.sections, 2, write, out);
    }

    fn sections(
        &self,
        sections: &[Section],
        level: u8,
        write: fn(&Ctx<'a, D>, Derivation, &mut Vec<Block>),
        out: &mut Vec<Block>,
    ) {
        for section in sections.iter().filter(|s| self.applies(s.only)) {
            out.push(self.heading(level, self.fill(&section.heading), None, true));
            if let Some(derivation) = section.derive {
                write(self, derivation, out);
            }
            self.sections(&section.sections, level + 1, write, out);
        }
    }

    /// A heading of the form: in the 目录 down to its depth, under its own entry where the form gives one.
    fn heading(&self, level: u8, text: String, toc: Option<String>, printed: bool) -> Block {
        let listed = level <= self.form.contents.depth;
        let toc = listed.then(|| toc.unwrap_or_else(|| text.clone()));
        Block::Heading {
            level,
            text: if printed { text } else { String::new() },
            toc,
        }
    }

    /// Whether a part or section the form keeps to one 主体 belongs in this document.
    fn applies(&self, only: Option<Kind>) -> bool {
        only.is_none_or(|k| k == self.subject)
    }

    /// A text of the form with this document's values put in.
    pub fn fill(&self, template: &str) -> String {
        Form::fill(template, &self.placeholders)
    }

    /// Adds a chart if the document asks for charts, numbering it.
    fn chart(&self, out: &mut Vec<Block>, title: &str, make: impl FnOnce(String) -> Chart) {
        if self.info.charts {
            let n = self.charts.get() + 1;
            self.charts.set(n);
            out.push(Block::Chart(make(format!("图{n}　{title}"))));
        }
    }

    /// The unit's name as the sentences use it.
    fn unit(&self) -> &str {
        &self.info.unit.value
    }
}

/// Writes one section of a 决算.
fn write(ctx: &Ctx, derivation: Derivation, out: &mut Vec<Block>) {
    use Derivation as D;
    match derivation {
        D::Duties => overview::duties(ctx, out),
        D::Divisions => overview::divisions(ctx, out),
        D::Units => overview::units(ctx, out),
        D::Glossary => {
            let t05 = &ctx.doc.table05;
            let names = wording::Names::new(ctx.form, t05.rows.iter().map(|r| (&r.code, &r.name)));
            glossary::glossary(ctx.form, &ctx.doc.glossary, &names, out)
        }
        D::ZhejiangOverall => totals::zhejiang_overall(ctx, out),
        D::ZhejiangIncome => totals::zhejiang_income(ctx, out),
        D::ZhejiangExpenditure => totals::zhejiang_expenditure(ctx, out),
        D::ZhejiangFiscal => totals::zhejiang_fiscal(ctx, out),
        D::ZhejiangGeneralBudget => general_budget::zhejiang(ctx, out),
        D::ZhejiangBasic => general_budget::zhejiang_basic(ctx, out),
        D::ZhejiangGovernmentFund => funds::zhejiang(ctx, out, FundKind::GovernmentFund),
        D::ZhejiangStateCapital => funds::zhejiang(ctx, out, FundKind::StateCapital),
        D::ZhejiangThreePublic => three_public::zhejiang(ctx, out),
        D::ZhejiangOperatingCosts => other_matters::zhejiang_operating_costs(ctx, out),
        D::ZhejiangProcurement => other_matters::zhejiang_procurement(ctx, out),
        D::ZhejiangAssets => other_matters::zhejiang_assets(ctx, out),
        D::ZhejiangPerformance => {
            if let Some(p) = &ctx.doc.performance {
                performance::zhejiang(ctx, p, out)
            }
        }
        D::ShanghaiOverall => totals::shanghai_overall(ctx, out),
        D::ShanghaiIncome => totals::shanghai_income(ctx, out),
        D::ShanghaiExpenditure => totals::shanghai_expenditure(ctx, out),
        D::ShanghaiFiscal => totals::shanghai_fiscal(ctx, out),
        D::ShanghaiGeneralBudget => general_budget::shanghai(ctx, out),
        D::ShanghaiBasic => general_budget::shanghai_basic(ctx, out),
        D::ShanghaiThreePublic => three_public::shanghai(ctx, out),
        D::ShanghaiGovernmentFund => funds::shanghai(ctx, out, FundKind::GovernmentFund),
        D::ShanghaiStateCapital => funds::shanghai(ctx, out, FundKind::StateCapital),
        D::ShanghaiPerformance => {
            if let Some(p) = &ctx.doc.performance_management {
                performance::shanghai(ctx, p, out)
            }
        }
        D::ShanghaiOperatingCosts => other_matters::shanghai_operating_costs(ctx, out),
        D::ShanghaiProcurement => other_matters::shanghai_procurement(ctx, out),
        D::ShanghaiAssets => other_matters::shanghai_assets(ctx, out),
        // A form is checked to name only derivations of its kind.
        _ => {}
    }
}

fn para(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

/// A heading a derivation writes inside its section (never in the 目录, which lists the form's headings).
fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        toc: None,
    }
}
