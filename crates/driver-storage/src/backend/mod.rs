//! `PoolBackend`: what one pool type does (`virStorageBackend`), one module per type.

mod dir;
mod disk;
mod fs;
mod iscsi;
mod iscsi_direct;
mod logical;
mod netfs;
mod rbd;

pub use dir::DirBackend;
pub use disk::{parse_parted, DiskBackend, PartedPartition};
pub use fs::{mkfs_cmd, mount_cmd, FsBackend};
pub use iscsi::{parse_sendtargets, parse_sessions, IscsiBackend};
pub use iscsi_direct::{parse_iscsi_ls, IscsiDirectBackend};
pub use logical::{parse_lvs, parse_vgs, LogicalBackend};
pub use netfs::{parse_showmount, NetfsBackend};
pub use rbd::{parse_rbd_ls, RbdBackend};

use async_trait::async_trait;
use rvirt_conf::storage::{PoolDef, PoolType, VolumeDef};
use rvirt_core::error::VirResult;

use crate::errors::no_support;

/// Pool sizes in bytes, as `virStoragePoolInfo` reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolSizes {
    pub capacity: u64,
    pub allocation: u64,
    pub available: u64,
}

/// What a refresh found: sizes and the volumes in the pool.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub sizes: PoolSizes,
    pub volumes: Vec<VolumeDef>,
}

/// One pool type's operations. Defaults mirror a NULL slot in libvirt's backend table.
#[async_trait]
pub trait PoolBackend: Send + Sync {
    /// The pool type this backend serves.
    fn pool_type(&self) -> PoolType;

    /// `checkPool`: whether a pool recorded as running is still up (daemon restart).
    async fn check(&self, _def: &PoolDef) -> VirResult<bool> {
        Ok(true)
    }
    /// `buildPool` (virStoragePoolBuild).
    async fn build(&self, _def: &PoolDef, _flags: u32) -> VirResult<()> {
        Ok(())
    }
    /// `startPool` (virStoragePoolCreate).
    async fn start(&self, _def: &PoolDef) -> VirResult<()> {
        Ok(())
    }
    /// `stopPool` (virStoragePoolDestroy).
    async fn stop(&self, _def: &PoolDef) -> VirResult<()> {
        Ok(())
    }
    /// `deletePool` (virStoragePoolDelete).
    async fn delete(&self, _def: &PoolDef, _flags: u32) -> VirResult<()> {
        Err(no_support("pool does not support pool deletion"))
    }
    /// `refreshPool`: sizes and volumes. `known` carries formats this driver created, so a
    /// volume's own header never changes what it is taken for.
    async fn refresh(&self, def: &PoolDef, known: &[VolumeDef]) -> VirResult<Scan>;
    /// `findPoolSources` (virConnectFindStoragePoolSources).
    async fn find_sources(&self, _spec: Option<&str>) -> VirResult<String> {
        Err(no_support(format!(
            "pool type '{}' does not support source discovery",
            self.pool_type().as_str()
        )))
    }
    /// `createVol`: place the volume (path and key) before it is built.
    async fn create_vol(&self, def: &PoolDef, vol: &mut VolumeDef) -> VirResult<()> {
        if self.file_volumes() {
            return crate::vol_file::place(def, vol);
        }
        Err(no_support("storage pool does not support volume creation"))
    }
    /// `buildVol`: allocate the volume's storage.
    async fn build_vol(&self, _def: &PoolDef, vol: &VolumeDef, flags: u32) -> VirResult<()> {
        if self.file_volumes() {
            return crate::vol_file::build(vol, flags).await;
        }
        Ok(())
    }
    /// `buildVolFrom`: create `vol` as a copy of `src` (clone/convert).
    async fn build_vol_from(
        &self,
        _def: &PoolDef,
        vol: &VolumeDef,
        src: &VolumeDef,
        flags: u32,
    ) -> VirResult<()> {
        if self.file_volumes() {
            return crate::vol_file::build_from(vol, src, flags).await;
        }
        Err(no_support(
            "storage pool does not support volume creation from an existing volume",
        ))
    }
    /// `deleteVol` (virStorageVolDelete).
    async fn delete_vol(&self, _def: &PoolDef, vol: &VolumeDef, _flags: u32) -> VirResult<()> {
        if self.file_volumes() {
            return crate::vol_file::delete(vol).await;
        }
        Err(no_support("storage pool does not support vol deletion"))
    }
    /// `refreshVol`: re-read capacity/allocation/format.
    async fn refresh_vol(&self, _def: &PoolDef, vol: &mut VolumeDef) -> VirResult<()> {
        if self.file_volumes() {
            let trusted = vol.format_type.clone();
            return crate::vol_file::probe(vol, trusted.as_deref()).await;
        }
        Ok(())
    }
    /// `resizeVol` (virStorageVolResize) to an absolute capacity.
    async fn resize_vol(
        &self,
        _def: &PoolDef,
        vol: &VolumeDef,
        capacity: u64,
        flags: u32,
    ) -> VirResult<()> {
        if self.file_volumes() {
            return crate::vol_file::resize(vol, capacity, flags).await;
        }
        Err(no_support(
            "storage pool does not support changing of volume capacity",
        ))
    }
    /// Whether volumes are local files or block devices that streams and wipe can open.
    fn local_volumes(&self) -> bool {
        true
    }
    /// Whether volumes are image files in the target directory (dir, fs, netfs): the
    /// volume methods then default to the shared file-volume implementation.
    fn file_volumes(&self) -> bool {
        false
    }
}

