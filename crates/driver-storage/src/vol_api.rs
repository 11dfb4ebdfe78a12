//! Volume APIs (`virStorageVol*`, `virStoragePoolListAllVolumes`).

use std::sync::Arc;

use rvirt_conf::storage::{sanitize_path, VolumeDef, VOLUME_TYPES};
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::handle::{StoragePoolRef, StorageVolRef};
use rvirt_core::info::StorageVolInfo;
use tokio::sync::MutexGuard;

use crate::backend::for_type;
use crate::driver::StorageDriverImpl;
use crate::errors::{internal, no_vol_name, not_active, op_failed, vol_exists, vol_in_use, DOM};
use crate::names::check_vol_name;
use crate::pool_obj::{PoolObj, PoolState};

const CREATE_PREALLOC_METADATA: u32 = 1;
const CREATE_REFLINK: u32 = 2;
const CREATE_VALIDATE: u32 = 4;
const RESIZE_ALLOCATE: u32 = 1;
const RESIZE_DELTA: u32 = 2;
const RESIZE_SHRINK: u32 = 4;
const GET_PHYSICAL: u32 = 1;

/// `virStorageVolType` number of a `type='…'` name.
fn vol_type_number(t: &str) -> i32 {
    VOLUME_TYPES
        .iter()
        .position(|n| *n == t)
        .and_then(|p| i32::try_from(p).ok())
        .unwrap_or(0)
}

impl StorageDriverImpl {
    /// `virStorageVolDefFromVol`: the pool (locked, running, refreshed) holding `vol`.
    pub(crate) async fn vol_ctx(
        &self,
        vol: &StorageVolRef,
    ) -> VirResult<(Arc<PoolObj>, VolumeDef)> {
        let obj = self.obj_by_name(&vol.pool)?;
        let v = {
            let mut st = obj.state.lock().await;
            if !st.active {
                return Err(not_active(&obj.name));
            }
            self.ensure_fresh(&mut st).await?;
            st.vol(&vol.name)
                .cloned()
                .ok_or_else(|| no_vol_name(&vol.name))?
        };
        Ok((obj, v))
    }

