//! [`Client`]: the handle library code calls through; all socket work happens in the
//! I/O task (`io.rs`).

use std::os::fd::OwnedFd;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use rvirt_core::error::{VirError, VirResult};
use rvirt_proto::{Header, MessageStatus, Packet, RemoteError};
use rvirt_xdr::{Decode, Decoder, Encode};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{mpsc, oneshot, watch};

use super::errors::{decode_error, encode_error, socket_closed_error};
use super::io::{Command, IoTask};
use super::stream::{ClientStream, StreamIncoming};

/// MESSAGE frames (events) the server sent, in arrival order (keepalive excluded).
pub type EventReceiver = mpsc::UnboundedReceiver<Packet>;

/// virsh's default keepalive interval (seconds between pings while the peer is silent).
pub const DEFAULT_KEEPALIVE_INTERVAL: Duration = Duration::from_secs(5);
/// virsh's default keepalive count (unanswered pings before the connection is dropped).
pub const DEFAULT_KEEPALIVE_COUNT: u32 = 6;

pub(crate) struct Shared {
    /// Why the connection ended, once it has.
    pub(crate) closed: Mutex<Option<VirError>>,
    pub(crate) done: watch::Sender<bool>,
}

impl Shared {
    pub(crate) fn close_reason(&self) -> Option<VirError> {
        self.closed.lock().ok().and_then(|g| g.clone())
    }
}

/// A connection to an RPC server (`virNetClient`). Cheap to clone; every clone talks
/// through the same socket. Calls may be issued concurrently from many tasks: each gets
/// the next serial (starting at 0, as libvirt's C client) and replies are matched by serial.
#[derive(Clone)]
pub struct Client {
    tx: mpsc::UnboundedSender<Command>,
    shared: Arc<Shared>,
    /// The socket can carry fds (unix).
    pass_fds: bool,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("closed", &self.is_closed())
            .finish()
    }
}

impl Client {
    /// Starts the I/O task on an already connected byte stream (must run inside a tokio
    /// runtime). Returns the client and the receiver of event MESSAGE frames.
    pub fn new<S>(stream: S) -> (Client, EventReceiver)
    where
        S: AsyncRead + AsyncWrite + Send + 'static,
    {
        Self::start(stream, None)
    }

    /// Starts the I/O task on a connected unix socket, with fd passing
    /// (`CALL_WITH_FDS` / `REPLY_WITH_FDS`).
    pub fn new_unix(sock: tokio::net::UnixStream) -> (Client, EventReceiver) {
        let s = crate::fdpass::FdStream::new(sock);
        let chan = s.channel();
        Self::start(s, Some(chan))
    }

    fn start<S>(stream: S, fds: Option<crate::fdpass::FdChannel>) -> (Client, EventReceiver)
    where
        S: AsyncRead + AsyncWrite + Send + 'static,
    {
        let pass_fds = fds.is_some();
        let (tx, rx) = mpsc::unbounded_channel();
        let (ev_tx, ev_rx) = mpsc::unbounded_channel();
        let (done, _) = watch::channel(false);
        let shared = Arc::new(Shared {
            closed: Mutex::new(None),
            done,
        });
        let task = IoTask::new(stream, rx, ev_tx, Arc::clone(&shared), fds);
        tokio::spawn(task.run());
        (
            Client {
                tx,
                shared,
                pass_fds,
            },
            ev_rx,
        )
    }

    /// Connects to a unix socket (`virNetClientNewUNIX`).
    pub async fn connect_unix(
        path: impl AsRef<std::path::Path>,
    ) -> VirResult<(Client, EventReceiver)> {
        let s = super::transport::unix(path.as_ref()).await?;
        Ok(Client::new_unix(s))
    }

    /// Connects over TCP (`virNetClientNewTCP`).
    pub async fn connect_tcp(host: &str, port: u16) -> VirResult<(Client, EventReceiver)> {
        let s = super::transport::tcp(host, port).await?;
        Ok(Client::new(s))
    }

    /// Connects over TLS (`virNetClientNewTCP` + `virNetClientSetTLSSession`): handshake
    /// with the client certificate, server checks unless `no_verify`, then libvirtd's
    /// confirmation byte.
    pub async fn connect_tls(
        host: &str,
        port: u16,
        opts: &super::tls::TlsClientOptions,
    ) -> VirResult<(Client, EventReceiver)> {
        let s = super::transport::tcp(host, port).await?;
        let tls = super::tls::handshake(s, host, opts).await?;
        Ok(Client::new(tls))
    }

    fn send(&self, cmd: Command) -> VirResult<()> {
        self.tx.send(cmd).map_err(|_| self.dead_error())
    }

    fn dead_error(&self) -> VirError {
        socket_closed_error()
    }

    /// Whether the connection has ended.
    pub fn is_closed(&self) -> bool {
        self.shared.close_reason().is_some() || self.tx.is_closed()
    }

    /// Why the connection ended (`None` while it is open).
    pub fn close_reason(&self) -> Option<VirError> {
        self.shared.close_reason()
    }

    /// Waits until the connection has ended (server hang-up, keepalive timeout or close).
    pub async fn closed(&self) {
        let mut rx = self.shared.done.subscribe();
        while !*rx.borrow_and_update() {
            if rx.changed().await.is_err() {
                return;
            }
        }
    }

