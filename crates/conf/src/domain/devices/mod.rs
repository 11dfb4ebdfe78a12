//! `<devices>`: per-family normalisation, implicit devices, and libvirt's device order.

mod address;
mod chardev;
mod controller;
mod disk;
mod graphics;
mod interface;
mod misc;
mod video;

use rvirt_core::error::VirResult;

use super::def::DomainDef;
use super::element::Element;

pub use address::normalize_address;
pub(crate) use chardev::add_console_compat;
pub(crate) use controller::{add_implicit_controllers, assign_controller_indexes};
pub(crate) use disk::disk_info;
pub(crate) use interface::{generate_ifnames, interface_info};
pub(crate) use video::add_implicit_video;

/// Device element names in the order `virDomainDefFormat` prints them.
pub const DEVICE_ORDER: &[&str] = &[
    "emulator",
    "disk",
    "controller",
    "lease",
    "filesystem",
    "interface",
    "smartcard",
    "serial",
    "parallel",
    "console",
    "channel",
    "input",
    "tpm",
    "graphics",
    "sound",
    "audio",
    "video",
    "hostdev",
    "redirdev",
    "redirfilter",
    "hub",
    "watchdog",
    "memballoon",
    "rng",
    "nvram",
    "panic",
    "shmem",
    "memory",
    "iommu",
    "vsock",
    "crypto",
];

/// Parses and normalises each device in place.
pub(crate) fn parse_devices(def: &mut DomainDef, hooks: &dyn super::DriverHooks) -> VirResult<()> {
    let video_model = hooks.default_video_model(def);
    let mut devs = std::mem::take(&mut def.devices);
    devs.retain(|d| DEVICE_ORDER.contains(&d.name.as_str()));
    controller::order_parsed_controllers(&mut devs);
    disk::order_parsed_disks(&mut devs);
    for d in devs.iter_mut() {
        address::normalize_all(d)?;
        if let Some(b) = d.child_mut("boot") {
            // `<boot loadparm>` is stored upper-case
            if let Some(lp) = b.attr("loadparm").map(str::to_ascii_uppercase) {
                b.set_attr("loadparm", lp);
            }
        }
        match d.name.as_str() {
            "disk" => disk::parse_disk(d)?,
            "controller" => controller::parse_controller(d)?,
            "interface" => interface::parse_interface(d)?,
            "serial" | "parallel" | "console" | "channel" | "redirdev" => {
                chardev::parse_chardev(d, &def.os_type)?
            }
            "graphics" => graphics::parse_graphics(d)?,
            "video" => video::parse_video(d, &video_model)?,
            _ => misc::parse_misc(d)?,
        }
    }
    // `virDomainPanicDefFormat` prints nothing for a `<panic/>` without model or address
    devs.retain(|d| !(d.name == "panic" && d.attrs.is_empty() && d.children.is_empty()));
    def.devices = devs;
    Ok(())
}

/// Sorts devices into libvirt's order (stable within a family).
pub(crate) fn sort_devices<E: std::borrow::Borrow<Element>>(devs: &mut [E]) {
    devs.sort_by_key(|d| {
        DEVICE_ORDER
            .iter()
            .position(|n| *n == d.borrow().name)
            .unwrap_or(DEVICE_ORDER.len())
    });
}
