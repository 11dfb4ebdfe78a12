//! The checkpoint definition model (`virDomainCheckpointDef`) and its formatter.

use crate::xml::{Attrs, XmlWriter};

/// One `<disks><disk name=… checkpoint=… bitmap=… size=…/>` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckpointDiskDef {
    /// `name`: the disk target.
    pub name: String,
    /// `checkpoint`: `bitmap` or `no` (empty = `default`, not formatted).
    pub checkpoint: String,
    /// `bitmap`: the bitmap name (checkpoint name by default).
    pub bitmap: Option<String>,
    /// `size`: the backup size estimate (`VIR_DOMAIN_CHECKPOINT_XML_SIZE` output only).
    pub size: Option<u64>,
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
    /// `<creationTime>` in seconds since the epoch (0 = not formatted).
    pub creation_time: i64,
    /// `<disks>`.
    pub disks: Vec<CheckpointDiskDef>,
    /// `<domain>`: the domain XML at checkpoint time, verbatim and unindented (redefine
    /// input; drivers fill it before formatting).
    pub domain: Option<String>,
}

impl CheckpointDef {
    /// Formats as `virDomainCheckpointDefFormat`, with `<domain>` when [`Self::domain`] is
    /// set and without disk sizes.
    pub fn format(&self) -> String {
        self.format_with(false)
    }

    /// Formats as `virDomainCheckpointDefFormat`; `size` is
    /// `VIR_DOMAIN_CHECKPOINT_FORMAT_SIZE` (disk `size` attributes where known).
    pub fn format_with(&self, size: bool) -> String {
        let mut w = XmlWriter::new();
        w.open("domaincheckpoint", Attrs::new());
        w.text("name", Attrs::new(), &self.name);
        w.opt_text("description", self.description.as_deref());
        if let Some(p) = &self.parent {
            w.open("parent", Attrs::new());
            w.text("name", Attrs::new(), p);
            w.close("parent");
        }
        if self.creation_time != 0 {
            w.text(
                "creationTime",
                Attrs::new(),
                &self.creation_time.to_string(),
            );
        }
        if !self.disks.is_empty() {
            w.open("disks", Attrs::new());
            for d in &self.disks {
                let kind = (!d.checkpoint.is_empty()).then_some(d.checkpoint.as_str());
                let sz = d.bitmap.as_ref().and(d.size).filter(|_| size);
                w.empty(
                    "disk",
                    Attrs::new()
                        .add("name", &d.name)
                        .opt("checkpoint", kind)
                        .opt("bitmap", d.bitmap.as_deref())
                        .opt("size", sz),
                );
            }
            w.close("disks");
        }
        if let Some(dom) = &self.domain {
            w.raw_lines(dom.trim_end());
        }
        w.close("domaincheckpoint");
        w.finish()
    }

    /// `virDomainCheckpointDefAssignBitmapNames`: bitmap disks without a bitmap name get
    /// the checkpoint's name.
    pub fn assign_bitmap_names(&mut self) {
        for d in &mut self.disks {
            if d.checkpoint == "bitmap" && d.bitmap.is_none() {
                d.bitmap = Some(self.name.clone());
            }
        }
    }
}
