//! The snapshot definition model (`virDomainSnapshotDef`) and its formatter.

use super::disk::SnapshotDiskDef;
use super::location::{SnapshotLocation, SnapshotState};
use crate::xml::{Attrs, XmlWriter};

/// A `<domainsnapshot>` document, as `virDomainSnapshotCreateXML` takes it and
/// `virDomainSnapshotGetXMLDesc` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SnapshotDef {
    /// `<name>`; when the user gave none, the creation time in seconds.
    pub name: String,
    /// `<description>`.
    pub description: Option<String>,
    /// `<state>`: the domain state at snapshot time (read only on redefine).
    pub state: SnapshotState,
    /// `<parent><name>` (read only on redefine).
    pub parent: Option<String>,
    /// `<creationTime>` in seconds since the epoch.
    pub creation_time: i64,
    /// `<memory snapshot=…>`.
    pub memory: SnapshotLocation,
    /// `<memory file=…>`: the external memory state file.
    pub memory_file: Option<String>,
    /// `<disks>`.
    pub disks: Vec<SnapshotDiskDef>,
    /// `<domain>`: the domain XML at snapshot time, verbatim and unindented.
    pub domain: Option<String>,
    /// `<inactiveDomain>`: the persistent definition of a running domain at snapshot time.
    pub inactive_domain: Option<String>,
    /// `<cookie>`: the driver's save cookie element, verbatim and unindented.
    pub cookie: Option<String>,
    /// `<active>` of the driver's metadata file: whether this is the current snapshot.
    pub current: bool,
}

/// Parse options (libvirt's `VIR_DOMAIN_SNAPSHOT_PARSE_*`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SnapshotParseFlags {
    /// `VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE`: read state, parent, creation time and domain.
    pub redefine: bool,
    /// `VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL`: driver metadata with `<active>`.
    pub internal: bool,
    /// The time used for `<creationTime>` (and the default name) of a new snapshot.
    pub now: i64,
}

/// Format options (libvirt's `VIR_DOMAIN_SNAPSHOT_FORMAT_*`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SnapshotFormatFlags {
    /// `VIR_DOMAIN_SNAPSHOT_FORMAT_INTERNAL`: add `<active>` for the metadata file.
    pub internal: bool,
}

impl SnapshotDef {
    /// Whether any part of the snapshot (memory or a disk) lives in external files.
    pub fn is_external(&self) -> bool {
        self.memory == SnapshotLocation::External
            || self
                .disks
                .iter()
                .any(|d| d.snapshot == SnapshotLocation::External)
    }

    /// Formats as `virDomainSnapshotDefFormat` (`virDomainSnapshotGetXMLDesc`).
    pub fn format(&self, flags: SnapshotFormatFlags) -> String {
        let mut w = XmlWriter::new();
        w.open("domainsnapshot", Attrs::new());
        w.text("name", Attrs::new(), &self.name);
        w.opt_text("description", self.description.as_deref());
        w.text("state", Attrs::new(), self.state.as_str());
        if let Some(p) = &self.parent {
            w.open("parent", Attrs::new());
            w.text("name", Attrs::new(), p);
            w.close("parent");
        }
        w.text(
            "creationTime",
            Attrs::new(),
            &self.creation_time.to_string(),
        );
        if self.memory != SnapshotLocation::Default {
            w.empty(
                "memory",
                Attrs::new()
                    .add("snapshot", self.memory.as_str())
                    .opt("file", self.memory_file.as_deref()),
            );
        }
        if !self.disks.is_empty() {
            w.open("disks", Attrs::new());
            for d in &self.disks {
                d.format(&mut w);
            }
            w.close("disks");
        }
        for block in [&self.domain, &self.inactive_domain, &self.cookie]
            .into_iter()
            .flatten()
        {
            w.raw_lines(block.trim_end());
        }
        if flags.internal {
            w.text("active", Attrs::new(), if self.current { "1" } else { "0" });
        }
        w.close("domainsnapshot");
        w.finish()
    }
}
