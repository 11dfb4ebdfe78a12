//! `fs` pools: a block device (or image file) with a filesystem, mounted on the target.

use async_trait::async_trait;
use rvirt_conf::storage::{PoolDef, PoolType, VolumeDef};
use rvirt_core::error::{ErrorCode, VirError, VirResult};

use super::{
    check_overwrite_flags, make_target_dir, require_target_dir, PoolBackend, Scan, BUILD_OVERWRITE,
};
use crate::cmd::Cmd;
use crate::errors::{internal, DOM};

/// `<pool type='fs'>`.
pub struct FsBackend;

fn device(def: &PoolDef) -> VirResult<&str> {
    def.source
        .devices
        .first()
        .map(String::as_str)
        .ok_or_else(|| internal("missing source device"))
}

fn target(def: &PoolDef) -> VirResult<&str> {
    def.target_path
        .as_deref()
        .ok_or_else(|| internal("missing target path"))
}

/// The mount source and `-o` options of an fs or netfs pool.
fn mount_source(def: &PoolDef) -> VirResult<(String, Option<String>)> {
    let fmt = def.source.format.as_deref().unwrap_or("auto");
    if def.pool_type != PoolType::Netfs {
        return Ok((device(def)?.to_string(), None));
    }
    let host = def
        .source
        .hosts
        .first()
        .map(|h| h.name.clone())
        .ok_or_else(|| internal("missing source host"))?;
    let dir = def.source.dir.clone().unwrap_or_default();
    Ok(match fmt {
        "cifs" => (format!("//{host}/{dir}"), Some("guest".to_string())),
        "glusterfs" => (
            format!("{host}:{dir}"),
            Some("direct-io-mode=1".to_string()),
        ),
        _ => {
            let mut o = "nodev,nosuid,noexec".to_string();
            if let Some(v) = &def.source.protocol_ver {
                o.push_str(&format!(",nfsvers={v}"));
            }
            (format!("{host}:{dir}"), Some(o))
        }
    })
}

/// `mount -t FMT [-o OPTS] SOURCE TARGET` for an fs or netfs pool.
pub fn mount_cmd(def: &PoolDef) -> VirResult<Cmd> {
    let fmt = def.source.format.as_deref().unwrap_or("auto");
    let (src, opts) = mount_source(def)?;
    let mut c = Cmd::new("mount").args(["-t", fmt]);
    if let Some(o) = opts {
        c = c.args(["-o".to_string(), o]);
    }
    Ok(c.args([src.as_str(), target(def)?]))
}

/// `mkfs -t FMT [-F|-f] DEVICE` (the force flag only with OVERWRITE, as the tools need it).
pub fn mkfs_cmd(def: &PoolDef, overwrite: bool) -> VirResult<Cmd> {
    let fmt = def.source.format.as_deref().unwrap_or("auto");
    let mut c = Cmd::new("mkfs").args(["-t", fmt]);
    if overwrite {
        if fmt.starts_with("ext") {
            c = c.arg("-F");
        } else if fmt == "xfs" {
            c = c.arg("-f");
        }
    }
    Ok(c.arg(device(def)?))
}

/// Whether `path` is a mount point, from `/proc/self/mounts` (octal escapes decoded).
pub(crate) async fn is_mounted(path: &str) -> VirResult<bool> {
    let text = tokio::fs::read_to_string("/proc/self/mounts")
        .await
        .map_err(|e| crate::errors::system(&e, "cannot read /proc/self/mounts"))?;
    Ok(text.lines().any(|l| {
        l.split(' ')
            .nth(1)
            .is_some_and(|mp| unescape_mount(mp) == path)
    }))
}

fn unescape_mount(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            let v = (b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0');
            out.push(v);
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `blkid -p -o value -s TYPE DEVICE`: the filesystem already on a device, if any.
async fn probe_fs(dev: &str) -> VirResult<Option<String>> {
    let (rc, out, _) = Cmd::new("blkid")
        .args(["-p", "-o", "value", "-s", "TYPE", dev])
        .run_raw()
        .await?;
    Ok((rc == 0 && !out.trim().is_empty()).then(|| out.trim().to_string()))
}

pub(crate) async fn mount(def: &PoolDef) -> VirResult<()> {
    let t = target(def)?;
    if is_mounted(t).await? {
        return Ok(());
    }
    require_target_dir(def).await?;
    mount_cmd(def)?.run().await.map(|_| ())
}

pub(crate) async fn unmount(def: &PoolDef) -> VirResult<()> {
    let t = target(def)?;
    if !is_mounted(t).await? {
        return Ok(());
    }
    Cmd::new("umount").arg(t).run().await.map(|_| ())
}

#[async_trait]
impl PoolBackend for FsBackend {
    fn pool_type(&self) -> PoolType {
        PoolType::Fs
    }
    async fn check(&self, def: &PoolDef) -> VirResult<bool> {
        is_mounted(target(def)?).await
    }
    async fn build(&self, def: &PoolDef, flags: u32) -> VirResult<()> {
        check_overwrite_flags(flags)?;
        make_target_dir(def).await?;
        let fmt = def.source.format.as_deref().unwrap_or("auto");
        if fmt == "auto" {
            return Ok(());
        }
        let dev = device(def)?;
        let overwrite = flags & BUILD_OVERWRITE != 0;
        if !overwrite {
            if let Some(found) = probe_fs(dev).await? {
                return Err(VirError::new(
                    ErrorCode::StoragePoolBuilt,
                    DOM,
                    format!("Device '{dev}' already formatted using '{found}'"),
                ));
            }
        }
        mkfs_cmd(def, true)?.run().await.map(|_| ())
    }
    async fn start(&self, def: &PoolDef) -> VirResult<()> {
        mount(def).await
    }
    async fn stop(&self, def: &PoolDef) -> VirResult<()> {
        unmount(def).await
    }
    async fn delete(&self, def: &PoolDef, _flags: u32) -> VirResult<()> {
        super::remove_target_dir(def).await
    }
    async fn refresh(&self, def: &PoolDef, known: &[VolumeDef]) -> VirResult<Scan> {
        crate::vol_file::scan_dir(def, known).await
    }
    fn file_volumes(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_and_mkfs_goldens() {
        let def = PoolDef::parse(
            "<pool type='fs'><name>f</name><source><device path='/dev/loop3'/><format type='ext4'/></source><target><path>/mnt/f</path></target></pool>",
        )
        .unwrap();
        assert_eq!(
            mount_cmd(&def).unwrap().line(),
            "mount -t ext4 /dev/loop3 /mnt/f"
        );
        assert_eq!(
            mkfs_cmd(&def, true).unwrap().line(),
            "mkfs -t ext4 -F /dev/loop3"
        );
        assert_eq!(unescape_mount("/mnt/a\\040b"), "/mnt/a b");
    }
}
