//! Atomic file writes (temp file, rename), as every on-disk state change needs, with the
//! fsyncs done by a background flusher so a define does not wait for the disk.
//!
//! Readers (and a daemon restarted after `kill -9`) always see the old or the new file,
//! never a mix: the data is in the page cache before `rename` publishes it. Durability
//! against a host crash follows within a fraction of a second: a flusher thread fsyncs every written
//! file and its directory, coalescing bursts (writes gather for 50 ms, then one directory
//! fsync per batch), the way a group commit does. [`sync_pending`] waits for everything written so far.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Mutex, OnceLock};

enum Job {
    /// fsync this file and its directory.
    Sync(PathBuf),
    /// Everything queued before this has been synced: answer.
    Barrier(Sender<()>),
}

fn flusher() -> Option<&'static Mutex<Sender<Job>>> {
    static TX: OnceLock<Option<Mutex<Sender<Job>>>> = OnceLock::new();
    TX.get_or_init(|| {
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name("rvirt-fsync".into())
            .spawn(move || flush_loop(rx))
            .ok()
            .map(|_| Mutex::new(tx))
    })
    .as_ref()
}

/// How long the flusher lets a burst of writes gather before syncing it.
const GATHER: std::time::Duration = std::time::Duration::from_millis(50);

fn flush_loop(rx: Receiver<Job>) {
    while let Ok(first) = rx.recv() {
        if matches!(first, Job::Sync(_)) {
            std::thread::sleep(GATHER);
        }
        let mut files = BTreeSet::new();
        let mut barriers = Vec::new();
        let mut next = Some(first);
        while let Some(job) = next {
            match job {
                Job::Sync(p) => {
                    files.insert(p);
                }
                Job::Barrier(done) => barriers.push(done),
            }
            next = rx.try_recv().ok();
        }
        sync_paths(&files);
        for b in barriers {
            let _ = b.send(());
        }
    }
}

/// fsyncs each file (gone ones are skipped: removed or replaced again) and then each
/// directory once. (Not `syncfs`: that would also flush unrelated dirty data, such as
/// guest disk images written through the host page cache.)
fn sync_paths(files: &BTreeSet<PathBuf>) {
    let mut dirs = BTreeSet::new();
    let mut open = Vec::with_capacity(files.len());
    for f in files {
        if let Ok(h) = std::fs::File::open(f) {
            start_writeback(&h);
            open.push(h);
        }
        if let Some(d) = f.parent() {
            dirs.insert(d.to_path_buf());
        }
    }
    // with every file's writeback under way, the first fsync's journal commit covers the
    // whole batch and the others mostly find their inode already committed
    for h in open {
        let _ = h.sync_all();
    }
    for d in dirs {
        if let Ok(h) = std::fs::File::open(&d) {
            let _ = h.sync_all();
        }
    }
}

/// Starts (does not wait for) writeback of a file's dirty pages.
fn start_writeback(f: &std::fs::File) {
    use std::os::fd::AsRawFd;
    // SAFETY: plain syscall on a descriptor `f` keeps open; no memory is passed.
    let _ = unsafe { libc::sync_file_range(f.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE) };
}

/// Queues `path` for the flusher; syncs inline when no flusher thread could be started.
fn queue_sync(path: &Path) {
    let sent = flusher().is_some_and(|m| {
        m.lock()
            .unwrap_or_else(|p| p.into_inner())
            .send(Job::Sync(path.to_path_buf()))
            .is_ok()
    });
    if !sent {
        sync_paths(&BTreeSet::from([path.to_path_buf()]));
    }
}

/// Waits until every file written by [`write_atomic`] so far is on disk (fsynced, with its
/// directory).
pub fn sync_pending() {
    let Some(m) = flusher() else {
        return;
    };
    let (tx, rx) = channel();
    let sent = m
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .send(Job::Barrier(tx))
        .is_ok();
    if sent {
        let _ = rx.recv();
    }
}

/// Spare inodes kept per directory (see [`remove_recycle`]).
const SPARES_MAX: usize = 1024;

