//! Limits: `max_clients`, keepalive (a frozen client is dropped after interval × (count + 1)),
//! and `unix_sock_group`.

use std::io::Read;
use std::time::{Duration, Instant};

use rvirt_proto::{MessageType, KEEPALIVE_PROGRAM};

use super::Listening;
use crate::{be, Raw};

#[test]
fn over_max_clients_is_dropped_and_others_continue() {
    let d = Listening::start("listen_tls = 0\nmax_clients = 2\n", |_| {});
    let mut a = Raw::connect(&d.sock());
    let mut b = Raw::connect(&d.sock());
    assert_eq!(&a.ok(66, vec![])[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
    assert_eq!(&b.ok(66, vec![])[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
    // the third is accepted and closed at once
    let mut c = Raw::connect(&d.sock());
    c.send_raw(&Raw::frame(66, 0));
    let mut buf = [0u8; 4];
    assert_eq!(
        c.s.read(&mut buf).unwrap_or(0),
        0,
        "third client must be dropped"
    );
    assert!(d.wait_log("Too many active clients (2), dropping connection"));
    // the first two still work
    assert_eq!(&a.ok(60, be(&[10]))[..], &[0, 0, 0, 1]);
    assert_eq!(&b.ok(60, be(&[10]))[..], &[0, 0, 0, 1]);
    // once one leaves, a new client gets in
    drop(a);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let mut n = Raw::connect(&d.sock());
        n.send_raw(&Raw::frame(66, 0));
        if let Some(p) = n.read() {
            assert_eq!(p.header.kind, MessageType::Reply);
            break;
        }
        assert!(Instant::now() < deadline, "slot was not released");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn frozen_client_dropped_after_keepalive_timeout() {
    let d = Listening::start(
        "listen_tls = 0\nkeepalive_interval = 1\nkeepalive_count = 2\n",
        |_| {},
    );
    let mut c = Raw::connect(&d.sock());
    // SUPPORTS_FEATURE(KEEPALIVE) starts the server's pings
    assert_eq!(&c.ok(60, be(&[10]))[..], &[0, 0, 0, 1]);
    let start = Instant::now();
    let mut pings = 0;
    // never answer: the server pings `count` times, then closes
    while let Some(p) = c.read() {
        assert_eq!((p.header.prog, p.header.proc_), (KEEPALIVE_PROGRAM, 1));
        pings += 1;
    }
    let took = start.elapsed();
    assert_eq!(pings, 2);
    // interval × (count + 1) = 3 s
    assert!(
        took >= Duration::from_millis(2800) && took < Duration::from_millis(4500),
        "{took:?}"
    );
    assert!(d.wait_log("keepalive timed out"));
}

#[test]
fn answering_client_is_kept() {
    let d = Listening::start(
        "listen_tls = 0\nkeepalive_interval = 1\nkeepalive_count = 1\n",
        |_| {},
    );
    let mut c = Raw::connect(&d.sock());
    assert_eq!(&c.ok(60, be(&[10]))[..], &[0, 0, 0, 1]);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(4) {
        let p = c.read().expect("connection must stay open");
        assert_eq!((p.header.prog, p.header.proc_), (KEEPALIVE_PROGRAM, 1));
        c.send(&rvirt_proto::Packet::keepalive_pong());
    }
    assert_eq!(&c.ok(66, vec![])[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
}

fn group_gid(name: &str) -> Option<u32> {
    let text = std::fs::read_to_string("/etc/group").ok()?;
    text.lines().find_map(|l| {
        let mut f = l.split(':');
        (f.next()? == name).then(|| f.nth(1)?.parse().ok())?
    })
}

#[test]
fn unix_sock_group_and_perms() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Some(gid) = group_gid("nogroup") else {
        eprintln!("no 'nogroup' group; skipping");
        return;
    };
    let d = Listening::start(
        "listen_tls = 0\nunix_sock_group = \"nogroup\"\nunix_sock_rw_perms = \"0770\"\n\
         unix_sock_ro_perms = \"0775\"\n",
        |_| {},
    );
    let rw = std::fs::metadata(d.sock()).unwrap();
    let ro = std::fs::metadata(d.root.path().join("run/libvirt/libvirt-sock-ro")).unwrap();
    assert_eq!((rw.gid(), ro.gid()), (gid, gid));
    assert_eq!(
        (
            rw.permissions().mode() & 0o7777,
            ro.permissions().mode() & 0o7777
        ),
        (0o770, 0o775)
    );
}

#[test]
fn unknown_unix_sock_group_is_a_startup_error() {
    let (mut d, up) = Listening::try_start(
        "listen_tls = 0\nunix_sock_group = \"no-such-group-rvirt\"\n",
        |_| {},
    );
    assert!(!up);
    assert_eq!(d.child.wait().unwrap().code(), Some(1));
    assert!(d
        .log_text()
        .contains("Failed to find group record for name 'no-such-group-rvirt'"));
}
