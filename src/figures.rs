//! A form binds its tables' cells to figures by key path (`income.general_budget`, `rows[].total`): the keys a
//! clerk writes in the section file. This module reads those paths on both sides: which paths a section's type has
//! (from its JSON Schema, generated from the Rust type, so a form is checked against exactly what the loader
//! accepts), and the figure at a path of one document's section (from the section serialized to JSON, amounts as
//! exact decimal strings).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::model::{Doc, SectionId};
use crate::money::Amount;

/// The paths of a section's type: its amounts (`income.general_budget`, `rows[].total`) and its lists of
/// classification lines (`rows`, `expenditure.classes`: arrays of objects with a `code`).
#[derive(Debug, Default)]
pub struct Paths {
    pub amounts: BTreeSet<String>,
    pub lines: BTreeSet<String>,
    /// The lists of lines whose items carry a name beside the code (every list but those of 类 by code alone).
    pub named_lines: BTreeSet<String>,
}

impl Paths {
    /// The paths of a section's type, from its schema.
    pub fn of(section: SectionId) -> Paths {
        let mut generator = crate::schema::generator();
        let schema = section.schema(&mut generator).to_value();
        let mut paths = Paths::default();
        walk(&schema, &schema, "", &mut paths);
        paths
    }
}

/// Follows `$ref`, `allOf` and `anyOf` (how schemars writes a nested struct, and an optional one) to the object or
/// value schema itself.
fn resolve<'s>(root: &'s Value, schema: &'s Value) -> Vec<&'s Value> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let target = reference
            .strip_prefix('#')
            .and_then(|pointer| root.pointer(pointer));
        return target.map(|t| resolve(root, t)).unwrap_or_default();
    }
    for key in ["allOf", "anyOf"] {
        if let Some(list) = schema.get(key).and_then(Value::as_array) {
            return list.iter().flat_map(|s| resolve(root, s)).collect();
        }
    }
    vec![schema]
}

fn walk(root: &Value, schema: &Value, path: &str, out: &mut Paths) {
    for s in resolve(root, schema) {
        if s.get("format").and_then(Value::as_str) == Some(crate::schema::MONEY_FORMAT) {
            out.amounts.insert(path.to_string());
        }
        if let Some(properties) = s.get("properties").and_then(Value::as_object) {
            for (key, value) in properties {
                let inner = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(root, value, &inner, out);
            }
        }
        if let Some(items) = s.get("items") {
            let has_code = resolve(root, items)
                .iter()
                .any(|i| i.pointer("/properties/code").is_some());
            if has_code {
                out.lines.insert(path.to_string());
                let has_name = resolve(root, items)
                    .iter()
                    .any(|i| i.pointer("/properties/name").is_some());
                if has_name {
                    out.named_lines.insert(path.to_string());
                }
            }
            walk(root, items, &format!("{path}[]"), out);
        }
    }
}

/// One section of one document, to read figures from by path.
pub struct Values {
    value: Value,
}

impl Values {
    /// The section's values; an absent optional section has none.
    pub fn of(doc: &Doc, section: SectionId) -> Values {
        Values {
            value: section.values(doc).unwrap_or(Value::Null),
        }
    }

    /// The figure at `path` (`income.general_budget`); `None` where the document states none.
    pub fn amount(&self, path: &str) -> Option<Amount> {
        amount_in(&self.value, path)
    }

    /// The items of a list at `path` (`rows`), each to read relative paths from.
    pub fn items(&self, path: &str) -> Vec<Item<'_>> {
        at(&self.value, path)
            .and_then(Value::as_array)
            .map(|items| items.iter().map(|value| Item { value }).collect())
            .unwrap_or_default()
    }
}

/// One item of a list: a classification line.
pub struct Item<'v> {
    value: &'v Value,
}

impl Item<'_> {
    pub fn text(&self, key: &str) -> &str {
        self.value.get(key).and_then(Value::as_str).unwrap_or("")
    }

    pub fn amount(&self, path: &str) -> Option<Amount> {
        amount_in(self.value, path)
    }
}

/// `a.b.c` inside a JSON value; the empty path is the value itself.
fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    if path.is_empty() {
        return Some(value);
    }
    path.split('.').try_fold(value, |v, key| v.get(key))
}

fn amount_in(value: &Value, path: &str) -> Option<Amount> {
    at(value, path)
        .and_then(Value::as_str)
        .and_then(|text| text.parse().ok())
}

/// `prefix.field`, either of which may be empty.
pub fn join(prefix: &str, field: &str) -> String {
    match (prefix.is_empty(), field.is_empty()) {
        (true, _) => field.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!("{prefix}.{field}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_section_lists_its_amounts_and_lines() {
        let p = Paths::of(SectionId::Table04);
        assert!(p.amounts.contains("income.year.general_budget"), "{p:?}");
        assert!(p.amounts.contains("expenditure.classes[].total"));
        assert!(p.amounts.contains("income.grand_total"));
        assert!(!p.amounts.contains("expenditure.classes[].code"));
        assert!(p.lines.contains("expenditure.classes"));
        let p = Paths::of(SectionId::Table02);
        assert!(p.amounts.contains("rows[].fiscal") && p.amounts.contains("total.fiscal"));
        assert_eq!(p.lines.iter().collect::<Vec<_>>(), ["rows"]);
    }

    #[test]
    fn paths_join_and_read() {
        assert_eq!(join("total", "fiscal"), "total.fiscal");
        assert_eq!(join("", "budget.total"), "budget.total");
        assert_eq!(join("income.general_budget", ""), "income.general_budget");
        let v: Value = serde_json::json!({"a": {"b": "1.50"}, "rows": [{"code": "201", "x": "2"}]});
        assert_eq!(amount_in(&v, "a.b"), Some("1.5".parse().unwrap()));
        assert_eq!(amount_in(&v, "a.c"), None);
        let values = Values { value: v };
        let items = values.items("rows");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].text("code"), "201");
        assert_eq!(items[0].amount("x"), Some("2".parse().unwrap()));
    }
}
