//! Tuning setters, CPU statistics and guest-agent answers of libvirt's test driver
//! (`testDomainPinVcpuFlags`, `testDomainSetBlockIoTune`, `testDomainGetCPUStats`,
//! `testDomainGetFSInfo`, `testDomainGetDiskErrors`, …). The setters validate as libvirt's
//! do and accept the change without recording it.

use crate::cputune;
use crate::domain_query::affect;
use crate::domdef::DomainDefExt;
use crate::driver::TestConnection;
use crate::errors::{check_flags, invalid_arg, not_running};
use rvirt_core::driver::{DiskError, FsInfo, IoThreadInfo};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{TypedParam, TypedValue};

/// `VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`.
const AFFECT: u32 = 1 | 2;
/// `VIR_DOMAIN_PASSWORD_ENCRYPTED`.
const PASSWORD_ENCRYPTED: u32 = 1;
/// `VIR_DOMAIN_PROCESS_SIGNAL_LAST`.
const PROCESS_SIGNAL_LAST: u32 = 65;
/// `VIR_DOMAIN_DISK_ERROR_LAST`.
const DISK_ERROR_LAST: usize = 3;
/// `VIR_DOMAIN_CPU_STATS_*` totals the test driver reports (nanoseconds).
const TOTAL_CPU_TIME: u64 = 48_772_617_035;
const TOTAL_USER_TIME: u64 = 5_540_000_000;
const TOTAL_SYSTEM_TIME: u64 = 6_460_000_000;
const PER_CPU_TIME: u64 = 24_386_308_517;
const PER_VCPU_TIME: u64 = 23_151_740_627;

/// The host's CPU count (`virHostCPUGetCount`).
fn host_cpu_count() -> usize {
    let present = std::fs::read_dir("/sys/devices/system/cpu").map(|d| {
        d.filter_map(Result::ok)
            .filter(|e| {
                let n = e.file_name();
                let n = n.to_string_lossy();
                n.strip_prefix("cpu")
                    .is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
            })
            .count()
    });
    match present {
        Ok(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, usize::from),
    }
}

fn ullong(field: &str, v: u64) -> TypedParam {
    TypedParam::new(field, TypedValue::ULLong(v))
}

fn param_u64(p: &TypedParam) -> u64 {
    match &p.value {
        TypedValue::ULLong(v) => *v,
        TypedValue::LLong(v) => u64::try_from(*v).unwrap_or(0),
        TypedValue::UInt(v) => u64::from(*v),
        TypedValue::Int(v) => u64::try_from(*v).unwrap_or(0),
        _ => 0,
    }
}

impl TestConnection {
    fn active_check(&self, dom: &DomainRef) -> VirResult<()> {
        self.with_dom(dom, |d| {
            if d.is_active() {
                Ok(())
            } else {
                Err(not_running())
            }
        })
    }

