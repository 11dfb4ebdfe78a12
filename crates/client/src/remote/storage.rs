//! `StorageDriver` over RPC (pools, volumes, volume upload/download streams).

use async_trait::async_trait;
use rvirt_core::driver::StorageDriver;
use rvirt_core::error::VirResult;
use rvirt_core::info::{StoragePoolInfo, StorageVolInfo};
use rvirt_core::stream::DataStream;
use rvirt_core::{StoragePoolRef, StorageVolRef, Uuid};

use super::conn::RemoteConnection;
use super::procs as p;
use super::streams::{data_stream, Direction};
use super::wire::args;

/// `VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM` / `VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM`.
const SPARSE_STREAM: u32 = 1;

#[async_trait]
impl StorageDriver for RemoteConnection {
    /// virConnectListAllStoragePools (CONNECT_LIST_ALL_STORAGE_POOLS 281)
    async fn list_all_storage_pools(&self, flags: u32) -> VirResult<Vec<StoragePoolRef>> {
        self.call(p::CONNECT_LIST_ALL_STORAGE_POOLS, args!(1i32, flags))
            .await?
            .get()
    }
    /// virConnectFindStoragePoolSources (CONNECT_FIND_STORAGE_POOL_SOURCES 75)
    async fn find_storage_pool_sources(
        &self,
        pool_type: &str,
        src_spec: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.call(
            p::CONNECT_FIND_STORAGE_POOL_SOURCES,
            args!(pool_type, src_spec, flags),
        )
        .await?
        .get()
    }
    /// virConnectGetStoragePoolCapabilities (CONNECT_GET_STORAGE_POOL_CAPABILITIES 403)
    async fn storage_pool_capabilities(&self, flags: u32) -> VirResult<String> {
        self.call(p::CONNECT_GET_STORAGE_POOL_CAPABILITIES, args!(flags))
            .await?
            .get()
    }
    /// virStoragePoolLookupByName (STORAGE_POOL_LOOKUP_BY_NAME 84)
    async fn pool_lookup_by_name(&self, name: &str) -> VirResult<StoragePoolRef> {
        self.call(p::STORAGE_POOL_LOOKUP_BY_NAME, args!(name))
            .await?
            .get()
    }
    /// virStoragePoolLookupByUUID (STORAGE_POOL_LOOKUP_BY_UUID 85)
    async fn pool_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<StoragePoolRef> {
        self.call(p::STORAGE_POOL_LOOKUP_BY_UUID, args!(uuid))
            .await?
            .get()
    }
    /// virStoragePoolLookupByVolume (STORAGE_POOL_LOOKUP_BY_VOLUME 86)
    async fn pool_lookup_by_volume(&self, vol: &StorageVolRef) -> VirResult<StoragePoolRef> {
        self.call(p::STORAGE_POOL_LOOKUP_BY_VOLUME, args!(vol))
            .await?
            .get()
    }
    /// virStoragePoolLookupByTargetPath (STORAGE_POOL_LOOKUP_BY_TARGET_PATH 391)
    async fn pool_lookup_by_target_path(&self, path: &str) -> VirResult<StoragePoolRef> {
        self.call(p::STORAGE_POOL_LOOKUP_BY_TARGET_PATH, args!(path))
            .await?
            .get()
    }
    /// virStoragePoolDefineXML (STORAGE_POOL_DEFINE_XML 77)
    async fn pool_define_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        self.call(p::STORAGE_POOL_DEFINE_XML, args!(xml, flags))
            .await?
            .get()
    }
    /// virStoragePoolCreateXML (STORAGE_POOL_CREATE_XML 76)
    async fn pool_create_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        self.call(p::STORAGE_POOL_CREATE_XML, args!(xml, flags))
            .await?
            .get()
    }
    /// virStoragePoolBuild (STORAGE_POOL_BUILD 79)
    async fn pool_build(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.call0(p::STORAGE_POOL_BUILD, args!(pool, flags)).await
    }
    /// virStoragePoolUndefine (STORAGE_POOL_UNDEFINE 82)
    async fn pool_undefine(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.call0(p::STORAGE_POOL_UNDEFINE, args!(pool)).await
    }
    /// virStoragePoolCreate (STORAGE_POOL_CREATE 78)
    async fn pool_create(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.call0(p::STORAGE_POOL_CREATE, args!(pool, flags)).await
    }
    /// virStoragePoolDestroy (STORAGE_POOL_DESTROY 80)
    async fn pool_destroy(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.call0(p::STORAGE_POOL_DESTROY, args!(pool)).await
    }
    /// virStoragePoolDelete (STORAGE_POOL_DELETE 81)
    async fn pool_delete(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.call0(p::STORAGE_POOL_DELETE, args!(pool, flags)).await
    }
    /// virStoragePoolRefresh (STORAGE_POOL_REFRESH 83)
    async fn pool_refresh(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.call0(p::STORAGE_POOL_REFRESH, args!(pool, flags))
            .await
    }
    /// virStoragePoolGetInfo (STORAGE_POOL_GET_INFO 87)
    async fn pool_get_info(&self, pool: &StoragePoolRef) -> VirResult<StoragePoolInfo> {
        let mut r = self.call(p::STORAGE_POOL_GET_INFO, args!(pool)).await?;
        let state: u8 = r.get()?;
        Ok(StoragePoolInfo {
            state: i32::from(state),
            capacity: r.get()?,
            allocation: r.get()?,
            available: r.get()?,
        })
    }
    /// virStoragePoolGetXMLDesc (STORAGE_POOL_GET_XML_DESC 88)
    async fn pool_get_xml_desc(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<String> {
        self.call(p::STORAGE_POOL_GET_XML_DESC, args!(pool, flags))
            .await?
            .get()
    }
    /// virStoragePoolGetAutostart (STORAGE_POOL_GET_AUTOSTART 89)
    async fn pool_get_autostart(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.call(p::STORAGE_POOL_GET_AUTOSTART, args!(pool))
            .await?
            .flag()
    }
    /// virStoragePoolSetAutostart (STORAGE_POOL_SET_AUTOSTART 90)
    async fn pool_set_autostart(&self, pool: &StoragePoolRef, autostart: bool) -> VirResult<()> {
        self.call0(
            p::STORAGE_POOL_SET_AUTOSTART,
            args!(pool, i32::from(autostart)),
        )
        .await
    }
    /// virStoragePoolIsActive (STORAGE_POOL_IS_ACTIVE 154)
    async fn pool_is_active(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.call(p::STORAGE_POOL_IS_ACTIVE, args!(pool))
            .await?
            .flag()
    }
    /// virStoragePoolIsPersistent (STORAGE_POOL_IS_PERSISTENT 155)
    async fn pool_is_persistent(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.call(p::STORAGE_POOL_IS_PERSISTENT, args!(pool))
            .await?
            .flag()
    }
    /// virStoragePoolListAllVolumes (STORAGE_POOL_LIST_ALL_VOLUMES 282)
    async fn pool_list_all_volumes(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<Vec<StorageVolRef>> {
        self.call(p::STORAGE_POOL_LIST_ALL_VOLUMES, args!(pool, 1i32, flags))
            .await?
            .get()
    }
    /// virStorageVolLookupByName (STORAGE_VOL_LOOKUP_BY_NAME 95)
    async fn vol_lookup_by_name(
        &self,
        pool: &StoragePoolRef,
        name: &str,
    ) -> VirResult<StorageVolRef> {
        self.call(p::STORAGE_VOL_LOOKUP_BY_NAME, args!(pool, name))
            .await?
            .get()
    }
    /// virStorageVolLookupByKey (STORAGE_VOL_LOOKUP_BY_KEY 96)
    async fn vol_lookup_by_key(&self, key: &str) -> VirResult<StorageVolRef> {
        self.call(p::STORAGE_VOL_LOOKUP_BY_KEY, args!(key))
            .await?
            .get()
    }
    /// virStorageVolLookupByPath (STORAGE_VOL_LOOKUP_BY_PATH 97)
    async fn vol_lookup_by_path(&self, path: &str) -> VirResult<StorageVolRef> {
        self.call(p::STORAGE_VOL_LOOKUP_BY_PATH, args!(path))
            .await?
            .get()
    }
    /// virStorageVolCreateXML (STORAGE_VOL_CREATE_XML 93)
    async fn vol_create_xml(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        self.call(p::STORAGE_VOL_CREATE_XML, args!(pool, xml, flags))
            .await?
            .get()
    }
    /// virStorageVolCreateXMLFrom (STORAGE_VOL_CREATE_XML_FROM 125)
    async fn vol_create_xml_from(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        clone: &StorageVolRef,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        self.call(
            p::STORAGE_VOL_CREATE_XML_FROM,
            args!(pool, xml, clone, flags),
        )
        .await?
        .get()
    }
    /// virStorageVolDelete (STORAGE_VOL_DELETE 94)
    async fn vol_delete(&self, vol: &StorageVolRef, flags: u32) -> VirResult<()> {
        self.call0(p::STORAGE_VOL_DELETE, args!(vol, flags)).await
    }
    /// virStorageVolWipePattern (STORAGE_VOL_WIPE 165 for the zero pattern, else STORAGE_VOL_WIPE_PATTERN 259)
    async fn vol_wipe(&self, vol: &StorageVolRef, algorithm: u32, flags: u32) -> VirResult<()> {
        if algorithm == 0 {
            self.call0(p::STORAGE_VOL_WIPE, args!(vol, flags)).await
        } else {
            self.call0(p::STORAGE_VOL_WIPE_PATTERN, args!(vol, algorithm, flags))
                .await
        }
    }
    /// virStorageVolGetInfoFlags (STORAGE_VOL_GET_INFO 98 / STORAGE_VOL_GET_INFO_FLAGS 378)
    async fn vol_get_info(&self, vol: &StorageVolRef, flags: u32) -> VirResult<StorageVolInfo> {
        let mut r = if flags == 0 {
            self.call(p::STORAGE_VOL_GET_INFO, args!(vol)).await?
        } else {
            self.call(p::STORAGE_VOL_GET_INFO_FLAGS, args!(vol, flags))
                .await?
        };
        let t: i8 = r.get()?;
        Ok(StorageVolInfo {
            vol_type: i32::from(t),
            capacity: r.get()?,
            allocation: r.get()?,
        })
    }
    /// virStorageVolGetXMLDesc (STORAGE_VOL_GET_XML_DESC 99)
    async fn vol_get_xml_desc(&self, vol: &StorageVolRef, flags: u32) -> VirResult<String> {
        self.call(p::STORAGE_VOL_GET_XML_DESC, args!(vol, flags))
            .await?
            .get()
    }
    /// virStorageVolGetPath (STORAGE_VOL_GET_PATH 100)
    async fn vol_get_path(&self, vol: &StorageVolRef) -> VirResult<String> {
        self.call(p::STORAGE_VOL_GET_PATH, args!(vol)).await?.get()
    }
    /// virStorageVolResize (STORAGE_VOL_RESIZE 260)
    async fn vol_resize(&self, vol: &StorageVolRef, capacity: u64, flags: u32) -> VirResult<()> {
        self.call0(p::STORAGE_VOL_RESIZE, args!(vol, capacity, flags))
            .await
    }
    /// virStorageVolUpload (STORAGE_VOL_UPLOAD 208): write the data into the returned sink,
    /// then finish it.
    async fn vol_upload(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        let (_, s) = self
            .call_stream(
                p::STORAGE_VOL_UPLOAD,
                args!(vol, offset, length, flags),
                flags & SPARSE_STREAM != 0,
            )
            .await?;
        Ok(data_stream(s, Direction::Write))
    }
    /// virStorageVolDownload (STORAGE_VOL_DOWNLOAD 209): read the returned source to its
    /// end, then finish the sink.
    async fn vol_download(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        let (_, s) = self
            .call_stream(
                p::STORAGE_VOL_DOWNLOAD,
                args!(vol, offset, length, flags),
                flags & SPARSE_STREAM != 0,
            )
            .await?;
        Ok(data_stream(s, Direction::Read))
    }
}
