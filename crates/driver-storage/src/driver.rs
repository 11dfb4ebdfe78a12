//! The storage driver object: pool registry, on-disk layout, events, and the
//! `StorageDriver` trait implementation (which delegates to `pool_api` and `vol_api`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex as StdMutex};

use async_trait::async_trait;
use rvirt_conf::storage::PoolDef;
use rvirt_core::driver::StorageDriver;
use rvirt_core::error::VirResult;
use rvirt_core::event::{Event, EventBus, StoragePoolEventKind};
use rvirt_core::handle::{StoragePoolRef, StorageVolRef, Uuid};
use rvirt_core::info::{StoragePoolInfo, StorageVolInfo};
use rvirt_core::stream::DataStream;

use crate::errors::{internal, no_pool_name, no_pool_uuid};
use crate::fsutil::link_points_to;
use crate::pool_obj::PoolObj;

/// Where the driver keeps its files; every root is configurable (`--root DIR` maps `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoragePaths {
    /// Persistent pool XML (`/etc/libvirt/storage`).
    pub config_dir: PathBuf,
    /// Autostart links (`/etc/libvirt/storage/autostart`).
    pub autostart_dir: PathBuf,
    /// Live pool state XML (`/run/libvirt/storage`).
    pub state_dir: PathBuf,
}

impl StoragePaths {
    /// The system daemon's layout under `root` (`/` for the real system).
    pub fn system(root: &Path) -> Self {
        StoragePaths {
            config_dir: root.join("etc/libvirt/storage"),
            autostart_dir: root.join("etc/libvirt/storage/autostart"),
            state_dir: root.join("run/libvirt/storage"),
        }
    }
}

/// The storage driver (libvirt's `storage_driver.c`): pools and volumes on real backends.
#[derive(Debug)]
pub struct StorageDriverImpl {
    pub(crate) paths: StoragePaths,
    pub(crate) events: EventBus,
    pub(crate) pools: StdMutex<Vec<Arc<PoolObj>>>,
}

/// `virStoragePoolEventLifecycleType` numbers.
pub mod pool_event {
    pub const DEFINED: i32 = 0;
    pub const UNDEFINED: i32 = 1;
    pub const STARTED: i32 = 2;
    pub const STOPPED: i32 = 3;
    pub const CREATED: i32 = 4;
    pub const DELETED: i32 = 5;
}

impl StorageDriverImpl {
    /// Opens the driver (`storageStateInitialize`): loads persistent pools and their autostart
    /// flags, then marks pools with a state file as running (their volumes are re-read on
    /// first use). Call [`StorageDriverImpl::autostart`] once the daemon is up.
    pub fn open(paths: StoragePaths, events: EventBus) -> VirResult<Arc<Self>> {
        for d in [&paths.config_dir, &paths.autostart_dir, &paths.state_dir] {
            std::fs::create_dir_all(d).map_err(|e| {
                crate::errors::system(
                    &e,
                    format_args!("cannot create directory '{}'", d.display()),
                )
            })?;
        }
        let drv = StorageDriverImpl {
            paths,
            events,
            pools: StdMutex::new(Vec::new()),
        };
        drv.load_configs()?;
        drv.load_states();
        Ok(Arc::new(drv))
    }

