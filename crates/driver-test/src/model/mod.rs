//! XML models: conf's typed models where they have landed, marked fallbacks elsewhere.

pub mod domain;
pub mod pool;
pub mod simple;
pub mod snapshot;
