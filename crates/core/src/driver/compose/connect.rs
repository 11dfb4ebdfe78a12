//! Connection- and host-level APIs forwarded to the primary driver.

use super::ComposedConnection;
use crate::driver::*;
use crate::error::VirResult;
use crate::info::*;
use crate::typed_param::TypedParam;
use async_trait::async_trait;

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
