//! Small file helpers: atomic config writes, exclusive no-follow creation, ownership.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use rvirt_core::error::VirResult;

use crate::errors::system;

/// Writes `contents` to `path` atomically: temp file, fsync, rename, fsync of the directory.
pub fn atomic_write(path: &Path, contents: &str) -> VirResult<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| {
        system(
            &e,
            format_args!("cannot create directory '{}'", dir.display()),
        )
    })?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("config");
    let tmp = dir.join(format!(".{name}.new"));
    let res = (|| -> std::io::Result<()> {
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    res.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        system(
            &e,
            format_args!("cannot write config file '{}'", path.display()),
        )
    })
}

/// Creates a new file (never following a symlink, failing if it exists) with `mode`.
pub fn create_excl(path: &Path, mode: u32) -> std::io::Result<File> {
    let f = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(mode)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)?;
    // The umask may have cleared bits the caller asked for; set the mode exactly.
    f.set_permissions(std::fs::Permissions::from_mode(mode))?;
    Ok(f)
}

/// Opens an existing file for reading/writing without following a final symlink.
pub fn open_nofollow(path: &Path, write: bool) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(write)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

/// Applies `<permissions>` mode/owner/group to an open file (fchmod/fchown: no symlink is followed).
pub fn apply_perms(
    f: &File,
    mode: Option<u32>,
    owner: Option<i64>,
    group: Option<i64>,
) -> std::io::Result<()> {
    if let Some(m) = mode {
        f.set_permissions(std::fs::Permissions::from_mode(m))?;
    }
    if owner.is_some() || group.is_some() {
        let uid = owner.and_then(|o| u32::try_from(o).ok());
        let gid = group.and_then(|g| u32::try_from(g).ok());
        std::os::unix::fs::fchown(f, uid, gid)?;
    }
    Ok(())
}

/// Whether `link` is a symlink pointing at `target`.
pub fn link_points_to(link: &Path, target: &Path) -> bool {
    std::fs::read_link(link)
        .map(|t| t == target)
        .unwrap_or(false)
}
