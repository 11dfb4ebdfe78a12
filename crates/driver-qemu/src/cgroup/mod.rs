//! Resource control through cgroups (`vircgroup`): each guest gets a group
//! `machine/qemu-ID-NAME.libvirt-qemu` below the daemon's own placement (the layout libvirt
//! uses without systemd), with the v1 or v2 hierarchy behind one small trait picked at
//! runtime.

pub mod blkdev;
mod v1;
mod v2;

use std::io;
use std::path::{Path, PathBuf};

pub use blkdev::DevKnob;
pub use v1::CgroupV1;
pub use v2::CgroupV2;

/// One tunable a group exposes, whatever the hierarchy names its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knob {
    /// `cpu.shares` (v1) / `cpu.weight` (v2).
    CpuShares,
    /// `cpu.cfs_period_us` / the period of `cpu.max`.
    CfsPeriod,
    /// `cpu.cfs_quota_us` / the quota of `cpu.max`; `None` = unlimited.
    CfsQuota,
    /// `memory.limit_in_bytes` / `memory.max` (bytes; `None` = unlimited).
    MemHard,
    /// `memory.soft_limit_in_bytes` / `memory.high`.
    MemSoft,
    /// `memory.memsw.limit_in_bytes` / `memory.swap.max`.
    MemSwap,
    /// `blkio.bfq.weight`, `blkio.weight` / `io.bfq.weight`, `io.weight`.
    BlkioWeight,
}

/// A cgroup hierarchy (v1 or v2): create, fill, tune and remove groups named by a path
/// relative to the daemon's placement.
pub trait CgroupBackend: Send + Sync {
    /// 1 or 2.
    fn version(&self) -> u8;
    /// Creates `group` (and its parents) in every controller used.
    fn create(&self, group: &str) -> io::Result<()>;
    /// Moves process `pid` (every thread) into `group`.
    fn add_process(&self, group: &str, pid: i32) -> io::Result<()>;
    /// Moves one thread into `group` (v1 `tasks`; v2 threaded groups are not used).
    fn add_thread(&self, group: &str, tid: i32) -> io::Result<()>;
    /// Removes `group` and its children (they must be empty of processes).
    fn remove(&self, group: &str);
    /// Writes a knob; `None` means unlimited.
    fn set(&self, knob: Knob, group: &str, value: Option<u64>) -> io::Result<()>;
    /// Reads a knob; `None` means unlimited.
    fn get(&self, knob: Knob, group: &str) -> io::Result<Option<u64>>;
    /// The file a knob lives in (for errors and tests); `None` if unsupported here.
    fn knob_path(&self, knob: Knob, group: &str) -> Option<PathBuf>;
    /// Writes a per-device setting for block device `dev` (`MAJ:MIN`); 0 clears it.
    fn set_device(&self, knob: DevKnob, group: &str, dev: &str, value: u64) -> io::Result<()>;
    /// Reads a per-device setting of `dev` back (0 when unset).
    fn get_device(&self, knob: DevKnob, group: &str, dev: &str) -> io::Result<u64>;
}

/// Detects the hierarchy in use: v2 when the unified mount has controllers, else v1 when
/// its `cpu` and `memory` controllers are mounted; `None` without usable cgroups.
pub fn detect() -> Option<Box<dyn CgroupBackend>> {
    detect_at(Path::new("/sys/fs/cgroup"), Path::new("/proc/self/cgroup"))
}

/// [`detect`] on another mount root and placement file (tests).
pub fn detect_at(root: &Path, self_cgroup: &Path) -> Option<Box<dyn CgroupBackend>> {
    let placement = std::fs::read_to_string(self_cgroup).unwrap_or_default();
    let controllers = std::fs::read_to_string(root.join("cgroup.controllers")).unwrap_or_default();
    if controllers
        .split_whitespace()
        .any(|c| c == "cpu" || c == "memory")
    {
        return Some(Box::new(CgroupV2::new(root, &placement)));
    }
    if root.join("cpu/cpu.shares").exists() && root.join("memory").is_dir() {
        return Some(Box::new(CgroupV1::new(root, &placement)));
    }
    None
}

/// The daemon's own placement for a v1 controller (or the v2 path with `None`), from
/// `/proc/self/cgroup` lines `ID:controllers:/path`.
pub fn placement(self_cgroup: &str, controller: Option<&str>) -> String {
    for line in self_cgroup.lines() {
        let mut it = line.splitn(3, ':');
        let (_, ctls, path) = match (it.next(), it.next(), it.next()) {
            (Some(a), Some(b), Some(c)) => (a, b, c),
            _ => continue,
        };
        let hit = match controller {
            Some(c) => ctls.split(',').any(|x| x == c),
            None => ctls.is_empty(),
        };
        if hit {
            return path.trim_start_matches('/').to_string();
        }
    }
    String::new()
}

