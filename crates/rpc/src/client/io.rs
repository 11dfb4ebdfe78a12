//! The I/O task: the only owner of the socket. It assigns serials, writes calls and
//! stream frames, reads replies/events/stream frames and routes them, and runs keepalive.

use std::collections::{HashMap, VecDeque};
use std::os::fd::OwnedFd;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::BytesMut;
use futures::StreamExt;
use rvirt_core::error::{VirError, VirResult};
use rvirt_proto::{
    Header, MessageStatus, MessageType, Packet, PacketCodec, RemoteError, StreamHole,
    KEEPALIVE_PROC_PING, KEEPALIVE_PROGRAM,
};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;
use tokio_util::codec::{Encoder, FramedRead};

use crate::fdpass::{encode_with_fds, FdChannel, FdCodec, MAX_FDS};

use super::engine::Shared;
use super::errors::{
    decode_error, eof_error, keepalive_timeout_error, protocol_error, read_error, send_fds_error,
    socket_closed_error, write_error,
};
use super::stream::StreamIncoming;

type BoxRead = Pin<Box<dyn AsyncRead + Send>>;
type BoxWrite = Pin<Box<dyn AsyncWrite + Send>>;

/// A REPLY and the fds that came with it (`REPLY_WITH_FDS`).
pub(crate) type Reply = (Packet, Vec<OwnedFd>);

/// Requests from [`super::Client`] handles to the I/O task.
pub(crate) enum Command {
    /// Send a CALL (the task picks the serial) and deliver the REPLY to `reply`.
    Call {
        prog: u32,
        proc_: i32,
        body: bytes::Bytes,
        /// Fds to pass (`CALL_WITH_FDS` when not empty).
        fds: Vec<OwnedFd>,
        reply: oneshot::Sender<VirResult<Reply>>,
        /// Register a stream under the call's serial before sending.
        stream: Option<mpsc::UnboundedSender<StreamIncoming>>,
    },
    /// Write a ready packet (stream frames); `done` fires once it is on the socket.
    Send {
        packet: Packet,
        done: Option<oneshot::Sender<VirResult<()>>>,
    },
    ForgetStream {
        serial: u32,
    },
    Keepalive {
        interval: Duration,
        count: u32,
    },
    Close,
}

struct PendingCall {
    prog: u32,
    proc_: i32,
    reply: oneshot::Sender<VirResult<Reply>>,
}

struct Keepalive {
    interval: Duration,
    count: u32,
    unanswered: u32,
}

pub(crate) struct IoTask {
    reader: FramedRead<BoxRead, FdCodec>,
    /// The fd side-channel (unix sockets only).
    fds: Option<FdChannel>,
    writer: BoxWrite,
    wbuf: BytesMut,
    /// Bytes queued so far / written so far, and write acknowledgements by end offset.
    queued: u64,
    written: u64,
    acks: VecDeque<(u64, oneshot::Sender<VirResult<()>>)>,
    rx: mpsc::UnboundedReceiver<Command>,
    rx_open: bool,
    closing: bool,
    next_serial: u32,
    calls: HashMap<u32, PendingCall>,
    streams: HashMap<u32, mpsc::UnboundedSender<StreamIncoming>>,
    events: mpsc::UnboundedSender<Packet>,
    keepalive: Option<Keepalive>,
    last_rx: Instant,
    shared: Arc<Shared>,
}

enum Exit {
    /// Ended by the server or an error: fail everything with this.
    Failed(VirError),
    /// Closed by us.
    Closed,
}

impl IoTask {
    pub(crate) fn new<S>(
        stream: S,
        rx: mpsc::UnboundedReceiver<Command>,
        events: mpsc::UnboundedSender<Packet>,
        shared: Arc<Shared>,
        fds: Option<FdChannel>,
    ) -> Self
    where
        S: AsyncRead + AsyncWrite + Send + 'static,
    {
        let (r, w) = tokio::io::split(stream);
        let r: BoxRead = Box::pin(r);
        let w: BoxWrite = Box::pin(w);
        IoTask {
            reader: FramedRead::new(r, FdCodec::new(fds.clone())),
            fds,
            writer: w,
            wbuf: BytesMut::new(),
            queued: 0,
            written: 0,
            acks: VecDeque::new(),
            rx,
            rx_open: true,
            closing: false,
            next_serial: 0,
            calls: HashMap::new(),
            streams: HashMap::new(),
            events,
            keepalive: None,
            last_rx: Instant::now(),
            shared,
        }
    }

