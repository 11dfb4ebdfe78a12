//! Writing `<network>` documents (`virNetworkDefFormat`).

use super::def::{NetworkDef, NetworkFormatOptions};
use super::meta::format_meta;
use super::portforward::{RVIRT_NETWORK_NS, RVIRT_NETWORK_PREFIX};
use crate::xml::values::{format_mac, format_uuid, on_off, yes_no};
use crate::xml::{Attrs, XmlWriter};

impl NetworkDef {
    /// Formats the network as `virNetworkGetXMLDesc` does.
    pub fn format(&self, opts: &NetworkFormatOptions) -> String {
        let mut w = XmlWriter::new();
        let conns = if self.connections > 0 && !opts.inactive {
            Some(self.connections)
        } else {
            None
        };
        // libvirt declares extension namespaces first on the root element.
        let xmlns = (!self.port_forwards.is_empty())
            .then(|| (format!("xmlns:{RVIRT_NETWORK_PREFIX}"), RVIRT_NETWORK_NS));
        let mut root = Attrs::new();
        if let Some((k, v)) = &xmlns {
            root = root.add(k, v);
        }
        w.open(
            "network",
            root.opt("connections", conns)
                .opt("ipv6", if self.ipv6_nogw { Some("yes") } else { None })
                .opt(
                    "trustGuestRxFilters",
                    self.trust_guest_rx_filters.map(yes_no),
                ),
        );
        w.text("name", Attrs::new(), &self.name);
        w.text("uuid", Attrs::new(), &format_uuid(&self.uuid));
        format_meta(self, &mut w);
        self.forward.format(&mut w, opts.inactive);
        let libvirt_bridge = self.forward.mode.uses_libvirt_bridge();
        if libvirt_bridge || self.bridge.is_some() || self.mac_table_manager.is_some() {
            let mut a = Attrs::new()
                .opt("name", self.bridge.as_deref())
                .opt("zone", self.bridge_zone.as_deref());
            if libvirt_bridge {
                a = a.add("stp", on_off(self.stp)).add("delay", self.delay);
            }
            a = a.opt("macTableManager", self.mac_table_manager.as_deref());
            w.empty("bridge", a);
        }
        if let Some(m) = self.mtu {
            w.empty("mtu", Attrs::new().add("size", m));
        }
        if let Some(m) = &self.mac {
            w.empty("mac", Attrs::new().add("address", format_mac(m)));
        }
        if let Some(d) = &self.domain {
            w.empty(
                "domain",
                Attrs::new()
                    .opt("name", d.name.as_deref())
                    .opt("localOnly", d.local_only.map(yes_no))
                    .opt("register", d.register.map(yes_no)),
            );
        }
        self.dns.format(&mut w);
        if let Some(v) = &self.vlan {
            v.format(&mut w);
        }
        if let Some(b) = &self.bandwidth {
            b.format(&mut w);
        }
        if let Some(i) = self.port_isolated {
            w.empty("port", Attrs::new().add("isolated", yes_no(i)));
        }
        for ip in &self.ips {
            ip.format(&mut w);
        }
        for r in &self.routes {
            r.format(&mut w);
        }
        if let Some(v) = &self.virtualport {
            v.format(&mut w);
        }
        for pg in &self.portgroups {
            w.open(
                "portgroup",
                Attrs::new()
                    .add("name", &pg.name)
                    .opt("default", if pg.is_default { Some("yes") } else { None })
                    .opt("trustGuestRxFilters", pg.trust_guest_rx_filters.map(yes_no)),
            );
            if let Some(v) = &pg.vlan {
                v.format(&mut w);
            }
            if let Some(v) = &pg.virtualport {
                v.format(&mut w);
            }
            if let Some(b) = &pg.bandwidth {
                b.format(&mut w);
            }
            w.close("portgroup");
        }
        // rvirt's namespace last, where libvirt writes its dnsmasq: options.
        for pf in &self.port_forwards {
            pf.format(&mut w);
        }
        w.close("network");
        w.finish()
    }
}
