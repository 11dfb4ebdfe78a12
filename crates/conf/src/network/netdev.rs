//! Network-device sub-elements shared by networks and port groups: `<vlan>`, `<bandwidth>`,
//! `<virtualport>`.

use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `<vlan trunk='yes'>` with its `<tag id='…' nativeMode='…'/>` list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Vlan {
    pub trunk: Option<String>,
    pub tags: Vec<VlanTag>,
}

/// One `<tag>` of a `<vlan>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VlanTag {
    pub id: String,
    pub native_mode: Option<String>,
}

impl Vlan {
    /// Reads `<vlan>`.
    pub fn parse(node: roxmltree::Node) -> Vlan {
        Vlan {
            trunk: node.attr("trunk").map(str::to_string),
            tags: node
                .children_named("tag")
                .iter()
                .map(|t| VlanTag {
                    id: t.attr("id").unwrap_or("").to_string(),
                    native_mode: t.attr("nativeMode").map(str::to_string),
                })
                .collect(),
        }
    }

    /// Writes `<vlan>`.
    pub fn format(&self, w: &mut XmlWriter) {
        w.open("vlan", Attrs::new().opt("trunk", self.trunk.as_deref()));
        for t in &self.tags {
            w.empty(
                "tag",
                Attrs::new()
                    .add("id", &t.id)
                    .opt("nativeMode", t.native_mode.as_deref()),
            );
        }
        w.close("vlan");
    }
}

/// One direction of a `<bandwidth>` element.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BandwidthRate {
    pub average: Option<u64>,
    pub peak: Option<u64>,
    pub floor: Option<u64>,
    pub burst: Option<u64>,
}

impl BandwidthRate {
    fn parse(node: roxmltree::Node) -> BandwidthRate {
        let num = |n: &str| node.attr(n).and_then(|v| v.parse().ok());
        BandwidthRate {
            average: num("average"),
            peak: num("peak"),
            floor: num("floor"),
            burst: num("burst"),
        }
    }

    fn format(&self, w: &mut XmlWriter, name: &str) {
        w.empty(
            name,
            Attrs::new()
                .opt("average", self.average)
                .opt("peak", self.peak)
                .opt("floor", self.floor)
                .opt("burst", self.burst),
        );
    }
}

/// `<bandwidth>` with optional `<inbound>`/`<outbound>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bandwidth {
    pub inbound: Option<BandwidthRate>,
    pub outbound: Option<BandwidthRate>,
}

impl Bandwidth {
    /// Reads `<bandwidth>`.
    pub fn parse(node: roxmltree::Node) -> Bandwidth {
        Bandwidth {
            inbound: node.child("inbound").map(BandwidthRate::parse),
            outbound: node.child("outbound").map(BandwidthRate::parse),
        }
    }

    /// Writes `<bandwidth>` (nothing when both directions are absent).
    pub fn format(&self, w: &mut XmlWriter) {
        if self.inbound.is_none() && self.outbound.is_none() {
            return;
        }
        w.open("bandwidth", Attrs::new());
        if let Some(i) = &self.inbound {
            i.format(w, "inbound");
        }
        if let Some(o) = &self.outbound {
            o.format(w, "outbound");
        }
        w.close("bandwidth");
    }
}

/// `<virtualport type='…'><parameters …/></virtualport>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VirtualPort {
    pub port_type: Option<String>,
    pub manager_id: Option<String>,
    pub type_id: Option<String>,
    pub type_id_version: Option<String>,
    pub instance_id: Option<String>,
    pub profile_id: Option<String>,
    pub interface_id: Option<String>,
}

impl VirtualPort {
    /// Reads `<virtualport>`.
    pub fn parse(node: roxmltree::Node) -> VirtualPort {
        let params = node.child("parameters");
        let p = |n: &str| params.and_then(|p| p.attr(n)).map(str::to_string);
        VirtualPort {
            port_type: node.attr("type").map(str::to_string),
            manager_id: p("managerid"),
            type_id: p("typeid"),
            type_id_version: p("typeidversion"),
            instance_id: p("instanceid"),
            profile_id: p("profileid"),
            interface_id: p("interfaceid"),
        }
    }

    /// Writes `<virtualport>`.
    pub fn format(&self, w: &mut XmlWriter) {
        let params = Attrs::new()
            .opt("managerid", self.manager_id.as_deref())
            .opt("typeid", self.type_id.as_deref())
            .opt("typeidversion", self.type_id_version.as_deref())
            .opt("instanceid", self.instance_id.as_deref())
            .opt("profileid", self.profile_id.as_deref())
            .opt("interfaceid", self.interface_id.as_deref());
        let attrs = Attrs::new().opt("type", self.port_type.as_deref());
        if params.is_empty() {
            w.empty("virtualport", attrs);
            return;
        }
        w.open("virtualport", attrs);
        w.empty("parameters", params);
        w.close("virtualport");
    }
}
