//! `juesuan rules`: every finding's code, severity and stage, with what it checks.

use std::process::ExitCode;

use juesuan::rule::Rule;

pub fn run() -> ExitCode {
    let mut list = String::new();
    for rule in Rule::ALL {
        list += &format!(
            "{:<18} {} {} {}\n",
            rule.code(),
            super::pad(&rule.severity().word(), 7),
            super::pad(&rule.stage().word_here(), 5),
            rule.what_here()
        );
    }
    super::write_stdout(list.as_bytes())
}
