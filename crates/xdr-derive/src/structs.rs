//! Code generation for structs (named, tuple and unit).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{DataStruct, DeriveInput, Fields};

use crate::attrs;

/// Encode/decode expressions for one field.
pub struct FieldCode {
    /// Statement encoding `access` (an expression of type `&FieldTy`).
    pub encode: TokenStream,
    /// Expression decoding the field from `d`.
    pub decode: TokenStream,
    /// Expression for the field's minimal wire size.
    pub min_size: TokenStream,
}

/// Code for one field, given an expression that yields a reference to it.
pub fn field_code(field: &syn::Field, access: &TokenStream) -> syn::Result<FieldCode> {
    let fa = attrs::field(&field.attrs)?;
    let ty = &field.ty;
    Ok(match fa.max {
        Some(max) => FieldCode {
            encode: quote! {
                ::rvirt_xdr::EncodeBounded::encode_bounded(#access, (#max) as u32, out)?;
            },
            decode: quote! {
                <#ty as ::rvirt_xdr::DecodeBounded>::decode_bounded(d, (#max) as u32)?
            },
            min_size: quote! { 4usize },
        },
        None => FieldCode {
            encode: quote! { ::rvirt_xdr::Encode::encode(#access, out)?; },
            decode: quote! { <#ty as ::rvirt_xdr::Decode>::decode(d)? },
            min_size: quote! { <#ty as ::rvirt_xdr::Decode>::XDR_MIN_SIZE },
        },
    })
}

pub fn expand(input: &DeriveInput, data: &DataStruct) -> syn::Result<TokenStream> {
    attrs::none(&input.attrs)?;
    let name = &input.ident;
    let (impl_g, ty_g, where_g) = input.generics.split_for_impl();

    let mut encodes = Vec::new();
    let mut lets = Vec::new();
    let mut mins = Vec::new();
    let mut vars = Vec::new();
    for (i, f) in data.fields.iter().enumerate() {
        let access = match &f.ident {
            Some(id) => quote! { &self.#id },
            None => {
                let idx = syn::Index::from(i);
                quote! { &self.#idx }
            }
        };
        let code = field_code(f, &access)?;
        let var = format_ident!("__f{}", i);
        let dec = code.decode;
        encodes.push(code.encode);
        lets.push(quote! { let #var = #dec; });
        mins.push(code.min_size);
        vars.push(var);
    }
    let construct = match &data.fields {
        Fields::Named(named) => {
            let names = named.named.iter().filter_map(|f| f.ident.as_ref());
            quote! { Self { #(#names: #vars),* } }
        }
        Fields::Unnamed(_) => quote! { Self(#(#vars),*) },
        Fields::Unit => quote! { Self },
    };

    Ok(quote! {
        #[automatically_derived]
        #[allow(unused_parens, clippy::unnecessary_cast, clippy::cast_possible_truncation)]
        impl #impl_g ::rvirt_xdr::Encode for #name #ty_g #where_g {
            fn encode(
                &self,
                out: &mut ::rvirt_xdr::bytes::BytesMut,
            ) -> ::core::result::Result<(), ::rvirt_xdr::XdrError> {
                let _ = &out;
                #(#encodes)*
                ::core::result::Result::Ok(())
            }
        }

        #[automatically_derived]
        #[allow(unused_parens, clippy::unnecessary_cast, clippy::cast_possible_truncation)]
        impl #impl_g ::rvirt_xdr::Decode for #name #ty_g #where_g {
            const XDR_MIN_SIZE: usize = 0usize #(+ #mins)*;

            fn decode(
                d: &mut ::rvirt_xdr::Decoder<'_>,
            ) -> ::core::result::Result<Self, ::rvirt_xdr::XdrError> {
                let _ = &d;
                #(#lets)*
                ::core::result::Result::Ok(#construct)
            }
        }
    })
}
