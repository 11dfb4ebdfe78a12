//! `ConnectDriver` over RPC (connection and node procedures).

use async_trait::async_trait;
use bytes::Bytes;
use rvirt_core::driver::ConnectDriver;
use rvirt_core::error::VirResult;
use rvirt_core::info::{NodeInfo, SecurityModel};
use rvirt_core::typed_param::TypedParam;
use rvirt_xdr::{CharArray, Chars};

use super::conn::RemoteConnection;
use super::procs as p;
use super::types::{chars_to_string, NamedU64};
use super::wire::args;

fn pairs(v: Vec<NamedU64>) -> Vec<(String, u64)> {
    v.into_iter().map(|s| (s.field, s.value)).collect()
}

#[async_trait]
impl ConnectDriver for RemoteConnection {
    /// virConnectClose (UNREGISTER_CLOSE_CALLBACK 361, CONNECT_CLOSE 2)
    async fn close(&self) -> VirResult<()> {
        self.close_connection().await
    }
    /// virConnectGetType (CONNECT_GET_TYPE 3)
    async fn get_type(&self) -> VirResult<String> {
        self.call(p::CONNECT_GET_TYPE, Bytes::new()).await?.get()
    }
    /// virConnectGetVersion (CONNECT_GET_VERSION 4)
    async fn get_version(&self) -> VirResult<u64> {
        self.call(p::CONNECT_GET_VERSION, Bytes::new()).await?.get()
    }
    /// virConnectGetHostname (CONNECT_GET_HOSTNAME 59)
    async fn get_hostname(&self) -> VirResult<String> {
        self.call(p::CONNECT_GET_HOSTNAME, Bytes::new())
            .await?
            .get()
    }
    /// virConnectGetURI: the URI this connection was opened with (no RPC, as libvirt).
    async fn get_uri(&self) -> VirResult<String> {
        Ok(self.uri.clone())
    }
    /// virConnectIsSecure (CONNECT_IS_SECURE 149; TCP is never secure)
    async fn is_secure(&self) -> VirResult<bool> {
        if !self.secure_transport {
            return Ok(false);
        }
        self.call(p::CONNECT_IS_SECURE, Bytes::new()).await?.flag()
    }
    /// virConnectGetCapabilities (CONNECT_GET_CAPABILITIES 7)
    async fn get_capabilities(&self) -> VirResult<String> {
        self.call(p::CONNECT_GET_CAPABILITIES, Bytes::new())
            .await?
            .get()
    }
    /// virConnectGetDomainCapabilities (CONNECT_GET_DOMAIN_CAPABILITIES 342)
    async fn get_domain_capabilities(
        &self,
        emulator: Option<String>,
        arch: Option<String>,
        machine: Option<String>,
        virttype: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        self.call(
            p::CONNECT_GET_DOMAIN_CAPABILITIES,
            args!(emulator, arch, machine, virttype, flags),
        )
        .await?
        .get()
    }
    /// virConnectGetSysinfo (CONNECT_GET_SYSINFO 203)
    async fn get_sysinfo(&self, flags: u32) -> VirResult<String> {
        self.call(p::CONNECT_GET_SYSINFO, args!(flags)).await?.get()
    }
    /// virConnectGetMaxVcpus (CONNECT_GET_MAX_VCPUS 5)
    async fn get_max_vcpus(&self, kind: Option<String>) -> VirResult<i32> {
        self.call(p::CONNECT_GET_MAX_VCPUS, args!(kind))
            .await?
            .get()
    }
    /// virConnectGetCPUModelNames (CONNECT_GET_CPU_MODEL_NAMES 312)
    async fn get_cpu_model_names(&self, arch: String, flags: u32) -> VirResult<Vec<String>> {
        self.call(p::CONNECT_GET_CPU_MODEL_NAMES, args!(arch, 1i32, flags))
            .await?
            .get()
    }
    /// virConnectCompareCPU (CONNECT_COMPARE_CPU 158)
    async fn compare_cpu(&self, xml: String, flags: u32) -> VirResult<i32> {
        self.call(p::CONNECT_COMPARE_CPU, args!(xml, flags))
            .await?
            .get()
    }
    /// virConnectBaselineCPU (CONNECT_BASELINE_CPU 162)
    async fn baseline_cpu(&self, xml_cpus: Vec<String>, flags: u32) -> VirResult<String> {
        self.call(p::CONNECT_BASELINE_CPU, args!(xml_cpus, flags))
            .await?
            .get()
    }
    /// virNodeGetInfo (NODE_GET_INFO 6)
    async fn node_get_info(&self) -> VirResult<NodeInfo> {
        let mut r = self.call(p::NODE_GET_INFO, Bytes::new()).await?;
        let model: CharArray<32> = r.get()?;
        let model = model.to_string_lossy();
        Ok(NodeInfo {
            model: model.trim_end_matches('\0').to_string(),
            memory: r.get()?,
            cpus: r.get()?,
            mhz: r.get()?,
            nodes: r.get()?,
            sockets: r.get()?,
            cores: r.get()?,
            threads: r.get()?,
        })
    }
    /// virNodeGetCPUStats (NODE_GET_CPU_STATS 227, two passes: count, then values)
    async fn node_get_cpu_stats(&self, cpu_num: i32, flags: u32) -> VirResult<Vec<(String, u64)>> {
        let mut r = self
            .call(p::NODE_GET_CPU_STATS, args!(cpu_num, 0i32, flags))
            .await?;
        let _: Vec<NamedU64> = r.get()?;
        let n: i32 = r.get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        let mut r = self
            .call(p::NODE_GET_CPU_STATS, args!(cpu_num, n, flags))
            .await?;
        Ok(pairs(r.get()?))
    }
    /// virNodeGetMemoryStats (NODE_GET_MEMORY_STATS 228, two passes)
    async fn node_get_memory_stats(
        &self,
        cell_num: i32,
        flags: u32,
    ) -> VirResult<Vec<(String, u64)>> {
        let mut r = self
            .call(p::NODE_GET_MEMORY_STATS, args!(0i32, cell_num, flags))
            .await?;
        let _: Vec<NamedU64> = r.get()?;
        let n: i32 = r.get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        let mut r = self
            .call(p::NODE_GET_MEMORY_STATS, args!(n, cell_num, flags))
            .await?;
        Ok(pairs(r.get()?))
    }
    /// virNodeGetFreeMemory (NODE_GET_FREE_MEMORY 102)
    async fn node_get_free_memory(&self) -> VirResult<u64> {
        self.call(p::NODE_GET_FREE_MEMORY, Bytes::new())
            .await?
            .get()
    }
    /// virNodeGetCellsFreeMemory (NODE_GET_CELLS_FREE_MEMORY 101)
    async fn node_get_cells_free_memory(
        &self,
        start_cell: i32,
        max_cells: i32,
    ) -> VirResult<Vec<u64>> {
        self.call(p::NODE_GET_CELLS_FREE_MEMORY, args!(start_cell, max_cells))
            .await?
            .get()
    }
    /// virNodeGetSecurityModel (NODE_GET_SECURITY_MODEL 122)
    async fn node_get_security_model(&self) -> VirResult<SecurityModel> {
        let mut r = self.call(p::NODE_GET_SECURITY_MODEL, Bytes::new()).await?;
        let model: Chars = r.get()?;
        let doi: Chars = r.get()?;
        Ok(SecurityModel {
            model: chars_to_string(&model),
            doi: chars_to_string(&doi),
        })
    }
    /// virNodeGetCPUMap (NODE_GET_CPU_MAP 293)
    async fn node_get_cpu_map(&self, flags: u32) -> VirResult<(Vec<u8>, u32, i32)> {
        let mut r = self
            .call(p::NODE_GET_CPU_MAP, args!(1i32, 1i32, flags))
            .await?;
        Ok((r.get()?, r.get()?, r.get()?))
    }
    /// virNodeGetFreePages (NODE_GET_FREE_PAGES 340)
    async fn node_get_free_pages(
        &self,
        pages: Vec<u32>,
        start_cell: i32,
        cell_count: u32,
        flags: u32,
    ) -> VirResult<Vec<u64>> {
        self.call(
            p::NODE_GET_FREE_PAGES,
            args!(pages, start_cell, cell_count, flags),
        )
        .await?
        .get()
    }
    /// virNodeGetMemoryParameters (NODE_GET_MEMORY_PARAMETERS 289, two passes)
    async fn node_get_memory_parameters(&self, flags: u32) -> VirResult<Vec<TypedParam>> {
        let mut r = self
            .call(p::NODE_GET_MEMORY_PARAMETERS, args!(0i32, flags))
            .await?;
        let _: Vec<TypedParam> = r.get()?;
        let n: i32 = r.get()?;
        if n <= 0 {
            return Ok(Vec::new());
        }
        self.call(p::NODE_GET_MEMORY_PARAMETERS, args!(n, flags))
            .await?
            .get()
    }
    /// virNodeSetMemoryParameters (NODE_SET_MEMORY_PARAMETERS 288)
    async fn node_set_memory_parameters(
        &self,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::NODE_SET_MEMORY_PARAMETERS, args!(params, flags))
            .await
    }
    /// virNodeSuspendForDuration (NODE_SUSPEND_FOR_DURATION)
    async fn node_suspend_for_duration(
        &self,
        target: u32,
        duration: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.call0(p::NODE_SUSPEND_FOR_DURATION, args!(target, duration, flags))
            .await
    }
    /// virNodeAllocPages (NODE_ALLOC_PAGES)
    async fn node_alloc_pages(
        &self,
        page_sizes: Vec<u32>,
        page_counts: Vec<u64>,
        start_cell: i32,
        cell_count: u32,
        flags: u32,
    ) -> VirResult<i32> {
        let mut r = self
            .call(
                p::NODE_ALLOC_PAGES,
                args!(page_sizes, page_counts, start_cell, cell_count, flags),
            )
            .await?;
        r.get()
    }
    /// virConnectDomainXMLFromNative (CONNECT_DOMAIN_XML_FROM_NATIVE)
    async fn domain_xml_from_native(
        &self,
        format: &str,
        config: &str,
        flags: u32,
    ) -> VirResult<String> {
        let mut r = self
            .call(
                p::CONNECT_DOMAIN_XML_FROM_NATIVE,
                args!(format, config, flags),
            )
            .await?;
        r.get()
    }
    /// virConnectDomainXMLToNative (CONNECT_DOMAIN_XML_TO_NATIVE)
    async fn domain_xml_to_native(&self, format: &str, xml: &str, flags: u32) -> VirResult<String> {
        let mut r = self
            .call(p::CONNECT_DOMAIN_XML_TO_NATIVE, args!(format, xml, flags))
            .await?;
        r.get()
    }
    /// virConnectCompareHypervisorCPU (CONNECT_COMPARE_HYPERVISOR_CPU)
    async fn compare_hypervisor_cpu(
        &self,
        emulator: Option<String>,
        arch: Option<String>,
        machine: Option<String>,
        virttype: Option<String>,
        xml_cpu: &str,
        flags: u32,
    ) -> VirResult<i32> {
        let mut r = self
            .call(
                p::CONNECT_COMPARE_HYPERVISOR_CPU,
                args!(emulator, arch, machine, virttype, xml_cpu, flags),
            )
            .await?;
        r.get()
    }
    /// virConnectBaselineHypervisorCPU (CONNECT_BASELINE_HYPERVISOR_CPU)
    async fn baseline_hypervisor_cpu(
        &self,
        emulator: Option<String>,
        arch: Option<String>,
        machine: Option<String>,
        virttype: Option<String>,
        xml_cpus: Vec<String>,
        flags: u32,
    ) -> VirResult<String> {
        let mut r = self
            .call(
                p::CONNECT_BASELINE_HYPERVISOR_CPU,
                args!(emulator, arch, machine, virttype, xml_cpus, flags),
            )
            .await?;
        r.get()
    }
    /// virNodeGetSEVInfo (NODE_GET_SEV_INFO)
    async fn node_get_sev_info(&self, flags: u32) -> VirResult<Vec<TypedParam>> {
        let mut r = self.call(p::NODE_GET_SEV_INFO, args!(0i32, flags)).await?;
        r.get()
    }
}
