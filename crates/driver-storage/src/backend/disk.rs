//! `disk` pools: a partition table on a block device (or image file), edited with parted.

use async_trait::async_trait;
use rvirt_conf::storage::{PoolDef, PoolType, VolumeDef};
use rvirt_core::error::{ErrorCode, VirError, VirResult};

use super::{check_overwrite_flags, PoolBackend, PoolSizes, Scan, BUILD_OVERWRITE};
use crate::cmd::Cmd;
use crate::errors::{internal, DOM};
use crate::names::check_vol_name;

/// `<pool type='disk'>`.
pub struct DiskBackend;

const ALIGN: u64 = 1 << 20;

/// One line of `parted -s -m DEV unit B print free`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartedPartition {
    /// 0 for free space.
    pub number: u32,
    pub start: u64,
    pub end: u64,
    pub size: u64,
    pub fs: String,
    pub free: bool,
}

fn bytes(s: &str) -> Option<u64> {
    s.trim_end_matches('B').parse().ok()
}

/// Parses parted's machine output: (disk size, label, partitions and free extents).
pub fn parse_parted(out: &str) -> VirResult<(u64, String, Vec<PartedPartition>)> {
    let bad = || internal(format!("cannot parse parted output: {out}"));
    let mut lines = out.lines().map(|l| l.trim_end_matches(';'));
    if lines.next() != Some("BYT") {
        return Err(bad());
    }
    let disk: Vec<&str> = lines.next().ok_or_else(bad)?.split(':').collect();
    let size = disk.get(1).and_then(|s| bytes(s)).ok_or_else(bad)?;
    let label = disk.get(5).map(|s| s.to_string()).unwrap_or_default();
    let mut parts = Vec::new();
    for l in lines {
        let f: Vec<&str> = l.split(':').collect();
        if f.len() < 5 {
            continue;
        }
        let free = f[4] == "free";
        parts.push(PartedPartition {
            number: if free {
                0
            } else {
                f[0].parse().map_err(|_| bad())?
            },
            start: bytes(f[1]).ok_or_else(bad)?,
            end: bytes(f[2]).ok_or_else(bad)?,
            size: bytes(f[3]).ok_or_else(bad)?,
            fs: if free {
                String::new()
            } else {
                f[4].to_string()
            },
            free,
        });
    }
    Ok((size, label, parts))
}

fn device(def: &PoolDef) -> VirResult<&str> {
    def.source
        .devices
        .first()
        .map(String::as_str)
        .ok_or_else(|| internal("missing source device"))
}

/// The path of partition `n` of `dev` (`/dev/sda` → `/dev/sda1`, `/dev/loop0` → `/dev/loop0p1`).
pub fn part_path(dev: &str, n: u32) -> String {
    if dev.ends_with(|c: char| c.is_ascii_digit()) {
        format!("{dev}p{n}")
    } else {
        format!("{dev}{n}")
    }
}

fn label_for(format: &str) -> &str {
    match format {
        "dos" | "unknown" => "msdos",
        f => f,
    }
}

/// `parted DEV mklabel --script LABEL`.
pub fn mklabel_cmd(dev: &str, format: &str) -> Cmd {
    Cmd::new("parted").args([dev, "mklabel", "--script", label_for(format)])
}

/// `parted DEV mkpart --script primary [FSTYPE] STARTB ENDB`.
pub fn mkpart_cmd(dev: &str, fs: Option<&str>, start: u64, end: u64) -> Cmd {
    let mut c = Cmd::new("parted").args([dev, "mkpart", "--script", "primary"]);
    if let Some(f) = fs {
        c = c.arg(f);
    }
    c.args([format!("{start}B"), format!("{end}B")])
}

async fn print(dev: &str) -> VirResult<(u64, String, Vec<PartedPartition>)> {
    let out = Cmd::new("parted")
        .args(["-s", "-m", dev, "unit", "B", "print", "free"])
        .run()
        .await?;
    parse_parted(&out)
}

fn vol_from(dev: &str, p: &PartedPartition) -> VolumeDef {
    let path = part_path(dev, p.number);
    let name = path.rsplit('/').next().unwrap_or(&path).to_string();
    VolumeDef {
        name,
        key: Some(path.clone()),
        vol_type: "block".into(),
        capacity: p.size,
        allocation: p.size,
        target_path: Some(path),
        format_type: Some(
            match p.fs.as_str() {
                "linux-swap(v1)" | "linux-swap" => "linux-swap",
                "fat16" => "fat16",
                "fat32" => "fat32",
                "" => "none",
                _ => "linux",
            }
            .to_string(),
        ),
        ..VolumeDef::default()
    }
}

