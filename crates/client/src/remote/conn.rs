//! [`RemoteConnection`]: one connection to a libvirt-compatible daemon.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use rvirt_core::driver::Connection;
use rvirt_core::error::VirResult;
use rvirt_core::event::EventBus;
use rvirt_proto::REMOTE_PROGRAM;
use rvirt_rpc::client::{Client, ClientStream};
use tracing::Instrument;

use super::events::EventRouter;
use super::procs as p;
use super::wire::Ret;

/// A connection served by a remote daemon over the libvirt RPC protocol
/// (libvirt's `remote` driver). Implements every driver trait.
pub struct RemoteConnection {
    pub(crate) client: Client,
    pub(crate) router: Arc<EventRouter>,
    /// The URI the user opened (what `virConnectGetURI` returns).
    pub(crate) uri: String,
    pub(crate) read_only: bool,
    /// Whether the transport itself is secure (unix, ssh) — TCP is not.
    pub(crate) secure_transport: bool,
    pub(crate) close_callback: AtomicBool,
    pub(crate) closed: AtomicBool,
}

impl std::fmt::Debug for RemoteConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteConnection")
            .field("uri", &self.uri)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl RemoteConnection {
    /// The RPC client under this connection.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Whether the connection was opened read-only (`VIR_CONNECT_RO`).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Calls a REMOTE procedure and returns its reply for field-by-field decoding.
    pub(crate) async fn call(&self, proc_: i32, body: Bytes) -> VirResult<Ret> {
        let reply = self
            .client
            .call_raw(REMOTE_PROGRAM, proc_, body)
            .instrument(tracing::trace_span!("rpc", proc_))
            .await?;
        Ok(Ret::new(reply))
    }

    /// Calls a REMOTE procedure whose reply is void.
    pub(crate) async fn call0(&self, proc_: i32, body: Bytes) -> VirResult<()> {
        self.client
            .call_raw(REMOTE_PROGRAM, proc_, body)
            .await
            .map(|_| ())
    }

    /// Calls a procedure that opens a stream.
    pub(crate) async fn call_stream(
        &self,
        proc_: i32,
        body: Bytes,
        sparse: bool,
    ) -> VirResult<(Ret, ClientStream)> {
        let (reply, s) = self
            .client
            .open_stream(REMOTE_PROGRAM, proc_, body, sparse)
            .await?;
        Ok((Ret::new(reply), s))
    }

    /// `virConnectClose`: UNREGISTER_CLOSE_CALLBACK (if registered), CONNECT_CLOSE, then
    /// the socket is closed. Idempotent.
    pub async fn close_connection(&self) -> VirResult<()> {
        if self.closed.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        let mut result = Ok(());
        if self.close_callback.swap(false, Ordering::SeqCst) {
            if let Err(e) = self
                .call0(p::CONNECT_UNREGISTER_CLOSE_CALLBACK, Bytes::new())
                .await
            {
                tracing::debug!(error = %e, "unregistering the close callback failed");
            }
        }
        if let Err(e) = self.call0(p::CONNECT_CLOSE, Bytes::new()).await {
            result = Err(e);
        }
        self.client.close().await;
        result
    }
}

impl Connection for RemoteConnection {
    fn events(&self) -> EventBus {
        self.router.bus.clone()
    }
}
