//! Parsing of `#[xdr(...)]` attributes.

use syn::{Attribute, Expr};

/// Attributes allowed on a field.
#[derive(Default)]
pub struct FieldAttrs {
    /// `#[xdr(max = EXPR)]`.
    pub max: Option<Expr>,
}

/// Attributes allowed on an enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    /// `#[xdr(discriminant = EXPR)]` or `#[xdr(value = EXPR)]`.
    pub value: Option<Expr>,
    /// `#[xdr(default)]`.
    pub default: bool,
}

fn xdr_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("xdr"))
}

pub fn field(attrs: &[Attribute]) -> syn::Result<FieldAttrs> {
    let mut out = FieldAttrs::default();
    for attr in xdr_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("max") {
                out.max = Some(meta.value()?.parse()?);
                Ok(())
            } else {
                Err(meta.error("unknown xdr field attribute (expected `max = N`)"))
            }
        })?;
    }
    Ok(out)
}

pub fn variant(attrs: &[Attribute]) -> syn::Result<VariantAttrs> {
    let mut out = VariantAttrs::default();
    for attr in xdr_attrs(attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("discriminant") || meta.path.is_ident("value") {
                out.value = Some(meta.value()?.parse()?);
                Ok(())
            } else if meta.path.is_ident("default") {
                out.default = true;
                Ok(())
            } else {
                Err(meta.error(
                    "unknown xdr variant attribute (expected `discriminant = N`, `value = N` or `default`)",
                ))
            }
        })?;
    }
    Ok(out)
}

/// Rejects `#[xdr(...)]` where no attribute is accepted (containers).
pub fn none(attrs: &[Attribute]) -> syn::Result<()> {
    match xdr_attrs(attrs).next() {
        Some(a) => Err(syn::Error::new_spanned(
            a,
            "no #[xdr(...)] attributes are accepted here",
        )),
        None => Ok(()),
    }
}

/// Whether the item carries `#[repr(i32)]`.
pub fn has_repr_i32(attrs: &[Attribute]) -> bool {
    let mut found = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("repr")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("i32") {
                found = true;
            }
            Ok(())
        });
    }
    found
}
