//! Which font draws which style of the document, and the official fonts an office adds.
//!
//! The binary embeds the Fandol family as stand-ins for the official typefaces (方正小标宋, 黑体, 楷体, 仿宋, 宋体).
//! An office that has the official fonts adds their files with `--font-path DIR`; each style is then drawn by the
//! first of its official families that is available, or by the family `[fonts]` in document.toml names — and by
//! the embedded Fandol face when the named one is absent, with a warning naming the substitute.
//!
//! The templates take the family names from the report (`meta.fonts`, see [`StyleMap`]), never from constants.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use typst::foundations::Bytes;
use typst::text::Font;

use crate::diag::{Diagnostic, FileId};
use crate::glyphs::StyleFont;
use crate::model::Text;
use crate::render::Engine;
use crate::rule::Rule;

/// A typographic style of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// The title line (GB/T 9704: 小标宋, 2号).
    Title,
    /// 一级标题 (黑体).
    Heading1,
    /// 二级标题 (楷体).
    Heading2,
    /// 正文 and 三级标题 (仿宋).
    Body,
    /// Tables, forms and page numbers (宋体).
    Table,
}

impl Style {
    pub const ALL: [Style; 5] = [
        Style::Title,
        Style::Heading1,
        Style::Heading2,
        Style::Body,
        Style::Table,
    ];

    /// The key in `[fonts]` of document.toml and in the report's `meta.fonts`.
    pub fn key(self) -> &'static str {
        match self {
            Style::Title => "title",
            Style::Heading1 => "heading1",
            Style::Heading2 => "heading2",
            Style::Body => "body",
            Style::Table => "table",
        }
    }

    /// The style as an office calls it, with the typeface it asks for.
    pub fn label(self) -> &'static str {
        match self {
            Style::Title => "标题 小标宋",
            Style::Heading1 => "一级标题 黑体",
            Style::Heading2 => "二级标题 楷体",
            Style::Body => "正文 仿宋",
            Style::Table => "表格 宋体",
        }
    }

    /// The embedded Fandol family that stands in for the official typeface.
    pub fn embedded(self) -> &'static str {
        match self {
            Style::Title | Style::Table => "FandolSong",
            Style::Heading1 => "FandolHei",
            Style::Heading2 => "FandolKai",
            Style::Body => "FandolFang R",
        }
    }

    /// The official families for the style, most wanted first, under the names the fonts carry (Chinese and
    /// English). The first one available draws the style when document.toml names none.
    pub fn official(self) -> &'static [&'static str] {
        match self {
            Style::Title => &[
                "方正小标宋简体",
                "方正小标宋_GBK",
                "FZXiaoBiaoSong-B05S",
                "FZXiaoBiaoSong-B05",
            ],
            Style::Heading1 => &["黑体", "SimHei"],
            Style::Heading2 => &["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"],
            Style::Body => &["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"],
            Style::Table => &["宋体", "SimSun"],
        }
    }
}

/// The family that draws each style, as the templates read it (`meta.fonts.body` …). Family names are Typst's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StyleMap {
    pub title: String,
    /// "bold" when the title is drawn by the embedded FandolSong (its Bold face stands in for 小标宋), "regular"
    /// for any other family: 方正小标宋 is a heavy design at its regular weight and has no bold face.
    pub title_weight: &'static str,
    pub heading1: String,
    pub heading2: String,
    pub body: String,
    pub table: String,
}

impl Default for StyleMap {
    /// The embedded Fandol fonts.
    fn default() -> Self {
        let mut map = StyleMap {
            title: String::new(),
            title_weight: "bold",
            heading1: String::new(),
            heading2: String::new(),
            body: String::new(),
            table: String::new(),
        };
        for style in Style::ALL {
            map.set(style, style.embedded().to_string());
        }
        map
    }
}

impl StyleMap {
    pub fn family(&self, style: Style) -> &str {
        match style {
            Style::Title => &self.title,
            Style::Heading1 => &self.heading1,
            Style::Heading2 => &self.heading2,
            Style::Body => &self.body,
            Style::Table => &self.table,
        }
    }

    fn set(&mut self, style: Style, family: String) {
        if style == Style::Title {
            self.title_weight = if family == Style::Title.embedded() {
                "bold"
            } else {
                "regular"
            };
        }
        match style {
            Style::Title => self.title = family,
            Style::Heading1 => self.heading1 = family,
            Style::Heading2 => self.heading2 = family,
            Style::Body => self.body = family,
            Style::Table => self.table = family,
        }
    }

    /// The fonts the glyph check asks about: each style's family, in the face the templates use.
    pub fn style_fonts(&self) -> Vec<StyleFont> {
        Style::ALL
            .iter()
            .map(|&style| StyleFont {
                style: style.label(),
                family: self.family(style).to_string(),
                bold: style == Style::Title && self.title_weight == "bold",
            })
            .collect()
    }
}

