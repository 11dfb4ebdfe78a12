//! Enumerating `<root>/devices` into node devices (`udevEnumerateDevices`,
//! `udevGetDeviceType`, `udevProcess*`), names and parents as libvirt forms them.

use super::caps::*;
use super::pci;
use crate::{linkinfo, sysfs};
use std::path::{Path, PathBuf};

const MAX_DEPTH: usize = 40;
const MAX_DEVICES: usize = 100_000;

/// `udevGenerateDeviceName`: `SUBSYSTEM_SYSNAME[_SUFFIX]`, non-alphanumerics as `_`.
pub(crate) fn gen_name(subsystem: &str, sysname: &str, suffix: Option<&str>) -> String {
    let mut s = format!("{subsystem}_{sysname}");
    if let Some(x) = suffix {
        s.push('_');
        s.push_str(x);
    }
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn hex_attr(dir: &Path, name: &str) -> Option<u32> {
    sysfs::attr(dir, name).and_then(|s| sysfs::parse_hex(&s))
}

fn dec_attr(dir: &Path, name: &str) -> Option<u64> {
    sysfs::attr(dir, name).and_then(|s| s.trim().parse().ok())
}

fn system_device(root: &Path) -> NodeDevice {
    let dmi = root.join("devices/virtual/dmi/id");
    let a = |n: &str| sysfs::attr(&dmi, n).filter(|s| !s.is_empty());
    let uuid = a("product_uuid")
        .and_then(|u| rvirt_core::handle::Uuid::parse(&u))
        .unwrap_or_default();
    NodeDevice {
        name: "computer".into(),
        sysfs_path: None,
        devnode: None,
        parent: None,
        driver: None,
        cap: Cap::System(SystemCap {
            product: a("product_name"),
            hw_vendor: a("sys_vendor"),
            hw_version: a("product_version"),
            hw_serial: a("product_serial"),
            hw_uuid: uuid.to_string(),
            fw_vendor: a("bios_vendor"),
            fw_version: a("bios_version"),
            fw_release_date: a("bios_date"),
        }),
    }
}

fn pci_cap(root: &Path, dir: &Path, sysname: &str, pci_ids: Option<&str>) -> Option<Cap> {
    let (domain, bus, slot, function) = pci::parse_addr(sysname)?;
    let vendor = hex_attr(dir, "vendor").unwrap_or(0);
    let product = hex_attr(dir, "device").unwrap_or(0);
    let (vendor_name, product_name) = match pci_ids {
        Some(db) => pci::ids_names(db, vendor, product),
        None => (None, None),
    };
    let iommu_group = sysfs::link_name(dir, "iommu_group")
        .and_then(|g| g.parse::<u32>().ok())
        .map(|g| {
            let members = sysfs::list_dir(&root.join(format!("kernel/iommu_groups/{g}/devices")))
                .iter()
                .filter_map(|m| pci::parse_addr(m))
                .collect();
            (g, members)
        });
    let config = std::fs::read(dir.join("config")).unwrap_or_default();
    Some(Cap::Pci(PciCap {
        class: hex_attr(dir, "class"),
        domain,
        bus,
        slot,
        function,
        product,
        product_name,
        vendor,
        vendor_name,
        phys_function: sysfs::link_name(dir, "physfn").and_then(|p| pci::parse_addr(&p)),
        iommu_group,
        numa_node: sysfs::attr(dir, "numa_node")
            .and_then(|n| n.trim().parse::<i32>().ok())
            .filter(|n| *n >= 0),
        pci_express: pci::pci_express(&config),
    }))
}

const SCSI_TYPES: &[(u32, &str)] = &[
    (0x0, "disk"),
    (0x1, "tape"),
    (0x2, "printer"),
    (0x3, "processor"),
    (0x4, "worm"),
    (0x5, "cdrom"),
    (0x6, "scanner"),
    (0x7, "mo"),
    (0x8, "changer"),
    (0x9, "comm"),
    (0xc, "raid"),
    (0xd, "enclosure"),
    (0xe, "rbc"),
    (0x11, "osd"),
];

fn storage_cap(dir: &Path, devnode: &str) -> Option<StorageCap> {
    let devname = devnode.strip_prefix("/dev/").unwrap_or(devnode);
    let drive_type = if devname.starts_with("vd") || devname.starts_with("xvd") {
        "disk"
    } else if devname.starts_with("sr") {
        "cd"
    } else if devname.starts_with("sd") {
        match dec_attr(dir, "device/type") {
            Some(0) => "disk",
            Some(5) => "cd",
            _ => return None,
        }
    } else {
        return None;
    };
    let trimmed = |n: &str| {
        sysfs::attr(dir, n)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let size = dec_attr(dir, "size").unwrap_or(0).saturating_mul(512);
    let lbs = dec_attr(dir, "queue/logical_block_size").unwrap_or(0);
    Some(StorageCap {
        block: devnode.to_string(),
        drive_type: drive_type.to_string(),
        model: trimmed("device/model"),
        vendor: trimmed("device/vendor"),
        removable: dec_attr(dir, "removable") == Some(1),
        size,
        logical_block_size: lbs,
        num_blocks: size.checked_div(lbs).unwrap_or(0),
    })
}

fn colon_nums(s: &str) -> Vec<u32> {
    s.split(':').filter_map(|x| x.parse().ok()).collect()
}

/// Classifies one sysfs device directory; `None` for devices libvirt does not show.
fn classify(root: &Path, dir: &Path, pci_ids: Option<&str>) -> Option<NodeDevice> {
    let sysname = dir.file_name()?.to_str()?.to_string();
    let subsystem = sysfs::link_name(dir, "subsystem")?;
    let props = sysfs::uevent(dir);
    let prop = |k: &str| sysfs::uevent_get(&props, k);
    let devtype = prop("DEVTYPE");
    let devnode = prop("DEVNAME").map(|d| {
        if d.starts_with('/') {
            d
        } else {
            format!("/dev/{d}")
        }
    });
    let mut name = gen_name(&subsystem, &sysname, None);
    let mut node_devnode = None;
    let cap = match devtype.as_deref() {
        Some("usb_device") => {
            let vendor = hex_attr(dir, "idVendor").unwrap_or(0);
            let product = hex_attr(dir, "idProduct").unwrap_or(0);
            node_devnode = devnode.clone();
            Cap::UsbDevice(UsbDevCap {
                bus: dec_attr(dir, "busnum").unwrap_or(0) as u32,
                device: dec_attr(dir, "devnum").unwrap_or(0) as u32,
                product,
                product_name: sysfs::attr(dir, "product"),
                vendor,
                vendor_name: sysfs::attr(dir, "manufacturer"),
            })
        }
        Some("usb_interface") => Cap::Usb(UsbIfCap {
            number: hex_attr(dir, "bInterfaceNumber").unwrap_or(0),
            class: hex_attr(dir, "bInterfaceClass").unwrap_or(0),
            subclass: hex_attr(dir, "bInterfaceSubClass").unwrap_or(0),
            protocol: hex_attr(dir, "bInterfaceProtocol").unwrap_or(0),
        }),
        Some("scsi_host") => {
            let host = sysname.strip_prefix("host")?.parse().ok()?;
            let unique_id = sysfs::attr(dir, &format!("scsi_host/{sysname}/unique_id"))
                .and_then(|u| u.trim().parse().ok());
            Cap::ScsiHost { host, unique_id }
        }
        Some("scsi_target") => Cap::ScsiTarget {
            target: sysname.clone(),
        },
        Some("scsi_device") => {
            let n = colon_nums(&sysname);
            let [host, bus, target, lun] = n.as_slice() else {
                return None;
            };
            let type_name = dec_attr(dir, "type").and_then(|t| {
                SCSI_TYPES
                    .iter()
                    .find(|(n, _)| u64::from(*n) == t)
                    .map(|(_, s)| s.to_string())
            });
            Cap::Scsi(ScsiCap {
                host: *host,
                bus: *bus,
                target: *target,
                lun: *lun,
                type_name,
            })
        }
        Some("disk") => {
            let node = devnode.clone()?;
            node_devnode = Some(node.clone());
            Cap::Storage(storage_cap(dir, &node)?)
        }
        Some("wlan") | None
            if devtype.as_deref() == Some("wlan")
                || (prop("PCI_CLASS").is_none() && prop("INTERFACE").is_some()) =>
        {
            let address = sysfs::attr(dir, "address");
            name = gen_name(&subsystem, &sysname, address.as_deref());
            let link = linkinfo::link_info(dir).unwrap_or_default();
            Cap::Net(NetCap {
                interface: prop("INTERFACE").unwrap_or_else(|| sysname.clone()),
                address,
                link_speed: link.speed,
                link_state: link.state,
                features: Vec::new(),
                subtype: if devtype.as_deref() == Some("wlan") {
                    "80211"
                } else {
                    "80203"
                },
            })
        }
        None if prop("PCI_CLASS").is_some() => pci_cap(root, dir, &sysname, pci_ids)?,
        _ => return None,
    };
    Some(NodeDevice {
        name,
        sysfs_path: Some(dir.to_string_lossy().into_owned()),
        devnode: node_devnode,
        parent: None,
        driver: sysfs::link_name(dir, "driver"),
        cap,
    })
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > MAX_DEPTH || out.len() >= MAX_DEVICES {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut children: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .map(|e| e.path())
        .collect();
    children.sort();
    for c in children {
        if c.join("uevent").is_file() {
            out.push(c.clone());
        }
        walk(&c, depth + 1, out);
    }
}

/// Every node device under `root` (a sysfs mount such as `/sys`): `computer` first, then
/// devices in sysfs path order, each with its nearest known ancestor as parent.
pub fn scan(root: &Path, pci_ids: Option<&str>) -> Vec<NodeDevice> {
    let mut dirs = Vec::new();
    walk(&root.join("devices"), 0, &mut dirs);
    let mut devs = vec![system_device(root)];
    let mut paths: Vec<(PathBuf, String)> = Vec::new();
    for d in dirs {
        if let Some(mut dev) = classify(root, &d, pci_ids) {
            let parent = d
                .ancestors()
                .skip(1)
                .find_map(|a| paths.iter().find(|(p, _)| p == a).map(|(_, n)| n.clone()));
            dev.parent = Some(parent.unwrap_or_else(|| "computer".to_string()));
            paths.push((d.clone(), dev.name.clone()));
            devs.push(dev);
        }
    }
    devs
}
