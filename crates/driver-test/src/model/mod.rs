//! Driver-side XML models conf does not provide (domain snapshots).

pub mod snapshot;
