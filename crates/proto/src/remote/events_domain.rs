//! Domain event messages, legacy and callback-style (`wire-protocol.md` §11.2).

use rvirt_core::typed_param::TypedParam;
use rvirt_core::DomainRef;
use rvirt_xdr::Xdr;

use super::limits::{
    REMOTE_DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX, REMOTE_DOMAIN_EVENT_TUNABLE_MAX,
    REMOTE_DOMAIN_JOB_STATS_MAX,
};

/// `remote_domain_event_graphics_address`: one end of a graphics connection.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventGraphicsAddress {
    /// `virDomainEventGraphicsAddressType` (0 IPv4, 1 IPv6, 2 UNIX).
    pub family: i32,
    pub node: String,
    pub service: String,
}

/// `remote_domain_event_graphics_identity`: one authenticated identity of a graphics client.
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventGraphicsIdentity {
    pub r#type: String,
    pub name: String,
}

/// REMOTE_PROC_DOMAIN_EVENT_LIFECYCLE (107): MESSAGE body (`remote_domain_event_lifecycle_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventLifecycleMsg {
    pub dom: DomainRef,
    pub event: i32,
    pub detail: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_REBOOT (169): MESSAGE body (`remote_domain_event_reboot_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventRebootMsg {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_EVENT_RTC_CHANGE (170): MESSAGE body (`remote_domain_event_rtc_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventRtcChangeMsg {
    pub dom: DomainRef,
    pub offset: i64,
}

/// REMOTE_PROC_DOMAIN_EVENT_WATCHDOG (171): MESSAGE body (`remote_domain_event_watchdog_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventWatchdogMsg {
    pub dom: DomainRef,
    pub action: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_IO_ERROR (172): MESSAGE body (`remote_domain_event_io_error_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventIoErrorMsg {
    pub dom: DomainRef,
    pub src_path: String,
    pub dev_alias: String,
    pub action: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_GRAPHICS (173): MESSAGE body (`remote_domain_event_graphics_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventGraphicsMsg {
    pub dom: DomainRef,
    pub phase: i32,
    pub local: DomainEventGraphicsAddress,
    pub remote: DomainEventGraphicsAddress,
    pub auth_scheme: String,
    #[xdr(max = REMOTE_DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX)]
    pub subject: Vec<DomainEventGraphicsIdentity>,
}

/// REMOTE_PROC_DOMAIN_EVENT_IO_ERROR_REASON (195): MESSAGE body
/// (`remote_domain_event_io_error_reason_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventIoErrorReasonMsg {
    pub dom: DomainRef,
    pub src_path: String,
    pub dev_alias: String,
    pub action: i32,
    pub reason: String,
}

/// REMOTE_PROC_DOMAIN_EVENT_CONTROL_ERROR (224): MESSAGE body
/// (`remote_domain_event_control_error_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventControlErrorMsg {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB (241): MESSAGE body (`remote_domain_event_block_job_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventBlockJobMsg {
    pub dom: DomainRef,
    pub path: String,
    pub r#type: i32,
    pub status: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_DISK_CHANGE (248): MESSAGE body
/// (`remote_domain_event_disk_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventDiskChangeMsg {
    pub dom: DomainRef,
    pub old_src_path: Option<String>,
    pub new_src_path: Option<String>,
    pub dev_alias: String,
    pub reason: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_TRAY_CHANGE (268): MESSAGE body
/// (`remote_domain_event_tray_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventTrayChangeMsg {
    pub dom: DomainRef,
    pub dev_alias: String,
    pub reason: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_PMWAKEUP (269): MESSAGE body (`remote_domain_event_pmwakeup_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventPmwakeupMsg {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_EVENT_PMSUSPEND (270): MESSAGE body (`remote_domain_event_pmsuspend_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventPmsuspendMsg {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_EVENT_BALLOON_CHANGE (276): MESSAGE body
/// (`remote_domain_event_balloon_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventBalloonChangeMsg {
    pub dom: DomainRef,
    pub actual: u64,
}

/// REMOTE_PROC_DOMAIN_EVENT_PMSUSPEND_DISK (292): MESSAGE body
/// (`remote_domain_event_pmsuspend_disk_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventPmsuspendDiskMsg {
    pub dom: DomainRef,
}

/// REMOTE_PROC_DOMAIN_EVENT_DEVICE_REMOVED (311): MESSAGE body
/// (`remote_domain_event_device_removed_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventDeviceRemovedMsg {
    pub dom: DomainRef,
    pub dev_alias: String,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE (318): MESSAGE body
/// (`remote_domain_event_callback_lifecycle_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackLifecycleMsg {
    pub callback_id: i32,
    pub msg: DomainEventLifecycleMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_REBOOT (319): MESSAGE body
/// (`remote_domain_event_callback_reboot_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackRebootMsg {
    pub callback_id: i32,
    pub msg: DomainEventRebootMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_RTC_CHANGE (320): MESSAGE body
/// (`remote_domain_event_callback_rtc_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackRtcChangeMsg {
    pub callback_id: i32,
    pub msg: DomainEventRtcChangeMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_WATCHDOG (321): MESSAGE body
/// (`remote_domain_event_callback_watchdog_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackWatchdogMsg {
    pub callback_id: i32,
    pub msg: DomainEventWatchdogMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_IO_ERROR (322): MESSAGE body
/// (`remote_domain_event_callback_io_error_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackIoErrorMsg {
    pub callback_id: i32,
    pub msg: DomainEventIoErrorMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_GRAPHICS (323): MESSAGE body
/// (`remote_domain_event_callback_graphics_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackGraphicsMsg {
    pub callback_id: i32,
    pub msg: DomainEventGraphicsMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON (324): MESSAGE body
/// (`remote_domain_event_callback_io_error_reason_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackIoErrorReasonMsg {
    pub callback_id: i32,
    pub msg: DomainEventIoErrorReasonMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_CONTROL_ERROR (325): MESSAGE body
/// (`remote_domain_event_callback_control_error_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackControlErrorMsg {
    pub callback_id: i32,
    pub msg: DomainEventControlErrorMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BLOCK_JOB (326): MESSAGE body
/// (`remote_domain_event_callback_block_job_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackBlockJobMsg {
    pub callback_id: i32,
    pub msg: DomainEventBlockJobMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DISK_CHANGE (327): MESSAGE body
/// (`remote_domain_event_callback_disk_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackDiskChangeMsg {
    pub callback_id: i32,
    pub msg: DomainEventDiskChangeMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TRAY_CHANGE (328): MESSAGE body
/// (`remote_domain_event_callback_tray_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackTrayChangeMsg {
    pub callback_id: i32,
    pub msg: DomainEventTrayChangeMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMWAKEUP (329): MESSAGE body
/// (`remote_domain_event_callback_pmwakeup_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackPmwakeupMsg {
    pub callback_id: i32,
    pub reason: i32,
    pub msg: DomainEventPmwakeupMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMSUSPEND (330): MESSAGE body
/// (`remote_domain_event_callback_pmsuspend_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackPmsuspendMsg {
    pub callback_id: i32,
    pub reason: i32,
    pub msg: DomainEventPmsuspendMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE (331): MESSAGE body
/// (`remote_domain_event_callback_balloon_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackBalloonChangeMsg {
    pub callback_id: i32,
    pub msg: DomainEventBalloonChangeMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK (332): MESSAGE body
/// (`remote_domain_event_callback_pmsuspend_disk_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackPmsuspendDiskMsg {
    pub callback_id: i32,
    pub reason: i32,
    pub msg: DomainEventPmsuspendDiskMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED (333): MESSAGE body
/// (`remote_domain_event_callback_device_removed_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackDeviceRemovedMsg {
    pub callback_id: i32,
    pub msg: DomainEventDeviceRemovedMsg,
}

/// REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB_2 (339): MESSAGE body
/// (`remote_domain_event_block_job_2_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventBlockJob2Msg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub dst: String,
    pub r#type: i32,
    pub status: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TUNABLE (346): MESSAGE body
/// (`remote_domain_event_callback_tunable_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackTunableMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_EVENT_TUNABLE_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE (348): MESSAGE body
/// (`remote_domain_event_callback_agent_lifecycle_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackAgentLifecycleMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub state: i32,
    pub reason: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_ADDED (354): MESSAGE body
/// (`remote_domain_event_callback_device_added_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackDeviceAddedMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub dev_alias: String,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION (359): MESSAGE body
/// (`remote_domain_event_callback_migration_iteration_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackMigrationIterationMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub iteration: i32,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_JOB_COMPLETED (363): MESSAGE body
/// (`remote_domain_event_callback_job_completed_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackJobCompletedMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_JOB_STATS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED (367): MESSAGE body
/// (`remote_domain_event_callback_device_removal_failed_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackDeviceRemovalFailedMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub dev_alias: String,
}

/// REMOTE_PROC_DOMAIN_EVENT_CALLBACK_METADATA_CHANGE (379): MESSAGE body
/// (`remote_domain_event_callback_metadata_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventCallbackMetadataChangeMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub r#type: i32,
    pub nsuri: Option<String>,
}

/// REMOTE_PROC_DOMAIN_EVENT_BLOCK_THRESHOLD (385): MESSAGE body
/// (`remote_domain_event_block_threshold_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventBlockThresholdMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub dev: String,
    pub path: Option<String>,
    pub threshold: u64,
    pub excess: u64,
}

/// REMOTE_PROC_DOMAIN_EVENT_MEMORY_FAILURE (423): MESSAGE body
/// (`remote_domain_event_memory_failure_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventMemoryFailureMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub recipient: i32,
    pub action: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE (438): MESSAGE body
/// (`remote_domain_event_memory_device_size_change_msg`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainEventMemoryDeviceSizeChangeMsg {
    pub callback_id: i32,
    pub dom: DomainRef,
    pub alias: String,
    pub size: u64,
}
