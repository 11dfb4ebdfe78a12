//! [`StoragePool`] (`virStoragePoolPtr`) and [`StorageVol`] (`virStorageVolPtr`).

use rvirt_core::error::VirResult;
use rvirt_core::info::{StoragePoolInfo, StorageVolInfo};
use rvirt_core::{StoragePoolRef, StorageVolRef, Uuid};

use crate::connect::Connect;
use crate::stream::Stream;

/// A storage pool (`virStoragePoolPtr`).
#[derive(Debug, Clone)]
pub struct StoragePool {
    conn: Connect,
    handle: StoragePoolRef,
}

impl StoragePool {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: StoragePoolRef) -> Self {
        StoragePool {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &StoragePoolRef {
        &self.handle
    }
    /// virStoragePoolGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virStoragePoolGetUUID
    pub fn uuid(&self) -> Uuid {
        self.handle.uuid
    }
    /// virStoragePoolGetInfo
    pub async fn info(&self) -> VirResult<StoragePoolInfo> {
        self.conn.pool_get_info(&self.handle).await
    }
    /// virStoragePoolGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.pool_get_xml_desc(&self.handle, flags).await
    }
    /// virStoragePoolIsActive
    pub async fn is_active(&self) -> VirResult<bool> {
        self.conn.pool_is_active(&self.handle).await
    }
    /// virStoragePoolCreate
    pub async fn create(&self, flags: u32) -> VirResult<()> {
        self.conn.pool_create(&self.handle, flags).await
    }
    /// virStoragePoolDestroy
    pub async fn destroy(&self) -> VirResult<()> {
        self.conn.pool_destroy(&self.handle).await
    }
    /// virStoragePoolUndefine
    pub async fn undefine(&self) -> VirResult<()> {
        self.conn.pool_undefine(&self.handle).await
    }
    /// virStoragePoolRefresh
    pub async fn refresh(&self) -> VirResult<()> {
        self.conn.pool_refresh(&self.handle, 0).await
    }
    /// virStoragePoolListAllVolumes
    pub async fn list_all_volumes(&self, flags: u32) -> VirResult<Vec<StorageVol>> {
        let v = self.conn.pool_list_all_volumes(&self.handle, flags).await?;
        Ok(v.into_iter()
            .map(|h| StorageVol::new(&self.conn, h))
            .collect())
    }
    /// virStorageVolLookupByName
    pub async fn lookup_volume_by_name(&self, name: &str) -> VirResult<StorageVol> {
        let h = self.conn.vol_lookup_by_name(&self.handle, name).await?;
        Ok(StorageVol::new(&self.conn, h))
    }
    /// virStorageVolCreateXML
    pub async fn create_volume_xml(&self, xml: &str, flags: u32) -> VirResult<StorageVol> {
        let h = self.conn.vol_create_xml(&self.handle, xml, flags).await?;
        Ok(StorageVol::new(&self.conn, h))
    }
}

/// A storage volume (`virStorageVolPtr`).
#[derive(Debug, Clone)]
pub struct StorageVol {
    conn: Connect,
    handle: StorageVolRef,
}

impl StorageVol {
    /// Wraps a handle returned by a driver call.
    pub fn new(conn: &Connect, handle: StorageVolRef) -> Self {
        StorageVol {
            conn: conn.clone(),
            handle,
        }
    }
    /// The wire handle.
    pub fn handle(&self) -> &StorageVolRef {
        &self.handle
    }
    /// virStorageVolGetName
    pub fn name(&self) -> &str {
        &self.handle.name
    }
    /// virStorageVolGetKey
    pub fn key(&self) -> &str {
        &self.handle.key
    }
    /// virStorageVolGetInfo
    pub async fn info(&self) -> VirResult<StorageVolInfo> {
        self.conn.vol_get_info(&self.handle, 0).await
    }
    /// virStorageVolGetXMLDesc
    pub async fn xml_desc(&self, flags: u32) -> VirResult<String> {
        self.conn.vol_get_xml_desc(&self.handle, flags).await
    }
    /// virStorageVolGetPath
    pub async fn path(&self) -> VirResult<String> {
        self.conn.vol_get_path(&self.handle).await
    }
    /// virStorageVolDelete
    pub async fn delete(&self, flags: u32) -> VirResult<()> {
        self.conn.vol_delete(&self.handle, flags).await
    }
    /// virStorageVolResize
    pub async fn resize(&self, capacity: u64, flags: u32) -> VirResult<()> {
        self.conn.vol_resize(&self.handle, capacity, flags).await
    }
    /// virStorageVolUpload: send the data into the returned stream, then finish it.
    pub async fn upload(&self, offset: u64, length: u64, flags: u32) -> VirResult<Stream> {
        let s = self
            .conn
            .vol_upload(&self.handle, offset, length, flags)
            .await?;
        Ok(Stream::new(s))
    }
    /// virStorageVolDownload: read the returned stream to its end, then finish it.
    pub async fn download(&self, offset: u64, length: u64, flags: u32) -> VirResult<Stream> {
        let s = self
            .conn
            .vol_download(&self.handle, offset, length, flags)
            .await?;
        Ok(Stream::new(s))
    }
}
