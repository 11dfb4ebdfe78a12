//! Node device APIs (`virNodeDevice*`).

use crate::error::VirResult;
use crate::handle::NodeDeviceRef;
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait NodeDeviceDriver: Send + Sync {
    /// virConnectListAllNodeDevices
    async fn list_all_node_devices(&self, _flags: u32) -> VirResult<Vec<NodeDeviceRef>> {
        unsupported!("virConnectListAllNodeDevices")
    }
    /// virNodeListDevices (names, optionally only those with capability `cap`)
    async fn node_list_devices(&self, _cap: Option<String>, _flags: u32) -> VirResult<Vec<String>> {
        unsupported!("virNodeListDevices")
    }
    /// virNodeDeviceLookupByName
    async fn node_device_lookup_by_name(&self, _name: &str) -> VirResult<NodeDeviceRef> {
        unsupported!("virNodeDeviceLookupByName")
    }
    /// virNodeDeviceLookupSCSIHostByWWN
    async fn node_device_lookup_scsi_host_by_wwn(
        &self,
        _wwnn: &str,
        _wwpn: &str,
        _flags: u32,
    ) -> VirResult<NodeDeviceRef> {
        unsupported!("virNodeDeviceLookupSCSIHostByWWN")
    }
    /// virNodeDeviceGetXMLDesc
    async fn node_device_get_xml_desc(
        &self,
        _dev: &NodeDeviceRef,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!("virNodeDeviceGetXMLDesc")
    }
    /// virNodeDeviceGetParent
    async fn node_device_get_parent(&self, _dev: &NodeDeviceRef) -> VirResult<Option<String>> {
        unsupported!("virNodeDeviceGetParent")
    }
    /// virNodeDeviceListCaps
    async fn node_device_list_caps(&self, _dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        unsupported!("virNodeDeviceListCaps")
    }
    /// virNodeDeviceCreateXML
    async fn node_device_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<NodeDeviceRef> {
        unsupported!("virNodeDeviceCreateXML")
    }
    /// virNodeDeviceDefineXML
    async fn node_device_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<NodeDeviceRef> {
        unsupported!("virNodeDeviceDefineXML")
    }
    /// virNodeDeviceDestroy
    async fn node_device_destroy(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        unsupported!("virNodeDeviceDestroy")
    }
    /// virNodeDeviceUndefine
    async fn node_device_undefine(&self, _dev: &NodeDeviceRef, _flags: u32) -> VirResult<()> {
        unsupported!("virNodeDeviceUndefine")
    }
    /// virNodeDeviceCreate
    async fn node_device_create(&self, _dev: &NodeDeviceRef, _flags: u32) -> VirResult<()> {
        unsupported!("virNodeDeviceCreate")
    }
    /// virNodeDeviceIsActive
    async fn node_device_is_active(&self, _dev: &NodeDeviceRef) -> VirResult<bool> {
        unsupported!("virNodeDeviceIsActive")
    }
    /// virNodeDeviceIsPersistent
    async fn node_device_is_persistent(&self, _dev: &NodeDeviceRef) -> VirResult<bool> {
        unsupported!("virNodeDeviceIsPersistent")
    }
    /// virNodeDeviceGetAutostart
    async fn node_device_get_autostart(&self, _dev: &NodeDeviceRef) -> VirResult<bool> {
        unsupported!("virNodeDeviceGetAutostart")
    }
    /// virNodeDeviceSetAutostart
    async fn node_device_set_autostart(
        &self,
        _dev: &NodeDeviceRef,
        _autostart: bool,
    ) -> VirResult<()> {
        unsupported!("virNodeDeviceSetAutostart")
    }
    /// virNodeDeviceDetachFlags
    async fn node_device_detach(
        &self,
        _dev: &NodeDeviceRef,
        _driver: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virNodeDeviceDetachFlags")
    }
    /// virNodeDeviceReAttach
    async fn node_device_reattach(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        unsupported!("virNodeDeviceReAttach")
    }
    /// virNodeDeviceReset
    async fn node_device_reset(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        unsupported!("virNodeDeviceReset")
    }
}
