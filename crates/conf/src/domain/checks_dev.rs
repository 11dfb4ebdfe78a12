//! Post-parse device checks libvirt refuses: controllers, USB, hostdevs, disk addresses, and
//! single-device attribute checks (graphics listen, TPM backend, ramfb, chardev paths).

use rvirt_core::error::VirResult;

use super::def::DomainDef;
use super::element::Element;
use super::parse::{internal, prop_err, unsupported, xml_detail, xml_err};

fn devs<'a>(def: &'a DomainDef, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
    def.devices.iter().filter(move |d| d.name == name)
}

fn index(e: &Element) -> Option<i64> {
    e.attr("index").and_then(|v| v.trim().parse().ok())
}

/// Controller index uniqueness, root-bus rules, USB master/companion rules, USB disabled.
pub(crate) fn check_controllers(def: &DomainDef) -> VirResult<()> {
    let ctrls: Vec<&Element> = devs(def, "controller").collect();
    for (i, c) in ctrls.iter().enumerate() {
        let ty = c.attr("type").unwrap_or("");
        if ty != "usb"
            && ctrls[..i]
                .iter()
                .any(|o| o.attr("type") == Some(ty) && index(o) == index(c))
        {
            return Err(xml_err(format!(
                "Multiple '{ty}' controllers with index '{}'",
                index(c).unwrap_or(0)
            )));
        }
        let model = c.attr("model").unwrap_or("");
        if ty == "pci" && matches!(model, "pci-root" | "pcie-root") {
            if c.child("address").is_some() {
                return Err(unsupported(
                    "pci-root and pcie-root controllers should not have an address",
                ));
            }
            let target = c.child("target");
            if let Some(ti) = target
                .and_then(|t| t.attr("index"))
                .and_then(|v| v.parse::<i64>().ok())
            {
                if (ti == 0) != (index(c) == Some(0)) {
                    return Err(unsupported(
                        "Only the PCI controller with index 0 can have target index 0, and vice versa",
                    ));
                }
            }
            if index(c) == Some(0) && target.and_then(|t| t.child("node")).is_some() {
                return Err(unsupported(
                    "The PCI controller with index=0 can't be associated with a NUMA node",
                ));
            }
        }
        if ty == "usb" && c.child("master").is_some() {
            let has_master = ctrls.iter().any(|o| {
                o.attr("type") == Some("usb") && index(o) == index(c) && o.child("master").is_none()
            });
            if !has_master {
                return Err(xml_detail("No master USB controller specified"));
            }
        }
    }
    let usb: Vec<&&Element> = ctrls
        .iter()
        .filter(|c| c.attr("type") == Some("usb"))
        .collect();
    if usb.iter().any(|c| c.attr("model") == Some("none")) {
        if usb.len() > 1 {
            return Err(xml_detail(
                "Can't add another USB controller: USB is disabled for this domain",
            ));
        }
        if devs(def, "input").any(|i| i.attr("bus") == Some("usb")) {
            return Err(unsupported(
                "Can't add USB input device. USB bus is disabled",
            ));
        }
    }
    Ok(())
}

fn hostdev_key(h: &Element) -> Option<String> {
    if h.attr("mode").unwrap_or("subsystem") != "subsystem" {
        return None;
    }
    let a = h.child("source")?.child("address")?;
    let mut attrs = a.attrs.clone();
    attrs.sort();
    Some(format!("{}:{attrs:?}", h.attr("type").unwrap_or("")))
}

/// Hostdevs: duplicates, mediated device addresses and `ramfb`.
pub(crate) fn check_hostdevs(def: &DomainDef) -> VirResult<()> {
    let mut keys: Vec<String> = Vec::new();
    let mut ramfb = 0;
    for h in devs(def, "hostdev") {
        if let Some(k) = hostdev_key(h) {
            if keys.contains(&k) {
                return Err(xml_err(
                    "Hostdev already exists in the domain configuration",
                ));
            }
            keys.push(k);
        }
        if h.attr("type") != Some("mdev") {
            continue;
        }
        let src = h.child("source").and_then(|s| s.child("address"));
        if src.is_some_and(|a| a.attr("uuid").is_none()) {
            return Err(unsupported(
                "Missing 'uuid' attribute for element <address>",
            ));
        }
        let model = h.attr("model").unwrap_or("");
        let want = match model {
            "vfio-pci" => Some("pci"),
            "vfio-ccw" => Some("ccw"),
            "vfio-ap" => Some("none"),
            _ => None,
        };
        if let (Some(want), Some(at)) = (want, h.child("address").and_then(|a| a.attr("type"))) {
            if at != want {
                return Err(xml_err(format!(
                    "Unsupported address type '{at}' with mediated device model '{model}'"
                )));
            }
        }
        if h.attr("ramfb") == Some("on") {
            ramfb += 1;
        }
    }
    if ramfb > 1 {
        return Err(unsupported("Only one vgpu device can have 'ramfb' enabled"));
    }
    Ok(())
}

