//! What the TOML reader refused, in the user's words: serde says "invalid value: integer `-3`, expected u32"; the
//! clerk reads "人次 must be a whole number ≥ 0 — found -3", with the caret at the value and the key's Chinese name
//! (its description in the section's schema, so it is stated once, on the model's field).

use crate::diag::{Diagnostic, FileId, Sources};
use crate::money;
use crate::rule::Rule;
use crate::tr;

use super::{closest, typing};

/// The diagnostic for a file the TOML reader refused.
pub(super) fn toml_diagnostic(err: &toml::de::Error, id: FileId, sources: &Sources) -> Diagnostic {
    let message = err.message().trim().to_string();
    let text = sources.text(id);
    let span = err.span();
    let key_at = |span: &std::ops::Range<usize>| key_before(text, span.start);
    let label = |key: &str| key_label(sources, id, key).unwrap_or_else(|| key.to_string());
    let (rule, summary, short) = if let Some(number) =
        money::take_number_error().filter(|n| message.contains(&n.to_string()))
    {
        let key = span.as_ref().and_then(key_at).unwrap_or_default();
        (
            Rule::BadNumber,
            tr!("toml-bad-number", key = label(&key), why = number),
            tr!("toml-bad-number-label"),
        )
    } else if let Some((found, allowed)) = unknown_field(&message) {
        let mut d = Diagnostic::new(Rule::UnknownKey, tr!("toml-unknown-key", key = &found))
            .in_file(sources.path(id));
        if let Some(span) = span.clone() {
            d = d.at(id, span, tr!("toml-unknown-key-label"));
        }
        if let Some(close) = closest(&found, allowed.iter().map(String::as_str)) {
            d = d.note(tr!("did-you-mean", name = close));
        }
        // The list once, in a note: the message stays one line.
        if !allowed.is_empty() {
            d = d.note(tr!("allowed-keys", keys = allowed.join(", ")));
        }
        return d;
    } else if let Some(key) = between(&message, "missing field `", "`") {
        (
            Rule::MissingKey,
            tr!("toml-missing-key", key = &key),
            tr!("toml-missing-key-label", key = label(&key)),
        )
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let first = rest.lines().next().unwrap_or(rest);
        let (found, expected) = first.rsplit_once(", expected ").unwrap_or((first, ""));
        let expected = expected_words(expected);
        let key = span.as_ref().and_then(key_at).unwrap_or_default();
        (
            Rule::WrongType,
            tr!(
                "toml-wrong-type",
                key = label(&key),
                expected = &expected,
                found = found_words(found)
            ),
            tr!("toml-wrong-type-label", expected = &expected),
        )
    } else if let Some(found) = between(&message, "unknown variant `", "`") {
        let allowed: Vec<String> = message
            .split_once("expected ")
            .map(|(_, list)| ticked(list))
            .unwrap_or_default();
        let key = span.as_ref().and_then(key_at).unwrap_or_default();
        let mut d = Diagnostic::new(
            Rule::UnknownValue,
            tr!(
                "toml-unknown-value",
                key = label(&key),
                found = format!("\"{found}\"")
            ),
        )
        .in_file(sources.path(id));
        if let Some(span) = span.clone() {
            d = d.at(id, span, tr!("toml-unknown-value-label"));
        }
        if !allowed.is_empty() {
            d = d.note(tr!("allowed-values", values = allowed.join(", ")));
        }
        return d;
    } else {
        let first = message.lines().next().unwrap_or("");
        (
            Rule::TomlSyntax,
            tr!("toml-invalid", what = syntax_words(first)),
            tr!("toml-invalid-label"),
        )
    };
    let mut d = Diagnostic::new(rule, summary).in_file(sources.path(id));
    if let Some(span) = span {
        // What clerks type (separators, full-width digits, 万元, “”, ＝, 年月日): one note with the fix.
        let start = text[..span.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if let Some(hint) = typing::hint(&text[start..end]) {
            d = d.note(hint);
        }
        d = d.at(id, span, short);
    }
    d
}

/// The text between `open` and the next `close`.
fn between(message: &str, open: &str, close: &str) -> Option<String> {
    let rest = message.split_once(open)?.1;
    Some(rest.split_once(close)?.0.to_string())
}

/// The `ticked` words of a serde list ("`a`, `b` or `c`").
fn ticked(list: &str) -> Vec<String> {
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Splits serde's "unknown field `x`, expected one of `a`, `b`" into the key and the keys allowed there.
pub(super) fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let found = between(message, "unknown field `", "`")?;
    let allowed = message
        .split_once("expected ")
        .map(|(_, list)| ticked(list))
        .unwrap_or_default();
    Some((found, allowed))
}

/// The key a value at `offset` belongs to: the bare key before the last `=` before it on its line (also inside an
/// inline table `{ code = "x", total = 1 }`).
fn key_before(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let mut start = offset;
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..start];
    let (key, _) = before.rsplit_once('=')?;
    let key = key
        .trim_end()
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .next()?;
    (!key.is_empty()).then(|| key.to_string())
}

