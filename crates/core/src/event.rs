//! Object events, as drivers publish them and connections deliver them
//! (`virConnectDomainEventRegisterAny` and friends).

use crate::handle::{DomainRef, NetworkRef, NodeDeviceRef, SecretRef, StoragePoolRef};
use crate::typed_param::TypedParam;
use tokio::sync::broadcast;

/// `virDomainEventID` numbers.
pub mod domain_event_id {
    pub const LIFECYCLE: i32 = 0;
    pub const REBOOT: i32 = 1;
    pub const RTC_CHANGE: i32 = 2;
    pub const WATCHDOG: i32 = 3;
    pub const IO_ERROR: i32 = 4;
    pub const GRAPHICS: i32 = 5;
    pub const IO_ERROR_REASON: i32 = 6;
    pub const CONTROL_ERROR: i32 = 7;
    pub const BLOCK_JOB: i32 = 8;
    pub const DISK_CHANGE: i32 = 9;
    pub const TRAY_CHANGE: i32 = 10;
    pub const PMWAKEUP: i32 = 11;
    pub const PMSUSPEND: i32 = 12;
    pub const BALLOON_CHANGE: i32 = 13;
    pub const PMSUSPEND_DISK: i32 = 14;
    pub const DEVICE_REMOVED: i32 = 15;
    pub const BLOCK_JOB_2: i32 = 16;
    pub const TUNABLE: i32 = 17;
    pub const AGENT_LIFECYCLE: i32 = 18;
    pub const DEVICE_ADDED: i32 = 19;
    pub const MIGRATION_ITERATION: i32 = 20;
    pub const JOB_COMPLETED: i32 = 21;
    pub const DEVICE_REMOVAL_FAILED: i32 = 22;
    pub const METADATA_CHANGE: i32 = 23;
    pub const BLOCK_THRESHOLD: i32 = 24;
    pub const MEMORY_FAILURE: i32 = 25;
    pub const MEMORY_DEVICE_SIZE_CHANGE: i32 = 26;
    /// One past the last id libvirt 9.0 knows.
    pub const LAST: i32 = 27;
}

/// `virDomainEventType` (lifecycle event) numbers.
pub mod lifecycle {
    pub const DEFINED: i32 = 0;
    pub const UNDEFINED: i32 = 1;
    pub const STARTED: i32 = 2;
    pub const SUSPENDED: i32 = 3;
    pub const RESUMED: i32 = 4;
    pub const STOPPED: i32 = 5;
    pub const SHUTDOWN: i32 = 6;
    pub const PMSUSPENDED: i32 = 7;
    pub const CRASHED: i32 = 8;
}

/// What happened to a domain.
#[derive(Debug, Clone, PartialEq)]
pub enum DomainEventKind {
    Lifecycle {
        event: i32,
        detail: i32,
    },
    Reboot,
    RtcChange {
        offset: i64,
    },
    Watchdog {
        action: i32,
    },
    IoError {
        src_path: String,
        dev_alias: String,
        action: i32,
        reason: Option<String>,
    },
    ControlError,
    BlockJob {
        disk: String,
        job_type: i32,
        status: i32,
        by_path: bool,
    },
    DiskChange {
        old_src: Option<String>,
        new_src: Option<String>,
        dev_alias: String,
        reason: i32,
    },
    TrayChange {
        dev_alias: String,
        reason: i32,
    },
    PmWakeup {
        reason: i32,
    },
    PmSuspend {
        reason: i32,
    },
    PmSuspendDisk {
        reason: i32,
    },
    BalloonChange {
        actual: u64,
    },
    DeviceRemoved {
        dev_alias: String,
    },
    DeviceAdded {
        dev_alias: String,
    },
    DeviceRemovalFailed {
        dev_alias: String,
    },
    Tunable {
        params: Vec<TypedParam>,
    },
    AgentLifecycle {
        state: i32,
        reason: i32,
    },
    MigrationIteration {
        iteration: i32,
    },
    JobCompleted {
        params: Vec<TypedParam>,
    },
    MetadataChange {
        kind: i32,
        nsuri: Option<String>,
    },
    BlockThreshold {
        dev: String,
        path: Option<String>,
        threshold: u64,
        excess: u64,
    },
    MemoryFailure {
        recipient: i32,
        action: i32,
        flags: u32,
    },
    MemoryDeviceSizeChange {
        alias: String,
        size: u64,
    },
}

