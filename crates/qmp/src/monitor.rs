//! The QMP monitor client: greeting, capability negotiation, commands matched by id,
//! asynchronous events.

use crate::error::QmpError;
use crate::lines::LineReader;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::os::fd::BorrowedFd;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::unix::OwnedWriteHalf;
use tokio::net::UnixStream;
use tokio::sync::{broadcast, oneshot, Mutex as AsyncMutex};

/// An asynchronous QMP event (`{"event": …, "data": …, "timestamp": …}`).
#[derive(Debug, Clone, PartialEq)]
pub struct QmpEvent {
    pub event: String,
    pub data: Value,
    pub seconds: i64,
    pub microseconds: i64,
}

/// Commands waiting for their reply, by id; `None` once the connection is gone.
type Waiters = Option<HashMap<u64, oneshot::Sender<Result<Value, QmpError>>>>;
type Pending = Arc<Mutex<Waiters>>;

/// A negotiated QMP connection. Cheap to clone; all clones share the socket.
#[derive(Clone)]
pub struct QmpClient {
    writer: Arc<AsyncMutex<OwnedWriteHalf>>,
    pending: Pending,
    next_id: Arc<AtomicU64>,
    events: broadcast::Sender<QmpEvent>,
    greeting: Arc<Value>,
}

/// Writes the start of `data` with `fd` attached; returns how many bytes went out.
async fn send_with_fd(
    w: &OwnedWriteHalf,
    data: &[u8],
    fd: BorrowedFd<'_>,
) -> std::io::Result<usize> {
    use rustix::net::{SendAncillaryBuffer, SendAncillaryMessage, SendFlags};
    use std::mem::MaybeUninit;
    let sock: &UnixStream = w.as_ref();
    loop {
        sock.writable().await?;
        let res = sock.try_io(tokio::io::Interest::WRITABLE, || {
            let fds = [fd];
            let mut space = [MaybeUninit::<u8>::uninit(); rustix::cmsg_space!(ScmRights(1))];
            let mut cmsg = SendAncillaryBuffer::new(&mut space);
            if !cmsg.push(SendAncillaryMessage::ScmRights(&fds)) {
                return Err(std::io::Error::other("cannot build SCM_RIGHTS message"));
            }
            let iov = [std::io::IoSlice::new(data)];
            Ok(rustix::net::sendmsg(
                sock,
                &iov,
                &mut cmsg,
                SendFlags::NOSIGNAL,
            )?)
        });
        match res {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            other => return other,
        }
    }
}

fn lock_pending(p: &Pending) -> std::sync::MutexGuard<'_, Waiters> {
    match p.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}

