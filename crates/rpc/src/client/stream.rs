//! [`ClientStream`]: the client end of a data stream (`virNetClientStream`).

use std::collections::VecDeque;
use std::sync::Mutex;

use bytes::Bytes;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::stream::StreamChunk;
use rvirt_proto::{Header, Packet, StreamHole, LEGACY_PAYLOAD_MAX};
use tokio::sync::mpsc;

use super::engine::Client;
use super::errors::{protocol_error, socket_closed_error};

/// What the I/O task delivers to a stream.
#[derive(Debug)]
pub(crate) enum StreamIncoming {
    Data(Bytes),
    Hole(u64),
    /// Empty STREAM/CONTINUE: the sender has no more data.
    Eof,
    /// STREAM/OK: the answer to our finish or abort.
    Done,
    Error(VirError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Open,
    /// We sent STREAM/OK or STREAM/ERROR and got the answer (or gave up).
    Closed,
}

struct Status {
    state: State,
    eof: bool,
    /// An error the server reported; every later operation returns it.
    failed: Option<VirError>,
}

/// One open stream. Data is sent in frames of at most 262120 bytes (libvirt's chunk size);
/// received data, holes and end-of-file are read with [`ClientStream::recv`]. All methods
/// take `&self`, so one task may receive while another sends (consoles).
///
/// Dropping an unfinished stream aborts it (STREAM/ERROR with an empty body).
pub struct ClientStream {
    client: Client,
    header: Header,
    rx: tokio::sync::Mutex<Receiver>,
    sparse: bool,
    status: Mutex<Status>,
}

struct Receiver {
    rx: mpsc::UnboundedReceiver<StreamIncoming>,
    /// Frames read ahead while checking for a server-side error.
    ahead: VecDeque<StreamIncoming>,
}

impl std::fmt::Debug for ClientStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientStream")
            .field("proc", &self.header.proc_)
            .field("serial", &self.header.serial)
            .field("sparse", &self.sparse)
            .finish()
    }
}

fn invalid_stream(detail: &str) -> VirError {
    VirError::new(ErrorCode::InvalidStream, ErrorDomain::Streams, detail)
}

impl ClientStream {
    pub(crate) fn new(
        client: Client,
        header: Header,
        rx: mpsc::UnboundedReceiver<StreamIncoming>,
        sparse: bool,
    ) -> Self {
        ClientStream {
            client,
            header,
            rx: tokio::sync::Mutex::new(Receiver {
                rx,
                ahead: VecDeque::new(),
            }),
            sparse,
            status: Mutex::new(Status {
                state: State::Open,
                eof: false,
                failed: None,
            }),
        }
    }

    /// The serial (and procedure) of the call that opened the stream.
    pub fn header(&self) -> Header {
        self.header
    }

    /// Whether the stream was opened with the sparse flag.
    pub fn is_sparse(&self) -> bool {
        self.sparse
    }

    fn with_status<T>(&self, f: impl FnOnce(&mut Status) -> T) -> T {
        match self.status.lock() {
            Ok(mut g) => f(&mut g),
            Err(p) => f(&mut p.into_inner()),
        }
    }

    fn fail(&self, e: &VirError) {
        self.with_status(|s| {
            s.failed.get_or_insert_with(|| e.clone());
            s.state = State::Closed;
        });
    }

    /// Moves anything already received into `ahead`, remembering a server error. Skipped
    /// while another task is receiving (it will see the error itself).
    fn drain_ready(&self) {
        let Ok(mut r) = self.rx.try_lock() else {
            return;
        };
        while let Ok(item) = r.rx.try_recv() {
            match item {
                StreamIncoming::Error(e) => self.fail(&e),
                other => r.ahead.push_back(other),
            }
        }
    }

    fn check_open(&self) -> VirResult<()> {
        self.drain_ready();
        self.with_status(|s| {
            if let Some(e) = &s.failed {
                return Err(e.clone());
            }
            if s.state != State::Open {
                return Err(invalid_stream("stream is closed"));
            }
            Ok(())
        })
    }

    /// `virStreamSend`: sends `data` as STREAM/CONTINUE frames of at most 262120 bytes.
    pub async fn send(&self, data: Bytes) -> VirResult<()> {
        let mut data = data;
        while !data.is_empty() {
            self.check_open()?;
            let n = data.len().min(LEGACY_PAYLOAD_MAX);
            let chunk = data.split_to(n);
            self.client
                .send_packet(Packet::stream_data(&self.header, chunk))
                .await?;
        }
        Ok(())
    }

