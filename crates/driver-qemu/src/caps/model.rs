//! What a QEMU binary can do (`virQEMUCaps`), as probed and cached.

use serde::{Deserialize, Serialize};

/// One machine type (`query-machines` entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MachineType {
    pub name: String,
    /// The alias this machine type carries (`pc` for `pc-i440fx-7.2`).
    pub alias: Option<String>,
    pub is_default: bool,
    pub cpu_max: u32,
    pub deprecated: bool,
}

/// Probed capabilities of one emulator binary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QemuCaps {
    /// Absolute path of the binary.
    pub binary: String,
    /// Modification time (seconds since the epoch) the probe saw; the cache key with `binary`.
    pub mtime: i64,
    /// Guest architecture (`x86_64`).
    pub arch: String,
    /// `(major, minor, micro)` from `query-version`.
    pub version: (u32, u32, u32),
    pub package: String,
    pub machines: Vec<MachineType>,
    /// CPU model names (`query-cpu-definitions`).
    pub cpu_models: Vec<String>,
    /// Models QEMU reports `unavailable-features` for (libvirt's `usable='no'`); `None` in
    /// caches written before rvirt recorded it, which are re-probed.
    #[serde(default)]
    pub cpu_unusable: Option<Vec<String>>,
    /// `/dev/kvm` is present and QEMU accepts it (`query-kvm` with `accel=kvm`).
    pub kvm_present: bool,
    /// A real guest instruction stream ran under KVM (the honest test; see `kvm.rs`).
    pub kvm_usable: bool,
}

impl QemuCaps {
    /// libvirt's version number encoding: major * 1,000,000 + minor * 1,000 + micro.
    pub fn version_number(&self) -> u64 {
        let (a, b, c) = self.version;
        u64::from(a) * 1_000_000 + u64::from(b) * 1_000 + u64::from(c)
    }

    /// Resolves a machine name or alias to its canonical name; `None` means the default.
    pub fn canonical_machine(&self, name: Option<&str>) -> Option<String> {
        match name {
            None => self
                .machines
                .iter()
                .find(|m| m.is_default)
                .map(|m| m.name.clone()),
            Some(n) => self
                .machines
                .iter()
                .find(|m| m.alias.as_deref() == Some(n))
                .or_else(|| self.machines.iter().find(|m| m.name == n))
                .map(|m| m.name.clone()),
        }
    }

    /// A fixed capabilities record for QEMU 7.2 (argv goldens and unit tests use it so
    /// their output does not depend on the installed binary).
    pub fn fixture_7_2() -> QemuCaps {
        let m = |name: &str, alias: Option<&str>, def: bool, max: u32| MachineType {
            name: name.into(),
            alias: alias.map(str::to_string),
            is_default: def,
            cpu_max: max,
            deprecated: false,
        };
        QemuCaps {
            binary: "/usr/bin/qemu-system-x86_64".into(),
            mtime: 0,
            arch: "x86_64".into(),
            version: (7, 2, 0),
            package: String::new(),
            machines: vec![
                m("pc-i440fx-7.2", Some("pc"), true, 255),
                m("pc-q35-7.2", Some("q35"), false, 288),
                m("isapc", None, false, 1),
                m("none", None, false, 1),
            ],
            cpu_models: vec!["qemu64".into(), "max".into(), "host".into()],
            cpu_unusable: Some(Vec::new()),
            kvm_present: false,
            kvm_usable: false,
        }
    }
}
