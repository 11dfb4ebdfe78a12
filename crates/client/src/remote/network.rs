//! `NetworkDriver` over RPC.

use async_trait::async_trait;
use rvirt_core::driver::NetworkDriver;
use rvirt_core::error::VirResult;
use rvirt_core::info::NetworkDhcpLease;
use rvirt_core::{NetworkRef, Uuid};

use super::conn::RemoteConnection;
use super::procs as p;
use super::types::WireLease;
use super::wire::args;

#[async_trait]
impl NetworkDriver for RemoteConnection {
    /// virConnectListAllNetworks (CONNECT_LIST_ALL_NETWORKS 283)
    async fn list_all_networks(&self, flags: u32) -> VirResult<Vec<NetworkRef>> {
        self.call(p::CONNECT_LIST_ALL_NETWORKS, args!(1i32, flags))
            .await?
            .get()
    }
    /// virNetworkLookupByName (NETWORK_LOOKUP_BY_NAME 46)
    async fn network_lookup_by_name(&self, name: &str) -> VirResult<NetworkRef> {
        self.call(p::NETWORK_LOOKUP_BY_NAME, args!(name))
            .await?
            .get()
    }
    /// virNetworkLookupByUUID (NETWORK_LOOKUP_BY_UUID 47)
    async fn network_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<NetworkRef> {
        self.call(p::NETWORK_LOOKUP_BY_UUID, args!(uuid))
            .await?
            .get()
    }
    /// virNetworkDefineXMLFlags (NETWORK_DEFINE_XML 41 / NETWORK_DEFINE_XML_FLAGS 432)
    async fn network_define_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        if flags == 0 {
            self.call(p::NETWORK_DEFINE_XML, args!(xml)).await?.get()
        } else {
            self.call(p::NETWORK_DEFINE_XML_FLAGS, args!(xml, flags))
                .await?
                .get()
        }
    }
    /// virNetworkCreateXMLFlags (NETWORK_CREATE_XML 40 / NETWORK_CREATE_XML_FLAGS 437)
    async fn network_create_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        if flags == 0 {
            self.call(p::NETWORK_CREATE_XML, args!(xml)).await?.get()
        } else {
            self.call(p::NETWORK_CREATE_XML_FLAGS, args!(xml, flags))
                .await?
                .get()
        }
    }
    /// virNetworkUndefine (NETWORK_UNDEFINE 49)
    async fn network_undefine(&self, net: &NetworkRef) -> VirResult<()> {
        self.call0(p::NETWORK_UNDEFINE, args!(net)).await
    }
    /// virNetworkCreate (NETWORK_CREATE 39)
    async fn network_create(&self, net: &NetworkRef) -> VirResult<()> {
        self.call0(p::NETWORK_CREATE, args!(net)).await
    }
    /// virNetworkDestroy (NETWORK_DESTROY 42)
    async fn network_destroy(&self, net: &NetworkRef) -> VirResult<()> {
        self.call0(p::NETWORK_DESTROY, args!(net)).await
    }
    /// virNetworkGetXMLDesc (NETWORK_GET_XML_DESC 43)
    async fn network_get_xml_desc(&self, net: &NetworkRef, flags: u32) -> VirResult<String> {
        self.call(p::NETWORK_GET_XML_DESC, args!(net, flags))
            .await?
            .get()
    }
    /// virNetworkGetBridgeName (NETWORK_GET_BRIDGE_NAME 45)
    async fn network_get_bridge_name(&self, net: &NetworkRef) -> VirResult<String> {
        self.call(p::NETWORK_GET_BRIDGE_NAME, args!(net))
            .await?
            .get()
    }
    /// virNetworkGetAutostart (NETWORK_GET_AUTOSTART 44)
    async fn network_get_autostart(&self, net: &NetworkRef) -> VirResult<bool> {
        self.call(p::NETWORK_GET_AUTOSTART, args!(net))
            .await?
            .flag()
    }
    /// virNetworkSetAutostart (NETWORK_SET_AUTOSTART 48)
    async fn network_set_autostart(&self, net: &NetworkRef, autostart: bool) -> VirResult<()> {
        self.call0(p::NETWORK_SET_AUTOSTART, args!(net, i32::from(autostart)))
            .await
    }
    /// virNetworkIsActive (NETWORK_IS_ACTIVE 152)
    async fn network_is_active(&self, net: &NetworkRef) -> VirResult<bool> {
        self.call(p::NETWORK_IS_ACTIVE, args!(net)).await?.flag()
    }
    /// virNetworkIsPersistent (NETWORK_IS_PERSISTENT 153)
    async fn network_is_persistent(&self, net: &NetworkRef) -> VirResult<bool> {
        self.call(p::NETWORK_IS_PERSISTENT, args!(net))
            .await?
            .flag()
    }
    /// virNetworkUpdate (NETWORK_UPDATE 291)
    async fn network_update(
        &self,
        net: &NetworkRef,
        command: u32,
        section: u32,
        parent_index: i32,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(
            p::NETWORK_UPDATE,
            args!(net, command, section, parent_index, xml, flags),
        )
        .await
    }
    /// virNetworkGetDHCPLeases (NETWORK_GET_DHCP_LEASES 341)
    async fn network_get_dhcp_leases(
        &self,
        net: &NetworkRef,
        mac: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<NetworkDhcpLease>> {
        let v: Vec<WireLease> = self
            .call(p::NETWORK_GET_DHCP_LEASES, args!(net, mac, 1i32, flags))
            .await?
            .get()?;
        Ok(v.into_iter()
            .map(|l| NetworkDhcpLease {
                iface: l.iface,
                expirytime: l.expirytime,
                addr_type: l.addr_type,
                mac: l.mac,
                iaid: l.iaid,
                ipaddr: l.ipaddr,
                prefix: l.prefix,
                hostname: l.hostname,
                clientid: l.clientid,
            })
            .collect())
    }
}
