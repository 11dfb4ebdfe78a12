//! `<disk>`: defaults for bus/device/type and drive address assignment.

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use crate::domain::element::Element;

const DISK_CHILD_ORDER: &[&str] = &[
    "driver",
    "auth",
    "source",
    "backingStore",
    "backenddomain",
    "geometry",
    "blockio",
    "mirror",
    "target",
    "iotune",
    "readonly",
    "shareable",
    "transient",
    "serial",
    "wwn",
    "vendor",
    "product",
    "encryption",
    "boot",
    "alias",
    "acpi",
    "address",
];

/// `virDiskNameToIndex`: `sda` → 0, `hdc` → 2, `vdaa` → 26.
pub fn disk_name_to_index(name: &str) -> Option<u64> {
    let rest = ["fd", "hd", "vd", "sd", "xvd", "ubd"]
        .iter()
        .find_map(|p| name.strip_prefix(p))?;
    let letters: String = rest
        .chars()
        .take_while(|c| c.is_ascii_lowercase())
        .collect();
    if letters.is_empty() {
        return None;
    }
    let mut idx: u64 = 0;
    for (i, c) in letters.chars().enumerate() {
        let v = u64::from(c as u8 - b'a');
        idx = if i == 0 {
            v
        } else {
            (idx + 1).checked_mul(26)?.checked_add(v)?
        };
    }
    Some(idx)
}

/// `virDomainDiskInsertPreAlloced`: the order libvirt stores parsed disks in — each one goes
/// before the first disk on the same bus with a higher target index, else after the last
/// disk on its bus, else at the end.
pub(crate) fn order_parsed_disks(devs: &mut [Element]) {
    let slots: Vec<usize> = (0..devs.len())
        .filter(|&i| devs[i].name == "disk")
        .collect();
    let key = |e: &Element| -> (String, i64) {
        let target = e.child("target");
        let dst = target.and_then(|t| t.attr("dev")).unwrap_or("");
        let bus = target
            .and_then(|t| t.attr("bus"))
            .unwrap_or_else(|| default_bus(e.attr("device").unwrap_or("disk"), dst));
        let idx = disk_name_to_index(dst)
            .and_then(|i| i64::try_from(i).ok())
            .unwrap_or(-1);
        (bus.to_string(), idx)
    };
    let mut placed: Vec<Element> = Vec::with_capacity(slots.len());
    for &i in &slots {
        let new = std::mem::take(&mut devs[i]);
        let (bus, idx) = key(&new);
        let mut insert_at: Option<usize> = None;
        for (j, cur) in placed.iter().enumerate().rev() {
            let (cur_bus, cur_idx) = key(cur);
            if cur_bus != bus {
                continue;
            }
            if cur_idx > idx {
                insert_at = Some(j);
            } else if insert_at.is_none() {
                insert_at = Some(j + 1);
            }
        }
        match insert_at {
            Some(p) => placed.insert(p, new),
            None => placed.push(new),
        }
    }
    for (slot, e) in slots.into_iter().zip(placed) {
        devs[slot] = e;
    }
}

fn default_bus(device: &str, dst: &str) -> &'static str {
    if device == "floppy" {
        "fdc"
    } else if dst.starts_with("hd") {
        "ide"
    } else if dst.starts_with("sd") {
        "scsi"
    } else if dst.starts_with("vd") {
        "virtio"
    } else if dst.starts_with("xvd") {
        "xen"
    } else if dst.starts_with("ubd") {
        "uml"
    } else {
        "ide"
    }
}

