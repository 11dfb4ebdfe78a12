//! `Client`: the engine's handle on one connection, shared with the programs it dispatches to.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rvirt_proto::Packet;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;

/// How a client reached the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transport {
    /// A unix socket; credentials from `SO_PEERCRED`.
    Unix,
    /// Plain TCP (peer address).
    Tcp(String),
    /// TLS over TCP (peer address).
    Tls(String),
    /// Anything else (tests, in-memory pipes).
    Other,
}

/// Identity of a connection, fixed at accept time.
#[derive(Debug, Clone)]
pub struct ClientInfo {
    /// Server-wide connection number.
    pub id: u64,
    pub transport: Transport,
    /// The listening socket forces read-only (`libvirt-sock-ro`).
    pub read_only: bool,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    pub pid: Option<i32>,
    /// TLS: the client certificate's subject DN (RFC 4514 order), when one was presented.
    pub x509_dname: Option<String>,
}

/// One frame on its way to the socket; `ack` fires once it has been written.
pub(crate) enum Outgoing {
    Packet(Packet, Option<oneshot::Sender<()>>),
    /// A `REPLY_WITH_FDS`: the packet (count included), then one `0x00` byte per fd.
    PacketWithFds(Packet, Vec<std::os::fd::OwnedFd>),
    /// Flush what is queued, then close the connection.
    Close,
}

/// A live connection as programs see it.
pub struct Client {
    info: ClientInfo,
    tx: mpsc::UnboundedSender<Outgoing>,
    closed: CancellationToken,
    ext: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
    pub(crate) last_rx: Mutex<Instant>,
    pub(crate) keepalive_started: AtomicBool,
    pub(crate) keepalive_start: tokio::sync::Notify,
    connected_at: i64,
    /// The transport can carry fds (unix sockets).
    pass_fds: bool,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("info", &self.info).finish()
    }
}

impl Client {
    pub(crate) fn new(
        info: ClientInfo,
        tx: mpsc::UnboundedSender<Outgoing>,
        pass_fds: bool,
    ) -> Self {
        Client {
            pass_fds,
            info,
            tx,
            closed: CancellationToken::new(),
            ext: Mutex::new(HashMap::new()),
            last_rx: Mutex::new(Instant::now()),
            keepalive_started: AtomicBool::new(false),
            keepalive_start: tokio::sync::Notify::new(),
            connected_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| i64::try_from(d.as_secs()).unwrap_or(0))
                .unwrap_or(0),
        }
    }

    /// When the connection was accepted (seconds since the epoch; `virAdmClientGetTimestamp`).
    pub fn connected_at(&self) -> i64 {
        self.connected_at
    }

    /// Ends the connection at once, dropping queued frames (`virAdmClientClose`).
    pub fn disconnect(&self) {
        self.abort();
    }

    /// Identity of this connection.
    pub fn info(&self) -> &ClientInfo {
        &self.info
    }

    /// Per-connection state of type `T`, created on first use (one value per type).
    pub fn state<T: Any + Send + Sync + Default>(&self) -> Arc<T> {
        let mut map = match self.ext.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        let entry = map
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(T::default()) as Arc<dyn Any + Send + Sync>)
            .clone();
        drop(map);
        match entry.downcast::<T>() {
            Ok(v) => v,
            // Unreachable: the map is keyed by the value's own TypeId.
            Err(_) => Arc::new(T::default()),
        }
    }

    /// Queues an asynchronous frame (events); false when the connection is gone.
    pub fn send_message(&self, packet: Packet) -> bool {
        !self.closed.is_cancelled() && self.tx.send(Outgoing::Packet(packet, None)).is_ok()
    }

    pub(crate) fn send(&self, packet: Packet) -> bool {
        self.tx.send(Outgoing::Packet(packet, None)).is_ok()
    }

    /// Queues a frame and returns a receiver that fires once it was written to the socket.
    pub(crate) fn send_acked(&self, packet: Packet) -> Option<oneshot::Receiver<()>> {
        let (ack, rx) = oneshot::channel();
        self.tx.send(Outgoing::Packet(packet, Some(ack))).ok()?;
        Some(rx)
    }

    /// Whether fds can be passed on this connection (`virNetServerClientHasPassFD`:
    /// unix sockets only).
    pub fn can_pass_fds(&self) -> bool {
        self.pass_fds
    }

    /// Queues a `REPLY_WITH_FDS` for `call`: the fd count, `body`, then the fds. On a
    /// connection that cannot carry fds the caller gets libvirt's "Sending file descriptors
    /// is not supported on this socket" error instead (and the fds are closed).
    pub(crate) fn send_with_fds(
        &self,
        call: &rvirt_proto::Header,
        body: bytes::Bytes,
        fds: Vec<std::os::fd::OwnedFd>,
    ) -> bool {
        use rvirt_core::error::{ErrorDomain, VirError};
        if !self.pass_fds || fds.len() > crate::fdpass::MAX_FDS {
            let msg = if self.pass_fds {
                format!(
                    "Too many FDs to send {}, expected {} maximum",
                    fds.len(),
                    crate::fdpass::MAX_FDS
                )
            } else {
                crate::fdpass::SEND_UNSUPPORTED.to_string()
            };
            let e = VirError::internal(ErrorDomain::Rpc, msg);
            return self.send(Packet::reply_error(call, &e));
        }
        let mut p = Packet::reply_ok(call, {
            let mut b = Vec::with_capacity(4 + body.len());
            b.extend_from_slice(&(fds.len() as u32).to_be_bytes());
            b.extend_from_slice(&body);
            b
        });
        p.header.kind = rvirt_proto::MessageType::ReplyWithFds;
        self.tx.send(Outgoing::PacketWithFds(p, fds)).is_ok()
    }

    /// Closes the connection once the frames queued so far are written.
    pub fn close(&self) {
        let _ = self.tx.send(Outgoing::Close);
    }

    /// Ends the connection now.
    pub(crate) fn abort(&self) {
        self.closed.cancel();
    }

    /// Whether the connection has ended.
    pub fn is_closed(&self) -> bool {
        self.closed.is_cancelled()
    }

    /// Resolves when the connection has ended.
    pub async fn closed(&self) {
        self.closed.cancelled().await;
    }

    pub(crate) fn token(&self) -> CancellationToken {
        self.closed.clone()
    }

    /// Starts server-side keepalive pings (the side effect of SUPPORTS_FEATURE(10), §9).
    pub fn start_keepalive(&self) {
        if !self.keepalive_started.swap(true, Ordering::SeqCst) {
            self.keepalive_start.notify_one();
        }
    }

    pub(crate) fn touch(&self) {
        if let Ok(mut t) = self.last_rx.lock() {
            *t = Instant::now();
        }
    }

    pub(crate) fn last_rx(&self) -> Instant {
        match self.last_rx.lock() {
            Ok(t) => *t,
            Err(p) => *p.into_inner(),
        }
    }
}
