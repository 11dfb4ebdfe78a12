//! Storage pool and volume APIs (`virStoragePool*`, `virStorageVol*`).
//! The trait is generated from the method list in `methods/storage.rs`.

use crate::error::VirResult;
use crate::handle::{StoragePoolRef, StorageVolRef, Uuid};
use crate::info::{StoragePoolInfo, StorageVolInfo};
use crate::stream::DataStream;

crate::storage_driver_methods!(crate::__driver_trait! {
    /// The StorageDriver APIs a driver serves; each defaults to libvirt's "not supported".
    pub trait StorageDriver, Storage;
});
