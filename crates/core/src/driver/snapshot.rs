//! Domain snapshot APIs (`virDomainSnapshot*`).
//! The trait is generated from the method list in `methods/snapshot.rs`.

use crate::error::VirResult;
use crate::handle::{DomainRef, DomainSnapshotRef};

crate::snapshot_driver_methods!(crate::__driver_trait! {
    /// The DomainSnapshotDriver APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait DomainSnapshotDriver, DomainSnapshot;
});
