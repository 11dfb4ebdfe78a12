//! Stock virsh against rvirtd's network filter driver (`qemu:///system`): define → list →
//! dumpxml → binding-create → binding-list → undefine refused → binding-delete → undefine,
//! then a daemon restart finds what was left behind.

use super::*;

const UUID: &str = "6f2a4b8c-1d3e-4f5a-8b9c-0d1e2f3a4b5c";

/// No `state=`: bindings are enforced with nftables, and bridge connection tracking needs
/// the kernel's nf_conntrack_bridge, which this CI's kernel lacks.
fn filter_xml() -> String {
    format!(
        "<filter name='rv-web' chain='ipv4'>\n  <uuid>{UUID}</uuid>\n  \
         <rule action='accept' direction='in' priority='500'>\n    \
         <tcp dstportstart='80' srcipaddr='10.0.0.1'/>\n  </rule>\n  \
         <filterref filter='rv-base'/>\n</filter>\n"
    )
}

const BASE_XML: &str = "<filter name='rv-base' chain='root'>\n  \
    <rule action='drop' direction='inout' priority='1000'/>\n</filter>\n";

const BINDING_XML: &str = "<filterbinding>\n  <owner>\n    <name>vm1</name>\n    \
    <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>\n  </owner>\n  \
    <portdev name='vnet7'/>\n  <mac address='52:54:00:7b:35:93'/>\n  \
    <filterref filter='rv-web'>\n    <parameter name='IP' value='10.0.0.7'/>\n  \
    </filterref>\n</filterbinding>\n";

fn system_uri(d: &Daemon) -> String {
    format!("qemu+unix:///system?socket={}", d.sock().display())
}

#[test]
fn nwfilter_lifecycle_with_stock_virsh() {
    if !have("virsh") {
        eprintln!("skipping: virsh not installed");
        return;
    }
    let mut d = Daemon::start();
    let uri = system_uri(&d);
    let dir = d.root.path().to_path_buf();
    let f = dir.join("web.xml");
    let base = dir.join("base.xml");
    let b = dir.join("binding.xml");
    std::fs::write(&f, filter_xml()).unwrap();
    std::fs::write(&base, BASE_XML).unwrap();
    std::fs::write(&b, BINDING_XML).unwrap();
    let (f, base, b) = (
        f.to_str().unwrap(),
        base.to_str().unwrap(),
        b.to_str().unwrap(),
    );

    let (out, err, code) = virsh(&uri, &["nwfilter-define", base]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        format!("Network filter rv-base defined from {base}\n\n")
    );
    let (out, err, code) = virsh(&uri, &["nwfilter-define", "--file", f]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, format!("Network filter rv-web defined from {f}\n\n"));

    let (out, _, code) = virsh(&uri, &["nwfilter-list"]);
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["UUID", "Name"]
    );
    assert!(lines[1].starts_with("------"));
    assert!(
        lines
            .iter()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == [UUID, "rv-web"]),
        "{out}"
    );
    assert!(out.contains("rv-base"), "{out}");

    let (out, _, code) = virsh(&uri, &["nwfilter-dumpxml", "rv-web"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        format!(
            "<filter name='rv-web' chain='ipv4' priority='-700'>\n  <uuid>{UUID}</uuid>\n  \
             <rule action='accept' direction='in' priority='500'>\n    \
             <tcp srcipaddr='10.0.0.1' dstportstart='80'/>\n  </rule>\n  \
             <filterref filter='rv-base'/>\n</filter>\n\n"
        )
    );

    let (out, err, code) = virsh(&uri, &["nwfilter-binding-create", b]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        format!("Network filter binding on vnet7 created from {b}\n\n")
    );

    let (out, _, code) = virsh(&uri, &["nwfilter-binding-list"]);
    assert_eq!(code, Some(0));
    let rows: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0], ["Port", "Dev", "Filter"]);
    assert!(rows.iter().any(|r| r == &["vnet7", "rv-web"]), "{out}");

    let (out, _, code) = virsh(&uri, &["nwfilter-binding-dumpxml", "vnet7"]);
    assert_eq!(code, Some(0));
    assert_eq!(out, format!("{BINDING_XML}\n"));

    for name in ["rv-web", "rv-base"] {
        let (_, err, code) = virsh(&uri, &["nwfilter-undefine", name]);
        assert_eq!(code, Some(1));
        assert_eq!(
            err,
            format!(
                "error: Failed to undefine network filter {name}\n\
                 error: Requested operation is not valid: nwfilter is in use\n"
            )
        );
    }

    // a restarted daemon still has the filters and the binding
    restart(&mut d);
    let (out, _, code) = virsh(&uri, &["nwfilter-binding-list"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("vnet7"), "{out}");
    let (out, _, code) = virsh(&uri, &["nwfilter-list"]);
    assert_eq!(code, Some(0));
    assert!(out.contains(UUID), "{out}");

    let (out, err, code) = virsh(&uri, &["nwfilter-binding-delete", "vnet7"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "Network filter binding on vnet7 deleted\n\n");
    let (_, err, code) = virsh(&uri, &["nwfilter-binding-dumpxml", "vnet7"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("no nwfilter binding for port dev 'vnet7'"),
        "{err}"
    );

    for name in ["rv-web", "rv-base"] {
        let (out, err, code) = virsh(&uri, &["nwfilter-undefine", name]);
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(out, format!("Network filter {name} undefined\n\n"));
    }
    let (_, err, code) = virsh(&uri, &["nwfilter-dumpxml", "rv-web"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        "error: failed to get nwfilter 'rv-web'\n\
         error: Network filter not found: no nwfilter with matching name 'rv-web'\n"
    );
}

/// Kills rvirtd and starts a new one on the same root.
fn restart(d: &mut Daemon) {
    let cfg = d.root.path().join("etc/libvirt/nwfilter/rv-web.xml");
    let status = d.root.path().join("run/libvirt/nwfilter-binding/vnet7.xml");
    assert!(cfg.exists() && status.exists());
    let _ = d.child.kill();
    let _ = d.child.wait();
    d.child = Command::new(env!("CARGO_BIN_EXE_rvirtd"))
        .arg("--root")
        .arg(d.root.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::os::unix::net::UnixStream::connect(d.sock()).is_err() {
        assert!(Instant::now() < deadline, "rvirtd did not come back");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn read_only_socket_refuses_define() {
    if !have("virsh") {
        return;
    }
    let d = Daemon::start();
    let uri = format!("qemu+unix:///system?socket={}", d.sock_ro().display());
    let f = d.root.path().join("f.xml");
    std::fs::write(&f, BASE_XML).unwrap();
    let (_, err, code) = virsh(&uri, &["nwfilter-define", f.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("operation forbidden: read only access prevents virNWFilterDefineXML"),
        "{err}"
    );
    let (out, _, code) = virsh(&uri, &["nwfilter-list"]);
    assert_eq!(code, Some(0), "lists work read-only");
    assert!(out.contains("UUID"));
}

#[test]
fn test_driver_errors_match_stock_virsh() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let cmds: &[&[&str]] = &[
        &["nwfilter-list"],
        &["nwfilter-dumpxml", "x"],
        &["nwfilter-undefine", "x"],
        &["nwfilter-binding-list"],
        &["nwfilter-binding-dumpxml", "vnet0"],
        &["nwfilter-binding-delete", "vnet0"],
    ];
    assert_virsh_matches(
        &d.test_uri(),
        &[],
        cmds,
        "virsh test:///default: ",
        "via rvirtd: ",
    );
}
