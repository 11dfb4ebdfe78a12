//! A connection assembled from a hypervisor driver and secondary drivers, as libvirt's
//! hypervisor connections delegate network, storage, interface, node-device and secret
//! APIs to those drivers. Every method forwards; written out so each API stays greppable.

use super::*;
use crate::error::VirResult;
use crate::event::EventBus;
use crate::handle::*;
use crate::info::*;
use crate::stream::DataStream;
use crate::typed_param::TypedParam;

/// The secondary drivers a hypervisor connection delegates to (`None` = the primary serves it).
#[derive(Clone, Default)]
pub struct SecondaryDrivers {
    pub network: Option<Arc<dyn NetworkDriver>>,
    pub storage: Option<Arc<dyn StorageDriver>>,
    pub interface: Option<Arc<dyn InterfaceDriver>>,
    pub nodedev: Option<Arc<dyn NodeDeviceDriver>>,
    pub secret: Option<Arc<dyn SecretDriver>>,
}

/// A primary (hypervisor) connection plus secondary drivers.
pub struct ComposedConnection {
    primary: Arc<dyn Connection>,
    secondary: SecondaryDrivers,
}

impl ComposedConnection {
    pub fn new(primary: Arc<dyn Connection>, secondary: SecondaryDrivers) -> Self {
        ComposedConnection { primary, secondary }
    }

