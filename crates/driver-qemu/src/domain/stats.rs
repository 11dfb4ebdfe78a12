//! Statistics: `virConnectGetAllDomainStats` (state, cpu-total, balloon, vcpu, interface,
//! block), `virDomainBlockStats` (`query-blockstats`), `virDomainInterfaceStats`
//! (`/proc/net/dev` of the tap), `virDomainMemoryStats` (balloon).

use super::driver::{not_running, qmp_err, QemuDriver};
use crate::command::util_alias;
use crate::process::proc_cpu_time_ns;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::info::{BlockStats, DomainStatsRecord, InterfaceStats, MemoryStat};
use rvirt_core::typed_param::{TypedParam, TypedValue};
use serde_json::Value;
use std::time::Duration;

/// `virDomainStatsTypes`.
pub mod stats_types {
    pub const STATE: u32 = 1;
    pub const CPU_TOTAL: u32 = 2;
    pub const BALLOON: u32 = 4;
    pub const VCPU: u32 = 8;
    pub const INTERFACE: u32 = 16;
    pub const BLOCK: u32 = 32;
}

const T: Duration = Duration::from_secs(10);

/// `virDomainMemoryStatTags` used here.
mod mem_tag {
    pub const SWAP_IN: i32 = 0;
    pub const SWAP_OUT: i32 = 1;
    pub const MAJOR_FAULT: i32 = 2;
    pub const MINOR_FAULT: i32 = 3;
    pub const UNUSED: i32 = 4;
    pub const AVAILABLE: i32 = 5;
    pub const ACTUAL_BALLOON: i32 = 6;
    pub const RSS: i32 = 7;
    pub const USABLE: i32 = 8;
    pub const LAST_UPDATE: i32 = 9;
    pub const DISK_CACHES: i32 = 10;
}

fn ull(k: impl Into<String>, v: u64) -> TypedParam {
    TypedParam::new(k, TypedValue::ULLong(v))
}

/// Per-device counters of one `query-blockstats` entry.
fn block_counters(s: &Value) -> BlockStats {
    let n = |k: &str| s["stats"][k].as_i64().unwrap_or(0);
    BlockStats {
        rd_req: n("rd_operations"),
        rd_bytes: n("rd_bytes"),
        wr_req: n("wr_operations"),
        wr_bytes: n("wr_bytes"),
        errs: -1,
    }
}

/// RX/TX counters of `dev` from `/proc/net/dev` text (host view: the tap's RX is the
/// guest's TX, so they are swapped as libvirt does).
pub fn proc_net_dev(text: &str, dev: &str) -> Option<InterfaceStats> {
    let line = text
        .lines()
        .find(|l| l.trim_start().split(':').next() == Some(dev))?;
    let f: Vec<i64> = line
        .split_once(':')?
        .1
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    if f.len() < 12 {
        return None;
    }
    Some(InterfaceStats {
        rx_bytes: f[8],
        rx_packets: f[9],
        rx_errs: f[10],
        rx_drop: f[11],
        tx_bytes: f[0],
        tx_packets: f[1],
        tx_errs: f[2],
        tx_drop: f[3],
    })
}

impl QemuDriver {
    async fn blockstats(&self, dom: &DomainRef) -> VirResult<Vec<(String, BlockStats)>> {
        let (vm, disks) = self.with_dom(dom, |o| {
            let l = o.live.as_ref().ok_or_else(not_running)?;
            let disks: Vec<(String, String)> = l
                .devices
                .iter()
                .filter(|d| d.name == "disk")
                .filter_map(|d| {
                    Some((
                        d.child("target")?.attr("dev")?.to_string(),
                        util_alias(d)?.to_string(),
                    ))
                })
                .collect();
            Ok((o.vm.clone().ok_or_else(not_running)?, disks))
        })?;
        let v = vm
            .qmp
            .execute("query-blockstats", None, T)
            .await
            .map_err(qmp_err)?;
        let list = v.as_array().cloned().unwrap_or_default();
        Ok(disks
            .into_iter()
            .map(|(dev, alias)| {
                let s = list
                    .iter()
                    .find(|s| {
                        s["qdev"]
                            .as_str()
                            .is_some_and(|q| q == alias || q.contains(&format!("/{alias}/")))
                    })
                    .map(block_counters)
                    .unwrap_or_default();
                (dev, s)
            })
            .collect())
    }

