//! Maps an RPC [`ClientStream`] onto the driver-level [`DataStream`] (source + sink).

use std::sync::Arc;

use async_trait::async_trait;
use rvirt_core::error::VirResult;
use rvirt_core::stream::{DataStream, StreamChunk, StreamSink, StreamSource};
use rvirt_rpc::client::ClientStream;

struct Source(Arc<ClientStream>);
struct Sink(Arc<ClientStream>);

#[async_trait]
impl StreamSource for Source {
    async fn next_chunk(&mut self) -> VirResult<Option<StreamChunk>> {
        self.0.recv().await
    }
}

#[async_trait]
impl StreamSink for Sink {
    async fn send_chunk(&mut self, chunk: StreamChunk) -> VirResult<()> {
        self.0.send_chunk(chunk).await
    }
    async fn finish(&mut self) -> VirResult<()> {
        self.0.finish().await
    }
    async fn abort(&mut self) -> VirResult<()> {
        self.0.abort().await
    }
}

/// Which directions a stream carries data in.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Direction {
    /// Server → client (downloads, screenshots): a source, plus a sink used only to
    /// finish/abort after end of file.
    Read,
    /// Client → server (uploads).
    Write,
    /// Both (consoles, channels).
    Both,
}

/// Wraps `s` as a [`DataStream`]. Every stream gets a sink, because finishing or aborting
/// goes through it even for downloads (virsh sends STREAM/OK after EOF).
pub(crate) fn data_stream(s: ClientStream, dir: Direction) -> DataStream {
    let sparse = s.is_sparse();
    let s = Arc::new(s);
    let source: Option<Box<dyn StreamSource>> = match dir {
        Direction::Read | Direction::Both => Some(Box::new(Source(Arc::clone(&s)))),
        Direction::Write => None,
    };
    DataStream {
        source,
        sink: Some(Box::new(Sink(s))),
        sparse,
    }
}
