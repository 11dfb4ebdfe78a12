//! File-descriptor passing on unix sockets (`CALL_WITH_FDS` / `REPLY_WITH_FDS`,
//! `wire-protocol.md` §2.3, libvirt's `virNetSocketSendFD` / `virNetSocketRecvFD`).
//!
//! After the bytes of a `*_WITH_FDS` message, each fd travels in its own `sendmsg` carrying
//! one data byte `0x00` plus `SCM_RIGHTS`. [`FdStream`] keeps fd passing out of the framing
//! code: writers append one `0x00` byte per fd and register the fd at that byte's offset
//! ([`FdChannel::queue_fd`]); the stream attaches it when it writes that byte. On the read
//! side every received fd is recorded at the offset of the byte it came with, and
//! [`FdCodec`] hands a `*_WITH_FDS` packet out together with the fds of its trailing bytes.

use std::collections::VecDeque;
use std::io::{self, IoSlice, IoSliceMut};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, OwnedFd};
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{ready, Context, Poll};

use bytes::{Buf, BytesMut};
use rustix::net::{
    RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SendAncillaryBuffer,
    SendAncillaryMessage, SendFlags,
};
use rvirt_proto::{FrameError, MessageType, Packet, PacketCodec, NUM_FDS_MAX};
use tokio::io::{AsyncRead, AsyncWrite, Interest, ReadBuf};
use tokio::net::UnixStream;
use tokio_util::codec::Decoder;

/// `VIR_NET_MESSAGE_NUM_FDS_MAX`: the most fds one message may carry.
pub const MAX_FDS: usize = NUM_FDS_MAX as usize;

/// Received fds not yet claimed by a message are capped at this many (oldest closed first).
const MAX_UNCLAIMED: usize = 4 * MAX_FDS;

/// libvirt's error for a `*_WITH_FDS` message on a TCP/TLS connection (receiving side).
pub const RECV_UNSUPPORTED: &str = "Receiving file descriptors is not supported on this socket";
/// libvirt's error for fds to be sent on a TCP/TLS connection.
pub const SEND_UNSUPPORTED: &str = "Sending file descriptors is not supported on this socket";

#[derive(Default)]
struct Queues {
    /// Received fds, each with the stream offset of the data byte it arrived with.
    inbox: VecDeque<(u64, OwnedFd)>,
    /// Bytes read from the socket so far.
    read: u64,
    /// Fds to send, each with the stream offset of the `0x00` byte that carries it.
    outbox: VecDeque<(u64, OwnedFd)>,
    /// Bytes written to the socket so far.
    written: u64,
}

/// The fd side-channel of one [`FdStream`], shared with the code that frames messages.
#[derive(Clone, Default)]
pub struct FdChannel {
    q: Arc<Mutex<Queues>>,
}

impl std::fmt::Debug for FdChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let q = self.lock();
        f.debug_struct("FdChannel")
            .field("unclaimed", &q.inbox.len())
            .field("queued", &q.outbox.len())
            .finish()
    }
}

impl FdChannel {
    fn lock(&self) -> MutexGuard<'_, Queues> {
        match self.q.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }

    /// Sends `fd` with the byte at stream offset `offset` (which must be a `0x00` the
    /// writer puts there). Offsets must be queued in increasing order.
    pub fn queue_fd(&self, offset: u64, fd: OwnedFd) {
        self.lock().outbox.push_back((offset, fd));
    }

    /// Takes the fds that arrived with the bytes at offsets `start..start+n`; fds that came
    /// with earlier bytes were never claimed by a message and are closed.
    pub fn take_fds(&self, start: u64, n: usize) -> Vec<OwnedFd> {
        let mut q = self.lock();
        while q.inbox.front().is_some_and(|(o, _)| *o < start) {
            q.inbox.pop_front();
        }
        let end = start.saturating_add(n as u64);
        let mut out = Vec::with_capacity(n.min(MAX_FDS));
        while q.inbox.front().is_some_and(|(o, _)| *o < end) {
            if let Some((_, fd)) = q.inbox.pop_front() {
                out.push(fd);
            }
        }
        out
    }

    fn record_received(&self, len: usize, fds: Vec<OwnedFd>) {
        let mut q = self.lock();
        let last = q.read + (len as u64).saturating_sub(1);
        q.read += len as u64;
        if len == 0 {
            return; // end of stream: fds without data cannot belong to a message
        }
        for fd in fds {
            q.inbox.push_back((last, fd));
        }
        while q.inbox.len() > MAX_UNCLAIMED {
            q.inbox.pop_front();
        }
    }
}

/// A connected unix stream socket that carries fds next to the byte stream.
pub struct FdStream {
    sock: UnixStream,
    chan: FdChannel,
}

