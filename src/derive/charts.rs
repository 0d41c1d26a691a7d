//! Bar charts for the narrative (document.toml `charts = true`): every label, figure and bar length is computed
//! here; Typst only draws.

use serde::Serialize;

use super::wording::Words;
use crate::money::Amount;

/// A horizontal bar chart.
#[derive(Debug, Serialize)]
pub struct Chart {
    /// 图1 收入支出与上年对比
    pub title: String,
    /// Legend of the series (one entry: a single series; two: this year and last year).
    pub series: Vec<String>,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Serialize)]
pub struct Bar {
    pub label: String,
    /// One value per series: the printed figure and the bar's length as a fraction of the longest bar.
    pub values: Vec<BarValue>,
}

#[derive(Debug, Serialize)]
pub struct BarValue {
    pub text: String,
    /// Drawing only (0–1): never read back as money.
    pub length: f64,
}

/// Bars for (label, amount) pairs of one series, with each amount's share of `whole` printed beside it.
pub(super) fn share_chart(
    w: Words,
    title: String,
    whole: Amount,
    items: &[(String, Amount)],
) -> Chart {
    let items: Vec<&(String, Amount)> = items.iter().filter(|(_, a)| !a.is_zero()).collect();
    let longest = items.iter().map(|(_, a)| *a).max().unwrap_or(Amount::ZERO);
    let bars = items
        .iter()
        .map(|(label, a)| {
            let share = a
                .share_of(whole)
                .map(|r| format!("（{}）", w.rate(r)))
                .unwrap_or_default();
            Bar {
                label: label.clone(),
                values: vec![BarValue {
                    text: format!("{}{share}", w.wan(*a)),
                    length: length(*a, longest),
                }],
            }
        })
        .collect();
    Chart {
        title,
        series: Vec::new(),
        bars,
    }
}

/// Two series (this year, last year) for each (label, now, before), bars relative to the longest of all.
pub(super) fn pair_chart(
    w: Words,
    title: String,
    series: [String; 2],
    pairs: &[(&str, Amount, Amount)],
) -> Chart {
    let longest = pairs
        .iter()
        .flat_map(|(_, a, b)| [*a, *b])
        .max()
        .unwrap_or(Amount::ZERO);
    let value = |a: Amount| BarValue {
        text: w.wan(a),
        length: length(a, longest),
    };
    Chart {
        title,
        series: series.to_vec(),
        bars: pairs
            .iter()
            .map(|(label, now, before)| Bar {
                label: label.to_string(),
                values: vec![value(*now), value(*before)],
            })
            .collect(),
    }
}

/// A bar's length relative to the longest bar, for drawing.
fn length(a: Amount, longest: Amount) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    if longest.is_zero() || a.decimal().is_sign_negative() {
        return 0.0;
    }
    (a.decimal() / longest.decimal())
        .to_f64()
        .unwrap_or(0.0)
        .clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Amount {
        s.parse().unwrap()
    }

    #[test]
    fn bar_lengths_are_relative_to_the_longest() {
        assert_eq!(length(a("50"), a("200")), 0.25);
        assert_eq!(length(a("200"), a("200")), 1.0);
        assert_eq!(length(a("5"), Amount::ZERO), 0.0);
        assert_eq!(length(a("-5"), a("10")), 0.0);
        let chart = share_chart(
            Words::default(),
            "图".into(),
            a("100"),
            &[
                ("甲".into(), a("75")),
                ("乙".into(), a("0")),
                ("丙".into(), a("25")),
            ],
        );
        let bars: Vec<(&str, &str, String)> = chart
            .bars
            .iter()
            .map(|b| {
                (
                    b.label.as_str(),
                    b.values[0].text.as_str(),
                    format!("{:.4}", b.values[0].length),
                )
            })
            .collect();
        // zero items are left out; the longest bar is full length
        assert_eq!(
            bars,
            [
                ("甲", "75.00万元（75.00%）", "1.0000".to_string()),
                ("丙", "25.00万元（25.00%）", "0.3333".to_string())
            ]
        );
    }
}
