//! The phrases every section is written with: amounts in 万元, shares, changes on last year, completion of a
//! budget, reasons. Every number is formatted here, in the form's number style, from exact figures; the words
//! follow the numbers (增加/减少/持平, 增长/下降, 新增 on a zero base, 大于/小于/等于).

use std::collections::HashMap;

use crate::form::Form;
use crate::model::Text;
use crate::money::{Amount, Money, NumberStyle, Rate, Trend, ZeroStyle};

/// The phrases, in one form's number style.
/// `686.00` → `686`, `57.80` → `57.8`.
fn trim_zeros(text: String) -> String {
    if !text.contains('.') {
        return text;
    }
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Words {
    pub numbers: NumberStyle,
}

impl Words {
    /// `1,061.38万元` (or `1061.38万元`, `0万元`, `686万元` in the form's style).
    pub fn wan(self, a: Amount) -> String {
        format!("{}万元", self.number(a))
    }

    /// An amount as the sentences print it: two decimals, half-up, then the form's zero and trimming.
    pub fn number(self, a: Amount) -> String {
        let style = self.numbers;
        if style.zero == ZeroStyle::Bare && a.rounded().is_zero() {
            return "0".to_string();
        }
        let text = a.format(style);
        if style.trim { trim_zeros(text) } else { text }
    }

    /// An amount as the tables print it.
    pub fn figure(self, a: Amount) -> String {
        a.format(self.numbers)
    }

    pub fn rate(self, r: Rate) -> String {
        let text = r.format(self.numbers);
        match text.strip_suffix('%') {
            Some(number) if self.numbers.trim => format!("{}%", trim_zeros(number.to_string())),
            _ => text,
        }
    }

    /// "占12.34%" of a whole, after `prefix`; nothing when the whole is zero (no share can be stated).
    pub fn share(self, part: Amount, whole: Amount, prefix: &str) -> Option<String> {
        part.share_of(whole)
            .map(|r| format!("{prefix}{}", self.rate(r)))
    }

    fn percent(self, part: Amount, whole: Amount) -> String {
        part.share_of(whole)
            .map(|r| self.rate(r))
            .unwrap_or_default()
    }

    /// The change on last year as a clause after its subject: "增加349.70万元，增长49.14%", "减少…，下降…",
    /// "新增X万元" (last year zero), "持平".
    pub fn change(self, current: Amount, previous: Amount) -> String {
        // Compare the figures as printed: 1.004 against 1 reads 1.00 against 1.00, which is no change.
        let (current, previous) = (current.rounded(), previous.rounded());
        let diff = (current - previous).abs();
        match Trend::of(current, previous) {
            Trend::Flat => "持平".to_string(),
            Trend::Up if previous.is_zero() => format!("新增{}", self.wan(current)),
            Trend::Up => format!(
                "增加{}，增长{}",
                self.wan(diff),
                self.percent(diff, previous)
            ),
            Trend::Down => format!(
                "减少{}，下降{}",
                self.wan(diff),
                self.percent(diff, previous)
            ),
        }
    }

    /// "与2019年度相比，减少0.40万元，下降63.49%" or "与2019年度持平".
    pub fn versus(self, previous_year: &str, current: Amount, previous: Amount) -> String {
        match Trend::of(current.rounded(), previous.rounded()) {
            Trend::Flat => format!("与{previous_year}持平"),
            _ => format!("与{previous_year}相比，{}", self.change(current, previous)),
        }
    }

    /// "与2019年相比，一般公共预算财政拨款支出增加…" with the subject in the middle.
    pub fn versus_subject(
        self,
        prev_year: &str,
        subject: &str,
        current: Amount,
        previous: Amount,
    ) -> String {
        match Trend::of(current.rounded(), previous.rounded()) {
            Trend::Flat => format!("与{prev_year}相比，{subject}持平"),
            _ => format!(
                "与{prev_year}相比，{subject}{}",
                self.change(current, previous)
            ),
        }
    }

    /// "，完成年初预算的111.57%" or nothing when there was no budget.
    pub fn completion(self, actual: Amount, budget: Amount, what: &str) -> String {
        self.share(actual, budget, &format!("，完成{what}的"))
            .unwrap_or_default()
    }
}

/// "大于" / "小于" / "等于": how the 决算 compares with the 预算.
pub fn compared(actual: Amount, budget: Amount) -> &'static str {
    match Trend::of(actual.rounded(), budget.rounded()) {
        Trend::Up => "大于",
        Trend::Down => "小于",
        Trend::Flat => "等于",
    }
}

