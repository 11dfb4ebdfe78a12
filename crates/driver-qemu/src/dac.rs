//! DAC security (`security_driver` DAC, qemu.conf `user`/`group`): QEMU runs as the
//! configured user; the files it needs (its domain directory, file-backed disk images)
//! are given to that user at start and handed back at stop. Ownership changes never follow
//! symlinks (`lchown`; a symlinked image is left alone), and the original owners are
//! recorded in `<run_dir>/<name>.dac` so a daemon restart can still restore them.

use crate::paths::QemuPaths;
use rvirt_conf::domain::DomainDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// The user and group QEMU runs as (qemu.conf `user` / `group`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QemuCreds {
    pub uid: u32,
    pub gid: u32,
}

impl QemuCreds {
    /// Root needs no relabelling and no privilege change.
    pub fn is_root(&self) -> bool {
        self.uid == 0 && self.gid == 0
    }
}

fn conf_err(detail: String) -> VirError {
    VirError::new(ErrorCode::ConfigUnsupported, ErrorDomain::Qemu, detail)
}

/// `qemu.conf` of a driver root: `<root>/etc/libvirt/qemu.conf`.
pub fn qemu_conf_path(paths: &QemuPaths) -> Option<PathBuf> {
    Some(paths.config_dir.parent()?.join("qemu.conf"))
}

/// The string value of `key = "value"` in a libvirt-style config (last one wins).
fn conf_value(text: &str, key: &str) -> Option<String> {
    let mut found = None;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if k.trim() == key {
            found = Some(v.trim().trim_matches('"').to_string());
        }
    }
    found
}

/// Looks a name up in a passwd/group-format file: `name:x:ID:…` → (ID, field 4 as number).
fn lookup(file: &Path, name: &str) -> Option<(u32, Option<u32>)> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        if f.first() != Some(&name) {
            return None;
        }
        Some((
            f.get(2)?.parse().ok()?,
            f.get(3).and_then(|g| g.parse().ok()),
        ))
    })
}

/// Resolves a user (`name` or `+UID`) to (uid, primary gid).
pub fn resolve_user(v: &str, passwd: &Path) -> VirResult<(u32, Option<u32>)> {
    if let Some(n) = v.strip_prefix('+') {
        return n
            .parse()
            .map(|u| (u, None))
            .map_err(|_| conf_err(format!("Failed to parse user '{v}'")));
    }
    lookup(passwd, v).ok_or_else(|| conf_err(format!("Failed to parse user '{v}'")))
}

/// Resolves a group (`name` or `+GID`).
pub fn resolve_group(v: &str, group: &Path) -> VirResult<u32> {
    if let Some(n) = v.strip_prefix('+') {
        return n
            .parse()
            .map_err(|_| conf_err(format!("Failed to parse group '{v}'")));
    }
    lookup(group, v)
        .map(|(g, _)| g)
        .ok_or_else(|| conf_err(format!("Failed to parse group '{v}'")))
}

/// The credentials qemu.conf asks for; root when it sets none (or does not exist).
pub fn creds_from_conf(text: &str, passwd: &Path, group: &Path) -> VirResult<QemuCreds> {
    let (uid, primary) = match conf_value(text, "user") {
        Some(u) => resolve_user(&u, passwd)?,
        None => (0, Some(0)),
    };
    let gid = match conf_value(text, "group") {
        Some(g) => resolve_group(&g, group)?,
        None => primary.unwrap_or(0),
    };
    Ok(QemuCreds { uid, gid })
}

/// The credentials of the driver on `paths` (reads qemu.conf each time: cheap, and edits
/// apply to the next start as a daemon reload would).
pub fn qemu_creds(paths: &QemuPaths) -> VirResult<QemuCreds> {
    let text = qemu_conf_path(paths)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    creds_from_conf(
        text.as_str(),
        Path::new("/etc/passwd"),
        Path::new("/etc/group"),
    )
}

/// qemu.conf `seccomp_sandbox` (libvirt's default -1: on when QEMU supports it, which
/// every QEMU rvirt drives does).
pub fn seccomp_sandbox(paths: &QemuPaths) -> i32 {
    qemu_conf_path(paths)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| conf_value(&text, "seccomp_sandbox"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1)
}

fn record_path(paths: &QemuPaths, name: &str) -> PathBuf {
    paths.run_dir.join(format!("{name}.dac"))
}

/// The local files of a definition QEMU opens: file-backed disk sources.
pub fn image_paths(def: &DomainDef) -> Vec<PathBuf> {
    def.devices
        .iter()
        .filter(|d| d.name == "disk" && d.attr("type").unwrap_or("file") == "file")
        .filter_map(|d| d.child("source"))
        // a disk opened from passed fds (`fdgroup`) is the client's business, as in libvirt
        .filter(|s| s.attr("fdgroup").is_none())
        .filter_map(|s| s.attr("file").map(PathBuf::from))
        .collect()
}

fn chown_nofollow(p: &Path, uid: u32, gid: u32) -> std::io::Result<()> {
    std::os::unix::fs::lchown(p, Some(uid), Some(gid))
}

