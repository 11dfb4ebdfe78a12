//! Typed parameters (`virTypedParameter`, `remote_typed_param` on the wire).

use crate::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_xdr::Xdr;

/// `virTypedParameterType` values.
pub mod kind {
    pub const INT: i32 = 1;
    pub const UINT: i32 = 2;
    pub const LLONG: i32 = 3;
    pub const ULLONG: i32 = 4;
    pub const DOUBLE: i32 = 5;
    pub const BOOLEAN: i32 = 6;
    pub const STRING: i32 = 7;
}

/// `VIR_TYPED_PARAM_STRING_OKAY`: the caller accepts string-typed values.
pub const TYPED_PARAM_STRING_OKAY: u32 = 1 << 2;

/// A typed parameter value (`remote_typed_param_value`: an XDR union on `int type`).
///
/// On the wire BOOLEAN is an `int` (0/1); any non-zero value decodes as `true`.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub enum TypedValue {
    #[xdr(discriminant = kind::INT)]
    Int(i32),
    #[xdr(discriminant = kind::UINT)]
    UInt(u32),
    #[xdr(discriminant = kind::LLONG)]
    LLong(i64),
    #[xdr(discriminant = kind::ULLONG)]
    ULLong(u64),
    #[xdr(discriminant = kind::DOUBLE)]
    Double(f64),
    #[xdr(discriminant = kind::BOOLEAN)]
    Boolean(bool),
    #[xdr(discriminant = kind::STRING)]
    String(#[xdr(max = rvirt_xdr::REMOTE_STRING_MAX)] String),
}

impl TypedValue {
    /// The `virTypedParameterType` number.
    pub fn kind(&self) -> i32 {
        match self {
            TypedValue::Int(_) => kind::INT,
            TypedValue::UInt(_) => kind::UINT,
            TypedValue::LLong(_) => kind::LLONG,
            TypedValue::ULLong(_) => kind::ULLONG,
            TypedValue::Double(_) => kind::DOUBLE,
            TypedValue::Boolean(_) => kind::BOOLEAN,
            TypedValue::String(_) => kind::STRING,
        }
    }

    /// `virTypedParameterTypeToString`: "int", "uint", … "string".
    pub fn type_name(&self) -> &'static str {
        kind_name(self.kind())
    }

    /// The value as an unsigned 64-bit number, when it is numeric and non-negative.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            TypedValue::Int(v) => u64::try_from(v).ok(),
            TypedValue::UInt(v) => Some(u64::from(v)),
            TypedValue::LLong(v) => u64::try_from(v).ok(),
            TypedValue::ULLong(v) => Some(v),
            _ => None,
        }
    }
}

/// One named typed parameter (`remote_typed_param`: field name, then the value union).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct TypedParam {
    #[xdr(max = rvirt_xdr::REMOTE_STRING_MAX)]
    pub field: String,
    pub value: TypedValue,
}

impl TypedParam {
    pub fn new(field: impl Into<String>, value: TypedValue) -> Self {
        TypedParam {
            field: field.into(),
            value,
        }
    }
}

/// `virTypedParameterTypeToString` of a `virTypedParameterType` number.
pub fn kind_name(kind: i32) -> &'static str {
    match kind {
        kind::INT => "int",
        kind::UINT => "uint",
        kind::LLONG => "llong",
        kind::ULLONG => "ullong",
        kind::DOUBLE => "double",
        kind::BOOLEAN => "boolean",
        _ => "string",
    }
}

