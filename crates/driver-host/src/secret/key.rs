//! The secrets encryption key (`secrets-encryption-key`, libvirt ≥ 12.1): 32 raw bytes,
//! taken from an explicit file, from systemd's `$CREDENTIALS_DIRECTORY`, or generated on
//! first use into a root-only (0600) file.

use rand::TryRngCore;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

const DOM: ErrorDomain = ErrorDomain::Secret;
/// AES-256 key length in bytes.
pub const KEY_LEN: usize = 32;
/// The credential name libvirt's units load (`LoadCredentialEncrypted=secrets-encryption-key`).
pub const CREDENTIAL_NAME: &str = "secrets-encryption-key";

/// The AES-256 key secret values are encrypted with. Its bytes never appear in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey([u8; KEY_LEN]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

impl Drop for SecretKey {
    fn drop(&mut self) {
        // Best-effort wipe; black_box keeps the store from being optimised away.
        self.0.fill(0);
        std::hint::black_box(&self.0);
    }
}

/// Where the key comes from, in the order libvirt's secret driver consults them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// An explicit key file (`secrets_encryption_key` in `secret.conf`); must exist.
    File(PathBuf),
    /// `$CREDENTIALS_DIRECTORY/secrets-encryption-key` when systemd provides it, otherwise
    /// this file, generated (32 random bytes, mode 0600) if it does not exist yet.
    CredentialOrGenerate(PathBuf),
}

fn key_err(path: &Path, detail: impl std::fmt::Display) -> VirError {
    VirError::new(
        ErrorCode::InvalidSecret,
        DOM,
        format!("secrets encryption key '{}': {detail}", path.display()),
    )
}

impl SecretKey {
    /// A key from raw bytes (exactly 32).
    pub fn from_bytes(bytes: &[u8]) -> Option<SecretKey> {
        <[u8; KEY_LEN]>::try_from(bytes).ok().map(SecretKey)
    }

    /// A fresh random key from the operating system's CSPRNG.
    pub fn generate() -> VirResult<SecretKey> {
        let mut k = [0u8; KEY_LEN];
        random_bytes(&mut k)?;
        Ok(SecretKey(k))
    }

    pub(crate) fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// Reads a key file holding exactly 32 raw bytes.
    pub fn read(path: &Path) -> VirResult<SecretKey> {
        let data = std::fs::read(path).map_err(|e| key_err(path, e))?;
        let key = SecretKey::from_bytes(&data).ok_or_else(|| {
            key_err(
                path,
                format!(
                    "must hold exactly {KEY_LEN} raw bytes, found {} (a systemd-creds sealed \
                     key has to be passed in with LoadCredentialEncrypted=)",
                    data.len()
                ),
            )
        });
        let mut data = data;
        data.iter_mut().for_each(|b| *b = 0);
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.permissions().mode() & 0o077 != 0 {
                tracing::warn!(
                    "secrets encryption key {} is accessible by group or others",
                    path.display()
                );
            }
        }
        key
    }

    /// Loads the key as `source` says (`secretStateInitialize` loading the encryption key).
    pub fn load(source: &KeySource) -> VirResult<SecretKey> {
        match source {
            KeySource::File(p) => SecretKey::read(p),
            KeySource::CredentialOrGenerate(p) => {
                if let Some(dir) = std::env::var_os("CREDENTIALS_DIRECTORY") {
                    let cred = Path::new(&dir).join(CREDENTIAL_NAME);
                    if cred.exists() {
                        return SecretKey::read(&cred);
                    }
                }
                SecretKey::load_or_create(p)
            }
        }
    }

    /// Reads `path`, or creates it (parent 0700, file 0600) with a fresh key if missing.
    /// Creation is race-free: the key is written to a temporary file and hard-linked into
    /// place, so a concurrent creator's key wins and is read back.
    pub fn load_or_create(path: &Path) -> VirResult<SecretKey> {
        if path.exists() {
            return SecretKey::read(path);
        }
        if let Some(parent) = path.parent() {
            if !parent.is_dir() {
                std::fs::create_dir_all(parent).map_err(|e| key_err(path, e))?;
                let _ = std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o700));
            }
        }
        let key = SecretKey::generate()?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(CREDENTIAL_NAME);
        let tmp = path.with_file_name(format!(".{name}.{}.new", std::process::id()));
        let written = (|| -> std::io::Result<()> {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)?;
            f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
            f.write_all(key.bytes())?;
            f.sync_all()?;
            match std::fs::hard_link(&tmp, path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
                Err(e) => Err(e),
            }
        })();
        let _ = std::fs::remove_file(&tmp);
        written.map_err(|e| key_err(path, format!("cannot create: {e}")))?;
        tracing::info!("created secrets encryption key {}", path.display());
        // Whoever linked first wins; read back what is actually on disk.
        SecretKey::read(path)
    }
}

/// Fills `buf` from the operating system's CSPRNG.
pub fn random_bytes(buf: &mut [u8]) -> VirResult<()> {
    rand::rngs::OsRng.try_fill_bytes(buf).map_err(|e| {
        VirError::new(
            ErrorCode::InternalError,
            DOM,
            format!("cannot get random bytes: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_once_with_mode_0600_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/secrets-encryption-key");
        let k1 = SecretKey::load_or_create(&p).unwrap();
        let meta = std::fs::metadata(&p).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        assert_eq!(meta.len(), KEY_LEN as u64);
        let k2 = SecretKey::load_or_create(&p).unwrap();
        assert_eq!(k1, k2);
        assert_eq!(format!("{k1:?}"), "SecretKey(<redacted>)");
        // no temporary files are left behind
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn wrong_size_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k");
        std::fs::write(&p, b"short").unwrap();
        let e = SecretKey::read(&p).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidSecret);
        assert!(
            e.message
                .contains("must hold exactly 32 raw bytes, found 5"),
            "{}",
            e.message
        );
        let e = SecretKey::load(&KeySource::File(dir.path().join("missing"))).unwrap_err();
        assert!(e.message.contains("missing"), "{}", e.message);
    }
}
