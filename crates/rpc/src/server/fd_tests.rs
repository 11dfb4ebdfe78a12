//! Fd passing between the server and client engines over a socketpair.

use std::io::{Read, Seek, Write};
use std::os::fd::OwnedFd;
use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;
use rvirt_proto::Header;

use super::{take_call_fds, Client, Outcome, Program, Server, ServerConfig};
use crate::client::Client as RpcClient;

const PROG: u32 = 0x1234_5678;

/// proc 1: answers with one new fd per fd received, holding "reply:<content>";
/// proc 2: counts the fds it got and replies without fds.
struct Echo;

fn file_with(content: &[u8]) -> OwnedFd {
    let mut f = tempfile::tempfile().unwrap();
    f.write_all(content).unwrap();
    f.rewind().unwrap();
    OwnedFd::from(f)
}

fn read_all(fd: OwnedFd) -> String {
    let mut s = String::new();
    std::fs::File::from(fd).read_to_string(&mut s).unwrap();
    s
}

#[async_trait]
impl Program for Echo {
    fn number(&self) -> u32 {
        PROG
    }
    fn version(&self) -> u32 {
        1
    }
    async fn dispatch(&self, _client: &Arc<Client>, header: &Header, body: Bytes) -> Outcome {
        let fds = take_call_fds();
        match header.proc_ {
            1 => {
                let out = fds
                    .into_iter()
                    .map(|fd| file_with(format!("reply:{}", read_all(fd)).as_bytes()))
                    .collect();
                Outcome::ReplyWithFds { body, fds: out }
            }
            3 => Outcome::ReplyWithFds {
                body,
                fds: vec![file_with(b"s")],
            },
            _ => Outcome::Reply(Bytes::from((fds.len() as u32).to_be_bytes().to_vec())),
        }
    }
}

fn server() -> Server {
    Server::new(ServerConfig::default(), vec![Arc::new(Echo)])
}

#[tokio::test]
async fn fds_both_ways_over_a_unix_socket() {
    let (a, b) = tokio::net::UnixStream::pair().unwrap();
    let srv = server();
    srv.serve_unix_connection(a, false);
    let (c, _ev) = RpcClient::new_unix(b);
    assert!(c.can_pass_fds());
    let body = Bytes::from_static(&[0, 0, 0, 9]);
    let (ret, fds) = c
        .call_raw_with_fds(
            PROG,
            1,
            body.clone(),
            vec![file_with(b"one"), file_with(b"two")],
        )
        .await
        .unwrap();
    assert_eq!(ret, body);
    let got: Vec<String> = fds.into_iter().map(read_all).collect();
    assert_eq!(got, ["reply:one", "reply:two"]);
    // plain calls before and after keep working on the same connection
    let (ret, fds) = c
        .call_raw_with_fds(PROG, 2, Bytes::new(), Vec::new())
        .await
        .unwrap();
    assert_eq!(&ret[..], &[0, 0, 0, 0]);
    assert!(fds.is_empty());
    let (ret, _) = c
        .call_raw_with_fds(PROG, 2, Bytes::new(), vec![file_with(b"x")])
        .await
        .unwrap();
    assert_eq!(&ret[..], &[0, 0, 0, 1]);
    // the maximum per message
    let many: Vec<OwnedFd> = (0..crate::fdpass::MAX_FDS)
        .map(|_| file_with(b"m"))
        .collect();
    let (_, fds) = c
        .call_raw_with_fds(PROG, 1, Bytes::new(), many)
        .await
        .unwrap();
    assert_eq!(fds.len(), crate::fdpass::MAX_FDS);
    // over the maximum is refused by the client before sending
    let too_many: Vec<OwnedFd> = (0..=crate::fdpass::MAX_FDS)
        .map(|_| file_with(b"m"))
        .collect();
    assert!(c
        .call_raw_with_fds(PROG, 1, Bytes::new(), too_many)
        .await
        .is_err());
    let (ret, _) = c
        .call_raw_with_fds(PROG, 2, Bytes::new(), Vec::new())
        .await
        .unwrap();
    assert_eq!(&ret[..], &[0, 0, 0, 0]);
}

#[tokio::test]
async fn no_fds_over_a_byte_stream() {
    let (a, b) = tokio::io::duplex(1 << 16);
    let srv = server();
    srv.serve_connection(a, false);
    let (c, _ev) = RpcClient::new(b);
    assert!(!c.can_pass_fds());
    // the client refuses to send fds
    let e = c
        .call_raw_with_fds(PROG, 2, Bytes::new(), vec![file_with(b"x")])
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        format!("internal error: {}", crate::fdpass::SEND_UNSUPPORTED)
    );
    // a reply with fds becomes libvirt's error, and the connection stays usable
    let e = c.call_raw(PROG, 3, Bytes::new()).await.unwrap_err();
    assert_eq!(
        e.message,
        format!("internal error: {}", crate::fdpass::SEND_UNSUPPORTED)
    );
    let e = c.call_raw(PROG, 1, Bytes::new()).await;
    assert!(e.is_ok(), "a reply with no fds is a plain reply");
    let srv_fds = c.call_raw(PROG, 2, Bytes::new()).await.unwrap();
    assert_eq!(&srv_fds[..], &[0, 0, 0, 0]);
}

#[tokio::test]
async fn bad_fd_counts_drop_the_connection_without_a_reply() {
    use rvirt_proto::{MessageType, Packet, PacketCodec};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio_util::codec::Encoder;
    for (count, trailing) in [(33u32, 33usize), (1, 1)] {
        let (a, mut b) = tokio::net::UnixStream::pair().unwrap();
        let srv = server();
        srv.serve_unix_connection(a, false);
        let mut h = Header::call(PROG, 2, 0);
        h.kind = MessageType::CallWithFds;
        let mut out = bytes::BytesMut::new();
        PacketCodec::new()
            .encode(Packet::new(h, count.to_be_bytes().to_vec()), &mut out)
            .unwrap();
        // the announced fds' bytes arrive, but without any SCM_RIGHTS
        out.extend_from_slice(&vec![0u8; trailing]);
        b.write_all(&out).await.unwrap();
        let mut buf = Vec::new();
        let n = tokio::time::timeout(std::time::Duration::from_secs(5), b.read_to_end(&mut buf))
            .await
            .unwrap()
            .unwrap_or(0);
        assert_eq!(n, 0, "count {count}: no reply, connection closed");
    }
}
