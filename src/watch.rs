//! `juesuan render --watch`: render again whenever a data file is saved.
//!
//! File events (notify: inotify, FSEvents, ReadDirectoryChangesW) say at once that a section file was written. The
//! folder is also read every half second, as before events were used: on network drives and in some containers
//! events do not arrive, and a folder replaced whole (a `git checkout`) is no longer the one watched. Both ways end
//! in the same question — does a section file read differently from the last render? — so a save renders once,
//! whichever way saw it first, and a touch or a save without a change renders nothing.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::model::SectionId;

/// How often the folder is read when no event comes.
pub const INTERVAL: Duration = Duration::from_millis(500);

/// How long the section files must be quiet after an event before rendering: one save is several events (vim:
/// rename, create, write, close; a "save all" one file after another) within a few milliseconds, and should
/// render once, from the files as saved rather than half written.
pub const SETTLE: Duration = Duration::from_millis(30);

/// The renders a result of Typst's cache survives unused between two renders of the watched document
/// ([`crate::render::keep_cache`]): 1 keeps exactly what the last render used, which is what the next one,
/// a save later, can reuse; results of older states of the data go, so memory stays at one document's cache.
pub const CACHE_RENDERS: usize = 1;

/// Every file name a section of any form is read from, once each.
fn section_files() -> Vec<&'static str> {
    let mut files: Vec<&'static str> = SectionId::ALL.iter().map(|s| s.file()).collect();
    files.sort_unstable();
    files.dedup();
    files
}

/// A state of the folder: each section file's bytes (`None`: missing or unreadable). The bytes, not modification
/// times: a second save within a coarse file-system clock tick, of the same size, is still a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint(Vec<Option<Vec<u8>>>);

impl Fingerprint {
    pub fn of(dir: &Path) -> Fingerprint {
        Fingerprint(
            section_files()
                .into_iter()
                .map(|file| std::fs::read(dir.join(file)).ok())
                .collect(),
        )
    }
}

/// How often to look and how long to let a save settle.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    /// The folder is read this often when no event comes ([`INTERVAL`]).
    pub interval: Duration,
    /// Quiet after an event before rendering ([`SETTLE`]).
    pub settle: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            interval: INTERVAL,
            settle: SETTLE,
        }
    }
}

enum Signal {
    Event(notify::Result<notify::Event>),
    Stop,
}

/// Ends a running [`Watcher::run`] after the render under way, if any.
#[derive(Clone)]
pub struct Stop(Sender<Signal>);

impl Stop {
    pub fn stop(&self) {
        // A watcher that has ended already has nothing to stop.
        let _ = self.0.send(Signal::Stop);
    }
}

/// A document folder being watched.
pub struct Watcher {
    dir: std::path::PathBuf,
    tx: Sender<Signal>,
    rx: Receiver<Signal>,
    /// Kept alive for its events; `None` when they are not used or not to be had.
    events: Option<notify::RecommendedWatcher>,
    /// Why there are no file events, when they were asked for.
    no_events: Option<notify::Error>,
}

impl Watcher {
    /// Watches `dir` with file events where the system gives them, and by reading it every [`Timing::interval`].
    pub fn new(dir: &Path) -> Watcher {
        let mut watcher = Watcher::polling(dir);
        let tx = watcher.tx.clone();
        let subscribed = notify::recommended_watcher(move |event| {
            let _ = tx.send(Signal::Event(event));
        })
        .and_then(|mut events| {
            events.watch(dir, RecursiveMode::NonRecursive)?;
            Ok(events)
        });
        match subscribed {
            Ok(events) => watcher.events = Some(events),
            Err(e) => watcher.no_events = Some(e),
        }
        watcher
    }

    /// Watches `dir` by reading it every [`Timing::interval`] only.
    pub fn polling(dir: &Path) -> Watcher {
        let (tx, rx) = mpsc::channel();
        Watcher {
            dir: dir.to_path_buf(),
            tx,
            rx,
            events: None,
            no_events: None,
        }
    }

    /// Why file events could not be had (then only reading the folder shows a save).
    pub fn no_events(&self) -> Option<&notify::Error> {
        self.no_events.as_ref()
    }

    pub fn stopper(&self) -> Stop {
        Stop(self.tx.clone())
    }

    /// Calls `render` once, then again after every change to the folder's section files, until stopped (the
    /// command line never stops it: it runs until interrupted). After an event, a change is rendered once the
    /// section files have been quiet for [`Timing::settle`]; seen only by reading the folder, once they have been
    /// still for one interval, so an editor that saves in several steps causes one render, not several.
    pub fn run(self, timing: Timing, mut render: impl FnMut()) {
        let mut rendered = Fingerprint::of(&self.dir);
        render();
        // What the last look at the folder found: a change is rendered when two looks agree.
        let mut seen = rendered.clone();
        let mut next_look = Instant::now() + timing.interval;
        loop {
            let wait = next_look.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(wait) {
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Signal::Event(event)) => {
                    if !concerns_sections(&event) {
                        continue;
                    }
                    if !self.settle(&timing) {
                        return;
                    }
                    let now = Fingerprint::of(&self.dir);
                    if now != rendered {
                        rendered = now;
                        render();
                    }
                    seen = rendered.clone();
                }
                Err(RecvTimeoutError::Timeout) => {
                    next_look = Instant::now() + timing.interval;
                    let now = Fingerprint::of(&self.dir);
                    if now != seen {
                        // Still being written: look again next time.
                        seen = now;
                    } else if now != rendered {
                        rendered = now;
                        render();
                    }
                }
            }
        }
    }

    /// Waits until no event about the section files came for `settle`, or for one interval at most (a file written
    /// without pause would otherwise never render). False when told to stop meanwhile.
    fn settle(&self, timing: &Timing) -> bool {
        let give_up = Instant::now() + timing.interval;
        let mut quiet_until = Instant::now() + timing.settle;
        loop {
            let until = quiet_until.min(give_up);
            match self
                .rx
                .recv_timeout(until.saturating_duration_since(Instant::now()))
            {
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
                Ok(Signal::Event(event)) => {
                    if concerns_sections(&event) {
                        quiet_until = Instant::now() + timing.settle;
                    }
                }
                Err(RecvTimeoutError::Timeout) => return true,
            }
        }
    }
}

