//! `virDomainQemuMonitorCommandWithFiles` (QEMU program procedure 7) with stock
//! `virsh qemu-monitor-command --pass-fds` against rvirtd: the fd reaches QEMU with the
//! command (QMP `add-fd` puts it in an fd set `query-fdsets` then lists), more than one fd
//! is refused with libvirt's error, and the plain command keeps working.

use crate::common::{guest_xml, stock_virsh_guest};
use crate::rvirtd::{output_of, temp_root, Rvirtd};
use rvirt_core::driver::QemuExtDriver;
use std::process::Command;

/// `virsh -c URI qemu-monitor-command DOM --pass-fds FDS CMD` with fds 3 and 4 open on
/// `file` (bash redirections, so stock virsh inherits them).
fn virsh_with_fds(d: &Rvirtd, fds: &str, cmd: &str, file: &str) -> (bool, String) {
    output_of(Command::new("bash").args([
        "-c",
        "virsh -c \"$1\" qemu-monitor-command mwf --pass-fds \"$2\" \"$3\" 3<\"$4\" 4<\"$4\"",
        "virsh",
        &d.uri(),
        fds,
        cmd,
        file,
    ]))
}

#[test]
fn monitor_command_with_files_passes_the_fd_to_qemu() {
    let Some(guest) = stock_virsh_guest() else {
        return;
    };
    let root = temp_root("rvirt-mwf");
    let d = Rvirtd::start(root.path()).log_on_failure().cleanup(|d| {
        let _ = d.virsh(&["destroy", "mwf"]);
    });
    let f = root.path().join("dom.xml");
    std::fs::write(&f, guest_xml("mwf", &guest)).unwrap();
    d.ok(&["create", f.to_str().unwrap()]);
    let file = root.path().join("passed.txt");
    std::fs::write(&file, "x").unwrap();
    let file = file.to_str().unwrap();

    let (ok, out) = virsh_with_fds(
        &d,
        "3",
        r#"{"execute":"add-fd","arguments":{"fdset-id":7,"opaque":"rvirt-mwf"}}"#,
        file,
    );
    assert!(ok, "{out}\n{}", d.log());
    assert!(out.contains("\"fdset-id\":7"), "{out}");
    let sets = d.ok(&[
        "qemu-monitor-command",
        "mwf",
        r#"{"execute":"query-fdsets"}"#,
    ]);
    assert!(
        sets.contains("\"fdset-id\":7") && sets.contains("\"opaque\":\"rvirt-mwf\""),
        "{sets}"
    );

    // without an fd, QEMU's own error comes back in the reply
    let (_, out) = virsh_with_fds(
        &d,
        "",
        r#"{"execute":"getfd","arguments":{"fdname":"nofd"}}"#,
        file,
    );
    assert!(
        out.contains("No file descriptor supplied via SCM_RIGHTS"),
        "{out}"
    );

    // the rvirt client does the same
    let rt = tokio::runtime::Runtime::new().unwrap();
    let uri = d.uri();
    let passed = std::fs::File::open(file).unwrap();
    let reply = rt.block_on(async {
        let conn = rvirt::Connect::open(&uri).await.unwrap();
        let dom = conn.lookup_domain_by_name("mwf").await.unwrap();
        let cmd = r#"{"execute":"add-fd","arguments":{"fdset-id":8,"opaque":"rvirt-client"}}"#;
        conn.remote()
            .unwrap()
            .qemu_monitor_command_with_files(dom.handle(), cmd, vec![passed.into()], 0)
            .await
            .unwrap()
    });
    assert!(reply.0.contains("\"fdset-id\":8"), "{}", reply.0);
    assert!(reply.1.is_empty());

    let (ok, out) = virsh_with_fds(&d, "3,4", r#"{"execute":"query-status"}"#, file);
    assert!(!ok, "{out}");
    assert!(
        out.contains(
            "Operation not supported: at most 1 fd can be passed to qemu along with a command"
        ),
        "{out}"
    );
}
