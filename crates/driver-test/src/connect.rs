//! `ConnectDriver`: connection and host APIs (`testConnect*`, `testNode*`).

use crate::defaults;
use crate::driver::TestConnection;
use crate::errors::{check_flags, invalid_arg, no_support};
use async_trait::async_trait;
use rvirt_core::driver::ConnectDriver;
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::info::{NodeInfo, SecurityModel};

#[async_trait]
impl ConnectDriver for TestConnection {
    /// virConnectClose
    async fn close(&self) -> VirResult<()> {
        self.release();
        Ok(())
    }
    /// virConnectGetType
    async fn get_type(&self) -> VirResult<String> {
        Ok("TEST".to_string())
    }
    /// virConnectGetVersion
    async fn get_version(&self) -> VirResult<u64> {
        Ok(defaults::HV_VERSION)
    }
    /// virConnectGetHostname: the host's name, as `virGetHostname`.
    async fn get_hostname(&self) -> VirResult<String> {
        let name = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|_| "localhost".to_string());
        Ok(name)
    }
    /// virConnectGetURI
    async fn get_uri(&self) -> VirResult<String> {
        Ok(self.uri().to_string())
    }
    /// virConnectBaselineCPU: libvirt's test driver runs the generic CPU baseline; rvirt
    /// answers the case without a CPU model database: identical models, no extra features.
    async fn baseline_cpu(&self, xml_cpus: Vec<String>, flags: u32) -> VirResult<String> {
        check_flags(flags, 1, "testConnectBaselineCPU")?;
        let mut model: Option<String> = None;
        for x in &xml_cpus {
            let doc = roxmltree::Document::parse(x).map_err(|e| {
                rvirt_core::error::VirError::new(
                    rvirt_core::error::ErrorCode::XmlError,
                    ErrorDomain::Cpu,
                    e.to_string(),
                )
            })?;
            let root = doc.root_element();
            let text = |n: &str| {
                root.children()
                    .find(|c| c.has_tag_name(n))
                    .and_then(|c| c.text())
                    .map(|t| t.trim().to_string())
            };
            if text("arch").is_none() {
                return Err(rvirt_core::error::VirError::new(
                    rvirt_core::error::ErrorCode::XmlError,
                    ErrorDomain::Cpu,
                    "Missing CPU architecture",
                ));
            }
            let m = text("model");
            let features = root.children().any(|c| c.has_tag_name("feature"));
            match (&model, m) {
                (_, None) => return Err(no_support("virConnectBaselineCPU", ErrorDomain::None)),
                (Some(a), Some(b)) if *a != b => {
                    return Err(no_support("virConnectBaselineCPU", ErrorDomain::None))
                }
                (_, Some(b)) if !features && flags == 0 => model = Some(b),
                _ => return Err(no_support("virConnectBaselineCPU", ErrorDomain::None)),
            }
        }
        let model = model.ok_or_else(|| no_support("virConnectBaselineCPU", ErrorDomain::None))?;
        Ok(format!(
            "<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>{}</model>\n</cpu>\n",
            rvirt_conf::xml::escape(&model)
        ))
    }
    /// virConnectIsSecure
    async fn is_secure(&self) -> VirResult<bool> {
        Ok(true)
    }
    /// virConnectGetCapabilities
    async fn get_capabilities(&self) -> VirResult<String> {
        let cells = self.state().cells.clone();
        Ok(defaults::capabilities(&cells).format())
    }
    /// virConnectGetSysinfo
    async fn get_sysinfo(&self, flags: u32) -> VirResult<String> {
        check_flags(flags, 0, "testConnectGetSysinfo")?;
        Ok(defaults::SYSINFO.to_string())
    }
    /// virConnectGetMaxVcpus
    async fn get_max_vcpus(&self, _type: Option<String>) -> VirResult<i32> {
        Ok(defaults::MAX_VCPUS)
    }
    /// virConnectGetCPUModelNames
    async fn get_cpu_model_names(&self, arch: String, flags: u32) -> VirResult<Vec<String>> {
        check_flags(flags, 0, "testConnectGetCPUModelNames")?;
        match arch.as_str() {
            "x86_64" | "i686" => Ok(defaults::X86_CPU_MODELS
                .iter()
                .map(|s| s.to_string())
                .collect()),
            "aarch64" | "armv7l" | "ppc64" | "ppc64le" | "s390x" | "riscv64" | "mips" | "sparc" => {
                Ok(Vec::new())
            }
            _ => Err(invalid_arg(format!("cannot find architecture {arch}"))),
        }
    }
    /// virNodeGetInfo
    async fn node_get_info(&self) -> VirResult<NodeInfo> {
        Ok(self.state().node_info.clone())
    }
    /// virNodeGetCPUStats
    async fn node_get_cpu_stats(&self, _cpu: i32, flags: u32) -> VirResult<Vec<(String, u64)>> {
        check_flags(flags, 0, "testNodeGetCPUStats")?;
        Ok(vec![
            ("user".to_string(), 9_797_400_000),
            ("kernel".to_string(), 34_678_723_400_000),
            ("idle".to_string(), 87_264_900_000),
            ("iowait".to_string(), 763_600_000),
        ])
    }
    /// virNodeGetMemoryStats: not implemented by libvirt's test driver.
    async fn node_get_memory_stats(&self, _c: i32, _f: u32) -> VirResult<Vec<(String, u64)>> {
        Err(no_support("virNodeGetMemoryStats", ErrorDomain::None))
    }
    /// virNodeGetFreeMemory: sum of the cells' free memory (KiB, as libvirt returns it).
    async fn node_get_free_memory(&self) -> VirResult<u64> {
        Ok(self.state().cells.iter().map(|c| c.1).sum())
    }
    /// virNodeGetCellsFreeMemory: each cell's memory (libvirt reports `mem`, not `freeMem`).
    async fn node_get_cells_free_memory(&self, start: i32, max: i32) -> VirResult<Vec<u64>> {
        rvirt_core::driver::api_checks::check_cells_free_memory_args(start, max)?;
        let st = self.state();
        let start_u = usize::try_from(start).unwrap_or(usize::MAX);
        if start_u >= st.cells.len() {
            return Err(invalid_arg("Range exceeds available cells"));
        }
        let max = usize::try_from(max).unwrap_or(0);
        Ok(st.cells[start_u..].iter().take(max).map(|c| c.0).collect())
    }
    /// virNodeGetSecurityModel
    async fn node_get_security_model(&self) -> VirResult<SecurityModel> {
        Ok(SecurityModel {
            model: "testSecurity".to_string(),
            doi: String::new(),
        })
    }
    /// virNodeGetCPUMap: 8 CPUs, map 0x15, 3 online.
    async fn node_get_cpu_map(&self, flags: u32) -> VirResult<(Vec<u8>, u32, i32)> {
        check_flags(flags, 0, "testNodeGetCPUMap")?;
        Ok((vec![0x15], 3, 8))
    }
    /// virNodeGetFreePages: the test driver's synthetic counts.
    async fn node_get_free_pages(
        &self,
        pages: Vec<u32>,
        _start: i32,
        cells: u32,
        flags: u32,
    ) -> VirResult<Vec<u64>> {
        check_flags(flags, 0, "testNodeGetFreePages")?;
        let mut x: u64 = 6;
        let mut out = Vec::new();
        for _ in 0..cells {
            for _ in &pages {
                x = x * 2 + 7;
                out.push(x);
            }
        }
        Ok(out)
    }
}
