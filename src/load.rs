//! Reads a document folder: document.toml first, for the form it names, then every section file that form reads
//! ([`crate::model::SectionId`]), as exact, spanned values.
//!
//! Everything that can be wrong with a file before its figures are looked at (missing, not UTF-8, too large, TOML
//! syntax, an unknown key, a wrong type) becomes a [`Diagnostic`] pointing at the place; loading goes on through the
//! other files so that one run reports all of them.

// A file that cannot be read is a Diagnostic (its place, notes, labels): returned on the cold path of a load, where
// boxing it would only add noise.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, FileId, Sources};
use crate::form::Form;
use crate::model::{Doc, DocumentInfo, Parsed, SectionId};
use crate::money::{self, Span};
use crate::rule::Rule;
use crate::tr;

mod errors;
mod typing;

use errors::toml_diagnostic;

/// A data file larger than this is refused before parsing: no real section comes near it.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A loaded document: its form, its sections, the text of its files (for diagnostics) and which file each section
/// came from.
pub struct Loaded {
    pub dir: PathBuf,
    pub form: Arc<Form>,
    pub doc: Doc,
    pub sources: Sources,
    files: HashMap<&'static str, FileId>,
    /// The folders document.toml names (its year's 预算, last year's 预算), read for the figures they give.
    pub linked: Vec<(crate::link::LinkKind, Loaded)>,
}

impl Loaded {
    /// The file id of a section file (`"table05.toml"`).
    pub fn file(&self, name: &str) -> FileId {
        self.files[name]
    }

    /// The sections read, in the document's order, with their files.
    pub fn sections(&self) -> impl Iterator<Item = (SectionId, FileId)> + '_ {
        self.form
            .sections()
            .into_iter()
            .filter_map(|s| self.files.get(s.file()).map(|&id| (s, id)))
    }
}

/// Loading failed: the findings, and the sources they point into.
pub struct LoadFailure {
    pub dir: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
    /// The document with a blank stand-in for each file that could not be read or parsed, so that the rules can
    /// still be checked on the files that were ([`LoadFailure::check_the_rest`]).
    rest: Option<Rest>,
}

struct Rest {
    form: Arc<Form>,
    doc: Doc,
    files: HashMap<&'static str, FileId>,
    /// The files that failed and their stand-ins: a finding that involves one of them is not to be believed.
    untrusted: Vec<FileId>,
}

impl LoadFailure {
    /// Runs `check` (the validation rules) on the document as far as it loaded, and adds its findings about the
    /// files that did load: one file with a syntax error does not hide the broken sums of all the others. A finding
    /// that involves a file that failed, or that points at no value, is left out: it may only be the stand-in's.
    pub fn check_the_rest(&mut self, check: impl FnOnce(&Loaded, &mut Vec<Diagnostic>)) {
        let Some(rest) = self.rest.take() else { return };
        let loaded = Loaded {
            dir: self.dir.clone(),
            form: rest.form,
            doc: rest.doc,
            sources: std::mem::take(&mut self.sources),
            files: rest.files,
            linked: Vec::new(),
        };
        let mut found = Vec::new();
        check(&loaded, &mut found);
        self.sources = loaded.sources;
        let trusted = |file: &FileId| !rest.untrusted.contains(file);
        self.diagnostics.extend(found.into_iter().filter(|d| {
            d.primary
                .as_ref()
                .is_some_and(|(place, _)| trusted(&place.file))
                && d.secondary.iter().all(|(place, _)| trusted(&place.file))
                && d.given.iter().all(trusted)
        }));
    }
}

/// Which form a folder is read with.
#[derive(Clone, Copy)]
pub enum FormChoice<'f> {
    /// The one document.toml names (`form = "zhejiang-2020"`).
    Named,
    /// This one, whatever document.toml says (a form not built into the binary, e.g. in a test).
    Given(&'f Arc<Form>),
}

/// Reads and deserializes every section of the folder that its form reads. Warnings (e.g. an unknown extra file)
/// come back with a successful load; any error fails it.
pub fn load(dir: &Path) -> Result<(Loaded, Vec<Diagnostic>), LoadFailure> {
    load_with(dir, FormChoice::Named)
}

