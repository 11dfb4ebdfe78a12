//! `<memtune>`, `<memoryBacking><hugepages>`, `<iothreadids>` and `<pcihole64>`: the
//! scaled values and implicit entries libvirt's post-parse fills in.

use super::def::DomainDef;
use super::element::Element;
use super::units::to_kib;

/// `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED` in KiB: limits at or above it are not printed.
const MEMORY_UNLIMITED_KIB: u64 = 9_007_199_254_740_991;

/// Normalises the tuning elements of a parsed domain.
pub(crate) fn normalize_tuning(def: &mut DomainDef) {
    complete_iothreadids(def);
    def.extra.retain_mut(|e| match e.name.as_str() {
        "memtune" => fix_memtune(e),
        "memoryBacking" => {
            if let Some(h) = e.child_mut("hugepages") {
                for p in h.children.iter_mut().filter(|p| p.name == "page") {
                    fix_page(p);
                }
            }
            true
        }
        _ => true,
    });
    for d in def.devices.iter_mut().filter(|d| d.name == "controller") {
        if let Some(h) = d.child_mut("pcihole64") {
            let text = h.text.clone().unwrap_or_default();
            if let Some(kib) = to_kib(&text, h.attr("unit"), "KiB") {
                h.text = Some(kib.to_string());
                h.attrs = vec![("unit".into(), "KiB".into())];
            }
        }
    }
}

/// `<memtune>` limits in KiB; unlimited ones dropped; `false` when nothing is left.
fn fix_memtune(e: &mut Element) -> bool {
    e.children.retain_mut(|c| {
        let text = c.text.clone().unwrap_or_default();
        match to_kib(&text, c.attr("unit"), "KiB") {
            Some(kib) if kib >= MEMORY_UNLIMITED_KIB => false,
            Some(kib) => {
                c.text = Some(kib.to_string());
                c.attrs = vec![("unit".into(), "KiB".into())];
                true
            }
            None => true,
        }
    });
    !e.children.is_empty()
}

/// `<page size= unit=>` in KiB.
fn fix_page(p: &mut Element) {
    let Some(size) = p.attr("size").map(str::to_string) else {
        return;
    };
    if let Some(kib) = to_kib(&size, p.attr("unit"), "KiB") {
        p.set_attr("size", kib.to_string());
        p.set_attr("unit", "KiB");
        p.order_attrs(&["size", "unit", "nodeset"]);
    }
}

/// `virDomainIOThreadIDDefArrayInit`: when `<iothreadids>` lists fewer threads than
/// `<iothreads>`, the lowest free ids are added.
fn complete_iothreadids(def: &mut DomainDef) {
    let Some(count) = def
        .extra
        .iter()
        .find(|e| e.name == "iothreads")
        .and_then(|e| e.text.as_deref())
        .and_then(|t| t.trim().parse::<usize>().ok())
    else {
        return;
    };
    let Some(ids) = def.extra.iter_mut().find(|e| e.name == "iothreadids") else {
        return;
    };
    let mut used: Vec<u64> = ids
        .children
        .iter()
        .filter(|c| c.name == "iothread")
        .filter_map(|c| c.attr("id").and_then(|v| v.parse().ok()))
        .collect();
    let mut next = 1u64;
    while used.len() < count {
        while used.contains(&next) {
            next += 1;
        }
        let mut t = Element::new("iothread");
        t.attrs.push(("id".into(), next.to_string()));
        ids.children.push(t);
        used.push(next);
    }
}