    /// `virDomainBlockStats`: by target (`vda`) or source path.
    pub(crate) async fn block_stats(&self, dom: &DomainRef, path: &str) -> VirResult<BlockStats> {
        let target = self.with_dom(dom, |o| {
            Ok(o.current_def()
                .devices
                .iter()
                .filter(|d| d.name == "disk")
                .find(|d| {
                    d.child("target").and_then(|t| t.attr("dev")) == Some(path)
                        || d.child("source").and_then(|s| s.attr("file")) == Some(path)
                })
                .and_then(|d| d.child("target")?.attr("dev"))
                .map(str::to_string))
        })?;
        let target = target.ok_or_else(|| {
            VirError::invalid_arg(ErrorDomain::Qemu, format!("invalid path: {path}"))
        })?;
        self.blockstats(dom)
            .await?
            .into_iter()
            .find(|(d, _)| *d == target)
            .map(|(_, s)| s)
            .ok_or_else(|| {
                VirError::invalid_arg(ErrorDomain::Qemu, format!("invalid path: {path}"))
            })
    }

    /// `virDomainInterfaceStats`: by host device (`vnet0`), MAC or alias.
    pub(crate) fn interface_stats(&self, dom: &DomainRef, dev: &str) -> VirResult<InterfaceStats> {
        let host_dev = self.with_dom(dom, |o| {
            let l = o.live.as_ref().ok_or_else(not_running)?;
            let nic = l
                .devices
                .iter()
                .filter(|d| d.name == "interface")
                .find(|d| {
                    d.child("target").and_then(|t| t.attr("dev")) == Some(dev)
                        || d.child("mac")
                            .and_then(|m| m.attr("address"))
                            .is_some_and(|m| m.eq_ignore_ascii_case(dev))
                        || util_alias(d) == Some(dev)
                })
                .ok_or_else(|| {
                    VirError::invalid_arg(
                        ErrorDomain::Qemu,
                        format!("invalid path, '{dev}' is not a known interface"),
                    )
                })?;
            nic.child("target")
                .and_then(|t| t.attr("dev"))
                .map(str::to_string)
                .ok_or_else(|| {
                    VirError::new(
                        ErrorCode::OperationUnsupported,
                        ErrorDomain::Qemu,
                        "interface statistics are only available for tap-backed interfaces",
                    )
                })
        })?;
        let text = std::fs::read_to_string("/proc/net/dev").unwrap_or_default();
        proc_net_dev(&text, &host_dev).ok_or_else(|| {
            VirError::internal(
                ErrorDomain::Qemu,
                format!("Interface not found: {host_dev}"),
            )
        })
    }

