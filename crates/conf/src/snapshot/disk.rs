//! One `<disks>/<disk>` of a snapshot (`virDomainSnapshotDiskDef`).

use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};

use super::location::SnapshotLocation;
use crate::xml::ident::invalid_attr;
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// A snapshot's `<disk>`: which domain disk, how it is snapshotted, and (external) where.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SnapshotDiskDef {
    /// `name='…'`: the disk's target (`vda`) or source path as the user named it.
    pub name: String,
    /// `snapshot='…'`.
    pub snapshot: SnapshotLocation,
    /// `type='…'` of the external source (`file` or `block`); `None` = file.
    pub source_type: Option<String>,
    /// `<source file=…>` / `<source dev=…>` of the external overlay.
    pub source: Option<String>,
    /// `<driver type='…'/>`: the overlay's format.
    pub driver_type: Option<String>,
}

const STORAGE_TYPES: [&str; 7] = [
    "file",
    "block",
    "dir",
    "network",
    "volume",
    "nvme",
    "vhostuser",
];

impl SnapshotDiskDef {
    /// Parses one `<disk>` element as `virDomainSnapshotDiskDefParseXML` does.
    pub(crate) fn parse(node: roxmltree::Node) -> VirResult<Self> {
        let name = node.attr("name").ok_or_else(|| {
            VirError::internal(
                ErrorDomain::DomainSnapshot,
                "missing name from disk snapshot element",
            )
        })?;
        let mut d = SnapshotDiskDef {
            name: name.to_string(),
            ..Default::default()
        };
        if let Some(s) = node.attr("snapshot") {
            d.snapshot = SnapshotLocation::from_name(s)
                .ok_or_else(|| invalid_attr("snapshot", "disk", s))?;
        }
        if let Some(t) = node.attr("type") {
            if !STORAGE_TYPES.contains(&t) {
                return Err(invalid_attr("type", "disk", t));
            }
            // `file` is the default and stays implicit, so a model round-trips unchanged
            d.source_type = (t != "file").then(|| t.to_string());
        }
        if let Some(src) = node.child("source") {
            d.source = src
                .attr("file")
                .or_else(|| src.attr("dev"))
                .map(str::to_string);
        }
        if let Some(drv) = node.child("driver") {
            d.driver_type = drv.attr("type").map(str::to_string);
        }
        if d.snapshot == SnapshotLocation::Default
            && (d.source.is_some() || d.driver_type.is_some())
        {
            d.snapshot = SnapshotLocation::External;
        }
        if let Some(src) = &d.source {
            if !matches!(
                d.snapshot,
                SnapshotLocation::External | SnapshotLocation::Manual
            ) {
                return Err(VirError::new(
                    ErrorCode::ConfigUnsupported,
                    ErrorDomain::DomainSnapshot,
                    format!(
                        "file '{src}' for disk '{}' requires use of external snapshot mode",
                        d.name
                    ),
                ));
            }
        }
        Ok(d)
    }

    /// Formats as `virDomainSnapshotDiskDefFormat`.
    pub(crate) fn format(&self, w: &mut XmlWriter) {
        let mut attrs = Attrs::new().add("name", &self.name);
        if self.snapshot != SnapshotLocation::Default {
            attrs = attrs.add("snapshot", self.snapshot.as_str());
        }
        if self.source.is_none() && self.driver_type.is_none() {
            w.empty("disk", attrs);
            return;
        }
        let ty = self.source_type.as_deref().unwrap_or("file");
        w.open("disk", attrs.add("type", ty));
        if let Some(f) = &self.driver_type {
            w.empty("driver", Attrs::new().add("type", f));
        }
        if let Some(s) = &self.source {
            let key = if ty == "block" { "dev" } else { "file" };
            w.empty("source", Attrs::new().add(key, s));
        }
        w.close("disk");
    }
}
