//! `<serial>`, `<parallel>`, `<console>`, `<channel>`: sources, target ports, console compat.

use rvirt_core::error::VirResult;

use crate::domain::def::DomainDef;
use crate::domain::element::Element;
use crate::domain::parse::{internal, xml_err};

/// Source types whose `<source>` is not printed (pty only when live).
const NO_SOURCE: &[&str] = &[
    "pty",
    "vc",
    "null",
    "stdio",
    "spicevmc",
    "qemu-vdagent",
    "dbus",
];

/// Normalises one character device.
pub(crate) fn parse_chardev(d: &mut Element, _os_type: &str) -> VirResult<()> {
    let ty = d.attr("type").unwrap_or("pty").to_string();
    if d.attr("type").is_none() {
        d.set_attr("type", "pty");
    }
    let nsrc = d.children.iter().filter(|c| c.name == "source").count();
    if ty == "udp" {
        if nsrc > 2 {
            return Err(xml_err(
                "only two source elements are allowed for character device",
            ));
        }
    } else if nsrc > 1 {
        return Err(xml_err(
            "only one source element is allowed for character device",
        ));
    }
    if ty == "qemu-vdagent" {
        // only the `<clipboard>`/`<mouse>` options are kept
        for s in d.children.iter_mut().filter(|c| c.name == "source") {
            s.attrs.clear();
            s.children
                .retain(|c| c.name == "clipboard" || c.name == "mouse");
            s.order_children(&["clipboard", "mouse"]);
        }
        d.children
            .retain(|c| c.name != "source" || !c.children.is_empty());
    } else if NO_SOURCE.contains(&ty.as_str()) {
        d.remove_children("source");
    } else {
        check_sources(d, &ty)?;
        if let Some(s) = d.child_mut("source") {
            if (ty == "tcp" || ty == "udp" || ty == "unix") && s.attr("mode").is_none() {
                s.attrs.insert(0, ("mode".into(), "connect".into()));
            }
        }
        for s in d.children.iter_mut().filter(|c| c.name == "source") {
            s.order_attrs(&[
                "mode", "host", "service", "path", "append", "channel", "tls",
            ]);
        }
        if ty == "udp" {
            // the bind source is printed before the connect source
            let bind = d
                .children
                .iter()
                .position(|c| c.name == "source" && c.attr("mode") == Some("bind"));
            let first = d.children.iter().position(|c| c.name == "source");
            if let (Some(b), Some(f)) = (bind, first) {
                if b != f {
                    let e = d.children.remove(b);
                    d.children.insert(f, e);
                }
            }
        }
        if ty != "tcp" {
            d.remove_children("protocol");
        }
        if ty == "tcp" && d.child("protocol").is_none() {
            let mut p = Element::new("protocol");
            p.attrs.push(("type".into(), "raw".into()));
            let pos = d
                .children
                .iter()
                .position(|c| c.name == "source")
                .map_or(0, |p| p + 1);
            d.children.insert(pos, p);
        }
    }
    if let Some(t) = d.child_mut("target") {
        t.order_attrs(&["type", "name", "address", "port", "state"]);
    }
    d.order_children(&["source", "log", "protocol", "target", "alias", "address"]);
    Ok(())
}

/// `virDomainChrSourceDefParseXML` checks for the fields each source type needs.
fn check_sources(d: &mut Element, ty: &str) -> VirResult<()> {
    let srcs: Vec<&Element> = d.children.iter().filter(|c| c.name == "source").collect();
    match ty {
        "file" | "pipe" | "dev" if !srcs.iter().any(|s| s.attr("path").is_some()) => {
            return Err(internal("Missing source path attribute for char device"));
        }
        "unix" => {
            let no_path = srcs.first().is_none_or(|s| s.attr("path").is_none());
            if no_path {
                let virtio_channel = d.name == "channel"
                    && d.child("target").and_then(|t| t.attr("type")) == Some("virtio");
                if !virtio_channel {
                    return Err(internal("Missing source path attribute for char device"));
                }
                if d.child("source").is_some_and(|s| s.children.is_empty()) {
                    d.remove_children("source");
                }
            }
        }
        "tcp" => {
            let s = srcs.first();
            if s.and_then(|s| s.attr("host")).is_none() {
                return Err(internal("Missing source host attribute for char device"));
            }
            if s.and_then(|s| s.attr("service")).is_none() {
                return Err(internal("Missing source service attribute for char device"));
            }
        }
        "udp" => {
            let connect = srcs.iter().find(|s| s.attr("mode") != Some("bind"));
            if connect.and_then(|s| s.attr("service")).is_none() {
                return Err(internal("Missing source service attribute for char device"));
            }
        }
        _ => {}
    }
    Ok(())
}

