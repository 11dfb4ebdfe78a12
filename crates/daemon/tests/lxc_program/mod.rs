//! The LXC program stub (`0x00068000` v1): `virsh lxc-enter-namespace` through rvirtd
//! prints what it prints on libvirt's test driver (libvirtd without an LXC driver), and
//! LXC_PROC_DOMAIN_OPEN_NAMESPACE answers read-only connections with "operation forbidden".

use crate::common::*;
use rvirt_proto::{
    Header, MessageStatus, MessageType, Packet, RemoteError, LXC_PROGRAM, LXC_PROTOCOL_VERSION,
};

/// One LXC program call on `c`; its reply.
fn lxc_call(c: &mut Raw, proc_: i32, body: Vec<u8>) -> Packet {
    let serial = c.serial;
    c.serial += 1;
    let mut h = Header::call(LXC_PROGRAM, proc_, serial);
    h.vers = LXC_PROTOCOL_VERSION;
    c.send(&Packet::new(h, body));
    loop {
        let r = c.read().expect("connection closed");
        if r.header.kind == MessageType::Reply && r.header.serial == serial {
            assert_eq!((r.header.prog, r.header.proc_), (LXC_PROGRAM, proc_));
            return r;
        }
    }
}

/// `lxc_domain_open_namespace_args` for the test driver's `test` domain, flags 0.
fn open_namespace_args(c: &mut Raw) -> Vec<u8> {
    let mut body = c.ok(23, xdr_string("test")).to_vec();
    body.extend(be(&[0]));
    body
}

#[test]
fn virsh_lxc_enter_namespace_matches_libvirt() {
    let Some(d) = daemon_for_virsh() else {
        return;
    };
    let cmds: &[&[&str]] = &[
        &["lxc-enter-namespace", "test", "--", "/bin/true"],
        &["lxc-enter-namespace", "nosuchdom", "--", "/bin/true"],
    ];
    assert_virsh_matches(&d.test_uri(), &[], cmds, "  libvirt: ", "  rvirtd:  ");
    let (_, err, rc) = virsh(&d.test_uri(), cmds[0]);
    assert_eq!(rc, Some(1));
    assert!(
        err.contains(
            "this function is not supported by the connection driver: virDomainLxcOpenNamespace"
        ),
        "{err}"
    );
    // read-only: libvirt's client library refuses before sending; same output
    assert_virsh_matches(
        &Daemon::test_uri_on(&d.sock_ro()),
        &["-r"],
        &cmds[..1],
        "  libvirt: ",
        "  rvirtd:  ",
    );
}

#[test]
fn open_namespace_errors_on_the_wire() {
    let d = Daemon::start();
    let mut c = d.client();
    c.handshake("test:///default");
    let args = open_namespace_args(&mut c);
    let r = lxc_call(&mut c, 1, args);
    assert_eq!(r.header.status, MessageStatus::Error);
    assert_eq!(r.header.vers, LXC_PROTOCOL_VERSION);
    let e: RemoteError = r.decode_body().unwrap();
    assert_rpc_error(
        &e,
        3,
        0,
        "this function is not supported by the connection driver: virDomainLxcOpenNamespace",
    );
    // the connection keeps working
    assert_eq!(&c.ok(60, be(&[10]))[..], &[0, 0, 0, 1]);

    let mut ro = Raw::connect(&d.sock_ro());
    ro.handshake("test:///default");
    let args = open_namespace_args(&mut ro);
    let e: RemoteError = lxc_call(&mut ro, 1, args).decode_body().unwrap();
    assert_rpc_error(
        &e,
        29,
        0,
        "operation forbidden: read only access prevents virDomainLxcOpenNamespace",
    );

    // an unknown LXC procedure
    let e: RemoteError = lxc_call(&mut c, 2, vec![]).decode_body().unwrap();
    assert_eq!(e.message.as_deref(), Some("unknown procedure: 2"), "{e:?}");
}