/// [`load`] with the form chosen.
pub fn load_with(dir: &Path, choice: FormChoice) -> Result<(Loaded, Vec<Diagnostic>), LoadFailure> {
    let (mut loaded, mut diagnostics) = load_alone(dir, choice)?;
    let linked = crate::link::resolve(&mut loaded);
    diagnostics.extend(linked.diagnostics);
    loaded.linked = linked.folders;
    Ok((loaded, diagnostics))
}

/// [`load_with`] without following the folders document.toml names (a linked folder is read so).
pub(crate) fn load_alone(
    dir: &Path,
    choice: FormChoice,
) -> Result<(Loaded, Vec<Diagnostic>), LoadFailure> {
    let mut reader = Reader::new(dir);
    let meta = std::fs::metadata(dir);
    if !meta.as_ref().is_ok_and(|m| m.is_dir()) {
        let why = match meta {
            Err(e) => e.to_string(),
            Ok(_) => tr!("not-a-folder"),
        };
        reader.diagnostics.push(
            Diagnostic::new(
                Rule::DataFolder,
                tr!("cannot-read-folder", dir = dir.display(), why = why),
            )
            .in_file(dir),
        );
        return Err(reader.fail());
    }
    let canonical_dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let read = |section: SectionId| {
        let path = dir.join(section.file());
        read_bytes(&path, &canonical_dir).and_then(|bytes| decode_text(&path, bytes))
    };
    reader.read_all(choice, read);
    // Without a form it is not known which files belong: nothing is called a stray.
    if let Some(form) = reader.form.clone() {
        let known: Vec<&str> = reader.sections.iter().map(|s| s.file()).collect();
        let unknown = unknown_files(dir, &known, Some(&form));
        reader.diagnostics.extend(unknown);
    }
    reader.finish()
}

/// Loads a document from file contents in memory, by section file name, as [`load`] loads a folder: the same
/// checks on the bytes (size, byte-order mark, UTF-8) and the same parsing. `dir` only names the files in messages.
/// For tests and fuzzing, and for callers that hold the data elsewhere (an archive, a PDF's attachments).
pub fn load_from_memory(
    dir: &Path,
    contents: &[(&str, &[u8])],
) -> Result<(Loaded, Vec<Diagnostic>), LoadFailure> {
    let mut reader = Reader::new(dir);
    let read = |section: SectionId| {
        let path = dir.join(section.file());
        let Some((_, bytes)) = contents.iter().find(|(name, _)| *name == section.file()) else {
            return Err(missing_section(&path));
        };
        if bytes.len() as u64 > MAX_FILE_BYTES {
            Err(too_large(&path, bytes.len() as u64))
        } else {
            decode_text(&path, bytes.to_vec())
        }
    };
    reader.read_all(FormChoice::Named, read);
    for (name, _) in contents {
        if reader.form.is_some() && !reader.sections.iter().any(|s| s.file() == *name) {
            reader.diagnostics.push(unknown_file(
                dir,
                name,
                &reader.sections,
                reader.form.as_deref(),
            ));
        }
    }
    reader.finish()
}

/// What is read of a folder so far.
struct Reader {
    dir: PathBuf,
    sources: Sources,
    diagnostics: Vec<Diagnostic>,
    files: HashMap<&'static str, FileId>,
    parsed: Parsed,
    form: Option<Arc<Form>>,
    /// The sections read: the form's, or the core ones when the form is not known.
    sections: Vec<SectionId>,
}

impl Reader {
    fn new(dir: &Path) -> Self {
        Reader {
            dir: dir.to_path_buf(),
            sources: Sources::default(),
            diagnostics: Vec::new(),
            files: HashMap::new(),
            parsed: Parsed::default(),
            form: None,
            sections: Vec::new(),
        }
    }

