//! The QEMU guest agent client (`org.qemu.guest_agent.0` over a virtio-serial channel).
//!
//! The agent has no greeting and may hold stale output from an earlier user, so every
//! exchange first resynchronises with `guest-sync-delimited` and a fresh random id, as
//! libvirt does; commands are serialised (the agent handles one at a time).

use crate::error::QmpError;
use crate::lines::LineReader;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::io::AsyncWriteExt;
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::UnixStream;
use tokio::sync::Mutex;

struct Channel {
    reader: LineReader<OwnedReadHalf>,
    writer: OwnedWriteHalf,
}

/// A guest-agent connection; reconnects on demand after a failure.
pub struct AgentClient {
    path: PathBuf,
    chan: Mutex<Option<Channel>>,
}

fn sync_id() -> u64 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    (now as u64 ^ u64::from(std::process::id()).rotate_left(32)) & 0x7fff_ffff_ffff
}

impl AgentClient {
    /// A client for the agent socket at `path` (connected lazily).
    pub fn new(path: &Path) -> Self {
        AgentClient {
            path: path.to_path_buf(),
            chan: Mutex::new(None),
        }
    }

    /// Runs one agent command (`guest-*`) and returns its `return` value.
    ///
    /// `timeout` bounds the whole exchange; on timeout the channel is dropped so a late
    /// reply cannot be mistaken for the next command's.
    pub async fn execute(
        &self,
        command: &str,
        arguments: Option<Value>,
        timeout: Duration,
    ) -> Result<Value, QmpError> {
        let mut guard = self.chan.lock().await;
        let res = tokio::time::timeout(timeout, async {
            if guard.is_none() {
                let s = UnixStream::connect(&self.path)
                    .await
                    .map_err(|e| QmpError::Connect {
                        path: self.path.display().to_string(),
                        reason: e.to_string(),
                    })?;
                let (r, w) = s.into_split();
                *guard = Some(Channel {
                    reader: LineReader::new(r),
                    writer: w,
                });
            }
            let chan = guard.as_mut().ok_or(QmpError::Closed)?;
            Self::sync(chan).await?;
            Self::run(chan, command, arguments).await
        })
        .await;
        match res {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => {
                if !matches!(e, QmpError::Command { .. }) {
                    *guard = None;
                }
                Err(e)
            }
            Err(_) => {
                *guard = None;
                Err(QmpError::Timeout(format!(
                    "guest agent command '{command}'"
                )))
            }
        }
    }

    async fn sync(chan: &mut Channel) -> Result<(), QmpError> {
        let id = sync_id();
        let mut msg = vec![0xFFu8];
        msg.extend_from_slice(
            json!({"execute": "guest-sync-delimited", "arguments": {"id": id}})
                .to_string()
                .as_bytes(),
        );
        msg.push(b'\n');
        chan.writer.write_all(&msg).await?;
        loop {
            let line = chan.reader.next_line().await?;
            let Ok(v) = serde_json::from_slice::<Value>(&line) else {
                continue;
            };
            if v.get("return").and_then(Value::as_u64) == Some(id) {
                return Ok(());
            }
        }
    }

    async fn run(
        chan: &mut Channel,
        command: &str,
        arguments: Option<Value>,
    ) -> Result<Value, QmpError> {
        let mut m = Map::new();
        m.insert("execute".into(), Value::String(command.into()));
        if let Some(a) = arguments {
            m.insert("arguments".into(), a);
        }
        let mut line = Value::Object(m).to_string();
        line.push('\n');
        chan.writer.write_all(line.as_bytes()).await?;
        // Commands that never answer (guest-shutdown) are the caller's to time out.
        loop {
            let line = chan.reader.next_line().await?;
            let v: Value =
                serde_json::from_slice(&line).map_err(|e| QmpError::Malformed(e.to_string()))?;
            if let Some(r) = v.get("return") {
                return Ok(r.clone());
            }
            if let Some(err) = v.get("error") {
                return Err(QmpError::from_reply(err));
            }
        }
    }
}