impl DomainEventKind {
    /// The `virDomainEventID` an event of this kind is delivered under.
    /// (BLOCK_JOB events go to both BLOCK_JOB and BLOCK_JOB_2 registrations; see `by_path`.)
    pub fn event_id(&self) -> i32 {
        use domain_event_id as id;
        match self {
            DomainEventKind::Lifecycle { .. } => id::LIFECYCLE,
            DomainEventKind::Reboot => id::REBOOT,
            DomainEventKind::RtcChange { .. } => id::RTC_CHANGE,
            DomainEventKind::Watchdog { .. } => id::WATCHDOG,
            DomainEventKind::IoError { reason: None, .. } => id::IO_ERROR,
            DomainEventKind::IoError {
                reason: Some(_), ..
            } => id::IO_ERROR_REASON,
            DomainEventKind::ControlError => id::CONTROL_ERROR,
            DomainEventKind::BlockJob { by_path: true, .. } => id::BLOCK_JOB,
            DomainEventKind::BlockJob { by_path: false, .. } => id::BLOCK_JOB_2,
            DomainEventKind::DiskChange { .. } => id::DISK_CHANGE,
            DomainEventKind::TrayChange { .. } => id::TRAY_CHANGE,
            DomainEventKind::PmWakeup { .. } => id::PMWAKEUP,
            DomainEventKind::PmSuspend { .. } => id::PMSUSPEND,
            DomainEventKind::PmSuspendDisk { .. } => id::PMSUSPEND_DISK,
            DomainEventKind::BalloonChange { .. } => id::BALLOON_CHANGE,
            DomainEventKind::DeviceRemoved { .. } => id::DEVICE_REMOVED,
            DomainEventKind::DeviceAdded { .. } => id::DEVICE_ADDED,
            DomainEventKind::DeviceRemovalFailed { .. } => id::DEVICE_REMOVAL_FAILED,
            DomainEventKind::Tunable { .. } => id::TUNABLE,
            DomainEventKind::AgentLifecycle { .. } => id::AGENT_LIFECYCLE,
            DomainEventKind::MigrationIteration { .. } => id::MIGRATION_ITERATION,
            DomainEventKind::JobCompleted { .. } => id::JOB_COMPLETED,
            DomainEventKind::MetadataChange { .. } => id::METADATA_CHANGE,
            DomainEventKind::BlockThreshold { .. } => id::BLOCK_THRESHOLD,
            DomainEventKind::MemoryFailure { .. } => id::MEMORY_FAILURE,
            DomainEventKind::MemoryDeviceSizeChange { .. } => id::MEMORY_DEVICE_SIZE_CHANGE,
        }
    }
}

/// `virNetworkEventID` 0 = lifecycle; `virNetworkEventLifecycleType` DEFINED 0, UNDEFINED 1, STARTED 2, STOPPED 3.
#[derive(Debug, Clone, PartialEq)]
pub enum NetworkEventKind {
    Lifecycle { event: i32, detail: i32 },
}

/// `virStoragePoolEventID`: 0 lifecycle (DEFINED 0, UNDEFINED 1, STARTED 2, STOPPED 3, CREATED 4, DELETED 5), 1 refresh.
#[derive(Debug, Clone, PartialEq)]
pub enum StoragePoolEventKind {
    Lifecycle { event: i32, detail: i32 },
    Refresh,
}

