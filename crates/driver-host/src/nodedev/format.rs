//! `<device>` XML exactly as `virNodeDeviceDefFormat` prints the udev backend's devices.

use super::caps::{Cap, NodeDevice, PciExpress};
use rvirt_conf::xml::{Attrs, XmlWriter};

const PCIE_SPEEDS: &[&str] = &["", "2.5", "5", "8", "16", "32", "64"];

fn id_name(w: &mut XmlWriter, elem: &str, id: u32, name: Option<&str>) {
    let a = Attrs::new().add("id", format!("0x{id:04x}"));
    match name {
        Some(n) => w.text(elem, a, n),
        None => w.empty(elem, a),
    }
}

fn addr(w: &mut XmlWriter, (d, b, s, f): (u32, u32, u32, u32)) {
    w.empty(
        "address",
        Attrs::new()
            .add("domain", format!("0x{d:04x}"))
            .add("bus", format!("0x{b:02x}"))
            .add("slot", format!("0x{s:02x}"))
            .add("function", format!("0x{f}")),
    );
}

fn pcie(w: &mut XmlWriter, p: &PciExpress) {
    if p.link_cap.is_none() && p.link_sta.is_none() {
        w.empty("pci-express", Attrs::new());
        return;
    }
    let speed = |c: u32| {
        PCIE_SPEEDS
            .get(c as usize)
            .filter(|s| !s.is_empty())
            .copied()
    };
    w.open("pci-express", Attrs::new());
    if let Some((port, sp, width)) = p.link_cap {
        w.empty(
            "link",
            Attrs::new()
                .add("validity", "cap")
                .add("port", port)
                .opt("speed", speed(sp))
                .add("width", width),
        );
    }
    if let Some((sp, width)) = p.link_sta {
        w.empty(
            "link",
            Attrs::new()
                .add("validity", "sta")
                .opt("speed", speed(sp))
                .add("width", width),
        );
    }
    w.close("pci-express");
}

fn cap(w: &mut XmlWriter, c: &Cap) {
    w.open("capability", Attrs::new().add("type", c.type_name()));
    match c {
        Cap::System(s) => {
            w.opt_text("product", s.product.as_deref());
            w.open("hardware", Attrs::new());
            w.opt_text("vendor", s.hw_vendor.as_deref());
            w.opt_text("version", s.hw_version.as_deref());
            w.opt_text("serial", s.hw_serial.as_deref());
            w.text("uuid", Attrs::new(), &s.hw_uuid);
            w.close("hardware");
            w.open("firmware", Attrs::new());
            w.opt_text("vendor", s.fw_vendor.as_deref());
            w.opt_text("version", s.fw_version.as_deref());
            w.opt_text("release_date", s.fw_release_date.as_deref());
            w.close("firmware");
        }
        Cap::Pci(p) => {
            if let Some(k) = p.class {
                w.text("class", Attrs::new(), &format!("0x{k:06x}"));
            }
            w.text("domain", Attrs::new(), &p.domain.to_string());
            w.text("bus", Attrs::new(), &p.bus.to_string());
            w.text("slot", Attrs::new(), &p.slot.to_string());
            w.text("function", Attrs::new(), &p.function.to_string());
            id_name(w, "product", p.product, p.product_name.as_deref());
            id_name(w, "vendor", p.vendor, p.vendor_name.as_deref());
            if let Some(a) = p.phys_function {
                w.open("capability", Attrs::new().add("type", "phys_function"));
                addr(w, a);
                w.close("capability");
            }
            if let Some((n, addrs)) = &p.iommu_group {
                w.open("iommuGroup", Attrs::new().add("number", n));
                for a in addrs {
                    addr(w, *a);
                }
                w.close("iommuGroup");
            }
            if let Some(n) = p.numa_node {
                w.empty("numa", Attrs::new().add("node", n));
            }
            if let Some(e) = &p.pci_express {
                pcie(w, e);
            }
        }
        Cap::UsbDevice(u) => {
            w.text("bus", Attrs::new(), &u.bus.to_string());
            w.text("device", Attrs::new(), &u.device.to_string());
            id_name(w, "product", u.product, u.product_name.as_deref());
            id_name(w, "vendor", u.vendor, u.vendor_name.as_deref());
        }
        Cap::Usb(u) => {
            w.text("number", Attrs::new(), &u.number.to_string());
            w.text("class", Attrs::new(), &u.class.to_string());
            w.text("subclass", Attrs::new(), &u.subclass.to_string());
            w.text("protocol", Attrs::new(), &u.protocol.to_string());
        }
        Cap::Net(n) => {
            w.text("interface", Attrs::new(), &n.interface);
            w.opt_text("address", n.address.as_deref());
            if n.link_speed != 0 || n.link_state.is_some() {
                w.empty(
                    "link",
                    Attrs::new()
                        .opt("speed", (n.link_speed != 0).then_some(n.link_speed))
                        .opt("state", n.link_state.as_deref()),
                );
            }
            for f in &n.features {
                w.empty("feature", Attrs::new().add("name", f));
            }
            w.empty("capability", Attrs::new().add("type", n.subtype));
        }
        Cap::ScsiHost { host, unique_id } => {
            w.text("host", Attrs::new(), &host.to_string());
            if let Some(u) = unique_id.filter(|u| *u != -1) {
                w.text("unique_id", Attrs::new(), &u.to_string());
            }
        }
        Cap::ScsiTarget { target } => w.text("target", Attrs::new(), target),
        Cap::Scsi(s) => {
            w.text("host", Attrs::new(), &s.host.to_string());
            w.text("bus", Attrs::new(), &s.bus.to_string());
            w.text("target", Attrs::new(), &s.target.to_string());
            w.text("lun", Attrs::new(), &s.lun.to_string());
            w.opt_text("type", s.type_name.as_deref());
        }
        Cap::Storage(s) => {
            w.text("block", Attrs::new(), &s.block);
            w.text("drive_type", Attrs::new(), &s.drive_type);
            w.opt_text("model", s.model.as_deref());
            w.opt_text("vendor", s.vendor.as_deref());
            if s.removable {
                w.open("capability", Attrs::new().add("type", "removable"));
                w.text(
                    "media_available",
                    Attrs::new(),
                    if s.size > 0 { "1" } else { "0" },
                );
                w.text("media_size", Attrs::new(), &s.size.to_string());
                w.close("capability");
            } else {
                w.text("size", Attrs::new(), &s.size.to_string());
            }
            if s.logical_block_size > 0 {
                w.text(
                    "logical_block_size",
                    Attrs::new(),
                    &s.logical_block_size.to_string(),
                );
            }
            if s.num_blocks > 0 {
                w.text("num_blocks", Attrs::new(), &s.num_blocks.to_string());
            }
        }
    }
    w.close("capability");
}

impl NodeDevice {
    /// Formats the device as `virNodeDeviceGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open("device", Attrs::new());
        w.text("name", Attrs::new(), &self.name);
        w.opt_text("path", self.sysfs_path.as_deref());
        if let Some(d) = &self.devnode {
            w.text("devnode", Attrs::new().add("type", "dev"), d);
        }
        w.opt_text("parent", self.parent.as_deref());
        if let Some(d) = &self.driver {
            w.open("driver", Attrs::new());
            w.text("name", Attrs::new(), d);
            w.close("driver");
        }
        cap(&mut w, &self.cap);
        w.close("device");
        w.finish()
    }
}