fn drive_addr(e: &Element) -> Option<[String; 4]> {
    let a = e
        .child("address")
        .filter(|a| a.attr("type") == Some("drive"))?;
    let f = |k: &str| a.attr(k).unwrap_or("0").to_string();
    Some([f("controller"), f("bus"), f("target"), f("unit")])
}

/// Disks: address type matching the bus, drive address collisions.
pub(crate) fn check_disks(def: &DomainDef, supports_fd: bool) -> VirResult<()> {
    let mut seen: std::collections::HashSet<(&str, [String; 4])> = Default::default();
    let scsi_hostdevs: Vec<[String; 4]> = devs(def, "hostdev")
        .filter(|h| h.attr("type") == Some("scsi"))
        .filter_map(drive_addr)
        .collect();
    for d in devs(def, "disk") {
        let target = d.child("target");
        let dst = target.and_then(|t| t.attr("dev")).unwrap_or("");
        let bus = target.and_then(|t| t.attr("bus")).unwrap_or("");
        if !supports_fd && has_fdgroup(d) {
            return Err(unsupported(format!(
                "driver does not support FD passing for disk '{dst}'"
            )));
        }
        let at = d.child("address").and_then(|a| a.attr("type"));
        if let Some(at) = at {
            if matches!(bus, "scsi" | "sata" | "ide" | "fdc") && at != "drive" {
                return Err(unsupported(format!(
                    "Invalid address type '{at}' for the disk '{dst}' with the bus type '{bus}'"
                )));
            }
        }
        let Some(addr) = drive_addr(d) else { continue };
        let [c, b, t, u] = &addr;
        if seen.contains(&(bus, addr.clone())) {
            return Err(unsupported(format!(
                "Found duplicate drive address for disk with target name '{dst}' controller='{c}' bus='{b}' target='{t}' unit='{u}'"
            )));
        }
        if bus == "scsi" && scsi_hostdevs.contains(&addr) {
            return Err(unsupported(format!(
                "using disk target name '{dst}' conflicts with SCSI host device address controller='{c}' bus='{b}' target='{t}' unit='{u}"
            )));
        }
        seen.insert((bus, addr));
    }
    Ok(())
}

fn has_fdgroup(e: &Element) -> bool {
    e.children.iter().any(|c| {
        (c.name == "source" && c.attr("fdgroup").is_some())
            || (c.name == "backingStore" && has_fdgroup(c))
    })
}

/// Single-device checks (graphics listen, TPM backend, ramfb address, chardev paths, NIC
/// driver queues and backend).
pub(crate) fn check_single_devices(def: &DomainDef) -> VirResult<()> {
    for d in &def.devices {
        match d.name.as_str() {
            "graphics" => {
                for l in d.children.iter().filter(|c| c.name == "listen") {
                    if l.attr("type") == Some("network") && l.attr("network").is_none() {
                        return Err(xml_err(
                            "'network' attribute is required for listen type 'network'",
                        ));
                    }
                }
            }
            "tpm" if d.child("backend").is_none() => {
                return Err(xml_err("missing TPM device backend"));
            }
            "video" => {
                let ty = d.child("model").and_then(|m| m.attr("type"));
                if ty == Some("ramfb") && d.child("address").is_some() {
                    return Err(unsupported("address not supported for video type ramfb"));
                }
            }
            "smartcard" => {
                let unix = d.attr("mode") == Some("passthrough") && d.attr("type") == Some("unix");
                let src = d.child("source");
                let connect = src.and_then(|s| s.attr("mode")).unwrap_or("connect") == "connect";
                if unix && connect && src.and_then(|s| s.attr("path")).is_none() && src.is_some() {
                    return Err(internal("Missing source path attribute for char device"));
                }
            }
            "interface" => {
                if let Some(q) = d.child("driver").and_then(|dr| dr.attr("queues")) {
                    if q.trim().parse::<u32>().is_err() {
                        return Err(prop_err(format!(
                            "Invalid value for attribute 'queues' in element 'driver': '{q}'. Expected non-negative integer value"
                        )));
                    }
                }
                if let Some(t) = d.child("backend").and_then(|b| b.attr("type")) {
                    if t != "default" {
                        return Err(xml_err(format!(
                            "Invalid value for attribute 'type' in element 'backend': '{t}'."
                        )));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}
