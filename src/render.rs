//! Typst as a library: a sealed, memory-only world, compilation and PDF export.
//!
//! The world serves exactly four kinds of file: the templates and fonts compiled into the binary, the document's
//! data as `/data.json`, and the data files to attach to the PDF (listed in `/attachments.json`, each at
//! `/attachments/<name>`). There is no file system, no network and no package: a template bug cannot read
//! `/etc/passwd`, and a data value is a JSON string, never Typst source, so `#read(..)` in a field prints literally.
//! Fonts and parsed templates are built once per process ([`Engine`]) and shared by every document.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use typst::diag::{FileError, FileResult, PackageError, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::derive::Report;

mod lines;
mod widths;
pub use lines::balanced_lines;
pub use widths::{CellWidths, TableFont};

/// The templates, by virtual path. Listed explicitly (a test checks the list against `typst-templates/`).
pub static TEMPLATES: &[(&str, &str)] = &[
    ("/main.typ", include_str!("../typst-templates/main.typ")),
    (
        "/lib/data.typ",
        include_str!("../typst-templates/lib/data.typ"),
    ),
    (
        "/lib/style.typ",
        include_str!("../typst-templates/lib/style.typ"),
    ),
    (
        "/lib/forms.typ",
        include_str!("../typst-templates/lib/forms.typ"),
    ),
    (
        "/lib/attachments.typ",
        include_str!("../typst-templates/lib/attachments.typ"),
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
    (
        "/parts/list.typ",
        include_str!("../typst-templates/parts/list.typ"),
    ),
];

/// The fonts, by file name. Listed explicitly (a test checks the list against `fonts/`). A `static`, not a
/// `const`: a const is copied into every place that uses it, and two copies of 35 MB of fonts made the binary
/// 124 MB and added 33 MiB to a batch's resident memory (the manifest's fingerprint reads one copy, Typst the other).
pub static FONTS: &[(&str, &[u8])] = &[
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
/// The virtual path of the list of attachments (name and description of each, in order).
const ATTACHMENTS_LIST_PATH: &str = "/attachments.json";
/// The virtual folder the attachments' bytes are served from: `/attachments/<name>`.
const ATTACHMENTS_DIR: &str = "/attachments/";
/// The longest attachment name accepted; real names are section file names like `operating_costs.toml`.
const MAX_ATTACHMENT_NAME: usize = 64;

/// Errors of the render stage.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the templates failed to compile:\n{0}")]
    Compile(String),
    #[error("PDF export failed:\n{0}")]
    Export(String),
    #[error("cannot serialize the report: {0}")]
    Data(#[from] serde_json::Error),
    #[error(
        "cannot attach {0:?}: an attachment needs a plain file name (letters, digits, '.', '-', '_')"
    )]
    AttachmentName(String),
    #[error("cannot attach {0:?} twice")]
    DuplicateAttachment(String),
}

/// A file attached to the PDF: one data file the document was made from (an associated file with relationship
/// Source under PDF/A-3), so the archived PDF carries its own source and `juesuan extract` can write it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// The file name, without folder (`table01.toml`): the name readers show and `extract` writes.
    pub name: String,
    /// What the file holds, shown in a reader's attachment list (PDF/A-3 requires a description).
    pub description: String,
    /// The file's bytes, exactly as read.
    pub bytes: Vec<u8>,
}

impl Attachment {
    /// A plain file name: no folder, no leading dot, nothing a file system or a PDF string could misread.
    pub fn is_plain_name(name: &str) -> bool {
        !name.is_empty()
            && name.len() <= MAX_ATTACHMENT_NAME
            && !name.starts_with('.')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
    }
}

/// Output conformance, spelled as Typst's CLI spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Standard {
    /// Plain PDF 1.7, with the data files attached.
    #[value(name = "1.7")]
    Pdf17,
    /// PDF/A-2u: archival, every glyph mapped to Unicode (the default); no attachments.
    #[value(name = "a-2u")]
    A2u,
    /// PDF/A-3u: archival, with the data files attached (relationship Source).
    #[value(name = "a-3u")]
    A3u,
    /// PDF/UA-1: accessible (tagged) PDF, with the data files attached.
    #[value(name = "ua-1")]
    Ua1,
    /// PDF/A-2a together with PDF/UA-1; no attachments.
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

    /// Whether files may be attached. PDF/A-2 forbids embedded files that are not themselves PDF/A (and typst-pdf
    /// refuses any), so under a-2u and a-2a+ua-1 the data stays outside the PDF.
    pub fn allows_attachments(self) -> bool {
        match self {
            Standard::Pdf17 | Standard::A3u | Standard::Ua1 => true,
            Standard::A2u | Standard::A2aUa1 => false,
        }
    }
}

