//! The checkpoint definition model (`virDomainCheckpointDef`) and its formatter.

use crate::xml::{Attrs, XmlWriter};

/// One `<disks><disk name=… checkpoint=… bitmap=…/>` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckpointDiskDef {
    /// `name`: the disk target.
    pub name: String,
    /// `checkpoint`: `bitmap` or `no`.
    pub checkpoint: String,
    /// `bitmap`: the bitmap name (checkpoint name by default).
    pub bitmap: Option<String>,
}

/// A `<domaincheckpoint>` document, as `virDomainCheckpointCreateXML` takes it and
/// `virDomainCheckpointGetXMLDesc` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckpointDef {
    /// `<name>`; when the user gave none, the creation time in seconds.
    pub name: String,
    /// `<description>`.
    pub description: Option<String>,
    /// `<parent><name>`.
    pub parent: Option<String>,
    /// `<creationTime>` in seconds since the epoch.
    pub creation_time: i64,
    /// `<disks>`.
    pub disks: Vec<CheckpointDiskDef>,
}

impl CheckpointDef {
    /// Formats as `virDomainCheckpointDefFormat` (without `<domain>`).
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open("domaincheckpoint", Attrs::new());
        w.text("name", Attrs::new(), &self.name);
        w.opt_text("description", self.description.as_deref());
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
        if !self.disks.is_empty() {
            w.open("disks", Attrs::new());
            for d in &self.disks {
                w.empty(
                    "disk",
                    Attrs::new()
                        .add("name", &d.name)
                        .add("checkpoint", &d.checkpoint)
                        .opt("bitmap", d.bitmap.as_deref()),
                );
            }
            w.close("disks");
        }
        w.close("domaincheckpoint");
        w.finish()
    }
}
