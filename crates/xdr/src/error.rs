//! Errors of XDR encoding and decoding, with the byte offset where they happened.

/// Why an XDR value could not be decoded (or, for over-bound values, encoded).
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum XdrError {
    /// The input ended before the value was complete.
    #[error("unexpected end of XDR data at offset {offset}")]
    UnexpectedEof { offset: usize },
    /// A string, array or opaque is longer than its declared maximum.
    #[error("XDR length {len} exceeds maximum {max} at offset {offset}")]
    TooLong { offset: usize, len: u64, max: u64 },
    /// An enum or union discriminant has no matching value or arm.
    #[error("invalid discriminant {value} for {type_name} at offset {offset}")]
    BadDiscriminant {
        offset: usize,
        value: i32,
        type_name: &'static str,
    },
    /// A string is not valid UTF-8.
    #[error("invalid UTF-8 in XDR string at offset {offset}")]
    InvalidUtf8 { offset: usize },
    /// A value decoded but violates a constraint of its type.
    #[error("invalid {type_name} at offset {offset}: {reason}")]
    Invalid {
        offset: usize,
        type_name: &'static str,
        reason: &'static str,
    },
}

impl XdrError {
    /// The byte offset (into the decoded buffer or the encode output) the error refers to.
    pub fn offset(&self) -> usize {
        match self {
            XdrError::UnexpectedEof { offset }
            | XdrError::TooLong { offset, .. }
            | XdrError::BadDiscriminant { offset, .. }
            | XdrError::InvalidUtf8 { offset }
            | XdrError::Invalid { offset, .. } => *offset,
        }
    }
}
