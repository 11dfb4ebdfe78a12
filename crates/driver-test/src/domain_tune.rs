//! Read-only tuning queries libvirt's test driver answers from the definition: vCPU and
//! emulator pinning, NUMA, interface bandwidth and block I/O tuning (`testDomainGet*`).

use crate::domain_query::affect;
use crate::domdef::DomainDefExt;
use crate::driver::TestConnection;
use crate::errors::{check_flags, invalid_arg};
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{TypedParam, TypedValue};

/// `VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`.
const AFFECT: u32 = 1 | 2;
/// `VIR_TYPED_PARAM_STRING_OKAY`.
const STRING_OKAY: u32 = 1 << 2;

/// A cpumap of `maplen` bytes with the first `cpus` bits set (no `<cputune>` pinning).
fn all_cpus(cpus: usize, maplen: usize) -> Vec<u8> {
    let mut map = vec![0u8; maplen];
    for c in 0..cpus.min(maplen * 8) {
        map[c / 8] |= 1 << (c % 8);
    }
    map
}

fn ullong(field: &str, v: u64) -> TypedParam {
    TypedParam::new(field, TypedValue::ULLong(v))
}

/// The `<iotune>` value of a disk element, 0 when unset.
fn iotune_value(disk: Option<&rvirt_conf::domain::Element>, name: &str) -> u64 {
    disk.and_then(|d| d.child("iotune"))
        .and_then(|t| t.child(name))
        .and_then(|e| e.text.as_deref()?.trim().parse().ok())
        .unwrap_or(0)
}

/// Names of `virDomainGetBlockIoTune`'s parameters, in libvirt's order.
const IOTUNE: [&str; 20] = [
    "total_bytes_sec",
    "read_bytes_sec",
    "write_bytes_sec",
    "total_iops_sec",
    "read_iops_sec",
    "write_iops_sec",
    "total_bytes_sec_max",
    "read_bytes_sec_max",
    "write_bytes_sec_max",
    "total_iops_sec_max",
    "read_iops_sec_max",
    "write_iops_sec_max",
    "size_iops_sec",
    "group_name",
    "total_bytes_sec_max_length",
    "read_bytes_sec_max_length",
    "write_bytes_sec_max_length",
    "total_iops_sec_max_length",
    "read_iops_sec_max_length",
    "write_iops_sec_max_length",
];

impl TestConnection {
    fn with_def<T>(
        &self,
        dom: &DomainRef,
        flags: u32,
        f: impl FnOnce(&DomainDef) -> VirResult<T>,
    ) -> VirResult<T> {
        self.with_dom(dom, |d| {
            let config = affect(d, flags & AFFECT)?;
            f(if config { d.persistent_def() } else { &d.def })
        })
    }

    fn host_cpus(&self) -> usize {
        usize::try_from(self.state().node_info.cpus).unwrap_or(0)
    }

    /// testDomainGetVcpuPinInfo: every vCPU may run on every host CPU.
    pub(crate) fn dom_vcpu_pin_info(
        &self,
        dom: &DomainRef,
        ncpumaps: i32,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        check_flags(flags, AFFECT, "testDomainGetVcpuPinInfo")?;
        let cpus = self.host_cpus();
        let maplen = usize::try_from(maplen).unwrap_or(0);
        self.with_def(dom, flags, |def| {
            let n = ncpumaps.min(i32::try_from(def.vcpus_max).unwrap_or(i32::MAX));
            let maps = (0..n.max(0))
                .flat_map(|v| {
                    match crate::cputune::pin_of(def, "vcpupin", Some(("vcpu", v.unsigned_abs()))) {
                        Some(set) => crate::cputune::cpuset_to_map(&set, maplen),
                        None => all_cpus(cpus, maplen),
                    }
                })
                .collect();
            Ok((maps, n))
        })
    }

    /// testDomainGetEmulatorPinInfo.
    pub(crate) fn dom_emulator_pin_info(
        &self,
        dom: &DomainRef,
        maplen: i32,
        flags: u32,
    ) -> VirResult<(Vec<u8>, i32)> {
        check_flags(flags, AFFECT, "testDomainGetEmulatorPinInfo")?;
        let cpus = self.host_cpus();
        let maplen = usize::try_from(maplen).unwrap_or(0);
        self.with_def(dom, flags, |def| {
            let map = match crate::cputune::pin_of(def, "emulatorpin", None) {
                Some(set) => crate::cputune::cpuset_to_map(&set, maplen),
                None => all_cpus(cpus, maplen),
            };
            Ok((map, 1))
        })
    }

