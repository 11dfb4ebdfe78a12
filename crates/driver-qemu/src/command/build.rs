//! The command-line builder: prepares the live definition (aliases, PCI addresses, socket
//! paths, VNC ports) and emits the arguments in libvirt's order.

use super::alias::assign_aliases;
use super::chardev::{assign_virtio_serial_ports, chardev_args, prepare_channel};
use super::context::{BuildContext, QemuCommand};
use super::disk::disk_args;
use super::graphics::{prepare_vnc, video_args};
use super::machine::{boot_devs, head_args};
use super::misc::{balloon_args, controller_args, input_args, rng_args};
use super::net::interface_args;
use super::pci::assign_pci;
use super::util::{child_attr, unsupported};
use crate::conf_adapt::is_q35;
use rvirt_conf::domain::{DomainDef, Element};
use rvirt_core::error::VirResult;
use std::collections::HashMap;
use std::path::PathBuf;

/// The guest agent's channel name.
pub const AGENT_CHANNEL: &str = "org.qemu.guest_agent.0";

/// Boot indexes: per-device `<boot order>` wins; otherwise `<os><boot dev>` order picks
/// the first disk / cdrom / NIC of each kind.
fn boot_indexes(def: &DomainDef) -> HashMap<usize, u32> {
    let mut out = HashMap::new();
    for (i, d) in def.devices.iter().enumerate() {
        if let Some(o) = child_attr(d, "boot", "order").and_then(|v| v.parse().ok()) {
            out.insert(i, o);
        }
    }
    if !out.is_empty() {
        return out;
    }
    let mut n = 1;
    for dev in boot_devs(def) {
        let pos = def.devices.iter().position(|d| match dev.as_str() {
            "hd" => d.name == "disk" && d.attr("device").unwrap_or("disk") == "disk",
            "cdrom" => d.name == "disk" && d.attr("device") == Some("cdrom"),
            "network" => d.name == "interface",
            _ => false,
        });
        if let Some(p) = pos {
            out.entry(p).or_insert_with(|| {
                n += 1;
                n - 1
            });
        }
    }
    out
}

/// Builds the QEMU command line for `def`, recording aliases, addresses, generated
/// socket paths and VNC ports in `def` (which thereby becomes the live definition).
pub fn build_command(def: &mut DomainDef, ctx: &BuildContext) -> VirResult<QemuCommand> {
    let q35 = is_q35(def);
    let binary = def
        .devices
        .iter()
        .find(|d| d.name == "emulator")
        .and_then(|e| e.text.clone())
        .unwrap_or_else(|| ctx.caps.binary.clone());
    for d in def.devices.iter_mut() {
        prepare_channel(d, &ctx.domain_dir);
    }
    assign_virtio_serial_ports(&mut def.devices);
    assign_aliases(def, q35);
    super::memory::assign_memory_slots(def)?;
    assign_pci(def, q35)?;
    let boot = boot_indexes(def);
    let monitor = ctx.domain_dir.join("monitor.sock");
    let mut args = head_args(def, ctx, &monitor.display().to_string())?;
    let ndisks = def.devices.iter().filter(|d| d.name == "disk").count();
    let (mut disk_i, mut nic_i, mut isa_serial) = (0usize, 0usize, 0u32);
    let mut vnc: Option<String> = None;
    let mut tail: Vec<String> = Vec::new();
    let mut agent_path = None;
    for (i, d) in def.devices.iter_mut().enumerate() {
        let b = boot.get(&i).copied();
        let part: Vec<String> = match d.name.as_str() {
            // memory devices go with -m/-smp (head_args)
            "emulator" | "audio" | "memory" => Vec::new(),
            "controller" => controller_args(d, q35)?,
            "disk" => {
                disk_i += 1;
                disk_args(d, ndisks + 1 - disk_i, b, q35)?
            }
            "interface" => {
                nic_i += 1;
                interface_args(d, nic_i - 1, b, q35)?
            }
            "serial" | "console" | "channel" => {
                if d.name == "channel" && child_attr(d, "target", "name") == Some(AGENT_CHANNEL) {
                    agent_path = d
                        .child("source")
                        .and_then(|s| s.attr("path"))
                        .map(PathBuf::from);
                }
                chardev_args(d, &mut isa_serial)?
            }
            "graphics" => {
                if vnc.is_some() {
                    return Err(unsupported("only one VNC display is supported"));
                }
                vnc = prepare_vnc(d, ctx)?;
                Vec::new()
            }
            "video" => {
                tail.extend(video_args(d, q35)?);
                Vec::new()
            }
            "memballoon" => {
                tail.extend(balloon_args(d, q35)?);
                Vec::new()
            }
            "rng" => {
                tail.extend(rng_args(d, q35)?);
                Vec::new()
            }
            "input" => input_args(d)?,
            other => {
                return Err(unsupported(format!(
                    "device '{other}' is not supported by the QEMU driver yet"
                )))
            }
        };
        args.extend(part);
    }
    args.push("-audiodev".into());
    args.push("{\"id\":\"audio1\",\"driver\":\"none\"}".into());
    match vnc {
        Some(v) => {
            args.push("-vnc".into());
            args.push(format!("{v},audiodev=audio1"));
        }
        None => {
            args.push("-display".into());
            args.push("none".into());
        }
    }
    args.extend(tail);
    args.push("-sandbox".into());
    args.push(seccomp_arg(ctx.seccomp_sandbox).into());
    args.push("-msg".into());
    args.push("timestamp=on".into());
    Ok(QemuCommand {
        binary,
        args,
        monitor_path: monitor,
        agent_path,
    })
}

/// `-sandbox` (`qemuBuildSeccompSandboxCommandLine`): QEMU's seccomp filter with the
/// obsolete, privilege-raising, process-spawning and resource-control syscall groups
/// denied, or explicitly off. QEMU never needs to spawn: save, restore and memory snapshots
/// pass their files over the monitor (`fd:` migration URIs, `domain/fd_migrate.rs`).
fn seccomp_arg(setting: i32) -> &'static str {
    match setting {
        0 => "off",
        _ => "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny",
    }
}

/// The guest agent's socket path in a live definition, if it has an agent channel.
pub fn agent_path(def: &DomainDef) -> Option<PathBuf> {
    let ch: &Element = def
        .devices
        .iter()
        .find(|d| d.name == "channel" && child_attr(d, "target", "name") == Some(AGENT_CHANNEL))?;
    ch.child("source")
        .and_then(|s| s.attr("path"))
        .map(PathBuf::from)
}
