//! Live vCPU hotplug for `virDomainSetVcpusFlags(VIR_DOMAIN_AFFECT_LIVE)`: vCPUs beyond
//! `<vcpu current=…>` are plugged with `device_add` of the CPU type QEMU reports in
//! `query-hotpluggable-cpus` and unplugged with `device_del` (ACPI eject, completed by
//! `DEVICE_DELETED`), as `qemuDomainSetVcpusLive` does.

use super::driver::{qmp_err, QemuDriver};
use super::object::VmProcess;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use serde_json::{json, Map, Value};
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

impl QemuDriver {
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
            let id = s.alias(i);
            vm.qmp
                .execute("device_del", Some(json!({"id": id})), T)
                .await
                .map_err(qmp_err)?;
            let start = Instant::now();
            loop {
                let gone = Self::cpu_slots(vm)
                    .await?
                    .get(i)
                    .is_some_and(|s| s.qom_path.is_none());
                if gone {
                    break;
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
}
