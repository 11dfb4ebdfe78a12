//! rvirt-conf's integration test binary.

mod domain;
mod kinds;
mod schema;
mod snapshot;
