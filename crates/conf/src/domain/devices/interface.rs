//! `<interface>`: MAC generation, the test driver's `testnetN` names, accessors.

use rvirt_core::error::VirResult;

use crate::domain::def::{DomainDef, InterfaceInfo};
use crate::domain::element::Element;
use crate::domain::uuid::{format_uuid, generate_mac, generate_uuid};

/// Children that precede `<target>` in libvirt's interface layout.
const BEFORE_TARGET: &[&str] = &[
    "mac",
    "source",
    "vlan",
    "virtualport",
    "ip",
    "route",
    "script",
    "downscript",
    "backenddomain",
    "bandwidth",
    "port",
];

/// Children of `<interface>` in the order `virDomainNetDefFormat` prints them.
const CHILD_ORDER: &[&str] = &[
    "mac",
    "source",
    "vlan",
    "virtualport",
    "bandwidth",
    "port",
    "ip",
    "route",
    "script",
    "downscript",
    "backenddomain",
    "target",
    "guest",
    "model",
    "driver",
    "backend",
    "filterref",
    "tune",
    "teaming",
    "link",
    "mtu",
    "coalesce",
    "boot",
    "alias",
    "rom",
    "acpi",
    "address",
];

/// Normalises one `<interface>`: generates a MAC when there is none, drops what libvirt
/// ignores for the type, and puts the children in libvirt's order.
pub(crate) fn parse_interface(d: &mut Element) -> VirResult<()> {
    let ty = d.attr("type").unwrap_or("").to_string();
    if !matches!(ty.as_str(), "ethernet" | "network" | "bridge") {
        d.remove_children("filterref");
    }
    if ty == "network" {
        if let Some(src) = d.child_mut("source") {
            src.remove_attr("bridge");
        }
    }
    if let Some(vp) = d.child_mut("virtualport") {
        // `virNetDevVPortProfileParse` generates the ids a profile type needs
        let id = match vp.attr("type") {
            Some("802.1Qbg") => Some("instanceid"),
            Some("openvswitch") => Some("interfaceid"),
            _ => None,
        };
        if let Some(id) = id {
            let p = vp.child_or_insert("parameters");
            if p.attr(id).is_none() {
                p.set_attr(id, format_uuid(&generate_uuid()));
            }
        }
    }
    d.order_children(CHILD_ORDER);
    if ty == "hostdev" {
        // the hostdev `<driver name=…>` belongs to the PCI device and follows `<mac>`
        if let Some(p) = d.children.iter().position(|c| c.name == "driver") {
            let mut drv = d.children.remove(p);
            // only the PCI backend `name` is read; a driver without one is not printed
            drv.attrs.retain(|(k, _)| k == "name");
            drv.children.clear();
            if !drv.attrs.is_empty() {
                let at = d
                    .children
                    .iter()
                    .position(|c| c.name != "mac")
                    .unwrap_or(d.children.len());
                d.children.insert(at, drv);
            }
        }
    }
    if d.child("mac").and_then(|m| m.attr("address")).is_none() {
        d.remove_children("mac");
        let mut m = Element::new("mac");
        m.attrs.push(("address".into(), generate_mac()));
        d.children.insert(0, m);
    } else if let Some(m) = d.child_mut("mac") {
        if let Some(a) = m.attr("address") {
            let lower = a.to_ascii_lowercase();
            m.set_attr("address", lower);
        }
    }
    Ok(())
}

/// The test driver's `testDomainGenerateIfnames`: `<prefix>N` for interfaces without a target.
pub(crate) fn generate_ifnames(def: &mut DomainDef, prefix: &str) {
    let mut used: std::collections::HashSet<String> = def
        .devices
        .iter()
        .filter(|d| d.name == "interface")
        .filter_map(|d| {
            d.child("target")
                .and_then(|t| t.attr("dev"))
                .map(str::to_string)
        })
        .collect();
    let mut next = 0;
    for d in def.devices.iter_mut().filter(|d| d.name == "interface") {
        if d.child("target").and_then(|t| t.attr("dev")).is_some() {
            continue;
        }
        while used.contains(&format!("{prefix}{next}")) {
            next += 1;
        }
        let name = format!("{prefix}{next}");
        used.insert(name.clone());
        let pos = d
            .children
            .iter()
            .rposition(|c| BEFORE_TARGET.contains(&c.name.as_str()))
            .map_or(0, |p| p + 1);
        let target = match d.children.iter().position(|c| c.name == "target") {
            Some(p) => &mut d.children[p],
            None => {
                d.children.insert(pos, Element::new("target"));
                &mut d.children[pos]
            }
        };
        target.attrs.insert(0, ("dev".into(), name));
    }
}

/// Type, MAC, source, target and model of one `<interface>`.
pub(crate) fn interface_info(d: &Element) -> InterfaceInfo {
    let src = d.child("source");
    InterfaceInfo {
        net_type: d.attr("type").unwrap_or("").to_string(),
        mac: d
            .child("mac")
            .and_then(|m| m.attr("address"))
            .map(str::to_string),
        source_network: src.and_then(|s| s.attr("network")).map(str::to_string),
        source_bridge: src.and_then(|s| s.attr("bridge")).map(str::to_string),
        target_dev: d
            .child("target")
            .and_then(|t| t.attr("dev"))
            .map(str::to_string),
        model: d
            .child("model")
            .and_then(|m| m.attr("type"))
            .map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iface(xml: &str) -> Element {
        let doc = roxmltree::Document::parse(xml).unwrap();
        let mut e = Element::from_node(doc.root_element());
        parse_interface(&mut e).unwrap();
        e
    }

    #[test]
    fn network_source_drops_bridge() {
        let e = iface(
            "<interface type='network'><source network='default' bridge='virbr0'/></interface>",
        );
        let src = e.child("source").unwrap();
        assert_eq!(src.attr("network"), Some("default"));
        assert_eq!(src.attr("bridge"), None);
        let e = iface("<interface type='bridge'><source bridge='br0'/></interface>");
        assert_eq!(e.child("source").unwrap().attr("bridge"), Some("br0"));
    }

    #[test]
    fn children_in_libvirt_order() {
        let e = iface(
            "<interface type='user'><acpi index='1'/><model type='virtio'/><filterref filter='f'/>\
             <mac address='52:54:00:AA:BB:CC'/><bandwidth/></interface>",
        );
        let names: Vec<&str> = e.children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["mac", "bandwidth", "model", "acpi"]);
        assert_eq!(
            e.child("mac").unwrap().attr("address"),
            Some("52:54:00:aa:bb:cc")
        );
        let e = iface("<interface type='hostdev'><source/><driver name='vfio'/></interface>");
        let names: Vec<&str> = e.children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["mac", "driver", "source"]);
    }
}
