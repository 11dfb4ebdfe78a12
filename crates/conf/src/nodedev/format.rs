//! Writing `<device>` documents (`virNodeDeviceDefFormat`).

use super::caps::NodeDevCap;
use super::def::NodeDeviceDef;
use crate::xml::{Attrs, XmlWriter};

fn opt_block(w: &mut XmlWriter, name: &str, items: &[(&str, Option<&str>)]) {
    if items.iter().all(|(_, v)| v.is_none()) {
        return;
    }
    w.open(name, Attrs::new());
    for (k, v) in items {
        w.opt_text(k, *v);
    }
    w.close(name);
}

fn format_cap(w: &mut XmlWriter, cap: &NodeDevCap) {
    w.open("capability", Attrs::new().add("type", cap.type_name()));
    match cap {
        NodeDevCap::System(s) => {
            w.opt_text("product", s.product.as_deref());
            opt_block(
                w,
                "hardware",
                &[
                    ("vendor", s.hw_vendor.as_deref()),
                    ("version", s.hw_version.as_deref()),
                    ("serial", s.hw_serial.as_deref()),
                    ("uuid", s.hw_uuid.as_deref()),
                ],
            );
            opt_block(
                w,
                "firmware",
                &[
                    ("vendor", s.fw_vendor.as_deref()),
                    ("version", s.fw_version.as_deref()),
                    ("release_date", s.fw_release_date.as_deref()),
                ],
            );
        }
        NodeDevCap::ScsiHost(h) => {
            if let Some(n) = h.host {
                w.text("host", Attrs::new(), &n.to_string());
            }
            if let Some(u) = h.unique_id.filter(|u| *u != -1) {
                w.text("unique_id", Attrs::new(), &u.to_string());
            }
            if let Some(fc) = &h.fc_host {
                w.open("capability", Attrs::new().add("type", "fc_host"));
                w.opt_text("wwnn", fc.wwnn.as_deref());
                w.opt_text("wwpn", fc.wwpn.as_deref());
                w.opt_text("fabric_wwn", fc.fabric_wwn.as_deref());
                w.close("capability");
            }
            if let Some(v) = &h.vport_ops {
                w.open("capability", Attrs::new().add("type", "vport_ops"));
                w.text("max_vports", Attrs::new(), &v.max_vports.to_string());
                w.text("vports", Attrs::new(), &v.vports.to_string());
                w.close("capability");
            }
        }
        NodeDevCap::Mdev(m) => {
            w.empty("type", Attrs::new().add("id", &m.type_id));
            w.opt_text("uuid", m.uuid.as_deref());
            if let Some(g) = m.iommu_group {
                w.empty("iommuGroup", Attrs::new().add("number", g));
            }
            for (k, v) in &m.attrs {
                w.empty("attr", Attrs::new().add("name", k).add("value", v));
            }
        }
        NodeDevCap::Net(n) => {
            w.text("interface", Attrs::new(), &n.interface);
            w.opt_text("address", n.address.as_deref());
            if n.link_speed.is_some() || n.link_state.is_some() {
                w.empty(
                    "link",
                    Attrs::new()
                        .opt("speed", n.link_speed)
                        .opt("state", n.link_state.as_deref()),
                );
            }
        }
    }
    w.close("capability");
}

impl NodeDeviceDef {
    /// Formats the device as `virNodeDeviceGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open("device", Attrs::new());
        w.text("name", Attrs::new(), &self.name);
        w.opt_text("path", self.sysfs_path.as_deref());
        w.opt_text("parent", self.parent.as_deref());
        if let Some(d) = &self.driver {
            w.open("driver", Attrs::new());
            w.text("name", Attrs::new(), d);
            w.close("driver");
        }
        for c in &self.caps {
            format_cap(&mut w, c);
        }
        w.close("device");
        w.finish()
    }
}
