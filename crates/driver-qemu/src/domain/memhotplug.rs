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

/// A size element (`<size unit='MiB'>128</size>`) in KiB.
pub fn size_kib(e: &Element) -> Option<u64> {
    let n: u64 = e.text.as_deref()?.trim().parse().ok()?;
    let mul: u64 = match e.attr("unit").unwrap_or("KiB") {
        "b" | "bytes" => return Some(n / 1024),
        "k" | "KiB" => 1,
        "KB" => return Some(n * 1000 / 1024),
        "M" | "MiB" => 1024,
        "MB" => return Some(n * 1_000_000 / 1024),
        "G" | "GiB" => 1024 * 1024,
        "GB" => return Some(n * 1_000_000_000 / 1024),
        "T" | "TiB" => 1024 * 1024 * 1024,
        _ => return None,
    };
    n.checked_mul(mul)
}

/// The `<target><size>` of a memory device in KiB.
pub fn dimm_size(dev: &Element) -> Option<u64> {
    size_kib(dev.child("target")?.child("size")?)
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
        let slot = (0..slots).find(|s| !used.contains(s)).ok_or_else(|| {
            VirError::new(
                ErrorCode::OperationInvalid,
                ErrorDomain::Qemu,
                "no free memory device slot available",
            )
        })?;
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
                Some(json!({"driver": "pc-dimm", "id": alias, "memdev": backend, "slot": slot})),
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
        let mut events = vm.qmp.events();
        vm.qmp
            .execute("device_del", Some(json!({"id": alias})), T)
            .await
            .map_err(qmp_err)?;
        let gone = tokio::time::timeout(UNPLUG_WAIT, async {
            loop {
                match events.recv().await {
                    Ok(ev)
                        if ev.event == "DEVICE_DELETED"
                            && ev.data["device"].as_str() == Some(alias.as_str()) =>
                    {
                        return true
                    }
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(_) => return false,
                }
            }
        })
        .await
        .unwrap_or(false);
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
}
