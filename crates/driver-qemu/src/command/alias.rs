//! Device aliases (`qemuAssignDeviceAliases`): `virtio-disk0`, `net0`, `serial0`, … — the
//! `id=` of each `-device` and the `<alias name>` of the live XML.

use super::util::{child_attr, set_alias};
use rvirt_conf::domain::{DomainDef, Element};

/// Index of a disk target name (`vda` → 0, `hdc` → 2, `sdaa` → 26).
pub fn disk_index(dev: &str) -> Option<u32> {
    let letters = dev
        .trim_start_matches("vd")
        .trim_start_matches("hd")
        .trim_start_matches("sd")
        .trim_start_matches("xvd");
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut idx: u32 = 0;
    for b in letters.bytes() {
        idx = idx.checked_mul(26)?.checked_add(u32::from(b - b'a') + 1)?;
    }
    Some(idx - 1)
}

/// `(controller, bus, unit)` of a drive-addressed disk, from `<address>` or the target name.
pub fn drive_address(d: &Element, bus: &str) -> (u32, u32, u32) {
    if let Some(a) = d
        .child("address")
        .filter(|a| a.attr("type") == Some("drive"))
    {
        let n = |k: &str| a.attr(k).and_then(|v| v.parse().ok()).unwrap_or(0);
        return (n("controller"), n("bus"), n("unit"));
    }
    let idx = child_attr(d, "target", "dev")
        .and_then(disk_index)
        .unwrap_or(0);
    match bus {
        "ide" => (idx / 4, (idx % 4) / 2, idx % 2),
        "sata" => (idx / 6, 0, idx % 6),
        "scsi" => (idx / 7, 0, idx % 7),
        _ => (0, 0, idx),
    }
}

/// Assigns aliases to every device that QEMU will see.
pub fn assign_aliases(def: &mut DomainDef, q35: bool) {
    let mut counters = std::collections::HashMap::<&'static str, u32>::new();
    let mut next = |k: &'static str| {
        let c = counters.entry(k).or_insert(0);
        *c += 1;
        *c - 1
    };
    for d in def.devices.iter_mut() {
        let name = match d.name.as_str() {
            "disk" => {
                let bus = child_attr(d, "target", "bus").unwrap_or("ide").to_string();
                if bus == "virtio" {
                    let idx = child_attr(d, "target", "dev")
                        .and_then(disk_index)
                        .unwrap_or(0);
                    format!("virtio-disk{idx}")
                } else {
                    let (c, b, u) = drive_address(d, &bus);
                    format!("{bus}{c}-{b}-{u}")
                }
            }
            "controller" => {
                let ty = d.attr("type").unwrap_or("").to_string();
                let idx = d.attr("index").unwrap_or("0").to_string();
                match ty.as_str() {
                    "pci" => format!("pci.{idx}"),
                    "usb" if idx == "0" => "usb".into(),
                    "sata" if q35 && idx == "0" => "ide".into(),
                    _ => format!("{ty}{idx}"),
                }
            }
            "interface" => format!("net{}", next("net")),
            "serial" => format!("serial{}", next("serial")),
            "console" => {
                let n = next("console");
                if child_attr(d, "target", "type") == Some("serial") && n == 0 {
                    "serial0".into()
                } else {
                    format!("console{n}")
                }
            }
            "channel" => format!("channel{}", next("channel")),
            "video" => format!("video{}", next("video")),
            "memballoon" => "balloon0".into(),
            "input" => format!("input{}", next("input")),
            "rng" => format!("rng{}", next("rng")),
            _ => continue,
        };
        if d.name == "memballoon" && d.attr("model") == Some("none") {
            continue;
        }
        set_alias(d, &name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_indexes() {
        assert_eq!(disk_index("vda"), Some(0));
        assert_eq!(disk_index("hdc"), Some(2));
        assert_eq!(disk_index("sdz"), Some(25));
        assert_eq!(disk_index("sdaa"), Some(26));
        assert_eq!(disk_index("vd1"), None);
    }
}
