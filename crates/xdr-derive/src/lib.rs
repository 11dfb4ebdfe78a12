//! `#[derive(Xdr)]`: generates `rvirt_xdr::Encode` and `rvirt_xdr::Decode` for structs,
//! XDR enums and discriminated unions, as rpcgen would encode the matching `.x` types.
//!
//! * structs (named, tuple, unit = `void`): fields in declaration order;
//!   `#[xdr(max = EXPR)]` on a field bounds a string/array/opaque/`Chars` (or an `Option` of one).
//! * enums with only unit variants: XDR `enum` (i32). Values come from `#[xdr(value = N)]`
//!   (alias `discriminant`), an explicit `= N`, or `#[repr(i32)]` implicit numbering.
//! * enums whose variants carry data (or use `#[xdr(discriminant = N)]` / `#[xdr(default)]`):
//!   XDR `union switch (int)`. Each variant is a void arm (unit) or a one-field tuple arm;
//!   one `#[xdr(default)] Other(i32)` variant may catch unknown discriminants.

mod attrs;
mod enums;
mod structs;

use proc_macro::TokenStream;
use syn::{parse_macro_input, Data, DeriveInput};

/// Derives `rvirt_xdr::Encode` and `rvirt_xdr::Decode`.
#[proc_macro_derive(Xdr, attributes(xdr))]
pub fn derive_xdr(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let result = match &input.data {
        Data::Struct(s) => structs::expand(&input, s),
        Data::Enum(e) => enums::expand(&input, e),
        Data::Union(u) => Err(syn::Error::new(
            u.union_token.span,
            "#[derive(Xdr)] does not support Rust unions; use an enum",
        )),
    };
    result.unwrap_or_else(syn::Error::into_compile_error).into()
}
