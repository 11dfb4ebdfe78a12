//! Where the secret driver keeps its files (`secretStateInitialize`'s `configDir` and the
//! `secret.conf` encryption settings).

use super::key::{KeySource, CREDENTIAL_NAME};
use std::path::{Path, PathBuf};

/// The secret driver's directories and encryption settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretPaths {
    /// `UUID.xml` and value files (`/etc/libvirt/secrets` for the system daemon).
    pub config_dir: PathBuf,
    /// The encryption key; `None` is libvirt's `encrypt_data = 0` (values stored as plain
    /// base64, encrypted values unreadable).
    pub key: Option<KeySource>,
}

impl SecretPaths {
    /// The system daemon's layout under `root` (`/` normally): definitions in
    /// `etc/libvirt/secrets`, the key from systemd's credentials or generated at
    /// `var/lib/libvirt/secrets/secrets-encryption-key`.
    pub fn system(root: &Path) -> SecretPaths {
        SecretPaths {
            config_dir: root.join("etc/libvirt/secrets"),
            key: Some(KeySource::CredentialOrGenerate(
                root.join("var/lib/libvirt/secrets").join(CREDENTIAL_NAME),
            )),
        }
    }

    /// Everything in one directory: definitions, values and `secrets-encryption-key`.
    pub fn in_dir(dir: PathBuf) -> SecretPaths {
        let key = dir.join(CREDENTIAL_NAME);
        SecretPaths {
            config_dir: dir,
            key: Some(KeySource::CredentialOrGenerate(key)),
        }
    }
}
