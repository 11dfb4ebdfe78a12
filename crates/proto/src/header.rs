//! `virNetMessageHeader`: the 24-byte header of every message.

use rvirt_xdr::Xdr;

/// `virNetMessageType`. Unknown values decode to `Other` so the receiver can answer them.
#[derive(Xdr, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageType {
    /// `VIR_NET_CALL`: client → server request.
    #[xdr(discriminant = 0)]
    Call,
    /// `VIR_NET_REPLY`: server → client answer.
    #[xdr(discriminant = 1)]
    Reply,
    /// `VIR_NET_MESSAGE`: async message (events, keepalive).
    #[xdr(discriminant = 2)]
    Message,
    /// `VIR_NET_STREAM`: stream data.
    #[xdr(discriminant = 3)]
    Stream,
    /// `VIR_NET_CALL_WITH_FDS`.
    #[xdr(discriminant = 4)]
    CallWithFds,
    /// `VIR_NET_REPLY_WITH_FDS`.
    #[xdr(discriminant = 5)]
    ReplyWithFds,
    /// `VIR_NET_STREAM_HOLE`.
    #[xdr(discriminant = 6)]
    StreamHole,
    /// Any other value seen on the wire.
    #[xdr(default)]
    Other(i32),
}

impl MessageType {
    /// The numeric wire value.
    pub fn number(self) -> i32 {
        match self {
            MessageType::Call => 0,
            MessageType::Reply => 1,
            MessageType::Message => 2,
            MessageType::Stream => 3,
            MessageType::CallWithFds => 4,
            MessageType::ReplyWithFds => 5,
            MessageType::StreamHole => 6,
            MessageType::Other(n) => n,
        }
    }
}

/// `virNetMessageStatus`. Unknown values decode to `Other` (libvirtd answers a CALL with a
/// bad status with "Unexpected message status N").
#[derive(Xdr, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageStatus {
    /// `VIR_NET_OK`.
    #[xdr(discriminant = 0)]
    Ok,
    /// `VIR_NET_ERROR`: the body is a `remote_error`.
    #[xdr(discriminant = 1)]
    Error,
    /// `VIR_NET_CONTINUE`: stream data follows.
    #[xdr(discriminant = 2)]
    Continue,
    /// Any other value seen on the wire.
    #[xdr(default)]
    Other(i32),
}

impl MessageStatus {
    /// The numeric wire value.
    pub fn number(self) -> i32 {
        match self {
            MessageStatus::Ok => 0,
            MessageStatus::Error => 1,
            MessageStatus::Continue => 2,
            MessageStatus::Other(n) => n,
        }
    }
}

/// `virNetMessageHeader` (prog, vers, proc, type, serial, status).
#[derive(Xdr, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Header {
    pub prog: u32,
    pub vers: u32,
    pub proc_: i32,
    pub kind: MessageType,
    pub serial: u32,
    pub status: MessageStatus,
}

impl Header {
    /// A CALL header (status OK) for `prog`/`proc_` with version 1.
    pub fn call(prog: u32, proc_: i32, serial: u32) -> Self {
        Header {
            prog,
            vers: 1,
            proc_,
            kind: MessageType::Call,
            serial,
            status: MessageStatus::Ok,
        }
    }

    /// The header of a reply to this call: same prog/vers/proc/serial, type REPLY.
    pub fn reply(&self, status: MessageStatus) -> Self {
        Header {
            kind: MessageType::Reply,
            status,
            ..*self
        }
    }

    /// A header for a frame of the same stream (same prog/vers/proc/serial).
    pub fn with(&self, kind: MessageType, status: MessageStatus) -> Self {
        Header {
            kind,
            status,
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_xdr::{from_bytes, to_bytes};

    #[test]
    fn unknown_type_and_status_survive() {
        let raw = [
            0x20, 0, 0x80, 0x86, 0, 0, 0, 1, 0, 0, 0, 0x42, 0, 0, 0, 9, 0, 0, 0, 3, 0, 0, 0, 7,
        ];
        let h: Header = from_bytes(&raw).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(h.kind, MessageType::Other(9));
        assert_eq!(h.status, MessageStatus::Other(7));
        assert_eq!(h.kind.number(), 9);
        assert_eq!(to_bytes(&h).map(|b| b.to_vec()).ok(), Some(raw.to_vec()));
    }

    #[test]
    fn reply_copies_call_identity() {
        let c = Header::call(0x2000_8086, 273, 6);
        let r = c.reply(MessageStatus::Ok);
        assert_eq!(
            (r.prog, r.vers, r.proc_, r.serial),
            (0x2000_8086, 1, 273, 6)
        );
        assert_eq!(r.kind, MessageType::Reply);
    }
}
