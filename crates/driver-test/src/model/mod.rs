//! Driver-side wrappers around conf models (snapshots with their typed domain).

pub mod checkpoint;
pub mod snapshot;
