//! vCPU and emulator pinning: `virDomainPinVcpuFlags` / `virDomainGetVcpuPinInfo` and
//! `virDomainPinEmulator` / `virDomainGetEmulatorPinInfo`. Live pinning sets the affinity of
//! the threads (`sched_setaffinity`) and, where the guest has per-vCPU cpuset groups, their
//! `cpuset.cpus`; the definition keeps `<cputune><vcpupin>`/`<emulatorpin>`.

use super::driver::{not_running, qmp_err, QemuDriver};
use rustix::process::Pid;
use rustix::thread::{sched_getaffinity, sched_setaffinity, CpuSet};
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::DomainEventKind;
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{TypedParam, TypedValue};
use std::time::Duration;

/// `cpumap` bytes → CPU numbers (bit i of byte i/8).
pub fn cpus_of(map: &[u8]) -> Vec<usize> {
    (0..map.len() * 8)
        .filter(|i| map[i / 8] & (1 << (i % 8)) != 0)
        .collect()
}

/// CPU numbers → libvirt's list syntax (`0-2,5`).
pub fn format_cpus(cpus: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cpus.len() {
        let start = cpus[i];
        let mut end = start;
        while i + 1 < cpus.len() && cpus[i + 1] == end + 1 {
            i += 1;
            end = cpus[i];
        }
        out.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    out.join(",")
}

/// libvirt's list syntax → CPU numbers (`0-2,^1,5`).
pub fn parse_cpus(s: &str) -> Option<Vec<usize>> {
    let mut set = std::collections::BTreeSet::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (neg, p) = match part.strip_prefix('^') {
            Some(p) => (true, p),
            None => (false, part),
        };
        let (a, b) = match p.split_once('-') {
            Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
            None => {
                let v: usize = p.parse().ok()?;
                (v, v)
            }
        };
        for c in a..=b {
            if neg {
                set.remove(&c);
            } else {
                set.insert(c);
            }
        }
    }
    Some(set.into_iter().collect())
}

/// CPU numbers → a `maplen`-byte cpumap.
fn map_of(cpus: &[usize], maplen: usize) -> Vec<u8> {
    let mut m = vec![0u8; maplen];
    for c in cpus {
        if c / 8 < maplen {
            m[c / 8] |= 1 << (c % 8);
        }
    }
    m
}

fn cputune_pin<'a>(def: &'a DomainDef, name: &str, vcpu: Option<u32>) -> Option<&'a str> {
    let ct = def.extra.iter().find(|e| e.name == "cputune")?;
    ct.children
        .iter()
        .find(|c| {
            c.name == name
                && vcpu.is_none_or(|v| c.attr("vcpu").and_then(|x| x.parse().ok()) == Some(v))
        })?
        .attr("cpuset")
}

fn set_cputune_pin(def: &mut DomainDef, name: &str, vcpu: Option<u32>, cpuset: &str) {
    let pos = match def.extra.iter().position(|e| e.name == "cputune") {
        Some(p) => p,
        None => {
            def.extra.push(Element::new("cputune"));
            def.extra.len() - 1
        }
    };
    let ct = &mut def.extra[pos];
    ct.children.retain(|c| {
        !(c.name == name
            && vcpu.is_none_or(|v| c.attr("vcpu").and_then(|x| x.parse().ok()) == Some(v)))
    });
    let mut e = Element::new(name);
    if let Some(v) = vcpu {
        e.set_attr("vcpu", v.to_string());
    }
    e.set_attr("cpuset", cpuset);
    // vcpupin entries by vCPU number, then emulatorpin (libvirt's order)
    let at = ct
        .children
        .iter()
        .position(|c| match name {
            "vcpupin" => {
                (c.name == "vcpupin" && c.attr("vcpu").and_then(|x| x.parse::<u32>().ok()) > vcpu)
                    || !matches!(
                        c.name.as_str(),
                        "shares"
                            | "period"
                            | "quota"
                            | "global_period"
                            | "global_quota"
                            | "emulator_period"
                            | "emulator_quota"
                            | "iothread_period"
                            | "iothread_quota"
                            | "vcpupin"
                    )
            }
            _ => !matches!(
                c.name.as_str(),
                "shares"
                    | "period"
                    | "quota"
                    | "global_period"
                    | "global_quota"
                    | "emulator_period"
                    | "emulator_quota"
                    | "iothread_period"
                    | "iothread_quota"
                    | "vcpupin"
            ),
        })
        .unwrap_or(ct.children.len());
    ct.children.insert(at, e);
}