    /// testDomainPinVcpuFlags: stores `<vcpupin>` (live only, as libvirt's test driver).
    pub(crate) fn dom_pin_vcpu(
        &self,
        dom: &DomainRef,
        vcpu: u32,
        cpumap: &[u8],
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 1, "testDomainPinVcpuFlags")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            let def = cputune::def_mut(d, config);
            if vcpu >= def.vcpus_max {
                return Err(invalid_arg(format!(
                    "requested vcpu '{vcpu}' is not present in the domain"
                )));
            }
            let set = cputune::map_to_cpuset(cpumap);
            cputune::set_pin(def, "vcpupin", Some(("vcpu", vcpu)), Some(&set));
            Ok(())
        })
    }

    /// testDomainPinEmulator: stores `<emulatorpin>`.
    pub(crate) fn dom_pin_emulator(
        &self,
        dom: &DomainRef,
        cpumap: &[u8],
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainPinEmulator")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            let def = cputune::def_mut(d, config);
            let set = cputune::map_to_cpuset(cpumap);
            cputune::set_pin(def, "emulatorpin", None, Some(&set));
            Ok(())
        })
    }

    /// testDomainSetNumaParameters: stores `<numatune><memory>`.
    pub(crate) fn dom_set_numa(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainSetNumaParameters")?;
        let mut mode = None;
        let mut nodeset = None;
        for p in params {
            match (p.field.as_str(), &p.value) {
                ("numa_mode", TypedValue::Int(m)) => {
                    if !(0..=3).contains(m) {
                        return Err(invalid_arg(format!("unsupported numatune mode: '{m}'")));
                    }
                    mode = Some(["strict", "preferred", "interleave", "restrictive"][*m as usize]);
                }
                ("numa_nodeset", TypedValue::String(s)) => nodeset = Some(s.clone()),
                _ => {}
            }
        }
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            let active = d.is_active() && !config;
            let def = cputune::def_mut(d, config);
            let cur = cputune::numa_memory(def);
            if let (Some(m), Some((cm, _)), true) = (mode, cur.as_ref(), active) {
                if m != cm {
                    return Err(VirError::new(
                        ErrorCode::OperationInvalid,
                        ErrorDomain::Domain,
                        "can't change numatune mode for running domain",
                    ));
                }
            }
            let new_mode = mode
                .map(str::to_string)
                .or_else(|| cur.as_ref().map(|c| c.0.clone()))
                .unwrap_or_else(|| "strict".into());
            let Some(set) = nodeset.or_else(|| cur.and_then(|c| c.1)) else {
                return Err(VirError::new(
                    ErrorCode::ConfigUnsupported,
                    ErrorDomain::Domain,
                    "nodeset for NUMA memory tuning must be set if 'placement' is 'static'",
                ));
            };
            let set = rvirt_conf::domain::bitmap::canonical_bitmap(&set);
            cputune::set_numa_memory(def, &new_mode, &set);
            Ok(())
        })
    }

    /// testDomainSetInterfaceParameters
    pub(crate) fn dom_set_interface(
        &self,
        dom: &DomainRef,
        device: &str,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainSetInterfaceParameters")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            let def = if config { d.persistent_def() } else { &d.def };
            def.net_find(device).map(|_| ()).ok_or_else(|| {
                VirError::new(
                    ErrorCode::InvalidArg,
                    ErrorDomain::Domain,
                    format!("'{device}' is not a known interface"),
                )
            })
        })
    }

    /// testDomainSetBlockIoTune: libvirt's consistency checks, then acceptance.
    pub(crate) fn dom_set_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: &str,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainSetBlockIoTune")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            let def = if config { d.persistent_def() } else { &d.def };
            def.disk_by_name(disk).ok_or_else(|| {
                invalid_arg(format!("disk '{disk}' was not found in the domain config"))
            })?;
            Ok(())
        })?;
        let get = |name: &str| params.iter().rev().find(|p| p.field == name);
        let val = |name: &str| get(name).map_or(0, param_u64);
        for (kind, max) in [
            ("bytes_sec", ""),
            ("iops_sec", ""),
            ("bytes_sec", "_max"),
            ("iops_sec", "_max"),
        ] {
            let total = get(&format!("total_{kind}{max}")).is_some();
            let rw = get(&format!("read_{kind}{max}")).is_some()
                || get(&format!("write_{kind}{max}")).is_some();
            if total && rw {
                return Err(invalid_arg(format!(
                    "total and read/write of {kind}{max} cannot be set at the same time"
                )));
            }
        }
        for f in [
            "total_bytes_sec",
            "read_bytes_sec",
            "write_bytes_sec",
            "total_iops_sec",
            "read_iops_sec",
            "write_iops_sec",
        ] {
            if val(f) > val(&format!("{f}_max")) {
                return Err(invalid_arg(format!(
                    "{f} cannot be set higher than {f}_max "
                )));
            }
        }
        Ok(())
    }

    /// testDomainGetCPUStats: fixed per-CPU and total times of a running domain.
    pub(crate) fn dom_cpu_stats(
        &self,
        dom: &DomainRef,
        start_cpu: i32,
        ncpus: u32,
        flags: u32,
    ) -> VirResult<Vec<Vec<TypedParam>>> {
        check_flags(flags, 4, "testDomainGetCPUStats")?;
        self.active_check(dom)?;
        if start_cpu == -1 {
            return Ok(vec![vec![
                ullong("cpu_time", TOTAL_CPU_TIME),
                ullong("user_time", TOTAL_USER_TIME),
                ullong("system_time", TOTAL_SYSTEM_TIME),
            ]]);
        }
        let host = host_cpu_count();
        let start = usize::try_from(start_cpu).unwrap_or(0);
        if start >= host {
            return Err(invalid_arg(format!(
                "start_cpu {start_cpu} larger than maximum of {}",
                host.saturating_sub(1)
            )));
        }
        let n = if ncpus == 0 { host } else { ncpus as usize };
        Ok((start..host.min(start + n))
            .map(|i| {
                let i = i as u64;
                vec![
                    ullong("cpu_time", PER_CPU_TIME + i),
                    ullong("vcpu_time", PER_VCPU_TIME + i),
                ]
            })
            .collect())
    }

    /// testDomainSetUserPassword
    pub(crate) fn dom_set_user_password(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, PASSWORD_ENCRYPTED, "testDomainSetUserPassword")?;
        self.active_check(dom)
    }

    /// testDomainGetFSInfo: `/` and `/boot` on the first disk.
    pub(crate) fn dom_fsinfo(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<FsInfo>> {
        check_flags(flags, 0, "testDomainGetFSInfo")?;
        self.with_dom(dom, |d| {
            if !d.is_active() {
                return Err(not_running());
            }
            let Some(disk) = d.def.disks().into_iter().find(|k| k.device == "disk") else {
                return Ok(Vec::new());
            };
            let t = disk.target;
            Ok(vec![
                FsInfo {
                    mountpoint: "/".into(),
                    name: format!("{t}1"),
                    fstype: "ext4".into(),
                    dev_aliases: vec![t.clone()],
                },
                FsInfo {
                    mountpoint: "/boot".into(),
                    name: format!("{t}2"),
                    fstype: "ext4".into(),
                    dev_aliases: vec![t],
                },
            ])
        })
    }

    /// testDomainFSTrim
    pub(crate) fn dom_fstrim(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, 0, "testDomainFSTrim")?;
        self.active_check(dom)
    }

    /// testDomainGetDiskErrors: every disk reports an error, cycling through the codes.
    pub(crate) fn dom_disk_errors(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<DiskError>> {
        check_flags(flags, 0, "testDomainGetDiskErrors")?;
        self.with_dom(dom, |d| {
            if !d.is_active() {
                return Err(not_running());
            }
            Ok(d.def
                .disks()
                .into_iter()
                .enumerate()
                .map(|(i, k)| DiskError {
                    disk: k.target,
                    error: i32::try_from(i % (DISK_ERROR_LAST - 1) + 1).unwrap_or(1),
                })
                .collect())
        })
    }

    /// testDomainSendProcessSignal
    pub(crate) fn dom_send_process_signal(
        &self,
        dom: &DomainRef,
        pid: i64,
        signum: u32,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 0, "testDomainSendProcessSignal")?;
        if pid != 1 {
            return Err(invalid_arg("only sending a signal to pid 1 is supported"));
        }
        if signum >= PROCESS_SIGNAL_LAST {
            return Err(invalid_arg(format!(
                "signum value {signum} is out of range"
            )));
        }
        self.with_dom(dom, |_| Ok(()))
    }

    /// testDomainGetIOThreadInfo: the `<iothreadids>` and their pinning (the host's online
    /// CPUs when unpinned).
    pub(crate) fn dom_iothread_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<IoThreadInfo>> {
        check_flags(flags, AFFECT, "testDomainGetIOThreadInfo")?;
        let host = cputune::host_online_cpus();
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            let def = if config { d.persistent_def() } else { &d.def };
            Ok(cputune::iothread_ids(def)
                .into_iter()
                .map(|id| {
                    let set = cputune::pin_of(def, "iothreadpin", Some(("iothread", id)))
                        .unwrap_or_else(|| host.clone());
                    let max = rvirt_conf::domain::bitmap::parse_bitmap(&set)
                        .and_then(|s| s.last().copied())
                        .unwrap_or(0) as usize;
                    IoThreadInfo {
                        iothread_id: id,
                        cpumap: cputune::cpuset_to_map(&set, max / 8 + 1),
                    }
                })
                .collect())
        })
    }

    /// testDomainAddIOThread / testDomainDelIOThread / testDomainPinIOThread /
    /// testDomainSetIOThreadParams: `what` picks the operation.
    pub(crate) fn dom_iothread_op(
        &self,
        dom: &DomainRef,
        id: u32,
        what: IoThreadOp,
        cpumap: &[u8],
        flags: u32,
    ) -> VirResult<()> {
        let allowed = if matches!(what, IoThreadOp::Set) {
            AFFECT | 4
        } else {
            AFFECT
        };
        check_flags(flags, allowed, what.function())?;
        if flags & AFFECT == AFFECT {
            // virDomainObjGetDefs' message carries no "invalid argument:" prefix
            return Err(crate::domain_query::affect_flags_exclusive());
        }
        if id == 0 {
            return Err(invalid_arg(format!("invalid iothread id '{id}'")));
        }
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            let def = cputune::def_mut(d, config);
            let mut ids = cputune::iothread_ids(def);
            let known = ids.contains(&id);
            match what {
                IoThreadOp::Add if known => Err(invalid_arg(format!(
                    "an IOThread is already using iothread_id '{id}'"
                ))),
                IoThreadOp::Add => {
                    ids.push(id);
                    cputune::set_iothread_ids(def, &ids);
                    Ok(())
                }
                IoThreadOp::Del if known => {
                    ids.retain(|i| *i != id);
                    cputune::set_iothread_ids(def, &ids);
                    cputune::set_pin(def, "iothreadpin", Some(("iothread", id)), None);
                    Ok(())
                }
                IoThreadOp::Del => Err(invalid_arg(format!(
                    "cannot find IOThread '{id}' in iothreadids list"
                ))),
                IoThreadOp::Pin if known => {
                    let set = cputune::map_to_cpuset(cpumap);
                    cputune::set_pin(def, "iothreadpin", Some(("iothread", id)), Some(&set));
                    Ok(())
                }
                IoThreadOp::Pin => Err(invalid_arg(format!("iothreadid {id} not found"))),
                IoThreadOp::Set if known => Ok(()),
                IoThreadOp::Set => Err(invalid_arg(format!(
                    "cannot find IOThread '{id}' in iothreadids"
                ))),
            }
        })
    }
}

/// The IOThread operations of [`TestConnection::dom_iothread_op`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum IoThreadOp {
    Add,
    Del,
    Pin,
    Set,
}

impl IoThreadOp {
    fn function(self) -> &'static str {
        match self {
            IoThreadOp::Add => "testDomainAddIOThread",
            IoThreadOp::Del => "testDomainDelIOThread",
            IoThreadOp::Pin => "testDomainPinIOThread",
            IoThreadOp::Set => "testDomainSetIOThreadParams",
        }
    }
}
