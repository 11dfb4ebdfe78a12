//! `virNetStreamHole`: the body of a STREAM_HOLE frame (`wire-protocol.md` §10.3).

use rvirt_xdr::Xdr;

/// `virNetStreamHole { hyper length; unsigned int flags; }` (12 bytes).
#[derive(Xdr, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StreamHole {
    /// Size of the hole in bytes.
    pub length: i64,
    /// Always 0 today.
    pub flags: u32,
}
