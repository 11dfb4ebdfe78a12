//! The migration cookie passed between the phases (libvirt's `<qemu-migration>` cookie;
//! rvirt daemons exchange it as JSON).

use rvirt_core::error::{ErrorDomain, VirError, VirResult};
use serde::{Deserialize, Serialize};

/// One disk whose contents are copied over NBD (`--copy-storage-all`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CookieDisk {
    /// The `<target dev>` name (`vda`).
    pub target: String,
    /// The device alias (`virtio-disk0`), also the NBD export name.
    pub alias: String,
    /// Virtual size in bytes.
    pub capacity: u64,
    /// Image format on the source (`raw`, `qcow2`).
    pub format: String,
}

/// What one phase tells the next one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cookie {
    pub name: String,
    pub uuid: String,
    pub hostname: String,
    /// Disks to copy (source → destination).
    #[serde(default)]
    pub disks: Vec<CookieDisk>,
    /// The destination's NBD server (destination → source).
    #[serde(default)]
    pub nbd_port: Option<u16>,
    /// Statistics of the finished migration (source → destination).
    #[serde(default)]
    pub downtime_ms: Option<u64>,
    #[serde(default)]
    pub total_ms: Option<u64>,
}

impl Cookie {
    /// Encodes the cookie (NUL-terminated, as libvirt's cookies are C strings).
    pub fn encode(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec(self).unwrap_or_default();
        v.push(0);
        v
    }

    /// Decodes a cookie; an empty one is the default.
    pub fn decode(b: &[u8]) -> VirResult<Cookie> {
        let b = b.strip_suffix(&[0]).unwrap_or(b);
        if b.is_empty() {
            return Ok(Cookie::default());
        }
        serde_json::from_slice(b).map_err(|e| {
            VirError::internal(ErrorDomain::Qemu, format!("invalid migration cookie: {e}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let c = Cookie {
            name: "g".into(),
            nbd_port: Some(4000),
            disks: vec![CookieDisk {
                target: "vda".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(Cookie::decode(&c.encode()).unwrap(), c);
        assert_eq!(Cookie::decode(&[]).unwrap(), Cookie::default());
        assert!(Cookie::decode(b"<x/>").is_err());
    }
}