fn port_of(e: &Element) -> Option<i64> {
    e.child("target")
        .and_then(|t| t.attr("port"))
        .and_then(|p| p.parse().ok())
}

fn set_port(e: &mut Element, port: i64) {
    let t = match e.children.iter().position(|c| c.name == "target") {
        Some(p) => &mut e.children[p],
        None => {
            let pos = e
                .children
                .iter()
                .position(|c| c.name != "source" && c.name != "log" && c.name != "protocol");
            let pos = pos.unwrap_or(e.children.len());
            e.children.insert(pos, Element::new("target"));
            &mut e.children[pos]
        }
    };
    t.set_attr("port", port.to_string());
    t.order_attrs(&["type", "name", "address", "port"]);
}

/// Port assignment for serial/parallel targets, then `virDomainDefAddConsoleCompat`.
pub(crate) fn add_console_compat(def: &mut DomainDef) {
    for kind in ["serial", "parallel"] {
        let mut max: i64 = -1;
        for d in def.devices.iter_mut().filter(|d| d.name == kind) {
            match port_of(d) {
                Some(p) => max = max.max(p),
                None => {
                    max += 1;
                    set_port(d, max);
                }
            }
        }
    }
    // a console's port is its index among the consoles as parsed
    for (i, d) in def
        .devices
        .iter_mut()
        .filter(|d| d.name == "console")
        .enumerate()
    {
        set_port(d, i as i64);
    }
    if def.os_type != "hvm" {
        for d in def.devices.iter_mut().filter(|d| d.name == "console") {
            let t = d.child_or_insert("target");
            if t.attr("type").is_none() {
                t.attrs.insert(0, ("type".into(), "serial".into()));
            }
            if t.attr("port").is_none() {
                t.set_attr("port", "0");
            }
            d.order_children(&["source", "log", "protocol", "target", "alias", "address"]);
        }
        return;
    }
    let first_console = def.devices.iter().position(|d| d.name == "console");
    match first_console {
        Some(ci)
            if def.devices[ci]
                .child("target")
                .and_then(|t| t.attr("type"))
                .is_none_or(|t| t == "serial") =>
        {
            let tt = def.devices[ci]
                .child("target")
                .and_then(|t| t.attr("type"))
                .map(str::to_string);
            if tt.is_none() || tt.as_deref() == Some("serial") {
                let has_serial = def.devices.iter().any(|d| d.name == "serial");
                if !has_serial {
                    let mut serial = def.devices[ci].clone();
                    serial.name = "serial".into();
                    if let Some(t) = serial.child_mut("target") {
                        t.remove_attr("type");
                    }
                    set_port(&mut serial, 0);
                    def.devices.push(serial);
                }
                let serial_port = def
                    .devices
                    .iter()
                    .find(|d| d.name == "serial")
                    .and_then(port_of)
                    .unwrap_or(0);
                // libvirt prints the first console from the first serial's definition
                if has_serial {
                    if let Some(s) = def.devices.iter().find(|d| d.name == "serial") {
                        let mut c = s.clone();
                        c.name = "console".into();
                        c.remove_children("target");
                        c.children.push(Element::new("target"));
                        def.devices[ci] = c;
                    }
                }
                let c = &mut def.devices[ci];
                let t = c.child_or_insert("target");
                t.set_attr("type", "serial");
                if t.attr("port").is_none() {
                    t.set_attr("port", serial_port.to_string());
                }
                t.order_attrs(&["type", "port"]);
                c.order_children(&["source", "log", "protocol", "target", "alias", "address"]);
            }
        }
        Some(_) | None => {
            if let Some(s) = def.devices.iter().find(|d| d.name == "serial") {
                let st = s.child("target").and_then(|t| t.attr("type")).unwrap_or("");
                if !["pci-serial", "usb-serial", "isa-debug"].contains(&st) {
                    let mut c = s.clone();
                    c.name = "console".into();
                    let port = port_of(s).unwrap_or(0);
                    let t = c.child_or_insert("target");
                    t.attrs = vec![
                        ("type".into(), "serial".into()),
                        ("port".into(), port.to_string()),
                    ];
                    t.children.clear();
                    c.order_children(&["source", "log", "protocol", "target", "alias", "address"]);
                    match first_console {
                        Some(ci) => def.devices.insert(ci, c),
                        None => def.devices.push(c),
                    }
                }
            }
        }
    }
    for d in def.devices.iter_mut().filter(|d| d.name == "console") {
        if d.child("target").and_then(|t| t.attr("port")).is_none() {
            let t = d.child_or_insert("target");
            t.set_attr("port", "0");
            t.order_attrs(&["type", "port"]);
        }
    }
}
