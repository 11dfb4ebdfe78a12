//! Resource control of running guests through cgroups: placement at start and removal at
//! stop, `virDomainGet/SetSchedulerParameters` (`<cputune>` shares/period/quota),
//! `virDomainGet/SetMemoryParameters` (`<memtune>`) and `virDomainGet/SetBlkioParameters`
//! (`<blkiotune><weight>` and per-device `<device>` weights and throttles), live and in
//! the persistent definition.

use super::driver::QemuDriver;
use crate::cgroup::blkdev::{self, DevKnob};
use crate::cgroup::{machine_group, root_tag, CgroupBackend, Knob};
use crate::paths::QemuPaths;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::DomainEventKind;
use rvirt_core::handle::DomainRef;
use rvirt_core::typed_param::{TypedParam, TypedValue};
use rvirt_qmp::QmpClient;
use std::sync::Arc;
use std::time::Duration;

/// `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED` (KiB).
pub const MEMORY_UNLIMITED: u64 = 9_007_199_254_740_991;

/// libvirt's order of `<cputune>` children.
const CPUTUNE_ORDER: [&str; 17] = [
    "shares",
    "period",
    "quota",
    "global_period",
    "global_quota",
    "emulator_period",
    "emulator_quota",
    "iothread_period",
    "iothread_quota",
    "vcpupin",
    "emulatorpin",
    "iothreadpin",
    "vcpusched",
    "iothreadsched",
    "emulatorsched",
    "cachetune",
    "memorytune",
];

/// Scheduler parameters: (API field, `<cputune>` child, signed).
const SCHED: [(&str, &str, bool); 9] = [
    ("cpu_shares", "shares", false),
    ("vcpu_period", "period", false),
    ("vcpu_quota", "quota", true),
    ("emulator_period", "emulator_period", false),
    ("emulator_quota", "emulator_quota", true),
    ("global_period", "global_period", false),
    ("global_quota", "global_quota", true),
    ("iothread_period", "iothread_period", false),
    ("iothread_quota", "iothread_quota", true),
];

/// Memory parameters: (API field, `<memtune>` child).
const MEM: [(&str, &str); 3] = [
    ("hard_limit", "hard_limit"),
    ("soft_limit", "soft_limit"),
    ("swap_hard_limit", "swap_hard_limit"),
];

fn invalid(detail: impl Into<String>) -> VirError {
    VirError::invalid_arg(ErrorDomain::Qemu, detail)
}

fn cg_err(e: std::io::Error) -> VirError {
    if e.kind() == std::io::ErrorKind::Unsupported {
        return VirError::new(
            ErrorCode::OperationUnsupported,
            ErrorDomain::Qemu,
            e.to_string(),
        );
    }
    VirError::new(
        ErrorCode::SystemError,
        ErrorDomain::Cgroup,
        format!("Unable to write to cgroup: {e}"),
    )
}

fn no_cgroups() -> VirError {
    VirError::new(
        ErrorCode::OperationInvalid,
        ErrorDomain::Cgroup,
        "cgroup CPU controller is not mounted",
    )
}

/// A numeric child of a top-level tuning element of `def`.
fn tune_value(def: &DomainDef, top: &str, child: &str) -> Option<i64> {
    def.extra
        .iter()
        .find(|e| e.name == top)?
        .child(child)?
        .text
        .as_deref()?
        .trim()
        .parse()
        .ok()
}

/// Sets (or, with `None`, removes) a child of a top-level tuning element; drops the element
/// when it ends up empty.
fn set_tune(def: &mut DomainDef, top: &str, child: &str, value: Option<String>, kib: bool) {
    let pos = match def.extra.iter().position(|e| e.name == top) {
        Some(p) => p,
        None => {
            def.extra.push(Element::new(top));
            def.extra.len() - 1
        }
    };
    let el = &mut def.extra[pos];
    el.remove_children(child);
    if let Some(v) = value {
        let mut c = Element::new(child);
        if kib {
            c.set_attr("unit", "KiB");
        }
        c.text = Some(v);
        el.children.push(c);
    }
    match top {
        "cputune" => el.order_children(&CPUTUNE_ORDER),
        "memtune" => el.order_children(&[
            "hard_limit",
            "soft_limit",
            "min_guarantee",
            "swap_hard_limit",
        ]),
        "blkiotune" => el.order_children(&["weight", "device"]),
        _ => {}
    }
    if el.children.is_empty() {
        def.extra.remove(pos);
    }
}

