//! Placeholders left in: `juesuan new` writes `0  # 待填写` for figures and `"待填写：…"` for texts, so a new
//! folder checks and renders from the first minute. One left in would print a false sentence (a 上年数 of 0 reads as
//! 新增), so each is a warning at its place until it is filled in.

use super::Validator;
use crate::diag::Diagnostic;
use crate::rule::Rule;

/// The marker `juesuan new` writes.
pub const MARKER: &str = "待填写";

impl<D> Validator<'_, D> {
    /// One warning for the whole document, at the first placeholder, counting the rest by file: a fresh folder
    /// has a hundred of them, and a hundred warnings would hide everything else.
    pub(super) fn placeholders(&mut self) {
        let mut first = None;
        let mut per_file: Vec<(&str, usize)> = Vec::new();
        for (section, id) in self.loaded.sections() {
            let text = self.loaded.sources.text(id);
            let mut offset = 0;
            let mut count = 0;
            for line in text.split_inclusive('\n') {
                if let Some(span) = placeholder_in(line) {
                    count += 1;
                    first.get_or_insert((id, offset + span.start..offset + span.end));
                }
                offset += line.len();
            }
            if count > 0 {
                per_file.push((section.file(), count));
            }
        }
        let Some((id, span)) = first else { return };
        let total: usize = per_file.iter().map(|(_, n)| n).sum();
        let files: Vec<String> = per_file.iter().map(|(f, n)| format!("{f} ({n})")).collect();
        self.out.push(
            Diagnostic::new(Rule::Placeholder, crate::tr!("placeholder", n = total))
                .at(id, span, crate::tr!("placeholder-first"))
                .note(crate::tr!("in-file", path = files.join(", ")))
                .note(crate::tr!("placeholder-note")),
        );
    }
}

/// Where the placeholder of a line is: the quoted text holding 待填写, or the value before a `# 待填写` comment.
fn placeholder_in(line: &str) -> Option<std::ops::Range<usize>> {
    let mut in_string = false;
    let mut string_start = 0;
    let mut comment = None;
    for (i, ch) in line.char_indices() {
        match ch {
            '"' if in_string => {
                if line[string_start..i].contains(MARKER) {
                    return Some(string_start - 1..i + 1);
                }
                in_string = false;
            }
            '"' => {
                in_string = true;
                string_start = i + 1;
            }
            '#' if !in_string => {
                comment = Some(i);
                break;
            }
            _ => {}
        }
    }
    let comment = comment?;
    if !line[comment..].contains(MARKER) {
        return None;
    }
    // `key = value  # 待填写`: the value between `=` and the comment
    let eq = line[..comment].find('=')?;
    let value = &line[eq + 1..comment];
    let start = eq + 1 + (value.len() - value.trim_start().len());
    let end = eq + 1 + value.trim_end().len();
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_marked_values_and_texts_only() {
        assert_eq!(placeholder_in("goods = 0  # 待填写：货物\n"), Some(8..9));
        let line = "unit = \"待填写：单位全称\"\n";
        assert_eq!(&line[placeholder_in(line).unwrap()], "\"待填写：单位全称\"");
        assert_eq!(placeholder_in("# 待填写 the whole section\n"), None);
        assert_eq!(placeholder_in("goods = 100.8  # 货物\n"), None);
        assert_eq!(placeholder_in("name = \"a # b\"  # note\n"), None);
    }
}
