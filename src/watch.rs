//! `juesuan render --watch`: render again whenever a data file is saved.
//!
//! Polls the section files' modification times and sizes every half second rather than subscribing to file system
//! events: it needs no dependency, works the same on every system and on network drives (where events often do
//! not arrive), and half a second is well within the time it takes to look from the editor to the PDF.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::model::SectionId;

/// Every file name a section of any form is read from, once each.
fn section_files() -> impl Iterator<Item = &'static str> {
    let mut files: Vec<&'static str> = SectionId::ALL.iter().map(|s| s.file()).collect();
    files.dedup();
    files.into_iter()
}

/// How often the folder is looked at.
pub const INTERVAL: Duration = Duration::from_millis(500);

/// What identifies a state of the folder: each section file's modification time and size (`None`: missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint(Vec<Option<(SystemTime, u64)>>);

impl Fingerprint {
    pub fn of(dir: &Path) -> Fingerprint {
        Fingerprint(
            section_files()
                .map(|file| {
                    let meta = std::fs::metadata(dir.join(file)).ok()?;
                    Some((meta.modified().ok()?, meta.len()))
                })
                .collect(),
        )
    }
}

/// Calls `render` once, then again after every change to the folder's section files, until `keep_going` says
/// stop (the command line never does: it runs until interrupted). A change is acted on once the files have been
/// still for one interval, so an editor that saves in several steps causes one render, not several.
pub fn watch(
    dir: &Path,
    interval: Duration,
    mut render: impl FnMut(),
    mut keep_going: impl FnMut() -> bool,
) {
    let mut rendered = Fingerprint::of(dir);
    render();
    let mut seen = rendered.clone();
    while keep_going() {
        std::thread::sleep(interval);
        let now = Fingerprint::of(dir);
        if now != seen {
            // Still being written: look again next time.
            seen = now;
            continue;
        }
        if now != rendered {
            rendered = now;
            render();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_renders_once_more() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("table01.toml");
        std::fs::write(&file, "a").unwrap();
        let mut renders = 0;
        let mut ticks = 0;
        watch(
            dir.path(),
            Duration::from_millis(20),
            || renders += 1,
            || {
                ticks += 1;
                if ticks == 2 {
                    // A different size, so the change shows even where modification times are coarse.
                    std::fs::write(&file, "ab").unwrap();
                }
                ticks < 8
            },
        );
        assert_eq!(renders, 2, "the first render and one after the save");
    }

    #[test]
    fn nothing_changed_nothing_rendered_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut renders = 0;
        let mut ticks = 0;
        watch(
            dir.path(),
            Duration::from_millis(5),
            || renders += 1,
            || {
                ticks += 1;
                ticks < 5
            },
        );
        assert_eq!(renders, 1);
    }
}
