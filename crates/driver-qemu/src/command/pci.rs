//! PCI address assignment (`qemuDomainAssignPCIAddresses`), flat on the root bus: i440fx
//! reserves slot 1 (PIIX3) and slot 2 (primary video); q35 reserves slot 1 (primary video)
//! and slot 0x1f (ICH9). Devices keep addresses given in the XML.

use super::util::child_attr;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::VirResult;

/// Whether this device sits on PCI when QEMU realises it.
fn wants_pci(d: &Element) -> bool {
    match d.name.as_str() {
        "disk" => child_attr(d, "target", "bus") == Some("virtio"),
        "interface" => true,
        "controller" => {
            matches!(d.attr("type"), Some("virtio-serial") | Some("scsi"))
                || (d.attr("type") == Some("usb")
                    && !matches!(d.attr("model"), Some("none") | Some("piix3-uhci") | None))
        }
        "memballoon" => d.attr("model") == Some("virtio"),
        "rng" => true,
        "video" => child_attr(d, "model", "type") != Some("none"),
        _ => false,
    }
}

/// Assignment order of device families (libvirt assigns NICs first, balloon and rng last).
fn rank(d: &Element) -> u32 {
    match d.name.as_str() {
        "video" => 0,
        "interface" => 1,
        "controller" => 2,
        "disk" => 3,
        "memballoon" => 4,
        "rng" => 5,
        _ => 6,
    }
}

fn pci_address(slot: u32, function: u32) -> Element {
    let mut a = Element::new("address");
    for (k, v) in [
        ("type", "pci".to_string()),
        ("domain", "0x0000".to_string()),
        ("bus", "0x00".to_string()),
        ("slot", format!("0x{slot:02x}")),
        ("function", format!("0x{function:x}")),
    ] {
        a.attrs.push((k.into(), v));
    }
    a
}

fn existing_slot(d: &Element) -> Option<u32> {
    let a = d
        .child("address")
        .filter(|a| a.attr("type") == Some("pci"))?;
    let s = a.attr("slot")?;
    u32::from_str_radix(s.trim_start_matches("0x"), 16).ok()
}

/// Assigns PCI slots; returns an error when the root bus is full.
pub fn assign_pci(def: &mut DomainDef, q35: bool) -> VirResult<()> {
    let mut used = [false; 32];
    used[0] = true;
    used[1] = true;
    if q35 {
        used[0x1f] = true;
    }
    // the PIIX3 USB controller lives at 01.2 on i440fx
    if !q35 {
        for d in def.devices.iter_mut() {
            if d.name == "controller"
                && d.attr("type") == Some("usb")
                && matches!(d.attr("model"), Some("piix3-uhci") | None)
                && d.child("address").is_none()
            {
                d.children.push(pci_address(1, 2));
            }
        }
    }
    for d in def.devices.iter() {
        if let Some(s) = existing_slot(d) {
            if let Some(u) = used.get_mut(s as usize) {
                *u = true;
            }
        }
    }
    let mut order: Vec<usize> = (0..def.devices.len())
        .filter(|&i| wants_pci(&def.devices[i]) && existing_slot(&def.devices[i]).is_none())
        .collect();
    order.sort_by_key(|&i| rank(&def.devices[i]));
    let primary_video = if q35 { 1 } else { 2 };
    let mut first_video = true;
    for i in order {
        let d = &mut def.devices[i];
        let slot = if d.name == "video" && first_video {
            first_video = false;
            primary_video
        } else {
            if !q35 {
                used[2] = true;
            }
            match used.iter().position(|u| !u) {
                Some(s) => s as u32,
                None => {
                    return Err(super::util::unsupported(
                        "No more available PCI slots on the root bus",
                    ))
                }
            }
        };
        if let Some(u) = used.get_mut(slot as usize) {
            *u = true;
        }
        d.remove_children("address");
        d.children.push(pci_address(slot, 0));
    }
    Ok(())
}

/// `bus=…,addr=…` for a device's PCI address.
pub fn pci_device_args(d: &Element, q35: bool) -> Option<String> {
    let a = d
        .child("address")
        .filter(|a| a.attr("type") == Some("pci"))?;
    let hex = |k: &str| {
        a.attr(k)
            .and_then(|v| u32::from_str_radix(v.trim_start_matches("0x"), 16).ok())
            .unwrap_or(0)
    };
    let bus = hex("bus");
    let busname = if bus == 0 {
        if q35 { "pcie.0" } else { "pci.0" }.to_string()
    } else {
        format!("pci.{bus}")
    };
    let (slot, func) = (hex("slot"), hex("function"));
    Some(if func == 0 {
        format!("bus={busname},addr=0x{slot:x}")
    } else {
        format!("bus={busname},addr=0x{slot:x}.0x{func:x}")
    })
}
