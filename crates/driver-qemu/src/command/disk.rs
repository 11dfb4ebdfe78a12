//! `<disk>` → `-blockdev` (protocol + format nodes) and `-device` (`qemuBuildDiskCommandLine`).

use super::alias::drive_address;
use super::pci::pci_device_args;
use super::util::{alias, child_attr, json_str, unsupported};
use rvirt_conf::domain::Element;
use rvirt_core::error::VirResult;

/// Arguments for one disk; `node` is the blockdev node number (`libvirt-N-…`).
pub fn disk_args(
    d: &Element,
    node: usize,
    bootindex: Option<u32>,
    q35: bool,
) -> VirResult<Vec<String>> {
    let device = d.attr("device").unwrap_or("disk");
    let bus = child_attr(d, "target", "bus").unwrap_or("ide");
    let dev_alias = alias(d).unwrap_or("disk").to_string();
    let readonly = device == "cdrom" || d.child("readonly").is_some();
    let network = d.attr("type") == Some("network");
    let src = if network {
        d.child("source").and_then(|s| s.attr("name"))
    } else {
        d.child("source")
            .and_then(|s| s.attr("file").or(s.attr("dev")))
    };
    let mut a = Vec::new();
    let format_node = format!("libvirt-{node}-format");
    if let Some(path) = src {
        let fmt = child_attr(d, "driver", "type").unwrap_or("raw");
        if !matches!(fmt, "raw" | "qcow2" | "qed" | "vmdk" | "vdi" | "vpc") {
            return Err(unsupported(format!("unknown disk format '{fmt}'")));
        }
        let mut path = path.to_string();
        let mut storage_ro = "\"auto-read-only\":true".to_string();
        if let Some(group) = crate::domain::fd_associate::disk_fdgroup(d) {
            let (set, fds, ro) =
                fdset_of(d).ok_or_else(|| crate::domain::fd_associate::fdgroup_missing(group))?;
            for (i, fd) in fds.iter().enumerate() {
                a.push("-add-fd".into());
                a.push(format!(
                    "set={set},fd={fd},opaque=libvirt-{node}-storage{i}"
                ));
            }
            path = format!("/dev/fdset/{set}");
            if let Some(ro) = ro {
                storage_ro = format!("\"read-only\":{ro}");
            }
        }
        let path = path.as_str();
        a.push("-blockdev".into());
        if network {
            a.push(iscsi_blockdev(d, path, node)?);
        } else {
            let proto = match d.attr("type").unwrap_or("file") {
                "file" => "file",
                "block" => "host_device",
                other => return Err(unsupported(format!("disk type '{other}' is not supported"))),
            };
            a.push(format!(
                "{{\"driver\":\"{proto}\",\"filename\":{},\"node-name\":\"libvirt-{node}-storage\",{storage_ro},\"discard\":\"unmap\"}}",
                json_str(path)
            ));
        }
        a.push("-blockdev".into());
        a.push(format!(
            "{{\"node-name\":\"{format_node}\",\"read-only\":{readonly},\"driver\":\"{fmt}\",\"file\":\"libvirt-{node}-storage\"}}"
        ));
    } else if device != "cdrom" {
        return Err(unsupported(format!(
            "disk '{}' has no source",
            child_attr(d, "target", "dev").unwrap_or("?")
        )));
    }
    let drive = if src.is_some() {
        format!(",drive={format_node}")
    } else {
        String::new()
    };
    let boot = bootindex.map_or(String::new(), |b| format!(",bootindex={b}"));
    let dev = match bus {
        "virtio" => {
            let addr = pci_device_args(d, q35).map_or(String::new(), |p| format!("{p},"));
            format!("virtio-blk-pci,{addr}id={dev_alias}{drive}{boot}")
        }
        "ide" | "sata" => {
            let (c, b, u) = drive_address(d, bus);
            let kind = if device == "cdrom" {
                "ide-cd"
            } else {
                "ide-hd"
            };
            // AHCI (q35's built-in controller): one unit per port, ports are ide.0 … ide.5
            let busname = if bus == "sata" {
                format!("ide.{}", c * 6 + u)
            } else if q35 {
                format!("ide.{}", c * 6 + b)
            } else {
                format!("ide.{b}")
            };
            let unit = if q35 || bus == "sata" {
                String::new()
            } else {
                format!(",unit={u}")
            };
            format!("{kind},bus={busname}{unit}{drive},id={dev_alias}{boot}")
        }
        "scsi" => {
            let (c, _b, u) = drive_address(d, bus);
            let kind = if device == "cdrom" {
                "scsi-cd"
            } else {
                "scsi-hd"
            };
            format!(
                "{kind},bus=scsi{c}.0,channel=0,scsi-id=0,lun={u},device_id=drive-{dev_alias}{drive},id={dev_alias}{boot}"
            )
        }
        other => return Err(unsupported(format!("disk bus '{other}' is not supported"))),
    };
    a.push("-device".into());
    a.push(dev);
    Ok(a)
}

/// The fdset id, fd numbers and storage `read-only` (one-fd groups) `mark_fdsets` gave a
/// disk's `<source fdgroup>`.
fn fdset_of(d: &Element) -> Option<(u32, Vec<i32>, Option<bool>)> {
    use crate::domain::fd_associate::{FDSET_FDS_MARK, FDSET_MARK, FDSET_RO_MARK};
    let s = d.child("source")?;
    let set = s.attr(FDSET_MARK)?.parse().ok()?;
    let fds = s
        .attr(FDSET_FDS_MARK)?
        .split(',')
        .map(|n| n.parse().ok())
        .collect::<Option<Vec<i32>>>()?;
    let ro = s.attr(FDSET_RO_MARK).map(|v| v == "true");
    Some((set, fds, ro))
}

/// `<disk type='network'><source protocol='iscsi' name='TARGET/LUN'><host name port/>`
/// → QEMU's libiscsi block driver (`block-iscsi.so`, Debian's qemu-block-extra).
fn iscsi_blockdev(d: &Element, name: &str, node: usize) -> VirResult<String> {
    let src = d.child("source");
    let proto = src.and_then(|s| s.attr("protocol")).unwrap_or("");
    if proto != "iscsi" {
        return Err(unsupported(format!(
            "network disk protocol '{proto}' is not supported"
        )));
    }
    let (target, lun) = name
        .rsplit_once('/')
        .and_then(|(t, l)| Some((t, l.parse::<u32>().ok()?)))
        .unwrap_or((name, 0));
    let host = src.and_then(|s| s.child("host"));
    let hname = host.and_then(|h| h.attr("name")).unwrap_or("localhost");
    let port = host.and_then(|h| h.attr("port")).unwrap_or("3260");
    let portal = if hname.contains(':') {
        format!("[{hname}]:{port}")
    } else {
        format!("{hname}:{port}")
    };
    let initiator = src
        .and_then(|s| s.child("initiator"))
        .and_then(|i| i.child("iqn"))
        .and_then(|i| i.attr("name"))
        .map_or(String::new(), |n| {
            format!(",\"initiator-name\":{}", json_str(n))
        });
    Ok(format!(
        "{{\"driver\":\"iscsi\",\"portal\":{},\"target\":{},\"lun\":{lun},\"transport\":\"tcp\"{initiator},\"node-name\":\"libvirt-{node}-storage\",\"auto-read-only\":true,\"discard\":\"unmap\"}}",
        json_str(&portal),
        json_str(target)
    ))
}
