//! Domain APIs forwarded to the primary (hypervisor) driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::handle::*;
use crate::info::*;
use crate::stream::DataStream;
use crate::typed_param::TypedParam;
use async_trait::async_trait;

#[async_trait]
impl DomainDriver for ComposedConnection {
    /// virConnectListAllDomains
    async fn list_all_domains(&self, flags: u32) -> VirResult<Vec<DomainRef>> {
        self.primary.list_all_domains(flags).await
    }

    /// virConnectListDomains: ids of running domains.
    async fn list_domain_ids(&self) -> VirResult<Vec<i32>> {
        self.primary.list_domain_ids().await
    }

    /// virConnectListDefinedDomains: names of inactive persistent domains.
    async fn list_defined_domains(&self) -> VirResult<Vec<String>> {
        self.primary.list_defined_domains().await
    }

    /// virDomainLookupByID
    async fn domain_lookup_by_id(&self, id: i32) -> VirResult<DomainRef> {
        self.primary.domain_lookup_by_id(id).await
    }

    /// virDomainLookupByName
    async fn domain_lookup_by_name(&self, name: &str) -> VirResult<DomainRef> {
        self.primary.domain_lookup_by_name(name).await
    }

    /// virDomainLookupByUUID
    async fn domain_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<DomainRef> {
        self.primary.domain_lookup_by_uuid(uuid).await
    }

