//! Forms: everything about a document that is not the unit's figures, as data (`forms/<id>.toml`, compiled into
//! the binary). A form names the region and years it covers, its title and cover, its parts and their headings, the
//! narrative sections in order (each naming the derivation in [`crate::derive`] that writes it), the wording and
//! number style, the 类 of the year's classification, and every table ([`table::TableSpec`]): title, label, money
//! unit, the header as a tree of cells bound to figures, 行次 and 栏次, where 合计 sits, its notes.
//!
//! A second form is a second file, not new code: a form is checked when it is read (every derivation known, every
//! figure a table binds present in its section's type, every section a derivation needs read), and a document whose
//! year no form covers is an error that names the forms there are.

pub mod table;

use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use crate::derive::Derivation;
pub use crate::model::DocumentKind;
use crate::model::{Kind, SectionId};
use crate::money::NumberStyle;

pub use table::TableSpec;

/// The forms compiled into the binary, by id (a test checks the list against `forms/`).
static FORMS: &[(&str, &str)] = &[
    ("zhejiang-2020", include_str!("../forms/zhejiang-2020.toml")),
    ("shanghai-2024", include_str!("../forms/shanghai-2024.toml")),
    (
        "shanghai-yusuan-2025",
        include_str!("../forms/shanghai-yusuan-2025.toml"),
    ),
    (
        "shanghai-yusuan-2026",
        include_str!("../forms/shanghai-yusuan-2026.toml"),
    ),
];

/// Why a form cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error("the form is not valid TOML for a form: {0}")]
    Syntax(String),
    #[error("form {form}: {message}")]
    Invalid { form: String, message: String },
}

/// A form, read and checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Form {
    pub id: String,
    /// What a user picks it by: region, document and years.
    pub name: String,
    pub document: DocumentKind,
    /// First and last fiscal year the form covers.
    pub years: [i32; 2],
    /// The folder of `scaffold/` whose commented templates `juesuan new` writes (then `scaffold/common/`).
    pub scaffold: String,
    pub title: Title,
    /// The narrative's pages (the tables set their own orientation).
    #[serde(default)]
    pub page: Page,
    #[serde(default)]
    pub numbers: NumberStyle,
    #[serde(default)]
    pub wording: Wording,
    pub contents: Contents,
    /// How each heading level is set, from the parts (level 1) down.
    pub headings: Vec<HeadingStyle>,
    pub parts: Vec<Part>,
    /// Where the tables stand when no part sets them: after the narrative, under this (unprinted) heading.
    pub appendix: Option<Appendix>,
    pub classes: Classes,
    pub tables: Vec<TableSpec>,
}

/// The title, and whether it stands on a cover page of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    /// The title line, with placeholders; a line break (`\n`) breaks the line.
    pub text: String,
    /// A cover page with the title alone, unnumbered, before the 目录; else the title heads the first page.
    #[serde(default)]
    pub cover: bool,
    /// Lines the cover prints under the title (预算主管部门：{单位}), with placeholders.
    #[serde(default)]
    pub lines: Vec<String>,
}

/// How the narrative's pages are set: portrait in 三号 (GB/T 9704), or as some forms print them.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Page {
    /// Portrait unless the form says otherwise.
    #[serde(default = "portrait")]
    pub orientation: table::Orientation,
    /// The body text's size in pt (default 16, 三号); the line pitch scales with it.
    pub text_size: Option<f64>,
}

fn portrait() -> table::Orientation {
    table::Orientation::Portrait
}

impl Default for Page {
    fn default() -> Self {
        Page {
            orientation: portrait(),
            text_size: None,
        }
    }
}

/// The 目录.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contents {
    /// The deepest heading level listed (1 the parts, 2 their sections).
    pub depth: u8,
    /// Whether the tables are listed under their part (default: when the depth reaches 2).
    pub tables: Option<bool>,
}

/// Phrase variants the derivations shared by several forms read.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Wording {
    /// How the 名词解释 are numbered: `"1."` (1.财政拨款收入：…) or `"一、"` (一、财政拨款收入：…).
    #[serde(default)]
    pub glossary: Numbering,
    /// The vehicle kinds the 国有资产 sentence lists, in order (what `juesuan new` writes into assets.toml).
    #[serde(default)]
    pub vehicle_kinds: Vec<String>,
    /// How the 预算's 主要职能 are numbered (1、 or （一）).
    #[serde(default)]
    pub duties: Numbering,
    /// How the 预算编制说明 lists the 项 of 财政拨款支出: their numbering, and how each names its 项.
    #[serde(default)]
    pub items: Numbering,
    #[serde(default)]
    pub item_names: ItemNames,
    /// The word before "{上年}年预算持平" in the 预算编制说明: 与 (the default) or 比, as the form's documents print
    /// it.
    pub flat: Option<String>,
    /// "主要原因是：" (with a colon) or "主要原因是" before the 编制说明's reason.
    #[serde(default)]
    pub reason_colon: bool,
}

