//! Every number of a data file with its key path and span, read from the TOML syntax tree rather than from the
//! typed model: a rule over "every figure" (no negative amounts) and the mutation test then reach a field added to
//! the model later without anyone remembering to list it.

use crate::money::Span;

/// A number written in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberAt {
    /// Key path, e.g. `rows[3].total` or `income.year.general_budget`.
    pub path: String,
    /// Where the literal is, e.g. `486.52`.
    pub span: Span,
}

/// The numbers of a TOML text in the order they are written.
pub fn numbers(text: &str) -> Result<Vec<NumberAt>, toml::de::Error> {
    let mut out = Vec::new();
    visit(text, |path, span| {
        out.push(NumberAt {
            path: path.to_string(),
            span,
        })
    })?;
    out.sort_by_key(|n| n.span.start);
    Ok(out)
}

/// A key path while walking, rendered only when a caller asks (most numbers need no path).
pub struct KeyPath<'k> {
    segments: &'k [Segment<'k>],
}

enum Segment<'k> {
    Key(&'k str),
    Index(usize),
}

impl std::fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl KeyPath<'_> {
    /// The path as a reader counts: rows from 1, named ("public 第2行 total", "public row 2 total").
    pub fn for_reader(&self) -> String {
        let mut out = String::new();
        for segment in self.segments {
            if !out.is_empty() {
                out.push(' ');
            }
            match segment {
                Segment::Key(key) => out.push_str(key),
                Segment::Index(n) => out.push_str(&crate::tr!("row-number", row = n + 1)),
            }
        }
        out
    }
}

/// Calls `f` with the key path and span of every number of a TOML text.
pub fn visit(text: &str, mut f: impl FnMut(&KeyPath<'_>, Span)) -> Result<(), toml::de::Error> {
    let doc = toml::de::DeTable::parse(text)?;
    let mut stack = Vec::new();
    walk_table(doc.get_ref(), &mut stack, &mut f);
    Ok(())
}

fn walk_table<'k>(
    table: &'k toml::de::DeTable<'_>,
    stack: &mut Vec<Segment<'k>>,
    f: &mut impl FnMut(&KeyPath<'_>, Span),
) {
    for (key, value) in table {
        stack.push(Segment::Key(key.get_ref()));
        walk(value, stack, f);
        stack.pop();
    }
}

fn walk<'k>(
    value: &'k toml::Spanned<toml::de::DeValue<'_>>,
    stack: &mut Vec<Segment<'k>>,
    f: &mut impl FnMut(&KeyPath<'_>, Span),
) {
    use toml::de::DeValue;
    match value.get_ref() {
        DeValue::Integer(_) | DeValue::Float(_) => f(&KeyPath { segments: stack }, value.span()),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                stack.push(Segment::Index(i));
                walk(item, stack, f);
                stack.pop();
            }
        }
        DeValue::Table(table) => walk_table(table, stack, f),
        DeValue::String(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {}
    }
}

/// Whether a key path matches a pattern: segments separated by `.`, `[]` for any array index, `*` for any run of
/// characters inside one segment (`*.previous`, `management.*funds`, `items[].budget`).
pub fn matches(pattern: &str, path: &str) -> bool {
    let path = without_indices(path);
    let pattern: Vec<&str> = pattern.split('.').collect();
    let path: Vec<&str> = path.split('.').collect();
    pattern.len() == path.len() && pattern.iter().zip(&path).all(|(p, s)| glob(p, s))
}

/// `rows[3].cells[10]` → `rows[].cells[]`.
fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// `*` matches any run of characters; everything else matches itself.
fn glob(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, rest)) => {
            let Some(after) = text.strip_prefix(head) else {
                return false;
            };
            (0..=after.len())
                .filter(|&i| after.is_char_boundary(i))
                .any(|i| glob(rest, &after[i..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_with_paths_and_spans() {
        let text =
            "a = 1\n[b]\nc = -2.50\nrows = [{ x = 3, s = \"4\" }]\n[[t]]\ny = 5\n[[t]]\ny = 6\n";
        let found = numbers(text).unwrap();
        let paths: Vec<(&str, &str)> = found
            .iter()
            .map(|n| (n.path.as_str(), &text[n.span.clone()]))
            .collect();
        assert_eq!(
            paths,
            [
                ("a", "1"),
                ("b.c", "-2.50"),
                ("b.rows[0].x", "3"),
                ("t[0].y", "5"),
                ("t[1].y", "6")
            ]
        );
    }

    #[test]
    fn patterns_match_segments_indices_and_globs() {
        assert!(matches("*.previous", "reception.previous"));
        assert!(!matches("*.previous", "previous"));
        assert!(matches("items[].budget", "items[12].budget"));
        assert!(matches(
            "management.*funds",
            "management.government_fund_funds"
        ));
        assert!(matches("management.*funds", "management.funds"));
        assert!(!matches("management.*funds", "management.funds_x"));
        assert!(matches("*", "goods"));
        assert!(!matches("*", "a.b"));
    }
}