/// A figure the data may leave out, as zero.
pub fn get(m: Option<&Money>) -> Amount {
    m.map_or(Amount::ZERO, |m| m.amount)
}

/// A text value, when it says something.
pub fn text(t: &Option<Text>) -> Option<&str> {
    t.as_ref()
        .map(|t| t.value.as_str())
        .filter(|s| !s.trim().is_empty())
}

/// "，主要原因是X" or nothing.
pub fn because(reason: Option<&str>) -> String {
    reason
        .map(|r| format!("，主要原因是{r}"))
        .unwrap_or_default()
}

/// "，主要原因是：X。" or "。"
pub fn reason_sentence(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("，主要原因是：{}", sentence(r)),
        None => "。".to_string(),
    }
}

/// Puts a subject into a "与…相比，…" clause: "与2019年相比，收入增加…".
pub fn with_subject(subject: &str, clause: &str) -> String {
    match clause.split_once('，') {
        Some((head, rest)) if head.ends_with("相比") => format!("{head}，{subject}{rest}"),
        _ => format!("{subject}{clause}"),
    }
}

/// Ends a text with 。 unless it already ends a sentence.
pub fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['。', '！', '？', '；', '：']) {
        t.to_string()
    } else {
        format!("{t}。")
    }
}

/// "A及B" / "A、B及C"
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}及{last}", init.join("、")),
    }
}

/// A 类 name without its trailing 支出, as the Zhejiang structure sentences print it: 教育支出 → 教育.
pub fn class_stem(name: &str) -> &str {
    name.strip_suffix("支出").unwrap_or(name)
}

/// A 类 as the structure sentences name it: "教育（类）支出" from 教育支出; a name whose 支出 is not a noun's
/// ("抗疫特别国债安排的支出") or that has none ("预备费") keeps its whole name: "抗疫特别国债安排的支出（类）".
pub fn class_phrase(name: &str) -> String {
    match name.strip_suffix("支出") {
        Some(stem) if !stem.is_empty() && !stem.ends_with('的') => format!("{stem}（类）支出"),
        _ => format!("{name}（类）"),
    }
}

/// Names of classification lines by code, as the tables print them; a 类 a table lacks is named as the form names
/// it.
pub struct Names<'a> {
    by_code: HashMap<&'a str, &'a str>,
    form: &'a Form,
}

impl<'a> Names<'a> {
    pub fn new(form: &'a Form, lines: impl Iterator<Item = (&'a Text, &'a Text)>) -> Self {
        let by_code = lines
            .map(|(c, n)| (c.value.as_str(), n.value.as_str()))
            .collect();
        Names { by_code, form }
    }

    pub fn name(&self, code: &str) -> String {
        self.by_code
            .get(code)
            .copied()
            .or_else(|| self.form.class_name(code))
            .unwrap_or(code)
            .to_string()
    }