fn blkiotune_of(def: &DomainDef) -> Option<&Element> {
    def.extra.iter().find(|e| e.name == "blkiotune")
}

/// Applies per-device settings to `<blkiotune>` (created when needed, dropped when empty).
fn merge_devices(def: &mut DomainDef, settings: &[(String, DevKnob, u64)]) {
    if settings.is_empty() {
        return;
    }
    let pos = match def.extra.iter().position(|e| e.name == "blkiotune") {
        Some(p) => p,
        None => {
            def.extra.push(Element::new("blkiotune"));
            def.extra.len() - 1
        }
    };
    let el = &mut def.extra[pos];
    for (path, knob, v) in settings {
        blkdev::set_xml_value(el, path, *knob, *v);
    }
    el.order_children(&["weight", "device"]);
    if el.children.is_empty() {
        def.extra.remove(pos);
    }
}

/// `MAJ:MIN` of a device path, with libvirt's errors.
fn dev_of(path: &str) -> VirResult<String> {
    blkdev::block_dev(path).map_err(|m| {
        if m.starts_with("Path") {
            VirError::operation_invalid(ErrorDomain::Qemu, m)
        } else {
            VirError::new(ErrorCode::SystemError, ErrorDomain::Qemu, m)
        }
    })
}

/// A cgroup error of a per-device setting.
fn dev_err(knob: DevKnob, e: std::io::Error) -> VirError {
    if e.kind() != std::io::ErrorKind::Unsupported {
        return cg_err(e);
    }
    VirError::new(
        ErrorCode::OperationInvalid,
        ErrorDomain::Qemu,
        match knob {
            DevKnob::Weight => "blkio device weight is valid only for cfq/bfq scheduler",
            _ => "blkio device throttling is not supported by this host's cgroups",
        },
    )
}

fn param_u64(p: &TypedParam) -> VirResult<u64> {
    p.value
        .as_u64()
        .ok_or_else(|| invalid(format!("invalid type for parameter '{}'", p.field)))
}

fn param_i64(p: &TypedParam) -> VirResult<i64> {
    match p.value {
        TypedValue::LLong(v) => Ok(v),
        TypedValue::Int(v) => Ok(i64::from(v)),
        _ => param_u64(p).and_then(|v| i64::try_from(v).map_err(|_| invalid("value too large"))),
    }
}

/// libvirt's ranges of the CFS bandwidth parameters.
fn check_range(field: &str, v: i64) -> VirResult<()> {
    let ok = if field.ends_with("_period") {
        v == 0 || (1000..=1_000_000).contains(&v)
    } else {
        v == -1 || v == 0 || (1000..=17_592_186_044_415).contains(&v)
    };
    if ok {
        return Ok(());
    }
    Err(invalid(if field.ends_with("_period") {
        format!("value of '{field}' is out of range [1000, 1000000]")
    } else {
        format!("value of '{field}' is out of range [1000, 17592186044415]")
    }))
}

/// The `cgroup` tag of a driver root (`None` for the system layout).
fn tag_of(paths: &QemuPaths) -> Option<String> {
    if *paths == QemuPaths::system() {
        return None;
    }
    Some(root_tag(&paths.config_dir))
}

impl QemuDriver {
    /// The cgroup of the running domain `id`/`name`.
    pub(crate) fn cgroup_of(&self, id: i32, name: &str) -> String {
        machine_group(id, name, tag_of(&self.opts.paths).as_deref())
    }

    fn live_group(&self, dom: &DomainRef) -> VirResult<(Arc<dyn CgroupBackend>, String)> {
        let cg = self.cgroups.get().ok_or_else(no_cgroups)?;
        let (id, name) = self.with_dom(dom, |o| Ok((o.id, o.name().to_string())))?;
        Ok((cg, self.cgroup_of(id, &name)))
    }

