//! REMOTE-program handles that rvirt-core does not define (yet).
//!
//! The other `remote_nonnull_*` handles are rvirt-core's `DomainRef`, `NetworkRef`, … which
//! derive XDR themselves.

use rvirt_core::DomainRef;
use rvirt_xdr::Xdr;

/// `remote_nonnull_nwfilter_binding`: a filter binding by port device and filter name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct NwFilterBindingRef {
    pub portdev: String,
    pub filtername: String,
}

/// `remote_nonnull_domain_checkpoint`: a checkpoint by name and its domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct DomainCheckpointRef {
    pub name: String,
    pub dom: DomainRef,
}
