//! Client engine tests against a scripted fake server over an in-memory pipe.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use futures::{SinkExt, StreamExt};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_core::stream::StreamChunk;
use rvirt_proto::{
    Header, MessageStatus, MessageType, Packet, PacketCodec, KEEPALIVE_PROC_PING,
    KEEPALIVE_PROC_PONG, KEEPALIVE_PROGRAM, REMOTE_PROGRAM,
};
use tokio::io::DuplexStream;
use tokio_util::codec::Framed;

use super::Client;

type Server = Framed<DuplexStream, PacketCodec>;

fn pair() -> (Client, super::EventReceiver, Server) {
    let (a, b) = tokio::io::duplex(1 << 20);
    let (c, ev) = Client::new(a);
    (c, ev, Framed::new(b, PacketCodec::new()))
}

async fn next(s: &mut Server) -> Packet {
    match tokio::time::timeout(Duration::from_secs(5), s.next()).await {
        Ok(Some(Ok(p))) => p,
        other => panic!("no packet: {other:?}"),
    }
}

#[tokio::test]
async fn serials_start_at_zero_and_replies_may_come_out_of_order() {
    let (c, _ev, mut s) = pair();
    let c1 = c.clone();
    let a = tokio::spawn(async move { c1.call_raw(REMOTE_PROGRAM, 66, Bytes::new()).await });
    let first = next(&mut s).await;
    let c2 = c.clone();
    let b = tokio::spawn(async move { c2.call_raw(REMOTE_PROGRAM, 4, Bytes::new()).await });
    let second = next(&mut s).await;
    assert_eq!((first.header.serial, first.header.proc_), (0, 66));
    assert_eq!((second.header.serial, second.header.proc_), (1, 4));
    assert_eq!(first.header.kind, MessageType::Call);
    // answer the second call first
    s.send(Packet::reply_ok(
        &second.header,
        vec![0, 0, 0, 0, 0, 0, 0, 9],
    ))
    .await
    .unwrap();
    s.send(Packet::reply_ok(&first.header, vec![0, 0, 0, 0]))
        .await
        .unwrap();
    assert_eq!(&b.await.unwrap().unwrap()[..], &[0, 0, 0, 0, 0, 0, 0, 9]);
    assert_eq!(&a.await.unwrap().unwrap()[..], &[0, 0, 0, 0]);
}

#[tokio::test]
async fn unknown_procedure_becomes_no_support() {
    let (c, _ev, mut s) = pair();
    let t = tokio::spawn(async move { c.call_raw(REMOTE_PROGRAM, 999, Bytes::new()).await });
    let call = next(&mut s).await;
    s.send(Packet::reply_error(
        &call.header,
        &VirError::unknown_procedure(999),
    ))
    .await
    .unwrap();
    let e = t.await.unwrap().unwrap_err();
    assert_eq!(e.code, ErrorCode::NoSupport);
    assert_eq!(e.message, "unknown procedure: 999");
}

#[tokio::test]
async fn server_errors_are_passed_through() {
    let (c, _ev, mut s) = pair();
    let t = tokio::spawn(async move { c.call_raw(REMOTE_PROGRAM, 23, Bytes::new()).await });
    let call = next(&mut s).await;
    let err = VirError::new(
        ErrorCode::NoDomain,
        ErrorDomain::Qemu,
        "no domain with matching name 'x'",
    );
    s.send(Packet::reply_error(&call.header, &err))
        .await
        .unwrap();
    assert_eq!(t.await.unwrap().unwrap_err(), err);
}

#[tokio::test]
async fn connection_loss_fails_pending_calls_with_libvirt_eof_error() {
    let (c, _ev, mut s) = pair();
    let c1 = c.clone();
    let t = tokio::spawn(async move { c1.call_raw(REMOTE_PROGRAM, 7, Bytes::new()).await });
    let _ = next(&mut s).await;
    drop(s);
    let e = t.await.unwrap().unwrap_err();
    assert_eq!((e.code.number(), e.domain.number()), (38, 7));
    assert_eq!(
        e.message,
        "End of file while reading data: Input/output error"
    );
    c.closed().await;
    let later = c
        .call_raw(REMOTE_PROGRAM, 7, Bytes::new())
        .await
        .unwrap_err();
    assert_eq!(later.message, "internal error: client socket is closed");
}

