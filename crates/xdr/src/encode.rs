//! Low-level XDR writers shared by the `Encode` impls and the derive.

use bytes::{BufMut, BytesMut};

use crate::error::XdrError;

/// Number of zero bytes that pad `len` bytes of opaque data to a multiple of 4.
pub fn pad_len(len: usize) -> usize {
    (4 - len % 4) % 4
}

/// Writes an array/opaque count after checking it against `max`.
pub fn write_count(out: &mut BytesMut, len: usize, max: u32) -> Result<(), XdrError> {
    match u32::try_from(len) {
        Ok(n) if n <= max => {
            out.put_u32(n);
            Ok(())
        }
        _ => Err(XdrError::TooLong {
            offset: out.len(),
            len: len as u64,
            max: u64::from(max),
        }),
    }
}

/// XDR `opaque x[N]`: the bytes, then zero padding to a multiple of 4.
pub fn write_opaque_fixed(out: &mut BytesMut, data: &[u8]) {
    out.extend_from_slice(data);
    out.put_bytes(0, pad_len(data.len()));
}

/// XDR `opaque x<max>`: u32 length, the bytes, zero padding.
pub fn write_opaque_var(out: &mut BytesMut, data: &[u8], max: u32) -> Result<(), XdrError> {
    write_count(out, data.len(), max)?;
    write_opaque_fixed(out, data);
    Ok(())
}

/// XDR `string x<max>` (no NUL terminator on the wire).
pub fn write_string(out: &mut BytesMut, s: &str, max: u32) -> Result<(), XdrError> {
    write_opaque_var(out, s.as_bytes(), max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_to_four() {
        assert_eq!([0, 1, 2, 3, 4, 5].map(pad_len), [0, 3, 2, 1, 0, 3]);
        let mut out = BytesMut::new();
        write_string(&mut out, "wprtest", 100).ok();
        assert_eq!(&out[..], b"\0\0\0\x07wprtest\0");
    }

    #[test]
    fn over_max_is_an_encode_error() {
        let mut out = BytesMut::new();
        assert_eq!(
            write_opaque_var(&mut out, &[1, 2, 3], 2),
            Err(XdrError::TooLong {
                offset: 0,
                len: 3,
                max: 2
            })
        );
    }
}
