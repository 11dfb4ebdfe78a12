//! `qemu+ssh://` end to end: Debian's sshd started by the test on a loopback port (own
//! config, host key and authorized_keys in a temporary directory), stock virsh through it
//! with libvirt's netcat fallback and with `virt-ssh-helper` (rvirt-ssh-helper under that
//! name, found through the PATH sshd's `SetEnv` gives the remote shell), and rvirt's client.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{free_port, Listening};

pub struct Sshd {
    child: Child,
    pub dir: tempfile::TempDir,
    pub port: u16,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .stdout(Stdio::null())
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

impl Sshd {
    /// Starts sshd for root logins with a fresh key; None when the test cannot (not root,
    /// no sshd). `runtime_dir` becomes the remote shell's `XDG_RUNTIME_DIR`.
    pub fn start(runtime_dir: &Path) -> Option<Sshd> {
        let sshd = Path::new("/usr/sbin/sshd");
        if !sshd.exists() || !rustix::process::geteuid().is_root() {
            eprintln!("sshd missing or not root; skipping");
            return None;
        }
        // sshd's privilege separation directory (created by its service unit normally)
        std::fs::create_dir_all("/run/sshd").ok()?;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        keygen(&d.join("host_key"));
        keygen(&d.join("client_key"));
        std::fs::copy(d.join("client_key.pub"), d.join("authorized_keys")).unwrap();
        let bin = d.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        std::os::unix::fs::symlink(
            env!("CARGO_BIN_EXE_rvirt-ssh-helper"),
            bin.join("virt-ssh-helper"),
        )
        .unwrap();
        // a wrapper so the tests leave ~/.ssh/known_hosts alone (libvirt's `command=`)
        let wrap = d.join("ssh-wrap");
        std::fs::write(
            &wrap,
            "#!/bin/sh\nexec ssh -o UserKnownHostsFile=/dev/null -o GlobalKnownHostsFile=/dev/null -o LogLevel=ERROR \"$@\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&wrap, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let port = free_port();
        let conf = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
             AuthorizedKeysFile {d}/authorized_keys\nPermitRootLogin prohibit-password\n\
             PubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n\
             UsePAM no\nStrictModes no\n\
             SetEnv PATH={d}/bin:/usr/local/bin:/usr/bin:/bin XDG_RUNTIME_DIR={rt}\n",
            d = d.display(),
            rt = runtime_dir.display()
        );
        std::fs::write(d.join("sshd_config"), conf).unwrap();
        let child = Command::new(sshd)
            .arg("-D")
            .arg("-e")
            .arg("-f")
            .arg(d.join("sshd_config"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(d.join("sshd.log")).unwrap())
            .spawn()
            .unwrap();
        let s = Sshd { child, dir, port };
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "sshd did not start: {}", s.log());
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(s)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    /// `DRIVER+ssh://root@127.0.0.1:PORT/PATH?keyfile=…&no_verify=1&command=…` plus `extra`.
    pub fn uri(&self, driver: &str, path: &str, extra: &str) -> String {
        let d = self.dir.path();
        format!(
            "{driver}+ssh://root@127.0.0.1:{}{path}?keyfile={}&no_verify=1&command={}{extra}",
            self.port,
            d.join("client_key").display(),
            d.join("ssh-wrap").display()
        )
    }
}

fn virsh(uri: &str, args: &[&str]) -> (bool, String, String) {
    super::virsh(uri, args)
}

fn daemon() -> Listening {
    Listening::start("listen_tls = 0\n", |_| {})
}

fn runtime_dir(d: &Listening) -> PathBuf {
    d.root.path().join("run")
}

#[test]
fn stock_virsh_over_ssh_with_netcat() {
    let d = daemon();
    let Some(s) = Sshd::start(&runtime_dir(&d)) else {
        return;
    };
    let sock = format!("&socket={}", d.sock().display());
    // an explicit socket makes libvirt use netcat
    let (ok, out, err) = virsh(&s.uri("test", "/default", &sock), &["list"]);
    assert!(ok, "{err}\n{}", s.log());
    assert!(out.contains(" 1    test   running"), "{out}");
    let (ok, out, err) = virsh(
        &s.uri("test", "/default", &format!("{sock}&proxy=netcat")),
        &["list", "--all"],
    );
    assert!(ok, "{err}");
    assert!(out.contains("test"), "{out}");
    // the brief's form: qemu+ssh://root@127.0.0.1:PORT/system?…&socket=…
    let (ok, out, err) = virsh(&s.uri("qemu", "/system", &sock), &["uri"]);
    assert!(ok, "{err}\n{}", d.log_text());
    assert!(out.starts_with("qemu+ssh://root@127.0.0.1:"), "{out}");
}

#[test]
fn stock_virsh_over_ssh_runs_virt_ssh_helper() {
    let d = daemon();
    let Some(s) = Sshd::start(&runtime_dir(&d)) else {
        return;
    };
    // no socket: `which virt-ssh-helper` succeeds on the remote PATH, so libvirt runs
    // `virt-ssh-helper 'qemu:///session'`, which finds $XDG_RUNTIME_DIR/libvirt/libvirt-sock
    let (ok, out, err) = virsh(&s.uri("qemu", "/session", ""), &["uri"]);
    assert!(ok, "{err}\n{}\n{}", s.log(), d.log_text());
    assert!(out.contains("qemu+ssh://"), "{out}");
}

#[test]
fn rvirt_client_over_ssh() {
    let d = daemon();
    let Some(s) = Sshd::start(&runtime_dir(&d)) else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for extra in [format!("&socket={}", d.sock().display()), String::new()] {
        let (path, driver) = if extra.is_empty() {
            ("/session", "qemu")
        } else {
            ("/default", "test")
        };
        let uri = s.uri(driver, path, &extra);
        let host = rt.block_on(async {
            let c = rvirt::Connect::open(&uri).await?;
            let h = c.get_hostname().await;
            let _ = c.close().await;
            h
        });
        assert!(host.is_ok(), "{uri}: {host:?}\n{}", s.log());
    }
}

/// ssh counts as a secure channel: SCRAM-SHA-256 to a SASL unix socket through the tunnel.
#[test]
fn stock_virsh_over_ssh_to_a_sasl_socket() {
    let d = Listening::start("listen_tls = 0\nauth_unix_rw = \"sasl\"\n", |root| {
        super::sasl::add_user(root, "fred", "s3cret")
    });
    let Some(s) = Sshd::start(&runtime_dir(&d)) else {
        return;
    };
    let auth = super::sasl::auth_file(s.dir.path(), "fred", "s3cret");
    let uri = s.uri(
        "test",
        "/default",
        &format!("&socket={}", d.sock().display()),
    );
    let (ok, out, err) = super::sasl::run_with_auth("virsh", &uri, &auth, &["list"]);
    assert!(ok, "{err}\n{}", d.log_text());
    assert!(out.contains(" 1    test   running"), "{out}");
    assert!(d.wait_log("identity=fred"));
}