    /// testDomainGetNumaParameters: mode (`strict` unless `<numatune>` says otherwise) and
    /// nodeset.
    pub(crate) fn dom_numa_params(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        check_flags(flags, AFFECT | STRING_OKAY, "testDomainGetNumaParameters")?;
        self.with_def(dom, flags, |def| {
            let mem = def
                .extra_element("numatune")
                .and_then(|n| n.child("memory"));
            let mode = match mem.and_then(|m| m.attr("mode")) {
                Some("preferred") => 1,
                Some("interleave") => 2,
                Some("restrictive") => 3,
                _ => 0,
            };
            let nodeset = mem
                .and_then(|m| m.attr("nodeset"))
                .unwrap_or("")
                .to_string();
            Ok(vec![
                TypedParam::new("numa_mode", TypedValue::Int(mode)),
                TypedParam::new("numa_nodeset", TypedValue::String(nodeset)),
            ])
        })
    }

    /// testDomainGetInterfaceParameters: the interface's `<bandwidth>` (0 when unset).
    pub(crate) fn dom_interface_params(
        &self,
        dom: &DomainRef,
        device: &str,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        check_flags(
            flags,
            AFFECT | STRING_OKAY,
            "testDomainGetInterfaceParameters",
        )?;
        self.with_def(dom, flags, |def| {
            let info = def.net_find(device).ok_or_else(|| {
                VirError::new(
                    ErrorCode::InvalidArg,
                    ErrorDomain::Domain,
                    format!("'{device}' is not a known interface"),
                )
            })?;
            let el = def.devices.iter().find(|d| {
                d.name == "interface"
                    && d.child("mac").and_then(|m| m.attr("address")) == info.mac.as_deref()
            });
            let bw = el.and_then(|e| e.child("bandwidth"));
            let get = |dir: &str, what: &str| -> u32 {
                bw.and_then(|b| b.child(dir))
                    .and_then(|d| d.attr(what))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
            };
            let mut out = Vec::new();
            for (dir, names) in [
                ("inbound", &["average", "peak", "burst", "floor"][..]),
                ("outbound", &["average", "peak", "burst"][..]),
            ] {
                for n in names {
                    out.push(TypedParam::new(
                        format!("{dir}.{n}"),
                        TypedValue::UInt(get(dir, n)),
                    ));
                }
            }
            Ok(out)
        })
    }

    /// testDomainGetBlockIoTune: the disk's `<iotune>` (0 when unset).
    pub(crate) fn dom_block_io_tune(
        &self,
        dom: &DomainRef,
        disk: Option<String>,
        flags: u32,
    ) -> VirResult<Vec<TypedParam>> {
        check_flags(flags, AFFECT | STRING_OKAY, "testDomainGetBlockIoTune")?;
        // the count pass (no disk) is answered before the domain or disk is looked up
        let Some(path) = disk else {
            return Ok(IOTUNE
                .iter()
                .map(|n| match *n {
                    "group_name" => TypedParam::new(*n, TypedValue::String(String::new())),
                    _ => ullong(n, 0),
                })
                .collect());
        };
        self.with_def(dom, flags, |def| {
            let info = def.disk_by_name(&path).ok_or_else(|| {
                invalid_arg(format!("disk '{path}' was not found in the domain config"))
            })?;
            let el = def.devices.iter().find(|d| {
                d.name == "disk"
                    && d.child("target").and_then(|t| t.attr("dev")) == Some(info.target.as_str())
            });
            Ok(IOTUNE
                .iter()
                .map(|n| {
                    if *n == "group_name" {
                        let g = el
                            .and_then(|d| d.child("iotune"))
                            .and_then(|t| t.child("group_name"))
                            .and_then(|g| g.text.clone())
                            .unwrap_or_default();
                        TypedParam::new(*n, TypedValue::String(g))
                    } else {
                        ullong(n, iotune_value(el, n))
                    }
                })
                .collect())
        })
    }
}
