//! In-memory volume streams for `virStorageVolUpload` / `virStorageVolDownload`.

use async_trait::async_trait;
use bytes::Bytes;
use rvirt_core::error::VirResult;
use rvirt_core::stream::{StreamChunk, StreamSink, StreamSource};
use std::sync::{Arc, Mutex};

/// Receives uploaded bytes and writes them into the volume at `offset` on finish.
pub struct UploadSink {
    pub data: Arc<Mutex<Vec<u8>>>,
    pub offset: usize,
    /// 0 = until the end of the stream.
    pub length: usize,
    pub buf: Vec<u8>,
}

#[async_trait]
impl StreamSink for UploadSink {
    async fn send_chunk(&mut self, chunk: StreamChunk) -> VirResult<()> {
        match chunk {
            StreamChunk::Data(b) => self.buf.extend_from_slice(&b),
            StreamChunk::Hole(n) => {
                let n = usize::try_from(n).unwrap_or(0);
                self.buf.resize(self.buf.len() + n, 0);
            }
        }
        Ok(())
    }

    async fn finish(&mut self) -> VirResult<()> {
        if self.length > 0 && self.buf.len() > self.length {
            self.buf.truncate(self.length);
        }
        let mut data = self.data.lock().unwrap_or_else(|p| p.into_inner());
        let end = self.offset + self.buf.len();
        if data.len() < end {
            data.resize(end, 0);
        }
        data[self.offset..end].copy_from_slice(&self.buf);
        Ok(())
    }

    async fn abort(&mut self) -> VirResult<()> {
        self.buf.clear();
        Ok(())
    }
}

/// Yields a snapshot of volume bytes in chunks.
pub struct DownloadSource {
    pub bytes: Bytes,
    pub pos: usize,
}

/// Chunk size for downloads (libvirt's stream packets carry at most 256 KiB).
const CHUNK: usize = 256 * 1024;

#[async_trait]
impl StreamSource for DownloadSource {
    async fn next_chunk(&mut self) -> VirResult<Option<StreamChunk>> {
        if self.pos >= self.bytes.len() {
            return Ok(None);
        }
        let end = (self.pos + CHUNK).min(self.bytes.len());
        let c = self.bytes.slice(self.pos..end);
        self.pos = end;
        Ok(Some(StreamChunk::Data(c)))
    }
}
