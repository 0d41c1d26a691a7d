//! juesuan turns a government unit's annual final accounts (决算) into the official disclosure PDF (决算公开).
//!
//! Data flows through one module per stage:
//!
//! ```text
//! data/<doc>/*.toml ─load─▶ model::Document (exact, spanned values) ─validate─▶ diagnostics
//!   ─derive─▶ derive::Report (every sentence and cell as a string) ─render─▶ PDF bytes ─write─▶ file (atomic)
//! ```
//!
//! What is not the unit's figures — parts, headings, the sections in order, tables and their headers, wording —
//! is the document's [`form`], a data file. The tables (公开01–09表) are the primary figures; the narrative's totals,
//! shares, changes and completion rates are computed from them in [`derive`](mod@derive), so the PDF cannot state
//! a figure twice with two values. [`pipeline`] runs the stages for one document; `render`, the batch, `preview`
//! and `--watch` all go through it. [`workbook`] writes the tables as a spreadsheet and reads a spreadsheet of them
//! into a data folder, by the same form.

pub mod archive;
pub mod batch;
pub mod cli;
pub mod derive;
pub mod diag;
pub mod diff;
pub mod figures;
pub mod fill;
pub mod fonts;
pub mod form;
pub mod glyphs;
pub mod i18n;
pub mod link;
pub mod load;
pub mod model;
pub mod money;
pub mod pipeline;
pub mod preview;
pub mod render;
pub mod rule;
pub mod scaffold;
pub mod schema;
pub mod validate;
pub mod watch;
pub mod workbook;
pub mod write;

pub use pipeline::{Prepared, Rejected, prepare, prepare_from_memory, prepare_with};
