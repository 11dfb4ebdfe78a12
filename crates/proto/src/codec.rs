//! `PacketCodec`: tokio-util framing of libvirt RPC messages (`wire-protocol.md` §2, §2.2).

use bytes::{Buf, BytesMut};
use rvirt_xdr::{Decode, Decoder as XdrDecoder, XdrError};
use tokio_util::codec::{Decoder, Encoder};

use crate::consts::{MIN_FRAME_LEN, VIR_NET_MESSAGE_LEN_MAX, VIR_NET_MESSAGE_MAX};
use crate::header::Header;
use crate::packet::Packet;

/// Why a frame could not be read or written; on any of these the connection is dropped
/// without a reply, as libvirtd does.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The socket failed.
    #[error("I/O error on the RPC connection")]
    Io(#[from] std::io::Error),
    /// The length word is below the header size or above the message limit.
    #[error("packet length {len} out of range (maximum {max} bytes after the length word)")]
    BadLength { len: u32, max: usize },
    /// The 24-byte header could not be decoded.
    #[error("cannot decode the packet header")]
    Header(#[source] XdrError),
    /// An outgoing packet exceeds the message limit.
    #[error("packet of {len} bytes exceeds the maximum message size {max}")]
    TooLarge { len: usize, max: usize },
}

/// Frames [`Packet`]s: a 4-byte big-endian total length, the header, the body.
///
/// Rejects `length < 28` and `length − 4 > max` (default `VIR_NET_MESSAGE_MAX`) before
/// buffering the body, and never reserves more than the validated length.
#[derive(Debug, Clone, Copy)]
pub struct PacketCodec {
    max: usize,
}

impl Default for PacketCodec {
    fn default() -> Self {
        PacketCodec {
            max: VIR_NET_MESSAGE_MAX,
        }
    }
}

impl PacketCodec {
    /// A codec with libvirt's limit (`VIR_NET_MESSAGE_MAX`, 32 MiB after the length word).
    pub fn new() -> Self {
        Self::default()
    }

    /// A codec accepting at most `max` bytes of header + payload per message.
    pub fn with_max(max: usize) -> Self {
        PacketCodec { max }
    }

    /// The header + payload limit.
    pub fn max(&self) -> usize {
        self.max
    }

    /// Validates a length word against the limits.
    pub fn check_length(&self, len: u32) -> Result<usize, FrameError> {
        let n = len as usize;
        if n < MIN_FRAME_LEN || n - VIR_NET_MESSAGE_LEN_MAX > self.max {
            return Err(FrameError::BadLength { len, max: self.max });
        }
        Ok(n)
    }
}

impl Decoder for PacketCodec {
    type Item = Packet;
    type Error = FrameError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Packet>, FrameError> {
        let Some(word) = src.get(..VIR_NET_MESSAGE_LEN_MAX) else {
            return Ok(None);
        };
        let mut w = [0u8; 4];
        w.copy_from_slice(word);
        let len = self.check_length(u32::from_be_bytes(w))?;
        if src.len() < len {
            src.reserve(len - src.len());
            return Ok(None);
        }
        let mut frame = src.split_to(len);
        frame.advance(VIR_NET_MESSAGE_LEN_MAX);
        let header = Header::decode(&mut XdrDecoder::new(&frame)).map_err(FrameError::Header)?;
        frame.advance(crate::consts::VIR_NET_MESSAGE_HEADER_MAX);
        Ok(Some(Packet {
            header,
            body: frame.freeze(),
        }))
    }
}

impl Encoder<&Packet> for PacketCodec {
    type Error = FrameError;

    fn encode(&mut self, p: &Packet, dst: &mut BytesMut) -> Result<(), FrameError> {
        let len = p.wire_len();
        if len - VIR_NET_MESSAGE_LEN_MAX > self.max {
            return Err(FrameError::TooLarge { len, max: self.max });
        }
        p.encode_to(dst);
        Ok(())
    }
}

impl Encoder<Packet> for PacketCodec {
    type Error = FrameError;

    fn encode(&mut self, p: Packet, dst: &mut BytesMut) -> Result<(), FrameError> {
        self.encode(&p, dst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::REMOTE_PROGRAM;
    use crate::header::{MessageStatus, MessageType};

    fn frame(len: u32, extra: &[u8]) -> BytesMut {
        let mut b = BytesMut::new();
        b.extend_from_slice(&len.to_be_bytes());
        b.extend_from_slice(extra);
        b
    }

    #[test]
    fn rejects_short_and_huge_lengths() {
        let mut c = PacketCodec::new();
        assert!(matches!(
            c.decode(&mut frame(8, &[0; 4])),
            Err(FrameError::BadLength { len: 8, .. })
        ));
        assert!(matches!(
            c.decode(&mut frame(3, &[])),
            Err(FrameError::BadLength { .. })
        ));
        assert!(matches!(
            c.decode(&mut frame(0x0300_0000, &[])),
            Err(FrameError::BadLength { .. })
        ));
        // exactly the limit is accepted (just incomplete)
        let mut ok = frame((VIR_NET_MESSAGE_MAX + 4) as u32, &[]);
        assert!(matches!(c.decode(&mut ok), Ok(None)));
        assert!(ok.capacity() <= VIR_NET_MESSAGE_MAX + 4 + 64);
        let mut small = PacketCodec::with_max(100);
        assert!(matches!(
            small.decode(&mut frame(105, &[])),
            Err(FrameError::BadLength { .. })
        ));
    }

    #[test]
    fn waits_for_whole_frame_then_splits() {
        let mut c = PacketCodec::new();
        let p = Packet::reply_ok(&Header::call(REMOTE_PROGRAM, 60, 1), vec![0, 0, 0, 1]);
        let mut wire = BytesMut::new();
        c.encode(&p, &mut wire).unwrap_or_else(|e| panic!("{e}"));
        c.encode(Packet::keepalive_ping(), &mut wire)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut partial = BytesMut::from(&wire[..10]);
        assert!(matches!(c.decode(&mut partial), Ok(None)));
        let first = c.decode(&mut wire).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first.as_ref(), Some(&p));
        let second = c.decode(&mut wire).unwrap_or_else(|e| panic!("{e}"));
        assert!(second.is_some_and(|p| p.is_keepalive_ping()));
        assert!(wire.is_empty());
    }

    #[test]
    fn refuses_to_send_oversized() {
        let mut c = PacketCodec::with_max(30);
        let p = Packet::reply_ok(&Header::call(REMOTE_PROGRAM, 1, 1), vec![0; 8]);
        let mut out = BytesMut::new();
        assert!(matches!(
            c.encode(&p, &mut out),
            Err(FrameError::TooLarge { len: 36, max: 30 })
        ));
        let ok = Packet::new(
            Header {
                kind: MessageType::Reply,
                status: MessageStatus::Ok,
                ..Header::call(1, 1, 1)
            },
            vec![0; 4],
        );
        assert!(c.encode(&ok, &mut out).is_ok());
    }
}
