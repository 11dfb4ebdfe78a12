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
