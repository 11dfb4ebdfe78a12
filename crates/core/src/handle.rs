//! Object handles: the value references (`remote_nonnull_*` on the wire) that identify
//! libvirt objects across every API.

use std::fmt;

use rvirt_xdr::Xdr;

/// A 16-byte libvirt UUID (`remote_uuid`: 16 raw bytes on the wire, no length word).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Xdr)]
pub struct Uuid(pub [u8; 16]);

impl Uuid {
    /// A fresh random (v4) UUID, as libvirt's `virUUIDGenerate`.
    pub fn generate() -> Self {
        Uuid(*uuid::Uuid::new_v4().as_bytes())
    }

    /// Parses libvirt's accepted spellings: 32 hex digits, optionally with dashes/spaces.
    pub fn parse(s: &str) -> Option<Self> {
        let mut out = [0u8; 16];
        let mut n = 0usize;
        let mut hi: Option<u8> = None;
        for c in s.trim().chars() {
            if c == '-' || c == ' ' {
                continue;
            }
            let v = c.to_digit(16)? as u8;
            match hi.take() {
                None => hi = Some(v),
                Some(h) => {
                    if n >= 16 {
                        return None;
                    }
                    out[n] = (h << 4) | v;
                    n += 1;
                }
            }
        }
        (n == 16 && hi.is_none()).then_some(Uuid(out))
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&uuid::Uuid::from_bytes(self.0).hyphenated().to_string())
    }
}

impl fmt::Debug for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// `remote_nonnull_domain`: a domain by name, UUID and live id (−1 when inactive).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct DomainRef {
    pub name: String,
    pub uuid: Uuid,
    pub id: i32,
}

/// `remote_nonnull_network`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct NetworkRef {
    pub name: String,
    pub uuid: Uuid,
}

/// `remote_nonnull_network_port`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct NetworkPortRef {
    pub net: NetworkRef,
    pub uuid: Uuid,
}

/// `remote_nonnull_storage_pool`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct StoragePoolRef {
    pub name: String,
    pub uuid: Uuid,
}

/// `remote_nonnull_storage_vol`: pool name, volume name and key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct StorageVolRef {
    pub pool: String,
    pub name: String,
    pub key: String,
}

/// `remote_nonnull_interface`: name and MAC string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct InterfaceRef {
    pub name: String,
    pub mac: String,
}

/// `remote_nonnull_node_device`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct NodeDeviceRef {
    pub name: String,
}

/// `remote_nonnull_secret`: UUID, usage type (`virSecretUsageType`) and usage id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct SecretRef {
    pub uuid: Uuid,
    pub usage_type: i32,
    pub usage_id: String,
}

/// `remote_nonnull_nwfilter`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct NwFilterRef {
    pub name: String,
    pub uuid: Uuid,
}

/// `remote_nonnull_nwfilter_binding`: a filter binding by port device and filter name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct NwFilterBindingRef {
    pub portdev: String,
    pub filtername: String,
}

/// `remote_nonnull_domain_snapshot`: snapshot name and its domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct DomainSnapshotRef {
    pub name: String,
    pub dom: DomainRef,
}

/// `remote_nonnull_domain_checkpoint`: checkpoint name and its domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Xdr)]
pub struct DomainCheckpointRef {
    pub name: String,
    pub dom: DomainRef,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_parse_and_display() {
        let u = Uuid::parse("6695eb01-f6a4-8304-79aa-97f2502e193f").unwrap();
        assert_eq!(u.to_string(), "6695eb01-f6a4-8304-79aa-97f2502e193f");
        assert_eq!(Uuid::parse("6695eb01f6a4830479aa97f2502e193f"), Some(u));
        assert_eq!(Uuid::parse("6695eb01f6a4830479aa97f2502e193"), None);
        assert_eq!(Uuid::parse("zz95eb01f6a4830479aa97f2502e193f"), None);
    }

    #[test]
    fn handles_encode_as_remote_nonnull_structs() {
        let uuid = Uuid([7; 16]);
        let dom = DomainRef {
            name: "abcde".into(),
            uuid,
            id: -1,
        };
        let b = rvirt_xdr::to_bytes(&dom).unwrap();
        let mut expect = vec![0, 0, 0, 5, b'a', b'b', b'c', b'd', b'e', 0, 0, 0];
        expect.extend([7; 16]);
        expect.extend([0xff; 4]);
        assert_eq!(b.as_ref(), expect.as_slice());
        assert_eq!(rvirt_xdr::from_bytes::<DomainRef>(&b).unwrap(), dom);

        // uuid is 16 raw bytes with no length word
        assert_eq!(rvirt_xdr::to_bytes(&uuid).unwrap().len(), 16);

        let secret = SecretRef {
            uuid,
            usage_type: 2,
            usage_id: "x".into(),
        };
        let b = rvirt_xdr::to_bytes(&secret).unwrap();
        assert_eq!(&b[16..], &[0, 0, 0, 2, 0, 0, 0, 1, b'x', 0, 0, 0]);

        let snap = DomainSnapshotRef {
            name: "s1".into(),
            dom: dom.clone(),
        };
        let b = rvirt_xdr::to_bytes(&snap).unwrap();
        assert_eq!(b.len(), 8 + 32);
        assert_eq!(
            rvirt_xdr::from_bytes::<DomainSnapshotRef>(&b).unwrap(),
            snap
        );

        let port = NetworkPortRef {
            net: NetworkRef {
                name: "default".into(),
                uuid,
            },
            uuid: Uuid([9; 16]),
        };
        let b = rvirt_xdr::to_bytes(&port).unwrap();
        assert_eq!(b.len(), 12 + 16 + 16);
        assert_eq!(rvirt_xdr::from_bytes::<NetworkPortRef>(&b).unwrap(), port);

        // truncated input is an error, not a panic
        assert!(rvirt_xdr::from_bytes::<DomainRef>(&[0, 0, 0, 5, b'a']).is_err());
    }
}
