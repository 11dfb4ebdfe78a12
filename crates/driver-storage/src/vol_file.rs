//! File volumes (dir, fs and netfs pools): placement, creation with `qemu-img` or a sparse
//! file, cloning, resizing, deletion and probing (`storage_util.c`'s local-file half).

use std::path::Path;

use rustix::fs::FallocateFlags;
use rvirt_conf::storage::{PoolDef, VolumeDef};
use rvirt_core::error::{ErrorCode, VirError, VirResult};

use crate::backend::{PoolSizes, Scan};
use crate::errors::{internal, system, DOM};
use crate::fsutil::{apply_perms, create_excl, open_nofollow};
use crate::names::check_vol_name;
use crate::qemu_img::{self, creatable_format, CreateOpts};

/// `VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA`.
pub const CREATE_PREALLOC_METADATA: u32 = 1;
/// `VIR_STORAGE_VOL_RESIZE_ALLOCATE`.
pub const RESIZE_ALLOCATE: u32 = 1;
/// `VIR_STORAGE_VOL_RESIZE_SHRINK`.
pub const RESIZE_SHRINK: u32 = 4;

/// The mode of created images when `<permissions><mode>` is absent (not world-readable).
pub const DEFAULT_VOL_MODE: u32 = 0o600;

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> VirResult<T> + Send + 'static,
) -> VirResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| internal(format!("blocking task failed: {e}")))?
}

/// Places a new file volume at `<target>/<name>`; its key is that path.
pub fn place(def: &PoolDef, vol: &mut VolumeDef) -> VirResult<()> {
    check_vol_name(&vol.name)?;
    let target = def.target_path.as_deref().unwrap_or("");
    let path = format!("{target}/{}", vol.name);
    vol.key = Some(path.clone());
    vol.target_path = Some(path);
    if vol.format_type.as_deref() == Some("dir") {
        vol.vol_type = "dir".to_string();
    } else {
        vol.vol_type = "file".to_string();
    }
    Ok(())
}

fn vol_path(vol: &VolumeDef) -> VirResult<String> {
    vol.target_path
        .clone()
        .ok_or_else(|| internal(format!("volume '{}' has no target path", vol.name)))
}

fn opts_for(vol: &VolumeDef, format: &str, flags: u32, with_backing: bool) -> CreateOpts {
    let backing = if with_backing {
        vol.backing_store.as_ref().map(|b| {
            (
                b.path.clone(),
                b.format_type.clone().unwrap_or_else(|| "raw".to_string()),
            )
        })
    } else {
        None
    };
    // libvirt 9.0 preallocates only when asked (PREALLOC_METADATA): `falloc` when the
    // allocation covers the capacity, else `metadata`. Without the flag a qcow2 is created
    // sparse (~200 KiB) whatever <allocation> says (checked against libvirtd 9.0).
    let preallocation = if flags & CREATE_PREALLOC_METADATA == 0 {
        None
    } else if backing.is_none() && vol.allocation >= vol.capacity && vol.capacity > 0 {
        Some("falloc".to_string())
    } else {
        Some("metadata".to_string())
    };
    CreateOpts {
        format: format.to_string(),
        capacity: vol.capacity,
        backing,
        preallocation,
        compat: if format == "qcow2" {
            Some(vol.compat.clone().unwrap_or_else(|| "1.1".to_string()))
        } else {
            None
        },
        lazy_refcounts: vol.lazy_refcounts,
        extended_l2: vol.extended_l2,
        cluster_size: vol.cluster_size,
        nocow: vol.nocow,
    }
}

fn unsupported_format(f: &str) -> VirError {
    VirError::new(
        ErrorCode::ConfigUnsupported,
        DOM,
        format!("format '{f}' is not supported for volume creation"),
    )
}

/// Creates the file (mode 0600 unless the XML says otherwise) before any tool writes it.
async fn precreate(vol: &VolumeDef, path: &str) -> VirResult<std::fs::File> {
    let path = path.to_string();
    let perms = vol.perms.clone();
    blocking(move || {
        let f = create_excl(Path::new(&path), perms.mode.unwrap_or(DEFAULT_VOL_MODE))
            .map_err(|e| system(&e, format_args!("cannot create path '{path}'")))?;
        apply_perms(&f, None, perms.owner, perms.group)
            .map_err(|e| system(&e, format_args!("cannot set ownership of '{path}'")))?;
        Ok(f)
    })
    .await
}

async fn remove_quiet(path: &str) {
    let p = path.to_string();
    let _ = tokio::task::spawn_blocking(move || std::fs::remove_file(p)).await;
}

