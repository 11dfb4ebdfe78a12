//! Domain APIs (`libvirt-domain.c`) of
//! `ReadOnlyConnection` (see the parent module): each state-changing API is refused on a
//! read-only connection before the driver runs; everything else forwards unchanged.

use async_trait::async_trait;
use rvirt_core::driver::*;
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::handle::*;
use rvirt_core::info::*;
use rvirt_core::stream::DataStream;
use rvirt_core::typed_param::TypedParam;
use rvirt_core::Uuid;

use super::{denied, secure_flag, ReadOnlyConnection};

#[async_trait]
impl DomainDriver for ReadOnlyConnection {
    /// virConnectListAllDomains
    async fn list_all_domains(&self, flags: u32) -> VirResult<Vec<DomainRef>> {
        self.inner.list_all_domains(flags).await
    }

    /// virConnectListDomains: ids of running domains.
    async fn list_domain_ids(&self) -> VirResult<Vec<i32>> {
        self.inner.list_domain_ids().await
    }

    /// virConnectListDefinedDomains: names of inactive persistent domains.
    async fn list_defined_domains(&self) -> VirResult<Vec<String>> {
        self.inner.list_defined_domains().await
    }

    /// virDomainLookupByID
    async fn domain_lookup_by_id(&self, id: i32) -> VirResult<DomainRef> {
        self.inner.domain_lookup_by_id(id).await
    }

    /// virDomainLookupByName
    async fn domain_lookup_by_name(&self, name: &str) -> VirResult<DomainRef> {
        self.inner.domain_lookup_by_name(name).await
    }

    /// virDomainLookupByUUID
    async fn domain_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<DomainRef> {
        self.inner.domain_lookup_by_uuid(uuid).await
    }

    /// virDomainDefineXMLFlags
    async fn domain_define_xml(&self, _xml: &str, flags: u32) -> VirResult<DomainRef> {
        Err(denied(
            ErrorDomain::Domain,
            if flags == 0 {
                "virDomainDefineXML"
            } else {
                "virDomainDefineXMLFlags"
            },
        ))
    }

    /// virDomainUndefineFlags
    async fn domain_undefine(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainUndefineFlags"))
    }

    /// virDomainCreateXML
    async fn domain_create_xml(&self, _xml: &str, _flags: u32) -> VirResult<DomainRef> {
        Err(denied(ErrorDomain::Domain, "virDomainCreateXML"))
    }

    /// virDomainCreateWithFlags
    async fn domain_create(&self, _dom: &DomainRef, flags: u32) -> VirResult<DomainRef> {
        Err(denied(
            ErrorDomain::Domain,
            if flags == 0 {
                "virDomainCreate"
            } else {
                "virDomainCreateWithFlags"
            },
        ))
    }

