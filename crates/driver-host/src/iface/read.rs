//! Building `virInterfaceDef` from sysfs (`udevGetIfaceDef` and its bond/bridge/VLAN helpers).

use crate::linkinfo;
use crate::sysfs;
use rvirt_conf::interface::{BondDef, BridgeDef, InterfaceDef, InterfaceType, VlanDef};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::path::Path;

const DOM: ErrorDomain = ErrorDomain::Interface;
const MAX_DEPTH: usize = 4;

fn internal(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::InternalError, DOM, detail)
}

/// "couldn't find interface named '…'" (`VIR_ERR_NO_INTERFACE`).
pub fn no_such_name(name: &str) -> VirError {
    VirError::new(
        ErrorCode::NoInterface,
        DOM,
        format!("couldn't find interface named '{name}'"),
    )
}

/// Whether `name` is a plain, existing entry of `class/net` (no path tricks).
fn net_dir(root: &Path, name: &str) -> Option<std::path::PathBuf> {
    if name.is_empty() || name.contains('/') || name == "." || name == ".." {
        return None;
    }
    let d = root.join("class/net").join(name);
    d.exists().then_some(d)
}

/// Names of the interfaces the udev backend enumerates (subsystem `net`, no `tun_flags`),
/// sorted, each with its MAC and whether its operstate is `up`.
pub fn list_names(root: &Path) -> Vec<(String, String, bool)> {
    let base = root.join("class/net");
    sysfs::list_dir(&base)
        .into_iter()
        .filter(|n| !base.join(n).join("tun_flags").exists())
        .map(|n| {
            let d = base.join(&n);
            let mac = sysfs::attr(&d, "address").unwrap_or_default();
            let up = sysfs::attr(&d, "operstate").as_deref() == Some("up");
            (n, mac, up)
        })
        .collect()
}

/// `virInterfaceIsActive` for the udev backend: operstate is `up`.
pub fn is_active(root: &Path, name: &str) -> VirResult<bool> {
    let d = net_dir(root, name).ok_or_else(|| no_such_name(name))?;
    Ok(sysfs::attr(&d, "operstate").as_deref() == Some("up"))
}

fn int_attr(dir: &Path, attr: &str, name: &str) -> VirResult<i64> {
    let s = sysfs::attr(dir, attr)
        .ok_or_else(|| internal(format!("Could not retrieve '{attr}' for '{name}'")))?;
    s.trim()
        .parse()
        .map_err(|_| internal(format!("Could not parse '{attr}' '{s}' for '{name}'")))
}

/// `"balance-rr 0"` → the number after the space.
fn word_number(dir: &Path, attr: &str, name: &str) -> VirResult<i64> {
    let s = sysfs::attr(dir, attr)
        .ok_or_else(|| internal(format!("Could not retrieve '{attr}' for '{name}'")))?;
    let (_, num) = s
        .split_once(' ')
        .ok_or_else(|| internal(format!("Invalid format for '{attr}' for '{name}'")))?;
    num.trim()
        .parse()
        .map_err(|_| internal(format!("Could not parse '{attr}' '{s}' for '{name}'")))
}

const BOND_MODES: &[&str] = &[
    "balance-rr",
    "active-backup",
    "balance-xor",
    "broadcast",
    "802.3ad",
    "balance-tlb",
    "balance-alb",
];

fn bond_def(root: &Path, dir: &Path, name: &str, depth: usize) -> VirResult<BondDef> {
    let downdelay = int_attr(dir, "bonding/downdelay", name)?;
    let updelay = int_attr(dir, "bonding/updelay", name)?;
    let freq = int_attr(dir, "bonding/miimon", name)?;
    let interval = int_attr(dir, "bonding/arp_interval", name)?;
    let mode = word_number(dir, "bonding/mode", name)?;
    let validate = word_number(dir, "bonding/arp_validate", name)?;
    let carrier = int_attr(dir, "bonding/use_carrier", name)?;
    let target = sysfs::attr(dir, "bonding/arp_ip_target").ok_or_else(|| {
        internal(format!(
            "Could not retrieve 'bonding/arp_ip_target' for '{name}'"
        ))
    })?;
    let mut def = BondDef {
        mode: usize::try_from(mode)
            .ok()
            .and_then(|m| BOND_MODES.get(m))
            .map(|s| s.to_string()),
        ..BondDef::default()
    };
    if interval > 0 {
        let v = match validate {
            1 => Some("active".to_string()),
            2 => Some("backup".to_string()),
            3 => Some("all".to_string()),
            _ => None,
        };
        def.arpmon = Some([Some(interval.to_string()), Some(target), v]);
    } else if freq > 0 {
        let c = match carrier {
            0 => Some("ioctl".to_string()),
            1 => Some("netif".to_string()),
            _ => None,
        };
        def.miimon = Some([
            Some(freq.to_string()),
            (downdelay > 0).then(|| downdelay.to_string()),
            (updelay > 0).then(|| updelay.to_string()),
            c,
        ]);
    }
    let mut slaves: Vec<String> = sysfs::list_dir(dir)
        .into_iter()
        .filter_map(|e| {
            e.strip_prefix("slave_")
                .or_else(|| e.strip_prefix("lower_"))
                .map(str::to_string)
        })
        .collect();
    slaves.sort();
    slaves.dedup();
    for s in slaves {
        if s.is_empty() {
            return Err(internal(format!(
                "Invalid enslaved interface name '{s}' seen for bond '{name}'"
            )));
        }
        let d = read_def(root, &s, false, depth + 1).map_err(|_| {
            internal(format!(
                "Could not get interface information for '{s}', which is a enslaved in bond '{name}'"
            ))
        })?;
        def.slaves.push(d);
    }
    Ok(def)
}

