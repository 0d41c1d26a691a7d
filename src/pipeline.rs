//! One document through the stages: load → validate → derive (with the fonts that will draw it) → render. The
//! single `render`, the batch, `preview`, `check` and `--watch` all go through here, so a document renders the same
//! whichever command renders it.

use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Sources};
use crate::form::Form;
use crate::load::{self, FormChoice};
use crate::render::{self, Engine, Standard, TableFont};
use crate::{archive, derive, fonts, glyphs, validate};

/// A document checked and derived, ready to render.
pub struct Prepared {
    /// The form the document was read with.
    pub form: Arc<Form>,
    pub report: derive::Report,
    pub sources: Sources,
    /// Warnings found on the way (errors make [`prepare`] fail).
    pub diagnostics: Vec<Diagnostic>,
    /// The section files exactly as read, to attach to the PDF where the standard allows ([`archive`]).
    pub data_files: Vec<render::Attachment>,
    /// Values are still marked 待填写 (`placeholder`): the PDF is marked 草稿 on every page, and `--final`
    /// refuses it.
    pub draft: bool,
}

impl Prepared {
    /// The PDF, with the data files attached where the standard allows.
    pub fn pdf(&self, engine: &Engine, standard: Standard) -> Result<Vec<u8>, render::RenderError> {
        engine.pdf_with_sources(&self.report, standard, &self.data_files)
    }
}

/// Why a document could not be prepared: its findings, with the sources they point into.
pub struct Rejected {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads, validates and derives one document folder, for the embedded fonts.
pub fn prepare(dir: &Path) -> Result<Prepared, Rejected> {
    prepare_with(dir, Engine::embedded())
}

/// Loads, validates and derives one document folder for the fonts of `engine` (which family draws each style, and
/// whether it has every character: [`fonts`], [`glyphs`]).
pub fn prepare_with(dir: &Path, engine: &Engine) -> Result<Prepared, Rejected> {
    prepare_loaded(load::load(dir), engine)
}

/// [`prepare_with`] for a form given whole rather than named by document.toml (a form under development, or a
/// variant in a test).
pub fn prepare_with_form(
    dir: &Path,
    engine: &Engine,
    form: &Arc<Form>,
) -> Result<Prepared, Rejected> {
    prepare_loaded(load::load_with(dir, FormChoice::Given(form)), engine)
}

/// Like [`prepare`], from the section files' contents in memory (by file name); `dir` only names them in messages.
/// The fuzz target and the hostile-input tests go through here.
pub fn prepare_from_memory(dir: &Path, contents: &[(&str, &[u8])]) -> Result<Prepared, Rejected> {
    prepare_loaded(load::load_from_memory(dir, contents), Engine::embedded())
}

fn prepare_loaded(
    loaded: Result<(load::Loaded, Vec<Diagnostic>), load::LoadFailure>,
    engine: &Engine,
) -> Result<Prepared, Rejected> {
    let (loaded, mut diagnostics) = match loaded {
        Ok(ok) => ok,
        Err(mut failure) => {
            failure.check_the_rest(validate::validate);
            return Err(Rejected {
                sources: failure.sources,
                diagnostics: failure.diagnostics,
            });
        }
    };
    validate::validate(&loaded, &mut diagnostics);
    let (style_map, substituted) = fonts::resolve(
        &loaded.doc.info().fonts,
        engine,
        Some(loaded.file("document.toml")),
    );
    diagnostics.extend(substituted);
    // Every character must have a glyph in the fonts that draw it: refused here, so `check` reports it too.
    diagnostics.extend(glyphs::check_document(
        &loaded,
        engine,
        &style_map.style_fonts(),
    ));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Rejected {
            sources: loaded.sources,
            diagnostics,
        });
    }
    // The tables' text widths in the font that draws them: rows that surely fit on one line get a fixed height.
    let table_font = TableFont::new(engine, &style_map.table);
    let widths = table_font.as_ref().and_then(TableFont::widths);
    let draft = diagnostics
        .iter()
        .any(|d| d.rule == crate::rule::Rule::Placeholder);
    let report = derive::derive(
        &loaded.doc,
        &loaded.form,
        derive::Typesetting {
            fonts: style_map,
            widths: widths.as_ref(),
            draft,
        },
    );
    let data_files = archive::data_files(&loaded);
    Ok(Prepared {
        form: loaded.form,
        report,
        sources: loaded.sources,
        diagnostics,
        data_files,
        draft,
    })
}
