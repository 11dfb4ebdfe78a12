//! Tests only: see tests/all.rs.
