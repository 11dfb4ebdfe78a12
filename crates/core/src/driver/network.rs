//! Virtual network APIs (`virNetwork*`).

use crate::error::VirResult;
use crate::handle::{NetworkRef, Uuid};
use crate::info::NetworkDhcpLease;
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait NetworkDriver: Send + Sync {
    /// virConnectListAllNetworks
    async fn list_all_networks(&self, _flags: u32) -> VirResult<Vec<NetworkRef>> {
        unsupported!(Network, "virConnectListAllNetworks")
    }
    /// virNetworkLookupByName
    async fn network_lookup_by_name(&self, _name: &str) -> VirResult<NetworkRef> {
        unsupported!(Network, "virNetworkLookupByName")
    }
    /// virNetworkLookupByUUID
    async fn network_lookup_by_uuid(&self, _uuid: Uuid) -> VirResult<NetworkRef> {
        unsupported!(Network, "virNetworkLookupByUUID")
    }
    /// virNetworkDefineXMLFlags
    async fn network_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<NetworkRef> {
        unsupported!(Network, "virNetworkDefineXMLFlags")
    }
    /// virNetworkCreateXMLFlags
    async fn network_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<NetworkRef> {
        unsupported!(Network, "virNetworkCreateXMLFlags")
    }
    /// virNetworkUndefine
    async fn network_undefine(&self, _net: &NetworkRef) -> VirResult<()> {
        unsupported!(Network, "virNetworkUndefine")
    }
    /// virNetworkCreate
    async fn network_create(&self, _net: &NetworkRef) -> VirResult<()> {
        unsupported!(Network, "virNetworkCreate")
    }
    /// virNetworkDestroy
    async fn network_destroy(&self, _net: &NetworkRef) -> VirResult<()> {
        unsupported!(Network, "virNetworkDestroy")
    }
    /// virNetworkGetXMLDesc
    async fn network_get_xml_desc(&self, _net: &NetworkRef, _flags: u32) -> VirResult<String> {
        unsupported!(Network, "virNetworkGetXMLDesc")
    }
    /// virNetworkGetBridgeName
    async fn network_get_bridge_name(&self, _net: &NetworkRef) -> VirResult<String> {
        unsupported!(Network, "virNetworkGetBridgeName")
    }
    /// virNetworkGetAutostart
    async fn network_get_autostart(&self, _net: &NetworkRef) -> VirResult<bool> {
        unsupported!(Network, "virNetworkGetAutostart")
    }
    /// virNetworkSetAutostart
    async fn network_set_autostart(&self, _net: &NetworkRef, _autostart: bool) -> VirResult<()> {
        unsupported!(Network, "virNetworkSetAutostart")
    }
    /// virNetworkIsActive
    async fn network_is_active(&self, _net: &NetworkRef) -> VirResult<bool> {
        unsupported!(Network, "virNetworkIsActive")
    }
    /// virNetworkIsPersistent
    async fn network_is_persistent(&self, _net: &NetworkRef) -> VirResult<bool> {
        unsupported!(Network, "virNetworkIsPersistent")
    }
    /// virNetworkUpdate
    async fn network_update(
        &self,
        _net: &NetworkRef,
        _command: u32,
        _section: u32,
        _parent_index: i32,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Network, "virNetworkUpdate")
    }
    /// virNetworkGetDHCPLeases
    async fn network_get_dhcp_leases(
        &self,
        _net: &NetworkRef,
        _mac: Option<String>,
        _flags: u32,
    ) -> VirResult<Vec<NetworkDhcpLease>> {
        unsupported!(Network, "virNetworkGetDHCPLeases")
    }
}
