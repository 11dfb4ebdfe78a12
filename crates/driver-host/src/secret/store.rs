//! The on-disk layout of persistent secrets: `<dir>/UUID.xml` and `<dir>/UUID.base64`,
//! written atomically with mode 0600 (`virSecretObjSaveConfig` / `virSecretObjSaveData`).

use super::base64;
use rvirt_conf::secret::SecretDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

const DOM: ErrorDomain = ErrorDomain::Secret;

fn sys_err(what: &str, path: &Path, e: &std::io::Error) -> VirError {
    VirError::raw(
        ErrorCode::SystemError,
        DOM,
        format!("{what} '{}': {e}", path.display()),
    )
}

/// A loaded secret: definition and value.
pub struct Loaded {
    pub def: SecretDef,
    pub value: Option<Vec<u8>>,
}

/// Paths of one secret's files.
pub fn xml_path(dir: &Path, uuid: &str) -> PathBuf {
    dir.join(format!("{uuid}.xml"))
}

pub fn value_path(dir: &Path, uuid: &str) -> PathBuf {
    dir.join(format!("{uuid}.base64"))
}

/// Creates the config directory (0700) if missing.
pub fn ensure_dir(dir: &Path) -> VirResult<()> {
    if !dir.is_dir() {
        std::fs::create_dir_all(dir)
            .map_err(|e| sys_err("cannot create config directory", dir, &e))?;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(())
}

/// Writes `data` to `path` atomically: a 0600 temporary file in the same directory,
/// fsynced, then renamed over the target.
pub fn write_atomic(path: &Path, data: &[u8]) -> VirResult<()> {
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("secret");
    let tmp = path.with_file_name(format!(".{file_name}.new"));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        f.write_all(data)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(sys_err("cannot write config file", path, &e));
    }
    Ok(())
}

/// Removes a file, ignoring "not found".
pub fn remove(path: &Path) -> VirResult<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(sys_err("cannot unlink", path, &e)),
    }
}

/// Loads every `*.xml` in `dir` (and its `.base64` value); unreadable or invalid files are
/// skipped with a warning, as libvirtd does at start-up.
pub fn load_all(dir: &Path) -> Vec<Loaded> {
    let mut out = Vec::new();
    for name in crate::sysfs::list_dir(dir) {
        let Some(stem) = name.strip_suffix(".xml") else {
            continue;
        };
        let path = dir.join(&name);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                tracing::warn!("skipping secret {}: {e}", path.display());
                continue;
            }
        };
        let def = match SecretDef::parse(&text) {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!("skipping secret {}: {e}", path.display());
                continue;
            }
        };
        let uuid = rvirt_core::handle::Uuid(def.uuid).to_string();
        if uuid != stem || def.ephemeral {
            tracing::warn!(
                "skipping secret {}: name/uuid mismatch or ephemeral",
                path.display()
            );
            continue;
        }
        let value = match std::fs::read_to_string(value_path(dir, &uuid)) {
            Ok(t) => match base64::decode(&t) {
                Some(v) => Some(v),
                None => {
                    tracing::warn!("invalid base64 in secret value of {uuid}");
                    None
                }
            },
            Err(_) => None,
        };
        out.push(Loaded { def, value });
    }
    out
}
