//! Every finding juesuan reports has one of these codes: the loader's (a file that cannot be read or parsed), the
//! form's and the checks' (the identities a finance reviewer applies). Each is stated once, here, with its severity
//! and what it checks; `juesuan rules`, the README's table and the tests take them from this list.

use serde::Serialize;

use crate::diag::Severity;

/// When a rule applies: while the files are read, or when the figures are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Reading the folder: the files, their encoding, TOML syntax, keys and types, the form, the fonts.
    Load,
    /// Checking the figures and facts of a document that loaded.
    Check,
}

impl Stage {
    /// The stage's English word, as the README's table shows it.
    pub fn word(self) -> &'static str {
        match self {
            Stage::Load => "load",
            Stage::Check => "check",
        }
    }

    /// The stage's word in the user's language.
    pub fn word_here(self) -> String {
        match self {
            Stage::Load => crate::tr!("stage-load"),
            Stage::Check => crate::tr!("stage-check"),
        }
    }
}

macro_rules! rules {
    ($($variant:ident = $code:literal, $severity:ident, $stage:ident, $what:literal;)*) => {
        /// A finding's code: stable kebab-case, with its severity and what it checks.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($variant,)*
        }

        impl Rule {
            /// Every rule, in the order `juesuan rules` lists them.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable code, e.g. `sum-mismatch`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Rule::$variant => $code,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$severity,)*
                }
            }

            pub fn stage(self) -> Stage {
                match self {
                    $(Rule::$variant => Stage::$stage,)*
                }
            }

            /// What the rule checks, one line, in English (the README's table).
            pub fn what(self) -> &'static str {
                match self {
                    $(Rule::$variant => $what,)*
                }
            }

            /// What the rule checks in the user's language: the catalogue's `rule-<code>`, else the English.
            pub fn what_here(self) -> String {
                let id = format!("rule-{}", self.code());
                match crate::i18n::current() {
                    crate::i18n::Lang::En => self.what().to_string(),
                    lang => crate::i18n::lookup(lang, &id, &[]).unwrap_or_else(|| self.what().to_string()),
                }
            }
        }
    };
}

