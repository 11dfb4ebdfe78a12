//! ADAPTER (QEMU-specific post-parse on top of `rvirt_conf`): `DomainDef::parse` applies the
//! *test driver's* defaults (arch `i686`, `testnetN` interface names). This module undoes those
//! and adds what libvirt's QEMU post-parse adds (host arch, canonical machine type, the PCI
//! root controller, the implicit virtio memballoon). To be replaced by a driver hook in conf.

use crate::caps::QemuCaps;
use rvirt_conf::domain::{DomainDef, Element, ParseOptions};
use rvirt_core::error::VirResult;

/// Parses domain XML with the QEMU driver's defaults.
pub fn parse_domain(xml: &str, caps: Option<&QemuCaps>) -> VirResult<DomainDef> {
    let opts = ParseOptions {
        hooks: Some(std::sync::Arc::new(QemuParseHooks)),
        ..ParseOptions::default()
    };
    let mut def = DomainDef::parse(xml, &opts)?;
    let (had_arch, had_targets) = original_facts(xml);
    if !had_arch {
        def.os_arch = Some(caps.map_or("x86_64", |c| c.arch.as_str()).to_string());
    }
    let nics = def.devices.iter_mut().filter(|d| d.name == "interface");
    for (nic, d) in nics.enumerate() {
        if !had_targets.get(nic).copied().unwrap_or(true) {
            d.remove_children("target");
        }
    }
    qemu_post_parse(&mut def, caps);
    Ok(def)
}

/// The QEMU driver's parse hooks: the test driver's defaults (undone above) plus
/// `VIR_DOMAIN_DEF_FEATURE_DISK_FD` (`<source fdgroup>`, `virDomainFDAssociate`).
#[derive(Debug, Clone, Copy, Default)]
struct QemuParseHooks;

impl rvirt_conf::domain::DriverHooks for QemuParseHooks {
    fn supports_disk_fd(&self) -> bool {
        true
    }
}

/// `(<os><type arch=…> present, per <interface>: <target dev> present)` in the input text.
fn original_facts(xml: &str) -> (bool, Vec<bool>) {
    let Ok(doc) = roxmltree::Document::parse(xml) else {
        return (true, Vec::new());
    };
    let root = doc.root_element();
    let arch = root
        .children()
        .find(|n| n.has_tag_name("os"))
        .and_then(|os| os.children().find(|n| n.has_tag_name("type")))
        .and_then(|t| t.attribute("arch"))
        .is_some();
    let targets = root
        .children()
        .filter(|n| n.has_tag_name("devices"))
        .flat_map(|d| d.children().filter(|n| n.has_tag_name("interface")))
        .map(|i| {
            i.children()
                .any(|c| c.has_tag_name("target") && c.attribute("dev").is_some())
        })
        .collect();
    (arch, targets)
}

/// `qemuDomainDefPostParse`-like defaults.
pub fn qemu_post_parse(def: &mut DomainDef, caps: Option<&QemuCaps>) {
    if let Some(m) = caps.and_then(|c| c.canonical_machine(def.os_machine.as_deref())) {
        def.os_machine = Some(m);
    }
    let q35 = is_q35(def);
    let has_pci_root = def
        .devices
        .iter()
        .any(|d| d.name == "controller" && d.attr("type") == Some("pci"));
    if !has_pci_root {
        let mut c = Element::new("controller");
        c.attrs.push(("type".into(), "pci".into()));
        c.attrs.push(("index".into(), "0".into()));
        c.attrs.push((
            "model".into(),
            if q35 { "pcie-root" } else { "pci-root" }.into(),
        ));
        def.devices.push(c);
    }
    if !def.devices.iter().any(|d| d.name == "memballoon") {
        let mut b = Element::new("memballoon");
        b.attrs.push(("model".into(), "virtio".into()));
        def.devices.push(b);
    }
    sort_devices(&mut def.devices);
}

/// Whether the machine type is a q35 one.
pub fn is_q35(def: &DomainDef) -> bool {
    def.os_machine.as_deref().is_some_and(|m| m.contains("q35"))
}

fn sort_devices(devs: &mut [Element]) {
    let order = rvirt_conf::domain::devices::DEVICE_ORDER;
    devs.sort_by_key(|d| {
        order
            .iter()
            .position(|n| *n == d.name)
            .unwrap_or(order.len())
    });
}
