//! Guest memory layout at start: NUMA cells (`qemuBuildNumaCommandLine`: per
//! `<cpu><numa><cell>` an `-object memory-backend-ram,id=ram-nodeN` and `-numa node`) and
//! memory devices (`qemuBuildMemoryDeviceCommandLine`): each `<memory model='dimm'>` becomes
//! `-object memory-backend-ram,id=memdimmN,size=…` plus
//! `-device pc-dimm,node=…,memdev=memdimmN,id=dimmN,slot=N`; the `-m` initial size
//! excludes the devices (`virDomainDefGetMemoryInitial`).

use super::util::{set_alias, unsupported};
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::VirResult;

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

/// The `<target><node>` of a memory device (the guest NUMA node it plugs into).
pub fn dimm_node(dev: &Element) -> Option<u32> {
    dev.child("target")?
        .child("node")?
        .text
        .as_deref()?
        .trim()
        .parse()
        .ok()
}

/// The `<address type='dimm' slot>` of a memory device.
pub fn dimm_slot(dev: &Element) -> Option<u32> {
    dev.child("address")
        .filter(|a| a.attr("type") == Some("dimm"))?
        .attr("slot")?
        .parse()
        .ok()
}

fn mem_devices(def: &DomainDef) -> impl Iterator<Item = &Element> {
    def.devices.iter().filter(|d| d.name == "memory")
}

/// Total size of the memory devices in KiB.
pub fn memory_devices_kib(def: &DomainDef) -> u64 {
    mem_devices(def).filter_map(dimm_size).sum()
}

/// The `<cpu><numa><cell>` elements (sorted by id by the parser).
fn numa_cells(def: &DomainDef) -> Vec<&Element> {
    def.extra
        .iter()
        .find(|e| e.name == "cpu")
        .and_then(|c| c.child("numa"))
        .map(|n| n.children.iter().filter(|c| c.name == "cell").collect())
        .unwrap_or_default()
}

/// A cell's memory in KiB (the parser normalises it to KiB).
fn cell_kib(c: &Element) -> u64 {
    c.attr("memory").and_then(|m| m.parse().ok()).unwrap_or(0)
}

/// The boot memory (`-m size=`): the NUMA cells' total when there are cells, else the
/// total minus what the memory devices bring.
pub fn initial_memory_kib(def: &DomainDef) -> u64 {
    let cells = numa_cells(def);
    if !cells.is_empty() {
        return cells.iter().map(|c| cell_kib(c)).sum();
    }
    def.max_memory_kib.saturating_sub(memory_devices_kib(def))
}

/// `-object memory-backend-ram,id=ram-nodeN,size=…` + `-numa node,nodeid=N,cpus=…,
/// memdev=ram-nodeN` per NUMA cell (one `cpus=` per range, as QEMU wants).
pub fn numa_args(def: &DomainDef) -> Vec<String> {
    let mut a = Vec::new();
    for (i, c) in numa_cells(def).into_iter().enumerate() {
        let id = c.attr("id").and_then(|v| v.parse().ok()).unwrap_or(i);
        a.push("-object".into());
        a.push(format!(
            "memory-backend-ram,id=ram-node{id},size={}",
            cell_kib(c).saturating_mul(1024)
        ));
        let mut node = format!("node,nodeid={id}");
        if let Some(cpus) = c.attr("cpus") {
            for range in cpus
                .split(',')
                .filter(|r| !r.is_empty() && !r.starts_with('^'))
            {
                node.push_str(&format!(",cpus={range}"));
            }
        }
        node.push_str(&format!(",memdev=ram-node{id}"));
        a.push("-numa".into());
        a.push(node);
    }
    a
}

