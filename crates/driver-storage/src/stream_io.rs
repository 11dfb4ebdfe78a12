//! The blocking side of volume streams (`virStorageVolUpload`/`Download`): one dedicated I/O
//! thread per stream, fed by (or feeding) a bounded channel, so disk I/O overlaps with the
//! network side instead of paying a thread hand-off per chunk. Downloads read ahead into
//! recycled buffers (no fresh zeroed allocation per chunk); uploads gather contiguous chunks
//! into one large `pwritev`.

use std::fs::File;
use std::io::IoSlice;
use std::os::unix::fs::FileExt;

use bytes::{Bytes, BytesMut};
use rvirt_core::error::VirResult;
use rvirt_core::stream::StreamChunk;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::errors::{internal, system};
use crate::stream::{data_extent, STREAM_CHUNK};

/// Chunks read ahead of the consumer on download.
const READ_AHEAD: usize = 2;
/// Recycled download buffers: read-ahead, the chunk being sent, and one spare.
const BUFFERS: usize = READ_AHEAD + 2;
/// Messages queued to the upload writer before `send_chunk` waits.
const WRITE_QUEUE: usize = 16;
/// Largest single gathered write on upload.
const WRITE_BATCH: usize = 8 << 20;
/// Most buffers in one gathered write (well under `IOV_MAX`).
const WRITE_IOVS: usize = 256;

/// Starts the download reader for `[pos, end)` of `file`; chunks arrive in order on the
/// returned channel, an error ends the stream.
pub(crate) fn spawn_reader(
    file: File,
    pos: u64,
    end: u64,
    sparse: bool,
    path: String,
) -> mpsc::Receiver<VirResult<StreamChunk>> {
    let (tx, rx) = mpsc::channel(READ_AHEAD);
    tokio::task::spawn_blocking(move || {
        let mut ring: Vec<BytesMut> = (0..BUFFERS).map(|_| BytesMut::new()).collect();
        let mut slot = 0;
        let mut pos = pos;
        while pos < end {
            let item = read_one(&file, pos, end, sparse, &path, &mut ring[slot]);
            slot = (slot + 1) % BUFFERS;
            let last = match &item {
                Ok(StreamChunk::Hole(n)) => {
                    pos += n;
                    false
                }
                // The file shrank under us: end the stream where the data ended.
                Ok(StreamChunk::Data(d)) if d.is_empty() => break,
                Ok(StreamChunk::Data(d)) => {
                    pos += d.len() as u64;
                    false
                }
                Err(_) => true,
            };
            if tx.blocking_send(item).is_err() || last {
                break;
            }
        }
    });
    rx
}

/// Reads the chunk at `pos`: a hole (sparse streams) or up to `STREAM_CHUNK` bytes of data
/// into `buf`, reusing its allocation once the previous chunk from it has been dropped.
fn read_one(
    f: &File,
    pos: u64,
    end: u64,
    sparse: bool,
    path: &str,
    buf: &mut BytesMut,
) -> VirResult<StreamChunk> {
    let mut stop = pos.saturating_add(STREAM_CHUNK as u64).min(end);
    if sparse {
        match data_extent(f, pos, end) {
            None => return Ok(StreamChunk::Hole(end - pos)),
            Some((d, _)) if d > pos => return Ok(StreamChunk::Hole(d - pos)),
            Some((_, h)) => stop = stop.min(h),
        }
    }
    let n = usize::try_from(stop - pos).unwrap_or(STREAM_CHUNK);
    if !buf.try_reclaim(n) {
        *buf = BytesMut::with_capacity(STREAM_CHUNK.max(n));
    }
    buf.clear();
    buf.resize(n, 0);
    let mut got = 0;
    while got < n {
        match f.read_at(&mut buf[got..], pos + got as u64) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(system(&e, format_args!("unable to read {path}"))),
        }
    }
    buf.truncate(got);
    Ok(StreamChunk::Data(buf.split().freeze()))
}

/// One unit of work for the upload writer.
pub(crate) enum WriteOp {
    Data(u64, Bytes),
    /// Punch (or zero) `len` bytes at the offset.
    Hole(u64, u64),
}

/// The upload writer thread: queue with [`Writer::send`], collect the outcome with
/// [`Writer::close`].
pub(crate) struct Writer {
    tx: Option<mpsc::Sender<WriteOp>>,
    task: Option<JoinHandle<VirResult<()>>>,
}

impl Writer {
    /// Starts the writer for `file`.
    pub(crate) fn spawn(file: File, path: String) -> Writer {
        let (tx, rx) = mpsc::channel(WRITE_QUEUE);
        let task = tokio::task::spawn_blocking(move || write_loop(&file, &path, rx));
        Writer {
            tx: Some(tx),
            task: Some(task),
        }
    }

    /// Queues `op`; if the writer already failed, returns its error.
    pub(crate) async fn send(&mut self, op: WriteOp) -> VirResult<()> {
        let sent = match &self.tx {
            Some(tx) => tx.send(op).await.is_ok(),
            None => false,
        };
        if sent {
            return Ok(());
        }
        self.close().await?;
        Err(internal("stream writer has stopped"))
    }

