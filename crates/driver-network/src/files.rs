//! On-disk layout: persistent configs, autostart links, live state and dnsmasq files.

use std::path::{Path, PathBuf};

use rvirt_core::error::{ErrorCode, VirError, VirResult};

use crate::driver::NetworkPaths;
use crate::errors::{system, NET};

impl NetworkPaths {
    /// libvirt's system layout under `root` (`/` for the real host).
    pub fn under_root(root: &Path) -> NetworkPaths {
        NetworkPaths {
            config_dir: root.join("etc/libvirt/qemu/networks"),
            autostart_dir: root.join("etc/libvirt/qemu/networks/autostart"),
            state_dir: root.join("run/libvirt/network"),
            lib_dir: root.join("var/lib/libvirt/dnsmasq"),
        }
    }

    pub(crate) fn config_file(&self, name: &str) -> PathBuf {
        self.config_dir.join(format!("{name}.xml"))
    }
    pub(crate) fn autostart_link(&self, name: &str) -> PathBuf {
        self.autostart_dir.join(format!("{name}.xml"))
    }
    pub(crate) fn state_file(&self, name: &str) -> PathBuf {
        self.state_dir.join(format!("{name}.xml"))
    }
    pub(crate) fn pid_file(&self, name: &str) -> PathBuf {
        self.state_dir.join(format!("{name}.pid"))
    }
    pub(crate) fn dnsmasq_conf(&self, name: &str) -> PathBuf {
        self.lib_dir.join(format!("{name}.conf"))
    }
    pub(crate) fn lease_file(&self, name: &str) -> PathBuf {
        self.lib_dir.join(format!("{name}.leases"))
    }
}

/// Network names become file names: no path separators, no leading dot.
pub fn check_file_name(name: &str) -> VirResult<()> {
    if name.is_empty() || name.contains('/') || name.starts_with('.') || name.contains('\0') {
        return Err(VirError::new(
            ErrorCode::XmlError,
            NET,
            format!("name {name} cannot contain '/'"),
        ));
    }
    Ok(())
}

/// Writes `data` to `path` atomically (temp file, fsync, rename).
pub fn write_atomic(path: &Path, data: &str) -> VirResult<()> {
    rvirt_util::fs::write_atomic(path, data.as_bytes(), None).map_err(|e| {
        VirError::new(
            ErrorCode::WriteFailed,
            NET,
            format!("{}: {e}", path.display()),
        )
    })
}

/// Removes a file, ignoring "not found".
pub fn remove(path: &Path) -> VirResult<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(system(format!("cannot remove '{}': {e}", path.display()))),
    }
}

/// Every `*.xml` file directly in `dir` (none when the directory is absent).
pub fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "xml"))
        .collect();
    v.sort();
    v
}
