//! Pool APIs (`virStoragePool*`, `virConnectListAllStoragePools`, …) with libvirt's
//! state checks, persistence, autostart links and events.

use std::sync::Arc;

use rvirt_conf::storage::{sanitize_path, PoolDef, PoolType};
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::event::StoragePoolEventKind;
use rvirt_core::handle::{StoragePoolRef, Uuid};
use rvirt_core::info::StoragePoolInfo;

use crate::backend::{for_type, BUILD_NO_OVERWRITE, BUILD_OVERWRITE};
use crate::driver::{pool_event as ev, StorageDriverImpl};
use crate::errors::{already_active, internal, not_active, op_failed, still_active, system, DOM};
use crate::fsutil::atomic_write;
use crate::pool_obj::{PoolObj, PoolState};

const CREATE_WITH_BUILD: u32 = 1;
const CREATE_WITH_BUILD_OVERWRITE: u32 = 2;
const CREATE_WITH_BUILD_NO_OVERWRITE: u32 = 4;
/// `VIR_STORAGE_POOL_DEFINE_VALIDATE`.
const DEFINE_VALIDATE: u32 = 1;
/// `VIR_STORAGE_XML_INACTIVE`.
const XML_INACTIVE: u32 = 1;

/// `virConnectListAllStoragePoolsFlags` type bits, in `virStoragePoolType` order.
const TYPE_FILTERS: [(u32, PoolType); 14] = [
    (1 << 6, PoolType::Dir),
    (1 << 7, PoolType::Fs),
    (1 << 8, PoolType::Netfs),
    (1 << 9, PoolType::Logical),
    (1 << 10, PoolType::Disk),
    (1 << 11, PoolType::Iscsi),
    (1 << 12, PoolType::Scsi),
    (1 << 13, PoolType::Mpath),
    (1 << 14, PoolType::Rbd),
    (1 << 15, PoolType::Sheepdog),
    (1 << 16, PoolType::Gluster),
    (1 << 17, PoolType::Zfs),
    (1 << 18, PoolType::Vstorage),
    (1 << 19, PoolType::IscsiDirect),
];

fn uuid_str(u: &[u8; 16]) -> String {
    Uuid(*u).to_string()
}

/// Whether `a` and `b` claim the same storage (`virStoragePoolObjSourceFindDuplicateCb`).
fn same_source(a: &PoolDef, b: &PoolDef) -> bool {
    use PoolType::*;
    match (a.pool_type, b.pool_type) {
        (Dir, Dir) => a.target_path == b.target_path,
        (Netfs, Netfs) => {
            a.source.dir == b.source.dir
                && a.source.hosts.first().map(|h| &h.name)
                    == b.source.hosts.first().map(|h| &h.name)
        }
        (Fs | Logical | Disk | Iscsi | Zfs, Fs | Logical | Disk | Iscsi | Zfs) => {
            if (a.pool_type == Iscsi) != (b.pool_type == Iscsi) {
                return false;
            }
            a.source
                .devices
                .iter()
                .any(|d| b.source.devices.contains(d))
        }
        (Mpath, Mpath) => true,
        _ => false,
    }
}

impl StorageDriverImpl {
    /// Re-reads sizes and volumes from the backend (`storagePoolRefreshImpl`).
    pub(crate) async fn refresh_locked(&self, st: &mut PoolState) -> VirResult<()> {
        let backend = for_type(st.def.pool_type)?;
        let scan = backend.refresh(&st.def, &st.vols).await?;
        st.vols = scan.volumes;
        st.set_sizes(scan.sizes);
        st.stale = false;
        Ok(())
    }

    /// Refreshes a pool found running at start-up before its first use.
    pub(crate) async fn ensure_fresh(&self, st: &mut PoolState) -> VirResult<()> {
        if st.active && st.stale {
            self.refresh_locked(st).await?;
        }
        Ok(())
    }