    /// Reads document.toml, decides the form, then reads and parses the form's other sections.
    fn read_all(
        &mut self,
        choice: FormChoice,
        mut read: impl FnMut(SectionId) -> Result<String, Diagnostic>,
    ) {
        let document = self.read_one(SectionId::Document, &mut read);
        let info: Option<DocumentInfo> =
            document.and_then(|id| parse_section(&self.sources, id, &mut self.diagnostics));
        self.form = match choice {
            FormChoice::Given(form) => Some(form.clone()),
            FormChoice::Named => match (&info, document) {
                (Some(info), Some(id)) => self.named_form(info, id).or_else(|| {
                    // An unknown form is an error, but the figures can still be checked with the one form that
                    // covers the year, if there is one: every finding at once.
                    match Form::covering(*info.year).as_slice() {
                        // Only when it is the one: a 决算 and a 预算 form of the year leave it open.
                        [one] => Form::get(one),
                        _ => None,
                    }
                }),
                _ => None,
            },
        };
        if let (Some(form), Some(info), Some(id)) = (&self.form, &info, document)
            && !form.covers(*info.year)
        {
            self.diagnostics.push(form_year(form, info, id));
        }
        // Without a form the kind of document is not known, nor which files belong to it.
        self.sections = match (&self.form, &info) {
            (Some(form), Some(info)) => form.sections_of(*info.kind),
            (Some(form), None) => form.sections(),
            (None, _) => vec![SectionId::Document],
        };
        self.parsed.set_document(info);
        for section in self.sections.clone() {
            if section == SectionId::Document {
                continue;
            }
            if let Some(id) = self.read_one(section, &mut read) {
                self.parsed
                    .parse(section, &self.sources, id, &mut self.diagnostics);
            }
        }
    }

    fn read_one(
        &mut self,
        section: SectionId,
        read: &mut impl FnMut(SectionId) -> Result<String, Diagnostic>,
    ) -> Option<FileId> {
        match read(section) {
            Ok(text) => {
                let id = self.sources.add(&self.dir.join(section.file()), text);
                self.files.insert(section.file(), id);
                Some(id)
            }
            Err(mut d) => {
                if d.rule == Rule::MissingSection {
                    d = self.name_missing(section, d);
                }
                self.diagnostics.push(d);
                None
            }
        }
    }

    /// A missing file named by what it holds (公开07表, 机关运行经费), with how to get it back.
    fn name_missing(&self, section: SectionId, mut d: Diagnostic) -> Diagnostic {
        let Some(form) = &self.form else { return d };
        let what = if form.tables.iter().any(|t| t.section == section) {
            form.table_name(section, None)
        } else {
            section.title().to_string()
        };
        d.message = format!("{} ({what})", d.message);
        d.note(tr!(
            "missing-recreate",
            form = &form.id,
            file = section.file()
        ))
    }

    /// The form document.toml names, or a finding at the name.
    fn named_form(&mut self, info: &DocumentInfo, file: FileId) -> Option<Arc<Form>> {
        let name = &info.form;
        if let Some(form) = Form::get(&name.value) {
            return Some(form);
        }
        let known: Vec<String> = Form::ids()
            .filter_map(Form::get)
            .map(|f| format!("{} ({}, {})", f.id, f.name, f.year_range()))
            .collect();
        let mut d = Diagnostic::new(Rule::UnknownForm, tr!("no-such-form", name = &name.value))
            .at(file, name.span.clone(), tr!("unknown-form-label"))
            .note(tr!("forms-are", forms = known.join("; ")));
        if let Some(close) = closest(&name.value, Form::ids()) {
            d = d.note(tr!("did-you-mean", name = close));
        }
        self.diagnostics.push(d);
        None
    }

    fn fail(self) -> LoadFailure {
        LoadFailure {
            dir: self.dir,
            diagnostics: self.diagnostics,
            sources: self.sources,
            rest: None,
        }
    }

