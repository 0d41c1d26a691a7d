//! juesuan turns a government unit's annual final accounts (决算) into the official disclosure PDF (决算公开).
//!
//! Data flows through one module per stage:
//!
//! ```text
//! data/<doc>/*.toml ─load─▶ model::Document (exact, spanned values) ─validate─▶ diagnostics
//!   ─derive─▶ derive::Report (every sentence and cell as a string) ─render─▶ PDF bytes ─write─▶ file (atomic)
//! ```
//!
//! The tables (公开01–09表) are the primary figures; the narrative's totals, shares, changes and completion rates
//! are computed from them in [`derive`](mod@derive), so the PDF cannot state a figure twice with two values.

pub mod archive;
pub mod batch;
pub mod cli;
pub mod derive;
pub mod diag;
pub mod diff;
pub mod fonts;
pub mod glyphs;
pub mod load;
pub mod model;
pub mod money;
pub mod preview;
pub mod profile;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod validate;
pub mod watch;
pub mod write;

use std::path::Path;

use diag::{Diagnostic, Sources};

/// A document checked and derived, ready to render.
pub struct Prepared {
    pub report: derive::Report,
    pub sources: Sources,
    /// Warnings found on the way (errors make [`prepare`] fail).
    pub diagnostics: Vec<Diagnostic>,
    /// The section files exactly as read, to attach to the PDF where the standard allows ([`archive`]).
    pub data_files: Vec<render::Attachment>,
}

/// Why a document could not be prepared: its findings, with the sources they point into.
pub struct Rejected {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads, validates and derives one document folder, for the embedded fonts.
pub fn prepare(dir: &Path) -> Result<Prepared, Rejected> {
    prepare_with(dir, render::Engine::embedded())
}

/// Loads, validates and derives one document folder for the fonts of `engine` (which family draws each style, and
/// whether it has every character: [`fonts`], [`glyphs`]).
pub fn prepare_with(dir: &Path, engine: &render::Engine) -> Result<Prepared, Rejected> {
    prepare_loaded(load::load(dir), engine)
}

/// Like [`prepare`], from the section files' contents in memory (by file name); `dir` only names them in messages.
/// The fuzz target and the hostile-input tests go through here.
pub fn prepare_from_memory(dir: &Path, contents: &[(&str, &[u8])]) -> Result<Prepared, Rejected> {
    prepare_loaded(
        load::load_from_memory(dir, contents),
        render::Engine::embedded(),
    )
}

fn prepare_loaded(
    loaded: Result<(load::Loaded, Vec<Diagnostic>), load::LoadFailure>,
    engine: &render::Engine,
) -> Result<Prepared, Rejected> {
    let (loaded, mut diagnostics) = match loaded {
        Ok(ok) => ok,
        Err(failure) => {
            return Err(Rejected {
                sources: failure.sources,
                diagnostics: failure.diagnostics,
            });
        }
    };
    let profile = validate::validate(&loaded, &mut diagnostics);
    let (style_map, substituted) = fonts::resolve(
        &loaded.doc.document.fonts,
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
    let profile = match profile {
        Some(profile) if !diagnostics.iter().any(Diagnostic::is_error) => profile,
        _ => {
            return Err(Rejected {
                sources: loaded.sources,
                diagnostics,
            });
        }
    };
    let mut report = derive::derive(&loaded.doc, &profile);
    // The tables' text widths in the font that draws them: rows that fit on one line get a fixed height.
    render::measure_tables(&mut report.tables, engine, &style_map.table);
    report.meta.fonts = style_map;
    let data_files = archive::data_files(&loaded);
    Ok(Prepared {
        report,
        sources: loaded.sources,
        diagnostics,
        data_files,
    })
}
