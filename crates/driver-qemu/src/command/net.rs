//! `<interface>` → `-netdev` + `-device` (`qemuBuildInterfaceCommandLine`).

use super::pci::pci_device_args;
use super::util::{alias, child_attr, qemu_escape, unsupported};
use rvirt_conf::domain::Element;
use rvirt_core::error::VirResult;

/// The NIC model QEMU should emulate (libvirt's default for x86 is rtl8139).
fn model_device(model: &str) -> VirResult<&'static str> {
    Ok(match model {
        "virtio" => "virtio-net-pci",
        "e1000" => "e1000",
        "e1000e" => "e1000e",
        "rtl8139" => "rtl8139",
        other => {
            return Err(unsupported(format!(
                "interface model '{other}' is not supported"
            )))
        }
    })
}

/// Whether a NIC's host side is a macvtap QEMU inherits as an fd: `type='direct'`, or a
/// `type='network'` NIC whose port is direct (plugged with `<source dev mode>`, no bridge).
pub(crate) fn is_macvtap(d: &Element) -> bool {
    match d.attr("type") {
        Some("direct") => true,
        Some("network") => {
            let src = d.child("source");
            src.and_then(|s| s.attr("dev")).is_some()
                && src.and_then(|s| s.attr("bridge")).is_none()
        }
        _ => false,
    }
}

/// Arguments for one interface (`index` = its position among interfaces).
pub fn interface_args(
    d: &Element,
    index: usize,
    bootindex: Option<u32>,
    q35: bool,
) -> VirResult<Vec<String>> {
    let netdev = format!("hostnet{index}");
    let backend = match d.attr("type").unwrap_or("") {
        "user" => format!("user,id={netdev}"),
        _ if is_macvtap(d) => format!(
            "tap,id={netdev},fd={}",
            crate::domain::TAP_FD_BASE + index as i32
        ),
        "ethernet" | "network" | "bridge" => {
            let ifname = child_attr(d, "target", "dev")
                .map_or(String::new(), |t| format!(",ifname={}", qemu_escape(t)));
            format!("tap,id={netdev}{ifname},script=no,downscript=no")
        }
        other => {
            return Err(unsupported(format!(
                "interface type '{other}' is not supported yet by the QEMU driver"
            )))
        }
    };
    let model = child_attr(d, "model", "type").unwrap_or(if q35 { "e1000e" } else { "rtl8139" });
    let mac = child_attr(d, "mac", "address").unwrap_or("52:54:00:00:00:00");
    let addr = pci_device_args(d, q35).map_or(String::new(), |p| format!(",{p}"));
    let boot = bootindex.map_or(String::new(), |b| format!(",bootindex={b}"));
    Ok(vec![
        "-netdev".into(),
        backend,
        "-device".into(),
        format!(
            "{},netdev={netdev},id={},mac={mac}{addr}{boot}",
            model_device(model)?,
            alias(d).unwrap_or("net0")
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nic(xml: &str) -> Element {
        let doc = roxmltree::Document::parse(xml).unwrap();
        Element::from_node(doc.root_element())
    }

    #[test]
    fn macvtap_nics_get_the_inherited_fd() {
        let direct = nic(
            "<interface type='direct'><mac address='52:54:00:00:00:02'/>\
                          <source dev='eth0' mode='vepa'/></interface>",
        );
        assert!(is_macvtap(&direct));
        let args = interface_args(&direct, 2, None, false).unwrap();
        assert_eq!(args[1], "tap,id=hostnet2,fd=102");
        // a network NIC whose port is direct, and one on a bridge
        let on_macvtap_net = nic("<interface type='network'>\
                                  <source network='n' dev='eth0' mode='bridge'/></interface>");
        assert!(is_macvtap(&on_macvtap_net));
        let bridged = nic("<interface type='network'>\
                           <source network='n' bridge='virbr0'/></interface>");
        assert!(!is_macvtap(&bridged));
        assert!(interface_args(&bridged, 0, None, false).unwrap()[1].contains("script=no"));
    }
}
