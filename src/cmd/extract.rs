//! `juesuan extract`: the data files attached to a PDF, back into a folder.

use std::path::Path;
use std::process::ExitCode;

use super::FAILURE;

/// `juesuan extract`: 0 when every attached file was written, 2 otherwise (nothing is written then).
pub fn run(pdf: &Path, dir: &Path) -> ExitCode {
    match juesuan::archive::extract(pdf, dir) {
        Ok(written) => {
            for path in &written {
                eprintln!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(FAILURE)
        }
    }
}
