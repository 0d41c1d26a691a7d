//! The missing-glyph check: every character of every text value is drawn by a font that has it.
//!
//! Under PDF/A export Typst fails late on a character no font covers, and in plain PDF it silently prints an empty
//! box — where a person's or a place's name should be. So before anything is rendered, every character of every
//! string value in the data files is looked up in the font of each style that may draw it, and a character that
//! some style's font lacks is an error at its place in the file.
//!
//! Which style draws which value depends on the template (a division name is body text in 概况 but may also appear
//! in a table), so the check is deliberately simple and safe: a character must be covered by the font of every
//! style.

use std::collections::HashMap;

use crate::diag::{Diagnostic, FileId, Sources};
use crate::load::Loaded;
use crate::money::Span;
use crate::render::Engine;
use crate::rule::Rule;

/// At most this many missing-glyph findings per document: a file of pasted symbols must not drown the rest.
pub const MAX_FINDINGS: usize = 50;

/// One typographic style of the document and the font that draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleFont {
    /// How the style is called in an office (标题, 正文 …), with the kind of typeface it stands for.
    pub style: &'static str,
    /// The font family, as Typst names it.
    pub family: String,
    /// Whether the style uses the bold face (the title line).
    pub bold: bool,
}

impl StyleFont {
    fn describe(&self) -> String {
        let face = if self.bold { " Bold" } else { "" };
        format!("{} ({}{face})", self.style, self.family)
    }
}

/// The styles of the templates with the embedded Fandol fonts (typst-templates/lib/style.typ).
pub fn embedded_styles() -> Vec<StyleFont> {
    crate::fonts::StyleMap::default().style_fonts()
}

/// Checks every string value of every section file of a loaded document (see [`check`]).
pub fn check_document(loaded: &Loaded, engine: &Engine, styles: &[StyleFont]) -> Vec<Diagnostic> {
    let files = loaded.sections().map(|(_, id)| id);
    check(&loaded.sources, files, engine, styles)
}

/// Checks every character of every string value of the given files against the fonts of `styles`.
pub fn check(
    sources: &Sources,
    files: impl IntoIterator<Item = FileId>,
    engine: &Engine,
    styles: &[StyleFont],
) -> Vec<Diagnostic> {
    // Each style's font is looked up once; a family that is not loaded covers nothing (the font map reports it,
    // and here it must not let a character through).
    let coverages: Vec<_> = styles
        .iter()
        .map(|s| engine.coverage(&s.family, s.bold))
        .collect();
    // The styles whose font has no glyph for `c` (a binary search in each; an empty Vec does not allocate).
    let lacking = |c: char| -> Vec<usize> {
        coverages
            .iter()
            .enumerate()
            .filter(|(_, coverage)| !coverage.is_some_and(|cov| cov.contains(c)))
            .map(|(i, _)| i)
            .collect()
    };

    let mut findings = Vec::new();
    let mut left_out = 0usize;
    for file in files {
        // The first place of each missing character in this file, and how many more times it occurs.
        let mut seen: HashMap<char, (Span, usize)> = HashMap::new();
        let mut order = Vec::new();
        string_chars(sources.text(file), |c, span| {
            if c.is_control() {
                return;
            }
            if let Some((_, more)) = seen.get_mut(&c) {
                *more += 1;
                return;
            }
            if lacking(c).is_empty() {
                return;
            }
            seen.insert(c, (span, 0));
            order.push(c);
        });
        for c in order {
            if findings.len() >= MAX_FINDINGS {
                left_out += 1;
                continue;
            }
            let (span, more) = seen[&c].clone();
            let missing: Vec<String> = lacking(c).iter().map(|&i| styles[i].describe()).collect();
            let code_point = format!("U+{:04X}", c as u32);
            let mut d = Diagnostic::new(
                Rule::MissingGlyph,
                crate::tr!(
                    "no-glyph",
                    char = c,
                    code = &code_point,
                    fonts = missing.join(", ")
                ),
            )
            .in_file(sources.path(file))
            .at(
                file,
                span,
                crate::tr!("no-glyph-label", code = &code_point, font = &missing[0]),
            );
            if more > 0 {
                d = d.note(crate::tr!(
                    "no-glyph-more",
                    n = more,
                    path = sources.path(file).display()
                ));
            }
            d = d.note(crate::tr!("no-glyph-note"));
            findings.push(d);
        }
    }
    if left_out > 0 {
        findings.push(Diagnostic::new(
            Rule::MissingGlyph,
            crate::tr!("no-glyph-left-out", n = left_out, max = MAX_FINDINGS),
        ));
    }
    findings
}

