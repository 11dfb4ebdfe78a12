//! The XDR read cursor over a byte slice.

use crate::error::XdrError;

/// A cursor reading XDR items from a byte slice; never reads past the end, never panics.
#[derive(Debug, Clone)]
pub struct Decoder<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Decoder<'a> {
    /// A decoder positioned at the start of `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        Decoder { buf, pos: 0 }
    }

    /// Bytes consumed so far (offset of the next read).
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Bytes left to read.
    pub fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }

    /// The unread rest of the buffer (without consuming it).
    pub fn rest(&self) -> &'a [u8] {
        self.buf.get(self.pos..).unwrap_or(&[])
    }

    /// Consumes exactly `n` raw bytes (no padding).
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], XdrError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|end| *end <= self.buf.len())
            .ok_or(XdrError::UnexpectedEof { offset: self.pos })?;
        let out = self
            .buf
            .get(self.pos..end)
            .ok_or(XdrError::UnexpectedEof { offset: self.pos })?;
        self.pos = end;
        Ok(out)
    }

    fn word(&mut self) -> Result<[u8; 4], XdrError> {
        let b = self.take(4)?;
        let mut w = [0u8; 4];
        w.copy_from_slice(b);
        Ok(w)
    }

    fn dword(&mut self) -> Result<[u8; 8], XdrError> {
        let b = self.take(8)?;
        let mut w = [0u8; 8];
        w.copy_from_slice(b);
        Ok(w)
    }

    /// XDR `unsigned int`.
    pub fn read_u32(&mut self) -> Result<u32, XdrError> {
        Ok(u32::from_be_bytes(self.word()?))
    }

    /// XDR `int`.
    pub fn read_i32(&mut self) -> Result<i32, XdrError> {
        Ok(i32::from_be_bytes(self.word()?))
    }

    /// XDR `unsigned hyper`.
    pub fn read_u64(&mut self) -> Result<u64, XdrError> {
        Ok(u64::from_be_bytes(self.dword()?))
    }

    /// XDR `hyper`.
    pub fn read_i64(&mut self) -> Result<i64, XdrError> {
        Ok(i64::from_be_bytes(self.dword()?))
    }

    /// XDR `double` (IEEE-754 big-endian).
    pub fn read_f64(&mut self) -> Result<f64, XdrError> {
        Ok(f64::from_be_bytes(self.dword()?))
    }

    /// XDR `bool`: like glibc's `xdr_bool`, any non-zero word is `true`.
    pub fn read_bool(&mut self) -> Result<bool, XdrError> {
        Ok(self.read_u32()? != 0)
    }

    /// Skips the zero padding that follows `len` bytes of opaque data (contents not checked,
    /// as glibc does not check them either).
    pub fn skip_padding(&mut self, len: usize) -> Result<(), XdrError> {
        let pad = crate::encode::pad_len(len);
        self.take(pad).map(|_| ())
    }

    /// XDR `opaque x[n]`: `n` raw bytes followed by padding to a multiple of 4.
    pub fn read_opaque_fixed(&mut self, n: usize) -> Result<&'a [u8], XdrError> {
        let data = self.take(n)?;
        self.skip_padding(n)?;
        Ok(data)
    }

    /// Reads an array/opaque count and checks it against `max` and against what the rest of
    /// the input could possibly hold (`min_item_size` bytes per item; 0 disables that check).
    pub fn read_count(&mut self, max: u32, min_item_size: usize) -> Result<usize, XdrError> {
        let offset = self.pos;
        let n = self.read_u32()?;
        if n > max {
            return Err(XdrError::TooLong {
                offset,
                len: u64::from(n),
                max: u64::from(max),
            });
        }
        let n = usize::try_from(n).map_err(|_| XdrError::UnexpectedEof { offset })?;
        if min_item_size > 0 && n.saturating_mul(min_item_size) > self.remaining() {
            return Err(XdrError::UnexpectedEof { offset });
        }
        Ok(n)
    }

    /// XDR `opaque x<max>`: u32 length, bytes, padding. Borrows from the input (no allocation).
    pub fn read_opaque_var(&mut self, max: u32) -> Result<&'a [u8], XdrError> {
        let n = self.read_count(max, 1)?;
        self.read_opaque_fixed(n)
    }

    /// XDR `string x<max>`: like a variable opaque, and the bytes must be UTF-8.
    pub fn read_string(&mut self, max: u32) -> Result<String, XdrError> {
        let offset = self.pos;
        let bytes = self.read_opaque_var(max)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => Err(XdrError::InvalidUtf8 { offset }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_tracks_position() {
        let mut d = Decoder::new(&[0, 0, 0, 7, 0xff, 0xff, 0xff, 0xfe, 1]);
        assert_eq!(d.read_u32(), Ok(7));
        assert_eq!(d.read_i32(), Ok(-2));
        assert_eq!(d.position(), 8);
        assert_eq!(d.remaining(), 1);
        assert_eq!(d.read_u32(), Err(XdrError::UnexpectedEof { offset: 8 }));
    }

    #[test]
    fn bool_accepts_any_nonzero() {
        let mut d = Decoder::new(&[1, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(d.read_bool(), Ok(true));
        assert_eq!(d.read_bool(), Ok(false));
    }

    #[test]
    fn hostile_opaque_length_is_rejected_without_allocating() {
        let mut d = Decoder::new(&[0x7f, 0xff, 0xff, 0xff, 1, 2, 3, 4]);
        assert_eq!(
            d.read_opaque_var(u32::MAX),
            Err(XdrError::UnexpectedEof { offset: 0 })
        );
        let mut d = Decoder::new(&[0, 0, 0, 5, b'h', b'e', b'l', b'l', b'o', 0, 0, 0]);
        assert_eq!(
            d.clone().read_string(4),
            Err(XdrError::TooLong {
                offset: 0,
                len: 5,
                max: 4
            })
        );
        assert_eq!(d.read_string(5).as_deref(), Ok("hello"));
        assert_eq!(d.remaining(), 0);
    }

    #[test]
    fn string_must_be_utf8() {
        let mut d = Decoder::new(&[0, 0, 0, 1, 0xff, 0, 0, 0]);
        assert_eq!(d.read_string(10), Err(XdrError::InvalidUtf8 { offset: 0 }));
    }

    #[test]
    fn missing_padding_is_eof() {
        let mut d = Decoder::new(&[0, 0, 0, 1, b'x']);
        assert_eq!(
            d.read_opaque_var(10),
            Err(XdrError::UnexpectedEof { offset: 5 })
        );
    }
}
