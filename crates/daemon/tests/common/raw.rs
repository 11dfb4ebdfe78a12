//! A raw socket client that encodes and decodes RPC frames by hand.

use super::{be, open_args};
use bytes::Bytes;
use rvirt_proto::{Header, MessageStatus, MessageType, Packet, RemoteError, REMOTE_PROGRAM};
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

pub struct Raw {
    pub s: UnixStream,
    pub serial: u32,
}

impl Raw {
    pub fn connect(p: &Path) -> Raw {
        let s = UnixStream::connect(p).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        Raw { s, serial: 0 }
    }

    pub fn send(&mut self, p: &Packet) {
        self.s.write_all(&p.to_frame()).unwrap();
    }

    pub fn send_raw(&mut self, b: &[u8]) {
        let _ = self.s.write_all(b);
    }

    /// Next frame, or None on EOF/reset.
    pub fn read(&mut self) -> Option<Packet> {
        let mut len = [0u8; 4];
        self.s.read_exact(&mut len).ok()?;
        let n = u32::from_be_bytes(len) as usize;
        let mut buf = vec![0u8; n];
        buf[..4].copy_from_slice(&len);
        self.s.read_exact(&mut buf[4..]).ok()?;
        Some(Packet::from_frame(Bytes::from(buf)).unwrap())
    }

    /// An encoded CALL frame for `proc_` with an empty body.
    pub fn frame(proc_: i32, serial: u32) -> Vec<u8> {
        Packet::new(Header::call(REMOTE_PROGRAM, proc_, serial), Vec::new())
            .to_frame()
            .to_vec()
    }

    pub fn call_raw(&mut self, proc_: i32, body: Vec<u8>) -> Packet {
        let serial = self.serial;
        self.serial += 1;
        self.send(&Packet::new(
            Header::call(REMOTE_PROGRAM, proc_, serial),
            body,
        ));
        loop {
            let r = self.read().expect("connection closed");
            if r.header.kind == MessageType::Reply && r.header.serial == serial {
                assert_eq!(r.header.proc_, proc_);
                return r;
            }
        }
    }

    pub fn ok(&mut self, proc_: i32, body: Vec<u8>) -> Bytes {
        let r = self.call_raw(proc_, body);
        if r.header.status != MessageStatus::Ok {
            panic!("proc {proc_} failed: {:?}", r.decode_body::<RemoteError>());
        }
        r.body
    }

    pub fn err(&mut self, proc_: i32, body: Vec<u8>) -> RemoteError {
        let r = self.call_raw(proc_, body);
        assert_eq!(
            r.header.status,
            MessageStatus::Error,
            "proc {proc_} should fail"
        );
        r.decode_body::<RemoteError>().unwrap()
    }

    /// virsh's handshake: AUTH_LIST, SUPPORTS_FEATURE(10), CONNECT_OPEN, features 14/15, 360.
    pub fn handshake(&mut self, uri: &str) {
        assert_eq!(&self.ok(66, vec![])[..], &[0, 0, 0, 1, 0, 0, 0, 0]);
        assert_eq!(&self.ok(60, be(&[10]))[..], &[0, 0, 0, 1]);
        self.ok(1, open_args(uri, 0));
        assert_eq!(&self.ok(60, be(&[14]))[..], &[0, 0, 0, 1]);
        assert_eq!(&self.ok(60, be(&[15]))[..], &[0, 0, 0, 1]);
        self.ok(360, vec![]);
    }
}
