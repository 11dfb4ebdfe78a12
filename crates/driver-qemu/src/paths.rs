//! Where the QEMU driver keeps its files (`virQEMUDriverConfig` directories).

use std::path::{Path, PathBuf};

/// The driver's directories: persistent XML, live status, state, logs and caches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QemuPaths {
    /// Persistent domain XML (`/etc/libvirt/qemu`); autostart links in `autostart/` below it.
    pub config_dir: PathBuf,
    /// Live status XML and per-domain sockets (`/run/libvirt/qemu`).
    pub run_dir: PathBuf,
    /// Managed-save images, nvram, channel sockets (`/var/lib/libvirt/qemu`).
    pub state_dir: PathBuf,
    /// Per-domain QEMU logs (`/var/log/libvirt/qemu`).
    pub log_dir: PathBuf,
    /// Capabilities cache (`/var/cache/libvirt/qemu`).
    pub cache_dir: PathBuf,
}

impl QemuPaths {
    /// The system layout (`qemu:///system` of a daemon without `--root`).
    pub fn system() -> Self {
        Self::under(Path::new("/"))
    }

    /// The system layout below `root` (`rvirtd --root DIR`, `qemu:///embed?root=DIR`).
    pub fn under(root: &Path) -> Self {
        QemuPaths {
            config_dir: root.join("etc/libvirt/qemu"),
            run_dir: root.join("run/libvirt/qemu"),
            state_dir: root.join("var/lib/libvirt/qemu"),
            log_dir: root.join("var/log/libvirt/qemu"),
            cache_dir: root.join("var/cache/libvirt/qemu"),
        }
    }

    /// The directory of autostart links (`/etc/libvirt/qemu/autostart`).
    pub fn autostart_dir(&self) -> PathBuf {
        self.config_dir.join("autostart")
    }

    /// Creates every directory (mode 0700 for run/state, as libvirt).
    pub fn create_all(&self) -> std::io::Result<()> {
        for d in [
            &self.config_dir,
            &self.run_dir,
            &self.state_dir,
            &self.log_dir,
            &self.cache_dir,
        ] {
            std::fs::create_dir_all(d)?;
        }
        std::fs::create_dir_all(self.autostart_dir())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_and_rooted_layouts() {
        let s = QemuPaths::system();
        assert_eq!(s.config_dir, PathBuf::from("/etc/libvirt/qemu"));
        assert_eq!(s.run_dir, PathBuf::from("/run/libvirt/qemu"));
        let r = QemuPaths::under(Path::new("/tmp/x"));
        assert_eq!(r.log_dir, PathBuf::from("/tmp/x/var/log/libvirt/qemu"));
        assert_eq!(
            r.autostart_dir(),
            PathBuf::from("/tmp/x/etc/libvirt/qemu/autostart")
        );
    }
}
