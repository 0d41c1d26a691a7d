//! `juesuan rules`: every finding's code, severity and stage, with what it checks.

use std::process::ExitCode;

use juesuan::rule::Rule;

pub fn run() -> ExitCode {
    for rule in Rule::ALL {
        println!(
            "{:<18} {} {} {}",
            rule.code(),
            super::pad(&rule.severity().word(), 7),
            super::pad(&rule.stage().word_here(), 5),
            rule.what_here()
        );
    }
    ExitCode::SUCCESS
}
