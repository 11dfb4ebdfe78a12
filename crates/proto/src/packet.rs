//! `virNetMessage`: one framed message (header + body) and constructors for the frames
//! libvirt's server and client send.

use bytes::{BufMut, Bytes, BytesMut};
use rvirt_core::error::VirError;
use rvirt_xdr::{Decode, Decoder, Encode, XdrError};

use crate::codec::FrameError;
use crate::consts::*;
use crate::header::{Header, MessageStatus, MessageType};
use crate::remote_error::RemoteError;
use crate::stream::StreamHole;

/// One RPC message: the decoded 24-byte header and the raw payload after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet {
    pub header: Header,
    pub body: Bytes,
}

fn error_body(err: &VirError) -> Bytes {
    // RemoteError::from clamps every string, so encoding cannot fail; an empty body is the
    // (unreachable) fallback rather than a panic.
    rvirt_xdr::to_bytes(&RemoteError::from(err))
        .map(BytesMut::freeze)
        .unwrap_or_default()
}

impl Packet {
    /// A packet from a header and an already encoded body.
    pub fn new(header: Header, body: impl Into<Bytes>) -> Self {
        Packet {
            header,
            body: body.into(),
        }
    }

    /// A packet whose body is the XDR encoding of `body`.
    pub fn with_body<T: Encode + ?Sized>(header: Header, body: &T) -> Result<Self, XdrError> {
        Ok(Packet {
            header,
            body: rvirt_xdr::to_bytes(body)?.freeze(),
        })
    }

    /// Decodes the body as `T` (trailing bytes ignored, as libvirtd does).
    pub fn decode_body<T: Decode>(&self) -> Result<T, XdrError> {
        T::decode(&mut Decoder::new(&self.body))
    }

    /// Successful REPLY to `call` (same prog/vers/proc/serial, status OK).
    pub fn reply_ok(call: &Header, body: impl Into<Bytes>) -> Self {
        Packet::new(call.reply(MessageStatus::Ok), body)
    }

    /// ERROR REPLY to `call` carrying `err` as a `remote_error` body.
    pub fn reply_error(call: &Header, err: &VirError) -> Self {
        Packet::new(call.reply(MessageStatus::Error), error_body(err))
    }

    /// An event MESSAGE (version 1, serial 1, status OK, as libvirtd sends them).
    pub fn event(prog: u32, proc_: i32, body: impl Into<Bytes>) -> Self {
        let header = Header {
            prog,
            vers: 1,
            proc_,
            kind: MessageType::Message,
            serial: 1,
            status: MessageStatus::Ok,
        };
        Packet::new(header, body)
    }

    fn keepalive(proc_: i32) -> Self {
        let header = Header {
            prog: KEEPALIVE_PROGRAM,
            vers: KEEPALIVE_PROTOCOL_VERSION,
            proc_,
            kind: MessageType::Message,
            serial: 0,
            status: MessageStatus::Ok,
        };
        Packet::new(header, Bytes::new())
    }

    /// `KEEPALIVE_PROC_PING` (MESSAGE, serial 0, empty).
    pub fn keepalive_ping() -> Self {
        Packet::keepalive(KEEPALIVE_PROC_PING)
    }

    /// `KEEPALIVE_PROC_PONG` (MESSAGE, serial 0, empty).
    pub fn keepalive_pong() -> Self {
        Packet::keepalive(KEEPALIVE_PROC_PONG)
    }

    /// Whether this is a keepalive PING.
    pub fn is_keepalive_ping(&self) -> bool {
        self.header.prog == KEEPALIVE_PROGRAM
            && self.header.proc_ == KEEPALIVE_PROC_PING
            && self.header.kind == MessageType::Message
    }

    /// STREAM/CONTINUE data frame for the stream opened by `stream` (empty data = EOF).
    pub fn stream_data(stream: &Header, data: impl Into<Bytes>) -> Self {
        Packet::new(
            stream.with(MessageType::Stream, MessageStatus::Continue),
            data,
        )
    }

    /// STREAM_HOLE/CONTINUE frame carrying `hole`.
    pub fn stream_hole(stream: &Header, hole: StreamHole) -> Self {
        let mut body = BytesMut::with_capacity(12);
        body.put_i64(hole.length);
        body.put_u32(hole.flags);
        Packet::new(
            stream.with(MessageType::StreamHole, MessageStatus::Continue),
            body.freeze(),
        )
    }

    /// STREAM/OK with empty payload: finish (or the answer to a finish/abort).
    pub fn stream_finish(stream: &Header) -> Self {
        Packet::new(
            stream.with(MessageType::Stream, MessageStatus::Ok),
            Bytes::new(),
        )
    }

    /// STREAM/ERROR with empty payload: a client abort.
    pub fn stream_abort(stream: &Header) -> Self {
        Packet::new(
            stream.with(MessageType::Stream, MessageStatus::Error),
            Bytes::new(),
        )
    }

    /// STREAM/ERROR carrying `err`: a failed stream.
    pub fn stream_error(stream: &Header, err: &VirError) -> Self {
        Packet::new(
            stream.with(MessageType::Stream, MessageStatus::Error),
            error_body(err),
        )
    }

