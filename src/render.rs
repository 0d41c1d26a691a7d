//! Typst as a library: a sealed, memory-only world, compilation and PDF export.
//!
//! The world serves exactly three kinds of file: the templates and fonts compiled into the binary, and the
//! document's data as `/data.json`. There is no file system, no network and no package: a template bug cannot read
//! `/etc/passwd`, and a data value is a JSON string, never Typst source, so `#read(..)` in a field prints literally.
//! Fonts and parsed templates are built once per process ([`Engine`]) and shared by every document.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult, PackageError, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::derive::Report;

/// The templates, by virtual path. Listed explicitly (a test checks the list against `typst-templates/`).
pub const TEMPLATES: &[(&str, &str)] = &[
    ("/main.typ", include_str!("../typst-templates/main.typ")),
    (
        "/lib/style.typ",
        include_str!("../typst-templates/lib/style.typ"),
    ),
    (
        "/lib/forms.typ",
        include_str!("../typst-templates/lib/forms.typ"),
    ),
    (
        "/parts/title.typ",
        include_str!("../typst-templates/parts/title.typ"),
    ),
    (
        "/parts/contents.typ",
        include_str!("../typst-templates/parts/contents.typ"),
    ),
    (
        "/parts/narrative.typ",
        include_str!("../typst-templates/parts/narrative.typ"),
    ),
    (
        "/parts/charts.typ",
        include_str!("../typst-templates/parts/charts.typ"),
    ),
    (
        "/parts/self-evaluation.typ",
        include_str!("../typst-templates/parts/self-evaluation.typ"),
    ),
    (
        "/parts/tables.typ",
        include_str!("../typst-templates/parts/tables.typ"),
    ),
];

/// The fonts, by file name. Listed explicitly (a test checks the list against `fonts/`).
pub const FONTS: &[(&str, &[u8])] = &[
    (
        "FandolSong-Regular.otf",
        include_bytes!("../fonts/FandolSong-Regular.otf"),
    ),
    (
        "FandolSong-Bold.otf",
        include_bytes!("../fonts/FandolSong-Bold.otf"),
    ),
    (
        "FandolHei-Regular.otf",
        include_bytes!("../fonts/FandolHei-Regular.otf"),
    ),
    (
        "FandolHei-Bold.otf",
        include_bytes!("../fonts/FandolHei-Bold.otf"),
    ),
    (
        "FandolFang-Regular.otf",
        include_bytes!("../fonts/FandolFang-Regular.otf"),
    ),
    (
        "FandolKai-Regular.otf",
        include_bytes!("../fonts/FandolKai-Regular.otf"),
    ),
];

/// The virtual path of the document's data.
const DATA_PATH: &str = "/data.json";

/// Errors of the render stage.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the templates failed to compile:\n{0}")]
    Compile(String),
    #[error("PDF export failed:\n{0}")]
    Export(String),
    #[error("cannot serialize the report: {0}")]
    Data(#[from] serde_json::Error),
}

/// Output conformance, spelled as Typst's CLI spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Standard {
    /// Plain PDF 1.7.
    #[value(name = "1.7")]
    Pdf17,
    /// PDF/A-2u: archival, every glyph mapped to Unicode (the default).
    #[value(name = "a-2u")]
    A2u,
    /// PDF/A-3u: archival; allows attached files.
    #[value(name = "a-3u")]
    A3u,
    /// PDF/UA-1: accessible (tagged) PDF.
    #[value(name = "ua-1")]
    Ua1,
    /// PDF/A-2a together with PDF/UA-1.
    #[value(name = "a-2a+ua-1")]
    A2aUa1,
}

impl Standard {
    fn standards(self) -> Vec<PdfStandard> {
        match self {
            Standard::Pdf17 => vec![PdfStandard::V_1_7],
            Standard::A2u => vec![PdfStandard::A_2u],
            Standard::A3u => vec![PdfStandard::A_3u],
            Standard::Ua1 => vec![PdfStandard::Ua_1],
            Standard::A2aUa1 => vec![PdfStandard::A_2a, PdfStandard::Ua_1],
        }
    }
}

