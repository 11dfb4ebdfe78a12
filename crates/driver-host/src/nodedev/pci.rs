//! PCI specifics: the PCI Express capability in config space (`virPCIDeviceIsPCIExpress`,
//! `virPCIDeviceGetLinkCapSta`), names from `pci.ids`, and host-device hand-over to
//! vfio-pci through `driver_override` (`virPCIDeviceDetach` / `virPCIDeviceReattach`).

use super::caps::PciExpress;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::path::Path;

/// Parses `DDDD:BB:SS.F`.
pub fn parse_addr(s: &str) -> Option<(u32, u32, u32, u32)> {
    let (dom, rest) = s.split_once(':')?;
    let (bus, rest) = rest.split_once(':')?;
    let (slot, func) = rest.split_once('.')?;
    Some((
        u32::from_str_radix(dom, 16).ok()?,
        u32::from_str_radix(bus, 16).ok()?,
        u32::from_str_radix(slot, 16).ok()?,
        u32::from_str_radix(func, 16).ok()?,
    ))
}

fn rd16(c: &[u8], off: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*c.get(off)?, *c.get(off + 1)?]))
}

fn rd32(c: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *c.get(off)?,
        *c.get(off + 1)?,
        *c.get(off + 2)?,
        *c.get(off + 3)?,
    ]))
}

/// The PCI Express capability of a config-space image, if any: `None` for conventional
/// PCI; `<pci-express/>` without links for root-complex integrated endpoints and event
/// collectors.
pub fn pci_express(config: &[u8]) -> Option<PciExpress> {
    // A device with extended (4 KiB) config space is PCI Express even when no
    // capability is listed (e.g. a host bridge); it then has no link to report.
    pcie_capability(config).or_else(|| (config.len() > 256).then(PciExpress::default))
}

fn pcie_capability(config: &[u8]) -> Option<PciExpress> {
    let status = rd16(config, 0x06)?;
    if status & 0x10 == 0 {
        return None;
    }
    let mut pos = usize::from(*config.get(0x34)? & 0xfc);
    let mut hops = 0;
    while pos >= 0x40 && hops < 48 {
        let id = *config.get(pos)?;
        if id == 0x10 {
            let flags = rd16(config, pos + 2)?;
            let port_type = (flags >> 4) & 0xf;
            // Root-complex integrated endpoint (9) and event collector (10) have no link.
            if port_type == 9 || port_type == 10 {
                return Some(PciExpress::default());
            }
            let cap = rd32(config, pos + 0x0c)?;
            let sta = rd16(config, pos + 0x12)?;
            return Some(PciExpress {
                link_cap: Some((cap >> 24, cap & 0xf, (cap >> 4) & 0x3f)),
                link_sta: Some((u32::from(sta & 0xf), u32::from((sta >> 4) & 0x3f))),
            });
        }
        pos = usize::from(*config.get(pos + 1)? & 0xfc);
        hops += 1;
    }
    None
}

/// Vendor and device names from a `pci.ids` database.
pub fn ids_names(db: &str, vendor: u32, device: u32) -> (Option<String>, Option<String>) {
    let v = format!("{vendor:04x}");
    let d = format!("{device:04x}");
    let mut vendor_name = None;
    for line in db.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if vendor_name.is_some() {
            if let Some(rest) = line.strip_prefix('\t') {
                if rest.starts_with('\t') {
                    continue;
                }
                if let Some(name) = rest.strip_prefix(&d).and_then(|r| r.strip_prefix("  ")) {
                    return (vendor_name, Some(name.to_string()));
                }
                continue;
            }
            break;
        }
        if let Some(name) = line.strip_prefix(&v).and_then(|r| r.strip_prefix("  ")) {
            vendor_name = Some(name.to_string());
        }
        if line.starts_with('C') && line.as_bytes().get(1) == Some(&b' ') {
            break;
        }
    }
    (vendor_name, None)
}

const DOM: ErrorDomain = ErrorDomain::Nodedev;

fn write_attr(path: &Path, value: &str) -> VirResult<()> {
    std::fs::write(path, value).map_err(|e| {
        VirError::raw(
            ErrorCode::SystemError,
            DOM,
            format!("Failed to write '{value}' to '{}': {e}", path.display()),
        )
    })
}

