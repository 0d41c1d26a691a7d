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
//! are computed from them in [`derive`], so the PDF cannot state a figure twice with two values.

pub mod cli;
pub mod derive;
pub mod diag;
pub mod load;
pub mod model;
pub mod money;
pub mod profile;
pub mod render;
pub mod validate;
pub mod write;

use std::path::Path;

use diag::{Diagnostic, Sources};

/// A document checked and derived, ready to render.
pub struct Prepared {
    pub report: derive::Report,
    pub sources: Sources,
    /// Warnings found on the way (errors make [`prepare`] fail).
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a document could not be prepared: its findings, with the sources they point into.
pub struct Rejected {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads, validates and derives one document folder.
pub fn prepare(dir: &Path) -> Result<Prepared, Rejected> {
    let (loaded, mut diagnostics) = match load::load(dir) {
        Ok(ok) => ok,
        Err(failure) => {
            return Err(Rejected {
                sources: failure.sources,
                diagnostics: failure.diagnostics,
            });
        }
    };
    let profile = match validate::validate(&loaded, &mut diagnostics) {
        Some(profile) if !diagnostics.iter().any(Diagnostic::is_error) => profile,
        _ => {
            return Err(Rejected {
                sources: loaded.sources,
                diagnostics,
            });
        }
    };
    let report = derive::derive(&loaded.doc, &profile);
    Ok(Prepared {
        report,
        sources: loaded.sources,
        diagnostics,
    })
}