/// What is shared by every document a process renders: the font set, the parsed templates, the library.
pub struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sources: HashMap<FileId, Source>,
    main: FileId,
    data: FileId,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("embedded paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Engine {
    pub fn new() -> Self {
        let mut fonts = Vec::new();
        for (_, bytes) in FONTS {
            let data = Bytes::new(*bytes);
            for (index, _) in FontInfo::iter(&data).enumerate() {
                if let Some(font) = Font::new(data.clone(), index as u32) {
                    fonts.push(font);
                }
            }
        }
        let book = FontBook::from_fonts(&fonts);
        let sources = TEMPLATES
            .iter()
            .map(|(path, text)| {
                let id = file_id(path);
                (id, Source::new(id, (*text).to_string()))
            })
            .collect();
        Engine {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(book),
            fonts,
            sources,
            main: file_id("/main.typ"),
            data: file_id(DATA_PATH),
        }
    }

    /// The families of the embedded fonts, as Typst names them.
    pub fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = self.fonts.iter().map(|f| f.info().family.clone()).collect();
        names.dedup();
        names
    }

    /// Compiles a report into pages.
    pub fn compile(&self, report: &Report) -> Result<PagedDocument, RenderError> {
        let json = serde_json::to_vec(report)?;
        let date = report.meta.date_parts;
        let world = DocWorld {
            engine: self,
            data: Bytes::new(json),
            today: Datetime::from_ymd(date[0] as i32, date[1] as u8, date[2] as u8),
        };
        let result = typst::compile::<PagedDocument>(&world);
        // Typst only warns about an unknown font family and falls back: for an official document that is an error.
        let font_warnings: Vec<&SourceDiagnostic> = result
            .warnings
            .iter()
            .filter(|w| w.message.contains("font"))
            .collect();
        let compiled = result
            .output
            .map_err(|errors| RenderError::Compile(describe(&world, &errors)));
        // Evict Typst's memoization caches so memory does not grow with every document rendered.
        typst::comemo::evict(0);
        let document = compiled?;
        if !font_warnings.is_empty() {
            let owned: Vec<SourceDiagnostic> = font_warnings.into_iter().cloned().collect();
            return Err(RenderError::Compile(describe(&world, &owned)));
        }
        Ok(document)
    }

    /// Renders a report to PDF bytes with the given conformance.
    pub fn pdf(&self, report: &Report, standard: Standard) -> Result<Vec<u8>, RenderError> {
        let document = self.compile(report)?;
        let date = report.meta.date_parts;
        let timestamp = Datetime::from_ymd(date[0] as i32, date[1] as u8, date[2] as u8)
            .map(Timestamp::new_utc);
        let options = PdfOptions {
            // A stable identifier from the data, so the same document keeps its PDF id across corrections.
            ident: Smart::Custom(format!("juesuan:{}:{}", report.meta.unit, report.meta.year)),
            creator: Smart::Custom(Some(format!("juesuan {}", env!("CARGO_PKG_VERSION")))),
            timestamp,
            page_ranges: None,
            standards: PdfStandards::new(&standard.standards())
                .map_err(|e| RenderError::Export(e.message().to_string()))?,
            tagged: true,
            pretty: false,
        };
        typst_pdf::pdf(&document, &options)
            .map_err(|errors| RenderError::Export(describe_plain(&errors)))
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

fn describe(world: &DocWorld, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let place = e
                .span
                .id()
                .and_then(|id| {
                    let source = world.source(id).ok()?;
                    let range = world.range(e.span)?;
                    let line = source.lines().byte_to_line(range.start)? + 1;
                    Some(format!(
                        " (typst-templates{}:{line})",
                        id.vpath().get_with_slash()
                    ))
                })
                .unwrap_or_default();
            let level = if e.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let hints: String = e
                .hints
                .iter()
                .map(|h| format!("\n  hint: {}", h.v))
                .collect();
            format!("{level}: {}{place}{hints}", e.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn describe_plain(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let hints: String = e
                .hints
                .iter()
                .map(|h| format!("\n  hint: {}", h.v))
                .collect();
            format!("error: {}{hints}", e.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One document's view of the engine: the shared templates and fonts, plus this document's data and date.
struct DocWorld<'a> {
    engine: &'a Engine,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.book
    }

    fn main(&self) -> FileId {
        self.engine.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        refuse_packages(id)?;
        self.engine
            .sources
            .get(&id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        refuse_packages(id)?;
        if id == self.engine.data {
            return Ok(self.data.clone());
        }
        match self.engine.sources.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.clone())),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The publication date from the data, never the clock: re-renders must be byte-identical.
        self.today
    }
}

fn refuse_packages(id: FileId) -> FileResult<()> {
    match id.root() {
        VirtualRoot::Package(spec) => Err(FileError::Package(PackageError::NotFound(spec.clone()))),
        VirtualRoot::Project => Ok(()),
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed_files(dir: &str) -> Vec<String> {
        fn walk(base: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(base, &path, out);
                } else {
                    out.push(format!("/{}", path.strip_prefix(base).unwrap().display()));
                }
            }
        }
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut out = Vec::new();
        walk(&base, &base, &mut out);
        out.sort();
        out
    }

    #[test]
    fn every_template_in_the_folder_is_embedded() {
        let on_disk: Vec<String> = listed_files("typst-templates")
            .into_iter()
            .filter(|p| p.ends_with(".typ"))
            .collect();
        let mut embedded: Vec<String> = TEMPLATES.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn every_font_in_the_folder_is_embedded() {
        let on_disk: Vec<String> = listed_files("fonts")
            .into_iter()
            .filter(|p| p.ends_with(".otf") || p.ends_with(".ttf"))
            .map(|p| p.trim_start_matches('/').to_string())
            .collect();
        let mut embedded: Vec<String> = FONTS.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn the_world_serves_nothing_else() {
        let engine = Engine::new();
        let world = DocWorld {
            engine: &engine,
            data: Bytes::new(b"{}".to_vec()),
            today: None,
        };
        for path in ["/etc/passwd", "/data.toml", "/fonts/FandolSong-Regular.otf"] {
            assert!(
                world.file(file_id(path)).is_err(),
                "{path} must not be served"
            );
        }
        assert!(world.file(file_id("/main.typ")).is_ok());
        assert!(world.file(file_id(DATA_PATH)).is_ok());
    }

    #[test]
    fn the_fonts_have_the_families_the_templates_name() {
        let families = Engine::new().families();
        for family in ["FandolSong", "FandolHei", "FandolKai", "FandolFang R"] {
            assert!(
                families.iter().any(|f| f == family),
                "{family} in {families:?}"
            );
        }
    }
}
