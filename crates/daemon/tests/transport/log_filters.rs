//! Run-time logging: stock `virt-admin daemon-log-outputs` / `daemon-log-filters` change
//! what rvirtd writes, checked in the log file they name.

use std::process::Command;

use super::{have, virsh, Listening};

fn virt_admin(d: &Listening, args: &[&str]) -> String {
    let uri = format!(
        "libvirtd:///system?socket={}",
        d.root
            .path()
            .join("run/libvirt/libvirt-admin-sock")
            .display()
    );
    let out = Command::new("virt-admin")
        .arg("-c")
        .arg(&uri)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "virt-admin {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What was appended to `path` since `from` bytes.
fn tail(path: &std::path::Path, from: usize) -> String {
    let t = std::fs::read_to_string(path).unwrap_or_default();
    t.get(from..).unwrap_or_default().to_string()
}

fn size(path: &std::path::Path) -> usize {
    std::fs::metadata(path)
        .map(|m| m.len() as usize)
        .unwrap_or(0)
}

/// Whether a debug line of the rpc engine is in `t`.
fn rpc_debug(t: &str) -> bool {
    t.lines()
        .any(|l| l.contains(" DEBUG ") && l.contains("rvirt_rpc::"))
}

#[test]
fn virt_admin_log_filters_change_the_log() {
    if !(have("virt-admin", "--version") && have("virsh", "--version")) {
        return;
    }
    let d = Listening::start("listen_tls = 0\n", |_| {});
    let uri = format!("test+unix:///default?socket={}", d.sock().display());
    let file = d.root.path().join("admin-chosen.log");
    // the daemon runs with RVIRTD_LOG=info: level 2 on stderr
    let shown = virt_admin(&d, &["daemon-log-outputs"]);
    assert!(shown.contains("2:stderr"), "{shown}");
    let out = format!("1:file:{}", file.display());
    virt_admin(&d, &["daemon-log-outputs", &out]);
    let shown = virt_admin(&d, &["daemon-log-outputs"]);
    assert!(shown.contains(&out), "{shown}");

    // default level (info here): client connections, no rpc debug
    let start = size(&file);
    assert!(virsh(&uri, &["list"]).0);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let t = tail(&file, start);
    assert!(t.contains("client connected"), "{t}");
    assert!(!rpc_debug(&t), "{t}");

    // 1:rpc lets rvirt_rpc's debug messages through; 3:util changes nothing visible here
    virt_admin(&d, &["daemon-log-filters", "1:rpc 3:util"]);
    let shown = virt_admin(&d, &["daemon-log-filters"]);
    assert!(shown.contains("1:rpc 3:util"), "{shown}");
    let start = size(&file);
    assert!(virsh(&uri, &["list"]).0);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let t = tail(&file, start);
    assert!(rpc_debug(&t), "{t}");

    // 4:rpc silences rpc's info messages (client connected) as well
    virt_admin(&d, &["daemon-log-filters", "4:rpc"]);
    let start = size(&file);
    assert!(virsh(&uri, &["list"]).0);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let t = tail(&file, start);
    assert!(!t.contains("rvirt_rpc"), "{t}");
}
