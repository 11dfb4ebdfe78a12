//! cgroup v1: one mount per controller (`/sys/fs/cgroup/cpu`, `…/memory`, …), each group
//! created below the daemon's placement in that controller.

use super::blkdev::{missing, v1_read, DevKnob};
use super::{placement, read_num, remove_tree, write_str, CgroupBackend, Knob};
use std::io;
use std::path::{Path, PathBuf};

/// The controllers a guest group is created in.
const CONTROLLERS: [&str; 5] = ["cpu", "cpuacct", "cpuset", "memory", "blkio"];

/// The v1 hierarchy.
pub struct CgroupV1 {
    /// Per controller: the directory groups are created below.
    bases: Vec<(&'static str, PathBuf)>,
}

impl CgroupV1 {
    /// The hierarchy mounted at `root`, placed by `self_cgroup` (`/proc/self/cgroup`).
    pub fn new(root: &Path, self_cgroup: &str) -> Self {
        let bases = CONTROLLERS
            .iter()
            .filter(|c| root.join(c).is_dir())
            .map(|c| (*c, root.join(c).join(placement(self_cgroup, Some(c)))))
            .collect();
        CgroupV1 { bases }
    }

    fn dir(&self, controller: &str, group: &str) -> Option<PathBuf> {
        self.bases
            .iter()
            .find(|(c, _)| *c == controller)
            .map(|(_, b)| b.join(group))
    }

    /// (controller, candidate files) of a knob.
    fn file(&self, knob: Knob, group: &str) -> Option<PathBuf> {
        let (ctl, files): (&str, &[&str]) = match knob {
            Knob::CpuShares => ("cpu", &["cpu.shares"]),
            Knob::CfsPeriod => ("cpu", &["cpu.cfs_period_us"]),
            Knob::CfsQuota => ("cpu", &["cpu.cfs_quota_us"]),
            Knob::MemHard => ("memory", &["memory.limit_in_bytes"]),
            Knob::MemSoft => ("memory", &["memory.soft_limit_in_bytes"]),
            Knob::MemSwap => ("memory", &["memory.memsw.limit_in_bytes"]),
            Knob::BlkioWeight => ("blkio", &["blkio.bfq.weight", "blkio.weight"]),
        };
        let dir = self.dir(ctl, group)?;
        files.iter().map(|f| dir.join(f)).find(|p| p.exists())
    }

    /// cpuset groups start with empty `cpus`/`mems`: copy the parent's so tasks can join.
    fn init_cpuset(&self, group: &str) -> io::Result<()> {
        let Some(base) = self.dir("cpuset", "") else {
            return Ok(());
        };
        let mut cur = base.clone();
        for part in group.split('/') {
            let parent = cur.clone();
            cur = cur.join(part);
            for f in ["cpuset.cpus", "cpuset.mems"] {
                let mine = std::fs::read_to_string(cur.join(f)).unwrap_or_default();
                if mine.trim().is_empty() {
                    let v = std::fs::read_to_string(parent.join(f))?;
                    write_str(&cur.join(f), v.trim())?;
                }
            }
        }
        Ok(())
    }
}

impl CgroupBackend for CgroupV1 {
    fn version(&self) -> u8 {
        1
    }

    fn create(&self, group: &str) -> io::Result<()> {
        for (_, base) in &self.bases {
            std::fs::create_dir_all(base.join(group))?;
        }
        self.init_cpuset(group)
    }

    fn add_process(&self, group: &str, pid: i32) -> io::Result<()> {
        for (_, base) in &self.bases {
            write_str(&base.join(group).join("cgroup.procs"), &pid.to_string())?;
        }
        Ok(())
    }

    fn add_thread(&self, group: &str, tid: i32) -> io::Result<()> {
        for (c, base) in &self.bases {
            if matches!(*c, "cpu" | "cpuacct" | "cpuset") {
                write_str(&base.join(group).join("tasks"), &tid.to_string())?;
            }
        }
        Ok(())
    }

