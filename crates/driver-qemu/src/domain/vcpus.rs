//! Live vCPU hotplug for `virDomainSetVcpusFlags(VIR_DOMAIN_AFFECT_LIVE)`: vCPUs beyond
//! `<vcpu current=…>` are plugged with `device_add` of the CPU type QEMU reports in
//! `query-hotpluggable-cpus` and unplugged with `device_del` (ACPI eject, completed by
//! `DEVICE_DELETED`), as `qemuDomainSetVcpusLive` does; and `virDomainSetVcpu`, which
//! switches individual vCPUs (`<vcpus><vcpu id enabled hotpluggable/>`).

use super::driver::{qmp_err, QemuDriver};
use super::hotplug::{AFFECT_CONFIG, AFFECT_LIVE};
use super::object::VmProcess;
use crate::command::vcpus::{boot_vcpus, set_vcpu_states, vcpu_states, VcpuState};
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

const T: Duration = Duration::from_secs(30);
/// How long an unplug may take before libvirt's "timed out" error (TCG guests are slow).
const UNPLUG_WAIT: Duration = Duration::from_secs(20);

/// One slot of `query-hotpluggable-cpus`.
#[derive(Debug, Clone, PartialEq)]
pub struct CpuSlot {
    /// The device type to `device_add` (`qemu64-x86_64-cpu`).
    pub driver: String,
    /// Topology properties (`socket-id`, `core-id`, `thread-id`, …).
    pub props: Map<String, Value>,
    /// Set when the slot holds a vCPU.
    pub qom_path: Option<String>,
}

impl CpuSlot {
    /// The order libvirt plugs slots in: by socket, die, core, thread.
    fn order(&self) -> Vec<i64> {
        ["socket-id", "die-id", "core-id", "thread-id"]
            .iter()
            .map(|k| self.props.get(*k).and_then(Value::as_i64).unwrap_or(0))
            .collect()
    }

    /// The device id rvirt gives a hotplugged vCPU (`vcpuN`, N = its socket·core·thread index).
    pub fn alias(&self, index: usize) -> String {
        format!("vcpu{index}")
    }
}

/// Parses `query-hotpluggable-cpus`, sorted into plug order.
pub fn parse_slots(v: &Value) -> Vec<CpuSlot> {
    let mut slots: Vec<CpuSlot> = v
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| {
            Some(CpuSlot {
                driver: s["type"].as_str()?.to_string(),
                props: s["props"].as_object().cloned().unwrap_or_default(),
                qom_path: s["qom-path"].as_str().map(str::to_string),
            })
        })
        .collect();
    slots.sort_by_key(CpuSlot::order);
    slots
}

/// The `device_add` arguments plugging `slot` as `id`.
pub fn device_add_args(slot: &CpuSlot, id: &str) -> Value {
    let mut args = slot.props.clone();
    args.remove("node-id");
    args.insert("driver".into(), json!(slot.driver));
    args.insert("id".into(), json!(id));
    Value::Object(args)
}

/// One logical CPU of `guest-get-vcpus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuestVcpu {
    pub id: u32,
    pub online: bool,
    pub offlinable: bool,
}

/// Parses the agent's `guest-get-vcpus` reply.
pub fn parse_guest_vcpus(v: &Value) -> Vec<GuestVcpu> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some(GuestVcpu {
                id: u32::try_from(c["logical-id"].as_u64()?).ok()?,
                online: c["online"].as_bool().unwrap_or(false),
                offlinable: c["can-offline"].as_bool().unwrap_or(false),
            })
        })
        .collect()
}

fn bad_arg(detail: impl Into<String>) -> VirError {
    VirError::invalid_arg(ErrorDomain::Qemu, detail)
}

/// `qemuDomainFilterHotplugVcpuEntities`: the live vCPUs `map` may switch to `state`.
fn check_live(states: &[VcpuState], map: &BTreeSet<u32>, state: bool) -> VirResult<()> {
    for &i in map {
        let Some(s) = states.get(i as usize) else {
            continue;
        };
        if s.online == state {
            return Err(bad_arg(format!("vcpu '{i}' is already in requested state")));
        }
        if s.online && !s.hotpluggable {
            return Err(bad_arg(format!("vcpu '{i}' can't be hotunplugged")));
        }
    }
    if map.len() != 1 {
        return Err(bad_arg("only one hotpluggable entity can be selected"));
    }
    Ok(())
}

/// `qemuDomainVcpuValidateConfig`: vCPU 0 stays; the others may change.
fn check_config(map: &BTreeSet<u32>) -> VirResult<()> {
    if map.contains(&0) {
        return Err(bad_arg("vCPU '0' can't be modified"));
    }
    Ok(())
}

