//! XDR impls for Rust's scalar types, following glibc's `xdr_*` routines.

use bytes::{BufMut, BytesMut};

use crate::decoder::Decoder;
use crate::encode::write_opaque_fixed;
use crate::error::XdrError;
use crate::traits::{Decode, Encode};

macro_rules! word {
    ($($t:ty => $put:ident, $read:ident;)*) => {$(
        impl Encode for $t {
            fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
                out.$put(*self);
                Ok(())
            }
        }
        impl Decode for $t {
            const XDR_MIN_SIZE: usize = std::mem::size_of::<$t>();
            fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
                d.$read()
            }
        }
    )*};
}

word! {
    u32 => put_u32, read_u32;
    i32 => put_i32, read_i32;
    u64 => put_u64, read_u64;
    i64 => put_i64, read_i64;
    f64 => put_f64, read_f64;
}

impl Encode for bool {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        out.put_u32(u32::from(*self));
        Ok(())
    }
}

impl Decode for bool {
    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        d.read_bool()
    }
}

// libvirt's `char`, `short` and their unsigned forms take a full 4-byte word (xdr_char,
// xdr_u_short, ...). Signed types are sign-extended, unsigned zero-extended; decoding
// truncates the word, exactly as glibc does.
macro_rules! small_word {
    ($($t:ty => $wide:ty, $put:ident, $read:ident;)*) => {$(
        impl Encode for $t {
            fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
                out.$put(<$wide>::from(*self));
                Ok(())
            }
        }
        impl Decode for $t {
            fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
                Ok(d.$read()? as $t)
            }
        }
    )*};
}

small_word! {
    i8 => i32, put_i32, read_i32;
    i16 => i32, put_i32, read_i32;
    u16 => u32, put_u32, read_u32;
}

/// `unsigned char`: one word alone, but packed bytes (opaque) inside arrays and vectors.
impl Encode for u8 {
    fn encode(&self, out: &mut BytesMut) -> Result<(), XdrError> {
        out.put_u32(u32::from(*self));
        Ok(())
    }

    fn encode_items(items: &[Self], out: &mut BytesMut) -> Result<(), XdrError> {
        write_opaque_fixed(out, items);
        Ok(())
    }
}

impl Decode for u8 {
    const XDR_ITEM_MIN_SIZE: usize = 1;

    fn decode(d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        Ok(d.read_u32()? as u8)
    }

    fn decode_items(d: &mut Decoder<'_>, n: usize) -> Result<Vec<Self>, XdrError> {
        Ok(d.read_opaque_fixed(n)?.to_vec())
    }
}

/// `void`: nothing on the wire.
impl Encode for () {
    fn encode(&self, _out: &mut BytesMut) -> Result<(), XdrError> {
        Ok(())
    }
}

impl Decode for () {
    const XDR_MIN_SIZE: usize = 0;

    fn decode(_d: &mut Decoder<'_>) -> Result<Self, XdrError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::{from_bytes, to_bytes};

    #[test]
    fn char_and_short_take_a_word() {
        assert_eq!(&to_bytes(&5u8).unwrap_or_default()[..], &[0, 0, 0, 5]);
        assert_eq!(&to_bytes(&-1i8).unwrap_or_default()[..], &[0xff; 4]);
        assert_eq!(
            &to_bytes(&0x1234u16).unwrap_or_default()[..],
            &[0, 0, 0x12, 0x34]
        );
        assert_eq!(
            &to_bytes(&-2i16).unwrap_or_default()[..],
            &[0xff, 0xff, 0xff, 0xfe]
        );
        assert_eq!(from_bytes::<u8>(&[0, 0, 1, 7]), Ok(7));
        assert_eq!(from_bytes::<i16>(&[0xff, 0xff, 0xff, 0xfe]), Ok(-2));
    }

    #[test]
    fn hyper_and_double() {
        assert_eq!(&to_bytes(&-1i64).unwrap_or_default()[..], &[0xff; 8]);
        assert_eq!(
            &to_bytes(&1.5f64).unwrap_or_default()[..],
            &[0x3f, 0xf8, 0, 0, 0, 0, 0, 0]
        );
        assert_eq!(
            from_bytes::<u64>(&[0, 0, 0, 1, 0, 0, 0, 2]),
            Ok((1 << 32) + 2)
        );
        assert_eq!(from_bytes::<bool>(&[0, 1, 0, 0]), Ok(true));
        assert_eq!(&to_bytes(&true).unwrap_or_default()[..], &[0, 0, 0, 1]);
    }

    #[test]
    fn void_is_empty() {
        assert!(to_bytes(&()).unwrap_or_default().is_empty());
        assert_eq!(from_bytes::<()>(&[]), Ok(()));
    }
}