    /// `virStreamSendHole`: tells the receiver that the next `length` bytes are a hole.
    pub async fn send_hole(&self, length: u64) -> VirResult<()> {
        self.check_open()?;
        if !self.sparse {
            return Err(invalid_stream("Unexpected stream hole"));
        }
        let length = i64::try_from(length)
            .map_err(|_| VirError::invalid_arg(ErrorDomain::Streams, "hole too large"))?;
        self.client
            .send_packet(Packet::stream_hole(
                &self.header,
                StreamHole { length, flags: 0 },
            ))
            .await
    }

    /// Sends one [`StreamChunk`] (data or hole).
    pub async fn send_chunk(&self, chunk: StreamChunk) -> VirResult<()> {
        match chunk {
            StreamChunk::Data(d) => self.send(d).await,
            StreamChunk::Hole(n) => self.send_hole(n).await,
        }
    }

    async fn next_item(&self) -> Option<StreamIncoming> {
        let mut r = self.rx.lock().await;
        if let Some(i) = r.ahead.pop_front() {
            return Some(i);
        }
        r.rx.recv().await
    }

    fn lost(&self) -> VirError {
        self.client
            .close_reason()
            .unwrap_or_else(socket_closed_error)
    }

    /// `virStreamRecv` / `virStreamRecvHole`: the next chunk, or `None` at end of stream.
    pub async fn recv(&self) -> VirResult<Option<StreamChunk>> {
        let done = self.with_status(|s| match &s.failed {
            Some(e) => Some(Err(e.clone())),
            None if s.eof => Some(Ok(None)),
            None => None,
        });
        if let Some(r) = done {
            return r;
        }
        match self.next_item().await {
            Some(StreamIncoming::Data(d)) => Ok(Some(StreamChunk::Data(d))),
            Some(StreamIncoming::Hole(n)) => {
                if self.sparse {
                    Ok(Some(StreamChunk::Hole(n)))
                } else {
                    let e = protocol_error("Unexpected stream hole");
                    self.fail(&e);
                    Err(e)
                }
            }
            Some(StreamIncoming::Eof) => {
                self.with_status(|s| s.eof = true);
                Ok(None)
            }
            Some(StreamIncoming::Done) => {
                self.with_status(|s| {
                    s.eof = true;
                    s.state = State::Closed;
                });
                Ok(None)
            }
            Some(StreamIncoming::Error(e)) => {
                self.fail(&e);
                Err(e)
            }
            None => {
                let e = self.lost();
                self.fail(&e);
                Err(e)
            }
        }
    }

    /// Waits for the server's STREAM/OK (or error) after we finished/aborted.
    async fn wait_done(&self) -> VirResult<()> {
        loop {
            match self.next_item().await {
                Some(StreamIncoming::Done) => return Ok(()),
                Some(StreamIncoming::Error(e)) => return Err(e),
                // data still in flight (downloads, consoles) is dropped
                Some(_) => continue,
                None => return Err(self.lost()),
            }
        }
    }

    /// `virStreamFinish`: sends STREAM/OK and waits for the server to confirm the operation.
    pub async fn finish(&self) -> VirResult<()> {
        self.check_open()?;
        self.with_status(|s| s.state = State::Closed);
        self.client
            .send_packet(Packet::stream_finish(&self.header))
            .await?;
        let r = self.wait_done().await;
        if let Err(e) = &r {
            self.fail(e);
        }
        r
    }

    /// `virStreamAbort`: sends STREAM/ERROR (empty) and waits for the server's answer.
    pub async fn abort(&self) -> VirResult<()> {
        self.drain_ready();
        let open = self.with_status(|s| {
            let open = s.state == State::Open && s.failed.is_none();
            s.state = State::Closed;
            open
        });
        if !open {
            // the server already ended the stream; nothing to abort
            return Ok(());
        }
        self.client
            .send_packet(Packet::stream_abort(&self.header))
            .await?;
        self.wait_done().await
    }
}

impl Drop for ClientStream {
    fn drop(&mut self) {
        let open = self.with_status(|s| s.state == State::Open && s.failed.is_none());
        if open {
            self.client
                .send_packet_nowait(Packet::stream_abort(&self.header));
        }
        self.client.forget_stream(self.header.serial);
    }
}
