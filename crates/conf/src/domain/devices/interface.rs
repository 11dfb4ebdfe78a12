//! `<interface>`: MAC generation, the test driver's `testnetN` names, accessors.

use rvirt_core::error::VirResult;

use crate::domain::def::{DomainDef, InterfaceInfo};
use crate::domain::element::Element;
use crate::domain::uuid::generate_mac;

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
];

/// Normalises one `<interface>`: generates a MAC when there is none.
pub(crate) fn parse_interface(d: &mut Element) -> VirResult<()> {
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
        if d.attr("type") == Some("hostdev")
            || d.child("target").and_then(|t| t.attr("dev")).is_some()
        {
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