    /// `virDomainMemoryStats` from the balloon (`qom-get guest-stats`) and `/proc`.
    pub(crate) async fn memory_stats(
        &self,
        dom: &DomainRef,
        max: u32,
    ) -> VirResult<Vec<MemoryStat>> {
        let (vm, cur) = self.with_dom(dom, |o| {
            Ok((
                o.vm.clone().ok_or_else(not_running)?,
                o.current_def().current_memory_kib,
            ))
        })?;
        let mut out = Vec::new();
        let actual = match vm.qmp.execute("query-balloon", None, T).await {
            Ok(v) => v["actual"].as_u64().map_or(cur, |b| b / 1024),
            Err(_) => cur,
        };
        out.push(MemoryStat {
            tag: mem_tag::ACTUAL_BALLOON,
            val: actual,
        });
        let path =
            serde_json::json!({"path": "/machine/peripheral/balloon0", "property": "guest-stats"});
        if let Ok(v) = vm.qmp.execute("qom-get", Some(path), T).await {
            let s = &v["stats"];
            let mut add = |tag: i32, key: &str, kib: bool| {
                if let Some(x) = s[key].as_u64().filter(|x| *x != u64::MAX) {
                    out.push(MemoryStat {
                        tag,
                        val: if kib { x / 1024 } else { x },
                    });
                }
            };
            add(mem_tag::SWAP_IN, "stat-swap-in", true);
            add(mem_tag::SWAP_OUT, "stat-swap-out", true);
            add(mem_tag::MAJOR_FAULT, "stat-major-faults", false);
            add(mem_tag::MINOR_FAULT, "stat-minor-faults", false);
            add(mem_tag::UNUSED, "stat-free-memory", true);
            add(mem_tag::AVAILABLE, "stat-total-memory", true);
            add(mem_tag::USABLE, "stat-available-memory", true);
            add(mem_tag::DISK_CACHES, "stat-disk-caches", true);
            if let Some(t) = v["last-update"].as_u64().filter(|t| *t != 0) {
                out.push(MemoryStat {
                    tag: mem_tag::LAST_UPDATE,
                    val: t,
                });
            }
        }
        if let Ok(st) = std::fs::read_to_string(format!("/proc/{}/statm", vm.pid)) {
            if let Some(pages) = st
                .split_whitespace()
                .nth(1)
                .and_then(|v| v.parse::<u64>().ok())
            {
                out.push(MemoryStat {
                    tag: mem_tag::RSS,
                    val: pages * rustix::param::page_size() as u64 / 1024,
                });
            }
        }
        out.truncate(max as usize);
        Ok(out)
    }

