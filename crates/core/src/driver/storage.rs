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

/// Pool types in `VIR_CONNECT_LIST_STORAGE_POOLS_<TYPE>` order: type `i` is flag bit `6 + i`
/// of `virConnectListAllStoragePools`.
pub const POOL_TYPE_LIST_FLAGS: [&str; 14] = [
    "dir",
    "fs",
    "netfs",
    "logical",
    "disk",
    "iscsi",
    "scsi",
    "mpath",
    "rbd",
    "sheepdog",
    "gluster",
    "zfs",
    "vstorage",
    "iscsi-direct",
];