/// What is shared by every document a process renders: the font set, the parsed templates, the library.
pub struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Each font's coverage as sorted ranges, built on first use, indexed as `fonts` and the font book: Typst's
    /// `Coverage::contains` walks its runs from the start, thousands of them in a CJK font, and the glyph check
    /// asks about every character of a document.
    coverages: Vec<std::sync::OnceLock<CharCoverage>>,
    sources: HashMap<FileId, Source>,
    main: FileId,
    data: FileId,
    attachments_list: FileId,
    /// The fonts added with `--font-path` (crate::fonts): every name of their families, and their files.
    added: AddedFontNames,
}

/// What is known about the added fonts beyond Typst's font book.
#[derive(Default)]
struct AddedFontNames {
    /// Lowercased family name in any language (黑体) → Typst's family name (SimHei).
    aliases: HashMap<String, String>,
    /// Typst's family name → the file it came from.
    files: HashMap<String, std::path::PathBuf>,
    /// Typst's family name → its other names, as the font writes them.
    names: HashMap<String, Vec<String>>,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("embedded paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Engine {
    pub fn new() -> Self {
        Self::with_added_fonts(crate::fonts::AddedFonts::default())
    }

    /// An engine with the embedded fonts and the fonts read from `--font-path` folders ([`crate::fonts`]).
    pub fn with_added_fonts(added: crate::fonts::AddedFonts) -> Self {
        let mut fonts = Vec::new();
        for (_, bytes) in FONTS {
            let data = Bytes::new(*bytes);
            for (index, _) in FontInfo::iter(&data).enumerate() {
                if let Some(font) = Font::new(data.clone(), index as u32) {
                    fonts.push(font);
                }
            }
        }
        // After the embedded ones: where two fonts share a family and variant, Typst takes the first.
        fonts.extend(added.fonts);
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
            coverages: fonts.iter().map(|_| std::sync::OnceLock::new()).collect(),
            fonts,
            sources,
            main: file_id("/main.typ"),
            data: file_id(DATA_PATH),
            attachments_list: file_id(ATTACHMENTS_LIST_PATH),
            added: AddedFontNames {
                aliases: added.aliases,
                files: added.files,
                names: added.names,
            },
        }
    }

    /// The family a font name stands for, as Typst names it: the name itself in any letter case, or another name
    /// an added font carries (黑体 → SimHei). `None` when no loaded font has it.
    pub fn resolve_family(&self, name: &str) -> Option<String> {
        let lower = name.to_lowercase();
        if let Some(index) = self.book.select_family(&lower).next() {
            return self.book.info(index).map(|info| info.family.clone());
        }
        self.added.aliases.get(&lower).cloned()
    }

    /// Every family loaded, with the other names it is known by and the file it was added from (`None`: embedded).
    pub fn font_families(&self) -> Vec<(String, Vec<String>, Option<std::path::PathBuf>)> {
        let mut families: Vec<String> = self.book.families().map(|(f, _)| f.to_string()).collect();
        families.dedup();
        families
            .into_iter()
            .map(|family| {
                let mut aliases = self.added.names.get(&family).cloned().unwrap_or_default();
                aliases.sort();
                let file = self.added.files.get(&family).cloned();
                (family, aliases, file)
            })
            .collect()
    }

