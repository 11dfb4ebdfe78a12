//! Memory hotplug: `virDomainAttachDeviceFlags` / `DetachDeviceFlags` of
//! `<memory model='dimm'>` on a guest started with `<maxMemory slots=…>` (QEMU
//! `-m size=…,slots=…,maxmem=…`): `object-add memory-backend-ram` + `device_add pc-dimm`,
//! and `device_del` completed by `DEVICE_DELETED` + `object-del`.

use super::driver::{not_running, qmp_err, QemuDriver};
use super::status::save_status;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use serde_json::json;
use std::time::Duration;

const T: Duration = Duration::from_secs(30);
const UNPLUG_WAIT: Duration = Duration::from_secs(20);

use crate::command::memory::dimm_size;

/// Writes the guest-physical base QEMU chose for each DIMM (`query-memory-devices`) into
/// its `<address type='dimm' slot base>`, as `qemuDomainUpdateMemoryDeviceInfo` does.
pub(crate) fn record_dimm_bases(live: &mut DomainDef, devices: &serde_json::Value) {
    let Some(list) = devices.as_array() else {
        return;
    };
    for m in list {
        let data = &m["data"];
        let (Some(id), Some(addr)) = (data["id"].as_str(), data["addr"].as_u64()) else {
            continue;
        };
        for d in live.devices.iter_mut().filter(|d| d.name == "memory") {
            if alias_of(d) != Some(id) {
                continue;
            }
            if let Some(a) = d.children.iter_mut().find(|c| c.name == "address") {
                a.set_attr("base", format!("0x{addr:x}"));
            }
        }
    }
}

/// [`record_dimm_bases`] from a live monitor, when the definition has memory devices.
pub(crate) async fn query_dimm_bases(qmp: &rvirt_qmp::QmpClient, live: &mut DomainDef) {
    if !live.devices.iter().any(|d| d.name == "memory") {
        return;
    }
    if let Ok(v) = qmp.execute("query-memory-devices", None, T).await {
        record_dimm_bases(live, &v);
    }
}

fn alias_of(d: &Element) -> Option<&str> {
    d.child("alias").and_then(|a| a.attr("name"))
}

fn dimms(def: &DomainDef) -> impl Iterator<Item = &Element> {
    def.devices.iter().filter(|d| d.name == "memory")
}

/// Whether `d` is the memory device `want` designates (alias, else model and size).
pub fn same_dimm(d: &Element, want: &Element) -> bool {
    if d.name != "memory" || want.name != "memory" {
        return false;
    }
    if let Some(a) = alias_of(want) {
        return alias_of(d) == Some(a);
    }
    d.attr("model") == want.attr("model") && dimm_size(d) == dimm_size(want)
}

/// `device_add` arguments of a DIMM, in libvirt's property order.
fn dimm_props(dev: &Element, alias: &str, backend: &str, slot: u32) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    m.insert("driver".into(), json!("pc-dimm"));
    if let Some(n) = crate::command::memory::dimm_node(dev) {
        m.insert("node".into(), json!(n));
    }
    m.insert("memdev".into(), json!(backend));
    m.insert("id".into(), json!(alias));
    m.insert("slot".into(), json!(slot));
    serde_json::Value::Object(m)
}

fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::ConfigUnsupported, ErrorDomain::Qemu, detail)
}

impl QemuDriver {
    /// Plugs one `<memory model='dimm'>` into the running guest.
    pub(crate) async fn plug_memory(&self, dom: &DomainRef, mut dev: Element) -> VirResult<()> {
        let (vm, live) = self.with_dom(dom, |o| {
            Ok((
                o.vm.clone().ok_or_else(not_running)?,
                o.live.clone().ok_or_else(not_running)?,
            ))
        })?;
        if dev.attr("model") != Some("dimm") {
            return Err(unsupported(format!(
                "memory model '{}' cannot be hotplugged",
                dev.attr("model").unwrap_or("")
            )));
        }
        let Some((max_kib, slots)) = live.hotplug_memory else {
            return Err(unsupported(
                "cannot use/hotplug a memory device when domain 'maxMemory' is not defined",
            ));
        };
        let size = dimm_size(&dev).filter(|s| *s > 0).ok_or_else(|| {
            VirError::new(
                ErrorCode::XmlError,
                ErrorDomain::Domain,
                "memory device has no target size",
            )
        })?;
        if live.max_memory_kib + size > max_kib {
            return Err(unsupported(format!(
                "Attaching memory device with size '{size}' would exceed domain's maxMemory config size '{max_kib}'"
            )));
        }
        let used: Vec<u32> = dimms(&live)
            .filter_map(|d| d.child("address")?.attr("slot")?.parse().ok())
            .collect();
        let slot = match crate::command::memory::dimm_slot(&dev) {
            // a slot the XML asks for (libvirt's checks of `<address type='dimm' slot>`)
            Some(s) if s >= slots => {
                return Err(unsupported(format!(
                    "memory device slot '{s}' exceeds slots count '{slots}'"
                )))
            }
            Some(s) if used.contains(&s) => {
                return Err(unsupported(format!(
                    "memory device slot '{s}' is already being used by another memory device"
                )))
            }
            Some(s) => s,
            None => (0..slots).find(|s| !used.contains(s)).ok_or_else(|| {
                VirError::new(
                    ErrorCode::OperationInvalid,
                    ErrorDomain::Qemu,
                    "no free memory device slot available",
                )
            })?,
        };
        let alias = format!("dimm{slot}");
        let backend = format!("mem{alias}");
        vm.qmp
            .execute(
                "object-add",
                Some(json!({"qom-type": "memory-backend-ram", "id": backend, "size": size * 1024})),
                T,
            )
            .await
            .map_err(qmp_err)?;
        let add = vm
            .qmp
            .execute(
                "device_add",
                Some(dimm_props(&dev, &alias, &backend, slot)),
                T,
            )
            .await;
        if let Err(e) = add {
            let _ = vm
                .qmp
                .execute("object-del", Some(json!({"id": backend})), T)
                .await;
            return Err(qmp_err(e));
        }
        dev.remove_children("alias");
        dev.remove_children("address");
        let mut a = Element::new("alias");
        a.set_attr("name", alias);
        dev.children.push(a);
        let mut addr = Element::new("address");
        addr.set_attr("type", "dimm");
        addr.set_attr("slot", slot.to_string());
        dev.children.push(addr);
        if let Ok(v) = vm.qmp.execute("query-memory-devices", None, T).await {
            let mut one = DomainDef::default();
            one.devices.push(dev);
            record_dimm_bases(&mut one, &v);
            dev = one.devices.remove(0);
        }
        self.with_dom(dom, |o| {
            if let Some(l) = o.live.as_mut() {
                l.max_memory_kib += size;
                l.current_memory_kib += size;
                let pos = l.devices.iter().rposition(|d| d.name == "memory");
                match pos {
                    Some(p) => l.devices.insert(p + 1, dev),
                    None => l.devices.push(dev),
                }
            }
            let _ = save_status(&self.opts.paths, o);
            Ok(())
        })
    }

