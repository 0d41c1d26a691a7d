//! Atomic output: a file is written to a temporary file in the same folder, flushed and renamed over the target,
//! so a failed or killed run leaves the old file or the new one, never a truncated one.

use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}", crate::tr!("cannot-write", path = path.display(), why = source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `bytes` to `path` atomically.
///
/// The new file gets the permissions an ordinary new file would get (0666 less the umask; a temporary file's
/// default of 0600 would hide the PDF from the rest of the office), or those of the file it replaces.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    if let Ok(previous) = std::fs::metadata(path) {
        // Best effort: a replaced edition keeps its permissions; failing to copy them is no reason to fail.
        let _ = tmp.as_file().set_permissions(previous.permissions());
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // The rename is durable only once the folder is synced; without it a power cut can bring the old file back
    // (or none). Best effort: some file systems cannot sync a folder, and the file itself is complete already.
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Temporary files are named `.juesuan-XXXXXX.tmp` in the target's folder: hidden, and recognisable as ours if a
/// killed run leaves one behind (a SIGKILL runs no clean-up).
pub const TEMP_PREFIX: &str = ".juesuan-";
pub const TEMP_SUFFIX: &str = ".tmp";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.pdf");
        std::fs::write(&target, b"old").unwrap();
        write_atomic(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.pdf");
        write_atomic(&fresh, b"new").unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        // the same as any new file made here (0666 less the umask), not a temporary file's 0600
        let ordinary = dir.path().join("ordinary");
        std::fs::write(&ordinary, b"x").unwrap();
        let expected = std::fs::metadata(&ordinary).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, expected & 0o777, "{mode:o}");

        let kept = dir.path().join("kept.pdf");
        std::fs::write(&kept, b"old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&kept, b"new").unwrap();
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "{mode:o}");
        assert_eq!(std::fs::read(&kept).unwrap(), b"new");
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no/such/out.pdf");
        assert!(write_atomic(&target, b"x").is_err());
        assert!(!target.exists());
    }
}
