//! `<cputune>` pinning, `<iothreadids>` and `<numatune>` as libvirt's test driver keeps them:
//! testDomainPinVcpuFlags, testDomainPinEmulator, testDomainAdd/Del/PinIOThread,
//! testDomainSetNumaParameters store what they are given, and the getters read it back.

use crate::objects::DomainObj;
use rvirt_conf::domain::bitmap::{format_bitmap, parse_bitmap};
use rvirt_conf::domain::{DomainDef, Element};
use std::collections::BTreeSet;

/// The definition a setter changes: the persistent one for `--config` (created from the live
/// one the first time a running persistent domain is changed), else the live one.
pub(crate) fn def_mut(d: &mut DomainObj, config: bool) -> &mut DomainDef {
    if config && d.is_active() && d.persistent && d.new_def.is_none() {
        d.new_def = Some(d.def.clone());
    }
    match (config, d.new_def.as_mut()) {
        (true, Some(n)) => n,
        _ => &mut d.def,
    }
}

/// A cpumap's set bits as libvirt's bitmap string ("0-2,5").
pub(crate) fn map_to_cpuset(map: &[u8]) -> String {
    let set: BTreeSet<u32> = (0..map.len() * 8)
        .filter(|i| map[i / 8] & (1 << (i % 8)) != 0)
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    format_bitmap(&set)
}

/// A cpumap of `maplen` bytes from a bitmap string.
pub(crate) fn cpuset_to_map(cpuset: &str, maplen: usize) -> Vec<u8> {
    let mut map = vec![0u8; maplen];
    for c in parse_bitmap(cpuset).unwrap_or_default() {
        let c = c as usize;
        if c / 8 < maplen {
            map[c / 8] |= 1 << (c % 8);
        }
    }
    map
}

/// The host's online CPUs (what libvirt's test driver reports for unpinned IOThreads).
pub(crate) fn host_online_cpus() -> String {
    std::fs::read_to_string("/sys/devices/system/cpu/online")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| parse_bitmap(s).is_some())
        .unwrap_or_else(|| {
            let n = std::thread::available_parallelism().map_or(1, |n| n.get());
            if n > 1 {
                format!("0-{}", n - 1)
            } else {
                "0".into()
            }
        })
}

fn extra_mut<'a>(def: &'a mut DomainDef, name: &str) -> &'a mut Element {
    let pos = match def.extra.iter().position(|e| e.name == name) {
        Some(p) => p,
        None => {
            def.extra.push(Element::new(name));
            def.extra.len() - 1
        }
    };
    &mut def.extra[pos]
}

fn drop_if_empty(def: &mut DomainDef, name: &str) {
    def.extra
        .retain(|e| e.name != name || !e.children.is_empty() || e.text.is_some());
    def.sort_extras();
}

/// The `cpuset` of a `<cputune>` child (`vcpupin vcpu=N`, `emulatorpin`, `iothreadpin
/// iothread=N`).
pub(crate) fn pin_of(def: &DomainDef, elem: &str, key: Option<(&str, u32)>) -> Option<String> {
    let ct = def.extra.iter().find(|e| e.name == "cputune")?;
    ct.children
        .iter()
        .find(|c| c.name == elem && key.is_none_or(|(k, v)| c.attr(k) == Some(&v.to_string())))
        .and_then(|c| c.attr("cpuset"))
        .map(str::to_string)
}

/// Stores (or with `None` removes) a `<cputune>` pin, keeping libvirt's element order.
pub(crate) fn set_pin(
    def: &mut DomainDef,
    elem: &str,
    key: Option<(&str, u32)>,
    cpuset: Option<&str>,
) {
    let ct = extra_mut(def, "cputune");
    let matches =
        |c: &Element| c.name == elem && key.is_none_or(|(k, v)| c.attr(k) == Some(&v.to_string()));
    ct.children.retain(|c| !matches(c));
    if let Some(cpuset) = cpuset {
        let mut e = Element::new(elem);
        if let Some((k, v)) = key {
            e.set_attr(k, v.to_string());
        }
        e.set_attr("cpuset", cpuset);
        ct.children.push(e);
    }
    let key_of = |c: &Element| -> u64 {
        let id = c
            .attr("vcpu")
            .or_else(|| c.attr("iothread"))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        let rank = match c.name.as_str() {
            "shares" => 0,
            "period" => 1,
            "quota" => 2,
            "global_period" => 3,
            "global_quota" => 4,
            "emulator_period" => 5,
            "emulator_quota" => 6,
            "iothread_period" => 7,
            "iothread_quota" => 8,
            "vcpupin" => 9,
            "emulatorpin" => 10,
            "iothreadpin" => 11,
            _ => 12,
        };
        rank * 1_000_000 + if rank == 9 { id } else { 0 }
    };
    ct.children.sort_by_key(key_of);
    drop_if_empty(def, "cputune");
}

/// The `<iothreadids>` ids in definition order.
pub(crate) fn iothread_ids(def: &DomainDef) -> Vec<u32> {
    def.extra
        .iter()
        .find(|e| e.name == "iothreadids")
        .map(|ids| {
            ids.children
                .iter()
                .filter(|c| c.name == "iothread")
                .filter_map(|c| c.attr("id")?.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Rewrites `<iothreads>`/`<iothreadids>` from `ids`, dropping both when empty.
pub(crate) fn set_iothread_ids(def: &mut DomainDef, ids: &[u32]) {
    def.extra
        .retain(|e| e.name != "iothreads" && e.name != "iothreadids");
    if ids.is_empty() {
        return;
    }
    let mut count = Element::new("iothreads");
    count.text = Some(ids.len().to_string());
    let mut list = Element::new("iothreadids");
    for id in ids {
        let mut t = Element::new("iothread");
        t.set_attr("id", id.to_string());
        list.children.push(t);
    }
    // libvirt's order: right after <vcpu> (vcpus, iothreads, iothreadids, cputune, …); the
    // formatter picks extras by name, so appending is enough.
    def.extra.push(count);
    def.extra.push(list);
    def.sort_extras();
}

/// `<numatune><memory mode nodeset/>`: (mode, nodeset) when set.
pub(crate) fn numa_memory(def: &DomainDef) -> Option<(String, Option<String>)> {
    let m = def
        .extra
        .iter()
        .find(|e| e.name == "numatune")?
        .child("memory")?;
    Some((
        m.attr("mode").unwrap_or("strict").to_string(),
        m.attr("nodeset").map(str::to_string),
    ))
}

/// Stores `<numatune><memory mode nodeset/>`.
pub(crate) fn set_numa_memory(def: &mut DomainDef, mode: &str, nodeset: &str) {
    let nt = extra_mut(def, "numatune");
    let m = nt.child_or_insert("memory");
    m.attrs.clear();
    m.set_attr("mode", mode);
    m.set_attr("nodeset", nodeset);
    nt.order_children(&["memory", "memnode"]);
    def.sort_extras();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpumaps_round_trip() {
        assert_eq!(map_to_cpuset(&[0b0000_1101]), "0,2-3");
        assert_eq!(cpuset_to_map("0,2-3", 1), vec![0b0000_1101]);
        assert_eq!(cpuset_to_map("9", 1), vec![0]);
    }
}
