//! Bounded encode/decode used for fields with `#[xdr(max = N)]`.

use bytes::BytesMut;

use crate::decoder::Decoder;
use crate::error::XdrError;

/// Encoding of a length-carrying XDR item (`string<N>`, `T<N>`, `opaque<N>`, `char<N>`,
/// or an optional pointer to one) with an explicit maximum.
pub trait EncodeBounded {
    /// Encodes `self`, failing with `TooLong` if its length exceeds `max`.
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError>;
}

/// Decoding of a length-carrying XDR item with an explicit maximum.
pub trait DecodeBounded: Sized {
    /// Decodes a value, failing with `TooLong` if the wire length exceeds `max`.
    fn decode_bounded(d: &mut Decoder<'_>, max: u32) -> Result<Self, XdrError>;
}
