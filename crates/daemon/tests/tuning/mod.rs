//! Domain tuning, statistics, guest-agent and image procedures: libvirtd's reply shaping
//! on raw frames, and stock virsh through rvirtd against virsh's in-process test driver.

use super::*;
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{TypedParam, TypedValue};
use rvirt_proto::remote::*;

#[test]
fn memory_parameters_two_pass() {
    let d = Daemon::start();
    let (mut c, dom) = open_test_domain(&d);
    let first: DomainGetMemoryParametersRet = ok_ret(
        &mut c,
        198,
        &DomainGetMemoryParametersArgs {
            dom: dom.clone(),
            nparams: 0,
            flags: 0,
        },
    );
    assert!(first.params.is_empty());
    assert!(first.nparams > 0);
    let second: DomainGetMemoryParametersRet = ok_ret(
        &mut c,
        198,
        &DomainGetMemoryParametersArgs {
            dom: dom.clone(),
            nparams: first.nparams,
            flags: 0,
        },
    );
    // libvirtd leaves ret.nparams at 0 on the second pass
    assert_eq!(second.nparams, 0);
    assert_eq!(second.params.len(), first.nparams as usize);
    let capped: DomainGetMemoryParametersRet = ok_ret(
        &mut c,
        198,
        &DomainGetMemoryParametersArgs {
            dom,
            nparams: 1,
            flags: 0,
        },
    );
    assert_eq!(capped.params, second.params[..1]);
}

#[test]
fn blkio_parameters_two_pass_and_limits() {
    let d = Daemon::start();
    let (mut c, dom) = open_test_domain(&d);
    let args = |nparams, flags| DomainGetBlkioParametersArgs {
        dom: dom.clone(),
        nparams,
        flags,
    };
    let first: DomainGetBlkioParametersRet = ok_ret(&mut c, 206, &args(0, 0));
    assert!(first.params.is_empty() && first.nparams > 0);
    // VIR_TYPED_PARAM_STRING_OKAY: every parameter comes back
    let all: DomainGetBlkioParametersRet = ok_ret(&mut c, 206, &args(first.nparams, 4));
    assert_eq!((all.params.len(), all.nparams), (first.nparams as usize, 0));
    // without it, string-typed values (the per-device lists) are dropped
    let plain: DomainGetBlkioParametersRet = ok_ret(&mut c, 206, &args(first.nparams, 0));
    let numeric: Vec<_> = all
        .params
        .iter()
        .filter(|p| !matches!(p.value, TypedValue::String(_)))
        .cloned()
        .collect();
    assert_eq!(plain.params, numeric);
    assert!(numeric.len() < all.params.len());
    let e = err_of(&mut c, 206, &args(17, 0));
    assert_rpc_error(&e, 1, 7, "internal error: nparams too large");
    let e = err_of(&mut c, 206, &args(-1, 0));
    assert_rpc_error(&e, 1, 7, "internal error: nparams must be non-negative");
}

#[test]
fn scheduler_parameters_legacy_and_flags() {
    let d = Daemon::start();
    let (mut c, dom) = open_test_domain(&d);
    let legacy: DomainGetSchedulerParametersRet = ok_ret(
        &mut c,
        57,
        &DomainGetSchedulerParametersArgs {
            dom: dom.clone(),
            nparams: 16,
        },
    );
    let flags: DomainGetSchedulerParametersFlagsRet = ok_ret(
        &mut c,
        223,
        &DomainGetSchedulerParametersFlagsArgs {
            dom: dom.clone(),
            nparams: 16,
            flags: 0,
        },
    );
    assert!(!legacy.params.is_empty());
    assert_eq!(legacy.params, flags.params);
    // the legacy setter reaches the driver (libvirt's test driver accepts and ignores it)
    let field = legacy.params[0].field.clone();
    let value = legacy.params[0].value.clone();
    c.ok(
        58,
        rvirt_xdr::to_bytes(&DomainSetSchedulerParametersArgs {
            dom: dom.clone(),
            params: vec![TypedParam::new(field, value)],
        })
        .unwrap()
        .to_vec(),
    );
    let after: DomainGetSchedulerParametersFlagsRet = ok_ret(
        &mut c,
        223,
        &DomainGetSchedulerParametersFlagsArgs {
            dom,
            nparams: 1,
            flags: 0,
        },
    );
    assert_eq!(after.params[..], legacy.params[..1]);
}

