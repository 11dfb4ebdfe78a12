//! `<serial>`, `<console>`, `<channel>` → `-chardev` + `-device` (`qemuBuildChrDeviceStr`).

use super::util::{alias, child_attr, qemu_escape, unsupported};
use rvirt_conf::domain::Element;
use rvirt_core::error::VirResult;
use std::path::Path;

/// The `-chardev` backend for a character device; `id` is `char<alias>`.
fn backend(d: &Element, id: &str) -> VirResult<String> {
    let src = d.child("source");
    let log = d.child("log").and_then(|l| {
        l.attr("file").map(|f| {
            let append = if l.attr("append") == Some("on") {
                "on"
            } else {
                "off"
            };
            format!(",logfile={},logappend={append}", qemu_escape(f))
        })
    });
    let log = log.unwrap_or_default();
    Ok(match d.attr("type").unwrap_or("pty") {
        "pty" => format!("pty,id={id}{log}"),
        "null" => format!("null,id={id}{log}"),
        "file" => {
            let path = src
                .and_then(|s| s.attr("path"))
                .ok_or_else(|| unsupported("file character device needs a source path"))?;
            format!("file,id={id},path={}{log}", qemu_escape(path))
        }
        "unix" => {
            let path = src
                .and_then(|s| s.attr("path"))
                .ok_or_else(|| unsupported("unix character device needs a source path"))?;
            let server = if src.and_then(|s| s.attr("mode")) == Some("connect") {
                ""
            } else {
                ",server=on,wait=off"
            };
            format!("socket,id={id},path={}{server}{log}", qemu_escape(path))
        }
        other => {
            return Err(unsupported(format!(
                "character device type '{other}' is not supported"
            )))
        }
    })
}

/// Fills in the socket path of `<channel type='unix'>` without a source (libvirt generates it).
pub fn prepare_channel(d: &mut Element, domain_dir: &Path) {
    if d.name != "channel" || d.attr("type") != Some("unix") {
        return;
    }
    let has_path = d.child("source").and_then(|s| s.attr("path")).is_some();
    if has_path {
        return;
    }
    let name = child_attr(d, "target", "name")
        .unwrap_or("channel")
        .to_string();
    let path = domain_dir.join(&name).display().to_string();
    let src = d.child_or_insert("source");
    src.set_attr("mode", "bind");
    src.set_attr("path", path);
    let src = d.children.pop();
    if let Some(src) = src {
        d.children.insert(0, src);
    }
}

/// Arguments for one serial/console/channel device.
pub fn chardev_args(d: &Element, isa_index: &mut u32) -> VirResult<Vec<String>> {
    let al = alias(d).unwrap_or("serial0").to_string();
    let target_type = child_attr(d, "target", "type");
    if d.name == "console" && target_type != Some("virtio") {
        // a serial console is the same device as serial0: nothing of its own
        return Ok(Vec::new());
    }
    let id = format!("char{al}");
    let mut a = vec!["-chardev".into(), backend(d, &id)?];
    let dev = match (d.name.as_str(), target_type) {
        ("serial", _) => {
            let idx = *isa_index;
            *isa_index += 1;
            format!("isa-serial,chardev={id},id={al},index={idx}")
        }
        ("console", Some("virtio")) => {
            format!("virtconsole,bus=virtio-serial0.0,chardev={id},id={al}")
        }
        ("channel", Some("virtio")) => {
            let port = d
                .child("address")
                .filter(|x| x.attr("type") == Some("virtio-serial"))
                .and_then(|x| x.attr("port"))
                .unwrap_or("1");
            let name = child_attr(d, "target", "name")
                .map_or(String::new(), |n| format!(",name={}", qemu_escape(n)));
            format!("virtserialport,bus=virtio-serial0.0,nr={port},chardev={id},id={al}{name}")
        }
        (kind, t) => {
            return Err(unsupported(format!(
                "{kind} target type '{}' is not supported",
                t.unwrap_or("")
            )))
        }
    };
    a.push("-device".into());
    a.push(dev);
    Ok(a)
}

/// Assigns virtio-serial port numbers (`<address type='virtio-serial' … port='N'/>`).
pub fn assign_virtio_serial_ports(devs: &mut [Element]) {
    let mut port = 1;
    for d in devs.iter_mut() {
        let virtio = matches!(d.name.as_str(), "channel" | "console")
            && child_attr(d, "target", "type") == Some("virtio");
        if !virtio || d.child("address").is_some() {
            continue;
        }
        let mut a = Element::new("address");
        for (k, v) in [
            ("type", "virtio-serial".to_string()),
            ("controller", "0".to_string()),
            ("bus", "0".to_string()),
            ("port", port.to_string()),
        ] {
            a.attrs.push((k.into(), v));
        }
        port += 1;
        d.children.push(a);
    }
}