/// `qemuDomainSetVcpuConfig`: switches the vCPUs and marks them hotpluggable.
fn apply_config(def: &mut DomainDef, map: &BTreeSet<u32>, state: bool) {
    let mut states = vcpu_states(def);
    for &i in map {
        if let Some(s) = states.get_mut(i as usize) {
            s.online = state;
            s.hotpluggable = true;
        }
    }
    set_vcpu_states(def, &states);
}

impl QemuDriver {
    /// `virDomainSetVcpu`: enables (`state` ≠ 0) or disables the vCPUs of `cpumap`
    /// (libvirt bitmap syntax) live (one hotpluggable vCPU at a time) and/or in the config.
    pub async fn set_vcpu(
        &self,
        dom: &DomainRef,
        cpumap: &str,
        state: i32,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(
            ErrorDomain::Qemu,
            flags,
            AFFECT_LIVE | AFFECT_CONFIG,
            "virDomainSetVcpu",
        )?;
        let state = state != 0;
        let map = rvirt_conf::domain::bitmap::parse_bitmap(cpumap)
            .ok_or_else(|| bad_arg(format!("Failed to parse bitmap '{cpumap}'")))?;
        let (live, config) = self.impact(dom, flags)?;
        let last = map.iter().next_back().copied().unwrap_or(0);
        let (live_states, config_max) = self.with_dom(dom, |o| {
            Ok((
                o.live.as_ref().map(vcpu_states).unwrap_or_default(),
                o.def.vcpus_max,
            ))
        })?;
        if live && last as usize >= live_states.len() {
            return Err(bad_arg(format!(
                "vcpu {last} is not present in live config"
            )));
        }
        if config && last >= config_max {
            return Err(bad_arg(format!(
                "vcpu {last} is not present in persistent config"
            )));
        }
        if live {
            check_live(&live_states, &map, state)?;
        }
        if config {
            check_config(&map)?;
        }
        if live {
            let vm = self.vm_of(dom)?;
            let job = self.job_of(dom)?;
            let _g = job.lock().await;
            for &i in &map {
                Box::pin(self.switch_vcpu(&vm, i as usize, state)).await?;
            }
            self.edit_live(dom, |l| {
                let mut st = vcpu_states(l);
                for &i in &map {
                    if let Some(s) = st.get_mut(i as usize) {
                        s.online = state;
                    }
                }
                set_vcpu_states(l, &st);
            })?;
        }
        if config {
            self.edit_config(dom, |d| {
                apply_config(d, &map, state);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Plugs (`device_add`, id `vcpuN`) or unplugs vCPU `index` of the running guest.
    async fn switch_vcpu(&self, vm: &Arc<VmProcess>, index: usize, on: bool) -> VirResult<()> {
        let slots = Self::cpu_slots(vm).await?;
        let Some(slot) = slots.get(index) else {
            return Err(bad_arg(format!("vcpu '{index}' is not hotpluggable")));
        };
        if on {
            vm.qmp
                .execute(
                    "device_add",
                    Some(device_add_args(slot, &slot.alias(index))),
                    T,
                )
                .await
                .map_err(qmp_err)?;
            return Ok(());
        }
        Self::unplug_slot(vm, &slot.alias(index), index).await
    }

    /// `device_del` of the vCPU in slot `index` (ACPI eject), then [`Self::wait_unplugged`].
    async fn unplug_slot(vm: &Arc<VmProcess>, alias: &str, index: usize) -> VirResult<()> {
        vm.qmp
            .execute("device_del", Some(json!({"id": alias})), T)
            .await
            .map_err(qmp_err)?;
        Self::wait_unplugged(vm, index).await
    }

    /// Waits until slot `index` of `query-hotpluggable-cpus` is empty again.
    async fn wait_unplugged(vm: &Arc<VmProcess>, index: usize) -> VirResult<()> {
        let start = Instant::now();
        loop {
            let gone = Self::cpu_slots(vm)
                .await?
                .get(index)
                .is_some_and(|s| s.qom_path.is_none());
            if gone {
                return Ok(());
            }
            if start.elapsed() > UNPLUG_WAIT {
                return Err(VirError::new(
                    ErrorCode::OperationFailed,
                    ErrorDomain::Qemu,
                    "vcpu unplug request timed out. Unplug result must be manually inspected in the domain",
                ));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// `qemuProcessSetupHotpluggableVcpus`: at start, plugs the online vCPUs the
    /// definition marks hotpluggable (QEMU booted only [`boot_vcpus`]).
    pub(crate) async fn plug_startup_vcpus(
        &self,
        vm: &Arc<VmProcess>,
        live: &DomainDef,
    ) -> VirResult<()> {
        if !live.extra.iter().any(|e| e.name == "vcpus") {
            return Ok(());
        }
        let boot = boot_vcpus(live) as usize;
        let states = vcpu_states(live);
        for (i, s) in states.iter().enumerate().skip(boot) {
            if s.online {
                Box::pin(self.switch_vcpu(vm, i, true)).await?;
            }
        }
        Ok(())
    }

    /// `virDomainGetGuestVcpus`: the guest's logical CPUs as bitmaps `vcpus`, `online`
    /// and `offlinable` (from the agent's `guest-get-vcpus`).
    pub async fn get_guest_vcpus(
        &self,
        dom: &DomainRef,
        flags: u32,
    ) -> VirResult<Vec<rvirt_core::typed_param::TypedParam>> {
        use rvirt_conf::domain::bitmap::format_bitmap;
        use rvirt_core::typed_param::{TypedParam, TypedValue};
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainGetGuestVcpus")?;
        let info = parse_guest_vcpus(&self.agent_call(dom, "guest-get-vcpus", None).await?);
        let set = |f: fn(&GuestVcpu) -> bool| -> BTreeSet<u32> {
            info.iter().filter(|c| f(c)).map(|c| c.id).collect()
        };
        Ok(vec![
            TypedParam::new("vcpus", TypedValue::String(format_bitmap(&set(|_| true)))),
            TypedParam::new(
                "online",
                TypedValue::String(format_bitmap(&set(|c| c.online))),
            ),
            TypedParam::new(
                "offlinable",
                TypedValue::String(format_bitmap(&set(|c| c.offlinable))),
            ),
        ])
    }

    /// `virDomainSetGuestVcpus`: onlines (`state` ≠ 0) or offlines the guest's logical
    /// CPUs of `cpumap` through the agent's `guest-set-vcpus`.
    pub async fn set_guest_vcpus(
        &self,
        dom: &DomainRef,
        cpumap: &str,
        state: i32,
        flags: u32,
    ) -> VirResult<()> {
        use rvirt_conf::domain::bitmap::format_bitmap;
        VirError::check_flags(ErrorDomain::Qemu, flags, 0, "virDomainSetGuestVcpus")?;
        let mut map = rvirt_conf::domain::bitmap::parse_bitmap(cpumap)
            .ok_or_else(|| bad_arg(format!("Failed to parse bitmap '{cpumap}'")))?;
        let info = parse_guest_vcpus(&self.agent_call(dom, "guest-get-vcpus", None).await?);
        let mut change = Vec::new();
        for c in &info {
            if !map.remove(&c.id) {
                continue;
            }
            if state == 0 && !c.offlinable {
                return Err(VirError::new(
                    ErrorCode::OperationUnsupported,
                    ErrorDomain::Qemu,
                    format!("vCPU '{}' is not offlinable", c.id),
                ));
            }
            change.push(json!({"logical-id": c.id, "online": state != 0}));
        }
        if !map.is_empty() {
            return Err(bad_arg(format!(
                "guest is missing vCPUs '{}'",
                format_bitmap(&map)
            )));
        }
        if change.is_empty() {
            return Ok(());
        }
        self.agent_call(dom, "guest-set-vcpus", Some(json!({ "vcpus": change })))
            .await?;
        Ok(())
    }

    /// Which slots of `query-hotpluggable-cpus` hold a vCPU, in vCPU order.
    pub(crate) async fn plugged_vcpus(&self, vm: &Arc<VmProcess>) -> VirResult<Vec<bool>> {
        Ok(Self::cpu_slots(vm)
            .await?
            .iter()
            .map(|s| s.qom_path.is_some())
            .collect())
    }

    async fn cpu_slots(vm: &Arc<VmProcess>) -> VirResult<Vec<CpuSlot>> {
        let v = vm
            .qmp
            .execute("query-hotpluggable-cpus", None, T)
            .await
            .map_err(qmp_err)?;
        Ok(parse_slots(&v))
    }

    /// Plugs or unplugs vCPUs until `want` are present; returns the new count.
    pub(crate) async fn hotplug_vcpus(
        &self,
        vm: &Arc<VmProcess>,
        have: u32,
        want: u32,
    ) -> VirResult<u32> {
        let slots = Self::cpu_slots(vm).await?;
        if want > have {
            let free: Vec<(usize, &CpuSlot)> = slots
                .iter()
                .enumerate()
                .filter(|(_, s)| s.qom_path.is_none())
                .take((want - have) as usize)
                .collect();
            if free.len() < (want - have) as usize {
                return Err(VirError::new(
                    ErrorCode::OperationInvalid,
                    ErrorDomain::Qemu,
                    "no free vCPU slots to hotplug into",
                ));
            }
            for (i, s) in free {
                vm.qmp
                    .execute("device_add", Some(device_add_args(s, &s.alias(i))), T)
                    .await
                    .map_err(qmp_err)?;
            }
            return Ok(want);
        }
        // unplug the highest hotplugged vCPUs first; the boot vCPUs cannot go
        let mut plugged: Vec<(usize, &CpuSlot)> = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.qom_path
                    .as_deref()
                    .is_some_and(|p| p.starts_with("/machine/peripheral/"))
            })
            .collect();
        plugged.reverse();
        let n = (have - want) as usize;
        if plugged.len() < n {
            return Err(VirError::new(
                ErrorCode::OperationInvalid,
                ErrorDomain::Qemu,
                format!("vcpu '{want}' can't be unplugged"),
            ));
        }
        for (i, s) in plugged.into_iter().take(n) {
            Self::unplug_slot(vm, &s.alias(i), i).await?;
        }
        Ok(want)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_sorted_and_device_add_built() {
        let v = json!([
            {"props": {"core-id": 0, "thread-id": 0, "socket-id": 1}, "vcpus-count": 1,
             "type": "qemu64-x86_64-cpu"},
            {"props": {"core-id": 0, "thread-id": 0, "socket-id": 0}, "vcpus-count": 1,
             "qom-path": "/machine/unattached/device[0]", "type": "qemu64-x86_64-cpu"}
        ]);
        let s = parse_slots(&v);
        assert_eq!(
            s[0].qom_path.as_deref(),
            Some("/machine/unattached/device[0]")
        );
        assert_eq!(s[1].qom_path, None);
        let a = device_add_args(&s[1], "vcpu1");
        assert_eq!(a["driver"], "qemu64-x86_64-cpu");
        assert_eq!(a["socket-id"], 1);
        assert_eq!(a["id"], "vcpu1");
    }

    fn def(max: u32, cur: u32) -> DomainDef {
        DomainDef {
            vcpus_max: max,
            vcpus_current: cur,
            ..Default::default()
        }
    }

    #[test]
    fn default_states_and_config_switch() {
        let mut d = def(4, 2);
        let st = vcpu_states(&d);
        assert_eq!(
            st.iter()
                .map(|s| (s.online, s.hotpluggable))
                .collect::<Vec<_>>(),
            [(true, false), (true, false), (false, true), (false, true)]
        );
        assert_eq!(boot_vcpus(&d), 2);
        let map: BTreeSet<u32> = [3].into();
        apply_config(&mut d, &map, true);
        assert_eq!(d.vcpus_current, 3);
        let v = d.extra.iter().find(|e| e.name == "vcpus").unwrap();
        assert_eq!(v.children[3].attr("enabled"), Some("yes"));
        assert_eq!(v.children[3].attr("hotpluggable"), Some("yes"));
        assert_eq!(v.children[2].attr("enabled"), Some("no"));
        // QEMU boots vCPUs 0-1 and vCPU 3 is plugged afterwards
        assert_eq!(boot_vcpus(&d), 2);
        assert!(vcpu_states(&d)[3].online);
    }

    #[test]
    fn guest_vcpus_parsed() {
        let v = json!([{"logical-id": 0, "online": true, "can-offline": false},
                       {"logical-id": 1, "online": false, "can-offline": true}]);
        assert_eq!(
            parse_guest_vcpus(&v),
            [
                GuestVcpu {
                    id: 0,
                    online: true,
                    offlinable: false
                },
                GuestVcpu {
                    id: 1,
                    online: false,
                    offlinable: true
                }
            ]
        );
    }

    #[test]
    fn libvirts_checks() {
        let st = vcpu_states(&def(4, 2));
        let one = |i: u32| -> BTreeSet<u32> { [i].into() };
        let e = check_live(&st, &one(1), false).unwrap_err();
        assert!(
            e.message.ends_with("vcpu '1' can't be hotunplugged"),
            "{}",
            e.message
        );
        let e = check_live(&st, &one(1), true).unwrap_err();
        assert!(e
            .message
            .ends_with("vcpu '1' is already in requested state"));
        let e = check_live(&st, &[2, 3].into(), true).unwrap_err();
        assert!(e
            .message
            .ends_with("only one hotpluggable entity can be selected"));
        check_live(&st, &one(2), true).unwrap();
        let e = check_config(&[0, 1].into()).unwrap_err();
        assert!(e.message.ends_with("vCPU '0' can't be modified"));
    }
}
