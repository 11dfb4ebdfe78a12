//! Generic top-level elements (`<features>`, `<cpu>`, …): canonical attribute order.

use super::def::DomainDef;
use super::element::Element;

/// `<numa><cell>`: ids filled in, sorted by id, memory in KiB.
fn fix_numa(numa: &mut Element) {
    for (n, c) in numa
        .children
        .iter_mut()
        .filter(|c| c.name == "cell")
        .enumerate()
    {
        if c.attr("id").is_none() {
            c.attrs.insert(0, ("id".into(), n.to_string()));
        }
        if let Some(kib) = c
            .attr("memory")
            .and_then(|m| super::units::to_kib(m, c.attr("unit"), "KiB"))
        {
            c.set_attr("memory", kib.to_string());
            c.set_attr("unit", "KiB");
        }
        c.order_attrs(&["id", "cpus", "memory", "unit"]);
    }
    let id = |c: &Element| {
        if c.name == "cell" {
            c.attr("id")
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
        } else {
            u64::MAX
        }
    };
    numa.children.sort_by_key(id);
}

/// `<cputune>`: `vcpusched`/`iothreadsched` are stored per vCPU/IOThread and printed one each.
fn fix_cputune(ct: &mut Element) {
    for (name, attr) in [("vcpusched", "vcpus"), ("iothreadsched", "iothreads")] {
        let Some(first) = ct.children.iter().position(|c| c.name == name) else {
            continue;
        };
        let mut expanded: Vec<(u32, Element)> = Vec::new();
        for c in ct.children.iter().filter(|c| c.name == name) {
            let Some(set) = c.attr(attr).and_then(super::bitmap::parse_bitmap) else {
                return;
            };
            for id in set {
                let mut e = c.clone();
                e.set_attr(attr, id.to_string());
                expanded.retain(|(i, _)| *i != id);
                expanded.push((id, e));
            }
        }
        expanded.sort_by_key(|(i, _)| *i);
        ct.children.retain(|c| c.name != name);
        let at = first.min(ct.children.len());
        ct.children
            .splice(at..at, expanded.into_iter().map(|(_, e)| e));
    }
}

fn fix_cpu(cpu: &mut Element) {
    if let Some(n) = cpu.child_mut("numa") {
        fix_numa(n);
    }
    for f in cpu.children.iter_mut().filter(|c| c.name == "feature") {
        f.order_attrs(&["policy", "name"]);
    }
    if matches!(
        cpu.attr("mode"),
        Some("host-model") | Some("host-passthrough") | Some("maximum")
    ) {
        cpu.children.retain(|c| {
            c.name != "model" || c.text.is_some() || c.attrs.iter().any(|(k, _)| k != "fallback")
        });
    }
    if cpu.attr("mode") == Some("host-model") {
        if let Some(m) = cpu.child_mut("model") {
            if m.text.is_some() && m.attr("fallback").is_none() {
                m.attrs.insert(0, ("fallback".into(), "allow".into()));
            }
        }
    }
    if let Some(m) = cpu.child_mut("maxphysaddr") {
        m.order_attrs(&["mode", "bits"]);
    }
    let has_model = cpu.child("model").is_some();
    if cpu.attr("mode").is_none() && has_model {
        cpu.attrs.insert(0, ("mode".into(), "custom".into()));
    }
    if cpu.attr("mode") == Some("custom") && has_model {
        if cpu.attr("match").is_none() {
            cpu.set_attr("match", "exact");
        }
        if let Some(m) = cpu.child_mut("model") {
            if m.attr("fallback").is_none() {
                m.attrs.insert(0, ("fallback".into(), "allow".into()));
            }
        }
    }
    cpu.order_attrs(&["mode", "match", "check", "migratable"]);
    cpu.order_children(&[
        "model",
        "vendor",
        "topology",
        "cache",
        "maxphysaddr",
        "feature",
        "numa",
    ]);
}

/// `<numatune>`: automatic placement follows `<vcpu placement='auto'>`, nodesets canonical,
/// memnodes sorted by cell.
fn fix_numatune(e: &mut Element, vcpu_auto: bool) {
    if let Some(m) = e.child_mut("memory") {
        if m.attr("placement").is_none() && m.attr("nodeset").is_none() && vcpu_auto {
            m.set_attr("placement", "auto");
        }
        if m.attr("placement") == Some("auto") {
            m.remove_attr("nodeset");
        }
        if let Some(ns) = m.attr("nodeset") {
            let c = super::bitmap::canonical_bitmap(ns);
            m.set_attr("nodeset", c);
        }
        m.order_attrs(&["mode", "placement", "nodeset"]);
    }
    for n in e.children.iter_mut().filter(|c| c.name == "memnode") {
        if let Some(ns) = n.attr("nodeset") {
            let c = super::bitmap::canonical_bitmap(ns);
            n.set_attr("nodeset", c);
        }
    }
    e.order_children(&["memory", "memnode"]);
}

/// Reorders attributes/children of kept top-level elements into libvirt's layout.
pub(crate) fn normalize_extra(def: &mut DomainDef) {
    let vcpu_auto = def.vcpu_placement == "auto";
    for e in def.extra.iter_mut() {
        if e.name == "cpu" {
            fix_cpu(e);
        }
        if e.name == "features" {
            if let Some(h) = e.child_mut("hyperv") {
                h.keep_open = h.children.is_empty();
                if h.attr("mode").is_none() {
                    h.attrs.insert(0, ("mode".into(), "custom".into()));
                }
            }
            for f in e.children.iter_mut() {
                if matches!(
                    f.name.as_str(),
                    "pmu" | "vmcoreinfo" | "pvspinlock" | "vmport"
                ) && f.attr("state").is_none()
                {
                    f.set_attr("state", "on");
                }
            }
        }
        if e.name == "cputune" {
            fix_cputune(e);
        }
        if e.name == "seclabel" {
            e.order_attrs(&["type", "model", "relabel"]);
        }
        if e.name == "numatune" {
            fix_numatune(e, vcpu_auto);
        }
    }
    def.extra
        .retain(|e| !(e.name == "cpu" && e.attrs.is_empty() && e.children.is_empty()));
    def.sort_extras();
}