    /// The document with each section that did not load, or has an error of its own, replaced by the blank one
    /// `juesuan new` writes, when document.toml loaded and names a form; else `None`.
    fn stand_in(&mut self) -> Option<Rest> {
        let form = self.form.clone()?;
        let info = self.parsed.document()?;
        let options = crate::scaffold::Options {
            unit: Some(info.unit.value.clone()),
            year: Some(info.year.value),
            kind: Some(info.kind.value),
            form: Some(form.id.clone()),
            ..Default::default()
        };
        let blank = crate::scaffold::scaffold(&options, None).ok()?;
        let mut files = self.files.clone();
        let mut untrusted = Vec::new();
        for section in self.sections.clone() {
            let id = self.files.get(section.file()).copied();
            // A file past a limit parsed, but is not to be checked (100,000 rows would take minutes).
            let path = self.dir.join(section.file());
            let refused = self.diagnostics.iter().any(|d| {
                let at = d.primary.as_ref().map(|(place, _)| place.file);
                d.is_error()
                    && ((at.is_some() && at == id) || d.path.as_deref() == Some(path.as_path()))
            });
            if self.parsed.has(section) && !refused {
                continue;
            }
            untrusted.extend(id);
            let (_, text) = blank.files.iter().find(|(f, _)| *f == section.file())?;
            let path = self.dir.join(format!("({})", section.file()));
            let id = self.sources.add(&path, text.clone());
            let mut scratch = Vec::new();
            self.parsed.parse(section, &self.sources, id, &mut scratch);
            if !self.parsed.has(section) {
                return None;
            }
            files.insert(section.file(), id);
            untrusted.push(id);
        }
        let doc = std::mem::take(&mut self.parsed).finish(form.document)?;
        Some(Rest {
            form,
            doc,
            files,
            untrusted,
        })
    }

    /// Checks the limits of the files read, and decides: any error fails the load.
    fn finish(mut self) -> Result<(Loaded, Vec<Diagnostic>), LoadFailure> {
        let limits = text_limits(&self.sources, &self.files, &self.sections);
        self.diagnostics.extend(limits);
        let rows = row_limits(&self.sources, &self.files, &self.sections);
        self.diagnostics.extend(rows);
        // A year the form does not cover is an error, but the figures can still be checked: every finding at once.
        let blocking = self
            .diagnostics
            .iter()
            .any(|d| d.is_error() && !matches!(d.rule, Rule::FormYear | Rule::UnknownForm));
        if blocking {
            let rest = self.stand_in();
            return Err(LoadFailure {
                rest,
                ..self.fail()
            });
        }
        let kind = self.form.as_ref().map(|f| f.document);
        let parsed = kind.and_then(|kind| std::mem::take(&mut self.parsed).finish(kind));
        match (parsed, self.form.take()) {
            (Some(doc), Some(form)) => Ok((
                Loaded {
                    dir: self.dir,
                    form,
                    doc,
                    sources: self.sources,
                    files: self.files,
                    linked: Vec::new(),
                },
                self.diagnostics,
            )),
            _ => Err(self.fail()),
        }
    }
}

/// A document whose year its form does not cover: the forms that do, or that there are none.
fn form_year(form: &Form, info: &DocumentInfo, file: FileId) -> Diagnostic {
    let year = *info.year;
    let covering = Form::covering(year);
    let mut d = Diagnostic::new(
        Rule::FormYear,
        tr!(
            "form-year",
            form = &form.id,
            range = form.year_range(),
            year = year
        ),
    )
    .at(
        file,
        info.year.span.clone(),
        tr!("form-year-label", year = year, range = form.year_range()),
    )
    .also(
        file,
        info.form.span.clone(),
        format!("{} ({})", form.id, form.name),
    );
    d = if covering.is_empty() {
        let all: Vec<String> = Form::ids()
            .filter_map(Form::get)
            .map(|f| format!("{} ({})", f.id, f.year_range()))
            .collect();
        d.note(tr!("form-year-none", year = year, forms = all.join(", ")))
    } else {
        d.note(tr!(
            "form-year-covering",
            year = year,
            forms = covering.join(", ")
        ))
    };
    d
}

fn missing_section(path: &Path) -> Diagnostic {
    Diagnostic::new(
        Rule::MissingSection,
        tr!("section-missing", path = path.display()),
    )
    .in_file(path)
}

fn too_large(path: &Path, size: u64) -> Diagnostic {
    Diagnostic::new(
        Rule::FileTooLarge,
        tr!(
            "file-too-large",
            path = path.display(),
            size = size,
            max = MAX_FILE_BYTES
        ),
    )
    .in_file(path)
}

