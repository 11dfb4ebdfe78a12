//! Devices without a dedicated model (input, memballoon, rng, hostdev, …): generic normalisation.

use rvirt_core::error::VirResult;

use crate::domain::element::Element;

/// Normalises devices kept as generic trees.
pub(crate) fn parse_misc(d: &mut Element) -> VirResult<()> {
    match d.name.as_str() {
        "input" => d.order_attrs(&["type", "bus", "model"]),
        "hostdev" => {
            if d.attr("mode") == Some("subsystem") && d.attr("managed").is_none() {
                d.set_attr("managed", "no");
            }
            d.order_attrs(&[
                "mode", "type", "managed", "sgio", "rawio", "model", "display", "ramfb",
            ]);
        }
        "smartcard" if d.attr("mode") == Some("passthrough") => {
            let ty = d.attr("type").unwrap_or("").to_string();
            if let Some(s) = d.child_mut("source") {
                if matches!(ty.as_str(), "tcp" | "udp" | "unix") && s.attr("mode").is_none() {
                    s.attrs.insert(0, ("mode".into(), "connect".into()));
                }
            }
            if ty != "tcp" {
                d.remove_children("protocol");
            }
        }
        "memballoon" => d.order_children(&["stats", "alias", "address", "driver"]),
        "redirfilter" => {
            for u in d.children.iter_mut().filter(|c| c.name == "usbdev") {
                fix_usbdev(u);
            }
        }
        "rng" => {
            if let Some(b) = d.child_mut("backend") {
                if b.attr("model") == Some("random") && b.text.is_none() {
                    b.text = Some("/dev/random".into());
                }
                let sock = matches!(b.attr("type"), Some("unix" | "tcp" | "udp"));
                if b.attr("model") == Some("egd") && sock {
                    for s in b.children.iter_mut().filter(|c| c.name == "source") {
                        if s.attr("mode").is_none() {
                            s.attrs.insert(0, ("mode".into(), "connect".into()));
                        }
                    }
                }
            }
        }
        "shmem" if d.child("model").is_none() => {
            let mut m = Element::new("model");
            m.attrs.push(("type".into(), "ivshmem".into()));
            d.children.insert(0, m);
        }
        "filesystem" => {
            if d.attr("type").is_none() {
                d.set_attr("type", "mount");
            }
            let socket = d.child("source").and_then(|s| s.attr("socket")).is_some();
            if d.attr("accessmode").is_none() && !socket {
                d.set_attr("accessmode", "passthrough");
            }
            for k in ["fmode", "dmode"] {
                if let Some(v) = d
                    .attr(k)
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
                {
                    d.set_attr(k, format!("{v:04o}"));
                }
            }
            d.order_attrs(&["type", "accessmode", "model", "multidevs", "fmode", "dmode"]);
        }
        _ => {}
    }
    Ok(())
}

/// `<redirfilter><usbdev>`: `-1` means "any" and is not printed; `version` is BCD `X.YY`.
fn fix_usbdev(u: &mut Element) {
    for k in ["class", "vendor", "product", "version"] {
        if u.attr(k).map(str::trim) == Some("-1") {
            u.remove_attr(k);
        }
    }
    if let Some(v) = u.attr("version").and_then(usb_version) {
        u.set_attr("version", v);
    }
}

/// `9.4` → `9.40`, `1.09` → `1.09`: the minor part is two BCD digits, left-aligned.
fn usb_version(v: &str) -> Option<String> {
    let (major, minor) = v.trim().split_once('.')?;
    let major = u32::from_str_radix(major, 16).ok()?;
    let minor = match minor.len() {
        1 => u32::from_str_radix(minor, 16).ok()? << 4,
        2 => u32::from_str_radix(minor, 16).ok()?,
        _ => return None,
    };
    Some(format!("{major:x}.{minor:02x}"))
}