#[tokio::test]
async fn answers_ping_and_delivers_events() {
    let (c, mut ev, mut s) = pair();
    s.send(Packet::keepalive_ping()).await.unwrap();
    let pong = next(&mut s).await;
    assert_eq!(
        (pong.header.prog, pong.header.proc_),
        (KEEPALIVE_PROGRAM, KEEPALIVE_PROC_PONG)
    );
    assert_eq!(pong.header.kind, MessageType::Message);
    s.send(Packet::event(REMOTE_PROGRAM, 318, vec![0, 0, 0, 5]))
        .await
        .unwrap();
    let e = ev.recv().await.unwrap();
    assert_eq!(e.header.proc_, 318);
    assert_eq!(&e.body[..], &[0, 0, 0, 5]);
    drop(c);
}

#[tokio::test]
async fn keepalive_pings_then_times_out() {
    let (c, _ev, mut s) = pair();
    c.start_keepalive(Duration::from_millis(100), 2).unwrap();
    for _ in 0..2 {
        let p = next(&mut s).await;
        assert_eq!(
            (p.header.prog, p.header.proc_),
            (KEEPALIVE_PROGRAM, KEEPALIVE_PROC_PING)
        );
    }
    tokio::time::timeout(Duration::from_secs(5), c.closed())
        .await
        .unwrap();
    let r = c.close_reason().unwrap();
    assert_eq!(
        r.message,
        "internal error: connection closed due to keepalive timeout"
    );
}

#[tokio::test]
async fn stream_upload_chunks_and_finish() {
    let (c, _ev, mut s) = pair();
    let c1 = c.clone();
    let t = tokio::spawn(async move {
        let (_, st) = c1
            .open_stream(REMOTE_PROGRAM, 208, Bytes::new(), true)
            .await?;
        st.send(Bytes::from(vec![7u8; 300_000])).await?;
        st.send_hole(4096).await?;
        st.finish().await
    });
    let call = next(&mut s).await;
    s.send(Packet::reply_ok(&call.header, Bytes::new()))
        .await
        .unwrap();
    let d1 = next(&mut s).await;
    let d2 = next(&mut s).await;
    assert_eq!(d1.body.len(), 262_120);
    assert_eq!(d2.body.len(), 300_000 - 262_120);
    assert_eq!(
        (d1.header.kind, d1.header.status),
        (MessageType::Stream, MessageStatus::Continue)
    );
    assert_eq!(d1.header.serial, call.header.serial);
    let hole = next(&mut s).await;
    assert_eq!(hole.header.kind, MessageType::StreamHole);
    let fin = next(&mut s).await;
    assert_eq!(
        (fin.header.kind, fin.header.status),
        (MessageType::Stream, MessageStatus::Ok)
    );
    s.send(Packet::stream_finish(&call.header)).await.unwrap();
    t.await.unwrap().unwrap();
}

#[tokio::test]
async fn stream_download_data_eof_and_error() {
    let (c, _ev, mut s) = pair();
    let c1 = c.clone();
    let t = tokio::spawn(async move {
        let (_, st) = c1
            .open_stream(REMOTE_PROGRAM, 209, Bytes::new(), false)
            .await?;
        let mut got = BytesMut::new();
        while let Some(ch) = st.recv().await? {
            if let StreamChunk::Data(d) = ch {
                got.extend_from_slice(&d);
            }
        }
        st.finish().await?;
        Ok::<_, VirError>(got)
    });
    let call = next(&mut s).await;
    let h: Header = call.header;
    s.send(Packet::reply_ok(&h, Bytes::new())).await.unwrap();
    s.send(Packet::stream_data(&h, Bytes::from_static(b"abc")))
        .await
        .unwrap();
    s.send(Packet::stream_data(&h, Bytes::from_static(b"def")))
        .await
        .unwrap();
    s.send(Packet::stream_data(&h, Bytes::new())).await.unwrap();
    let fin = next(&mut s).await;
    assert_eq!(fin.header.status, MessageStatus::Ok);
    s.send(Packet::stream_finish(&h)).await.unwrap();
    assert_eq!(&t.await.unwrap().unwrap()[..], b"abcdef");

    // a server-side stream error reaches the receiver
    let c2 = c.clone();
    let t = tokio::spawn(async move {
        let (_, st) = c2
            .open_stream(REMOTE_PROGRAM, 209, Bytes::new(), false)
            .await?;
        st.recv().await
    });
    let call = next(&mut s).await;
    s.send(Packet::reply_ok(&call.header, Bytes::new()))
        .await
        .unwrap();
    let err = VirError::raw(
        ErrorCode::Rpc,
        ErrorDomain::Rpc,
        "stream had unexpected termination",
    );
    s.send(Packet::stream_error(&call.header, &err))
        .await
        .unwrap();
    assert_eq!(t.await.unwrap().unwrap_err(), err);
}