/// Reads a section file's bytes: it must exist, be no link out of the folder, and not be too large to be a section.
fn read_bytes(path: &Path, dir: &Path) -> Result<Vec<u8>, Diagnostic> {
    let fail = |rule, message: String| Err(Diagnostic::new(rule, message).in_file(path));
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(missing_section(path)),
        Err(e) => return fail(Rule::Io, tr!("cannot-read", path = path.display(), why = e)),
    };
    if meta.file_type().is_symlink() {
        // A link may only point inside the document folder: a copied folder must not reach other files.
        let target = path.canonicalize();
        if !target.as_ref().is_ok_and(|t| t.starts_with(dir)) {
            return fail(
                Rule::SymlinkOutside,
                tr!("symlink-outside", path = path.display()),
            );
        }
    }
    let target_meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return fail(Rule::Io, tr!("cannot-read", path = path.display(), why = e)),
    };
    if !target_meta.is_file() {
        // A folder, a FIFO or a device named like a section: reading it would fail or never end.
        return fail(Rule::Io, tr!("not-regular-file", path = path.display()));
    }
    if target_meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, target_meta.len()));
    }
    // Read at most one byte past the limit: a file that grows between the size check and the read (or that lies
    // about its size) cannot make us read more than that.
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fail(Rule::Io, tr!("cannot-read", path = path.display(), why = e));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(bytes)
}

/// A section file's text: UTF-8, with or without a byte-order mark.
fn decode_text(path: &Path, mut bytes: Vec<u8>) -> Result<String, Diagnostic> {
    // Notepad wrote UTF-8 with a byte-order mark for years: it is UTF-8 all the same.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let gbk = looks_like_gbk(&bytes[offset..]);
            let text = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            let line = text.matches('\n').count() + 1;
            let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let mut d = Diagnostic::new(
                Rule::InvalidUtf8,
                if gbk {
                    tr!(
                        "not-utf8-gbk",
                        path = path.display(),
                        line = line,
                        col = col
                    )
                } else {
                    tr!("not-utf8", path = path.display(), line = line, col = col)
                },
            )
            .in_file(path);
            d = d.note(tr!("save-as-utf8"));
            Err(d)
        }
    }
}

/// Chinese text in GBK/GB18030: a lead byte 0x81–0xFE and a trail byte 0x40–0xFE (not 0x7F), pair after pair.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut pairs = 0;
    let mut i = 0;
    while i < bytes.len() && pairs < 8 {
        match bytes[i] {
            0x00..=0x7F => i += 1,
            0x81..=0xFE if matches!(bytes.get(i + 1), Some(0x40..=0x7E | 0x80..=0xFE)) => {
                pairs += 1;
                i += 2;
            }
            _ => return false,
        }
    }
    pairs > 0
}

/// The longest text value accepted, in characters: a reason or a duty is a paragraph, the longest glossary entry a
/// few hundred characters; this is a dozen pages of 仿宋 at 16pt.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// All text values of a document together, in characters. The examples have about 6,000; typesetting grows with
/// the text (200,000 characters took Typst 13 s and 220 MB), so a document past this is refused, not rendered for
/// minutes.
pub const MAX_DOCUMENT_TEXT_CHARS: usize = 300_000;

/// Every text value within [`MAX_TEXT_CHARS`] and the document's text within [`MAX_DOCUMENT_TEXT_CHARS`].
fn text_limits(
    sources: &Sources,
    files: &HashMap<&'static str, FileId>,
    sections: &[SectionId],
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut total = 0usize;
    let mut largest: Option<(usize, FileId)> = None;
    for section in sections {
        let Some(&id) = files.get(section.file()) else {
            continue;
        };
        let mut in_file = 0usize;
        crate::glyphs::string_lengths(sources.text(id), |span, chars| {
            in_file += chars;
            if chars > MAX_TEXT_CHARS {
                // Only the opening quote is marked: the value itself is too long to quote.
                let quote = span.start..span.start + 1;
                found.push(
                    Diagnostic::new(
                        Rule::TextTooLong,
                        tr!(
                            "text-too-long",
                            file = section.file(),
                            chars = chars,
                            max = MAX_TEXT_CHARS
                        ),
                    )
                    .in_file(sources.path(id))
                    .at(id, quote, tr!("text-too-long-label")),
                );
            }
        });
        total += in_file;
        if largest.is_none_or(|(n, _)| in_file > n) {
            largest = Some((in_file, id));
        }
    }
    if total > MAX_DOCUMENT_TEXT_CHARS {
        let mut d = Diagnostic::new(
            Rule::TextTooLong,
            tr!(
                "document-too-long",
                chars = total,
                max = MAX_DOCUMENT_TEXT_CHARS
            ),
        );
        if let Some((n, id)) = largest {
            d = d.in_file(sources.path(id)).note(tr!(
                "document-too-long-note",
                path = sources.path(id).display(),
                n = n
            ));
        }
        found.push(d);
    }
    found
}

