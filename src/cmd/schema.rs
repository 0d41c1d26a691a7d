//! `juesuan schema`: the JSON Schemas of the section files, for editors.

use std::path::Path;
use std::process::ExitCode;

use juesuan::form::Form;
use juesuan::model::SectionId;

use super::FAILURE;

/// Every section's schema (or a form's sections') into a folder, or all of them as one JSON object on stdout, each
/// under the name its file's `#:schema` line gives (`table01.json`).
pub fn run(out: Option<&Path>, form: Option<&str>) -> ExitCode {
    let sections = match form {
        None => SectionId::ALL.to_vec(),
        Some(id) => match Form::get(id) {
            Some(form) => form.sections(),
            None => {
                let known: Vec<&str> = Form::ids().collect();
                eprintln!(
                    "{}; {}",
                    super::error(&juesuan::tr!("no-such-form", name = id)),
                    juesuan::tr!("forms-are", forms = known.join(", "))
                );
                return ExitCode::from(FAILURE);
            }
        },
    };
    match out {
        Some(dir) => match juesuan::schema::write_all(dir, &sections) {
            Ok(written) => {
                eprintln!(
                    "{}",
                    juesuan::tr!("schema-wrote", n = written.len(), dir = dir.display())
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{}", super::error(&e));
                ExitCode::from(FAILURE)
            }
        },
        None => {
            let all: serde_json::Map<String, serde_json::Value> = sections
                .iter()
                .map(|&s| {
                    (
                        juesuan::schema::schema_file_name(s),
                        juesuan::schema::section_schema(s).to_value(),
                    )
                })
                .collect();
            match serde_json::to_string_pretty(&all) {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}", super::error(&e));
                    ExitCode::from(FAILURE)
                }
            }
        }
    }
}