/// Gives `files` (and `dirs`) to `creds`, recording the previous owners for
/// [`restore_labels`]. Symlinks are never followed nor changed.
pub fn set_labels(
    paths: &QemuPaths,
    name: &str,
    creds: QemuCreds,
    files: &[PathBuf],
) -> VirResult<()> {
    let mut record = String::new();
    for f in files {
        let Ok(md) = std::fs::symlink_metadata(f) else {
            continue;
        };
        if md.file_type().is_symlink() {
            tracing::warn!(path = %f.display(), "not relabelling a symlink");
            continue;
        }
        chown_nofollow(f, creds.uid, creds.gid).map_err(|e| {
            VirError::new(
                ErrorCode::SystemError,
                ErrorDomain::Security,
                format!(
                    "unable to set user and group to '{}:{}' on '{}': {e}",
                    creds.uid,
                    creds.gid,
                    f.display()
                ),
            )
        })?;
        record += &format!("{} {} {}\n", md.uid(), md.gid(), f.display());
    }
    let rp = record_path(paths, name);
    std::fs::write(&rp, record)
        .map_err(|e| VirError::internal(ErrorDomain::Security, format!("{}: {e}", rp.display())))
}

/// Hands every file recorded by [`set_labels`] back to its previous owner.
pub fn restore_labels(paths: &QemuPaths, name: &str) {
    let rp = record_path(paths, name);
    let Ok(text) = std::fs::read_to_string(&rp) else {
        return;
    };
    for line in text.lines() {
        let mut it = line.splitn(3, ' ');
        let (Some(u), Some(g), Some(p)) = (it.next(), it.next(), it.next()) else {
            continue;
        };
        let (Ok(u), Ok(g)) = (u.parse::<u32>(), g.parse::<u32>()) else {
            continue;
        };
        let p = Path::new(p);
        let is_link = std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            if let Err(e) = chown_nofollow(p, u, g) {
                tracing::warn!(path = %p.display(), error = %e, "cannot restore owner");
            }
        }
    }
    let _ = std::fs::remove_file(rp);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(d: &Path) -> (PathBuf, PathBuf) {
        let p = d.join("passwd");
        std::fs::write(
            &p,
            "root:x:0:0:root:/root:/bin/sh\nqemu:x:107:108::/:/bin/false\n",
        )
        .unwrap();
        let g = d.join("group");
        std::fs::write(&g, "root:x:0:\nkvm:x:109:qemu\n").unwrap();
        (p, g)
    }

    #[test]
    fn fdgroup_disks_are_not_relabelled() {
        let xml = "<domain type='qemu'><name>g</name><memory>1024</memory>\
                   <os><type>hvm</type></os><devices>\
                   <disk type='file' device='disk'><source file='/img/a.qcow2'/>\
                   <target dev='vda' bus='virtio'/></disk>\
                   <disk type='file' device='disk'><source file='/img/b.raw' fdgroup='grp'/>\
                   <target dev='vdb' bus='virtio'/></disk></devices></domain>";
        let def = crate::conf_adapt::parse_domain(xml, None).unwrap();
        assert_eq!(image_paths(&def), [PathBuf::from("/img/a.qcow2")]);
    }

    #[test]
    fn conf_user_and_group() {
        let d = tempfile::tempdir().unwrap();
        let (p, g) = files(d.path());
        let c = creds_from_conf("# x\nuser = \"qemu\"\n", &p, &g).unwrap();
        assert_eq!(c, QemuCreds { uid: 107, gid: 108 });
        let c = creds_from_conf("user = \"qemu\"\ngroup = \"kvm\" # comment\n", &p, &g).unwrap();
        assert_eq!(c, QemuCreds { uid: 107, gid: 109 });
        let c = creds_from_conf("user = \"+5\"\ngroup = \"+6\"\n", &p, &g).unwrap();
        assert_eq!(c, QemuCreds { uid: 5, gid: 6 });
        assert!(creds_from_conf("", &p, &g).unwrap().is_root());
        let e = creds_from_conf("user = \"nosuch\"\n", &p, &g).unwrap_err();
        assert!(
            e.message.contains("Failed to parse user 'nosuch'"),
            "{}",
            e.message
        );
    }

    #[test]
    fn labels_set_and_restored_without_following_symlinks() {
        let d = tempfile::tempdir().unwrap();
        let paths = QemuPaths::under(d.path());
        std::fs::create_dir_all(&paths.run_dir).unwrap();
        let img = d.path().join("disk.img");
        std::fs::write(&img, "x").unwrap();
        let target = d.path().join("secret");
        std::fs::write(&target, "s").unwrap();
        let link = d.path().join("link.img");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let me = std::fs::metadata(&img).unwrap();
        let creds = QemuCreds {
            uid: 4242,
            gid: 4343,
        };
        if set_labels(&paths, "vm", creds, &[img.clone(), link.clone()]).is_err() {
            eprintln!("skipping: not allowed to chown here");
            return;
        }
        let m = std::fs::metadata(&img).unwrap();
        assert_eq!((m.uid(), m.gid()), (4242, 4343));
        let t = std::fs::metadata(&target).unwrap();
        assert_eq!(
            (t.uid(), t.gid()),
            (me.uid(), me.gid()),
            "symlink target untouched"
        );
        restore_labels(&paths, "vm");
        let m = std::fs::metadata(&img).unwrap();
        assert_eq!((m.uid(), m.gid()), (me.uid(), me.gid()));
        assert!(!record_path(&paths, "vm").exists());
    }
}