/// A bridge member named `vnetN` is a guest's tap and left out, as libvirt does.
fn is_guest_tap(n: &str) -> bool {
    n.len() >= 5 && n.starts_with("vnet") && n.as_bytes()[4].is_ascii_digit()
}

fn bridge_def(root: &Path, dir: &Path, name: &str, depth: usize) -> VirResult<BridgeDef> {
    let delay = sysfs::attr(dir, "bridge/forward_delay").ok_or_else(|| {
        internal(format!(
            "Could not retrieve 'bridge/forward_delay' for '{name}'"
        ))
    })?;
    let stp = int_attr(dir, "bridge/stp_state", name)?;
    let stp = match stp {
        -1 => None,
        0 => Some("off".to_string()),
        1 => Some("on".to_string()),
        other => {
            return Err(internal(format!(
                "Invalid STP state value {other} received for '{name}'. Must be -1, 0, or 1."
            )))
        }
    };
    let brif = dir.join("brif");
    if !brif.is_dir() {
        return Err(VirError::raw(
            ErrorCode::SystemError,
            DOM,
            format!("Could not get members of bridge '{name}': No such file or directory"),
        ));
    }
    let mut ports = Vec::new();
    for m in sysfs::list_dir(&brif) {
        if is_guest_tap(&m) {
            continue;
        }
        let d = read_def(root, &m, false, depth + 1).map_err(|_| {
            internal(format!(
                "Could not get interface information for '{m}', which is a member of bridge '{name}'"
            ))
        })?;
        ports.push(d);
    }
    Ok(BridgeDef {
        stp,
        delay: Some(delay),
        ports,
    })
}

fn vlan_def(name: &str) -> VirResult<VlanDef> {
    let (dev, tag) = name.rsplit_once('.').ok_or_else(|| {
        internal(format!(
            "failed to find the VID for the VLAN device '{name}'"
        ))
    })?;
    Ok(VlanDef {
        tag: Some(tag.to_string()),
        device: Some(dev.to_string()),
    })
}

fn read_def(root: &Path, name: &str, top: bool, depth: usize) -> VirResult<InterfaceDef> {
    if depth > MAX_DEPTH {
        return Err(internal(format!("interface '{name}' nested too deeply")));
    }
    let dir = net_dir(root, name).ok_or_else(|| no_such_name(name))?;
    let mac = sysfs::attr(&dir, "address");
    let mtu_s = sysfs::attr(&dir, "mtu").unwrap_or_default();
    let mtu: u32 = mtu_s
        .trim()
        .parse()
        .map_err(|_| internal(format!("Could not parse MTU value '{mtu_s}'")))?;
    let props = sysfs::uevent(&dir);
    let devtype = sysfs::uevent_get(&props, "DEVTYPE");
    let mut if_type = match devtype.as_deref() {
        Some("vlan") => InterfaceType::Vlan,
        Some("bridge") => InterfaceType::Bridge,
        Some("bond") => InterfaceType::Bond,
        _ => InterfaceType::Ethernet,
    };
    if if_type == InterfaceType::Ethernet {
        if name.contains('.') {
            if_type = InterfaceType::Vlan;
        }
        if dir.join("bonding/mode").exists() {
            if_type = InterfaceType::Bond;
        }
    }
    let link = linkinfo::link_info(&dir).map_err(internal)?;
    let mut def = InterfaceDef {
        name: name.to_string(),
        if_type,
        start_mode: None,
        mtu: (top && mtu != 0).then_some(mtu),
        mac,
        link_speed: (link.speed != 0).then_some(link.speed),
        link_state: link.state,
        protocols: Vec::new(),
        bridge: None,
        bond: None,
        vlan: None,
    };
    match if_type {
        InterfaceType::Vlan => def.vlan = Some(vlan_def(name)?),
        InterfaceType::Bridge => def.bridge = Some(bridge_def(root, &dir, name, depth)?),
        InterfaceType::Bond => def.bond = Some(bond_def(root, &dir, name, depth)?),
        InterfaceType::Ethernet => {}
    }
    Ok(def)
}

/// The interface definition the udev backend builds for `name` (`udevGetIfaceDef`).
pub fn interface_def(root: &Path, name: &str) -> VirResult<InterfaceDef> {
    read_def(root, name, true, 0)
}
