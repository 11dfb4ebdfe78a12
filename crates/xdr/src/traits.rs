//! The `Encode`/`Decode` traits and whole-buffer helpers.

use bytes::BytesMut;

use crate::decoder::Decoder;
use crate::error::XdrError;

/// A value with an XDR encoding.
pub trait Encode {
    /// Appends the XDR encoding of `self`; fails only for values over their bounds.
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError>;

    /// Encodes a run of items as the body of a fixed or variable array (no count).
    /// `u8` overrides this to pack bytes as opaque data.
    #[doc(hidden)]
    fn encode_items(items: &[Self], out: &mut BytesMut) -> Result<(), XdrError>
    where
        Self: Sized,
    {
        items.iter().try_for_each(|item| item.encode(out))
    }
}

/// A value that can be decoded from XDR.
pub trait Decode: Sized {
    /// Fewest bytes one encoded value can take (used to reject hostile array counts before
    /// allocating). 4 for almost everything; 0 for void.
    const XDR_MIN_SIZE: usize = 4;

    /// Fewest bytes one array item takes (differs from `XDR_MIN_SIZE` only for `u8`,
    /// which is packed as opaque inside arrays).
    #[doc(hidden)]
    const XDR_ITEM_MIN_SIZE: usize = Self::XDR_MIN_SIZE;

    /// Reads one value from `d`.
    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError>;

    /// Decodes `n` items of an array body (the count was already read and validated).
    #[doc(hidden)]
    fn decode_items(d: &mut Decoder<'_>, n: usize) -> Result<Vec<Self>, XdrError> {
        let cap = if Self::XDR_ITEM_MIN_SIZE == 0 {
            n.min(1024)
        } else {
            n.min(d.remaining())
        };
        let mut v = Vec::with_capacity(cap);
        for _ in 0..n {
            v.push(Self::decode(d)?);
        }
        Ok(v)
    }
}

/// Encodes `v` into a fresh buffer.
pub fn to_bytes<T: Encode + ?Sized>(v: &T) -> Result<BytesMut, XdrError> {
    let mut out = BytesMut::new();
    v.encode(&mut out)?;
    Ok(out)
}

/// Decodes a `T` from the start of `b`; trailing bytes are ignored (as libvirtd does).
pub fn from_bytes<T: Decode>(b: &[u8]) -> Result<T, XdrError> {
    T::decode(&mut Decoder::new(b))
}
