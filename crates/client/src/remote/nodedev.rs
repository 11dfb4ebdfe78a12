//! `NodeDeviceDriver` over RPC (most procedures take the device name).

use async_trait::async_trait;
use rvirt_core::driver::NodeDeviceDriver;
use rvirt_core::error::VirResult;
use rvirt_core::NodeDeviceRef;

use super::conn::RemoteConnection;
use super::procs as p;
use super::wire::args;

#[async_trait]
impl NodeDeviceDriver for RemoteConnection {
    /// virConnectListAllNodeDevices (CONNECT_LIST_ALL_NODE_DEVICES 285)
    async fn list_all_node_devices(&self, flags: u32) -> VirResult<Vec<NodeDeviceRef>> {
        self.call(p::CONNECT_LIST_ALL_NODE_DEVICES, args!(1i32, flags))
            .await?
            .get()
    }
    /// virNodeListDevices (NODE_NUM_OF_DEVICES 111, NODE_LIST_DEVICES 112)
    async fn node_list_devices(&self, cap: Option<String>, flags: u32) -> VirResult<Vec<String>> {
        let n: i32 = self
            .call(p::NODE_NUM_OF_DEVICES, args!(cap, flags))
            .await?
            .get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        self.call(p::NODE_LIST_DEVICES, args!(cap, n, flags))
            .await?
            .get()
    }
    /// virNodeDeviceLookupByName (NODE_DEVICE_LOOKUP_BY_NAME 113)
    async fn node_device_lookup_by_name(&self, name: &str) -> VirResult<NodeDeviceRef> {
        self.call(p::NODE_DEVICE_LOOKUP_BY_NAME, args!(name))
            .await?
            .get()
    }
    /// virNodeDeviceLookupSCSIHostByWWN (NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN 297)
    async fn node_device_lookup_scsi_host_by_wwn(
        &self,
        wwnn: &str,
        wwpn: &str,
        flags: u32,
    ) -> VirResult<NodeDeviceRef> {
        self.call(
            p::NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN,
            args!(wwnn, wwpn, flags),
        )
        .await?
        .get()
    }
    /// virNodeDeviceGetXMLDesc (NODE_DEVICE_GET_XML_DESC 114)
    async fn node_device_get_xml_desc(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<String> {
        self.call(p::NODE_DEVICE_GET_XML_DESC, args!(dev.name, flags))
            .await?
            .get()
    }
    /// virNodeDeviceGetParent (NODE_DEVICE_GET_PARENT 115)
    async fn node_device_get_parent(&self, dev: &NodeDeviceRef) -> VirResult<Option<String>> {
        self.call(p::NODE_DEVICE_GET_PARENT, args!(dev.name))
            .await?
            .get()
    }
    /// virNodeDeviceListCaps (NODE_DEVICE_NUM_OF_CAPS 116, NODE_DEVICE_LIST_CAPS 117)
    async fn node_device_list_caps(&self, dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        let n: i32 = self
            .call(p::NODE_DEVICE_NUM_OF_CAPS, args!(dev.name))
            .await?
            .get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        self.call(p::NODE_DEVICE_LIST_CAPS, args!(dev.name, n))
            .await?
            .get()
    }
    /// virNodeDeviceCreateXML (NODE_DEVICE_CREATE_XML 123)
    async fn node_device_create_xml(&self, xml: &str, flags: u32) -> VirResult<NodeDeviceRef> {
        self.call(p::NODE_DEVICE_CREATE_XML, args!(xml, flags))
            .await?
            .get()
    }
    /// virNodeDeviceDefineXML (NODE_DEVICE_DEFINE_XML 428)
    async fn node_device_define_xml(&self, xml: &str, flags: u32) -> VirResult<NodeDeviceRef> {
        self.call(p::NODE_DEVICE_DEFINE_XML, args!(xml, flags))
            .await?
            .get()
    }
    /// virNodeDeviceDestroy (NODE_DEVICE_DESTROY 124)
    async fn node_device_destroy(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.call0(p::NODE_DEVICE_DESTROY, args!(dev.name)).await
    }
    /// virNodeDeviceUndefine (NODE_DEVICE_UNDEFINE 429)
    async fn node_device_undefine(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<()> {
        self.call0(p::NODE_DEVICE_UNDEFINE, args!(dev.name, flags))
            .await
    }
    /// virNodeDeviceCreate (NODE_DEVICE_CREATE 430)
    async fn node_device_create(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<()> {
        self.call0(p::NODE_DEVICE_CREATE, args!(dev.name, flags))
            .await
    }
    /// virNodeDeviceIsActive (NODE_DEVICE_IS_ACTIVE 436)
    async fn node_device_is_active(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.call(p::NODE_DEVICE_IS_ACTIVE, args!(dev.name))
            .await?
            .flag()
    }
    /// virNodeDeviceIsPersistent (NODE_DEVICE_IS_PERSISTENT 435)
    async fn node_device_is_persistent(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.call(p::NODE_DEVICE_IS_PERSISTENT, args!(dev.name))
            .await?
            .flag()
    }
    /// virNodeDeviceGetAutostart (NODE_DEVICE_GET_AUTOSTART 433)
    async fn node_device_get_autostart(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.call(p::NODE_DEVICE_GET_AUTOSTART, args!(dev.name))
            .await?
            .flag()
    }
    /// virNodeDeviceSetAutostart (NODE_DEVICE_SET_AUTOSTART 434)
    async fn node_device_set_autostart(
        &self,
        dev: &NodeDeviceRef,
        autostart: bool,
    ) -> VirResult<()> {
        self.call0(
            p::NODE_DEVICE_SET_AUTOSTART,
            args!(dev.name, i32::from(autostart)),
        )
        .await
    }
    /// virNodeDeviceDetachFlags (NODE_DEVICE_DETACH_FLAGS 301)
    async fn node_device_detach(
        &self,
        dev: &NodeDeviceRef,
        driver: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::NODE_DEVICE_DETACH_FLAGS, args!(dev.name, driver, flags))
            .await
    }
    /// virNodeDeviceReAttach (NODE_DEVICE_RE_ATTACH 119)
    async fn node_device_reattach(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.call0(p::NODE_DEVICE_RE_ATTACH, args!(dev.name)).await
    }
    /// virNodeDeviceReset (NODE_DEVICE_RESET 120)
    async fn node_device_reset(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.call0(p::NODE_DEVICE_RESET, args!(dev.name)).await
    }
}
