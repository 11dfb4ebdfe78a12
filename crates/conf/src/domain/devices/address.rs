//! `<address>` (`virDomainDeviceInfo` addresses): canonical formatting of every address type.

use rvirt_core::error::VirResult;

use crate::domain::element::Element;
use crate::domain::units::parse_c_uint;

fn num(e: &Element, name: &str) -> u64 {
    e.attr(name).and_then(parse_c_uint).unwrap_or(0)
}

fn set(out: &mut Vec<(String, String)>, name: &str, value: String) {
    out.push((name.to_string(), value));
}

/// Rewrites an `<address>` element to libvirt's canonical form (zero-padded hex PCI
/// numbers, all drive fields present, …). Unknown types are left as they are.
pub fn normalize_address(addr: &mut Element) -> VirResult<()> {
    let Some(kind) = addr.attr("type").map(str::to_string) else {
        return Ok(());
    };
    let mut out: Vec<(String, String)> = vec![("type".into(), kind.clone())];
    match kind.as_str() {
        "pci" => {
            let (bus, slot, func) = (num(addr, "bus"), num(addr, "slot"), num(addr, "function"));
            if bus > 0xff {
                return Err(pci_err(format!(
                    "Invalid PCI address bus='0x{bus:x}', must be <= 0xFF"
                )));
            }
            if slot > 0x1f {
                return Err(pci_err(format!(
                    "Invalid PCI address slot='0x{slot:x}', must be <= 0x1F"
                )));
            }
            if func > 7 {
                return Err(pci_err(format!(
                    "Invalid PCI address function=0x{func:x}, must be <= 7"
                )));
            }
            // an all-zero domain/bus/slot is "unassigned": only the type is printed
            if num(addr, "domain") != 0 || bus != 0 || slot != 0 {
                out = pci_attrs(addr);
            } else if let Some(m) = addr.attr("multifunction") {
                set(&mut out, "multifunction", m.to_string());
            }
        }
        "drive" => {
            for f in ["controller", "bus", "target", "unit"] {
                set(&mut out, f, num(addr, f).to_string());
            }
        }
        "virtio-serial" => {
            for f in ["controller", "bus", "port"] {
                set(&mut out, f, num(addr, f).to_string());
            }
        }
        "ccid" => {
            for f in ["controller", "slot"] {
                set(&mut out, f, num(addr, f).to_string());
            }
        }
        "usb" => {
            set(&mut out, "bus", num(addr, "bus").to_string());
            if let Some(p) = addr.attr("port") {
                set(&mut out, "port", p.to_string());
            }
        }
        "spapr-vio" => {
            if let Some(r) = addr.attr("reg").and_then(parse_c_uint) {
                set(&mut out, "reg", format!("0x{r:08x}"));
            }
        }
        "ccw" => {
            if addr.attr("cssid").is_some() || addr.attr("devno").is_some() {
                set(&mut out, "cssid", format!("0x{:x}", num(addr, "cssid")));
                set(&mut out, "ssid", format!("0x{:x}", num(addr, "ssid")));
                set(&mut out, "devno", format!("0x{:04x}", num(addr, "devno")));
            }
        }
        "isa" => {
            if let Some(v) = addr.attr("iobase").and_then(parse_c_uint) {
                set(&mut out, "iobase", format!("0x{v:x}"));
            }
            if let Some(v) = addr.attr("irq").and_then(parse_c_uint) {
                set(&mut out, "irq", format!("0x{v:x}"));
            }
        }
        "dimm" => {
            set(&mut out, "slot", num(addr, "slot").to_string());
            if let Some(v) = addr.attr("base").and_then(parse_c_uint) {
                set(&mut out, "base", format!("0x{v:x}"));
            }
        }
        "virtio-mmio" | "none" | "unassigned" => {}
        _ => return Ok(()),
    }
    if kind == "pci" {
        if let Some(z) = addr.child_mut("zpci") {
            // once either is given, both are printed (an unset one as 0)
            let uid = z.attr("uid").and_then(parse_c_uint);
            let fid = z.attr("fid").and_then(parse_c_uint);
            z.attrs = if uid.is_some() || fid.is_some() {
                vec![
                    ("uid".to_string(), format!("0x{:04x}", uid.unwrap_or(0))),
                    ("fid".to_string(), format!("0x{:08x}", fid.unwrap_or(0))),
                ]
            } else {
                Vec::new()
            };
        }
    }
    addr.attrs = out;
    Ok(())
}

fn pci_attrs(addr: &Element) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![("type".into(), "pci".into())];
    set(&mut out, "domain", format!("0x{:04x}", num(addr, "domain")));
    set(&mut out, "bus", format!("0x{:02x}", num(addr, "bus")));
    set(&mut out, "slot", format!("0x{:02x}", num(addr, "slot")));
    set(&mut out, "function", format!("0x{}", num(addr, "function")));
    if let Some(m) = addr.attr("multifunction") {
        set(&mut out, "multifunction", m.to_string());
    }
    out
}

/// Normalises every `<address>` in a device subtree (not descending into `<source>` of hostdevs,
/// whose addresses are host addresses formatted the same way).
pub fn normalize_all(dev: &mut Element) -> VirResult<()> {
    // host PCI addresses (`<hostdev type='pci'>`, `<interface type='hostdev'>`) carry no type
    let host_pci = match dev.name.as_str() {
        "hostdev" => dev.attr("type") == Some("pci"),
        "interface" => dev.attr("type") == Some("hostdev"),
        _ => false,
    };
    for c in dev.children.iter_mut() {
        if c.name == "address" {
            normalize_address(c)?;
        } else if c.name == "source" || c.name == "driver" {
            for a in c.children.iter_mut().filter(|a| a.name == "address") {
                if host_pci && c.name == "source" && a.attr("type").is_none() {
                    let mut attrs = pci_attrs(a);
                    attrs.remove(0);
                    a.attrs = attrs;
                } else {
                    normalize_address(a)?;
                }
            }
        }
    }
    Ok(())
}

/// `virPCIDeviceAddressIsValid` errors are reported without an error domain.
fn pci_err(detail: String) -> rvirt_core::error::VirError {
    rvirt_core::error::VirError::new(
        rvirt_core::error::ErrorCode::XmlError,
        rvirt_core::error::ErrorDomain::None,
        detail,
    )
}
