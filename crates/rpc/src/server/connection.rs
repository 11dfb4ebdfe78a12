//! One connection: a reader that validates and routes frames, a writer fed by a channel,
//! keepalive, and one task per CALL (bounded per connection and by the worker pools).

use std::os::fd::OwnedFd;
use std::sync::Arc;

use bytes::BytesMut;
use futures::StreamExt;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_proto::{
    Header, MessageStatus, MessageType, Packet, PacketCodec, StreamHole, KEEPALIVE_PROC_PING,
    KEEPALIVE_PROC_PONG, KEEPALIVE_PROGRAM,
};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};
use tokio_util::codec::{Encoder, FramedRead};
use tracing::Instrument;

use super::client::{Client, ClientInfo, Outgoing};
use super::listener::Shared;
use super::program::{Outcome, Program};
use super::stream::{StreamInput, Streams};
use crate::fdpass::{encode_with_fds, FdChannel, FdCodec};

/// Output is written to the socket once this much is buffered, even mid-batch.
const WRITE_CHUNK: usize = 1 << 20;

/// Serves one accepted connection until it closes.
/// `fds` is the connection's fd side-channel on unix sockets.
pub(crate) async fn serve<S>(shared: Arc<Shared>, io: S, info: ClientInfo, fds: Option<FdChannel>)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (rd, wr) = tokio::io::split(io);
    let (tx, rx) = mpsc::unbounded_channel();
    let client = Arc::new(Client::new(info, tx, fds.is_some()));
    let id = client.info().id;
    if let Ok(mut r) = shared.registry.lock() {
        r.insert(id, Arc::clone(&client));
    }
    tracing::info!(client = id, transport = ?client.info().transport, uid = ?client.info().uid, "client connected");

    let writer = tokio::spawn(write_loop(wr, rx, Arc::clone(&client), fds.clone()));
    let keepalive = shared.config.keepalive().map(|iv| {
        tokio::spawn(super::keepalive::run(
            Arc::clone(&client),
            iv,
            shared.config.keepalive_count,
        ))
    });
    let streams = Arc::new(Streams::default());

    let token = client.token();
    tokio::select! {
        _ = read_loop(&shared, rd, &client, &streams, fds) => {}
        _ = token.cancelled() => {}
    }
    client.abort();
    streams.clear();
    if let Some(k) = keepalive {
        k.abort();
    }
    let _ = writer.await;
    if let Ok(mut r) = shared.registry.lock() {
        r.remove(&id);
    }
    for prog in &shared.programs {
        prog.client_closed(&client).await;
    }
    tracing::info!(client = id, "client disconnected");
}

async fn write_loop<W: AsyncWrite + Unpin + Send + 'static>(
    mut wr: W,
    mut rx: mpsc::UnboundedReceiver<Outgoing>,
    client: Arc<Client>,
    fds: Option<FdChannel>,
) {
    let mut buf = BytesMut::new();
    // stream offset of buf[0]: fds are queued at the offsets of their bytes
    let mut offset: u64 = 0;
    let token = client.token();
    loop {
        let first = tokio::select! {
            m = rx.recv() => m,
            _ = token.cancelled() => None,
        };
        let Some(first) = first else { break };
        let mut acks = Vec::new();
        let mut close = false;
        let mut next = Some(first);
        while let Some(item) = next.take() {
            let base = offset + buf.len() as u64;
            let encoded = match item {
                Outgoing::Packet(p, ack) => {
                    acks.extend(ack);
                    PacketCodec::new().encode(p, &mut buf)
                }
                Outgoing::PacketWithFds(p, list) => match &fds {
                    Some(chan) => encode_with_fds(&p, list, chan, base, &mut buf).map(|_| ()),
                    // refused before it got here (spawn_call); never send a count without fds
                    None => Ok(()),
                },
                Outgoing::Close => {
                    close = true;
                    break;
                }
            };
            if let Err(e) = encoded {
                tracing::debug!(client = client.info().id, error = %e, "cannot frame reply");
                client.abort();
                return;
            }
            if buf.len() >= WRITE_CHUNK {
                if wr.write_all(&buf).await.is_err() {
                    client.abort();
                    return;
                }
                offset += buf.len() as u64;
                buf.clear();
            }
            next = rx.try_recv().ok();
        }
        if !buf.is_empty() {
            if let Err(e) = wr.write_all(&buf).await {
                tracing::debug!(client = client.info().id, error = %e, "write failed");
                client.abort();
                return;
            }
            offset += buf.len() as u64;
            buf.clear();
        }
        if wr.flush().await.is_err() {
            client.abort();
            return;
        }
        for a in acks {
            let _ = a.send(());
        }
        if close {
            let _ = wr.shutdown().await;
            client.abort();
            return;
        }
    }
}

fn find_program(shared: &Shared, h: &Header) -> Option<Arc<dyn Program>> {
    shared
        .programs
        .iter()
        .find(|p| p.number() == h.prog && p.version() == h.vers)
        .cloned()
}

