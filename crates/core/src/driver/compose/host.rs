//! Host interface, node device and secret APIs forwarded to their drivers.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use async_trait::async_trait;

#[async_trait]
impl InterfaceDriver for ComposedConnection {
    /// virConnectListAllInterfaces
    async fn list_all_interfaces(&self, flags: u32) -> VirResult<Vec<InterfaceRef>> {
        self.interface().list_all_interfaces(flags).await
    }

    /// virInterfaceLookupByName
    async fn interface_lookup_by_name(&self, name: &str) -> VirResult<InterfaceRef> {
        self.interface().interface_lookup_by_name(name).await
    }

    /// virInterfaceLookupByMACString
    async fn interface_lookup_by_mac(&self, mac: &str) -> VirResult<InterfaceRef> {
        self.interface().interface_lookup_by_mac(mac).await
    }

    /// virInterfaceGetXMLDesc
    async fn interface_get_xml_desc(&self, iface: &InterfaceRef, flags: u32) -> VirResult<String> {
        self.interface().interface_get_xml_desc(iface, flags).await
    }

    /// virInterfaceDefineXML
    async fn interface_define_xml(&self, xml: &str, flags: u32) -> VirResult<InterfaceRef> {
        self.interface().interface_define_xml(xml, flags).await
    }

    /// virInterfaceUndefine
    async fn interface_undefine(&self, iface: &InterfaceRef) -> VirResult<()> {
        self.interface().interface_undefine(iface).await
    }

    /// virInterfaceCreate
    async fn interface_create(&self, iface: &InterfaceRef, flags: u32) -> VirResult<()> {
        self.interface().interface_create(iface, flags).await
    }

    /// virInterfaceDestroy
    async fn interface_destroy(&self, iface: &InterfaceRef, flags: u32) -> VirResult<()> {
        self.interface().interface_destroy(iface, flags).await
    }

    /// virInterfaceIsActive
    async fn interface_is_active(&self, iface: &InterfaceRef) -> VirResult<bool> {
        self.interface().interface_is_active(iface).await
    }

    /// virInterfaceChangeBegin
    async fn interface_change_begin(&self, flags: u32) -> VirResult<()> {
        self.interface().interface_change_begin(flags).await
    }

    /// virInterfaceChangeCommit
    async fn interface_change_commit(&self, flags: u32) -> VirResult<()> {
        self.interface().interface_change_commit(flags).await
    }

    /// virInterfaceChangeRollback
    async fn interface_change_rollback(&self, flags: u32) -> VirResult<()> {
        self.interface().interface_change_rollback(flags).await
    }
}

#[async_trait]
impl NodeDeviceDriver for ComposedConnection {
    /// virConnectListAllNodeDevices
    async fn list_all_node_devices(&self, flags: u32) -> VirResult<Vec<NodeDeviceRef>> {
        self.nodedev().list_all_node_devices(flags).await
    }

    /// virNodeListDevices (names, optionally only those with capability `cap`)
    async fn node_list_devices(&self, cap: Option<String>, flags: u32) -> VirResult<Vec<String>> {
        self.nodedev().node_list_devices(cap, flags).await
    }

    /// virNodeDeviceLookupByName
    async fn node_device_lookup_by_name(&self, name: &str) -> VirResult<NodeDeviceRef> {
        self.nodedev().node_device_lookup_by_name(name).await
    }

    /// virNodeDeviceLookupSCSIHostByWWN
    async fn node_device_lookup_scsi_host_by_wwn(
        &self,
        wwnn: &str,
        wwpn: &str,
        flags: u32,
    ) -> VirResult<NodeDeviceRef> {
        self.nodedev()
            .node_device_lookup_scsi_host_by_wwn(wwnn, wwpn, flags)
            .await
    }