fn set_affinity(tid: i32, cpus: &[usize]) -> VirResult<()> {
    let mut set = CpuSet::new();
    for c in cpus {
        if *c < CpuSet::MAX_CPU {
            set.set(*c);
        }
    }
    let pid =
        Pid::from_raw(tid).ok_or_else(|| VirError::internal(ErrorDomain::Qemu, "bad thread id"))?;
    sched_setaffinity(Some(pid), &set).map_err(|e| {
        VirError::new(
            ErrorCode::SystemError,
            ErrorDomain::Qemu,
            format!("cannot set CPU affinity on process {tid}: {e}"),
        )
    })
}

fn affinity(tid: i32) -> Option<Vec<usize>> {
    let set = sched_getaffinity(Some(Pid::from_raw(tid)?)).ok()?;
    Some((0..CpuSet::MAX_CPU).filter(|c| set.is_set(*c)).collect())
}

/// `(cpu time in ns, host CPU last run on)` of a thread from `/proc/PID/task/TID/stat`
/// (`virProcessGetStatInfo`: utime + stime in clock ticks, field 39 `processor`).
pub fn thread_stat(stat: &str, ticks_per_sec: u64) -> Option<(u64, i32)> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // after the command: field 3 (state) is f[0], so field N is f[N - 3]
    let utime: u64 = f.get(11)?.parse().ok()?;
    let stime: u64 = f.get(12)?.parse().ok()?;
    let cpu: i32 = f.get(36)?.parse().ok()?;
    let ns = (utime + stime).saturating_mul(1_000_000_000 / ticks_per_sec.max(1));
    Some((ns, cpu))
}

impl QemuDriver {
    /// `virDomainGetVcpus` (`virsh vcpuinfo`): number, state (running), CPU time and host
    /// CPU of each online vCPU (up to `maxinfo`), and its affinity as `maplen` bytes.
    pub async fn get_vcpu_info(
        &self,
        dom: &DomainRef,
        maxinfo: i32,
        maplen: i32,
    ) -> VirResult<(Vec<rvirt_core::info::VcpuInfo>, Vec<u8>)> {
        let active = self.with_dom(dom, |o| Ok(o.state.is_active()))?;
        if !active {
            return Err(VirError::operation_invalid(
                ErrorDomain::Qemu,
                "cannot retrieve vCPU information for inactive domain",
            ));
        }
        let pid = self.vm_of(dom)?.pid;
        let mut threads = self.vcpu_threads(dom).await?;
        threads.sort();
        let n = usize::try_from(maxinfo).unwrap_or(0).min(threads.len());
        let maplen = usize::try_from(maplen).unwrap_or(0);
        let ticks = rustix::param::clock_ticks_per_second();
        let mut infos = Vec::with_capacity(n);
        let mut maps = vec![0u8; n * maplen];
        for (k, (idx, tid)) in threads.into_iter().take(n).enumerate() {
            let stat =
                std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/stat")).unwrap_or_default();
            let (cpu_time, cpu) = thread_stat(&stat, ticks).unwrap_or((0, -1));
            infos.push(rvirt_core::info::VcpuInfo {
                number: idx,
                state: 1,
                cpu_time,
                cpu,
            });
            let set = Pid::from_raw(tid).and_then(|p| sched_getaffinity(Some(p)).ok());
            if let Some(set) = set {
                for c in 0..(maplen * 8).min(CpuSet::MAX_CPU) {
                    if set.is_set(c) {
                        maps[k * maplen + c / 8] |= 1 << (c % 8);
                    }
                }
            }
        }
        Ok((infos, maps))
    }

    fn host_cpus(&self) -> usize {
        (self.host.cpus as usize).max(1)
    }

