//! Writing `<interface>` documents (`virInterfaceDefFormat`).

use super::def::{InterfaceDef, InterfaceType};
use crate::xml::{Attrs, XmlWriter};

impl InterfaceDef {
    /// Formats the interface as `virInterfaceGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        self.format_dev(&mut w, true);
        w.finish()
    }

    fn format_dev(&self, w: &mut XmlWriter, top: bool) {
        w.open(
            "interface",
            Attrs::new()
                .add("type", self.if_type.as_str())
                .add("name", &self.name),
        );
        if top {
            if let Some(m) = &self.start_mode {
                w.empty("start", Attrs::new().add("mode", m));
            }
            if let Some(m) = self.mtu {
                w.empty("mtu", Attrs::new().add("size", m));
            }
            for p in &self.protocols {
                w.open("protocol", Attrs::new().add("family", &p.family));
                if p.autoconf {
                    w.empty("autoconf", Attrs::new());
                }
                if p.dhcp {
                    w.empty("dhcp", Attrs::new().opt("peerdns", p.peerdns.as_deref()));
                }
                for ip in &p.ips {
                    w.empty(
                        "ip",
                        Attrs::new()
                            .add("address", &ip.address)
                            .opt("prefix", ip.prefix),
                    );
                }
                if let Some(g) = &p.gateway {
                    w.empty("route", Attrs::new().add("gateway", g));
                }
                w.close("protocol");
            }
        }
        if !(top && self.if_type == InterfaceType::Bridge)
            && (self.link_speed.is_some() || self.link_state.is_some())
        {
            w.empty(
                "link",
                Attrs::new()
                    .opt("speed", self.link_speed)
                    .opt("state", self.link_state.as_deref()),
            );
        }
        match self.if_type {
            InterfaceType::Ethernet => {
                if let Some(m) = &self.mac {
                    w.empty("mac", Attrs::new().add("address", m));
                }
            }
            InterfaceType::Bridge => {
                if let Some(b) = &self.bridge {
                    w.open(
                        "bridge",
                        Attrs::new()
                            .opt("stp", b.stp.as_deref())
                            .opt("delay", b.delay.as_deref()),
                    );
                    for p in &b.ports {
                        p.format_dev(w, false);
                    }
                    w.close("bridge");
                }
            }
            InterfaceType::Bond => {
                if let Some(b) = &self.bond {
                    w.open("bond", Attrs::new().opt("mode", b.mode.as_deref()));
                    if let Some([freq, down, up, carrier]) = &b.miimon {
                        w.empty(
                            "miimon",
                            Attrs::new()
                                .opt("freq", freq.as_deref())
                                .opt("downdelay", down.as_deref())
                                .opt("updelay", up.as_deref())
                                .opt("carrier", carrier.as_deref()),
                        );
                    }
                    if let Some([interval, target, validate]) = &b.arpmon {
                        w.empty(
                            "arpmon",
                            Attrs::new()
                                .opt("interval", interval.as_deref())
                                .opt("target", target.as_deref())
                                .opt("validate", validate.as_deref()),
                        );
                    }
                    for s in &b.slaves {
                        s.format_dev(w, false);
                    }
                    w.close("bond");
                }
            }
            InterfaceType::Vlan => {
                if let Some(v) = &self.vlan {
                    w.open("vlan", Attrs::new().opt("tag", v.tag.as_deref()));
                    if let Some(d) = &v.device {
                        w.empty("interface", Attrs::new().add("name", d));
                    }
                    w.close("vlan");
                }
            }
        }
        w.close("interface");
    }
}