    pub(crate) async fn run(mut self) {
        let exit = self.main_loop().await;
        let err = match exit {
            Exit::Failed(e) => e,
            Exit::Closed => socket_closed_error(),
        };
        let _ = self.writer.shutdown().await;
        if let Ok(mut g) = self.shared.closed.lock() {
            g.get_or_insert_with(|| err.clone());
        }
        for (_, c) in self.calls.drain() {
            let _ = c.reply.send(Err(err.clone()));
        }
        for (_, s) in self.streams.drain() {
            let _ = s.send(StreamIncoming::Error(err.clone()));
        }
        for (_, a) in self.acks.drain(..) {
            let _ = a.send(Err(err.clone()));
        }
        self.rx.close();
        while let Ok(cmd) = self.rx.try_recv() {
            fail_command(cmd, &err);
        }
        self.shared.done.send_replace(true);
    }

    async fn main_loop(&mut self) -> Exit {
        loop {
            if self.closing && self.wbuf.is_empty() {
                return Exit::Closed;
            }
            if !self.rx_open && self.wbuf.is_empty() && self.calls.is_empty() {
                // every handle is gone and nothing is outstanding
                return Exit::Closed;
            }
            let ka_deadline = self.keepalive.as_ref().map(|k| self.last_rx + k.interval);
            tokio::select! {
                frame = self.reader.next() => {
                    match frame {
                        None => return Exit::Failed(eof_error()),
                        Some(Err(e)) => return Exit::Failed(read_error(&e)),
                        Some(Ok((p, fds))) => {
                            self.last_rx = Instant::now();
                            if let Some(k) = self.keepalive.as_mut() {
                                k.unanswered = 0;
                            }
                            if let Err(e) = self.dispatch(p, fds) {
                                return Exit::Failed(e);
                            }
                        }
                    }
                }
                cmd = self.rx.recv(), if self.rx_open && !self.closing => {
                    match cmd {
                        None => self.rx_open = false,
                        Some(cmd) => self.command(cmd),
                    }
                }
                res = self.writer.write_buf(&mut self.wbuf), if !self.wbuf.is_empty() => {
                    match res {
                        Ok(0) => return Exit::Failed(eof_error()),
                        Ok(n) => {
                            self.written += n as u64;
                            while self.acks.front().is_some_and(|(end, _)| *end <= self.written) {
                                if let Some((_, a)) = self.acks.pop_front() {
                                    let _ = a.send(Ok(()));
                                }
                            }
                            if self.wbuf.is_empty() {
                                let _ = self.writer.flush().await;
                            }
                        }
                        Err(e) => return Exit::Failed(write_error(&e)),
                    }
                }
                _ = sleep_until_opt(ka_deadline) => {
                    if let Some(e) = self.keepalive_tick() {
                        return Exit::Failed(e);
                    }
                }
            }
        }
    }

    /// Called when the peer has been silent for one interval.
    fn keepalive_tick(&mut self) -> Option<VirError> {
        let k = self.keepalive.as_mut()?;
        if k.unanswered >= k.count {
            tracing::warn!(
                count = k.count,
                "no response to keepalive pings, closing the connection"
            );
            return Some(keepalive_timeout_error());
        }
        k.unanswered += 1;
        // the next check is one interval after this ping
        self.last_rx = Instant::now();
        self.queue(&Packet::keepalive_ping(), None);
        None
    }

    fn queue(&mut self, p: &Packet, done: Option<oneshot::Sender<VirResult<()>>>) {
        let before = self.wbuf.len();
        if let Err(e) = PacketCodec::new().encode(p, &mut self.wbuf) {
            tracing::debug!(error = %e, "cannot frame outgoing packet");
            if let Some(d) = done {
                let _ = d.send(Err(protocol_error("message too large to send")));
            }
            return;
        }
        self.queued += (self.wbuf.len() - before) as u64;
        if let Some(d) = done {
            self.acks.push_back((self.queued, d));
        }
    }

    fn command(&mut self, cmd: Command) {
        match cmd {
            Command::Call {
                prog,
                proc_,
                body,
                fds,
                reply,
                stream,
            } => {
                if !fds.is_empty() && (self.fds.is_none() || fds.len() > MAX_FDS) {
                    let e = match self.fds {
                        None => send_fds_error(),
                        Some(_) => protocol_error(format!(
                            "Too many FDs to send {}, expected {MAX_FDS} maximum",
                            fds.len()
                        )),
                    };
                    let _ = reply.send(Err(e));
                    return;
                }
                let serial = self.next_serial;
                self.next_serial = self.next_serial.wrapping_add(1);
                if let Some(s) = stream {
                    self.streams.insert(serial, s);
                }
                self.calls
                    .insert(serial, PendingCall { prog, proc_, reply });
                let before = self.wbuf.len();
                let framed = match (&self.fds, fds.is_empty()) {
                    (Some(chan), false) => {
                        let mut h = Header::call(prog, proc_, serial);
                        h.kind = MessageType::CallWithFds;
                        let mut b = Vec::with_capacity(4 + body.len());
                        b.extend_from_slice(&(fds.len() as u32).to_be_bytes());
                        b.extend_from_slice(&body);
                        let base = self.queued;
                        encode_with_fds(&Packet::new(h, b), fds, chan, base, &mut self.wbuf)
                            .map(|_| ())
                    }
                    _ => {
                        let p = Packet::new(Header::call(prog, proc_, serial), body);
                        PacketCodec::new().encode(&p, &mut self.wbuf)
                    }
                };
                if framed.is_err() {
                    self.streams.remove(&serial);
                    if let Some(c) = self.calls.remove(&serial) {
                        let _ = c
                            .reply
                            .send(Err(protocol_error("message too large to send")));
                    }
                    return;
                }
                self.queued += (self.wbuf.len() - before) as u64;
            }
            Command::Send { packet, done } => self.queue(&packet, done),
            Command::ForgetStream { serial } => {
                self.streams.remove(&serial);
            }
            Command::Keepalive { interval, count } => {
                self.last_rx = Instant::now();
                self.keepalive = Some(Keepalive {
                    interval,
                    count,
                    unanswered: 0,
                });
            }
            Command::Close => self.closing = true,
        }
    }