    /// Adds or updates a pool object for `def` (`virStoragePoolObjListAdd`).
    async fn list_add(
        &self,
        def: PoolDef,
        live: bool,
        check_active: bool,
    ) -> VirResult<(Arc<PoolObj>, bool)> {
        for other in self.snapshot() {
            if other.name == def.name {
                continue;
            }
            let st = other.state.lock().await;
            if same_source(&st.def, &def) {
                return Err(op_failed(format!(
                    "Storage source conflict with pool: '{}'",
                    other.name
                )));
            }
        }
        if let Some(obj) = self.obj_by_uuid(&Uuid(def.uuid)) {
            if obj.name != def.name {
                return Err(op_failed(format!(
                    "pool '{}' is already defined with uuid {}",
                    obj.name,
                    uuid_str(&def.uuid)
                )));
            }
            let mut st = obj.state.lock().await;
            if check_active && st.active {
                return Err(already_active(&obj.name));
            }
            if st.active {
                st.new_def = Some(def);
            } else {
                if live && st.new_def.is_none() && st.persistent {
                    let old = std::mem::replace(&mut st.def, def);
                    st.new_def = Some(old);
                } else {
                    st.def = def;
                }
            }
            drop(st);
            return Ok((obj, false));
        }
        if let Some(obj) = self.find_name(&def.name) {
            return Err(op_failed(format!(
                "pool '{}' already exists with uuid {}",
                obj.name, obj.uuid
            )));
        }
        let obj = Arc::new(PoolObj::new(def, false));
        self.list()?.push(obj.clone());
        Ok((obj, true))
    }

    pub(crate) async fn pool_define_impl(
        &self,
        xml: &str,
        flags: u32,
    ) -> VirResult<StoragePoolRef> {
        VirError::check_flags(DOM, flags, DEFINE_VALIDATE, "storagePoolDefineXML")?;
        let def = PoolDef::parse(xml)?;
        if def.name.contains('\n') {
            return Err(VirError::new(
                ErrorCode::XmlError,
                DOM,
                format!("name {} cannot contain '\\n'", def.name),
            ));
        }
        for_type(def.pool_type)?;
        let formatted = def.format();
        let (obj, added) = self.list_add(def, false, false).await?;
        let path = self.config_file(&obj.name);
        if let Err(e) = atomic_write(&path, &formatted) {
            if added {
                self.remove(&obj);
            }
            return Err(e);
        }
        obj.state.lock().await.persistent = true;
        self.lifecycle(&obj, ev::DEFINED);
        Ok(obj.handle())
    }

    pub(crate) async fn pool_create_xml_impl(
        &self,
        xml: &str,
        flags: u32,
    ) -> VirResult<StoragePoolRef> {
        VirError::check_flags(
            DOM,
            flags,
            CREATE_WITH_BUILD | CREATE_WITH_BUILD_OVERWRITE | CREATE_WITH_BUILD_NO_OVERWRITE,
            "storagePoolCreateXML",
        )?;
        let def = PoolDef::parse(xml)?;
        for_type(def.pool_type)?;
        let (obj, added) = self.list_add(def, true, true).await?;
        let mut st = obj.state.lock().await;
        if let Err(e) = self.start_locked(&obj, &mut st, flags).await {
            drop(st);
            if added {
                self.remove(&obj);
            }
            return Err(e);
        }
        Ok(obj.handle())
    }

    async fn start_locked(&self, obj: &PoolObj, st: &mut PoolState, flags: u32) -> VirResult<()> {
        let backend = for_type(st.def.pool_type)?;
        let mut build_flags = 0;
        if flags & CREATE_WITH_BUILD_OVERWRITE != 0 {
            build_flags |= BUILD_OVERWRITE;
        } else if flags & CREATE_WITH_BUILD_NO_OVERWRITE != 0 {
            build_flags |= BUILD_NO_OVERWRITE;
        }
        if build_flags != 0 || flags & CREATE_WITH_BUILD != 0 {
            backend.build(&st.def, build_flags).await?;
        }
        backend.start(&st.def).await?;
        let state_file = self.state_file(&obj.name);
        let res = async {
            atomic_write(&state_file, &st.def.format())?;
            self.refresh_locked(st).await
        }
        .await;
        if let Err(e) = res {
            let _ = std::fs::remove_file(&state_file);
            let _ = backend.stop(&st.def).await;
            st.vols.clear();
            return Err(e);
        }
        st.active = true;
        self.lifecycle(obj, ev::STARTED);
        Ok(())
    }

