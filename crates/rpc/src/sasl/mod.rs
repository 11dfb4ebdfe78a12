//! SASL for libvirt's remote protocol (`REMOTE_AUTH_SASL`): the SCRAM-SHA-256 and PLAIN
//! mechanisms for rvirtd, the SCRAM-SHA-256 client for the rvirt library, and rvirt's
//! SCRAM user database. SCRAM has no security layer (SSF 0), so frames are never wrapped.

use rvirt_core::base64 as b64;
mod client;
mod scram;
mod server;
mod users;

pub use client::ScramClient;
pub use rvirt_core::base64::{decode as base64_decode, encode as base64_encode};
pub use server::{SaslServer, SaslStep};
pub use users::{add_user, remove_user, save, ScramCredential, UserDb, DEFAULT_ITERATIONS};

/// Why a SASL exchange failed (reported to peers only as libvirt's "authentication failed").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaslError(pub String);

impl std::fmt::Display for SaslError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SaslError {}

pub(crate) fn err<T>(msg: impl Into<String>) -> Result<T, SaslError> {
    Err(SaslError(msg.into()))
}
