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
    /// The bridge the guest's tap joins (empty for a direct port).
    pub bridge: String,
    pub mtu: Option<u32>,
    /// A macvtap port (`<forward mode='bridge|private|vepa|passthrough'>` with `dev=`):
    /// the host device and macvtap mode (`bridge`, `private`, `vepa`, `passthrough`).
    pub direct: Option<DirectPlug>,
}

/// The `<plug type='direct'>` part of a network port: the guest NIC becomes a macvtap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectPlug {
    /// The parent device (`<source dev>`).
    pub dev: String,
    /// `bridge`, `private`, `vepa` or `passthrough` (`<source mode>`).
    pub mode: String,
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
    /// [`NetworkPortAllocator::allocate_port`] recording the owning domain in the port's
    /// `<owner>` (what `virsh net-port-dumpxml` shows). Default: no owner.
    async fn allocate_port_for(
        &self,
        network: &str,
        mac: &str,
        _owner_name: &str,
        _owner_uuid: [u8; 16],
    ) -> VirResult<PortInfo> {
        self.allocate_port(network, mac).await
    }
    /// `virNetDevBandwidthSet` on a guest NIC's host device: replaces its QoS with the
    /// `<bandwidth>` element `bandwidth_xml` (None: clears). Taps are `swapped` (the guest's
    /// inbound is the tap's transmit side); macvtaps (`type='direct'`) are not, as they
    /// share the host's view. Default: not available.
    async fn set_bandwidth(
        &self,
        _ifname: &str,
        bandwidth_xml: Option<&str>,
        _swapped: bool,
    ) -> VirResult<()> {
        match bandwidth_xml {
            None => Ok(()),
            Some(_) => Err(rvirt_core::error::VirError::new(
                rvirt_core::error::ErrorCode::OperationUnsupported,
                rvirt_core::error::ErrorDomain::Qemu,
                "Network bandwidth tuning is not available on this connection",
            )),
        }
    }
}