    pub(crate) async fn pool_create_impl(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            DOM,
            flags,
            CREATE_WITH_BUILD | CREATE_WITH_BUILD_OVERWRITE | CREATE_WITH_BUILD_NO_OVERWRITE,
            "storagePoolCreate",
        )?;
        if flags & CREATE_WITH_BUILD_OVERWRITE != 0 && flags & CREATE_WITH_BUILD_NO_OVERWRITE != 0 {
            return Err(VirError::invalid_arg(
                DOM,
                "Flags 'VIR_STORAGE_POOL_BUILD_OVERWRITE' and 'VIR_STORAGE_POOL_BUILD_NO_OVERWRITE' are mutually exclusive",
            ));
        }
        let obj = self.obj(pool)?;
        let mut st = obj.state.lock().await;
        if st.active {
            return Err(already_active(&obj.name));
        }
        self.start_locked(&obj, &mut st, flags).await
    }

    pub(crate) async fn pool_build_impl(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        VirError::check_flags(DOM, flags, 0xf, "storagePoolBuild")?;
        let obj = self.obj(pool)?;
        let st = obj.state.lock().await;
        if st.active {
            return Err(already_active(&obj.name));
        }
        for_type(st.def.pool_type)?.build(&st.def, flags).await?;
        self.lifecycle(&obj, ev::CREATED);
        Ok(())
    }

    fn check_no_jobs(&self, obj: &PoolObj) -> VirResult<()> {
        let busy = obj.busy.lock().map(|m| !m.is_empty()).unwrap_or(true);
        if busy {
            return Err(internal(format!(
                "pool '{}' has asynchronous jobs running.",
                obj.name
            )));
        }
        Ok(())
    }

    pub(crate) async fn pool_destroy_impl(&self, pool: &StoragePoolRef) -> VirResult<()> {
        let obj = self.obj(pool)?;
        let mut st = obj.state.lock().await;
        if !st.active {
            return Err(not_active(&obj.name));
        }
        self.check_no_jobs(&obj)?;
        let _ = std::fs::remove_file(self.state_file(&obj.name));
        for_type(st.def.pool_type)?.stop(&st.def).await?;
        st.vols.clear();
        st.active = false;
        st.stale = false;
        self.lifecycle(&obj, ev::STOPPED);
        self.update_inactive(&obj, &mut st);
        Ok(())
    }

    /// `virStoragePoolUpdateInactive`: apply a pending definition, drop transient pools.
    fn update_inactive(&self, obj: &Arc<PoolObj>, st: &mut PoolState) {
        if !st.persistent {
            self.remove(obj);
        } else if let Some(d) = st.new_def.take() {
            st.def = d;
        }
    }

    pub(crate) async fn pool_undefine_impl(&self, pool: &StoragePoolRef) -> VirResult<()> {
        let obj = self.obj(pool)?;
        let mut st = obj.state.lock().await;
        if st.active {
            return Err(still_active(&obj.name));
        }
        self.check_no_jobs(&obj)?;
        if !st.persistent {
            return Err(internal("no config file for pool"));
        }
        let cfg = self.config_file(&obj.name);
        std::fs::remove_file(&cfg)
            .map_err(|e| system(&e, format_args!("cannot remove config {}", cfg.display())))?;
        let link = self.autostart_link(&obj.name);
        let _ = std::fs::remove_file(link);
        st.persistent = false;
        st.autostart = false;
        self.lifecycle(&obj, ev::UNDEFINED);
        self.remove(&obj);
        Ok(())
    }

    pub(crate) async fn pool_delete_impl(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<()> {
        let obj = self.obj(pool)?;
        let st = obj.state.lock().await;
        if st.active {
            return Err(still_active(&obj.name));
        }
        self.check_no_jobs(&obj)?;
        let _ = std::fs::remove_file(self.state_file(&obj.name));
        for_type(st.def.pool_type)?.delete(&st.def, flags).await?;
        self.lifecycle(&obj, ev::DELETED);
        Ok(())
    }

    pub(crate) async fn pool_refresh_impl(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(DOM, flags, 0, "storagePoolRefresh")?;
        let obj = self.obj(pool)?;
        let mut st = obj.state.lock().await;
        if !st.active {
            return Err(not_active(&obj.name));
        }
        self.check_no_jobs(&obj)?;
        if let Err(e) = self.refresh_locked(&mut st).await {
            let _ = for_type(st.def.pool_type)?.stop(&st.def).await;
            let _ = std::fs::remove_file(self.state_file(&obj.name));
            st.vols.clear();
            st.active = false;
            self.lifecycle(&obj, ev::STOPPED);
            self.update_inactive(&obj, &mut st);
            return Err(e);
        }
        self.emit(&obj, StoragePoolEventKind::Refresh);
        Ok(())
    }

    pub(crate) async fn pool_info_impl(&self, pool: &StoragePoolRef) -> VirResult<StoragePoolInfo> {
        let obj = self.obj(pool)?;
        let mut st = obj.state.lock().await;
        self.ensure_fresh(&mut st).await?;
        Ok(StoragePoolInfo {
            state: if st.active { 2 } else { 0 },
            capacity: st.def.capacity,
            allocation: st.def.allocation,
            available: st.def.available,
        })
    }

    pub(crate) async fn pool_xml_impl(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<String> {
        VirError::check_flags(DOM, flags, XML_INACTIVE, "storagePoolGetXMLDesc")?;
        let obj = self.obj(pool)?;
        let mut st = obj.state.lock().await;
        self.ensure_fresh(&mut st).await?;
        Ok(match (&st.new_def, flags & XML_INACTIVE != 0) {
            (Some(d), true) => d.format(),
            _ => st.def.format(),
        })
    }

    pub(crate) async fn pool_set_autostart_impl(
        &self,
        pool: &StoragePoolRef,
        autostart: bool,
    ) -> VirResult<()> {
        let obj = self.obj(pool)?;
        let mut st = obj.state.lock().await;
        if !st.persistent {
            return Err(internal("pool has no config file"));
        }
        if st.autostart == autostart {
            return Ok(());
        }
        let link = self.autostart_link(&obj.name);
        let cfg = self.config_file(&obj.name);
        if autostart {
            std::fs::create_dir_all(&self.paths.autostart_dir).map_err(|e| {
                system(
                    &e,
                    format_args!(
                        "cannot create autostart directory {}",
                        self.paths.autostart_dir.display()
                    ),
                )
            })?;
            std::os::unix::fs::symlink(&cfg, &link).map_err(|e| {
                system(
                    &e,
                    format_args!(
                        "Failed to create symlink '{}' to '{}'",
                        link.display(),
                        cfg.display()
                    ),
                )
            })?;
        } else if let Err(e) = std::fs::remove_file(&link) {
            if e.kind() != std::io::ErrorKind::NotFound {
                return Err(system(
                    &e,
                    format_args!("Failed to delete symlink '{}'", link.display()),
                ));
            }
        }
        st.autostart = autostart;
        Ok(())
    }

    pub(crate) async fn list_all_impl(&self, flags: u32) -> VirResult<Vec<StoragePoolRef>> {
        VirError::check_flags(
            DOM,
            flags,
            (1 << 20) - 1,
            "storageConnectListAllStoragePools",
        )?;
        let mut out = Vec::new();
        for obj in self.snapshot() {
            let st = obj.state.lock().await;
            let pick = |on: u32, off: u32, v: bool| {
                flags & (on | off) == 0 || (flags & on != 0 && v) || (flags & off != 0 && !v)
            };
            if !pick(2, 1, st.active) || !pick(4, 8, st.persistent) || !pick(16, 32, st.autostart) {
                continue;
            }
            let tmask = TYPE_FILTERS.iter().fold(0, |m, (b, _)| m | b);
            if flags & tmask != 0
                && !TYPE_FILTERS
                    .iter()
                    .any(|(b, t)| flags & b != 0 && *t == st.def.pool_type)
            {
                continue;
            }
            out.push(obj.handle());
        }
        Ok(out)
    }

    pub(crate) async fn find_sources_impl(
        &self,
        pool_type: &str,
        spec: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        VirError::check_flags(DOM, flags, 0, "storageConnectFindStoragePoolSources")?;
        let t = PoolType::from_name(pool_type)
            .ok_or_else(|| internal(format!("unknown storage pool type {pool_type}")))?;
        for_type(t)?.find_sources(spec.as_deref()).await
    }

    pub(crate) async fn lookup_by_target_path_impl(&self, path: &str) -> VirResult<StoragePoolRef> {
        let clean = sanitize_path(path);
        for obj in self.snapshot() {
            let st = obj.state.lock().await;
            if st.active && st.def.target_path.as_deref() == Some(clean.as_str()) {
                return Ok(obj.handle());
            }
        }
        let detail = if clean == path {
            format!("no storage pool with matching target path '{path}'")
        } else {
            format!("no storage pool with matching target path '{path}' ({clean})")
        };
        Err(VirError::new(ErrorCode::NoStoragePool, DOM, detail))
    }
}