/// How the 预算编制说明 names a 项.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemNames {
    /// “一般公共服务支出（类）商贸事务（款）行政运行（项）”
    #[default]
    Quoted,
    /// 公共安全支出（204类）司法（06款）行政运行（01项）
    Coded,
}

/// A list's numbering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum Numbering {
    /// 1. 2. 3.
    #[default]
    #[serde(rename = "1.")]
    ArabicDot,
    /// 1、 2、 3、
    #[serde(rename = "1、")]
    ArabicComma,
    /// 1. 2. 3. followed by a space, as the 预算 print their lists ("1. “…”")
    #[serde(rename = "1. ")]
    ArabicDotSpace,
    /// 一、 二、 三、
    #[serde(rename = "一、")]
    Chinese,
    /// （一） （二） （三）
    #[serde(rename = "（一）")]
    ChineseParen,
}

impl Numbering {
    /// The label of the `n`th item (from 1).
    pub fn label(self, n: usize) -> String {
        match self {
            Numbering::ArabicDot => format!("{n}."),
            Numbering::ArabicComma => format!("{n}、"),
            Numbering::ArabicDotSpace => format!("{n}. "),
            Numbering::Chinese => format!("{}、", chinese_number(n)),
            Numbering::ChineseParen => format!("（{}）", chinese_number(n)),
        }
    }
}

/// How one heading level is set.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(
    deny_unknown_fields,
    rename_all(deserialize = "kebab-case", serialize = "snake_case")
)]
pub struct HeadingStyle {
    /// The family: `hei`, `kai`, `fang` or `song` (the document's fonts decide which face draws each).
    pub font: FontRole,
    /// Drawn bold (a thin outline for the faces without a bold one).
    #[serde(default)]
    pub bold: bool,
    /// Centred; else indented two characters like a paragraph.
    #[serde(default)]
    pub centre: bool,
    /// Begins a new page.
    #[serde(default)]
    pub new_page: bool,
}

/// A family role of the templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FontRole {
    Hei,
    Kai,
    Fang,
    Song,
}

/// A part of the document (一、概况 or 第一部分 …): its heading and what it holds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Part {
    pub heading: String,
    /// The 目录 entry and bookmark, where it differs from the heading the page prints.
    pub toc: Option<String>,
    /// Whether the page prints the heading (else it is only the 目录 entry and bookmark).
    #[serde(default = "yes")]
    pub print: bool,
    /// A fixed paragraph (e.g. 详见附表。).
    pub text: Option<String>,
    /// Only in a document of this 主体 (`"部门"` or `"单位"`).
    pub only: Option<Kind>,
    /// The derivation that writes the part's body, when it has no sections.
    pub derive: Option<Derivation>,
    /// The tables are set here, each on a page of its own.
    #[serde(default)]
    pub tables: bool,
    #[serde(default)]
    pub sections: Vec<Section>,
}

fn yes() -> bool {
    true
}

/// A section of a part (（一） or 一、), or a subsection of a section: its heading and the derivation that writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Section {
    pub heading: String,
    pub derive: Option<Derivation>,
    /// Only in a document of this 主体 (`"部门"` or `"单位"`).
    pub only: Option<Kind>,
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// The tables after the narrative.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// The bookmark and 目录 entry above the tables (not printed on the page).
    pub heading: String,
}

/// The 类 of the year's function classification, and the lists the Zhejiang structure sentences name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Classes {
    /// (code, name) in table order, with the names the tables print.
    pub list: Vec<(String, String)>,
    /// The 类 a 一般公共预算 structure sentence names with 0 where nothing was spent (others follow when spent).
    #[serde(default)]
    pub general_budget: Vec<String>,
    #[serde(default)]
    pub government_fund: Vec<String>,
    #[serde(default)]
    pub state_capital: Vec<String>,
}

/// What placeholders stand for in one document.
pub struct Placeholders<'a> {
    pub unit: &'a str,
    pub short_name: &'a str,
    pub year: i32,
    /// 单位 or 部门.
    pub subject: Kind,
    /// The region a cover names (地区), if the document states one.
    pub region: &'a str,
}

