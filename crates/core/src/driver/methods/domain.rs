//! The `DomainDriver` method list (`virDomain*`, `virConnectListAllDomains`, …); see the
//! parent module for the entry format.

/// Hands the `DomainDriver` method list to `$cb!`, after the tokens given with it.
#[doc(hidden)]
#[macro_export]
macro_rules! domain_driver_methods {
    ($($cb:ident)::+ ! { $($pre:tt)* }) => {
        $($cb)::+! {
            $($pre)*
            /// virConnectListAllDomains
            [r "virConnectListAllDomains"] fn list_all_domains(flags: u32) -> VirResult<Vec<DomainRef>>;
            /// virConnectListDomains: ids of running domains.
            [r "virConnectListDomains"] fn list_domain_ids() -> VirResult<Vec<i32>>;
            /// virConnectListDefinedDomains: names of inactive persistent domains.
            [r "virConnectListDefinedDomains"] fn list_defined_domains() -> VirResult<Vec<String>>;
            /// virDomainLookupByID
            [r "virDomainLookupByID"] fn domain_lookup_by_id(id: i32) -> VirResult<DomainRef>;
            /// virDomainLookupByName
            [r "virDomainLookupByName"] fn domain_lookup_by_name(name: &str) -> VirResult<DomainRef>;
            /// virDomainLookupByUUID
            [r "virDomainLookupByUUID"] fn domain_lookup_by_uuid(uuid: Uuid) -> VirResult<DomainRef>;
            /// virDomainDefineXMLFlags
            [wc {flags == 0} "virDomainDefineXML" "virDomainDefineXMLFlags"] fn domain_define_xml(xml: &str, flags: u32) -> VirResult<DomainRef>;
            /// virDomainUndefineFlags
            [w "virDomainUndefineFlags"] fn domain_undefine(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainCreateXML
            [w "virDomainCreateXML"] fn domain_create_xml(xml: &str, flags: u32) -> VirResult<DomainRef>;
            /// virDomainCreateWithFlags
            [wc {flags == 0} "virDomainCreate" "virDomainCreateWithFlags"] fn domain_create(dom: &DomainRef, flags: u32) -> VirResult<DomainRef>;
            /// virDomainDestroyFlags
            [wc {flags == 0} "virDomainDestroy" "virDomainDestroyFlags"] fn domain_destroy(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainShutdownFlags
            [wc {flags == 0} "virDomainShutdown" "virDomainShutdownFlags"] fn domain_shutdown(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainReboot
            [w "virDomainReboot"] fn domain_reboot(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainReset
            [w "virDomainReset"] fn domain_reset(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainSuspend
            [w "virDomainSuspend"] fn domain_suspend(dom: &DomainRef) -> VirResult<()>;
            /// virDomainResume
            [w "virDomainResume"] fn domain_resume(dom: &DomainRef) -> VirResult<()>;
            /// virDomainPMSuspendForDuration
            [w "virDomainPMSuspendForDuration"] fn domain_pm_suspend_for_duration(dom: &DomainRef, target: u32, duration: u64, flags: u32) -> VirResult<()>;
            /// virDomainPMWakeup
            [w "virDomainPMWakeup"] fn domain_pm_wakeup(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainGetInfo
            [r "virDomainGetInfo"] fn domain_get_info(dom: &DomainRef) -> VirResult<DomainInfo>;
            /// virDomainGetState: (state, reason).
            [r "virDomainGetState"] fn domain_get_state(dom: &DomainRef, flags: u32) -> VirResult<(i32, i32)>;
            /// virDomainGetControlInfo
            [r "virDomainGetControlInfo"] fn domain_get_control_info(dom: &DomainRef, flags: u32) -> VirResult<ControlInfo>;
            /// virDomainGetXMLDesc
            [s flags "virDomainGetXMLDesc"] fn domain_get_xml_desc(dom: &DomainRef, flags: u32) -> VirResult<String>;
            /// virDomainGetOSType
            [r "virDomainGetOSType"] fn domain_get_os_type(dom: &DomainRef) -> VirResult<String>;
            /// virDomainGetMaxMemory (KiB)
            [r "virDomainGetMaxMemory"] fn domain_get_max_memory(dom: &DomainRef) -> VirResult<u64>;
            /// virDomainGetMaxVcpus
            [r "virDomainGetMaxVcpus"] fn domain_get_max_vcpus(dom: &DomainRef) -> VirResult<i32>;
            /// virDomainIsActive
            [r "virDomainIsActive"] fn domain_is_active(dom: &DomainRef) -> VirResult<bool>;
            /// virDomainIsPersistent
            [r "virDomainIsPersistent"] fn domain_is_persistent(dom: &DomainRef) -> VirResult<bool>;
            /// virDomainIsUpdated
            [r "virDomainIsUpdated"] fn domain_is_updated(dom: &DomainRef) -> VirResult<bool>;
            /// virDomainGetAutostart
            [r "virDomainGetAutostart"] fn domain_get_autostart(dom: &DomainRef) -> VirResult<bool>;
            /// virDomainSetAutostart
            [w "virDomainSetAutostart"] fn domain_set_autostart(dom: &DomainRef, autostart: bool) -> VirResult<()>;
            /// virDomainSetMaxMemory (KiB)
            [w "virDomainSetMaxMemory"] fn domain_set_max_memory(dom: &DomainRef, kib: u64) -> VirResult<()>;
            /// virDomainSetMemoryFlags (KiB)
            [w "virDomainSetMemoryFlags"] fn domain_set_memory_flags(dom: &DomainRef, kib: u64, flags: u32) -> VirResult<()>;
            /// virDomainSetMemoryStatsPeriod
            [w "virDomainSetMemoryStatsPeriod"] fn domain_set_memory_stats_period(dom: &DomainRef, period: i32, flags: u32) -> VirResult<()>;
            /// virDomainSetVcpusFlags
            [w "virDomainSetVcpusFlags"] fn domain_set_vcpus_flags(dom: &DomainRef, nvcpus: u32, flags: u32) -> VirResult<()>;
            /// virDomainGetVcpusFlags
            [r "virDomainGetVcpusFlags"] fn domain_get_vcpus_flags(dom: &DomainRef, flags: u32) -> VirResult<i32>;
            /// virDomainGetVcpus: per-vCPU info plus `maplen`-byte cpumaps for each.
            [r "virDomainGetVcpus"] fn domain_get_vcpus(dom: &DomainRef, maxinfo: i32, maplen: i32) -> VirResult<(Vec<VcpuInfo>, Vec<u8>)>;
            /// virDomainPinVcpuFlags
            [w "virDomainPinVcpuFlags"] fn domain_pin_vcpu_flags(dom: &DomainRef, vcpu: u32, cpumap: Vec<u8>, flags: u32) -> VirResult<()>;
            /// virDomainGetVcpuPinInfo: (cpumaps, count)
            [r "virDomainGetVcpuPinInfo"] fn domain_get_vcpu_pin_info(dom: &DomainRef, ncpumaps: i32, maplen: i32, flags: u32) -> VirResult<(Vec<u8>, i32)>;
            /// virDomainPinEmulator
            [w "virDomainPinEmulator"] fn domain_pin_emulator(dom: &DomainRef, cpumap: Vec<u8>, flags: u32) -> VirResult<()>;
            /// virDomainGetEmulatorPinInfo: (cpumap, ret)
            [r "virDomainGetEmulatorPinInfo"] fn domain_get_emulator_pin_info(dom: &DomainRef, maplen: i32, flags: u32) -> VirResult<(Vec<u8>, i32)>;
            /// virDomainSave / virDomainSaveFlags
            [wc {dxml.is_none() && flags == 0} "virDomainSave" "virDomainSaveFlags"] fn domain_save(dom: &DomainRef, to: &str, dxml: Option<String>, flags: u32) -> VirResult<()>;
            /// virDomainRestore / virDomainRestoreFlags
            [wc {dxml.is_none() && flags == 0} "virDomainRestore" "virDomainRestoreFlags"] fn domain_restore(from: &str, dxml: Option<String>, flags: u32) -> VirResult<()>;
            /// virDomainSaveImageGetXMLDesc
            [w "virDomainSaveImageGetXMLDesc"] fn domain_save_image_get_xml_desc(file: &str, flags: u32) -> VirResult<String>;
            /// virDomainSaveImageDefineXML
            [w "virDomainSaveImageDefineXML"] fn domain_save_image_define_xml(file: &str, dxml: &str, flags: u32) -> VirResult<()>;
            /// virDomainCoreDumpWithFormat
            [wc {format == 0} "virDomainCoreDump" "virDomainCoreDumpWithFormat"] fn domain_core_dump(dom: &DomainRef, to: &str, format: u32, flags: u32) -> VirResult<()>;
            /// virDomainManagedSave
            [w "virDomainManagedSave"] fn domain_managed_save(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainHasManagedSaveImage
            [r "virDomainHasManagedSaveImage"] fn domain_has_managed_save_image(dom: &DomainRef, flags: u32) -> VirResult<bool>;
            /// virDomainManagedSaveRemove
            [w "virDomainManagedSaveRemove"] fn domain_managed_save_remove(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainManagedSaveGetXMLDesc
            [s flags "virDomainManagedSaveGetXMLDesc"] fn domain_managed_save_get_xml_desc(dom: &DomainRef, flags: u32) -> VirResult<String>;
            /// virDomainManagedSaveDefineXML
            [w "virDomainManagedSaveDefineXML"] fn domain_managed_save_define_xml(dom: &DomainRef, dxml: Option<String>, flags: u32) -> VirResult<()>;
            /// virDomainGetMetadata
            [r "virDomainGetMetadata"] fn domain_get_metadata(dom: &DomainRef, kind: i32, uri: Option<String>, flags: u32) -> VirResult<String>;
            /// virDomainSetMetadata
            [w "virDomainSetMetadata"] fn domain_set_metadata(dom: &DomainRef, kind: i32, metadata: Option<String>, key: Option<String>, uri: Option<String>, flags: u32) -> VirResult<()>;
            /// virDomainRename
            [w "virDomainRename"] fn domain_rename(dom: &DomainRef, new_name: &str, flags: u32) -> VirResult<()>;
            /// virDomainGetSchedulerType: (type, nparams)
            [r "virDomainGetSchedulerType"] fn domain_get_scheduler_type(dom: &DomainRef) -> VirResult<(String, i32)>;
            /// virDomainGetSchedulerParametersFlags
            [r "virDomainGetSchedulerParametersFlags"] fn domain_get_scheduler_parameters(dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetSchedulerParametersFlags
            [w "virDomainSetSchedulerParametersFlags"] fn domain_set_scheduler_parameters(dom: &DomainRef, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainGetMemoryParameters
            [r "virDomainGetMemoryParameters"] fn domain_get_memory_parameters(dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetMemoryParameters
            [w "virDomainSetMemoryParameters"] fn domain_set_memory_parameters(dom: &DomainRef, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainGetBlkioParameters
            [r "virDomainGetBlkioParameters"] fn domain_get_blkio_parameters(dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetBlkioParameters
            [w "virDomainSetBlkioParameters"] fn domain_set_blkio_parameters(dom: &DomainRef, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainGetNumaParameters
            [r "virDomainGetNumaParameters"] fn domain_get_numa_parameters(dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetNumaParameters
            [w "virDomainSetNumaParameters"] fn domain_set_numa_parameters(dom: &DomainRef, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainGetInterfaceParameters
            [r "virDomainGetInterfaceParameters"] fn domain_get_interface_parameters(dom: &DomainRef, device: &str, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetInterfaceParameters
            [w "virDomainSetInterfaceParameters"] fn domain_set_interface_parameters(dom: &DomainRef, device: &str, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainGetBlockIoTune
            [r "virDomainGetBlockIoTune"] fn domain_get_block_io_tune(dom: &DomainRef, disk: Option<String>, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetBlockIoTune
            [w "virDomainSetBlockIoTune"] fn domain_set_block_io_tune(dom: &DomainRef, disk: &str, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainBlockStats
            [r "virDomainBlockStats"] fn domain_block_stats(dom: &DomainRef, path: &str) -> VirResult<BlockStats>;
            /// virDomainBlockStatsFlags
            [r "virDomainBlockStatsFlags"] fn domain_block_stats_flags(dom: &DomainRef, path: &str, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainInterfaceStats
            [r "virDomainInterfaceStats"] fn domain_interface_stats(dom: &DomainRef, device: &str) -> VirResult<InterfaceStats>;
            /// virDomainMemoryStats
            [r "virDomainMemoryStats"] fn domain_memory_stats(dom: &DomainRef, max_stats: u32, flags: u32) -> VirResult<Vec<MemoryStat>>;
            /// virDomainGetBlockInfo
            [r "virDomainGetBlockInfo"] fn domain_get_block_info(dom: &DomainRef, path: &str, flags: u32) -> VirResult<BlockInfo>;
            /// virDomainGetCPUStats
            [r "virDomainGetCPUStats"] fn domain_get_cpu_stats(dom: &DomainRef, start_cpu: i32, ncpus: u32, flags: u32) -> VirResult<Vec<Vec<TypedParam>>>;
            /// virConnectGetAllDomainStats / virDomainListGetStats (empty `doms` = all)
            [r "virConnectGetAllDomainStats"] fn get_all_domain_stats(doms: Vec<DomainRef>, stats: u32, flags: u32) -> VirResult<Vec<DomainStatsRecord>>;
            /// virDomainGetSecurityLabel
            [r "virDomainGetSecurityLabel"] fn domain_get_security_label(dom: &DomainRef) -> VirResult<SecurityLabel>;
            /// virDomainGetSecurityLabelList
            [r "virDomainGetSecurityLabelList"] fn domain_get_security_label_list(dom: &DomainRef) -> VirResult<Vec<SecurityLabel>>;
            /// virDomainGetMessages
            [r "virDomainGetMessages"] fn domain_get_messages(dom: &DomainRef, flags: u32) -> VirResult<Vec<String>>;
            /// virDomainAttachDeviceFlags
            [w "virDomainAttachDeviceFlags"] fn domain_attach_device(dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()>;
            /// virDomainDetachDeviceFlags
            [w "virDomainDetachDeviceFlags"] fn domain_detach_device(dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()>;
            /// virDomainDetachDeviceAlias
            [w "virDomainDetachDeviceAlias"] fn domain_detach_device_alias(dom: &DomainRef, alias: &str, flags: u32) -> VirResult<()>;
            /// virDomainUpdateDeviceFlags
            [w "virDomainUpdateDeviceFlags"] fn domain_update_device(dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()>;
            /// virDomainGetJobInfo
            [r "virDomainGetJobInfo"] fn domain_get_job_info(dom: &DomainRef) -> VirResult<JobInfo>;
            /// virDomainGetJobStats: (type, params)
            [r "virDomainGetJobStats"] fn domain_get_job_stats(dom: &DomainRef, flags: u32) -> VirResult<(i32, Vec<TypedParam>)>;
            /// virDomainAbortJobFlags
            [wc {flags == 0} "virDomainAbortJob" "virDomainAbortJobFlags"] fn domain_abort_job(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainInjectNMI
            [w "virDomainInjectNMI"] fn domain_inject_nmi(dom: &DomainRef, flags: u32) -> VirResult<()>;
            /// virDomainSendKey
            [w "virDomainSendKey"] fn domain_send_key(dom: &DomainRef, codeset: u32, holdtime: u32, keycodes: Vec<u32>, flags: u32) -> VirResult<()>;
            /// virDomainSetLifecycleAction
            [w "virDomainSetLifecycleAction"] fn domain_set_lifecycle_action(dom: &DomainRef, kind: u32, action: u32, flags: u32) -> VirResult<()>;
            /// virDomainGetHostname
            [w "virDomainGetHostname"] fn domain_get_hostname(dom: &DomainRef, flags: u32) -> VirResult<String>;
            /// virDomainInterfaceAddresses
            [r "virDomainInterfaceAddresses"] fn domain_interface_addresses(dom: &DomainRef, source: u32, flags: u32) -> VirResult<Vec<DomainInterface>>;
            /// virDomainGetTime
            [w "virDomainGetTime"] fn domain_get_time(dom: &DomainRef, flags: u32) -> VirResult<GuestTime>;
            /// virDomainSetTime
            [w "virDomainSetTime"] fn domain_set_time(dom: &DomainRef, time: GuestTime, flags: u32) -> VirResult<()>;
            /// virDomainFSFreeze
            [w "virDomainFSFreeze"] fn domain_fs_freeze(dom: &DomainRef, mountpoints: Vec<String>, flags: u32) -> VirResult<i32>;
            /// virDomainFSThaw
            [w "virDomainFSThaw"] fn domain_fs_thaw(dom: &DomainRef, mountpoints: Vec<String>, flags: u32) -> VirResult<i32>;
            /// virDomainGetGuestInfo
            [w "virDomainGetGuestInfo"] fn domain_get_guest_info(dom: &DomainRef, types: u32, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainOpenConsole
            [w "virDomainOpenConsole"] fn domain_open_console(dom: &DomainRef, dev_name: Option<String>, flags: u32) -> VirResult<DataStream>;
            /// virDomainOpenChannel
            [w "virDomainOpenChannel"] fn domain_open_channel(dom: &DomainRef, name: Option<String>, flags: u32) -> VirResult<DataStream>;
            /// virDomainOpenGraphics: hands the client socket `fd` to the graphics server `idx`.
            [w "virDomainOpenGraphics"] fn domain_open_graphics(dom: &DomainRef, idx: u32, fd: std::os::fd::OwnedFd, flags: u32) -> VirResult<()>;
            /// virDomainOpenGraphicsFD: a connected socket to the graphics server `idx`.
            [w "virDomainOpenGraphicsFD"] fn domain_open_graphics_fd(dom: &DomainRef, idx: u32, flags: u32) -> VirResult<std::os::fd::OwnedFd>;
            /// virDomainFDAssociate: keeps `fds` for the domain under `name` (`<source fdgroup=…>`).
            [w "virDomainFDAssociate"] fn domain_fd_associate(dom: &DomainRef, name: &str, fds: Vec<std::os::fd::OwnedFd>, flags: u32) -> VirResult<()>;
            /// virDomainCreateXMLWithFiles
            [w "virDomainCreateXMLWithFiles"] fn domain_create_xml_with_files(xml: &str, fds: Vec<std::os::fd::OwnedFd>, flags: u32) -> VirResult<DomainRef>;
            /// virDomainCreateWithFiles
            [w "virDomainCreateWithFiles"] fn domain_create_with_files(dom: &DomainRef, fds: Vec<std::os::fd::OwnedFd>, flags: u32) -> VirResult<DomainRef>;
            /// virDomainScreenshot: (mime type, image stream)
            [w "virDomainScreenshot"] fn domain_screenshot(dom: &DomainRef, screen: u32, flags: u32) -> VirResult<(Option<String>, DataStream)>;
            /// virDomainSetUserPassword
            [w "virDomainSetUserPassword"] fn domain_set_user_password(dom: &DomainRef, user: &str, password: &str, flags: u32) -> VirResult<()>;
            /// virDomainGetFSInfo
            [w "virDomainGetFSInfo"] fn domain_get_fsinfo(dom: &DomainRef, flags: u32) -> VirResult<Vec<FsInfo>>;
            /// virDomainFSTrim
            [w "virDomainFSTrim"] fn domain_fstrim(dom: &DomainRef, mount_point: Option<String>, minimum: u64, flags: u32) -> VirResult<()>;
            /// virDomainGetDiskErrors: every disk in error (the daemon caps the list)
            [r "virDomainGetDiskErrors"] fn domain_get_disk_errors(dom: &DomainRef, flags: u32) -> VirResult<Vec<DiskError>>;
            /// virDomainGetIOThreadInfo
            [r "virDomainGetIOThreadInfo"] fn domain_get_iothread_info(dom: &DomainRef, flags: u32) -> VirResult<Vec<IoThreadInfo>>;
            /// virDomainPinIOThread
            [w "virDomainPinIOThread"] fn domain_pin_iothread(dom: &DomainRef, iothread_id: u32, cpumap: Vec<u8>, flags: u32) -> VirResult<()>;
            /// virDomainAddIOThread
            [w "virDomainAddIOThread"] fn domain_add_iothread(dom: &DomainRef, iothread_id: u32, flags: u32) -> VirResult<()>;
            /// virDomainDelIOThread
            [w "virDomainDelIOThread"] fn domain_del_iothread(dom: &DomainRef, iothread_id: u32, flags: u32) -> VirResult<()>;
            /// virDomainSetIOThreadParams
            [w "virDomainSetIOThreadParams"] fn domain_set_iothread_params(dom: &DomainRef, iothread_id: u32, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainGetGuestVcpus
            [w "virDomainGetGuestVcpus"] fn domain_get_guest_vcpus(dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetGuestVcpus
            [w "virDomainSetGuestVcpus"] fn domain_set_guest_vcpus(dom: &DomainRef, cpumap: &str, state: i32, flags: u32) -> VirResult<()>;
            /// virDomainSetVcpu
            [w "virDomainSetVcpu"] fn domain_set_vcpu(dom: &DomainRef, cpumap: &str, state: i32, flags: u32) -> VirResult<()>;
            /// virDomainSetBlockThreshold
            [w "virDomainSetBlockThreshold"] fn domain_set_block_threshold(dom: &DomainRef, dev: &str, threshold: u64, flags: u32) -> VirResult<()>;
            /// virDomainSendProcessSignal
            [w "virDomainSendProcessSignal"] fn domain_send_process_signal(dom: &DomainRef, pid: i64, signum: u32, flags: u32) -> VirResult<()>;
            /// virDomainBlockJobAbort
            [w "virDomainBlockJobAbort"] fn domain_block_job_abort(dom: &DomainRef, path: &str, flags: u32) -> VirResult<()>;
            /// virDomainGetBlockJobInfo: `None` when no job runs on the disk
            [r "virDomainGetBlockJobInfo"] fn domain_get_block_job_info(dom: &DomainRef, path: &str, flags: u32) -> VirResult<Option<BlockJobInfo>>;
            /// virDomainBlockJobSetSpeed
            [w "virDomainBlockJobSetSpeed"] fn domain_block_job_set_speed(dom: &DomainRef, path: &str, bandwidth: u64, flags: u32) -> VirResult<()>;
            /// virDomainBlockPull
            [w "virDomainBlockPull"] fn domain_block_pull(dom: &DomainRef, path: &str, bandwidth: u64, flags: u32) -> VirResult<()>;
            /// virDomainBlockResize
            [w "virDomainBlockResize"] fn domain_block_resize(dom: &DomainRef, disk: &str, size: u64, flags: u32) -> VirResult<()>;
            /// virDomainBlockRebase
            [w "virDomainBlockRebase"] fn domain_block_rebase(dom: &DomainRef, path: &str, base: Option<String>, bandwidth: u64, flags: u32) -> VirResult<()>;
            /// virDomainBlockCommit
            [w "virDomainBlockCommit"] fn domain_block_commit(dom: &DomainRef, disk: &str, base: Option<String>, top: Option<String>, bandwidth: u64, flags: u32) -> VirResult<()>;
            /// virDomainBlockCopy
            [w "virDomainBlockCopy"] fn domain_block_copy(dom: &DomainRef, path: &str, destxml: &str, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainAuthorizedSSHKeysGet
            [w "virDomainAuthorizedSSHKeysGet"] fn domain_authorized_ssh_keys_get(dom: &DomainRef, user: &str, flags: u32) -> VirResult<Vec<String>>;
            /// virDomainAuthorizedSSHKeysSet
            [w "virDomainAuthorizedSSHKeysSet"] fn domain_authorized_ssh_keys_set(dom: &DomainRef, user: &str, keys: Vec<String>, flags: u32) -> VirResult<()>;
            /// virDomainAgentSetResponseTimeout
            [w "virDomainAgentSetResponseTimeout"] fn domain_agent_set_response_timeout(dom: &DomainRef, timeout: i32, flags: u32) -> VirResult<()>;
            /// virDomainStartDirtyRateCalc
            [w "virDomainStartDirtyRateCalc"] fn domain_start_dirty_rate_calc(dom: &DomainRef, seconds: i32, flags: u32) -> VirResult<()>;
            /// virDomainGetPerfEvents: one boolean per perf event.
            [r "virDomainGetPerfEvents"] fn domain_get_perf_events(dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetPerfEvents
            [w "virDomainSetPerfEvents"] fn domain_set_perf_events(dom: &DomainRef, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainGetLaunchSecurityInfo
            [w "virDomainGetLaunchSecurityInfo"] fn domain_get_launch_security_info(dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>>;
            /// virDomainSetLaunchSecurityState
            [w "virDomainSetLaunchSecurityState"] fn domain_set_launch_security_state(dom: &DomainRef, params: Vec<TypedParam>, flags: u32) -> VirResult<()>;
            /// virDomainMigrateGetCompressionCache (bytes)
            [r "virDomainMigrateGetCompressionCache"] fn domain_migrate_get_compression_cache(dom: &DomainRef, flags: u32) -> VirResult<u64>;
            /// virDomainMigrateSetCompressionCache (bytes)
            [w "virDomainMigrateSetCompressionCache"] fn domain_migrate_set_compression_cache(dom: &DomainRef, cache_size: u64, flags: u32) -> VirResult<()>;
            /// virDomainBackupBegin
            [w "virDomainBackupBegin"] fn domain_backup_begin(dom: &DomainRef, backup_xml: &str, checkpoint_xml: Option<String>, flags: u32) -> VirResult<()>;
            /// virDomainBackupGetXMLDesc
            [r "virDomainBackupGetXMLDesc"] fn domain_backup_get_xml_desc(dom: &DomainRef, flags: u32) -> VirResult<String>;
        }
    };
}
