//! A private libvirtd for the remote-driver tests.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A libvirtd running as `nobody` with its sockets in a temp dir; killed on drop.
pub struct Libvirtd {
    pub dir: tempfile::TempDir,
    child: Child,
}

impl Libvirtd {
    /// Starts a daemon, or `None` (with a note on stderr) when libvirtd or root is missing.
    pub fn start() -> Option<Libvirtd> {
        let bin = ["/usr/sbin/libvirtd", "/usr/bin/libvirtd"]
            .into_iter()
            .map(PathBuf::from)
            .find(|p| p.exists());
        let Some(bin) = bin else {
            eprintln!("libvirtd not installed; skipping");
            return None;
        };
        let dir = tempfile::tempdir().ok()?;
        let d = dir.path();
        for sub in ["home", "run", "pool"] {
            std::fs::create_dir_all(d.join(sub)).ok()?;
        }
        let _ = Command::new("chmod").arg("-R").arg("777").arg(d).status();
        let conf = d.join("libvirtd.conf");
        std::fs::write(
            &conf,
            format!(
                "unix_sock_dir = \"{}\"\nauth_unix_rw = \"none\"\nauth_unix_ro = \"none\"\n\
                 unix_sock_rw_perms = \"0777\"\nunix_sock_ro_perms = \"0777\"\n",
                d.display()
            ),
        )
        .ok()?;
        let _ = Command::new("chmod").arg("644").arg(&conf).status();
        let child = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "env"])
            .arg(format!("HOME={}", d.join("home").display()))
            .arg(format!("XDG_RUNTIME_DIR={}", d.join("run").display()))
            .arg(format!(
                "XDG_CONFIG_HOME={}",
                d.join("home/.config").display()
            ))
            .arg(format!(
                "XDG_CACHE_HOME={}",
                d.join("home/.cache").display()
            ))
            .arg(bin)
            .arg("-f")
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(child) = child else {
            eprintln!("cannot start libvirtd; skipping");
            return None;
        };
        let d = Libvirtd { dir, child };
        let deadline = Instant::now() + Duration::from_secs(20);
        while !d.socket().exists() {
            if Instant::now() > deadline {
                eprintln!("libvirtd did not create its socket; skipping");
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(d)
    }

    pub fn socket(&self) -> PathBuf {
        self.dir.path().join("libvirt-sock")
    }

    /// `DRIVER+unix:///PATH?socket=…` for this daemon.
    pub fn uri(&self, driver: &str, path: &str) -> String {
        format!("{driver}+unix://{path}?socket={}", self.socket().display())
    }

    pub fn pool_dir(&self) -> PathBuf {
        self.dir.path().join("pool")
    }
}

impl Drop for Libvirtd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