impl<'a> Placeholders<'a> {
    /// What the placeholders stand for in the document of `info`.
    pub fn of(info: &'a crate::model::DocumentInfo) -> Self {
        Placeholders {
            unit: &info.unit.value,
            short_name: info
                .short_name
                .as_ref()
                .unwrap_or(&info.unit)
                .value
                .as_str(),
            year: *info.year,
            subject: *info.kind,
            region: info.region.as_ref().map_or("", |r| r.value.as_str()),
        }
    }
}

impl Form {
    /// The embedded form with this id.
    pub fn get(id: &str) -> Option<Arc<Form>> {
        static PARSED: OnceLock<Vec<Arc<Form>>> = OnceLock::new();
        let forms = PARSED.get_or_init(|| {
            FORMS
                .iter()
                .map(|(id, text)| {
                    // Every embedded form is parsed and checked by the tests, so this cannot fail in a release.
                    Arc::new(
                        Form::parse(text).unwrap_or_else(|e| panic!("embedded form {id}: {e}")),
                    )
                })
                .collect()
        });
        forms.iter().find(|f| f.id == id).cloned()
    }

    /// The ids of the embedded forms.
    pub fn ids() -> impl Iterator<Item = &'static str> {
        FORMS.iter().map(|(id, _)| *id)
    }

    /// The embedded forms' texts, by id (for the batch manifest's fingerprint).
    pub fn texts() -> &'static [(&'static str, &'static str)] {
        FORMS
    }

    /// The embedded forms that cover `year`, by id.
    pub fn covering(year: i32) -> Vec<&'static str> {
        Form::ids()
            .filter(|id| Form::get(id).is_some_and(|f| f.covers(year)))
            .collect()
    }

    /// Reads and checks a form.
    pub fn parse(text: &str) -> Result<Form, FormError> {
        let mut form: Form = toml::from_str(text).map_err(|e| FormError::Syntax(e.to_string()))?;
        form.resolve_sections()?;
        form.check()?;
        Ok(form)
    }

    pub fn covers(&self, year: i32) -> bool {
        (self.years[0]..=self.years[1]).contains(&year)
    }

    /// "2019–2022".
    pub fn year_range(&self) -> String {
        if self.years[0] == self.years[1] {
            self.years[0].to_string()
        } else {
            format!("{}–{}", self.years[0], self.years[1])
        }
    }

    /// The sections a document of this form may have: the core ones of its kind, and those its derivations and
    /// tables read, in the document's order (for a document of one 主体: [`Form::sections_of`]).
    pub fn sections(&self) -> Vec<SectionId> {
        self.sections_for(None)
    }

    /// The sections a 部门's or a 单位's document of this form has: a part kept to the other 主体 reads nothing.
    pub fn sections_of(&self, subject: Kind) -> Vec<SectionId> {
        self.sections_for(Some(subject))
    }

    fn sections_for(&self, subject: Option<Kind>) -> Vec<SectionId> {
        let derived: Vec<SectionId> = self
            .derivations_for(subject)
            .into_iter()
            .flat_map(|d| d.needs().iter().copied())
            .chain(self.tables.iter().map(|t| t.section))
            .collect();
        SectionId::of_kind(self.document)
            .filter(|s| s.is_core() || derived.contains(s))
            .collect()
    }

    /// Each table's section, named by key, among the sections of the form's kind of document.
    fn resolve_sections(&mut self) -> Result<(), FormError> {
        for k in 0..self.tables.len() {
            let key = &self.tables[k].section_key;
            match SectionId::from_key(self.document, key) {
                Some(section) if section != SectionId::Document => self.tables[k].section = section,
                _ => {
                    let keys: Vec<&str> = SectionId::of_kind(self.document)
                        .map(SectionId::key)
                        .filter(|k| *k != "document")
                        .collect();
                    return Err(self.invalid(format!(
                        "table {} names section {key:?}, which a {} document does not have; it has {}",
                        k + 1,
                        self.document.word(),
                        keys.join(", ")
                    )));
                }
            }
        }
        Ok(())
    }

    /// The tables a document of this 主体 prints, in order (a table kept to the other 主体 left out).
    pub fn tables_of(&self, subject: Kind) -> impl Iterator<Item = &TableSpec> {
        self.tables
            .iter()
            .filter(move |t| t.only.is_none_or(|k| k == subject))
    }

    /// Every derivation the form names, in document order.
    pub fn derivations(&self) -> impl Iterator<Item = Derivation> + '_ {
        self.derivations_for(None).into_iter()
    }

    /// The derivations of a document of `subject` (all of them for `None`).
    fn derivations_for(&self, subject: Option<Kind>) -> Vec<Derivation> {
        let applies = |only: Option<Kind>| match (only, subject) {
            (Some(only), Some(subject)) => only == subject,
            _ => true,
        };
        fn walk(
            sections: &[Section],
            applies: &dyn Fn(Option<Kind>) -> bool,
            out: &mut Vec<Derivation>,
        ) {
            for s in sections.iter().filter(|s| applies(s.only)) {
                out.extend(s.derive);
                walk(&s.sections, applies, out);
            }
        }
        let mut out = Vec::new();
        for part in self.parts.iter().filter(|p| applies(p.only)) {
            out.extend(part.derive);
            walk(&part.sections, &applies, &mut out);
        }
        out
    }

    /// How the document names a table: its label (公开01表), else its title (收入支出决算总表), with the document's
    /// values for the placeholders where they are known (a title may carry the year: {年度}年部门收入预算总表).
    pub fn table_name(&self, section: SectionId, p: Option<&Placeholders>) -> String {
        match self.table_of(section, p) {
            Some(t) => match &t.label {
                Some(label) => label.clone(),
                None => fill_if(&t.title, p),
            },
            None => section.title().to_string(),
        }
    }

    /// What a section file holds, as the form names it: a table's label and title (公开01表 收入支出决算总表),
    /// else the section's own title.
    pub fn section_title(&self, section: SectionId, p: Option<&Placeholders>) -> String {
        match self.table_of(section, p) {
            Some(t) => match &t.label {
                Some(label) => format!("{label} {}", fill_if(&t.title, p)),
                None => fill_if(&t.title, p),
            },
            None => section.title().to_string(),
        }
    }

    /// The table of a section, for the document's 主体 where known.
    fn table_of(&self, section: SectionId, p: Option<&Placeholders>) -> Option<&TableSpec> {
        self.tables.iter().find(|t| {
            t.section == section && p.is_none_or(|p| t.only.is_none_or(|k| k == p.subject))
        })
    }

    /// The standard name of a 类 (3-digit code), e.g. 208 → 社会保障和就业支出.
    pub fn class_name(&self, code: &str) -> Option<&str> {
        self.classes
            .list
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.as_str())
    }

    /// A text with the document's values put in for the placeholders: `{单位}`, `{简称}`, `{年度}`, `{上年}`,
    /// `{主体}` (部门 or 单位), `{地区}`, and `{A|B}`, which reads A in a 部门's document and B in a 单位's.
    pub fn fill(template: &str, p: &Placeholders) -> String {
        let text = template
            .replace("{单位}", p.unit)
            .replace("{简称}", p.short_name)
            .replace("{年度}", &p.year.to_string())
            .replace("{上年}", &(p.year - 1).to_string())
            .replace("{主体}", p.subject.word())
            .replace("{地区}", p.region);
        choose(&text, p.subject)
    }

    fn invalid(&self, message: impl Into<String>) -> FormError {
        FormError::Invalid {
            form: self.id.clone(),
            message: message.into(),
        }
    }

    /// What parsing cannot see: years in order, heading levels for every level used, a section for every
    /// derivation, tables bound to figures their sections have.
    fn check(&self) -> Result<(), FormError> {
        if self.years[0] > self.years[1] {
            return Err(self.invalid(format!(
                "years = [{}, {}]: the first year is after the last",
                self.years[0], self.years[1]
            )));
        }
        fn depth(sections: &[Section]) -> usize {
            sections
                .iter()
                .map(|s| 1 + depth(&s.sections))
                .max()
                .unwrap_or(0)
        }
        let deepest = 1 + self
            .parts
            .iter()
            .map(|p| depth(&p.sections))
            .max()
            .unwrap_or(0);
        if self.headings.len() < deepest {
            return Err(self.invalid(format!(
                "headings are nested {deepest} levels deep but [[headings]] styles only {}",
                self.headings.len()
            )));
        }
        let table_parts = self.parts.iter().filter(|p| p.tables).count();
        match (table_parts, &self.appendix) {
            (0, None) => {
                return Err(self.invalid(
                    "no part sets the tables (tables = true) and there is no [appendix]",
                ));
            }
            (1, Some(_)) => {
                return Err(
                    self.invalid("the tables are set in a part and in [appendix]: choose one")
                );
            }
            (n, _) if n > 1 => return Err(self.invalid("more than one part sets the tables")),
            _ => {}
        }
        for part in &self.parts {
            if part.tables
                && (part.derive.is_some() || part.text.is_some() || !part.sections.is_empty())
            {
                return Err(self.invalid(format!(
                    "part {:?} sets the tables: it has no text, derivation or sections of its own",
                    part.heading
                )));
            }
            if part.derive.is_some() && !part.sections.is_empty() {
                return Err(self.invalid(format!(
                    "part {:?} has both a derivation and sections",
                    part.heading
                )));
            }
        }
        for derivation in self.derivations() {
            if derivation.kind().is_some_and(|k| k != self.document) {
                return Err(self.invalid(format!(
                    "derivation {derivation:?} writes a section of another kind of document than {}",
                    self.document.word()
                )));
            }
        }
        for code in self
            .classes
            .general_budget
            .iter()
            .chain(&self.classes.government_fund)
            .chain(&self.classes.state_capital)
        {
            if self.class_name(code).is_none() {
                return Err(self.invalid(format!(
                    "类 {code} is named in a structure list but not in [classes] list"
                )));
            }
        }
        for (k, table) in self.tables.iter().enumerate() {
            table.check(self).map_err(|message| {
                self.invalid(format!("table {} ({}): {message}", k + 1, table.title))
            })?;
        }
        Ok(())
    }
}