/// Validates the memory devices against `<maxMemory slots>` and gives each a DIMM slot
/// (first free, `qemuDomainAssignMemorySlots`) and its alias `dimm<slot>`.
pub fn assign_memory_slots(def: &mut DomainDef) -> VirResult<()> {
    let n = mem_devices(def).count();
    if n == 0 {
        return Ok(());
    }
    let Some((max_kib, slots)) = def.hotplug_memory else {
        return Err(unsupported(
            "cannot use/hotplug a memory device when domain 'maxMemory' is not defined",
        ));
    };
    if n > slots as usize {
        return Err(unsupported(format!(
            "memory device count '{n}' exceeds slots count '{slots}'"
        )));
    }
    let mut used: Vec<u32> = Vec::new();
    for d in mem_devices(def) {
        if d.attr("model") != Some("dimm") {
            return Err(unsupported(format!(
                "memory device model '{}' is not supported by this QEMU driver",
                d.attr("model").unwrap_or("")
            )));
        }
        if dimm_size(d).unwrap_or(0) == 0 {
            return Err(unsupported("memory device has no target size"));
        }
        if let Some(s) = dimm_slot(d) {
            if s >= slots {
                return Err(unsupported(format!(
                    "memory device slot '{s}' exceeds slots count '{slots}'"
                )));
            }
            if used.contains(&s) {
                return Err(unsupported(format!(
                    "memory device slot '{s}' is already being used by another memory device"
                )));
            }
            used.push(s);
        }
    }
    let initial = initial_memory_kib(def);
    if memory_devices_kib(def) > max_kib.saturating_sub(initial) {
        return Err(unsupported(
            "memory device total size exceeds hotplug space",
        ));
    }
    for d in def.devices.iter_mut().filter(|d| d.name == "memory") {
        let slot = match dimm_slot(d) {
            Some(s) => s,
            None => {
                let s = (0..slots).find(|s| !used.contains(s)).unwrap_or(0);
                used.push(s);
                let base = d
                    .child("address")
                    .and_then(|a| a.attr("base"))
                    .map(str::to_string);
                d.remove_children("address");
                let mut a = Element::new("address");
                a.set_attr("type", "dimm");
                a.set_attr("slot", s.to_string());
                if let Some(b) = base {
                    a.set_attr("base", b);
                }
                d.children.push(a);
                s
            }
        };
        set_alias(d, &format!("dimm{slot}"));
    }
    Ok(())
}

/// The `id` of a DIMM's memory backend object (`mem` + the device alias).
pub fn backend_id(alias: &str) -> String {
    format!("mem{alias}")
}

/// `-object` + `-device` for every memory device, in definition order.
pub fn memory_device_args(def: &DomainDef) -> Vec<String> {
    let mut a = Vec::new();
    for d in mem_devices(def) {
        let (Some(alias), Some(size)) = (super::util::alias(d), dimm_size(d)) else {
            continue;
        };
        let mem = backend_id(alias);
        a.push("-object".into());
        a.push(format!(
            "memory-backend-ram,id={mem},size={}",
            size.saturating_mul(1024)
        ));
        let mut dev = String::from("pc-dimm");
        if let Some(n) = dimm_node(d) {
            dev.push_str(&format!(",node={n}"));
        }
        dev.push_str(&format!(",memdev={mem},id={alias}"));
        if let Some(s) = dimm_slot(d) {
            dev.push_str(&format!(",slot={s}"));
        }
        if let Some(base) = d
            .child("address")
            .and_then(|x| x.attr("base"))
            .and_then(parse_hex)
        {
            dev.push_str(&format!(",addr={base}"));
        }
        a.push("-device".into());
        a.push(dev);
    }
    a
}