    /// 社会保障和就业支出（类）人力资源和社会保障管理事务（款）信息化建设（项）
    pub fn path(&self, code: &str) -> String {
        match code.len() {
            7 => format!(
                "{}（类）{}（款）{}（项）",
                self.name(&code[..3]),
                self.name(&code[..5]),
                self.name(code)
            ),
            5 => format!("{}（类）{}（款）", self.name(&code[..3]), self.name(code)),
            _ => format!("{}（类）", self.name(code)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Amount {
        s.parse().unwrap()
    }

    const W: Words = Words {
        numbers: NumberStyle::STANDARD,
    };

    #[test]
    fn change_wording_follows_the_numbers() {
        assert_eq!(
            W.change(a("1061.38"), a("711.68")),
            "增加349.70万元，增长49.14%"
        );
        assert_eq!(W.change(a("0.23"), a("0.63")), "减少0.40万元，下降63.49%");
        assert_eq!(W.change(a("5"), a("5.00")), "持平");
        assert_eq!(W.change(a("0"), a("0")), "持平");
        assert_eq!(W.change(a("1.5"), a("0")), "新增1.50万元");
        assert_eq!(W.change(a("0"), a("2")), "减少2.00万元，下降100.00%");
        // figures with more decimals are compared as printed
        assert_eq!(W.change(a("1.004"), a("1")), "持平");
        assert_eq!(W.change(a("1.006"), a("1")), "增加0.01万元，增长1.00%");
        assert_eq!(W.versus("2019年度", a("1.004"), a("1")), "与2019年度持平");
    }

    #[test]
    fn the_number_style_is_the_forms() {
        let plain = Words {
            numbers: NumberStyle {
                thousands: false,
                ..NumberStyle::default()
            },
        };
        assert_eq!(plain.wan(a("9859.38")), "9859.38万元");
        assert_eq!(W.wan(a("9859.38")), "9,859.38万元");
        assert_eq!(
            plain.change(a("9859.38"), a("8796.53")),
            "增加1062.85万元，增长12.08%"
        );
    }

    #[test]
    fn sentences_may_print_zero_bare_and_trim_trailing_zeros() {
        let budget = Words {
            numbers: NumberStyle {
                thousands: false,
                zero: ZeroStyle::Bare,
                trim: true,
                ..NumberStyle::STANDARD
            },
        };
        assert_eq!(budget.wan(a("686.00")), "686万元");
        assert_eq!(budget.wan(a("57.80")), "57.8万元");
        assert_eq!(budget.wan(a("0.004")), "0万元");
        assert_eq!(budget.wan(a("1672.6725")), "1672.67万元");
        assert_eq!(budget.rate(Rate::new(a("28").decimal())), "28%");
        assert_eq!(budget.rate(Rate::new(a("1.07").decimal())), "1.07%");
        // the tables keep two decimals, with the separators the form gives them
        let tables = NumberStyle {
            table_thousands: Some(true),
            ..budget.numbers
        }
        .for_tables();
        assert_eq!(a("495280").format(tables), "495,280.00");
        assert_eq!(a("0").format(tables), "0.00");
    }

    #[test]
    fn versus_says_flat_plainly() {
        assert_eq!(W.versus("2019年度", a("0"), a("0")), "与2019年度持平");
        assert_eq!(
            W.versus("2019年度", a("0.23"), a("0.63")),
            "与2019年度相比，减少0.40万元，下降63.49%"
        );
        assert_eq!(
            W.versus("2019年度", a("3"), a("0")),
            "与2019年度相比，新增3.00万元"
        );
        assert_eq!(
            W.versus_subject("2019年", "支出", a("2"), a("2")),
            "与2019年相比，支出持平"
        );
        assert_eq!(
            with_subject("收入", "与2019年相比，增加1.00万元，增长100.00%"),
            "与2019年相比，收入增加1.00万元，增长100.00%"
        );
        assert_eq!(with_subject("收入", "与2019年持平"), "收入与2019年持平");
    }

    #[test]
    fn comparison_words() {
        assert_eq!(compared(a("2"), a("1")), "大于");
        assert_eq!(compared(a("1"), a("2")), "小于");
        assert_eq!(compared(a("1"), a("1.0")), "等于");
        assert_eq!(
            W.completion(a("1061.38"), a("951.35"), "年初预算"),
            "，完成年初预算的111.57%"
        );
        assert_eq!(W.completion(a("88"), a("0"), "年初预算"), "");
    }

    #[test]
    fn small_helpers() {
        assert_eq!(class_stem("教育支出"), "教育");
        assert_eq!(class_stem("预备费"), "预备费");
        assert_eq!(class_phrase("教育支出"), "教育（类）支出");
        assert_eq!(
            class_phrase("抗疫特别国债安排的支出"),
            "抗疫特别国债安排的支出（类）"
        );
        assert_eq!(class_phrase("预备费"), "预备费（类）");
        assert_eq!(join_and(&["A", "B"]), "A及B");
        assert_eq!(join_and(&["A", "B", "C"]), "A、B及C");
        assert_eq!(sentence("无"), "无。");
        assert_eq!(sentence("无。"), "无。");
        assert_eq!(because(None), "");
        assert_eq!(because(Some("x")), "，主要原因是x");
    }
}
