//! Storage, interface, node-device and secret APIs of
//! `ReadOnlyConnection` (see the parent module): each state-changing API is refused on a
//! read-only connection before the driver runs; everything else forwards unchanged.

use async_trait::async_trait;
use rvirt_core::driver::*;
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::handle::*;
use rvirt_core::info::*;
use rvirt_core::stream::DataStream;
use rvirt_core::Uuid;

use super::{denied, ReadOnlyConnection};

#[async_trait]
impl StorageDriver for ReadOnlyConnection {
    /// virConnectListAllStoragePools
    async fn list_all_storage_pools(&self, flags: u32) -> VirResult<Vec<StoragePoolRef>> {
        self.inner.list_all_storage_pools(flags).await
    }

    /// virConnectFindStoragePoolSources
    async fn find_storage_pool_sources(
        &self,
        _pool_type: &str,
        _src_spec: Option<String>,
        _flags: u32,
    ) -> VirResult<String> {
        Err(denied(
            ErrorDomain::Storage,
            "virConnectFindStoragePoolSources",
        ))
    }

    /// virConnectGetStoragePoolCapabilities
    async fn storage_pool_capabilities(&self, flags: u32) -> VirResult<String> {
        self.inner.storage_pool_capabilities(flags).await
    }

    /// virStoragePoolLookupByName
    async fn pool_lookup_by_name(&self, name: &str) -> VirResult<StoragePoolRef> {
        self.inner.pool_lookup_by_name(name).await
    }

    /// virStoragePoolLookupByUUID
    async fn pool_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<StoragePoolRef> {
        self.inner.pool_lookup_by_uuid(uuid).await
    }

    /// virStoragePoolLookupByVolume
    async fn pool_lookup_by_volume(&self, vol: &StorageVolRef) -> VirResult<StoragePoolRef> {
        self.inner.pool_lookup_by_volume(vol).await
    }

    /// virStoragePoolLookupByTargetPath
    async fn pool_lookup_by_target_path(&self, path: &str) -> VirResult<StoragePoolRef> {
        self.inner.pool_lookup_by_target_path(path).await
    }

    /// virStoragePoolDefineXML
    async fn pool_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<StoragePoolRef> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolDefineXML"))
    }

    /// virStoragePoolCreateXML
    async fn pool_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<StoragePoolRef> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolCreateXML"))
    }

    /// virStoragePoolBuild
    async fn pool_build(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolBuild"))
    }

    /// virStoragePoolUndefine
    async fn pool_undefine(&self, _pool: &StoragePoolRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolUndefine"))
    }

    /// virStoragePoolCreate
    async fn pool_create(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolCreate"))
    }

    /// virStoragePoolDestroy
    async fn pool_destroy(&self, _pool: &StoragePoolRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolDestroy"))
    }

    /// virStoragePoolDelete
    async fn pool_delete(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolDelete"))
    }

    /// virStoragePoolRefresh
    async fn pool_refresh(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolRefresh"))
    }

    /// virStoragePoolGetInfo
    async fn pool_get_info(&self, pool: &StoragePoolRef) -> VirResult<StoragePoolInfo> {
        self.inner.pool_get_info(pool).await
    }

    /// virStoragePoolGetXMLDesc
    async fn pool_get_xml_desc(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<String> {
        self.inner.pool_get_xml_desc(pool, flags).await
    }

    /// virStoragePoolGetAutostart
    async fn pool_get_autostart(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.inner.pool_get_autostart(pool).await
    }

    /// virStoragePoolSetAutostart
    async fn pool_set_autostart(&self, _pool: &StoragePoolRef, _autostart: bool) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStoragePoolSetAutostart"))
    }

    /// virStoragePoolIsActive
    async fn pool_is_active(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.inner.pool_is_active(pool).await
    }

    /// virStoragePoolIsPersistent
    async fn pool_is_persistent(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.inner.pool_is_persistent(pool).await
    }

    /// virStoragePoolListAllVolumes
    async fn pool_list_all_volumes(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<Vec<StorageVolRef>> {
        self.inner.pool_list_all_volumes(pool, flags).await
    }

    /// virStorageVolLookupByName
    async fn vol_lookup_by_name(
        &self,
        pool: &StoragePoolRef,
        name: &str,
    ) -> VirResult<StorageVolRef> {
        self.inner.vol_lookup_by_name(pool, name).await
    }

    /// virStorageVolLookupByKey
    async fn vol_lookup_by_key(&self, key: &str) -> VirResult<StorageVolRef> {
        self.inner.vol_lookup_by_key(key).await
    }

    /// virStorageVolLookupByPath
    async fn vol_lookup_by_path(&self, path: &str) -> VirResult<StorageVolRef> {
        self.inner.vol_lookup_by_path(path).await
    }

    /// virStorageVolCreateXML
    async fn vol_create_xml(
        &self,
        _pool: &StoragePoolRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<StorageVolRef> {
        Err(denied(ErrorDomain::Storage, "virStorageVolCreateXML"))
    }

    /// virStorageVolCreateXMLFrom
    async fn vol_create_xml_from(
        &self,
        _pool: &StoragePoolRef,
        _xml: &str,
        _clone: &StorageVolRef,
        _flags: u32,
    ) -> VirResult<StorageVolRef> {
        Err(denied(ErrorDomain::Storage, "virStorageVolCreateXMLFrom"))
    }

    /// virStorageVolDelete
    async fn vol_delete(&self, _vol: &StorageVolRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStorageVolDelete"))
    }

    /// virStorageVolWipe / virStorageVolWipePattern
    async fn vol_wipe(&self, _vol: &StorageVolRef, _algorithm: u32, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStorageVolWipe"))
    }

    /// virStorageVolGetInfoFlags
    async fn vol_get_info(&self, vol: &StorageVolRef, flags: u32) -> VirResult<StorageVolInfo> {
        self.inner.vol_get_info(vol, flags).await
    }

    /// virStorageVolGetXMLDesc
    async fn vol_get_xml_desc(&self, vol: &StorageVolRef, flags: u32) -> VirResult<String> {
        self.inner.vol_get_xml_desc(vol, flags).await
    }

    /// virStorageVolGetPath
    async fn vol_get_path(&self, vol: &StorageVolRef) -> VirResult<String> {
        self.inner.vol_get_path(vol).await
    }

    /// virStorageVolResize
    async fn vol_resize(&self, _vol: &StorageVolRef, _capacity: u64, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Storage, "virStorageVolResize"))
    }

    /// virStorageVolUpload: the returned stream's sink receives the data.
    async fn vol_upload(
        &self,
        _vol: &StorageVolRef,
        _offset: u64,
        _length: u64,
        _flags: u32,
    ) -> VirResult<DataStream> {
        Err(denied(ErrorDomain::Storage, "virStorageVolUpload"))
    }

    /// virStorageVolDownload: the returned stream's source yields the data.
    async fn vol_download(
        &self,
        _vol: &StorageVolRef,
        _offset: u64,
        _length: u64,
        _flags: u32,
    ) -> VirResult<DataStream> {
        Err(denied(ErrorDomain::Storage, "virStorageVolDownload"))
    }
}

