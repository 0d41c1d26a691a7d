//! Classification codes and their names: shape, parents, duplicates, 类 known to the profile, one name per code,
//! the economic panels of 公开06表, and codes named outside the tables.

use std::collections::HashMap;

use super::{ClassTable, Validator, is_function_code};
use crate::diag::{Diagnostic, FileId};
use crate::model::*;
use crate::rule::Rule;
use crate::tr;

impl Validator<'_> {
    pub(super) fn codes(&mut self, tables: &[ClassTable<'_>]) {
        for table in tables {
            self.class_codes(table);
        }
        self.summary_codes();
        self.economic_codes();
        self.explanation_codes();
        self.glossary_codes();
    }

    /// 01 and 04 list 类 only, among the 类 the form prints.
    fn summary_codes(&mut self) {
        let d = self.doc;
        let f1 = self.file("table01.toml");
        let codes: Vec<&Text> = d
            .table01
            .expenditure
            .classes
            .iter()
            .map(|c| &c.code)
            .collect();
        let well_formed = self.function_code_shapes(f1, "公开01表", &codes, &[3]);
        self.duplicates(f1, "公开01表", "类", &codes);
        for code in well_formed {
            self.known_class(f1, "公开01表", code);
        }
        let f4 = self.file("table04.toml");
        let codes: Vec<&Text> = d
            .table04
            .expenditure
            .classes
            .iter()
            .map(|c| &c.code)
            .collect();
        let well_formed = self.function_code_shapes(f4, "公开04表", &codes, &[3]);
        self.duplicates(f4, "公开04表", "类", &codes);
        for code in well_formed {
            self.known_class(f4, "公开04表", code);
        }
    }

    /// 公开06表: economic codes, their 类 lines, which panel they belong to, duplicates across both panels.
    fn economic_codes(&mut self) {
        let t = &self.doc.table06;
        let id = self.file("table06.toml");
        let mut all: Vec<&Text> = Vec::new();
        for (panel, lines, personnel) in [
            ("人员经费", &t.personnel, true),
            ("公用经费", &t.public, false),
        ] {
            for line in lines {
                let c = line.code.value.as_str();
                all.push(&line.code);
                if !(matches!(c.len(), 3 | 5) && c.bytes().all(|b| b.is_ascii_digit())) {
                    self.out.push(
                        Diagnostic::new(Rule::CodeShape, tr!("not-economic-code", code = c))
                            .at(id, line.code.span.clone(), tr!("economic-code-label"))
                            .note(tr!("economic-code-note")),
                    );
                    continue;
                }
                let class = &c[..3];
                if c.len() == 5 && !lines.iter().any(|l| l.code.value == class) {
                    self.out.push(
                        Diagnostic::new(
                            Rule::CodeParent,
                            tr!(
                                "without-class",
                                table = format!("公开06表 {panel}"),
                                code = c,
                                parent = class
                            ),
                        )
                        .at(
                            id,
                            line.code.span.clone(),
                            tr!("parent-above", parent = class),
                        )
                        .note(tr!("economic-class-note")),
                    );
                }
                let is_personnel = matches!(class, "301" | "303");
                if is_personnel != personnel {
                    let (here, there) = if personnel {
                        ("人员经费", "公用经费")
                    } else {
                        ("公用经费", "人员经费")
                    };
                    self.out.push(
                        Diagnostic::new(
                            Rule::EconomicPanel,
                            tr!(
                                "wrong-panel",
                                code = c,
                                name = &line.name.value,
                                here = here
                            ),
                        )
                        .at(id, line.code.span.clone(), tr!("belongs-to", there = there))
                        .note(tr!("panel-note")),
                    );
                }
            }
        }
        self.duplicates(id, "公开06表", "code", &all);
    }

    /// explanation.toml: every budget names a 项 of 公开05表, once; every 项 of 05 has a budget.
    fn explanation_codes(&mut self) {
        let d = self.doc;
        let id = self.file("explanation.toml");
        let items: Vec<&Text> = d
            .explanation
            .general_budget
            .items
            .iter()
            .map(|i| &i.code)
            .collect();
        for code in &items {
            let is_item =
                code.len() == 7 && d.table05.rows.iter().any(|r| r.code.value == code.value);
            if !is_item {
                self.out.push(
                    Diagnostic::new(
                        Rule::UnknownCode,
                        tr!("budget-no-item", code = &code.value, table = "公开05表"),
                    )
                    .at(
                        id,
                        code.span.clone(),
                        tr!("not-an-item", table = "table05.toml"),
                    )
                    .given(self.file("table05.toml"))
                    .note(tr!("budget-no-item-note")),
                );
            }
        }
        self.duplicates(id, "explanation.toml", "budget", &items);
        // The funds' items (the Shanghai form's 八、九) name 项 of 公开08表 and 公开09表.
        for (fund, table, label, lines, lines_file) in [
            (
                &d.explanation.government_fund,
                "government_fund",
                "公开08表",
                &d.table08.rows,
                "table08.toml",
            ),
            (
                &d.explanation.state_capital,
                "state_capital",
                "公开09表",
                &d.table09.rows,
                "table09.toml",
            ),
        ] {
            let Some(fund) = fund else { continue };
            let codes: Vec<&Text> = fund.items.iter().map(|i| &i.code).collect();
            for code in &codes {
                if !(code.len() == 7 && lines.iter().any(|r| r.code.value == code.value)) {
                    self.out.push(
                        Diagnostic::new(
                            Rule::UnknownCode,
                            tr!("budget-no-item", code = &code.value, table = label),
                        )
                        .at(id, code.span.clone(), tr!("not-an-item", table = label))
                        .given(self.file(lines_file))
                        .note(tr!(
                            "fund-items-note",
                            section = table,
                            table = label
                        )),
                    );
                }
            }
            self.duplicates(id, "explanation.toml", "budget", &codes);
        }
        for item in d
            .explanation
            .general_budget
            .items
            .iter()
            .chain(d.explanation.government_fund.iter().flat_map(|f| &f.items))
            .chain(d.explanation.state_capital.iter().flat_map(|f| &f.items))
            .filter(|i| i.budget.is_none())
        {
            self.out.push(
                Diagnostic::new(
                    Rule::MissingBudget,
                    tr!("missing-budget", code = &item.code.value),
                )
                .at(id, item.code.span.clone(), tr!("missing-budget-label"))
                .note(tr!("missing-budget-note")),
            );
        }
        let f5 = self.file("table05.toml");
        for row in d.table05.rows.iter().filter(|r| r.code.len() == 7) {
            if !items.iter().any(|c| c.value == row.code.value) {
                self.out.push(
                    Diagnostic::new(
                        Rule::MissingBudget,
                        tr!(
                            "missing-budget-entry",
                            code = &row.code.value,
                            name = &row.name.value
                        ),
                    )
                    .at(f5, row.code.span.clone(), tr!("missing-budget-entry-label"))
                    .given(id)
                    .note(tr!("missing-budget-entry-note")),
                );
            }
        }
    }

    /// glossary.toml: a code names a line of 公开05表; no term or code twice.
    fn glossary_codes(&mut self) {
        let d = self.doc;
        let id = self.file("glossary.toml");
        let mut codes = Vec::new();
        let mut terms = Vec::new();
        for term in &d.glossary.terms {
            if let Some(t) = &term.term {
                terms.push(t);
            }
            if let Some(code) = &term.code {
                codes.push(code);
                if !d.table05.rows.iter().any(|r| r.code.value == code.value) {
                    self.out.push(
                        Diagnostic::new(
                            Rule::UnknownCode,
                            tr!("glossary-unknown-code", code = &code.value),
                        )
                        .at(id, code.span.clone(), tr!("glossary-unknown-code-label"))
                        .given(self.file("table05.toml"))
                        .note(tr!("glossary-unknown-code-note")),
                    );
                }
            }
        }
        self.duplicates(id, "glossary.toml", "code", &codes);
        self.duplicates(id, "glossary.toml", "term", &terms);
    }

    /// One name per code across 02, 03, 04, 05, 08, 09; a 类 named as in the profile.
    pub(super) fn names(&mut self, tables: &[ClassTable<'_>]) {
        let d = self.doc;
        // Form order, so the first name met is the one a reader sees first.
        let mut lines: Vec<(&str, FileId, &Text, &Text)> = Vec::new();
        for table in &tables[..2] {
            let id = self.file(table.file);
            lines.extend(table.rows.iter().map(|r| (table.label, id, r.code, r.name)));
        }
        let f4 = self.file("table04.toml");
        lines.extend(
            d.table04
                .expenditure
                .classes
                .iter()
                .map(|l| ("公开04表", f4, &l.code, &l.name)),
        );
        for table in &tables[2..] {
            let id = self.file(table.file);
            lines.extend(table.rows.iter().map(|r| (table.label, id, r.code, r.name)));
        }
        let mut first: HashMap<&str, (&str, FileId, &Text)> = HashMap::new();
        for (label, id, code, name) in lines {
            if code.len() == 3 {
                if let Some(standard) = self.form.class_name(code)
                    && name.value != standard
                {
                    self.out.push(
                        Diagnostic::new(
                            Rule::NameMismatch,
                            tr!(
                                "class-name",
                                table = label,
                                code = &code.value,
                                name = &name.value
                            ),
                        )
                        .at(
                            id,
                            name.span.clone(),
                            tr!("expected-value", value = standard),
                        )
                        .also(id, code.span.clone(), tr!("this-class"))
                        .note(tr!(
                            "class-name-note",
                            standard = standard,
                            name = &name.value
                        )),
                    );
                }
                continue;
            }
            match first.get(code.value.as_str()) {
                Some((first_label, first_id, first_name)) if first_name.value != name.value => {
                    self.out.push(
                        Diagnostic::new(
                            Rule::NameMismatch,
                            tr!(
                                "code-two-names",
                                table = label,
                                code = &code.value,
                                name = &name.value,
                                first_table = first_label,
                                first_name = &first_name.value
                            ),
                        )
                        .at(id, name.span.clone(), format!("{label}: {}", name.value))
                        .also(
                            *first_id,
                            first_name.span.clone(),
                            format!("{first_label}: {}", first_name.value),
                        )
                        .note(tr!(
                            "code-two-names-note",
                            first_name = &first_name.value,
                            first_table = first_label,
                            name = &name.value
                        )),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(code.value.as_str(), (label, id, name));
                }
            }
        }
    }
}

/// The checks of classification tables, the same for every kind of document.
impl<D> Validator<'_, D> {
    /// 02, 03, 05, 08, 09: shape, duplicates, parents, and 类 the profile knows.
    pub(super) fn class_codes(&mut self, table: &ClassTable<'_>) {
        let id = self.file(table.file);
        let codes: Vec<&Text> = table.rows.iter().map(|r| r.code).collect();
        let well_formed = self.function_code_shapes(id, table.label, &codes, &[3, 5, 7]);
        self.duplicates(id, table.label, "line", &codes);
        for code in well_formed.iter().filter(|c| c.len() > 3) {
            let parent = &code[..code.len() - 2];
            if !codes.iter().any(|c| c.value == parent) {
                self.out.push(
                    Diagnostic::new(
                        Rule::CodeParent,
                        tr!(
                            "without-class",
                            table = table.label,
                            code = &code.value,
                            parent = parent
                        ),
                    )
                    .at(id, code.span.clone(), tr!("parent-above", parent = parent))
                    .note(tr!(
                        "parent-note",
                        child = if code.len() == 7 { "项" } else { "款" },
                        parent = if code.len() == 7 { "款" } else { "类" }
                    )),
                );
            }
        }
        for code in well_formed.iter().filter(|c| c.len() == 3) {
            self.known_class(id, table.label, code);
        }
    }

    /// Reports codes that are not function classification codes of the allowed lengths; returns the others.
    pub(super) fn function_code_shapes<'t>(
        &mut self,
        id: FileId,
        table: &str,
        codes: &[&'t Text],
        lengths: &[usize],
    ) -> Vec<&'t Text> {
        let mut good = Vec::new();
        for code in codes {
            if is_function_code(code) && lengths.contains(&code.len()) {
                good.push(*code);
                continue;
            }
            let expected = if lengths == [3] {
                tr!("function-code-class-only")
            } else {
                tr!("function-code-lengths")
            };
            self.out.push(
                Diagnostic::new(
                    Rule::CodeShape,
                    tr!("not-function-code", code = &code.value, table = table),
                )
                .at(
                    id,
                    code.span.clone(),
                    tr!("expected-value", value = expected),
                )
                .note(tr!("function-code-note", n = code.chars().count())),
            );
        }
        good
    }

    /// A 类 code must be one the form names (the 类 its tables print).
    pub(super) fn known_class(&mut self, id: FileId, table: &str, code: &Text) {
        let form = self.form;
        if form.class_name(code).is_none() {
            let codes: Vec<&str> = form.classes.list.iter().map(|(c, _)| c.as_str()).collect();
            self.out.push(
                Diagnostic::new(
                    Rule::UnknownClass,
                    tr!(
                        "unknown-class",
                        table = table,
                        code = &code.value,
                        form = &form.id
                    ),
                )
                .at(id, code.span.clone(), tr!("unknown-class-label"))
                .note(tr!(
                    "unknown-class-note",
                    form = &form.id,
                    classes = codes.join(", ")
                )),
            );
        }
    }

    /// The same key listed twice in one table or section.
    pub(super) fn duplicates(&mut self, id: FileId, table: &str, what: &str, keys: &[&Text]) {
        let mut first: HashMap<&str, &Text> = HashMap::new();
        for key in keys {
            match first.get(key.value.as_str()) {
                Some(earlier) => self.out.push(
                    Diagnostic::new(
                        Rule::CodeDuplicate,
                        tr!("duplicate", table = table, what = what, key = &key.value),
                    )
                    .at(id, key.span.clone(), tr!("duplicate-again"))
                    .also(id, earlier.span.clone(), tr!("duplicate-first"))
                    .note(tr!("duplicate-note", what = what)),
                ),
                None => {
                    first.insert(key.value.as_str(), key);
                }
            }
        }
    }
}