    /// Total bytes on the wire, length word included.
    pub fn wire_len(&self) -> usize {
        MIN_FRAME_LEN + self.body.len()
    }

    /// Appends the complete frame (length word, header, body) without a size check; use
    /// [`crate::PacketCodec`] to enforce the message limit.
    pub fn encode_to(&self, out: &mut BytesMut) {
        let h = &self.header;
        out.reserve(self.wire_len());
        out.put_u32(u32::try_from(self.wire_len()).unwrap_or(u32::MAX));
        out.put_u32(h.prog);
        out.put_u32(h.vers);
        out.put_i32(h.proc_);
        out.put_i32(h.kind.number());
        out.put_u32(h.serial);
        out.put_i32(h.status.number());
        out.extend_from_slice(&self.body);
    }

    /// The complete frame as bytes (see [`Packet::encode_to`]).
    pub fn to_frame(&self) -> Bytes {
        let mut out = BytesMut::new();
        self.encode_to(&mut out);
        out.freeze()
    }

    /// Parses one complete frame (length word included); the length word must match.
    pub fn from_frame(frame: Bytes) -> Result<Self, FrameError> {
        let mut d = Decoder::new(&frame);
        let len = d.read_u32().map_err(|_| FrameError::BadLength {
            len: 0,
            max: frame.len(),
        })?;
        if len as usize != frame.len() || frame.len() < MIN_FRAME_LEN {
            return Err(FrameError::BadLength {
                len,
                max: frame.len(),
            });
        }
        let header = Header::decode(&mut d).map_err(FrameError::Header)?;
        Ok(Packet {
            header,
            body: frame.slice(MIN_FRAME_LEN..),
        })
    }
}

/// Splits the fd count off a CALL_WITH_FDS/REPLY_WITH_FDS body: a u32 (at most
/// `VIR_NET_MESSAGE_NUM_FDS_MAX`) precedes the normal args/ret.
pub fn decode_num_fds(body: &Bytes) -> Result<(u32, Bytes), XdrError> {
    let mut d = Decoder::new(body);
    let offset = d.position();
    let n = d.read_u32()?;
    if n > NUM_FDS_MAX {
        return Err(XdrError::TooLong {
            offset,
            len: u64::from(n),
            max: u64::from(NUM_FDS_MAX),
        });
    }
    Ok((n, body.slice(d.position()..)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_core::error::{ErrorCode, ErrorDomain};

    #[test]
    fn keepalive_frames_match_spec() {
        let ping = Packet::keepalive_ping().to_frame();
        assert_eq!(
            &ping[..],
            &[
                0, 0, 0, 0x1c, 0x6b, 0x65, 0x65, 0x70, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0,
                0, 0, 0, 0, 0
            ]
        );
        assert!(Packet::keepalive_ping().is_keepalive_ping());
        assert!(!Packet::keepalive_pong().is_keepalive_ping());
        assert_eq!(Packet::keepalive_pong().header.proc_, KEEPALIVE_PROC_PONG);
    }

    #[test]
    fn error_reply_round_trips() {
        let call = Header::call(REMOTE_PROGRAM, 23, 6);
        let err = VirError::new(ErrorCode::NoDomain, ErrorDomain::Qemu, "no domain");
        let p = Packet::reply_error(&call, &err);
        assert_eq!(p.header.status, MessageStatus::Error);
        let back: RemoteError = p.decode_body().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(VirError::from(back), err);
        assert_eq!(Packet::from_frame(p.to_frame()).ok(), Some(p));
    }

    #[test]
    fn event_and_stream_headers() {
        let ev = Packet::event(REMOTE_PROGRAM, 318, Bytes::from_static(&[0, 0, 0, 1]));
        assert_eq!(
            (ev.header.kind, ev.header.serial, ev.header.status),
            (MessageType::Message, 1, MessageStatus::Ok)
        );
        let call = Header::call(REMOTE_PROGRAM, 208, 10);
        let hole = Packet::stream_hole(
            &call,
            StreamHole {
                length: 0x1e7000,
                flags: 0,
            },
        );
        assert_eq!(hole.to_frame().len(), 40);
        assert_eq!(
            hole.decode_body::<StreamHole>(),
            Ok(StreamHole {
                length: 0x1e7000,
                flags: 0
            })
        );
        assert_eq!(
            Packet::stream_finish(&call).header.status,
            MessageStatus::Ok
        );
        assert_eq!(Packet::stream_abort(&call).header.kind, MessageType::Stream);
    }

    #[test]
    fn num_fds_prefix() {
        let body = Bytes::from_static(&[0, 0, 0, 2, 0xaa, 0xbb, 0xcc, 0xdd]);
        assert_eq!(
            decode_num_fds(&body),
            Ok((2, Bytes::from_static(&[0xaa, 0xbb, 0xcc, 0xdd])))
        );
        let bad = Bytes::from_static(&[0, 0, 0, 33]);
        assert!(decode_num_fds(&bad).is_err());
    }
}