#[test]
fn vcpu_pin_info_sends_the_whole_buffer() {
    let d = Daemon::start();
    let (mut c, dom) = open_test_domain(&d);
    let r: DomainGetVcpuPinInfoRet = ok_ret(
        &mut c,
        230,
        &DomainGetVcpuPinInfoArgs {
            dom: dom.clone(),
            ncpumaps: 3,
            maplen: 2,
            flags: 0,
        },
    );
    assert_eq!(r.cpumaps.len(), 6);
    assert!(r.num > 0);
    let e = err_of(
        &mut c,
        230,
        &DomainGetVcpuPinInfoArgs {
            dom: dom.clone(),
            ncpumaps: -1,
            maplen: 1,
            flags: 0,
        },
    );
    assert_rpc_error(&e, 1, 7, "internal error: ncpumaps must be non-negative");
    let r: DomainGetEmulatorPinInfoRet = ok_ret(
        &mut c,
        280,
        &DomainGetEmulatorPinInfoArgs {
            dom,
            maplen: 3,
            flags: 0,
        },
    );
    assert_eq!(r.cpumaps.len(), 3);
}

#[test]
fn read_only_refusals_name_the_public_api() {
    let d = Daemon::start();
    let mut c = Raw::connect(&d.sock_ro());
    c.handshake("test:///default");
    let r: DomainLookupByNameRet = rvirt_xdr::from_bytes(&c.ok(23, xdr_string("test"))).unwrap();
    let dom = r.dom;
    let cases: Vec<(i32, Vec<u8>, &str)> = vec![
        (
            58,
            rvirt_xdr::to_bytes(&DomainSetSchedulerParametersArgs {
                dom: dom.clone(),
                params: vec![],
            })
            .unwrap()
            .to_vec(),
            "virDomainSetSchedulerParameters",
        ),
        (
            210,
            rvirt_xdr::to_bytes(&DomainInjectNmiArgs {
                dom: dom.clone(),
                flags: 0,
            })
            .unwrap()
            .to_vec(),
            "virDomainInjectNMI",
        ),
        (
            337,
            rvirt_xdr::to_bytes(&DomainGetTimeArgs {
                dom: dom.clone(),
                flags: 0,
            })
            .unwrap()
            .to_vec(),
            "virDomainGetTime",
        ),
        (
            164,
            rvirt_xdr::to_bytes(&DomainAbortJobArgs { dom: dom.clone() })
                .unwrap()
                .to_vec(),
            "virDomainAbortJob",
        ),
        (
            353,
            rvirt_xdr::to_bytes(&DomainInterfaceAddressesArgs {
                dom: dom.clone(),
                source: 1,
                flags: 0,
            })
            .unwrap()
            .to_vec(),
            "virDomainInterfaceAddresses",
        ),
    ];
    for (p, body, api) in cases {
        let e = c.err(p, body);
        assert_rpc_error(
            &e,
            29,
            20,
            &format!("operation forbidden: read only access prevents {api}"),
        );
    }
    // the lease source is a plain query, allowed read-only
    c.ok(
        353,
        rvirt_xdr::to_bytes(&DomainInterfaceAddressesArgs {
            dom: dom.clone(),
            source: 0,
            flags: 0,
        })
        .unwrap()
        .to_vec(),
    );
    let e = err_of(
        &mut c,
        388,
        &DomainManagedSaveGetXmlDescArgs { dom, flags: 1 },
    );
    assert_rpc_error(
        &e,
        29,
        20,
        "operation forbidden: virDomainManagedSaveGetXMLDesc with secure flag",
    );
}

