//! Core types shared by every rvirt crate: libvirt's errors, object handles, typed
//! parameters, URIs, events, streams and the driver traits.

pub mod error;

pub use error::{ErrorCode, ErrorDomain, VirError, VirResult};
