//! `rvirtd --root` as a child process that tests kill and restart, driven with stock virsh.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Runs `cmd` to completion: (success, stdout + stderr).
pub fn output_of(cmd: &mut Command) -> (bool, String) {
    let o = cmd.output().unwrap();
    let mut s = String::from_utf8_lossy(&o.stdout).into_owned();
    s += &String::from_utf8_lossy(&o.stderr);
    (o.status.success(), s)
}

/// `virsh -c uri args…`: (success, stdout + stderr).
pub fn virsh_at(uri: &str, args: &[&str]) -> (bool, String) {
    output_of(Command::new("virsh").arg("-c").arg(uri).args(args))
}

/// [`virsh_at`], which must succeed; its output.
pub fn virsh_ok(uri: &str, args: &[&str]) -> String {
    let (ok, out) = virsh_at(uri, args);
    assert!(ok, "virsh {args:?} failed: {out}");
    out
}

/// A temporary directory named `<prefix>…`.
pub fn temp_root(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(prefix).tempdir().unwrap()
}

/// rvirtd on a fixed root (its stderr appended to `<root>/rvirtd.log`), optionally run
/// under a wrapper command such as `ip netns exec NS`; on drop, runs its cleanup (which may
/// stop guests or kill the daemon itself), then kills the daemon.
pub struct Rvirtd {
    pub root: PathBuf,
    wrapper: Vec<String>,
    child: Option<Child>,
    log_on_failure: bool,
    cleanup: Option<fn(&mut Rvirtd)>,
}

impl Rvirtd {
    /// Starts rvirtd on `root` and waits for its socket.
    pub fn start(root: &Path) -> Rvirtd {
        Self::start_under(&[], root)
    }

    /// Starts `wrapper… rvirtd --root root` and waits for its socket.
    pub fn start_under(wrapper: &[&str], root: &Path) -> Rvirtd {
        let mut d = Rvirtd {
            root: root.to_path_buf(),
            wrapper: wrapper.iter().map(|s| s.to_string()).collect(),
            child: None,
            log_on_failure: false,
            cleanup: None,
        };
        d.spawn();
        d
    }

    /// Runs `f` first when dropped.
    pub fn cleanup(mut self, f: fn(&mut Rvirtd)) -> Rvirtd {
        self.cleanup = Some(f);
        self
    }

    /// Makes a failing [`Rvirtd::ok`] print the daemon's log too.
    pub fn log_on_failure(mut self) -> Rvirtd {
        self.log_on_failure = true;
        self
    }

    pub fn sock(&self) -> PathBuf {
        self.root.join("run/libvirt/libvirt-sock")
    }

    /// (Re)starts the daemon and waits for its socket.
    pub fn spawn(&mut self) {
        let _ = std::fs::remove_file(self.sock());
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.root.join("rvirtd.log"))
            .unwrap();
        let rvirtd = rvirt_testkit::binaries::bin_path("rvirtd");
        let mut cmd = match self.wrapper.split_first() {
            Some((program, args)) => {
                let mut c = Command::new(program);
                c.args(args).arg(rvirtd);
                c
            }
            None => Command::new(rvirtd),
        };
        let c = cmd
            .arg("--root")
            .arg(&self.root)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(c);
        let t = Instant::now();
        while !self.sock().exists() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "rvirtd did not start"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Kills the daemon (its guests keep running).
    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn uri(&self) -> String {
        format!("qemu+unix:///system?socket={}", self.sock().display())
    }

    pub fn virsh(&self, args: &[&str]) -> (bool, String) {
        virsh_at(&self.uri(), args)
    }

    /// `virsh args…`, which must succeed; its output.
    pub fn ok(&self, args: &[&str]) -> String {
        if !self.log_on_failure {
            return virsh_ok(&self.uri(), args);
        }
        let (ok, out) = self.virsh(args);
        assert!(ok, "virsh {args:?} failed: {out}\nlog:\n{}", self.log());
        out
    }

    /// What the daemon logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.root.join("rvirtd.log")).unwrap_or_default()
    }

    /// The QEMU PID in the status file of the running domain `name`.
    pub fn qemu_pid(&self, name: &str) -> Option<i32> {
        status_pid(&self.root.join(format!("run/libvirt/qemu/{name}.xml")))
    }

    /// The QEMU PIDs of every status file under this root.
    pub fn qemu_pids(&self) -> Vec<i32> {
        qemu_pids(&self.root)
    }

    /// Polls `virsh domstate` until it prints `want`; how long that took.
    pub fn wait_state(&self, name: &str, want: &str, timeout: Duration) -> Option<Duration> {
        let t = Instant::now();
        while t.elapsed() < timeout {
            if self.virsh(&["domstate", name]).1.trim() == want {
                return Some(t.elapsed());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }
}

impl Drop for Rvirtd {
    fn drop(&mut self) {
        if let Some(f) = self.cleanup.take() {
            f(self);
        }
        self.kill9();
    }
}

/// The `pid='…'` of a domain status file.
fn status_pid(path: &Path) -> Option<i32> {
    let s = std::fs::read_to_string(path).ok()?;
    let i = s.find(" pid='")? + 6;
    s[i..].split('\'').next()?.parse().ok()
}

/// QEMU PIDs recorded in the status files under `root` (`run/libvirt/qemu/*.xml`).
pub fn qemu_pids(root: &Path) -> Vec<i32> {
    std::fs::read_dir(root.join("run/libvirt/qemu"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| status_pid(&e.path()))
        .collect()
}

/// `virsh <args>` under a pty (`script`): sends `input` after a moment, returns once
/// `needle` shows up in the output (or the timeout passes) and detaches with Ctrl-].
pub fn console_session(
    uri: &str,
    args: &str,
    input: &str,
    needle: &str,
    timeout: Duration,
) -> String {
    let mut c = Command::new("script")
        .args(["-qfec", &format!("virsh -c '{uri}' {args}"), "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = c.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut stdin = c.stdin.take().unwrap();
    let t = Instant::now();
    let mut seen = String::new();
    // (re)send the input every 2 s until the answer shows up: the first copy can reach
    // virsh before it has put the terminal in raw mode
    let mut next_send = Duration::from_millis(700);
    while t.elapsed() < timeout && !seen.contains(needle) {
        if let Ok(b) = rx.recv_timeout(Duration::from_millis(200)) {
            seen.push_str(&String::from_utf8_lossy(&b));
        }
        if !input.is_empty() && t.elapsed() > next_send {
            let _ = stdin.write_all(input.as_bytes());
            let _ = stdin.flush();
            next_send += Duration::from_secs(2);
        }
    }
    let _ = stdin.write_all(&[0x1d]);
    let _ = stdin.flush();
    std::thread::sleep(Duration::from_millis(200));
    let _ = c.kill();
    let _ = c.wait();
    seen
}