    fn xml_files(dir: &Path) -> Vec<(String, PathBuf)> {
        let mut out = Vec::new();
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let p = e.path();
                if let Some(n) = p.file_name().and_then(|n| n.to_str()) {
                    if let Some(stem) = n.strip_suffix(".xml") {
                        if !n.starts_with('.') && p.is_file() {
                            out.push((stem.to_string(), p.clone()));
                        }
                    }
                }
            }
        }
        out.sort();
        out
    }

    fn load_configs(&self) -> VirResult<()> {
        for (stem, path) in Self::xml_files(&self.paths.config_dir) {
            let Ok(xml) = std::fs::read_to_string(&path) else {
                continue;
            };
            let def = match PoolDef::parse(&xml) {
                Ok(d) => d,
                Err(e) => {
                    tracing::warn!("ignoring pool config '{}': {}", path.display(), e.message);
                    continue;
                }
            };
            if def.name != stem {
                tracing::warn!(
                    "Storage pool config filename '{}' does not match pool name '{}'",
                    path.display(),
                    def.name
                );
                continue;
            }
            let obj = PoolObj::new(def, true);
            if let Ok(mut st) = obj.state.try_lock() {
                st.autostart = link_points_to(&self.autostart_link(&obj.name), &path);
            }
            self.list()?.push(Arc::new(obj));
        }
        Ok(())
    }

    fn load_states(&self) {
        for (stem, path) in Self::xml_files(&self.paths.state_dir) {
            let Ok(xml) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Ok(def) = PoolDef::parse(&xml) else {
                continue;
            };
            if def.name != stem {
                continue;
            }
            let existing = self.find_name(&def.name);
            let obj = match existing {
                Some(o) => o,
                None => {
                    let o = Arc::new(PoolObj::new(def.clone(), false));
                    if let Ok(mut l) = self.list() {
                        l.push(o.clone());
                    }
                    o
                }
            };
            if let Ok(mut st) = obj.state.try_lock() {
                if st.persistent {
                    st.new_def = Some(std::mem::replace(&mut st.def, def));
                }
                st.active = true;
                st.stale = true;
            };
        }
    }

    pub(crate) fn list(&self) -> VirResult<std::sync::MutexGuard<'_, Vec<Arc<PoolObj>>>> {
        self.pools
            .lock()
            .map_err(|_| internal("storage pool list lock poisoned"))
    }

    pub(crate) fn snapshot(&self) -> Vec<Arc<PoolObj>> {
        self.list().map(|l| l.clone()).unwrap_or_default()
    }

    pub(crate) fn find_name(&self, name: &str) -> Option<Arc<PoolObj>> {
        self.snapshot().into_iter().find(|p| p.name == name)
    }

    /// `virStoragePoolObjFromStoragePool`: by UUID, libvirt's error naming both.
    pub(crate) fn obj(&self, pool: &StoragePoolRef) -> VirResult<Arc<PoolObj>> {
        self.snapshot()
            .into_iter()
            .find(|p| p.uuid == pool.uuid)
            .ok_or_else(|| no_pool_uuid(&pool.uuid, &pool.name))
    }

    pub(crate) fn obj_by_name(&self, name: &str) -> VirResult<Arc<PoolObj>> {
        self.find_name(name).ok_or_else(|| no_pool_name(name))
    }

    pub(crate) fn obj_by_uuid(&self, uuid: &Uuid) -> Option<Arc<PoolObj>> {
        self.snapshot().into_iter().find(|p| p.uuid == *uuid)
    }

    pub(crate) fn remove(&self, obj: &Arc<PoolObj>) {
        if let Ok(mut l) = self.list() {
            l.retain(|p| !Arc::ptr_eq(p, obj));
        }
    }

    pub(crate) fn config_file(&self, name: &str) -> PathBuf {
        self.paths.config_dir.join(format!("{name}.xml"))
    }

    pub(crate) fn autostart_link(&self, name: &str) -> PathBuf {
        self.paths.autostart_dir.join(format!("{name}.xml"))
    }

    pub(crate) fn state_file(&self, name: &str) -> PathBuf {
        self.paths.state_dir.join(format!("{name}.xml"))
    }

    pub(crate) fn emit(&self, obj: &PoolObj, kind: StoragePoolEventKind) {
        self.events.publish(Event::StoragePool {
            pool: obj.handle(),
            kind,
        });
    }

    pub(crate) fn lifecycle(&self, obj: &PoolObj, event: i32) {
        self.emit(obj, StoragePoolEventKind::Lifecycle { event, detail: 0 });
    }

    /// Starts every inactive pool marked autostart (`storageDriverAutostart`); failures
    /// are logged, not fatal.
    pub async fn autostart(&self) {
        for obj in self.snapshot() {
            let want = {
                let st = obj.state.lock().await;
                st.autostart && !st.active
            };
            if want {
                if let Err(e) = self.pool_create_impl(&obj.handle(), 0).await {
                    tracing::warn!(
                        "Failed to autostart storage pool '{}': {}",
                        obj.name,
                        e.message
                    );
                }
            }
        }
    }
}