    /// Sends a CALL with an already encoded body and returns the REPLY body.
    ///
    /// ERROR replies become the server's [`VirError`]; "unknown procedure" errors are
    /// turned into `VIR_ERR_NO_SUPPORT` as libvirt's client does.
    pub async fn call_raw(&self, prog: u32, proc_: i32, body: Bytes) -> VirResult<Bytes> {
        self.call_raw_with_fds(prog, proc_, body, Vec::new())
            .await
            .map(|(b, _)| b)
    }

    /// Whether this connection can pass fds (`virNetClientHasPassFD`: unix sockets).
    pub fn can_pass_fds(&self) -> bool {
        self.pass_fds
    }

    /// Sends a CALL with an encoded body and `fds` (a `CALL_WITH_FDS` when there are any)
    /// and returns the REPLY body with the fds of a `REPLY_WITH_FDS` (empty otherwise).
    ///
    /// Fds on a TCP/TLS connection fail before anything is sent with libvirt's "Sending
    /// file descriptors is not supported on this socket" (VIR_ERR_INTERNAL_ERROR).
    pub async fn call_raw_with_fds(
        &self,
        prog: u32,
        proc_: i32,
        body: Bytes,
        fds: Vec<OwnedFd>,
    ) -> VirResult<(Bytes, Vec<OwnedFd>)> {
        let (reply, rx) = oneshot::channel();
        self.send(Command::Call {
            prog,
            proc_,
            body,
            fds,
            reply,
            stream: None,
        })?;
        let (p, fds) = rx.await.map_err(|_| self.dead_error())??;
        Ok((reply_body(p)?, fds))
    }

    /// [`Client::call`] with fds both ways (see [`Client::call_raw_with_fds`]).
    pub async fn call_with_fds<A, R>(
        &self,
        prog: u32,
        proc_: i32,
        args: &A,
        fds: Vec<OwnedFd>,
    ) -> VirResult<(R, Vec<OwnedFd>)>
    where
        A: Encode + ?Sized,
        R: Decode,
    {
        let body = rvirt_xdr::to_bytes(args).map_err(|e| encode_error(&e))?;
        let (ret, fds) = self
            .call_raw_with_fds(prog, proc_, body.freeze(), fds)
            .await?;
        let r = R::decode(&mut Decoder::new(&ret)).map_err(|e| decode_error(&e))?;
        Ok((r, fds))
    }

    /// Encodes `args`, calls `proc_` of `prog` and decodes the reply as `R`.
    pub async fn call<A, R>(&self, prog: u32, proc_: i32, args: &A) -> VirResult<R>
    where
        A: Encode + ?Sized,
        R: Decode,
    {
        let body = rvirt_xdr::to_bytes(args).map_err(|e| encode_error(&e))?;
        let ret = self.call_raw(prog, proc_, body.freeze()).await?;
        R::decode(&mut Decoder::new(&ret)).map_err(|e| decode_error(&e))
    }

    /// Sends a CALL that opens a stream (`@readstream`/`@writestream` procedures). The
    /// stream is registered before the call goes out; returns the REPLY body and the stream.
    pub async fn open_stream(
        &self,
        prog: u32,
        proc_: i32,
        body: Bytes,
        sparse: bool,
    ) -> VirResult<(Bytes, ClientStream)> {
        let (reply, rx) = oneshot::channel();
        let (stx, srx) = mpsc::unbounded_channel::<StreamIncoming>();
        self.send(Command::Call {
            prog,
            proc_,
            body,
            fds: Vec::new(),
            reply,
            stream: Some(stx),
        })?;
        let (p, _) = rx.await.map_err(|_| self.dead_error())??;
        let header = Header::call(p.header.prog, p.header.proc_, p.header.serial);
        let body = reply_body(p)?;
        Ok((body, ClientStream::new(self.clone(), header, srx, sparse)))
    }

    /// Queues one packet for writing and waits until it has been written to the socket.
    pub(crate) async fn send_packet(&self, packet: Packet) -> VirResult<()> {
        let (done, rx) = oneshot::channel();
        self.send(Command::Send {
            packet,
            done: Some(done),
        })?;
        rx.await.map_err(|_| self.dead_error())?
    }

    /// Queues one packet without waiting (used from `Drop`).
    pub(crate) fn send_packet_nowait(&self, packet: Packet) {
        let _ = self.tx.send(Command::Send { packet, done: None });
    }

    /// Forgets a stream's registration (frames for it are then ignored).
    pub(crate) fn forget_stream(&self, serial: u32) {
        let _ = self.tx.send(Command::ForgetStream { serial });
    }

    /// Enables client-side keepalive (`virNetClientKeepAliveStart`): after `interval`
    /// without hearing from the server send a PING; drop the connection after `count`
    /// unanswered ones. Only call this when the server supports feature 10.
    pub fn start_keepalive(&self, interval: Duration, count: u32) -> VirResult<()> {
        self.send(Command::Keepalive { interval, count })
    }

    /// Flushes queued output and closes the socket; pending calls fail with
    /// "client socket is closed".
    pub async fn close(&self) {
        if self.send(Command::Close).is_ok() {
            self.closed().await;
        }
    }
}

/// The body of a REPLY, or its error.
fn reply_body(p: Packet) -> VirResult<Bytes> {
    match p.header.status {
        MessageStatus::Ok => Ok(p.body),
        MessageStatus::Error => {
            let e: RemoteError = p.decode_body().map_err(|e| decode_error(&e))?;
            Err(e.into_client_error())
        }
        other => Err(super::errors::protocol_error(format!(
            "Unexpected message status {}",
            other.number()
        ))),
    }
}
