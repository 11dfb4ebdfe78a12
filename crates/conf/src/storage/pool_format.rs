//! Writing `<pool>` documents (`virStoragePoolDefFormat`).

use super::pool::PoolDef;
use crate::xml::values::format_uuid;
use crate::xml::{Attrs, XmlWriter};

impl PoolDef {
    /// Formats the pool as `virStoragePoolGetXMLDesc` does.
    pub fn format(&self) -> String {
        let mut w = XmlWriter::new();
        w.open("pool", Attrs::new().add("type", self.pool_type.as_str()));
        w.text("name", Attrs::new(), &self.name);
        w.text("uuid", Attrs::new(), &format_uuid(&self.uuid));
        let bytes = || Attrs::new().add("unit", "bytes");
        w.text("capacity", bytes(), &self.capacity.to_string());
        w.text("allocation", bytes(), &self.allocation.to_string());
        w.text("available", bytes(), &self.available.to_string());
        self.source.format(&mut w, self.pool_type);
        if let Some(p) = &self.target_path {
            w.open("target", Attrs::new());
            w.text("path", Attrs::new(), p);
            self.target_perms.format(&mut w);
            w.close("target");
        }
        w.close("pool");
        w.finish()
    }
}