rules! {
    DataFolder = "data-folder", Error, Load, "the data folder exists and is a folder";
    Io = "io", Error, Load, "a data file can be read: it exists and is a regular file";
    MissingSection = "missing-section", Error, Load, "every section file the document's form reads is in the folder";
    UnknownFile = "unknown-file", Warning, Load, "a file in the folder that is no section file of the form is ignored";
    SymlinkOutside = "symlink-outside", Error, Load, "a data file that is a link points inside the data folder";
    FileTooLarge = "file-too-large", Error, Load, "a data file has at most 4 MiB";
    InvalidUtf8 = "invalid-utf8", Error, Load, "a data file is valid UTF-8";
    TextTooLong = "text-too-long", Error, Load, "a text value has at most 20,000 characters, a document 300,000";
    TooManyRows = "too-many-rows", Error, Load, "a list has at most 2,000 entries";
    TomlSyntax = "toml-syntax", Error, Load, "a data file is valid TOML";
    UnknownKey = "unknown-key", Error, Load, "every key is one the section has (a misspelled key is not silently ignored)";
    MissingKey = "missing-key", Error, Load, "every key the section requires is given";
    WrongType = "wrong-type", Error, Load, "a value has the type its key takes (number, text, list, …)";
    BadNumber = "bad-number", Error, Load, "a number is a plain decimal, not quoted, without exponent";
    UnknownValue = "unknown-value", Error, Load, "a value is one of those its key allows (e.g. kind = \"单位\" or \"部门\")";
    UnknownForm = "unknown-form", Error, Load, "document.toml names a form this version has";
    FormYear = "form-year", Error, Load, "the document's year is one its form covers";
    MissingGlyph = "missing-glyph", Error, Load, "every character of every text has a glyph in the font that draws it";
    FontSubstituted = "font-substituted", Warning, Load, "a font family named in [fonts] is available (else the embedded face draws the style)";
    Placeholder = "placeholder", Warning, Check, "a value `juesuan new` marked 待填写 is still to be filled in";
    DocumentFacts = "document-facts", Error, Check, "unit name and year are plausible, publication is after the fiscal year, the self-evaluation forms name the unit, its 主管部门 and the year";
    CodeShape = "code-shape", Error, Check, "a function classification code has 3, 5 or 7 digits; an economic one 3 or 5; 01/04表 list 类 only";
    CodeParent = "code-parent", Error, Check, "a 款 is listed under its 类 and a 项 under its 款 in the same table (economic 款 under their 类)";
    CodeDuplicate = "code-duplicate", Error, Check, "a code, 项 budget or glossary entry appears once per table or section";
    UnknownClass = "unknown-class", Error, Check, "a 类 exists in the form's classification (01表: among the 类 the form prints)";
    NameMismatch = "name-mismatch", Error, Check, "a code has the same name in every table (02, 03, 04, 05, 08, 09) and a 类 the form's name";
    EconomicPanel = "economic-panel", Error, Check, "公开06表: 人员经费 lists 301 and 303 only; 公用经费 every other economic class";
    SumMismatch = "sum-mismatch", Error, Check, "a total equals the sum of its parts: parent rows, 合计 rows, row totals, 01/04/06/07 totals, a stated 政府采购 total and 一般公共预算 year-start budget";
    BalanceMismatch = "balance-mismatch", Error, Check, "收入总计 = 支出总计; 年初结转和结余 + 收入 = 支出 + 年末结转和结余 per fund (04表) and line (08/09表)";
    CrossTable = "cross-table", Error, Check, "a figure equals its counterpart elsewhere: 01 = 02, 01 = 03 by 类, 04 = 01, 04 = 05/08/09 by 类, 04 = 08 结转, 05 基本 = 06, 07 公务接待费 = three_public.toml";
    PartExceedsWhole = "part-exceeds-whole", Error, Check, "a part is not larger than its whole: 05+08+09 ≤ 03 per line and column, 04 ≤ 01, 06 三公 lines ≤ 07, 机关运行经费 ≤ 公用经费, 中小企业 ≤ 政府采购, 小微 ≤ 中小企业, awarded ≤ reserved, 市本级 ≤ 年度资金, 部门评价 ≤ 自评";
    Rounding = "rounding", Warning, Check, "a figure differs from its identity by no more than n × 0.005 (n two-decimal figures)";
    NegativeAmount = "negative-amount", Error, Check, "no figure is negative, except where the form allows it (validate::MAY_BE_NEGATIVE)";
    CountMismatch = "count-mismatch", Error, Check, "counts agree with the money and each other: 三公 团组/人次/辆 vs amounts, 保有量 ≤ 车辆, grade counts = evaluated projects, problems fixed ≤ found";
    UnknownCode = "unknown-code", Error, Check, "a code named in explanation.toml is a 项 of its table (05, 08, 09); a glossary code is a line of 公开05表";
    MissingBudget = "missing-budget", Warning, Check, "a 项 of 公开05表 has no year-start budget in explanation.toml";
    ScoreMismatch = "score-mismatch", Error, Check, "self-evaluation weights add up to 100, no score exceeds its weight, an average score is at most 100";
    ExecutionRate = "execution-rate", Error, Check, "a project's 全年执行数 does not exceed its 全年预算数 (资金执行率 ≤ 100%)";
    BudgetLink = "budget-link", Error, Load, "a 预算 named in document.toml (budget, previous_budget) is read, of the right year, and agrees with the figures the document states";
    PreviousLink = "previous-link", Error, Load, "last year's 决算 named in document.toml (previous) is read, the unit's and of the year before, and agrees with the 上年数 the document states";
    Coverage = "coverage", Warning, Check, "the funds the self-evaluation covers do not exceed the year's 项目支出 (05/08表)";
    SuspectValue = "suspect-value", Error, Check, "one value is in two or more failed sums and one figure there would make them all hold: said first, at that value";
    Implausible = "implausible", Warning, Check, "a change on last year or a completion rate beyond a factor of 10 either way (published documents stay within a few hundred percent): a figure in 元 or mistyped";
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl Rule {
    /// The rule with this code.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.code() == code)
    }

    /// The rules as a Markdown table, as README.md shows them (a test keeps the two equal).
    pub fn markdown_table() -> String {
        let mut out =
            String::from("| code | severity | stage | what it checks |\n|---|---|---|---|\n");
        for rule in Rule::ALL {
            let severity = match rule.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out += &format!(
                "| `{}` | {severity} | {} | {} |\n",
                rule.code(),
                rule.stage().word(),
                rule.what().replace('|', "\\|")
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_kebab_case_unique_and_described() {
        let mut seen = std::collections::HashSet::new();
        for rule in Rule::ALL {
            let code = rule.code();
            assert!(
                code.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{code}"
            );
            assert!(!rule.what().is_empty());
            assert!(seen.insert(code), "{code} is listed twice");
            assert_eq!(Rule::from_code(code), Some(*rule));
        }
    }

    #[test]
    fn every_rule_is_described_in_chinese() {
        let zh = crate::i18n::ids(crate::i18n::Lang::Zh);
        let missing: Vec<_> = Rule::ALL
            .iter()
            .map(|r| format!("rule-{}", r.code()))
            .filter(|id| !zh.contains(&id.as_str()))
            .collect();
        assert!(missing.is_empty(), "not in locales/zh.ftl: {missing:?}");
    }

    #[test]
    fn the_readme_lists_every_rule_as_the_code_states_it() {
        let readme = include_str!("../README.md");
        assert!(
            readme.contains(&Rule::markdown_table()),
            "README.md's rules table differs from src/rule.rs; replace it with:\n{}",
            Rule::markdown_table()
        );
    }
}
