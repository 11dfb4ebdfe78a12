//! Error constructors with the code, domain and wording libvirt's storage driver reports.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_core::handle::Uuid;

/// `VIR_FROM_STORAGE`.
pub const DOM: ErrorDomain = ErrorDomain::Storage;

pub fn no_pool_name(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoStoragePool,
        DOM,
        format!("no storage pool with matching name '{name}'"),
    )
}

pub fn no_pool_uuid(uuid: &Uuid, name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoStoragePool,
        DOM,
        format!("no storage pool with matching uuid '{uuid}' ({name})"),
    )
}

pub fn no_pool_uuid_only(uuid: &Uuid) -> VirError {
    VirError::new(
        ErrorCode::NoStoragePool,
        DOM,
        format!("no storage pool with matching uuid '{uuid}'"),
    )
}

pub fn no_vol_name(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoStorageVol,
        DOM,
        format!("no storage vol with matching name '{name}'"),
    )
}

pub fn not_active(name: &str) -> VirError {
    VirError::operation_invalid(DOM, format!("storage pool '{name}' is not active"))
}

pub fn already_active(name: &str) -> VirError {
    VirError::operation_invalid(DOM, format!("storage pool '{name}' is already active"))
}

pub fn still_active(name: &str) -> VirError {
    VirError::operation_invalid(DOM, format!("storage pool '{name}' is still active"))
}

pub fn vol_in_use(name: &str) -> VirError {
    VirError::operation_invalid(DOM, format!("volume '{name}' is still in use."))
}

pub fn vol_exists(name: &str) -> VirError {
    VirError::new(ErrorCode::StorageVolExist, DOM, format!("'{name}'"))
}

pub fn internal(detail: impl Into<String>) -> VirError {
    VirError::internal(DOM, detail)
}

pub fn op_failed(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::OperationFailed, DOM, detail)
}

pub fn no_support(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::NoSupport, DOM, detail)
}

/// `virReportSystemError`: "<message>: <strerror>".
pub fn system(err: &std::io::Error, message: impl std::fmt::Display) -> VirError {
    VirError::raw(
        ErrorCode::SystemError,
        DOM,
        format!("{message}: {}", strerror(err)),
    )
}

/// The `strerror` text of an I/O error, without Rust's " (os error N)" suffix.
pub fn strerror(err: &std::io::Error) -> String {
    let s = err.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