/// The group of one guest: `machine/qemu-ID-NAME.libvirt-qemu`, with `embed-HASH-` after
/// `qemu-` for a driver on its own root so parallel roots never share a group.
pub fn machine_group(id: i32, name: &str, root_tag: Option<&str>) -> String {
    let safe: String = name
        .chars()
        .map(|c| if c == '/' || c == '\n' { '_' } else { c })
        .collect();
    match root_tag {
        Some(t) => format!("machine/qemu-embed-{t}-{id}-{safe}.libvirt-qemu"),
        None => format!("machine/qemu-{id}-{safe}.libvirt-qemu"),
    }
}

/// A short stable tag of a root directory (FNV-1a, 8 hex digits).
pub fn root_tag(root: &Path) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in root.as_os_str().as_encoded_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// Reads one number from a cgroup file; `max`/huge values are unlimited.
pub(crate) fn read_num(path: &Path) -> io::Result<Option<u64>> {
    let s = std::fs::read_to_string(path)?;
    let t = s.split_whitespace().next().unwrap_or("");
    if t == "max" || t == "-1" {
        return Ok(None);
    }
    let v: u64 = t
        .parse()
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, format!("bad value '{t}'")))?;
    // v1 reports "no limit" as the page-rounded i64::MAX
    Ok(if v >= (i64::MAX as u64) & !0xfff {
        None
    } else {
        Some(v)
    })
}

/// Writes one value to a cgroup file.
pub(crate) fn write_str(path: &Path, v: &str) -> io::Result<()> {
    std::fs::write(path, v)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

/// Removes a group directory, children first (cgroup directories hold only control files).
pub(crate) fn remove_tree(dir: &Path) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                remove_tree(&e.path());
            }
        }
    }
    let _ = std::fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_per_controller() {
        let s = "9:name=systemd:/\n4:memory:/process_api/abc\n1:cpu:/\n0::/unified/x\n";
        assert_eq!(placement(s, Some("memory")), "process_api/abc");
        assert_eq!(placement(s, Some("cpu")), "");
        assert_eq!(placement(s, None), "unified/x");
    }

    #[test]
    fn group_names() {
        assert_eq!(
            machine_group(3, "vm", None),
            "machine/qemu-3-vm.libvirt-qemu"
        );
        let t = root_tag(Path::new("/tmp/r"));
        assert_eq!(t.len(), 8);
        assert_eq!(
            machine_group(1, "a/b", Some(&t)),
            format!("machine/qemu-embed-{t}-1-a_b.libvirt-qemu")
        );
    }

    #[test]
    fn numbers_and_unlimited() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        std::fs::write(&p, "9223372036854771712\n").unwrap();
        assert_eq!(read_num(&p).unwrap(), None);
        std::fs::write(&p, "max 100000\n").unwrap();
        assert_eq!(read_num(&p).unwrap(), None);
        std::fs::write(&p, "1024\n").unwrap();
        assert_eq!(read_num(&p).unwrap(), Some(1024));
    }

    #[test]
    fn detects_v1_and_v2_layouts() {
        let d = tempfile::tempdir().unwrap();
        let pl = d.path().join("self");
        std::fs::write(&pl, "1:cpu:/\n4:memory:/\n0::/\n").unwrap();
        assert!(detect_at(d.path(), &pl).is_none());
        std::fs::create_dir_all(d.path().join("cpu")).unwrap();
        std::fs::create_dir_all(d.path().join("memory")).unwrap();
        std::fs::write(d.path().join("cpu/cpu.shares"), "1024").unwrap();
        assert_eq!(detect_at(d.path(), &pl).unwrap().version(), 1);
        std::fs::write(d.path().join("cgroup.controllers"), "cpu io memory").unwrap();
        assert_eq!(detect_at(d.path(), &pl).unwrap().version(), 2);
    }
}

/// The driver's hierarchy, detected on first use.
#[derive(Default)]
pub struct DriverCgroups {
    backend: std::sync::OnceLock<Option<std::sync::Arc<dyn CgroupBackend>>>,
}

impl DriverCgroups {
    /// The hierarchy, or `None` where cgroups are unusable.
    pub fn get(&self) -> Option<std::sync::Arc<dyn CgroupBackend>> {
        self.backend
            .get_or_init(|| detect().map(std::sync::Arc::from))
            .clone()
    }
}