#[async_trait]
impl StorageDriver for StorageDriverImpl {
    async fn list_all_storage_pools(&self, flags: u32) -> VirResult<Vec<StoragePoolRef>> {
        self.list_all_impl(flags).await
    }
    async fn find_storage_pool_sources(
        &self,
        pool_type: &str,
        src_spec: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.find_sources_impl(pool_type, src_spec, flags).await
    }
    async fn storage_pool_capabilities(&self, flags: u32) -> VirResult<String> {
        crate::pool_caps::pool_capabilities_xml(flags)
    }
    async fn pool_lookup_by_name(&self, name: &str) -> VirResult<StoragePoolRef> {
        Ok(self.obj_by_name(name)?.handle())
    }
    async fn pool_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<StoragePoolRef> {
        self.obj_by_uuid(&uuid)
            .map(|o| o.handle())
            .ok_or_else(|| crate::errors::no_pool_uuid_only(&uuid))
    }
    async fn pool_lookup_by_volume(&self, vol: &StorageVolRef) -> VirResult<StoragePoolRef> {
        Ok(self.obj_by_name(&vol.pool)?.handle())
    }
    async fn pool_lookup_by_target_path(&self, path: &str) -> VirResult<StoragePoolRef> {
        self.lookup_by_target_path_impl(path).await
    }
    async fn pool_define_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        self.pool_define_impl(xml, flags).await
    }
    async fn pool_create_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        self.pool_create_xml_impl(xml, flags).await
    }
    async fn pool_build(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.pool_build_impl(pool, flags).await
    }
    async fn pool_undefine(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.pool_undefine_impl(pool).await
    }
    async fn pool_create(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.pool_create_impl(pool, flags).await
    }
    async fn pool_destroy(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.pool_destroy_impl(pool).await
    }
    async fn pool_delete(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.pool_delete_impl(pool, flags).await
    }
    async fn pool_refresh(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.pool_refresh_impl(pool, flags).await
    }
    async fn pool_get_info(&self, pool: &StoragePoolRef) -> VirResult<StoragePoolInfo> {
        self.pool_info_impl(pool).await
    }
    async fn pool_get_xml_desc(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<String> {
        self.pool_xml_impl(pool, flags).await
    }
    async fn pool_get_autostart(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        Ok(self.obj(pool)?.state.lock().await.autostart)
    }
    async fn pool_set_autostart(&self, pool: &StoragePoolRef, autostart: bool) -> VirResult<()> {
        self.pool_set_autostart_impl(pool, autostart).await
    }
    async fn pool_is_active(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        Ok(self.obj(pool)?.state.lock().await.active)
    }
    async fn pool_is_persistent(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        Ok(self.obj(pool)?.state.lock().await.persistent)
    }
    async fn pool_list_all_volumes(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<Vec<StorageVolRef>> {
        self.list_volumes_impl(pool, flags).await
    }
    async fn vol_lookup_by_name(
        &self,
        pool: &StoragePoolRef,
        name: &str,
    ) -> VirResult<StorageVolRef> {
        self.vol_lookup_name_impl(pool, name).await
    }
    async fn vol_lookup_by_key(&self, key: &str) -> VirResult<StorageVolRef> {
        self.vol_lookup_key_impl(key).await
    }
    async fn vol_lookup_by_path(&self, path: &str) -> VirResult<StorageVolRef> {
        self.vol_lookup_path_impl(path).await
    }
    async fn vol_create_xml(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        self.vol_create_impl(pool, xml, flags).await
    }
    async fn vol_create_xml_from(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        clone: &StorageVolRef,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        self.vol_create_from_impl(pool, xml, clone, flags).await
    }
    async fn vol_delete(&self, vol: &StorageVolRef, flags: u32) -> VirResult<()> {
        self.vol_delete_impl(vol, flags).await
    }
    async fn vol_wipe(&self, vol: &StorageVolRef, algorithm: u32, flags: u32) -> VirResult<()> {
        self.vol_wipe_impl(vol, algorithm, flags).await
    }
    async fn vol_get_info(&self, vol: &StorageVolRef, flags: u32) -> VirResult<StorageVolInfo> {
        self.vol_info_impl(vol, flags).await
    }
    async fn vol_get_xml_desc(&self, vol: &StorageVolRef, flags: u32) -> VirResult<String> {
        self.vol_xml_impl(vol, flags).await
    }
    async fn vol_get_path(&self, vol: &StorageVolRef) -> VirResult<String> {
        self.vol_path_impl(vol).await
    }
    async fn vol_resize(&self, vol: &StorageVolRef, capacity: u64, flags: u32) -> VirResult<()> {
        self.vol_resize_impl(vol, capacity, flags).await
    }
    async fn vol_upload(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        self.vol_upload_impl(vol, offset, length, flags).await
    }
    async fn vol_download(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        self.vol_download_impl(vol, offset, length, flags).await
    }
}