/// A key's Chinese name: the first phrase of its description in the section's schema ("人次。" → 人次, "决算年度，
/// 如 2020。" → 决算年度).
fn key_label(sources: &Sources, id: FileId, key: &str) -> Option<String> {
    let file = sources.path(id).file_name()?.to_str()?;
    let section = crate::model::SectionId::ALL
        .iter()
        .find(|s| s.file() == file)?;
    let schema = crate::schema::section_schema(*section).to_value();
    let description = find_description(&schema, key)?;
    let phrase = description
        .split(['，', '。', '（', '(', ',', '；', '\n'])
        .next()?
        .trim();
    (!phrase.is_empty() && phrase.chars().count() <= 24).then(|| phrase.to_string())
}

/// The description of the first property named `key` anywhere in a schema.
fn find_description(value: &serde_json::Value, key: &str) -> Option<String> {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(description) = map
                .get("properties")
                .and_then(|p| p.get(key))
                .and_then(|p| p.get("description"))
                .and_then(|d| d.as_str())
            {
                return Some(description.to_string());
            }
            map.values().find_map(|v| find_description(v, key))
        }
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_description(v, key)),
        _ => None,
    }
}

/// What serde's "expected …" means, for someone who writes the file.
fn expected_words(expected: &str) -> String {
    let e = expected.trim();
    let id = match e {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "type-whole",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "type-integer",
        "f32" | "f64" | "a number" | "a decimal" => "type-number",
        "a string" | "a borrowed string" | "string" | "a character" | "char" => "type-text",
        "a sequence" | "a list" | "an array" => "type-list",
        "a boolean" | "bool" => "type-bool",
        _ if e.starts_with("struct ") || e == "a map" || e.starts_with("a table") => "type-table",
        _ if e.contains("date") => "type-date",
        _ if e.starts_with("enum ") || e.starts_with("variant") => "type-text",
        _ => "type-value",
    };
    crate::i18n::message(crate::i18n::current(), id, &[])
}

/// What serde's "invalid type: <found>" found, without its type names.
fn found_words(found: &str) -> String {
    let f = found.trim();
    let tick = |s: &str| s.trim().trim_matches('`').to_string();
    if let Some(s) = f.strip_prefix("string ") {
        tr!("found-text", value = s.trim())
    } else if let Some(n) = f
        .strip_prefix("integer ")
        .or_else(|| f.strip_prefix("floating point "))
    {
        tr!("found-number", value = tick(n))
    } else if let Some(b) = f.strip_prefix("boolean ") {
        tr!("found-bool", value = tick(b))
    } else if f.starts_with("sequence") || f.starts_with("array") {
        tr!("found-list")
    } else if f.starts_with("map") || f.starts_with("table") {
        tr!("found-table")
    } else if f.contains("date") {
        tr!("found-date", value = f)
    } else {
        tr!("found-value", value = f)
    }
}

/// The TOML parser's own words for a syntax error, in the user's language where we know them.
fn syntax_words(first: &str) -> String {
    if let Some(key) = between(first, "duplicate key `", "`") {
        return tr!("toml-duplicate-key", key = key);
    }
    if first.starts_with("invalid table header") && first.contains("defined") {
        return tr!("toml-duplicate-table", key = first);
    }
    let id = match first {
        m if m.starts_with("invalid string") => "toml-bad-string",
        m if m.starts_with("invalid unquoted key") => "toml-bad-key",
        m if m.starts_with("invalid basic string") => "toml-bad-string",
        m if m.contains("expected `=`") || m.contains("key with no value") => "toml-no-equals",
        m if m.starts_with("invalid array") || m.starts_with("unclosed array") => "toml-bad-list",
        m if m.starts_with("invalid inline table") || m.starts_with("unclosed inline table") => {
            "toml-bad-inline-table"
        }
        m if m.starts_with("invalid number")
            || m.starts_with("invalid integer")
            || m.starts_with("invalid fraction")
            || m.starts_with("invalid exponent") =>
        {
            "toml-bad-literal"
        }
        m if m.starts_with("extra `=`") => "toml-extra-equals",
        m if m.starts_with("missing comma") => "toml-list-comma",
        m if m.starts_with("duplicate key") => "toml-duplicate-key-here",
        _ => return tr!("toml-parser-said", what = first),
    };
    crate::i18n::message(crate::i18n::current(), id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_message_is_split() {
        let (found, expected) =
            unknown_field("unknown field `totl`, expected one of `total`, `basic`").unwrap();
        assert_eq!(found, "totl");
        assert_eq!(expected, ["total", "basic"]);
    }

    #[test]
    fn the_key_of_a_value_is_found_on_its_line() {
        let text = "a = 1\npeople = -3\nrows = [{ code = \"x\", total = \"y\" }]\n";
        assert_eq!(
            key_before(text, text.find("-3").unwrap()).as_deref(),
            Some("people")
        );
        assert_eq!(
            key_before(text, text.find("\"y\"").unwrap()).as_deref(),
            Some("total")
        );
    }

    #[test]
    fn serde_type_names_become_words() {
        assert_eq!(expected_words("u32"), "a whole number ≥ 0");
        assert_eq!(found_words("integer `-3`"), "-3");
        assert_eq!(found_words("string \"二〇二一\""), "the text \"二〇二一\"");
    }
}
