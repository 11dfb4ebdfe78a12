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