/// `[fonts]` in document.toml: the family that draws each style, by any of its names (`仿宋_GB2312`,
/// `FangSong_GB2312`). A style left out takes the first official family available, else the embedded one.
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FontChoice {
    /// 标题的字体，如“方正小标宋简体”。
    pub title: Option<Text>,
    /// 一级标题的字体，如“黑体”。
    pub heading1: Option<Text>,
    /// 二级标题的字体，如“楷体_GB2312”。
    pub heading2: Option<Text>,
    /// 正文的字体，如“仿宋_GB2312”。
    pub body: Option<Text>,
    /// 表格的字体，如“仿宋_GB2312”。
    pub table: Option<Text>,
}

impl FontChoice {
    fn get(&self, style: Style) -> Option<&Text> {
        match style {
            Style::Title => self.title.as_ref(),
            Style::Heading1 => self.heading1.as_ref(),
            Style::Heading2 => self.heading2.as_ref(),
            Style::Body => self.body.as_ref(),
            Style::Table => self.table.as_ref(),
        }
        .filter(|t| !t.value.trim().is_empty())
    }
}

/// Decides the family of every style for one document; a family named in document.toml (`file`) that no loaded
/// font has is a `font-substituted` warning at its place, and the embedded face draws the style.
pub fn resolve(
    choice: &FontChoice,
    engine: &Engine,
    file: Option<FileId>,
) -> (StyleMap, Vec<Diagnostic>) {
    let mut map = StyleMap::default();
    let mut warnings = Vec::new();
    for style in Style::ALL {
        let family = match choice.get(style) {
            Some(named) => match engine.resolve_family(named.value.trim()) {
                Some(family) => family,
                None => {
                    let mut d = Diagnostic::new(
                        Rule::FontSubstituted,
                        crate::tr!(
                            "font-substituted",
                            style = style.label(),
                            font = named.value.trim(),
                            embedded = style.embedded()
                        ),
                    );
                    if let Some(file) = file {
                        d = d.at(
                            file,
                            named.span.clone(),
                            crate::tr!("font-substituted-label", embedded = style.embedded()),
                        );
                    }
                    warnings.push(d.note(crate::tr!("font-substituted-note")));
                    style.embedded().to_string()
                }
            },
            None => style
                .official()
                .iter()
                .find_map(|name| engine.resolve_family(name))
                .unwrap_or_else(|| style.embedded().to_string()),
        };
        map.set(style, family);
    }
    (map, warnings)
}

/// Font files added from folders, with every name each family is known by.
#[derive(Default)]
pub struct AddedFonts {
    pub fonts: Vec<Font>,
    /// Lowercased family name in any language (黑体, simhei) → the family as Typst names it (SimHei).
    pub aliases: HashMap<String, String>,
    /// Where each added family came from, for `juesuan fonts`.
    pub files: HashMap<String, PathBuf>,
    /// The other names of each added family as the font writes them (文鼎ＰＬ简中楷), for `juesuan fonts`.
    pub names: HashMap<String, Vec<String>>,
    /// Files that looked like fonts but could not be read (reported, not fatal).
    pub skipped: Vec<String>,
}

/// Why the font folders could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FontPathError {
    #[error("cannot read the font folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("--font-path {0}: not a folder")]
    NotAFolder(PathBuf),
}

/// A font file larger than this is skipped: the largest CJK collections are well under it.
const MAX_FONT_BYTES: u64 = 256 * 1024 * 1024;
/// Sub-folders are searched this deep (links to folders are not followed, so there are no cycles).
const MAX_DEPTH: usize = 8;

/// Reads every font file (.ttf, .otf, .ttc, .otc) in the folders and their sub-folders.
pub fn load_folders(folders: &[PathBuf]) -> Result<AddedFonts, FontPathError> {
    let mut added = AddedFonts::default();
    for folder in folders {
        let meta = std::fs::metadata(folder).map_err(|source| FontPathError::Folder {
            path: folder.clone(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(FontPathError::NotAFolder(folder.clone()));
        }
        let mut files = Vec::new();
        collect_font_files(folder, 0, &mut files)?;
        // A stable order: the same folders give the same font book, so the same PDF.
        files.sort();
        for file in files {
            add_file(&file, &mut added);
        }
    }
    Ok(added)
}

fn collect_font_files(
    dir: &Path,
    depth: usize,
    out: &mut Vec<PathBuf>,
) -> Result<(), FontPathError> {
    let entries = std::fs::read_dir(dir).map_err(|source| FontPathError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth < MAX_DEPTH {
                collect_font_files(&path, depth + 1, out)?;
            }
        } else if is_font_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_font_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "ttf" | "otf" | "ttc" | "otc"
        )
    })
}

