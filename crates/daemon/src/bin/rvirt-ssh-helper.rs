//! rvirt-ssh-helper: the remote end of `qemu+ssh://` (libvirt's `virt-ssh-helper`):
//! connects its stdin/stdout to the daemon socket that serves the URI
//! (`rvirt-ssh-helper [-r] URI`; `-r` uses the read-only socket).

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;

use rvirt_core::uri::ConnectUri;

const USAGE: &str = "Usage: rvirt-ssh-helper [-r|--readonly] URI\n\n\
Connects standard input and output to the libvirt daemon socket for URI.\n\
  -r, --readonly   use the read-only socket\n  -h, --help       show this help\n\
  -V, --version    show the version\n";

fn main() {
    match run() {
        Ok(()) => {}
        Err(msg) => {
            eprintln!("rvirt-ssh-helper: {msg}");
            std::process::exit(1);
        }
    }
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// The socket for `uri`, as the remote driver would pick it on this host.
fn socket_for(uri: &ConnectUri, read_only: bool) -> PathBuf {
    if let Some(s) = uri.param("socket") {
        return PathBuf::from(s);
    }
    let session = uri.path == "/session" || (!is_root() && uri.path != "/system");
    if session {
        let base = std::env::var_os("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
            .unwrap_or_else(|| PathBuf::from("/tmp"));
        return base.join("libvirt").join("libvirt-sock");
    }
    let name = if read_only {
        "libvirt-sock-ro"
    } else {
        "libvirt-sock"
    };
    PathBuf::from("/run/libvirt").join(name)
}

fn run() -> Result<(), String> {
    let mut read_only = false;
    let mut uri = None;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "-r" | "--readonly" => read_only = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(());
            }
            "-V" | "--version" => {
                println!("rvirt-ssh-helper (rvirt) {}", env!("CARGO_PKG_VERSION"));
                return Ok(());
            }
            s if s.starts_with('-') && uri.is_none() => {
                return Err(format!("unknown option '{s}'\n{USAGE}"))
            }
            s if uri.is_none() => uri = Some(s.to_owned()),
            _ => return Err(format!("too many arguments\n{USAGE}")),
        }
    }
    let Some(uri) = uri else {
        return Err(format!("URI is required\n{USAGE}"));
    };
    let parsed =
        ConnectUri::parse(&uri).map_err(|e| format!("Unable to parse URI '{uri}': {e}"))?;
    let path = socket_for(&parsed, read_only);
    let sock = UnixStream::connect(&path)
        .map_err(|e| format!("cannot connect to '{}': {e}", path.display()))?;
    let mut to_daemon = sock
        .try_clone()
        .map_err(|e| format!("cannot duplicate socket: {e}"))?;
    // stdin → daemon; on EOF half-close so the daemon sees the end of input
    let pump_in = std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if to_daemon.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = to_daemon.shutdown(std::net::Shutdown::Write);
    });
    // daemon → stdout until the daemon closes
    let mut from_daemon = sock;
    let mut stdout = std::io::stdout().lock();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match from_daemon.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                if stdout
                    .write_all(&buf[..n])
                    .and_then(|()| stdout.flush())
                    .is_err()
                {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("read from daemon failed: {e}")),
        }
    }
    // the daemon hung up: stop, even if stdin is still open
    drop(pump_in);
    Ok(())
}