    /// The vCPU threads of a running guest: (cpu-index, thread id).
    async fn vcpu_threads(&self, dom: &DomainRef) -> VirResult<Vec<(u32, i32)>> {
        let vm = self.vm_of(dom)?;
        let v = vm
            .qmp
            .execute("query-cpus-fast", None, Duration::from_secs(10))
            .await
            .map_err(qmp_err)?;
        Ok(v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| {
                Some((
                    c["cpu-index"].as_u64()? as u32,
                    c["thread-id"].as_i64()? as i32,
                ))
            })
            .collect())
    }

    fn check_map(&self, cpumap: &[u8]) -> VirResult<Vec<usize>> {
        let cpus: Vec<usize> = cpus_of(cpumap)
            .into_iter()
            .filter(|c| *c < self.host_cpus())
            .collect();
        if cpus.is_empty() {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                "Empty cpu list for pinning",
            ));
        }
        Ok(cpus)
    }

    /// `virDomainPinVcpuFlags`.
    pub(crate) async fn pin_vcpu(
        &self,
        dom: &DomainRef,
        vcpu: u32,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 3, "virDomainPinVcpuFlags")?;
        let (live, config) = self.impact(dom, flags & 3)?;
        let cpus = self.check_map(&cpumap)?;
        let list = format_cpus(&cpus);
        let max = self.with_dom(dom, |o| Ok(o.current_def().vcpus_max))?;
        if vcpu >= max {
            return Err(VirError::invalid_arg(
                ErrorDomain::Qemu,
                format!("vcpu {vcpu} is out of range of live cpu count {max}"),
            ));
        }
        if live {
            let tid = self
                .vcpu_threads(dom)
                .await?
                .into_iter()
                .find(|(i, _)| *i == vcpu)
                .map(|(_, t)| t)
                .ok_or_else(|| {
                    VirError::operation_invalid(
                        ErrorDomain::Qemu,
                        format!("vcpu {vcpu} is not online"),
                    )
                })?;
            self.cpuset_of_vcpu(dom, vcpu, &list);
            set_affinity(tid, &cpus)?;
            self.edit_live(dom, |l| set_cputune_pin(l, "vcpupin", Some(vcpu), &list))?;
            let h = self.with_dom(dom, |o| Ok(o.handle()))?;
            self.emit(
                h,
                DomainEventKind::Tunable {
                    params: vec![TypedParam::new(
                        format!("cputune.vcpupin{vcpu}"),
                        TypedValue::String(list.clone()),
                    )],
                },
            );
        }
        if config {
            self.edit_config(dom, |d| {
                set_cputune_pin(d, "vcpupin", Some(vcpu), &list);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Sets `cpuset.cpus` of the vCPU's group where it has one (best effort).
    fn cpuset_of_vcpu(&self, dom: &DomainRef, vcpu: u32, list: &str) {
        let Some(cg) = self.cgroups.get() else { return };
        if cg.version() != 1 {
            return;
        }
        let Ok((id, name)) = self.with_dom(dom, |o| Ok((o.id, o.name().to_string()))) else {
            return;
        };
        let me = std::fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
        let dir = std::path::Path::new("/sys/fs/cgroup/cpuset")
            .join(crate::cgroup::placement(&me, Some("cpuset")))
            .join(self.cgroup_of(id, &name))
            .join(format!("vcpu{vcpu}"));
        if dir.is_dir() {
            let _ = std::fs::write(dir.join("cpuset.cpus"), list);
        }
    }

    /// `virDomainGetVcpuPinInfo`: one `maplen` map per vCPU.
    pub(crate) async fn vcpu_pin_info(
        &self,
        dom: &DomainRef,
        ncpumaps: i32,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        let (live, _) = self.impact(dom, flags & 3)?;
        let maplen = usize::try_from(maplen).unwrap_or(0);
        let all: Vec<usize> = (0..self.host_cpus()).collect();
        let (def, max) = self.with_dom(dom, |o| {
            let d = if live {
                o.current_def().clone()
            } else {
                o.def.clone()
            };
            let m = d.vcpus_max;
            Ok((d, m))
        })?;
        let n = (max as usize).min(usize::try_from(ncpumaps).unwrap_or(0));
        let threads = if live {
            self.vcpu_threads(dom).await?
        } else {
            Vec::new()
        };
        let mut out = Vec::with_capacity(n * maplen);
        for v in 0..n as u32 {
            let cpus = match threads
                .iter()
                .find(|(i, _)| *i == v)
                .and_then(|(_, t)| affinity(*t))
            {
                Some(c) => c.into_iter().filter(|c| *c < self.host_cpus()).collect(),
                None => cputune_pin(&def, "vcpupin", Some(v))
                    .and_then(parse_cpus)
                    .unwrap_or_else(|| all.clone()),
            };
            out.extend(map_of(&cpus, maplen));
        }
        Ok((out, n as i32))
    }

    /// `virDomainPinEmulator`: every QEMU thread that is not a vCPU.
    pub(crate) async fn pin_emulator(
        &self,
        dom: &DomainRef,
        cpumap: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 3, "virDomainPinEmulator")?;
        let (live, config) = self.impact(dom, flags & 3)?;
        let cpus = self.check_map(&cpumap)?;
        let list = format_cpus(&cpus);
        if live {
            let pid = self.vm_of(dom)?.pid;
            let vcpus: Vec<i32> = self
                .vcpu_threads(dom)
                .await?
                .into_iter()
                .map(|(_, t)| t)
                .collect();
            let tasks =
                std::fs::read_dir(format!("/proc/{pid}/task")).map_err(|_| not_running())?;
            for t in tasks.flatten() {
                let Some(tid) = t.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else {
                    continue;
                };
                if !vcpus.contains(&tid) {
                    set_affinity(tid, &cpus)?;
                }
            }
            self.edit_live(dom, |l| set_cputune_pin(l, "emulatorpin", None, &list))?;
            let h = self.with_dom(dom, |o| Ok(o.handle()))?;
            self.emit(
                h,
                DomainEventKind::Tunable {
                    params: vec![TypedParam::new(
                        "cputune.emulatorpin",
                        TypedValue::String(list.clone()),
                    )],
                },
            );
        }
        if config {
            self.edit_config(dom, |d| {
                set_cputune_pin(d, "emulatorpin", None, &list);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// `virDomainGetEmulatorPinInfo`.
    pub(crate) fn emulator_pin_info(
        &self,
        dom: &DomainRef,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        let (live, _) = self.impact(dom, flags & 3)?;
        let maplen = usize::try_from(maplen).unwrap_or(0);
        let cpus = if live {
            let pid = self.vm_of(dom)?.pid;
            affinity(pid)
                .unwrap_or_default()
                .into_iter()
                .filter(|c| *c < self.host_cpus())
                .collect()
        } else {
            self.with_dom(dom, |o| {
                Ok(cputune_pin(&o.def, "emulatorpin", None).and_then(parse_cpus))
            })?
            .unwrap_or_else(|| (0..self.host_cpus()).collect())
        };
        Ok((map_of(&cpus, maplen), 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_stat_fields() {
        let stat = "4242 (CPU 0/TCG) R 1 2 3 4 5 6 7 8 9 10 150 50 0 0 20 0 1 0 100 \
                    1000 10 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 3 0 0 0 0 0";
        assert_eq!(thread_stat(stat, 100), Some((2_000_000_000, 3)));
        assert_eq!(thread_stat("garbage", 100), None);
    }

    #[test]
    fn cpu_lists_round_trip() {
        assert_eq!(cpus_of(&[0b0010_0111]), vec![0, 1, 2, 5]);
        assert_eq!(format_cpus(&[0, 1, 2, 5]), "0-2,5");
        assert_eq!(parse_cpus("0-3,^1,7"), Some(vec![0, 2, 3, 7]));
        assert_eq!(map_of(&[0, 9], 2), vec![1, 2]);
    }

    #[test]
    fn pins_kept_in_cputune_order() {
        let mut d = DomainDef::default();
        set_cputune_pin(&mut d, "emulatorpin", None, "1");
        set_cputune_pin(&mut d, "vcpupin", Some(1), "0");
        set_cputune_pin(&mut d, "vcpupin", Some(0), "1");
        set_cputune_pin(&mut d, "vcpupin", Some(1), "0-1");
        let ct = d.extra.iter().find(|e| e.name == "cputune").unwrap();
        let v: Vec<(String, Option<&str>, Option<&str>)> = ct
            .children
            .iter()
            .map(|c| (c.name.clone(), c.attr("vcpu"), c.attr("cpuset")))
            .collect();
        assert_eq!(
            v,
            vec![
                ("vcpupin".to_string(), Some("0"), Some("1")),
                ("vcpupin".to_string(), Some("1"), Some("0-1")),
                ("emulatorpin".to_string(), None, Some("1")),
            ]
        );
        assert_eq!(cputune_pin(&d, "vcpupin", Some(1)), Some("0-1"));
    }
}
