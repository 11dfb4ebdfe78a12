//! rvirt-conf's integration test binary.

mod domain;
mod domcaps;
mod kinds;
mod nwfilter;
mod schema;
mod snapshot;
