//! `juesuan forms`: the forms this version knows.

use std::process::ExitCode;

use juesuan::form::Form;

pub fn run() -> ExitCode {
    for form in Form::ids().filter_map(Form::get) {
        println!("{:<16} {}  {}", form.id, form.year_range(), form.name);
    }
    ExitCode::SUCCESS
}
