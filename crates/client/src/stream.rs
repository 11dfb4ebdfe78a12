//! [`Stream`]: a data stream (`virStreamPtr`) from any driver.

use bytes::Bytes;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::stream::{DataStream, StreamChunk};

fn no_direction(what: &str) -> VirError {
    VirError::new(
        ErrorCode::InvalidStream,
        ErrorDomain::Streams,
        format!("stream cannot {what}"),
    )
}

/// A data stream (`virStreamPtr`): volume upload/download, console, screenshot.
///
/// Uploads: [`Stream::send`] then [`Stream::finish`]. Downloads: [`Stream::recv`] until
/// `None` (or [`Stream::recv_all`]), then [`Stream::finish`].
pub struct Stream {
    data: DataStream,
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream").field("data", &self.data).finish()
    }
}

impl Stream {
    /// Wraps a driver stream.
    pub fn new(data: DataStream) -> Self {
        Stream { data }
    }

    /// Whether holes may be sent/received (`VIR_STREAM_…_SPARSE`).
    pub fn is_sparse(&self) -> bool {
        self.data.sparse
    }

    /// `virStreamSend`: sends all of `data`.
    pub async fn send(&mut self, data: impl Into<Bytes>) -> VirResult<()> {
        let sink = self
            .data
            .sink
            .as_mut()
            .ok_or_else(|| no_direction("send"))?;
        sink.send_chunk(StreamChunk::Data(data.into())).await
    }

    /// `virStreamSendHole`: the next `length` bytes are a hole (sparse streams only).
    pub async fn send_hole(&mut self, length: u64) -> VirResult<()> {
        let sink = self
            .data
            .sink
            .as_mut()
            .ok_or_else(|| no_direction("send"))?;
        sink.send_chunk(StreamChunk::Hole(length)).await
    }

    /// `virStreamRecvFlags`: the next chunk of data or hole, `None` at end of stream.
    pub async fn recv(&mut self) -> VirResult<Option<StreamChunk>> {
        let src = self
            .data
            .source
            .as_mut()
            .ok_or_else(|| no_direction("receive"))?;
        src.next_chunk().await
    }

    /// Receives until end of stream; holes become zero bytes.
    pub async fn recv_all(&mut self) -> VirResult<Vec<u8>> {
        let mut out = Vec::new();
        while let Some(c) = self.recv().await? {
            match c {
                StreamChunk::Data(d) => out.extend_from_slice(&d),
                StreamChunk::Hole(n) => {
                    let n = usize::try_from(n).map_err(|_| {
                        VirError::new(ErrorCode::Overflow, ErrorDomain::Streams, "hole too large")
                    })?;
                    out.resize(out.len() + n, 0);
                }
            }
        }
        Ok(out)
    }

    /// `virStreamFinish`: completes the transfer and waits for the other side to confirm.
    pub async fn finish(&mut self) -> VirResult<()> {
        match self.data.sink.as_mut() {
            Some(s) => s.finish().await,
            None => Ok(()),
        }
    }

    /// `virStreamAbort`: cancels the transfer.
    pub async fn abort(&mut self) -> VirResult<()> {
        match self.data.sink.as_mut() {
            Some(s) => s.abort().await,
            None => Ok(()),
        }
    }

    /// The underlying driver stream.
    pub fn into_inner(self) -> DataStream {
        self.data
    }
}
