//! `InterfaceDriver` over RPC.

use async_trait::async_trait;
use rvirt_core::driver::InterfaceDriver;
use rvirt_core::error::VirResult;
use rvirt_core::InterfaceRef;

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::args;

#[async_trait]
impl InterfaceDriver for RemoteConnection {
    /// virConnectListAllInterfaces (CONNECT_LIST_ALL_INTERFACES 284)
    async fn list_all_interfaces(&self, flags: u32) -> VirResult<Vec<InterfaceRef>> {
        self.call(p::CONNECT_LIST_ALL_INTERFACES, args!(1i32, flags))
            .await?
            .get()
    }
    /// virInterfaceLookupByName (INTERFACE_LOOKUP_BY_NAME 128)
    async fn interface_lookup_by_name(&self, name: &str) -> VirResult<InterfaceRef> {
        self.call(p::INTERFACE_LOOKUP_BY_NAME, args!(name))
            .await?
            .get()
    }
    /// virInterfaceLookupByMACString (INTERFACE_LOOKUP_BY_MAC_STRING 129)
    async fn interface_lookup_by_mac(&self, mac: &str) -> VirResult<InterfaceRef> {
        self.call(p::INTERFACE_LOOKUP_BY_MAC_STRING, args!(mac))
            .await?
            .get()
    }
    /// virInterfaceGetXMLDesc (INTERFACE_GET_XML_DESC 130)
    async fn interface_get_xml_desc(&self, iface: &InterfaceRef, flags: u32) -> VirResult<String> {
        self.call(p::INTERFACE_GET_XML_DESC, args!(iface, flags))
            .await?
            .get()
    }
    /// virInterfaceDefineXML (INTERFACE_DEFINE_XML 131)
    async fn interface_define_xml(&self, xml: &str, flags: u32) -> VirResult<InterfaceRef> {
        self.call(p::INTERFACE_DEFINE_XML, args!(xml, flags))
            .await?
            .get()
    }
    /// virInterfaceUndefine (INTERFACE_UNDEFINE 132)
    async fn interface_undefine(&self, iface: &InterfaceRef) -> VirResult<()> {
        self.call0(p::INTERFACE_UNDEFINE, args!(iface)).await
    }
    /// virInterfaceCreate (INTERFACE_CREATE 133)
    async fn interface_create(&self, iface: &InterfaceRef, flags: u32) -> VirResult<()> {
        self.call0(p::INTERFACE_CREATE, args!(iface, flags)).await
    }
    /// virInterfaceDestroy (INTERFACE_DESTROY 134)
    async fn interface_destroy(&self, iface: &InterfaceRef, flags: u32) -> VirResult<()> {
        self.call0(p::INTERFACE_DESTROY, args!(iface, flags)).await
    }
    /// virInterfaceIsActive (INTERFACE_IS_ACTIVE 156)
    async fn interface_is_active(&self, iface: &InterfaceRef) -> VirResult<bool> {
        self.call(p::INTERFACE_IS_ACTIVE, args!(iface))
            .await?
            .flag()
    }
    /// virInterfaceChangeBegin (INTERFACE_CHANGE_BEGIN 220)
    async fn interface_change_begin(&self, flags: u32) -> VirResult<()> {
        self.call0(p::INTERFACE_CHANGE_BEGIN, args!(flags)).await
    }
    /// virInterfaceChangeCommit (INTERFACE_CHANGE_COMMIT 221)
    async fn interface_change_commit(&self, flags: u32) -> VirResult<()> {
        self.call0(p::INTERFACE_CHANGE_COMMIT, args!(flags)).await
    }
    /// virInterfaceChangeRollback (INTERFACE_CHANGE_ROLLBACK 222)
    async fn interface_change_rollback(&self, flags: u32) -> VirResult<()> {
        self.call0(p::INTERFACE_CHANGE_ROLLBACK, args!(flags)).await
    }
}