#[async_trait]
impl InterfaceDriver for ReadOnlyConnection {
    /// virConnectListAllInterfaces
    async fn list_all_interfaces(&self, flags: u32) -> VirResult<Vec<InterfaceRef>> {
        self.inner.list_all_interfaces(flags).await
    }

    /// virInterfaceLookupByName
    async fn interface_lookup_by_name(&self, name: &str) -> VirResult<InterfaceRef> {
        self.inner.interface_lookup_by_name(name).await
    }

    /// virInterfaceLookupByMACString
    async fn interface_lookup_by_mac(&self, mac: &str) -> VirResult<InterfaceRef> {
        self.inner.interface_lookup_by_mac(mac).await
    }

    /// virInterfaceGetXMLDesc
    async fn interface_get_xml_desc(&self, iface: &InterfaceRef, flags: u32) -> VirResult<String> {
        self.inner.interface_get_xml_desc(iface, flags).await
    }

    /// virInterfaceDefineXML
    async fn interface_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<InterfaceRef> {
        Err(denied(ErrorDomain::Interface, "virInterfaceDefineXML"))
    }

    /// virInterfaceUndefine
    async fn interface_undefine(&self, _iface: &InterfaceRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Interface, "virInterfaceUndefine"))
    }

    /// virInterfaceCreate
    async fn interface_create(&self, _iface: &InterfaceRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Interface, "virInterfaceCreate"))
    }

    /// virInterfaceDestroy
    async fn interface_destroy(&self, _iface: &InterfaceRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Interface, "virInterfaceDestroy"))
    }

    /// virInterfaceIsActive
    async fn interface_is_active(&self, iface: &InterfaceRef) -> VirResult<bool> {
        self.inner.interface_is_active(iface).await
    }

    /// virInterfaceChangeBegin
    async fn interface_change_begin(&self, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Interface, "virInterfaceChangeBegin"))
    }

    /// virInterfaceChangeCommit
    async fn interface_change_commit(&self, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Interface, "virInterfaceChangeCommit"))
    }

    /// virInterfaceChangeRollback
    async fn interface_change_rollback(&self, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Interface, "virInterfaceChangeRollback"))
    }
}

#[async_trait]
impl NodeDeviceDriver for ReadOnlyConnection {
    /// virConnectListAllNodeDevices
    async fn list_all_node_devices(&self, flags: u32) -> VirResult<Vec<NodeDeviceRef>> {
        self.inner.list_all_node_devices(flags).await
    }