/// The backend for a pool type (`virStorageBackendForType`).
pub fn for_type(t: PoolType) -> VirResult<&'static dyn PoolBackend> {
    static DIR: DirBackend = DirBackend;
    static FS: FsBackend = FsBackend;
    static NETFS: NetfsBackend = NetfsBackend;
    static DISK: DiskBackend = DiskBackend;
    static LOGICAL: LogicalBackend = LogicalBackend;
    static ISCSI: IscsiBackend = IscsiBackend;
    static ISCSI_DIRECT: IscsiDirectBackend = IscsiDirectBackend;
    static RBD: RbdBackend = RbdBackend;
    Ok(match t {
        PoolType::Dir => &DIR,
        PoolType::Fs => &FS,
        PoolType::Netfs => &NETFS,
        PoolType::Disk => &DISK,
        PoolType::Logical => &LOGICAL,
        PoolType::Iscsi => &ISCSI,
        PoolType::IscsiDirect => &ISCSI_DIRECT,
        PoolType::Rbd => &RBD,
        other => {
            return Err(crate::errors::internal(format!(
                "missing backend for pool type {} ({})",
                other as i32,
                other.as_str()
            )))
        }
    })
}

/// `VIR_STORAGE_POOL_BUILD_NO_OVERWRITE`.
pub const BUILD_NO_OVERWRITE: u32 = 4;
/// `VIR_STORAGE_POOL_BUILD_OVERWRITE`.
pub const BUILD_OVERWRITE: u32 = 8;

/// Rejects both overwrite flags at once (`VIR_EXCLUSIVE_FLAGS_RET`).
pub fn check_overwrite_flags(flags: u32) -> VirResult<()> {
    if flags & BUILD_NO_OVERWRITE != 0 && flags & BUILD_OVERWRITE != 0 {
        return Err(rvirt_core::error::VirError::invalid_arg(
            crate::errors::DOM,
            "Flags 'VIR_STORAGE_POOL_BUILD_OVERWRITE' and 'VIR_STORAGE_POOL_BUILD_NO_OVERWRITE' are mutually exclusive",
        ));
    }
    Ok(())
}

/// Creates the pool's target directory with its `<permissions>` (default mode 0711).
pub(crate) async fn make_target_dir(def: &PoolDef) -> VirResult<()> {
    let Some(path) = def.target_path.clone() else {
        return Ok(());
    };
    let perms = def.target_perms.clone();
    tokio::task::spawn_blocking(move || {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        let mode = perms.mode.unwrap_or(0o711);
        match std::fs::DirBuilder::new()
            .recursive(true)
            .mode(mode)
            .create(&path)
        {
            Ok(()) => {}
            Err(e) => {
                return Err(crate::errors::system(
                    &e,
                    format_args!("cannot create path '{path}'"),
                ))
            }
        }
        let md = std::fs::symlink_metadata(&path)
            .map_err(|e| crate::errors::system(&e, format_args!("cannot stat path '{path}'")))?;
        if !md.is_dir() {
            return Err(crate::errors::internal(format!(
                "path '{path}' is not a directory"
            )));
        }
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
            .map_err(|e| crate::errors::system(&e, format_args!("cannot set mode of '{path}'")))?;
        if perms.owner.is_some() || perms.group.is_some() {
            let uid = perms.owner.and_then(|o| u32::try_from(o).ok());
            let gid = perms.group.and_then(|g| u32::try_from(g).ok());
            std::os::unix::fs::lchown(&path, uid, gid)
                .map_err(|e| crate::errors::system(&e, format_args!("cannot chown '{path}'")))?;
        }
        Ok(())
    })
    .await
    .map_err(|e| crate::errors::internal(format!("blocking task failed: {e}")))?
}

/// Checks the target directory exists (`virStorageBackendFileSystemIsValid`-style start check).
pub(crate) async fn require_target_dir(def: &PoolDef) -> VirResult<()> {
    let path = def.target_path.clone().unwrap_or_default();
    match tokio::fs::metadata(&path).await {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(crate::errors::internal(format!(
            "target '{path}' is not a directory"
        ))),
        Err(e) => Err(crate::errors::system(
            &e,
            format_args!("cannot open directory '{path}'"),
        )),
    }
}

/// Removes the (empty) target directory (`deletePool` of directory-like pools).
pub(crate) async fn remove_target_dir(def: &PoolDef) -> VirResult<()> {
    let path = def.target_path.clone().unwrap_or_default();
    tokio::fs::remove_dir(&path)
        .await
        .map_err(|e| crate::errors::system(&e, format_args!("failed to remove pool '{path}'")))
}
