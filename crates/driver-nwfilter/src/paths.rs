//! Where the driver keeps its files.

use std::path::{Path, PathBuf};

/// The nwfilter driver's directories.
#[derive(Debug, Clone)]
pub struct NwFilterPaths {
    /// Persistent filter XML, one `NAME.xml` each (`/etc/libvirt/nwfilter`).
    pub config_dir: PathBuf,
    /// Binding status files, one `PORTDEV.xml` each (`/run/libvirt/nwfilter-binding`).
    pub binding_dir: PathBuf,
}

impl NwFilterPaths {
    /// The system daemon's layout under `root` (`/` for a real system daemon).
    pub fn under_root(root: &Path) -> NwFilterPaths {
        NwFilterPaths {
            config_dir: root.join("etc/libvirt/nwfilter"),
            binding_dir: root.join("run/libvirt/nwfilter-binding"),
        }
    }

    pub(crate) fn filter_file(&self, name: &str) -> PathBuf {
        self.config_dir.join(format!("{name}.xml"))
    }

    pub(crate) fn binding_file(&self, portdev: &str) -> PathBuf {
        self.binding_dir.join(format!("{portdev}.xml"))
    }
}
