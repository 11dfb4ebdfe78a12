//! `<graphics>`: autoport and `<listen>` defaults.

use rvirt_core::error::VirResult;

use crate::domain::element::Element;
use crate::domain::parse::unsupported;

/// Normalises one `<graphics>`.
pub(crate) fn parse_graphics(d: &mut Element) -> VirResult<()> {
    let ty = d.attr("type").unwrap_or("").to_string();
    if ty == "vnc" || ty == "spice" {
        let port = d.attr("port").and_then(|p| p.parse::<i64>().ok());
        let autoport = d.attr("autoport") == Some("yes");
        let first_listen_socket = d
            .children
            .iter()
            .find(|c| c.name == "listen")
            .filter(|l| l.attr("type") == Some("socket"))
            .map(|l| l.attr("socket").map(str::to_string));
        if ty == "vnc" && d.attr("socket").is_none() {
            if let Some(Some(s)) = &first_listen_socket {
                d.set_attr("socket", s.clone());
            }
        }
        if ty == "vnc" && (d.attr("socket").is_some() || first_listen_socket.is_some()) {
            d.remove_attr("listen");
            d.remove_attr("port");
            d.remove_attr("autoport");
        } else if ty == "vnc" && (port.is_none() || port == Some(-1) || autoport) {
            d.set_attr("port", "-1");
            d.set_attr("autoport", "yes");
        } else if ty == "spice" && (port == Some(-1) || autoport) {
            d.set_attr("autoport", "yes");
            if port.is_some() {
                d.set_attr("port", "-1");
            }
        }
        if autoport && ty == "spice" {
            d.remove_attr("tlsPort");
            d.remove_attr("port");
        }
        let has_socket_listen = d
            .children
            .iter()
            .any(|c| c.name == "listen" && c.attr("type") == Some("socket"));
        if ty == "spice" && !has_socket_listen && spice_without_ports(d) {
            // no port, TLS port or autoport: libvirt replaces any listen with `type='none'`
            d.remove_attr("autoport");
            d.remove_attr("listen");
            d.remove_children("listen");
            let mut l = Element::new("listen");
            l.attrs.push(("type".into(), "none".into()));
            d.children.insert(0, l);
        }
        let listen_attr = d.attr("listen").map(str::to_string);
        let socket_attr = d.attr("socket").map(str::to_string);
        let has_listen = d.children.iter().any(|c| c.name == "listen");
        if let Some(first) = d.children.iter().find(|c| c.name == "listen") {
            if let Some(la) = &listen_attr {
                let found = first.attr("address").unwrap_or("");
                if first.attr("type") == Some("address") && found != la {
                    return Err(unsupported(format!(
                        "graphics 'listen' attribute '{la}' must match 'address' attribute of first listen element (found '{found}')"
                    )));
                }
            }
            if let Some(sa) = &socket_attr {
                let found = first.attr("socket").unwrap_or("");
                if first.attr("type") == Some("socket") && found != sa {
                    return Err(unsupported(format!(
                        "graphics 'socket' attribute '{sa}' must match 'socket' attribute of first listen element (found '{found}')"
                    )));
                }
            }
        }
        // the `socket` attribute wins over a first listen of another type
        if let (Some(s), None) = (&socket_attr, &listen_attr) {
            if let Some(first) = d.children.iter_mut().find(|c| c.name == "listen") {
                if first.attr("type") == Some("address") {
                    first.attrs = vec![
                        ("type".into(), "socket".into()),
                        ("socket".into(), s.clone()),
                    ];
                }
            }
        }
        if !has_listen {
            let mut l = Element::new("listen");
            if let Some(s) = &socket_attr {
                l.attrs = vec![
                    ("type".into(), "socket".into()),
                    ("socket".into(), s.clone()),
                ];
            } else {
                l.attrs.push(("type".into(), "address".into()));
                if let Some(a) = &listen_attr {
                    l.attrs.push(("address".into(), a.clone()));
                }
            }
            d.children.insert(0, l);
        } else if listen_attr.is_none() {
            if let Some(a) = d
                .children
                .iter()
                .find(|c| c.name == "listen")
                .and_then(|l| l.attr("address"))
            {
                if d.children
                    .iter()
                    .find(|c| c.name == "listen")
                    .and_then(|l| l.attr("type"))
                    == Some("address")
                {
                    let a = a.to_string();
                    d.set_attr("listen", a);
                }
            }
        }
        d.order_attrs(&[
            "type",
            "socket",
            "port",
            "tlsPort",
            "autoport",
            "websocket",
            "listen",
            "keymap",
            "defaultMode",
            "sharePolicy",
            "passwd",
            "passwdValidTo",
            "connected",
            "powerControl",
        ]);
        if ty == "spice" {
            d.order_children(&[
                "listen",
                "channel",
                "image",
                "jpeg",
                "zlib",
                "playback",
                "streaming",
                "mouse",
                "clipboard",
                "filetransfer",
                "gl",
            ]);
        }
        let lp = d.children.iter().position(|c| c.name == "listen");
        if let Some(p) = lp {
            let l = d.children.remove(p);
            d.children.insert(0, l);
        }
    }
    Ok(())
}

/// Whether a `<graphics type='spice'>` has neither a port, a TLS port nor autoport.
fn spice_without_ports(d: &Element) -> bool {
    let zero = |n: &str| d.attr(n).and_then(|p| p.parse::<i64>().ok()).unwrap_or(0) == 0;
    zero("port") && zero("tlsPort") && d.attr("autoport") != Some("yes")
}
