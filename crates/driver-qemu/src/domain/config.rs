//! Persistent definitions (`/etc/libvirt/qemu/NAME.xml`) and autostart links.

use crate::paths::QemuPaths;
use crate::persist::write_atomic;
use rvirt_conf::domain::{DomainDef, FormatOptions};
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::path::PathBuf;

/// Path of a domain's persistent XML.
pub fn config_path(paths: &QemuPaths, name: &str) -> PathBuf {
    paths.config_dir.join(format!("{name}.xml"))
}

/// Path of a domain's autostart link.
pub fn autostart_path(paths: &QemuPaths, name: &str) -> PathBuf {
    paths.autostart_dir().join(format!("{name}.xml"))
}

fn write_err(e: std::io::Error, what: &std::path::Path) -> VirError {
    VirError::new(
        ErrorCode::WriteFailed,
        ErrorDomain::Qemu,
        format!("{}: {e}", what.display()),
    )
}

/// Saves the inactive definition atomically (`virDomainDefSave`).
pub fn save_config(paths: &QemuPaths, def: &DomainDef) -> VirResult<()> {
    let p = config_path(paths, &def.name);
    let xml = def.format(&FormatOptions {
        inactive: true,
        secure: true,
        ..Default::default()
    });
    let text = format!(
        "<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\nOVERWRITTEN AND LOST. Changes to this xml configuration should be made using:\n  virsh edit {}\nor other application using the libvirt API.\n-->\n\n{xml}",
        def.name
    );
    write_atomic(&p, text.as_bytes()).map_err(|e| write_err(e, &p))
}

/// Removes the persistent XML and autostart link.
pub fn delete_config(paths: &QemuPaths, name: &str) -> VirResult<()> {
    let p = config_path(paths, name);
    match crate::persist::remove_recycle(&p) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(write_err(e, &p)),
    }
    let _ = std::fs::remove_file(autostart_path(paths, name));
    Ok(())
}

/// Creates or removes the autostart symlink.
pub fn set_autostart(paths: &QemuPaths, name: &str, on: bool) -> VirResult<()> {
    let link = autostart_path(paths, name);
    let _ = std::fs::remove_file(&link);
    if on {
        std::fs::create_dir_all(paths.autostart_dir()).map_err(|e| write_err(e, &link))?;
        std::os::unix::fs::symlink(config_path(paths, name), &link)
            .map_err(|e| write_err(e, &link))?;
    }
    Ok(())
}

/// Every persistent definition's text, with its autostart flag.
pub fn list_configs(paths: &QemuPaths) -> Vec<(String, bool)> {
    let Ok(rd) = std::fs::read_dir(&paths.config_dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in rd.flatten() {
        let p = e.path();
        if crate::persist::is_spare(&e.file_name().to_string_lossy()) {
            let _ = std::fs::remove_file(&p);
            continue;
        }
        if p.extension().and_then(|x| x.to_str()) != Some("xml") || !p.is_file() {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((text, autostart_path(paths, &name).exists()));
    }
    out
}