/// `virNodeDeviceEventID`: 0 lifecycle (CREATED 0, DELETED 1, DEFINED 2, UNDEFINED 3), 1 update.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeDeviceEventKind {
    Lifecycle { event: i32, detail: i32 },
    Update,
}

/// `virSecretEventID`: 0 lifecycle (DEFINED 0, UNDEFINED 1), 1 value changed.
#[derive(Debug, Clone, PartialEq)]
pub enum SecretEventKind {
    Lifecycle { event: i32, detail: i32 },
    ValueChanged,
}

/// Any event a driver publishes.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Domain {
        dom: DomainRef,
        kind: DomainEventKind,
    },
    Network {
        net: NetworkRef,
        kind: NetworkEventKind,
    },
    StoragePool {
        pool: StoragePoolRef,
        kind: StoragePoolEventKind,
    },
    NodeDevice {
        dev: NodeDeviceRef,
        kind: NodeDeviceEventKind,
    },
    Secret {
        secret: SecretRef,
        kind: SecretEventKind,
    },
}

/// The bus a driver publishes events into; each connection subscribes.
#[derive(Debug, Clone)]
pub struct EventBus {
    tx: broadcast::Sender<Event>,
}

impl Default for EventBus {
    fn default() -> Self {
        Self::new()
    }
}

impl EventBus {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(4096);
        EventBus { tx }
    }

    /// Publishes an event to every current subscriber (no-op without subscribers).
    pub fn publish(&self, event: Event) {
        let _ = self.tx.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
    }
}

/// Lifecycle event detail numbers (`virDomainEvent*DetailType`).
pub mod lifecycle_detail {
    pub const DEFINED_ADDED: i32 = 0;
    pub const DEFINED_UPDATED: i32 = 1;
    pub const DEFINED_RENAMED: i32 = 2;
    pub const DEFINED_FROM_SNAPSHOT: i32 = 3;
    pub const UNDEFINED_REMOVED: i32 = 0;
    pub const UNDEFINED_RENAMED: i32 = 1;
    pub const STARTED_BOOTED: i32 = 0;
    pub const STARTED_MIGRATED: i32 = 1;
    pub const STARTED_RESTORED: i32 = 2;
    pub const STARTED_FROM_SNAPSHOT: i32 = 3;
    pub const STARTED_WAKEUP: i32 = 4;
    pub const SUSPENDED_PAUSED: i32 = 0;
    pub const SUSPENDED_MIGRATED: i32 = 1;
    pub const SUSPENDED_IOERROR: i32 = 2;
    pub const SUSPENDED_WATCHDOG: i32 = 3;
    pub const SUSPENDED_RESTORED: i32 = 4;
    pub const SUSPENDED_FROM_SNAPSHOT: i32 = 5;
    pub const SUSPENDED_API_ERROR: i32 = 6;
    pub const SUSPENDED_POSTCOPY: i32 = 7;
    pub const SUSPENDED_POSTCOPY_FAILED: i32 = 8;
    pub const RESUMED_UNPAUSED: i32 = 0;
    pub const RESUMED_MIGRATED: i32 = 1;
    pub const RESUMED_FROM_SNAPSHOT: i32 = 2;
    pub const RESUMED_POSTCOPY: i32 = 3;
    pub const STOPPED_SHUTDOWN: i32 = 0;
    pub const STOPPED_DESTROYED: i32 = 1;
    pub const STOPPED_CRASHED: i32 = 2;
    pub const STOPPED_MIGRATED: i32 = 3;
    pub const STOPPED_SAVED: i32 = 4;
    pub const STOPPED_FAILED: i32 = 5;
    pub const STOPPED_FROM_SNAPSHOT: i32 = 6;
    pub const SHUTDOWN_FINISHED: i32 = 0;
    pub const SHUTDOWN_GUEST: i32 = 1;
    pub const SHUTDOWN_HOST: i32 = 2;
}
