//! `StorageDriver`: pools and volumes (`testStoragePool*`, `testStorageVol*`), plus in-memory
//! upload/download, wipe and resize (extensions: libvirt's test driver lacks those four).

use crate::driver::TestConnection;
use crate::errors::{check_flags, internal, invalid_arg, TEST};
use crate::objects::{DriverState, PoolObj, VolObj};
use crate::stream::{DownloadSource, UploadSink};
use async_trait::async_trait;
use bytes::Bytes;
use rvirt_conf::storage::{PoolDef, VolumeDef};
use rvirt_core::driver::StorageDriver;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::{Event, StoragePoolEventKind};
use rvirt_core::handle::{StoragePoolRef, StorageVolRef, Uuid};
use rvirt_core::info::{StoragePoolInfo, StorageVolInfo};
use rvirt_core::stream::DataStream;
use std::sync::{Arc, Mutex};

mod ev {
    pub const DEFINED: i32 = 0;
    pub const UNDEFINED: i32 = 1;
    pub const STARTED: i32 = 2;
    pub const STOPPED: i32 = 3;
    pub const CREATED: i32 = 4;
    pub const DELETED: i32 = 5;
}

use rvirt_core::driver::POOL_TYPE_LIST_FLAGS as POOL_TYPES;

fn no_pool(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoStoragePool,
        TEST,
        format!("no storage pool with matching name '{name}'"),
    )
}

fn no_vol(what: &str, v: &str) -> VirError {
    VirError::new(
        ErrorCode::NoStorageVol,
        TEST,
        format!("no storage vol with matching {what} '{v}'"),
    )
}

fn pool_idx(s: &DriverState, name: &str) -> VirResult<usize> {
    s.pools
        .iter()
        .position(|p| p.def.name == name)
        .ok_or_else(|| no_pool(name))
}

fn active_pool(s: &DriverState, name: &str) -> VirResult<usize> {
    let i = pool_idx(s, name)?;
    if !s.pools[i].active {
        return Err(VirError::new(
            ErrorCode::OperationInvalid,
            TEST,
            format!("storage pool '{name}' is not active"),
        ));
    }
    Ok(i)
}

fn inactive_pool(s: &DriverState, name: &str) -> VirResult<usize> {
    let i = pool_idx(s, name)?;
    if s.pools[i].active {
        return Err(VirError::new(
            ErrorCode::OperationInvalid,
            TEST,
            format!("storage pool '{name}' is active"),
        ));
    }
    Ok(i)
}

fn vol_idx(p: &PoolObj, name: &str) -> VirResult<usize> {
    p.vols
        .iter()
        .position(|v| v.def.name == name)
        .ok_or_else(|| no_vol("name", name))
}

/// `virStoragePoolObjListAdd`.
fn pool_add(s: &mut DriverState, def: PoolDef, check_live: bool) -> VirResult<usize> {
    let dup = |m: String| VirError::new(ErrorCode::OperationFailed, ErrorDomain::Storage, m);
    if let Some(i) = s.pools.iter().position(|p| p.def.uuid == def.uuid) {
        let p = &s.pools[i];
        if p.def.name != def.name {
            return Err(dup(format!(
                "pool '{}' is already defined with uuid {}",
                p.def.name,
                Uuid(def.uuid)
            )));
        }
        if check_live && p.active {
            return Err(dup(format!("pool '{}' is already active", p.def.name)));
        }
        let vols = std::mem::take(&mut s.pools[i].vols);
        s.pools[i].def = def;
        s.pools[i].vols = vols;
        return Ok(i);
    }
    if let Some(p) = s.pools.iter().find(|p| p.def.name == def.name) {
        return Err(dup(format!(
            "pool '{}' already exists with uuid {}",
            def.name,
            Uuid(p.def.uuid)
        )));
    }
    s.pools.push(PoolObj {
        def,
        active: false,
        persistent: false,
        autostart: false,
        vols: Vec::new(),
    });
    Ok(s.pools.len() - 1)
}

