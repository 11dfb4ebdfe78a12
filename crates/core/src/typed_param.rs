//! Typed parameters (`virTypedParameter`, `remote_typed_param` on the wire).

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

/// A typed parameter value.
#[derive(Debug, Clone, PartialEq)]
pub enum TypedValue {
    Int(i32),
    UInt(u32),
    LLong(i64),
    ULLong(u64),
    Double(f64),
    Boolean(bool),
    String(String),
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

/// One named typed parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedParam {
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