    /// Waits until everything queued is written; the first write error, if any.
    pub(crate) async fn close(&mut self) -> VirResult<()> {
        self.tx.take();
        match self.task.take() {
            Some(t) => t
                .await
                .map_err(|e| internal(format!("stream writer failed: {e}")))?,
            None => Ok(()),
        }
    }
}

fn write_loop(f: &File, path: &str, mut rx: mpsc::Receiver<WriteOp>) -> VirResult<()> {
    let mut held: Option<WriteOp> = None;
    loop {
        let op = match held.take() {
            Some(op) => op,
            None => match rx.blocking_recv() {
                Some(op) => op,
                None => return Ok(()),
            },
        };
        match op {
            WriteOp::Hole(pos, len) => punch(f, pos, len, path)?,
            WriteOp::Data(pos, first) => {
                // Gather what is already queued and contiguous into one write.
                let mut end = pos + first.len() as u64;
                let mut bufs = vec![first];
                let mut total = bufs[0].len();
                while total < WRITE_BATCH && bufs.len() < WRITE_IOVS {
                    match rx.try_recv() {
                        Ok(WriteOp::Data(p, d)) if p == end => {
                            end += d.len() as u64;
                            total += d.len();
                            bufs.push(d);
                        }
                        Ok(other) => {
                            held = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                write_gathered(f, pos, &bufs, path)?;
            }
        }
    }
}

/// `pwritev` of `bufs` at `pos`, resuming after short writes.
fn write_gathered(f: &File, mut pos: u64, bufs: &[Bytes], path: &str) -> VirResult<()> {
    let mut idx = 0;
    let mut skip = 0;
    while idx < bufs.len() {
        let iov: Vec<IoSlice<'_>> = std::iter::once(&bufs[idx][skip..])
            .chain(bufs[idx + 1..].iter().map(|b| &b[..]))
            .map(IoSlice::new)
            .collect();
        let mut n = match rustix::io::pwritev(f, &iov, pos) {
            Ok(0) => {
                let e = std::io::Error::from(std::io::ErrorKind::WriteZero);
                return Err(system(&e, format_args!("unable to write {path}")));
            }
            Ok(n) => n,
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => {
                let e = std::io::Error::from(e);
                return Err(system(&e, format_args!("unable to write {path}")));
            }
        };
        pos += n as u64;
        while n > 0 && idx < bufs.len() {
            let left = bufs[idx].len() - skip;
            if n >= left {
                n -= left;
                idx += 1;
                skip = 0;
            } else {
                skip += n;
                n = 0;
            }
        }
    }
    Ok(())
}

/// Makes `[pos, pos+len)` read as zeros without growing the file: a punched hole, or
/// written zeros where punching is unsupported (block devices, old filesystems).
fn punch(f: &File, pos: u64, len: u64, path: &str) -> VirResult<()> {
    use std::io::Seek;
    let mut g = f;
    let size = g
        .seek(std::io::SeekFrom::End(0))
        .map_err(|e| system(&e, format_args!("unable to seek {path}")))?;
    let stop = pos.saturating_add(len).min(size);
    if stop <= pos {
        return Ok(());
    }
    let flags = rustix::fs::FallocateFlags::PUNCH_HOLE | rustix::fs::FallocateFlags::KEEP_SIZE;
    if rustix::fs::fallocate(f, flags, pos, stop - pos).is_ok() {
        return Ok(());
    }
    let zeros = vec![0u8; 1 << 20];
    let mut p = pos;
    while p < stop {
        let k = usize::try_from(stop - p)
            .unwrap_or(usize::MAX)
            .min(zeros.len());
        f.write_all_at(&zeros[..k], p)
            .map_err(|e| system(&e, format_args!("unable to write {path}")))?;
        p += k as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn gathered_writes_and_holes_land_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let f = File::create(&p).unwrap();
        f.set_len(64).unwrap();
        let mut w = Writer::spawn(f, p.display().to_string());
        w.send(WriteOp::Data(0, Bytes::from_static(b"abcd")))
            .await
            .unwrap();
        w.send(WriteOp::Data(4, Bytes::from_static(b"efgh")))
            .await
            .unwrap();
        w.send(WriteOp::Hole(2, 4)).await.unwrap();
        w.send(WriteOp::Data(60, Bytes::from_static(b"wxyz")))
            .await
            .unwrap();
        w.close().await.unwrap();
        let got = std::fs::read(&p).unwrap();
        assert_eq!(&got[..8], b"ab\0\0\0\0gh");
        assert_eq!(&got[60..], b"wxyz");
    }

    #[tokio::test]
    async fn reader_reuses_buffers_and_reports_holes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&p)
            .unwrap();
        let size = 3 * STREAM_CHUNK as u64 + 5;
        f.set_len(size).unwrap();
        f.write_all_at(b"x", size - 1).unwrap();
        let mut rx = spawn_reader(f, 0, size, false, "f".into());
        let mut total = 0u64;
        let mut last = 0u8;
        while let Some(c) = rx.recv().await {
            match c.unwrap() {
                StreamChunk::Data(d) => {
                    total += d.len() as u64;
                    last = *d.last().unwrap();
                }
                StreamChunk::Hole(_) => panic!("hole in a non-sparse stream"),
            }
        }
        assert_eq!(total, size);
        assert_eq!(last, b'x');
    }
}
