//! Decode entry points shared by the cargo-fuzz targets (`fuzz/`) and the random-input tests.
//!
//! Each function feeds arbitrary bytes to decoders and checks round-trip invariants. They
//! never panic; a broken invariant is reported as `Err` (the fuzz targets turn it into a
//! crash, the tests into a failure).

use bytes::BytesMut;
use rvirt_xdr::{from_bytes, to_bytes, CharArray, Chars, Decode, Encode, Opaque, Xdr};
use tokio_util::codec::{Decoder, Encoder};

use crate::codec::PacketCodec;
use crate::header::Header;
use crate::remote_error::RemoteError;
use crate::stream::StreamHole;
use rvirt_core::{DomainRef, NetworkRef};

/// A struct mixing hypers, fixed opaque, bounded strings and a bool.
#[derive(Xdr, Debug, PartialEq)]
struct Mixed {
    hypers: Vec<u64>,
    uuid: [u8; 16],
    #[xdr(max = 8)]
    name: Option<String>,
    flag: bool,
}

/// Decodes `T` from `data`; if that works, checks encode → decode gives the same value.
/// Returns whether `data` decoded.
fn round_trip<T: Encode + Decode + PartialEq + std::fmt::Debug>(
    data: &[u8],
) -> Result<bool, String> {
    let Ok(v) = from_bytes::<T>(data) else {
        return Ok(false);
    };
    let bytes = to_bytes(&v).map_err(|e| {
        format!(
            "{}: decoded value does not re-encode: {e}",
            std::any::type_name::<T>()
        )
    })?;
    match from_bytes::<T>(&bytes) {
        Ok(back) if back == v => Ok(true),
        other => Err(format!(
            "{}: round trip changed {v:?} into {other:?}",
            std::any::type_name::<T>()
        )),
    }
}

/// Decodes a range of protocol and XDR types from `data`. Returns how many decoded.
pub fn xdr_decode(data: &[u8]) -> Result<usize, String> {
    let results = [
        round_trip::<Header>(data)?,
        round_trip::<RemoteError>(data)?,
        round_trip::<StreamHole>(data)?,
        round_trip::<DomainRef>(data)?,
        round_trip::<Option<NetworkRef>>(data)?,
        round_trip::<Vec<String>>(data)?,
        round_trip::<Vec<DomainRef>>(data)?,
        round_trip::<Opaque>(data)?,
        round_trip::<Chars>(data)?,
        round_trip::<CharArray<32>>(data)?,
        round_trip::<Mixed>(data)?,
        round_trip::<Vec<Option<i16>>>(data)?,
    ];
    Ok(results.iter().filter(|ok| **ok).count())
}

/// Runs `data` through [`PacketCodec`] until it stops; every decoded frame must re-encode to
/// the same bytes, and ERROR bodies are decoded as [`RemoteError`]. Returns the frame count.
pub fn packet_decode(data: &[u8]) -> Result<usize, String> {
    let mut codec = PacketCodec::new();
    let mut buf = BytesMut::from(data);
    let mut frames = 0;
    loop {
        let before = buf.clone();
        let packet = match codec.decode(&mut buf) {
            Ok(Some(p)) => p,
            Ok(None) | Err(_) => return Ok(frames),
        };
        frames += 1;
        let consumed = before.len() - buf.len();
        let mut out = BytesMut::new();
        codec
            .encode(&packet, &mut out)
            .map_err(|e| format!("decoded packet does not re-encode: {e}"))?;
        if before.get(..consumed) != Some(&out[..]) {
            return Err(format!("frame {frames} re-encodes differently"));
        }
        // ERROR bodies are remote_error; decode every body that way to stress the decoder.
        let _ = round_trip::<RemoteError>(&packet.body)?;
    }
}
