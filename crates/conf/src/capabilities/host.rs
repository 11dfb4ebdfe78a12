//! The `<host>` part of the capabilities document (`virCapsHost`).

use crate::xml::{Attrs, XmlWriter};

/// One `<cpu id socket_id die_id core_id siblings/>` of a NUMA cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellCpu {
    pub id: u32,
    pub socket_id: u32,
    pub die_id: u32,
    pub core_id: u32,
    pub siblings: String,
}

/// A NUMA `<cell>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumaCell {
    pub id: u32,
    pub memory_kib: u64,
    /// `(page size KiB, free pages)`.
    pub pages: Vec<(u32, u64)>,
    pub cpus: Vec<CellCpu>,
}

/// A `<secmodel>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecModel {
    pub model: String,
    pub doi: String,
    /// `(virt type, label)` base labels.
    pub base_labels: Vec<(String, String)>,
}

/// `<host>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HostCaps {
    pub uuid: Option<String>,
    pub arch: String,
    pub cpu_features: Vec<String>,
    /// Supported page sizes in KiB.
    pub page_sizes: Vec<u32>,
    /// `<power_management/>` with these suspend targets (empty element when none).
    pub power_management: Vec<String>,
    pub iommu: bool,
    pub cells: Vec<NumaCell>,
    pub secmodels: Vec<SecModel>,
}

impl HostCaps {
    /// Writes `<host>` (`virCapabilitiesFormatHostXML`).
    pub fn format(&self, w: &mut XmlWriter) {
        w.open("host", Attrs::new());
        w.opt_text("uuid", self.uuid.as_deref());
        w.open("cpu", Attrs::new());
        w.text("arch", Attrs::new(), &self.arch);
        if !self.cpu_features.is_empty() {
            w.open("features", Attrs::new());
            for f in &self.cpu_features {
                w.empty(f, Attrs::new());
            }
            w.close("features");
        }
        for p in &self.page_sizes {
            w.empty("pages", Attrs::new().add("unit", "KiB").add("size", p));
        }
        w.close("cpu");
        if self.power_management.is_empty() {
            w.empty("power_management", Attrs::new());
        } else {
            w.open("power_management", Attrs::new());
            for t in &self.power_management {
                w.empty(t, Attrs::new());
            }
            w.close("power_management");
        }
        w.empty(
            "iommu",
            Attrs::new().add("support", if self.iommu { "yes" } else { "no" }),
        );
        if !self.cells.is_empty() {
            w.open("topology", Attrs::new());
            w.open("cells", Attrs::new().add("num", self.cells.len()));
            for c in &self.cells {
                w.open("cell", Attrs::new().add("id", c.id));
                w.text(
                    "memory",
                    Attrs::new().add("unit", "KiB"),
                    &c.memory_kib.to_string(),
                );
                for (size, count) in &c.pages {
                    w.text(
                        "pages",
                        Attrs::new().add("unit", "KiB").add("size", size),
                        &count.to_string(),
                    );
                }
                w.open("cpus", Attrs::new().add("num", c.cpus.len()));
                for cpu in &c.cpus {
                    w.empty(
                        "cpu",
                        Attrs::new()
                            .add("id", cpu.id)
                            .add("socket_id", cpu.socket_id)
                            .add("die_id", cpu.die_id)
                            .add("core_id", cpu.core_id)
                            .add("siblings", &cpu.siblings),
                    );
                }
                w.close("cpus");
                w.close("cell");
            }
            w.close("cells");
            w.close("topology");
        }
        for s in &self.secmodels {
            w.open("secmodel", Attrs::new());
            w.text("model", Attrs::new(), &s.model);
            w.text("doi", Attrs::new(), &s.doi);
            for (t, l) in &s.base_labels {
                w.text("baselabel", Attrs::new().add("type", t), l);
            }
            w.close("secmodel");
        }
        w.close("host");
    }
}
