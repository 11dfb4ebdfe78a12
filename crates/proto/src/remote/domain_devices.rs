//! Domain device, hotplug, block/interface, guest-agent and tuning procedures
//! (`procedures.md` group 3).

use rvirt_core::typed_param::TypedParam;
use rvirt_core::DomainRef;
use rvirt_xdr::Xdr;

use super::limits::{
    REMOTE_CPUMAPS_MAX, REMOTE_CPUMAP_MAX, REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX,
    REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX, REMOTE_DOMAIN_BLOCK_COPY_PARAMETERS_MAX,
    REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX, REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX,
    REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX, REMOTE_DOMAIN_DISK_ERRORS_MAX,
    REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX, REMOTE_DOMAIN_FSINFO_MAX,
    REMOTE_DOMAIN_GUEST_INFO_PARAMS_MAX, REMOTE_DOMAIN_GUEST_VCPU_PARAMS_MAX,
    REMOTE_DOMAIN_INTERFACE_MAX, REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX,
    REMOTE_DOMAIN_IOTHREAD_PARAMS_MAX, REMOTE_DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX,
    REMOTE_DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX, REMOTE_DOMAIN_MEMORY_PEEK_BUFFER_MAX,
    REMOTE_DOMAIN_PERF_EVENTS_MAX, REMOTE_DOMAIN_SEND_KEY_MAX, REMOTE_IOTHREAD_INFO_MAX,
};
use super::types::{DomainDiskError, DomainFsinfo, DomainInterface, DomainIothreadInfo};

/// REMOTE_PROC_DOMAIN_ATTACH_DEVICE (8): CALL body (`remote_domain_attach_device_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAttachDeviceArgs {
    pub dom: DomainRef,
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_DETACH_DEVICE (13): CALL body (`remote_domain_detach_device_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDetachDeviceArgs {
    pub dom: DomainRef,
    pub xml: String,
}

/// REMOTE_PROC_DOMAIN_PIN_VCPU (26): CALL body (`remote_domain_pin_vcpu_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainPinVcpuArgs {
    pub dom: DomainRef,
    pub vcpu: u32,
    #[xdr(max = REMOTE_CPUMAP_MAX)]
    pub cpumap: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_SET_VCPUS (32): CALL body (`remote_domain_set_vcpus_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetVcpusArgs {
    pub dom: DomainRef,
    pub nvcpus: u32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_STATS (64): CALL body (`remote_domain_block_stats_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockStatsArgs {
    pub dom: DomainRef,
    pub path: String,
}

/// REMOTE_PROC_DOMAIN_BLOCK_STATS (64): REPLY body (`remote_domain_block_stats_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockStatsRet {
    pub rd_req: i64,
    pub rd_bytes: i64,
    pub wr_req: i64,
    pub wr_bytes: i64,
    pub errs: i64,
}

/// REMOTE_PROC_DOMAIN_INTERFACE_STATS (65): CALL body (`remote_domain_interface_stats_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainInterfaceStatsArgs {
    pub dom: DomainRef,
    pub device: String,
}

/// REMOTE_PROC_DOMAIN_INTERFACE_STATS (65): REPLY body (`remote_domain_interface_stats_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainInterfaceStatsRet {
    pub rx_bytes: i64,
    pub rx_packets: i64,
    pub rx_errs: i64,
    pub rx_drop: i64,
    pub tx_bytes: i64,
    pub tx_packets: i64,
    pub tx_errs: i64,
    pub tx_drop: i64,
}

