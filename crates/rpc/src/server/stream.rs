//! Data streams of one connection (`wire-protocol.md` §10): client STREAM frames are routed
//! by serial to the stream the CALL opened; a pump sends driver data with at most
//! [`SEND_WINDOW`] outgoing frames queued per stream.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_core::stream::{DataStream, StreamChunk, StreamSink, StreamSource};
use rvirt_proto::{Header, Packet, StreamHole, LEGACY_PAYLOAD_MAX};
use tokio::sync::{mpsc, oneshot, OwnedSemaphorePermit};
use tokio::task::AbortHandle;

use super::client::Client;

/// A client frame for a stream; the permit keeps the frame counted against
/// `max_client_requests` until it has been handled.
pub(crate) enum StreamInput {
    Data(Bytes, Option<OwnedSemaphorePermit>),
    Hole(u64, Option<OwnedSemaphorePermit>),
    Finish,
    Abort,
}

/// Open streams of one connection, by serial.
#[derive(Default)]
pub(crate) struct Streams {
    map: Mutex<HashMap<u32, mpsc::Sender<StreamInput>>>,
}

impl Streams {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u32, mpsc::Sender<StreamInput>>> {
        match self.map.lock() {
            Ok(m) => m,
            Err(p) => p.into_inner(),
        }
    }

    /// The input channel of the stream opened by `serial`, if any.
    pub(crate) fn get(&self, serial: u32) -> Option<mpsc::Sender<StreamInput>> {
        self.lock().get(&serial).cloned()
    }

    fn remove(&self, serial: u32) {
        self.lock().remove(&serial);
    }

    /// Forgets every stream (connection closed): their controllers abort.
    pub(crate) fn clear(&self) {
        self.lock().clear();
    }

    /// Registers `stream` under `call`'s serial (before the REPLY is queued) and starts its
    /// controller and pump; `reply` is queued first so data never precedes it.
    pub(crate) fn open(
        self: &Arc<Self>,
        client: &Arc<Client>,
        call: Header,
        reply: Packet,
        stream: DataStream,
    ) {
        let (tx, rx) = mpsc::channel(8);
        self.lock().insert(call.serial, tx);
        client.send(reply);
        let DataStream {
            source,
            sink,
            sparse,
        } = stream;
        let pump = source.map(|src| {
            tokio::spawn(pump(
                Arc::clone(self),
                Arc::clone(client),
                call,
                src,
                sparse,
            ))
            .abort_handle()
        });
        tokio::spawn(control(
            Arc::clone(self),
            Arc::clone(client),
            call,
            rx,
            sink,
            sparse,
            pump,
        ));
    }
}

fn stream_err(msg: &str) -> VirError {
    VirError::raw(ErrorCode::Rpc, ErrorDomain::Streams, msg)
}

/// Frames a pump may have queued but not yet written: enough that reading the next chunk
/// overlaps writing the previous ones (one frame in flight left the socket idle while the
/// source was read; 4 × 256 KiB keeps memory per stream bounded at 1 MiB).
const SEND_WINDOW: usize = 4;

/// Waits until fewer than [`SEND_WINDOW`] of the pump's frames are queued; `false` when
/// the connection has gone.
async fn wait_window(acks: &mut VecDeque<oneshot::Receiver<()>>, limit: usize) -> bool {
    while acks.len() >= limit.max(1) {
        let Some(oldest) = acks.pop_front() else {
            break;
        };
        if oldest.await.is_err() {
            return false;
        }
    }
    true
}

/// Sends the driver's data to the client, a bounded window of frames in flight.
async fn pump(
    streams: Arc<Streams>,
    client: Arc<Client>,
    call: Header,
    mut src: Box<dyn StreamSource>,
    sparse: bool,
) {
    let mut acks = VecDeque::with_capacity(SEND_WINDOW);
    loop {
        match src.next_chunk().await {
            Ok(Some(StreamChunk::Data(data))) => {
                let mut off = 0;
                while off < data.len() {
                    let end = (off + LEGACY_PAYLOAD_MAX).min(data.len());
                    let Some(ack) =
                        client.send_acked(Packet::stream_data(&call, data.slice(off..end)))
                    else {
                        return;
                    };
                    acks.push_back(ack);
                    if !wait_window(&mut acks, SEND_WINDOW).await {
                        return;
                    }
                    off = end;
                }
            }
            Ok(Some(StreamChunk::Hole(len))) => {
                if !sparse {
                    fail(
                        &streams,
                        &client,
                        &call,
                        &stream_err("Unexpected stream hole"),
                    );
                    return;
                }
                let hole = StreamHole {
                    length: i64::try_from(len).unwrap_or(i64::MAX),
                    flags: 0,
                };
                let Some(ack) = client.send_acked(Packet::stream_hole(&call, hole)) else {
                    return;
                };
                acks.push_back(ack);
                if !wait_window(&mut acks, SEND_WINDOW).await {
                    return;
                }
            }
            Ok(None) => {
                // empty STREAM/CONTINUE = end of data; the client answers with STREAM/OK
                client.send(Packet::stream_data(&call, Bytes::new()));
                return;
            }
            Err(e) => {
                fail(&streams, &client, &call, &e);
                return;
            }
        }
    }
}

fn fail(streams: &Streams, client: &Client, call: &Header, err: &VirError) {
    tracing::debug!(serial = call.serial, error = %err, "stream failed");
    streams.remove(call.serial);
    client.send(Packet::stream_error(call, err));
}

/// Handles the client's frames for one stream: data into the sink, finish and abort.
async fn control(
    streams: Arc<Streams>,
    client: Arc<Client>,
    call: Header,
    mut rx: mpsc::Receiver<StreamInput>,
    mut sink: Option<Box<dyn StreamSink>>,
    sparse: bool,
    pump: Option<AbortHandle>,
) {
    let stop_pump = |p: &Option<AbortHandle>| {
        if let Some(p) = p {
            p.abort();
        }
    };
    while let Some(input) = rx.recv().await {
        match input {
            StreamInput::Data(data, _permit) => {
                if let Some(s) = sink.as_mut() {
                    if let Err(e) = s.send_chunk(StreamChunk::Data(data)).await {
                        stop_pump(&pump);
                        let _ = s.abort().await;
                        fail(&streams, &client, &call, &e);
                        return;
                    }
                }
            }
            StreamInput::Hole(len, _permit) => {
                let res = match (sink.as_mut(), sparse) {
                    (_, false) => Err(stream_err("Unexpected stream hole")),
                    (Some(s), true) => s.send_chunk(StreamChunk::Hole(len)).await,
                    (None, true) => Ok(()),
                };
                if let Err(e) = res {
                    stop_pump(&pump);
                    if let Some(s) = sink.as_mut() {
                        let _ = s.abort().await;
                    }
                    fail(&streams, &client, &call, &e);
                    return;
                }
            }
            StreamInput::Finish | StreamInput::Abort => {
                let finish = matches!(input, StreamInput::Finish);
                stop_pump(&pump);
                streams.remove(call.serial);
                let res = match sink.as_mut() {
                    Some(s) if finish => s.finish().await,
                    Some(s) => s.abort().await,
                    None => Ok(()),
                };
                match res {
                    Ok(()) => client.send(Packet::stream_finish(&call)),
                    Err(e) => client.send(Packet::stream_error(&call, &e)),
                };
                return;
            }
        }
    }
    // channel closed: connection gone or the pump failed
    stop_pump(&pump);
    if let Some(s) = sink.as_mut() {
        let _ = s.abort().await;
    }
}
