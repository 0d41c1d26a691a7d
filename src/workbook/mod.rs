//! Spreadsheets in and out: the document's tables as a workbook laid out as the form prints them ([`export`]), and
//! a data folder from a workbook of the nine tables ([`import`]): our own export, a published 公开表 workbook, the
//! Shanghai 样张, or the 财决 report set the 决算 reporting software exports ([`import::report_set`]).
//!
//! The form is the one description of a table's layout: its title, header tree, columns and rows, bound to the
//! figures by key path. The export writes each table's grid ([`crate::derive::grid`], the cells the PDF prints) under
//! the form's header; the import reads a sheet back by the same description — the sheet by its title, the header
//! by its words, each row by its 行次, code or label — and never guesses: a cell it cannot place is reported with
//! its `Sheet!C12` address.

pub mod export;
pub mod import;
mod read;

pub use import::{Finding, ImportError, Imported, Options, import};
pub use read::ReadError;

/// The money unit of a table or a sheet: what its "单位：" line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyUnit {
    Yuan,
    TenThousandYuan,
}

impl MoneyUnit {
    /// The unit a "金额单位：万元" / "单位：元" / "单位:万元" line names; `None` for any other text.
    pub fn of_line(text: &str) -> Option<MoneyUnit> {
        let t = normalize(text);
        let rest = t.strip_prefix("金额").unwrap_or(&t);
        let rest = rest.strip_prefix("单位")?;
        let rest = rest.trim_start_matches([':', '：']);
        match rest {
            "万元" => Some(MoneyUnit::TenThousandYuan),
            "元" => Some(MoneyUnit::Yuan),
            _ => None,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::TenThousandYuan => "万元",
        }
    }
}

/// A cell's place, as Excel writes it: `公开02表!C12`, `'1. 2026年部门财务收支预算总表'!B7`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CellRef {
    pub sheet: String,
    /// Zero-based row and column.
    pub row: u32,
    pub col: u32,
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}!{}{}",
            quote_sheet(&self.sheet),
            column_letters(self.col),
            self.row + 1
        )
    }
}

/// A sheet name as a formula names it: quoted where it holds anything but letters, digits and `_`.
pub fn quote_sheet(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') && !name.is_empty() {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// A, B, …, Z, AA, … for a zero-based column.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// A header or label text compared by its words: without white space (line breaks inside a cell, the full-width
/// spaces that indent a label), full-width letters, digits and brackets as ASCII, without quotation marks.
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」'))
        .map(|c| match c {
            // Full-width ASCII (！ … ～) to ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// A row label without its numbering (一、 （一） 1. 1、 (1)), normalized: "一、一般公共服务支出" and
/// "　一般公共服务支出" both read 一般公共服务支出.
pub fn strip_numbering(label: &str) -> String {
    let t = normalize(label);
    let numerals = |c: char| "一二三四五六七八九十".contains(c);
    // (一) or (1)
    if let Some(rest) = t.strip_prefix('(')
        && let Some(close) = rest.find(')')
    {
        let inner = &rest[..close];
        if !inner.is_empty() && inner.chars().all(|c| numerals(c) || c.is_ascii_digit()) {
            return rest[close + 1..].to_string();
        }
    }
    // 一、 / 1. / 1、
    let digits: String = t
        .chars()
        .take_while(|c| numerals(*c) || c.is_ascii_digit())
        .collect();
    if !digits.is_empty() {
        let rest = &t[digits.len()..];
        for mark in ["、", ".", "．"] {
            if let Some(rest) = rest.strip_prefix(mark) {
                return rest.to_string();
            }
        }
    }
    t
}

/// A title compared with another: normalized, without the year it names (2026年, 2020年度) and a 公开01表 label.
pub fn title_key(text: &str) -> String {
    let t = normalize(text);
    let mut out = String::with_capacity(t.len());
    let chars: Vec<char> = t.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        // Four digits followed by 年 (and 度): a year.
        if k + 4 < chars.len()
            && chars[k..k + 4].iter().all(char::is_ascii_digit)
            && chars[k + 4] == '年'
        {
            k += 5;
            if chars.get(k) == Some(&'度') {
                k += 1;
            }
            continue;
        }
        out.push(chars[k]);
        k += 1;
    }
    // A leading label (公开01表) in the same cell as the title.
    if let Some(rest) = out.strip_prefix("公开")
        && let Some(end) = rest.find('表')
        && rest[..end].chars().all(|c| c.is_ascii_digit())
    {
        return rest[end + '表'.len_utf8()..].to_string();
    }
    out
}

/// The year a title names (2026年…), if it names one.
pub fn year_in(text: &str) -> Option<i32> {
    let t = normalize(text);
    let chars: Vec<char> = t.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|k| {
        (chars[k..k + 4].iter().all(char::is_ascii_digit) && chars[k + 4] == '年')
            .then(|| chars[k..k + 4].iter().collect::<String>().parse().ok())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_addresses_read_as_excel_writes_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
        let r = CellRef {
            sheet: "公开02表".into(),
            row: 11,
            col: 2,
        };
        assert_eq!(r.to_string(), "公开02表!C12");
        let r = CellRef {
            sheet: "1. 2026年部门财务收支预算总表".into(),
            row: 0,
            col: 0,
        };
        assert_eq!(r.to_string(), "'1. 2026年部门财务收支预算总表'!A1");
    }

    #[test]
    fn texts_compare_by_their_words() {
        assert_eq!(normalize("事业单位\n经营收入"), "事业单位经营收入");
        assert_eq!(normalize("因公出国（境）费"), "因公出国(境)费");
        assert_eq!(normalize("“三公”经费预算数"), "三公经费预算数");
        assert_eq!(strip_numbering("一、一般公共服务支出"), "一般公共服务支出");
        assert_eq!(
            strip_numbering("　一般公共预算财政拨款"),
            "一般公共预算财政拨款"
        );
        assert_eq!(strip_numbering("1、一般公共预算"), "一般公共预算");
        assert_eq!(strip_numbering("1. 一般公共预算"), "一般公共预算");
        assert_eq!(strip_numbering("（二）事业收入"), "事业收入");
        assert_eq!(strip_numbering("十一、其他"), "其他");
        assert_eq!(strip_numbering("合计"), "合计");
        assert_eq!(
            title_key("2026年预算单位收入预算总表"),
            "预算单位收入预算总表"
        );
        assert_eq!(
            title_key("公开01表 2020年度收入支出决算总表"),
            "收入支出决算总表"
        );
        assert_eq!(year_in("2026年部门财务收支预算总表"), Some(2026));
        assert_eq!(year_in("收入支出决算总表"), None);
    }

    #[test]
    fn money_units_come_from_the_unit_line() {
        assert_eq!(
            MoneyUnit::of_line("金额单位：万元"),
            Some(MoneyUnit::TenThousandYuan)
        );
        assert_eq!(MoneyUnit::of_line("单位：元"), Some(MoneyUnit::Yuan));
        assert_eq!(
            MoneyUnit::of_line("单位:万元"),
            Some(MoneyUnit::TenThousandYuan)
        );
        assert_eq!(MoneyUnit::of_line("编制单位：上海市XX局"), None);
    }
}
