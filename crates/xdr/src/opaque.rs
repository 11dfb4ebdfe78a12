//! Newtypes for XDR opaque data and libvirt's word-per-character `char` arrays.

use bytes::{BufMut, BytesMut};

use crate::bounded::{DecodeBounded, EncodeBounded};
use crate::decoder::Decoder;
use crate::encode::{write_count, write_opaque_fixed, write_opaque_var};
use crate::error::XdrError;
use crate::traits::{Decode, Encode};

/// XDR variable opaque `opaque x<N>`: u32 length, raw bytes, zero padding.
/// Same wire form as `Vec<u8>`; use whichever reads better.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Opaque(pub Vec<u8>);

impl Encode for Opaque {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        self.encode_bounded(u32::MAX, out)
    }
}

impl Decode for Opaque {
    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        Self::decode_bounded(d, u32::MAX)
    }
}

impl EncodeBounded for Opaque {
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError> {
        write_opaque_var(out, &self.0, max)
    }
}

impl DecodeBounded for Opaque {
    fn decode_bounded(d: &mut Decoder<'_>, max: u32) -> Result<Self, XdrError> {
        Ok(Opaque(d.read_opaque_var(max)?.to_vec()))
    }
}

impl From<Vec<u8>> for Opaque {
    fn from(v: Vec<u8>) -> Self {
        Opaque(v)
    }
}

/// XDR fixed opaque `opaque x[N]` (e.g. `remote_uuid`, N = 16): N raw bytes, zero padding.
/// Same wire form as a bare `[u8; N]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FixedOpaque<const N: usize>(pub [u8; N]);

impl<const N: usize> Default for FixedOpaque<N> {
    fn default() -> Self {
        FixedOpaque([0; N])
    }
}

impl<const N: usize> Encode for FixedOpaque<N> {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        write_opaque_fixed(out, &self.0);
        Ok(())
    }
}

impl<const N: usize> Decode for FixedOpaque<N> {
    const XDR_MIN_SIZE: usize = N;

    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        let mut a = [0u8; N];
        a.copy_from_slice(d.read_opaque_fixed(N)?);
        Ok(FixedOpaque(a))
    }
}

/// libvirt's `char x<N>`: u32 count, then **one 4-byte word per character** (rpcgen's
/// `xdr_char`). Bytes are sign-extended on encode (C `char` is signed on libvirt's
/// platforms) and truncated on decode. Used by security model/label and SASL data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Chars(pub Vec<u8>);

fn put_char(out: &mut BytesMut, c: u8) {
    out.put_i32(i32::from(c as i8));
}

impl Encode for Chars {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        self.encode_bounded(u32::MAX, out)
    }
}

impl Decode for Chars {
    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        Self::decode_bounded(d, u32::MAX)
    }
}

impl EncodeBounded for Chars {
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError> {
        write_count(out, self.0.len(), max)?;
        self.0.iter().for_each(|c| put_char(out, *c));
        Ok(())
    }
}

impl DecodeBounded for Chars {
    fn decode_bounded(d: &mut Decoder<'_>, max: u32) -> Result<Self, XdrError> {
        let n = d.read_count(max, 4)?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(d.read_u32()? as u8);
        }
        Ok(Chars(v))
    }
}

impl From<&str> for Chars {
    fn from(s: &str) -> Self {
        Chars(s.as_bytes().to_vec())
    }
}

/// libvirt's fixed `char x[N]`: N words, no count (e.g. `remote_node_get_info_ret.model`,
/// `char[32]` = 128 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CharArray<const N: usize>(pub [u8; N]);

impl<const N: usize> Default for CharArray<N> {
    fn default() -> Self {
        CharArray([0; N])
    }
}

impl<const N: usize> CharArray<N> {
    /// The text up to the first NUL (C string semantics), lossily decoded.
    pub fn to_string_lossy(&self) -> String {
        let end = self.0.iter().position(|c| *c == 0).unwrap_or(N);
        String::from_utf8_lossy(self.0.get(..end).unwrap_or(&[])).into_owned()
    }

    /// Copies `s` in, truncated to N−1 bytes so a terminating NUL always remains (like
    /// libvirt's `virStrcpyStatic`-style fills).
    pub fn from_str_truncated(s: &str) -> Self {
        let mut a = [0u8; N];
        let n = s.len().min(N.saturating_sub(1));
        if let (Some(dst), Some(src)) = (a.get_mut(..n), s.as_bytes().get(..n)) {
            dst.copy_from_slice(src);
        }
        CharArray(a)
    }
}

impl<const N: usize> Encode for CharArray<N> {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        self.0.iter().for_each(|c| put_char(out, *c));
        Ok(())
    }
}

impl<const N: usize> Decode for CharArray<N> {
    const XDR_MIN_SIZE: usize = 4 * N;

    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        let mut a = [0u8; N];
        for c in a.iter_mut() {
            *c = d.read_u32()? as u8;
        }
        Ok(CharArray(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{from_bytes, to_bytes};

    #[test]
    fn chars_take_a_word_each() {
        // NODE_GET_SECURITY_MODEL: model "none\0" = 4 + 5*4 bytes
        let b = to_bytes(&Chars(b"none\0".to_vec()))
            .map(|b| b.to_vec())
            .unwrap_or_default();
        assert_eq!(b.len(), 24);
        assert_eq!(&b[..8], &[0, 0, 0, 5, 0, 0, 0, b'n']);
        assert_eq!(from_bytes::<Chars>(&b), Ok(Chars(b"none\0".to_vec())));
        let neg = to_bytes(&Chars(vec![0xff]))
            .map(|b| b.to_vec())
            .unwrap_or_default();
        assert_eq!(neg, [0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff]);
    }

    #[test]
    fn char_array_is_128_bytes_for_32() {
        let m = CharArray::<32>::from_str_truncated("x86_64");
        let b = to_bytes(&m).map(|b| b.to_vec()).unwrap_or_default();
        assert_eq!(b.len(), 128);
        assert_eq!(
            from_bytes::<CharArray<32>>(&b)
                .map(|c| c.to_string_lossy())
                .as_deref(),
            Ok("x86_64")
        );
    }

    #[test]
    fn opaque_forms() {
        let b = to_bytes(&Opaque(vec![1, 2, 3, 4, 5]))
            .map(|b| b.to_vec())
            .unwrap_or_default();
        assert_eq!(b, [0, 0, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0]);
        let u = FixedOpaque([7u8; 16]);
        let b = to_bytes(&u).map(|b| b.to_vec()).unwrap_or_default();
        assert_eq!(b, [7u8; 16]);
        assert_eq!(from_bytes::<FixedOpaque<16>>(&b), Ok(u));
    }
}