    fn network(&self) -> &dyn NetworkDriver {
        match &self.secondary.network {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    fn storage(&self) -> &dyn StorageDriver {
        match &self.secondary.storage {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    fn interface(&self) -> &dyn InterfaceDriver {
        match &self.secondary.interface {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    fn nodedev(&self) -> &dyn NodeDeviceDriver {
        match &self.secondary.nodedev {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }

    fn secret(&self) -> &dyn SecretDriver {
        match &self.secondary.secret {
            Some(d) => d.as_ref(),
            None => self.primary.as_ref(),
        }
    }
}

impl Connection for ComposedConnection {
    fn events(&self) -> EventBus {
        self.primary.events()
    }
}

#[async_trait]
impl ConnectDriver for ComposedConnection {
    /// virConnectClose
    async fn close(&self) -> VirResult<()> {
        self.primary.close().await
    }

    /// virConnectGetType
    async fn get_type(&self) -> VirResult<String> {
        self.primary.get_type().await
    }

    /// virConnectGetVersion
    async fn get_version(&self) -> VirResult<u64> {
        self.primary.get_version().await
    }

    /// virConnectGetHostname
    async fn get_hostname(&self) -> VirResult<String> {
        self.primary.get_hostname().await
    }

    /// virConnectGetURI
    async fn get_uri(&self) -> VirResult<String> {
        self.primary.get_uri().await
    }

    /// virConnectIsSecure
    async fn is_secure(&self) -> VirResult<bool> {
        self.primary.is_secure().await
    }

    /// virConnectGetCapabilities
    async fn get_capabilities(&self) -> VirResult<String> {
        self.primary.get_capabilities().await
    }

    /// virConnectGetDomainCapabilities
    async fn get_domain_capabilities(
        &self,
        emulator: Option<String>,
        arch: Option<String>,
        machine: Option<String>,
        virttype: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.primary
            .get_domain_capabilities(emulator, arch, machine, virttype, flags)
            .await
    }

    /// virConnectGetSysinfo
    async fn get_sysinfo(&self, flags: u32) -> VirResult<String> {
        self.primary.get_sysinfo(flags).await
    }

    /// virConnectGetMaxVcpus
    async fn get_max_vcpus(&self, virt_type: Option<String>) -> VirResult<i32> {
        self.primary.get_max_vcpus(virt_type).await
    }

    /// virConnectGetCPUModelNames
    async fn get_cpu_model_names(&self, arch: String, flags: u32) -> VirResult<Vec<String>> {
        self.primary.get_cpu_model_names(arch, flags).await
    }

    /// virConnectCompareCPU
    async fn compare_cpu(&self, xml: String, flags: u32) -> VirResult<i32> {
        self.primary.compare_cpu(xml, flags).await
    }

    /// virConnectBaselineCPU
    async fn baseline_cpu(&self, xml_cpus: Vec<String>, flags: u32) -> VirResult<String> {
        self.primary.baseline_cpu(xml_cpus, flags).await
    }

    /// virNodeGetInfo
    async fn node_get_info(&self) -> VirResult<NodeInfo> {
        self.primary.node_get_info().await
    }

    /// virNodeGetCPUStats: (field, value) pairs.
    async fn node_get_cpu_stats(&self, cpu_num: i32, flags: u32) -> VirResult<Vec<(String, u64)>> {
        self.primary.node_get_cpu_stats(cpu_num, flags).await
    }

    /// virNodeGetMemoryStats: (field, value) pairs.
    async fn node_get_memory_stats(
        &self,
        cell_num: i32,
        flags: u32,
    ) -> VirResult<Vec<(String, u64)>> {
        self.primary.node_get_memory_stats(cell_num, flags).await
    }

    /// virNodeGetFreeMemory
    async fn node_get_free_memory(&self) -> VirResult<u64> {
        self.primary.node_get_free_memory().await
    }

    /// virNodeGetCellsFreeMemory
    async fn node_get_cells_free_memory(
        &self,
        start_cell: i32,
        max_cells: i32,
    ) -> VirResult<Vec<u64>> {
        self.primary
            .node_get_cells_free_memory(start_cell, max_cells)
            .await
    }

    /// virNodeGetSecurityModel
    async fn node_get_security_model(&self) -> VirResult<SecurityModel> {
        self.primary.node_get_security_model().await
    }

    /// virNodeGetCPUMap: (cpumap bytes, online count, total cpus).
    async fn node_get_cpu_map(&self, flags: u32) -> VirResult<(Vec<u8>, u32, i32)> {
        self.primary.node_get_cpu_map(flags).await
    }

    /// virNodeGetFreePages
    async fn node_get_free_pages(
        &self,
        pages: Vec<u32>,
        start_cell: i32,
        cell_count: u32,
        flags: u32,
    ) -> VirResult<Vec<u64>> {
        self.primary
            .node_get_free_pages(pages, start_cell, cell_count, flags)
            .await
    }

    /// virNodeGetMemoryParameters
    async fn node_get_memory_parameters(&self, flags: u32) -> VirResult<Vec<TypedParam>> {
        self.primary.node_get_memory_parameters(flags).await
    }

    /// virNodeSetMemoryParameters
    async fn node_set_memory_parameters(
        &self,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.primary.node_set_memory_parameters(params, flags).await
    }
    /// virNodeSuspendForDuration
    async fn node_suspend_for_duration(
        &self,
        target: u32,
        duration: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.primary
            .node_suspend_for_duration(target, duration, flags)
            .await
    }

    /// virNodeAllocPages: the number of pages allocated
    async fn node_alloc_pages(
        &self,
        page_sizes: Vec<u32>,
        page_counts: Vec<u64>,
        start_cell: i32,
        cell_count: u32,
        flags: u32,
    ) -> VirResult<i32> {
        self.primary
            .node_alloc_pages(page_sizes, page_counts, start_cell, cell_count, flags)
            .await
    }

    /// virConnectDomainXMLFromNative
    async fn domain_xml_from_native(
        &self,
        format: &str,
        config: &str,
        flags: u32,
    ) -> VirResult<String> {
        self.primary
            .domain_xml_from_native(format, config, flags)
            .await
    }

    /// virConnectDomainXMLToNative
    async fn domain_xml_to_native(&self, format: &str, xml: &str, flags: u32) -> VirResult<String> {
        self.primary.domain_xml_to_native(format, xml, flags).await
    }

    /// virConnectCompareHypervisorCPU
    async fn compare_hypervisor_cpu(
        &self,
        emulator: Option<String>,
        arch: Option<String>,
        machine: Option<String>,
        virttype: Option<String>,
        xml_cpu: &str,
        flags: u32,
    ) -> VirResult<i32> {
        self.primary
            .compare_hypervisor_cpu(emulator, arch, machine, virttype, xml_cpu, flags)
            .await
    }

    /// virConnectBaselineHypervisorCPU
    async fn baseline_hypervisor_cpu(
        &self,
        emulator: Option<String>,
        arch: Option<String>,
        machine: Option<String>,
        virttype: Option<String>,
        xml_cpus: Vec<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.primary
            .baseline_hypervisor_cpu(emulator, arch, machine, virttype, xml_cpus, flags)
            .await
    }

    /// virNodeGetSEVInfo
    async fn node_get_sev_info(&self, flags: u32) -> VirResult<Vec<TypedParam>> {
        self.primary.node_get_sev_info(flags).await
    }
}

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

#[async_trait]
impl DomainSnapshotDriver for ComposedConnection {
    /// virDomainSnapshotCreateXML
    async fn snapshot_create_xml(
        &self,
        dom: &DomainRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.primary.snapshot_create_xml(dom, xml, flags).await
    }

    /// virDomainSnapshotGetXMLDesc
    async fn snapshot_get_xml_desc(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<String> {
        self.primary.snapshot_get_xml_desc(snap, flags).await
    }

    /// virDomainListAllSnapshots
    async fn list_all_snapshots(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        self.primary.list_all_snapshots(dom, flags).await
    }

    /// virDomainSnapshotListAllChildren
    async fn snapshot_list_all_children(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<Vec<DomainSnapshotRef>> {
        self.primary.snapshot_list_all_children(snap, flags).await
    }

    /// virDomainSnapshotLookupByName
    async fn snapshot_lookup_by_name(
        &self,
        dom: &DomainRef,
        name: &str,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.primary.snapshot_lookup_by_name(dom, name, flags).await
    }

    /// virDomainHasCurrentSnapshot
    async fn has_current_snapshot(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        self.primary.has_current_snapshot(dom, flags).await
    }

    /// virDomainSnapshotCurrent
    async fn snapshot_current(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainSnapshotRef> {
        self.primary.snapshot_current(dom, flags).await
    }

    /// virDomainSnapshotGetParent
    async fn snapshot_get_parent(
        &self,
        snap: &DomainSnapshotRef,
        flags: u32,
    ) -> VirResult<DomainSnapshotRef> {
        self.primary.snapshot_get_parent(snap, flags).await
    }

    /// virDomainSnapshotIsCurrent
    async fn snapshot_is_current(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool> {
        self.primary.snapshot_is_current(snap, flags).await
    }

    /// virDomainSnapshotHasMetadata
    async fn snapshot_has_metadata(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<bool> {
        self.primary.snapshot_has_metadata(snap, flags).await
    }

    /// virDomainRevertToSnapshot
    async fn revert_to_snapshot(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        self.primary.revert_to_snapshot(snap, flags).await
    }

    /// virDomainSnapshotDelete
    async fn snapshot_delete(&self, snap: &DomainSnapshotRef, flags: u32) -> VirResult<()> {
        self.primary.snapshot_delete(snap, flags).await
    }
}

#[async_trait]
impl NetworkDriver for ComposedConnection {
    /// virConnectListAllNetworks
    async fn list_all_networks(&self, flags: u32) -> VirResult<Vec<NetworkRef>> {
        self.network().list_all_networks(flags).await
    }

    /// virNetworkLookupByName
    async fn network_lookup_by_name(&self, name: &str) -> VirResult<NetworkRef> {
        self.network().network_lookup_by_name(name).await
    }

    /// virNetworkLookupByUUID
    async fn network_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<NetworkRef> {
        self.network().network_lookup_by_uuid(uuid).await
    }

    /// virNetworkDefineXMLFlags
    async fn network_define_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        self.network().network_define_xml(xml, flags).await
    }

    /// virNetworkCreateXMLFlags
    async fn network_create_xml(&self, xml: &str, flags: u32) -> VirResult<NetworkRef> {
        self.network().network_create_xml(xml, flags).await
    }

    /// virNetworkUndefine
    async fn network_undefine(&self, net: &NetworkRef) -> VirResult<()> {
        self.network().network_undefine(net).await
    }

    /// virNetworkCreate
    async fn network_create(&self, net: &NetworkRef) -> VirResult<()> {
        self.network().network_create(net).await
    }

    /// virNetworkDestroy
    async fn network_destroy(&self, net: &NetworkRef) -> VirResult<()> {
        self.network().network_destroy(net).await
    }

    /// virNetworkGetXMLDesc
    async fn network_get_xml_desc(&self, net: &NetworkRef, flags: u32) -> VirResult<String> {
        self.network().network_get_xml_desc(net, flags).await
    }

    /// virNetworkGetBridgeName
    async fn network_get_bridge_name(&self, net: &NetworkRef) -> VirResult<String> {
        self.network().network_get_bridge_name(net).await
    }

    /// virNetworkGetAutostart
    async fn network_get_autostart(&self, net: &NetworkRef) -> VirResult<bool> {
        self.network().network_get_autostart(net).await
    }

    /// virNetworkSetAutostart
    async fn network_set_autostart(&self, net: &NetworkRef, autostart: bool) -> VirResult<()> {
        self.network().network_set_autostart(net, autostart).await
    }

    /// virNetworkIsActive
    async fn network_is_active(&self, net: &NetworkRef) -> VirResult<bool> {
        self.network().network_is_active(net).await
    }

    /// virNetworkIsPersistent
    async fn network_is_persistent(&self, net: &NetworkRef) -> VirResult<bool> {
        self.network().network_is_persistent(net).await
    }

    /// virNetworkUpdate
    async fn network_update(
        &self,
        net: &NetworkRef,
        command: u32,
        section: u32,
        parent_index: i32,
        xml: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.network()
            .network_update(net, command, section, parent_index, xml, flags)
            .await
    }

    /// virNetworkGetDHCPLeases
    async fn network_get_dhcp_leases(
        &self,
        net: &NetworkRef,
        mac: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<NetworkDhcpLease>> {
        self.network()
            .network_get_dhcp_leases(net, mac, flags)
            .await
    }
}

#[async_trait]
impl StorageDriver for ComposedConnection {
    /// virConnectListAllStoragePools
    async fn list_all_storage_pools(&self, flags: u32) -> VirResult<Vec<StoragePoolRef>> {
        self.storage().list_all_storage_pools(flags).await
    }

    /// virConnectFindStoragePoolSources
    async fn find_storage_pool_sources(
        &self,
        pool_type: &str,
        src_spec: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.storage()
            .find_storage_pool_sources(pool_type, src_spec, flags)
            .await
    }

    /// virConnectGetStoragePoolCapabilities
    async fn storage_pool_capabilities(&self, flags: u32) -> VirResult<String> {
        self.storage().storage_pool_capabilities(flags).await
    }

    /// virStoragePoolLookupByName
    async fn pool_lookup_by_name(&self, name: &str) -> VirResult<StoragePoolRef> {
        self.storage().pool_lookup_by_name(name).await
    }

    /// virStoragePoolLookupByUUID
    async fn pool_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<StoragePoolRef> {
        self.storage().pool_lookup_by_uuid(uuid).await
    }

    /// virStoragePoolLookupByVolume
    async fn pool_lookup_by_volume(&self, vol: &StorageVolRef) -> VirResult<StoragePoolRef> {
        self.storage().pool_lookup_by_volume(vol).await
    }

    /// virStoragePoolLookupByTargetPath
    async fn pool_lookup_by_target_path(&self, path: &str) -> VirResult<StoragePoolRef> {
        self.storage().pool_lookup_by_target_path(path).await
    }

    /// virStoragePoolDefineXML
    async fn pool_define_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        self.storage().pool_define_xml(xml, flags).await
    }

    /// virStoragePoolCreateXML
    async fn pool_create_xml(&self, xml: &str, flags: u32) -> VirResult<StoragePoolRef> {
        self.storage().pool_create_xml(xml, flags).await
    }

    /// virStoragePoolBuild
    async fn pool_build(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.storage().pool_build(pool, flags).await
    }

    /// virStoragePoolUndefine
    async fn pool_undefine(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.storage().pool_undefine(pool).await
    }

    /// virStoragePoolCreate
    async fn pool_create(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.storage().pool_create(pool, flags).await
    }

    /// virStoragePoolDestroy
    async fn pool_destroy(&self, pool: &StoragePoolRef) -> VirResult<()> {
        self.storage().pool_destroy(pool).await
    }

    /// virStoragePoolDelete
    async fn pool_delete(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.storage().pool_delete(pool, flags).await
    }

    /// virStoragePoolRefresh
    async fn pool_refresh(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<()> {
        self.storage().pool_refresh(pool, flags).await
    }

    /// virStoragePoolGetInfo
    async fn pool_get_info(&self, pool: &StoragePoolRef) -> VirResult<StoragePoolInfo> {
        self.storage().pool_get_info(pool).await
    }

    /// virStoragePoolGetXMLDesc
    async fn pool_get_xml_desc(&self, pool: &StoragePoolRef, flags: u32) -> VirResult<String> {
        self.storage().pool_get_xml_desc(pool, flags).await
    }

    /// virStoragePoolGetAutostart
    async fn pool_get_autostart(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.storage().pool_get_autostart(pool).await
    }

    /// virStoragePoolSetAutostart
    async fn pool_set_autostart(&self, pool: &StoragePoolRef, autostart: bool) -> VirResult<()> {
        self.storage().pool_set_autostart(pool, autostart).await
    }

    /// virStoragePoolIsActive
    async fn pool_is_active(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.storage().pool_is_active(pool).await
    }

    /// virStoragePoolIsPersistent
    async fn pool_is_persistent(&self, pool: &StoragePoolRef) -> VirResult<bool> {
        self.storage().pool_is_persistent(pool).await
    }

    /// virStoragePoolListAllVolumes
    async fn pool_list_all_volumes(
        &self,
        pool: &StoragePoolRef,
        flags: u32,
    ) -> VirResult<Vec<StorageVolRef>> {
        self.storage().pool_list_all_volumes(pool, flags).await
    }

    /// virStorageVolLookupByName
    async fn vol_lookup_by_name(
        &self,
        pool: &StoragePoolRef,
        name: &str,
    ) -> VirResult<StorageVolRef> {
        self.storage().vol_lookup_by_name(pool, name).await
    }

    /// virStorageVolLookupByKey
    async fn vol_lookup_by_key(&self, key: &str) -> VirResult<StorageVolRef> {
        self.storage().vol_lookup_by_key(key).await
    }

    /// virStorageVolLookupByPath
    async fn vol_lookup_by_path(&self, path: &str) -> VirResult<StorageVolRef> {
        self.storage().vol_lookup_by_path(path).await
    }

    /// virStorageVolCreateXML
    async fn vol_create_xml(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        self.storage().vol_create_xml(pool, xml, flags).await
    }

    /// virStorageVolCreateXMLFrom
    async fn vol_create_xml_from(
        &self,
        pool: &StoragePoolRef,
        xml: &str,
        clone: &StorageVolRef,
        flags: u32,
    ) -> VirResult<StorageVolRef> {
        self.storage()
            .vol_create_xml_from(pool, xml, clone, flags)
            .await
    }

    /// virStorageVolDelete
    async fn vol_delete(&self, vol: &StorageVolRef, flags: u32) -> VirResult<()> {
        self.storage().vol_delete(vol, flags).await
    }

    /// virStorageVolWipe / virStorageVolWipePattern
    async fn vol_wipe(&self, vol: &StorageVolRef, algorithm: u32, flags: u32) -> VirResult<()> {
        self.storage().vol_wipe(vol, algorithm, flags).await
    }

    /// virStorageVolGetInfoFlags
    async fn vol_get_info(&self, vol: &StorageVolRef, flags: u32) -> VirResult<StorageVolInfo> {
        self.storage().vol_get_info(vol, flags).await
    }

    /// virStorageVolGetXMLDesc
    async fn vol_get_xml_desc(&self, vol: &StorageVolRef, flags: u32) -> VirResult<String> {
        self.storage().vol_get_xml_desc(vol, flags).await
    }

    /// virStorageVolGetPath
    async fn vol_get_path(&self, vol: &StorageVolRef) -> VirResult<String> {
        self.storage().vol_get_path(vol).await
    }

    /// virStorageVolResize
    async fn vol_resize(&self, vol: &StorageVolRef, capacity: u64, flags: u32) -> VirResult<()> {
        self.storage().vol_resize(vol, capacity, flags).await
    }

    /// virStorageVolUpload: the returned stream's sink receives the data.
    async fn vol_upload(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        self.storage().vol_upload(vol, offset, length, flags).await
    }

    /// virStorageVolDownload: the returned stream's source yields the data.
    async fn vol_download(
        &self,
        vol: &StorageVolRef,
        offset: u64,
        length: u64,
        flags: u32,
    ) -> VirResult<DataStream> {
        self.storage()
            .vol_download(vol, offset, length, flags)
            .await
    }
}

#[async_trait]
impl InterfaceDriver for ComposedConnection {
    /// virConnectListAllInterfaces
    async fn list_all_interfaces(&self, flags: u32) -> VirResult<Vec<InterfaceRef>> {
        self.interface().list_all_interfaces(flags).await
    }

    /// virInterfaceLookupByName
    async fn interface_lookup_by_name(&self, name: &str) -> VirResult<InterfaceRef> {
        self.interface().interface_lookup_by_name(name).await
    }

    /// virInterfaceLookupByMACString
    async fn interface_lookup_by_mac(&self, mac: &str) -> VirResult<InterfaceRef> {
        self.interface().interface_lookup_by_mac(mac).await
    }

    /// virInterfaceGetXMLDesc
    async fn interface_get_xml_desc(&self, iface: &InterfaceRef, flags: u32) -> VirResult<String> {
        self.interface().interface_get_xml_desc(iface, flags).await
    }

    /// virInterfaceDefineXML
    async fn interface_define_xml(&self, xml: &str, flags: u32) -> VirResult<InterfaceRef> {
        self.interface().interface_define_xml(xml, flags).await
    }

    /// virInterfaceUndefine
    async fn interface_undefine(&self, iface: &InterfaceRef) -> VirResult<()> {
        self.interface().interface_undefine(iface).await
    }

    /// virInterfaceCreate
    async fn interface_create(&self, iface: &InterfaceRef, flags: u32) -> VirResult<()> {
        self.interface().interface_create(iface, flags).await
    }

    /// virInterfaceDestroy
    async fn interface_destroy(&self, iface: &InterfaceRef, flags: u32) -> VirResult<()> {
        self.interface().interface_destroy(iface, flags).await
    }

    /// virInterfaceIsActive
    async fn interface_is_active(&self, iface: &InterfaceRef) -> VirResult<bool> {
        self.interface().interface_is_active(iface).await
    }

    /// virInterfaceChangeBegin
    async fn interface_change_begin(&self, flags: u32) -> VirResult<()> {
        self.interface().interface_change_begin(flags).await
    }

    /// virInterfaceChangeCommit
    async fn interface_change_commit(&self, flags: u32) -> VirResult<()> {
        self.interface().interface_change_commit(flags).await
    }

    /// virInterfaceChangeRollback
    async fn interface_change_rollback(&self, flags: u32) -> VirResult<()> {
        self.interface().interface_change_rollback(flags).await
    }
}

#[async_trait]
impl NodeDeviceDriver for ComposedConnection {
    /// virConnectListAllNodeDevices
    async fn list_all_node_devices(&self, flags: u32) -> VirResult<Vec<NodeDeviceRef>> {
        self.nodedev().list_all_node_devices(flags).await
    }

    /// virNodeListDevices (names, optionally only those with capability `cap`)
    async fn node_list_devices(&self, cap: Option<String>, flags: u32) -> VirResult<Vec<String>> {
        self.nodedev().node_list_devices(cap, flags).await
    }

    /// virNodeDeviceLookupByName
    async fn node_device_lookup_by_name(&self, name: &str) -> VirResult<NodeDeviceRef> {
        self.nodedev().node_device_lookup_by_name(name).await
    }

    /// virNodeDeviceLookupSCSIHostByWWN
    async fn node_device_lookup_scsi_host_by_wwn(
        &self,
        wwnn: &str,
        wwpn: &str,
        flags: u32,
    ) -> VirResult<NodeDeviceRef> {
        self.nodedev()
            .node_device_lookup_scsi_host_by_wwn(wwnn, wwpn, flags)
            .await
    }

    /// virNodeDeviceGetXMLDesc
    async fn node_device_get_xml_desc(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<String> {
        self.nodedev().node_device_get_xml_desc(dev, flags).await
    }

    /// virNodeDeviceGetParent
    async fn node_device_get_parent(&self, dev: &NodeDeviceRef) -> VirResult<Option<String>> {
        self.nodedev().node_device_get_parent(dev).await
    }

    /// virNodeDeviceListCaps
    async fn node_device_list_caps(&self, dev: &NodeDeviceRef) -> VirResult<Vec<String>> {
        self.nodedev().node_device_list_caps(dev).await
    }

    /// virNodeDeviceCreateXML
    async fn node_device_create_xml(&self, xml: &str, flags: u32) -> VirResult<NodeDeviceRef> {
        self.nodedev().node_device_create_xml(xml, flags).await
    }

    /// virNodeDeviceDefineXML
    async fn node_device_define_xml(&self, xml: &str, flags: u32) -> VirResult<NodeDeviceRef> {
        self.nodedev().node_device_define_xml(xml, flags).await
    }

    /// virNodeDeviceDestroy
    async fn node_device_destroy(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.nodedev().node_device_destroy(dev).await
    }

    /// virNodeDeviceUndefine
    async fn node_device_undefine(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<()> {
        self.nodedev().node_device_undefine(dev, flags).await
    }

    /// virNodeDeviceCreate
    async fn node_device_create(&self, dev: &NodeDeviceRef, flags: u32) -> VirResult<()> {
        self.nodedev().node_device_create(dev, flags).await
    }

    /// virNodeDeviceIsActive
    async fn node_device_is_active(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.nodedev().node_device_is_active(dev).await
    }

    /// virNodeDeviceIsPersistent
    async fn node_device_is_persistent(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.nodedev().node_device_is_persistent(dev).await
    }

    /// virNodeDeviceGetAutostart
    async fn node_device_get_autostart(&self, dev: &NodeDeviceRef) -> VirResult<bool> {
        self.nodedev().node_device_get_autostart(dev).await
    }

    /// virNodeDeviceSetAutostart
    async fn node_device_set_autostart(
        &self,
        dev: &NodeDeviceRef,
        autostart: bool,
    ) -> VirResult<()> {
        self.nodedev()
            .node_device_set_autostart(dev, autostart)
            .await
    }

    /// virNodeDeviceDetachFlags
    async fn node_device_detach(
        &self,
        dev: &NodeDeviceRef,
        driver: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.nodedev().node_device_detach(dev, driver, flags).await
    }

    /// virNodeDeviceReAttach
    async fn node_device_reattach(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.nodedev().node_device_reattach(dev).await
    }

    /// virNodeDeviceReset
    async fn node_device_reset(&self, dev: &NodeDeviceRef) -> VirResult<()> {
        self.nodedev().node_device_reset(dev).await
    }
}

#[async_trait]
impl SecretDriver for ComposedConnection {
    /// virConnectListAllSecrets
    async fn list_all_secrets(&self, flags: u32) -> VirResult<Vec<SecretRef>> {
        self.secret().list_all_secrets(flags).await
    }

    /// virSecretLookupByUUID
    async fn secret_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<SecretRef> {
        self.secret().secret_lookup_by_uuid(uuid).await
    }

    /// virSecretLookupByUsage
    async fn secret_lookup_by_usage(
        &self,
        usage_type: i32,
        usage_id: &str,
    ) -> VirResult<SecretRef> {
        self.secret()
            .secret_lookup_by_usage(usage_type, usage_id)
            .await
    }

    /// virSecretDefineXML
    async fn secret_define_xml(&self, xml: &str, flags: u32) -> VirResult<SecretRef> {
        self.secret().secret_define_xml(xml, flags).await
    }

    /// virSecretGetXMLDesc
    async fn secret_get_xml_desc(&self, secret: &SecretRef, flags: u32) -> VirResult<String> {
        self.secret().secret_get_xml_desc(secret, flags).await
    }

    /// virSecretSetValue
    async fn secret_set_value(
        &self,
        secret: &SecretRef,
        value: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.secret().secret_set_value(secret, value, flags).await
    }

    /// virSecretGetValue
    async fn secret_get_value(&self, secret: &SecretRef, flags: u32) -> VirResult<Vec<u8>> {
        self.secret().secret_get_value(secret, flags).await
    }

    /// virSecretUndefine
    async fn secret_undefine(&self, secret: &SecretRef) -> VirResult<()> {
        self.secret().secret_undefine(secret).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorCode, ErrorDomain};

    struct Primary(EventBus);
    #[async_trait]
    impl ConnectDriver for Primary {
        async fn get_type(&self) -> VirResult<String> {
            Ok("PRIMARY".into())
        }
    }
    impl DomainDriver for Primary {}
    impl DomainSnapshotDriver for Primary {}
    impl NetworkDriver for Primary {}
    impl StorageDriver for Primary {}
    impl InterfaceDriver for Primary {}
    impl NodeDeviceDriver for Primary {}
    impl SecretDriver for Primary {}
    impl Connection for Primary {
        fn events(&self) -> EventBus {
            self.0.clone()
        }
    }

    struct Net;
    #[async_trait]
    impl NetworkDriver for Net {
        async fn network_get_bridge_name(&self, _net: &NetworkRef) -> VirResult<String> {
            Ok("virbr9".into())
        }
    }

    #[tokio::test]
    async fn routes_to_secondary_and_falls_back_to_primary() {
        let c = ComposedConnection::new(
            Arc::new(Primary(EventBus::new())),
            SecondaryDrivers {
                network: Some(Arc::new(Net)),
                ..Default::default()
            },
        );
        assert_eq!(c.get_type().await.unwrap(), "PRIMARY");
        let net = NetworkRef {
            name: "n".into(),
            uuid: Uuid::default(),
        };
        assert_eq!(c.network_get_bridge_name(&net).await.unwrap(), "virbr9");
        let pool = StoragePoolRef {
            name: "p".into(),
            uuid: Uuid::default(),
        };
        let e = c.pool_get_info(&pool).await.unwrap_err();
        assert_eq!(
            (e.code, e.domain),
            (ErrorCode::NoSupport, ErrorDomain::Storage)
        );
        assert_eq!(
            e.message,
            "this function is not supported by the connection driver: virStoragePoolGetInfo"
        );
    }
}