async fn read_loop<R: AsyncRead + Unpin + Send + 'static>(
    shared: &Arc<Shared>,
    rd: R,
    client: &Arc<Client>,
    streams: &Arc<Streams>,
    fds: Option<FdChannel>,
) {
    let mut frames = FramedRead::new(rd, FdCodec::new(fds));
    let limit = Arc::new(Semaphore::new(shared.config.max_client_requests.max(1)));
    loop {
        // max_client_requests: stop reading while that many requests are outstanding
        let Ok(permit) = Arc::clone(&limit).acquire_owned().await else {
            return;
        };
        let packet = match frames.next().await {
            None => return,
            Some(Err(e)) => {
                tracing::info!(client = client.info().id, error = %e, "dropping connection");
                return;
            }
            Some(Ok(p)) => p,
        };
        client.touch();
        let (packet, fds) = packet;
        handle_packet(shared, client, streams, packet, fds, permit).await;
    }
}

async fn handle_packet(
    shared: &Arc<Shared>,
    client: &Arc<Client>,
    streams: &Arc<Streams>,
    mut packet: Packet,
    fds: Vec<OwnedFd>,
    permit: OwnedSemaphorePermit,
) {
    let h = packet.header;
    match h.kind {
        MessageType::Message if h.prog == KEEPALIVE_PROGRAM => {
            if h.proc_ == KEEPALIVE_PROC_PING {
                tracing::trace!(client = client.info().id, "keepalive ping → pong");
                client.send(Packet::keepalive_pong());
            } else if h.proc_ != KEEPALIVE_PROC_PONG {
                tracing::debug!(
                    client = client.info().id,
                    proc_ = h.proc_,
                    "unknown keepalive procedure ignored"
                );
            }
        }
        MessageType::Call | MessageType::CallWithFds => {
            let Some(prog) = find_program(shared, &h) else {
                let e = VirError::raw(
                    ErrorCode::Rpc,
                    ErrorDomain::Rpc,
                    format!("Cannot find program {} version {}", h.prog as i32, h.vers),
                );
                client.send(Packet::reply_error(&h, &e));
                return;
            };
            if h.status != MessageStatus::Ok {
                let e = VirError::raw(
                    ErrorCode::Rpc,
                    ErrorDomain::Rpc,
                    format!("Unexpected message status {}", h.status.number()),
                );
                client.send(Packet::reply_error(&h, &e));
                return;
            }
            if h.kind == MessageType::CallWithFds {
                // the codec checked the count; the procedure sees only its args
                match rvirt_proto::decode_num_fds(&packet.body) {
                    Ok((_, rest)) => packet.body = rest,
                    Err(_) => return,
                }
            }
            spawn_call(
                Arc::clone(shared),
                Arc::clone(client),
                Arc::clone(streams),
                prog,
                (packet, fds),
                permit,
            );
        }
        MessageType::Stream | MessageType::StreamHole => {
            let Some(tx) = streams.get(h.serial) else {
                tracing::debug!(
                    client = client.info().id,
                    serial = h.serial,
                    "frame for unknown stream dropped"
                );
                return;
            };
            let input = match (h.kind, h.status) {
                (MessageType::Stream, MessageStatus::Continue) => {
                    StreamInput::Data(packet.body, Some(permit))
                }
                (MessageType::Stream, MessageStatus::Ok) => StreamInput::Finish,
                (MessageType::Stream, MessageStatus::Error) => StreamInput::Abort,
                (MessageType::StreamHole, _) => match packet.decode_body::<StreamHole>() {
                    Ok(hole) => {
                        StreamInput::Hole(u64::try_from(hole.length).unwrap_or(0), Some(permit))
                    }
                    Err(_) => StreamInput::Abort,
                },
                _ => return,
            };
            let _ = tx.send(input).await;
        }
        _ => {
            tracing::debug!(client = client.info().id, kind = ?h.kind, prog = h.prog, "unexpected frame dropped");
        }
    }
}

fn spawn_call(
    shared: Arc<Shared>,
    client: Arc<Client>,
    streams: Arc<Streams>,
    prog: Arc<dyn Program>,
    (packet, fds): (Packet, Vec<OwnedFd>),
    permit: OwnedSemaphorePermit,
) {
    let h = packet.header;
    let name = prog.procedure_name(h.proc_).unwrap_or("?");
    let span = tracing::info_span!(
        "call",
        client = client.info().id,
        proc_ = h.proc_,
        name,
        serial = h.serial
    );
    tokio::spawn(
        async move {
            let _permit = permit;
            let priority = prog.is_priority(h.proc_);
            let Some(_worker) = shared.workers.acquire(priority).await else {
                return;
            };
            tracing::debug!("dispatch");
            let outcome =
                super::program::with_call_fds(fds, prog.dispatch(&client, &h, packet.body)).await;
            match outcome {
                Outcome::Reply(body) => {
                    client.send(Packet::reply_ok(&h, body));
                }
                Outcome::ReplyWithFds { body, fds } if fds.is_empty() => {
                    client.send(Packet::reply_ok(&h, body));
                }
                Outcome::ReplyWithFds { body, fds } => {
                    client.send_with_fds(&h, body, fds);
                }
                Outcome::Error(e) => {
                    tracing::debug!(error = %e, "call failed");
                    client.send(Packet::reply_error(&h, &e));
                }
                Outcome::Stream { body, stream } => {
                    streams.open(&client, h, Packet::reply_ok(&h, body), stream);
                }
                Outcome::ReplyThenClose(body) => {
                    client.send(Packet::reply_ok(&h, body));
                    client.close();
                }
                Outcome::NoReply => {}
            }
        }
        .instrument(span),
    );
}
