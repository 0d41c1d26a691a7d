//! `juesuan schema`: a JSON Schema for every section file, generated from the model's types ([`crate::model`]), so
//! the schema an editor checks against is exactly what the loader accepts and cannot drift from it.
//!
//! Editors that read TOML with a schema (taplo, VS Code's Even Better TOML) take it from a first line
//! `#:schema ./.schema/table01.json`: they then complete keys, show each key's description (the doc comments of
//! the model, in Chinese) and flag unknown keys and wrong types while the file is being typed. The schemas are
//! JSON Schema draft 7, the newest draft those editors fully support.

use std::path::{Path, PathBuf};

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::model::SectionId;
use crate::money::{Located, Money, Points, Yuan};

/// The JSON Schema `format` of an amount: a number to an editor, and to [`crate::figures`] the mark of a figure a
/// form's table can show.
pub const MONEY_FORMAT: &str = "money";

/// The generator every schema comes from: JSON Schema draft 7, the newest those editors fully support.
pub fn generator() -> SchemaGenerator {
    SchemaSettings::draft07().into_generator()
}

/// The schema of one section file.
pub fn section_schema(section: SectionId) -> Schema {
    let mut schema = section.schema(&mut generator());
    // The section's title names the file in the editor; the type's doc comment is written for programmers.
    schema.insert("title".into(), section.file().into());
    schema.insert("description".into(), section.title().into());
    let mut value = schema.to_value();
    drop_null_types(&mut value);
    // Dropping `null` keeps an object an object: the conversion cannot fail.
    Schema::try_from(value).unwrap_or_default()
}

/// `Option<T>` is "T or null" to schemars, but TOML has no null: a key is there or not. Saying only "T" keeps the
/// editor's hover text to what can be written.
fn drop_null_types(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            map.values_mut().for_each(drop_null_types);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_null_types),
        _ => {}
    }
}

/// The schemas of `sections` as pretty JSON, each named by its section's key (`table01.json`; the Shanghai
/// form's `performance.toml` is `performance_management.json`), the name its file's `#:schema` line gives.
pub fn all(sections: &[SectionId]) -> Vec<(String, String)> {
    sections
        .iter()
        .filter_map(|&section| {
            let json = serde_json::to_string_pretty(&section_schema(section)).ok()? + "\n";
            Some((schema_file_name(section), json))
        })
        .collect()
}

/// `table01` → `table01.json`; a 预算's sections, whose keys are the 决算's, → `budget-table01.json`.
pub fn schema_file_name(section: SectionId) -> String {
    match section.kind() {
        Some(crate::model::DocumentKind::Budget) => format!("budget-{}.json", section.key()),
        _ => format!("{}.json", section.key()),
    }
}

/// Writes every schema into `dir` (created if missing), each file atomically; returns the paths written.
pub fn write_all(
    dir: &Path,
    sections: &[SectionId],
) -> Result<Vec<PathBuf>, crate::write::WriteError> {
    std::fs::create_dir_all(dir).map_err(|source| crate::write::WriteError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    for (name, json) in all(sections) {
        let path = dir.join(name);
        crate::write::write_atomic(&path, json.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

// The value types of the model read exactly from the TOML text (crate::money); to an editor they are plain numbers
// and texts. Inlined, so that each key's own description (its doc comment) sits beside its type.

impl JsonSchema for Money {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "format": MONEY_FORMAT,
            "description": "金额（万元），写成数字，如 1061.38；不加引号，不加千分位"
        })
    }
}

impl JsonSchema for Yuan {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Yuan".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "format": MONEY_FORMAT,
            "description": "金额（元），写成数字，如 371514655.00；不加引号，不加千分位"
        })
    }
}

impl JsonSchema for Points {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Points".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "minimum": 0,
            "description": "分值或得分，写成数字，如 10 或 9.94"
        })
    }
}

/// A value with the place it was written has the schema of the value.
impl<T: JsonSchema> JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// A TOML local date (`2021-09-30`). Editors validate TOML dates as strings in the `date` format.
pub struct Date;

impl JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "日期，写成 年-月-日，如 2021-09-30（不加引号）"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_a_schema_named_by_its_key() {
        let all = all(SectionId::ALL);
        assert_eq!(all.len(), SectionId::ALL.len());
        let names: std::collections::HashSet<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names.len(),
            all.len(),
            "two sections share a schema file name"
        );
    }

    /// Walks a schema and calls `f` with every property's name and schema.
    fn properties(value: &serde_json::Value, f: &mut dyn FnMut(&str, &serde_json::Value)) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                    for (name, schema) in props {
                        f(name, schema);
                    }
                }
                for v in map.values() {
                    properties(v, f);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| properties(v, f)),
            _ => {}
        }
    }

    #[test]
    fn every_key_is_described_in_chinese() {
        let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        let mut missing = Vec::new();
        for &section in SectionId::ALL {
            let json = serde_json::to_value(section_schema(section)).unwrap();
            properties(&json, &mut |name, prop| {
                let described = prop
                    .get("description")
                    .and_then(|d| d.as_str())
                    .is_some_and(|d| d.chars().any(is_han));
                if !described {
                    missing.push(format!("{}: {name}", section.key()));
                }
            });
        }
        assert!(
            missing.is_empty(),
            "keys without a Chinese description: {missing:#?}"
        );
    }

    #[test]
    fn unknown_keys_are_refused_by_the_schema() {
        let json = serde_json::to_value(section_schema(SectionId::Table07)).unwrap();
        assert_eq!(json["additionalProperties"], serde_json::json!(false));
        assert_eq!(
            json["properties"]["budget"]["allOf"][0]["$ref"],
            "#/definitions/ThreePublicCells"
        );
        let cells = &json["definitions"]["ThreePublicCells"];
        assert_eq!(cells["additionalProperties"], serde_json::json!(false));
        // TOML has no null: an optional figure is a number or absent.
        assert_eq!(cells["properties"]["total"]["type"], "number");
    }
}
