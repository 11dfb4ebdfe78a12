//! Volume upload/download streams (`virStorageVolUpload`/`Download`): file I/O runs on
//! one dedicated thread per stream (see `stream_io`); sparse streams turn holes into `StreamChunk::Hole` on download
//! (SEEK_DATA/SEEK_HOLE) and into punched holes on upload.

use std::fs::File;
use std::sync::Arc;

use async_trait::async_trait;
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::event::{Event, EventBus, StoragePoolEventKind};
use rvirt_core::handle::StorageVolRef;
use rvirt_core::stream::{DataStream, StreamChunk, StreamSink, StreamSource};

use crate::backend::for_type;
use crate::driver::StorageDriverImpl;
use crate::errors::{internal, no_support, system, vol_in_use, DOM};
use crate::fsutil::open_nofollow;
use crate::pool_obj::PoolObj;
use crate::stream_io::{spawn_reader, WriteOp, Writer};
use tokio::sync::mpsc;

/// Bytes read per download chunk (the RPC layer splits it into wire-sized frames).
pub const STREAM_CHUNK: usize = 4 << 20;

/// `VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM` / `VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM`.
const SPARSE: u32 = 1;

/// The next data extent at or after `pos` and before `end`: (data start, hole start).
/// `None` when only a hole remains; all data when the filesystem cannot tell.
pub(crate) fn data_extent(f: &File, pos: u64, end: u64) -> Option<(u64, u64)> {
    use rustix::fs::{seek, SeekFrom};
    let data = match seek(f, SeekFrom::Data(pos)) {
        Ok(d) => d,
        Err(rustix::io::Errno::NXIO) => return None,
        Err(_) => return Some((pos, end)),
    };
    if data >= end {
        return None;
    }
    let hole = seek(f, SeekFrom::Hole(data)).unwrap_or(end).min(end);
    Some((data, hole.max(data)))
}

/// Keeps a volume marked in use while a stream is open.
struct BusyGuard {
    obj: Arc<PoolObj>,
    name: String,
}

impl Drop for BusyGuard {
    fn drop(&mut self) {
        self.obj.mark_busy(&self.name, -1);
    }
}

fn size_of(f: &File) -> std::io::Result<u64> {
    use std::io::Seek;
    let mut g = f;
    g.seek(std::io::SeekFrom::End(0))
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> VirResult<T> + Send + 'static,
) -> VirResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| internal(format!("blocking task failed: {e}")))?
}

/// Download side: chunks produced by the stream's reader thread.
struct FileSource {
    rx: mpsc::Receiver<VirResult<StreamChunk>>,
    _guard: BusyGuard,
}

#[async_trait]
impl StreamSource for FileSource {
    async fn next_chunk(&mut self) -> VirResult<Option<StreamChunk>> {
        self.rx.recv().await.transpose()
    }
}

/// Upload side: chunks handed to the stream's writer thread.
struct FileSink {
    writer: Writer,
    file: Arc<File>,
    pos: u64,
    /// One past the last byte the client may write (`offset + length`), if limited.
    limit: Option<u64>,
    sparse: bool,
    path: String,
    obj: Arc<PoolObj>,
    vol: String,
    events: EventBus,
    guard: Option<BusyGuard>,
}

impl FileSink {
    fn check_limit(&self, n: u64) -> VirResult<()> {
        match self.limit {
            Some(l) if self.pos + n > l => Err(VirError::new(
                ErrorCode::OperationFailed,
                DOM,
                "stream received more data than the requested length",
            )),
            _ => Ok(()),
        }
    }

    /// Re-reads the volume once the upload is complete (libvirt refreshes the pool).
    async fn refresh_volume(&mut self) {
        self.guard.take();
        let mut st = self.obj.state.lock().await;
        let def = st.def.clone();
        if let (Ok(b), Some(v)) = (for_type(def.pool_type), st.vol_mut(&self.vol)) {
            if v.vol_type == "file" {
                v.format_type = None;
            }
            if let Err(e) = b.refresh_vol(&def, v).await {
                tracing::warn!("cannot refresh volume '{}': {}", self.vol, e.message);
            }
        }
        drop(st);
        self.events.publish(Event::StoragePool {
            pool: self.obj.handle(),
            kind: StoragePoolEventKind::Refresh,
        });
    }
}