impl QmpClient {
    /// Connects to a monitor socket, reads the greeting and runs `qmp_capabilities`.
    pub async fn connect(path: &Path, timeout: Duration) -> Result<QmpClient, QmpError> {
        let stream = tokio::time::timeout(timeout, UnixStream::connect(path))
            .await
            .map_err(|_| QmpError::Timeout("monitor connection".into()))?
            .map_err(|e| QmpError::Connect {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        Self::handshake(stream, timeout).await
    }

    /// Runs the QMP handshake on an already connected stream.
    pub async fn handshake(stream: UnixStream, timeout: Duration) -> Result<QmpClient, QmpError> {
        let (read, write) = stream.into_split();
        let mut reader = LineReader::new(read);
        let line = tokio::time::timeout(timeout, reader.next_line())
            .await
            .map_err(|_| QmpError::Timeout("QMP greeting".into()))??;
        let greeting: Value =
            serde_json::from_slice(&line).map_err(|e| QmpError::Malformed(e.to_string()))?;
        if greeting.get("QMP").is_none() {
            return Err(QmpError::Protocol(format!(
                "expected QMP greeting, got {greeting}"
            )));
        }
        let (events, _) = broadcast::channel(1024);
        let client = QmpClient {
            writer: Arc::new(AsyncMutex::new(write)),
            pending: Arc::new(Mutex::new(Some(HashMap::new()))),
            next_id: Arc::new(AtomicU64::new(1)),
            events,
            greeting: Arc::new(greeting),
        };
        tokio::spawn(read_loop(
            reader,
            client.pending.clone(),
            client.events.clone(),
        ));
        client.execute("qmp_capabilities", None, timeout).await?;
        Ok(client)
    }

    /// The greeting QEMU sent (contains its version).
    pub fn greeting(&self) -> &Value {
        &self.greeting
    }

    /// Subscribes to asynchronous events.
    pub fn events(&self) -> broadcast::Receiver<QmpEvent> {
        self.events.subscribe()
    }

    /// Whether the monitor connection has been lost.
    pub fn is_closed(&self) -> bool {
        lock_pending(&self.pending).is_none()
    }

    /// Runs one command and returns its `return` value.
    pub async fn execute(
        &self,
        command: &str,
        arguments: Option<Value>,
        timeout: Duration,
    ) -> Result<Value, QmpError> {
        self.run(command, arguments, None, timeout).await
    }

    /// Runs one command with `fd` passed alongside it (`SCM_RIGHTS`), as QMP `getfd` and
    /// `add-fd` expect; QEMU gets its own copy, the caller keeps (and closes) `fd`.
    pub async fn execute_with_fd(
        &self,
        command: &str,
        arguments: Option<Value>,
        fd: BorrowedFd<'_>,
        timeout: Duration,
    ) -> Result<Value, QmpError> {
        self.run(command, arguments, Some(fd), timeout).await
    }

    /// QMP `getfd`: hands `fd` to QEMU under `fdname` (for `add_client`, `netdev_add`
    /// `fd=`, `migrate` `fd:` URIs); libvirt's `qemuMonitorSendFileHandle`.
    pub async fn getfd(
        &self,
        fdname: &str,
        fd: BorrowedFd<'_>,
        timeout: Duration,
    ) -> Result<(), QmpError> {
        self.execute_with_fd("getfd", Some(json!({ "fdname": fdname })), fd, timeout)
            .await
            .map(|_| ())
    }

    /// QMP `add-fd`: adds `fd` to fd set `fdset_id` (a new set when `None`), for
    /// `/dev/fdset/N` paths (`qemuMonitorAddFileHandleToSet`). Returns (fdset-id, fd as
    /// numbered inside QEMU).
    pub async fn add_fd(
        &self,
        fdset_id: Option<u64>,
        opaque: Option<&str>,
        fd: BorrowedFd<'_>,
        timeout: Duration,
    ) -> Result<(u64, i64), QmpError> {
        let mut args = Map::new();
        if let Some(id) = fdset_id {
            args.insert("fdset-id".into(), json!(id));
        }
        if let Some(o) = opaque {
            args.insert("opaque".into(), json!(o));
        }
        let r = self
            .execute_with_fd("add-fd", Some(Value::Object(args)), fd, timeout)
            .await?;
        match (
            r.get("fdset-id").and_then(Value::as_u64),
            r.get("fd").and_then(Value::as_i64),
        ) {
            (Some(set), Some(fd)) => Ok((set, fd)),
            _ => Err(QmpError::Protocol(format!("unexpected add-fd reply: {r}"))),
        }
    }

    /// QMP `closefd`: drops an fd handed over with [`QmpClient::getfd`]
    /// (`qemuMonitorCloseFileHandle`).
    pub async fn closefd(&self, fdname: &str, timeout: Duration) -> Result<(), QmpError> {
        self.execute("closefd", Some(json!({ "fdname": fdname })), timeout)
            .await
            .map(|_| ())
    }

    async fn run(
        &self,
        command: &str,
        arguments: Option<Value>,
        fd: Option<BorrowedFd<'_>>,
        timeout: Duration,
    ) -> Result<Value, QmpError> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = oneshot::channel();
        {
            let mut guard = lock_pending(&self.pending);
            match guard.as_mut() {
                Some(map) => map.insert(id, tx),
                None => return Err(QmpError::Closed),
            };
        }
        let mut msg = Map::new();
        msg.insert("execute".into(), Value::String(command.into()));
        if let Some(args) = arguments {
            msg.insert("arguments".into(), args);
        }
        msg.insert("id".into(), json!(id));
        let mut line = Value::Object(msg).to_string();
        line.push('\n');
        let write = async {
            let mut w = self.writer.lock().await;
            let mut rest = line.as_bytes();
            if let Some(fd) = fd {
                let n = send_with_fd(&w, rest, fd).await?;
                rest = rest.get(n..).unwrap_or_default();
            }
            w.write_all(rest).await
        };
        if let Err(e) = write.await {
            self.forget(id);
            return Err(e.into());
        }
        match tokio::time::timeout(timeout, rx).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(QmpError::Closed),
            Err(_) => {
                self.forget(id);
                Err(QmpError::Timeout(format!("QMP command '{command}'")))
            }
        }
    }

    fn forget(&self, id: u64) {
        if let Some(map) = lock_pending(&self.pending).as_mut() {
            map.remove(&id);
        }
    }
}

async fn read_loop<R: tokio::io::AsyncRead + Unpin>(
    mut reader: LineReader<R>,
    pending: Pending,
    events: broadcast::Sender<QmpEvent>,
) {
    let end = loop {
        let line = match reader.next_line().await {
            Ok(l) => l,
            Err(e) => break e,
        };
        let msg: Value = match serde_json::from_slice(&line) {
            Ok(v) => v,
            Err(e) => {
                tracing::warn!(error = %e, "ignoring malformed QMP line");
                continue;
            }
        };
        if let Some(name) = msg.get("event").and_then(Value::as_str) {
            let ts = msg.get("timestamp");
            let _ = events.send(QmpEvent {
                event: name.to_string(),
                data: msg.get("data").cloned().unwrap_or(Value::Null),
                seconds: ts
                    .and_then(|t| t.get("seconds"))
                    .and_then(Value::as_i64)
                    .unwrap_or(0),
                microseconds: ts
                    .and_then(|t| t.get("microseconds"))
                    .and_then(Value::as_i64)
                    .unwrap_or(0),
            });
            continue;
        }
        let Some(id) = msg.get("id").and_then(Value::as_u64) else {
            tracing::warn!(%msg, "ignoring QMP reply without a known id");
            continue;
        };
        let result = if let Some(ret) = msg.get("return") {
            Ok(ret.clone())
        } else if let Some(err) = msg.get("error") {
            Err(QmpError::from_reply(err))
        } else {
            Err(QmpError::Protocol(format!(
                "reply without return or error: {msg}"
            )))
        };
        let waiter = lock_pending(&pending).as_mut().and_then(|m| m.remove(&id));
        if let Some(tx) = waiter {
            let _ = tx.send(result);
        }
    };
    tracing::debug!(reason = %end, "QMP monitor reader stopped");
    let drained = lock_pending(&pending).take();
    for (_, tx) in drained.into_iter().flatten() {
        let _ = tx.send(Err(end.clone()));
    }
}
