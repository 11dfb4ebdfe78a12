//! The driver's in-memory objects, one struct per kind, and the state they live in.

use crate::domdef::DomainDefExt;
use crate::model::checkpoint::TestCheckpoint;
use crate::model::snapshot::TestSnapshot;
use crate::state::DomainState;
use rvirt_conf::domain::DomainDef;
use rvirt_conf::interface::InterfaceDef;
use rvirt_conf::network::NetworkDef;
use rvirt_conf::nodedev::NodeDeviceDef;
use rvirt_conf::secret::SecretDef;
use rvirt_conf::storage::{PoolDef, VolumeDef};
use rvirt_core::handle::{
    DomainRef, InterfaceRef, NetworkRef, NodeDeviceRef, SecretRef, StoragePoolRef, StorageVolRef,
    Uuid,
};
use rvirt_core::info::NodeInfo;
use std::sync::{Arc, Mutex};

/// Guest time the test driver starts every domain with.
pub const DEFAULT_GUEST_SECONDS: i64 = 627_319_920;

/// A domain (`virDomainObj`).
#[derive(Debug, Clone)]
pub struct DomainObj {
    /// The live definition (or the only one when inactive).
    pub def: DomainDef,
    /// The persistent definition while a persistent domain runs.
    pub new_def: Option<DomainDef>,
    pub state: DomainState,
    /// Live id, −1 when inactive.
    pub id: i32,
    pub persistent: bool,
    pub autostart: bool,
    pub has_managed_save: bool,
    pub snapshots: Vec<TestSnapshot>,
    pub current_snapshot: Option<String>,
    /// Checkpoints in creation order (`vm->checkpoints`).
    pub checkpoints: Vec<TestCheckpoint>,
    pub current_checkpoint: Option<String>,
    pub frozen: [bool; 2],
    pub time: (i64, u32),
}

impl DomainObj {
    pub fn new(def: DomainDef, state: DomainState) -> Self {
        DomainObj {
            def,
            new_def: None,
            state,
            id: -1,
            persistent: false,
            autostart: false,
            has_managed_save: false,
            snapshots: Vec::new(),
            current_snapshot: None,
            checkpoints: Vec::new(),
            current_checkpoint: None,
            frozen: [false, false],
            time: (DEFAULT_GUEST_SECONDS, 0),
        }
    }

    pub fn dref(&self) -> DomainRef {
        DomainRef {
            name: self.def.name.clone(),
            uuid: self.def.uuid_ref(),
            id: self.id,
        }
    }

    pub fn is_active(&self) -> bool {
        self.state.is_active()
    }

    /// The persistent definition (`newDef` when running, else `def`).
    pub fn persistent_def(&self) -> &DomainDef {
        self.new_def.as_ref().unwrap_or(&self.def)
    }
}

/// A virtual network.
#[derive(Debug, Clone)]
pub struct NetworkObj {
    pub def: NetworkDef,
    pub active: bool,
    pub persistent: bool,
    pub autostart: bool,
}

impl NetworkObj {
    pub fn nref(&self) -> NetworkRef {
        NetworkRef {
            name: self.def.name.clone(),
            uuid: Uuid(self.def.uuid),
        }
    }
}

/// A host interface.
#[derive(Debug, Clone)]
pub struct IfaceObj {
    pub def: InterfaceDef,
    pub active: bool,
}

impl IfaceObj {
    pub fn iref(&self) -> InterfaceRef {
        InterfaceRef {
            name: self.def.name.clone(),
            mac: self.def.mac.clone().unwrap_or_default(),
        }
    }
}

/// A storage volume; its bytes live in memory so uploads and downloads round-trip.
#[derive(Debug, Clone)]
pub struct VolObj {
    pub def: VolumeDef,
    pub data: Arc<Mutex<Vec<u8>>>,
}

/// A storage pool.
#[derive(Debug, Clone)]
pub struct PoolObj {
    pub def: PoolDef,
    pub active: bool,
    /// Has a config file (`virStoragePoolObjGetConfigFile` non-NULL).
    pub persistent: bool,
    pub autostart: bool,
    pub vols: Vec<VolObj>,
}

impl PoolObj {
    pub fn pref(&self) -> StoragePoolRef {
        StoragePoolRef {
            name: self.def.name.clone(),
            uuid: Uuid(self.def.uuid),
        }
    }

    pub fn vref(&self, v: &VolObj) -> StorageVolRef {
        StorageVolRef {
            pool: self.def.name.clone(),
            name: v.def.name.clone(),
            key: v.def.key.clone().unwrap_or_default(),
        }
    }
}

/// A node device.
#[derive(Debug, Clone)]
pub struct NodeDevObj {
    pub def: NodeDeviceDef,
}

impl NodeDevObj {
    pub fn dref(&self) -> NodeDeviceRef {
        NodeDeviceRef {
            name: self.def.name.clone(),
        }
    }
}

/// A secret and its value.
#[derive(Debug, Clone)]
pub struct SecretObj {
    pub def: SecretDef,
    pub value: Option<Vec<u8>>,
}

impl SecretObj {
    pub fn sref(&self) -> SecretRef {
        SecretRef {
            uuid: Uuid(self.def.uuid),
            usage_type: self.def.usage.usage_type.number(),
            usage_id: self.def.usage.id.clone().unwrap_or_default(),
        }
    }
}

/// Everything one test-driver instance holds (`testDriver`).
#[derive(Debug, Clone)]
pub struct DriverState {
    pub node_info: NodeInfo,
    /// NUMA cells: (memory KiB, free memory KiB).
    pub cells: Vec<(u64, u64)>,
    pub next_dom_id: i32,
    pub domains: Vec<DomainObj>,
    pub networks: Vec<NetworkObj>,
    pub ifaces: Vec<IfaceObj>,
    pub backup_ifaces: Option<Vec<IfaceObj>>,
    pub pools: Vec<PoolObj>,
    pub devs: Vec<NodeDevObj>,
    pub secrets: Vec<SecretObj>,
}

impl DriverState {
    pub fn empty(node_info: NodeInfo, cells: Vec<(u64, u64)>) -> Self {
        DriverState {
            node_info,
            cells,
            next_dom_id: 1,
            domains: Vec::new(),
            networks: Vec::new(),
            ifaces: Vec::new(),
            backup_ifaces: None,
            pools: Vec::new(),
            devs: Vec::new(),
            secrets: Vec::new(),
        }
    }

    /// Hands out the next live domain id.
    pub fn alloc_id(&mut self) -> i32 {
        let id = self.next_dom_id;
        self.next_dom_id += 1;
        id
    }
}
