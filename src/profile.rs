//! Year profiles: the labels, row order and 行次 of a year's form, kept as data inside the binary.
//!
//! A document names its profile in document.toml. Everything that differs between years or provinces (part
//! headings, the 类 list, 01表's 行次) lives in `profiles/<id>.toml`, so a new form is a new file, not new code.

use std::collections::HashMap;

use serde::Deserialize;

/// The profiles compiled into the binary.
const PROFILES: &[(&str, &str)] = &[(
    "zhejiang-2020",
    include_str!("../profiles/zhejiang-2020.toml"),
)];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub parts: Parts,
    pub explanation_sections: Vec<String>,
    classes: Vec<(String, String)>,
    pub general_budget_structure: Vec<String>,
    pub government_fund_structure: Vec<String>,
    pub state_capital_structure: Vec<String>,
    pub table01: Table01Layout,
    pub tables: Vec<TableTitle>,
    #[serde(skip)]
    class_names: HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    pub overview: String,
    pub duties: String,
    pub divisions: String,
    pub tables: String,
    pub explanation: String,
    pub glossary: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table01Layout {
    /// (行次, field of the income panel, label)
    pub income: Vec<(u32, String, String)>,
    pub expenditure_first_row: u32,
    pub expenditure_classes: Vec<String>,
    pub income_totals: Vec<(u32, String, String)>,
    pub expenditure_totals: Vec<(u32, String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableTitle {
    pub label: String,
    pub title: String,
}

impl Profile {
    /// The profile with this id, parsed from the embedded data.
    pub fn get(id: &str) -> Option<Profile> {
        let (_, text) = PROFILES.iter().find(|(name, _)| *name == id)?;
        let mut profile: Profile = toml::from_str(text).expect("embedded profiles parse (tested)");
        profile.class_names = profile.classes.iter().cloned().collect();
        Some(profile)
    }

    pub fn ids() -> impl Iterator<Item = &'static str> {
        PROFILES.iter().map(|(id, _)| *id)
    }

    /// The standard name of a 类 (3-digit code), e.g. 208 → 社会保障和就业支出.
    pub fn class_name(&self, code: &str) -> Option<&str> {
        self.class_names.get(code).map(String::as_str)
    }

    /// A heading with the document's year filled in for `{年度}`.
    pub fn fill(template: &str, year: i32) -> String {
        template.replace("{年度}", &year.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_profile_parses_and_is_complete() {
        for id in Profile::ids() {
            let p = Profile::get(id).unwrap();
            assert_eq!(p.id, id);
            assert_eq!(p.tables.len(), 9, "nine tables");
            assert_eq!(p.explanation_sections.len(), 13);
            for code in p
                .general_budget_structure
                .iter()
                .chain(&p.table01.expenditure_classes)
            {
                assert!(p.class_name(code).is_some(), "{code} has a name");
            }
        }
    }

    #[test]
    fn class_names_come_from_the_profile() {
        let p = Profile::get("zhejiang-2020").unwrap();
        assert_eq!(p.class_name("208"), Some("社会保障和就业支出"));
        assert_eq!(p.class_name("999"), None);
    }
}
