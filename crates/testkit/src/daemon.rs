//! A temporary `rvirtd --root DIR` for tests: started on demand, killed on drop.

use crate::binaries::bin_path;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running rvirtd whose every path lives under a temporary root.
pub struct TestDaemon {
    child: Child,
    root: tempfile::TempDir,
}

impl TestDaemon {
    /// Starts rvirtd with `--root` on a fresh temporary directory and waits for its socket.
    pub fn start() -> TestDaemon {
        Self::start_with(&[])
    }

    /// Like [`TestDaemon::start`], with extra command-line arguments.
    pub fn start_with(extra: &[&str]) -> TestDaemon {
        let root = match tempfile::Builder::new().prefix("rvirtd-test").tempdir() {
            Ok(r) => r,
            Err(e) => panic!("tempdir: {e}"),
        };
        seed_caps_cache(root.path());
        let log = std::fs::File::create(root.path().join("rvirtd.log")).ok();
        let mut cmd = Command::new(bin_path("rvirtd"));
        cmd.arg("--root")
            .arg(root.path())
            .args(extra)
            .stdin(Stdio::null());
        match log.as_ref().and_then(|f| f.try_clone().ok()) {
            Some(f) => cmd.stderr(f),
            None => cmd.stderr(Stdio::null()),
        };
        cmd.stdout(Stdio::null());
        let child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => panic!("cannot start rvirtd: {e}"),
        };
        let d = TestDaemon { child, root };
        let sock = d.socket();
        let start = Instant::now();
        while !sock.exists() {
            if start.elapsed() > Duration::from_secs(20) {
                panic!(
                    "rvirtd did not create {} in 20 s; log:\n{}",
                    sock.display(),
                    d.log()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        d
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// The read-write socket.
    pub fn socket(&self) -> PathBuf {
        self.root.path().join("run/libvirt/libvirt-sock")
    }

    /// The read-only socket.
    pub fn socket_ro(&self) -> PathBuf {
        self.root.path().join("run/libvirt/libvirt-sock-ro")
    }

    /// `DRIVER+unix:///PATH?socket=…` for this daemon.
    pub fn uri(&self, driver_path: &str) -> String {
        let (driver, path) = driver_path.split_once(":///").unwrap_or((driver_path, ""));
        format!("{driver}+unix:///{path}?socket={}", self.socket().display())
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the daemon process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// What the daemon logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.root.path().join("rvirtd.log")).unwrap_or_default()
    }
}

/// Where a daemon root keeps its QEMU capabilities cache.
const CAPS_UNDER_ROOT: &str = "var/cache/libvirt/qemu/capabilities";

/// The QEMU capabilities cache shared by test daemons: every fresh root would otherwise
/// probe QEMU again (a QEMU start each), which on a 2-core CI running tests in parallel
/// is load enough to slow the probes themselves. Entries are keyed by binary path and
/// mtime inside, so a changed QEMU is still re-probed; the directory is per rvirtd build,
/// so a rebuilt daemon never reads what an older one wrote.
fn shared_caps_dir() -> PathBuf {
    use std::os::unix::fs::MetadataExt;
    let build = std::fs::metadata(bin_path("rvirtd"))
        .map(|m| m.mtime())
        .unwrap_or(0);
    std::env::temp_dir().join(format!("rvirt-testkit-caps-{build}"))
}

fn copy_dir_files(from: &Path, to: &Path) {
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    let _ = std::fs::create_dir_all(to);
    for e in entries.flatten() {
        let dest = to.join(e.file_name());
        if !dest.exists() {
            // copy to a temporary name, then rename: readers never see half a file
            let tmp = to.join(format!(
                ".{}.{}",
                std::process::id(),
                e.file_name().to_string_lossy()
            ));
            if std::fs::copy(e.path(), &tmp).is_ok() {
                let _ = std::fs::rename(&tmp, &dest);
            }
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

fn seed_caps_cache(root: &Path) {
    copy_dir_files(&shared_caps_dir(), &root.join(CAPS_UNDER_ROOT));
}

/// The last `max` bytes of a file (lossy UTF-8), empty when unreadable.
fn tail(path: &Path, max: usize) -> String {
    let bytes = std::fs::read(path).unwrap_or_default();
    let from = bytes.len().saturating_sub(max);
    String::from_utf8_lossy(&bytes[from..]).into_owned()
}

impl TestDaemon {
    /// Prints the daemon's log and every QEMU log under its root to stderr (shown with a
    /// failing test's output), so a failure in CI can be understood after the fact.
    pub fn dump_logs(&self) {
        eprintln!(
            "---- rvirtd log ({}):\n{}",
            self.root.path().display(),
            tail(&self.root.path().join("rvirtd.log"), 8192)
        );
        let qemu_logs = self.root.path().join("var/log/libvirt/qemu");
        let mut logs: Vec<PathBuf> = std::fs::read_dir(&qemu_logs)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        logs.sort();
        for l in logs {
            eprintln!("---- {}:\n{}", l.display(), tail(&l, 4096));
        }
    }
}

impl Drop for TestDaemon {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.dump_logs();
        }
        copy_dir_files(&self.root.path().join(CAPS_UNDER_ROOT), &shared_caps_dir());
        // SAFETY-free: plain signal to our own child.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
