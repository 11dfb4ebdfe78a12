//! Tuning setters, CPU statistics and guest-agent answers of libvirt's test driver
//! (`testDomainPinVcpuFlags`, `testDomainSetBlockIoTune`, `testDomainGetCPUStats`,
//! `testDomainGetFSInfo`, `testDomainGetDiskErrors`, …). The setters validate as libvirt's
//! do and accept the change without recording it.

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
    /// Looks the domain up, checks `flags` against `AFFECT` and resolves live/config.
    fn affect_check(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        self.with_dom(dom, |d| affect(d, flags & AFFECT).map(|_| ()))
    }

    fn active_check(&self, dom: &DomainRef) -> VirResult<()> {
        self.with_dom(dom, |d| {
            if d.is_active() {
                Ok(())
            } else {
                Err(not_running())
            }
        })
    }

    /// testDomainPinVcpuFlags
    pub(crate) fn dom_pin_vcpu(&self, dom: &DomainRef, vcpu: u32, flags: u32) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainPinVcpuFlags")?;
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            let def = if config { d.persistent_def() } else { &d.def };
            if vcpu >= def.vcpus_max {
                return Err(invalid_arg(format!(
                    "requested vcpu '{vcpu}' is not present in the domain"
                )));
            }
            Ok(())
        })
    }

    /// testDomainPinEmulator
    pub(crate) fn dom_pin_emulator(&self, dom: &DomainRef, flags: u32) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainPinEmulator")?;
        self.affect_check(dom, flags)
    }

    /// testDomainSetNumaParameters
    pub(crate) fn dom_set_numa(
        &self,
        dom: &DomainRef,
        params: &[TypedParam],
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, AFFECT, "testDomainSetNumaParameters")?;
        for p in params {
            if p.field == "numa_mode" {
                if let TypedValue::Int(m) = p.value {
                    if !(0..=3).contains(&m) {
                        return Err(invalid_arg(format!("unsupported numatune mode: '{m}'")));
                    }
                }
            }
        }
        self.affect_check(dom, flags)
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

    /// testDomainGetIOThreadInfo: the default objects define no IOThreads.
    pub(crate) fn dom_iothread_info(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<IoThreadInfo>> {
        check_flags(flags, AFFECT, "testDomainGetIOThreadInfo")?;
        self.affect_check(dom, flags)?;
        Ok(Vec::new())
    }

    /// testDomainAddIOThread / testDomainDelIOThread / testDomainPinIOThread /
    /// testDomainSetIOThreadParams: `what` picks the operation.
    pub(crate) fn dom_iothread_op(
        &self,
        dom: &DomainRef,
        id: u32,
        what: IoThreadOp,
        flags: u32,
    ) -> VirResult<()> {
        let allowed = if matches!(what, IoThreadOp::Set) {
            AFFECT | 4
        } else {
            AFFECT
        };
        check_flags(flags, allowed, what.function())?;
        if id == 0 {
            return Err(invalid_arg(format!("invalid iothread id '{id}'")));
        }
        self.affect_check(dom, flags)?;
        match what {
            IoThreadOp::Add => Ok(()),
            IoThreadOp::Del => Err(invalid_arg(format!(
                "cannot find IOThread '{id}' in iothreadids list"
            ))),
            IoThreadOp::Pin => Err(invalid_arg(format!("iothreadid {id} not found"))),
            IoThreadOp::Set => Err(invalid_arg(format!(
                "cannot find IOThread '{id}' in iothreadids"
            ))),
        }
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
