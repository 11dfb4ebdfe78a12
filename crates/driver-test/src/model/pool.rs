//! FALLBACK storage pool and volume models (`<pool>`, `<volume>`) until
//! `rvirt_conf::storage::{PoolDef, VolumeDef}` is exported.

use crate::errors::xml_error;
use crate::xmltree::{self, Element};
use rvirt_core::error::{ErrorDomain, VirResult};
use rvirt_core::handle::Uuid;

const DOM: ErrorDomain = ErrorDomain::Storage;

/// A storage pool definition; sizes are kept apart from the tree and formatted in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolDef {
    pub root: Element,
    pub capacity: u64,
    pub allocation: u64,
    pub available: u64,
}

fn scaled_bytes(el: &Element) -> VirResult<u64> {
    let text = el.text.as_deref().unwrap_or("0").trim();
    let v: u64 = text
        .parse()
        .map_err(|_| xml_error(DOM, format!("malformed {} element", el.name)))?;
    let scale: u64 = match el.attr("unit").unwrap_or("bytes") {
        "b" | "bytes" => 1,
        "KB" => 1000,
        "k" | "K" | "KiB" => 1 << 10,
        "MB" => 1_000_000,
        "m" | "M" | "MiB" => 1 << 20,
        "GB" => 1_000_000_000,
        "g" | "G" | "GiB" => 1 << 30,
        "TB" => 1_000_000_000_000,
        "t" | "T" | "TiB" => 1 << 40,
        u => return Err(xml_error(DOM, format!("unknown suffix '{u}'"))),
    };
    Ok(v.saturating_mul(scale))
}

fn bytes_el(name: &str, v: u64) -> Element {
    let mut e = Element::with_text(name, v.to_string());
    e.set_attr("unit", "bytes");
    e
}

impl PoolDef {
    /// Parses a `<pool>` document.
    pub fn parse(xml: &str) -> VirResult<PoolDef> {
        Self::from_element(xmltree::parse(xml, "pool_definition", DOM)?)
    }

    pub fn from_element(mut root: Element) -> VirResult<PoolDef> {
        if root.name != "pool" {
            return Err(xml_error(DOM, "unknown root element for storage pool"));
        }
        if root.attr("type").is_none() {
            return Err(xml_error(DOM, "storage pool missing type attribute"));
        }
        if root.child_text("name").unwrap_or("").is_empty() {
            return Err(xml_error(DOM, "missing pool source name element"));
        }
        let uuid = match root.child_text("uuid") {
            Some(s) => Uuid::parse(s).ok_or_else(|| xml_error(DOM, "malformed uuid element"))?,
            None => Uuid::generate(),
        };
        root.set_child(Element::with_text("uuid", uuid.to_string()));
        for n in ["capacity", "allocation", "available"] {
            root.remove_children(n);
        }
        if root.child("source").is_none() {
            root.children.push(Element::new("source"));
        }
        root.order_children(&["name", "uuid", "source", "target"]);
        Ok(PoolDef {
            root,
            capacity: 0,
            allocation: 0,
            available: 0,
        })
    }

    pub fn name(&self) -> &str {
        self.root.child_text("name").unwrap_or("")
    }

    pub fn uuid(&self) -> Uuid {
        self.root
            .child_text("uuid")
            .and_then(Uuid::parse)
            .unwrap_or_default()
    }

    pub fn pool_type(&self) -> &str {
        self.root.attr("type").unwrap_or("dir")
    }

    pub fn target_path(&self) -> Option<&str> {
        self.root.child("target").and_then(|t| t.child_text("path"))
    }

    /// Formats as `virStoragePoolDefFormat`.
    pub fn format(&self) -> String {
        let mut root = self.root.clone();
        let pos = root
            .children
            .iter()
            .position(|c| c.name == "uuid")
            .map_or(0, |p| p + 1);
        root.children
            .insert(pos, bytes_el("available", self.available));
        root.children
            .insert(pos, bytes_el("allocation", self.allocation));
        root.children
            .insert(pos, bytes_el("capacity", self.capacity));
        let s = root.to_xml();
        s.replace("  <source/>\n", "  <source>\n  </source>\n")
    }
}