/// Every procedure added here is routed: a well-formed call never answers "unknown procedure".
#[test]
fn added_procedures_are_all_routed() {
    let d = Daemon::start();
    let (mut c, dom) = open_test_domain(&d);
    let dom_flags = |dom: &DomainRef| {
        let mut b = rvirt_xdr::to_bytes(dom).unwrap().to_vec();
        b.extend(be(&[0]));
        b
    };
    let dref = rvirt_xdr::to_bytes(&dom).unwrap().to_vec();
    let with = |extra: &[u32]| {
        let mut b = dref.clone();
        b.extend(be(extra));
        b
    };
    let with_str = |s: &str, extra: &[u32]| {
        let mut b = dref.clone();
        b.extend(xdr_string(s));
        b.extend(be(extra));
        b
    };
    let calls: Vec<(i32, Vec<u8>)> = vec![
        (26, with(&[0, 1, 1])),
        (53, with_str("/nonexistent/dir/core", &[0])),
        (57, with(&[16])),
        (58, with(&[0])),
        (64, with_str("vda", &[])),
        (65, with_str("testnet0", &[])),
        (164, dref.clone()),
        (194, with_str("vda", &[0])),
        (197, with(&[0, 0])),
        (205, with(&[0, 0])),
        (206, with(&[0, 0])),
        (210, dom_flags(&dom)),
        (219, with(&[0, 0])),
        (223, with(&[16, 0])),
        (225, with(&[0, 1, 1, 0])),
        (226, with(&[0, 0, 1, 30, 0])),
        (230, with(&[1, 1, 0])),
        (243, with_str("vda", &[0, 0])),
        (252, with_str("vda", &[0, 0])),
        (253, with(&[0, 0, 0])),
        (254, with(&[0, 0])),
        (255, with(&[0, 0])),
        (256, with_str("testnet0", &[0, 0])),
        (257, with_str("testnet0", &[0, 0])),
        (262, with(&[0, 0, 0, 0])),
        (277, dom_flags(&dom)),
        (279, with(&[1, 1, 0])),
        (280, with(&[1, 0])),
        (298, dom_flags(&dom)),
        (308, with(&[0, 0])),
        (334, with_str("/nonexistent/dir/core", &[0, 0])),
        (335, with(&[0, 0])),
        (336, with(&[0, 0])),
        (337, dom_flags(&dom)),
        (338, with(&[0, 0, 0, 0])),
        (353, with(&[0, 0])),
        (388, dom_flags(&dom)),
        (389, with(&[0, 0])),
        (390, with(&[0, 0, 0])),
        (392, with_str("nosuchalias", &[0])),
        (418, with(&[0, 0])),
        (442, dom_flags(&dom)),
    ];
    let mut file = xdr_string("/nonexistent.img");
    file.extend(be(&[0]));
    let mut define = xdr_string("/nonexistent.img");
    define.extend(xdr_string("<domain/>"));
    define.extend(be(&[0]));
    for (p, body) in calls.into_iter().chain([(235, file), (236, define)]) {
        let r = c.call_raw(p, body);
        if r.header.status == MessageStatus::Error {
            let e: RemoteError = r.decode_body().unwrap();
            assert_ne!(
                (e.code, e.message.as_deref()),
                (39, Some(format!("unknown procedure: {p}").as_str())),
                "{p}"
            );
            assert_ne!(
                e.message.as_deref(),
                Some("Unable to decode message payload"),
                "{p}"
            );
        }
    }
}