/// `buildVol` for file volumes: raw as a sparse file plus fallocate, others via `qemu-img create`.
pub async fn build(vol: &VolumeDef, flags: u32) -> VirResult<()> {
    let path = vol_path(vol)?;
    let format = vol.format_type.clone().unwrap_or_else(|| "raw".to_string());
    if format == "dir" {
        let mode = vol.perms.mode.unwrap_or(0o700);
        return blocking(move || {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .mode(mode)
                .create(&path)
                .map_err(|e| system(&e, format_args!("cannot create path '{path}'")))
        })
        .await;
    }
    let qfmt = creatable_format(&format).ok_or_else(|| unsupported_format(&format))?;
    if qfmt == "raw" {
        if vol.backing_store.is_some() {
            return Err(VirError::new(
                ErrorCode::ConfigUnsupported,
                DOM,
                "backing storage not supported for raw volumes",
            ));
        }
        let f = precreate(vol, &path).await?;
        let (cap, alloc) = (vol.capacity, vol.allocation.min(vol.capacity));
        let p2 = path.clone();
        let r = blocking(move || {
            f.set_len(cap)
                .map_err(|e| system(&e, format_args!("cannot extend file '{p2}'")))?;
            if alloc > 0 {
                rustix::fs::fallocate(&f, FallocateFlags::empty(), 0, alloc).map_err(|e| {
                    system(
                        &e.into(),
                        format_args!("cannot allocate {alloc} bytes in file '{p2}'"),
                    )
                })?;
            }
            f.sync_all()
                .map_err(|e| system(&e, format_args!("cannot sync file '{p2}'")))
        })
        .await;
        if r.is_err() {
            remove_quiet(&path).await;
        }
        return r;
    }
    let opts = opts_for(vol, qfmt, flags, true);
    qemu_img::validate(&opts)?;
    if let Some((b, _)) = &opts.backing {
        if tokio::fs::symlink_metadata(b).await.is_err() {
            return Err(internal(format!(
                "backing storage '{b}' does not exist or is not accessible"
            )));
        }
    }
    drop(precreate(vol, &path).await?);
    let r = qemu_img::create_cmd(&path, &opts).run().await.map(|_| ());
    if r.is_err() {
        remove_quiet(&path).await;
    }
    r
}

/// `buildVolFrom` for file volumes: `qemu-img convert` from `src`, then grow if asked.
pub async fn build_from(vol: &VolumeDef, src: &VolumeDef, flags: u32) -> VirResult<()> {
    let path = vol_path(vol)?;
    let src_path = vol_path(src)?;
    let format = vol.format_type.clone().unwrap_or_else(|| "raw".to_string());
    let qfmt = creatable_format(&format).ok_or_else(|| unsupported_format(&format))?;
    let src_fmt = src.format_type.clone().unwrap_or_else(|| "raw".to_string());
    let src_qfmt = creatable_format(&src_fmt).unwrap_or("raw");
    let mut opts = opts_for(vol, qfmt, flags, false);
    if opts.preallocation.as_deref() == Some("falloc") {
        opts.preallocation = None;
    }
    drop(precreate(vol, &path).await?);
    let mut r = qemu_img::convert_cmd(&src_path, src_qfmt, &path, &opts)
        .run()
        .await
        .map(|_| ());
    if r.is_ok() && vol.capacity > src.capacity {
        r = qemu_img::resize_cmd(&path, qfmt, vol.capacity, false, false)
            .run()
            .await
            .map(|_| ());
    }
    if r.is_err() {
        remove_quiet(&path).await;
    }
    r
}

/// `deleteVol` for file volumes: unlink (a symlink itself, never its target) or rmdir.
pub async fn delete(vol: &VolumeDef) -> VirResult<()> {
    let path = vol_path(vol)?;
    blocking(move || {
        let md = std::fs::symlink_metadata(&path)
            .map_err(|e| system(&e, format_args!("cannot unlink file '{path}'")))?;
        let r = if md.is_dir() {
            std::fs::remove_dir(&path)
        } else {
            std::fs::remove_file(&path)
        };
        r.map_err(|e| system(&e, format_args!("cannot unlink file '{path}'")))
    })
    .await
}

/// Fills capacity/allocation/format from `qemu-img info`; `trusted` pins the format.
pub async fn probe(vol: &mut VolumeDef, trusted: Option<&str>) -> VirResult<()> {
    let path = vol_path(vol)?;
    let md = tokio::fs::symlink_metadata(&path)
        .await
        .map_err(|e| system(&e, format_args!("cannot stat file '{path}'")))?;
    if md.is_dir() {
        use std::os::unix::fs::MetadataExt;
        vol.vol_type = "dir".into();
        vol.format_type = Some("dir".into());
        vol.capacity = md.len();
        vol.allocation = md.blocks() * 512;
        return Ok(());
    }
    let qf = trusted.and_then(creatable_format);
    let info = qemu_img::info(&path, qf).await?;
    vol.format_type = Some(match (trusted, info.format.as_str()) {
        (Some(t), _) if qf.is_some() => t.to_string(),
        (_, "vpc") => "vpc".to_string(),
        (_, f) => f.to_string(),
    });
    vol.capacity = info.virtual_size;
    vol.allocation = info.actual_size;
    vol.compat = info.compat.clone();
    vol.lazy_refcounts = info.lazy_refcounts;
    vol.has_features = info.compat.as_deref() == Some("1.1");
    vol.backing_store = info
        .backing_file
        .map(|p| rvirt_conf::storage::BackingStore {
            path: p,
            format_type: info.backing_format.clone(),
            perms: Default::default(),
        });
    Ok(())
}