impl std::fmt::Debug for FdStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FdStream")
            .field("chan", &self.chan)
            .finish()
    }
}

impl FdStream {
    /// Wraps a connected socket; offsets count from here.
    pub fn new(sock: UnixStream) -> Self {
        FdStream {
            sock,
            chan: FdChannel::default(),
        }
    }

    /// The fd side-channel (clone it before splitting the stream).
    pub fn channel(&self) -> FdChannel {
        self.chan.clone()
    }

    /// The underlying socket (credentials etc.).
    pub fn socket(&self) -> &UnixStream {
        &self.sock
    }
}

fn recv_with_fds(sock: &UnixStream, buf: &mut [u8]) -> io::Result<(usize, Vec<OwnedFd>)> {
    let mut space = [MaybeUninit::<u8>::uninit(); rustix::cmsg_space!(ScmRights(MAX_FDS))];
    let mut cmsg = RecvAncillaryBuffer::new(&mut space);
    let mut iov = [IoSliceMut::new(buf)];
    let r = rustix::net::recvmsg(sock.as_fd(), &mut iov, &mut cmsg, RecvFlags::CMSG_CLOEXEC)?;
    let mut fds = Vec::new();
    for m in cmsg.drain() {
        if let RecvAncillaryMessage::ScmRights(it) = m {
            fds.extend(it);
        }
    }
    Ok((r.bytes, fds))
}