/// REMOTE_PROC_DOMAIN_BLOCK_PEEK (103): CALL body (`remote_domain_block_peek_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockPeekArgs {
    pub dom: DomainRef,
    pub path: String,
    pub offset: u64,
    pub size: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_PEEK (103): REPLY body (`remote_domain_block_peek_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockPeekRet {
    #[xdr(max = REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX)]
    pub buffer: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_MEMORY_PEEK (104): CALL body (`remote_domain_memory_peek_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMemoryPeekArgs {
    pub dom: DomainRef,
    pub offset: u64,
    pub size: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_MEMORY_PEEK (104): REPLY body (`remote_domain_memory_peek_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainMemoryPeekRet {
    #[xdr(max = REMOTE_DOMAIN_MEMORY_PEEK_BUFFER_MAX)]
    pub buffer: Vec<u8>,
}

/// REMOTE_PROC_DOMAIN_ATTACH_DEVICE_FLAGS (160): CALL body
/// (`remote_domain_attach_device_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAttachDeviceFlagsArgs {
    pub dom: DomainRef,
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_DETACH_DEVICE_FLAGS (161): CALL body
/// (`remote_domain_detach_device_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDetachDeviceFlagsArgs {
    pub dom: DomainRef,
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_UPDATE_DEVICE_FLAGS (174): CALL body
/// (`remote_domain_update_device_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainUpdateDeviceFlagsArgs {
    pub dom: DomainRef,
    pub xml: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_BLOCK_INFO (194): CALL body (`remote_domain_get_block_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetBlockInfoArgs {
    pub dom: DomainRef,
    pub path: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_BLOCK_INFO (194): REPLY body (`remote_domain_get_block_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetBlockInfoRet {
    pub allocation: u64,
    pub capacity: u64,
    pub physical: u64,
}

/// REMOTE_PROC_DOMAIN_SET_VCPUS_FLAGS (199): CALL body (`remote_domain_set_vcpus_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetVcpusFlagsArgs {
    pub dom: DomainRef,
    pub nvcpus: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SET_BLKIO_PARAMETERS (205): CALL body
/// (`remote_domain_set_blkio_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetBlkioParametersArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_BLKIO_PARAMETERS (206): CALL body
/// (`remote_domain_get_blkio_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetBlkioParametersArgs {
    pub dom: DomainRef,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_BLKIO_PARAMETERS (206): REPLY body
/// (`remote_domain_get_blkio_parameters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetBlkioParametersRet {
    #[xdr(max = REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_INJECT_NMI (210): CALL body (`remote_domain_inject_nmi_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainInjectNmiArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_PIN_VCPU_FLAGS (225): CALL body (`remote_domain_pin_vcpu_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainPinVcpuFlagsArgs {
    pub dom: DomainRef,
    pub vcpu: u32,
    #[xdr(max = REMOTE_CPUMAP_MAX)]
    pub cpumap: Vec<u8>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SEND_KEY (226): CALL body (`remote_domain_send_key_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSendKeyArgs {
    pub dom: DomainRef,
    pub codeset: u32,
    pub holdtime: u32,
    #[xdr(max = REMOTE_DOMAIN_SEND_KEY_MAX)]
    pub keycodes: Vec<u32>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_VCPU_PIN_INFO (230): CALL body (`remote_domain_get_vcpu_pin_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetVcpuPinInfoArgs {
    pub dom: DomainRef,
    pub ncpumaps: i32,
    pub maplen: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_VCPU_PIN_INFO (230): REPLY body (`remote_domain_get_vcpu_pin_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetVcpuPinInfoRet {
    #[xdr(max = REMOTE_CPUMAPS_MAX)]
    pub cpumaps: Vec<u8>,
    pub num: i32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_JOB_ABORT (237): CALL body (`remote_domain_block_job_abort_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockJobAbortArgs {
    pub dom: DomainRef,
    pub path: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_BLOCK_JOB_INFO (238): CALL body
/// (`remote_domain_get_block_job_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetBlockJobInfoArgs {
    pub dom: DomainRef,
    pub path: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_BLOCK_JOB_INFO (238): REPLY body
/// (`remote_domain_get_block_job_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetBlockJobInfoRet {
    pub found: i32,
    pub r#type: i32,
    pub bandwidth: u64,
    pub cur: u64,
    pub end: u64,
}

/// REMOTE_PROC_DOMAIN_BLOCK_JOB_SET_SPEED (239): CALL body
/// (`remote_domain_block_job_set_speed_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockJobSetSpeedArgs {
    pub dom: DomainRef,
    pub path: String,
    pub bandwidth: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_PULL (240): CALL body (`remote_domain_block_pull_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockPullArgs {
    pub dom: DomainRef,
    pub path: String,
    pub bandwidth: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_STATS_FLAGS (243): CALL body (`remote_domain_block_stats_flags_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockStatsFlagsArgs {
    pub dom: DomainRef,
    pub path: String,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_STATS_FLAGS (243): REPLY body (`remote_domain_block_stats_flags_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockStatsFlagsRet {
    #[xdr(max = REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_OPEN_GRAPHICS (249): CALL body (`remote_domain_open_graphics_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainOpenGraphicsArgs {
    pub dom: DomainRef,
    pub idx: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_RESIZE (251): CALL body (`remote_domain_block_resize_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockResizeArgs {
    pub dom: DomainRef,
    pub disk: String,
    pub size: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SET_BLOCK_IO_TUNE (252): CALL body (`remote_domain_set_block_io_tune_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetBlockIoTuneArgs {
    pub dom: DomainRef,
    pub disk: String,
    #[xdr(max = REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_BLOCK_IO_TUNE (253): CALL body (`remote_domain_get_block_io_tune_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetBlockIoTuneArgs {
    pub dom: DomainRef,
    pub disk: Option<String>,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_BLOCK_IO_TUNE (253): REPLY body (`remote_domain_get_block_io_tune_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetBlockIoTuneRet {
    #[xdr(max = REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_SET_INTERFACE_PARAMETERS (256): CALL body
/// (`remote_domain_set_interface_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetInterfaceParametersArgs {
    pub dom: DomainRef,
    pub device: String,
    #[xdr(max = REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_INTERFACE_PARAMETERS (257): CALL body
/// (`remote_domain_get_interface_parameters_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetInterfaceParametersArgs {
    pub dom: DomainRef,
    pub device: String,
    pub nparams: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_INTERFACE_PARAMETERS (257): REPLY body
/// (`remote_domain_get_interface_parameters_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetInterfaceParametersRet {
    #[xdr(max = REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub nparams: i32,
}

/// REMOTE_PROC_DOMAIN_GET_DISK_ERRORS (263): CALL body (`remote_domain_get_disk_errors_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetDiskErrorsArgs {
    pub dom: DomainRef,
    pub maxerrors: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_DISK_ERRORS (263): REPLY body (`remote_domain_get_disk_errors_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetDiskErrorsRet {
    #[xdr(max = REMOTE_DOMAIN_DISK_ERRORS_MAX)]
    pub errors: Vec<DomainDiskError>,
    pub nerrors: i32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_REBASE (266): CALL body (`remote_domain_block_rebase_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockRebaseArgs {
    pub dom: DomainRef,
    pub path: String,
    pub base: Option<String>,
    pub bandwidth: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_HOSTNAME (277): CALL body (`remote_domain_get_hostname_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetHostnameArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_HOSTNAME (277): REPLY body (`remote_domain_get_hostname_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetHostnameRet {
    pub hostname: String,
}

/// REMOTE_PROC_DOMAIN_PIN_EMULATOR (279): CALL body (`remote_domain_pin_emulator_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainPinEmulatorArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_CPUMAP_MAX)]
    pub cpumap: Vec<u8>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_EMULATOR_PIN_INFO (280): CALL body
/// (`remote_domain_get_emulator_pin_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetEmulatorPinInfoArgs {
    pub dom: DomainRef,
    pub maplen: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_EMULATOR_PIN_INFO (280): REPLY body
/// (`remote_domain_get_emulator_pin_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetEmulatorPinInfoRet {
    #[xdr(max = REMOTE_CPUMAPS_MAX)]
    pub cpumaps: Vec<u8>,
    pub ret: i32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_COMMIT (290): CALL body (`remote_domain_block_commit_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockCommitArgs {
    pub dom: DomainRef,
    pub disk: String,
    pub base: Option<String>,
    pub top: Option<String>,
    pub bandwidth: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_FSTRIM (294): CALL body (`remote_domain_fstrim_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainFstrimArgs {
    pub dom: DomainRef,
    pub mount_point: Option<String>,
    pub minimum: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SEND_PROCESS_SIGNAL (295): CALL body
/// (`remote_domain_send_process_signal_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSendProcessSignalArgs {
    pub dom: DomainRef,
    pub pid_value: i64,
    pub signum: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_FSFREEZE (335): CALL body (`remote_domain_fsfreeze_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainFsfreezeArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX)]
    pub mountpoints: Vec<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_FSFREEZE (335): REPLY body (`remote_domain_fsfreeze_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainFsfreezeRet {
    pub filesystems: i32,
}

/// REMOTE_PROC_DOMAIN_FSTHAW (336): CALL body (`remote_domain_fsthaw_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainFsthawArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX)]
    pub mountpoints: Vec<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_FSTHAW (336): REPLY body (`remote_domain_fsthaw_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainFsthawRet {
    pub filesystems: i32,
}

/// REMOTE_PROC_DOMAIN_GET_TIME (337): CALL body (`remote_domain_get_time_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetTimeArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_TIME (337): REPLY body (`remote_domain_get_time_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetTimeRet {
    pub seconds: i64,
    pub nseconds: u32,
}

/// REMOTE_PROC_DOMAIN_SET_TIME (338): CALL body (`remote_domain_set_time_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetTimeArgs {
    pub dom: DomainRef,
    pub seconds: i64,
    pub nseconds: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_OPEN_GRAPHICS_FD (343): CALL body (`remote_domain_open_graphics_fd_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainOpenGraphicsFdArgs {
    pub dom: DomainRef,
    pub idx: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_BLOCK_COPY (345): CALL body (`remote_domain_block_copy_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainBlockCopyArgs {
    pub dom: DomainRef,
    pub path: String,
    pub destxml: String,
    #[xdr(max = REMOTE_DOMAIN_BLOCK_COPY_PARAMETERS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_FSINFO (349): CALL body (`remote_domain_get_fsinfo_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetFsinfoArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_FSINFO (349): REPLY body (`remote_domain_get_fsinfo_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetFsinfoRet {
    #[xdr(max = REMOTE_DOMAIN_FSINFO_MAX)]
    pub info: Vec<DomainFsinfo>,
    pub ret: u32,
}

/// REMOTE_PROC_DOMAIN_GET_IOTHREAD_INFO (351): CALL body (`remote_domain_get_iothread_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetIothreadInfoArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_IOTHREAD_INFO (351): REPLY body (`remote_domain_get_iothread_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetIothreadInfoRet {
    #[xdr(max = REMOTE_IOTHREAD_INFO_MAX)]
    pub info: Vec<DomainIothreadInfo>,
    pub ret: u32,
}

/// REMOTE_PROC_DOMAIN_PIN_IOTHREAD (352): CALL body (`remote_domain_pin_iothread_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainPinIothreadArgs {
    pub dom: DomainRef,
    pub iothreads_id: u32,
    #[xdr(max = REMOTE_CPUMAP_MAX)]
    pub cpumap: Vec<u8>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_INTERFACE_ADDRESSES (353): CALL body
/// (`remote_domain_interface_addresses_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainInterfaceAddressesArgs {
    pub dom: DomainRef,
    pub source: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_INTERFACE_ADDRESSES (353): REPLY body
/// (`remote_domain_interface_addresses_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainInterfaceAddressesRet {
    #[xdr(max = REMOTE_DOMAIN_INTERFACE_MAX)]
    pub ifaces: Vec<DomainInterface>,
}

/// REMOTE_PROC_DOMAIN_ADD_IOTHREAD (355): CALL body (`remote_domain_add_iothread_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAddIothreadArgs {
    pub dom: DomainRef,
    pub iothread_id: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_DEL_IOTHREAD (356): CALL body (`remote_domain_del_iothread_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDelIothreadArgs {
    pub dom: DomainRef,
    pub iothread_id: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SET_USER_PASSWORD (357): CALL body (`remote_domain_set_user_password_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetUserPasswordArgs {
    pub dom: DomainRef,
    pub user: Option<String>,
    pub password: Option<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_PERF_EVENTS (365): CALL body (`remote_domain_get_perf_events_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetPerfEventsArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_PERF_EVENTS (365): REPLY body (`remote_domain_get_perf_events_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetPerfEventsRet {
    #[xdr(max = REMOTE_DOMAIN_PERF_EVENTS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_SET_PERF_EVENTS (366): CALL body (`remote_domain_set_perf_events_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetPerfEventsArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_PERF_EVENTS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_GUEST_VCPUS (371): CALL body (`remote_domain_get_guest_vcpus_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetGuestVcpusArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_GUEST_VCPUS (371): REPLY body (`remote_domain_get_guest_vcpus_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetGuestVcpusRet {
    #[xdr(max = REMOTE_DOMAIN_GUEST_VCPU_PARAMS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_SET_GUEST_VCPUS (372): CALL body (`remote_domain_set_guest_vcpus_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetGuestVcpusArgs {
    pub dom: DomainRef,
    pub cpumap: String,
    pub state: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SET_VCPU (384): CALL body (`remote_domain_set_vcpu_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetVcpuArgs {
    pub dom: DomainRef,
    pub cpumap: String,
    pub state: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SET_BLOCK_THRESHOLD (386): CALL body
/// (`remote_domain_set_block_threshold_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetBlockThresholdArgs {
    pub dom: DomainRef,
    pub dev: String,
    pub threshold: u64,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SET_LIFECYCLE_ACTION (390): CALL body
/// (`remote_domain_set_lifecycle_action_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetLifecycleActionArgs {
    pub dom: DomainRef,
    pub r#type: u32,
    pub action: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_DETACH_DEVICE_ALIAS (392): CALL body
/// (`remote_domain_detach_device_alias_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainDetachDeviceAliasArgs {
    pub dom: DomainRef,
    pub alias: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_LAUNCH_SECURITY_INFO (396): CALL body
/// (`remote_domain_get_launch_security_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetLaunchSecurityInfoArgs {
    pub dom: DomainRef,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_LAUNCH_SECURITY_INFO (396): REPLY body
/// (`remote_domain_get_launch_security_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetLaunchSecurityInfoRet {
    #[xdr(max = REMOTE_DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_SET_IOTHREAD_PARAMS (402): CALL body
/// (`remote_domain_set_iothread_params_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetIothreadParamsArgs {
    pub dom: DomainRef,
    pub iothread_id: u32,
    #[xdr(max = REMOTE_DOMAIN_IOTHREAD_PARAMS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_GUEST_INFO (418): CALL body (`remote_domain_get_guest_info_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetGuestInfoArgs {
    pub dom: DomainRef,
    pub types: u32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_GET_GUEST_INFO (418): REPLY body (`remote_domain_get_guest_info_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainGetGuestInfoRet {
    #[xdr(max = REMOTE_DOMAIN_GUEST_INFO_PARAMS_MAX)]
    pub params: Vec<TypedParam>,
}

/// REMOTE_PROC_DOMAIN_AGENT_SET_RESPONSE_TIMEOUT (420): CALL body
/// (`remote_domain_agent_set_response_timeout_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAgentSetResponseTimeoutArgs {
    pub dom: DomainRef,
    pub timeout: i32,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_AGENT_SET_RESPONSE_TIMEOUT (420): REPLY body
/// (`remote_domain_agent_set_response_timeout_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAgentSetResponseTimeoutRet {
    pub result: i32,
}

/// REMOTE_PROC_DOMAIN_AUTHORIZED_SSH_KEYS_GET (424): CALL body
/// (`remote_domain_authorized_ssh_keys_get_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAuthorizedSshKeysGetArgs {
    pub dom: DomainRef,
    pub user: String,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_AUTHORIZED_SSH_KEYS_GET (424): REPLY body
/// (`remote_domain_authorized_ssh_keys_get_ret`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAuthorizedSshKeysGetRet {
    #[xdr(max = REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX)]
    pub keys: Vec<String>,
}

/// REMOTE_PROC_DOMAIN_AUTHORIZED_SSH_KEYS_SET (425): CALL body
/// (`remote_domain_authorized_ssh_keys_set_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainAuthorizedSshKeysSetArgs {
    pub dom: DomainRef,
    pub user: String,
    #[xdr(max = REMOTE_DOMAIN_AUTHORIZED_SSH_KEYS_MAX)]
    pub keys: Vec<String>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_SET_LAUNCH_SECURITY_STATE (439): CALL body
/// (`remote_domain_set_launch_security_state_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainSetLaunchSecurityStateArgs {
    pub dom: DomainRef,
    #[xdr(max = REMOTE_DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX)]
    pub params: Vec<TypedParam>,
    pub flags: u32,
}

/// REMOTE_PROC_DOMAIN_FD_ASSOCIATE (443): CALL body (`remote_domain_fd_associate_args`).
#[derive(Debug, Clone, PartialEq, Xdr)]
pub struct DomainFdAssociateArgs {
    pub dom: DomainRef,
    pub name: String,
    pub flags: u32,
}
