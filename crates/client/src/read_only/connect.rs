//! Connection, host, snapshot and network APIs of
//! `ReadOnlyConnection` (see the parent module): each state-changing API is refused on a
//! read-only connection before the driver runs; everything else forwards unchanged.

use async_trait::async_trait;
use rvirt_core::driver::*;
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::handle::*;
use rvirt_core::info::*;
use rvirt_core::typed_param::TypedParam;
use rvirt_core::Uuid;

use super::{denied, ReadOnlyConnection};

#[async_trait]
impl ConnectDriver for ReadOnlyConnection {
    /// virConnectClose
    async fn close(&self) -> VirResult<()> {
        self.inner.close().await
    }

    /// virConnectGetType
    async fn get_type(&self) -> VirResult<String> {
        self.inner.get_type().await
    }

    /// virConnectGetVersion
    async fn get_version(&self) -> VirResult<u64> {
        self.inner.get_version().await
    }

    /// virConnectGetHostname
    async fn get_hostname(&self) -> VirResult<String> {
        self.inner.get_hostname().await
    }

    /// virConnectGetURI
    async fn get_uri(&self) -> VirResult<String> {
        self.inner.get_uri().await
    }

    /// virConnectIsSecure
    async fn is_secure(&self) -> VirResult<bool> {
        self.inner.is_secure().await
    }

    /// virConnectGetCapabilities
    async fn get_capabilities(&self) -> VirResult<String> {
        self.inner.get_capabilities().await
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
        Err(denied(
            ErrorDomain::Domain,
            "virConnectGetDomainCapabilities",
        ))
    }

    /// virConnectGetSysinfo
    async fn get_sysinfo(&self, flags: u32) -> VirResult<String> {
        self.inner.get_sysinfo(flags).await
    }

    /// virConnectGetMaxVcpus
    async fn get_max_vcpus(&self, virt_type: Option<String>) -> VirResult<i32> {
        self.inner.get_max_vcpus(virt_type).await
    }

    /// virConnectGetCPUModelNames
    async fn get_cpu_model_names(&self, arch: String, flags: u32) -> VirResult<Vec<String>> {
        self.inner.get_cpu_model_names(arch, flags).await
    }

    /// virConnectCompareCPU
    async fn compare_cpu(&self, xml: String, flags: u32) -> VirResult<i32> {
        self.inner.compare_cpu(xml, flags).await
    }

    /// virConnectBaselineCPU
    async fn baseline_cpu(&self, xml_cpus: Vec<String>, flags: u32) -> VirResult<String> {
        self.inner.baseline_cpu(xml_cpus, flags).await
    }

    /// virNodeGetInfo
    async fn node_get_info(&self) -> VirResult<NodeInfo> {
        self.inner.node_get_info().await
    }

    /// virNodeGetCPUStats: (field, value) pairs.
    async fn node_get_cpu_stats(&self, cpu_num: i32, flags: u32) -> VirResult<Vec<(String, u64)>> {
        self.inner.node_get_cpu_stats(cpu_num, flags).await
    }

    /// virNodeGetMemoryStats: (field, value) pairs.
    async fn node_get_memory_stats(
        &self,
        cell_num: i32,
        flags: u32,
    ) -> VirResult<Vec<(String, u64)>> {
        self.inner.node_get_memory_stats(cell_num, flags).await
    }

    /// virNodeGetFreeMemory
    async fn node_get_free_memory(&self) -> VirResult<u64> {
        self.inner.node_get_free_memory().await
    }

    /// virNodeGetCellsFreeMemory
    async fn node_get_cells_free_memory(
        &self,
        start_cell: i32,
        max_cells: i32,
    ) -> VirResult<Vec<u64>> {
        self.inner
            .node_get_cells_free_memory(start_cell, max_cells)
            .await
    }

    /// virNodeGetSecurityModel
    async fn node_get_security_model(&self) -> VirResult<SecurityModel> {
        self.inner.node_get_security_model().await
    }

    /// virNodeGetCPUMap: (cpumap bytes, online count, total cpus).
    async fn node_get_cpu_map(&self, flags: u32) -> VirResult<(Vec<u8>, u32, i32)> {
        self.inner.node_get_cpu_map(flags).await
    }

    /// virNodeGetFreePages
    async fn node_get_free_pages(
        &self,
        pages: Vec<u32>,
        start_cell: i32,
        cell_count: u32,
        flags: u32,
    ) -> VirResult<Vec<u64>> {
        self.inner
            .node_get_free_pages(pages, start_cell, cell_count, flags)
            .await
    }

    /// virNodeGetMemoryParameters
    async fn node_get_memory_parameters(&self, flags: u32) -> VirResult<Vec<TypedParam>> {
        self.inner.node_get_memory_parameters(flags).await
    }

    /// virNodeSetMemoryParameters
    async fn node_set_memory_parameters(
        &self,
        _params: Vec<TypedParam>,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::None, "virNodeSetMemoryParameters"))
    }

    /// virNodeSuspendForDuration
    async fn node_suspend_for_duration(
        &self,
        _target: u32,
        _duration: u64,
        _flags: u32,
    ) -> VirResult<()> {
        Err(denied(ErrorDomain::None, "virNodeSuspendForDuration"))
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
        Err(denied(ErrorDomain::None, "virNodeAllocPages"))
    }

    /// virConnectDomainXMLFromNative
    async fn domain_xml_from_native(
        &self,
        _format: &str,
        _config: &str,
        _flags: u32,
    ) -> VirResult<String> {
        Err(denied(ErrorDomain::Domain, "virConnectDomainXMLFromNative"))
    }

    /// virConnectDomainXMLToNative
    async fn domain_xml_to_native(
        &self,
        _format: &str,
        _xml: &str,
        _flags: u32,
    ) -> VirResult<String> {
        Err(denied(ErrorDomain::Domain, "virConnectDomainXMLToNative"))
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
        Err(denied(ErrorDomain::None, "virConnectCompareHypervisorCPU"))
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
        Err(denied(ErrorDomain::None, "virConnectBaselineHypervisorCPU"))
    }

    /// virNodeGetSEVInfo: refused on read-only connections (`virCheckReadOnlyGoto`).
    async fn node_get_sev_info(&self, _flags: u32) -> VirResult<Vec<TypedParam>> {
        Err(denied(ErrorDomain::None, "virNodeGetSEVInfo"))
    }
}

rvirt_core::snapshot_driver_methods!(
    read_only_impl! { DomainSnapshotDriver for ReadOnlyConnection, DomainSnapshot; }
);

rvirt_core::checkpoint_driver_methods!(
    read_only_impl! { DomainCheckpointDriver for ReadOnlyConnection, DomainCheckpoint; }
);

rvirt_core::network_driver_methods!(
    read_only_impl! { NetworkDriver for ReadOnlyConnection, Network; }
);