#[async_trait]
impl PoolBackend for DiskBackend {
    fn pool_type(&self) -> PoolType {
        PoolType::Disk
    }
    async fn build(&self, def: &PoolDef, flags: u32) -> VirResult<()> {
        check_overwrite_flags(flags)?;
        let dev = device(def)?;
        if flags & BUILD_OVERWRITE == 0 {
            let (rc, out, _) = Cmd::new("parted")
                .args(["-s", "-m", dev, "unit", "B", "print"])
                .run_raw()
                .await?;
            if rc == 0 {
                if let Ok((_, label, _)) = parse_parted(&out) {
                    if label != "unknown" && !label.is_empty() {
                        return Err(VirError::new(
                            ErrorCode::StoragePoolBuilt,
                            DOM,
                            format!("Device '{dev}' already formatted using '{label}'"),
                        ));
                    }
                }
            }
        }
        let fmt = def.source.format.as_deref().unwrap_or("dos");
        mklabel_cmd(dev, fmt).run().await.map(|_| ())
    }
    async fn refresh(&self, def: &PoolDef, _known: &[VolumeDef]) -> VirResult<Scan> {
        let dev = device(def)?;
        let (size, _, parts) = print(dev).await?;
        let volumes: Vec<VolumeDef> = parts
            .iter()
            .filter(|p| !p.free)
            .map(|p| vol_from(dev, p))
            .collect();
        let allocation = volumes.iter().map(|v| v.allocation).sum();
        let available = parts.iter().filter(|p| p.free).map(|p| p.size).sum();
        Ok(Scan {
            sizes: PoolSizes {
                capacity: size,
                allocation,
                available,
            },
            volumes,
        })
    }
    async fn create_vol(&self, def: &PoolDef, vol: &mut VolumeDef) -> VirResult<()> {
        check_vol_name(&vol.name)?;
        let dev = device(def)?;
        let (_, _, parts) = print(dev).await?;
        let next = (1..)
            .find(|n| !parts.iter().any(|p| p.number == *n))
            .unwrap_or(1);
        let path = part_path(dev, next);
        vol.name = path.rsplit('/').next().unwrap_or(&path).to_string();
        vol.key = Some(path.clone());
        vol.target_path = Some(path);
        vol.vol_type = "block".into();
        Ok(())
    }
    async fn build_vol(&self, def: &PoolDef, vol: &VolumeDef, _flags: u32) -> VirResult<()> {
        let dev = device(def)?;
        let (_, _, parts) = print(dev).await?;
        let want = vol.capacity.div_ceil(ALIGN) * ALIGN;
        let slot = parts
            .iter()
            .filter(|p| p.free)
            .find_map(|p| {
                let start = p.start.div_ceil(ALIGN).max(1) * ALIGN;
                (start + want <= p.end + 1).then_some(start)
            })
            .ok_or_else(|| {
                VirError::new(ErrorCode::InternalError, DOM, "no large enough free extent")
            })?;
        let fs = match vol.format_type.as_deref() {
            Some("linux-swap") => Some("linux-swap"),
            Some("fat16") => Some("fat16"),
            Some("fat32") => Some("fat32"),
            _ => None,
        };
        mkpart_cmd(dev, fs, slot, slot + want - 1)
            .run()
            .await
            .map(|_| ())
    }
    async fn delete_vol(&self, def: &PoolDef, vol: &VolumeDef, _flags: u32) -> VirResult<()> {
        let dev = device(def)?;
        let path = vol.target_path.clone().unwrap_or_default();
        let num = path
            .strip_prefix(dev)
            .map(|s| s.trim_start_matches('p'))
            .and_then(|s| s.parse::<u32>().ok())
            .ok_or_else(|| internal(format!("cannot parse partition number of '{path}'")))?;
        Cmd::new("parted")
            .args([dev, "rm", "--script", &num.to_string()])
            .run()
            .await
            .map(|_| ())
    }
    async fn refresh_vol(&self, def: &PoolDef, vol: &mut VolumeDef) -> VirResult<()> {
        let scan = self.refresh(def, &[]).await?;
        if let Some(v) = scan.volumes.into_iter().find(|v| v.name == vol.name) {
            vol.capacity = v.capacity;
            vol.allocation = v.allocation;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_recorded_parted_output() {
        let out = "BYT;\n/tmp/d.img:104857600B:file:512:512:msdos::;\n1:17408B:1048575B:1031168B:free;\n1:1048576B:11534335B:10485760B:::;\n1:11534336B:104857599B:93323264B:free;\n";
        let (size, label, parts) = parse_parted(out).unwrap();
        assert_eq!((size, label.as_str()), (104857600, "msdos"));
        assert_eq!(parts.len(), 3);
        assert!(parts[0].free && !parts[1].free);
        assert_eq!(parts[1].number, 1);
        assert_eq!(parts[1].size, 10485760);
        assert_eq!(part_path("/dev/sdb", 2), "/dev/sdb2");
        assert_eq!(part_path("/dev/loop0", 1), "/dev/loop0p1");
        assert_eq!(
            mklabel_cmd("/dev/sdb", "dos").line(),
            "parted /dev/sdb mklabel --script msdos"
        );
        assert_eq!(
            mkpart_cmd("/dev/sdb", None, 1048576, 2097151).line(),
            "parted /dev/sdb mkpart --script primary 1048576B 2097151B"
        );
        assert!(parse_parted("garbage").is_err());
    }
}
