//! The seam through which the daemon lends the QEMU driver its network driver for
//! `<interface type='network'>` (drivers never depend on each other): the daemon injects
//! an implementation with [`QemuDriver::set_network_port_allocator`].
//!
//! [`QemuDriver::set_network_port_allocator`]: crate::QemuDriver::set_network_port_allocator

use async_trait::async_trait;
use rvirt_core::error::VirResult;
use rvirt_core::info::NetworkDhcpLease;

/// What a network port gives a guest NIC (`virNetworkPort` plug data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortInfo {
    /// The bridge the guest's tap joins.
    pub bridge: String,
    pub mtu: Option<u32>,
}

/// `virNetworkPortCreateXML` / `virNetworkPortDelete` as the QEMU driver needs them.
#[async_trait]
pub trait NetworkPortAllocator: Send + Sync {
    /// Reserves a port on `network` for the NIC with `mac`.
    async fn allocate_port(&self, network: &str, mac: &str) -> VirResult<PortInfo>;
    /// Releases it when the NIC goes away.
    async fn release_port(&self, network: &str, mac: &str) -> VirResult<()>;
    /// `virNetworkGetDHCPLeases` on `network` (for `virDomainInterfaceAddresses` with the
    /// lease source).
    async fn leases(&self, network: &str) -> VirResult<Vec<NetworkDhcpLease>>;
}