    /// virNodeListDevices (names, optionally only those with capability `cap`)
    async fn node_list_devices(&self, cap: Option<String>, flags: u32) -> VirResult<Vec<String>> {
        self.inner.node_list_devices(cap, flags).await
    }

    /// virNodeDeviceLookupByName
    async fn node_device_lookup_by_name(&self, name: &str) -> VirResult<NodeDeviceRef> {
        self.inner.node_device_lookup_by_name(name).await
    }

    /// virNodeDeviceLookupSCSIHostByWWN
    async fn node_device_lookup_scsi_host_by_wwn(
        &self,
        wwnn: &str,
        wwpn: &str,
        flags: u32,
    ) -> VirResult<NodeDeviceRef> {
        self.inner
            .node_device_lookup_scsi_host_by_wwn(wwnn, wwpn, flags)
            .await
    }

    /// virNodeDeviceGetXMLDesc
    async fn node_device_get_xml_desc(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<String> {
        self.inner.node_device_get_xml_desc(dev, flags).await
    }

    /// virNodeDeviceGetParent
    async fn node_device_get_parent(&self, dev: &NodeDeviceRef) -> VirResult<Option<String>> {
        self.inner.node_device_get_parent(dev).await
    }

    /// virNodeDeviceListCaps
    async fn node_device_list_caps(&self, dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        self.inner.node_device_list_caps(dev).await
    }

    /// virNodeDeviceCreateXML
    async fn node_device_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<NodeDeviceRef> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceCreateXML"))
    }

    /// virNodeDeviceDefineXML
    async fn node_device_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<NodeDeviceRef> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceDefineXML"))
    }

    /// virNodeDeviceDestroy
    async fn node_device_destroy(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceDestroy"))
    }

    /// virNodeDeviceUndefine
    async fn node_device_undefine(&self, _dev: &NodeDeviceRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceUndefine"))
    }

    /// virNodeDeviceCreate
    async fn node_device_create(&self, _dev: &NodeDeviceRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceCreate"))
    }

    /// virNodeDeviceIsActive
    async fn node_device_is_active(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.inner.node_device_is_active(dev).await
    }

    /// virNodeDeviceIsPersistent
    async fn node_device_is_persistent(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.inner.node_device_is_persistent(dev).await
    }

    /// virNodeDeviceGetAutostart
    async fn node_device_get_autostart(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.inner.node_device_get_autostart(dev).await
    }

    /// virNodeDeviceSetAutostart
    async fn node_device_set_autostart(
        &self,
        _dev: &NodeDeviceRef,
        _autostart: bool,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceSetAutostart"))
    }

    /// virNodeDeviceDetachFlags
    async fn node_device_detach(
        &self,
        _dev: &NodeDeviceRef,
        _driver: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceDetachFlags"))
    }

    /// virNodeDeviceReAttach
    async fn node_device_reattach(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceReAttach"))
    }

    /// virNodeDeviceReset
    async fn node_device_reset(&self, _dev: &NodeDeviceRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Nodedev, "virNodeDeviceReset"))
    }
}

#[async_trait]
impl SecretDriver for ReadOnlyConnection {
    /// virConnectListAllSecrets
    async fn list_all_secrets(&self, flags: u32) -> VirResult<Vec<SecretRef>> {
        self.inner.list_all_secrets(flags).await
    }

    /// virSecretLookupByUUID
    async fn secret_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<SecretRef> {
        self.inner.secret_lookup_by_uuid(uuid).await
    }

    /// virSecretLookupByUsage
    async fn secret_lookup_by_usage(
        &self,
        usage_type: i32,
        usage_id: &str,
    ) -> VirResult<SecretRef> {
        self.inner
            .secret_lookup_by_usage(usage_type, usage_id)
            .await
    }

    /// virSecretDefineXML
    async fn secret_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<SecretRef> {
        Err(denied(ErrorDomain::Secret, "virSecretDefineXML"))
    }

    /// virSecretGetXMLDesc
    async fn secret_get_xml_desc(&self, secret: &SecretRef, flags: u32) -> VirResult<String> {
        self.inner.secret_get_xml_desc(secret, flags).await
    }

    /// virSecretSetValue
    async fn secret_set_value(
        &self,
        _secret: &SecretRef,
        _value: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Secret, "virSecretSetValue"))
    }

    /// virSecretGetValue
    async fn secret_get_value(&self, _secret: &SecretRef, _flags: u32) -> VirResult<Vec<u8>> {
        Err(denied(ErrorDomain::Secret, "virSecretGetValue"))
    }

    /// virSecretUndefine
    async fn secret_undefine(&self, _secret: &SecretRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Secret, "virSecretUndefine"))
    }
}
