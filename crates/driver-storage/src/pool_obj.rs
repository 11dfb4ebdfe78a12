//! One pool object (`virStoragePoolObj`): definitions, state, volumes, in-use counts.

use std::collections::HashMap;
use std::sync::Mutex as StdMutex;

use rvirt_conf::storage::{PoolDef, VolumeDef};
use rvirt_core::handle::{StoragePoolRef, StorageVolRef, Uuid};
use tokio::sync::Mutex;

use crate::backend::PoolSizes;

/// Mutable state of a pool, under its async lock (modify jobs serialise on it).
#[derive(Debug)]
pub struct PoolState {
    /// The live definition (or the inactive one when not running).
    pub def: PoolDef,
    /// The persistent definition waiting for the next start (`newDef`).
    pub new_def: Option<PoolDef>,
    pub active: bool,
    /// Has a config file.
    pub persistent: bool,
    pub autostart: bool,
    pub vols: Vec<VolumeDef>,
    /// Running but not yet refreshed since the daemon started.
    pub stale: bool,
}

impl PoolState {
    pub fn set_sizes(&mut self, s: PoolSizes) {
        self.def.capacity = s.capacity;
        self.def.allocation = s.allocation;
        self.def.available = s.available;
    }

    pub fn vol(&self, name: &str) -> Option<&VolumeDef> {
        self.vols.iter().find(|v| v.name == name)
    }

    pub fn vol_mut(&mut self, name: &str) -> Option<&mut VolumeDef> {
        self.vols.iter_mut().find(|v| v.name == name)
    }
}

/// A pool: immutable identity plus locked state.
#[derive(Debug)]
pub struct PoolObj {
    pub name: String,
    pub uuid: Uuid,
    pub state: Mutex<PoolState>,
    /// Volumes with a stream or long job running (`in_use`), by name.
    pub busy: StdMutex<HashMap<String, u32>>,
}

impl PoolObj {
    pub fn new(def: PoolDef, persistent: bool) -> Self {
        PoolObj {
            name: def.name.clone(),
            uuid: Uuid(def.uuid),
            state: Mutex::new(PoolState {
                def,
                new_def: None,
                active: false,
                persistent,
                autostart: false,
                vols: Vec::new(),
                stale: false,
            }),
            busy: StdMutex::new(HashMap::new()),
        }
    }

    pub fn handle(&self) -> StoragePoolRef {
        StoragePoolRef {
            name: self.name.clone(),
            uuid: self.uuid,
        }
    }

    pub fn vol_handle(&self, v: &VolumeDef) -> StorageVolRef {
        StorageVolRef {
            pool: self.name.clone(),
            name: v.name.clone(),
            key: v.key.clone().unwrap_or_default(),
        }
    }

    pub fn is_busy(&self, vol: &str) -> bool {
        self.busy
            .lock()
            .map(|m| m.get(vol).copied().unwrap_or(0) > 0)
            .unwrap_or(true)
    }

    pub fn mark_busy(&self, vol: &str, delta: i32) {
        if let Ok(mut m) = self.busy.lock() {
            let e = m.entry(vol.to_string()).or_insert(0);
            *e = if delta >= 0 {
                e.saturating_add(delta.unsigned_abs())
            } else {
                e.saturating_sub(delta.unsigned_abs())
            };
            if *e == 0 {
                m.remove(vol);
            }
        }
    }
}
