//! Exact amounts, rates and scores.
//!
//! Money is a [`Decimal`] from the first byte to the last: a TOML float goes through `f64` and loses digits and
//! trailing zeros, so [`Money`] and [`Points`] re-read the literal text of the value (see [`crate::load`]) and never
//! look at the float. Rounding happens only when a figure is displayed: half-up (四舍五入) to two decimals.

use std::cmp::Ordering;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Deref, Neg, Sub};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A byte range in a data file.
pub type Span = std::ops::Range<usize>;

/// An amount of money in 万元, exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    pub fn new(value: Decimal) -> Self {
        Amount(value)
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn abs(self) -> Amount {
        Amount(self.0.abs())
    }

    /// Number of decimal places the figure was written with (`24.86` → 2, `25` → 0).
    pub fn scale(self) -> u32 {
        self.0.scale()
    }

    /// This amount as a share of `whole`, in percent; `None` when the whole is zero (no share can be stated).
    pub fn share_of(self, whole: Amount) -> Option<Rate> {
        if whole.is_zero() {
            None
        } else {
            Some(Rate(self.0 * Decimal::ONE_HUNDRED / whole.0))
        }
    }

    /// The figure as printed: half-up to two decimals. Wording compares printed figures, so two values that
    /// print the same are never called a change.
    pub fn rounded(self) -> Amount {
        Amount(
            self.0
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// Display form as the tables and the narrative print it: two decimals, half-up, thousands separators.
    pub fn display(self) -> String {
        self.format(NumberStyle::default())
    }

    /// Two decimals, half-up, with thousands separators where the form prints them.
    pub fn format(self, style: NumberStyle) -> String {
        let rounded = self
            .0
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        if style.thousands {
            group_thousands(rounded, 2)
        } else {
            plain(rounded, 2)
        }
    }
}

/// How a form prints amounts and rates: always two decimals, half-up; thousands separators (1,061.38) or not
/// (1061.38), as the form's documents print them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NumberStyle {
    /// Separate thousands with commas.
    #[serde(default = "yes")]
    pub thousands: bool,
    /// Separate thousands in the tables, where they differ from the sentences (default: as `thousands`).
    #[serde(default)]
    pub table_thousands: Option<bool>,
    /// How the sentences print an amount that is zero: `"0.00"` (the default) or `"0"` (0万元).
    #[serde(default)]
    pub zero: ZeroStyle,
    /// The sentences leave out trailing zeros of the decimals (686万元, 57.8万元, 28%), as some documents print
    /// them; the tables always print two decimals.
    #[serde(default)]
    pub trim: bool,
}

/// How a sentence prints a zero amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum ZeroStyle {
    #[default]
    #[serde(rename = "0.00")]
    TwoDecimals,
    #[serde(rename = "0")]
    Bare,
}

fn yes() -> bool {
    true
}

impl Default for NumberStyle {
    fn default() -> Self {
        NumberStyle::STANDARD
    }
}

impl NumberStyle {
    /// Two decimals with thousands separators, everywhere: 1,061.38, 0.00.
    pub const STANDARD: NumberStyle = NumberStyle {
        thousands: true,
        table_thousands: None,
        zero: ZeroStyle::TwoDecimals,
        trim: false,
    };

