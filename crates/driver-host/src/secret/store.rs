//! The on-disk layout of persistent secrets (`virSecretObjSaveConfig` /
//! `virSecretObjSaveData`): `<dir>/UUID.xml` for the definition and, for the value, either
//! `<dir>/UUID.aes256cbc` (encrypted, libvirt ≥ 12.1) or the legacy plain `<dir>/UUID.base64`.
//! Every file is written atomically with mode 0600.

use super::key::SecretKey;
use super::{base64, cipher};
use rvirt_conf::secret::SecretDef;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const DOM: ErrorDomain = ErrorDomain::Secret;
/// Suffix of an encrypted value file.
pub const ENCRYPTED_SUFFIX: &str = ".aes256cbc";
/// Suffix of a plain (legacy or `encrypt_data = 0`) value file.
pub const PLAIN_SUFFIX: &str = ".base64";
/// Value files larger than this are refused (libvirt: "more won't fit in the RPC buffer").
const MAX_VALUE_FILE: u64 = 10 * 1024 * 1024;

fn sys_err(what: &str, path: &Path, e: &std::io::Error) -> VirError {
    VirError::raw(
        ErrorCode::SystemError,
        DOM,
        format!("{what} '{}': {e}", path.display()),
    )
}

/// A loaded secret: definition and value (or why the value could not be read).
pub struct Loaded {
    pub def: SecretDef,
    pub value: Result<Option<Vec<u8>>, VirError>,
}

/// Paths of one secret's files.
pub fn xml_path(dir: &Path, uuid: &str) -> PathBuf {
    dir.join(format!("{uuid}.xml"))
}

fn value_path(dir: &Path, uuid: &str, suffix: &str) -> PathBuf {
    dir.join(format!("{uuid}{suffix}"))
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
    rvirt_util::fs::write_atomic(path, data, Some(0o600))
        .map_err(|e| sys_err("cannot write config file", path, &e))
}

/// Removes a file, ignoring "not found".
pub fn remove(path: &Path) -> VirResult<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(sys_err("cannot unlink", path, &e)),
    }
}

/// Stores a value: encrypted when `key` is given, else plain base64; the file in the other
/// format is removed afterwards so exactly one value file remains.
pub fn save_value(dir: &Path, uuid: &str, key: Option<&SecretKey>, value: &[u8]) -> VirResult<()> {
    let (text, suffix, other) = match key {
        Some(k) => (cipher::seal(k, value)?, ENCRYPTED_SUFFIX, PLAIN_SUFFIX),
        None => (base64::encode(value), PLAIN_SUFFIX, ENCRYPTED_SUFFIX),
    };
    write_atomic(&value_path(dir, uuid, suffix), text.as_bytes())?;
    remove(&value_path(dir, uuid, other))
}

/// Removes a secret's definition and value files.
pub fn delete_files(dir: &Path, uuid: &str) -> VirResult<()> {
    remove(&xml_path(dir, uuid))?;
    remove(&value_path(dir, uuid, ENCRYPTED_SUFFIX))?;
    remove(&value_path(dir, uuid, PLAIN_SUFFIX))
}

fn read_text(path: &Path) -> VirResult<Option<String>> {
    let f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(sys_err("cannot open", path, &e)),
    };
    let len = f
        .metadata()
        .map_err(|e| sys_err("cannot stat", path, &e))?
        .len();
    if len > MAX_VALUE_FILE {
        return Err(VirError::new(
            ErrorCode::InvalidSecret,
            DOM,
            format!("'{}' is too large", path.display()),
        ));
    }
    std::fs::read_to_string(path)
        .map(Some)
        .map_err(|e| sys_err("cannot read", path, &e))
}

/// Reads one secret's value (`virSecretLoadValue`). The encrypted file wins over a plain
/// one; a plain file left next to an encrypted one is stale (a save was interrupted before
/// the unlink) and is removed. When `key` is set, a legacy plain value is re-saved
/// encrypted, so plaintext does not stay on disk after an upgrade.
fn load_value(dir: &Path, uuid: &str, key: Option<&SecretKey>) -> VirResult<Option<Vec<u8>>> {
    let enc = value_path(dir, uuid, ENCRYPTED_SUFFIX);
    let plain = value_path(dir, uuid, PLAIN_SUFFIX);
    if let Some(text) = read_text(&enc)? {
        let key = key.ok_or_else(|| {
            VirError::new(
                ErrorCode::InvalidSecret,
                DOM,
                format!(
                    "secret value '{}' is encrypted but no encryption key is loaded",
                    enc.display()
                ),
            )
        })?;
        let value = cipher::open(key, &text)?;
        if plain.exists() {
            tracing::warn!("removing stale plain value file of secret {uuid}");
            remove(&plain)?;
        }
        return Ok(Some(value));
    }
    let Some(text) = read_text(&plain)? else {
        return Ok(None);
    };
    let value = base64::decode_lenient(&text).ok_or_else(|| {
        VirError::new(
            ErrorCode::InternalError,
            DOM,
            format!("invalid base64 in '{}'", plain.display()),
        )
    })?;
    if let Some(k) = key {
        match save_value(dir, uuid, Some(k), &value) {
            Ok(()) => tracing::info!("secret {uuid}: plain value re-saved encrypted"),
            Err(e) => tracing::warn!("secret {uuid}: cannot encrypt legacy value: {e}"),
        }
    }
    Ok(Some(value))
}

/// Loads every `*.xml` in `dir` and its value; unreadable or invalid definitions are
/// skipped with a warning, as libvirtd does at start-up. A value that cannot be read or
/// decrypted is kept as an error for `secretGetValue` to report (libvirt drops the whole
/// secret instead, which hides the problem).
pub fn load_all(dir: &Path, key: Option<&SecretKey>) -> Vec<Loaded> {
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
        let value = load_value(dir, &uuid, key);
        if let Err(e) = &value {
            tracing::error!("Error reading secret value of {uuid}: {e}");
        }
        out.push(Loaded { def, value });
    }
    out
}