    /// Places a freshly started QEMU in its group (per-vCPU child groups on v1) and applies
    /// the definition's tunables. Failures are logged: a host without usable cgroups runs
    /// guests unconfined, as libvirt does.
    pub(crate) async fn cgroup_setup(&self, id: i32, live: &DomainDef, pid: i32, qmp: &QmpClient) {
        let Some(cg) = self.cgroups.get() else {
            return;
        };
        let group = self.cgroup_of(id, &live.name);
        if let Err(e) = cg.create(&group).and_then(|_| cg.add_process(&group, pid)) {
            tracing::warn!(domain = %live.name, error = %e, "cannot place QEMU in its cgroup");
            return;
        }
        if cg.version() == 1 {
            let t = Duration::from_secs(10);
            if let Ok(v) = qmp.execute("query-cpus-fast", None, t).await {
                for c in v.as_array().into_iter().flatten() {
                    let (Some(idx), Some(tid)) = (c["cpu-index"].as_i64(), c["thread-id"].as_i64())
                    else {
                        continue;
                    };
                    let sub = format!("{group}/vcpu{idx}");
                    let r = cg
                        .create(&sub)
                        .and_then(|_| cg.add_thread(&sub, tid as i32));
                    if let Err(e) = r {
                        tracing::warn!(error = %e, "cannot place vCPU thread in its cgroup");
                    }
                }
            }
        }
        let mut errors = Vec::new();
        for (field, child, _) in SCHED {
            if let Some(v) = tune_value(live, "cputune", child).filter(|v| *v != 0) {
                if let Err(e) = self.apply_sched(cg.as_ref(), &group, field, v) {
                    errors.push(e.to_string());
                }
            }
        }
        for (field, child) in MEM {
            if let Some(v) = tune_value(live, "memtune", child) {
                if let Err(e) = apply_mem(cg.as_ref(), &group, field, v as u64) {
                    errors.push(e.to_string());
                }
            }
        }
        if let Some(w) = tune_value(live, "blkiotune", "weight") {
            if let Err(e) = cg.set(Knob::BlkioWeight, &group, Some(w as u64)) {
                errors.push(e.to_string());
            }
        }
        for (path, knob, v) in blkdev::xml_settings(blkiotune_of(live)) {
            let r = blkdev::block_dev(&path).and_then(|dev| {
                cg.set_device(knob, &group, &dev, v)
                    .map_err(|e| e.to_string())
            });
            if let Err(e) = r {
                errors.push(format!("{path}: {e}"));
            }
        }
        for e in errors {
            tracing::warn!(domain = %live.name, error = %e, "cannot apply a tunable");
        }
    }

    /// Removes the group of a stopped domain.
    pub(crate) fn cgroup_remove(&self, id: i32, name: &str) {
        if let Some(cg) = self.cgroups.get() {
            cg.remove(&self.cgroup_of(id, name));
        }
    }

    /// The vCPU child groups of `group` (v1), or the group itself.
    fn vcpu_groups(cg: &dyn CgroupBackend, group: &str) -> Vec<String> {
        let mut subs: Vec<String> = (0..1024)
            .map(|i| format!("{group}/vcpu{i}"))
            .take_while(|g| cg.knob_path(Knob::CfsPeriod, g).is_some())
            .collect();
        if subs.is_empty() {
            subs.push(group.to_string());
        }
        subs
    }

    fn apply_sched(
        &self,
        cg: &dyn CgroupBackend,
        group: &str,
        field: &str,
        v: i64,
    ) -> VirResult<()> {
        let quota = |v: i64| if v < 0 { None } else { Some(v as u64) };
        let r = match field {
            "cpu_shares" => cg.set(Knob::CpuShares, group, Some(v as u64)),
            "vcpu_period" => Self::vcpu_groups(cg, group)
                .iter()
                .try_for_each(|g| cg.set(Knob::CfsPeriod, g, Some(v as u64))),
            "vcpu_quota" => Self::vcpu_groups(cg, group)
                .iter()
                .try_for_each(|g| cg.set(Knob::CfsQuota, g, quota(v))),
            "global_period" => cg.set(Knob::CfsPeriod, group, Some(v as u64)),
            "global_quota" => cg.set(Knob::CfsQuota, group, quota(v)),
            // emulator and iothread threads share the domain group here: kept in the
            // definition only
            _ => Ok(()),
        };
        r.map_err(cg_err)
    }

    /// `virDomainGetSchedulerType`: `posix` with its 9 parameters.
    pub(crate) fn sched_type(&self, dom: &DomainRef) -> VirResult<(String, i32)> {
        self.with_dom(dom, |_| Ok(()))?;
        if self.cgroups.get().is_none() {
            return Err(no_cgroups());
        }
        Ok(("posix".into(), SCHED.len() as i32))
    }