#[async_trait]
impl StreamSink for FileSink {
    async fn send_chunk(&mut self, chunk: StreamChunk) -> VirResult<()> {
        match chunk {
            StreamChunk::Data(d) => {
                let n = d.len() as u64;
                self.check_limit(n)?;
                if n > 0 {
                    self.writer.send(WriteOp::Data(self.pos, d)).await?;
                }
                self.pos += n;
            }
            StreamChunk::Hole(n) => {
                if !self.sparse {
                    return Err(VirError::new(
                        ErrorCode::InvalidArg,
                        DOM,
                        "Unexpected stream hole",
                    ));
                }
                self.check_limit(n)?;
                self.writer.send(WriteOp::Hole(self.pos, n)).await?;
                self.pos += n;
            }
        }
        Ok(())
    }

    async fn finish(&mut self) -> VirResult<()> {
        self.writer.close().await?;
        let (f, pos, path) = (self.file.clone(), self.pos, self.path.clone());
        blocking(move || {
            let md = f
                .metadata()
                .map_err(|e| system(&e, format_args!("unable to stat {path}")))?;
            if md.is_file() && md.len() < pos {
                f.set_len(pos)
                    .map_err(|e| system(&e, format_args!("unable to extend {path}")))?;
            }
            Ok(())
        })
        .await?;
        self.refresh_volume().await;
        Ok(())
    }

    async fn abort(&mut self) -> VirResult<()> {
        if let Err(e) = self.writer.close().await {
            tracing::debug!("aborted upload of '{}': {}", self.vol, e.message);
        }
        self.refresh_volume().await;
        Ok(())
    }
}

impl StorageDriverImpl {
    async fn stream_target(&self, vref: &StorageVolRef) -> VirResult<(Arc<PoolObj>, String)> {
        let (obj, vol) = self.vol_ctx(vref).await?;
        let backend = {
            let st = obj.state.lock().await;
            for_type(st.def.pool_type)?
        };
        if !backend.local_volumes() {
            return Err(no_support("storage pool doesn't support volume download"));
        }
        let path = vol
            .target_path
            .ok_or_else(|| internal(format!("volume '{}' has no path", vref.name)))?;
        Ok((obj, path))
    }

    pub(crate) async fn vol_download_impl(
        &self,
        vref: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        VirError::check_flags(DOM, flags, SPARSE, "storageVolDownload")?;
        let (obj, path) = self.stream_target(vref).await?;
        let p = path.clone();
        let (file, size) = blocking(move || {
            let f = open_nofollow(std::path::Path::new(&p), false)
                .map_err(|e| system(&e, format_args!("Unable to open {p}")))?;
            let size = size_of(&f).map_err(|e| system(&e, format_args!("Unable to seek {p}")))?;
            Ok((f, size))
        })
        .await?;
        let end = if length == 0 {
            size
        } else {
            offset.saturating_add(length).min(size)
        };
        obj.mark_busy(&vref.name, 1);
        let guard = BusyGuard {
            obj,
            name: vref.name.clone(),
        };
        let sparse = flags & SPARSE != 0;
        Ok(DataStream {
            source: Some(Box::new(FileSource {
                rx: spawn_reader(file, offset.min(end), end, sparse, path),
                _guard: guard,
            })),
            sink: None,
            sparse,
        })
    }

    pub(crate) async fn vol_upload_impl(
        &self,
        vref: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        VirError::check_flags(DOM, flags, SPARSE, "storageVolUpload")?;
        let (obj, path) = self.stream_target(vref).await?;
        if obj.is_busy(&vref.name) {
            return Err(vol_in_use(&vref.name));
        }
        let p = path.clone();
        let file = blocking(move || {
            open_nofollow(std::path::Path::new(&p), true)
                .map_err(|e| system(&e, format_args!("Unable to open {p}")))
        })
        .await?;
        obj.mark_busy(&vref.name, 1);
        let guard = BusyGuard {
            obj: obj.clone(),
            name: vref.name.clone(),
        };
        let sparse = flags & SPARSE != 0;
        let file = Arc::new(file);
        let writer_file = file
            .try_clone()
            .map_err(|e| system(&e, format_args!("Unable to open {path}")))?;
        Ok(DataStream {
            source: None,
            sink: Some(Box::new(FileSink {
                writer: Writer::spawn(writer_file, path.clone()),
                file,
                pos: offset,
                limit: (length > 0).then(|| offset.saturating_add(length)),
                sparse,
                path,
                obj,
                vol: vref.name.clone(),
                events: self.events.clone(),
                guard: Some(guard),
            })),
            sparse,
        })
    }
}
