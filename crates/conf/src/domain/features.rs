//! Generic top-level elements (`<features>`, `<cpu>`, …): canonical attribute order.

use super::def::DomainDef;
use super::element::Element;

fn fix_cpu(cpu: &mut Element) {
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

/// Reorders attributes/children of kept top-level elements into libvirt's layout.
pub(crate) fn normalize_extra(def: &mut DomainDef) {
    for e in def.extra.iter_mut() {
        if e.name == "cpu" {
            fix_cpu(e);
        }
        if e.name == "features" {
            if let Some(h) = e.child_mut("hyperv") {
                h.keep_open = h.children.is_empty();
            }
        }
    }
    def.extra
        .retain(|e| !(e.name == "cpu" && e.attrs.is_empty() && e.children.is_empty()));
    let order = super::parse::TOP_ORDER;
    def.extra.sort_by_key(|e| {
        order
            .iter()
            .position(|n| *n == e.name)
            .unwrap_or(order.len())
    });
}
