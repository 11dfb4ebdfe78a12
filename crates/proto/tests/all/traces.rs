//! Replays the raw frames recorded against libvirtd 9.0 (`/work/shared/spec/traces/*.hex`)
//! through `PacketCodec`. The files are read from `../shared` at test time, never copied.

use std::path::PathBuf;

use bytes::{Bytes, BytesMut};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_proto::*;
use tokio_util::codec::{Decoder, Encoder};

struct Frame {
    client_to_server: bool,
    bytes: Vec<u8>,
    kind: String,
    name: String,
    serial: u32,
    status: String,
}

fn traces_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("RVIRT_SHARED_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
    .join("spec/traces");
    dir.is_dir().then_some(dir)
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| {
            u8::from_str_radix(&s[2 * i..2 * i + 2], 16)
                .unwrap_or_else(|e| panic!("bad hex {s}: {e}"))
        })
        .collect()
}

/// Parses `<dir> <hex>  # <TYPE> <NAME> serial=<n> <STATUS>` lines; `None` when absent.
fn load(file: &str) -> Option<Vec<Frame>> {
    let Some(dir) = traces_dir() else {
        println!("skipping: trace directory ../shared/spec/traces not present");
        return None;
    };
    let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut frames = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (data, comment) = line
            .split_once('#')
            .unwrap_or_else(|| panic!("no comment: {line}"));
        let mut d = data.split_whitespace();
        let dir = d.next().unwrap_or_default();
        let bytes = hex(d.next().unwrap_or_default());
        let c: Vec<&str> = comment.split_whitespace().collect();
        assert_eq!(c.len(), 4, "unexpected comment format: {comment}");
        frames.push(Frame {
            client_to_server: dir == "C>S",
            bytes,
            kind: c[0].to_string(),
            name: c[1].to_string(),
            serial: c[2]
                .trim_start_matches("serial=")
                .parse()
                .unwrap_or_else(|e| panic!("{comment}: {e}")),
            status: c[3].to_string(),
        });
    }
    assert!(!frames.is_empty(), "{file} has no frames");
    Some(frames)
}

fn kind_name(k: MessageType) -> &'static str {
    match k {
        MessageType::Call => "CALL",
        MessageType::Reply => "REPLY",
        MessageType::Message => "MESSAGE",
        MessageType::Stream => "STREAM",
        MessageType::CallWithFds => "CALL_WITH_FDS",
        MessageType::ReplyWithFds => "REPLY_WITH_FDS",
        MessageType::StreamHole => "STREAM_HOLE",
        MessageType::Other(_) => "OTHER",
    }
}

fn status_name(s: MessageStatus) -> &'static str {
    match s {
        MessageStatus::Ok => "OK",
        MessageStatus::Error => "ERROR",
        MessageStatus::Continue => "CONTINUE",
        MessageStatus::Other(_) => "OTHER",
    }
}

fn decode_one(bytes: &[u8]) -> Packet {
    let mut buf = BytesMut::from(bytes);
    let p = PacketCodec::new()
        .decode(&mut buf)
        .unwrap_or_else(|e| panic!("decode failed: {e}"))
        .unwrap_or_else(|| panic!("incomplete frame"));
    assert!(buf.is_empty(), "frame not fully consumed");
    p
}

fn encode(p: &Packet) -> Vec<u8> {
    let mut out = BytesMut::new();
    PacketCodec::new()
        .encode(p, &mut out)
        .unwrap_or_else(|e| panic!("{e}"));
    out.to_vec()
}

/// Every frame decodes, matches its annotation, and re-encodes to identical bytes.
fn replay(file: &str) -> usize {
    let Some(frames) = load(file) else { return 0 };
    for f in &frames {
        let p = decode_one(&f.bytes);
        let h = p.header;
        assert_eq!(kind_name(h.kind), f.kind, "{file}: {}", f.name);
        assert_eq!(status_name(h.status), f.status, "{file}: {}", f.name);
        assert_eq!(h.serial, f.serial, "{file}: {}", f.name);
        assert_eq!(h.vers, 1);
        let prog = if f.name.starts_with("KEEPALIVE_PROC_") {
            KEEPALIVE_PROGRAM
        } else {
            REMOTE_PROGRAM
        };
        assert_eq!(h.prog, prog, "{file}: {}", f.name);
        assert_eq!(p.body.len() + 28, f.bytes.len());
        assert_eq!(
            encode(&p),
            f.bytes,
            "{file}: {} re-encodes differently",
            f.name
        );
        if h.status == MessageStatus::Error && !p.body.is_empty() {
            let err: RemoteError = p.decode_body().unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(
                rvirt_xdr::to_bytes(&err).map(|b| b.to_vec()).ok(),
                Some(p.body.to_vec())
            );
        }
        if f.client_to_server && h.kind == MessageType::Call {
            assert_eq!(h.status, MessageStatus::Ok);
        }
    }
    // The same frames, concatenated per direction and fed in odd-sized chunks, split identically.
    for dir in [true, false] {
        let wire: Vec<u8> = frames
            .iter()
            .filter(|f| f.client_to_server == dir)
            .flat_map(|f| f.bytes.clone())
            .collect();
        let expected: Vec<&Frame> = frames
            .iter()
            .filter(|f| f.client_to_server == dir)
            .collect();
        let mut codec = PacketCodec::new();
        let mut buf = BytesMut::new();
        let mut got = Vec::new();
        for chunk in wire.chunks(7) {
            buf.extend_from_slice(chunk);
            while let Some(p) = codec.decode(&mut buf).unwrap_or_else(|e| panic!("{e}")) {
                got.push(p);
            }
        }
        assert!(buf.is_empty());
        assert_eq!(got.len(), expected.len());
        for (p, f) in got.iter().zip(expected) {
            assert_eq!(p.to_frame().to_vec(), f.bytes);
        }
    }
    frames.len()
}

