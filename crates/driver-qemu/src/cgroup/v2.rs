//! cgroup v2: one unified tree; a guest group below the daemon's placement, with the
//! `cpu`, `memory` and `io` controllers enabled on the way down.

use super::blkdev::{missing, v1_read, v2_max_line, v2_read_max, v2_weight_line, DevKnob};
use super::v1::unsupported;
use super::{placement, read_num, remove_tree, write_str, CgroupBackend, Knob};
use std::io;
use std::path::{Path, PathBuf};

/// The unified hierarchy.
pub struct CgroupV2 {
    base: PathBuf,
}

impl CgroupV2 {
    /// The hierarchy mounted at `root`, placed by `self_cgroup`.
    pub fn new(root: &Path, self_cgroup: &str) -> Self {
        CgroupV2 {
            base: root.join(placement(self_cgroup, None)),
        }
    }

    fn file(&self, knob: Knob, group: &str) -> Option<PathBuf> {
        let files: &[&str] = match knob {
            Knob::CpuShares => &["cpu.weight"],
            Knob::CfsPeriod | Knob::CfsQuota => &["cpu.max"],
            Knob::MemHard => &["memory.max"],
            Knob::MemSoft => &["memory.high"],
            Knob::MemSwap => &["memory.swap.max"],
            Knob::BlkioWeight => &["io.bfq.weight", "io.weight"],
        };
        let dir = self.base.join(group);
        files.iter().map(|f| dir.join(f)).find(|p| p.exists())
    }
}

impl CgroupBackend for CgroupV2 {
    fn version(&self) -> u8 {
        2
    }

    fn create(&self, group: &str) -> io::Result<()> {
        let mut cur = self.base.clone();
        for part in group.split('/') {
            // enable the controllers for the children of each level we create under
            let _ = write_str(&cur.join("cgroup.subtree_control"), "+cpu +memory +io");
            cur = cur.join(part);
            if !cur.is_dir() {
                std::fs::create_dir(&cur)?;
            }
        }
        Ok(())
    }

    fn add_process(&self, group: &str, pid: i32) -> io::Result<()> {
        write_str(
            &self.base.join(group).join("cgroup.procs"),
            &pid.to_string(),
        )
    }

    fn add_thread(&self, _group: &str, _tid: i32) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "per-thread groups are not used with cgroup v2",
        ))
    }

    fn remove(&self, group: &str) {
        remove_tree(&self.base.join(group));
    }

    fn set(&self, knob: Knob, group: &str, value: Option<u64>) -> io::Result<()> {
        let path = self.file(knob, group).ok_or_else(|| unsupported(knob))?;
        let v = value.map_or_else(|| "max".to_string(), |v| v.to_string());
        match knob {
            Knob::CfsQuota | Knob::CfsPeriod => {
                let cur = std::fs::read_to_string(&path)?;
                let mut it = cur.split_whitespace();
                let (quota, period) = (it.next().unwrap_or("max"), it.next().unwrap_or("100000"));
                let line = if knob == Knob::CfsQuota {
                    format!("{v} {period}")
                } else {
                    format!("{quota} {v}")
                };
                write_str(&path, &line)
            }
            Knob::BlkioWeight if path.ends_with("io.weight") => {
                write_str(&path, &format!("default {v}"))
            }
            _ => write_str(&path, &v),
        }
    }

    fn get(&self, knob: Knob, group: &str) -> io::Result<Option<u64>> {
        let path = self.file(knob, group).ok_or_else(|| unsupported(knob))?;
        let s = std::fs::read_to_string(&path)?;
        let words: Vec<&str> = s.split_whitespace().collect();
        let pick = match knob {
            Knob::CfsPeriod => words.get(1),
            Knob::BlkioWeight if words.first() == Some(&"default") => words.get(1),
            _ => words.first(),
        };
        match pick {
            Some(&"max") | None => Ok(None),
            Some(w) => w.parse().map(Some).map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: bad value", path.display()),
                )
            }),
        }
        .or_else(|e: io::Error| read_num(&path).map_err(|_| e))
    }

    fn knob_path(&self, knob: Knob, group: &str) -> Option<PathBuf> {
        self.file(knob, group)
    }

    fn set_device(&self, knob: DevKnob, group: &str, dev: &str, value: u64) -> io::Result<()> {
        let path = self.dev_file(knob, group).ok_or_else(|| missing(knob))?;
        let line = match knob.v2_key() {
            Some(key) => v2_max_line(dev, key, value),
            None => v2_weight_line(dev, value),
        };
        write_str(&path, &line)
    }

    fn get_device(&self, knob: DevKnob, group: &str, dev: &str) -> io::Result<u64> {
        let path = self.dev_file(knob, group).ok_or_else(|| missing(knob))?;
        let text = std::fs::read_to_string(path)?;
        Ok(match knob.v2_key() {
            Some(key) => v2_read_max(&text, dev, key),
            None => v1_read(&text, dev),
        })
    }
}

