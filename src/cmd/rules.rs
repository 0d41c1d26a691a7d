//! `juesuan rules`: every finding's code, severity and stage, with what it checks.

use std::process::ExitCode;

use juesuan::rule::Rule;

pub fn run() -> ExitCode {
    for rule in Rule::ALL {
        println!(
            "{:<18} {} {} {}",
            rule.code(),
            pad(&rule.severity().word(), 7),
            pad(&rule.stage().word_here(), 5),
            rule.what_here()
        );
    }
    ExitCode::SUCCESS
}

/// `text` padded to `width` columns, a Chinese character taking two.
fn pad(text: &str, width: usize) -> String {
    let used: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}
