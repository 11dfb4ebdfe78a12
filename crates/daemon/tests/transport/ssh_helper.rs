//! rvirt-ssh-helper: stdin/stdout bridged to the daemon socket, driven through pipes
//! exactly as sshd would run it.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use bytes::Bytes;
use rvirt_proto::{Header, MessageStatus, Packet, REMOTE_PROGRAM};

use super::Listening;
use crate::{be, open_args};

struct Piped {
    child: std::process::Child,
    serial: u32,
}

impl Piped {
    fn call(&mut self, proc_: i32, body: Vec<u8>) -> Packet {
        let serial = self.serial;
        self.serial += 1;
        let frame = Packet::new(Header::call(REMOTE_PROGRAM, proc_, serial), body).to_frame();
        self.child
            .stdin
            .as_mut()
            .unwrap()
            .write_all(&frame)
            .unwrap();
        let out = self.child.stdout.as_mut().unwrap();
        let mut len = [0u8; 4];
        out.read_exact(&mut len).unwrap();
        let mut buf = vec![0u8; u32::from_be_bytes(len) as usize];
        buf[..4].copy_from_slice(&len);
        out.read_exact(&mut buf[4..]).unwrap();
        let p = Packet::from_frame(Bytes::from(buf)).unwrap();
        assert_eq!((p.header.serial, p.header.proc_), (serial, proc_));
        p
    }
}

fn helper(args: &[&str]) -> Piped {
    let child = Command::new(env!("CARGO_BIN_EXE_rvirt-ssh-helper"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    Piped { child, serial: 0 }
}

#[test]
fn handshake_and_list_through_the_helper() {
    let d = Listening::start("listen_tls = 0\n", |_| {});
    let uri = format!("test:///default?socket={}", d.sock().display());
    let mut h = helper(&[&uri]);
    let r = h.call(66, vec![]);
    assert_eq!(&r.body[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
    assert_eq!(&h.call(60, be(&[10])).body[..], &[0, 0, 0, 1]);
    assert_eq!(
        h.call(1, open_args("test:///default", 0)).header.status,
        MessageStatus::Ok
    );
    // CONNECT_NUM_OF_DOMAINS → 1
    let r = h.call(51, vec![]);
    assert_eq!(&r.body[..], &[0, 0, 0, 1]);
    // closing stdin ends the session; the helper exits cleanly once the daemon hangs up
    drop(h.child.stdin.take());
    let status = h.child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn read_only_flag_uses_the_read_only_socket() {
    let d = Listening::start("listen_tls = 0\n", |_| {});
    let ro = d.root.path().join("run/libvirt/libvirt-sock-ro");
    let uri = format!("test:///default?socket={}", ro.display());
    let mut h = helper(&["-r", &uri]);
    h.call(1, open_args("test:///default", 0));
    // DOMAIN_LOOKUP_BY_NAME("test") then DOMAIN_DESTROY is refused on the -ro socket
    let dom = h.call(23, crate::xdr_string("test"));
    let r = h.call(12, dom.body.to_vec());
    assert_eq!(r.header.status, MessageStatus::Error);
    let e: rvirt_proto::RemoteError = r.decode_body().unwrap();
    assert_eq!(e.code, 29, "{e:?}");
}

#[test]
fn missing_socket_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_rvirt-ssh-helper"))
        .arg("qemu:///system?socket=/nonexistent/rvirt-sock")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot connect to '/nonexistent/rvirt-sock'"),
        "{err}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_rvirt-ssh-helper"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("URI is required"));
}