    fn remove(&self, group: &str) {
        for (_, base) in &self.bases {
            remove_tree(&base.join(group));
        }
    }

    fn set(&self, knob: Knob, group: &str, value: Option<u64>) -> io::Result<()> {
        let path = self
            .knob_path(knob, group)
            .ok_or_else(|| unsupported(knob))?;
        let v = match value {
            Some(v) => v.to_string(),
            None => "-1".into(),
        };
        write_str(&path, &v)
    }

    fn get(&self, knob: Knob, group: &str) -> io::Result<Option<u64>> {
        let path = self
            .knob_path(knob, group)
            .ok_or_else(|| unsupported(knob))?;
        read_num(&path)
    }

    fn knob_path(&self, knob: Knob, group: &str) -> Option<PathBuf> {
        self.file(knob, group)
    }

    fn set_device(&self, knob: DevKnob, group: &str, dev: &str, value: u64) -> io::Result<()> {
        let path = self.dev_file(knob, group).ok_or_else(|| missing(knob))?;
        write_str(&path, &format!("{dev} {value}"))
    }

    fn get_device(&self, knob: DevKnob, group: &str, dev: &str) -> io::Result<u64> {
        let path = self.dev_file(knob, group).ok_or_else(|| missing(knob))?;
        Ok(v1_read(&std::fs::read_to_string(path)?, dev))
    }
}

impl CgroupV1 {
    fn dev_file(&self, knob: DevKnob, group: &str) -> Option<PathBuf> {
        let dir = self.dir("blkio", group)?;
        knob.v1_files()
            .iter()
            .map(|f| dir.join(f))
            .find(|p| p.exists())
    }
}

pub(crate) fn unsupported(knob: Knob) -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        format!("{knob:?} is not supported by this host's cgroups"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knobs_in_a_fake_hierarchy() {
        let d = tempfile::tempdir().unwrap();
        for c in ["cpu", "memory", "cpuset"] {
            std::fs::create_dir_all(d.path().join(c)).unwrap();
        }
        std::fs::write(d.path().join("cpuset/cpuset.cpus"), "0-1\n").unwrap();
        std::fs::write(d.path().join("cpuset/cpuset.mems"), "0\n").unwrap();
        let cg = CgroupV1::new(d.path(), "1:cpu:/\n3:cpuset:/\n4:memory:/\n");
        cg.create("machine/g").unwrap();
        assert_eq!(
            std::fs::read_to_string(d.path().join("cpuset/machine/g/cpuset.cpus")).unwrap(),
            "0-1"
        );
        // a real kernel creates the control files; here they are plain files
        std::fs::write(d.path().join("cpu/machine/g/cpu.shares"), "1024").unwrap();
        cg.set(Knob::CpuShares, "machine/g", Some(512)).unwrap();
        assert_eq!(cg.get(Knob::CpuShares, "machine/g").unwrap(), Some(512));
        assert!(cg.set(Knob::BlkioWeight, "machine/g", Some(5)).is_err());
    }

    #[test]
    fn device_throttles_in_a_fake_blkio_hierarchy() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("blkio")).unwrap();
        let cg = CgroupV1::new(d.path(), "7:blkio:/\n");
        cg.create("machine/g").unwrap();
        let f = d
            .path()
            .join("blkio/machine/g/blkio.throttle.read_bps_device");
        std::fs::write(&f, "").unwrap();
        cg.set_device(DevKnob::ReadBps, "machine/g", "254:0", 4096)
            .unwrap();
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "254:0 4096");
        assert_eq!(
            cg.get_device(DevKnob::ReadBps, "machine/g", "254:0")
                .unwrap(),
            4096
        );
        let e = cg
            .set_device(DevKnob::Weight, "machine/g", "254:0", 500)
            .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::Unsupported);
    }
}