/// `virTypedParamsValidate` (without `VIR_TYPED_PARAM_MULTIPLE`): walking the parameters in
/// name order, the first duplicate, unknown name or wrongly typed value is an error, with
/// libvirt's messages (error domain `VIR_FROM_NONE`). `keys` pairs each accepted name with
/// its `kind::*` type.
pub fn validate(params: &[TypedParam], keys: &[(&str, i32)]) -> VirResult<()> {
    let mut sorted: Vec<&TypedParam> = params.iter().collect();
    sorted.sort_by(|a, b| a.field.as_bytes().cmp(b.field.as_bytes()));
    let mut prev: Option<&str> = None;
    for p in sorted {
        if prev == Some(p.field.as_str()) {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                ErrorDomain::None,
                format!("parameter '{}' occurs multiple times", p.field),
            ));
        }
        let Some((_, want)) = keys.iter().find(|(k, _)| *k == p.field) else {
            return Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                ErrorDomain::None,
                format!("parameter '{}' not supported", p.field),
            ));
        };
        if p.value.kind() != *want {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                ErrorDomain::None,
                format!(
                    "invalid type '{}' for parameter '{}', expected '{}'",
                    p.value.type_name(),
                    p.field,
                    kind_name(*want)
                ),
            ));
        }
        prev = Some(p.field.as_str());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_reports_like_vir_typed_params_validate() {
        let keys = [("b", kind::BOOLEAN), ("a", kind::UINT)];
        assert!(validate(&[TypedParam::new("a", TypedValue::UInt(1))], &keys).is_ok());
        let dup = [
            TypedParam::new("b", TypedValue::Boolean(true)),
            TypedParam::new("b", TypedValue::Boolean(false)),
        ];
        assert_eq!(
            validate(&dup, &keys).unwrap_err().message,
            "invalid argument: parameter 'b' occurs multiple times"
        );
        let unknown = [TypedParam::new("z", TypedValue::Int(1))];
        let e = validate(&unknown, &keys).unwrap_err();
        assert_eq!(e.code, ErrorCode::ArgumentUnsupported);
        assert!(
            e.message.ends_with("parameter 'z' not supported"),
            "{}",
            e.message
        );
        // name order decides which error comes first
        let both = [
            TypedParam::new("b", TypedValue::Int(1)),
            TypedParam::new("a", TypedValue::String("x".into())),
        ];
        assert_eq!(
            validate(&both, &keys).unwrap_err().message,
            "invalid argument: invalid type 'string' for parameter 'a', expected 'uint'"
        );
    }

    fn wire(v: &TypedValue) -> Vec<u8> {
        rvirt_xdr::to_bytes(v).unwrap().to_vec()
    }

    #[test]
    fn values_encode_as_remote_typed_param_value() {
        assert_eq!(
            wire(&TypedValue::Int(-1)),
            [0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff]
        );
        assert_eq!(wire(&TypedValue::UInt(2)), [0, 0, 0, 2, 0, 0, 0, 2]);
        assert_eq!(
            wire(&TypedValue::LLong(3)),
            [0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 3]
        );
        assert_eq!(
            wire(&TypedValue::ULLong(4)),
            [0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 4]
        );
        assert_eq!(
            wire(&TypedValue::Double(1.0)),
            [0, 0, 0, 5, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0]
        );
        assert_eq!(wire(&TypedValue::Boolean(true)), [0, 0, 0, 6, 0, 0, 0, 1]);
        assert_eq!(
            wire(&TypedValue::String("ab".into())),
            [0, 0, 0, 7, 0, 0, 0, 2, b'a', b'b', 0, 0]
        );
        for v in [
            TypedValue::Int(5),
            TypedValue::Double(-2.5),
            TypedValue::Boolean(false),
            TypedValue::String(String::new()),
        ] {
            assert_eq!(wire(&v)[..4], v.kind().to_be_bytes());
            assert_eq!(rvirt_xdr::from_bytes::<TypedValue>(&wire(&v)).unwrap(), v);
        }
        // any non-zero BOOLEAN int is true
        assert_eq!(
            rvirt_xdr::from_bytes::<TypedValue>(&[0, 0, 0, 6, 0, 0, 0, 9]).unwrap(),
            TypedValue::Boolean(true)
        );
        assert!(rvirt_xdr::from_bytes::<TypedValue>(&[0, 0, 0, 8, 0, 0, 0, 0]).is_err());
    }

    #[test]
    fn param_is_field_then_value() {
        let p = TypedParam::new("x", TypedValue::UInt(1));
        let b = rvirt_xdr::to_bytes(&p).unwrap();
        assert_eq!(
            b.as_ref(),
            [0, 0, 0, 1, b'x', 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1]
        );
        assert_eq!(rvirt_xdr::from_bytes::<TypedParam>(&b).unwrap(), p);
    }
}
