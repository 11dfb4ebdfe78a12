//! Object wrappers (`virDomainPtr`, `virNetworkPtr`, …): a [`crate::Connect`] plus the
//! object's handle, with methods named after libvirt's API.

mod checkpoint;
mod domain;
mod domain_fds;
mod lookup;
mod network;
mod nwfilter;
mod others;
mod storage;

pub use checkpoint::DomainCheckpoint;
pub use domain::{Domain, DomainSnapshot};
pub use network::Network;
pub use nwfilter::{NWFilter, NWFilterBinding};
pub use others::{Interface, NodeDevice, Secret};
pub use storage::{StoragePool, StorageVol};
