//! `<graphics type='vnc'>` → `-vnc`, and `<video>` → `-device VGA|cirrus-vga|…`.

use super::context::BuildContext;
use super::pci::pci_device_args;
use super::util::{alias, child_attr, qemu_escape, unsupported};
use rvirt_conf::domain::Element;
use rvirt_core::error::VirResult;

/// Picks the first free VNC port from 5900 (`autoport='yes'`).
fn pick_port(ctx: &BuildContext, listen: &str) -> u16 {
    (5900u16..65535)
        .find(|p| {
            !ctx.vnc_ports_in_use.contains(p)
                && (!ctx.probe_ports || std::net::TcpListener::bind((listen, *p)).is_ok())
        })
        .unwrap_or(5900)
}

/// Resolves ports and socket paths in `<graphics>` (live XML) and returns `-vnc`'s value.
pub fn prepare_vnc(d: &mut Element, ctx: &BuildContext) -> VirResult<Option<String>> {
    match d.attr("type") {
        Some("vnc") => {}
        Some(other) => {
            return Err(unsupported(format!(
                "graphics type '{other}' is not supported"
            )))
        }
        None => return Ok(None),
    }
    let listen_el = d.child("listen").cloned();
    if listen_el.as_ref().and_then(|l| l.attr("type")) == Some("none") {
        return Ok(Some("none".into()));
    }
    let socket = d.attr("socket").map(str::to_string).or_else(|| {
        listen_el
            .as_ref()
            .filter(|l| l.attr("type") == Some("socket"))
            .map(|l| {
                l.attr("socket")
                    .map(str::to_string)
                    .unwrap_or_else(|| ctx.domain_dir.join("vnc.sock").display().to_string())
            })
    });
    let password = if d.attr("passwd").is_some() {
        ",password=on"
    } else {
        ""
    };
    if let Some(sock) = socket {
        d.set_attr("socket", sock.clone());
        if let Some(l) = d.child_mut("listen") {
            l.set_attr("socket", sock.clone());
        }
        return Ok(Some(format!("unix:{}{password}", qemu_escape(&sock))));
    }
    let listen = d
        .attr("listen")
        .map(str::to_string)
        .or_else(|| {
            listen_el
                .as_ref()
                .and_then(|l| l.attr("address").map(str::to_string))
        })
        .unwrap_or_else(|| "127.0.0.1".into());
    let autoport = d.attr("autoport") == Some("yes")
        || d.attr("port").is_none()
        || d.attr("port") == Some("-1");
    let port = if autoport {
        let p = pick_port(ctx, &listen);
        d.set_attr("port", p.to_string());
        d.set_attr("autoport", "yes");
        p
    } else {
        d.attr("port").and_then(|p| p.parse().ok()).unwrap_or(5900)
    };
    if port < 5900 {
        return Err(unsupported(format!("VNC port {port} is below 5900")));
    }
    d.set_attr("listen", listen.clone());
    // the live XML carries the address in the first `<listen type='address'>` too
    match d.child_mut("listen") {
        Some(l) if l.attr("type") == Some("address") => l.set_attr("address", listen.clone()),
        Some(_) => {}
        None => {
            let mut l = Element::new("listen");
            l.set_attr("type", "address");
            l.set_attr("address", listen.clone());
            d.children.insert(0, l);
        }
    }
    let host = if listen.contains(':') {
        format!("[{listen}]")
    } else {
        listen
    };
    Ok(Some(format!("{host}:{}{password}", port - 5900)))
}

/// `-device` for one `<video>`.
pub fn video_args(d: &Element, q35: bool) -> VirResult<Vec<String>> {
    let model = child_attr(d, "model", "type").unwrap_or("vga");
    let primary = child_attr(d, "model", "primary") == Some("yes");
    let dev = match (model, primary) {
        ("none", _) => return Ok(Vec::new()),
        ("vga", _) => "VGA",
        ("cirrus", _) => "cirrus-vga",
        ("virtio", true) => "virtio-vga",
        ("virtio", false) => "virtio-gpu-pci",
        ("bochs", _) => "bochs-display",
        ("qxl", true) => "qxl-vga",
        ("qxl", false) => "qxl",
        (other, _) => {
            return Err(unsupported(format!(
                "video model '{other}' is not supported"
            )))
        }
    };
    let mut s = format!("{dev},id={}", alias(d).unwrap_or("video0"));
    if matches!(model, "vga" | "cirrus" | "qxl") {
        let vram: u64 = child_attr(d, "model", "vram")
            .and_then(|v| v.parse().ok())
            .unwrap_or(16384);
        s += &format!(",vgamem_mb={}", (vram / 1024).max(1));
    }
    if let Some(p) = pci_device_args(d, q35) {
        s += &format!(",{p}");
    }
    Ok(vec!["-device".into(), s])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::caps::QemuCaps;
    use std::path::PathBuf;

    fn ctx(in_use: Vec<u16>) -> BuildContext {
        BuildContext {
            caps: QemuCaps::fixture_7_2(),
            id: 1,
            domain_dir: PathBuf::from("/run/d"),
            vnc_ports_in_use: in_use,
            probe_ports: false,
            seccomp_sandbox: -1,
        }
    }

    fn el(xml: &str) -> Element {
        let doc = roxmltree::Document::parse(xml).unwrap();
        Element::from_node(doc.root_element())
    }

    #[test]
    fn autoport_takes_first_free_and_fills_listen() {
        let mut g =
            el("<graphics type='vnc' port='-1' autoport='yes'><listen type='address'/></graphics>");
        let v = prepare_vnc(&mut g, &ctx(vec![5900, 5901])).unwrap();
        assert_eq!(v.as_deref(), Some("127.0.0.1:2"));
        assert_eq!(g.attr("port"), Some("5902"));
        assert_eq!(g.attr("listen"), Some("127.0.0.1"));
        let l = g.child("listen").unwrap();
        assert_eq!(l.attr("address"), Some("127.0.0.1"));
    }

    #[test]
    fn fixed_port_ipv6_and_password() {
        let mut g = el("<graphics type='vnc' port='5907' autoport='no' listen='::1' passwd='x'/>");
        let v = prepare_vnc(&mut g, &ctx(Vec::new())).unwrap();
        assert_eq!(v.as_deref(), Some("[::1]:7,password=on"));
        assert_eq!(g.child("listen").unwrap().attr("address"), Some("::1"));
    }

    #[test]
    fn unix_socket_and_none() {
        let mut g = el("<graphics type='vnc'><listen type='socket'/></graphics>");
        let v = prepare_vnc(&mut g, &ctx(Vec::new())).unwrap();
        assert_eq!(v.as_deref(), Some("unix:/run/d/vnc.sock"));
        assert_eq!(g.attr("socket"), Some("/run/d/vnc.sock"));
        assert_eq!(
            g.child("listen").unwrap().attr("socket"),
            Some("/run/d/vnc.sock")
        );
        let mut g = el("<graphics type='vnc'><listen type='none'/></graphics>");
        assert_eq!(
            prepare_vnc(&mut g, &ctx(Vec::new())).unwrap().as_deref(),
            Some("none")
        );
        let mut g = el("<graphics type='vnc' port='5800' autoport='no'/>");
        assert!(prepare_vnc(&mut g, &ctx(Vec::new())).is_err());
    }
}