/// `resizeVol` for file volumes.
pub async fn resize(vol: &VolumeDef, capacity: u64, flags: u32) -> VirResult<()> {
    let path = vol_path(vol)?;
    let format = vol.format_type.clone().unwrap_or_else(|| "raw".to_string());
    let shrink = flags & RESIZE_SHRINK != 0;
    let allocate = flags & RESIZE_ALLOCATE != 0;
    if format == "raw" {
        let old = vol.capacity;
        return blocking(move || {
            let f = open_nofollow(Path::new(&path), true)
                .map_err(|e| system(&e, format_args!("cannot open '{path}'")))?;
            f.set_len(capacity)
                .map_err(|e| system(&e, format_args!("Failed to truncate volume '{path}'")))?;
            if allocate && capacity > old {
                rustix::fs::fallocate(&f, FallocateFlags::empty(), old, capacity - old).map_err(
                    |e| {
                        system(
                            &e.into(),
                            format_args!("Failed to preallocate volume '{path}'"),
                        )
                    },
                )?;
            }
            Ok(())
        })
        .await;
    }
    let qfmt = creatable_format(&format).ok_or_else(|| unsupported_format(&format))?;
    qemu_img::resize_cmd(&path, qfmt, capacity, shrink, allocate)
        .run()
        .await
        .map(|_| ())
}

/// Pool sizes from `statvfs` of the target directory.
pub async fn fs_sizes(target: &str) -> VirResult<PoolSizes> {
    let t = target.to_string();
    blocking(move || {
        let s = rustix::fs::statvfs(t.as_str())
            .map_err(|e| system(&e.into(), format_args!("cannot statvfs path '{t}'")))?;
        let fr = s.f_frsize;
        Ok(PoolSizes {
            capacity: s.f_blocks * fr,
            allocation: (s.f_blocks - s.f_bfree) * fr,
            available: s.f_bavail * fr,
        })
    })
    .await
}

/// Scans a target directory: every regular file (and directory) becomes a volume, probed
/// by `qemu-img info`; symlinks and special files are skipped.
pub async fn scan_dir(def: &PoolDef, known: &[VolumeDef]) -> VirResult<Scan> {
    let target = def
        .target_path
        .clone()
        .ok_or_else(|| internal("pool has no target path"))?;
    let t2 = target.clone();
    let names = blocking(move || {
        let rd = std::fs::read_dir(&t2)
            .map_err(|e| system(&e, format_args!("cannot open directory '{t2}'")))?;
        let mut names = Vec::new();
        for ent in rd.flatten() {
            let Ok(ft) = ent.file_type() else { continue };
            if !(ft.is_file() || ft.is_dir()) {
                continue;
            }
            if let Some(n) = ent.file_name().to_str() {
                names.push(n.to_string());
            }
        }
        names.sort();
        Ok(names)
    })
    .await?;
    let mut volumes = Vec::new();
    for name in names {
        let mut vol = VolumeDef {
            name: name.clone(),
            vol_type: "file".into(),
            ..VolumeDef::default()
        };
        place(def, &mut vol)?;
        let trusted = known
            .iter()
            .find(|k| k.name == name)
            .and_then(|k| k.format_type.clone());
        match probe(&mut vol, trusted.as_deref()).await {
            Ok(()) => volumes.push(vol),
            Err(e) => tracing::warn!("skipping volume '{name}': {}", e.message),
        }
    }
    Ok(Scan {
        sizes: fs_sizes(&target).await?,
        volumes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vol(capacity: u64, allocation: u64) -> VolumeDef {
        VolumeDef {
            capacity,
            allocation,
            ..Default::default()
        }
    }

    #[test]
    fn qcow2_is_preallocated_only_when_asked() {
        // virsh vol-create-as without --allocation sends allocation == capacity
        assert_eq!(
            opts_for(&vol(1 << 30, 1 << 30), "qcow2", 0, true).preallocation,
            None
        );
        let full = opts_for(
            &vol(1 << 30, 1 << 30),
            "qcow2",
            CREATE_PREALLOC_METADATA,
            true,
        );
        assert_eq!(full.preallocation.as_deref(), Some("falloc"));
        let meta = opts_for(&vol(1 << 30, 0), "qcow2", CREATE_PREALLOC_METADATA, true);
        assert_eq!(meta.preallocation.as_deref(), Some("metadata"));
    }
}