    /// The style of the tables' cells: two decimals always, separators as the form prints them there.
    pub fn for_tables(self) -> NumberStyle {
        NumberStyle {
            thousands: self.table_thousands.unwrap_or(self.thousands),
            table_thousands: None,
            zero: ZeroStyle::TwoDecimals,
            trim: false,
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

impl FromStr for Amount {
    type Err = NumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_exact(s).map(Amount)
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, rhs: Amount) -> Amount {
        Amount(self.0 + rhs.0)
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, rhs: Amount) -> Amount {
        Amount(self.0 - rhs.0)
    }
}

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Amount> for Amount {
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Amount {
        iter.copied().sum()
    }
}

/// A percentage (49.14 means 49.14%), exact until displayed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rate(Decimal);

impl Rate {
    pub fn new(percent: Decimal) -> Self {
        Rate(percent)
    }

    pub fn percent(self) -> Decimal {
        self.0
    }

    pub fn abs(self) -> Rate {
        Rate(self.0.abs())
    }

    /// Two decimals, half-up, with the percent sign: `49.14%`.
    pub fn display(self) -> String {
        self.format(NumberStyle::default())
    }

    /// Two decimals, half-up, with the percent sign, in the form's number style.
    pub fn format(self, style: NumberStyle) -> String {
        let rounded = self
            .0
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let number = if style.thousands {
            group_thousands(rounded, 2)
        } else {
            plain(rounded, 2)
        };
        format!("{number}%")
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// How a figure moved against last year: the sign decides the wording, never the other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Flat,
}

impl Trend {
    pub fn of(current: Amount, previous: Amount) -> Trend {
        match current.cmp(&previous) {
            Ordering::Greater => Trend::Up,
            Ordering::Less => Trend::Down,
            Ordering::Equal => Trend::Flat,
        }
    }
}

/// Formats an already rounded decimal with exactly `dp` decimals and a comma every three digits.
/// `dp` decimals, no separators; no minus sign on zero.
fn plain(value: Decimal, dp: u32) -> String {
    let mut v = value;
    v.rescale(dp);
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    v.to_string()
}

fn group_thousands(value: Decimal, dp: u32) -> String {
    let mut v = value;
    v.rescale(dp);
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Why a number's text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    NotDecimal(String),
    TooPrecise(String),
    Quoted(String),
    /// The figure as written, and as the document prints it.
    MoreThanCents(String, String),
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            NumberError::NotDecimal(v) => crate::tr!("number-not-decimal", value = v),
            NumberError::TooPrecise(v) => crate::tr!("number-too-precise", value = v),
            NumberError::Quoted(v) => crate::tr!("number-quoted", value = v),
            NumberError::MoreThanCents(v, shown) => {
                crate::tr!("number-more-than-cents", value = v, shown = shown)
            }
        })
    }
}

impl std::error::Error for NumberError {}

/// Parses the literal text of a TOML number exactly: digits, at most one point, an optional sign, `_` separators.
pub fn parse_exact(text: &str) -> Result<Decimal, NumberError> {
    let cleaned: String = text.trim().chars().filter(|&c| c != '_').collect();
    let body = cleaned.strip_prefix(['+', '-']).unwrap_or(&cleaned);
    let plain = !body.is_empty()
        && !body.starts_with('.')
        && !body.ends_with('.')
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1;
    if !plain {
        return Err(NumberError::NotDecimal(text.trim().to_string()));
    }
    let significant = body
        .trim_start_matches(['0', '.'])
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if significant > 28 {
        return Err(NumberError::TooPrecise(text.trim().to_string()));
    }
    let value = Decimal::from_str_exact(&cleaned)
        .map_err(|_| NumberError::TooPrecise(text.trim().to_string()))?;
    // `-0` and `0` are the same figure: keep no negative zero around.
    Ok(if value.is_zero() {
        Decimal::ZERO.trunc_with_scale(value.scale())
    } else {
        value
    })
}

thread_local! {
    /// The text of the TOML file being deserialized; `crate::load` sets it around `toml::from_str`, so a number can
    /// be re-read from its literal text instead of from the lossy `f64` the TOML parser makes of it.
    static SOURCE: std::cell::RefCell<Option<std::rc::Rc<str>>> = const { std::cell::RefCell::new(None) };
    /// The last figure refused while deserializing, so the loader names the rule (`bad-number`) from the error
    /// itself rather than from the words of its message, which are the user's language.
    static REFUSED: std::cell::RefCell<Option<NumberError>> = const { std::cell::RefCell::new(None) };
}

/// Notes `error` as the figure refused and gives it back for serde.
fn refused(error: NumberError) -> NumberError {
    REFUSED.with(|r| *r.borrow_mut() = Some(error.clone()));
    error
}

