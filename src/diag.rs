//! Findings about the data, pointing at the value at fault, rendered like rustc or ruff.
//!
//! Every stage that reads the data reports through [`Diagnostic`]: the loader for TOML syntax, unknown keys and
//! wrong types, the validator for broken identities. Rendering goes through codespan-reporting, which measures
//! columns with unicode-width, so a caret under a value after Chinese text lands where the value is.

use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{self, Files, SimpleFiles};
use codespan_reporting::term::termcolor::Buffer;
use codespan_reporting::term::{self, Config};
use serde::Serialize;

use crate::money::Span;
use crate::rule::Rule;

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// The text of every data file read, so diagnostics can quote them.
#[derive(Default)]
pub struct Sources {
    files: SimpleFiles<String, String>,
    paths: Vec<PathBuf>,
}

impl Sources {
    pub fn add(&mut self, path: &Path, text: String) -> FileId {
        self.paths.push(path.to_path_buf());
        self.files.add(path.display().to_string(), text)
    }

    pub fn text(&self, id: FileId) -> &str {
        self.files
            .get(id)
            .map(|f| f.source().as_str())
            .unwrap_or("")
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.paths[id]
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        let text = self.text(id);
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A place in a data file.
#[derive(Clone, Debug)]
pub struct Place {
    pub file: FileId,
    pub span: Span,
}

/// One finding: a stable code, a one-line message, where, what else is involved, and what was expected.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule found broken; its stable kebab-case code (`toml-syntax`, `sum-mismatch`) is [`Diagnostic::code`].
    pub rule: Rule,
    pub message: String,
    /// The value at fault, with a short label; `None` for a finding about a whole folder or file.
    pub primary: Option<(Place, String)>,
    /// The other values involved.
    pub secondary: Vec<(Place, String)>,
    pub notes: Vec<String>,
    /// The file a place-less finding is about.
    pub path: Option<PathBuf>,
    /// Other files the finding follows from, besides those of its places (a code that 公开05表 does not list:
    /// the finding is about explanation.toml, and true only if table05.toml was read).
    pub given: Vec<FileId>,
}

impl Diagnostic {
    /// A finding of `rule`, with the rule's severity.
    pub fn new(rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: rule.severity(),
            rule,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            notes: Vec::new(),
            path: None,
            given: Vec::new(),
        }
    }

    /// The rule's stable code, e.g. `sum-mismatch`.
    pub fn code(&self) -> &'static str {
        self.rule.code()
    }

    pub fn at(mut self, file: FileId, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some((Place { file, span }, label.into()));
        self
    }

    pub fn also(mut self, file: FileId, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push((Place { file, span }, label.into()));
        self
    }

    /// The finding follows from `file` too, though it shows no place in it.
    pub fn given(mut self, file: FileId) -> Self {
        self.given.push(file);
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn in_file(mut self, path: &Path) -> Self {
        self.path = Some(path.to_path_buf());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The finding as rustc prints one, with source lines and carets (`color` for a terminal).
    pub fn render(&self, sources: &Sources, color: bool) -> String {
        self.render_from(sources, color, None)
    }

    /// Like [`Diagnostic::render`], with file paths relative to `root` (e.g. a document folder), so the text does
    /// not depend on where the folder lies: snapshot tests and reports meant for another machine.
    pub fn render_relative(&self, sources: &Sources, color: bool, root: &Path) -> String {
        self.render_from(sources, color, Some(root))
    }

    fn render_from(&self, sources: &Sources, color: bool, root: Option<&Path>) -> String {
        let mut cs = match self.severity {
            Severity::Error => CsDiagnostic::new(CsSeverity::Error),
            Severity::Warning => CsDiagnostic::new(CsSeverity::Warning),
        }
        .with_code(self.code())
        .with_message(&self.message);
        let mut labels = Vec::new();
        if let Some((place, label)) = &self.primary {
            labels.push(Label::primary(place.file, place.span.clone()).with_message(label));
        }
        for (place, label) in &self.secondary {
            labels.push(Label::secondary(place.file, place.span.clone()).with_message(label));
        }
        let mut notes = self.notes.clone();
        if self.primary.is_none()
            && let Some(path) = &self.path
        {
            notes.insert(
                0,
                crate::tr!("in-file", path = relative(path, root).display()),
            );
        }
        cs = cs.with_labels(labels).with_notes(notes);
        let config = Config::default();
        let mut buffer = if color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        // Emitting into memory fails only if a span lies outside its file: a bug, shown as the bare message.
        let files = Named { sources, root };
        if term::emit(&mut buffer, &config, &files, &cs).is_err() {
            return format!(
                "{}[{}]: {}\n",
                self.severity.word(),
                self.code(),
                self.message
            );
        }
        let text = String::from_utf8_lossy(buffer.as_slice()).into_owned();
        // codespan-reporting writes the severity in English, as `error[code]`, before any colour reset: the first
        // such word is the header's, in the user's language.
        let english = match self.severity {
            Severity::Error => "error[",
            Severity::Warning => "warning[",
        };
        text.replacen(english, &format!("{}[", self.severity.word()), 1)
    }

    /// The finding as one JSON object, for other tools.
    pub fn to_json(&self, sources: &Sources) -> serde_json::Value {
        let place = |p: &Place, label: &str| {
            let (line, column) = sources.line_col(p.file, p.span.start);
            serde_json::json!({
                "file": sources.path(p.file).display().to_string(),
                "line": line,
                "column": column,
                "start": p.span.start,
                "end": p.span.end,
                "label": label,
            })
        };
        serde_json::json!({
            "severity": self.severity,
            "code": self.code(),
            "message": self.message,
            "primary": self.primary.as_ref().map(|(p, l)| place(p, l)),
            "secondary": self.secondary.iter().map(|(p, l)| place(p, l)).collect::<Vec<_>>(),
            "notes": self.notes,
            "path": self.path.as_ref().map(|p| p.display().to_string()),
        })
    }
}

impl Severity {
    /// "error" or "warning", in the user's language.
    pub fn word(self) -> String {
        match self {
            Severity::Error => crate::tr!("severity-error"),
            Severity::Warning => crate::tr!("severity-warning"),
        }
    }
}

/// `path` without the `root` prefix, or as it is when it lies elsewhere.
fn relative<'p>(path: &'p Path, root: Option<&Path>) -> &'p Path {
    root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path)
}

/// The sources as codespan-reporting reads them, with each file named relative to `root` when one is given.
struct Named<'s> {
    sources: &'s Sources,
    root: Option<&'s Path>,
}

impl<'s> Files<'s> for Named<'s> {
    type FileId = FileId;
    type Name = String;
    type Source = &'s str;

    fn name(&'s self, id: FileId) -> Result<String, files::Error> {
        let path = self
            .sources
            .paths
            .get(id)
            .ok_or(files::Error::FileMissing)?;
        Ok(relative(path, self.root).display().to_string())
    }

    fn source(&'s self, id: FileId) -> Result<&'s str, files::Error> {
        self.sources.files.source(id)
    }

    fn line_index(&'s self, id: FileId, byte_index: usize) -> Result<usize, files::Error> {
        self.sources.files.line_index(id, byte_index)
    }

    fn line_range(
        &'s self,
        id: FileId,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, files::Error> {
        self.sources.files.line_range(id, line_index)
    }
}

/// Counts of findings by severity.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}
