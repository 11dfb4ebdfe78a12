//! Encoding call arguments and decoding replies field by field: an XDR struct is the
//! concatenation of its fields, so `args!(dom, flags)` is exactly `remote_…_args`.

use bytes::{Bytes, BytesMut};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_xdr::{Decode, Decoder, Encode, XdrError};

/// Encodes each value in order into one call body; `?` on failure.
macro_rules! args {
    () => { ::bytes::Bytes::new() };
    ($($v:expr),+ $(,)?) => {{
        let mut __b = ::bytes::BytesMut::new();
        $( $crate::remote::wire::put(&mut __b, &$v)?; )+
        __b.freeze()
    }};
}
pub(crate) use args;

/// Appends one XDR value.
pub(crate) fn put<T: Encode + ?Sized>(out: &mut BytesMut, v: &T) -> VirResult<()> {
    v.encode(out).map_err(|e| enc_error(&e))
}

fn enc_error(e: &XdrError) -> VirError {
    tracing::debug!(error = %e, "cannot encode call arguments");
    VirError::raw(
        ErrorCode::Rpc,
        ErrorDomain::Rpc,
        "Unable to encode message payload",
    )
}

fn dec_error(e: &XdrError) -> VirError {
    tracing::debug!(error = %e, "cannot decode reply");
    VirError::raw(
        ErrorCode::Rpc,
        ErrorDomain::Rpc,
        "Unable to decode message payload",
    )
}

/// A reply body read field by field.
pub(crate) struct Ret {
    body: Bytes,
    pos: usize,
}

impl Ret {
    pub(crate) fn new(body: Bytes) -> Self {
        Ret { body, pos: 0 }
    }

    /// The next field.
    pub(crate) fn get<T: Decode>(&mut self) -> VirResult<T> {
        let rest = self.body.get(self.pos..).unwrap_or_default();
        let mut d = Decoder::new(rest);
        let v = T::decode(&mut d).map_err(|e| dec_error(&e))?;
        self.pos += d.position();
        Ok(v)
    }

    /// The next `int` field as a boolean (non-zero = true).
    pub(crate) fn flag(&mut self) -> VirResult<bool> {
        Ok(self.get::<i32>()? != 0)
    }
}