fn parse_hex(s: &str) -> Option<u64> {
    match s.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => s.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dimm(size_mib: u64, slot: Option<u32>) -> Element {
        let mut s = Element::new("size");
        s.set_attr("unit", "MiB");
        s.text = Some(size_mib.to_string());
        let mut t = Element::new("target");
        t.children.push(s);
        let mut d = Element::new("memory");
        d.set_attr("model", "dimm");
        d.children.push(t);
        if let Some(n) = slot {
            let mut a = Element::new("address");
            a.set_attr("type", "dimm");
            a.set_attr("slot", n.to_string());
            d.children.push(a);
        }
        d
    }

    fn def_with(devs: Vec<Element>, total_mib: u64, slots: u32) -> DomainDef {
        let mut def = DomainDef {
            max_memory_kib: total_mib * 1024,
            hotplug_memory: Some((2048 * 1024, slots)),
            ..Default::default()
        };
        def.devices = devs;
        def
    }

    #[test]
    fn slots_fill_around_fixed_ones() {
        let mut def = def_with(vec![dimm(128, None), dimm(64, Some(0))], 448, 4);
        assign_memory_slots(&mut def).unwrap();
        assert_eq!(dimm_slot(&def.devices[0]), Some(1));
        assert_eq!(super::super::util::alias(&def.devices[0]), Some("dimm1"));
        assert_eq!(super::super::util::alias(&def.devices[1]), Some("dimm0"));
        assert_eq!(initial_memory_kib(&def), 256 * 1024);
        let a = memory_device_args(&def);
        assert_eq!(
            a,
            [
                "-object",
                "memory-backend-ram,id=memdimm1,size=134217728",
                "-device",
                "pc-dimm,memdev=memdimm1,id=dimm1,slot=1",
                "-object",
                "memory-backend-ram,id=memdimm0,size=67108864",
                "-device",
                "pc-dimm,memdev=memdimm0,id=dimm0,slot=0",
            ]
        );
    }

    #[test]
    fn numa_cells_become_backends_and_nodes() {
        let mut def = def_with(vec![dimm(128, None)], 640, 2);
        let mut numa = Element::new("numa");
        for (id, cpus, kib) in [("0", "0-1", "262144"), ("1", "2,4", "262144")] {
            let mut c = Element::new("cell");
            c.set_attr("id", id);
            c.set_attr("cpus", cpus);
            c.set_attr("memory", kib);
            c.set_attr("unit", "KiB");
            numa.children.push(c);
        }
        let mut cpu = Element::new("cpu");
        cpu.children.push(numa);
        def.extra.push(cpu);
        assert_eq!(initial_memory_kib(&def), 512 * 1024);
        assert_eq!(
            numa_args(&def),
            [
                "-object",
                "memory-backend-ram,id=ram-node0,size=268435456",
                "-numa",
                "node,nodeid=0,cpus=0-1,memdev=ram-node0",
                "-object",
                "memory-backend-ram,id=ram-node1,size=268435456",
                "-numa",
                "node,nodeid=1,cpus=2,cpus=4,memdev=ram-node1",
            ]
        );
    }

    #[test]
    fn libvirts_validation_errors() {
        let mut d = def_with(vec![dimm(128, None)], 384, 4);
        d.hotplug_memory = None;
        let e = assign_memory_slots(&mut d).unwrap_err();
        assert!(
            e.message.contains("'maxMemory' is not defined"),
            "{}",
            e.message
        );
        let mut d = def_with(vec![dimm(128, Some(4))], 384, 4);
        let e = assign_memory_slots(&mut d).unwrap_err();
        assert!(
            e.message
                .ends_with("memory device slot '4' exceeds slots count '4'"),
            "{}",
            e.message
        );
        let mut d = def_with(vec![dimm(64, Some(1)), dimm(64, Some(1))], 384, 4);
        let e = assign_memory_slots(&mut d).unwrap_err();
        assert!(e.message.contains("already being used"), "{}", e.message);
        let mut d = def_with(vec![dimm(64, None), dimm(64, None)], 384, 1);
        let e = assign_memory_slots(&mut d).unwrap_err();
        assert!(
            e.message
                .ends_with("memory device count '2' exceeds slots count '1'"),
            "{}",
            e.message
        );
    }
}