/// The name prefix of spare files; [`is_spare`] tells them apart.
const SPARE_PREFIX: &str = ".spare-";

fn spares() -> &'static Mutex<HashMap<PathBuf, Vec<PathBuf>>> {
    static S: OnceLock<Mutex<HashMap<PathBuf, Vec<PathBuf>>>> = OnceLock::new();
    S.get_or_init(|| Mutex::new(HashMap::new()))
}

fn take_spare(dir: &Path) -> Option<PathBuf> {
    spares()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get_mut(dir)?
        .pop()
}

/// Whether a directory entry is a spare file left by [`remove_recycle`] (a daemon that died
/// keeps them on disk; start-up removes them).
pub fn is_spare(name: &str) -> bool {
    name.starts_with(SPARE_PREFIX)
}

/// Removes `path` (a file written by [`write_atomic`]); its inode is kept as a hidden spare
/// in the same directory for the next write there, since allocating an inode is by far the
/// dearest part of a small atomic write on ext4. NotFound is an error, as for `remove_file`.
pub fn remove_recycle(path: &Path) -> std::io::Result<()> {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let Some(dir) = path.parent() else {
        return std::fs::remove_file(path);
    };
    let mut all = spares().lock().unwrap_or_else(|p| p.into_inner());
    let pool = all.entry(dir.to_path_buf()).or_default();
    if pool.len() >= SPARES_MAX {
        drop(all);
        return std::fs::remove_file(path);
    }
    let spare = dir.join(format!(
        "{SPARE_PREFIX}{}.{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::rename(path, &spare)?;
    pool.push(spare);
    Ok(())
}

/// Writes `data` to `path` atomically: readers see the old or the new file, never a mix,
/// and after a host crash the file is the old or the new one, never empty. The data is
/// fsynced before the rename; the directory fsync that makes the rename itself durable is
/// batched in the background (see the module docs and [`sync_pending`]).
pub fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.tmp{}.{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let mut f = match take_spare(dir) {
        // claim the spare by renaming it, then truncate it; any failure: a fresh file
        Some(spare) => match std::fs::rename(&spare, &tmp).and_then(|()| {
            std::fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(&tmp)
        }) {
            Ok(f) => f,
            Err(_) => std::fs::File::create(&tmp)?,
        },
        None => match std::fs::File::create(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(dir)?;
                std::fs::File::create(&tmp)?
            }
            Err(e) => return Err(e),
        },
    };
    // The data reaches the disk before the rename publishes it, so a host crash leaves the
    // old file or the new one, never an empty one; only the rename's own durability (the
    // directory fsync) is batched in the background.
    if let Err(e) = f.write_all(data).and_then(|()| f.sync_data()) {
        drop(f);
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    drop(f);
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    queue_sync(path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a/b.xml");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
        sync_pending();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
    }

    #[test]
    fn sync_pending_survives_removed_files() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("gone.xml");
        write_atomic(&p, b"x").unwrap();
        std::fs::remove_file(&p).unwrap();
        sync_pending();
        assert!(!p.exists());
        write_atomic(&p, b"y").unwrap();
        sync_pending();
        assert_eq!(std::fs::read(&p).unwrap(), b"y");
    }

    #[test]
    fn removed_files_are_recycled_as_spares() {
        let d = tempfile::tempdir().unwrap();
        let a = d.path().join("a.xml");
        let b = d.path().join("b.xml");
        write_atomic(&a, b"a long first content").unwrap();
        remove_recycle(&a).unwrap();
        assert!(!a.exists());
        let names: Vec<String> = std::fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1);
        assert!(is_spare(&names[0]));
        // the spare is reused (and truncated) by the next write
        write_atomic(&b, b"b").unwrap();
        assert_eq!(std::fs::read(&b).unwrap(), b"b");
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
        assert_eq!(
            remove_recycle(&a).unwrap_err().kind(),
            std::io::ErrorKind::NotFound
        );
    }

    #[test]
    fn missing_parent_is_an_error_for_root() {
        assert!(write_atomic(Path::new("/"), b"x").is_err());
    }
}
