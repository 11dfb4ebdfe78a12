//! The `Program` trait: one RPC program (remote, qemu, admin, …) served by the engine.

use std::future::Future;
use std::os::fd::OwnedFd;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use bytes::Bytes;
use rvirt_core::error::VirError;
use rvirt_core::stream::DataStream;
use rvirt_proto::Header;

use super::client::Client;

/// What a dispatched CALL produced.
pub enum Outcome {
    /// REPLY/OK with this (already encoded) body.
    Reply(Bytes),
    /// REPLY_WITH_FDS/OK: the fd count, this (already encoded) body, then the fds
    /// (`SCM_RIGHTS`). On a TCP/TLS connection the caller gets libvirt's "Sending file
    /// descriptors is not supported on this socket" error instead.
    ReplyWithFds { body: Bytes, fds: Vec<OwnedFd> },
    /// REPLY/ERROR with this error as the `remote_error` body.
    Error(VirError),
    /// REPLY/OK with `body`, then the call's serial carries a data stream (`wire-protocol.md` §10).
    Stream { body: Bytes, stream: DataStream },
    /// REPLY/OK, then the server closes the connection (CONNECT_CLOSE).
    ReplyThenClose(Bytes),
    /// No reply at all.
    NoReply,
}

impl std::fmt::Debug for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Reply(b) => write!(f, "Reply({} bytes)", b.len()),
            Outcome::ReplyWithFds { body, fds } => {
                write!(f, "ReplyWithFds({} bytes, {} fds)", body.len(), fds.len())
            }
            Outcome::Error(e) => write!(f, "Error({e})"),
            Outcome::Stream { body, stream } => {
                write!(f, "Stream({} bytes, {stream:?})", body.len())
            }
            Outcome::ReplyThenClose(b) => write!(f, "ReplyThenClose({} bytes)", b.len()),
            Outcome::NoReply => f.write_str("NoReply"),
        }
    }
}

/// One RPC program (`virNetServerProgram`): the engine routes CALLs whose header carries
/// this program number and version here.
#[async_trait]
pub trait Program: Send + Sync + 'static {
    /// Program number (e.g. `REMOTE_PROGRAM`).
    fn number(&self) -> u32;
    /// Program version (1 for every libvirt program).
    fn version(&self) -> u32;
    /// Procedure name for logs, if known.
    fn procedure_name(&self, _proc_: i32) -> Option<&'static str> {
        None
    }
    /// Whether the procedure is `@priority: high` (may run on the priority worker pool).
    fn is_priority(&self, _proc_: i32) -> bool {
        false
    }
    /// Runs one CALL. `body` is the raw payload after the header.
    async fn dispatch(&self, client: &Arc<Client>, header: &Header, body: Bytes) -> Outcome;
    /// Called once when a connection ends (release per-connection resources).
    async fn client_closed(&self, _client: &Arc<Client>) {}
}

tokio::task_local! {
    static CALL_FDS: Mutex<Vec<OwnedFd>>;
}

/// Runs a dispatch with the fds that came with its `CALL_WITH_FDS`.
pub(crate) async fn with_call_fds<F: Future>(fds: Vec<OwnedFd>, fut: F) -> F::Output {
    CALL_FDS.scope(Mutex::new(fds), fut).await
}

/// The fds that came with the CALL being dispatched (`virNetMessage.fds` of a
/// `CALL_WITH_FDS`), in the order the client sent them; empty for a plain CALL or when
/// called again. Only meaningful inside [`Program::dispatch`]; fds nobody takes are
/// closed when the call ends, as libvirtd does.
pub fn take_call_fds() -> Vec<OwnedFd> {
    CALL_FDS
        .try_with(|m| match m.lock() {
            Ok(mut v) => std::mem::take(&mut *v),
            Err(p) => std::mem::take(&mut *p.into_inner()),
        })
        .unwrap_or_default()
}