    /// `virConnectGetAllDomainStats` / `virDomainListGetStats`.
    pub(crate) async fn all_stats(
        &self,
        doms: Vec<DomainRef>,
        stats: u32,
        flags: u32,
    ) -> VirResult<Vec<DomainStatsRecord>> {
        use stats_types as s;
        let doms = if doms.is_empty() {
            // the list flags live in the low bits of `flags`
            self.list_all(flags & 0xfff)?
        } else {
            doms
        };
        let want = if stats == 0 { 0x3f } else { stats };
        let mut out = Vec::new();
        for dom in doms {
            let Ok((state, reason, pid, def)) = self.with_dom(&dom, |o| {
                Ok((
                    o.state.state,
                    o.state.reason,
                    o.vm.as_ref().map(|v| v.pid),
                    o.current_def().clone(),
                ))
            }) else {
                continue;
            };
            let mut p = Vec::new();
            if want & s::STATE != 0 {
                p.push(TypedParam::new("state.state", TypedValue::Int(state)));
                p.push(TypedParam::new("state.reason", TypedValue::Int(reason)));
            }
            if want & s::CPU_TOTAL != 0 {
                if let Some(pid) = pid {
                    let (user, sys) = crate::process::proc_cpu_split_ns(pid);
                    p.push(ull("cpu.time", proc_cpu_time_ns(pid)));
                    p.push(ull("cpu.user", user));
                    p.push(ull("cpu.system", sys));
                }
            }
            if want & s::BALLOON != 0 {
                p.push(ull("balloon.current", def.current_memory_kib));
                p.push(ull("balloon.maximum", def.max_memory_kib));
                if pid.is_some() {
                    if let Ok(m) = self.memory_stats(&dom, 16).await {
                        for st in m {
                            let k = match st.tag {
                                mem_tag::SWAP_IN => "balloon.swap_in",
                                mem_tag::SWAP_OUT => "balloon.swap_out",
                                mem_tag::MAJOR_FAULT => "balloon.major_fault",
                                mem_tag::MINOR_FAULT => "balloon.minor_fault",
                                mem_tag::UNUSED => "balloon.unused",
                                mem_tag::AVAILABLE => "balloon.available",
                                mem_tag::RSS => "balloon.rss",
                                mem_tag::USABLE => "balloon.usable",
                                mem_tag::LAST_UPDATE => "balloon.last-update",
                                mem_tag::DISK_CACHES => "balloon.disk_caches",
                                _ => continue,
                            };
                            p.push(ull(k, st.val));
                        }
                    }
                }
            }
            if want & s::VCPU != 0 {
                let cur = if def.vcpus_current > 0 {
                    def.vcpus_current
                } else {
                    def.vcpus_max
                };
                p.push(TypedParam::new("vcpu.current", TypedValue::UInt(cur)));
                p.push(TypedParam::new(
                    "vcpu.maximum",
                    TypedValue::UInt(def.vcpus_max),
                ));
            }
            if want & s::INTERFACE != 0 {
                let nics: Vec<_> = def
                    .devices
                    .iter()
                    .filter(|d| d.name == "interface")
                    .collect();
                p.push(TypedParam::new(
                    "net.count",
                    TypedValue::UInt(nics.len() as u32),
                ));
                let text = std::fs::read_to_string("/proc/net/dev").unwrap_or_default();
                for (i, n) in nics.iter().enumerate() {
                    let name = n
                        .child("target")
                        .and_then(|t| t.attr("dev"))
                        .or_else(|| util_alias(n))
                        .unwrap_or("")
                        .to_string();
                    p.push(TypedParam::new(
                        format!("net.{i}.name"),
                        TypedValue::String(name.clone()),
                    ));
                    if let Some(st) = proc_net_dev(&text, &name) {
                        for (k, v) in [
                            ("rx.bytes", st.rx_bytes),
                            ("rx.pkts", st.rx_packets),
                            ("rx.errs", st.rx_errs),
                            ("rx.drop", st.rx_drop),
                            ("tx.bytes", st.tx_bytes),
                            ("tx.pkts", st.tx_packets),
                            ("tx.errs", st.tx_errs),
                            ("tx.drop", st.tx_drop),
                        ] {
                            p.push(ull(format!("net.{i}.{k}"), v.max(0) as u64));
                        }
                    }
                }
            }
            if want & s::BLOCK != 0 {
                let blocks = if pid.is_some() {
                    self.blockstats(&dom).await.unwrap_or_default()
                } else {
                    Vec::new()
                };
                let disks: Vec<_> = def.devices.iter().filter(|d| d.name == "disk").collect();
                p.push(TypedParam::new(
                    "block.count",
                    TypedValue::UInt(disks.len() as u32),
                ));
                for (i, d) in disks.iter().enumerate() {
                    let name = d
                        .child("target")
                        .and_then(|t| t.attr("dev"))
                        .unwrap_or("")
                        .to_string();
                    p.push(TypedParam::new(
                        format!("block.{i}.name"),
                        TypedValue::String(name.clone()),
                    ));
                    if let Some(src) = d.child("source").and_then(|s| s.attr("file")) {
                        p.push(TypedParam::new(
                            format!("block.{i}.path"),
                            TypedValue::String(src.to_string()),
                        ));
                    }
                    if let Some((_, st)) = blocks.iter().find(|(n, _)| *n == name) {
                        for (k, v) in [
                            ("rd.reqs", st.rd_req),
                            ("rd.bytes", st.rd_bytes),
                            ("wr.reqs", st.wr_req),
                            ("wr.bytes", st.wr_bytes),
                        ] {
                            p.push(ull(format!("block.{i}.{k}"), v.max(0) as u64));
                        }
                    }
                }
            }
            out.push(DomainStatsRecord { dom, params: p });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_net_dev_swaps_directions() {
        let t = "Inter-|   Receive |  Transmit\n face |bytes packets errs drop fifo frame compressed multicast|bytes packets errs drop fifo colls carrier compressed\n  vnet0: 100 2 0 0 0 0 0 0 300 4 0 1 0 0 0 0\n";
        let s = proc_net_dev(t, "vnet0").unwrap();
        assert_eq!(
            (s.rx_bytes, s.rx_packets, s.tx_bytes, s.tx_packets),
            (300, 4, 100, 2)
        );
        assert_eq!(s.rx_drop, 1);
        assert!(proc_net_dev(t, "vnet1").is_none());
    }
}
