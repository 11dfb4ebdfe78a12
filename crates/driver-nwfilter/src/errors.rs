//! libvirt's nwfilter driver errors.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError};
use rvirt_core::Uuid;

pub(crate) const DOM: ErrorDomain = ErrorDomain::Nwfilter;

pub(crate) fn no_name(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoNwfilter,
        DOM,
        format!("no nwfilter with matching name '{name}'"),
    )
}

pub(crate) fn no_uuid(uuid: &Uuid) -> VirError {
    VirError::new(
        ErrorCode::NoNwfilter,
        DOM,
        format!("no nwfilter with matching uuid '{uuid}'"),
    )
}

pub(crate) fn no_binding(portdev: &str) -> VirError {
    VirError::new(
        ErrorCode::NoNwfilterBinding,
        DOM,
        format!("no nwfilter binding for port dev '{portdev}'"),
    )
}

pub(crate) fn failed(detail: String) -> VirError {
    VirError::new(ErrorCode::OperationFailed, DOM, detail)
}
