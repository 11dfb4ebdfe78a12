//! `DomainDriver` for the test driver: thin trait methods over the lifecycle and query code.

use crate::domain_extra::IoThreadOp;
use crate::domain_query::{affect, list_filter, LIST_FILTERS_ALL};
use crate::domdef::DomainDefExt;
use crate::driver::TestConnection;
use crate::errors::{check_flags, invalid_arg, invalid_op, no_support, not_running, TEST};
use crate::objects::DomainObj;
use async_trait::async_trait;
use rvirt_core::driver::DomainDriver;
use rvirt_core::driver::{DiskError, FsInfo, IoThreadInfo};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::{DomainEventKind, Event};
use rvirt_core::handle::{DomainRef, Uuid};
use rvirt_core::info::{
    BlockInfo, BlockStats, ControlInfo, DomainInfo, DomainInterface, DomainStatsRecord, GuestTime,
    InterfaceStats, IpAddress, MemoryStat, SecurityLabel, VcpuInfo,
};
use rvirt_core::typed_param::{validate, TypedParam, TypedValue};
use std::time::{SystemTime, UNIX_EPOCH};

fn now_us() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn param(field: &str, value: TypedValue) -> TypedParam {
    TypedParam::new(field, value)
}

fn metadata_missing() -> VirError {
    VirError::new(
        ErrorCode::NoDomainMetadata,
        ErrorDomain::Domain,
        "Requested metadata element is not present",
    )
}

