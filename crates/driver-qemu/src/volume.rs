//! The seam through which the daemon lends the QEMU driver its storage driver for
//! `<disk type='volume'><source pool='…' volume='…'/>` (drivers never depend on each
//! other): the daemon injects an implementation with [`QemuDriver::set_volume_resolver`].
//!
//! [`QemuDriver::set_volume_resolver`]: crate::QemuDriver::set_volume_resolver

use async_trait::async_trait;
use rvirt_core::error::VirResult;

/// A storage volume as a disk source (`virStorageTranslateDiskSourcePool`'s result).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedVolume {
    /// The volume's path on the host (`virStorageVolGetPath`).
    pub path: String,
    /// Its image format (`<target><format type>`), when the pool knows it.
    pub format: Option<String>,
    /// `virStorageVolType`: FILE 0, BLOCK 1, DIR 2, NETWORK 3, NETDIR 4, PLOOP 5.
    pub vol_type: i32,
}

/// Looks volumes up in the storage driver (`virStorageVolLookupByName` + `GetPath`).
#[async_trait]
pub trait VolumeResolver: Send + Sync {
    /// The path, format and type of volume `volume` in pool `pool`.
    async fn resolve(&self, pool: &str, volume: &str) -> VirResult<ResolvedVolume>;
}