    /// `virDomainGetSchedulerParametersFlags`: live values from the cgroup, config values
    /// from `<cputune>`.
    pub(crate) fn sched_get(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>> {
        let (live, _) = self.impact(dom, flags & 3)?;
        let mut out = Vec::new();
        if live {
            let (cg, group) = self.live_group(dom)?;
            let vg = Self::vcpu_groups(cg.as_ref(), &group);
            let vg0 = vg.first().cloned().unwrap_or_else(|| group.clone());
            let get = |k: Knob, g: &str| cg.get(k, g).map_err(cg_err);
            let q = |v: Option<u64>| v.map_or(-1, |v| v as i64);
            let period = get(Knob::CfsPeriod, &group)?.unwrap_or(0);
            let quota = q(get(Knob::CfsQuota, &group)?);
            out.push(TypedParam::new(
                "cpu_shares",
                TypedValue::ULLong(get(Knob::CpuShares, &group)?.unwrap_or(0)),
            ));
            out.push(TypedParam::new(
                "vcpu_period",
                TypedValue::ULLong(get(Knob::CfsPeriod, &vg0)?.unwrap_or(0)),
            ));
            out.push(TypedParam::new(
                "vcpu_quota",
                TypedValue::LLong(q(get(Knob::CfsQuota, &vg0)?)),
            ));
            for pre in ["emulator", "global", "iothread"] {
                out.push(TypedParam::new(
                    format!("{pre}_period"),
                    TypedValue::ULLong(period),
                ));
                out.push(TypedParam::new(
                    format!("{pre}_quota"),
                    TypedValue::LLong(quota),
                ));
            }
            // libvirt's order: shares, vcpu, emulator, global, iothread
            return Ok(out);
        }
        self.with_dom(dom, |o| {
            for (field, child, signed) in SCHED {
                let v = tune_value(&o.def, "cputune", child).unwrap_or(0);
                out.push(TypedParam::new(
                    field,
                    if signed {
                        TypedValue::LLong(v)
                    } else {
                        TypedValue::ULLong(v.max(0) as u64)
                    },
                ));
            }
            Ok(out)
        })
    }

    /// `virDomainSetSchedulerParametersFlags`.
    pub(crate) fn sched_set(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            3,
            "virDomainSetSchedulerParametersFlags",
        )?;
        let (live, config) = self.impact(dom, flags & 3)?;
        let mut changes: Vec<(&'static str, &'static str, bool, i64)> = Vec::new();
        for p in &params {
            let Some((field, child, signed)) = SCHED.iter().find(|(f, _, _)| *f == p.field) else {
                return Err(invalid(format!("parameter '{}' not supported", p.field)));
            };
            let v = if *signed {
                param_i64(p)?
            } else {
                param_u64(p)? as i64
            };
            if *field != "cpu_shares" {
                check_range(field, v)?;
            }
            changes.push((field, child, *signed, v));
        }
        let mut event = Vec::new();
        if live {
            let (cg, group) = self.live_group(dom)?;
            for (field, child, signed, v) in &changes {
                self.apply_sched(cg.as_ref(), &group, field, *v)?;
                self.edit_live(dom, |l| {
                    set_tune(l, "cputune", child, Some(v.to_string()), false)
                })?;
                event.push(TypedParam::new(
                    format!("cputune.{field}"),
                    if *signed {
                        TypedValue::LLong(*v)
                    } else {
                        TypedValue::ULLong(*v as u64)
                    },
                ));
            }
        }
        if config {
            self.edit_config(dom, |d| {
                for (_, child, _, v) in &changes {
                    set_tune(d, "cputune", child, Some(v.to_string()), false);
                }
                Ok(())
            })?;
        }
        if !event.is_empty() {
            let h = self.with_dom(dom, |o| Ok(o.handle()))?;
            self.emit(h, DomainEventKind::Tunable { params: event });
        }
        Ok(())
    }

