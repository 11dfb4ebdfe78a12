//! Node device APIs (`virNodeDevice*`).

use crate::error::VirResult;
use crate::handle::NodeDeviceRef;
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait NodeDeviceDriver: Send + Sync {
    /// virConnectListAllNodeDevices
    async fn list_all_node_devices(&self, _flags: u32) -> VirResult<Vec<NodeDeviceRef>> {
        unsupported!(Nodedev, "virConnectListAllNodeDevices")
    }
    /// virNodeListDevices (names, optionally only those with capability `cap`)
    async fn node_list_devices(&self, _cap: Option<String>, _flags: u32) -> VirResult<Vec<String>> {
        unsupported!(Nodedev, "virNodeListDevices")
    }
    /// virNodeDeviceLookupByName
    async fn node_device_lookup_by_name(&self, _name: &str) -> VirResult<NodeDeviceRef> {
        unsupported!(Nodedev, "virNodeDeviceLookupByName")
    }
    /// virNodeDeviceLookupSCSIHostByWWN
    async fn node_device_lookup_scsi_host_by_wwn(
        &self,
        _wwnn: &str,
        _wwpn: &str,
        _flags: u32,
    ) -> VirResult<NodeDeviceRef> {
        unsupported!(Nodedev, "virNodeDeviceLookupSCSIHostByWWN")
    }
    /// virNodeDeviceGetXMLDesc
    async fn node_device_get_xml_desc(
        &self,
        _dev: &NodeDeviceRef,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!(Nodedev, "virNodeDeviceGetXMLDesc")
    }
    /// virNodeDeviceGetParent
    async fn node_device_get_parent(&self, _dev: &NodeDeviceRef) -> VirResult<Option<String>> {
        unsupported!(Nodedev, "virNodeDeviceGetParent")
    }
    /// virNodeDeviceListCaps
    async fn node_device_list_caps(&self, _dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        unsupported!(Nodedev, "virNodeDeviceListCaps")
    }
    /// virNodeDeviceCreateXML
    async fn node_device_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<NodeDeviceRef> {
        unsupported!(Nodedev, "virNodeDeviceCreateXML")
    }
    /// virNodeDeviceDefineXML
    async fn node_device_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<NodeDeviceRef> {
        unsupported!(Nodedev, "virNodeDeviceDefineXML")
    }
    /// virNodeDeviceDestroy
    async fn node_device_destroy(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        unsupported!(Nodedev, "virNodeDeviceDestroy")
    }
    /// virNodeDeviceUndefine
    async fn node_device_undefine(&self, _dev: &NodeDeviceRef, _flags: u32) -> VirResult<()> {
        unsupported!(Nodedev, "virNodeDeviceUndefine")
    }
    /// virNodeDeviceCreate
    async fn node_device_create(&self, _dev: &NodeDeviceRef, _flags: u32) -> VirResult<()> {
        unsupported!(Nodedev, "virNodeDeviceCreate")
    }
    /// virNodeDeviceIsActive
    async fn node_device_is_active(&self, _dev: &NodeDeviceRef) -> VirResult<bool> {
        unsupported!(Nodedev, "virNodeDeviceIsActive")
    }
    /// virNodeDeviceIsPersistent
    async fn node_device_is_persistent(&self, _dev: &NodeDeviceRef) -> VirResult<bool> {
        unsupported!(Nodedev, "virNodeDeviceIsPersistent")
    }
    /// virNodeDeviceGetAutostart
    async fn node_device_get_autostart(&self, _dev: &NodeDeviceRef) -> VirResult<bool> {
        unsupported!(Nodedev, "virNodeDeviceGetAutostart")
    }
    /// virNodeDeviceSetAutostart
    async fn node_device_set_autostart(
        &self,
        _dev: &NodeDeviceRef,
        _autostart: bool,
    ) -> VirResult<()> {
        unsupported!(Nodedev, "virNodeDeviceSetAutostart")
    }
    /// virNodeDeviceDetachFlags
    async fn node_device_detach(
        &self,
        _dev: &NodeDeviceRef,
        _driver: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Nodedev, "virNodeDeviceDetachFlags")
    }
    /// virNodeDeviceReAttach
    async fn node_device_reattach(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        unsupported!(Nodedev, "virNodeDeviceReAttach")
    }
    /// virNodeDeviceReset
    async fn node_device_reset(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        unsupported!(Nodedev, "virNodeDeviceReset")
    }
}
