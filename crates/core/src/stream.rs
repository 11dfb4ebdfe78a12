//! Data streams (`virStream`): volume upload/download, consoles, screenshots.

use crate::error::VirResult;
use async_trait::async_trait;
use bytes::Bytes;

/// One unit of stream data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamChunk {
    Data(Bytes),
    /// A hole of this many bytes (sparse streams only).
    Hole(u64),
}

/// The reading side of a stream, as the driver produces data (downloads, console output).
#[async_trait]
pub trait StreamSource: Send {
    /// The next chunk; `None` at end of stream.
    async fn next_chunk(&mut self) -> VirResult<Option<StreamChunk>>;
}

/// The writing side of a stream, as the driver consumes data (uploads, console input).
#[async_trait]
pub trait StreamSink: Send {
    async fn send_chunk(&mut self, chunk: StreamChunk) -> VirResult<()>;
    /// The sender finished (`virStreamFinish`): complete the operation.
    async fn finish(&mut self) -> VirResult<()>;
    /// The sender gave up (`virStreamAbort`): undo what can be undone.
    async fn abort(&mut self) -> VirResult<()>;
}

/// A stream opened by a driver: a source, a sink, or both (consoles).
pub struct DataStream {
    pub source: Option<Box<dyn StreamSource>>,
    pub sink: Option<Box<dyn StreamSink>>,
    /// Whether the stream was opened sparse (holes allowed).
    pub sparse: bool,
}

impl std::fmt::Debug for DataStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataStream")
            .field("source", &self.source.is_some())
            .field("sink", &self.sink.is_some())
            .field("sparse", &self.sparse)
            .finish()
    }
}
