//! Command-line arguments. The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::render::Standard;

#[derive(Debug, Parser)]
#[command(
    name = "juesuan",
    version,
    about = "Renders a unit's 决算 data folder into the official 决算公开 PDF"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Colour in diagnostics: auto (on a terminal), always or never.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a data folder and render it to PDF.
    ///
    /// Example: juesuan render data/jinhua-hrss-dsc-2020 -o out.pdf
    ///
    /// The data is checked first; on any error nothing is written and an existing output file is left as it was.
    Render {
        /// The document's data folder.
        dir: PathBuf,
        /// The PDF to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Output conformance. a-2u (PDF/A-2u, archival, searchable Chinese text) is the default; a-3u allows
        /// attachments; 1.7 is plain PDF; ua-1 is accessible PDF; a-2a+ua-1 is both.
        #[arg(long, value_enum, default_value_t = Standard::A2u)]
        standard: Standard,
    },
    /// Check one or more data folders without rendering: every rule, every finding at once.
    ///
    /// Example: juesuan check data/jinhua-hrss-dsc-2020 data/example-2021
    ///
    /// Exit code 0: no errors (warnings allowed); 1: data errors; 2: usage or I/O errors.
    Check {
        /// Data folders.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Output format: human-readable diagnostics, or one JSON object per finding.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List the rule codes `check` applies, with what each checks.
    Rules,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}
