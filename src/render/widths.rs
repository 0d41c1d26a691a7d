//! How wide each table cell's text is, so that the template can give a row that surely fits on one line a fixed
//! height. Typst sizes an `auto` row by laying out every cell in it, then lays the cells out again at the row's
//! height; a row of fixed height is laid out once. That halves the time Typst spends on the nine 公开表
//! (`typst compile --timings` on the source document: `layout_table` 135–188 → 75–84 ms), for the same pages: a
//! one-line row is exactly one line high either way (a test renders rows of every length both ways).
//!
//! A width here is an upper bound of what Typst sets on one line, in em of the table font: the sum of the glyphs'
//! advances (as the font's `hmtx` gives them), Typst's quarter em between Han and Latin (`cjk-latin-spacing`), and
//! a small margin. A wrong bound would let a long name overflow its cell, so where there is doubt (a font whose
//! kerning or substitutions could widen the text, a character the font lacks, a line break) there is no bound and
//! Typst measures the row itself.

use unicode_script::{Script, UnicodeScript};

use super::Engine;

/// Typst's `cjk-latin-spacing` (on by default): a quarter em between a Chinese or Japanese character and a Latin
/// letter or digit ([`spaced`]).
const CJK_LATIN_SPACING: f64 = 0.25;

/// Headroom over the advances, for rounding: fonts whose shaping could widen a run are not measured at all.
const MARGIN: f64 = 1.02;

/// The font that draws the tables, to bound its cells' widths with ([`CellWidths`]).
pub struct TableFont {
    font: typst::text::Font,
}

impl TableFont {
    /// The regular face of `family`, the family that draws the tables; `None` when the engine has no such family.
    pub fn new(engine: &Engine, family: &str) -> Option<TableFont> {
        engine.regular_face(family).map(|font| TableFont { font })
    }

    /// The cell widths in this font; `None` when its kerning or substitutions could widen text (Typst then
    /// measures every row).
    pub fn widths(&self) -> Option<CellWidths<'_>> {
        let face = ttf_parser::Face::parse(self.font.data(), self.font.index()).ok()?;
        (!shaping_may_widen(&face)).then_some(CellWidths { face })
    }
}

/// Bounds of table cells' widths in one font.
pub struct CellWidths<'f> {
    face: ttf_parser::Face<'f>,
}

impl CellWidths<'_> {
    /// How wide `text` is set on one line, in em (an upper bound, to the next hundredth); `None` where it cannot
    /// be bounded.
    pub fn width(&self, text: &str) -> Option<f32> {
        text_width_em(&self.face, text).map(round_up)
    }
}

/// The width of `text` set on one line in the font `face`, in em, at least as wide as Typst sets it; `None` if a
/// character has no glyph in the font (Typst would take it from another font) or is a control character (a line
/// break).
fn text_width_em(face: &ttf_parser::Face, text: &str) -> Option<f64> {
    let units_per_em = f64::from(face.units_per_em());
    let mut width = 0.0;
    let mut previous = None;
    for c in text.chars() {
        if c.is_control() {
            return None;
        }
        let glyph = face.glyph_index(c)?;
        width += f64::from(face.glyph_hor_advance(glyph)?) / units_per_em;
        if previous.is_some_and(|p| spaced(p, c)) {
            width += CJK_LATIN_SPACING;
        }
        previous = Some(c);
    }
    Some(width * MARGIN)
}

/// Whether shaping may set this font's text wider than the sum of its advances: kerning (a `kern` table, GPOS `kern`
/// or `dist`) or substitutions HarfBuzz applies by default or Typst asks for here (ligatures, contextual forms,
/// localized forms, tabular figures). The embedded Fandol fonts have none of these; for a font that has, the rows
/// are left to Typst.
fn shaping_may_widen(face: &ttf_parser::Face) -> bool {
    const POSITIONING: [&[u8; 4]; 2] = [b"kern", b"dist"];
    const SUBSTITUTION: [&[u8; 4]; 8] = [
        b"liga", b"clig", b"calt", b"rlig", b"rclt", b"ccmp", b"locl", b"tnum",
    ];
    let has = |table: Option<ttf_parser::opentype_layout::LayoutTable>, tags: &[&[u8; 4]]| {
        table.is_some_and(|table| {
            table.features.into_iter().any(|feature| {
                tags.iter()
                    .any(|tag| feature.tag == ttf_parser::Tag::from_bytes(tag))
            })
        })
    };
    let tables = face.tables();
    tables.kern.is_some() || has(tables.gpos, &POSITIONING) || has(tables.gsub, &SUBSTITUTION)
}

