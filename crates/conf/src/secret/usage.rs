//! `<usage type='…'>` of a secret (`virSecretUsageType` and its identifying string).

/// What a secret is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretUsageType {
    None,
    Volume,
    Ceph,
    Iscsi,
    Tls,
    Vtpm,
}

impl SecretUsageType {
    /// The XML name.
    pub fn as_str(self) -> &'static str {
        match self {
            SecretUsageType::None => "none",
            SecretUsageType::Volume => "volume",
            SecretUsageType::Ceph => "ceph",
            SecretUsageType::Iscsi => "iscsi",
            SecretUsageType::Tls => "tls",
            SecretUsageType::Vtpm => "vtpm",
        }
    }

    /// Parses a `type` attribute value.
    pub fn from_name(s: &str) -> Option<SecretUsageType> {
        Some(match s {
            "none" => SecretUsageType::None,
            "volume" => SecretUsageType::Volume,
            "ceph" => SecretUsageType::Ceph,
            "iscsi" => SecretUsageType::Iscsi,
            "tls" => SecretUsageType::Tls,
            "vtpm" => SecretUsageType::Vtpm,
            _ => return None,
        })
    }

    /// The `virSecretUsageType` number (as `virSecretGetUsageType` returns it).
    pub fn number(self) -> i32 {
        self as i32
    }

    /// The child element carrying the usage ID, and the word libvirt's error uses for it.
    pub fn id_element(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            SecretUsageType::None => None,
            SecretUsageType::Volume => Some(("volume", "volume", "volume path")),
            SecretUsageType::Ceph => Some(("name", "Ceph", "name")),
            SecretUsageType::Iscsi => Some(("target", "iSCSI", "target")),
            SecretUsageType::Tls => Some(("name", "TLS", "name")),
            SecretUsageType::Vtpm => Some(("name", "vTPM", "name")),
        }
    }
}

/// `<usage>`: its type and usage ID (volume path, Ceph/TLS/vTPM name, iSCSI target).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretUsage {
    pub usage_type: SecretUsageType,
    pub id: Option<String>,
}