    /// virDomainDestroyFlags
    async fn domain_destroy(&self, _dom: &DomainRef, flags: u32) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            if flags == 0 {
                "virDomainDestroy"
            } else {
                "virDomainDestroyFlags"
            },
        ))
    }

    /// virDomainShutdownFlags
    async fn domain_shutdown(&self, _dom: &DomainRef, flags: u32) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            if flags == 0 {
                "virDomainShutdown"
            } else {
                "virDomainShutdownFlags"
            },
        ))
    }

    /// virDomainReboot
    async fn domain_reboot(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainReboot"))
    }

    /// virDomainReset
    async fn domain_reset(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainReset"))
    }

    /// virDomainSuspend
    async fn domain_suspend(&self, _dom: &DomainRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSuspend"))
    }

    /// virDomainResume
    async fn domain_resume(&self, _dom: &DomainRef) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainResume"))
    }

    /// virDomainPMSuspendForDuration
    async fn domain_pm_suspend_for_duration(
        &self,
        _dom: &DomainRef,
        _target: u32,
        _duration: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainPMSuspendForDuration"))
    }

    /// virDomainPMWakeup
    async fn domain_pm_wakeup(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainPMWakeup"))
    }

    /// virDomainGetInfo
    async fn domain_get_info(&self, dom: &DomainRef) -> VirResult<DomainInfo> {
        self.inner.domain_get_info(dom).await
    }

    /// virDomainGetState: (state, reason).
    async fn domain_get_state(&self, dom: &DomainRef, flags: u32) -> VirResult<(i32, i32)> {
        self.inner.domain_get_state(dom, flags).await
    }

    /// virDomainGetControlInfo
    async fn domain_get_control_info(&self, dom: &DomainRef, flags: u32) -> VirResult<ControlInfo> {
        self.inner.domain_get_control_info(dom, flags).await
    }

    /// virDomainGetXMLDesc
    async fn domain_get_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        secure_flag(ErrorDomain::Domain, "virDomainGetXMLDesc", flags)?;
        self.inner.domain_get_xml_desc(dom, flags).await
    }

    /// virDomainGetOSType
    async fn domain_get_os_type(&self, dom: &DomainRef) -> VirResult<String> {
        self.inner.domain_get_os_type(dom).await
    }

    /// virDomainGetMaxMemory (KiB)
    async fn domain_get_max_memory(&self, dom: &DomainRef) -> VirResult<u64> {
        self.inner.domain_get_max_memory(dom).await
    }

    /// virDomainGetMaxVcpus
    async fn domain_get_max_vcpus(&self, dom: &DomainRef) -> VirResult<i32> {
        self.inner.domain_get_max_vcpus(dom).await
    }

    /// virDomainIsActive
    async fn domain_is_active(&self, dom: &DomainRef) -> VirResult<bool> {
        self.inner.domain_is_active(dom).await
    }

    /// virDomainIsPersistent
    async fn domain_is_persistent(&self, dom: &DomainRef) -> VirResult<bool> {
        self.inner.domain_is_persistent(dom).await
    }

    /// virDomainIsUpdated
    async fn domain_is_updated(&self, dom: &DomainRef) -> VirResult<bool> {
        self.inner.domain_is_updated(dom).await
    }

    /// virDomainGetAutostart
    async fn domain_get_autostart(&self, dom: &DomainRef) -> VirResult<bool> {
        self.inner.domain_get_autostart(dom).await
    }

    /// virDomainSetAutostart
    async fn domain_set_autostart(&self, _dom: &DomainRef, _autostart: bool) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetAutostart"))
    }

    /// virDomainSetMaxMemory (KiB)
    async fn domain_set_max_memory(&self, _dom: &DomainRef, _kib: u64) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetMaxMemory"))
    }

    /// virDomainSetMemoryFlags (KiB)
    async fn domain_set_memory_flags(
        &self,
        _dom: &DomainRef,
        _kib: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetMemoryFlags"))
    }

    /// virDomainSetMemoryStatsPeriod
    async fn domain_set_memory_stats_period(
        &self,
        _dom: &DomainRef,
        _period: i32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetMemoryStatsPeriod"))
    }

    /// virDomainSetVcpusFlags
    async fn domain_set_vcpus_flags(
        &self,
        _dom: &DomainRef,
        _nvcpus: u32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetVcpusFlags"))
    }

    /// virDomainGetVcpusFlags
    async fn domain_get_vcpus_flags(&self, dom: &DomainRef, flags: u32) -> VirResult<i32> {
        self.inner.domain_get_vcpus_flags(dom, flags).await
    }

    /// virDomainGetVcpus: per-vCPU info plus `maplen`-byte cpumaps for each.
    async fn domain_get_vcpus(
        &self,
        dom: &DomainRef,
        maxinfo: i32,
        maplen: i32,
    ) -> VirResult<(Vec<VcpuInfo>, Vec<u8>)> {
        self.inner.domain_get_vcpus(dom, maxinfo, maplen).await
    }

    /// virDomainPinVcpuFlags
    async fn domain_pin_vcpu_flags(
        &self,
        _dom: &DomainRef,
        _vcpu: u32,
        _cpumap: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainPinVcpuFlags"))
    }

    /// virDomainGetVcpuPinInfo: (cpumaps, count)
    async fn domain_get_vcpu_pin_info(
        &self,
        dom: &DomainRef,
        ncpumaps: i32,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        self.inner
            .domain_get_vcpu_pin_info(dom, ncpumaps, maplen, flags)
            .await
    }

    /// virDomainPinEmulator
    async fn domain_pin_emulator(
        &self,
        _dom: &DomainRef,
        _cpumap: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainPinEmulator"))
    }

    /// virDomainGetEmulatorPinInfo: (cpumap, ret)
    async fn domain_get_emulator_pin_info(
        &self,
        dom: &DomainRef,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        self.inner
            .domain_get_emulator_pin_info(dom, maplen, flags)
            .await
    }

    /// virDomainSave / virDomainSaveFlags
    async fn domain_save(
        &self,
        _dom: &DomainRef,
        _to: &str,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            if dxml.is_none() && flags == 0 {
                "virDomainSave"
            } else {
                "virDomainSaveFlags"
            },
        ))
    }

    /// virDomainRestore / virDomainRestoreFlags
    async fn domain_restore(&self, _from: &str, dxml: Option<String>, flags: u32) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            if dxml.is_none() && flags == 0 {
                "virDomainRestore"
            } else {
                "virDomainRestoreFlags"
            },
        ))
    }

    /// virDomainSaveImageGetXMLDesc
    async fn domain_save_image_get_xml_desc(&self, _file: &str, _flags: u32) -> VirResult<String> {
        Err(denied(ErrorDomain::Domain, "virDomainSaveImageGetXMLDesc"))
    }

    /// virDomainSaveImageDefineXML
    async fn domain_save_image_define_xml(
        &self,
        _file: &str,
        _dxml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSaveImageDefineXML"))
    }

    /// virDomainCoreDumpWithFormat
    async fn domain_core_dump(
        &self,
        _dom: &DomainRef,
        _to: &str,
        format: u32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            if format == 0 {
                "virDomainCoreDump"
            } else {
                "virDomainCoreDumpWithFormat"
            },
        ))
    }

    /// virDomainManagedSave
    async fn domain_managed_save(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainManagedSave"))
    }

    /// virDomainHasManagedSaveImage
    async fn domain_has_managed_save_image(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        self.inner.domain_has_managed_save_image(dom, flags).await
    }

    /// virDomainManagedSaveRemove
    async fn domain_managed_save_remove(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainManagedSaveRemove"))
    }

    /// virDomainManagedSaveGetXMLDesc
    async fn domain_managed_save_get_xml_desc(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<String> {
        secure_flag(ErrorDomain::Domain, "virDomainManagedSaveGetXMLDesc", flags)?;
        self.inner
            .domain_managed_save_get_xml_desc(dom, flags)
            .await
    }

    /// virDomainManagedSaveDefineXML
    async fn domain_managed_save_define_xml(
        &self,
        _dom: &DomainRef,
        _dxml: Option<String>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainManagedSaveDefineXML"))
    }

    /// virDomainGetMetadata
    async fn domain_get_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.inner.domain_get_metadata(dom, kind, uri, flags).await
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
        Err(denied(ErrorDomain::Domain, "virDomainSetMetadata"))
    }

    /// virDomainRename
    async fn domain_rename(&self, _dom: &DomainRef, _new_name: &str, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainRename"))
    }

    /// virDomainGetSchedulerType: (type, nparams)
    async fn domain_get_scheduler_type(&self, dom: &DomainRef) -> VirResult<(String, i32)> {
        self.inner.domain_get_scheduler_type(dom).await
    }

    /// virDomainGetSchedulerParametersFlags
    async fn domain_get_scheduler_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.inner.domain_get_scheduler_parameters(dom, flags).await
    }

    /// virDomainSetSchedulerParametersFlags
    async fn domain_set_scheduler_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            "virDomainSetSchedulerParametersFlags",
        ))
    }

    /// virDomainGetMemoryParameters
    async fn domain_get_memory_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.inner.domain_get_memory_parameters(dom, flags).await
    }

    /// virDomainSetMemoryParameters
    async fn domain_set_memory_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetMemoryParameters"))
    }

    /// virDomainGetBlkioParameters
    async fn domain_get_blkio_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.inner.domain_get_blkio_parameters(dom, flags).await
    }

    /// virDomainSetBlkioParameters
    async fn domain_set_blkio_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetBlkioParameters"))
    }

    /// virDomainGetNumaParameters
    async fn domain_get_numa_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.inner.domain_get_numa_parameters(dom, flags).await
    }

    /// virDomainSetNumaParameters
    async fn domain_set_numa_parameters(
        &self,
        _dom: &DomainRef,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetNumaParameters"))
    }

    /// virDomainGetInterfaceParameters
    async fn domain_get_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.inner
            .domain_get_interface_parameters(dom, device, flags)
            .await
    }

    /// virDomainSetInterfaceParameters
    async fn domain_set_interface_parameters(
        &self,
        _dom: &DomainRef,
        _device: &str,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            "virDomainSetInterfaceParameters",
        ))
    }

    /// virDomainGetBlockIoTune
    async fn domain_get_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.inner.domain_get_block_io_tune(dom, disk, flags).await
    }

    /// virDomainSetBlockIoTune
    async fn domain_set_block_io_tune(
        &self,
        _dom: &DomainRef,
        _disk: &str,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetBlockIoTune"))
    }

    /// virDomainBlockStats
    async fn domain_block_stats(&self, dom: &DomainRef, path: &str) -> VirResult<BlockStats> {
        self.inner.domain_block_stats(dom, path).await
    }

    /// virDomainBlockStatsFlags
    async fn domain_block_stats_flags(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.inner.domain_block_stats_flags(dom, path, flags).await
    }

    /// virDomainInterfaceStats
    async fn domain_interface_stats(
        &self,
        dom: &DomainRef,
        device: &str,
    ) -> VirResult<InterfaceStats> {
        self.inner.domain_interface_stats(dom, device).await
    }

    /// virDomainMemoryStats
    async fn domain_memory_stats(
        &self,
        dom: &DomainRef,
        max_stats: u32,
        flags: u32,
    ) -> VirResult<Vec<MemoryStat>> {
        self.inner.domain_memory_stats(dom, max_stats, flags).await
    }

    /// virDomainGetBlockInfo
    async fn domain_get_block_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<BlockInfo> {
        self.inner.domain_get_block_info(dom, path, flags).await
    }

    /// virDomainGetCPUStats
    async fn domain_get_cpu_stats(
        &self,
        dom: &DomainRef,
        start_cpu: i32,
        ncpus: u32,
        flags: u32,
    ) -> VirResult<Vec<Vec<TypedParam>>> {
        self.inner
            .domain_get_cpu_stats(dom, start_cpu, ncpus, flags)
            .await
    }

    /// virConnectGetAllDomainStats / virDomainListGetStats (empty `doms` = all)
    async fn get_all_domain_stats(
        &self,
        doms: Vec<DomainRef>,
        stats: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainStatsRecord>> {
        self.inner.get_all_domain_stats(doms, stats, flags).await
    }

    /// virDomainGetSecurityLabel
    async fn domain_get_security_label(&self, dom: &DomainRef) -> VirResult<SecurityLabel> {
        self.inner.domain_get_security_label(dom).await
    }

    /// virDomainGetSecurityLabelList
    async fn domain_get_security_label_list(
        &self,
        dom: &DomainRef,
    ) -> VirResult<Vec<SecurityLabel>> {
        self.inner.domain_get_security_label_list(dom).await
    }

    /// virDomainGetMessages
    async fn domain_get_messages(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<String>> {
        self.inner.domain_get_messages(dom, flags).await
    }

    /// virDomainAttachDeviceFlags
    async fn domain_attach_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainAttachDeviceFlags"))
    }

    /// virDomainDetachDeviceFlags
    async fn domain_detach_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainDetachDeviceFlags"))
    }

    /// virDomainDetachDeviceAlias
    async fn domain_detach_device_alias(
        &self,
        _dom: &DomainRef,
        _alias: &str,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainDetachDeviceAlias"))
    }

    /// virDomainUpdateDeviceFlags
    async fn domain_update_device(
        &self,
        _dom: &DomainRef,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainUpdateDeviceFlags"))
    }

    /// virDomainGetJobInfo
    async fn domain_get_job_info(&self, dom: &DomainRef) -> VirResult<JobInfo> {
        self.inner.domain_get_job_info(dom).await
    }

    /// virDomainGetJobStats: (type, params)
    async fn domain_get_job_stats(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<(i32, Vec<TypedParam>)> {
        self.inner.domain_get_job_stats(dom, flags).await
    }

    /// virDomainAbortJobFlags
    async fn domain_abort_job(&self, _dom: &DomainRef, flags: u32) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            if flags == 0 {
                "virDomainAbortJob"
            } else {
                "virDomainAbortJobFlags"
            },
        ))
    }

    /// virDomainInjectNMI
    async fn domain_inject_nmi(&self, _dom: &DomainRef, _flags: u32) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainInjectNMI"))
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
        Err(denied(ErrorDomain::Domain, "virDomainSendKey"))
    }

    /// virDomainSetLifecycleAction
    async fn domain_set_lifecycle_action(
        &self,
        _dom: &DomainRef,
        _kind: u32,
        _action: u32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetLifecycleAction"))
    }

    /// virDomainGetHostname
    async fn domain_get_hostname(&self, _dom: &DomainRef, _flags: u32) -> VirResult<String> {
        Err(denied(ErrorDomain::Domain, "virDomainGetHostname"))
    }

    /// virDomainInterfaceAddresses
    async fn domain_interface_addresses(
        &self,
        dom: &DomainRef,
        source: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainInterface>> {
        self.inner
            .domain_interface_addresses(dom, source, flags)
            .await
    }

    /// virDomainGetTime
    async fn domain_get_time(&self, _dom: &DomainRef, _flags: u32) -> VirResult<GuestTime> {
        Err(denied(ErrorDomain::Domain, "virDomainGetTime"))
    }

    /// virDomainSetTime
    async fn domain_set_time(
        &self,
        _dom: &DomainRef,
        _time: GuestTime,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetTime"))
    }

    /// virDomainFSFreeze
    async fn domain_fs_freeze(
        &self,
        _dom: &DomainRef,
        _mountpoints: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        Err(denied(ErrorDomain::Domain, "virDomainFSFreeze"))
    }

    /// virDomainFSThaw
    async fn domain_fs_thaw(
        &self,
        _dom: &DomainRef,
        _mountpoints: Vec<String>,
        _flags: u32,
    ) -> VirResult<i32> {
        Err(denied(ErrorDomain::Domain, "virDomainFSThaw"))
    }

    /// virDomainGetGuestInfo
    async fn domain_get_guest_info(
        &self,
        _dom: &DomainRef,
        _types: u32,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        Err(denied(ErrorDomain::Domain, "virDomainGetGuestInfo"))
    }

    /// virDomainOpenConsole
    async fn domain_open_console(
        &self,
        _dom: &DomainRef,
        _dev_name: Option<String>,
        _flags: u32,
    ) -> VirResult<DataStream> {
        Err(denied(ErrorDomain::Domain, "virDomainOpenConsole"))
    }

    /// virDomainOpenChannel
    async fn domain_open_channel(
        &self,
        _dom: &DomainRef,
        _name: Option<String>,
        _flags: u32,
    ) -> VirResult<DataStream> {
        Err(denied(ErrorDomain::Domain, "virDomainOpenChannel"))
    }

    /// virDomainScreenshot: (mime type, image stream)
    async fn domain_screenshot(
        &self,
        _dom: &DomainRef,
        _screen: u32,
        _flags: u32,
    ) -> VirResult<(Option<String>, DataStream)> {
        Err(denied(ErrorDomain::Domain, "virDomainScreenshot"))
    }

    /// virDomainSetUserPassword
    async fn domain_set_user_password(
        &self,
        _dom: &DomainRef,
        _user: &str,
        _password: &str,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetUserPassword"))
    }

    /// virDomainGetFSInfo
    async fn domain_get_fsinfo(&self, _dom: &DomainRef, _flags: u32) -> VirResult<Vec<FsInfo>> {
        Err(denied(ErrorDomain::Domain, "virDomainGetFSInfo"))
    }

    /// virDomainFSTrim
    async fn domain_fstrim(
        &self,
        _dom: &DomainRef,
        _mount_point: Option<String>,
        _minimum: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainFSTrim"))
    }

    /// virDomainGetDiskErrors: every disk in error (the daemon caps the list)
    async fn domain_get_disk_errors(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DiskError>> {
        self.inner.domain_get_disk_errors(dom, flags).await
    }

    /// virDomainGetIOThreadInfo
    async fn domain_get_iothread_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<IoThreadInfo>> {
        self.inner.domain_get_iothread_info(dom, flags).await
    }

    /// virDomainPinIOThread
    async fn domain_pin_iothread(
        &self,
        _dom: &DomainRef,
        _iothread_id: u32,
        _cpumap: Vec<u8>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainPinIOThread"))
    }

    /// virDomainAddIOThread
    async fn domain_add_iothread(
        &self,
        _dom: &DomainRef,
        _iothread_id: u32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainAddIOThread"))
    }

    /// virDomainDelIOThread
    async fn domain_del_iothread(
        &self,
        _dom: &DomainRef,
        _iothread_id: u32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainDelIOThread"))
    }

    /// virDomainSetIOThreadParams
    async fn domain_set_iothread_params(
        &self,
        _dom: &DomainRef,
        _iothread_id: u32,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetIOThreadParams"))
    }

    /// virDomainGetGuestVcpus
    async fn domain_get_guest_vcpus(
        &self,
        _dom: &DomainRef,
        _flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        Err(denied(ErrorDomain::Domain, "virDomainGetGuestVcpus"))
    }

    /// virDomainSetGuestVcpus
    async fn domain_set_guest_vcpus(
        &self,
        _dom: &DomainRef,
        _cpumap: &str,
        _state: i32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetGuestVcpus"))
    }

    /// virDomainSetVcpu
    async fn domain_set_vcpu(
        &self,
        _dom: &DomainRef,
        _cpumap: &str,
        _state: i32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetVcpu"))
    }

    /// virDomainSetBlockThreshold
    async fn domain_set_block_threshold(
        &self,
        _dom: &DomainRef,
        _dev: &str,
        _threshold: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSetBlockThreshold"))
    }

    /// virDomainSendProcessSignal
    async fn domain_send_process_signal(
        &self,
        _dom: &DomainRef,
        _pid: i64,
        _signum: u32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainSendProcessSignal"))
    }

    /// virDomainBlockJobAbort
    async fn domain_block_job_abort(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainBlockJobAbort"))
    }

    /// virDomainGetBlockJobInfo: `None` when no job runs on the disk
    async fn domain_get_block_job_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<Option<BlockJobInfo>> {
        self.inner.domain_get_block_job_info(dom, path, flags).await
    }

    /// virDomainBlockJobSetSpeed
    async fn domain_block_job_set_speed(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _bandwidth: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainBlockJobSetSpeed"))
    }

    /// virDomainBlockPull
    async fn domain_block_pull(
        &self,
        _dom: &DomainRef,
        _path: &str,
        _bandwidth: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainBlockPull"))
    }

    /// virDomainBlockResize
    async fn domain_block_resize(
        &self,
        _dom: &DomainRef,
        _disk: &str,
        _size: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainBlockResize"))
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
        Err(denied(ErrorDomain::Domain, "virDomainBlockRebase"))
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
        Err(denied(ErrorDomain::Domain, "virDomainBlockCommit"))
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
        Err(denied(ErrorDomain::Domain, "virDomainBlockCopy"))
    }

    /// virDomainAuthorizedSSHKeysGet
    async fn domain_authorized_ssh_keys_get(
        &self,
        _dom: &DomainRef,
        _user: &str,
        _flags: u32,
    ) -> VirResult<Vec<String>> {
        Err(denied(ErrorDomain::Domain, "virDomainAuthorizedSSHKeysGet"))
    }

    /// virDomainAuthorizedSSHKeysSet
    async fn domain_authorized_ssh_keys_set(
        &self,
        _dom: &DomainRef,
        _user: &str,
        _keys: Vec<String>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainAuthorizedSSHKeysSet"))
    }

    /// virDomainAgentSetResponseTimeout
    async fn domain_agent_set_response_timeout(
        &self,
        _dom: &DomainRef,
        _timeout: i32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(
            ErrorDomain::Domain,
            "virDomainAgentSetResponseTimeout",
        ))
    }

    /// virDomainStartDirtyRateCalc
    async fn domain_start_dirty_rate_calc(
        &self,
        _dom: &DomainRef,
        _seconds: i32,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::Domain, "virDomainStartDirtyRateCalc"))
    }
}