#[test]
fn virsh_list_all_trace() {
    let n = replay("handshake-virsh-list-all.hex");
    assert!(n == 0 || n == 20, "expected 20 frames, got {n}");
}

#[test]
fn python_no_eventloop_trace() {
    let n = replay("handshake-python-no-eventloop.hex");
    assert!(n == 0 || n >= 10, "got {n} frames");
}

#[test]
fn misc_frames_trace() {
    let n = replay("frames-misc.hex");
    assert!(n == 0 || n >= 15, "got {n} frames");
}

fn find<'a>(frames: &'a [Frame], name: &str, kind: &str, status: &str) -> &'a Frame {
    frames
        .iter()
        .find(|f| f.name == name && f.kind == kind && f.status == status)
        .unwrap_or_else(|| panic!("no {kind} {name} {status} frame"))
}

#[test]
fn error_replies_are_rebuilt_byte_for_byte() {
    let Some(frames) = load("frames-misc.hex") else {
        return;
    };
    let f = find(
        &frames,
        "REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME",
        "REPLY",
        "ERROR",
    );
    let call = Header::call(REMOTE_PROGRAM, 23, 6);
    let err = VirError::new(
        ErrorCode::NoDomain,
        ErrorDomain::Qemu,
        "no domain with matching name 'nosuchdom'",
    );
    assert_eq!(
        Packet::reply_error(&call, &err).to_frame().to_vec(),
        f.bytes
    );
    let decoded: RemoteError = decode_one(&f.bytes)
        .decode_body()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(VirError::from(decoded), err);

    let f = find(&frames, "REMOTE_PROC_DOMAIN_DESTROY", "REPLY", "ERROR");
    let call = Header::call(REMOTE_PROGRAM, 12, 7);
    let err = VirError::operation_invalid(ErrorDomain::Domain, "domain is not running");
    assert_eq!(
        Packet::reply_error(&call, &err).to_frame().to_vec(),
        f.bytes
    );
}

#[test]
fn keepalive_hole_and_event_frames() {
    let Some(frames) = load("frames-misc.hex") else {
        return;
    };
    assert_eq!(
        Packet::keepalive_ping().to_frame().to_vec(),
        find(&frames, "KEEPALIVE_PROC_PING", "MESSAGE", "OK").bytes
    );
    assert_eq!(
        Packet::keepalive_pong().to_frame().to_vec(),
        find(&frames, "KEEPALIVE_PROC_PONG", "MESSAGE", "OK").bytes
    );

    let hole = find(
        &frames,
        "REMOTE_PROC_STORAGE_VOL_UPLOAD",
        "STREAM_HOLE",
        "CONTINUE",
    );
    let p = decode_one(&hole.bytes);
    assert_eq!(
        p.decode_body::<StreamHole>(),
        Ok(StreamHole {
            length: 1_994_752,
            flags: 0
        })
    );
    let call = Header::call(REMOTE_PROGRAM, 208, 10);
    let rebuilt = Packet::stream_hole(
        &call,
        StreamHole {
            length: 1_994_752,
            flags: 0,
        },
    );
    assert_eq!(rebuilt.to_frame().to_vec(), hole.bytes);

    let eof = find(
        &frames,
        "REMOTE_PROC_STORAGE_VOL_DOWNLOAD",
        "STREAM",
        "CONTINUE",
    );
    let call = Header::call(REMOTE_PROGRAM, 209, 10);
    assert_eq!(
        Packet::stream_data(&call, Bytes::new()).to_frame().to_vec(),
        eof.bytes
    );
    let fin = find(&frames, "REMOTE_PROC_STORAGE_VOL_DOWNLOAD", "STREAM", "OK");
    assert_eq!(Packet::stream_finish(&call).to_frame().to_vec(), fin.bytes);

    let ev = find(
        &frames,
        "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE",
        "MESSAGE",
        "OK",
    );
    let p = decode_one(&ev.bytes);
    assert_eq!(
        Packet::event(REMOTE_PROGRAM, 318, p.body.clone())
            .to_frame()
            .to_vec(),
        ev.bytes
    );
    let mut d = rvirt_xdr::Decoder::new(&p.body);
    assert_eq!(d.read_i32(), Ok(61));
    let dom: rvirt_core::DomainRef =
        rvirt_xdr::Decode::decode(&mut d).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(dom.name, "wprtest");
}

#[test]
fn list_all_reply_matches_spec_annotation() {
    let Some(frames) = load("handshake-virsh-list-all.hex") else {
        return;
    };
    let f = find(
        &frames,
        "REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS",
        "REPLY",
        "OK",
    );
    let p = decode_one(&f.bytes);
    assert_eq!(p.header.proc_, 273);
    let mut d = rvirt_xdr::Decoder::new(&p.body);
    let doms: Vec<rvirt_core::DomainRef> =
        rvirt_xdr::Decode::decode(&mut d).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doms.len(), 1);
    assert_eq!(doms[0].id, -1);
    assert_eq!(d.read_u32(), Ok(1));
    let call = Header::call(REMOTE_PROGRAM, 273, 6);
    assert_eq!(
        Packet::reply_ok(&call, p.body.clone()).to_frame().to_vec(),
        f.bytes
    );
}
