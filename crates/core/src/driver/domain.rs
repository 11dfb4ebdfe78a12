//! Domain APIs (`virDomain*`, `virConnectListAllDomains`, …).

use super::records::{BlockJobInfo, DiskError, FsInfo, IoThreadInfo};
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
        unsupported!(Domain, "virConnectListAllDomains")
    }
    /// virConnectListDomains: ids of running domains.
    async fn list_domain_ids(&self) -> VirResult<Vec<i32>> {
        unsupported!(Domain, "virConnectListDomains")
    }
    /// virConnectListDefinedDomains: names of inactive persistent domains.
    async fn list_defined_domains(&self) -> VirResult<Vec<String>> {
        unsupported!(Domain, "virConnectListDefinedDomains")
    }
    /// virDomainLookupByID
    async fn domain_lookup_by_id(&self, _id: i32) -> VirResult<DomainRef> {
        unsupported!(Domain, "virDomainLookupByID")
    }
    /// virDomainLookupByName
    async fn domain_lookup_by_name(&self, _name: &str) -> VirResult<DomainRef> {
        unsupported!(Domain, "virDomainLookupByName")
    }
    /// virDomainLookupByUUID
    async fn domain_lookup_by_uuid(&self, _uuid: Uuid) -> VirResult<DomainRef> {
        unsupported!(Domain, "virDomainLookupByUUID")
    }
    /// virDomainDefineXMLFlags
    async fn domain_define_xml(&self, _xml: &str, _flags: u32) -> VirResult<DomainRef> {
        unsupported!(Domain, "virDomainDefineXMLFlags")
    }
    /// virDomainUndefineFlags
    async fn domain_undefine(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainUndefineFlags")
    }
    /// virDomainCreateXML
    async fn domain_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<DomainRef> {
        unsupported!(Domain, "virDomainCreateXML")
    }
    /// virDomainCreateWithFlags
    async fn domain_create(&self, _dom: &DomainRef, _flags: u32) -> VirResult<DomainRef> {
        unsupported!(Domain, "virDomainCreateWithFlags")
    }
    /// virDomainDestroyFlags
    async fn domain_destroy(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainDestroyFlags")
    }
    /// virDomainShutdownFlags
    async fn domain_shutdown(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainShutdownFlags")
    }
    /// virDomainReboot
    async fn domain_reboot(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainReboot")
    }
    /// virDomainReset
    async fn domain_reset(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainReset")
    }
    /// virDomainSuspend
    async fn domain_suspend(&self, _dom: &DomainRef) -> VirResult<()> {
        unsupported!(Domain, "virDomainSuspend")
    }
    /// virDomainResume
    async fn domain_resume(&self, _dom: &DomainRef) -> VirResult<()> {
        unsupported!(Domain, "virDomainResume")
    }
    /// virDomainPMSuspendForDuration
    async fn domain_pm_suspend_for_duration(
        &self,
        _dom: &DomainRef,
        _target: u32,
        _duration: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainPMSuspendForDuration")
    }
    /// virDomainPMWakeup
    async fn domain_pm_wakeup(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainPMWakeup")
    }
    /// virDomainGetInfo
    async fn domain_get_info(&self, _dom: &DomainRef) -> VirResult<DomainInfo> {
        unsupported!(Domain, "virDomainGetInfo")
    }
    /// virDomainGetState: (state, reason).
    async fn domain_get_state(&self, _dom: &DomainRef, _flags: u32) -> VirResult<(i32, i32)> {
        unsupported!(Domain, "virDomainGetState")
    }
    /// virDomainGetControlInfo
    async fn domain_get_control_info(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<ControlInfo> {
        unsupported!(Domain, "virDomainGetControlInfo")
    }
    /// virDomainGetXMLDesc
    async fn domain_get_xml_desc(&self, _dom: &DomainRef, _flags: u32) -> VirResult<String> {
        unsupported!(Domain, "virDomainGetXMLDesc")
    }
    /// virDomainGetOSType
    async fn domain_get_os_type(&self, _dom: &DomainRef) -> VirResult<String> {
        unsupported!(Domain, "virDomainGetOSType")
    }
    /// virDomainGetMaxMemory (KiB)
    async fn domain_get_max_memory(&self, _dom: &DomainRef) -> VirResult<u64> {
        unsupported!(Domain, "virDomainGetMaxMemory")
    }
    /// virDomainGetMaxVcpus
    async fn domain_get_max_vcpus(&self, _dom: &DomainRef) -> VirResult<i32> {
        unsupported!(Domain, "virDomainGetMaxVcpus")
    }
    /// virDomainIsActive
    async fn domain_is_active(&self, _dom: &DomainRef) -> VirResult<bool> {
        unsupported!(Domain, "virDomainIsActive")
    }
    /// virDomainIsPersistent
    async fn domain_is_persistent(&self, _dom: &DomainRef) -> VirResult<bool> {
        unsupported!(Domain, "virDomainIsPersistent")
    }
    /// virDomainIsUpdated
    async fn domain_is_updated(&self, _dom: &DomainRef) -> VirResult<bool> {
        unsupported!(Domain, "virDomainIsUpdated")
    }
    /// virDomainGetAutostart
    async fn domain_get_autostart(&self, _dom: &DomainRef) -> VirResult<bool> {
        unsupported!(Domain, "virDomainGetAutostart")
    }
    /// virDomainSetAutostart
    async fn domain_set_autostart(&self, _dom: &DomainRef, _autostart: bool) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetAutostart")
    }
    /// virDomainSetMaxMemory (KiB)
    async fn domain_set_max_memory(&self, _dom: &DomainRef, _kib: u64) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetMaxMemory")
    }
    /// virDomainSetMemoryFlags (KiB)
    async fn domain_set_memory_flags(
        &self,
        _dom: &DomainRef,
        _kib: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetMemoryFlags")
    }
    /// virDomainSetMemoryStatsPeriod
    async fn domain_set_memory_stats_period(
        &self,
        _dom: &DomainRef,
        _period: i32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetMemoryStatsPeriod")
    }
    /// virDomainSetVcpusFlags
    async fn domain_set_vcpus_flags(
        &self,
        _dom: &DomainRef,
        _nvcpus: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetVcpusFlags")
    }
    /// virDomainGetVcpusFlags
    async fn domain_get_vcpus_flags(&self, _dom: &DomainRef, _flags: u32) -> VirResult<i32> {
        unsupported!(Domain, "virDomainGetVcpusFlags")
    }
    /// virDomainGetVcpus: per-vCPU info plus `maplen`-byte cpumaps for each.
    async fn domain_get_vcpus(
        &self,
        _dom: &DomainRef,
        _maxinfo: i32,
        _maplen: i32,
    ) -> VirResult<(Vec<VcpuInfo>, Vec<u8>)> {
        unsupported!(Domain, "virDomainGetVcpus")
    }
    /// virDomainPinVcpuFlags
    async fn domain_pin_vcpu_flags(
        &self,
        _dom: &DomainRef,
        _vcpu: u32,
        _cpumap: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainPinVcpuFlags")
    }
    /// virDomainGetVcpuPinInfo: (cpumaps, count)
    async fn domain_get_vcpu_pin_info(
        &self,
        _dom: &DomainRef,
        _ncpumaps: i32,
        _maplen: i32,
        _flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        unsupported!(Domain, "virDomainGetVcpuPinInfo")
    }
    /// virDomainPinEmulator
    async fn domain_pin_emulator(
        &self,
        _dom: &DomainRef,
        _cpumap: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainPinEmulator")
    }
    /// virDomainGetEmulatorPinInfo: (cpumap, ret)
    async fn domain_get_emulator_pin_info(
        &self,
        _dom: &DomainRef,
        _maplen: i32,
        _flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        unsupported!(Domain, "virDomainGetEmulatorPinInfo")
    }
    /// virDomainSave / virDomainSaveFlags
    async fn domain_save(
        &self,
        _dom: &DomainRef,
        _to: &str,
        _dxml: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSaveFlags")
    }
    /// virDomainRestore / virDomainRestoreFlags
    async fn domain_restore(
        &self,
        _from: &str,
        _dxml: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainRestoreFlags")
    }
    /// virDomainSaveImageGetXMLDesc
    async fn domain_save_image_get_xml_desc(&self, _file: &str, _flags: u32) -> VirResult<String> {
        unsupported!(Domain, "virDomainSaveImageGetXMLDesc")
    }
    /// virDomainSaveImageDefineXML
    async fn domain_save_image_define_xml(
        &self,
        _file: &str,
        _dxml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSaveImageDefineXML")
    }
    /// virDomainCoreDumpWithFormat
    async fn domain_core_dump(
        &self,
        _dom: &DomainRef,
        _to: &str,
        _format: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainCoreDumpWithFormat")
    }
    /// virDomainManagedSave
    async fn domain_managed_save(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainManagedSave")
    }
    /// virDomainHasManagedSaveImage
    async fn domain_has_managed_save_image(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<bool> {
        unsupported!(Domain, "virDomainHasManagedSaveImage")
    }
    /// virDomainManagedSaveRemove
    async fn domain_managed_save_remove(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainManagedSaveRemove")
    }
    /// virDomainManagedSaveGetXMLDesc
    async fn domain_managed_save_get_xml_desc(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!(Domain, "virDomainManagedSaveGetXMLDesc")
    }
    /// virDomainManagedSaveDefineXML
    async fn domain_managed_save_define_xml(
        &self,
        _dom: &DomainRef,
        _dxml: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainManagedSaveDefineXML")
    }
    /// virDomainGetMetadata
    async fn domain_get_metadata(
        &self,
        _dom: &DomainRef,
        _kind: i32,
        _uri: Option<String>,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!(Domain, "virDomainGetMetadata")
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
        unsupported!(Domain, "virDomainSetMetadata")
    }
    /// virDomainRename
    async fn domain_rename(&self, _dom: &DomainRef, _new_name: &str, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainRename")
    }
    /// virDomainGetSchedulerType: (type, nparams)
    async fn domain_get_scheduler_type(&self, _dom: &DomainRef) -> VirResult<(String, i32)> {
        unsupported!(Domain, "virDomainGetSchedulerType")
    }
    /// virDomainGetSchedulerParametersFlags
    async fn domain_get_scheduler_parameters(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainGetSchedulerParametersFlags")
    }
    /// virDomainSetSchedulerParametersFlags
    async fn domain_set_scheduler_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetSchedulerParametersFlags")
    }
    /// virDomainGetMemoryParameters
    async fn domain_get_memory_parameters(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainGetMemoryParameters")
    }
    /// virDomainSetMemoryParameters
    async fn domain_set_memory_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetMemoryParameters")
    }
    /// virDomainGetBlkioParameters
    async fn domain_get_blkio_parameters(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainGetBlkioParameters")
    }
    /// virDomainSetBlkioParameters
    async fn domain_set_blkio_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetBlkioParameters")
    }
    /// virDomainGetNumaParameters
    async fn domain_get_numa_parameters(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainGetNumaParameters")
    }
    /// virDomainSetNumaParameters
    async fn domain_set_numa_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetNumaParameters")
    }
    /// virDomainGetInterfaceParameters
    async fn domain_get_interface_parameters(
        &self,
        _dom: &DomainRef,
        _device: &str,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainGetInterfaceParameters")
    }
    /// virDomainSetInterfaceParameters
    async fn domain_set_interface_parameters(
        &self,
        _dom: &DomainRef,
        _device: &str,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetInterfaceParameters")
    }
    /// virDomainGetBlockIoTune
    async fn domain_get_block_io_tune(
        &self,
        _dom: &DomainRef,
        _disk: Option<String>,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainGetBlockIoTune")
    }
    /// virDomainSetBlockIoTune
    async fn domain_set_block_io_tune(
        &self,
        _dom: &DomainRef,
        _disk: &str,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetBlockIoTune")
    }
    /// virDomainBlockStats
    async fn domain_block_stats(&self, _dom: &DomainRef, _path: &str) -> VirResult<BlockStats> {
        unsupported!(Domain, "virDomainBlockStats")
    }
    /// virDomainBlockStatsFlags
    async fn domain_block_stats_flags(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainBlockStatsFlags")
    }
    /// virDomainInterfaceStats
    async fn domain_interface_stats(
        &self,
        _dom: &DomainRef,
        _device: &str,
    ) -> VirResult<InterfaceStats> {
        unsupported!(Domain, "virDomainInterfaceStats")
    }
    /// virDomainMemoryStats
    async fn domain_memory_stats(
        &self,
        _dom: &DomainRef,
        _max_stats: u32,
        _flags: u32,
    ) -> VirResult<Vec<MemoryStat>> {
        unsupported!(Domain, "virDomainMemoryStats")
    }
    /// virDomainGetBlockInfo
    async fn domain_get_block_info(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _flags: u32,
    ) -> VirResult<BlockInfo> {
        unsupported!(Domain, "virDomainGetBlockInfo")
    }
    /// virDomainGetCPUStats
    async fn domain_get_cpu_stats(
        &self,
        _dom: &DomainRef,
        _start_cpu: i32,
        _ncpus: u32,
        _flags: u32,
    ) -> VirResult<Vec<Vec<TypedParam>>> {
        unsupported!(Domain, "virDomainGetCPUStats")
    }
    /// virConnectGetAllDomainStats / virDomainListGetStats (empty `doms` = all)
    async fn get_all_domain_stats(
        &self,
        _doms: Vec<DomainRef>,
        _stats: u32,
        _flags: u32,
    ) -> VirResult<Vec<DomainStatsRecord>> {
        unsupported!(Domain, "virConnectGetAllDomainStats")
    }
    /// virDomainGetSecurityLabel
    async fn domain_get_security_label(&self, _dom: &DomainRef) -> VirResult<SecurityLabel> {
        unsupported!(Domain, "virDomainGetSecurityLabel")
    }
    /// virDomainGetSecurityLabelList
    async fn domain_get_security_label_list(
        &self,
        _dom: &DomainRef,
    ) -> VirResult<Vec<SecurityLabel>> {
        unsupported!(Domain, "virDomainGetSecurityLabelList")
    }
    /// virDomainGetMessages
    async fn domain_get_messages(&self, _dom: &DomainRef, _flags: u32) -> VirResult<Vec<String>> {
        unsupported!(Domain, "virDomainGetMessages")
    }
    /// virDomainAttachDeviceFlags
    async fn domain_attach_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainAttachDeviceFlags")
    }
    /// virDomainDetachDeviceFlags
    async fn domain_detach_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainDetachDeviceFlags")
    }
    /// virDomainDetachDeviceAlias
    async fn domain_detach_device_alias(
        &self,
        _dom: &DomainRef,
        _alias: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainDetachDeviceAlias")
    }
    /// virDomainUpdateDeviceFlags
    async fn domain_update_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainUpdateDeviceFlags")
    }
    /// virDomainGetJobInfo
    async fn domain_get_job_info(&self, _dom: &DomainRef) -> VirResult<JobInfo> {
        unsupported!(Domain, "virDomainGetJobInfo")
    }
    /// virDomainGetJobStats: (type, params)
    async fn domain_get_job_stats(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<(i32, Vec<TypedParam>)> {
        unsupported!(Domain, "virDomainGetJobStats")
    }
    /// virDomainAbortJobFlags
    async fn domain_abort_job(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainAbortJob")
    }
    /// virDomainInjectNMI
    async fn domain_inject_nmi(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        unsupported!(Domain, "virDomainInjectNMI")
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
        unsupported!(Domain, "virDomainSendKey")
    }
    /// virDomainSetLifecycleAction
    async fn domain_set_lifecycle_action(
        &self,
        _dom: &DomainRef,
        _kind: u32,
        _action: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetLifecycleAction")
    }
    /// virDomainGetHostname
    async fn domain_get_hostname(&self, _dom: &DomainRef, _flags: u32) -> VirResult<String> {
        unsupported!(Domain, "virDomainGetHostname")
    }
    /// virDomainInterfaceAddresses
    async fn domain_interface_addresses(
        &self,
        _dom: &DomainRef,
        _source: u32,
        _flags: u32,
    ) -> VirResult<Vec<DomainInterface>> {
        unsupported!(Domain, "virDomainInterfaceAddresses")
    }
    /// virDomainGetTime
    async fn domain_get_time(&self, _dom: &DomainRef, _flags: u32) -> VirResult<GuestTime> {
        unsupported!(Domain, "virDomainGetTime")
    }
    /// virDomainSetTime
    async fn domain_set_time(
        &self,
        _dom: &DomainRef,
        _time: GuestTime,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetTime")
    }
    /// virDomainFSFreeze
    async fn domain_fs_freeze(
        &self,
        _dom: &DomainRef,
        _mountpoints: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        unsupported!(Domain, "virDomainFSFreeze")
    }
    /// virDomainFSThaw
    async fn domain_fs_thaw(
        &self,
        _dom: &DomainRef,
        _mountpoints: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        unsupported!(Domain, "virDomainFSThaw")
    }
    /// virDomainGetGuestInfo
    async fn domain_get_guest_info(
        &self,
        _dom: &DomainRef,
        _types: u32,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainGetGuestInfo")
    }
    /// virDomainOpenConsole
    async fn domain_open_console(
        &self,
        _dom: &DomainRef,
        _dev_name: Option<String>,
        _flags: u32,
    ) -> VirResult<DataStream> {
        unsupported!(Domain, "virDomainOpenConsole")
    }
    /// virDomainOpenChannel
    async fn domain_open_channel(
        &self,
        _dom: &DomainRef,
        _name: Option<String>,
        _flags: u32,
    ) -> VirResult<DataStream> {
        unsupported!(Domain, "virDomainOpenChannel")
    }
    /// virDomainScreenshot: (mime type, image stream)
    async fn domain_screenshot(
        &self,
        _dom: &DomainRef,
        _screen: u32,
        _flags: u32,
    ) -> VirResult<(Option<String>, DataStream)> {
        unsupported!(Domain, "virDomainScreenshot")
    }
    /// virDomainSetUserPassword
    async fn domain_set_user_password(
        &self,
        _dom: &DomainRef,
        _user: &str,
        _password: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetUserPassword")
    }
    /// virDomainGetFSInfo
    async fn domain_get_fsinfo(&self, _dom: &DomainRef, _flags: u32) -> VirResult<Vec<FsInfo>> {
        unsupported!(Domain, "virDomainGetFSInfo")
    }
    /// virDomainFSTrim
    async fn domain_fstrim(
        &self,
        _dom: &DomainRef,
        _mount_point: Option<String>,
        _minimum: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainFSTrim")
    }
    /// virDomainGetDiskErrors: every disk in error (the daemon caps the list)
    async fn domain_get_disk_errors(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<DiskError>> {
        unsupported!(Domain, "virDomainGetDiskErrors")
    }
    /// virDomainGetIOThreadInfo
    async fn domain_get_iothread_info(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<IoThreadInfo>> {
        unsupported!(Domain, "virDomainGetIOThreadInfo")
    }
    /// virDomainPinIOThread
    async fn domain_pin_iothread(
        &self,
        _dom: &DomainRef,
        _iothread_id: u32,
        _cpumap: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainPinIOThread")
    }
    /// virDomainAddIOThread
    async fn domain_add_iothread(
        &self,
        _dom: &DomainRef,
        _iothread_id: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainAddIOThread")
    }
    /// virDomainDelIOThread
    async fn domain_del_iothread(
        &self,
        _dom: &DomainRef,
        _iothread_id: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainDelIOThread")
    }
    /// virDomainSetIOThreadParams
    async fn domain_set_iothread_params(
        &self,
        _dom: &DomainRef,
        _iothread_id: u32,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetIOThreadParams")
    }
    /// virDomainGetGuestVcpus
    async fn domain_get_guest_vcpus(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        unsupported!(Domain, "virDomainGetGuestVcpus")
    }
    /// virDomainSetGuestVcpus
    async fn domain_set_guest_vcpus(
        &self,
        _dom: &DomainRef,
        _cpumap: &str,
        _state: i32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetGuestVcpus")
    }
    /// virDomainSetVcpu
    async fn domain_set_vcpu(
        &self,
        _dom: &DomainRef,
        _cpumap: &str,
        _state: i32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetVcpu")
    }
    /// virDomainSetBlockThreshold
    async fn domain_set_block_threshold(
        &self,
        _dom: &DomainRef,
        _dev: &str,
        _threshold: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSetBlockThreshold")
    }
    /// virDomainSendProcessSignal
    async fn domain_send_process_signal(
        &self,
        _dom: &DomainRef,
        _pid: i64,
        _signum: u32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainSendProcessSignal")
    }
    /// virDomainBlockJobAbort
    async fn domain_block_job_abort(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainBlockJobAbort")
    }
    /// virDomainGetBlockJobInfo: `None` when no job runs on the disk
    async fn domain_get_block_job_info(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _flags: u32,
    ) -> VirResult<Option<BlockJobInfo>> {
        unsupported!(Domain, "virDomainGetBlockJobInfo")
    }
    /// virDomainBlockJobSetSpeed
    async fn domain_block_job_set_speed(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _bandwidth: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainBlockJobSetSpeed")
    }
    /// virDomainBlockPull
    async fn domain_block_pull(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _bandwidth: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainBlockPull")
    }
    /// virDomainBlockResize
    async fn domain_block_resize(
        &self,
        _dom: &DomainRef,
        _disk: &str,
        _size: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainBlockResize")
    }
    /// virDomainBlockRebase
    async fn domain_block_rebase(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _base: Option<String>,
        _bandwidth: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainBlockRebase")
    }
    /// virDomainBlockCommit
    async fn domain_block_commit(
        &self,
        _dom: &DomainRef,
        _disk: &str,
        _base: Option<String>,
        _top: Option<String>,
        _bandwidth: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainBlockCommit")
    }
    /// virDomainBlockCopy
    async fn domain_block_copy(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _destxml: &str,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainBlockCopy")
    }
    /// virDomainAuthorizedSSHKeysGet
    async fn domain_authorized_ssh_keys_get(
        &self,
        _dom: &DomainRef,
        _user: &str,
        _flags: u32,
    ) -> VirResult<Vec<String>> {
        unsupported!(Domain, "virDomainAuthorizedSSHKeysGet")
    }
    /// virDomainAuthorizedSSHKeysSet
    async fn domain_authorized_ssh_keys_set(
        &self,
        _dom: &DomainRef,
        _user: &str,
        _keys: Vec<String>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainAuthorizedSSHKeysSet")
    }
    /// virDomainAgentSetResponseTimeout
    async fn domain_agent_set_response_timeout(
        &self,
        _dom: &DomainRef,
        _timeout: i32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainAgentSetResponseTimeout")
    }
    /// virDomainStartDirtyRateCalc
    async fn domain_start_dirty_rate_calc(
        &self,
        _dom: &DomainRef,
        _seconds: i32,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!(Domain, "virDomainStartDirtyRateCalc")
    }
}
