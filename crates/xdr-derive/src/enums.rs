//! Code generation for XDR enums (unit variants) and discriminated unions.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{DataEnum, DeriveInput, Fields, Variant};

use crate::attrs;
use crate::structs::field_code;

enum Arm {
    /// A known discriminant value with a void arm (`None`) or a one-field arm.
    Case {
        value: TokenStream,
        field: Option<Box<syn::Field>>,
    },
    /// The catch-all carrying the unknown discriminant.
    Default,
}

fn arm(v: &Variant, repr_i32: bool, all_unit: bool) -> syn::Result<Arm> {
    let va = attrs::variant(&v.attrs)?;
    let ident = &v.ident;
    if va.default {
        let ok = matches!(&v.fields, Fields::Unnamed(u) if u.unnamed.len() == 1);
        if !ok || va.value.is_some() {
            return Err(syn::Error::new_spanned(
                v,
                "#[xdr(default)] must be on a one-field tuple variant holding the i32 discriminant, without a value",
            ));
        }
        return Ok(Arm::Default);
    }
    let value = if let Some(e) = va.value {
        quote! { #e }
    } else if let Some((_, e)) = &v.discriminant {
        quote! { #e }
    } else if repr_i32 && all_unit {
        quote! { Self::#ident as i32 }
    } else {
        return Err(syn::Error::new_spanned(
            v,
            "variant needs #[xdr(discriminant = N)] (or an explicit `= N`, or #[repr(i32)] on a unit-only enum)",
        ));
    };
    let field = match &v.fields {
        Fields::Unit => None,
        Fields::Unnamed(u) if u.unnamed.len() == 1 => u.unnamed.first().cloned().map(Box::new),
        _ => {
            return Err(syn::Error::new_spanned(
                v,
                "union arms must be unit (void) or a one-field tuple variant",
            ))
        }
    };
    Ok(Arm::Case { value, field })
}

pub fn expand(input: &DeriveInput, data: &DataEnum) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let name_str = name.to_string();
    let (impl_g, ty_g, where_g) = input.generics.split_for_impl();
    let repr_i32 = attrs::has_repr_i32(&input.attrs);
    let all_unit = data
        .variants
        .iter()
        .all(|v| matches!(v.fields, Fields::Unit));

    let mut enc_arms = Vec::new();
    let mut dec_arms = Vec::new();
    let mut default_dec = None;
    for (i, v) in data.variants.iter().enumerate() {
        let ident = &v.ident;
        let disc = format_ident!("__disc{}", i);
        match arm(v, repr_i32, all_unit)? {
            Arm::Default => {
                if default_dec.is_some() {
                    return Err(syn::Error::new_spanned(
                        v,
                        "only one #[xdr(default)] variant is allowed",
                    ));
                }
                enc_arms.push(quote! {
                    Self::#ident(__v) => {
                        let __v: i32 = *__v;
                        ::rvirt_xdr::Encode::encode(&__v, out)?;
                    }
                });
                default_dec = Some(quote! { ::core::result::Result::Ok(Self::#ident(__value)) });
            }
            Arm::Case { value, field: None } => {
                enc_arms.push(quote! {
                    Self::#ident => {
                        let #disc: i32 = #value;
                        ::rvirt_xdr::Encode::encode(&#disc, out)?;
                    }
                });
                dec_arms.push(quote! {
                    let #disc: i32 = #value;
                    if __value == #disc {
                        return ::core::result::Result::Ok(Self::#ident);
                    }
                });
            }
            Arm::Case {
                value,
                field: Some(f),
            } => {
                let code = field_code(&f, &quote! { __f })?;
                let enc = code.encode;
                let dec = code.decode;
                enc_arms.push(quote! {
                    Self::#ident(__f) => {
                        let #disc: i32 = #value;
                        ::rvirt_xdr::Encode::encode(&#disc, out)?;
                        #enc
                    }
                });
                dec_arms.push(quote! {
                    let #disc: i32 = #value;
                    if __value == #disc {
                        return ::core::result::Result::Ok(Self::#ident(#dec));
                    }
                });
            }
        }
    }
    let fallback = default_dec.unwrap_or_else(|| {
        quote! {
            ::core::result::Result::Err(::rvirt_xdr::XdrError::BadDiscriminant {
                offset: __offset,
                value: __value,
                type_name: #name_str,
            })
        }
    });
    let match_body = if enc_arms.is_empty() {
        quote! { match *self {} }
    } else {
        quote! { match self { #(#enc_arms)* } }
    };

    Ok(quote! {
        #[automatically_derived]
        #[allow(unused_parens, clippy::unnecessary_cast, clippy::cast_possible_truncation)]
        impl #impl_g ::rvirt_xdr::Encode for #name #ty_g #where_g {
            fn encode(
                &self,
                out: &mut ::rvirt_xdr::bytes::BytesMut,
            ) -> ::core::result::Result<(), ::rvirt_xdr::XdrError> {
                #match_body
                ::core::result::Result::Ok(())
            }
        }

        #[automatically_derived]
        #[allow(unused_parens, clippy::unnecessary_cast, clippy::cast_possible_truncation)]
        impl #impl_g ::rvirt_xdr::Decode for #name #ty_g #where_g {
            fn decode(
                d: &mut ::rvirt_xdr::Decoder<'_>,
            ) -> ::core::result::Result<Self, ::rvirt_xdr::XdrError> {
                let __offset = d.position();
                let __value = d.read_i32()?;
                #(#dec_arms)*
                #fallback
            }
        }
    })
}