    /// Routes one incoming packet.
    fn dispatch(&mut self, p: Packet, fds: Vec<OwnedFd>) -> VirResult<()> {
        if p.header.prog == KEEPALIVE_PROGRAM {
            if p.header.proc_ == KEEPALIVE_PROC_PING && p.header.kind == MessageType::Message {
                self.queue(&Packet::keepalive_pong(), None);
            }
            return Ok(());
        }
        match p.header.kind {
            MessageType::Reply | MessageType::ReplyWithFds => self.reply(p, fds),
            MessageType::Message => {
                let _ = self.events.send(p);
                Ok(())
            }
            MessageType::Stream | MessageType::StreamHole => {
                self.stream_frame(p);
                Ok(())
            }
            other => {
                tracing::debug!(kind = other.number(), "ignoring unexpected message type");
                Ok(())
            }
        }
    }

    fn reply(&mut self, mut p: Packet, fds: Vec<OwnedFd>) -> VirResult<()> {
        let serial = p.header.serial;
        let Some(call) = self.calls.remove(&serial) else {
            tracing::debug!(serial, "reply for no waiting call, ignored");
            return Ok(());
        };
        if call.prog != p.header.prog || call.proc_ != p.header.proc_ {
            let e = protocol_error(format!(
                "Unexpected message proc {} != {}",
                p.header.proc_, call.proc_
            ));
            self.streams.remove(&serial);
            let _ = call.reply.send(Err(e));
            return Ok(());
        }
        if p.header.status != MessageStatus::Ok {
            // a failed stream-opening call leaves no stream behind
            self.streams.remove(&serial);
        }
        if p.header.kind == MessageType::ReplyWithFds {
            // the codec checked the count; callers see the plain ret body
            if let Ok((_, rest)) = rvirt_proto::decode_num_fds(&p.body) {
                p.body = rest;
            }
        }
        let _ = call.reply.send(Ok((p, fds)));
        Ok(())
    }

    fn stream_frame(&mut self, p: Packet) {
        let serial = p.header.serial;
        let Some(tx) = self.streams.get(&serial) else {
            return; // frames for unknown streams are ignored
        };
        let (item, done) = match (p.header.kind, p.header.status) {
            (MessageType::Stream, MessageStatus::Continue) if p.body.is_empty() => {
                (StreamIncoming::Eof, false)
            }
            (MessageType::Stream, MessageStatus::Continue) => (StreamIncoming::Data(p.body), false),
            (MessageType::StreamHole, _) => match p.decode_body::<StreamHole>() {
                Ok(h) => match u64::try_from(h.length) {
                    Ok(len) => (StreamIncoming::Hole(len), false),
                    Err(_) => (
                        StreamIncoming::Error(protocol_error("Invalid stream hole length")),
                        true,
                    ),
                },
                Err(e) => (StreamIncoming::Error(decode_error(&e)), true),
            },
            (MessageType::Stream, MessageStatus::Ok) => (StreamIncoming::Done, true),
            (MessageType::Stream, MessageStatus::Error) => {
                let e = match p.decode_body::<RemoteError>() {
                    Ok(r) => r.into_client_error(),
                    Err(e) => decode_error(&e),
                };
                (StreamIncoming::Error(e), true)
            }
            _ => (
                StreamIncoming::Error(protocol_error("Unexpected stream message status")),
                true,
            ),
        };
        let _ = tx.send(item);
        if done {
            self.streams.remove(&serial);
        }
    }
}

fn fail_command(cmd: Command, err: &VirError) {
    match cmd {
        Command::Call { reply, stream, .. } => {
            let _ = reply.send(Err(err.clone()));
            drop(stream);
        }
        Command::Send { done: Some(d), .. } => {
            let _ = d.send(Err(err.clone()));
        }
        _ => {}
    }
}

async fn sleep_until_opt(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}