fn add_file(path: &Path, added: &mut AddedFonts) {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FONT_BYTES {
        added.skipped.push(format!(
            "{}: {size} bytes is too large for a font",
            path.display()
        ));
        return;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            added.skipped.push(format!("{}: {e}", path.display()));
            return;
        }
    };
    let faces = ttf_parser::fonts_in_collection(&bytes).unwrap_or(1);
    let data = Bytes::new(bytes);
    let mut any = false;
    for index in 0..faces {
        let Some(font) = Font::new(data.clone(), index) else {
            continue;
        };
        let family = font.info().family.clone();
        if let Ok(face) = ttf_parser::Face::parse(&data, index) {
            for name in face.names() {
                // 1: family, 16: typographic family; in every language the font carries.
                if matches!(name.name_id, 1 | 16)
                    && let Some(alias) = name.to_string()
                {
                    let alias = alias.trim().to_string();
                    added
                        .aliases
                        .entry(alias.to_lowercase())
                        .or_insert_with(|| family.clone());
                    let names = added.names.entry(family.clone()).or_default();
                    if alias != family && !names.contains(&alias) {
                        names.push(alias);
                    }
                }
            }
        }
        added
            .aliases
            .entry(family.to_lowercase())
            .or_insert_with(|| family.clone());
        added
            .files
            .entry(family)
            .or_insert_with(|| path.to_path_buf());
        added.fonts.push(font);
        any = true;
    }
    if !any {
        added.skipped.push(format!(
            "{}: not a font Typst can read (WOFF and WOFF2 are not)",
            path.display()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Located;

    fn named(family: &str) -> Option<Text> {
        Some(Located {
            value: family.to_string(),
            span: 0..family.len(),
        })
    }

    #[test]
    fn without_added_fonts_every_style_is_drawn_by_fandol_without_a_warning() {
        let (map, warnings) = resolve(&FontChoice::default(), Engine::embedded(), None);
        assert_eq!(map, StyleMap::default());
        assert_eq!(map.body, "FandolFang R");
        assert_eq!(map.title, "FandolSong");
        assert_eq!(map.title_weight, "bold");
        assert!(warnings.is_empty());
    }

    #[test]
    fn an_absent_family_falls_back_to_fandol_with_a_warning_naming_the_substitute() {
        let choice = FontChoice {
            body: named("仿宋_GB2312"),
            heading1: named("FandolHei"),
            ..FontChoice::default()
        };
        let (map, warnings) = resolve(&choice, Engine::embedded(), None);
        assert_eq!(map.body, "FandolFang R");
        assert_eq!(map.heading1, "FandolHei");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].rule, Rule::FontSubstituted);
        assert!(
            warnings[0].message.contains("仿宋_GB2312"),
            "{}",
            warnings[0].message
        );
        assert!(
            warnings[0].message.contains("FandolFang R"),
            "{}",
            warnings[0].message
        );
        assert!(!warnings[0].is_error());
    }

    #[test]
    fn a_family_is_found_whatever_its_case() {
        let choice = FontChoice {
            table: named("fandolkai"),
            ..FontChoice::default()
        };
        let (map, warnings) = resolve(&choice, Engine::embedded(), None);
        assert_eq!(map.table, "FandolKai");
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_title_in_another_family_is_set_at_its_regular_weight() {
        let choice = FontChoice {
            title: named("FandolHei"),
            ..FontChoice::default()
        };
        let (map, _) = resolve(&choice, Engine::embedded(), None);
        assert_eq!(map.title_weight, "regular");
        assert!(map.style_fonts().iter().all(|s| !s.bold));
    }

    #[test]
    fn font_folders_are_read_with_every_family_name() {
        // The embedded fonts stand in for an office's folder: copied under other names, into a sub-folder.
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("official");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("kai.OTF"), crate::render::FONTS[5].1).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a font").unwrap();
        std::fs::write(dir.path().join("broken.ttf"), "not a font either").unwrap();
        let added = load_folders(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(added.fonts.len(), 1);
        assert_eq!(
            added.aliases.get("fandolkai").map(String::as_str),
            Some("FandolKai")
        );
        assert_eq!(added.skipped.len(), 1, "{:?}", added.skipped);
        assert!(added.skipped[0].contains("broken.ttf"));
    }

    #[test]
    fn a_font_path_that_is_not_a_folder_is_an_error() {
        let file = tempfile::NamedTempFile::new().unwrap();
        assert!(matches!(
            load_folders(&[file.path().to_path_buf()]),
            Err(FontPathError::NotAFolder(_))
        ));
        assert!(load_folders(&[PathBuf::from("/no/such/folder")]).is_err());
    }
}