fn send_with_fd(sock: &UnixStream, byte: u8, fd: &OwnedFd) -> io::Result<usize> {
    let fds = [fd.as_fd()];
    let mut space = [MaybeUninit::<u8>::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut cmsg = SendAncillaryBuffer::new(&mut space);
    if !cmsg.push(SendAncillaryMessage::ScmRights(&fds)) {
        return Err(io::Error::other("cannot build SCM_RIGHTS message"));
    }
    let data = [byte];
    let iov = [IoSlice::new(&data)];
    Ok(rustix::net::sendmsg(
        sock.as_fd(),
        &iov,
        &mut cmsg,
        SendFlags::NOSIGNAL,
    )?)
}

impl AsyncRead for FdStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if buf.remaining() == 0 {
            return Poll::Ready(Ok(()));
        }
        loop {
            ready!(this.sock.poll_read_ready(cx))?;
            let unfilled = buf.initialize_unfilled();
            match this
                .sock
                .try_io(Interest::READABLE, || recv_with_fds(&this.sock, unfilled))
            {
                Ok((n, fds)) => {
                    this.chan.record_received(n, fds);
                    buf.advance(n);
                    return Poll::Ready(Ok(()));
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }
}

impl AsyncWrite for FdStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        loop {
            ready!(this.sock.poll_write_ready(cx))?;
            let mut q = this.chan.lock();
            // fds whose byte was already written (cannot happen with ordered queueing)
            let written = q.written;
            while q.outbox.front().is_some_and(|(o, _)| *o < written) {
                q.outbox.pop_front();
            }
            let res = match q.outbox.front() {
                Some((o, fd)) if *o == written => this
                    .sock
                    .try_io(Interest::WRITABLE, || send_with_fd(&this.sock, buf[0], fd)),
                next => {
                    let limit = next.map_or(buf.len(), |(o, _)| {
                        usize::try_from(o - written).unwrap_or(usize::MAX)
                    });
                    let chunk = &buf[..buf.len().min(limit)];
                    this.sock.try_io(Interest::WRITABLE, || {
                        Ok(rustix::net::send(
                            this.sock.as_fd(),
                            chunk,
                            SendFlags::NOSIGNAL,
                        )?)
                    })
                }
            };
            match res {
                Ok(n) => {
                    if n > 0 && q.outbox.front().is_some_and(|(o, _)| *o == written) {
                        q.outbox.pop_front();
                    }
                    q.written += n as u64;
                    return Poll::Ready(Ok(n));
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let _ = rustix::net::shutdown(this.sock.as_fd(), rustix::net::Shutdown::Write);
        Poll::Ready(Ok(()))
    }
}

fn invalid(msg: impl Into<String>) -> FrameError {
    FrameError::Io(io::Error::new(io::ErrorKind::InvalidData, msg.into()))
}

/// Whether a message type carries fds.
pub fn carries_fds(kind: MessageType) -> bool {
    matches!(kind, MessageType::CallWithFds | MessageType::ReplyWithFds)
}

/// Frames packets like [`PacketCodec`] and pairs each `*_WITH_FDS` packet with its fds.
///
/// The packet's body keeps its leading fd count. Without a channel (TCP/TLS) such a packet
/// is an error ("Receiving file descriptors is not supported on this socket"), as is a
/// count above [`MAX_FDS`] or a trailing byte without an fd; the connection is then dropped,
/// as libvirt does.
pub struct FdCodec {
    inner: PacketCodec,
    chan: Option<FdChannel>,
    /// Bytes taken out of the read buffer so far (= stream offset of its first byte).
    consumed: u64,
    pending: Option<(Packet, usize)>,
}

impl FdCodec {
    /// A codec for a connection; `chan` is `Some` on unix sockets.
    pub fn new(chan: Option<FdChannel>) -> Self {
        FdCodec {
            inner: PacketCodec::new(),
            chan,
            consumed: 0,
            pending: None,
        }
    }
}

impl Decoder for FdCodec {
    type Item = (Packet, Vec<OwnedFd>);
    type Error = FrameError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Self::Item>, FrameError> {
        if self.pending.is_none() {
            let before = src.len();
            let Some(p) = self.inner.decode(src)? else {
                return Ok(None);
            };
            self.consumed += (before - src.len()) as u64;
            if !carries_fds(p.header.kind) {
                return Ok(Some((p, Vec::new())));
            }
            if self.chan.is_none() {
                return Err(invalid(RECV_UNSUPPORTED));
            }
            let n = match rvirt_proto::decode_num_fds(&p.body) {
                Ok((n, _)) => n as usize,
                Err(_) => {
                    return Err(invalid(format!(
                        "Received too many FDs, expected {MAX_FDS} maximum"
                    )))
                }
            };
            self.pending = Some((p, n));
        }
        let n = self.pending.as_ref().map_or(0, |(_, n)| *n);
        if src.len() < n {
            src.reserve(n - src.len());
            return Ok(None);
        }
        let start = self.consumed;
        src.advance(n);
        self.consumed += n as u64;
        let fds = match &self.chan {
            Some(c) => c.take_fds(start, n),
            None => Vec::new(),
        };
        let Some((p, _)) = self.pending.take() else {
            return Ok(None);
        };
        if fds.len() != n {
            return Err(invalid("Failed to recv file descriptor"));
        }
        Ok(Some((p, fds)))
    }
}

/// Encodes `packet` into `out` followed by one `0x00` per fd, queueing each fd on `chan`
/// at its byte. `base` is the stream offset at which `out` starts being written plus what
/// is already in `out`; returns the number of bytes appended.
pub fn encode_with_fds(
    packet: &Packet,
    fds: Vec<OwnedFd>,
    chan: &FdChannel,
    base: u64,
    out: &mut BytesMut,
) -> Result<usize, FrameError> {
    use tokio_util::codec::Encoder;
    let before = out.len();
    PacketCodec::new().encode(packet, out)?;
    let first = base + (out.len() - before) as u64;
    for (off, fd) in (first..).zip(fds) {
        chan.queue_fd(off, fd);
        out.extend_from_slice(&[0]);
    }
    Ok(out.len() - before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_proto::Header;
    use std::io::{Read, Seek, Write};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio_util::codec::FramedRead;

    fn temp_file(content: &[u8]) -> OwnedFd {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(content).unwrap();
        f.rewind().unwrap();
        OwnedFd::from(f)
    }

    fn read_fd(fd: OwnedFd) -> String {
        let mut f = std::fs::File::from(fd);
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        s
    }

    fn with_fds_packet(n: u32, extra: &[u8]) -> Packet {
        let mut h = Header::call(0x2000_8086, 343, 7);
        h.kind = MessageType::CallWithFds;
        let mut body = n.to_be_bytes().to_vec();
        body.extend_from_slice(extra);
        Packet::new(h, body)
    }

    #[tokio::test]
    async fn fds_travel_with_their_message() {
        let (a, b) = UnixStream::pair().unwrap();
        let mut tx = FdStream::new(a);
        let chan = tx.channel();
        let rx = FdStream::new(b);
        let rchan = rx.channel();
        let mut frames = FramedRead::new(rx, FdCodec::new(Some(rchan)));

        let mut out = BytesMut::new();
        // a plain call, then one with two fds, then another plain call
        let plain = Packet::new(Header::call(0x2000_8086, 1, 1), vec![0u8; 4]);
        let mut base = 0u64;
        base += encode_with_fds(&plain, Vec::new(), &chan, base, &mut out).unwrap() as u64;
        let fds = vec![temp_file(b"first"), temp_file(b"second")];
        base += encode_with_fds(&with_fds_packet(2, b"args"), fds, &chan, base, &mut out).unwrap()
            as u64;
        encode_with_fds(&plain, Vec::new(), &chan, base, &mut out).unwrap();
        tx.write_all(&out).await.unwrap();

        let (p1, f1) = frames.next_frame().await;
        assert_eq!(p1.header.proc_, 1);
        assert!(f1.is_empty());
        let (p2, f2) = frames.next_frame().await;
        assert_eq!(p2.header.kind, MessageType::CallWithFds);
        assert_eq!(&p2.body[..], &[0, 0, 0, 2, b'a', b'r', b'g', b's']);
        assert_eq!(f2.len(), 2);
        let mut it = f2.into_iter();
        assert_eq!(read_fd(it.next().unwrap()), "first");
        assert_eq!(read_fd(it.next().unwrap()), "second");
        let (p3, f3) = frames.next_frame().await;
        assert_eq!(p3.header.proc_, 1);
        assert!(f3.is_empty());
    }

    #[tokio::test]
    async fn too_many_fds_is_an_error_not_a_panic() {
        let (a, b) = UnixStream::pair().unwrap();
        let mut tx = FdStream::new(a);
        let rx = FdStream::new(b);
        let rchan = rx.channel();
        let mut frames = FramedRead::new(rx, FdCodec::new(Some(rchan)));
        let p = with_fds_packet(1000, b"");
        let mut out = BytesMut::new();
        use tokio_util::codec::Encoder;
        PacketCodec::new().encode(&p, &mut out).unwrap();
        tx.write_all(&out).await.unwrap();
        let r = futures::StreamExt::next(&mut frames).await.unwrap();
        assert!(r.is_err());
    }

    #[tokio::test]
    async fn byte_without_fd_is_an_error_and_stray_fds_are_dropped() {
        let (a, b) = UnixStream::pair().unwrap();
        let mut tx = FdStream::new(a);
        let chan = tx.channel();
        let rx = FdStream::new(b);
        let rchan = rx.channel();
        let mut frames = FramedRead::new(rx, FdCodec::new(Some(rchan)));
        // a stray fd attached to a plain message's last byte is ignored
        let plain = Packet::new(Header::call(0x2000_8086, 1, 1), vec![0u8; 4]);
        let mut out = BytesMut::new();
        use tokio_util::codec::Encoder;
        PacketCodec::new().encode(&plain, &mut out).unwrap();
        chan.queue_fd(out.len() as u64 - 1, temp_file(b"stray"));
        // then a message announcing one fd whose byte carries none
        PacketCodec::new()
            .encode(&with_fds_packet(1, b""), &mut out)
            .unwrap();
        out.extend_from_slice(&[0]);
        tx.write_all(&out).await.unwrap();
        let (p1, f1) = frames.next_frame().await;
        assert_eq!(p1.header.proc_, 1);
        assert!(f1.is_empty());
        let r = futures::StreamExt::next(&mut frames).await.unwrap();
        assert!(r.is_err());
    }

    #[tokio::test]
    async fn with_fds_on_a_plain_stream_is_refused() {
        let (mut a, b) = tokio::io::duplex(4096);
        let mut frames = FramedRead::new(b, FdCodec::new(None));
        let mut out = BytesMut::new();
        use tokio_util::codec::Encoder;
        PacketCodec::new()
            .encode(&with_fds_packet(1, b""), &mut out)
            .unwrap();
        out.extend_from_slice(&[0]);
        a.write_all(&out).await.unwrap();
        let r = futures::StreamExt::next(&mut frames).await.unwrap();
        let e = r.err().unwrap();
        assert!(e.to_string().contains("I/O") || format!("{e:?}").contains(RECV_UNSUPPORTED));
        assert!(format!("{e:?}").contains(RECV_UNSUPPORTED));
    }

    #[tokio::test]
    async fn plain_bytes_pass_through() {
        let (a, b) = UnixStream::pair().unwrap();
        let mut tx = FdStream::new(a);
        let mut rx = FdStream::new(b);
        tx.write_all(b"hello").await.unwrap();
        tx.shutdown().await.unwrap();
        let mut s = String::new();
        rx.read_to_string(&mut s).await.unwrap();
        assert_eq!(s, "hello");
    }

    trait NextFrame {
        async fn next_frame(&mut self) -> (Packet, Vec<OwnedFd>);
    }

    impl NextFrame for FramedRead<FdStream, FdCodec> {
        async fn next_frame(&mut self) -> (Packet, Vec<OwnedFd>) {
            let f = tokio::time::timeout(
                std::time::Duration::from_secs(5),
                futures::StreamExt::next(self),
            )
            .await;
            match f {
                Ok(Some(Ok(x))) => x,
                other => panic!("no frame: {:?}", other.map(|o| o.map(|r| r.is_ok()))),
            }
        }
    }
}
