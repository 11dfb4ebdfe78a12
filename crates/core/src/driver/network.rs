//! Virtual network APIs (`virNetwork*`).
//! The trait is generated from the method list in `methods/network.rs`.

use crate::error::VirResult;
use crate::handle::{NetworkPortRef, NetworkRef, Uuid};
use crate::info::NetworkDhcpLease;
use crate::typed_param::TypedParam;

crate::network_driver_methods!(crate::__driver_trait! {
    /// The NetworkDriver APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait NetworkDriver, Network;
});
