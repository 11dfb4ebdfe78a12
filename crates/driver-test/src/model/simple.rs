//! FALLBACK models for `<interface>`, `<device>` (node devices) and `<secret>` until the
//! `rvirt_conf::{interface, nodedev, secret}` models are exported.

use crate::errors::xml_error;
use crate::xmltree::{self, Element};
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::handle::Uuid;

/// A host interface definition (`<interface>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceDef {
    pub root: Element,
}

impl InterfaceDef {
    pub fn parse(xml: &str) -> VirResult<InterfaceDef> {
        Self::from_element(xmltree::parse(
            xml,
            "interface_definition",
            ErrorDomain::Interface,
        )?)
    }

    pub fn from_element(mut root: Element) -> VirResult<InterfaceDef> {
        if root.name != "interface" || root.attr("name").is_none() {
            return Err(xml_error(ErrorDomain::Interface, "interface has no name"));
        }
        root.order_attrs(&["type", "name"]);
        root.order_children(&[
            "start", "mtu", "protocol", "link", "mac", "bridge", "bond", "vlan",
        ]);
        Ok(InterfaceDef { root })
    }

    pub fn name(&self) -> &str {
        self.root.attr("name").unwrap_or("")
    }

    pub fn mac(&self) -> String {
        self.root
            .child("mac")
            .and_then(|m| m.attr("address"))
            .unwrap_or("")
            .to_string()
    }

    pub fn format(&self) -> String {
        self.root.to_xml()
    }
}

/// A node device definition (`<device>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeDeviceDef {
    pub root: Element,
}

impl NodeDeviceDef {
    pub fn parse(xml: &str) -> VirResult<NodeDeviceDef> {
        Self::from_element(xmltree::parse(
            xml,
            "nodedev_definition",
            ErrorDomain::Nodedev,
        )?)
    }

    pub fn from_element(root: Element) -> VirResult<NodeDeviceDef> {
        if root.name != "device" {
            return Err(xml_error(
                ErrorDomain::Nodedev,
                "unknown root element for node device",
            ));
        }
        Ok(NodeDeviceDef { root })
    }

    pub fn name(&self) -> &str {
        self.root.child_text("name").unwrap_or("")
    }

    pub fn set_name(&mut self, name: &str) {
        self.root.set_child(Element::with_text("name", name));
        self.root
            .order_children(&["name", "path", "devnode", "parent", "driver", "capability"]);
    }

    pub fn parent(&self) -> Option<&str> {
        self.root.child_text("parent")
    }

    /// Top-level capability types, in document order.
    pub fn caps(&self) -> Vec<String> {
        self.root
            .children_named("capability")
            .filter_map(|c| c.attr("type").map(str::to_string))
            .collect()
    }

    /// Capability types including nested ones (`fc_host`, `vports`), as `virNodeDeviceObjHasCap`.
    pub fn has_cap(&self, cap: &str) -> bool {
        self.root.children_named("capability").any(|c| {
            c.attr("type") == Some(cap)
                || c.children_named("capability").any(|n| {
                    let t = n.attr("type");
                    t == Some(cap) || (cap == "vports" && t == Some("vport_ops"))
                })
        })
    }

    /// (wwnn, wwpn) of the fc_host capability.
    pub fn wwns(&self) -> Option<(String, String)> {
        let fc = self
            .root
            .children_named("capability")
            .flat_map(|c| c.children_named("capability"))
            .find(|c| c.attr("type") == Some("fc_host"))?;
        Some((
            fc.child_text("wwnn")?.to_string(),
            fc.child_text("wwpn")?.to_string(),
        ))
    }

    /// Replaces the fc_host wwnn/wwpn.
    pub fn set_wwns(&mut self, wwnn: &str, wwpn: &str) {
        for c in self
            .root
            .children
            .iter_mut()
            .filter(|c| c.name == "capability")
        {
            for fc in c
                .children
                .iter_mut()
                .filter(|n| n.name == "capability" && n.attr("type") == Some("fc_host"))
            {
                fc.set_child(Element::with_text("wwnn", wwnn));
                fc.set_child(Element::with_text("wwpn", wwpn));
                fc.order_children(&["wwnn", "wwpn", "fabric_wwn"]);
            }
        }
    }

    pub fn format(&self) -> String {
        self.root.to_xml()
    }
}

/// `virSecretUsageType` numbers.
pub mod usage {
    pub const NONE: i32 = 0;
    pub const VOLUME: i32 = 1;
    pub const CEPH: i32 = 2;
    pub const ISCSI: i32 = 3;
    pub const TLS: i32 = 4;
    pub const VTPM: i32 = 5;
}

/// A secret definition (`<secret>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretDef {
    pub root: Element,
}

impl SecretDef {
    pub fn parse(xml: &str) -> VirResult<SecretDef> {
        let mut root = xmltree::parse(xml, "secret_definition", ErrorDomain::Secret)?;
        if root.name != "secret" {
            return Err(xml_error(
                ErrorDomain::Secret,
                "unexpected root element <".to_string() + &root.name + ">, expecting <secret>",
            ));
        }
        for a in ["ephemeral", "private"] {
            if root.attr(a).is_none() {
                root.set_attr(a, "no");
            }
        }
        root.order_attrs(&["ephemeral", "private"]);
        let uuid = match root.child_text("uuid") {
            Some(s) => Uuid::parse(s)
                .ok_or_else(|| xml_error(ErrorDomain::Secret, "malformed uuid element"))?,
            None => Uuid::generate(),
        };
        root.set_child(Element::with_text("uuid", uuid.to_string()));
        root.order_children(&["uuid", "description", "usage"]);
        Ok(SecretDef { root })
    }

    pub fn uuid(&self) -> Uuid {
        self.root
            .child_text("uuid")
            .and_then(Uuid::parse)
            .unwrap_or_default()
    }

    /// (usage type number, usage id).
    pub fn usage(&self) -> (i32, String) {
        let Some(u) = self.root.child("usage") else {
            return (usage::NONE, String::new());
        };
        let (t, key) = match u.attr("type").unwrap_or("none") {
            "volume" => (usage::VOLUME, "volume"),
            "ceph" => (usage::CEPH, "name"),
            "iscsi" => (usage::ISCSI, "target"),
            "tls" => (usage::TLS, "name"),
            "vtpm" => (usage::VTPM, "name"),
            _ => (usage::NONE, ""),
        };
        (t, u.child_text(key).unwrap_or("").to_string())
    }

    pub fn is_private(&self) -> bool {
        self.root.attr("private") == Some("yes")
    }

    pub fn format(&self) -> String {
        self.root.to_xml()
    }
}
