//! Typed parameters (`virTypedParameter`, `remote_typed_param` on the wire).

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

#[cfg(test)]
mod tests {
    use super::*;

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