/// Stock virsh through rvirtd prints exactly what virsh prints with libvirt's own
/// in-process test driver, for the commands whose driver side rvirt implements.
#[test]
fn stock_virsh_matches_libvirt_test_driver() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let uri = d.test_uri();
    let cmds: &[&[&str]] = &[
        &["schedinfo", "test"],
        &["schedinfo", "test", "--config"],
        &["schedinfo", "test", "--set", "weight=100"],
        &["blkiotune", "test"],
        &["blkiotune", "test", "--weight", "500"],
        &["memtune", "test"],
        &["memtune", "test", "--hard-limit", "1000000"],
        &["numatune", "test"],
        &["domiftune", "test", "testnet0"],
        &["domblkinfo", "test", "vda"],
        &["domblkinfo", "test", "--all"],
        &["vcpupin", "test"],
        &["vcpupin", "test", "--config"],
        &["emulatorpin", "test"],
        &["domhostname", "test"],
        &["domtime", "test"],
        &["domtime", "test", "--time", "1000"],
        &["domfsfreeze", "test"],
        &["domfsthaw", "test"],
        &["domifaddr", "test"],
        &["domifaddr", "test", "--source", "agent"],
        &["domifaddr", "test", "--source", "arp"],
        &["set-lifecycle-action", "test", "reboot", "restart"],
        &["managedsave-dumpxml", "test"],
        &["managedsave-define", "test", "/dev/null"],
        &["inject-nmi", "test"],
        &["send-key", "test", "KEY_A"],
        &["domjobinfo", "test"],
        &["domjobinfo", "test", "--completed"],
        &["domjobabort", "test"],
        &["guestinfo", "test"],
        &["detach-device-alias", "test", "net0"],
        &["dommemstat", "test"],
    ];
    assert_virsh_matches(&uri, &[], cmds, "  libvirt: ", "  rvirtd:  ");
}

/// Block and interface counters of libvirt's test driver move with the clock, so only the
/// counter names (and success) are compared.
#[test]
fn stock_virsh_stats_have_libvirt_fields() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let uri = d.test_uri();
    let names = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.rsplit_once(' ').map_or(l, |(k, _)| k).trim().to_string())
            .collect()
    };
    for args in [
        &["domblkstat", "test", "vda"][..],
        &["domblkstat", "test", "vda", "--human"],
        &["domifstat", "test", "testnet0"],
    ] {
        let want = virsh(ORACLE, args);
        let got = virsh(&uri, args);
        assert_eq!(got.2, Some(0), "{args:?}: {}", got.1);
        assert_eq!(names(&want.0), names(&got.0), "{args:?}");
    }
}

/// The same commands on a read-only connection fail (or succeed) exactly as libvirt's do.
#[test]
fn stock_virsh_read_only_matches_libvirt() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let uri = Daemon::test_uri_on(&d.sock_ro());
    let cmds: &[&[&str]] = &[
        &["schedinfo", "test", "--set", "weight=100"],
        &["blkiotune", "test", "--weight", "500"],
        &["memtune", "test", "--hard-limit", "1000000"],
        &["numatune", "test", "--mode", "strict", "--nodeset", "0"],
        &["domiftune", "test", "testnet0", "--inbound", "100"],
        &["blkdeviotune", "test", "vda", "--total-bytes-sec", "1000"],
        &["vcpupin", "test", "0", "0"],
        &["emulatorpin", "test", "0"],
        &["domhostname", "test"],
        &["domtime", "test"],
        &["domfsfreeze", "test"],
        &["domifaddr", "test", "--source", "agent"],
        &["set-lifecycle-action", "test", "reboot", "restart"],
        &["save-image-dumpxml", "/nonexistent"],
        &["save-image-define", "/nonexistent", "/dev/null"],
        &["managedsave-dumpxml", "test", "--security-info"],
        &["managedsave-define", "test", "/dev/null"],
        &["inject-nmi", "test"],
        &["send-key", "test", "KEY_A"],
        &["domjobabort", "test"],
        &["guestinfo", "test"],
        &["detach-device-alias", "test", "net0"],
        &["dommemstat", "test", "--period", "5"],
    ];
    assert_virsh_matches(&uri, &["-r"], cmds, "  libvirt: ", "  rvirtd:  ");
}