    /// The families of the embedded fonts, as Typst names them.
    pub fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = self.fonts.iter().map(|f| f.info().family.clone()).collect();
        names.dedup();
        names
    }

    /// One engine with the embedded fonts for the whole process, for callers that only need to ask about fonts
    /// (the glyph check in [`crate::prepare`]).
    pub fn embedded() -> &'static Engine {
        static EMBEDDED: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(Engine::new)
    }

    /// The characters the face of `family` that Typst picks for regular or bold text has glyphs for; `None` when no
    /// font of that family is loaded. Asked by the glyph check ([`crate::glyphs`]) before anything is rendered.
    pub fn coverage(&self, family: &str, bold: bool) -> Option<&CharCoverage> {
        let index = self.select(family, bold)?;
        let info = self.book.info(index)?;
        Some(
            self.coverages
                .get(index)?
                .get_or_init(|| CharCoverage::new(&info.coverage)),
        )
    }

    /// The index of the face of `family` (any case) that Typst picks for regular or bold text.
    fn select(&self, family: &str, bold: bool) -> Option<usize> {
        let variant = typst::text::FontVariant {
            weight: if bold {
                typst::text::FontWeight::BOLD
            } else {
                typst::text::FontWeight::REGULAR
            },
            ..Default::default()
        };
        self.book.select(&family.to_lowercase(), variant)
    }

    /// Compiles a report into pages.
    pub fn compile(&self, report: &Report) -> Result<PagedDocument, RenderError> {
        self.compile_with_sources(report, &[])
    }

    /// Compiles a report into pages, with `attachments` to be embedded by the PDF export.
    pub fn compile_with_sources(
        &self,
        report: &Report,
        attachments: &[Attachment],
    ) -> Result<PagedDocument, RenderError> {
        let json = serde_json::to_vec(report)?;
        let date = report.meta.date_parts;
        let world = DocWorld {
            engine: self,
            data: Bytes::new(json),
            today: Datetime::from_ymd(date[0] as i32, date[1] as u8, date[2] as u8),
            attachments: AttachedFiles::new(attachments)?,
        };
        let in_flight = CACHE.enter();
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
        // Typst's cache is evicted after every document (by the last compile running; of all it holds, or of what
        // is older than `keep_cache` allows), so memory does not grow with the number of documents rendered.
        drop(in_flight);
        let document = compiled?;
        if !font_warnings.is_empty() {
            let owned: Vec<SourceDiagnostic> = font_warnings.into_iter().cloned().collect();
            return Err(RenderError::Compile(describe(&world, &owned)));
        }
        Ok(document)
    }

    /// Renders a report to PDF bytes with the given conformance, with no attachments.
    pub fn pdf(&self, report: &Report, standard: Standard) -> Result<Vec<u8>, RenderError> {
        self.pdf_with_sources(report, standard, &[])
    }

    /// Renders a report to PDF bytes with the given conformance, attaching the data files it was made from where
    /// the standard allows ([`Standard::allows_attachments`]; under PDF/A-2 they are left out).
    pub fn pdf_with_sources(
        &self,
        report: &Report,
        standard: Standard,
        sources: &[Attachment],
    ) -> Result<Vec<u8>, RenderError> {
        let attachments = if standard.allows_attachments() {
            sources
        } else {
            &[]
        };
        let document = self.compile_with_sources(report, attachments)?;
        let date = report.meta.date_parts;
        let timestamp = Datetime::from_ymd(date[0] as i32, date[1] as u8, date[2] as u8)
            .map(Timestamp::new_utc);
        let options = PdfOptions {
            // A stable identifier from the data, so the same document keeps its PDF id across corrections.
            ident: Smart::Custom(format!("juesuan:{}:{}", report.meta.unit, report.meta.year)),
            creator: Smart::Custom(Some(creator())),
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

/// Typst's memoization cache is one per process, shared by the compiles that run at once (batch workers), so it is
/// evicted only when none is running: evicting under a running compile throws away what its next layout iteration
/// reuses (measured: 17% more instructions for 4 documents on 2 workers), and evicting only what is old keeps each
/// finished document's entries until a later eviction. So a compile that finishes while others run leaves the
/// eviction to the last of them, and no compile starts while one is due: the cache holds at most one document per
/// worker, and none between documents (1,000 documents: peak RSS 233 MiB before, 199 MiB after this gate, a rayon
/// pool per worker and cheaper tables, which landed together). The price is that a worker done early waits for
/// the rest of the others' compiles before its next one; with documents of similar size that is 1–4 % of a worker's
/// time (40 documents: 0.3–0.6 s of 14 s timed inside `enter` over three runs of adc364e; at e5e4f71, 0.9 % of
/// the workers' time asleep on a futex in `perf sched`). A PDF export runs outside the gate: its few cache entries
/// (fonts, compressed streams) go at the next eviction.
static CACHE: CacheGate = CacheGate::new(evict_typst_cache);

/// How many evictions a result of Typst's cache survives unused ([`keep_cache`]); 0 empties it.
static CACHE_KEPT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Keeps each result in Typst's cache until `renders` renders have passed without using it, instead of emptying the
/// cache after every document (0, the default): for a process that renders one document again and again (`render
/// --watch`), whose next render reuses the layout of all that did not change. The cache is one per process, and so
/// is this setting.
pub fn keep_cache(renders: usize) {
    CACHE_KEPT.store(renders, std::sync::atomic::Ordering::Relaxed);
}

fn evict_typst_cache() {
    typst::comemo::evict(CACHE_KEPT.load(std::sync::atomic::Ordering::Relaxed));
}

struct CacheGate {
    state: Mutex<GateState>,
    evicted: Condvar,
    evict: fn(),
}

struct GateState {
    compiling: usize,
    evict_due: bool,
}

impl CacheGate {
    const fn new(evict: fn()) -> Self {
        CacheGate {
            state: Mutex::new(GateState {
                compiling: 0,
                evict_due: false,
            }),
            evicted: Condvar::new(),
            evict,
        }
    }

    fn lock(&self) -> MutexGuard<'_, GateState> {
        // Nothing runs under the lock but counting and the eviction: a poisoned state is still consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for a due eviction, then counts one more compile until the returned guard is dropped.
    fn enter(&self) -> Compiling<'_> {
        let mut state = self.lock();
        while state.evict_due {
            state = self
                .evicted
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.compiling += 1;
        Compiling { gate: self }
    }
}

/// One compile counted in its [`CacheGate`]; dropping it (a panic inside Typst included) ends the compile, and
/// the last one running evicts.
struct Compiling<'a> {
    gate: &'a CacheGate,
}

impl Drop for Compiling<'_> {
    fn drop(&mut self) {
        let mut state = self.gate.lock();
        state.compiling -= 1;
        if state.compiling == 0 {
            (self.gate.evict)();
            state.evict_due = false;
            self.gate.evicted.notify_all();
        } else {
            state.evict_due = true;
        }
    }
}