/// Most entries one list of a section may have. A real 决算 table has tens of rows and a department roll-up a few
/// hundred; a longer list is a generated or corrupted file, and checking and typesetting it would take minutes and
/// hundreds of pages.
pub const MAX_ROWS: usize = 2000;

/// Every list of the files read within [`MAX_ROWS`]; a longer one is an error at its first entry past the limit.
/// Read from the TOML syntax, so every list of every section is covered, whatever the section's type.
fn row_limits(
    sources: &Sources,
    files: &HashMap<&'static str, FileId>,
    sections: &[SectionId],
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for section in sections {
        let Some(&id) = files.get(section.file()) else {
            continue;
        };
        let Ok(table) = toml::de::DeTable::parse(sources.text(id)) else {
            continue;
        };
        let mut long = Vec::new();
        long_lists(table.get_ref(), "", &mut long);
        for (key, len, span) in long {
            found.push(
                Diagnostic::new(
                    Rule::TooManyRows,
                    tr!(
                        "too-many-rows",
                        file = section.file(),
                        key = key,
                        len = len,
                        max = MAX_ROWS
                    ),
                )
                .note(tr!("too-many-rows-note"))
                .in_file(sources.path(id))
                .at(id, span, tr!("too-many-rows-label", row = MAX_ROWS + 1)),
            );
        }
    }
    found
}

/// The lists longer than [`MAX_ROWS`] in a TOML table: key path, length, and the span of the first entry past the
/// limit.
fn long_lists(table: &toml::de::DeTable<'_>, prefix: &str, out: &mut Vec<(String, usize, Span)>) {
    use toml::de::DeValue;
    fn value(v: &toml::Spanned<DeValue<'_>>, path: &str, out: &mut Vec<(String, usize, Span)>) {
        match v.get_ref() {
            DeValue::Array(items) => {
                if let Some(past) = items.get(MAX_ROWS) {
                    out.push((path.to_string(), items.len(), past.span()));
                }
                for (i, item) in items.iter().enumerate().take(MAX_ROWS) {
                    value(item, &format!("{path}[{i}]"), out);
                }
            }
            DeValue::Table(table) => long_lists(table, path, out),
            _ => {}
        }
    }
    for (key, v) in table {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        value(v, &path, out);
    }
}

/// Files in the folder that the form reads no section from: probably a misnamed section.
fn unknown_files(dir: &Path, known: &[&str], form: Option<&Form>) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !known.contains(&n.as_str()))
        .collect();
    names.sort();
    let sections: Vec<SectionId> = SectionId::ALL
        .iter()
        .copied()
        .filter(|s| known.contains(&s.file()))
        .collect();
    names
        .into_iter()
        .map(|name| unknown_file(dir, &name, &sections, form))
        .collect()
}

fn unknown_file(dir: &Path, name: &str, sections: &[SectionId], form: Option<&Form>) -> Diagnostic {
    let message = match form {
        Some(f) => tr!("unknown-file-of-form", name = name, form = &f.id),
        None => tr!("unknown-file", name = name),
    };
    let mut d = Diagnostic::new(Rule::UnknownFile, message).in_file(&dir.join(name));
    if let Some(close) = closest(name, sections.iter().map(|s| s.file())) {
        d = d.note(tr!("did-you-mean-file", name = close));
    }
    d
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// Deserializes one file; a failure becomes a diagnostic at the place TOML reports.
pub fn parse_section<T: DeserializeOwned>(
    sources: &Sources,
    id: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let text = sources.text(id);
    match money::with_source(text, || toml::from_str::<T>(text)) {
        Ok(value) => Some(value),
        Err(err) => {
            diagnostics.push(toml_diagnostic(&err, id, sources));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_names_a_likely_typo() {
        let keys = ["general_budget", "government_fund", "state_capital"];
        assert_eq!(
            closest("genral_budget", keys.iter().copied()),
            Some("general_budget")
        );
        assert_eq!(closest("zzz", keys.iter().copied()), None);
    }
}