/// The figure the last deserialization refused, if any (once).
pub(crate) fn take_number_error() -> Option<NumberError> {
    REFUSED.with(|r| r.borrow_mut().take())
}

/// Runs `f` with `text` as the source that exact numbers are re-read from.
pub(crate) fn with_source<R>(text: &str, f: impl FnOnce() -> R) -> R {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            SOURCE.with(|s| *s.borrow_mut() = None);
        }
    }
    SOURCE.with(|s| *s.borrow_mut() = Some(std::rc::Rc::from(text)));
    REFUSED.with(|r| *r.borrow_mut() = None);
    let _reset = Reset;
    f()
}

/// Any TOML scalar a figure might have been written as; only its span is used for numbers.
enum RawNumber {
    Number,
    Text(String),
}

impl<'de> Deserialize<'de> for RawNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E>(self, _: i64) -> Result<RawNumber, E> {
                Ok(RawNumber::Number)
            }
            fn visit_u64<E>(self, _: u64) -> Result<RawNumber, E> {
                Ok(RawNumber::Number)
            }
            fn visit_f64<E>(self, _: f64) -> Result<RawNumber, E> {
                Ok(RawNumber::Number)
            }
            fn visit_str<E>(self, v: &str) -> Result<RawNumber, E> {
                Ok(RawNumber::Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Deserializes a number from its literal source text, with its span.
fn deserialize_exact<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<(Decimal, Span), D::Error> {
    use serde::de::Error;
    let spanned = toml::Spanned::<RawNumber>::deserialize(deserializer)?;
    let span = spanned.span();
    match spanned.into_inner() {
        RawNumber::Text(text) => Err(D::Error::custom(refused(NumberError::Quoted(text)))),
        RawNumber::Number => {
            let literal = SOURCE
                .with(|s| {
                    s.borrow()
                        .as_ref()
                        .and_then(|src| src.get(span.clone()).map(str::to_string))
                })
                .ok_or_else(|| D::Error::custom("internal: number read outside of a data file"))?;
            let value = parse_exact(&literal).map_err(|e| D::Error::custom(refused(e)))?;
            Ok((value, span))
        }
    }
}

/// A money figure from a data file: the exact amount and where it was written.
#[derive(Clone, Debug)]
pub struct Money {
    pub amount: Amount,
    pub span: Span,
}

impl Money {
    /// A figure made in code (e.g. a scaffold); it points nowhere in a file.
    pub fn synthetic(amount: Amount) -> Self {
        Money { amount, span: 0..0 }
    }
}

impl Deref for Money {
    type Target = Amount;
    fn deref(&self) -> &Amount {
        &self.amount
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let (value, span) = deserialize_exact(deserializer)?;
        // Money is printed with two decimals (万元, or 元 and 分); more would make a printed rate disagree with the
        // printed figures.
        if value.normalize().scale() > 2 {
            let shown = Amount(value).rounded().decimal().to_string();
            return Err(D::Error::custom(refused(NumberError::MoreThanCents(
                value.to_string(),
                shown,
            ))));
        }
        Ok(Money {
            amount: Amount(value),
            span,
        })
    }
}

/// A figure serializes as its exact decimal, as a string: JSON numbers are floats ([`crate::figures`] reads it back).
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.amount.decimal().to_string())
    }
}

/// A money figure in 元, as the 预算 tables state them: a [`Money`] whose unit is 元, not 万元. The sentences speak
/// in 万元: [`Yuan::wan`].
#[derive(Clone, Debug)]
pub struct Yuan(pub Money);

impl Yuan {
    /// The figure in 万元, exact (rounded only where it is printed).
    pub fn wan(&self) -> Amount {
        Amount(self.0.amount.0 / Decimal::from(10_000))
    }
}

impl Deref for Yuan {
    type Target = Money;
    fn deref(&self) -> &Money {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Yuan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Money::deserialize(deserializer).map(Yuan)
    }
}

impl Serialize for Yuan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A score or weight from a performance self-evaluation (points out of 100), exact, with its span.
#[derive(Clone, Debug)]
pub struct Points {
    pub value: Decimal,
    pub span: Span,
}

