//! Domain checkpoint APIs (`virDomainCheckpoint*`).
//! The trait is generated from the method list in `methods/checkpoint.rs`.

use crate::error::VirResult;
use crate::handle::{DomainCheckpointRef, DomainRef};

crate::checkpoint_driver_methods!(crate::__driver_trait! {
    /// The DomainCheckpointDriver APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait DomainCheckpointDriver, DomainCheckpoint;
});

/// The `virDomainCheckpoint*` flag values (libvirt's `VIR_DOMAIN_CHECKPOINT_*`).
pub mod checkpoint_flags {
    /// `VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE`.
    pub const CREATE_REDEFINE: u32 = 1;
    /// `VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE`.
    pub const CREATE_QUIESCE: u32 = 2;
    /// `VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE`.
    pub const CREATE_REDEFINE_VALIDATE: u32 = 4;
    /// `VIR_DOMAIN_CHECKPOINT_XML_SECURE`.
    pub const XML_SECURE: u32 = 1;
    /// `VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN`.
    pub const XML_NO_DOMAIN: u32 = 2;
    /// `VIR_DOMAIN_CHECKPOINT_XML_SIZE`.
    pub const XML_SIZE: u32 = 4;
    /// `VIR_DOMAIN_CHECKPOINT_LIST_ROOTS` (list_all) / `_DESCENDANTS` (children).
    pub const LIST_ROOTS: u32 = 1;
    /// `VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS`.
    pub const LIST_DESCENDANTS: u32 = 1;
    /// `VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL`.
    pub const LIST_TOPOLOGICAL: u32 = 2;
    /// `VIR_DOMAIN_CHECKPOINT_LIST_LEAVES`.
    pub const LIST_LEAVES: u32 = 4;
    /// `VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES`.
    pub const LIST_NO_LEAVES: u32 = 8;
    /// `VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN`.
    pub const DELETE_CHILDREN: u32 = 1;
    /// `VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY`.
    pub const DELETE_METADATA_ONLY: u32 = 2;
    /// `VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY`.
    pub const DELETE_CHILDREN_ONLY: u32 = 4;
}

fn invalid(msg: String) -> crate::error::VirError {
    crate::error::VirError::raw(
        crate::error::ErrorCode::InvalidArg,
        crate::error::ErrorDomain::DomainCheckpoint,
        msg,
    )
}

/// The flag rules `virDomainCheckpointCreateXML` enforces before any driver runs:
/// REDEFINE_VALIDATE needs REDEFINE, and REDEFINE excludes QUIESCE.
pub fn check_create_flags(flags: u32) -> VirResult<()> {
    use checkpoint_flags as f;
    if flags & f::CREATE_REDEFINE_VALIDATE != 0 && flags & f::CREATE_REDEFINE == 0 {
        return Err(invalid(
            "Flag 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE' is required by flag \
             'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE'"
                .into(),
        ));
    }
    if flags & f::CREATE_REDEFINE != 0 && flags & f::CREATE_QUIESCE != 0 {
        return Err(invalid(
            "Flags 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE' and \
             'VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE' are mutually exclusive"
                .into(),
        ));
    }
    Ok(())
}

/// The flag rule `virDomainCheckpointDelete` enforces before any driver runs: CHILDREN
/// and CHILDREN_ONLY exclude each other.
pub fn check_delete_flags(flags: u32) -> VirResult<()> {
    use checkpoint_flags as f;
    if flags & f::DELETE_CHILDREN != 0 && flags & f::DELETE_CHILDREN_ONLY != 0 {
        return Err(invalid(
            "Flags 'VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN' and \
             'VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY' are mutually exclusive"
                .into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_api_flag_rules() {
        assert!(check_create_flags(1 | 4).is_ok());
        assert!(check_create_flags(2).is_ok());
        let e = check_create_flags(4).unwrap_err();
        assert!(e
            .message
            .starts_with("Flag 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE' is"));
        let e = check_create_flags(3).unwrap_err();
        assert_eq!(
            e.message,
            "Flags 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE' and \
             'VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE' are mutually exclusive"
        );
        assert!(check_delete_flags(1 | 2).is_ok());
        assert!(check_delete_flags(1 | 4).is_err());
    }
}
