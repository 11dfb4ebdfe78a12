//! Network transports of rvirtd: TLS and TCP listeners, the ssh helper, limits and socket
//! groups. Each test starts its own daemon under a temporary root with `--listen` and
//! loopback-only addresses.

mod certs;
mod limits;
mod log_filters;
mod sasl;
mod ssh;
mod ssh_helper;
mod tcp;
mod tls;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A daemon started with `--listen` whose log goes to a file.
pub struct Listening {
    pub child: Child,
    pub root: tempfile::TempDir,
    pub log: PathBuf,
}

impl Listening {
    /// Writes `conf`, lets `prepare` put files under the root, and starts rvirtd.
    pub fn start(conf: &str, prepare: impl FnOnce(&Path)) -> Listening {
        let (d, ok) = Self::try_start(conf, prepare);
        assert!(ok, "rvirtd did not come up: {}", d.log_text());
        d
    }

    /// Like `start`, but reports whether the daemon came up (it may exit with an error).
    pub fn try_start(conf: &str, prepare: impl FnOnce(&Path)) -> (Listening, bool) {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("etc/libvirt")).unwrap();
        std::fs::write(root.path().join("etc/libvirt/libvirtd.conf"), conf).unwrap();
        prepare(root.path());
        let log = root.path().join("rvirtd.log");
        let child = Command::new(env!("CARGO_BIN_EXE_rvirtd"))
            .arg("--root")
            .arg(root.path())
            .arg("--listen")
            .env("RVIRTD_LOG", "info")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut d = Listening { child, root, log };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            // every socket is bound before "ready" is logged; connecting here would count
            // as a client (and matter for max_clients)
            if d.log_text().contains("rvirtd ready") {
                return (d, true);
            }
            if let Ok(Some(_)) = d.child.try_wait() {
                return (d, false);
            }
            if Instant::now() > deadline {
                return (d, false);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn sock(&self) -> PathBuf {
        self.root.path().join("run/libvirt/libvirt-sock")
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits until the log contains `needle` (logs are written asynchronously).
    pub fn wait_log(&self, needle: &str) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.log_text().contains(needle) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Whether `tool` can be run (tests that need it skip otherwise).
pub fn have(tool: &str, arg: &str) -> bool {
    let ok = Command::new(tool)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !ok {
        eprintln!("{tool} not installed; skipping");
    }
    ok
}

/// Runs virsh with `uri` and `args`; returns (success, stdout, stderr).
pub fn virsh(uri: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new("virsh")
        .arg("-c")
        .arg(uri)
        .args(args)
        .env("LIBVIRT_DEFAULT_URI", "")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
