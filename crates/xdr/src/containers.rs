//! XDR impls for strings, optional pointers, variable and fixed arrays.

use bytes::{BufMut, BytesMut};

use crate::bounded::{DecodeBounded, EncodeBounded};
use crate::decoder::Decoder;
use crate::encode::write_count;
use crate::error::XdrError;
use crate::traits::{Decode, Encode};
use crate::REMOTE_STRING_MAX;

/// `remote_nonnull_string` (`string<REMOTE_STRING_MAX>`).
impl Encode for str {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        self.encode_bounded(REMOTE_STRING_MAX, out)
    }
}

/// `remote_nonnull_string` (`string<REMOTE_STRING_MAX>`).
impl Encode for String {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        self.as_str().encode(out)
    }
}

impl Decode for String {
    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        d.read_string(REMOTE_STRING_MAX)
    }
}

/// Optional data (`T *x`): a u32 flag (1 on encode, any non-zero on decode) then `T`.
impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        match self {
            None => {
                out.put_u32(0);
                Ok(())
            }
            Some(v) => {
                out.put_u32(1);
                v.encode(out)
            }
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        if d.read_bool()? {
            Ok(Some(T::decode(d)?))
        } else {
            Ok(None)
        }
    }
}

impl<T: Encode + ?Sized> Encode for Box<T> {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        (**self).encode(out)
    }
}

impl<T: Decode> Decode for Box<T> {
    const XDR_MIN_SIZE: usize = T::XDR_MIN_SIZE;

    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        T::decode(d).map(Box::new)
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        (**self).encode(out)
    }
}

/// Variable array `T x<>` without a declared bound (count only limited by u32 and input).
impl<T: Encode> Encode for [T] {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        self.encode_bounded(u32::MAX, out)
    }
}

/// Variable array `T x<>` without a declared bound; `Vec<u8>` is variable opaque.
impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        self.as_slice().encode(out)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        Self::decode_bounded(d, u32::MAX)
    }
}

/// Fixed array `T x[N]` (no count); `[u8; N]` is fixed opaque `opaque x[N]`.
impl<T: Encode, const N: usize> Encode for [T; N] {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        T::encode_items(self, out)
    }
}

impl<T: Decode, const N: usize> Decode for [T; N] {
    const XDR_MIN_SIZE: usize = T::XDR_ITEM_MIN_SIZE * N;

    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        let offset = d.position();
        let items = T::decode_items(d, N)?;
        <[T; N]>::try_from(items).map_err(|_| XdrError::Invalid {
            offset,
            type_name: "fixed array",
            reason: "wrong number of items",
        })
    }
}

// ---- bounded forms used by `#[xdr(max = N)]` ----

impl EncodeBounded for str {
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError> {
        crate::encode::write_string(out, self, max)
    }
}

impl EncodeBounded for String {
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError> {
        self.as_str().encode_bounded(max, out)
    }
}

impl DecodeBounded for String {
    fn decode_bounded(d: &mut Decoder<'_>, max: u32) -> Result<Self, XdrError> {
        d.read_string(max)
    }
}

impl<T: Encode> EncodeBounded for [T] {
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError> {
        write_count(out, self.len(), max)?;
        T::encode_items(self, out)
    }
}

impl<T: Encode> EncodeBounded for Vec<T> {
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError> {
        self.as_slice().encode_bounded(max, out)
    }
}

impl<T: Decode> DecodeBounded for Vec<T> {
    fn decode_bounded(d: &mut Decoder<'_>, max: u32) -> Result<Self, XdrError> {
        let n = d.read_count(max, T::XDR_ITEM_MIN_SIZE)?;
        T::decode_items(d, n)
    }
}

/// `remote_string` and other optional bounded data: the bound applies to the pointee.
impl<T: EncodeBounded> EncodeBounded for Option<T> {
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError> {
        match self {
            None => {
                out.put_u32(0);
                Ok(())
            }
            Some(v) => {
                out.put_u32(1);
                v.encode_bounded(max, out)
            }
        }
    }
}

