//! Host interface APIs (`virInterface*`).

use crate::error::VirResult;
use crate::handle::InterfaceRef;
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait InterfaceDriver: Send + Sync {
    /// virConnectListAllInterfaces
    async fn list_all_interfaces(&self, _flags: u32) -> VirResult<Vec<InterfaceRef>> {
        unsupported!(Interface, "virConnectListAllInterfaces")
    }
    /// virInterfaceLookupByName
    async fn interface_lookup_by_name(&self, _name: &str) -> VirResult<InterfaceRef> {
        unsupported!(Interface, "virInterfaceLookupByName")
    }
    /// virInterfaceLookupByMACString
    async fn interface_lookup_by_mac(&self, _mac: &str) -> VirResult<InterfaceRef> {
        unsupported!(Interface, "virInterfaceLookupByMACString")
    }
    /// virInterfaceGetXMLDesc
    async fn interface_get_xml_desc(
        &self,
        _iface: &InterfaceRef,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!(Interface, "virInterfaceGetXMLDesc")
    }
    /// virInterfaceDefineXML
    async fn interface_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<InterfaceRef> {
        unsupported!(Interface, "virInterfaceDefineXML")
    }
    /// virInterfaceUndefine
    async fn interface_undefine(&self, _iface: &InterfaceRef) -> VirResult<()> {
        unsupported!(Interface, "virInterfaceUndefine")
    }
    /// virInterfaceCreate
    async fn interface_create(&self, _iface: &InterfaceRef, _flags: u32) -> VirResult<()> {
        unsupported!(Interface, "virInterfaceCreate")
    }
    /// virInterfaceDestroy
    async fn interface_destroy(&self, _iface: &InterfaceRef, _flags: u32) -> VirResult<()> {
        unsupported!(Interface, "virInterfaceDestroy")
    }
    /// virInterfaceIsActive
    async fn interface_is_active(&self, _iface: &InterfaceRef) -> VirResult<bool> {
        unsupported!(Interface, "virInterfaceIsActive")
    }
    /// virInterfaceChangeBegin
    async fn interface_change_begin(&self, _flags: u32) -> VirResult<()> {
        unsupported!(Interface, "virInterfaceChangeBegin")
    }
    /// virInterfaceChangeCommit
    async fn interface_change_commit(&self, _flags: u32) -> VirResult<()> {
        unsupported!(Interface, "virInterfaceChangeCommit")
    }
    /// virInterfaceChangeRollback
    async fn interface_change_rollback(&self, _flags: u32) -> VirResult<()> {
        unsupported!(Interface, "virInterfaceChangeRollback")
    }
}
