//! Object wrappers (`virDomainPtr`, `virNetworkPtr`, …): a [`crate::Connect`] plus the
//! object's handle, with methods named after libvirt's API.

mod domain;
mod lookup;
mod network;
mod others;
mod storage;

pub use domain::{Domain, DomainSnapshot};
pub use network::Network;
pub use others::{Interface, NodeDevice, Secret};
pub use storage::{StoragePool, StorageVol};