/// Calls `f` with every character of every string (keys included) of a TOML text, decoded, with the byte range it
/// was written as (an escape such as `\U00020000` spans the whole escape). Comments are skipped.
///
/// The text has been parsed by the TOML parser already, so this does not validate; on text that is not TOML it
/// still ends without panicking (the fuzz target runs it on arbitrary input).
pub fn string_chars(text: &str, f: impl FnMut(char, Span)) {
    scan_strings(text, f, |_| {});
}

/// Calls `f` with the byte range of every string (from its opening to its closing quote) of a TOML text and the
/// number of characters of its value. Comments are skipped; like [`string_chars`], never panics.
pub fn string_lengths(text: &str, mut f: impl FnMut(Span, usize)) {
    let count = std::cell::Cell::new(0usize);
    scan_strings(
        text,
        |_, _| count.set(count.get() + 1),
        |span| f(span, count.replace(0)),
    );
}

/// Walks a TOML text: `on_char` for each decoded character of a string, `on_end` with each string's range.
fn scan_strings(text: &str, mut on_char: impl FnMut(char, Span), mut on_end: impl FnMut(Span)) {
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let start = i;
        let delimiter = ["\"\"\"", "\"", "'''", "'"]
            .into_iter()
            .find(|d| rest.starts_with(d));
        if rest.starts_with('#') {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if let Some(delimiter) = delimiter {
            let escapes = delimiter.starts_with('"');
            i = scan_string(text, i + delimiter.len(), delimiter, escapes, &mut on_char);
            on_end(start..i);
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// Scans a string's content from `start` to its closing `delimiter`; returns the offset after the delimiter.
fn scan_string(
    text: &str,
    start: usize,
    delimiter: &str,
    escapes: bool,
    f: &mut impl FnMut(char, Span),
) -> usize {
    let multiline = delimiter.len() == 3;
    let mut i = start;
    while i < text.len() {
        let rest = &text[i..];
        if rest.starts_with(delimiter) {
            // A multi-line string may end in up to two quotes of its own kind right before the delimiter.
            let quote = delimiter.as_bytes()[0];
            let run = rest.bytes().take_while(|&b| b == quote).count();
            let extra = if multiline {
                run.saturating_sub(3).min(2)
            } else {
                0
            };
            for k in 0..extra {
                f(quote as char, i + k..i + k + 1);
            }
            return i + extra + delimiter.len();
        }
        let Some(c) = rest.chars().next() else { break };
        if c == '\n' && !multiline {
            // Not TOML; stop the string at the line end rather than swallow the file.
            return i;
        }
        if escapes && c == '\\' {
            i = scan_escape(text, i, multiline, f);
            continue;
        }
        f(c, i..i + c.len_utf8());
        i += c.len_utf8();
    }
    text.len()
}

/// Decodes the escape at `i` (a backslash); returns the offset after it.
fn scan_escape(text: &str, i: usize, multiline: bool, f: &mut impl FnMut(char, Span)) -> usize {
    let after = i + 1;
    let Some(kind) = text[after..].chars().next() else {
        return text.len();
    };
    let simple = match kind {
        'b' => Some('\u{8}'),
        't' => Some('\t'),
        'n' => Some('\n'),
        'f' => Some('\u{c}'),
        'r' => Some('\r'),
        'e' => Some('\u{1b}'),
        '"' => Some('"'),
        '\\' => Some('\\'),
        _ => None,
    };
    if let Some(c) = simple {
        f(c, i..after + 1);
        return after + 1;
    }
    let digits = match kind {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        _ => 0,
    };
    if digits > 0 {
        let hex_start = after + 1;
        let hex: String = text[hex_start..]
            .chars()
            .take(digits)
            .take_while(char::is_ascii_hexdigit)
            .collect();
        let end = hex_start + hex.len();
        if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            && hex.len() == digits
        {
            f(c, i..end);
        }
        return end;
    }
    if multiline && kind.is_whitespace() {
        // A line-ending backslash: the line break and the white space after it are not part of the value.
        let skipped = text[after..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(text.len() - after);
        return after + skipped;
    }
    // Not an escape TOML knows: the parser refused the file already; skip the backslash.
    after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars_of(text: &str) -> Vec<(char, String)> {
        let mut out = Vec::new();
        string_chars(text, |c, span| out.push((c, text[span].to_string())));
        out
    }

    fn decoded(text: &str) -> String {
        chars_of(text).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn reads_every_kind_of_string_and_skips_comments() {
        let text = "a = \"甲\" # \"注释\"\nb = '乙'\nc = \"\"\"\n丙\"\"\"\nd = '''丁'''\ne = [\"戊\", 1.5]\n";
        assert_eq!(decoded(text).replace('\n', ""), "甲乙丙丁戊");
    }

    #[test]
    fn string_lengths_count_decoded_characters_over_the_whole_string() {
        let text = "a = \"甲乙\\u4E19\" # '注释'\nb = '''丁'''\n";
        let mut found = Vec::new();
        string_lengths(text, |span, n| found.push((text[span].to_string(), n)));
        assert_eq!(
            found,
            vec![
                ("\"甲乙\\u4E19\"".to_string(), 3),
                ("'''丁'''".to_string(), 1)
            ]
        );
    }

    #[test]
    fn keys_in_quotes_are_strings_too() {
        assert_eq!(decoded("\"k\" = 1\n"), "k");
    }

    #[test]
    fn escapes_are_decoded_with_the_span_of_the_whole_escape() {
        let text = r#"a = "x\U00020000y\u4E00\"\\""#;
        let chars = chars_of(text);
        assert_eq!(
            chars,
            vec![
                ('x', "x".to_string()),
                ('\u{20000}', r"\U00020000".to_string()),
                ('y', "y".to_string()),
                ('一', r"\u4E00".to_string()),
                ('"', r#"\""#.to_string()),
                ('\\', r"\\".to_string()),
            ]
        );
    }

    #[test]
    fn literal_strings_have_no_escapes() {
        assert_eq!(decoded(r"a = 'C:\u4E00'"), r"C:\u4E00");
    }

    #[test]
    fn a_multiline_string_may_end_in_quotes_and_fold_lines() {
        assert_eq!(decoded("a = \"\"\"x\"\"\"\"\"\n"), "x\"\"");
        assert_eq!(decoded("a = '''y''''\n"), "y'");
        assert_eq!(decoded("a = \"\"\"p \\\n    q\"\"\"\n"), "p q");
    }

    #[test]
    fn broken_text_ends_without_panicking() {
        for text in [
            "\"",
            "\"\\",
            "\"\\U0002",
            "'''",
            "\"\"\"\\",
            "a = \"x\ny\"",
            "\"\\u{ZZ}\"",
            "\"\\q\"",
        ] {
            let _ = decoded(text);
        }
    }

    fn fake_sources(text: &str) -> (Sources, FileId) {
        let mut sources = Sources::default();
        let id = sources.add(std::path::Path::new("overview.toml"), text.to_string());
        (sources, id)
    }

    #[test]
    fn the_embedded_fonts_cover_ordinary_text() {
        let (sources, id) = fake_sources(
            "duties = [\"负责全市人力资源和社会保障信息化建设（含“金保工程”）；2020年—2021年，1,234.56万元。\"]\n",
        );
        let found = check(&sources, [id], Engine::embedded(), &embedded_styles());
        assert!(
            found.is_empty(),
            "{:?}",
            found.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_rare_character_is_an_error_at_its_place() {
        let text =
            "# 𠀀 in a comment is not printed\ndivisions = [\"王𠀀明\", \"李䶮\", \"王𠀀明\"]\n";
        let (sources, id) = fake_sources(text);
        let found = check(&sources, [id], Engine::embedded(), &embedded_styles());
        let rare = found
            .iter()
            .find(|d| d.message.contains("U+20000"))
            .expect("𠀀 is found");
        assert_eq!(rare.rule, Rule::MissingGlyph);
        assert!(rare.message.contains("“𠀀”"), "{}", rare.message);
        assert!(
            rare.message.contains("正文 仿宋 (FandolFang R)"),
            "{}",
            rare.message
        );
        let (place, _) = rare.primary.as_ref().unwrap();
        assert_eq!(&text[place.span.clone()], "𠀀");
        assert_eq!(sources.line_col(id, place.span.start), (2, 16));
        assert!(
            rare.notes.iter().any(|n| n.contains("1 more time")),
            "{:?}",
            rare.notes
        );
        assert_eq!(
            found
                .iter()
                .filter(|d| d.message.contains("U+20000"))
                .count(),
            1
        );
    }

    #[test]
    fn an_emoji_is_an_error() {
        let (sources, id) = fake_sources("duties = [\"服务群众😀\"]\n");
        let found = check(&sources, [id], Engine::embedded(), &embedded_styles());
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("U+1F600"), "{}", found[0].message);
    }

    #[test]
    fn a_style_whose_family_is_not_loaded_covers_nothing() {
        let (sources, id) = fake_sources("a = \"a\"\n");
        let styles = vec![StyleFont {
            style: "正文 仿宋",
            family: "No Such Family".to_string(),
            bold: false,
        }];
        let found = check(&sources, [id], Engine::embedded(), &styles);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn findings_are_capped() {
        let many: String = (0x1F600u32..0x1F600 + MAX_FINDINGS as u32 + 10)
            .filter_map(char::from_u32)
            .collect();
        let (sources, id) = fake_sources(&format!("a = \"{many}\"\n"));
        let found = check(&sources, [id], Engine::embedded(), &embedded_styles());
        assert_eq!(found.len(), MAX_FINDINGS + 1);
        assert!(found.last().unwrap().message.starts_with("10 more"));
    }
}