    /// virNodeDeviceGetXMLDesc
    async fn node_device_get_xml_desc(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<String> {
        self.nodedev().node_device_get_xml_desc(dev, flags).await
    }

    /// virNodeDeviceGetParent
    async fn node_device_get_parent(&self, dev: &NodeDeviceRef) -> VirResult<Option<String>> {
        self.nodedev().node_device_get_parent(dev).await
    }

    /// virNodeDeviceListCaps
    async fn node_device_list_caps(&self, dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        self.nodedev().node_device_list_caps(dev).await
    }

    /// virNodeDeviceCreateXML
    async fn node_device_create_xml(&self, xml: &str, flags: u32) -> VirResult<NodeDeviceRef> {
        self.nodedev().node_device_create_xml(xml, flags).await
    }

    /// virNodeDeviceDefineXML
    async fn node_device_define_xml(&self, xml: &str, flags: u32) -> VirResult<NodeDeviceRef> {
        self.nodedev().node_device_define_xml(xml, flags).await
    }

    /// virNodeDeviceDestroy
    async fn node_device_destroy(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.nodedev().node_device_destroy(dev).await
    }

    /// virNodeDeviceUndefine
    async fn node_device_undefine(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<()> {
        self.nodedev().node_device_undefine(dev, flags).await
    }

    /// virNodeDeviceCreate
    async fn node_device_create(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<()> {
        self.nodedev().node_device_create(dev, flags).await
    }

    /// virNodeDeviceIsActive
    async fn node_device_is_active(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.nodedev().node_device_is_active(dev).await
    }

    /// virNodeDeviceIsPersistent
    async fn node_device_is_persistent(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.nodedev().node_device_is_persistent(dev).await
    }

    /// virNodeDeviceGetAutostart
    async fn node_device_get_autostart(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.nodedev().node_device_get_autostart(dev).await
    }

    /// virNodeDeviceSetAutostart
    async fn node_device_set_autostart(
        &self,
        dev: &NodeDeviceRef,
        autostart: bool,
    ) -> VirResult<()> {
        self.nodedev()
            .node_device_set_autostart(dev, autostart)
            .await
    }

    /// virNodeDeviceDetachFlags
    async fn node_device_detach(
        &self,
        dev: &NodeDeviceRef,
        driver: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.nodedev().node_device_detach(dev, driver, flags).await
    }

    /// virNodeDeviceReAttach
    async fn node_device_reattach(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.nodedev().node_device_reattach(dev).await
    }

    /// virNodeDeviceReset
    async fn node_device_reset(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.nodedev().node_device_reset(dev).await
    }
}

#[async_trait]
impl SecretDriver for ComposedConnection {
    /// virConnectListAllSecrets
    async fn list_all_secrets(&self, flags: u32) -> VirResult<Vec<SecretRef>> {
        self.secret().list_all_secrets(flags).await
    }

    /// virSecretLookupByUUID
    async fn secret_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<SecretRef> {
        self.secret().secret_lookup_by_uuid(uuid).await
    }

    /// virSecretLookupByUsage
    async fn secret_lookup_by_usage(
        &self,
        usage_type: i32,
        usage_id: &str,
    ) -> VirResult<SecretRef> {
        self.secret()
            .secret_lookup_by_usage(usage_type, usage_id)
            .await
    }

    /// virSecretDefineXML
    async fn secret_define_xml(&self, xml: &str, flags: u32) -> VirResult<SecretRef> {
        self.secret().secret_define_xml(xml, flags).await
    }

    /// virSecretGetXMLDesc
    async fn secret_get_xml_desc(&self, secret: &SecretRef, flags: u32) -> VirResult<String> {
        self.secret().secret_get_xml_desc(secret, flags).await
    }

    /// virSecretSetValue
    async fn secret_set_value(
        &self,
        secret: &SecretRef,
        value: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.secret().secret_set_value(secret, value, flags).await
    }

    /// virSecretGetValue
    async fn secret_get_value(&self, secret: &SecretRef, flags: u32) -> VirResult<Vec<u8>> {
        self.secret().secret_get_value(secret, flags).await
    }

    /// virSecretUndefine
    async fn secret_undefine(&self, secret: &SecretRef) -> VirResult<()> {
        self.secret().secret_undefine(secret).await
    }
}