/// The name (`DDDD:BB:SS.F`) of a PCI device directory, checked to be a plain name.
fn dev_name(dev_dir: &Path) -> VirResult<String> {
    dev_dir
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| parse_addr(n).is_some())
        .map(str::to_string)
        .ok_or_else(|| VirError::invalid_arg(DOM, "not a PCI device"))
}

/// Binds a PCI device to `vfio-pci` through `driver_override` (`virPCIDeviceDetach`):
/// sets the override, unbinds it from its current driver, then asks the PCI bus to probe.
/// `sysfs_root` is the root the device directory lives under (`/sys`).
pub fn detach_to_vfio(sysfs_root: &Path, dev_dir: &Path) -> VirResult<()> {
    let name = dev_name(dev_dir)?;
    if crate::sysfs::link_name(dev_dir, "driver").as_deref() == Some("vfio-pci") {
        return Ok(());
    }
    write_attr(&dev_dir.join("driver_override"), "vfio-pci")?;
    if dev_dir.join("driver").exists() {
        write_attr(&dev_dir.join("driver/unbind"), &name)?;
    }
    write_attr(&sysfs_root.join("bus/pci/drivers_probe"), &name)
}

/// Returns a PCI device to its host driver (`virPCIDeviceReattach`): clears
/// `driver_override`, unbinds it from vfio-pci and re-probes.
pub fn reattach(sysfs_root: &Path, dev_dir: &Path) -> VirResult<()> {
    let name = dev_name(dev_dir)?;
    write_attr(&dev_dir.join("driver_override"), "\n")?;
    if crate::sysfs::link_name(dev_dir, "driver").as_deref() == Some("vfio-pci") {
        write_attr(&dev_dir.join("driver/unbind"), &name)?;
    }
    write_attr(&sysfs_root.join("bus/pci/drivers_probe"), &name)
}

/// Resets a PCI device through its sysfs `reset` file (`virPCIDeviceReset`).
pub fn reset(dev_dir: &Path) -> VirResult<()> {
    let name = dev_name(dev_dir)?;
    if !dev_dir.join("reset").exists() {
        return Err(VirError::internal(
            DOM,
            format!("Unable to reset PCI device {name}: no FLR, PM reset or bus reset available"),
        ));
    }
    write_attr(&dev_dir.join("reset"), "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_addresses_and_ids() {
        assert_eq!(parse_addr("0000:00:1f.3"), Some((0, 0, 0x1f, 3)));
        assert_eq!(parse_addr("junk"), None);
        let db = "# c\n1af4  Red Hat, Inc.\n\t1000  Virtio network device\n\t1041  Virtio 1.0 network device\n\t\t1af4 1100  QEMU\n8086  Intel\n";
        assert_eq!(
            ids_names(db, 0x1af4, 0x1041),
            (
                Some("Red Hat, Inc.".into()),
                Some("Virtio 1.0 network device".into())
            )
        );
        assert_eq!(
            ids_names(db, 0x1af4, 0x9999),
            (Some("Red Hat, Inc.".into()), None)
        );
        assert_eq!(ids_names(db, 0x1234, 0x1), (None, None));
    }

    #[test]
    fn finds_pcie_capability() {
        let mut c = vec![0u8; 256];
        assert_eq!(pci_express(&c), None);
        c[0x06] = 0x10;
        c[0x34] = 0x40;
        c[0x40] = 0x01; // PM capability
        c[0x41] = 0x50;
        c[0x50] = 0x10; // PCIe, endpoint
        c[0x5c..0x60].copy_from_slice(&0x0100_0043u32.to_le_bytes()); // port 1, x4, 8GT/s
        c[0x62..0x64].copy_from_slice(&0x0041u16.to_le_bytes());
        let e = pci_express(&c);
        assert_eq!(
            e,
            Some(PciExpress {
                link_cap: Some((1, 3, 4)),
                link_sta: Some((1, 4)),
            })
        );
        c[0x52] = 0x90; // root-complex integrated endpoint
        assert_eq!(pci_express(&c), Some(PciExpress::default()));
        assert_eq!(pci_express(&c[..0x30]), None);
    }
}
