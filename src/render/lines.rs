//! Where a table header's text may break. A header cell is narrow (a figure column) and its text a few Han
//! characters; left to Typst, "本年收入合计" in a column five characters wide is set 本年收入合 / 计, one character
//! alone on its line. Here each header text gets its balanced settings on 2, 3, … lines: the lines as even as the
//! text allows, none of a single character, no line starting with a closing mark or ending with an opening one,
//! digits and Latin letters kept together. The template measures the column and sets the text on one line if it
//! fits, else on the fewest of these lines that fit.

/// A label longer than this is prose, not a label: Typst breaks it as it breaks a paragraph.
const MAX_CHARS: usize = 40;
/// The most lines a label is set on (a figure column is at least three characters wide).
const MAX_LINES: usize = 12;

/// The text set on 2, 3, … lines, each setting balanced (its widest line as narrow as it can be), in that order;
/// empty for a text too short to break without leaving one character alone, or too long to be a label.
pub fn balanced_lines(text: &str) -> Vec<Vec<String>> {
    if text.chars().count() > MAX_CHARS {
        return Vec::new();
    }
    let tokens = tokens(text);
    (2..=tokens.len().min(MAX_LINES))
        .map_while(|n| split(&tokens, n))
        .map(|lines| {
            lines
                .into_iter()
                .map(|line| line.iter().map(|t| t.text.as_str()).collect())
                .collect()
        })
        .collect()
}

/// A piece no line break may fall inside: a character with the punctuation that sticks to it, or a run of digits
/// and Latin letters.
struct Token {
    text: String,
    /// Width in em: a Han or full-width character is one, any other half (digits and Latin in the table font).
    width: f64,
    chars: usize,
}

/// Marks that may not begin a line (GB/T 15834 and Typst's own rules for Chinese).
const NO_LINE_START: &str = "，。、；：？！）》」』〕】”’%·…—,.;:?!)]";
/// Marks that may not end a line.
const NO_LINE_END: &str = "（《「『〔【“‘([";

fn char_width(c: char) -> f64 {
    if c.is_ascii() { 0.5 } else { 1.0 }
}

fn tokens(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    // An opening mark waits for the character after it.
    let mut pending = String::new();
    for c in text.chars() {
        let joins_previous = NO_LINE_START.contains(c)
            || (c.is_ascii_alphanumeric()
                && tokens
                    .last()
                    .and_then(|t| t.text.chars().last())
                    .is_some_and(|p| p.is_ascii_alphanumeric() && pending.is_empty()));
        if let Some(last) = tokens
            .last_mut()
            .filter(|_| joins_previous && pending.is_empty())
        {
            last.text.push(c);
            last.width += char_width(c);
            last.chars += 1;
        } else if NO_LINE_END.contains(c) {
            pending.push(c);
        } else {
            let opening = std::mem::take(&mut pending);
            let width = opening.chars().map(char_width).sum::<f64>() + char_width(c);
            let chars = opening.chars().count() + 1;
            tokens.push(Token {
                text: format!("{opening}{c}"),
                width,
                chars,
            });
        }
    }
    if !pending.is_empty() {
        match tokens.last_mut() {
            Some(last) => {
                last.width += pending.chars().map(char_width).sum::<f64>();
                last.chars += pending.chars().count();
                last.text.push_str(&pending);
            }
            None => tokens.push(Token {
                width: pending.chars().map(char_width).sum(),
                chars: pending.chars().count(),
                text: pending,
            }),
        }
    }
    tokens
}

/// The tokens in `n` lines of at least two characters each, the widest line as narrow as possible (ties: the
/// earlier lines the longer, as a reader expects a short last line); `None` when no such split exists.
fn split(tokens: &[Token], n: usize) -> Option<Vec<&[Token]>> {
    let m = tokens.len();
    // Running totals, so that a line's width and length are two subtractions.
    let mut width = vec![0.0; m + 1];
    let mut chars = vec![0; m + 1];
    for (k, t) in tokens.iter().enumerate() {
        width[k + 1] = width[k] + t.width;
        chars[k + 1] = chars[k] + t.chars;
    }
    let line = |from: usize, to: usize| -> Option<f64> {
        (chars[to] - chars[from] >= 2).then(|| width[to] - width[from])
    };
    // best[k][i]: the narrowest widest line setting tokens[i..] on k lines, and where its first line ends.
    let mut best = vec![vec![None::<(f64, usize)>; m + 1]; n + 1];
    best[0][m] = Some((0.0, m));
    for k in 1..=n {
        for i in (0..m).rev() {
            let mut choice: Option<(f64, usize)> = None;
            // The longest first line first, so that a tie keeps the earlier line the longer.
            for j in (i + 1..=m).rev() {
                let (Some(width), Some((rest, _))) = (line(i, j), best[k - 1][j]) else {
                    continue;
                };
                let widest = width.max(rest);
                if choice.is_none_or(|(w, _)| widest < w - 1e-9) {
                    choice = Some((widest, j));
                }
            }
            best[k][i] = choice;
        }
    }
    let mut lines = Vec::with_capacity(n);
    let mut at = 0;
    for k in (1..=n).rev() {
        let (_, end) = best[k][at]?;
        lines.push(&tokens[at..end]);
        at = end;
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Vec<String>> {
        balanced_lines(text)
    }

    #[test]
    fn a_header_breaks_evenly() {
        let settings = lines("本年收入合计");
        assert_eq!(settings[0], ["本年收", "入合计"]);
        assert_eq!(settings[1], ["本年", "收入", "合计"]);
        assert_eq!(settings.len(), 2);
        assert_eq!(lines("年初结转和结余")[0], ["年初结转", "和结余"]);
        assert_eq!(
            lines("国有资本经营预算财政拨款")[1],
            ["国有资本", "经营预算", "财政拨款"]
        );
    }

    #[test]
    fn no_line_holds_one_character() {
        for text in [
            "本年收入合计",
            "年初结转和结余",
            "一般公共预算财政拨款",
            "对附属单位补助支出",
            "因公出国（境）费",
            "财政拨款“三公”经费",
            "公务用车购置及运行维护费",
            "2024年预算数",
            "合计",
            "行次",
            "偏差原因分析及改进措施（必填项，可另附说明）",
        ] {
            for setting in lines(text) {
                assert_eq!(setting.concat(), text, "{setting:?}");
                for line in &setting {
                    assert!(line.chars().count() >= 2, "{text}: {setting:?}");
                }
            }
        }
        // Two characters cannot break without leaving one alone; prose is no label.
        assert!(lines("合计").is_empty());
        assert!(lines(&"社会保障和就业支出".repeat(5)).is_empty());
        assert_eq!(lines(&"社会".repeat(20)).len(), MAX_LINES - 1);
        assert!(lines("项目").is_empty());
        assert_eq!(lines("行次栏").len(), 0);
        assert_eq!(lines("栏次合计"), [["栏次", "合计"]]);
    }

    #[test]
    fn marks_stay_with_their_characters_and_digits_together() {
        for setting in lines("因公出国（境）费") {
            for line in &setting {
                assert!(
                    !line.starts_with('）') && !line.ends_with('（'),
                    "{setting:?}"
                );
            }
        }
        for setting in lines("财政拨款“三公”经费") {
            for line in &setting {
                assert!(
                    !line.starts_with('”') && !line.ends_with('“'),
                    "{setting:?}"
                );
            }
        }
        for setting in lines("2024年预算数") {
            assert!(setting.iter().any(|l| l.contains("2024")), "{setting:?}");
        }
    }
}
