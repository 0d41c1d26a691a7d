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
    /// Check data folders and render them to PDF: one document into a file, or many into a folder
    ///
    /// Examples: juesuan render data/jinhua-hrss-dsc-2020 -o out.pdf
    ///           juesuan render units/ -o pdf/          (every document folder in units/, in parallel)
    ///           juesuan render data/unit-2021 -o out.pdf --watch   (again on every save)
    ///
    /// The data is checked first; on any error nothing is written for that document and an existing output file is
    /// left as it was. Into a folder, each PDF is named after its data folder, a document whose data failed does not
    /// stop the others (the exit code says some failed), and documents whose inputs have not changed since the last
    /// run (recorded in the folder's .juesuan-manifest.json) are skipped.
    // Verbatim: clap would otherwise join the example lines into one.
    #[command(verbatim_doc_comment)]
    Render {
        /// Data folders, or parent folders whose subfolders are documents (a folder holding document.toml is a
        /// document).
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Where to write: a file ending in .pdf for one document, otherwise an output folder (created if
        /// missing; for one document, an existing folder or one written with a trailing /) that receives
        /// <folder name>.pdf for each document. Without it, one document is written beside its folder (data/x →
        /// data/x.pdf).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Output conformance. a-2u (PDF/A-2u: archival, every glyph mapped to Unicode so the Chinese text stays
        /// searchable) is the default. a-3u (PDF/A-3u) is the same and also attaches the data folder's TOML files
        /// (relationship Source), so the archived PDF carries its own data: `juesuan extract` writes them back
        /// out. PDF/A-2 forbids attachments, so a-2u and a-2a+ua-1 leave them out. 1.7 is plain PDF and ua-1
        /// accessible PDF/UA-1 (both attach the data); a-2a+ua-1 is PDF/A-2a and PDF/UA-1 at once.
        #[arg(long, value_enum, default_value_t = Standard::A2u)]
        standard: Standard,
        /// Into a folder: documents rendered at once (default: the number of cores).
        #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Into a folder: render every document, even those unchanged since the last run.
        #[arg(long)]
        force: bool,
        /// No progress bar or progress lines (diagnostics and the summary are still printed).
        #[arg(short, long, conflicts_with = "verbose")]
        quiet: bool,
        /// A line per document with the time spent in each stage, and the stage totals.
        #[arg(short, long)]
        verbose: bool,
        /// Write the report data the templates read (/data.json) instead of the PDF, to compile the templates with
        /// the stock Typst CLI (benchmarks, template work).
        #[arg(long, hide = true)]
        emit_json: bool,
        /// Render again every time a data file of the folder is saved, with the diagnostics on the terminal, until
        /// interrupted (Ctrl-C). One document only: a data folder and an output file ending in .pdf. A render
        /// with errors leaves the last good PDF as it was.
        #[arg(long, conflicts_with_all = ["emit_json", "force", "jobs"])]
        watch: bool,
        /// A folder of font files (.ttf .otf .ttc) to draw with besides the embedded Fandol fonts, e.g. the
        /// official 方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312; may be given more than once. `juesuan fonts`
        /// shows which family then draws each style.
        #[arg(long = "font-path", value_name = "DIR")]
        font_path: Vec<PathBuf>,
        /// Refuse drafts: a document with values still marked 待填写 is not written (exit code 1). Without it a
        /// draft is written with a 草稿 mark on every page.
        #[arg(long = "final")]
        final_only: bool,
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
        /// A folder of font files to check the characters against besides the embedded fonts (as for render).
        #[arg(long = "font-path", value_name = "DIR")]
        font_path: Vec<PathBuf>,
    },
    /// List the font families available and which family draws each style (标题, 一级, 二级, 正文, 表格).
    ///
    /// Example: juesuan fonts --font-path /usr/share/fonts/official data/jinhua-hrss-dsc-2020
    ///
    /// Each style is drawn by the family `[fonts]` in document.toml names (title, heading1, heading2, body,
    /// table), else by the first official family available, else by the embedded Fandol face.
    Fonts {
        /// A document folder whose `[fonts]` to apply (optional).
        dir: Option<PathBuf>,
        /// A folder of font files to add (as for render).
        #[arg(long = "font-path", value_name = "DIR")]
        font_path: Vec<PathBuf>,
    },
    /// List the rule codes `check` applies, with what each checks.
    ///
    /// Example: juesuan rules
    ///
    /// Each finding of `check` names its rule code in brackets, e.g. error[sum-mismatch].
    Rules,
    /// Show what a correction changes: every figure and text that differs, and every narrative sentence that
    /// reads differently as a result (the material of a 更正说明).
    ///
    /// Example: juesuan diff data/unit-2020-published data/unit-2020-corrected
    ///
    /// Exit code 0: identical; 1: different; 2: a folder could not be read or does not pass `check`.
    Diff {
        /// The document as published.
        old: PathBuf,
        /// The corrected document.
        new: PathBuf,
        /// Output format: a readable list, or one JSON object with `values` and `sentences`.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Print a draft 更正说明 (correction notice) instead: each corrected figure and text 原为 … 更正为 …, the
        /// sentences that change with them, the unit and date; e.g. `--correction > 更正说明.txt`
        #[arg(long, conflicts_with = "format")]
        correction: bool,
    },
    /// Start a new document: a data folder with every section file of its form, commented in Chinese, to fill in
    ///
    /// Examples: juesuan new data/unit-2021 --unit 示例市示例局 --year 2021
    ///           juesuan new data/unit-2024 --unit 上海市XX局 --year 2024 --kind 部门 --form shanghai-2024
    ///           juesuan new data/unit-2021 --from data/unit-2020
    ///
    /// The form (`juesuan forms` lists them) decides the parts, tables and wording: without --form, last year's
    /// form if it covers the year, else the one form that covers the year.
    /// Figures start as 0 and texts as "待填写：…" (to fill in), so the folder passes `check` and renders from the
    /// start and can be filled in and checked step by step. With --from, last year's duties, divisions, glossary,
    /// 主管部门, fonts and every table row's code and name (figures 0) are carried over, and document.toml names
    /// last year's folder (previous = "../…"), from which the 上年数 come; unit, year (last year + 1) and kind
    /// default to last year's.
    /// Every file starts with a `#:schema` line, so an editor with TOML schema support (VS Code with Even Better
    /// TOML, or taplo) completes keys, explains them in Chinese and flags mistakes while you type. The folder must
    /// be new or empty: nothing is overwritten.
    #[command(verbatim_doc_comment)]
    New {
        /// The folder to create (or an empty one).
        dir: PathBuf,
        /// 单位全称, as the title is to print it.
        #[arg(long, value_name = "名称", required_unless_present = "from")]
        unit: Option<String>,
        /// 决算年度.
        #[arg(long, value_name = "年度", required_unless_present = "from")]
        year: Option<i32>,
        /// 单位 (a unit's own accounts, the default) or 部门 (a department's roll-up).
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Last year's data folder: its standing text and table rows are carried over, and the new folder names it (previous), for its 上年数.
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
        /// The form, e.g. zhejiang-2020 or shanghai-2024 (`juesuan forms` lists them).
        #[arg(long, value_name = "FORM")]
        form: Option<String>,
        /// 决算 or 预算: the kind of document, when no --form is given and forms of both kinds cover the year.
        #[arg(long, value_enum, conflicts_with = "form")]
        document: Option<DocumentArg>,
    },
    /// List the forms this version knows: region, document and the years each covers
    ///
    /// Example: juesuan forms
    ///
    /// A document names its form in document.toml (`form = "zhejiang-2020"`); `juesuan new --form` starts one.
    Forms,
    /// Write the JSON Schema of every section file, for editors (taplo, VS Code with Even Better TOML)
    ///
    /// Examples: juesuan schema --out data/unit-2021/.schema
    ///           juesuan schema > schemas.json
    ///
    /// The schemas are generated from the same types the loader reads, with a Chinese description of every key.
    /// A data file that starts with `#:schema ./.schema/table01.json` is then checked as it is typed. `juesuan new`
    /// writes them into every new folder. Without --out, one JSON object maps each schema's name to the schema.
    /// With --form, only the sections that form reads.
    #[command(verbatim_doc_comment)]
    Schema {
        /// The folder to write <section>.json into (created if missing).
        #[arg(long, short, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Only the sections of this form (default: every section of every form).
        #[arg(long, value_name = "FORM")]
        form: Option<String>,
    },
    /// Print a shell completion script (commands, options, file names)
    ///
    /// Examples: juesuan completions bash > ~/.local/share/bash-completion/completions/juesuan
    ///           juesuan completions zsh > ~/.zfunc/_juesuan
    ///           juesuan completions fish > ~/.config/fish/completions/juesuan.fish
    ///           juesuan completions powershell >> $PROFILE
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Draw pages as PNG pictures, for a quick look without a PDF viewer.
    ///
    /// Example: juesuan preview data/jinhua-hrss-dsc-2020 --pages 1-3 -o preview/
    ///
    /// The data is checked first, as for render. Pages are written as page-01.png, page-02.png, … at 144 dpi;
    /// an existing picture of the same page is replaced.
    Preview {
        /// The data folder.
        dir: PathBuf,
        /// The pages to draw, counted from 1: 1-3, 5, or 1-3,7 (default: every page).
        #[arg(long, value_parser = crate::preview::parse_pages)]
        pages: Option<crate::preview::Pages>,
        /// The folder to write the pictures into (created if missing).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// A folder of font files to draw with besides the embedded fonts (as for render).
        #[arg(long = "font-path", value_name = "DIR")]
        font_path: Vec<PathBuf>,
    },
    /// Write the document's tables as an xlsx workbook, laid out as the form prints them
    ///
    /// Example: juesuan export data/jinhua-hrss-dsc-2020 -o tables.xlsx
    ///
    /// One sheet per table: its title, 编制单位 and 金额单位 lines, the header with its merged cells, the rows with
    /// figures as numbers (two decimals, separators as the form prints them), column widths, frozen header rows,
    /// A4 print setup. The data is checked first; on any error nothing is written. `juesuan import` reads the
    /// workbook back.
    #[command(verbatim_doc_comment)]
    Export {
        /// The data folder.
        dir: PathBuf,
        /// The workbook to write (.xlsx); an existing file is replaced only once the new one is complete.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Read a workbook of the nine tables into a new data folder, then check it
    ///
    /// Examples: juesuan import tables.xlsx -o data/unit-2020
    ///           juesuan import 2026年单位预算公开样张.xls -o data/x-2026 --unit 上海市普陀区XX单位
    ///
    /// Reads our own export, a published 公开表 workbook or the Shanghai 样张 (xlsx, xls, ods): each table's sheet is
    /// found by its title, its header by its words, each row by its 行次, code or label; figures are converted
    /// from the sheet's 单位 line (元 ↔ 万元). A cell that cannot be placed is reported with its Sheet!C12 address
    /// and nothing is written (unless --partial). Every imported value carries a comment naming its cell; what no
    /// table holds (reasons, duties, last year's figures) is scaffolded as `juesuan new` does, marked 待填写.
    #[command(verbatim_doc_comment)]
    Import {
        /// The workbook (.xlsx, .xlsm, .xls, .ods).
        workbook: PathBuf,
        /// The data folder to create (new or empty: nothing is overwritten).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// The form (default: the one the workbook's titles are of).
        #[arg(long, value_name = "FORM")]
        form: Option<String>,
        /// 单位全称 (default: the 编制单位 line).
        #[arg(long, value_name = "名称")]
        unit: Option<String>,
        /// The year (default: the one the titles name).
        #[arg(long, value_name = "年度")]
        year: Option<i32>,
        /// 单位 or 部门 (default: as the titles say, else 单位).
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Write the folder even when some cells cannot be placed (they are listed; the tables not found are left
        /// to fill in).
        #[arg(long)]
        partial: bool,
    },
    /// Write the 款 and 类 lines and 合计 rows that a folder's 项 lines determine, in place
    ///
    /// Example: juesuan fill data/unit-2021
    ///
    /// Type only the 项 lines of a table (or the 款 of 公开06表): a parent line is the sum of its children and 合计
    /// the sum of the 类 lines, column by column. fill writes each such figure the folder does not state (and a
    /// parent line that is missing, its name marked 待填写), keeping every comment, and prints what it wrote. A stated
    /// figure that disagrees is never overwritten: it is listed (exit code 1).
    #[command(verbatim_doc_comment)]
    Fill {
        /// The data folder.
        dir: PathBuf,
        /// Print what would be written, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the data files attached to a PDF back out into a folder.
    ///
    /// Example: juesuan extract archived.pdf data/restored
    ///
    /// Only PDFs rendered with --standard a-3u (or 1.7, ua-1) carry their data; PDF/A-2 forbids attachments.
    /// Rendering the extracted folder with the same --standard gives the same PDF, byte for byte. The folder is
    /// created if missing; an existing file is never overwritten (then nothing is written).
    Extract {
        /// The PDF to read.
        pdf: PathBuf,
        /// The folder to write the files into.
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// `juesuan new --kind`: the document's 单位/部门, by its Chinese name or an English one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    #[value(name = "单位", alias = "unit")]
    Unit,
    #[value(name = "部门", alias = "department")]
    Department,
}

/// 决算 or 预算.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DocumentArg {
    #[value(name = "决算", alias = "final-accounts")]
    FinalAccounts,
    #[value(name = "预算", alias = "budget")]
    Budget,
}

impl From<DocumentArg> for crate::model::DocumentKind {
    fn from(kind: DocumentArg) -> Self {
        match kind {
            DocumentArg::FinalAccounts => crate::model::DocumentKind::FinalAccounts,
            DocumentArg::Budget => crate::model::DocumentKind::Budget,
        }
    }
}

impl From<KindArg> for crate::model::Kind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Unit => crate::model::Kind::Unit,
            KindArg::Department => crate::model::Kind::Department,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// The command line as `--help` shows it, in the user's language: clap's own (from the doc comments above) in
/// English, with every about and help text the catalogue has (`cli-<command>`, `cli-<command>-long`,
/// `cli-<command>-<argument>`) put in under Chinese.
pub fn command() -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    match crate::i18n::current() {
        crate::i18n::Lang::En => command,
        lang => localize(command, "cli", lang),
    }
}

/// The arguments of this run, parsed against [`command`] (so `--help` speaks the user's language).
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

fn localize(command: clap::Command, id: &str, lang: crate::i18n::Lang) -> clap::Command {
    use clap::{Arg, ArgAction};
    let text = |id: &str| crate::i18n::lookup(lang, id, &[]);
    // clap keeps headings as `&'static str` (without its `string` feature): a few words, made once per run.
    let word = |id: &str| -> &'static str {
        Box::leak(crate::i18n::message(lang, id, &[]).into_boxed_str())
    };
    let mut command = command
        .help_template(word("cli-template"))
        .subcommand_help_heading(word("cli-commands"))
        .subcommand_value_name(word("cli-command"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(word("cli-help")),
        );
    if id == "cli" {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(word("cli-version")),
        );
    }
    if let Some(about) = text(id) {
        command = command.about(about);
    }
    if let Some(long) = text(&format!("{id}-long")) {
        command = command.long_about(long);
    }
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for arg in args {
        let help = text(&format!("{id}-{arg}"));
        let heading = word("cli-options");
        command = command.mut_arg(&arg, |a| {
            let a = if a.is_positional() {
                a.help_heading(word("cli-arguments"))
            } else {
                a.help_heading(heading)
            };
            match help {
                Some(help) => a.help(help),
                None => a,
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_id = if id == "cli" {
            format!("cli-{name}")
        } else {
            format!("{id}-{name}")
        };
        command = command.mut_subcommand(&name, |c| localize(c, &sub_id, lang));
    }
    if id == "cli" {
        // clap adds its `help` command while building: built first, it can be told in the user's language too.
        command.build();
        command = command.mut_subcommand("help", |c| c.about(word("cli-help-command")));
    }
    command
}
