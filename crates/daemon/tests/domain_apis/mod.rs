//! Perf events, launch security, backup, compression cache and screenshot procedures
//! (365/366, 396/439, 421/422, 299/300, 211): stock virsh through rvirtd against virsh on
//! libvirt's in-process test driver, plus raw-frame checks of the reply shapes.

use super::*;
use rvirt_core::typed_param::{TypedParam, TypedValue};
use rvirt_proto::remote::*;

#[test]
fn perf_events_round_trip_on_raw_frames() {
    let d = Daemon::start();
    let (mut c, dom) = open_test_domain(&d);
    let get = |c: &mut Raw| -> DomainGetPerfEventsRet {
        ok_ret(
            c,
            365,
            &DomainGetPerfEventsArgs {
                dom: dom.clone(),
                flags: 0,
            },
        )
    };
    let before = get(&mut c);
    assert_eq!(before.params.len(), 22);
    assert_eq!(
        before.params[0],
        TypedParam::new("cmt", TypedValue::Boolean(false))
    );
    c.ok(
        366,
        rvirt_xdr::to_bytes(&DomainSetPerfEventsArgs {
            dom: dom.clone(),
            params: vec![TypedParam::new("mbml", TypedValue::Boolean(true))],
            flags: 0,
        })
        .unwrap()
        .to_vec(),
    );
    let after = get(&mut c);
    assert_eq!(
        after.params[2],
        TypedParam::new("mbml", TypedValue::Boolean(true))
    );
    let e = err_of(
        &mut c,
        366,
        &DomainSetPerfEventsArgs {
            dom: dom.clone(),
            params: vec![TypedParam::new("cmt", TypedValue::Int(1))],
            flags: 0,
        },
    );
    assert_rpc_error(
        &e,
        8,
        0,
        "invalid argument: invalid type 'int' for parameter 'cmt', expected 'boolean'",
    );
}

#[test]
fn launch_security_and_unsupported_procedures_on_raw_frames() {
    let d = Daemon::start();
    let (mut c, dom) = open_test_domain(&d);
    let r: DomainGetLaunchSecurityInfoRet = ok_ret(
        &mut c,
        396,
        &DomainGetLaunchSecurityInfoArgs {
            dom: dom.clone(),
            flags: 0,
        },
    );
    assert!(r.params.is_empty());
    let e = err_of(
        &mut c,
        299,
        &DomainMigrateGetCompressionCacheArgs {
            dom: dom.clone(),
            flags: 0,
        },
    );
    assert_eq!(e.code, 3);
    assert_eq!(
        e.message.as_deref(),
        Some(
            "this function is not supported by the connection driver: \
             virDomainMigrateGetCompressionCache"
        )
    );
    let e = err_of(
        &mut c,
        422,
        &DomainBackupGetXmlDescArgs {
            dom: dom.clone(),
            flags: 0,
        },
    );
    assert_eq!(e.code, 3);
}

/// Every command, successes and errors, prints through rvirtd what virsh prints against its
/// own test driver. Commands that change state come last, each checked once.
#[test]
fn stock_virsh_matches_test_driver() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let uri = d.test_uri();
    let cmds: &[&[&str]] = &[
        &["perf", "test"],
        &["perf", "test", "--config"],
        &["perf", "test", "--enable", "bogus"],
        &["perf", "test", "--enable", "cmt,cmt"],
        &["perf", "test", "--enable", "cmt", "--config", "--live"],
        &["perf", "nosuch"],
        &["domlaunchsecinfo", "test"],
        &[
            "domsetlaunchsecstate",
            "test",
            "--secrethdr",
            "/etc/hostname",
            "--secret",
            "/etc/hostname",
        ],
        &["nodesevinfo"],
        &["backup-begin", "test"],
        &["backup-dumpxml", "test"],
        &["migrate-compcache", "test"],
        &["migrate-compcache", "test", "--size", "1000"],
        &["update-memory-device", "test"],
        &["perf", "test", "--enable", "cmt,mbml", "--disable", "mbmt"],
        &["perf", "test", "--disable", "cmt,mbml"],
    ];
    assert_virsh_matches(&uri, &[], cmds, "  libvirt: ", "  rvirtd:  ");
}

/// Read-only connections: the getters work, the setters and the secure getters are refused.
#[test]
fn stock_virsh_read_only_matches_test_driver() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let uri = d.test_uri();
    let cmds: &[&[&str]] = &[
        &["perf", "test"],
        &["perf", "test", "--enable", "cmt"],
        &["domlaunchsecinfo", "test"],
        &["backup-dumpxml", "test"],
        &["nodesevinfo"],
        &["screenshot", "test", "/dev/null"],
    ];
    assert_virsh_matches(&uri, &["-r"], cmds, "  libvirt: ", "  rvirtd:  ");
}

/// virDomainScreenshot streams libvirt's shipped test PNG through rvirtd.
#[test]
fn stock_virsh_screenshot_through_daemon() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let Ok(want) = std::fs::read("/usr/share/libvirt/test-screenshot.png") else {
        eprintln!("libvirt's test screenshot not installed; skipping");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shot.png");
    let f = file.to_str().unwrap();
    let got = virsh(&d.test_uri(), &["screenshot", "test", f]);
    assert_eq!(got.2, Some(0), "{}", got.1);
    assert_eq!(
        got.0,
        format!("Screenshot saved to {f}, with type of image/png\n")
    );
    assert_eq!(std::fs::read(&file).unwrap(), want);
}
