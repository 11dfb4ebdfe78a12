//! Access control and the admin socket: the read-only socket against the whole procedure
//! table, the ACL file with stock virsh, and stock virt-admin on `libvirt-admin-sock`.

use super::*;
use std::os::unix::fs::PermissionsExt;

fn start_with_acl(acl: &str) -> Daemon {
    Daemon::start_with_files(&[("rvirt-acl.conf", acl)])
}

/// Every procedure the table marks as writing is refused on `libvirt-sock-ro` with
/// libvirt's read-only error — checked before the arguments are decoded, so an empty
/// body is enough — and the connection keeps working.
#[test]
fn read_only_socket_refuses_every_writing_procedure() {
    let d = Daemon::start();
    let mut c = Raw::connect(&d.sock_ro());
    c.handshake("test:///default");
    let mut refused = 0;
    for p in rvirt_proto::remote::PROCEDURES.iter().filter(|p| p.writes) {
        let e = c.err(p.number, vec![]);
        assert_eq!(e.code, 29, "{}: {e:?}", p.name);
        let msg = e.message.clone().unwrap_or_default();
        assert!(
            msg.starts_with("operation forbidden: read only access prevents vir"),
            "{}: {msg}",
            p.name
        );
        refused += 1;
    }
    let expected = rvirt_proto::remote::PROCEDURES
        .iter()
        .filter(|p| p.writes)
        .count();
    assert_eq!(refused, expected);
    assert!(refused > 150, "only {refused} writing procedures");
    // nothing happened: the test domain still runs, read-only queries still work
    let body = c.ok(23, xdr_string("test"));
    assert!(!body.is_empty());
    let e = c.err(12, {
        let mut v = xdr_string("test");
        v.extend([0u8; 16]);
        v.extend(be(&[1]));
        v
    });
    assert_eq!(
        e.message.as_deref(),
        Some("operation forbidden: read only access prevents virDomainDestroy")
    );
    assert_eq!(&c.ok(66, vec![])[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
}

/// An ACL file denying `domain:start` to uid 0: `virsh start` gets libvirt's access
/// denied error while listing keeps working.
#[test]
fn acl_file_denies_start_but_not_list() {
    if !have("virsh") || !rustix::process::geteuid().is_root() {
        eprintln!("virsh missing or not root; skipping");
        return;
    }
    let d = start_with_acl("# test rules\ndeny uid:0 domain:start\n");
    let uri = d.test_uri();
    let (out, err, code) = run("virsh", &uri, &["list", "--all"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("test"), "{out}");
    // stop it first (allowed) so that virsh really calls DOMAIN_CREATE
    let (out, err, code) = run("virsh", &uri, &["destroy test; start test"]);
    assert!(out.contains("destroyed"), "{out} {err}");
    assert_eq!(code, Some(1));
    assert!(
        err.contains("access denied: 'Test' denied access"),
        "unexpected error: {err}"
    );
    // a name-restricted rule for another domain leaves this one alone
    let d2 = start_with_acl("deny * domain:start other-*\n");
    let uri2 = d2.test_uri();
    let (out, err, code) = run("virsh", &uri2, &["destroy test; start test"]);
    assert!(!err.contains("access denied"), "{err}");
    assert_eq!(code, Some(0), "{out} {err}");
    assert!(out.contains("started"), "{out}");
}

/// A broken ACL file stops the daemon from starting with the line named.
#[test]
fn broken_acl_file_is_a_startup_error() {
    let out = Daemon::run_with_files(&[(
        "rvirt-acl.conf",
        "allow uid:0 domain:start\npermit uid:0 domain:stop\n",
    )]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rvirt-acl.conf") && err.contains("line 2"),
        "{err}"
    );
}

fn admin_uri(d: &Daemon) -> String {
    format!(
        "libvirtd:///system?socket={}",
        d.root
            .path()
            .join("run/libvirt/libvirt-admin-sock")
            .display()
    )
}

/// Stock virt-admin against rvirtd's admin socket: every command the brief lists.
#[test]
fn virt_admin_commands() {
    if !have("virt-admin") {
        eprintln!("virt-admin missing; skipping");
        return;
    }
    let d = Daemon::start();
    let sock = d.root.path().join("run/libvirt/libvirt-admin-sock");
    let mode = std::fs::metadata(&sock).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    let uri = admin_uri(&d);
    let va = |args: &[&str]| {
        let (out, err, code) = run("virt-admin", &uri, args);
        assert_eq!(code, Some(0), "virt-admin {args:?}: {err}");
        out
    };

    let out = va(&["version"]);
    assert!(out.contains("Running against daemon: 9.0.0"), "{out}");
    let out = va(&["srv-list"]);
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(rows, ["0    libvirtd", "1    admin"], "{out}");

    // one REMOTE client, kept open
    let mut c = d.client();
    c.handshake("test:///default");
    let out = va(&["srv-clients-list", "libvirtd"]);
    let line = out.lines().nth(2).unwrap_or_default().to_string();
    let id = line.split_whitespace().next().unwrap().to_string();
    assert!(line.contains("unix"), "{out}");

    let out = va(&["client-info", "libvirtd", &id]);
    assert!(out.contains(&format!("id             : {id}")), "{out}");
    assert!(out.contains("transport      : unix"), "{out}");
    assert!(out.contains("readonly       : no"), "{out}");
    assert!(out.contains("unix_process_id:"), "{out}");

    let out = va(&["srv-threadpool-info", "libvirtd"]);
    assert!(out.contains("maxWorkers     : 20"), "{out}");
    assert!(out.contains("prioWorkers    : 5"), "{out}");
    va(&[
        "srv-threadpool-set",
        "libvirtd",
        "--max-workers",
        "10",
        "--priority-workers",
        "3",
        "--min-workers",
        "2",
    ]);
    let out = va(&["srv-threadpool-info", "libvirtd"]);
    assert!(out.contains("minWorkers     : 2"), "{out}");
    assert!(out.contains("maxWorkers     : 10"), "{out}");
    assert!(out.contains("prioWorkers    : 3"), "{out}");

    let out = va(&["srv-clients-info", "libvirtd"]);
    assert!(out.contains("nclients_max        : 5000"), "{out}");
    assert!(out.contains("nclients            : 1"), "{out}");
    va(&[
        "srv-clients-set",
        "libvirtd",
        "--max-clients",
        "100",
        "--max-unauth-clients",
        "10",
    ]);
    let out = va(&["srv-clients-info", "libvirtd"]);
    assert!(out.contains("nclients_max        : 100"), "{out}");
    assert!(out.contains("nclients_unauth_max : 10"), "{out}");
    let (_, err, code) = run(
        "virt-admin",
        &uri,
        &[
            "srv-clients-set",
            "libvirtd",
            "--max-clients",
            "5",
            "--max-unauth-clients",
            "10",
        ],
    );
    assert_eq!(code, Some(1), "{err}");

    let out = va(&["daemon-log-filters"]);
    assert_eq!(out.trim_end(), " Logging filters:");
    va(&["daemon-log-filters", "1:qemu 3:remote"]);
    let out = va(&["daemon-log-filters"]);
    assert_eq!(out.trim_end(), " Logging filters: 1:qemu 3:remote");
    let out = va(&["daemon-log-outputs"]);
    assert!(out.contains("Logging outputs: 3:stderr"), "{out}");

    va(&["client-disconnect", "libvirtd", &id]);
    assert!(c.read().is_none(), "client was not disconnected");
    let out = va(&["srv-clients-list", "libvirtd"]);
    assert_eq!(
        out.lines().filter(|l| l.contains("unix")).count(),
        0,
        "{out}"
    );

    let (_, err, code) = run("virt-admin", &uri, &["client-info", "libvirtd", "999"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("No client with matching ID '999'"), "{err}");
    let (_, err, _) = run("virt-admin", &uri, &["srv-clients-list", "nosuch"]);
    assert!(err.contains("No server named 'nosuch'"), "{err}");
}