impl Points {
    /// Scores print as written in the forms: up to two decimals, no trailing zeros (`10`, `9.94`).
    pub fn display(value: Decimal) -> String {
        value
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
            .to_string()
    }
}

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (value, span) = deserialize_exact(deserializer)?;
        Ok(Points { value, span })
    }
}

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.value.to_string())
    }
}

/// Any value from a data file together with where it was written.
#[derive(Clone, Debug)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// Where a value was written is not part of it.
impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::<T>::deserialize(deserializer)?;
        let span = spanned.span();
        Ok(Located {
            value: spanned.into_inner(),
            span,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amt(s: &str) -> Amount {
        s.parse().unwrap()
    }

    #[test]
    fn display_has_two_decimals_and_thousands_separators() {
        assert_eq!(amt("1061.38").display(), "1,061.38");
        assert_eq!(amt("349.7").display(), "349.70");
        assert_eq!(amt("0").display(), "0.00");
        assert_eq!(amt("88").display(), "88.00");
        assert_eq!(amt("1234567.891").display(), "1,234,567.89");
        assert_eq!(amt("-4194.89").display(), "-4,194.89");
        assert_eq!(amt("999.995").display(), "1,000.00");
    }

    #[test]
    fn rounding_is_half_up_at_display_only() {
        assert_eq!(amt("0.005").display(), "0.01");
        assert_eq!(amt("0.004999").display(), "0.00");
        assert_eq!(amt("2.675").display(), "2.68");
        assert_eq!(amt("-2.675").display(), "-2.68");
        // the sum keeps every digit: no rounding on the way
        assert_eq!((amt("0.004") + amt("0.004")).decimal().to_string(), "0.008");
    }

    #[test]
    fn shares_are_exact_until_displayed() {
        assert_eq!(
            amt("934.31").share_of(amt("1061.38")).unwrap().display(),
            "88.03%"
        );
        assert_eq!(
            amt("0.62").share_of(amt("1061.38")).unwrap().display(),
            "0.06%"
        );
        assert_eq!(
            amt("349.7").share_of(amt("711.68")).unwrap().display(),
            "49.14%"
        );
        assert_eq!(amt("1").share_of(amt("1")).unwrap().display(), "100.00%");
        assert_eq!(amt("1").share_of(Amount::ZERO), None);
    }

    #[test]
    fn trend_follows_the_sign() {
        assert_eq!(Trend::of(amt("2"), amt("1")), Trend::Up);
        assert_eq!(Trend::of(amt("1"), amt("2")), Trend::Down);
        assert_eq!(Trend::of(amt("1.00"), amt("1")), Trend::Flat);
    }

    #[test]
    fn parse_exact_accepts_plain_decimals_only() {
        assert_eq!(parse_exact("1061.38").unwrap().to_string(), "1061.38");
        assert_eq!(parse_exact("1234.50").unwrap().to_string(), "1234.50");
        assert_eq!(parse_exact("1_000.5").unwrap().to_string(), "1000.5");
        assert_eq!(
            parse_exact("12345678901234.567").unwrap().to_string(),
            "12345678901234.567"
        );
        assert_eq!(parse_exact("-0").unwrap(), Decimal::ZERO);
        assert!(!parse_exact("-0.00").unwrap().is_sign_negative());
        for bad in [
            "1e30", "1E3", "inf", "nan", "+inf", "1,234.00", "", ".5", "5.", "0x10", "1.2.3",
        ] {
            assert!(parse_exact(bad).is_err(), "{bad} should be refused");
        }
        assert!(matches!(
            parse_exact("123456789012345678901234567890"),
            Err(NumberError::TooPrecise(_))
        ));
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        a: Money,
        b: Money,
        p: Points,
    }

    fn read(text: &str) -> Result<Doc, toml::de::Error> {
        with_source(text, || toml::from_str(text))
    }

    #[test]
    fn figures_are_reread_from_their_text() {
        // beyond an f64's 15–16 significant digits
        let text = "a = 123456789012345.67\nb = 1234.50\np = 9.94\n";
        let doc = read(text).unwrap();
        assert_eq!(doc.a.decimal().to_string(), "123456789012345.67");
        assert_eq!(doc.b.decimal().to_string(), "1234.50");
        assert_eq!(doc.p.value.to_string(), "9.94");
        assert_eq!(&text[doc.b.span.clone()], "1234.50");
    }

    #[test]
    fn money_with_more_than_two_decimals_is_refused() {
        let err = read("a = 1.305\nb = 1\np = 1\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("`1.305` has more than two decimals"),
            "{err}"
        );
        assert!(err.to_string().contains("write 1.31"), "{err}");
        assert!(read("a = 1.300\nb = 1\np = 1\n").is_ok());
    }

    #[test]
    fn quoted_and_exponent_figures_are_refused() {
        let err = read("a = \"1,234.00\"\nb = 1\np = 1\n").unwrap_err();
        assert!(err.to_string().contains("not strings"), "{err}");
        assert!(read("a = 1e30\nb = 1\np = 1\n").is_err());
        assert!(read("a = nan\nb = 1\np = 1\n").is_err());
        assert!(read("a = inf\nb = 1\np = 1\n").is_err());
    }

    #[test]
    fn points_print_without_trailing_zeros() {
        assert_eq!(Points::display(Decimal::from_str("10.00").unwrap()), "10");
        assert_eq!(Points::display(Decimal::from_str("9.944").unwrap()), "9.94");
        assert_eq!(
            Points::display(Decimal::from_str("96.9400").unwrap()),
            "96.94"
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// An amount as a form carries it: up to 15 integer digits and 0–4 decimals, either sign.
    fn amount() -> impl Strategy<Value = Decimal> {
        (-999_999_999_999_999i64..=999_999_999_999_999, 0u32..=4)
            .prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
    }

    fn half_up(value: Decimal) -> Decimal {
        value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    }

    /// Checks the printed form: optional minus, 1–3 digits then groups of exactly three, a point, two decimals.
    fn well_grouped(printed: &str) -> bool {
        let body = printed.strip_prefix('-').unwrap_or(printed);
        let Some((int, frac)) = body.split_once('.') else {
            return false;
        };
        let groups: Vec<&str> = int.split(',').collect();
        frac.len() == 2
            && frac.bytes().all(|b| b.is_ascii_digit())
            && (1..=3).contains(&groups[0].len())
            && (groups[0] == "0" || !groups[0].starts_with('0'))
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
    }

    proptest! {
        #[test]
        fn parsing_the_written_text_gives_the_exact_value_back(value in amount()) {
            let parsed = parse_exact(&value.to_string()).unwrap();
            prop_assert_eq!(parsed, value);
            // the scale is kept: 1234.50 stays 1234.50
            prop_assert_eq!(parsed.to_string(), value.to_string());
        }

        #[test]
        fn the_displayed_figure_reads_back_as_the_value_rounded_half_up(value in amount()) {
            let printed = Amount::new(value).display();
            prop_assert!(well_grouped(&printed), "{printed}");
            let reread = parse_exact(&printed.replace(',', "")).unwrap();
            prop_assert_eq!(reread, half_up(value));
            prop_assert_eq!(printed.starts_with('-'), half_up(value) < Decimal::ZERO, "{}", printed);
        }

        #[test]
        fn a_figure_at_two_decimals_round_trips_through_display(cents in -999_999_999_999_999i64..=999_999_999_999_999) {
            let value = Decimal::new(cents, 2);
            let printed = Amount::new(value).display();
            prop_assert_eq!(parse_exact(&printed.replace(',', "")).unwrap().to_string(), value.to_string());
        }

        #[test]
        fn a_five_in_the_third_decimal_rounds_away_from_zero(cents in 0i64..=99_999_999_999, negative: bool) {
            // n.xx5 → n.xx + 0.01 (四舍五入), and symmetrically below zero
            let sign = if negative { -1 } else { 1 };
            let value = Decimal::new(sign * (cents * 10 + 5), 3);
            let expected = Decimal::new(sign * (cents + 1), 2);
            prop_assert_eq!(parse_exact(&Amount::new(value).display().replace(',', "")).unwrap(), expected);
            // and anything below the five rounds down
            let below = Decimal::new(sign * (cents * 10 + 4), 3) + Decimal::new(sign * 999, 6);
            let expected_below = Decimal::new(sign * cents, 2);
            prop_assert_eq!(parse_exact(&Amount::new(below).display().replace(',', "")).unwrap(), expected_below);
        }

        #[test]
        fn a_separator_every_three_digits(int in 0u64..=999_999_999_999_999) {
            let printed = Amount::new(Decimal::from(int)).display();
            let digits = int.to_string();
            let expected_commas = (digits.len() - 1) / 3;
            prop_assert_eq!(printed.matches(',').count(), expected_commas, "{}", printed);
            prop_assert!(well_grouped(&printed), "{}", printed);
            prop_assert_eq!(printed.replace(',', ""), format!("{digits}.00"));
        }

        #[test]
        fn a_rate_prints_like_an_amount_with_a_percent_sign(value in amount()) {
            let printed = Rate::new(value).display();
            let number = printed.strip_suffix('%').unwrap();
            prop_assert_eq!(number, Amount::new(value).display());
        }

        #[test]
        fn negative_zero_is_folded(zeros in 1usize..10, decimals in 0usize..5) {
            let text = if decimals == 0 {
                format!("-{}", "0".repeat(zeros))
            } else {
                format!("-{}.{}", "0".repeat(zeros), "0".repeat(decimals))
            };
            let value = parse_exact(&text).unwrap();
            prop_assert!(value.is_zero() && !value.is_sign_negative(), "{text}");
            let printed = Amount::new(value).display();
            prop_assert!(!printed.starts_with('-'), "{}", printed);
        }

        #[test]
        fn number_like_text_is_parsed_exactly_or_refused(
            chars in proptest::collection::vec(
                proptest::sample::select(vec!['0', '1', '5', '9', '.', '-', '+', '_', 'e', 'E', ',', ' ', 'n', 'a', 'i', 'f', '٣']),
                0..16,
            )
        ) {
            let text: String = chars.into_iter().collect();
            if let Ok(value) = parse_exact(&text) {
                // what is accepted is a plain decimal (sign, digits, one point, underscores), read exactly
                let cleaned = text.trim().replace('_', "");
                let body = cleaned.strip_prefix(['+', '-']).unwrap_or(&cleaned);
                prop_assert!(!body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == '.'), "{text:?}");
                prop_assert_eq!(value, Decimal::from_str_exact(&cleaned).unwrap(), "{:?}", text);
            }
        }

        #[test]
        fn any_text_is_parsed_or_refused_without_panicking(text in any::<String>()) {
            let _ = parse_exact(&text);
        }

        #[test]
        fn exponents_and_words_are_refused(mantissa in 1u32..1000, exponent in 0u32..40, upper: bool) {
            let e = if upper { 'E' } else { 'e' };
            let plain = format!("{mantissa}{e}{exponent}");
            let fraction = format!("{mantissa}.5{e}-{exponent}");
            prop_assert!(parse_exact(&plain).is_err(), "{}", plain);
            prop_assert!(parse_exact(&fraction).is_err(), "{}", fraction);
        }

        #[test]
        fn more_than_28_significant_digits_are_refused(extra in 1usize..40, lead in 1u8..=9) {
            let text = format!("{lead}{}", "1".repeat(28 + extra - 1));
            prop_assert!(matches!(parse_exact(&text), Err(NumberError::TooPrecise(_))), "{}", text);
            let fraction = format!("0.{lead}{}", "1".repeat(28 + extra - 1));
            prop_assert!(matches!(parse_exact(&fraction), Err(NumberError::TooPrecise(_))), "{}", fraction);
        }
    }
}