impl<T: DecodeBounded> DecodeBounded for Option<T> {
    fn decode_bounded(d: &mut Decoder<'_>, max: u32) -> Result<Self, XdrError> {
        if d.read_bool()? {
            Ok(Some(T::decode_bounded(d, max)?))
        } else {
            Ok(None)
        }
    }
}

impl<T: EncodeBounded + ?Sized> EncodeBounded for Box<T> {
    fn encode_bounded(&self, max: u32, out: &mut BytesMut) -> Result<(), XdrError> {
        (**self).encode_bounded(max, out)
    }
}

impl<T: DecodeBounded> DecodeBounded for Box<T> {
    fn decode_bounded(d: &mut Decoder<'_>, max: u32) -> Result<Self, XdrError> {
        T::decode_bounded(d, max).map(Box::new)
    }
}

#[cfg(test)]
mod tests {
    use crate::{from_bytes, to_bytes, DecodeBounded, Decoder, EncodeBounded, XdrError};
    use bytes::BytesMut;

    fn enc<T: crate::Encode + ?Sized>(v: &T) -> Vec<u8> {
        to_bytes(v)
            .map(|b| b.to_vec())
            .unwrap_or_else(|e| panic!("encode failed: {e}"))
    }

    #[test]
    fn option_flag() {
        assert_eq!(enc(&None::<u32>), [0, 0, 0, 0]);
        assert_eq!(enc(&Some(7u32)), [0, 0, 0, 1, 0, 0, 0, 7]);
        // go-libvirt sends 0x01000000 as the "present" flag
        assert_eq!(
            from_bytes::<Option<u32>>(&[1, 0, 0, 0, 0, 0, 0, 9]),
            Ok(Some(9))
        );
    }

    #[test]
    fn vec_of_words_and_bytes() {
        assert_eq!(enc(&vec![1u32, 2]), [0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2]);
        assert_eq!(enc(&vec![0xaau8, 0xbb]), [0, 0, 0, 2, 0xaa, 0xbb, 0, 0]);
        assert_eq!(
            from_bytes::<Vec<u8>>(&[0, 0, 0, 1, 9, 0, 0, 0]),
            Ok(vec![9])
        );
    }

    #[test]
    fn fixed_arrays() {
        assert_eq!(enc(&[1u8, 2, 3]), [1, 2, 3, 0]);
        assert_eq!(enc(&[1u8; 16]).len(), 16);
        assert_eq!(enc(&[1i32, -1]), [0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(from_bytes::<[u8; 3]>(&[1, 2, 3, 0]), Ok([1, 2, 3]));
        assert_eq!(
            from_bytes::<[u8; 3]>(&[1, 2, 3]),
            Err(XdrError::UnexpectedEof { offset: 3 })
        );
    }

    #[test]
    fn hostile_count_rejected_before_allocation() {
        let buf = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
        assert_eq!(
            from_bytes::<Vec<u64>>(&buf),
            Err(XdrError::UnexpectedEof { offset: 0 })
        );
        assert_eq!(
            from_bytes::<Vec<String>>(&buf),
            Err(XdrError::UnexpectedEof { offset: 0 })
        );
    }

    #[test]
    fn bounds_apply_both_ways() {
        let v = vec![1u32, 2, 3];
        let mut out = BytesMut::new();
        assert!(matches!(
            v.encode_bounded(2, &mut out),
            Err(XdrError::TooLong { len: 3, max: 2, .. })
        ));
        let bytes = enc(&v);
        let mut d = Decoder::new(&bytes);
        assert!(matches!(
            Vec::<u32>::decode_bounded(&mut d, 2),
            Err(XdrError::TooLong { .. })
        ));
        let s = Some("abcdef".to_string());
        let mut out = BytesMut::new();
        assert!(s.encode_bounded(3, &mut out).is_err());
        let bytes = enc(&s);
        assert_eq!(
            Option::<String>::decode_bounded(&mut Decoder::new(&bytes), 6),
            Ok(s)
        );
    }
}