    /// Unplugs the memory device `want` designates; waits for the guest to release it.
    pub(crate) async fn unplug_memory(&self, dom: &DomainRef, want: &Element) -> VirResult<()> {
        let (vm, dev) = self.with_dom(dom, |o| {
            let l = o.live.as_ref().ok_or_else(not_running)?;
            let d = dimms(l)
                .find(|d| same_dimm(d, want))
                .cloned()
                .ok_or_else(|| {
                    VirError::new(
                        ErrorCode::DeviceMissing,
                        ErrorDomain::Qemu,
                        "matching memory device was not found",
                    )
                })?;
            Ok((o.vm.clone().ok_or_else(not_running)?, d))
        })?;
        let alias = alias_of(&dev)
            .ok_or_else(|| VirError::operation_invalid(ErrorDomain::Qemu, "device has no alias"))?
            .to_string();
        let size = dimm_size(&dev).unwrap_or(0);
        let gone = super::hotplug::device_del_and_wait(&vm.qmp, &alias, UNPLUG_WAIT).await?;
        if !gone {
            return Err(VirError::new(
                ErrorCode::OperationTimeout,
                ErrorDomain::Qemu,
                "memory unplug request timed out. Unplug result must be manually inspected in the domain",
            ));
        }
        let _ = vm
            .qmp
            .execute("object-del", Some(json!({"id": format!("mem{alias}")})), T)
            .await;
        self.with_dom(dom, |o| {
            if let Some(l) = o.live.as_mut() {
                l.devices
                    .retain(|d| !(d.name == "memory" && alias_of(d) == Some(alias.as_str())));
                l.max_memory_kib = l.max_memory_kib.saturating_sub(size);
                l.current_memory_kib = l.current_memory_kib.saturating_sub(size);
            }
            let _ = save_status(&self.opts.paths, o);
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dimm(size: &str, unit: &str) -> Element {
        let mut s = Element::new("size");
        s.set_attr("unit", unit);
        s.text = Some(size.into());
        let mut t = Element::new("target");
        t.children.push(s);
        let mut d = Element::new("memory");
        d.set_attr("model", "dimm");
        d.children.push(t);
        d
    }

    #[test]
    fn sizes_and_matching() {
        assert_eq!(dimm_size(&dimm("128", "MiB")), Some(131072));
        assert_eq!(dimm_size(&dimm("1", "GiB")), Some(1048576));
        assert!(same_dimm(&dimm("131072", "KiB"), &dimm("128", "MiB")));
        assert!(!same_dimm(&dimm("64", "MiB"), &dimm("128", "MiB")));
    }

    #[test]
    fn bases_from_query_memory_devices() {
        let mut d = dimm("128", "MiB");
        d.children.push(Element::new("alias"));
        d.children[1].set_attr("name", "dimm0");
        let mut a = Element::new("address");
        a.set_attr("type", "dimm");
        a.set_attr("slot", "0");
        d.children.push(a);
        let mut def = DomainDef::default();
        def.devices.push(d);
        let v = json!([{"type": "dimm", "data": {"id": "dimm0", "addr": 4294967296u64,
            "slot": 0, "size": 134217728}}]);
        record_dimm_bases(&mut def, &v);
        let a = def.devices[0].child("address").unwrap();
        assert_eq!(a.attr("base"), Some("0x100000000"));
    }
}