    async fn active_locked<'a>(&self, obj: &'a PoolObj) -> VirResult<MutexGuard<'a, PoolState>> {
        let mut st = obj.state.lock().await;
        if !st.active {
            return Err(not_active(&obj.name));
        }
        self.ensure_fresh(&mut st).await?;
        Ok(st)
    }

    pub(crate) async fn list_volumes_impl(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<Vec<StorageVolRef>> {
        VirError::check_flags(DOM, flags, 0, "storagePoolListAllVolumes")?;
        let obj = self.obj(pool)?;
        let st = self.active_locked(&obj).await?;
        Ok(st.vols.iter().map(|v| obj.vol_handle(v)).collect())
    }

    pub(crate) async fn vol_lookup_name_impl(
        &self,
        pool: &StoragePoolRef,
        name: &str,
    ) -> VirResult<StorageVolRef> {
        let obj = self.obj(pool)?;
        let st = self.active_locked(&obj).await?;
        st.vol(name)
            .map(|v| obj.vol_handle(v))
            .ok_or_else(|| no_vol_name(name))
    }

    async fn find_vol(&self, pred: impl Fn(&VolumeDef) -> bool) -> Option<StorageVolRef> {
        for obj in self.snapshot() {
            let mut st = obj.state.lock().await;
            if !st.active || self.ensure_fresh(&mut st).await.is_err() {
                continue;
            }
            if let Some(v) = st.vols.iter().find(|v| pred(v)) {
                return Some(obj.vol_handle(v));
            }
        }
        None
    }

    pub(crate) async fn vol_lookup_key_impl(&self, key: &str) -> VirResult<StorageVolRef> {
        self.find_vol(|v| v.key.as_deref() == Some(key))
            .await
            .ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoStorageVol,
                    DOM,
                    format!("no storage vol with matching key {key}"),
                )
            })
    }

    pub(crate) async fn vol_lookup_path_impl(&self, path: &str) -> VirResult<StorageVolRef> {
        let clean = sanitize_path(path);
        self.find_vol(|v| v.target_path.as_deref() == Some(clean.as_str()))
            .await
            .ok_or_else(|| {
                let detail = if clean == path {
                    format!("no storage vol with matching path '{path}'")
                } else {
                    format!("no storage vol with matching path '{path}' ({clean})")
                };
                VirError::new(ErrorCode::NoStorageVol, DOM, detail)
            })
    }

    pub(crate) async fn vol_create_impl(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        VirError::check_flags(
            DOM,
            flags,
            CREATE_PREALLOC_METADATA | CREATE_VALIDATE,
            "storageVolCreateXML",
        )?;
        let obj = self.obj(pool)?;
        let mut st = self.active_locked(&obj).await?;
        let backend = for_type(st.def.pool_type)?;
        let mut vol = VolumeDef::parse(xml, &st.def)?;
        check_vol_name(&vol.name)?;
        if st.vol(&vol.name).is_some() {
            return Err(vol_exists(&vol.name));
        }
        vol.key = None;
        backend.create_vol(&st.def, &mut vol).await?;
        if st.vol(&vol.name).is_some() {
            return Err(vol_exists(&vol.name));
        }
        backend.build_vol(&st.def, &vol, flags).await?;
        if let Err(e) = backend.refresh_vol(&st.def, &mut vol).await {
            let _ = backend.delete_vol(&st.def, &vol, 0).await;
            return Err(e);
        }
        st.def.allocation += vol.allocation;
        st.def.available = st.def.available.saturating_sub(vol.allocation);
        let h = obj.vol_handle(&vol);
        st.vols.push(vol);
        Ok(h)
    }

    pub(crate) async fn vol_create_from_impl(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        src: &StorageVolRef,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        VirError::check_flags(
            DOM,
            flags,
            CREATE_PREALLOC_METADATA | CREATE_REFLINK | CREATE_VALIDATE,
            "storageVolCreateXMLFrom",
        )?;
        let obj = self.obj(pool)?;
        let same_pool = src.pool == obj.name;
        let src_obj = if same_pool {
            obj.clone()
        } else {
            self.obj_by_name(&src.pool)?
        };
        let src_vol = if same_pool {
            None
        } else {
            Some(self.vol_ctx(src).await?.1)
        };
        let mut st = self.active_locked(&obj).await?;
        let backend = for_type(st.def.pool_type)?;
        let mut src_vol = match src_vol {
            Some(v) => v,
            None => st
                .vol(&src.name)
                .cloned()
                .ok_or_else(|| no_vol_name(&src.name))?,
        };
        let mut vol = VolumeDef::parse(xml, &st.def)?;
        check_vol_name(&vol.name)?;
        if st.vol(&vol.name).is_some() {
            return Err(internal(format!(
                "storage volume name '{}' already in use.",
                vol.name
            )));
        }
        if src_obj.is_busy(&src.name) {
            return Err(vol_in_use(&src.name));
        }
        let src_backend = for_type(st.def.pool_type)?;
        src_backend.refresh_vol(&st.def, &mut src_vol).await.ok();
        if vol.capacity < src_vol.capacity {
            vol.capacity = src_vol.capacity;
        }
        vol.key = None;
        backend.create_vol(&st.def, &mut vol).await?;
        src_obj.mark_busy(&src.name, 1);
        let built = backend.build_vol_from(&st.def, &vol, &src_vol, flags).await;
        src_obj.mark_busy(&src.name, -1);
        built?;
        if let Err(e) = backend.refresh_vol(&st.def, &mut vol).await {
            let _ = backend.delete_vol(&st.def, &vol, 0).await;
            return Err(e);
        }
        st.def.allocation += vol.allocation;
        st.def.available = st.def.available.saturating_sub(vol.allocation);
        let h = obj.vol_handle(&vol);
        st.vols.push(vol);
        Ok(h)
    }

    pub(crate) async fn vol_delete_impl(&self, vref: &StorageVolRef, flags: u32) -> VirResult<()> {
        let obj = self.obj_by_name(&vref.pool)?;
        let mut st = self.active_locked(&obj).await?;
        let vol = st
            .vol(&vref.name)
            .cloned()
            .ok_or_else(|| no_vol_name(&vref.name))?;
        if obj.is_busy(&vol.name) {
            return Err(vol_in_use(&vol.name));
        }
        for_type(st.def.pool_type)?
            .delete_vol(&st.def, &vol, flags)
            .await?;
        st.def.allocation = st.def.allocation.saturating_sub(vol.allocation);
        st.def.available += vol.allocation;
        st.vols.retain(|v| v.name != vol.name);
        Ok(())
    }

    pub(crate) async fn vol_wipe_impl(
        &self,
        vref: &StorageVolRef,
        algorithm: u32,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(DOM, flags, 0, "storageVolWipePattern")?;
        if algorithm >= crate::wipe::ALG_LAST {
            return Err(VirError::invalid_arg(
                DOM,
                format!("wiping algorithm {algorithm} not supported"),
            ));
        }
        let obj = self.obj_by_name(&vref.pool)?;
        let mut st = self.active_locked(&obj).await?;
        let backend = for_type(st.def.pool_type)?;
        let vol = st
            .vol(&vref.name)
            .cloned()
            .ok_or_else(|| no_vol_name(&vref.name))?;
        if obj.is_busy(&vol.name) {
            return Err(vol_in_use(&vol.name));
        }
        if !backend.local_volumes() {
            return Err(crate::errors::no_support(
                "storage pool doesn't support volume wiping",
            ));
        }
        let path = vol.target_path.clone().unwrap_or_default();
        obj.mark_busy(&vol.name, 1);
        let r = crate::wipe::wipe(&path, algorithm).await;
        obj.mark_busy(&vol.name, -1);
        r?;
        let def = st.def.clone();
        if let Some(v) = st.vol_mut(&vref.name) {
            if v.vol_type == "file" {
                v.format_type = None;
            }
            backend.refresh_vol(&def, v).await?;
        }
        Ok(())
    }

    /// Refreshes one volume in place and returns a copy.
    async fn refreshed(&self, vref: &StorageVolRef) -> VirResult<(Arc<PoolObj>, VolumeDef)> {
        let obj = self.obj_by_name(&vref.pool)?;
        let mut st = self.active_locked(&obj).await?;
        let backend = for_type(st.def.pool_type)?;
        let def = st.def.clone();
        let v = st
            .vol_mut(&vref.name)
            .ok_or_else(|| no_vol_name(&vref.name))?;
        if !obj.is_busy(&v.name) {
            backend.refresh_vol(&def, v).await?;
        }
        let v = v.clone();
        drop(st);
        Ok((obj, v))
    }

    pub(crate) async fn vol_info_impl(
        &self,
        vref: &StorageVolRef,
        flags: u32,
    ) -> VirResult<StorageVolInfo> {
        VirError::check_flags(DOM, flags, GET_PHYSICAL, "storageVolGetInfoFlags")?;
        let (_, v) = self.refreshed(vref).await?;
        let mut allocation = v.allocation;
        if flags & GET_PHYSICAL != 0 {
            if let Some(p) = &v.target_path {
                if let Ok(md) = tokio::fs::symlink_metadata(p).await {
                    allocation = md.len();
                }
            }
        }
        Ok(StorageVolInfo {
            vol_type: vol_type_number(&v.vol_type),
            capacity: v.capacity,
            allocation,
        })
    }

    pub(crate) async fn vol_xml_impl(&self, vref: &StorageVolRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(DOM, flags, 0, "storageVolGetXMLDesc")?;
        Ok(self.refreshed(vref).await?.1.format())
    }

    pub(crate) async fn vol_path_impl(&self, vref: &StorageVolRef) -> VirResult<String> {
        let (_, v) = self.vol_ctx(vref).await?;
        v.target_path
            .ok_or_else(|| internal(format!("volume '{}' has no path", vref.name)))
    }

    pub(crate) async fn vol_resize_impl(
        &self,
        vref: &StorageVolRef,
        capacity: u64,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            DOM,
            flags,
            RESIZE_ALLOCATE | RESIZE_DELTA | RESIZE_SHRINK,
            "storageVolResize",
        )?;
        let obj = self.obj_by_name(&vref.pool)?;
        let mut st = self.active_locked(&obj).await?;
        let backend = for_type(st.def.pool_type)?;
        let vol = st
            .vol(&vref.name)
            .cloned()
            .ok_or_else(|| no_vol_name(&vref.name))?;
        if obj.is_busy(&vol.name) {
            return Err(vol_in_use(&vol.name));
        }
        let mut flags = flags;
        let abs = if flags & RESIZE_DELTA != 0 {
            flags &= !RESIZE_DELTA;
            if flags & RESIZE_SHRINK != 0 {
                vol.capacity - capacity.min(vol.capacity)
            } else {
                vol.capacity
                    .checked_add(capacity)
                    .ok_or_else(|| VirError::new(ErrorCode::Overflow, DOM, "capacity overflow"))?
            }
        } else {
            capacity
        };
        if abs < vol.allocation {
            return Err(VirError::invalid_arg(
                DOM,
                "can't shrink capacity below existing allocation",
            ));
        }
        if abs < vol.capacity && flags & RESIZE_SHRINK == 0 {
            return Err(VirError::invalid_arg(
                DOM,
                "Can't shrink capacity below current capacity unless shrink flag explicitly specified",
            ));
        }
        let delta = if flags & RESIZE_ALLOCATE != 0 {
            abs.saturating_sub(vol.allocation)
        } else {
            0
        };
        if delta > st.def.available {
            return Err(op_failed("Not enough space left in storage pool"));
        }
        backend.resize_vol(&st.def, &vol, abs, flags).await?;
        let def = st.def.clone();
        if let Some(v) = st.vol_mut(&vref.name) {
            v.capacity = abs;
            backend.refresh_vol(&def, v).await?;
        }
        if flags & RESIZE_ALLOCATE != 0 {
            st.def.allocation += delta;
            st.def.available = st.def.available.saturating_sub(delta);
        }
        Ok(())
    }
}
