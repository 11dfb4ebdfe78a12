//! Domain APIs (`virDomain*`, `virConnectListAllDomains`, …).

use crate::error::VirResult;
use crate::handle::{DomainRef, Uuid};
use crate::info::{
    BlockInfo, BlockStats, ControlInfo, DomainInfo, DomainInterface, DomainStatsRecord, GuestTime,
    InterfaceStats, JobInfo, MemoryStat, SecurityLabel, VcpuInfo,
};
use crate::stream::DataStream;
use crate::typed_param::TypedParam;
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait DomainDriver: Send + Sync {
    /// virConnectListAllDomains
    async fn list_all_domains(&self, _flags: u32) -> VirResult<Vec<DomainRef>> {
        unsupported!("virConnectListAllDomains")
    }
    /// virConnectListDomains: ids of running domains.
    async fn list_domain_ids(&self) -> VirResult<Vec<i32>> {
        unsupported!("virConnectListDomains")
    }
    /// virConnectListDefinedDomains: names of inactive persistent domains.
    async fn list_defined_domains(&self) -> VirResult<Vec<String>> {
        unsupported!("virConnectListDefinedDomains")
    }
    /// virDomainLookupByID
    async fn domain_lookup_by_id(&self, _id: i32) -> VirResult<DomainRef> {
        unsupported!("virDomainLookupByID")
    }
    /// virDomainLookupByName
    async fn domain_lookup_by_name(&self, _name: &str) -> VirResult<DomainRef> {
        unsupported!("virDomainLookupByName")
    }
    /// virDomainLookupByUUID
    async fn domain_lookup_by_uuid(&self, _uuid: Uuid) -> VirResult<DomainRef> {
        unsupported!("virDomainLookupByUUID")
    }
    /// virDomainDefineXMLFlags
    async fn domain_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<DomainRef> {
        unsupported!("virDomainDefineXMLFlags")
    }
    /// virDomainUndefineFlags
    async fn domain_undefine(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainUndefineFlags")
    }
    /// virDomainCreateXML
    async fn domain_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<DomainRef> {
        unsupported!("virDomainCreateXML")
    }
    /// virDomainCreateWithFlags
    async fn domain_create(&self, _dom: &DomainRef, _flags: u32) -> VirResult<DomainRef> {
        unsupported!("virDomainCreateWithFlags")
    }
    /// virDomainDestroyFlags
    async fn domain_destroy(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainDestroyFlags")
    }
    /// virDomainShutdownFlags
    async fn domain_shutdown(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainShutdownFlags")
    }
    /// virDomainReboot
    async fn domain_reboot(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainReboot")
    }
    /// virDomainReset
    async fn domain_reset(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainReset")
    }
    /// virDomainSuspend
    async fn domain_suspend(&self, _dom: &DomainRef) -> VirResult<()> {
        unsupported!("virDomainSuspend")
    }
    /// virDomainResume
    async fn domain_resume(&self, _dom: &DomainRef) -> VirResult<()> {
        unsupported!("virDomainResume")
    }
    /// virDomainPMSuspendForDuration
    async fn domain_pm_suspend_for_duration(
        &self,
        _dom: &DomainRef,
        _target: u32,
        _duration: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainPMSuspendForDuration")
    }
    /// virDomainPMWakeup
    async fn domain_pm_wakeup(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainPMWakeup")
    }
    /// virDomainGetInfo
    async fn domain_get_info(&self, _dom: &DomainRef) -> VirResult<DomainInfo> {
        unsupported!("virDomainGetInfo")
    }
    /// virDomainGetState: (state, reason).
    async fn domain_get_state(&self, _dom: &DomainRef, _flags: u32) -> VirResult<(i32, i32)> {
        unsupported!("virDomainGetState")
    }
    /// virDomainGetControlInfo
    async fn domain_get_control_info(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<ControlInfo> {
        unsupported!("virDomainGetControlInfo")
    }
    /// virDomainGetXMLDesc
    async fn domain_get_xml_desc(&self, _dom: &DomainRef, _flags: u32) -> VirResult<String> {
        unsupported!("virDomainGetXMLDesc")
    }
    /// virDomainGetOSType
    async fn domain_get_os_type(&self, _dom: &DomainRef) -> VirResult<String> {
        unsupported!("virDomainGetOSType")
    }
    /// virDomainGetMaxMemory (KiB)
    async fn domain_get_max_memory(&self, _dom: &DomainRef) -> VirResult<u64> {
        unsupported!("virDomainGetMaxMemory")
    }
    /// virDomainGetMaxVcpus
    async fn domain_get_max_vcpus(&self, _dom: &DomainRef) -> VirResult<i32> {
        unsupported!("virDomainGetMaxVcpus")
    }
    /// virDomainIsActive
    async fn domain_is_active(&self, _dom: &DomainRef) -> VirResult<bool> {
        unsupported!("virDomainIsActive")
    }
    /// virDomainIsPersistent
    async fn domain_is_persistent(&self, _dom: &DomainRef) -> VirResult<bool> {
        unsupported!("virDomainIsPersistent")
    }
    /// virDomainIsUpdated
    async fn domain_is_updated(&self, _dom: &DomainRef) -> VirResult<bool> {
        unsupported!("virDomainIsUpdated")
    }
    /// virDomainGetAutostart
    async fn domain_get_autostart(&self, _dom: &DomainRef) -> VirResult<bool> {
        unsupported!("virDomainGetAutostart")
    }
    /// virDomainSetAutostart
    async fn domain_set_autostart(&self, _dom: &DomainRef, _autostart: bool) -> VirResult<()> {
        unsupported!("virDomainSetAutostart")
    }
    /// virDomainSetMaxMemory (KiB)
    async fn domain_set_max_memory(&self, _dom: &DomainRef, _kib: u64) -> VirResult<()> {
        unsupported!("virDomainSetMaxMemory")
    }
    /// virDomainSetMemoryFlags (KiB)
    async fn domain_set_memory_flags(
        &self,
        _dom: &DomainRef,
        _kib: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetMemoryFlags")
    }
    /// virDomainSetMemoryStatsPeriod
    async fn domain_set_memory_stats_period(
        &self,
        _dom: &DomainRef,
        _period: i32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetMemoryStatsPeriod")
    }
    /// virDomainSetVcpusFlags
    async fn domain_set_vcpus_flags(
        &self,
        _dom: &DomainRef,
        _nvcpus: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetVcpusFlags")
    }
    /// virDomainGetVcpusFlags
    async fn domain_get_vcpus_flags(&self, _dom: &DomainRef, _flags: u32) -> VirResult<i32> {
        unsupported!("virDomainGetVcpusFlags")
    }
    /// virDomainGetVcpus: per-vCPU info plus `maplen`-byte cpumaps for each.
    async fn domain_get_vcpus(
        &self,
        _dom: &DomainRef,
        _maxinfo: i32,
        _maplen: i32,
    ) -> VirResult<(Vec<VcpuInfo>, Vec<u8>)> {
        unsupported!("virDomainGetVcpus")
    }
    /// virDomainPinVcpuFlags
    async fn domain_pin_vcpu_flags(
        &self,
        _dom: &DomainRef,
        _vcpu: u32,
        _cpumap: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainPinVcpuFlags")
    }
    /// virDomainGetVcpuPinInfo: (cpumaps, count)
    async fn domain_get_vcpu_pin_info(
        &self,
        _dom: &DomainRef,
        _ncpumaps: i32,
        _maplen: i32,
        _flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        unsupported!("virDomainGetVcpuPinInfo")
    }
    /// virDomainPinEmulator
    async fn domain_pin_emulator(
        &self,
        _dom: &DomainRef,
        _cpumap: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainPinEmulator")
    }
    /// virDomainGetEmulatorPinInfo: (cpumap, ret)
    async fn domain_get_emulator_pin_info(
        &self,
        _dom: &DomainRef,
        _maplen: i32,
        _flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        unsupported!("virDomainGetEmulatorPinInfo")
    }
    /// virDomainSave / virDomainSaveFlags
    async fn domain_save(
        &self,
        _dom: &DomainRef,
        _to: &str,
        _dxml: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSaveFlags")
    }
    /// virDomainRestore / virDomainRestoreFlags
    async fn domain_restore(
        &self,
        _from: &str,
        _dxml: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainRestoreFlags")
    }
    /// virDomainSaveImageGetXMLDesc
    async fn domain_save_image_get_xml_desc(&self, _file: &str, _flags: u32) -> VirResult<String> {
        unsupported!("virDomainSaveImageGetXMLDesc")
    }
    /// virDomainSaveImageDefineXML
    async fn domain_save_image_define_xml(
        &self,
        _file: &str,
        _dxml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSaveImageDefineXML")
    }
    /// virDomainCoreDumpWithFormat
    async fn domain_core_dump(
        &self,
        _dom: &DomainRef,
        _to: &str,
        _format: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainCoreDumpWithFormat")
    }
    /// virDomainManagedSave
    async fn domain_managed_save(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainManagedSave")
    }
    /// virDomainHasManagedSaveImage
    async fn domain_has_managed_save_image(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<bool> {
        unsupported!("virDomainHasManagedSaveImage")
    }
    /// virDomainManagedSaveRemove
    async fn domain_managed_save_remove(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainManagedSaveRemove")
    }
    /// virDomainManagedSaveGetXMLDesc
    async fn domain_managed_save_get_xml_desc(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!("virDomainManagedSaveGetXMLDesc")
    }
    /// virDomainManagedSaveDefineXML
    async fn domain_managed_save_define_xml(
        &self,
        _dom: &DomainRef,
        _dxml: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainManagedSaveDefineXML")
    }
    /// virDomainGetMetadata
    async fn domain_get_metadata(
        &self,
        _dom: &DomainRef,
        _kind: i32,
        _uri: Option<String>,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!("virDomainGetMetadata")
    }
    /// virDomainSetMetadata
    async fn domain_set_metadata(
        &self,
        _dom: &DomainRef,
        _kind: i32,
        _metadata: Option<String>,
        _key: Option<String>,
        _uri: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetMetadata")
    }
    /// virDomainRename
    async fn domain_rename(&self, _dom: &DomainRef, _new_name: &str, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainRename")
    }
    /// virDomainGetSchedulerType: (type, nparams)
    async fn domain_get_scheduler_type(&self, _dom: &DomainRef) -> VirResult<(String, i32)> {
        unsupported!("virDomainGetSchedulerType")
    }
    /// virDomainGetSchedulerParametersFlags
    async fn domain_get_scheduler_parameters(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!("virDomainGetSchedulerParametersFlags")
    }
    /// virDomainSetSchedulerParametersFlags
    async fn domain_set_scheduler_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetSchedulerParametersFlags")
    }
    /// virDomainGetMemoryParameters
    async fn domain_get_memory_parameters(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!("virDomainGetMemoryParameters")
    }
    /// virDomainSetMemoryParameters
    async fn domain_set_memory_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetMemoryParameters")
    }
    /// virDomainGetBlkioParameters
    async fn domain_get_blkio_parameters(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!("virDomainGetBlkioParameters")
    }
    /// virDomainSetBlkioParameters
    async fn domain_set_blkio_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetBlkioParameters")
    }
    /// virDomainGetNumaParameters
    async fn domain_get_numa_parameters(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!("virDomainGetNumaParameters")
    }
    /// virDomainSetNumaParameters
    async fn domain_set_numa_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetNumaParameters")
    }
    /// virDomainGetInterfaceParameters
    async fn domain_get_interface_parameters(
        &self,
        _dom: &DomainRef,
        _device: &str,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!("virDomainGetInterfaceParameters")
    }
    /// virDomainSetInterfaceParameters
    async fn domain_set_interface_parameters(
        &self,
        _dom: &DomainRef,
        _device: &str,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetInterfaceParameters")
    }
    /// virDomainGetBlockIoTune
    async fn domain_get_block_io_tune(
        &self,
        _dom: &DomainRef,
        _disk: Option<String>,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!("virDomainGetBlockIoTune")
    }
    /// virDomainSetBlockIoTune
    async fn domain_set_block_io_tune(
        &self,
        _dom: &DomainRef,
        _disk: &str,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetBlockIoTune")
    }
    /// virDomainBlockStats
    async fn domain_block_stats(&self, _dom: &DomainRef, _path: &str) -> VirResult<BlockStats> {
        unsupported!("virDomainBlockStats")
    }
    /// virDomainBlockStatsFlags
    async fn domain_block_stats_flags(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!("virDomainBlockStatsFlags")
    }
    /// virDomainInterfaceStats
    async fn domain_interface_stats(
        &self,
        _dom: &DomainRef,
        _device: &str,
    ) -> VirResult<InterfaceStats> {
        unsupported!("virDomainInterfaceStats")
    }
    /// virDomainMemoryStats
    async fn domain_memory_stats(
        &self,
        _dom: &DomainRef,
        _max_stats: u32,
        _flags: u32,
    ) -> VirResult<Vec<MemoryStat>> {
        unsupported!("virDomainMemoryStats")
    }
    /// virDomainGetBlockInfo
    async fn domain_get_block_info(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _flags: u32,
    ) -> VirResult<BlockInfo> {
        unsupported!("virDomainGetBlockInfo")
    }
    /// virDomainGetCPUStats
    async fn domain_get_cpu_stats(
        &self,
        _dom: &DomainRef,
        _start_cpu: i32,
        _ncpus: u32,
        _flags: u32,
    ) -> VirResult<Vec<Vec<TypedParam>>> {
        unsupported!("virDomainGetCPUStats")
    }
    /// virConnectGetAllDomainStats / virDomainListGetStats (empty `doms` = all)
    async fn get_all_domain_stats(
        &self,
        _doms: Vec<DomainRef>,
        _stats: u32,
        _flags: u32,
    ) -> VirResult<Vec<DomainStatsRecord>> {
        unsupported!("virConnectGetAllDomainStats")
    }
    /// virDomainGetSecurityLabel
    async fn domain_get_security_label(&self, _dom: &DomainRef) -> VirResult<SecurityLabel> {
        unsupported!("virDomainGetSecurityLabel")
    }
    /// virDomainGetSecurityLabelList
    async fn domain_get_security_label_list(
        &self,
        _dom: &DomainRef,
    ) -> VirResult<Vec<SecurityLabel>> {
        unsupported!("virDomainGetSecurityLabelList")
    }
    /// virDomainGetMessages
    async fn domain_get_messages(&self, _dom: &DomainRef, _flags: u32) -> VirResult<Vec<String>> {
        unsupported!("virDomainGetMessages")
    }
    /// virDomainAttachDeviceFlags
    async fn domain_attach_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainAttachDeviceFlags")
    }
    /// virDomainDetachDeviceFlags
    async fn domain_detach_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainDetachDeviceFlags")
    }
    /// virDomainDetachDeviceAlias
    async fn domain_detach_device_alias(
        &self,
        _dom: &DomainRef,
        _alias: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainDetachDeviceAlias")
    }
    /// virDomainUpdateDeviceFlags
    async fn domain_update_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainUpdateDeviceFlags")
    }
    /// virDomainGetJobInfo
    async fn domain_get_job_info(&self, _dom: &DomainRef) -> VirResult<JobInfo> {
        unsupported!("virDomainGetJobInfo")
    }
    /// virDomainGetJobStats: (type, params)
    async fn domain_get_job_stats(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<(i32, Vec<TypedParam>)> {
        unsupported!("virDomainGetJobStats")
    }
    /// virDomainAbortJobFlags
    async fn domain_abort_job(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainAbortJob")
    }
    /// virDomainInjectNMI
    async fn domain_inject_nmi(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!("virDomainInjectNMI")
    }
    /// virDomainSendKey
    async fn domain_send_key(
        &self,
        _dom: &DomainRef,
        _codeset: u32,
        _holdtime: u32,
        _keycodes: Vec<u32>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSendKey")
    }
    /// virDomainSetLifecycleAction
    async fn domain_set_lifecycle_action(
        &self,
        _dom: &DomainRef,
        _kind: u32,
        _action: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetLifecycleAction")
    }
    /// virDomainGetHostname
    async fn domain_get_hostname(&self, _dom: &DomainRef, _flags: u32) -> VirResult<String> {
        unsupported!("virDomainGetHostname")
    }
    /// virDomainInterfaceAddresses
    async fn domain_interface_addresses(
        &self,
        _dom: &DomainRef,
        _source: u32,
        _flags: u32,
    ) -> VirResult<Vec<DomainInterface>> {
        unsupported!("virDomainInterfaceAddresses")
    }
    /// virDomainGetTime
    async fn domain_get_time(&self, _dom: &DomainRef, _flags: u32) -> VirResult<GuestTime> {
        unsupported!("virDomainGetTime")
    }
    /// virDomainSetTime
    async fn domain_set_time(
        &self,
        _dom: &DomainRef,
        _time: GuestTime,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virDomainSetTime")
    }
    /// virDomainFSFreeze
    async fn domain_fs_freeze(
        &self,
        _dom: &DomainRef,
        _mountpoints: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        unsupported!("virDomainFSFreeze")
    }
    /// virDomainFSThaw
    async fn domain_fs_thaw(
        &self,
        _dom: &DomainRef,
        _mountpoints: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        unsupported!("virDomainFSThaw")
    }
    /// virDomainGetGuestInfo
    async fn domain_get_guest_info(
        &self,
        _dom: &DomainRef,
        _types: u32,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!("virDomainGetGuestInfo")
    }
    /// virDomainOpenConsole
    async fn domain_open_console(
        &self,
        _dom: &DomainRef,
        _dev_name: Option<String>,
        _flags: u32,
    ) -> VirResult<DataStream> {
        unsupported!("virDomainOpenConsole")
    }
    /// virDomainOpenChannel
    async fn domain_open_channel(
        &self,
        _dom: &DomainRef,
        _name: Option<String>,
        _flags: u32,
    ) -> VirResult<DataStream> {
        unsupported!("virDomainOpenChannel")
    }
    /// virDomainScreenshot: (mime type, image stream)
    async fn domain_screenshot(
        &self,
        _dom: &DomainRef,
        _screen: u32,
        _flags: u32,
    ) -> VirResult<(Option<String>, DataStream)> {
        unsupported!("virDomainScreenshot")
    }
}
