//! Storage pool and volume APIs (`virStoragePool*`, `virStorageVol*`).

use crate::error::VirResult;
use crate::handle::{StoragePoolRef, StorageVolRef, Uuid};
use crate::info::{StoragePoolInfo, StorageVolInfo};
use crate::stream::DataStream;
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait StorageDriver: Send + Sync {
    /// virConnectListAllStoragePools
    async fn list_all_storage_pools(&self, _flags: u32) -> VirResult<Vec<StoragePoolRef>> {
        unsupported!(Storage, "virConnectListAllStoragePools")
    }
    /// virConnectFindStoragePoolSources
    async fn find_storage_pool_sources(
        &self,
        _pool_type: &str,
        _src_spec: Option<String>,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!(Storage, "virConnectFindStoragePoolSources")
    }
    /// virConnectGetStoragePoolCapabilities: the `<storagepoolCapabilities>` document.
    async fn storage_pool_capabilities(&self, _flags: u32) -> VirResult<String> {
        unsupported!(Storage, "virConnectGetStoragePoolCapabilities")
    }
    /// virStoragePoolLookupByName
    async fn pool_lookup_by_name(&self, _name: &str) -> VirResult<StoragePoolRef> {
        unsupported!(Storage, "virStoragePoolLookupByName")
    }
    /// virStoragePoolLookupByUUID
    async fn pool_lookup_by_uuid(&self, _uuid: Uuid) -> VirResult<StoragePoolRef> {
        unsupported!(Storage, "virStoragePoolLookupByUUID")
    }
    /// virStoragePoolLookupByVolume
    async fn pool_lookup_by_volume(&self, _vol: &StorageVolRef) -> VirResult<StoragePoolRef> {
        unsupported!(Storage, "virStoragePoolLookupByVolume")
    }
    /// virStoragePoolLookupByTargetPath
    async fn pool_lookup_by_target_path(&self, _path: &str) -> VirResult<StoragePoolRef> {
        unsupported!(Storage, "virStoragePoolLookupByTargetPath")
    }
    /// virStoragePoolDefineXML
    async fn pool_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<StoragePoolRef> {
        unsupported!(Storage, "virStoragePoolDefineXML")
    }
    /// virStoragePoolCreateXML
    async fn pool_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<StoragePoolRef> {
        unsupported!(Storage, "virStoragePoolCreateXML")
    }
    /// virStoragePoolBuild
    async fn pool_build(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<()> {
        unsupported!(Storage, "virStoragePoolBuild")
    }
    /// virStoragePoolUndefine
    async fn pool_undefine(&self, _pool: &StoragePoolRef) -> VirResult<()> {
        unsupported!(Storage, "virStoragePoolUndefine")
    }
    /// virStoragePoolCreate
    async fn pool_create(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<()> {
        unsupported!(Storage, "virStoragePoolCreate")
    }
    /// virStoragePoolDestroy
    async fn pool_destroy(&self, _pool: &StoragePoolRef) -> VirResult<()> {
        unsupported!(Storage, "virStoragePoolDestroy")
    }
    /// virStoragePoolDelete
    async fn pool_delete(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<()> {
        unsupported!(Storage, "virStoragePoolDelete")
    }
    /// virStoragePoolRefresh
    async fn pool_refresh(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<()> {
        unsupported!(Storage, "virStoragePoolRefresh")
    }
    /// virStoragePoolGetInfo
    async fn pool_get_info(&self, _pool: &StoragePoolRef) -> VirResult<StoragePoolInfo> {
        unsupported!(Storage, "virStoragePoolGetInfo")
    }
    /// virStoragePoolGetXMLDesc
    async fn pool_get_xml_desc(&self, _pool: &StoragePoolRef, _flags: u32) -> VirResult<String> {
        unsupported!(Storage, "virStoragePoolGetXMLDesc")
    }
    /// virStoragePoolGetAutostart
    async fn pool_get_autostart(&self, _pool: &StoragePoolRef) -> VirResult<bool> {
        unsupported!(Storage, "virStoragePoolGetAutostart")
    }
    /// virStoragePoolSetAutostart
    async fn pool_set_autostart(&self, _pool: &StoragePoolRef, _autostart: bool) -> VirResult<()> {
        unsupported!(Storage, "virStoragePoolSetAutostart")
    }
    /// virStoragePoolIsActive
    async fn pool_is_active(&self, _pool: &StoragePoolRef) -> VirResult<bool> {
        unsupported!(Storage, "virStoragePoolIsActive")
    }
    /// virStoragePoolIsPersistent
    async fn pool_is_persistent(&self, _pool: &StoragePoolRef) -> VirResult<bool> {
        unsupported!(Storage, "virStoragePoolIsPersistent")
    }
    /// virStoragePoolListAllVolumes
    async fn pool_list_all_volumes(
        &self,
        _pool: &StoragePoolRef,
        _flags: u32,
    ) -> VirResult<Vec<StorageVolRef>> {
        unsupported!(Storage, "virStoragePoolListAllVolumes")
    }
    /// virStorageVolLookupByName
    async fn vol_lookup_by_name(
        &self,
        _pool: &StoragePoolRef,
        _name: &str,
    ) -> VirResult<StorageVolRef> {
        unsupported!(Storage, "virStorageVolLookupByName")
    }
    /// virStorageVolLookupByKey
    async fn vol_lookup_by_key(&self, _key: &str) -> VirResult<StorageVolRef> {
        unsupported!(Storage, "virStorageVolLookupByKey")
    }
    /// virStorageVolLookupByPath
    async fn vol_lookup_by_path(&self, _path: &str) -> VirResult<StorageVolRef> {
        unsupported!(Storage, "virStorageVolLookupByPath")
    }
    /// virStorageVolCreateXML
    async fn vol_create_xml(
        &self,
        _pool: &StoragePoolRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<StorageVolRef> {
        unsupported!(Storage, "virStorageVolCreateXML")
    }
    /// virStorageVolCreateXMLFrom
    async fn vol_create_xml_from(
        &self,
        _pool: &StoragePoolRef,
        _xml: &str,
        _clone: &StorageVolRef,
        _flags: u32,
    ) -> VirResult<StorageVolRef> {
        unsupported!(Storage, "virStorageVolCreateXMLFrom")
    }
    /// virStorageVolDelete
    async fn vol_delete(&self, _vol: &StorageVolRef, _flags: u32) -> VirResult<()> {
        unsupported!(Storage, "virStorageVolDelete")
    }
    /// virStorageVolWipe / virStorageVolWipePattern
    async fn vol_wipe(&self, _vol: &StorageVolRef, _algorithm: u32, _flags: u32) -> VirResult<()> {
        unsupported!(Storage, "virStorageVolWipePattern")
    }
    /// virStorageVolGetInfoFlags
    async fn vol_get_info(&self, _vol: &StorageVolRef, _flags: u32) -> VirResult<StorageVolInfo> {
        unsupported!(Storage, "virStorageVolGetInfo")
    }
    /// virStorageVolGetXMLDesc
    async fn vol_get_xml_desc(&self, _vol: &StorageVolRef, _flags: u32) -> VirResult<String> {
        unsupported!(Storage, "virStorageVolGetXMLDesc")
    }
    /// virStorageVolGetPath
    async fn vol_get_path(&self, _vol: &StorageVolRef) -> VirResult<String> {
        unsupported!(Storage, "virStorageVolGetPath")
    }
    /// virStorageVolResize
    async fn vol_resize(&self, _vol: &StorageVolRef, _capacity: u64, _flags: u32) -> VirResult<()> {
        unsupported!(Storage, "virStorageVolResize")
    }
    /// virStorageVolUpload: the returned stream's sink receives the data.
    async fn vol_upload(
        &self,
        _vol: &StorageVolRef,
        _offset: u64,
        _length: u64,
        _flags: u32,
    ) -> VirResult<DataStream> {
        unsupported!(Storage, "virStorageVolUpload")
    }
    /// virStorageVolDownload: the returned stream's source yields the data.
    async fn vol_download(
        &self,
        _vol: &StorageVolRef,
        _offset: u64,
        _length: u64,
        _flags: u32,
    ) -> VirResult<DataStream> {
        unsupported!(Storage, "virStorageVolDownload")
    }
}
