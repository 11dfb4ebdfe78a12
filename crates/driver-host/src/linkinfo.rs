//! Interface link state and speed (`virNetDevGetLinkInfo`), read from sysfs.

use crate::sysfs;
use std::path::Path;

/// `virNetDevIfState` names; index 0 means "not set".
pub const IF_STATES: &[&str] = &[
    "",
    "unknown",
    "notpresent",
    "down",
    "lowerlayerdown",
    "testing",
    "dormant",
    "up",
];

/// `<link speed state/>` data (`virNetDevIfLink`): speed 0 and state `None` are "unset".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkInfo {
    pub speed: u32,
    pub state: Option<String>,
}

/// Reads `operstate`, and `speed` of an up Ethernet-type device, as libvirt does.
/// Errors carry libvirt's detail text.
pub fn link_info(netdir: &Path) -> Result<LinkInfo, String> {
    let state = sysfs::attr(netdir, "operstate")
        .ok_or_else(|| format!("cannot read {}", netdir.join("operstate").display()))?;
    if !IF_STATES.iter().skip(1).any(|s| *s == state) {
        return Err(format!("unable to parse: {state}"));
    }
    let mut info = LinkInfo {
        speed: 0,
        state: Some(state.clone()),
    };
    if state != "up" {
        return Ok(info);
    }
    // Only Ethernet-type (ARPHRD_ETHER) devices report a meaningful speed.
    let ty = sysfs::attr(netdir, "type").unwrap_or_default();
    if ty.trim().parse::<u32>().ok() != Some(1) {
        return Ok(info);
    }
    match sysfs::attr_result(netdir, "speed") {
        Ok(s) => {
            info.speed =
                sysfs::parse_ui_wrapping(&s).ok_or_else(|| format!("Unable to parse: {s}"))?;
        }
        Err(_) => info.speed = 0,
    }
    Ok(info)
}
