//! `juesuan rules`: every finding's code, severity and stage, with what it checks.

use std::process::ExitCode;

use juesuan::diag::Severity;
use juesuan::rule::Rule;

pub fn run() -> ExitCode {
    for rule in Rule::ALL {
        let severity = match rule.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        println!(
            "{:<18} {severity:<7} {:<5} {}",
            rule.code(),
            rule.stage().word(),
            rule.what()
        );
    }
    ExitCode::SUCCESS
}
