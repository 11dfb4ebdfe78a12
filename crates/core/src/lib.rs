//! Core types shared by every rvirt crate: libvirt's errors, object handles, typed
//! parameters, URIs, events, streams and the driver traits.

pub mod base64;
pub mod driver;
pub mod error;
pub mod event;
pub mod handle;
pub mod info;
pub mod list_filter;
pub mod stream;
pub mod typed_param;
pub mod uri;

pub use error::{ErrorCode, ErrorDomain, VirError, VirResult};
pub use handle::*;