/// Normalises one `<disk>`.
pub(crate) fn parse_disk(d: &mut Element) -> VirResult<()> {
    if d.attr("type").is_none() {
        d.set_attr("type", "file");
    }
    if d.attr("device").is_none() {
        d.set_attr("device", "disk");
    }
    if d.attr("type") == Some("network") && d.child("source").is_none() {
        d.set_attr("type", "file");
    }
    if d.attr("type") == Some("vhostuser") && d.attr("snapshot").is_none() {
        d.set_attr("snapshot", "no");
    }
    d.order_attrs(&["type", "device", "model", "rawio", "sgio", "snapshot"]);
    // a block job's <mirror> is live state
    d.remove_children("mirror");
    if let Some(s) = d.child_mut("source") {
        if s.attr("protocol") == Some("gluster") {
            for h in s.children.iter_mut().filter(|h| h.name == "host") {
                if h.attr("port").is_none() && h.attr("transport").unwrap_or("tcp") == "tcp" {
                    h.set_attr("port", "24007");
                }
            }
        }
    }
    let device = d.attr("device").unwrap_or("disk").to_string();
    let src = d
        .child("source")
        .and_then(|s| {
            s.attr("file")
                .or(s.attr("dev"))
                .or(s.attr("dir"))
                .or(s.attr("name"))
        })
        .unwrap_or("")
        .to_string();
    let Some(target) = d.child_mut("target") else {
        return Err(VirError::new(
            ErrorCode::Other(20),
            ErrorDomain::Domain,
            format!("missing target information for device {src}"),
        ));
    };
    let dst = target.attr("dev").unwrap_or("").to_string();
    if target.attr("bus").is_none() {
        target.set_attr("bus", default_bus(&device, &dst));
    }
    target.order_attrs(&["dev", "bus", "tray", "removable", "rotation_rate"]);
    let bus = target.attr("bus").unwrap_or("").to_string();
    if let Some(drv) = d.child_mut("driver") {
        drv.order_attrs(&[
            "name",
            "type",
            "cache",
            "error_policy",
            "rerror_policy",
            "io",
            "ioeventfd",
            "event_idx",
            "copy_on_read",
            "discard",
            "iothread",
            "detect_zeroes",
            "queues",
            "queue_size",
        ]);
    }
    if device == "cdrom" && d.child("readonly").is_none() {
        d.children.push(Element::new("readonly"));
    }
    drop_backing_index(d);
    if d.attr("type") == Some("volume") && d.child("source").is_none() {
        // an empty (ejected) volume disk is stored as an empty file disk
        d.set_attr("type", "file");
    }
    if let Some(src) = d.child_mut("source") {
        if src.attr("pool").is_some() {
            src.order_attrs(&["pool", "volume", "mode"]);
        }
        // the top image's `index` is status-only
        src.remove_attr("index");
        // `labelskip` is status-only; such a label is not part of the definition
        src.children
            .retain(|c| !(c.name == "seclabel" && c.attr("labelskip") == Some("yes")));
    }
    fix_max_size(d);
    if d.child("address").is_none() {
        if let Some(idx) = disk_name_to_index(&dst) {
            let (c, b, u) = match bus.as_str() {
                "ide" => (idx / 4, (idx % 4) / 2, idx % 2),
                "scsi" => (idx / 7, 0, idx % 7),
                "fdc" => (0, 0, idx),
                "sata" => (idx / 6, 0, idx % 6),
                _ => (u64::MAX, 0, 0),
            };
            if c != u64::MAX {
                let mut a = Element::new("address");
                a.attrs = vec![
                    ("type".into(), "drive".into()),
                    ("controller".into(), c.to_string()),
                    ("bus".into(), b.to_string()),
                    ("target".into(), "0".into()),
                    ("unit".into(), u.to_string()),
                ];
                d.children.push(a);
            }
        }
    }
    d.order_children(DISK_CHILD_ORDER);
    Ok(())
}

/// `<metadata_cache><max_size>` is kept in bytes.
fn fix_max_size(e: &mut Element) {
    for c in e.children.iter_mut() {
        if c.name == "max_size" {
            let text = c.text.clone().unwrap_or_default();
            if let Some(b) = crate::domain::units::to_bytes(&text, c.attr("unit"), "bytes") {
                c.text = Some(b.to_string());
                c.attrs = vec![("unit".into(), "bytes".into())];
            }
        } else {
            fix_max_size(c);
        }
    }
}

/// `<backingStore index=…>` is live-only; the inactive XML omits it.
fn drop_backing_index(e: &mut Element) {
    for c in e.children.iter_mut() {
        if c.name == "backingStore" {
            c.remove_attr("index");
            drop_backing_index(c);
            c.order_children(&["format", "source", "backingStore"]);
        }
    }
}

/// The disk's target name, source, bus, device and type.
pub(crate) fn disk_info(d: &Element) -> crate::domain::def::DiskInfo {
    let src = d.child("source");
    crate::domain::def::DiskInfo {
        target: d
            .child("target")
            .and_then(|t| t.attr("dev"))
            .unwrap_or("")
            .to_string(),
        source: src
            .and_then(|s| {
                s.attr("file")
                    .or(s.attr("dev"))
                    .or(s.attr("dir"))
                    .or(s.attr("name"))
                    .or(s.attr("volume"))
            })
            .map(str::to_string),
        bus: d
            .child("target")
            .and_then(|t| t.attr("bus"))
            .map(str::to_string),
        device: d.attr("device").unwrap_or("disk").to_string(),
        disk_type: d.attr("type").unwrap_or("file").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disk(dev: &str, bus: Option<&str>) -> Element {
        let mut d = Element::new("disk");
        let t = d.child_or_insert("target");
        t.set_attr("dev", dev);
        if let Some(b) = bus {
            t.set_attr("bus", b);
        }
        d
    }

    #[test]
    fn parsed_disks_ordered_per_bus() {
        let mut devs = vec![
            disk("hdc", Some("ide")),
            Element::new("controller"),
            disk("vdb", None),
            disk("hda", Some("ide")),
            disk("vda", Some("virtio")),
        ];
        order_parsed_disks(&mut devs);
        let names: Vec<&str> = devs
            .iter()
            .map(|d| {
                d.child("target")
                    .and_then(|t| t.attr("dev"))
                    .unwrap_or(&d.name)
            })
            .collect();
        assert_eq!(names, ["hda", "controller", "hdc", "vda", "vdb"]);
    }

    #[test]
    fn names_to_index() {
        assert_eq!(disk_name_to_index("sda"), Some(0));
        assert_eq!(disk_name_to_index("hdc"), Some(2));
        assert_eq!(disk_name_to_index("vdaa"), Some(26));
        assert_eq!(disk_name_to_index("xx"), None);
    }
}
