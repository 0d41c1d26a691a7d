//! Reads a document folder: every section file of [`crate::model::SECTIONS`], as exact, spanned values.
//!
//! Everything that can be wrong with a file before its figures are looked at (missing, not UTF-8, too large, TOML
//! syntax, an unknown key, a wrong type) becomes a [`Diagnostic`] pointing at the place; loading goes on through the
//! other files so that one run reports all of them.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, FileId, Sources};
use crate::model::{Document, SECTIONS};
use crate::money::{self, Span};

/// A data file larger than this is refused before parsing: no real section comes near it.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A loaded document: its sections, the text of its files (for diagnostics) and which file each section came from.
pub struct Loaded {
    pub dir: PathBuf,
    pub doc: Document,
    pub sources: Sources,
    files: HashMap<&'static str, FileId>,
}

impl Loaded {
    /// The file id of a section file (`"table05.toml"`).
    pub fn file(&self, name: &str) -> FileId {
        self.files[name]
    }
}

/// Loading failed: the findings, and the sources they point into.
pub struct LoadFailure {
    pub dir: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

/// Reads and deserializes every section of the folder. Warnings (e.g. an unknown extra file) come back with a
/// successful load; any error fails it.
pub fn load(dir: &Path) -> Result<(Loaded, Vec<Diagnostic>), LoadFailure> {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let mut files = HashMap::new();

    let meta = std::fs::metadata(dir);
    if !meta.as_ref().is_ok_and(|m| m.is_dir()) {
        let why = match meta {
            Err(e) => e.to_string(),
            Ok(_) => "not a folder".to_string(),
        };
        diagnostics.push(
            Diagnostic::error(
                "data-folder",
                format!("cannot read the data folder {}: {why}", dir.display()),
            )
            .in_file(dir),
        );
        return Err(LoadFailure {
            dir: dir.to_path_buf(),
            diagnostics,
            sources,
        });
    }

    let canonical_dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    for spec in SECTIONS {
        let path = dir.join(spec.file);
        match read_bytes(&path, &canonical_dir).and_then(|bytes| decode_text(&path, bytes)) {
            Ok(text) => {
                let id = sources.add(&path, text);
                files.insert(spec.file, id);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    diagnostics.extend(unknown_files(dir));
    finish(dir, sources, files, diagnostics)
}

/// Loads a document from file contents in memory, by section file name, as [`load`] loads a folder: the same
/// checks on the bytes (size, byte-order mark, UTF-8) and the same parsing. `dir` only names the files in messages.
/// For tests and fuzzing, and for callers that hold the data elsewhere (an archive, a PDF's attachments).
pub fn load_from_memory(
    dir: &Path,
    contents: &[(&str, &[u8])],
) -> Result<(Loaded, Vec<Diagnostic>), LoadFailure> {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let mut files = HashMap::new();
    for spec in SECTIONS {
        let path = dir.join(spec.file);
        let Some((_, bytes)) = contents.iter().find(|(name, _)| *name == spec.file) else {
            diagnostics.push(missing_section(&path));
            continue;
        };
        let checked = if bytes.len() as u64 > MAX_FILE_BYTES {
            Err(too_large(&path, bytes.len() as u64))
        } else {
            decode_text(&path, bytes.to_vec())
        };
        match checked {
            Ok(text) => {
                let id = sources.add(&path, text);
                files.insert(spec.file, id);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    for (name, _) in contents {
        if !SECTIONS.iter().any(|s| s.file == *name) {
            diagnostics.push(unknown_file(dir, name));
        }
    }
    finish(dir, sources, files, diagnostics)
}

/// Parses the files read, checks the limits, and decides: any error fails the load.
fn finish(
    dir: &Path,
    sources: Sources,
    files: HashMap<&'static str, FileId>,
    mut diagnostics: Vec<Diagnostic>,
) -> Result<(Loaded, Vec<Diagnostic>), LoadFailure> {
    diagnostics.extend(text_limits(&sources, &files));
    let parsed = parse_all(&sources, &files, &mut diagnostics);
    if let Some(doc) = &parsed {
        diagnostics.extend(row_limits(doc, &files, &sources));
    }
    match parsed {
        Some(doc) if !diagnostics.iter().any(Diagnostic::is_error) => Ok((
            Loaded {
                dir: dir.to_path_buf(),
                doc,
                sources,
                files,
            },
            diagnostics,
        )),
        _ => Err(LoadFailure {
            dir: dir.to_path_buf(),
            diagnostics,
            sources,
        }),
    }
}

fn missing_section(path: &Path) -> Diagnostic {
    Diagnostic::error(
        "missing-section",
        format!("the section file {} is missing", path.display()),
    )
    .in_file(path)
}

fn too_large(path: &Path, size: u64) -> Diagnostic {
    Diagnostic::error(
        "file-too-large",
        format!(
            "{} is {size} bytes; a section file may have at most {MAX_FILE_BYTES} bytes",
            path.display()
        ),
    )
    .in_file(path)
}

/// Reads a section file's bytes: it must exist, be no link out of the folder, and not be too large to be a section.
fn read_bytes(path: &Path, dir: &Path) -> Result<Vec<u8>, Diagnostic> {
    let fail = |code, message: String| Err(Diagnostic::error(code, message).in_file(path));
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(missing_section(path)),
        Err(e) => return fail("io", format!("cannot read {}: {e}", path.display())),
    };
    if meta.file_type().is_symlink() {
        // A link may only point inside the document folder: a copied folder must not reach other files.
        let target = path.canonicalize();
        if !target.as_ref().is_ok_and(|t| t.starts_with(dir)) {
            return fail(
                "symlink-outside",
                format!(
                    "{} is a link that points outside the data folder",
                    path.display()
                ),
            );
        }
    }
    let target_meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return fail("io", format!("cannot read {}: {e}", path.display())),
    };
    if !target_meta.is_file() {
        // A folder, a FIFO or a device named like a section: reading it would fail or never end.
        return fail(
            "io",
            format!("cannot read {}: not a regular file", path.display()),
        );
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
        return fail("io", format!("cannot read {}: {e}", path.display()));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(bytes)
}

/// A section file's text: UTF-8 without byte-order mark.
fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let fail = |code, message: String| Err(Diagnostic::error(code, message).in_file(path));
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return fail(
            "byte-order-mark",
            format!(
                "{} starts with a byte-order mark; save it as UTF-8 without BOM",
                path.display()
            ),
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
            let line = text.matches('\n').count() + 1;
            let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            fail(
                "invalid-utf8",
                format!(
                    "{}:{line}:{col}: the file is not valid UTF-8 (save it as UTF-8)",
                    path.display()
                ),
            )
        }
    }
}

/// The longest text value accepted, in characters: a reason or a duty is a paragraph, the longest glossary entry a
/// few hundred characters; this is a dozen pages of 仿宋 at 16pt.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// All text values of a document together, in characters. The examples have about 6,000; typesetting grows with
/// the text (200,000 characters took Typst 13 s and 220 MB), so a document past this is refused, not rendered for
/// minutes.
pub const MAX_DOCUMENT_TEXT_CHARS: usize = 300_000;

/// Every text value within [`MAX_TEXT_CHARS`] and the document's text within [`MAX_DOCUMENT_TEXT_CHARS`].
fn text_limits(sources: &Sources, files: &HashMap<&'static str, FileId>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut total = 0usize;
    let mut largest: Option<(usize, FileId)> = None;
    for spec in SECTIONS {
        let Some(&id) = files.get(spec.file) else {
            continue;
        };
        let mut in_file = 0usize;
        crate::glyphs::string_lengths(sources.text(id), |span, chars| {
            in_file += chars;
            if chars > MAX_TEXT_CHARS {
                // Only the opening quote is marked: the value itself is too long to quote.
                let quote = span.start..span.start + 1;
                found.push(
                    Diagnostic::error(
                        "text-too-long",
                        format!(
                            "{}: a text of {chars} characters; a text value may have at most {MAX_TEXT_CHARS}",
                            spec.file
                        ),
                    )
                    .in_file(sources.path(id))
                    .at(id, quote, "this text is too long"),
                );
            }
        });
        total += in_file;
        if largest.is_none_or(|(n, _)| in_file > n) {
            largest = Some((in_file, id));
        }
    }
    if total > MAX_DOCUMENT_TEXT_CHARS {
        let mut d = Diagnostic::error(
            "text-too-long",
            format!(
                "the document's text values have {total} characters; a document may have at most {MAX_DOCUMENT_TEXT_CHARS}"
            ),
        );
        if let Some((n, id)) = largest {
            d = d
                .in_file(sources.path(id))
                .note(format!("{} holds {n} of them", sources.path(id).display()));
        }
        found.push(d);
    }
    found
}

/// Most entries one list of a section may have. A real 决算 table has tens of rows and a department roll-up a few
/// hundred; a longer list is a generated or corrupted file, and checking and typesetting it would take minutes and
/// hundreds of pages.
pub const MAX_ROWS: usize = 2000;

/// Every list of the document within [`MAX_ROWS`]; a longer one is an error at its first entry past the limit.
fn row_limits(
    doc: &Document,
    files: &HashMap<&'static str, FileId>,
    sources: &Sources,
) -> Vec<Diagnostic> {
    /// A list past the limit: its length, and the place of its first entry past the limit.
    type Over = Option<(usize, Option<Span>)>;
    fn over<T>(items: &[T], span: impl Fn(&T) -> Option<Span>) -> Over {
        (items.len() > MAX_ROWS).then(|| (items.len(), items.get(MAX_ROWS).and_then(span)))
    }
    let text = |t: &crate::model::Text| Some(t.span.clone());
    let mut lists: Vec<(&'static str, String, Over)> = vec![
        (
            "overview.toml",
            "duties".into(),
            over(&doc.overview.duties, text),
        ),
        (
            "overview.toml",
            "divisions".into(),
            over(&doc.overview.divisions, text),
        ),
        (
            "table01.toml",
            "expenditure.classes".into(),
            over(&doc.table01.expenditure.classes, |l| {
                Some(l.code.span.clone())
            }),
        ),
        (
            "table02.toml",
            "rows".into(),
            over(&doc.table02.rows, |l| Some(l.code.span.clone())),
        ),
        (
            "table03.toml",
            "rows".into(),
            over(&doc.table03.rows, |l| Some(l.code.span.clone())),
        ),
        (
            "table04.toml",
            "expenditure.classes".into(),
            over(&doc.table04.expenditure.classes, |l| {
                Some(l.code.span.clone())
            }),
        ),
        (
            "table05.toml",
            "rows".into(),
            over(&doc.table05.rows, |l| Some(l.code.span.clone())),
        ),
        (
            "table06.toml",
            "personnel".into(),
            over(&doc.table06.personnel, |l| Some(l.code.span.clone())),
        ),
        (
            "table06.toml",
            "public".into(),
            over(&doc.table06.public, |l| Some(l.code.span.clone())),
        ),
        (
            "table08.toml",
            "rows".into(),
            over(&doc.table08.rows, |l| Some(l.code.span.clone())),
        ),
        (
            "table09.toml",
            "rows".into(),
            over(&doc.table09.rows, |l| Some(l.code.span.clone())),
        ),
        (
            "explanation.toml",
            "general_budget.items".into(),
            over(&doc.explanation.general_budget.items, |l| {
                Some(l.code.span.clone())
            }),
        ),
        (
            "assets.toml",
            "vehicles".into(),
            over(&doc.assets.vehicles, |v| Some(v.kind.span.clone())),
        ),
        (
            "performance.toml",
            "management.evaluated_examples".into(),
            over(&doc.performance.management.evaluated_examples, text),
        ),
        (
            "performance.toml",
            "projects".into(),
            over(&doc.performance.projects, |p| Some(p.name.span.clone())),
        ),
        (
            "glossary.toml",
            "terms".into(),
            over(&doc.glossary.terms, |t| {
                t.term.as_ref().or(t.code.as_ref()).map(|t| t.span.clone())
            }),
        ),
    ];
    for (i, project) in doc.performance.projects.iter().enumerate().take(MAX_ROWS) {
        lists.push((
            "performance.toml",
            format!("projects[{i}].indicators"),
            over(&project.indicators, |n| Some(n.name.span.clone())),
        ));
    }
    lists
        .into_iter()
        .filter_map(|(file, key, over)| over.map(|(len, span)| (file, key, len, span)))
        .map(|(file, key, len, span)| {
            let mut d = Diagnostic::error(
                "too-many-rows",
                format!("{file}: `{key}` has {len} entries; a list may have at most {MAX_ROWS}"),
            )
            .note("a real 决算 table has tens of rows, a department roll-up a few hundred: the file looks generated or corrupted");
            if let Some(&id) = files.get(file) {
                d = d.in_file(sources.path(id));
                if let Some(span) = span {
                    d = d.at(id, span, format!("entry {} is past the limit", MAX_ROWS + 1));
                }
            }
            d
        })
        .collect()
}

/// Files in the folder that no section reads: probably a misnamed section.
fn unknown_files(dir: &Path) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !SECTIONS.iter().any(|s| s.file == n))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| unknown_file(dir, &name))
        .collect()
}

fn unknown_file(dir: &Path, name: &str) -> Diagnostic {
    let mut d = Diagnostic::warning(
        "unknown-file",
        format!("{name} is not a section file and is ignored"),
    )
    .in_file(&dir.join(name));
    if let Some(close) = closest(name, SECTIONS.iter().map(|s| s.file)) {
        d = d.note(format!("did you mean {close}?"));
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

fn parse_all(
    sources: &Sources,
    files: &HashMap<&'static str, FileId>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let parse = |name: &'static str| -> Option<FileId> { files.get(name).copied() };
    macro_rules! section {
        ($name:literal) => {
            parse($name).and_then(|id| parse_section(sources, id, diagnostics))
        };
    }
    let document = section!("document.toml");
    let overview = section!("overview.toml");
    let table01 = section!("table01.toml");
    let table02 = section!("table02.toml");
    let table03 = section!("table03.toml");
    let table04 = section!("table04.toml");
    let table05 = section!("table05.toml");
    let table06 = section!("table06.toml");
    let table07 = section!("table07.toml");
    let table08 = section!("table08.toml");
    let table09 = section!("table09.toml");
    let explanation = section!("explanation.toml");
    let three_public = section!("three_public.toml");
    let operating_costs = section!("operating_costs.toml");
    let procurement = section!("procurement.toml");
    let assets = section!("assets.toml");
    let performance = section!("performance.toml");
    let glossary = section!("glossary.toml");
    Some(Document {
        document: document?,
        overview: overview?,
        table01: table01?,
        table02: table02?,
        table03: table03?,
        table04: table04?,
        table05: table05?,
        table06: table06?,
        table07: table07?,
        table08: table08?,
        table09: table09?,
        explanation: explanation?,
        three_public: three_public?,
        operating_costs: operating_costs?,
        procurement: procurement?,
        assets: assets?,
        performance: performance?,
        glossary: glossary?,
    })
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

fn toml_diagnostic(err: &toml::de::Error, id: FileId, sources: &Sources) -> Diagnostic {
    let message = err.message().trim().to_string();
    let (code, summary) = if message.starts_with("unknown field") {
        ("unknown-key", "unknown key")
    } else if message.starts_with("missing field") {
        ("missing-key", "missing key")
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        ("wrong-type", "wrong type")
    } else if message.contains("not a plain decimal")
        || message.contains("not strings")
        || message.contains("digits")
    {
        ("bad-number", "bad number")
    } else if message.starts_with("unknown variant") {
        ("unknown-value", "unknown value")
    } else {
        ("toml-syntax", "invalid TOML")
    };
    let first_line = message.lines().next().unwrap_or("").to_string();
    let mut d =
        Diagnostic::error(code, format!("{summary}: {first_line}")).in_file(sources.path(id));
    if let Some(span) = err.span() {
        d = d.at(id, span, summary.to_string());
    }
    if code == "unknown-key" {
        if let Some((found, expected)) = parse_unknown_field(&message) {
            if let Some(close) = closest(&found, expected.iter().map(String::as_str)) {
                d = d.note(format!("did you mean `{close}`?"));
            }
            d = d.note(format!("expected one of: {}", expected.join(", ")));
        }
    }
    d
}

/// Splits serde's "unknown field `x`, expected one of `a`, `b`" into the key and the keys allowed there.
fn parse_unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let mut ticks = message.split('`').skip(1).step_by(2).map(str::to_string);
    let found = ticks.next()?;
    Some((found, ticks.collect()))
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

    #[test]
    fn unknown_field_message_is_split() {
        let (found, expected) =
            parse_unknown_field("unknown field `totl`, expected one of `total`, `basic`").unwrap();
        assert_eq!(found, "totl");
        assert_eq!(expected, ["total", "basic"]);
    }
}
