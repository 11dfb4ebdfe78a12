//! rvirtd started with `--root` on a temporary directory, killed on drop.

use super::Raw;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub struct Daemon {
    pub child: Child,
    pub root: tempfile::TempDir,
}

impl Daemon {
    pub fn start() -> Daemon {
        Self::start_with(None)
    }

    /// Starts rvirtd with `conf` as its `libvirtd.conf`.
    pub fn start_with(conf: Option<&str>) -> Daemon {
        match conf {
            Some(c) => Self::start_with_files(&[("libvirtd.conf", c)]),
            None => Self::start_with_files(&[]),
        }
    }

    /// Starts rvirtd with each `(name, text)` written to `<root>/etc/libvirt/<name>` first,
    /// and waits until its socket accepts connections.
    pub fn start_with_files(files: &[(&str, &str)]) -> Daemon {
        let root = root_with_files(files);
        let child = Command::new(env!("CARGO_BIN_EXE_rvirtd"))
            .arg("--root")
            .arg(root.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let d = Daemon { child, root };
        let deadline = Instant::now() + Duration::from_secs(20);
        while UnixStream::connect(d.sock()).is_err() {
            assert!(Instant::now() < deadline, "rvirtd did not come up");
            std::thread::sleep(Duration::from_millis(20));
        }
        d
    }

    /// Runs rvirtd to completion on a root holding `files` (see [`Daemon::start_with_files`]),
    /// for configurations it must refuse.
    pub fn run_with_files(files: &[(&str, &str)]) -> Output {
        let root = root_with_files(files);
        Command::new(env!("CARGO_BIN_EXE_rvirtd"))
            .arg("--root")
            .arg(root.path())
            .output()
            .unwrap()
    }

    pub fn sock(&self) -> PathBuf {
        self.root.path().join("run/libvirt/libvirt-sock")
    }

    /// The read-only socket, `libvirt-sock-ro`.
    pub fn sock_ro(&self) -> PathBuf {
        self.root.path().join("run/libvirt/libvirt-sock-ro")
    }

    /// `test+unix:///default?socket=…` on `sock` (one of this daemon's sockets).
    pub fn test_uri_on(sock: &std::path::Path) -> String {
        format!("test+unix:///default?socket={}", sock.display())
    }

    /// `test+unix:///default` through the read-write socket.
    pub fn test_uri(&self) -> String {
        Self::test_uri_on(&self.sock())
    }

    pub fn client(&self) -> Raw {
        Raw::connect(&self.sock())
    }
}

/// A temporary root with each `(name, text)` written to `<root>/etc/libvirt/<name>`.
fn root_with_files(files: &[(&str, &str)]) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::create_dir_all(root.path().join("etc/libvirt")).unwrap();
        std::fs::write(root.path().join("etc/libvirt").join(name), text).unwrap();
    }
    root
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The daemon still answers AUTH_LIST on a fresh connection.
pub fn assert_alive(d: &Daemon) {
    let mut c = d.client();
    assert_eq!(&c.ok(66, vec![])[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
}