/// Whether Typst puts its CJK–Latin space between `a` and `b`: one is Chinese or Japanese, the other a Latin, Greek
/// or Cyrillic letter (full-width ones too), an ASCII digit or one of `#$%&` (typst-layout's `add_cjk_latin_spacing`).
fn spaced(a: char, b: char) -> bool {
    let cj = |c: char| {
        matches!(
            c.script(),
            Script::Han | Script::Hiragana | Script::Katakana
        ) || c == '\u{30FC}'
    };
    let latin = |c: char| {
        matches!(c.script(), Script::Latin | Script::Greek | Script::Cyrillic)
            || matches!(c, '#' | '$' | '%' | '&')
            || c.is_ascii_digit()
    };
    (cj(a) && latin(b)) || (latin(a) && cj(b))
}

/// Up to the next hundredth of an em, so the JSON stays short and the bound stays a bound.
fn round_up(em: f64) -> f32 {
    ((em * 100.0).ceil() / 100.0) as f32
}

impl Engine {
    /// The regular face of `family` (any case), as the templates select it.
    fn regular_face(&self, family: &str) -> Option<typst::text::Font> {
        self.fonts.get(self.select(family, false)?).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn song() -> ttf_parser::Face<'static> {
        let (_, data) = crate::render::FONTS
            .iter()
            .find(|(name, _)| *name == "FandolSong-Regular.otf")
            .expect("FandolSong is embedded");
        ttf_parser::Face::parse(data, 0).expect("FandolSong parses")
    }

    #[test]
    fn the_embedded_table_font_is_set_by_its_advances() {
        // FandolSong's only GPOS features (halt, vhal, cpct, …) are ones Typst does not ask for.
        assert!(!shaping_may_widen(&song()));
    }

    #[test]
    fn han_is_one_em_and_digits_half_an_em_in_fandol_song() {
        let font = song();
        let width = |t| text_width_em(&font, t).expect("FandolSong has every glyph");
        assert!((width("社会保障和就业支出") - 9.0 * MARGIN).abs() < 1e-9);
        // Two ten-digit amounts are as wide, whatever the digits.
        assert_eq!(width("1,061.38"), width("9,999.99"));
        assert!((width("0000") - 2.0 * MARGIN).abs() < 1e-9);
    }

    #[test]
    fn a_quarter_em_between_han_and_latin() {
        let font = song();
        let width = |t| text_width_em(&font, t).expect("FandolSong has every glyph");
        let spacing = CJK_LATIN_SPACING * MARGIN;
        let alone = width("年") + width("2020");
        assert!((width("2020年") - alone - spacing).abs() < 1e-9);
        assert!((width("年2020年") - width("年") - alone - 2.0 * spacing).abs() < 1e-9);
        // A full-width Latin letter is Latin to Typst; full-width digits and punctuation are not.
        assert!((width("年Ａ") - width("年") - width("Ａ") - spacing).abs() < 1e-9);
        assert!((width("年２") - width("年") - width("２")).abs() < 1e-9);
        assert!((width("年，A") - width("年，") - width("A")).abs() < 1e-9);
    }

    #[test]
    fn no_bound_where_typst_might_not_set_one_line_in_this_font() {
        let font = song();
        assert_eq!(text_width_em(&font, "一\n二"), None);
        // A private-use character: no glyph in FandolSong, Typst would fall back to another font.
        assert_eq!(text_width_em(&font, "一\u{E000}"), None);
        assert_eq!(text_width_em(&font, ""), Some(0.0));
    }

    #[test]
    fn rounding_up_keeps_a_bound() {
        assert_eq!(round_up(3.001), 3.01);
        assert_eq!(round_up(3.0), 3.0);
        assert!(f64::from(round_up(1.0 / 3.0)) >= 1.0 / 3.0);
    }
}