impl CgroupV2 {
    /// `io.max` for the limits; `io.bfq.weight` (else `io.weight`) for the weight.
    fn dev_file(&self, knob: DevKnob, group: &str) -> Option<PathBuf> {
        let files: &[&str] = match knob {
            DevKnob::Weight => &["io.bfq.weight", "io.weight"],
            _ => &["io.max"],
        };
        let dir = self.base.join(group);
        files.iter().map(|f| dir.join(f)).find(|p| p.exists())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_max_keeps_the_other_half() {
        let d = tempfile::tempdir().unwrap();
        let cg = CgroupV2::new(d.path(), "0::/\n");
        cg.create("machine/g").unwrap();
        let f = d.path().join("machine/g/cpu.max");
        std::fs::write(&f, "max 100000\n").unwrap();
        cg.set(Knob::CfsQuota, "machine/g", Some(50000)).unwrap();
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "50000 100000");
        cg.set(Knob::CfsPeriod, "machine/g", Some(200000)).unwrap();
        assert_eq!(cg.get(Knob::CfsPeriod, "machine/g").unwrap(), Some(200000));
        assert_eq!(cg.get(Knob::CfsQuota, "machine/g").unwrap(), Some(50000));
    }

    /// A fake `io.max` that behaves like the kernel's: writes merge into the device line.
    #[test]
    fn io_max_and_weight_per_device() {
        let d = tempfile::tempdir().unwrap();
        let cg = CgroupV2::new(d.path(), "0::/\n");
        cg.create("machine/g").unwrap();
        assert!(cg
            .set_device(DevKnob::ReadBps, "machine/g", "8:0", 1)
            .is_err());
        let max = d.path().join("machine/g/io.max");
        let weight = d.path().join("machine/g/io.weight");
        std::fs::write(&max, "").unwrap();
        std::fs::write(&weight, "default 100\n").unwrap();
        cg.set_device(DevKnob::WriteIops, "machine/g", "8:0", 50)
            .unwrap();
        assert_eq!(std::fs::read_to_string(&max).unwrap(), "8:0 wiops=50");
        // what the kernel then shows
        std::fs::write(&max, "8:0 rbps=max wbps=max riops=max wiops=50\n").unwrap();
        assert_eq!(
            cg.get_device(DevKnob::WriteIops, "machine/g", "8:0")
                .unwrap(),
            50
        );
        assert_eq!(
            cg.get_device(DevKnob::ReadBps, "machine/g", "8:0").unwrap(),
            0
        );
        cg.set_device(DevKnob::ReadBps, "machine/g", "8:0", 0)
            .unwrap();
        assert_eq!(std::fs::read_to_string(&max).unwrap(), "8:0 rbps=max");
        cg.set_device(DevKnob::Weight, "machine/g", "8:0", 300)
            .unwrap();
        assert_eq!(std::fs::read_to_string(&weight).unwrap(), "8:0 300");
        std::fs::write(&weight, "default 100\n8:0 300\n").unwrap();
        assert_eq!(
            cg.get_device(DevKnob::Weight, "machine/g", "8:0").unwrap(),
            300
        );
    }
}