    /// virDomainDefineXMLFlags
    async fn domain_define_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        self.primary.domain_define_xml(xml, flags).await
    }

    /// virDomainUndefineFlags
    async fn domain_undefine(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_undefine(dom, flags).await
    }

    /// virDomainCreateXML
    async fn domain_create_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        self.primary.domain_create_xml(xml, flags).await
    }

    /// virDomainCreateWithFlags
    async fn domain_create(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainRef> {
        self.primary.domain_create(dom, flags).await
    }

    /// virDomainDestroyFlags
    async fn domain_destroy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_destroy(dom, flags).await
    }

    /// virDomainShutdownFlags
    async fn domain_shutdown(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_shutdown(dom, flags).await
    }

    /// virDomainReboot
    async fn domain_reboot(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_reboot(dom, flags).await
    }

    /// virDomainReset
    async fn domain_reset(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_reset(dom, flags).await
    }

    /// virDomainSuspend
    async fn domain_suspend(&self, dom: &DomainRef) -> VirResult<()> {
        self.primary.domain_suspend(dom).await
    }

    /// virDomainResume
    async fn domain_resume(&self, dom: &DomainRef) -> VirResult<()> {
        self.primary.domain_resume(dom).await
    }

    /// virDomainPMSuspendForDuration
    async fn domain_pm_suspend_for_duration(
        &self,
        dom: &DomainRef,
        target: u32,
        duration: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_pm_suspend_for_duration(dom, target, duration, flags)
            .await
    }

    /// virDomainPMWakeup
    async fn domain_pm_wakeup(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_pm_wakeup(dom, flags).await
    }

    /// virDomainGetInfo
    async fn domain_get_info(&self, dom: &DomainRef) -> VirResult<DomainInfo> {
        self.primary.domain_get_info(dom).await
    }

    /// virDomainGetState: (state, reason).
    async fn domain_get_state(&self, dom: &DomainRef, flags: u32) -> VirResult<(i32, i32)> {
        self.primary.domain_get_state(dom, flags).await
    }

    /// virDomainGetControlInfo
    async fn domain_get_control_info(&self, dom: &DomainRef, flags: u32) -> VirResult<ControlInfo> {
        self.primary.domain_get_control_info(dom, flags).await
    }

    /// virDomainGetXMLDesc
    async fn domain_get_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        self.primary.domain_get_xml_desc(dom, flags).await
    }

    /// virDomainGetOSType
    async fn domain_get_os_type(&self, dom: &DomainRef) -> VirResult<String> {
        self.primary.domain_get_os_type(dom).await
    }

    /// virDomainGetMaxMemory (KiB)
    async fn domain_get_max_memory(&self, dom: &DomainRef) -> VirResult<u64> {
        self.primary.domain_get_max_memory(dom).await
    }

    /// virDomainGetMaxVcpus
    async fn domain_get_max_vcpus(&self, dom: &DomainRef) -> VirResult<i32> {
        self.primary.domain_get_max_vcpus(dom).await
    }

    /// virDomainIsActive
    async fn domain_is_active(&self, dom: &DomainRef) -> VirResult<bool> {
        self.primary.domain_is_active(dom).await
    }

    /// virDomainIsPersistent
    async fn domain_is_persistent(&self, dom: &DomainRef) -> VirResult<bool> {
        self.primary.domain_is_persistent(dom).await
    }

    /// virDomainIsUpdated
    async fn domain_is_updated(&self, dom: &DomainRef) -> VirResult<bool> {
        self.primary.domain_is_updated(dom).await
    }

    /// virDomainGetAutostart
    async fn domain_get_autostart(&self, dom: &DomainRef) -> VirResult<bool> {
        self.primary.domain_get_autostart(dom).await
    }

    /// virDomainSetAutostart
    async fn domain_set_autostart(&self, dom: &DomainRef, autostart: bool) -> VirResult<()> {
        self.primary.domain_set_autostart(dom, autostart).await
    }

    /// virDomainSetMaxMemory (KiB)
    async fn domain_set_max_memory(&self, dom: &DomainRef, kib: u64) -> VirResult<()> {
        self.primary.domain_set_max_memory(dom, kib).await
    }

    /// virDomainSetMemoryFlags (KiB)
    async fn domain_set_memory_flags(
        &self,
        dom: &DomainRef,
        kib: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary.domain_set_memory_flags(dom, kib, flags).await
    }

    /// virDomainSetMemoryStatsPeriod
    async fn domain_set_memory_stats_period(
        &self,
        dom: &DomainRef,
        period: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_memory_stats_period(dom, period, flags)
            .await
    }

    /// virDomainSetVcpusFlags
    async fn domain_set_vcpus_flags(
        &self,
        dom: &DomainRef,
        nvcpus: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_vcpus_flags(dom, nvcpus, flags)
            .await
    }

    /// virDomainGetVcpusFlags
    async fn domain_get_vcpus_flags(&self, dom: &DomainRef, flags: u32) -> VirResult<i32> {
        self.primary.domain_get_vcpus_flags(dom, flags).await
    }

    /// virDomainGetVcpus: per-vCPU info plus `maplen`-byte cpumaps for each.
    async fn domain_get_vcpus(
        &self,
        dom: &DomainRef,
        maxinfo: i32,
        maplen: i32,
    ) -> VirResult<(Vec<VcpuInfo>, Vec<u8>)> {
        self.primary.domain_get_vcpus(dom, maxinfo, maplen).await
    }

    /// virDomainPinVcpuFlags
    async fn domain_pin_vcpu_flags(
        &self,
        dom: &DomainRef,
        vcpu: u32,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_pin_vcpu_flags(dom, vcpu, cpumap, flags)
            .await
    }

    /// virDomainGetVcpuPinInfo: (cpumaps, count)
    async fn domain_get_vcpu_pin_info(
        &self,
        dom: &DomainRef,
        ncpumaps: i32,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        self.primary
            .domain_get_vcpu_pin_info(dom, ncpumaps, maplen, flags)
            .await
    }

    /// virDomainPinEmulator
    async fn domain_pin_emulator(
        &self,
        dom: &DomainRef,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary.domain_pin_emulator(dom, cpumap, flags).await
    }

    /// virDomainGetEmulatorPinInfo: (cpumap, ret)
    async fn domain_get_emulator_pin_info(
        &self,
        dom: &DomainRef,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        self.primary
            .domain_get_emulator_pin_info(dom, maplen, flags)
            .await
    }

    /// virDomainSave / virDomainSaveFlags
    async fn domain_save(
        &self,
        dom: &DomainRef,
        to: &str,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary.domain_save(dom, to, dxml, flags).await
    }

    /// virDomainRestore / virDomainRestoreFlags
    async fn domain_restore(&self, from: &str, dxml: Option<String>, flags: u32) -> VirResult<()> {
        self.primary.domain_restore(from, dxml, flags).await
    }

    /// virDomainSaveImageGetXMLDesc
    async fn domain_save_image_get_xml_desc(&self, file: &str, flags: u32) -> VirResult<String> {
        self.primary
            .domain_save_image_get_xml_desc(file, flags)
            .await
    }

    /// virDomainSaveImageDefineXML
    async fn domain_save_image_define_xml(
        &self,
        file: &str,
        dxml: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_save_image_define_xml(file, dxml, flags)
            .await
    }

    /// virDomainCoreDumpWithFormat
    async fn domain_core_dump(
        &self,
        dom: &DomainRef,
        to: &str,
        format: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary.domain_core_dump(dom, to, format, flags).await
    }

    /// virDomainManagedSave
    async fn domain_managed_save(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_managed_save(dom, flags).await
    }

    /// virDomainHasManagedSaveImage
    async fn domain_has_managed_save_image(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        self.primary.domain_has_managed_save_image(dom, flags).await
    }

    /// virDomainManagedSaveRemove
    async fn domain_managed_save_remove(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_managed_save_remove(dom, flags).await
    }

    /// virDomainManagedSaveGetXMLDesc
    async fn domain_managed_save_get_xml_desc(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<String> {
        self.primary
            .domain_managed_save_get_xml_desc(dom, flags)
            .await
    }

    /// virDomainManagedSaveDefineXML
    async fn domain_managed_save_define_xml(
        &self,
        dom: &DomainRef,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_managed_save_define_xml(dom, dxml, flags)
            .await
    }

    /// virDomainGetMetadata
    async fn domain_get_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.primary
            .domain_get_metadata(dom, kind, uri, flags)
            .await
    }

    /// virDomainSetMetadata
    async fn domain_set_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        metadata: Option<String>,
        key: Option<String>,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_metadata(dom, kind, metadata, key, uri, flags)
            .await
    }

    /// virDomainRename
    async fn domain_rename(&self, dom: &DomainRef, new_name: &str, flags: u32) -> VirResult<()> {
        self.primary.domain_rename(dom, new_name, flags).await
    }

    /// virDomainGetSchedulerType: (type, nparams)
    async fn domain_get_scheduler_type(&self, dom: &DomainRef) -> VirResult<(String, i32)> {
        self.primary.domain_get_scheduler_type(dom).await
    }

    /// virDomainGetSchedulerParametersFlags
    async fn domain_get_scheduler_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary
            .domain_get_scheduler_parameters(dom, flags)
            .await
    }

    /// virDomainSetSchedulerParametersFlags
    async fn domain_set_scheduler_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_scheduler_parameters(dom, params, flags)
            .await
    }

    /// virDomainGetMemoryParameters
    async fn domain_get_memory_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary.domain_get_memory_parameters(dom, flags).await
    }

    /// virDomainSetMemoryParameters
    async fn domain_set_memory_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_memory_parameters(dom, params, flags)
            .await
    }

    /// virDomainGetBlkioParameters
    async fn domain_get_blkio_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary.domain_get_blkio_parameters(dom, flags).await
    }

    /// virDomainSetBlkioParameters
    async fn domain_set_blkio_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_blkio_parameters(dom, params, flags)
            .await
    }

    /// virDomainGetNumaParameters
    async fn domain_get_numa_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary.domain_get_numa_parameters(dom, flags).await
    }

    /// virDomainSetNumaParameters
    async fn domain_set_numa_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_numa_parameters(dom, params, flags)
            .await
    }

    /// virDomainGetInterfaceParameters
    async fn domain_get_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary
            .domain_get_interface_parameters(dom, device, flags)
            .await
    }

    /// virDomainSetInterfaceParameters
    async fn domain_set_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_interface_parameters(dom, device, params, flags)
            .await
    }

    /// virDomainGetBlockIoTune
    async fn domain_get_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary
            .domain_get_block_io_tune(dom, disk, flags)
            .await
    }

    /// virDomainSetBlockIoTune
    async fn domain_set_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_block_io_tune(dom, disk, params, flags)
            .await
    }

    /// virDomainBlockStats
    async fn domain_block_stats(&self, dom: &DomainRef, path: &str) -> VirResult<BlockStats> {
        self.primary.domain_block_stats(dom, path).await
    }

    /// virDomainBlockStatsFlags
    async fn domain_block_stats_flags(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary
            .domain_block_stats_flags(dom, path, flags)
            .await
    }

    /// virDomainInterfaceStats
    async fn domain_interface_stats(
        &self,
        dom: &DomainRef,
        device: &str,
    ) -> VirResult<InterfaceStats> {
        self.primary.domain_interface_stats(dom, device).await
    }

    /// virDomainMemoryStats
    async fn domain_memory_stats(
        &self,
        dom: &DomainRef,
        max_stats: u32,
        flags: u32,
    ) -> VirResult<Vec<MemoryStat>> {
        self.primary
            .domain_memory_stats(dom, max_stats, flags)
            .await
    }

    /// virDomainGetBlockInfo
    async fn domain_get_block_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<BlockInfo> {
        self.primary.domain_get_block_info(dom, path, flags).await
    }

    /// virDomainGetCPUStats
    async fn domain_get_cpu_stats(
        &self,
        dom: &DomainRef,
        start_cpu: i32,
        ncpus: u32,
        flags: u32,
    ) -> VirResult<Vec<Vec<TypedParam>>> {
        self.primary
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
        self.primary.get_all_domain_stats(doms, stats, flags).await
    }

    /// virDomainGetSecurityLabel
    async fn domain_get_security_label(&self, dom: &DomainRef) -> VirResult<SecurityLabel> {
        self.primary.domain_get_security_label(dom).await
    }

    /// virDomainGetSecurityLabelList
    async fn domain_get_security_label_list(
        &self,
        dom: &DomainRef,
    ) -> VirResult<Vec<SecurityLabel>> {
        self.primary.domain_get_security_label_list(dom).await
    }

    /// virDomainGetMessages
    async fn domain_get_messages(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<String>> {
        self.primary.domain_get_messages(dom, flags).await
    }

    /// virDomainAttachDeviceFlags
    async fn domain_attach_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.primary.domain_attach_device(dom, xml, flags).await
    }

    /// virDomainDetachDeviceFlags
    async fn domain_detach_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.primary.domain_detach_device(dom, xml, flags).await
    }

    /// virDomainDetachDeviceAlias
    async fn domain_detach_device_alias(
        &self,
        dom: &DomainRef,
        alias: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_detach_device_alias(dom, alias, flags)
            .await
    }

    /// virDomainUpdateDeviceFlags
    async fn domain_update_device(&self, dom: &DomainRef, xml: &str, flags: u32) -> VirResult<()> {
        self.primary.domain_update_device(dom, xml, flags).await
    }

    /// virDomainGetJobInfo
    async fn domain_get_job_info(&self, dom: &DomainRef) -> VirResult<JobInfo> {
        self.primary.domain_get_job_info(dom).await
    }

    /// virDomainGetJobStats: (type, params)
    async fn domain_get_job_stats(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<(i32, Vec<TypedParam>)> {
        self.primary.domain_get_job_stats(dom, flags).await
    }

    /// virDomainAbortJobFlags
    async fn domain_abort_job(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_abort_job(dom, flags).await
    }

    /// virDomainInjectNMI
    async fn domain_inject_nmi(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.primary.domain_inject_nmi(dom, flags).await
    }

    /// virDomainSendKey
    async fn domain_send_key(
        &self,
        dom: &DomainRef,
        codeset: u32,
        holdtime: u32,
        keycodes: Vec<u32>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_send_key(dom, codeset, holdtime, keycodes, flags)
            .await
    }

    /// virDomainSetLifecycleAction
    async fn domain_set_lifecycle_action(
        &self,
        dom: &DomainRef,
        kind: u32,
        action: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_lifecycle_action(dom, kind, action, flags)
            .await
    }

    /// virDomainGetHostname
    async fn domain_get_hostname(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        self.primary.domain_get_hostname(dom, flags).await
    }

    /// virDomainInterfaceAddresses
    async fn domain_interface_addresses(
        &self,
        dom: &DomainRef,
        source: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainInterface>> {
        self.primary
            .domain_interface_addresses(dom, source, flags)
            .await
    }

    /// virDomainGetTime
    async fn domain_get_time(&self, dom: &DomainRef, flags: u32) -> VirResult<GuestTime> {
        self.primary.domain_get_time(dom, flags).await
    }

    /// virDomainSetTime
    async fn domain_set_time(&self, dom: &DomainRef, time: GuestTime, flags: u32) -> VirResult<()> {
        self.primary.domain_set_time(dom, time, flags).await
    }

    /// virDomainFSFreeze
    async fn domain_fs_freeze(
        &self,
        dom: &DomainRef,
        mountpoints: Vec<String>,
        flags: u32,
    ) -> VirResult<i32> {
        self.primary.domain_fs_freeze(dom, mountpoints, flags).await
    }

    /// virDomainFSThaw
    async fn domain_fs_thaw(
        &self,
        dom: &DomainRef,
        mountpoints: Vec<String>,
        flags: u32,
    ) -> VirResult<i32> {
        self.primary.domain_fs_thaw(dom, mountpoints, flags).await
    }

    /// virDomainGetGuestInfo
    async fn domain_get_guest_info(
        &self,
        dom: &DomainRef,
        types: u32,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary.domain_get_guest_info(dom, types, flags).await
    }

    /// virDomainOpenConsole
    async fn domain_open_console(
        &self,
        dom: &DomainRef,
        dev_name: Option<String>,
        flags: u32,
    ) -> VirResult<DataStream> {
        self.primary.domain_open_console(dom, dev_name, flags).await
    }

    /// virDomainOpenChannel
    async fn domain_open_channel(
        &self,
        dom: &DomainRef,
        name: Option<String>,
        flags: u32,
    ) -> VirResult<DataStream> {
        self.primary.domain_open_channel(dom, name, flags).await
    }

    /// virDomainScreenshot: (mime type, image stream)
    async fn domain_screenshot(
        &self,
        dom: &DomainRef,
        screen: u32,
        flags: u32,
    ) -> VirResult<(Option<String>, DataStream)> {
        self.primary.domain_screenshot(dom, screen, flags).await
    }
    /// virDomainSetUserPassword
    async fn domain_set_user_password(
        &self,
        dom: &DomainRef,
        user: &str,
        password: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_user_password(dom, user, password, flags)
            .await
    }

    /// virDomainGetFSInfo
    async fn domain_get_fsinfo(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<FsInfo>> {
        self.primary.domain_get_fsinfo(dom, flags).await
    }

    /// virDomainFSTrim
    async fn domain_fstrim(
        &self,
        dom: &DomainRef,
        mount_point: Option<String>,
        minimum: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_fstrim(dom, mount_point, minimum, flags)
            .await
    }

    /// virDomainGetDiskErrors: every disk in error (the daemon caps the list)
    async fn domain_get_disk_errors(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DiskError>> {
        self.primary.domain_get_disk_errors(dom, flags).await
    }

    /// virDomainGetIOThreadInfo
    async fn domain_get_iothread_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<IoThreadInfo>> {
        self.primary.domain_get_iothread_info(dom, flags).await
    }

    /// virDomainPinIOThread
    async fn domain_pin_iothread(
        &self,
        dom: &DomainRef,
        iothread_id: u32,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_pin_iothread(dom, iothread_id, cpumap, flags)
            .await
    }

    /// virDomainAddIOThread
    async fn domain_add_iothread(
        &self,
        dom: &DomainRef,
        iothread_id: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_add_iothread(dom, iothread_id, flags)
            .await
    }

    /// virDomainDelIOThread
    async fn domain_del_iothread(
        &self,
        dom: &DomainRef,
        iothread_id: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_del_iothread(dom, iothread_id, flags)
            .await
    }

    /// virDomainSetIOThreadParams
    async fn domain_set_iothread_params(
        &self,
        dom: &DomainRef,
        iothread_id: u32,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_iothread_params(dom, iothread_id, params, flags)
            .await
    }

    /// virDomainGetGuestVcpus
    async fn domain_get_guest_vcpus(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.primary.domain_get_guest_vcpus(dom, flags).await
    }

    /// virDomainSetGuestVcpus
    async fn domain_set_guest_vcpus(
        &self,
        dom: &DomainRef,
        cpumap: &str,
        state: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_guest_vcpus(dom, cpumap, state, flags)
            .await
    }

    /// virDomainSetVcpu
    async fn domain_set_vcpu(
        &self,
        dom: &DomainRef,
        cpumap: &str,
        state: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_vcpu(dom, cpumap, state, flags)
            .await
    }

    /// virDomainSetBlockThreshold
    async fn domain_set_block_threshold(
        &self,
        dom: &DomainRef,
        dev: &str,
        threshold: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_set_block_threshold(dom, dev, threshold, flags)
            .await
    }

    /// virDomainSendProcessSignal
    async fn domain_send_process_signal(
        &self,
        dom: &DomainRef,
        pid: i64,
        signum: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_send_process_signal(dom, pid, signum, flags)
            .await
    }

    /// virDomainBlockJobAbort
    async fn domain_block_job_abort(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.primary.domain_block_job_abort(dom, path, flags).await
    }

    /// virDomainGetBlockJobInfo: `None` when no job runs on the disk
    async fn domain_get_block_job_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<Option<BlockJobInfo>> {
        self.primary
            .domain_get_block_job_info(dom, path, flags)
            .await
    }

    /// virDomainBlockJobSetSpeed
    async fn domain_block_job_set_speed(
        &self,
        dom: &DomainRef,
        path: &str,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_block_job_set_speed(dom, path, bandwidth, flags)
            .await
    }

    /// virDomainBlockPull
    async fn domain_block_pull(
        &self,
        dom: &DomainRef,
        path: &str,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_block_pull(dom, path, bandwidth, flags)
            .await
    }

    /// virDomainBlockResize
    async fn domain_block_resize(
        &self,
        dom: &DomainRef,
        disk: &str,
        size: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_block_resize(dom, disk, size, flags)
            .await
    }

    /// virDomainBlockRebase
    async fn domain_block_rebase(
        &self,
        dom: &DomainRef,
        path: &str,
        base: Option<String>,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_block_rebase(dom, path, base, bandwidth, flags)
            .await
    }

    /// virDomainBlockCommit
    async fn domain_block_commit(
        &self,
        dom: &DomainRef,
        disk: &str,
        base: Option<String>,
        top: Option<String>,
        bandwidth: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_block_commit(dom, disk, base, top, bandwidth, flags)
            .await
    }

    /// virDomainBlockCopy
    async fn domain_block_copy(
        &self,
        dom: &DomainRef,
        path: &str,
        destxml: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_block_copy(dom, path, destxml, params, flags)
            .await
    }

    /// virDomainAuthorizedSSHKeysGet
    async fn domain_authorized_ssh_keys_get(
        &self,
        dom: &DomainRef,
        user: &str,
        flags: u32,
    ) -> VirResult<Vec<String>> {
        self.primary
            .domain_authorized_ssh_keys_get(dom, user, flags)
            .await
    }

    /// virDomainAuthorizedSSHKeysSet
    async fn domain_authorized_ssh_keys_set(
        &self,
        dom: &DomainRef,
        user: &str,
        keys: Vec<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_authorized_ssh_keys_set(dom, user, keys, flags)
            .await
    }

    /// virDomainAgentSetResponseTimeout
    async fn domain_agent_set_response_timeout(
        &self,
        dom: &DomainRef,
        timeout: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_agent_set_response_timeout(dom, timeout, flags)
            .await
    }

    /// virDomainStartDirtyRateCalc
    async fn domain_start_dirty_rate_calc(
        &self,
        dom: &DomainRef,
        seconds: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .domain_start_dirty_rate_calc(dom, seconds, flags)
            .await
    }
}
