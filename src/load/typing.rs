//! What finance clerks type where TOML wants something else: figures copied out of Excel or typed with the Chinese
//! input method (`１２３．４５`, `1,200.50`, `1200.50万元`, `一千二百`, `“208”`), a full-width `＝`, a date as
//! `2022年9月30日`. Each gets one note that names the fix, with the value to write.

use rust_decimal::Decimal;

use crate::money::parse_exact;

/// The note for a line the TOML parser or a figure refused, when the line is one of the things clerks type.
pub fn hint(line: &str) -> Option<String> {
    // `key = value` lines only (a value inside an inline table is not told apart here)
    let bare = |key: &str| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
    };
    let Some((key, value)) = line.split_once('=').filter(|(k, _)| bare(k.trim())) else {
        let (key, value) = line.split_once('＝').filter(|(k, _)| bare(k.trim()))?;
        let value = value.trim();
        return Some(crate::tr!(
            "typing-equals",
            key = key.trim(),
            value = fix_value(value).unwrap_or_else(|| value.to_string())
        ));
    };
    let key = key.trim();
    let value = value.split(" #").next().unwrap_or(value).trim();
    if value.is_empty() {
        return None;
    }
    if let Some(date) = chinese_date(value) {
        return Some(crate::tr!("typing-date", key = key, date = date));
    }
    let fixed = fix_value(value)?;
    Some(crate::tr!("typing-write", key = key, value = fixed))
}

/// A value the way TOML wants it: a plain number, or a string in straight quotes.
fn fix_value(value: &str) -> Option<String> {
    if let Some(number) = number(value) {
        return (number != value).then_some(number);
    }
    let inner = value
        .strip_prefix(['“', '”', '「', '『', '‘'])
        .and_then(|v| v.strip_suffix(['”', '“', '」', '』', '’']))?;
    Some(format!("\"{inner}\""))
}

/// A figure as typed, as a plain decimal: full-width digits and points, separators, a 万元 suffix, quotes of any
/// kind, Chinese numerals.
pub fn number(typed: &str) -> Option<String> {
    let unquoted = typed
        .trim()
        .trim_matches(['"', '\'', '“', '”', '‘', '’', '「', '」']);
    let narrow: String = unquoted
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '－' => Some('-'),
            '＋' => Some('+'),
            '，' => Some(','),
            ' ' | '\u{3000}' | '_' => None,
            c => Some(c),
        })
        .collect();
    // 1,200.50 as Excel shows it; "3,2" is no thousands grouping and no number
    let whole = narrow.split('.').next().unwrap_or("");
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    if whole.contains(',')
        && !(first.trim_start_matches(['-', '+']).len() <= 3 && groups.all(|g| g.len() == 3))
    {
        return None;
    }
    let narrow = narrow.replace(',', "");
    let bare = narrow.strip_suffix("万元").unwrap_or(&narrow).trim();
    if let Ok(value) = parse_exact(bare) {
        return Some(value.to_string());
    }
    chinese_numeral(bare).map(|v| v.to_string())
}

/// 一千二百 → 1200, 三点五 → 3.5, 十二万零五百 → 120500.
fn chinese_numeral(text: &str) -> Option<Decimal> {
    let digit = |c: char| match c {
        '零' | '〇' => Some(0u64),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    if text.is_empty()
        || !text
            .chars()
            .all(|c| digit(c).is_some() || "十百千万亿点".contains(c))
    {
        return None;
    }
    let (whole, fraction) = text.split_once('点').unwrap_or((text, ""));
    // 二〇二一 (a year, a code) is read digit by digit, as it is written: no 十百千万亿 in it
    if whole.chars().count() > 1 && whole.chars().all(|c| digit(c).is_some()) {
        let digits: String = text
            .chars()
            .map(|c| digit(c).map_or('.', |d| char::from(b'0' + d as u8)))
            .collect();
        return digits.parse().ok();
    }
    let (mut total, mut section, mut number) = (0u64, 0u64, 0u64);
    for c in whole.chars() {
        if let Some(d) = digit(c) {
            number = d;
            continue;
        }
        match c {
            // 十二 is 12: a 十 with no digit before it counts one ten
            '十' => {
                let tens = if number == 0 && section == 0 {
                    1
                } else {
                    number
                };
                section = section.checked_add(tens.checked_mul(10)?)?;
                number = 0;
            }
            '百' => {
                section = section.checked_add(std::mem::take(&mut number).checked_mul(100)?)?
            }
            '千' => {
                section = section.checked_add(std::mem::take(&mut number).checked_mul(1000)?)?
            }
            '万' | '亿' => {
                let unit = if c == '万' { 10_000 } else { 100_000_000 };
                let part = total
                    .checked_add(std::mem::take(&mut section))?
                    .checked_add(std::mem::take(&mut number))?;
                total = part.checked_mul(unit)?;
            }
            _ => return None,
        }
    }
    total = total.checked_add(section)?.checked_add(number)?;
    let mut text = total.to_string();
    if !fraction.is_empty() {
        text.push('.');
        for c in fraction.chars() {
            text.push(char::from_digit(u32::try_from(digit(c)?).ok()?, 10)?);
        }
    }
    parse_exact(&text).ok()
}

/// 2022年9月30日 → 2022-09-30.
fn chinese_date(value: &str) -> Option<String> {
    let value = value.trim_matches(['"', '“', '”']);
    let (year, rest) = value.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let n = |s: &str| number(s)?.parse::<u32>().ok();
    Some(format!("{:04}-{:02}-{:02}", n(year)?, n(month)?, n(day)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_clerks_type_gets_the_value_to_write() {
        for (typed, plain) in [
            ("１２３．４５", "123.45"),
            ("1,200.50", "1200.50"),
            ("1200.50万元", "1200.50"),
            ("一千二百", "1200"),
            ("十二万零五百", "120500"),
            ("三点五", "3.5"),
            ("二〇二一", "2021"),
            ("“208”", "208"),
            ("\"1,061.38\"", "1061.38"),
        ] {
            assert_eq!(number(typed).as_deref(), Some(plain), "{typed}");
        }
        assert_eq!(number("待填写"), None);
        assert_eq!(number("3,2"), None);
        assert_eq!(number("1,234,567.8"), Some("1234567.8".into()));
        assert_eq!(
            hint("total = 1,200.50").as_deref(),
            Some("write `total = 1200.50`")
        );
        assert_eq!(
            hint("unit ＝ \"示例局\"").as_deref(),
            Some("use the ASCII equals sign `=`, not the full-width `＝`: `unit = \"示例局\"`")
        );
        assert_eq!(
            hint("unit = “示例局”").as_deref(),
            Some("write `unit = \"示例局\"`")
        );
        assert_eq!(
            hint("published = 2022年9月30日").as_deref(),
            Some("dates are written year-month-day: `published = 2022-09-30`")
        );
        assert_eq!(hint("total = 1200.50"), None);
        assert_eq!(hint("total = 1200.50  # 待填写"), None);
    }
}
