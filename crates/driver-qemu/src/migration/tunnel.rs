//! Tunnelled migration (`VIR_MIGRATE_TUNNELLED`): QEMU migrates to a UNIX socket; the
//! source daemon pumps what it reads into the PrepareTunnel stream and the destination
//! daemon writes the stream into the incoming QEMU's socket.

use super::op_failed;
use async_trait::async_trait;
use rvirt_core::error::VirResult;
use rvirt_core::stream::{DataStream, StreamChunk, StreamSink};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{UnixListener, UnixStream};

/// Destination: the stream's data goes into QEMU's incoming socket.
struct IncomingSink(Option<UnixStream>);

#[async_trait]
impl StreamSink for IncomingSink {
    async fn send_chunk(&mut self, chunk: StreamChunk) -> VirResult<()> {
        let Some(s) = self.0.as_mut() else {
            return Err(op_failed("migration tunnel is closed"));
        };
        match chunk {
            StreamChunk::Data(b) => s
                .write_all(&b)
                .await
                .map_err(|e| op_failed(format!("cannot write to the migration socket: {e}"))),
            StreamChunk::Hole(_) => Ok(()),
        }
    }

    async fn finish(&mut self) -> VirResult<()> {
        if let Some(mut s) = self.0.take() {
            let _ = s.shutdown().await;
        }
        Ok(())
    }

    async fn abort(&mut self) -> VirResult<()> {
        self.0 = None;
        Ok(())
    }
}

/// Destination: connects to the incoming QEMU's socket and wraps it as a write stream.
pub(crate) async fn incoming_stream(sock: &Path) -> VirResult<DataStream> {
    let mut last = None;
    for _ in 0..100 {
        match UnixStream::connect(sock).await {
            Ok(s) => {
                return Ok(DataStream {
                    source: None,
                    sink: Some(Box::new(IncomingSink(Some(s)))),
                    sparse: false,
                })
            }
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(op_failed(format!(
        "cannot connect to the incoming migration socket {}: {}",
        sock.display(),
        last.map(|e| e.to_string()).unwrap_or_default()
    )))
}

/// Source: a socket QEMU migrates into, pumped into `sink` by a background task.
pub(crate) struct OutgoingPump {
    pub path: PathBuf,
    pub task: tokio::task::JoinHandle<VirResult<u64>>,
}

/// Source: listens on `path` and, once QEMU connects, copies everything into `sink`,
/// finishing the stream at end of data. Resolves to the number of bytes carried.
pub(crate) fn outgoing_pump(
    path: PathBuf,
    mut sink: Box<dyn StreamSink>,
) -> VirResult<OutgoingPump> {
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)
        .map_err(|e| op_failed(format!("cannot listen on {}: {e}", path.display())))?;
    let task = tokio::spawn(async move {
        let r = async {
            let (mut s, _) = listener
                .accept()
                .await
                .map_err(|e| op_failed(format!("migration tunnel accept failed: {e}")))?;
            let mut buf = vec![0u8; 256 * 1024];
            let mut total = 0u64;
            loop {
                let n = s
                    .read(&mut buf)
                    .await
                    .map_err(|e| op_failed(format!("migration tunnel read failed: {e}")))?;
                if n == 0 {
                    break;
                }
                total += n as u64;
                sink.send_chunk(StreamChunk::Data(bytes::Bytes::copy_from_slice(&buf[..n])))
                    .await?;
            }
            sink.finish().await?;
            Ok(total)
        }
        .await;
        if r.is_err() {
            let _ = sink.abort().await;
        }
        r
    });
    Ok(OutgoingPump { path, task })
}
