//! `NetworkDriver` over RPC.

use async_trait::async_trait;
use rvirt_core::driver::NetworkDriver;
use rvirt_core::error::VirResult;
use rvirt_core::info::NetworkDhcpLease;
use rvirt_core::typed_param::TypedParam;
use rvirt_core::{NetworkPortRef, NetworkRef, Uuid};

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
    /// virNetworkListAllPorts (NETWORK_LIST_ALL_PORTS 404)
    async fn network_list_all_ports(
        &self,
        net: &NetworkRef,
        flags: u32,
    ) -> VirResult<Vec<NetworkPortRef>> {
        self.call(p::NETWORK_LIST_ALL_PORTS, args!(net, 1i32, flags))
            .await?
            .get()
    }
    /// virNetworkPortLookupByUUID (NETWORK_PORT_LOOKUP_BY_UUID 405)
    async fn network_port_lookup_by_uuid(
        &self,
        net: &NetworkRef,
        uuid: Uuid,
    ) -> VirResult<NetworkPortRef> {
        self.call(p::NETWORK_PORT_LOOKUP_BY_UUID, args!(net, uuid))
            .await?
            .get()
    }
    /// virNetworkPortCreateXML (NETWORK_PORT_CREATE_XML 406)
    async fn network_port_create_xml(
        &self,
        net: &NetworkRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<NetworkPortRef> {
        self.call(p::NETWORK_PORT_CREATE_XML, args!(net, xml, flags))
            .await?
            .get()
    }
    /// virNetworkPortGetXMLDesc (NETWORK_PORT_GET_XML_DESC 409)
    async fn network_port_get_xml_desc(
        &self,
        port: &NetworkPortRef,
        flags: u32,
    ) -> VirResult<String> {
        self.call(p::NETWORK_PORT_GET_XML_DESC, args!(port, flags))
            .await?
            .get()
    }
    /// virNetworkPortDelete (NETWORK_PORT_DELETE 410)
    async fn network_port_delete(&self, port: &NetworkPortRef, flags: u32) -> VirResult<()> {
        self.call0(p::NETWORK_PORT_DELETE, args!(port, flags)).await
    }
    /// virNetworkPortGetParameters (NETWORK_PORT_GET_PARAMETERS 407): asks for the count
    /// first (nparams 0), then for that many.
    async fn network_port_get_parameters(
        &self,
        port: &NetworkPortRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        let mut r = self
            .call(p::NETWORK_PORT_GET_PARAMETERS, args!(port, 0i32, flags))
            .await?;
        let _: Vec<TypedParam> = r.get()?;
        let n: i32 = r.get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        self.call(p::NETWORK_PORT_GET_PARAMETERS, args!(port, n, flags))
            .await?
            .get()
    }
    /// virNetworkPortSetParameters (NETWORK_PORT_SET_PARAMETERS 408)
    async fn network_port_set_parameters(
        &self,
        port: &NetworkPortRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::NETWORK_PORT_SET_PARAMETERS, args!(port, params, flags))
            .await
    }
}
