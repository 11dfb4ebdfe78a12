//! XDR (RFC 4506) runtime with libvirt's conventions and bound checks.
//!
//! Implements the encoding rules of libvirt's rpcgen-generated `xdr_*` routines (see
//! `wire-protocol.md` §3): 4-byte big-endian units, zero padding, `char`/`short` as full
//! words, optional pointers as a `u32` flag, bounded strings/arrays/opaques.
//!
//! Type mapping:
//!
//! | XDR (`.x`)                    | Rust                                   |
//! |-------------------------------|----------------------------------------|
//! | `int` / `unsigned int` / enum | `i32` / `u32` / `#[derive(Xdr)]` enum  |
//! | `hyper` / `unsigned hyper`    | `i64` / `u64`                          |
//! | `double`                      | `f64`                                  |
//! | `bool`                        | `bool`                                 |
//! | `char` / `unsigned char`      | `i8` / `u8` (one 4-byte word each)     |
//! | `short` / `unsigned short`    | `i16` / `u16` (one 4-byte word each)   |
//! | `string x<N>`                 | `String` + `#[xdr(max = N)]`           |
//! | `opaque x<N>`                 | [`Opaque`] or `Vec<u8>` + `#[xdr(max = N)]` |
//! | `opaque x[N]`                 | `[u8; N]` or [`FixedOpaque<N>`]        |
//! | `char x<N>`                   | [`Chars`] + `#[xdr(max = N)]`          |
//! | `char x[N]`                   | [`CharArray<N>`]                       |
//! | `T x<N>`                      | `Vec<T>` + `#[xdr(max = N)]`           |
//! | `T x[N]`                      | `[T; N]`                               |
//! | `T *x`                        | `Option<T>`                            |
//! | `void`                        | `()` or a unit struct                  |
//!
//! Note: a lone `u8` is libvirt's `unsigned char` (4 bytes on the wire), but **inside** a
//! `Vec<u8>` or `[u8; N]` bytes are packed as opaque data. Use [`Chars`]/[`CharArray`] for
//! `char` arrays, which spend a whole word per character.

extern crate self as rvirt_xdr;

mod bounded;
mod containers;
mod decoder;
mod encode;
mod error;
mod opaque;
mod primitives;
mod traits;

pub use bounded::{DecodeBounded, EncodeBounded};
pub use decoder::Decoder;
pub use encode::{pad_len, write_count, write_opaque_fixed, write_opaque_var, write_string};
pub use error::XdrError;
pub use opaque::{CharArray, Chars, FixedOpaque, Opaque};
pub use rvirt_xdr_derive::Xdr;

#[doc(hidden)]
pub use bytes;
pub use traits::{from_bytes, to_bytes, Decode, Encode};

/// `REMOTE_STRING_MAX` / `VIR_NET_MESSAGE_STRING_MAX`: the default bound of every XDR string.
pub const REMOTE_STRING_MAX: u32 = 4_194_304;