/// Whether an event may have changed a section file. Opening and reading do not (juesuan's own renders read them);
/// an event that names no file or says events were lost may have.
fn concerns_sections(event: &notify::Result<notify::Event>) -> bool {
    let Ok(event) = event else { return true };
    if let EventKind::Access(kind) = event.kind
        && !matches!(
            kind,
            notify::event::AccessKind::Close(notify::event::AccessMode::Write)
        )
    {
        return false;
    }
    if event.need_rescan() || event.paths.is_empty() {
        return true;
    }
    let files = section_files();
    event.paths.iter().any(|path| {
        path.file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| files.contains(&name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a watcher on its own thread; each render sends on the returned channel.
    fn start(
        watcher: Watcher,
        timing: Timing,
    ) -> (Stop, Receiver<()>, std::thread::JoinHandle<()>) {
        let stop = watcher.stopper();
        let (renders_tx, renders) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            watcher.run(timing, move || {
                let _ = renders_tx.send(());
            })
        });
        renders
            .recv_timeout(Duration::from_secs(10))
            .expect("the first render");
        (stop, renders, thread)
    }

    /// Polling so slow it never happens within a test: only an event can cause a render.
    const EVENTS_ONLY: Timing = Timing {
        interval: Duration::from_secs(3600),
        settle: Duration::from_millis(100),
    };

    #[test]
    fn a_saved_file_renders_at_once_and_once_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("table01.toml");
        std::fs::write(&file, "a").unwrap();
        let watcher = Watcher::new(dir.path());
        assert!(watcher.no_events().is_none(), "{:?}", watcher.no_events());
        let (stop, renders, thread) = start(watcher, EVENTS_ONLY);
        // An editor's save in two steps: emptied, then written.
        std::fs::write(&file, "").unwrap();
        std::fs::write(&file, "b").unwrap();
        renders
            .recv_timeout(Duration::from_secs(10))
            .expect("a render after the save");
        assert!(
            renders.recv_timeout(Duration::from_millis(500)).is_err(),
            "rendered twice for one save"
        );
        // The same bytes again (an editor saving an unchanged buffer): nothing to render.
        std::fs::write(&file, "b").unwrap();
        assert!(renders.recv_timeout(Duration::from_millis(500)).is_err());
        stop.stop();
        thread.join().unwrap();
    }

    #[test]
    fn other_files_in_the_folder_render_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (stop, renders, thread) = start(Watcher::new(dir.path()), EVENTS_ONLY);
        // The PDF written into the data folder, an editor's swap file, a file of a section read back.
        std::fs::write(dir.path().join("out.pdf"), "%PDF").unwrap();
        std::fs::write(dir.path().join(".table01.toml.swp"), "x").unwrap();
        assert!(renders.recv_timeout(Duration::from_millis(500)).is_err());
        // A section file that appears renders (missing → present is a change).
        std::fs::write(dir.path().join("document.toml"), "x").unwrap();
        renders
            .recv_timeout(Duration::from_secs(10))
            .expect("a render after document.toml appeared");
        stop.stop();
        thread.join().unwrap();
    }

    #[test]
    fn without_events_a_save_is_seen_by_reading_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("table01.toml");
        std::fs::write(&file, "a").unwrap();
        let timing = Timing {
            interval: Duration::from_millis(20),
            settle: SETTLE,
        };
        let (stop, renders, thread) = start(Watcher::polling(dir.path()), timing);
        // The same size, within the same clock tick as like as not: only the bytes tell.
        std::fs::write(&file, "b").unwrap();
        renders
            .recv_timeout(Duration::from_secs(10))
            .expect("a render after the save");
        assert!(
            renders.recv_timeout(Duration::from_millis(300)).is_err(),
            "rendered twice for one save"
        );
        stop.stop();
        thread.join().unwrap();
    }

    #[test]
    fn nothing_changed_nothing_rendered_again() {
        let dir = tempfile::tempdir().unwrap();
        let timing = Timing {
            interval: Duration::from_millis(5),
            settle: SETTLE,
        };
        let (stop, renders, thread) = start(Watcher::new(dir.path()), timing);
        assert!(renders.recv_timeout(Duration::from_millis(200)).is_err());
        stop.stop();
        thread.join().unwrap();
    }
}
