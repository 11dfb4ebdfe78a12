//! Connection- and host-level APIs (`virConnect*`, `virNode*`).

use crate::error::VirResult;
use crate::info::{NodeInfo, SecurityModel};
use crate::typed_param::TypedParam;
use crate::unsupported;
use async_trait::async_trait;

#[async_trait]
pub trait ConnectDriver: Send + Sync {
    /// virConnectClose
    async fn close(&self) -> VirResult<()> {
        Ok(())
    }
    /// virConnectGetType
    async fn get_type(&self) -> VirResult<String> {
        unsupported!("virConnectGetType")
    }
    /// virConnectGetVersion
    async fn get_version(&self) -> VirResult<u64> {
        unsupported!("virConnectGetVersion")
    }
    /// virConnectGetHostname
    async fn get_hostname(&self) -> VirResult<String> {
        unsupported!("virConnectGetHostname")
    }
    /// virConnectGetURI
    async fn get_uri(&self) -> VirResult<String> {
        unsupported!("virConnectGetURI")
    }
    /// virConnectIsSecure
    async fn is_secure(&self) -> VirResult<bool> {
        Ok(true)
    }
    /// virConnectGetCapabilities
    async fn get_capabilities(&self) -> VirResult<String> {
        unsupported!("virConnectGetCapabilities")
    }
    /// virConnectGetDomainCapabilities
    async fn get_domain_capabilities(
        &self,
        _emulator: Option<String>,
        _arch: Option<String>,
        _machine: Option<String>,
        _virttype: Option<String>,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!("virConnectGetDomainCapabilities")
    }
    /// virConnectGetSysinfo
    async fn get_sysinfo(&self, _flags: u32) -> VirResult<String> {
        unsupported!("virConnectGetSysinfo")
    }
    /// virConnectGetMaxVcpus
    async fn get_max_vcpus(&self, _type: Option<String>) -> VirResult<i32> {
        unsupported!("virConnectGetMaxVcpus")
    }
    /// virConnectGetCPUModelNames
    async fn get_cpu_model_names(&self, _arch: String, _flags: u32) -> VirResult<Vec<String>> {
        unsupported!("virConnectGetCPUModelNames")
    }
    /// virConnectCompareCPU
    async fn compare_cpu(&self, _xml: String, _flags: u32) -> VirResult<i32> {
        unsupported!("virConnectCompareCPU")
    }
    /// virConnectBaselineCPU
    async fn baseline_cpu(&self, _xml_cpus: Vec<String>, _flags: u32) -> VirResult<String> {
        unsupported!("virConnectBaselineCPU")
    }
    /// virNodeGetInfo
    async fn node_get_info(&self) -> VirResult<NodeInfo> {
        unsupported!("virNodeGetInfo")
    }
    /// virNodeGetCPUStats: (field, value) pairs.
    async fn node_get_cpu_stats(
        &self,
        _cpu_num: i32,
        _flags: u32,
    ) -> VirResult<Vec<(String, u64)>> {
        unsupported!("virNodeGetCPUStats")
    }
    /// virNodeGetMemoryStats: (field, value) pairs.
    async fn node_get_memory_stats(
        &self,
        _cell_num: i32,
        _flags: u32,
    ) -> VirResult<Vec<(String, u64)>> {
        unsupported!("virNodeGetMemoryStats")
    }
    /// virNodeGetFreeMemory
    async fn node_get_free_memory(&self) -> VirResult<u64> {
        unsupported!("virNodeGetFreeMemory")
    }
    /// virNodeGetCellsFreeMemory
    async fn node_get_cells_free_memory(
        &self,
        _start_cell: i32,
        _max_cells: i32,
    ) -> VirResult<Vec<u64>> {
        unsupported!("virNodeGetCellsFreeMemory")
    }
    /// virNodeGetSecurityModel
    async fn node_get_security_model(&self) -> VirResult<SecurityModel> {
        unsupported!("virNodeGetSecurityModel")
    }
    /// virNodeGetCPUMap: (cpumap bytes, online count, total cpus).
    async fn node_get_cpu_map(&self, _flags: u32) -> VirResult<(Vec<u8>, u32, i32)> {
        unsupported!("virNodeGetCPUMap")
    }
    /// virNodeGetFreePages
    async fn node_get_free_pages(
        &self,
        _pages: Vec<u32>,
        _start_cell: i32,
        _cell_count: u32,
        _flags: u32,
    ) -> VirResult<Vec<u64>> {
        unsupported!("virNodeGetFreePages")
    }
    /// virNodeGetMemoryParameters
    async fn node_get_memory_parameters(&self, _flags: u32) -> VirResult<Vec<TypedParam>> {
        unsupported!("virNodeGetMemoryParameters")
    }
    /// virNodeSetMemoryParameters
    async fn node_set_memory_parameters(
        &self,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virNodeSetMemoryParameters")
    }
    /// virNodeSuspendForDuration
    async fn node_suspend_for_duration(
        &self,
        _target: u32,
        _duration: u64,
        _flags: u32,
    ) -> VirResult<()> {
        unsupported!("virNodeSuspendForDuration")
    }
    /// virNodeAllocPages: the number of pages allocated
    async fn node_alloc_pages(
        &self,
        _page_sizes: Vec<u32>,
        _page_counts: Vec<u64>,
        _start_cell: i32,
        _cell_count: u32,
        _flags: u32,
    ) -> VirResult<i32> {
        unsupported!("virNodeAllocPages")
    }
    /// virConnectDomainXMLFromNative
    async fn domain_xml_from_native(
        &self,
        _format: &str,
        _config: &str,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!("virConnectDomainXMLFromNative")
    }
    /// virConnectDomainXMLToNative
    async fn domain_xml_to_native(
        &self,
        _format: &str,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!("virConnectDomainXMLToNative")
    }
    /// virConnectCompareHypervisorCPU
    async fn compare_hypervisor_cpu(
        &self,
        _emulator: Option<String>,
        _arch: Option<String>,
        _machine: Option<String>,
        _virttype: Option<String>,
        _xml_cpu: &str,
        _flags: u32,
    ) -> VirResult<i32> {
        unsupported!("virConnectCompareHypervisorCPU")
    }
    /// virConnectBaselineHypervisorCPU
    async fn baseline_hypervisor_cpu(
        &self,
        _emulator: Option<String>,
        _arch: Option<String>,
        _machine: Option<String>,
        _virttype: Option<String>,
        _xml_cpus: Vec<String>,
        _flags: u32,
    ) -> VirResult<String> {
        unsupported!("virConnectBaselineHypervisorCPU")
    }
    /// virNodeGetSEVInfo
    async fn node_get_sev_info(&self, _flags: u32) -> VirResult<Vec<TypedParam>> {
        unsupported!("virNodeGetSEVInfo")
    }
}
