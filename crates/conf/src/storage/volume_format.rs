//! Writing `<volume>` documents (`virStorageVolDefFormat`).

use super::volume::VolumeDef;
use crate::xml::{Attrs, XmlWriter};

impl VolumeDef {
    /// Formats the volume as `virStorageVolGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open("volume", Attrs::new().add("type", &self.vol_type));
        w.text("name", Attrs::new(), &self.name);
        w.opt_text("key", self.key.as_deref());
        let bytes = || Attrs::new().add("unit", "bytes");
        w.text("capacity", bytes(), &self.capacity.to_string());
        w.text("allocation", bytes(), &self.allocation.to_string());
        w.open("target", Attrs::new());
        w.opt_text("path", self.target_path.as_deref());
        if let Some(f) = &self.format_type {
            w.empty("format", Attrs::new().add("type", f));
        }
        self.perms.format(&mut w);
        if let Some(e) = &self.encryption {
            e.format(&mut w);
        }
        w.opt_text("compat", self.compat.as_deref());
        if let Some(c) = self.cluster_size {
            w.text("clusterSize", Attrs::new().add("unit", "B"), &c.to_string());
        }
        if self.has_features {
            w.open("features", Attrs::new());
            if self.lazy_refcounts {
                w.empty("lazy_refcounts", Attrs::new());
            }
            if self.extended_l2 {
                w.empty("extended_l2", Attrs::new());
            }
            w.close("features");
        }
        w.close("target");
        if let Some(b) = &self.backing_store {
            w.open("backingStore", Attrs::new());
            w.text("path", Attrs::new(), &b.path);
            if let Some(f) = &b.format_type {
                w.empty("format", Attrs::new().add("type", f));
            }
            b.perms.format(&mut w);
            w.close("backingStore");
        }
        w.close("volume");
        w.finish()
    }
}