/// `virStorageVolType` number of a volume `type=` name.
fn vol_type_number(t: &str) -> i32 {
    match t {
        "block" => 1,
        "dir" => 2,
        "network" => 3,
        "netdir" => 4,
        "ploop" => 5,
        _ => 0,
    }
}

fn pair(flags: u32, yes: u32, no: u32, has: bool) -> bool {
    let (y, n) = (flags & yes != 0, flags & no != 0);
    y == n || (y && has) || (n && !has)
}

impl TestConnection {
    fn pool_event(&self, r: StoragePoolRef, kind: StoragePoolEventKind) {
        self.emit(Event::StoragePool { pool: r, kind });
    }

    fn pool_lifecycle(&self, r: StoragePoolRef, event: i32) {
        self.pool_event(r, StoragePoolEventKind::Lifecycle { event, detail: 0 });
    }

    /// Creates a volume in an active pool (`testStorageVolCreateXML[From]`).
    fn vol_create(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        clone: Option<&StorageVolRef>,
    ) -> VirResult<StorageVolRef> {
        self.with_state(|s| {
            let i = active_pool(s, &pool.name)?;
            let p = &mut s.pools[i];
            let mut v = VolumeDef::parse(xml, &p.def)?;
            if p.vols.iter().any(|x| x.def.name == v.name) {
                return Err(VirError::new(
                    ErrorCode::OperationFailed,
                    TEST,
                    "storage vol already exists",
                ));
            }
            let data = match clone {
                Some(c) => {
                    let src = p
                        .vols
                        .iter()
                        .find(|x| x.def.name == c.name)
                        .ok_or_else(|| no_vol("name", &c.name))?;
                    let d = src.data.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    d
                }
                None => Vec::new(),
            };
            if p.def.allocation + v.allocation > p.def.capacity {
                return Err(internal(format!(
                    "Not enough free space in pool for volume '{}'",
                    v.name
                )));
            }
            v.apply_test_driver_placement(&p.def);
            p.def.allocation += v.allocation;
            p.def.available = p.def.capacity.saturating_sub(p.def.allocation);
            let vol = VolObj {
                def: v,
                data: Arc::new(Mutex::new(data)),
            };
            let r = p.vref(&vol);
            p.vols.push(vol);
            Ok(r)
        })
    }

    fn with_vol<T>(
        &self,
        vol: &StorageVolRef,
        f: impl FnOnce(&mut PoolObj, usize) -> VirResult<T>,
    ) -> VirResult<T> {
        self.with_state(|s| {
            let i = active_pool(s, &vol.pool)?;
            let j = vol_idx(&s.pools[i], &vol.name)?;
            f(&mut s.pools[i], j)
        })
    }
}