#[async_trait]
impl DomainDriver for TestConnection {
    /// testDomainGetPerfEvents (see `perf.rs`)
    async fn domain_get_perf_events(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.dom_perf_events(dom, flags)
    }
    /// testDomainSetMemoryStatsPeriod (see `memstats_period.rs`)
    async fn domain_set_memory_stats_period(
        &self,
        dom: &DomainRef,
        period: i32,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_set_memory_stats_period(dom, period, flags)
    }
    /// testDomainSetPerfEvents (see `perf.rs`)
    async fn domain_set_perf_events(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_set_perf_events(dom, &params, flags)
    }
    /// testDomainGetLaunchSecurityInfo: no launch security, so no parameters.
    async fn domain_get_launch_security_info(
        &self,
        _dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        check_flags(flags, 0, "testDomainGetLaunchSecurityInfo")?;
        Ok(Vec::new())
    }
    /// testDomainScreenshot (see `screenshot.rs`)
    async fn domain_screenshot(
        &self,
        dom: &DomainRef,
        _screen: u32,
        flags: u32,
    ) -> VirResult<(Option<String>, rvirt_core::stream::DataStream)> {
        self.dom_screenshot(dom, flags).await
    }
    async fn list_all_domains(&self, flags: u32) -> VirResult<Vec<DomainRef>> {
        check_flags(flags, LIST_FILTERS_ALL, "testConnectListAllDomains")?;
        Ok(self
            .state()
            .domains
            .iter()
            .filter(|d| list_filter(d, flags))
            .map(DomainObj::dref)
            .collect())
    }
    async fn list_domain_ids(&self) -> VirResult<Vec<i32>> {
        Ok(self
            .state()
            .domains
            .iter()
            .filter(|d| d.is_active())
            .map(|d| d.id)
            .collect())
    }
    async fn list_defined_domains(&self) -> VirResult<Vec<String>> {
        Ok(self
            .state()
            .domains
            .iter()
            .filter(|d| !d.is_active())
            .map(|d| d.def.name.clone())
            .collect())
    }
    async fn domain_lookup_by_id(&self, id: i32) -> VirResult<DomainRef> {
        self.dom_lookup(|d| d.is_active() && d.id == id)
    }
    async fn domain_lookup_by_name(&self, name: &str) -> VirResult<DomainRef> {
        self.dom_lookup(|d| d.def.name == name)
    }
    async fn domain_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<DomainRef> {
        self.dom_lookup(|d| d.def.uuid_ref() == uuid)
    }
    async fn domain_define_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        self.dom_define(xml, flags)
    }
    async fn domain_undefine(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.dom_undefine(dom, flags)
    }
    async fn domain_create_xml(&self, xml: &str, flags: u32) -> VirResult<DomainRef> {
        self.dom_create_xml(xml, flags)
    }
    async fn domain_create(&self, dom: &DomainRef, flags: u32) -> VirResult<DomainRef> {
        self.dom_create(dom, flags)
    }
    async fn domain_destroy(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.dom_destroy(dom, flags)
    }
    async fn domain_shutdown(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.dom_shutdown(dom, flags)
    }
    async fn domain_reboot(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.dom_reboot(dom, flags)
    }
    async fn domain_reset(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.dom_reset(dom, flags)
    }
    async fn domain_suspend(&self, dom: &DomainRef) -> VirResult<()> {
        self.dom_suspend(dom)
    }
    async fn domain_resume(&self, dom: &DomainRef) -> VirResult<()> {
        self.dom_resume(dom)
    }
    async fn domain_get_info(&self, dom: &DomainRef) -> VirResult<DomainInfo> {
        self.with_dom(dom, |d| {
            Ok(DomainInfo {
                state: d.state.state,
                max_mem: d.def.max_memory_kib,
                memory: d.def.current_memory_kib,
                nr_virt_cpu: d.def.vcpus(),
                cpu_time: u64::try_from(now_us()).unwrap_or(0).saturating_mul(1000),
            })
        })
    }
    async fn domain_get_state(&self, dom: &DomainRef, flags: u32) -> VirResult<(i32, i32)> {
        check_flags(flags, 0, "testDomainGetState")?;
        self.with_dom(dom, |d| Ok((d.state.state, d.state.reason)))
    }
    async fn domain_get_control_info(&self, dom: &DomainRef, flags: u32) -> VirResult<ControlInfo> {
        check_flags(flags, 0, "testDomainGetControlInfo")?;
        self.with_active(dom, |d| {
            let secs = d.time.0;
            let mut info = ControlInfo::default();
            if secs > 0 && secs < 10000 {
                info.state = 1;
                info.state_time = u64::try_from(secs).unwrap_or(0);
            } else if (10000..30000).contains(&secs) {
                info.state = 2;
                info.state_time = u64::try_from(secs - 10000).unwrap_or(0);
            } else if (30000..60000).contains(&secs) {
                info.state = 3;
                info.details = u32::try_from(secs % 4).unwrap_or(0);
                info.state_time = u64::try_from(secs - 30000).unwrap_or(0);
            }
            Ok(info)
        })
    }
    async fn domain_get_xml_desc(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        // SECURE | INACTIVE | UPDATE_CPU | MIGRATABLE
        // SECURE | INACTIVE | MIGRATABLE; not UPDATE_CPU (libvirt's test driver has no CPU
        // model to update from)
        check_flags(flags, 0x1 | 0x2 | 0x8, "testDomainGetXMLDesc")?;
        self.with_dom(dom, |d| {
            let secure = flags & 1 != 0;
            if flags & 2 != 0 {
                Ok(d.persistent_def().xml(None, true, secure))
            } else {
                Ok(d.def.xml((d.id >= 0).then_some(d.id), false, secure))
            }
        })
    }
    async fn domain_get_os_type(&self, dom: &DomainRef) -> VirResult<String> {
        self.with_dom(dom, |_| Ok("linux".to_string()))
    }
    async fn domain_get_max_memory(&self, dom: &DomainRef) -> VirResult<u64> {
        self.with_dom(dom, |d| Ok(d.def.max_memory_kib))
    }
    async fn domain_get_max_vcpus(&self, dom: &DomainRef) -> VirResult<i32> {
        self.domain_get_vcpus_flags(dom, 1 | 4).await
    }
    async fn domain_is_active(&self, dom: &DomainRef) -> VirResult<bool> {
        self.with_dom(dom, |d| Ok(d.is_active()))
    }
    async fn domain_is_persistent(&self, dom: &DomainRef) -> VirResult<bool> {
        self.with_dom(dom, |d| Ok(d.persistent))
    }
    async fn domain_is_updated(&self, _dom: &DomainRef) -> VirResult<bool> {
        Ok(false)
    }
    async fn domain_get_autostart(&self, dom: &DomainRef) -> VirResult<bool> {
        self.with_dom(dom, |d| Ok(d.autostart))
    }
    async fn domain_set_autostart(&self, dom: &DomainRef, autostart: bool) -> VirResult<()> {
        self.with_dom(dom, |d| {
            d.autostart = autostart;
            Ok(())
        })
    }
    async fn domain_set_max_memory(&self, dom: &DomainRef, kib: u64) -> VirResult<()> {
        self.dom_set_memory(dom, kib, 4)
    }
    async fn domain_set_memory_flags(
        &self,
        dom: &DomainRef,
        kib: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_set_memory(dom, kib, flags)
    }
    async fn domain_set_vcpus_flags(&self, dom: &DomainRef, n: u32, flags: u32) -> VirResult<()> {
        self.dom_set_vcpus(dom, n, flags)
    }
    async fn domain_get_vcpus_flags(&self, dom: &DomainRef, flags: u32) -> VirResult<i32> {
        check_flags(flags, 1 | 2 | 4, "testDomainGetVcpusFlags")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & 3)?;
            let def = if config { d.persistent_def() } else { &d.def };
            let n = if flags & 4 != 0 {
                def.vcpus_max
            } else {
                def.vcpus()
            };
            Ok(i32::try_from(n).unwrap_or(i32::MAX))
        })
    }
    async fn domain_get_vcpus(
        &self,
        dom: &DomainRef,
        maxinfo: i32,
        maplen: i32,
    ) -> VirResult<(Vec<VcpuInfo>, Vec<u8>)> {
        let hostcpus = self.state().node_info.cpus;
        self.with_dom(dom, |d| {
            if !d.is_active() {
                return Err(VirError::new(
                    ErrorCode::OperationInvalid,
                    TEST,
                    "cannot list vcpus for an inactive domain",
                ));
            }
            let n = usize::try_from(maxinfo.min(i32::try_from(d.def.vcpus()).unwrap_or(0)))
                .unwrap_or(0);
            let maplen = usize::try_from(maplen).unwrap_or(0);
            let base = u64::try_from(now_us()).unwrap_or(0) / 10;
            let mut infos = Vec::new();
            let mut maps = vec![0u8; n * maplen];
            for i in 0..n {
                for c in 0..usize::try_from(hostcpus).unwrap_or(0) {
                    if c / 8 < maplen {
                        maps[i * maplen + c / 8] |= 1 << (c % 8);
                    }
                }
                infos.push(VcpuInfo {
                    number: u32::try_from(i).unwrap_or(0),
                    state: 1,
                    cpu_time: base,
                    cpu: hostcpus - 1,
                });
            }
            Ok((infos, maps))
        })
    }
    async fn domain_save(
        &self,
        dom: &DomainRef,
        to: &str,
        dxml: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_save(dom, to, dxml, flags)
    }
    async fn domain_restore(&self, from: &str, dxml: Option<String>, flags: u32) -> VirResult<()> {
        self.dom_restore(from, dxml, flags)
    }
    async fn domain_save_image_get_xml_desc(&self, file: &str, flags: u32) -> VirResult<String> {
        self.dom_save_image_xml(file, flags)
    }
    async fn domain_save_image_define_xml(
        &self,
        file: &str,
        dxml: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_save_image_define(file, dxml, flags)
    }
    async fn domain_core_dump(
        &self,
        dom: &DomainRef,
        to: &str,
        format: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_core_dump(dom, to, format, flags)
    }
    async fn domain_managed_save(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.dom_managed_save(dom, flags)
    }
    async fn domain_has_managed_save_image(&self, dom: &DomainRef, flags: u32) -> VirResult<bool> {
        check_flags(flags, 0, "testDomainHasManagedSaveImage")?;
        self.with_dom(dom, |d| Ok(d.has_managed_save))
    }
    async fn domain_managed_save_remove(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testDomainManagedSaveRemove")?;
        self.with_dom(dom, |d| {
            d.has_managed_save = false;
            Ok(())
        })
    }
    async fn domain_get_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<String> {
        check_flags(flags, 1 | 2, "testDomainGetMetadata")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags)?;
            let def = if config { d.persistent_def() } else { &d.def };
            match kind {
                0 => def.description.clone().ok_or_else(metadata_missing),
                1 => def.title.clone().ok_or_else(metadata_missing),
                2 => {
                    let uri = uri.ok_or_else(|| invalid_arg("missing namespace URI"))?;
                    def.metadata_plain(&uri)
                }
                _ => Err(invalid_arg(format!("unknown metadata type '{kind}'"))),
            }
        })
    }
    async fn domain_set_metadata(
        &self,
        dom: &DomainRef,
        kind: i32,
        metadata: Option<String>,
        key: Option<String>,
        uri: Option<String>,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 1 | 2, "testDomainSetMetadata")?;
        let r = self.with_dom(dom, |d| {
            let config = affect(d, flags)?;
            let def = if config {
                d.new_def.as_mut().unwrap_or(&mut d.def)
            } else {
                &mut d.def
            };
            match kind {
                0 => def.set_description(metadata.as_deref()),
                1 => def.set_title(metadata.as_deref()),
                2 => {
                    let uri = uri
                        .clone()
                        .ok_or_else(|| invalid_arg("missing namespace URI"))?;
                    match metadata.as_deref() {
                        Some(m) if !m.is_empty() => {
                            let key = key.clone().ok_or_else(|| invalid_arg("missing key"))?;
                            def.set_metadata_element(&uri, &key, Some(m))?;
                        }
                        _ => def.set_metadata_element(&uri, "", None)?,
                    }
                }
                _ => return Err(invalid_arg(format!("unknown metadata type '{kind}'"))),
            }
            Ok(d.dref())
        })?;
        self.emit(Event::Domain {
            dom: r,
            kind: DomainEventKind::MetadataChange { kind, nsuri: uri },
        });
        Ok(())
    }
    async fn domain_rename(&self, dom: &DomainRef, new_name: &str, flags: u32) -> VirResult<()> {
        self.dom_rename(dom, new_name, flags)
    }
    async fn domain_get_scheduler_type(&self, dom: &DomainRef) -> VirResult<(String, i32)> {
        self.with_dom(dom, |_| Ok(("fair".to_string(), 1)))
    }
    async fn domain_get_scheduler_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        check_flags(flags, 0, "testDomainGetSchedulerParametersFlags")?;
        self.with_dom(dom, |_| Ok(vec![param("weight", TypedValue::UInt(50))]))
    }
    async fn domain_set_scheduler_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 0, "testDomainSetSchedulerParametersFlags")?;
        validate(&params, &[("weight", 2)])?;
        self.with_dom(dom, |_| Ok(()))
    }
    async fn domain_get_memory_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        check_flags(flags, 1 | 2 | 4, "testDomainGetMemoryParameters")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & 3)?;
            let def = if config { d.persistent_def() } else { &d.def };
            Ok(["hard_limit", "soft_limit", "swap_hard_limit"]
                .iter()
                .map(|n| param(n, TypedValue::ULLong(def.memtune(n))))
                .collect())
        })
    }
    async fn domain_set_memory_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 1 | 2, "testDomainSetMemoryParameters")?;
        validate(
            &params,
            &[("hard_limit", 4), ("soft_limit", 4), ("swap_hard_limit", 4)],
        )?;
        self.with_dom(dom, |d| {
            let get = |n: &str| params.iter().rev().find(|p| p.field == n).and_then(|p| p.value.as_u64());
            let (hard, soft, swap) = (get("hard_limit"), get("soft_limit"), get("swap_hard_limit"));
            if hard.is_some() || swap.is_some() {
                let m = hard.unwrap_or_else(|| d.def.memtune("hard_limit"));
                let s = swap.unwrap_or_else(|| d.def.memtune("swap_hard_limit"));
                if m > s {
                    return Err(invalid_arg("memory hard_limit tunable value must be lower than or equal to swap_hard_limit"));
                }
            }
            let config = affect(d, flags)?;
            let def = if config { d.new_def.as_mut().unwrap_or(&mut d.def) } else { &mut d.def };
            for (n, v) in [("soft_limit", soft), ("hard_limit", hard), ("swap_hard_limit", swap)] {
                if let Some(v) = v {
                    def.set_memtune(n, v);
                }
            }
            Ok(())
        })
    }
    async fn domain_get_blkio_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        check_flags(flags, 1 | 2 | 4, "testDomainGetBlkioParameters")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & 3)?;
            let def = if config { d.persistent_def() } else { &d.def };
            let mut v = vec![param("weight", TypedValue::UInt(def.blkio_weight()))];
            for (n, _) in crate::blkio::FIELDS {
                v.push(param(n, TypedValue::String(crate::blkio::get(def, n))));
            }
            Ok(v)
        })
    }
    async fn domain_set_blkio_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 1 | 2, "testDomainSetBlkioParameters")?;
        validate(
            &params,
            &[
                ("weight", 2),
                ("device_weight", 7),
                ("device_read_iops_sec", 7),
                ("device_write_iops_sec", 7),
                ("device_read_bytes_sec", 7),
                ("device_write_bytes_sec", 7),
            ],
        )?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags)?;
            let def = if config {
                d.new_def.as_mut().unwrap_or(&mut d.def)
            } else {
                &mut d.def
            };
            for p in &params {
                // libvirt's test driver stores any weight (no 100..1000 range check)
                match (p.field.as_str(), &p.value) {
                    ("weight", TypedValue::UInt(w)) => def.set_blkio_weight(*w),
                    (f, TypedValue::String(list)) => crate::blkio::set(def, f, list)?,
                    _ => {}
                }
            }
            Ok(())
        })
    }
    async fn domain_block_stats(&self, dom: &DomainRef, path: &str) -> VirResult<BlockStats> {
        if path.is_empty() {
            return Err(VirError::new(
                ErrorCode::OperationUnsupported,
                TEST,
                "summary statistics are not supported yet",
            ));
        }
        self.with_active(dom, |d| {
            if d.def.disk_by_name(path).is_none() {
                return Err(invalid_arg(format!("invalid path: {path}")));
            }
            let b = now_us();
            Ok(BlockStats {
                rd_req: b / 10,
                rd_bytes: b / 20,
                wr_req: b / 30,
                wr_bytes: b / 40,
                errs: b / 2_000_000,
            })
        })
    }
    async fn domain_interface_stats(
        &self,
        dom: &DomainRef,
        device: &str,
    ) -> VirResult<InterfaceStats> {
        self.with_active(dom, |d| {
            d.def.net_find(device).ok_or_else(|| {
                VirError::new(
                    ErrorCode::InvalidArg,
                    ErrorDomain::Domain,
                    format!("'{device}' is not a known interface"),
                )
            })?;
            let b = now_us();
            Ok(InterfaceStats {
                rx_bytes: b / 10,
                rx_packets: b / 100,
                rx_errs: b / 1_000_000,
                rx_drop: b / 2_000_000,
                tx_bytes: b / 20,
                tx_packets: b / 110,
                tx_errs: b / 3_000_000,
                tx_drop: b / 4_000_000,
            })
        })
    }
    async fn domain_memory_stats(
        &self,
        dom: &DomainRef,
        max: u32,
        flags: u32,
    ) -> VirResult<Vec<MemoryStat>> {
        check_flags(flags, 0, "testDomainMemoryStats")?;
        self.with_active(dom, |d| {
            if !d.def.has_memballoon() {
                return Ok(Vec::new());
            }
            let cur = d.def.current_memory_kib;
            let all = [
                (6, cur),
                (0, 0),
                (1, 0),
                (2, 0),
                (3, 0),
                (4, cur / 2),
                (5, cur),
                (8, cur / 2),
                (9, 627_319_920),
                (10, cur / 8),
                (11, 0),
                (12, 0),
                (7, cur / 2),
            ];
            Ok(all
                .iter()
                .take(usize::try_from(max).unwrap_or(0))
                .map(|(t, v)| MemoryStat { tag: *t, val: *v })
                .collect())
        })
    }
    async fn domain_get_block_info(
        &self,
        dom: &DomainRef,
        path: &str,
        flags: u32,
    ) -> VirResult<BlockInfo> {
        check_flags(flags, 0, "testDomainGetBlockInfo")?;
        self.with_dom(dom, |d| {
            let disk = d.def.disk_by_name(path).ok_or_else(|| {
                invalid_arg(format!("invalid path {path} not assigned to domain"))
            })?;
            if disk.source.is_none() {
                return Err(invalid_arg(format!(
                    "disk '{path}' does not currently have a source assigned"
                )));
            }
            Ok(BlockInfo {
                capacity: 1_099_506_450_432,
                allocation: 1_099_511_627_776,
                physical: 1_099_511_627_776,
            })
        })
    }
    /// virConnectGetAllDomainStats: records in `list_all_domains` order. libvirt's order is
    /// its hash table's, randomly seeded per process (observed: `foo`/`test` either way), so
    /// no fixed order matches it.
    async fn get_all_domain_stats(
        &self,
        doms: Vec<DomainRef>,
        _stats: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainStatsRecord>> {
        let refs = if doms.is_empty() {
            self.list_all_domains(flags & LIST_FILTERS_ALL).await?
        } else {
            doms
        };
        let mut out = Vec::new();
        for r in refs {
            let (s, reason) = self.domain_get_state(&r, 0).await?;
            let r = self.with_dom(&r, |d| Ok(d.dref()))?;
            out.push(DomainStatsRecord {
                dom: r,
                params: vec![
                    param("state.state", TypedValue::Int(s)),
                    param("state.reason", TypedValue::Int(reason)),
                ],
            });
        }
        Ok(out)
    }
    async fn domain_get_security_label(&self, dom: &DomainRef) -> VirResult<SecurityLabel> {
        self.with_dom(dom, |d| {
            Ok(if d.is_active() {
                SecurityLabel {
                    label: "libvirt-test".into(),
                    enforcing: true,
                }
            } else {
                SecurityLabel::default()
            })
        })
    }
    async fn domain_get_security_label_list(
        &self,
        _dom: &DomainRef,
    ) -> VirResult<Vec<SecurityLabel>> {
        Err(no_support(
            "virDomainGetSecurityLabelList",
            ErrorDomain::Domain,
        ))
    }
    async fn domain_get_messages(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<String>> {
        check_flags(flags, 1 | 2, "testDomainGetMessages")?;
        self.with_dom(dom, |_| Ok(Vec::new()))
    }
    async fn domain_inject_nmi(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testDomainInjectNMI")?;
        self.with_active(dom, |_| Ok(()))
    }
    async fn domain_send_key(
        &self,
        dom: &DomainRef,
        _codeset: u32,
        _hold: u32,
        _keys: Vec<u32>,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 0, "testDomainSendKey")?;
        self.with_active(dom, |_| Ok(()))
    }
    async fn domain_set_lifecycle_action(
        &self,
        dom: &DomainRef,
        kind: u32,
        action: u32,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 1 | 2, "testDomainSetLifecycleAction")?;
        let which = match kind {
            0 => "on_poweroff",
            1 => "on_reboot",
            2 => "on_crash",
            _ => return Err(invalid_arg(format!("invalid lifecycle type '{kind}'"))),
        };
        let name = match action {
            0 => "destroy",
            1 => "restart",
            2 => "rename-restart",
            3 => "preserve",
            4 => "coredump-destroy",
            5 => "coredump-restart",
            _ => return Err(invalid_arg(format!("invalid lifecycle action '{action}'"))),
        };
        self.with_dom(dom, |d| {
            let config = affect(d, flags)?;
            if config {
                d.new_def
                    .as_mut()
                    .unwrap_or(&mut d.def)
                    .set_lifecycle_action(which, name)
            } else {
                d.def.set_lifecycle_action(which, name)
            }
            Ok(())
        })
    }
    async fn domain_get_hostname(&self, dom: &DomainRef, flags: u32) -> VirResult<String> {
        check_flags(flags, 0, "testDomainGetHostname")?;
        self.with_active(dom, |_| Ok(format!("{}host", dom.name)))
    }
    async fn domain_interface_addresses(
        &self,
        dom: &DomainRef,
        source: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainInterface>> {
        check_flags(flags, 0, "testDomainInterfaceAddresses")?;
        if source >= 3 {
            return Err(VirError::new(
                ErrorCode::ArgumentUnsupported,
                TEST,
                format!("Unknown IP address data source {source}"),
            ));
        }
        self.with_state(|s| {
            let i = crate::driver::dom_index(s, dom)?;
            let d = &s.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            let mut out = Vec::new();
            for (n, net) in d.def.interfaces().into_iter().enumerate() {
                let addr = if net.net_type == "network" {
                    let offset = 20 * (u32::try_from(d.id).unwrap_or(1).saturating_sub(1))
                        + u32::try_from(n).unwrap_or(0)
                        + 1;
                    let nname = net.source_network.clone().unwrap_or_default();
                    let nobj =
                        s.networks
                            .iter()
                            .find(|x| x.def.name == nname)
                            .ok_or_else(|| {
                                VirError::new(
                                    ErrorCode::NoNetwork,
                                    TEST,
                                    format!("no network with matching name '{nname}'"),
                                )
                            })?;
                    crate::network::lease_address(&nobj.def, offset)?
                } else {
                    IpAddress {
                        addr_type: 0,
                        addr: format!("192.168.0.{}", 1 + n),
                        prefix: 24,
                    }
                };
                out.push(DomainInterface {
                    name: net.target_dev.unwrap_or_default(),
                    hwaddr: net.mac,
                    addrs: vec![addr],
                });
            }
            Ok(out)
        })
    }
    async fn domain_get_time(&self, dom: &DomainRef, flags: u32) -> VirResult<GuestTime> {
        check_flags(flags, 0, "testDomainGetTime")?;
        self.with_dom(dom, |d| {
            if d.state.state != rvirt_core::info::domain_state::RUNNING {
                return Err(invalid_op("domain is not running"));
            }
            Ok(GuestTime {
                seconds: d.time.0,
                nseconds: d.time.1,
            })
        })
    }
    async fn domain_set_time(&self, dom: &DomainRef, t: GuestTime, flags: u32) -> VirResult<()> {
        check_flags(flags, 1, "testDomainSetTime")?;
        self.with_active(dom, |d| {
            d.time = (t.seconds, t.nseconds);
            Ok(())
        })
    }
    async fn domain_get_vcpu_pin_info(
        &self,
        dom: &DomainRef,
        ncpumaps: i32,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        self.dom_vcpu_pin_info(dom, ncpumaps, maplen, flags)
    }
    async fn domain_get_emulator_pin_info(
        &self,
        dom: &DomainRef,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        self.dom_emulator_pin_info(dom, maplen, flags)
    }
    async fn domain_get_numa_parameters(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.dom_numa_params(dom, flags)
    }
    async fn domain_get_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.dom_interface_params(dom, device, flags)
    }
    async fn domain_get_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        self.dom_block_io_tune(dom, disk, flags)
    }
    async fn domain_fs_freeze(
        &self,
        dom: &DomainRef,
        mounts: Vec<String>,
        flags: u32,
    ) -> VirResult<i32> {
        check_flags(flags, 0, "testDomainFSFreeze")?;
        self.with_active(dom, |d| fs_toggle(&mut d.frozen, &mounts, true))
    }
    async fn domain_fs_thaw(
        &self,
        dom: &DomainRef,
        mounts: Vec<String>,
        flags: u32,
    ) -> VirResult<i32> {
        check_flags(flags, 0, "testDomainFSThaw")?;
        self.with_active(dom, |d| fs_toggle(&mut d.frozen, &mounts, false))
    }
    async fn domain_pin_vcpu_flags(
        &self,
        dom: &DomainRef,
        vcpu: u32,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_pin_vcpu(dom, vcpu, &cpumap, flags)
    }
    async fn domain_pin_emulator(
        &self,
        dom: &DomainRef,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_pin_emulator(dom, &cpumap, flags)
    }
    async fn domain_set_numa_parameters(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_set_numa(dom, &params, flags)
    }
    async fn domain_set_interface_parameters(
        &self,
        dom: &DomainRef,
        device: &str,
        _params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_set_interface(dom, device, flags)
    }
    async fn domain_set_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: &str,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_set_block_io_tune(dom, disk, &params, flags)
    }
    async fn domain_get_cpu_stats(
        &self,
        dom: &DomainRef,
        start_cpu: i32,
        ncpus: u32,
        flags: u32,
    ) -> VirResult<Vec<Vec<TypedParam>>> {
        self.dom_cpu_stats(dom, start_cpu, ncpus, flags)
    }
    async fn domain_set_user_password(
        &self,
        dom: &DomainRef,
        _user: &str,
        _password: &str,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_set_user_password(dom, flags)
    }
    async fn domain_get_fsinfo(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<FsInfo>> {
        self.dom_fsinfo(dom, flags)
    }
    async fn domain_fstrim(
        &self,
        dom: &DomainRef,
        _mount_point: Option<String>,
        _minimum: u64,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_fstrim(dom, flags)
    }
    async fn domain_get_disk_errors(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<DiskError>> {
        self.dom_disk_errors(dom, flags)
    }
    async fn domain_send_process_signal(
        &self,
        dom: &DomainRef,
        pid: i64,
        signum: u32,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_send_process_signal(dom, pid, signum, flags)
    }
    async fn domain_get_iothread_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<IoThreadInfo>> {
        self.dom_iothread_info(dom, flags)
    }
    async fn domain_add_iothread(&self, dom: &DomainRef, id: u32, flags: u32) -> VirResult<()> {
        self.dom_iothread_op(dom, id, IoThreadOp::Add, &[], flags)
    }
    async fn domain_del_iothread(&self, dom: &DomainRef, id: u32, flags: u32) -> VirResult<()> {
        self.dom_iothread_op(dom, id, IoThreadOp::Del, &[], flags)
    }
    async fn domain_pin_iothread(
        &self,
        dom: &DomainRef,
        id: u32,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        self.dom_iothread_op(dom, id, IoThreadOp::Pin, &cpumap, flags)
    }
    async fn domain_set_iothread_params(
        &self,
        dom: &DomainRef,
        id: u32,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        validate(
            &params,
            &[("poll_max_ns", 4), ("poll_grow", 2), ("poll_shrink", 2)],
        )?;
        self.dom_iothread_op(dom, id, IoThreadOp::Set, &[], flags)
    }
}

/// `testDomainFSFreeze` / `testDomainFSThaw` over the two fake mount points `/` and `/boot`.
fn fs_toggle(frozen: &mut [bool; 2], mounts: &[String], freeze: bool) -> VirResult<i32> {
    let mut next = *frozen;
    let mut n = 0;
    if mounts.is_empty() {
        n = next.iter().filter(|f| **f != freeze).count();
        next = [freeze, freeze];
    } else {
        for m in mounts {
            let i = match m.as_str() {
                "/" => 0,
                "/boot" => 1,
                _ => return Err(invalid_op(format!("mount point not found: {m}"))),
            };
            if next[i] != freeze {
                next[i] = freeze;
                n += 1;
            }
        }
    }
    *frozen = next;
    Ok(i32::try_from(n).unwrap_or(0))
}