/// A storage volume definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeDef {
    pub name: String,
    pub key: String,
    pub path: String,
    pub capacity: u64,
    pub allocation: u64,
    pub format: String,
    /// The `type=` attribute (`file`, `block`, …).
    pub vol_type: String,
}

impl VolumeDef {
    /// Parses a `<volume>` document for a pool of type `pool_type`.
    pub fn parse(xml: &str, pool_type: &str) -> VirResult<VolumeDef> {
        Self::from_element(&xmltree::parse(xml, "volume_definition", DOM)?, pool_type)
    }

    pub fn from_element(root: &Element, pool_type: &str) -> VirResult<VolumeDef> {
        if root.name != "volume" {
            return Err(xml_error(DOM, "unknown root element for storage vol"));
        }
        let name = root.child_text("name").unwrap_or("").to_string();
        if name.is_empty() {
            return Err(xml_error(DOM, "missing volume name element"));
        }
        let capacity = match root.child("capacity") {
            Some(c) => scaled_bytes(c)?,
            None => return Err(xml_error(DOM, "missing capacity element")),
        };
        let allocation = match root.child("allocation") {
            Some(a) => scaled_bytes(a)?,
            None => capacity,
        };
        let target = root.child("target");
        let format = target
            .and_then(|t| t.child("format"))
            .and_then(|f| f.attr("type"))
            .unwrap_or("raw")
            .to_string();
        let path = target
            .and_then(|t| t.child_text("path"))
            .unwrap_or("")
            .to_string();
        let vol_type = match pool_type {
            "logical" | "disk" | "mpath" | "iscsi" | "scsi" | "zfs" => "block",
            "sheepdog" | "iscsi-direct" | "gluster" | "rbd" => "network",
            _ => "file",
        };
        Ok(VolumeDef {
            name,
            key: root.child_text("key").unwrap_or("").to_string(),
            path,
            capacity,
            allocation,
            format,
            vol_type: vol_type.to_string(),
        })
    }

    /// `virStorageVolType` number.
    pub fn type_number(&self) -> i32 {
        match self.vol_type.as_str() {
            "block" => 1,
            "dir" => 2,
            "network" => 3,
            "netdir" => 4,
            "ploop" => 5,
            _ => 0,
        }
    }

    /// Formats as `virStorageVolDefFormat`.
    pub fn format(&self) -> String {
        let mut root = Element::new("volume");
        root.set_attr("type", self.vol_type.clone());
        root.children
            .push(Element::with_text("name", self.name.clone()));
        root.children
            .push(Element::with_text("key", self.key.clone()));
        root.children.push(bytes_el("capacity", self.capacity));
        root.children.push(bytes_el("allocation", self.allocation));
        let mut target = Element::new("target");
        target
            .children
            .push(Element::with_text("path", self.path.clone()));
        let mut fmt = Element::new("format");
        fmt.set_attr("type", self.format.clone());
        target.children.push(fmt);
        root.children.push(target);
        root.to_xml()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_formats_like_libvirt() {
        let mut v = VolumeDef::parse(
            "<volume><name>v1</name><capacity unit='M'>10</capacity><allocation>0</allocation></volume>",
            "dir",
        )
        .unwrap();
        v.path = "/default-pool/v1".into();
        v.key = v.path.clone();
        assert_eq!(
            v.format(),
            "<volume type='file'>\n  <name>v1</name>\n  <key>/default-pool/v1</key>\n  <capacity unit='bytes'>10485760</capacity>\n  <allocation unit='bytes'>0</allocation>\n  <target>\n    <path>/default-pool/v1</path>\n    <format type='raw'/>\n  </target>\n</volume>\n"
        );
    }
}
