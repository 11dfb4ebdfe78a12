//! Error constructors with the network driver's libvirt wording.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_core::handle::Uuid;

/// Errors raised by this driver carry `VIR_FROM_NETWORK`.
pub const NET: ErrorDomain = ErrorDomain::Network;

pub fn no_network_name(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoNetwork,
        NET,
        format!("no network with matching name '{name}'"),
    )
}

pub fn no_network_uuid(uuid: &Uuid) -> VirError {
    VirError::new(
        ErrorCode::NoNetwork,
        NET,
        format!("no network with matching uuid '{uuid}'"),
    )
}

pub fn no_network_ref(uuid: &Uuid, name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoNetwork,
        NET,
        format!("no network with matching uuid '{uuid}' ({name})"),
    )
}

pub fn internal(detail: impl Into<String>) -> VirError {
    VirError::internal(NET, detail)
}

pub fn invalid_op(detail: impl Into<String>) -> VirError {
    VirError::operation_invalid(NET, detail)
}

pub fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::ConfigUnsupported, NET, detail)
}

pub fn system(detail: impl Into<String>) -> VirError {
    VirError::raw(ErrorCode::SystemError, NET, detail)
}
