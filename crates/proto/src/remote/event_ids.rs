//! Event ids of the `*_EVENT_REGISTER_ANY` calls and the MESSAGE procedure that delivers each
//! of them (`wire-protocol.md` §11.2).

use super::numbers::*;

/// Delivery procedures of one domain event id (`virDomainEventID`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DomainEventProcs {
    /// The MESSAGE procedure used for callback registrations (CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY).
    pub callback: i32,
    /// The legacy MESSAGE procedure (no callbackID), `None` for ids 16 and up, which use
    /// `callback` for both registration styles.
    pub legacy: Option<i32>,
}

/// `VIR_DOMAIN_EVENT_ID_LAST` of libvirt 9.0: valid domain event ids are `0..DOMAIN_EVENT_ID_LAST`.
pub const DOMAIN_EVENT_ID_LAST: i32 = 27;

const DOMAIN_EVENTS: [(i32, Option<i32>); DOMAIN_EVENT_ID_LAST as usize] = [
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE,
        Some(REMOTE_PROC_DOMAIN_EVENT_LIFECYCLE),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_REBOOT,
        Some(REMOTE_PROC_DOMAIN_EVENT_REBOOT),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_RTC_CHANGE,
        Some(REMOTE_PROC_DOMAIN_EVENT_RTC_CHANGE),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_WATCHDOG,
        Some(REMOTE_PROC_DOMAIN_EVENT_WATCHDOG),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_IO_ERROR,
        Some(REMOTE_PROC_DOMAIN_EVENT_IO_ERROR),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_GRAPHICS,
        Some(REMOTE_PROC_DOMAIN_EVENT_GRAPHICS),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON,
        Some(REMOTE_PROC_DOMAIN_EVENT_IO_ERROR_REASON),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_CONTROL_ERROR,
        Some(REMOTE_PROC_DOMAIN_EVENT_CONTROL_ERROR),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BLOCK_JOB,
        Some(REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DISK_CHANGE,
        Some(REMOTE_PROC_DOMAIN_EVENT_DISK_CHANGE),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TRAY_CHANGE,
        Some(REMOTE_PROC_DOMAIN_EVENT_TRAY_CHANGE),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMWAKEUP,
        Some(REMOTE_PROC_DOMAIN_EVENT_PMWAKEUP),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMSUSPEND,
        Some(REMOTE_PROC_DOMAIN_EVENT_PMSUSPEND),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE,
        Some(REMOTE_PROC_DOMAIN_EVENT_BALLOON_CHANGE),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK,
        Some(REMOTE_PROC_DOMAIN_EVENT_PMSUSPEND_DISK),
    ),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED,
        Some(REMOTE_PROC_DOMAIN_EVENT_DEVICE_REMOVED),
    ),
    (REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB_2, None),
    (REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TUNABLE, None),
    (REMOTE_PROC_DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE, None),
    (REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_ADDED, None),
    (REMOTE_PROC_DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION, None),
    (REMOTE_PROC_DOMAIN_EVENT_CALLBACK_JOB_COMPLETED, None),
    (
        REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED,
        None,
    ),
    (REMOTE_PROC_DOMAIN_EVENT_CALLBACK_METADATA_CHANGE, None),
    (REMOTE_PROC_DOMAIN_EVENT_BLOCK_THRESHOLD, None),
    (REMOTE_PROC_DOMAIN_EVENT_MEMORY_FAILURE, None),
    (REMOTE_PROC_DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE, None),
];

/// The MESSAGE procedures delivering domain event `event_id` (`virDomainEventID`); `None`
/// for ids libvirt 9.0 does not know (the daemon answers "unsupported event ID N").
pub fn domain_event_procs(event_id: i32) -> Option<DomainEventProcs> {
    let idx = usize::try_from(event_id).ok()?;
    let (callback, legacy) = *DOMAIN_EVENTS.get(idx)?;
    Some(DomainEventProcs { callback, legacy })
}

/// The MESSAGE procedure delivering network event `event_id` (`virNetworkEventID`:
/// 0 LIFECYCLE).
pub fn network_event_proc(event_id: i32) -> Option<i32> {
    (event_id == 0).then_some(REMOTE_PROC_NETWORK_EVENT_LIFECYCLE)
}

/// The MESSAGE procedure delivering storage pool event `event_id` (`virStoragePoolEventID`:
/// 0 LIFECYCLE, 1 REFRESH).
pub fn storage_pool_event_proc(event_id: i32) -> Option<i32> {
    match event_id {
        0 => Some(REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE),
        1 => Some(REMOTE_PROC_STORAGE_POOL_EVENT_REFRESH),
        _ => None,
    }
}

/// The MESSAGE procedure delivering node device event `event_id` (`virNodeDeviceEventID`:
/// 0 LIFECYCLE, 1 UPDATE).
pub fn node_device_event_proc(event_id: i32) -> Option<i32> {
    match event_id {
        0 => Some(REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE),
        1 => Some(REMOTE_PROC_NODE_DEVICE_EVENT_UPDATE),
        _ => None,
    }
}

/// The MESSAGE procedure delivering secret event `event_id` (`virSecretEventID`:
/// 0 LIFECYCLE, 1 VALUE_CHANGED).
pub fn secret_event_proc(event_id: i32) -> Option<i32> {
    match event_id {
        0 => Some(REMOTE_PROC_SECRET_EVENT_LIFECYCLE),
        1 => Some(REMOTE_PROC_SECRET_EVENT_VALUE_CHANGED),
        _ => None,
    }
}
