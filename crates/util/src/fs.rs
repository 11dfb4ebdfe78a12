//! Writing state files the way libvirt does (`virFileRewrite`): a temporary file next to
//! the target, written, fsynced and renamed over it, so readers see the old or the new
//! content, never a torn one.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Replaces `path` with `data` atomically, creating the parent directory if needed; the new
/// file gets `mode` (e.g. 0o600 for secrets; `None`: the default 0o666 less the umask).
/// The temporary file (`.NAME.new`) is removed on failure.
pub fn write_atomic(path: &Path, data: &[u8], mode: Option<u32>) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.new"));
    let result = (|| -> std::io::Result<()> {
        let mut open = std::fs::OpenOptions::new();
        open.write(true).create(true).truncate(true);
        if let Some(m) = mode {
            open.mode(m);
        }
        let mut f = open.open(&tmp)?;
        if let Some(m) = mode {
            use std::os::unix::fs::PermissionsExt;
            f.set_permissions(std::fs::Permissions::from_mode(m))?;
        }
        f.write_all(data)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let d = std::env::temp_dir().join(format!("rvirt-util-fs-{}", std::process::id()));
        let p = d.join("sub/a.xml");
        write_atomic(&p, b"one", None).unwrap();
        write_atomic(&p, b"two", Some(0o600)).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let names: Vec<_> = std::fs::read_dir(d.join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.xml"]);
        // a target whose directory cannot exist: an error, no panic
        assert!(write_atomic(&p.join("x"), b"", None).is_err());
        let _ = std::fs::remove_dir_all(&d);
    }
}
