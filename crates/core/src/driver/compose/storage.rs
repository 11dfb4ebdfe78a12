//! Storage APIs forwarded to the storage driver (or the primary).

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use crate::info::*;
use crate::stream::DataStream;
use async_trait::async_trait;

#[async_trait]
impl StorageDriver for ComposedConnection {
    /// virConnectListAllStoragePools
    async fn list_all_storage_pools(&self, flags: u32) -> VirResult<Vec<StoragePoolRef>> {
        self.storage().list_all_storage_pools(flags).await
    }

    /// virConnectFindStoragePoolSources
    async fn find_storage_pool_sources(
        &self,
        pool_type: &str,
        src_spec: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.storage()
            .find_storage_pool_sources(pool_type, src_spec, flags)
            .await
    }

    /// virConnectGetStoragePoolCapabilities
    async fn storage_pool_capabilities(&self, flags: u32) -> VirResult<String> {
        self.storage().storage_pool_capabilities(flags).await
    }

    /// virStoragePoolLookupByName
    async fn pool_lookup_by_name(&self, name: &str) -> VirResult<StoragePoolRef> {
        self.storage().pool_lookup_by_name(name).await
    }

    /// virStoragePoolLookupByUUID
    async fn pool_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<StoragePoolRef> {
        self.storage().pool_lookup_by_uuid(uuid).await
    }

    /// virStoragePoolLookupByVolume
    async fn pool_lookup_by_volume(&self, vol: &StorageVolRef) -> VirResult<StoragePoolRef> {
        self.storage().pool_lookup_by_volume(vol).await
    }

    /// virStoragePoolLookupByTargetPath
    async fn pool_lookup_by_target_path(&self, path: &str) -> VirResult<StoragePoolRef> {
        self.storage().pool_lookup_by_target_path(path).await
    }

    /// virStoragePoolDefineXML
    async fn pool_define_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        self.storage().pool_define_xml(xml, flags).await
    }

    /// virStoragePoolCreateXML
    async fn pool_create_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        self.storage().pool_create_xml(xml, flags).await
    }

    /// virStoragePoolBuild
    async fn pool_build(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.storage().pool_build(pool, flags).await
    }

    /// virStoragePoolUndefine
    async fn pool_undefine(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.storage().pool_undefine(pool).await
    }

    /// virStoragePoolCreate
    async fn pool_create(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.storage().pool_create(pool, flags).await
    }

    /// virStoragePoolDestroy
    async fn pool_destroy(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.storage().pool_destroy(pool).await
    }

    /// virStoragePoolDelete
    async fn pool_delete(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.storage().pool_delete(pool, flags).await
    }

    /// virStoragePoolRefresh
    async fn pool_refresh(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.storage().pool_refresh(pool, flags).await
    }

    /// virStoragePoolGetInfo
    async fn pool_get_info(&self, pool: &StoragePoolRef) -> VirResult<StoragePoolInfo> {
        self.storage().pool_get_info(pool).await
    }

    /// virStoragePoolGetXMLDesc
    async fn pool_get_xml_desc(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<String> {
        self.storage().pool_get_xml_desc(pool, flags).await
    }

    /// virStoragePoolGetAutostart
    async fn pool_get_autostart(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.storage().pool_get_autostart(pool).await
    }

    /// virStoragePoolSetAutostart
    async fn pool_set_autostart(&self, pool: &StoragePoolRef, autostart: bool) -> VirResult<()> {
        self.storage().pool_set_autostart(pool, autostart).await
    }

    /// virStoragePoolIsActive
    async fn pool_is_active(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.storage().pool_is_active(pool).await
    }

    /// virStoragePoolIsPersistent
    async fn pool_is_persistent(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.storage().pool_is_persistent(pool).await
    }

    /// virStoragePoolListAllVolumes
    async fn pool_list_all_volumes(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<Vec<StorageVolRef>> {
        self.storage().pool_list_all_volumes(pool, flags).await
    }

    /// virStorageVolLookupByName
    async fn vol_lookup_by_name(
        &self,
        pool: &StoragePoolRef,
        name: &str,
    ) -> VirResult<StorageVolRef> {
        self.storage().vol_lookup_by_name(pool, name).await
    }

    /// virStorageVolLookupByKey
    async fn vol_lookup_by_key(&self, key: &str) -> VirResult<StorageVolRef> {
        self.storage().vol_lookup_by_key(key).await
    }

    /// virStorageVolLookupByPath
    async fn vol_lookup_by_path(&self, path: &str) -> VirResult<StorageVolRef> {
        self.storage().vol_lookup_by_path(path).await
    }

    /// virStorageVolCreateXML
    async fn vol_create_xml(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        self.storage().vol_create_xml(pool, xml, flags).await
    }

    /// virStorageVolCreateXMLFrom
    async fn vol_create_xml_from(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        clone: &StorageVolRef,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        self.storage()
            .vol_create_xml_from(pool, xml, clone, flags)
            .await
    }

    /// virStorageVolDelete
    async fn vol_delete(&self, vol: &StorageVolRef, flags: u32) -> VirResult<()> {
        self.storage().vol_delete(vol, flags).await
    }

    /// virStorageVolWipe / virStorageVolWipePattern
    async fn vol_wipe(&self, vol: &StorageVolRef, algorithm: u32, flags: u32) -> VirResult<()> {
        self.storage().vol_wipe(vol, algorithm, flags).await
    }

    /// virStorageVolGetInfoFlags
    async fn vol_get_info(&self, vol: &StorageVolRef, flags: u32) -> VirResult<StorageVolInfo> {
        self.storage().vol_get_info(vol, flags).await
    }

    /// virStorageVolGetXMLDesc
    async fn vol_get_xml_desc(&self, vol: &StorageVolRef, flags: u32) -> VirResult<String> {
        self.storage().vol_get_xml_desc(vol, flags).await
    }

    /// virStorageVolGetPath
    async fn vol_get_path(&self, vol: &StorageVolRef) -> VirResult<String> {
        self.storage().vol_get_path(vol).await
    }

    /// virStorageVolResize
    async fn vol_resize(&self, vol: &StorageVolRef, capacity: u64, flags: u32) -> VirResult<()> {
        self.storage().vol_resize(vol, capacity, flags).await
    }

    /// virStorageVolUpload: the returned stream's sink receives the data.
    async fn vol_upload(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        self.storage().vol_upload(vol, offset, length, flags).await
    }

    /// virStorageVolDownload: the returned stream's source yields the data.
    async fn vol_download(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        self.storage()
            .vol_download(vol, offset, length, flags)
            .await
    }
}