    /// `virDomainGetMemoryParameters` (KiB; unlimited = `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`).
    pub(crate) fn memtune_get(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>> {
        let (live, _) = self.impact(dom, flags & 3)?;
        let mut out = Vec::new();
        if live {
            let (cg, group) = self.live_group(dom)?;
            for (field, knob) in [
                ("hard_limit", Knob::MemHard),
                ("soft_limit", Knob::MemSoft),
                ("swap_hard_limit", Knob::MemSwap),
            ] {
                let v = match cg.get(knob, &group) {
                    Ok(Some(b)) => (b / 1024).min(MEMORY_UNLIMITED),
                    Ok(None) => MEMORY_UNLIMITED,
                    Err(e) if e.kind() == std::io::ErrorKind::Unsupported => MEMORY_UNLIMITED,
                    Err(e) => return Err(cg_err(e)),
                };
                out.push(TypedParam::new(field, TypedValue::ULLong(v)));
            }
            return Ok(out);
        }
        self.with_dom(dom, |o| {
            for (field, child) in MEM {
                let v = tune_value(&o.def, "memtune", child).map_or(MEMORY_UNLIMITED, |v| v as u64);
                out.push(TypedParam::new(field, TypedValue::ULLong(v)));
            }
            Ok(out)
        })
    }

    /// `virDomainSetMemoryParameters`.
    pub(crate) fn memtune_set(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 3, "virDomainSetMemoryParameters")?;
        let (live, config) = self.impact(dom, flags & 3)?;
        let mut changes = Vec::new();
        for p in &params {
            let Some((field, child)) = MEM.iter().find(|(f, _)| *f == p.field) else {
                return Err(invalid(format!("parameter '{}' not supported", p.field)));
            };
            changes.push((*field, *child, param_u64(p)?));
        }
        let get = |f: &str| changes.iter().find(|c| c.0 == f).map(|c| c.2);
        if let (Some(h), Some(s)) = (get("hard_limit"), get("swap_hard_limit")) {
            if h > s {
                return Err(invalid(
                    "memory hard_limit tunable value must be lower than or equal to swap_hard_limit",
                ));
            }
        }
        if live {
            let (cg, group) = self.live_group(dom)?;
            // raise swap before hard (v1 requires memsw >= limit)
            changes.sort_by_key(|c| if c.0 == "swap_hard_limit" { 0 } else { 1 });
            for (field, child, kib) in &changes {
                apply_mem(cg.as_ref(), &group, field, *kib).map_err(cg_err)?;
                let v = (*kib < MEMORY_UNLIMITED).then(|| kib.to_string());
                self.edit_live(dom, |l| set_tune(l, "memtune", child, v, true))?;
            }
        }
        if config {
            self.edit_config(dom, |d| {
                for (_, child, kib) in &changes {
                    let v = (*kib < MEMORY_UNLIMITED).then(|| kib.to_string());
                    set_tune(d, "memtune", child, v, true);
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    /// `virDomainGetBlkioParameters`: `weight` and the per-device lists
    /// (`path,value,…` of `<blkiotune><device>`).
    pub(crate) fn blkio_get(&self, dom: &DomainRef, flags: u32) -> VirResult<Vec<TypedParam>> {
        let (live, _) = self.impact(dom, flags & 3)?;
        let weight = if live {
            let (cg, group) = self.live_group(dom)?;
            match cg.get(Knob::BlkioWeight, &group) {
                Ok(v) => v.unwrap_or(0) as u32,
                Err(e) if e.kind() == std::io::ErrorKind::Unsupported => {
                    self.with_dom(dom, |o| {
                        Ok(tune_value(o.current_def(), "blkiotune", "weight"))
                    })?
                    .unwrap_or(0) as u32
                }
                Err(e) => return Err(cg_err(e)),
            }
        } else {
            self.with_dom(dom, |o| Ok(tune_value(&o.def, "blkiotune", "weight")))?
                .unwrap_or(0) as u32
        };
        let mut out = vec![TypedParam::new("weight", TypedValue::UInt(weight))];
        let strings: Vec<String> = self.with_dom(dom, |o| {
            let d = if live { o.current_def() } else { &o.def };
            Ok(DevKnob::ALL
                .iter()
                .map(|k| blkdev::param_string(blkiotune_of(d), *k))
                .collect())
        })?;
        for (k, v) in DevKnob::ALL.iter().zip(strings) {
            out.push(TypedParam::new(k.param(), TypedValue::String(v)));
        }
        Ok(out)
    }

    /// `virDomainSetBlkioParameters`: `weight` (100..1000) and the per-device
    /// `device_weight`, `device_{read,write}_{iops,bytes}_sec` lists (`path,value,…`;
    /// 0 removes a setting). Live values are read back from the cgroup.
    pub(crate) fn blkio_set(
        &self,
        dom: &DomainRef,
        params: Vec<TypedParam>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(ErrorDomain::Qemu, flags, 3, "virDomainSetBlkioParameters")?;
        let (live, config) = self.impact(dom, flags & 3)?;
        let mut weight = None;
        let mut wanted: Vec<(String, DevKnob, u64)> = Vec::new();
        for p in &params {
            if let Some(k) = DevKnob::from_param(&p.field) {
                let TypedValue::String(s) = &p.value else {
                    return Err(invalid(format!(
                        "invalid type for parameter '{}', expected 'string'",
                        p.field
                    )));
                };
                let list = blkdev::parse_device_param(s, &p.field).map_err(invalid)?;
                wanted.extend(list.into_iter().map(|(path, v)| (path, k, v)));
                continue;
            }
            if p.field != "weight" {
                return Err(invalid(format!("parameter '{}' not supported", p.field)));
            }
            let w = param_u64(p)?;
            if !(100..=1000).contains(&w) {
                return Err(invalid("out of blkio weight range."));
            }
            weight = Some(w);
        }
        if live {
            let (cg, group) = self.live_group(dom)?;
            if let Some(w) = weight {
                cg.set(Knob::BlkioWeight, &group, Some(w)).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::Unsupported {
                        VirError::new(
                            ErrorCode::OperationInvalid,
                            ErrorDomain::Qemu,
                            "blkio cgroup isn't mounted",
                        )
                    } else {
                        cg_err(e)
                    }
                })?;
                self.edit_live(dom, |l| {
                    set_tune(l, "blkiotune", "weight", Some(w.to_string()), false)
                })?;
            }
            let mut applied = Vec::new();
            for (path, k, v) in &wanted {
                let dev = dev_of(path)?;
                cg.set_device(*k, &group, &dev, *v)
                    .map_err(|e| dev_err(*k, e))?;
                let got = cg.get_device(*k, &group, &dev).unwrap_or(*v);
                applied.push((path.clone(), *k, got));
            }
            self.edit_live(dom, |l| merge_devices(l, &applied))?;
        }
        if config {
            self.edit_config(dom, |d| {
                if let Some(w) = weight {
                    set_tune(d, "blkiotune", "weight", Some(w.to_string()), false);
                }
                merge_devices(d, &wanted);
                Ok(())
            })?;
        }
        Ok(())
    }
}

/// Writes one memory limit (KiB, `MEMORY_UNLIMITED` = none).
fn apply_mem(cg: &dyn CgroupBackend, group: &str, field: &str, kib: u64) -> std::io::Result<()> {
    let knob = match field {
        "hard_limit" => Knob::MemHard,
        "soft_limit" => Knob::MemSoft,
        _ => Knob::MemSwap,
    };
    let v = (kib < MEMORY_UNLIMITED).then(|| kib * 1024);
    cg.set(knob, group, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def() -> DomainDef {
        DomainDef::default()
    }

    #[test]
    fn tuning_elements_are_kept_in_libvirts_order() {
        let mut d = def();
        set_tune(&mut d, "cputune", "quota", Some("-1".into()), false);
        set_tune(&mut d, "cputune", "shares", Some("2048".into()), false);
        let ct = d.extra.iter().find(|e| e.name == "cputune").unwrap();
        let names: Vec<&str> = ct.children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["shares", "quota"]);
        assert_eq!(tune_value(&d, "cputune", "shares"), Some(2048));
        set_tune(&mut d, "memtune", "hard_limit", Some("1024".into()), true);
        let mt = d.extra.iter().find(|e| e.name == "memtune").unwrap();
        assert_eq!(mt.children[0].attr("unit"), Some("KiB"));
        set_tune(&mut d, "memtune", "hard_limit", None, true);
        assert!(d.extra.iter().all(|e| e.name != "memtune"));
    }

    #[test]
    fn bandwidth_ranges() {
        assert!(check_range("vcpu_period", 100_000).is_ok());
        assert!(check_range("vcpu_quota", -1).is_ok());
        let e = check_range("vcpu_period", 10).unwrap_err();
        assert!(
            e.message.contains("out of range [1000, 1000000]"),
            "{}",
            e.message
        );
    }
}
