//! `juesuan fonts`: the families available and the family that draws each style.

use std::path::Path;
use std::process::ExitCode;

use juesuan::diag::Sources;
use juesuan::render::Engine;

use juesuan::tr;

use super::{DATA_ERRORS, FAILURE, print_diagnostics};

/// `juesuan fonts`: the families available, and the family each style is drawn by (for a document's `[fonts]`
/// when a folder is given).
pub fn run(engine: &Engine, dir: Option<&Path>, color: bool) -> ExitCode {
    println!("{}", tr!("fonts-families"));
    for (family, aliases, file) in engine.font_families() {
        let from = file.map_or(tr!("fonts-embedded"), |f| f.display().to_string());
        let also = if aliases.is_empty() {
            String::new()
        } else {
            format!(" {}", tr!("fonts-also", names = aliases.join(", ")))
        };
        println!("  {family:<24} {from}{also}");
    }
    let mut choice = juesuan::fonts::FontChoice::default();
    let mut sources = Sources::default();
    let mut file = None;
    if let Some(dir) = dir {
        let path = dir.join("document.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!(
                    "{}",
                    super::error(&tr!("cannot-read", path = path.display(), why = e))
                );
                return ExitCode::from(FAILURE);
            }
        };
        let id = sources.add(&path, text);
        let mut found = Vec::new();
        match juesuan::load::parse_section::<juesuan::model::DocumentInfo>(&sources, id, &mut found)
        {
            Some(info) => choice = info.fonts,
            None => {
                print_diagnostics(&found, &sources, color);
                return ExitCode::from(DATA_ERRORS);
            }
        }
        file = Some(id);
    }
    let (map, warnings) = juesuan::fonts::resolve(&choice, engine, file);
    println!("{}", tr!("fonts-styles"));
    for style in juesuan::fonts::Style::ALL {
        let family = map.family(style);
        let bold = if style == juesuan::fonts::Style::Title && map.title_weight == "bold" {
            " Bold"
        } else {
            ""
        };
        let note = if family == style.embedded() {
            format!(
                "  {}",
                tr!("fonts-stand-in", official = style.official().join(", "))
            )
        } else {
            String::new()
        };
        let label = super::pad(style.label(), 16);
        println!("  {:<8} {label} {family}{bold}{note}", style.key());
    }
    print_diagnostics(&warnings, &sources, color);
    ExitCode::SUCCESS
}