/// A form's text with the document's values, where they are known; else as the form writes it.
fn fill_if(template: &str, p: Option<&Placeholders>) -> String {
    match p {
        Some(p) => Form::fill(template, p),
        None => template.to_string(),
    }
}

/// `{A|B}` → A for a 部门, B for a 单位 (A or B may be empty).
fn choose(text: &str, subject: Kind) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let inner = &rest[start + 1..start + len];
        out.push_str(&rest[..start]);
        match inner.split_once('|') {
            Some((department, unit)) => out.push_str(match subject {
                Kind::Department => department,
                Kind::Unit => unit,
            }),
            None => out.push_str(&rest[start..=start + len]),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// 一、二、…、二十九: the numbers of Chinese numbered lists.
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        20..=99 => {
            let ones = if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            };
            format!("{}十{ones}", DIGITS[n / 10])
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_form_parses_and_the_list_matches_the_folder() {
        let mut files: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/forms"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
        files.sort();
        let mut listed: Vec<String> = Form::ids().map(|id| format!("{id}.toml")).collect();
        listed.sort();
        assert_eq!(files, listed);
        for id in Form::ids() {
            let form = Form::get(id).unwrap();
            assert_eq!(form.id, id);
            for subject in [Kind::Unit, Kind::Department] {
                let mut sections: Vec<SectionId> =
                    form.tables_of(subject).map(|t| t.section).collect();
                sections.dedup();
                assert_eq!(
                    sections.len(),
                    9,
                    "{id}: nine tables of a {}",
                    subject.word()
                );
            }
        }
    }

    #[test]
    fn class_names_come_from_the_form() {
        let f = Form::get("zhejiang-2020").unwrap();
        assert_eq!(f.class_name("208"), Some("社会保障和就业支出"));
        assert_eq!(f.class_name("999"), None);
        assert!(f.covers(2020) && f.covers(2019) && !f.covers(2023));
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(13), "十三");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(29), "二十九");
        assert_eq!(Numbering::Chinese.label(11), "十一、");
        assert_eq!(Numbering::ArabicDot.label(3), "3.");
    }

    #[test]
    fn a_broken_form_is_refused_with_the_reason() {
        let text = FORMS[0].1;
        let broken = text.replace("years = [2019, 2022]", "years = [2022, 2019]");
        let err = Form::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("first year is after the last"), "{err}");
        let broken = text.replace(
            "derive = \"zhejiang-income\"",
            "derive = \"zhejiang-incom\"",
        );
        let err = Form::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("zhejiang-incom"), "{err}");
        let broken = text.replace("\"income.general_budget\"", "\"income.general_budgte\"");
        let err = Form::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("income.general_budgte"), "{err}");
        assert!(text.contains("row-padding = 1\n"));
        let broken = text.replace("row-padding = 1\n", "row-padding = -1\n");
        let err = Form::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("row-padding"), "{err}");
        let broken = text.replace("size = 8\n", "size = 0\n");
        let err = Form::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("size"), "{err}");
    }
}