#[async_trait]
impl StorageDriver for TestConnection {
    async fn list_all_storage_pools(&self, flags: u32) -> VirResult<Vec<StoragePoolRef>> {
        check_flags(flags, 0xfffff, "testConnectListAllStoragePools")?;
        Ok(self
            .state()
            .pools
            .iter()
            .filter(|p| {
                let tbits = flags >> 6;
                let tidx = POOL_TYPES
                    .iter()
                    .position(|t| *t == p.def.pool_type.as_str())
                    .unwrap_or(63);
                pair(flags, 2, 1, p.active)
                    && pair(flags, 4, 8, p.persistent)
                    && pair(flags, 16, 32, p.autostart)
                    && (tbits == 0 || (tidx < 32 && tbits & (1 << tidx) != 0))
            })
            .map(PoolObj::pref)
            .collect())
    }
    async fn find_storage_pool_sources(
        &self,
        pool_type: &str,
        src: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        check_flags(flags, 0, "testConnectFindStoragePoolSources")?;
        match pool_type {
            "logical" => Ok("<sources>\n  <source>\n    <device path='/dev/sda20'/>\n    <name>testvg1</name>\n    <format type='lvm2'/>\n  </source>\n  <source>\n    <device path='/dev/sda21'/>\n    <name>testvg2</name>\n    <format type='lvm2'/>\n  </source>\n</sources>\n".into()),
            "netfs" => {
                let host = src.as_deref().and_then(|x| crate::xmltree::parse(x, "source", ErrorDomain::Storage).ok())
                    .and_then(|e| e.child("host").and_then(|h| h.attr("name")).map(str::to_string))
                    .ok_or_else(|| invalid_arg("hostname must be specified for netfs sources"))?;
                Ok(format!("<sources>\n  <source>\n    <host name='{host}'/>\n    <dir path='/testshare'/>\n    <format type='nfs'/>\n  </source>\n</sources>\n"))
            }
            t if POOL_TYPES.contains(&t) => Err(VirError::new(ErrorCode::NoSupport, TEST, format!("pool type '{t}' does not support source discovery"))),
            t => Err(internal(format!("unknown storage pool type {t}"))),
        }
    }
    async fn pool_lookup_by_name(&self, name: &str) -> VirResult<StoragePoolRef> {
        self.with_state(|s| Ok(s.pools[pool_idx(s, name)?].pref()))
    }
    async fn pool_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<StoragePoolRef> {
        self.state()
            .pools
            .iter()
            .find(|p| p.def.uuid == uuid.0)
            .map(PoolObj::pref)
            .ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoStoragePool,
                    TEST,
                    format!("no storage pool with matching uuid '{uuid}'"),
                )
            })
    }
    async fn pool_lookup_by_volume(&self, vol: &StorageVolRef) -> VirResult<StoragePoolRef> {
        self.pool_lookup_by_name(&vol.pool).await
    }
    async fn pool_define_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        check_flags(flags, 1, "testStoragePoolDefineXML")?;
        let mut def = PoolDef::parse(xml)?;
        def.apply_test_driver_sizes();
        let r = self.with_state(|s| {
            // an active pool keeps its live definition (the test driver's pending newDef is
            // never shown)
            let live = s
                .pools
                .iter()
                .find(|p| p.active && p.def.name == def.name)
                .map(|p| p.def.clone());
            let i = pool_add(s, def, false)?;
            if let Some(old) = live {
                s.pools[i].def = old;
            }
            s.pools[i].persistent = true;
            Ok(s.pools[i].pref())
        })?;
        self.pool_lifecycle(r.clone(), ev::DEFINED);
        Ok(r)
    }
    async fn pool_create_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        check_flags(flags, 0, "testStoragePoolCreateXML")?;
        let mut def = PoolDef::parse(xml)?;
        def.apply_test_driver_sizes();
        let r = self.with_state(|s| {
            let i = pool_add(s, def, true)?;
            s.pools[i].active = true;
            Ok(s.pools[i].pref())
        })?;
        self.pool_lifecycle(r.clone(), ev::STARTED);
        Ok(r)
    }
    async fn pool_build(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testStoragePoolBuild")?;
        self.with_state(|s| inactive_pool(s, &pool.name).map(|_| ()))?;
        self.pool_lifecycle(pool.clone(), ev::CREATED);
        Ok(())
    }
    async fn pool_undefine(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.with_state(|s| {
            let i = inactive_pool(s, &pool.name)?;
            s.pools.remove(i);
            Ok(())
        })?;
        self.pool_lifecycle(pool.clone(), ev::UNDEFINED);
        Ok(())
    }
    async fn pool_create(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testStoragePoolCreate")?;
        self.with_state(|s| {
            let i = inactive_pool(s, &pool.name)?;
            s.pools[i].active = true;
            Ok(())
        })?;
        self.pool_lifecycle(pool.clone(), ev::STARTED);
        Ok(())
    }
    async fn pool_destroy(&self, pool: &StoragePoolRef) -> VirResult<()> {
        let r = self.with_state(|s| {
            let i = active_pool(s, &pool.name)?;
            s.pools[i].active = false;
            let r = s.pools[i].pref();
            if !s.pools[i].persistent {
                s.pools.remove(i);
            }
            Ok(r)
        })?;
        self.pool_lifecycle(r, ev::STOPPED);
        Ok(())
    }
    async fn pool_delete(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testStoragePoolDelete")?;
        self.with_state(|s| inactive_pool(s, &pool.name).map(|_| ()))?;
        self.pool_lifecycle(pool.clone(), ev::DELETED);
        Ok(())
    }
    async fn pool_refresh(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testStoragePoolRefresh")?;
        self.with_state(|s| active_pool(s, &pool.name).map(|_| ()))?;
        self.pool_event(pool.clone(), StoragePoolEventKind::Refresh);
        Ok(())
    }
    async fn pool_get_info(&self, pool: &StoragePoolRef) -> VirResult<StoragePoolInfo> {
        self.with_state(|s| {
            let p = &s.pools[pool_idx(s, &pool.name)?];
            Ok(StoragePoolInfo {
                state: if p.active { 2 } else { 0 },
                capacity: p.def.capacity,
                allocation: p.def.allocation,
                available: p.def.available,
            })
        })
    }
    async fn pool_get_xml_desc(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<String> {
        check_flags(flags, 0, "testStoragePoolGetXMLDesc")?;
        self.with_state(|s| Ok(s.pools[pool_idx(s, &pool.name)?].def.format()))
    }
    async fn pool_get_autostart(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.with_state(|s| {
            let p = &s.pools[pool_idx(s, &pool.name)?];
            Ok(p.persistent && p.autostart)
        })
    }
    async fn pool_set_autostart(&self, pool: &StoragePoolRef, autostart: bool) -> VirResult<()> {
        self.with_state(|s| {
            let i = pool_idx(s, &pool.name)?;
            if !s.pools[i].persistent {
                return Err(invalid_arg("pool has no config file"));
            }
            s.pools[i].autostart = autostart;
            Ok(())
        })
    }
    async fn pool_is_active(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.with_state(|s| Ok(s.pools[pool_idx(s, &pool.name)?].active))
    }
    async fn pool_is_persistent(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.with_state(|s| Ok(s.pools[pool_idx(s, &pool.name)?].persistent))
    }
    async fn pool_list_all_volumes(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<Vec<StorageVolRef>> {
        check_flags(flags, 0, "testStoragePoolListAllVolumes")?;
        self.with_state(|s| {
            let p = s
                .pools
                .iter()
                .find(|p| p.def.uuid == pool.uuid.0)
                .ok_or_else(|| {
                    VirError::new(
                        ErrorCode::NoStoragePool,
                        TEST,
                        format!("no storage pool with matching uuid '{}'", pool.uuid),
                    )
                })?;
            if !p.active {
                return Err(VirError::new(
                    ErrorCode::OperationInvalid,
                    TEST,
                    "storage pool is not active",
                ));
            }
            Ok(p.vols.iter().map(|v| p.vref(v)).collect())
        })
    }
    async fn vol_lookup_by_name(
        &self,
        pool: &StoragePoolRef,
        name: &str,
    ) -> VirResult<StorageVolRef> {
        self.with_state(|s| {
            let p = &s.pools[active_pool(s, &pool.name)?];
            Ok(p.vref(&p.vols[vol_idx(p, name)?]))
        })
    }
    async fn vol_lookup_by_key(&self, key: &str) -> VirResult<StorageVolRef> {
        let s = self.state();
        s.pools
            .iter()
            .filter(|p| p.active)
            .find_map(|p| {
                p.vols
                    .iter()
                    .find(|v| v.def.key.as_deref() == Some(key))
                    .map(|v| p.vref(v))
            })
            .ok_or_else(|| no_vol("key", key))
    }
    async fn vol_lookup_by_path(&self, path: &str) -> VirResult<StorageVolRef> {
        let s = self.state();
        s.pools
            .iter()
            .filter(|p| p.active)
            .find_map(|p| {
                p.vols
                    .iter()
                    .find(|v| v.def.target_path.as_deref() == Some(path))
                    .map(|v| p.vref(v))
            })
            .ok_or_else(|| no_vol("path", path))
    }
    async fn vol_create_xml(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        check_flags(flags, 0, "testStorageVolCreateXML")?;
        self.vol_create(pool, xml, None)
    }
    async fn vol_create_xml_from(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        clone: &StorageVolRef,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        check_flags(flags, 0, "testStorageVolCreateXMLFrom")?;
        self.vol_create(pool, xml, Some(clone))
    }
    async fn vol_delete(&self, vol: &StorageVolRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testStorageVolDelete")?;
        self.with_vol(vol, |p, j| {
            p.def.allocation = p.def.allocation.saturating_sub(p.vols[j].def.allocation);
            p.def.available = p.def.capacity.saturating_sub(p.def.allocation);
            p.vols.remove(j);
            Ok(())
        })
    }
    async fn vol_wipe(&self, vol: &StorageVolRef, _algorithm: u32, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testStorageVolWipePattern")?;
        self.with_vol(vol, |p, j| {
            let mut d = p.vols[j].data.lock().unwrap_or_else(|e| e.into_inner());
            d.iter_mut().for_each(|b| *b = 0);
            Ok(())
        })
    }
    async fn vol_get_info(&self, vol: &StorageVolRef, _flags: u32) -> VirResult<StorageVolInfo> {
        self.with_vol(vol, |p, j| {
            let v = &p.vols[j].def;
            Ok(StorageVolInfo {
                vol_type: vol_type_number(&v.vol_type),
                capacity: v.capacity,
                allocation: v.allocation,
            })
        })
    }
    async fn vol_get_xml_desc(&self, vol: &StorageVolRef, flags: u32) -> VirResult<String> {
        check_flags(flags, 0, "testStorageVolGetXMLDesc")?;
        self.with_vol(vol, |p, j| Ok(p.vols[j].def.format()))
    }
    async fn vol_get_path(&self, vol: &StorageVolRef) -> VirResult<String> {
        self.with_vol(vol, |p, j| {
            Ok(p.vols[j].def.target_path.clone().unwrap_or_default())
        })
    }
    async fn vol_resize(&self, vol: &StorageVolRef, capacity: u64, flags: u32) -> VirResult<()> {
        // ALLOCATE | DELTA | SHRINK
        check_flags(flags, 1 | 2 | 4, "testStorageVolResize")?;
        self.with_vol(vol, |p, j| {
            let v = &mut p.vols[j].def;
            let new = if flags & 2 != 0 { v.capacity.saturating_add(capacity) } else { capacity };
            if new < v.capacity && flags & 4 == 0 {
                return Err(invalid_arg("Can't shrink capacity below current capacity unless shrink flag explicitly specified"));
            }
            v.capacity = new;
            if v.allocation > new {
                v.allocation = new;
            }
            Ok(())
        })
    }
    async fn vol_upload(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        check_flags(flags, 1, "testStorageVolUpload")?;
        let data = self.with_vol(vol, |p, j| Ok(p.vols[j].data.clone()))?;
        Ok(DataStream {
            source: None,
            sink: Some(Box::new(UploadSink {
                data,
                offset: usize::try_from(offset).unwrap_or(0),
                length: usize::try_from(length).unwrap_or(0),
                buf: Vec::new(),
            })),
            sparse: flags & 1 != 0,
        })
    }
    async fn vol_download(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        check_flags(flags, 1, "testStorageVolDownload")?;
        let bytes = self.with_vol(vol, |p, j| {
            let d = p.vols[j].data.lock().unwrap_or_else(|e| e.into_inner());
            let start = usize::try_from(offset).unwrap_or(usize::MAX).min(d.len());
            let end = if length == 0 {
                d.len()
            } else {
                start
                    .saturating_add(usize::try_from(length).unwrap_or(usize::MAX))
                    .min(d.len())
            };
            Ok(Bytes::copy_from_slice(&d[start..end]))
        })?;
        Ok(DataStream {
            source: Some(Box::new(DownloadSource { bytes, pos: 0 })),
            sink: None,
            sparse: flags & 1 != 0,
        })
    }
}
