//! Network APIs forwarded to the network driver (or the primary).

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use crate::info::*;
use async_trait::async_trait;

#[async_trait]
impl NetworkDriver for ComposedConnection {
    /// virConnectListAllNetworks
    async fn list_all_networks(&self, flags: u32) -> VirResult<Vec<NetworkRef>> {
        self.network().list_all_networks(flags).await
    }

    /// virNetworkLookupByName
    async fn network_lookup_by_name(&self, name: &str) -> VirResult<NetworkRef> {
        self.network().network_lookup_by_name(name).await
    }

    /// virNetworkLookupByUUID
    async fn network_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<NetworkRef> {
        self.network().network_lookup_by_uuid(uuid).await
    }

    /// virNetworkDefineXMLFlags
    async fn network_define_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        self.network().network_define_xml(xml, flags).await
    }

    /// virNetworkCreateXMLFlags
    async fn network_create_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        self.network().network_create_xml(xml, flags).await
    }

    /// virNetworkUndefine
    async fn network_undefine(&self, net: &NetworkRef) -> VirResult<()> {
        self.network().network_undefine(net).await
    }

    /// virNetworkCreate
    async fn network_create(&self, net: &NetworkRef) -> VirResult<()> {
        self.network().network_create(net).await
    }

    /// virNetworkDestroy
    async fn network_destroy(&self, net: &NetworkRef) -> VirResult<()> {
        self.network().network_destroy(net).await
    }

    /// virNetworkGetXMLDesc
    async fn network_get_xml_desc(&self, net: &NetworkRef, flags: u32) -> VirResult<String> {
        self.network().network_get_xml_desc(net, flags).await
    }

    /// virNetworkGetBridgeName
    async fn network_get_bridge_name(&self, net: &NetworkRef) -> VirResult<String> {
        self.network().network_get_bridge_name(net).await
    }

    /// virNetworkGetAutostart
    async fn network_get_autostart(&self, net: &NetworkRef) -> VirResult<bool> {
        self.network().network_get_autostart(net).await
    }

    /// virNetworkSetAutostart
    async fn network_set_autostart(&self, net: &NetworkRef, autostart: bool) -> VirResult<()> {
        self.network().network_set_autostart(net, autostart).await
    }

    /// virNetworkIsActive
    async fn network_is_active(&self, net: &NetworkRef) -> VirResult<bool> {
        self.network().network_is_active(net).await
    }

    /// virNetworkIsPersistent
    async fn network_is_persistent(&self, net: &NetworkRef) -> VirResult<bool> {
        self.network().network_is_persistent(net).await
    }

    /// virNetworkUpdate
    async fn network_update(
        &self,
        net: &NetworkRef,
        command: u32,
        section: u32,
        parent_index: i32,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.network()
            .network_update(net, command, section, parent_index, xml, flags)
            .await
    }

    /// virNetworkGetDHCPLeases
    async fn network_get_dhcp_leases(
        &self,
        net: &NetworkRef,
        mac: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<NetworkDhcpLease>> {
        self.network()
            .network_get_dhcp_leases(net, mac, flags)
            .await
    }
}