/// The characters a font has glyphs for, as sorted half-open ranges of code points: a lookup is a binary search.
pub struct CharCoverage {
    ranges: Vec<(u32, u32)>,
}

impl CharCoverage {
    fn new(coverage: &typst::text::Coverage) -> Self {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in coverage.iter() {
            match ranges.last_mut() {
                Some((_, end)) if *end == c => *end = c + 1,
                _ => ranges.push((c, c + 1)),
            }
        }
        CharCoverage { ranges }
    }

    /// Whether the font has a glyph for `c`.
    pub fn contains(&self, c: char) -> bool {
        let c = c as u32;
        let after = self.ranges.partition_point(|&(start, _)| start <= c);
        after > 0 && c < self.ranges[after - 1].1
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

/// The PDF's Creator and XMP CreatorTool: this tool and its version, and the Typst release that laid the pages
/// out (layout depends on it; typst-pdf 0.15 writes no Producer and has no option for one).
pub fn creator() -> String {
    format!(
        "juesuan {} (Typst {})",
        env!("CARGO_PKG_VERSION"),
        typst::utils::version().raw()
    )
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

/// One document's view of the engine: the shared templates and fonts, plus this document's data, date and
/// attachments.
struct DocWorld<'a> {
    engine: &'a Engine,
    data: Bytes,
    today: Option<Datetime>,
    attachments: AttachedFiles,
}

/// The files one document attaches: their list for the template, and their bytes by virtual path.
struct AttachedFiles {
    list: Bytes,
    files: HashMap<FileId, Bytes>,
}

impl AttachedFiles {
    fn new(attachments: &[Attachment]) -> Result<Self, RenderError> {
        #[derive(serde::Serialize)]
        struct Listed<'a> {
            name: &'a str,
            description: &'a str,
        }
        let mut files = HashMap::new();
        let mut listed = Vec::new();
        for attachment in attachments {
            // Checked before the name becomes a virtual path: ids are interned for the life of the process, and
            // only plain names (in practice the fixed section file names) may become one.
            if !Attachment::is_plain_name(&attachment.name) {
                return Err(RenderError::AttachmentName(attachment.name.clone()));
            }
            let id = file_id(&format!("{ATTACHMENTS_DIR}{}", attachment.name));
            if files
                .insert(id, Bytes::new(attachment.bytes.clone()))
                .is_some()
            {
                return Err(RenderError::DuplicateAttachment(attachment.name.clone()));
            }
            listed.push(Listed {
                name: &attachment.name,
                description: &attachment.description,
            });
        }
        Ok(AttachedFiles {
            list: Bytes::new(serde_json::to_vec(&listed)?),
            files,
        })
    }
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
        if id == self.engine.attachments_list {
            return Ok(self.attachments.list.clone());
        }
        if let Some(bytes) = self.attachments.files.get(&id) {
            return Ok(bytes.clone());
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

    #[test]
    fn char_coverage_answers_as_typst_coverage_does() {
        let sparse = typst::text::Coverage::from_vec(vec![0, 1, 2, 5, 7, 8, 0x4E00, 0x10FFFF]);
        let indexed = CharCoverage::new(&sparse);
        let mismatch = (0..0x11_0000)
            .filter_map(char::from_u32)
            .find(|&c| indexed.contains(c) != sparse.contains(c as u32));
        assert_eq!(mismatch, None);

        // A CJK font: every code point it covers, and the one before and after each run of them, which it does not.
        let engine = Engine::embedded();
        let fang = engine
            .select("FandolFang R", false)
            .expect("FandolFang R is embedded");
        let fang = &engine.book.info(fang).expect("its info").coverage;
        let indexed = CharCoverage::new(fang);
        assert!(indexed.ranges.len() > 100, "{} runs", indexed.ranges.len());
        let edges = indexed
            .ranges
            .iter()
            .flat_map(|&(start, end)| [start.wrapping_sub(1), end]);
        let mismatch = fang
            .iter()
            .chain(edges)
            .filter_map(char::from_u32)
            .find(|&c| indexed.contains(c) != fang.contains(c as u32));
        assert_eq!(mismatch, None);
    }

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

    /// A document's world with empty data and no attachments.
    fn bare_world(engine: &Engine) -> DocWorld<'_> {
        DocWorld {
            engine,
            data: Bytes::new(b"{}".to_vec()),
            today: None,
            attachments: AttachedFiles::new(&[]).unwrap(),
        }
    }

    #[test]
    fn the_world_serves_nothing_else() {
        let engine = Engine::new();
        let world = bare_world(&engine);
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
    fn the_world_refuses_packages_and_paths_out_of_the_root() {
        let engine = Engine::new();
        let world = bare_world(&engine);
        // A package named like a real one, with the path of an embedded template: still refused, for both kinds
        // of lookup, since a package root is never ours.
        let package = typst::syntax::package::PackageSpec {
            namespace: "preview".into(),
            name: "gbt9704".into(),
            version: typst::syntax::package::PackageVersion {
                major: 0,
                minor: 1,
                patch: 0,
            },
        };
        for path in ["/main.typ", "/lib/style.typ", "/data.json", "/typst.toml"] {
            let vpath = VirtualPath::new(path).unwrap();
            let id = RootedPath::new(VirtualRoot::Package(package.clone()), vpath).intern();
            assert!(
                matches!(world.file(id), Err(FileError::Package(_))),
                "package file {path} must not be served"
            );
            assert!(
                matches!(world.source(id), Err(FileError::Package(_))),
                "package source {path} must not be served"
            );
        }
        // Paths that climb out of the root or name the host's files resolve to nothing we serve.
        for path in [
            "/../etc/passwd",
            "/../../../../etc/hostname",
            "/attachments/../../etc/passwd",
            "/proc/self/environ",
            "/attachments/table01.toml",
        ] {
            if let Ok(vpath) = VirtualPath::new(path) {
                let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
                assert!(world.file(id).is_err(), "{path} must not be served");
                assert!(world.source(id).is_err(), "{path} must not be served");
            }
        }
    }

    #[test]
    fn attachments_are_served_only_for_their_document() {
        let engine = Engine::new();
        let attachment = Attachment {
            name: "table01.toml".to_string(),
            description: "公开01表".to_string(),
            bytes: "total = 1.00\n".as_bytes().to_vec(),
        };
        let world = DocWorld {
            engine: &engine,
            data: Bytes::new(b"{}".to_vec()),
            today: None,
            attachments: AttachedFiles::new(std::slice::from_ref(&attachment)).unwrap(),
        };
        let served = world.file(file_id("/attachments/table01.toml")).unwrap();
        assert_eq!(served.as_slice(), attachment.bytes.as_slice());
        let list: serde_json::Value = serde_json::from_slice(
            world
                .file(file_id(ATTACHMENTS_LIST_PATH))
                .unwrap()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(
            list,
            serde_json::json!([{"name": "table01.toml", "description": "公开01表"}])
        );
        assert!(world.file(file_id("/attachments/table02.toml")).is_err());

        let other = DocWorld {
            engine: &engine,
            data: Bytes::new(b"{}".to_vec()),
            today: None,
            attachments: AttachedFiles::new(&[]).unwrap(),
        };
        assert!(other.file(file_id("/attachments/table01.toml")).is_err());
        assert_eq!(
            other
                .file(file_id(ATTACHMENTS_LIST_PATH))
                .unwrap()
                .as_slice(),
            b"[]"
        );
    }

    #[test]
    fn an_attachment_needs_a_plain_unique_name() {
        let named = |name: &str| Attachment {
            name: name.to_string(),
            description: String::new(),
            bytes: Vec::new(),
        };
        for bad in ["../x.toml", "a/b.toml", ".x", "", "空.toml"] {
            assert!(
                matches!(
                    AttachedFiles::new(&[named(bad)]),
                    Err(RenderError::AttachmentName(_))
                ),
                "{bad:?} accepted"
            );
        }
        assert!(matches!(
            AttachedFiles::new(&[named("a.toml"), named("a.toml")]),
            Err(RenderError::DuplicateAttachment(_))
        ));
    }

    /// The gate's own counter of evictions, one per test (the tests run in parallel).
    macro_rules! counting_gate {
        ($evictions:ident, $gate:ident) => {
            static $evictions: std::sync::atomic::AtomicUsize =
                std::sync::atomic::AtomicUsize::new(0);
            fn count() {
                $evictions.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            static $gate: CacheGate = CacheGate::new(count);
        };
    }

    #[test]
    fn a_compile_alone_evicts_when_it_ends() {
        counting_gate!(EVICTIONS, GATE);
        for n in 1..=3 {
            drop(GATE.enter());
            assert_eq!(EVICTIONS.load(std::sync::atomic::Ordering::SeqCst), n);
        }
    }

    #[test]
    fn the_last_of_overlapping_compiles_evicts_and_none_starts_while_an_eviction_is_due() {
        use std::sync::atomic::Ordering::SeqCst;
        counting_gate!(EVICTIONS, GATE);
        let first = GATE.enter();
        let second = GATE.enter();
        drop(first);
        assert_eq!(EVICTIONS.load(SeqCst), 0, "evicted under a running compile");
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let third = GATE.enter();
                started_tx.send(EVICTIONS.load(SeqCst)).unwrap();
                drop(third);
            });
            assert!(
                started_rx
                    .recv_timeout(std::time::Duration::from_millis(200))
                    .is_err(),
                "a compile started while an eviction was due"
            );
            drop(second);
            assert_eq!(started_rx.recv().unwrap(), 1, "started before the eviction");
        });
        assert_eq!(EVICTIONS.load(SeqCst), 2);
    }

    #[test]
    fn a_compile_that_panics_still_ends() {
        counting_gate!(EVICTIONS, GATE);
        let panicked = std::panic::catch_unwind(|| {
            let _compiling = GATE.enter();
            panic!("inside Typst");
        });
        assert!(panicked.is_err());
        assert_eq!(EVICTIONS.load(std::sync::atomic::Ordering::SeqCst), 1);
        drop(GATE.enter());
        assert_eq!(EVICTIONS.load(std::sync::atomic::Ordering::SeqCst), 2);
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
